/* evk-survey-reimport.c: a new version of a survey keeps what the user added
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A data file carries the respondents and the variables; the project holds
 * more about the survey than any file does (the frame, multiple-response
 * sets, population shares from the metadata file, which variables are
 * personal, labels in further languages). When a corrected file replaces
 * the survey, all of that stays unless the new file says otherwise, and
 * what changes is described so the user can decide before anything is
 * written.
 */
#define G_LOG_DOMAIN "evk-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "evk-localized.h"
#include "evk-survey.h"

void
evk_survey_changes_free (EvkSurveyChanges *changes)
{
  if (changes == NULL)
    return;
  g_clear_pointer (&changes->added, g_ptr_array_unref);
  g_clear_pointer (&changes->removed, g_ptr_array_unref);
  g_clear_pointer (&changes->relabelled, g_ptr_array_unref);
  g_clear_pointer (&changes->kept, g_ptr_array_unref);
  g_clear_pointer (&changes->dropped, g_ptr_array_unref);
  g_free (changes);
}

static gboolean
has_variables (EvkSurvey *survey,
               GStrv      names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (evk_survey_get_variable (survey, names[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
labels_differ (EvkVariable *a,
               EvkVariable *b,
               const char  *lang)
{
  if (g_strcmp0 (evk_localized_get (a->label, lang), evk_localized_get (b->label, lang)) != 0 ||
      a->value_labels->len != b->value_labels->len)
    return TRUE;
  for (guint i = 0; i < a->value_labels->len; i++)
    {
      EvkValueLabel *la = g_ptr_array_index (a->value_labels, i);
      EvkValueLabel *lb = g_ptr_array_index (b->value_labels, i);

      if (g_strcmp0 (la->str_value, lb->str_value) != 0 ||
          (la->str_value == NULL && la->value != lb->value) ||
          g_strcmp0 (evk_localized_get (la->label, lang), evk_localized_get (lb->label, lang)) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Translations of a text whose source (in lang) is unchanged: a changed
 * source makes them wrong, and copying them would make them look current.
 * With lang NULL, every language the target lacks. */
static gboolean
carry_translations (GHashTable *to,
                    GHashTable *from,
                    const char *lang)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean carried = FALSE;

  if (lang != NULL &&
      g_strcmp0 (evk_localized_get (to, lang), evk_localized_get (from, lang)) != 0)
    return FALSE;
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (to, key))
      {
        evk_localized_set (to, key, value);
        carried = TRUE;
      }
  return carried;
}

static gboolean
carry_variable (EvkVariable *variable,
                EvkVariable *old,
                const char  *lang)
{
  gboolean carried = carry_translations (variable->label, old->label, lang);

  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->value_labels, i);

      for (guint j = 0; j < old->value_labels->len; j++)
        {
          EvkValueLabel *old_label = g_ptr_array_index (old->value_labels, j);

          if (g_strcmp0 (label->str_value, old_label->str_value) == 0 &&
              (label->str_value != NULL || label->value == old_label->value))
            {
              carried |= carry_translations (label->label, old_label->label, lang);
              break;
            }
        }
    }
  return carried;
}

static void
carry_mrsets (EvkSurvey        *survey,
              EvkSurvey        *old,
              EvkSurveyChanges *changes)
{
  for (guint i = 0; i < old->mrsets->len; i++)
    {
      EvkMrSet *set = g_ptr_array_index (old->mrsets, i);
      EvkMrSet *copy;

      if (evk_survey_get_mrset (survey, set->name) != NULL)
        continue;
      if (!has_variables (survey, set->variables))
        {
          /* Translators: %s is the name of a multiple-response set */
          g_ptr_array_add (changes->dropped, g_strdup_printf (_("multiple-response set %s (its variables are gone)"),
                                                              set->name));
          continue;
        }
      copy = evk_survey_add_mrset (survey, set->name, set->type);
      g_free (copy->counted_value);
      copy->counted_value = g_strdup (set->counted_value);
      g_strfreev (copy->variables);
      copy->variables = g_strdupv (set->variables);
      g_hash_table_remove_all (copy->label);
      carry_translations (copy->label, set->label, NULL);
      /* Translators: %s is the name of a multiple-response set */
      g_ptr_array_add (changes->kept, g_strdup_printf (_("multiple-response set %s"), set->name));
    }
}

static void
carry_population (EvkSurvey        *survey,
                  EvkSurvey        *old,
                  EvkSurveyChanges *changes)
{
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < survey->population->len; i++)
    g_hash_table_add (present, ((EvkPopulationShare *) g_ptr_array_index (survey->population, i))->variable);

  for (guint i = 0; i < old->population->len; i++)
    {
      EvkPopulationShare *share = g_ptr_array_index (old->population, i);
      gboolean first = g_hash_table_add (reported, share->variable);

      if (g_hash_table_contains (present, share->variable))
        continue;
      if (evk_survey_get_variable (survey, share->variable) == NULL)
        {
          if (first)
            /* Translators: %s is a variable name */
            g_ptr_array_add (changes->dropped, g_strdup_printf (_("population shares of %s (the variable is gone)"),
                                                                share->variable));
          continue;
        }
      evk_survey_add_population_share (survey, share->variable, share->value, share->share, share->source);
      if (first)
        /* Translators: %s is a variable name */
        g_ptr_array_add (changes->kept, g_strdup_printf (_("population shares of %s"), share->variable));
    }
}

static void
carry_named_variable (char             **to,
                      const char        *from,
                      EvkSurvey         *survey,
                      const char        *what,
                      EvkSurveyChanges  *changes)
{
  if (*to != NULL || from == NULL)
    return;
  if (evk_survey_get_variable (survey, from) == NULL)
    {
      g_ptr_array_add (changes->dropped, g_strdup_printf ("%s %s", what, from));
      return;
    }
  *to = g_strdup (from);
  g_ptr_array_add (changes->kept, g_strdup_printf ("%s %s", what, from));
}

EvkSurveyChanges *
evk_survey_carry_over (EvkSurvey  *survey,
                       EvkSurvey  *old,
                       const char *lang)
{
  EvkSurveyChanges *changes = g_new0 (EvkSurveyChanges, 1);
  gboolean translations = FALSE;
  guint n_personal = 0, n_roles = 0;

  g_return_val_if_fail (survey != NULL && old != NULL, NULL);

  changes->n_before = old->n_rows;
  changes->n_after = survey->n_rows;
  changes->added = g_ptr_array_new_with_free_func (g_free);
  changes->removed = g_ptr_array_new_with_free_func (g_free);
  changes->relabelled = g_ptr_array_new_with_free_func (g_free);
  changes->kept = g_ptr_array_new_with_free_func (g_free);
  changes->dropped = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);
      EvkVariable *before = evk_survey_get_variable (old, variable->name);

      if (before == NULL)
        {
          g_ptr_array_add (changes->added, g_strdup (variable->name));
          continue;
        }
      if (labels_differ (variable, before, lang))
        g_ptr_array_add (changes->relabelled, g_strdup (variable->name));
      translations |= carry_variable (variable, before, lang);
      /* Privacy is never given up by a new file: a variable once marked
       * personal stays personal. */
      if (before->personal && !variable->personal)
        {
          variable->personal = TRUE;
          n_personal++;
        }
      /* What the evaluator said a text is (categories, free text) holds
       * for the new file too: the rule does not overrule them. */
      else if (!before->personal && before->type == EVK_VARIABLE_STRING &&
               variable->type == EVK_VARIABLE_STRING && before->text_role != EVK_TEXT_ROLE_AUTO)
        {
          variable->personal = FALSE;
          variable->text_role = before->text_role;
          n_roles++;
        }
    }
  for (guint i = 0; i < old->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (old->variables, i);

      if (evk_survey_get_variable (survey, variable->name) == NULL)
        g_ptr_array_add (changes->removed, g_strdup (variable->name));
    }

  if (survey->invited < 0 && survey->net_population < 0 &&
      (old->invited >= 0 || old->net_population >= 0))
    {
      survey->invited = old->invited;
      survey->net_population = old->net_population;
      g_ptr_array_add (changes->kept, g_strdup (_("the survey frame (invited, net population)")));
    }
  carry_named_variable (&survey->id_variable, old->id_variable, survey, _("the id variable"), changes);
  carry_named_variable (&survey->weight_variable, old->weight_variable, survey, _("the weight variable"), changes);
  carry_mrsets (survey, old, changes);
  carry_population (survey, old, changes);
  if (n_personal > 0)
    g_ptr_array_add (changes->kept,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the personal mark of %u variable",
                                                   "the personal marks of %u variables", n_personal),
                                      n_personal));
  if (n_roles > 0)
    g_ptr_array_add (changes->kept,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "what %u text variable is (categories or free text)",
                                                   "what %u text variables are (categories or free text)", n_roles),
                                      n_roles));
  if (translations)
    g_ptr_array_add (changes->kept, g_strdup (_("labels in further languages")));
  if (g_hash_table_size (survey->label) == 0)
    carry_translations (survey->label, old->label, NULL);

  return changes;
}

gboolean
evk_survey_changes_is_empty (const EvkSurveyChanges *changes)
{
  return changes->n_before == changes->n_after && changes->added->len == 0 &&
         changes->removed->len == 0 && changes->relabelled->len == 0 && changes->dropped->len == 0;
}

static void
append_list (GString    *out,
             const char *heading,
             GPtrArray  *items)
{
  const guint shown = 12;

  if (items->len == 0)
    return;
  g_string_append_printf (out, "%s ", heading);
  for (guint i = 0; i < items->len && i < shown; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (items, i));
  if (items->len > shown)
    /* Translators: the end of a list cut short; %u is how many more */
    g_string_append_printf (out, _(" and %u more"), items->len - shown);
  g_string_append_c (out, '\n');
}

char *
evk_survey_changes_describe (const EvkSurveyChanges *changes)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Respondents: %u before, %u after\n"), changes->n_before, changes->n_after);
  append_list (out, _("Variables added:"), changes->added);
  append_list (out, _("Variables removed:"), changes->removed);
  append_list (out, _("Labels changed:"), changes->relabelled);
  append_list (out, _("Kept from the project:"), changes->kept);
  append_list (out, _("Lost with the removed variables:"), changes->dropped);
  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
