/* evk-chart-ranked-shares.c: a multiple-choice question, ranked bars
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's figure 8-3 (N=4650): the share of respondents who chose each
 * item, most chosen first. The shares add up to more than 100 %, which the
 * note under the chart says. Further tables are further groups.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-chart-private.h"

void
evk_chart_draw_ranked_shares (EvkChartCtx *ctx)
{
  EvkTable *first = ctx->tables[0];
  g_autofree guint *order = evk_chart_row_order (ctx, first, TRUE);
  g_autoptr(EvkChartBars) bars = evk_chart_bars_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ns = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean any_small = FALSE;
  EvkChartFrame frame;

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);

  for (guint k = 0; k < first->rows->len; k++)
    g_ptr_array_add (labels, g_strdup (evk_chart_label (ctx, evk_table_row (first, order[k]))));
  frame.subtitle = evk_chart_shorten_labels (labels);
  if (frame.subtitle == NULL)
    frame.subtitle = g_strdup (evk_localized_get (first->title, ctx->lang));

  for (guint t = 0; t < ctx->n_tables; t++)
    g_array_append_val (ns, ctx->tables[t]->n_base);

  for (guint k = 0; k < first->rows->len; k++)
    {
      EvkTableEntry *entry = evk_table_row (first, order[k]);
      const char *label = g_ptr_array_index (labels, k);
      EvkChartBarRow *row = evk_chart_bars_add_row (bars, label, 0, order[k]);

      row->apart = entry->role != EVK_ENTRY_VALUE;
      for (guint t = 0; t < ctx->n_tables; t++)
        {
          EvkTable *table = ctx->tables[t];
          int r = t == 0 ? (int) order[k] : evk_table_find_row (table, entry->key);
          EvkChartBar *bar = evk_chart_bars_add_bar (row);
          EvkCell *cell;

          if (r < 0 || table->columns->len == 0)
            continue;
          cell = evk_table_cell (table, r, 0);
          bar->value = cell->share;
          if (row->apart)
            bar->fill = ctx->style->dont_know;
          else if (ctx->n_tables == 1)
            evk_chart_style_sequential (ctx->style, 1, 0, &bar->fill);
          else
            evk_chart_style_categorical (ctx->style, t, &bar->fill);
          bar->small = evk_chart_is_small (table, cell);
          any_small = any_small || bar->small;
          bar->text = ctx->spec->show_values ? evk_chart_cell_text (ctx, table, cell, FALSE) : NULL;
          bar->tooltip = evk_chart_tooltip (ctx, label, NULL, cell, table->n_base);
          bar->table = t;
          bar->row = r;
          bar->column = 0;
          bar->n = cell->n;
          bar->share = cell->share;
        }
    }

  if (ctx->n_tables > 1)
    for (guint t = 0; t < ctx->n_tables; t++)
      {
        g_autofree char *name = evk_chart_group_name (ctx, t);
        g_autofree char *n = evk_chart_n_text (ctx, &ctx->tables[t]->n_base, 1);
        g_autofree char *label = g_strdup_printf ("%s (%s)", name, n);
        EvkRgba fill;

        evk_chart_style_categorical (ctx->style, t, &fill);
        evk_chart_frame_legend (&frame, label, &fill, 0, t);
      }

  evk_chart_frame_n (ctx, &frame, (guint *) ns->data, ns->len, first);
  if (g_strcmp0 (first->kind, "multiple-response") == 0)
    g_ptr_array_add (frame.footer, g_strdup (evk_chart_word (ctx, "MultipleAnswers",
                                                             "Several answers allowed: the shares add up to more than 100 %")));
  if (any_small)
    evk_chart_frame_small_note (ctx, &frame, first);

  evk_chart_finish (ctx, &frame, &evk_chart_bars_body, bars);
  evk_chart_frame_clear (&frame);
}
