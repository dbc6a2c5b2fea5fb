/* test-chart-card.c: a saved chart's caption, report state and order from its card
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "evk-chart-card-private.h"
#include "evk-chart-edit-dialog.h"
#include "evk-charts.h"
#include "evk-data-dir.h"
#include "evk-documents.h"
#include "evk-goal-page.h"
#include "evk-import-csv.h"
#include "evk-localized.h"
#include "evk-measure-page.h"
#include "evk-report-outline.h"
#include "evk-resources.h"
#include "evk-store-texts.h"
#include "evk-table-spec.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

typedef EvkUiFixture Fixture;

static EvkMeasurePage *
show_measure_20 (Fixture *f)
{
  EvkMeasurePage *page;

  evk_window_show_page (f->window, "measure:20");
  evk_ui_iterate ();
  page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_cmpuint (evk_measure_page_get_number (page), ==, 20);
  return page;
}

/* Measure 20's saved charts, read back from the project, in order. */
static GPtrArray *
measure_charts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = evk_project_list_charts (evk_window_get_project (f->window), &error);
  GPtrArray *mine = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_saved_chart_free);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len;)
    if (((EvkSavedChart *) g_ptr_array_index (all, i))->measure == 20)
      g_ptr_array_add (mine, g_ptr_array_steal_index (all, i));
    else
      i++;
  return mine;
}

static EvkSavedChart *
find_chart (GPtrArray  *charts,
            const char *key)
{
  EvkSavedChart *chart = evk_project_find_chart (charts, key);

  g_assert_nonnull (chart);
  return chart;
}

static GStrv
languages (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GStrv langs = evk_store_get_languages (evk_project_get_store (evk_window_get_project (f->window)), &error);

  g_assert_no_error (error);
  g_assert_nonnull (langs[0]);
  g_assert_nonnull (langs[1]);
  return langs;
}

static void
test_cards_are_saved_charts (Fixture       *f,
                             gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  g_autoptr(GPtrArray) charts = measure_charts (f);

  /* One card per saved chart of the measure, in the project's order, with
   * the saved caption under it. */
  g_assert_cmpuint (cards->len, ==, 4);
  g_assert_cmpuint (charts->len, ==, cards->len);
  for (guint i = 0; i < cards->len; i++)
    {
      EvkChartCard *card = g_ptr_array_index (cards, i);
      EvkSavedChart *chart = g_ptr_array_index (charts, i);

      g_assert_cmpstr (evk_chart_card_get_chart_key (card), ==, chart->key);
      g_assert_true (evk_chart_card_get_in_report (card));
      g_assert_false (evk_chart_card_shows_not_in_report (card));
      g_assert_cmpstr (evk_chart_card_get_caption (card), ==,
                       evk_localized_get (chart->caption, evk_workspace_get_language (f->window->workspace)));
    }
  g_assert_true (evk_measure_page_find_card (page, "awareness", "7") != NULL);
}

static void
test_include_in_report (Fixture       *f,
                        gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *card = g_ptr_array_index (cards, 0);
  g_autofree char *key = g_strdup (evk_chart_card_get_chart_key (card));

  /* The menu's check box is the stateful "chart.in-report": off saves at
   * once, and the same card says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.in-report", NULL));
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) charts = measure_charts (f);
    g_autoptr(GPtrArray) after = evk_measure_page_get_cards (page);

    g_assert_false (find_chart (charts, key)->in_report);
    g_assert_true (g_ptr_array_index (after, 0) == (gpointer) card);
    g_assert_false (evk_chart_card_get_in_report (card));
    g_assert_true (evk_chart_card_shows_not_in_report (card));
    /* The others are untouched. */
    g_assert_true (find_chart (charts, evk_chart_card_get_chart_key (g_ptr_array_index (after, 1)))->in_report);
    g_assert_false (evk_chart_card_shows_not_in_report (g_ptr_array_index (after, 1)));
  }

  /* And back on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.in-report", NULL));
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) charts = measure_charts (f);

    g_assert_true (find_chart (charts, key)->in_report);
    g_assert_false (evk_chart_card_shows_not_in_report (card));
  }
}

static void
test_edit_texts (Fixture       *f,
                 gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *card = g_ptr_array_index (cards, 1);
  g_autofree char *key = g_strdup (evk_chart_card_get_chart_key (card));
  g_auto(GStrv) langs = languages (f);
  g_autoptr(GError) error = NULL;
  EvkChartEditDialog *dialog;

  dialog = evk_chart_card_edit_text (card);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (evk_chart_edit_dialog_get_key (dialog), ==, key);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  evk_ui_iterate ();

  /* Prefilled from the project. */
  {
    g_autoptr(GPtrArray) charts = measure_charts (f);
    EvkSavedChart *chart = find_chart (charts, key);

    for (guint i = 0; langs[i] != NULL; i++)
      {
        g_autofree char *caption = evk_chart_edit_dialog_get_caption (dialog, langs[i]);
        g_autofree char *alt = evk_chart_edit_dialog_get_alt_text (dialog, langs[i]);

        g_assert_cmpstr (caption, ==, evk_localized_get (chart->caption, langs[i]));
        g_assert_cmpstr (alt, ==, evk_localized_get (chart->alt_text, langs[i]));
      }
  }

  evk_chart_edit_dialog_set_caption (dialog, langs[0], "Kjennskap blant lag og foreninger");
  evk_chart_edit_dialog_set_caption (dialog, langs[1], "Awareness among associations");
  evk_chart_edit_dialog_set_alt_text (dialog, langs[0], "Stolpediagram.\nTo linjer.");
  evk_chart_edit_dialog_set_alt_text (dialog, langs[1], "Bar chart.\nTwo lines.");
  g_assert_true (evk_chart_edit_dialog_save (dialog, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();

  {
    g_autoptr(GPtrArray) charts = measure_charts (f);
    EvkSavedChart *chart = find_chart (charts, key);

    g_assert_cmpstr (evk_localized_get (chart->caption, langs[0]), ==, "Kjennskap blant lag og foreninger");
    g_assert_cmpstr (evk_localized_get (chart->caption, langs[1]), ==, "Awareness among associations");
    g_assert_cmpstr (evk_localized_get (chart->alt_text, langs[0]), ==, "Stolpediagram.\nTo linjer.");
    g_assert_cmpstr (evk_localized_get (chart->alt_text, langs[1]), ==, "Bar chart.\nTwo lines.");
  }
  /* The card's caption follows, in the content language and after a switch. */
  g_assert_cmpstr (evk_chart_card_get_caption (card), ==,
                   g_str_equal (evk_workspace_get_language (f->window->workspace), langs[0])
                   ? "Kjennskap blant lag og foreninger" : "Awareness among associations");
  evk_window_set_language (f->window, langs[1]);
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) after = evk_measure_page_get_cards (EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window)));

    g_assert_cmpstr (evk_chart_card_get_caption (g_ptr_array_index (after, 1)), ==, "Awareness among associations");
  }
}

static void
test_cancel_changes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *card = g_ptr_array_index (cards, 0);
  g_autofree char *key = g_strdup (evk_chart_card_get_chart_key (card));
  g_autofree char *caption_before = g_strdup (evk_chart_card_get_caption (card));
  g_autoptr(GPtrArray) before = measure_charts (f);
  g_auto(GStrv) langs = languages (f);
  EvkChartEditDialog *dialog = evk_chart_card_edit_text (card);

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  evk_ui_iterate ();
  evk_chart_edit_dialog_set_caption (dialog, langs[0], "Skal ikke lagres");
  evk_chart_edit_dialog_set_alt_text (dialog, langs[1], "Not to be saved");
  /* Escape is Cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "chart-edit.cancel", NULL));
  evk_ui_iterate ();
  g_assert_null (dialog);

  {
    g_autoptr(GPtrArray) after = measure_charts (f);

    g_assert_cmpuint (after->len, ==, before->len);
    for (guint i = 0; i < after->len; i++)
      {
        EvkSavedChart *a = g_ptr_array_index (before, i);
        EvkSavedChart *b = g_ptr_array_index (after, i);

        g_assert_cmpstr (a->key, ==, b->key);
        g_assert_true (a->in_report == b->in_report);
        g_assert_true (evk_localized_equal (a->caption, b->caption));
        g_assert_true (evk_localized_equal (a->alt_text, b->alt_text));
      }
  }
  g_assert_cmpstr (evk_chart_card_get_caption (card), ==, caption_before);
  g_assert_cmpstr (evk_chart_card_get_chart_key (card), ==, key);
}

static void
test_move_and_remove (Fixture       *f,
                      gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  g_autoptr(GPtrArray) before = measure_charts (f);
  EvkChartCard *first = g_ptr_array_index (cards, 0);
  EvkChartCard *second = g_ptr_array_index (cards, 1);
  g_autoptr(GError) error = NULL;

  /* The first card cannot go further up: nothing changes. */
  g_assert_true (evk_chart_card_move (first, -1, &error));
  g_assert_no_error (error);

  /* The second card moves up: the project's order and the page's follow,
   * with the same card objects. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "chart.move-up", NULL));
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) after = measure_charts (f);
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    g_assert_cmpuint (after->len, ==, 4);
    g_assert_cmpstr (((EvkSavedChart *) g_ptr_array_index (after, 0))->key, ==,
                     ((EvkSavedChart *) g_ptr_array_index (before, 1))->key);
    g_assert_cmpstr (((EvkSavedChart *) g_ptr_array_index (after, 1))->key, ==,
                     ((EvkSavedChart *) g_ptr_array_index (before, 0))->key);
    for (guint i = 2; i < 4; i++)
      g_assert_cmpstr (((EvkSavedChart *) g_ptr_array_index (after, i))->key, ==,
                       ((EvkSavedChart *) g_ptr_array_index (before, i))->key);
    g_assert_true (g_ptr_array_index (now, 0) == (gpointer) second);
    g_assert_true (g_ptr_array_index (now, 1) == (gpointer) first);
    /* The flow box shows them in that order too. */
    g_assert_true (gtk_widget_get_parent (GTK_WIDGET (second)) ==
                   GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (second)))), 0)));
    g_assert_true (gtk_widget_get_parent (GTK_WIDGET (first)) ==
                   GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (first)))), 1)));
  }

  /* And back down. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "chart.move-down", NULL));
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) after = measure_charts (f);
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    for (guint i = 0; i < 4; i++)
      g_assert_cmpstr (((EvkSavedChart *) g_ptr_array_index (after, i))->key, ==,
                       ((EvkSavedChart *) g_ptr_array_index (before, i))->key);
    g_assert_true (g_ptr_array_index (now, 0) == (gpointer) first);
  }

  /* A removed chart leaves the page. */
  g_assert_true (evk_project_remove_chart (evk_window_get_project (f->window),
                                           evk_chart_card_get_chart_key (second), &error));
  g_assert_no_error (error);
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    g_assert_cmpuint (now->len, ==, 3);
    g_assert_true (g_ptr_array_index (now, 0) == (gpointer) first);
  }
}

/* The item of a menu whose text (without its mnemonic) is text, or NULL. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "text") != NULL && GTK_IS_ACTIONABLE (child))
        {
          g_autofree char *item_text = NULL;

          g_object_get (child, "text", &item_text, NULL);
          if (g_strcmp0 (item_text, text) == 0)
            return child;
        }
      if ((found = find_menu_item (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether the item of card's menu named text can be chosen, with the menu
 * open as a user sees it; fails the test when there is no such item. */
static gboolean
menu_item_enabled (EvkChartCard *card,
                   const char   *text)
{
  GtkWidget *popover;
  GtkWidget *item;
  gboolean enabled;

  gtk_menu_button_popup (GTK_MENU_BUTTON (card->menu_button));
  evk_ui_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (card->menu_button)));
  g_assert_nonnull (popover);
  item = find_menu_item (popover, text);
  g_assert_nonnull (item);
  enabled = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (card->menu_button));
  evk_ui_iterate ();
  return enabled;
}

/* The visible message dialog among the toplevels, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Removes card through its menu and the dialog that asks, as a user does. */
static void
remove_through_menu (EvkChartCard *card)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.remove", NULL));
  evk_ui_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  evk_ui_iterate ();
}

/* The card is shown at index in its page's flow box. */
static void
assert_card_shown_at (EvkChartCard *card,
                      int           index)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (card));

  g_assert_true (GTK_IS_FLOW_BOX_CHILD (item));
  g_assert_true (GTK_IS_FLOW_BOX (gtk_widget_get_parent (item)));
  g_assert_true (GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (gtk_widget_get_parent (item)), index)) == item);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
}

/* After a chart is removed from its menu, the other cards' menus still
 * offer their actions (reparenting a card used to grey them out). */
static void
test_remove_keeps_menus (Fixture       *f,
                         gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *second = g_ptr_array_index (cards, 1);

  g_assert_cmpuint (cards->len, ==, 4);
  for (guint i = 0; i < cards->len; i++)
    g_assert_true (menu_item_enabled (g_ptr_array_index (cards, i), "Remove Chart…"));
  remove_through_menu (g_ptr_array_index (cards, 0));
  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    g_assert_cmpuint (now->len, ==, 3);
    g_assert_true (g_ptr_array_index (now, 0) == (gpointer) second);
    for (guint i = 0; i < now->len; i++)
      {
        EvkChartCard *card = g_ptr_array_index (now, i);

        g_assert_true (menu_item_enabled (card, "Remove Chart…"));
        g_assert_true (menu_item_enabled (card, "Edit Chart…"));
        g_assert_true (menu_item_enabled (card, "Move Up") == (i > 0));
        g_assert_true (menu_item_enabled (card, "Move Down") == (i + 1 < now->len));
        assert_card_shown_at (card, i);
      }
  }
}

/* A chart moved down from its menu shows in its new place. A click on the
 * menu's item holds every widget from the item up to the window until the
 * click is handled, the card's flow box child among them; the test holds
 * it as the click does. */
static void
test_move_down_shows_card (Fixture       *f,
                           gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *first = g_ptr_array_index (cards, 0);
  EvkChartCard *second = g_ptr_array_index (cards, 1);
  g_autoptr(GtkWidget) held = g_object_ref (gtk_widget_get_parent (GTK_WIDGET (first)));

  g_assert_true (menu_item_enabled (first, "Move Down"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "chart.move-down", NULL));
  g_clear_object (&held);
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    g_assert_true (g_ptr_array_index (now, 0) == (gpointer) second);
    g_assert_true (g_ptr_array_index (now, 1) == (gpointer) first);
    assert_card_shown_at (second, 0);
    assert_card_shown_at (first, 1);
    for (guint i = 0; i < now->len; i++)
      g_assert_true (menu_item_enabled (g_ptr_array_index (now, i), "Remove Chart…"));
    g_assert_true (menu_item_enabled (first, "Move Up"));
    g_assert_false (menu_item_enabled (second, "Move Up"));
  }
}

/* The button of the toast that offers action, or NULL. */
static GtkWidget *
find_toast_button (GtkWidget  *root,
                   const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0 &&
          gtk_widget_get_ancestor (child, GTK_TYPE_WINDOW) != NULL)
        return child;
      if ((found = find_toast_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0) ||
        shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* The index of key among all the project's charts. */
static int
chart_position (Fixture    *f,
                const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = evk_project_list_charts (evk_window_get_project (f->window), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((EvkSavedChart *) g_ptr_array_index (all, i))->key, key))
      return i;
  return -1;
}

/* The chart key is back as it was: its card second on the page with its
 * caption, and in the project its spec, texts, report state and place. */
static void
assert_restored (Fixture             *f,
                 EvkMeasurePage      *page,
                 const EvkSavedChart *before,
                 const char          *caption,
                 int                  position)
{
  g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);
  g_autoptr(GPtrArray) charts = measure_charts (f);
  g_auto(GStrv) langs = languages (f);
  EvkSavedChart *chart = find_chart (charts, before->key);
  EvkChartCard *card;

  g_assert_cmpuint (now->len, ==, 4);
  card = g_ptr_array_index (now, 1);
  g_assert_cmpstr (evk_chart_card_get_chart_key (card), ==, before->key);
  g_assert_cmpstr (evk_chart_card_get_caption (card), ==, caption);
  assert_card_shown_at (card, 1);
  g_assert_true (menu_item_enabled (card, "Remove Chart…"));
  g_assert_cmpstr (chart->spec, ==, before->spec);
  g_assert_cmpint (chart->kind, ==, before->kind);
  g_assert_false (chart->in_report);
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_assert_cmpstr (evk_localized_get (chart->caption, langs[i]), ==, evk_localized_get (before->caption, langs[i]));
      g_assert_cmpstr (evk_localized_get (chart->alt_text, langs[i]), ==, evk_localized_get (before->alt_text, langs[i]));
    }
  g_assert_cmpint (chart_position (f, before->key), ==, position);
}

/* Remove from the menu, then Undo from the toast and with the window's
 * undo (Ctrl+Z): the chart is back in its place with all it had. */
static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  g_auto(GStrv) langs = languages (f);
  g_autoptr(GHashTable) alt = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *caption = g_strdup (evk_chart_card_get_caption (g_ptr_array_index (cards, 1)));
  g_autofree char *key = g_strdup (evk_chart_card_get_chart_key (g_ptr_array_index (cards, 1)));
  EvkSavedChart *before;
  GtkWidget *button;
  int position;

  /* Texts and a report state of its own, for the undo to keep. */
  g_hash_table_insert (alt, langs[0], "Stolpediagram før fjerning.");
  g_hash_table_insert (alt, langs[1], "Bar chart before removal.");
  g_assert_true (evk_project_edit_chart (evk_window_get_project (f->window), key, NULL, alt, FALSE, -1, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();
  charts = measure_charts (f);
  before = find_chart (charts, key);
  position = chart_position (f, key);
  g_assert_cmpint (position, >=, 1);
  g_assert_cmpstr (caption, !=, "");

  /* Undo from the toast's button. */
  remove_through_menu (g_ptr_array_index (cards, 1));
  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    g_assert_cmpuint (now->len, ==, 3);
    g_assert_cmpint (chart_position (f, key), ==, -1);
  }
  g_assert_true (shows_label (GTK_WIDGET (f->window->toast_overlay), "Chart removed"));
  button = find_toast_button (GTK_WIDGET (f->window->toast_overlay), "project.undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  evk_ui_iterate ();
  assert_restored (f, page, before, caption, position);

  /* Redo removes it again; Ctrl+Z's action brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.redo", NULL));
  evk_ui_iterate ();
  g_assert_cmpint (chart_position (f, key), ==, -1);
  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    g_assert_cmpuint (now->len, ==, 3);
  }
  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    remove_through_menu (g_ptr_array_index (now, 0));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  assert_restored (f, page, before, caption, position);
}

/* Duplicate puts a copy with a new key right after the original, and
 * undo takes it away. */
static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *original = g_ptr_array_index (cards, 1);
  g_autofree char *key = g_strdup (evk_chart_card_get_chart_key (original));
  g_autoptr(GPtrArray) before = measure_charts (f);
  int position = chart_position (f, key);

  g_assert_true (menu_item_enabled (original, "Duplicate"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (original), "chart.duplicate", NULL));
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);
    g_autoptr(GPtrArray) charts = measure_charts (f);
    EvkChartCard *copy;
    EvkSavedChart *copied, *source;

    g_assert_cmpuint (now->len, ==, 5);
    g_assert_true (g_ptr_array_index (now, 1) == (gpointer) original);
    copy = g_ptr_array_index (now, 2);
    g_assert_cmpstr (evk_chart_card_get_chart_key (copy), !=, key);
    g_assert_cmpstr (evk_chart_card_get_caption (copy), ==, evk_chart_card_get_caption (original));
    assert_card_shown_at (copy, 2);
    g_assert_cmpint (chart_position (f, evk_chart_card_get_chart_key (copy)), ==, position + 1);
    copied = find_chart (charts, evk_chart_card_get_chart_key (copy));
    source = find_chart (charts, key);
    g_assert_cmpstr (copied->spec, ==, source->spec);
    g_assert_cmpint (copied->kind, ==, source->kind);
    g_assert_true (shows_label (GTK_WIDGET (f->window->toast_overlay), "Chart duplicated"));

    /* A second copy gets yet another key. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (original), "chart.duplicate", NULL));
    evk_ui_iterate ();
    {
      g_autoptr(GPtrArray) more = measure_charts (f);

      g_assert_cmpuint (more->len, ==, 6);
      for (guint i = 0; i < more->len; i++)
        for (guint j = i + 1; j < more->len; j++)
          g_assert_cmpstr (((EvkSavedChart *) g_ptr_array_index (more, i))->key, !=,
                           ((EvkSavedChart *) g_ptr_array_index (more, j))->key);
    }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) after = measure_charts (f);
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    g_assert_cmpuint (after->len, ==, before->len);
    for (guint i = 0; i < after->len; i++)
      g_assert_cmpstr (((EvkSavedChart *) g_ptr_array_index (after, i))->key, ==,
                       ((EvkSavedChart *) g_ptr_array_index (before, i))->key);
    g_assert_cmpuint (now->len, ==, 4);
  }
}

/* The second evaluation: on the first goal page with two charts or more,
 * a chart moved down shows in its place, a removed one comes back with
 * Undo, and a duplicate follows its original. */
static void
test_example_lifecycle (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) made = evk_test_make_example (path, TRUE, TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EvkWindow *window = evk_window_new (NULL);
  GPtrArray *goals;
  g_autoptr(GPtrArray) cards = NULL;
  EvkGoalPage *page = NULL;
  EvkChartCard *first, *second;
  g_autofree char *key = NULL;
  g_autofree char *caption = NULL;
  GtkWidget *button;

  g_clear_object (&made);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  goals = evk_workspace_get_strategy (window->workspace)->goals;
  for (guint i = 0; i < goals->len && page == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("goal:%s", ((EvkGoal *) g_ptr_array_index (goals, i))->key);

      evk_window_show_page (window, name);
      evk_ui_iterate ();
      g_clear_pointer (&cards, g_ptr_array_unref);
      cards = evk_goal_page_get_cards (EVK_GOAL_PAGE (_evk_window_get_page_widget (window)));
      if (cards->len >= 2)
        page = EVK_GOAL_PAGE (_evk_window_get_page_widget (window));
    }
  g_assert_nonnull (page);
  first = g_ptr_array_index (cards, 0);
  second = g_ptr_array_index (cards, 1);
  key = g_strdup (evk_chart_card_get_chart_key (first));
  caption = g_strdup (evk_chart_card_get_caption (first));

  /* Move Down, with the card's flow box child held as a click holds it. */
  {
    g_autoptr(GtkWidget) held = g_object_ref (gtk_widget_get_parent (GTK_WIDGET (first)));

    g_assert_true (menu_item_enabled (first, "Move Down"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "chart.move-down", NULL));
  }
  evk_ui_iterate ();
  assert_card_shown_at (second, 0);
  assert_card_shown_at (first, 1);

  /* Remove, and Undo from the toast. */
  remove_through_menu (first);
  {
    g_autoptr(GPtrArray) now = evk_goal_page_get_cards (page);

    g_assert_cmpuint (now->len, ==, cards->len - 1);
    for (guint i = 0; i < now->len; i++)
      g_assert_true (menu_item_enabled (g_ptr_array_index (now, i), "Remove Chart…"));
  }
  button = find_toast_button (GTK_WIDGET (window->toast_overlay), "project.undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) now = evk_goal_page_get_cards (page);
    EvkChartCard *back = g_ptr_array_index (now, 1);

    g_assert_cmpuint (now->len, ==, cards->len);
    g_assert_cmpstr (evk_chart_card_get_chart_key (back), ==, key);
    g_assert_cmpstr (evk_chart_card_get_caption (back), ==, caption);
    assert_card_shown_at (back, 1);

    /* Duplicate: the copy comes right after it. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (back), "chart.duplicate", NULL));
    evk_ui_iterate ();
  }
  {
    g_autoptr(GPtrArray) now = evk_goal_page_get_cards (page);

    g_assert_cmpuint (now->len, ==, cards->len + 1);
    g_assert_cmpstr (evk_chart_card_get_chart_key (g_ptr_array_index (now, 1)), ==, key);
    g_assert_cmpstr (evk_chart_card_get_chart_key (g_ptr_array_index (now, 2)), !=, key);
    g_assert_cmpstr (evk_chart_card_get_caption (g_ptr_array_index (now, 2)), ==, caption);
    assert_card_shown_at (g_ptr_array_index (now, 2), 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
}

/* The goal page shows the goal's saved charts with the same menu: its
 * status summary is "g2-status", and leaving it out of the report saves. */
static void
test_goal_cards (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  EvkChartCard *card = NULL;
  EvkGoalPage *page;

  evk_window_show_page (f->window, "goal:2");
  evk_ui_iterate ();
  page = EVK_GOAL_PAGE (_evk_window_get_page_widget (f->window));
  cards = evk_goal_page_get_cards (page);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (evk_chart_card_get_chart_key (g_ptr_array_index (cards, 0)), ==, "g2-status");
  g_assert_cmpstr (evk_chart_card_get_chart_key (g_ptr_array_index (cards, 1)), ==, "g2-awareness");
  card = g_ptr_array_index (cards, 0);
  g_assert_true (evk_goal_page_get_summary_card (page) == card);
  /* A goal's charts stay out of the report until the evaluators take them in. */
  g_assert_false (evk_chart_card_get_in_report (card));
  g_assert_true (evk_chart_card_shows_not_in_report (card));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.in-report", NULL));
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) charts = evk_project_list_charts (evk_window_get_project (f->window), &error);
    g_autoptr(GPtrArray) after = evk_goal_page_get_cards (page);

    g_assert_no_error (error);
    g_assert_true (find_chart (charts, "g2-status")->in_report);
    g_assert_false (find_chart (charts, "g2-awareness")->in_report);
    g_assert_true (g_ptr_array_index (after, 0) == (gpointer) card);
    g_assert_false (evk_chart_card_shows_not_in_report (card));
  }

  /* A removed chart leaves the goal page too. */
  g_assert_true (evk_project_remove_chart (evk_window_get_project (f->window), "g2-awareness", &error));
  g_assert_no_error (error);
  evk_ui_iterate ();
  {
    g_autoptr(GPtrArray) after = evk_goal_page_get_cards (page);

    g_assert_cmpuint (after->len, ==, 1);
    g_assert_true (g_ptr_array_index (after, 0) == (gpointer) card);
  }
}

static char *
table_json (EvkTable   *table,
            const char *lang)
{
  return evk_table_to_json (table, lang);
}

static void
assert_same_table (EvkTable   *window_table,
                   EvkTable   *cli_table,
                   GStrv       langs,
                   const char *what)
{
  for (guint l = 0; langs[l] != NULL; l++)
    {
      g_autofree char *a = table_json (window_table, langs[l]);
      g_autofree char *b = table_json (cli_table, langs[l]);

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s (%s): the window has\n%s\nthe command line\n%s", what, langs[l], a, b);
    }
}

/* Every saved chart of the window's project, and the awareness tables of
 * each offer in each group and both bases, as the window computes them
 * and as `evalkit table` does; returns how many were compared. The
 * window's source is shared between cards, so the tables are asked for in
 * an order that switches groups back and forth. */
static guint
compare_window_with_table (EvkWindow *window,
                           guint      min_charts)
{
  g_autoptr(GError) error = NULL;
  EvkProject *project = evk_window_get_project (window);
  EvkWorkspace *workspace = window->workspace;
  EvkStrategy *strategy = evk_workspace_get_strategy (workspace);
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) langs = evk_store_get_languages (evk_project_get_store (project), &error);
  g_auto(GStrv) groups = NULL;
  guint n_compared = 0;

  g_assert_no_error (error);
  g_assert_nonnull (langs[0]);
  g_assert_nonnull (langs[1]);
  g_assert_cmpuint (charts->len, >=, min_charts);
  for (guint i = 0; i < charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (charts, i);
      g_autoptr(EvkTable) window_table = evk_workspace_compute_chart (workspace, chart, &error);
      g_autoptr(EvkTable) cli_table = NULL;

      g_assert_no_error (error);
      cli_table = evk_table_compute (project, chart->spec, &error);
      if (cli_table == NULL)
        {
          /* Not the grammar's (the status summary, the document review):
           * those are the model's own tables, the same on both sides. */
          g_clear_error (&error);
          cli_table = evk_project_compute_chart (project, chart, &error);
        }
      g_assert_no_error (error);
      assert_same_table (window_table, cli_table, langs, chart->spec);
      n_compared++;
    }

  g_assert_cmpuint (strategy->groups->len, >, 0);
  g_strv_builder_add (builder, "all");
  for (guint g = 0; g < strategy->groups->len; g++)
    g_strv_builder_add (builder, ((EvkGroup *) g_ptr_array_index (strategy->groups, g))->key);
  groups = g_strv_builder_end (builder);
  for (guint round = 0; round < 2; round++)
    for (guint g = 0; groups[g] != NULL; g++)
      for (guint o = 0; o < strategy->offers->len; o++)
        {
          EvkOffer *offer = g_ptr_array_index (strategy->offers, o);
          gboolean dont_know = (o + round) % 2 == 0;
          EvkQuery query = { "awareness", offer->key, groups[g], dont_know };
          g_autofree char *words = g_strdup_printf ("awareness %s group=%s base=%s", offer->key, groups[g],
                                                    dont_know ? "with-dont-know" : "valid");
          g_autoptr(EvkTable) window_table = evk_workspace_compute (workspace, &query, &error);
          g_autoptr(EvkTable) cli_table = NULL;

          if (window_table == NULL)
            {
              /* An offer without its items: both refuse alike. */
              g_autoptr(GError) cli_error = NULL;

              g_assert_null (cli_table = evk_table_compute (project, words, &cli_error));
              g_assert_cmpstr (error->message, ==, cli_error->message);
              g_clear_error (&error);
              continue;
            }
          cli_table = evk_table_compute (project, words, &error);
          g_assert_no_error (error);
          assert_same_table (window_table, cli_table, langs, words);
          n_compared++;
        }
  return n_compared;
}

/* The example evaluation built from its files as its README does, through
 * the calls the command line makes, in a folder of its own. */
static char *
create_example (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *example = g_build_filename (demo, "..", "examples", "digitalt-for-alle", NULL);
  g_autofree char *strategy = g_build_filename (example, "strategy.ini", NULL);
  g_autofree char *csv = g_build_filename (example, "survey.csv", NULL);
  g_autofree char *codebook = g_build_filename (example, "codebook.csv", NULL);
  g_autofree char *meta = g_build_filename (example, "survey-meta.ini", NULL);
  g_autofree char *documents = g_build_filename (example, "documents.csv", NULL);
  char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;
  g_auto(GStrv) langs = NULL;

  project = evk_project_create_from_strategy (path, strategy, &error);
  g_assert_no_error (error);
  langs = evk_project_get_languages (project, &error);
  g_assert_no_error (error);
  survey = evk_import_csv (csv, codebook, "survey", langs[0], NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evk_survey_apply_meta (survey, meta, langs[0], &error));
  g_assert_true (evk_project_prepare_survey (project, survey, NULL, &changes, &error));
  g_assert_true (evk_project_save_survey (project, survey, &error));
  g_assert_true (evk_documents_import (project, documents, &error));
  g_assert_no_error (error);
  return path;
}

/* The window computes every chart through the table grammar: each saved
 * chart, and each card's group and base switch, gives the numbers
 * `evalkit table` prints for the same words, for the demo and for the
 * example evaluation, whose scales (1 = yes, 2 = no; a don't-know code)
 * and groups differ from the demo's. */
static void
test_same_numbers (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  EvkWindow *window;
  guint n_compared;

  n_compared = compare_window_with_table (f->window, 21);
  g_test_message ("demo: %u tables compared", n_compared);

  path = create_example (dir);
  file = g_file_new_for_path (path);
  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  n_compared = compare_window_with_table (window, 1);
  g_test_message ("example: %u tables compared", n_compared);
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

/* A card switched to a group names it above the chart and under its
 * table view, in the words the exports use; its table goes to the
 * clipboard as tab-separated text and HTML, its chart as PNG and SVG, and
 * each of them names the group too. */
static void
test_group_named_and_copied (Fixture       *f,
                             gconstpointer  data)
{
  EvkMeasurePage *page = show_measure_20 (f);
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *card = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *said = NULL;
  g_autoptr(GBytes) tsv = NULL, html = NULL, png = NULL, svg = NULL;
  GdkContentFormats *formats;
  const char *group = "Innvandrerorganisasjoner";

  for (guint i = 0; i < cards->len && card == NULL; i++)
    if (evk_chart_card_get_kind (g_ptr_array_index (cards, i)) == EVK_CHART_AWARENESS)
      card = g_ptr_array_index (cards, i);
  g_assert_nonnull (card);

  /* Everyone: no group is named, N and the base are. */
  said = evk_table_describe (evk_chart_card_get_table (card), "nb");
  g_assert_null (strstr (said, group));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)), ==, said);
  g_clear_pointer (&said, g_free);

  evk_chart_card_set_group (card, "immigrant-organisations");
  evk_ui_iterate ();
  said = evk_table_describe (evk_chart_card_get_table (card), "nb");
  g_assert_nonnull (strstr (said, group));
  g_assert_true (gtk_widget_get_visible (card->subtitle_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)), ==, said);

  /* The table view says it under the numbers. */
  evk_chart_card_set_show_table (card, TRUE);
  evk_ui_iterate ();
  {
    gboolean found = FALSE;

    for (GtkWidget *child = gtk_widget_get_first_child (card->grid); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      found = found || (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), said) == 0);
    g_assert_true (found);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.copy-table", NULL));
  evk_ui_iterate ();
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  tsv = evk_ui_read_clipboard (clipboard, "text/plain;charset=utf-8");
  html = evk_ui_read_clipboard (clipboard, "text/html");
  g_assert_true (bytes_contain (tsv, said));
  g_assert_true (bytes_contain (tsv, "\t"));
  g_assert_true (bytes_contain (html, "<table>"));
  g_assert_true (bytes_contain (html, "<td style=\"text-align: right\">"));
  g_assert_true (bytes_contain (html, group));
  {
    /* Each row of the table is one line of cells, as many as the header. */
    g_autofree char *text = g_strndup (g_bytes_get_data (tsv, NULL), g_bytes_get_size (tsv));
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    EvkTable *table = evk_chart_card_get_table (card);
    guint n_cells = 2 + 2 * table->columns->len;

    g_assert_cmpuint (g_strv_length (lines), >=, 3 + table->rows->len);
    for (guint r = 0; r <= table->rows->len; r++)
      {
        g_auto(GStrv) cells = g_strsplit (lines[2 + r], "\t", -1);
        g_assert_cmpuint (g_strv_length (cells), ==, n_cells);
      }
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.copy-image", NULL));
  evk_ui_iterate ();
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  png = evk_ui_read_clipboard (clipboard, "image/png");
  svg = evk_ui_read_clipboard (clipboard, "image/svg+xml");
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (bytes_contain (png, group));
  g_assert_true (bytes_contain (svg, "<svg"));
  g_assert_true (bytes_contain (svg, "<desc>"));
  g_assert_true (bytes_contain (svg, group));
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/chart-card/saved-charts", Fixture, NULL, evk_ui_fixture_set_up, test_cards_are_saved_charts,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/include-in-report", Fixture, NULL, evk_ui_fixture_set_up, test_include_in_report,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/edit-texts", Fixture, NULL, evk_ui_fixture_set_up, test_edit_texts, evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/cancel", Fixture, NULL, evk_ui_fixture_set_up, test_cancel_changes_nothing,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/move-and-remove", Fixture, NULL, evk_ui_fixture_set_up, test_move_and_remove,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/same-numbers", Fixture, NULL, evk_ui_fixture_set_up, test_same_numbers,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/group-named-and-copied", Fixture, NULL, evk_ui_fixture_set_up,
              test_group_named_and_copied, evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/remove-keeps-menus", Fixture, NULL, evk_ui_fixture_set_up, test_remove_keeps_menus,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/move-down-shows-card", Fixture, NULL, evk_ui_fixture_set_up, test_move_down_shows_card,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/remove-and-undo", Fixture, NULL, evk_ui_fixture_set_up, test_remove_and_undo,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/chart-card/duplicate", Fixture, NULL, evk_ui_fixture_set_up, test_duplicate, evk_ui_fixture_tear_down);
  g_test_add_func ("/evk/chart-card/example-lifecycle", test_example_lifecycle);
  g_test_add ("/evk/chart-card/goal-page", Fixture, NULL, evk_ui_fixture_set_up, test_goal_cards, evk_ui_fixture_tear_down);
  return g_test_run ();
}
