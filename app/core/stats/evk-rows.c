/* evk-rows.c: a set of respondents (rows) of a survey
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-model-error.h"
#include "evk-rows.h"

EvkRows *
evk_rows_new_all (guint n_rows)
{
  EvkRows *rows = g_new0 (EvkRows, 1);

  rows->n_rows = rows->n_selected = n_rows;
  rows->selected = g_malloc (MAX (n_rows, 1));
  memset (rows->selected, 1, n_rows);
  return rows;
}

EvkRows *
evk_rows_copy (const EvkRows *rows)
{
  EvkRows *copy = g_new0 (EvkRows, 1);

  *copy = *rows;
  copy->selected = g_memdup2 (rows->selected, MAX (rows->n_rows, 1));
  return copy;
}

void
evk_rows_free (EvkRows *rows)
{
  if (rows == NULL)
    return;
  g_free (rows->selected);
  g_free (rows);
}

void
evk_rows_recount (EvkRows *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->n_rows; i++)
    n += rows->selected[i];
  rows->n_selected = n;
}

void
evk_rows_intersect (EvkRows       *rows,
                    const EvkRows *other)
{
  g_return_if_fail (rows->n_rows == other->n_rows);
  for (guint i = 0; i < rows->n_rows; i++)
    rows->selected[i] &= other->selected[i];
  evk_rows_recount (rows);
}

void
evk_rows_unite (EvkRows       *rows,
                const EvkRows *other)
{
  g_return_if_fail (rows->n_rows == other->n_rows);
  for (guint i = 0; i < rows->n_rows; i++)
    rows->selected[i] |= other->selected[i];
  evk_rows_recount (rows);
}

/* A condition on a text variable: only one tabulated as categories can
 * select respondents, or "note = 'Ola Nordmann'" would tell whether anyone
 * wrote that. An empty answer never matches, as system-missing does not.
 * first: out is set, else the matches are added to it (any(…)). */
static gboolean
match_texts (EvkSurvey    *survey,
             EvkVariable  *variable,
             EvkFilter    *filter,
             gboolean      first,
             guint8       *out,
             GError      **error)
{
  guint n = survey->n_rows;
  g_autofree guint8 *item = g_malloc0 (MAX (n, 1));
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_answers;

  switch (evk_survey_get_role (survey, variable))
    {
    case EVK_ROLE_PERSONAL:
    case EVK_ROLE_FREE_TEXT:
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                   _("variable %s is free text: no filter selects by it"), variable->name);
      return FALSE;
    case EVK_ROLE_CODES:
    case EVK_ROLE_TEXT_CATEGORIES:
    default:
      break;
    }
  /* The role read the answers (a review copy has none). */
  if (variable->texts == NULL || evk_text_column_get_length (variable->texts) != n)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                   _("the answers to %s are not here (a review copy holds none)"), variable->name);
      return FALSE;
    }
  for (guint i = 0; filter->texts[i] != NULL; i++)
    g_hash_table_add (wanted, filter->texts[i]);
  n_answers = evk_text_column_get_n_answers (variable->texts);
  for (guint i = 0; i < n_answers; i++)
    {
      guint row;
      const char *text = evk_text_column_get_answer (variable->texts, i, &row);

      /* 2: answered; 3: answered and matched. */
      item[row] = 2 | g_hash_table_contains (wanted, text);
    }
  for (guint i = 0; i < n; i++)
    {
      guint8 match = item[i] == 0 ? 0 : filter->negate ? item[i] == 2 : item[i] == 3;

      out[i] = first ? match : (out[i] | match);
    }
  return TRUE;
}

static gboolean
evaluate (EvkSurvey  *survey,
          EvkFilter  *filter,
          guint8     *out,
          GError    **error)
{
  guint n = survey->n_rows;

  switch (filter->op)
    {
    case EVK_FILTER_AND:
    case EVK_FILTER_OR:
      {
        g_autofree guint8 *right = NULL;

        /* The left side first, before this level holds a buffer: a chain
         * of 1,000 "and" is a tree 1,000 deep on its left, and a buffer
         * per level would be 1,000 times the survey's rows. The right
         * side is deep only through parentheses, which nest at most
         * EVK_FILTER_MAX_NESTING levels. */
        if (!evaluate (survey, filter->left, out, error))
          return FALSE;
        right = g_malloc (MAX (n, 1));
        if (!evaluate (survey, filter->right, right, error))
          return FALSE;
        for (guint i = 0; i < n; i++)
          out[i] = filter->op == EVK_FILTER_AND ? (out[i] & right[i]) : (out[i] | right[i]);
        return TRUE;
      }

    case EVK_FILTER_NOT:
      if (!evaluate (survey, filter->left, out, error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        out[i] = !out[i];
      return TRUE;

    case EVK_FILTER_COMPARE:
    default:
      for (guint v = 0; filter->variables[v] != NULL; v++)
        {
          EvkVariable *variable = evk_survey_get_variable (survey, filter->variables[v]);

          if (variable == NULL)
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the filter names variable %s, which survey “%s” does not have"),
                           filter->variables[v], survey->name);
              return FALSE;
            }
          if (variable->type == EVK_VARIABLE_STRING && filter->texts == NULL)
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the filter compares %s with a number, but it is a text variable"),
                           variable->name);
              return FALSE;
            }
          if (variable->type == EVK_VARIABLE_NUMERIC && filter->texts != NULL)
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the filter compares %s with a text, but it holds numbers"),
                           variable->name);
              return FALSE;
            }
          if (filter->texts != NULL)
            {
              if (!match_texts (survey, variable, filter, v == 0, out, error))
                return FALSE;
              continue;
            }
          if (evk_survey_get_column (survey, variable, error) == NULL)
            return FALSE;
          /* A survey loaded for its questions only (a review copy's) has
           * no answers to select from. */
          if (evk_column_get_length (variable->column) != n)
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                           _("the answers to %s are not here (a review copy holds none)"), variable->name);
              return FALSE;
            }
          if (v == 0)
            evk_column_match (variable->column, (const double *) filter->ranges->data,
                              filter->ranges->len / 2, filter->negate, out);
          else
            {
              /* any(…): a respondent matches if any of the items does. */
              g_autofree guint8 *item = g_malloc (MAX (n, 1));

              evk_column_match (variable->column, (const double *) filter->ranges->data,
                                filter->ranges->len / 2, filter->negate, item);
              for (guint i = 0; i < n; i++)
                out[i] |= item[i];
            }
        }
      return TRUE;
    }
}

EvkRows *
evk_rows_new_filtered (EvkSurvey  *survey,
                       EvkFilter  *filter,
                       GError    **error)
{
  g_autoptr(EvkRows) rows = evk_rows_new_all (survey->n_rows);

  if (!evaluate (survey, filter, rows->selected, error))
    return NULL;
  evk_rows_recount (rows);
  return g_steal_pointer (&rows);
}

EvkRows *
evk_rows_new_from_text (EvkSurvey   *survey,
                        const char  *filter_text,
                        GError     **error)
{
  g_autoptr(EvkFilter) filter = evk_filter_parse (filter_text, error);

  return filter != NULL ? evk_rows_new_filtered (survey, filter, error) : NULL;
}
