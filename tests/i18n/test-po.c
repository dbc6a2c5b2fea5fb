/* test-po.c: a project's translations to a PO file and back
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gettext-po.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evk-demo.h"
#include "evk-po.h"
#include "evk-report-texts.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-translatable.h"

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
      return project;
    }
  return evk_test_make_example (path, FALSE, TRUE);
}

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
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT code, position, is_source FROM language ORDER BY code",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "language %s %d %d\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
assert_msgfmt_check (const char *path)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  const char *argv[] = { NULL, "--check", "-o", "/dev/null", path, NULL };

  g_assert_nonnull (msgfmt);
  argv[0] = msgfmt;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgfmt --check %s: %s", path, err);
}

static void
quiet (int severity, po_message_t m, const char *f, size_t l, size_t c, int mp, const char *t)
{
  g_error ("%s:%zu: %s", f, l, t);
}

static void
quiet2 (int severity, po_message_t m1, const char *f1, size_t l1, size_t c1, int mp1,
        const char *t1, po_message_t m2, const char *f2, size_t l2, size_t c2, int mp2,
        const char *t2)
{
  g_error ("%s:%zu: %s %s", f1, l1, t1, t2);
}

static const struct po_xerror_handler test_handler = { quiet, quiet2 };

typedef struct {
  char    *msgid;
  char    *msgstr;
  char    *prev;
  gboolean fuzzy;
  char    *comment;
} Entry;

static void
entry_free (Entry *e)
{
  g_free (e->msgid);
  g_free (e->msgstr);
  g_free (e->prev);
  g_free (e->comment);
  g_free (e);
}

/* The entries of a PO file by msgctxt, read with gettext's own reader. */
static GHashTable *
read_po (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  po_file_t file = po_file_read (path, &test_handler);
  po_message_iterator_t iter;
  po_message_t message;

  g_assert_nonnull (file);
  iter = po_message_iterator (file, NULL);
  while ((message = po_next_message (iter)) != NULL)
    {
      Entry *e;

      if (po_message_msgctxt (message) == NULL)
        continue;
      e = g_new0 (Entry, 1);
      e->msgid = g_strdup (po_message_msgid (message));
      e->msgstr = g_strdup (po_message_msgstr (message));
      e->prev = g_strdup (po_message_prev_msgid (message));
      e->fuzzy = po_message_is_fuzzy (message);
      e->comment = g_strdup (po_message_extracted_comments (message));
      g_assert_false (g_hash_table_contains (entries, po_message_msgctxt (message)));
      g_hash_table_insert (entries, g_strdup (po_message_msgctxt (message)), e);
    }
  po_message_iterator_free (iter);
  po_file_free (file);
  return entries;
}

/* Export passes msgfmt --check; importing it again changes no text, no
 * fingerprint and no kept source. */
static void
test_round_trip (gconstpointer data)
{
  const char *which = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project (which, dir);
  g_autofree char *po = g_build_filename (dir, "en.po", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  EvkTranslationResult result;
  EvkTranslationCounts counts;
  Entry *e;

  /* Make one outdated translation, so the file has a fuzzy entry too. */
  g_assert_true (evk_project_set_measure_text (project, 2, "title", "nb", "Ny tittel på tiltaket", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (evk_translatables_count (project, "en", &counts, &error));
  g_assert_cmpuint (counts.outdated, >=, 1);

  g_assert_true (evk_po_export (project, "en", po, &error));
  g_assert_no_error (error);
  assert_msgfmt_check (po);
  entries = read_po (po);
  g_assert_cmpuint (g_hash_table_size (entries), ==, counts.done + counts.outdated + counts.missing);
  e = g_hash_table_lookup (entries, "measure/2/title");
  g_assert_nonnull (e);
  g_assert_true (e->fuzzy);
  g_assert_cmpstr (e->msgid, ==, "Ny tittel på tiltaket");
  g_assert_nonnull (e->prev);
  g_assert_cmpstr (e->comment, ==, "Measure 2 · Title (strategy)\n");
  e = g_hash_table_lookup (entries, "report-word/Report/Table");
  g_assert_cmpstr (e->msgid, ==, "Tabell");
  g_assert_cmpstr (e->msgstr, ==, "Table");
  g_assert_false (e->fuzzy);

  before = dump_texts (project);
  g_assert_true (evk_po_import (project, po, "en", &lang, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unknown, ==, 0);
  after = dump_texts (project);
  g_assert_cmpstr (after, ==, before);
  evk_test_rm_rf (dir);
}

/* An edited nb source makes its en entry fuzzy, with the old source as
 * the previous msgid. */
static void
test_edited_source_fuzzy (gconstpointer data)
{
  const char *which = data;
  guint number = g_str_equal (which, "demo") ? 20 : 2;
  const char *field = g_str_equal (which, "demo") ? "section:results" : "title";
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project (which, dir);
  g_autofree char *po = g_build_filename (dir, "en.po", NULL);
  g_autofree char *key = g_strdup_printf ("measure/%u/%s", number, field);
  g_autofree char *old = NULL, *old_fp = NULL, *edited = NULL;
  g_autoptr(GHashTable) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  Entry *e;

  g_assert_true (evk_po_export (project, "en", po, &error));
  before = read_po (po);
  e = g_hash_table_lookup (before, key);
  g_assert_false (e->fuzzy);
  g_assert_null (e->prev);

  g_assert_true (evk_project_get_measure_text (project, number, field, "nb", &old, &old_fp, &error));
  edited = g_strconcat ("Endret: ", old, NULL);
  g_assert_true (evk_project_set_measure_text (project, number, field, "nb", edited, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (evk_po_export (project, "en", po, &error));
  g_assert_no_error (error);
  assert_msgfmt_check (po);
  after = read_po (po);
  e = g_hash_table_lookup (after, key);
  g_assert_true (e->fuzzy);
  g_assert_true (g_str_has_prefix (e->msgid, "Endret: "));
  g_assert_nonnull (e->prev);
  g_assert_true (g_str_has_prefix (old, e->prev));
  g_assert_cmpstr (e->msgstr, ==, ((Entry *) g_hash_table_lookup (before, key))->msgstr);
  evk_test_rm_rf (dir);
}

static void
replace_in_file (const char *path,
                 const char *from,
                 const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
}

/* A translator's edits come in; a fuzzy one stays outdated; a context the
 * project lacks is counted, not an error. */
static void
test_import_edits (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project ("demo", dir);
  g_autofree char *po = g_build_filename (dir, "en.po", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  EvkTranslationResult result;

  g_assert_true (evk_po_export (project, "en", po, &error));
  replace_in_file (po, "msgstr \"Ministry of Education and Research\"",
                   "msgstr \"The Ministry of Education and Research\"");
  replace_in_file (po, "msgctxt \"body/kud/name\"", "#, fuzzy\nmsgctxt \"body/kud/name\"");
  replace_in_file (po, "msgctxt \"body/kd/abbreviation\"", "msgctxt \"body/gone/abbreviation\"");
  g_assert_true (evk_po_import (project, po, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpuint (result.unknown, ==, 1);

  units = evk_translatables_list (project, "en", NULL, &error);
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);

      if (g_str_equal (unit->key, "body/kd/name"))
        {
          g_assert_cmpstr (unit->translation, ==, "The Ministry of Education and Research");
          g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);
        }
      else if (g_str_equal (unit->key, "body/kud/name"))
        g_assert_cmpint (unit->state, ==, EVK_TEXT_OUTDATED);
    }
  evk_test_rm_rf (dir);
}

/* Each refusal is one clear error, and the project is left as it was. */
static void
test_refusals (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autoptr(EvkProject) project = make_project ("demo", dir);
  g_autofree char *po = g_build_filename (dir, "en.po", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.po", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_id = NULL;
  static const struct {
    const char *from;
    const char *to;
    gint code;
    const char *says;
    const char *expect_lang;
  } cases[] = {
    { "X-Evalkit-Project: ", "X-Evalkit-Project: 0", EVK_PO_ERROR_OTHER_PROJECT, "another project", NULL },
    { "\"X-Evalkit-Project: ", "\"X-Other: ", EVK_PO_ERROR_OTHER_PROJECT, "X-Evalkit-Project", NULL },
    { "Language: en", "Language: nn", EVK_PO_ERROR_LANGUAGE, "for language nn, not en", "en" },
    { "Language: en", "Language: nb", EVK_PO_ERROR_LANGUAGE, "source language", NULL },
    { "Language: en", "Language: ", EVK_PO_ERROR_LANGUAGE, "no Language", NULL },
    { "Language: en", "Language: e n!", EVK_PO_ERROR_LANGUAGE, "not a language code", NULL },
    { "msgctxt \"body/kd/name\"", "msgctxt \"body/kd/name\" \"unterminated", EVK_PO_ERROR_SYNTAX, "bad.po:", NULL },
  };

  g_assert_true (evk_po_export (project, "en", po, &error));
  g_assert_true (g_file_get_contents (po, &contents, NULL, &error));
  /* Every case carries one real change too, which must not be stored. */
  before = dump_texts (project);
  project_id = evk_project_get_meta (project, "project_id", &error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = NULL;

      g_file_set_contents (bad, contents, -1, &error);
      g_assert_no_error (error);
      replace_in_file (bad, "msgstr \"Ministry of Education and Research\"", "msgstr \"Changed\"");
      replace_in_file (bad, cases[i].from, cases[i].to);
      g_assert_false (evk_po_import (project, bad, cases[i].expect_lang, NULL, NULL, &error));
      g_assert_error (error, EVK_PO_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
      g_assert_true (g_str_has_prefix (error->message, bad));
      g_clear_error (&error);
      after = dump_texts (project);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_false (evk_po_import (project, "/nonexistent/x.po", NULL, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_false (evk_po_export (project, "nb", po, &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED);
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/evk/po/round-trip/demo", "demo", test_round_trip);
  g_test_add_data_func ("/evk/po/round-trip/example", "example", test_round_trip);
  g_test_add_data_func ("/evk/po/edited-source/demo", "demo", test_edited_source_fuzzy);
  g_test_add_data_func ("/evk/po/edited-source/example", "example", test_edited_source_fuzzy);
  g_test_add_func ("/evk/po/import-edits", test_import_edits);
  g_test_add_func ("/evk/po/refusals", test_refusals);
  return g_test_run ();
}
