/* evk-window.h: the main window
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-application.h"
#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_TYPE_WINDOW (evk_window_get_type ())

G_DECLARE_FINAL_TYPE (EvkWindow, evk_window, EVK, WINDOW, AdwApplicationWindow)

EvkWindow  *evk_window_new          (EvkApplication *application);
void        evk_window_open_file    (EvkWindow      *self,
                                     GFile          *file);
gboolean    evk_window_open_demo    (EvkWindow      *self,
                                     GError        **error);
EvkProject *evk_window_get_project  (EvkWindow      *self);
gboolean    evk_window_save_copy    (EvkWindow      *self,
                                     GFile          *file,
                                     GError        **error);
/* "overview", "goal:KEY", "measure:N", "variables", "groups", "documents". */
void        evk_window_show_page    (EvkWindow      *self,
                                     const char     *page);
const char *evk_window_get_page     (EvkWindow      *self);
/* "nb", "en", … (a language of the project). */
void        evk_window_set_language (EvkWindow      *self,
                                     const char     *lang);

G_END_DECLS
