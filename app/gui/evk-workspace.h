/* evk-workspace.h: the open project as the window sees it, with fast tables
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "evk-charts.h"
#include "evk-comment-model.h"
#include "evk-documents-stats.h"
#include "evk-project.h"
#include "evk-rows.h"
#include "evk-stats.h"
#include "evk-strategy.h"
#include "evk-survey.h"
#include "evk-table.h"
#include "evk-table-spec.h"

G_BEGIN_DECLS

#define EVK_TYPE_WORKSPACE (evk_workspace_get_type ())

G_DECLARE_FINAL_TYPE (EvkWorkspace, evk_workspace, EVK, WORKSPACE, GObject)

/* What a chart card asks for: the words `evalkit table` takes, split so a
 * card can change the group or the base without re-reading anything. */
typedef struct {
  const char *kind;          /* awareness, outcome, frequency, awareness-all */
  const char *argument;      /* offer key, variable name, or for awareness-all
                              * a goal key (NULL: every offer) */
  const char *group;         /* NULL or "all" = every respondent, else a group key */
  gboolean    dont_know;     /* keep "don't know" as a category of the base */
  const char *weight;        /* NULL, or what follows the grammar's weight=
                              * ("variable", "population:VAR") */
} EvkQuery;

EvkWorkspace   *evk_workspace_new            (EvkProject    *project,
                                              GError       **error);
EvkProject     *evk_workspace_get_project    (EvkWorkspace  *self);
EvkStrategy    *evk_workspace_get_strategy   (EvkWorkspace  *self);
/* The review comments, read once and followed. */
EvkCommentModel *evk_workspace_get_comments  (EvkWorkspace  *self);
/* A review copy: its facts and texts are the evaluator's, and the window
 * only comments on them. */
gboolean        evk_workspace_is_read_only   (EvkWorkspace  *self);
/* The first survey with its data, or NULL when the project has none. */
EvkSurvey      *evk_workspace_get_survey     (EvkWorkspace  *self);
/* NULL when the project has no document review. */
EvkDocumentsStats *evk_workspace_get_documents     (EvkWorkspace  *self);

/* The content language: charts, titles and labels follow it. */
const char     *evk_workspace_get_language   (EvkWorkspace  *self);
void            evk_workspace_set_language   (EvkWorkspace  *self,
                                              const char    *lang);
/* A localized text in the content language, falling back to the source
 * language; never NULL. */
const char     *evk_workspace_tr             (EvkWorkspace  *self,
                                              GHashTable    *localized);

/* The respondents of a group (cached until the data changes); "all" and
 * NULL are everyone. */
const EvkRows  *evk_workspace_get_group_rows (EvkWorkspace  *self,
                                              const char    *group,
                                              GError       **error);
EvkTable       *evk_workspace_compute        (EvkWorkspace  *self,
                                              const EvkQuery *query,
                                              GError       **error);
/* A table in the grammar's words (see evk-table-spec.h), as a saved chart
 * has them. */
EvkTable       *evk_workspace_compute_spec   (EvkWorkspace  *self,
                                              const char    *spec,
                                              GError       **error);
/* A saved chart's table, from what the window has read. */
EvkTable       *evk_workspace_compute_chart  (EvkWorkspace  *self,
                                              EvkSavedChart *chart,
                                              GError       **error);
/* Per goal (or for one goal), how many measures have each status; with
 * goal NULL a total row follows. */
EvkTable       *evk_workspace_status_table   (EvkWorkspace  *self,
                                              const char    *goal);
/* The offers linked to a measure, in strategy order: a new array of
 * borrowed offers. */
GPtrArray      *evk_workspace_offers_of      (EvkWorkspace  *self,
                                              guint          measure);

G_END_DECLS
