/* test-report-outline.c: the outline as data: another evaluation's report, the default outline, export and import
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "evk-demo.h"
#include "evk-report.h"
#include "evk-report-outline.h"
#include "evk-survey.h"
#include "evk-test-example.h"
#include "evk-test-util.h"

typedef PopplerDocument TestDocument;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

/* The report's text, whitespace collapsed, all pages joined with a form feed. */
/* The example project, as example.evalkit in dir. */
static EvkProject *
make_example_in (const char *dir,
                 gboolean    with_documents,
                 gboolean    with_report)
{
  g_autofree char *path = g_build_filename (dir, "example.evalkit", NULL);

  return evk_test_make_example (path, with_documents, with_report);
}

static char *
render_text (EvkProject *project,
             const char *lang,
             const char *dir)
{
  g_autofree char *name = g_strdup_printf ("r.%s.pdf", lang);
  g_autofree char *pdf = g_build_filename (dir, name, NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDocument) doc = NULL;
  GString *all = g_string_new (NULL);

  evk_report_render_pdf (project, lang, pdf, &error);
  g_assert_no_error (error);
  uri = g_filename_to_uri (pdf, NULL, &error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      gboolean space = FALSE, joined = FALSE;

      for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar u = g_utf8_get_char (c);

          /* A word hyphenated at a line end is one word again. */
          if (u == 0xad)
            joined = TRUE;
          else if (g_unichar_isspace (u) || u == 0x202f || u == 0xa0)
            space = !joined;
          else
            {
              joined = FALSE;
              if (space)
                g_string_append_c (all, ' ');
              space = FALSE;
              g_string_append_unichar (all, u);
            }
        }
      g_string_append_c (all, '\f');
    }
  return g_string_free (all, FALSE);
}

/* Each needle after the one before it. */
static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *hit = strstr (at, needles[i]);

      if (hit == NULL)
        g_error ("“%s” is not in the report after “%s”", needles[i], i > 0 ? needles[i - 1] : "the start");
      at = hit + strlen (needles[i]);
    }
}

/* Past the table of contents: the text of the chapters themselves. */
static const char *
after_contents (const char *text)
{
  const char *foreword = strstr (text, "\f");

  foreword = foreword != NULL ? strstr (foreword + 1, "\f") : NULL;
  foreword = foreword != NULL ? strstr (foreword + 1, "\f") : NULL;
  g_assert_nonnull (foreword);
  return foreword;
}

static void
test_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_example_in (dir, TRUE, TRUE);
  g_autofree char *nb = render_text (project, "nb", dir);
  g_autofree char *en = render_text (project, "en", dir);
  const char * const nb_title[] = { "Evaluering av Digitalt for alle", "Handlingsplan for digital inkludering",
                                    "Utarbeidet for Digitaliserings- og forvaltningsdepartementet (DFD)",
                                    "Kari Nordmann", "2026-07", "ISSN 2703-8629", "Bergen, 12. mars 2026", NULL };
  const char * const en_title[] = { "Evaluation of Digital for everyone", "The action plan for digital inclusion",
                                    "Prepared for the Ministry of Digitalisation and Public Governance (MDPG)",
                                    "Kari Nordmann", "2026-07", "ISSN 2703-8629", "Bergen, 12 March 2026", NULL };
  /* Every part of the outline, in its order, with the generated method
   * tables and the goal chapters between them. */
  const char * const nb_chapters[] = {
    "Sammendrag", "312 kommuner", "88 %", "1 Innledning", "1.1 Problemstillinger",
    "2 Metode og datagrunnlag", "312", "357", "356", "Svarandel", "88 %",
    "3 Kjennskap til og bruk av tilbudene", "Figur 3-1", "Figur 3-2",
    "4 Flere innbyggere skal mestre", "5 Kommunene skal gi god og likeverdig digital hjelp",
    "6 Status og måloppnåelse", "7 Dokumentgjennomgang", "8 Anbefalinger", "Referanser",
    "Forkortelser", "DFD", "forvaltningsdepartementet", "Vedlegg: Spørreskjema", NULL };
  const char * const en_chapters[] = {
    "Summary", "312 municipalities", "88%", "1 Introduction", "1.1 Research questions",
    "2 Method and data", "312", "357", "356", "Response rate", "88%",
    "3 Awareness and use of the offers", "Figure 3-1", "Figure 3-2",
    "4 More residents master", "5 Municipalities provide good and equal digital help",
    "6 Status and goal attainment", "7 Document review", "8 Recommendations", "References",
    "Abbreviations", "MDPG", "Public Governance", "Appendix: Questionnaire", NULL };
  const char * const demo_words[] = { "Hverdagsintegrering", "Everyday integration", "IMDi", "Proba",
                                      "frivillige organisasjoner", "voluntary organisations", NULL };

  assert_in_order (nb, nb_title);
  assert_in_order (en, en_title);
  assert_in_order (after_contents (nb), nb_chapters);
  assert_in_order (after_contents (en), en_chapters);
  for (guint i = 0; demo_words[i] != NULL; i++)
    {
      g_assert_null (strstr (nb, demo_words[i]));
      g_assert_null (strstr (en, demo_words[i]));
    }
  /* The English report names bodies in English, spelled out once. */
  g_assert_nonnull (strstr (en, "Ministry of Culture and Equality (MCE)"));
  g_assert_null (strstr (en, "Kultur- og likestillingsdepartementet"));
  /* The running header is the short title, whole. */
  g_assert_nonnull (strstr (en, "Evaluation of Digital for everyone"));
  g_assert_null (strstr (en, "…"));
  g_object_unref (project);
  project = NULL;
  evk_test_rm_rf (dir);
}

/* A project of only a strategy and a survey gets the default outline: its
 * method tables with N and response rate, the goals, the status summary
 * and the questionnaire, without a word of text written. */
static void
test_default_outline (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_example_in (dir, FALSE, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkOutline) outline = evk_report_outline_load (project, &error);
  g_autofree char *nb = NULL, *en = NULL;
  const char * const nb_parts[] = { "Innhold", "1 Metode og datakilder", "312", "357", "356", "Svarandel",
                                    "88 %", "Tabell 1-2", "2 Flere innbyggere skal mestre",
                                    "3 Kommunene skal gi", "4 Resultater og måloppnåelse",
                                    "Tiltakenes status etter delmål", "Forkortelser",
                                    "Vedlegg: Spørreskjema", NULL };
  const char * const en_parts[] = { "Contents", "1 Method and data sources", "312", "357", "356",
                                    "Response rate", "88%", "2 More residents master",
                                    "4 Results and goal attainment", "Abbreviations",
                                    "Appendix: Questionnaire", NULL };

  g_assert_no_error (error);
  g_assert_true (outline->is_default);
  nb = render_text (project, "nb", dir);
  en = render_text (project, "en", dir);
  assert_in_order (nb, nb_parts);
  assert_in_order (en, en_parts);
  /* No documents: no document review chapter. */
  g_assert_null (strstr (nb, "Dokumentgjennomgang"));
  g_object_unref (g_steal_pointer (&project));
  evk_test_rm_rf (dir);
}

static GBytes *
render_bytes (EvkProject *project,
              const char *lang,
              const char *path)
{
  g_autoptr(GError) error = NULL;

  evk_report_render_pdf (project, lang, path, &error);
  g_assert_no_error (error);
  return evk_test_read (path);
}

/* export-report then import-report gives the same report, byte for byte. */
static void
test_round_trip (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autofree char *out = g_build_filename (dir, "exported", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);

  g_assert_no_error (error);
  for (guint l = 0; l < 2; l++)
    {
      const char *lang = l == 0 ? "nb" : "en";
      g_autoptr(GBytes) first = render_bytes (project, lang, pdf);
      g_autoptr(GBytes) again = render_bytes (project, lang, pdf);
      g_autoptr(GBytes) after = NULL;

      /* Rendering twice rules out noise (fonts found once, dates). */
      g_assert_true (g_bytes_equal (first, again));
      evk_report_export_dir (project, out, &error);
      g_assert_no_error (error);
      evk_report_import_dir (project, out, &error);
      g_assert_no_error (error);
      after = render_bytes (project, lang, pdf);
      g_assert_true (g_bytes_equal (first, after));
    }
  g_object_unref (g_steal_pointer (&project));
  evk_test_rm_rf (dir);
}

typedef struct {
  const char *name;
  const char *from;     /* a line of the demo's report.ini … */
  const char *to;       /* … replaced by this */
  const char *expect;   /* in the message, after "report.ini: line N: " */
} Malformed;

static const Malformed malformed[] = {
  { "unknown-part", "Kind=contents", "Kind=appendix", "unknown part kind “appendix”" },
  { "duplicate-key", "Kind=contents", "Kind=contents\nKind=contents", "the key “Kind” comes twice in [Part contents]" },
  { "figure-missing-section", "Place=results:needs", "Place=results:wishes",
    "[Figure needs] the part “results” has no section “wishes”" },
  { "missing-language", "Title[en]=Introduction", "", "Title has no text in “en” (Title[en])" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autofree char *out = g_build_filename (dir, "exported", NULL);
  g_autofree char *ini = g_build_filename (out, "report.ini", NULL);
  g_autofree char *contents = NULL, *prefix = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GString) text = NULL;
  guint line = 0;

  g_assert_no_error (error);
  evk_report_export_dir (project, out, &error);
  g_assert_no_error (error);
  g_file_get_contents (ini, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_nonnull (strstr (text->str, m->from));
  {
    const char *at = strstr (text->str, m->from);

    for (const char *p = text->str; p <= at; p++)
      line += *p == '\n';
    line++;
  }
  g_string_replace (text, m->from, m->to, 1);
  g_file_set_contents (ini, text->str, -1, &error);
  g_assert_no_error (error);
  g_object_unref (g_steal_pointer (&project));

  before = evk_test_read (path);
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (evk_report_import_dir (project, out, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  prefix = g_strdup_printf ("%s: line ", ini);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, m->expect));
  /* The line is the one changed (or, for a missing key, its group's). */
  if (g_str_equal (m->name, "duplicate-key") || g_str_equal (m->name, "figure-missing-section") ||
      g_str_equal (m->name, "unknown-part"))
    {
      g_autofree char *at = g_strdup_printf ("line %u:", m->to[0] != '\0' && strchr (m->to, '\n') ? line + 1 : line);

      g_assert_nonnull (strstr (error->message, at));
    }
  g_object_unref (g_steal_pointer (&project));
  after = evk_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  evk_report_use_bundled_fonts ();

  g_test_add_func ("/evk/report-outline/example", test_example);
  g_test_add_func ("/evk/report-outline/default-outline", test_default_outline);
  g_test_add_func ("/evk/report-outline/round-trip", test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/evk/report-outline/malformed/%s", malformed[i].name);

      g_test_add_data_func (name, &malformed[i], test_malformed);
    }
  return g_test_run ();
}
