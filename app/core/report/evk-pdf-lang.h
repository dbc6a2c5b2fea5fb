/* evk-pdf-lang.h: the document language of a finished PDF, by incremental update
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* cairo 1.16 has no API for the catalog's /Lang, which screen readers and
 * hyphenating viewers need. This appends a new revision of the catalog
 * with /Lang (lang), a cross-reference section for it and a trailer that
 * points back to the previous one (/Prev): the bytes cairo wrote stay as
 * they are, as PDF's incremental updates intend. Errors name the path and
 * what could not be found. */
gboolean evk_pdf_set_language (const char  *path,
                               const char  *lang,
                               GError     **error);

/* A comment shown on a draft as a PDF text annotation (a sticky note). */
typedef struct {
  guint       page;          /* 1-based */
  double      x, y;          /* the icon's top-left corner: points from the page's top-left */
  const char *uuid;          /* /NM: the comment it shows, so an import knows it */
  const char *parent_uuid;   /* /IRT: the note it answers, among the same notes; or NULL */
  const char *author;        /* /T */
  const char *date;          /* ISO 8601: /M and /CreationDate; or NULL */
  const char *subject;       /* /Subj: what it is about; or NULL */
  const char *text;          /* /Contents */
} EvkPdfNote;

/* The notes are written here, in the one revision the file gets anyway,
 * rather than by opening the finished draft with poppler-glib, adding
 * annotations and saving a copy: poppler-glib 22 can set neither /NM nor
 * /IRT, and without /NM an import could not tell a comment Evalkit showed
 * from a reviewer's new one (it would come back as a duplicate), without
 * /IRT viewers would not show replies as a thread. It also spares a
 * second parse and save of a report of some hundred pages.
 *
 * The same revision for a draft: with /Lang, the document id (a UUID) as
 * the first string of the trailer's /ID, which viewers keep when they save
 * (the PDF standard asks them to), the document and project ids in the
 * Info dictionary (EvalkitDocId, EvalkitProjectId: cairo 1.16 has no API
 * for keys of one's own), and the notes as text annotations on their
 * pages. */
gboolean evk_pdf_finish_draft (const char        *path,
                               const char        *lang,
                               const char        *doc_id,
                               const char        *project_id,
                               const EvkPdfNote  *notes,
                               guint              n_notes,
                               GError           **error);

/* What PDF/UA-1 asks of a tagged report that cairo 1.16 cannot write, in
 * one more incremental update: each Figure element's /Alt (figure_alts,
 * in the order the Figure elements appear in the structure tree, depth
 * first), /Scope /Column on each TH, each link annotation's /Contents
 * (link_texts, page by page in the order of each page's /Annots), /Tabs
 * /S on each page, an XMP
 * metadata stream (dc:title, dc:language, pdfuaid:part 1),
 * /ViewerPreferences << /DisplayDocTitle true >> and /MarkInfo; and,
 * built against cairo older than 1.18 (which has no artifact marking), a
 * new revision of each page's content stream with whatever was drawn
 * outside the tags (running heads, page numbers, rules) marked as
 * /Artifact (evk_pdf_mark_artifacts).
 *
 * Why this code and not libqpdf: the file is ours, written by cairo in a
 * form this code already reads (classic cross-reference table, one
 * dictionary per object), and the changes are new revisions of a few
 * dictionaries plus one new stream, the same operation that sets /Lang.
 * qpdf would be a second PDF library in the build, the Flatpak and the
 * Debian package list for a few dozen lines, and would rewrite the whole
 * file (hundreds of pages, every chart) instead of appending to it. The
 * artifact pass is the one place where qpdf would bring more than
 * dictionary edits (its content-stream tokenizer); ours reads only what
 * cairo writes, is bounded in size, and is tested on the constructs a
 * tokenizer gets wrong (nested and escaped strings, inline images,
 * operators inside strings and dictionaries). An
 * count of elements or links that does not match the texts is an error
 * rather than a silent mismatch: an alt text must not land on the wrong
 * chart. */
gboolean evk_pdf_make_accessible (const char          *path,
                                  const char          *title,
                                  const char          *lang,
                                  const char * const  *figure_alts,
                                  guint                n_figure_alts,
                                  const char * const  *link_texts,
                                  guint                n_link_texts,
                                  GError             **error);

/* A page's content stream (uncompressed) with every run of painting or
 * text operators outside marked content wrapped in "/Artifact BMC … EMC",
 * never across a text object's bounds; the rest byte for byte. NULL and an
 * error for a stream that does not tokenize, whose marked content or text
 * objects do not nest, or that is too large. Used on cairo 1.16, which has
 * no artifact marking (evk_pdf_make_accessible). */
char *evk_pdf_mark_artifacts (const char  *data,
                              gsize        length,
                              gsize       *out_length,
                              GError     **error);

G_END_DECLS
