/* evk-variables-page.h: the survey's variables, searchable, with frequencies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-chart-card.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_VARIABLES_PAGE (evk_variables_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkVariablesPage, evk_variables_page, EVK, VARIABLES_PAGE, GtkWidget)

GtkWidget    *evk_variables_page_new            (EvkWorkspace     *workspace);
/* Filters the list as the search entry does; returns how many match. */
guint         evk_variables_page_search         (EvkVariablesPage *self,
                                                 const char       *text);
void          evk_variables_page_select         (EvkVariablesPage *self,
                                                 const char       *variable);
EvkChartCard *evk_variables_page_get_card       (EvkVariablesPage *self);
/* The role row of the selected text variable (an AdwComboRow: categories,
 * free text, personal); hidden for numeric variables. */
GtkWidget    *evk_variables_page_get_role_row   (EvkVariablesPage *self);

G_END_DECLS
