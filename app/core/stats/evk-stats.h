/* evk-stats.h: the statistics behind every chart, independent of drawing
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-rows.h"
#include "evk-survey.h"
#include "evk-table.h"

G_BEGIN_DECLS

/* Which respondents a share is computed on. The report must say, so the
 * choice is explicit and printed with the chart. */
typedef enum {
  EVK_BASE_VALID,            /* answered, user-missing codes excluded */
  EVK_BASE_WITH_DONT_KNOW,   /* answered, "don't know" kept as a category */
  EVK_BASE_ALL,              /* everyone in the group, no answer included */
} EvkBase;

typedef enum {
  EVK_WEIGHT_NONE,
  EVK_WEIGHT_VARIABLE,       /* the survey's weight variable */
  EVK_WEIGHT_POPULATION,     /* post-stratified to the population shares of a variable */
} EvkWeighting;

typedef struct _EvkStats EvkStats;

/* A statistics context: a survey, a group of its respondents, a base and
 * a weighting. Cheap to re-point at another group: the columns stay. */
EvkStats   *evk_stats_new               (EvkSurvey     *survey);
void        evk_stats_free              (EvkStats      *stats);
/* NULL rows = every respondent. name labels the group in tables. */
void        evk_stats_set_group         (EvkStats      *stats,
                                         const EvkRows *rows,
                                         GHashTable    *name);
void        evk_stats_set_base          (EvkStats      *stats,
                                         EvkBase        base);
/* The project's small-cell threshold: cells below it are flagged, and a
 * group (or filter) of fewer respondents gives no table at all. Default 5. */
void        evk_stats_set_small_cell    (EvkStats      *stats,
                                         guint          threshold);
guint       evk_stats_get_small_cell    (EvkStats      *stats);
/* Whether rows may be a group under the privacy rules (see evk-stats.c);
 * EVK_MODEL_ERROR_PRIVATE if not. */
gboolean    evk_stats_check_rows        (EvkStats      *stats,
                                         const EvkRows *rows,
                                         GError       **error);
gboolean    evk_stats_set_weighting     (EvkStats      *stats,
                                         EvkWeighting   weighting,
                                         const char    *variable,
                                         GError       **error);
guint       evk_stats_get_n             (EvkStats      *stats);

/* One variable's categories (rows) with n and share (one column). */
EvkTable   *evk_stats_frequency         (EvkStats      *stats,
                                         const char    *variable,
                                         GError       **error);
/* One offer: not known / known, not used / known and used, on everyone in
 * the group (the seed's "N: 5103"). counted is the code of "yes". */
EvkTable   *evk_stats_awareness         (EvkStats      *stats,
                                         const char    *heard,
                                         const char    *used,
                                         double         counted,
                                         GError       **error);
/* Several offers ranked by awareness: rows = offers, columns = heard of,
 * used (shares of everyone in the group). labels: one localized table per
 * pair, in the same order. */
EvkTable   *evk_stats_awareness_ranked  (EvkStats      *stats,
                                         const char * const *heard,
                                         const char * const *used,
                                         GPtrArray     *labels,
                                         double         counted,
                                         GError       **error);
/* Items on one scale (outcomes, a Likert grid): rows = items with their own
 * n (the seed's "N: 206/197"), columns = the scale's categories. */
EvkTable   *evk_stats_items             (EvkStats      *stats,
                                         const char * const *variables,
                                         GError       **error);
/* A multiple-response set: rows = items ranked by share, columns = share
 * of respondents (those who answered any item) and share of answers. */
EvkTable   *evk_stats_multiple_response (EvkStats      *stats,
                                         const char * const *variables,
                                         double         counted,
                                         GError       **error);
/* A category set: rows = the categories the variables hold, ranked; each
 * respondent counted once per category; columns as for a multiple-response
 * set. */
EvkTable   *evk_stats_category_set      (EvkStats      *stats,
                                         const char * const *variables,
                                         GError       **error);
/* How many in the group chose each item (seed table 8-1). */
EvkTable   *evk_stats_count_items       (EvkStats      *stats,
                                         const char * const *variables,
                                         double         counted,
                                         GError       **error);
/* A variable across groups: rows = categories, columns = groups. */
EvkTable   *evk_stats_crosstab          (EvkStats      *stats,
                                         const char    *variable,
                                         GPtrArray     *groups,   /* EvkRows */
                                         GPtrArray     *names,    /* localized */
                                         GError       **error);
/* Sample vs register shares of a variable's categories (seed table 1-2). */
EvkTable   *evk_stats_representativity  (EvkStats      *stats,
                                         const char    *variable,
                                         GError       **error);
/* Respondents per net population, in percent; NaN when unknown. */
double      evk_stats_response_rate     (EvkSurvey     *survey);
/* A value as written, for keys and unlabelled categories: the shortest
 * text that reads back to the same number ("0.06"). */
char       *evk_value_to_string         (double         value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkStats, evk_stats_free)

G_END_DECLS
