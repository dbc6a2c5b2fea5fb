/* test-chart-interact.c: what a user does with a chart card, through its widgets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "evk-chart-card-private.h"
#include "evk-charts.h"
#include "evk-format.h"
#include "evk-goal-page.h"
#include "evk-measure-page.h"
#include "evk-overview-page.h"
#include "evk-report-outline.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

/* A chart a test adds to a measure: its kind and its words. */
typedef struct {
  const char   *key;
  EvkChartKind  kind;
  const char   *spec;
  gboolean      has_base;   /* whether "don't know" can be left out */
} Added;

/* The demo's survey: the diverging battery, the needs (multiple answers)
 * and a distribution. */
static const Added demo_charts[] = {
  { "t-diverging", EVK_CHART_DIVERGING, "items q34_1..q34_7", TRUE },
  { "t-needs", EVK_CHART_RANKED_SHARES, "multiple q35", FALSE },
  { "t-distribution", EVK_CHART_DISTRIBUTION, "frequency q72", TRUE },
};

/* The example's municipal survey. */
static const Added example_charts[] = {
  { "t-diverging", EVK_CHART_DIVERGING, "items brukt_1..brukt_3", TRUE },
  { "t-needs", EVK_CHART_RANKED_SHARES, "multiple behov_1..behov_6", FALSE },
  { "t-distribution", EVK_CHART_DISTRIBUTION, "frequency brukt_1", TRUE },
};

static EvkWindow *
open_example (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr(EvkProject) made = NULL;
  g_autoptr(GFile) file = NULL;
  EvkWindow *window;

  *dir = evk_test_tmpdir ();
  path = g_build_filename (*dir, "digital.evalkit", NULL);
  made = evk_test_make_example (path, FALSE, FALSE);
  g_clear_object (&made);
  file = g_file_new_for_path (path);
  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  return window;
}

/* The first measure of the strategy that an offer with a survey item
 * belongs to (its page holds survey charts). */
static guint
survey_measure (EvkWindow *window)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);

  for (guint m = 0; m < strategy->measures->len; m++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, m);
      g_autoptr(GPtrArray) offers = evk_workspace_offers_of (window->workspace, measure->number);

      if (offers->len > 0)
        return measure->number;
    }
  g_assert_not_reached ();
}

static EvkMeasurePage *
show_measure (EvkWindow *window,
              guint      number)
{
  g_autofree char *name = g_strdup_printf ("measure:%u", number);
  EvkMeasurePage *page;

  evk_window_show_page (window, name);
  evk_ui_iterate ();
  page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (window));
  g_assert_cmpuint (evk_measure_page_get_number (page), ==, number);
  return page;
}

static void
add_charts (EvkWindow   *window,
            guint        measure,
            const Added *charts,
            guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      evk_project_add_chart (evk_window_get_project (window), charts[i].key, charts[i].kind, charts[i].spec,
                             measure, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  evk_ui_iterate ();
}

static EvkChartCard *
find_card (EvkMeasurePage *page,
           const char     *key)
{
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (evk_chart_card_get_chart_key (g_ptr_array_index (cards, i)), key) == 0)
      return g_ptr_array_index (cards, i);
  g_error ("no card for chart %s", key);
}

/* Whether the card's menu has an item for action. */
static gboolean
menu_has_action (EvkChartCard *card,
                 const char   *action)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (card->menu_button));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_str_equal (name, action))
            {
              g_object_unref (section);
              return TRUE;
            }
        }
      g_clear_object (&section);
    }
  return FALSE;
}

static gboolean
has_dont_know (EvkTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    if (evk_table_row (table, i)->role == EVK_ENTRY_DONT_KNOW)
      return TRUE;
  for (guint i = 0; i < table->columns->len; i++)
    if (evk_table_column (table, i)->role == EVK_ENTRY_DONT_KNOW)
      return TRUE;
  return FALSE;
}

static void
check_base (EvkChartCard *card,
            const char   *group)
{
  g_assert_true (has_dont_know (evk_chart_card_get_table (card)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.dont-know", NULL));
  evk_ui_iterate ();
  g_assert_false (has_dont_know (evk_chart_card_get_table (card)));
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.dont-know", NULL));
  evk_ui_iterate ();
  g_assert_true (has_dont_know (evk_chart_card_get_table (card)));
}

/* The group drop-down and the base switch of a saved survey chart change
 * its table, and the line under its heading says so. */
static void
check_group_and_base (EvkWindow    *window,
                      EvkChartCard *card,
                      gboolean      has_base)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);
  EvkGroup *group = g_ptr_array_index (strategy->groups, 0);
  const char *name = evk_workspace_tr (window->workspace, group->name);
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  guint n_all;

  g_assert_true (gtk_widget_get_visible (card->group_dropdown));
  g_assert_cmpstr (evk_chart_card_get_view (card), ==, "chart");
  g_assert_nonnull (evk_chart_card_get_table (card));
  n_all = evk_chart_card_get_table (card)->n_base;
  subtitle = g_strdup (gtk_label_get_text (GTK_LABEL (card->subtitle_label)));
  g_assert_null (strstr (subtitle, name));

  /* The first group after "All respondents", picked in the drop-down. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->group_dropdown), 1);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
  g_assert_cmpstr (evk_chart_card_get_view (card), ==, "chart");
  g_assert_cmpuint (evk_chart_card_get_table (card)->n_base, <, n_all);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)), name));
  description = _evk_chart_card_describe (card);
  g_assert_nonnull (strstr (description, name));

  /* The base: "don't know" leaves the table, and comes back; a
   * multiple-response set has no such choice to offer. */
  g_assert_true (menu_has_action (card, "chart.dont-know") == has_base);
  if (has_base)
    check_base (card, group->key);

  /* Back to everyone. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->group_dropdown), 0);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, "all");
  g_assert_cmpuint (evk_chart_card_get_table (card)->n_base, ==, n_all);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)), ==, subtitle);
}

/* With EVK_TEST_PNG_DIR set, the window as the test left it, to look at. */
static void
save_png (EvkWindow  *window,
          const char *card,
          const char *what)
{
  const char *dir = g_getenv ("EVK_TEST_PNG_DIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  name = g_strdup_printf ("%s-%s-%s.png", evk_workspace_get_language (window->workspace),
                          card != NULL ? card : "offer", what);
  path = g_build_filename (dir, name, NULL);
  evk_ui_save_png (GTK_WIDGET (window), NULL, path, &error);
  g_assert_no_error (error);
}

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

/* The cell hits the last frame drew for table t (0: the card's group, 1:
 * the compared group's); each must show that table's count. */
static guint
count_cell_hits (EvkChartCard *card,
                 guint         t)
{
  EvkChartHits *hits = evk_chart_card_get_hits (card);
  EvkTable *table = t == 0 ? card->table : card->compare_table;
  guint n = 0;

  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->hits->len; i++)
    {
      const EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);

      if (hit->kind != EVK_CHART_HIT_CELL || hit->table != t)
        continue;
      g_assert_nonnull (table);
      g_assert_cmpint (hit->row, >=, 0);
      g_assert_cmpint (hit->row, <, (int) table->rows->len);
      g_assert_cmpint (hit->column, >=, 0);
      g_assert_cmpint (hit->column, <, (int) table->columns->len);
      g_assert_cmpuint (hit->n, ==, evk_table_cell (table, hit->row, hit->column)->n);
      n++;
    }
  return n;
}

static gboolean
grid_has_text (GtkWidget  *grid,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))
      return TRUE;
  return FALSE;
}

/* "Compare With Another Group" in the menu shows the first group beside
 * everyone, drawn from its own table; the drop-down picks another; turned
 * off, the chart is the card's group's alone again. */
static void
check_compare (EvkWindow    *window,
               EvkChartCard *card)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);
  EvkGroup *first = g_ptr_array_index (strategy->groups, 0);
  EvkGroup *second = g_ptr_array_index (strategy->groups, 1);

  g_assert_false (gtk_widget_get_visible (card->compare_box));
  g_assert_true (menu_has_action (card, "chart.comparing"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.comparing", NULL));
  evk_ui_iterate ();
  g_assert_true (gtk_widget_get_visible (card->compare_box));
  g_assert_cmpstr (evk_chart_card_get_compare (card), ==, first->key);
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, "all");
  g_assert_nonnull (card->compare_table);
  g_assert_cmpuint (card->compare_table->n_base, <, card->table->n_base);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)),
                            evk_workspace_tr (window->workspace, first->name)));
  evk_ui_show_on_screen (GTK_WIDGET (card));
  wait_for_frame (card);
  g_assert_cmpuint (count_cell_hits (card, 0), >, 0);
  g_assert_cmpuint (count_cell_hits (card, 1), >, 0);
  save_png (window, evk_chart_card_get_chart_key (card), "compare");

  /* A copy of the chart draws both groups where the kind draws groups
   * together, and its text says what each is of. */
  if (evk_chart_card_get_kind (card) != EVK_CHART_DIVERGING)
    {
      g_autoptr(GBytes) svg = NULL;
      g_autofree char *text = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.copy-image", NULL));
      evk_ui_iterate ();
      svg = evk_ui_read_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (card)), "image/svg+xml");
      g_assert_nonnull (svg);
      text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
      g_assert_nonnull (strstr (text, evk_workspace_tr (window->workspace, first->name)));
    }

  /* The table view has both groups' numbers, each under its name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.show-table", NULL));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_view (card), ==, "table");
  g_assert_true (grid_has_text (card->grid, evk_workspace_tr (window->workspace, first->name)));
  {
    const char *lang = evk_workspace_get_language (window->workspace);
    EvkCell *cell = evk_table_cell (card->compare_table, 0, 0);
    g_autofree char *share = evk_format_percent (lang, cell->share, 1);
    g_autofree char *count = evk_format_number (lang, cell->n, 0);
    g_autofree char *text = g_strdup_printf ("%s (%s)", share, count);

    g_assert_true (isnan (cell->share) || grid_has_text (card->grid, text));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.show-table", NULL));
  evk_ui_iterate ();

  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->compare_dropdown), 2);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_compare (card), ==, second->key);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)),
                            evk_workspace_tr (window->workspace, second->name)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.comparing", NULL));
  evk_ui_iterate ();
  g_assert_null (evk_chart_card_get_compare (card));
  g_assert_null (card->compare_table);
  g_assert_false (gtk_widget_get_visible (card->compare_box));
  wait_for_frame (card);
  g_assert_cmpuint (count_cell_hits (card, 1), ==, 0);
}

/* The colour drawn at the left end of each cell's bar, by column key, as
 * the card draws itself on screen. */
static GHashTable *
bar_colours (EvkChartCard *card)
{
  GtkWidget *area = evk_chart_card_get_chart_area (card);
  int width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(EvkChartHits) hits = evk_chart_card_draw (card, cr, width, height);
  GHashTable *colours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guchar *data;
  int stride;

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint i = 0; i < hits->hits->len; i++)
    {
      const EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);
      const char *key;
      int x = (int) hit->x + 2, y = (int) (hit->y + hit->height / 2);
      guint32 pixel;

      if (hit->kind != EVK_CHART_HIT_CELL || hit->table != 0 || hit->width < 8 || hit->height < 4)
        continue;
      key = evk_table_column (evk_chart_card_get_table (card), hit->column)->key;
      if (key == NULL || g_hash_table_contains (colours, key) || x >= width || y >= height)
        continue;
      pixel = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
      g_hash_table_insert (colours, g_strdup (key), GUINT_TO_POINTER (pixel | 0x1000000));
    }
  cairo_surface_destroy (surface);
  return colours;
}

/* A click on the first legend entry hides its series; the bars of the
 * others keep the colours they had; the chip brings it back. */
static void
check_legend_keeps_colours (EvkWindow    *window,
                            EvkChartCard *card)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *hidden = NULL;
  const EvkChartHit *legend = NULL;
  EvkChartHits *hits;
  GHashTableIter iter;
  gpointer key, colour;
  guint compared = 0;
  GtkWidget *chip;

  evk_ui_show_on_screen (GTK_WIDGET (card));
  wait_for_frame (card);
  before = bar_colours (card);
  hits = evk_chart_card_get_hits (card);
  for (guint i = 0; i < hits->hits->len && legend == NULL; i++)
    if (g_array_index (hits->hits, EvkChartHit, i).kind == EVK_CHART_HIT_LEGEND)
      legend = &g_array_index (hits->hits, EvkChartHit, i);
  g_assert_nonnull (legend);
  hidden = g_strdup (evk_table_column (evk_chart_card_get_table (card), legend->column)->key);
  g_assert_true (g_hash_table_contains (before, hidden));

  evk_chart_card_click_at (card, legend->x + legend->width / 2, legend->y + legend->height / 2);
  evk_ui_iterate ();
  g_assert_true (evk_chart_card_is_hidden (card, hidden));
  g_assert_cmpint (evk_table_find_column (evk_chart_card_get_table (card), hidden), <, 0);
  wait_for_frame (card);
  save_png (window, evk_chart_card_get_chart_key (card), "hidden");
  after = bar_colours (card);
  g_assert_false (g_hash_table_contains (after, hidden));
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &colour))
    {
      g_test_message ("%s: #%06x, was #%06x", (char *) key, GPOINTER_TO_UINT (colour) & 0xffffff,
                      GPOINTER_TO_UINT (g_hash_table_lookup (before, key)) & 0xffffff);
      g_assert_cmphex (GPOINTER_TO_UINT (colour), ==, GPOINTER_TO_UINT (g_hash_table_lookup (before, key)));
      compared++;
    }
  g_assert_cmpuint (compared, >, 0);

  chip = gtk_widget_get_first_child (card->hidden_box);
  g_assert_true (GTK_IS_BUTTON (chip));
  g_signal_emit_by_name (chip, "clicked");
  evk_ui_iterate ();
  g_assert_false (evk_chart_card_is_hidden (card, hidden));
  g_assert_cmpint (evk_table_find_column (evk_chart_card_get_table (card), hidden), >=, 0);
}

static void
check_selectors_on (EvkWindow   *window,
                    const Added *charts,
                    guint        n)
{
  guint number = survey_measure (window);
  EvkMeasurePage *page = show_measure (window, number);

  add_charts (window, number, charts, n);
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s: %s", charts[i].key, charts[i].spec);
      check_group_and_base (window, find_card (page, charts[i].key), charts[i].has_base);
      check_compare (window, find_card (page, charts[i].key));
      if (charts[i].kind == EVK_CHART_DIVERGING)
        check_legend_keeps_colours (window, find_card (page, charts[i].key));
    }
  /* The offer's own awareness chart, drawn with one row per group. */
  {
    g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);

    check_compare (window, g_ptr_array_index (cards, 0));
    check_legend_keeps_colours (window, g_ptr_array_index (cards, 0));
  }
}

/* The language buttons in the header bar: the first one not pressed. */
static void
switch_language (EvkWindow *window)
{
  g_autofree char *before = g_strdup (evk_workspace_get_language (window->workspace));
  GtkWidget *button;

  for (button = gtk_widget_get_first_child (GTK_WIDGET (window->language_box)); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
      break;
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  evk_ui_iterate ();
  g_assert_cmpstr (evk_workspace_get_language (window->workspace), !=, before);
}

/* A card's group, base, comparison and hidden series, and the page's
 * scroll position, stay as they were through a switch of language. */
static void
check_language_keeps_state (EvkWindow *window,
                            const char *key)
{
  EvkMeasurePage *page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (window));
  EvkChartCard *card = find_card (page, key);
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);
  EvkGroup *group = g_ptr_array_index (strategy->groups, 0);
  EvkGroup *other = g_ptr_array_index (strategy->groups, 1);
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  g_autofree char *hidden = NULL;
  double scroll;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->group_dropdown), 1);
  evk_chart_card_set_compare (card, other->key);
  evk_chart_card_set_dont_know (card, FALSE);
  hidden = g_strdup (evk_table_column (evk_chart_card_get_table (card), 0)->key);
  evk_ui_show_on_screen (GTK_WIDGET (card));
  wait_for_frame (card);
  for (guint i = 0; i < evk_chart_card_get_hits (card)->hits->len; i++)
    {
      const EvkChartHit *hit = &g_array_index (evk_chart_card_get_hits (card)->hits, EvkChartHit, i);

      if (hit->kind == EVK_CHART_HIT_LEGEND && hit->column == 0)
        {
          evk_chart_card_click_at (card, hit->x + hit->width / 2, hit->y + hit->height / 2);
          break;
        }
    }
  evk_ui_iterate ();
  g_assert_true (evk_chart_card_is_hidden (card, hidden));
  evk_ui_show_on_screen (GTK_WIDGET (card));
  evk_ui_run_for (200);
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* A card near the page's top shows at scroll 0, which proves nothing:
   * scroll a little, as a reader would. */
  if (gtk_adjustment_get_value (adjustment) == 0)
    {
      gtk_adjustment_set_value (adjustment, MIN (40, gtk_adjustment_get_upper (adjustment) -
                                                       gtk_adjustment_get_page_size (adjustment)));
      evk_ui_run_for (100);
    }
  scroll = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scroll, >, 0);

  switch_language (window);
  evk_ui_run_for (200);
  g_assert_true (_evk_window_get_page_widget (window) == GTK_WIDGET (page));
  g_assert_true (find_card (page, key) == card);
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (card->group_dropdown)), ==, 1);
  g_assert_cmpstr (evk_chart_card_get_compare (card), ==, other->key);
  g_assert_true (gtk_widget_get_visible (card->compare_box));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (card->compare_dropdown)), ==, 2);
  g_assert_true (evk_chart_card_is_hidden (card, hidden));
  g_assert_cmpint (evk_table_find_column (evk_chart_card_get_table (card), hidden), <, 0);
  {
    gboolean dont_know = TRUE;

    g_object_get (card, "dont-know", &dont_know, NULL);
    g_assert_false (dont_know);
  }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)),
                            evk_workspace_tr (window->workspace, group->name)));
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW) == scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scroll);
  save_png (window, key, "language");

  /* And back. */
  switch_language (window);
  evk_ui_run_for (200);
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
  g_assert_cmpstr (evk_chart_card_get_compare (card), ==, other->key);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scroll);
}

static guint
count_of (const char *text,
          const char *word)
{
  guint n = 0;

  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    n++;
  return n;
}

/* A compared chart's CSV export carries both groups: each table's rows
 * under header rows naming its group, whatever the chart draws (a
 * diverging chart draws each group as a panel of its own). */
static void
check_compared_csv (EvkWindow  *window,
                    const char *key)
{
  EvkMeasurePage *page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (window));
  EvkChartCard *card = find_card (page, key);
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "compared.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *one = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  const char *lang = evk_workspace_get_language (window->workspace);
  EvkTable *table = evk_chart_card_get_table (card);

  g_assert_nonnull (evk_chart_card_get_compare (card));
  g_assert_nonnull (card->compare_table);
  g_assert_true (_evk_chart_card_export_file (card, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", csv);
  one = evk_table_to_csv (table, lang);
  other = evk_table_to_csv (card->compare_table, lang);
  /* Both groups' tables, whole, one after the other. */
  g_assert_true (g_str_has_prefix (csv, one));
  g_assert_true (g_str_has_suffix (csv, other));
  g_assert_nonnull (strstr (csv, evk_table_group_name (table, lang)));
  g_assert_nonnull (strstr (csv, evk_table_group_name (card->compare_table, lang)));
  g_assert_cmpstr (evk_table_group_name (table, lang), !=, evk_table_group_name (card->compare_table, lang));
  /* And nothing else but the blank line between them. */
  g_assert_cmpuint (strlen (csv), ==, strlen (one) + 2 + strlen (other));
  g_assert_cmpuint (count_of (csv, "\r\n"), ==, count_of (one, "\r\n") + 1 + count_of (other, "\r\n"));
  evk_test_rm_rf (dir);
}

static gboolean
is_or_inside (GtkWidget *widget,
              GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }
  return NULL;
}

static void
press (GtkWidget *widget,
       guint      keyval)
{
  GtkEventController *keys = key_controller (widget);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
  evk_ui_iterate ();
}

/* Tab reaches every control of the card and then its chart, which shows
 * the focus ring; there the arrow keys move between the bars, each ringed
 * as it is reached, and screen readers are told its tooltip. */
static void
check_keyboard (EvkWindow    *window,
                EvkChartCard *before,
                EvkChartCard *card)
{
  GtkWidget *area = evk_chart_card_get_chart_area (card);
  gboolean group = FALSE, menu = FALSE, compare = FALSE, chart = FALSE;
  const EvkChartHit *third = NULL;
  EvkChartSpec spec;
  g_autofree char *share = NULL;
  EvkCell *cell;
  int n = 0;

  evk_chart_card_set_compare (card, NULL);
  gtk_widget_activate_action (GTK_WIDGET (card), "chart.comparing", NULL);
  evk_ui_show_on_screen (GTK_WIDGET (card));
  wait_for_frame (card);
  /* From the card before it (the sidebar's rows open their page as the
   * focus reaches them). */
  gtk_widget_grab_focus (before->menu_button);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  for (int i = 0; i < 400 && !chart; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      group |= is_or_inside (focus, card->group_dropdown);
      compare |= is_or_inside (focus, card->compare_dropdown);
      menu |= is_or_inside (focus, card->menu_button);
      chart |= focus == area;
    }
  g_assert_true (group);
  g_assert_true (compare);
  g_assert_true (menu);
  g_assert_true (chart);
  evk_ui_iterate ();
  g_assert_true (gtk_widget_get_state_flags (area) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  wait_for_frame (card);
  /* Tabbing in puts the keyboard on the first bar. */
  g_assert_cmpint (evk_chart_card_get_focus_point (card), ==, 0);

  press (area, GDK_KEY_Right);
  press (area, GDK_KEY_Right);
  wait_for_frame (card);
  g_assert_cmpint (evk_chart_card_get_focus_point (card), ==, 2);
  for (guint i = 0; i < evk_chart_card_get_hits (card)->hits->len && third == NULL; i++)
    {
      const EvkChartHit *hit = &g_array_index (evk_chart_card_get_hits (card)->hits, EvkChartHit, i);

      if (hit->kind == EVK_CHART_HIT_CELL && n++ == 2)
        third = hit;
    }
  g_assert_nonnull (third);
  g_assert_true (evk_chart_card_get_focus_hit (card) == third);
  g_assert_cmpstr (evk_chart_card_get_point_description (card), ==, third->text);
  /* The third bar's own number, as the chart prints it. */
  cell = evk_table_cell (third->table == 0 ? card->table : card->compare_table, third->row, third->column);
  _evk_chart_card_init_spec (card, &spec);
  share = evk_chart_format_share (&spec, cell->share);
  g_test_message ("third bar: %s (share %s)", third->text, share);
  g_assert_nonnull (strstr (third->text, share));
  save_png (window, evk_chart_card_get_chart_key (card), "keyboard");

  /* Left goes back; the first bar stops it. */
  press (area, GDK_KEY_Left);
  g_assert_cmpint (evk_chart_card_get_focus_point (card), ==, 1);
  press (area, GDK_KEY_Home);
  press (area, GDK_KEY_Left);
  g_assert_cmpint (evk_chart_card_get_focus_point (card), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (card), "chart.comparing", NULL);
  evk_ui_iterate ();
}

static GtkEventController *
controller_of_type (GtkWidget *widget,
                    GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* Drags card by its header onto target: what its drag source gives is
 * what target's drop target takes. */
static void
drag_onto (EvkChartCard *card,
           EvkChartCard *target)
{
  GtkEventController *source = controller_of_type (gtk_widget_get_parent (card->title_label), GTK_TYPE_DRAG_SOURCE);
  GtkEventController *drop = controller_of_type (GTK_WIDGET (target), GTK_TYPE_DROP_TARGET);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_assert_nonnull (source);
  g_assert_nonnull (drop);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, EVK_TYPE_CHART_CARD);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_true (g_value_get_object (&value) == card);
  g_signal_emit_by_name (drop, "drop", &value, 20.0, 20.0, &done);
  g_assert_true (done);
  evk_ui_iterate ();
}

static void
assert_order (EvkMeasurePage *page,
              EvkChartCard   *card,
              int             index)
{
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  g_autoptr(GPtrArray) charts = evk_project_list_charts (evk_window_get_project (
    EVK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)))), NULL);
  int mine = -1;

  g_assert_true (g_ptr_array_index (cards, index) == card);
  /* Shown there, not only listed. */
  g_assert_cmpint (gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (GTK_WIDGET (card)))),
                   ==, index);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
  /* And saved there, among the measure's charts. */
  for (guint i = 0; i < charts->len; i++)
    if (((EvkSavedChart *) g_ptr_array_index (charts, i))->measure == evk_measure_page_get_number (page))
      {
        mine++;
        if (g_str_equal (((EvkSavedChart *) g_ptr_array_index (charts, i))->key, evk_chart_card_get_chart_key (card)))
          break;
      }
  g_assert_cmpint (mine, ==, index);
}

/* A card dragged onto the first takes its place; dragged back onto the
 * last, it goes last again; every card's menu still works. */
static void
check_drag (EvkWindow  *window,
            const char *key)
{
  EvkMeasurePage *page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (window));
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
  EvkChartCard *card = find_card (page, key);
  EvkChartCard *first = g_ptr_array_index (cards, 0);
  EvkChartCard *last = g_ptr_array_index (cards, cards->len - 1);
  int n = cards->len;

  g_assert_true (card == last);
  drag_onto (card, first);
  assert_order (page, card, 0);
  assert_order (page, first, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "chart.move-up", NULL));
  evk_ui_iterate ();
  assert_order (page, first, 0);
  drag_onto (card, first);
  assert_order (page, card, 0);

  {
    g_autoptr(GPtrArray) now = evk_measure_page_get_cards (page);

    drag_onto (card, g_ptr_array_index (now, n - 1));
  }
  assert_order (page, card, n - 1);
  assert_order (page, first, 0);
  save_png (window, key, "dragged");
}

/* The same on a goal page: its ranked awareness card keeps its group. */
static void
check_goal_keeps_group (EvkWindow *window)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);
  EvkGroup *group = g_ptr_array_index (strategy->groups, 0);
  g_autoptr(GPtrArray) cards = NULL;
  EvkChartCard *card = NULL;

  for (guint g = 0; g < strategy->goals->len && card == NULL; g++)
    {
      g_autofree char *name = g_strdup_printf ("goal:%s", ((EvkGoal *) g_ptr_array_index (strategy->goals, g))->key);

      evk_window_show_page (window, name);
      evk_ui_iterate ();
      g_clear_pointer (&cards, g_ptr_array_unref);
      cards = evk_goal_page_get_cards (EVK_GOAL_PAGE (_evk_window_get_page_widget (window)));
      for (guint i = 0; i < cards->len && card == NULL; i++)
        if (gtk_widget_get_visible (EVK_CHART_CARD (g_ptr_array_index (cards, i))->group_dropdown))
          card = g_ptr_array_index (cards, i);
    }
  g_assert_nonnull (card);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->group_dropdown), 1);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
  switch_language (window);
  {
    g_autoptr(GPtrArray) after = evk_goal_page_get_cards (EVK_GOAL_PAGE (_evk_window_get_page_widget (window)));

    g_assert_true (g_ptr_array_find (after, card, NULL));
  }
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)),
                            evk_workspace_tr (window->workspace, group->name)));
}

/* The overview's awareness card: a group chosen in its drop-down, a
 * comparison and a hidden series stay, and so do the card itself, the
 * status card and the page's scroll position, through a switch of
 * language and back. */
static void
check_overview_keeps_state (EvkWindow *window)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (window->workspace);
  EvkGroup *group = g_ptr_array_index (strategy->groups, 0);
  EvkGroup *other = g_ptr_array_index (strategy->groups, 1);
  EvkOverviewPage *page;
  EvkChartCard *card;
  EvkChartCard *status;
  GtkAdjustment *adjustment;
  GtkWidget *scrolled;
  g_autofree char *hidden = NULL;
  double scroll;

  evk_window_show_page (window, "overview");
  evk_ui_run_for (200);
  page = EVK_OVERVIEW_PAGE (_evk_window_get_page_widget (window));
  card = evk_overview_page_get_awareness_card (page);
  status = evk_overview_page_get_status_card (page);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_visible (card->group_dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (card->group_dropdown), 1);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
  evk_chart_card_set_compare (card, other->key);
  hidden = g_strdup (evk_table_column (evk_chart_card_get_table (card), 0)->key);
  /* Hidden by a click on its legend entry. */
  evk_ui_show_on_screen (GTK_WIDGET (card));
  wait_for_frame (card);
  for (guint i = 0; i < evk_chart_card_get_hits (card)->hits->len; i++)
    {
      const EvkChartHit *hit = &g_array_index (evk_chart_card_get_hits (card)->hits, EvkChartHit, i);

      if (hit->kind == EVK_CHART_HIT_LEGEND && hit->column == 0)
        {
          evk_chart_card_click_at (card, hit->x + hit->width / 2, hit->y + hit->height / 2);
          break;
        }
    }
  evk_ui_iterate ();
  g_assert_true (evk_chart_card_is_hidden (card, hidden));

  /* Scrolled down to the card by evk_ui_show_on_screen above (the
   * status card over it is taller than a screen of 768). */
  evk_ui_run_for (200);
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  scroll = gtk_adjustment_get_value (adjustment);
  g_test_message ("overview scrolled to %g of %g", scroll, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (scroll, >, 300);
  save_png (window, "overview", "before");

  for (guint round = 0; round < 2; round++)
    {
      switch_language (window);
      evk_ui_run_for (200);
      g_assert_true (_evk_window_get_page_widget (window) == GTK_WIDGET (page));
      g_assert_true (evk_overview_page_get_awareness_card (page) == card);
      g_assert_true (evk_overview_page_get_status_card (page) == status);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
      g_assert_cmpstr (evk_chart_card_get_group (card), ==, group->key);
      g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (card->group_dropdown)), ==, 1);
      g_assert_cmpstr (evk_chart_card_get_compare (card), ==, other->key);
      g_assert_true (evk_chart_card_is_hidden (card, hidden));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (card->subtitle_label)),
                                evk_workspace_tr (window->workspace, group->name)));
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scroll);
      save_png (window, "overview", "language");
    }

  /* A measure's status changed (through the window's action, as its page
   * does): the status card counts it, the awareness card keeps its group. */
  {
    EvkMeasure *measure = g_ptr_array_index (strategy->measures, 0);
    guint number = measure->number;
    GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
    g_autofree char *now = NULL;
    const char *lang = evk_workspace_get_language (window->workspace);
    g_autofree char *before = evk_table_to_csv (evk_chart_card_get_table (status), lang);
    g_autofree char *after = NULL;
    /* The strategy is read anew after the change: its words are copied. */
    g_autofree char *group_key = g_strdup (group->key);
    g_autofree char *other_key = g_strdup (other->key);

    for (guint i = 0; i < statuses->len && now == NULL; i++)
      if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, i))->key, measure->status) != 0)
        now = g_strdup (((EvkTerm *) g_ptr_array_index (statuses, i))->key);
    g_assert_nonnull (now);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.set-status", "(us)", number, now));
    evk_ui_run_for (200);
    strategy = evk_workspace_get_strategy (window->workspace);
    g_assert_cmpstr (evk_strategy_find_measure (strategy, number)->status, ==, now);
    g_assert_true (evk_overview_page_get_status_card (page) == status);
    after = evk_table_to_csv (evk_chart_card_get_table (status), lang);
    g_assert_cmpstr (after, !=, before);
    g_assert_true (evk_overview_page_get_awareness_card (page) == card);
    g_assert_cmpstr (evk_chart_card_get_group (card), ==, group_key);
    g_assert_cmpstr (evk_chart_card_get_compare (card), ==, other_key);
    g_assert_true (evk_chart_card_is_hidden (card, hidden));
  }
}

static void
test_selectors_demo (void)
{
  g_autofree char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);

  check_selectors_on (window, demo_charts, G_N_ELEMENTS (demo_charts));
  check_drag (window, "t-distribution");
  check_language_keeps_state (window, "t-diverging");
  check_compared_csv (window, "t-diverging");
  check_keyboard (window, find_card (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)), "t-needs"),
                  find_card (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)), "t-distribution"));
  check_goal_keeps_group (window);
  check_overview_keeps_state (window);
  evk_ui_close_demo (window, g_steal_pointer (&dir));
}

static void
test_selectors_example (void)
{
  g_autofree char *dir = NULL;
  EvkWindow *window = open_example (&dir);

  check_selectors_on (window, example_charts, G_N_ELEMENTS (example_charts));
  check_drag (window, "t-distribution");
  check_language_keeps_state (window, "t-diverging");
  check_compared_csv (window, "t-diverging");
  check_keyboard (window, find_card (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)), "t-needs"),
                  find_card (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)), "t-distribution"));
  check_goal_keeps_group (window);
  check_overview_keeps_state (window);
  evk_ui_close_demo (window, g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/evk/chart-interact/selectors/demo", test_selectors_demo);
  g_test_add_func ("/evk/chart-interact/selectors/example", test_selectors_example);
  return g_test_run ();
}
