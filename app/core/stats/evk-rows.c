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
          if (variable->type == EVK_VARIABLE_STRING)
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the filter compares %s with a number, but it is a text variable"),
                           variable->name);
              return FALSE;
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
