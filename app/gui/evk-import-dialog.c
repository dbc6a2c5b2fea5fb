/* evk-import-dialog.c: import a survey, codebook, coding sheet or strategy
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-import-dialog.h"
#include "evk-import-error.h"

struct _EvkImportDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkWidget      *import_button;
  AdwPreferencesGroup *files_group;
  AdwActionRow   *file_row;
  AdwActionRow   *codebook_row;
  GtkProgressBar *progress_bar;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwPreferencesGroup *changes_group;
  GtkLabel       *changes_label;

  EvkProject     *project;
  EvkImportKind   kind;
  GFile          *file;
  GFile          *codebook;
  GCancellable   *cancellable;
  guint           pulse_id;
  gboolean        has_error;
  /* A survey read and waiting for the user to replace the project's. */
  EvkImportPending *pending;
  /* Once replaced: the surveys before and after, for the window's undo. */
  EvkSurvey      *replaced_old;
  EvkSurvey      *replaced_new;
};

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EvkImportDialog, evk_import_dialog, ADW_TYPE_WINDOW)

static void
update_actions (EvkImportDialog *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", !running && self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !running);
}

static void
set_row_file (AdwActionRow *row,
              GFile        *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  adw_action_row_set_subtitle (row, path != NULL ? path : _("No file chosen"));
}

static void
clear_pending (EvkImportDialog *self)
{
  g_clear_pointer (&self->pending, evk_import_pending_free);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), FALSE);
  gtk_button_set_label (GTK_BUTTON (self->import_button), _("_Import"));
}

void
evk_import_dialog_set_file (EvkImportDialog *self,
                            GFile           *file)
{
  clear_pending (self);
  g_set_object (&self->file, file);
  set_row_file (self->file_row, file);
  update_actions (self);
}

void
evk_import_dialog_set_codebook (EvkImportDialog *self,
                                GFile           *codebook)
{
  clear_pending (self);
  g_set_object (&self->codebook, codebook);
  set_row_file (self->codebook_row, codebook);
}

static void
show_error (EvkImportDialog *self,
            const char      *message)
{
  self->has_error = message != NULL;
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

const char *
evk_import_dialog_get_error (EvkImportDialog *self)
{
  return self->has_error ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
evk_import_dialog_is_running (EvkImportDialog *self)
{
  return self->cancellable != NULL;
}

static void
stop_pulse (EvkImportDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
progress (double   fraction,
          gpointer user_data)
{
  EvkImportDialog *self = user_data;
  g_autofree char *text = g_strdup_printf (_("%d %% read"), (int) (fraction * 100));

  stop_pulse (self);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static gboolean
pulse (gpointer user_data)
{
  EvkImportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_running (EvkImportDialog *self)
{
  stop_pulse (self);
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  update_actions (self);
}

/* The command line's words, without its "evalkit: " prefix. */
static void
fail (EvkImportDialog *self,
      GError          *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_CANCELLED))
    show_error (self, _("The import was cancelled; the project is unchanged."));
  else
    show_error (self, error->message);
  g_signal_emit (self, signals[FINISHED], 0, FALSE, NULL);
}

/* Nothing is written yet: say what replacing the survey changes and let
 * the user decide. */
static void
show_pending (EvkImportDialog  *self,
              EvkImportPending *pending)
{
  g_autofree char *title = NULL;
  g_autofree char *described = evk_import_pending_describe (pending);

  self->pending = pending;
  title = g_strdup_printf (_("This replaces the survey “%s”"), evk_import_pending_get_name (pending));
  adw_preferences_group_set_title (self->changes_group, title);
  adw_preferences_group_set_description (self->changes_group,
                                         _("Undo in the window brings the current survey back."));
  gtk_label_set_text (self->changes_label, described);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), TRUE);
  gtk_button_set_label (GTK_BUTTON (self->import_button), _("_Replace Survey"));
  gtk_widget_grab_focus (self->import_button);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvkImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  EvkImportPending *pending = NULL;
  g_autofree char *summary = evk_import_run_finish (result, &pending, &error);

  stop_running (self);
  if (pending != NULL)
    {
      show_pending (self, pending);
      return;
    }
  if (summary == NULL)
    {
      fail (self, error);
      return;
    }
  g_signal_emit (self, signals[FINISHED], 0, TRUE, summary);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
commit_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EvkImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = evk_import_commit_finish (result, &error);

  stop_running (self);
  if (summary == NULL)
    {
      fail (self, error);
      return;
    }
  self->replaced_old = evk_import_pending_steal_old (self->pending);
  self->replaced_new = evk_import_pending_steal_survey (self->pending);
  g_signal_emit (self, signals[FINISHED], 0, TRUE, summary);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
evk_import_dialog_take_replaced (EvkImportDialog  *self,
                                 EvkSurvey       **old,
                                 EvkSurvey       **survey)
{
  if (self->replaced_old == NULL || self->replaced_new == NULL)
    return FALSE;
  *old = g_steal_pointer (&self->replaced_old);
  *survey = g_steal_pointer (&self->replaced_new);
  return TRUE;
}

gboolean
evk_import_dialog_is_pending (EvkImportDialog *self)
{
  return self->pending != NULL && self->cancellable == NULL;
}

const char *
evk_import_dialog_get_changes (EvkImportDialog *self)
{
  return self->pending != NULL ? gtk_label_get_text (self->changes_label) : NULL;
}

static void
start_running (EvkImportDialog *self,
               const char      *text)
{
  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  self->pulse_id = g_timeout_add (100, pulse, self);
  update_actions (self);
}

void
evk_import_dialog_start (EvkImportDialog *self)
{
  if (self->cancellable != NULL || self->file == NULL)
    return;
  if (self->pending != NULL)
    {
      start_running (self, _("Writing…"));
      evk_import_commit_async (self->project, self->pending, self->cancellable,
                               commit_done, g_object_ref (self));
      return;
    }
  start_running (self, _("Reading…"));
  evk_import_run_async (self->project, self->kind, self->file,
                        self->kind == EVK_IMPORT_SURVEY ? self->codebook : NULL,
                        self->cancellable, progress, self, import_done, g_object_ref (self));
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  evk_import_dialog_start (EVK_IMPORT_DIALOG (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvkImportDialog *self = EVK_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
choose_response (GtkNativeDialog *chooser,
                 int              response,
                 EvkImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (chooser), "target"), "codebook") == 0)
        evk_import_dialog_set_codebook (self, file);
      else
        evk_import_dialog_set_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvkImportDialog *self = EVK_IMPORT_DIALOG (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *chooser;
  static const char * const survey[] = { "*.sav", "*.zsav", "*.por", "*.dta", "*.csv", NULL };
  static const char * const csv[] = { "*.csv", "*.tsv", "*.txt", NULL };
  static const char * const ini[] = { "*.ini", "*.evalkit-strategy", NULL };
  static const char * const any[] = { "*", NULL };

  chooser = gtk_file_chooser_native_new (_("Choose a File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "target", g_strdup (target), g_free);
  if (g_str_equal (target, "codebook") || self->kind == EVK_IMPORT_CODEBOOK || self->kind == EVK_IMPORT_DOCUMENTS)
    add_filter (GTK_FILE_CHOOSER (chooser), _("CSV files"), csv);
  else if (self->kind == EVK_IMPORT_SURVEY)
    add_filter (GTK_FILE_CHOOSER (chooser), _("Survey files (SPSS, Stata, CSV)"), survey);
  else
    add_filter (GTK_FILE_CHOOSER (chooser), _("Strategy definitions"), ini);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), any);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
close_request (GtkWindow *window)
{
  EvkImportDialog *self = EVK_IMPORT_DIALOG (window);

  /* Closing while running cancels; the project stays as it was. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
evk_import_dialog_dispose (GObject *object)
{
  EvkImportDialog *self = EVK_IMPORT_DIALOG (object);

  stop_pulse (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->codebook);
  g_clear_pointer (&self->pending, evk_import_pending_free);
  g_clear_pointer (&self->replaced_old, evk_survey_free);
  g_clear_pointer (&self->replaced_new, evk_survey_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (evk_import_dialog_parent_class)->dispose (object);
}

static void
evk_import_dialog_class_init (EvkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evk_import_dialog_dispose;
  window_class->close_request = close_request;

  /**
   * EvkImportDialog::finished:
   * @ok: whether the import committed
   * @summary: (nullable): what was imported
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, files_group);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, codebook_row);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, EvkImportDialog, changes_label);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import.choose", "s", choose_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
evk_import_dialog_init (EvkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

EvkImportDialog *
evk_import_dialog_new (GtkWindow     *parent,
                       EvkProject    *project,
                       EvkImportKind  kind)
{
  EvkImportDialog *self = g_object_new (EVK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  const char *title = NULL, *description = NULL;

  self->project = g_object_ref (project);
  self->kind = kind;
  switch (kind)
    {
    case EVK_IMPORT_SURVEY:
      title = _("Import Survey");
      description = _("An SPSS (.sav, .zsav, .por) or Stata (.dta) file, or a CSV file of respondents with its codebook. It replaces the project’s survey.");
      break;
    case EVK_IMPORT_CODEBOOK:
      title = _("Import Codebook Translations");
      description = _("A codebook CSV with labels in further languages (“label[en]”) for the project’s survey.");
      break;
    case EVK_IMPORT_DOCUMENTS:
      title = _("Import Document Coding");
      description = _("A document-review coding sheet (CSV, long or wide form). It replaces the project’s documents and codings.");
      break;
    case EVK_IMPORT_STRATEGY:
      title = _("Import Strategy");
      description = _("A strategy definition file: goals, measures, statuses, offers and groups. Charts and codings that refer to them are kept.");
      break;
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_preferences_group_set_description (self->files_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->codebook_row), kind == EVK_IMPORT_SURVEY);
  return self;
}
