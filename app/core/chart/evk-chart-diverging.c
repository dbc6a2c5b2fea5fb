/* evk-chart-diverging.c: a Likert matrix as bars diverging from the middle
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed's q34 (framework conditions weakened ↔ strengthened since 2021):
 * the negative answers run left of a centre line, the positive ones right,
 * the neutral answer straddles it. Don't know and not relevant stand apart
 * on the right on the same scale, and each item's N closes its row.
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

typedef struct {
  double   x0, x1;
  guint    column;
  guint8   place;        /* 0 none, 1 inside, 2 above, 3 below */
  double   label_x;
} Seg;

typedef struct {
  EvkTable     *table;
  GPtrArray    *labels;  /* shortened row labels */
  EvkRgba      *colours;
  guint        *negative, *positive, *apart;   /* columns, negative from the centre out */
  guint         n_negative, n_positive, n_apart;
  int           neutral;
  double        left, right, apart_max;        /* largest extents, in percent */
  gboolean      any_small;
} Diverging;

typedef struct {
  PangoLayout  *label;
  double        label_h;
  PangoLayout  *n;
  Seg          *segs;
  guint         n_segs;
  PangoLayout **values;
  gboolean      above, below;
  double        band_h, bar_offset;
} Row;

typedef struct {
  Diverging *d;
  Row       *rows;
  gboolean   labels_above;   /* narrow: each label on its own line over its bar */
  double     label_w, n_w, header_h, div_x, centre, apart_x, scale, thickness, gap;
  gboolean   texts;
} Layout;

static double
share_of (EvkTable *table,
          guint     r,
          guint     c)
{
  double share = evk_table_cell (table, r, c)->share;

  return isnan (share) || share < 0 ? 0 : share;
}

static void
layout_clear (Layout *l)
{
  if (l->rows == NULL)
    return;
  for (guint r = 0; r < l->d->table->rows->len; r++)
    {
      Row *row = &l->rows[r];

      g_clear_object (&row->label);
      g_clear_object (&row->n);
      for (guint s = 0; s < row->n_segs; s++)
        g_clear_object (&row->values[s]);
      g_free (row->values);
      g_free (row->segs);
    }
  g_clear_pointer (&l->rows, g_free);
}

static double
callout_height (EvkChartCtx *ctx)
{
  return 1.4 * ctx->line;
}

static void
place_row (EvkChartCtx *ctx,
           Layout      *l,
           Row         *row,
           double       lo,
           double       hi)
{
  double w[64], c[64], x[64], gap = 0.5 * ctx->em;
  guint index[64], k = 0;

  for (guint s = 0; s < row->n_segs && k < G_N_ELEMENTS (w); s++)
    if (row->segs[s].place >= 2)
      {
        evk_chart_text_size (row->values[s], &w[k], NULL);
        c[k] = (row->segs[s].x0 + row->segs[s].x1) / 2;
        index[k++] = s;
      }
  if (k == 0)
    return;

  /* Labels are placed in order of their centres. */
  for (guint a = 1; a < k; a++)
    for (guint b = a; b > 0 && c[b] < c[b - 1]; b--)
      {
        double tw = w[b], tc = c[b];
        guint ti = index[b];
        w[b] = w[b - 1], c[b] = c[b - 1], index[b] = index[b - 1];
        w[b - 1] = tw, c[b - 1] = tc, index[b - 1] = ti;
      }

  if (evk_chart_place_labels (w, c, k, lo, hi, gap, x))
    {
      for (guint i = 0; i < k; i++)
        {
          row->segs[index[i]].place = 2;
          row->segs[index[i]].label_x = x[i];
        }
      row->above = TRUE;
      return;
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      double pw[64], pc[64], px[64];
      guint pi[64], m = 0;

      for (guint i = pass; i < k; i += 2)
        {
          pw[m] = w[i];
          pc[m] = c[i];
          pi[m++] = index[i];
        }
      if (!evk_chart_place_labels (pw, pc, m, lo, hi, gap, px))
        {
          for (guint i = 0; i < k; i++)
            {
              row->segs[index[i]].place = 0;
              g_clear_object (&row->values[index[i]]);
            }
          row->above = row->below = FALSE;
          return;
        }
      for (guint i = 0; i < m; i++)
        {
          row->segs[pi[i]].place = pass == 0 ? 2 : 3;
          row->segs[pi[i]].label_x = px[i];
        }
    }
  row->above = TRUE;
  row->below = k > 1;
}

static double
layout_rows (EvkChartCtx *ctx,
             Layout      *l,
             double       width,
             double       thickness,
             double       gap,
             int          label_lines,
             gboolean     texts)
{
  Diverging *d = l->d;
  EvkTable *table = d->table;
  guint n_rows = table->rows->len;
  double total = 0, pad = 0.3 * ctx->em, span, apart_gap;
  g_autofree PangoLayout **labels = g_new0 (PangoLayout *, MAX (n_rows, 1));

  layout_clear (l);
  l->rows = g_new0 (Row, table->rows->len);
  l->thickness = thickness;
  l->gap = gap;
  l->texts = texts;

  l->n_w = 0;
  for (guint r = 0; r < table->rows->len; r++)
    {
      if (texts && ctx->spec->show_n)
        {
          guint n = evk_chart_row_n (table, r);
          g_autofree char *text = evk_chart_count_text (ctx, n);
          double w;

          l->rows[r].n = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, text, 0, 0);
          evk_chart_text_size (l->rows[r].n, &w, NULL);
          l->n_w = MAX (l->n_w, w);
        }
    }
  if (l->n_w > 0)
    {
      l->n_w = MAX (l->n_w, evk_chart_text_width (ctx, EVK_CHART_FONT_SMALL, evk_chart_word (ctx, "N", "N")));
      l->n_w += 0.8 * ctx->em;
    }
  l->header_h = l->n_w > 0 ? ctx->small_line + 0.2 * ctx->line : 0;
  l->labels_above = FALSE;
  l->label_w = 0;
  if (label_lines > 0 && n_rows > 0)
    {
      gboolean wraps;

      l->label_w = evk_chart_label_column (ctx, NULL, (const char * const *) d->labels->pdata, n_rows, 0.36 * width,
                                           label_lines, labels, &wraps);
      /* Narrow: labels over their bars, with the whole width. */
      if (wraps && width < 36 * ctx->em)
        {
          l->labels_above = TRUE;
          l->label_w = width;
          for (guint r = 0; r < n_rows; r++)
            {
              g_clear_object (&labels[r]);
              labels[r] = evk_chart_text (ctx, EVK_CHART_FONT_BODY, g_ptr_array_index (d->labels, r), width, label_lines);
            }
        }
    }
  l->div_x = l->label_w > 0 && !l->labels_above ? l->label_w + 0.8 * ctx->em : 0;
  apart_gap = d->n_apart > 0 ? 1.2 * ctx->em : 0;
  span = MAX (width - l->div_x - apart_gap - l->n_w, 1);
  l->scale = d->left + d->right + d->apart_max > 0 ? span / (d->left + d->right + d->apart_max) : 0;
  l->centre = l->div_x + d->left * l->scale;
  l->apart_x = l->div_x + (d->left + d->right) * l->scale + apart_gap;

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &l->rows[r];
      double neutral = d->neutral >= 0 ? share_of (table, r, d->neutral) : 0;
      double x, content;
      guint s = 0;

      row->n_segs = d->n_negative + d->n_positive + d->n_apart + (d->neutral >= 0);
      row->segs = g_new0 (Seg, MAX (row->n_segs, 1));
      row->values = g_new0 (PangoLayout *, MAX (row->n_segs, 1));

      if (d->neutral >= 0)
        {
          row->segs[s].x0 = l->centre - neutral / 2 * l->scale;
          row->segs[s].x1 = l->centre + neutral / 2 * l->scale;
          row->segs[s++].column = d->neutral;
        }
      x = l->centre - neutral / 2 * l->scale;
      for (guint i = 0; i < d->n_negative; i++, s++)
        {
          row->segs[s].x1 = x;
          x -= share_of (table, r, d->negative[i]) * l->scale;
          row->segs[s].x0 = x;
          row->segs[s].column = d->negative[i];
        }
      x = l->centre + neutral / 2 * l->scale;
      for (guint i = 0; i < d->n_positive; i++, s++)
        {
          row->segs[s].x0 = x;
          x += share_of (table, r, d->positive[i]) * l->scale;
          row->segs[s].x1 = x;
          row->segs[s].column = d->positive[i];
        }
      x = l->apart_x;
      for (guint i = 0; i < d->n_apart; i++, s++)
        {
          row->segs[s].x0 = x;
          x += share_of (table, r, d->apart[i]) * l->scale;
          row->segs[s].x1 = x;
          row->segs[s].column = d->apart[i];
        }
      for (s = 0; s < row->n_segs; s++)
        {
          Seg *seg = &row->segs[s];
          EvkCell *cell = evk_table_cell (table, r, seg->column);

          seg->x0 = evk_chart_snap (ctx, seg->x0);
          seg->x1 = evk_chart_snap (ctx, seg->x1);
          if (texts && ctx->spec->show_values && seg->x1 > seg->x0 && share_of (table, r, seg->column) > 0)
            {
              g_autofree char *text = evk_chart_cell_text (ctx, table, cell, FALSE);
              double w, h;

              row->values[s] = evk_chart_text (ctx, EVK_CHART_FONT_BODY, text, 0, 0);
              evk_chart_text_size (row->values[s], &w, &h);
              seg->place = w + 2 * pad <= seg->x1 - seg->x0 - 1 / ctx->px && h <= thickness ? 1 : 2;
            }
        }
      if (texts)
        place_row (ctx, l, row, l->div_x, width - l->n_w);

      if (labels[r] != NULL)
        {
          row->label = g_steal_pointer (&labels[r]);
          evk_chart_text_size (row->label, NULL, &row->label_h);
        }
      content = (row->above ? callout_height (ctx) : 0) + thickness + (row->below ? callout_height (ctx) : 0);
      if (l->labels_above)
        {
          double under = row->label_h > 0 ? row->label_h + 0.2 * ctx->line : 0;

          row->band_h = under + content;
          row->bar_offset = under + (row->above ? callout_height (ctx) : 0);
        }
      else
        {
          row->band_h = MAX (row->label_h, content);
          row->bar_offset = (row->band_h - content) / 2 + (row->above ? callout_height (ctx) : 0);
        }
      total += row->band_h + (r > 0 ? gap : 0);
    }
  for (guint r = 0; r < n_rows; r++)
    g_clear_object (&labels[r]);
  return l->header_h + total;
}

static double
diverging_measure (EvkChartCtx *ctx,
                   gpointer     data,
                   double       width)
{
  Layout l = { data };
  double h = layout_rows (ctx, &l, width, 1.8 * ctx->line, 0.6 * ctx->line, 6, TRUE);

  layout_clear (&l);
  return h;
}

static void
diverging_draw (EvkChartCtx        *ctx,
                gpointer            data,
                const EvkChartRect *plot)
{
  Diverging *d = data;
  EvkTable *table = d->table;
  Layout l = { d };
  double t = 1.8 * ctx->line, gap = 0.6 * ctx->line, h, y, top, sep = 1 / ctx->px;
  guint n = table->rows->len;

  h = layout_rows (ctx, &l, plot->width, t, gap, 6, TRUE);
  if (h < plot->height - 1)
    {
      /* Room to spare: thicker bars, wider gaps, the words as they are. */
      double t0 = t, gap0 = gap;
      double h2 = layout_rows (ctx, &l, plot->width, 2 * t, 2 * gap, 6, TRUE);
      double f = h2 > h ? CLAMP (1 + (plot->height - h - 0.5) / (h2 - h), 1, 4) : 1;

      for (guint k = 0; k < 3; k++, f = 1 + (f - 1) * 0.95)
        if ((h = layout_rows (ctx, &l, plot->width, f * t0, f * gap0, 6, TRUE)) <= plot->height)
          break;
      t = f * t0;
      gap = f * gap0;
      if (h > plot->height)
        h = layout_rows (ctx, &l, plot->width, t = t0, gap = gap0, 6, TRUE);
    }
  while (h > plot->height && t > 1.2 * ctx->line)
    {
      t = MAX (t * 0.95, 1.15 * ctx->line);
      gap = MAX (gap * 0.95, 0.25 * ctx->line);
      h = layout_rows (ctx, &l, plot->width, t, gap, 6, TRUE);
    }
  if (h > plot->height)
    h = layout_rows (ctx, &l, plot->width, t, gap, 1, TRUE);
  if (h > plot->height && n > 0)
    {
      double band = plot->height / n;
      gboolean words = band >= 1.05 * ctx->line;

      gap = 0.25 * band;
      h = layout_rows (ctx, &l, plot->width, band - gap, gap, words ? 1 : 0, words && band - gap >= ctx->line);
      if (h > plot->height)
        layout_rows (ctx, &l, plot->width, band - gap, gap, 0, FALSE);
    }

  top = plot->y + l.header_h;
  if (l.header_h > 0)
    {
      g_autoptr(PangoLayout) header = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, evk_chart_word (ctx, "N", "N"), 0, 0);
      double w;

      evk_chart_text_size (header, &w, NULL);
      evk_chart_show (ctx, header, plot->x + plot->width - w, plot->y, &ctx->style->text_secondary);
    }

  y = top;
  for (guint r = 0; r < n; r++)
    {
      Row *row = &l.rows[r];
      const char *label = g_ptr_array_index (d->labels, r);
      double bar_y;

      if (r > 0)
        y += l.gap;
      if (y + row->band_h > plot->y + plot->height + 0.5)
        break;
      bar_y = y + row->bar_offset;
      /* The centre marked by a notch above and below each bar, under the
       * bars: a line through the rows would cross labels. */
      {
        double notch = (l.labels_above && !row->above ? 0.15 : 0.3) * ctx->line;
        evk_chart_vline (ctx, plot->x + l.centre, MAX (bar_y - notch, y),
                         MIN (bar_y + l.thickness + notch, y + row->band_h), &ctx->style->baseline, 1.5);
      }

      if (row->label != NULL)
        {
          double ly = l.labels_above ? y
                                     : CLAMP (bar_y + l.thickness / 2 - row->label_h / 2, y, y + row->band_h - row->label_h);
          evk_chart_show (ctx, row->label, plot->x, ly, &ctx->style->text);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_ROW_LABEL, plot->x, ly, l.label_w, row->label_h, 0, r, -1, 0,
                             NAN, label);
        }

      for (guint s = 0; s < row->n_segs; s++)
        {
          Seg *seg = &row->segs[s];
          EvkCell *cell = evk_table_cell (table, r, seg->column);
          const EvkRgba *fill = &d->colours[seg->column];
          double x0 = plot->x + seg->x0, x1 = plot->x + seg->x1;
          double inner = x1 - x0 > 3 * sep ? sep : 0;
          g_autofree char *tooltip = NULL;

          if (x1 <= x0)
            continue;
          /* A hairline of background on each side keeps neighbours apart. */
          evk_chart_fill_rect (ctx, x0 + inner / 2, bar_y, x1 - x0 - inner, l.thickness, fill);
          if (evk_chart_is_small (table, cell))
            evk_chart_hatch (ctx, x0, bar_y, x1 - x0, l.thickness, fill);
          tooltip = evk_chart_tooltip (ctx, label, evk_chart_label (ctx, evk_table_column (table, seg->column)),
                                       cell, evk_chart_row_n (table, r));
          evk_chart_add_hit (ctx, EVK_CHART_HIT_CELL, x0, bar_y, x1 - x0, l.thickness, 0, r, seg->column,
                             cell->n, cell->share, tooltip);

          if (seg->place == 1)
            {
              EvkRgba ink;
              double w, th;

              evk_chart_style_text_on (ctx->style, fill, &ink);
              evk_chart_text_size (row->values[s], &w, &th);
              evk_chart_show (ctx, row->values[s], (x0 + x1) / 2 - w / 2, bar_y + (l.thickness - th) / 2, &ink);
            }
          else if (seg->place >= 2)
            {
              gboolean above = seg->place == 2;
              double w, lx = plot->x + seg->label_x, cx = (x0 + x1) / 2;
              double ly = above ? bar_y - callout_height (ctx) : bar_y + l.thickness + 0.4 * ctx->line;

              evk_chart_text_size (row->values[s], &w, NULL);
              evk_chart_show (ctx, row->values[s], lx, ly, &ctx->style->text);
              if (!ctx->measuring)
                {
                  evk_chart_set_colour (ctx, &ctx->style->text_secondary);
                  cairo_set_line_width (ctx->cr, MAX (ctx->style->hairline * ctx->pt, 1 / ctx->px));
                  cairo_move_to (ctx->cr, cx, above ? bar_y : bar_y + l.thickness);
                  cairo_line_to (ctx->cr, CLAMP (cx, lx + 0.2 * w, lx + 0.8 * w), above ? ly + ctx->line : ly);
                  cairo_stroke (ctx->cr);
                }
            }
        }

      if (row->n != NULL)
        {
          double w, th;

          evk_chart_text_size (row->n, &w, &th);
          evk_chart_show (ctx, row->n, plot->x + plot->width - w, bar_y + (l.thickness - th) / 2,
                          &ctx->style->text_secondary);
        }
      y += row->band_h;
    }
  layout_clear (&l);
}

static const EvkChartBody diverging_body = { diverging_measure, diverging_draw, TRUE };

void
evk_chart_diverging_colours (EvkChartCtx *ctx,
                             EvkTable    *table,
                             EvkRgba     *colours)
{
  guint m = table->columns->len, n_values = 0, n_apart = 0;
  g_autofree guint *values = g_new0 (guint, MAX (m, 1));
  g_autofree guint *apart = g_new0 (guint, MAX (m, 1));
  g_autofree EvkRgba *scale = NULL;
  EvkRgba grey;

  for (guint c = 0; c < m; c++)
    {
      if (evk_table_column (table, c)->role == EVK_ENTRY_VALUE)
        values[n_values++] = c;
      else
        apart[n_apart++] = c;
    }
  /* The scale's order is its codes' order. */
  for (guint a = 1; a < n_values; a++)
    for (guint b = a; b > 0 && evk_table_column (table, values[b])->value <
                               evk_table_column (table, values[b - 1])->value; b--)
      {
        guint tmp = values[b];
        values[b] = values[b - 1];
        values[b - 1] = tmp;
      }
  for (guint i = 0; i < n_values; i++)
    evk_chart_style_diverging (ctx->style, n_values / 2, n_values % 2, n_values / 2, i, &colours[values[i]]);
  scale = g_new0 (EvkRgba, MAX (n_values, 1));
  for (guint i = 0; i < n_values; i++)
    scale[i] = colours[values[i]];
  evk_chart_style_dont_know_among (ctx->style, scale, n_values, &grey);
  for (guint i = 0; i < n_apart; i++)
    colours[apart[i]] = evk_table_column (table, apart[i])->role == EVK_ENTRY_DONT_KNOW || i == 0
                        ? grey : ctx->style->dont_know_alt;
  evk_chart_own_colours (table, colours);
}

void
evk_chart_draw_diverging (EvkChartCtx *ctx)
{
  EvkTable *table = ctx->tables[0];
  guint m = table->columns->len, n_values = 0;
  g_autofree guint *values = g_new0 (guint, MAX (m, 1));
  g_autofree guint *negative = g_new0 (guint, MAX (m, 1));
  g_autofree guint *positive = g_new0 (guint, MAX (m, 1));
  g_autofree guint *apart = g_new0 (guint, MAX (m, 1));
  g_autofree EvkRgba *colours = g_new0 (EvkRgba, MAX (m, 1));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  Diverging d = { table, labels, colours, negative, positive, apart, 0, 0, 0, -1 };
  EvkChartFrame frame;

  for (guint c = 0; c < m; c++)
    {
      if (evk_table_column (table, c)->role == EVK_ENTRY_VALUE)
        values[n_values++] = c;
      else
        apart[d.n_apart++] = c;
    }
  /* The scale's order is its codes' order. */
  for (guint a = 1; a < n_values; a++)
    for (guint b = a; b > 0 && evk_table_column (table, values[b])->value <
                               evk_table_column (table, values[b - 1])->value; b--)
      {
        guint tmp = values[b];
        values[b] = values[b - 1];
        values[b - 1] = tmp;
      }
  for (guint i = n_values / 2; i-- > 0;)
    negative[d.n_negative++] = values[i];
  if (n_values % 2 == 1)
    d.neutral = values[n_values / 2];
  for (guint i = (n_values + 1) / 2; i < n_values; i++)
    positive[d.n_positive++] = values[i];

  evk_chart_diverging_colours (ctx, table, colours);

  for (guint r = 0; r < table->rows->len; r++)
    {
      double left = d.neutral >= 0 ? share_of (table, r, d.neutral) / 2 : 0, right = left, rest = 0;

      for (guint i = 0; i < d.n_negative; i++)
        left += share_of (table, r, negative[i]);
      for (guint i = 0; i < d.n_positive; i++)
        right += share_of (table, r, positive[i]);
      for (guint i = 0; i < d.n_apart; i++)
        rest += share_of (table, r, apart[i]);
      d.left = MAX (d.left, left);
      d.right = MAX (d.right, right);
      d.apart_max = MAX (d.apart_max, rest);
      for (guint c = 0; c < m; c++)
        d.any_small = d.any_small || evk_chart_is_small (table, evk_table_cell (table, r, c));
      g_ptr_array_add (labels, g_strdup (evk_chart_label (ctx, evk_table_row (table, r))));
    }

  evk_chart_frame_init (&frame);
  frame.title = g_strdup (ctx->spec->caption);
  frame.subtitle = evk_chart_shorten_labels (labels);
  for (guint i = 0; i < n_values; i++)
    evk_chart_frame_legend (&frame, evk_chart_label (ctx, evk_table_column (table, values[i])),
                            &colours[values[i]], values[i], 0);
  for (guint i = 0; i < d.n_apart; i++)
    evk_chart_frame_legend (&frame, evk_chart_label (ctx, evk_table_column (table, apart[i])),
                            &colours[apart[i]], apart[i], 0);
  /* Each row prints its own N; the footer names the base. */
  evk_chart_frame_n (ctx, &frame, NULL, 0, table);
  if (d.any_small)
    evk_chart_frame_small_note (ctx, &frame, table);

  evk_chart_finish (ctx, &frame, &diverging_body, &d);
  evk_chart_frame_clear (&frame);
}
