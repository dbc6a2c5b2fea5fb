/* evk-project-mrset.h: multiple-response sets the survey file did not declare
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"

G_BEGIN_DECLS

/* A set is stored in the project's first survey, like the sets a survey
 * file declares, so the table grammar, charts and the report use it by
 * name, and a re-import of the survey keeps it (evk_survey_carry_over).
 * Each call is one transaction and emits "changed" with "survey"; with
 * OLD non-NULL the survey as it was, with its data, is handed back so the
 * edit can be undone by saving it again. */

/* Defines (or redefines, by NAME) a set: TYPE, the value a dichotomy set
 * counts (NULL for a category set), its label in each language (may be
 * NULL) and two or more of the survey's variables, none personal or free
 * text. */
gboolean    evk_project_define_mrset  (EvkProject          *self,
                                       const char          *name,
                                       EvkMrSetType         type,
                                       const char          *counted_value,
                                       GHashTable          *label,
                                       const char * const  *variables,
                                       EvkSurvey          **old,
                                       GError             **error);
gboolean    evk_project_remove_mrset  (EvkProject          *self,
                                       const char          *name,
                                       EvkSurvey          **old,
                                       GError             **error);

/* What a variable of the first survey is for tabulation, as the evaluator
 * says (the variables page, `evalkit variable-role`): "personal" (never
 * tabulated), "categories" or "free-text" (text variables), "auto" (a text
 * variable: the rule decides, see evk_variable_looks_categorical) or
 * "codes" (a numeric variable no longer personal). Saved with the survey,
 * kept by a re-import; emits "changed" with "survey". */
gboolean    evk_project_set_variable_role (EvkProject      *self,
                                           const char      *variable,
                                           const char      *role,
                                           GError         **error);

G_END_DECLS
