/* evk-survey-meta.c: survey metadata that the data file does not carry
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The survey frame (invited, net population), the register's population
 * shares per category, and multiple-response sets (which ReadStat 1.1.8
 * neither reads nor writes) live in a small key file beside the data.
 */
#define G_LOG_DOMAIN "evk-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-survey.h"

static gboolean
meta_fail (GError     **error,
           const char  *path,
           const char  *group,
           const char  *key,
           const char  *message)
{
  if (key != NULL)
    g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "%s: [%s] %s: %s", path, group, key, message);
  else
    g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "%s: [%s]: %s", path, group, message);
  return FALSE;
}

static gboolean
read_count (GKeyFile    *key_file,
            const char  *path,
            const char  *key,
            gint64      *out,
            GError     **error)
{
  g_autofree char *text = g_key_file_get_string (key_file, "Survey", key, NULL);
  gint64 value;

  if (text == NULL || *g_strstrip (text) == '\0')
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &value, NULL))
    return meta_fail (error, path, "Survey", key, _("not a whole number"));
  *out = value;
  return TRUE;
}

static char *
read_variable (EvkSurvey   *survey,
               GKeyFile    *key_file,
               const char  *path,
               const char  *key,
               GError     **error)
{
  g_autofree char *name = g_key_file_get_string (key_file, "Survey", key, NULL);

  if (name == NULL || *g_strstrip (name) == '\0')
    return g_strdup ("");
  if (evk_survey_get_variable (survey, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("the survey has no variable %s"), name);
      meta_fail (error, path, "Survey", key, message);
      return NULL;
    }
  return g_steal_pointer (&name);
}

static void
read_localized (GKeyFile    *key_file,
                const char  *group,
                const char  *key,
                const char  *lang,
                GHashTable  *into)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, group, NULL, NULL);
  gsize len = strlen (key);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_string (key_file, group, keys[i], NULL);

      if (g_str_equal (keys[i], key))
        evk_localized_set (into, lang, value);
      else if (strncmp (keys[i], key, len) == 0 && keys[i][len] == '[' &&
               g_str_has_suffix (keys[i], "]"))
        {
          g_autofree char *l = g_strndup (keys[i] + len + 1, strlen (keys[i]) - len - 2);
          evk_localized_set (into, l, value);
        }
    }
}

static gboolean
apply_population (EvkSurvey   *survey,
                  GKeyFile    *key_file,
                  const char  *path,
                  const char  *group,
                  const char  *variable,
                  GError     **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, group, NULL, NULL);
  g_autofree char *source = g_key_file_get_string (key_file, group, "Source", NULL);
  double total = 0;

  if (evk_survey_get_variable (survey, variable) == NULL)
    return meta_fail (error, path, group, NULL, _("the survey has no such variable"));

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      char *end = NULL;
      double value, share;

      if (g_str_equal (keys[i], "Source"))
        continue;
      value = g_ascii_strtod (keys[i], &end);
      if (end == keys[i] || *end != '\0')
        return meta_fail (error, path, group, keys[i], _("the key must be a value of the variable"));
      text = g_key_file_get_string (key_file, group, keys[i], NULL);
      share = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || share < 0 || share > 100)
        return meta_fail (error, path, group, keys[i], _("a share must be a percentage from 0 to 100"));
      evk_survey_add_population_share (survey, variable, value, share, source);
      total += share;
    }
  /* Printed shares are rounded; more than a point off is a typing error. */
  if (fabs (total - 100) > 1.0)
    {
      g_autofree char *message = g_strdup_printf (_("the shares add up to %.1f, not 100"), total);
      return meta_fail (error, path, group, NULL, message);
    }
  return TRUE;
}

static gboolean
apply_mrset (EvkSurvey   *survey,
             GKeyFile    *key_file,
             const char  *path,
             const char  *group,
             const char  *name,
             const char  *lang,
             GError     **error)
{
  g_autofree char *type = g_key_file_get_string (key_file, group, "Type", NULL);
  g_auto(GStrv) variables = g_key_file_get_string_list (key_file, group, "Variables", NULL, NULL);
  EvkMrSet *set;
  gboolean dichotomy = type == NULL || g_str_equal (type, "dichotomy");

  if (!dichotomy && !g_str_equal (type, "category"))
    return meta_fail (error, path, group, "Type", _("must be dichotomy or category"));
  if (variables == NULL || variables[0] == NULL)
    return meta_fail (error, path, group, "Variables", _("the set names no variables"));
  for (guint i = 0; variables[i] != NULL; i++)
    {
      g_strstrip (variables[i]);
      if (evk_survey_get_variable (survey, variables[i]) == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("the survey has no variable %s"), variables[i]);
          return meta_fail (error, path, group, "Variables", message);
        }
    }

  /* A set declared here wins over one of the same name from the file. */
  for (guint i = 0; i < survey->mrsets->len; i++)
    if (g_str_equal (((EvkMrSet *) g_ptr_array_index (survey->mrsets, i))->name, name))
      g_ptr_array_remove_index (survey->mrsets, i--);

  set = evk_survey_add_mrset (survey, name, dichotomy ? EVK_MRSET_DICHOTOMY : EVK_MRSET_CATEGORY);
  set->counted_value = g_key_file_get_string (key_file, group, "CountedValue", NULL);
  g_strfreev (set->variables);
  set->variables = g_steal_pointer (&variables);
  read_localized (key_file, group, "Label", lang, set->label);
  return TRUE;
}

gboolean
evk_survey_apply_meta (EvkSurvey   *survey,
                       const char  *path,
                       const char  *lang,
                       GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *id_variable = NULL, *weight_variable = NULL;
  gint64 invited = survey->invited, net = survey->net_population;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "%s: %s", path, local_error->message);
      return FALSE;
    }

  if (g_key_file_has_group (key_file, "Survey"))
    {
      if (!read_count (key_file, path, "Invited", &invited, error) ||
          !read_count (key_file, path, "NetPopulation", &net, error) ||
          (id_variable = read_variable (survey, key_file, path, "IdVariable", error)) == NULL ||
          (weight_variable = read_variable (survey, key_file, path, "Weight", error)) == NULL)
        return FALSE;
      if (invited >= 0 && net > invited)
        return meta_fail (error, path, "Survey", "NetPopulation", _("is larger than Invited"));
      if (net >= 0 && survey->n_rows > net)
        return meta_fail (error, path, "Survey", "NetPopulation",
                          _("is smaller than the number of respondents"));
      survey->invited = invited;
      survey->net_population = net;
      if (*id_variable != '\0')
        {
          g_free (survey->id_variable);
          survey->id_variable = g_steal_pointer (&id_variable);
        }
      if (*weight_variable != '\0')
        {
          g_free (survey->weight_variable);
          survey->weight_variable = g_steal_pointer (&weight_variable);
        }
      read_localized (key_file, "Survey", "Name", lang, survey->label);
    }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_has_prefix (groups[i], "Population "))
        {
          if (!apply_population (survey, key_file, path, groups[i], groups[i] + strlen ("Population "), error))
            return FALSE;
        }
      else if (g_str_has_prefix (groups[i], "MultipleResponse "))
        {
          if (!apply_mrset (survey, key_file, path, groups[i], groups[i] + strlen ("MultipleResponse "),
                            lang, error))
            return FALSE;
        }
      else if (!g_str_equal (groups[i], "Survey"))
        return meta_fail (error, path, groups[i], NULL, _("unknown group"));
    }
  return TRUE;
}
