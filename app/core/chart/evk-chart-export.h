/* evk-chart-export.h: a chart to PNG, SVG or PDF, its table to CSV
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-chart.h"

G_BEGIN_DECLS

#define EVK_CHART_ERROR (evk_chart_error_quark ())

typedef enum {
  EVK_CHART_ERROR_FORMAT,      /* a format or size that cannot be written */
  EVK_CHART_ERROR_DRAW,        /* cairo failed */
} EvkChartError;

typedef enum {
  EVK_CHART_FORMAT_PNG,
  EVK_CHART_FORMAT_SVG,
  EVK_CHART_FORMAT_PDF,
  EVK_CHART_FORMAT_CSV,
  EVK_CHART_FORMAT_XLSX,
} EvkChartFormat;

GQuark   evk_chart_error_quark      (void);

/* From the file name's extension (.png, .svg, .pdf, .csv). */
gboolean evk_chart_format_from_path (const char          *path,
                                     EvkChartFormat      *format,
                                     GError             **error);

/* Writes the chart drawn with the print style. width and height are in
 * points (1/72 inch): the page of a PDF or SVG; a PNG has
 * width × dpi / 72 pixels. CSV writes the table (the first one) in the
 * spec's language. The file is replaced only when complete. */
gboolean evk_chart_export           (EvkChartKind         kind,
                                     EvkTable            *table,
                                     const EvkChartSpec  *spec,
                                     EvkChartFormat       format,
                                     const char          *path,
                                     double               width,
                                     double               height,
                                     double               dpi,
                                     GError             **error);
gboolean evk_chart_export_groups    (EvkChartKind         kind,
                                     EvkTable           **tables,
                                     guint                n_tables,
                                     const EvkChartSpec  *spec,
                                     EvkChartFormat       format,
                                     const char          *path,
                                     double               width,
                                     double               height,
                                     double               dpi,
                                     GError             **error);
/* The drawing itself as PNG, SVG or PDF bytes (for the clipboard, and
 * what the export writes), with the caption and what the chart shows
 * (evk_table_describe) as the file's title and description. name names
 * the result in errors. */
GBytes  *evk_chart_render           (EvkChartKind         kind,
                                     EvkTable           **tables,
                                     guint                n_tables,
                                     const EvkChartSpec  *spec,
                                     EvkChartFormat       format,
                                     const char          *name,
                                     double               width,
                                     double               height,
                                     double               dpi,
                                     GError             **error);

G_END_DECLS
