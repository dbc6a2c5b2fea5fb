/* test-lists.c: the strategy's lists edited in the window, through its widgets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-lists-page.h"
#include "evk-localized.h"
#include "evk-project-edit.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

static void
test_edit_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "lister.evalkit", NULL);
  const char *langs[] = { "nb", "en", NULL };
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autofree char *goal = NULL, *status = NULL;
  EvkProject *project;
  EvkWindow *window;
  GtkWidget *row, *widget;

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (_evk_window_create_project (window, path, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();
  project = evk_window_get_project (window);
  g_assert_true (evk_project_begin_strategy (project, langs, "Digitalt for alle", &error));
  goal = evk_project_add_goal (project, "goal", "Alle skal kunne bruke digitale tjenester", &error);
  g_assert_nonnull (goal);
  g_assert_cmpuint (evk_project_add_measure (project, goal, "Enklere skjema", &error), ==, 1);
  status = evk_project_add_term (project, EVK_VOCAB_STATUS, "Fullført", &error);
  g_assert_nonnull (status);
  g_assert_true (evk_project_set_measure_keys (project, 1, "status", (const char *[]) { status, NULL }, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "lists"));
  evk_ui_iterate ();
  g_assert_true (EVK_IS_LISTS_PAGE (_evk_window_get_page_widget (window)));

  /* A new status, then its English name. */
  row = evk_ui_row_titled (window, "New status: its name", 0);
  gtk_editable_set_text (GTK_EDITABLE (row), "Pågår");
  g_signal_emit_by_name (row, "apply");
  evk_ui_iterate ();
  row = evk_ui_row_titled (window, "Name (en)", 1);
  gtk_editable_set_text (GTK_EDITABLE (row), "In progress");
  g_signal_emit_by_name (row, "apply");
  evk_ui_iterate ();

  /* "Fullført" counts as completed. */
  row = evk_ui_row_titled (window, "Counts as completed", 0);
  widget = evk_ui_find_widget_with_tooltip (row, GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (widget);
  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  evk_ui_iterate ();

  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->vocabs[EVK_VOCAB_STATUS]->len, ==, 2);
  g_assert_true (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], 0))->completed);
  g_assert_cmpstr (evk_localized_get (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], 1))->name,
                                      "en"), ==, "In progress");
  g_clear_pointer (&strategy, evk_strategy_free);

  /* The core refuses to remove a status a measure has; nothing changes. */
  row = evk_ui_row_titled (window, "Fullført", 0);
  widget = evk_ui_find_widget_with_tooltip (row, GTK_TYPE_BUTTON, "Remove");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->vocabs[EVK_VOCAB_STATUS]->len, ==, 2);
  g_clear_pointer (&strategy, evk_strategy_free);

  /* The second status moves up: the order legends show. */
  row = evk_ui_row_titled (window, "In progress", 0);
  g_signal_emit_by_name (evk_ui_find_widget_with_tooltip (row, GTK_TYPE_BUTTON, "Move Up"), "clicked");
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpstr (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], 0))->key, ==, "pagar");
  g_clear_pointer (&strategy, evk_strategy_free);

  /* A responsible body with its abbreviation and kind. */
  row = evk_ui_row_titled (window, "New responsible body: its full name", 0);
  gtk_editable_set_text (GTK_EDITABLE (row), "Digitaliseringsdirektoratet");
  g_signal_emit_by_name (row, "apply");
  evk_ui_iterate ();
  row = evk_ui_row_titled (window, "Abbreviation (nb)", 0);
  gtk_editable_set_text (GTK_EDITABLE (row), "Digdir");
  g_signal_emit_by_name (row, "apply");
  evk_ui_iterate ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (evk_ui_row_titled (window, "Kind", 0)), 1);
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->bodies->len, ==, 1);
  g_assert_cmpstr (((EvkBody *) g_ptr_array_index (strategy->bodies, 0))->kind, ==, "directorate");
  g_assert_cmpstr (evk_localized_get (((EvkBody *) g_ptr_array_index (strategy->bodies, 0))->abbreviation, "nb"), ==,
                   "Digdir");
  g_clear_pointer (&strategy, evk_strategy_free);

  /* Each edit is one step of undo: the kind, the abbreviation, the body,
   * the move go back. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  strategy = evk_ui_strategy_of (window);
  g_assert_cmpuint (strategy->bodies->len, ==, 0);
  g_assert_cmpstr (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], 0))->key, ==, status);
  g_clear_pointer (&strategy, evk_strategy_free);

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
  g_test_add_func ("/evk/lists-page/edit-lists", test_edit_lists);
  return g_test_run ();
}
