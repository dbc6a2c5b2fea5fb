/* test-problems-page.c: the Problems page lists what `evalkit check` finds and leads to it
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "evk-charts.h"
#include "evk-data-dir.h"
#include "evk-documents.h"
#include "evk-import-csv.h"
#include "evk-localized.h"
#include "evk-measure-page.h"
#include "evk-overview-page.h"
#include "evk-problems-page.h"
#include "evk-report-texts.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

/* The second evaluation, complete as shipped: strategy, survey, document
 * review and report texts, in a folder of its own. */
static char *
create_example (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = evk_get_data_dir ();
  g_autofree char *example = g_build_filename (data, "examples", "digitalt-for-alle", NULL);
  g_autofree char *strategy = g_build_filename (example, "strategy.ini", NULL);
  g_autofree char *csv = g_build_filename (example, "survey.csv", NULL);
  g_autofree char *codebook = g_build_filename (example, "codebook.csv", NULL);
  g_autofree char *meta = g_build_filename (example, "survey-meta.ini", NULL);
  g_autofree char *documents = g_build_filename (example, "documents.csv", NULL);
  g_autofree char *report = g_build_filename (example, "report", NULL);
  char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_auto(GStrv) langs = NULL;

  project = evk_project_create_from_strategy (path, strategy, &error);
  g_assert_no_error (error);
  langs = evk_project_get_languages (project, &error);
  g_assert_no_error (error);
  survey = evk_import_csv (csv, codebook, "survey", langs[0], NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evk_import_codebook_translations (survey, codebook, langs[0], &error));
  g_assert_true (evk_survey_apply_meta (survey, meta, langs[0], &error));
  g_assert_true (evk_project_save_survey (project, survey, &error));
  g_assert_true (evk_documents_import (project, documents, &error));
  g_assert_true (evk_report_import_dir (project, report, &error));
  g_assert_no_error (error);
  return path;
}

static EvkWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EvkWindow *window = evk_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  return window;
}

/* Runs the loop until the page's check in its thread is done. */
static void
wait_checked (EvkProblemsPage *page)
{
  for (guint i = 0; i < 3000 && evk_problems_page_is_checking (page); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  evk_ui_iterate ();
  g_assert_false (evk_problems_page_is_checking (page));
}

static const char *
wait_counted (EvkOverviewPage *page)
{
  for (guint i = 0; i < 3000 && evk_overview_page_get_problems_text (page) == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_nonnull (evk_overview_page_get_problems_text (page));
  return evk_overview_page_get_problems_text (page);
}

static EvkOverviewPage *
show_overview (EvkWindow *window)
{
  evk_window_show_page (window, "overview");
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, "overview");
  return EVK_OVERVIEW_PAGE (_evk_window_get_page_widget (window));
}

/* Through the sidebar's row, as a user clicks it. */
static EvkProblemsPage *
open_from_sidebar (EvkWindow *window)
{
  GtkListBoxRow *row = _evk_window_find_row (window, "problems");
  EvkProblemsPage *page;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, "problems");
  page = EVK_PROBLEMS_PAGE (_evk_window_get_page_widget (window));
  wait_checked (page);
  return page;
}

/* The first chart of a measure the report prints. */
static EvkSavedChart *
measure_chart (GPtrArray *charts)
{
  for (guint i = 0; i < charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (charts, i);

      if (chart->measure > 0 && chart->in_report)
        return chart;
    }
  g_assert_not_reached ();
}

static GHashTable *
copy_localized (GHashTable *localized)
{
  GHashTable *copy = evk_localized_new ();
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, localized);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    g_hash_table_insert (copy, g_strdup (lang), g_strdup (text));
  return copy;
}

/* A chart loses its alt text in both languages: the overview counts two
 * problems, its row opens the page, the page lists both under their kind,
 * and a row leads to the chart's measure. Putting the text back and
 * pressing Refresh leaves none. */
static void
check_planted (EvkWindow *window)
{
  EvkProject *project = evk_window_get_project (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, &error);
  g_autoptr(GHashTable) no_alt = evk_localized_new ();
  g_autoptr(GHashTable) alt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *place = NULL, *measure_page = NULL;
  EvkSavedChart *chart;
  EvkOverviewPage *overview;
  EvkProblemsPage *page;

  g_assert_no_error (error);
  /* Sent as a report is sent: small cells suppressed (in flag mode each
   * chart showing one is a problem of its own, see test-check.c). */
  g_assert_true (evk_project_set_disclosure (project, 5, EVK_DISCLOSURE_SUPPRESS, &error));
  g_assert_no_error (error);
  chart = measure_chart (charts);
  place = g_strdup_printf ("chart:%s", chart->key);
  measure_page = g_strdup_printf ("measure:%u", chart->measure);
  alt = copy_localized (chart->alt_text);

  overview = show_overview (window);
  g_assert_cmpstr (wait_counted (overview), ==, "No problems before sending");

  g_hash_table_insert (no_alt, g_strdup ("nb"), g_strdup (""));
  g_hash_table_insert (no_alt, g_strdup ("en"), g_strdup (""));
  g_assert_true (evk_project_edit_chart (project, chart->key, NULL, no_alt, -1, -1, &error));
  g_assert_no_error (error);

  overview = show_overview (window);
  g_assert_cmpstr (wait_counted (overview), ==, "2 problems before sending");
  g_assert_true (gtk_widget_activate (evk_overview_page_get_problems_row (overview)));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, "problems");
  page = EVK_PROBLEMS_PAGE (_evk_window_get_page_widget (window));
  wait_checked (page);
  g_assert_false (evk_problems_page_is_empty (page));

  rows = evk_problems_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "place"), ==, place);
      g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "kind"), ==, "no-alt-text");
      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                       "Charts Without Alt Text");
      g_assert_true (gtk_widget_get_mapped (row));
    }
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), "nb"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), "en"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), "Chart"));

  g_assert_true (gtk_widget_activate (g_ptr_array_index (rows, 0)));
  g_clear_pointer (&rows, g_ptr_array_unref);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, measure_page);
  g_assert_true (EVK_IS_MEASURE_PAGE (_evk_window_get_page_widget (window)));

  g_assert_true (evk_project_edit_chart (project, chart->key, NULL, alt, -1, -1, &error));
  g_assert_no_error (error);
  /* The page made anew checks anew. */
  page = open_from_sidebar (window);
  g_assert_true (evk_problems_page_is_empty (page));
}

static void
test_demo (EvkUiFixture  *f,
           gconstpointer  data)
{
  check_planted (f->window);
}

static void
test_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = create_example (dir);
  EvkWindow *window = open_window (path);

  check_planted (window);
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
}

/* A clean project shows "No Problems"; Refresh finds what was planted
 * since, without leaving the page. */
static void
test_refresh (EvkUiFixture  *f,
              gconstpointer  data)
{
  EvkProject *project = evk_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  EvkProblemsPage *page;
  GtkButton *refresh;

  g_assert_true (evk_project_set_disclosure (project, 5, EVK_DISCLOSURE_SUPPRESS, &error));
  g_assert_no_error (error);
  page = open_from_sidebar (f->window);
  refresh = evk_problems_page_get_refresh_button (page);

  g_assert_true (evk_problems_page_is_empty (page));
  rows = evk_problems_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (evk_project_set_measure_text (project, 3, "section:purpose", "nb", " \n ", NULL, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (refresh, "clicked");
  g_assert_true (evk_problems_page_is_checking (page));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (refresh)));
  wait_checked (page);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (refresh)));
  g_assert_false (evk_problems_page_is_empty (page));
  rows = evk_problems_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, 0)), "place"), ==,
                   "measure-section:3/purpose");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, 0)), "kind"), ==, "empty-section");
  g_assert_true (gtk_widget_activate (g_ptr_array_index (rows, 0)));
  g_clear_pointer (&rows, g_ptr_array_unref);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (f->window), ==, "measure:3");
}

/* Leaving the page while it checks: the thread's answer finds no page. */
static void
test_leave_while_checking (EvkUiFixture  *f,
                           gconstpointer  data)
{
  for (guint i = 0; i < 5; i++)
    {
      evk_window_show_page (f->window, "problems");
      evk_window_show_page (f->window, "overview");
    }
  evk_ui_run_for (500);
  g_assert_cmpstr (evk_window_get_page (f->window), ==, "overview");
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/problems-page/demo", EvkUiFixture, NULL, evk_ui_fixture_set_up, test_demo,
              evk_ui_fixture_tear_down);
  g_test_add_func ("/evk/problems-page/example", test_example);
  g_test_add ("/evk/problems-page/refresh", EvkUiFixture, NULL, evk_ui_fixture_set_up, test_refresh,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/problems-page/leave-while-checking", EvkUiFixture, NULL, evk_ui_fixture_set_up,
              test_leave_while_checking, evk_ui_fixture_tear_down);
  return g_test_run ();
}
