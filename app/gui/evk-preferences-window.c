/* evk-preferences-window.c: the application's preferences, kept in GSettings, and the project's
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-comment.h"
#include "evk-preferences-window.h"

struct _EvkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow   *style_row;
  AdwPreferencesGroup *disclosure_group;
  GtkSpinButton *small_cell_spin;
  AdwComboRow   *disclosure_row;
  EvkProject    *project;
  GtkSpinButton *dpi_spin;
  AdwComboRow   *report_language_row;
  AdwEntryRow   *author_row;
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (EvkPreferencesWindow, evk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const color_schemes[] = { "default", "light", "dark", NULL };
static const char * const report_languages[] = { "nb", "en", "all", NULL };

/* Combo rows hold a position; the keys hold a name from a fixed list. */
static gboolean
name_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *names = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_name (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *names = user_data;
  guint position = g_value_get_uint (value);

  return position < g_strv_length ((char **) names) ? g_variant_new_string (names[position]) : NULL;
}

static void
evk_preferences_window_dispose (GObject *object)
{
  EvkPreferencesWindow *self = EVK_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (evk_preferences_window_parent_class)->dispose (object);
}

static void
evk_preferences_window_class_init (EvkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, EvkPreferencesWindow, disclosure_group);
  gtk_widget_class_bind_template_child (widget_class, EvkPreferencesWindow, small_cell_spin);
  gtk_widget_class_bind_template_child (widget_class, EvkPreferencesWindow, disclosure_row);
  gtk_widget_class_bind_template_child (widget_class, EvkPreferencesWindow, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, EvkPreferencesWindow, report_language_row);
  gtk_widget_class_bind_template_child (widget_class, EvkPreferencesWindow, author_row);
}

static void
evk_preferences_window_init (EvkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The project's threshold and mode are written together whenever either
 * row changes: one transaction, one "settings" change that redraws every
 * chart. */
static void
disclosure_changed (EvkPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint threshold = (guint) gtk_spin_button_get_value_as_int (self->small_cell_spin);
  EvkDisclosureMode mode = adw_combo_row_get_selected (self->disclosure_row) == 1 ? EVK_DISCLOSURE_SUPPRESS
                                                                                  : EVK_DISCLOSURE_FLAG;
  EvkDisclosureMode old_mode;
  guint old_threshold;

  if (evk_project_get_small_cell (self->project, &old_threshold, &error) &&
      evk_project_get_disclosure (self->project, &old_mode, &error) &&
      (old_threshold != threshold || old_mode != mode))
    evk_project_set_disclosure (self->project, threshold, mode, &error);
  if (error != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
show_project (EvkPreferencesWindow *self,
              EvkProject           *project)
{
  g_autoptr(GError) error = NULL;
  EvkDisclosureMode mode;
  guint threshold;

  if (!evk_project_get_small_cell (project, &threshold, &error) ||
      !evk_project_get_disclosure (project, &mode, &error))
    {
      g_warning ("Could not read the project's disclosure control: %s", error->message);
      return;
    }
  self->project = g_object_ref (project);
  gtk_spin_button_set_value (self->small_cell_spin, threshold);
  adw_combo_row_set_selected (self->disclosure_row, mode == EVK_DISCLOSURE_SUPPRESS ? 1 : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->disclosure_group), TRUE);
  /* A review copy's tables were suppressed by the evaluator's project. */
  if (evk_project_is_review_copy (project, NULL))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->small_cell_spin), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->disclosure_row), FALSE);
      adw_preferences_group_set_description (self->disclosure_group,
                                             _("A review copy keeps the disclosure control of the evaluator’s "
                                               "project"));
      return;
    }
  g_signal_connect_swapped (self->small_cell_spin, "value-changed", G_CALLBACK (disclosure_changed), self);
  g_signal_connect_swapped (self->disclosure_row, "notify::selected", G_CALLBACK (disclosure_changed), self);
}

GtkWidget *
evk_preferences_window_new (GtkWindow  *parent,
                            GSettings  *settings,
                            EvkProject *project)
{
  EvkPreferencesWindow *self = g_object_new (EVK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  if (project != NULL)
    show_project (self, project);
  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return GTK_WIDGET (self);
    }
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "export-dpi",
                   gtk_spin_button_get_adjustment (self->dpi_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                name_to_position, position_to_name, (gpointer) color_schemes, NULL);
  g_settings_bind_with_mapping (settings, "report-language", self->report_language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, name_to_position, position_to_name,
                                (gpointer) report_languages, NULL);
  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
