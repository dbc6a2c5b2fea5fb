/* evk-check.h: what to fix before a report is sent, with its place
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"

G_BEGIN_DECLS

typedef enum {
  EVK_PROBLEM_DAMAGED,              /* the file fails SQLite's integrity check */
  EVK_PROBLEM_TRANSLATION_MISSING,
  EVK_PROBLEM_TRANSLATION_OUTDATED, /* written from an earlier source text */
  EVK_PROBLEM_LIVE_FIGURE,          /* a {{reference}} that does not resolve */
  EVK_PROBLEM_NO_ALT_TEXT,          /* a chart or figure the report prints */
  EVK_PROBLEM_EMPTY_SECTION,
  EVK_PROBLEM_NARRATIVE,            /* Markdown the report cannot read */
  EVK_PROBLEM_SMALL_CELLS,          /* a chart or figure shows cells below the
                                     * threshold with their numbers (flag mode) */
  EVK_PROBLEM_CROSS_REFERENCE,      /* a [@kind:key] the report has nothing for */
  EVK_N_PROBLEM_KINDS
} EvkProblemKind;

typedef struct {
  EvkProblemKind  kind;
  /* A review place ("project", "goal:KEY", "measure:20", "chart:KEY",
   * "figure:KEY", "part:KEY", "section:PART/SEC",
   * "measure-section:20/SEC"), as the window and comments name them. */
  char           *place;
  char           *place_name;   /* "Measure 20 · Results" */
  char           *lang;         /* the language it is a problem in, or NULL */
  char           *message;      /* "translation missing", in the UI's language */
} EvkProblem;

void        evk_problem_free          (EvkProblem     *problem);
/* "translation-missing", "live-figure" …: stable names for scripts. */
const char *evk_problem_kind_to_string (EvkProblemKind kind);

/* Every problem of the project in lang, or in every language when lang is
 * NULL, in the order of the places in the report (EvkProblem). Reads only. */
GPtrArray  *evk_check_project         (EvkProject     *project,
                                       const char     *lang,
                                       GError        **error);
/* The same for the file at path, opened read-only, after SQLite's full
 * integrity check: a damaged file is one problem, not an error. */
GPtrArray  *evk_check_file            (const char     *path,
                                       const char     *lang,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkProblem, evk_problem_free)

G_END_DECLS
