/* test-review-merge.c: the comments of review copies brought home
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "evk-charts.h"
#include "evk-comment.h"
#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-review-copy.h"
#include "evk-review-merge.h"
#include "evk-test-util.h"

/* Projects made from the demo strategy alone: no survey, so a copy is
 * quick to make, and the places are the same. */
typedef struct {
  char       *dir;
  char       *home_path;
  char       *copy_path;
  EvkProject *home;
} Fixture;

static EvkProject *
project_from_strategy (const char *path)
{
  g_autofree char *strategy = evk_test_demo_strategy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_create_from_strategy (path, strategy, &error);
  g_autoptr(GPtrArray) charts = NULL;

  g_assert_no_error (error);
  charts = evk_project_list_charts (project, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = evk_test_tmpdir ();
  f->home_path = g_build_filename (f->dir, "home.evalkit", NULL);
  f->copy_path = g_build_filename (f->dir, "copy.evalkit", NULL);
  f->home = project_from_strategy (f->home_path);
  g_assert_true (evk_review_copy_write (evk_project_get_store (f->home), f->copy_path, "Kari", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->home);
  evk_test_rm_rf (f->dir);
  g_free (f->home_path);
  g_free (f->copy_path);
  g_free (f->dir);
}

static EvkComment *
find (GPtrArray  *comments,
      const char *uuid)
{
  for (guint i = 0; i < comments->len; i++)
    if (g_str_equal (((EvkComment *) g_ptr_array_index (comments, i))->uuid, uuid))
      return g_ptr_array_index (comments, i);
  return NULL;
}

static char *
checksum (const char *path)
{
  g_autoptr(GBytes) bytes = evk_test_read (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) copy = evk_project_open (f->copy_path, &error);
  EvkStore *store = evk_project_get_store (copy);
  EvkStore *home = evk_project_get_store (f->home);
  g_autofree char *top = NULL, *reply = NULL, *imported = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint n_added = 99;

  g_assert_no_error (error);
  top = evk_comment_add (store, "chart:status", NULL, NULL, "Fargene?", NULL, NULL, NULL, NULL, &error);
  reply = evk_comment_add (store, NULL, top, "Ola", "Enig.", NULL, NULL, NULL, NULL, &error);
  imported = evk_comment_add (store, "page:3", NULL, "Per", "Fra PDF", "sitat", "pdf:doc-1", NULL, NULL, &error);
  g_assert_no_error (error);
  name = evk_place_name (store, "chart:status", "nb");
  g_clear_object (&copy);

  /* The chart is deleted at home before the merge: the comment keeps the
   * name it was written on. */
  g_assert_true (evk_project_remove_chart (f->home, "status", &error));
  g_assert_no_error (error);

  before = checksum (f->copy_path);
  g_assert_true (evk_review_merge (home, f->copy_path, &n_added, &error));
  g_assert_no_error (error);
  after = checksum (f->copy_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_added, ==, 3);

  merged = evk_comments_list (home, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merged->len, ==, 3);
  g_assert_cmpstr (find (merged, top)->author, ==, "Kari");   /* the copy's reviewer */
  g_assert_cmpstr (find (merged, top)->place_name, ==, name);
  g_assert_true (g_str_has_prefix (find (merged, top)->origin, "copy:"));
  g_assert_cmpstr (find (merged, reply)->parent_uuid, ==, top);
  g_assert_cmpstr (find (merged, reply)->origin, ==, find (merged, top)->origin);
  g_assert_cmpstr (find (merged, imported)->origin, ==, "pdf:doc-1");
  g_assert_cmpstr (find (merged, imported)->quote, ==, "sitat");

  /* Again: nothing new, and home's resolution stands. */
  g_assert_true (evk_comment_set_status (home, top, TRUE, &error));
  g_assert_true (evk_review_merge (home, f->copy_path, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  again = evk_comments_list (home, FALSE, &error);
  g_assert_cmpuint (again->len, ==, 3);
  g_assert_cmpstr (find (again, top)->status, ==, "resolved");
}

static void
assert_refused (EvkStore   *home,
                const char *home_path,
                const char *copy_path,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum (home_path);
  g_autofree char *after = NULL;
  g_autofree char *copy_before = checksum (copy_path);
  g_autofree char *copy_after = NULL;
  g_autofree char *base = g_path_get_basename (copy_path);
  guint n_added = 99;

  g_assert_false (evk_review_merge (home, copy_path, &n_added, &error));
  g_assert_nonnull (error);
  /* One message, naming the file. */
  if (strstr (error->message, base) == NULL || strstr (error->message, message) == NULL)
    g_error ("“%s” does not name %s and say “%s”", error->message, base, message);
  after = checksum (home_path);
  copy_after = checksum (copy_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (copy_before, ==, copy_after);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EvkStore *home = evk_project_get_store (f->home);
  g_autofree char *other_path = g_build_filename (f->dir, "other.evalkit", NULL);
  g_autofree char *stranger = g_build_filename (f->dir, "stranger.evalkit", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.evalkit", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.evalkit", NULL);
  g_autofree char *busy = g_build_filename (f->dir, "busy.evalkit", NULL);
  g_autofree char *busy_journal = g_build_filename (f->dir, "busy.evalkit-journal", NULL);
  g_autofree char *text = g_build_filename (f->dir, "text.evalkit", NULL);
  g_autoptr(EvkProject) other = project_from_strategy (other_path);
  g_autoptr(GBytes) copy_bytes = evk_test_read (f->copy_path);
  g_autofree char *comment = NULL;

  /* Something to merge, so that a refusal that merged would show. */
  {
    g_autoptr(EvkProject) copy = evk_project_open (f->copy_path, &error);

    comment = evk_comment_add (evk_project_get_store (copy), "project", NULL, NULL, "x", NULL, NULL, NULL, NULL,
                               &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&copy_bytes, g_bytes_unref);
  copy_bytes = evk_test_read (f->copy_path);

  g_assert_true (evk_review_copy_write (evk_project_get_store (other), stranger, NULL, &error));
  g_assert_no_error (error);
  assert_refused (home, f->home_path, other_path, "not a review copy");
  assert_refused (home, f->home_path, stranger, "a review copy of another project");

  g_assert_true (g_file_set_contents (text, "Tiltak;Status\n1;Gjennomført\n", -1, NULL));
  assert_refused (home, f->home_path, text, "not an Evalkit project");

  g_assert_true (g_file_set_contents (cut, g_bytes_get_data (copy_bytes, NULL), 20000, NULL));
  assert_refused (home, f->home_path, cut, "damaged");

  {
    sqlite3 *db = NULL;

    g_assert_true (g_file_set_contents (newer, g_bytes_get_data (copy_bytes, NULL), g_bytes_get_size (copy_bytes),
                                        NULL));
    g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    assert_refused (home, f->home_path, newer, "newer version of Evalkit");
  }

  g_assert_true (g_file_set_contents (busy, g_bytes_get_data (copy_bytes, NULL), g_bytes_get_size (copy_bytes), NULL));
  g_assert_true (g_file_set_contents (busy_journal, "", 0, NULL));
  assert_refused (home, f->home_path, busy, "still being written");

  /* All or nothing: a good copy with a bad one merges neither. */
  {
    const char *paths[] = { f->copy_path, stranger, NULL };
    g_autoptr(GPtrArray) comments = NULL;

    g_assert_false (evk_review_merge_all (home, paths, NULL, &error));
    g_assert_nonnull (strstr (error->message, "stranger.evalkit"));
    g_clear_error (&error);
    comments = evk_comments_list (home, FALSE, &error);
    g_assert_cmpuint (comments->len, ==, 0);
  }

  /* A copy is not a home. */
  {
    g_autoptr(EvkProject) copy = evk_project_open (f->copy_path, &error);
    guint n_added;

    g_assert_false (evk_review_merge (evk_project_get_store (copy), stranger, &n_added, &error));
    g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/review-merge/merge", test_merge);
  ADD ("/evk/review-merge/refused", test_refused);
#undef ADD

  return g_test_run ();
}
