/* test-evaluation.c: a whole evaluation set up in the window, from New Evaluation to its chart
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-chart-card.h"
#include "evk-data-dir.h"
#include "evk-import-dialog.h"
#include "evk-lists-page.h"
#include "evk-localized.h"
#include "evk-offers-page.h"
#include "evk-start-page.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

static void
show (EvkWindow  *window,
      const char *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  evk_ui_iterate ();
}

typedef struct {
  gboolean done;
  gboolean ok;
} Result;

static void
finished (EvkImportDialog *dialog,
          gboolean         ok,
          const char      *summary,
          Result          *result)
{
  result->done = TRUE;
  result->ok = ok;
}

static EvkImportDialog *
find_import_dialog (void)
{
  EvkImportDialog *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (EVK_IS_IMPORT_DIALOG (l->data))
      dialog = l->data;
  return dialog;
}

/* Opens the question picker of a role of the open offer, searches and
 * clicks the first variable it lists, as a user does. */
static void
link_role (EvkWindow  *window,
           const char *role_title,
           const char *search,
           const char *expected)
{
  GtkWidget *row = evk_ui_row_titled (window, role_title, 0);
  GtkWidget *button = evk_ui_find_widget_with_tooltip (row, GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *popover, *entry, *list;
  GListModel *model;
  g_autoptr(GtkStringObject) first = NULL;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  evk_ui_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  entry = evk_ui_find_widget_with_tooltip (popover, GTK_TYPE_SEARCH_ENTRY, NULL);
  list = evk_ui_find_widget_with_tooltip (popover, GTK_TYPE_LIST_VIEW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_signal_emit_by_name (entry, "search-changed");
  evk_ui_iterate ();
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, expected);
  g_signal_emit_by_name (list, "activate", 0);
  evk_ui_iterate ();
}

static void
test_whole_evaluation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Digitalt for alle.evalkit", NULL);
  g_autofree char *export1 = g_build_filename (dir, "one.ini", NULL);
  g_autofree char *export2 = g_build_filename (dir, "two.ini", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.evalkit", NULL);
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *csv = g_build_filename (demo, "..", "examples", "digitalt-for-alle", "survey.csv", NULL);
  g_autofree char *codebook_path = g_build_filename (demo, "..", "examples", "digitalt-for-alle", "codebook.csv",
                                                     NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) survey_file = g_file_new_for_path (csv);
  g_autoptr(GFile) codebook = g_file_new_for_path (codebook_path);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(EvkProject) copy = NULL;
  g_autoptr(GBytes) one = NULL, two = NULL;
  g_autoptr(EvkTable) expected = NULL;
  EvkImportDialog *dialog;
  EvkChartCard *card;
  EvkTable *shown;
  EvkOffer *offer;
  EvkWindow *window;
  GtkWidget *row;
  Result result = { 0 };

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  /* What New Evaluation's file dialog does with the chosen name. */
  g_assert_true (_evk_window_create_project (window, path, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();

  /* The strategy: two goals, three measures. */
  show (window, "strategy");
  gtk_editable_set_text (GTK_EDITABLE (evk_ui_row_titled (window, "Title of the strategy", 0)), "Digitalt for alle");
  g_signal_emit_by_name (evk_ui_row_titled (window, "Title of the strategy", 0), "entry-activated");
  evk_ui_iterate ();
  evk_ui_type_and_apply (window, "New goal: its title", 0, "Alle skal kunne bruke digitale tjenester");
  evk_ui_type_and_apply (window, "New goal: its title", 0, "Flere skal lære digitale ferdigheter");
  evk_ui_type_and_apply (window, "New measure: its title", 0, "Veileder for digital hjelp");
  evk_ui_type_and_apply (window, "New measure: its title", 0, "Digihjelp-tilskudd");
  evk_ui_type_and_apply (window, "New measure: its title", 1, "Nettverk for digihjelpere");

  /* The status list: two statuses, one that counts as completed. */
  show (window, "lists");
  g_assert_true (EVK_IS_LISTS_PAGE (_evk_window_get_page_widget (window)));
  evk_ui_type_and_apply (window, "New status: its name", 0, "Fullført");
  evk_ui_type_and_apply (window, "New status: its name", 0, "Pågår");
  gtk_switch_set_active (GTK_SWITCH (evk_ui_find_widget_with_tooltip (evk_ui_row_titled (window, "Counts as completed", 0), GTK_TYPE_SWITCH,
                                                  NULL)),
                         TRUE);
  evk_ui_iterate ();

  /* The example survey, through the import dialog. */
  _evk_window_present_import (window, EVK_IMPORT_SURVEY, survey_file);
  evk_ui_iterate ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished), &result);
  evk_import_dialog_set_codebook (dialog, codebook);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  g_assert_true (evk_ui_wait_for (&result.done, 30000));
  g_assert_true (result.ok);
  evk_ui_iterate ();
  g_assert_nonnull (evk_workspace_get_survey (window->workspace));

  /* The Next Steps page sends the evaluator to the offers. */
  show (window, "start");
  g_assert_cmpstr (evk_start_page_get_next (EVK_START_PAGE (_evk_window_get_page_widget (window))), ==, "links");

  /* An offer, its measure and two questions about it. */
  show (window, "offers");
  g_assert_true (EVK_IS_OFFERS_PAGE (_evk_window_get_page_widget (window)));
  evk_ui_type_and_apply (window, "New offer: its label", 0, "Veilederen for digital hjelp");
  row = evk_ui_row_titled (window, "1. Veileder for digital hjelp", 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (evk_ui_find_widget_with_tooltip (row, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  evk_ui_iterate ();
  link_role (window, "Heard of the offer", "KJENNER_1", "kjenner_1");
  link_role (window, "Used the offer", "brukt_1", "brukt_1");

  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->offers->len, ==, 1);
  offer = g_ptr_array_index (strategy->offers, 0);
  g_assert_cmpstr (evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF), ==, "kjenner_1");
  g_assert_cmpstr (evk_offer_get_variable (offer, EVK_ROLE_USED), ==, "brukt_1");
  g_assert_cmpuint (offer->measures->len, ==, 1);
  g_assert_cmpuint (g_array_index (offer->measures, guint, 0), ==, 1);

  /* The chart the links make, with the numbers the table grammar gives. */
  card = EVK_CHART_CARD (evk_ui_find_widget_with_tooltip (_evk_window_get_page_widget (window), EVK_TYPE_CHART_CARD, NULL));
  g_assert_nonnull (card);
  shown = evk_chart_card_get_table (card);
  g_assert_nonnull (shown);
  {
    g_autofree char *spec = g_strdup_printf ("awareness %s", offer->key);

    expected = evk_workspace_compute_spec (window->workspace, spec, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (shown->n_base, ==, expected->n_base);
  g_assert_cmpuint (shown->rows->len * shown->columns->len, ==, expected->rows->len * expected->columns->len);
  for (guint i = 0; i < shown->rows->len * shown->columns->len; i++)
    g_assert_cmpuint (shown->cells[i].n, ==, expected->cells[i].n);
  g_assert_cmpuint (shown->n_base, >, 0);
  g_clear_pointer (&strategy, evk_strategy_free);

  /* Quit, reopen: everything is there. */
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  window = evk_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->goals->len, ==, 2);
  g_assert_cmpuint (strategy->measures->len, ==, 3);
  g_assert_cmpuint (strategy->vocabs[EVK_VOCAB_STATUS]->len, ==, 2);
  g_assert_true (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], 0))->completed);
  g_assert_cmpuint (strategy->offers->len, ==, 1);
  g_assert_cmpuint (((EvkOffer *) g_ptr_array_index (strategy->offers, 0))->items->len, ==, 2);
  g_assert_nonnull (evk_workspace_get_survey (window->workspace));
  show (window, "offers");
  g_assert_nonnull (evk_ui_find_widget_with_tooltip (_evk_window_get_page_widget (window), EVK_TYPE_CHART_CARD, NULL));

  /* The key file of it reads back to the same key file. */
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

int
main (int   argc,
      char *argv[])
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/evk/evaluation/from-new-to-chart", test_whole_evaluation);
  return g_test_run ();
}
