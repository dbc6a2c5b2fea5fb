/* evk-table-spec.h: a table described in words, computed from a project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-stats.h"
#include "evk-table.h"

G_BEGIN_DECLS

/* SPEC := KIND ARG… [OPTION=VALUE…], e.g.
 *   frequency q72 group=used-any-offer
 *   awareness 7                    (offer 7 of the strategy)
 *   awareness-all group=immigrant-organisations
 *   outcome 1                      (the offer's outcome items, "N: 206/197")
 *   items q34_1..q34_7 base=valid
 *   multiple q35                   (a multiple-response set, or VAR..VAR)
 *   count q16_1..q16_12 filter="q72 in 4..5"
 *   crosstab q72 groups=all,used-any-offer
 *   representativity reg_icnpo
 *   response-rate
 * Options: survey=NAME (default: the first), group=KEY (a strategy group),
 * filter=EXPR (ANDed with the group), base=valid|with-dont-know|all,
 * weight=variable|population:VAR, small=N. The grammar is printed by
 * `evalkit table --help`; errors name the word that is wrong. */
EvkTable   *evk_table_compute      (EvkProject  *project,
                                    const char  *spec,
                                    GError     **error);

/* What tables are computed from: the project's strategy and surveys, read
 * when first needed and kept, with each group's respondents. The window
 * keeps one, so that a group switch answers within a frame, and tells it
 * what to forget when the project changes; evk_table_compute makes one for
 * a single table. */
typedef struct _EvkTableSource EvkTableSource;

EvkTableSource *evk_table_source_new          (EvkProject      *project);
void            evk_table_source_free         (EvkTableSource  *source);
/* Whether a table of these words can be asked for: on a review copy,
 * whether the copy carries it (the window offers only the group views it
 * has); on a project, whether the words are well formed (computing may
 * still fail, on a group too small, say). */
gboolean        evk_table_source_has_table    (EvkTableSource  *source,
                                               const char      *spec);
/* "strategy" (and with it the groups' respondents), "survey", or NULL for
 * everything. */
void            evk_table_source_forget       (EvkTableSource  *source,
                                               const char      *what);
EvkTable       *evk_table_source_compute      (EvkTableSource  *source,
                                               const char      *spec,
                                               GError         **error);
EvkStrategy    *evk_table_source_get_strategy (EvkTableSource  *source,
                                               GError         **error);
/* name NULL: the first survey; NULL without an error when there is none. */
EvkSurvey      *evk_table_source_get_survey   (EvkTableSource  *source,
                                               const char      *name,
                                               GError         **error);
/* The respondents of a strategy group ("all" or NULL: everyone) of the
 * first survey. */
const EvkRows  *evk_table_source_get_rows     (EvkTableSource  *source,
                                               const char      *group,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkTableSource, evk_table_source_free)
const char *evk_table_spec_grammar (void);
/* The words of a table in one spelling: options sorted, defaults
 * (group=all, base=with-dont-know) left out, quoted only where needed. Two
 * specs that compute the same table by their words have the same
 * canonical spelling, which is how a review copy finds its stored
 * tables. */
char       *evk_table_spec_canonical (const char  *text,
                                      GError     **error);
/* The value of one option of the words ("weight" → "population:reg_icnpo"),
 * or NULL when they do not give it or do not read. */
char       *evk_table_spec_get_option (const char  *text,
                                       const char  *key);
/* The words with option KEY set to VALUE (NULL: left out), in the
 * canonical spelling; NULL with an error for words that do not read or an
 * unknown option. */
char       *evk_table_spec_set_option (const char  *text,
                                       const char  *key,
                                       const char  *value,
                                       GError     **error);
/* Whether the words of a table draw for the strategy group KEY (group=KEY,
 * or KEY among groups=…); FALSE for words that do not read. */
gboolean    evk_table_spec_names_group (const char *text,
                                        const char *key);

/* The awareness (outcome FALSE) or outcome table of one offer, on a
 * statistics context the caller keeps (the window keeps one per survey, so
 * a group switch does not reload the data). The offer's short name heads
 * an awareness table. */
EvkTable   *evk_table_for_offer    (EvkStats    *stats,
                                    EvkOffer    *offer,
                                    gboolean     outcome,
                                    double       counted,
                                    GError     **error);

G_END_DECLS
