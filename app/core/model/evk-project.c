/* evk-project.c: an open evaluation project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-store-texts.h"
#include "evk-strategy-keyfile.h"

struct _EvkProject
{
  GObject   parent_instance;
  EvkStore *store;
  gint64    data_version;   /* as last seen, for others' commits */
};

G_DEFINE_FINAL_TYPE (EvkProject, evk_project, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
evk_project_finalize (GObject *object)
{
  EvkProject *self = EVK_PROJECT (object);

  g_clear_pointer (&self->store, evk_store_free);
  G_OBJECT_CLASS (evk_project_parent_class)->finalize (object);
}

static void
evk_project_class_init (EvkProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evk_project_finalize;

  /**
   * EvkProject::changed:
   * @what: the kind of content that changed ("strategy", "measure", …)
   *
   * Emitted after a committed edit, so views can refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
evk_project_init (EvkProject *self)
{
}

static EvkProject *
wrap_store (EvkStore *store)
{
  EvkProject *self = g_object_new (EVK_TYPE_PROJECT, NULL);

  self->store = store;
  self->data_version = evk_store_get_data_version (store);
  return self;
}

static EvkProject *
open_with_flags (const char         *path,
                 EvkStoreOpenFlags   flags,
                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  EvkStore *store = evk_store_open (path, flags, &local_error);

  if (store == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  return wrap_store (store);
}

EvkProject *
evk_project_open (const char  *path,
                  GError     **error)
{
  return open_with_flags (path, EVK_STORE_OPEN_DEFAULT, error);
}

EvkProject *
evk_project_open_read_only (const char  *path,
                            GError     **error)
{
  return open_with_flags (path, EVK_STORE_OPEN_READ_ONLY, error);
}

EvkProject *
evk_project_create (const char  *path,
                    GError     **error)
{
  return open_with_flags (path, EVK_STORE_OPEN_CREATE, error);
}

const char *
evk_project_get_path (EvkProject *self)
{
  g_return_val_if_fail (EVK_IS_PROJECT (self), NULL);
  return evk_store_get_path (self->store);
}

EvkStore *
evk_project_get_store (EvkProject *self)
{
  g_return_val_if_fail (EVK_IS_PROJECT (self), NULL);
  return self->store;
}

EvkStrategy *
evk_project_load_strategy (EvkProject  *self,
                           GError     **error)
{
  g_return_val_if_fail (EVK_IS_PROJECT (self), NULL);
  return evk_strategy_load (self->store, error);
}

gboolean
evk_project_import_strategy (EvkProject  *self,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  strategy = evk_strategy_read_file (path, error);
  if (strategy == NULL)
    return FALSE;
  if (!evk_strategy_save (strategy, self->store, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0, "strategy");
  return TRUE;
}

gboolean
evk_project_save_strategy (EvkProject   *self,
                           EvkStrategy  *strategy,
                           GError      **error)
{
  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  if (!evk_strategy_save (strategy, self->store, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, "strategy");
  return TRUE;
}

gboolean
evk_project_export_strategy (EvkProject  *self,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (self, error);

  return strategy != NULL && evk_strategy_write_file (strategy, path, error);
}

gboolean
evk_project_save_survey (EvkProject  *self,
                         EvkSurvey   *survey,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  if (!evk_survey_save (survey, self->store, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", evk_project_get_path (self));
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0, "survey");
  return TRUE;
}

static gboolean
count_rows (EvkStore    *store,
            const char  *sql,
            guint       *out,
            GError     **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, sql, error);
  gboolean has_row;

  if (stmt == NULL || !evk_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out = has_row ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
evk_project_get_counts (EvkProject        *self,
                        EvkProjectCounts  *counts,
                        GError           **error)
{
  EvkStore *store = self->store;

  return count_rows (store, "SELECT count(*) FROM survey", &counts->n_surveys, error) &&
         count_rows (store, "SELECT coalesce(sum(n_respondents), 0) FROM survey",
                     &counts->n_respondents, error) &&
         count_rows (store, "SELECT count(*) FROM variable", &counts->n_variables, error) &&
         count_rows (store, "SELECT count(*) FROM document", &counts->n_documents, error) &&
         count_rows (store, "SELECT count(*) FROM coding", &counts->n_codings, error) &&
         count_rows (store, "SELECT count(*) FROM chart", &counts->n_charts, error) &&
         count_rows (store, "SELECT count(*) FROM comment", &counts->n_comments, error);
}

typedef struct {
  guint       number;
  const char *status_key;
} StatusEdit;

static gboolean
set_status_in_transaction (EvkStore  *store,
                           gpointer   user_data,
                           GError   **error)
{
  StatusEdit *edit = user_data;
  sqlite3_stmt *stmt;

  stmt = evk_store_prepare (store,
                            "UPDATE measure SET status_id = "
                            "(SELECT id FROM term WHERE vocab = 'status' AND key = ?2) "
                            "WHERE number = ?1 AND EXISTS "
                            "(SELECT 1 FROM term WHERE vocab = 'status' AND key = ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, edit->number);
  evk_stmt_bind_text (stmt, 2, edit->status_key);
  if (!evk_store_step (store, stmt, NULL, error))
    return FALSE;
  if (sqlite3_changes (evk_store_get_db (store)) != 1)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("measure %u or status “%s” does not exist"), edit->number, edit->status_key);
      return FALSE;
    }
  return TRUE;
}

gboolean
evk_project_set_measure_status (EvkProject  *self,
                                guint        number,
                                const char  *status_key,
                                GError     **error)
{
  StatusEdit edit = { number, status_key };

  if (!evk_store_transaction (self->store, set_status_in_transaction, &edit, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, "measure");
  return TRUE;
}

gboolean
evk_project_check_external_changes (EvkProject *self)
{
  gint64 version = evk_store_get_data_version (self->store);

  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0, "external");
  return TRUE;
}

gboolean
evk_project_get_measure_text (EvkProject  *self,
                              guint        number,
                              const char  *field,
                              const char  *lang,
                              char       **text,
                              char       **source_fp,
                              GError     **error)
{
  gint64 id = evk_strategy_measure_id (self->store, number, error);

  return id >= 0 &&
         evk_store_get_text_version (self->store, EVK_NARRATIVE_ENTITY_MEASURE, id, field, lang,
                                     text, source_fp, error);
}

gboolean
evk_project_set_measure_text (EvkProject  *self,
                              guint        number,
                              const char  *field,
                              const char  *lang,
                              const char  *text,
                              const char  *source_fp,
                              GError     **error)
{
  gint64 id = evk_strategy_measure_id (self->store, number, error);

  if (id < 0)
    return FALSE;
  if (source_fp != NULL
      ? !evk_store_put_text_version (self->store, EVK_NARRATIVE_ENTITY_MEASURE, id, field, lang, text, source_fp, error)
      : !evk_store_set_text (self->store, EVK_NARRATIVE_ENTITY_MEASURE, id, field, lang, text, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, "texts");
  return TRUE;
}

EvkTextState
evk_project_get_measure_text_state (EvkProject  *self,
                                    guint        number,
                                    const char  *field,
                                    const char  *lang,
                                    GError     **error)
{
  gint64 id = evk_strategy_measure_id (self->store, number, error);

  if (id < 0)
    return EVK_TEXT_MISSING;
  return evk_store_get_text_state (self->store, EVK_NARRATIVE_ENTITY_MEASURE, id, field, lang, error);
}

GHashTable *
evk_project_get_measure_texts (EvkProject  *self,
                               guint        number,
                               const char  *field,
                               GError     **error)
{
  gint64 id = evk_strategy_measure_id (self->store, number, error);
  g_autoptr(EvkTextIndex) index = NULL;

  if (id < 0 || (index = evk_text_index_load (self->store, EVK_NARRATIVE_ENTITY_MEASURE, error)) == NULL)
    return NULL;
  return evk_text_index_get (index, id, field);
}

GStrv
evk_project_get_languages (EvkProject  *self,
                           GError     **error)
{
  return evk_store_get_languages (self->store, error);
}

char *
evk_project_get_meta (EvkProject  *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (self->store, "SELECT value FROM project_meta WHERE key = ?1", error);
  gboolean has_row = FALSE;
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, key);
  if (evk_store_step (self->store, stmt, &has_row, error) && has_row)
    value = g_strdup (evk_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}
