/* evk-report.h: the PDF report, typeset with Cairo and Pango
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_REPORT_ERROR (evk_report_error_quark ())

typedef enum {
  EVK_REPORT_ERROR_LANGUAGE,
  EVK_REPORT_ERROR_MISSING_TEXT,
  EVK_REPORT_ERROR_OUTPUT,
} EvkReportError;

GQuark   evk_report_error_quark (void);

/* Renders the report of project in lang to a PDF at path. */
gboolean evk_report_render_pdf  (EvkProject  *project,
                                 const char  *lang,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
