/* evk-strategy.h: the strategy model: goals, measures and their vocabularies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-types.h"

G_BEGIN_DECLS

/* An EvkStrategy is a complete, plain snapshot of a project's strategy part:
 * what the strategy key file holds, what `evalkit info` summarises. Texts
 * are localized hash tables (language → text), see evk-localized.h. */

typedef enum {
  EVK_VOCAB_STATUS,
  EVK_VOCAB_TYPE,
  EVK_VOCAB_TARGET,
  EVK_VOCAB_SECTION,
  EVK_N_VOCABS,
} EvkVocab;

typedef struct {
  char       *key;
  GHashTable *name;
  GHashTable *description;
  char       *colour;        /* statuses: "#rrggbb", or NULL for the palette's */
  gboolean    completed;     /* statuses: counts as carried out in the summary */
} EvkTerm;

typedef struct {
  char       *key;
  char       *kind;          /* ministry, directorate, other */
  GHashTable *name;
  GHashTable *abbreviation;
} EvkBody;

typedef struct {
  char       *key;
  char       *kind;          /* goal, implementation */
  GHashTable *title;
  GHashTable *description;
} EvkGoal;

typedef struct {
  guint       number;
  /* The row the measure was loaded from, 0 for a new one. Saving matches
   * a measure by it before its number, so a renumbered measure keeps its
   * texts, charts, codings and offers (see evk-strategy-edit.h). */
  gint64      id;
  char       *goal;          /* goal key */
  GHashTable *title;
  GStrv       types;         /* type keys */
  GStrv       targets;       /* target group keys */
  GStrv       responsible;   /* body keys, in order */
  char       *status;        /* status key, or NULL */
  GHashTable *status_note;
} EvkMeasure;

typedef struct {
  char *role;                /* heard-of, used, outcome-members, outcome-activities, or free */
  char *variable;
} EvkOfferItem;

typedef struct {
  char       *key;
  GHashTable *label;
  GArray     *measures;      /* guint measure numbers */
  GPtrArray  *items;         /* EvkOfferItem */
} EvkOffer;

typedef struct {
  char       *key;
  GHashTable *name;
  char       *filter;
} EvkGroup;

struct _EvkStrategy
{
  GStrv       languages;     /* first is the source language */
  GHashTable *title;
  GHashTable *short_title;
  GHashTable *owner;
  char       *period;

  GPtrArray  *vocabs[EVK_N_VOCABS]; /* EvkTerm */
  GPtrArray  *bodies;        /* EvkBody */
  GPtrArray  *goals;         /* EvkGoal */
  GPtrArray  *measures;      /* EvkMeasure, by number */
  GPtrArray  *offers;        /* EvkOffer */
  GPtrArray  *groups;        /* EvkGroup */
};

#define EVK_ROLE_HEARD_OF           "heard-of"
#define EVK_ROLE_USED               "used"
#define EVK_ROLE_OUTCOME_MEMBERS    "outcome-members"
#define EVK_ROLE_OUTCOME_ACTIVITIES "outcome-activities"

EvkStrategy *evk_strategy_new              (void);
void         evk_strategy_free             (EvkStrategy  *strategy);

const char  *evk_strategy_source_language  (EvkStrategy  *strategy);
EvkTerm     *evk_strategy_add_term         (EvkStrategy  *strategy,
                                            EvkVocab      vocab,
                                            const char   *key);
EvkBody     *evk_strategy_add_body         (EvkStrategy  *strategy,
                                            const char   *key);
EvkGoal     *evk_strategy_add_goal         (EvkStrategy  *strategy,
                                            const char   *key);
EvkMeasure  *evk_strategy_add_measure      (EvkStrategy  *strategy,
                                            guint         number);
EvkOffer    *evk_strategy_add_offer        (EvkStrategy  *strategy,
                                            const char   *key);
EvkGroup    *evk_strategy_add_group        (EvkStrategy  *strategy,
                                            const char   *key);

EvkTerm     *evk_strategy_find_term        (EvkStrategy  *strategy,
                                            EvkVocab      vocab,
                                            const char   *key);
EvkBody     *evk_strategy_find_body        (EvkStrategy  *strategy,
                                            const char   *key);
EvkGoal     *evk_strategy_find_goal        (EvkStrategy  *strategy,
                                            const char   *key);
EvkGroup    *evk_strategy_find_group       (EvkStrategy  *strategy,
                                            const char   *key);
EvkMeasure  *evk_strategy_find_measure     (EvkStrategy  *strategy,
                                            guint         number);
const char  *evk_offer_get_variable        (EvkOffer     *offer,
                                            const char   *role);
void         evk_offer_set_variable        (EvkOffer     *offer,
                                            const char   *role,
                                            const char   *variable);

const char  *evk_vocab_to_string           (EvkVocab      vocab);
/* "#rrggbb" in either case: the colours a status may have. */
gboolean     evk_colour_is_valid           (const char   *colour);

/* Checks references between the parts (a measure's goal, status, types,
 * bodies; an offer's measures; group filters; duplicate keys). The message
 * names the part, e.g. "measure 12: unknown status “done”". */
gboolean     evk_strategy_validate         (EvkStrategy  *strategy,
                                            GError      **error);

/* Store I/O. Saving replaces the strategy part of the project in one
 * transaction: entities are matched by key (measures by number), so charts,
 * codings and comments that refer to them survive a re-import. */
EvkStrategy *evk_strategy_load             (EvkStore     *store,
                                            GError      **error);
gboolean     evk_strategy_save             (EvkStrategy  *strategy,
                                            EvkStore     *store,
                                            GError      **error);
/* The row id of measure number (the entity id of its texts), or -1 with
 * an error when the project has no such measure. */
gint64       evk_strategy_measure_id       (EvkStore     *store,
                                            guint         number,
                                            GError      **error);
/* Every measure's row id by number (guint → gint64, as pointers). */
GHashTable  *evk_strategy_measure_ids      (EvkStore     *store,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkStrategy, evk_strategy_free)

G_END_DECLS
