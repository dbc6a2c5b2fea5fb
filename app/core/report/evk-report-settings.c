/* evk-report-settings.c: the report's title page, figures and questionnaire settings
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-report.h"
#include "evk-report-outline.h"
#include "evk-report-settings.h"

/* Language-neutral settings are project_meta rows ("report.KEY"); texts
 * are project texts (entity "project", id 0, field "report:KEY") so that
 * translators see them with everything else. The report's own figures'
 * captions and group names are project texts "report:figure:KEY:caption"
 * and "report:figure:KEY:group:N" (see evk-report-outline.c). */

char *
evk_report_meta_key (const char *key)
{
  return g_strdup_printf ("report.%s", key);
}

char *
evk_report_text_field (const char *key)
{
  return g_strdup_printf ("report:%s", key);
}

char *
evk_report_figure_field (const char *figure,
                         const char *what)
{
  return g_strdup_printf ("report:figure:%s:%s", figure, what);
}

gboolean
evk_report_import_demo (EvkProject  *project,
                        const char  *demo_dir,
                        GError     **error)
{
  g_autofree char *report = g_build_filename (demo_dir, "report", NULL);

  /* The demo's outline, narrative and title page are ordinary data, read
   * as `evalkit import-report` reads a user's. */
  return evk_report_import_dir (project, report, error);
}
