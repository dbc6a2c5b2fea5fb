/* evk-chart-card-actions.c: a chart card's menu, and the actions on its saved chart
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "evk-chart-card-private.h"
#include "evk-chart-edit-dialog.h"
#include "evk-comment-button.h"
#include "evk-window-private.h"

void
_evk_chart_card_update_actions (EvkChartCard *self)
{
  /* A review copy's charts are commented on, not edited. */
  gboolean saved = self->chart_key != NULL &&
                   (self->workspace == NULL || !evk_workspace_is_read_only (self->workspace));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.in-report", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.edit-text", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.move-up", saved && self->can_move_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.move-down", saved && self->can_move_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.remove", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.duplicate", saved);
}

/* The caption and the report state, in the content language. */
void
_evk_chart_card_update_saved (EvkChartCard *self)
{
  const char *caption = self->caption != NULL ? evk_workspace_tr (self->workspace, self->caption) : "";
  gboolean excluded = self->chart_key != NULL && !self->in_report;

  gtk_label_set_text (GTK_LABEL (self->caption_label), caption);
  gtk_widget_set_visible (self->caption_label, self->chart_key != NULL && caption[0] != '\0');
  gtk_widget_set_visible (self->report_label, excluded);
  if (excluded)
    gtk_widget_add_css_class (self->caption_label, "dim-label");
  else
    gtk_widget_remove_css_class (self->caption_label, "dim-label");
}

/* A saved chart is a place to comment on: its button sits in the header,
 * before the menu. */
static void
update_comment_button (EvkChartCard *self)
{
  g_autofree char *place = self->chart_key != NULL ? g_strdup_printf ("chart:%s", self->chart_key)
                                                   : g_strdup (self->comment_place);

  if (place == NULL)
    {
      if (self->comment_button != NULL)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->comment_button)), self->comment_button);
      self->comment_button = NULL;
      return;
    }
  if (self->comment_button == NULL)
    {
      GtkWidget *header = gtk_widget_get_parent (self->menu_button);

      self->comment_button = evk_comment_button_new (self->workspace, place);
      gtk_box_insert_child_after (GTK_BOX (header), self->comment_button,
                                  gtk_widget_get_prev_sibling (self->menu_button));
    }
  else
    evk_comment_button_set_place (EVK_COMMENT_BUTTON (self->comment_button), place);
}

void
evk_chart_card_set_saved_chart (EvkChartCard        *self,
                                const EvkSavedChart *chart,
                                gboolean             can_move_up,
                                gboolean             can_move_down)
{
  gboolean was_saved;

  g_return_if_fail (EVK_IS_CHART_CARD (self));

  was_saved = self->chart_key != NULL;
  g_clear_pointer (&self->chart_key, g_free);
  g_clear_pointer (&self->chart_goal, g_free);
  g_clear_pointer (&self->caption, g_hash_table_unref);
  if (chart != NULL)
    {
      self->chart_key = g_strdup (chart->key);
      self->chart_measure = chart->measure;
      self->chart_goal = g_strdup (chart->goal);
      if (chart->caption != NULL)
        self->caption = g_hash_table_ref (chart->caption);
    }
  self->can_move_up = chart != NULL && can_move_up;
  self->can_move_down = chart != NULL && can_move_down;
  if (was_saved != (chart != NULL))
    {
      g_autoptr(GMenuModel) menu = _evk_chart_card_build_menu (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "has-base")),
                                               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "has-groups")),
                                               chart != NULL);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
    }
  if (self->in_report != (chart == NULL || chart->in_report))
    {
      self->in_report = chart == NULL || chart->in_report;
      _evk_chart_card_notify_in_report (self);
    }
  update_comment_button (self);
  _evk_chart_card_update_saved (self);
  _evk_chart_card_update_actions (self);
}

void
evk_chart_card_set_comment_place (EvkChartCard *self,
                                  const char   *place)
{
  g_return_if_fail (EVK_IS_CHART_CARD (self));

  g_free (self->comment_place);
  self->comment_place = g_strdup (place);
  update_comment_button (self);
}

GtkWidget *
evk_chart_card_get_comment_button (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), NULL);
  return self->comment_button;
}

const char *
evk_chart_card_get_chart_key (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), NULL);
  return self->chart_key;
}

gboolean
evk_chart_card_get_in_report (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), TRUE);
  return self->in_report;
}

gboolean
evk_chart_card_shows_not_in_report (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), FALSE);
  return gtk_widget_get_visible (self->report_label);
}

const char *
evk_chart_card_get_caption (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->caption_label));
}

static EvkProject *
project_of (EvkChartCard *self)
{
  return evk_workspace_get_project (self->workspace);
}

void
evk_chart_card_set_in_report (EvkChartCard *self,
                              gboolean      in_report)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EVK_IS_CHART_CARD (self));

  in_report = !!in_report;
  if (self->chart_key == NULL || self->in_report == in_report)
    return;
  /* The page rebinds every card when the project says its charts changed;
   * the card may be moved meanwhile, so it stays alive through the edit. */
  g_object_ref (self);
  if (!evk_project_edit_chart (project_of (self), self->chart_key, NULL, NULL, in_report, -1, &error))
    _evk_chart_card_toast (self, error->message);
  else if (self->in_report != in_report)
    {
      self->in_report = in_report;
      _evk_chart_card_update_saved (self);
    }
  /* On failure this puts the menu's check mark back. */
  _evk_chart_card_notify_in_report (self);
  g_object_unref (self);
}

EvkChartEditDialog *
evk_chart_card_edit_text (EvkChartCard *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  EvkChartEditDialog *dialog;

  g_return_val_if_fail (EVK_IS_CHART_CARD (self), NULL);

  if (self->chart_key == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = evk_chart_edit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, project_of (self),
                                      self->chart_key, &error);
  if (dialog == NULL)
    {
      _evk_chart_card_toast (self, error->message);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
edit_text_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  evk_chart_card_edit_text (EVK_CHART_CARD (widget));
}

/* Charts keep one order across the project; a card moves among the charts
 * of its own page (same measure, same goal) by taking its neighbour's
 * place there. */
gboolean
evk_chart_card_move (EvkChartCard  *self,
                     int            direction,
                     GError       **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  gboolean ok;
  int own = -1, target = -1;

  g_return_val_if_fail (EVK_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (self->chart_key != NULL, FALSE);

  if ((charts = evk_project_list_charts (project_of (self), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (((EvkSavedChart *) g_ptr_array_index (charts, i))->key, self->chart_key))
      own = i;
  if (own < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The chart “%s” no longer exists"), self->chart_key);
      return FALSE;
    }
  for (int i = own + (direction < 0 ? -1 : 1); i >= 0 && i < (int) charts->len && target < 0; i += direction < 0 ? -1 : 1)
    {
      EvkSavedChart *other = g_ptr_array_index (charts, i);

      if (other->measure == self->chart_measure && g_strcmp0 (other->goal, self->chart_goal) == 0)
        target = i;
    }
  if (target < 0)
    return TRUE;
  /* The position counts the charts without this one: the neighbour's index
   * puts this one before it (up), and after it (down). */
  g_object_ref (self);
  ok = evk_project_edit_chart (project_of (self), self->chart_key, NULL, NULL, -1, target, error);
  g_object_unref (self);
  return ok;
}

/* The charts of the card's page (same measure, same goal) keep one order
 * across the project: the card takes target's place, as Move Up and Move
 * Down take a neighbour's. */
gboolean
evk_chart_card_move_to (EvkChartCard  *self,
                        EvkChartCard  *target,
                        GError       **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  gboolean ok;
  int own = -1, place = -1;

  g_return_val_if_fail (EVK_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (EVK_IS_CHART_CARD (target), FALSE);

  if (self == target || g_strcmp0 (self->chart_key, target->chart_key) == 0)
    return TRUE;
  if (self->chart_key == NULL || target->chart_key == NULL ||
      self->chart_measure != target->chart_measure || g_strcmp0 (self->chart_goal, target->chart_goal) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A chart moves only among the charts of its page"));
      return FALSE;
    }
  if ((charts = evk_project_list_charts (project_of (self), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < charts->len; i++)
    {
      const char *key = ((EvkSavedChart *) g_ptr_array_index (charts, i))->key;

      if (g_str_equal (key, self->chart_key))
        own = i;
      else if (g_str_equal (key, target->chart_key))
        place = i;
    }
  if (own < 0 || place < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The chart “%s” no longer exists"),
                   own < 0 ? self->chart_key : target->chart_key);
      return FALSE;
    }
  /* The position counts the charts without this one: the target's index
   * puts this one before it (dragged up) or after it (dragged down). */
  g_object_ref (self);
  ok = evk_project_edit_chart (project_of (self), self->chart_key, NULL, NULL, -1, place, error);
  g_object_unref (self);
  return ok;
}

/* A saved chart's card is dragged by its header onto another card of its
 * page; the value is the card itself, which only this window takes. */
static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              EvkChartCard  *self)
{
  g_autoptr(GdkPaintable) icon = NULL;

  if (self->chart_key == NULL || self->workspace == NULL || evk_workspace_is_read_only (self->workspace))
    return NULL;
  icon = gtk_widget_paintable_new (GTK_WIDGET (self));
  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (EVK_TYPE_CHART_CARD, self);
}

static gboolean
drop_accept (GtkDropTarget *target,
             GdkDrop       *drop,
             EvkChartCard  *self)
{
  return self->chart_key != NULL && self->workspace != NULL && !evk_workspace_is_read_only (self->workspace) &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), EVK_TYPE_CHART_CARD);
}

static gboolean
drop_card (GtkDropTarget *target,
           const GValue  *value,
           double         x,
           double         y,
           EvkChartCard  *self)
{
  g_autoptr(GError) error = NULL;
  EvkChartCard *dragged;

  if (!G_VALUE_HOLDS (value, EVK_TYPE_CHART_CARD) || (dragged = g_value_get_object (value)) == NULL)
    return FALSE;
  if (!evk_chart_card_move_to (dragged, self, &error))
    {
      _evk_chart_card_toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

void
_evk_chart_card_setup_drag (EvkChartCard *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (EVK_TYPE_CHART_CARD, GDK_ACTION_MOVE);
  GtkWidget *header = gtk_widget_get_parent (self->title_label);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare), self, 0);
  /* The header, not the chart: a press on the chart selects its legend. */
  gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "accept", G_CALLBACK (drop_accept), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_card), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  g_autoptr(GError) error = NULL;

  if (!evk_chart_card_move (self, g_str_equal (action_name, "chart.move-up") ? -1 : 1, &error))
    _evk_chart_card_toast (self, error->message);
}

static void
remove_response (AdwMessageDialog *dialog,
                 const char       *response,
                 EvkChartCard     *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup (self->chart_key);

  if (g_str_equal (response, "remove") && key != NULL)
    {
      /* The page drops the card while the project changes. */
      if (overlay != NULL)
        g_object_ref (overlay);
      /* In the window the removal is an edit that Undo takes back. */
      if (EVK_IS_WINDOW (root))
        {
          if (!_evk_window_remove_chart (EVK_WINDOW (root), key, &error))
            _evk_window_toast (EVK_WINDOW (root), error->message);
        }
      else if (!evk_project_remove_chart (project_of (self), key, &error))
        _evk_chart_card_toast (self, error->message);
      else if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Chart removed")));
      g_clear_object (&overlay);
    }
  g_object_unref (self);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *key = g_strdup (self->chart_key);

  if (key == NULL || !EVK_IS_WINDOW (root))
    return;
  if ((copy = _evk_window_duplicate_chart (EVK_WINDOW (root), key, &error)) == NULL)
    _evk_window_toast (EVK_WINDOW (root), error->message);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name = gtk_label_get_text (GTK_LABEL (self->caption_label));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->chart_key == NULL)
    return;
  if (name[0] == '\0')
    name = self->chart_key;
  body = g_strdup_printf (_("“%s” leaves this page and the report, with its caption and alt text."), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Remove Chart?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The view section, the saved chart's section when there is one, then
 * export and copy; a card without a survey query has no base to change
 * and no groups to compare. */
GMenuModel *
_evk_chart_card_build_menu (gboolean has_base,
                            gboolean has_groups,
                            gboolean saved)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) view = g_menu_new ();
  g_autoptr(GMenu) report = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();

  if (has_base)
    g_menu_append (view, _("Include “Don’t Know”"), "chart.dont-know");
  if (has_groups)
    g_menu_append (view, _("Co_mpare With Another Group"), "chart.comparing");
  g_menu_append (view, _("Show as _Table"), "chart.show-table");
  g_menu_append (export, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (export, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (export, _("Export as P_DF…"), "chart.export::pdf");
  g_menu_append (export, _("Export Table as _CSV…"), "chart.export::csv");
  g_menu_append (export, _("Export Table as _XLSX…"), "chart.export::xlsx");
  g_menu_append (copy, _("_Copy Image"), "chart.copy-image");
  g_menu_append (copy, _("Copy T_able"), "chart.copy-table");
  g_menu_append (report, _("_Edit Chart…"), "chart.edit-text");
  g_menu_append (report, _("_Include in Report"), "chart.in-report");
  g_menu_append (report, _("Move _Up"), "chart.move-up");
  g_menu_append (report, _("Move Do_wn"), "chart.move-down");
  g_menu_append (report, _("_Duplicate"), "chart.duplicate");
  g_menu_append (report, _("_Remove Chart…"), "chart.remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  if (saved)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (report));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  return G_MENU_MODEL (menu);
}

void
_evk_chart_card_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "chart.dont-know", "dont-know");
  gtk_widget_class_install_property_action (widget_class, "chart.comparing", "comparing");
  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_property_action (widget_class, "chart.in-report", "in-report");
  gtk_widget_class_install_action (widget_class, "chart.edit-text", NULL, edit_text_activated);
  gtk_widget_class_install_action (widget_class, "chart.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "chart.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "chart.remove", NULL, remove_activated);
  gtk_widget_class_install_action (widget_class, "chart.duplicate", NULL, duplicate_activated);
}
