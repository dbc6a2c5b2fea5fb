/* fuzz-pdf-comments.c: a draft PDF's annotations, imported as comments
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a PDF a reviewer sent back, imported into a copy of the
 * small demo project. That project knows one draft, with the id the seed
 * corpus carries (make-pdf-comments-seeds.py) and two pages of places, so
 * that mutated seeds get past the check of the draft's id and reach the
 * reading of annotations, replies and quotes. The import either refuses
 * the file with an error and leaves the comments as they were, or adds
 * exactly the comments it counts; a second import of the same file adds
 * none. The reader of replies (evk_pdf_scan) gets every input first.
 */
#include "config.h"

#include "evk-comment.h"
#include "evk-draft-map.h"
#include "evk-pdf-comments.h"
#include "evk-pdf-scan.h"
#include "evk-project.h"
#include "evk-store-review.h"
#include "evk-store.h"
#include "fuzz-common.h"

#define DOC_ID "f022f022-0000-4000-8000-000000000001"

static EvkProject *project;

static guint
count_comments (void)
{
  g_autoptr(GPtrArray) comments = evk_comments_list (evk_project_get_store (project), FALSE, NULL);

  g_assert_nonnull (comments);
  return comments->len;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const struct {
    guint       page;
    double      y0, y1;
    const char *place;
  } regions[] = {
    { 1, 84, 400, "measure:1" },
    { 1, 100, 180, "measure-section:1/purpose" },
    { 1, 200, 300, "chart:status" },
    { 2, 84, 700, "section:intro/text" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *project_id = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(EvkDraftMap) map = NULL;

  evk_fuzz_init ();
  path = evk_fuzz_copy_project ("pdf-comments.evalkit");
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  project_id = evk_project_id (evk_project_get_store (project), &error);
  g_assert_no_error (error);
  anchors = evk_draft_anchors_new ();
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      EvkDraftAnchor anchor = { regions[i].page, 82, regions[i].y0, 513, regions[i].y1,
                                g_strdup (regions[i].place), g_strdup ("") };

      g_array_append_val (anchors, anchor);
    }
  map = evk_draft_map_new (DOC_ID, project_id, "nb", 2, anchors);
  g_assert_true (evk_draft_map_store (evk_project_get_store (project), map, &error));
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = evk_fuzz_write ("draft.pdf", data, size);
  g_autoptr(EvkPdfScan) scan = evk_pdf_scan (data, size);
  g_autoptr(GError) error = NULL;
  EvkPdfImport result = { 0 };
  guint before = count_comments ();

  for (guint i = 0; i < scan->replies->len; i++)
    {
      EvkPdfReply *reply = &g_array_index (scan->replies, EvkPdfReply, i);

      g_assert_true (reply->reply.nm == NULL || g_utf8_validate (reply->reply.nm, -1, NULL));
      g_assert_true (reply->parent.contents == NULL || g_utf8_validate (reply->parent.contents, -1, NULL));
    }

  if (!evk_pdf_comments_import (project, path, &result, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (count_comments (), ==, before);
      evk_pdf_import_clear (&result);
      return 0;
    }
  g_assert_cmpuint (count_comments (), ==, before + result.n_imported);
  g_assert_cmpuint (result.n_without_place, <=, result.n_imported);
  g_assert_cmpuint (result.n_imported + result.n_known, <=, result.n_annotations);
  evk_pdf_import_clear (&result);

  /* What was imported is known: a second import adds nothing. */
  g_assert_true (evk_pdf_comments_import (project, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_imported, ==, 0);
  evk_pdf_import_clear (&result);

  /* The next input starts from no comments, so the project stays small. */
  g_assert_true (evk_store_exec (evk_project_get_store (project), "DELETE FROM comment", &error));
  g_assert_no_error (error);
  return 0;
}
