/* evk-strategy-edit.h: edits of a strategy snapshot that keep it whole
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-strategy.h"

G_BEGIN_DECLS

/* What an evaluator does to a strategy, on the plain snapshot: each call
 * leaves a strategy that evk_strategy_validate accepts, or changes nothing
 * and says why. EvkProject runs them in one transaction each
 * (evk-project-edit.h), where what the project holds beyond the strategy
 * (charts, codings, texts) is checked too.
 *
 * Numbering: measures are numbered 1, 2, 3 … in reading order, goal by
 * goal in the goals' order and within a goal in the measures' order, as
 * strategies print them. Adding, moving or removing a measure, or moving a
 * goal, numbers every measure again by that rule (evk_strategy_renumber);
 * a measure keeps its row (EvkMeasure.id), so its texts, charts, codings
 * and offers follow it to its new number. Renaming, facts and list edits
 * leave the numbers alone, so a strategy imported with its own numbering
 * keeps it until its measures are rearranged. */

/* Statuses, types, target groups and sections: a new term named NAME in
 * the source language; its key is made from the name. */
EvkTerm    *evk_strategy_insert_term      (EvkStrategy  *strategy,
                                           EvkVocab      vocab,
                                           const char   *name,
                                           GError      **error);
/* Refused while a measure uses the term; the message names the measures. */
gboolean    evk_strategy_remove_term      (EvkStrategy  *strategy,
                                           EvkVocab      vocab,
                                           const char   *key,
                                           GError      **error);
/* Moves a list entry delta places (clamped to the list). */
gboolean    evk_strategy_move_term        (EvkStrategy  *strategy,
                                           EvkVocab      vocab,
                                           const char   *key,
                                           int           delta,
                                           GError      **error);

EvkBody    *evk_strategy_insert_body      (EvkStrategy  *strategy,
                                           const char   *name,
                                           const char   *abbreviation,
                                           GError      **error);
gboolean    evk_strategy_remove_body      (EvkStrategy  *strategy,
                                           const char   *key,
                                           GError      **error);
gboolean    evk_strategy_move_body        (EvkStrategy  *strategy,
                                           const char   *key,
                                           int           delta,
                                           GError      **error);

/* A goal of KIND ("goal" or "implementation") titled TITLE in the source
 * language, at the end; its key is the next free number. */
EvkGoal    *evk_strategy_insert_goal      (EvkStrategy  *strategy,
                                           const char   *kind,
                                           const char   *title,
                                           GError      **error);
/* Refused while the goal has measures: they would have no goal. */
gboolean    evk_strategy_remove_goal      (EvkStrategy  *strategy,
                                           const char   *key,
                                           GError      **error);
gboolean    evk_strategy_move_goal        (EvkStrategy  *strategy,
                                           const char   *key,
                                           int           delta,
                                           GError      **error);

/* A measure titled TITLE at the end of GOAL; returns it with its number. */
EvkMeasure *evk_strategy_insert_measure   (EvkStrategy  *strategy,
                                           const char   *goal,
                                           const char   *title,
                                           GError      **error);
gboolean    evk_strategy_remove_measure   (EvkStrategy  *strategy,
                                           guint         number,
                                           GError      **error);
/* Moves a measure delta places within its goal; *new_number (may be NULL)
 * is where it ends up. */
gboolean    evk_strategy_move_measure     (EvkStrategy  *strategy,
                                           guint         number,
                                           int           delta,
                                           guint        *new_number,
                                           GError      **error);
/* Moves a measure to the end of another goal. */
gboolean    evk_strategy_set_measure_goal (EvkStrategy  *strategy,
                                           guint         number,
                                           const char   *goal,
                                           guint        *new_number,
                                           GError      **error);
/* A measure's list FIELD ("types", "targets", "responsible") or its
 * "status" (one key, or none) set to KEYS, which must exist. */
gboolean    evk_strategy_set_measure_keys (EvkStrategy         *strategy,
                                           guint                number,
                                           const char          *field,
                                           const char * const  *keys,
                                           GError             **error);

/* A text of the strategy in one language; an empty or NULL TEXT removes
 * it, which the source language's required texts refuse.
 *   what "strategy" (key NULL): "title", "short-title", "owner"
 *   what "goal": "title", "description"; "measure" (key: the number):
 *   "title", "status-note"; "status", "type", "target", "section": "name",
 *   "description"; "body": "name", "abbreviation"; "offer": "label";
 *   "group": "name". */
gboolean    evk_strategy_set_text         (EvkStrategy  *strategy,
                                           const char   *what,
                                           const char   *key,
                                           const char   *field,
                                           const char   *lang,
                                           const char   *text,
                                           GError      **error);

/* Offers: a new one labelled LABEL, its measures, the survey variable of
 * each role (variable NULL unlinks the role), and its removal. */
EvkOffer   *evk_strategy_insert_offer     (EvkStrategy  *strategy,
                                           const char   *label,
                                           GError      **error);
gboolean    evk_strategy_remove_offer     (EvkStrategy  *strategy,
                                           const char   *key,
                                           GError      **error);
gboolean    evk_strategy_set_offer_measures (EvkStrategy *strategy,
                                           const char   *key,
                                           const guint  *numbers,
                                           guint         n_numbers,
                                           GError      **error);
gboolean    evk_strategy_link_offer       (EvkStrategy  *strategy,
                                           const char   *key,
                                           const char   *role,
                                           const char   *variable,
                                           GError      **error);

/* Numbers the measures again by the rule above and rewrites the offers'
 * measure numbers to match. */
void        evk_strategy_renumber         (EvkStrategy  *strategy);
/* A key for a new list entry from its name: lower-case ASCII words joined
 * by "-", unique among TAKEN's keys (key_offset into each element). */
char       *evk_strategy_make_key         (const char   *name,
                                           GPtrArray    *taken,
                                           gsize         key_offset,
                                           const char   *fallback);

G_END_DECLS
