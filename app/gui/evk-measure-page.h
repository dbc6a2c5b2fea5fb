/* evk-measure-page.h: one measure: its facts and narrative (editable), charts and codings
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-chart-card.h"
#include "evk-narrative-editor.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_MEASURE_PAGE (evk_measure_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkMeasurePage, evk_measure_page, EVK, MEASURE_PAGE, GtkWidget)

GtkWidget    *evk_measure_page_new             (EvkWorkspace   *workspace,
                                                guint           number);
guint         evk_measure_page_get_number      (EvkMeasurePage *self);
AdwComboRow  *evk_measure_page_get_status_row  (EvkMeasurePage *self);
/* The page's chart cards, in order (a new array of borrowed cards). */
GPtrArray    *evk_measure_page_get_cards       (EvkMeasurePage *self);
/* The card of an offer's chart ("awareness" or "outcome"), or NULL. */
EvkChartCard *evk_measure_page_find_card       (EvkMeasurePage *self,
                                                const char     *kind,
                                                const char     *offer);
guint         evk_measure_page_get_n_codings   (EvkMeasurePage *self);
EvkNarrativeEditor *evk_measure_page_get_narrative (EvkMeasurePage *self);

G_END_DECLS
