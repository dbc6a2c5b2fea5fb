/* evk-window-review.c: the window's review copies, merges and comments
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-charts.h"
#include "evk-comment-button.h"
#include "evk-measure-page.h"
#include "evk-narrative-editor.h"
#include "evk-pdf-comments.h"
#include "evk-report-outline.h"
#include "evk-report-page.h"
#include "evk-review-copy.h"
#include "evk-review-merge.h"
#include "evk-translations-page.h"
#include "evk-window-private.h"

gboolean
_evk_window_is_read_only (EvkWindow *self)
{
  return self->workspace != NULL && evk_workspace_is_read_only (self->workspace);
}

/* ---- Pages a review copy does not have ----------------------------------- */

GtkWidget *
_evk_window_review_page_new (EvkWindow  *self,
                             const char *page)
{
  GtkWidget *status = adw_status_page_new ();
  gboolean data = !g_str_equal (page, "strategy") && !g_str_equal (page, "lists") && !g_str_equal (page, "start");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), data ? "x-office-spreadsheet-symbolic"
                                                                : "document-edit-symbolic");
  if (data)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Data Stays with the Evaluator"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("A review copy holds the tables its charts draw, with small cells "
                                         "suppressed, and none of the survey’s answers, variables or groups."));
    }
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Evaluator Edits the Strategy"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("This review copy shows the goals and measures on their own pages, "
                                         "where you can comment on them."));
    }
  return status;
}

/* ---- Banner and count ---------------------------------------------------- */

void
_evk_window_update_review (EvkWindow *self)
{
  EvkCommentModel *model = self->workspace != NULL ? evk_workspace_get_comments (self->workspace) : NULL;
  gboolean copy = model != NULL && evk_comment_model_is_review_copy (model);

  if (copy)
    {
      const char *reviewer = evk_comment_model_get_reviewer (model);
      g_autofree char *text = reviewer != NULL && reviewer[0] != '\0'
        /* Translators: the banner over a review copy; %s is the reviewer's name */
        ? g_strdup_printf (_("Review copy for %s — data stays with the evaluator"), reviewer)
        : g_strdup (_("Review copy — data stays with the evaluator"));

      gtk_label_set_text (self->review_banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->review_banner, copy);
  if (self->comments_count != NULL && model != NULL)
    {
      guint n = evk_comment_model_count_open (model, NULL);
      g_autofree char *count = g_strdup_printf ("%u", n);

      gtk_label_set_text (GTK_LABEL (self->comments_count), count);
      gtk_widget_set_visible (self->comments_count, n > 0);
    }
}

static void
comments_changed (EvkCommentModel *model,
                  EvkWindow       *self)
{
  _evk_window_update_review (self);
}

static void
author_changed (GSettings  *settings,
                const char *key,
                EvkWindow  *self)
{
  g_autofree char *name = g_settings_get_string (settings, "author-name");

  if (self->workspace != NULL)
    evk_comment_model_set_preferred_author (evk_workspace_get_comments (self->workspace), name);
}

void
_evk_window_setup_review (EvkWindow *self)
{
  EvkCommentModel *model = evk_workspace_get_comments (self->workspace);

  g_signal_connect_object (model, "changed", G_CALLBACK (comments_changed), self, 0);
  if (self->settings != NULL)
    {
      if (!g_object_get_data (G_OBJECT (self->settings), "evk-author-connected"))
        {
          g_signal_connect (self->settings, "changed::author-name", G_CALLBACK (author_changed), self);
          g_object_set_data (G_OBJECT (self->settings), "evk-author-connected", GINT_TO_POINTER (TRUE));
        }
      author_changed (self->settings, "author-name", self);
    }
  _evk_window_update_review (self);
}

/* ---- Going to a comment's place ----------------------------------------- */

/* The page that shows place, or NULL when the place is gone. */
static char *
page_of_place (EvkWindow  *self,
               const char *place)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  g_autofree char *kind = NULL, *key = NULL;

  if (!evk_place_parse (place, &kind, &key, NULL))
    return NULL;
  if (g_str_equal (kind, "project"))
    return g_strdup ("overview");
  if (g_str_equal (kind, "goal"))
    return evk_strategy_find_goal (strategy, key) != NULL ? g_strdup_printf ("goal:%s", key) : NULL;
  if (g_str_equal (kind, "measure") || g_str_equal (kind, "measure-section"))
    {
      guint64 number = g_ascii_strtoull (key, NULL, 10);

      return evk_strategy_find_measure (strategy, number) != NULL
             ? g_strdup_printf ("measure:%" G_GUINT64_FORMAT, number) : NULL;
    }
  if (g_str_equal (kind, "chart"))
    {
      g_autoptr(GPtrArray) charts = evk_project_list_charts (self->project, NULL);
      EvkSavedChart *chart = charts != NULL ? evk_project_find_chart (charts, key) : NULL;

      if (chart == NULL)
        return NULL;
      if (chart->measure > 0)
        return g_strdup_printf ("measure:%u", chart->measure);
      if (chart->goal != NULL)
        return g_strdup_printf ("goal:%s", chart->goal);
      return g_strdup ("overview");
    }
  if (g_str_equal (kind, "section"))
    {
      g_autofree char *part = g_strndup (key, strcspn (key, "/"));
      g_autofree char *title = evk_report_page_part_title (self->workspace, part);

      return title != NULL ? g_strdup_printf ("report:%s", part) : NULL;
    }
  /* Parts and figures have their comment buttons on the outline; a page
   * of a draft is the report's. */
  if (g_str_equal (kind, "part") || g_str_equal (kind, "figure") || g_str_equal (kind, "page"))
    {
      g_autofree char *name = evk_place_name (evk_project_get_store (self->project), place,
                                              evk_workspace_get_language (self->workspace));

      return name != NULL ? g_strdup ("report") : NULL;
    }
  return NULL;
}

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  EvkWindow *self = EVK_WINDOW (widget);
  const char *place = user_data;
  EvkCommentButton *button = self->page_widget != NULL ? evk_comment_button_find (self->page_widget, place) : NULL;
  GtkWidget *scrolled, *child;
  graphene_point_t point;
  GtkAdjustment *adjustment;

  if (button == NULL)
    {
      self->reveal_id = 0;
      return G_SOURCE_REMOVE;
    }
  /* Laid out over the first frames of a new page. */
  if (gtk_widget_get_height (GTK_WIDGET (button)) == 0)
    return G_SOURCE_CONTINUE;
  self->reveal_id = 0;
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_SCROLLED_WINDOW);
  child = scrolled != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  if (child != NULL && gtk_widget_compute_point (GTK_WIDGET (button), child, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, point.y - gtk_adjustment_get_page_size (adjustment) / 4);
    }
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (button)));
  return G_SOURCE_REMOVE;
}

void
_evk_window_show_place (EvkWindow  *self,
                        const char *place)
{
  g_autofree char *page = NULL;

  if (self->workspace == NULL)
    return;
  page = page_of_place (self, place);
  if (page == NULL)
    {
      _evk_window_toast (self, _("The place of this comment was removed from the evaluation"));
      return;
    }
  evk_window_show_page (self, page);
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
  self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, g_strdup (place), g_free);
}

/* The Translations page in lang, at the first string of the place named
 * place_name (as a translation problem names it). */
static void
show_translation_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  const char *lang, *place_name;
  g_autofree char *page = NULL;

  g_variant_get (parameter, "(&s&s)", &lang, &place_name);
  page = g_strdup_printf ("translations:%s", lang);
  evk_window_show_page (self, page);
  if (EVK_IS_TRANSLATIONS_PAGE (self->page_widget))
    evk_translations_page_select_place (EVK_TRANSLATIONS_PAGE (self->page_widget), place_name);
}

static void
show_place_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _evk_window_show_place (EVK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* ---- Long work in a thread ------------------------------------------------ */

static void
show_error (EvkWindow  *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file's name in a message, unless the message names it already. */
static char *
naming_file (const char *path,
             const char *message)
{
  g_autofree char *name = g_path_get_basename (path);

  if (strstr (message, name) != NULL)
    return g_strdup (message);
  return g_strdup_printf ("%s: %s", name, message);
}

static void
set_busy (EvkWindow *self,
          gboolean   busy)
{
  self->review_busy = busy;
  _evk_window_update_actions (self);
}

/* What the worker needs: the home project's path (it opens a connection of
 * its own; the window's stays with the main thread), and the files. */
typedef struct {
  char      *project_path;
  char      *out_path;
  char      *reviewer;
  GStrv      copies;
  guint      n_merged;
  guint      n_copies_merged;
  GPtrArray *errors;     /* "FILE: message" per copy refused */
} ReviewTask;

static void
review_task_free (ReviewTask *task)
{
  g_free (task->project_path);
  g_free (task->out_path);
  g_free (task->reviewer);
  g_strfreev (task->copies);
  g_clear_pointer (&task->errors, g_ptr_array_unref);
  g_free (task);
}

/* ---- Make a review copy --------------------------------------------------- */

static void
make_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReviewTask *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_open_read_only (data->project_path, &error);

  if (project == NULL ||
      !evk_review_copy_write (evk_project_get_store (project), data->out_path, data->reviewer, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
make_copy_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  EvkWindow *self = EVK_WINDOW (source);
  ReviewTask *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (data->out_path);

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *body = naming_file (data->out_path, error->message);

      show_error (self, _("The Review Copy Was Not Made"), body);
      return;
    }
  {
    /* Translators: %s is the file the review copy was written to */
    g_autofree char *message = g_strdup_printf (_("Review copy written to “%s”"), name);

    _evk_window_toast (self, message);
  }
}

void
_evk_window_start_review_copy (EvkWindow  *self,
                               const char *path,
                               const char *reviewer)
{
  g_autoptr(GTask) task = NULL;
  ReviewTask *data;

  g_return_if_fail (self->project != NULL && !self->review_busy);

  data = g_new0 (ReviewTask, 1);
  data->project_path = g_strdup (evk_project_get_path (self->project));
  data->reviewer = reviewer != NULL && reviewer[0] != '\0' ? g_strdup (reviewer) : NULL;
  data->out_path = g_str_has_suffix (path, ".evalkit") ? g_strdup (path) : g_strconcat (path, ".evalkit", NULL);
  task = g_task_new (self, NULL, make_copy_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) review_task_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, make_copy_thread);
}

static void
make_copy_file_chosen (GtkNativeDialog *dialog,
                       int              response,
                       EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL && !self->review_busy)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        _evk_window_toast (self, _("Only local files can be written"));
      else
        _evk_window_start_review_copy (self, path, g_object_get_data (G_OBJECT (dialog), "reviewer"));
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
reviewer_chosen (AdwMessageDialog *dialog,
                 const char       *response,
                 EvkWindow        *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reviewer = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *base = NULL, *name = NULL;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "choose") || self->project == NULL)
    return;
  base = g_path_get_basename (evk_project_get_path (self->project));
  if (g_str_has_suffix (base, ".evalkit"))
    base[strlen (base) - strlen (".evalkit")] = '\0';
  name = reviewer[0] != '\0'
    /* Translators: the suggested name of a review copy: the project's name, the reviewer's */
    ? g_strdup_printf (_("%s (review copy for %s).evalkit"), base, reviewer)
    /* Translators: the suggested name of a review copy; %s is the project's name */
    : g_strdup_printf (_("%s (review copy).evalkit"), base);

  chooser = gtk_file_chooser_native_new (_("Save the Review Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_project_filter (GTK_FILE_CHOOSER (chooser));
  g_object_set_data_full (G_OBJECT (chooser), "reviewer", g_steal_pointer (&reviewer), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (make_copy_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The reviewer's name first: it goes into the copy, and each comment made
 * in it carries it. */
static void
make_review_copy_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  GtkWidget *dialog, *entry;

  if (self->project == NULL)
    return;
  /* Text being typed belongs in the copy too. */
  if (self->page_widget != NULL && EVK_IS_MEASURE_PAGE (self->page_widget))
    evk_narrative_editor_flush (evk_measure_page_get_narrative (EVK_MEASURE_PAGE (self->page_widget)));
  else if (self->page_widget != NULL && EVK_IS_REPORT_PAGE (self->page_widget))
    evk_report_page_flush (EVK_REPORT_PAGE (self->page_widget));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Make a Review Copy"),
                                   _("A review copy holds the strategy, the texts, the charts and the tables they "
                                     "draw, with small cells suppressed, but no respondent’s answers. The reviewer "
                                     "opens it in Evalkit, comments, and sends it back to be merged."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reviewer’s name (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reviewer’s name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (reviewer_chosen), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Merge review copies --------------------------------------------------- */

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ReviewTask *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_open (data->project_path, &error);

  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Each copy by itself: one refused leaves the others merged. */
  for (guint i = 0; data->copies[i] != NULL; i++)
    {
      guint n_added = 0;

      if (!evk_review_merge (evk_project_get_store (project), data->copies[i], &n_added, &error))
        {
          g_ptr_array_add (data->errors, naming_file (data->copies[i], error->message));
          g_clear_error (&error);
          continue;
        }
      data->n_merged += n_added;
      data->n_copies_merged++;
    }
  g_task_return_boolean (task, TRUE);
}

static void
merge_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  EvkWindow *self = EVK_WINDOW (source);
  ReviewTask *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *body = naming_file (data->project_path, error->message);

      show_error (self, _("No Comments Were Merged"), body);
      return;
    }
  /* Written on another connection: the window reads the comments again. */
  if (self->project != NULL)
    _evk_window_check_external (self);
  if (data->n_copies_merged > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new comment merged", "%u new comments merged",
                                      data->n_merged), data->n_merged);

      _evk_window_toast (self, message);
    }
  if (data->errors->len > 0)
    {
      guint n_errors = data->errors->len;
      g_autofree char *body = NULL;

      g_ptr_array_add (data->errors, NULL);
      body = g_strjoinv ("\n\n", (GStrv) data->errors->pdata);
      show_error (self, g_dngettext (GETTEXT_PACKAGE, "A Review Copy Was Not Merged",
                                     "Review Copies Were Not Merged", n_errors), body);
    }
}

void
_evk_window_start_merge (EvkWindow          *self,
                         const char * const *paths)
{
  g_autoptr(GTask) task = NULL;
  ReviewTask *data;

  g_return_if_fail (self->project != NULL && !self->review_busy);

  /* Text being typed is saved before the project changes under it. */
  if (self->page_widget != NULL && EVK_IS_MEASURE_PAGE (self->page_widget))
    evk_narrative_editor_flush (evk_measure_page_get_narrative (EVK_MEASURE_PAGE (self->page_widget)));
  data = g_new0 (ReviewTask, 1);
  data->project_path = g_strdup (evk_project_get_path (self->project));
  data->copies = g_strdupv ((GStrv) paths);
  data->errors = g_ptr_array_new_with_free_func (g_free);
  task = g_task_new (self, NULL, merge_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) review_task_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, merge_thread);
}

static void
merge_files_chosen (GtkNativeDialog *dialog,
                    int              response,
                    EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL && !self->review_busy)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      if (paths[0] != NULL)
        _evk_window_start_merge (self, (const char * const *) paths);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
merge_review_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->project == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Merge Review Copies"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_project_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (merge_files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Import comments from an annotated draft PDF ------------------------- */

typedef struct {
  char         *project_path;
  char         *pdf_path;
  EvkPdfImport  result;
} PdfTask;

static void
pdf_task_free (PdfTask *task)
{
  g_free (task->project_path);
  g_free (task->pdf_path);
  evk_pdf_import_clear (&task->result);
  g_free (task);
}

static void
import_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PdfTask *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_open (data->project_path, &error);

  if (project == NULL || !evk_pdf_comments_import (project, data->pdf_path, &data->result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* What the command line says, for a toast: "3 comments imported from the
 * draft, 1 on no chart or text: kept on page 12". */
static char *
pdf_summary (PdfTask *data)
{
  EvkPdfImport *result = &data->result;
  GString *out;

  if (result->n_annotations == 0)
    {
      g_autofree char *name = g_path_get_basename (data->pdf_path);

      return g_strdup_printf (_("“%s” has no comments to import"), name);
    }
  out = g_string_new (NULL);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u comment imported from the draft",
                                            "%u comments imported from the draft",
                                            result->n_imported),
                          result->n_imported);
  if (result->n_without_place > 0)
    {
      g_autoptr(GString) pages = g_string_new (NULL);
      guint n_pages = result->pages_without_place->len;

      for (guint i = 0; i < n_pages; i++)
        g_string_append_printf (pages, "%s%u", i > 0 ? ", " : "",
                                g_array_index (result->pages_without_place, guint, i));
      g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u on no chart or text", "%u on no chart or text",
                                                result->n_without_place),
                              result->n_without_place);
      g_string_append (out, ": ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "kept on page %s", "kept on pages %s",
                                                n_pages),
                              pages->str);
    }
  if (result->n_known > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "(%u known already)", "(%u known already)",
                                                result->n_known),
                              result->n_known);
    }
  return g_string_free (out, FALSE);
}

static void
import_pdf_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EvkWindow *self = EVK_WINDOW (source);
  PdfTask *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *body = naming_file (data->pdf_path, error->message);

      show_error (self, _("No Comments Were Imported"), body);
      return;
    }
  /* Written on another connection: the window reads the comments again. */
  if (self->project != NULL)
    _evk_window_check_external (self);
  message = pdf_summary (data);
  _evk_window_toast (self, message);
}

void
_evk_window_start_pdf_import (EvkWindow  *self,
                              const char *path)
{
  g_autoptr(GTask) task = NULL;
  PdfTask *data;

  g_return_if_fail (self->project != NULL && !self->review_busy);

  data = g_new0 (PdfTask, 1);
  data->project_path = g_strdup (evk_project_get_path (self->project));
  data->pdf_path = g_strdup (path);
  task = g_task_new (self, NULL, import_pdf_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) pdf_task_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, import_pdf_thread);
}

static void
pdf_chosen (GtkNativeDialog *dialog,
            int              response,
            EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL && !self->review_busy)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        _evk_window_toast (self, _("Only local files can be imported"));
      else
        _evk_window_start_pdf_import (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_pdf_comments_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->project == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Comments from a Draft PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_pattern (filter, "*.PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_evk_window_class_add_review_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-place", "s", show_place_activated);
  gtk_widget_class_install_action (widget_class, "win.show-translation", "(ss)", show_translation_activated);
  gtk_widget_class_install_action (widget_class, "project.make-review-copy", NULL, make_review_copy_activated);
  gtk_widget_class_install_action (widget_class, "project.merge-review", NULL, merge_review_activated);
  gtk_widget_class_install_action (widget_class, "project.import-pdf-comments", NULL, import_pdf_comments_activated);
}
