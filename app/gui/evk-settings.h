/* evk-settings.h: the application's GSettings, and the recent projects in them
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EVK_RECENT_MAX 10

/* NULL when the schema is not installed (a run from a build tree without
 * GSETTINGS_SCHEMA_DIR): the window then works without preferences. */
GSettings *evk_settings_new          (void);
/* Puts uri first in recent-projects, without duplicates, at most
 * EVK_RECENT_MAX. */
void       evk_settings_add_recent   (GSettings  *settings,
                                      const char *uri);
void       evk_settings_remove_recent (GSettings *settings,
                                       const char *uri);

G_END_DECLS
