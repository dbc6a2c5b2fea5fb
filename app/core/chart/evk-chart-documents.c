/* evk-chart-documents.c: the document review as a measures × codes matrix
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's section 2.4: for each measure, whether the documents give it
 * as an assignment, report on it or mention it. A mark per code with the
 * number of documents in it; the measures grouped under their goal, whose
 * heading row carries the goal's counts.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

typedef struct {
  EvkTable     *table;
  PangoLayout **labels;
  double       *label_h;
  PangoLayout **headers;
  double        label_w, col_w, header_h, mark, gap;
  double        mark_lines;    /* the mark's diameter in lines; 0: 1.3 */
  gboolean      texts;
} Matrix;

static void
matrix_clear (Matrix *m)
{
  for (guint r = 0; m->labels != NULL && r < m->table->rows->len; r++)
    g_clear_object (&m->labels[r]);
  for (guint c = 0; m->headers != NULL && c < m->table->columns->len; c++)
    g_clear_object (&m->headers[c]);
  g_clear_pointer (&m->labels, g_free);
  g_clear_pointer (&m->label_h, g_free);
  g_clear_pointer (&m->headers, g_free);
}

static gboolean
is_heading (EvkTable *table,
            guint     r)
{
  return evk_table_row (table, r)->role == EVK_ENTRY_TOTAL;
}

static double
row_height (EvkChartCtx *ctx,
            Matrix      *m,
            guint        r)
{
  return MAX (m->label_h[r], m->texts ? MAX (ctx->line, m->mark) : m->mark) + m->gap;
}

static double
matrix_layout (EvkChartCtx *ctx,
               Matrix      *m,
               double       width,
               int          label_lines,
               gboolean     texts,
               double       gap)
{
  EvkTable *table = m->table;
  guint n_codes = table->columns->len;
  guint n_rows = table->rows->len;
  double total = 0, max_label;
  g_autofree const char **texts_ = g_new0 (const char *, MAX (n_rows, 1));
  g_autofree EvkChartFont *fonts = g_new0 (EvkChartFont, MAX (n_rows, 1));

  matrix_clear (m);
  m->texts = texts;
  m->gap = gap;
  m->labels = g_new0 (PangoLayout *, MAX (table->rows->len, 1));
  m->label_h = g_new0 (double, MAX (table->rows->len, 1));
  m->headers = g_new0 (PangoLayout *, MAX (n_codes, 1));

  for (guint r = 0; r < n_rows; r++)
    {
      texts_[r] = evk_chart_label (ctx, evk_table_row (table, r));
      fonts[r] = is_heading (table, r) ? EVK_CHART_FONT_BOLD : EVK_CHART_FONT_BODY;
    }
  /* A code's column is as wide as the longest word of its heading (no
   * word broken), at most 9 em, and together at most 60 % of the width. */
  {
    double word = 1.6 * ctx->line;

    for (guint c = 0; c < n_codes && texts; c++)
      {
        g_auto(GStrv) words = g_strsplit (evk_chart_label (ctx, evk_table_column (table, c)), " ", -1);
        for (guint k = 0; words[k] != NULL; k++)
          word = MAX (word, evk_chart_text_width (ctx, EVK_CHART_FONT_SMALL, words[k]) + 0.4 * ctx->em);
      }
    m->col_w = MIN (MAX (word, (width * 0.3) / MAX (n_codes, 1)), 9 * ctx->em);
    m->col_w = MIN (m->col_w, (width * 0.6) / MAX (n_codes, 1));
  }
  max_label = width - m->col_w * n_codes - 0.8 * ctx->em;
  m->label_w = texts && max_label > 1
               ? evk_chart_label_column (ctx, fonts, texts_, n_rows, max_label, label_lines, m->labels, NULL) : 0;
  m->col_w = MAX ((width - m->label_w - (m->label_w > 0 ? 0.8 * ctx->em : 0)) / MAX (n_codes, 1), 1);
  m->col_w = MIN (m->col_w, 9 * ctx->em);
  m->mark = MIN ((m->mark_lines > 0 ? m->mark_lines : 1.3) * ctx->line, m->col_w * 0.7);

  m->header_h = 0;
  if (texts)
    for (guint c = 0; c < n_codes; c++)
      {
        double h;

        m->headers[c] = evk_chart_text_aligned (ctx, EVK_CHART_FONT_SMALL,
                                                evk_chart_label (ctx, evk_table_column (table, c)),
                                                m->col_w - 0.3 * ctx->em, 3, PANGO_ALIGN_CENTER);
        evk_chart_text_size (m->headers[c], NULL, &h);
        m->header_h = MAX (m->header_h, h + 0.4 * ctx->line);
      }

  for (guint r = 0; r < table->rows->len; r++)
    {
      if (m->labels[r] != NULL)
        evk_chart_text_size (m->labels[r], NULL, &m->label_h[r]);
      total += row_height (ctx, m, r) + (is_heading (table, r) && r > 0 ? 0.4 * ctx->line : 0);
    }
  return m->header_h + total;
}

static double
matrix_measure (EvkChartCtx *ctx,
                gpointer     data,
                double       width)
{
  Matrix m = { data };
  double h = matrix_layout (ctx, &m, width, 6, TRUE, 0.5 * ctx->line);

  matrix_clear (&m);
  return h;
}

static void
matrix_draw (EvkChartCtx        *ctx,
             gpointer            data,
             const EvkChartRect *plot)
{
  EvkTable *table = data;
  Matrix m = { table };
  guint n = table->rows->len, n_codes = table->columns->len;
  double h, y, x_codes;
  EvkRgba mark_fill;

  /* The scale's strongest colour: dark blue on paper, light on a dark
   * window. */
  evk_chart_style_sequential (ctx->style, 3, 2, &mark_fill);
  h = matrix_layout (ctx, &m, plot->width, 6, TRUE, 0.5 * ctx->line);
  if (h > plot->height)
    h = matrix_layout (ctx, &m, plot->width, 3, TRUE, 0.25 * ctx->line);
  /* A long measure name wraps rather than loses its end to "…": the rows
   * close up and the marks shrink to a line before any name is cut. */
  if (h > plot->height)
    {
      m.mark_lines = 1;
      h = matrix_layout (ctx, &m, plot->width, 3, TRUE, 0.1 * ctx->line);
    }
  if (h > plot->height)
    h = matrix_layout (ctx, &m, plot->width, 3, TRUE, 0);
  if (h > plot->height)
    h = matrix_layout (ctx, &m, plot->width, 2, TRUE, 0);
  if (h > plot->height)
    {
      /* One line a row, the marks as tall as the text. */
      m.mark_lines = 1;
      h = matrix_layout (ctx, &m, plot->width, 1, TRUE, 0.15 * ctx->line);
    }
  if (h > plot->height && n > 0)
    {
      /* Marks only, each row a slice of the height. */
      matrix_layout (ctx, &m, plot->width, 0, FALSE, 0);
      m.mark = MIN (m.mark, plot->height / n * 0.8);
    }
  x_codes = plot->x + (m.label_w > 0 ? m.label_w + 0.8 * ctx->em : 0);

  for (guint c = 0; c < n_codes; c++)
    if (m.headers[c] != NULL)
      evk_chart_show (ctx, m.headers[c], x_codes + c * m.col_w + 0.15 * ctx->em, plot->y, &ctx->style->text_secondary);
  y = plot->y + m.header_h;
  if (m.header_h > 0)
    evk_chart_hline (ctx, plot->x, plot->x + plot->width, y - 0.2 * ctx->line, &ctx->style->baseline, 1);

  for (guint r = 0; r < n; r++)
    {
      gboolean heading = is_heading (table, r);
      double rh = m.texts ? row_height (ctx, &m, r) : plot->height / n, cy;
      const char *label = evk_chart_label (ctx, evk_table_row (table, r));

      if (heading && r > 0 && m.texts)
        y += 0.4 * ctx->line;
      if (y + rh > plot->y + plot->height + 0.5)
        break;
      cy = y + rh / 2;
      if (heading)
        {
          EvkRgba band = ctx->style->grid;
          band.a = 0.6;
          evk_chart_fill_rect (ctx, plot->x, y, plot->width, rh, &band);
        }
      if (m.labels[r] != NULL)
        {
          evk_chart_show (ctx, m.labels[r], plot->x, cy - m.label_h[r] / 2, &ctx->style->text);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_ROW_LABEL, plot->x, y, m.label_w, rh, 0, r, -1, 0, NAN, label);
        }

      for (guint c = 0; c < n_codes; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);
          double cx = x_codes + (c + 0.5) * m.col_w;
          g_autofree char *count = evk_chart_count_text (ctx, cell->n);
          g_autofree char *tooltip = g_strdup_printf ("%s\n%s: %s", label,
                                                      evk_chart_label (ctx, evk_table_column (table, c)), count);

          if (cell->n == 0)
            continue;
          if (heading)
            {
              /* The goal's own count, as a figure rather than a mark. */
              if (m.texts)
                {
                  g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_BOLD, count, 0, 0);
                  double w, th;

                  evk_chart_text_size (layout, &w, &th);
                  if (w <= m.col_w && th <= rh)
                    evk_chart_show (ctx, layout, cx - w / 2, cy - th / 2, &ctx->style->text);
                }
            }
          else if (!ctx->measuring)
            {
              double radius = m.mark / 2;

              evk_chart_set_colour (ctx, &mark_fill);
              cairo_new_sub_path (ctx->cr);
              cairo_arc (ctx->cr, cx, cy, radius, 0, 2 * G_PI);
              cairo_fill (ctx->cr);
              if (m.texts)
                {
                  g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, count, 0, 0);
                  double w, th;
                  EvkRgba ink;

                  evk_chart_text_size (layout, &w, &th);
                  evk_chart_style_text_on (ctx->style, &mark_fill, &ink);
                  if (w <= m.mark * 0.9)
                    evk_chart_show (ctx, layout, cx - w / 2, cy - th / 2, &ink);
                  else if (cx + radius + 0.2 * ctx->em + w <= x_codes + (c + 1) * m.col_w)
                    evk_chart_show (ctx, layout, cx + radius + 0.2 * ctx->em, cy - th / 2, &ctx->style->text);
                }
            }
          evk_chart_add_hit (ctx, EVK_CHART_HIT_CELL, x_codes + c * m.col_w, y, m.col_w, rh, 0, r, c, cell->n,
                             cell->share, tooltip);
        }
      y += rh;
      if (m.texts && r + 1 < n && !is_heading (table, r + 1))
        evk_chart_hline (ctx, plot->x, plot->x + plot->width, y, &ctx->style->grid, 1);
    }
  matrix_clear (&m);
}

static const EvkChartBody matrix_body = { matrix_measure, matrix_draw };

void
evk_chart_draw_documents_matrix (EvkChartCtx *ctx)
{
  EvkTable *table = ctx->tables[0];
  guint n_measures = 0;
  EvkChartFrame frame;

  for (guint r = 0; r < table->rows->len; r++)
    if (!is_heading (table, r))
      n_measures++;

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  frame.subtitle = g_strdup (evk_localized_get (table->title, ctx->lang));
  {
    guint n = table->n_base > 0 ? table->n_base : n_measures;
    evk_chart_frame_n (ctx, &frame, &n, 1, table);
  }
  g_ptr_array_add (frame.footer, g_strdup (evk_chart_word (ctx, "MatrixNote",
                                                           "The figure in a mark is the number of documents")));
  evk_chart_finish (ctx, &frame, &matrix_body, table);
  evk_chart_frame_clear (&frame);
}
