/* evk-lists-page.h: the strategy's lists: statuses, measure types, target groups, sections, bodies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_LISTS_PAGE (evk_lists_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkListsPage, evk_lists_page, EVK, LISTS_PAGE, GtkWidget)

GtkWidget *evk_lists_page_new (EvkWorkspace *workspace);

G_END_DECLS
