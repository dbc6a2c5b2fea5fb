/* evk-goal-page.h: one goal: status summary, its measures, its survey charts
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-chart-card.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_GOAL_PAGE (evk_goal_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkGoalPage, evk_goal_page, EVK, GOAL_PAGE, GtkWidget)

GtkWidget     *evk_goal_page_new               (EvkWorkspace *workspace,
                                                const char   *goal);
/* "5 measures: 1 completed, 3 partly completed, …" in the content language. */
const char    *evk_goal_page_get_summary       (EvkGoalPage  *self);
/* The first card of a status summary, or NULL. */
EvkChartCard  *evk_goal_page_get_summary_card  (EvkGoalPage  *self);
/* The chart cards in page order: a new array of borrowed cards. */
GPtrArray     *evk_goal_page_get_cards         (EvkGoalPage  *self);
/* The measures table's model, as sorted on screen (EvkMeasureItem). */
GListModel    *evk_goal_page_get_measures      (EvkGoalPage  *self);
GtkColumnView *evk_goal_page_get_column_view   (EvkGoalPage  *self);

G_END_DECLS
