/* test-report.c: the demo report read back with poppler
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "evk-chart.h"
#include "evk-charts.h"
#include "evk-data-dir.h"
#include "evk-demo.h"
#include "evk-format.h"
#include "evk-localized.h"
#include "evk-report.h"
#include "evk-store-texts.h"
#include "evk-table-spec.h"
#include "evk-test-util.h"
#include "evk-words.h"

/* Poppler 22 has no g_autoptr support of its own. */
typedef PopplerPage TestPage;
typedef PopplerDocument TestDocument;
typedef PopplerIndexIter TestIndexIter;
typedef PopplerFontInfo TestFontInfo;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestIndexIter, poppler_index_iter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFontInfo, poppler_font_info_free)

/* One demo project and its two reports for the whole file: building them
 * is what the benchmark times, not what each test is about. */
typedef struct {
  char             *dir;
  EvkProject       *project;
  EvkStrategy      *strategy;
  char             *pdf[2];
  EvkReportOptions  options[2];
  PopplerDocument  *doc[2];
  GPtrArray        *text[2];     /* page texts, whitespace collapsed */
  GPtrArray        *squashed[2]; /* without spaces and hyphens */
} Fixture;

static const char * const langs[] = { "nb", "en", NULL };
static Fixture fx;

/* Whitespace of any kind (the narrow no-break space of "5 103" too) as
 * one space; hyphens at line ends of hyphenated words are kept. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202f || c == 0x00a0 || c == 0x2028)
        {
          space = TRUE;
          continue;
        }
      if (c == 0x00ad)
        continue;
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Poppler joins a word hyphenated at a line end ("Norwegian-|language"
 * → "Norwegianlanguage"): headings are compared without spaces and
 * hyphens. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != 0x00ad && c != 0x2010 && c != 0x202f && c != 0xa0)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static const char *
page_text (guint l,
           guint page)
{
  return g_ptr_array_index (fx.text[l], page);
}

static guint
n_pages (guint l)
{
  return fx.text[l]->len;
}

static void
load_pdf (guint l)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (fx.pdf[l], NULL, &error);

  g_assert_no_error (error);
  fx.doc[l] = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  fx.text[l] = g_ptr_array_new_with_free_func (g_free);
  fx.squashed[l] = g_ptr_array_new_with_free_func (g_free);
  for (int p = 0; p < poppler_document_get_n_pages (fx.doc[l]); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (fx.doc[l], p);
      g_autofree char *text = poppler_page_get_text (page);

      g_ptr_array_add (fx.text[l], normalize (text));
      g_ptr_array_add (fx.squashed[l], squash (text));
    }
}

static void
fixture_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *demo_dir = evk_get_demo_dir ();
  g_autoptr(EvkLiveFigures) figures = NULL;

  fx.dir = evk_test_tmpdir ();
  path = g_build_filename (fx.dir, "demo.evalkit", NULL);
  fx.project = evk_demo_create (path, &error);
  g_assert_no_error (error);
  /* Until the demo imports its narrative itself. */
  evk_report_import_demo (fx.project, demo_dir, &error);
  g_assert_no_error (error);
  fx.strategy = evk_project_load_strategy (fx.project, &error);
  g_assert_no_error (error);

  figures = evk_live_figures_new (fx.project);
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_autofree char *name = g_strdup_printf ("report.%s.pdf", langs[l]);

      fx.pdf[l] = g_build_filename (fx.dir, name, NULL);
      evk_report_options_init (&fx.options[l]);
      fx.options[l].figures = figures;
      evk_report_render_pdf_full (fx.project, langs[l], fx.pdf[l], &fx.options[l], &error);
      g_assert_no_error (error);
      load_pdf (l);
      if (g_getenv ("EVK_REPORT_KEEP") != NULL)
        {
          g_autofree char *keep = g_build_filename (g_getenv ("EVK_REPORT_KEEP"), name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          g_file_get_contents (fx.pdf[l], &contents, &length, NULL);
          g_file_set_contents (keep, contents, length, NULL);
        }
    }
}

static void
fixture_teardown (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_clear_object (&fx.doc[l]);
      g_clear_pointer (&fx.text[l], g_ptr_array_unref);
      g_clear_pointer (&fx.squashed[l], g_ptr_array_unref);
      g_free (fx.pdf[l]);
    }
  g_clear_pointer (&fx.strategy, evk_strategy_free);
  g_clear_object (&fx.project);
  evk_test_rm_rf (fx.dir);
  g_free (fx.dir);
}

/* Finds needle at or after (page, offset); advances them past it. */
static gboolean
find_in (GPtrArray   *texts,
         const char  *needle,
         guint       *page,
         gsize       *offset)
{
  for (; *page < texts->len; (*page)++, *offset = 0)
    {
      const char *text = g_ptr_array_index (texts, *page);
      const char *hit = strstr (text + MIN (*offset, strlen (text)), needle);

      if (hit != NULL)
        {
          *offset = hit - text + strlen (needle);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
find_from (guint        l,
           const char  *needle,
           guint       *page,
           gsize       *offset)
{
  return find_in (fx.text[l], needle, page, offset);
}

/* A heading, however poppler splits it. */
static gboolean
find_heading (guint        l,
              const char  *heading,
              guint       *page,
              gsize       *offset)
{
  g_autofree char *needle = squash (heading);

  return find_in (fx.squashed[l], needle, page, offset);
}

static guint
find_page (guint       l,
           const char *needle)
{
  guint page = 0;
  gsize offset = 0;

  return find_from (l, needle, &page, &offset) ? page : G_MAXUINT;
}

static void
test_page_count (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_assert_cmpuint (poppler_document_get_n_pages (fx.doc[l]), ==, fx.options[l].n_pages);
      /* The seed report has about 100 pages; ours carries the same parts. */
      g_assert_cmpuint (fx.options[l].n_pages, >=, 70);
      g_assert_cmpuint (fx.options[l].n_pages, <=, 160);
      g_assert_cmpuint (fx.options[l].n_unresolved, ==, 0);
      g_assert_cmpuint (fx.options[l].n_missing, ==, 0);
    }
}

/* Every chapter (goal) and measure heading, in the order of the model,
 * after the table of contents. */
static void
test_headings_in_order (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      const char *introduction = evk_word ("Report", "ChapterIntroduction", langs[l]);
      g_autofree char *first = g_strdup_printf ("1 %s", introduction);
      guint page = find_page (l, evk_word ("Report", "Contents", langs[l])) + 1;
      gsize offset = 0;
      guint chapter = 4;

      /* The chapters begin after the contents (which list them too). */
      while (page < n_pages (l) && strstr (page_text (l, page), evk_word ("Report", "Summary", langs[l])) == NULL)
        page++;
      g_assert_true (find_heading (l, first, &page, &offset));
      for (guint g = 0; g < fx.strategy->goals->len; g++, chapter++)
        {
          EvkGoal *goal = g_ptr_array_index (fx.strategy->goals, g);
          g_autofree char *heading = g_strdup_printf ("%u %s", chapter, evk_localized_get (goal->title, langs[l]));
          guint section = 0;

          if (!find_heading (l, heading, &page, &offset))
            g_error ("%s: chapter heading “%s” not found after page %u", langs[l], heading, page);
          for (guint m = 0; m < fx.strategy->measures->len; m++)
            {
              EvkMeasure *measure = g_ptr_array_index (fx.strategy->measures, m);
              g_autofree char *measure_heading = NULL;

              if (!g_str_equal (measure->goal, goal->key))
                continue;
              measure_heading = g_strdup_printf ("%u.%u %s", chapter, ++section,
                                                 evk_localized_get (measure->title, langs[l]));
              if (!find_heading (l, measure_heading, &page, &offset))
                g_error ("%s: measure heading “%s” not found in order", langs[l], measure_heading);
            }
        }
      g_assert_true (find_heading (l, evk_word ("Report", "ChapterResults", langs[l]), &page, &offset));
      g_assert_true (find_heading (l, evk_word ("Report", "References", langs[l]), &page, &offset));
      g_assert_true (find_heading (l, evk_word ("Report", "AppendixQuestionnaire", langs[l]), &page, &offset));
    }
}

/* The text whose glyphs lie in area (page space, as link areas are):
 * poppler's own get_text_for_area selects a reading-order flow instead. */
static char *
text_in_area (PopplerPage      *page,
              PopplerRectangle *area)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0, i = 0;
  GString *out = g_string_new (NULL);

  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    return g_string_free (out, FALSE);
  for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      double cx = (rects[i].x1 + rects[i].x2) / 2, cy = (rects[i].y1 + rects[i].y2) / 2;

      if (cx >= area->x1 && cx <= area->x2 && cy >= area->y1 && cy <= area->y2)
        g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

/* The contents' links: each goes to the page its number says, and that
 * page has the heading. */
static void
test_toc_pages (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      guint toc_page = find_page (l, evk_word ("Report", "Contents", langs[l]));
      PopplerDest *summary = poppler_document_find_dest (fx.doc[l], "summary");
      guint n_checked = 0, end;

      g_assert_cmpuint (toc_page, <, 6);
      g_assert_nonnull (summary);
      /* The contents run up to the summary. */
      end = summary->page_num - 1;
      poppler_dest_free (summary);
      g_assert_cmpuint (end, >, toc_page);
      for (guint p = toc_page; p < end; p++)
        {
          g_autoptr(TestPage) page = poppler_document_get_page (fx.doc[l], p);
          GList *links = poppler_page_get_link_mapping (page);
          double width, height;

          poppler_page_get_size (page, &width, &height);
          for (GList *i = links; i != NULL; i = i->next)
            {
              PopplerLinkMapping *mapping = i->data;
              PopplerRectangle area = mapping->area;
              int dest_page;

              if (mapping->action->type != POPPLER_ACTION_GOTO_DEST)
                continue;
              /* Named destinations, resolved as a viewer does. */
              if (mapping->action->goto_dest.dest->type == POPPLER_DEST_NAMED)
                {
                  PopplerDest *named = poppler_document_find_dest (fx.doc[l],
                                                                   mapping->action->goto_dest.dest->named_dest);

                  g_assert_nonnull (named);
                  dest_page = named->page_num;
                  poppler_dest_free (named);
                }
              else
                dest_page = mapping->action->goto_dest.dest->page_num;
              /* Link areas are in PDF space (origin bottom left), text in page
               * space (origin top left). */
              area.y1 = height - mapping->area.y2;
              area.y2 = height - mapping->area.y1;
              /* The page number stands in the last 40 points of the line. */
              {
                PopplerRectangle number_area = area, title_area = area;
                g_autofree char *number = NULL, *title = NULL, *start = NULL, *squashed = NULL;

                number_area.x1 = area.x2 - 40;
                title_area.x2 = area.x2 - 40;
                number = text_in_area (page, &number_area);
                title = text_in_area (page, &title_area);
                g_assert_cmpuint (strlen (number), >, 0);
                if (atoi (number) != dest_page)
                  g_error ("%s: TOC link “%s” (%s) says %s, goes to page %d", langs[l], title,
                           mapping->action->goto_dest.dest->named_dest, number, dest_page);
                start = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 24));
                squashed = squash (start);
                if (strstr (g_ptr_array_index (fx.squashed[l], dest_page - 1), squashed) == NULL)
                  g_error ("%s: TOC entry “%s” → page %d, which does not have it", langs[l], title, dest_page);
              }
              n_checked++;
            }
          poppler_page_free_link_mapping (links);
        }
      /* Chapters and sections: at least every measure. */
      g_assert_cmpuint (n_checked, >=, fx.strategy->measures->len + fx.strategy->goals->len);
    }
}

static void
test_outline (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_autoptr(TestIndexIter) iter = poppler_index_iter_new (fx.doc[l]);
      guint n_top = 0, n_goal_children = 0;

      g_assert_nonnull (iter);
      do
        {
          PopplerAction *action = poppler_index_iter_get_action (iter);
          g_autoptr(TestIndexIter) child = poppler_index_iter_get_child (iter);

          n_top++;
          for (guint g = 0; g < fx.strategy->goals->len; g++)
            {
              EvkGoal *goal = g_ptr_array_index (fx.strategy->goals, g);

              if (g_str_has_suffix (action->any.title, evk_localized_get (goal->title, langs[l])))
                {
                  g_assert_nonnull (child);
                  do
                    n_goal_children++;
                  while (poppler_index_iter_next (child));
                }
            }
          poppler_action_free (action);
        }
      while (poppler_index_iter_next (iter));
      /* Foreword, contents, summary, 3 chapters, the goals, results,
       * recommendations, references, abbreviations, appendix. */
      g_assert_cmpuint (n_top, ==, 11 + fx.strategy->goals->len);
      g_assert_cmpuint (n_goal_children, ==, fx.strategy->measures->len);
    }
}

/* "Figur 4-1", "Figur 4-2", … with no gap and no repeat in a chapter. */
static void
test_figure_numbers (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_autofree char *pattern = g_strdup_printf ("(?:^|\\s)%s (\\d+)-(\\d+) ", evk_word ("Report", "Figure", langs[l]));
      g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
      guint chapter = 0, last = 0, n = 0;

      for (guint p = 0; p < n_pages (l); p++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          g_regex_match (regex, page_text (l, p), 0, &match);
          while (g_match_info_matches (match))
            {
              g_autofree char *c = g_match_info_fetch (match, 1);
              g_autofree char *f = g_match_info_fetch (match, 2);
              guint cn = atoi (c), fn = atoi (f);

              if (cn != chapter)
                {
                  g_assert_cmpuint (cn, >, chapter);
                  chapter = cn;
                  last = 0;
                }
              if (fn != last + 1)
                g_error ("%s: page %u: figure %u-%u follows %u-%u", langs[l], p + 1, cn, fn, cn, last);
              last = fn;
              n++;
              g_match_info_next (match, NULL);
            }
        }
      g_assert_cmpuint (n, ==, fx.options[l].n_figures);
      g_assert_cmpuint (n, >=, 20);
    }
}

/* Words that only the Norwegian report may print. */
static void
test_english_has_no_norwegian (void)
{
  static const char * const words[] = {
    "Gjennomført", "gjennomført", "Tiltak ", "Tiltakstype", "Figur ", "Tabell ", "Delmål", "delmål",
    "Kilde:", "Sammendrag", "Innhold", "Forord", "januar", "Ansvarlig", "Målgrupper",
    "Kjennskap", "Svaralternativer", "Vedlegg", "Utarbeidet", "Rapport nr", "Kjenner ikke",
    "Har brukt", "(forts.)", "Strategiperiode", "Spørreskjema", "Tiltakene",
  };

  for (guint p = 0; p < n_pages (1); p++)
    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      {
        const char *text = page_text (1, p);
        const char *hit = strstr (text, words[w]);

        if (hit != NULL)
          g_error ("en report, page %u: Norwegian “%s” in “…%.60s…”", p + 1, words[w],
                   hit - MIN (30, hit - text));
      }
  /* And the Norwegian report says it in Norwegian. */
  g_assert_cmpuint (find_page (0, "Gjennomført"), <, G_MAXUINT);
  g_assert_cmpuint (find_page (0, "Figur 4-1"), <, G_MAXUINT);
  g_assert_cmpuint (find_page (1, "Figure 4-1"), <, G_MAXUINT);
}

/* The narrative's {{share.1: awareness 7 | - | known-used}} prints what
 * the chart of offer 7 draws. */
static void
test_live_figure_matches_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) table = evk_table_compute (fx.project, "awareness 7", &error);
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (72);
  g_autoptr(EvkChartHits) hits = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double chart_share = NAN;
  EvkChartSpec spec;

  g_assert_no_error (error);
  evk_chart_spec_init (&spec, EVK_CHART_AWARENESS, "nb");
  hits = evk_chart_draw (EVK_CHART_AWARENESS, table, &spec, style, cr, 450, 120);
  for (guint i = 0; i < hits->hits->len; i++)
    {
      EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);

      if (hit->kind == EVK_CHART_HIT_CELL && hit->row == 0 &&
          hit->column == evk_table_find_column (table, "known-used"))
        chart_share = hit->share;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_false (isnan (chart_share));

  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_autofree char *formatted = evk_format_percent (langs[l], chart_share, 1);
      g_autofree char *needle = normalize (formatted);
      g_autoptr(EvkLiveFigures) figures = evk_live_figures_new (fx.project);
      g_autofree char *live = evk_live_figures_resolve (figures, "share.1: awareness 7 | - | known-used",
                                                         langs[l], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (live, ==, formatted);
      g_assert_cmpstr (needle, ==, l == 0 ? "8,4 %" : "8.4%");
      /* In the awareness chapter, where the narrative quotes it. */
      g_assert_cmpuint (find_page (l, needle), <, G_MAXUINT);
    }
}

static void
test_document_language (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_autofree char *contents = NULL, *lang_entry = NULL;
      gsize length;
      const char *first_eof;
      g_autofree char *qpdf = g_find_program_in_path ("qpdf");

      g_assert_true (g_file_get_contents (fx.pdf[l], &contents, &length, NULL));
      lang_entry = g_strdup_printf ("/Lang (%s)", langs[l]);
      /* Cairo's revision, then ours with the catalog and /Prev. */
      first_eof = memmem (contents, length, "%%EOF", 5);
      g_assert_nonnull (first_eof);
      g_assert_nonnull (memmem (first_eof, length - (first_eof - contents), lang_entry, strlen (lang_entry)));
      g_assert_nonnull (memmem (first_eof, length - (first_eof - contents), "/Prev ", 6));
      g_assert_nonnull (memmem (first_eof, length - (first_eof - contents), "/MarkInfo", 9));
      g_assert_null (memmem (contents, first_eof - contents, "/Lang", 5));
      {
        g_autofree char *title = poppler_document_get_title (fx.doc[l]);
        g_autofree char *creator = poppler_document_get_creator (fx.doc[l]);

        g_assert_cmpstr (title, ==, l == 0 ? "Evaluering av Hverdagsintegrering" : "Evaluation of Everyday integration");
        g_assert_cmpstr (creator, ==, "Evalkit " PACKAGE_VERSION);
      }

      if (qpdf != NULL)
        {
          const char *argv[] = { qpdf, "--check", fx.pdf[l], NULL };
          g_autofree char *out = NULL;
          int status;

          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL);
          if (!g_spawn_check_wait_status (status, NULL))
            g_error ("qpdf --check %s:\n%s", fx.pdf[l], out);
        }
      else
        g_test_message ("qpdf not installed: checked with poppler only");
    }
}

static gboolean
pdf_has_fonts (guint l)
{
  g_autoptr(TestFontInfo) info = poppler_font_info_new (fx.doc[l]);
  PopplerFontsIter *iter = NULL;
  gboolean charis = FALSE, all_embedded = TRUE;

  while (poppler_font_info_scan (info, 20, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);

          all_embedded = all_embedded && poppler_fonts_iter_is_embedded (iter);
          charis = charis || (name != NULL && strstr (name, "Charis") != NULL);
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  return charis && all_embedded;
}

static void
test_fonts_embedded (void)
{
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    g_assert_true (pdf_has_fonts (l));
}

/* A reference that does not resolve stops the build and says where; a
 * draft shows it in red and goes on. */
/* Narrative links are links in the PDF only with http, https and mailto;
 * file:, javascript: and smb: print as their plain text. */
static void
test_link_schemes (void)
{
  EvkStore *store = evk_project_get_store (fx.project);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTextIndex) index = evk_text_index_load (store, "measure", &error);
  g_autofree char *path = g_build_filename (fx.dir, "links.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GHashTable) original = NULL;
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TestDocument) doc = NULL;
  g_autofree char *with_links = NULL;
  EvkReportOptions options;
  gboolean text_found = FALSE;
  sqlite3_stmt *stmt;
  gint64 id;

  g_assert_no_error (error);
  stmt = evk_store_prepare (store, "SELECT id FROM measure WHERE number = 7", &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_step (store, stmt, NULL, &error));
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  original = evk_text_index_get (index, id, "section:results");
  with_links = g_strconcat (evk_localized_get (original, "en"),
                            "\n\nSee [the web](https://example.org/x), [a mail](MAILTO:a@example.org), "
                            "[a file](file:///etc/passwd), [a script](javascript:alert(1)) and "
                            "[a share](smb://server/share).\n", NULL);
  evk_store_set_text (store, "measure", id, "section:results", "en", with_links, &error);
  g_assert_no_error (error);

  evk_report_options_init (&options);
  options.draft = TRUE;
  g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_no_error (error);
  evk_store_set_text (store, "measure", id, "section:results", "en",
                      evk_localized_get (original, "en"), &error);
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      GList *links = poppler_page_get_link_mapping (page);

      if (strstr (text, "a share") != NULL && strstr (text, "a file") != NULL)
        text_found = TRUE;
      for (GList *i = links; i != NULL; i = i->next)
        {
          PopplerLinkMapping *mapping = i->data;

          if (mapping->action->type == POPPLER_ACTION_URI)
            g_ptr_array_add (uris, g_strdup (mapping->action->uri.uri));
        }
      poppler_page_free_link_mapping (links);
    }
  g_assert_true (text_found);
  g_assert_true (g_ptr_array_find_with_equal_func (uris, "https://example.org/x", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (uris, "MAILTO:a@example.org", g_str_equal, NULL));
  for (guint i = 0; i < uris->len; i++)
    {
      const char *u = g_ptr_array_index (uris, i);

      g_assert_false (g_str_has_prefix (u, "file:"));
      g_assert_false (g_str_has_prefix (u, "javascript:"));
      g_assert_false (g_str_has_prefix (u, "smb:"));
    }
}

static void
test_broken_reference (void)
{
  EvkStore *store = evk_project_get_store (fx.project);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTextIndex) index = evk_text_index_load (store, "measure", &error);
  g_autofree char *path = g_build_filename (fx.dir, "broken.pdf", NULL);
  g_autoptr(GHashTable) original = NULL;
  g_autofree char *broken = NULL;
  EvkReportOptions options;
  sqlite3_stmt *stmt;
  gint64 id;

  g_assert_no_error (error);
  stmt = evk_store_prepare (store, "SELECT id FROM measure WHERE number = 7", &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_step (store, stmt, NULL, &error));
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  original = evk_text_index_get (index, id, "section:results");
  broken = g_strconcat (evk_localized_get (original, "en"),
                        "\n\nA broken one: {{share: awareness 7 | - | known-usd}}.\n", NULL);
  evk_store_set_text (store, "measure", id, "section:results", "en", broken, &error);
  g_assert_no_error (error);

  evk_report_options_init (&options);
  g_assert_false (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "en/measure-07.md, section “results”"));
  g_assert_nonnull (strstr (error->message, "{{share: awareness 7 | - | known-usd}}"));
  g_assert_nonnull (strstr (error->message, "no column “known-usd”"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  evk_report_options_init (&options);
  options.draft = TRUE;
  g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_unresolved, ==, 1);
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(TestDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (int p = 0; p < poppler_document_get_n_pages (doc) && !found; p++)
      {
        g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
        g_autofree char *raw = poppler_page_get_text (page);
        g_autofree char *text = normalize (raw);

        found = strstr (text, "{{share: awareness 7 | - | known-usd}}") != NULL;
      }
    g_assert_true (found);
  }

  evk_store_set_text (store, "measure", id, "section:results", "en",
                      evk_localized_get (original, "en"), &error);
  g_assert_no_error (error);
  g_unlink (path);
}

/* A text with no translation fails the build, naming it. */
static void
test_missing_translation (void)
{
  EvkStore *store = evk_project_get_store (fx.project);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx.dir, "missing.pdf", NULL);
  g_autoptr(EvkTextIndex) index = evk_text_index_load (store, "project", &error);
  g_autoptr(GHashTable) original = evk_text_index_get (index, 0, "chapter:summary:text");
  EvkReportOptions options;

  g_assert_no_error (error);
  evk_store_set_text (store, "project", 0, "chapter:summary:text", "en", "", &error);
  g_assert_no_error (error);

  evk_report_options_init (&options);
  g_assert_false (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT);
  g_assert_nonnull (strstr (error->message, "summary.md, section “text”"));
  g_assert_nonnull (strstr (error->message, "“en”"));
  g_clear_error (&error);

  evk_report_options_init (&options);
  options.draft = TRUE;
  g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_missing, ==, 1);
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(TestDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (int p = 0; p < 8 && !found; p++)
      {
        g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
        g_autofree char *raw = poppler_page_get_text (page);
        g_autofree char *text = normalize (raw);

        found = strstr (text, "⟦en: summary.md, section “text”⟧") != NULL;
      }
    g_assert_true (found);
  }

  evk_store_set_text (store, "project", 0, "chapter:summary:text", "en",
                      evk_localized_get (original, "en"), &error);
  g_assert_no_error (error);
  g_unlink (path);
}

static gboolean
pdf_contains (const char *path,
              const char *needle)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDocument) doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *text = normalize (raw);

      if (strstr (text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The report draws a measure's saved charts: one left out of the report
 * is not there, and a caption the evaluator wrote is. */
static void
test_saved_charts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx.dir, "charts.pdf", NULL);
  g_autoptr(GPtrArray) charts = evk_project_list_charts (fx.project, &error);
  g_autoptr(GHashTable) caption = evk_localized_new ();
  EvkSavedChart *chart = NULL;
  EvkReportOptions options;
  guint n_figures;

  g_assert_no_error (error);
  for (guint i = 0; i < charts->len && chart == NULL; i++)
    if (((EvkSavedChart *) g_ptr_array_index (charts, i))->measure == 20 &&
        ((EvkSavedChart *) g_ptr_array_index (charts, i))->kind == EVK_CHART_AWARENESS)
      chart = g_ptr_array_index (charts, i);
  g_assert_nonnull (chart);

  evk_report_options_init (&options);
  g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_no_error (error);
  n_figures = options.n_figures;
  g_assert_cmpuint (n_figures, ==, fx.options[1].n_figures);

  g_assert_true (evk_project_edit_chart (fx.project, chart->key, NULL, NULL, FALSE, -1, &error));
  evk_report_options_init (&options);
  g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_figures, ==, n_figures - 1);

  evk_localized_set (caption, "en", "Known and used, as the evaluators put it");
  g_assert_true (evk_project_edit_chart (fx.project, chart->key, caption, NULL, TRUE, -1, &error));
  evk_report_options_init (&options);
  g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_figures, ==, n_figures);
  g_assert_true (pdf_contains (path, "Known and used, as the evaluators put it"));

  g_assert_true (evk_project_edit_chart (fx.project, chart->key, chart->caption, NULL, -1, -1, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

/* A goal's saved charts go in its chapter when the evaluators include them,
 * with the caption they wrote; by default the chapter has none. */
static void
test_saved_goal_charts (void)
{
  static const char * const keys[] = { "g2-status", "g2-awareness" };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx.dir, "goal-charts.pdf", NULL);
  g_autoptr(GPtrArray) charts = evk_project_list_charts (fx.project, &error);
  g_autoptr(GHashTable) caption = evk_localized_new ();
  EvkReportOptions options;
  guint n_figures = fx.options[1].n_figures;

  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      EvkSavedChart *chart = evk_project_find_chart (charts, keys[k]);

      g_assert_nonnull (chart);
      g_assert_cmpstr (chart->goal, ==, "2");
      /* The goal chapters are as the seed's: no goal charts unless asked. */
      g_assert_false (chart->in_report);

      evk_localized_set (caption, "en", k == 0 ? "Where goal 2's measures stand" : "Goal 2's offers, known and used");
      g_assert_true (evk_project_edit_chart (fx.project, chart->key, caption, NULL, TRUE, -1, &error));
      g_assert_no_error (error);
      evk_report_options_init (&options);
      g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (options.n_figures, ==, n_figures + 1);
      g_assert_true (pdf_contains (path, k == 0 ? "Where goal 2's measures stand" : "Goal 2's offers, known and used"));

      g_assert_true (evk_project_edit_chart (fx.project, chart->key, chart->caption, NULL, FALSE, -1, &error));
      g_assert_no_error (error);
      evk_report_options_init (&options);
      g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
      g_assert_cmpuint (options.n_figures, ==, n_figures);
    }
  g_unlink (path);
}

static void
record_progress (double      fraction,
                 const char *stage,
                 gpointer    user_data)
{
  GArray *fractions = user_data;

  g_assert_nonnull (stage);
  g_array_append_val (fractions, fraction);
}

/* Progress goes forward to 1; a cancel stops the build and leaves no file. */
static void
test_progress_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fx.dir, "progress.pdf", NULL);
  EvkReportOptions options;

  evk_report_options_init (&options);
  options.progress = record_progress;
  options.progress_data = fractions;
  g_assert_true (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >, 10);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_unlink (path);

  g_cancellable_cancel (cancellable);
  evk_report_options_init (&options);
  options.cancellable = cancellable;
  g_assert_false (evk_report_render_pdf_full (fx.project, "en", path, &options, &error));
  g_assert_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Both languages at once, as `evalkit report --lang all` writes them. */
static void
test_render_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nb = g_build_filename (fx.dir, "all.nb.pdf", NULL);
  g_autofree char *en = g_build_filename (fx.dir, "all.en.pdf", NULL);
  const char *paths[] = { nb, en, NULL };
  EvkReportOptions options;

  evk_report_options_init (&options);
  g_assert_true (evk_report_render_pdfs (fx.project, langs, paths, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_pages, ==, fx.options[0].n_pages + fx.options[1].n_pages);
  g_assert_cmpuint (options.n_figures, ==, fx.options[0].n_figures + fx.options[1].n_figures);
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_autofree char *uri = g_filename_to_uri (paths[l], NULL, NULL);
      g_autoptr(TestDocument) doc = poppler_document_new_from_file (uri, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (doc), ==, fx.options[l].n_pages);
      g_unlink (paths[l]);
    }
}

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The places of the draft in lang that is not in seen (there must be
 * exactly one), as one string, and its page count; seen takes it. */
static char *
new_draft_places (const char *lang,
                  GHashTable *seen,
                  guint      *n_pages)
{
  EvkStore *store = evk_project_get_store (fx.project);
  g_autoptr(GError) error = NULL;
  g_autofree char *doc_id = NULL;
  char *places;
  sqlite3_stmt *stmt;

  stmt = evk_store_prepare (store, "SELECT doc_id, n_pages FROM draft WHERE lang = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (g_hash_table_contains (seen, id))
        continue;
      g_assert_null (doc_id);
      doc_id = g_strdup (id);
      *n_pages = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  g_assert_nonnull (doc_id);
  g_hash_table_add (seen, g_strdup (doc_id));

  stmt = evk_store_prepare (store,
                            "SELECT group_concat(p, ';') FROM (SELECT page || ',' || x0 || ',' || y0 || ',' || x1 || "
                            "',' || y1 || ',' || place || ',' || name AS p FROM draft_anchor WHERE doc_id = ? "
                            "ORDER BY page, y0, x0, place, name)",
                            &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  g_assert_true (evk_store_step (store, stmt, NULL, &error));
  g_assert_no_error (error);
  places = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return places;
}

/* The second language is typeset in a process of its own where this
 * process runs one thread (as the command line does), and in a thread
 * with one_process (as a window does): the same bytes either way. What
 * goes wrong in the child comes back as the error of the render. */
static void
test_render_all_processes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nb = g_build_filename (fx.dir, "forked.nb.pdf", NULL);
  g_autofree char *en = g_build_filename (fx.dir, "forked.en.pdf", NULL);
  g_autofree char *nb_threads = g_build_filename (fx.dir, "threads.nb.pdf", NULL);
  g_autofree char *en_threads = g_build_filename (fx.dir, "threads.en.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fx.dir, "no-such-dir", "failed.en.pdf", NULL);
  const char *paths[] = { nb, en, NULL };
  const char *thread_paths[] = { nb_threads, en_threads, NULL };
  const char *bad_paths[] = { nb, nowhere, NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *places[2][2];
  guint n_notes[2];
  sqlite3_stmt *stmt;
  EvkReportOptions options;

  evk_report_options_init (&options);
  g_assert_true (evk_report_render_pdfs (fx.project, langs, paths, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_processes, ==, 1);
  g_assert_cmpuint (options.n_pages, ==, fx.options[0].n_pages + fx.options[1].n_pages);

  evk_report_options_init (&options);
  options.one_process = TRUE;
  g_assert_true (evk_report_render_pdfs (fx.project, langs, thread_paths, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.n_processes, ==, 0);
  g_assert_cmpuint (options.n_pages, ==, fx.options[0].n_pages + fx.options[1].n_pages);
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    {
      g_autoptr(GBytes) forked = read_file_bytes (paths[l]);
      g_autoptr(GBytes) threaded = read_file_bytes (thread_paths[l]);

      g_assert_true (g_bytes_equal (forked, threaded));
      g_unlink (thread_paths[l]);
    }

  /* A draft's map of places comes back from the child whole: the same as
   * a thread's. */
  /* The drafts of earlier tests are no answer. */
  stmt = evk_store_prepare (evk_project_get_store (fx.project), "SELECT doc_id FROM draft", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (seen, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint round = 0; round < 2; round++)
    {
      evk_report_options_init (&options);
      options.draft = TRUE;
      options.one_process = round == 1;
      g_assert_true (evk_report_render_pdfs (fx.project, langs, round == 0 ? paths : thread_paths, &options,
                                             &error));
      g_assert_no_error (error);
      g_assert_cmpuint (options.n_processes, ==, round == 0 ? 1 : 0);
      n_notes[round] = options.n_notes;
      for (guint l = 0; l < 2; l++)
        {
          guint n_pages = 0;

          places[round][l] = new_draft_places (langs[l], seen, &n_pages);
          g_assert_cmpuint (n_pages, ==, fx.options[l].n_pages);
          g_assert_nonnull (strstr (places[round][l], "chart:"));
        }
    }
  g_assert_cmpuint (n_notes[0], ==, n_notes[1]);
  for (guint l = 0; l < 2; l++)
    {
      g_assert_cmpstr (places[0][l], ==, places[1][l]);
      g_free (places[0][l]);
      g_free (places[1][l]);
    }
  for (guint l = 0; l < (G_N_ELEMENTS (langs) - 1); l++)
    g_unlink (thread_paths[l]);

  evk_report_options_init (&options);
  g_assert_false (evk_report_render_pdfs (fx.project, langs, bad_paths, &options, &error));
  g_assert_cmpuint (options.n_processes, ==, 1);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_unlink (nb);
  g_unlink (en);
}

/* Printing lays out the same pages. */
static void
test_paginate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkReportPages) pages = NULL;
  EvkReportOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 85);
  cairo_t *cr = cairo_create (surface);
  double width, height;

  evk_report_options_init (&options);
  pages = evk_report_paginate (fx.project, "nb", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evk_report_pages_get_n_pages (pages), ==, fx.options[0].n_pages);
  evk_report_pages_get_size (pages, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  cairo_scale (cr, 60 / width, 85 / height);
  evk_report_pages_draw (pages, 1, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixture_setup ();
  g_test_add_func ("/evk/report/page-count", test_page_count);
  g_test_add_func ("/evk/report/headings-in-order", test_headings_in_order);
  g_test_add_func ("/evk/report/toc-pages", test_toc_pages);
  g_test_add_func ("/evk/report/outline", test_outline);
  g_test_add_func ("/evk/report/figure-numbers", test_figure_numbers);
  g_test_add_func ("/evk/report/english-has-no-norwegian", test_english_has_no_norwegian);
  g_test_add_func ("/evk/report/live-figure-matches-chart", test_live_figure_matches_chart);
  g_test_add_func ("/evk/report/document-language", test_document_language);
  g_test_add_func ("/evk/report/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/evk/report/broken-reference", test_broken_reference);
  g_test_add_func ("/evk/report/link-schemes", test_link_schemes);
  g_test_add_func ("/evk/report/missing-translation", test_missing_translation);
  g_test_add_func ("/evk/report/saved-charts", test_saved_charts);
  g_test_add_func ("/evk/report/saved-goal-charts", test_saved_goal_charts);
  g_test_add_func ("/evk/report/paginate", test_paginate);
  g_test_add_func ("/evk/report/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/evk/report/render-all", test_render_all);
  g_test_add_func ("/evk/report/render-all-processes", test_render_all_processes);
  status = g_test_run ();
  fixture_teardown ();
  return status;
}
