/* evk-window-report.c: rendering and printing the report from the window
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-report.h"
#include "evk-window-private.h"

/* The report renders in a thread on its own, read-only connection to the
 * project file (SQLite connections are not shared between threads), so the
 * window stays live and a cancel is honoured between pages. */

typedef struct {
  char          *project_path;
  GStrv          langs;
  GStrv          paths;
  GCancellable  *cancellable;
  EvkWindow     *window;     /* strong ref */
  AdwToast      *toast;      /* strong ref: shows the progress */
  int            percent;   /* last shown; touched by the thread only */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_free (job->project_path);
  g_strfreev (job->langs);
  g_strfreev (job->paths);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->window);
  g_clear_object (&job->toast);
  g_free (job);
}

/* A progress step travels to the main loop on its own: the job may be gone
 * (the task finished and freed it) by the time the idle runs. */
typedef struct {
  AdwToast *toast;   /* strong ref */
  int       percent;
} ProgressStep;

static gboolean
show_progress (gpointer data)
{
  ProgressStep *step = data;
  g_autofree char *title = g_strdup_printf (_("Rendering the report… %d %%"), step->percent);

  adw_toast_set_title (step->toast, title);
  g_object_unref (step->toast);
  g_free (step);
  return G_SOURCE_REMOVE;
}

static void
render_progress (double      fraction,
                 const char *stage,
                 gpointer    user_data)
{
  RenderJob *job = user_data;
  int percent = (int) (fraction * 100);
  ProgressStep *step;

  /* Called in the rendering thread: only a change in the shown number is
   * worth a trip to the main loop. */
  if (percent == job->percent)
    return;
  job->percent = percent;
  step = g_new (ProgressStep, 1);
  step->toast = g_object_ref (job->toast);
  step->percent = percent;
  g_main_context_invoke (NULL, show_progress, step);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EvkReportOptions options;

  project = evk_project_open_read_only (job->project_path, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  evk_report_options_init (&options);
  options.cancellable = cancellable;
  options.progress = render_progress;
  options.progress_data = job;
  if (!evk_report_render_pdfs (project, (const char * const *) job->langs,
                               (const char * const *) job->paths, &options, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, options.n_pages);
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize n_pages = g_task_propagate_int (G_TASK (result), &error);

  adw_toast_dismiss (job->toast);
  job->window->render_cancellable = NULL;
  _evk_window_update_actions (job->window);

  if (n_pages < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _evk_window_toast (job->window, error->message);
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (job->paths[0]);
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Report written: %s and its %u other language",
                                                             "Report written: %s and its %u other languages",
                                                             g_strv_length (job->paths) - 1),
                                                base, g_strv_length (job->paths) - 1);
    _evk_window_toast (job->window, message);
  }
}

/* report.pdf → report.en.pdf for the languages after the source, as
 * `evalkit report --lang all` names them. */
static char *
path_for_language (const char *path,
                   const char *lang,
                   gboolean    is_source)
{
  if (is_source)
    return g_strdup (path);
  if (g_str_has_suffix (path, ".pdf"))
    return g_strdup_printf ("%.*s.%s.pdf", (int) strlen (path) - 4, path, lang);
  return g_strdup_printf ("%s.%s.pdf", path, lang);
}

/* Renders every language: path for the source language, path with the
 * language code before ".pdf" for the others. */
void
_evk_window_render_report (EvkWindow  *self,
                           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  RenderJob *job;

  if (self->project == NULL || self->render_cancellable != NULL)
    return;

  job = g_new0 (RenderJob, 1);
  job->project_path = g_strdup (evk_project_get_path (self->project));
  job->langs = evk_project_get_languages (self->project, &error);
  if (job->langs == NULL)
    {
      _evk_window_toast (self, error->message);
      render_job_free (job);
      return;
    }
  for (guint i = 0; job->langs[i] != NULL; i++)
    {
      g_autofree char *one = path_for_language (path, job->langs[i], i == 0);
      g_strv_builder_add (paths, one);
    }
  job->paths = g_strv_builder_end (paths);
  job->percent = -1;
  job->cancellable = g_cancellable_new ();
  job->window = g_object_ref (self);
  job->toast = g_object_ref (adw_toast_new (_("Rendering the report…")));
  adw_toast_set_timeout (job->toast, 0);
  adw_toast_set_button_label (job->toast, _("_Cancel"));
  adw_toast_set_action_name (job->toast, "project.cancel-report");
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (job->toast));

  self->render_cancellable = job->cancellable;
  _evk_window_update_actions (self);

  task = g_task_new (self, job->cancellable, render_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
render_response (GtkNativeDialog *dialog,
                 int              response,
                 EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        _evk_window_toast (self, _("Only local files can be written"));
      else
        _evk_window_render_report (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
render_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Render Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Render"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: the default file name of a rendered report */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("report.pdf"));
  g_signal_connect (dialog, "response", G_CALLBACK (render_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);

  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
}

/* ---- Printing: the same layout, page by page ------------------------ */

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             EvkWindow         *self)
{
  EvkReportPages *pages = g_object_get_data (G_OBJECT (operation), "evk-pages");

  gtk_print_operation_set_n_pages (operation, evk_report_pages_get_n_pages (pages));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           EvkWindow         *self)
{
  EvkReportPages *pages = g_object_get_data (G_OBJECT (operation), "evk-pages");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;

  /* The report is laid out in points on A4; the printer's page may differ
   * a little, so scale it to fit without distortion. */
  evk_report_pages_get_size (pages, &width, &height);
  cairo_scale (cr, MIN (gtk_print_context_get_width (context) / width,
                        gtk_print_context_get_height (context) / height),
               MIN (gtk_print_context_get_width (context) / width,
                    gtk_print_context_get_height (context) / height));
  evk_report_pages_draw (pages, page, cr);
}

static void
print_report_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  EvkReportOptions options;
  EvkReportPages *pages;

  if (self->project == NULL)
    return;
  evk_report_options_init (&options);
  /* Printing is for reading drafts: mark what is missing instead of
   * refusing to print. */
  options.draft = TRUE;
  pages = evk_report_paginate (self->project, evk_workspace_get_language (self->workspace), &options, &error);
  if (pages == NULL)
    {
      _evk_window_toast (self, error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (operation), "evk-pages", pages, (GDestroyNotify) evk_report_pages_free);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _evk_window_toast (self, error->message);
}

void
_evk_window_class_add_report_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "project.render-report", NULL, render_report_activated);
  gtk_widget_class_install_action (widget_class, "project.cancel-report", NULL, cancel_report_activated);
  gtk_widget_class_install_action (widget_class, "project.print-report", NULL, print_report_activated);
}
