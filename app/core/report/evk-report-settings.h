/* evk-report-settings.h: where the report's settings live in a project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "report.Number": a project_meta key. */
char *evk_report_meta_key   (const char *key);
/* "report:Title": a project text field (entity "project", id 0). */
char *evk_report_text_field (const char *key);
/* "report:figure:KEY:caption", "report:figure:KEY:group:0". */
char *evk_report_figure_field (const char *figure,
                               const char *what);

G_END_DECLS
