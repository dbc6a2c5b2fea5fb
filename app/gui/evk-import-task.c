/* evk-import-task.c: an import run in a worker thread, all or nothing
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-import-task"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-documents.h"
#include "evk-import-csv.h"
#include "evk-import-error.h"
#include "evk-import-spss.h"
#include "evk-import-task.h"

typedef struct {
  char              *project_path;
  EvkImportKind      kind;
  char              *path;
  char              *codebook;
  GMainContext      *context;
  EvkImportProgress  progress;
  gpointer           progress_data;
  double             last_fraction;
} ImportData;

typedef struct {
  ImportData *data;
  GTask      *task;
  double      fraction;
} ProgressUpdate;

struct _EvkImportPending
{
  EvkSurvey        *survey;    /* read from the file, with what it carried over */
  EvkSurvey        *old;       /* the survey it replaces, with its data */
  EvkSurveyChanges *changes;
  char             *summary;   /* said once it is committed */
};

void
evk_import_pending_free (EvkImportPending *pending)
{
  if (pending == NULL)
    return;
  g_clear_pointer (&pending->survey, evk_survey_free);
  g_clear_pointer (&pending->old, evk_survey_free);
  g_clear_pointer (&pending->changes, evk_survey_changes_free);
  g_free (pending->summary);
  g_free (pending);
}

char *
evk_import_pending_describe (EvkImportPending *pending)
{
  return evk_survey_changes_describe (pending->changes);
}

const char *
evk_import_pending_get_name (EvkImportPending *pending)
{
  return pending->survey->name;
}

EvkSurvey *
evk_import_pending_steal_old (EvkImportPending *pending)
{
  return g_steal_pointer (&pending->old);
}

EvkSurvey *
evk_import_pending_steal_survey (EvkImportPending *pending)
{
  return g_steal_pointer (&pending->survey);
}

/* What a task returns: a summary once committed, or a survey that would
 * replace one the project has, waiting for the user. */
typedef struct {
  char             *summary;
  EvkImportPending *pending;
} ImportResult;

static void
import_result_free (ImportResult *result)
{
  g_free (result->summary);
  evk_import_pending_free (result->pending);
  g_free (result);
}

static void
import_data_free (ImportData *data)
{
  g_free (data->project_path);
  g_free (data->path);
  g_free (data->codebook);
  g_main_context_unref (data->context);
  g_free (data);
}

const char *
evk_import_kind_to_string (EvkImportKind kind)
{
  static const char * const names[] = { "survey", "codebook", "documents", "strategy" };

  return kind <= EVK_IMPORT_STRATEGY ? names[kind] : NULL;
}

gboolean
evk_import_kind_from_string (const char    *text,
                             EvkImportKind *kind)
{
  for (EvkImportKind k = EVK_IMPORT_SURVEY; k <= EVK_IMPORT_STRATEGY; k++)
    if (g_strcmp0 (text, evk_import_kind_to_string (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (!g_task_get_completed (update->task) && update->data->progress != NULL)
    update->data->progress (update->fraction, update->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  g_object_unref (update->task);
  g_free (update);
}

/* Called by the importers in the worker thread: hand whole percents over to
 * the caller's main context, not every row. */
static void
worker_progress (double   fraction,
                 gpointer user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);
  ProgressUpdate *update;

  if (data->progress == NULL || fraction - data->last_fraction < 0.01)
    return;
  data->last_fraction = fraction;
  update = g_new0 (ProgressUpdate, 1);
  update->data = data;
  update->task = g_object_ref (task);
  update->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress, update, progress_update_free);
}

static gboolean
is_csv (const char *path)
{
  return g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV") ||
         g_str_has_suffix (path, ".tsv") || g_str_has_suffix (path, ".txt");
}

static char *
default_name (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

static char *
import_survey (GTask             *task,
               EvkProject        *project,
               ImportData        *data,
               EvkImportPending **pending,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(EvkSurvey) old = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) langs = evk_project_get_languages (project, error);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) existing = NULL;

  if (langs == NULL)
    return NULL;
  if (langs[0] == NULL)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_NOT_SUPPORTED,
                   _("%s: the project has no language yet: import the strategy first"),
                   evk_project_get_path (project));
      return NULL;
    }
  /* A re-import replaces the survey the charts show (the first). */
  existing = evk_survey_list (evk_project_get_store (project), error);
  if (existing == NULL)
    return NULL;
  name = existing[0] != NULL ? g_strdup (existing[0]) : default_name (data->path);

  if (is_csv (data->path))
    survey = evk_import_csv (data->path, data->codebook, name, langs[0], cancellable,
                             worker_progress, task, error);
  else
    {
      survey = evk_import_spss (data->path, name, langs[0], cancellable, worker_progress, task, error);
      if (survey != NULL && data->codebook != NULL &&
          !evk_import_codebook_translations (survey, data->codebook, langs[0], error))
        return NULL;
    }
  if (survey == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported survey “%s”: %u respondent, %u variables",
                                          "Imported survey “%s”: %u respondents, %u variables", survey->n_rows),
                             survey->name, survey->n_rows, survey->variables->len);

  /* A survey the project has already is replaced only once the user has
   * seen what changes; nothing is written until then. */
  if (!evk_project_prepare_survey (project, survey, &old, &changes, error))
    return NULL;
  if (changes != NULL)
    {
      *pending = g_new0 (EvkImportPending, 1);
      (*pending)->survey = g_steal_pointer (&survey);
      (*pending)->old = g_steal_pointer (&old);
      (*pending)->changes = g_steal_pointer (&changes);
      (*pending)->summary = g_steal_pointer (&summary);
      return NULL;
    }
  if (!evk_project_save_survey (project, survey, error))
    return NULL;
  return g_steal_pointer (&summary);
}

static char *
import_codebook (EvkProject    *project,
                 ImportData    *data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_auto(GStrv) langs = evk_project_get_languages (project, error);
  g_auto(GStrv) names = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  if (langs == NULL || (names = evk_survey_list (store, error)) == NULL)
    return NULL;
  if (names[0] == NULL)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_NOT_SUPPORTED,
                   _("%s: the project has no survey yet: import the survey first"), evk_project_get_path (project));
      return NULL;
    }
  survey = evk_survey_load (store, names[0], TRUE, error);
  if (survey == NULL ||
      !evk_import_codebook_translations (survey, data->path, langs[0], error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !evk_project_save_survey (project, survey, error))
    return NULL;
  return g_strdup_printf (_("Imported the codebook’s labels into survey “%s”"), survey->name);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autofree char *basename = g_path_get_basename (data->path);
  ImportResult *result = g_new0 (ImportResult, 1);

  /* Our own connection: the window's stays with the main thread, and can
   * read the old state until this one commits. */
  project = evk_project_open (data->project_path, &error);
  if (project != NULL)
    switch (data->kind)
      {
      case EVK_IMPORT_SURVEY:
        result->summary = import_survey (task, project, data, &result->pending, cancellable, &error);
        break;
      case EVK_IMPORT_CODEBOOK:
        result->summary = import_codebook (project, data, cancellable, &error);
        break;
      case EVK_IMPORT_DOCUMENTS:
        if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
            evk_documents_import (project, data->path, &error))
          result->summary = g_strdup_printf (_("Imported the document review from “%s”"), basename);
        break;
      case EVK_IMPORT_STRATEGY:
        if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
            evk_project_import_strategy (project, data->path, &error))
          result->summary = g_strdup_printf (_("Imported the strategy from “%s”"), basename);
        break;
      }

  if (result->summary == NULL && result->pending == NULL)
    {
      import_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) import_result_free);
}

void
evk_import_run_async (EvkProject          *project,
                      EvkImportKind        kind,
                      GFile               *file,
                      GFile               *codebook,
                      GCancellable        *cancellable,
                      EvkImportProgress    progress,
                      gpointer             progress_data,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (project, cancellable, callback, user_data);
  ImportData *data = g_new0 (ImportData, 1);

  g_task_set_source_tag (task, evk_import_run_async);
  data->project_path = g_strdup (evk_project_get_path (project));
  data->kind = kind;
  data->path = g_file_get_path (file);
  data->codebook = codebook != NULL ? g_file_get_path (codebook) : NULL;
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  if (data->path == NULL)
    {
      g_task_return_new_error (task, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, _("Only local files can be imported"));
      return;
    }
  g_task_run_in_thread (task, import_thread);
}

char *
evk_import_run_finish (GAsyncResult      *result,
                       EvkImportPending **pending,
                       GError           **error)
{
  GTask *task = G_TASK (result);
  ImportResult *outcome = g_task_propagate_pointer (task, error);
  char *summary;

  if (pending != NULL)
    *pending = NULL;
  if (outcome == NULL)
    return NULL;
  summary = g_steal_pointer (&outcome->summary);
  if (pending != NULL)
    *pending = g_steal_pointer (&outcome->pending);
  import_result_free (outcome);

  /* The worker's connection committed: to the window's connection that is
   * a change made elsewhere, and its views read it again, in this thread. */
  if (summary != NULL)
    evk_project_check_external_changes (EVK_PROJECT (g_task_get_source_object (task)));
  return summary;
}

typedef struct {
  EvkImportPending *pending;   /* borrowed */
  char             *project_path;
} CommitData;

static void
commit_data_free (CommitData *data)
{
  g_free (data->project_path);
  g_free (data);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CommitData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_open (data->project_path, &error);

  if (project == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !evk_project_save_survey (project, data->pending->survey, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_strdup (data->pending->summary), g_free);
}

void
evk_import_commit_async (EvkProject          *project,
                         EvkImportPending    *pending,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (project, cancellable, callback, user_data);
  CommitData *data = g_new0 (CommitData, 1);

  g_task_set_source_tag (task, evk_import_commit_async);
  data->pending = pending;
  data->project_path = g_strdup (evk_project_get_path (project));
  g_task_set_task_data (task, data, (GDestroyNotify) commit_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, commit_thread);
}

char *
evk_import_commit_finish (GAsyncResult  *result,
                          GError       **error)
{
  GTask *task = G_TASK (result);
  char *summary = g_task_propagate_pointer (task, error);

  if (summary != NULL)
    evk_project_check_external_changes (EVK_PROJECT (g_task_get_source_object (task)));
  return summary;
}
