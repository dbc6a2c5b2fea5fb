/* evk-project-edit.h: building a project's strategy edit by edit
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-strategy-edit.h"

G_BEGIN_DECLS

/* Each call is one transaction on the project (evk_project_edit_strategy)
 * and emits "changed" with "strategy"; on an error nothing is written.
 * The rules, and how measures are numbered, are in evk-strategy-edit.h.
 *
 * Removing something the project holds more than the strategy for is
 * refused, never cascaded: a measure with document codings, saved charts
 * or narrative text, a goal with charts, a section with text. Those are
 * the evaluator's own work, which no key file can bring back, and an undo
 * could not either; the message says what to remove or move first. */

/* A new evaluation's strategy: its languages (source first) and title in
 * the source language. Refused when the project has languages already. */
gboolean    evk_project_begin_strategy      (EvkProject          *self,
                                             const char * const  *languages,
                                             const char          *title,
                                             GError             **error);

/* See evk_strategy_set_text for WHAT, KEY and FIELD. */
gboolean    evk_project_set_strategy_text   (EvkProject   *self,
                                             const char   *what,
                                             const char   *key,
                                             const char   *field,
                                             const char   *lang,
                                             const char   *text,
                                             GError      **error);
gboolean    evk_project_set_period          (EvkProject   *self,
                                             const char   *period,
                                             GError      **error);

/* Goals; the new key is returned. */
char       *evk_project_add_goal            (EvkProject   *self,
                                             const char   *kind,
                                             const char   *title,
                                             GError      **error);
gboolean    evk_project_set_goal_kind       (EvkProject   *self,
                                             const char   *key,
                                             const char   *kind,
                                             GError      **error);
gboolean    evk_project_move_goal           (EvkProject   *self,
                                             const char   *key,
                                             int           delta,
                                             GError      **error);
gboolean    evk_project_remove_goal         (EvkProject   *self,
                                             const char   *key,
                                             GError      **error);

/* Measures; the number the measure has afterwards is returned, 0 on an
 * error. */
guint       evk_project_add_measure         (EvkProject   *self,
                                             const char   *goal,
                                             const char   *title,
                                             GError      **error);
guint       evk_project_move_measure        (EvkProject   *self,
                                             guint         number,
                                             int           delta,
                                             GError      **error);
guint       evk_project_set_measure_goal    (EvkProject   *self,
                                             guint         number,
                                             const char   *goal,
                                             GError      **error);
gboolean    evk_project_remove_measure      (EvkProject   *self,
                                             guint         number,
                                             GError      **error);
/* "status", "types", "targets", "responsible". */
gboolean    evk_project_set_measure_keys    (EvkProject          *self,
                                             guint                number,
                                             const char          *field,
                                             const char * const  *keys,
                                             GError             **error);

/* Statuses, types, target groups, sections; the new key is returned. */
char       *evk_project_add_term            (EvkProject   *self,
                                             EvkVocab      vocab,
                                             const char   *name,
                                             GError      **error);
gboolean    evk_project_move_term           (EvkProject   *self,
                                             EvkVocab      vocab,
                                             const char   *key,
                                             int           delta,
                                             GError      **error);
gboolean    evk_project_remove_term         (EvkProject   *self,
                                             EvkVocab      vocab,
                                             const char   *key,
                                             GError      **error);
/* colour "#rrggbb" or NULL for the palette's. */
gboolean    evk_project_set_status_style    (EvkProject   *self,
                                             const char   *key,
                                             const char   *colour,
                                             gboolean      completed,
                                             GError      **error);

/* Responsible bodies; the new key is returned. */
char       *evk_project_add_body            (EvkProject   *self,
                                             const char   *name,
                                             const char   *abbreviation,
                                             GError      **error);
gboolean    evk_project_set_body_kind       (EvkProject   *self,
                                             const char   *key,
                                             const char   *kind,
                                             GError      **error);
gboolean    evk_project_move_body           (EvkProject   *self,
                                             const char   *key,
                                             int           delta,
                                             GError      **error);
gboolean    evk_project_remove_body         (EvkProject   *self,
                                             const char   *key,
                                             GError      **error);

/* Offers; the new key is returned. A role's variable must be one the
 * project's first survey has (when it has a survey), and may not be
 * personal or free text. */
char       *evk_project_add_offer           (EvkProject   *self,
                                             const char   *label,
                                             GError      **error);
gboolean    evk_project_remove_offer        (EvkProject   *self,
                                             const char   *key,
                                             GError      **error);
gboolean    evk_project_set_offer_measures  (EvkProject   *self,
                                             const char   *key,
                                             const guint  *numbers,
                                             guint         n_numbers,
                                             GError      **error);
gboolean    evk_project_link_offer          (EvkProject   *self,
                                             const char   *key,
                                             const char   *role,
                                             const char   *variable,
                                             GError      **error);

G_END_DECLS
