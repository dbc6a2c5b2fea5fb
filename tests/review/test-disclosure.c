/* test-disclosure.c: a suppressed cell is gone from every output of its table
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "evk-chart-export.h"
#include "evk-chart-style.h"
#include "evk-charts.h"
#include "evk-demo.h"
#include "evk-disclosure.h"
#include "evk-live-figure.h"
#include "evk-model-error.h"
#include "evk-report-outline.h"
#include "evk-report.h"
#include "evk-review-copy.h"
#include "evk-table-review.h"
#include "evk-table-spec.h"
#include "evk-test-example.h"
#include "evk-test-util.h"

/* ---- Complementary suppression on crafted tables --------------------- */

/* A table of counts, row-major; every row and column with its own base
 * (the sum of its counts) when bases is TRUE. */
static EvkTable *
crafted (guint        n_rows,
         guint        n_columns,
         const guint *counts,
         gboolean     bases)
{
  EvkTable *table = evk_table_new ("crosstab", n_rows, n_columns);
  guint     total = 0;

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        EvkCell *cell = evk_table_cell (table, r, c);

        cell->n = counts[r * n_columns + c];
        cell->count = cell->n;
        total += cell->n;
        if (bases)
          {
            evk_table_row (table, r)->n_base += cell->n;
            evk_table_column (table, c)->n_base += cell->n;
          }
      }
  for (guint c = 0; c < n_columns; c++)
    for (guint r = 0; r < n_rows; r++)
      {
        EvkCell *cell = evk_table_cell (table, r, c);
        guint    base = evk_table_column (table, c)->n_base;

        cell->share = 100.0 * cell->n / (base > 0 ? base : total);
      }
  table->n_base = total;
  table->base = total;
  return table;
}

/* "x" for a suppressed cell, "." for a shown one, a line per row. */
static char *
pattern (EvkTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);

          if (cell->suppressed)
            {
              g_assert_cmpuint (cell->n, ==, 0);
              g_assert_true (isnan (cell->count) && isnan (cell->share));
            }
          else
            g_assert_false (isnan (cell->share));
          g_string_append_c (out, cell->suppressed ? 'x' : '.');
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_complementary (void)
{
  /* One small cell (3) in a row and a column whose totals are shown: the
   * next-smallest of its row (10) goes too, then of its column (12), and
   * the column of the 10 now has one cell out, so its 15 goes as well. */
  static const guint counts[] = { 10, 3, 20,
                                  15, 12, 8 };
  /* Cells that add up to nothing shown (a multiple-response table: every
   * item of its own base): only the small one goes. */
  static const guint items[] = { 40, 3, 25 };
  /* A row with a total column: 3 + 10 + 20 = 33. */
  static const guint with_total[] = { 3, 10, 20, 33,
                                      30, 40, 50, 120 };
  /* Zeros tell less than counts: the 9 goes with the 2, not the 0. */
  static const guint zeros[] = { 2, 0, 9 };
  g_autoptr(EvkTable) table = crafted (2, 3, counts, TRUE);
  g_autoptr(EvkTable) multiple = crafted (1, 3, items, FALSE);
  g_autoptr(EvkTable) totals = crafted (2, 4, with_total, FALSE);
  g_autoptr(EvkTable) zero = crafted (1, 3, zeros, FALSE);
  g_autofree char *found = NULL, *again = NULL, *found_multiple = NULL, *found_totals = NULL;
  g_autofree char *found_zero = NULL, *flagged = NULL;

  /* Flag mode leaves every number. */
  evk_table_apply_disclosure (table, EVK_DISCLOSURE_FLAG);
  flagged = pattern (table);
  g_assert_cmpstr (flagged, ==, "...\n...\n");
  g_assert_true (evk_table_has_flagged_cells (table));

  evk_table_apply_disclosure (table, EVK_DISCLOSURE_SUPPRESS);
  found = pattern (table);
  g_assert_cmpstr (found, ==, "xx.\nxx.\n");
  g_assert_false (evk_table_has_flagged_cells (table));
  /* No shown line has exactly one cell out, and suppressing again
   * changes nothing. */
  g_assert_cmpuint (evk_table_suppress (table), ==, 4);
  again = pattern (table);
  g_assert_cmpstr (again, ==, found);

  /* Items of a multiple-response question: the base is the respondents,
   * which the mentions do not add up to. */
  multiple->n_base = 100;
  g_assert_cmpuint (evk_table_suppress (multiple), ==, 1);
  found_multiple = pattern (multiple);
  g_assert_cmpstr (found_multiple, ==, ".x.\n");

  evk_table_column (totals, 3)->role = EVK_ENTRY_TOTAL;
  totals->n_base = 0;
  g_assert_cmpuint (evk_table_suppress (totals), ==, 2);
  found_totals = pattern (totals);
  g_assert_cmpstr (found_totals, ==, "xx..\n....\n");

  g_assert_cmpuint (zero->n_base, ==, 11);
  g_assert_cmpuint (evk_table_suppress (zero), ==, 2);
  found_zero = pattern (zero);
  g_assert_cmpstr (found_zero, ==, "x.x\n");
}

/* ---- Every output of a project's table ------------------------------- */

typedef struct {
  const char *name;
  const char *chart; /* a saved chart with small cells */
} Evaluation;

static const Evaluation evaluations[] = {
  { "demo", "m1-outcome-4" },
  { "example", "m4-outcome-2" },
};

/* The worksheet XML of the table as a workbook, and its strings. */
static char *
xlsx_sheet (EvkTable   *table,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", NULL };
  char       *out = NULL;
  int         status;

  g_assert_true (evk_table_to_xlsx (table, "en", path, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString         *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage     *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (out, text);
      g_string_append_c (out, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (out, FALSE);
}

/* The chart drawn as the window's export draws it, to PDF (the drawing
 * of SVG and PNG too, but with its text readable) and to SVG. */
static char *
chart_text (EvkSavedChart *chart,
            EvkTable      *table,
            const char    *dir,
            const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, name);
  g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, name);
  EvkChartSpec     spec;

  evk_chart_spec_init (&spec, chart->kind, "en");
  g_assert_true (evk_chart_export (chart->kind, table, &spec, EVK_CHART_FORMAT_PDF, pdf, 453.5, 300, 72, &error));
  g_assert_no_error (error);
  g_assert_true (evk_chart_export (chart->kind, table, &spec, EVK_CHART_FORMAT_SVG, svg, 453.5, 300, 72, &error));
  g_assert_no_error (error);
  return pdf_text (pdf);
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The reference a narrative makes to the share of cell k. */
static char *
reference (EvkTable   *table,
           const char *spec,
           gsize       k)
{
  guint m = table->columns->len;

  return g_strdup_printf ("share.1: %s | %s | %s", spec, evk_table_row (table, k / m)->key,
                          evk_table_column (table, k % m)->key);
}

/* A number of a suppressed cell in each output's own spelling; only
 * numbers no shown cell has too, so their absence says something. */
typedef struct {
  char csv[64];  /* ",N,SHARE" as CSV prints a cell */
  char json[64]; /* the share, as JSON prints it */
  char xlsx[64]; /* the share, as the worksheet holds it */
} Spelling;

static gboolean
shared_with_shown (EvkTable *flag,
                   EvkTable *suppressed,
                   gsize     k)
{
  for (gsize j = 0; j < (gsize) flag->rows->len * flag->columns->len; j++)
    if (j != k && !suppressed->cells[j].suppressed && fabs (flag->cells[j].share - flag->cells[k].share) < 1e-9)
      return TRUE;
  return FALSE;
}

static void
test_outputs (gconstpointer data)
{
  const Evaluation *evaluation = data;
  g_autofree char  *dir = evk_test_tmpdir ();
  g_autofree char  *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autofree char  *copy_path = g_build_filename (dir, "copy.evalkit", NULL);
  g_autofree char  *flag_copy_path = g_build_filename (dir, "flag-copy.evalkit", NULL);
  g_autofree char  *xlsx_path = g_build_filename (dir, "t.xlsx", NULL);
  g_autofree char  *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkProject) copy = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(EvkTable) flag = NULL;
  g_autoptr(EvkTable) suppressed = NULL;
  g_autoptr(EvkTable) from_copy = NULL;
  g_autoptr(EvkTable) from_flag_copy = NULL;
  g_autofree char *flag_csv = NULL, *flag_json = NULL, *flag_sheet = NULL, *flag_chart = NULL;
  g_autofree char *flag_report = NULL;
  g_autofree char *csv = NULL, *json = NULL, *sheet = NULL, *chart_pdf = NULL, *report = NULL;
  g_autofree char *stored = NULL, *stored_flag = NULL, *expected = NULL;
  g_autoptr(EvkLiveFigures) flag_figures = NULL;
  g_autoptr(EvkLiveFigures) figures = NULL;
  EvkSavedChart    *chart;
  EvkDisclosureMode mode;
  guint             threshold, n_small = 0, n_suppressed = 0, n_checked = 0;

  project = g_str_equal (evaluation->name, "demo") ? evk_demo_create (path, &error) : evk_test_make_example (path, TRUE, TRUE);
  g_assert_no_error (error);
  charts = evk_project_list_charts (project, &error);
  g_assert_no_error (error);
  chart = evk_project_find_chart (charts, evaluation->chart);
  g_assert_nonnull (chart);

  /* A new project flags, below 5. */
  g_assert_true (evk_project_get_disclosure (project, &mode, &error));
  g_assert_true (evk_project_get_small_cell (project, &threshold, &error));
  g_assert_cmpint (mode, ==, EVK_DISCLOSURE_FLAG);
  g_assert_cmpuint (threshold, ==, 5);

  flag = evk_project_compute_chart (project, chart, &error);
  g_assert_no_error (error);
  /* Before: the narrative can print every cell. */
  flag_figures = evk_live_figures_new (project);
  for (gsize k = 0; k < (gsize) flag->rows->len * flag->columns->len; k++)
    {
      g_autofree char *ref = reference (flag, chart->spec, k);
      g_autofree char *shown = evk_live_figures_resolve (flag_figures, ref, "en", &error);

      g_assert_no_error (error);
      g_assert_nonnull (shown);
    }
  g_clear_pointer (&flag_figures, evk_live_figures_free);
  for (gsize k = 0; k < (gsize) flag->rows->len * flag->columns->len; k++)
    n_small += evk_table_is_small (flag, &flag->cells[k]) && !flag->cells[k].suppressed;
  g_assert_cmpuint (n_small, >, 0);
  flag_csv = evk_table_to_csv (flag, "en");
  flag_json = evk_table_to_json (flag, "en");
  flag_sheet = xlsx_sheet (flag, xlsx_path);
  flag_chart = chart_text (chart, flag, dir, "flag");
  g_assert_true (evk_report_render_pdf (project, "en", report_path, &error));
  g_assert_no_error (error);
  flag_report = pdf_text (report_path);
  /* Flagged: every output marks them and says why. */
  g_assert_nonnull (strstr (flag_csv, "† Fewer than 5 responses"));
  g_assert_nonnull (strstr (flag_sheet, "† Fewer than 5 responses"));
  g_assert_nonnull (strstr (flag_chart, "† Fewer than 5 responses"));
  g_assert_nonnull (strstr (flag_report, "† Fewer than 5 responses"));
  /* A review copy suppresses whatever the project's mode. */
  g_assert_true (evk_review_copy_write (evk_project_get_store (project), flag_copy_path, NULL, &error));
  g_assert_no_error (error);

  /* The setting is the file's: it is there after reopening. */
  g_assert_true (evk_project_set_disclosure (project, 5, EVK_DISCLOSURE_SUPPRESS, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_get_disclosure (project, &mode, &error));
  g_assert_true (evk_project_get_small_cell (project, &threshold, &error));
  g_assert_cmpint (mode, ==, EVK_DISCLOSURE_SUPPRESS);
  g_assert_cmpuint (threshold, ==, 5);

  suppressed = evk_project_compute_chart (project, chart, &error);
  g_assert_no_error (error);
  figures = evk_live_figures_new (project);
  csv = evk_table_to_csv (suppressed, "en");
  json = evk_table_to_json (suppressed, "en");
  sheet = xlsx_sheet (suppressed, xlsx_path);
  chart_pdf = chart_text (chart, suppressed, dir, "suppressed");
  g_assert_true (evk_report_render_pdf (project, "en", report_path, &error));
  g_assert_no_error (error);
  report = pdf_text (report_path);
  g_assert_true (evk_review_copy_write (evk_project_get_store (project), copy_path, NULL, &error));
  g_assert_no_error (error);

  for (gsize k = 0; k < (gsize) flag->rows->len * flag->columns->len; k++)
    {
      EvkCell *was = &flag->cells[k];
      Spelling s;

      if (evk_table_is_small (flag, was))
        g_assert_true (suppressed->cells[k].suppressed);
      if (!suppressed->cells[k].suppressed)
        {
          g_assert_cmpuint (suppressed->cells[k].n, ==, was->n);
          continue;
        }
      n_suppressed++;
      /* The narrative cannot print it either. */
      {
        g_autofree char *ref = reference (flag, chart->spec, k);
        g_autofree char *gone = evk_live_figures_resolve (figures, ref, "en", &error);

        g_assert_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL);
        g_assert_null (gone);
        g_assert_nonnull (strstr (error->message, "suppressed"));
        g_clear_error (&error);
      }
      if (shared_with_shown (flag, suppressed, k))
        continue;
      g_snprintf (s.csv, sizeof s.csv, ",%u,%.4f,", was->n, was->share);
      g_ascii_dtostr (s.json, sizeof s.json, was->share);
      g_ascii_formatd (s.xlsx, sizeof s.xlsx, "%.16G", was->share);
      /* There before, gone now. */
      g_assert_nonnull (strstr (flag_csv, s.csv));
      g_assert_null (strstr (csv, s.csv));
      g_assert_nonnull (strstr (flag_json, s.json));
      g_assert_null (strstr (json, s.json));
      g_assert_nonnull (strstr (flag_sheet, s.xlsx));
      g_assert_null (strstr (sheet, s.xlsx));
      n_checked++;
    }
  /* The complementary cells: more go than were small. */
  g_assert_cmpuint (n_suppressed, >, n_small);
  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpuint (count_of (csv, ",:"), ==, 2 * n_suppressed);
  g_assert_cmpuint (count_of (json, "\"suppressed\": true"), ==, n_suppressed);
  g_assert_nonnull (strstr (csv, ": Fewer than 5 responses: not shown"));
  g_assert_null (strstr (csv, "†"));
  g_assert_null (strstr (sheet, "†"));
  g_assert_nonnull (strstr (sheet, ": Fewer than 5 responses: not shown"));

  /* The drawing: each suppressed cell's label is gone, the note says so. */
  g_assert_cmpuint (count_of (chart_pdf, "%"), ==, count_of (flag_chart, "%") - n_suppressed);
  g_assert_null (strstr (chart_pdf, "†"));
  g_assert_nonnull (strstr (chart_pdf, ": Fewer than 5 responses: not shown"));
  g_assert_null (strstr (report, "†"));
  g_assert_nonnull (strstr (report, ": Fewer than 5 responses: not shown"));

  /* The review copies, of the project flagging and suppressing, store
   * this same table. */
  expected = evk_table_to_review_json (suppressed, "en");
  copy = evk_project_open (copy_path, &error);
  g_assert_no_error (error);
  from_copy = evk_table_compute (copy, chart->spec, &error);
  g_assert_no_error (error);
  stored = evk_table_to_review_json (from_copy, "en");
  g_assert_cmpstr (stored, ==, expected);
  g_clear_object (&copy);
  copy = evk_project_open (flag_copy_path, &error);
  g_assert_no_error (error);
  from_flag_copy = evk_table_compute (copy, chart->spec, &error);
  g_assert_no_error (error);
  stored_flag = evk_table_to_review_json (from_flag_copy, "en");
  g_assert_cmpstr (stored_flag, ==, expected);
  g_test_message ("%s: %u small cells, %u suppressed", evaluation->name, n_small, n_suppressed);

  g_clear_object (&copy);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* A value out of range is refused, naming the setting, and the file keeps
 * what it had. */
static void
test_invalid (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autofree char *strategy = evk_test_demo_strategy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_create_from_strategy (path, strategy, &error);
  EvkDisclosureMode mode;
  guint             threshold;

  g_assert_no_error (error);
  g_assert_true (evk_project_set_disclosure (project, 7, EVK_DISCLOSURE_SUPPRESS, &error));
  g_assert_no_error (error);
  g_assert_false (evk_project_set_disclosure (project, 1001, EVK_DISCLOSURE_FLAG, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (evk_project_get_disclosure (project, &mode, &error));
  g_assert_true (evk_project_get_small_cell (project, &threshold, &error));
  g_assert_cmpint (mode, ==, EVK_DISCLOSURE_SUPPRESS);
  g_assert_cmpuint (threshold, ==, 7);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/disclosure/complementary", test_complementary);
  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    {
      g_autofree char *name = g_strdup_printf ("/evk/disclosure/outputs/%s", evaluations[i].name);

      g_test_add_data_func (name, &evaluations[i], test_outputs);
    }
  g_test_add_func ("/evk/disclosure/invalid", test_invalid);
  return g_test_run ();
}
