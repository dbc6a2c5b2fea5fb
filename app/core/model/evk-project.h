/* evk-project.h: an open evaluation project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "evk-store.h"
#include "evk-strategy.h"
#include "evk-survey.h"

G_BEGIN_DECLS

#define EVK_TYPE_PROJECT (evk_project_get_type ())

G_DECLARE_FINAL_TYPE (EvkProject, evk_project, EVK, PROJECT, GObject)

/* The narrative and other texts live in the project under an entity: a
 * measure's section KEY is entity "measure" (the measure's row id), field
 * "section:KEY"; a chapter file NAME.md's section KEY is entity "project",
 * id 0, field "chapter:NAME:KEY". */
#define EVK_NARRATIVE_ENTITY_PROJECT "project"
#define EVK_NARRATIVE_ENTITY_MEASURE "measure"

typedef struct {
  guint n_surveys;
  guint n_respondents;      /* of all surveys */
  guint n_variables;
  guint n_documents;
  guint n_codings;
  guint n_charts;
  guint n_comments;
} EvkProjectCounts;

EvkProject  *evk_project_open             (const char   *path,
                                           GError      **error);
EvkProject  *evk_project_open_read_only   (const char   *path,
                                           GError      **error);
EvkProject  *evk_project_create           (const char   *path,
                                           GError      **error);
typedef gboolean (*EvkProjectBuildFunc) (EvkProject  *project,
                                         gpointer     user_data,
                                         GError     **error);

EvkProject  *evk_project_create_with      (const char          *path,
                                           EvkProjectBuildFunc  build,
                                           gpointer             user_data,
                                           GError             **error);
EvkProject  *evk_project_create_from_strategy (const char   *path,
                                           const char   *strategy_path,
                                           GError      **error);
gboolean     evk_project_save_copy        (EvkProject   *self,
                                           const char   *dest_path,
                                           GError      **error);

const char  *evk_project_get_path         (EvkProject   *self);
EvkStore    *evk_project_get_store        (EvkProject   *self);
EvkStrategy *evk_project_load_strategy    (EvkProject   *self,
                                           GError      **error);
gboolean     evk_project_import_strategy  (EvkProject   *self,
                                           const char   *path,
                                           GError      **error);
/* Saves an edited strategy in one transaction (see evk_strategy_save). */
gboolean     evk_project_save_strategy    (EvkProject   *self,
                                           EvkStrategy  *strategy,
                                           GError      **error);
/* Loads the strategy, lets func change it, and saves it, all in one
 * transaction (so one edit is one undo step and never half-written);
 * emits "changed" with "strategy". evk-project-edit.h has the edits. */
typedef gboolean (*EvkStrategyEditFunc) (EvkProject   *project,
                                         EvkStrategy  *strategy,
                                         gpointer      user_data,
                                         GError      **error);
gboolean     evk_project_edit_strategy    (EvkProject          *self,
                                           EvkStrategyEditFunc  func,
                                           gpointer             user_data,
                                           GError             **error);
gboolean     evk_project_export_strategy  (EvkProject   *self,
                                           const char   *path,
                                           GError      **error);
/* Saves (or replaces, by name) a survey in one transaction. */
gboolean     evk_project_prepare_survey   (EvkProject        *self,
                                           EvkSurvey         *survey,
                                           EvkSurvey        **old,
                                           EvkSurveyChanges **changes,
                                           GError           **error);
gboolean     evk_project_save_survey      (EvkProject   *self,
                                           EvkSurvey    *survey,
                                           GError      **error);
gboolean     evk_project_get_counts       (EvkProject   *self,
                                           EvkProjectCounts *counts,
                                           GError      **error);
gboolean     evk_project_set_measure_status (EvkProject *self,
                                           guint         number,
                                           const char   *status_key,
                                           GError      **error);
/* Whether another window or process (the command line) committed to the
 * project file since the last call or the opening; if so, emits "changed"
 * with "external": everything may have changed. */
gboolean     evk_project_check_external_changes (EvkProject *self);
/* One narrative text of a measure ("section:KEY") in one language, in one
 * transaction; an empty text removes it. With a source fingerprint the
 * text is put back exactly as it was stored (see
 * evk_store_put_text_version); without, it is a new edit. Emits "changed"
 * with "texts". */
/* The text as stored, for putting it back later: body and source
 * fingerprint, both NULL when there is none. */
gboolean     evk_project_get_measure_text (EvkProject  *self,
                                           guint         number,
                                           const char   *field,
                                           const char   *lang,
                                           char        **text,
                                           char        **source_fp,
                                           GError      **error);
gboolean     evk_project_set_measure_text (EvkProject  *self,
                                           guint         number,
                                           const char   *field,
                                           const char   *lang,
                                           const char   *text,
                                           const char   *source_fp,
                                           GError      **error);
/* The state of a measure's text in LANG against its source (the source
 * language's own text is current when it is there). */
EvkTextState evk_project_get_measure_text_state (EvkProject *self,
                                           guint         number,
                                           const char   *field,
                                           const char   *lang,
                                           GError      **error);
/* A measure's text FIELD in every language that has it: a new localized
 * table, possibly empty. */
GHashTable  *evk_project_get_measure_texts (EvkProject  *self,
                                           guint         number,
                                           const char   *field,
                                           GError      **error);

/* The project's small-cell threshold (project_meta "privacy.small-cell",
 * 5 when unset, 0 to 1000): cells with fewer respondents are flagged, and
 * a group or filter with fewer gives no table (see evk-stats.c). */
#define EVK_SMALL_CELL_DEFAULT 5
#define EVK_SMALL_CELL_MAX     1000
gboolean     evk_project_get_small_cell   (EvkProject   *self,
                                           guint        *threshold,
                                           GError      **error);
gboolean     evk_project_set_small_cell   (EvkProject   *self,
                                           guint         threshold,
                                           GError      **error);

/* What happens to a cell below the threshold (project_meta
 * "privacy.disclosure", "flag" when unset): it is drawn and printed with a
 * flag, or suppressed with the cells it could be derived from (see
 * evk-disclosure.h). A review copy always suppresses. */
typedef enum {
  EVK_DISCLOSURE_FLAG,
  EVK_DISCLOSURE_SUPPRESS,
} EvkDisclosureMode;

const char  *evk_disclosure_mode_to_string   (EvkDisclosureMode  mode);
gboolean     evk_disclosure_mode_from_string (const char        *text,
                                              EvkDisclosureMode *mode);
gboolean     evk_project_get_disclosure   (EvkProject        *self,
                                           EvkDisclosureMode *mode,
                                           GError           **error);
/* Sets the threshold and the mode together, in one transaction. */
gboolean     evk_project_set_disclosure   (EvkProject        *self,
                                           guint              threshold,
                                           EvkDisclosureMode  mode,
                                           GError           **error);

/* The project's languages, source language first. */
GStrv        evk_project_get_languages    (EvkProject   *self,
                                           GError      **error);
/* A value the project keeps by key (the report settings' "report.…"), or
 * NULL without an error when it has none. */
char        *evk_project_get_meta         (EvkProject   *self,
                                           const char   *key,
                                           GError      **error);

G_END_DECLS
