/* test-chart-weighting.c: a chart weighted from its edit dialog, as a user does it
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "evk-chart-card-private.h"
#include "evk-chart-edit-dialog.h"
#include "evk-charts.h"
#include "evk-goal-page.h"
#include "evk-measure-page.h"
#include "evk-report-outline.h"
#include "evk-table-spec.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"
#include "evk-words.h"

/* The edit dialog open over the window, or NULL. */
static EvkChartEditDialog *
open_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (EVK_IS_CHART_EDIT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
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

/* The card of chart key on the page shown now. */
static EvkChartCard *
card_of (EvkWindow  *window,
         const char *key)
{
  GtkWidget *page = _evk_window_get_page_widget (window);
  g_autoptr(GPtrArray) cards = EVK_IS_MEASURE_PAGE (page) ? evk_measure_page_get_cards (EVK_MEASURE_PAGE (page))
                                                          : evk_goal_page_get_cards (EVK_GOAL_PAGE (page));

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (evk_chart_card_get_chart_key (g_ptr_array_index (cards, i)), key) == 0)
      return g_ptr_array_index (cards, i);
  return NULL;
}

static char *
weighting_of (EvkWindow  *window,
              const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = evk_project_list_charts (evk_window_get_project (window), &error);
  EvkSavedChart *chart;

  g_assert_no_error (error);
  chart = evk_project_find_chart (charts, key);
  g_assert_nonnull (chart);
  return evk_saved_chart_get_weighting (chart);
}

/* Opens the card's dialog from its menu's action, picks the weighting
 * titled title in the "Weighting" row and saves. */
static void
choose_weighting (EvkWindow   *window,
                  const char  *key,
                  const char  *title,
                  guint        n_choices)
{
  EvkChartCard *card = card_of (window, key);
  EvkChartEditDialog *dialog;
  GtkWidget *row;
  GListModel *model;
  guint chosen = G_MAXUINT;

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.edit-text", NULL));
  evk_ui_iterate ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  row = find_row (GTK_WIDGET (dialog), "Weighting");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_true (row == evk_chart_edit_dialog_get_weighting_row (dialog));
  g_assert_true (gtk_widget_get_visible (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_choices);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "None");
  for (guint i = 0; i < n_choices; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), title))
      chosen = i;
  g_assert_cmpuint (chosen, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), chosen);
  evk_ui_iterate ();
  /* To look at: EVK_TEST_SCREENSHOTS=DIR saves the dialog as chosen. */
  if (g_getenv ("EVK_TEST_SCREENSHOTS") != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("chart-weighting-%s-%u.png", key, chosen);
      g_autofree char *path = g_build_filename (g_getenv ("EVK_TEST_SCREENSHOTS"), name, NULL);

      evk_ui_run_for (800);
      evk_ui_save_png (GTK_WIDGET (window), GTK_WIDGET (dialog), path, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "chart-edit.save", NULL));
  evk_ui_iterate ();
  g_assert_null (dialog);
}

/* The card draws the table `table … weight=…` computes, says how it is
 * weighted and names its N unweighted. */
static void
assert_card_weighted (EvkWindow  *window,
                      const char *key,
                      const char *words)
{
  g_autoptr(GError) error = NULL;
  EvkChartCard *card = card_of (window, key);
  const char *lang = evk_workspace_get_language (window->workspace);
  g_autoptr(EvkTable) expected = evk_table_compute (evk_window_get_project (window), words, &error);
  g_autofree char *said = NULL;
  EvkTable *table;

  g_assert_no_error (error);
  g_assert_nonnull (card);
  table = evk_chart_card_get_table (card);
  g_assert_nonnull (table);
  g_assert_true (table->weighted);
  g_assert_cmpuint (table->rows->len * table->columns->len, ==, expected->rows->len * expected->columns->len);
  for (gsize k = 0; k < (gsize) table->rows->len * table->columns->len; k++)
    g_assert_cmpfloat_with_epsilon (table->cells[k].share, expected->cells[k].share, 1e-9);
  said = _evk_chart_card_describe (card);
  g_test_message ("%s", said);
  g_assert_nonnull (strstr (said, evk_table_weighting_text (table, lang)));
  g_assert_nonnull (strstr (said, evk_word ("Chart", "UnweightedN", lang)));
  /* Named, not just "Weighted". */
  g_assert_cmpstr (evk_table_weighting_text (table, lang), !=, evk_word ("Chart", "Weighted", lang));
}

/* An offer's chart, weighted or not, is the offer's card: its heading,
 * and a group selector whose group keeps the weighting. */
static void
assert_offer_card (EvkWindow  *window,
                   const char *key,
                   const char *words)
{
  EvkChartCard *card = card_of (window, key);
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);
  EvkGroup *group = g_ptr_array_index (strategy->groups, 0);
  g_autofree char *grouped = NULL;

  g_assert_nonnull (card);
  /* Not the plain card of its words. */
  g_assert_nonnull (g_object_get_data (G_OBJECT (card), "chart-id"));
  g_assert_true (g_str_has_prefix (g_object_get_data (G_OBJECT (card), "chart-id"), "awareness:"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (card->title_label)), ==, "Awareness and use");
  g_assert_true (gtk_widget_get_visible (card->group_dropdown));
  if (words == NULL)
    return;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->group_dropdown), 1);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
  grouped = g_strdup_printf ("%s group=%s", words, group->key);
  assert_card_weighted (window, key, grouped);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)),
                            evk_workspace_tr (window->workspace, group->name)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->group_dropdown), 0);
  evk_ui_iterate ();
  assert_card_weighted (window, key, words);
}

static void
weight_and_unweight (EvkWindow  *window,
                     const char *page,
                     const char *key,
                     const char *variable,
                     guint       n_choices)
{
  g_autofree char *title = g_strdup_printf ("Population shares of %s", variable);
  g_autofree char *weighting = g_strdup_printf ("population:%s", variable);
  g_autofree char *before = NULL, *after = NULL, *words = NULL, *spec = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = NULL;

  evk_window_show_page (window, page);
  evk_ui_iterate ();
  charts = evk_project_list_charts (evk_window_get_project (window), &error);
  g_assert_no_error (error);
  spec = g_strdup (evk_project_find_chart (charts, key)->spec);
  before = weighting_of (window, key);
  g_assert_null (before);
  g_assert_false (evk_chart_card_get_table (card_of (window, key))->weighted);
  assert_offer_card (window, key, NULL);

  choose_weighting (window, key, title, n_choices);
  after = weighting_of (window, key);
  g_assert_cmpstr (after, ==, weighting);
  words = g_strdup_printf ("%s weight=%s", spec, weighting);
  assert_card_weighted (window, key, words);
  assert_offer_card (window, key, words);
  if (g_getenv ("EVK_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("chart-weighted-card-%s.png", key);
      g_autofree char *shot = g_build_filename (g_getenv ("EVK_TEST_SCREENSHOTS"), name, NULL);

      evk_ui_show_on_screen (GTK_WIDGET (card_of (window, key)));
      evk_ui_run_for (500);
      evk_ui_save_png (GTK_WIDGET (window), NULL, shot, &error);
      g_assert_no_error (error);
    }

  /* Back to none, through the same row. */
  choose_weighting (window, key, "None", n_choices);
  g_clear_pointer (&after, g_free);
  after = weighting_of (window, key);
  g_assert_null (after);
  g_assert_false (evk_chart_card_get_table (card_of (window, key))->weighted);
}

static void
test_demo (EvkUiFixture  *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EvkChartEditDialog *dialog;

  /* None and the four variables the demo has population shares of. */
  weight_and_unweight (f->window, "measure:20", "m20-awareness-7", "reg_icnpo", 5);

  /* A goal's status summary counts measures, not respondents: no row. */
  dialog = evk_chart_edit_dialog_new (GTK_WINDOW (f->window), evk_window_get_project (f->window), "g2-status",
                                      &error);
  g_assert_no_error (error);
  g_assert_null (evk_chart_edit_dialog_get_weighting_row (dialog));
  g_assert_null (find_row (GTK_WIDGET (dialog), "Weighting"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  evk_ui_iterate ();
}

static void
test_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) made = evk_test_make_example (path, FALSE, TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL, *key = NULL;
  EvkWindow *window;

  charts = evk_project_list_charts (made, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < charts->len && key == NULL; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (charts, i);

      if (chart->measure > 0 && g_str_has_prefix (chart->spec, "awareness "))
        {
          key = g_strdup (chart->key);
          page = g_strdup_printf ("measure:%u", chart->measure);
        }
    }
  g_assert_nonnull (key);
  g_clear_object (&made);

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  /* None and its one variable with population shares. */
  weight_and_unweight (window, page, key, "reg_landsdel", 2);
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
  g_test_add ("/evk/chart-weighting/demo", EvkUiFixture, NULL, evk_ui_fixture_set_up, test_demo,
              evk_ui_fixture_tear_down);
  g_test_add_func ("/evk/chart-weighting/example", test_example);
  return g_test_run ();
}
