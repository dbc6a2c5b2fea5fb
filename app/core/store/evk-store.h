/* evk-store.h: the SQLite project file: open, migrate, statements, transactions
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "evk-types.h"

G_BEGIN_DECLS

/* "EVKT": PRAGMA application_id of every Evalkit project file. */
#define EVK_APPLICATION_ID 0x45564B54

#define EVK_STORE_ERROR (evk_store_error_quark ())

typedef enum {
  EVK_STORE_ERROR_NOT_FOUND,
  EVK_STORE_ERROR_EXISTS,
  EVK_STORE_ERROR_NOT_A_PROJECT,
  EVK_STORE_ERROR_CORRUPT,
  EVK_STORE_ERROR_TOO_NEW,
  EVK_STORE_ERROR_READ_ONLY,
  EVK_STORE_ERROR_CONSTRAINT,
  EVK_STORE_ERROR_FAILED,
} EvkStoreError;

typedef enum {
  EVK_STORE_OPEN_DEFAULT   = 0,
  EVK_STORE_OPEN_CREATE    = 1 << 0, /* create a new, empty project; fail if the path exists */
  EVK_STORE_OPEN_READ_ONLY = 1 << 1,
  /* Also check every page of the file, as an open does by itself after an
   * unclean shutdown: slow on a large survey (it reads the whole file). */
  EVK_STORE_OPEN_CHECK_INTEGRITY = 1 << 2,
} EvkStoreOpenFlags;

typedef gboolean (*EvkStoreFunc) (EvkStore  *store,
                                  gpointer   user_data,
                                  GError   **error);

GQuark        evk_store_error_quark          (void);

EvkStore     *evk_store_open                 (const char         *path,
                                              EvkStoreOpenFlags   flags,
                                              GError            **error);
void          evk_store_free                 (EvkStore           *store);
gboolean      evk_store_save_copy            (EvkStore           *store,
                                              const char         *dest_path,
                                              GError            **error);
char         *evk_store_partial_path         (const char         *path);
void          evk_store_remove_partial       (const char         *tmp_path);
gboolean      evk_store_publish              (const char         *tmp_path,
                                              const char         *path,
                                              GError            **error);

const char   *evk_store_get_path             (EvkStore           *store);
sqlite3      *evk_store_get_db               (EvkStore           *store);
int           evk_store_get_schema_version   (EvkStore           *store);
/* Changes when another connection (another window, the command line)
 * commits to the file; this connection's own commits leave it as it is.
 * -1 when it cannot be read. */
gint64        evk_store_get_data_version     (EvkStore           *store);
int           evk_store_get_latest_version   (void);

/* SQLite's full integrity check of every page of the open file: what
 * it finds (at most max lines), an empty array for a sound file. A file
 * too damaged to check at all is an error. Reads the whole file. */
GStrv         evk_store_check_integrity      (EvkStore           *store,
                                              guint               max,
                                              GError            **error);

sqlite3_stmt *evk_store_prepare              (EvkStore           *store,
                                              const char         *sql,
                                              GError            **error);
gboolean      evk_store_step                 (EvkStore           *store,
                                              sqlite3_stmt       *stmt,
                                              gboolean           *has_row,
                                              GError            **error);
/* Steps an INSERT … RETURNING id (or an upsert) and returns the id, or -1
 * with error set. The statement is reset for reuse. */
gint64        evk_store_step_returning_id    (EvkStore           *store,
                                              sqlite3_stmt       *stmt,
                                              GError            **error);
gboolean      evk_store_exec                 (EvkStore           *store,
                                              const char         *sql,
                                              GError            **error);
gboolean      evk_store_transaction          (EvkStore           *store,
                                              EvkStoreFunc        func,
                                              gpointer            user_data,
                                              GError            **error);
gboolean      evk_store_in_transaction       (EvkStore           *store);
void          evk_store_set_error            (EvkStore           *store,
                                              GError            **error);

/* Binding helpers: index is 1-based as in SQLite. */
void          evk_stmt_bind_text             (sqlite3_stmt       *stmt,
                                              int                 index,
                                              const char         *text);
void          evk_stmt_bind_int              (sqlite3_stmt       *stmt,
                                              int                 index,
                                              gint64              value);
const char   *evk_stmt_column_text           (sqlite3_stmt       *stmt,
                                              int                 column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkStore, evk_store_free)

G_END_DECLS
