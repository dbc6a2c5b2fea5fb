/* test-measure.c: a measure's charts and a goal's summary, through the widgets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "evk-chart-card.h"
#include "evk-goal-page.h"
#include "evk-measure-item.h"
#include "evk-measure-page.h"
#include "evk-resources.h"
#include "evk-table-spec.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

typedef EvkUiFixture Fixture;

static void
drawn (EvkChartCard *card,
       gboolean     *flag)
{
  *flag = TRUE;
}

/* Waits for the card's next frame on screen. */
static void
wait_for_frame (EvkChartCard *card)
{
  gboolean done = FALSE;
  gulong id = g_signal_connect (card, "drawn", G_CALLBACK (drawn), &done);

  gtk_widget_queue_draw (evk_chart_card_get_chart_area (card));
  g_assert_true (evk_ui_wait_for (&done, 5000));
  g_signal_handler_disconnect (card, id);
}

static const EvkChartHit *
find_hit (EvkChartCard    *card,
          EvkChartHitKind  kind,
          int              row,
          int              column)
{
  EvkChartHits *hits = evk_chart_card_get_hits (card);

  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->hits->len; i++)
    {
      const EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);
      if (hit->kind == kind && hit->row == row && hit->column == column)
        return hit;
    }
  return NULL;
}

/* The drawn cell of "known and used" says what the statistics say. */
static void
assert_used_cell (Fixture      *f,
                  EvkChartCard *card,
                  const char   *spec,
                  const char   *share_text,
                  const char   *base_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) expected = evk_table_compute (evk_window_get_project (f->window), spec, &error);
  int used = evk_table_find_column (expected, "known-used");
  const EvkChartHit *hit;
  const char *tooltip;

  g_assert_no_error (error);
  g_assert_cmpint (used, >=, 0);
  hit = find_hit (card, EVK_CHART_HIT_CELL, 0, used);
  g_assert_nonnull (hit);
  g_assert_cmpuint (hit->n, ==, evk_table_cell (expected, 0, used)->n);
  g_assert_cmpfloat_with_epsilon (hit->share, evk_table_cell (expected, 0, used)->share, 1e-9);
  g_assert_nonnull (strstr (hit->text, share_text));
  g_assert_nonnull (strstr (hit->text, base_text));
  /* Hovering the bar shows that text. */
  tooltip = evk_chart_card_tooltip_at (card, hit->x + hit->width / 2, hit->y + hit->height / 2);
  g_assert_cmpstr (tooltip, ==, hit->text);
}

static void
test_group_switch (Fixture       *f,
                   gconstpointer  data)
{
  EvkMeasurePage *page;
  EvkChartCard *card;
  g_autoptr(GPtrArray) cards = NULL;

  evk_window_show_page (f->window, "measure:20");
  evk_ui_iterate ();
  page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_cmpuint (evk_measure_page_get_number (page), ==, 20);

  /* Offers 6 and 7 link to measure 20: awareness and outcome of each. */
  cards = evk_measure_page_get_cards (page);
  g_assert_cmpuint (cards->len, ==, 4);
  g_assert_nonnull (evk_measure_page_find_card (page, "awareness", "6"));
  card = evk_measure_page_find_card (page, "awareness", "7");
  g_assert_nonnull (card);

  wait_for_frame (card);
  assert_used_cell (f, card, "awareness 7", "8,4\u202f%", "431 av 5\u202f103");

  /* All organisations → immigrant organisations: the chart redraws at once
   * with the statistics' figures for the group. */
  evk_chart_card_set_group (card, "immigrant-organisations");
  wait_for_frame (card);
  assert_used_cell (f, card, "awareness 7 group=immigrant-organisations", "26,2\u202f%", "96 av 367");

  /* A group with a long name leaves the card as wide as it was: the page
   * keeps its columns of cards. */
  {
    int width = gtk_widget_get_width (GTK_WIDGET (card));

    evk_chart_card_set_group (card, "managing-municipality");
    wait_for_frame (card);
    evk_ui_iterate ();
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (card)), ==, width);
  }

  /* The same through the card's own drop-down, back to everyone. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (evk_ui_find_widget (GTK_WIDGET (card), GTK_TYPE_DROP_DOWN)), 0);
  wait_for_frame (card);
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, "all");
  assert_used_cell (f, card, "awareness 7", "8,4\u202f%", "431 av 5\u202f103");

  /* The language switch redraws in English. */
  evk_window_set_language (f->window, "en");
  evk_ui_iterate ();
  page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window));
  card = evk_measure_page_find_card (page, "awareness", "7");
  wait_for_frame (card);
  assert_used_cell (f, card, "awareness 7", "8.4%", "431 of 5,103");
}

static void
test_legend_and_table (Fixture       *f,
                       gconstpointer  data)
{
  EvkChartCard *card;
  const EvkChartHit *legend;

  evk_window_show_page (f->window, "measure:20");
  evk_ui_iterate ();
  card = evk_measure_page_find_card (EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window)), "awareness", "7");
  wait_for_frame (card);
  g_assert_cmpuint (evk_chart_card_get_table (card)->columns->len, ==, 3);

  /* A click on the first legend entry hides that series; its chip shows it. */
  legend = find_hit (card, EVK_CHART_HIT_LEGEND, -1, 0);
  g_assert_nonnull (legend);
  evk_chart_card_click_at (card, legend->x + legend->width / 2, legend->y + legend->height / 2);
  wait_for_frame (card);
  g_assert_cmpuint (evk_chart_card_get_table (card)->columns->len, ==, 2);
  g_assert_true (evk_chart_card_is_hidden (card, evk_table_column (evk_chart_card_get_table (card), 0)->key) == FALSE);
  g_assert_null (find_hit (card, EVK_CHART_HIT_CELL, 0, 2));

  /* "Show as table" swaps the drawing for a grid of the same numbers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.show-table", NULL));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_view (card), ==, "table");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.show-table", NULL));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_view (card), ==, "chart");
}

static void
test_dont_know (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) valid = NULL;
  EvkChartCard *card;

  evk_window_show_page (f->window, "measure:20");
  evk_ui_iterate ();
  card = evk_measure_page_find_card (EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window)), "outcome", "7");
  g_assert_nonnull (card);
  {
    g_autoptr(EvkTable) with = evk_table_compute (evk_window_get_project (f->window), "outcome 7", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evk_chart_card_get_table (card)->columns->len, ==, with->columns->len);
    g_assert_cmpuint (evk_table_column (with, with->columns->len - 1)->role, ==, EVK_ENTRY_DONT_KNOW);
  }
  /* Excluding "don't know" is the statistics' valid base. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.dont-know", NULL));
  evk_ui_iterate ();
  valid = evk_table_compute (evk_window_get_project (f->window), "outcome 7 base=valid", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evk_chart_card_get_table (card)->columns->len, ==, valid->columns->len);
  g_assert_cmpuint (evk_table_row (evk_chart_card_get_table (card), 0)->n_base, ==, evk_table_row (valid, 0)->n_base);
  g_assert_cmpfloat_with_epsilon (evk_table_cell (evk_chart_card_get_table (card), 0, 0)->share,
                                  evk_table_cell (valid, 0, 0)->share, 1e-9);
}

static guint
summary_count (EvkGoalPage *page,
               const char  *status)
{
  EvkTable *table = evk_chart_card_get_table (evk_goal_page_get_summary_card (page));
  int column = evk_table_find_column (table, status);

  g_assert_cmpint (column, >=, 0);
  return evk_table_cell (table, 0, column)->n;
}

static void
test_goal_summary_follows_status (Fixture       *f,
                                  gconstpointer  data)
{
  EvkGoalPage *page;
  GListModel *measures;

  evk_window_show_page (f->window, "goal:3");
  evk_ui_iterate ();
  page = EVK_GOAL_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_cmpstr (evk_goal_page_get_summary (page), ==,
                   "12 measures: 9 Gjennomført, 2 Delvis gjennomført, 1 Ikke gjennomført");
  g_assert_cmpuint (summary_count (page, "completed"), ==, 9);
  measures = evk_goal_page_get_measures (page);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 12);

  /* Measure 20 (goal 3) becomes not completed: the open goal page's
   * summary, chart and table follow at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.set-status", "(us)", 20, "not-completed"));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_goal_page_get_summary (page), ==,
                   "12 measures: 8 Gjennomført, 2 Delvis gjennomført, 2 Ikke gjennomført");
  g_assert_cmpuint (summary_count (page, "completed"), ==, 8);
  g_assert_cmpuint (summary_count (page, "not-completed"), ==, 2);

  /* Sorting the table by status puts the project's first status first. */
  {
    GtkColumnView *view = evk_goal_page_get_column_view (page);
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) status_column = g_list_model_get_item (columns, 3);
    g_autoptr(EvkMeasureItem) first = NULL, last = NULL;

    gtk_column_view_sort_by_column (view, status_column, GTK_SORT_DESCENDING);
    evk_ui_iterate ();
    first = g_list_model_get_item (measures, 0);
    last = g_list_model_get_item (measures, g_list_model_get_n_items (measures) - 1);
    g_assert_cmpstr (evk_measure_item_get_status_key (first), ==, "not-completed");
    g_assert_cmpstr (evk_measure_item_get_status_key (last), ==, "completed");
  }
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/measure/group-switch", Fixture, NULL, evk_ui_fixture_set_up, test_group_switch, evk_ui_fixture_tear_down);
  g_test_add ("/evk/measure/legend-and-table", Fixture, NULL, evk_ui_fixture_set_up, test_legend_and_table, evk_ui_fixture_tear_down);
  g_test_add ("/evk/measure/dont-know", Fixture, NULL, evk_ui_fixture_set_up, test_dont_know, evk_ui_fixture_tear_down);
  g_test_add ("/evk/measure/goal-summary-follows-status", Fixture, NULL, evk_ui_fixture_set_up,
              test_goal_summary_follows_status, evk_ui_fixture_tear_down);
  return g_test_run ();
}
