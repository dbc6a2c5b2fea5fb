/* evk-page.h: pieces every page of the window is built from
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-chart-card.h"
#include "evk-charts.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

/* A scrolled, clamped column; *content receives the vertical box to fill. */
GtkWidget  *evk_page_scrolled_new    (GtkWidget     **content);
GtkWidget  *evk_page_label_new       (const char     *text,
                                      const char     *css_class);
/* A heading over a part of a page, with an accessible heading role. */
GtkWidget  *evk_page_section_new     (const char     *text);
/* Cards side by side when there is room, one per line when not. */
GtkWidget  *evk_page_flow_new        (void);
void        evk_page_flow_append     (GtkWidget      *flow,
                                      GtkWidget      *child);
/* A status as a tinted pill; the tint follows the status's place in the
 * project's list (first = best), not its name. */
GtkWidget  *evk_status_badge_new     (EvkWorkspace   *workspace,
                                      const char     *status);
const char *evk_status_css_class     (EvkWorkspace   *workspace,
                                      const char     *status);
/* The measure's types, targets or responsible bodies in the content
 * language, comma-separated. */
char       *evk_page_join_terms      (EvkWorkspace   *workspace,
                                      EvkVocab        vocab,
                                      GStrv           keys);
char       *evk_page_join_bodies     (EvkWorkspace   *workspace,
                                      GStrv           keys);
/* A big number with a caption under it, as on the overview. */
GtkWidget  *evk_page_figure_new      (const char     *value,
                                      const char     *caption);
void        evk_page_clear_box       (GtkWidget      *box);

/* A card's heading: the UI's word for what the chart shows, the same in
 * every content language. */
GHashTable *evk_page_heading_new     (EvkWorkspace   *workspace,
                                      const char     *text);
/* A card that draws a saved chart's table as the project computes it
 * (no group or base selector). */
EvkChartCard *evk_page_saved_card_new (EvkWorkspace        *workspace,
                                       const EvkSavedChart *chart);

/* Makes a page's card for one of its saved charts. */
typedef EvkChartCard *(*EvkPageCardFunc)     (const EvkSavedChart *chart,
                                              gpointer             user_data);
/* Appends a page's default cards to its flow and cards. */
typedef void          (*EvkPageDefaultsFunc) (gpointer             user_data);

/* Puts the saved charts of a measure (measure > 0) or of a goal (goal not
 * NULL) into flow in the project's order, cards holding the page's cards
 * (borrowed; the flow owns them): a card that stays keeps its group and
 * view, a new chart gets a card from card_new, a removed one loses its
 * card. When the project has no saved chart of any measure (or of any
 * goal) and defaults is given, the page shows its defaults instead: an
 * empty page gets them once. Run at first and whenever the project says
 * its charts changed. */
void        evk_page_sync_saved_cards (EvkWorkspace        *workspace,
                                       GtkWidget           *flow,
                                       GPtrArray           *cards,
                                       guint                measure,
                                       const char          *goal,
                                       EvkPageCardFunc      card_new,
                                       EvkPageDefaultsFunc  defaults,
                                       gpointer             user_data);

G_END_DECLS
