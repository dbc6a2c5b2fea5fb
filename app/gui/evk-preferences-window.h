/* evk-preferences-window.h: the application's preferences, kept in GSettings, and the project's
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_TYPE_PREFERENCES_WINDOW (evk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EvkPreferencesWindow, evk_preferences_window, EVK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* settings may be NULL (no schema): the rows are then insensitive. With a
 * project (the parent window's, or NULL) the window also shows the
 * project's own settings, which are kept in its file. */
GtkWidget *evk_preferences_window_new (GtkWindow  *parent,
                                       GSettings  *settings,
                                       EvkProject *project);

G_END_DECLS
