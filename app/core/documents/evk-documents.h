/* evk-documents.h: the document review: documents, codings and the coding sheet
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-store.h"

G_BEGIN_DECLS

/* The codes a new project starts with (data/document-review-format.md); the
 * findings give these three their meaning, a project may add others. */
#define EVK_DOCUMENTS_CODE_ASSIGNMENT "assignment"
#define EVK_DOCUMENTS_CODE_REPORTED   "reported"
#define EVK_DOCUMENTS_CODE_MENTIONED  "mentioned"

typedef enum {
  EVK_DOCUMENT_ALLOCATION_LETTER,
  EVK_DOCUMENT_SUPPLEMENTARY_LETTER,
  EVK_DOCUMENT_ANNUAL_REPORT,
  EVK_DOCUMENT_MEMO,
  EVK_DOCUMENT_RESEARCH_REPORT,
  EVK_N_DOCUMENT_TYPES,
} EvkDocumentType;

typedef struct {
  char            *key;        /* the sheet's document id */
  char            *title;
  EvkDocumentType  type;
  char            *issuer;
  char            *recipient;
  int              year;
  guint            line;       /* first sheet line naming it; 0 when loaded */
} EvkDocument;

typedef struct {
  char       *key;
  GHashTable *name;            /* localized */
} EvkDocumentsCode;

typedef struct {
  EvkDocument *document;       /* owned by the EvkDocuments */
  guint        measure;        /* measure number */
  char        *code;           /* code key */
  int          page;           /* 0 = not given */
  char        *excerpt;        /* NULL = not given */
  guint        line;           /* sheet line; 0 when loaded */
} EvkCoding;

/* A complete, plain snapshot of a project's document review. */
typedef struct {
  GPtrArray *documents;        /* EvkDocument, in sheet order */
  GPtrArray *codings;          /* EvkCoding, in sheet order */
  GPtrArray *codes;            /* EvkDocumentsCode: the project's code list, in order */
} EvkDocuments;

const char       *evk_document_type_to_string   (EvkDocumentType   type);
gboolean          evk_document_type_from_string (const char       *string,
                                                 EvkDocumentType  *type);

EvkDocuments     *evk_documents_new             (void);
void              evk_documents_free            (EvkDocuments     *documents);
EvkDocumentsCode *evk_documents_find_code       (EvkDocuments     *documents,
                                                 const char       *key);
/* Position of the code in documents->codes, or -1. */
int               evk_documents_code_index      (EvkDocuments     *documents,
                                                 const char       *key);

EvkDocuments     *evk_documents_load            (EvkStore         *store,
                                                 GError          **error);

/* Reads a coding sheet, long or wide form (recognised from the header), and
 * replaces the project's documents and codings with it in one transaction.
 * A project without a code list gets the default codes. On error nothing
 * changes and the message (EVK_IMPORT_ERROR) names the file and line:
 * "documents.csv: line 12: the project has no measure 27". Emits the
 * project's "changed" signal with "documents". */
gboolean          evk_documents_import          (EvkProject       *project,
                                                 const char       *path,
                                                 GError          **error);
/* Writes the project's document review as a long-form sheet (UTF-8, comma,
 * quoting only where needed), one row per coding and one per document
 * without codings. */
gboolean          evk_documents_export          (EvkProject       *project,
                                                 const char       *path,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkDocuments, evk_documents_free)

G_END_DECLS
