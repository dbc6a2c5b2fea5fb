/* evk-settings.c: the application's GSettings, and the recent projects in them
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-settings"

#include "config.h"

#include "evk-settings.h"

GSettings *
evk_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed: preferences are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
store_recent (GSettings  *settings,
              const char *first,
              const char *without)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;
  guint n = 0;

  if (first != NULL)
    {
      g_strv_builder_add (builder, first);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < EVK_RECENT_MAX; i++)
    if (g_strcmp0 (old[i], first) != 0 && g_strcmp0 (old[i], without) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) uris);
}

void
evk_settings_add_recent (GSettings  *settings,
                         const char *uri)
{
  if (settings != NULL && uri != NULL)
    store_recent (settings, uri, NULL);
}

void
evk_settings_remove_recent (GSettings  *settings,
                            const char *uri)
{
  if (settings != NULL && uri != NULL)
    store_recent (settings, NULL, uri);
}
