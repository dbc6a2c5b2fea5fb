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
#include "evk-workspace.h"

/* evk_table_compute reads the survey from the store on every call; a card
 * that switches groups must answer within a frame, so the survey, the
 * strategy and each group's respondents are kept here and the statistics
 * are called directly. The tests check both paths give the same figures. */
struct _EvkWorkspace
{
  GObject         parent_instance;

  EvkProject     *project;
  EvkStrategy    *strategy;
  EvkSurvey      *survey;
  EvkStats       *stats;
  EvkDocumentsStats *documents;
  GHashTable     *group_rows;   /* group key → EvkRows */
  char           *lang;
  guint           small_cell;
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
  EvkStrategy *strategy = evk_project_load_strategy (self->project, error);

  if (strategy == NULL)
    return FALSE;
  g_clear_pointer (&self->strategy, evk_strategy_free);
  self->strategy = strategy;
  if (self->lang == NULL ||
      !g_strv_contains ((const char * const *) strategy->languages, self->lang))
    {
      g_free (self->lang);
      self->lang = g_strdup (evk_strategy_source_language (strategy) != NULL
                             ? evk_strategy_source_language (strategy) : "en");
    }
  /* Groups are defined by the strategy: their rows may have changed. */
  g_hash_table_remove_all (self->group_rows);
  return TRUE;
}

static gboolean
load_survey (EvkWorkspace  *self,
             GError       **error)
{
  EvkStore *store = evk_project_get_store (self->project);
  g_auto(GStrv) names = evk_survey_list (store, error);

  if (names == NULL)
    return FALSE;
  g_hash_table_remove_all (self->group_rows);
  g_clear_pointer (&self->stats, evk_stats_free);
  g_clear_pointer (&self->survey, evk_survey_free);
  if (names[0] == NULL)
    return TRUE;
  self->survey = evk_survey_load (store, names[0], TRUE, error);
  if (self->survey == NULL)
    return FALSE;
  self->stats = evk_stats_new (self->survey);
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

  if (g_strcmp0 (what, "external") == 0)
    {
      /* Another process or window wrote to the file: read all of it again
       * and tell the views each kind of change. */
      static const char * const kinds[] = { "strategy", "survey", "documents", "charts", "texts" };

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
  if (g_strcmp0 (what, "charts") == 0 || g_strcmp0 (what, "texts") == 0)
    ; /* saved charts and narrative texts are read where they are shown */
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
  G_OBJECT_CLASS (evk_workspace_parent_class)->dispose (object);
}

static void
evk_workspace_finalize (GObject *object)
{
  EvkWorkspace *self = EVK_WORKSPACE (object);

  g_clear_pointer (&self->stats, evk_stats_free);
  g_clear_pointer (&self->survey, evk_survey_free);
  g_clear_pointer (&self->strategy, evk_strategy_free);
  g_clear_pointer (&self->documents, evk_documents_stats_free);
  g_clear_pointer (&self->group_rows, g_hash_table_unref);
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
  self->group_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) evk_rows_free);
  self->small_cell = 5;
}

EvkWorkspace *
evk_workspace_new (EvkProject  *project,
                   GError     **error)
{
  g_autoptr(EvkWorkspace) self = g_object_new (EVK_TYPE_WORKSPACE, NULL);

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  self->project = g_object_ref (project);
  if (!load_strategy (self, error) || !load_survey (self, error))
    return NULL;
  load_documents (self);
  g_signal_connect (project, "changed", G_CALLBACK (project_changed), self);
  return g_steal_pointer (&self);
}

EvkProject *
evk_workspace_get_project (EvkWorkspace *self)
{
  return self->project;
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

guint
evk_workspace_get_small_cell (EvkWorkspace *self)
{
  return self->small_cell;
}

void
evk_workspace_set_small_cell (EvkWorkspace *self,
                              guint         threshold)
{
  if (self->small_cell == threshold)
    return;
  self->small_cell = threshold;
  g_signal_emit (self, signals[CHANGED], 0, "settings");
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

static EvkOffer *
find_offer (EvkWorkspace *self,
            const char   *key)
{
  for (guint i = 0; i < self->strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (self->strategy->offers, i);
      if (g_str_equal (offer->key, key))
        return offer;
    }
  return NULL;
}

const EvkRows *
evk_workspace_get_group_rows (EvkWorkspace  *self,
                              const char    *key,
                              GError       **error)
{
  EvkRows *rows;
  EvkGroup *group;

  if (self->survey == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("The project has no survey yet"));
      return NULL;
    }
  if (key == NULL)
    key = "all";
  rows = g_hash_table_lookup (self->group_rows, key);
  if (rows != NULL)
    return rows;

  if (g_str_equal (key, "all"))
    rows = evk_rows_new_all (self->survey->n_rows);
  else if ((group = evk_strategy_find_group (self->strategy, key)) != NULL)
    rows = evk_rows_new_from_text (self->survey, group->filter, error);
  else
    g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                 _("The strategy has no respondent group “%s”"), key);
  if (rows == NULL)
    return NULL;
  g_hash_table_insert (self->group_rows, g_strdup (key), rows);
  return rows;
}

static EvkTable *
compute_offer (EvkWorkspace    *self,
               const EvkQuery  *query,
               GError         **error)
{
  EvkOffer *offer = query->argument != NULL ? find_offer (self, query->argument) : NULL;

  if (offer == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("The strategy has no offer “%s”"), query->argument ? query->argument : "");
      return NULL;
    }

  return evk_table_for_offer (self->stats, offer, !g_str_equal (query->kind, "awareness"), 1, error);
}

static gboolean
offer_in_goal (EvkWorkspace *self,
               EvkOffer     *offer,
               const char   *goal)
{
  for (guint k = 0; k < offer->measures->len; k++)
    {
      EvkMeasure *measure = evk_strategy_find_measure (self->strategy, g_array_index (offer->measures, guint, k));
      if (measure != NULL && g_strcmp0 (measure->goal, goal) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every offer, or those of one goal's measures, ranked by awareness. */
static EvkTable *
compute_all_offers (EvkWorkspace  *self,
                    const char    *goal,
                    GError       **error)
{
  g_autoptr(GStrvBuilder) heard = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) used = g_strv_builder_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_auto(GStrv) heard_names = NULL, used_names = NULL;

  for (guint i = 0; i < self->strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (self->strategy->offers, i);
      const char *h = evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF);
      const char *u = evk_offer_get_variable (offer, EVK_ROLE_USED);

      if (h == NULL || u == NULL || (goal != NULL && !offer_in_goal (self, offer, goal)))
        continue;
      g_strv_builder_add (heard, h);
      g_strv_builder_add (used, u);
      g_ptr_array_add (labels, offer->label);
    }
  heard_names = g_strv_builder_end (heard);
  used_names = g_strv_builder_end (used);
  if (heard_names[0] == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("The strategy links no offer to heard-of and used items"));
      return NULL;
    }
  return evk_stats_awareness_ranked (self->stats, (const char * const *) heard_names,
                                     (const char * const *) used_names, labels, 1, error);
}

EvkTable *
evk_workspace_compute (EvkWorkspace    *self,
                       const EvkQuery  *query,
                       GError         **error)
{
  const EvkRows *rows;
  EvkGroup *group = NULL;

  g_return_val_if_fail (EVK_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (query != NULL && query->kind != NULL, NULL);

  rows = evk_workspace_get_group_rows (self, query->group, error);
  if (rows == NULL)
    return NULL;
  if (query->group != NULL && !g_str_equal (query->group, "all"))
    group = evk_strategy_find_group (self->strategy, query->group);

  evk_stats_set_group (self->stats, group != NULL ? rows : NULL, group != NULL ? group->name : NULL);
  evk_stats_set_base (self->stats, query->dont_know ? EVK_BASE_WITH_DONT_KNOW : EVK_BASE_VALID);
  evk_stats_set_small_cell (self->stats, self->small_cell);

  if (g_str_equal (query->kind, "awareness") || g_str_equal (query->kind, "outcome"))
    return compute_offer (self, query, error);
  if (g_str_equal (query->kind, "awareness-all"))
    return compute_all_offers (self, query->argument, error);
  if (g_str_equal (query->kind, "frequency"))
    return evk_stats_frequency (self->stats, query->argument, error);

  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
               _("Unknown table kind “%s”"), query->kind);
  return NULL;
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
