/* evk-pdf-scan.h: what poppler-glib does not tell of a PDF: which annotation answers which, and a draft's ids
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An annotation as the file's bytes name it: poppler-glib gives the same
 * /NM, /Rect and /Contents, which is how the two are matched. */
typedef struct {
  char    *nm;          /* UTF-8, or NULL */
  char    *contents;    /* UTF-8, or NULL */
  gboolean has_rect;
  double   rect[4];     /* x0 y0 x1 y1, PDF user space, x0 <= x1, y0 <= y1 */
} EvkPdfAnnotKey;

/* A reply (/IRT) and the annotation it answers. */
typedef struct {
  EvkPdfAnnotKey reply;
  EvkPdfAnnotKey parent;
} EvkPdfReply;

typedef struct {
  char   *doc_id;       /* Info's EvalkitDocId, or NULL */
  char   *project_id;   /* Info's EvalkitProjectId, or NULL */
  GArray *replies;      /* EvkPdfReply */
} EvkPdfScan;

/* Reads every object of data, the ones in (Flate-compressed) object
 * streams too, each number's latest revision winning. Never fails: what it
 * cannot read it leaves out. data is untrusted; the work is linear in its
 * length and what it inflates is capped. */
EvkPdfScan *evk_pdf_scan              (const guint8          *data,
                                       gsize                  length);
void        evk_pdf_scan_free         (EvkPdfScan            *scan);

/* Whether key names the annotation with this /NM, rect (PDF user space)
 * and contents, as poppler-glib reports them. */
gboolean    evk_pdf_annot_key_matches (const EvkPdfAnnotKey  *key,
                                       const char            *nm,
                                       const double           rect[4],
                                       const char            *contents,
                                       gboolean               with_contents);

/* A PDF text string (its bytes as in the file, escapes undone) as UTF-8:
 * UTF-16BE with its byte order mark, UTF-8 with one, else
 * PDFDocEncoding. NULL if it is not valid. */
char       *evk_pdf_text_string       (const guint8          *bytes,
                                       gsize                  length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkPdfScan, evk_pdf_scan_free)

G_END_DECLS
