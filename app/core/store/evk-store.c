/* evk-store.c: the SQLite project file: open, migrate, statements, transactions
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <unistd.h>

#include "evk-core-resources.h"
#include "evk-store.h"

struct _EvkStore
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements; /* SQL text → sqlite3_stmt, finalized with the store */
  int         schema_version;
  gboolean    read_only;
};

/* The migrations, in order; migration i brings user_version from i to i + 1.
 * A file written by an older Evalkit is brought forward when it is opened;
 * one written by a newer Evalkit is refused. */
static const char * const migrations[] = {
  "/io/github/evalkit/Evalkit/core/migrations/001-initial.sql",
  "/io/github/evalkit/Evalkit/core/migrations/002-report-outline.sql",
  "/io/github/evalkit/Evalkit/core/migrations/003-status-style.sql",
  "/io/github/evalkit/Evalkit/core/migrations/004-review.sql",
  "/io/github/evalkit/Evalkit/core/migrations/005-draft-map.sql",
  "/io/github/evalkit/Evalkit/core/migrations/006-text-data.sql",
  "/io/github/evalkit/Evalkit/core/migrations/007-text-source.sql",
  "/io/github/evalkit/Evalkit/core/migrations/008-text-role.sql",
};

G_DEFINE_QUARK (evk-store-error-quark, evk_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

int
evk_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
side_file_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

static gboolean
sqlite_fail (sqlite3     *db,
             int          rc,
             GError     **error)
{
  int code = EVK_STORE_ERROR_FAILED;
  int primary = rc & 0xff;

  /* An open checks what it can without reading the whole file; a page
   * damaged since is found when it is first read, and said as an open
   * would say it. */
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                           _("the project file is damaged (SQLite cannot read its structure)"));
      return FALSE;
    }
  if (primary == SQLITE_CONSTRAINT)
    code = EVK_STORE_ERROR_CONSTRAINT;
  else if (primary == SQLITE_READONLY)
    code = EVK_STORE_ERROR_READ_ONLY;

  g_set_error (error, EVK_STORE_ERROR, code, "%s",
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

void
evk_store_set_error (EvkStore  *store,
                     GError   **error)
{
  sqlite_fail (store->db, sqlite3_extended_errcode (store->db), error);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the 100-byte SQLite header before SQLite does, so that a file that
 * is not ours, or was cut short, is refused with a message a user can act on
 * and without SQLite ever opening it for writing.
 *
 * With a journal or a WAL beside it, the main file alone is not the whole
 * truth: a crash in the middle of a commit leaves a rollback journal whose
 * replay restores the header and the length, and a project written by an
 * earlier Evalkit (which kept its recent commits in a WAL) may have its
 * very first page only in the WAL. Then only what no replay can change is
 * judged here, and SQLite's own view after opening decides the rest
 * (application id, integrity) in inspect_existing(). */
static gboolean
check_header (const char  *path,
              gboolean     has_side_files,
              GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *header;
  gsize size;
  guint32 page_size, page_count, app_id;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                   "%s", local_error->message);
      return FALSE;
    }

  size = g_mapped_file_get_length (mapped);
  header = (const guint8 *) g_mapped_file_get_contents (mapped);

  if (size < 100 && has_side_files)
    return TRUE;
  if (size < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Evalkit project (the file is not an SQLite database)"));
      return FALSE;
    }
  if (has_side_files)
    return TRUE;

  app_id = read_be32 (header + 68);
  if (app_id != EVK_APPLICATION_ID)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Evalkit project (an SQLite database of another program)"));
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      size % page_size != 0 || (guint64) page_count * page_size > size)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                           _("the project file is damaged or incomplete (it is shorter than its header says)"));
      return FALSE;
    }

  return TRUE;
}

/* What SQLite said when it could not even read the file is not a verdict on
 * the file: a read-only share, a permission or a disk error must not be
 * called damage. */
static gboolean
unreadable (sqlite3     *db,
            int          rc,
            GError     **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                           _("the project file is damaged (SQLite cannot read its structure)"));
      return FALSE;
    }
  g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
               _("the project file could not be read (%s)"),
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sqlite_fail (db, rc, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return sqlite_fail (db, rc, error);
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The structure every project of this version has, as the migrations make
 * it: entry name → "type\ttable\tsql". Made once, in memory. */
static GHashTable *
expected_schema (void)
{
  static GHashTable *schema;

  if (g_once_init_enter (&schema))
    {
      GHashTable *made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        g_error ("no memory for an SQLite database");
      for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
        {
          g_autoptr(GBytes) bytes = g_resource_lookup_data (evk_core_get_resource (), migrations[i],
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

          if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
            g_error ("migration %u: %s", i + 1, sqlite3_errmsg (db));
        }
      sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (made, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                             g_strdup_printf ("%s\t%s\t%s", sqlite3_column_text (stmt, 0),
                                              sqlite3_column_text (stmt, 2),
                                              sqlite3_column_text (stmt, 3) ?: (const guchar *) ""));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      g_once_init_leave (&schema, made);
    }
  return schema;
}

/* Tables whose references are checked on every open. The respondent-level
 * data (a row per answer) is left to the survey loader, which checks it as
 * it reads, so that an open stays quick on a large survey. */
static const char * const referencing_tables[] = {
  "text", "measure", "measure_term", "measure_body", "variable", "value_label",
  "missing_value", "mrset", "mrset_variable", "population_share", "offer_variable",
  "offer_measure", "coding", "chart", "comment", "draft_anchor",
};

/* The file is untrusted input: the code relies on the tables, constraints
 * and triggers being exactly the ones its migrations made (a UNIQUE removed,
 * or a trigger added, would break what it takes for granted), and on rows
 * referring to rows that exist. */
static gboolean
check_structure (sqlite3     *db,
                 GError     **error)
{
  GHashTable *expected = expected_schema ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return unreadable (db, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *entry = g_strdup_printf ("%s\t%s\t%s", type, sqlite3_column_text (stmt, 2),
                                                sqlite3_column_text (stmt, 3) ?: (const guchar *) "");
      gpointer known = NULL, want = NULL;

      if (name != NULL && g_hash_table_lookup_extended (expected, name, &known, &want))
        g_hash_table_add (seen, known);
      if ((want != NULL && strcmp (want, entry) != 0) ||
          (want == NULL && g_strcmp0 (type, "trigger") == 0))
        {
          g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                       _("the project file was altered: its %s “%s” is not the one Evalkit makes"),
                       type, name);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return unreadable (db, rc, error);

  if (g_hash_table_size (seen) != g_hash_table_size (expected))
    {
      GHashTableIter iter;
      gpointer name;

      /* A dropped table takes its automatic indexes with it: name the
       * table, whatever order the hash table keeps. */
      for (int pass = 0; pass < 2; pass++)
        {
          g_hash_table_iter_init (&iter, expected);
          while (g_hash_table_iter_next (&iter, &name, NULL))
            if (!g_hash_table_contains (seen, name) &&
                (pass == 1 || !g_str_has_prefix (name, "sqlite_autoindex_")))
              {
                g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                             _("the project file was altered: it lacks “%s”"), (const char *) name);
                return FALSE;
              }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (referencing_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_check (%s)", referencing_tables[i]);

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                     _("the project file is damaged: a row of “%s” refers to a row of “%s” that does not exist"),
                     referencing_tables[i], sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
      if (rc == SQLITE_ROW)
        return FALSE;
      if (rc != SQLITE_DONE)
        return unreadable (db, rc, error);
    }
  return TRUE;
}

/* Every page of the file, each b-tree against its indexes: what no read
 * of the tables the code uses would show, such as a page two trees claim,
 * a broken free list or an index that no longer matches its table. It
 * reads the whole file (a quarter of a second per hundred megabytes and
 * more), so it runs only when it is likely to find something; see
 * inspect_existing(). */
static gboolean
check_integrity (sqlite3     *db,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return unreadable (db, rc, error);
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (result == NULL || strcmp (result, "ok") != 0)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                           _("the project file is damaged (SQLite integrity check failed)"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The tables whose pages an open checks one by one: all but those that
 * hold the respondents' answers, which make up nearly the whole file of a
 * large survey and are checked as they are read (the survey loader holds
 * every column to its size and every text answer to the survey's rows). */
static gboolean
is_survey_data (const char *table)
{
  return g_str_equal (table, "column_data") || g_str_equal (table, "text_data") ||
         g_str_equal (table, "string_data");
}

/* Each b-tree page of the project's own tables (the strategy, the texts,
 * the dictionary, the charts …) with its indexes, and their NOT NULL and
 * CHECK constraints: everything every command reads, a few milliseconds
 * whatever the size of the survey. Called once check_structure() has
 * found exactly the tables the migrations make. */
static gboolean
check_tables (sqlite3     *db,
              GError     **error)
{
  GHashTableIter iter;
  gpointer name, entry;

  g_hash_table_iter_init (&iter, expected_schema ());
  while (g_hash_table_iter_next (&iter, &name, &entry))
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      const char *result;
      int rc;

      if (!g_str_has_prefix (entry, "table\t") || is_survey_data (name) ||
          g_str_has_prefix (name, "sqlite_"))
        continue;
      /* The name is one of our own (check_structure compared them). */
      sql = g_strdup_printf ("PRAGMA quick_check (\"%s\")", (const char *) name);
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          return unreadable (db, rc, error);
        }
      result = (const char *) sqlite3_column_text (stmt, 0);
      if (result == NULL || strcmp (result, "ok") != 0)
        {
          g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                               _("the project file is damaged (SQLite integrity check failed)"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }
  return TRUE;
}

/* Read-only inspection of an existing file: whose it is, its version, its
 * structure and, with full_check, the integrity of every page. Nothing is
 * written, so a refused file stays byte-identical; the one exception is
 * SQLite replaying a hot journal, which puts the file back as it was
 * before an interrupted commit, and is what any later open would do too. */
static gboolean
inspect_once (const char  *path,
              gboolean     full_check,
              gboolean    *hot_journal,
              GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, version = 0, app_id = 0;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      unreadable (db, rc, error);
      goto out;
    }
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_busy_timeout (db, 5000);

  rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      *hot_journal = rc == SQLITE_READONLY_ROLLBACK;
      unreadable (db, rc, error);
      goto out;
    }
  app_id = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if ((guint32) app_id != EVK_APPLICATION_ID)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Evalkit project (an SQLite database of another program)"));
      goto out;
    }

  if (!query_int (db, "PRAGMA user_version", &version, error))
    goto out;

  /* The version indexes our list of migrations: a negative one (a file
   * changed by hand) would run migrations[-37]. */
  if (version < 0)
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                   _("the project file is damaged (its file format number %d is not one "
                     "Evalkit writes)"), version);
      goto out;
    }
  if (version > evk_store_get_latest_version ())
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_TOO_NEW,
                   _("the project was written by a newer version of Evalkit "
                     "(file format %d; this version reads up to %d)"),
                   version, evk_store_get_latest_version ());
      goto out;
    }
  /* An older file's structure is checked once its migrations have run;
   * its pages are all checked now, once, before a migration builds on
   * them. */
  if (version < evk_store_get_latest_version ())
    full_check = TRUE;
  else if (!check_structure (db, error) || (!full_check && !check_tables (db, error)))
    goto out;
  if (full_check && !check_integrity (db, error))
    goto out;

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

/* A commit cut short leaves a hot journal, and only a connection that may
 * write can play it back; until then every read-only look fails. Playing it
 * back restores the file as it was before that commit, which is what the
 * next writer would do anyway.
 *
 * The whole-file integrity check runs then, when asked (full_check), and
 * never on an ordinary open. The file is written with a rollback journal
 * and synchronous=FULL (configure_connection): SQLite copies what a commit
 * overwrites into the journal and syncs it, then writes and syncs the file,
 * and deletes the journal last. So a file with no hot journal beside it is
 * one that SQLite finished writing: every page is the one it wrote and
 * synced. What can damage it afterwards is not a crash but something else
 * writing to it, and that is what the checks on every open catch: the
 * header against the length (a copy cut short), the application id, the
 * version, the tables and triggers against the migrations (another SQLite
 * tool), the references between rows, and every page of the project's own
 * tables (check_tables: a few milliseconds). The respondents' answers,
 * nearly all of a large file, are left to the survey loader: a page of
 * them scribbled over is refused when it is first read (cell_size_check
 * is on, SQLite answers SQLITE_CORRUPT and the store says "damaged" as an
 * open does), never used.
 *
 * A hot journal is the one case where the file may hold pages SQLite did
 * not finish writing: the process or the machine stopped in the middle of
 * a commit. The playback puts the old pages back, and that is sound only
 * if the disk kept its promise that the journal was on it before the file
 * was touched; USB sticks, network shares and write-caching virtual disks
 * do not always keep it. Then the damage can be anywhere, in an index or
 * the free list that no read at open touches and that a later write
 * would build on, so the whole file is checked, once, right then. A WAL
 * left by an earlier Evalkit is treated alike: its frames are replayed
 * on open. */
static gboolean
inspect_existing (const char  *path,
                  gboolean     full_check,
                  GError     **error)
{
  gboolean hot_journal = FALSE;
  sqlite3 *db = NULL;

  if (side_file_exists (path, "-wal"))
    full_check = TRUE;
  if (inspect_once (path, full_check, &hot_journal, error))
    return TRUE;
  if (!hot_journal)
    return FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      sqlite3_exec (db, "PRAGMA application_id", NULL, NULL, NULL);
    }
  sqlite3_close (db);
  g_clear_error (error);
  return inspect_once (path, TRUE, &hot_journal, error);
}

static gboolean
configure_connection (sqlite3   *db,
                      gboolean   read_only,
                      GError   **error)
{
  static const char *pragmas =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA trusted_schema = OFF;"
    "PRAGMA cell_size_check = ON;";
  int rc;

  /* Defensive mode: no writable_schema, no journal_mode=OFF, no direct
   * shadow-table writes, whatever SQL reaches us. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_busy_timeout (db, 5000);

  rc = sqlite3_exec (db, pragmas, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sqlite_fail (db, rc, error);

  if (read_only)
    return TRUE;

  /* A rollback journal, not a WAL, with synchronous=FULL. The project is
   * one file a user copies, mails and backs up: with a journal every commit
   * is in the .evalkit file itself when COMMIT returns, and the journal is
   * deleted. With a WAL, commits sit in the -wal until a checkpoint, which
   * a reader's open snapshot can hold off indefinitely; a copy of the main
   * file then silently lacks them, and deciding who may remove a WAL is
   * how a reader once unlinked a writer's live one. What a WAL would buy,
   * readers that never wait for a writer, matters little here: a user
   * action is a short transaction, and cache_spill = OFF keeps even a long
   * import in memory until its commit, so others can read until then and
   * wait only while the commit itself writes (the busy timeout above).
   *
   * An earlier Evalkit left its files in WAL mode; the first writer that
   * opens one alone converts it (checkpointing the WAL into the file). If
   * another process has it open, the change waits for a later open. */
  rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
    return sqlite_fail (db, rc, error);
  rc = sqlite3_exec (db, "PRAGMA synchronous = FULL; PRAGMA cache_spill = OFF;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sqlite_fail (db, rc, error);

  return TRUE;
}

static gboolean
run_migrations (EvkStore  *store,
                GError   **error)
{
  int latest = evk_store_get_latest_version ();
  int version;

  if (!query_int (store->db, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version == latest)
    {
      store->schema_version = version;
      return TRUE;
    }

  if (!evk_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Re-read inside the write lock: another process may have migrated. */
  if (!query_int (store->db, "PRAGMA user_version", &version, error))
    goto fail;
  if (version < 0 || version > latest)
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                   _("the project file is damaged (its file format number %d is not one "
                     "Evalkit writes)"), version);
      goto fail;
    }

  for (int i = version; i < latest; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;

      bytes = g_resource_lookup_data (evk_core_get_resource (), migrations[i],
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        goto fail;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!evk_store_exec (store, sql, error))
        {
          g_prefix_error (error, "migration %d: ", i + 1);
          goto fail;
        }
      /* PRAGMA cannot take a bound parameter; i is our own integer. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", i + 1);
      if (!evk_store_exec (store, set_version, error))
        goto fail;
    }

  if (!check_structure (store->db, error) ||
      !evk_store_exec (store, "COMMIT", error))
    goto fail;

  store->schema_version = latest;
  return TRUE;

fail:
  sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
initialize_new (EvkStore  *store,
                GError   **error)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d",
                                             (int) EVK_APPLICATION_ID);

  return evk_store_exec (store, set_id, error) && run_migrations (store, error);
}

static gboolean
has_side_files (const char *path)
{
  return side_file_exists (path, "-journal") || side_file_exists (path, "-wal");
}

static gboolean
open_connection (EvkStore    *store,
                 const char  *path,
                 gboolean     create,
                 GError     **error)
{
  int open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  if (store->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE;
  if (create)
    open_flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &store->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    return unreadable (store->db, rc, error);

  return configure_connection (store->db, store->read_only, error);
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Puts a finished file under its final name, unless that name is taken by
 * then. link() refuses an existing name atomically; file systems without
 * hard links get a rename after a check. */
gboolean
evk_store_publish (const char  *tmp_path,
              const char  *path,
              GError     **error)
{
  if (link (tmp_path, path) == 0)
    {
      g_unlink (tmp_path);
    }
  else if (errno == EEXIST)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS,
                           _("the file already exists"));
      return FALSE;
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS,
                           _("the file already exists"));
      return FALSE;
    }
  else if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  sync_directory (path);
  return TRUE;
}

/* A file being made for path is built under a hidden name beside it that
 * names the process making it. One a killed process left behind is of no
 * use to anyone and is removed the next time a file for path is made. */
static void
remove_stale_partials (const char *dir,
                       const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      const char *rest;
      char *end;
      guint64 pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      pid = g_ascii_strtoull (rest, &end, 10);
      if (end == rest || *end != '-' || strstr (end, ".partial") == NULL || pid == 0 || pid > G_MAXINT)
        continue;
      if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *stale = g_build_filename (dir, name, NULL);
          g_unlink (stale);
        }
    }
}

char *
evk_store_partial_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  remove_stale_partials (dir, base);
  return g_strdup_printf ("%s/.%s.%d-%08x.partial", dir, base, (int) getpid (), g_random_int ());
}

void
evk_store_remove_partial (const char *tmp_path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (tmp_path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* A new project is made whole beside its name and then given the name, so
 * that a kill at any moment leaves either no file or a complete empty
 * project, never one half-initialised that no later open accepts. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *tmp_path = evk_store_partial_path (path);
  g_autoptr(EvkStore) tmp = g_new0 (EvkStore, 1);
  gboolean ok;

  tmp->path = g_strdup (tmp_path);
  tmp->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           finalize_statement);
  ok = open_connection (tmp, tmp_path, TRUE, error) && initialize_new (tmp, error);
  g_clear_pointer (&tmp, evk_store_free);
  ok = ok && evk_store_publish (tmp_path, path, error);
  evk_store_remove_partial (tmp_path);
  return ok;
}

EvkStore *
evk_store_open (const char         *path,
                EvkStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(EvkStore) store = NULL;
  gboolean create = (flags & EVK_STORE_OPEN_CREATE) != 0;
  gboolean read_only = (flags & EVK_STORE_OPEN_READ_ONLY) != 0;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!(create && read_only), NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (create && exists)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS,
                           _("the file already exists"));
      return NULL;
    }
  if (!create && !exists)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_FOUND,
                           _("no such file"));
      return NULL;
    }
  if (!create && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Evalkit project (it is a folder)"));
      return NULL;
    }

  if (create && !create_file (path, error))
    return NULL;

  if (!check_header (path, has_side_files (path), error) ||
      !inspect_existing (path, (flags & EVK_STORE_OPEN_CHECK_INTEGRITY) != 0, error))
    return NULL;

  store = g_new0 (EvkStore, 1);
  store->path = g_strdup (path);
  store->read_only = read_only;
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             finalize_statement);

  if (!open_connection (store, path, FALSE, error))
    return NULL;

  if (read_only)
    {
      if (!query_int (store->db, "PRAGMA user_version", &store->schema_version, error))
        return NULL;
      if (store->schema_version != evk_store_get_latest_version ())
        {
          g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_READ_ONLY,
                       _("the project uses an older file format (%d) and must be "
                         "opened for writing once to be brought up to date"),
                       store->schema_version);
          return NULL;
        }
    }
  else if (!run_migrations (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

/* A consistent copy of the whole project in one file, taken with SQLite's
 * backup API while this connection may go on working: the copy is written
 * beside the target and renamed over it, so the target is either the old
 * file or the whole copy. */
gboolean
evk_store_save_copy (EvkStore    *store,
                     const char  *dest_path,
                     GError     **error)
{
  g_autofree char *tmp_path = evk_store_partial_path (dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (tmp_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", store->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc;
        }
    }
  /* The copy carries the journal mode of a file being written; make it a
   * plain rollback-journal file that is complete on its own. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_fail (dest, rc, error);
      g_prefix_error (error, "%s: ", dest_path);
      sqlite3_close (dest);
      evk_store_remove_partial (tmp_path);
      return FALSE;
    }
  sqlite3_close (dest);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dest_path, g_strerror (saved_errno));
      evk_store_remove_partial (tmp_path);
      return FALSE;
    }
  sync_directory (dest_path);
  return TRUE;
}

void
evk_store_free (EvkStore *store)
{
  if (store == NULL)
    return;

  g_clear_pointer (&store->statements, g_hash_table_unref);
  if (store->db != NULL)
    {
      int rc = sqlite3_close (store->db);
      if (rc != SQLITE_OK)
        g_critical ("Closing %s: %s", store->path, sqlite3_errstr (rc));
    }
  g_free (store->path);
  g_free (store);
}

const char *
evk_store_get_path (EvkStore *store)
{
  return store->path;
}

sqlite3 *
evk_store_get_db (EvkStore *store)
{
  return store->db;
}

int
evk_store_get_schema_version (EvkStore *store)
{
  return store->schema_version;
}

/* A cached statement stepped to a row and not reset keeps a read
 * transaction open: this connection then sees the file as it was then,
 * whatever others commit, and a write on the old snapshot fails. Called
 * between units of work, when no caller is in the middle of its rows. */
static void
end_reads (EvkStore *store)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (store->db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (store->db, stmt))
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);
}

gint64
evk_store_get_data_version (EvkStore *store)
{
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;
  gint64 version;

  if (!evk_store_in_transaction (store))
    end_reads (store);
  stmt = evk_store_prepare (store, "PRAGMA data_version", NULL);
  if (stmt == NULL || !evk_store_step (store, stmt, &has_row, NULL) || !has_row)
    return -1;
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* Statements are prepared once per store and reused: callers get a reset
 * statement with cleared bindings and must not finalize it. */
sqlite3_stmt *
evk_store_prepare (EvkStore    *store,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (store->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_fail (store->db, rc, error);
      g_prefix_error (error, "%s: ", sql);
      return NULL;
    }

  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
evk_store_step (EvkStore      *store,
                sqlite3_stmt  *stmt,
                gboolean      *has_row,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (has_row != NULL)
    *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  sqlite_fail (store->db, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gint64
evk_store_step_returning_id (EvkStore      *store,
                             sqlite3_stmt  *stmt,
                             GError       **error)
{
  gboolean has_row;
  gint64 id;

  if (!evk_store_step (store, stmt, &has_row, error))
    return -1;
  if (!has_row)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                           "the statement returned no id");
      return -1;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
evk_store_exec (EvkStore    *store,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return sqlite_fail (store->db, rc, error);
  return TRUE;
}

gboolean
evk_store_in_transaction (EvkStore *store)
{
  return !sqlite3_get_autocommit (store->db);
}

/* One user action, one transaction: either all of func's writes land or
 * none do. Nested calls join the outer transaction. */
gboolean
evk_store_transaction (EvkStore      *store,
                       EvkStoreFunc   func,
                       gpointer       user_data,
                       GError       **error)
{
  if (evk_store_in_transaction (store))
    return func (store, user_data, error);

  if (!evk_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!func (store, user_data, error))
    {
      sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!evk_store_exec (store, "COMMIT", error))
    {
      sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

void
evk_stmt_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
evk_stmt_bind_int (sqlite3_stmt *stmt,
                   int           index,
                   gint64        value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

const char *
evk_stmt_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

GStrv
evk_store_check_integrity (EvkStore  *store,
                           guint      max,
                           GError   **error)
{
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA integrity_check (%u)", MAX (max, 1));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (line != NULL && strcmp (line, "ok") != 0)
        g_strv_builder_add (found, line);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      unreadable (store->db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (found);
}
