/* test-strategy.c: a new evaluation written in the window, through its widgets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-localized.h"
#include "evk-project-edit.h"
#include "evk-start-page.h"
#include "evk-strategy-keyfile.h"
#include "evk-strategy-page.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

/* The first widget of type under root, depth first. */
static GtkWidget *
widget_in (GtkWidget *root,
           GType      type)
{
  GtkWidget *widget = evk_ui_find_widget (root, type);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_write_strategy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Ny evaluering.evalkit", NULL);
  g_autofree char *export1 = g_build_filename (dir, "one.ini", NULL);
  g_autofree char *export2 = g_build_filename (dir, "two.ini", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.evalkit", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(EvkProject) copy = NULL;
  g_autoptr(GBytes) one = NULL, two = NULL;
  GtkWidget *page;
  EvkWindow *window;

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  /* What New Evaluation's file dialog does with the chosen name. */
  g_assert_true (_evk_window_create_project (window, path, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();

  /* The overview of nothing is the guided start. */
  _evk_window_show_page (window, "overview");
  evk_ui_iterate ();
  page = _evk_window_get_page_widget (window);
  g_assert_true (EVK_IS_START_PAGE (page));
  g_assert_cmpstr (evk_start_page_get_next (EVK_START_PAGE (page)), ==, "strategy");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "strategy"));
  evk_ui_iterate ();
  g_assert_true (EVK_IS_STRATEGY_PAGE (_evk_window_get_page_widget (window)));

  gtk_editable_set_text (GTK_EDITABLE (evk_ui_row_titled (window, "Title of the strategy", 0)), "Digitalt for alle");
  g_signal_emit_by_name (evk_ui_row_titled (window, "Title of the strategy", 0), "entry-activated");
  evk_ui_iterate ();

  evk_ui_type_and_apply (window, "New goal: its title", 0, "Alle skal kunne bruke digitale tjenester");
  evk_ui_type_and_apply (window, "New goal: its title", 0, "Flere skal lære digitale ferdigheter");
  evk_ui_type_and_apply (window, "New measure: its title", 1, "Kurs i biblioteket");
  evk_ui_type_and_apply (window, "New measure: its title", 0, "Enklere skjema");
  evk_ui_type_and_apply (window, "New measure: its title", 0, "Klarspråk i brev");
  evk_ui_type_and_apply (window, "Title (en)", 0, "Digital for all");

  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->goals->len, ==, 2);
  g_assert_cmpuint (strategy->measures->len, ==, 3);
  /* Numbered in reading order: goal 1's two measures first. */
  g_assert_cmpstr (evk_localized_get (evk_strategy_find_measure (strategy, 1)->title, "nb"), ==, "Enklere skjema");
  g_assert_cmpstr (evk_localized_get (evk_strategy_find_measure (strategy, 3)->title, "nb"), ==, "Kurs i biblioteket");
  g_assert_cmpstr (evk_localized_get (strategy->title, "en"), ==, "Digital for all");
  g_clear_pointer (&strategy, evk_strategy_free);

  /* Every edit is a step of the window's undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->measures->len, ==, 2);
  g_assert_null (evk_localized_get (strategy->title, "en"));
  g_clear_pointer (&strategy, evk_strategy_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.redo", NULL));
  evk_ui_iterate ();

  /* The guided start moves on to the survey. */
  _evk_window_show_page (window, "start");
  evk_ui_iterate ();
  g_assert_cmpstr (evk_start_page_get_next (EVK_START_PAGE (_evk_window_get_page_widget (window))), ==, "survey");

  /* Quit, reopen: all there; and the key file reads back the same. */
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  window = evk_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->measures->len, ==, 3);
  g_assert_cmpstr (evk_localized_get (strategy->title, "en"), ==, "Digital for all");
  g_assert_true (evk_project_export_strategy (evk_window_get_project (window), export1, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();

  copy = evk_project_create_from_strategy (copy_path, export1, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_export_strategy (copy, export2, &error));
  one = evk_test_read (export1);
  two = evk_test_read (export2);
  g_assert_cmpmem (g_bytes_get_data (one, NULL), g_bytes_get_size (one),
                   g_bytes_get_data (two, NULL), g_bytes_get_size (two));
  g_clear_object (&copy);
  evk_test_rm_rf (dir);
}

/* A measure's status, goal, types and bodies and a goal's kind, chosen
 * through the combo rows and check buttons as a click chooses them. Each
 * saves and rebuilds the page while the widget is still inside its own
 * signal: the edit has to wait for the loop, or the page frees the widget
 * under it. */
static void
test_combos_and_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "valg.evalkit", NULL);
  const char *langs[] = { "nb", "en", NULL };
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autofree char *goal1 = NULL, *goal2 = NULL, *started = NULL, *done = NULL, *course = NULL, *guide = NULL;
  g_autofree char *digdir = NULL;
  EvkMeasure *measure;
  EvkProject *project;
  EvkWindow *window;

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (_evk_window_create_project (window, path, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();
  project = evk_window_get_project (window);
  g_assert_true (evk_project_begin_strategy (project, langs, "Digitalt for alle", &error));
  goal1 = evk_project_add_goal (project, "goal", "Alle skal kunne bruke digitale tjenester", &error);
  goal2 = evk_project_add_goal (project, "goal", "Flere skal lære digitale ferdigheter", &error);
  g_assert_cmpuint (evk_project_add_measure (project, goal1, "Enklere skjema", &error), ==, 1);
  g_assert_cmpuint (evk_project_add_measure (project, goal2, "Kurs i biblioteket", &error), ==, 2);
  started = evk_project_add_term (project, EVK_VOCAB_STATUS, "Pågår", &error);
  done = evk_project_add_term (project, EVK_VOCAB_STATUS, "Fullført", &error);
  course = evk_project_add_term (project, EVK_VOCAB_TYPE, "Kurs", &error);
  guide = evk_project_add_term (project, EVK_VOCAB_TYPE, "Veiledning", &error);
  digdir = evk_project_add_body (project, "Digitaliseringsdirektoratet", "Digdir", &error);
  g_assert_no_error (error);
  g_assert_nonnull (digdir);
  evk_ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "strategy"));
  evk_ui_iterate ();
  g_assert_true (EVK_IS_STRATEGY_PAGE (_evk_window_get_page_widget (window)));

  /* Measure 1's status: the second of the list. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (evk_ui_row_titled (window, "Status", 0)), 1);
  evk_ui_iterate ();
  /* Its types: both, one click at a time; and its responsible body. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget_in (evk_ui_row_titled (window, "Kurs", 0), GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  evk_ui_iterate ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget_in (evk_ui_row_titled (window, "Veiledning", 0),
                                                            GTK_TYPE_CHECK_BUTTON)), TRUE);
  evk_ui_iterate ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget_in (evk_ui_row_titled (window, "Digitaliseringsdirektoratet", 0),
                                                            GTK_TYPE_CHECK_BUTTON)), TRUE);
  evk_ui_iterate ();

  strategy = evk_ui_strategy_of (window);
  measure = evk_strategy_find_measure (strategy, 1);
  g_assert_cmpstr (measure->status, ==, done);
  g_assert_cmpuint (g_strv_length (measure->types), ==, 2);
  g_assert_cmpstr (measure->types[0], ==, course);
  g_assert_cmpstr (measure->types[1], ==, guide);
  g_assert_cmpuint (g_strv_length (measure->responsible), ==, 1);
  g_assert_cmpstr (measure->responsible[0], ==, digdir);
  g_clear_pointer (&strategy, evk_strategy_free);

  /* A type unchecked again. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget_in (evk_ui_row_titled (window, "Kurs", 0), GTK_TYPE_CHECK_BUTTON)),
                               FALSE);
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  measure = evk_strategy_find_measure (strategy, 1);
  g_assert_cmpuint (g_strv_length (measure->types), ==, 1);
  g_assert_cmpstr (measure->types[0], ==, guide);
  g_clear_pointer (&strategy, evk_strategy_free);

  /* Measure 1 moves to goal 2, after its measure: the measures renumber. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (evk_ui_row_titled (window, "Goal", 0)), 1);
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->measures->len, ==, 2);
  g_assert_cmpstr (evk_strategy_find_measure (strategy, 1)->goal, ==, goal2);
  g_assert_cmpstr (evk_strategy_find_measure (strategy, 2)->goal, ==, goal2);
  g_assert_cmpstr (evk_localized_get (evk_strategy_find_measure (strategy, 2)->title, "nb"), ==, "Enklere skjema");
  g_assert_cmpstr (evk_strategy_find_measure (strategy, 2)->status, ==, done);
  g_clear_pointer (&strategy, evk_strategy_free);

  /* Goal 2 becomes the implementation area. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (evk_ui_row_titled (window, "Kind", 1)), 1);
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpstr (((EvkGoal *) g_ptr_array_index (strategy->goals, 1))->kind, ==, "implementation");
  g_clear_pointer (&strategy, evk_strategy_free);

  /* Each choice is one step of undo: the kind, the goal and the type. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpstr (((EvkGoal *) g_ptr_array_index (strategy->goals, 1))->kind, ==, "goal");
  measure = evk_strategy_find_measure (strategy, 1);
  g_assert_cmpstr (measure->goal, ==, goal1);
  g_assert_cmpuint (g_strv_length (measure->types), ==, 2);
  g_clear_pointer (&strategy, evk_strategy_free);

  /* A choice, then the window closes before the loop comes round. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (evk_ui_row_titled (window, "Status", 0)), 0);
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/evk/strategy-page/write-strategy", test_write_strategy);
  g_test_add_func ("/evk/strategy-page/combos-and-checks", test_combos_and_checks);
  return g_test_run ();
}
