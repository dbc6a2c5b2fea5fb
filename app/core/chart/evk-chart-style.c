/* evk-chart-style.c: fonts, colours and resolution a chart is drawn with
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-chart-style.h"

gboolean
evk_rgba_parse (EvkRgba    *out,
                const char *hex)
{
  guint v = 0;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (hex[i]))
        return FALSE;
      v = v * 16 + g_ascii_xdigit_value (hex[i]);
    }
  out->r = ((v >> 16) & 0xff) / 255.0;
  out->g = ((v >> 8) & 0xff) / 255.0;
  out->b = (v & 0xff) / 255.0;
  out->a = 1.0;
  return TRUE;
}

static EvkRgba
hex (const char *text)
{
  EvkRgba c = { 0, 0, 0, 1 };

  if (!evk_rgba_parse (&c, text))
    g_assert_not_reached ();
  return c;
}

static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
to_srgb (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

/* OKLab (Björn Ottosson, 2020): perceptually even lightness, so a ramp
 * interpolated in it has even greyscale steps. */
static void
rgb_to_oklab (const EvkRgba *c,
              double         lab[3])
{
  double r = to_linear (c->r), g = to_linear (c->g), b = to_linear (c->b);
  double l = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  double m = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  double s = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);

  lab[0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
  lab[1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
  lab[2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
}

static void
oklab_to_rgb (const double  lab[3],
              EvkRgba      *out)
{
  double l = lab[0] + 0.3963377774 * lab[1] + 0.2158037573 * lab[2];
  double m = lab[0] - 0.1055613458 * lab[1] - 0.0638541728 * lab[2];
  double s = lab[0] - 0.0894841775 * lab[1] - 1.2914855480 * lab[2];

  l = l * l * l;
  m = m * m * m;
  s = s * s * s;
  out->r = to_srgb (4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  out->g = to_srgb (-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  out->b = to_srgb (-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
  out->a = 1.0;
}

static void
mix (const EvkRgba *a,
     const EvkRgba *b,
     double         t,
     EvkRgba       *out)
{
  double la[3], lb[3], lm[3];

  rgb_to_oklab (a, la);
  rgb_to_oklab (b, lb);
  for (guint k = 0; k < 3; k++)
    lm[k] = la[k] + (lb[k] - la[k]) * t;
  oklab_to_rgb (lm, out);
}

double
evk_rgba_luminance (const EvkRgba *c)
{
  return 0.2126 * to_linear (c->r) + 0.7152 * to_linear (c->g) + 0.0722 * to_linear (c->b);
}

double
evk_rgba_lightness (const EvkRgba *c)
{
  double lab[3];

  rgb_to_oklab (c, lab);
  return lab[0];
}

static void
set_palette (EvkChartStyle *style)
{
  /* Okabe & Ito (2008), the colour-blind-safe set, ordered so that every
   * two neighbours also differ in luminance (EVK_CHART_MIN_LUMINANCE_RATIO)
   * and stay apart in greyscale; blue first and orange second. */
  static const char * const okabe_ito[EVK_CHART_N_CATEGORICAL] = {
    "#0072b2", "#e69f00", "#009e73", "#56b4e9", "#d55e00", "#cc79a7", "#f0e442", "#999999",
  };

  /* ColorBrewer Blues for ordinal scales; for diverging scales an orange
   * arm below the neutral point and a blue arm above, distinguishable for
   * the common colour-vision deficiencies. The arms also keep to separate
   * bands of lightness (orange light, blue dark), so "weakened" and
   * "strengthened" stay apart when the page is printed in greyscale. */
  style->sequential_light = hex ("#c6dbef");
  style->sequential_dark = hex ("#08306b");
  style->negative_dark = hex ("#e08214");
  style->negative_light = hex ("#fdb863");
  style->positive_light = hex ("#3a78b8");
  style->positive_dark = hex ("#0b2d5e");
  for (guint i = 0; i < EVK_CHART_N_CATEGORICAL; i++)
    style->categorical[i] = hex (okabe_ito[i]);

  if (style->dark)
    {
      style->background = hex ("#1e1e1e");
      style->text = hex ("#ffffff");
      style->text_secondary = hex ("#b8b8b8");
      style->grid = hex ("#3d3d3d");
      style->baseline = hex ("#8a8a8a");
      style->dont_know = hex ("#8c8c8c");
      style->dont_know_alt = hex ("#5e5e5e");
      style->neutral = hex ("#959595");
      /* On a dark ground more is brighter: the ramp runs from a dim blue
       * that still stands off the background to the light end. */
      style->sequential_light = hex ("#1f4e85");
      style->sequential_dark = hex ("#cfe2f3");
    }
  else
    {
      style->background = hex ("#ffffff");
      style->text = hex ("#1a1a1a");
      style->text_secondary = hex ("#595959");
      style->grid = hex ("#e0e0e0");
      style->baseline = hex ("#8c8c8c");
      style->dont_know = hex ("#b3b3b3");
      style->dont_know_alt = hex ("#d9d9d9");
      style->neutral = hex ("#ebebeb");
    }
}

static EvkChartStyle *
style_new (void)
{
  EvkChartStyle *style = g_new0 (EvkChartStyle, 1);

  style->font_family = g_strdup ("DejaVu Sans");
  style->paint_background = TRUE;
  return style;
}

EvkChartStyle *
evk_chart_style_new_screen (gboolean dark)
{
  EvkChartStyle *style = style_new ();

  style->font_size = 9.5;
  style->title_size = 11.5;
  style->small_size = 8.5;
  style->dpi = 96;
  style->hairline = 0.75;   /* one pixel */
  style->dark = dark;
  style->grow_text = TRUE;
  style->pixel_text = TRUE;
  set_palette (style);
  return style;
}

EvkChartStyle *
evk_chart_style_new_print (double dpi)
{
  EvkChartStyle *style = style_new ();

  /* Nothing on paper under 8 pt (EVK_CHART_MIN_PRINT_SIZE): subtitles,
   * N, base and notes are read at arm's length, often as a photocopy. */
  style->font_size = 8;
  style->title_size = 9.5;
  style->small_size = EVK_CHART_MIN_PRINT_SIZE;
  style->dpi = dpi > 0 ? dpi : 72;
  style->hairline = 0.4;
  set_palette (style);
  return style;
}

EvkChartStyle *
evk_chart_style_copy (const EvkChartStyle *style)
{
  EvkChartStyle *copy = g_memdup2 (style, sizeof *style);

  copy->font_family = g_strdup (style->font_family);
  copy->recorder = style->recorder != NULL ? g_ptr_array_ref (style->recorder) : NULL;
  copy->ellipsized = style->ellipsized != NULL ? g_ptr_array_ref (style->ellipsized) : NULL;
  return copy;
}

void
evk_chart_style_free (EvkChartStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->font_family);
  g_clear_pointer (&style->recorder, g_ptr_array_unref);
  g_clear_pointer (&style->ellipsized, g_ptr_array_unref);
  g_free (style);
}

void
evk_chart_style_set_recorder (EvkChartStyle *style,
                              GPtrArray     *strings)
{
  if (strings != NULL)
    g_ptr_array_ref (strings);
  g_clear_pointer (&style->recorder, g_ptr_array_unref);
  style->recorder = strings;
}

void
evk_chart_style_sequential (const EvkChartStyle *style,
                            guint                n,
                            guint                i,
                            EvkRgba             *out)
{
  /* Two steps use the ends' inner thirds: the extremes look like "all"
   * and "nothing" next to each other. */
  double t;

  if (n <= 1)
    t = 0.75;
  else if (n == 2)
    t = i == 0 ? 0.3 : 0.9;
  else
    t = (double) MIN (i, n - 1) / (n - 1);
  mix (&style->sequential_light, &style->sequential_dark, t, out);
}

void
evk_chart_style_diverging (const EvkChartStyle *style,
                           guint                n_negative,
                           guint                n_neutral,
                           guint                n_positive,
                           guint                i,
                           EvkRgba             *out)
{
  if (i < n_negative)
    {
      double t = n_negative > 1 ? (double) i / (n_negative - 1) : 0.5;
      mix (&style->negative_dark, &style->negative_light, t, out);
    }
  else if (i < n_negative + n_neutral)
    *out = style->neutral;
  else
    {
      guint k = i - n_negative - n_neutral;
      double t = n_positive > 1 ? (double) MIN (k, n_positive - 1) / (n_positive - 1) : 0.5;
      mix (&style->positive_light, &style->positive_dark, t, out);
    }
}

void
evk_chart_style_categorical (const EvkChartStyle *style,
                             guint                i,
                             EvkRgba             *out)
{
  *out = style->categorical[i % EVK_CHART_N_CATEGORICAL];
}

void
evk_chart_style_dont_know_among (const EvkChartStyle *style,
                                 const EvkRgba       *colours,
                                 guint                n,
                                 EvkRgba             *out)
{
  double lo = style->dark ? 0.45 : 0.6, hi = style->dark ? 0.75 : 0.86;
  double best = evk_rgba_lightness (&style->dont_know), best_distance = -1;

  for (double l = lo; l <= hi + 1e-9; l += 0.005)
    {
      double distance = G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        distance = MIN (distance, fabs (evk_rgba_lightness (&colours[i]) - l));
      if (distance > best_distance + 1e-9)
        {
          best_distance = distance;
          best = l;
        }
    }
  /* A neutral grey's OKLab lightness is the cube root of its luminance. */
  out->r = out->g = out->b = to_srgb (best * best * best);
  out->a = 1;
}

void
evk_chart_style_text_on (const EvkChartStyle *style,
                         const EvkRgba       *fill,
                         EvkRgba             *out)
{
  static const EvkRgba white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  double l = evk_rgba_luminance (fill);

  /* Whichever of white and black has the higher contrast ratio: one of
   * them always reaches 4.58:1, above WCAG's 4.5:1 for small text. */
  *out = 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? white : black;
  (void) style;
}
