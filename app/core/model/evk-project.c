/* evk-project.c: an open evaluation project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "evk-charts.h"
#include "evk-documents.h"
#include "evk-import-csv.h"
#include "evk-import-spss.h"
#include "evk-model-error.h"
#include "evk-narrative.h"
#include "evk-project.h"
#include "evk-report.h"
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

char *
evk_get_demo_dir (void)
{
  const char *env = g_getenv ("EVALKIT_DATADIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", NULL);
  g_autofree char *installed_probe = g_build_filename (installed, "strategy.ini", NULL);

  if (env != NULL && *env != '\0')
    return g_build_filename (env, "demo", NULL);
  if (g_file_test (installed_probe, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DATADIR, "demo", NULL);
}

static gboolean
build_demo (EvkProject  *project,
            const char  *demo_dir,
            GError     **error)
{
  g_autofree char *strategy_path = g_build_filename (demo_dir, "strategy.ini", NULL);
  g_autofree char *survey_path = g_build_filename (demo_dir, "survey.sav", NULL);
  g_autofree char *meta_path = g_build_filename (demo_dir, "survey-meta.ini", NULL);
  g_autofree char *documents_path = g_build_filename (demo_dir, "documents.csv", NULL);
  g_autofree char *codebook_path = g_build_filename (demo_dir, "codebook.csv", NULL);
  g_autoptr(EvkSurvey) survey = NULL;
  g_auto(GStrv) langs = NULL;
  g_autoptr(GPtrArray) charts = NULL;

  /* The demo goes through the same importers a user's files do: the
   * strategy key file, the SPSS file, and the document coding sheet. The
   * survey's labels are in the strategy's source language. */
  if (!evk_project_import_strategy (project, strategy_path, error) ||
      (langs = evk_store_get_languages (project->store, error)) == NULL)
    return FALSE;
  survey = evk_import_spss (survey_path, "survey", langs[0], NULL, NULL, NULL, error);
  if (survey == NULL ||
      !evk_import_codebook_translations (survey, codebook_path, langs[0], error) ||
      !evk_survey_apply_meta (survey, meta_path, langs[0], error) ||
      !evk_project_save_survey (project, survey, error))
    return FALSE;
  if (!evk_documents_import (project, documents_path, error) ||
      !evk_report_import_demo (project, demo_dir, error))
    return FALSE;
  /* Its default charts are made now, as a user's project has them after
   * its imports, so a read-only look (`evalkit info`, the report thread)
   * sees them. */
  charts = evk_project_list_charts (project, error);
  return charts != NULL;
}

EvkProject *
evk_project_create_demo (const char  *path,
                         GError     **error)
{
  g_autofree char *demo_dir = evk_get_demo_dir ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS,
                   _("%s: the file already exists"), path);
      return NULL;
    }

  /* Build beside the target and rename: an interrupted build never leaves
   * a half-made project under the user's name. */
  tmp_path = g_strdup_printf ("%s/.%s.%u.partial", dir, base, (guint) g_random_int ());
  project = evk_project_create (tmp_path, error);
  if (project == NULL)
    return NULL;

  ok = build_demo (project, demo_dir, &local_error);
  g_clear_object (&project);

  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (tmp_path, "-shm", NULL);

      g_unlink (tmp_path);
      g_unlink (wal);
      g_unlink (shm);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not build the demo project: "));
      return NULL;
    }

  return evk_project_open (path, error);
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
  gint64 id = evk_narrative_measure_id (self->store, number, error);

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
  gint64 id = evk_narrative_measure_id (self->store, number, error);

  if (id < 0)
    return FALSE;
  if (source_fp != NULL
      ? !evk_store_put_text_version (self->store, EVK_NARRATIVE_ENTITY_MEASURE, id, field, lang, text, source_fp, error)
      : !evk_store_set_text (self->store, EVK_NARRATIVE_ENTITY_MEASURE, id, field, lang, text, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, "texts");
  return TRUE;
}
