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

typedef struct _EvkImportPending EvkImportPending;

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
 * command line prints it ("survey.csv: line 3: …"). A survey that would
 * replace the project's is not written: it comes back as *pending (summary
 * and error NULL) for the user to see what changes and decide. */
char       *evk_import_run_finish       (GAsyncResult        *result,
                                         EvkImportPending   **pending,
                                         GError             **error);

/* Writes a pending survey in a worker thread, in one transaction. The
 * caller keeps pending alive until the callback has run. */
void        evk_import_commit_async     (EvkProject          *project,
                                         EvkImportPending    *pending,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
char       *evk_import_commit_finish    (GAsyncResult        *result,
                                         GError             **error);

/* What a pending replacement changes, for a person; the survey's name. */
char       *evk_import_pending_describe (EvkImportPending    *pending);
const char *evk_import_pending_get_name (EvkImportPending    *pending);
/* After the commit: the survey that was replaced, and the one now stored,
 * for undo and redo. */
EvkSurvey  *evk_import_pending_steal_old (EvkImportPending   *pending);
EvkSurvey  *evk_import_pending_steal_survey (EvkImportPending *pending);
void        evk_import_pending_free     (EvkImportPending    *pending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkImportPending, evk_import_pending_free)

G_END_DECLS
