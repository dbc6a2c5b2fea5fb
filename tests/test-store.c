/* test-store.c: the project file: creation, refusal of bad files, durability
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "evk-store.h"
#include "evk-store-texts.h"
#include "evk-test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = evk_test_tmpdir ();
  f->path = g_build_filename (f->dir, "p.evalkit", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
pragma_int (EvkStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = evk_store_prepare (store, sql, &error);
  gboolean has_row;
  int value;

  g_assert_no_error (error);
  evk_store_step (store, stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
create_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = evk_store_open (path, EVK_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (evk_store_add_language (store, "nb", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (evk_store_exec (store, "INSERT INTO goal (key, position) VALUES ('1', 0)", &error));
  g_assert_no_error (error);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  create_project (f->path);
  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_cmpint (evk_store_get_schema_version (store), ==, evk_store_get_latest_version ());
  g_assert_cmpint (pragma_int (store, "PRAGMA user_version"), ==, evk_store_get_latest_version ());
  g_assert_cmpint (pragma_int (store, "PRAGMA application_id"), ==, EVK_APPLICATION_ID);
  g_assert_cmpint (pragma_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (store, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (pragma_int (store, "PRAGMA synchronous"), ==, 2);

  stmt = evk_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  evk_store_step (store, stmt, &has_row, &error);
  g_assert_cmpstr (evk_stmt_column_text (stmt, 0), ==, "delete");
  sqlite3_reset (stmt);

  /* Defensive mode: the schema cannot be edited behind SQLite's back. */
  g_assert_false (evk_store_exec (store, "PRAGMA writable_schema = ON; "
                                         "UPDATE sqlite_schema SET sql = '' WHERE name = 'goal'",
                                  &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Foreign keys are enforced. */
  g_assert_false (evk_store_exec (store, "INSERT INTO measure (number, goal_id) VALUES (1, 999)",
                                  &error));
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CONSTRAINT);
}

/* A file of an earlier format is brought forward when opened. The oldest
 * "earlier version" is 0: an Evalkit file whose schema was never written
 * (creation cut short). Each later format adds a fixture here. */
static void
test_migrates_older (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", (int) EVK_APPLICATION_ID);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE placeholder (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evk_store_get_schema_version (store), ==, evk_store_get_latest_version ());
  g_assert_cmpint (pragma_int (store, "PRAGMA user_version"), ==, evk_store_get_latest_version ());
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'measure'"), ==, 1);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM placeholder"), ==, 0);
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;

  g_file_set_contents (f->path, "hello", -1, NULL);
  store = evk_store_open (f->path, EVK_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS);
}

/* Every refusal must leave the file exactly as it was. */
static void
assert_refused (const char  *path,
                int          code,
                const char  *message_part)
{
  g_autoptr(GBytes) before = evk_test_read (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = evk_store_open (path, EVK_STORE_OPEN_DEFAULT, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, EVK_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));

  after = evk_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (Fixture       *f,
                       gconstpointer  data)
{
  g_file_set_contents (f->path, "Tiltak;Status\n1;Gjennomført\n", -1, NULL);
  assert_refused (f->path, EVK_STORE_ERROR_NOT_A_PROJECT, "not an Evalkit project");
}

static void
test_refuse_empty_file (Fixture       *f,
                        gconstpointer  data)
{
  g_file_set_contents (f->path, "", 0, NULL);
  assert_refused (f->path, EVK_STORE_ERROR_NOT_A_PROJECT, "not an Evalkit project");
}

static void
test_refuse_foreign_database (Fixture       *f,
                              gconstpointer  data)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f->path, EVK_STORE_ERROR_NOT_A_PROJECT, "another program");
}

static void
test_refuse_truncated (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  create_project (f->path);
  whole = evk_test_read (f->path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >, 8192);
  /* Cut at a page boundary (the harder case) and mid-page. */
  g_file_set_contents (f->path, g_bytes_get_data (whole, NULL), size / 2 - (size / 2) % 4096, NULL);
  assert_refused (f->path, EVK_STORE_ERROR_CORRUPT, "damaged");
  g_file_set_contents (f->path, g_bytes_get_data (whole, NULL), size - 1000, NULL);
  assert_refused (f->path, EVK_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_refuse_corrupt_page (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize size;

  create_project (f->path);
  whole = evk_test_read (f->path);
  size = g_bytes_get_size (whole);
  bytes = g_memdup2 (g_bytes_get_data (whole, NULL), size);
  /* Scribble over the second page (the first table's b-tree). */
  memset (bytes + 4096, 0xA5, 200);
  g_file_set_contents (f->path, (char *) bytes, size, NULL);
  assert_refused (f->path, EVK_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          evk_store_get_latest_version () + 1);
  sqlite3 *db;

  create_project (f->path);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f->path, EVK_STORE_ERROR_TOO_NEW, "newer version of Evalkit");
}

/* A negative format number (PRAGMA user_version, set by hand) indexed the
 * list of migrations before its start (found by tests/fuzz/fuzz-project;
 * its input is tests/data/malformed/project/negative-schema-version.bin). */
static void
test_refuse_negative_version (Fixture       *f,
                              gconstpointer  data)
{
  sqlite3 *db;

  create_project (f->path);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = -37", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f->path, EVK_STORE_ERROR_CORRUPT, "file format number -37");
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static gboolean
insert_then_fail (EvkStore  *store,
                  gpointer   user_data,
                  GError   **error)
{
  g_assert_true (evk_store_exec (store, "INSERT INTO goal (key, position) VALUES ('2', 1)", NULL));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stop");
  return FALSE;
}

static void
test_transaction_rolls_back (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;

  create_project (f->path);
  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_false (evk_store_transaction (store, insert_then_fail, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM goal"), ==, 1);
  g_assert_false (evk_store_in_transaction (store));
}

/* A process killed in the middle of a transaction loses that transaction
 * and nothing committed before it. */
static void
test_kill_mid_transaction (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  int status;
  pid_t pid;

  create_project (f->path);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      EvkStore *child = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, NULL);

      if (child == NULL ||
          !evk_store_exec (child, "INSERT INTO goal (key, position) VALUES ('committed', 1)", NULL) ||
          !evk_store_exec (child, "BEGIN IMMEDIATE", NULL))
        _exit (3);
      for (int i = 0; i < 20000; i++)
        {
          g_autofree char *sql = g_strdup_printf ("INSERT INTO goal (key, position) VALUES ('g%d', %d)",
                                                  i, i + 2);
          if (!evk_store_exec (child, sql, NULL))
            _exit (4);
        }
      kill (getpid (), SIGKILL);
      _exit (5);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM goal WHERE key = 'committed'"), ==, 1);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM goal"), ==, 2);
  g_assert_cmpint (pragma_int (store, "SELECT quick_check = 'ok' FROM pragma_quick_check"), ==, 1);
}

static void
test_text_states (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;

  create_project (f->path);
  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_true (evk_store_add_language (store, "en", FALSE, &error));

  g_assert_cmpint (evk_store_get_text_state (store, "goal", 1, "title", "en", &error), ==, EVK_TEXT_MISSING);
  g_assert_true (evk_store_set_text (store, "goal", 1, "title", "nb", "Flere deltar", &error));
  g_assert_true (evk_store_set_text (store, "goal", 1, "title", "en", "More take part", &error));
  g_assert_no_error (error);
  g_assert_cmpint (evk_store_get_text_state (store, "goal", 1, "title", "en", &error), ==, EVK_TEXT_CURRENT);

  /* The source changes: the translation is now outdated … */
  g_assert_true (evk_store_set_text (store, "goal", 1, "title", "nb", "Flere deltar i frivilligheten", &error));
  g_assert_cmpint (evk_store_get_text_state (store, "goal", 1, "title", "en", &error), ==, EVK_TEXT_OUTDATED);
  /* … and re-saving it unchanged does not make it current … */
  g_assert_true (evk_store_set_text (store, "goal", 1, "title", "en", "More take part", &error));
  g_assert_cmpint (evk_store_get_text_state (store, "goal", 1, "title", "en", &error), ==, EVK_TEXT_OUTDATED);
  /* … while a new translation does. */
  g_assert_true (evk_store_set_text (store, "goal", 1, "title", "en", "More take part in volunteering", &error));
  g_assert_cmpint (evk_store_get_text_state (store, "goal", 1, "title", "en", &error), ==, EVK_TEXT_CURRENT);

  /* Deleting the owner removes its texts. */
  g_assert_true (evk_store_exec (store, "DELETE FROM goal WHERE id = 1", &error));
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM text WHERE entity = 'goal'"), ==, 0);
  g_assert_no_error (error);
}

static gboolean
any_statement_busy (EvkStore *store)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (evk_store_get_db (store), NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (evk_store_get_db (store), stmt))
    if (sqlite3_stmt_busy (stmt))
      return TRUE;
  return FALSE;
}

/* A window's connection and the command line's: the window sees the other
 * commit, and its text lookups hold no read open on an old snapshot. An
 * undo puts a text back with its fingerprint, state and all. */
static void
test_other_connection (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) window = NULL, terminal = NULL;
  g_autofree char *body = NULL, *fp = NULL, *now = NULL;
  gint64 version;

  create_project (f->path);
  window = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_true (evk_store_add_language (window, "en", FALSE, &error));
  g_assert_true (evk_store_set_text (window, "goal", 1, "title", "nb", "Flere deltar", &error));
  g_assert_true (evk_store_set_text (window, "goal", 1, "title", "en", "More take part", &error));
  g_assert_true (evk_store_get_text_version (window, "goal", 1, "title", "en", &body, &fp, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "More take part");
  g_assert_nonnull (fp);
  g_assert_cmpint (evk_store_get_text_state (window, "goal", 1, "title", "en", &error), ==, EVK_TEXT_CURRENT);
  g_assert_false (any_statement_busy (window));
  version = evk_store_get_data_version (window);
  g_assert_cmpint (version, ==, evk_store_get_data_version (window));

  /* Its own commits leave the version; another connection's change it. */
  g_assert_true (evk_store_set_text (window, "goal", 1, "title", "en", "More people take part", &error));
  g_assert_cmpint (evk_store_get_data_version (window), ==, version);
  terminal = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_set_text (terminal, "goal", 1, "title", "nb", "Flere deltar i frivilligheten", &error));
  g_assert_cmpint (evk_store_get_data_version (window), !=, version);
  g_assert_cmpint (evk_store_get_text_state (window, "goal", 1, "title", "en", &error), ==, EVK_TEXT_OUTDATED);

  /* Put back as it was: the old fingerprint, so current again only once
   * the source is back too. */
  g_assert_true (evk_store_put_text_version (window, "goal", 1, "title", "en", body, fp, &error));
  g_assert_true (evk_store_get_text_version (window, "goal", 1, "title", "en", &now, NULL, &error));
  g_assert_cmpstr (now, ==, "More take part");
  g_assert_cmpint (evk_store_get_text_state (window, "goal", 1, "title", "en", &error), ==, EVK_TEXT_OUTDATED);
  g_assert_true (evk_store_set_text (window, "goal", 1, "title", "nb", "Flere deltar", &error));
  g_assert_cmpint (evk_store_get_text_state (window, "goal", 1, "title", "en", &error), ==, EVK_TEXT_CURRENT);
  /* No text at all puts back a missing one. */
  g_assert_true (evk_store_put_text_version (window, "goal", 1, "title", "en", NULL, NULL, &error));
  g_assert_cmpint (evk_store_get_text_state (window, "goal", 1, "title", "en", &error), ==, EVK_TEXT_MISSING);
  g_assert_no_error (error);
  g_assert_false (any_statement_busy (window));
}

static void
assert_no_side_files (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s is still there", side);
    }
}

static int
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  int n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A user copies or mails the .evalkit file while the project is open: the
 * file alone must already hold every committed edit. */
static void
test_file_alone (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  g_autoptr(EvkStore) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *copy_dir = evk_test_tmpdir ();
  g_autofree char *copy_path = g_build_filename (copy_dir, "copy.evalkit", NULL);

  create_project (f->path);
  assert_no_side_files (f->path);
  g_assert_cmpint (count_entries (f->dir), ==, 1);

  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_exec (store, "INSERT INTO goal (key, position) VALUES ('edit', 1)", &error));
  g_assert_no_error (error);

  /* The window is still open: copy the main file alone. */
  bytes = evk_test_read (f->path);
  g_assert_true (g_file_set_contents (copy_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  assert_no_side_files (f->path);

  copy = evk_store_open (copy_path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (copy, "SELECT count(*) FROM goal WHERE key = 'edit'"), ==, 1);
  g_clear_pointer (&copy, evk_store_free);
  assert_no_side_files (copy_path);
  evk_test_rm_rf (copy_dir);
}

/* A file an earlier Evalkit left with its latest commits in a WAL, and its
 * application id only there (as after New, then Quit): it opens, nothing is
 * lost, and it becomes a single self-contained file. */
static void
test_legacy_wal (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", (int) EVK_APPLICATION_ID);
  g_autofree char *old_path = g_build_filename (f->dir, "old.evalkit", NULL);
  g_autofree char *old_wal = g_strconcat (old_path, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GBytes) main_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE placeholder (x)", NULL, NULL, NULL), ==, SQLITE_OK);

  /* What a crash leaves: the files as they are while the writer is open. */
  main_bytes = evk_test_read (old_path);
  wal_bytes = evk_test_read (old_wal);
  g_assert_cmpuint (g_bytes_get_size (wal_bytes), >, 0);
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (main_bytes, NULL),
                                      g_bytes_get_size (main_bytes), NULL));
  g_assert_true (g_file_set_contents (wal, g_bytes_get_data (wal_bytes, NULL),
                                      g_bytes_get_size (wal_bytes), NULL));
  sqlite3_close (db);

  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store, "PRAGMA application_id"), ==, EVK_APPLICATION_ID);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'placeholder'"), ==, 1);
  g_assert_cmpint (evk_store_get_schema_version (store), ==, evk_store_get_latest_version ());
  g_clear_pointer (&store, evk_store_free);
  assert_no_side_files (f->path);

  /* A read-only look at the converted file finds it whole. */
  store = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'placeholder'"), ==, 1);
}

/* A reader that opened first and closes while a writer goes on must not
 * take anything of the writer's with it. */
static void
test_reader_and_writer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EvkStore *reader, *writer;
  g_autoptr(EvkStore) store = NULL;

  create_project (f->path);
  reader = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  writer = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_exec (writer, "INSERT INTO goal (key, position) VALUES ('a', 1)", &error));
  g_assert_cmpint (pragma_int (reader, "SELECT count(*) FROM goal"), ==, 2);
  evk_store_free (reader);
  g_assert_true (evk_store_exec (writer, "INSERT INTO goal (key, position) VALUES ('b', 2)", &error));
  g_assert_no_error (error);
  evk_store_free (writer);

  assert_no_side_files (f->path);
  store = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM goal"), ==, 3);
}

/* Killed while a large commit is being written, at a different moment each
 * round: the file reopens with all of the commit or none of it. */
static void
test_kill_during_commit (Fixture       *f,
                         gconstpointer  data)
{
  create_project (f->path);

  for (int round = 0; round < 12; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkStore) store = NULL;
      int status, before, after;
      pid_t pid;

      store = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      before = pragma_int (store, "SELECT count(*) FROM goal");
      g_clear_pointer (&store, evk_store_free);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          EvkStore *child = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, NULL);

          if (child == NULL || !evk_store_exec (child, "BEGIN IMMEDIATE", NULL))
            _exit (3);
          for (int i = 0; i < 4000; i++)
            {
              g_autofree char *sql = g_strdup_printf ("INSERT INTO goal (key, position) "
                                                      "VALUES ('r%d-%d-%s', %d)", round, i,
                                                      "padding padding padding padding", before + i);
              if (!evk_store_exec (child, sql, NULL))
                _exit (4);
            }
          evk_store_exec (child, "COMMIT", NULL);
          _exit (0);
        }
      g_usleep (g_random_int_range (0, 60000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status))
        g_assert_cmpint (WEXITSTATUS (status), ==, 0);

      store = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      after = pragma_int (store, "SELECT count(*) FROM goal");
      g_assert_true (after == before || after == before + 4000);
      g_clear_pointer (&store, evk_store_free);

      /* Whatever the moment, a writer can go on from there. */
      store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (pragma_int (store, "SELECT quick_check = 'ok' FROM pragma_quick_check"), ==, 1);
    }

  /* A journal cut short before its commit began is not hot and may stay
   * until the next write, which removes it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EvkStore) store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (evk_store_exec (store, "INSERT INTO goal (key, position) VALUES ('end', -1)", &error));
  }
  assert_no_side_files (f->path);
}

/* Save a Copy: one consistent, self-contained file, taken while the
 * project stays open. */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  g_autoptr(EvkStore) copy = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.evalkit", NULL);

  create_project (f->path);
  store = evk_store_open (f->path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_exec (store, "INSERT INTO goal (key, position) VALUES ('edit', 1)", &error));
  g_assert_true (evk_store_save_copy (store, copy_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_entries (f->dir), ==, 2);

  copy = evk_store_open (copy_path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (copy, "SELECT count(*) FROM goal WHERE key = 'edit'"), ==, 1);
  g_assert_cmpint (pragma_int (copy, "PRAGMA application_id"), ==, EVK_APPLICATION_ID);
  g_clear_pointer (&copy, evk_store_free);
  assert_no_side_files (copy_path);

  /* Over an existing file: replaced whole. */
  g_assert_true (evk_store_exec (store, "INSERT INTO goal (key, position) VALUES ('later', 2)", &error));
  g_assert_true (evk_store_save_copy (store, copy_path, &error));
  g_assert_no_error (error);
  copy = evk_store_open (copy_path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (copy, "SELECT count(*) FROM goal"), ==, 3);
}

/* A project killed while it was being created leaves nothing or a whole
 * empty project: never a file the next open refuses. */
static void
test_kill_during_create (Fixture       *f,
                         gconstpointer  data)
{
  for (int round = 0; round < 12; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkStore) store = NULL;
      int status;
      pid_t pid;

      g_unlink (f->path);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          EvkStore *child = evk_store_open (f->path, EVK_STORE_OPEN_CREATE, NULL);
          _exit (child != NULL ? 0 : 3);
        }
      g_usleep (g_random_int_range (0, 8000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status))
        g_assert_cmpint (WEXITSTATUS (status), ==, 0);

      if (!g_file_test (f->path, G_FILE_TEST_EXISTS))
        continue;
      store = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpint (evk_store_get_schema_version (store), ==, evk_store_get_latest_version ());
    }

  /* What the killed processes left half-made is cleared by the next one
   * that makes a file of that name. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EvkStore) store = NULL;

    g_unlink (f->path);
    store = evk_store_open (f->path, EVK_STORE_OPEN_CREATE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_entries (f->dir), ==, 1);
  }
}

/* A project with one numeric column of 200,000 answers: its blob spans
 * some fifty overflow pages, which an open does not read. */
static void
create_project_with_column (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;

  create_project (path);
  store = evk_store_open (path, EVK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (evk_store_exec (store,
                                 "INSERT INTO survey (id, name, n_respondents) VALUES (1, 's', 200000);"
                                 "INSERT INTO variable (id, survey_id, position, name, type) "
                                 "  VALUES (1, 1, 0, 'q1', 'numeric');"
                                 "INSERT INTO column_data VALUES (1, 'i8', 200000, zeroblob (200000));",
                                 &error));
  g_assert_no_error (error);
}

/* Breaks the overflow chain of the column's blob in the middle: the page
 * that should name the next one names a page far past the end. */
static void
break_column_chain (const char *path)
{
  g_autoptr(GBytes) whole = evk_test_read (path);
  g_autofree guint8 *bytes = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize size = g_bytes_get_size (whole);
  gint64 page = 0, page_size = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno, pgsize FROM dbstat WHERE name = 'column_data' "
                                           "AND pagetype = 'overflow' ORDER BY pageno LIMIT 1 OFFSET 20",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  bytes = g_memdup2 (g_bytes_get_data (whole, NULL), size);
  g_assert_cmpint ((page - 1) * page_size + 4, <=, (gint64) size);
  memset (bytes + (page - 1) * page_size, 0x7f, 4);
  g_assert_true (g_file_set_contents (path, (char *) bytes, size, NULL));
}

static void
assert_read_refused (EvkStore   *store,
                     const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = evk_store_prepare (store, sql, &error);
  gboolean has_row = TRUE;

  g_assert_no_error (error);
  while (has_row && evk_store_step (store, stmt, &has_row, &error))
    ;
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_test_message ("refused on read: %s", error->message);
  g_assert_cmpstr (error->message, ==, "the project file is damaged (SQLite cannot read its structure)");
}

/* An ordinary open does not read the whole file: a page damaged in a
 * survey's column is refused when the column is first read, with the
 * message an open gives, and an open that asks for the full check
 * refuses the file at once, leaving it as it was. */
static void
test_damage_found_on_read (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;

  create_project_with_column (f->path);
  break_column_chain (f->path);
  before = evk_test_read (f->path);

  store = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store, "SELECT count(*) FROM goal"), ==, 1);
  assert_read_refused (store, "SELECT data FROM column_data");
  g_clear_pointer (&store, evk_store_free);

  store = evk_store_open (f->path, EVK_STORE_OPEN_CHECK_INTEGRITY, &error);
  g_assert_null (store);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "integrity check failed"));
  after = evk_test_read (f->path);
  g_assert_true (g_bytes_equal (before, after));

  /* The undamaged file passes the full check. */
  g_unlink (f->path);
  create_project_with_column (f->path);
  g_clear_error (&error);
  store = evk_store_open (f->path, EVK_STORE_OPEN_CHECK_INTEGRITY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* A commit cut short (the machine stopped, a USB stick pulled out) leaves
 * a hot journal: the next open plays it back and then checks every page,
 * so damage where no open reads is refused there and then. */
static void
test_hot_journal_checks_all (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStore) store = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  int status;
  pid_t pid;

  create_project_with_column (f->path);
  break_column_chain (f->path);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      /* A page cache of ten pages spills a large transaction into the
       * file before its commit: the journal on disk is then hot. */
      if (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA cache_size = 10; BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        _exit (3);
      for (int i = 0; i < 3000; i++)
        {
          g_autofree char *sql = g_strdup_printf ("INSERT INTO goal (key, position) VALUES ('goal %d "
                                                  "with a long key to fill pages', %d)", i, i + 2);
          if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
            _exit (4);
        }
      kill (getpid (), SIGKILL);
      _exit (5);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  store = evk_store_open (f->path, EVK_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_test_message ("refused after the playback: %s", error->message);
  g_assert_nonnull (strstr (error->message, "integrity check failed"));
  /* The playback put back what was committed. */
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/store/create", test_create);
  ADD ("/evk/store/create-refuses-existing", test_create_refuses_existing);
  ADD ("/evk/store/migrates-older", test_migrates_older);
  ADD ("/evk/store/refuse/text-file", test_refuse_text_file);
  ADD ("/evk/store/refuse/empty-file", test_refuse_empty_file);
  ADD ("/evk/store/refuse/foreign-database", test_refuse_foreign_database);
  ADD ("/evk/store/refuse/truncated", test_refuse_truncated);
  ADD ("/evk/store/refuse/corrupt-page", test_refuse_corrupt_page);
  ADD ("/evk/store/refuse/newer-version", test_refuse_newer);
  ADD ("/evk/store/refuse/negative-version", test_refuse_negative_version);
  ADD ("/evk/store/refuse/missing", test_missing);
  ADD ("/evk/store/refuse/damage-found-on-read", test_damage_found_on_read);
  ADD ("/evk/store/refuse/hot-journal-checks-all", test_hot_journal_checks_all);
  ADD ("/evk/store/transaction-rolls-back", test_transaction_rolls_back);
  ADD ("/evk/store/kill-mid-transaction", test_kill_mid_transaction);
  ADD ("/evk/store/text-states", test_text_states);
  ADD ("/evk/store/other-connection", test_other_connection);
  ADD ("/evk/store/file-alone", test_file_alone);
  ADD ("/evk/store/legacy-wal", test_legacy_wal);
  ADD ("/evk/store/reader-and-writer", test_reader_and_writer);
  ADD ("/evk/store/kill-during-commit", test_kill_during_commit);
  ADD ("/evk/store/kill-during-create", test_kill_during_create);
  ADD ("/evk/store/save-copy", test_save_copy);
#undef ADD

  return g_test_run ();
}
