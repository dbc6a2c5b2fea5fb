/* evk-report-layout.c: typesetting the report's blocks onto A4 pages with Pango
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "evk-chart-style.h"
#include "evk-data-dir.h"
#include "evk-markdown.h"
#include "evk-project.h"
#include "evk-report-layout.h"
#include "evk-report-private.h"
#include "evk-words.h"

/* The page: A4 in points, margins of a printed public report, a text
 * column of about 75 characters. */
#define MARGIN_LEFT    EVK_REPORT_PAGE_MARGIN_LEFT
#define MARGIN_RIGHT   EVK_REPORT_PAGE_MARGIN_RIGHT
#define MARGIN_TOP     EVK_REPORT_PAGE_MARGIN_TOP
#define MARGIN_BOTTOM  EVK_REPORT_PAGE_MARGIN_BOTTOM
#define TEXT_WIDTH     (EVK_REPORT_PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define TEXT_BOTTOM    (EVK_REPORT_PAGE_HEIGHT - MARGIN_BOTTOM)
#define HEADER_BASE    EVK_REPORT_HEADER_BASE
#define FOOTER_BASE    (EVK_REPORT_PAGE_HEIGHT - 44.0)

#define SERIF "Charis SIL"
#define SANS  "Noto Sans"

typedef struct {
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.11, 0.11, 0.12 };
static const Rgb grey = { 0.38, 0.38, 0.40 };
static const Rgb rule_grey = { 0.70, 0.70, 0.72 };
static const Rgb accent = { 0.09, 0.27, 0.45 };
static const Rgb header_fill = { 0.92, 0.94, 0.96 };
static const Rgb draft_red = { 0.78, 0.06, 0.18 };

/* The type scale: body 10.5/15, a step down for notes and tables, steps up
 * for headings; everything sits on the body's leading where it can. */
typedef struct {
  const char  *family;
  double       size;
  PangoWeight  weight;
  PangoStyle   style;
  double       leading;
  double       before;
  double       after;
  double       indent;       /* left */
  double       indent_right;
  gboolean     justify;
  double       hanging;      /* a hanging indent for lists of references */
  const Rgb   *colour;
} Style;

static const Style style_body      = { SERIF, 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 15.0, 0, 7.5, 0, 0, TRUE, 0, &ink };
static const Style style_list      = { SERIF, 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 15.0, 0, 3.0, 18, 0, TRUE, 0, &ink };
static const Style style_quote     = { SERIF, 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 14.0, 1.5, 9.0, 24, 24, TRUE, 0, &ink };
static const Style style_fact      = { SANS, 9.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 13.0, 0, 1.0, 0, 0, FALSE, 0, &ink };
static const Style style_code      = { "monospace", 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 11.5, 0, 7.5, 12, 0, FALSE, 0, &ink };
static const Style style_question  = { SANS, 9.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 12.5, 9.0, 2.0, 0, 0, FALSE, 0, &ink };
static const Style style_option    = { SANS, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 11.5, 0, 0.5, 18, 0, FALSE, 0, &grey };
static const Style style_note      = { SANS, 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 10.0, 3.0, 10.0, 0, 0, FALSE, 0, &grey };
static const Style style_reference = { SERIF, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 13.0, 0, 4.5, 0, 0, FALSE, 18, &ink };
static const Style style_caption   = { SANS, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 11.5, 6.0, 5.0, 0, 0, FALSE, 0, &ink };
static const Style style_cell      = { SANS, 8.2, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 10.5, 0, 0, 0, 0, FALSE, 0, &ink };
static const Style style_footnote  = { SERIF, 8.2, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 10.5, 0, 1.5, 12, 0, FALSE, 0, &ink };
static const Style style_h1        = { SANS, 19.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 24.0, 0, 18.0, 0, 0, FALSE, 0, &accent };
static const Style style_h2        = { SANS, 12.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 16.0, 16.0, 6.0, 0, 0, FALSE, 0, &ink };
static const Style style_h3        = { SANS, 10.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 14.0, 9.0, 2.5, 0, 0, FALSE, 0, &ink };
static const Style style_toc1      = { SANS, 9.8, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 13.5, 7.0, 1.0, 0, 0, FALSE, 0, &ink };
static const Style style_toc2      = { SERIF, 9.8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 13.0, 0, 1.0, 0, 0, FALSE, 0, &ink };
static const Style style_running   = { SANS, 7.8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 10.0, 0, 0, 0, 0, FALSE, 0, &grey };

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0

/* A laid-out text: lines placed on a fixed leading, so text on facing
 * lines and across pages keeps one rhythm. */
typedef struct {
  PangoLayout *layout;
  Style        own_style;   /* a copy: callers may pass a variant on the stack */
  const Style *style;
  double       width;
  int          n_lines;
  double      *line_x;      /* per line, from the layout's left edge */
  int         *line_start;  /* byte index of each line */
  int         *line_end;
  double       baseline;    /* from a line box's top to its baseline */
  double       natural;     /* widest line */
  /* Justified text: lines whose spaces would stretch too far are drawn
   * from the same text set ragged (the same breaks, its own positions). */
  PangoLayout *ragged;
  gboolean    *loose;
  double      *ragged_x;
} Text;

typedef struct {
  Text **cells;              /* n_rows × n_columns */
  double *row_height;
  double *col_x;
  double *col_width;
  guint  n_rows;
  guint  n_columns;
  Text  *caption;
  Text  *note;
  char  *continued;          /* the caption on later pages */
  Text  *continued_text;
} TableCache;

typedef struct {
  Text   *caption;
  double  chart_height;
} FigureCache;

typedef struct {
  guint   number;
  Text  **texts;
  guint   n_texts;
  Text   *label;
  double  height;
} Footnote;

typedef struct {
  guint   page;
  double  y;
} Anchor;

typedef struct {
  EvkReportDoc     *doc;
  EvkReportOptions *options;
  cairo_surface_t  *pdf;       /* NULL when not a PDF */
  cairo_t          *cr;        /* NULL while measuring */
  EvkPageSink      *sink;
  PangoContext     *pango;
  EvkChartStyle    *chart_style;
  gboolean          tagged;
  gboolean          list_open;       /* an L element is open */
  cairo_t          *document_cr;     /* where the Document element is open, or NULL */
  GPtrArray        *figure_alts;     /* char *: the alt text of each Figure, as drawn */
  GPtrArray        *link_texts;      /* char *: what each link annotation says, as drawn */
  gboolean          rtl;             /* the report's language runs right to left */

  guint             page;
  gboolean          page_open;
  double            y;
  gboolean          page_is_title;
  gboolean          page_opens_chapter;
  GPtrArray        *page_footnotes;  /* Footnote, on this page */
  double            footnote_height;
  const char       *chapter_title;
  char             *chapter_running;

  GHashTable       *anchors;         /* anchor → Anchor (pass 1, then final) */
  GHashTable       *footnotes;       /* number → Footnote */
  int               outline_parents[4];
  gboolean          measuring;
  guint             toc_pages;
  GPtrArray        *pending;         /* figures floated to the next page */
  GHashTable       *metrics;         /* font description → ascent, descent */
  guint             next_index;      /* the block after the current one */
  GError           *error;

  /* Chapters whose last page would hold only a few lines are set with
   * tighter paragraph spacing (found by the first measuring pass). */
  GHashTable       *tight_chapters;  /* index of the chapter's first block + 1 */
  guint             chapter_start;   /* the current chapter's first block */
  guint             chapter_first_page;
  double            spacing;         /* 1, or less in a tight chapter */
  gboolean          finding_tails;   /* the first pass: tight_chapters is filled */

  /* A draft PDF records where each place sits (evk-draft-map.h): the
   * regions open now, outermost first, and those finished. */
  gboolean          record_places;
  GPtrArray        *regions;         /* Region */
  GArray           *places;          /* EvkDraftAnchor */
} Layout;

typedef struct {
  EvkBlock *block;
  guint     level;                   /* 1–3; figures and tables G_MAXUINT */
  double    top;                     /* on the current page */
} Region;

void
evk_report_use_bundled_fonts (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autofree char *data_dir = evk_get_data_dir ();
      g_autofree char *fonts = g_build_filename (data_dir, "fonts", NULL);

      if (g_file_test (fonts, G_FILE_TEST_IS_DIR))
        FcConfigAppFontAddDir (NULL, (const FcChar8 *) fonts);
      g_once_init_leave (&done, 1);
    }
}

/* Text. */

static PangoFontDescription *
style_font (const Style *style)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->family);
  pango_font_description_set_absolute_size (desc, style->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, style->weight);
  pango_font_description_set_style (desc, style->style);
  return desc;
}

static void
text_free (Text *text)
{
  if (text == NULL)
    return;
  g_clear_object (&text->layout);
  g_clear_object (&text->ragged);
  g_free (text->loose);
  g_free (text->ragged_x);
  g_free (text->line_x);
  g_free (text->line_start);
  g_free (text->line_end);
  g_free (text);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Text, text_free)

/* The widest space of a justified line, as a multiple of the font's own. */
static double
line_space_stretch (PangoLayoutLine *line,
                    const char      *string)
{
  double widest = 0;

  for (GSList *r = line->runs; r != NULL; r = r->next)
    {
      PangoGlyphItem *run = r->data;
      hb_font_t *hb = pango_font_get_hb_font (run->item->analysis.font);
      hb_codepoint_t space;
      hb_position_t natural;

      if (hb == NULL || !hb_font_get_nominal_glyph (hb, ' ', &space))
        continue;
      natural = hb_font_get_glyph_h_advance (hb, space);
      for (int g = 0; natural > 0 && g < run->glyphs->num_glyphs; g++)
        if (string[run->item->offset + run->glyphs->log_clusters[g]] == ' ')
          widest = MAX (widest, (double) run->glyphs->glyphs[g].geometry.width / natural);
    }
  return widest;
}

/* A space stretched beyond this many times its width opens a hole in the
 * column (rivers down a page): such a line is set ragged instead. */
#define MAX_SPACE_STRETCH 2.5

static void
find_loose_lines (Text       *text,
                  const char *string)
{
  PangoLayoutIter *iter;
  gboolean any = FALSE;
  int i = 0;

  text->loose = g_new0 (gboolean, text->n_lines);
  /* The last line and lines ended by a line break are not stretched. */
  for (int k = 0; k < text->n_lines - 1; k++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (text->layout, k);

      text->loose[k] = line_space_stretch (line, string) > MAX_SPACE_STRETCH;
      any |= text->loose[k];
    }
  if (!any)
    return;
  text->ragged = pango_layout_copy (text->layout);
  pango_layout_set_justify (text->ragged, FALSE);
  g_return_if_fail (pango_layout_get_line_count (text->ragged) == text->n_lines);
  text->ragged_x = g_new0 (double, text->n_lines);
  iter = pango_layout_get_iter (text->ragged);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      text->ragged_x[i++] = (double) logical.x / PANGO_SCALE;
    }
  while (i < text->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Line i as it is drawn, and its x from the layout's left edge. */
static PangoLayoutLine *
text_line (Text   *text,
           int     i,
           double *x)
{
  if (text->ragged != NULL && text->loose[i])
    {
      *x = text->ragged_x[i];
      return pango_layout_get_line_readonly (text->ragged, i);
    }
  *x = text->line_x[i];
  return pango_layout_get_line_readonly (text->layout, i);
}

/* Whether a language's script runs right to left (Arabic, Hebrew,
 * Persian, Urdu …): the first script Pango knows for the tag decides. */
static gboolean
language_is_rtl (const char *lang)
{
  const PangoScript *scripts;
  int n = 0;

  scripts = pango_language_get_scripts (pango_language_from_string (lang), &n);
  if (scripts == NULL || n == 0)
    return FALSE;
  switch ((int) scripts[0])
    {
    case PANGO_SCRIPT_ARABIC:
    case PANGO_SCRIPT_HEBREW:
    case PANGO_SCRIPT_SYRIAC:
    case PANGO_SCRIPT_THAANA:
    case PANGO_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Where a box of width w that sits at x in a left-to-right report sits
 * in a right-to-left one: the text block mirrored about its middle. */
static double
mirror_x (Layout *l,
          double  x,
          double  w)
{
  return l->rtl ? 2 * MARGIN_LEFT + TEXT_WIDTH - x - w : x;
}

/* Alignments are written for a left-to-right page: in a right-to-left
 * report a line that starts at the left starts at the right. */
static PangoAlignment
mirror_align (Layout         *l,
              PangoAlignment  align)
{
  if (!l->rtl || align == PANGO_ALIGN_CENTER)
    return align;
  return align == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static Text *
text_new_full (Layout        *l,
               const Style   *style,
               const char    *string,
               PangoAttrList *attrs,
               double         width,
               gboolean       justify,
               PangoAlignment align,
               PangoTabArray *tabs)
{
  g_autoptr(PangoFontDescription) desc = style_font (style);
  g_autoptr(PangoAttrList) all = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  PangoFontMetrics *metrics;
  PangoLayoutIter *iter;
  Text *text = g_new0 (Text, 1);
  double ascent, descent;
  int i = 0;

  text->own_style = *style;
  text->style = &text->own_style;
  text->width = width;
  text->layout = pango_layout_new (l->pango);
  pango_layout_set_font_description (text->layout, desc);
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD);
  if (width > 0)
    pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_justify (text->layout, justify);
  pango_layout_set_alignment (text->layout, mirror_align (l, align));
  /* A right-to-left report sets every paragraph in its direction, an
   * untranslated one too, so that the page keeps one direction. */
  pango_layout_set_auto_dir (text->layout, !l->rtl);
  if (style->hanging > 0)
    pango_layout_set_indent (text->layout, (int) (-style->hanging * PANGO_SCALE));
  pango_attr_list_insert_before (all, pango_attr_language_new (pango_language_from_string (l->doc->lang)));
  pango_layout_set_attributes (text->layout, all);
  if (tabs != NULL)
    pango_layout_set_tabs (text->layout, tabs);
  pango_layout_set_text (text->layout, string, -1);

  /* Metrics are costly (Pango shapes a sample text for them): once per
   * font. */
  {
    g_autofree char *key = pango_font_description_to_string (desc);
    double *cached = g_hash_table_lookup (l->metrics, key);

    if (cached == NULL)
      {
        metrics = pango_context_get_metrics (l->pango, desc, pango_language_from_string (l->doc->lang));
        cached = g_new (double, 2);
        cached[0] = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
        cached[1] = (double) pango_font_metrics_get_descent (metrics) / PANGO_SCALE;
        pango_font_metrics_unref (metrics);
        g_hash_table_insert (l->metrics, g_steal_pointer (&key), cached);
      }
    ascent = cached[0];
    descent = cached[1];
  }
  text->baseline = (style->leading - (ascent + descent)) / 2 + ascent;

  text->n_lines = pango_layout_get_line_count (text->layout);
  text->line_x = g_new0 (double, text->n_lines);
  text->line_start = g_new0 (int, text->n_lines);
  text->line_end = g_new0 (int, text->n_lines);
  iter = pango_layout_get_iter (text->layout);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      text->line_x[i] = (double) logical.x / PANGO_SCALE;
      text->line_start[i] = line->start_index;
      text->line_end[i] = line->start_index + line->length;
      text->natural = MAX (text->natural, (double) logical.width / PANGO_SCALE);
      i++;
    }
  while (i < text->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (justify && width > 0)
    find_loose_lines (text, string);
  return text;
}

static Text *
text_new (Layout        *l,
          const Style   *style,
          const char    *string,
          PangoAttrList *attrs,
          double         width,
          gboolean       justify,
          PangoAlignment align)
{
  return text_new_full (l, style, string, attrs, width, justify, align, NULL);
}

static Text *
text_new_tabbed (Layout        *l,
                 const Style   *style,
                 const char    *string,
                 double         width,
                 PangoTabArray *tabs)
{
  return text_new_full (l, style, string, NULL, width, FALSE, PANGO_ALIGN_LEFT, tabs);
}

/* "4.1<tab>Title": number and title in one layout, wrapped lines hanging
 * under the title, so that the number is read with its heading. */
static Text *
text_new_numbered (Layout      *l,
                   const Style *style,
                   const char  *number,
                   const char  *title,
                   double       number_width,
                   double       width)
{
  g_autofree char *string = number != NULL ? g_strdup_printf ("%s\t%s", number, title) : g_strdup (title);
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                            (int) (number_width * PANGO_SCALE));
  Text *text;
  Style hanging = *style;

  hanging.hanging = number != NULL ? number_width : 0;
  text = text_new_tabbed (l, &hanging, string, width, tabs);
  pango_tab_array_free (tabs);
  return text;
}

#define MAX_HYPHENATED_LINES 2

/* Whether line i of text ends in a divided word: at a soft hyphen (Pango
 * draws a hyphen there), or after a hyphen inside a word ("e-|post"). */
static gboolean
line_ends_divided (Text       *text,
                   const char *string,
                   int         i,
                   gboolean   *soft)
{
  int end = text->line_end[i];

  *soft = end >= 2 && (guchar) string[end - 2] == 0xc2 && (guchar) string[end - 1] == 0xad;
  return *soft || (end >= 2 && string[end - 1] == '-' && g_ascii_isalpha (string[end - 2]));
}

/* The soft hyphen that ends the third of three divided lines in a row (or,
 * when that one is a hard hyphen, the nearest soft one before it), as a
 * byte index into string; -1 when no run is too long or it has only hard
 * hyphens. */
static int
excess_hyphen (Text       *text,
               const char *string)
{
  int run = 0;

  /* The last line ends the paragraph, not a word. */
  for (int i = 0; i < text->n_lines - 1; i++)
    {
      gboolean soft;

      run = line_ends_divided (text, string, i, &soft) ? run + 1 : 0;
      if (run > MAX_HYPHENATED_LINES)
        {
          for (int j = i; j > i - run; j--)
            if (line_ends_divided (text, string, j, &soft) && soft)
              return text->line_end[j] - 2;
          return -1;
        }
    }
  return -1;
}

/* Justified text divides at most two lines in a row: a ladder of hyphens
 * down the right edge is the mark of careless setting. The soft hyphen
 * that makes a third is taken out of rich (its spans and attributes move
 * with the text) and the paragraph set again, so the word stays whole
 * or divides at another of its points. */
static Text *
text_new_rich (Layout      *l,
               const Style *style,
               EvkRichText *rich,
               double       width)
{
  Text *text = text_new (l, style, rich->text, rich->attrs, width, style->justify, PANGO_ALIGN_LEFT);

  for (guint tries = 0; style->justify && tries < 64; tries++)
    {
      int excess = excess_hyphen (text, rich->text);

      if (excess < 0)
        break;
      text_free (text);
      evk_rich_text_delete (rich, (guint) excess, 2);
      text = text_new (l, style, rich->text, rich->attrs, width, style->justify, PANGO_ALIGN_LEFT);
    }
  return text;
}

static Text *
text_new_plain (Layout      *l,
                const Style *style,
                const char  *string,
                double       width)
{
  return text_new (l, style, string, NULL, width, FALSE, PANGO_ALIGN_LEFT);
}

static double
text_height (Text *text)
{
  return text->n_lines * text->style->leading;
}

static void
set_colour (cairo_t   *cr,
            const Rgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* Draws lines [first, last) with the first line's box top at top. */
static void
text_draw_lines (Layout *l,
                 Text   *text,
                 double  x,
                 double  top,
                 int     first,
                 int     last)
{
  if (l->cr == NULL)
    return;
  set_colour (l->cr, text->style->colour);
  for (int i = first; i < last; i++)
    {
      double line_x;
      PangoLayoutLine *line = text_line (text, i, &line_x);

      cairo_move_to (l->cr, x + line_x, top + (i - first) * text->style->leading + text->baseline);
      pango_cairo_show_layout_line (l->cr, line);
    }
}

static void
text_draw (Layout *l,
           Text   *text,
           double  x,
           double  top)
{
  text_draw_lines (l, text, x, top, 0, text->n_lines);
}

/* Tags: structure and links exist only in the PDF pass. */

static gboolean
is_list_tag (const char *name)
{
  return g_str_equal (name, "L") || g_str_equal (name, "LI") || g_str_equal (name, "Lbl") ||
         g_str_equal (name, "LBody") || g_str_equal (name, CAIRO_TAG_LINK);
}

static void
tag_begin (Layout     *l,
           const char *name,
           const char *attributes)
{
  if (l->cr == NULL || l->pdf == NULL)
    return;
  /* A list ends where anything but its items starts (a footnote area, a
   * heading, a table): its L is closed before. */
  if (l->list_open && !is_list_tag (name))
    {
      cairo_tag_end (l->cr, "L");
      l->list_open = FALSE;
    }
  if (l->tagged || g_str_equal (name, CAIRO_TAG_LINK) || g_str_equal (name, CAIRO_TAG_DEST))
    cairo_tag_begin (l->cr, name, attributes);
}

static void
tag_end (Layout     *l,
         const char *name)
{
  if (l->cr != NULL && l->pdf != NULL && (l->tagged || g_str_equal (name, CAIRO_TAG_LINK) ||
                                          g_str_equal (name, CAIRO_TAG_DEST)))
    cairo_tag_end (l->cr, name);
}

static char *
link_attributes (Layout     *l,
                 const char *target,
                 double      x,
                 double      y,
                 double      width,
                 double      height)
{
  char rect[128];

  g_snprintf (rect, sizeof rect, "rect=[%.2f %.2f %.2f %.2f]", x, y, width, height);
  if (target[0] == '#')
    {
      /* Named destinations: cairo 1.16 drops the target of a link to a page
       * it has not written yet, but resolves names at the end. */
      if (!g_hash_table_contains (l->anchors, target + 1))
        return NULL;
      return g_strdup_printf ("%s dest='%s'", rect, target + 1);
    }
  else if (!evk_markdown_link_is_allowed (target))
    return NULL;
  else
    {
      g_autoptr(GString) uri = g_string_new (target);

      g_string_replace (uri, "\\", "\\\\", 0);
      g_string_replace (uri, "'", "\\'", 0);
      return g_strdup_printf ("%s uri='%s'", rect, uri->str);
    }
}

/* What a screen reader says for a link: its text as read, without the
 * soft hyphens and joiners typesetting added and with the tab between a
 * contents entry's number and title as a space. */
static void
add_link_text (Layout     *l,
               const char *text)
{
  GString *spoken = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00AD || c == 0x200B || c == 0x2060)
        continue;
      if (c == '\t' || c == '\n')
        c = ' ';
      g_string_append_unichar (spoken, c);
    }
  g_ptr_array_add (l->link_texts, g_string_free (spoken, FALSE));
}

/* description: the link's text, its /Contents for screen readers. */
static void
add_link (Layout     *l,
          const char *target,
          const char *description,
          double      x,
          double      y,
          double      width,
          double      height)
{
  g_autofree char *attributes = NULL;

  if (l->cr == NULL || l->pdf == NULL || target == NULL)
    return;
  attributes = link_attributes (l, target, x, y, width, height);
  if (attributes == NULL)
    return;
  add_link_text (l, description != NULL && description[0] != '\0' ? description : target);
  cairo_tag_begin (l->cr, CAIRO_TAG_LINK, attributes);
  cairo_tag_end (l->cr, CAIRO_TAG_LINK);
}

/* Links inside lines [first, last) of a rich text. */
/* Whether add_span_links will add a link to lines first..last of text.
 * cairo 1.16 marks the content of leaf structure elements only: a
 * paragraph (cell, caption, note) with a Link child would leave its own
 * text untagged, so such text is drawn inside a Span of its own. */
static gboolean
has_span_links (Text        *text,
                EvkRichText *rich,
                int          first,
                int          last)
{
  if (rich == NULL || first >= last)
    return FALSE;
  for (guint s = 0; s < rich->spans->len; s++)
    {
      EvkSpan *span = &g_array_index (rich->spans, EvkSpan, s);

      if (span->kind == EVK_SPAN_LINK && (int) span->start < text->line_end[last - 1] &&
          (int) span->end > text->line_start[first])
        return TRUE;
    }
  return FALSE;
}

static void
add_span_links (Layout      *l,
                Text        *text,
                EvkRichText *rich,
                double       x,
                double       top,
                int          first,
                int          last)
{
  for (guint s = 0; rich != NULL && s < rich->spans->len; s++)
    {
      EvkSpan *span = &g_array_index (rich->spans, EvkSpan, s);
      g_autofree char *description = NULL;

      if (span->kind != EVK_SPAN_LINK)
        continue;
      description = g_strndup (pango_layout_get_text (text->layout) + span->start, span->end - span->start);
      for (int i = first; i < last; i++)
        {
          double line_x;
          PangoLayoutLine *line = text_line (text, i, &line_x);
          int start = MAX ((int) span->start, text->line_start[i]);
          int end = MIN ((int) span->end, text->line_end[i]);
          int x0, x1;

          if (start >= end)
            continue;
          pango_layout_line_index_to_x (line, start, FALSE, &x0);
          pango_layout_line_index_to_x (line, end - 1, TRUE, &x1);
          add_link (l, span->target, description, x + line_x + (double) x0 / PANGO_SCALE,
                    top + (i - first) * text->style->leading,
                    (double) (x1 - x0) / PANGO_SCALE, text->style->leading);
        }
    }
}

/* Pages. */

static void
record_anchor (Layout     *l,
               const char *name,
               double      y)
{
  Anchor *anchor;

  if (name == NULL)
    return;
  anchor = g_hash_table_lookup (l->anchors, name);
  if (anchor == NULL)
    {
      anchor = g_new0 (Anchor, 1);
      g_hash_table_insert (l->anchors, g_strdup (name), anchor);
    }
  anchor->page = l->page;
  anchor->y = y;
  if (l->cr != NULL && l->pdf != NULL)
    {
      g_autofree char *attributes = g_strdup_printf ("name='%s' x=%.2f y=%.2f", name, MARGIN_LEFT, MAX (y - 12, 0));

      cairo_tag_begin (l->cr, CAIRO_TAG_DEST, attributes);
      cairo_tag_end (l->cr, CAIRO_TAG_DEST);
    }
}

/* Regions: where the places of a draft sit, page by page. */

static char *
region_name (EvkBlock *block)
{
  if (block->place_name != NULL)
    return g_strdup (block->place_name);
  if (block->kind == EVK_BLOCK_HEADING)
    return block->number != NULL ? g_strdup_printf ("%s %s", block->number, block->title)
                                 : g_strdup (block->title);
  if (block->caption != NULL)
    return g_strdup (block->caption->text);
  return g_strdup ("");
}

static void
region_emit (Layout *l,
             Region *region,
             double  bottom)
{
  EvkDraftAnchor anchor = { 0 };
  Region *outer = NULL;

  for (guint i = 0; i < l->regions->len && g_ptr_array_index (l->regions, i) != region; i++)
    outer = g_ptr_array_index (l->regions, i);

  /* A place that only reached the foot of a page before moving on. */
  if (bottom - region->top < 1.0)
    return;
  anchor.page = l->page;
  anchor.x0 = MARGIN_LEFT;
  anchor.y0 = region->top;
  anchor.x1 = MARGIN_LEFT + TEXT_WIDTH;
  anchor.y1 = bottom;
  anchor.place = g_strdup (region->block->place);
  anchor.name = region_name (region->block);
  /* A table without a caption goes by the section it is in. */
  if (anchor.name[0] == '\0' && outer != NULL)
    {
      g_free (anchor.name);
      anchor.name = region_name (outer->block);
    }
  g_array_append_val (l->places, anchor);
}

static gboolean
recording (Layout *l)
{
  return l->record_places && !l->measuring && l->page_open;
}

/* Ends the regions of level and deeper at the current point. */
static void
region_close (Layout *l,
              guint   level)
{
  while (l->regions->len > 0)
    {
      Region *region = g_ptr_array_index (l->regions, l->regions->len - 1);

      if (region->level < level)
        break;
      if (recording (l))
        region_emit (l, region, l->y);
      g_ptr_array_remove_index (l->regions, l->regions->len - 1);
    }
}

/* block's region starts at the current point. */
static void
region_open (Layout   *l,
             EvkBlock *block)
{
  Region *region;

  if (!l->record_places || l->measuring || block->place == NULL)
    return;
  region = g_new0 (Region, 1);
  region->block = block;
  region->level = block->place_level > 0 ? block->place_level : G_MAXUINT;
  region->top = l->y;
  g_ptr_array_add (l->regions, region);
}

/* A figure or table is done: its region ends at bottom. */
static void
region_close_leaf (Layout   *l,
                   EvkBlock *block,
                   double    bottom)
{
  Region *region;

  if (l->regions->len == 0)
    return;
  region = g_ptr_array_index (l->regions, l->regions->len - 1);
  if (region->block != block)
    return;
  if (recording (l))
    region_emit (l, region, bottom);
  g_ptr_array_remove_index (l->regions, l->regions->len - 1);
}

static void
draw_footnotes (Layout *l)
{
  double top = TEXT_BOTTOM - l->footnote_height, y;
  gboolean linked = FALSE;

  if (l->page_footnotes->len == 0 || l->cr == NULL)
    return;
  cairo_set_line_width (l->cr, 0.5);
  set_colour (l->cr, &rule_grey);
  cairo_move_to (l->cr, mirror_x (l, MARGIN_LEFT, TEXT_WIDTH / 3), top + 4);
  cairo_line_to (l->cr, mirror_x (l, MARGIN_LEFT, TEXT_WIDTH / 3) + TEXT_WIDTH / 3, top + 4);
  cairo_stroke (l->cr);
  top += 9;
  /* One Note holds the page's notes: a link in any of them makes it no
   * leaf, and then their text goes in a Span beside the Links. */
  for (guint i = 0; i < l->page_footnotes->len && !linked; i++)
    {
      Footnote *note = g_ptr_array_index (l->page_footnotes, i);
      EvkFootnote *source = g_hash_table_lookup (l->doc->footnotes, GUINT_TO_POINTER (note->number));

      for (guint k = 0; source != NULL && k < note->n_texts && k < source->texts->len; k++)
        linked |= has_span_links (note->texts[k], g_ptr_array_index (source->texts, k), 0, note->texts[k]->n_lines);
    }
  tag_begin (l, "Note", NULL);
  if (linked)
    tag_begin (l, "Span", NULL);
  y = top;
  for (guint i = 0; i < l->page_footnotes->len; i++)
    {
      Footnote *note = g_ptr_array_index (l->page_footnotes, i);

      text_draw (l, note->label, MARGIN_LEFT, y);
      for (guint k = 0; k < note->n_texts; k++)
        {
          text_draw (l, note->texts[k], MARGIN_LEFT + style_footnote.indent, y);
          y += text_height (note->texts[k]) + style_footnote.after;
        }
    }
  if (linked)
    {
      tag_end (l, "Span");
      /* Links and cross-references in the notes. */
      y = top;
      for (guint i = 0; i < l->page_footnotes->len; i++)
        {
          Footnote *note = g_ptr_array_index (l->page_footnotes, i);
          EvkFootnote *source = g_hash_table_lookup (l->doc->footnotes, GUINT_TO_POINTER (note->number));

          for (guint k = 0; k < note->n_texts; k++)
            {
              if (source != NULL && k < source->texts->len)
                add_span_links (l, note->texts[k], g_ptr_array_index (source->texts, k),
                                MARGIN_LEFT + style_footnote.indent, y, 0, note->texts[k]->n_lines);
              y += text_height (note->texts[k]) + style_footnote.after;
            }
        }
    }
  tag_end (l, "Note");
}

static gboolean
fits (PangoLayout *layout,
      const char  *text,
      int          width)
{
  int text_width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &text_width, NULL);
  return text_width <= width;
}

char *
evk_report_fit_line (PangoLayout *layout,
                     const char  *text,
                     double       width)
{
  int limit = (int) (width * PANGO_SCALE);
  const char *p;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout) && text != NULL, NULL);

  pango_layout_set_width (layout, -1);
  if (fits (layout, text, limit))
    return g_strdup (text);
  /* The longest run of whole words that fits with the ellipsis, without
   * the punctuation or dash that ended it. */
  for (p = text + strlen (text); p > text; p = g_utf8_find_prev_char (text, p))
    {
      g_autofree char *head = NULL, *candidate = NULL;
      char *end;

      if (*p != ' ')
        continue;
      head = g_strndup (text, p - text);
      end = head + strlen (head);
      while (end > head)
        {
          char *prev = g_utf8_find_prev_char (head, end);
          gunichar c = g_utf8_get_char (prev);

          if (g_unichar_isalnum (c) || c == ')' || c == 0xbb || c == 0x201d)
            break;
          end = prev;
        }
      *end = '\0';
      if (*head == '\0')
        continue;
      /* "… for alle i…" reads as a fault: not after a short lower-case word. */
      {
        const char *last = strrchr (head, ' ');

        last = last != NULL ? last + 1 : head;
        if (g_utf8_strlen (last, -1) <= 2 && g_unichar_islower (g_utf8_get_char (last)) && last != head)
          continue;
      }
      candidate = g_strconcat (head, "…", NULL);
      if (fits (layout, candidate, limit))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

/* One line, shortened at a word with an ellipsis if it does not fit
 * (only a first word too long for the line is cut inside). */
static void
draw_line (Layout         *l,
           const Style    *style,
           const char     *string,
           double          x,
           double          baseline,
           double          width,
           PangoAlignment  align)
{
  g_autoptr(PangoFontDescription) desc = style_font (style);
  g_autoptr(PangoLayout) layout = pango_layout_new (l->pango);
  g_autofree char *fitted = NULL;

  pango_layout_set_font_description (layout, desc);
  fitted = evk_report_fit_line (layout, string, width);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, mirror_align (l, align));
  pango_layout_set_auto_dir (layout, !l->rtl);
  pango_layout_set_text (layout, fitted != NULL ? fitted : string, -1);
  set_colour (l->cr, style->colour);
  cairo_move_to (l->cr, x, baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (l->cr, layout);
}

static void
draw_running (Layout *l)
{
  char number[16];
  double half = EVK_REPORT_HEADER_WIDTH;

  if (l->cr == NULL || l->page_is_title)
    return;

  /* Running heads, page numbers and their rule are pagination artifacts,
   * not content. cairo 1.18 marks them so (/Artifact BMC … EMC); cairo
   * 1.16 has no artifact API and leaves them outside every structure
   * element, and the finished file's content streams are rewritten to
   * mark what is left there as artifacts (evk_pdf_make_accessible). */
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 18, 0)
  tag_begin (l, "Artifact", NULL);
#endif
  g_snprintf (number, sizeof number, "%u", l->page);
  draw_line (l, &style_running, number, MARGIN_LEFT, FOOTER_BASE, TEXT_WIDTH, PANGO_ALIGN_CENTER);
  if (!l->page_opens_chapter)
    {
      if (l->doc->running_title != NULL)
        draw_line (l, &style_running, l->doc->running_title, mirror_x (l, MARGIN_LEFT, half), HEADER_BASE,
                   half, PANGO_ALIGN_LEFT);
      if (l->chapter_running != NULL)
        draw_line (l, &style_running, l->chapter_running, mirror_x (l, MARGIN_LEFT + TEXT_WIDTH - half, half),
                   HEADER_BASE, half, PANGO_ALIGN_RIGHT);
      cairo_set_line_width (l->cr, 0.4);
      set_colour (l->cr, &rule_grey);
      cairo_move_to (l->cr, MARGIN_LEFT, HEADER_BASE + 6);
      cairo_line_to (l->cr, MARGIN_LEFT + TEXT_WIDTH, HEADER_BASE + 6);
      cairo_stroke (l->cr);
    }
  if (l->doc->draft_word != NULL)
    {
      static const Style draft = { SANS, 8.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 10.0, 0, 0, 0, 0,
                                   FALSE, 0, &draft_red };

      draw_line (l, &draft, l->doc->draft_word, MARGIN_LEFT, FOOTER_BASE, TEXT_WIDTH, PANGO_ALIGN_RIGHT);
    }
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 18, 0)
  tag_end (l, "Artifact");
#endif
}

static void
finish_page (Layout *l)
{
  if (!l->page_open)
    return;
  if (recording (l))
    for (guint i = 0; i < l->regions->len; i++)
      region_emit (l, g_ptr_array_index (l->regions, i), l->y);
  draw_footnotes (l);
  /* A list does not run on over the page's foot. */
  if (l->list_open)
    {
      cairo_tag_end (l->cr, "L");
      l->list_open = FALSE;
    }
  draw_running (l);
  if (l->cr != NULL)
    l->sink->end_page (l->sink->data, l->cr);
  l->cr = NULL;
  l->page_open = FALSE;
  g_ptr_array_set_size (l->page_footnotes, 0);
  l->footnote_height = 0;
}

static void place_figure (Layout *l, EvkBlock *block, gboolean may_float);

/* Floated figures go first on the page after the one they did not fit. */
static void
flush_pending (Layout *l)
{
  g_autoptr(GPtrArray) figures = NULL;

  if (l->pending->len == 0)
    return;
  figures = g_ptr_array_copy (l->pending, NULL, NULL);
  g_ptr_array_set_size (l->pending, 0);
  for (guint i = 0; i < figures->len; i++)
    place_figure (l, g_ptr_array_index (figures, i), FALSE);
}

static void
new_page (Layout *l)
{
  finish_page (l);
  l->page++;
  l->page_open = TRUE;
  l->page_is_title = FALSE;
  l->page_opens_chapter = FALSE;
  l->y = MARGIN_TOP;
  for (guint i = 0; i < l->regions->len; i++)
    ((Region *) g_ptr_array_index (l->regions, i))->top = MARGIN_TOP;
  if (!l->measuring)
    l->cr = l->sink->begin_page (l->sink->data, l->page);
  /* The structure tree's root: one Document around every page. cairo
   * marks only the content of leaf elements, so what is drawn outside
   * them (running heads) stays outside the tree. */
  if (l->cr != NULL && l->pdf != NULL && l->tagged && l->document_cr == NULL)
    {
      tag_begin (l, "Document", NULL);
      l->document_cr = l->cr;
    }
  flush_pending (l);
}

static void
ensure_page (Layout *l)
{
  if (!l->page_open)
    new_page (l);
}

static gboolean
at_top (Layout *l)
{
  return l->page_open && l->y <= MARGIN_TOP + 0.01;
}

static double
available (Layout *l)
{
  return TEXT_BOTTOM - l->footnote_height - l->y;
}

/* Space before a block, dropped at the top of a page. */
static void
space (Layout *l,
       double  amount)
{
  if (!at_top (l))
    l->y += amount;
}

/* Footnotes. */

static Footnote *
get_footnote (Layout *l,
              guint   number)
{
  Footnote *note = g_hash_table_lookup (l->footnotes, GUINT_TO_POINTER (number));
  EvkFootnote *source;
  char label[16];

  if (note != NULL)
    return note;
  source = g_hash_table_lookup (l->doc->footnotes, GUINT_TO_POINTER (number));
  if (source == NULL)
    return NULL;
  note = g_new0 (Footnote, 1);
  note->number = number;
  note->n_texts = source->texts->len;
  note->texts = g_new0 (Text *, note->n_texts);
  for (guint i = 0; i < note->n_texts; i++)
    {
      note->texts[i] = text_new_rich (l, &style_footnote, g_ptr_array_index (source->texts, i),
                                      TEXT_WIDTH - style_footnote.indent);
      note->height += text_height (note->texts[i]) + style_footnote.after;
    }
  g_snprintf (label, sizeof label, "%u", number);
  note->label = text_new_plain (l, &style_footnote, label, -1);
  g_hash_table_insert (l->footnotes, GUINT_TO_POINTER (number), note);
  return note;
}

static void
footnote_free (Footnote *note)
{
  for (guint i = 0; i < note->n_texts; i++)
    text_free (note->texts[i]);
  g_free (note->texts);
  text_free (note->label);
  g_free (note);
}

/* The footnote area that lines [first, last) would add to this page. */
static double
new_footnotes_height (Layout      *l,
                      Text        *text,
                      EvkRichText *rich,
                      int          first,
                      int          last)
{
  double height = 0;

  for (guint s = 0; rich != NULL && s < rich->spans->len; s++)
    {
      EvkSpan *span = &g_array_index (rich->spans, EvkSpan, s);
      Footnote *note;

      if (span->kind != EVK_SPAN_FOOTNOTE || (int) span->start < text->line_start[first] ||
          (int) span->start >= text->line_end[last - 1])
        continue;
      note = get_footnote (l, span->number);
      if (note != NULL && !g_ptr_array_find (l->page_footnotes, note, NULL))
        height += note->height;
    }
  if (height > 0 && l->footnote_height == 0)
    height += 12;
  return height;
}

static void
place_footnotes (Layout      *l,
                 Text        *text,
                 EvkRichText *rich,
                 int          first,
                 int          last)
{
  for (guint s = 0; rich != NULL && s < rich->spans->len; s++)
    {
      EvkSpan *span = &g_array_index (rich->spans, EvkSpan, s);
      Footnote *note;

      if (span->kind != EVK_SPAN_FOOTNOTE || (int) span->start < text->line_start[first] ||
          (int) span->start >= text->line_end[last - 1])
        continue;
      note = get_footnote (l, span->number);
      if (note == NULL || g_ptr_array_find (l->page_footnotes, note, NULL))
        continue;
      if (l->footnote_height == 0)
        l->footnote_height = 12;
      l->footnote_height += note->height;
      g_ptr_array_add (l->page_footnotes, note);
    }
}

/* Paragraphs. */

static const Style *
paragraph_style (EvkBlock *block)
{
  switch (block->style)
    {
    case EVK_PARA_LIST: return &style_list;
    case EVK_PARA_QUOTE: return &style_quote;
    case EVK_PARA_FACT: return &style_fact;
    case EVK_PARA_CODE: return &style_code;
    case EVK_PARA_QUESTION: return &style_question;
    case EVK_PARA_OPTION: return &style_option;
    case EVK_PARA_NOTE: return &style_note;
    case EVK_PARA_REFERENCE: return &style_reference;
    case EVK_PARA_BODY:
    default: return &style_body;
    }
}

typedef struct {
  Text *text;
  Text *marker;
  double indent;
} ParagraphCache;

static void
paragraph_cache_free (ParagraphCache *cache)
{
  text_free (cache->text);
  text_free (cache->marker);
  g_free (cache);
}

static ParagraphCache *
paragraph_cache (Layout   *l,
                 EvkBlock *block)
{
  ParagraphCache *cache = block->cache;
  const Style *style;

  if (cache != NULL)
    return cache;
  style = paragraph_style (block);
  cache = g_new0 (ParagraphCache, 1);
  cache->indent = style->indent + (block->depth > 1 ? (block->depth - 1) * 18.0 : 0);
  cache->text = text_new_rich (l, style, block->text, TEXT_WIDTH - cache->indent - style->indent_right);
  if (block->marker != NULL)
    cache->marker = text_new_plain (l, style, block->marker, -1);
  block->cache = cache;
  block->cache_free = (GDestroyNotify) paragraph_cache_free;
  return cache;
}

static double
paragraph_after (EvkBlock    *block,
                 const Style *style)
{
  if (block->list_end)
    return style_body.after;
  return block->tight ? MIN (style->after, 1.5) : style->after;
}

/* The least of a paragraph that may start a page: two lines, or all of a
 * short one (a split would leave a widow or an orphan). */
static double
paragraph_min_height (Layout   *l,
                      EvkBlock *block)
{
  ParagraphCache *cache = paragraph_cache (l, block);
  int n = cache->text->n_lines;

  return (n <= 3 ? n : 2) * cache->text->style->leading;
}

static void
draw_paragraph_lines (Layout         *l,
                      EvkBlock       *block,
                      ParagraphCache *cache,
                      int             first,
                      int             last)
{
  gboolean item = block->style == EVK_PARA_LIST || block->marker != NULL;
  const char *tag = item ? "LBody" : block->style == EVK_PARA_QUOTE ? "BlockQuote" : "P";
  double x = mirror_x (l, MARGIN_LEFT + cache->indent, cache->text->width);
  double edge = l->rtl ? x + cache->text->width + 10 : x - 10;

  if (l->cr == NULL)
    return;
  /* A list item: L > LI > Lbl (the marker) + LBody. */
  if (item)
    {
      if (!l->list_open && l->tagged && l->pdf != NULL)
        {
          tag_begin (l, "L", NULL);
          l->list_open = TRUE;
        }
      tag_begin (l, "LI", NULL);
    }
  if (first == 0 && cache->marker != NULL)
    {
      if (item)
        tag_begin (l, "Lbl", NULL);
      text_draw (l, cache->marker, l->rtl ? x + cache->text->width + 6 : x - cache->marker->natural - 6, l->y);
      if (item)
        tag_end (l, "Lbl");
    }
  tag_begin (l, tag, NULL);
  if (block->style == EVK_PARA_QUOTE)
    {
      /* A quiet rule marks interview quotes even in greyscale. */
      cairo_set_line_width (l->cr, 1.2);
      set_colour (l->cr, &rule_grey);
      cairo_move_to (l->cr, edge, l->y + 2);
      cairo_line_to (l->cr, edge, l->y + (last - first) * cache->text->style->leading - 2);
      cairo_stroke (l->cr);
    }
  if (has_span_links (cache->text, block->text, first, last))
    {
      tag_begin (l, "Span", NULL);
      text_draw_lines (l, cache->text, x, l->y, first, last);
      tag_end (l, "Span");
    }
  else
    text_draw_lines (l, cache->text, x, l->y, first, last);
  add_span_links (l, cache->text, block->text, x, l->y, first, last);
  tag_end (l, tag);
  if (item)
    {
      tag_end (l, "LI");
      if (block->list_end && last == cache->text->n_lines && l->list_open)
        {
          tag_end (l, "L");
          l->list_open = FALSE;
        }
    }
}

static double block_min_height (Layout *l, guint index);

static void
place_paragraph (Layout   *l,
                 EvkBlock *block)
{
  ParagraphCache *cache = paragraph_cache (l, block);
  const Style *style = cache->text->style;
  Text *text = cache->text;
  int n = text->n_lines, k = 0;

  ensure_page (l);
  /* A paragraph kept with the next (a question and its first answer, a
   * measure's facts) goes to the next page rather than end this one
   * alone: what must follow it has to fit below it too. */
  if (block->keep_with_next && !at_top (l) && l->next_index > 0 &&
      g_ptr_array_index (l->doc->blocks, l->next_index - 1) == block &&
      block_min_height (l, l->next_index - 1) > available (l) + 0.01)
    new_page (l);
  space (l, style->before * l->spacing);
  while (k < n)
    {
      int fit = 0, remaining = n - k, take;

      while (fit < remaining &&
             (fit + 1) * style->leading <=
               available (l) - new_footnotes_height (l, text, block->text, k, k + fit + 1) + 0.01)
        fit++;

      if (fit >= remaining)
        take = remaining;
      else
        {
          /* No orphan at the foot of the page, no widow at its head. */
          take = fit;
          if (remaining - take < 2)
            take = remaining - 2;
          if (take < 2)
            take = 0;
          /* A paragraph taller than a page goes on regardless. */
          if (take == 0 && at_top (l))
            take = MAX (fit, 1);
        }

      if (take == 0)
        {
          new_page (l);
          continue;
        }
      place_footnotes (l, text, block->text, k, k + take);
      draw_paragraph_lines (l, block, cache, k, k + take);
      l->y += take * style->leading;
      k += take;
      if (k < n)
        new_page (l);
    }
  l->y += paragraph_after (block, style) * l->spacing;
}

/* Headings. */

typedef struct {
  Text *text;
  Text *number;
  double number_width;
} HeadingCache;

static void
heading_cache_free (HeadingCache *cache)
{
  text_free (cache->text);
  text_free (cache->number);
  g_free (cache);
}

static const Style *
heading_style (EvkBlock *block)
{
  return block->level <= 1 ? &style_h1 : block->level == 2 ? &style_h2 : &style_h3;
}

static HeadingCache *
heading_cache (Layout   *l,
               EvkBlock *block)
{
  HeadingCache *cache = block->cache;
  const Style *style = heading_style (block);
  g_autofree char *string = NULL;
  Style hanging = *style;

  if (cache != NULL)
    return cache;
  cache = g_new0 (HeadingCache, 1);
  /* "4.1 Title" with an en space, not a tab: the number reads as part of
   * the heading (text extraction, screen readers); wrapped lines hang
   * under the title. */
  if (block->number != NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("%s\u2002", block->number);
      g_autoptr(Text) number = text_new_plain (l, style, prefix, -1);

      cache->number_width = number->natural;
      string = g_strconcat (prefix, block->title, NULL);
    }
  else
    string = g_strdup (block->title);
  hanging.hanging = cache->number_width;
  cache->text = text_new_plain (l, &hanging, string, TEXT_WIDTH);
  block->cache = cache;
  block->cache_free = (GDestroyNotify) heading_cache_free;
  return cache;
}

static double
heading_height (Layout   *l,
                EvkBlock *block)
{
  return text_height (heading_cache (l, block)->text);
}

static double table_start_height (Layout *l, EvkBlock *block);
static double figure_height (Layout *l, EvkBlock *block);

/* What must fit below the current point for block index to start here:
 * headings keep with what follows them. */
static double
block_min_height (Layout *l,
                  guint   index)
{
  EvkBlock *block;

  if (index >= l->doc->blocks->len)
    return 0;
  block = g_ptr_array_index (l->doc->blocks, index);
  switch (block->kind)
    {
    case EVK_BLOCK_HEADING:
      return heading_style (block)->before + heading_height (l, block) + heading_style (block)->after +
             (block->level > 1 ? block_min_height (l, index + 1) : 0);
    case EVK_BLOCK_PARAGRAPH:
      return paragraph_style (block)->before + paragraph_min_height (l, block) +
             (block->keep_with_next ? paragraph_after (block, paragraph_style (block)) +
                                      block_min_height (l, index + 1) : 0);
    case EVK_BLOCK_TABLE:
      return table_start_height (l, block);
    case EVK_BLOCK_FIGURE:
      return figure_height (l, block);
    default:
      return 0;
    }
}

static void
add_outline (Layout   *l,
             EvkBlock *block,
             double    y)
{
  g_autofree char *title = NULL, *link = NULL;
  guint level = MAX (block->level, 1);
  int parent, id;

  if (l->pdf == NULL || l->cr == NULL || !block->in_outline)
    return;
  title = block->number != NULL ? g_strdup_printf ("%s %s", block->number, block->title)
                                : g_strdup (block->title);
  link = g_strdup_printf ("page=%u pos=[%.2f %.2f]", l->page, MARGIN_LEFT, MAX (y - 12, 0));
  parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT : l->outline_parents[level - 1];
  id = cairo_pdf_surface_add_outline (l->pdf, parent, title, link, 0);
  if (level < G_N_ELEMENTS (l->outline_parents))
    l->outline_parents[level] = id;
}

static void
place_heading (Layout *l,
               guint   index)
{
  EvkBlock *block = g_ptr_array_index (l->doc->blocks, index);
  HeadingCache *cache = heading_cache (l, block);
  const Style *style = heading_style (block);
  char tag[4];

  if (block->level <= 1)
    {
      new_page (l);
      l->page_opens_chapter = TRUE;
      l->chapter_title = block->title;
      g_free (l->chapter_running);
      l->chapter_running = block->number != NULL ? g_strdup_printf ("%s  %s", block->number, block->title)
                                                 : g_strdup (block->title);
      /* Chapters open lower on the page, under a rule. */
      l->y = MARGIN_TOP + 24;
    }
  else
    {
      ensure_page (l);
      if (!at_top (l) && l->y + style->before + block_min_height (l, index) > TEXT_BOTTOM - l->footnote_height)
        new_page (l);
      space (l, style->before);
    }

  record_anchor (l, block->anchor, l->y);
  region_open (l, block);
  add_outline (l, block, l->y);
  if (l->cr != NULL)
    {
      g_snprintf (tag, sizeof tag, "H%u", MIN (MAX (block->level, 1), 3));
      tag_begin (l, tag, NULL);
      if (block->level <= 1)
        {
          cairo_set_line_width (l->cr, 2.0);
          set_colour (l->cr, &accent);
          cairo_move_to (l->cr, mirror_x (l, MARGIN_LEFT, 48), l->y - 14);
          cairo_line_to (l->cr, mirror_x (l, MARGIN_LEFT, 48) + 48, l->y - 14);
          cairo_stroke (l->cr);
        }
      text_draw (l, cache->text, MARGIN_LEFT, l->y);
      tag_end (l, tag);
    }
  l->y += text_height (cache->text) + style->after;
}

/* Tables. */

static void
table_cache_free (TableCache *cache)
{
  for (guint i = 0; i < cache->n_rows * cache->n_columns; i++)
    text_free (cache->cells[i]);
  g_free (cache->cells);
  g_free (cache->row_height);
  g_free (cache->col_x);
  g_free (cache->col_width);
  text_free (cache->caption);
  text_free (cache->note);
  text_free (cache->continued_text);
  g_free (cache->continued);
  g_free (cache);
}

static GPtrArray *
table_row (EvkBlock *block,
           guint     row)
{
  return g_ptr_array_index (block->rows, row);
}

/* Column widths: given, or from the cells' natural widths, the widest
 * columns giving way first. */
static void
table_columns (Layout     *l,
               EvkBlock   *block,
               TableCache *cache)
{
  guint n = cache->n_columns;
  g_autofree double *natural = g_new0 (double, n);
  double total = 0, x = MARGIN_LEFT;

  if (block->widths != NULL)
    {
      for (guint c = 0; c < n; c++)
        cache->col_width[c] = block->widths[c] * TEXT_WIDTH;
    }
  else
    {
      for (guint r = 0; r < cache->n_rows; r++)
        for (guint c = 0; c < n; c++)
          {
            EvkRichText *cell = g_ptr_array_index (table_row (block, r), c);
            g_autoptr(PangoLayout) layout = pango_layout_new (l->pango);
            g_autoptr(PangoFontDescription) desc = style_font (&style_cell);
            int w, h;

            pango_layout_set_font_description (layout, desc);
            pango_layout_set_attributes (layout, cell->attrs);
            pango_layout_set_text (layout, cell->text, -1);
            pango_layout_get_size (layout, &w, &h);
            natural[c] = MAX (natural[c], (double) w / PANGO_SCALE + 2 * CELL_PAD_X + 1);
          }
      for (guint c = 0; c < n; c++)
        total += natural[c];
      if (total <= TEXT_WIDTH)
        for (guint c = 0; c < n; c++)
          cache->col_width[c] = natural[c] + (TEXT_WIDTH - total) * natural[c] / total;
      else
        {
          /* Share the width; columns narrower than their share keep their
           * natural width and give the rest to the wide ones. */
          double fair = TEXT_WIDTH / n, narrow = 0, wide = 0;

          for (guint c = 0; c < n; c++)
            {
              if (natural[c] <= fair)
                narrow += natural[c];
              else
                wide += natural[c];
            }
          for (guint c = 0; c < n; c++)
            cache->col_width[c] = natural[c] <= fair ? natural[c]
                                                     : natural[c] / wide * (TEXT_WIDTH - narrow);
        }
    }
  for (guint c = 0; c < n; c++)
    {
      cache->col_x[c] = mirror_x (l, x, cache->col_width[c]);
      x += cache->col_width[c];
    }
}

static TableCache *
table_cache (Layout   *l,
             EvkBlock *block)
{
  TableCache *cache = block->cache;

  if (cache != NULL)
    return cache;
  cache = g_new0 (TableCache, 1);
  cache->n_rows = block->rows->len;
  cache->n_columns = block->n_columns;
  cache->cells = g_new0 (Text *, cache->n_rows * cache->n_columns);
  cache->row_height = g_new0 (double, cache->n_rows);
  cache->col_x = g_new0 (double, cache->n_columns);
  cache->col_width = g_new0 (double, cache->n_columns);
  table_columns (l, block, cache);

  for (guint r = 0; r < cache->n_rows; r++)
    {
      double height = 0;

      for (guint c = 0; c < cache->n_columns; c++)
        {
          EvkRichText *cell = g_ptr_array_index (table_row (block, r), c);
          char align = block->align != NULL && c < strlen (block->align) ? block->align[c] : 'l';
          g_autoptr(PangoAttrList) attrs = pango_attr_list_copy (cell->attrs);
          Text *text;

          if (r < block->n_header_rows)
            pango_attr_list_insert_before (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          text = text_new (l, &style_cell, cell->text, attrs, cache->col_width[c] - 2 * CELL_PAD_X, FALSE,
                           align == 'r' ? PANGO_ALIGN_RIGHT : align == 'c' ? PANGO_ALIGN_CENTER
                                                            : PANGO_ALIGN_LEFT);
          cache->cells[r * cache->n_columns + c] = text;
          height = MAX (height, text_height (text));
        }
      cache->row_height[r] = height + 2 * CELL_PAD_Y;
    }
  if (block->caption != NULL)
    cache->caption = text_new_rich (l, &style_caption, block->caption, TEXT_WIDTH);
  if (block->note != NULL)
    cache->note = text_new_rich (l, &style_note, block->note, TEXT_WIDTH);
  if (block->label != NULL)
    {
      const char *continued = evk_word ("Report", "Continued", l->doc->lang);

      cache->continued = g_strdup_printf ("%s (%s)", block->label, continued != NULL ? continued : "…");
      cache->continued_text = text_new_plain (l, &style_caption, cache->continued, TEXT_WIDTH);
    }
  block->cache = cache;
  block->cache_free = (GDestroyNotify) table_cache_free;
  return cache;
}

static double
table_header_height (TableCache *cache,
                     EvkBlock   *block)
{
  double height = 0;

  for (guint r = 0; r < block->n_header_rows && r < cache->n_rows; r++)
    height += cache->row_height[r];
  return height;
}

static double
table_start_height (Layout   *l,
                    EvkBlock *block)
{
  TableCache *cache = table_cache (l, block);
  double height = table_header_height (cache, block);
  guint body = cache->n_rows - block->n_header_rows;

  if (cache->caption != NULL)
    height += style_caption.before + text_height (cache->caption) + style_caption.after;
  for (guint r = block->n_header_rows; r < cache->n_rows && r < block->n_header_rows + (body <= 3 ? body : 2); r++)
    height += cache->row_height[r];
  return height;
}

static void
draw_table_row (Layout     *l,
                EvkBlock   *block,
                TableCache *cache,
                guint       r)
{
  gboolean header = r < block->n_header_rows;
  const char *link = block->row_links != NULL && r < block->row_links->len
                     ? g_ptr_array_index (block->row_links, r) : NULL;

  if (l->cr == NULL)
    return;
  if (header)
    {
      set_colour (l->cr, &header_fill);
      cairo_rectangle (l->cr, MARGIN_LEFT, l->y, TEXT_WIDTH, cache->row_height[r]);
      cairo_fill (l->cr);
    }
  tag_begin (l, "TR", NULL);
  for (guint c = 0; c < cache->n_columns; c++)
    {
      Text *cell = cache->cells[r * cache->n_columns + c];
      GPtrArray *row = block->rows != NULL && r < block->rows->len ? g_ptr_array_index (block->rows, r) : NULL;

      EvkRichText *rich = row != NULL && c < row->len ? g_ptr_array_index (row, c) : NULL;
      gboolean linked = has_span_links (cell, rich, 0, cell->n_lines);

      tag_begin (l, header ? "TH" : "TD", NULL);
      if (linked)
        tag_begin (l, "Span", NULL);
      text_draw (l, cell, cache->col_x[c] + CELL_PAD_X, l->y + CELL_PAD_Y);
      if (linked)
        tag_end (l, "Span");
      /* A cross-reference or link written in a narrative table's cell. */
      add_span_links (l, cell, rich, cache->col_x[c] + CELL_PAD_X, l->y + CELL_PAD_Y, 0, cell->n_lines);
      tag_end (l, header ? "TH" : "TD");
    }
  tag_end (l, "TR");
  if (link != NULL)
    {
      g_autofree char *target = g_strdup_printf ("#%s", link);

      /* A row's first cells (a number and a name) say where it leads. */
      Text **cells = &cache->cells[r * cache->n_columns];
      g_autofree char *description =
        cache->n_columns > 1 ? g_strdup_printf ("%s %s", pango_layout_get_text (cells[0]->layout),
                                                pango_layout_get_text (cells[1]->layout))
                             : g_strdup (pango_layout_get_text (cells[0]->layout));

      add_link (l, target, description, MARGIN_LEFT, l->y, TEXT_WIDTH, cache->row_height[r]);
    }
  cairo_set_line_width (l->cr, header ? 0.6 : 0.3);
  set_colour (l->cr, header ? &accent : &rule_grey);
  cairo_move_to (l->cr, MARGIN_LEFT, l->y + cache->row_height[r]);
  cairo_line_to (l->cr, MARGIN_LEFT + TEXT_WIDTH, l->y + cache->row_height[r]);
  cairo_stroke (l->cr);
}

static void
draw_table_top (Layout *l)
{
  if (l->cr == NULL)
    return;
  cairo_set_line_width (l->cr, 1.0);
  set_colour (l->cr, &accent);
  cairo_move_to (l->cr, MARGIN_LEFT, l->y);
  cairo_line_to (l->cr, MARGIN_LEFT + TEXT_WIDTH, l->y);
  cairo_stroke (l->cr);
}

static void
place_table_header (Layout     *l,
                    EvkBlock   *block,
                    TableCache *cache,
                    gboolean    continued)
{
  if (continued && cache->continued_text != NULL)
    {
      tag_begin (l, "Caption", NULL);
      text_draw (l, cache->continued_text, MARGIN_LEFT, l->y);
      tag_end (l, "Caption");
      l->y += text_height (cache->continued_text) + style_caption.after;
    }
  draw_table_top (l);
  if (block->n_header_rows > 0)
    tag_begin (l, "THead", NULL);
  for (guint r = 0; r < block->n_header_rows && r < cache->n_rows; r++)
    {
      draw_table_row (l, block, cache, r);
      l->y += cache->row_height[r];
    }
  if (block->n_header_rows > 0)
    tag_end (l, "THead");
}

static void
place_table (Layout   *l,
             EvkBlock *block)
{
  TableCache *cache = table_cache (l, block);
  double note_height = cache->note != NULL ? style_note.before + text_height (cache->note) : 0;

  ensure_page (l);
  if (!at_top (l) && table_start_height (l, block) > available (l))
    new_page (l);
  /* The caption is the table's first child, as PDF/UA asks. */
  tag_begin (l, "Table", NULL);
  if (cache->caption != NULL)
    {
      space (l, style_caption.before);
      record_anchor (l, block->anchor, l->y);
      if (block->place_level == 0)
        region_open (l, block);
      tag_begin (l, "Caption", NULL);
      if (has_span_links (cache->caption, block->caption, 0, cache->caption->n_lines))
        {
          tag_begin (l, "Span", NULL);
          text_draw (l, cache->caption, MARGIN_LEFT, l->y);
          tag_end (l, "Span");
        }
      else
        text_draw (l, cache->caption, MARGIN_LEFT, l->y);
      /* A cross-reference in a narrative table's caption. */
      add_span_links (l, cache->caption, block->caption, MARGIN_LEFT, l->y, 0, cache->caption->n_lines);
      tag_end (l, "Caption");
      l->y += text_height (cache->caption) + style_caption.after;
    }
  else
    {
      space (l, 4);
      if (block->place_level == 0)
        region_open (l, block);
    }

  place_table_header (l, block, cache, FALSE);
  tag_begin (l, "TBody", NULL);
  for (guint r = block->n_header_rows; r < cache->n_rows; r++)
    {
      /* The last row keeps the note with it. */
      double need = cache->row_height[r] + (r == cache->n_rows - 1 ? note_height : 0);

      if (need > available (l) && !at_top (l))
        {
          tag_end (l, "TBody");
          tag_end (l, "Table");
          new_page (l);
          tag_begin (l, "Table", NULL);
          place_table_header (l, block, cache, TRUE);
          tag_begin (l, "TBody", NULL);
        }
      draw_table_row (l, block, cache, r);
      l->y += cache->row_height[r];
    }
  tag_end (l, "TBody");
  tag_end (l, "Table");
  if (cache->note != NULL)
    {
      l->y += style_note.before;
      tag_begin (l, "P", NULL);
      text_draw (l, cache->note, MARGIN_LEFT, l->y);
      tag_end (l, "P");
      l->y += text_height (cache->note);
    }
  region_close_leaf (l, block, l->y);
  l->y += style_body.after + 4;
}

/* Figures. */

static void
figure_cache_free (FigureCache *cache)
{
  text_free (cache->caption);
  g_free (cache);
}

static void
figure_spec (Layout       *l,
             EvkBlock     *block,
             EvkChartSpec *spec)
{
  evk_chart_spec_init (spec, block->chart_kind, l->doc->lang);
  /* The caption carries N, as in the report's figures. */
  spec->show_n = FALSE;
  if (block->group_names[0] != NULL)
    spec->group_names = (const char * const *) block->group_names;
}

static FigureCache *
figure_cache (Layout   *l,
              EvkBlock *block)
{
  FigureCache *cache = block->cache;
  EvkChartSpec spec;
  double max_height = EVK_REPORT_FIGURE_MAX_HEIGHT;

  if (cache != NULL)
    return cache;
  cache = g_new0 (FigureCache, 1);
  cache->caption = text_new_rich (l, &style_caption, block->caption, TEXT_WIDTH);
  figure_spec (l, block, &spec);
  cache->chart_height = evk_chart_preferred_height (block->chart_kind, block->tables, block->n_tables,
                                                    &spec, l->chart_style, TEXT_WIDTH);
  cache->chart_height = MIN (cache->chart_height, max_height);
  block->cache = cache;
  block->cache_free = (GDestroyNotify) figure_cache_free;
  return cache;
}

static double
figure_height (Layout   *l,
               EvkBlock *block)
{
  FigureCache *cache = figure_cache (l, block);

  return style_caption.before + text_height (cache->caption) + style_caption.after + cache->chart_height;
}

static gboolean
next_is_text (Layout *l)
{
  EvkBlock *next = l->next_index < l->doc->blocks->len ? g_ptr_array_index (l->doc->blocks, l->next_index)
                                                      : NULL;

  /* Text of the same section: its paragraphs and subsections. */
  return next != NULL && ((next->kind == EVK_BLOCK_PARAGRAPH && !next->keep_with_next) ||
                          (next->kind == EVK_BLOCK_HEADING && next->level >= 3));
}

/* The height of the text that follows in the same section, up to the
 * next block a floated figure may not pass (evk_report_layout's flush). */
static double
following_text_height (Layout *l)
{
  double height = 0;

  for (guint i = l->next_index; i < l->doc->blocks->len; i++)
    {
      EvkBlock *next = g_ptr_array_index (l->doc->blocks, i);

      if (next->kind == EVK_BLOCK_PARAGRAPH)
        {
          ParagraphCache *cache = paragraph_cache (l, next);
          const Style *style = cache->text->style;

          height += style->before + text_height (cache->text) + paragraph_after (next, style);
        }
      else if (next->kind == EVK_BLOCK_HEADING && next->level >= 3)
        height += heading_style (next)->before + heading_height (l, next) + heading_style (next)->after;
      else
        break;
    }
  return height;
}

/* The least share of its height a chart may be drawn at to stay on a page
 * whose rest would otherwise be left empty. */
#define FIGURE_MIN_SQUEEZE 0.85

static void
place_figure (Layout   *l,
              EvkBlock *block,
              gboolean  may_float)
{
  FigureCache *cache = figure_cache (l, block);
  double chart_height = cache->chart_height;

  ensure_page (l);
  if (!at_top (l) && figure_height (l, block) > available (l))
    {
      double room = available (l) - (figure_height (l, block) - cache->chart_height);
      gboolean may_move = may_float && available (l) > 0.3 * (TEXT_BOTTOM - MARGIN_TOP) && next_is_text (l);

      /* Rather than leave a third of a page empty, the text that follows
       * fills it and the figure opens the next page, as in print; but
       * only if there is text enough to fill it. Otherwise a chart a
       * little too tall is drawn a little lower and stays (a page with
       * three lines and the rest empty was the alternative), and one
       * much too tall moves on. */
      if (may_move && following_text_height (l) >= available (l))
        {
          g_ptr_array_add (l->pending, block);
          return;
        }
      if (room >= FIGURE_MIN_SQUEEZE * cache->chart_height)
        chart_height = floor (room);
      else if (may_move)
        {
          g_ptr_array_add (l->pending, block);
          return;
        }
      else
        new_page (l);
    }
  space (l, style_caption.before);
  record_anchor (l, block->anchor, l->y);
  if (block->place_level == 0)
    region_open (l, block);
  if (l->cr != NULL)
    {
      g_autofree char *alt = NULL;
      EvkChartSpec spec;
      EvkChartHits *hits;

      tag_begin (l, "Caption", NULL);
      text_draw (l, cache->caption, MARGIN_LEFT, l->y);
      tag_end (l, "Caption");
      figure_spec (l, block, &spec);
      /* cairo writes no /Alt; the alt texts go in afterwards, in the
       * order of the Figure elements (evk-pdf-lang.h). */
      if (l->tagged && l->pdf != NULL)
        g_ptr_array_add (l->figure_alts, g_strdup (block->alt != NULL ? block->alt : ""));
      tag_begin (l, "Figure", NULL);
      cairo_save (l->cr);
      cairo_translate (l->cr, MARGIN_LEFT, l->y + text_height (cache->caption) + style_caption.after);
      hits = evk_chart_draw_groups (block->chart_kind, block->tables, block->n_tables, &spec,
                                    l->chart_style, l->cr, TEXT_WIDTH, chart_height);
      evk_chart_hits_free (hits);
      cairo_restore (l->cr);
      tag_end (l, "Figure");
    }
  l->y += text_height (cache->caption) + style_caption.after + chart_height;
  region_close_leaf (l, block, l->y);
  l->y += 12;
}

/* The table of contents: one line per chapter and section, the page
 * number right-aligned after dot leaders, the whole line a link. */

typedef struct {
  Text  *number;
  Text  *title;
  double indent;
  double number_width;
} TocEntry;

static void
toc_entry_clear (TocEntry *entry)
{
  text_free (entry->number);
  text_free (entry->title);
}

typedef struct {
  GArray *entries;   /* TocEntry, one per TOC heading in document order */
} TocCache;

static void
toc_cache_free (TocCache *cache)
{
  g_array_unref (cache->entries);
  g_free (cache);
}

#define TOC_PAGE_WIDTH 30.0

static TocCache *
toc_cache (Layout *l)
{
  EvkBlock *toc = NULL;
  TocCache *cache;

  for (guint i = 0; i < l->doc->blocks->len && toc == NULL; i++)
    if (((EvkBlock *) g_ptr_array_index (l->doc->blocks, i))->kind == EVK_BLOCK_TOC)
      toc = g_ptr_array_index (l->doc->blocks, i);
  if (toc->cache != NULL)
    return toc->cache;

  cache = g_new0 (TocCache, 1);
  cache->entries = g_array_new (FALSE, TRUE, sizeof (TocEntry));
  g_array_set_clear_func (cache->entries, (GDestroyNotify) toc_entry_clear);
  for (guint i = 0; i < l->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (l->doc->blocks, i);
      const Style *style;
      TocEntry entry = { 0 };

      if (block->kind != EVK_BLOCK_HEADING || !block->in_toc)
        continue;
      style = block->level <= 1 ? &style_toc1 : &style_toc2;
      entry.indent = block->level <= 1 ? 0 : 26;
      entry.number_width = block->level <= 1 ? 26 : 30;
      entry.title = text_new_numbered (l, style, block->number, block->title, entry.number_width,
                                       TEXT_WIDTH - entry.indent - TOC_PAGE_WIDTH - 14);
      g_array_append_val (cache->entries, entry);
    }
  toc->cache = cache;
  toc->cache_free = (GDestroyNotify) toc_cache_free;
  return cache;
}

static void
place_toc (Layout *l)
{
  TocCache *cache = toc_cache (l);
  guint e = 0, first_page;

  ensure_page (l);
  first_page = l->page;
  tag_begin (l, "TOC", NULL);
  for (guint i = 0; i < l->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (l->doc->blocks, i);
      TocEntry *entry;
      Anchor *anchor;
      const Style *style;
      double height, x;
      char page[16];

      if (block->kind != EVK_BLOCK_HEADING || !block->in_toc)
        continue;
      entry = &g_array_index (cache->entries, TocEntry, e++);
      style = entry->title->style;
      height = text_height (entry->title);
      if (!at_top (l))
        l->y += style->before;
      if (l->y + height > TEXT_BOTTOM)
        new_page (l);
      anchor = g_hash_table_lookup (l->anchors, block->anchor);
      g_snprintf (page, sizeof page, "%u", anchor != NULL ? anchor->page : 0);

      if (l->cr != NULL)
        {
          g_autoptr(Text) number = text_new (l, style, page, NULL, TOC_PAGE_WIDTH, FALSE, PANGO_ALIGN_RIGHT);
          PangoRectangle last;
          double leader_start, leader_end, leader_y;

          tag_begin (l, "TOCI", NULL);
          x = mirror_x (l, MARGIN_LEFT + entry->indent, entry->title->width);
          /* Leaders from the end of the title's last line to the number. */
          pango_layout_line_get_extents (pango_layout_get_line_readonly (entry->title->layout,
                                                                         entry->title->n_lines - 1),
                                         NULL, &last);
          if (l->rtl)
            {
              /* Right to left: from the number at the left margin to the
               * start of the title's last line. */
              leader_start = MARGIN_LEFT + number->natural + 5;
              leader_end = x + entry->title->line_x[entry->title->n_lines - 1] +
                           (double) last.x / PANGO_SCALE - 6;
            }
          else
            {
              leader_start = x + entry->title->line_x[entry->title->n_lines - 1] +
                             (double) (last.x + last.width) / PANGO_SCALE + 6;
              leader_end = MARGIN_LEFT + TEXT_WIDTH - number->natural - 5;
            }
          leader_y = l->y + height - style->leading + entry->title->baseline;
          /* The leaders are decoration, outside the entry's Reference
           * (an artifact); the title and number inside it. cairo marks
           * the content of leaf elements only, and the TOCI is none (its
           * Link is a child). */
          set_colour (l->cr, &rule_grey);
          /* No line from where the last text was drawn to the first dot. */
          cairo_new_path (l->cr);
          for (double d = ceil (leader_start / 4.5) * 4.5; d < leader_end; d += 4.5)
            {
              cairo_arc (l->cr, d, leader_y - 0.6, 0.45, 0, 2 * G_PI);
              cairo_fill (l->cr);
            }
          tag_begin (l, "Reference", NULL);
          text_draw (l, entry->title, x, l->y);
          text_draw (l, number, mirror_x (l, MARGIN_LEFT + TEXT_WIDTH - TOC_PAGE_WIDTH, TOC_PAGE_WIDTH),
                     l->y + height - style->leading);
          tag_end (l, "Reference");
          if (anchor != NULL)
            {
              g_autofree char *target = g_strdup_printf ("#%s", block->anchor);

              add_link (l, target, pango_layout_get_text (entry->title->layout), MARGIN_LEFT, l->y,
                        TEXT_WIDTH, height);
            }
          tag_end (l, "TOCI");
        }
      l->y += height + style->after;
    }
  tag_end (l, "TOC");
  l->toc_pages = l->page - first_page + 1;
}

/* The title page. */

static void
place_title_page (Layout   *l,
                  EvkBlock *block)
{
  static const Style kicker = { SANS, 10.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 14.0, 0, 0, 0, 0, FALSE, 0, &accent };
  static const Style title = { SANS, 26.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 32.0, 0, 0, 0, 0, FALSE, 0, &ink };
  static const Style subtitle = { SERIF, 15.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 20.0, 0, 0, 0, 0, FALSE, 0, &ink };
  static const Style line = { SERIF, 11.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 16.0, 0, 0, 0, 0, FALSE, 0, &ink };
  static const Style small = { SANS, 8.8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 13.0, 0, 0, 0, 0, FALSE, 0, &grey };
  static const Style draft = { SANS, 14.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 18.0, 0, 0, 0, 0, FALSE, 0, &draft_red };
  EvkTitlePage *t = block->title_page;
  double y = 170;

  new_page (l);
  l->page_is_title = TRUE;
  record_anchor (l, "title-page", 0);
  if (l->cr == NULL)
    return;

  set_colour (l->cr, &accent);
  cairo_rectangle (l->cr, 0, 0, EVK_REPORT_PAGE_WIDTH, 14);
  cairo_fill (l->cr);
  cairo_rectangle (l->cr, mirror_x (l, MARGIN_LEFT, 48), y - 36, 48, 3);
  cairo_fill (l->cr);

  {
    g_autofree char *upper = g_utf8_strup (t->kicker, -1);
    g_autoptr(Text) text = text_new_plain (l, &kicker, upper, TEXT_WIDTH);

    tag_begin (l, "P", NULL);
    text_draw (l, text, MARGIN_LEFT, y - 26);
    tag_end (l, "P");
  }
  /* The report's title is its first heading: H1, so that the chapters'
   * H1 follow without a skipped level. */
  tag_begin (l, "H1", NULL);
  {
    g_autoptr(Text) text = text_new_plain (l, &title, t->title, TEXT_WIDTH);

    text_draw (l, text, MARGIN_LEFT, y);
    y += text_height (text) + 10;
  }
  tag_end (l, "H1");
  if (t->subtitle != NULL)
    {
      g_autoptr(Text) text = text_new_plain (l, &subtitle, t->subtitle, TEXT_WIDTH);

      tag_begin (l, "P", NULL);
      text_draw (l, text, MARGIN_LEFT, y);
      tag_end (l, "P");
      y += text_height (text) + 18;
    }
  if (t->client != NULL)
    {
      g_autoptr(Text) text = text_new_plain (l, &line, t->client, TEXT_WIDTH);

      tag_begin (l, "P", NULL);
      text_draw (l, text, MARGIN_LEFT, y);
      tag_end (l, "P");
      y += text_height (text) + 4;
    }
  if (t->strategy != NULL)
    {
      g_autoptr(Text) text = text_new_plain (l, &line, t->strategy, TEXT_WIDTH);

      tag_begin (l, "P", NULL);
      text_draw (l, text, MARGIN_LEFT, y);
      tag_end (l, "P");
      y += text_height (text);
    }
  if (t->draft != NULL)
    {
      g_autofree char *upper = g_utf8_strup (t->draft, -1);
      g_autoptr(Text) text = text_new_plain (l, &draft, upper, TEXT_WIDTH);

      tag_begin (l, "P", NULL);
      text_draw (l, text, MARGIN_LEFT, y + 24);
      tag_end (l, "P");
    }

  {
    g_autoptr(GString) colophon = g_string_new (NULL);
    g_autoptr(Text) text = NULL;
    double bottom = EVK_REPORT_PAGE_HEIGHT - 96;

    if (t->authors != NULL)
      g_string_append_printf (colophon, "%s\n", t->authors);
    if (t->number != NULL)
      g_string_append_printf (colophon, "%s\n", t->number);
    if (t->issn != NULL)
      g_string_append_printf (colophon, "%s\n", t->issn);
    if (t->place_date != NULL)
      g_string_append (colophon, t->place_date);
    text = text_new_plain (l, &small, colophon->str, TEXT_WIDTH);
    cairo_set_line_width (l->cr, 0.5);
    set_colour (l->cr, &rule_grey);
    cairo_move_to (l->cr, MARGIN_LEFT, bottom - text_height (text) - 10);
    cairo_line_to (l->cr, MARGIN_LEFT + TEXT_WIDTH, bottom - text_height (text) - 10);
    cairo_stroke (l->cr);
    tag_begin (l, "P", NULL);
    text_draw (l, text, MARGIN_LEFT, bottom - text_height (text));
    tag_end (l, "P");
  }
}

static void
place_rule (Layout *l)
{
  ensure_page (l);
  space (l, 6);
  if (l->cr != NULL)
    {
      cairo_set_line_width (l->cr, 0.5);
      set_colour (l->cr, &rule_grey);
      cairo_move_to (l->cr, MARGIN_LEFT + TEXT_WIDTH / 3, l->y);
      cairo_line_to (l->cr, MARGIN_LEFT + 2 * TEXT_WIDTH / 3, l->y);
      cairo_stroke (l->cr);
    }
  l->y += 12;
}

static void
document_end (Layout *l)
{
  if (l->document_cr != NULL)
    cairo_tag_end (l->document_cr, "Document");
  l->document_cr = NULL;
}

/* A chapter's last page with less than this (four lines of body text)
 * is a page turned for nothing: the chapter is set again with tighter
 * paragraph spacing, which the pages before it have room to give. */
#define CHAPTER_TAIL_MIN   (4 * 15.0)
#define CHAPTER_TIGHT      0.5

static gboolean
starts_chapter (EvkBlock *block)
{
  return (block->kind == EVK_BLOCK_HEADING && block->level <= 1) || block->kind == EVK_BLOCK_TOC ||
         block->kind == EVK_BLOCK_TITLE_PAGE;
}

/* At a chapter's end, in the first measuring pass: notes whether its
 * last page holds only a few lines. Chapters open on a page of their
 * own, so setting one tighter moves no other chapter's breaks. */
static void
chapter_end (Layout *l)
{
  if (l->finding_tails && l->page_open && l->page > l->chapter_first_page &&
      l->y - MARGIN_TOP < CHAPTER_TAIL_MIN)
    g_hash_table_add (l->tight_chapters, GUINT_TO_POINTER (l->chapter_start + 1));
}

static gboolean
run_pass (Layout  *l,
          double   progress_from,
          double   progress_to)
{
  guint n = l->doc->blocks->len;

  l->page = 0;
  l->page_open = FALSE;
  g_ptr_array_set_size (l->pending, 0);
  l->chapter_title = NULL;
  g_clear_pointer (&l->chapter_running, g_free);
  memset (l->outline_parents, 0, sizeof l->outline_parents);
  g_ptr_array_set_size (l->regions, 0);
  l->chapter_start = 0;
  l->chapter_first_page = 1;
  l->spacing = g_hash_table_contains (l->tight_chapters, GUINT_TO_POINTER (1)) ? CHAPTER_TIGHT : 1.0;

  for (guint i = 0; i < n; i++)
    {
      EvkBlock *block = g_ptr_array_index (l->doc->blocks, i);

      if (i % 32 == 0)
        {
          if (g_cancellable_is_cancelled (l->options->cancellable))
            {
              g_set_error_literal (&l->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_CANCELLED,
                                   _("The report was cancelled"));
              finish_page (l);
              document_end (l);
              return FALSE;
            }
          if (l->options->progress != NULL)
            l->options->progress (progress_from + (progress_to - progress_from) * i / n, _("Pages"),
                                  l->options->progress_data);
        }

      l->next_index = i + 1;
      /* Floated figures stay in their section: they come before the next
       * section's heading. */
      if ((block->kind == EVK_BLOCK_HEADING && block->level <= 2) || block->kind == EVK_BLOCK_TOC ||
          block->kind == EVK_BLOCK_TITLE_PAGE)
        flush_pending (l);
      if (starts_chapter (block) && i > 0)
        {
          chapter_end (l);
          l->chapter_start = i;
          l->spacing = g_hash_table_contains (l->tight_chapters, GUINT_TO_POINTER (i + 1)) ? CHAPTER_TIGHT : 1.0;
        }
      /* A heading ends the places of its level and below, with or without
       * a place of its own; a section without a heading starts with its
       * first block. */
      if (block->kind == EVK_BLOCK_HEADING)
        region_close (l, CLAMP (block->level, 1, 3));
      else if (block->place != NULL && block->place_level > 0)
        {
          region_close (l, block->place_level);
          ensure_page (l);
          region_open (l, block);
        }
      switch (block->kind)
        {
        case EVK_BLOCK_TITLE_PAGE:
          place_title_page (l, block);
          break;
        case EVK_BLOCK_HEADING:
          place_heading (l, i);
          break;
        case EVK_BLOCK_PARAGRAPH:
          place_paragraph (l, block);
          break;
        case EVK_BLOCK_TABLE:
          place_table (l, block);
          break;
        case EVK_BLOCK_FIGURE:
          if (l->pending->len > 0)
            g_ptr_array_add (l->pending, block);
          else
            place_figure (l, block, TRUE);
          break;
        case EVK_BLOCK_TOC:
          place_toc (l);
          break;
        case EVK_BLOCK_RULE:
          place_rule (l);
          break;
        default:
          break;
        }
      if (starts_chapter (block))
        l->chapter_first_page = l->page;
    }
  flush_pending (l);
  chapter_end (l);
  finish_page (l);
  document_end (l);
  g_ptr_array_set_size (l->regions, 0);
  return TRUE;
}

/* Sets the number of every page reference (EVK_SPAN_PAGE) in text to
 * the page its anchor was measured on; TRUE if any changed. */
static gboolean
set_text_page_references (Layout      *l,
                          EvkRichText *text)
{
  gboolean changed = FALSE;

  for (guint s = 0; text != NULL && s < text->spans->len; s++)
    {
      EvkSpan *span = &g_array_index (text->spans, EvkSpan, s);
      Anchor *anchor;
      char page[16];

      if (span->kind != EVK_SPAN_PAGE)
        continue;
      anchor = g_hash_table_lookup (l->anchors, span->target);
      g_snprintf (page, sizeof page, "%u", anchor != NULL ? anchor->page : 0);
      if (strlen (page) == span->end - span->start &&
          strncmp (text->text + span->start, page, span->end - span->start) == 0)
        continue;
      evk_rich_text_replace (text, span->start, span->end, page);
      changed = TRUE;
    }
  return changed;
}

/* The same for the paragraphs, tables and footnotes of the document; what
 * changed is laid out anew. TRUE if anything did. */
static gboolean
set_page_references (Layout *l)
{
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < l->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (l->doc->blocks, i);
      gboolean block_changed = FALSE;

      if (block->kind == EVK_BLOCK_PARAGRAPH)
        block_changed = set_text_page_references (l, block->text);
      else if (block->kind == EVK_BLOCK_TABLE)
        {
          block_changed = set_text_page_references (l, block->caption);
          for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
            {
              GPtrArray *row = g_ptr_array_index (block->rows, r);

              for (guint c = 0; c < row->len; c++)
                block_changed |= set_text_page_references (l, g_ptr_array_index (row, c));
            }
        }
      if (block_changed && block->cache != NULL && block->cache_free != NULL)
        block->cache_free (block->cache);
      if (block_changed)
        block->cache = NULL;
      changed |= block_changed;
    }
  /* Between passes no page holds a footnote: a changed one is dropped
   * from the cache and laid out again when next referred to. */
  g_hash_table_iter_init (&iter, l->doc->footnotes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EvkFootnote *footnote = value;
      gboolean note_changed = FALSE;

      for (guint t = 0; t < footnote->texts->len; t++)
        note_changed |= set_text_page_references (l, g_ptr_array_index (footnote->texts, t));
      if (note_changed && l->page_footnotes->len == 0)
        g_hash_table_remove (l->footnotes, key);
      changed |= note_changed;
    }
  return changed;
}

void
evk_layout_result_clear (EvkLayoutResult *result)
{
  g_clear_pointer (&result->anchor_pages, g_hash_table_unref);
  g_clear_pointer (&result->places, g_array_unref);
  g_clear_pointer (&result->figure_alts, g_ptr_array_unref);
  g_clear_pointer (&result->link_texts, g_ptr_array_unref);
}

/* One report is typeset at a time in the process. Pango 1.50 breaks the
 * same text into lines of different widths when another thread shapes
 * text at the same moment, even with a font map and context of its own: a
 * line that ends in an inserted hyphen is sometimes justified to the
 * column and sometimes not (two threads laying out one paragraph with
 * soft hyphens disagree in about one run in ten; one thread never does).
 * Page breaks follow line heights, so the same project gave different
 * files. The lock makes the layout a function of the document alone. */
static GMutex typeset_lock;

gboolean
evk_report_typeset (EvkReportDoc      *doc,
                    EvkPageSink       *sink,
                    cairo_surface_t   *pdf,
                    EvkReportOptions  *options,
                    EvkLayoutResult   *result,
                    GError           **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&typeset_lock);
  PangoFontMap *font_map;
  PangoContext *pango;
  g_autoptr(EvkChartStyle) chart_style = evk_chart_style_new_print (72);
  cairo_font_options_t *font_options = cairo_font_options_create ();
  Layout l = { 0 };
  gboolean ok;

  evk_report_use_bundled_fonts ();
  font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72);
  pango = pango_font_map_create_context (font_map);
  /* Unhinted metrics: measuring and drawing give the same line breaks. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_language (pango, pango_language_from_string (doc->lang));
  l.rtl = language_is_rtl (doc->lang);
  /* Every paragraph runs in the report's direction (text_new_full). */
  if (l.rtl)
    pango_context_set_base_dir (pango, PANGO_DIRECTION_RTL);
  g_free (chart_style->font_family);
  chart_style->font_family = g_strdup (SANS);

  l.doc = doc;
  l.options = options;
  l.pdf = pdf;
  l.sink = sink;
  l.pango = pango;
  l.chart_style = chart_style;
  l.tagged = pdf != NULL && g_getenv ("EVALKIT_REPORT_UNTAGGED") == NULL;
  l.page_footnotes = g_ptr_array_new ();
  l.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l.footnotes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) footnote_free);
  l.pending = g_ptr_array_new ();
  l.metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l.record_places = pdf != NULL && options->draft;
  l.regions = g_ptr_array_new_with_free_func (g_free);
  l.places = evk_draft_anchors_new ();
  l.figure_alts = g_ptr_array_new_with_free_func (g_free);
  l.link_texts = g_ptr_array_new_with_free_func (g_free);
  l.tight_chapters = g_hash_table_new (NULL, NULL);

  /* Pass one only measures: it learns the page of every heading for the
   * table of contents (which takes the same room either way: its numbers
   * are right-aligned in a fixed column). Pass two draws. */
  l.measuring = TRUE;
  l.finding_tails = TRUE;
  ok = run_pass (&l, 0.0, 0.4);
  l.finding_tails = FALSE;
  /* Chapters set tighter change their own pages' headings: measured
   * again before drawing. */
  if (ok && g_hash_table_size (l.tight_chapters) > 0)
    ok = run_pass (&l, 0.4, 0.4);
  /* Page references print the page of what they name: set from the
   * measured pages, then measured again while that moves anything (a
   * longer number can rewrap its paragraph). */
  for (guint round = 0; ok && round < 3 && set_page_references (&l); round++)
    ok = run_pass (&l, 0.4, 0.4);  /* progress never runs back */
  if (ok)
    {
      l.measuring = FALSE;
      g_ptr_array_set_size (l.figure_alts, 0);
      g_ptr_array_set_size (l.link_texts, 0);
      ok = run_pass (&l, 0.4, 1.0);
    }

  if (ok && result != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      result->n_pages = l.page;
      result->anchor_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, l.anchors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (result->anchor_pages, g_strdup (key),
                             GUINT_TO_POINTER (((Anchor *) value)->page));
      if (l.record_places)
        result->places = g_array_ref (l.places);
      result->figure_alts = g_ptr_array_ref (l.figure_alts);
      result->link_texts = g_ptr_array_ref (l.link_texts);
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&l.error));

  /* The caches hold layouts of this context: drop them with it. */
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (doc->blocks, i);

      if (block->cache != NULL && block->cache_free != NULL)
        block->cache_free (block->cache);
      block->cache = NULL;
    }
  g_ptr_array_unref (l.page_footnotes);
  g_ptr_array_unref (l.pending);
  g_ptr_array_unref (l.regions);
  g_array_unref (l.places);
  g_ptr_array_unref (l.figure_alts);
  g_ptr_array_unref (l.link_texts);
  g_hash_table_unref (l.tight_chapters);
  g_hash_table_unref (l.metrics);
  g_hash_table_unref (l.anchors);
  g_hash_table_unref (l.footnotes);
  g_free (l.chapter_running);
  g_object_unref (pango);
  g_object_unref (font_map);
  return ok;
}
