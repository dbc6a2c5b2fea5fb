#!/usr/bin/env python3
# make-pdf-comments-seeds.py DIR: the seed corpus of fuzz-pdf-comments: a
# small two-page "draft" with the id that target's project knows
# (f022f022-0000-4000-8000-000000000001), annotated as viewers annotate:
# a sticky note, a highlight with a note over a line of text, a reply
# (/IRT) to the note, free text, a note on the second page; written once
# with classic cross-references and once (through qpdf, if installed)
# with object streams.
#
# Copyright The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

DOC_ID = 'f022f022000040008000000000000001'


def pdf(objects, info):
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for offset in offsets:
        out += b'%010d 00000 n \n' % offset
    out += (b'trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n'
            % (len(objects) + 1, info, DOC_ID.encode(), DOC_ID.encode(), xref))
    return bytes(out)


def main():
    target = sys.argv[1]
    text = b'BT /F1 11 Tf 82 700 Td (Formaal med tiltaket er uklart.) Tj ET'
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595.276 841.89] >>',
        b'<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> '
        b'/Annots [7 0 R 8 0 R 9 0 R 10 0 R] >>',
        b'<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> '
        b'/Annots [11 0 R] >>',
        b'<< /Length %d >>\nstream\n' % len(text) + text + b'\nendstream',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        b'<< /Type /Annot /Subtype /Text /Rect [300 600 320 620] /Contents (Tallene mangler) '
        b'/T (Kari) /M (D:20260301101500Z) /NM (note-1) /Name /Comment /F 28 >>',
        b'<< /Type /Annot /Subtype /Highlight /Rect [82 695 250 712] /Contents <FEFF00C6006E0064007200650020> '
        b'/T (Kari) /QuadPoints [82 712 250 712 82 695 250 695] /C [1 1 0] >>',
        b'<< /Type /Annot /Subtype /Text /Rect [300 600 320 620] /Contents (Enig \\(se side 2\\)) '
        b'/T (Eva) /IRT 7 0 R /RT /R /M (D:20260302080000+01\'00\') >>',
        b'<< /Type /Annot /Subtype /FreeText /Rect [100 100 300 140] /Contents (Kilde?) /DA (/Helv 10 Tf 0 g) '
        b'/T (Per) >>',
        b'<< /Type /Annot /Subtype /Text /Rect [100 100 120 120] /Contents (Side to) /T (Per) >>',
        b'<< /Title (Utkast) /Creator (Evalkit 0.1.0) /EvalkitDocId (f022f022-0000-4000-8000-000000000001) '
        b'/EvalkitProjectId (f022f022-0000-4000-8000-00000000000f) >>',
    ]
    plain = os.path.join(target, 'annotated-draft.pdf')
    with open(plain, 'wb') as f:
        f.write(pdf(objects, len(objects)))
    try:
        subprocess.run(['qpdf', plain, '--object-streams=generate', '--compress-streams=y',
                        os.path.join(target, 'annotated-draft-objstm.pdf')], check=True)
    except FileNotFoundError:
        print('qpdf not installed: only the classic seed', file=sys.stderr)


if __name__ == '__main__':
    main()
