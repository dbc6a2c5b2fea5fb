/* evk-chart-kind.c: the kinds of chart a project can save
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-chart-kind.h"

static const char * const kind_names[EVK_CHART_N_KINDS] = {
  [EVK_CHART_AWARENESS] = "awareness",
  [EVK_CHART_AWARENESS_RANKED] = "awareness-ranked",
  [EVK_CHART_OUTCOME] = "outcome",
  [EVK_CHART_DISTRIBUTION] = "distribution",
  [EVK_CHART_RANKED_SHARES] = "ranked-shares",
  [EVK_CHART_DIVERGING] = "diverging",
  [EVK_CHART_STATUS_SUMMARY] = "status-summary",
  /* Saved in projects' chart rows and report settings: the word stays. */
  [EVK_CHART_DOCUMENTS_MATRIX] = "review-matrix",
  [EVK_CHART_TABLE] = "table",
};

const char *
evk_chart_kind_to_string (EvkChartKind kind)
{
  g_return_val_if_fail (kind < EVK_CHART_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
evk_chart_kind_from_string (const char   *name,
                            EvkChartKind *kind)
{
  for (guint k = 0; k < EVK_CHART_N_KINDS; k++)
    if (g_strcmp0 (kind_names[k], name) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}
