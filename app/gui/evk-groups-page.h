/* evk-groups-page.h: the respondent groups with live counts, and a filter to try
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_GROUPS_PAGE (evk_groups_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkGroupsPage, evk_groups_page, EVK, GROUPS_PAGE, GtkWidget)

GtkWidget  *evk_groups_page_new        (EvkWorkspace  *workspace);
/* Puts text in the filter entry; the count (or the error) follows at once. */
void        evk_groups_page_try_filter (EvkGroupsPage *self,
                                        const char    *text);
const char *evk_groups_page_get_result (EvkGroupsPage *self);
/* The form, as a user fills it in (for tests). */
void        evk_groups_page_set_name   (EvkGroupsPage *self,
                                        const char    *lang,
                                        const char    *name);
gboolean    evk_groups_page_save       (EvkGroupsPage *self);
gboolean    evk_groups_page_edit       (EvkGroupsPage *self,
                                        const char    *key);
gboolean    evk_groups_page_remove     (EvkGroupsPage *self,
                                        const char    *key);
void        evk_groups_page_undo_remove (EvkGroupsPage *self);

G_END_DECLS
