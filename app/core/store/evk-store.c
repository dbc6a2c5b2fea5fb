/* evk-store.c: the SQLite project file: open, migrate, statements, transactions
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "evk-core-resources.h"
#include "evk-store.h"

struct _EvkStore
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements; /* SQL text → sqlite3_stmt, finalized with the store */
  int         schema_version;
  gboolean    read_only;
  gboolean    had_wal;    /* the -wal and -shm files existed before we opened */
  gboolean    had_shm;
};

/* The migrations, in order; migration i brings user_version from i to i + 1.
 * A file written by an older Evalkit is brought forward when it is opened;
 * one written by a newer Evalkit is refused. */
static const char * const migrations[] = {
  "/io/github/evalkit/Evalkit/core/migrations/001-initial.sql",
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

/* Opening a WAL database, even read-only, creates its -wal and -shm files.
 * A look that changes nothing must take them away again if they were not
 * there before (and the WAL holds nothing). */
static void
remove_side_files (const char *path,
                   gboolean    had_wal,
                   gboolean    had_shm)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf st;

  if (!had_wal && g_stat (wal, &st) == 0 && st.st_size == 0)
    g_unlink (wal);
  if (!had_shm && !g_file_test (wal, G_FILE_TEST_EXISTS))
    g_unlink (shm);
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

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    code = EVK_STORE_ERROR_CORRUPT;
  else if (primary == SQLITE_CONSTRAINT)
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
 * and without SQLite ever opening it for writing. */
static gboolean
check_header (const char  *path,
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

  if (size < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Evalkit project (the file is not an SQLite database)"));
      return FALSE;
    }

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

/* Read-only inspection of an existing file: integrity and version. Nothing
 * is written, so a refused file stays byte-identical. */
static gboolean
inspect_existing (const char  *path,
                  GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *result;
  int rc, version = 0;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_fail (db, rc, error);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  result = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;
  if (result == NULL || strcmp (result, "ok") != 0)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                           _("the project file is damaged (SQLite integrity check failed)"));
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

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

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
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

  /* WAL with synchronous=FULL: a commit is on disk when it returns, so a
   * crash or power cut never loses an edit the user made. */
  rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
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

  if (!evk_store_exec (store, "PRAGMA foreign_key_check", error) ||
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

EvkStore *
evk_store_open (const char         *path,
                EvkStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(EvkStore) store = NULL;
  gboolean create = (flags & EVK_STORE_OPEN_CREATE) != 0;
  gboolean read_only = (flags & EVK_STORE_OPEN_READ_ONLY) != 0;
  gboolean exists;
  int open_flags;
  int rc;

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

  store = g_new0 (EvkStore, 1);
  store->path = g_strdup (path);
  store->read_only = read_only;
  store->had_wal = side_file_exists (path, "-wal");
  store->had_shm = side_file_exists (path, "-shm");

  if (!create && (!check_header (path, error) || !inspect_existing (path, error)))
    {
      remove_side_files (path, store->had_wal, store->had_shm);
      return NULL;
    }

  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             finalize_statement);

  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE;
  if (create)
    open_flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &store->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_fail (store->db, rc, error);
      return NULL;
    }

  if (!configure_connection (store->db, read_only, error))
    return NULL;

  if (create)
    {
      if (!initialize_new (store, error))
        return NULL;
    }
  else if (read_only)
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
  /* A writer's close checkpoints and removes them itself; a reader's and a
   * refused open's do not. */
  if (store->read_only || store->schema_version == 0)
    remove_side_files (store->path, store->had_wal, store->had_shm);
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
