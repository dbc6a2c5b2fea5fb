/* test-report-typography.c: the typeset report as a publisher reads it, in the demo and the example
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "evk-data-dir.h"
#include "evk-demo.h"
#include "evk-hyphenate.h"
#include "evk-localized.h"
#include "evk-report.h"
#include "evk-report-layout.h"
#include "evk-report-outline.h"
#include "evk-report-private.h"
#include "evk-report-settings.h"
#include "evk-strategy.h"
#include "evk-test-example.h"
#include "evk-test-util.h"

typedef PopplerDocument TestDocument;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

static const char * const langs[] = { "nb", "en", NULL };
#define N_LANGS 2

/* The demo and the example evaluation, each rendered as `report --lang
 * all` renders them (both languages at once). */
typedef struct {
  const char       *name;
  EvkProject       *project;
  char             *pdf[N_LANGS + 1];   /* NULL-terminated */
  PopplerDocument  *doc[N_LANGS];
} Evaluation;

static char *tmp_dir;
static Evaluation evaluations[3] = { { "demo" }, { "example" }, { "long-titles" } };

static EvkProject *
make_demo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autofree char *demo_dir = evk_get_demo_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);

  g_assert_no_error (error);
  evk_report_import_demo (project, demo_dir, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

#define LONG_SHORT_TITLE "Evaluering av handlingsplanen Digitalt for alle i kommunene og fylkeskommunene"

/* A copy of the example's report folder whose short title and two
 * chapter titles are too long for their halves of the running header. */
static char *
long_titles_report (const char *dir)
{
  g_autofree char *data = evk_get_data_dir ();
  g_autofree char *ex = g_build_filename (data, "examples", "digitalt-for-alle", "report", NULL);
  char *out = g_build_filename (dir, "long-titles-report", NULL);
  const char *subdirs[] = { "nb", "en" };
  g_autofree char *ini_path = g_build_filename (ex, "report.ini", NULL);
  g_autofree char *ini = NULL, *out_ini = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *from = g_build_filename (ex, subdirs[i], NULL);
      g_autofree char *to = g_build_filename (out, subdirs[i], NULL);
      g_autoptr(GDir) d = g_dir_open (from, 0, &error);
      const char *name;

      g_assert_no_error (error);
      g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *src = g_build_filename (from, name, NULL);
          g_autofree char *dst = g_build_filename (to, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (dst, contents, length, NULL));
        }
    }
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  text = g_string_new (ini);
  g_assert_cmpuint (g_string_replace (text, "ShortTitle[nb]=Digitalt for alle\n",
                                      "ShortTitle[nb]=" LONG_SHORT_TITLE "\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "Title[nb]=Metode og datagrunnlag\n",
                                      "Title[nb]=Metode og datagrunnlag for evalueringen av handlingsplanen i "
                                      "kommunene\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "Kind=questionnaire\n",
                                      "Kind=questionnaire\nTitle[nb]=Vedlegg: Spørreskjemaet til kommunene med alle "
                                      "spørsmålene og svaralternativene\nTitle[en]=Appendix: The questionnaire sent to the "
                                      "municipalities with all questions and answer options\n", 1), ==, 1);
  out_ini = g_build_filename (out, "report.ini", NULL);
  g_assert_true (g_file_set_contents (out_ini, text->str, -1, NULL));
  return out;
}

/* The example as a user makes it, as example.evalkit in dir; with_report
 * adds its documents and report folder (report_dir instead of its own,
 * as long.evalkit); without, it is bare.evalkit. */
static EvkProject *
make_example (const char *dir,
              gboolean    with_report,
              const char *report_dir)
{
  g_autofree char *ex = evk_test_example_dir ();
  g_autofree char *own = g_build_filename (ex, "report", NULL);
  g_autofree char *path = g_build_filename (dir, report_dir != NULL ? "long.evalkit"
                                                 : with_report ? "example.evalkit" : "bare.evalkit", NULL);

  return evk_test_make_example_with (path, with_report, with_report ? (report_dir != NULL ? report_dir : own) : NULL);
}

static void
render_all (EvkProject  *project,
            const char  *stem,
            char       **paths)
{
  g_autoptr(GError) error = NULL;
  EvkReportOptions options;

  for (guint l = 0; l < N_LANGS; l++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s.pdf", stem, langs[l]);

      paths[l] = g_build_filename (tmp_dir, name, NULL);
    }
  evk_report_options_init (&options);
  g_assert_true (evk_report_render_pdfs (project, langs, (const char * const *) paths, &options, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (void)
{
  tmp_dir = evk_test_tmpdir ();
  evaluations[0].project = make_demo (tmp_dir);
  evaluations[1].project = make_example (tmp_dir, TRUE, NULL);
  {
    g_autofree char *long_titles = long_titles_report (tmp_dir);

    evaluations[2].project = make_example (tmp_dir, TRUE, long_titles);
  }
  for (guint e = 0; e < G_N_ELEMENTS (evaluations); e++)
    {
      Evaluation *ev = &evaluations[e];

      render_all (ev->project, ev->name, ev->pdf);
      for (guint l = 0; l < N_LANGS; l++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *uri = g_filename_to_uri (ev->pdf[l], NULL, &error);

          ev->doc[l] = poppler_document_new_from_file (uri, NULL, &error);
          g_assert_no_error (error);
          if (g_getenv ("EVK_REPORT_KEEP") != NULL)
            {
              g_autofree char *base = g_path_get_basename (ev->pdf[l]);
              g_autofree char *keep = g_build_filename (g_getenv ("EVK_REPORT_KEEP"), base, NULL);
              g_autofree char *contents = NULL;
              gsize length;

              g_file_get_contents (ev->pdf[l], &contents, &length, NULL);
              g_file_set_contents (keep, contents, length, NULL);
            }
        }
    }
}

static void
fixture_teardown (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (evaluations); e++)
    {
      for (guint l = 0; l < N_LANGS; l++)
        {
          g_clear_object (&evaluations[e].doc[l]);
          g_clear_pointer (&evaluations[e].pdf[l], g_free);
        }
      g_clear_object (&evaluations[e].project);
    }
  evk_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
}

static EvkReportDoc *
build_doc (EvkProject *project,
           const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkLiveFigures) figures = evk_live_figures_new (project);
  EvkReportOptions options;
  EvkReportDoc *doc;

  evk_report_options_init (&options);
  doc = evk_report_doc_build (project, lang, &options, figures, &error);
  g_assert_no_error (error);
  return doc;
}

/* Every paragraph's text, as the typesetter is given it. */
static void
collect_texts (EvkReportDoc *doc,
               GPtrArray    *out)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (doc->blocks, i);

      if (block->text != NULL)
        g_ptr_array_add (out, block->text);
      if (block->caption != NULL)
        g_ptr_array_add (out, block->caption);
      if (block->note != NULL)
        g_ptr_array_add (out, block->note);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          GPtrArray *cells = g_ptr_array_index (block->rows, r);

          for (guint c = 0; c < cells->len; c++)
            g_ptr_array_add (out, g_ptr_array_index (cells, c));
        }
    }
}

/* No "ı" for "i": the text the typesetter gets has no invisible combining
 * mark after a letter (fonts draw "i" + mark with the dotless glyph their
 * marks above need), every "i" of the body font is drawn with its own
 * glyph, and no "ı" reaches the PDF's text. Neither evaluation writes a
 * dotless i anywhere. (Poppler alone cannot tell: the PDF maps the
 * dotless glyph back to the "i" it stands for.) */
static void
test_no_dotless_i (void)
{
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoContext *context;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Charis SIL 10.5px");
  guint n_checked = 0;

  evk_report_use_bundled_fonts ();
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);

  for (guint e = 0; e < G_N_ELEMENTS (evaluations); e++)
    for (guint l = 0; l < N_LANGS; l++)
      {
        g_autoptr(EvkReportDoc) doc = build_doc (evaluations[e].project, langs[l]);
        g_autoptr(GPtrArray) texts = g_ptr_array_new ();

        collect_texts (doc, texts);
        g_assert_cmpuint (texts->len, >, 100);
        for (guint t = 0; t < texts->len; t++)
          {
            EvkRichText *text = g_ptr_array_index (texts, t);
            g_autoptr(PangoLayout) layout = pango_layout_new (context);
            PangoLayoutIter *iter;

            g_assert_null (g_utf8_strchr (text->text, -1, 0x131));
            for (const char *p = text->text; *p != '\0'; p = g_utf8_next_char (p))
              {
                GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

                if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
                  g_error ("%s %s: a combining mark in “%s”", evaluations[e].name, langs[l], text->text);
              }

            pango_layout_set_font_description (layout, desc);
            pango_layout_set_width (layout, 431 * PANGO_SCALE);
            pango_layout_set_text (layout, text->text, -1);
            iter = pango_layout_get_iter (layout);
            do
              {
                PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);

                for (int g = 0; run != NULL && g < run->glyphs->num_glyphs; g++)
                  {
                    hb_font_t *hb = pango_font_get_hb_font (run->item->analysis.font);
                    const char *cluster = text->text + run->item->offset + run->glyphs->log_clusters[g];
                    hb_codepoint_t i_glyph = 0;

                    /* The glyph of a cluster that starts with "i" is the font's "i". */
                    if (*cluster == 'i' && hb_font_get_nominal_glyph (hb, 'i', &i_glyph) &&
                        run->glyphs->glyphs[g].glyph != i_glyph)
                      g_error ("%s %s: a dotless i in “%s”", evaluations[e].name, langs[l], text->text);
                  }
                n_checked++;
              }
            while (pango_layout_iter_next_run (iter));
            pango_layout_iter_free (iter);
          }

        for (int p = 0; p < poppler_document_get_n_pages (evaluations[e].doc[l]); p++)
          {
            g_autoptr(TestPage) page = poppler_document_get_page (evaluations[e].doc[l], p);
            g_autofree char *page_text = poppler_page_get_text (page);

            g_assert_null (g_utf8_strchr (page_text, -1, 0x131));
          }
      }
  g_assert_cmpuint (n_checked, >, 1000);
  g_object_unref (context);
}

/* A line of a page's text that ends in a divided word: its last
 * fragment ("integrerings") and the first of the next line ("arbeid"). */
typedef struct {
  guint  page;
  char  *before;     /* the line up to the fragment */
  char  *fragment;
  char  *rest;
  gboolean soft;     /* at a soft hyphen, not after a hyphen of the word */
} Division;

static void
division_free (Division *division)
{
  g_free (division->before);
  g_free (division->fragment);
  g_free (division->rest);
  g_free (division);
}

static gboolean
is_divided (const char *line)
{
  gsize n = strlen (line);

  if (g_str_has_suffix (line, "\u00ad"))
    return TRUE;
  return n >= 2 && line[n - 1] == '-' && g_ascii_isalpha (line[n - 2]);
}

/* Every divided line of doc, and the longest run of them in a row. */
static GPtrArray *
divisions (PopplerDocument *doc,
           guint           *longest_run)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) division_free);

  *longest_run = 0;
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      guint run = 0;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = g_strchomp (lines[i]);
          const char *start;
          Division *division;
          g_autofree char *word = NULL;

          if (!is_divided (line))
            {
              run = 0;
              continue;
            }
          run++;
          *longest_run = MAX (*longest_run, run);
          if (lines[i + 1] == NULL)
            continue;
          start = strrchr (line, ' ');
          start = start != NULL ? start + 1 : line;
          division = g_new0 (Division, 1);
          division->page = p + 1;
          division->before = g_strndup (line, start - line);
          /* Of a compound ("Nav-veile|dere"), its last part. */
          if (strrchr (start, '-') != NULL && strrchr (start, '-') < start + strlen (start) - 1)
            start = strrchr (start, '-') + 1;
          division->soft = g_str_has_suffix (start, "\u00ad");
          division->fragment = g_strndup (start, strlen (start) - (division->soft ? 2 : 1));
          word = g_strdup (g_strchug (lines[i + 1]));
          division->rest = g_strdup (strtok (word, " .,;:!?)»”"));
          if (division->rest == NULL)
            division->rest = g_strdup ("");
          g_ptr_array_add (out, division);
        }
    }
  return out;
}

/* The last character before the fragment on its line, ignoring spaces
 * and opening brackets and quotes: 0 when the fragment starts the line. */
static gunichar
char_before (const Division *division)
{
  g_autofree char *before = g_strstrip (g_strdup (division->before));
  const char *end = before + strlen (before);

  while (end > before)
    {
      const char *prev = g_utf8_find_prev_char (before, end);
      gunichar c = g_utf8_get_char (prev);

      if (c != '(' && c != 0xab && c != 0x201c && c != '*')
        return c;
      end = prev;
    }
  return 0;
}

/* The capitalised words of the names the project knows, in every
 * language, and (when lower) the lower-case words of its source
 * language's names. */
static void
add_words (GHashTable *names,
           GHashTable *lower,
           const char *text)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return;
  words = g_regex_split_simple ("[^[:alpha:]]+", text, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_unichar_isupper (g_utf8_get_char (words[i])))
      g_hash_table_add (names, g_strdup (words[i]));
    else if (lower != NULL && g_utf8_strlen (words[i], -1) >= 5)
      g_hash_table_add (lower, g_strdup (words[i]));
}

static void
project_names (EvkProject *project,
               GHashTable *names,
               GHashTable *norwegian)
{
  g_autoptr(GError) error = NULL;
  EvkStrategy *strategy = evk_project_load_strategy (project, &error);
  g_autofree char *key = evk_report_meta_key ("Authors");
  g_autofree char *authors = evk_project_get_meta (project, key, NULL);

  g_assert_no_error (error);
  for (guint l = 0; l < N_LANGS; l++)
    {
      GHashTable *lower = g_str_equal (langs[l], "nb") ? norwegian : NULL;

      add_words (names, lower, evk_localized_get (strategy->title, langs[l]));
      add_words (names, lower, evk_localized_get (strategy->short_title, langs[l]));
      add_words (names, lower, evk_localized_get (strategy->owner, langs[l]));
      for (guint b = 0; b < strategy->bodies->len; b++)
        {
          EvkBody *body = g_ptr_array_index (strategy->bodies, b);

          add_words (names, lower, evk_localized_get (body->name, langs[l]));
          add_words (names, lower, evk_localized_get (body->abbreviation, langs[l]));
        }
    }
  add_words (names, norwegian, authors);
  evk_strategy_free (strategy);
}

/* Justified text divides at most two lines in a row, never a name the
 * project knows or a capitalised word inside a sentence (a person's or
 * a body's name), and divides the Norwegian words of names in the
 * English report where Norwegian divides them. */
static void
test_hyphenation (void)
{
  EvkHyphenator *nb = evk_hyphenator_get ("nb");
  guint n_divided = 0, n_norwegian = 0;

  if (nb == NULL || evk_hyphenator_get ("en") == NULL)
    {
      g_test_skip ("no hyphenation patterns (Debian: hyphen-no, hyphen-en-us)");
      return;
    }
  for (guint e = 0; e < G_N_ELEMENTS (evaluations); e++)
    {
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) norwegian = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      project_names (evaluations[e].project, names, norwegian);
      g_assert_true (g_hash_table_size (names) > 5);
      for (guint l = 0; l < N_LANGS; l++)
        {
          guint longest = 0;
          g_autoptr(GPtrArray) found = divisions (evaluations[e].doc[l], &longest);

          if (longest > 2)
            g_error ("%s %s: %u divided lines in a row", evaluations[e].name, langs[l], longest);
          n_divided += found->len;
          for (guint i = 0; i < found->len; i++)
            {
              Division *d = g_ptr_array_index (found, i);
              g_autofree char *word = g_strconcat (d->fragment, d->rest, NULL);
              gunichar before = char_before (d);

              /* A compound divides at its own hyphen ("Nav-|veiledere"). */
              if (!d->soft)
                continue;
              if (g_hash_table_contains (names, word) ||
                  (g_unichar_isupper (g_utf8_get_char (word)) && before != 0 &&
                   before != '.' && before != ':' && before != '!' && before != '?'))
                g_error ("%s %s p%u: the name “%s” is divided", evaluations[e].name, langs[l], d->page, word);
              if (l > 0 && g_hash_table_contains (norwegian, word))
                {
                  g_autofree char *soft = evk_hyphenator_hyphenate (nb, word);
                  g_autofree char *expected = g_strconcat (d->fragment, "\u00ad", NULL);
                  GString *prefix = g_string_new (NULL);
                  gboolean allowed = FALSE;

                  /* The break is one of the Norwegian patterns' own. */
                  for (const char *q = soft; *q != '\0'; q = g_utf8_next_char (q))
                    {
                      if (g_str_has_prefix (q, "\u00ad"))
                        {
                          if (g_str_equal (prefix->str, d->fragment))
                            allowed = TRUE;
                          continue;
                        }
                      g_string_append_unichar (prefix, g_utf8_get_char (q));
                    }
                  g_string_free (prefix, TRUE);
                  if (!allowed)
                    g_error ("%s en p%u: “%s” divided as “%s”, not as Norwegian divides it (%s)",
                             evaluations[e].name, d->page, word, expected, soft);
                  n_norwegian++;
                }
            }
        }
    }
  g_test_message ("%u divided lines, %u Norwegian words in English", n_divided, n_norwegian);
  g_assert_cmpuint (n_divided, >, 100);
}

/* A title too long for the header is shortened after a whole word. */
static void
test_fit_line (void)
{
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Noto Sans 7.8px");
  const char *title = "5  Løfte og støtte sivilsamfunnets innsats for integrering";
  g_autofree char *whole = NULL, *shortened = NULL, *narrow = NULL;
  int width;

  evk_report_use_bundled_fonts ();
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, desc);

  whole = evk_report_fit_line (layout, title, 400);
  g_assert_cmpstr (whole, ==, title);
  for (double w = 40; w < 200; w += 3)
    {
      g_autofree char *fitted = evk_report_fit_line (layout, title, w);
      gsize n;

      if (fitted == NULL)
        continue;
      pango_layout_set_text (layout, fitted, -1);
      pango_layout_get_size (layout, &width, NULL);
      g_assert_cmpint (width, <=, (int) (w * PANGO_SCALE));
      g_assert_true (g_str_has_suffix (fitted, "…"));
      n = strlen (fitted) - strlen ("…");
      /* Whole words: what is left ends where a word of the title ends. */
      g_assert_true (strncmp (fitted, title, n) == 0);
      g_assert_true (title[n] == ' ');
    }
  shortened = evk_report_fit_line (layout, title, 150);
  g_assert_cmpstr (shortened, ==, "5  Løfte og støtte sivilsamfunnets…");
  /* Not after a short word: "… innsats for…", not "… innsats for i…". */
  g_clear_pointer (&shortened, g_free);
  shortened = evk_report_fit_line (layout, "Evaluering av handlingsplanen Digitalt for alle i kommunene og fylkeskommunene",
                                   EVK_REPORT_HEADER_WIDTH);
  g_assert_cmpstr (shortened, ==, "Evaluering av handlingsplanen Digitalt for alle…");
  narrow = evk_report_fit_line (layout, "Sivilsamfunnsdeltakelse", 10);
  g_assert_null (narrow);
  g_object_unref (context);
}

/* The outline's titles, whitespace collapsed. */
static void
outline_titles (PopplerIndexIter *iter,
                GPtrArray        *out)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

      if (action->any.title != NULL)
        g_ptr_array_add (out, g_regex_replace_literal (spaces, action->any.title, -1, 0, " ", 0, NULL));
      poppler_action_free (action);
      if (child != NULL)
        {
          outline_titles (child, out);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

/* Every running header stays in its half of the column, and one that is
 * shortened ends after a whole word of its chapter's title. */
static void
test_running_headers (void)
{
  double left = EVK_REPORT_PAGE_MARGIN_LEFT;
  double right = EVK_REPORT_PAGE_WIDTH - EVK_REPORT_PAGE_MARGIN_RIGHT;
  guint n_headers = 0, n_shortened = 0;

  for (guint e = 0; e < G_N_ELEMENTS (evaluations); e++)
    for (guint l = 0; l < N_LANGS; l++)
      {
        PopplerDocument *doc = evaluations[e].doc[l];
        g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
        PopplerIndexIter *iter = poppler_index_iter_new (doc);
        g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

        g_assert_nonnull (iter);
        outline_titles (iter, titles);
        poppler_index_iter_free (iter);
        g_ptr_array_add (titles, g_strdup (LONG_SHORT_TITLE));
        for (int p = 1; p < poppler_document_get_n_pages (doc); p++)
          {
            g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
            g_autofree char *text = poppler_page_get_text (page);
            PopplerRectangle *rects = NULL;
            guint n_rects = 0, k = 0;
            GString *halves[2] = { g_string_new (NULL), g_string_new (NULL) };

            g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
            for (const char *c = text; *c != '\0' && k < n_rects; c = g_utf8_next_char (c), k++)
              {
                PopplerRectangle *r = &rects[k];
                gboolean on_right;

                if (*c == '\n' || r->y2 < EVK_REPORT_HEADER_BASE - 9 || r->y1 > EVK_REPORT_HEADER_BASE + 2)
                  continue;
                on_right = r->x1 > EVK_REPORT_PAGE_WIDTH / 2;
                g_string_append_unichar (halves[on_right], g_utf8_get_char (c));
                if (on_right)
                  g_assert_cmpfloat (r->x1, >=, right - EVK_REPORT_HEADER_WIDTH - 0.5);
                else
                  g_assert_cmpfloat (r->x2, <=, left + EVK_REPORT_HEADER_WIDTH + 0.5);
                g_assert_cmpfloat (r->x1, >=, left - 0.5);
                g_assert_cmpfloat (r->x2, <=, right + 0.5);
              }
            g_free (rects);
            for (guint h = 0; h < 2; h++)
              if (halves[h]->len > 0 && g_str_has_suffix (halves[h]->str, "…"))
              {
                g_autofree char *head = g_regex_replace_literal (spaces, halves[h]->str, halves[h]->len - strlen ("…"),
                                                                 0, " ", 0, NULL);
                gboolean whole_words = FALSE;

                for (guint t = 0; t < titles->len; t++)
                  {
                    const char *title = g_ptr_array_index (titles, t);

                    if (g_str_has_prefix (title, head) && strlen (title) > strlen (head) &&
                        !g_unichar_isalnum (g_utf8_get_char (title + strlen (head))))
                      whole_words = TRUE;
                  }
                if (!whole_words)
                  g_error ("%s %s p%d: the header “%s” ends inside a word", evaluations[e].name, langs[l], p + 1,
                           halves[h]->str);
                n_shortened++;
              }
            n_headers += halves[0]->len > 0;
            g_string_free (halves[0], TRUE);
            g_string_free (halves[1], TRUE);
          }
      }
  g_assert_cmpuint (n_headers, >, 100);
  /* The long titles were shortened, on both sides. */
  g_assert_cmpuint (n_shortened, >=, 4);
}

/* No near-empty page: every page but a chapter's last (the next opens a
 * chapter, with no running head) and the report's last is filled to at
 * least PAGE_MIN_FILL of the text area's height, measured as the lowest
 * ink of the page's rendering above the footer. The demo had pages with
 * three lines of a section's end, and a page 54 % empty where a figure
 * moved on. A chapter's last page, when the chapter has more than one,
 * holds more than a few lines (TAIL_MIN_FILL: the demo's references
 * ended on a page with one entry). */
#define PAGE_MIN_FILL 0.35
#define TAIL_MIN_FILL 0.08
#define FILL_SCALE    0.5

/* The lowest row (in points from the top) with ink between top and
 * bottom, or top if none. */
static double
lowest_ink (cairo_surface_t *surface,
            double           top,
            double           bottom)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);

  for (int y = (int) (bottom * FILL_SCALE); y >= (int) (top * FILL_SCALE); y--)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        /* Anything darker than a light grey (page background is white). */
        if ((pixel & 0xff) < 0xe0 || ((pixel >> 8) & 0xff) < 0xe0 || ((pixel >> 16) & 0xff) < 0xe0)
          return y / FILL_SCALE;
      }
  return top;
}

static cairo_surface_t *
render_page (PopplerPage *page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) (EVK_REPORT_PAGE_WIDTH * FILL_SCALE),
                                                         (int) (EVK_REPORT_PAGE_HEIGHT * FILL_SCALE));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, FILL_SCALE, FILL_SCALE);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_page_fill (void)
{
  double top = EVK_REPORT_PAGE_MARGIN_TOP;
  double bottom = EVK_REPORT_PAGE_HEIGHT - EVK_REPORT_PAGE_MARGIN_BOTTOM;
  guint n_checked = 0, n_short = 0;

  for (guint e = 0; e < 2; e++)
    for (guint l = 0; l < N_LANGS; l++)
      {
        PopplerDocument *doc = evaluations[e].doc[l];
        int n = poppler_document_get_n_pages (doc);
        g_autofree double *fill = g_new0 (double, n);
        g_autofree gboolean *headed = g_new0 (gboolean, n);

        for (int p = 0; p < n; p++)
          {
            g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
            cairo_surface_t *surface = render_page (page);

            fill[p] = (lowest_ink (surface, top, bottom) - top) / (bottom - top);
            /* The running head sits above the text area, on every page
             * but the title page and a chapter's first. */
            headed[p] = lowest_ink (surface, EVK_REPORT_HEADER_BASE - 12, top - 12) > EVK_REPORT_HEADER_BASE - 12;
            cairo_surface_destroy (surface);
          }
        for (int p = 1; p < n; p++)
          {
            if (p + 1 == n || !headed[p + 1])
              {
                if (headed[p] && fill[p] < TAIL_MIN_FILL)
                  {
                    g_test_message ("%s %s p%d: a chapter's last page with %.0f %% of the text area filled",
                                    evaluations[e].name, langs[l], p + 1, 100 * fill[p]);
                    n_short++;
                  }
                continue;
              }
            n_checked++;
            if (fill[p] < PAGE_MIN_FILL)
              {
                g_test_message ("%s %s p%d: %.0f %% of the text area filled", evaluations[e].name, langs[l],
                                p + 1, 100 * fill[p]);
                n_short++;
              }
          }
      }
  g_assert_cmpuint (n_checked, >, 150);
  g_assert_cmpuint (n_short, ==, 0);
}

/* The font size at character k of a page's text. */
static double
size_at (GList *attributes,
         guint  k)
{
  for (GList *a = attributes; a != NULL; a = a->next)
    {
      PopplerTextAttributes *attr = a->data;

      if ((guint) attr->start_index <= k && k <= (guint) attr->end_index)
        return attr->font_size;
    }
  return 0;
}

/* No hole in the column: between two words of a justified line of body
 * text (one that runs from margin to margin, so not a paragraph's last)
 * the gap stays under 0.85 em, about three and a half spaces. The old
 * lines had gaps of 1.34 em. */
#define MAX_WORD_GAP_EM 0.85

static void
test_word_spaces (void)
{
  double right = EVK_REPORT_PAGE_WIDTH - EVK_REPORT_PAGE_MARGIN_RIGHT;
  guint n_lines = 0;

  for (guint e = 0; e < G_N_ELEMENTS (evaluations); e++)
    for (guint l = 0; l < N_LANGS; l++)
      for (int p = 0; p < poppler_document_get_n_pages (evaluations[e].doc[l]); p++)
        {
          g_autoptr(TestPage) page = poppler_document_get_page (evaluations[e].doc[l], p);
          g_autofree char *text = poppler_page_get_text (page);
          g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, NULL);
          GList *attributes = poppler_page_get_text_attributes (page);
          PopplerRectangle *rects = NULL;
          guint n_rects = 0, start = 0;

          g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
          for (guint k = 0; k <= n_rects; k++)
            {
              double size, first_x;

              if (k < n_rects && chars[k] != '\n')
                continue;
              /* A line [start, k): full width, body text. */
              size = start < k ? size_at (attributes, start) : 0;
              first_x = start < k ? rects[start].x1 : 0;
              if (size > 9.9 && size < 10.6 && first_x < EVK_REPORT_PAGE_MARGIN_LEFT + 30 &&
                  rects[k - 1].x2 > right - 1)
                {
                  n_lines++;
                  for (guint j = start + 1; j + 1 < k; j++)
                    if (chars[j] == ' ' && chars[j - 1] != ' ' && chars[j + 1] != ' ' &&
                        fabs (rects[j + 1].y1 - rects[j - 1].y1) < 1)
                      {
                        double gap = (rects[j + 1].x1 - rects[j - 1].x2) / size;

                        if (gap > MAX_WORD_GAP_EM)
                          {
                            g_autofree char *line = g_ucs4_to_utf8 (chars + start, k - start, NULL, NULL, NULL);

                            g_error ("%s %s p%d: a gap of %.2f em in “%s”", evaluations[e].name, langs[l], p + 1,
                                     gap, line);
                          }
                      }
                }
              start = k + 1;
            }
          g_free (rects);
          poppler_page_free_text_attributes (attributes);
        }
  g_assert_cmpuint (n_lines, >, 1000);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

static void
assert_same_file (const char *a,
                  const char *b)
{
  g_autoptr(GBytes) x = read_bytes (a);
  g_autoptr(GBytes) y = read_bytes (b);

  if (!g_bytes_equal (x, y))
    g_error ("%s and %s differ (%zu and %zu bytes)", a, b, g_bytes_get_size (x), g_bytes_get_size (y));
}

/* The same project gives the same bytes: both languages at once, again
 * (each typeset while the other one is), and one language alone. */
static void
test_deterministic (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (evaluations); e++)
    {
      Evaluation *ev = &evaluations[e];
      g_autofree char *stem = g_strdup_printf ("%s-again", ev->name);
      g_autofree char *alone = g_strdup_printf ("%s/%s-alone.en.pdf", tmp_dir, ev->name);
      char *again[N_LANGS + 1] = { NULL };
      EvkReportOptions options;
      g_autoptr(GError) error = NULL;

      for (guint round = 0; round < 3; round++)
        {
          render_all (ev->project, stem, again);
          for (guint l = 0; l < N_LANGS; l++)
            {
              assert_same_file (ev->pdf[l], again[l]);
              g_unlink (again[l]);
              g_clear_pointer (&again[l], g_free);
            }
        }
      evk_report_options_init (&options);
      g_assert_true (evk_report_render_pdf_full (ev->project, "en", alone, &options, &error));
      g_assert_no_error (error);
      assert_same_file (ev->pdf[1], alone);
      g_unlink (alone);
    }
}

/* A report without a date of its own takes SOURCE_DATE_EPOCH for the
 * title page and the PDF's creation date, and so the same bytes on any
 * day. */
static void
test_source_date_epoch (void)
{
  g_autoptr(EvkProject) project = make_example (tmp_dir, FALSE, NULL);
  g_autofree char *first = g_build_filename (tmp_dir, "bare-1.pdf", NULL);
  g_autofree char *second = g_build_filename (tmp_dir, "bare-2.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (first, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDocument) doc = NULL;
  g_autoptr(TestPage) page = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) created = NULL;
  EvkReportOptions options;

  /* 2023-11-14 22:13:20 UTC */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  evk_report_options_init (&options);
  g_assert_true (evk_report_render_pdf_full (project, "nb", first, &options, &error));
  g_assert_no_error (error);
  g_assert_true (evk_report_render_pdf_full (project, "nb", second, &options, &error));
  g_assert_no_error (error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  assert_same_file (first, second);

  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "14. november 2023"));
  created = poppler_document_get_creation_date_time (doc);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_get_year (created), ==, 2023);
  g_assert_cmpint (g_date_time_get_month (created), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (created), ==, 14);
  g_unlink (first);
  g_unlink (second);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixture_setup ();
  g_test_add_func ("/evk/report-typography/no-dotless-i", test_no_dotless_i);
  g_test_add_func ("/evk/report-typography/hyphenation", test_hyphenation);
  g_test_add_func ("/evk/report-typography/fit-line", test_fit_line);
  g_test_add_func ("/evk/report-typography/running-headers", test_running_headers);
  g_test_add_func ("/evk/report-typography/word-spaces", test_word_spaces);
  g_test_add_func ("/evk/report-typography/page-fill", test_page_fill);
  g_test_add_func ("/evk/report-typography/deterministic", test_deterministic);
  g_test_add_func ("/evk/report-typography/source-date-epoch", test_source_date_epoch);
  status = g_test_run ();
  fixture_teardown ();
  return status;
}
