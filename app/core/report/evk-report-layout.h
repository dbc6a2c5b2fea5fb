/* evk-report-layout.h: the typesetter's entry point and its page sink
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include <glib.h>

#include "evk-report-private.h"

G_BEGIN_DECLS

/* A4 in points. */
#define EVK_REPORT_PAGE_WIDTH  595.276
#define EVK_REPORT_PAGE_HEIGHT 841.890
/* The text column's top and right margins: a draft's notes sit beside it. */
#define EVK_REPORT_PAGE_MARGIN_TOP   84.0
#define EVK_REPORT_PAGE_MARGIN_RIGHT 82.0
#define EVK_REPORT_PAGE_MARGIN_LEFT  82.0
#define EVK_REPORT_PAGE_MARGIN_BOTTOM 80.0
/* A figure's chart is at most this tall, so that its caption shares its
 * page; tall enough for the document review of 26 measures with its long
 * names wrapped (in the report's Noto Sans) rather than cut. */
#define EVK_REPORT_FIGURE_MAX_HEIGHT ((EVK_REPORT_PAGE_HEIGHT - EVK_REPORT_PAGE_MARGIN_BOTTOM - \
                                       EVK_REPORT_PAGE_MARGIN_TOP) * 0.9)
/* The running header's baseline; its two halves (the report's title on
 * the left, the chapter's on the right) are each this wide. */
#define EVK_REPORT_HEADER_BASE       52.0
#define EVK_REPORT_HEADER_WIDTH      ((EVK_REPORT_PAGE_WIDTH - EVK_REPORT_PAGE_MARGIN_LEFT - \
                                       EVK_REPORT_PAGE_MARGIN_RIGHT) / 2 - 8)

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

/* text as it fits on one line of width points in layout's font: whole,
 * or its longest run of whole words with an ellipsis ("5 Løfte og støtte
 * sivilsamfunnets innsats for…"); NULL when not even the first word fits.
 * Changes layout's text and width. */
char    *evk_report_fit_line (PangoLayout       *layout,
                              const char        *text,
                              double             width);

G_END_DECLS
