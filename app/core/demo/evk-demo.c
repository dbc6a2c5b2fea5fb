/* evk-demo.c: the bundled demo evaluation, made through the importers
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "evk-charts.h"
#include "evk-data-dir.h"
#include "evk-demo.h"
#include "evk-documents.h"
#include "evk-import-csv.h"
#include "evk-import-spss.h"
#include "evk-report.h"

static gboolean
build_demo (EvkProject  *project,
            const char  *demo_dir,
            GError     **error)
{
  g_autofree char *strategy_path = g_build_filename (demo_dir, "strategy.ini", NULL);
  g_autofree char *survey_path = g_build_filename (demo_dir, "survey.sav", NULL);
  g_autofree char *meta_path = g_build_filename (demo_dir, "survey-meta.ini", NULL);
  g_autofree char *documents_path = g_build_filename (demo_dir, "documents.csv", NULL);
  g_autofree char *codebook_path = g_build_filename (demo_dir, "codebook.csv", NULL);
  g_autoptr(EvkSurvey) survey = NULL;
  g_auto(GStrv) langs = NULL;
  g_autoptr(GPtrArray) charts = NULL;

  /* The demo goes through the same importers a user's files do: the
   * strategy key file, the SPSS file, and the document coding sheet. The
   * survey's labels are in the strategy's source language. */
  if (!evk_project_import_strategy (project, strategy_path, error) ||
      (langs = evk_project_get_languages (project, error)) == NULL)
    return FALSE;
  survey = evk_import_spss (survey_path, "survey", langs[0], NULL, NULL, NULL, error);
  if (survey == NULL ||
      !evk_import_codebook_translations (survey, codebook_path, langs[0], error) ||
      !evk_survey_apply_meta (survey, meta_path, langs[0], error) ||
      !evk_project_save_survey (project, survey, error))
    return FALSE;
  if (!evk_documents_import (project, documents_path, error) ||
      !evk_report_import_demo (project, demo_dir, error))
    return FALSE;
  /* Its default charts are made now, as a user's project has them after
   * its imports, so a read-only look (`evalkit info`, the report thread)
   * sees them. */
  charts = evk_project_list_charts (project, error);
  return charts != NULL;
}

static gboolean
build_demo_func (EvkProject  *project,
                 gpointer     user_data,
                 GError     **error)
{
  if (!build_demo (project, user_data, error))
    {
      g_prefix_error (error, _("Could not build the demo project: "));
      return FALSE;
    }
  return TRUE;
}

/* Built beside the target and given its name only when whole, as any new
 * project made from files is (evk_project_create_with). */
EvkProject *
evk_demo_create (const char  *path,
                 GError     **error)
{
  g_autofree char *demo_dir = evk_get_demo_dir ();

  return evk_project_create_with (path, build_demo_func, demo_dir, error);
}
