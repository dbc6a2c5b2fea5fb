/* evk-project-mrset.c: multiple-response sets the survey file did not declare
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-project-mrset.h"

/* The project's first survey with its data: a set is saved with the
 * survey it belongs to, in the one transaction that replaces it. */
static EvkSurvey *
load_first (EvkProject  *self,
            GError     **error)
{
  g_auto(GStrv) names = evk_survey_list (evk_project_get_store (self), error);

  if (names == NULL)
    return NULL;
  if (names[0] == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("the project has no survey yet"));
      return NULL;
    }
  return evk_survey_load (evk_project_get_store (self), names[0], TRUE, error);
}

static gboolean
fail (GError    **error,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, EVK_MODEL_ERROR, code, message);
  return FALSE;
}

static gboolean
check_set (EvkSurvey           *survey,
           const char          *name,
           EvkMrSetType         type,
           const char          *counted_value,
           const char * const  *variables,
           GError             **error)
{
  guint n = variables != NULL ? g_strv_length ((char **) variables) : 0;

  if (name == NULL || name[0] == '\0')
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a multiple-response set needs a name"));
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == '=')
      return fail (error, EVK_MODEL_ERROR_INVALID,
                   _("multiple-response set “%s”: a name has no spaces, commas or “=”"), name);
  /* The table grammar reads a word as a set or a variable: one name may
   * not stand for both. */
  if (evk_survey_get_variable (survey, name) != NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID,
                 _("multiple-response set %s: the survey has a variable of that name"), name);
  if (n < 2)
    return fail (error, EVK_MODEL_ERROR_INVALID,
                 _("multiple-response set %s: a set needs two or more variables"), name);
  if (type == EVK_MRSET_DICHOTOMY)
    {
      char *end = NULL;

      if (counted_value == NULL || counted_value[0] == '\0')
        return fail (error, EVK_MODEL_ERROR_INVALID,
                     _("multiple-response set %s: a dichotomy set needs the value it counts"), name);
      g_ascii_strtod (counted_value, &end);
      if (end == counted_value || *end != '\0')
        return fail (error, EVK_MODEL_ERROR_INVALID,
                     _("multiple-response set %s: the counted value “%s” is not a number"), name, counted_value);
    }
  for (guint i = 0; i < n; i++)
    {
      EvkVariable *variable = evk_survey_get_variable (survey, variables[i]);

      if (variable == NULL)
        return fail (error, EVK_MODEL_ERROR_INVALID, _("multiple-response set %s: the survey has no variable %s"),
                     name, variables[i]);
      if (variable->personal || variable->type == EVK_VARIABLE_STRING)
        return fail (error, EVK_MODEL_ERROR_PRIVATE,
                     _("multiple-response set %s: variable %s is personal or free text"), name, variables[i]);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (variables[i], variables[j]))
          return fail (error, EVK_MODEL_ERROR_INVALID, _("multiple-response set %s: variable %s is there twice"),
                       name, variables[i]);
    }
  return TRUE;
}

static gboolean
save (EvkProject  *self,
      EvkSurvey   *survey,
      EvkSurvey  **before,
      EvkSurvey  **old,
      GError     **error)
{
  if (!evk_survey_validate (survey, error) || !evk_project_save_survey (self, survey, error))
    return FALSE;
  if (old != NULL)
    *old = g_steal_pointer (before);
  return TRUE;
}

gboolean
evk_project_define_mrset (EvkProject          *self,
                          const char          *name,
                          EvkMrSetType         type,
                          const char          *counted_value,
                          GHashTable          *label,
                          const char * const  *variables,
                          EvkSurvey          **old,
                          GError             **error)
{
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurvey) before = NULL;
  EvkMrSet *set;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  if (old != NULL)
    *old = NULL;
  if ((survey = load_first (self, error)) == NULL ||
      !check_set (survey, name, type, counted_value, variables, error))
    return FALSE;
  if (old != NULL && (before = load_first (self, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < survey->mrsets->len; i++)
    if (g_str_equal (((EvkMrSet *) g_ptr_array_index (survey->mrsets, i))->name, name))
      {
        g_ptr_array_remove_index (survey->mrsets, i);
        break;
      }
  set = evk_survey_add_mrset (survey, name, type);
  set->counted_value = type == EVK_MRSET_DICHOTOMY ? g_strdup (counted_value) : NULL;
  g_strfreev (set->variables);
  set->variables = g_strdupv ((char **) variables);
  if (label != NULL)
    {
      GHashTableIter iter;
      gpointer lang, text;

      g_hash_table_iter_init (&iter, label);
      while (g_hash_table_iter_next (&iter, &lang, &text))
        if (text != NULL && ((const char *) text)[0] != '\0')
          evk_localized_set (set->label, lang, text);
    }
  return save (self, survey, &before, old, error);
}

gboolean
evk_project_remove_mrset (EvkProject  *self,
                          const char  *name,
                          EvkSurvey  **old,
                          GError     **error)
{
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurvey) before = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  if (old != NULL)
    *old = NULL;
  if ((survey = load_first (self, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < survey->mrsets->len && !found; i++)
    if (g_str_equal (((EvkMrSet *) g_ptr_array_index (survey->mrsets, i))->name, name))
      {
        g_ptr_array_remove_index (survey->mrsets, i);
        found = TRUE;
      }
  if (!found)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("the survey has no multiple-response set %s"), name);
  if (old != NULL && (before = load_first (self, error)) == NULL)
    return FALSE;
  return save (self, survey, &before, old, error);
}

gboolean
evk_project_set_variable_role (EvkProject  *self,
                               const char  *name,
                               const char  *role,
                               GError     **error)
{
  g_autoptr(EvkSurvey) survey = NULL;
  EvkVariable *variable;
  gboolean text;

  g_return_val_if_fail (EVK_IS_PROJECT (self), FALSE);

  if ((survey = load_first (self, error)) == NULL)
    return FALSE;
  if ((variable = evk_survey_get_variable (survey, name)) == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("the survey has no variable %s"), name);
  text = variable->type == EVK_VARIABLE_STRING;
  if (g_strcmp0 (role, "personal") == 0)
    {
      variable->personal = TRUE;
      variable->text_role = EVK_TEXT_ROLE_AUTO;
    }
  else if (text && (g_strcmp0 (role, "categories") == 0 || g_strcmp0 (role, "free-text") == 0 ||
                    g_strcmp0 (role, "auto") == 0))
    {
      variable->personal = FALSE;
      evk_text_role_from_string (g_str_equal (role, "auto") ? NULL : role, &variable->text_role);
    }
  else if (!text && g_strcmp0 (role, "codes") == 0)
    variable->personal = FALSE;
  else
    return fail (error, EVK_MODEL_ERROR_INVALID,
                 text ? _("variable %s holds text: its role is personal, categories, free-text or auto, not “%s”")
                      : _("variable %s holds numbers: its role is personal or codes, not “%s”"),
                 name, role != NULL ? role : "");
  return evk_project_save_survey (self, survey, error);
}
