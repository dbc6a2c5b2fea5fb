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
#include "evk-report-outline.h"
#include "evk-report-page.h"
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

static void
show_place_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _evk_window_show_place (EVK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_evk_window_class_add_review_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-place", "s", show_place_activated);
}
