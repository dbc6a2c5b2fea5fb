/* test-chart.c: every chart kind drawn from the demo's tables
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden images of every kind in nb and en, compared with a tolerance;
 * every number of a chart's table found in the text it drew; every kind
 * drawn at extreme sizes and with extreme tables without ink outside the
 * canvas; hit regions, export, palette and the pure layout helpers.
 *
 * The golden images are rewritten by
 *   meson compile -C BUILDDIR update-chart-goldens
 * (or EVK_UPDATE_GOLDENS=1 meson test -C BUILDDIR chart). Look at them
 * before committing: tests/chart/README.md says what to look for.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "chart-cases.h"
#include "evk-chart-export.h"
#include "evk-chart-private.h"
#include "evk-format.h"
#include "evk-localized.h"
#include "evk-report-layout.h"
#include "evk-report-outline.h"
#include "evk-test-example.h"

/* A pixel differs when a channel moves by more than this; an image
 * differs when more than this fraction of its pixels do. Font rasterisers
 * of different FreeType releases move edges by a few levels only. */
#define PIXEL_TOLERANCE    48
#define MAX_DIFFERING      0.004
#define GOLDEN_WIDTH       720

static EvkProject *project;
static GPtrArray *cases;
static char *tmp_dir;
static gboolean have_fonts;
static GPtrArray *test_data;    /* strings the test cases point at */

static const char * const langs[] = { "nb", "en" };

static ChartCase *
find_case (const char *name)
{
  for (guint i = 0; i < cases->len; i++)
    {
      ChartCase *chart = g_ptr_array_index (cases, i);
      if (g_str_equal (chart->name, name))
        return chart;
    }
  g_error ("no chart case %s", name);
  return NULL;
}

static cairo_surface_t *
render (ChartCase           *chart,
        const char          *lang,
        const EvkChartStyle *style,
        double               width,
        double               height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  const char *names[2] = { NULL, NULL };
  EvkChartSpec spec;

  chart_case_spec (chart, lang, &spec, names);
  evk_chart_hits_free (evk_chart_draw_groups (chart->kind, chart->tables, chart->n_tables, &spec, style, cr,
                                              width, height));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static double
golden_height (ChartCase           *chart,
               const char          *lang,
               const EvkChartStyle *style)
{
  const char *names[2] = { NULL, NULL };
  EvkChartSpec spec;

  chart_case_spec (chart, lang, &spec, names);
  return CLAMP (ceil (evk_chart_preferred_height (chart->kind, chart->tables, chart->n_tables, &spec, style,
                                                  GOLDEN_WIDTH)), 160, 1400);
}

static char *
out_path (const char *name)
{
  const char *build = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (build != NULL ? build : ".", "chart-out", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

/* Fraction of differing pixels, or 2 when the sizes differ. */
static double
compare (cairo_surface_t *a,
         cairo_surface_t *b,
         cairo_surface_t *diff)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint differing = 0;

  if (w != cairo_image_surface_get_width (b) || h != cairo_image_surface_get_height (b))
    return 2;
  cairo_surface_flush (b);
  for (int y = 0; y < h; y++)
    {
      const guint32 *pa = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *pb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));
      guint32 *pd = (guint32 *) (cairo_image_surface_get_data (diff) + y * cairo_image_surface_get_stride (diff));

      for (int x = 0; x < w; x++)
        {
          int most = 0;

          for (int shift = 0; shift < 32; shift += 8)
            most = MAX (most, ABS ((int) ((pa[x] >> shift) & 0xff) - (int) ((pb[x] >> shift) & 0xff)));
          if (most > PIXEL_TOLERANCE)
            {
              differing++;
              pd[x] = 0xffff0000;
            }
          else
            pd[x] = 0xff000000 | (((pa[x] & 0xff) / 3 + 170) * 0x010101);
        }
    }
  cairo_surface_mark_dirty (diff);
  return (double) differing / ((double) w * h);
}

static void
test_golden (gconstpointer data)
{
  g_auto(GStrv) parts = g_strsplit (data, "/", 2);
  ChartCase *chart = find_case (parts[0]);
  const char *lang = parts[1];
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_screen (FALSE);
  g_autofree char *file = g_strdup_printf ("%s-%s.png", chart->name, lang);
  g_autofree char *golden = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "chart", "golden", file, NULL);
  g_autofree char *actual_path = out_path (file);
  double height = golden_height (chart, lang, style);
  cairo_surface_t *actual = render (chart, lang, style, GOLDEN_WIDTH, height);
  cairo_surface_t *expected = NULL;

  if (!have_fonts)
    {
      g_test_skip ("DejaVu Sans (fonts-dejavu-core) is not installed");
      cairo_surface_destroy (actual);
      return;
    }
  g_assert_cmpint (cairo_surface_write_to_png (actual, actual_path), ==, CAIRO_STATUS_SUCCESS);

  if (g_strcmp0 (g_getenv ("EVK_UPDATE_GOLDENS"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", golden);
      cairo_surface_destroy (actual);
      return;
    }

  expected = cairo_image_surface_create_from_png (golden);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: no golden image (%s); run `meson compile -C BUILDDIR update-chart-goldens` and look at it",
             golden, cairo_status_to_string (cairo_surface_status (expected)));
  {
    cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GOLDEN_WIDTH, (int) height);
    double differing = compare (actual, expected, diff);

    if (differing > MAX_DIFFERING)
      {
        g_autofree char *diff_name = g_strdup_printf ("%s-%s-diff.png", chart->name, lang);
        g_autofree char *diff_path = out_path (diff_name);

        cairo_surface_write_to_png (diff, diff_path);
        if (differing > 1)
          g_error ("%s (%s): %d × %d, the golden image is %d × %d; drawn: %s", chart->name, chart->figure,
                   GOLDEN_WIDTH, (int) height, cairo_image_surface_get_width (expected),
                   cairo_image_surface_get_height (expected), actual_path);
        g_error ("%s (%s): %.2f %% of the pixels differ from %s (at most %.2f %%); drawn: %s, differences: %s",
                 chart->name, chart->figure, 100 * differing, golden, 100 * MAX_DIFFERING, actual_path, diff_path);
      }
    g_test_message ("%s-%s: %.3f %% of the pixels differ", chart->name, lang, 100 * differing);
    cairo_surface_destroy (diff);
  }
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

/* ---- Every number of the table appears in the drawing --------------- */

static gboolean
is_number_char (gunichar c)
{
  return g_unichar_isdigit (c) || c == ',' || c == '.';
}

/* number occurs in text, not as part of a longer number ("8 %" is not in
 * "18 %", "5 103" is not in "15 103"). */
static gboolean
contains_number (const char *text,
                 const char *number)
{
  gsize len = strlen (number);

  for (const char *p = strstr (text, number); p != NULL; p = strstr (p + 1, number))
    {
      const char *after = p + len;
      gboolean before_ok = TRUE, after_ok = TRUE;

      if (p > text)
        {
          const char *prev = g_utf8_prev_char (p);
          gunichar c = g_utf8_get_char (prev);

          before_ok = !is_number_char (c);
          /* "5 103": a grouping space counts as part of the number. */
          if ((c == 0x202F || c == ' ') && prev > text && g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (prev))) &&
              g_unichar_isdigit (g_utf8_get_char (p)) && strchr (number, '%') == NULL)
            before_ok = FALSE;
        }
      if (*after != '\0')
        {
          gunichar c = g_utf8_get_char (after);
          after_ok = !is_number_char (c) || ((c == ',' || c == '.') && !g_unichar_isdigit (g_utf8_get_char (after + 1)));
          if (c == 0x202F && g_unichar_isdigit (g_utf8_get_char (g_utf8_next_char (after))))
            after_ok = FALSE;
        }
      if (before_ok && after_ok)
        return TRUE;
    }
  return FALSE;
}

/* Takes number and what. */
static void
expect (GPtrArray *expected,
        char      *number,
        char      *what)
{
  g_ptr_array_add (expected, g_strdup_printf ("%s\t%s", number, what));
  g_free (number);
  g_free (what);
}

static guint
row_n (EvkTable *table,
       guint     r)
{
  EvkTableEntry *row = evk_table_row (table, r);

  return row->n_base > 0 ? row->n_base : table->n_base;
}

/* What each kind promises to print: every share it draws a bar for (a
 * share of zero has no bar and no label), every count it marks, and the N
 * of every base. */
static GPtrArray *
expected_numbers (ChartCase          *chart,
                  const EvkChartSpec *spec)
{
  GPtrArray *expected = g_ptr_array_new_with_free_func (g_free);
  const char *lang = spec->language;

  for (guint t = 0; t < chart->n_tables; t++)
    {
      EvkTable *table = chart->tables[t];
      guint m = table->columns->len;

      for (guint r = 0; r < table->rows->len; r++)
        {
          for (guint c = 0; c < m; c++)
            {
              EvkCell *cell = evk_table_cell (table, r, c);
              g_autofree char *what = g_strdup_printf ("table %u, row %s, column %s", t,
                                                       evk_table_row (table, r)->key, evk_table_column (table, c)->key);

              switch (chart->kind)
                {
                case EVK_CHART_RANKED_SHARES:
                  if (c == 0 && cell->share > 0)
                    expect (expected, evk_chart_format_share (spec, cell->share), g_strdup (what));
                  break;
                case EVK_CHART_STATUS_SUMMARY:
                case EVK_CHART_DOCUMENTS_MATRIX:
                  if (cell->n > 0)
                    expect (expected, evk_format_number (lang, cell->n, 0), g_strdup (what));
                  break;
                case EVK_CHART_TABLE:
                  if (g_strcmp0 (table->kind, "count") == 0)
                    expect (expected, evk_format_number (lang, cell->n, 0), g_strdup (what));
                  else if (g_strcmp0 (table->kind, "representativity") == 0)
                    expect (expected, evk_chart_format_share (spec, cell->share), g_strdup (what));
                  else
                    {
                      expect (expected, evk_format_number (lang, cell->n, 0), g_strdup (what));
                      expect (expected, evk_chart_format_share (spec, cell->share), g_strdup (what));
                    }
                  break;
                default:
                  if (cell->share > 0)
                    expect (expected, evk_chart_format_share (spec, cell->share), g_strdup (what));
                  break;
                }
            }
          if (chart->kind == EVK_CHART_OUTCOME || chart->kind == EVK_CHART_DIVERGING ||
              chart->kind == EVK_CHART_AWARENESS)
            expect (expected, evk_format_number (lang, row_n (table, r), 0), g_strdup_printf ("N of row %u", r));
          if (chart->kind == EVK_CHART_STATUS_SUMMARY)
            {
              double total = 0;
              for (guint c = 0; c < m; c++)
                total += evk_table_cell (table, r, c)->n;
              expect (expected, evk_format_number (lang, total, 0), g_strdup_printf ("total of row %u", r));
            }
        }
      if (chart->kind == EVK_CHART_DISTRIBUTION)
        for (guint c = 0; c < m; c++)
          {
            EvkTableEntry *column = evk_table_column (table, c);
            expect (expected, evk_format_number (lang, column->n_base > 0 ? column->n_base : table->n_base, 0),
                    g_strdup_printf ("N of group %u", c));
          }
      else if (table->n_base > 0 && chart->kind != EVK_CHART_OUTCOME && chart->kind != EVK_CHART_DIVERGING)
        expect (expected, evk_format_number (lang, table->n_base, 0), g_strdup ("N"));
    }
  return expected;
}

static void
check_numbers (ChartCase           *chart,
               const char          *lang,
               EvkChartStyle       *style,
               double               width,
               double               height)
{
  g_autoptr(GPtrArray) drawn = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = NULL;
  const char *names[2] = { NULL, NULL };
  EvkChartSpec spec;
  cairo_surface_t *surface;

  evk_chart_style_set_recorder (style, drawn);
  surface = render (chart, lang, style, width, height);
  cairo_surface_destroy (surface);
  evk_chart_style_set_recorder (style, NULL);

  chart_case_spec (chart, lang, &spec, names);
  expected = expected_numbers (chart, &spec);
  g_assert_cmpuint (expected->len, >, 0);
  for (guint i = 0; i < expected->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (expected, i), "\t", 2);
      gboolean found = FALSE;

      for (guint k = 0; k < drawn->len && !found; k++)
        found = contains_number (g_ptr_array_index (drawn, k), parts[0]);
      if (!found)
        {
          g_autoptr(GString) all = g_string_new (NULL);
          for (guint k = 0; k < drawn->len; k++)
            g_string_append_printf (all, "“%s” ", (char *) g_ptr_array_index (drawn, k));
          g_error ("%s (%s, %s, %g × %g): “%s” (%s) is not in the drawing; drawn: %s", chart->name, chart->figure,
                   lang, width, height, parts[0], parts[1], all->str);
        }
    }
}

static void
test_numbers (gconstpointer data)
{
  ChartCase *chart = find_case (data);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(EvkChartStyle) screen = evk_chart_style_new_screen (FALSE);
      g_autoptr(EvkChartStyle) paper = evk_chart_style_new_print (300);
      g_autoptr(EvkChartStyle) dark = evk_chart_style_new_screen (TRUE);
      const char *names[2] = { NULL, NULL };
      EvkChartSpec spec;
      double h;

      check_numbers (chart, langs[l], screen, GOLDEN_WIDTH, golden_height (chart, langs[l], screen));
      check_numbers (chart, langs[l], dark, 1600, 1000);
      /* 16 cm wide at 300 dpi, as tall as it wants to be. */
      chart_case_spec (chart, langs[l], &spec, names);
      h = evk_chart_preferred_height (chart->kind, chart->tables, chart->n_tables, &spec, paper, 16 / 2.54 * 300);
      check_numbers (chart, langs[l], paper, 16 / 2.54 * 300, ceil (h));
    }
}

/* 8 cm wide in print: every number still drawn, nothing outside. */
static void
test_narrow_print (gconstpointer data)
{
  ChartCase *chart = find_case (data);
  g_autoptr(EvkChartStyle) paper = evk_chart_style_new_print (300);
  double width = 8 / 2.54 * 300;

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      const char *names[2] = { NULL, NULL };
      EvkChartSpec spec;
      double h;

      chart_case_spec (chart, langs[l], &spec, names);
      h = evk_chart_preferred_height (chart->kind, chart->tables, chart->n_tables, &spec, paper, width);
      check_numbers (chart, langs[l], paper, width, ceil (h));
    }
}

/* ---- Extremes -------------------------------------------------------- */

static char *
long_label (guint index,
            guint length,
            gboolean spaces)
{
  static const char * const words[] = {
    "Økt", "kompetanse", "på", "integrering,", "inkludering", "eller", "kulturforståelse", "blant",
    "frivillige", "organisasjoners", "tillitsvalgte", "i", "små", "kommuner",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%u ", index + 1);
  for (guint i = 0; out->len < length; i++)
    {
      g_string_append (out, words[(i + index) % G_N_ELEMENTS (words)]);
      if (spaces)
        g_string_append_c (out, ' ');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A table shaped for kind with n_rows rows (and n_columns, 0: the kind's),
 * deterministic shares and labels of label_length characters. */
static EvkTable *
synthetic (EvkChartKind kind,
           guint        n_rows,
           guint        n_columns,
           guint        label_length,
           gboolean     spaces)
{
  static const guint columns_of[EVK_CHART_N_KINDS] = { 3, 2, 6, 2, 2, 7, 3, 3, 3 };
  guint m = n_columns > 0 ? n_columns : columns_of[kind];
  EvkTable *table = evk_table_new ("synthetic", n_rows, m);
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_rows * 31 + m + label_length);

  table->n_base = 4000;
  table->base = 4000;
  evk_localized_set (table->base_label, "nb", "alle respondenter");
  evk_localized_set (table->title, "nb", "Tittel");
  for (guint c = 0; c < m; c++)
    {
      EvkTableEntry *column = evk_table_column (table, c);
      g_autofree char *label = long_label (c, MIN (label_length, 60), spaces);

      column->key = g_strdup_printf ("c%u", c);
      column->value = c + 1;
      evk_localized_set (column->label, "nb", label);
      if ((kind == EVK_CHART_OUTCOME || kind == EVK_CHART_DIVERGING) && m > 2 && c == m - 1)
        column->role = EVK_ENTRY_DONT_KNOW;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      EvkTableEntry *row = evk_table_row (table, r);
      g_autofree char *label = long_label (r, label_length, spaces);
      double sum = 0, weights[16] = { 0 };

      row->key = g_strdup_printf ("r%u", r);
      evk_localized_set (row->label, "nb", label);
      if (kind == EVK_CHART_DOCUMENTS_MATRIX && r % 5 == 0)
        row->role = EVK_ENTRY_TOTAL;
      if (kind == EVK_CHART_OUTCOME || kind == EVK_CHART_DIVERGING)
        row->n_base = 3000 + r;
      for (guint c = 0; c < m; c++)
        sum += weights[MIN (c, 15)] = g_rand_double_range (rand, 0.01, 1) * (c % 3 == 1 ? 0.05 : 1);
      for (guint c = 0; c < m; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);
          cell->share = 100 * weights[MIN (c, 15)] / sum;
          cell->n = (guint) round (cell->share * 40);
          cell->count = cell->n;
        }
    }
  return table;
}

static void
assert_inside (EvkChartKind         kind,
               EvkTable            *table,
               const EvkChartStyle *style,
               double               width,
               double               height,
               const char          *what)
{
  const double margin = 1000;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;
  EvkChartSpec spec;

  evk_chart_spec_init (&spec, kind, "nb");
  spec.caption = "Figur 3-2: Andel som har hørt om og brukt tiltakene, etter gruppe";
  cairo_translate (cr, margin, margin);
  evk_chart_hits_free (evk_chart_draw (kind, table, &spec, style, cr, width, height));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  cairo_surface_destroy (surface);

  if (w > 0 && (x < margin - 0.5 || y < margin - 0.5 || x + w > margin + width + 0.5 ||
                y + h > margin + height + 0.5))
    g_error ("%s (%s) at %g × %g: ink from (%.1f, %.1f) to (%.1f, %.1f), outside the canvas",
             evk_chart_kind_to_string (kind), what, width, height, x - margin, y - margin,
             x + w - margin, y + h - margin);
}

static void
test_extremes (gconstpointer data)
{
  EvkChartKind kind = GPOINTER_TO_UINT (data);
  static const double sizes[][2] = {
    { 40, 30 }, { 120, 80 }, { 227, 140 }, { 320, 200 }, { 800, 500 }, { 3840, 2160 }, { 3840, 60 }, { 60, 1200 },
  };
  struct {
    const char *what;
    guint rows, columns, label;
    gboolean spaces;
  } shapes[] = {
    { "empty", 0, 0, 10, TRUE },
    { "no columns", 3, 0, 10, TRUE },
    { "one category", 1, 1, 12, TRUE },
    { "40 categories", 40, 0, 30, TRUE },
    { "300-character labels", 6, 0, 300, TRUE },
    { "300 characters, no spaces", 4, 0, 300, FALSE },
  };
  g_autoptr(EvkChartStyle) screen = evk_chart_style_new_screen (FALSE);
  g_autoptr(EvkChartStyle) paper = evk_chart_style_new_print (72);

  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      g_autoptr(EvkTable) table = synthetic (kind, shapes[s].rows, shapes[s].columns, shapes[s].label, shapes[s].spaces);

      if (g_str_equal (shapes[s].what, "no columns"))
        while (table->columns->len > 0)
          evk_table_remove_column (table, 0);
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          assert_inside (kind, table, screen, sizes[z][0], sizes[z][1], shapes[s].what);
          assert_inside (kind, table, paper, sizes[z][0], sizes[z][1], shapes[s].what);
        }
    }
  /* Nothing at all, and the demo's own charts at the extremes. */
  assert_inside (kind, NULL, screen, 300, 200, "no table");
  for (guint i = 0; i < cases->len; i++)
    {
      ChartCase *chart = g_ptr_array_index (cases, i);

      if (chart->kind != kind)
        continue;
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        assert_inside (kind, chart->tables[0], screen, sizes[z][0], sizes[z][1], chart->name);
    }
}

/* EVK_CHART_SHOWCASE=DIR draws every demo chart in both languages as the
 * window (light, dark, 4K), the report (16 cm and 8 cm at 300 dpi) and a
 * PDF would show it, for a person to look at. */
static void
test_showcase (void)
{
  const char *dir = g_getenv ("EVK_CHART_SHOWCASE");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < cases->len; i++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        ChartCase *chart = g_ptr_array_index (cases, i);
        g_autoptr(EvkChartStyle) light = evk_chart_style_new_screen (FALSE);
        g_autoptr(EvkChartStyle) dark = evk_chart_style_new_screen (TRUE);
        g_autoptr(EvkChartStyle) paper = evk_chart_style_new_print (300);
        const struct {
          const char *what;
          EvkChartStyle *style;
          double width, height;
        } views[] = {
          { "screen", light, 720, 0 },
          { "dark", dark, 1600, 1000 },
          { "4k", light, 3840, 2160 },
          { "16cm", paper, 16 / 2.54 * 300, 0 },
          { "8cm", paper, 8 / 2.54 * 300, 0 },
        };

        for (guint v = 0; v < G_N_ELEMENTS (views); v++)
          {
            const char *names[2] = { NULL, NULL };
            g_autofree char *file = g_strdup_printf ("%s-%s-%s.png", chart->name, langs[l], views[v].what);
            g_autofree char *path = g_build_filename (dir, file, NULL);
            double height = views[v].height;
            EvkChartSpec spec;
            cairo_surface_t *surface;

            chart_case_spec (chart, langs[l], &spec, names);
            if (height == 0)
              height = ceil (evk_chart_preferred_height (chart->kind, chart->tables, chart->n_tables, &spec,
                                                         views[v].style, views[v].width));
            surface = render (chart, langs[l], views[v].style, views[v].width, height);
            g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
            cairo_surface_destroy (surface);
          }
        {
          const char *names[2] = { NULL, NULL };
          g_autofree char *file = g_strdup_printf ("%s-%s.pdf", chart->name, langs[l]);
          g_autofree char *path = g_build_filename (dir, file, NULL);
          g_autoptr(GError) error = NULL;
          EvkChartSpec spec;

          chart_case_spec (chart, langs[l], &spec, names);
          evk_chart_export_groups (chart->kind, chart->tables, chart->n_tables, &spec, EVK_CHART_FORMAT_PDF, path,
                                   453.5, 300, 0, &error);
          g_assert_no_error (error);
        }
      }
}

/* With EVK_CHART_SHOWCASE set, the extreme tables too, at sizes a person
 * can look at. */
static void
test_showcase_extremes (void)
{
  const char *dir = g_getenv ("EVK_CHART_SHOWCASE");
  static const struct {
    const char *what;
    guint rows, label;
    gboolean spaces;
    double width, height;
  } shapes[] = {
    { "40-categories", 40, 30, TRUE, 800, 500 },
    { "long-labels", 5, 300, TRUE, 800, 500 },
    { "no-spaces", 3, 300, FALSE, 320, 200 },
  };
  g_autoptr(EvkChartStyle) screen = evk_chart_style_new_screen (FALSE);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint k = 0; k < EVK_CHART_N_KINDS; k++)
    for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
      {
        g_autoptr(EvkTable) table = synthetic (k, shapes[s].rows, 0, shapes[s].label, shapes[s].spaces);
        g_autofree char *file = g_strdup_printf ("x-%s-%s.png", evk_chart_kind_to_string (k), shapes[s].what);
        g_autofree char *path = g_build_filename (dir, file, NULL);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, shapes[s].width, shapes[s].height);
        cairo_t *cr = cairo_create (surface);
        EvkChartSpec spec;

        evk_chart_spec_init (&spec, k, "nb");
        evk_chart_hits_free (evk_chart_draw (k, table, &spec, screen, cr, shapes[s].width, shapes[s].height));
        cairo_destroy (cr);
        g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
      }
}

/* ---- Hits, export, palette, helpers ---------------------------------- */

static void
test_hits (void)
{
  ChartCase *chart = find_case ("awareness");
  EvkTable *table = chart->tables[0];
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_screen (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 720, 300);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(EvkChartHits) hits = NULL;
  EvkChartSpec spec;
  guint cells = 0, legend = 0;

  evk_chart_spec_init (&spec, EVK_CHART_AWARENESS, "nb");
  hits = evk_chart_draw (EVK_CHART_AWARENESS, table, &spec, style, cr, 720, 300);
  for (guint i = 0; i < hits->hits->len; i++)
    {
      EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);
      const EvkChartHit *found;

      if (hit->kind == EVK_CHART_HIT_LEGEND)
        {
          legend++;
          continue;
        }
      if (hit->kind != EVK_CHART_HIT_CELL)
        continue;
      cells++;
      g_assert_cmpint (hit->row, ==, 0);
      g_assert_cmpint (hit->column, ==, (int) cells - 1);
      g_assert_cmpuint (hit->n, ==, evk_table_cell (table, 0, hit->column)->n);
      g_assert_cmpfloat (hit->share, ==, evk_table_cell (table, 0, hit->column)->share);
      {
        g_autofree char *share = evk_chart_format_share (&spec, hit->share);
        g_autofree char *n = evk_format_number ("nb", hit->n, 0);
        g_autofree char *base = evk_format_number ("nb", table->n_base, 0);
        g_autofree char *of = g_strdup_printf ("%s (%s av %s)", share, n, base);

        g_assert_nonnull (strstr (hit->text, of));
      }
      found = evk_chart_hits_find (hits, hit->x + hit->width / 2, hit->y + hit->height / 2);
      g_assert_true (found == hit);
      g_assert_cmpfloat (hit->x, >=, 0);
      g_assert_cmpfloat (hit->x + hit->width, <=, 720);
    }
  g_assert_cmpuint (cells, ==, 3);
  g_assert_cmpuint (legend, ==, 3);
  g_assert_null (evk_chart_hits_find (hits, -5, -5));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_export (void)
{
  ChartCase *chart = find_case ("outcome");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (tmp_dir, "outcome.png", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "outcome.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "outcome.pdf", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "outcome.csv", NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "outcome.gif", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-dir", "outcome.png", NULL);
  EvkChartFormat format;
  EvkChartSpec spec;
  cairo_surface_t *image;

  evk_chart_spec_init (&spec, EVK_CHART_OUTCOME, "en");
  spec.caption = "Figure 4-2: Outcomes of Bufdir's guide";

  g_assert_true (evk_chart_format_from_path (png, &format, &error));
  g_assert_cmpint (format, ==, EVK_CHART_FORMAT_PNG);
  /* 16 × 8 cm at 300 dpi. */
  evk_chart_export (EVK_CHART_OUTCOME, chart->tables[0], &spec, format, png, 453.5, 226.8, 300, &error);
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1890);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 945);
  cairo_surface_destroy (image);

  g_assert_true (evk_chart_export (EVK_CHART_OUTCOME, chart->tables[0], &spec, EVK_CHART_FORMAT_SVG, svg, 453.5,
                                   226.8, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = read_file (svg);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<svg"));
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "width=\"453.5pt\""));
  }
  g_assert_true (evk_chart_export (EVK_CHART_OUTCOME, chart->tables[0], &spec, EVK_CHART_FORMAT_PDF, pdf, 453.5,
                                   226.8, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = read_file (pdf);
    g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5), ==, 0);
  }
  g_assert_true (evk_chart_export (EVK_CHART_OUTCOME, chart->tables[0], &spec, EVK_CHART_FORMAT_CSV, csv, 453.5,
                                   226.8, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = read_file (csv);
    g_autofree char *expected = evk_table_to_csv (chart->tables[0], "en");
    g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, expected);
  }

  g_assert_false (evk_chart_format_from_path (bad, &format, &error));
  g_assert_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, bad));
  g_assert_nonnull (strstr (error->message, ".png, .svg, .pdf, .csv or .xlsx"));
  g_clear_error (&error);

  g_assert_false (evk_chart_export (EVK_CHART_OUTCOME, chart->tables[0], &spec, EVK_CHART_FORMAT_PNG, missing, 400,
                                    200, 96, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "outcome.png"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (evk_chart_export (EVK_CHART_OUTCOME, chart->tables[0], &spec, EVK_CHART_FORMAT_PNG, png, 400, 200,
                                    5000, &error));
  g_assert_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "5000 dpi"));
  g_clear_error (&error);

  g_assert_false (evk_chart_export (EVK_CHART_OUTCOME, chart->tables[0], &spec, EVK_CHART_FORMAT_PDF, pdf, 0, 200,
                                    0, &error));
  g_assert_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT);
  g_clear_error (&error);
}

static double
luminance_ratio (const EvkRgba *a,
                 const EvkRgba *b)
{
  double la = evk_rgba_luminance (a), lb = evk_rgba_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
assert_apart_in_grey (const char    *what,
                      guint          n,
                      guint          i,
                      guint          j,
                      const EvkRgba *a,
                      const EvkRgba *b)
{
  double ratio = luminance_ratio (a, b);

  if (ratio < EVK_CHART_MIN_LUMINANCE_RATIO)
    g_error ("%s of %u: colours %u and %u differ only %.3f:1 in luminance (at least %.2f:1 wanted)",
             what, n, i, j, ratio, EVK_CHART_MIN_LUMINANCE_RATIO);
}

/* Every chart kind draws its series from one of the style's scales: ordered
 * (sequential), diverging (with don't know beside it) or categorical.
 * Series that meet in a chart, neighbours in a scale and the two sides of
 * a diverging one, keep apart in greyscale, on paper and on both screens. */
static void
test_palette_greyscale (void)
{
  EvkChartStyle *styles[] = {
    evk_chart_style_new_print (72),
    evk_chart_style_new_screen (FALSE),
    evk_chart_style_new_screen (TRUE),
  };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      EvkChartStyle *style = styles[s];

      for (guint n = 2; n <= 7; n++)
        for (guint i = 1; i < n; i++)
          {
            EvkRgba a, b;

            evk_chart_style_sequential (style, n, i - 1, &a);
            evk_chart_style_sequential (style, n, i, &b);
            assert_apart_in_grey ("sequential", n, i - 1, i, &a, &b);
          }
      for (guint arm = 1; arm <= 3; arm++)
        for (guint neutral = 0; neutral <= 1; neutral++)
          {
            guint n = 2 * arm + neutral;
            EvkRgba c[7], grey;

            for (guint i = 0; i < n; i++)
              evk_chart_style_diverging (style, arm, neutral, arm, i, &c[i]);
            for (guint i = 1; i < n; i++)
              assert_apart_in_grey ("diverging", n, i - 1, i, &c[i - 1], &c[i]);
            /* Opposite steps ("weakened" and "strengthened") are the ones
             * a reader compares. */
            for (guint i = 0; i < arm; i++)
              assert_apart_in_grey ("diverging (opposite)", n, i, n - 1 - i, &c[i], &c[n - 1 - i]);
            /* Don't know follows the scale in bars and legend. */
            evk_chart_style_dont_know_among (style, c, n, &grey);
            assert_apart_in_grey ("don't know after diverging", n, n - 1, n, &c[n - 1], &grey);
          }
      for (guint i = 1; i < EVK_CHART_N_CATEGORICAL; i++)
        {
          EvkRgba a, b;

          evk_chart_style_categorical (style, i - 1, &a);
          evk_chart_style_categorical (style, i, &b);
          assert_apart_in_grey ("categorical", EVK_CHART_N_CATEGORICAL, i - 1, i, &a, &b);
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    evk_chart_style_free (styles[s]);
}

/* Subtitles, N, base and notes are printed at 8 pt or more, and their grey
 * reaches WCAG's 4.5:1 against the background in every style. */
static void
test_secondary_text (void)
{
  EvkChartStyle *styles[] = {
    evk_chart_style_new_print (72),
    evk_chart_style_new_print (300),
    evk_chart_style_new_screen (FALSE),
    evk_chart_style_new_screen (TRUE),
  };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      EvkChartStyle *style = styles[s];

      g_assert_cmpfloat (style->small_size, >=, EVK_CHART_MIN_PRINT_SIZE);
      g_assert_cmpfloat (style->font_size, >=, EVK_CHART_MIN_PRINT_SIZE);
      g_assert_cmpfloat (style->title_size, >=, style->font_size);
      g_assert_cmpfloat (luminance_ratio (&style->text_secondary, &style->background), >=, 4.5);
      g_assert_cmpfloat (luminance_ratio (&style->text, &style->background), >=, 4.5);
    }
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    evk_chart_style_free (styles[s]);
}

/* The review matrix (Fig 2-1) at the report's column width and its cap on
 * a figure's height, on paper: every measure's name is drawn whole, wrapped
 * onto more lines where it is long, never cut with an ellipsis. */
static void
check_review_whole (EvkProject *evaluation,
                    const char *what)
{
  g_autoptr(GError) error = NULL;
  EvkTable *table = chart_cases_review_table (evaluation, &error);
  ChartCase chart = { (char *) "review-matrix", "ch. 2.4", EVK_CHART_DOCUMENTS_MATRIX, { table, NULL }, 1 };
  double width = EVK_REPORT_PAGE_WIDTH - EVK_REPORT_PAGE_MARGIN_LEFT - EVK_REPORT_PAGE_MARGIN_RIGHT;

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, >, 0);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (72);
      g_autoptr(GPtrArray) drawn = g_ptr_array_new_with_free_func (g_free);
      const char *names[2] = { NULL, NULL };
      EvkChartSpec spec;
      cairo_surface_t *surface;
      double height;
      guint n_labels = 0;

      chart_case_spec (&chart, langs[l], &spec, names);
      height = MIN (evk_chart_preferred_height (chart.kind, chart.tables, 1, &spec, style, width),
                    EVK_REPORT_FIGURE_MAX_HEIGHT);
      style->ellipsized = g_ptr_array_new_with_free_func (g_free);
      evk_chart_style_set_recorder (style, drawn);
      surface = render (&chart, langs[l], style, width, height);
      cairo_surface_destroy (surface);
      for (guint i = 0; i < style->ellipsized->len; i++)
        g_test_message ("%s, %s: \"%s\" is cut short", what, langs[l],
                        (const char *) g_ptr_array_index (style->ellipsized, i));
      g_assert_cmpuint (style->ellipsized->len, ==, 0);
      /* Every row's name was drawn, not left out. */
      for (guint r = 0; r < table->rows->len; r++)
        {
          const char *label = evk_localized_get (evk_table_row (table, r)->label, langs[l]);

          if (label == NULL)
            continue;
          n_labels++;
          g_assert_true (g_ptr_array_find_with_equal_func (drawn, label, g_str_equal, NULL));
        }
      g_assert_cmpuint (n_labels, ==, table->rows->len);
    }
  evk_table_free (table);
}

static void
test_review_whole (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "example.evalkit", NULL);
  g_autoptr(EvkProject) example = NULL;

  if (!have_fonts)
    {
      g_test_skip ("DejaVu Sans is not installed");
      return;
    }
  check_review_whole (project, "demo");
  example = evk_test_make_example (path, TRUE, FALSE);
  check_review_whole (example, "digitalt-for-alle");
}

/* Don't know and the like are drawn grey wherever a chart draws them; the
 * legend names each grey, in the chart's own words: in a distribution of
 * several groups one entry per group (the category's label with the
 * group's), in a diverging chart one per category. */
static void
test_legend_apart (void)
{
  guint n_checked = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      ChartCase *chart = g_ptr_array_index (cases, i);
      EvkTable *table = chart->tables[0];
      guint n_series = 0;

      if (chart->kind != EVK_CHART_DISTRIBUTION && chart->kind != EVK_CHART_DIVERGING)
        continue;
      for (guint t = 0; t < chart->n_tables; t++)
        n_series += chart->tables[t]->columns->len;
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (72);
          g_autoptr(GPtrArray) drawn = g_ptr_array_new_with_free_func (g_free);
          gboolean by_row = chart->kind == EVK_CHART_DISTRIBUTION;
          guint n_entries = by_row ? table->rows->len : table->columns->len;
          cairo_surface_t *surface;

          evk_chart_style_set_recorder (style, drawn);
          surface = render (chart, langs[l], style, 16 / 2.54 * 72, 400);
          cairo_surface_destroy (surface);
          for (guint e = 0; e < n_entries; e++)
            {
              EvkTableEntry *entry = by_row ? evk_table_row (table, e) : evk_table_column (table, e);
              const char *label = evk_localized_get (entry->label, langs[l]);
              guint n_legend = 0;

              if (entry->role == EVK_ENTRY_VALUE || label == NULL)
                continue;
              if (by_row)
                {
                  /* The axis names the category; the legend has an entry
                   * naming it with each group, when there are groups. */
                  for (guint d = 0; d < drawn->len; d++)
                    {
                      const char *text = g_ptr_array_index (drawn, d);

                      if (strstr (text, label) != NULL && strcmp (text, label) != 0)
                        n_legend++;
                    }
                  if (n_series > 1 && n_legend < n_series)
                    g_error ("%s, %s: \"%s\" is drawn in %u greys but named in the legend %u times",
                             chart->name, langs[l], label, n_series, n_legend);
                }
              else
                g_assert_true (g_ptr_array_find_with_equal_func (drawn, label, g_str_equal, NULL));
              n_checked++;
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_palette (void)
{
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (72);

  /* Ordered scales step evenly in lightness, far enough apart to tell in
   * greyscale print. */
  for (guint n = 3; n <= 7; n++)
    for (guint i = 1; i < n; i++)
      {
        EvkRgba a, b;

        evk_chart_style_sequential (style, n, i - 1, &a);
        evk_chart_style_sequential (style, n, i, &b);
        g_assert_cmpfloat (evk_rgba_lightness (&a) - evk_rgba_lightness (&b), >, 0.5 / n);
      }
  /* Each arm of the diverging scale darkens outwards. */
  {
    EvkRgba c[5];

    for (guint i = 0; i < 5; i++)
      evk_chart_style_diverging (style, 2, 1, 2, i, &c[i]);
    g_assert_cmpfloat (evk_rgba_lightness (&c[0]), <, evk_rgba_lightness (&c[1]) - 0.1);
    g_assert_cmpfloat (evk_rgba_lightness (&c[1]), <, evk_rgba_lightness (&c[2]));
    g_assert_cmpfloat (evk_rgba_lightness (&c[3]), >, evk_rgba_lightness (&c[4]) + 0.1);
    g_assert_cmpfloat (evk_rgba_lightness (&c[2]), >, evk_rgba_lightness (&c[3]));
  }
  /* Two groups differ in lightness, not only in hue. */
  {
    EvkRgba a, b;

    evk_chart_style_categorical (style, 0, &a);
    evk_chart_style_categorical (style, 1, &b);
    g_assert_cmpfloat (fabs (evk_rgba_lightness (&a) - evk_rgba_lightness (&b)), >, 0.15);
  }
  /* Text on a fill keeps a contrast of at least 4.5:1. */
  for (guint n = 2; n <= 6; n++)
    for (guint i = 0; i < n; i++)
      {
        EvkRgba fill, ink;
        double lf, li;

        evk_chart_style_sequential (style, n, i, &fill);
        evk_chart_style_text_on (style, &fill, &ink);
        lf = evk_rgba_luminance (&fill);
        li = evk_rgba_luminance (&ink);
        g_assert_cmpfloat ((MAX (lf, li) + 0.05) / (MIN (lf, li) + 0.05), >=, 4.5);
      }
}

static void
test_axis (void)
{
  g_assert_cmpfloat (evk_chart_axis_step (79, 4), ==, 20);
  g_assert_cmpfloat (evk_chart_axis_step (100, 5), ==, 20);
  g_assert_cmpfloat (evk_chart_axis_step (9, 4), ==, 2.5);
  g_assert_cmpfloat (evk_chart_axis_step (0.3, 3), ==, 0.1);
  g_assert_cmpfloat (evk_chart_axis_step (0, 4), ==, 0.25);
  g_assert_cmpfloat (evk_chart_axis_step (NAN, 4), ==, 0.25);

  {
    double w[] = { 10, 10, 10 }, c[] = { 50, 52, 54 }, x[3];

    g_assert_true (evk_chart_place_labels (w, c, 3, 0, 100, 2, x));
    g_assert_cmpfloat (x[1], >=, x[0] + 12);
    g_assert_cmpfloat (x[2], >=, x[1] + 12);
    g_assert_false (evk_chart_place_labels (w, c, 3, 0, 33, 2, x));
  }
  {
    double w[] = { 20, 20 }, c[] = { 98, 99 }, x[2];

    g_assert_true (evk_chart_place_labels (w, c, 2, 0, 100, 2, x));
    g_assert_cmpfloat (x[1] + 20, <=, 100);
    g_assert_cmpfloat (x[0] + 20 + 2, <=, x[1] + 1e-9);
  }
}

static void
test_labels (void)
{
  g_autoptr(GPtrArray) prefix = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) suffix = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) neither = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shared_prefix = NULL, *shared_suffix = NULL, *none = NULL;

  g_ptr_array_add (prefix, g_strdup ("Trenger for å styrke innsatsen: Mer midler"));
  g_ptr_array_add (prefix, g_strdup ("Trenger for å styrke innsatsen: økt kompetanse"));
  shared_prefix = evk_chart_shorten_labels (prefix);
  g_assert_cmpstr (shared_prefix, ==, "Trenger for å styrke innsatsen");
  g_assert_cmpstr (g_ptr_array_index (prefix, 0), ==, "Mer midler");
  g_assert_cmpstr (g_ptr_array_index (prefix, 1), ==, "Økt kompetanse");

  g_ptr_array_add (suffix, g_strdup ("Flere medlemmer: Bufdirs veileder"));
  g_ptr_array_add (suffix, g_strdup ("Flere aktiviteter: Bufdirs veileder"));
  shared_suffix = evk_chart_shorten_labels (suffix);
  g_assert_cmpstr (shared_suffix, ==, "Bufdirs veileder");
  g_assert_cmpstr (g_ptr_array_index (suffix, 1), ==, "Flere aktiviteter");

  g_ptr_array_add (neither, g_strdup ("A: x"));
  g_ptr_array_add (neither, g_strdup ("B: y"));
  none = evk_chart_shorten_labels (neither);
  g_assert_null (none);
  g_assert_cmpstr (g_ptr_array_index (neither, 0), ==, "A: x");
}

static void
test_format_share (void)
{
  EvkChartSpec nb, en;
  struct {
    double share;
    const char *nb, *en;
  } cases_[] = {
    { 8.4, "8 %", "8%" },
    { 0.5, "0,5 %", "0.5%" },
    { 0.96, "1 %", "1%" },
    { 0, "0 %", "0%" },
    { 78.503, "79 %", "79%" },
  };

  evk_chart_spec_init (&nb, EVK_CHART_AWARENESS, "nb");
  evk_chart_spec_init (&en, EVK_CHART_AWARENESS, "en");
  for (guint i = 0; i < G_N_ELEMENTS (cases_); i++)
    {
      g_autofree char *a = evk_chart_format_share (&nb, cases_[i].share);
      g_autofree char *b = evk_chart_format_share (&en, cases_[i].share);
      g_autoptr(GString) nb_want = g_string_new (cases_[i].nb);

      /* nb writes a narrow no-break space before % and as decimal group. */
      g_string_replace (nb_want, " ", "\u202f", 0);
      g_assert_cmpstr (a, ==, nb_want->str);
      g_assert_cmpstr (b, ==, cases_[i].en);
    }
  nb.decimals = 1;
  {
    g_autofree char *a = evk_chart_format_share (&nb, 8.44);
    g_assert_cmpstr (a, ==, "8,4\u202f%");
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  project = chart_cases_open_demo (&tmp_dir, &error);
  g_assert_no_error (error);
  {
    g_autofree char *sans = g_build_filename ("/usr/share/fonts/truetype/dejavu", "DejaVuSans.ttf", NULL);
    have_fonts = g_file_test (sans, G_FILE_TEST_EXISTS);
  }
  cases = chart_cases_new (project, &error);
  g_assert_no_error (error);
  test_data = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cases->len; i++)
    {
      ChartCase *chart = g_ptr_array_index (cases, i);
      g_autofree char *numbers = g_strdup_printf ("/evk/chart/numbers/%s", chart->name);
      g_autofree char *narrow = g_strdup_printf ("/evk/chart/narrow-print/%s", chart->name);

      g_test_add_data_func (numbers, chart->name, test_numbers);
      g_test_add_data_func (narrow, chart->name, test_narrow_print);
      if (!chart->golden)
        continue;
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autofree char *path = g_strdup_printf ("/evk/chart/golden/%s-%s", chart->name, langs[l]);
          char *data = g_strdup_printf ("%s/%s", chart->name, langs[l]);

          g_ptr_array_add (test_data, data);
          g_test_add_data_func (path, data, test_golden);
        }
    }
  for (guint k = 0; k < EVK_CHART_N_KINDS; k++)
    {
      g_autofree char *path = g_strdup_printf ("/evk/chart/extremes/%s", evk_chart_kind_to_string (k));
      g_test_add_data_func (path, GUINT_TO_POINTER (k), test_extremes);
    }
  /* Pictures for a person, not checks: only when asked for (`meson
   * compile chart-showcase`), so the suite has no test that always skips. */
  if (g_getenv ("EVK_CHART_SHOWCASE") != NULL)
    {
      g_test_add_func ("/evk/chart/showcase", test_showcase);
      g_test_add_func ("/evk/chart/showcase-extremes", test_showcase_extremes);
    }
  g_test_add_func ("/evk/chart/hits", test_hits);
  g_test_add_func ("/evk/chart/export", test_export);
  g_test_add_func ("/evk/chart/palette", test_palette);
  g_test_add_func ("/evk/chart/palette-greyscale", test_palette_greyscale);
  g_test_add_func ("/evk/chart/secondary-text", test_secondary_text);
  g_test_add_func ("/evk/chart/review-whole", test_review_whole);
  g_test_add_func ("/evk/chart/legend-apart", test_legend_apart);
  g_test_add_func ("/evk/chart/axis", test_axis);
  g_test_add_func ("/evk/chart/labels", test_labels);
  g_test_add_func ("/evk/chart/format-share", test_format_share);

  status = g_test_run ();

  g_clear_pointer (&cases, g_ptr_array_unref);
  g_clear_pointer (&test_data, g_ptr_array_unref);
  g_clear_object (&project);
  chart_cases_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
