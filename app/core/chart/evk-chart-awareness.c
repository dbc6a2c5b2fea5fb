/* evk-chart-awareness.c: awareness and use of one offer, a 100 % bar
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's figures 4-1, 4-3, 5-1, 6-1, 6-3, 6-5 and 7-1: not known /
 * known, not used / known and used, on everyone in the group, "N: 5103".
 * Further rows or tables (the original and the new managing
 * municipalities) become further bars with their own N.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

void
evk_chart_draw_awareness (EvkChartCtx *ctx)
{
  EvkTable *first = ctx->tables[0];
  g_autoptr(EvkChartStack) stack = evk_chart_stack_new (100);
  g_autofree EvkRgba *colours = g_new0 (EvkRgba, first->columns->len);
  guint n_bars = 0;
  gboolean any_small = FALSE;
  EvkChartFrame frame;

  for (guint t = 0; t < ctx->n_tables; t++)
    n_bars += ctx->tables[t]->rows->len;

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  evk_chart_column_colours (ctx, first, FALSE, FALSE, colours);

  for (guint t = 0; t < ctx->n_tables; t++)
    {
      EvkTable *table = ctx->tables[t];

      if (table->columns->len != first->columns->len)
        continue;
      for (guint r = 0; r < table->rows->len; r++)
        {
          const char *row_label = evk_chart_label (ctx, evk_table_row (table, r));
          g_autofree char *label = NULL;
          EvkChartStackRow *row;
          guint n = evk_chart_row_n (table, r);

          /* One bar needs no label: the offer's name heads the chart. For
           * several, the group names tell them apart. */
          if (n_bars > 1)
            label = ctx->n_tables > 1 && table->rows->len == 1 ? evk_chart_group_name (ctx, t)
                                                              : g_strdup (row_label);
          row = evk_chart_stack_add_row (stack, label, t, r);
          if (n_bars > 1)
            row->trailing = evk_chart_n_text (ctx, &n, 1);

          for (guint c = 0; c < table->columns->len; c++)
            {
              EvkCell *cell = evk_table_cell (table, r, c);
              EvkChartSegment *seg = evk_chart_stack_add_segment (row);
              EvkTableEntry *column = evk_table_column (table, c);

              seg->value = isnan (cell->share) ? 0 : cell->share;
              seg->fill = colours[c];
              seg->apart = column->role != EVK_ENTRY_VALUE;
              seg->small = evk_chart_is_small (table, cell);
              any_small = any_small || seg->small;
              seg->text = ctx->spec->show_values ? evk_chart_cell_text (ctx, table, cell, FALSE) : NULL;
              seg->tooltip = evk_chart_tooltip (ctx, label != NULL ? label : row_label,
                                                evk_chart_label (ctx, column), cell, n);
              seg->table = t;
              seg->row = r;
              seg->column = c;
              seg->n = cell->n;
              seg->share = cell->share;
            }
        }
    }

  if (n_bars == 1)
    frame.subtitle = g_strdup (evk_chart_label (ctx, evk_table_row (first, 0)));
  for (guint c = 0; c < first->columns->len; c++)
    evk_chart_frame_legend (&frame, evk_chart_label (ctx, evk_table_column (first, c)), &colours[c], c, 0);

  if (n_bars == 1)
    {
      guint n = evk_chart_row_n (first, 0);
      evk_chart_frame_n (ctx, &frame, &n, 1, first);
    }
  else
    evk_chart_frame_n (ctx, &frame, NULL, 0, first);
  if (any_small)
    evk_chart_frame_small_note (ctx, &frame, first);

  evk_chart_finish (ctx, &frame, &evk_chart_stack_body, stack);
  evk_chart_frame_clear (&frame);
}
