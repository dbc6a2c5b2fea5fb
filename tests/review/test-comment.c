/* test-comment.c: reviewers' comments on places of a project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-charts.h"
#include "evk-comment.h"
#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  EvkProject *project;
  EvkStore   *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *strategy = evk_test_demo_strategy ();
  g_autoptr(GPtrArray) charts = NULL;

  f->dir = evk_test_tmpdir ();
  path = g_build_filename (f->dir, "p.evalkit", NULL);
  f->project = evk_project_create_from_strategy (path, strategy, &error);
  g_assert_no_error (error);
  f->store = evk_project_get_store (f->project);
  /* The default charts: "status" among them. */
  charts = evk_project_list_charts (f->project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evk_project_find_chart (charts, "status"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
  evk_test_rm_rf (f->dir);
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

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *project_id = NULL;
  EvkComment *c;

  uuid = evk_comment_add (f->store, "measure:20", NULL, "Kari", "Hvor kommer tallet fra?", NULL, NULL, NULL,
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_true (evk_comment_exists (f->store, uuid));
  g_assert_false (evk_comment_exists (f->store, "no-such-comment"));

  comments = evk_comments_list (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  c = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (c->uuid, ==, uuid);
  g_assert_null (c->parent_uuid);
  g_assert_cmpstr (c->place, ==, "measure:20");
  g_assert_true (g_str_has_prefix (c->place_name, "Measure 20: "));
  g_assert_cmpstr (c->author, ==, "Kari");
  g_assert_cmpstr (c->body, ==, "Hvor kommer tallet fra?");
  g_assert_cmpstr (c->quote, ==, "");
  g_assert_cmpstr (c->status, ==, "open");
  g_assert_null (c->resolved_at);
  g_assert_cmpstr (c->origin, ==, "");
  /* ISO 8601 in UTC, to the second. */
  g_assert_cmpuint (strlen (c->created_at), ==, strlen ("2026-01-01T00:00:00Z"));
  g_assert_true (g_str_has_suffix (c->created_at, "Z"));

  /* Given time, id, quote and origin are kept; the time in UTC. */
  g_free (uuid);
  uuid = evk_comment_add (f->store, "goal:2", NULL, "Ola", "Se avsnittet", "sivilsamfunnets innsats",
                          "pdf:abc", "2025-03-04T10:00:00+01:00", "my-own-id", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid, ==, "my-own-id");
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = evk_comments_list (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  /* Oldest first. */
  c = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (c->uuid, ==, "my-own-id");
  g_assert_cmpstr (c->created_at, ==, "2025-03-04T09:00:00Z");
  g_assert_cmpstr (c->quote, ==, "sivilsamfunnets innsats");
  g_assert_cmpstr (c->origin, ==, "pdf:abc");
  g_assert_cmpstr (c->place_name, ==, "Goal 2: Løfte og støtte sivilsamfunnets innsats for integrering");

  /* A taken id is refused. */
  g_assert_null (evk_comment_add (f->store, "project", NULL, "Ola", "igjen", NULL, NULL, NULL, "my-own-id",
                                  &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  /* So is a comment with no text, or a time that is not one. */
  g_assert_null (evk_comment_add (f->store, "project", NULL, "Ola", "", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (evk_comment_add (f->store, "project", NULL, "Ola", "x", NULL, NULL, "yesterday", NULL, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "yesterday"));
  g_clear_error (&error);

  /* The project has a stable id, made by the migration. */
  project_id = evk_project_id (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (project_id));
  {
    g_autofree char *again = evk_project_id (f->store, &error);
    g_assert_cmpstr (again, ==, project_id);
  }
  g_assert_false (evk_store_is_review_copy (f->store, NULL));
  g_assert_false (evk_project_is_review_copy (f->project, NULL));
}

static void
test_reply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *top = NULL, *reply = NULL;
  EvkComment *c;

  top = evk_comment_add (f->store, "chart:status", NULL, "Kari", "Fargene?", NULL, NULL,
                         "2026-02-01T12:00:00Z", NULL, &error);
  g_assert_no_error (error);
  /* A reviewer's clock behind: the reply still follows its comment. */
  reply = evk_comment_add (f->store, NULL, top, "Ola", "Enig.", NULL, NULL, "2026-01-01T12:00:00Z", NULL, &error);
  g_assert_no_error (error);

  comments = evk_comments_list (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 0))->uuid, ==, top);
  c = g_ptr_array_index (comments, 1);
  g_assert_cmpstr (c->uuid, ==, reply);
  g_assert_cmpstr (c->parent_uuid, ==, top);
  /* A reply is on its comment's place. */
  g_assert_cmpstr (c->place, ==, "chart:status");
  g_assert_true (g_str_has_prefix (c->place_name, "Chart: "));

  /* … and on no other. */
  g_assert_null (evk_comment_add (f->store, "project", top, "Ola", "x", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *same_place = evk_comment_add (f->store, "chart:status", top, "Ola", "Også.", NULL, NULL, NULL,
                                                   NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (same_place);
  }
}

static void
test_resolve (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *first_resolved_at = NULL;
  EvkComment *c;

  a = evk_comment_add (f->store, "project", NULL, "Kari", "En", NULL, NULL, NULL, NULL, &error);
  b = evk_comment_add (f->store, "measure:1", NULL, "Kari", "To", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* By uuid … */
  g_assert_true (evk_comment_set_status (f->store, a, TRUE, &error));
  g_assert_no_error (error);
  all = evk_comments_list (f->store, FALSE, &error);
  c = find (all, a);
  g_assert_cmpstr (c->status, ==, "resolved");
  g_assert_nonnull (c->resolved_at);
  first_resolved_at = g_strdup (c->resolved_at);
  g_assert_cmpstr (find (all, b)->status, ==, "open");
  open = evk_comments_list (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (open, 0))->uuid, ==, b);

  /* … resolving again keeps the first time; by its row id and by a
   * prefix of its uuid. */
  g_assert_true (evk_comment_set_status (f->store, "1", TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = evk_comments_list (f->store, FALSE, &error);
  g_assert_cmpstr (find (all, a)->resolved_at, ==, first_resolved_at);
  prefix = g_strndup (b, 8);
  g_assert_true (evk_comment_set_status (f->store, prefix, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = evk_comments_list (f->store, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 0);

  /* An unknown id is an error naming it, and changes nothing. */
  g_assert_false (evk_comment_set_status (f->store, "nope", FALSE, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“nope”"));
  g_clear_error (&error);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *a = NULL;
  EvkComment *c;

  a = evk_comment_add (f->store, "project", NULL, "Kari", "En", NULL, NULL, NULL, NULL, &error);
  g_assert_true (evk_comment_set_status (f->store, a, TRUE, &error));
  g_assert_true (evk_comment_set_status (f->store, a, FALSE, &error));
  g_assert_no_error (error);
  all = evk_comments_list (f->store, FALSE, &error);
  c = find (all, a);
  g_assert_cmpstr (c->status, ==, "open");
  g_assert_null (c->resolved_at);
}

static void
test_bad_place (Fixture       *f,
                gconstpointer  data)
{
  static const char * const bad[] = {
    "", "projects", "chart", "chart:", "chart:a b", "measure:x", "measure:0", "measure:-3", "page:",
    "section:intro", "section:/x", "section:a/", "measure-section:x/results", "wish:1", "project:x",
    "goal:\n1",
  };
  static const char * const good[][3] = {
    { "project", "project", NULL },
    { "goal:2", "goal", "2" },
    { "measure:20", "measure", "20" },
    { "chart:m20-awareness-7", "chart", "m20-awareness-7" },
    { "figure:fig-1", "figure", "fig-1" },
    { "part:intro", "part", "intro" },
    { "section:intro/background", "section", "intro/background" },
    { "measure-section:20/results", "measure-section", "20/results" },
    { "page:12", "page", "12" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (evk_place_parse (bad[i], NULL, NULL, &error));
      g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "is not a place"));
      g_clear_error (&error);
      g_assert_null (evk_comment_add (f->store, bad[i], NULL, "Kari", "x", NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *kind = NULL, *key = NULL;

      g_assert_true (evk_place_parse (good[i][0], &kind, &key, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (kind, ==, good[i][1]);
      g_assert_cmpstr (key, ==, good[i][2]);
    }

  /* Well formed, but not in this project: a comment typed here is
   * refused; one merged or imported is kept on it. */
  g_assert_null (evk_comment_add (f->store, "measure:99", NULL, "Kari", "x", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "measure:99"));
  g_clear_error (&error);
  g_assert_null (evk_place_name (f->store, "chart:nope", "en"));
  g_assert_null (evk_place_name (f->store, "measure-section:20/nope", "en"));
  {
    g_autofree char *uuid = evk_comment_add (f->store, "chart:gone", NULL, "Kari", "x", NULL, "copy:1", NULL,
                                             NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (uuid);
  }

  all = evk_comments_list (f->store, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (all, 0))->place_name, ==, "chart:gone");

  /* Names in either language. */
  {
    g_autofree char *nb = evk_place_name (f->store, "measure-section:20/results", "nb");
    g_autofree char *en = evk_place_name (f->store, "measure-section:20/results", "en");
    g_autofree char *page = evk_place_name (f->store, "page:3", "en");

    g_assert_cmpstr (nb, ==, "Measure 20 · Resultater og erfaringer");
    g_assert_cmpstr (en, ==, "Measure 20 · Results and experiences");
    g_assert_cmpstr (page, ==, "Page 3");
  }
}

static void
test_unknown_parent (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_null (evk_comment_add (f->store, "project", "no-such-parent", "Kari", "x", NULL, NULL, NULL, NULL,
                                  &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no-such-parent"));
  g_clear_error (&error);
  all = evk_comments_list (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

/* A comment outlives its place, with the name the place had. */
static void
test_deleted_place (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reply = NULL;

  name = evk_place_name (f->store, "chart:status", "nb");
  g_assert_nonnull (name);
  g_assert_true (g_str_has_prefix (name, "Chart: "));
  uuid = evk_comment_add (f->store, "chart:status", NULL, "Kari", "Stemmer tallene?", NULL, NULL, NULL, NULL,
                          &error);
  g_assert_no_error (error);

  g_assert_true (evk_project_remove_chart (f->project, "status", &error));
  g_assert_no_error (error);
  g_assert_null (evk_place_name (f->store, "chart:status", "nb"));

  /* A reply to it is still possible, on the same place and name. */
  reply = evk_comment_add (f->store, NULL, uuid, "Ola", "Ja.", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  all = evk_comments_list (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (find (all, uuid)->place, ==, "chart:status");
  g_assert_cmpstr (find (all, uuid)->place_name, ==, name);
  g_assert_cmpstr (find (all, reply)->place_name, ==, name);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/comment/add", test_add);
  ADD ("/evk/comment/reply", test_reply);
  ADD ("/evk/comment/resolve", test_resolve);
  ADD ("/evk/comment/reopen", test_reopen);
  ADD ("/evk/comment/bad-place", test_bad_place);
  ADD ("/evk/comment/unknown-parent", test_unknown_parent);
  ADD ("/evk/comment/deleted-place", test_deleted_place);
#undef ADD

  return g_test_run ();
}
