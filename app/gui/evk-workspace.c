/* evk-workspace.c: the open project as the window sees it, with fast tables
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-workspace"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-words.h"
#include "evk-model-tables.h"
#include "evk-table-spec.h"
#include "evk-trace.h"
#include "evk-workspace.h"

/* Every chart in the window is computed from its words by the same table
 * grammar the command line and the report use. A card that switches groups
 * must answer within a frame, so the window keeps one table source: the
 * strategy, the survey and each group's respondents, read once. */
struct _EvkWorkspace
{
  GObject         parent_instance;

  EvkProject     *project;
  EvkTableSource *source;
  EvkStrategy    *strategy;     /* the source's */
  EvkSurvey      *survey;       /* the source's first survey, or NULL */
  EvkSurvey      *questions;    /* a review copy's survey, without answers */
  gboolean        review_copy;
  EvkDocumentsStats *documents;
  char           *lang;
  EvkCommentModel *comments;
};

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EvkWorkspace, evk_workspace, G_TYPE_OBJECT)

static gboolean
load_strategy (EvkWorkspace  *self,
               GError       **error)
{
  EvkStrategy *strategy;

  evk_table_source_forget (self->source, "strategy");
  self->strategy = NULL;
  strategy = evk_table_source_get_strategy (self->source, error);
  if (strategy == NULL)
    return FALSE;
  self->strategy = strategy;
  if (self->lang == NULL ||
      !g_strv_contains ((const char * const *) strategy->languages, self->lang))
    {
      g_free (self->lang);
      self->lang = g_strdup (evk_strategy_source_language (strategy) != NULL
                             ? evk_strategy_source_language (strategy) : "en");
    }
  return TRUE;
}

static gboolean
load_survey (EvkWorkspace  *self,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* A review copy has the survey's questions and none of its answers:
   * its charts draw from the tables stored in it. */
  if (self->review_copy)
    {
      EvkStore *store = evk_project_get_store (self->project);
      g_auto(GStrv) names = evk_survey_list (store, error);

      self->survey = NULL;
      g_clear_pointer (&self->questions, evk_survey_free);
      if (names == NULL)
        return FALSE;
      if (names[0] != NULL && (self->questions = evk_survey_load (store, names[0], FALSE, error)) == NULL)
        return FALSE;
      self->survey = self->questions;
      return TRUE;
    }
  evk_table_source_forget (self->source, "survey");
  self->survey = evk_table_source_get_survey (self->source, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
load_documents (EvkWorkspace *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->documents, evk_documents_stats_free);
  self->documents = evk_documents_stats_load (self->project, &error);
  if (self->documents != NULL && self->documents->n_documents == 0)
    g_clear_pointer (&self->documents, evk_documents_stats_free);
  if (error != NULL)
    g_debug ("No document review: %s", error->message);
}

static void
project_changed (EvkProject   *project,
                 const char   *what,
                 EvkWorkspace *self)
{
  g_autoptr(GError) error = NULL;

  /* The comment model follows the project by itself, and no chart or
   * page reads a comment's change as one of the data. */
  if (g_strcmp0 (what, "comments") == 0)
    return;
  if (g_strcmp0 (what, "external") == 0)
    {
      /* Another process or window wrote to the file: read all of it again
       * and tell the views each kind of change. */
      static const char * const kinds[] = { "strategy", "survey", "documents", "charts", "texts",
                                                   "settings" };

      load_strategy (self, &error);
      if (error == NULL)
        load_survey (self, &error);
      load_documents (self);
      if (error != NULL)
        g_warning ("Could not reload the project after a change elsewhere: %s", error->message);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        g_signal_emit (self, signals[CHANGED], 0, kinds[i]);
      return;
    }
  if (g_strcmp0 (what, "charts") == 0 || g_strcmp0 (what, "texts") == 0 || g_strcmp0 (what, "report") == 0 ||
      g_strcmp0 (what, "settings") == 0)
    ; /* saved charts, narrative texts, the outline and the disclosure
       * control are read where they are shown */
  else if (g_strcmp0 (what, "survey") == 0)
    load_survey (self, &error);
  else if (g_strcmp0 (what, "documents") == 0)
    load_documents (self);
  else
    {
      load_strategy (self, &error);
      /* Findings are grouped by the strategy's goals and titles. */
      if (error == NULL && g_strcmp0 (what, "measure") != 0)
        load_documents (self);
    }
  if (error != NULL)
    g_warning ("Could not reload the project after a change: %s", error->message);
  g_signal_emit (self, signals[CHANGED], 0, what);
}

static void
evk_workspace_dispose (GObject *object)
{
  EvkWorkspace *self = EVK_WORKSPACE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->comments);
  G_OBJECT_CLASS (evk_workspace_parent_class)->dispose (object);
}

static void
evk_workspace_finalize (GObject *object)
{
  EvkWorkspace *self = EVK_WORKSPACE (object);

  self->strategy = NULL;
  self->survey = NULL;
  g_clear_pointer (&self->questions, evk_survey_free);
  g_clear_pointer (&self->source, evk_table_source_free);
  g_clear_pointer (&self->documents, evk_documents_stats_free);
  g_clear_pointer (&self->lang, g_free);
  G_OBJECT_CLASS (evk_workspace_parent_class)->finalize (object);
}

static void
evk_workspace_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EvkWorkspace *self = EVK_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->lang);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evk_workspace_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EvkWorkspace *self = EVK_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      evk_workspace_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evk_workspace_class_init (EvkWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evk_workspace_dispose;
  object_class->finalize = evk_workspace_finalize;
  object_class->get_property = evk_workspace_get_property;
  object_class->set_property = evk_workspace_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvkWorkspace::changed:
   * @what: what changed, as the project's "changed" says
   *
   * Emitted after the workspace has re-read what changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
evk_workspace_init (EvkWorkspace *self)
{
}

EvkWorkspace *
evk_workspace_new (EvkProject  *project,
                   GError     **error)
{
  g_autoptr(EvkWorkspace) self = g_object_new (EVK_TYPE_WORKSPACE, NULL);

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  self->project = g_object_ref (project);
  self->source = evk_table_source_new (project);
  self->review_copy = evk_project_is_review_copy (project, NULL);
  if (!load_strategy (self, error))
    return NULL;
  evk_trace_mark ("strategy loaded");
  if (!load_survey (self, error))
    return NULL;
  evk_trace_mark ("survey loaded");
  load_documents (self);
  evk_trace_mark ("documents loaded");
  g_signal_connect (project, "changed", G_CALLBACK (project_changed), self);
  self->comments = evk_comment_model_new (project);
  evk_trace_mark ("comments loaded");
  return g_steal_pointer (&self);
}

EvkProject *
evk_workspace_get_project (EvkWorkspace *self)
{
  return self->project;
}

EvkCommentModel *
evk_workspace_get_comments (EvkWorkspace *self)
{
  return self->comments;
}

gboolean
evk_workspace_is_read_only (EvkWorkspace *self)
{
  return self->review_copy;
}

EvkStrategy *
evk_workspace_get_strategy (EvkWorkspace *self)
{
  return self->strategy;
}

EvkSurvey *
evk_workspace_get_survey (EvkWorkspace *self)
{
  return self->survey;
}

EvkDocumentsStats *
evk_workspace_get_documents (EvkWorkspace *self)
{
  return self->documents;
}

const char *
evk_workspace_get_language (EvkWorkspace *self)
{
  return self->lang;
}

void
evk_workspace_set_language (EvkWorkspace *self,
                            const char   *lang)
{
  g_return_if_fail (EVK_IS_WORKSPACE (self));

  if (lang == NULL || g_strcmp0 (lang, self->lang) == 0)
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
evk_workspace_tr (EvkWorkspace *self,
                  GHashTable   *localized)
{
  const char *text;

  if (localized == NULL)
    return "";
  text = evk_localized_get_fallback (localized, self->lang,
                                     evk_strategy_source_language (self->strategy));
  return text != NULL ? text : "";
}

const EvkRows *
evk_workspace_get_group_rows (EvkWorkspace  *self,
                              const char    *key,
                              GError       **error)
{
  if (self->survey == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("The project has no survey yet"));
      return NULL;
    }
  return evk_table_source_get_rows (self->source, key, error);
}

/* The offers of a goal's measures, as the grammar's offers=K,K… option. */
static char *
offers_of_goal (EvkWorkspace *self,
                const char   *goal)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < self->strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (self->strategy->offers, i);

      for (guint k = 0; k < offer->measures->len; k++)
        {
          EvkMeasure *measure = evk_strategy_find_measure (self->strategy,
                                                           g_array_index (offer->measures, guint, k));
          if (measure != NULL && g_strcmp0 (measure->goal, goal) == 0)
            {
              g_string_append_printf (keys, "%s%s", keys->len > 0 ? "," : "", offer->key);
              break;
            }
        }
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* A card's question in the grammar's words. */
static char *
query_to_spec (EvkWorkspace   *self,
               const EvkQuery *query)
{
  g_autoptr(GString) spec = g_string_new (query->kind);

  if (g_str_equal (query->kind, "awareness-all"))
    {
      if (query->argument != NULL)
        {
          g_autofree char *offers = offers_of_goal (self, query->argument);

          /* A goal with no offers: an empty list, which the grammar
           * refuses with its own message. */
          g_string_append_printf (spec, " offers=%s", offers);
        }
    }
  else if (query->argument != NULL)
    {
      g_autofree char *quoted = g_shell_quote (query->argument);
      g_string_append_printf (spec, " %s", quoted);
    }
  if (query->group != NULL && !g_str_equal (query->group, "all"))
    {
      g_autofree char *quoted = g_shell_quote (query->group);
      g_string_append_printf (spec, " group=%s", quoted);
    }
  g_string_append (spec, query->dont_know ? " base=with-dont-know" : " base=valid");
  if (query->weight != NULL)
    {
      g_autofree char *quoted = g_shell_quote (query->weight);
      g_string_append_printf (spec, " weight=%s", quoted);
    }
  return g_string_free (g_steal_pointer (&spec), FALSE);
}

EvkTable *
evk_workspace_compute (EvkWorkspace    *self,
                       const EvkQuery  *query,
                       GError         **error)
{
  g_autofree char *spec = NULL;

  g_return_val_if_fail (EVK_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (query != NULL && query->kind != NULL, NULL);

  /* The threshold and what happens below it are the project's, applied
   * where every table is computed. */
  spec = query_to_spec (self, query);
  return evk_workspace_compute_spec (self, spec, error);
}

EvkTable *
evk_workspace_compute_spec (EvkWorkspace  *self,
                            const char    *spec,
                            GError       **error)
{
  g_return_val_if_fail (EVK_IS_WORKSPACE (self), NULL);

  if (self->survey == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("The project has no survey yet"));
      return NULL;
    }
  return evk_table_source_compute (self->source, spec, error);
}

EvkTable *
evk_workspace_compute_chart (EvkWorkspace   *self,
                             EvkSavedChart  *chart,
                             GError        **error)
{
  g_return_val_if_fail (EVK_IS_WORKSPACE (self), NULL);
  return evk_project_compute_chart_from (self->project, self->source, chart, error);
}

EvkTable *
evk_workspace_status_table (EvkWorkspace *self,
                            const char   *goal_key)
{
  return evk_table_status_summary (self->strategy, goal_key);
}

GPtrArray *
evk_workspace_offers_of (EvkWorkspace *self,
                         guint         measure)
{
  GPtrArray *offers = g_ptr_array_new ();

  for (guint i = 0; i < self->strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (self->strategy->offers, i);

      for (guint k = 0; k < offer->measures->len; k++)
        if (g_array_index (offer->measures, guint, k) == measure)
          {
            g_ptr_array_add (offers, offer);
            break;
          }
    }
  return offers;
}
