/* evk-window-chart-edit.c: saved charts removed and duplicated, on the window's undo stack
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-window-private.h"

/* The chart key and its place among all charts, as the project has them. */
static EvkSavedChart *
take_chart (EvkWindow   *self,
            const char  *key,
            int         *position,
            GError     **error)
{
  g_autoptr(GPtrArray) charts = evk_project_list_charts (self->project, error);

  if (charts == NULL)
    return NULL;
  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (((EvkSavedChart *) g_ptr_array_index (charts, i))->key, key))
      {
        *position = i;
        return g_ptr_array_steal_index (charts, i);
      }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The chart “%s” no longer exists"), key);
  return NULL;
}

/* Adds chart as it was, with its texts and report state, at position. */
static gboolean
restore_chart (EvkWindow      *self,
               EvkSavedChart  *chart,
               int             position,
               GError        **error)
{
  if (!evk_project_add_chart (self->project, chart->key, chart->kind, chart->spec, chart->measure, chart->goal,
                              chart->caption, error))
    return FALSE;
  if (!evk_project_edit_chart (self->project, chart->key, NULL, chart->alt_text, chart->in_report, position, error))
    {
      /* All or nothing: the half-restored chart goes again. */
      evk_project_remove_chart (self->project, chart->key, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_evk_window_remove_chart (EvkWindow   *self,
                          const char  *key,
                          GError     **error)
{
  EvkEdit *edit;
  EvkSavedChart *chart;
  int position = -1;

  g_return_val_if_fail (self->project != NULL, FALSE);

  /* Everything that puts it back is read before it goes. */
  if ((chart = take_chart (self, key, &position, error)) == NULL)
    return FALSE;
  if (!evk_project_remove_chart (self->project, key, error))
    {
      evk_saved_chart_free (chart);
      return FALSE;
    }
  edit = g_new0 (EvkEdit, 1);
  edit->chart = chart;
  edit->chart_position = position;
  edit->chart_removed = TRUE;
  _evk_window_push_edit (self, edit, _("Chart removed"));
  return TRUE;
}

/* A key not yet taken: the original's, then "-copy", "-copy-2", … */
static char *
copy_key (GPtrArray  *charts,
          const char *key)
{
  char *candidate = g_strdup_printf ("%s-copy", key);

  for (guint n = 2; evk_project_find_chart (charts, candidate) != NULL; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-copy-%u", key, n);
    }
  return candidate;
}

char *
_evk_window_duplicate_chart (EvkWindow   *self,
                             const char  *key,
                             GError     **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(EvkSavedChart) copy = NULL;
  EvkSavedChart *original;
  EvkEdit *edit;
  guint position = 0;

  g_return_val_if_fail (self->project != NULL, NULL);

  if ((charts = evk_project_list_charts (self->project, error)) == NULL)
    return NULL;
  if ((original = evk_project_find_chart (charts, key)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The chart “%s” no longer exists"), key);
      return NULL;
    }
  g_ptr_array_find (charts, original, &position);
  copy = g_new0 (EvkSavedChart, 1);
  copy->key = copy_key (charts, key);
  copy->kind = original->kind;
  copy->spec = g_strdup (original->spec);
  copy->measure = original->measure;
  copy->goal = g_strdup (original->goal);
  copy->in_report = original->in_report;
  copy->caption = original->caption != NULL ? g_hash_table_ref (original->caption) : NULL;
  copy->alt_text = original->alt_text != NULL ? g_hash_table_ref (original->alt_text) : NULL;
  /* Right after the original: its place counts the charts without the copy. */
  if (!restore_chart (self, copy, position + 1, error))
    return NULL;
  edit = g_new0 (EvkEdit, 1);
  edit->chart = g_steal_pointer (&copy);
  edit->chart_position = position + 1;
  edit->chart_removed = FALSE;
  _evk_window_push_edit (self, edit, _("Chart duplicated"));
  return g_strdup (edit->chart->key);
}

gboolean
_evk_window_move_chart_edit (EvkWindow   *self,
                             EvkEdit     *edit,
                             gboolean     undo,
                             GError     **error)
{
  /* Undoing a removal and redoing a duplicate put the chart back. */
  if (undo == edit->chart_removed)
    return restore_chart (self, edit->chart, edit->chart_position, error);
  return evk_project_remove_chart (self->project, edit->chart->key, error);
}
