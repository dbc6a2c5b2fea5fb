/* evk-window.c: the main window
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-localized.h"
#include "evk-window-private.h"


G_DEFINE_FINAL_TYPE (EvkWindow, evk_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
tr (EvkWindow  *self,
    GHashTable *localized)
{
  const char *text = evk_localized_get_fallback (localized, self->lang,
                                                 evk_strategy_source_language (self->strategy));
  return text != NULL ? text : "";
}

static void
toast (EvkWindow  *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
clear_content (EvkWindow *self)
{
  for (GList *l = self->content_groups; l != NULL; l = l->next)
    adw_preferences_page_remove (self->content_page, l->data);
  g_clear_pointer (&self->content_groups, g_list_free);
}

static AdwPreferencesGroup *
add_group (EvkWindow  *self,
           const char *title,
           const char *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (title != NULL)
    adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->content_page, group);
  self->content_groups = g_list_append (self->content_groups, group);
  return group;
}

static void
add_fact (AdwPreferencesGroup *group,
          const char          *title,
          const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static char *
join_terms (EvkWindow *self,
            EvkVocab   vocab,
            GStrv      keys)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      EvkTerm *term = evk_strategy_find_term (self->strategy, vocab, keys[i]);
      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", term != NULL ? tr (self, term->name) : keys[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
join_bodies (EvkWindow  *self,
             EvkMeasure *measure)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; measure->responsible[i] != NULL; i++)
    {
      EvkBody *body = evk_strategy_find_body (self->strategy, measure->responsible[i]);
      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", body != NULL ? tr (self, body->name) : "");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void reload (EvkWindow *self);
static void row_selected (GtkListBox    *box,
                          GtkListBoxRow *row,
                          EvkWindow     *self);

static void
status_selected (AdwComboRow *row,
                 GParamSpec  *pspec,
                 EvkWindow   *self)
{
  g_autoptr(GError) error = NULL;
  guint index = adw_combo_row_get_selected (row);
  GPtrArray *statuses = self->strategy->vocabs[EVK_VOCAB_STATUS];
  EvkMeasure *measure = evk_strategy_find_measure (self->strategy, self->selected_measure);
  EvkTerm *status;

  if (measure == NULL || index >= statuses->len)
    return;
  status = g_ptr_array_index (statuses, index);
  if (g_strcmp0 (status->key, measure->status) == 0)
    return;

  if (!evk_project_set_measure_status (self->project, measure->number, status->key, &error))
    {
      toast (self, error->message);
      return;
    }
  /* The project emits "changed"; the sidebar badge follows on reload. */
}

static void
show_measure (EvkWindow *self,
              guint      number)
{
  EvkMeasure *measure = evk_strategy_find_measure (self->strategy, number);
  EvkGoal *goal;
  AdwPreferencesGroup *group;
  g_autofree char *heading = NULL, *types = NULL, *targets = NULL, *bodies = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *statuses = self->strategy->vocabs[EVK_VOCAB_STATUS];
  GtkWidget *status_row;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (measure == NULL)
    return;
  self->selected_measure = number;
  goal = evk_strategy_find_goal (self->strategy, measure->goal);

  clear_content (self);
  heading = g_strdup_printf (_("Measure %u"), measure->number);
  adw_window_title_set_title (self->content_title, heading);
  adw_window_title_set_subtitle (self->content_title, goal != NULL ? tr (self, goal->title) : "");

  /* A group title ellipsizes; long Norwegian titles must wrap. */
  group = add_group (self, NULL, NULL);
  {
    GtkWidget *title = gtk_label_new (tr (self, measure->title));

    gtk_label_set_wrap (GTK_LABEL (title), TRUE);
    gtk_label_set_xalign (GTK_LABEL (title), 0);
    gtk_widget_add_css_class (title, "title-2");
    gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tr (self, measure->title), -1);
    adw_preferences_group_add (group, title);
  }
  group = add_group (self, NULL, NULL);

  for (guint i = 0; i < statuses->len; i++)
    {
      EvkTerm *term = g_ptr_array_index (statuses, i);
      gtk_string_list_append (names, tr (self, term->name));
      if (g_strcmp0 (term->key, measure->status) == 0)
        selected = i;
    }
  status_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status_row), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), selected);
  g_signal_connect (status_row, "notify::selected", G_CALLBACK (status_selected), self);
  adw_preferences_group_add (group, status_row);

  if (evk_localized_get (measure->status_note, self->lang) != NULL)
    add_fact (group, _("Status note"), tr (self, measure->status_note));

  types = join_terms (self, EVK_VOCAB_TYPE, measure->types);
  targets = join_terms (self, EVK_VOCAB_TARGET, measure->targets);
  bodies = join_bodies (self, measure);
  add_fact (group, _("Goal"), goal != NULL ? tr (self, goal->title) : "");
  add_fact (group, _("Type"), types);
  add_fact (group, _("Target groups"), targets);
  add_fact (group, _("Responsible"), bodies);
}

/* The badge tint follows the status's place in the project's list (first =
 * best), not its name: statuses are the project's own. */
static const char *
status_css_class (EvkWindow *self,
                  EvkTerm   *status)
{
  GPtrArray *statuses = self->strategy->vocabs[EVK_VOCAB_STATUS];
  guint index = 0;

  g_ptr_array_find (statuses, status, &index);
  if (index == 0)
    return "status-first";
  if (index + 1 == statuses->len)
    return "status-last";
  return "status-middle";
}

static GtkWidget *
make_measure_row (EvkWindow  *self,
                  EvkMeasure *measure)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *number = g_strdup_printf ("%u", measure->number);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *title_label = gtk_label_new (tr (self, measure->title));
  EvkTerm *status = evk_strategy_find_term (self->strategy, EVK_VOCAB_STATUS, measure->status);
  GtkWidget *badge = gtk_label_new (status != NULL ? tr (self, status->name) : "");
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (number_label, "measure-number");
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  if (status != NULL)
    gtk_widget_add_css_class (badge, status_css_class (self, status));
  gtk_box_append (GTK_BOX (text_box), title_label);
  gtk_box_append (GTK_BOX (text_box), badge);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, tr (self, measure->title));
  accessible = g_strdup_printf (_("Measure %u: %s, %s"), measure->number, tr (self, measure->title),
                                status != NULL ? tr (self, status->name) : _("no status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (row), "measure-number", GUINT_TO_POINTER (measure->number));
  return row;
}

static void
rebuild_sidebar (EvkWindow *self)
{
  GtkWidget *child;
  GtkListBoxRow *to_select = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  for (guint g = 0; g < self->strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (self->strategy->goals, g);
      GtkWidget *header = gtk_label_new (tr (self, goal->title));
      GtkWidget *header_row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_widget_add_css_class (header, "goal-header");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (header_row), header);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (header_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (header_row), FALSE);
      gtk_list_box_append (self->sidebar, header_row);

      for (guint i = 0; i < self->strategy->measures->len; i++)
        {
          EvkMeasure *measure = g_ptr_array_index (self->strategy->measures, i);
          GtkWidget *row;

          if (!g_str_equal (measure->goal, goal->key))
            continue;
          row = make_measure_row (self, measure);
          gtk_list_box_append (self->sidebar, row);
          /* Keep the measure the user was on; else start at the first. */
          if (to_select == NULL || measure->number == self->selected_measure)
            to_select = GTK_LIST_BOX_ROW (row);
        }
    }

  /* Re-selecting after a rebuild must not rebuild the page the user is
   * editing (an edit of that page is what got us here). */
  if (to_select != NULL)
    {
      g_signal_handlers_block_by_func (self->sidebar, row_selected, self);
      gtk_list_box_select_row (self->sidebar, to_select);
      g_signal_handlers_unblock_by_func (self->sidebar, row_selected, self);
      if (self->selected_measure == 0)
        show_measure (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (to_select), "measure-number")));
    }
}

static void
reload (EvkWindow *self)
{
  g_autoptr(GError) error = NULL;
  EvkStrategy *strategy = evk_project_load_strategy (self->project, &error);

  if (strategy == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->strategy, evk_strategy_free);
  self->strategy = strategy;
  if (self->lang == NULL || !g_strv_contains ((const char * const *) strategy->languages, self->lang))
    {
      g_free (self->lang);
      self->lang = g_strdup (evk_strategy_source_language (strategy));
    }

  adw_window_title_set_title (self->sidebar_title, tr (self, strategy->short_title));
  rebuild_sidebar (self);
}

static void
project_changed (EvkProject *project,
                 const char *what,
                 EvkWindow  *self)
{
  reload (self);
}

static void
row_selected (GtkListBox    *box,
              GtkListBoxRow *row,
              EvkWindow     *self)
{
  guint number;

  if (row == NULL)
    return;
  number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "measure-number"));
  if (number == 0)
    return;
  show_measure (self, number);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked (GtkButton *button,
              EvkWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
set_project (EvkWindow  *self,
             EvkProject *project)
{
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_signal_connect (project, "changed", G_CALLBACK (project_changed), self);

  basename = g_path_get_basename (evk_project_get_path (project));
  title = g_strdup_printf ("%s — %s", basename, _("Evalkit"));
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->selected_measure = 0;
  reload (self);
  gtk_stack_set_visible_child_name (self->main_stack, "project");
}

void
evk_window_open_file (EvkWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(EvkProject) project = NULL;

  if (path == NULL)
    {
      toast (self, _("Only local files can be opened"));
      return;
    }
  project = evk_project_open (path, &error);
  if (project == NULL)
    {
      toast (self, error->message);
      return;
    }
  set_project (self, project);
}

gboolean
evk_window_open_demo (EvkWindow  *self,
                      GError    **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "evalkit", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.evalkit", NULL);
  g_autoptr(EvkProject) project = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    project = evk_project_open (path, error);
  else
    project = evk_project_create_demo (path, error);
  if (project == NULL)
    return FALSE;
  set_project (self, project);
  return TRUE;
}

static void
open_demo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!evk_window_open_demo (self, &error))
    toast (self, error->message);
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               EvkWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      evk_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvkWindow *self = EVK_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Evaluation"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Evalkit projects"));
  gtk_file_filter_add_pattern (filter, "*.evalkit");
  gtk_file_filter_add_mime_type (filter, "application/x-evalkit");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
evk_window_dispose (GObject *object)
{
  EvkWindow *self = EVK_WINDOW (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->strategy, evk_strategy_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->content_groups, g_list_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), EVK_TYPE_WINDOW);
  G_OBJECT_CLASS (evk_window_parent_class)->dispose (object);
}

static void
evk_window_class_init (EvkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, back_button);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_activated);
}

static void
evk_window_init (EvkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (row_selected), self);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked), self);
}

EvkWindow *
evk_window_new (EvkApplication *application)
{
  return g_object_new (EVK_TYPE_WINDOW, "application", application, NULL);
}

EvkProject *
evk_window_get_project (EvkWindow *self)
{
  return self->project;
}
