/* test-strategy.c: the strategy model, its key file and the demo strategy
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "evk-demo.h"
#include "evk-charts.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-store-texts.h"
#include "evk-strategy-keyfile.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  char       *path;
  EvkProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = evk_test_demo_strategy ();

  f->dir = evk_test_tmpdir ();
  f->path = g_build_filename (f->dir, "p.evalkit", NULL);
  f->project = evk_project_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_import_strategy (f->project, demo, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
export_text (EvkProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (project, &error);
  g_autoptr(GKeyFile) key_file = NULL;

  g_assert_no_error (error);
  key_file = evk_strategy_to_key_file (strategy);
  return g_key_file_to_data (key_file, NULL, NULL);
}

static guint
count_status (EvkStrategy *strategy,
              const char  *goal,
              const char  *status)
{
  guint n = 0;

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *m = g_ptr_array_index (strategy->measures, i);
      if (g_str_equal (m->goal, goal) && g_strcmp0 (m->status, status) == 0)
        n++;
    }
  return n;
}

/* reference-figures.md, "Measure status"; seed ch. 2.2 and 2.3. */
static void
test_demo_figures (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) s = evk_project_load_strategy (f->project, &error);
  static const struct {
    const char *goal;
    guint completed, partly, not_completed;
  } expected[] = {
    { "1", 5, 0, 0 },
    { "2", 1, 3, 3 },
    { "3", 9, 2, 1 },
    { "4", 2, 0, 0 },
  };
  static const struct {
    EvkVocab    vocab;
    const char *key;
    guint       count;
  } uses[] = {
    { EVK_VOCAB_TYPE, "competence", 10 },
    { EVK_VOCAB_TYPE, "collaboration", 8 },
    { EVK_VOCAB_TYPE, "research", 7 },
    { EVK_VOCAB_TYPE, "conference", 2 },
    { EVK_VOCAB_TYPE, "economic", 1 },
    { EVK_VOCAB_TARGET, "civil-society", 13 },
    { EVK_VOCAB_TARGET, "government", 8 },
    { EVK_VOCAB_TARGET, "municipalities", 2 },
    { EVK_VOCAB_TARGET, "end-users", 2 },
    { EVK_VOCAB_TARGET, "nav-counsellors", 1 },
    { EVK_VOCAB_TARGET, "field", 2 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (s->goals->len, ==, 4);
  g_assert_cmpuint (s->measures->len, ==, 26);
  g_assert_cmpstr (s->languages[0], ==, "nb");
  g_assert_cmpstr (s->languages[1], ==, "en");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (count_status (s, expected[i].goal, "completed"), ==, expected[i].completed);
      g_assert_cmpuint (count_status (s, expected[i].goal, "partly-completed"), ==, expected[i].partly);
      g_assert_cmpuint (count_status (s, expected[i].goal, "not-completed"), ==, expected[i].not_completed);
    }

  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    {
      guint n = 0;

      for (guint j = 0; j < s->measures->len; j++)
        {
          EvkMeasure *m = g_ptr_array_index (s->measures, j);
          GStrv keys = uses[i].vocab == EVK_VOCAB_TYPE ? m->types : m->targets;
          n += g_strv_contains ((const char * const *) keys, uses[i].key);
        }
      g_assert_cmpuint (n, ==, uses[i].count);
    }

  /* Every measure has its title in both languages; the survey's 12 offers
   * are linked to measures with heard-of and used items. */
  for (guint i = 0; i < s->measures->len; i++)
    {
      EvkMeasure *m = g_ptr_array_index (s->measures, i);
      g_assert_cmpuint (m->number, ==, i + 1);
      g_assert_nonnull (evk_localized_get (m->title, "nb"));
      g_assert_nonnull (evk_localized_get (m->title, "en"));
    }
  g_assert_cmpuint (s->offers->len, ==, 12);
  for (guint i = 0; i < s->offers->len; i++)
    {
      EvkOffer *o = g_ptr_array_index (s->offers, i);
      g_assert_cmpuint (o->measures->len, >=, 1);
      g_assert_nonnull (evk_offer_get_variable (o, EVK_ROLE_HEARD_OF));
      g_assert_nonnull (evk_offer_get_variable (o, EVK_ROLE_USED));
    }
}

static void
assert_same_key_files (GKeyFile *a,
                       GKeyFile *b)
{
  g_auto(GStrv) groups_a = g_key_file_get_groups (a, NULL);
  g_auto(GStrv) groups_b = g_key_file_get_groups (b, NULL);

  g_assert_cmpstrv (groups_a, groups_b);
  for (guint i = 0; groups_a[i] != NULL; i++)
    {
      g_auto(GStrv) keys_a = g_key_file_get_keys (a, groups_a[i], NULL, NULL);
      g_auto(GStrv) keys_b = g_key_file_get_keys (b, groups_a[i], NULL, NULL);

      g_assert_cmpstrv (keys_a, keys_b);
      for (guint j = 0; keys_a[j] != NULL; j++)
        {
          g_autofree char *va = g_key_file_get_value (a, groups_a[i], keys_a[j], NULL);
          g_autofree char *vb = g_key_file_get_value (b, groups_a[i], keys_a[j], NULL);

          if (g_strcmp0 (va, vb) != 0)
            g_error ("[%s] %s: “%s” ≠ “%s”", groups_a[i], keys_a[j], va, vb);
        }
    }
}

/* export(import(x)) == x, in both languages, for the demo strategy. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = evk_test_demo_strategy ();
  g_autoptr(GKeyFile) original = g_key_file_new ();
  g_autoptr(GKeyFile) exported = g_key_file_new ();
  g_autofree char *text = export_text (f->project);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.evalkit", NULL);
  g_autofree char *strategy_path = g_build_filename (f->dir, "exported.ini", NULL);
  g_autoptr(EvkProject) copy = NULL;
  g_autofree char *text_again = NULL;

  g_key_file_load_from_file (original, demo, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  g_key_file_load_from_data (exported, text, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  assert_same_key_files (original, exported);

  /* And the exported file imports into a new project as the same text. */
  g_assert_true (evk_project_export_strategy (f->project, strategy_path, &error));
  copy = evk_project_create (copy_path, &error);
  g_assert_true (evk_project_import_strategy (copy, strategy_path, &error));
  g_assert_no_error (error);
  text_again = export_text (copy);
  g_assert_cmpstr (text_again, ==, text);
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
write_variant (const char *from,
               const char *to,
               const char *find,
               const char *replace)
{
  g_autoptr(GBytes) bytes = evk_test_read (from);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);
  g_assert_true (g_file_set_contents (to, text->str, text->len, NULL));
}

/* A group filter of 60,000 nested parentheses
 * (tests/data/malformed/filter/nested-parens-60000.txt) overflowed the
 * stack while the strategy was read; now it is one error. */
static void
test_deep_filter_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *demo = evk_test_demo_strategy ();
  g_autofree char *bad = g_build_filename (f->dir, "deep.ini", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "malformed", "filter",
                                                    "nested-parens-60000.txt", NULL);
  g_autoptr(GBytes) nested = evk_test_read (fixture);
  g_autofree char *line = g_strdup_printf ("Filter=%.*s", (int) g_bytes_get_size (nested) - 1,
                                           (const char *) g_bytes_get_data (nested, NULL));
  g_autofree char *before = export_text (f->project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  write_variant (demo, bad, "Filter=q6_alt_1 in 1..4", line);
  g_assert_false (evk_project_import_strategy (f->project, bad, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_assert_cmpuint (strlen (error->message), <, 400);
  after = export_text (f->project);
  g_assert_cmpstr (after, ==, before);
}

/* A project without its language table (a damaged or crafted file) failed
 * both the strategy and the languages when the default charts were made,
 * and set the second error over the first (found by
 * tests/fuzz/fuzz-project; its input is
 * tests/data/malformed/project/language-table-dropped.bin). */
static void
test_charts_of_damaged_project (Fixture       *f,
                                gconstpointer  data)
{
  sqlite3 *db = evk_store_get_db (evk_project_get_store (f->project));
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; DROP TABLE language",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  charts = evk_project_list_charts (f->project, &error);
  g_assert_null (charts);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
}

/* A bad file gets one message naming the file, the group and key, and the
 * project is left exactly as it was. */
static void
test_errors_leave_project_unchanged (Fixture       *f,
                                     gconstpointer  data)
{
  static const struct {
    const char *find;
    const char *replace;
    const char *message;
  } cases[] = {
    { "Status=not-completed", "Status=done", "measure 7: unknown status “done”" },
    { "Title[nb]=Kampanje og filmer", "Titel[nb]=Kampanje og filmer", "[Measure 15] Titel[nb]: unknown key" },
    { "Title[en]=Campaign and films", "Title[de]=Kampagne", "[Measure 15] Title[de]: unknown key, or a language" },
    { "Goal=2\n", "Goal=9\n", "unknown goal “9”" },
    { "Filter=q6_alt_1 in 1..4", "Filter=q6_alt_1 in 4..1", "group immigrant-organisations: filter" },
    { "Responsible=kd;imdi;", "Responsible=kd;nav;", "unknown responsible body “nav”" },
    { "Goals=1;2;3;4;", "Goals=1;2;3;4;5;", "[Strategy] Goals: lists “5”" },
    { "[Measure 26]", "[Measure 2b]", "[Measure 2b]: a measure group is named by its number" },
    { "Languages=nb;en;", "Languages=en;nb;", "source language is “en”, but the project’s is “nb”" },
    { "[Strategy]", "Strategy]", "Key file contains line" },
  };
  g_autofree char *demo = evk_test_demo_strategy ();
  g_autofree char *bad = g_build_filename (f->dir, "bad.ini", NULL);
  g_autofree char *before = export_text (f->project);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      write_variant (demo, bad, cases[i].find, cases[i].replace);
      g_assert_false (evk_project_import_strategy (f->project, bad, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, bad));
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);

      after = export_text (f->project);
      g_assert_cmpstr (after, ==, before);
    }
}

static gint64
measure_id (EvkProject *project,
            guint       number)
{
  EvkStore *store = evk_project_get_store (project);
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT id FROM measure WHERE number = ?1", NULL);
  gboolean has_row;
  gint64 id;

  evk_stmt_bind_int (stmt, 1, number);
  g_assert_true (evk_store_step (store, stmt, &has_row, NULL));
  g_assert_true (has_row);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Re-importing a changed source text keeps the measure (its id, so charts
 * and codings stay attached) and marks the translation outdated. */
static void
test_reimport_marks_outdated (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = evk_test_demo_strategy ();
  g_autofree char *changed = g_build_filename (f->dir, "changed.ini", NULL);
  gint64 id_before = measure_id (f->project, 15);
  EvkStore *store = evk_project_get_store (f->project);

  g_assert_cmpint (evk_store_get_text_state (store, "measure", id_before, "title", "en", &error),
                   ==, EVK_TEXT_CURRENT);

  write_variant (demo, changed, "Title[nb]=Kampanje og filmer", "Title[nb]=Kampanjer og filmer");
  g_assert_true (evk_project_import_strategy (f->project, changed, &error));
  g_assert_no_error (error);

  g_assert_cmpint (measure_id (f->project, 15), ==, id_before);
  g_assert_cmpint (evk_store_get_text_state (store, "measure", id_before, "title", "en", &error),
                   ==, EVK_TEXT_OUTDATED);
  g_assert_cmpint (evk_store_get_text_state (store, "measure", measure_id (f->project, 14), "title",
                                             "en", &error),
                   ==, EVK_TEXT_CURRENT);
}

static void
test_removal_in_use_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = evk_test_demo_strategy ();
  g_autofree char *smaller = g_build_filename (f->dir, "smaller.ini", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  EvkStore *store = evk_project_get_store (f->project);

  g_assert_true (evk_store_exec (store,
                                 "INSERT INTO term (vocab, key, position) VALUES ('code', 'assignment', 0);"
                                 "INSERT INTO document (key, title, type) VALUES ('TB-1', 'Tildelingsbrev', 'allocation-letter');"
                                 "INSERT INTO coding (document_id, measure_id, code_id) VALUES "
                                 "((SELECT id FROM document), (SELECT id FROM measure WHERE number = 26), "
                                 "(SELECT id FROM term WHERE vocab = 'code'))",
                                 &error));
  g_assert_no_error (error);
  before = export_text (f->project);

  g_key_file_load_from_file (key_file, demo, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_true (g_key_file_remove_group (key_file, "Measure 26", &error));
  g_key_file_set_string (key_file, "Offer 12", "Measures", "25;");
  g_assert_true (g_key_file_save_to_file (key_file, smaller, &error));

  g_assert_false (evk_project_import_strategy (f->project, smaller, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE);
  after = export_text (f->project);
  g_assert_cmpstr (after, ==, before);

  /* Without the coding, the measure goes. */
  g_clear_error (&error);
  g_assert_true (evk_store_exec (store, "DELETE FROM coding", &error));
  g_assert_true (evk_project_import_strategy (f->project, smaller, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EvkStrategy) s = evk_project_load_strategy (f->project, &error);
    g_assert_cmpuint (s->measures->len, ==, 25);
  }
}

static void
test_set_status (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) s = NULL;

  g_assert_true (evk_project_set_measure_status (f->project, 12, "completed", &error));
  g_assert_no_error (error);
  s = evk_project_load_strategy (f->project, &error);
  g_assert_cmpuint (count_status (s, "2", "completed"), ==, 2);
  g_assert_cmpuint (count_status (s, "2", "not-completed"), ==, 2);

  g_assert_false (evk_project_set_measure_status (f->project, 12, "done", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (evk_project_set_measure_status (f->project, 99, "completed", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
}

static void
test_demo_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autoptr(EvkProject) project = evk_demo_create (path, &error);
  g_autoptr(EvkProject) again = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_clear_object (&project);

  /* No partial file is left beside it, and a second demo does not
   * overwrite the first. */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".partial"));
  again = evk_demo_create (path, &error);
  g_assert_null (again);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS);
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/strategy/demo-figures", test_demo_figures);
  ADD ("/evk/strategy/round-trip", test_round_trip);
  ADD ("/evk/strategy/errors-leave-project-unchanged", test_errors_leave_project_unchanged);
  ADD ("/evk/strategy/reimport-marks-outdated", test_reimport_marks_outdated);
  ADD ("/evk/strategy/removal-in-use-refused", test_removal_in_use_refused);
  ADD ("/evk/strategy/set-status", test_set_status);
  ADD ("/evk/strategy/deep-filter-refused", test_deep_filter_refused);
  ADD ("/evk/strategy/charts-of-damaged-project", test_charts_of_damaged_project);
#undef ADD
  g_test_add_func ("/evk/strategy/demo-project", test_demo_project);

  return g_test_run ();
}
