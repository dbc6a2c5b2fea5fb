/* evk-window-dnd.c: files dropped on the window: projects open, data imports
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-import-dialog.h"
#include "evk-window-private.h"

/* A project file opens; with a project open, a survey, coding sheet or
 * strategy file opens the import dialog with the file filled in, so the
 * user still confirms what it replaces. */
static gboolean
drop_file (EvkWindow *self,
           GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);
  EvkImportKind kind;

  if (g_str_has_suffix (lower, ".evalkit"))
    {
      evk_window_open_file (self, file);
      return TRUE;
    }
  if (self->project == NULL)
    {
      _evk_window_toast (self, _("Open an evaluation first, then drop its data on the window"));
      return FALSE;
    }
  if (_evk_window_is_read_only (self))
    {
      _evk_window_toast (self, _("A review copy takes comments, not data"));
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".ini"))
    kind = EVK_IMPORT_STRATEGY;
  else if (g_str_has_suffix (lower, ".csv") && (strstr (lower, "document") != NULL || strstr (lower, "coding") != NULL))
    kind = EVK_IMPORT_DOCUMENTS;
  else if (g_str_has_suffix (lower, ".sav") || g_str_has_suffix (lower, ".zsav") || g_str_has_suffix (lower, ".por") ||
           g_str_has_suffix (lower, ".dta") || g_str_has_suffix (lower, ".csv"))
    kind = EVK_IMPORT_SURVEY;
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a project, survey, coding sheet or strategy file"), name);
      _evk_window_toast (self, message);
      return FALSE;
    }
  _evk_window_present_import (self, kind, file);
  return TRUE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EvkWindow     *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      return files != NULL && drop_file (self, files->data);
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    return drop_file (self, g_value_get_object (value));
  return FALSE;
}

void
_evk_window_setup_drop (EvkWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
