#!/usr/bin/env python3
# Checks that the MIME package recognises Evalkit project files: it builds a
# private MIME database from the system's freedesktop.org.xml plus our package,
# makes SQLite files with and without Evalkit's application_id, and asks GIO
# (`gio info`) for their content type.
#
# Exit status 77 (skipped) when update-mime-database, gio or the system's
# freedesktop.org.xml is missing.
#
# Copyright The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import Tap  # noqa: E402

MIME_TYPE = 'application/x-evalkit'
APPLICATION_ID = 0x45564B54  # "EVKT"
SYSTEM_PACKAGE = '/usr/share/mime/packages/freedesktop.org.xml'


def make_sqlite(path, application_id):
    con = sqlite3.connect(path)
    try:
        if application_id is not None:
            con.execute('PRAGMA application_id = %d' % application_id)
        con.execute('CREATE TABLE t (x INTEGER)')
        con.commit()
    finally:
        con.close()


def content_type(gio, path, env):
    proc = subprocess.run([gio, 'info', '-a', 'standard::content-type', path],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, env=env)
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith('standard::content-type:'):
            return line.split(':', 3)[-1].strip()
    return 'unknown (%s)' % proc.stdout.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mime-xml', required=True)
    ap.add_argument('--app-id', required=True)
    ap.add_argument('--update-mime-database')
    ap.add_argument('--gio')
    args = ap.parse_args()

    update = args.update_mime_database or shutil.which('update-mime-database')
    gio = args.gio or shutil.which('gio')
    missing = [name for name, found in (('update-mime-database', update), ('gio', gio),
                                        (SYSTEM_PACKAGE, os.path.isfile(SYSTEM_PACKAGE))) if not found]
    if missing:
        print('# skipped: %s not found' % ', '.join(missing))
        return 77

    tmp = tempfile.mkdtemp(prefix='evalkit-mime-')
    try:
        packages = os.path.join(tmp, 'share', 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(SYSTEM_PACKAGE, packages)
        shutil.copy(args.mime_xml, os.path.join(packages, args.app_id + '.xml'))
        t = Tap()
        proc = subprocess.run([update, '-V', os.path.join(tmp, 'share', 'mime')],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
        ok = proc.returncode == 0 and 'Error' not in proc.stdout and 'Unknown' not in proc.stdout
        t.ok(ok, 'update-mime-database accepts the package', proc.stdout)

        env = dict(os.environ)
        env['XDG_DATA_HOME'] = os.path.join(tmp, 'home')
        env['XDG_DATA_DIRS'] = os.path.join(tmp, 'share')
        env.pop('GIO_USE_VFS', None)
        files = os.path.join(tmp, 'files')
        os.makedirs(files)
        cases = [
            ('project.evalkit', APPLICATION_ID, MIME_TYPE, 'by extension'),
            ('project-without-extension', APPLICATION_ID, MIME_TYPE, 'by SQLite header and application_id'),
            ('plain-database', None, 'application/vnd.sqlite3', 'SQLite file of another application'),
        ]
        for name, app_id, expected, how in cases:
            path = os.path.join(files, name)
            make_sqlite(path, app_id)
            with open(path, 'rb') as f:
                header = f.read(72)
            if app_id is not None:
                t.ok(header[:16] == b'SQLite format 3\0' and header[68:72] == app_id.to_bytes(4, 'big'),
                     '%s: application_id 0x%08X at byte 68' % (name, app_id), repr(header[60:72]))
            found = content_type(gio, path, env)
            t.ok(found == expected, '%s is %s (%s)' % (name, expected, how), 'got: %s' % found)

        return t.finish()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
