/* evk-window-sidebar.c: the window's sidebar: overview, goals and measures, data
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-page.h"
#include "evk-window-private.h"

static GtkWidget *
simple_row (const char *page,
            const char *icon,
            const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "page", g_strdup (page), g_free);
  return row;
}

/* With the number of open comments at its end. */
static GtkWidget *
comments_row (EvkWindow *self)
{
  GtkWidget *row = simple_row ("comments", "chat-message-new-symbolic", _("Comments"));
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  gtk_widget_set_hexpand (gtk_widget_get_last_child (box), TRUE);
  self->comments_count = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->comments_count, "sidebar-count");
  gtk_widget_set_valign (self->comments_count, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->comments_count);
  _evk_window_update_review (self);
  return row;
}

static GtkWidget *
heading_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "sidebar-heading");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
goal_row (EvkWindow *self,
          EvkGoal   *goal)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (evk_workspace_tr (self->workspace, goal->title));
  g_autofree char *page = g_strdup_printf ("goal:%s", goal->key);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "goal-header");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  evk_workspace_tr (self->workspace, goal->title), -1);
  g_object_set_data_full (G_OBJECT (row), "page", g_steal_pointer (&page), g_free);
  return row;
}

/* The title column's width when the sidebar is at its narrowest (its
 * width request of 300 px, Adwaita's row padding), less a margin for
 * other themes: a title as wide as this or less is one line at any width. */
#define ONE_LINE_TITLE_PX 220

/* Number, title and status badge; the test reads the badge as the last
 * label of the text column. The title is a GtkInscription, made for text
 * in list rows: it takes the lines it is given whatever the text. A
 * wrapping GtkLabel here had GTK 4.8 lay each title out dozens of times at
 * trial widths before the first frame (a fifth of the launch). One
 * unwrapped layout decides between one line and two. */
static GtkWidget *
measure_row (EvkWindow  *self,
             EvkMeasure *measure)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *number = g_strdup_printf ("%u", measure->number);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *title_label = gtk_inscription_new (evk_workspace_tr (self->workspace, measure->title));
  EvkTerm *status = evk_strategy_find_term (strategy, EVK_VOCAB_STATUS, measure->status);
  GtkWidget *badge = evk_status_badge_new (self->workspace, measure->status);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (number_label, "measure-number");
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (title_label, evk_workspace_tr (self->workspace, measure->title));
    int width;
    guint lines;

    pango_layout_get_pixel_size (layout, &width, NULL);
    lines = width <= ONE_LINE_TITLE_PX ? 1 : 2;
    gtk_inscription_set_min_lines (GTK_INSCRIPTION (title_label), lines);
    gtk_inscription_set_nat_lines (GTK_INSCRIPTION (title_label), lines);
  }
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title_label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (title_label), 0);
  gtk_inscription_set_yalign (GTK_INSCRIPTION (title_label), 0);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (text_box), title_label);
  gtk_box_append (GTK_BOX (text_box), badge);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, evk_workspace_tr (self->workspace, measure->title));
  accessible = g_strdup_printf (_("Measure %u: %s, %s"), measure->number,
                                evk_workspace_tr (self->workspace, measure->title),
                                status != NULL ? evk_workspace_tr (self->workspace, status->name) : _("no status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (row), "measure-number", GUINT_TO_POINTER (measure->number));
  g_object_set_data_full (G_OBJECT (row), "page", g_strdup_printf ("measure:%u", measure->number), g_free);
  return row;
}

static void
row_activated (GtkListBox    *box,
               GtkListBoxRow *row,
               EvkWindow     *self)
{
  const char *page = g_object_get_data (G_OBJECT (row), "page");

  if (page == NULL || self->rebuilding)
    return;
  if (g_strcmp0 (page, self->page) != 0)
    _evk_window_show_page (self, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
row_selected (GtkListBox    *box,
              GtkListBoxRow *row,
              EvkWindow     *self)
{
  const char *page = row != NULL ? g_object_get_data (G_OBJECT (row), "page") : NULL;

  /* Keyboard and pointer selection both land here; a rebuild re-selects
   * the current page without building it again. */
  if (page == NULL || self->rebuilding || g_strcmp0 (page, self->page) == 0)
    return;
  _evk_window_show_page (self, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

GtkListBoxRow *
_evk_window_find_row (EvkWindow  *self,
                      const char *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (page != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (child), "page"), page) == 0)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

void
_evk_window_select_page_row (EvkWindow *self)
{
  /* A language's Translations page is the one row's. */
  GtkListBoxRow *row = _evk_window_find_row (self, self->page != NULL && g_str_has_prefix (self->page, "translations:")
                                                   ? "translations" : self->page);

  self->rebuilding = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->sidebar, row);
  else
    gtk_list_box_unselect_all (self->sidebar);
  self->rebuilding = FALSE;
}

void
_evk_window_rebuild_sidebar (EvkWindow *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *child;

  if (!g_object_get_data (G_OBJECT (self->sidebar), "connected"))
    {
      g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (row_selected), self);
      g_signal_connect (self->sidebar, "row-activated", G_CALLBACK (row_activated), self);
      g_object_set_data (G_OBJECT (self->sidebar), "connected", GINT_TO_POINTER (TRUE));
    }

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  gtk_list_box_append (self->sidebar, simple_row ("overview", "view-grid-symbolic", _("Overview")));
  /* A review copy's strategy is the evaluator's to edit. */
  if (!_evk_window_is_read_only (self))
    {
      gtk_list_box_append (self->sidebar, simple_row ("start", "object-select-symbolic", _("Next Steps")));
      gtk_list_box_append (self->sidebar, simple_row ("strategy", "document-edit-symbolic", _("Strategy")));
      gtk_list_box_append (self->sidebar, simple_row ("lists", "view-list-symbolic", _("Lists")));
    }
  gtk_list_box_append (self->sidebar, simple_row ("report", "x-office-document-symbolic", _("Report")));
  gtk_list_box_append (self->sidebar, comments_row (self));
  /* What `evalkit check` finds: the evaluator's to fix, not a reviewer's. */
  if (!_evk_window_is_read_only (self))
    {
      gtk_list_box_append (self->sidebar, simple_row ("problems", "dialog-warning-symbolic", _("Problems")));
      gtk_list_box_append (self->sidebar, simple_row ("translations", "preferences-desktop-locale-symbolic", _("Translations")));
    }
  for (guint g = 0; g < strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, g);

      gtk_list_box_append (self->sidebar, goal_row (self, goal));
      for (guint i = 0; i < strategy->measures->len; i++)
        {
          EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);

          if (g_strcmp0 (measure->goal, goal->key) == 0)
            gtk_list_box_append (self->sidebar, measure_row (self, measure));
        }
    }
  gtk_list_box_append (self->sidebar, heading_row (_("Data")));
  gtk_list_box_append (self->sidebar, simple_row ("offers", "insert-link-symbolic", _("Offers and Questions")));
  gtk_list_box_append (self->sidebar, simple_row ("variables", "x-office-spreadsheet-symbolic", _("Survey Variables")));
  gtk_list_box_append (self->sidebar, simple_row ("groups", "system-users-symbolic", _("Respondent Groups")));
  gtk_list_box_append (self->sidebar, simple_row ("documents", "emblem-documents-symbolic", _("Document Review")));
  self->rebuilding = FALSE;
  _evk_window_select_page_row (self);
}
