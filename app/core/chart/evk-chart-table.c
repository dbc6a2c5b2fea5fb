/* evk-chart-table.c: a computed table drawn as a table, for the report
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's tables 1-2 (sample against register), 3-1 and 8-1 (counts by
 * category): a header row, numbers right-aligned under right-aligned
 * headings, a first column that wraps, quiet rules. Rows that do not fit
 * are counted in a last line rather than drawn outside.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-chart-private.h"

typedef struct {
  guint    column;
  gboolean share;
  double   width;
} Col;

typedef struct {
  EvkTable     *table;
  GPtrArray    *row_labels;    /* shortened */
  GArray       *cols;          /* Col */
  gboolean      both;          /* n and % under one heading */
  char       ***texts;         /* [row][col] */
  /* layout */
  PangoLayout **labels;
  double       *row_h;
  PangoLayout **headers;       /* per display column, or per table column when both */
  PangoLayout **sub_headers;   /* per display column when both */
  double        label_w, header_h, sub_header_h, pad;
} Tab;

/* A column's heading; a count table's columns are named for the shares
 * the statistics also give, but the table prints the counts. */
static const char *
heading (EvkChartCtx *ctx,
         Tab         *t,
         Col         *col)
{
  if (!col->share && !t->both && g_strcmp0 (t->table->kind, "count") == 0)
    return evk_chart_word (ctx, "Count", "Number");
  return evk_chart_label (ctx, evk_table_column (t->table, col->column));
}

static void
tab_clear_layout (Tab *t)
{
  guint n_rows = t->table->rows->len;

  for (guint r = 0; t->labels != NULL && r < n_rows; r++)
    g_clear_object (&t->labels[r]);
  for (guint c = 0; t->headers != NULL && c < t->cols->len; c++)
    {
      g_clear_object (&t->headers[c]);
      g_clear_object (&t->sub_headers[c]);
    }
  g_clear_pointer (&t->labels, g_free);
  g_clear_pointer (&t->row_h, g_free);
  g_clear_pointer (&t->headers, g_free);
  g_clear_pointer (&t->sub_headers, g_free);
}

static double
tab_layout (EvkChartCtx *ctx,
            Tab         *t,
            double       width,
            int          label_lines)
{
  EvkTable *table = t->table;
  guint n_rows = table->rows->len;
  double numbers = 0, total = 0;
  g_autofree EvkChartFont *fonts = g_new0 (EvkChartFont, MAX (n_rows, 1));

  tab_clear_layout (t);
  t->pad = 0.6 * ctx->em;
  t->labels = g_new0 (PangoLayout *, MAX (table->rows->len, 1));
  t->row_h = g_new0 (double, MAX (table->rows->len, 1));
  t->headers = g_new0 (PangoLayout *, MAX (t->cols->len, 1));
  t->sub_headers = g_new0 (PangoLayout *, MAX (t->cols->len, 1));

  /* Numbers first: they never wrap. */
  for (guint c = 0; c < t->cols->len; c++)
    {
      Col *col = &g_array_index (t->cols, Col, c);

      col->width = 0;
      for (guint r = 0; r < table->rows->len; r++)
        col->width = MAX (col->width, evk_chart_text_width (ctx, EVK_CHART_FONT_BODY, t->texts[r][c]));
      if (t->both)
        col->width = MAX (col->width, evk_chart_text_width (ctx, EVK_CHART_FONT_SMALL,
                                                            col->share ? "%" : evk_chart_word (ctx, "SmallN", "n")));
      else
        col->width = MAX (col->width, MIN (evk_chart_text_width (ctx, EVK_CHART_FONT_BOLD,
                                                                 heading (ctx, t, col)),
                                           8 * ctx->em));
      col->width += t->pad;
      numbers += col->width;
    }
  if (t->both)
    for (guint c = 0; c + 1 < t->cols->len; c += 2)
      {
        /* A heading over its pair may need the pair wider. */
        Col *a = &g_array_index (t->cols, Col, c), *b = &g_array_index (t->cols, Col, c + 1);
        double head = MIN (evk_chart_text_width (ctx, EVK_CHART_FONT_BOLD,
                                                 evk_chart_label (ctx, evk_table_column (table, a->column))),
                           10 * ctx->em) + t->pad;
        if (head > a->width + b->width)
          {
            double extra = head - a->width - b->width;
            a->width += extra / 2;
            b->width += extra / 2;
            numbers += extra;
          }
      }
  if (numbers > width * 0.7)
    {
      double f = width * 0.7 / numbers;

      for (guint c = 0; c < t->cols->len; c++)
        g_array_index (t->cols, Col, c).width *= f;
      numbers = width * 0.7;
    }

  for (guint r = 0; r < n_rows; r++)
    fonts[r] = evk_table_row (table, r)->role == EVK_ENTRY_TOTAL ? EVK_CHART_FONT_BOLD : EVK_CHART_FONT_BODY;
  t->label_w = evk_chart_label_column (ctx, fonts, (const char * const *) t->row_labels->pdata, n_rows,
                                       MAX (width - numbers, 1), label_lines, t->labels, NULL);

  t->header_h = 0;
  t->sub_header_h = 0;
  for (guint c = 0; c < t->cols->len; c++)
    {
      Col *col = &g_array_index (t->cols, Col, c);
      double h;

      if (t->both)
        {
          t->sub_headers[c] = evk_chart_text (ctx, EVK_CHART_FONT_SMALL,
                                              col->share ? "%" : evk_chart_word (ctx, "SmallN", "n"), 0, 0);
          evk_chart_text_size (t->sub_headers[c], NULL, &h);
          t->sub_header_h = MAX (t->sub_header_h, h);
          if (c % 2 == 1)
            continue;
          t->headers[c] = evk_chart_text_aligned (ctx, EVK_CHART_FONT_BOLD, heading (ctx, t, col),
                                                  col->width + (c + 1 < t->cols->len
                                                                ? g_array_index (t->cols, Col, c + 1).width : 0)
                                                    - t->pad, 3, PANGO_ALIGN_RIGHT);
        }
      else
        t->headers[c] = evk_chart_text_aligned (ctx, EVK_CHART_FONT_BOLD, heading (ctx, t, col), col->width - t->pad, 3,
                                                PANGO_ALIGN_RIGHT);
      evk_chart_text_size (t->headers[c], NULL, &h);
      t->header_h = MAX (t->header_h, h);
    }
  total = t->header_h + (t->both ? t->sub_header_h + 0.2 * ctx->line : 0) + 0.5 * ctx->line;

  for (guint r = 0; r < table->rows->len; r++)
    {
      double h;

      evk_chart_text_size (t->labels[r], NULL, &h);
      t->row_h[r] = MAX (h, ctx->line) + 0.45 * ctx->line;
      total += t->row_h[r];
    }
  return total;
}

static double
tab_measure (EvkChartCtx *ctx,
             gpointer     data,
             double       width)
{
  Tab *t = data;
  double h = tab_layout (ctx, t, width, 4);

  tab_clear_layout (t);
  return h;
}

static void
tab_draw (EvkChartCtx        *ctx,
          gpointer            data,
          const EvkChartRect *plot)
{
  Tab *t = data;
  EvkTable *table = t->table;
  double h = tab_layout (ctx, t, plot->width, 4), y, right = plot->x + plot->width, more_h = 0, header_block;
  guint shown = table->rows->len;

  if (h > plot->height)
    h = tab_layout (ctx, t, plot->width, 1);
  if (h > plot->height)
    {
      /* Count what fits with a line kept for "n more rows". */
      double used = t->header_h + (t->both ? t->sub_header_h + 0.2 * ctx->line : 0) + 0.5 * ctx->line;

      more_h = ctx->small_line + 0.3 * ctx->line;
      shown = 0;
      while (shown < table->rows->len && used + t->row_h[shown] + more_h <= plot->height)
        used += t->row_h[shown++];
    }

  y = plot->y;
  header_block = t->header_h + (t->both ? t->sub_header_h + 0.2 * ctx->line : 0) + 0.5 * ctx->line;
  if (header_block <= plot->height)
    {
      double x = right;

      for (guint c = t->cols->len; c-- > 0;)
        {
          Col *col = &g_array_index (t->cols, Col, c);

          x -= col->width;
          if (t->headers[c] != NULL)
            {
              double hh;

              /* Headings of different lengths end on one line. */
              evk_chart_text_size (t->headers[c], NULL, &hh);
              evk_chart_show (ctx, t->headers[c], x + t->pad, y + t->header_h - hh, &ctx->style->text);
            }
          if (t->both && t->sub_headers[c] != NULL)
            {
              double w;
              evk_chart_text_size (t->sub_headers[c], &w, NULL);
              evk_chart_show (ctx, t->sub_headers[c], x + col->width - w, y + t->header_h + 0.2 * ctx->line,
                              &ctx->style->text_secondary);
            }
        }
      y += header_block - 0.25 * ctx->line;
      evk_chart_hline (ctx, plot->x, right, y, &ctx->style->baseline, 1);
      y += 0.25 * ctx->line;
    }

  for (guint r = 0; r < shown; r++)
    {
      double lh, x = right, cy;
      EvkTableEntry *entry = evk_table_row (table, r);

      if (y + t->row_h[r] > plot->y + plot->height + 0.5)
        break;
      evk_chart_text_size (t->labels[r], NULL, &lh);
      evk_chart_show (ctx, t->labels[r], plot->x, y + 0.225 * ctx->line, &ctx->style->text);
      evk_chart_add_hit (ctx, EVK_CHART_HIT_ROW_LABEL, plot->x, y, t->label_w, t->row_h[r], 0, r, -1, 0, NAN,
                         g_ptr_array_index (t->row_labels, r));
      cy = y + 0.225 * ctx->line;
      for (guint c = t->cols->len; c-- > 0;)
        {
          Col *col = &g_array_index (t->cols, Col, c);
          g_autoptr(PangoLayout) layout = evk_chart_text (ctx, entry->role == EVK_ENTRY_TOTAL ? EVK_CHART_FONT_BOLD
                                                                                              : EVK_CHART_FONT_BODY,
                                                           t->texts[r][c], 0, 0);
          EvkCell *cell = evk_table_cell (table, r, col->column);
          g_autofree char *tooltip = evk_chart_tooltip (ctx, evk_chart_label (ctx, entry),
                                                        evk_chart_label (ctx, evk_table_column (table, col->column)),
                                                        cell, evk_chart_row_n (table, r));
          double w;

          x -= col->width;
          evk_chart_text_size (layout, &w, NULL);
          /* Squeezed below its width a number would overprint its
           * neighbour: it is left to the tooltip. */
          if (w <= col->width + 0.5)
            evk_chart_show (ctx, layout, x + col->width - w, cy, &ctx->style->text);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_CELL, x, y, col->width, t->row_h[r], 0, r, col->column, cell->n,
                             cell->share, tooltip);
        }
      y += t->row_h[r];
      evk_chart_hline (ctx, plot->x, right, y, r + 1 == table->rows->len ? &ctx->style->baseline : &ctx->style->grid, 1);
    }

  if (shown < table->rows->len && more_h > 0)
    {
      g_autofree char *count = evk_chart_count_text (ctx, table->rows->len - shown);
      g_autoptr(GString) text = g_string_new (evk_chart_word (ctx, "MoreRows", "{n} more rows not shown"));
      g_autoptr(PangoLayout) layout = NULL;
      double lh;

      g_string_replace (text, "{n}", count, 0);
      layout = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, text->str, plot->width, 1);
      evk_chart_text_size (layout, NULL, &lh);
      if (y + 0.3 * ctx->line + lh <= plot->y + plot->height + 0.5)
        evk_chart_show (ctx, layout, plot->x, y + 0.3 * ctx->line, &ctx->style->text_secondary);
    }
  tab_clear_layout (t);
}

static const EvkChartBody table_body = { tab_measure, tab_draw };

static EvkChartValues
auto_values (EvkTable *table)
{
  gboolean shares = FALSE, counts = FALSE;

  if (g_strcmp0 (table->kind, "representativity") == 0)
    return EVK_CHART_VALUES_SHARES;
  if (g_strcmp0 (table->kind, "count") == 0)
    return EVK_CHART_VALUES_COUNTS;
  for (gsize i = 0; i < (gsize) table->rows->len * table->columns->len; i++)
    {
      shares = shares || !isnan (table->cells[i].share);
      counts = counts || table->cells[i].n > 0 || table->cells[i].count > 0;
    }
  if (shares && counts)
    return EVK_CHART_VALUES_BOTH;
  return shares ? EVK_CHART_VALUES_SHARES : EVK_CHART_VALUES_COUNTS;
}

void
evk_chart_draw_table (EvkChartCtx *ctx)
{
  EvkTable *table = ctx->tables[0];
  EvkChartValues values = ctx->spec->values != EVK_CHART_VALUES_AUTO ? ctx->spec->values : auto_values (table);
  g_autoptr(GArray) cols = g_array_new (FALSE, TRUE, sizeof (Col));
  g_autoptr(GPtrArray) row_labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shared = NULL;
  Tab t = { table, row_labels, cols, values == EVK_CHART_VALUES_BOTH };
  gboolean any_small = FALSE;
  EvkChartFrame frame;

  for (guint c = 0; c < table->columns->len; c++)
    {
      Col count = { c, FALSE }, share = { c, TRUE };

      if (values != EVK_CHART_VALUES_SHARES)
        g_array_append_val (cols, count);
      if (values != EVK_CHART_VALUES_COUNTS)
        g_array_append_val (cols, share);
    }

  t.texts = g_new0 (char **, MAX (table->rows->len, 1));
  for (guint r = 0; r < table->rows->len; r++)
    {
      t.texts[r] = g_new0 (char *, cols->len + 1);
      for (guint c = 0; c < cols->len; c++)
        {
          Col *col = &g_array_index (cols, Col, c);
          EvkCell *cell = evk_table_cell (table, r, col->column);

          t.texts[r][c] = evk_chart_cell_text (ctx, table, cell, !col->share);
          any_small = any_small || evk_chart_is_small (table, cell);
        }
    }

  /* "Used in practice: X", "Used in practice: Y": the shared words head
   * the table once. */
  for (guint r = 0; r < table->rows->len; r++)
    g_ptr_array_add (row_labels, g_strdup (evk_chart_label (ctx, evk_table_row (table, r))));
  shared = evk_chart_shorten_labels (row_labels);

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  frame.subtitle = shared != NULL ? g_steal_pointer (&shared) : g_strdup (evk_localized_get (table->title, ctx->lang));
  if (table->n_base > 0)
    evk_chart_frame_n (ctx, &frame, &table->n_base, 1, table);
  else
    evk_chart_frame_n (ctx, &frame, NULL, 0, table);
  if (any_small)
    evk_chart_frame_small_note (ctx, &frame, table);

  evk_chart_finish (ctx, &frame, &table_body, &t);
  evk_chart_frame_clear (&frame);

  for (guint r = 0; r < table->rows->len; r++)
    g_strfreev (t.texts[r]);
  g_free (t.texts);
}
