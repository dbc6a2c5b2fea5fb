#!/usr/bin/env python3
# add-reply.py IN.pdf OUT.pdf PARENT TEXT AUTHOR [PARENT TEXT AUTHOR]…:
# writes OUT.pdf, IN.pdf with a reply to each annotation whose /Contents or
# /NM is PARENT, as Acrobat writes one (a Text annotation with /IRT and
# /RT /R, on its comment's rectangle), through qpdf's JSON. PARENT
# "page:N" adds a sticky note of its own near the middle of page N
# instead, and "freetext:N:X1,Y1,X2,Y2" a free-text annotation (text typed
# straight onto the page, as the viewers' "Add Text" tool does) on that
# rectangle of page N, in PDF space. OUT.pdf is rewritten whole, with object streams, as a viewer's
# "Save As" may do.
#
# poppler-glib, which the tests use for the other annotations, can make
# no reply: it has no way to set /IRT. (qpdf 11.3 leaves objects that are
# in an object stream as they were when a JSON update changes them: give
# this script a file without object streams.)
#
# Copyright The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import subprocess
import sys
import tempfile


def find_parent(objects, parent_key):
    for key, obj in objects.items():
        value = obj.get('value')
        if isinstance(value, dict) and value.get('/Type') == '/Annot' and \
                'u:' + parent_key in (value.get('/Contents'), value.get('/NM')):
            return key
    sys.exit('add-reply.py: no annotation %r' % parent_key)


def find_annots(objects, changed, parent_ref):
    """The key of the object that holds the page's /Annots array, and the
    array (as changed so far)."""
    for key, obj in objects.items():
        value = changed.get(key, obj).get('value')
        if not isinstance(value, dict) or value.get('/Type') != '/Page':
            continue
        annots = value.get('/Annots')
        if isinstance(annots, str):
            array_key = 'obj:' + annots
            array = changed.get(array_key, objects.get(array_key, {})).get('value')
            if isinstance(array, list) and parent_ref in array:
                return key, array_key
        elif isinstance(annots, list) and parent_ref in annots:
            return key, None
    sys.exit('add-reply.py: the annotation is on no page')


def main():
    source, target = sys.argv[1:3]
    replies = sys.argv[3:]
    if len(replies) == 0 or len(replies) % 3 != 0:
        sys.exit('usage: add-reply.py IN.pdf OUT.pdf PARENT TEXT AUTHOR [PARENT TEXT AUTHOR]…')
    dump = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', '--json-key=pages', source],
                                     capture_output=True, check=True).stdout)
    header, objects = dump['qpdf']
    changed = {}
    next_id = header['maxobjectid']
    for i in range(0, len(replies), 3):
        parent_key, text, author = replies[i:i + 3]
        next_id += 1
        new_ref = '%d 0 R' % next_id
        note = {
            '/Type': '/Annot', '/Subtype': '/Text', '/Contents': 'u:' + text, '/T': 'u:' + author,
            '/M': 'u:D:20260301101500Z', '/CreationDate': 'u:D:20260301101500Z',
            '/NM': 'u:note-%d' % next_id, '/F': 28, '/Name': '/Comment',
        }
        if parent_key.startswith('page:') or parent_key.startswith('freetext:'):
            page_number = parent_key.split(':')[1]
            page_key = 'obj:' + dump['pages'][int(page_number) - 1]['object']
            page = dict(changed.get(page_key, objects[page_key])['value'])
            annots = page.get('/Annots', [])
            if isinstance(annots, str):
                array_key = 'obj:' + annots
                array = changed.get(array_key, objects[array_key])['value']
                changed[array_key] = {'value': array + [new_ref]}
            else:
                page['/Annots'] = annots + [new_ref]
                changed[page_key] = {'value': page}
            note['/Rect'] = [300, 400, 320, 420]
            if parent_key.startswith('freetext:'):
                note['/Rect'] = [float(v) for v in parent_key.split(':')[2].split(',')]
                note['/Subtype'] = '/FreeText'
                note['/DA'] = 'u:/Helv 10 Tf 0 g'
                del note['/Name']
        else:
            parent = find_parent(objects, parent_key)
            parent_ref = parent[len('obj:'):]
            page_key, array_key = find_annots(objects, changed, parent_ref)
            if array_key is None:
                page = dict(changed.get(page_key, objects[page_key])['value'])
                page['/Annots'] = page['/Annots'] + [new_ref]
                changed[page_key] = {'value': page}
            else:
                array = changed.get(array_key, objects[array_key])['value']
                changed[array_key] = {'value': array + [new_ref]}
            note.update({'/Rect': objects[parent]['value']['/Rect'], '/IRT': parent_ref, '/RT': '/R'})
        note['/P'] = page_key[len('obj:'):]
        changed['obj:' + new_ref] = {'value': note}
    update = {'qpdf': [{'jsonversion': 2, 'pushedinheritedpageresources': False,
                        'calledgetallpages': False, 'maxobjectid': next_id}, changed]}
    with tempfile.NamedTemporaryFile('w', suffix='.json') as f:
        json.dump(update, f)
        f.flush()
        subprocess.run(['qpdf', source, '--update-from-json=' + f.name, '--object-streams=generate',
                        target], check=True)


if __name__ == '__main__':
    main()
