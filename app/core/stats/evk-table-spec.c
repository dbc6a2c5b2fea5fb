/* evk-table-spec.c: a table described in words, computed from a project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-stats.h"
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
} Spec;

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
  Spec spec = { NULL, NULL, NULL, args, options };
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

static EvkRows *
rows_for_group (Spec        *spec,
                const char  *key,
                GError     **error)
{
  EvkGroup *group;

  if (g_str_equal (key, "all"))
    return evk_rows_new_all (spec->survey->n_rows);
  group = find_group (spec, key, error);
  return group != NULL ? evk_rows_new_from_text (spec->survey, group->filter, error) : NULL;
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
  g_autoptr(EvkRows) rows = NULL;
  GHashTable *name = NULL;

  if (group_key != NULL)
    {
      EvkGroup *group = g_str_equal (group_key, "all") ? NULL : find_group (spec, group_key, error);

      if (group == NULL && !g_str_equal (group_key, "all"))
        return FALSE;
      rows = rows_for_group (spec, group_key, error);
      if (rows == NULL)
        return FALSE;
      name = group != NULL ? group->name : NULL;
    }
  if (filter != NULL)
    {
      g_autoptr(EvkRows) filtered = evk_rows_new_from_text (spec->survey, filter, error);

      if (filtered == NULL)
        return FALSE;
      if (rows == NULL)
        rows = g_steal_pointer (&filtered);
      else
        evk_rows_intersect (rows, filtered);
    }
  if (rows != NULL)
    evk_stats_set_group (stats, rows, name);

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
        return evk_stats_multiple_response (stats, (const char * const *) variables, counted, error);
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
          EvkRows *rows = rows_for_group (spec, g_strstrip (keys[i]), error);
          GHashTable *name = evk_localized_new ();

          if (rows == NULL)
            {
              g_hash_table_unref (name);
              return NULL;
            }
          copy_into (name, g_str_equal (keys[i], "all")
                              ? NULL : find_group (spec, keys[i], NULL)->name);
          if (g_str_equal (keys[i], "all"))
            {
              g_autoptr(GHashTable) word = evk_word_localized ("Stats", "AllRespondents");
              copy_into (name, word);
            }
          g_ptr_array_add (groups, rows);
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

EvkTable *
evk_table_compute (EvkProject  *project,
                   const char  *text,
                   GError     **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkStats) stats = NULL;
  g_autofree char *kind = NULL;
  g_auto(GStrv) surveys = NULL;
  const char *survey_name;
  Spec spec = { project, NULL, NULL, args, options };
  EvkStore *store = evk_project_get_store (project);

  if (!parse_words (text, &spec, &kind, error) || !check_options (&spec, error))
    return NULL;

  strategy = evk_project_load_strategy (project, error);
  if (strategy == NULL)
    return NULL;
  spec.strategy = strategy;

  surveys = evk_survey_list (store, error);
  if (surveys == NULL)
    return NULL;
  survey_name = g_hash_table_lookup (options, "survey");
  if (survey_name == NULL)
    survey_name = surveys[0];
  if (survey_name == NULL)
    return spec_fail (error, _("the project has no survey yet")), NULL;

  survey = evk_survey_load (store, survey_name, TRUE, error);
  if (survey == NULL)
    return NULL;
  spec.survey = survey;

  if (g_str_equal (kind, "response-rate"))
    {
      EvkTable *table = evk_table_new ("response-rate", 1, 3);
      static const char * const keys[] = { "respondents", "net-population", "invited" };

      for (guint c = 0; c < 3; c++)
        evk_table_column (table, c)->key = g_strdup (keys[c]);
      evk_table_row (table, 0)->key = g_strdup (survey->name);
      evk_table_cell (table, 0, 0)->n = survey->n_rows;
      evk_table_cell (table, 0, 0)->count = survey->n_rows;
      evk_table_cell (table, 0, 0)->share = evk_stats_response_rate (survey);
      evk_table_cell (table, 0, 1)->count = survey->net_population;
      evk_table_cell (table, 0, 2)->count = survey->invited;
      table->n_base = survey->net_population > 0 ? survey->net_population : 0;
      return table;
    }

  stats = evk_stats_new (survey);
  if (!configure_stats (&spec, stats, error))
    return NULL;
  return compute (&spec, kind, stats, error);
}
