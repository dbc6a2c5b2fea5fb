/* evk-start-page.h: what the evaluation still lacks for a finished report, and the way to it
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_START_PAGE (evk_start_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkStartPage, evk_start_page, EVK, START_PAGE, GtkWidget)

GtkWidget  *evk_start_page_new          (EvkWorkspace *workspace);
/* Whether the project has goals and measures; without, the window opens
 * on this page instead of the overview. */
gboolean    evk_start_page_is_needed    (EvkWorkspace *workspace);
/* The key of the first step not done ("strategy", "survey", "links",
 * "documents", "text", "report"), for tests. */
const char *evk_start_page_get_next     (EvkStartPage *self);

G_END_DECLS
