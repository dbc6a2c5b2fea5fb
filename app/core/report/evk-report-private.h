/* evk-report-private.h: the report as a list of blocks, between building and typesetting
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "evk-chart.h"
#include "evk-draft-map.h"
#include "evk-live-figure.h"
#include "evk-markdown.h"
#include "evk-report.h"

G_BEGIN_DECLS

/* The builder turns the project into blocks in one language (every word
 * already in that language, figures numbered, footnotes numbered); the
 * typesetter only places them on pages. That split keeps the layout code
 * free of the model, so printing and the PDF share it. */

typedef enum {
  EVK_BLOCK_TITLE_PAGE,
  EVK_BLOCK_HEADING,
  EVK_BLOCK_PARAGRAPH,
  EVK_BLOCK_TABLE,
  EVK_BLOCK_FIGURE,
  EVK_BLOCK_TOC,
  EVK_BLOCK_RULE,
} EvkBlockKind;

typedef enum {
  EVK_PARA_BODY,
  EVK_PARA_LIST,        /* with a marker, hanging */
  EVK_PARA_QUOTE,       /* interview quotes: indented, smaller */
  EVK_PARA_FACT,        /* "Status: Completed." lines under a measure heading */
  EVK_PARA_CODE,
  EVK_PARA_QUESTION,    /* the questionnaire's question texts */
  EVK_PARA_OPTION,      /* its answer options */
  EVK_PARA_NOTE,        /* notes and sources under figures and tables */
  EVK_PARA_REFERENCE,   /* the reference list: hanging indent */
} EvkParaStyle;

typedef struct {
  char *kicker;         /* "Evaluation report" */
  char *title;
  char *subtitle;
  char *client;         /* "Prepared for …" */
  char *strategy;       /* "Strategy period 2021–2024" */
  char *authors;
  char *number;         /* "Report no. 2025-22" */
  char *issn;
  char *place_date;     /* "Oslo, 23 January 2026" */
  char *draft;          /* NULL unless a draft */
} EvkTitlePage;

typedef struct {
  EvkBlockKind   kind;

  /* Headings: level 1 opens a chapter on a new page, 2 and 3 are sections. */
  guint          level;
  char          *number;        /* "4.1"; NULL for unnumbered parts */
  char          *title;
  char          *anchor;        /* destination name, unique */
  /* What a cross-reference names it by ("fig:KEY", "tab:KEY", "chap:KEY",
   * "sec:KEY", see evk_xref_parse), or NULL. */
  char          *key;
  gboolean       in_toc;
  gboolean       in_outline;

  /* Paragraphs (and the captions of tables and figures). */
  EvkRichText   *text;
  EvkParaStyle   style;
  guint          depth;         /* list nesting */
  char          *marker;        /* list marker */
  gboolean       tight;         /* no space after */
  gboolean       list_end;      /* the last item of a list: a paragraph's space after */
  gboolean       keep_with_next;

  /* Tables: rows of EvkRichText cells, the first n_header_rows repeat on
   * every page the table runs onto. */
  char          *label;         /* "Tabell 4-1" */
  EvkRichText   *caption;
  GPtrArray     *rows;
  guint          n_header_rows;
  guint          n_columns;
  double        *widths;        /* fractions of the text width, or NULL */
  char          *align;         /* per column: 'l', 'r', 'c' */
  GPtrArray     *row_links;     /* per row: an anchor or NULL */
  EvkRichText   *note;

  /* Figures: one chart of n_tables tables (borrowed from the figure cache). */
  EvkChartKind   chart_kind;
  EvkTable      *tables[4];
  guint          n_tables;
  char          *group_names[4];
  char          *alt;

  EvkTitlePage  *title_page;

  /* Where a reviewer's comment on this block belongs (a place of the
   * review layer: "chart:KEY", "measure:20", "section:PART/SEC"…). A block
   * with place_level 1–3 opens a region that runs until the next block
   * that opens one of the same or a higher level (a heading, or the first
   * block of a section without one); a figure or table (place_level 0) is
   * a region of its own. place_name is what the region is called in the
   * draft (the heading, the caption). */
  char          *place;
  char          *place_name;
  guint          place_level;

  /* Typesetting caches, reused by both passes. */
  gpointer       cache;
  GDestroyNotify cache_free;
} EvkBlock;

typedef struct {
  guint       number;
  GPtrArray  *texts;            /* EvkRichText: its paragraphs */
} EvkFootnote;

typedef struct {
  char        *lang;
  GPtrArray   *blocks;          /* EvkBlock */
  GHashTable  *footnotes;       /* number → EvkFootnote */
  char        *running_title;   /* the header's left side */
  char        *draft_word;      /* the header's mark on a draft, or NULL */
  char        *toc_title;
  /* Metadata. */
  char        *title;
  char        *author;
  char        *subject;
  char        *keywords;
  char        *date;            /* ISO 8601 */
  guint        n_unresolved;    /* draft: references shown in red */
  guint        n_missing;       /* draft: texts marked missing */
  guint        n_figures;
  guint        n_tables;
  GPtrArray   *owned_tables;    /* EvkTable the builder made (status, documents) */
} EvkReportDoc;

/* What the typesetter tells about the result. */
typedef struct {
  guint       n_pages;
  GHashTable *anchor_pages;     /* anchor → page (1-based) */
  GArray     *places;           /* EvkDraftAnchor: a draft PDF's regions, else NULL */
  GPtrArray  *figure_alts;      /* char *: each Figure element's alt text, in structure order */
  GPtrArray  *link_texts;       /* char *: each link annotation's text, page by page */
} EvkLayoutResult;

EvkReportDoc *evk_report_doc_build      (EvkProject           *project,
                                         const char           *lang,
                                         EvkReportOptions     *options,
                                         EvkLiveFigures       *figures,
                                         GError              **error);
void          evk_report_doc_free       (EvkReportDoc         *doc);

void          evk_layout_result_clear   (EvkLayoutResult      *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkReportDoc, evk_report_doc_free)

G_END_DECLS
