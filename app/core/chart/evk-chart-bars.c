/* evk-chart-bars.c: simple and grouped bars, across or upright, in panels
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>

#include "evk-chart-private.h"

static void
bar_clear (gpointer data)
{
  EvkChartBar *bar = data;

  g_free (bar->text);
  g_free (bar->tooltip);
}

static void
bar_row_free (gpointer data)
{
  EvkChartBarRow *row = data;

  g_free (row->label);
  g_array_unref (row->bars);
  g_free (row);
}

EvkChartBars *
evk_chart_bars_new (void)
{
  EvkChartBars *bars = g_new0 (EvkChartBars, 1);

  bars->rows = g_ptr_array_new_with_free_func (bar_row_free);
  bars->axis = TRUE;
  bars->percent = TRUE;
  return bars;
}

void
evk_chart_bars_free (EvkChartBars *bars)
{
  if (bars == NULL)
    return;
  g_ptr_array_unref (bars->rows);
  g_free (bars->heading);
  g_free (bars);
}

EvkChartBarRow *
evk_chart_bars_add_row (EvkChartBars *bars,
                        const char   *label,
                        guint         table,
                        int           row)
{
  EvkChartBarRow *r = g_new0 (EvkChartBarRow, 1);

  r->label = g_strdup (label);
  r->bars = g_array_new (FALSE, TRUE, sizeof (EvkChartBar));
  g_array_set_clear_func (r->bars, bar_clear);
  r->table = table;
  r->row = row;
  g_ptr_array_add (bars->rows, r);
  return r;
}

EvkChartBar *
evk_chart_bars_add_bar (EvkChartBarRow *row)
{
  EvkChartBar bar = { 0 };

  bar.value = NAN;
  bar.share = NAN;
  g_array_append_val (row->bars, bar);
  return &g_array_index (row->bars, EvkChartBar, row->bars->len - 1);
}

static guint
n_series (EvkChartBars *bars)
{
  guint n = 0;

  for (guint r = 0; r < bars->rows->len; r++)
    n = MAX (n, ((EvkChartBarRow *) g_ptr_array_index (bars->rows, r))->bars->len);
  return n;
}

static double
max_value (EvkChartBars *bars)
{
  double max = 0;

  if (bars->max > 0)
    return bars->max;
  for (guint r = 0; r < bars->rows->len; r++)
    {
      EvkChartBarRow *row = g_ptr_array_index (bars->rows, r);
      for (guint b = 0; b < row->bars->len; b++)
        {
          double v = g_array_index (row->bars, EvkChartBar, b).value;
          if (!isnan (v))
            max = MAX (max, v);
        }
    }
  return max;
}

static char *
tick_text (EvkChartCtx  *ctx,
           EvkChartBars *bars,
           double        value)
{
  return bars->percent ? evk_chart_share_text (ctx, value) : evk_chart_count_text (ctx, value);
}

/* ---- Across: one or more panels sharing row labels -------------------- */

typedef struct {
  EvkChartBars **panels;
  guint          n_panels;
  guint          n_series;
  guint          n_rows;
  double         label_w;
  gboolean       labels_above;   /* narrow: each label on its own line over its bars */
  double         panel_x[8], panel_w;
  double         thickness, gap, apart_gap, heading_h, axis_h;
  PangoLayout  **labels;         /* per row */
  double        *label_h;
  double        *band_h;
  PangoLayout  **headings;       /* per panel */
  double         scale;          /* user units per value */
  gboolean       texts;
} Across;

static void
across_clear (Across *a)
{
  for (guint r = 0; a->labels != NULL && r < a->n_rows; r++)
    g_clear_object (&a->labels[r]);
  for (guint p = 0; a->headings != NULL && p < a->n_panels; p++)
    g_clear_object (&a->headings[p]);
  g_clear_pointer (&a->labels, g_free);
  g_clear_pointer (&a->label_h, g_free);
  g_clear_pointer (&a->band_h, g_free);
  g_clear_pointer (&a->headings, g_free);
}

/* The scale at which every value label fits inside its bar or beside it
 * within the panel. */
static double
fit_scale (EvkChartCtx *ctx,
           Across      *a,
           double       span)
{
  double max = 0, pad = 0.3 * ctx->em, scale;

  for (guint p = 0; p < a->n_panels; p++)
    max = MAX (max, max_value (a->panels[p]));
  if (max <= 0)
    return 0;
  scale = span / max;
  if (!a->texts)
    return scale;

  for (guint round = 0; round < 4; round++)
    {
      double next = span / max;

      for (guint p = 0; p < a->n_panels; p++)
        for (guint r = 0; r < a->panels[p]->rows->len; r++)
          {
            EvkChartBarRow *row = g_ptr_array_index (a->panels[p]->rows, r);

            for (guint b = 0; b < row->bars->len; b++)
              {
                EvkChartBar *bar = &g_array_index (row->bars, EvkChartBar, b);
                double w;

                if (bar->text == NULL || isnan (bar->value) || bar->value <= 0)
                  continue;
                w = evk_chart_text_width (ctx, EVK_CHART_FONT_BODY, bar->text);
                if (w + 2 * pad <= bar->value * scale && ctx->line <= a->thickness)
                  continue;
                next = MIN (next, (span - pad - w) / bar->value);
              }
          }
      if (fabs (next - scale) < 1e-9)
        break;
      scale = MAX (next, 0);
    }
  return scale;
}

static double
across_layout (EvkChartCtx   *ctx,
               Across        *a,
               double         width,
               double         thickness,
               double         gap,
               int            label_lines,
               gboolean       texts)
{
  EvkChartBars *first = a->panels[0];
  double total = 0, panel_gap = 1.5 * ctx->em;
  g_autofree const char **label_texts = NULL;
  gboolean any_label = FALSE;

  across_clear (a);
  a->n_rows = first->rows->len;
  a->n_series = 0;
  for (guint p = 0; p < a->n_panels; p++)
    a->n_series = MAX (a->n_series, n_series (a->panels[p]));
  a->thickness = thickness;
  a->gap = gap;
  a->apart_gap = gap + 0.6 * ctx->line;
  a->texts = texts;
  a->labels = g_new0 (PangoLayout *, MAX (a->n_rows, 1));
  a->label_h = g_new0 (double, MAX (a->n_rows, 1));
  a->band_h = g_new0 (double, MAX (a->n_rows, 1));
  a->headings = g_new0 (PangoLayout *, a->n_panels);

  label_texts = g_new0 (const char *, MAX (a->n_rows, 1));
  for (guint r = 0; r < a->n_rows; r++)
    {
      label_texts[r] = ((EvkChartBarRow *) g_ptr_array_index (first->rows, r))->label;
      any_label = any_label || label_texts[r] != NULL;
    }
  {
    double share = a->n_panels > 1 ? 0.3 : 0.4;
    double x;

    a->labels_above = FALSE;
    a->label_w = 0;
    if (any_label && label_lines > 0)
      {
        gboolean wraps;

        a->label_w = evk_chart_label_column (ctx, NULL, label_texts, a->n_rows, share * width, label_lines, a->labels, &wraps);
        /* A narrow chart gives its labels the whole width above the bars
         * rather than a column where they wrap to many short lines. */
        if (wraps && width < 36 * ctx->em)
          {
            a->labels_above = TRUE;
            a->label_w = width;
            for (guint r = 0; r < a->n_rows; r++)
              {
                g_clear_object (&a->labels[r]);
                if (label_texts[r] != NULL)
                  a->labels[r] = evk_chart_text (ctx, EVK_CHART_FONT_BODY, label_texts[r], width, label_lines);
              }
          }
      }
    x = a->label_w > 0 && !a->labels_above ? a->label_w + 0.8 * ctx->em : 0;
    a->panel_w = MAX ((width - x - panel_gap * (a->n_panels - 1)) / a->n_panels, 1);
    for (guint p = 0; p < a->n_panels && p < G_N_ELEMENTS (a->panel_x); p++)
      a->panel_x[p] = x + p * (a->panel_w + panel_gap);
  }

  a->heading_h = 0;
  for (guint p = 0; p < a->n_panels; p++)
    if (a->panels[p]->heading != NULL && texts)
      {
        double h;

        a->headings[p] = evk_chart_text (ctx, EVK_CHART_FONT_BOLD, a->panels[p]->heading, a->panel_w, 4);
        evk_chart_text_size (a->headings[p], NULL, &h);
        a->heading_h = MAX (a->heading_h, h + 0.4 * ctx->line);
      }
  a->axis_h = first->axis && texts ? ctx->small_line + 0.3 * ctx->line : 0;

  for (guint r = 0; r < a->n_rows; r++)
    {
      EvkChartBarRow *row = g_ptr_array_index (first->rows, r);

      if (a->labels[r] != NULL)
        evk_chart_text_size (a->labels[r], NULL, &a->label_h[r]);
      if (a->labels_above)
        a->band_h[r] = (a->label_h[r] > 0 ? a->label_h[r] + 0.2 * ctx->line : 0) + a->n_series * thickness;
      else
        a->band_h[r] = MAX (a->label_h[r], a->n_series * thickness);
      total += a->band_h[r] + (r > 0 ? (row->apart ? a->apart_gap : gap) : 0);
    }
  a->scale = fit_scale (ctx, a, a->panel_w);
  return a->heading_h + total + a->axis_h;
}

static double
thickness_for (EvkChartCtx *ctx,
               guint        series)
{
  return (series > 1 ? 1.3 : 1.6) * ctx->line;
}

static double
across_measure (EvkChartCtx *ctx,
                Across      *a,
                double       width)
{
  guint series = 0;
  double h;

  for (guint p = 0; p < a->n_panels; p++)
    series = MAX (series, n_series (a->panels[p]));
  h = across_layout (ctx, a, width, thickness_for (ctx, series), (series > 1 ? 0.8 : 0.5) * ctx->line, 6, TRUE);
  across_clear (a);
  return h;
}

static void
draw_ticks (EvkChartCtx  *ctx,
            Across       *a,
            double        x0,
            double        top,
            double        bottom)
{
  EvkChartBars *bars = a->panels[0];
  double domain = a->scale > 0 ? a->panel_w / a->scale : 0;
  double step, last_right = -G_MAXDOUBLE;
  guint wanted = (guint) CLAMP (a->panel_w / (6 * ctx->em), 2, 6);

  if (domain <= 0)
    return;
  step = evk_chart_axis_step (max_value (bars) > 0 ? MIN (domain, max_value (bars) * 1.0001) : domain, wanted);
  for (guint k = 0; k * step <= domain + 1e-9 && k < 100; k++)
    {
      double x = x0 + k * step * a->scale;
      g_autofree char *text = tick_text (ctx, bars, k * step);
      g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, text, 0, 0);
      double w, h, lx;

      if (k > 0)
        evk_chart_vline (ctx, x, top, bottom, &ctx->style->grid, 1);
      if (a->axis_h <= 0)
        continue;
      evk_chart_text_size (layout, &w, &h);
      lx = CLAMP (x - w / 2, x0, x0 + a->panel_w - w);
      if (lx < last_right + 0.5 * ctx->em)
        continue;
      evk_chart_show (ctx, layout, lx, bottom + 0.3 * ctx->line, &ctx->style->text_secondary);
      last_right = lx + w;
    }
}

static void
across_draw (EvkChartCtx        *ctx,
             Across             *a,
             const EvkChartRect *plot)
{
  guint series = 0;
  double t, gap, h, y, pad = 0.3 * ctx->em, rows_top, rows_bottom;

  for (guint p = 0; p < a->n_panels; p++)
    series = MAX (series, n_series (a->panels[p]));
  t = thickness_for (ctx, series);
  gap = (series > 1 ? 0.8 : 0.5) * ctx->line;

  h = across_layout (ctx, a, plot->width, t, gap, 6, TRUE);
  if (h < plot->height - 1)
    {
      /* Room to spare: thicker bars, wider gaps, the words as they are. */
      double t0 = t, gap0 = gap;
      double h2 = across_layout (ctx, a, plot->width, 2 * t, 2 * gap, 6, TRUE);
      double f = h2 > h ? CLAMP (1 + (plot->height - h - 0.5) / (h2 - h), 1, 4) : 1;

      for (guint k = 0; k < 3; k++, f = 1 + (f - 1) * 0.95)
        if ((h = across_layout (ctx, a, plot->width, f * t0, f * gap0, 6, TRUE)) <= plot->height)
          break;
      t = f * t0;
      gap = f * gap0;
      if (h > plot->height)
        h = across_layout (ctx, a, plot->width, t = t0, gap = gap0, 6, TRUE);
    }
  while (h > plot->height && t > 0.8 * ctx->line / MAX (series, 1) + 1e-9)
    {
      t = MAX (t * 0.95, 0.8 * ctx->line / MAX (series, 1));
      gap = MAX (gap * 0.95, 0.25 * ctx->line);
      h = across_layout (ctx, a, plot->width, t, gap, 6, TRUE);
    }
  if (h > plot->height)
    h = across_layout (ctx, a, plot->width, t, gap, 1, TRUE);
  if (h > plot->height && a->panels[0]->rows->len > 0)
    {
      double band = plot->height / a->panels[0]->rows->len;
      gboolean words = band >= 1.05 * ctx->line && plot->height > 4 * ctx->line;

      gap = band * 0.25;
      t = (band - gap) / MAX (series, 1);
      h = across_layout (ctx, a, plot->width, t, gap, words ? 1 : 0, words);
      if (h > plot->height)
        {
          double rows_h = plot->height - a->heading_h - a->axis_h;
          band = MAX (rows_h, 0) / a->panels[0]->rows->len;
          gap = band * 0.25;
          t = (band - gap) / MAX (series, 1);
          h = across_layout (ctx, a, plot->width, t, gap, words ? 1 : 0, words);
          if (h > plot->height)
            h = across_layout (ctx, a, plot->width, t, gap, 0, FALSE);
        }
    }

  for (guint p = 0; p < a->n_panels; p++)
    if (a->headings[p] != NULL)
      evk_chart_show (ctx, a->headings[p], plot->x + a->panel_x[p], plot->y, &ctx->style->text);

  rows_top = plot->y + a->heading_h;
  rows_bottom = rows_top;
  for (guint r = 0; r < a->n_rows; r++)
    rows_bottom += a->band_h[r] + (r > 0 ? (((EvkChartBarRow *) g_ptr_array_index (a->panels[0]->rows, r))->apart
                                            ? a->apart_gap : a->gap) : 0);
  rows_bottom = MIN (rows_bottom, plot->y + plot->height - a->axis_h);

  for (guint p = 0; p < a->n_panels; p++)
    draw_ticks (ctx, a, plot->x + a->panel_x[p], rows_top, rows_bottom);

  y = rows_top;
  for (guint r = 0; r < a->n_rows; r++)
    {
      EvkChartBarRow *first_row = g_ptr_array_index (a->panels[0]->rows, r);
      double group_h = a->n_series * a->thickness, gy;

      if (r > 0)
        y += first_row->apart ? a->apart_gap : a->gap;
      if (y + a->band_h[r] > rows_bottom + 0.5)
        break;
      gy = a->labels_above ? y + a->band_h[r] - group_h : y + (a->band_h[r] - group_h) / 2;

      if (a->labels[r] != NULL)
        {
          double ly = a->labels_above ? y : y + (a->band_h[r] - a->label_h[r]) / 2;
          evk_chart_show (ctx, a->labels[r], plot->x, ly, &ctx->style->text);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_ROW_LABEL, plot->x, ly, a->label_w, a->label_h[r],
                             first_row->table, first_row->row, -1, 0, NAN, first_row->label);
        }

      for (guint p = 0; p < a->n_panels; p++)
        {
          EvkChartBarRow *row = r < a->panels[p]->rows->len ? g_ptr_array_index (a->panels[p]->rows, r) : NULL;
          double x0 = plot->x + a->panel_x[p];

          for (guint b = 0; row != NULL && b < row->bars->len; b++)
            {
              EvkChartBar *bar = &g_array_index (row->bars, EvkChartBar, b);
              double by = gy + b * a->thickness, bw, bh = a->thickness;
              /* Bars of a group touch; a hairline of background keeps them
               * apart. */
              double inset = b + 1 < row->bars->len && bh > 4 / ctx->px ? 1 / ctx->px : 0;

              if (isnan (bar->value))
                continue;
              bw = MAX (bar->value, 0) * a->scale;
              evk_chart_fill_rect (ctx, x0, by, bw, bh - inset, &bar->fill);
              if (bar->small)
                evk_chart_hatch (ctx, x0, by, bw, bh - inset, &bar->fill);
              evk_chart_add_hit (ctx, EVK_CHART_HIT_CELL, x0, by, MAX (bw, 2 / ctx->px), bh, bar->table,
                                 bar->row, bar->column, bar->n, bar->share, bar->tooltip);

              if (a->texts && bar->text != NULL && ctx->line <= bh + 0.5 * ctx->line)
                {
                  g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_BODY, bar->text, 0, 0);
                  double w, th;

                  evk_chart_text_size (layout, &w, &th);
                  if (w + 2 * pad <= bw && th <= bh)
                    {
                      EvkRgba ink;
                      evk_chart_style_text_on (ctx->style, &bar->fill, &ink);
                      evk_chart_show (ctx, layout, x0 + bw - pad - w, by + (bh - inset - th) / 2, &ink);
                    }
                  else if (x0 + bw + pad + w <= x0 + a->panel_w + 0.5)
                    evk_chart_show (ctx, layout, x0 + bw + pad, by + (bh - inset - th) / 2, &ctx->style->text);
                }
            }
        }
      y += a->band_h[r];
    }
  for (guint p = 0; p < a->n_panels; p++)
    evk_chart_vline (ctx, plot->x + a->panel_x[p], rows_top, rows_bottom, &ctx->style->baseline, 1);
  across_clear (a);
}

/* ---- Upright: categories along the bottom ---------------------------- */

static double
up_measure (EvkChartCtx  *ctx,
            EvkChartBars *bars,
            double        width)
{
  guint n = bars->rows->len;
  double slot = n > 0 ? width / n : width, label_h = 0;

  for (guint r = 0; r < n; r++)
    {
      EvkChartBarRow *row = g_ptr_array_index (bars->rows, r);
      g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_BODY, row->label,
                                                       slot - 0.6 * ctx->em, 4);
      double h;

      evk_chart_text_size (layout, NULL, &h);
      label_h = MAX (label_h, h);
    }
  return CLAMP (width * 0.42, 9 * ctx->line, 20 * ctx->line) + label_h + 0.5 * ctx->line;
}

static void
up_draw (EvkChartCtx        *ctx,
         EvkChartBars       *bars,
         const EvkChartRect *plot)
{
  guint n = bars->rows->len, series = n_series (bars), n_apart = 0;
  double max = max_value (bars), tick_w = 0, step, area_x, area_w, slot, col_w, apart_gap;
  double label_h = 0, top, bottom, scale, pad = 0.3 * ctx->em;
  gboolean texts = TRUE;
  g_autofree PangoLayout **labels = g_new0 (PangoLayout *, MAX (n, 1));
  guint wanted;

  for (guint r = 0; r < n; r++)
    if (((EvkChartBarRow *) g_ptr_array_index (bars->rows, r))->apart)
      n_apart++;

  wanted = (guint) CLAMP (plot->height / (4 * ctx->line), 2, 6);
  step = evk_chart_axis_step (max, wanted);
  if (bars->axis)
    for (guint k = 0; k * step <= max + 1e-9 && k < 100; k++)
      {
        g_autofree char *text = tick_text (ctx, bars, k * step);
        tick_w = MAX (tick_w, evk_chart_text_width (ctx, EVK_CHART_FONT_SMALL, text));
      }
  area_x = plot->x + (tick_w > 0 ? tick_w + 0.5 * ctx->em : 0);
  apart_gap = n_apart > 0 ? 1.0 * ctx->em : 0;
  area_w = MAX (plot->x + plot->width - area_x - apart_gap, 1);
  slot = n > 0 ? area_w / n : area_w;
  col_w = MIN (slot * 0.78 / MAX (series, 1), 4.5 * ctx->em);

  for (guint r = 0; r < n; r++)
    {
      EvkChartBarRow *row = g_ptr_array_index (bars->rows, r);
      double h;

      labels[r] = evk_chart_text_aligned (ctx, EVK_CHART_FONT_BODY, row->label, MAX (slot - 0.6 * ctx->em, 1), 4,
                                          PANGO_ALIGN_CENTER);
      evk_chart_text_size (labels[r], NULL, &h);
      label_h = MAX (label_h, h);
    }
  if (label_h > plot->height * 0.4 || slot < 1.5 * ctx->em)
    {
      /* Too narrow or short for words: plain columns. */
      texts = FALSE;
      label_h = 0;
    }

  top = plot->y + (texts ? ctx->line + pad : 0) + (tick_w > 0 ? ctx->small_line / 2 : 0);
  bottom = plot->y + plot->height - (texts ? label_h + 0.5 * ctx->line : 0);
  if (bottom - top < 1)
    {
      texts = FALSE;
      top = plot->y;
      bottom = plot->y + plot->height;
    }
  scale = max > 0 ? (bottom - top) / max : 0;

  if (bars->axis)
    for (guint k = 0; k * step <= max + 1e-9 && k < 100; k++)
      {
        double y = bottom - k * step * scale;
        g_autofree char *text = tick_text (ctx, bars, k * step);
        g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, text, 0, 0);
        double w, h;

        if (k > 0)
          evk_chart_hline (ctx, area_x, plot->x + plot->width, y, &ctx->style->grid, 1);
        evk_chart_text_size (layout, &w, &h);
        if (tick_w > 0 && h <= plot->height && y - h / 2 >= plot->y && y + h / 2 <= plot->y + plot->height)
          evk_chart_show (ctx, layout, area_x - 0.5 * ctx->em - w, y - h / 2, &ctx->style->text_secondary);
      }

  for (guint r = 0; r < n; r++)
    {
      EvkChartBarRow *row = g_ptr_array_index (bars->rows, r);
      double sx = area_x + r * slot + (row->apart ? apart_gap : 0);
      double group_w = col_w * row->bars->len;
      double gx = sx + (slot - group_w) / 2;

      if (texts)
        {
          evk_chart_show (ctx, labels[r], sx + 0.3 * ctx->em, bottom + 0.4 * ctx->line, &ctx->style->text);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_ROW_LABEL, sx, bottom, slot, label_h + 0.4 * ctx->line,
                             row->table, row->row, -1, 0, NAN, row->label);
        }
      for (guint b = 0; b < row->bars->len; b++)
        {
          EvkChartBar *bar = &g_array_index (row->bars, EvkChartBar, b);
          double bx = gx + b * col_w, bh, inset = b + 1 < row->bars->len && col_w > 4 / ctx->px ? 1 / ctx->px : 0;

          if (isnan (bar->value))
            continue;
          bh = MAX (bar->value, 0) * scale;
          evk_chart_fill_rect (ctx, bx, bottom - bh, col_w - inset, bh, &bar->fill);
          if (bar->small)
            evk_chart_hatch (ctx, bx, bottom - bh, col_w - inset, bh, &bar->fill);
          evk_chart_add_hit (ctx, EVK_CHART_HIT_CELL, bx, bottom - bh, col_w, MAX (bh, 2 / ctx->px), bar->table,
                             bar->row, bar->column, bar->n, bar->share, bar->tooltip);
          if (texts && bar->text != NULL)
            {
              g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_BODY, bar->text, 0, 0);
              double w, h;

              evk_chart_text_size (layout, &w, &h);
              if (w <= col_w + 0.25 * ctx->em * (row->bars->len > 1 ? 0 : 1) ||
                  (row->bars->len == 1 && w <= slot))
                {
                  double cx = bx + (col_w - inset) / 2;
                  double lx = CLAMP (cx - w / 2, area_x, plot->x + plot->width - w);

                  /* Above the column; the scale left a line for it. */
                  evk_chart_show (ctx, layout, lx, bottom - bh - pad / 2 - h, &ctx->style->text);
                }
              else if (w + pad <= bh && h <= col_w)
                {
                  /* Too wide for above a narrow column: rotated inside. */
                  EvkRgba ink;

                  evk_chart_style_text_on (ctx->style, &bar->fill, &ink);
                  if (!ctx->measuring)
                    {
                      cairo_save (ctx->cr);
                      cairo_translate (ctx->cr, bx + (col_w - inset - h) / 2, bottom - pad);
                      cairo_rotate (ctx->cr, -G_PI / 2);
                      evk_chart_show (ctx, layout, 0, 0, &ink);
                      cairo_restore (ctx->cr);
                    }
                }
            }
        }
    }
  evk_chart_hline (ctx, area_x, plot->x + plot->width, bottom, &ctx->style->baseline, 1);
  for (guint r = 0; r < n; r++)
    g_clear_object (&labels[r]);
}

/* ---- Bodies ----------------------------------------------------------- */

static double
bars_measure (EvkChartCtx *ctx,
              gpointer     data,
              double       width)
{
  EvkChartBars *bars = data;
  Across a = { &bars, 1 };

  if (bars->vertical)
    return up_measure (ctx, bars, width);
  return across_measure (ctx, &a, width);
}

static void
bars_draw (EvkChartCtx        *ctx,
           gpointer            data,
           const EvkChartRect *plot)
{
  EvkChartBars *bars = data;
  Across a = { &bars, 1 };

  if (bars->vertical)
    up_draw (ctx, bars, plot);
  else
    across_draw (ctx, &a, plot);
}

const EvkChartBody evk_chart_bars_body = { bars_measure, bars_draw, TRUE };

static double
panels_measure (EvkChartCtx *ctx,
                gpointer     data,
                double       width)
{
  EvkChartPanels *panels = data;
  Across a = { (EvkChartBars **) panels->panels->pdata, MIN (panels->panels->len, 8) };

  return across_measure (ctx, &a, width);
}

static void
panels_draw (EvkChartCtx        *ctx,
             gpointer            data,
             const EvkChartRect *plot)
{
  EvkChartPanels *panels = data;
  Across a = { (EvkChartBars **) panels->panels->pdata, MIN (panels->panels->len, 8) };

  across_draw (ctx, &a, plot);
}

const EvkChartBody evk_chart_panels_body = { panels_measure, panels_draw, TRUE };
