/* evk-test-example.h: the second evaluation, built as its README builds it
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every feature is tested on data/examples/digitalt-for-alle as well as on
 * the demo; the tests build it the way a user does, through the same calls
 * the command line makes, so one definition serves them all.
 */
#pragma once

#include <glib.h>

#include "evk-data-dir.h"
#include "evk-documents.h"
#include "evk-import-csv.h"
#include "evk-project.h"
#include "evk-report.h"
#include "evk-survey.h"

static inline char *
evk_test_example_dir (void)
{
  g_autofree char *data = evk_get_data_dir ();

  return g_build_filename (data, "examples", "digitalt-for-alle", NULL);
}

/* The project at path: strategy, CSV survey with its codebook and
 * metadata, then (when asked) the coding sheet and a report folder
 * (report_dir, or none when NULL). */
static inline EvkProject *
evk_test_make_example_with (const char *path,
                            gboolean    with_documents,
                            const char *report_dir)
{
  g_autofree char *ex = evk_test_example_dir ();
  g_autofree char *strategy = g_build_filename (ex, "strategy.ini", NULL);
  g_autofree char *csv = g_build_filename (ex, "survey.csv", NULL);
  g_autofree char *codebook = g_build_filename (ex, "codebook.csv", NULL);
  g_autofree char *meta = g_build_filename (ex, "survey-meta.ini", NULL);
  g_autofree char *documents = g_build_filename (ex, "documents.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = evk_project_create_from_strategy (path, strategy, &error);
  g_autoptr(EvkSurvey) survey = NULL;
  g_auto(GStrv) langs = NULL;

  g_assert_no_error (error);
  langs = evk_project_get_languages (project, &error);
  g_assert_no_error (error);
  survey = evk_import_csv (csv, codebook, "survey", langs[0], NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  evk_import_codebook_translations (survey, codebook, langs[0], &error);
  g_assert_no_error (error);
  evk_survey_apply_meta (survey, meta, langs[0], &error);
  g_assert_no_error (error);
  evk_project_save_survey (project, survey, &error);
  g_assert_no_error (error);
  if (with_documents)
    {
      evk_documents_import (project, documents, &error);
      g_assert_no_error (error);
    }
  if (report_dir != NULL)
    {
      evk_report_import_dir (project, report_dir, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&project);
}

/* The same with (with_report) the example's own report folder. */
static inline EvkProject *
evk_test_make_example (const char *path,
                       gboolean    with_documents,
                       gboolean    with_report)
{
  g_autofree char *ex = evk_test_example_dir ();
  g_autofree char *report = g_build_filename (ex, "report", NULL);

  return evk_test_make_example_with (path, with_documents, with_report ? report : NULL);
}
