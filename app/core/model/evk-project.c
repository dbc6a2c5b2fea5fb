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
#include "evk-survey.h"

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

/* A new project that is only worth having once @build has filled it: it is
 * made beside @path under a hidden name and given @path only when @build
 * succeeded, so an interrupted or failed build leaves no file, and a
 * finished one is whole. */
EvkProject *
evk_project_create_with (const char               *path,
                         EvkProjectBuildFunc       build,
                         gpointer                  user_data,
                         GError                  **error)
{
  g_autofree char *tmp_path = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (build != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS,
                   _("%s: the file already exists"), path);
      return NULL;
    }

  tmp_path = evk_store_partial_path (path);
  project = evk_project_create (tmp_path, error);
  if (project == NULL)
    return NULL;

  ok = build (project, user_data, error);
  g_clear_object (&project);
  if (ok && !evk_store_publish (tmp_path, path, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      ok = FALSE;
    }
  evk_store_remove_partial (tmp_path);
  if (!ok)
    return NULL;

  return evk_project_open (path, error);
}

static gboolean
import_strategy_func (EvkProject  *project,
                      gpointer     user_data,
                      GError     **error)
{
  return evk_project_import_strategy (project, user_data, error);
}

EvkProject *
evk_project_create_from_strategy (const char  *path,
                                  const char  *strategy_path,
                                  GError     **error)
{
  return evk_project_create_with (path, import_strategy_func, (gpointer) strategy_path, error);
}

/* The whole project, committed state, in one self-contained file. */
gboolean
evk_project_save_copy (EvkProject  *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);
  return evk_store_save_copy (self->store, dest_path, error);
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

typedef struct {
  EvkProject          *project;
  EvkStrategyEditFunc  func;
  gpointer             user_data;
} StrategyEdit;

static gboolean
edit_in_transaction (EvkStore  *store,
                     gpointer   user_data,
                     GError   **error)
{
  StrategyEdit *edit = user_data;
  g_autoptr(EvkStrategy) strategy = evk_strategy_load (store, error);

  return strategy != NULL &&
         edit->func (edit->project, strategy, edit->user_data, error) &&
         evk_strategy_save (strategy, store, error);
}

gboolean
evk_project_edit_strategy (EvkProject           *self,
                           EvkStrategyEditFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  StrategyEdit edit = { self, func, user_data };

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!evk_store_transaction (self->store, edit_in_transaction, &edit, error))
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

/* Before survey replaces the project's survey of the same name, it takes
 * over what the project knew of the old one (evk_survey_carry_over). With
 * no such survey, *changes is NULL. With old non-NULL, the old survey with
 * its data is handed back, so that the replacement can be undone. */
gboolean
evk_project_prepare_survey (EvkProject        *self,
                            EvkSurvey         *survey,
                            EvkSurvey        **old,
                            EvkSurveyChanges **changes,
                            GError           **error)
{
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) langs = NULL;
  g_autoptr(EvkSurvey) before = NULL;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  *changes = NULL;
  if (old != NULL)
    *old = NULL;
  if ((names = evk_survey_list (self->store, error)) == NULL ||
      (langs = evk_store_get_languages (self->store, error)) == NULL)
    return FALSE;
  if (!g_strv_contains ((const char * const *) names, survey->name))
    return TRUE;
  before = evk_survey_load (self->store, survey->name, old != NULL, error);
  if (before == NULL)
    return FALSE;
  *changes = evk_survey_carry_over (survey, before, langs[0]);
  if (old != NULL)
    *old = g_steal_pointer (&before);
  return TRUE;
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

/* The threshold is the project's, not a preference of whoever opens it:
 * the report, the command line and every window on the file protect the
 * same respondents the same way. */
#define SMALL_CELL_KEY "privacy.small-cell"

gboolean
evk_project_get_small_cell (EvkProject  *self,
                            guint       *threshold,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  guint64 value = EVK_SMALL_CELL_DEFAULT;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  stmt = evk_store_prepare (self->store, "SELECT value FROM project_meta WHERE key = '" SMALL_CELL_KEY "'",
                            error);
  if (stmt == NULL || !evk_store_step (self->store, stmt, &has_row, error))
    return FALSE;
  if (has_row &&
      !g_ascii_string_to_unsigned (evk_stmt_column_text (stmt, 0) ?: "", 10, 0, EVK_SMALL_CELL_MAX,
                                   &value, NULL))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                   _("%s: project setting %s: “%s” is not a whole number from 0 to %u"),
                   evk_project_get_path (self), SMALL_CELL_KEY,
                   evk_stmt_column_text (stmt, 0) ?: "", (guint) EVK_SMALL_CELL_MAX);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  *threshold = (guint) value;
  return TRUE;
}

gboolean
evk_project_set_small_cell (EvkProject  *self,
                            guint        threshold,
                            GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%u", threshold);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  if (threshold > EVK_SMALL_CELL_MAX)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("the small-cell threshold must be a whole number from 0 to %u"),
                   (guint) EVK_SMALL_CELL_MAX);
      return FALSE;
    }
  stmt = evk_store_prepare (self->store,
                            "INSERT OR REPLACE INTO project_meta (key, value) VALUES ('" SMALL_CELL_KEY "', ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, text);
  if (!evk_store_step (self->store, stmt, NULL, error))
    return FALSE;
  sqlite3_reset (stmt);
  g_signal_emit (self, signals[CHANGED], 0, "settings");
  return TRUE;
}

#define DISCLOSURE_KEY "privacy.disclosure"

const char *
evk_disclosure_mode_to_string (EvkDisclosureMode mode)
{
  return mode == EVK_DISCLOSURE_SUPPRESS ? "suppress" : "flag";
}

gboolean
evk_disclosure_mode_from_string (const char        *text,
                                 EvkDisclosureMode *mode)
{
  if (g_strcmp0 (text, "flag") == 0)
    *mode = EVK_DISCLOSURE_FLAG;
  else if (g_strcmp0 (text, "suppress") == 0)
    *mode = EVK_DISCLOSURE_SUPPRESS;
  else
    return FALSE;
  return TRUE;
}

gboolean
evk_project_get_disclosure (EvkProject        *self,
                            EvkDisclosureMode *mode,
                            GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  EvkDisclosureMode value = EVK_DISCLOSURE_FLAG;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  stmt = evk_store_prepare (self->store, "SELECT value FROM project_meta WHERE key = '" DISCLOSURE_KEY "'",
                            error);
  if (stmt == NULL || !evk_store_step (self->store, stmt, &has_row, error))
    return FALSE;
  if (has_row && !evk_disclosure_mode_from_string (evk_stmt_column_text (stmt, 0), &value))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                   _("%s: project setting %s: “%s” is neither “flag” nor “suppress”"),
                   evk_project_get_path (self), DISCLOSURE_KEY, evk_stmt_column_text (stmt, 0) ?: "");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  *mode = value;
  return TRUE;
}

typedef struct {
  guint             threshold;
  EvkDisclosureMode mode;
} DisclosureEdit;

static gboolean
set_disclosure_in_transaction (EvkStore  *store,
                               gpointer   user_data,
                               GError   **error)
{
  DisclosureEdit *edit = user_data;
  g_autofree char *threshold = g_strdup_printf ("%u", edit->threshold);
  sqlite3_stmt *stmt = evk_store_prepare (store, "INSERT OR REPLACE INTO project_meta (key, value) VALUES (?1, ?2)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, SMALL_CELL_KEY);
  evk_stmt_bind_text (stmt, 2, threshold);
  if (!evk_store_step (store, stmt, NULL, error))
    return FALSE;
  sqlite3_reset (stmt);
  evk_stmt_bind_text (stmt, 1, DISCLOSURE_KEY);
  evk_stmt_bind_text (stmt, 2, evk_disclosure_mode_to_string (edit->mode));
  if (!evk_store_step (store, stmt, NULL, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
evk_project_set_disclosure (EvkProject        *self,
                            guint              threshold,
                            EvkDisclosureMode  mode,
                            GError           **error)
{
  DisclosureEdit edit = { threshold, mode };

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  if (threshold > EVK_SMALL_CELL_MAX)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("the small-cell threshold must be a whole number from 0 to %u"),
                   (guint) EVK_SMALL_CELL_MAX);
      return FALSE;
    }
  if (mode != EVK_DISCLOSURE_FLAG && mode != EVK_DISCLOSURE_SUPPRESS)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("the disclosure mode must be “flag” or “suppress”"));
      return FALSE;
    }
  if (!evk_store_transaction (self->store, set_disclosure_in_transaction, &edit, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, "settings");
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
