/* evk-pdf-comments.h: comments from a draft PDF that a reviewer annotated in any viewer, and back onto drafts
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_PDF_COMMENTS_ERROR (evk_pdf_comments_error_quark ())

typedef enum {
  EVK_PDF_COMMENTS_ERROR_UNREADABLE,     /* not a PDF poppler can open */
  EVK_PDF_COMMENTS_ERROR_NOT_A_DRAFT,    /* no draft id: not made with `report --draft` */
  EVK_PDF_COMMENTS_ERROR_OTHER_PROJECT,  /* a draft of another project */
  EVK_PDF_COMMENTS_ERROR_UNKNOWN_DRAFT,  /* this project's, but a draft it has no record of */
  EVK_PDF_COMMENTS_ERROR_PAGES,          /* pages added or removed since */
} EvkPdfCommentsError;

typedef struct {
  guint   n_annotations;    /* markup annotations with something to say */
  guint   n_imported;       /* comments and replies added now */
  guint   n_known;          /* imported before (or Evalkit's own notes) */
  guint   n_without_place;  /* of n_imported: on a page with no element, placed "page:N" */
  GArray *pages_without_place;  /* guint, 1-based, ascending, each once */
  char   *doc_id;
} EvkPdfImport;

GQuark     evk_pdf_comments_error_quark (void);

/* Reads every markup annotation of the draft PDF at path (sticky notes,
 * highlights and other text markup with the text under them quoted, free
 * text, shapes with a note, replies) and adds each as a comment anchored to
 * the place of the draft under it, with the viewer's author and date, in
 * one transaction. Each gets a uuid made from the draft's id and the
 * annotation's /NM (else its page, rectangle and text), so a second import
 * of the same file adds nothing; Evalkit's own notes on the draft (their
 * /NM is the comment's uuid) are known already. A file that is not a draft
 * of this project is refused with one message, the project unchanged. */
gboolean   evk_pdf_comments_import      (EvkProject    *project,
                                         const char    *path,
                                         EvkPdfImport  *result,
                                         GError       **error);
void       evk_pdf_import_clear         (EvkPdfImport  *result);

/* The comments a draft shows as notes (EvkReportNote): the open ones and
 * the replies of those. */
GPtrArray *evk_pdf_comments_notes       (EvkProject    *project,
                                         GError       **error);

G_END_DECLS
