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
#include "evk-project-mrset.h"
#include "evk-variables-page.h"

struct _EvkVariablesPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  EvkChartCard *card;
  GPtrArray    *value_rows;  /* the rows of values_group, to remove */
  char         *filter;
  char         *selected;

  GtkWidget    *paned;
  GtkWidget    *search;
  GtkWidget    *list;
  GtkWidget    *details;
  GtkWidget    *name_label;
  GtkWidget    *title_label;
  GtkWidget    *role_group;
  GtkWidget    *role_row;
  gboolean      showing_role;  /* the role row is being set, not changed by the user */
  GtkWidget    *values_group;
  GtkWidget    *frequencies_label;
  GtkWidget    *personal_label;
  GtkWidget    *no_survey_label;
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

/* A preferences group of libadwaita 1.2 cannot list its rows, so the page
 * keeps the ones it added. */
static void
clear_details (EvkVariablesPage *self)
{
  for (guint i = 0; i < self->value_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->values_group),
                                  g_ptr_array_index (self->value_rows, i));
  g_ptr_array_set_size (self->value_rows, 0);
  if (self->card != NULL)
    gtk_box_remove (GTK_BOX (self->details), GTK_WIDGET (self->card));
  self->card = NULL;

  gtk_widget_set_visible (self->name_label, FALSE);
  gtk_widget_set_visible (self->title_label, FALSE);
  gtk_widget_set_visible (self->values_group, FALSE);
  gtk_widget_set_visible (self->role_group, FALSE);
  gtk_widget_set_visible (self->frequencies_label, FALSE);
  gtk_widget_set_visible (self->personal_label, FALSE);
  gtk_widget_set_visible (self->no_survey_label, FALSE);
}

/* The role's words, on the list and in the details; the order is the role
 * row's (the template's string list). */
static const char *
role_name (EvkVariableRole role)
{
  switch (role)
    {
    case EVK_ROLE_TEXT_CATEGORIES:
      return _("Categories (text)");
    case EVK_ROLE_FREE_TEXT:
      return _("Free text");
    case EVK_ROLE_PERSONAL:
      return _("Personal");
    case EVK_ROLE_CODES:
    default:
      return NULL;
    }
}

static void
show_role (EvkVariablesPage *self,
           EvkVariable      *variable,
           EvkVariableRole   role)
{
  const char *why;

  if (variable->type != EVK_VARIABLE_STRING)
    return;
  self->showing_role = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->role_row),
                              role == EVK_ROLE_TEXT_CATEGORIES ? 0 : role == EVK_ROLE_FREE_TEXT ? 1 : 2);
  self->showing_role = FALSE;
  if (role == EVK_ROLE_PERSONAL)
    why = _("Marked personal: never tabulated, charted or exported.");
  else if (variable->text_role != EVK_TEXT_ROLE_AUTO)
    why = _("Set in this project.");
  else if (role == EVK_ROLE_TEXT_CATEGORIES)
    why = _("Few distinct, short answers: counted like codes, each text a category.");
  else
    why = _("Many distinct or long answers: free text is never tabulated.");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row), why);
  gtk_widget_set_sensitive (self->role_row, !evk_workspace_is_read_only (self->workspace));
  gtk_widget_set_visible (self->role_group, TRUE);
}

static void
role_selected (AdwComboRow      *row,
               GParamSpec       *pspec,
               EvkVariablesPage *self)
{
  static const char * const roles[] = { "categories", "free-text", "personal" };
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (self->selected);

  static const EvkVariableRole as_role[] = { EVK_ROLE_TEXT_CATEGORIES, EVK_ROLE_FREE_TEXT, EVK_ROLE_PERSONAL };
  EvkSurvey *survey;
  EvkVariable *variable;

  if (self->showing_role || self->workspace == NULL || name == NULL || selected >= G_N_ELEMENTS (roles))
    return;
  /* The row is also set to show a variable (a notification that may come
   * after show_role returned): only a different role is a change. */
  survey = evk_workspace_get_survey (self->workspace);
  variable = survey != NULL ? evk_survey_get_variable (survey, name) : NULL;
  if (variable == NULL || variable->type != EVK_VARIABLE_STRING ||
      evk_survey_get_role (survey, variable) == as_role[selected])
    return;
  /* Saving replaces the survey; the page is rebuilt from it, on the same
   * variable. */
  if (!evk_project_set_variable_role (evk_workspace_get_project (self->workspace), name, roles[selected], &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);


      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);
    }
}

/* The details' parts are in the template; a variable fills and shows the
 * ones it has. */
static void
show_details (EvkVariablesPage *self,
              EvkVariable      *variable)
{
  const char *lang = evk_workspace_get_language (self->workspace);
  EvkVariableRole role;

  clear_details (self);
  if (variable == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (self->name_label), variable->name);
  gtk_widget_set_visible (self->name_label, TRUE);
  gtk_label_set_text (GTK_LABEL (self->title_label), evk_workspace_tr (self->workspace, variable->label));
  gtk_widget_set_visible (self->title_label, TRUE);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->values_group),
                                         variable->value_labels->len == 0 ? _("This variable has no value labels.") : NULL);
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
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->values_group), row);
      g_ptr_array_add (self->value_rows, row);
    }
  gtk_widget_set_visible (self->values_group, TRUE);

  role = evk_survey_get_role (evk_workspace_get_survey (self->workspace), variable);
  show_role (self, variable, role);
  if (role == EVK_ROLE_CODES || role == EVK_ROLE_TEXT_CATEGORIES)
    {
      EvkQuery query = { "frequency", variable->name, "all", TRUE };

      gtk_widget_set_visible (self->frequencies_label, TRUE);
      self->card = evk_chart_card_new (self->workspace, EVK_CHART_DISTRIBUTION, &query);
      gtk_box_insert_child_after (GTK_BOX (self->details), GTK_WIDGET (self->card), self->frequencies_label);
    }
  else if (role == EVK_ROLE_PERSONAL)
    gtk_widget_set_visible (self->personal_label, TRUE);
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
  /* Emptying the list unselects, which forgets the selected name. */
  g_autofree char *selected = g_strdup (self->selected);

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (survey == NULL)
    {
      show_details (self, NULL);
      gtk_widget_set_visible (self->no_survey_label, TRUE);
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
      const char *role = role_name (evk_survey_get_role (survey, variable));

      for (guint k = 0; k < variable->value_labels->len; k++)
        g_string_append_printf (values, " %s", evk_workspace_tr (self->workspace,
                                                                 ((EvkValueLabel *) g_ptr_array_index (variable->value_labels, k))->label));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), variable->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (role != NULL)
        {
          GtkWidget *suffix = gtk_label_new (role);

          gtk_widget_add_css_class (suffix, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
        }
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
      if (to_select == NULL || g_strcmp0 (variable->name, selected) == 0)
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

GtkWidget *
evk_variables_page_get_role_row (EvkVariablesPage *self)
{
  return self->role_row;
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
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_VARIABLES_PAGE);
  g_clear_pointer (&self->value_rows, g_ptr_array_unref);
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
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-variables-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, paned);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, search);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, list);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, details);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, role_group);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, values_group);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, frequencies_label);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, personal_label);
  gtk_widget_class_bind_template_child (widget_class, EvkVariablesPage, no_survey_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_selected);
  gtk_widget_class_bind_template_callback (widget_class, role_selected);
}

static void
evk_variables_page_init (EvkVariablesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->value_rows = g_ptr_array_new ();
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), row_matches, self, NULL);
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
