/* evk-chart-card.h: one interactive chart on a card, with its own group and menu
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "evk-chart-edit-dialog.h"
#include "evk-chart.h"
#include "evk-charts.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_CHART_CARD (evk_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (EvkChartCard, evk_chart_card, EVK, CHART_CARD, GtkWidget)

/* Builds a card's table for a chart that is not a survey query (a status
 * summary, the review matrix). */
typedef EvkTable *(*EvkChartCardBuild) (EvkWorkspace  *workspace,
                                        gpointer       data,
                                        GError       **error);

/* A survey chart: the card owns a copy of query and offers a group and a
 * base selector. */
EvkChartCard       *evk_chart_card_new            (EvkWorkspace       *workspace,
                                                   EvkChartKind        kind,
                                                   const EvkQuery     *query);
/* A saved survey chart in the grammar's words (see evk-table-spec.h): the
 * card offers a group and a base selector, which override the words' own
 * group= and base= for this view only. */
EvkChartCard       *evk_chart_card_new_spec       (EvkWorkspace       *workspace,
                                                   EvkChartKind        kind,
                                                   const char         *spec);
EvkChartCard       *evk_chart_card_new_built      (EvkWorkspace       *workspace,
                                                   EvkChartKind        kind,
                                                   EvkChartCardBuild   build,
                                                   gpointer            data,
                                                   GDestroyNotify      destroy);
/* The heading above the chart, localized (NULL: the table's title). */
void                evk_chart_card_set_title      (EvkChartCard       *self,
                                                   GHashTable         *title);

void                evk_chart_card_set_group      (EvkChartCard       *self,
                                                   const char         *group);
const char         *evk_chart_card_get_group      (EvkChartCard       *self);
/* A second group the chart shows beside its own (NULL: none), as grouped
 * bars or panels as suits the kind. */
void                evk_chart_card_set_compare    (EvkChartCard       *self,
                                                   const char         *group);
const char         *evk_chart_card_get_compare    (EvkChartCard       *self);
void                evk_chart_card_set_dont_know  (EvkChartCard       *self,
                                                   gboolean            dont_know);
void                evk_chart_card_set_show_table (EvkChartCard       *self,
                                                   gboolean            show_table);
/* Recomputes the table and redraws. */
void                evk_chart_card_refresh        (EvkChartCard       *self);

EvkTable           *evk_chart_card_get_table      (EvkChartCard       *self);
EvkChartKind        evk_chart_card_get_kind       (EvkChartCard       *self);
/* Where the last drawing put its bars and legend entries (NULL before the
 * first frame). */
EvkChartHits       *evk_chart_card_get_hits       (EvkChartCard       *self);
/* The tooltip shown at (x, y) of the chart area, or NULL. */
const char         *evk_chart_card_tooltip_at     (EvkChartCard       *self,
                                                   double              x,
                                                   double              y);
/* What a click on (x, y) of the chart area does: a legend entry hides or
 * shows its series. */
void                evk_chart_card_click_at       (EvkChartCard       *self,
                                                   double              x,
                                                   double              y);
gboolean            evk_chart_card_is_hidden      (EvkChartCard       *self,
                                                   const char         *column_key);
/* What the arrow keys do in the chart: move the keyboard's data point
 * step bars on (clamped to the first and last); FALSE when there are none. */
gboolean            evk_chart_card_move_focus_point (EvkChartCard     *self,
                                                     int               step);
/* The keyboard's data point, as an index among the bars and points of the
 * last frame (-1: none), its hit, and its tooltip as told screen readers
 * (the chart area's accessible description). */
int                 evk_chart_card_get_focus_point (EvkChartCard      *self);
const EvkChartHit  *evk_chart_card_get_focus_hit  (EvkChartCard       *self);
const char         *evk_chart_card_get_point_description (EvkChartCard *self);
/* Draws the card's chart as the screen does, for benchmarks and tests. */
EvkChartHits       *evk_chart_card_draw           (EvkChartCard       *self,
                                                   cairo_t            *cr,
                                                   double              width,
                                                   double              height);
GtkWidget          *evk_chart_card_get_chart_area (EvkChartCard       *self);
/* What the card shows: "chart", "table" or "error". */
const char         *evk_chart_card_get_view       (EvkChartCard       *self);

/* Binds the card to the project's saved chart (NULL: none), which adds its
 * caption, its report state and the menu that edits them; can_move_up and
 * can_move_down say whether it has a neighbour on its page. */
void                evk_chart_card_set_saved_chart (EvkChartCard        *self,
                                                    const EvkSavedChart *chart,
                                                    gboolean             can_move_up,
                                                    gboolean             can_move_down);
/* A card that shows what a saved chart shows without being bound to it
 * (the overview's) takes comments on place ("chart:KEY"). */
void                evk_chart_card_set_comment_place (EvkChartCard      *self,
                                                      const char        *place);
/* The comment button of the saved chart (an EvkCommentButton), or NULL. */
GtkWidget          *evk_chart_card_get_comment_button (EvkChartCard     *self);
/* The saved chart's key, or NULL. */
const char         *evk_chart_card_get_chart_key   (EvkChartCard        *self);
gboolean            evk_chart_card_get_in_report   (EvkChartCard        *self);
/* What the "chart.in-report" action does: saves at once, or toasts why not. */
void                evk_chart_card_set_in_report   (EvkChartCard        *self,
                                                    gboolean             in_report);
/* Whether the card says "Not in report". */
gboolean            evk_chart_card_shows_not_in_report (EvkChartCard    *self);
/* The caption shown under the chart, in the content language. */
const char         *evk_chart_card_get_caption     (EvkChartCard        *self);
/* What "chart.edit-text" does: opens the caption dialog over the window
 * (NULL, with a toast, when it cannot). */
EvkChartEditDialog *evk_chart_card_edit_text       (EvkChartCard        *self);
/* What "chart.move-up" (direction -1) and "chart.move-down" (1) do. */
gboolean            evk_chart_card_move            (EvkChartCard        *self,
                                                    int                  direction,
                                                    GError             **error);
/* What dropping a dragged card on target does: it takes target's place
 * among the charts of their page, as Move Up and Move Down do. */
gboolean            evk_chart_card_move_to         (EvkChartCard        *self,
                                                    EvkChartCard        *target,
                                                    GError             **error);

G_END_DECLS
