/* test-survey.c: a survey through the project file, and crafted files refused
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-column-private.h"
#include "evk-model-error.h"
#include "evk-charts.h"
#include "evk-project.h"
#include "evk-table-spec.h"
#include "evk-test-util.h"

#define N_ROWS 10

/* Codes one apart above 2^24: a float holds neither exactly. */
#define BIG_CODE 100000001.0

/* A project with the demo strategy and a small survey: q1 (i8, 1–3),
 * code (i32: BIG_CODE and BIG_CODE + 1, five each), comment (free text)
 * and a multiple-response set of q1. */
static char *
make_project (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *strategy = evk_test_demo_strategy ();
  char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(EvkProject) project = evk_project_create (path, &error);
  g_autoptr(EvkSurvey) survey = evk_survey_new ("survey");
  EvkVariable *q1, *code, *comment;
  EvkMrSet *set;

  g_assert_no_error (error);
  g_assert_true (evk_project_import_strategy (project, strategy, &error));
  g_assert_no_error (error);

  survey->n_rows = N_ROWS;
  q1 = evk_survey_add_variable (survey, "q1", EVK_VARIABLE_NUMERIC);
  code = evk_survey_add_variable (survey, "code", EVK_VARIABLE_NUMERIC);
  comment = evk_survey_add_variable (survey, "comment", EVK_VARIABLE_STRING);
  for (guint i = 0; i < N_ROWS; i++)
    {
      evk_column_append (q1->column, 1 + i % 3);
      evk_column_append (code->column, BIG_CODE + i % 2);
      evk_text_column_append (comment->texts, i == 0 ? "a remark" : NULL);
    }
  evk_variable_add_missing (q1, 9, 9, EVK_MISSING_DONT_KNOW);
  set = evk_survey_add_mrset (survey, "set", EVK_MRSET_DICHOTOMY);
  set->counted_value = g_strdup ("1");
  g_strfreev (set->variables);
  set->variables = g_strsplit ("q1", " ", -1);
  g_assert_true (evk_project_save_survey (project, survey, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&project));
  return path;
}

/* 32-bit codes above 2^24 were read through a float: 100000001 and
 * 100000002 both became 100000000, and merged in every table. */
static void
test_i32_codes_stay_distinct (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_open (path, &error);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkTable) table = NULL;
  EvkVariable *code;

  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error);
  g_assert_no_error (error);
  code = evk_survey_get_variable (survey, "code");
  g_assert_cmpint (evk_column_get_kind (code->column), ==, EVK_COLUMN_I32);
  g_assert_cmpfloat (evk_column_get (code->column, 0), ==, BIG_CODE);
  g_assert_cmpfloat (evk_column_get (code->column, 1), ==, BIG_CODE + 1);

  table = evk_table_compute (project, "frequency code", &error);
  g_assert_no_error (error);
  g_assert_cmpint (evk_table_find_row (table, "100000001"), >=, 0);
  g_assert_cmpint (evk_table_find_row (table, "100000002"), >=, 0);
  g_assert_cmpuint (evk_table_cell (table, evk_table_find_row (table, "100000002"), 0)->n, ==, 5);

  g_clear_pointer (&table, evk_table_free);
  g_clear_pointer (&survey, evk_survey_free);
  g_assert_finalize_object (g_steal_pointer (&project));
  evk_test_rm_rf (dir);
}

/* Each packed width keeps its extreme values exactly, and widening
 * (which reads through evk_column_read_at) keeps what was there. */
static void
test_column_widths (void)
{
  static const double values[] = {
    127, -127, 32767, -32767, 2147483647, -2147483647, 16777217, -16777217,
    9007199254740993.0, 0.5, NAN,
  };
  g_autoptr(EvkColumn) column = evk_column_new ();

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(EvkColumn) alone = evk_column_new ();

      evk_column_append (alone, values[i]);
      if (isnan (values[i]))
        g_assert_true (isnan (evk_column_get (alone, 0)));
      else
        g_assert_cmpfloat (evk_column_get (alone, 0), ==, values[i]);
      evk_column_append (column, values[i]);
    }
  g_assert_cmpint (evk_column_get_kind (column), ==, EVK_COLUMN_F64);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (evk_column_get (column, i), ==, values[i]);
}

/* ---- Crafted project files ---------------------------------------- */

/* Runs a fixture's SQL on the file with plain SQLite, as someone crafting
 * a file would: no defensive mode, checks off where the fixture says. */
static void
apply_sql (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("fixture SQL: %s", message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A table reads the columns it uses and no others: a survey opens with
 * its dictionary, and a column is read the first time a table needs it. */
static void
test_table_reads_its_columns (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_open_read_only (path, &error);
  g_autoptr(EvkTableSource) source = NULL;
  g_autoptr(EvkTable) table = NULL;
  EvkSurvey *survey;
  EvkVariable *q1, *code, *comment;

  g_assert_no_error (error);
  source = evk_table_source_new (project);
  survey = evk_table_source_get_survey (source, NULL, &error);
  g_assert_no_error (error);
  q1 = evk_survey_get_variable (survey, "q1");
  code = evk_survey_get_variable (survey, "code");
  comment = evk_survey_get_variable (survey, "comment");
  g_assert_null (q1->column);
  g_assert_null (code->column);
  g_assert_null (comment->texts);
  g_assert_cmpuint (survey->n_rows, ==, N_ROWS);
  g_assert_cmpuint (q1->missing->len, ==, 1);

  table = evk_table_source_compute (source, "frequency q1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (q1->column);
  g_assert_cmpuint (evk_column_get_length (q1->column), ==, N_ROWS);
  g_assert_null (code->column);
  g_assert_null (comment->texts);
  g_clear_pointer (&table, evk_table_free);

  /* A filter reads the columns it names, once. */
  table = evk_table_source_compute (source, "frequency q1 filter=\"code = 100000001\"", &error);
  g_assert_no_error (error);
  g_assert_nonnull (code->column);
  g_assert_null (comment->texts);
  g_assert_cmpuint (evk_table_cell (table, 0, 0)->n + evk_table_cell (table, 1, 0)->n +
                    evk_table_cell (table, 2, 0)->n, ==, 5);
  g_clear_pointer (&table, evk_table_free);

  /* The whole survey, text answers included, when it is asked for. */
  g_assert_true (evk_survey_load_data (survey, &error));
  g_assert_no_error (error);
  g_assert_nonnull (comment->texts);
  g_assert_cmpstr (evk_variable_get_string (comment, 0), ==, "a remark");
  g_assert_cmpstr (evk_variable_get_string (comment, 1), ==, "");
  g_assert_null (survey->store);

  g_clear_pointer (&source, evk_table_source_free);
  g_assert_finalize_object (g_steal_pointer (&project));
  evk_test_rm_rf (dir);
}

/* A survey read without its data that another window replaces before a
 * column is read: the column is not taken from the new survey, and the
 * message says what happened. A column damaged since the survey was read
 * is refused naming the file, the survey and the variable. */
static void
test_column_read_later (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *damaged_path = g_build_filename (dir, "damaged.evalkit", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: survey “survey”: variable q1: ", damaged_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkProject) other = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurvey) again = NULL;
  g_autoptr(GBytes) bytes = evk_test_read (path);

  /* Damaged after the dictionary was read. */
  g_assert_true (g_file_set_contents (damaged_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  project = evk_project_open (damaged_path, &error);
  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), "survey", FALSE, &error);
  g_assert_no_error (error);
  apply_sql (damaged_path, "UPDATE column_data SET data = x'0102' WHERE variable_id = "
                           "(SELECT id FROM variable WHERE name = 'q1')");
  g_assert_null (evk_survey_get_column (survey, evk_survey_get_variable (survey, "q1"), &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);
  g_clear_pointer (&survey, evk_survey_free);
  g_assert_finalize_object (g_steal_pointer (&project));

  /* Replaced by another connection before a column was read. */
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), "survey", FALSE, &error);
  g_assert_no_error (error);
  other = evk_project_open (path, &error);
  g_assert_no_error (error);
  again = evk_survey_load (evk_project_get_store (other), "survey", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_save_survey (other, again, &error));
  g_assert_no_error (error);
  g_assert_null (evk_survey_get_column (survey, evk_survey_get_variable (survey, "q1"), &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "was replaced"));
  g_clear_error (&error);

  g_clear_pointer (&survey, evk_survey_free);
  g_clear_pointer (&again, evk_survey_free);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&project));
  evk_test_rm_rf (dir);
}

/* Text answers are held by row, only where there is one; the stored form
 * reads back to the same column, and a damaged one is refused whole. */
static void
test_text_column (void)
{
  g_autoptr(EvkTextColumn) texts = evk_text_column_new ();
  g_autoptr(EvkTextColumn) copy = NULL;
  gconstpointer rows, bytes;
  gsize rows_size, bytes_size;
  guint row = 0;

  evk_text_column_append (texts, "første");
  evk_text_column_append (texts, NULL);
  evk_text_column_append (texts, "");
  g_assert_true (evk_text_column_append_at (texts, 6, "sjuende"));
  g_assert_false (evk_text_column_append_at (texts, 6, "igjen"));
  g_assert_false (evk_text_column_append_at (texts, 2, "tilbake"));
  evk_text_column_pad (texts, 10);
  g_assert_cmpuint (evk_text_column_get_length (texts), ==, 10);
  g_assert_cmpuint (evk_text_column_get_n_answers (texts), ==, 2);
  g_assert_cmpstr (evk_text_column_get (texts, 0), ==, "første");
  for (guint i = 1; i < 6; i++)
    g_assert_cmpstr (evk_text_column_get (texts, i), ==, "");
  g_assert_cmpstr (evk_text_column_get (texts, 6), ==, "sjuende");
  g_assert_cmpstr (evk_text_column_get (texts, 9), ==, "");
  g_assert_cmpstr (evk_text_column_get (texts, 100), ==, "");
  g_assert_cmpstr (evk_text_column_get_answer (texts, 1, &row), ==, "sjuende");
  g_assert_cmpuint (row, ==, 6);

  rows = evk_text_column_get_rows (texts, &rows_size);
  bytes = evk_text_column_get_texts (texts, &bytes_size);
  g_assert_cmpuint (rows_size, ==, 8);
  g_assert_cmpuint (bytes_size, ==, strlen ("første") + 1 + strlen ("sjuende") + 1);
  copy = evk_text_column_new_from_data (10, rows, rows_size, bytes, bytes_size);
  g_assert_nonnull (copy);
  g_assert_cmpuint (evk_text_column_get_length (copy), ==, 10);
  g_assert_cmpstr (evk_text_column_get (copy, 6), ==, "sjuende");
  g_clear_pointer (&copy, evk_text_column_free);
  copy = evk_text_column_new_from_data (5, NULL, 0, NULL, 0);
  g_assert_nonnull (copy);
  g_assert_cmpuint (evk_text_column_get_n_answers (copy), ==, 0);

  /* Damaged: a row past the survey, rows out of order or twice, a count
   * of rows that is not whole, answers missing, empty, not UTF-8, or
   * bytes after the last. */
  {
    static const guint32 past[] = { 0, 10 }, back[] = { 6, 0 }, twice[] = { 6, 6 };
    static const char two[] = "a\0b";
    static const char one[] = "a";
    static const char empty[] = "a\0\0";
    static const char latin1[] = "a\0\xf8\0";
    static const char extra[] = "a\0b\0c";

    g_assert_null (evk_text_column_new_from_data (10, past, sizeof past, two, sizeof two));
    g_assert_null (evk_text_column_new_from_data (10, back, sizeof back, two, sizeof two));
    g_assert_null (evk_text_column_new_from_data (10, twice, sizeof twice, two, sizeof two));
    g_assert_null (evk_text_column_new_from_data (10, past, 7, two, sizeof two));
    g_assert_null (evk_text_column_new_from_data (10, past, sizeof past, one, sizeof one));
    g_assert_null (evk_text_column_new_from_data (10, (const guint32[]) { 0, 1 }, 8, one, sizeof one));
    g_assert_null (evk_text_column_new_from_data (10, (const guint32[]) { 0, 1 }, 8, empty, sizeof empty));
    g_assert_null (evk_text_column_new_from_data (10, (const guint32[]) { 0, 1 }, 8, latin1, sizeof latin1));
    g_assert_null (evk_text_column_new_from_data (10, (const guint32[]) { 0, 1 }, 8, extra, sizeof extra));
    g_assert_null (evk_text_column_new_from_data (1, (const guint32[]) { 0, 1 }, 8, two, sizeof two));
    g_clear_pointer (&copy, evk_text_column_free);
    g_assert_nonnull (copy = evk_text_column_new_from_data (10, (const guint32[]) { 0, 1 }, 8, two, sizeof two));
    g_clear_pointer (&copy, evk_text_column_free);
  }
}

/* A project saved before text answers were kept in one row per variable
 * has them in string_data: they read as before, and the survey saved
 * again keeps them the new way. */
static void
test_text_answers_saved_before (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  EvkVariable *comment;
  sqlite3_stmt *stmt;
  gboolean has_row;

  apply_sql (path, "DELETE FROM text_data;"
                   "INSERT INTO string_data (variable_id, row, value) "
                   "  SELECT id, 0, 'a remark' FROM variable WHERE name = 'comment';"
                   "INSERT INTO string_data (variable_id, row, value) "
                   "  SELECT id, 7, 'later, æøå' FROM variable WHERE name = 'comment';");
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error);
  g_assert_no_error (error);
  comment = evk_survey_get_variable (survey, "comment");
  g_assert_cmpuint (evk_text_column_get_length (comment->texts), ==, N_ROWS);
  g_assert_cmpstr (evk_variable_get_string (comment, 0), ==, "a remark");
  g_assert_cmpstr (evk_variable_get_string (comment, 7), ==, "later, æøå");
  g_assert_cmpstr (evk_variable_get_string (comment, 8), ==, "");

  g_assert_true (evk_project_save_survey (project, survey, &error));
  g_assert_no_error (error);
  stmt = evk_store_prepare (evk_project_get_store (project),
                            "SELECT (SELECT count(*) FROM string_data), (SELECT sum (n_answers) FROM text_data)",
                            &error);
  g_assert_true (evk_store_step (evk_project_get_store (project), stmt, &has_row, &error));
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
  sqlite3_reset (stmt);
  g_clear_pointer (&survey, evk_survey_free);

  survey = evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evk_variable_get_string (evk_survey_get_variable (survey, "comment"), 7), ==, "later, æøå");

  /* Damaged bytes of a stored answer are refused when it is read. */
  g_clear_pointer (&survey, evk_survey_free);
  g_assert_finalize_object (g_steal_pointer (&project));
  apply_sql (path, "UPDATE text_data SET texts = x'61ff00620a00'");
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "variable comment: its stored text answers are damaged"));

  g_assert_finalize_object (g_steal_pointer (&project));
  evk_test_rm_rf (dir);
}

/* A fixture's "-- KEY: value" header line, or NULL. */
static char *
fixture_header (const char *sql,
                const char *key)
{
  g_autofree char *marker = g_strdup_printf ("-- %s: ", key);
  const char *line = strstr (sql, marker);
  const char *end;

  if (line == NULL)
    return NULL;
  line += strlen (marker);
  end = strchr (line, '\n');
  return g_strndup (line, end - line);
}

static void
test_malformed (gconstpointer data)
{
  const char *fixture = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "malformed", fixture, NULL);
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *load = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkTable) table = NULL;

  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, NULL));
  expected = fixture_header (sql, "expect");
  load = fixture_header (sql, "load");
  g_assert_nonnull (expected);
  apply_sql (path, sql);
  before = evk_test_read (path);

  /* What the store itself can see (the tables as the migrations made
   * them, rows referring to rows that exist) is refused when the file is
   * opened. */
  if (load != NULL && g_str_equal (load, "open"))
    {
      prefix = g_strdup_printf ("%s: ", path);
      project = evk_project_open (path, &error);
      g_assert_null (project);
      g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, expected));
      after = evk_test_read (path);
      g_assert_true (g_bytes_equal (before, after));
      evk_test_rm_rf (dir);
      return;
    }

  /* Opened for writing, as the window opens it: a refusal must come
   * before anything (the default charts, say) is written. */
  project = evk_project_open (path, &error);
  g_assert_no_error (error);

  /* The strategy and the charts: one error naming the file. */
  if (load != NULL)
    {
      g_autoptr(EvkStrategy) strategy = NULL;
      g_autoptr(GPtrArray) charts = NULL;

      prefix = g_strdup_printf ("%s: ", path);
      if (g_str_equal (load, "strategy"))
        g_assert_null (strategy = evk_project_load_strategy (project, &error));
      else
        g_assert_null (charts = evk_project_list_charts (project, &error));
      g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, expected));
      g_clear_error (&error);
      g_assert_finalize_object (g_steal_pointer (&project));
      after = evk_test_read (path);
      g_assert_true (g_bytes_equal (before, after));
      evk_test_rm_rf (dir);
      return;
    }
  prefix = g_strdup_printf ("%s: survey “survey”: ", path);

  /* Without the data, and with it: one error that names the file, the
   * survey and what is wrong. */
  survey = evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error);
  g_assert_null (survey);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);

  table = evk_table_compute (project, "frequency q1", &error);
  g_assert_null (table);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_finalize_object (g_steal_pointer (&project));
  after = evk_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  evk_test_rm_rf (dir);
}

/* The rules hold through evk_table_compute, with the project's own
 * threshold (5 when unset), which a table's small=N may raise only. */
static void
test_privacy_project_threshold (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_open (path, &error);
  g_autoptr(EvkTable) table = NULL;
  guint threshold = 0;

  g_assert_no_error (error);
  g_assert_true (evk_project_get_small_cell (project, &threshold, &error));
  g_assert_cmpuint (threshold, ==, EVK_SMALL_CELL_DEFAULT);

  /* code = BIG_CODE is five respondents: enough under 5. */
  table = evk_table_compute (project, "frequency q1 filter=\"code = 100000001\"", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->small_cell, ==, 5);
  g_clear_pointer (&table, evk_table_free);

  g_assert_true (evk_project_set_small_cell (project, 6, &error));
  g_assert_no_error (error);
  g_assert_null (evk_table_compute (project, "frequency q1 filter=\"code = 100000001\"", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_assert_true (g_str_has_prefix (error->message, "filter=\"code = 100000001\": it selects 5 respondents"));
  g_clear_error (&error);
  g_assert_null (evk_table_compute (project, "crosstab q1 groups=all,immigrant-organisations", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A table may not lower the threshold, only raise it. */
  g_assert_null (evk_table_compute (project, "frequency q1 small=2", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  table = evk_table_compute (project, "frequency q1 small=8", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->small_cell, ==, 8);
  g_clear_pointer (&table, evk_table_free);

  /* Free text is never a table. */
  g_assert_null (evk_table_compute (project, "frequency comment", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_clear_error (&error);

  g_assert_finalize_object (g_steal_pointer (&project));
  apply_sql (path, "INSERT OR REPLACE INTO project_meta (key, value) VALUES ('privacy.small-cell', '-3')");
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (evk_table_compute (project, "frequency q1", &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "privacy.small-cell"));
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&project));
  evk_test_rm_rf (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) fixtures = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/survey/i32-codes-stay-distinct", test_i32_codes_stay_distinct);
  g_test_add_func ("/evk/survey/column-widths", test_column_widths);
  g_test_add_func ("/evk/survey/privacy-project-threshold", test_privacy_project_threshold);
  g_test_add_func ("/evk/survey/table-reads-its-columns", test_table_reads_its_columns);
  g_test_add_func ("/evk/survey/column-read-later", test_column_read_later);
  g_test_add_func ("/evk/survey/text-column", test_text_column);
  g_test_add_func ("/evk/survey/text-answers-saved-before", test_text_answers_saved_before);

  /* One test per crafted file under tests/data/malformed/. */
  dir = g_test_build_filename (G_TEST_DIST, "data", "malformed", NULL);
  fixtures = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (fixtures);
  while ((name = g_dir_read_name (fixtures)) != NULL)
    if (g_str_has_suffix (name, ".sql"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *fixture = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (fixture, strlen (fixture) - strlen (".sql"));
      g_autofree char *test_path = g_strdup_printf ("/evk/survey/malformed/%s", stem);

      g_test_add_data_func (test_path, fixture, test_malformed);
    }
  return g_test_run ();
}
