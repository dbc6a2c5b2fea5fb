/* evk-chart-stack.c: stacked horizontal bars with labels that never collide
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

static void
segment_clear (gpointer data)
{
  EvkChartSegment *segment = data;

  g_free (segment->text);
  g_free (segment->tooltip);
}

static void
row_free (gpointer data)
{
  EvkChartStackRow *row = data;

  g_free (row->label);
  g_free (row->trailing);
  g_array_unref (row->segments);
  g_free (row);
}

EvkChartStack *
evk_chart_stack_new (double max)
{
  EvkChartStack *stack = g_new0 (EvkChartStack, 1);

  stack->rows = g_ptr_array_new_with_free_func (row_free);
  stack->max = max;
  return stack;
}

void
evk_chart_stack_free (EvkChartStack *stack)
{
  if (stack == NULL)
    return;
  g_ptr_array_unref (stack->rows);
  g_free (stack);
}

EvkChartStackRow *
evk_chart_stack_add_row (EvkChartStack *stack,
                         const char    *label,
                         guint          table,
                         int            row)
{
  EvkChartStackRow *r = g_new0 (EvkChartStackRow, 1);

  r->label = g_strdup (label);
  r->segments = g_array_new (FALSE, TRUE, sizeof (EvkChartSegment));
  g_array_set_clear_func (r->segments, segment_clear);
  r->table = table;
  r->row = row;
  g_ptr_array_add (stack->rows, r);
  return r;
}

EvkChartSegment *
evk_chart_stack_add_segment (EvkChartStackRow *row)
{
  EvkChartSegment segment = { 0 };

  segment.share = NAN;
  g_array_append_val (row->segments, segment);
  return &g_array_index (row->segments, EvkChartSegment, row->segments->len - 1);
}

/* ---- Layout ---------------------------------------------------------- */

typedef struct {
  PangoLayout  *label;
  double        label_h;
  PangoLayout  *trailing;
  PangoLayout **values;      /* per segment, NULL: none */
  double       *x0, *x1;     /* segment edges */
  guint8       *place;       /* 0 none, 1 inside, 2 above, 3 below */
  double       *callout_x;
  gboolean      above, below;
  double        band_h;      /* without the gaps around it */
  double        gap_before;
  double        bar_offset;  /* bar top from the band's top */
} RowLayout;

typedef struct {
  EvkChartStack *stack;
  RowLayout     *rows;
  double         label_w, trailing_w, bar_x, bar_w;
  gboolean       labels_above; /* narrow: each label on its own line over its bar */
  double         thickness, gap;
  gboolean       texts;       /* value labels and callouts */
  int            label_lines;
} Layout;

static void
layout_clear (Layout *l)
{
  if (l->rows == NULL)
    return;
  for (guint r = 0; r < l->stack->rows->len; r++)
    {
      RowLayout *row = &l->rows[r];
      EvkChartStackRow *src = g_ptr_array_index (l->stack->rows, r);

      g_clear_object (&row->label);
      g_clear_object (&row->trailing);
      for (guint s = 0; row->values != NULL && s < src->segments->len; s++)
        g_clear_object (&row->values[s]);
      g_free (row->values);
      g_free (row->x0);
      g_free (row->x1);
      g_free (row->place);
      g_free (row->callout_x);
    }
  g_clear_pointer (&l->rows, g_free);
}

static double
callout_height (EvkChartCtx *ctx)
{
  return ctx->line + 0.4 * ctx->line;
}

/* Puts the labels that do not fit inside their segment above the bar,
 * and below when one line is not enough; FALSE when even two are not. */
static gboolean
place_callouts (EvkChartCtx *ctx,
                Layout      *l,
                RowLayout   *row,
                guint        n)
{
  g_autofree double *w = g_new (double, n), *c = g_new (double, n), *x = g_new (double, n);
  g_autofree guint *index = g_new (guint, n);
  double gap = 0.5 * ctx->em, lo = l->bar_x, hi = l->bar_x + l->bar_w;
  guint k = 0;

  for (guint s = 0; s < n; s++)
    if (row->place[s] >= 2)
      {
        evk_chart_text_size (row->values[s], &w[k], NULL);
        c[k] = (row->x0[s] + row->x1[s]) / 2;
        index[k++] = s;
      }
  if (k == 0)
    return TRUE;

  if (evk_chart_place_labels (w, c, k, lo, hi, gap, x))
    {
      for (guint i = 0; i < k; i++)
        {
          row->place[index[i]] = 2;
          row->callout_x[index[i]] = x[i];
        }
      row->above = TRUE;
      return TRUE;
    }

  /* Alternate above and below. */
  for (guint pass = 0; pass < 2; pass++)
    {
      double lw[64], lc[64], lx[64];
      guint li[64], m = 0;

      for (guint i = pass; i < k && m < G_N_ELEMENTS (lw); i += 2)
        {
          lw[m] = w[i];
          lc[m] = c[i];
          li[m++] = index[i];
        }
      if (!evk_chart_place_labels (lw, lc, m, lo, hi, gap, lx))
        return FALSE;
      for (guint i = 0; i < m; i++)
        {
          row->place[li[i]] = pass == 0 ? 2 : 3;
          row->callout_x[li[i]] = lx[i];
        }
    }
  row->above = TRUE;
  row->below = k > 1;
  return TRUE;
}

/* Lays the rows out at width with bars of the given thickness; returns the
 * total height. */
static double
layout_rows (EvkChartCtx   *ctx,
             Layout        *l,
             double         width,
             double         thickness,
             double         gap,
             int            label_lines,
             gboolean       with_texts)
{
  EvkChartStack *stack = l->stack;
  guint n_rows = stack->rows->len;
  double total = 0, pad = 0.3 * ctx->em, sep = 1 / ctx->px;
  gboolean any_label = FALSE;
  g_autofree PangoLayout **labels = g_new0 (PangoLayout *, MAX (n_rows, 1));
  g_autofree const char **texts = g_new0 (const char *, MAX (n_rows, 1));

  layout_clear (l);
  l->rows = g_new0 (RowLayout, stack->rows->len);
  l->thickness = thickness;
  l->gap = gap;
  l->texts = with_texts;
  l->label_lines = label_lines;

  l->trailing_w = 0;
  for (guint r = 0; r < stack->rows->len; r++)
    {
      EvkChartStackRow *row = g_ptr_array_index (stack->rows, r);

      texts[r] = row->label;
      any_label = any_label || row->label != NULL;
      if (row->trailing != NULL && with_texts)
        {
          double w;

          l->rows[r].trailing = evk_chart_text (ctx, EVK_CHART_FONT_BODY, row->trailing, 0, 0);
          evk_chart_text_size (l->rows[r].trailing, &w, NULL);
          l->trailing_w = MAX (l->trailing_w, w + 0.5 * ctx->em);
        }
    }
  l->labels_above = FALSE;
  l->label_w = 0;
  l->bar_x = 0;
  if (any_label && label_lines > 0)
    {
      gboolean wraps;

      l->label_w = evk_chart_label_column (ctx, NULL, texts, n_rows, 0.38 * width, label_lines, labels, &wraps);
      l->bar_x = l->label_w + 0.8 * ctx->em;
      /* A narrow chart gives its labels the whole width above the bars
       * rather than a column where they wrap to many short lines. */
      if (wraps && width < 36 * ctx->em)
        {
          l->labels_above = TRUE;
          l->label_w = width;
          l->bar_x = 0;
          for (guint r = 0; r < n_rows; r++)
            {
              g_clear_object (&labels[r]);
              if (texts[r] != NULL)
                labels[r] = evk_chart_text (ctx, EVK_CHART_FONT_BODY, texts[r], width, label_lines);
            }
        }
    }
  l->bar_w = MAX (width - l->bar_x - l->trailing_w, 1);
  if (l->trailing_w > width * 0.3)
    {
      /* A total too wide for the room goes rather than squeezing the bars. */
      for (guint r = 0; r < stack->rows->len; r++)
        g_clear_object (&l->rows[r].trailing);
      l->trailing_w = 0;
      l->bar_w = MAX (width - l->bar_x, 1);
    }

  for (guint r = 0; r < stack->rows->len; r++)
    {
      EvkChartStackRow *src = g_ptr_array_index (stack->rows, r);
      RowLayout *row = &l->rows[r];
      guint n = src->segments->len;
      double apart_gap = 0.6 * ctx->em, cum = 0, scale, content;
      guint n_apart_values = 0;
      gboolean seen_apart = FALSE;

      row->values = g_new0 (PangoLayout *, MAX (n, 1));
      row->x0 = g_new0 (double, MAX (n, 1));
      row->x1 = g_new0 (double, MAX (n, 1));
      row->place = g_new0 (guint8, MAX (n, 1));
      row->callout_x = g_new0 (double, MAX (n, 1));

      for (guint s = 0; s < n; s++)
        {
          EvkChartSegment *seg = &g_array_index (src->segments, EvkChartSegment, s);
          if (seg->apart && seg->value > 0)
            n_apart_values++;
        }
      scale = stack->max > 0 ? (l->bar_w - (n_apart_values > 0 ? apart_gap : 0)) / stack->max : 0;
      scale = MAX (scale, 0);

      for (guint s = 0; s < n; s++)
        {
          EvkChartSegment *seg = &g_array_index (src->segments, EvkChartSegment, s);
          double v = isnan (seg->value) || seg->value < 0 ? 0 : seg->value;

          if (seg->apart && !seen_apart && n_apart_values > 0)
            {
              seen_apart = TRUE;
              cum += apart_gap / MAX (scale, 1e-9);
            }
          row->x0[s] = l->bar_x + evk_chart_snap (ctx, cum * scale);
          cum += v;
          row->x1[s] = l->bar_x + evk_chart_snap (ctx, cum * scale);
          row->x1[s] = MIN (row->x1[s], l->bar_x + l->bar_w);
          row->x0[s] = MIN (row->x0[s], row->x1[s]);

          if (with_texts && seg->text != NULL && v > 0)
            {
              double w, h;

              row->values[s] = evk_chart_text (ctx, EVK_CHART_FONT_BODY, seg->text, 0, 0);
              evk_chart_text_size (row->values[s], &w, &h);
              row->place[s] = w + 2 * pad <= row->x1[s] - row->x0[s] - sep && h <= thickness ? 1 : 2;
            }
        }

      if (with_texts && !place_callouts (ctx, l, row, n))
        for (guint s = 0; s < n; s++)
          if (row->place[s] >= 2)
            {
              /* No room anywhere: the value stays in the tooltip. */
              row->place[s] = 0;
              g_clear_object (&row->values[s]);
            }

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
      /* Labels above a bar need air from the bar before. */
      row->gap_before = r > 0 ? (row->above ? gap * 1.4 : gap) + (src->apart ? gap : 0) : 0;
      total += row->band_h + row->gap_before;
    }
  for (guint r = 0; r < n_rows; r++)
    g_clear_object (&labels[r]);
  return total;
}

static double
natural_thickness (EvkChartCtx *ctx)
{
  return 2.0 * ctx->line;
}

static double
stack_measure (EvkChartCtx *ctx,
               gpointer     data,
               double       width)
{
  Layout l = { data };
  double h = layout_rows (ctx, &l, width, natural_thickness (ctx), 0.7 * ctx->line, 6, TRUE);

  layout_clear (&l);
  return h;
}

static void
stack_draw (EvkChartCtx        *ctx,
            gpointer            data,
            const EvkChartRect *plot)
{
  EvkChartStack *stack = data;
  Layout l = { stack };
  double t = natural_thickness (ctx), gap = 0.7 * ctx->line, h, y;
  double sep = 1 / ctx->px;
  guint n_rows = stack->rows->len;

  /* Thinner bars, then tighter gaps, then fewer label lines, and last a
   * plain grid of bars without words. */
  h = layout_rows (ctx, &l, plot->width, t, gap, 6, TRUE);
  if (h < plot->height - 1)
    {
      /* Room to spare: thicker bars and wider gaps, the words as they are.
       * Heights grow about linearly with the factor. */
      double h2 = layout_rows (ctx, &l, plot->width, 2 * t, 2 * gap, 6, TRUE);
      double f = h2 > h ? CLAMP (1 + (plot->height - h - 0.5) / (h2 - h), 1, 4) : 1;

      for (guint k = 0; k < 3; k++, f = 1 + (f - 1) * 0.95)
        if ((h = layout_rows (ctx, &l, plot->width, f * t, f * gap, 6, TRUE)) <= plot->height)
          break;
      t *= f;
      gap *= f;
      if (h > plot->height)
        h = layout_rows (ctx, &l, plot->width, t = natural_thickness (ctx), gap = 0.7 * ctx->line, 6, TRUE);
    }
  while (h > plot->height && t > 1.25 * ctx->line)
    {
      t = MAX (t * 0.95, 1.2 * ctx->line);
      h = layout_rows (ctx, &l, plot->width, t, gap, 6, TRUE);
    }
  if (h > plot->height)
    h = layout_rows (ctx, &l, plot->width, t, gap = 0.3 * ctx->line, 2, TRUE);
  if (h > plot->height)
    h = layout_rows (ctx, &l, plot->width, t, gap, 1, TRUE);
  if (h > plot->height && n_rows > 0)
    {
      double band = plot->height / n_rows;
      gboolean words = band >= ctx->line * 1.05;

      gap = band * 0.25;
      t = MAX (band - gap, 0);
      h = layout_rows (ctx, &l, plot->width, t, gap, words ? 1 : 0, words && t >= ctx->line);
      if (h > plot->height)
        {
          /* Labels or totals still too tall: bars alone. */
          gap = band * 0.25;
          h = layout_rows (ctx, &l, plot->width, band - gap, gap * (n_rows > 1 ? 1 : 0), 0, FALSE);
        }
    }

  y = plot->y;
  for (guint r = 0; r < n_rows; r++)
    {
      EvkChartStackRow *src = g_ptr_array_index (stack->rows, r);
      RowLayout *row = &l.rows[r];
      double bar_y, bar_h = l.thickness, ox = plot->x;

      if (src->apart && r > 0)
        evk_chart_hline (ctx, plot->x, plot->x + plot->width, y + row->gap_before / 2, &ctx->style->grid, 1);
      y += row->gap_before;
      if (y + row->band_h > plot->y + plot->height + 0.5)
        break;
      bar_y = y + row->bar_offset;

      if (row->label != NULL)
        {
          double ly = l.labels_above ? y : CLAMP (bar_y + bar_h / 2 - row->label_h / 2, y, y + row->band_h - row->label_h);

          evk_chart_show (ctx, row->label, ox, ly, &ctx->style->text);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_ROW_LABEL, ox, ly, l.label_w, row->label_h, src->table,
                             src->row, -1, 0, NAN, src->label);
        }

      for (guint s = 0; s < src->segments->len; s++)
        {
          EvkChartSegment *seg = &g_array_index (src->segments, EvkChartSegment, s);
          double x0 = ox + row->x0[s], x1 = ox + row->x1[s];
          /* A hairline of background between segments, so neighbours stay
           * apart in greyscale and in print. */
          double right = s + 1 < src->segments->len && x1 - x0 > 3 * sep ? x1 - sep : x1;

          if (x1 <= x0)
            continue;
          evk_chart_fill_rect (ctx, x0, bar_y, right - x0, bar_h, &seg->fill);
          if (seg->small)
            evk_chart_hatch (ctx, x0, bar_y, right - x0, bar_h, &seg->fill);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_CELL, x0, bar_y, x1 - x0, bar_h, seg->table, seg->row,
                             seg->column, seg->n, seg->share, seg->tooltip);

          if (row->place[s] == 1)
            {
              EvkRgba ink;
              double w, h2;

              evk_chart_style_text_on (ctx->style, &seg->fill, &ink);
              evk_chart_text_size (row->values[s], &w, &h2);
              evk_chart_show (ctx, row->values[s], (x0 + right) / 2 - w / 2, bar_y + (bar_h - h2) / 2, &ink);
            }
          else if (row->place[s] >= 2)
            {
              double w, h2, lx = ox + row->callout_x[s], cx = (x0 + x1) / 2;
              gboolean above = row->place[s] == 2;
              double ly = above ? bar_y - callout_height (ctx) : bar_y + bar_h + 0.4 * ctx->line;
              /* The leader runs from the segment's middle to the label. */
              double bar_end = above ? bar_y : bar_y + bar_h;
              double label_end = above ? ly + ctx->line : ly;

              evk_chart_text_size (row->values[s], &w, &h2);
              evk_chart_show (ctx, row->values[s], lx, ly, &ctx->style->text);
              if (!ctx->measuring)
                {
                  double lw = MAX (ctx->style->hairline * ctx->pt, 1 / ctx->px);
                  evk_chart_set_colour (ctx, &ctx->style->text_secondary);
                  cairo_set_line_width (ctx->cr, lw);
                  cairo_move_to (ctx->cr, cx, bar_end);
                  cairo_line_to (ctx->cr, CLAMP (cx, lx + 0.2 * w, lx + 0.8 * w), label_end);
                  cairo_stroke (ctx->cr);
                }
            }
        }

      if (row->trailing != NULL)
        {
          double w, h2;

          double end = l.bar_x;

          /* Right after its own bar, where the eye ends. */
          for (guint s = 0; s < src->segments->len; s++)
            end = MAX (end, row->x1[s]);
          evk_chart_text_size (row->trailing, &w, &h2);
          evk_chart_show (ctx, row->trailing, ox + end + 0.5 * ctx->em, bar_y + (bar_h - h2) / 2,
                          &ctx->style->text_secondary);
        }
      y += row->band_h;
    }
  layout_clear (&l);
}

const EvkChartBody evk_chart_stack_body = { stack_measure, stack_draw, TRUE };
