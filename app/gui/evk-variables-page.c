/* evk-variables-page.c: the survey's variables, searchable, with frequencies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-variables-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evk-format.h"
#include "evk-page.h"
#include "evk-variables-page.h"

struct _EvkVariablesPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  GtkWidget    *paned;
  GtkWidget    *search;
  GtkWidget    *list;
  GtkWidget    *details;
  EvkChartCard *card;
  char         *filter;
  char         *selected;
};

G_DEFINE_FINAL_TYPE (EvkVariablesPage, evk_variables_page, GTK_TYPE_WIDGET)

static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       user_data)
{
  EvkVariablesPage *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "search-text");

  if (self->filter == NULL || self->filter[0] == '\0')
    return TRUE;
  return haystack != NULL && strstr (haystack, self->filter) != NULL;
}

static void
show_details (EvkVariablesPage *self,
              EvkVariable      *variable)
{
  const char *lang = evk_workspace_get_language (self->workspace);
  GtkWidget *group;

  evk_page_clear_box (self->details);
  self->card = NULL;
  if (variable == NULL)
    return;

  gtk_box_append (GTK_BOX (self->details), evk_page_label_new (variable->name, "dim-label"));
  gtk_box_append (GTK_BOX (self->details), evk_page_label_new (evk_workspace_tr (self->workspace, variable->label), "title-2"));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Value Labels"));
  if (variable->value_labels->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("This variable has no value labels."));
  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *value_label = g_ptr_array_index (variable->value_labels, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *code = value_label->str_value != NULL ? g_strdup (value_label->str_value)
                                                             : evk_format_number (lang, value_label->value, value_label->value == floor (value_label->value) ? 0 : 2);
      const EvkMissing *missing = value_label->str_value == NULL ? evk_variable_find_missing (variable, value_label->value) : NULL;

      g_autofree char *subtitle = missing == NULL ? g_strdup (code)
                                  : missing->kind == EVK_MISSING_DONT_KNOW ? g_strdup_printf (_("%s · missing: don’t know"), code)
                                  : g_strdup_printf (_("%s · missing"), code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evk_workspace_tr (self->workspace, value_label->label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (self->details), group);

  if (variable->type == EVK_VARIABLE_NUMERIC && !variable->personal)
    {
      EvkQuery query = { "frequency", variable->name, "all", TRUE };

      gtk_box_append (GTK_BOX (self->details), evk_page_section_new (_("Frequencies")));
      self->card = evk_chart_card_new (self->workspace, EVK_CHART_DISTRIBUTION, &query);
      gtk_box_append (GTK_BOX (self->details), GTK_WIDGET (self->card));
    }
  else if (variable->personal)
    gtk_box_append (GTK_BOX (self->details),
                    evk_page_label_new (_("Personal data: contact fields and free text stay in the project and are not charted."), "dim-label"));
}

static void
row_selected (GtkListBox       *list,
              GtkListBoxRow    *row,
              EvkVariablesPage *self)
{
  EvkSurvey *survey;
  const char *name = row != NULL ? g_object_get_data (G_OBJECT (row), "variable") : NULL;

  /* The list empties itself while the page is disposed. */
  if (self->workspace == NULL)
    return;
  survey = evk_workspace_get_survey (self->workspace);
  g_free (self->selected);
  self->selected = g_strdup (name);
  show_details (self, survey != NULL && name != NULL ? evk_survey_get_variable (survey, name) : NULL);
}

static void
rebuild (EvkVariablesPage *self)
{
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  GtkWidget *child;
  GtkListBoxRow *to_select = NULL;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (survey == NULL)
    {
      show_details (self, NULL);
      gtk_box_append (GTK_BOX (self->details),
                      evk_page_label_new (_("The project has no survey yet. Import one from the Import menu."), "dim-label"));
      return;
    }
  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);
      GtkWidget *row = adw_action_row_new ();
      const char *label = evk_workspace_tr (self->workspace, variable->label);
      g_autofree char *search = g_utf8_casefold (label, -1);
      g_autofree char *name = g_utf8_casefold (variable->name, -1);
      GString *values = g_string_new (NULL);

      for (guint k = 0; k < variable->value_labels->len; k++)
        g_string_append_printf (values, " %s", evk_workspace_tr (self->workspace,
                                                                 ((EvkValueLabel *) g_ptr_array_index (variable->value_labels, k))->label));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), variable->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      g_object_set_data_full (G_OBJECT (row), "variable", g_strdup (variable->name), g_free);
      {
        g_autofree char *folded_values = g_utf8_casefold (values->str, -1);
        g_object_set_data_full (G_OBJECT (row), "search-text",
                                g_strdup_printf ("%s %s %s", name, search, folded_values), g_free);
      }
      g_string_free (values, TRUE);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      if (to_select == NULL || g_strcmp0 (variable->name, self->selected) == 0)
        to_select = GTK_LIST_BOX_ROW (row);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (self->list), to_select);
}

guint
evk_variables_page_search (EvkVariablesPage *self,
                           const char       *text)
{
  guint n = 0;

  g_free (self->filter);
  self->filter = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list));
  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_matches (GTK_LIST_BOX_ROW (child), self))
      n++;
  return n;
}

static void
search_changed (GtkSearchEntry   *entry,
                EvkVariablesPage *self)
{
  evk_variables_page_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
evk_variables_page_select (EvkVariablesPage *self,
                           const char       *variable)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "variable"), variable) == 0)
      gtk_list_box_select_row (GTK_LIST_BOX (self->list), GTK_LIST_BOX_ROW (child));
}

EvkChartCard *
evk_variables_page_get_card (EvkVariablesPage *self)
{
  return self->card;
}

static void
workspace_changed (EvkWorkspace     *workspace,
                   const char       *what,
                   EvkVariablesPage *self)
{
  if (g_strcmp0 (what, "survey") == 0)
    rebuild (self);
}

static void
language_changed (EvkWorkspace     *workspace,
                  GParamSpec       *pspec,
                  EvkVariablesPage *self)
{
  rebuild (self);
}

static void
evk_variables_page_dispose (GObject *object)
{
  EvkVariablesPage *self = EVK_VARIABLES_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->selected, g_free);
  G_OBJECT_CLASS (evk_variables_page_parent_class)->dispose (object);
}

static void
evk_variables_page_class_init (EvkVariablesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_variables_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
evk_variables_page_init (EvkVariablesPage *self)
{
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *details_scrolled;

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (self->paned), 340);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search variables and labels"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search variables and labels"), -1);
  gtk_widget_set_margin_start (self->search, 12);
  gtk_widget_set_margin_end (self->search, 12);
  gtk_widget_set_margin_top (self->search, 12);
  gtk_widget_set_margin_bottom (self->search, 6);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed), self);
  gtk_box_append (GTK_BOX (left), self->search);

  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Variables"), -1);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), row_matches, self, NULL);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (left), scrolled);
  gtk_widget_set_size_request (left, 260, -1);
  gtk_paned_set_start_child (GTK_PANED (self->paned), left);

  details_scrolled = evk_page_scrolled_new (&self->details);
  gtk_widget_set_size_request (details_scrolled, 320, -1);
  gtk_paned_set_end_child (GTK_PANED (self->paned), details_scrolled);
}

GtkWidget *
evk_variables_page_new (EvkWorkspace *workspace)
{
  EvkVariablesPage *self = g_object_new (EVK_TYPE_VARIABLES_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
