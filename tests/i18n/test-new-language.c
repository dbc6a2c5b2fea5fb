/* test-new-language.c: a report language added without code (Nynorsk)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "evk-check.h"
#include "evk-demo.h"
#include "evk-format.h"
#include "evk-po.h"
#include "evk-report-texts.h"
#include "evk-report.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-translatable.h"

/* Numbers of a language without [Format] words: its locale data, "copy"
 * followed; else its nearest relative's words; else C/English. */
static void
test_format_rules (void)
{
  g_autofree char *locales = g_test_build_filename (G_TEST_DIST, "data", "locales", NULL);
  g_autofree char *number = NULL;

  g_assert_cmpstr (evk_format_rule ("nb", "DecimalMark"), ==, ",");
  g_assert_cmpstr (evk_format_rule ("en", "GroupSeparator"), ==, ",");

  evk_format_set_locale_sources (locales);
  g_assert_cmpstr (evk_format_rule ("xx", "DecimalMark"), ==, "\u066b");
  g_assert_cmpstr (evk_format_rule ("xx", "GroupSeparator"), ==, "\u066c");
  g_assert_cmpstr (evk_format_rule ("xx-XX", "DecimalMark"), ==, "\u066b");
  g_assert_cmpstr (evk_format_rule ("yy", "DecimalMark"), ==, "\u066b");
  number = evk_format_number ("xx", 12345.25, 1);
  g_assert_cmpstr (number, ==, "12\u066c345\u066b3");
  /* No locale data for nn here: Bokmål's words, its nearest relative. */
  g_assert_cmpstr (evk_format_rule ("nn", "DecimalMark"), ==, ",");
  g_assert_cmpstr (evk_format_rule ("nn", "GroupSeparator"), ==,
                   evk_format_rule ("nb", "GroupSeparator"));
  g_assert_cmpstr (evk_format_rule ("nn", "Percent"), ==, evk_format_rule ("nb", "Percent"));
  /* Nothing known: C/English. */
  g_assert_cmpstr (evk_format_rule ("qq", "DecimalMark"), ==, ".");
  g_assert_cmpstr (evk_format_rule ("qq", "Percent"), ==, "{n}%");
  g_assert_null (evk_format_rule ("qq", "NoSuchRule"));

  /* Glibc's own locale sources, where Debian's locales package put them:
   * Northern Sami groups with a full stop, unlike Bokmål. */
  evk_format_set_locale_sources (NULL);
  if (!g_file_test ("/usr/share/i18n/locales/se_NO", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no glibc locale sources (Debian: locales)");
      return;
    }
  g_assert_cmpstr (evk_format_rule ("se", "DecimalMark"), ==, ",");
  g_assert_cmpstr (evk_format_rule ("se", "GroupSeparator"), ==, ".");
  g_assert_cmpstr (evk_format_rule ("nn", "GroupSeparator"), ==, "\u202f");
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      PopplerPage *page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (out, text);
      g_string_append_c (out, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (out, FALSE);
}

static guint
count_word_problems (EvkProject *project,
                     const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = evk_check_project (project, lang, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      EvkProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_has_prefix (problem->place_name, "Report word · "))
        {
          g_assert_cmpint (problem->kind, ==, EVK_PROBLEM_TRANSLATION_MISSING);
          g_assert_cmpstr (problem->lang, ==, lang);
          n++;
        }
    }
  return n;
}

/* The fixture with the demo's id in its header. */
static char *
fixture_for (EvkProject *project,
             const char *dir)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "po", "demo-nn.po", NULL);
  g_autofree char *path = g_build_filename (dir, "nn.po", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture, &contents, NULL, &error);
  g_assert_no_error (error);
  id = evk_project_get_meta (project, "project_id", &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "DEMO-PROJECT-ID", id, 1), ==, 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Importing a Nynorsk PO makes nn a report language with its own words;
 * a text still missing in nn stops a final report (a draft marks it), and
 * once every text is there the report renders in Nynorsk. */
static void
test_nynorsk_report (gconstpointer data)
{
  gboolean demo = g_str_equal (data, "demo");
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "project", NULL);
  g_autofree char *pdf = g_build_filename (dir, "nn.pdf", NULL);
  g_autofree char *po = NULL, *text = NULL, *draft_text = NULL, *lang = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GArray) fill = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
  g_auto(GStrv) langs = NULL;
  g_autoptr(GPtrArray) words = NULL;
  EvkTranslationResult result;
  EvkTranslationCounts counts;
  EvkReportOptions options;

  if (demo)
    {
      project = evk_demo_create (path, &error);
      g_assert_no_error (error);
    }
  else
    project = evk_test_make_example (path, TRUE, TRUE);
  po = fixture_for (project, dir);
  g_assert_true (evk_po_import (project, po, NULL, &lang, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lang, ==, "nn");
  /* The fixture has every word of the words file, so a word added there
   * needs its Nynorsk here too. */
  words = evk_translatables_list_report_words (project, "nn", NULL, &error);
  g_assert_no_error (error);
  /* Every word and the demo's five texts; the example has some of the
   * places (its goals), not the others. */
  g_assert_cmpuint (result.updated + result.unknown, ==, words->len + 5);
  if (demo)
    g_assert_cmpuint (result.unknown, ==, 0);
  g_assert_cmpuint (result.updated, >=, words->len);
  g_assert_true (evk_translatables_count (project, "nn", &counts, &error));
  g_assert_cmpuint (counts.done, ==, result.updated);
  g_assert_cmpuint (counts.outdated, ==, 0);
  langs = evk_project_get_languages (project, &error);
  g_assert_true (g_strv_contains ((const char * const *) langs, "nn"));

  /* check names every word a language lacks: none for nn now, all for a
   * language added without a PO file. */
  g_assert_cmpuint (count_word_problems (project, "nn"), ==, 0);
  g_assert_true (evk_project_add_report_language (project, "se", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_word_problems (project, "se"), ==, words->len);

  /* Missing translations: an error naming one, or marks in a draft. */
  g_assert_false (evk_report_render_pdf (project, "nn", pdf, &error));
  g_assert_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT);
  g_assert_nonnull (strstr (error->message, "“nn”"));
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  evk_report_options_init (&options);
  options.draft = TRUE;
  g_assert_true (evk_report_render_pdf_full (project, "nn", pdf, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_missing, >, 0);
  draft_text = pdf_text (pdf);
  g_assert_nonnull (strstr (draft_text, "⟦nn: "));
  g_assert_nonnull (strstr (draft_text, "Innhald"));

  /* A translator fills the rest from the Bokmål. */
  units = evk_translatables_list (project, "nn", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.missing, >, 0);
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);
      EvkTranslationUpdate update = { unit->key, unit->source, FALSE, NULL };

      if (unit->state == EVK_TEXT_MISSING)
        g_array_append_val (fill, update);
    }
  g_assert_true (evk_translatables_apply (project, "nn", fill, &result, &error));
  g_assert_no_error (error);
  g_assert_true (evk_translatables_count (project, "nn", &counts, &error));
  g_assert_cmpuint (counts.missing, ==, 0);

  g_assert_true (evk_report_render_pdf (project, "nn", pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  /* The report's own words, in Nynorsk, not Bokmål. */
  g_assert_nonnull (strstr (text, "Innhald"));
  g_assert_null (strstr (text, "Innhold"));
  g_assert_nonnull (strstr (text, "Kjelde"));
  if (demo)
    {
      g_assert_nonnull (strstr (text, "Kvardagsintegrering"));
      g_assert_nonnull (strstr (text, "Fleire med innvandrarbakgrunn deltek i sivilsamfunnet"));
    }
  g_assert_null (strstr (text, "⟦"));
  evk_test_rm_rf (dir);
}

typedef struct {
  double top;
  double left;
  double right;
} Line;

/* The lines of text on a page above its footer, top to bottom, by the
 * glyph boxes poppler reports. */
static GArray *
page_lines (const char *path,
            int         index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autofree char *text = NULL;
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  double width, height;
  const char *p;

  g_assert_no_error (error);
  page = poppler_document_get_page (doc, index);
  poppler_page_get_size (page, &width, &height);
  text = poppler_page_get_text (page);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  p = text;
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      PopplerRectangle *r = &rects[i];
      Line *line = NULL;

      if (g_unichar_isspace (g_utf8_get_char (p)) || r->y1 > height * 0.85 || r->x2 - r->x1 < 0.1)
        continue;
      for (guint l = 0; l < lines->len && line == NULL; l++)
        if (fabs (g_array_index (lines, Line, l).top - r->y1) < 3)
          line = &g_array_index (lines, Line, l);
      if (line == NULL)
        {
          Line fresh = { r->y1, r->x1, r->x2 };

          g_array_append_val (lines, fresh);
          continue;
        }
      line->left = MIN (line->left, r->x1);
      line->right = MAX (line->right, r->x2);
    }
  g_free (rects);
  g_object_unref (page);
  g_object_unref (doc);
  return lines;
}

static double
lines_left (GArray *lines)
{
  double left = G_MAXDOUBLE;

  for (guint l = 0; l < lines->len; l++)
    left = MIN (left, g_array_index (lines, Line, l).left);
  return left;
}

static double
lines_right (GArray *lines)
{
  double right = -G_MAXDOUBLE;

  for (guint l = 0; l < lines->len; l++)
    right = MAX (right, g_array_index (lines, Line, l).right);
  return right;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* The first page that shows needle, and the box of its first match there
 * (top-down coordinates, as poppler's text layout gives them). */
static PopplerPage *
find_on_page (PopplerDocument  *doc,
              const char       *needle,
              PopplerRectangle *box)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      /* Case-sensitive: "Tabell 1-1" is the caption, not the text's
       * reference to it ("tabell 1-1"). */
      GList *matches = poppler_page_find_text_with_options (page, needle, POPPLER_FIND_CASE_SENSITIVE);
      double width, height;

      if (matches != NULL)
        {
          PopplerRectangle *r = matches->data;

          poppler_page_get_size (page, &width, &height);
          box->x1 = r->x1;
          box->x2 = r->x2;
          box->y1 = height - MAX (r->y1, r->y2);
          box->y2 = height - MIN (r->y1, r->y2);
          g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
          return page;
        }
      g_object_unref (page);
    }
  g_assert_not_reached ();
}

/* The leftmost and rightmost glyph on the text line whose box spans y. */
static void
line_extent (PopplerPage *page,
             double       y,
             double      *left,
             double      *right)
{
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autofree char *text = poppler_page_get_text (page);
  const char *p = text;

  *left = G_MAXDOUBLE;
  *right = -G_MAXDOUBLE;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      PopplerRectangle *r = &rects[i];

      if (g_unichar_isspace (g_utf8_get_char (p)) || r->x2 - r->x1 < 0.1 || r->y1 > y || r->y2 < y)
        continue;
      *left = MIN (*left, r->x1);
      *right = MAX (*right, r->x2);
    }
  g_free (rects);
  g_assert_cmpfloat (*left, <, *right);
}

/* The horizontal extent of the topmost band of the heading colour on a
 * page: the short rule above a chapter's heading (white rows part it
 * from the heading below). */
static void
rule_extent (PopplerPage *page,
             double      *left,
             double      *right)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guchar *data;
  int stride;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  *left = G_MAXDOUBLE;
  *right = -G_MAXDOUBLE;
  for (int row = 0; row < cairo_image_surface_get_height (surface); row++)
    {
      gboolean found = FALSE;

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        {
        guint32 pixel = *(const guint32 *) (data + row * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        /* The report's accent, a dark blue (0.09, 0.27, 0.45). */
          if (abs (r - 23) < 30 && abs (g - 69) < 30 && abs (b - 115) < 30)
            {
              *left = MIN (*left, x);
              *right = MAX (*right, x + 1);
              found = TRUE;
            }
        }
      if (!found && *left < *right)
        break;
    }
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (*left, <, *right);
}

/* Where the parts of a page that are not running text sit: a chapter's
 * rule, a caption, a list's bullet and a table's label column. In a
 * right-to-left report each is at the right of the text block, in a
 * left-to-right one at the left. */
static void
check_sides (const char *path,
             gboolean    rtl,
             double      block_left,
             double      block_right)
{
  PopplerDocument *doc = open_pdf (path);
  PopplerPage *page;
  PopplerRectangle box;
  double left, right, middle = (block_left + block_right) / 2;

  /* The foreword opens a chapter, under a rule 48 pt long. */
  page = poppler_document_get_page (doc, 1);
  rule_extent (page, &left, &right);
  g_assert_cmpfloat (fabs (right - left - 48), <, 2);
  if (rtl)
    g_assert_cmpfloat (fabs (right - block_right), <, 2);
  else
    g_assert_cmpfloat (fabs (left - block_left), <, 2);
  g_object_unref (page);

  /* A table's caption, short, sits at the start side. */
  page = find_on_page (doc, "Tabell 1-1", &box);
  line_extent (page, (box.y1 + box.y2) / 2, &left, &right);
  if (rtl)
    g_assert_true (fabs (right - block_right) < 2 && left > middle);
  else
    g_assert_true (fabs (left - block_left) < 2 && right < middle);
  g_object_unref (page);

  /* A table's label column comes first: its cell ends the row at the
   * right from right to left, the numbers to its left. */
  page = find_on_page (doc, "Ingen registrerte ansatte", &box);
  line_extent (page, (box.y1 + box.y2) / 2, &left, &right);
  if (rtl)
    g_assert_true (fabs (box.x2 - right) < 1 && fabs (right - block_right) < 8 && left < box.x1 - 100);
  else
    g_assert_true (fabs (box.x1 - left) < 1 && fabs (left - block_left) < 8 && right > box.x2 + 100);
  g_object_unref (page);

  /* A list's bullet stands before its item: the rightmost glyph of its
   * line from right to left. */
  page = find_on_page (doc, "•", &box);
  line_extent (page, (box.y1 + box.y2) / 2, &left, &right);
  if (rtl)
    g_assert_true (fabs (box.x2 - right) < 1 && box.x1 > middle);
  else
    g_assert_true (fabs (box.x1 - left) < 1 && box.x2 < middle);
  g_object_unref (page);
  g_object_unref (doc);
}

static int
compare_tops (gconstpointer a,
              gconstpointer b)
{
  double d = ((const Line *) a)->top - ((const Line *) b)->top;

  return d < 0 ? -1 : d > 0;
}

/* An Arabic paragraph runs right to left: its lines end at the right
 * margin and its last, short line sits there too, where a Bokmål one
 * starts at the left. */
static void
test_right_to_left (void)
{
  static const char arabic[] =
    "تهدف هذه الاستراتيجية إلى تعزيز دور المجتمع المدني في الاندماج. شارك 5103 "
    "منظمة في الاستطلاع، وأجاب 14 % منها. تقول مديرية IMDi إن البرنامج ساعد "
    "المنظمات الصغيرة على التقدم بطلبات الدعم في وقت مبكر من العام، وهذا نص طويل "
    "بما يكفي ليمتد على عدة أسطر في الصفحة حتى نرى المحاذاة.";
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "project", NULL);
  g_autofree char *ar_pdf = g_build_filename (dir, "ar.pdf", NULL);
  g_autofree char *nb_pdf = g_build_filename (dir, "nb.pdf", NULL);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GArray) fill = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
  g_autoptr(GArray) ar_lines = NULL, nb_lines = NULL;
  EvkTranslationResult result;
  Line *last;

  project = evk_demo_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_add_report_language (project, "ar", &error));
  g_assert_no_error (error);
  units = evk_translatables_list (project, "ar", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);
      EvkTranslationUpdate update = { unit->key, unit->source, FALSE, NULL };

      if (g_str_equal (unit->key, "project/chapter:foreword:text"))
        update.translation = arabic;
      else if (g_str_equal (unit->key, "report-word/Report/Foreword"))
        update.translation = "تمهيد";
      g_array_append_val (fill, update);
    }
  g_assert_true (evk_translatables_apply (project, "ar", fill, &result, &error));
  g_assert_no_error (error);
  g_assert_true (evk_report_render_pdf (project, "ar", ar_pdf, &error));
  g_assert_no_error (error);
  g_assert_true (evk_report_render_pdf (project, "nb", nb_pdf, &error));
  g_assert_no_error (error);

  /* The foreword is the second page; poppler gives its text lines. */
  ar_lines = page_lines (ar_pdf, 1);
  g_array_sort (ar_lines, compare_tops);
  g_assert_cmpuint (ar_lines->len, >=, 3);
  last = &g_array_index (ar_lines, Line, ar_lines->len - 1);
  for (guint l = 0; l + 1 < ar_lines->len; l++)
    g_assert_cmpfloat (fabs (g_array_index (ar_lines, Line, l).right - last->right), <, 2);
  g_assert_cmpfloat (last->left, >, g_array_index (ar_lines, Line, 0).left + 50);

  nb_lines = page_lines (nb_pdf, 1);
  g_array_sort (nb_lines, compare_tops);
  g_assert_cmpuint (nb_lines->len, >=, 3);
  last = &g_array_index (nb_lines, Line, nb_lines->len - 1);
  g_assert_cmpfloat (fabs (last->left - g_array_index (nb_lines, Line, 0).left), <, 2);

  /* The foreword's full lines span the text block. */
  check_sides (ar_pdf, TRUE, lines_left (ar_lines), lines_right (ar_lines));
  check_sides (nb_pdf, FALSE, lines_left (nb_lines), lines_right (nb_lines));
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/new-language/format-rules", test_format_rules);
  g_test_add_data_func ("/evk/new-language/nynorsk-report/demo", "demo", test_nynorsk_report);
  g_test_add_data_func ("/evk/new-language/nynorsk-report/example", "example", test_nynorsk_report);
  g_test_add_func ("/evk/new-language/right-to-left", test_right_to_left);
  return g_test_run ();
}
