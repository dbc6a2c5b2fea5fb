/* bench-stats.c: statistics on a million respondents, fast enough to follow the mouse
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets (issue 3): one awareness/use table in under 5 ms, and switching a
 * group filter (evaluate the filter, recompute the table) in under 10 ms,
 * on 1,000,000 respondents. Prints the median of 21 runs of each.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "evk-stats.h"

#define N_ROWS 1000000

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (double *samples,
           int     n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[n / 2];
}

int
main (void)
{
  g_autoptr(EvkSurvey) survey = evk_survey_new ("bench");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autoptr(EvkStats) stats = NULL;
  EvkVariable *heard, *used, *group;
  double table_ms[21], switch_ms[21];
  const char *filters[] = { "q6 in 1..4", "q6 in 5..7" };

  heard = evk_survey_add_variable (survey, "heard", EVK_VARIABLE_NUMERIC);
  used = evk_survey_add_variable (survey, "used", EVK_VARIABLE_NUMERIC);
  group = evk_survey_add_variable (survey, "q6", EVK_VARIABLE_NUMERIC);
  for (guint i = 0; i < N_ROWS; i++)
    {
      gboolean h = g_rand_double (rand) < 0.215;

      evk_column_append (heard->column, h);
      evk_column_append (used->column, h ? (g_rand_double (rand) < 0.39 ? 1 : 0) : NAN);
      evk_column_append (group->column, g_rand_int_range (rand, 1, 10));
    }
  survey->n_rows = N_ROWS;
  stats = evk_stats_new (survey);

  for (int r = 0; r < 21; r++)
    {
      g_autoptr(EvkTable) table = NULL;
      gint64 start = g_get_monotonic_time ();

      table = evk_stats_awareness (stats, "heard", "used", 1, NULL);
      table_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (table->n_base, ==, N_ROWS);
    }

  for (int r = 0; r < 21; r++)
    {
      g_autoptr(EvkRows) rows = NULL;
      g_autoptr(EvkTable) table = NULL;
      gint64 start = g_get_monotonic_time ();

      rows = evk_rows_new_from_text (survey, filters[r % 2], NULL);
      evk_stats_set_group (stats, rows, NULL);
      table = evk_stats_awareness (stats, "heard", "used", 1, NULL);
      switch_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (table->n_base, ==, rows->n_selected);
    }

  printf ("awareness table, %d respondents: %.2f ms (target < 5 ms)\n", N_ROWS, median_ms (table_ms, 21));
  printf ("group switch + table, %d respondents: %.2f ms (target < 10 ms)\n", N_ROWS, median_ms (switch_ms, 21));
  return 0;
}
