#!/usr/bin/env python3
# check-layers.py: the includes of app/ follow the layers of README.md.
#
#   check-layers.py APP_DIR             TAP: one test per rule
#   check-layers.py APP_DIR --diagram   the arrows between folders as they are
#
# The folders of app/core/ are in layers, bottom first. A file may include
# headers of its own folder and of any folder in a layer below; folders in
# the same layer do not include each other. Nothing in app/core/ includes
# the window or the command line, and app/gui/ and app/cli/ reach the store
# only through the model (no evk-store*.h, no evk_store_* calls).
#
# Copyright The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import os
import re
import sys

# Keep in step with "Layers" in README.md.
CORE_LAYERS = [
    ['base'],
    ['i18n'],
    ['store'],
    ['survey'],
    ['import', 'model'],
    ['documents'],
    ['stats'],
    ['chart', 'text'],
    ['report'],
    ['review'],
    ['demo'],
]
ABOVE_CORE = ['gui', 'cli', 'tools', '.']
STORE_HEADER = re.compile(r'^evk-store[^/]*\.h$')
STORE_CALL = re.compile(r'\bevk_store_[a-z_]+\s*\(')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'desktop'))
from tap import Tap  # noqa: E402


def sources(top):
    for directory, _, names in os.walk(top):
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                yield os.path.join(directory, name)


def folder_of(app, path):
    """'core/model' for app/core/model/x.c, 'gui' for app/gui/x.c."""
    rel = os.path.relpath(os.path.dirname(path), app)
    parts = rel.split(os.sep)
    if parts[0] == 'core' and len(parts) > 1:
        return 'core/' + parts[1]
    return parts[0]


def main():
    app = sys.argv[1]
    headers = {}
    for path in sources(app):
        if path.endswith('.h'):
            headers.setdefault(os.path.basename(path), folder_of(app, path))

    rank = {}
    for number, layer in enumerate(CORE_LAYERS):
        for folder in layer:
            rank['core/' + folder] = number

    edges = collections.defaultdict(set)
    problems = collections.defaultdict(list)
    unknown = set()
    for path in sources(app):
        source = folder_of(app, path)
        rel = os.path.relpath(path, app)
        if source.startswith('core/') and source not in rank:
            unknown.add(source)
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        for line_number, line in enumerate(text.splitlines(), 1):
            m = INCLUDE.match(line)
            if m is None:
                continue
            name = os.path.basename(m.group(1))
            target = headers.get(name)
            where = '%s:%d: %s' % (rel, line_number, name)
            if source in ('gui', 'cli') and STORE_HEADER.match(name):
                problems['store'].append(where)
            if target is None or target == source:
                continue
            edges[source].add(target)
            if source.startswith('core/'):
                if not target.startswith('core/'):
                    problems['core'].append(where + ' (from ' + target + ')')
                elif source in rank and target in rank and rank[target] >= rank[source]:
                    problems['layers'].append('%s (%s may not include %s)' % (where, source, target))
        if source in ('gui', 'cli'):
            for line_number, line in enumerate(text.splitlines(), 1):
                if STORE_CALL.search(line):
                    problems['store'].append('%s:%d: %s' % (rel, line_number, line.strip()))

    if '--diagram' in sys.argv:
        order = [f for f in ABOVE_CORE if f in edges] + \
                ['core/' + f for layer in reversed(CORE_LAYERS) for f in layer]
        for source in order:
            if edges.get(source):
                targets = sorted(edges[source], key=lambda t: -rank.get(t, 99))
                print('%-15s -> %s' % (source, ', '.join(targets)))
        return 0

    tap = Tap()
    tap.ok(not unknown, 'every folder of app/core has a layer',
           'not in CORE_LAYERS (and README.md): ' + ', '.join(sorted(unknown)))
    tap.ok(not problems['layers'], 'app/core includes only its own layer and those below',
           '\n'.join(problems['layers']))
    tap.ok(not problems['core'], 'app/core includes nothing of the window or the command line',
           '\n'.join(problems['core']))
    tap.ok(not problems['store'], 'app/gui and app/cli reach the store only through the model',
           '\n'.join(problems['store']))
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
