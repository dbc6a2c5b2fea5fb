/* fuzz-project.c: a project file is untrusted input (structure-aware)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Random bytes are almost never an SQLite file, so this target starts from
 * a small valid project (the demo cut to 200 respondents) and reads the
 * input as a program of changes made through SQL, as someone with a copy
 * of the file and the sqlite3 shell could: set a cell of any table to an
 * odd value (NULL, -1, 2^31, 3e9, NaN, text, a blob), delete or copy rows,
 * strip a table of its constraints, drop a table or a column, rewrite a
 * packed column, run a statement given in the input. Then the project is
 * opened as the app opens it, and its strategy, surveys, charts (with
 * their tables) and counts are loaded. Errors are fine; a crash, a hang
 * or a leak is a bug.
 *
 * Projects whose survey data contradict the survey (a column longer or
 * shorter than the survey, a respondent count out of range, two variables
 * or two multiple-response sets of one name, or of no name) must be
 * refused cleanly like any other damage; the first ones found are kept in
 * tests/data/malformed/project/.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "evk-charts.h"
#include "evk-project.h"
#include "evk-survey.h"
#include "fuzz-common.h"

#define MAX_OPS 12

typedef struct {
  char  *name;
  GStrv  columns;
} Table;

static GPtrArray *tables;     /* Table */
static char *template_data;
static gsize template_size;

typedef struct {
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Input;

static guint
take_byte (Input *in)
{
  return in->pos < in->size ? in->data[in->pos++] : 0;
}

static gint64
take_int64 (Input *in)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v = v << 8 | take_byte (in);
  return (gint64) v;
}

/* Up to 255 bytes, as given. */
static GBytes *
take_bytes (Input *in)
{
  gsize wanted = take_byte (in);
  gsize n = MIN (wanted, in->size - in->pos);
  GBytes *bytes = g_bytes_new (in->data + in->pos, n);

  in->pos += n;
  return bytes;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            Input        *in)
{
  static const gint64 interesting[] = {
    -1, 0, 1, 2, 255, 256, 65535, 65536, G_MAXINT32, (gint64) G_MAXINT32 + 1, G_MININT32,
    G_MAXUINT32, 3000000000, 100000000, G_MAXINT64, G_MININT64, -2, 1000000,
  };
  g_autoptr(GBytes) bytes = NULL;
  union { gint64 i; double d; } bits;

  switch (take_byte (in) % 7)
    {
    case 0:
      sqlite3_bind_null (stmt, index);
      break;
    case 1:
      sqlite3_bind_int64 (stmt, index, (gint8) take_byte (in));
      break;
    case 2:
      sqlite3_bind_int64 (stmt, index, interesting[take_byte (in) % G_N_ELEMENTS (interesting)]);
      break;
    case 3:
      bits.i = take_int64 (in);
      sqlite3_bind_double (stmt, index, bits.d);
      break;
    case 4:
      sqlite3_bind_int64 (stmt, index, take_int64 (in));
      break;
    case 5:
      bytes = take_bytes (in);
      sqlite3_bind_text (stmt, index, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         SQLITE_TRANSIENT);
      break;
    default:
      bytes = take_bytes (in);
      sqlite3_bind_blob (stmt, index, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         SQLITE_TRANSIENT);
      break;
    }
}

/* Runs sql with ?1 a value from the input and ?2 a row offset; failures
 * (a constraint, a table dropped before) are part of the game. */
static void
run (sqlite3    *db,
     const char *sql,
     Input      *in)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    bind_value (stmt, 1, in);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int (stmt, 2, take_byte (in) % 64);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
}

static void
mutate (sqlite3 *db,
        Input   *in)
{
  for (guint op = 0; op < MAX_OPS && in->pos < in->size; op++)
    {
      Table *t = g_ptr_array_index (tables, take_byte (in) % tables->len);
      const char *c = t->columns[take_byte (in) % g_strv_length (t->columns)];
      g_autofree char *sql = NULL;
      guint kind = take_byte (in) % 10;

      switch (kind)
        {
        case 0:   /* one cell */
          sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE \"%s\" IS "
                                 "(SELECT \"%s\" FROM \"%s\" LIMIT 1 OFFSET ?2)",
                                 t->name, c, c, c, t->name);
          break;
        case 1:   /* a whole column */
          sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1", t->name, c);
          break;
        case 2:   /* rows gone */
          sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" IS ?1 OR \"%s\" IS "
                                 "(SELECT \"%s\" FROM \"%s\" LIMIT 1 OFFSET ?2)",
                                 t->name, c, c, c, t->name);
          break;
        case 3:   /* a row twice, as far as the constraints let it */
          sql = g_strdup_printf ("INSERT OR IGNORE INTO \"%s\" SELECT * FROM \"%s\" "
                                 "WHERE ?1 IS NOT 0 LIMIT 1 OFFSET ?2", t->name, t->name);
          break;
        case 4:   /* the table without its keys, UNIQUE and CHECK constraints */
          sql = g_strdup_printf ("CREATE TABLE fuzz_copy AS SELECT * FROM \"%s\";"
                                 "DROP TABLE \"%s\";"
                                 "ALTER TABLE fuzz_copy RENAME TO \"%s\";",
                                 t->name, t->name, t->name);
          sqlite3_exec (db, sql, NULL, NULL, NULL);
          sqlite3_exec (db, "DROP TABLE IF EXISTS fuzz_copy", NULL, NULL, NULL);
          continue;
        case 5:
          sql = g_strdup_printf ("ALTER TABLE \"%s\" DROP COLUMN \"%s\"", t->name, c);
          break;
        case 6:
          sql = g_strdup_printf ("DROP TABLE \"%s\"", t->name);
          break;
        case 7:   /* a packed column rewritten: its kind, count or bytes */
          sql = g_strdup_printf ("UPDATE column_data SET %s = ?1 WHERE variable_id IS "
                                 "(SELECT variable_id FROM column_data LIMIT 1 OFFSET ?2)",
                                 (const char *[]) { "kind", "n_rows", "data" }[take_byte (in) % 3]);
          break;
        case 8:   /* a statement from the input, kept inside this file */
          {
            g_autoptr(GBytes) bytes = take_bytes (in);
            gsize length = 0;
            const char *bytes_data = g_bytes_get_data (bytes, &length);
            g_autofree char *text = g_strndup (length > 0 ? bytes_data : "", length);
            g_autofree char *folded = g_ascii_strdown (text, -1);

            if (strstr (folded, "vacuum") == NULL && strstr (folded, "attach") == NULL)
              sqlite3_exec (db, text, NULL, NULL, NULL);
          }
          continue;
        default:  /* the schema version */
          sql = g_strdup_printf ("PRAGMA user_version = %d", (int) (gint8) take_byte (in));
          break;
        }
      run (db, sql, in);
    }
}

static void
load_tables (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  tables = g_ptr_array_new ();
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Table *t = g_new0 (Table, 1);
      g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
      g_autofree char *sql = NULL;
      sqlite3_stmt *info = NULL;

      t->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", t->name);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &info, NULL), ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        g_strv_builder_add (columns, (const char *) sqlite3_column_text (info, 0));
      sqlite3_finalize (info);
      t->columns = g_strv_builder_end (columns);
      g_assert_nonnull (t->columns[0]);
      g_ptr_array_add (tables, t);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  evk_fuzz_init ();
  g_assert_true (g_file_get_contents (evk_fuzz_project_path (), &template_data, &template_size, &error));
  load_tables (evk_fuzz_project_path ());
  return 0;
}

static int
deny_attach (void       *user_data,
             int         action,
             const char *a,
             const char *b,
             const char *c,
             const char *d)
{
  return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

static void
use_project (EvkProject *project,
             guint       which_chart)
{
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_auto(GStrv) surveys = NULL;
  g_autoptr(GError) error = NULL;
  EvkProjectCounts counts;

  strategy = evk_project_load_strategy (project, &error);
  g_clear_error (&error);
  surveys = evk_survey_list (evk_project_get_store (project), &error);
  g_clear_error (&error);
  for (guint i = 0; surveys != NULL && surveys[i] != NULL; i++)
    {
      g_autoptr(EvkSurvey) survey = evk_survey_load (evk_project_get_store (project), surveys[i],
                                                     TRUE, &error);

      g_clear_error (&error);
    }
  if (!evk_project_get_counts (project, &counts, &error))
    g_clear_error (&error);

  charts = evk_project_list_charts (project, &error);
  g_clear_error (&error);
  /* One chart per input, chosen by it: each loads the survey again and
   * costs more than all the rest. */
  if (charts != NULL && charts->len > 0)
    {
      g_autoptr(EvkTable) table = NULL;

      table = evk_project_compute_chart (project, g_ptr_array_index (charts, which_chart % charts->len),
                                         &error);
      g_clear_error (&error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = evk_fuzz_write ("project.evalkit", (const guint8 *) template_data,
                                          template_size);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  Input in = { data, size, 0 };
  sqlite3 *db = NULL;

  remove (wal);
  remove (shm);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* The statements come from the input: they must not reach other files. */
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_set_authorizer (db, deny_attach, NULL);
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  mutate (db, &in);
  sqlite3_close (db);

  project = evk_project_open (path, &error);
  if (project == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  use_project (project, size > 0 ? data[size - 1] : 0);
  return 0;
}
