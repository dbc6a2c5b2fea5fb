/* test-check.c: `check` finds exactly what is wrong, in the report's order
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "evk-charts.h"
#include "evk-check.h"
#include "evk-demo.h"
#include "evk-localized.h"
#include "evk-report-outline.h"
#include "evk-report-texts.h"
#include "evk-survey.h"
#include "evk-table-spec.h"
#include "evk-test-example.h"
#include "evk-test-util.h"

/* "kind place lang" per problem, one a line: what a test compares. */
static char *
summary (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      EvkProblem *p = g_ptr_array_index (problems, i);

      g_assert_nonnull (p->place_name);
      g_assert_nonnull (p->message);
      g_string_append_printf (out, "%s %s %s\n", evk_problem_kind_to_string (p->kind), p->place,
                              p->lang != NULL ? p->lang : "-");
    }
  return g_string_free (out, FALSE);
}

static char *
check_path (const char *path,
            const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = evk_test_read (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) problems = evk_check_file (path, lang, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  /* A check only reads. */
  after = evk_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  return summary (problems);
}

typedef struct {
  const char *name;
  guint       measure;          /* its text FIELD loses its English */
  const char *field;
  const char *chart;            /* loses its alt text in every language */
  const char *chapter;          /* its English gets a figure that does not resolve */
  const char *expected;         /* everything check says, in order */
  const char *expected_en;      /* with --lang en */
} Plant;

static const Plant plants[] = {
  { "demo", 20, "section:results", "m1-awareness-4", "chapter:summary:text",
    "live-figure section:summary/text en\n"
    "no-alt-text chart:m1-awareness-4 nb\n"
    "no-alt-text chart:m1-awareness-4 en\n"
    "translation-missing measure-section:20/results en\n",
    "live-figure section:summary/text en\n"
    "no-alt-text chart:m1-awareness-4 en\n"
    "translation-missing measure-section:20/results en\n" },
  { "example", 2, "title", "m3-outcome-1", "chapter:awareness:needs",
    "live-figure section:awareness/needs en\n"
    "translation-missing measure:2 en\n"
    "no-alt-text chart:m3-outcome-1 nb\n"
    "no-alt-text chart:m3-outcome-1 en\n",
    "live-figure section:awareness/needs en\n"
    "translation-missing measure:2 en\n"
    "no-alt-text chart:m3-outcome-1 en\n" },
};

static void
test_planted (gconstpointer data)
{
  const Plant *plant = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GHashTable) no_alt = evk_localized_new ();
  g_autofree char *baseline = NULL, *found = NULL, *found_en = NULL, *found_nb = NULL;
  g_autofree char *en = NULL, *en_fp = NULL, *broken = NULL, *only_nb = NULL;

  if (g_str_equal (plant->name, "demo"))
    project = evk_demo_create (path, &error);
  else
    project = evk_test_make_example (path, TRUE, TRUE);
  g_assert_no_error (error);
  charts = evk_project_list_charts (project, &error);
  g_assert_no_error (error);
  /* Small cells suppressed, as a report is sent (test_small_cells has
   * what check says of them flagged). */
  g_assert_true (evk_project_set_disclosure (project, 5, EVK_DISCLOSURE_SUPPRESS, &error));
  g_assert_no_error (error);

  /* Both evaluations are complete as shipped. */
  baseline = check_path (path, NULL);
  g_assert_cmpstr (baseline, ==, "");

  g_assert_true (evk_project_set_measure_text (project, plant->measure, plant->field, "en", "", NULL, &error));
  g_assert_no_error (error);
  g_hash_table_insert (no_alt, g_strdup ("nb"), g_strdup (""));
  g_hash_table_insert (no_alt, g_strdup ("en"), g_strdup (""));
  g_assert_true (evk_project_edit_chart (project, plant->chart, NULL, no_alt, -1, -1, &error));
  g_assert_no_error (error);
  g_assert_true (evk_report_text_get (project, plant->chapter, "en", &en, &en_fp, &error));
  g_assert_no_error (error);
  g_assert_nonnull (en);
  broken = g_strconcat (en, "\n\nUnknown: {{share.1: no-such-table 7 | - | known}}.\n", NULL);
  g_assert_true (evk_report_text_put (project, plant->chapter, "en", broken, NULL, &error));
  g_assert_no_error (error);

  found = check_path (path, NULL);
  g_assert_cmpstr (found, ==, plant->expected);
  found_en = check_path (path, "en");
  g_assert_cmpstr (found_en, ==, plant->expected_en);
  found_nb = check_path (path, "nb");
  only_nb = g_strconcat ("no-alt-text chart:", plant->chart, " nb\n", NULL);
  g_assert_cmpstr (found_nb, ==, only_nb);

  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* Editing the source makes its translation outdated, and a blank
 * section is said once, whatever the language. */
static void
test_outdated (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  g_assert_true (evk_project_set_disclosure (project, 5, EVK_DISCLOSURE_SUPPRESS, &error));
  g_assert_no_error (error);
  g_assert_true (evk_report_text_put (project, "chapter:foreword:text", "nb", "Endret forord.", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (evk_project_set_measure_text (project, 3, "section:purpose", "nb", " \n ", NULL, &error));
  g_assert_no_error (error);

  found = check_path (path, NULL);
  g_assert_cmpstr (found, ==,
                   "translation-outdated section:foreword/text en\n"
                   "empty-section measure-section:3/purpose -\n");
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

typedef struct {
  const char *name;
  const char *expected;   /* what check says with small cells flagged */
} SmallCells;

static const SmallCells small_cells[] = {
  { "demo",
    "small-cells figure:awareness-immigrant -\n"
    "small-cells chart:m1-outcome-4 -\n"
    "small-cells chart:m24-outcome-9 -\n"
    "small-cells chart:m25-outcome-12 -\n" },
  { "example",
    "small-cells chart:m3-outcome-1 -\n"
    "small-cells chart:m4-outcome-2 -\n" },
};

/* The cells below the threshold that a chart's or figure's table shows
 * with their numbers, counted on the table itself. */
static guint
flagged_cells (EvkProject *project,
               const char *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) table = evk_table_compute (project, spec, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < table->columns->len; c++)
      {
        EvkCell *cell = evk_table_cell (table, r, c);

        g_assert_false (cell->suppressed);
        n += cell->n > 0 && cell->n < table->small_cell;
      }
  return n;
}

/* In flag mode every chart and figure that shows a small cell with its
 * number is a problem at its place, saying how many; suppressed, or with
 * the threshold at 0, none is. */
static void
test_small_cells (gconstpointer data)
{
  const SmallCells *expected = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *found = NULL, *suppressed = NULL, *off = NULL;

  if (g_str_equal (expected->name, "demo"))
    project = evk_demo_create (path, &error);
  else
    project = evk_test_make_example (path, TRUE, TRUE);
  g_assert_no_error (error);
  charts = evk_project_list_charts (project, &error);
  g_assert_no_error (error);

  found = check_path (path, NULL);
  g_assert_cmpstr (found, ==, expected->expected);
  problems = evk_check_project (project, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      EvkProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *count = NULL;
      guint n = 0;

      g_assert_cmpint (p->kind, ==, EVK_PROBLEM_SMALL_CELLS);
      if (g_str_has_prefix (p->place, "chart:"))
        {
          for (guint k = 0; k < charts->len; k++)
            if (g_str_equal (((EvkSavedChart *) g_ptr_array_index (charts, k))->key, p->place + 6))
              n = flagged_cells (project, ((EvkSavedChart *) g_ptr_array_index (charts, k))->spec);
        }
      else
        {
          g_autoptr(EvkOutline) outline = evk_report_outline_load (project, &error);

          g_assert_no_error (error);
          for (guint k = 0; k < outline->figures->len; k++)
            {
              EvkOutlineFigure *figure = g_ptr_array_index (outline->figures, k);

              if (g_str_equal (figure->key, p->place + 7))
                for (guint t = 0; figure->tables[t] != NULL; t++)
                  n += flagged_cells (project, figure->tables[t]);
            }
        }
      g_assert_cmpuint (n, >, 0);
      count = g_strdup_printf ("%u cell", n);
      g_assert_true (g_str_has_prefix (p->message, count));
    }

  g_assert_true (evk_project_set_disclosure (project, 5, EVK_DISCLOSURE_SUPPRESS, &error));
  g_assert_no_error (error);
  suppressed = check_path (path, NULL);
  g_assert_cmpstr (suppressed, ==, "");
  g_assert_true (evk_project_set_disclosure (project, 0, EVK_DISCLOSURE_FLAG, &error));
  g_assert_no_error (error);
  off = check_path (path, NULL);
  g_assert_cmpstr (off, ==, "");

  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* A page scribbled over is the one problem of the file, not a crash. */
static void
test_damaged (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *found = NULL;
  guint8 junk[64];
  GStatBuf st;
  FILE *f;

  g_assert_no_error (error);
  g_clear_object (&project);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  memset (junk, 0xA5, sizeof junk);
  /* The header of a page in the middle of the file: the survey's
   * answers, which an ordinary open does not read. */
  f = fopen (path, "r+b");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, (long) (st.st_size / 2 / 4096 * 4096), SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, sizeof junk, f), ==, sizeof junk);
  fclose (f);

  problems = evk_check_file (path, NULL, &error);
  g_assert_no_error (error);
  found = summary (problems);
  g_assert_cmpstr (found, ==, "damaged project -\n");
  g_assert_nonnull (strstr (((EvkProblem *) g_ptr_array_index (problems, 0))->message, "damaged"));
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (plants); i++)
    {
      g_autofree char *name = g_strdup_printf ("/evk/check/planted/%s", plants[i].name);

      g_test_add_data_func (name, &plants[i], test_planted);
    }
  for (guint i = 0; i < G_N_ELEMENTS (small_cells); i++)
    {
      g_autofree char *name = g_strdup_printf ("/evk/check/small-cells/%s", small_cells[i].name);

      g_test_add_data_func (name, &small_cells[i], test_small_cells);
    }
  g_test_add_func ("/evk/check/outdated", test_outdated);
  g_test_add_func ("/evk/check/damaged", test_damaged);
  return g_test_run ();
}
