/* test-window.c: the main window, driven through its real widgets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "evk-application.h"
#include "evk-chart-card.h"
#include "evk-charts.h"
#include "evk-demo.h"
#include "evk-localized.h"
#include "evk-measure-page.h"
#include "evk-overview-page.h"
#include "evk-preferences-window.h"
#include "evk-report-outline.h"
#include "evk-resources.h"
#include "evk-settings.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-translatable.h"
#include "evk-ui-util.h"
#include "evk-variables-page.h"
#include "evk-groups-page.h"
#include "evk-window-private.h"
#include "evk-words.h"

static GtkListBoxRow *
find_measure_row (EvkWindow *window,
                  guint      number,
                  guint     *n_measures)
{
  GtkListBoxRow *found = NULL;

  *n_measures = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "measure-number"));

      if (n == 0)
        continue;
      (*n_measures)++;
      if (n == number)
        found = GTK_LIST_BOX_ROW (child);
    }
  return found;
}

/* The badge is the last label of the row's text column. */
static const char *
row_badge_text (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *text_box = gtk_widget_get_last_child (box);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (text_box)));
}

static char *
measure_status (EvkProject *project,
                guint       number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (project, &error);

  g_assert_no_error (error);
  return g_strdup (evk_strategy_find_measure (strategy, number)->status);
}

static void
test_open_and_edit_status (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autofree char *status = NULL;
  GtkListBoxRow *row;
  AdwComboRow *combo;
  guint n_measures;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "demo.evalkit"));
  g_assert_cmpstr (adw_window_title_get_title (window->sidebar_title), ==, "Hverdagsintegrering");
  g_assert_cmpstr (evk_window_get_page (window), ==, "overview");

  /* All 26 measures are listed; go to measure 7, which is not completed. */
  row = find_measure_row (window, 7, &n_measures);
  g_assert_cmpuint (n_measures, ==, 26);
  g_assert_nonnull (row);
  g_assert_cmpstr (row_badge_text (row), ==, "Ikke gjennomført");
  gtk_list_box_select_row (window->sidebar, row);
  evk_ui_iterate ();
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Measure 7");
  g_assert_true (EVK_IS_MEASURE_PAGE (_evk_window_get_page_widget (window)));

  /* Change its status in the page's status row: the project file has it at
   * once, the sidebar shows it, and the page stays where it was. */
  combo = evk_measure_page_get_status_row (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)));
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 2);
  adw_combo_row_set_selected (combo, 0);
  evk_ui_iterate ();

  status = measure_status (evk_window_get_project (window), 7);
  g_assert_cmpstr (status, ==, "completed");
  row = find_measure_row (window, 7, &n_measures);
  g_assert_cmpstr (row_badge_text (row), ==, "Gjennomført");
  g_assert_cmpstr (evk_window_get_page (window), ==, "measure:7");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar) == row);

  /* Undo puts the old status back, in the file and on the page; redo again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&status, g_free);
  status = measure_status (evk_window_get_project (window), 7);
  g_assert_cmpstr (status, ==, "not-completed");
  combo = evk_measure_page_get_status_row (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)));
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.redo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&status, g_free);
  status = measure_status (evk_window_get_project (window), 7);
  g_assert_cmpstr (status, ==, "completed");

  evk_ui_close_demo (window, dir);
}

/* The command line (another connection) changes the project while the
 * window shows it: coming back to the window shows the change, down to an
 * open narrative editor. */
static void
test_external_change (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autoptr(EvkProject) other = NULL;
  g_autoptr(GError) error = NULL;
  EvkNarrativeEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  AdwComboRow *combo;
  guint n_measures;

  evk_window_show_page (window, "measure:20");
  evk_ui_iterate ();
  combo = evk_measure_page_get_status_row (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)));
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 0);
  g_assert_cmpstr (row_badge_text (find_measure_row (window, 20, &n_measures)), ==, "Gjennomført");

  other = evk_project_open (evk_project_get_path (evk_window_get_project (window)), &error);
  g_assert_no_error (error);
  /* Nothing written elsewhere yet: nothing to read again. */
  g_assert_false (evk_project_check_external_changes (evk_window_get_project (window)));
  g_assert_true (evk_project_set_measure_status (other, 20, "not-completed", &error));
  g_assert_true (evk_project_set_measure_text (other, 20, "section:purpose", "en", "Written in a terminal.", NULL, &error));
  g_assert_no_error (error);

  /* What the window does when it becomes active again. */
  _evk_window_check_external (window);
  evk_ui_iterate ();
  g_assert_cmpstr (row_badge_text (find_measure_row (window, 20, &n_measures)), ==, "Ikke gjennomført");
  g_assert_cmpstr (evk_window_get_page (window), ==, "measure:20");
  combo = evk_measure_page_get_status_row (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)));
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 2);
  editor = evk_measure_page_get_narrative (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)));
  buffer = gtk_text_view_get_buffer (evk_narrative_editor_get_text_view (editor, "purpose", "en"));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Written in a terminal.");
  g_assert_false (evk_project_check_external_changes (evk_window_get_project (window)));

  g_clear_object (&other);
  evk_ui_close_demo (window, dir);
}

static void
test_edit_types (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  const char *keys[] = { "research", "economic", NULL };

  evk_window_show_page (window, "measure:20");
  evk_ui_iterate ();
  g_assert_true (gtk_widget_activate_action (_evk_window_get_page_widget (window), "project.set-terms",
                                             "(us^as)", 20, "types", keys));
  evk_ui_iterate ();
  strategy = evk_project_load_strategy (evk_window_get_project (window), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (evk_strategy_find_measure (strategy, 20)->types, keys);
  g_assert_cmpstr (evk_strategy_find_measure (strategy, 20)->status, ==, "completed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&strategy, evk_strategy_free);
  strategy = evk_project_load_strategy (evk_window_get_project (window), &error);
  g_assert_cmpstrv (evk_strategy_find_measure (strategy, 20)->types, ((const char *[]) { "collaboration", NULL }));

  evk_ui_close_demo (window, dir);
}

/* The report renders in a thread while the window stays live; a cancel
 * leaves no file behind. */
static void
test_render_report (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *pdf_en = g_build_filename (dir, "report.en.pdf", NULL);
  g_autofree char *cancelled = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autofree char *contents = NULL;
  gint64 deadline;

  _evk_window_render_report (window, cancelled);
  g_assert_nonnull (window->render_cancellable);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.cancel-report", NULL));
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (window->render_cancellable != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (window->render_cancellable);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));

  _evk_window_render_report (window, pdf);
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (window->render_cancellable != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (window->render_cancellable);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (g_file_test (pdf_en, G_FILE_TEST_EXISTS));

  evk_ui_close_demo (window, dir);
}

static void
test_language_switch (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  GtkListBoxRow *row;
  guint n;

  row = find_measure_row (window, 7, &n);
  g_assert_cmpstr (row_badge_text (row), ==, "Ikke gjennomført");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.language", "s", "en"));
  evk_ui_iterate ();
  row = find_measure_row (window, 7, &n);
  g_assert_cmpstr (row_badge_text (row), ==, "Not completed");
  g_assert_cmpstr (adw_window_title_get_title (window->sidebar_title), ==, "Everyday integration");
  /* The overview's figures are written the English way now. */
  g_assert_cmpstr (evk_overview_page_get_figure (EVK_OVERVIEW_PAGE (_evk_window_get_page_widget (window)),
                                                 "respondents"), ==, "5,103");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-language", NULL));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_overview_page_get_figure (EVK_OVERVIEW_PAGE (_evk_window_get_page_widget (window)),
                                                 "respondents"), ==, "5\u202f103");
  g_assert_cmpstr (evk_overview_page_get_figure (EVK_OVERVIEW_PAGE (_evk_window_get_page_widget (window)),
                                                 "response-rate"), ==, "13,9\u202f%");
  evk_ui_close_demo (window, dir);
}

static void
test_data_pages (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  EvkVariablesPage *variables;
  EvkGroupsPage *groups;
  AdwComboRow *role_row;

  evk_window_show_page (window, "variables");
  evk_ui_iterate ();
  variables = EVK_VARIABLES_PAGE (_evk_window_get_page_widget (window));
  /* Searching finds labels as well as names: "tilskudd" is in q15_6/q15_7's. */
  g_assert_cmpuint (evk_variables_page_search (variables, "q16_"), ==, 12);
  evk_variables_page_select (variables, "q72");
  evk_ui_iterate ();
  g_assert_nonnull (evk_variables_page_get_card (variables));
  g_assert_cmpuint (evk_chart_card_get_table (evk_variables_page_get_card (variables))->n_base, >, 0);
  /* A numeric variable has no role row; a contact field is personal. */
  g_assert_false (gtk_widget_is_visible (evk_variables_page_get_role_row (variables)));

  /* The role of a text is changed through its row, saved at once, and the
   * page comes back on the same variable showing it. */
  evk_variables_page_select (variables, "q75");
  evk_ui_iterate ();
  role_row = ADW_COMBO_ROW (evk_variables_page_get_role_row (variables));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (role_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (role_row), ==, 2);
  g_assert_null (evk_variables_page_get_card (variables));
  adw_combo_row_set_selected (role_row, 0);
  evk_ui_iterate ();
  variables = EVK_VARIABLES_PAGE (_evk_window_get_page_widget (window));
  role_row = ADW_COMBO_ROW (evk_variables_page_get_role_row (variables));
  g_assert_cmpuint (adw_combo_row_get_selected (role_row), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (role_row)), ==, "Set in this project.");
  g_assert_nonnull (evk_variables_page_get_card (variables));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EvkSurvey) survey = evk_survey_load (evk_project_get_store (evk_window_get_project (window)),
                                                   "survey", FALSE, &error);

    g_assert_no_error (error);
    g_assert_false (evk_survey_get_variable (survey, "q75")->personal);
    g_assert_cmpint (evk_survey_get_variable (survey, "q75")->text_role, ==, EVK_TEXT_ROLE_CATEGORIES);
  }
  adw_combo_row_set_selected (role_row, 2);
  evk_ui_iterate ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EvkSurvey) survey = evk_survey_load (evk_project_get_store (evk_window_get_project (window)),
                                                   "survey", FALSE, &error);

    g_assert_no_error (error);
    g_assert_true (evk_survey_get_variable (survey, "q75")->personal);
  }

  evk_window_show_page (window, "groups");
  evk_ui_iterate ();
  groups = EVK_GROUPS_PAGE (_evk_window_get_page_widget (window));
  evk_groups_page_try_filter (groups, "q6_alt_1 in 1..4");
  g_assert_true (g_str_has_prefix (evk_groups_page_get_result (groups), "367 "));
  evk_groups_page_try_filter (groups, "q6_alt_1 in");
  g_assert_nonnull (strstr (evk_groups_page_get_result (groups), "q6_alt_1"));

  evk_ui_close_demo (window, dir);
}

/* A group made, edited and removed in the window is the project's at once;
 * a group a chart is drawn for stays. */
static void
test_groups (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  EvkProject *project = evk_window_get_project (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GHashTable) caption = evk_localized_new ();
  g_autofree char *spec = NULL;
  EvkGroupsPage *groups;
  EvkGroup *group;
  guint n_groups;

  evk_window_show_page (window, "groups");
  evk_ui_iterate ();
  groups = EVK_GROUPS_PAGE (_evk_window_get_page_widget (window));
  strategy = evk_project_load_strategy (project, &error);
  g_assert_no_error (error);
  n_groups = strategy->groups->len;

  /* No name, or a filter that does not parse: nothing to save. */
  evk_groups_page_try_filter (groups, "q6_alt_1 in 1..4");
  g_assert_false (evk_groups_page_save (groups));
  evk_groups_page_set_name (groups, "nb", "Små organisasjoner");
  evk_groups_page_try_filter (groups, "q6_alt_1 in");
  g_assert_false (evk_groups_page_save (groups));

  evk_groups_page_try_filter (groups, "q6_alt_1 in 1..4");
  evk_groups_page_set_name (groups, "en", "Small organisations");
  g_assert_true (evk_groups_page_save (groups));
  evk_ui_iterate ();
  g_clear_pointer (&strategy, evk_strategy_free);
  strategy = evk_project_load_strategy (project, &error);
  g_assert_cmpuint (strategy->groups->len, ==, n_groups + 1);
  group = evk_strategy_find_group (strategy, "sma-organisasjoner");
  g_assert_nonnull (group);
  g_assert_cmpstr (group->filter, ==, "q6_alt_1 in 1..4");
  g_assert_cmpstr (evk_localized_get (group->name, "en"), ==, "Small organisations");
  /* The form is empty again after a save. */
  g_assert_false (evk_groups_page_save (groups));

  /* Editing keeps the key and changes the filter. */
  g_assert_true (evk_groups_page_edit (groups, "sma-organisasjoner"));
  evk_groups_page_try_filter (groups, "q6_alt_1 in 1..2");
  g_assert_true (evk_groups_page_save (groups));
  evk_ui_iterate ();
  g_clear_pointer (&strategy, evk_strategy_free);
  strategy = evk_project_load_strategy (project, &error);
  g_assert_cmpuint (strategy->groups->len, ==, n_groups + 1);
  g_assert_cmpstr (evk_strategy_find_group (strategy, "sma-organisasjoner")->filter, ==, "q6_alt_1 in 1..2");

  /* A chart drawn for the group keeps it. */
  spec = g_strdup_printf ("awareness %s group=sma-organisasjoner",
                          ((EvkOffer *) g_ptr_array_index (strategy->offers, 0))->key);
  evk_localized_set (caption, "nb", "For små organisasjoner");
  g_assert_true (evk_project_add_chart (project, "small-orgs", EVK_CHART_AWARENESS, spec, 1, NULL, caption, &error));
  g_assert_no_error (error);
  g_assert_true (evk_groups_page_remove (groups, "sma-organisasjoner"));
  evk_ui_iterate ();
  g_clear_pointer (&strategy, evk_strategy_free);
  strategy = evk_project_load_strategy (project, &error);
  g_assert_nonnull (evk_strategy_find_group (strategy, "sma-organisasjoner"));

  /* Without the chart it goes, and Undo brings it back as it was. */
  g_assert_true (evk_project_remove_chart (project, "small-orgs", &error));
  g_assert_true (evk_groups_page_remove (groups, "sma-organisasjoner"));
  evk_ui_iterate ();
  g_clear_pointer (&strategy, evk_strategy_free);
  strategy = evk_project_load_strategy (project, &error);
  g_assert_null (evk_strategy_find_group (strategy, "sma-organisasjoner"));
  evk_groups_page_undo_remove (groups);
  evk_ui_iterate ();
  g_clear_pointer (&strategy, evk_strategy_free);
  strategy = evk_project_load_strategy (project, &error);
  group = evk_strategy_find_group (strategy, "sma-organisasjoner");
  g_assert_nonnull (group);
  g_assert_cmpstr (group->filter, ==, "q6_alt_1 in 1..2");
  g_assert_cmpstr (evk_localized_get (group->name, "nb"), ==, "Små organisasjoner");

  evk_ui_close_demo (window, dir);
}

static void
test_recent (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autoptr(GSettings) settings = evk_settings_new ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);

  g_assert_nonnull (settings);
  uri = g_filename_to_uri (path, NULL, NULL);
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpstr (recent[0], ==, uri);
  /* Closing the project shows the welcome page with the project in it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.close", NULL));
  evk_ui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->recent_group)));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (window->recent_list)));
  evk_ui_close_demo (window, dir);
}

/* The disclosure control is the project's, in the preferences: choosing
 * Suppress and a threshold there writes both into the file, and the
 * window's next table has its small cells (and their complements) out. */
static void
test_disclosure (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  EvkProject *project = evk_window_get_project (window);
  g_autoptr(GSettings) settings = evk_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) flagged = NULL;
  g_autoptr(EvkTable) suppressed = NULL;
  GtkWidget *prefs, *none, *combo, *spin, *group;
  EvkDisclosureMode mode;
  guint threshold, n_suppressed = 0;

  /* Without a project there is nothing of a project to show. */
  none = evk_preferences_window_new (GTK_WINDOW (window), settings, NULL);
  group = gtk_widget_get_ancestor (evk_ui_find_widget (none, GTK_TYPE_SPIN_BUTTON), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));
  gtk_window_destroy (GTK_WINDOW (none));

  flagged = evk_workspace_compute_spec (window->workspace, "outcome 4 base=valid", &error);
  g_assert_no_error (error);
  prefs = evk_preferences_window_new (GTK_WINDOW (window), settings, project);
  gtk_window_present (GTK_WINDOW (prefs));
  evk_ui_iterate ();
  spin = evk_ui_find_widget (prefs, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 5);
  group = gtk_widget_get_ancestor (spin, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Disclosure Control");
  combo = evk_ui_find_widget (group, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (combo)), ==, "Small cells");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 6);
  evk_ui_iterate ();
  g_assert_true (evk_project_get_disclosure (project, &mode, &error));
  g_assert_true (evk_project_get_small_cell (project, &threshold, &error));
  g_assert_cmpint (mode, ==, EVK_DISCLOSURE_SUPPRESS);
  g_assert_cmpuint (threshold, ==, 6);

  suppressed = evk_workspace_compute_spec (window->workspace, "outcome 4 base=valid", &error);
  g_assert_no_error (error);
  for (gsize k = 0; k < (gsize) flagged->rows->len * flagged->columns->len; k++)
    {
      if (flagged->cells[k].n > 0 && flagged->cells[k].n < 6)
        g_assert_true (suppressed->cells[k].suppressed);
      n_suppressed += suppressed->cells[k].suppressed;
      g_assert_false (flagged->cells[k].suppressed);
    }
  g_assert_cmpuint (n_suppressed, >, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
  evk_ui_close_demo (window, dir);
}

/* Opening a project puts its own report words in the charts' use. */
static void
test_project_words (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EvkProject) other = NULL;
  g_autoptr(GError) error = NULL;

  other = evk_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (evk_translatable_set (other, "en", "report-word/Chart/NoData", "Nothing to show", &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  evk_words_set_overrides (NULL);
  g_assert_cmpstr (evk_word ("Chart", "NoData", "en"), ==, "No data");

  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_word ("Chart", "NoData", "en"), ==, "Nothing to show");
  evk_words_set_overrides (NULL);
  evk_ui_close_demo (window, dir);
}

/* ---- The first frame -------------------------------------------------- */

static guint
count_descendants (GtkWidget  *root,
                   GType       type,
                   const char *data_key)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
            (data_key == NULL || g_object_get_data (G_OBJECT (root), data_key) != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type, data_key);
  return n;
}

static void
card_drawn (EvkChartCard *card,
            gboolean     *drawn)
{
  *drawn = TRUE;
}

static gboolean
overview_complete (EvkWindow *window,
                   guint      n_goals)
{
  GtkWidget *page = _evk_window_get_page_widget (window);

  return count_descendants (page, EVK_TYPE_CHART_CARD, NULL) == 2 &&
         count_descendants (page, ADW_TYPE_ACTION_ROW, "goal") == n_goals;
}

/* A window opened on a project, as the command line opens it (the file
 * before the window is shown), draws the overview's first screen first:
 * the status card is in the first frame; the awareness card and the goal
 * rows under it come right after it, and the problems are counted after
 * it. Shown in a window on screen, the overview is whole at once. */
static void
check_first_frame (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EvkWindow *window = evk_window_new (NULL);
  EvkOverviewPage *page;
  EvkChartCard *status;
  gboolean drawn = FALSE;
  guint n_goals;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  evk_window_open_file (window, file);
  g_assert_cmpstr (evk_window_get_page (window), ==, "overview");
  n_goals = evk_workspace_get_strategy (window->workspace)->goals->len;
  g_assert_cmpuint (n_goals, >, 0);
  page = EVK_OVERVIEW_PAGE (_evk_window_get_page_widget (window));
  status = evk_overview_page_get_status_card (page);
  g_assert_nonnull (status);
  g_assert_nonnull (evk_overview_page_get_figure (page, "respondents"));
  g_assert_false (overview_complete (window, n_goals));
  g_assert_cmpuint (count_descendants (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "goal"), ==, 0);
  g_assert_null (evk_overview_page_get_problems_text (page));

  g_signal_connect (status, "drawn", G_CALLBACK (card_drawn), &drawn);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (evk_ui_wait_for (&drawn, 10000));
  for (guint i = 0; i < 2000 && !overview_complete (window, n_goals); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (overview_complete (window, n_goals));
  for (guint i = 0; i < 3000 && evk_overview_page_get_problems_text (page) == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_nonnull (evk_overview_page_get_problems_text (page));

  /* Shown again in the window on screen: whole before any frame. */
  evk_window_show_page (window, "variables");
  evk_window_show_page (window, "overview");
  g_assert_true (overview_complete (window, n_goals));

  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
}

static void
test_first_frame (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *demo = g_build_filename (dir, "demo.evalkit", NULL);
  g_autofree char *example = g_build_filename (dir, "example.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (demo, &error);

  g_assert_no_error (error);
  g_clear_object (&project);
  check_first_frame (demo);
  project = evk_test_make_example (example, TRUE, FALSE);
  g_clear_object (&project);
  check_first_frame (example);
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/evk/window/open-and-edit-status", test_open_and_edit_status);
  g_test_add_func ("/evk/window/edit-types", test_edit_types);
  g_test_add_func ("/evk/window/external-change", test_external_change);
  g_test_add_func ("/evk/window/language-switch", test_language_switch);
  g_test_add_func ("/evk/window/data-pages", test_data_pages);
  g_test_add_func ("/evk/window/groups", test_groups);
  g_test_add_func ("/evk/window/recent", test_recent);
  g_test_add_func ("/evk/window/disclosure", test_disclosure);
  g_test_add_func ("/evk/window/render-report", test_render_report);
  g_test_add_func ("/evk/window/project-words", test_project_words);
  g_test_add_func ("/evk/window/first-frame", test_first_frame);
  return g_test_run ();
}
