#!/usr/bin/env python3
# Installs the build into a temporary DESTDIR with `meson install --destdir`
# and checks that everything a desktop needs is in place: the binary, the
# desktop file (validated again where installed), the metainfo, the schema,
# the MIME package and the icons, and that the names in them resolve.
#
# Copyright The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import Tap, bail_out  # noqa: E402

MIME_NS = {'m': 'http://www.freedesktop.org/standards/shared-mime-info'}


def under(root, prefix, path):
    """Where an install path (absolute, or relative to prefix) lands in root."""
    full = path if os.path.isabs(path) else os.path.join(prefix, path)
    return os.path.join(root, full.lstrip(os.sep))


def run(argv):
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    return proc.returncode, proc.stdout


def tool(path, name):
    return path if path else shutil.which(name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--meson', required=True)
    ap.add_argument('--builddir', required=True)
    ap.add_argument('--prefix', required=True)
    ap.add_argument('--bindir', required=True)
    ap.add_argument('--datadir', required=True)
    ap.add_argument('--app-id', required=True)
    ap.add_argument('--binary', default='evalkit')
    ap.add_argument('--desktop-file-validate')
    ap.add_argument('--appstreamcli')
    ap.add_argument('--glib-compile-schemas')
    ap.add_argument('--keep', action='store_true', help='keep the DESTDIR for inspection')
    args = ap.parse_args()
    app_id = args.app_id

    destdir = tempfile.mkdtemp(prefix='evalkit-install-')
    try:
        argv = [args.meson, 'install', '-C', args.builddir, '--destdir', destdir, '--no-rebuild']
        print('# ' + ' '.join(argv))
        status, output = run(argv)
        if status != 0:
            print(''.join('# ' + line + '\n' for line in output.splitlines()[-40:]), end='')
            bail_out('meson install failed with status %d' % status)

        installed = sorted(os.path.relpath(os.path.join(d, f), destdir)
                           for d, _, files in os.walk(destdir) for f in files)
        print('# installed %d files under DESTDIR:' % len(installed))
        for path in installed:
            print('#   /' + path)

        t = Tap()
        data = under(destdir, args.prefix, args.datadir)
        binary = os.path.join(under(destdir, args.prefix, args.bindir), args.binary)
        expected = {
            'binary': binary,
            'desktop file': os.path.join(data, 'applications', app_id + '.desktop'),
            'metainfo': os.path.join(data, 'metainfo', app_id + '.metainfo.xml'),
            'GSettings schema': os.path.join(data, 'glib-2.0', 'schemas', app_id + '.gschema.xml'),
            'MIME package': os.path.join(data, 'mime', 'packages', app_id + '.xml'),
            'application icon': os.path.join(data, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'),
            'symbolic icon': os.path.join(data, 'icons', 'hicolor', 'symbolic', 'apps',
                                          app_id + '-symbolic.svg'),
        }
        for what, path in expected.items():
            t.ok(os.path.isfile(path), '%s installed: %s' % (what, '/' + os.path.relpath(path, destdir)),
                 'missing: ' + path)
        t.ok(os.access(binary, os.X_OK), 'binary is executable', binary)

        # The names inside the installed files resolve to installed files.
        desktop = expected['desktop file']
        if os.path.isfile(desktop):
            parser = configparser.ConfigParser(interpolation=None, strict=False)
            parser.optionxform = str
            parser.read(desktop, encoding='utf-8')
            entry = parser['Desktop Entry']
            exec_name = entry.get('Exec', '').split()[:1]
            t.ok(exec_name == [args.binary], 'desktop file Exec runs the installed binary',
                 'Exec=%s' % entry.get('Exec'))
            t.ok(entry.get('Icon') == app_id, 'desktop file Icon names the installed icon',
                 'Icon=%s' % entry.get('Icon'))
            translated = sorted(k for k in entry if k.startswith('Comment['))
            print('# desktop file translations: %s' % (', '.join(translated) or 'none'))

            validate = tool(args.desktop_file_validate, 'desktop-file-validate')
            if validate:
                status, output = run([validate, desktop])
                t.ok(status == 0, 'desktop-file-validate passes on the installed desktop file', output)
            else:
                t.skip('desktop-file-validate on the installed desktop file', 'desktop-file-validate not found')

        metainfo = expected['metainfo']
        if os.path.isfile(metainfo):
            appstreamcli = tool(args.appstreamcli, 'appstreamcli')
            if appstreamcli:
                status, output = run([appstreamcli, 'validate', '--no-net', metainfo])
                t.ok(status == 0, 'appstreamcli validate --no-net passes on the installed metainfo', output)
            else:
                t.skip('appstreamcli on the installed metainfo', 'appstreamcli not found')
            root = ET.parse(metainfo).getroot()
            launchable = root.findtext("launchable[@type='desktop-id']")
            t.ok(launchable and os.path.isfile(os.path.join(data, 'applications', launchable)),
                 'metainfo launchable is the installed desktop file', 'launchable: %r' % launchable)
            langs = sorted({p.get('{http://www.w3.org/XML/1998/namespace}lang')
                            for p in root.iter('p') if p.get('{http://www.w3.org/XML/1998/namespace}lang')})
            print('# metainfo description languages besides en: %s' % (', '.join(langs) or 'none'))

        schema_dir = os.path.dirname(expected['GSettings schema'])
        if os.path.isdir(schema_dir):
            compile_schemas = tool(args.glib_compile_schemas, 'glib-compile-schemas')
            if compile_schemas:
                status, output = run([compile_schemas, '--strict', '--dry-run', schema_dir])
                t.ok(status == 0, 'installed schemas compile with --strict', output)
            else:
                t.skip('glib-compile-schemas on the installed schemas', 'glib-compile-schemas not found')

        mime = expected['MIME package']
        if os.path.isfile(mime):
            for mime_type in ET.parse(mime).getroot().findall('m:mime-type', MIME_NS):
                icon = mime_type.find('m:icon', MIME_NS)
                name = icon.get('name') if icon is not None else mime_type.get('type').replace('/', '-')
                path = os.path.join(data, 'icons', 'hicolor', 'scalable', 'mimetypes', name + '.svg')
                t.ok(os.path.isfile(path), 'icon of %s installed: %s' % (mime_type.get('type'), name), path)

        demo = os.path.join(data, 'evalkit', 'demo')
        print('# demo project data in %s: %s' % ('/' + os.path.relpath(demo, destdir),
                                                 'present' if os.path.isdir(demo) else 'not installed'))
        return t.finish()
    finally:
        if args.keep:
            print('# DESTDIR kept at ' + destdir)
        else:
            shutil.rmtree(destdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
