/* evk-chart-status.c: how many measures of each goal are completed
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary of the seed's chapters 8.1.1–8.1.4: per goal, completed /
 * partly / not completed, as counts on one scale so goals of different
 * size compare, the total after each bar.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

static double
row_total (EvkTable *table,
           guint     r,
           gboolean  completed_only)
{
  double total = 0;

  for (guint c = 0; c < table->columns->len; c++)
    {
      EvkCell *cell = evk_table_cell (table, r, c);

      if (!completed_only || evk_table_column (table, c)->completed)
        total += table->weighted ? cell->count : cell->n;
    }
  return total;
}

/* After each bar, its total; when the evaluator said which statuses count
 * as carried out, how many of the total those are ("3 of 5 completed"). */
static char *
trailing_text (EvkChartCtx *ctx,
               EvkTable    *table,
               guint        r,
               gboolean     any_completed)
{
  g_autofree char *total = evk_chart_count_text (ctx, row_total (table, r, FALSE));
  g_autofree char *done = NULL;
  g_autoptr(GString) text = NULL;

  if (!any_completed)
    return g_steal_pointer (&total);
  done = evk_chart_count_text (ctx, row_total (table, r, TRUE));
  text = g_string_new (evk_chart_word (ctx, "CompletedOf", "{done} of {n} completed"));
  g_string_replace (text, "{done}", done, 0);
  g_string_replace (text, "{n}", total, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
evk_chart_draw_status_summary (EvkChartCtx *ctx)
{
  EvkTable *table = ctx->tables[0];
  g_autofree EvkRgba *colours = g_new0 (EvkRgba, table->columns->len);
  g_autoptr(EvkChartStack) stack = NULL;
  double max = 0, sum = 0;
  gboolean has_total = FALSE, any_completed = FALSE;
  guint n;
  EvkChartFrame frame;

  for (guint r = 0; r < table->rows->len; r++)
    {
      max = MAX (max, row_total (table, r, FALSE));
      if (evk_table_row (table, r)->role == EVK_ENTRY_TOTAL)
        has_total = TRUE;
      else
        sum += row_total (table, r, FALSE);
    }
  for (guint c = 0; c < table->columns->len; c++)
    any_completed |= evk_table_column (table, c)->completed;
  stack = evk_chart_stack_new (max);

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  /* Completed first and darkest: the scale runs from done to not done. */
  evk_chart_column_colours (ctx, table, FALSE, TRUE, colours);
  /* A status the evaluator gave a colour keeps it, on screen and on paper;
   * the others keep the palette's place on the scale. */
  for (guint c = 0; c < table->columns->len; c++)
    {
      const char *colour = evk_table_column (table, c)->colour;
      EvkRgba own;

      if (colour != NULL && evk_rgba_parse (&own, colour))
        colours[c] = own;
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      EvkTableEntry *entry = evk_table_row (table, r);
      const char *label = evk_chart_label (ctx, entry);
      EvkChartStackRow *row = evk_chart_stack_add_row (stack, label, 0, r);
      double total = row_total (table, r, FALSE);

      row->apart = entry->role == EVK_ENTRY_TOTAL;
      row->trailing = trailing_text (ctx, table, r, any_completed);
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);
          EvkChartSegment *seg = evk_chart_stack_add_segment (row);
          double value = table->weighted ? cell->count : cell->n;
          g_autofree char *count = evk_chart_count_text (ctx, value);

          seg->value = value;
          seg->fill = colours[c];
          seg->apart = evk_table_column (table, c)->role != EVK_ENTRY_VALUE;
          seg->text = ctx->spec->show_values ? g_strdup (count) : NULL;
          seg->tooltip = g_strdup_printf ("%s\n%s: %s", label,
                                          evk_chart_label (ctx, evk_table_column (table, c)), count);
          seg->table = 0;
          seg->row = r;
          seg->column = c;
          seg->n = cell->n;
          seg->share = total > 0 ? 100 * value / total : NAN;
        }
    }

  for (guint c = 0; c < table->columns->len; c++)
    evk_chart_frame_legend (&frame, evk_chart_label (ctx, evk_table_column (table, c)), &colours[c], c, 0);
  n = table->n_base > 0 ? table->n_base : (guint) round (has_total ? max : sum);
  evk_chart_frame_n (ctx, &frame, &n, 1, table);

  evk_chart_finish (ctx, &frame, &evk_chart_stack_body, stack);
  evk_chart_frame_clear (&frame);
}
