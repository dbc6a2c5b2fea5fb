/* evk-charts.h: the project's saved charts, and the defaults made from its links
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-chart.h"
#include "evk-project.h"
#include "evk-table-spec.h"
#include "evk-table.h"

G_BEGIN_DECLS

/* A saved chart: a kind of drawing, the words of its table (the grammar of
 * `evalkit table`, plus "status-summary [goal=KEY]" and "review-matrix
 * [goal=KEY]"), where it belongs, and its caption and alt text per
 * language. key is the stable id users and the report refer to. */
typedef struct {
  gint64        id;
  char         *key;
  EvkChartKind  kind;
  char         *spec;
  guint         measure;     /* 0 when not a measure's */
  char         *goal;        /* NULL when not a goal's */
  gboolean      in_report;
  GHashTable   *caption;     /* localized */
  GHashTable   *alt_text;    /* localized */
} EvkSavedChart;

void           evk_saved_chart_free        (EvkSavedChart *chart);

/* Every chart of the project in order (measure charts by measure, then
 * goal charts, then the strategy's). A project that has none yet gets the
 * defaults first: per measure, the awareness and outcome charts of the
 * offers linked to it; per goal, its status summary and the awareness of
 * its offers; for the strategy, the status of all goals, every offer's
 * awareness and the document-review matrix. One transaction. */
GPtrArray     *evk_project_list_charts     (EvkProject    *project,
                                            GError       **error);
/* Drops the defaults' rows and makes them again (after links changed). */
gboolean       evk_project_reset_charts    (EvkProject    *project,
                                            GError       **error);
EvkSavedChart *evk_project_find_chart      (GPtrArray     *charts,
                                            const char    *key);
/* The table the chart draws, computed now from the project's data. */
EvkTable      *evk_project_compute_chart   (EvkProject    *project,
                                            EvkSavedChart *chart,
                                            GError       **error);
/* The same from a table source the caller keeps (the window's). */
EvkTable      *evk_project_compute_chart_from (EvkProject     *project,
                                            EvkTableSource *source,
                                            EvkSavedChart  *chart,
                                            GError        **error);

/* A chart of the user's: its words are checked by computing its table once
 * before it is saved. measure 0 and goal NULL make it the strategy's. */
gboolean       evk_project_add_chart       (EvkProject    *project,
                                            const char    *key,
                                            EvkChartKind   kind,
                                            const char    *spec,
                                            guint          measure,
                                            const char    *goal,
                                            GHashTable    *caption,
                                            GError       **error);
/* Changes what is given (NULL / -1 = unchanged): caption and alt text in
 * the languages the tables hold, whether the report prints it, and its
 * place (0 = first) among all charts. */
gboolean       evk_project_edit_chart      (EvkProject    *project,
                                            const char    *key,
                                            GHashTable    *caption,
                                            GHashTable    *alt_text,
                                            int            in_report,
                                            int            position,
                                            GError       **error);
gboolean       evk_project_remove_chart    (EvkProject    *project,
                                            const char    *key,
                                            GError       **error);
/* A chart's weighting, as the table grammar's weight option has it:
 * "variable" (the survey's weight variable), "population:VAR" (post-
 * stratified to the population shares of VAR), or NULL (unweighted, and
 * for charts that do not count survey answers). */
char          *evk_saved_chart_get_weighting (const EvkSavedChart *chart);
/* The weightings the chart can have, in that spelling: "variable" when its
 * survey has a weight variable, then "population:VAR" for each variable
 * the survey has population shares of. Empty for a chart that does not
 * count survey answers, a project without a survey, or a review copy. */
GPtrArray     *evk_project_chart_weightings (EvkProject          *project,
                                            const EvkSavedChart *chart,
                                            GError             **error);
/* Weights the chart (weighting as above; NULL or "none": unweighted) by
 * rewriting its words' weight option, after computing its table once so
 * that a weighting that does not apply is refused. One transaction. */
gboolean       evk_project_set_chart_weighting (EvkProject    *project,
                                            const char    *key,
                                            const char    *weighting,
                                            GError       **error);
/* The first chart drawn for the strategy group KEY, or NULL (a group a
 * chart needs is not to be removed). */
EvkSavedChart *evk_project_chart_for_group (GPtrArray     *charts,
                                            const char    *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkSavedChart, evk_saved_chart_free)

G_END_DECLS
