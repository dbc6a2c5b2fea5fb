/* evk-chart.c: one drawing code for every chart, on any cairo_t
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-chart-private.h"
#include "evk-format.h"
#include "evk-localized.h"
#include "evk-words.h"

/* One drawing function per kind; the kinds and their names are the
 * model's (evk-chart-kind.h). */
static void (* const draw_kind[EVK_CHART_N_KINDS]) (EvkChartCtx *ctx) = {
  [EVK_CHART_AWARENESS] = evk_chart_draw_awareness,
  [EVK_CHART_AWARENESS_RANKED] = evk_chart_draw_awareness_ranked,
  [EVK_CHART_OUTCOME] = evk_chart_draw_outcome,
  [EVK_CHART_DISTRIBUTION] = evk_chart_draw_distribution,
  [EVK_CHART_RANKED_SHARES] = evk_chart_draw_ranked_shares,
  [EVK_CHART_DIVERGING] = evk_chart_draw_diverging,
  [EVK_CHART_STATUS_SUMMARY] = evk_chart_draw_status_summary,
  [EVK_CHART_DOCUMENTS_MATRIX] = evk_chart_draw_documents_matrix,
  [EVK_CHART_TABLE] = evk_chart_draw_table,
};

void
evk_chart_spec_init (EvkChartSpec *spec,
                     EvkChartKind  kind,
                     const char   *language)
{
  memset (spec, 0, sizeof *spec);
  spec->kind = kind;
  spec->language = language;
  spec->show_values = TRUE;
  spec->show_n = TRUE;
  spec->decimals = -1;
}

/* ---- Text ---------------------------------------------------------- */

PangoLayout *
evk_chart_text_aligned (EvkChartCtx    *ctx,
                        EvkChartFont    font,
                        const char     *text,
                        double          max_width,
                        int             max_lines,
                        PangoAlignment  alignment)
{
  int width = max_width > 0 ? MAX (1, (int) floor (max_width * PANGO_SCALE)) : -1;
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (text == NULL)
    text = "";
  if (width < 0)
    max_lines = 0;
  key = g_strdup_printf ("%d|%d|%d|%d|%s", font, width, max_lines, alignment, text);
  layout = g_hash_table_lookup (ctx->layouts, key);
  if (layout != NULL)
    return g_object_ref (layout);

  layout = pango_layout_new (ctx->pango);
  pango_layout_set_font_description (layout, ctx->fonts[font]);
  pango_layout_set_alignment (layout, alignment);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (ctx->layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

PangoLayout *
evk_chart_text (EvkChartCtx  *ctx,
                EvkChartFont  font,
                const char   *text,
                double        max_width,
                int           max_lines)
{
  return evk_chart_text_aligned (ctx, font, text, max_width, max_lines, PANGO_ALIGN_LEFT);
}

void
evk_chart_text_size (PangoLayout *layout,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
evk_chart_text_width (EvkChartCtx  *ctx,
                      EvkChartFont  font,
                      const char   *text)
{
  g_autoptr(PangoLayout) layout = evk_chart_text (ctx, font, text, 0, 0);
  double w;

  evk_chart_text_size (layout, &w, NULL);
  return w;
}

double
evk_chart_label_column (EvkChartCtx        *ctx,
                        const EvkChartFont *fonts,
                        const char * const *texts,
                        guint               n,
                        double              max_width,
                        int                 lines,
                        PangoLayout       **layouts,
                        gboolean           *wraps)
{
  double widest = 0;
  gboolean wrapped = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double w;

      layouts[i] = NULL;
      if (texts[i] == NULL)
        continue;
      layouts[i] = evk_chart_text (ctx, fonts != NULL ? fonts[i] : EVK_CHART_FONT_BODY, texts[i], max_width, lines);
      if (pango_layout_get_line_count (layouts[i]) > 1 || pango_layout_is_ellipsized (layouts[i]))
        wrapped = TRUE;
      evk_chart_text_size (layouts[i], &w, NULL);
      widest = MAX (widest, w);
    }
  if (wraps != NULL)
    *wraps = wrapped;
  return wrapped ? max_width : MIN (ceil (widest) + 1, max_width);
}

void
evk_chart_show (EvkChartCtx   *ctx,
                PangoLayout   *layout,
                double         x,
                double         y,
                const EvkRgba *colour)
{
  if (ctx->measuring)
    return;
  evk_chart_set_colour (ctx, colour);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, layout);
  if (ctx->style->recorder != NULL)
    g_ptr_array_add (ctx->style->recorder, g_strdup (pango_layout_get_text (layout)));
  if (ctx->style->ellipsized != NULL && pango_layout_is_ellipsized (layout))
    g_ptr_array_add (ctx->style->ellipsized, g_strdup (pango_layout_get_text (layout)));
}

/* ---- Words and numbers ---------------------------------------------- */

const char *
evk_chart_word (EvkChartCtx *ctx,
                const char  *key,
                const char  *fallback)
{
  const char *word = evk_word ("Chart", key, ctx->lang);

  if (word == NULL)
    word = evk_word ("Stats", key, ctx->lang);
  return word != NULL ? word : fallback;
}

const char *
evk_chart_label (EvkChartCtx   *ctx,
                 EvkTableEntry *entry)
{
  const char *label = evk_localized_get (entry->label, ctx->lang);

  if (label == NULL)
    label = evk_localized_get (entry->label, "und");
  if (label == NULL && entry->label != NULL && g_hash_table_size (entry->label) > 0)
    {
      /* Some language rather than none; the smallest code, so it is the
       * same one every time. */
      g_autofree gpointer *keys = g_hash_table_get_keys_as_array (entry->label, NULL);
      const char *best = NULL;

      for (guint i = 0; keys[i] != NULL; i++)
        if (best == NULL || strcmp (keys[i], best) < 0)
          best = keys[i];
      label = g_hash_table_lookup (entry->label, best);
    }
  if (label == NULL)
    label = entry->key;
  return label != NULL ? label : "";
}

char *
evk_chart_format_share (const EvkChartSpec *spec,
                        double              share)
{
  int decimals = spec->decimals;

  /* Whole percents read best; a sliver under 1 % would print as "0 %" or
   * "1 %", so it keeps its decimal. */
  /* Tables print what a reader would check against: one decimal. */
  if (decimals < 0 && spec->kind == EVK_CHART_TABLE)
    decimals = 1;
  if (decimals < 0)
    decimals = !isnan (share) && share != 0 && fabs (share) < 0.95 ? 1 : 0;
  return evk_format_percent (spec->language, share, decimals);
}

char *
evk_chart_share_text (EvkChartCtx *ctx,
                      double       share)
{
  return evk_chart_format_share (ctx->spec, share);
}

char *
evk_chart_count_text (EvkChartCtx *ctx,
                      double       count)
{
  return evk_format_number (ctx->lang, count, 0);
}

char *
evk_chart_n_text (EvkChartCtx *ctx,
                  const guint *n,
                  guint        n_values)
{
  /* A chart's tables are weighted alike; its N counts respondents, and
   * says so when the shares are weighted. */
  gboolean weighted = ctx->n_tables > 0 && ctx->tables[0]->weighted;
  g_autoptr(GString) out = g_string_new (weighted ? evk_chart_word (ctx, "UnweightedN", "N (unweighted)")
                                                  : evk_chart_word (ctx, "N", "N"));
  gboolean same = TRUE;

  for (guint i = 1; i < n_values; i++)
    same = same && n[i] == n[0];
  /* "N: 367" never breaks after the colon. */
  g_string_append (out, ":\u00a0");
  if (!same && n_values > 3)
    {
      /* Many bases read as their range: "N: 3 862–4 310". */
      guint lo = n[0], hi = n[0];
      g_autofree char *a = NULL, *b = NULL;

      for (guint i = 1; i < n_values; i++)
        {
          lo = MIN (lo, n[i]);
          hi = MAX (hi, n[i]);
        }
      a = evk_chart_count_text (ctx, lo);
      b = evk_chart_count_text (ctx, hi);
      g_string_append_printf (out, "%s–%s", a, b);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  for (guint i = 0; i < (same ? MIN (n_values, 1) : n_values); i++)
    {
      g_autofree char *number = evk_chart_count_text (ctx, n[i]);

      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, number);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
evk_chart_base_text (EvkChartCtx *ctx,
                     EvkTable    *table)
{
  const char *base = ctx->spec->base_label;

  if (base == NULL && table != NULL)
    base = evk_localized_get (table->base_label, ctx->lang);
  if (base == NULL || *base == '\0')
    return NULL;
  return g_strdup_printf ("%s: %s", evk_chart_word (ctx, "Base", "Base"), base);
}

char *
evk_chart_tooltip (EvkChartCtx   *ctx,
                   const char    *row_label,
                   const char    *column_label,
                   const EvkCell *cell,
                   double         base)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *n = evk_chart_count_text (ctx, cell->n);

  if (row_label != NULL && *row_label != '\0')
    g_string_append_printf (out, "%s\n", row_label);
  if (column_label != NULL && *column_label != '\0')
    g_string_append_printf (out, "%s: ", column_label);
  if (cell->suppressed)
    g_string_append (out, evk_chart_word (ctx, "Suppressed", ":"));
  else if (!isnan (cell->share))
    {
      g_autofree char *share = evk_chart_share_text (ctx, cell->share);

      g_string_append (out, share);
      if (base > 0)
        {
          g_autofree char *b = evk_chart_count_text (ctx, base);
          g_string_append_printf (out, " (%s %s %s)", n, evk_chart_word (ctx, "Of", "of"), b);
        }
      else
        g_string_append_printf (out, " (%s = %s)", evk_chart_word (ctx, "SmallN", "n"), n);
    }
  else
    g_string_append (out, n);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
evk_chart_shorten_labels (GPtrArray *labels)
{
  const char *first, *colon;
  gsize prefix_len;
  gboolean same_prefix = TRUE, same_suffix = TRUE;

  if (labels->len < 2)
    return NULL;
  first = g_ptr_array_index (labels, 0);
  colon = strstr (first, ": ");
  if (colon == NULL)
    return NULL;
  prefix_len = colon - first;

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      const char *c = strstr (label, ": ");

      if (c == NULL || c[2] == '\0' || c == label)
        return NULL;
      same_prefix = same_prefix && (gsize) (c - label) == prefix_len &&
                    strncmp (label, first, prefix_len) == 0;
      same_suffix = same_suffix && strcmp (c + 2, colon + 2) == 0;
    }

  if (same_prefix)
    {
      char *shared = g_strndup (first, prefix_len);

      for (guint i = 0; i < labels->len; i++)
        {
          char *label = g_ptr_array_index (labels, i);
          char *rest = g_strdup (label + prefix_len + 2);

          /* "Mer midler" rather than "mer midler" if the item was written
           * lower case after the colon. */
          if (g_unichar_islower (g_utf8_get_char (rest)))
            {
              gunichar upper = g_unichar_toupper (g_utf8_get_char (rest));
              char buf[8];
              int len = g_unichar_to_utf8 (upper, buf);
              char *fixed = g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (rest));
              g_free (rest);
              rest = fixed;
            }
          g_free (label);
          labels->pdata[i] = rest;
        }
      return shared;
    }
  if (same_suffix)
    {
      char *shared = g_strdup (colon + 2);

      for (guint i = 0; i < labels->len; i++)
        {
          char *label = g_ptr_array_index (labels, i);
          labels->pdata[i] = g_strndup (label, strstr (label, ": ") - label);
          g_free (label);
        }
      return shared;
    }
  return NULL;
}

/* ---- Drawing helpers ------------------------------------------------- */

void
evk_chart_set_colour (EvkChartCtx   *ctx,
                      const EvkRgba *colour)
{
  cairo_set_source_rgba (ctx->cr, colour->r, colour->g, colour->b, colour->a);
}

static gboolean
snaps (EvkChartCtx *ctx)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (ctx->cr));

  /* Vector targets keep exact positions; pixels get crisp edges. */
  return type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_XLIB ||
         type == CAIRO_SURFACE_TYPE_XCB || type == CAIRO_SURFACE_TYPE_WIN32 ||
         type == CAIRO_SURFACE_TYPE_QUARTZ;
}

double
evk_chart_snap (EvkChartCtx *ctx,
                double       v)
{
  if (!snaps (ctx))
    return v;
  return round (v * ctx->px) / ctx->px;
}

static void
line_width (EvkChartCtx *ctx,
            double       weight,
            double      *width,
            double      *offset)
{
  double w = ctx->style->hairline * ctx->style->dpi / 72.0 * weight;

  if (!snaps (ctx))
    {
      *width = w;
      *offset = 0;
      return;
    }
  {
    double device = MAX (1.0, round (w * ctx->px));
    *width = device / ctx->px;
    /* An odd number of pixels is centred on a pixel's middle. */
    *offset = fmod (device, 2.0) == 1.0 ? 0.5 / ctx->px : 0;
  }
}

void
evk_chart_hline (EvkChartCtx   *ctx,
                 double         x0,
                 double         x1,
                 double         y,
                 const EvkRgba *colour,
                 double         weight)
{
  double w, offset;

  if (ctx->measuring)
    return;
  line_width (ctx, weight, &w, &offset);
  y = snaps (ctx) ? floor (y * ctx->px) / ctx->px + offset : y;
  evk_chart_set_colour (ctx, colour);
  cairo_set_line_width (ctx->cr, w);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (ctx->cr, evk_chart_snap (ctx, x0), y);
  cairo_line_to (ctx->cr, evk_chart_snap (ctx, x1), y);
  cairo_stroke (ctx->cr);
}

void
evk_chart_vline (EvkChartCtx   *ctx,
                 double         x,
                 double         y0,
                 double         y1,
                 const EvkRgba *colour,
                 double         weight)
{
  double w, offset;

  if (ctx->measuring)
    return;
  line_width (ctx, weight, &w, &offset);
  x = snaps (ctx) ? floor (x * ctx->px) / ctx->px + offset : x;
  evk_chart_set_colour (ctx, colour);
  cairo_set_line_width (ctx->cr, w);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (ctx->cr, x, evk_chart_snap (ctx, y0));
  cairo_line_to (ctx->cr, x, evk_chart_snap (ctx, y1));
  cairo_stroke (ctx->cr);
}

void
evk_chart_fill_rect (EvkChartCtx   *ctx,
                     double         x,
                     double         y,
                     double         w,
                     double         h,
                     const EvkRgba *colour)
{
  double x0 = evk_chart_snap (ctx, x), x1 = evk_chart_snap (ctx, x + w);
  double y0 = evk_chart_snap (ctx, y), y1 = evk_chart_snap (ctx, y + h);

  if (ctx->measuring || x1 <= x0 || y1 <= y0)
    return;
  evk_chart_set_colour (ctx, colour);
  cairo_rectangle (ctx->cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (ctx->cr);
}

void
evk_chart_hatch (EvkChartCtx   *ctx,
                 double         x,
                 double         y,
                 double         w,
                 double         h,
                 const EvkRgba *fill)
{
  EvkRgba ink;
  double step = 0.55 * ctx->em;

  if (ctx->measuring || w <= 0 || h <= 0)
    return;
  evk_chart_style_text_on (ctx->style, fill, &ink);
  ink.a = 0.45;
  evk_chart_set_colour (ctx, &ink);
  cairo_set_line_width (ctx->cr, MAX (0.6 * ctx->pt, 1 / ctx->px));
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  /* Lines at 45° cut to the rectangle by arithmetic: a clip per cell
   * would cost more than the rest of the chart. */
  for (double d = -h; d < w; d += step)
    {
      double t0 = MAX (0, -d), t1 = MIN (h, w - d);

      if (t1 <= t0)
        continue;
      cairo_move_to (ctx->cr, x + d + t0, y + h - t0);
      cairo_line_to (ctx->cr, x + d + t1, y + h - t1);
    }
  cairo_stroke (ctx->cr);
}

void
evk_chart_add_hit (EvkChartCtx     *ctx,
                   EvkChartHitKind  kind,
                   double           x,
                   double           y,
                   double           w,
                   double           h,
                   guint            table,
                   int              row,
                   int              column,
                   guint            n,
                   double           share,
                   const char      *text)
{
  EvkChartHit hit = { kind, x, y, w, h, table, row, column, n, share, g_strdup (text) };

  if (ctx->measuring || ctx->hits == NULL)
    {
      g_free (hit.text);
      return;
    }
  g_array_append_val (ctx->hits->hits, hit);
}

/* ---- Axis and label placement ---------------------------------------- */

double
evk_chart_axis_step (double max,
                     guint  wanted)
{
  double raw, magnitude, norm;

  if (isnan (max) || max <= 0 || isinf (max))
    max = 1;
  raw = max / MAX (wanted, 1);
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;
  if (norm <= 1)
    norm = 1;
  else if (norm <= 2)
    norm = 2;
  else if (norm <= 2.5)
    norm = 2.5;
  else if (norm <= 5)
    norm = 5;
  else
    norm = 10;
  return norm * magnitude;
}

gboolean
evk_chart_place_labels (const double *w,
                        const double *c,
                        guint         n,
                        double        lo,
                        double        hi,
                        double        gap,
                        double       *x)
{
  double total = 0;

  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    total += w[i] + (i > 0 ? gap : 0);
  if (total > hi - lo + 1e-6)
    return FALSE;

  for (guint i = 0; i < n; i++)
    x[i] = CLAMP (c[i] - w[i] / 2, lo, hi - w[i]);
  /* Push right past each left neighbour, then back left from the end. */
  for (guint i = 1; i < n; i++)
    x[i] = MAX (x[i], x[i - 1] + w[i - 1] + gap);
  if (x[n - 1] + w[n - 1] > hi)
    x[n - 1] = hi - w[n - 1];
  for (guint i = n - 1; i > 0; i--)
    x[i - 1] = MIN (x[i - 1], x[i] - gap - w[i - 1]);
  return x[0] >= lo - 1e-6;
}

/* ---- Frame ---------------------------------------------------------- */

static void
legend_item_clear (gpointer data)
{
  g_free (((EvkChartLegendItem *) data)->label);
}

void
evk_chart_frame_init (EvkChartFrame *frame)
{
  memset (frame, 0, sizeof *frame);
  frame->legend = g_array_new (FALSE, TRUE, sizeof (EvkChartLegendItem));
  g_array_set_clear_func (frame->legend, legend_item_clear);
  frame->footer = g_ptr_array_new_with_free_func (g_free);
}

void
evk_chart_frame_clear (EvkChartFrame *frame)
{
  g_clear_pointer (&frame->title, g_free);
  g_clear_pointer (&frame->subtitle, g_free);
  g_clear_pointer (&frame->legend, g_array_unref);
  g_clear_pointer (&frame->footer, g_ptr_array_unref);
}

void
evk_chart_frame_legend (EvkChartFrame *frame,
                        const char    *label,
                        const EvkRgba *fill,
                        int            column,
                        guint          table)
{
  EvkChartLegendItem item = { g_strdup (label), *fill, column, table };

  g_array_append_val (frame->legend, item);
}

void
evk_chart_frame_n (EvkChartCtx   *ctx,
                   EvkChartFrame *frame,
                   const guint   *n,
                   guint          n_values,
                   EvkTable      *table)
{
  g_autofree char *n_text = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  const char *group;

  if (!ctx->spec->show_n)
    return;
  n_text = n_values > 0 ? evk_chart_n_text (ctx, n, n_values) : NULL;
  base = evk_chart_base_text (ctx, table);
  /* What the numbers are of: the group or filter (unless the chart names
   * its groups itself), N, the base, and whether they are weighted. */
  parts = g_ptr_array_new_with_free_func (g_free);
  group = table != NULL && ctx->spec->group_names == NULL ? evk_table_group_name (table, ctx->lang) : NULL;
  if (group != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("%s:\u00a0%s", evk_chart_word (ctx, "Group", "Group"), group));
  if (n_text != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&n_text));
  if (base != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&base));
  if (table != NULL && table->weighted)
    g_ptr_array_add (parts, g_strdup (evk_table_weighting_text (table, ctx->lang)));
  if (parts->len > 0)
    {
      g_ptr_array_add (parts, NULL);
      g_ptr_array_add (frame->footer, g_strjoinv ("  ·  ", (char **) parts->pdata));
    }
}

void
evk_chart_frame_small_note (EvkChartCtx   *ctx,
                            EvkChartFrame *frame,
                            EvkTable      *table)
{
  g_autofree char *threshold = evk_chart_count_text (ctx, table->small_cell);
  gboolean suppressed = FALSE, flagged = FALSE;

  /* Every table the chart draws (each group's panel), not only the first:
   * the note says what happened to the cells it left out or flagged. */
  for (guint t = 0; t <= ctx->n_tables; t++)
    {
      EvkTable *each = t < ctx->n_tables ? ctx->tables[t] : table;

      for (gsize i = 0; i < (gsize) each->rows->len * each->columns->len; i++)
        {
          suppressed |= each->cells[i].suppressed;
          flagged |= !each->cells[i].suppressed && evk_table_is_small (each, &each->cells[i]);
        }
    }
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GString) note = NULL;

      if (k == 0 ? !suppressed : !flagged)
        continue;
      note = g_string_new (k == 0 ? evk_chart_word (ctx, "SuppressedCells", ": Fewer than {n} responses: not shown")
                                  : evk_chart_word (ctx, "SmallCells", "† Fewer than {n} responses: read with care"));
      g_string_replace (note, "{n}", threshold, 0);
      g_ptr_array_add (frame->footer, g_string_free (g_steal_pointer (&note), FALSE));
    }
}

typedef struct {
  PangoLayout *layout;
  double       x, y, swatch_y;
} LegendPlace;

/* Flows the legend into lines at width; returns its height. */
static double
layout_legend (EvkChartCtx   *ctx,
               EvkChartFrame *frame,
               double         width,
               LegendPlace   *places)
{
  double swatch = 0.85 * ctx->em, gap = 0.4 * ctx->em, spacing = 1.3 * ctx->em;
  double x = 0, y = 0, line_h = 0;

  for (guint i = 0; i < frame->legend->len; i++)
    {
      EvkChartLegendItem *item = &g_array_index (frame->legend, EvkChartLegendItem, i);
      double text_w, text_h, item_w;
      PangoLayout *layout;

      layout = evk_chart_text (ctx, EVK_CHART_FONT_BODY, item->label,
                               MAX (width - swatch - gap, 1), 3);
      evk_chart_text_size (layout, &text_w, &text_h);
      item_w = swatch + gap + text_w;
      if (x > 0 && x + item_w > width)
        {
          x = 0;
          y += line_h + 0.3 * ctx->em;
          line_h = 0;
        }
      places[i].layout = layout;
      places[i].x = x;
      places[i].y = y;
      places[i].swatch_y = (ctx->line - swatch) / 2;
      line_h = MAX (line_h, text_h);
      x += item_w + spacing;
    }
  return frame->legend->len > 0 ? y + line_h : 0;
}

static void
draw_legend (EvkChartCtx   *ctx,
             EvkChartFrame *frame,
             LegendPlace   *places,
             double         x0,
             double         y0)
{
  double swatch = 0.85 * ctx->em, gap = 0.4 * ctx->em;

  for (guint i = 0; i < frame->legend->len; i++)
    {
      EvkChartLegendItem *item = &g_array_index (frame->legend, EvkChartLegendItem, i);
      double x = x0 + places[i].x, y = y0 + places[i].y, w, h;

      evk_chart_fill_rect (ctx, x, y + places[i].swatch_y, swatch, swatch, &item->fill);
      evk_chart_show (ctx, places[i].layout, x + swatch + gap, y, &ctx->style->text);
      evk_chart_text_size (places[i].layout, &w, &h);
      evk_chart_add_hit (ctx, EVK_CHART_HIT_LEGEND, x, y, swatch + gap + w, h, item->table, -1,
                         item->column, 0, NAN, item->label);
    }
}

void
evk_chart_finish (EvkChartCtx        *ctx,
                  EvkChartFrame      *frame,
                  const EvkChartBody *body,
                  gpointer            data)
{
  /* Measuring knows no height yet: its margin must be the one a canvas of
   * the preferred height gets, or the text wraps differently. */
  double margin = MIN (0.8 * ctx->em, (ctx->measuring ? ctx->width : MIN (ctx->width, ctx->height)) * 0.04);
  double width = ctx->width - 2 * margin, available = ctx->height - 2 * margin;
  double gap = 0.7 * ctx->line;
  g_autoptr(PangoLayout) title = NULL, subtitle = NULL, footer = NULL;
  g_autofree LegendPlace *places = g_new0 (LegendPlace, MAX (frame->legend->len, 1));
  double title_h = 0, subtitle_h = 0, legend_h = 0, footer_h = 0, body_h, fixed, body_alloc, y;
  gboolean show_title, show_subtitle, show_legend, show_footer;

  if (width < 1 || available < 1)
    {
      ctx->preferred_height = ctx->height;
      return;
    }

  if (frame->title != NULL)
    evk_chart_text_size (title = evk_chart_text (ctx, EVK_CHART_FONT_TITLE, frame->title, width, 3),
                         NULL, &title_h);
  if (frame->subtitle != NULL)
    evk_chart_text_size (subtitle = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, frame->subtitle, width, 3),
                         NULL, &subtitle_h);
  if (frame->footer->len > 0)
    {
      g_autofree char *text = NULL;

      g_ptr_array_add (frame->footer, NULL);
      text = g_strjoinv ("\n", (char **) frame->footer->pdata);
      g_ptr_array_remove_index (frame->footer, frame->footer->len - 1);
      footer = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, text, width, 0);
      evk_chart_text_size (footer, NULL, &footer_h);
    }
  legend_h = layout_legend (ctx, frame, width, places);
  body_h = body->measure (ctx, data, width);

  show_title = title != NULL;
  show_subtitle = subtitle != NULL;
  show_legend = legend_h > 0;
  show_footer = footer != NULL;

#define FIXED() ((show_title ? title_h + gap : 0) + (show_subtitle ? subtitle_h + gap : 0) + \
                 (show_legend ? legend_h + gap : 0) + (show_footer ? footer_h + gap : 0))

  if (ctx->measuring)
    {
      ctx->preferred_height = ceil (2 * margin + FIXED () + body_h);
      for (guint i = 0; i < frame->legend->len; i++)
        g_clear_object (&places[i].layout);
      return;
    }

  /* The bars matter most, then the N (the footer), then what the legend
   * says; the caption is the report's to repeat. */
  {
    double min_body = MIN (body_h, MAX (2.5 * ctx->line, 0.35 * available));

    if (FIXED () + min_body > available)
      show_subtitle = FALSE;
    if (FIXED () + min_body > available)
      show_title = FALSE;
    if (FIXED () + min_body > available)
      show_legend = FALSE;
    if (FIXED () + min_body > available)
      show_footer = FALSE;
  }
  fixed = FIXED ();
#undef FIXED
  body_alloc = MAX (0, MIN (body->stretches ? body_h * EVK_CHART_MAX_STRETCH : body_h, available - fixed));
  y = margin + MAX (0, (available - fixed - body_alloc) / 2);

  if (show_title)
    {
      evk_chart_show (ctx, title, margin, y, &ctx->style->text);
      y += title_h + gap;
    }
  if (show_subtitle)
    {
      evk_chart_show (ctx, subtitle, margin, y, &ctx->style->text_secondary);
      y += subtitle_h + gap;
    }
  if (show_legend)
    {
      draw_legend (ctx, frame, places, margin, y);
      y += legend_h + gap;
    }
  if (body_alloc > 0)
    {
      EvkChartRect plot = { margin, y, width, body_alloc };
      body->draw (ctx, data, &plot);
    }
  y += body_alloc + gap;
  if (show_footer)
    evk_chart_show (ctx, footer, margin, y, &ctx->style->text_secondary);

  for (guint i = 0; i < frame->legend->len; i++)
    g_clear_object (&places[i].layout);
}

/* ---- Empty ---------------------------------------------------------- */

static double
empty_measure (EvkChartCtx *ctx,
               gpointer     data,
               double       width)
{
  return 3 * ctx->line;
}

static void
empty_draw (EvkChartCtx        *ctx,
            gpointer            data,
            const EvkChartRect *plot)
{
  g_autoptr(PangoLayout) layout = evk_chart_text (ctx, EVK_CHART_FONT_BODY,
                                                   evk_chart_word (ctx, "NoData", "No data"),
                                                   plot->width, 1);
  double w, h;

  evk_chart_text_size (layout, &w, &h);
  if (h <= plot->height && w <= plot->width)
    evk_chart_show (ctx, layout, plot->x + (plot->width - w) / 2,
                    plot->y + (plot->height - h) / 2, &ctx->style->text_secondary);
}

void
evk_chart_draw_empty (EvkChartCtx *ctx)
{
  static const EvkChartBody body = { empty_measure, empty_draw, FALSE };
  EvkChartFrame frame;

  evk_chart_frame_init (&frame);
  if (ctx->spec->caption != NULL)
    frame.title = g_strdup (ctx->spec->caption);
  evk_chart_finish (ctx, &frame, &body, NULL);
  evk_chart_frame_clear (&frame);
}

/* ---- Entry points ---------------------------------------------------- */

static void
ctx_init (EvkChartCtx         *ctx,
          EvkTable           **tables,
          guint                n_tables,
          const EvkChartSpec  *spec,
          const EvkChartStyle *style,
          cairo_t             *cr,
          double               width,
          double               height,
          double               grow)
{
  static const EvkChartFont order[] = {
    EVK_CHART_FONT_BODY, EVK_CHART_FONT_BOLD, EVK_CHART_FONT_SMALL, EVK_CHART_FONT_TITLE,
  };
  double dx = 1, dy = 0;
  cairo_font_options_t *options;
  g_autoptr(PangoLayout) probe = NULL;

  memset (ctx, 0, sizeof *ctx);
  ctx->cr = cr;
  ctx->style = style;
  ctx->spec = spec;
  ctx->lang = spec->language != NULL ? spec->language : "en";
  ctx->tables = tables;
  ctx->n_tables = n_tables;
  ctx->width = width;
  ctx->height = height;

  cairo_user_to_device_distance (cr, &dx, &dy);
  ctx->px = MAX (hypot (dx, dy), 1e-6);

  if (grow < 1)
    grow = 1;
  ctx->pt = style->dpi / 72.0 * grow;
  ctx->em = style->font_size * ctx->pt;

  ctx->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ctx->pango = pango_cairo_create_context (cr);
  /* Greyscale antialiasing everywhere. Paper: the same glyph positions at
   * every resolution, no hinting, no rounding. Screen: whole pixels (see
   * EvkChartStyle.pixel_text). */
  options = cairo_font_options_create ();
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, style->pixel_text ? CAIRO_HINT_STYLE_SLIGHT : CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, style->pixel_text ? CAIRO_HINT_METRICS_ON : CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (ctx->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (ctx->pango, style->pixel_text);
  pango_context_set_language (ctx->pango, pango_language_from_string (ctx->lang));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      PangoFontDescription *desc = pango_font_description_new ();
      double size = order[i] == EVK_CHART_FONT_SMALL ? style->small_size
                    : order[i] == EVK_CHART_FONT_TITLE ? style->title_size : style->font_size;

      pango_font_description_set_family (desc, style->font_family);
      pango_font_description_set_absolute_size (desc, size * ctx->pt * PANGO_SCALE);
      if (order[i] == EVK_CHART_FONT_BOLD || order[i] == EVK_CHART_FONT_TITLE)
        pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      ctx->fonts[order[i]] = desc;
    }

  probe = evk_chart_text (ctx, EVK_CHART_FONT_BODY, "Åg", 0, 0);
  evk_chart_text_size (probe, NULL, &ctx->line);
  g_clear_object (&probe);
  probe = evk_chart_text (ctx, EVK_CHART_FONT_SMALL, "Åg", 0, 0);
  evk_chart_text_size (probe, NULL, &ctx->small_line);
}

static void
ctx_clear (EvkChartCtx *ctx)
{
  g_clear_pointer (&ctx->layouts, g_hash_table_unref);
  for (guint i = 0; i < EVK_CHART_N_FONTS; i++)
    g_clear_pointer (&ctx->fonts[i], pango_font_description_free);
  g_clear_object (&ctx->pango);
}

static gboolean
is_empty (EvkTable **tables,
          guint      n_tables)
{
  return n_tables == 0 || tables[0] == NULL || tables[0]->rows->len == 0 ||
         tables[0]->columns->len == 0;
}

static void
run (EvkChartKind  kind,
     EvkChartCtx  *ctx)
{
  if (is_empty (ctx->tables, ctx->n_tables))
    evk_chart_draw_empty (ctx);
  else
    draw_kind[kind] (ctx);
}

EvkChartHits *
evk_chart_draw_groups (EvkChartKind          kind,
                       EvkTable            **tables,
                       guint                 n_tables,
                       const EvkChartSpec   *spec,
                       const EvkChartStyle  *style,
                       cairo_t              *cr,
                       double                width,
                       double                height)
{
  EvkChartHits *hits = g_new0 (EvkChartHits, 1);
  EvkChartSpec own;
  EvkChartCtx ctx;

  hits->hits = g_array_new (FALSE, FALSE, sizeof (EvkChartHit));
  g_return_val_if_fail (kind < EVK_CHART_N_KINDS, hits);
  g_return_val_if_fail (spec != NULL && style != NULL && cr != NULL, hits);
  /* The kind drawn is the one asked for, whatever the spec says. */
  own = *spec;
  own.kind = kind;
  spec = &own;

  cairo_save (cr);
  if (style->paint_background && width > 0 && height > 0)
    {
      cairo_set_source_rgba (cr, style->background.r, style->background.g, style->background.b,
                             style->background.a);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  if (width >= 1 && height >= 1)
    {
      double grow = 1;

      ctx_init (&ctx, tables, n_tables, spec, style, cr, width, height, 1);
      if (style->grow_text)
        {
          double unit = style->dpi / 96.0;
          double g = MIN (width / (900 * unit), height / (560 * unit));

          /* Larger text is a courtesy to a big window; a chart that would
           * have to squeeze its bars or drop words for it does without.
           * Everything scales with the text, so the height the chart wants
           * at size 1 says how far the text may grow. */
          grow = CLAMP (sqrt (MAX (g, 0)), 1.0, 2.0);
          if (grow > 1)
            {
              ctx.measuring = TRUE;
              run (kind, &ctx);
              ctx.measuring = FALSE;
              grow = MIN (grow, 0.97 * height / MAX (ctx.preferred_height, 1));
            }
        }
      /* A few per cent more is not worth shaping every string again. */
      if (grow >= 1.12)
        {
          ctx_clear (&ctx);
          ctx_init (&ctx, tables, n_tables, spec, style, cr, width, height, grow);
        }
      ctx.hits = hits;
      run (kind, &ctx);
      ctx_clear (&ctx);
    }
  cairo_restore (cr);
  return hits;
}

EvkChartHits *
evk_chart_draw (EvkChartKind          kind,
                EvkTable             *table,
                const EvkChartSpec   *spec,
                const EvkChartStyle  *style,
                cairo_t              *cr,
                double                width,
                double                height)
{
  return evk_chart_draw_groups (kind, &table, table != NULL ? 1 : 0, spec, style, cr, width, height);
}

double
evk_chart_preferred_height (EvkChartKind          kind,
                            EvkTable            **tables,
                            guint                 n_tables,
                            const EvkChartSpec   *spec,
                            const EvkChartStyle  *style,
                            double                width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  EvkChartSpec own = *spec;
  EvkChartCtx ctx;
  double height;

  g_return_val_if_fail (kind < EVK_CHART_N_KINDS, 0);
  own.kind = kind;
  spec = &own;
  ctx_init (&ctx, tables, n_tables, spec, style, cr, width, width * 0.62, 1);
  ctx.measuring = TRUE;
  run (kind, &ctx);
  height = ctx.preferred_height;
  ctx_clear (&ctx);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
evk_chart_hits_free (EvkChartHits *hits)
{
  if (hits == NULL)
    return;
  for (guint i = 0; i < hits->hits->len; i++)
    g_free (g_array_index (hits->hits, EvkChartHit, i).text);
  g_array_unref (hits->hits);
  g_free (hits);
}

const EvkChartHit *
evk_chart_hits_find (EvkChartHits *hits,
                     double        x,
                     double        y)
{
  if (hits == NULL)
    return NULL;
  for (guint i = hits->hits->len; i-- > 0;)
    {
      const EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);

      if (x >= hit->x && x < hit->x + hit->width && y >= hit->y && y < hit->y + hit->height)
        return hit;
    }
  return NULL;
}

/* ---- Shared by the kinds ---------------------------------------------- */

void
evk_chart_column_colours (EvkChartCtx *ctx,
                          EvkTable    *table,
                          gboolean     diverging,
                          gboolean     reversed,
                          EvkRgba     *out)
{
  guint n_values = 0, k = 0;

  for (guint c = 0; c < table->columns->len; c++)
    if (evk_table_column (table, c)->role == EVK_ENTRY_VALUE)
      n_values++;

  for (guint c = 0; c < table->columns->len; c++)
    {
      EvkTableEntry *column = evk_table_column (table, c);

      switch (column->role)
        {
        case EVK_ENTRY_DONT_KNOW:
          out[c] = ctx->style->dont_know;
          break;
        case EVK_ENTRY_NOT_RELEVANT:
        case EVK_ENTRY_TOTAL:
          out[c] = ctx->style->dont_know_alt;
          break;
        case EVK_ENTRY_VALUE:
        default:
          if (diverging)
            {
              guint half = n_values / 2;
              evk_chart_style_diverging (ctx->style, half, n_values % 2, half, k, &out[c]);
            }
          else
            evk_chart_style_sequential (ctx->style, n_values, reversed ? n_values - 1 - k : k, &out[c]);
          k++;
          break;
        }
    }

  /* Don't know takes the grey farthest in lightness from the scale. */
  {
    g_autofree EvkRgba *scale = g_new0 (EvkRgba, MAX (n_values, 1));
    EvkRgba grey;
    guint j = 0;

    for (guint c = 0; c < table->columns->len; c++)
      if (evk_table_column (table, c)->role == EVK_ENTRY_VALUE)
        scale[j++] = out[c];
    evk_chart_style_dont_know_among (ctx->style, scale, n_values, &grey);
    for (guint c = 0; c < table->columns->len; c++)
      if (evk_table_column (table, c)->role == EVK_ENTRY_DONT_KNOW)
        out[c] = grey;
  }
  evk_chart_own_colours (table, out);
}

void
evk_chart_own_colours (EvkTable *table,
                       EvkRgba  *out)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      const char *colour = evk_table_column (table, c)->colour;
      EvkRgba own;

      if (colour != NULL && evk_rgba_parse (&own, colour))
        out[c] = own;
    }
}

gboolean
evk_chart_series_colours (EvkChartKind         kind,
                          EvkTable            *table,
                          const EvkChartStyle *style,
                          EvkRgba             *out)
{
  EvkChartCtx ctx = { 0 };

  ctx.style = style;
  switch (kind)
    {
    case EVK_CHART_AWARENESS:
    case EVK_CHART_OUTCOME:
      evk_chart_column_colours (&ctx, table, FALSE, FALSE, out);
      return TRUE;
    case EVK_CHART_STATUS_SUMMARY:
      evk_chart_column_colours (&ctx, table, FALSE, TRUE, out);
      return TRUE;
    case EVK_CHART_AWARENESS_RANKED:
      for (guint c = 0; c < table->columns->len; c++)
        evk_chart_style_sequential (style, table->columns->len, c, &out[c]);
      evk_chart_own_colours (table, out);
      return TRUE;
    case EVK_CHART_DIVERGING:
      evk_chart_diverging_colours (&ctx, table, out);
      return TRUE;
    default:
      /* The other kinds colour their tables, not their columns. */
      return FALSE;
    }
}

gboolean
evk_chart_is_small (EvkTable      *table,
                    const EvkCell *cell)
{
  return evk_table_is_small (table, cell);
}

char *
evk_chart_cell_text (EvkChartCtx   *ctx,
                     EvkTable      *table,
                     const EvkCell *cell,
                     gboolean       count)
{
  g_autofree char *text = NULL;

  if (cell->suppressed)
    return g_strdup (evk_chart_word (ctx, "Suppressed", ":"));
  text = count ? evk_chart_count_text (ctx, table->weighted ? cell->count : cell->n)
               : evk_chart_share_text (ctx, cell->share);
  if (evk_chart_is_small (table, cell))
    return g_strconcat (text, "†", NULL);
  return g_steal_pointer (&text);
}

guint
evk_chart_row_n (EvkTable *table,
                 guint     row)
{
  EvkTableEntry *entry = evk_table_row (table, row);

  return entry->n_base > 0 ? entry->n_base : table->n_base;
}

char *
evk_chart_group_name (EvkChartCtx *ctx,
                      guint        t)
{
  if (ctx->spec->group_names != NULL && ctx->spec->group_names[t] != NULL)
    return g_strdup (ctx->spec->group_names[t]);
  if (t == 0)
    return g_strdup (evk_chart_word (ctx, "AllRespondents", "All"));
  return g_strdup_printf ("%s %u", evk_chart_word (ctx, "Group", "Group"), t + 1);
}

guint *
evk_chart_row_order (EvkChartCtx *ctx,
                     EvkTable    *table,
                     gboolean     ranked)
{
  guint n = table->rows->len;
  guint *order = g_new (guint, MAX (n, 1));
  EvkChartSort sort = ctx->spec->sort;
  int sign;

  for (guint r = 0; r < n; r++)
    order[r] = r;
  if (sort == EVK_CHART_SORT_AUTO)
    sort = ranked ? EVK_CHART_SORT_DESCENDING : EVK_CHART_SORT_NONE;
  if (sort == EVK_CHART_SORT_NONE || table->columns->len == 0)
    return order;
  sign = sort == EVK_CHART_SORT_DESCENDING ? 1 : -1;

  /* Stable insertion sort: ties keep the questionnaire's order, and rows
   * that are not answers (don't know, totals) stay at the end. */
  for (guint a = 1; a < n; a++)
    for (guint b = a; b > 0; b--)
      {
        EvkTableEntry *eb = evk_table_row (table, order[b]), *ea = evk_table_row (table, order[b - 1]);
        double vb = evk_table_cell (table, order[b], 0)->share;
        double va = evk_table_cell (table, order[b - 1], 0)->share;
        gboolean b_value = eb->role == EVK_ENTRY_VALUE, a_value = ea->role == EVK_ENTRY_VALUE;
        guint t;

        if (isnan (vb))
          vb = evk_table_cell (table, order[b], 0)->count;
        if (isnan (va))
          va = evk_table_cell (table, order[b - 1], 0)->count;
        if (!(b_value && !a_value) && !(b_value == a_value && sign * (vb - va) > 0))
          break;
        t = order[b];
        order[b] = order[b - 1];
        order[b - 1] = t;
      }
  return order;
}
