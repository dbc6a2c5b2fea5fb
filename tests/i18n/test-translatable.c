/* test-translatable.c: every translatable string, its state, and edits to it
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "evk-demo.h"
#include "evk-report-texts.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-translatable.h"
#include "evk-words.h"

static EvkProject *
make_project (const char *which,
              const char *dir)
{
  g_autofree char *path = g_build_filename (dir, which, NULL);
  g_autoptr(GError) error = NULL;
  EvkProject *project;

  if (g_str_equal (which, "demo"))
    {
      project = evk_demo_create (path, &error);
      g_assert_no_error (error);
    }
  else
    project = evk_test_make_example (path, FALSE, TRUE);
  return project;
}

static EvkTranslatable *
find_unit (GPtrArray  *units,
           const char *key)
{
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);

      if (g_str_equal (unit->key, key))
        return unit;
    }
  return NULL;
}

static GPtrArray *
list (EvkProject           *project,
      const char           *lang,
      EvkTranslationCounts *counts)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *units = evk_translatables_list (project, lang, counts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (units);
  return units;
}

/* Every text row with its fingerprint and kept source, one a line. */
static char *
dump_texts (EvkProject *project)
{
  sqlite3 *db = evk_store_get_db (evk_project_get_store (project));
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT entity, entity_id, field, lang, body, source_fp, "
                                       "coalesce (source_body, '<null>') FROM text "
                                       "ORDER BY entity, entity_id, field, lang",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int col = 0; col < 7; col++)
      g_string_append_printf (out, "%s%c", sqlite3_column_text (stmt, col), col == 6 ? '\n' : '\t');
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Units have unique stable keys, a place, a source; the counts add up. */
static void
check_listing (EvkProject *project)
{
  EvkTranslationCounts counts, again;
  g_autoptr(GPtrArray) units = list (project, "en", &counts);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint kinds[EVK_N_TRANSLATABLE_KINDS] = { 0 };

  g_assert_cmpuint (units->len, >, 200);
  g_assert_cmpuint (counts.done + counts.outdated + counts.missing, ==, units->len);
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);

      g_assert_false (g_hash_table_contains (keys, unit->key));
      g_hash_table_add (keys, unit->key);
      /* No row ids in a key: the owner's key, number or name. */
      g_assert_null (strstr (unit->key, "\x1f"));
      g_assert_nonnull (unit->place);
      g_assert_cmpstr (unit->source, !=, "");
      g_assert_true ((unit->translation == NULL) == (unit->state == EVK_TEXT_MISSING));
      kinds[unit->kind]++;
    }
  for (guint k = 0; k < EVK_N_TRANSLATABLE_KINDS; k++)
    g_assert_cmpuint (kinds[k], >, 0);

  g_assert_true (evk_translatables_count (project, "en", &again, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&again, sizeof again, &counts, sizeof counts);

  /* The report's words come from the words file until the project has its own. */
  {
    EvkTranslatable *word = find_unit (units, "report-word/Report/Table");

    g_assert_nonnull (word);
    g_assert_cmpstr (word->source, ==, "Tabell");
    g_assert_cmpstr (word->translation, ==, "Table");
    g_assert_cmpint (word->state, ==, EVK_TEXT_CURRENT);
    g_assert_cmpint (word->kind, ==, EVK_TRANSLATABLE_REPORT_WORD);
    g_assert_cmpstr (word->place, ==, "Report word · Table");
  }
  g_assert_null (find_unit (units, "report-word/Format/DecimalMark"));

  /* Not a language to translate into. */
  g_assert_null (evk_translatables_list (project, "nb", NULL, &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (evk_translatables_list (project, "nn", NULL, &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“nn”"));
}

static void
test_demo_places (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project ("demo", dir);
  g_autoptr(GPtrArray) units = NULL;
  EvkTranslatable *unit;

  check_listing (project);
  units = list (project, "en", NULL);

  unit = find_unit (units, "measure/20/section:results");
  g_assert_nonnull (unit);
  g_assert_cmpstr (unit->place, ==, "Measure 20 · Results and experiences");
  g_assert_cmpint (unit->kind, ==, EVK_TRANSLATABLE_NARRATIVE);
  g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);

  unit = find_unit (units, "goal/1/title");
  g_assert_nonnull (unit);
  g_assert_cmpstr (unit->place, ==, "Goal 1 · Title");
  g_assert_cmpint (unit->kind, ==, EVK_TRANSLATABLE_STRATEGY);

  unit = find_unit (units, "chart/m20-awareness-7/alt-text");
  g_assert_nonnull (unit);
  g_assert_cmpint (unit->kind, ==, EVK_TRANSLATABLE_CHART);

  /* A value label: its variable and value, and the survey in the key. */
  unit = NULL;
  for (guint i = 0; i < units->len && unit == NULL; i++)
    {
      EvkTranslatable *u = g_ptr_array_index (units, i);

      if (g_str_has_prefix (u->key, "value/") && g_str_has_suffix (u->key, "/label"))
        unit = u;
    }
  g_assert_nonnull (unit);
  g_assert_true (g_str_has_prefix (unit->place, "Variable "));
  g_assert_nonnull (strstr (unit->place, " · value "));
  g_assert_cmpint (unit->kind, ==, EVK_TRANSLATABLE_SURVEY);
  evk_test_rm_rf (dir);
}

static void
test_example_places (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project ("example", dir);
  g_autoptr(GPtrArray) units = NULL;
  EvkTranslatable *unit;

  check_listing (project);
  units = list (project, "en", NULL);
  unit = find_unit (units, "measure/2/title");
  g_assert_nonnull (unit);
  g_assert_cmpstr (unit->place, ==, "Measure 2 · Title");
  unit = find_unit (units, "variable/survey/reg_landsdel/label");
  g_assert_nonnull (unit);
  g_assert_cmpstr (unit->place, ==, "Variable reg_landsdel · Label");
  evk_test_rm_rf (dir);
}

/* An edited source makes the translation outdated, with the source it was
 * made from; marking it still valid keeps its text; a new one is current. */
static void
test_outdated_confirm_set (gconstpointer data)
{
  const char *which = data;
  guint number = g_str_equal (which, "demo") ? 20 : 2;
  const char *field = g_str_equal (which, "demo") ? "section:results" : "title";
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project (which, dir);
  g_autofree char *key = g_strdup_printf ("measure/%u/%s", number, field);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL, after = NULL, confirmed = NULL, set = NULL, removed = NULL;
  g_autofree char *old_source = NULL, *old_translation = NULL, *new_source = NULL;
  EvkTranslationCounts counts_before, counts_after;
  EvkTranslatable *unit;

  before = list (project, "en", &counts_before);
  unit = find_unit (before, key);
  g_assert_nonnull (unit);
  g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);
  old_source = g_strdup (unit->source);
  old_translation = g_strdup (unit->translation);

  new_source = g_strconcat (old_source, " Endret.", NULL);
  g_assert_true (evk_project_set_measure_text (project, number, field, "nb", new_source, NULL, &error));
  g_assert_no_error (error);

  after = list (project, "en", &counts_after);
  unit = find_unit (after, key);
  g_assert_cmpint (unit->state, ==, EVK_TEXT_OUTDATED);
  g_assert_cmpstr (unit->source, ==, new_source);
  g_assert_cmpstr (unit->translation, ==, old_translation);
  g_assert_cmpstr (unit->previous_source, ==, old_source);
  g_assert_cmpuint (counts_after.done, ==, counts_before.done - 1);
  g_assert_cmpuint (counts_after.outdated, ==, counts_before.outdated + 1);

  g_assert_true (evk_translatable_confirm (project, "en", key, &error));
  g_assert_no_error (error);
  confirmed = list (project, "en", NULL);
  unit = find_unit (confirmed, key);
  g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);
  g_assert_cmpstr (unit->translation, ==, old_translation);
  g_assert_null (unit->previous_source);
  g_assert_cmpint (evk_project_get_measure_text_state (project, number, field, "en", &error), ==,
                   EVK_TEXT_CURRENT);

  g_assert_true (evk_translatable_set (project, "en", key, "Changed.", &error));
  g_assert_no_error (error);
  set = list (project, "en", NULL);
  unit = find_unit (set, key);
  g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);
  g_assert_cmpstr (unit->translation, ==, "Changed.");

  g_assert_true (evk_translatable_set (project, "en", key, "", &error));
  g_assert_no_error (error);
  removed = list (project, "en", NULL);
  g_assert_cmpint (find_unit (removed, key)->state, ==, EVK_TEXT_MISSING);

  g_assert_false (evk_translatable_set (project, "en", "measure/999/title", "x", &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (evk_translatable_confirm (project, "en", key, &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_FOUND);
  evk_test_rm_rf (dir);
}

/* A project's own report word is printed instead of the words file's, and
 * removing it brings the file's back. */
static void
test_report_word_override (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project ("demo", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;

  g_assert_cmpstr (evk_word ("Report", "Table", "en"), ==, "Table");
  g_assert_true (evk_translatable_set (project, "en", "report-word/Report/Table", "Tab.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evk_word ("Report", "Table", "en"), ==, "Tab.");
  g_assert_cmpstr (evk_word ("Report", "Table", "nb"), ==, "Tabell");
  units = list (project, "en", NULL);
  g_assert_cmpstr (find_unit (units, "report-word/Report/Table")->translation, ==, "Tab.");

  g_assert_true (evk_translatable_set (project, "en", "report-word/Report/Table", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evk_word ("Report", "Table", "en"), ==, "Table");
  evk_words_set_overrides (NULL);
  evk_test_rm_rf (dir);
}

static void
add_update (GArray     *updates,
            const char *key,
            const char *translation,
            gboolean    fuzzy,
            const char *previous)
{
  EvkTranslationUpdate update = { key, translation, fuzzy, previous };

  g_array_append_val (updates, update);
}

static void
count_changed (guint *n)
{
  (*n)++;
}

/* Applying what the project has changes nothing; a change, a fuzzy entry
 * and an unknown key are counted; a new language is added. */
static void
test_apply (gconstpointer data)
{
  const char *which = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project (which, dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = list (project, "en", NULL);
  g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
  g_autoptr(GArray) nn = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
  g_autofree char *rows_before = dump_texts (project);
  g_autofree char *rows_after = NULL;
  g_autoptr(GPtrArray) after = NULL, nn_units = NULL;
  g_auto(GStrv) langs = NULL;
  EvkTranslationResult result;
  EvkTranslatable *first = NULL, *second = NULL;

  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);

      add_update (same, unit->key, unit->translation != NULL ? unit->translation : "",
                  unit->state == EVK_TEXT_OUTDATED, unit->previous_source);
      if (unit->kind == EVK_TRANSLATABLE_STRATEGY && unit->state == EVK_TEXT_CURRENT)
        {
          if (first == NULL)
            first = unit;
          else if (second == NULL)
            second = unit;
        }
    }
  g_assert_true (evk_translatables_apply (project, "en", same, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unknown, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, units->len);
  rows_after = dump_texts (project);
  g_assert_cmpstr (rows_after, ==, rows_before);

  g_assert_nonnull (second);
  add_update (changes, first->key, "A new translation", FALSE, NULL);
  add_update (changes, second->key, "A doubtful translation", TRUE, "Kilden før");
  add_update (changes, "goal/no-such-goal/title", "Nothing", FALSE, NULL);
  g_assert_true (evk_translatables_apply (project, "en", changes, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpuint (result.unknown, ==, 1);
  after = list (project, "en", NULL);
  g_assert_cmpstr (find_unit (after, first->key)->translation, ==, "A new translation");
  g_assert_cmpint (find_unit (after, first->key)->state, ==, EVK_TEXT_CURRENT);
  g_assert_cmpstr (find_unit (after, second->key)->translation, ==, "A doubtful translation");
  g_assert_cmpint (find_unit (after, second->key)->state, ==, EVK_TEXT_OUTDATED);
  g_assert_cmpstr (find_unit (after, second->key)->previous_source, ==, "Kilden før");

  /* A language the project lacks becomes one of its languages. */
  add_update (nn, "report-word/Report/Table", "Tabell", FALSE, NULL);
  add_update (nn, first->key, "Ei nynorsk omsetjing", FALSE, NULL);
  g_assert_true (evk_translatables_apply (project, "nn", nn, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 2);
  langs = evk_project_get_languages (project, &error);
  g_assert_true (g_strv_contains ((const char * const *) langs, "nn"));
  nn_units = list (project, "nn", NULL);
  g_assert_cmpstr (find_unit (nn_units, first->key)->translation, ==, "Ei nynorsk omsetjing");
  g_assert_cmpint (find_unit (nn_units, second->key)->state, ==, EVK_TEXT_MISSING);
  g_assert_cmpstr (evk_word ("Report", "Table", "nn"), ==, "Tabell");
  evk_words_set_overrides (NULL);

  /* Adding a language is a change even with nothing translated yet. */
  {
    g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
    guint n_changed = 0;
    gulong handler = g_signal_connect_swapped (project, "changed", G_CALLBACK (count_changed), &n_changed);

    g_assert_true (evk_translatables_apply (project, "se", empty, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, 1);
    g_assert_true (evk_translatables_apply (project, "se", empty, &result, &error));
    g_assert_cmpuint (n_changed, ==, 1);
    g_signal_handler_disconnect (project, handler);
  }

  g_assert_false (evk_translatables_apply (project, "not a code", nn, &result, &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED);
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/translatable/demo-places", test_demo_places);
  g_test_add_func ("/evk/translatable/example-places", test_example_places);
  g_test_add_data_func ("/evk/translatable/outdated/demo", "demo", test_outdated_confirm_set);
  g_test_add_data_func ("/evk/translatable/outdated/example", "example", test_outdated_confirm_set);
  g_test_add_func ("/evk/translatable/report-word", test_report_word_override);
  g_test_add_data_func ("/evk/translatable/apply/demo", "demo", test_apply);
  g_test_add_data_func ("/evk/translatable/apply/example", "example", test_apply);
  return g_test_run ();
}
