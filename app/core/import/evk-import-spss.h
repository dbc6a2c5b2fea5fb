/* evk-import-spss.h: reads SPSS (.sav, .zsav, .por) and Stata (.dta) files through ReadStat
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

/* The error domain (EVK_IMPORT_ERROR, EvkImportError) is shared by every
 * importer and defined there. */
#include "evk-import-error.h"
#include "evk-survey.h"

G_BEGIN_DECLS

/* Reads path into a new survey named name, with every label in language
 * lang. The format comes from the content, never the extension. Kept:
 * variable names, labels, value labels (numeric and string), user-defined
 * missing values and ranges (as EvkMissing, their kind guessed from the
 * code's value label), measurement level, format (dates stay numbers with
 * their SPSS or Stata format: "EDATE10", "%td"), display width, the SPSS
 * weight variable and multiple-response sets. Stata's tagged missing values
 * (.a–.z) arrive as system-missing; a label on one is kept as a value label
 * whose str_value is the tag (".a"), which numeric look-ups never match.
 * All text arrives as UTF-8.
 *
 * Runs in the caller's thread; progress (may be NULL) gets the fraction of
 * rows read, and cancellable is checked every few thousand rows. Errors are
 * EVK_IMPORT_ERROR and start with the file's name: "survey.sav: variable
 * q17_3: …", "survey.sav: not an SPSS, Stata or SPSS portable file". */
EvkSurvey *evk_import_spss (const char    *path,
                            const char    *name,
                            const char    *lang,
                            GCancellable  *cancellable,
                            void         (*progress) (double   fraction,
                                                      gpointer data),
                            gpointer       progress_data,
                            GError       **error);

G_END_DECLS
