/* evk-review-copy.h: a project file for the reference group, without the survey's answers
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-store.h"

G_BEGIN_DECLS

/* Writes a review copy of the project in store to out_path (which must not
 * exist): the strategy, the texts, the charts, the report's outline and
 * comments, and instead of the survey's answers the aggregate tables that
 * the charts, the report (in every language) and the window's per-group
 * chart views draw, with every cell below the small-cell threshold
 * suppressed. No respondent row, free-text answer, contact value, survey
 * file name or freed page of any of them is in the file: it is made from a
 * scrubbed temporary database (secure_delete) with VACUUM INTO, and put
 * under its name only when complete. The project itself is read through a
 * read-only connection of its own and never changed. reviewer may be NULL.
 * Errors name out_path or the project's file. */
gboolean  evk_review_copy_write   (EvkStore    *store,
                                   const char  *out_path,
                                   const char  *reviewer,
                                   GError     **error);

G_END_DECLS
