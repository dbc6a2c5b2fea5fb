/* evk-overview-page.h: the whole strategy at a glance
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-chart-card.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_OVERVIEW_PAGE (evk_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkOverviewPage, evk_overview_page, EVK, OVERVIEW_PAGE, GtkWidget)

/* first_frame: the page is in a window that has not drawn yet, whose
 * first frame should come soon: what is under the first screen (the
 * awareness card, goals, sources) is built right after that frame. */
GtkWidget    *evk_overview_page_new              (EvkWorkspace    *workspace,
                                                  gboolean         first_frame);
EvkChartCard *evk_overview_page_get_status_card  (EvkOverviewPage *self);
EvkChartCard *evk_overview_page_get_awareness_card (EvkOverviewPage *self);
/* The figures shown at the top, e.g. "13,9 %" for the response rate. */
const char   *evk_overview_page_get_figure       (EvkOverviewPage *self,
                                                  const char      *name);
/* The count of problems before sending, or NULL while it is counted. */
const char   *evk_overview_page_get_problems_text (EvkOverviewPage *self);
/* The row that leads to the Problems page. */
GtkWidget    *evk_overview_page_get_problems_row  (EvkOverviewPage *self);

G_END_DECLS
