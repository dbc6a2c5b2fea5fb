/* test-chart-add.c: Add Chart from the window, with its live preview, and Undo
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "evk-chart-add-dialog.h"
#include "evk-chart-card-private.h"
#include "evk-charts.h"
#include "evk-goal-page.h"
#include "evk-measure-page.h"
#include "evk-report-outline.h"
#include "evk-table-spec.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

static EvkChartAddDialog *
open_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (EVK_IS_CHART_ADD_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selects the first item of the row titled title that starts with prefix. */
static void
choose (EvkChartAddDialog *dialog,
        const char        *title,
        const char        *prefix)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), title);
  GListModel *model;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        evk_ui_iterate ();
        return;
      }
  g_error ("row %s has no item starting with %s", title, prefix);
}

/* The page's own Add Chart… button, at the end of its charts. */
static GtkWidget *
find_add_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "project.add-chart") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_add_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GPtrArray *
cards_of (EvkWindow *window)
{
  GtkWidget *page = _evk_window_get_page_widget (window);

  return EVK_IS_MEASURE_PAGE (page) ? evk_measure_page_get_cards (EVK_MEASURE_PAGE (page))
                                    : evk_goal_page_get_cards (EVK_GOAL_PAGE (page));
}

static EvkChartCard *
card_of (EvkWindow  *window,
         const char *key)
{
  g_autoptr(GPtrArray) cards = cards_of (window);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (evk_chart_card_get_chart_key (g_ptr_array_index (cards, i)), key) == 0)
      return g_ptr_array_index (cards, i);
  return NULL;
}

static gboolean
chart_exists (EvkWindow  *window,
              const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = evk_project_list_charts (evk_window_get_project (window), &error);

  g_assert_no_error (error);
  return evk_project_find_chart (charts, key) != NULL;
}

static void
assert_same_shares (EvkTable *a,
                    EvkTable *b)
{
  g_assert_cmpuint (a->rows->len, ==, b->rows->len);
  g_assert_cmpuint (a->columns->len, ==, b->columns->len);
  for (gsize k = 0; k < (gsize) a->rows->len * a->columns->len; k++)
    g_assert_true ((isnan (a->cells[k].share) && isnan (b->cells[k].share)) ||
                   fabs (a->cells[k].share - b->cells[k].share) < 1e-9);
}

/* Add Chart on page: the kind and data chosen, first for everyone, then
 * for the strategy's first group (the preview follows each choice), added,
 * undone and done again. */
static void
add_undo_redo (EvkWindow  *window,
               const char *page,
               const char *kind,
               const char *data,
               const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(EvkTable) everyone = NULL;
  g_autoptr(EvkTable) expected = NULL;
  g_autofree char *spec = NULL, *key = NULL, *chosen = NULL;
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);
  EvkGroup *group;
  EvkChartAddDialog *dialog;
  EvkTable *shown;

  evk_window_show_page (window, page);
  evk_ui_iterate ();
  before = cards_of (window);

  /* Through the button where the charts are: shown, reachable by
   * keyboard, after the last card, and enabled. */
  {
    GtkWidget *page_widget = _evk_window_get_page_widget (window);
    GtkWidget *button = find_add_button (page_widget);

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_is_drawable (button));
    g_assert_true (gtk_widget_is_sensitive (button));
    g_assert_true (gtk_widget_get_focusable (button));
    if (before->len > 0)
      {
        graphene_point_t at, last_at;
        GtkWidget *last = g_ptr_array_index (before, before->len - 1);

        g_assert_true (gtk_widget_compute_point (button, page_widget, &GRAPHENE_POINT_INIT (0, 0), &at));
        g_assert_true (gtk_widget_compute_point (last, page_widget, &GRAPHENE_POINT_INIT (0, 0), &last_at));
        g_assert_cmpfloat (at.y, >, last_at.y);
      }
    g_assert_true (gtk_widget_grab_focus (button));
    g_assert_true (gtk_widget_activate (button));
  }
  /* A button clicks when its pressed look has shown a moment. */
  evk_ui_run_for (400);
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  choose (dialog, "Kind", kind);
  choose (dialog, "Data", data);
  choose (dialog, "Group", "All");
  /* words NULL: whatever the data row chose first. */
  chosen = g_strdup (words != NULL ? words : evk_chart_add_dialog_get_spec (dialog));
  words = chosen;
  g_assert_cmpstr (evk_chart_add_dialog_get_spec (dialog), ==, words);
  everyone = evk_table_compute (evk_window_get_project (window), words, &error);
  g_assert_no_error (error);
  assert_same_shares (evk_chart_add_dialog_get_table (dialog), everyone);

  /* The first group: the words and the preview follow. */
  g_assert_cmpuint (strategy->groups->len, >, 0);
  group = g_ptr_array_index (strategy->groups, 0);
  choose (dialog, "Group", evk_workspace_tr (window->workspace, group->name));
  spec = g_strdup_printf ("%s group=%s", words, group->key);
  g_assert_cmpstr (evk_chart_add_dialog_get_spec (dialog), ==, spec);
  expected = evk_table_compute (evk_window_get_project (window), spec, &error);
  g_assert_no_error (error);
  shown = evk_chart_add_dialog_get_table (dialog);
  assert_same_shares (shown, expected);
  g_assert_cmpuint (shown->n_base, <, everyone->n_base);
  evk_ui_run_for (300);
  g_assert_true (gtk_widget_get_visible (evk_chart_add_dialog_get_preview (dialog)));
  g_assert_cmpint (gtk_widget_get_height (evk_chart_add_dialog_get_preview (dialog)), >, 60);
  if (g_getenv ("EVK_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("chart-add-%s.png", page);
      g_autofree char *path = NULL;

      g_strdelimit (name, ":", '-');
      path = g_build_filename (g_getenv ("EVK_TEST_SCREENSHOTS"), name, NULL);
      evk_ui_run_for (500);
      evk_ui_save_png (GTK_WIDGET (window), GTK_WIDGET (dialog), path, &error);
      g_assert_no_error (error);
    }

  key = evk_chart_add_dialog_add (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  evk_ui_iterate ();
  g_assert_null (dialog);

  /* On the page, last, drawing the table it was chosen with. */
  {
    g_autoptr(GPtrArray) after = cards_of (window);
    EvkChartCard *card = card_of (window, key);

    g_assert_cmpuint (after->len, ==, before->len + 1);
    g_assert_nonnull (card);
    g_assert_true (g_ptr_array_index (after, after->len - 1) == (gpointer) card);
    assert_same_shares (evk_chart_card_get_table (card), expected);
    g_assert_nonnull (evk_chart_card_get_caption (card));
  }

  /* Undo takes it away, Redo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  g_assert_false (chart_exists (window, key));
  g_assert_null (card_of (window, key));
  {
    g_autoptr(GPtrArray) now = cards_of (window);
    g_assert_cmpuint (now->len, ==, before->len);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.redo", NULL));
  evk_ui_iterate ();
  g_assert_true (chart_exists (window, key));
  g_assert_nonnull (card_of (window, key));
}

static void
test_demo (EvkUiFixture  *f,
           gconstpointer  data)
{
  add_undo_redo (f->window, "measure:20", "Answers to a question", "q72:", "frequency q72");
  add_undo_redo (f->window, "goal:2", "Awareness and use", "", NULL);
}

static void
test_cancel_and_elsewhere (EvkUiFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = evk_project_list_charts (evk_window_get_project (f->window), &error);
  EvkChartAddDialog *dialog;

  g_assert_no_error (error);
  evk_window_show_page (f->window, "measure:20");
  evk_ui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.add-chart", NULL));
  evk_ui_iterate ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "chart-add.cancel", NULL));
  evk_ui_iterate ();
  g_assert_null (dialog);
  {
    g_autoptr(GPtrArray) after = evk_project_list_charts (evk_window_get_project (f->window), &error);
    g_assert_cmpuint (after->len, ==, before->len);
  }
  /* Charts belong to a measure or goal: elsewhere no dialog opens. */
  evk_window_show_page (f->window, "overview");
  evk_ui_iterate ();
  g_assert_null (_evk_window_open_add_chart (f->window));
  g_assert_null (open_dialog ());
}

static void
test_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) made = evk_test_make_example (path, FALSE, TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EvkWindow *window;

  g_clear_object (&made);
  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  add_undo_redo (window, "measure:1", "Answers to a question", "tilfreds", "frequency tilfreds");
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/chart-add/demo", EvkUiFixture, NULL, evk_ui_fixture_set_up, test_demo, evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-add/cancel-and-elsewhere", EvkUiFixture, NULL, evk_ui_fixture_set_up,
              test_cancel_and_elsewhere, evk_ui_fixture_tear_down);
  g_test_add_func ("/evk/chart-add/example", test_example);
  return g_test_run ();
}
