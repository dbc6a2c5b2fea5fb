/* evk-import-csv.h: imports a survey from a CSV of respondents and a codebook CSV
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "evk-import-error.h"
#include "evk-survey.h"

G_BEGIN_DECLS

/* Reads data_path (a header row of variable names, one row per respondent)
 * and, when given, codebook_path (labels, value labels, missing codes,
 * types, multiple-response sets), as data/survey-csv-format.md describes.
 * Unbracketed label columns of the codebook are in lang; "label[en]" is in
 * "en". name is the survey's name (NULL: the data file's name without
 * extension). progress, when given, is called with 0 to 1 from the calling
 * thread. Errors (EVK_IMPORT_ERROR) name the file, the line or variable,
 * and the problem. */
EvkSurvey *evk_import_csv (const char    *data_path,
                           const char    *codebook_path,
                           const char    *name,
                           const char    *lang,
                           GCancellable  *cancellable,
                           void         (*progress) (double   fraction,
                                                     gpointer user_data),
                           gpointer       progress_data,
                           GError       **error);

/* Adds the codebook's labels in the languages the survey lacks (an SPSS
 * file's English labels, say). Errors name the codebook and line. */
gboolean   evk_import_codebook_translations (EvkSurvey   *survey,
                                             const char  *codebook_path,
                                             const char  *lang,
                                             GError     **error);

G_END_DECLS
