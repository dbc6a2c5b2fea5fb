/* evk-window-actions.c: the window's actions (win., project.) and undo
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-import-dialog.h"
#include "evk-measure-edit.h"
#include "evk-measure-page.h"
#include "evk-report-page.h"
#include "evk-window-private.h"

void
_evk_edit_free (EvkEdit *edit)
{
  g_free (edit->field);
  g_free (edit->lang);
  g_strfreev (edit->before);
  g_strfreev (edit->after);
  g_clear_pointer (&edit->survey_before, evk_survey_free);
  g_clear_pointer (&edit->survey_after, evk_survey_free);
  g_clear_pointer (&edit->strategy_before, evk_strategy_free);
  g_clear_pointer (&edit->strategy_after, evk_strategy_free);
  g_clear_pointer (&edit->outline_before, evk_outline_free);
  g_clear_pointer (&edit->outline_after, evk_outline_free);
  g_clear_pointer (&edit->chart, evk_saved_chart_free);
  g_free (edit);
}

/* The one place that switches actions on and off. */
void
_evk_window_update_actions (EvkWindow *self)
{
  gboolean has_project = self->project != NULL;
  /* A review copy is commented on, not edited. */
  gboolean editable = has_project && !_evk_window_is_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.import", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.set-status", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.set-terms", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.close", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.save-copy", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.add-chart", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.undo", editable && self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.redo", editable && self->redo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.make-review-copy", editable && !self->review_busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.merge-review", editable && !self->review_busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.import-pdf-comments", editable && !self->review_busy);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-language", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.language", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.render-report",
                                 has_project && self->render_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.cancel-report", self->render_cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.print-report", has_project);
}

/* ---- Edits with undo -------------------------------------------------- */

static GStrv
current_keys (EvkWindow   *self,
              guint        number,
              const char  *field,
              GError     **error)
{
  if (g_str_equal (field, "status"))
    {
      EvkMeasure *measure = evk_strategy_find_measure (evk_workspace_get_strategy (self->workspace), number);
      char *keys[2] = { measure != NULL ? measure->status : NULL, NULL };

      return g_strdupv (keys);
    }
  return evk_measure_edit_get_keys (self->project, number, field, error);
}

static gboolean
write_keys (EvkWindow   *self,
            guint        number,
            const char  *field,
            const char  *lang,
            GStrv        keys,
            GError     **error)
{
  /* A text's keys are its body and source fingerprint, "" for none. */
  if (lang != NULL)
    return evk_project_set_measure_text (self->project, number, field, lang, keys[0],
                                         keys[1][0] != '\0' ? keys[1] : NULL, error);
  if (g_str_equal (field, "status"))
    return evk_project_set_measure_status (self->project, number, keys[0], error);
  return evk_measure_edit_set_keys (self->project, number, field, (const char * const *) keys, error);
}

/* Every undoable edit goes on the stack the same way: it ends the redo
 * history, and the toast that says what changed offers Undo (no toast when
 * message is NULL). */
void
_evk_window_push_edit (EvkWindow  *self,
                       EvkEdit    *edit,
                       const char *message)
{
  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
  _evk_window_update_actions (self);
  if (message != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "project.undo");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
toast_edit (EvkWindow *self,
            guint      number)
{
  g_autofree char *message = g_strdup_printf (_("Measure %u changed"), number);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "project.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Saved at once (one transaction); the edit goes on the undo stack. */
gboolean
_evk_window_apply_edit (EvkWindow   *self,
                        guint        number,
                        const char  *field,
                        GStrv        after,
                        GError     **error)
{
  g_auto(GStrv) before = current_keys (self, number, field, error);
  EvkEdit *edit;

  if (before == NULL)
    return FALSE;
  if (g_strv_equal ((const char * const *) before, (const char * const *) after))
    return TRUE;
  if (!write_keys (self, number, field, NULL, after, error))
    return FALSE;
  edit = g_new0 (EvkEdit, 1);
  edit->number = number;
  edit->field = g_strdup (field);
  edit->before = g_steal_pointer (&before);
  edit->after = g_strdupv (after);
  _evk_window_push_edit (self, edit, NULL);
  toast_edit (self, number);
  return TRUE;
}

void
_evk_window_push_strategy_edit (EvkWindow   *self,
                                EvkStrategy *before,
                                const char  *message)
{
  g_autoptr(GError) error = NULL;
  EvkStrategy *after = evk_project_load_strategy (self->project, &error);
  EvkEdit *edit;

  if (after == NULL)
    {
      evk_strategy_free (before);
      _evk_window_toast (self, error->message);
      return;
    }
  edit = g_new0 (EvkEdit, 1);
  edit->strategy_before = before;
  edit->strategy_after = after;
  _evk_window_push_edit (self, edit, message);
}

void
_evk_window_push_survey_edit (EvkWindow  *self,
                              EvkSurvey  *before,
                              const char *message)
{
  g_autoptr(GError) error = NULL;
  EvkSurvey *after = evk_survey_load (evk_project_get_store (self->project), before->name, TRUE, &error);
  EvkEdit *edit;

  if (after == NULL)
    {
      evk_survey_free (before);
      _evk_window_toast (self, error->message);
      return;
    }
  edit = g_new0 (EvkEdit, 1);
  edit->survey_before = before;
  edit->survey_after = after;
  _evk_window_push_edit (self, edit, message);
}

static GStrv
text_version (EvkWindow   *self,
              guint        number,
              const char  *field,
              const char  *lang,
              GError     **error)
{
  g_autofree char *body = NULL, *fp = NULL;
  char *keys[3] = { NULL, NULL, NULL };

  if (!evk_project_get_measure_text (self->project, number, field, lang, &body, &fp, error))
    return NULL;
  keys[0] = body != NULL ? body : "";
  keys[1] = fp != NULL ? fp : "";
  return g_strdupv (keys);
}

/* The narrative editor saves through here as the user types. The saves
 * of one stay in a text view (continues) make one edit: undo takes back
 * the stay, not each pause in the typing, and puts the text back exactly,
 * its translation state with it. */
gboolean
_evk_window_set_text (EvkWindow   *self,
                      guint        number,
                      const char  *field,
                      const char  *lang,
                      const char  *text,
                      gboolean     continues,
                      GError     **error)
{
  g_auto(GStrv) before = NULL;
  EvkEdit *top = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  GStrv after;

  g_return_val_if_fail (self->project != NULL, FALSE);

  before = text_version (self, number, field, lang, error);
  if (before == NULL ||
      !evk_project_set_measure_text (self->project, number, field, lang, text, NULL, error) ||
      (after = text_version (self, number, field, lang, error)) == NULL)
    return FALSE;
  g_ptr_array_set_size (self->redo, 0);
  if (continues && top != NULL && top->lang != NULL && top->number == number &&
      g_str_equal (top->field, field) && g_str_equal (top->lang, lang))
    {
      g_strfreev (top->after);
      top->after = after;
    }
  else
    {
      EvkEdit *edit = g_new0 (EvkEdit, 1);

      edit->number = number;
      edit->field = g_strdup (field);
      edit->lang = g_strdup (lang);
      edit->before = g_steal_pointer (&before);
      edit->after = after;
      g_ptr_array_add (self->undo, edit);
    }
  _evk_window_update_actions (self);
  return TRUE;
}

static void
move_edit (EvkWindow *self,
           GPtrArray *from,
           GPtrArray *to,
           gboolean   undo)
{
  g_autoptr(GError) error = NULL;
  EvkEdit *edit;

  if (from->len == 0)
    return;
  edit = g_ptr_array_steal_index (from, from->len - 1);
  if (edit->outline_before != NULL || edit->report_text || edit->chart != NULL)
    {
      if (!(edit->chart != NULL ? _evk_window_move_chart_edit (self, edit, undo, &error)
                                : _evk_window_move_report_edit (self, edit, undo, &error)))
        {
          _evk_window_toast (self, error->message);
          _evk_edit_free (edit);
        }
      else
        g_ptr_array_add (to, edit);
      _evk_window_update_actions (self);
      return;
    }
  if (edit->strategy_before != NULL)
    {
      if (!evk_project_save_strategy (self->project, undo ? edit->strategy_before : edit->strategy_after, &error))
        {
          _evk_window_toast (self, error->message);
          _evk_edit_free (edit);
        }
      else
        g_ptr_array_add (to, edit);
      _evk_window_update_actions (self);
      return;
    }
  if (edit->survey_before != NULL)
    {
      /* Written on the window's connection; the project's "changed" makes
       * every view read the survey again. */
      if (!evk_project_save_survey (self->project, undo ? edit->survey_before : edit->survey_after, &error))
        {
          _evk_window_toast (self, error->message);
          _evk_edit_free (edit);
        }
      else
        g_ptr_array_add (to, edit);
      _evk_window_update_actions (self);
      return;
    }
  if (!write_keys (self, edit->number, edit->field, edit->lang, undo ? edit->before : edit->after, &error))
    {
      _evk_window_toast (self, error->message);
      _evk_edit_free (edit);
    }
  else
    g_ptr_array_add (to, edit);
  _evk_window_update_actions (self);
}

/* Text typed but not yet saved becomes an edit first, so that undo takes
 * back the latest change. */
static void
flush_narrative (EvkWindow *self)
{
  if (self->page_widget != NULL && EVK_IS_MEASURE_PAGE (self->page_widget))
    evk_narrative_editor_flush (evk_measure_page_get_narrative (EVK_MEASURE_PAGE (self->page_widget)));
  else if (self->page_widget != NULL && EVK_IS_REPORT_PAGE (self->page_widget))
    evk_report_page_flush (EVK_REPORT_PAGE (self->page_widget));
}

/* While the focus is in a text with its own history, Ctrl+Z takes back
 * the typing step by step (application shortcuts come first in GTK 4);
 * the project's undo takes back a whole stay in the text. */
static gboolean
undo_in_text_view (EvkWindow *self,
                   gboolean   undo)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkTextBuffer *buffer;

  if (focus == NULL || !GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
  if (!(undo ? gtk_text_buffer_get_can_undo (buffer) : gtk_text_buffer_get_can_redo (buffer)))
    return FALSE;
  return gtk_widget_activate_action (focus, undo ? "text.undo" : "text.redo", NULL);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);

  if (undo_in_text_view (self, TRUE))
    return;
  flush_narrative (self);
  move_edit (self, self->undo, self->redo, TRUE);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);

  if (undo_in_text_view (self, FALSE))
    return;
  flush_narrative (self);
  move_edit (self, self->redo, self->undo, FALSE);
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *status;
  guint number;
  char *keys[2] = { NULL, NULL };

  g_variant_get (parameter, "(u&s)", &number, &status);
  keys[0] = (char *) status;
  if (!_evk_window_apply_edit (self, number, "status", keys, &error))
    _evk_window_toast (self, error->message);
}

static void
set_terms_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree const char **keys = NULL;
  const char *field;
  guint number;

  g_variant_get (parameter, "(u&s^a&s)", &number, &field, &keys);
  if (!_evk_window_apply_edit (self, number, field, (GStrv) keys, &error))
    _evk_window_toast (self, error->message);
}

/* ---- Projects ----------------------------------------------------------- */

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      evk_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_project_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Evalkit projects"));
  gtk_file_filter_add_pattern (filter, "*.evalkit");
  gtk_file_filter_add_mime_type (filter, "application/x-evalkit");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Evaluation"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_project_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_response (GtkNativeDialog *dialog,
              int              response,
              EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *with_extension = NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, ".evalkit"))
        with_extension = g_strconcat (path, ".evalkit", NULL);
      if (path == NULL)
        _evk_window_toast (self, _("Only local files can be opened"));
      else if (!_evk_window_create_project (self, with_extension != NULL ? with_extension : path, &error))
        _evk_window_toast (self, error->message);
      else
        _evk_window_show_page (self, "strategy");
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("New Evaluation"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Evaluation.evalkit"));
  add_project_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
evk_window_save_copy (EvkWindow   *self,
                      GFile       *file,
                      GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (EVK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files can be written"));
      return FALSE;
    }
  /* Text being typed belongs in the copy too. */
  flush_narrative (self);
  return evk_project_save_copy (self->project, path, error);
}

static void
save_copy_response (GtkNativeDialog *dialog,
                    int              response,
                    EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!evk_window_save_copy (self, file, &error))
        _evk_window_toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved a copy as “%s”"), name);

          _evk_window_toast (self, message);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* The project is always saved; a copy is how a user hands it on or keeps a
 * version, and it must be one whole file even while the window goes on. */
static void
save_copy_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->project == NULL)
    return;
  base = g_path_get_basename (evk_project_get_path (self->project));
  if (g_str_has_suffix (base, ".evalkit"))
    base[strlen (base) - strlen (".evalkit")] = '\0';
  /* Translators: the suggested name of a copy; %s is the project's name */
  name = g_strdup_printf (_("%s (copy).evalkit"), base);

  dialog = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  add_project_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (save_copy_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_demo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!evk_window_open_demo (self, &error))
    _evk_window_toast (self, error->message);
}

static void
close_project_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  adw_bin_set_child (self->content_bin, NULL);
  self->page_widget = NULL;
  g_clear_pointer (&self->page, g_free);
  g_clear_object (&self->workspace);
  g_clear_object (&self->project);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  gtk_window_set_title (GTK_WINDOW (self), _("Evalkit"));
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  _evk_window_update_review (self);
  _evk_window_update_actions (self);
}

static void
import_finished (EvkImportDialog *dialog,
                 gboolean         ok,
                 const char      *summary,
                 EvkWindow       *self)
{
  g_autoptr(EvkSurvey) old = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  if (!ok || summary == NULL)
    return;
  if (evk_import_dialog_take_replaced (dialog, &old, &survey))
    {
      EvkEdit *edit = g_new0 (EvkEdit, 1);

      edit->survey_before = g_steal_pointer (&old);
      edit->survey_after = g_steal_pointer (&survey);
      _evk_window_push_edit (self, edit, summary);
      return;
    }
  _evk_window_toast (self, summary);
}

void
_evk_window_present_import (EvkWindow     *self,
                            EvkImportKind  kind,
                            GFile         *file)
{
  EvkImportDialog *dialog = evk_import_dialog_new (GTK_WINDOW (self), self->project, kind);

  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished), self, 0);
  if (file != NULL)
    evk_import_dialog_set_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  EvkImportKind kind;

  if (self->project == NULL || !evk_import_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  _evk_window_present_import (self, kind, NULL);
}

/* ---- Navigation --------------------------------------------------------- */

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  evk_window_show_page (EVK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (self->page != NULL && g_str_has_prefix (self->page, "measure:"))
    {
      EvkMeasure *measure = evk_strategy_find_measure (evk_workspace_get_strategy (self->workspace),
                                                       g_ascii_strtoull (self->page + 8, NULL, 10));
      g_autofree char *page = measure != NULL ? g_strdup_printf ("goal:%s", measure->goal) : NULL;

      if (page != NULL)
        _evk_window_show_page (self, page);
    }
  else
    _evk_window_show_page (self, "overview");
}

static void
next_language_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  GStrv languages;
  const char *lang;

  if (self->workspace == NULL)
    return;
  languages = evk_workspace_get_strategy (self->workspace)->languages;
  lang = evk_workspace_get_language (self->workspace);
  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (languages[i], lang))
      {
        evk_window_set_language (self, languages[i + 1] != NULL ? languages[i + 1] : languages[0]);
        return;
      }
}

void
_evk_window_class_add_actions (GtkWidgetClass *widget_class)
{
  _evk_window_class_add_report_actions (widget_class);
  _evk_window_class_add_review_actions (widget_class);
  _evk_window_class_add_chart_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.next-language", NULL, next_language_activated);
  gtk_widget_class_install_property_action (widget_class, "win.language", "language");
  gtk_widget_class_install_action (widget_class, "project.import", "s", import_activated);
  gtk_widget_class_install_action (widget_class, "project.close", NULL, close_project_activated);
  gtk_widget_class_install_action (widget_class, "project.save-copy", NULL, save_copy_activated);
  gtk_widget_class_install_action (widget_class, "project.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "project.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "project.set-status", "(us)", set_status_activated);
  gtk_widget_class_install_action (widget_class, "project.set-terms", "(usas)", set_terms_activated);
}
