# Minimal TAP producer shared by the desktop-integration tests.
#
# Copyright The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later

import sys


class Tap:
    """Collects results and prints them as TAP (the plan first, then results).

    Comment lines (# ...) may be printed before finish()."""

    def __init__(self):
        self.results = []

    def ok(self, passed, description, detail=None):
        """Records one check; detail is printed only if it failed."""
        self.results.append((bool(passed), description, detail))
        return bool(passed)

    def skip(self, description, reason):
        self.results.append((None, description, reason))

    def finish(self):
        print('1..%d' % len(self.results))
        failed = 0
        for number, (passed, description, detail) in enumerate(self.results, 1):
            if passed is None:
                print('ok %d - %s # SKIP %s' % (number, description, detail))
                continue
            print('%s %d - %s' % ('ok' if passed else 'not ok', number, description))
            if passed:
                continue
            failed += 1
            if detail:
                for line in str(detail).rstrip().splitlines():
                    print('#   ' + line)
        print('# summary: %d ok, %d not ok' % (len(self.results) - failed, failed))
        sys.stdout.flush()
        return 1 if failed else 0


def bail_out(reason):
    print('Bail out! ' + reason)
    sys.exit(1)
