/* test-window.c: the main window, driven through its real widgets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "evk-application.h"
#include "evk-resources.h"
#include "evk-test-util.h"
#include "evk-window-private.h"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

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

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The badge is the second label of the row's text column. */
static const char *
row_badge_text (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *text_box = gtk_widget_get_last_child (box);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (text_box)));
}

static const char *
measure_status (EvkProject *project,
                guint       number,
                char      **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (project, &error);

  g_assert_no_error (error);
  *out = g_strdup (evk_strategy_find_measure (strategy, number)->status);
  return *out;
}

static void
test_open_and_edit_status (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autoptr(EvkProject) project = evk_project_create_demo (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *status = NULL;
  EvkWindow *window;
  GtkListBoxRow *row;
  AdwComboRow *combo;
  guint n_measures;

  g_assert_no_error (error);
  g_clear_object (&project);

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");

  evk_window_open_file (window, file);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "demo.evalkit"));

  /* All 26 measures are listed; go to measure 7, which is not completed. */
  row = find_measure_row (window, 7, &n_measures);
  g_assert_cmpuint (n_measures, ==, 26);
  g_assert_nonnull (row);
  g_assert_cmpstr (row_badge_text (row), ==, "Ikke gjennomført");
  gtk_list_box_select_row (window->sidebar, row);
  iterate ();
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Measure 7");

  /* Change its status in the page's status row: the project file has it at
   * once, and the sidebar shows it. */
  combo = ADW_COMBO_ROW (find_widget (GTK_WIDGET (window->content_page), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (combo);
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 2);
  adw_combo_row_set_selected (combo, 0);
  iterate ();

  g_assert_cmpstr (measure_status (evk_window_get_project (window), 7, &status), ==, "completed");
  row = find_measure_row (window, 7, &n_measures);
  g_assert_cmpstr (row_badge_text (row), ==, "Gjennomført");
  g_assert_cmpuint (window->selected_measure, ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      /* A TAP skip: meson reads exit status 77 as an error under TAP. */
      g_print ("1..0 # SKIP no display (run under xvfb-run, as build-aux/test does)\n");
      return 0;
    }
  adw_init ();
  evk_register_resource ();
  g_test_add_func ("/evk/window/open-and-edit-status", test_open_and_edit_status);
  return g_test_run ();
}
