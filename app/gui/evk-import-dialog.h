/* evk-import-dialog.h: import a survey, codebook, coding sheet or strategy
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-import-task.h"
#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_TYPE_IMPORT_DIALOG (evk_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvkImportDialog, evk_import_dialog, EVK, IMPORT_DIALOG, AdwWindow)

EvkImportDialog *evk_import_dialog_new          (GtkWindow       *parent,
                                                 EvkProject      *project,
                                                 EvkImportKind    kind);
void             evk_import_dialog_set_file     (EvkImportDialog *self,
                                                 GFile           *file);
void             evk_import_dialog_set_codebook (EvkImportDialog *self,
                                                 GFile           *codebook);
/* What the Import button does. "finished" follows with TRUE on success
 * (the dialog then closes) or FALSE with the error shown in the dialog. */
void             evk_import_dialog_start        (EvkImportDialog *self);
gboolean         evk_import_dialog_is_running   (EvkImportDialog *self);
/* The error shown, or NULL. */
const char      *evk_import_dialog_get_error    (EvkImportDialog *self);
/* A survey was read that would replace the project's: the dialog shows
 * what changes, and the Import button (now Replace Survey) writes it. */
gboolean         evk_import_dialog_is_pending   (EvkImportDialog *self);
const char      *evk_import_dialog_get_changes  (EvkImportDialog *self);
/* In a "finished" handler after a replacement: the survey before and the
 * one stored now, for undo; FALSE for any other import. */
gboolean         evk_import_dialog_take_replaced (EvkImportDialog *self,
                                                  EvkSurvey      **old,
                                                  EvkSurvey      **survey);

G_END_DECLS
