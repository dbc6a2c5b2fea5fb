/* evk-application.c: the GTK application
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-application.h"
#include "evk-preferences-window.h"
#include "evk-resources.h"
#include "evk-settings.h"
#include "evk-window.h"

struct _EvkApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL without the schema */
};

G_DEFINE_FINAL_TYPE (EvkApplication, evk_application, ADW_TYPE_APPLICATION)

static EvkWindow *
get_window (EvkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (evk_window_new (self));
  return EVK_WINDOW (window);
}

static void
evk_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (EVK_APPLICATION (app))));
}

static void
evk_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  EvkWindow *window = get_window (EVK_APPLICATION (app));

  if (n_files > 0)
    evk_window_open_file (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Evalkit developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Evalkit"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Evalkit developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Evaluate public strategies: survey and document data, "
                                       "charts per measure and goal, and a bilingual report."),
                         "website", "https://github.com/evalkit/evalkit",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  EvkApplication *self = EVK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  EvkProject *project = EVK_IS_WINDOW (parent) ? evk_window_get_project (EVK_WINDOW (parent)) : NULL;

  gtk_window_present (GTK_WINDOW (evk_preferences_window_new (parent, self->settings, project)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

/* The style follows the preference; libadwaita does the rest. */
static void
color_scheme_changed (GSettings      *settings,
                      const char     *key,
                      EvkApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int scheme = g_settings_get_enum (settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (scheme, 0, (int) G_N_ELEMENTS (schemes) - 1)]);
}

static void
evk_application_startup (GApplication *app)
{
  EvkApplication *self = EVK_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open-demo", { "<Control><Shift>d", NULL } },
    { "win.back", { "<Alt>Left", NULL } },
    { "win.next-language", { "<Control>l", NULL } },
    { "win.show-page::overview", { "<Alt>1", NULL } },
    { "win.show-page::variables", { "<Alt>2", NULL } },
    { "win.show-page::groups", { "<Alt>3", NULL } },
    { "win.show-page::documents", { "<Alt>4", NULL } },
    { "project.import::survey", { "<Control>i", NULL } },
    { "project.undo", { "<Control>z", NULL } },
    { "project.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "project.close", { "<Control>w", NULL } },
    { "project.render-report", { "<Control><Shift>r", NULL } },
    { "project.print-report", { "<Control>p", NULL } },
  };

  G_APPLICATION_CLASS (evk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  self->settings = evk_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (color_scheme_changed), self);
      color_scheme_changed (self->settings, "color-scheme", self);
    }
}

static void
evk_application_dispose (GObject *object)
{
  EvkApplication *self = EVK_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (evk_application_parent_class)->dispose (object);
}

static void
evk_application_class_init (EvkApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evk_application_dispose;
  app_class->activate = evk_application_activate;
  app_class->open = evk_application_open;
  app_class->startup = evk_application_startup;
}

static void
evk_application_init (EvkApplication *self)
{
}

EvkApplication *
evk_application_new (void)
{
  evk_register_resource ();
  return g_object_new (EVK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/evalkit/Evalkit",
                       NULL);
}
