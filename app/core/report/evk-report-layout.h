/* evk-report-layout.h: the typesetter's entry point and its page sink
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "evk-report-private.h"

G_BEGIN_DECLS

/* A4 in points. */
#define EVK_REPORT_PAGE_WIDTH  595.276
#define EVK_REPORT_PAGE_HEIGHT 841.890
/* The text column's top and right margins: a draft's notes sit beside it. */
#define EVK_REPORT_PAGE_MARGIN_TOP   84.0
#define EVK_REPORT_PAGE_MARGIN_RIGHT 82.0

/* Where pages go: one PDF surface (show_page after each), or a recording
 * surface per page for printing. */
typedef struct {
  cairo_t *(*begin_page) (gpointer data,
                          guint    page);
  void     (*end_page)   (gpointer data,
                          cairo_t *cr);
  gpointer   data;
} EvkPageSink;

/* Lays doc out twice (measure, then draw) onto sink. pdf, when the sink
 * draws on a PDF surface, receives the outline, links and structure. */
gboolean evk_report_typeset (EvkReportDoc      *doc,
                             EvkPageSink       *sink,
                             cairo_surface_t   *pdf,
                             EvkReportOptions  *options,
                             EvkLayoutResult   *result,
                             GError           **error);

G_END_DECLS
