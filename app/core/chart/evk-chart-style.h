/* evk-chart-style.h: fonts, colours and resolution a chart is drawn with
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} EvkRgba;

#define EVK_CHART_N_CATEGORICAL 8
/* Neighbouring series (adjacent categories, the two arms of a diverging
 * scale, don't know beside them) differ at least this much in luminance
 * contrast, (L1 + 0.05) / (L2 + 0.05), so they stay apart in greyscale. */
#define EVK_CHART_MIN_LUMINANCE_RATIO 1.2
/* The smallest text size on paper, in points. */
#define EVK_CHART_MIN_PRINT_SIZE 8.0

/* Sizes are in points (1/72 inch); dpi says how many device units an inch
 * has, so the same style code lays a chart out for a 96 dpi screen, PDF
 * points (72) or a 300 dpi PNG. Text is measured with Pango in the target's
 * units, never in pixels, which keeps paper and screen alike. */
typedef struct {
  char      *font_family;
  double     font_size;        /* labels, legend and values */
  double     title_size;       /* the caption */
  double     small_size;       /* axis ticks, N, base and notes */
  double     dpi;
  double     hairline;         /* gridlines and rules, in points */
  gboolean   dark;
  gboolean   paint_background;
  /* Screens are read from further away when a chart fills a large window:
   * text then grows with the canvas, up to a limit. Paper keeps its sizes. */
  gboolean   grow_text;
  /* Screens put every glyph on a whole pixel with slight hinting, as GTK
   * draws its own labels: unhinted at 96 dpi, a thin stem that falls
   * between two pixels blurs until a small grey "i" all but vanishes.
   * Paper keeps unhinted positions, the same at every resolution. */
  gboolean   pixel_text;

  EvkRgba    background;
  EvkRgba    text;
  EvkRgba    text_secondary;   /* N, base, notes, ticks */
  EvkRgba    grid;
  EvkRgba    baseline;
  EvkRgba    dont_know;        /* always neutral grey */
  EvkRgba    dont_know_alt;    /* a second group's don't know */
  EvkRgba    neutral;          /* the middle of a diverging scale */
  /* Ordinal scales: light → dark, interpolated in OKLab so the steps are
   * even in lightness and stay apart in greyscale. */
  EvkRgba    sequential_light;
  EvkRgba    sequential_dark;
  /* Diverging scales: negative (dark → light), then positive (light → dark). */
  EvkRgba    negative_dark;
  EvkRgba    negative_light;
  EvkRgba    positive_light;
  EvkRgba    positive_dark;
  /* Unordered series (groups): Okabe–Ito, ordered so that the first two
   * differ strongly in lightness. */
  EvkRgba    categorical[EVK_CHART_N_CATEGORICAL];

  /* Tests: when set, every string the chart draws is appended (g_strdup). */
  GPtrArray *recorder;
  /* Tests: when set, the text of every layout drawn cut short with an
   * ellipsis is appended (g_strdup). */
  GPtrArray *ellipsized;
} EvkChartStyle;

/* 96 dpi, text grows on large canvases; dark follows the desktop. */
EvkChartStyle *evk_chart_style_new_screen  (gboolean             dark);
/* Light, sizes for a printed page: dpi 72 for PDF and SVG (points), the
 * export resolution for PNG. */
EvkChartStyle *evk_chart_style_new_print   (double               dpi);
EvkChartStyle *evk_chart_style_copy        (const EvkChartStyle *style);
void           evk_chart_style_free        (EvkChartStyle       *style);
void           evk_chart_style_set_recorder (EvkChartStyle      *style,
                                             GPtrArray          *strings);

/* Colour i of an ordered scale of n steps (0 = lightest). */
void           evk_chart_style_sequential  (const EvkChartStyle *style,
                                            guint                n,
                                            guint                i,
                                            EvkRgba             *out);
/* Colour i of a diverging scale with n_negative steps below the neutral
 * point, n_neutral (0 or 1) at it and n_positive above. */
void           evk_chart_style_diverging   (const EvkChartStyle *style,
                                            guint                n_negative,
                                            guint                n_neutral,
                                            guint                n_positive,
                                            guint                i,
                                            EvkRgba             *out);
void           evk_chart_style_categorical (const EvkChartStyle *style,
                                            guint                i,
                                            EvkRgba             *out);
/* The grey for don't know beside these colours: the lightness farthest
 * from all of theirs within the grey's range, so it stays apart from every
 * category in greyscale print too. */
void           evk_chart_style_dont_know_among (const EvkChartStyle *style,
                                                const EvkRgba       *colours,
                                                guint                n,
                                                EvkRgba             *out);
/* Readable text colour on fill: black or white. */
void           evk_chart_style_text_on     (const EvkChartStyle *style,
                                            const EvkRgba       *fill,
                                            EvkRgba             *out);

/* Relative luminance (WCAG) and OKLab lightness (0–1) of a colour. */
double         evk_rgba_luminance          (const EvkRgba       *colour);
double         evk_rgba_lightness          (const EvkRgba       *colour);
/* "#rrggbb" → colour; FALSE when it is not one. */
gboolean       evk_rgba_parse              (EvkRgba             *out,
                                            const char          *hex);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkChartStyle, evk_chart_style_free)

G_END_DECLS
