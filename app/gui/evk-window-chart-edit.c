/* evk-window-chart-edit.c: saved charts removed and duplicated, on the window's undo stack
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evk-chart-add-dialog.h"
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

/* "m20-frequency-q72", "g2-awareness-7-small": where it belongs, then its
 * words; "-2", "-3", … when that is taken. */
static char *
new_key (GPtrArray   *charts,
         const char  *spec,
         guint        measure,
         const char  *goal)
{
  g_autoptr(GString) base = g_string_new (NULL);
  char *candidate;

  if (measure > 0)
    g_string_printf (base, "m%u", measure);
  else if (goal != NULL)
    g_string_printf (base, "g%s", goal);
  else
    g_string_assign (base, "chart");
  g_string_append_c (base, '-');
  /* Separators collapse into one dash. */
  for (const char *p = spec; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '_')
      g_string_append_c (base, g_ascii_tolower (*p));
    else if (base->str[base->len - 1] != '-')
      g_string_append_c (base, '-');
  /* "group=" says nothing the group's key does not. */
  g_string_replace (base, "-group-", "-", 0);
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  candidate = g_strdup (base->str);
  for (guint n = 2; evk_project_find_chart (charts, candidate) != NULL; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base->str, n);
    }
  return candidate;
}

char *
_evk_window_add_chart (EvkWindow     *self,
                       EvkChartKind   kind,
                       const char    *spec,
                       guint          measure,
                       const char    *goal,
                       GHashTable    *caption,
                       GError       **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *key = NULL;
  EvkSavedChart *chart;
  EvkEdit *edit;
  int position = -1;

  g_return_val_if_fail (self->project != NULL, NULL);

  if ((charts = evk_project_list_charts (self->project, error)) == NULL)
    return NULL;
  key = new_key (charts, spec, measure, goal);
  if (!evk_project_add_chart (self->project, key, kind, spec, measure, goal, caption, error))
    return NULL;
  /* What puts it back on Redo, read as saved (with its place). */
  if ((chart = take_chart (self, key, &position, error)) == NULL)
    return NULL;
  edit = g_new0 (EvkEdit, 1);
  edit->chart = chart;
  edit->chart_position = position;
  edit->chart_removed = FALSE;
  _evk_window_push_edit (self, edit, _("Chart added"));
  return g_steal_pointer (&key);
}

static char *
add_from_dialog (gpointer       user_data,
                 EvkChartKind   kind,
                 const char    *spec,
                 guint          measure,
                 const char    *goal,
                 GHashTable    *caption,
                 GError       **error)
{
  return _evk_window_add_chart (EVK_WINDOW (user_data), kind, spec, measure, goal, caption, error);
}

GtkWidget *
_evk_window_open_add_chart (EvkWindow *self)
{
  EvkChartAddDialog *dialog;
  g_autofree char *goal = NULL;
  guint64 measure = 0;

  if (self->project == NULL || self->page == NULL)
    return NULL;
  if (g_str_has_prefix (self->page, "measure:"))
    g_ascii_string_to_unsigned (self->page + strlen ("measure:"), 10, 1, G_MAXUINT, &measure, NULL);
  else if (g_str_has_prefix (self->page, "goal:"))
    goal = g_strdup (self->page + strlen ("goal:"));
  if (measure == 0 && goal == NULL)
    {
      AdwToast *toast = adw_toast_new (_("Charts are added on a measure’s or a goal’s page"));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return NULL;
    }
  dialog = evk_chart_add_dialog_new (GTK_WINDOW (self), self->workspace, measure, goal, add_from_dialog, self);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
add_chart_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _evk_window_open_add_chart (EVK_WINDOW (widget));
}

void
_evk_window_class_add_chart_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "project.add-chart", NULL, add_chart_activated);
}
