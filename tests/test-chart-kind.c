/* test-chart-kind.c: the kinds of chart and the names projects store
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-chart-kind.h"

/* These names are in users' projects (chart rows) and report settings
 * ("Kind=…"): they must never change, whatever the code calls a kind. */
static void
test_stored_names (void)
{
  static const struct {
    EvkChartKind kind;
    const char  *name;
  } stored[] = {
    { EVK_CHART_AWARENESS, "awareness" },
    { EVK_CHART_AWARENESS_RANKED, "awareness-ranked" },
    { EVK_CHART_OUTCOME, "outcome" },
    { EVK_CHART_DISTRIBUTION, "distribution" },
    { EVK_CHART_RANKED_SHARES, "ranked-shares" },
    { EVK_CHART_DIVERGING, "diverging" },
    { EVK_CHART_STATUS_SUMMARY, "status-summary" },
    { EVK_CHART_DOCUMENTS_MATRIX, "review-matrix" },
    { EVK_CHART_TABLE, "table" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (stored), ==, EVK_CHART_N_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    {
      EvkChartKind kind = EVK_CHART_N_KINDS;

      g_assert_cmpstr (evk_chart_kind_to_string (stored[i].kind), ==, stored[i].name);
      g_assert_true (evk_chart_kind_from_string (stored[i].name, &kind));
      g_assert_cmpint (kind, ==, stored[i].kind);
    }
}

static void
test_unknown (void)
{
  EvkChartKind kind = EVK_CHART_TABLE;

  g_assert_false (evk_chart_kind_from_string ("documents-matrix", &kind));
  g_assert_false (evk_chart_kind_from_string ("", &kind));
  g_assert_false (evk_chart_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, EVK_CHART_TABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/chart-kind/stored-names", test_stored_names);
  g_test_add_func ("/evk/chart-kind/unknown", test_unknown);
  return g_test_run ();
}
