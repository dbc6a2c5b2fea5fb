/* evk-window.c: the main window
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-comments-page.h"
#include "evk-problems-page.h"
#include "evk-translations-page.h"
#include "evk-demo.h"
#include "evk-documents-page.h"
#include "evk-goal-page.h"
#include "evk-groups-page.h"
#include "evk-measure-page.h"
#include "evk-overview-page.h"
#include "evk-report-page.h"
#include "evk-settings.h"
#include "evk-lists-page.h"
#include "evk-offers-page.h"
#include "evk-start-page.h"
#include "evk-strategy-page.h"
#include "evk-translatable.h"
#include "evk-variables-page.h"
#include "evk-report.h"
#include "evk-trace.h"
#include "evk-window-private.h"

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EvkWindow, evk_window, ADW_TYPE_APPLICATION_WINDOW)

void
_evk_window_toast (EvkWindow  *self,
                   const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
_evk_window_get_page_widget (EvkWindow *self)
{
  return self->page_widget;
}

const char *
evk_window_get_page (EvkWindow *self)
{
  return self->page;
}

/* ---- Pages ------------------------------------------------------------ */

/* A review copy has no data to show and no strategy to edit: the title of
 * the page it shows instead, or NULL for a page it shows as it is. */
static const char *
review_title (EvkWindow  *self,
              const char *page)
{
  static const struct {
    const char *page;
    const char *title;
  } pages[] = {
    { "variables", N_("Survey Variables") },
    { "groups", N_("Respondent Groups") },
    { "offers", N_("Offers and Questions") },
    { "documents", N_("Document Review") },
    { "strategy", N_("Strategy") },
    { "lists", N_("Lists") },
    { "start", N_("Next Steps") },
  };

  if (!_evk_window_is_read_only (self))
    return NULL;
  /* The document review is no one's personal data: a copy that has it
   * shows it. */
  if (g_str_equal (page, "documents") && evk_workspace_get_documents (self->workspace) != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (page, pages[i].page))
      return _(pages[i].title);
  return NULL;
}

/* The page's widget (when build) and its header texts; NULL when there is
 * no such page. */
static GtkWidget *
create_page (EvkWindow  *self,
             const char *page,
             gboolean    build,
             char      **title,
             char      **subtitle)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);

  if (g_str_has_prefix (page, "measure:"))
    {
      guint64 number = g_ascii_strtoull (page + strlen ("measure:"), NULL, 10);
      EvkMeasure *measure = evk_strategy_find_measure (strategy, number);
      EvkGoal *goal;

      if (measure == NULL)
        return NULL;
      goal = evk_strategy_find_goal (strategy, measure->goal);
      *title = g_strdup_printf (_("Measure %u"), measure->number);
      *subtitle = g_strdup (goal != NULL ? evk_workspace_tr (self->workspace, goal->title) : "");
      return build ? evk_measure_page_new (self->workspace, number) : gtk_label_new (NULL);
    }
  if (g_str_has_prefix (page, "goal:"))
    {
      EvkGoal *goal = evk_strategy_find_goal (strategy, page + strlen ("goal:"));

      if (goal == NULL)
        return NULL;
      *title = g_strcmp0 (goal->kind, "implementation") == 0 ? g_strdup (_("Implementation"))
                                                             : g_strdup_printf (_("Goal %s"), goal->key);
      *subtitle = g_strdup (evk_workspace_tr (self->workspace, goal->title));
      return build ? evk_goal_page_new (self->workspace, goal->key) : gtk_label_new (NULL);
    }
  *subtitle = g_strdup (evk_workspace_tr (self->workspace, strategy->short_title));
  if (g_str_equal (page, "comments"))
    {
      *title = g_strdup (_("Comments"));
      return build ? evk_comments_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "problems") && !_evk_window_is_read_only (self))
    {
      *title = g_strdup (_("Problems"));
      return build ? evk_problems_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if ((g_str_equal (page, "translations") || g_str_has_prefix (page, "translations:")) &&
      !_evk_window_is_read_only (self))
    {
      const char *lang = page[strlen ("translations")] == ':' ? page + strlen ("translations:") : NULL;

      *title = g_strdup (_("Translations"));
      return build ? evk_translations_page_new (self->workspace, lang) : gtk_label_new (NULL);
    }
  if (review_title (self, page) != NULL)
    {
      *title = g_strdup (review_title (self, page));
      return build ? _evk_window_review_page_new (self, page) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "variables"))
    {
      *title = g_strdup (_("Survey Variables"));
      return build ? evk_variables_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "start") ||
      (g_str_equal (page, "overview") && !_evk_window_is_read_only (self) &&
       evk_start_page_is_needed (self->workspace)))
    {
      /* A new evaluation has nothing to give an overview of: it opens on
       * what to do first. */
      *title = g_strdup (_("Next Steps"));
      return build ? evk_start_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "strategy"))
    {
      *title = g_strdup (_("Strategy"));
      return build ? evk_strategy_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "lists"))
    {
      *title = g_strdup (_("Lists"));
      return build ? evk_lists_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "offers"))
    {
      *title = g_strdup (_("Offers and Questions"));
      return build ? evk_offers_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "groups"))
    {
      *title = g_strdup (_("Respondent Groups"));
      return build ? evk_groups_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "documents"))
    {
      *title = g_strdup (_("Document Review"));
      return build ? evk_documents_page_new (self->workspace) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "report") || g_str_has_prefix (page, "report:"))
    {
      const char *part = page[strlen ("report")] == ':' ? page + strlen ("report:") : NULL;

      *title = g_strdup (_("Report"));
      if (part != NULL)
        {
          g_free (*subtitle);
          *subtitle = evk_report_page_part_title (self->workspace, part);
          if (*subtitle == NULL)
            return NULL;
        }
      return build ? evk_report_page_new (self->workspace, part) : gtk_label_new (NULL);
    }
  if (g_str_equal (page, "overview"))
    {
      *title = g_strdup (_("Overview"));
      /* A window opened on a project (the command line's file) shows it
       * in its first frame: only what that frame shows is built first. */
      return build ? evk_overview_page_new (self->workspace, !gtk_widget_get_mapped (GTK_WIDGET (self)))
                   : gtk_label_new (NULL);
    }
  return NULL;
}

void
_evk_window_show_page (EvkWindow  *self,
                       const char *page)
{
  g_autofree char *title = NULL, *subtitle = NULL;
  GtkWidget *widget;

  if (self->workspace == NULL)
    return;
  widget = create_page (self, page, TRUE, &title, &subtitle);
  if (widget == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no page “%s”"), page);
      _evk_window_toast (self, message);
      return;
    }
  g_free (self->page);
  self->page = g_strdup (page);
  self->page_widget = widget;
  adw_bin_set_child (self->content_bin, widget);
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, subtitle);
  _evk_window_select_page_row (self);
}

void
evk_window_show_page (EvkWindow  *self,
                      const char *page)
{
  g_return_if_fail (EVK_IS_WINDOW (self));
  _evk_window_show_page (self, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void update_title (EvkWindow *self);

/* ---- Language --------------------------------------------------------- */

static void
rebuild_language_buttons (EvkWindow *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->language_box))) != NULL)
    gtk_box_remove (self->language_box, child);
  for (guint i = 0; strategy->languages[i] != NULL; i++)
    {
      const char *lang = strategy->languages[i];
      GtkWidget *button = gtk_toggle_button_new_with_label (lang);
      g_autofree char *tooltip = g_strdup_printf (_("Show the content in “%s”"), lang);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lang);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_box_append (self->language_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->language_box), strategy->languages[0] != NULL &&
                                                           strategy->languages[1] != NULL);
}

void
evk_window_set_language (EvkWindow  *self,
                         const char *lang)
{
  g_return_if_fail (EVK_IS_WINDOW (self));

  if (self->workspace == NULL || lang == NULL ||
      g_strcmp0 (lang, evk_workspace_get_language (self->workspace)) == 0)
    return;
  if (!g_strv_contains ((const char * const *) evk_workspace_get_strategy (self->workspace)->languages, lang))
    return;
  /* The pages and charts follow the workspace's language by themselves;
   * the sidebar and the title are the window's. */
  evk_workspace_set_language (self->workspace, lang);
  update_title (self);
  _evk_window_rebuild_sidebar (self);
  if (self->page != NULL)
    {
      g_autofree char *title = NULL, *subtitle = NULL;
      GtkWidget *widget = create_page (self, self->page, FALSE, &title, &subtitle);

      if (widget != NULL)
        g_object_unref (g_object_ref_sink (widget));
      adw_window_title_set_subtitle (self->content_title, subtitle);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
workspace_language_changed (EvkWorkspace *workspace,
                            GParamSpec   *pspec,
                            EvkWindow    *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* ---- Projects --------------------------------------------------------- */

static void
update_title (EvkWindow *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  g_autofree char *basename = g_path_get_basename (evk_project_get_path (self->project));
  g_autofree char *title = g_strdup_printf ("%s — %s", basename, _("Evalkit"));
  const char *short_title = evk_workspace_tr (self->workspace, strategy->short_title);

  gtk_window_set_title (GTK_WINDOW (self), title);
  /* A new project has no short title yet: its file name once, not twice. */
  adw_window_title_set_title (self->sidebar_title, short_title[0] != '\0' ? short_title : basename);
  adw_window_title_set_subtitle (self->sidebar_title, short_title[0] != '\0' ? basename : "");
}

static void
workspace_changed (EvkWorkspace *workspace,
                   const char   *what,
                   EvkWindow    *self)
{
  if (g_strcmp0 (what, "settings") == 0 || g_strcmp0 (what, "documents") == 0 ||
      g_strcmp0 (what, "texts") == 0 || g_strcmp0 (what, "report") == 0)
    return;
  _evk_window_rebuild_sidebar (self);
  if (g_strcmp0 (what, "strategy") == 0)
    {
      update_title (self);
      rebuild_language_buttons (self);
      /* A page whose measure or goal went away falls back to the overview. */
      if (self->page != NULL && g_str_has_prefix (self->page, "measure:") &&
          evk_strategy_find_measure (evk_workspace_get_strategy (workspace),
                                     g_ascii_strtoull (self->page + 8, NULL, 10)) == NULL)
        _evk_window_show_page (self, "overview");
    }
}

void
_evk_window_check_external (EvkWindow *self)
{
  if (self->project != NULL && evk_project_check_external_changes (self->project))
    _evk_window_toast (self, _("The project was changed elsewhere: it is shown as it is now"));
}

/* Coming back to the window, perhaps from a terminal that ran evalkit on
 * the project or from another window on it. */
static void
active_changed (EvkWindow  *self,
                GParamSpec *pspec,
                gpointer    user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _evk_window_check_external (self);
}

static gboolean
set_project (EvkWindow   *self,
             EvkProject  *project,
             GError     **error)
{
  g_autoptr(EvkWorkspace) workspace = NULL;
  g_autofree char *uri = NULL;

  /* The project's own report words in the charts too, not only in the
   * report it renders. */
  if (!evk_translatables_use_project_words (project, error))
    return FALSE;
  evk_trace_mark ("project words read");
  workspace = evk_workspace_new (project, error);
  if (workspace == NULL)
    return FALSE;
  evk_trace_mark ("workspace loaded");

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  adw_bin_set_child (self->content_bin, NULL);
  self->page_widget = NULL;
  g_clear_pointer (&self->page, g_free);
  g_set_object (&self->project, project);
  g_set_object (&self->workspace, workspace);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);

  if (self->settings != NULL)
    {
      uri = g_filename_to_uri (evk_project_get_path (project), NULL, NULL);
      evk_settings_add_recent (self->settings, uri);
    }
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (workspace_language_changed), self);

  update_title (self);
  rebuild_language_buttons (self);
  _evk_window_setup_review (self);
  _evk_window_rebuild_sidebar (self);
  evk_trace_mark ("sidebar built");
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  _evk_window_show_page (self, "overview");
  evk_trace_mark ("overview page built");
  _evk_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
  return TRUE;
}

void
evk_window_open_file (EvkWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(EvkProject) project = NULL;

  g_return_if_fail (EVK_IS_WINDOW (self));

  if (path == NULL)
    {
      _evk_window_toast (self, _("Only local files can be opened"));
      return;
    }
  evk_trace_mark ("opening the project");
  project = evk_project_open (path, &error);
  evk_trace_mark ("project opened");
  if (project == NULL || !set_project (self, project, &error))
    _evk_window_toast (self, error->message);
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
    project = evk_demo_create (path, error);
  return project != NULL && set_project (self, project, error);
}

gboolean
_evk_window_create_project (EvkWindow   *self,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(EvkProject) project = evk_project_create (path, error);

  return project != NULL && set_project (self, project, error);
}

EvkProject *
evk_window_get_project (EvkWindow *self)
{
  return self->project;
}

/* ---- Recent projects on the welcome page ------------------------------ */

static void
recent_activated (AdwActionRow *row,
                  EvkWindow    *self)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_object_get_data (G_OBJECT (row), "uri"));

  evk_window_open_file (self, file);
}

static void
recent_removed (GtkButton *button,
                EvkWindow *self)
{
  evk_settings_remove_recent (self->settings, g_object_get_data (G_OBJECT (button), "uri"));
}

static void
rebuild_recent (EvkWindow *self)
{
  g_auto(GStrv) uris = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  if (self->settings == NULL)
    return;
  uris = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *where = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
      g_autofree char *remove_label = g_strdup_printf (_("Remove “%s” from the recent evaluations"), name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-clear-symbolic");

      if (!g_file_query_exists (file, NULL))
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "document-open-recent-symbolic");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uris[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (recent_activated), self);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "uri", g_strdup (uris[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (recent_removed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n > 0);
}

static void
recent_changed (GSettings  *settings,
                const char *key,
                EvkWindow  *self)
{
  rebuild_recent (self);
}

/* ---- GObject ----------------------------------------------------------- */

static void
back_clicked (GtkButton *button,
              EvkWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
evk_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EvkWindow *self = EVK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->workspace != NULL ? evk_workspace_get_language (self->workspace) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evk_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EvkWindow *self = EVK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      evk_window_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evk_window_dispose (GObject *object)
{
  EvkWindow *self = EVK_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  adw_bin_set_child (self->content_bin, NULL);
  self->page_widget = NULL;
  g_clear_object (&self->workspace);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), EVK_TYPE_WINDOW);
  G_OBJECT_CLASS (evk_window_parent_class)->dispose (object);
}

static void
evk_window_class_init (EvkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Before the first report renders in its thread while GTK draws. */
  evk_report_use_bundled_fonts ();

  object_class->dispose = evk_window_dispose;
  object_class->get_property = evk_window_get_property;
  object_class->set_property = evk_window_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, language_box);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, content_bin);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, review_banner);
  gtk_widget_class_bind_template_child (widget_class, EvkWindow, review_banner_label);

  _evk_window_class_add_actions (widget_class);
}

/* For the start-up trace: when the first frames reach the screen. */
static void
frame_painted (GdkFrameClock *clock,
               EvkWindow     *self)
{
  static guint n_frames;
  g_autofree char *what = g_strdup_printf ("frame %u painted", ++n_frames);

  evk_trace_mark (what);
  if (n_frames == 3)
    g_signal_handlers_disconnect_by_func (clock, frame_painted, self);
}

static void
frame_phase (GdkFrameClock *clock,
             const char    *phase)
{
  /* The phases of the first frame only: GTK's own handlers ran first
   * (styles, measuring and allocating; then snapshot and render). */
  evk_trace_mark (phase);
  g_signal_handlers_disconnect_by_func (clock, frame_phase, (gpointer) phase);
}

static void
window_realized (EvkWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  evk_trace_mark ("window realized");
  if (g_getenv ("EVALKIT_TRACE_STARTUP") == NULL)
    return;
  g_signal_connect (clock, "layout", G_CALLBACK (frame_phase), (gpointer) "first frame: laid out");
  g_signal_connect (clock, "paint", G_CALLBACK (frame_phase), (gpointer) "first frame: drawn");
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (frame_painted), self, 0);
}

static void
evk_window_init (EvkWindow *self)
{
  evk_trace_mark ("window");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) _evk_edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) _evk_edit_free);
  self->settings = evk_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect (self->settings, "changed::recent-projects", G_CALLBACK (recent_changed), self);
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed), NULL);
  g_signal_connect (self, "realize", G_CALLBACK (window_realized), NULL);
  rebuild_recent (self);
  _evk_window_setup_drop (self);
  _evk_window_update_actions (self);
  evk_trace_mark ("window built");
}

EvkWindow *
evk_window_new (EvkApplication *application)
{
  return g_object_new (EVK_TYPE_WINDOW, "application", application, NULL);
}
