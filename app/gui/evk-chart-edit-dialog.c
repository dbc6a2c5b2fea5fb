/* evk-chart-edit-dialog.c: a saved chart's weighting, and its caption and alt text in every language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evk-chart-edit-dialog.h"
#include "evk-charts.h"
#include "evk-localized.h"

struct _EvkChartEditDialog
{
  AdwWindow        parent_instance;

  EvkProject      *project;
  char            *key;
  GStrv            langs;          /* source first */
  GPtrArray       *caption_rows;   /* AdwEntryRow per language */
  GPtrArray       *alt_views;      /* GtkTextView per language */
  /* The weightings offered, in the row's order: NULL (none) first, then
   * the grammar's "variable" and "population:VAR". */
  GPtrArray       *weightings;
  guint            weighting_was;  /* the chart's, as an index */
  AdwComboRow     *weighting_row;  /* NULL when nothing can be offered */

  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkWidget       *page;
};

G_DEFINE_FINAL_TYPE (EvkChartEditDialog, evk_chart_edit_dialog, ADW_TYPE_WINDOW)

static int
lang_index (EvkChartEditDialog *self,
            const char         *lang)
{
  for (guint i = 0; self->langs != NULL && self->langs[i] != NULL; i++)
    if (g_str_equal (self->langs[i], lang))
      return i;
  return -1;
}

char *
evk_chart_edit_dialog_get_caption (EvkChartEditDialog *self,
                                   const char         *lang)
{
  int i = lang_index (self, lang);

  g_return_val_if_fail (EVK_IS_CHART_EDIT_DIALOG (self), NULL);
  if (i < 0)
    return NULL;
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->caption_rows, i))));
}

char *
evk_chart_edit_dialog_get_alt_text (EvkChartEditDialog *self,
                                    const char         *lang)
{
  int i = lang_index (self, lang);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (EVK_IS_CHART_EDIT_DIALOG (self), NULL);
  if (i < 0)
    return NULL;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (g_ptr_array_index (self->alt_views, i)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
evk_chart_edit_dialog_set_caption (EvkChartEditDialog *self,
                                   const char         *lang,
                                   const char         *text)
{
  int i = lang_index (self, lang);

  g_return_if_fail (EVK_IS_CHART_EDIT_DIALOG (self));
  g_return_if_fail (i >= 0);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->caption_rows, i)), text != NULL ? text : "");
}

void
evk_chart_edit_dialog_set_alt_text (EvkChartEditDialog *self,
                                    const char         *lang,
                                    const char         *text)
{
  int i = lang_index (self, lang);

  g_return_if_fail (EVK_IS_CHART_EDIT_DIALOG (self));
  g_return_if_fail (i >= 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (g_ptr_array_index (self->alt_views, i))),
                            text != NULL ? text : "", -1);
}

const char *
evk_chart_edit_dialog_get_key (EvkChartEditDialog *self)
{
  return self->key;
}

GtkWidget *
evk_chart_edit_dialog_get_weighting_row (EvkChartEditDialog *self)
{
  g_return_val_if_fail (EVK_IS_CHART_EDIT_DIALOG (self), NULL);

  return self->weighting_row != NULL ? GTK_WIDGET (self->weighting_row) : NULL;
}

const char *
evk_chart_edit_dialog_get_weighting (EvkChartEditDialog *self)
{
  guint i;

  g_return_val_if_fail (EVK_IS_CHART_EDIT_DIALOG (self), NULL);

  if (self->weighting_row == NULL)
    return NULL;
  i = adw_combo_row_get_selected (self->weighting_row);
  return i < self->weightings->len ? g_ptr_array_index (self->weightings, i) : NULL;
}

/* The weighting first: it is what may be refused (its table computed
 * anew), and then nothing is saved. */
static gboolean
save_weighting (EvkChartEditDialog  *self,
                GError             **error)
{
  if (self->weighting_row == NULL || adw_combo_row_get_selected (self->weighting_row) == self->weighting_was)
    return TRUE;
  return evk_project_set_chart_weighting (self->project, self->key, evk_chart_edit_dialog_get_weighting (self),
                                          error);
}

gboolean
evk_chart_edit_dialog_save (EvkChartEditDialog  *self,
                            GError             **error)
{
  g_autoptr(GHashTable) caption = evk_localized_new ();
  g_autoptr(GHashTable) alt_text = evk_localized_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EVK_IS_CHART_EDIT_DIALOG (self), FALSE);

  for (guint i = 0; self->langs[i] != NULL; i++)
    {
      g_autofree char *cap = evk_chart_edit_dialog_get_caption (self, self->langs[i]);
      g_autofree char *alt = evk_chart_edit_dialog_get_alt_text (self, self->langs[i]);

      evk_localized_set (caption, self->langs[i], g_strstrip (cap));
      evk_localized_set (alt_text, self->langs[i], g_strstrip (alt));
    }
  if (!save_weighting (self, &local_error) ||
      !evk_project_edit_chart (self->project, self->key, caption, alt_text, -1, -1, &local_error))
    {
      AdwToast *toast = adw_toast_new (local_error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
evk_chart_edit_dialog_cancel (EvkChartEditDialog *self)
{
  g_return_if_fail (EVK_IS_CHART_EDIT_DIALOG (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  /* The error is shown in the dialog, which stays open. */
  evk_chart_edit_dialog_save (EVK_CHART_EDIT_DIALOG (widget), NULL);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  evk_chart_edit_dialog_cancel (EVK_CHART_EDIT_DIALOG (widget));
}

static void
evk_chart_edit_dialog_dispose (GObject *object)
{
  EvkChartEditDialog *self = EVK_CHART_EDIT_DIALOG (object);

  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_CHART_EDIT_DIALOG);
  G_OBJECT_CLASS (evk_chart_edit_dialog_parent_class)->dispose (object);
}

static void
evk_chart_edit_dialog_finalize (GObject *object)
{
  EvkChartEditDialog *self = EVK_CHART_EDIT_DIALOG (object);

  g_free (self->key);
  g_strfreev (self->langs);
  g_clear_pointer (&self->caption_rows, g_ptr_array_unref);
  g_clear_pointer (&self->alt_views, g_ptr_array_unref);
  g_clear_pointer (&self->weightings, g_ptr_array_unref);
  G_OBJECT_CLASS (evk_chart_edit_dialog_parent_class)->finalize (object);
}

static void
evk_chart_edit_dialog_class_init (EvkChartEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_chart_edit_dialog_dispose;
  object_class->finalize = evk_chart_edit_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "chart-edit.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "chart-edit.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "chart-edit.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "chart-edit.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-chart-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkChartEditDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvkChartEditDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvkChartEditDialog, page);
}

static void
evk_chart_edit_dialog_init (EvkChartEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->caption_rows = g_ptr_array_new ();
  self->alt_views = g_ptr_array_new ();
  self->weightings = g_ptr_array_new_with_free_func (g_free);
}

/* What a weighting is called in the window. */
static char *
weighting_title (const char *weighting)
{
  if (weighting == NULL)
    /* Translators: a chart's weighting: its shares are of respondents as they are */
    return g_strdup (_("None"));
  if (g_str_equal (weighting, "variable"))
    return g_strdup (_("The survey’s weight variable"));
  if (g_str_has_prefix (weighting, "population:"))
    /* Translators: %s is a variable name, e.g. "reg_icnpo" */
    return g_strdup_printf (_("Population shares of %s"), weighting + strlen ("population:"));
  return g_strdup (weighting);
}

/* A "Weighting" row, where the chart counts survey answers and its survey
 * has a weight variable or population shares: the choice the report and
 * every export then follow. */
static void
add_weighting (EvkChartEditDialog *self,
               EvkSavedChart      *chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = evk_project_chart_weightings (self->project, chart, &error);
  g_autofree char *current = evk_saved_chart_get_weighting (chart);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *group, *row;

  if (choices == NULL)
    {
      /* The caption can still be edited; the weighting stays as it is. */
      g_warning ("Could not read the weightings of chart %s: %s", chart->key, error->message);
      return;
    }
  if (choices->len == 0)
    return;
  g_ptr_array_add (self->weightings, NULL);
  for (guint i = 0; i < choices->len; i++)
    g_ptr_array_add (self->weightings, g_strdup (g_ptr_array_index (choices, i)));
  self->weighting_was = G_MAXUINT;
  for (guint i = 0; i < self->weightings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->weightings, i), current) == 0)
      self->weighting_was = i;
  /* A weighting the survey no longer offers stays chosen until changed. */
  if (self->weighting_was == G_MAXUINT)
    {
      self->weighting_was = self->weightings->len;
      g_ptr_array_add (self->weightings, g_strdup (current));
    }
  for (guint i = 0; i < self->weightings->len; i++)
    {
      g_autofree char *title = weighting_title (g_ptr_array_index (self->weightings, i));

      gtk_string_list_append (titles, title);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Numbers"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Weighted shares are shown, with the unweighted number of respondents"));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Weighting"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (titles));
  /* A variable's name is long: the choice reads in full under the title. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), self->weighting_was);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  self->weighting_row = ADW_COMBO_ROW (row);
}

static void
add_language (EvkChartEditDialog *self,
              const char         *lang,
              gboolean            source,
              EvkSavedChart      *chart)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *label, *scrolled, *view;
  g_autofree char *title = g_strdup_printf (_("Language “%s”"), lang);
  /* Translators: the accessible name of a caption field, e.g. "Caption (nb)" */
  g_autofree char *caption_name = g_strdup_printf (_("Caption (%s)"), lang);
  /* Translators: the accessible name of an alt-text field, e.g. "Alt text (nb)" */
  g_autofree char *alt_name = g_strdup_printf (_("Alt text (%s)"), lang);
  const char *caption = chart->caption != NULL ? evk_localized_get (chart->caption, lang) : NULL;
  const char *alt = chart->alt_text != NULL ? evk_localized_get (chart->alt_text, lang) : NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (source)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The source language"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Caption"));
  gtk_editable_set_text (GTK_EDITABLE (row), caption != NULL ? caption : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, caption_name, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->caption_rows, row);

  label = gtk_label_new (_("Alt text"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "caption-heading");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), alt != NULL ? alt : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, alt_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("What the chart shows, for readers who cannot see it"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (view, "alt-text");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scrolled);
  g_ptr_array_add (self->alt_views, view);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
}

EvkChartEditDialog *
evk_chart_edit_dialog_new (GtkWindow   *parent,
                           EvkProject  *project,
                           const char  *key,
                           GError     **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_auto(GStrv) langs = NULL;
  EvkChartEditDialog *self;
  EvkSavedChart *chart;

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((charts = evk_project_list_charts (project, error)) == NULL ||
      (langs = evk_project_get_languages (project, error)) == NULL)
    return NULL;
  if ((chart = evk_project_find_chart (charts, key)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The chart “%s” no longer exists"), key);
      return NULL;
    }

  self = g_object_new (EVK_TYPE_CHART_EDIT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->key = g_strdup (key);
  self->langs = g_steal_pointer (&langs);
  adw_window_title_set_subtitle (self->window_title, key);
  add_weighting (self, chart);
  for (guint i = 0; self->langs[i] != NULL; i++)
    add_language (self, self->langs[i], i == 0, chart);
  return self;
}
