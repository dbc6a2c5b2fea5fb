/* test-text.c: Markdown, live figures, hyphenation, the narrative importer, /Lang
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evk-data-dir.h"
#include "evk-demo.h"
#include "evk-hyphenate.h"
#include "evk-live-figure.h"
#include "evk-localized.h"
#include "evk-markdown.h"
#include "evk-model-error.h"
#include "evk-narrative.h"
#include "evk-pdf-lang.h"
#include "evk-report.h"
#include "evk-store-texts.h"
#include "evk-test-util.h"

#define SHY "\u00ad"

static char *
unhyphenate (const char *text)
{
  GString *out = g_string_new (text);

  g_string_replace (out, SHY, "", 0);
  return g_string_free (out, FALSE);
}

/* Hyphenation. */

static void
test_hyphenate_norwegian (void)
{
  EvkHyphenator *nb = evk_hyphenator_get ("nb");
  g_autofree char *word = NULL, *sentence = NULL, *plain = NULL;
  g_autofree char *acronym = NULL, *number = NULL;

  if (nb == NULL)
    {
      g_test_skip ("no Norwegian patterns (Debian: hyphen-no)");
      return;
    }
  /* The breaks of Debian's hyphen-no patterns, never fewer than two
   * letters before or three after a break. */
  word = evk_hyphenator_hyphenate (nb, "integreringsarbeid");
  g_assert_cmpstr (word, ==, "in" SHY "tegre" SHY "ringsarbeid");
  plain = unhyphenate (word);
  g_assert_cmpstr (plain, ==, "integreringsarbeid");

  /* Short words, acronyms and numbers stay whole; æøå are letters. */
  sentence = evk_hyphenator_hyphenate (nb, "Vi ga IMDi 5103 svar om frivillighetssentralene, «kjønnsbalanse».");
  g_assert_nonnull (strstr (sentence, "Vi ga IMDi 5103 svar om "));
  g_assert_nonnull (strstr (sentence, "frivil"));
  g_assert_nonnull (strstr (sentence, SHY));
  g_assert_nonnull (strstr (sentence, ", «"));
  g_assert_nonnull (strstr (sentence, "»."));
  acronym = evk_hyphenator_hyphenate (nb, "UNESCO-konvensjonen");
  g_assert_true (g_str_has_prefix (acronym, "UNESCO-"));
  number = evk_hyphenator_hyphenate (nb, "2021–2024");
  g_assert_cmpstr (number, ==, "2021–2024");
  {
    g_autofree char *norwegian = evk_hyphenator_hyphenate (nb, "mottaksapparatet");
    g_autofree char *back = unhyphenate (norwegian);

    g_assert_cmpstr (back, ==, "mottaksapparatet");
    g_assert_cmpstr (norwegian, ==, "mot" SHY "taks" SHY "ap" SHY "para" SHY "tet");
  }
}

static void
test_hyphenate_english (void)
{
  EvkHyphenator *en = evk_hyphenator_get ("en");
  g_autofree char *word = NULL;

  if (en == NULL)
    {
      g_test_skip ("no English patterns (Debian: hyphen-en-us)");
      return;
    }
  word = evk_hyphenator_hyphenate (en, "organisations");
  g_assert_cmpstr (word, ==, "or" SHY "gan" SHY "i" SHY "sa" SHY "tions");
  g_assert_null (evk_hyphenator_get ("zz-nonexistent"));
}

/* Names stay whole: a capitalised word inside a sentence, and the words
 * the caller lists as names; a listed word in another language gets that
 * language's patterns. */
static void
test_hyphenate_names (void)
{
  EvkHyphenator *en = evk_hyphenator_get ("en");
  EvkHyphenator *nb = evk_hyphenator_get ("nb");
  g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL, *after = NULL, *norwegian = NULL, *english = NULL;

  if (en == NULL || nb == NULL)
    {
      g_test_skip ("no patterns (Debian: hyphen-en-us, hyphen-no)");
      return;
    }
  text = evk_hyphenator_hyphenate_full (en, "Organisations asked Espegren. Organisations", NULL, TRUE);
  g_assert_cmpstr (text, ==, "Or" SHY "gan" SHY "i" SHY "sa" SHY "tions asked Espegren. Or" SHY "gan" SHY "i"
                             SHY "sa" SHY "tions");
  /* Text that goes on a sentence (after emphasis): its capital is a name. */
  after = evk_hyphenator_hyphenate_full (en, "Organisations", NULL, FALSE);
  g_assert_cmpstr (after, ==, "Organisations");

  english = evk_hyphenator_hyphenate (en, "samfunnsanalyse");
  norwegian = evk_hyphenator_hyphenate (nb, "samfunnsanalyse");
  g_assert_cmpstr (english, !=, norwegian);
  g_hash_table_insert (words, "samfunnsanalyse", nb);
  g_hash_table_insert (words, "Hverdagsintegrering", NULL);
  g_clear_pointer (&text, g_free);
  text = evk_hyphenator_hyphenate_full (en, "Hverdagsintegrering by Proba samfunnsanalyse", words, TRUE);
  g_assert_true (g_str_has_prefix (text, "Hverdagsintegrering by Proba "));
  g_assert_true (g_str_has_suffix (text, norwegian));
}

/* Markdown. */

static char *
resolve_test (const char  *reference,
              gpointer     user_data,
              GError     **error)
{
  if (g_str_equal (reference, "share.1: awareness 7 | - | known-used"))
    return g_strdup ("8,4 %");
  g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL, "the table has no column “x”");
  return NULL;
}

static gboolean
has_attr (EvkRichText    *text,
          PangoAttrType   type,
          const char     *covering)
{
  const char *at = strstr (text->text, covering);
  guint start, end;
  g_autoptr(PangoAttrIterator) iter = pango_attr_list_get_iterator (text->attrs);

  g_assert_nonnull (at);
  start = at - text->text;
  end = start + strlen (covering);
  do
    {
      PangoAttribute *attr = pango_attr_iterator_get (iter, type);

      if (attr != NULL && attr->start_index <= start && attr->end_index >= end)
        return TRUE;
    }
  while (pango_attr_iterator_next (iter));
  return FALSE;
}

static void
test_markdown_blocks (void)
{
  static const char *markdown =
    "A *first* paragraph with **strong** words, ~~gone~~ and `code`.\n"
    "It goes on.\n"
    "\n"
    "- one\n"
    "- two\n"
    "  1. nested\n"
    "\n"
    "> A quote. (municipal employee)\n"
    "\n"
    "| tema | spørsmål |\n"
    "| --- | ---: |\n"
    "| a \\| b | 2 |\n"
    "\n"
    "See [the results](#measure-7) and [IMDi](https://www.imdi.no/).\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc = evk_markdown_parse (markdown, NULL, &error);
  EvkMdBlock *block;
  EvkSpan *span;

  g_assert_no_error (error);
  g_assert_cmpuint (doc->blocks->len, ==, 7);

  block = g_ptr_array_index (doc->blocks, 0);
  g_assert_cmpint (block->kind, ==, EVK_MD_PARAGRAPH);
  g_assert_cmpstr (block->text->text, ==, "A first paragraph with strong words, gone and code. It goes on.");
  g_assert_true (has_attr (block->text, PANGO_ATTR_STYLE, "first"));
  g_assert_true (has_attr (block->text, PANGO_ATTR_WEIGHT, "strong"));
  g_assert_true (has_attr (block->text, PANGO_ATTR_STRIKETHROUGH, "gone"));
  g_assert_true (has_attr (block->text, PANGO_ATTR_FAMILY, "code"));

  block = g_ptr_array_index (doc->blocks, 1);
  g_assert_cmpint (block->kind, ==, EVK_MD_LIST_ITEM);
  g_assert_cmpstr (block->marker, ==, "•");
  g_assert_cmpuint (block->depth, ==, 1);
  g_assert_true (block->tight);
  block = g_ptr_array_index (doc->blocks, 3);
  g_assert_cmpstr (block->text->text, ==, "nested");
  g_assert_cmpstr (block->marker, ==, "1.");
  g_assert_cmpuint (block->depth, ==, 2);

  block = g_ptr_array_index (doc->blocks, 4);
  g_assert_cmpuint (block->quote, ==, 1);
  g_assert_cmpstr (block->text->text, ==, "A quote. (municipal employee)");

  block = g_ptr_array_index (doc->blocks, 5);
  g_assert_cmpint (block->kind, ==, EVK_MD_TABLE);
  g_assert_cmpuint (block->n_columns, ==, 2);
  g_assert_cmpuint (block->n_header_rows, ==, 1);
  g_assert_cmpuint (block->rows->len, ==, 2);
  g_assert_cmpint (block->align[1], ==, 'r');
  {
    GPtrArray *row = g_ptr_array_index (block->rows, 1);

    g_assert_cmpstr (((EvkRichText *) g_ptr_array_index (row, 0))->text, ==, "a | b");
  }

  block = g_ptr_array_index (doc->blocks, 6);
  g_assert_cmpuint (block->text->spans->len, ==, 2);
  span = &g_array_index (block->text->spans, EvkSpan, 0);
  g_assert_cmpint (span->kind, ==, EVK_SPAN_LINK);
  g_assert_cmpstr (span->target, ==, "#measure-7");
  g_assert_cmpuint (span->end - span->start, ==, strlen ("the results"));
  g_assert_cmpstr (g_array_index (block->text->spans, EvkSpan, 1).target, ==, "https://www.imdi.no/");
}

/* The last word of a paragraph is not divided: it has no soft hyphens,
 * and no invisible character in their place (a combining one after "i"
 * made fonts draw a dotless "ı"); emphasis and footnotes after it keep
 * their places. */
static void
test_markdown_last_word (void)
{
  EvkHyphenator *en = evk_hyphenator_get ("en");
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc = NULL;
  EvkMdOptions options = { 0 };
  EvkMdBlock *block;

  if (en == NULL)
    {
      g_test_skip ("no English patterns (Debian: hyphen-en-us)");
      return;
    }
  options.hyphenator = en;
  doc = evk_markdown_parse ("Several organisations ask for targeted organisations.", &options, &error);
  g_assert_no_error (error);
  block = g_ptr_array_index (doc->blocks, 0);
  g_assert_cmpstr (block->text->text, ==,
                   "Sev" SHY "eral or" SHY "gan" SHY "i" SHY "sa" SHY "tions ask for tar" SHY "geted "
                   "organisations.");

  g_clear_pointer (&doc, evk_md_document_free);
  doc = evk_markdown_parse ("Several [ask](#measure-7) for *targeted organisations*.[^n]\n\n"
                            "[^n]: A note.\n",
                            &options, &error);
  g_assert_no_error (error);
  block = g_ptr_array_index (doc->blocks, 0);
  g_assert_cmpstr (block->text->text, ==, "Sev" SHY "eral ask for tar" SHY "geted organisations.\u20601");
  g_assert_true (has_attr (block->text, PANGO_ATTR_STYLE, "tar" SHY "geted organisations"));
  g_assert_false (has_attr (block->text, PANGO_ATTR_STYLE, "organisations."));
  g_assert_cmpuint (block->text->spans->len, ==, 2);
  g_assert_cmpstr (block->text->text + g_array_index (block->text->spans, EvkSpan, 0).start, ==,
                   "ask for tar" SHY "geted organisations.\u20601");
  g_assert_cmpuint (g_array_index (block->text->spans, EvkSpan, 0).end, ==, strlen ("Sev" SHY "eral ask"));
  g_assert_cmpstr (block->text->text + g_array_index (block->text->spans, EvkSpan, 1).start, ==, "1");
  g_assert_cmpuint (g_array_index (block->text->spans, EvkSpan, 1).end, ==, strlen (block->text->text));
}

static void
test_markdown_footnotes (void)
{
  static const char *markdown =
    "Seven ministries.[^dep] And a second note.[^2]\n"
    "\n"
    "Again the first.[^dep]\n"
    "\n"
    "[^2]: The second.\n"
    "[^dep]: The ministries.\n"
    "[^unused]: Never printed.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc = evk_markdown_parse (markdown, NULL, &error);
  EvkMdBlock *first;
  EvkMdFootnote *note;

  g_assert_no_error (error);
  g_assert_cmpuint (doc->blocks->len, ==, 2);
  first = g_ptr_array_index (doc->blocks, 0);
  /* "1" and "2" as superscripts, glued to the word before them. */
  g_assert_cmpstr (first->text->text, ==, "Seven ministries.\u20601 And a second note.\u20602");
  g_assert_cmpuint (first->text->spans->len, ==, 2);
  g_assert_cmpint (g_array_index (first->text->spans, EvkSpan, 0).kind, ==, EVK_SPAN_FOOTNOTE);
  g_assert_cmpuint (g_array_index (first->text->spans, EvkSpan, 0).number, ==, 1);
  g_assert_true (has_attr (first->text, PANGO_ATTR_RISE, "1"));

  g_assert_cmpuint (doc->footnotes->len, ==, 2);
  note = g_ptr_array_index (doc->footnotes, 0);
  g_assert_cmpuint (note->number, ==, 1);
  g_assert_cmpstr (((EvkMdBlock *) g_ptr_array_index (note->blocks, 0))->text->text, ==, "The ministries.");
  note = g_ptr_array_index (doc->footnotes, 1);
  g_assert_cmpuint (note->number, ==, 2);
  g_assert_cmpstr (((EvkMdBlock *) g_ptr_array_index (note->blocks, 0))->text->text, ==, "The second.");
}

static void
test_markdown_live_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc = NULL;
  EvkMdOptions options = { 0 };
  EvkMdBlock *block;

  options.resolve = resolve_test;
  doc = evk_markdown_parse ("Known and used: {{share.1: awareness 7 | - | known-used}}.\n\n"
                            "| a | b |\n| --- | --- |\n| {{share.1: awareness 7 \\| - \\| known-used}} | x |\n",
                            &options, &error);
  g_assert_no_error (error);
  block = g_ptr_array_index (doc->blocks, 0);
  g_assert_cmpstr (block->text->text, ==, "Known and used: 8,4 %.");
  block = g_ptr_array_index (doc->blocks, 1);
  {
    GPtrArray *row = g_ptr_array_index (block->rows, 1);

    g_assert_cmpstr (((EvkRichText *) g_ptr_array_index (row, 0))->text, ==, "8,4 %");
  }
  g_clear_pointer (&doc, evk_md_document_free);

  /* Not resolved: an error naming the reference… */
  doc = evk_markdown_parse ("Broken: {{share: awareness 7 | - | x}}.", &options, &error);
  g_assert_null (doc);
  g_assert_error (error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==, "{{share: awareness 7 | - | x}}: the table has no column “x”");
  g_clear_error (&error);

  doc = evk_markdown_parse ("Open {{share: awareness 7 and never closed.", &options, &error);
  g_assert_null (doc);
  g_assert_error (error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_REFERENCE);
  g_clear_error (&error);

  /* …or red in a draft. */
  options.draft = TRUE;
  doc = evk_markdown_parse ("Broken: {{share: awareness 7 | - | x}}.", &options, &error);
  g_assert_no_error (error);
  block = g_ptr_array_index (doc->blocks, 0);
  g_assert_cmpstr (block->text->text, ==, "Broken: {{share: awareness 7 | - | x}}.");
  g_assert_true (has_attr (block->text, PANGO_ATTR_FOREGROUND, "{{share: awareness 7 | - | x}}"));
  g_assert_cmpuint (options.n_unresolved, ==, 1);
}

static void
test_markdown_not_allowed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc = NULL;

  doc = evk_markdown_parse ("## A heading\n\nText.\n", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "A heading"));
  g_clear_error (&error);

  doc = evk_markdown_parse ("Text <b>bold</b>.\n", NULL, &error);
  g_assert_error (error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  doc = evk_markdown_parse ("![chart](chart.png)\n", NULL, &error);
  g_assert_error (error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Comments are notes to the writer, not errors. */
  doc = evk_markdown_parse ("<!-- a note -->\n\nText.\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->blocks->len, ==, 1);
}

/* Texts nested deeper than anyone writes are refused, not walked off the
 * end of the stack (tests/data/malformed/markdown). */
static void
test_markdown_nesting (void)
{
  static const char * const files[] = { "nested-quotes.md", "nested-lists.md", "nested-emphasis.md" };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "malformed",
                                                     "markdown", files[i], NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      g_assert_no_error (error);
      g_test_message ("%s", files[i]);
      doc = evk_markdown_parse (text, NULL, &error);
      g_assert_null (doc);
      g_assert_error (error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED);
      g_assert_nonnull (strstr (error->message, "levels deep"));
      g_clear_error (&error);
    }

  /* A few levels, as people write them, are fine. */
  doc = evk_markdown_parse ("> quoted\n>\n> - a list\n>   - in a list *with **strong** words*\n",
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

/* Narrative files. */

static void
test_narrative_split (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  EvkNarrativeSection *section;

  sections = evk_narrative_split ("\n<!-- section: purpose -->\n\nThe purpose.\n\n"
                                  "```\n<!-- section: not-a-marker -->\n```\n"
                                  "<!--section:results-->\nResults.\n", "nb/measure-01.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sections->len, ==, 2);
  section = g_ptr_array_index (sections, 0);
  g_assert_cmpstr (section->key, ==, "purpose");
  g_assert_cmpuint (section->line, ==, 2);
  g_assert_cmpstr (section->text, ==, "The purpose.\n\n```\n<!-- section: not-a-marker -->\n```");
  section = g_ptr_array_index (sections, 1);
  g_assert_cmpstr (section->key, ==, "results");
  g_assert_cmpstr (section->text, ==, "Results.");
  g_clear_pointer (&sections, g_ptr_array_unref);

  sections = evk_narrative_split ("Stray text.\n<!-- section: a -->\n", "nb/x.md", &error);
  g_assert_null (sections);
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "nb/x.md: line 1: text before the first <!-- section: KEY --> marker");
  g_clear_error (&error);

  sections = evk_narrative_split ("<!-- section: a -->\nA\n<!-- section: a -->\n", "nb/x.md", &error);
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "nb/x.md: line 3: the section “a” appears twice");
  g_clear_error (&error);

  sections = evk_narrative_split ("<!-- section: a b -->\n", "nb/x.md", &error);
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE);
  g_clear_error (&error);
}

static void
write_file (const char *dir,
            const char *lang,
            const char *name,
            const char *contents)
{
  g_autofree char *lang_dir = g_build_filename (dir, lang, NULL);
  g_autofree char *path = g_build_filename (lang_dir, name, NULL);

  g_mkdir_with_parents (lang_dir, 0755);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_narrative_import (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *strategy = evk_test_demo_strategy ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autofree char *narrative = g_build_filename (dir, "narrative", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_create (path, &error);
  g_autoptr(EvkTextIndex) measures = NULL, chapters = NULL;
  g_autoptr(GHashTable) purpose = NULL, results = NULL, intro = NULL;
  EvkStore *store;
  sqlite3_stmt *stmt;
  gint64 id;

  g_assert_no_error (error);
  store = evk_project_get_store (project);
  evk_project_import_strategy (project, strategy, &error);
  g_assert_no_error (error);

  write_file (narrative, "nb", "measure-07.md",
              "<!-- section: purpose -->\nFormålet.\n\n<!-- section: results -->\nResultatene.\n");
  write_file (narrative, "en", "measure-07.md", "<!-- section: purpose -->\nThe purpose.\n");
  write_file (narrative, "nb", "goal-1.md", "<!-- section: intro -->\nInnledning.\n");
  evk_narrative_import_dir (project, narrative, &error);
  g_assert_no_error (error);

  stmt = evk_store_prepare (store, "SELECT id FROM measure WHERE number = 7", &error);
  g_assert_true (evk_store_step (store, stmt, NULL, &error));
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  measures = evk_text_index_load (store, "measure", &error);
  purpose = evk_text_index_get (measures, id, "section:purpose");
  g_assert_cmpstr (evk_localized_get (purpose, "nb"), ==, "Formålet.");
  g_assert_cmpstr (evk_localized_get (purpose, "en"), ==, "The purpose.");
  results = evk_text_index_get (measures, id, "section:results");
  g_assert_cmpstr (evk_localized_get (results, "nb"), ==, "Resultatene.");
  g_assert_null (evk_localized_get (results, "en"));
  g_assert_cmpint (evk_store_get_text_state (store, "measure", id, "section:results", "en", &error), ==,
                   EVK_TEXT_MISSING);
  g_assert_cmpint (evk_store_get_text_state (store, "measure", id, "section:purpose", "en", &error), ==,
                   EVK_TEXT_CURRENT);
  chapters = evk_text_index_load (store, "project", &error);
  intro = evk_text_index_get (chapters, 0, "chapter:goal-1:intro");
  g_assert_cmpstr (evk_localized_get (intro, "nb"), ==, "Innledning.");

  /* A changed source makes the translation outdated on the next import. */
  write_file (narrative, "nb", "measure-07.md",
              "<!-- section: purpose -->\nFormålet, nå endret.\n\n<!-- section: results -->\nResultatene.\n");
  evk_narrative_import_dir (project, narrative, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evk_store_get_text_state (store, "measure", id, "section:purpose", "en", &error), ==,
                   EVK_TEXT_OUTDATED);

  /* Errors name the file and what is wrong, and change nothing. */
  write_file (narrative, "nb", "measure-99.md", "<!-- section: purpose -->\nX.\n");
  g_assert_false (evk_narrative_import_dir (project, narrative, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "nb/measure-99.md: the strategy has no measure 99");
  g_clear_error (&error);
  {
    g_autofree char *extra = g_build_filename (narrative, "nb", "measure-99.md", NULL);

    g_unlink (extra);
  }
  write_file (narrative, "nb", "measure-08.md", "<!-- section: sucess-criteria -->\nX.\n");
  g_assert_false (evk_narrative_import_dir (project, narrative, &error));
  g_assert_nonnull (strstr (error->message, "nb/measure-08.md: line 1: unknown section “sucess-criteria”"));
  g_clear_error (&error);
  write_file (narrative, "nb", "measure-08.md", "<!-- section: purpose -->\nX.\n");
  write_file (narrative, "en", "measure-08.md", "<!-- section: results -->\nY.\n");
  g_assert_false (evk_narrative_import_dir (project, narrative, &error));
  g_assert_cmpstr (error->message, ==, "en/measure-08.md: line 1: the section “results” is not in the nb text");
  g_clear_error (&error);

  g_clear_object (&project);
  remove_tree (dir);
}

/* The demo's narrative is complete in both languages. */
static void
test_narrative_demo (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autofree char *demo = evk_get_demo_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);
  EvkStore *store;
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_assert_no_error (error);
  evk_report_import_demo (project, demo, &error);
  g_assert_no_error (error);
  store = evk_project_get_store (project);
  stmt = evk_store_prepare (store,
                            "SELECT count(*) FROM text s WHERE s.lang = 'nb' AND "
                            "(s.field LIKE 'section:%' OR s.field LIKE 'chapter:%') AND NOT EXISTS "
                            "(SELECT 1 FROM text t WHERE t.entity = s.entity AND t.entity_id = s.entity_id "
                            " AND t.field = s.field AND t.lang = 'en')", &error);
  g_assert_true (evk_store_step (store, stmt, &has_row, &error));
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
  stmt = evk_store_prepare (store, "SELECT count(*) FROM text WHERE entity = 'measure' AND lang = 'en' "
                                   "AND field LIKE 'section:%'", &error);
  g_assert_true (evk_store_step (store, stmt, &has_row, &error));
  /* 26 measures × 6 sections. */
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 26 * 6);
  sqlite3_reset (stmt);
  /* The report's figures are settings, not saved charts: the chart table
   * stays the window's. */
  stmt = evk_store_prepare (store, "SELECT count(*) FROM text WHERE entity = 'project' AND lang = 'en' "
                                   "AND field LIKE 'report:figure:%:caption'", &error);
  g_assert_true (evk_store_step (store, stmt, &has_row, &error));
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 8);
  sqlite3_reset (stmt);
  {
    sqlite3_stmt *charts = evk_store_prepare (store, "SELECT count(*) FROM chart WHERE spec LIKE '%ReportFigure%'",
                                              &error);

    g_assert_true (evk_store_step (store, charts, &has_row, &error));
    g_assert_cmpint (sqlite3_column_int (charts, 0), ==, 0);
    sqlite3_reset (charts);
  }

  /* A second import replaces, it does not add. */
  evk_report_import_demo (project, demo, &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_step (store, stmt, &has_row, &error));
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 8);
  sqlite3_reset (stmt);

  /* Every live figure of the demo resolves, in both languages. */
  {
    g_autoptr(EvkLiveFigures) figures = evk_live_figures_new (project);
    g_autoptr(GError) ref_error = NULL;
    g_autofree char *value = evk_live_figures_resolve (figures, "n: response-rate", "nb", &ref_error);
    g_autofree char *rate = evk_live_figures_resolve (figures, "share: response-rate", "en", &ref_error);
    g_autofree char *base = evk_live_figures_resolve (figures, "base: outcome 1 | q17_1", "en", &ref_error);

    g_assert_no_error (ref_error);
    g_assert_cmpstr (value, ==, "5\u202f103");
    g_assert_cmpstr (rate, ==, "14%");
    g_assert_cmpstr (base, ==, "206");
    g_assert_null (evk_live_figures_resolve (figures, "share: frequency q10", "en", &ref_error));
    g_assert_error (ref_error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL);
    g_clear_error (&ref_error);
    g_assert_null (evk_live_figures_resolve (figures, "mean: frequency q10 | 1", "en", &ref_error));
    g_assert_error (ref_error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_FIELD);
    g_clear_error (&ref_error);
    g_assert_null (evk_live_figures_resolve (figures, "n: frequency q999 | 1", "en", &ref_error));
    g_assert_nonnull (ref_error);
    g_clear_error (&ref_error);

    /* One table per canonical spec: two spellings of a table are one
     * computation, another table is another; all from one survey. */
    {
      EvkTable *one = evk_live_figures_get_table (figures, "awareness 7 group=immigrant-organisations base=all",
                                                  &ref_error);
      EvkTable *same = evk_live_figures_get_table (figures, "awareness  7 base=all 'group=immigrant-organisations'",
                                                   &ref_error);
      EvkTable *other = evk_live_figures_get_table (figures, "awareness 7 base=all", &ref_error);
      EvkSurvey *survey = evk_table_source_get_survey (evk_live_figures_get_source (figures), NULL, &ref_error);

      g_assert_no_error (ref_error);
      g_assert_nonnull (one);
      g_assert_true (one == same);
      g_assert_true (other != one);
      g_assert_cmpuint (other->n_base, >, one->n_base);
      /* Only the columns the tables read are in memory. */
      g_assert_nonnull (evk_survey_get_variable (survey, "q16_7")->column);
      g_assert_null (evk_survey_get_variable (survey, "q4")->column);
    }
  }

  g_clear_object (&project);
  remove_tree (dir);
}

/* /Lang by incremental update. */

static void
make_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 200, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "A (small) test");
  cairo_move_to (cr, 20, 40);
  cairo_show_text (cr, "Hei");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
count (const char *haystack,
       gsize       length,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = memmem (p, length - (p - haystack), needle, strlen (needle))) != NULL;
       p++)
    n++;
  return n;
}

static void
test_pdf_language (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "t.pdf", NULL);
  g_autofree char *before = NULL, *after = NULL, *qpdf = g_find_program_in_path ("qpdf");
  gsize before_length, after_length;
  g_autoptr(GError) error = NULL;

  make_pdf (path);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  g_assert_true (evk_pdf_set_language (path, "nb", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));

  /* cairo's bytes are untouched; one revision is appended. */
  g_assert_cmpuint (after_length, >, before_length);
  g_assert_cmpmem (after, before_length, before, before_length);
  g_assert_cmpuint (count (after, after_length, "/Lang (nb)"), ==, 1);
  g_assert_cmpuint (count (after, after_length, "%%EOF"), ==, 2);
  g_assert_cmpuint (count (after, after_length, "/Prev "), ==, 1);

  /* A second language replaces the first in a third revision. */
  g_assert_true (evk_pdf_set_language (path, "en-GB", &error));
  g_free (after);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpuint (count (after, after_length, "/Lang (en-GB)"), ==, 1);
  g_assert_cmpuint (count (after, after_length, "/Lang (nb)"), ==, 1);
  g_assert_cmpuint (count (after, after_length, "%%EOF"), ==, 3);

  if (qpdf != NULL)
    {
      const char *argv[] = { qpdf, "--check", path, NULL };
      const char *show[] = { qpdf, "--show-object=trailer", path, NULL };
      g_autofree char *out = NULL, *trailer = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
      g_spawn_sync (NULL, (char **) show, NULL, G_SPAWN_DEFAULT, NULL, NULL, &trailer, NULL, &status, NULL);
      g_assert_nonnull (strstr (trailer, "/Root"));
    }
  else
    g_test_message ("qpdf not installed (Debian: qpdf): structure checked by hand only");

  g_assert_false (evk_pdf_set_language (path, "n b", &error));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "not a pdf", -1, NULL));
  g_assert_false (evk_pdf_set_language (path, "nb", &error));
  g_assert_nonnull (strstr (error->message, "t.pdf: no trailer"));

  g_unlink (path);
  g_rmdir (dir);
}

/* A tagged PDF as the report writes one: two figures, a table header, a link. */
static void
make_tagged_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 200, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_tag_begin (cr, "Document", NULL);
  for (int page = 0; page < 2; page++)
    {
      cairo_tag_begin (cr, "Figure", NULL);
      cairo_rectangle (cr, 20, 20, 40, 40);
      cairo_fill (cr);
      cairo_tag_end (cr, "Figure");
      cairo_tag_begin (cr, "Table", NULL);
      cairo_tag_begin (cr, "TR", NULL);
      cairo_tag_begin (cr, "TH", NULL);
      cairo_move_to (cr, 20, 100);
      cairo_show_text (cr, "Head");
      cairo_tag_end (cr, "TH");
      cairo_tag_end (cr, "TR");
      cairo_tag_end (cr, "Table");
      cairo_tag_begin (cr, CAIRO_TAG_LINK, "rect=[20 120 40 12] uri='https://www.imdi.no/'");
      cairo_tag_end (cr, CAIRO_TAG_LINK);
      /* A page number and a rule, outside every element. */
      cairo_move_to (cr, 100, 190);
      cairo_show_text (cr, page == 0 ? "1" : "2");
      cairo_move_to (cr, 20, 180);
      cairo_line_to (cr, 180, 180);
      cairo_stroke (cr);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pdf_accessible (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "t.pdf", NULL);
  g_autofree char *after = NULL, *qpdf = g_find_program_in_path ("qpdf");
  const char *alts[] = { "Bars (N: 5)", "Søyler: første & andre" };
  const char *links[] = { "IMDi", "IMDi igjen" };
  g_autofree char *alt_hex = NULL;
  g_autoptr(GString) hex = g_string_new ("<FEFF");
  g_autoptr(GError) error = NULL;
  gsize length;

  make_tagged_pdf (path);
  g_assert_true (evk_pdf_set_language (path, "nb", &error));
  g_assert_true (evk_pdf_make_accessible (path, "A <small> test", "nb", alts, 2, links, 2, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));

  /* The second figure's alt text, UTF-16BE in hex, in the last revision. */
  {
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (alts[1], -1, NULL, NULL, NULL);

    for (gunichar2 *u = utf16; *u != 0; u++)
      g_string_append_printf (hex, "%04X", (unsigned) *u);
    g_string_append_c (hex, '>');
  }
  g_assert_cmpuint (count (after, length, "/Alt <FEFF"), ==, 2);
  g_assert_cmpuint (count (after, length, hex->str), ==, 1);
  g_assert_cmpuint (count (after, length, "/Scope /Column"), ==, 2);
  g_assert_cmpuint (count (after, length, "/Tabs /S"), ==, 2);
  g_assert_cmpuint (count (after, length, "/Contents <FEFF"), ==, 2);
  g_assert_cmpuint (count (after, length, "/DisplayDocTitle true"), ==, 1);
  g_assert_cmpuint (count (after, length, "<pdfuaid:part>1</pdfuaid:part>"), ==, 1);
  /* The title is XML-escaped in the metadata. */
  g_assert_cmpuint (count (after, length, "A &lt;small&gt; test"), ==, 1);
  /* /Lang from the revision before stays in the catalog's new revision. */
  g_assert_cmpuint (count (after, length, "/Lang (nb)"), ==, 2);
  g_assert_cmpuint (count (after, length, "%%EOF"), ==, 3);

  if (qpdf != NULL)
    {
      const char *argv[] = { qpdf, "--check", path, NULL };
      g_autofree char *out = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
    }
  if (qpdf != NULL && CAIRO_VERSION < CAIRO_VERSION_ENCODE (1, 18, 0))
    {
      /* The page number and rule of each page are one artifact; the
       * content streams, rewritten, inflate (qpdf writes them plain). */
      g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
      const char *argv[] = { qpdf, "--qdf", "--object-streams=disable", path, plain, NULL };
      g_autofree char *text = NULL;
      gsize text_length;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_get_contents (plain, &text, &text_length, NULL));
      g_assert_cmpuint (count (text, text_length, "/Artifact BMC"), ==, 2);
      g_assert_cmpuint (count (text, text_length, "/Figure << /MCID"), ==, 2);
      g_unlink (plain);
    }

  /* An alt text for each Figure, or none lands on the wrong one. */
  make_tagged_pdf (path);
  g_assert_false (evk_pdf_make_accessible (path, "T", "nb", alts, 1, links, 2, &error));
  g_assert_nonnull (strstr (error->message, "t.pdf: the structure tree has 2 figures where the report drew 1"));
  g_clear_error (&error);
  make_tagged_pdf (path);
  g_assert_false (evk_pdf_make_accessible (path, "T", "nb", alts, 2, links, 1, &error));
  g_assert_nonnull (strstr (error->message, "t.pdf: the pages have 2 links where the report drew 1"));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "not a pdf", -1, NULL));
  g_assert_false (evk_pdf_make_accessible (path, "T", "nb", alts, 2, links, 2, &error));
  g_assert_nonnull (strstr (error->message, "t.pdf: no trailer"));

  g_unlink (path);
  g_rmdir (dir);
}

static char *
mark (const char  *stream,
      gsize        length,
      GError     **error)
{
  gsize out_length = 0;
  char *out = evk_pdf_mark_artifacts (stream, length, &out_length, error);

  if (out != NULL)
    g_assert_cmpuint (strlen (out), ==, out_length);
  return out;
}

/* What cairo 1.16 leaves outside the tags becomes an artifact, never
 * across a text object's bounds; strings, dictionaries, comments and
 * inline images that look like operators are not taken for them. */
static void
test_pdf_artifacts (void)
{
  static const char image[] = "BI /W 1 /H 2 /BPC 8 /CS /G ID \xff" "EI\x01 EI\n";
  struct {
    const char *in, *out;
  } cases[] = {
    /* A running head (a whole text object) and a rule around tagged text. */
    { "q BT /F1 9 Tf (Side \\(1\\) ET) Tj ET Q\n/P <</MCID 0>> BDC BT (x) Tj ET EMC\n0 0 m 9 0 l S\n",
      "/Artifact BMC\nq BT /F1 9 Tf (Side \\(1\\) ET) Tj ET Q\nEMC\n/P <</MCID 0>> BDC BT (x) Tj ET EMC\n"
      "/Artifact BMC\n0 0 m 9 0 l S\nEMC\n" },
    /* A run that starts inside BT closes before its ET; one that ends
     * inside the next BT leaves that BT outside. */
    { "BT /P <</MCID 0>> BDC (a) Tj EMC 1 0 Td (b) Tj ET 0 0 m 9 9 l S BT /P <</MCID 1>> BDC (c) Tj EMC ET",
      "BT /P <</MCID 0>> BDC (a) Tj EMC /Artifact BMC\n1 0 Td (b) Tj\nEMC ET /Artifact BMC\n0 0 m 9 9 l S\nEMC "
      "BT /P <</MCID 1>> BDC (c) Tj EMC ET" },
    /* Operators in strings, hex strings, dictionaries and comments. */
    { "/Span << /MCID 3 /ActualText (EMC BT) /X <</Y [1 (BDC)]>> >> BDC <4254> Tj (\\\\) Tj (a (nested) EMC) Tj EMC\n"
      "% 0 0 m S\n1 g",
      NULL },
    /* Nothing painted: state operators stay where they are. */
    { "q 1 0 0 1 0 0 cm /GS1 gs Q", NULL },
    /* Untagged marked content (cairo's /ActualText) goes in whole. */
    { "/Span << /ActualText (fi) >> BDC BT (y) Tj ET EMC",
      "/Artifact BMC\n/Span << /ActualText (fi) >> BDC BT (y) Tj ET EMC\nEMC" },
    /* An artifact already marked (cairo 1.18, a second run) stays one. */
    { "/Artifact BMC 0 0 m 9 0 l S EMC /Artifact <</Type /Pagination>> BDC (1) Tj EMC", NULL },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = mark (cases[i].in, strlen (cases[i].in), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out != NULL ? cases[i].out : cases[i].in);
    }

  /* An inline image is painting, its data ("EI" inside) skipped. */
  {
    g_autoptr(GString) in = g_string_new ("/P <</MCID 0>> BDC ");
    g_autofree char *out = NULL;
    gsize out_length;

    g_string_append_len (in, image, sizeof image - 1);
    g_string_append (in, "EMC ");
    g_string_append_len (in, image, sizeof image - 1);
    out = evk_pdf_mark_artifacts (in->str, in->len, &out_length, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (out_length, ==, in->len + strlen ("/Artifact BMC\n") + strlen ("\nEMC"));
    g_assert_cmpmem (out + in->len - (sizeof image - 1), strlen ("/Artifact BMC\n"), "/Artifact BMC\n",
                     strlen ("/Artifact BMC\n"));
    g_assert_cmpmem (out + out_length - 7, 7, "EI\nEMC\n", 7);
  }

  /* Broken streams: one error each, no crash. */
  {
    const char *bad[] = { "(open Tj", "<4142 Tj", "EMC", "BT BT ET ET", "ET", "/P BMC", "1 2", "a) Tj",
                          "BI /W 1 ID xyz", "/P <</MCID 0>> BDC BT EMC ET",
                          "/Span BMC /P <</MCID 0>> BDC EMC EMC", "/Span BMC BT EMC ET", "BT /Span BMC ET EMC" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *out = mark (bad[i], strlen (bad[i]), &error);

        g_assert_null (out);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        g_clear_error (&error);
      }
  }
}

static void
test_markdown_markup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc =
    evk_markdown_parse ("A *first* and **strong _both_** <3 & [IMDi](https://www.imdi.no/?a=1&b=2), "
                        "~~gone~~ `x<y`.\n", NULL, &error);
  g_autofree char *markup = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *plain = NULL;

  g_assert_no_error (error);
  markup = evk_rich_text_to_markup (((EvkMdBlock *) g_ptr_array_index (doc->blocks, 0))->text);
  g_assert_cmpstr (markup, ==,
                   "A <span style=\"italic\">first</span> and <span weight=\"700\">strong </span>"
                   "<span style=\"italic\" weight=\"700\">both</span> &lt;3 &amp; "
                   "<a href=\"https://www.imdi.no/?a=1&amp;b=2\">IMDi</a>, "
                   "<span strikethrough=\"true\">gone</span> "
                   "<span font_family=\"monospace\">x&lt;y</span>.");
  /* It is valid markup with the text unchanged (links aside, which are
   * GtkLabel's). */
  {
    g_autoptr(GString) without_links = g_string_new (markup);

    g_string_replace (without_links, "<a href=\"https://www.imdi.no/?a=1&amp;b=2\">", "", 0);
    g_string_replace (without_links, "</a>", "", 0);
    g_assert_true (pango_parse_markup (without_links->str, -1, 0, &attrs, &plain, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (plain, ==, "A first and strong both <3 & IMDi, gone x<y.");
  }
}

/* Only web and mail links, and the report's anchors, stay links. */
static void
test_markdown_link_schemes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkMdDocument) doc =
    evk_markdown_parse ("[a](https://a.example) [b](file:///etc/passwd) [c](javascript:x()) "
                        "[d](smb://host/s) [e](mailto:e@example.org) [f](#figure-4-2) [g](HTTP://G.example)\n",
                        NULL, &error);
  EvkRichText *text;
  g_autofree char *markup = NULL;

  g_assert_no_error (error);
  text = ((EvkMdBlock *) g_ptr_array_index (doc->blocks, 0))->text;
  g_assert_cmpuint (text->spans->len, ==, 4);
  markup = evk_rich_text_to_markup (text);
  g_assert_cmpstr (markup, ==,
                   "<a href=\"https://a.example\">a</a> b c d <a href=\"mailto:e@example.org\">e</a> "
                   "<a href=\"#figure-4-2\">f</a> <a href=\"HTTP://G.example\">g</a>");
  g_assert_false (evk_markdown_link_is_allowed ("file:///etc/passwd"));
  g_assert_false (evk_markdown_link_is_allowed ("https"));
  g_assert_false (evk_markdown_link_is_allowed (""));
  g_assert_true (evk_markdown_link_is_allowed ("https://x"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/text/hyphenate-norwegian", test_hyphenate_norwegian);
  g_test_add_func ("/evk/text/hyphenate-english", test_hyphenate_english);
  g_test_add_func ("/evk/text/hyphenate-names", test_hyphenate_names);
  g_test_add_func ("/evk/text/markdown-blocks", test_markdown_blocks);
  g_test_add_func ("/evk/text/markdown-footnotes", test_markdown_footnotes);
  g_test_add_func ("/evk/text/markdown-markup", test_markdown_markup);
  g_test_add_func ("/evk/text/markdown-link-schemes", test_markdown_link_schemes);
  g_test_add_func ("/evk/text/markdown-last-word", test_markdown_last_word);
  g_test_add_func ("/evk/text/markdown-live-figures", test_markdown_live_figures);
  g_test_add_func ("/evk/text/markdown-not-allowed", test_markdown_not_allowed);
  g_test_add_func ("/evk/text/markdown-nesting", test_markdown_nesting);
  g_test_add_func ("/evk/text/narrative-split", test_narrative_split);
  g_test_add_func ("/evk/text/narrative-import", test_narrative_import);
  g_test_add_func ("/evk/text/narrative-demo", test_narrative_demo);
  g_test_add_func ("/evk/text/pdf-language", test_pdf_language);
  g_test_add_func ("/evk/text/pdf-accessible", test_pdf_accessible);
  g_test_add_func ("/evk/text/pdf-artifacts", test_pdf_artifacts);
  return g_test_run ();
}
