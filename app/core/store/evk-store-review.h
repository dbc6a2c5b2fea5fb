/* evk-store-review.h: what every layer needs to know of the review: the project id, review copies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-store.h"

G_BEGIN_DECLS

/* The project's stable id (project_meta "project_id", a UUID), which its
 * review copies and draft PDFs carry so that they are matched to it. Made
 * by the migration that brought the file to version 4; a file that lost it
 * gets a new one when it is open for writing. A review copy answers with
 * its project's id. */
char     *evk_project_id            (EvkStore    *store,
                                     GError     **error);

/* Whether the file is a review copy (evalkit review-copy), and whose:
 * reviewer, when asked for, is set to the reviewer's name ("" when none
 * was given). FALSE for a project's own file, and for one that cannot be
 * read. */
gboolean  evk_store_is_review_copy  (EvkStore    *store,
                                     char       **reviewer);

/* One stored table of a review copy in lang as written
 * (review_table.table_json), or NULL without an error when the copy has
 * none for exactly that spec and language. */
char     *evk_store_get_review_table (EvkStore    *store,
                                      const char  *spec,
                                      const char  *lang,
                                      GError     **error);

/* Whether the copy has the table of this (canonical) spec in any
 * language. */
gboolean  evk_store_has_review_table (EvkStore    *store,
                                      const char  *spec);

G_END_DECLS
