/* evk-chart-kind.h: the kinds of chart a project can save
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A kind is a word of the model: projects store it by name (chart rows,
 * report settings) and the drawing code draws each one.
 *
 * What each kind expects of its table (the statistics produce these):
 *
 * AWARENESS         rows = offers (or groups), columns = not known / known,
 *                   not used / known and used: one 100 % bar per row.
 * AWARENESS_RANKED  rows = offers ranked, columns = heard of, used. A second
 *                   table (another group) is drawn as a panel beside it.
 * OUTCOME           rows = items with their own n_base, columns = a scale
 *                   plus don't know: stacked 100 % bars, "N: 206/197".
 * DISTRIBUTION      rows = categories, columns = groups (a frequency or a
 *                   crosstab table; further tables add groups).
 * RANKED_SHARES     rows = items of a multiple-response set, first column =
 *                   share of respondents.
 * DIVERGING         rows = items, columns = a bipolar scale (+ don't know):
 *                   bars diverging around the neutral point.
 * STATUS_SUMMARY    rows = goals, columns = statuses, counts in n. A row
 *                   with role TOTAL is drawn apart, as the sum.
 * DOCUMENTS_MATRIX  rows = measures, columns = codes, n = documents. A row
 *                   with role TOTAL starts a group (a goal): its label is the
 *                   group's heading and its cells the group's counts.
 * TABLE             any table, drawn as a table for the report. */
typedef enum {
  EVK_CHART_AWARENESS,
  EVK_CHART_AWARENESS_RANKED,
  EVK_CHART_OUTCOME,
  EVK_CHART_DISTRIBUTION,
  EVK_CHART_RANKED_SHARES,
  EVK_CHART_DIVERGING,
  EVK_CHART_STATUS_SUMMARY,
  EVK_CHART_DOCUMENTS_MATRIX,
  EVK_CHART_TABLE,
  EVK_CHART_N_KINDS
} EvkChartKind;

/* Stable names for storage and the command line: "awareness", … */
const char *evk_chart_kind_to_string   (EvkChartKind  kind);
gboolean    evk_chart_kind_from_string (const char   *name,
                                        EvkChartKind *kind);

G_END_DECLS
