/* test-report-xref.c: cross-references and numbered narrative sections, read back from the PDF
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "evk-check.h"
#include "evk-data-dir.h"
#include "evk-demo.h"
#include "evk-report.h"
#include "evk-report-outline.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-words.h"

typedef PopplerDocument TestDocument;
typedef PopplerPage TestPage;
typedef PopplerIndexIter TestIndexIter;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestIndexIter, poppler_index_iter_free)

static const char * const langs[] = { "nb", "en" };

/* Whitespace of any kind as one space, soft hyphens dropped. */
static char *
normalize (const char *raw)
{
  /* Composed: a text poppler reads from the structure tree may carry
   * "å" as "a" and a combining ring. */
  g_autofree char *text = raw != NULL ? g_utf8_normalize (raw, -1, G_NORMALIZE_NFC) : NULL;
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

/* The text whose glyphs lie in area (page space). */
static char *
text_in_area (PopplerPage      *page,
              PopplerRectangle *area)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0, i = 0;
  GString *out = g_string_new (NULL);
  g_autofree char *raw = NULL;

  if (poppler_page_get_text_layout (page, &rects, &n_rects))
    for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
      {
        double cx = (rects[i].x1 + rects[i].x2) / 2, cy = (rects[i].y1 + rects[i].y2) / 2;

        if (cx >= area->x1 && cx <= area->x2 && cy >= area->y1 && cy <= area->y2)
          g_string_append_unichar (out, g_utf8_get_char (p));
      }
  raw = g_string_free (out, FALSE);
  return normalize (raw);
}

static char *
page_text (PopplerDocument *doc,
           int              page_num)
{
  g_autoptr(TestPage) page = poppler_document_get_page (doc, page_num - 1);
  g_autofree char *text = poppler_page_get_text (page);

  return normalize (text);
}

static PopplerDocument *
render (EvkProject  *project,
        const char  *lang,
        const char  *dir,
        gboolean     draft,
        guint       *n_unresolved,
        GError     **error)
{
  g_autofree char *name = g_strdup_printf ("xref-%s%s.pdf", lang, draft ? "-draft" : "");
  g_autofree char *pdf = g_build_filename (dir, name, NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  EvkReportOptions options;
  PopplerDocument *doc;

  evk_report_options_init (&options);
  options.draft = draft;
  if (!evk_report_render_pdf_full (project, lang, pdf, &options, error))
    return NULL;
  if (n_unresolved != NULL)
    *n_unresolved = options.n_unresolved;
  doc = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (doc);
  return doc;
}

/* The top-level outline entry whose title is "N title"; its number, or
 * NULL. children: the titles under it. */
static char *
outline_chapter (PopplerDocument *doc,
                 const char      *title,
                 GPtrArray       *children,
                 int             *page_num)
{
  g_autoptr(TestIndexIter) iter = poppler_index_iter_new (doc);

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      const char *entry = action->any.title;
      const char *space = strchr (entry, ' ');

      if (space != NULL && g_str_equal (space + 1, title))
        {
          g_autoptr(TestIndexIter) child = poppler_index_iter_get_child (iter);
          char *number = g_strndup (entry, space - entry);

          if (action->type == POPPLER_ACTION_GOTO_DEST && action->goto_dest.dest->type == POPPLER_DEST_XYZ)
            *page_num = action->goto_dest.dest->page_num;
          if (child != NULL)
            do
              {
                PopplerAction *sub = poppler_index_iter_get_action (child);

                g_ptr_array_add (children, g_strdup (sub->any.title));
                poppler_action_free (sub);
              }
            while (poppler_index_iter_next (child));
          poppler_action_free (action);
          return number;
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  return NULL;
}

/* The page the outline sends entry (its title starts "number ") to, or 0. */
static int
outline_page (PopplerDocument *doc,
              const char      *number)
{
  g_autoptr(TestIndexIter) iter = poppler_index_iter_new (doc);
  g_autofree char *prefix = g_strdup_printf ("%s ", number);
  int found = 0;

  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      g_autoptr(TestIndexIter) child = poppler_index_iter_get_child (iter);

      if (g_str_has_prefix (action->any.title, prefix))
        found = action->goto_dest.dest->page_num;
      poppler_action_free (action);
      if (found == 0 && child != NULL)
        do
          {
            PopplerAction *sub = poppler_index_iter_get_action (child);

            if (g_str_has_prefix (sub->any.title, prefix))
              found = sub->goto_dest.dest->page_num;
            poppler_action_free (sub);
          }
        while (found == 0 && poppler_index_iter_next (child));
    }
  while (found == 0 && poppler_index_iter_next (iter));
  return found;
}

typedef struct {
  guint figures, tables, chapters, sections, pages;
} Counts;

/* Does text start with word, ignoring the case of its first letter? */
static const char *
after_word (const char *text,
            const char *word)
{
  gsize n = strlen (word);

  if (g_ascii_strncasecmp (text, word, n) != 0 || text[n] != ' ')
    return NULL;
  return text + n + 1;
}

/* Every link of the report whose text is a cross-reference ("figur 4-2",
 * "side 41"): its words are the report's, its number is what it links to,
 * and the page it links to has it. */
static Counts
check_references (PopplerDocument *doc,
                  const char      *lang)
{
  const char *figure = evk_word ("Report", "RefFigure", lang);
  const char *table = evk_word ("Report", "RefTable", lang);
  const char *chapter = evk_word ("Report", "RefChapter", lang);
  const char *section = evk_word ("Report", "RefSection", lang);
  const char *page_word = evk_word ("Report", "RefPage", lang);
  Counts counts = { 0 };

  g_assert_nonnull (figure);
  g_assert_nonnull (page_word);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
      GList *links = poppler_page_get_link_mapping (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      for (GList *i = links; i != NULL; i = i->next)
        {
          PopplerLinkMapping *mapping = i->data;
          PopplerRectangle area = mapping->area;
          PopplerDest *named;
          g_autofree char *text = NULL, *target = NULL;
          const char *number;
          int dest_page;

          if (mapping->action->type != POPPLER_ACTION_GOTO_DEST ||
              mapping->action->goto_dest.dest->type != POPPLER_DEST_NAMED)
            continue;
          named = poppler_document_find_dest (doc, mapping->action->goto_dest.dest->named_dest);
          g_assert_nonnull (named);
          dest_page = named->page_num;
          poppler_dest_free (named);
          area.y1 = height - mapping->area.y2;
          area.y2 = height - mapping->area.y1;
          text = text_in_area (page, &area);
          target = page_text (doc, dest_page);

          if ((number = after_word (text, figure)) != NULL || (number = after_word (text, table)) != NULL)
            {
              gboolean is_figure = after_word (text, figure) != NULL;
              g_autofree char *caption = g_strdup_printf ("%s %s ",
                                                          evk_word ("Report", is_figure ? "Figure" : "Table", lang),
                                                          number);

              /* The caption with that number is on the page it links to. */
              if (strstr (target, caption) == NULL)
                g_error ("%s p%d: “%s” links to page %d, which has no “%s”", lang, p + 1, text, dest_page,
                         caption);
              if (is_figure)
                counts.figures++;
              else
                counts.tables++;
            }
          else if ((number = after_word (text, chapter)) != NULL || (number = after_word (text, section)) != NULL)
            {
              gboolean is_chapter = after_word (text, chapter) != NULL;

              /* The outline has that number at the same page. */
              if (outline_page (doc, number) != dest_page)
                g_error ("%s p%d: “%s” links to page %d; the outline has %s on page %d", lang, p + 1, text,
                         dest_page, number, outline_page (doc, number));
              if (is_chapter)
                counts.chapters++;
              else
                counts.sections++;
            }
          else if ((number = after_word (text, page_word)) != NULL)
            {
              if (atoi (number) != dest_page)
                g_error ("%s p%d: “%s” links to page %d", lang, p + 1, text, dest_page);
              counts.pages++;
            }
        }
      poppler_page_free_link_mapping (links);
    }
  return counts;
}


/* text's ASCII letters and digits: poppler 22 reads the text of some
 * structure elements as UTF-8 taken for Latin-1 ("VÃ¥r" for "Vår"). */
static char *
ascii_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Is there a structure element of kind whose text starts with number
 * and has title (compared by their ASCII letters and digits)? */
static gboolean
find_structure (PopplerStructureElementIter *iter,
                PopplerStructureElementKind  kind,
                const char                  *number,
                const char                  *title)
{
  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);
      gboolean found = FALSE;

      if (poppler_structure_element_get_kind (element) == kind)
        {
          g_autofree char *raw = poppler_structure_element_get_text (element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
          g_autofree char *got = ascii_only (raw != NULL ? raw : "");
          g_autofree char *want_number = ascii_only (number);
          g_autofree char *want_title = ascii_only (title);

          found = g_str_has_prefix (got, want_number) && strstr (got, want_title) != NULL;
        }
      if (!found && child != NULL)
        found = find_structure (child, kind, number, title);
      g_clear_pointer (&child, poppler_structure_element_iter_free);
      g_object_unref (element);
      if (found)
        return TRUE;
    }
  while (poppler_structure_element_iter_next (iter));
  return FALSE;
}

/* The chapter titled title has n_sections numbered sections N.1 … in the
 * outline and the contents. */
static void
check_sections (PopplerDocument *doc,
                const char      *title,
                guint            n_sections,
                const char      *first_section)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = NULL, *first = NULL, *contents = NULL;
  int page_num = 0;

  number = outline_chapter (doc, title, children, &page_num);
  if (number == NULL)
    g_error ("no chapter “%s” in the outline", title);
  g_assert_cmpuint (children->len, ==, n_sections);
  for (guint i = 0; i < children->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s.%u ", number, i + 1);

      if (!g_str_has_prefix (g_ptr_array_index (children, i), prefix))
        g_error ("section %u of chapter %s is “%s”", i + 1, number, (char *) g_ptr_array_index (children, i));
    }
  /* In the contents (the pages before the chapter), with its page. */
  first = g_strdup_printf ("%s.1 %s", number, first_section);
  for (int p = 1; p < page_num && contents == NULL; p++)
    {
      g_autofree char *text = page_text (doc, p);

      if (strstr (text, first) != NULL)
        contents = g_steal_pointer (&text);
    }
  if (contents == NULL)
    g_error ("the contents have no “%s”", first);
  /* In the text, as a heading. */
  {
    gboolean found = FALSE;

    for (int p = page_num; p <= poppler_document_get_n_pages (doc) && !found; p++)
      {
        g_autofree char *text = page_text (doc, p);

        found = strstr (text, first) != NULL;
      }
    g_assert_true (found);
  }
  /* Tagged as a second-level heading. */
  {
    PopplerStructureElementIter *iter = poppler_structure_element_iter_new (doc);
    g_autofree char *number_1 = g_strdup_printf ("%s.1", number);

    g_assert_nonnull (iter);
    if (!find_structure (iter, POPPLER_STRUCTURE_ELEMENT_HEADING_2, number_1, first_section))
      g_error ("no H2 “%s” in the structure tree", first);
    poppler_structure_element_iter_free (iter);
  }
}


/* The font size of the last line of text above the page's foot (the page
 * number below it left out), or 0 on an empty page. */
static double
last_line_size (PopplerPage *page,
                char       **line_text)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GList *attributes = poppler_page_get_text_attributes (page);
  guint n_rects = 0, i = 0;
  double bottom = 0, size = 0;
  GString *line = g_string_new (NULL);
  const char *p;

  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  /* The text column ends 80 pt above the foot of A4; the page number
   * sits lower. */
  for (i = 0; i < n_rects; i++)
    if (rects[i].y2 < 841.89 - 70 && rects[i].y1 > bottom && rects[i].x2 > rects[i].x1)
      bottom = rects[i].y1;
  for (p = text, i = 0; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (rects[i].y1 < bottom - 2 || rects[i].y2 >= 841.89 - 70 || g_unichar_isspace (c))
        continue;
      g_string_append_unichar (line, c);
      for (GList *a = attributes; a != NULL; a = a->next)
        {
          PopplerTextAttributes *attr = a->data;

          if ((int) i >= attr->start_index && (int) i <= attr->end_index)
            size = MAX (size, attr->font_size);
        }
    }
  poppler_page_free_text_attributes (attributes);
  *line_text = g_string_free (line, FALSE);
  return size;
}

/* No question of the questionnaire (set at 9 pt, its answers at 8.5)
 * ends a page: it keeps with its first answer. */
static void
check_questions_kept (PopplerDocument *doc,
                      const char      *lang)
{
  const char *title = evk_word ("Report", "AppendixQuestionnaire", lang);
  int first = 0, n_checked = 0;

  for (int p = 1; p <= poppler_document_get_n_pages (doc) && first == 0; p++)
    {
      g_autofree char *text = page_text (doc, p);
      const char *hit = strstr (text, title);

      /* The chapter's page, not the contents'. */
      if (hit != NULL && strstr (text, "....") == NULL && p > 5)
        first = p;
    }
  g_assert_cmpint (first, >, 0);
  for (int p = first; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p - 1);
      g_autofree char *line = NULL;
      double size = last_line_size (page, &line);

      if (size > 8.8 && size < 9.2)
        g_error ("%s p%d ends with a question kept from its answers: “%s”", lang, p, line);
      n_checked++;
    }
  g_assert_cmpint (n_checked, >=, 2);
}

static void
test_demo (void)
{
  static const char * const chapters[] = { "Anbefalinger for videre arbeid", "Recommendations for further work" };
  static const char * const firsts[] = { "Vår vurdering av IMDis anbefalinger", "Our assessment of IMDi’s recommendations" };
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autofree char *demo_dir = evk_get_demo_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);

  g_assert_no_error (error);
  evk_report_import_demo (project, demo_dir, &error);
  g_assert_no_error (error);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(TestDocument) doc = render (project, langs[l], dir, FALSE, NULL, &error);
      Counts counts;

      g_assert_no_error (error);
      counts = check_references (doc, langs[l]);
      g_test_message ("%s: %u figure, %u table, %u chapter, %u section, %u page references", langs[l],
                      counts.figures, counts.tables, counts.chapters, counts.sections, counts.pages);
      g_assert_cmpuint (counts.figures, >=, 1);
      /* The themes table and the status table. */
      g_assert_cmpuint (counts.tables, >=, 2);
      g_assert_cmpuint (counts.chapters, >=, 2);
      g_assert_cmpuint (counts.sections, >=, 3);
      g_assert_cmpuint (counts.pages, >=, 1);
      check_sections (doc, chapters[l], 9, firsts[l]);
      check_questions_kept (doc, langs[l]);
    }
}

static void
test_example (void)
{
  static const char * const chapters[] = { "Anbefalinger", "Recommendations" };
  static const char * const firsts[] = { "Nettverkene for digihjelpere bør gjenopprettes",
                                         "The networks for digital helpers should be restored" };
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "example.evalkit", NULL);
  g_autoptr(EvkProject) project = evk_test_make_example (path, TRUE, TRUE);
  g_autoptr(GError) error = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(TestDocument) doc = render (project, langs[l], dir, FALSE, NULL, &error);
      Counts counts;

      g_assert_no_error (error);
      counts = check_references (doc, langs[l]);
      g_assert_cmpuint (counts.figures, >=, 1);
      g_assert_cmpuint (counts.tables, >=, 1);
      g_assert_cmpuint (counts.chapters, >=, 1);
      g_assert_cmpuint (counts.sections, >=, 1);
      g_assert_cmpuint (counts.pages, >=, 1);
      check_sections (doc, chapters[l], 2, firsts[l]);
      check_questions_kept (doc, langs[l]);
    }
}

/* A copy of the example's report folder with text added to a file. */
static char *
example_report_with (const char *dir,
                     const char *file,
                     const char *added)
{
  g_autofree char *ex = evk_test_example_dir ();
  char *copy = g_build_filename (dir, "report", NULL);
  const char * const subdirs[] = { "", "nb", "en" };

  for (guint s = 0; s < G_N_ELEMENTS (subdirs); s++)
    {
      g_autofree char *from = g_build_filename (ex, "report", subdirs[s], NULL);
      g_autofree char *to = g_build_filename (copy, subdirs[s], NULL);
      g_autoptr(GDir) d = g_dir_open (from, 0, NULL);
      const char *name;

      g_assert_nonnull (d);
      g_mkdir_with_parents (to, 0700);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *src = g_build_filename (from, name, NULL);
          g_autofree char *dst = g_build_filename (to, name, NULL);
          g_autofree char *contents = NULL;
          g_autofree char *rel = g_build_filename (subdirs[s], name, NULL);

          if (g_file_test (src, G_FILE_TEST_IS_DIR))
            continue;
          g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
          if (g_str_equal (rel, file))
            {
              g_autofree char *more = g_strconcat (contents, added, NULL);
              g_assert_true (g_file_set_contents (dst, more, -1, NULL));
            }
          else
            g_assert_true (g_file_set_contents (dst, contents, -1, NULL));
        }
    }
  return copy;
}

/* A key nothing has: the final report fails naming the section and the
 * reference, a draft prints it marked, check lists it. */
static void
test_unknown (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "example.evalkit", NULL);
  g_autofree char *report = example_report_with (dir, "nb/recommendations.md",
                                                 "\nSe også [@fig:no-such-figure].\n");
  g_autoptr(EvkProject) project = evk_test_make_example_with (path, TRUE, report);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDocument) final = render (project, "nb", dir, FALSE, NULL, &error);
  g_autoptr(TestDocument) draft = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean marked = FALSE;
  guint n_unresolved = 0, n_problems = 0;

  g_assert_null (final);
  g_assert_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "recommendations.md"));
  g_assert_nonnull (strstr (error->message, "“text”"));
  g_assert_nonnull (strstr (error->message, "[@fig:no-such-figure]"));
  g_clear_error (&error);

  /* The English text has no such reference: its report builds. */
  {
    g_autoptr(TestDocument) en = render (project, "en", dir, FALSE, NULL, &error);

    g_assert_no_error (error);
  }

  draft = render (project, "nb", dir, TRUE, &n_unresolved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_unresolved, ==, 1);
  for (int p = 1; p <= poppler_document_get_n_pages (draft) && !marked; p++)
    {
      g_autofree char *text = page_text (draft, p);

      marked = strstr (text, "⟦[@fig:no-such-figure]⟧") != NULL;
    }
  g_assert_true (marked);

  problems = evk_check_project (project, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      EvkProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind != EVK_PROBLEM_CROSS_REFERENCE)
        continue;
      g_assert_cmpstr (problem->place, ==, "section:recommendations/text");
      g_assert_cmpstr (problem->lang, ==, "nb");
      g_assert_nonnull (strstr (problem->message, "[@fig:no-such-figure]"));
      n_problems++;
    }
  g_assert_cmpuint (n_problems, ==, 1);
}

/* References in a narrative table's cells, its caption and a footnote
 * resolve and link as in running text; the page they print is set from
 * the final pages there too. */
static void
test_cells_and_notes (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "example.evalkit", NULL);
  g_autofree char *report = example_report_with (dir, "nb/recommendations.md",
                                                 "\n| Hva | Hvor |\n| --- | --- |\n"
                                                 "| Behov | [@Fig:needs], [@page:fig:needs] |\n\n"
                                                 ": Henvisninger til [@chap:results] {#refs}\n\n"
                                                 "Se [@tab:refs].[^n]\n\n"
                                                 "[^n]: Også [@page:fig:needs].\n");
  g_autoptr(EvkProject) project = evk_test_make_example_with (path, TRUE, report);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDocument) doc = render (project, "nb", dir, FALSE, NULL, &error);
  Counts counts;

  g_assert_no_error (error);
  counts = check_references (doc, "nb");
  /* The example's own: one of each, two of pages; added: a figure and a
   * page in the cell, a chapter in the caption, a table in the text, a
   * page in the note. */
  g_assert_cmpuint (counts.figures, >=, 2);
  g_assert_cmpuint (counts.pages, >=, 3);
  g_assert_cmpuint (counts.chapters, >=, 2);
  g_assert_cmpuint (counts.tables, >=, 2);
}

/* The example as shipped has no problem of this kind. */
static void
test_check_clean (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "example.evalkit", NULL);
  g_autoptr(EvkProject) project = evk_test_make_example (path, TRUE, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = evk_check_project (project, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((EvkProblem *) g_ptr_array_index (problems, i))->kind, !=, EVK_PROBLEM_CROSS_REFERENCE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  evk_report_use_bundled_fonts ();

  g_test_add_func ("/evk/report-xref/demo", test_demo);
  g_test_add_func ("/evk/report-xref/example", test_example);
  g_test_add_func ("/evk/report-xref/unknown", test_unknown);
  g_test_add_func ("/evk/report-xref/cells-and-notes", test_cells_and_notes);
  g_test_add_func ("/evk/report-xref/check-clean", test_check_clean);
  return g_test_run ();
}
