/* evk-store-review.c: what every layer needs to know of the review: the project id, review copies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "evk-store-review.h"

char *
evk_project_id (EvkStore  *store,
                GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  g_autofree char *id = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = evk_store_prepare (store, "SELECT value FROM project_meta WHERE key = 'project_id'", error);
  if (stmt == NULL || !evk_store_step (store, stmt, &has_row, error))
    return NULL;
  if (has_row)
    id = g_strdup (evk_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (id != NULL && *id != '\0')
    return g_steal_pointer (&id);

  /* Deleted by another tool: a new id makes the earlier copies strangers,
   * which is better than matching every file that lost its id. */
  if (sqlite3_db_readonly (evk_store_get_db (store), "main"))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_READ_ONLY,
                   _("%s: the project has no id; open it for writing once to give it one"),
                   evk_store_get_path (store));
      return NULL;
    }
  g_free (id);
  id = g_uuid_string_random ();
  stmt = evk_store_prepare (store, "INSERT OR REPLACE INTO project_meta (key, value) VALUES ('project_id', ?1)",
                            error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, id);
  if (!evk_store_step (store, stmt, NULL, error))
    return NULL;
  return g_steal_pointer (&id);
}

gboolean
evk_store_is_review_copy (EvkStore  *store,
                          char     **reviewer)
{
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;

  g_return_val_if_fail (store != NULL, FALSE);

  if (reviewer != NULL)
    *reviewer = NULL;
  stmt = evk_store_prepare (store, "SELECT reviewer FROM review_copy", NULL);
  if (stmt == NULL || !evk_store_step (store, stmt, &has_row, NULL) || !has_row)
    return FALSE;
  if (reviewer != NULL)
    *reviewer = g_strdup (evk_stmt_column_text (stmt, 0) ?: "");
  sqlite3_reset (stmt);
  return TRUE;
}

char *
evk_store_get_review_table (EvkStore    *store,
                            const char  *spec,
                            const char  *lang,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  char *json = NULL;

  stmt = evk_store_prepare (store, "SELECT table_json FROM review_table WHERE spec = ?1 AND lang = ?2", error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, spec);
  evk_stmt_bind_text (stmt, 2, lang);
  if (!evk_store_step (store, stmt, &has_row, error))
    return NULL;
  if (has_row)
    json = g_strdup (evk_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return json;
}

gboolean
evk_store_has_review_table (EvkStore   *store,
                            const char *spec)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT 1 FROM review_table WHERE spec = ?1 LIMIT 1", NULL);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, spec);
  if (!evk_store_step (store, stmt, &has_row, NULL))
    return FALSE;
  sqlite3_reset (stmt);
  return has_row;
}
