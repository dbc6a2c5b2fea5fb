/* evk-groups-page.c: the respondent groups with live counts; define, edit and remove them
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-groups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-charts.h"
#include "evk-filter.h"
#include "evk-format.h"
#include "evk-groups-page.h"
#include "evk-localized.h"
#include "evk-rows.h"

struct _EvkGroupsPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  GPtrArray    *group_rows;    /* the rows of groups_group, to remove */
  GPtrArray    *name_rows;     /* AdwEntryRow per project language */
  char         *editing;       /* the key of the group in the form, or NULL */
  gboolean      filter_ok;

  /* The last removed group, for the toast's Undo. */
  char         *removed_key;
  char         *removed_filter;
  GHashTable   *removed_name;

  GtkWidget    *scrolled;
  GtkWidget    *content;
  GtkWidget    *groups_group;
  GtkWidget    *form;
  GtkWidget    *entry;
  GtkWidget    *result;
  GtkWidget    *save_button;
};

G_DEFINE_FINAL_TYPE (EvkGroupsPage, evk_groups_page, GTK_TYPE_WIDGET)

static char *
count_text (EvkGroupsPage *self,
            guint          n)
{
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  const char *lang = evk_workspace_get_language (self->workspace);
  g_autofree char *count = evk_format_number (lang, n, 0);
  g_autofree char *share = evk_format_percent (lang, survey->n_rows > 0 ? 100.0 * n / survey->n_rows : 0, 1);

  /* Translators: "367 respondents (7,2 %)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s respondent (%s)", "%s respondents (%s)", n), count, share);
}

static void
toast (EvkGroupsPage *self,
       AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static const char *
source_name (EvkGroupsPage *self)
{
  return self->name_rows->len > 0 ? gtk_editable_get_text (g_ptr_array_index (self->name_rows, 0)) : "";
}

/* Saving needs a filter that counts and a name in the source language;
 * the other languages may follow later, as translations do. */
static void
update_save (EvkGroupsPage *self)
{
  g_autofree char *name = NULL;

  if (self->save_button == NULL)
    return;
  name = g_strstrip (g_strdup (source_name (self)));
  gtk_widget_set_sensitive (self->save_button, self->filter_ok && name[0] != '\0');
}

static void
name_changed (GtkEditable   *editable,
              EvkGroupsPage *self)
{
  update_save (self);
}

/* A key from the name: lower-case ASCII words joined by "-", with the
 * Norwegian letters spelt out, and a number added if the key is taken. */
static char *
key_for_name (EvkStrategy *strategy,
              const char  *name)
{
  g_autofree char *folded = g_utf8_strdown (name, -1);
  GString *key = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *candidate;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && g_ascii_isalnum (c))
        g_string_append_c (key, c);
      else if (c == 0xE6) /* æ */
        g_string_append (key, "ae");
      else if (c == 0xF8) /* ø */
        g_string_append (key, "o");
      else if (c == 0xE5) /* å */
        g_string_append (key, "a");
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }
  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);
  if (key->len == 0)
    g_string_append (key, "group");
  base = g_string_free (key, FALSE);
  candidate = g_strdup (base);
  for (guint n = 2; g_str_equal (candidate, "all") || evk_strategy_find_group (strategy, candidate) != NULL; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }
  return candidate;
}

static void
save_clicked (GtkButton     *button,
              EvkGroupsPage *self)
{
  EvkProject *project = evk_workspace_get_project (self->workspace);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(EvkFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (source_name (self)));
  g_autofree char *message = NULL;
  EvkGroup *group = NULL;

  if ((strategy = evk_project_load_strategy (project, &error)) == NULL ||
      (filter = evk_filter_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &error)) == NULL)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  if (self->editing != NULL)
    group = evk_strategy_find_group (strategy, self->editing);
  if (group == NULL)
    {
      g_autofree char *key = key_for_name (strategy, name);
      group = evk_strategy_add_group (strategy, key);
    }
  g_free (group->filter);
  group->filter = evk_filter_to_string (filter);
  for (guint i = 0; i < self->name_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->name_rows, i);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));

      if (text[0] != '\0')
        evk_localized_set (group->name, g_object_get_data (G_OBJECT (row), "lang"), text);
      else
        g_hash_table_remove (group->name, g_object_get_data (G_OBJECT (row), "lang"));
    }
  /* Translators: a toast; %s is the group's name */
  message = g_strdup_printf (_("Saved the group “%s”"), name);
  g_clear_pointer (&self->editing, g_free);
  /* The project's "changed" rebuilds this page with the group in its list. */
  if (!evk_project_save_strategy (project, strategy, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  toast (self, adw_toast_new (message));
}

static void
edit_clicked (GtkButton     *button,
              EvkGroupsPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  EvkGroup *group = evk_strategy_find_group (strategy, g_object_get_data (G_OBJECT (button), "group"));

  if (group == NULL)
    return;
  g_free (self->editing);
  self->editing = g_strdup (group->key);
  for (guint i = 0; i < self->name_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->name_rows, i);
      const char *text = evk_localized_get (group->name, g_object_get_data (G_OBJECT (row), "lang"));

      gtk_editable_set_text (row, text != NULL ? text : "");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), group->filter);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("Save _Changes"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form), _("Edit the Group"));
  gtk_widget_grab_focus (g_ptr_array_index (self->name_rows, 0));
}

/* A chart drawn for the group would fail without it: name the first one. */
static char *
chart_using_group (EvkGroupsPage *self,
                   const char    *key)
{
  g_autoptr(GPtrArray) charts = evk_project_list_charts (evk_workspace_get_project (self->workspace), NULL);
  EvkSavedChart *chart = charts != NULL ? evk_project_chart_for_group (charts, key) : NULL;
  const char *caption;

  if (chart == NULL)
    return NULL;
  caption = evk_workspace_tr (self->workspace, chart->caption);
  return g_strdup (caption[0] != '\0' ? caption : chart->key);
}

static void
undo_remove (AdwToast      *done,
             EvkGroupsPage *self)
{
  EvkProject *project = evk_workspace_get_project (self->workspace);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  EvkGroup *group;

  if (self->removed_key == NULL || (strategy = evk_project_load_strategy (project, &error)) == NULL)
    return;
  group = evk_strategy_find_group (strategy, self->removed_key);
  if (group == NULL)
    group = evk_strategy_add_group (strategy, self->removed_key);
  g_free (group->filter);
  group->filter = g_strdup (self->removed_filter);
  g_hash_table_remove_all (group->name);
  {
    GHashTableIter iter;
    gpointer lang, text;

    g_hash_table_iter_init (&iter, self->removed_name);
    while (g_hash_table_iter_next (&iter, &lang, &text))
      evk_localized_set (group->name, lang, text);
  }
  g_clear_pointer (&self->removed_key, g_free);
  if (!evk_project_save_strategy (project, strategy, &error))
    toast (self, adw_toast_new (error->message));
}

static void
remove_clicked (GtkButton     *button,
                EvkGroupsPage *self)
{
  EvkProject *project = evk_workspace_get_project (self->workspace);
  const char *key = g_object_get_data (G_OBJECT (button), "group");
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chart = chart_using_group (self, key);
  g_autofree char *message = NULL;
  AdwToast *done;

  if (chart != NULL)
    {
      /* Translators: %s are a group's name and a chart's caption */
      message = g_strdup_printf (_("“%s” is not removed: the chart “%s” is drawn for it"),
                                 evk_workspace_tr (self->workspace,
                                                   evk_strategy_find_group (evk_workspace_get_strategy (self->workspace), key)->name),
                                 chart);
      toast (self, adw_toast_new (message));
      return;
    }
  if ((strategy = evk_project_load_strategy (project, &error)) == NULL)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (strategy->groups, i);

      if (!g_str_equal (group->key, key))
        continue;
      g_free (self->removed_key);
      g_free (self->removed_filter);
      g_clear_pointer (&self->removed_name, g_hash_table_unref);
      self->removed_key = g_strdup (group->key);
      self->removed_filter = g_strdup (group->filter);
      self->removed_name = g_hash_table_ref (group->name);
      /* Translators: a toast; %s is the group's name */
      message = g_strdup_printf (_("Removed the group “%s”"), evk_workspace_tr (self->workspace, group->name));
      g_ptr_array_remove_index (strategy->groups, i);
      break;
    }
  if (message == NULL)
    return;
  if (g_strcmp0 (self->editing, key) == 0)
    g_clear_pointer (&self->editing, g_free);
  if (!evk_project_save_strategy (project, strategy, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  done = adw_toast_new (message);
  adw_toast_set_button_label (done, _("_Undo"));
  g_signal_connect_object (done, "button-clicked", G_CALLBACK (undo_remove), self, 0);
  toast (self, done);
}

static void
new_clicked (GtkButton     *button,
             EvkGroupsPage *self)
{
  g_clear_pointer (&self->editing, g_free);
  for (guint i = 0; i < self->name_rows->len; i++)
    gtk_editable_set_text (g_ptr_array_index (self->name_rows, i), "");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save Group"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form), _("New Group"));
}

static GtkWidget *
icon_button (const char    *icon,
             const char    *label,
             const char    *key,
             GCallback      callback,
             EvkGroupsPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "group", g_strdup (key), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* Evaluated on every keystroke: a filter is one pass over the columns it
 * names, well under a millisecond for the demo's 5,103 respondents. */
static void
filter_changed (GtkEditable   *editable,
                EvkGroupsPage *self)
{
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkRows) rows = NULL;

  gtk_widget_remove_css_class (self->result, "error");
  self->filter_ok = FALSE;
  if (survey == NULL || text[0] == '\0')
    gtk_label_set_text (GTK_LABEL (self->result), _("Type a filter such as “q6_alt_1 in 1..4” to count its respondents."));
  else if ((rows = evk_rows_new_from_text (survey, text, &error)) == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->result), error->message);
      gtk_widget_add_css_class (self->result, "error");
    }
  else
    {
      g_autofree char *count = count_text (self, rows->n_selected);
      gtk_label_set_text (GTK_LABEL (self->result), count);
      self->filter_ok = TRUE;
    }
  update_save (self);
}

/* A preferences group of libadwaita 1.2 cannot list its rows, so the page
 * keeps the ones it added. */
static void
clear_rows (EvkGroupsPage *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->groups_group),
                                  g_ptr_array_index (self->group_rows, i));
  g_ptr_array_set_size (self->group_rows, 0);
  for (guint i = 0; i < self->name_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->form),
                                  g_ptr_array_index (self->name_rows, i));
  g_ptr_array_set_size (self->name_rows, 0);
}

/* The page's sections and the form are in its template; the groups and
 * the project's languages fill them, and the form starts empty again. */
static void
rebuild (EvkGroupsPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  /* The group's rows are in a list of their own, where the name rows go
   * in above the filter. */
  GtkListBox *form_rows = GTK_LIST_BOX (gtk_widget_get_parent (self->entry));

  clear_rows (self);
  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *g = g_ptr_array_index (strategy->groups, i);
      const char *name = evk_workspace_tr (self->workspace, g->name);
      GtkWidget *row, *count_label;
      g_autofree char *count = NULL;
      g_autofree char *edit = NULL, *remove = NULL;
      g_autoptr(GError) error = NULL;
      const EvkRows *rows = survey != NULL ? evk_workspace_get_group_rows (self->workspace, g->key, &error) : NULL;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g->filter);
      count = rows != NULL ? count_text (self, rows->n_selected)
                           : g_strdup (error != NULL ? error->message : _("No survey"));
      count_label = gtk_label_new (count);
      gtk_widget_add_css_class (count_label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);
      /* Translators: a button's accessible name; %s is a group's name */
      edit = g_strdup_printf (_("Edit “%s”"), name);
      /* Translators: a button's accessible name; %s is a group's name */
      remove = g_strdup_printf (_("Remove “%s”"), name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-edit-symbolic", edit, g->key, G_CALLBACK (edit_clicked), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", remove, g->key, G_CALLBACK (remove_clicked), self));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups_group), row);
      g_ptr_array_add (self->group_rows, row);
    }

  for (guint l = 0; strategy->languages[l] != NULL; l++)
    {
      GtkWidget *name_row = adw_entry_row_new ();
      /* Translators: an entry's title; %s is a language code such as "nb" */
      g_autofree char *title = g_strdup_printf (_("Name (%s)"), strategy->languages[l]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), title);
      g_object_set_data_full (G_OBJECT (name_row), "lang", g_strdup (strategy->languages[l]), g_free);
      g_signal_connect (name_row, "changed", G_CALLBACK (name_changed), self);
      gtk_list_box_insert (form_rows, name_row, l);
      g_ptr_array_add (self->name_rows, name_row);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save Group"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form), _("New Group"));
  g_clear_pointer (&self->editing, g_free);
  filter_changed (GTK_EDITABLE (self->entry), self);
}

void
evk_groups_page_try_filter (EvkGroupsPage *self,
                            const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

const char *
evk_groups_page_get_result (EvkGroupsPage *self)
{
  return gtk_label_get_text (GTK_LABEL (self->result));
}

void
evk_groups_page_set_name (EvkGroupsPage *self,
                          const char    *lang,
                          const char    *name)
{
  for (guint i = 0; i < self->name_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->name_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "lang"), lang) == 0)
        gtk_editable_set_text (row, name);
    }
}

gboolean
evk_groups_page_save (EvkGroupsPage *self)
{
  if (!gtk_widget_get_sensitive (self->save_button))
    return FALSE;
  g_signal_emit_by_name (self->save_button, "clicked");
  return TRUE;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *key,
             GCallback   callback)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (g_object_get_data (G_OBJECT (child), "group"), key) == 0 &&
          g_signal_handler_find (child, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, callback, NULL) != 0)
        return child;
      if ((found = find_button (child, key, callback)) != NULL)
        return found;
    }
  return NULL;
}

gboolean
evk_groups_page_edit (EvkGroupsPage *self,
                      const char    *key)
{
  GtkWidget *button = find_button (self->content, key, G_CALLBACK (edit_clicked));

  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  return button != NULL;
}

gboolean
evk_groups_page_remove (EvkGroupsPage *self,
                        const char    *key)
{
  GtkWidget *button = find_button (self->content, key, G_CALLBACK (remove_clicked));

  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  return button != NULL;
}

void
evk_groups_page_undo_remove (EvkGroupsPage *self)
{
  undo_remove (NULL, self);
}

static void
workspace_changed (EvkWorkspace  *workspace,
                   const char    *what,
                   EvkGroupsPage *self)
{
  if (g_strcmp0 (what, "survey") == 0 || g_strcmp0 (what, "strategy") == 0)
    rebuild (self);
}

static void
language_changed (EvkWorkspace  *workspace,
                  GParamSpec    *pspec,
                  EvkGroupsPage *self)
{
  rebuild (self);
}

static void
evk_groups_page_dispose (GObject *object)
{
  EvkGroupsPage *self = EVK_GROUPS_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_GROUPS_PAGE);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->name_rows, g_ptr_array_unref);
  g_clear_pointer (&self->editing, g_free);
  g_clear_pointer (&self->removed_key, g_free);
  g_clear_pointer (&self->removed_filter, g_free);
  g_clear_pointer (&self->removed_name, g_hash_table_unref);
  G_OBJECT_CLASS (evk_groups_page_parent_class)->dispose (object);
}

static void
evk_groups_page_class_init (EvkGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_groups_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-groups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkGroupsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkGroupsPage, content);
  gtk_widget_class_bind_template_child (widget_class, EvkGroupsPage, groups_group);
  gtk_widget_class_bind_template_child (widget_class, EvkGroupsPage, form);
  gtk_widget_class_bind_template_child (widget_class, EvkGroupsPage, entry);
  gtk_widget_class_bind_template_child (widget_class, EvkGroupsPage, result);
  gtk_widget_class_bind_template_child (widget_class, EvkGroupsPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
}

static void
evk_groups_page_init (EvkGroupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_rows = g_ptr_array_new ();
  self->name_rows = g_ptr_array_new ();
}

GtkWidget *
evk_groups_page_new (EvkWorkspace *workspace)
{
  EvkGroupsPage *self = g_object_new (EVK_TYPE_GROUPS_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
