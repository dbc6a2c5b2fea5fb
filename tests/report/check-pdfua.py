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


# Operators that paint or show something: the content 01-005 is about.
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "Tj", "TJ", "'", '"',
            "INLINE IMAGE", "BI"}


MAX_ARTIFACT_TEXT = 6


def marked_content(page):
    """(painting operators outside marked content, artifacts inside tagged
    content, tagged content inside artifacts, whether BT/ET and marked
    content nest, text-showing operators in artifacts) for one page's
    content stream."""
    outside = art_in_tag = tag_in_art = art_text = 0
    stack = []
    nests = True
    text_depth = None   # the marked-content depth at BT, while in a text object
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BMC", "BDC"):
            # Tagged content has an /MCID; other marked content (a /Span
            # with /ActualText) tags nothing.
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            tag = str(operands[0])
            if tag != "/Artifact":
                tag = "tag" if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
            if tag == "/Artifact" and "tag" in stack:
                art_in_tag += 1
            if tag == "tag" and "/Artifact" in stack:
                tag_in_art += 1
            stack.append(tag)
        elif op == "EMC":
            if not stack or (text_depth is not None and len(stack) <= text_depth):
                nests = False
            if stack:
                stack.pop()
        elif op == "BT":
            text_depth = len(stack)
        elif op == "ET":
            if text_depth != len(stack):
                nests = False
            text_depth = None
        elif op in PAINTING and not any(stack):
            outside += 1
        if op in ("Tj", "TJ", "'", '"') and "/Artifact" in stack:
            art_text += 1
    if stack:
        nests = False
    return outside, art_in_tag, tag_in_art, nests, art_text


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

    marks = [marked_content(page) for page in pdf.pages]
    untagged = [(i + 1, m[0]) for i, m in enumerate(marks) if m[0]]
    yield ("01-005: no painting or text operator outside tagged content or an artifact",
           not untagged, "%d pages, with untagged content (page, operators): %s"
           % (len(marks), untagged[:5]))
    mixed = [i + 1 for i, m in enumerate(marks) if m[1] or m[2]]
    yield ("01-001/01-002: no artifact inside tagged content, no tagged content in an artifact",
           not mixed, "pages: %s" % mixed[:5])
    # What becomes an artifact is what the layout left untagged: text
    # there must be page furniture (two running heads, the page number, a
    # draft mark), not real content hidden from screen readers.
    hidden = [(i + 1, m[4]) for i, m in enumerate(marks) if m[4] > MAX_ARTIFACT_TEXT]
    yield ("01-005: text in artifacts is page furniture only (at most %d strings a page)"
           % MAX_ARTIFACT_TEXT, not hidden, "pages (page, strings): %s" % hidden[:5])
    tangled = [i + 1 for i, m in enumerate(marks) if not m[3]]
    yield ("ISO 32000 14.6: marked content nests, and nests with text objects",
           not tangled, "pages: %s" % tangled[:5])

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
