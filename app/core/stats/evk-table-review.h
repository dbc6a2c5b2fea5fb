/* evk-table-review.h: a table as a review copy keeps it, small cells suppressed
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-table.h"

G_BEGIN_DECLS

/* A review copy stores its tables as evk_table_suppress (evk-disclosure.h)
 * leaves them: what leaves the evaluator's file holds no count of fewer
 * respondents than the project allows, nor one that follows from a total. */

/* The whole table with its texts in lang, as JSON: every number a chart,
 * a report figure or a live figure reads, exactly (doubles round-trip). */
char     *evk_table_to_review_json     (EvkTable    *table,
                                        const char  *lang);
/* Reads one back, its texts in lang; a text the JSON lacks stays unset.
 * The JSON is untrusted (it comes from a file): one of another shape, or
 * with numbers out of range, is an error. */
EvkTable *evk_table_from_review_json   (const char  *json,
                                        const char  *lang,
                                        GError     **error);
/* Adds the texts of other (the same table read in another language) to
 * table; FALSE when other is not the same table. */
gboolean  evk_table_add_review_texts   (EvkTable    *table,
                                        EvkTable    *other,
                                        const char  *lang);

G_END_DECLS
