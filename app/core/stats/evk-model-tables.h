/* evk-model-tables.h: tables computed from the strategy and the document review
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-documents-stats.h"
#include "evk-strategy.h"
#include "evk-table.h"

G_BEGIN_DECLS

/* Per goal, how many measures have each status of the project's list;
 * goal_key NULL gives every goal and a total row. */
EvkTable *evk_table_status_summary (EvkStrategy     *strategy,
                                    const char      *goal_key);
/* Measures × codes of the document review, a heading row per goal that
 * carries the goal's counts; goal_key NULL gives every goal. */
EvkTable *evk_table_documents_matrix  (EvkDocumentsStats  *stats,
                                    const char      *goal_key);

/* Documents each agency received, per year (rows agencies, columns years). */
EvkTable *evk_table_documents_per_agency (EvkDocumentsStats *stats);

G_END_DECLS
