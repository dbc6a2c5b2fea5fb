/* test-project.c: an open project: what the window and the report ask of it
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-store.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  EvkProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *strategy = evk_test_demo_strategy ();

  f->dir = evk_test_tmpdir ();
  path = g_build_filename (f->dir, "p.evalkit", NULL);
  f->project = evk_project_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_import_strategy (f->project, strategy, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) langs = evk_project_get_languages (f->project, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (langs), ==, 2);
  g_assert_cmpstr (langs[0], ==, "nb");      /* the source language first */
  g_assert_cmpstr (langs[1], ==, "en");
}

static void
test_measure_texts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GHashTable) other = NULL;

  texts = evk_project_get_measure_texts (f->project, 20, "section:purpose", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (texts), ==, 0);
  g_assert_cmpint (evk_project_get_measure_text_state (f->project, 20, "section:purpose", "en", &error), ==,
                   EVK_TEXT_MISSING);
  g_assert_no_error (error);

  g_assert_true (evk_project_set_measure_text (f->project, 20, "section:purpose", "nb", "Formål.", NULL, &error));
  g_assert_cmpint (evk_project_get_measure_text_state (f->project, 20, "section:purpose", "nb", &error), ==,
                   EVK_TEXT_CURRENT);
  g_assert_cmpint (evk_project_get_measure_text_state (f->project, 20, "section:purpose", "en", &error), ==,
                   EVK_TEXT_MISSING);
  g_assert_true (evk_project_set_measure_text (f->project, 20, "section:purpose", "en", "Purpose.", NULL, &error));
  g_assert_cmpint (evk_project_get_measure_text_state (f->project, 20, "section:purpose", "en", &error), ==,
                   EVK_TEXT_CURRENT);
  /* A new source makes the translation outdated. */
  g_assert_true (evk_project_set_measure_text (f->project, 20, "section:purpose", "nb", "Nytt formål.", NULL, &error));
  g_assert_cmpint (evk_project_get_measure_text_state (f->project, 20, "section:purpose", "en", &error), ==,
                   EVK_TEXT_OUTDATED);
  g_assert_no_error (error);

  g_clear_pointer (&texts, g_hash_table_unref);
  texts = evk_project_get_measure_texts (f->project, 20, "section:purpose", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (texts), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (texts, "nb"), ==, "Nytt formål.");
  g_assert_cmpstr (g_hash_table_lookup (texts, "en"), ==, "Purpose.");
  /* Another measure's texts are its own. */
  other = evk_project_get_measure_texts (f->project, 21, "section:purpose", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (other), ==, 0);
}

static void
test_no_such_measure (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) texts = evk_project_get_measure_texts (f->project, 999, "section:purpose", &error);

  g_assert_null (texts);
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (evk_project_get_measure_text_state (f->project, 999, "section:purpose", "en", &error), ==,
                   EVK_TEXT_MISSING);
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
}

static void
test_meta (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unset = evk_project_get_meta (f->project, "report.Nothing", &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_null (unset);
  g_assert_true (evk_store_exec (evk_project_get_store (f->project),
                                 "INSERT INTO project_meta (key, value) VALUES ('report.Test', 'a;b')", &error));
  value = evk_project_get_meta (f->project, "report.Test", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "a;b");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/project/languages", test_languages);
  ADD ("/evk/project/measure-texts", test_measure_texts);
  ADD ("/evk/project/no-such-measure", test_no_such_measure);
  ADD ("/evk/project/meta", test_meta);
#undef ADD
  return g_test_run ();
}
