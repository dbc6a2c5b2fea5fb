/* evk-table-spec.c: a table described in words, computed from a project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evk-disclosure.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-stats.h"
#include "evk-store-review.h"
#include "evk-store-texts.h"
#include "evk-table-review.h"
#include "evk-table-spec.h"
#include "evk-words.h"

const char *
evk_table_spec_grammar (void)
{
  return _("SPEC is a kind, its arguments and options:\n"
           "  frequency VAR                 categories of one variable\n"
           "  awareness OFFER               not known / known, not used / known and used\n"
           "  awareness-all [offers=K,K…]   every offer (or those named), ranked by awareness\n"
           "  outcome OFFER                 the offer's outcome items on their scale\n"
           "  items VAR…                    items of a grid on one scale (VAR..VAR for a range)\n"
           "  multiple SET|VAR…             a multiple-response question, ranked\n"
           "  count VAR…                    how many chose each item\n"
           "  crosstab VAR groups=G,G…      a variable across groups (“all” = everyone)\n"
           "  representativity VAR          sample and register shares\n"
           "  response-rate                 respondents of the net population\n"
           "  review-measures, review-goals, review-agencies, review-years,\n"
           "  review-agency-years, review-documents   findings of the document review\n"
           "Options:\n"
           "  survey=NAME  group=KEY  filter=\"EXPR\"  base=valid|with-dont-know|all\n"
           "  weight=variable|population:VAR  small=N  counted=VALUE\n");
}

typedef struct {
  EvkProject  *project;
  EvkStrategy *strategy;
  EvkSurvey   *survey;
  GPtrArray   *args;      /* positional words after the kind */
  GHashTable  *options;   /* key → value */
  GHashTable  *group_rows; /* group key → EvkRows of survey, kept between tables */
} Spec;

/* One survey as the tables read it: its data, a statistics context, and
 * the respondents of each group asked for so far. */
typedef struct {
  EvkSurvey  *survey;
  EvkStats   *stats;
  GHashTable *group_rows;
} SourceSurvey;

struct _EvkTableSource
{
  EvkProject  *project;
  int          review_copy; /* -1 until known */
  EvkStrategy *strategy;   /* NULL until a table needs it */
  GStrv        names;      /* the project's surveys, NULL until needed */
  GHashTable  *surveys;    /* name → SourceSurvey, loaded when first used */
};

static gboolean
spec_fail (GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static gboolean
spec_fail (GError     **error,
           const char  *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/* q16_1..q16_12 → the names; a set name → its variables; else the word. */
static gboolean
expand_variables (Spec          *spec,
                  const char    *word,
                  GStrvBuilder  *builder,
                  GError       **error)
{
  const char *dots = strstr (word, "..");
  EvkMrSet *set = evk_survey_get_mrset (spec->survey, word);

  if (set != NULL)
    {
      g_strv_builder_addv (builder, (const char **) set->variables);
      return TRUE;
    }
  if (dots != NULL)
    {
      g_autofree char *text = g_strdup_printf ("any(%s) = 1", word);
      g_autoptr(EvkFilter) filter = evk_filter_parse (text, error);
      g_auto(GStrv) names = NULL;

      if (filter == NULL)
        return FALSE;
      names = evk_filter_get_variables (filter);
      g_strv_builder_addv (builder, (const char **) names);
      return TRUE;
    }
  g_strv_builder_add (builder, word);
  return TRUE;
}

static GStrv
variables_from_args (Spec    *spec,
                     guint    first,
                     GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = first; i < spec->args->len; i++)
    if (!expand_variables (spec, g_ptr_array_index (spec->args, i), builder, error))
      return NULL;
  result = g_strv_builder_end (builder);
  if (result[0] == NULL)
    {
      spec_fail (error, _("the table names no variables"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

static EvkOffer *
find_offer (Spec        *spec,
            const char  *key,
            GError     **error)
{
  for (guint i = 0; i < spec->strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (spec->strategy->offers, i);
      if (g_str_equal (offer->key, key))
        return offer;
    }
  spec_fail (error, _("the strategy has no offer “%s”"), key);
  return NULL;
}

static void
copy_into (GHashTable *into,
           GHashTable *from)
{
  GHashTableIter iter;
  gpointer lang, text;

  if (from == NULL)
    return;
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    evk_localized_set (into, lang, text);
}

EvkTable *
evk_table_for_offer (EvkStats  *stats,
                     EvkOffer  *offer,
                     gboolean   outcome,
                     double     counted,
                     GError   **error)
{
  if (!outcome)
    {
      const char *heard = evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF);
      const char *used = evk_offer_get_variable (offer, EVK_ROLE_USED);
      EvkTable *table;

      if (heard == NULL || used == NULL)
        return spec_fail (error, _("offer %s has no heard-of and used items"), offer->key), NULL;
      table = evk_stats_awareness (stats, heard, used, counted, error);
      /* The offer's own short name reads better than the question's. */
      if (table != NULL)
        {
          g_hash_table_remove_all (table->title);
          g_hash_table_remove_all (evk_table_row (table, 0)->label);
          copy_into (table->title, offer->label);
          copy_into (evk_table_row (table, 0)->label, offer->label);
        }
      return table;
    }
  else
    {
      const char *items[3] = {
        evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_MEMBERS),
        evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_ACTIVITIES),
        NULL,
      };

      if (items[0] == NULL && items[1] != NULL)
        items[0] = items[1], items[1] = NULL;
      if (items[0] == NULL)
        return spec_fail (error, _("offer %s has no outcome items"), offer->key), NULL;
      return evk_stats_items (stats, items, error);
    }
}

static EvkGroup *
find_group (Spec        *spec,
            const char  *key,
            GError     **error)
{
  for (guint i = 0; i < spec->strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (spec->strategy->groups, i);
      if (g_str_equal (group->key, key))
        return group;
    }
  spec_fail (error, _("the strategy has no respondent group “%s”"), key);
  return NULL;
}


static gboolean
parse_words (const char  *text,
             Spec        *spec,
             char       **kind,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) words = NULL;
  int n_words = 0;

  /* Shell-like quoting, so filter="q72 in 4..5" stays one word. */
  if (!g_shell_parse_argv (text, &n_words, &words, &local_error))
    return spec_fail (error, _("cannot read the table description: %s"), local_error->message);

  *kind = g_strdup (words[0]);
  for (int i = 1; i < n_words; i++)
    {
      const char *eq = strchr (words[i], '=');
      gboolean is_option = eq != NULL && eq != words[i];

      /* An option is a lower-case word before "=" ("filter=q72 in 4..5");
       * anything else is an argument, such as "q16_1..q16_12". */
      for (const char *p = words[i]; is_option && p < eq; p++)
        if (!g_ascii_islower (*p) && *p != '-')
          is_option = FALSE;
      if (is_option)
        g_hash_table_insert (spec->options, g_strndup (words[i], eq - words[i]), g_strdup (eq + 1));
      else
        g_ptr_array_add (spec->args, g_strdup (words[i]));
    }
  return TRUE;
}

gboolean
evk_table_spec_names_group (const char *text,
                            const char *key)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *kind = NULL;
  Spec spec = { NULL, NULL, NULL, args, options, NULL };
  const char *groups;

  if (!parse_words (text, &spec, &kind, NULL))
    return FALSE;
  if (g_strcmp0 (g_hash_table_lookup (options, "group"), key) == 0)
    return TRUE;
  groups = g_hash_table_lookup (options, "groups");
  if (groups != NULL)
    {
      g_auto(GStrv) keys = g_strsplit (groups, ",", -1);

      return g_strv_contains ((const char * const *) keys, key);
    }
  return FALSE;
}

static gboolean
check_options (Spec    *spec,
               GError **error)
{
  static const char * const known[] = {
    "survey", "group", "filter", "base", "weight", "small", "counted", "groups", "offers", NULL
  };
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, spec->options);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_strv_contains (known, key))
      return spec_fail (error, _("unknown option “%s”"), (const char *) key);
  return TRUE;
}

/* A group's respondents, worked out once per survey and strategy: a group
 * switch in the window then costs no filter evaluation. */
static const EvkRows *
rows_for_group (Spec        *spec,
                const char  *key,
                GError     **error)
{
  EvkGroup *group;
  EvkRows *rows;

  rows = g_hash_table_lookup (spec->group_rows, key);
  if (rows != NULL)
    return rows;
  if (g_str_equal (key, "all"))
    rows = evk_rows_new_all (spec->survey->n_rows);
  else if ((group = find_group (spec, key, error)) != NULL)
    rows = evk_rows_new_from_text (spec->survey, group->filter, error);
  if (rows == NULL)
    return NULL;
  g_hash_table_insert (spec->group_rows, g_strdup (key), rows);
  return rows;
}

/* A filtered table is named by its filter, after the group's name when it
 * is also of a group: "Innvandrerorganisasjoner, filter q1 = 1". */
static GHashTable *
filter_label (GHashTable *group_name,
              const char *filter)
{
  g_autoptr(GHashTable) word = evk_word_localized ("Stats", "Filter");
  GHashTable *label = evk_localized_new ();
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, word);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    {
      g_autoptr(GString) full = g_string_new (text);
      const char *group = evk_localized_get (group_name, lang);

      g_string_replace (full, "{filter}", filter, 0);
      if (group != NULL)
        {
          g_string_prepend (full, ", ");
          g_string_prepend (full, group);
        }
      evk_localized_set (label, lang, full->str);
    }
  return label;
}

static gboolean
configure_stats (Spec      *spec,
                 EvkStats  *stats,
                 GError   **error)
{
  const char *group_key = g_hash_table_lookup (spec->options, "group");
  const char *filter = g_hash_table_lookup (spec->options, "filter");
  const char *base = g_hash_table_lookup (spec->options, "base");
  const char *weight = g_hash_table_lookup (spec->options, "weight");
  const char *small = g_hash_table_lookup (spec->options, "small");
  const EvkRows *group_rows = NULL;
  g_autoptr(EvkRows) filtered = NULL;
  g_autoptr(GHashTable) filter_name = NULL;
  const EvkRows *rows = NULL;
  GHashTable *name = NULL;

  if (group_key != NULL)
    {
      EvkGroup *group = g_str_equal (group_key, "all") ? NULL : find_group (spec, group_key, error);

      if (group == NULL && !g_str_equal (group_key, "all"))
        return FALSE;
      group_rows = rows_for_group (spec, group_key, error);
      if (group_rows == NULL)
        return FALSE;
      rows = group_rows;
      name = group != NULL ? group->name : NULL;
    }
  if (filter != NULL)
    {
      filtered = evk_rows_new_from_text (spec->survey, filter, error);
      if (filtered == NULL)
        return FALSE;
      if (group_rows != NULL)
        evk_rows_intersect (filtered, group_rows);
      rows = filtered;
      filter_name = filter_label (name, filter);
      name = filter_name;
    }
  if (rows != NULL)
    {
      if (!evk_stats_check_rows (stats, rows, error))
        {
          if (filter != NULL)
            g_prefix_error (error, "filter=\"%s\"%s%s: ", filter, group_key != NULL ? " group=" : "",
                            group_key != NULL ? group_key : "");
          else
            g_prefix_error (error, "group=%s: ", group_key);
          return FALSE;
        }
      evk_stats_set_group (stats, rows, name);
    }

  if (base == NULL || g_str_equal (base, "with-dont-know"))
    evk_stats_set_base (stats, EVK_BASE_WITH_DONT_KNOW);
  else if (g_str_equal (base, "valid"))
    evk_stats_set_base (stats, EVK_BASE_VALID);
  else if (g_str_equal (base, "all"))
    evk_stats_set_base (stats, EVK_BASE_ALL);
  else
    return spec_fail (error, _("base=%s: expected valid, with-dont-know or all"), base);

  if (weight != NULL)
    {
      if (g_str_equal (weight, "variable"))
        {
          if (spec->survey->weight_variable == NULL)
            return spec_fail (error, _("weight=variable: survey “%s” has no weight variable"),
                              spec->survey->name);
          if (!evk_stats_set_weighting (stats, EVK_WEIGHT_VARIABLE, spec->survey->weight_variable, error))
            return FALSE;
        }
      else if (g_str_has_prefix (weight, "population:"))
        {
          if (!evk_stats_set_weighting (stats, EVK_WEIGHT_POPULATION, weight + strlen ("population:"), error))
            return FALSE;
        }
      else
        return spec_fail (error, _("weight=%s: expected variable or population:VAR"), weight);
    }

  if (small != NULL)
    {
      guint64 threshold;

      if (!g_ascii_string_to_unsigned (small, 10, 0, 100000, &threshold, NULL))
        return spec_fail (error, _("small=%s: expected a whole number"), small);
      /* A table may flag more than the project asks, never less. */
      if (threshold < evk_stats_get_small_cell (stats))
        return spec_fail (error, _("small=%s: below the project’s threshold of %u"),
                          small, evk_stats_get_small_cell (stats));
      evk_stats_set_small_cell (stats, threshold);
    }
  return TRUE;
}

static gboolean
need_args (Spec        *spec,
           const char  *kind,
           guint        n,
           GError     **error)
{
  if (spec->args->len < n)
    return spec_fail (error, _("“%s” needs %u argument(s)"), kind, n);
  return TRUE;
}

static EvkTable *
compute (Spec        *spec,
         const char  *kind,
         EvkStats    *stats,
         GError     **error)
{
  const char *counted_text = g_hash_table_lookup (spec->options, "counted");
  double counted = 1;

  /* "counted=yes" used to count the value 0, and "counted=nan" nothing. */
  if (counted_text != NULL)
    {
      char *end = NULL;

      counted = g_ascii_strtod (counted_text, &end);
      if (end == counted_text || *end != '\0' || !isfinite (counted))
        return spec_fail (error, _("counted=%s: expected a number"), counted_text), NULL;
    }

  if (g_str_equal (kind, "frequency"))
    {
      if (!need_args (spec, kind, 1, error))
        return NULL;
      return evk_stats_frequency (stats, g_ptr_array_index (spec->args, 0), error);
    }

  if (g_str_equal (kind, "awareness") || g_str_equal (kind, "outcome"))
    {
      EvkOffer *offer;

      if (!need_args (spec, kind, 1, error) ||
          (offer = find_offer (spec, g_ptr_array_index (spec->args, 0), error)) == NULL)
        return NULL;

      return evk_table_for_offer (stats, offer, g_str_equal (kind, "outcome"), counted, error);
    }

  if (g_str_equal (kind, "awareness-all"))
    {
      const char *only = g_hash_table_lookup (spec->options, "offers");
      g_auto(GStrv) wanted = only != NULL ? g_strsplit (only, ",", -1) : NULL;
      g_autoptr(GStrvBuilder) heard = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) used = g_strv_builder_new ();
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_auto(GStrv) heard_names = NULL, used_names = NULL;

      for (guint i = 0; i < spec->strategy->offers->len; i++)
        {
          EvkOffer *offer = g_ptr_array_index (spec->strategy->offers, i);
          const char *h = evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF);
          const char *u = evk_offer_get_variable (offer, EVK_ROLE_USED);

          if (h == NULL || u == NULL ||
              (wanted != NULL && !g_strv_contains ((const char * const *) wanted, offer->key)))
            continue;
          g_strv_builder_add (heard, h);
          g_strv_builder_add (used, u);
          g_ptr_array_add (labels, offer->label);
        }
      heard_names = g_strv_builder_end (heard);
      used_names = g_strv_builder_end (used);
      if (heard_names[0] == NULL)
        return spec_fail (error, _("the strategy links no offer to heard-of and used items")), NULL;
      return evk_stats_awareness_ranked (stats, (const char * const *) heard_names,
                                         (const char * const *) used_names, labels, counted, error);
    }

  if (g_str_equal (kind, "items") || g_str_equal (kind, "multiple") || g_str_equal (kind, "count"))
    {
      g_auto(GStrv) variables = variables_from_args (spec, 0, error);

      if (variables == NULL)
        return NULL;
      if (g_str_equal (kind, "items"))
        return evk_stats_items (stats, (const char * const *) variables, error);
      if (g_str_equal (kind, "multiple"))
        {
          /* A declared set says how it is counted: a category set by the
           * categories its variables hold, a dichotomy set by its counted
           * value (unless counted= says otherwise); and its label is the
           * table's title. */
          EvkMrSet *set = spec->args->len == 1 ? evk_survey_get_mrset (spec->survey, g_ptr_array_index (spec->args, 0))
                                               : NULL;
          EvkTable *table;

          if (set != NULL && set->type == EVK_MRSET_CATEGORY)
            table = evk_stats_category_set (stats, (const char * const *) variables, error);
          else
            {
              if (set != NULL && set->counted_value != NULL && counted_text == NULL)
                counted = g_ascii_strtod (set->counted_value, NULL);
              table = evk_stats_multiple_response (stats, (const char * const *) variables, counted, error);
            }
          if (table != NULL && set != NULL && g_hash_table_size (set->label) > 0)
            {
              g_hash_table_remove_all (table->title);
              copy_into (table->title, set->label);
            }
          return table;
        }
      return evk_stats_count_items (stats, (const char * const *) variables, counted, error);
    }

  if (g_str_equal (kind, "crosstab"))
    {
      const char *groups_text = g_hash_table_lookup (spec->options, "groups");
      g_auto(GStrv) keys = NULL;
      g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_rows_free);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

      if (!need_args (spec, kind, 1, error))
        return NULL;
      /* "groups=" splits into no keys, and a crosstab of no groups is no
       * table (and no error either, so it must be refused here). */
      if (groups_text == NULL || *g_strstrip ((char *) groups_text) == '\0')
        return spec_fail (error, _("crosstab needs groups=G,G…")), NULL;
      keys = g_strsplit (groups_text, ",", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          const EvkRows *rows = rows_for_group (spec, g_strstrip (keys[i]), error);
          GHashTable *name;

          if (rows == NULL)
            return NULL;
          if (!evk_stats_check_rows (stats, rows, error))
            {
              g_prefix_error (error, "groups=%s: ", keys[i]);
              return NULL;
            }
          name = evk_localized_new ();
          copy_into (name, g_str_equal (keys[i], "all")
                              ? NULL : find_group (spec, keys[i], NULL)->name);
          if (g_str_equal (keys[i], "all"))
            {
              g_autoptr(GHashTable) word = evk_word_localized ("Stats", "AllRespondents");
              copy_into (name, word);
            }
          g_ptr_array_add (groups, evk_rows_copy (rows));
          g_ptr_array_add (names, name);
        }
      return evk_stats_crosstab (stats, g_ptr_array_index (spec->args, 0), groups, names, error);
    }

  if (g_str_equal (kind, "representativity"))
    {
      if (!need_args (spec, kind, 1, error))
        return NULL;
      return evk_stats_representativity (stats, g_ptr_array_index (spec->args, 0), error);
    }

  spec_fail (error, _("unknown table kind “%s”"), kind);
  return NULL;
}

static void
source_survey_free (SourceSurvey *entry)
{
  g_clear_pointer (&entry->group_rows, g_hash_table_unref);
  g_clear_pointer (&entry->stats, evk_stats_free);
  g_clear_pointer (&entry->survey, evk_survey_free);
  g_free (entry);
}

EvkTableSource *
evk_table_source_new (EvkProject *project)
{
  EvkTableSource *self = g_new0 (EvkTableSource, 1);

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  self->project = g_object_ref (project);
  self->review_copy = -1;
  self->surveys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) source_survey_free);
  return self;
}

void
evk_table_source_free (EvkTableSource *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->surveys, g_hash_table_unref);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->strategy, evk_strategy_free);
  g_clear_object (&self->project);
  g_free (self);
}

void
evk_table_source_forget (EvkTableSource *self,
                         const char     *what)
{
  g_return_if_fail (self != NULL);

  if (what == NULL || g_str_equal (what, "survey"))
    {
      g_hash_table_remove_all (self->surveys);
      g_clear_pointer (&self->names, g_strfreev);
    }
  if (what == NULL || g_str_equal (what, "strategy"))
    {
      GHashTableIter iter;
      SourceSurvey *entry;

      /* Groups are the strategy's: their respondents may have changed. */
      g_hash_table_iter_init (&iter, self->surveys);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
        g_hash_table_remove_all (entry->group_rows);
      g_clear_pointer (&self->strategy, evk_strategy_free);
    }
}

EvkStrategy *
evk_table_source_get_strategy (EvkTableSource  *self,
                               GError         **error)
{
  if (self->strategy == NULL)
    self->strategy = evk_project_load_strategy (self->project, error);
  return self->strategy;
}

static SourceSurvey *
source_survey (EvkTableSource  *self,
               const char      *name,
               GError         **error)
{
  SourceSurvey *entry;

  if (self->names == NULL &&
      (self->names = evk_survey_list (evk_project_get_store (self->project), error)) == NULL)
    return NULL;
  if (name == NULL)
    name = self->names[0];
  if (name == NULL)
    return spec_fail (error, _("the project has no survey yet")), NULL;
  entry = g_hash_table_lookup (self->surveys, name);
  if (entry != NULL)
    return entry;

  entry = g_new0 (SourceSurvey, 1);
  entry->survey = evk_survey_load (evk_project_get_store (self->project), name, FALSE, error);
  if (entry->survey == NULL)
    {
      g_free (entry);
      return NULL;
    }
  entry->stats = evk_stats_new (entry->survey);
  entry->group_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) evk_rows_free);
  g_hash_table_insert (self->surveys, g_strdup (name), entry);
  return entry;
}

EvkSurvey *
evk_table_source_get_survey (EvkTableSource  *self,
                             const char      *name,
                             GError         **error)
{
  SourceSurvey *entry;

  if (self->names == NULL &&
      (self->names = evk_survey_list (evk_project_get_store (self->project), error)) == NULL)
    return NULL;
  if (name == NULL && self->names[0] == NULL)
    return NULL;
  entry = source_survey (self, name, error);
  return entry != NULL ? entry->survey : NULL;
}

const EvkRows *
evk_table_source_get_rows (EvkTableSource  *self,
                           const char      *group,
                           GError         **error)
{
  SourceSurvey *entry = source_survey (self, NULL, error);
  Spec spec = { self->project, NULL, NULL, NULL, NULL, NULL };

  if (entry == NULL || (spec.strategy = evk_table_source_get_strategy (self, error)) == NULL)
    return NULL;
  spec.survey = entry->survey;
  spec.group_rows = entry->group_rows;
  return rows_for_group (&spec, group != NULL ? group : "all", error);
}

static void
copy_words (GHashTable *into,
            const char *key)
{
  g_autoptr(GHashTable) word = evk_word_localized ("Stats", key);

  copy_into (into, word);
}

/* One row: the respondents, the net population and the invited, each a
 * count of its own (n is the count: these are people, not answers), the
 * first with the response rate as its share. An unknown frame prints as
 * nothing, not as 0. */
static EvkTable *
response_rate (EvkSurvey *survey)
{
  EvkTable *table = evk_table_new ("response-rate", 1, 3);
  static const char * const keys[] = { "respondents", "net-population", "invited" };
  static const char * const words[] = { "Respondents", "NetPopulation", "Invited" };
  gint64 counts[] = { survey->n_rows, survey->net_population, survey->invited };

  copy_words (table->title, "ResponseRate");
  for (guint c = 0; c < 3; c++)
    {
      EvkCell *cell = evk_table_cell (table, 0, c);

      evk_table_column (table, c)->key = g_strdup (keys[c]);
      copy_words (evk_table_column (table, c)->label, words[c]);
      cell->n = counts[c] > 0 ? (guint) MIN (counts[c], G_MAXUINT) : 0;
      cell->count = counts[c] >= 0 ? (double) counts[c] : NAN;
      cell->share = NAN;
    }
  evk_table_row (table, 0)->key = g_strdup (survey->name);
  copy_into (evk_table_row (table, 0)->label, survey->label);
  evk_table_cell (table, 0, 0)->share = evk_stats_response_rate (survey);
  table->n_base = survey->net_population > 0 ? survey->net_population : 0;
  return table;
}

/* A word as the grammar reads it back: quoted only when it has to be. */
static void
append_word (GString    *out,
             const char *word)
{
  gboolean plain = *word != '\0';

  for (const char *p = word; *p != '\0' && plain; p++)
    plain = g_ascii_isalnum (*p) || strchr ("_.,:+/@=-", *p) != NULL;
  if (plain)
    g_string_append (out, word);
  else
    {
      g_autofree char *quoted = g_shell_quote (word);
      g_string_append (out, quoted);
    }
}

/* The words of a parsed table in their one spelling. */
static char *
spell (const char *kind,
       GPtrArray  *args,
       GHashTable *options)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GList) keys = NULL;

  out = g_string_new (NULL);
  append_word (out, kind);
  for (guint i = 0; i < args->len; i++)
    {
      g_string_append_c (out, ' ');
      append_word (out, g_ptr_array_index (args, i));
    }
  keys = g_list_sort (g_hash_table_get_keys (options), (GCompareFunc) strcmp);
  for (GList *k = keys; k != NULL; k = k->next)
    {
      const char *value = g_hash_table_lookup (options, k->data);
      g_autofree char *word = NULL;

      /* What the defaults are anyway. */
      if ((g_str_equal (k->data, "group") && g_str_equal (value, "all")) ||
          (g_str_equal (k->data, "base") && g_str_equal (value, "with-dont-know")))
        continue;
      word = g_strdup_printf ("%s=%s", (const char *) k->data, value);
      g_string_append_c (out, ' ');
      append_word (out, word);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
evk_table_spec_canonical (const char  *text,
                          GError     **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *kind = NULL;
  Spec spec = { NULL, NULL, NULL, args, options, NULL };

  g_return_val_if_fail (text != NULL, NULL);

  if (!parse_words (text, &spec, &kind, error) || !check_options (&spec, error))
    return NULL;
  return spell (kind, args, options);
}

char *
evk_table_spec_get_option (const char *text,
                           const char *key)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *kind = NULL;
  Spec spec = { NULL, NULL, NULL, args, options, NULL };

  g_return_val_if_fail (text != NULL && key != NULL, NULL);

  if (!parse_words (text, &spec, &kind, NULL))
    return NULL;
  return g_strdup (g_hash_table_lookup (options, key));
}

char *
evk_table_spec_set_option (const char  *text,
                           const char  *key,
                           const char  *value,
                           GError     **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *kind = NULL;
  Spec spec = { NULL, NULL, NULL, args, options, NULL };

  g_return_val_if_fail (text != NULL && key != NULL, NULL);

  if (!parse_words (text, &spec, &kind, error))
    return NULL;
  if (value != NULL)
    g_hash_table_insert (options, g_strdup (key), g_strdup (value));
  else
    g_hash_table_remove (options, key);
  if (!check_options (&spec, error))
    return NULL;
  return spell (kind, args, options);
}

/* A review copy holds no answers: its tables are the ones stored when it
 * was made, one per language, read back into one table. */
static EvkTable *
review_copy_table (EvkTableSource  *self,
                   const char      *text,
                   GError         **error)
{
  EvkStore *store = evk_project_get_store (self->project);
  g_autofree char *canonical = evk_table_spec_canonical (text, error);
  g_auto(GStrv) langs = NULL;
  g_autoptr(EvkTable) table = NULL;

  if (canonical == NULL || (langs = evk_store_get_languages (store, error)) == NULL)
    return NULL;
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *json = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(EvkTable) other = NULL;

      json = evk_store_get_review_table (store, canonical, langs[i], &local_error);
      if (json == NULL && local_error == NULL)
        continue;
      if (json != NULL)
        other = evk_table_from_review_json (json, langs[i], &local_error);
      if (other == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: %s: ",
                                      evk_store_get_path (store), canonical);
          return NULL;
        }
      if (table == NULL)
        table = g_steal_pointer (&other);
      else if (!evk_table_add_review_texts (table, other, langs[i]))
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                       _("%s: %s: a stored table is damaged (its languages differ)"),
                       evk_store_get_path (store), canonical);
          return NULL;
        }
    }
  if (table == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                   _("this review copy has no table for “%s”: the survey’s answers stay with the evaluator"),
                   canonical);
      return NULL;
    }
  return g_steal_pointer (&table);
}

gboolean
evk_table_source_has_table (EvkTableSource *self,
                            const char     *text)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if ((canonical = evk_table_spec_canonical (text, NULL)) == NULL)
    return FALSE;
  if (self->review_copy < 0)
    self->review_copy = evk_store_is_review_copy (evk_project_get_store (self->project), NULL);
  return !self->review_copy || evk_store_has_review_table (evk_project_get_store (self->project), canonical);
}

/* The one way a table is computed from its words, for the command line,
 * the report, live figures and the window alike. */
EvkTable *
evk_table_source_compute (EvkTableSource  *self,
                          const char      *text,
                          GError         **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *kind = NULL;
  Spec spec = { self->project, NULL, NULL, args, options, NULL };
  SourceSurvey *entry;
  EvkDisclosureMode mode;
  EvkTable *table;
  guint threshold;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (self->review_copy < 0)
    self->review_copy = evk_store_is_review_copy (evk_project_get_store (self->project), NULL);
  if (self->review_copy)
    return review_copy_table (self, text, error);
  if (!parse_words (text, &spec, &kind, error) || !check_options (&spec, error))
    return NULL;
  if ((spec.strategy = evk_table_source_get_strategy (self, error)) == NULL ||
      (entry = source_survey (self, g_hash_table_lookup (options, "survey"), error)) == NULL)
    return NULL;
  spec.survey = entry->survey;
  spec.group_rows = entry->group_rows;

  if (!evk_project_get_small_cell (self->project, &threshold, error) ||
      !evk_project_get_disclosure (self->project, &mode, error))
    return NULL;
  if (g_str_equal (kind, "response-rate"))
    {
      table = response_rate (entry->survey);
      table->small_cell = threshold;
    }
  else
    {
      /* The context is shared between tables: each starts from the defaults. */
      evk_stats_set_group (entry->stats, NULL, NULL);
      evk_stats_set_base (entry->stats, EVK_BASE_WITH_DONT_KNOW);
      evk_stats_set_weighting (entry->stats, EVK_WEIGHT_NONE, NULL, NULL);
      evk_stats_set_small_cell (entry->stats, threshold);
      if (!configure_stats (&spec, entry->stats, error) ||
          (table = compute (&spec, kind, entry->stats, error)) == NULL)
        return NULL;
    }
  /* Here, so that the window, the command line, exports, the report, live
   * figures and review copies all get the same table. */
  evk_table_apply_disclosure (table, mode);
  return table;
}

EvkTable *
evk_table_compute (EvkProject  *project,
                   const char  *text,
                   GError     **error)
{
  g_autoptr(EvkTableSource) source = evk_table_source_new (project);

  return evk_table_source_compute (source, text, error);
}
