/* test-review-copy.c: a review copy carries the tables and none of the answers
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "evk-chart-style.h"
#include "evk-chart.h"
#include "evk-charts.h"
#include "evk-comment.h"
#include "evk-demo.h"
#include "evk-disclosure.h"
#include "evk-model-error.h"
#include "evk-report-outline.h"
#include "evk-report.h"
#include "evk-review-copy.h"
#include "evk-rows.h"
#include "evk-survey.h"
#include "evk-table-review.h"
#include "evk-table-spec.h"
#include "evk-test-example.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  char       *home_path;
  char       *copy_path;
  EvkProject *home;
  EvkProject *copy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autofree char *comment = NULL;

  f->dir = evk_test_tmpdir ();
  f->home_path = g_build_filename (f->dir, "home.evalkit", NULL);
  f->copy_path = g_build_filename (f->dir, "copy.evalkit", NULL);
  if (g_str_equal (data, "demo"))
    f->home = evk_demo_create (f->home_path, &error);
  else
    f->home = evk_test_make_example (f->home_path, TRUE, TRUE);
  g_assert_no_error (error);
  /* The home project has made its default charts and has a comment. */
  charts = evk_project_list_charts (f->home, &error);
  g_assert_no_error (error);
  comment = evk_comment_add (evk_project_get_store (f->home), "project", NULL, "Eva", "Til gjennomlesing", NULL,
                             NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  before = evk_test_read (f->home_path);
  g_assert_true (evk_review_copy_write (evk_project_get_store (f->home), f->copy_path, "Kari Nordmann", &error));
  g_assert_no_error (error);
  /* The project is read, never written. */
  after = evk_test_read (f->home_path);
  g_assert_true (g_bytes_equal (before, after));

  f->copy = evk_project_open (f->copy_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->copy);
  g_clear_object (&f->home);
  evk_test_rm_rf (f->dir);
  g_free (f->home_path);
  g_free (f->copy_path);
  g_free (f->dir);
}

static gint64
count (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_marked (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *reviewer = NULL;
  g_autofree char *home_id = NULL, *copy_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->copy_path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (f->copy_path, "-journal", NULL);
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_true (evk_project_is_review_copy (f->copy, &reviewer));
  g_assert_cmpstr (reviewer, ==, "Kari Nordmann");
  g_assert_false (evk_project_is_review_copy (f->home, NULL));
  home_id = evk_project_id (evk_project_get_store (f->home), &error);
  copy_id = evk_project_id (evk_project_get_store (f->copy), &error);
  g_assert_cmpstr (home_id, ==, copy_id);
  g_assert_cmpint (count (f->copy_path, "SELECT count (*) FROM review_copy WHERE project_id = "
                                        "(SELECT value FROM project_meta WHERE key = 'project_id')"), ==, 1);
  /* Only the two projects in the folder: no journal, WAL or partial file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);
  /* The home's comments travel; a reviewer's are signed with their name. */
  g_assert_cmpint (count (f->copy_path, "SELECT count (*) FROM comment WHERE author = 'Eva'"), ==, 1);
  {
    g_autofree char *author = evk_comment_default_author (evk_project_get_store (f->copy));
    g_assert_cmpstr (author, ==, "Kari Nordmann");
  }
  /* A copy of a copy is not made; an existing file is not replaced. */
  {
    g_autofree char *again = g_build_filename (f->dir, "again.evalkit", NULL);

    g_assert_false (evk_review_copy_write (evk_project_get_store (f->copy), again, NULL, &error));
    g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (evk_review_copy_write (evk_project_get_store (f->home), f->copy_path, NULL, &error));
    g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS);
    g_clear_error (&error);
  }
}

/* What is looked for in the copy's bytes: every text answer and contact
 * value of the survey, and every respondent id, as found by their first
 * six bytes. */
typedef struct {
  GHashTable *by_prefix;   /* 6 bytes → GPtrArray of needles */
  guint       n;
} Needles;

static void
needle_add (Needles    *needles,
            const char *text)
{
  g_autofree char *prefix = NULL;
  GPtrArray *list;

  if (text == NULL || strlen (text) < 6)
    return;
  prefix = g_strndup (text, 6);
  list = g_hash_table_lookup (needles->by_prefix, prefix);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (needles->by_prefix, g_steal_pointer (&prefix), list);
    }
  g_ptr_array_add (list, g_strdup (text));
  needles->n++;
}

static void
test_no_answers (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = evk_survey_list (evk_project_get_store (f->home), &error);
  g_autoptr(EvkSurvey) survey = evk_survey_load (evk_project_get_store (f->home), names[0], TRUE, &error);
  g_autoptr(GBytes) bytes = evk_test_read (f->copy_path);
  g_autoptr(GHashTable) by_prefix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  Needles needles = { by_prefix, 0 };
  const char *p;
  gsize size;
  guint n_ids = 0;

  g_assert_no_error (error);
  for (guint v = 0; v < survey->variables->len; v++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, v);

      if (variable->texts != NULL)
        for (guint a = 0; a < evk_text_column_get_n_answers (variable->texts); a++)
          needle_add (&needles, evk_text_column_get_answer (variable->texts, a, NULL));
      if (g_strcmp0 (variable->name, survey->id_variable) == 0 && variable->column != NULL)
        for (guint r = 0; r < survey->n_rows; r++)
          {
            /* A numeric id long enough to be told from other numbers. */
            g_autofree char *id = g_strdup_printf ("%.0f", evk_column_get (variable->column, r));
            needle_add (&needles, id);
          }
      if (g_strcmp0 (variable->name, survey->id_variable) == 0)
        n_ids++;
    }
  /* Both evaluations have free text, contact fields and an id. */
  g_assert_cmpuint (needles.n, >, 100);
  g_assert_cmpuint (n_ids, ==, 1);

  g_assert_cmpint (count (f->copy_path, "SELECT count (*) FROM column_data"), ==, 0);
  g_assert_cmpint (count (f->copy_path, "SELECT count (*) FROM string_data"), ==, 0);
  g_assert_cmpint (count (f->copy_path, "SELECT count (*) FROM survey WHERE source_file IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f->home_path, "SELECT count (*) FROM column_data"), >, 0);
  g_assert_cmpint (count (f->copy_path, "PRAGMA freelist_count"), ==, 0);

  p = g_bytes_get_data (bytes, &size);
  for (gsize i = 0; i + 6 <= size; i++)
    {
      char prefix[7];
      GPtrArray *list;

      memcpy (prefix, p + i, 6);
      prefix[6] = '\0';
      if (strlen (prefix) < 6 || (list = g_hash_table_lookup (by_prefix, prefix)) == NULL)
        continue;
      for (guint k = 0; k < list->len; k++)
        {
          const char *needle = g_ptr_array_index (list, k);
          gsize n = strlen (needle);

          if (i + n <= size && memcmp (p + i, needle, n) == 0)
            g_error ("the review copy holds an answer: “%s”", needle);
        }
    }

  /* The answers are not in the copy, and asking for them says so. */
  {
    g_autoptr(EvkSurvey) none = evk_survey_load (evk_project_get_store (f->copy), names[0], TRUE, &error);

    g_assert_null (none);
    g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
    g_clear_error (&error);
  }
  /* Its questions are. */
  {
    g_autoptr(EvkSurvey) questions = evk_survey_load (evk_project_get_store (f->copy), names[0], FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (questions->n_rows, ==, survey->n_rows);
    g_assert_cmpuint (questions->variables->len, ==, survey->variables->len);
    /* … but no answers to select respondents by. */
    for (guint v = 0; v < questions->variables->len; v++)
      {
        EvkVariable *variable = g_ptr_array_index (questions->variables, v);
        g_autofree char *filter = NULL;
        g_autoptr(EvkRows) rows = NULL;

        if (variable->type != EVK_VARIABLE_NUMERIC)
          continue;
        filter = g_strdup_printf ("%s = 1", variable->name);
        rows = evk_rows_new_from_text (questions, filter, &error);
        g_assert_null (rows);
        g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
        g_clear_error (&error);
        break;
      }
  }
}

static char *
review_json (EvkTable   *table,
             const char *lang)
{
  return evk_table_to_review_json (table, lang);
}

/* A suppressed cell drawn in a table chart says so, where another cell
 * gives its numbers. Returns whether table had one to check. */
static gboolean
check_drawn_suppressed (EvkTable *table)
{
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (96);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 800);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(EvkChartHits) hits = NULL;
  EvkChartSpec spec;
  guint n_checked = 0;

  evk_chart_spec_init (&spec, EVK_CHART_TABLE, "nb");
  spec.values = EVK_CHART_VALUES_SHARES;
  hits = evk_chart_draw (EVK_CHART_TABLE, table, &spec, style, cr, 800, 800);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint i = 0; i < hits->hits->len; i++)
    {
      EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);
      EvkCell *cell;

      if (hit->kind != EVK_CHART_HIT_CELL || hit->row < 0 || hit->column < 0)
        continue;
      cell = evk_table_cell (table, hit->row, hit->column);
      if (cell->suppressed)
        {
          g_assert_true (g_str_has_suffix (hit->text, ": :"));
          n_checked++;
        }
      else if (!isnan (cell->share))
        g_assert_nonnull (strchr (hit->text, '%'));
    }
  return n_checked > 0;
}

/* Every saved chart, for everyone and for every group, draws from the same
 * numbers in the copy as at home, with the small cells suppressed. */
static void
test_same_tables (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) home_charts = evk_project_list_charts (f->home, &error);
  g_autoptr(GPtrArray) copy_charts = evk_project_list_charts (f->copy, &error);
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (f->home, &error);
  g_autoptr(EvkTableSource) home_source = evk_table_source_new (f->home);
  g_autoptr(EvkTableSource) copy_source = evk_table_source_new (f->copy);
  g_auto(GStrv) langs = evk_project_get_languages (f->home, &error);
  guint n_compared = 0, n_suppressed = 0;
  gboolean drawn = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (copy_charts->len, ==, home_charts->len);
  for (guint i = 0; i < home_charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (home_charts, i);

      for (guint g = 0; g <= strategy->groups->len; g++)
        {
          g_autofree char *spec = NULL;
          g_autoptr(EvkTable) home = NULL, copy = NULL;
          EvkSavedChart view = *chart;

          if (g > 0 && (g_str_has_prefix (chart->spec, "status-summary") || g_str_has_prefix (chart->spec, "review-")))
            break;
          spec = g == 0 ? g_strdup (chart->spec)
                        : g_strdup_printf ("%s group=%s", chart->spec,
                                           ((EvkGroup *) g_ptr_array_index (strategy->groups, g - 1))->key);
          view.spec = spec;
          home = evk_project_compute_chart_from (f->home, home_source, &view, NULL);
          if (home == NULL)
            continue;
          copy = evk_project_compute_chart_from (f->copy, copy_source, &view, &error);
          g_assert_no_error (error);
          g_assert_nonnull (copy);
          if (!g_str_has_prefix (spec, "status-summary") && !g_str_has_prefix (spec, "review-"))
            g_assert_true (evk_table_source_has_table (copy_source, spec));

          for (gsize c = 0; c < (gsize) home->rows->len * home->columns->len; c++)
            if (evk_table_is_small (home, &home->cells[c]))
              {
                /* Suppressed in the copy: no number at all. */
                g_assert_true (copy->cells[c].suppressed);
                g_assert_cmpuint (copy->cells[c].n, ==, 0);
                g_assert_true (isnan (copy->cells[c].share) && isnan (copy->cells[c].count));
                n_suppressed++;
              }
          if (n_suppressed > 0 && !drawn)
            drawn = check_drawn_suppressed (copy);
          evk_table_suppress (home);
          for (guint l = 0; langs[l] != NULL; l++)
            {
              g_autofree char *a = review_json (home, langs[l]);
              g_autofree char *b = review_json (copy, langs[l]);

              g_assert_cmpstr (a, ==, b);
            }
          n_compared++;
        }
    }
  g_assert_cmpuint (n_compared, >, 10);
  g_assert_true (drawn || n_suppressed == 0);
  g_test_message ("%u chart tables compared, %u small cells suppressed", n_compared, n_suppressed);
  if (g_str_equal (data, "demo"))
    g_assert_cmpuint (n_suppressed, >, 0);

  /* A table that was not stored is refused in words a reviewer
   * understands; the same words in another order are found. */
  {
    g_autoptr(EvkTable) none = evk_table_compute (f->copy, "frequency q1 filter='q1 = 1'", &error);
    g_autoptr(EvkTable) reordered = NULL;
    EvkSavedChart *first = NULL;

    g_assert_null (none);
    g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
    g_assert_nonnull (strstr (error->message, "this review copy has no table for"));
    g_clear_error (&error);
    g_assert_false (evk_table_source_has_table (copy_source, "frequency q1 filter='q1 = 1'"));
    g_assert_true (evk_table_source_has_table (home_source, "frequency q1 filter='q1 = 1'"));
    for (guint i = 0; i < copy_charts->len && first == NULL; i++)
      if (g_str_has_prefix (((EvkSavedChart *) g_ptr_array_index (copy_charts, i))->spec, "awareness "))
        first = g_ptr_array_index (copy_charts, i);
    g_assert_nonnull (first);
    {
      g_autofree char *spec = g_strdup_printf ("%s base=valid group=all", first->spec);
      reordered = evk_table_compute (f->copy, spec, &error);
      g_assert_no_error (error);
      g_assert_nonnull (reordered);
    }
  }
}

/* The copy draws its charts and its draft report from what it carries. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "draft.pdf", NULL);
  g_auto(GStrv) langs = evk_project_get_languages (f->copy, &error);
  EvkReportOptions options;

  for (guint l = 0; langs[l] != NULL; l++)
    {
      evk_report_options_init (&options);
      options.draft = TRUE;
      g_assert_true (evk_report_render_pdf_full (f->copy, langs[l], pdf, &options, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (options.n_pages, >, 5);
      g_assert_cmpuint (options.n_figures, >, 0);
      g_unlink (pdf);
    }
}

/* A review copy comes back from outside: a stored table that is damaged,
 * or that carries a small cell's number, is refused, not drawn. */
static void
test_damaged_tables (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "malformed", "review-table", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkTable) table = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      table = evk_table_from_review_json (text, "nb", &error);
      if (table != NULL)
        g_error ("%s was read as a table", name);
      g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE);
      n++;
    }
  g_assert_cmpuint (n, >=, 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/review-copy/damaged-tables", test_damaged_tables);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/review-copy/demo/marked", "demo", test_marked);
  ADD ("/evk/review-copy/demo/no-answers", "demo", test_no_answers);
  ADD ("/evk/review-copy/demo/same-tables", "demo", test_same_tables);
  ADD ("/evk/review-copy/demo/report", "demo", test_report);
  ADD ("/evk/review-copy/example/no-answers", "example", test_no_answers);
  ADD ("/evk/review-copy/example/same-tables", "example", test_same_tables);
  ADD ("/evk/review-copy/example/report", "example", test_report);
#undef ADD

  return g_test_run ();
}
