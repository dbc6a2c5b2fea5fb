/* evk-chart.h: one drawing code for every chart, on any cairo_t
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "evk-chart-kind.h"
#include "evk-chart-style.h"
#include "evk-table.h"

G_BEGIN_DECLS

typedef enum {
  EVK_CHART_ORIENTATION_AUTO,
  EVK_CHART_ORIENTATION_HORIZONTAL,
  EVK_CHART_ORIENTATION_VERTICAL,
} EvkChartOrientation;

typedef enum {
  EVK_CHART_SORT_AUTO,         /* the kind's habit: ranked kinds descend */
  EVK_CHART_SORT_NONE,         /* the table's order */
  EVK_CHART_SORT_DESCENDING,
  EVK_CHART_SORT_ASCENDING,
} EvkChartSort;

typedef enum {
  EVK_CHART_ARRANGE_AUTO,
  EVK_CHART_ARRANGE_GROUPED,   /* series side by side */
  EVK_CHART_ARRANGE_STACKED,   /* series stacked in one bar */
} EvkChartArrange;

typedef enum {
  EVK_CHART_VALUES_AUTO,       /* TABLE: what the table has */
  EVK_CHART_VALUES_COUNTS,
  EVK_CHART_VALUES_SHARES,
  EVK_CHART_VALUES_BOTH,
} EvkChartValues;

/* How to draw a table. Strings are borrowed and already in language. */
typedef struct {
  EvkChartKind          kind;
  const char           *language;      /* content language: "nb", "en" */
  EvkChartOrientation   orientation;
  EvkChartSort          sort;
  EvkChartArrange       arrange;
  EvkChartValues        values;
  gboolean              show_values;   /* value labels on the bars */
  gboolean              show_n;        /* N and base under the chart */
  int                   decimals;      /* of shares; -1: whole percents, one
                                        * decimal below 1 % */
  const char           *base_label;    /* NULL: the table's */
  const char           *caption;       /* NULL: none (the report prints its own) */
  const char * const   *group_names;   /* one per table; NULL: the tables' */
} EvkChartSpec;

void evk_chart_spec_init (EvkChartSpec *spec,
                          EvkChartKind  kind,
                          const char   *language);

typedef enum {
  EVK_CHART_HIT_CELL,
  EVK_CHART_HIT_LEGEND,        /* column = the series the entry stands for */
  EVK_CHART_HIT_ROW_LABEL,
} EvkChartHitKind;

/* A region the window answers to: hover shows text, click selects. */
typedef struct {
  EvkChartHitKind  kind;
  double           x, y, width, height;   /* user units of the cairo_t */
  guint            table;                 /* which of the tables */
  int              row, column;           /* -1 when not a cell's */
  guint            n;
  double           share;                 /* NaN when not a share */
  char            *text;                  /* tooltip, in the language */
} EvkChartHit;

typedef struct {
  GArray *hits;   /* EvkChartHit, in drawing order */
} EvkChartHits;

/* Draws table as kind onto cr in the rectangle (0, 0, width, height) of its
 * user space, and returns where each bar and legend entry went. The same
 * call draws on screen, into a PDF page, an SVG or a PNG. */
EvkChartHits      *evk_chart_draw          (EvkChartKind          kind,
                                            EvkTable             *table,
                                            const EvkChartSpec   *spec,
                                            const EvkChartStyle  *style,
                                            cairo_t              *cr,
                                            double                width,
                                            double                height);
/* As above with several tables of the same shape, one per group:
 * AWARENESS_RANKED draws them as panels side by side, DISTRIBUTION as
 * series, AWARENESS and OUTCOME as further rows; other kinds draw the
 * first. */
EvkChartHits      *evk_chart_draw_groups   (EvkChartKind          kind,
                                            EvkTable            **tables,
                                            guint                 n_tables,
                                            const EvkChartSpec   *spec,
                                            const EvkChartStyle  *style,
                                            cairo_t              *cr,
                                            double                width,
                                            double                height);
/* The height the chart looks best at for width (the report sizes figures
 * with it); never less than its smallest legible height. */
double             evk_chart_preferred_height (EvkChartKind         kind,
                                            EvkTable           **tables,
                                            guint                n_tables,
                                            const EvkChartSpec  *spec,
                                            const EvkChartStyle *style,
                                            double               width);

void               evk_chart_hits_free     (EvkChartHits         *hits);
/* The topmost region at (x, y), or NULL (also when hits is NULL). */
const EvkChartHit *evk_chart_hits_find     (EvkChartHits         *hits,
                                            double                x,
                                            double                y);

/* A share as this chart prints it ("8 %", "0,5 %"). */
char              *evk_chart_format_share  (const EvkChartSpec   *spec,
                                            double                share);

/* The colour a chart of kind draws each of table's columns in (out: one
 * per column), so that the window can keep a series' colour when another
 * leaves the table (a series the user hid). FALSE for kinds that colour
 * their tables rather than their columns. */
gboolean           evk_chart_series_colours (EvkChartKind         kind,
                                             EvkTable            *table,
                                             const EvkChartStyle *style,
                                             EvkRgba             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkChartHits, evk_chart_hits_free)

G_END_DECLS
