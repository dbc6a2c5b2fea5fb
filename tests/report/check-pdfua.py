#!/usr/bin/python3
# check-pdfua.py: the machine-checkable PDF/UA-1 conditions of a report PDF
#
# Copyright 2026 The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-pdfua.py FILE.pdf...
# Prints one TAP line per condition and file, each named after the
# Matterhorn Protocol checkpoint it covers; exits 1 if any fails, 77 if
# pikepdf is missing (Debian: python3-pikepdf).

import sys

try:
    import pikepdf
except ImportError:
    print("1..0 # SKIP python3-pikepdf not installed")
    sys.exit(77)

XMP_PDFUA = "{http://www.aiim.org/pdfua/ns/id/}part"


def kids(elem):
    """The structure elements under elem, in order."""
    k = elem.get("/K")
    if k is None:
        return []
    items = list(k) if isinstance(k, pikepdf.Array) else [k]
    return [i for i in items if isinstance(i, pikepdf.Dictionary) and "/S" in i]


def walk(elem):
    for kid in kids(elem):
        yield kid
        yield from walk(kid)


def conditions(pdf):
    """(name, passed, detail) for each condition."""
    root = pdf.Root
    tree = root.get("/StructTreeRoot")
    elems = list(walk(tree)) if tree is not None else []
    types = [str(e.S)[1:] for e in elems]

    top = kids(tree) if tree is not None else []
    yield ("structure: the tree has one Document root",
           len(top) == 1 and str(top[0].S) == "/Document",
           "top-level elements: %s" % [str(t.S) for t in top[:5]])

    levels = [int(t[1]) for t in types if len(t) == 2 and t[0] == "H" and t[1].isdigit()]
    skips = [(a, b) for a, b in zip([0] + levels, levels) if b > a + 1]
    yield ("14-002/14-003: the first heading is H1, no level is skipped",
           len(levels) > 0 and levels[0] == 1 and not skips,
           "%d headings, skips %s" % (len(levels), skips[:3]))

    figures = [e for e in elems if str(e.S) == "/Figure"]
    no_alt = [i for i, f in enumerate(figures) if not str(f.get("/Alt", "")).strip()]
    yield ("13-004: every Figure has /Alt",
           not no_alt, "%d figures, %d without /Alt" % (len(figures), len(no_alt)))

    headers = [e for e in elems if str(e.S) == "/TH"]
    def scope(th):
        a = th.get("/A")
        attrs = list(a) if isinstance(a, pikepdf.Array) else [a] if a is not None else []
        return any(isinstance(x, pikepdf.Dictionary) and "/Scope" in x for x in attrs)
    no_scope = [th for th in headers if not scope(th)]
    yield ("15-003: every TH has /Scope",
           not no_scope, "%d TH, %d without /Scope" % (len(headers), len(no_scope)))

    lists = [e for e in elems if str(e.S) == "/L"]
    bad_lists = [l for l in lists if not kids(l) or any(str(k.S) != "/LI" for k in kids(l))]
    yield ("16 (lists): every L holds LI elements only",
           not bad_lists, "%d lists, %d malformed" % (len(lists), len(bad_lists)))

    mark = root.get("/MarkInfo")
    yield ("ISO 14289-1 7.1: /MarkInfo /Marked true",
           mark is not None and bool(mark.get("/Marked", False)), "")

    prefs = root.get("/ViewerPreferences")
    yield ("07-001/07-002: /ViewerPreferences /DisplayDocTitle true",
           prefs is not None and bool(prefs.get("/DisplayDocTitle", False)), "")

    with pdf.open_metadata() as meta:
        part = meta.get(XMP_PDFUA)
        title = meta.get("dc:title")
        language = meta.get("dc:language")
    yield ("06-002: the XMP metadata has pdfuaid:part 1", str(part) == "1", "part %r" % part)
    yield ("06-003: the XMP metadata has dc:title",
           bool(title and str(title).strip()), "title %r" % title)
    yield ("11 (language): the catalog has /Lang",
           bool(str(root.get("/Lang", "")).strip()), "lang %r, dc:language %r" % (root.get("/Lang"), language))

    no_tabs = [i + 1 for i, page in enumerate(pdf.pages) if page.obj.get("/Tabs") != "/S"]
    yield ("28-008/28-009: every page has /Tabs /S",
           not no_tabs, "%d pages, without: %s" % (len(pdf.pages), no_tabs[:5]))

    links = [a for page in pdf.pages for a in page.obj.get("/Annots", [])
             if a.get("/Subtype") == "/Link"]
    no_contents = [a for a in links if not str(a.get("/Contents", "")).strip()]
    yield ("28-012: every Link annotation has /Contents",
           not no_contents, "%d links, %d without /Contents" % (len(links), len(no_contents)))


def main(paths):
    results = []
    for path in paths:
        with pikepdf.open(path) as pdf:
            for name, passed, detail in conditions(pdf):
                results.append((path, name, passed, detail))
    print("1..%d" % len(results))
    failed = 0
    for n, (path, name, passed, detail) in enumerate(results, 1):
        print("%sok %d - %s: %s%s" % ("" if passed else "not ", n, path.rsplit("/", 1)[-1], name,
                                     " (%s)" % detail if detail else ""))
        failed += not passed
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check-pdfua.py FILE.pdf...", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
