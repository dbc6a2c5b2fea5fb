/* evk-strategy-keyfile.c: the strategy definition file (a GLib key file)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-strategy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-filter.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-strategy-keyfile.h"

#define FORMAT_VERSION 1

static const struct {
  const char *key;
  const char *role;
} known_roles[] = {
  { "HeardOf", EVK_ROLE_HEARD_OF },
  { "Used", EVK_ROLE_USED },
  { "OutcomeMembers", EVK_ROLE_OUTCOME_MEMBERS },
  { "OutcomeActivities", EVK_ROLE_OUTCOME_ACTIVITIES },
};

/* The key file's group prefix for each vocabulary, and the [Strategy] key
 * listing its entries. */
static const struct {
  const char *group;
  const char *list_key;
} vocab_groups[EVK_N_VOCABS] = {
  [EVK_VOCAB_STATUS] = { "Status", "Statuses" },
  [EVK_VOCAB_TYPE] = { "Type", "Types" },
  [EVK_VOCAB_TARGET] = { "TargetGroup", "TargetGroups" },
  [EVK_VOCAB_SECTION] = { "Section", "Sections" },
};

typedef struct {
  GKeyFile   *key_file;
  GStrv       languages;
  GHashTable *used_keys;   /* "group\x1fkey" of every key read */
} Reader;

static gboolean
fail (GError     **error,
      const char  *group,
      const char  *key,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      const char  *group,
      const char  *key,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "[%s] %s: %s", group, key, message);
  else if (group != NULL)
    g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "[%s]: %s", group, message);
  else
    g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, message);
  return FALSE;
}

static void
mark_used (Reader     *r,
           const char *group,
           const char *key)
{
  g_hash_table_add (r->used_keys, g_strdup_printf ("%s\x1f%s", group, key));
}

static char *
read_string (Reader     *r,
             const char *group,
             const char *key)
{
  char *value;

  if (!g_key_file_has_key (r->key_file, group, key, NULL))
    return NULL;
  mark_used (r, group, key);
  value = g_key_file_get_string (r->key_file, group, key, NULL);
  if (value != NULL)
    g_strstrip (value);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
read_required (Reader      *r,
               const char  *group,
               const char  *key,
               char       **out,
               GError     **error)
{
  *out = read_string (r, group, key);
  if (*out == NULL)
    return fail (error, group, key, _("the key is missing or empty"));
  return TRUE;
}

static GStrv
read_list (Reader     *r,
           const char *group,
           const char *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  if (g_key_file_has_key (r->key_file, group, key, NULL))
    {
      mark_used (r, group, key);
      items = g_key_file_get_string_list (r->key_file, group, key, NULL, NULL);
    }
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] != '\0')
        g_strv_builder_add (builder, items[i]);
    }
  return g_strv_builder_end (builder);
}

/* Key[lang] for each project language; a plain Key counts as the source
 * language, so a one-language file needs no brackets. */
static void
read_localized (Reader     *r,
                const char *group,
                const char *key,
                GHashTable *into)
{
  g_autofree char *plain = read_string (r, group, key);

  if (plain != NULL)
    evk_localized_set (into, r->languages[0], plain);

  for (guint i = 0; r->languages[i] != NULL; i++)
    {
      g_autofree char *full = g_strdup_printf ("%s[%s]", key, r->languages[i]);
      g_autofree char *value = read_string (r, group, full);

      if (value != NULL)
        evk_localized_set (into, r->languages[i], value);
    }
}

/* Every group and key must have been understood: a misspelt key would
 * otherwise vanish silently. */
static gboolean
check_all_used (Reader  *r,
                GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (r->key_file, groups[i], NULL, NULL);

      if (keys == NULL)
        continue;
      for (guint j = 0; keys[j] != NULL; j++)
        {
          g_autofree char *id = g_strdup_printf ("%s\x1f%s", groups[i], keys[j]);

          if (g_hash_table_contains (r->used_keys, id))
            continue;
          if (strchr (keys[j], '[') != NULL)
            return fail (error, groups[i], keys[j],
                         _("unknown key, or a language not listed in [Strategy] Languages"));
          return fail (error, groups[i], keys[j], _("unknown key"));
        }
    }
  return TRUE;
}

static gboolean
split_group (const char  *group,
             const char  *prefix,
             const char **name)
{
  gsize len = strlen (prefix);

  if (strncmp (group, prefix, len) != 0 || group[len] != ' ' || group[len + 1] == '\0')
    return FALSE;
  *name = group + len + 1;
  return TRUE;
}

static gboolean
require_group (Reader      *r,
               const char  *group,
               const char  *list_key,
               GError     **error)
{
  if (!g_key_file_has_group (r->key_file, group))
    return fail (error, "Strategy", list_key, _("lists “%s”, but there is no group [%s]"),
                 strchr (group, ' ') + 1, group);
  return TRUE;
}

/* Colour=#rrggbb and Completed=true|false: optional, so that files written
 * before statuses had them still read. */
static gboolean
read_status_style (Reader       *r,
                   const char   *group,
                   EvkTerm      *term,
                   GError      **error)
{
  g_autofree char *colour = read_string (r, group, "Colour");
  g_autofree char *completed = read_string (r, group, "Completed");

  if (colour != NULL)
    {
      if (!evk_colour_is_valid (colour))
        return fail (error, group, "Colour", _("“%s” is not a colour like #2e7d32"), colour);
      term->colour = g_ascii_strdown (colour, -1);
    }
  if (completed != NULL)
    {
      if (!g_str_equal (completed, "true") && !g_str_equal (completed, "false"))
        return fail (error, group, "Completed", _("“%s” is neither true nor false"), completed);
      term->completed = g_str_equal (completed, "true");
    }
  return TRUE;
}

static gboolean
read_terms (Reader       *r,
            EvkStrategy  *strategy,
            GError      **error)
{
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    {
      g_auto(GStrv) keys = read_list (r, "Strategy", vocab_groups[v].list_key);

      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_autofree char *group = g_strdup_printf ("%s %s", vocab_groups[v].group, keys[i]);
          EvkTerm *term;

          if (!require_group (r, group, vocab_groups[v].list_key, error))
            return FALSE;
          term = evk_strategy_add_term (strategy, v, keys[i]);
          read_localized (r, group, "Name", term->name);
          read_localized (r, group, "Description", term->description);
          if (evk_localized_get (term->name, r->languages[0]) == NULL)
            return fail (error, group, "Name", _("no name in the source language “%s”"),
                         r->languages[0]);
          if (v == EVK_VOCAB_STATUS && !read_status_style (r, group, term, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_bodies_goals (Reader       *r,
                   EvkStrategy  *strategy,
                   GError      **error)
{
  g_auto(GStrv) bodies = read_list (r, "Strategy", "Bodies");
  g_auto(GStrv) goals = read_list (r, "Strategy", "Goals");

  for (guint i = 0; bodies[i] != NULL; i++)
    {
      g_autofree char *group = g_strdup_printf ("Body %s", bodies[i]);
      g_autofree char *kind = NULL;
      EvkBody *body;

      if (!require_group (r, group, "Bodies", error))
        return FALSE;
      body = evk_strategy_add_body (strategy, bodies[i]);
      kind = read_string (r, group, "Kind");
      if (kind != NULL)
        {
          g_free (body->kind);
          body->kind = g_steal_pointer (&kind);
        }
      read_localized (r, group, "Name", body->name);
      read_localized (r, group, "Abbreviation", body->abbreviation);
      if (evk_localized_get (body->name, r->languages[0]) == NULL)
        return fail (error, group, "Name", _("no name in the source language “%s”"),
                     r->languages[0]);
    }

  for (guint i = 0; goals[i] != NULL; i++)
    {
      g_autofree char *group = g_strdup_printf ("Goal %s", goals[i]);
      g_autofree char *kind = NULL;
      EvkGoal *goal;

      if (!require_group (r, group, "Goals", error))
        return FALSE;
      goal = evk_strategy_add_goal (strategy, goals[i]);
      kind = read_string (r, group, "Kind");
      if (kind != NULL)
        {
          g_free (goal->kind);
          goal->kind = g_steal_pointer (&kind);
        }
      read_localized (r, group, "Title", goal->title);
      read_localized (r, group, "Description", goal->description);
    }
  return TRUE;
}

static gboolean
parse_number (const char  *text,
              guint       *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
read_measures (Reader       *r,
               EvkStrategy  *strategy,
               GError      **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *name;
      EvkMeasure *measure;
      guint number;

      if (!split_group (groups[i], "Measure", &name))
        continue;
      if (!parse_number (name, &number))
        return fail (error, groups[i], NULL, _("a measure group is named by its number, like [Measure 12]"));
      if (evk_strategy_find_measure (strategy, number) != NULL)
        return fail (error, groups[i], NULL, _("measure %u is defined twice"), number);

      measure = evk_strategy_add_measure (strategy, number);
      if (!read_required (r, groups[i], "Goal", &measure->goal, error))
        return FALSE;
      read_localized (r, groups[i], "Title", measure->title);
      g_strfreev (measure->types);
      measure->types = read_list (r, groups[i], "Types");
      g_strfreev (measure->targets);
      measure->targets = read_list (r, groups[i], "TargetGroups");
      g_strfreev (measure->responsible);
      measure->responsible = read_list (r, groups[i], "Responsible");
      measure->status = read_string (r, groups[i], "Status");
      read_localized (r, groups[i], "StatusNote", measure->status_note);
    }
  return TRUE;
}

static const char *
role_for_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_roles); i++)
    if (g_str_equal (known_roles[i].key, key))
      return known_roles[i].role;
  return key;
}

static const char *
key_for_role (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_roles); i++)
    if (g_str_equal (known_roles[i].role, role))
      return known_roles[i].key;
  return role;
}

static gboolean
read_offers_groups (Reader       *r,
                    EvkStrategy  *strategy,
                    GError      **error)
{
  g_auto(GStrv) offers = read_list (r, "Strategy", "Offers");
  g_auto(GStrv) groups = read_list (r, "Strategy", "Groups");

  for (guint i = 0; offers[i] != NULL; i++)
    {
      g_autofree char *group = g_strdup_printf ("Offer %s", offers[i]);
      g_auto(GStrv) measures = NULL;
      g_auto(GStrv) keys = NULL;
      EvkOffer *offer;

      if (!require_group (r, group, "Offers", error))
        return FALSE;
      offer = evk_strategy_add_offer (strategy, offers[i]);
      read_localized (r, group, "Label", offer->label);
      measures = read_list (r, group, "Measures");
      for (guint j = 0; measures[j] != NULL; j++)
        {
          guint number;

          if (!parse_number (measures[j], &number))
            return fail (error, group, "Measures", _("“%s” is not a measure number"), measures[j]);
          g_array_append_val (offer->measures, number);
        }

      /* Every other plain key is a role naming a survey variable. */
      keys = g_key_file_get_keys (r->key_file, group, NULL, NULL);
      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *variable = NULL;

          if (strchr (keys[j], '[') != NULL || g_str_equal (keys[j], "Label") ||
              g_str_equal (keys[j], "Measures"))
            continue;
          variable = read_string (r, group, keys[j]);
          if (variable == NULL)
            return fail (error, group, keys[j], _("the role names no survey variable"));
          evk_offer_set_variable (offer, role_for_key (keys[j]), variable);
        }
    }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *group = g_strdup_printf ("Group %s", groups[i]);
      EvkGroup *respondent_group;

      if (!require_group (r, group, "Groups", error))
        return FALSE;
      respondent_group = evk_strategy_add_group (strategy, groups[i]);
      read_localized (r, group, "Name", respondent_group->name);
      if (!read_required (r, group, "Filter", &respondent_group->filter, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
find_keyed (GPtrArray  *array,
            gsize       key_offset,
            const char *key)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (G_STRUCT_MEMBER (const char *, g_ptr_array_index (array, i), key_offset), key))
      return TRUE;
  return FALSE;
}

/* Groups that no [Strategy] list names are mistakes, not extras. */
static gboolean
check_listed_groups (Reader       *r,
                     EvkStrategy  *strategy,
                     GError      **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (r->key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *name;
      gboolean listed = TRUE;

      if (g_str_equal (groups[i], "Strategy") || split_group (groups[i], "Measure", &name))
        continue;
      if (split_group (groups[i], "Body", &name))
        listed = evk_strategy_find_body (strategy, name) != NULL;
      else if (split_group (groups[i], "Goal", &name))
        listed = evk_strategy_find_goal (strategy, name) != NULL;
      else if (split_group (groups[i], "Offer", &name))
        listed = find_keyed (strategy->offers, G_STRUCT_OFFSET (EvkOffer, key), name);
      else if (split_group (groups[i], "Group", &name))
        listed = find_keyed (strategy->groups, G_STRUCT_OFFSET (EvkGroup, key), name);
      else
        {
          gboolean known = FALSE;

          for (guint v = 0; v < EVK_N_VOCABS && !known; v++)
            if (split_group (groups[i], vocab_groups[v].group, &name))
              {
                known = TRUE;
                listed = evk_strategy_find_term (strategy, v, name) != NULL;
              }
          if (!known)
            return fail (error, groups[i], NULL, _("unknown group"));
        }
      if (!listed)
        return fail (error, groups[i], NULL, _("the group is not listed in [Strategy]"));
    }
  return TRUE;
}

EvkStrategy *
evk_strategy_from_key_file (GKeyFile  *key_file,
                            GError   **error)
{
  g_autoptr(EvkStrategy) strategy = evk_strategy_new ();
  g_autoptr(GHashTable) used_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader r = { key_file, NULL, used_keys };
  g_autofree char *version = NULL;
  guint version_number;

  if (!g_key_file_has_group (key_file, "Strategy"))
    return fail (error, NULL, NULL, _("this is not a strategy file: it has no [Strategy] group")), NULL;

  version = read_string (&r, "Strategy", "Version");
  if (version == NULL || !parse_number (version, &version_number))
    return fail (error, "Strategy", "Version", _("the format version is missing")), NULL;
  if (version_number > FORMAT_VERSION)
    return fail (error, "Strategy", "Version",
                 _("the file uses format %u; this version of Evalkit reads up to %d"),
                 version_number, FORMAT_VERSION), NULL;

  g_strfreev (strategy->languages);
  strategy->languages = read_list (&r, "Strategy", "Languages");
  if (strategy->languages[0] == NULL)
    return fail (error, "Strategy", "Languages", _("no language is listed")), NULL;
  r.languages = strategy->languages;

  read_localized (&r, "Strategy", "Title", strategy->title);
  read_localized (&r, "Strategy", "ShortTitle", strategy->short_title);
  read_localized (&r, "Strategy", "Owner", strategy->owner);
  strategy->period = read_string (&r, "Strategy", "Period");

  if (!read_terms (&r, strategy, error) ||
      !read_bodies_goals (&r, strategy, error) ||
      !read_measures (&r, strategy, error) ||
      !read_offers_groups (&r, strategy, error) ||
      !check_listed_groups (&r, strategy, error) ||
      !check_all_used (&r, error) ||
      !evk_strategy_validate (strategy, error))
    return NULL;

  return g_steal_pointer (&strategy);
}

EvkStrategy *
evk_strategy_read_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  EvkStrategy *strategy;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "%s: %s", path, local_error->message);
      return NULL;
    }

  strategy = evk_strategy_from_key_file (key_file, &local_error);
  if (strategy == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  return strategy;
}

/* ---- Writing ------------------------------------------------------- */

static void
write_localized (GKeyFile    *key_file,
                 EvkStrategy *strategy,
                 const char  *group,
                 const char  *key,
                 GHashTable  *localized)
{
  for (guint i = 0; strategy->languages[i] != NULL; i++)
    {
      const char *value = evk_localized_get (localized, strategy->languages[i]);

      if (value != NULL)
        g_key_file_set_locale_string (key_file, group, key, strategy->languages[i], value);
    }
}

static void
write_list (GKeyFile   *key_file,
            const char *group,
            const char *key,
            GPtrArray  *array,
            gsize       key_offset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < array->len; i++)
    g_strv_builder_add (builder, G_STRUCT_MEMBER (const char *, g_ptr_array_index (array, i), key_offset));
  list = g_strv_builder_end (builder);
  g_key_file_set_string_list (key_file, group, key, (const char * const *) list,
                              g_strv_length (list));
}

static void
write_strv (GKeyFile   *key_file,
            const char *group,
            const char *key,
            GStrv       list)
{
  g_key_file_set_string_list (key_file, group, key, (const char * const *) list,
                              g_strv_length (list));
}

static void
write_bodies (GKeyFile    *key_file,
              EvkStrategy *strategy)
{
  for (guint i = 0; i < strategy->bodies->len; i++)
    {
      EvkBody *body = g_ptr_array_index (strategy->bodies, i);
      g_autofree char *group = g_strdup_printf ("Body %s", body->key);

      g_key_file_set_string (key_file, group, "Kind", body->kind);
      write_localized (key_file, strategy, group, "Name", body->name);
      write_localized (key_file, strategy, group, "Abbreviation", body->abbreviation);
    }
}

GKeyFile *
evk_strategy_to_key_file (EvkStrategy *strategy)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_integer (key_file, "Strategy", "Version", FORMAT_VERSION);
  write_strv (key_file, "Strategy", "Languages", strategy->languages);
  write_localized (key_file, strategy, "Strategy", "Title", strategy->title);
  write_localized (key_file, strategy, "Strategy", "ShortTitle", strategy->short_title);
  if (strategy->period != NULL)
    g_key_file_set_string (key_file, "Strategy", "Period", strategy->period);
  write_localized (key_file, strategy, "Strategy", "Owner", strategy->owner);
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    {
      /* The order evaluators read: sections after the bodies. */
      if (v == EVK_VOCAB_SECTION)
        write_list (key_file, "Strategy", "Bodies", strategy->bodies, G_STRUCT_OFFSET (EvkBody, key));
      write_list (key_file, "Strategy", vocab_groups[v].list_key, strategy->vocabs[v],
                  G_STRUCT_OFFSET (EvkTerm, key));
    }
  write_list (key_file, "Strategy", "Goals", strategy->goals, G_STRUCT_OFFSET (EvkGoal, key));
  write_list (key_file, "Strategy", "Offers", strategy->offers, G_STRUCT_OFFSET (EvkOffer, key));
  write_list (key_file, "Strategy", "Groups", strategy->groups, G_STRUCT_OFFSET (EvkGroup, key));

  for (guint v = 0; v < EVK_N_VOCABS; v++)
    {
      if (v == EVK_VOCAB_SECTION)
        write_bodies (key_file, strategy);
      for (guint i = 0; i < strategy->vocabs[v]->len; i++)
        {
          EvkTerm *term = g_ptr_array_index (strategy->vocabs[v], i);
          g_autofree char *group = g_strdup_printf ("%s %s", vocab_groups[v].group, term->key);

          write_localized (key_file, strategy, group, "Name", term->name);
          write_localized (key_file, strategy, group, "Description", term->description);
          if (term->colour != NULL)
            g_key_file_set_string (key_file, group, "Colour", term->colour);
          if (term->completed)
            g_key_file_set_boolean (key_file, group, "Completed", TRUE);
        }
    }

  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, i);
      g_autofree char *group = g_strdup_printf ("Goal %s", goal->key);

      g_key_file_set_string (key_file, group, "Kind", goal->kind);
      write_localized (key_file, strategy, group, "Title", goal->title);
      write_localized (key_file, strategy, group, "Description", goal->description);
    }

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      g_autofree char *group = g_strdup_printf ("Measure %u", measure->number);

      g_key_file_set_string (key_file, group, "Goal", measure->goal);
      write_localized (key_file, strategy, group, "Title", measure->title);
      write_strv (key_file, group, "Types", measure->types);
      write_strv (key_file, group, "TargetGroups", measure->targets);
      write_strv (key_file, group, "Responsible", measure->responsible);
      if (measure->status != NULL)
        g_key_file_set_string (key_file, group, "Status", measure->status);
      write_localized (key_file, strategy, group, "StatusNote", measure->status_note);
    }

  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);
      g_autofree char *group = g_strdup_printf ("Offer %s", offer->key);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) numbers = NULL;

      write_localized (key_file, strategy, group, "Label", offer->label);
      for (guint j = 0; j < offer->measures->len; j++)
        {
          g_autofree char *number = g_strdup_printf ("%u", g_array_index (offer->measures, guint, j));
          g_strv_builder_add (builder, number);
        }
      numbers = g_strv_builder_end (builder);
      write_strv (key_file, group, "Measures", numbers);
      for (guint j = 0; j < offer->items->len; j++)
        {
          EvkOfferItem *item = g_ptr_array_index (offer->items, j);
          g_key_file_set_string (key_file, group, key_for_role (item->role), item->variable);
        }
    }

  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *respondent_group = g_ptr_array_index (strategy->groups, i);
      g_autofree char *group = g_strdup_printf ("Group %s", respondent_group->key);

      write_localized (key_file, strategy, group, "Name", respondent_group->name);
      g_key_file_set_string (key_file, group, "Filter", respondent_group->filter);
    }

  return g_steal_pointer (&key_file);
}

gboolean
evk_strategy_write_file (EvkStrategy  *strategy,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(GKeyFile) key_file = evk_strategy_to_key_file (strategy);
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_save_to_file (key_file, path, &local_error))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "%s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
