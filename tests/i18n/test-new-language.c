/* test-new-language.c: a report language added without code (Nynorsk)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "evk-demo.h"
#include "evk-format.h"
#include "evk-po.h"
#include "evk-report.h"
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
test_nynorsk_report (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo", NULL);
  g_autofree char *pdf = g_build_filename (dir, "nn.pdf", NULL);
  g_autofree char *po = NULL, *text = NULL, *draft_text = NULL, *lang = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GArray) fill = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
  g_auto(GStrv) langs = NULL;
  EvkTranslationResult result;
  EvkTranslationCounts counts;
  EvkReportOptions options;

  project = evk_demo_create (path, &error);
  g_assert_no_error (error);
  po = fixture_for (project, dir);
  g_assert_true (evk_po_import (project, po, NULL, &lang, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lang, ==, "nn");
  g_assert_cmpuint (result.updated, ==, 116 + 5);
  g_assert_cmpuint (result.unknown, ==, 0);
  langs = evk_project_get_languages (project, &error);
  g_assert_true (g_strv_contains ((const char * const *) langs, "nn"));

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
  g_assert_cmpuint (counts.done, ==, 116 + 5);
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
  g_assert_nonnull (strstr (text, "Kvardagsintegrering"));
  g_assert_nonnull (strstr (text, "Fleire med innvandrarbakgrunn deltek i sivilsamfunnet"));
  g_assert_null (strstr (text, "⟦"));
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/new-language/format-rules", test_format_rules);
  g_test_add_func ("/evk/new-language/nynorsk-report", test_nynorsk_report);
  return g_test_run ();
}
