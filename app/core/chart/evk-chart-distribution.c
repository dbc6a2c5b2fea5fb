/* evk-chart-distribution.c: one variable's categories for one or more groups
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's figures 8-1 (all, n=4502, against those who used an offer,
 * n=838) and 8-2 (N=4446). The categories keep their order, don't know
 * comes last and grey; columns when there is room for their labels, bars
 * across when there is not.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

typedef struct {
  EvkTable *table;
  guint     t;        /* index of the table */
  guint     column;
  guint     n;
} Series;

void
evk_chart_draw_distribution (EvkChartCtx *ctx)
{
  EvkTable *first = ctx->tables[0];
  g_autoptr(EvkChartBars) bars = evk_chart_bars_new ();
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (Series));
  g_autoptr(GArray) ns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *order = g_new (guint, MAX (first->rows->len, 1));
  gboolean any_small = FALSE, vertical;
  guint k = 0;
  double widest = 0;
  EvkChartFrame frame;

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  frame.subtitle = g_strdup (evk_localized_get_fallback (first->title, ctx->lang, "und"));

  for (guint t = 0; t < ctx->n_tables; t++)
    for (guint c = 0; c < ctx->tables[t]->columns->len; c++)
      {
        EvkTable *table = ctx->tables[t];
        EvkTableEntry *column = evk_table_column (table, c);
        Series s = { table, t, c, column->n_base > 0 ? column->n_base : table->n_base };

        g_array_append_val (series, s);
        g_array_append_val (ns, s.n);
      }

  /* Answers in their order, then don't know and the like. */
  for (guint r = 0; r < first->rows->len; r++)
    if (evk_table_row (first, r)->role == EVK_ENTRY_VALUE)
      order[k++] = r;
  for (guint r = 0; r < first->rows->len; r++)
    if (evk_table_row (first, r)->role != EVK_ENTRY_VALUE)
      order[k++] = r;

  for (guint i = 0; i < first->rows->len; i++)
    {
      EvkTableEntry *entry = evk_table_row (first, order[i]);
      const char *label = evk_chart_label (ctx, entry);
      EvkChartBarRow *row = evk_chart_bars_add_row (bars, label, 0, order[i]);

      row->apart = entry->role != EVK_ENTRY_VALUE;
      for (guint s = 0; s < series->len; s++)
        {
          Series *se = &g_array_index (series, Series, s);
          int r = se->t == 0 ? (int) order[i] : evk_table_find_row (se->table, entry->key);
          EvkChartBar *bar = evk_chart_bars_add_bar (row);
          EvkCell *cell;

          if (r < 0)
            continue;
          cell = evk_table_cell (se->table, r, se->column);
          bar->value = cell->share;
          if (row->apart)
            bar->fill = s % 2 == 0 ? ctx->style->dont_know : ctx->style->dont_know_alt;
          else if (series->len == 1)
            evk_chart_style_sequential (ctx->style, 1, 0, &bar->fill);
          else
            evk_chart_style_categorical (ctx->style, s, &bar->fill);
          bar->small = evk_chart_is_small (se->table, cell);
          any_small = any_small || bar->small;
          bar->text = ctx->spec->show_values ? evk_chart_cell_text (ctx, se->table, cell, FALSE) : NULL;
          if (bar->text != NULL)
            widest = MAX (widest, evk_chart_text_width (ctx, EVK_CHART_FONT_BODY, bar->text));
          bar->tooltip = evk_chart_tooltip (ctx, label,
                                            series->len > 1 ? evk_chart_label (ctx, evk_table_column (se->table, se->column))
                                                            : NULL,
                                            cell, se->n);
          bar->table = se->t;
          bar->row = r;
          bar->column = se->column;
          bar->n = cell->n;
          bar->share = cell->share;
        }
    }

  if (series->len > 1)
    for (guint s = 0; s < series->len; s++)
      {
        Series *se = &g_array_index (series, Series, s);
        EvkTableEntry *column = evk_table_column (se->table, se->column);
        g_autofree char *name = ctx->n_tables > 1 ? evk_chart_group_name (ctx, se->t)
                                                  : g_strdup (evk_chart_label (ctx, column));
        g_autofree char *n = evk_chart_n_text (ctx, &se->n, 1);
        g_autofree char *label = g_strdup_printf ("%s (%s)", name, n);
        EvkRgba fill;

        evk_chart_style_categorical (ctx->style, s, &fill);
        evk_chart_frame_legend (&frame, label, &fill, se->column, se->t);
      }
  /* Don't know and the like are grey, a different grey for each group: the
   * legend says which grey is which group's, in the chart's own words. */
  if (series->len > 1)
    for (guint i = 0; i < first->rows->len; i++)
      {
        EvkTableEntry *entry = evk_table_row (first, order[i]);

        if (entry->role == EVK_ENTRY_VALUE)
          continue;
        for (guint s = 0; s < series->len; s++)
          {
            Series *se = &g_array_index (series, Series, s);
            g_autofree char *name = ctx->n_tables > 1
                                    ? evk_chart_group_name (ctx, se->t)
                                    : g_strdup (evk_chart_label (ctx, evk_table_column (se->table, se->column)));
            g_autofree char *label = g_strdup_printf ("%s: %s", evk_chart_label (ctx, entry), name);

            evk_chart_frame_legend (&frame, label, s % 2 == 0 ? &ctx->style->dont_know : &ctx->style->dont_know_alt,
                                    se->column, se->t);
          }
      }

  /* Upright columns read left to right like the scale, but only when each
   * column has room for its value and the categories for two lines. */
  {
    double slot = (ctx->width * 0.9) / MAX (first->rows->len, 1);
    double longest = 0;

    for (guint r = 0; r < first->rows->len; r++)
      longest = MAX (longest, evk_chart_text_width (ctx, EVK_CHART_FONT_BODY,
                                                    evk_chart_label (ctx, evk_table_row (first, r))));
    if (ctx->spec->orientation == EVK_CHART_ORIENTATION_AUTO)
      vertical = slot >= series->len * (widest + 0.3 * ctx->em) + ctx->em && longest <= 3 * slot &&
                 first->rows->len <= 12;
    else
      vertical = ctx->spec->orientation == EVK_CHART_ORIENTATION_VERTICAL;
  }
  bars->vertical = vertical;

  evk_chart_frame_n (ctx, &frame, (guint *) ns->data, ns->len, first);
  if (any_small)
    evk_chart_frame_small_note (ctx, &frame, first);

  evk_chart_finish (ctx, &frame, &evk_chart_bars_body, bars);
  evk_chart_frame_clear (&frame);
}
