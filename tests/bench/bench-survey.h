/* bench-survey.h: the demo survey resampled to any size, for the benchmarks
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The demo survey (data/demo/survey.sav) in memory, as ReadStat reads it:
 * its variables with their labels, formats and missing codes, and every
 * respondent's values. */
typedef struct {
  char      *file_label;
  guint      n_rows;
  GPtrArray *variables;   /* of the file's private SourceVariable */
  GHashTable *label_sets; /* name → GPtrArray of Label */
  GHashTable *set_types;  /* name → readstat_type_t */
} BenchSurvey;

BenchSurvey *bench_survey_read       (const char  *path);
void         bench_survey_free       (BenchSurvey *survey);
/* Writes n_rows respondents drawn with a fixed seed from survey as a
 * .sav at path (see bench-survey.c). */
gboolean     bench_survey_write_sav  (BenchSurvey *survey,
                                      const char  *path,
                                      guint        n_rows);
/* The demo's survey metadata at from, its frame grown to n_rows. */
gboolean     bench_survey_write_meta (const char  *from,
                                      const char  *to,
                                      guint        n_rows,
                                      guint        n_demo_rows);
/* A project as a user has it: `evalkit demo` at project, then the demo
 * survey resampled to n_rows imported in place of the demo's with
 * `evalkit import-survey`. Temporary files go in dir and are removed. */
gboolean     bench_survey_make_project (BenchSurvey *survey,
                                        const char  *evalkit,
                                        const char  *dir,
                                        guint        n_rows,
                                        const char  *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchSurvey, bench_survey_free)

G_END_DECLS
