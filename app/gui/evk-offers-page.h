/* evk-offers-page.h: the survey's offers, their questions and multiple-response sets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_OFFERS_PAGE (evk_offers_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkOffersPage, evk_offers_page, EVK, OFFERS_PAGE, GtkWidget)

GtkWidget *evk_offers_page_new (EvkWorkspace *workspace);

G_END_DECLS
