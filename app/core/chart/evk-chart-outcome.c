/* evk-chart-outcome.c: outcomes of an offer on a scale, stacked 100 % bars
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's figures 4-2, 4-4, 6-2, 6-4, 6-6 and 7-2: two items (more
 * members, more activities), each on its own base ("N: 206/197"), a
 * five-point scale from light to dark and don't know grey, apart, last.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

void
evk_chart_draw_outcome (EvkChartCtx *ctx)
{
  EvkTable *first = ctx->tables[0];
  g_autoptr(EvkChartStack) stack = evk_chart_stack_new (100);
  g_autofree EvkRgba *colours = g_new0 (EvkRgba, first->columns->len);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *shared = NULL;
  gboolean any_small = FALSE;
  guint k = 0;
  EvkChartFrame frame;

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  evk_chart_column_colours (ctx, first, FALSE, FALSE, colours);

  for (guint t = 0; t < ctx->n_tables; t++)
    for (guint r = 0; r < ctx->tables[t]->rows->len; r++)
      g_ptr_array_add (labels, g_strdup (evk_chart_label (ctx, evk_table_row (ctx->tables[t], r))));
  /* "Helped more members join: Bufdir's guide" and "…activities: Bufdir's
   * guide": the offer goes above, the rows say what differs. */
  shared = evk_chart_shorten_labels (labels);
  frame.subtitle = g_steal_pointer (&shared);

  for (guint t = 0; t < ctx->n_tables; t++)
    {
      EvkTable *table = ctx->tables[t];
      g_autofree char *group = ctx->n_tables > 1 ? evk_chart_group_name (ctx, t) : NULL;

      if (table->columns->len != first->columns->len)
        {
          k += table->rows->len;
          continue;
        }
      for (guint r = 0; r < table->rows->len; r++, k++)
        {
          g_autofree char *label = group != NULL ? g_strdup_printf ("%s: %s", group,
                                                                    (char *) g_ptr_array_index (labels, k))
                                                 : g_strdup (g_ptr_array_index (labels, k));
          EvkChartStackRow *row = evk_chart_stack_add_row (stack, label, t, r);
          guint n = evk_chart_row_n (table, r);

          g_array_append_val (ns, n);
          for (guint c = 0; c < table->columns->len; c++)
            {
              EvkCell *cell = evk_table_cell (table, r, c);
              EvkTableEntry *column = evk_table_column (table, c);
              EvkChartSegment *seg = evk_chart_stack_add_segment (row);

              seg->value = isnan (cell->share) ? 0 : cell->share;
              seg->fill = colours[c];
              seg->apart = column->role != EVK_ENTRY_VALUE;
              seg->small = evk_chart_is_small (table, cell);
              any_small = any_small || seg->small;
              seg->text = ctx->spec->show_values ? evk_chart_cell_text (ctx, table, cell, FALSE) : NULL;
              seg->tooltip = evk_chart_tooltip (ctx, label, evk_chart_label (ctx, column), cell, n);
              seg->table = t;
              seg->row = r;
              seg->column = c;
              seg->n = cell->n;
              seg->share = cell->share;
            }
        }
    }

  for (guint c = 0; c < first->columns->len; c++)
    evk_chart_frame_legend (&frame, evk_chart_label (ctx, evk_table_column (first, c)), &colours[c], c, 0);
  evk_chart_frame_n (ctx, &frame, (guint *) ns->data, ns->len, first);
  if (any_small)
    evk_chart_frame_small_note (ctx, &frame, first);

  evk_chart_finish (ctx, &frame, &evk_chart_stack_body, stack);
  evk_chart_frame_clear (&frame);
}
