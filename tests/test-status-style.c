/* test-status-style.c: a status's colour and "counts as completed" reach the summary chart
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "evk-chart-style.h"
#include "evk-chart.h"
#include "evk-model-tables.h"
#include "evk-project-edit.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  EvkProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *strategy = evk_test_demo_strategy ();

  f->dir = evk_test_tmpdir ();
  path = g_build_filename (f->dir, "p.evalkit", NULL);
  f->project = evk_project_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_import_strategy (f->project, strategy, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Draws the summary in English, without value labels on the bars; returns
 * the texts drawn, and the colour near the start of the first bar segment
 * of column 0. */
static GPtrArray *
draw (EvkTable *table,
      guint32  *first_colour)
{
  GPtrArray *drawn = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_screen (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 500);
  cairo_t *cr = cairo_create (surface);
  EvkChartSpec spec;
  EvkChartHits *hits;

  evk_chart_spec_init (&spec, EVK_CHART_STATUS_SUMMARY, "en");
  spec.show_values = FALSE;
  evk_chart_style_set_recorder (style, drawn);
  hits = evk_chart_draw (EVK_CHART_STATUS_SUMMARY, table, &spec, style, cr, 900, 500);
  evk_chart_style_set_recorder (style, NULL);
  cairo_surface_flush (surface);
  *first_colour = 0;
  for (guint i = 0; i < hits->hits->len; i++)
    {
      EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);

      if (hit->kind == EVK_CHART_HIT_CELL && hit->column == 0 && hit->width > 4)
        {
          int x = (int) (hit->x + 3), y = (int) (hit->y + hit->height / 2);
          guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) +
                                      y * cairo_image_surface_get_stride (surface));

          *first_colour = row[x] & 0xffffff;
          break;
        }
    }
  evk_chart_hits_free (hits);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return drawn;
}

static gboolean
drew (GPtrArray  *drawn,
      const char *part)
{
  for (guint i = 0; i < drawn->len; i++)
    if (strstr (g_ptr_array_index (drawn, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_palette (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (f->project, &error);
  EvkTable *table = evk_table_status_summary (strategy, NULL);
  g_autoptr(GPtrArray) drawn = NULL;
  guint32 colour;

  /* The demo sets neither: the chart looks as it always did. */
  g_assert_null (evk_table_column (table, 0)->colour);
  g_assert_false (evk_table_column (table, 0)->completed);
  drawn = draw (table, &colour);
  for (guint i = 0; i < drawn->len; i++)
    g_assert_false (g_regex_match_simple ("[0-9] of [0-9]+ completed", g_ptr_array_index (drawn, i), 0, 0));
  g_assert_cmphex (colour, !=, 0x2e7d32);
  evk_table_free (table);
}

static void
test_own_colour (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GPtrArray) drawn = NULL;
  EvkTable *table;
  guint32 colour;
  guint done = 0, all = 0;
  g_autofree char *expected = NULL;

  g_assert_true (evk_project_set_status_style (f->project, "completed", "#2E7D32", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (evk_project_set_status_style (f->project, "partly-completed", NULL, TRUE, &error));
  g_assert_no_error (error);
  strategy = evk_project_load_strategy (f->project, &error);
  g_assert_no_error (error);
  table = evk_table_status_summary (strategy, NULL);
  g_assert_cmpstr (evk_table_column (table, 0)->colour, ==, "#2e7d32");
  g_assert_true (evk_table_column (table, 0)->completed);
  g_assert_true (evk_table_column (table, 1)->completed);
  g_assert_false (evk_table_column (table, 2)->completed);

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);

      all++;
      done += g_strcmp0 (measure->status, "completed") == 0 || g_strcmp0 (measure->status, "partly-completed") == 0;
    }
  drawn = draw (table, &colour);
  g_assert_cmphex (colour, ==, 0x2e7d32);
  /* The total row: both flagged statuses count. */
  expected = g_strdup_printf ("%u of %u completed", done, all);
  g_assert_true (drew (drawn, expected));
  evk_table_free (table);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/evk/status-style/palette", Fixture, NULL, fixture_set_up, test_palette, fixture_tear_down);
  g_test_add ("/evk/status-style/own-colour", Fixture, NULL, fixture_set_up, test_own_colour, fixture_tear_down);

  return g_test_run ();
}
