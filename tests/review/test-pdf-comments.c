/* test-pdf-comments.c: drafts that know where their places are, comments from them annotated as a viewer would
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "evk-comment.h"
#include "evk-demo.h"
#include "evk-draft-map.h"
#include "evk-pdf-comments.h"
#include "evk-pdf-scan.h"
#include "evk-report-outline.h"
#include "evk-report.h"
#include "evk-store-review.h"
#include "evk-store.h"
#include "evk-survey.h"
#include "evk-test-example.h"
#include "evk-test-util.h"

/* A4, as the report has it. */
#define PAGE_HEIGHT 841.89

typedef PopplerDocument TestDocument;
typedef PopplerPage TestPage;
typedef PopplerAnnot TestAnnot;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestAnnot, g_object_unref)

/* Helpers. */

/* The example project, as example.evalkit in dir. */
static EvkProject *
make_example_in (const char *dir,
                 gboolean    with_documents,
                 gboolean    with_report)
{
  g_autofree char *path = g_build_filename (dir, "example.evalkit", NULL);

  return evk_test_make_example (path, with_documents, with_report);
}

static TestDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  TestDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

/* Text without white space and hyphenation points: what a heading says,
 * however poppler breaks and spaces it. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00AD && c != 0x2011)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The first n characters of s. */
static char *
prefix (const char *s,
        glong       n)
{
  return g_utf8_substring (s, 0, MIN (n, g_utf8_strlen (s, -1)));
}

/* The characters of a page whose boxes' centres are in the rectangle (y
 * down), lines kept. */
static char *
page_text (TestDocument *doc,
           guint         page,
           double        x0,
           double        y0,
           double        x1,
           double        y1)
{
  g_autoptr(TestPage) p = poppler_document_get_page (doc, (int) page - 1);
  g_autofree char *text = poppler_page_get_text (p);
  g_autofree PopplerRectangle *boxes = NULL;
  GString *out = g_string_new (NULL);
  guint n = 0, i = 0;

  g_assert_true (poppler_page_get_text_layout (p, &boxes, &n));
  for (const char *c = text; *c != '\0' && i < n; c = g_utf8_next_char (c), i++)
    {
      double x = (boxes[i].x1 + boxes[i].x2) / 2, y = (boxes[i].y1 + boxes[i].y2) / 2;

      if (*c == '\n' || (x >= x0 && x <= x1 && y >= y0 && y <= y1))
        g_string_append_unichar (out, g_utf8_get_char (c));
    }
  return g_string_free (out, FALSE);
}

static guint
count_rows (EvkProject *project,
            const char *sql)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = evk_store_prepare (store, sql, &error);
  gboolean has_row = FALSE;
  guint n;

  g_assert_no_error (error);
  g_assert_true (evk_store_step (store, stmt, &has_row, &error));
  g_assert_true (has_row);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static guint
count_comments (EvkProject *project)
{
  return count_rows (project, "SELECT count(*) FROM comment");
}

static EvkProject *
make_demo (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EvkProject *project = evk_demo_create (path, &error);

  g_assert_no_error (error);
  return project;
}

/* A draft of project in lang at dir/name, with the project's open
 * comments on it. */
static char *
render_draft (EvkProject       *project,
              const char       *lang,
              const char       *dir,
              const char       *name,
              EvkReportOptions *options)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = evk_pdf_comments_notes (project, &error);
  EvkReportOptions local;

  g_assert_no_error (error);
  if (options == NULL)
    options = &local;
  evk_report_options_init (options);
  options->draft = TRUE;
  options->notes = notes;
  g_assert_true (evk_report_render_pdf_full (project, lang, path, options, &error));
  g_assert_no_error (error);
  options->notes = NULL;
  return path;
}

/* The map the project keeps of the draft at path, found by the PDF's /ID
 * as poppler reads it. */
static EvkDraftMap *
draft_map (EvkProject *project,
           const char *path)
{
  g_autoptr(TestDocument) doc = open_pdf (path);
  g_autofree char *permanent = NULL, *doc_id = NULL;
  g_autoptr(GError) error = NULL;
  EvkDraftMap *map;

  g_assert_true (poppler_document_get_id (doc, &permanent, NULL));
  doc_id = evk_draft_doc_id_from_hex (permanent, 32);
  g_assert_nonnull (doc_id);
  map = evk_draft_map_load (evk_project_get_store (project), doc_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

/* The draft map: every place where the PDF shows it. */

static gboolean
has_prefix_any (const char *place,
                const char * const *kinds)
{
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_has_prefix (place, kinds[i]))
      return TRUE;
  return FALSE;
}

static void
check_draft_map (EvkProject *project,
                 const char *dir,
                 const char *figure_word,
                 const char *table_word)
{
  static const char * const titled[] = { "chart:", "figure:", "measure:", "measure-section:", "goal:", "part:", NULL };
  g_autofree char *path = NULL, *plain = g_build_filename (dir, "final.pdf", NULL);
  g_autoptr(EvkDraftMap) map = NULL;
  g_autoptr(TestDocument) doc = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) figures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;
  EvkReportOptions options;
  guint n_drafts;

  path = render_draft (project, "nb", dir, "draft.pdf", &options);
  map = draft_map (project, path);
  doc = open_pdf (path);
  g_assert_cmpstr (map->lang, ==, "nb");
  g_assert_cmpuint (map->n_pages, ==, options.n_pages);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) map->n_pages);

  for (guint i = 0; i < map->anchors->len; i++)
    {
      EvkDraftAnchor *anchor = &g_array_index (map->anchors, EvkDraftAnchor, i);
      const EvkDraftAnchor *first = evk_draft_map_first (map, anchor->place);
      g_autofree char *text = NULL, *in_rect = NULL, *name = NULL;

      /* Inside the text column of a page of the draft. */
      g_assert_cmpuint (anchor->page, >=, 1);
      g_assert_cmpuint (anchor->page, <=, map->n_pages);
      g_assert_cmpfloat (anchor->y0, <, anchor->y1);
      g_assert_cmpfloat (anchor->y0, >=, 60);
      g_assert_cmpfloat (anchor->y1, <=, PAGE_HEIGHT - 60);
      g_assert_true (evk_place_parse (anchor->place, NULL, NULL, &error));
      g_assert_no_error (error);

      if (g_str_has_prefix (anchor->name, figure_word))
        g_hash_table_add (figures, anchor->name);
      if (g_str_has_prefix (anchor->name, table_word))
        g_hash_table_add (tables, anchor->name);

      /* Where a chart, measure or chapter starts, its caption or heading is
       * inside the rectangle (or just above it). */
      if (first != anchor || !has_prefix_any (anchor->place, titled) ||
          g_hash_table_contains (checked, anchor->place))
        continue;
      g_hash_table_add (checked, anchor->place);
      text = page_text (doc, anchor->page, anchor->x0, anchor->y0 - 4, anchor->x1, anchor->y1);
      in_rect = squeeze (text);
      name = squeeze (anchor->name);
      {
        g_autofree char *start = prefix (name, 24);

        if (strstr (in_rect, start) == NULL)
          g_error ("page %u: %s “%s” is not in its rectangle [%.0f %.0f %.0f %.0f], which holds “%.200s”",
                   anchor->page, anchor->place, start, anchor->x0, anchor->y0, anchor->x1, anchor->y1, in_rect);
      }
    }
  /* Every figure and generated table of the report has its rectangle. */
  g_assert_cmpuint (options.n_figures, >, 0);
  g_assert_cmpuint (g_hash_table_size (figures), ==, options.n_figures);
  g_assert_cmpuint (g_hash_table_size (tables), ==, options.n_tables);
  g_assert_cmpuint (g_hash_table_size (checked), >, 5);

  /* The ids are in the file for any reader. */
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  {
    g_autoptr(EvkPdfScan) scan = evk_pdf_scan ((const guint8 *) bytes, length);
    g_autofree char *project_id = evk_project_id (evk_project_get_store (project), &error);

    g_assert_cmpstr (scan->doc_id, ==, map->doc_id);
    g_assert_cmpstr (scan->project_id, ==, project_id);
  }
  g_clear_pointer (&bytes, g_free);

  /* A finished report records nothing and carries no id. */
  n_drafts = count_rows (project, "SELECT count(*) FROM draft");
  g_assert_cmpuint (n_drafts, ==, 1);
  g_assert_true (evk_report_render_pdf (project, "nb", plain, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (project, "SELECT count(*) FROM draft"), ==, n_drafts);
  g_assert_true (g_file_get_contents (plain, &bytes, &length, NULL));
  g_assert_null (memmem (bytes, length, "Evalkit" "DocId", 12));
  g_assert_null (memmem (bytes, length, "/ID", 3));
  {
    g_autoptr(TestDocument) final = open_pdf (plain);

    g_assert_false (poppler_document_get_id (final, NULL, NULL));
  }
  g_unlink (path);
  g_unlink (plain);
}

static void
test_draft_map_demo (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_demo (dir, "demo.evalkit");

  check_draft_map (project, dir, "Figur ", "Tabell ");
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

static void
test_draft_map_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_example_in (dir, TRUE, TRUE);

  check_draft_map (project, dir, "Figur ", "Tabell ");
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* Where a note goes: the smallest region under it, else the nearest on
 * its page. */
static void
test_find (void)
{
  g_autoptr(GArray) anchors = evk_draft_anchors_new ();
  g_autoptr(EvkDraftMap) map = NULL;
  EvkDraftAnchor a[] = {
    { 2, 82, 100, 513, 700, (char *) "measure:1", (char *) "" },
    { 2, 82, 300, 513, 450, (char *) "chart:c", (char *) "" },
    { 2, 82, 460, 513, 700, (char *) "measure-section:1/results", (char *) "" },
    { 3, 82, 200, 513, 300, (char *) "part:x", (char *) "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      EvkDraftAnchor copy = a[i];

      copy.place = g_strdup (a[i].place);
      copy.name = g_strdup (a[i].name);
      g_array_append_val (anchors, copy);
    }
  map = evk_draft_map_new ("5d0a4f43-3f8a-4b0c-9d53-2c8a4e1f3a11", NULL, "nb", 4, anchors);

  /* The smallest that holds it. */
  g_assert_cmpstr (evk_draft_map_find (map, 2, 300, 350)->place, ==, "chart:c");
  g_assert_cmpstr (evk_draft_map_find (map, 2, 300, 200)->place, ==, "measure:1");
  g_assert_cmpstr (evk_draft_map_find (map, 2, 300, 500)->place, ==, "measure-section:1/results");
  /* In the margin beside a chart: the chart. */
  g_assert_cmpstr (evk_draft_map_find (map, 2, 530, 350)->place, ==, "chart:c");
  /* Above or below everything: the nearest. */
  g_assert_cmpstr (evk_draft_map_find (map, 3, 300, 100)->place, ==, "part:x");
  g_assert_cmpstr (evk_draft_map_find (map, 3, 300, 780)->place, ==, "part:x");
  g_assert_cmpstr (evk_draft_map_find (map, 2, 300, 60)->place, ==, "measure:1");
  /* A page without any. */
  g_assert_null (evk_draft_map_find (map, 1, 300, 300));
  g_assert_null (evk_draft_map_find (map, 4, 300, 300));
  g_assert_cmpstr (evk_draft_map_first (map, "part:x")->place, ==, "part:x");
  g_assert_null (evk_draft_map_first (map, "chart:none"));
}

/* Annotating a draft as a reviewer does. */

static PopplerRectangle
pdf_rect (TestPage *page,
          double    x,
          double    y_top,
          double    size)
{
  double width, height;
  PopplerRectangle rect;

  poppler_page_get_size (page, &width, &height);
  rect.x1 = x;
  rect.x2 = x + size;
  rect.y1 = height - y_top - size;
  rect.y2 = height - y_top;
  return rect;
}

static void
add_sticky_note (TestDocument *doc,
                 guint         page_number,
                 double        x,
                 double        y_top,
                 const char   *author,
                 const char   *text)
{
  g_autoptr(TestPage) page = poppler_document_get_page (doc, (int) page_number - 1);
  PopplerRectangle rect = pdf_rect (page, x, y_top, 20);
  g_autoptr(TestAnnot) annot = poppler_annot_text_new (doc, &rect);

  poppler_annot_set_contents (annot, text);
  poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (annot), author);
  poppler_page_add_annot (page, annot);
}

/* Highlights the first three words of the region's first line of body
 * text (below its heading), and returns them as the page's text has them. */
static char *
add_highlight (TestDocument         *doc,
               const EvkDraftAnchor *region,
               const char           *author,
               const char           *text)
{
  g_autoptr(TestPage) page = poppler_document_get_page (doc, (int) region->page - 1);
  g_autofree char *region_text = page_text (doc, region->page, region->x0, region->y0, region->x1, region->y1);
  g_auto(GStrv) all_lines = g_strsplit (region_text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *phrase = NULL;
  g_autoptr(GArray) quads = g_array_new (FALSE, FALSE, sizeof (PopplerQuadrilateral));
  g_autoptr(TestAnnot) annot = NULL;
  PopplerRectangle bounds = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double width, height;
  GList *found;

  for (guint i = 0; all_lines[i] != NULL; i++)
    if (g_strstrip (all_lines[i])[0] != '\0')
      g_strv_builder_add (builder, all_lines[i]);
  lines = g_strv_builder_end (builder);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  words = g_strsplit (g_strstrip (lines[1]), " ", 4);
  g_assert_cmpuint (g_strv_length (words), >=, 3);
  phrase = g_strdup_printf ("%s %s %s", words[0], words[1], words[2]);
  poppler_page_get_size (page, &width, &height);

  /* find_text answers in PDF space (y up). */
  found = poppler_page_find_text (page, phrase);
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      double top = height - MAX (r->y1, r->y2);
      PopplerQuadrilateral q;

      if (top < region->y0 || top > region->y1 || quads->len > 0)
        continue;
      q.p1.x = r->x1, q.p1.y = MAX (r->y1, r->y2);
      q.p2.x = r->x2, q.p2.y = MAX (r->y1, r->y2);
      q.p3.x = r->x1, q.p3.y = MIN (r->y1, r->y2);
      q.p4.x = r->x2, q.p4.y = MIN (r->y1, r->y2);
      g_array_append_val (quads, q);
      bounds.x1 = r->x1, bounds.x2 = r->x2;
      bounds.y1 = MIN (r->y1, r->y2), bounds.y2 = MAX (r->y1, r->y2);
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  g_assert_cmpuint (quads->len, ==, 1);

  annot = poppler_annot_text_markup_new_highlight (doc, &bounds, quads);
  poppler_annot_set_contents (annot, text);
  poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (annot), author);
  poppler_page_add_annot (page, annot);
  return g_steal_pointer (&phrase);
}

static void
save_pdf (TestDocument *doc,
          const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);

  g_assert_true (poppler_document_save (doc, uri, &error));
  g_assert_no_error (error);
}

/* Replies to the annotations whose text or /NM is a PARENT, and the
 * notes of PARENT page:N or freetext:N:RECT, written with qpdf as Acrobat
 * writes them (tests/review/add-reply.py); notes holds PARENT, TEXT,
 * AUTHOR triplets and ends with NULL. */
static void
add_replies (const char         *in,
             const char         *out,
             const char * const *notes)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "review", "add-reply.py", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  int status;

  g_strv_builder_add_many (builder, "python3", script, in, out, NULL);
  g_strv_builder_addv (builder, (const char **) notes);
  argv = g_strv_builder_end (builder);

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("add-reply.py: %s", err);
}

static gboolean
have_qpdf (void)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *python = g_find_program_in_path ("python3");

  return qpdf != NULL && python != NULL;
}

static EvkComment *
find_body (GPtrArray  *comments,
           const char *body)
{
  for (guint i = 0; i < comments->len; i++)
    if (g_str_equal (((EvkComment *) g_ptr_array_index (comments, i))->body, body))
      return g_ptr_array_index (comments, i);
  g_error ("no comment “%s”", body);
  return NULL;
}

static PopplerAnnot *
find_annot (TestDocument *doc,
            const char   *name,
            guint        *page_number)
{
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
      GList *mapping = poppler_page_get_annot_mapping (page);
      PopplerAnnot *found = NULL;

      for (GList *l = mapping; l != NULL && found == NULL; l = l->next)
        {
          PopplerAnnot *annot = ((PopplerAnnotMapping *) l->data)->annot;
          g_autofree char *nm = poppler_annot_get_name (annot);

          if (g_strcmp0 (nm, name) == 0)
            found = g_object_ref (annot);
        }
      poppler_page_free_annot_mapping (mapping);
      if (found != NULL)
        {
          *page_number = (guint) p + 1;
          return found;
        }
    }
  return NULL;
}

static void
test_import (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL, *annotated = NULL, *replied = NULL, *phrase = NULL;
  g_autofree char *ola = NULL, *done = NULL, *origin = NULL, *again = NULL;
  g_autoptr(EvkDraftMap) map = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  EvkPdfImport result = { 0 };
  EvkStore *store;
  const EvkDraftAnchor *chart, *section;

  if (!have_qpdf ())
    {
      g_test_skip ("qpdf and python3 are needed to write replies (Debian: qpdf)");
      evk_test_rm_rf (dir);
      return;
    }
  project = make_demo (dir, "demo.evalkit");
  store = evk_project_get_store (project);

  /* A comment typed in the project, and a resolved one. */
  ola = evk_comment_add (store, "measure:3", NULL, "Ola", "Hva er status?", NULL, NULL, "2026-02-01T09:00:00Z",
                         NULL, &error);
  g_assert_no_error (error);
  done = evk_comment_add (store, "measure:4", NULL, "Ola", "Ferdig", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evk_comment_set_status (store, done, TRUE, &error));

  draft = render_draft (project, "nb", dir, "draft.pdf", NULL);
  map = draft_map (project, draft);
  origin = g_strdup_printf ("pdf:%s", map->doc_id);

  /* The open comment is on the draft, at its measure; the resolved one is
   * not. */
  {
    g_autoptr(TestDocument) doc = open_pdf (draft);
    g_autoptr(TestAnnot) note = NULL;
    g_autoptr(TestAnnot) resolved = NULL;
    g_autofree char *contents = NULL, *label = NULL;
    guint page = 0, other = 0;

    note = find_annot (doc, ola, &page);
    g_assert_nonnull (note);
    g_assert_cmpint (poppler_annot_get_annot_type (note), ==, POPPLER_ANNOT_TEXT);
    contents = poppler_annot_get_contents (note);
    label = poppler_annot_markup_get_label (POPPLER_ANNOT_MARKUP (note));
    g_assert_cmpstr (contents, ==, "Hva er status?");
    g_assert_cmpstr (label, ==, "Ola");
    g_assert_cmpuint (page, ==, evk_draft_map_first (map, "measure:3")->page);
    resolved = find_annot (doc, done, &other);
    g_assert_null (resolved);
  }

  /* A reviewer's notes: on a chart, a highlight in a section, one on the
   * title page (where nothing of the report is), then two replies. */
  chart = evk_draft_map_first (map, "chart:m1-awareness-4");
  section = evk_draft_map_first (map, "measure-section:1/purpose");
  g_assert_nonnull (chart);
  g_assert_nonnull (section);
  {
    g_autoptr(TestDocument) doc = open_pdf (draft);

    add_sticky_note (doc, chart->page, chart->x0 + 40, chart->y0 + 30, "Kari Nordmann", "Tallene for 2023 mangler");
    phrase = add_highlight (doc, section, "Kari Nordmann", "Uklart formål");
    add_sticky_note (doc, 1, 300, 400, "Per", "Tittelen er for lang");
    annotated = g_build_filename (dir, "annotated.pdf", NULL);
    save_pdf (doc, annotated);
  }
  replied = g_build_filename (dir, "replied.pdf", NULL);
  {
    /* Text typed onto the chart itself, in PDF space (y up from the
     * page's foot). */
    g_autofree char *typed = g_strdup_printf ("freetext:%u:%.1f,%.1f,%.1f,%.1f", chart->page,
                                              chart->x0 + 60, PAGE_HEIGHT - chart->y0 - 60,
                                              chart->x0 + 200, PAGE_HEIGHT - chart->y0 - 40);
    const char * const notes[] = {
      "Tallene for 2023 mangler", "Enig, se tabell 2", "Eva",
      ola, "Det er forsinket", "Eva",
      typed, "Bruk samme farger som figur 1", "Kari Nordmann",
      NULL,
    };

    add_replies (annotated, replied, notes);
  }

  g_assert_true (evk_pdf_comments_import (project, replied, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.doc_id, ==, map->doc_id);
  g_assert_cmpuint (result.n_imported, ==, 6);
  g_assert_cmpuint (result.n_known, ==, 1);          /* Ola's, shown on the draft */
  g_assert_cmpuint (result.n_without_place, ==, 1);
  g_assert_cmpuint (result.pages_without_place->len, ==, 1);
  g_assert_cmpuint (g_array_index (result.pages_without_place, guint, 0), ==, 1);
  evk_pdf_import_clear (&result);

  comments = evk_comments_list (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 8);
  {
    EvkComment *typed = find_body (comments, "Bruk samme farger som figur 1");
    EvkComment *on_chart = find_body (comments, "Tallene for 2023 mangler");
    EvkComment *highlight = find_body (comments, "Uklart formål");
    EvkComment *title = find_body (comments, "Tittelen er for lang");
    EvkComment *reply = find_body (comments, "Enig, se tabell 2");
    EvkComment *answer = find_body (comments, "Det er forsinket");
    g_autofree char *expected_quote = squeeze (phrase), *quote = squeeze (highlight->quote);

    g_assert_cmpstr (on_chart->place, ==, "chart:m1-awareness-4");
    g_assert_cmpstr (on_chart->author, ==, "Kari Nordmann");
    g_assert_cmpstr (on_chart->origin, ==, origin);
    g_assert_cmpstr (on_chart->quote, ==, "");
    g_assert_null (on_chart->parent_uuid);
    g_assert_true (g_uuid_string_is_valid (on_chart->uuid));

    g_assert_cmpstr (highlight->place, ==, "measure-section:1/purpose");
    g_assert_cmpstr (quote, ==, expected_quote);
    g_assert_cmpstr (highlight->quote, ==, phrase);

    g_assert_cmpstr (title->place, ==, "page:1");
    g_assert_cmpstr (title->author, ==, "Per");

    g_assert_cmpstr (reply->parent_uuid, ==, on_chart->uuid);
    g_assert_cmpstr (reply->place, ==, "chart:m1-awareness-4");
    g_assert_cmpstr (reply->author, ==, "Eva");
    g_assert_cmpstr (reply->created_at, ==, "2026-03-01T10:15:00Z");

    g_assert_cmpstr (answer->parent_uuid, ==, ola);
    g_assert_cmpstr (answer->place, ==, "measure:3");

    g_assert_cmpstr (typed->place, ==, "chart:m1-awareness-4");
    g_assert_cmpstr (typed->author, ==, "Kari Nordmann");
    g_assert_null (typed->parent_uuid);
  }

  /* The same file again adds nothing. */
  g_assert_true (evk_pdf_comments_import (project, replied, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_imported, ==, 0);
  g_assert_cmpuint (result.n_known, ==, 7);
  evk_pdf_import_clear (&result);
  g_assert_cmpuint (count_comments (project), ==, 8);

  /* A new draft shows them all; importing it adds none of them again. */
  again = render_draft (project, "nb", dir, "again.pdf", NULL);
  g_assert_true (evk_pdf_comments_import (project, again, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_imported, ==, 0);
  g_assert_cmpuint (result.n_known, ==, 7);
  evk_pdf_import_clear (&result);
  g_assert_cmpuint (count_comments (project), ==, 8);

  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* Files that are not a draft of this project: one message, nothing
 * added. */
static void
test_refused (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_demo (dir, "a.evalkit");
  g_autoptr(EvkProject) other = make_demo (dir, "b.evalkit");
  g_autoptr(GError) error = NULL;
  g_autofree char *final = g_build_filename (dir, "final.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *draft = NULL, *other_draft = NULL, *cut = NULL;
  g_autofree char *comment = NULL;
  EvkPdfImport result = { 0 };
  guint before;

  comment = evk_comment_add (evk_project_get_store (project), "project", NULL, "Ola", "Generelt", NULL, NULL,
                             NULL, NULL, &error);
  g_assert_no_error (error);
  before = count_comments (project);

  /* A finished report. */
  g_assert_true (evk_report_render_pdf (project, "nb", final, &error));
  g_assert_false (evk_pdf_comments_import (project, final, &result, &error));
  g_assert_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_NOT_A_DRAFT);
  g_assert_true (g_str_has_prefix (error->message, final));
  g_assert_nonnull (strstr (error->message, "--draft"));
  g_clear_error (&error);

  /* Another project's draft. */
  other_draft = render_draft (other, "nb", dir, "other.pdf", NULL);
  g_assert_false (evk_pdf_comments_import (project, other_draft, &result, &error));
  g_assert_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_OTHER_PROJECT);
  g_assert_nonnull (strstr (error->message, "another project"));
  g_clear_error (&error);

  /* Not a PDF. */
  g_assert_true (g_file_set_contents (text, "%PDF-1.4\nnot really\n", -1, NULL));
  g_assert_false (evk_pdf_comments_import (project, text, &result, &error));
  g_assert_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, text));
  g_clear_error (&error);
  g_assert_false (evk_pdf_comments_import (project, "/nonexistent/x.pdf", &result, &error));
  g_assert_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_UNREADABLE);
  g_clear_error (&error);
  g_assert_cmpuint (count_comments (project), ==, before);

  /* A draft without annotations of its reviewers: nothing to import (its
   * one note is the project's own). */
  draft = render_draft (project, "nb", dir, "draft.pdf", NULL);
  g_assert_true (evk_pdf_comments_import (project, draft, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_imported, ==, 0);
  g_assert_cmpuint (result.n_known, ==, 1);
  evk_pdf_import_clear (&result);
  g_assert_cmpuint (count_comments (other), ==, 0);
  {
    g_autofree char *empty = render_draft (other, "nb", dir, "empty.pdf", NULL);

    g_assert_true (evk_pdf_comments_import (other, empty, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_annotations, ==, 0);
    g_assert_cmpuint (result.n_imported, ==, 0);
    evk_pdf_import_clear (&result);
  }

  /* Pages taken out since: the notes could not be placed. */
  if (have_qpdf ())
    {
      const char *argv[] = { "qpdf", draft, "--pages", draft, "1-3", "--", "cut.pdf", NULL };
      int status;

      cut = g_build_filename (dir, "cut.pdf", NULL);
      argv[6] = cut;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_false (evk_pdf_comments_import (project, cut, &result, &error));
      g_assert_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_PAGES);
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_comments (project), ==, before);

  g_clear_object (&project);
  g_clear_object (&other);
  evk_test_rm_rf (dir);
}

/* The reader of objects: replies in plain objects and in compressed
 * object streams, the latest revision winning, and the draft's ids. */
static GBytes *
deflate (const char *text)
{
  g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9));
  g_autoptr(GInputStream) base = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (base, zlib);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_scan (void)
{
  const char *objects = "5 0 << /Type /Annot /Subtype /Text /Rect [10 20 30 40] /Contents (Svar \\(2\\)) /IRT 4 0 R >>";
  g_autoptr(GBytes) packed = deflate (objects);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.7\n");
  g_autoptr(EvkPdfScan) scan = NULL;
  gsize packed_size;
  const char *packed_data = g_bytes_get_data (packed, &packed_size);
  EvkPdfReply *reply;
  double rect[4] = { 100, 200, 120, 220 };
  double reply_rect[4] = { 30, 40, 10, 20 };

  g_string_append (pdf, "1 0 obj\n<< /Title (x) /EvalkitDocId (old) >>\nendobj\n");
  g_string_append (pdf, "3 0 obj\n<< /Type /Annot /Subtype /Text /Rect [1 1 2 2] /NM (gone) >>\nendobj\n");
  g_string_append (pdf, "4 0 obj\n<< /Type /Annot /Subtype /Highlight /Rect [100 200 120 220] "
                        "/Contents <FEFF00C6007200E6> /T (Kari) /P 9 0 R /QuadPoints [1 2 3 4 5 6 7 8] >>\nendobj\n");
  /* A stream whose data holds "obj" and ">>" is skipped by its length. */
  g_string_append (pdf, "6 0 obj\n<< /Length 21 >>\nstream\n7 0 obj << /IRT 3 0 R\nendstream\nendobj\n");
  g_string_append_printf (pdf, "8 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %"
                          G_GSIZE_FORMAT " >>\nstream\n", packed_size);
  g_string_append_len (pdf, packed_data, packed_size);
  g_string_append (pdf, "\nendstream\nendobj\n");
  /* A later revision of the Info dictionary. */
  g_string_append (pdf, "1 0 obj\n<< /Title (x) /EvalkitDocId (5d0a4f43-3f8a-4b0c-9d53-2c8a4e1f3a11)"
                        " /EvalkitProjectId <FEFF0070> >>\nendobj\n%%EOF\n");

  scan = evk_pdf_scan ((const guint8 *) pdf->str, pdf->len);
  g_assert_cmpstr (scan->doc_id, ==, "5d0a4f43-3f8a-4b0c-9d53-2c8a4e1f3a11");
  g_assert_cmpstr (scan->project_id, ==, "p");
  g_assert_cmpuint (scan->replies->len, ==, 1);
  reply = &g_array_index (scan->replies, EvkPdfReply, 0);
  g_assert_cmpstr (reply->reply.contents, ==, "Svar (2)");
  g_assert_cmpstr (reply->parent.contents, ==, "Æræ");
  g_assert_true (evk_pdf_annot_key_matches (&reply->parent, NULL, rect, "Æræ", TRUE));
  g_assert_false (evk_pdf_annot_key_matches (&reply->parent, NULL, rect, "other", TRUE));
  g_assert_true (evk_pdf_annot_key_matches (&reply->reply, NULL, reply_rect, NULL, FALSE));
  g_clear_pointer (&scan, evk_pdf_scan_free);

  /* Cut anywhere, it reads what it can and never fails. */
  for (gsize n = 0; n < pdf->len; n += 7)
    {
      scan = evk_pdf_scan ((const guint8 *) pdf->str, n);
      g_clear_pointer (&scan, evk_pdf_scan_free);
    }
}

/* Inputs that once crashed the import (tests/data/malformed): imported
 * into a project that knows the draft they claim to be, as the fuzz target
 * does, with warnings fatal. */
static void
test_malformed (void)
{
  static const char * const names[] = { "empty-object-stream.pdf", "unknown-annotation-type.pdf" };
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_demo (dir, "demo.evalkit");
  g_autoptr(GArray) anchors = evk_draft_anchors_new ();
  g_autoptr(EvkDraftMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_id = evk_project_id (evk_project_get_store (project), &error);
  EvkDraftAnchor anchor = { 1, 82, 84, 513, 700, g_strdup ("measure:1"), g_strdup ("") };

  g_array_append_val (anchors, anchor);
  map = evk_draft_map_new ("f022f022-0000-4000-8000-000000000001", project_id, "nb", 2, anchors);
  g_assert_true (evk_draft_map_store (evk_project_get_store (project), map, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "malformed", "pdf-comments", names[i],
                                                     NULL);
      g_autoptr(GBytes) bytes = evk_test_read (path);
      g_autoptr(EvkPdfScan) scan = evk_pdf_scan (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      EvkPdfImport result = { 0 };
      guint before = count_comments (project);

      if (evk_pdf_comments_import (project, path, &result, &error))
        g_assert_cmpuint (count_comments (project), ==, before + result.n_imported);
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpuint (count_comments (project), ==, before);
          g_clear_error (&error);
        }
      evk_pdf_import_clear (&result);
    }
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/pdf-comments/find", test_find);
  g_test_add_func ("/evk/pdf-comments/scan", test_scan);
  g_test_add_func ("/evk/pdf-comments/draft-map-demo", test_draft_map_demo);
  g_test_add_func ("/evk/pdf-comments/draft-map-example", test_draft_map_example);
  g_test_add_func ("/evk/pdf-comments/import", test_import);
  g_test_add_func ("/evk/pdf-comments/refused", test_refused);
  g_test_add_func ("/evk/pdf-comments/malformed", test_malformed);
  return g_test_run ();
}
