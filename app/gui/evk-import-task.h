/* evk-import-task.h: an import run in a worker thread, all or nothing
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "evk-project.h"

G_BEGIN_DECLS

typedef enum {
  EVK_IMPORT_SURVEY,        /* .sav/.zsav/.por/.dta, or .csv with an optional codebook */
  EVK_IMPORT_CODEBOOK,      /* labels in further languages for the project's survey */
  EVK_IMPORT_DOCUMENTS,     /* a document-review coding sheet */
  EVK_IMPORT_STRATEGY,      /* a strategy definition file */
} EvkImportKind;

typedef void (*EvkImportProgress) (double   fraction,
                                   gpointer user_data);

const char *evk_import_kind_to_string   (EvkImportKind        kind);
gboolean    evk_import_kind_from_string (const char          *text,
                                         EvkImportKind       *kind);

/* Reads file (and for a CSV survey the codebook, may be NULL) in a worker
 * thread with its own connection to the project file, and commits in one
 * transaction: on an error or a cancel the project is as it was. progress
 * is called in the caller's main context. When the import committed, the
 * project's "changed" signal is emitted in the caller's thread. */
void        evk_import_run_async        (EvkProject          *project,
                                         EvkImportKind        kind,
                                         GFile               *file,
                                         GFile               *codebook,
                                         GCancellable        *cancellable,
                                         EvkImportProgress    progress,
                                         gpointer             progress_data,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* A one-line summary of what was imported, or NULL with the error as the
 * command line prints it ("survey.csv: line 3: …"). */
char       *evk_import_run_finish       (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
