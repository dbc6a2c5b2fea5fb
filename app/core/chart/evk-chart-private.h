/* evk-chart-private.h: the layout pieces every chart kind is built from
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "evk-chart.h"
#include "evk-localized.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} EvkChartRect;

typedef enum {
  EVK_CHART_FONT_BODY,
  EVK_CHART_FONT_BOLD,
  EVK_CHART_FONT_SMALL,
  EVK_CHART_FONT_TITLE,
  EVK_CHART_N_FONTS
} EvkChartFont;

/* Everything one drawing needs; lives for one evk_chart_draw call. */
typedef struct {
  cairo_t              *cr;
  const EvkChartStyle  *style;
  const EvkChartSpec   *spec;
  const char           *lang;
  EvkTable            **tables;
  guint                 n_tables;
  double                width, height;
  double                pt;          /* user units per point, text growth included */
  double                px;          /* device pixels per user unit */
  double                line;        /* height of a line of body text */
  double                small_line;
  double                em;          /* body font size in user units */
  PangoContext         *pango;
  PangoFontDescription *fonts[EVK_CHART_N_FONTS];
  EvkChartHits         *hits;
  gboolean              measuring;   /* only find the preferred height */
  double                preferred_height;
  /* Shaped text, by font, width, lines, alignment and text: layout passes
   * (measure, fit, stretch) shape each string once. */
  GHashTable           *layouts;
} EvkChartCtx;

/* --- Text ---------------------------------------------------------- */

/* max_width <= 0: one line, unwrapped. max_lines > 0 ellipsizes beyond.
 * The layout is shared (a new reference): do not change it. */
PangoLayout *evk_chart_text        (EvkChartCtx     *ctx,
                                    EvkChartFont     font,
                                    const char      *text,
                                    double           max_width,
                                    int              max_lines);
/* As above, lines aligned within max_width. */
PangoLayout *evk_chart_text_aligned (EvkChartCtx    *ctx,
                                     EvkChartFont    font,
                                     const char     *text,
                                     double          max_width,
                                     int             max_lines,
                                     PangoAlignment  alignment);
void         evk_chart_text_size   (PangoLayout     *layout,
                                    double          *width,
                                    double          *height);
double       evk_chart_text_width  (EvkChartCtx     *ctx,
                                    EvkChartFont     font,
                                    const char      *text);
/* Lays each text (NULL: none) out within max_width, wrapping to at most
 * lines, in fonts[i] (fonts NULL: body). Returns the width the column
 * needs: the widest text when all fit on one line, else max_width; *wraps
 * says whether any wrapped. Shaping each label once, not once to measure
 * and again to wrap, is what keeps a draw within a few milliseconds. */
double       evk_chart_label_column (EvkChartCtx        *ctx,
                                     const EvkChartFont *fonts,
                                     const char * const *texts,
                                     guint               n,
                                     double              max_width,
                                     int                 lines,
                                     PangoLayout       **layouts,
                                     gboolean           *wraps);
/* Draws layout with its top left at (x, y) and records its text. */
void         evk_chart_show        (EvkChartCtx     *ctx,
                                    PangoLayout     *layout,
                                    double           x,
                                    double           y,
                                    const EvkRgba   *colour);

/* --- Words and numbers --------------------------------------------- */

const char  *evk_chart_word        (EvkChartCtx     *ctx,
                                    const char      *key,
                                    const char      *fallback);
/* An entry's label in the language, then a neutral one, then its key. */
const char  *evk_chart_label       (EvkChartCtx     *ctx,
                                    EvkTableEntry   *entry);
char        *evk_chart_share_text  (EvkChartCtx     *ctx,
                                    double           share);
char        *evk_chart_count_text  (EvkChartCtx     *ctx,
                                    double           count);
/* "N: 5 103" or "N: 206/197". */
char        *evk_chart_n_text      (EvkChartCtx     *ctx,
                                    const guint     *n,
                                    guint            n_values);
/* The base text for the footer: the spec's, else the table's, or NULL. */
char        *evk_chart_base_text   (EvkChartCtx     *ctx,
                                    EvkTable        *table);
char        *evk_chart_tooltip     (EvkChartCtx     *ctx,
                                    const char      *row_label,
                                    const char      *column_label,
                                    const EvkCell   *cell,
                                    double           base);
/* When every label shares a "question: " prefix or ": item" suffix, the
 * shared part is returned (for the subtitle) and labels are shortened in
 * place. labels are g_strdup'ed strings. */
char        *evk_chart_shorten_labels (GPtrArray    *labels);

/* Colours of a table's columns read as one ordered scale: its values light
 * to dark (reversed: dark to light) or diverging around the middle value,
 * don't know grey and not relevant a second grey. */
void         evk_chart_column_colours (EvkChartCtx  *ctx,
                                       EvkTable     *table,
                                       gboolean      diverging,
                                       gboolean      reversed,
                                       EvkRgba      *out);
/* A column's own colour ("#rrggbb": a status the evaluator coloured, a
 * series whose colour the window pinned) wins over the palette's. */
void         evk_chart_own_colours (EvkTable        *table,
                                    EvkRgba         *out);
/* The diverging kind's colours: its values by code around the middle
 * one, don't know grey, the other answers apart a second grey. */
void         evk_chart_diverging_colours (EvkChartCtx *ctx,
                                          EvkTable    *table,
                                          EvkRgba     *out);
gboolean     evk_chart_is_small    (EvkTable        *table,
                                    const EvkCell   *cell);
/* "8 %" or "12", with a dagger when the cell is small. */
char        *evk_chart_cell_text   (EvkChartCtx     *ctx,
                                    EvkTable        *table,
                                    const EvkCell   *cell,
                                    gboolean         count);
/* The unweighted base of a row: its own or the table's. */
guint        evk_chart_row_n       (EvkTable        *table,
                                    guint            row);
/* The spec's name for table t, or a neutral one. */
char        *evk_chart_group_name  (EvkChartCtx     *ctx,
                                    guint            t);
/* Row order for a ranked kind: by the first column's share under sort
 * (AUTO = descending when ranked), else the table's. */
guint       *evk_chart_row_order   (EvkChartCtx     *ctx,
                                    EvkTable        *table,
                                    gboolean         ranked);

/* --- Drawing ------------------------------------------------------- */

void         evk_chart_set_colour  (EvkChartCtx     *ctx,
                                    const EvkRgba   *colour);
/* A hairline along x (horizontal) or y, snapped to the device grid. */
void         evk_chart_hline       (EvkChartCtx     *ctx,
                                    double           x0,
                                    double           x1,
                                    double           y,
                                    const EvkRgba   *colour,
                                    double           weight);
void         evk_chart_vline       (EvkChartCtx     *ctx,
                                    double           x,
                                    double           y0,
                                    double           y1,
                                    const EvkRgba   *colour,
                                    double           weight);
double       evk_chart_snap        (EvkChartCtx     *ctx,
                                    double           v);
void         evk_chart_fill_rect   (EvkChartCtx     *ctx,
                                    double           x,
                                    double           y,
                                    double           w,
                                    double           h,
                                    const EvkRgba   *colour);
/* Diagonal lines over a small cell, in the fill's text colour. */
void         evk_chart_hatch       (EvkChartCtx     *ctx,
                                    double           x,
                                    double           y,
                                    double           w,
                                    double           h,
                                    const EvkRgba   *fill);
void         evk_chart_add_hit     (EvkChartCtx     *ctx,
                                    EvkChartHitKind  kind,
                                    double           x,
                                    double           y,
                                    double           w,
                                    double           h,
                                    guint            table,
                                    int              row,
                                    int              column,
                                    guint            n,
                                    double           share,
                                    const char      *text);

/* --- Axis (pure) --------------------------------------------------- */

/* Ticks 0, step, 2·step … ≤ max with 1-2-2.5-5 steps, about `wanted` of
 * them; a degenerate range (max ≤ 0 or NaN) gets 0..1. Returns the step. */
double       evk_chart_axis_step   (double           max,
                                    guint            wanted);

/* Places n labels of widths w[] as near their centres c[] as possible in
 * [lo, hi] without overlap (gap between them); writes the left edges to
 * x[]. FALSE when they cannot fit on one line. */
gboolean     evk_chart_place_labels (const double   *w,
                                     const double   *c,
                                     guint           n,
                                     double          lo,
                                     double          hi,
                                     double          gap,
                                     double         *x);

/* --- Frame: caption, legend, plot, footer ---------------------------- */

typedef struct {
  char    *label;
  EvkRgba  fill;
  int      column;     /* for the legend's hit, -1 none */
  guint    table;
} EvkChartLegendItem;

typedef struct {
  char      *title;
  char      *subtitle;
  GArray    *legend;   /* EvkChartLegendItem */
  GPtrArray *footer;   /* lines: N and base, then notes */
} EvkChartFrame;

void         evk_chart_frame_init  (EvkChartFrame   *frame);
void         evk_chart_frame_clear (EvkChartFrame   *frame);
void         evk_chart_frame_legend (EvkChartFrame  *frame,
                                     const char     *label,
                                     const EvkRgba  *fill,
                                     int             column,
                                     guint           table);
/* Adds the "N: … · Base: …" line (unless the spec hides N). */
void         evk_chart_frame_n     (EvkChartCtx     *ctx,
                                    EvkChartFrame   *frame,
                                    const guint     *n,
                                    guint            n_values,
                                    EvkTable        *table);
void         evk_chart_frame_small_note (EvkChartCtx *ctx,
                                         EvkChartFrame *frame,
                                         EvkTable    *table);

/* The body of a chart: how tall it wants to be at a width, and how it
 * draws into the plot rectangle it gets (which may be smaller). */
typedef struct {
  double (*measure) (EvkChartCtx *ctx, gpointer data, double width);
  void   (*draw)    (EvkChartCtx *ctx, gpointer data, const EvkChartRect *plot);
  /* Bars may grow into spare height (up to EVK_CHART_MAX_STRETCH times
   * their natural height), so a chart fills a large window; tables keep
   * their rows. */
  gboolean stretches;
} EvkChartBody;

#define EVK_CHART_MAX_STRETCH 2.2

/* Lays out the frame around the body, drops what does not fit (subtitle,
 * caption, legend, footer, in that order) and draws. */
void         evk_chart_finish      (EvkChartCtx     *ctx,
                                    EvkChartFrame   *frame,
                                    const EvkChartBody *body,
                                    gpointer         data);

/* --- Stacked bars (AWARENESS, OUTCOME, STATUS_SUMMARY) --------------- */

typedef struct {
  double   value;
  EvkRgba  fill;
  gboolean apart;      /* drawn after a gap (don't know) */
  gboolean small;      /* hatched, value marked with a dagger */
  char    *text;       /* value label; NULL none */
  char    *tooltip;
  guint    table;
  int      row, column;
  guint    n;
  double   share;
} EvkChartSegment;

typedef struct {
  char    *label;      /* NULL: no label column */
  char    *trailing;   /* right of the bar (a total); NULL none */
  gboolean apart;      /* a rule above it (the total row) */
  GArray  *segments;   /* EvkChartSegment */
  guint    table;
  int      row;
} EvkChartStackRow;

typedef struct {
  GPtrArray *rows;     /* EvkChartStackRow */
  double     max;      /* 100 for shares; the largest total for counts */
} EvkChartStack;

EvkChartStack    *evk_chart_stack_new  (double           max);
void              evk_chart_stack_free (EvkChartStack   *stack);
EvkChartStackRow *evk_chart_stack_add_row (EvkChartStack *stack,
                                           const char    *label,
                                           guint          table,
                                           int            row);
EvkChartSegment  *evk_chart_stack_add_segment (EvkChartStackRow *row);
extern const EvkChartBody evk_chart_stack_body;

/* --- Simple bars, grouped by row (RANKED, DISTRIBUTION) ------------- */

typedef struct {
  double   value;      /* NaN: no bar */
  EvkRgba  fill;
  gboolean small;
  char    *text;
  char    *tooltip;
  guint    table;
  int      row, column;
  guint    n;
  double   share;
} EvkChartBar;

typedef struct {
  char    *label;
  gboolean apart;      /* don't know: after a gap */
  GArray  *bars;       /* EvkChartBar, one per series */
  guint    table;
  int      row;
} EvkChartBarRow;

typedef struct {
  GPtrArray *rows;     /* EvkChartBarRow */
  gboolean   vertical;
  gboolean   percent;  /* ticks as shares */
  gboolean   axis;     /* gridlines and ticks */
  char      *heading;  /* above the bars (a panel's group); NULL none */
  gboolean   no_labels;/* a panel beside another: labels are the other's */
  double     max;      /* the domain; 0: the largest value */
} EvkChartBars;

EvkChartBars     *evk_chart_bars_new   (void);
void              evk_chart_bars_free  (EvkChartBars    *bars);
EvkChartBarRow   *evk_chart_bars_add_row (EvkChartBars  *bars,
                                          const char    *label,
                                          guint          table,
                                          int            row);
EvkChartBar      *evk_chart_bars_add_bar (EvkChartBarRow *row);
extern const EvkChartBody evk_chart_bars_body;
/* Panels side by side sharing the first one's row labels. */
typedef struct {
  GPtrArray *panels;   /* EvkChartBars */
} EvkChartPanels;
extern const EvkChartBody evk_chart_panels_body;

/* --- The kinds ----------------------------------------------------- */

void evk_chart_draw_awareness        (EvkChartCtx *ctx);
void evk_chart_draw_awareness_ranked (EvkChartCtx *ctx);
void evk_chart_draw_outcome          (EvkChartCtx *ctx);
void evk_chart_draw_distribution     (EvkChartCtx *ctx);
void evk_chart_draw_ranked_shares    (EvkChartCtx *ctx);
void evk_chart_draw_diverging        (EvkChartCtx *ctx);
void evk_chart_draw_status_summary   (EvkChartCtx *ctx);
void evk_chart_draw_documents_matrix    (EvkChartCtx *ctx);
void evk_chart_draw_table            (EvkChartCtx *ctx);

/* Nothing to draw: says so, in the middle. */
void evk_chart_draw_empty            (EvkChartCtx *ctx);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkChartStack, evk_chart_stack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkChartBars, evk_chart_bars_free)

G_END_DECLS
