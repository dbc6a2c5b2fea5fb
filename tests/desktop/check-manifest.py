#!/usr/bin/env python3
# Checks the Flatpak manifest and its agreement with the desktop integration
# files: every downloaded source pinned by sha256, the sandbox without network
# or file-system holes, and one application id everywhere.
#
# Copyright The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import Tap, bail_out  # noqa: E402

SHA256 = re.compile(r'^[0-9a-f]{64}$')
REQUIRED_ARGS = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
# Hosts that must not appear in the manifest: the sources come from upstream.
FORBIDDEN_HOSTS = ('debian.org', 'debian.net', 'ubuntu.com')


def forbidden_finish_arg(arg):
    if arg.startswith('--filesystem') or arg.startswith('--persist'):
        return 'files must go through portals'
    if arg == '--share=network':
        return 'Evalkit works offline'
    if arg == '--socket=x11':
        return 'use --socket=fallback-x11'
    if arg == '--device=all':
        return 'only --device=dri is needed'
    return None


def walk_modules(modules, out):
    for module in modules:
        if isinstance(module, str):
            out.append({'name': module, 'external': True})
            continue
        out.append(module)
        walk_modules(module.get('modules', []), out)
    return out


def read_desktop(path):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser['Desktop Entry']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--app-id', required=True)
    ap.add_argument('--manifest', required=True)
    ap.add_argument('--desktop', required=True, help='source .desktop.in')
    ap.add_argument('--metainfo', required=True, help='source .metainfo.xml.in')
    ap.add_argument('--schema', required=True)
    ap.add_argument('--mime', required=True)
    ap.add_argument('--icons', required=True, help='the data/icons/hicolor directory')
    ap.add_argument('--flatpak-builder', help='default: flatpak-builder on PATH, if any')
    args = ap.parse_args()
    app_id = args.app_id
    t = Tap()

    # The manifest itself.
    try:
        with open(args.manifest, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        bail_out('%s is not valid JSON: %s' % (args.manifest, e))
    t.ok(True, 'manifest is valid JSON: %s' % os.path.basename(args.manifest))
    t.ok(os.path.basename(args.manifest) == app_id + '.json',
         'manifest file is named after the app id', os.path.basename(args.manifest))
    t.ok(manifest.get('id') == app_id, 'manifest id is %s' % app_id, 'id: %r' % manifest.get('id'))
    t.ok(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
         'runtime is org.gnome.Platform with org.gnome.Sdk',
         'runtime: %r, sdk: %r' % (manifest.get('runtime'), manifest.get('sdk')))
    version = manifest.get('runtime-version')
    t.ok(isinstance(version, str) and re.match(r'^\d+$', version or ''),
         'runtime-version is a GNOME release number', 'runtime-version: %r' % version)
    command = manifest.get('command')
    t.ok(command == 'evalkit', 'command is evalkit', 'command: %r' % command)

    finish_args = manifest.get('finish-args', [])
    missing = [a for a in REQUIRED_ARGS if a not in finish_args]
    t.ok(not missing, 'finish-args grant ' + ', '.join(REQUIRED_ARGS), 'missing: %s' % missing)
    holes = ['%s (%s)' % (a, forbidden_finish_arg(a)) for a in finish_args if forbidden_finish_arg(a)]
    t.ok(not holes, 'finish-args have no network, file-system or X11 permission', '\n'.join(holes))
    extra = [a for a in finish_args if a not in REQUIRED_ARGS]
    if extra:
        print('# other finish-args: %s' % ' '.join(extra))

    # Every module's downloads are pinned.
    modules = walk_modules(manifest.get('modules', []), [])
    t.ok(len(modules) >= 2, 'manifest has library modules and the app module',
         'modules: %s' % [m.get('name') for m in modules])
    t.ok(not [m for m in modules if m.get('external')],
         'no module is an external file', 'modules must be inline so the test sees their sources')
    for module in modules[:-1]:
        name = module.get('name', '?')
        sources = module.get('sources', [])
        problems = []
        if not sources:
            problems.append('no sources')
        for source in sources:
            kind = source.get('type')
            if kind in ('archive', 'file'):
                url = source.get('url', '')
                if not url.startswith('https://'):
                    problems.append('%s source without an https url: %r' % (kind, url or source.get('path')))
                if not SHA256.match(source.get('sha256', '')):
                    problems.append('%s has no sha256 of 64 hex digits' % url)
                if any(host in url for host in FORBIDDEN_HOSTS):
                    problems.append('%s is a distribution mirror, not upstream' % url)
            elif kind == 'git':
                if not re.match(r'^[0-9a-f]{40}$', source.get('commit', '')):
                    problems.append('git source %s is not pinned to a commit' % source.get('url'))
            elif kind in ('shell', 'script', 'patch', 'inline'):
                if kind == 'patch' and 'url' in source and not SHA256.match(source.get('sha256', '')):
                    problems.append('patch %s has no sha256' % source['url'])
            else:
                problems.append('source type %r cannot be pinned' % kind)
        pinned = ', '.join('%s %s…' % (os.path.basename(s.get('url', s.get('path', '?'))), s.get('sha256', '')[:12])
                           for s in sources if s.get('type') in ('archive', 'file'))
        t.ok(not problems, 'module %s: every source pinned (%s)' % (name, pinned), '\n'.join(problems))

    app = modules[-1]
    app_sources = app.get('sources', [])
    t.ok(app.get('name') == 'evalkit' and app.get('buildsystem') == 'meson',
         'last module is evalkit, built with meson',
         'name: %r, buildsystem: %r' % (app.get('name'), app.get('buildsystem')))
    t.ok(len(app_sources) == 1 and app_sources[0].get('type') == 'dir' and app_sources[0].get('path') == '..',
         'the app is built from this source tree (type dir, path "..")', json.dumps(app_sources))
    tree = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(args.manifest)), '..'))
    t.ok(os.path.exists(os.path.join(tree, 'data', app_id + '.desktop.in')),
         'path ".." from flatpak/ is the source tree', tree)
    # flatpak-builder itself parses the manifest (no runtime needed for that)
    # and warns about every property it does not know. It leaves a
    # .flatpak-builder directory in its working directory: use a scratch one.
    builder = args.flatpak_builder or shutil.which('flatpak-builder')
    if builder:
        with tempfile.TemporaryDirectory(prefix='evalkit-flatpak-') as scratch:
            proc = subprocess.run([builder, '--show-manifest', os.path.abspath(args.manifest)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  universal_newlines=True, cwd=scratch)
        t.ok(proc.returncode == 0 and 'Unknown property' not in proc.stderr and 'WARNING' not in proc.stderr,
             'flatpak-builder --show-manifest reads it without warnings', proc.stderr)
    else:
        t.skip('flatpak-builder --show-manifest', 'flatpak-builder not installed')
    text = open(args.manifest, encoding='utf-8').read()
    mirrors = [h for h in FORBIDDEN_HOSTS if h in text]
    t.ok(not mirrors, 'manifest names no distribution mirror', ', '.join(mirrors))

    # One app id across the desktop integration files.
    t.ok(os.path.basename(args.desktop) == app_id + '.desktop.in',
         'desktop file is named %s.desktop' % app_id, os.path.basename(args.desktop))
    entry = read_desktop(args.desktop)
    t.ok(entry.get('Icon') == app_id, 'desktop file Icon is %s' % app_id, 'Icon=%s' % entry.get('Icon'))
    exec_line = entry.get('Exec', '').split()
    t.ok(exec_line[:1] == [command], 'desktop file runs the manifest command', 'Exec=%s' % entry.get('Exec'))

    meta = ET.parse(args.metainfo).getroot()
    t.ok(meta.findtext('id') == app_id, 'metainfo <id> is %s' % app_id, 'id: %r' % meta.findtext('id'))
    launchable = meta.findtext("launchable[@type='desktop-id']")
    t.ok(launchable == app_id + '.desktop', 'metainfo launchable is %s.desktop' % app_id,
         'launchable: %r' % launchable)
    t.ok(meta.findtext('provides/binary') == command, 'metainfo provides the binary %s' % command,
         'binary: %r' % meta.findtext('provides/binary'))

    icons = {
        'application icon': os.path.join(args.icons, 'scalable', 'apps', app_id + '.svg'),
        'symbolic icon': os.path.join(args.icons, 'symbolic', 'apps', app_id + '-symbolic.svg'),
    }
    for what, path in icons.items():
        t.ok(os.path.isfile(path), '%s exists: %s' % (what, os.path.relpath(path, args.icons)), path)

    schema = ET.parse(args.schema).getroot().find('schema')
    t.ok(os.path.basename(args.schema) == app_id + '.gschema.xml' and schema is not None
         and schema.get('id') == app_id,
         'GSettings schema id is %s' % app_id, 'id: %r' % (schema.get('id') if schema is not None else None))
    expected_path = '/' + app_id.replace('.', '/') + '/'
    t.ok(schema is not None and schema.get('path') == expected_path,
         'GSettings schema path is %s' % expected_path,
         'path: %r' % (schema.get('path') if schema is not None else None))

    ns = {'m': 'http://www.freedesktop.org/standards/shared-mime-info'}
    mime_types = ET.parse(args.mime).getroot().findall('m:mime-type', ns)
    mime_names = [m.get('type') for m in mime_types]
    desktop_mimes = [m for m in entry.get('MimeType', '').split(';') if m]
    meta_mimes = [m.text for m in meta.findall('provides/mediatype')]
    t.ok(mime_names and sorted(mime_names) == sorted(desktop_mimes) == sorted(meta_mimes),
         'MIME types agree: package, desktop MimeType and metainfo mediatype',
         'mime xml: %s, desktop: %s, metainfo: %s' % (mime_names, desktop_mimes, meta_mimes))
    for mime in mime_types:
        icon = mime.find('m:icon', ns)
        name = icon.get('name') if icon is not None else None
        path = os.path.join(args.icons, 'scalable', 'mimetypes', '%s.svg' % name)
        t.ok(name is not None and name.startswith(app_id + '-') and os.path.isfile(path),
             'MIME icon of %s is named after the app id and exists' % mime.get('type'),
             'icon: %r, file: %s' % (name, path))

    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
