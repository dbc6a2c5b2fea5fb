/* evk-chart-awareness-ranked.c: every offer ranked, heard of against used
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's figure 3-1, and with a second table figure 3-2: a panel per
 * group on one scale, sharing the offers' names, ranked by the first
 * group's awareness. Used is a part of heard of, so the two are one hue,
 * light and dark.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

static void
panel_free (gpointer data)
{
  evk_chart_bars_free (data);
}

void
evk_chart_draw_awareness_ranked (EvkChartCtx *ctx)
{
  EvkTable *first = ctx->tables[0];
  g_autofree guint *order = evk_chart_row_order (ctx, first, TRUE);
  g_autofree EvkRgba *colours = g_new0 (EvkRgba, first->columns->len);
  g_autoptr(GPtrArray) panel_list = g_ptr_array_new_with_free_func (panel_free);
  g_autoptr(GArray) ns = g_array_new (FALSE, FALSE, sizeof (guint));
  EvkChartPanels panels = { panel_list };
  guint n_panels = MIN (ctx->n_tables, 4);
  gboolean any_small = FALSE;
  EvkChartFrame frame;

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  for (guint c = 0; c < first->columns->len; c++)
    evk_chart_style_sequential (ctx->style, first->columns->len, c, &colours[c]);
  evk_chart_own_colours (first, colours);

  for (guint t = 0; t < n_panels; t++)
    {
      EvkTable *table = ctx->tables[t];
      EvkChartBars *bars = evk_chart_bars_new ();

      g_ptr_array_add (panel_list, bars);
      g_array_append_val (ns, table->n_base);
      if (n_panels > 1)
        {
          g_autofree char *name = evk_chart_group_name (ctx, t);
          g_autofree char *n = evk_chart_n_text (ctx, &table->n_base, 1);
          bars->heading = g_strdup_printf ("%s\n%s", name, n);
        }
      bars->no_labels = t > 0;

      for (guint k = 0; k < first->rows->len; k++)
        {
          EvkTableEntry *entry = evk_table_row (first, order[k]);
          int r = t == 0 ? (int) order[k] : evk_table_find_row (table, entry->key);
          const char *label = evk_chart_label (ctx, entry);
          EvkChartBarRow *row = evk_chart_bars_add_row (bars, t == 0 ? label : NULL, t, r);

          for (guint c = 0; c < first->columns->len; c++)
            {
              EvkChartBar *bar = evk_chart_bars_add_bar (row);
              EvkCell *cell;

              if (r < 0 || c >= table->columns->len)
                continue;
              cell = evk_table_cell (table, r, c);
              bar->value = isnan (cell->share) ? NAN : cell->share;
              bar->fill = colours[c];
              bar->small = evk_chart_is_small (table, cell);
              any_small = any_small || bar->small;
              bar->text = ctx->spec->show_values ? evk_chart_cell_text (ctx, table, cell, FALSE) : NULL;
              bar->tooltip = evk_chart_tooltip (ctx, label, evk_chart_label (ctx, evk_table_column (table, c)),
                                                cell, evk_chart_row_n (table, r));
              bar->table = t;
              bar->row = r;
              bar->column = c;
              bar->n = cell->n;
              bar->share = cell->share;
            }
        }
    }

  for (guint c = 0; c < first->columns->len; c++)
    evk_chart_frame_legend (&frame, evk_chart_label (ctx, evk_table_column (first, c)), &colours[c], c, 0);
  evk_chart_frame_n (ctx, &frame, (guint *) ns->data, ns->len, first);
  if (any_small)
    evk_chart_frame_small_note (ctx, &frame, first);

  evk_chart_finish (ctx, &frame, &evk_chart_panels_body, &panels);
  evk_chart_frame_clear (&frame);
}
