/* evk-table.h: a computed table: what a chart draws and `evalkit table` prints
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rows are what a chart lists (offers, categories, items), columns what it
 * stacks or compares (categories of a scale, groups). Every cell carries
 * its count, its share of its base and the unweighted n, so a chart can
 * show both and flag small cells. Labels are localized tables. */

typedef struct {
  double   count;      /* weighted count (= n without weights) */
  double   share;      /* percent of the cell's base; NaN when the base is 0 */
  guint    n;          /* unweighted respondents */
  /* A review copy's cell below the small-cell threshold: it has no
   * numbers (count and share NaN, n 0) and prints as suppressed. */
  gboolean suppressed;
} EvkCell;

typedef enum {
  EVK_ENTRY_VALUE,        /* an ordinary category */
  EVK_ENTRY_DONT_KNOW,    /* drawn grey, last */
  EVK_ENTRY_NOT_RELEVANT,
  EVK_ENTRY_TOTAL,
} EvkEntryRole;

typedef struct {
  char         *key;
  GHashTable   *label;    /* localized */
  EvkEntryRole  role;
  double        value;    /* the code, for categories */
  double        base;     /* weighted base of this row/column when it has its own */
  guint         n_base;   /* unweighted base; 0 when the table's base applies */
  /* Columns of the status summary: the status's own colour ("#rrggbb",
   * NULL for the palette's) and whether its measures count as carried
   * out, as the evaluator set them in the strategy. */
  char         *colour;
  gboolean      completed;
} EvkTableEntry;

typedef struct {
  char        *kind;       /* "frequency", "awareness", "outcome", … */
  GHashTable  *title;      /* localized */
  GHashTable  *base_label; /* localized description of the base */
  GPtrArray   *rows;       /* EvkTableEntry */
  GPtrArray   *columns;    /* EvkTableEntry */
  EvkCell     *cells;      /* rows × columns, row-major */
  double       base;       /* weighted base of the whole table */
  guint        n_base;     /* unweighted */
  guint        small_cell; /* cells with n below this are flagged */
  gboolean     weighted;
  /* Localized words for how it is weighted ("Vektet til populasjonens
   * fordeling på Landsdel"); empty when unweighted, or weighted without a
   * name (a review copy made before tables carried one). */
  GHashTable  *weighting_label;
  /* Localized name of the group or filter the table is of; empty when it
   * is of every respondent. */
  GHashTable  *group_label;
} EvkTable;

EvkTable      *evk_table_new          (const char  *kind,
                                       guint        n_rows,
                                       guint        n_columns);
void           evk_table_free         (EvkTable    *table);
EvkTableEntry *evk_table_row          (EvkTable    *table,
                                       guint        row);
EvkTableEntry *evk_table_column       (EvkTable    *table,
                                       guint        column);
EvkCell       *evk_table_cell         (EvkTable    *table,
                                       guint        row,
                                       guint        column);
/* The row or column with this key, or -1. */
int            evk_table_find_row     (EvkTable    *table,
                                       const char  *key);
int            evk_table_find_column  (EvkTable    *table,
                                       const char  *key);
/* Below the small-cell threshold, or suppressed for being so. */
gboolean       evk_table_is_small     (EvkTable    *table,
                                       const EvkCell *cell);
/* Whether the columns are groups with a base each (a crosstab): then no
 * row has one base for all its cells. */
gboolean       evk_table_columns_have_bases (EvkTable *table);
/* The unweighted base a row's cells share: its own, else the table's;
 * NaN when each column has its own. */
double         evk_table_row_base     (EvkTable    *table,
                                       guint        row);
/* Whether any cell is below the threshold but not suppressed: a flagged
 * table, whose outputs mark those cells and footnote why. */
gboolean       evk_table_has_flagged_cells (EvkTable *table);
/* The note under a table with small cells in lang ("† Fewer than 5
 * responses: …", ": … not shown", a line each), or NULL when it has none. */
char          *evk_table_disclosure_note (EvkTable   *table,
                                          const char *lang);
/* "† Label; † Label" for the row's flagged cells, or NULL. */
char          *evk_table_flags_of_row (EvkTable    *table,
                                       guint        row,
                                       const char  *lang);
void           evk_table_remove_row   (EvkTable    *table,
                                       guint        row);
void           evk_table_remove_column (EvkTable   *table,
                                       guint        column);

/* Output in lang: CSV with the title and evk_table_describe's line above a
 * header (label, then per column: n, share; then the base), and a row of
 * the groups' bases where each column has its own; or JSON with keys,
 * labels, counts, shares, bases and the group. Numbers in CSV are
 * plain (a dot, no grouping) so spreadsheets read them. A suppressed cell
 * prints the suppression sign (":") for its n and share; a table with
 * flagged cells gets a last column "†" naming them per row; either ends
 * with the note lines of evk_table_disclosure_note. */
char          *evk_table_to_csv       (EvkTable    *table,
                                       const char  *lang);
char          *evk_table_to_json      (EvkTable    *table,
                                       const char  *lang);

/* The table as a one-sheet Excel workbook (counts, shares, bases). */
gboolean       evk_table_to_xlsx      (EvkTable    *table,
                                       const char  *lang,
                                       const char  *path,
                                       GError     **error);

/* What the table shows, in lang, in the words every view and export
 * prints: "Gruppe: Innvandrerorganisasjoner · N: 35 · Grunnlag: de som
 * svarte" (the group only when there is one). A weighted table names its
 * N as unweighted and ends with how it is weighted: "N (uvektet): 367 ·
 * … · Vektet etter vekt". */
char          *evk_table_describe     (EvkTable    *table,
                                       const char  *lang);
/* How a weighted table is weighted, in lang ("Vektet etter vekt", or
 * "Vektet" when it has no name for it); NULL when unweighted. */
const char    *evk_table_weighting_text (EvkTable  *table,
                                         const char *lang);
/* The group or filter's name in lang; NULL for every respondent. */
const char    *evk_table_group_name   (EvkTable    *table,
                                       const char  *lang);
/* For the clipboard: tab-separated text that pastes into a spreadsheet's
 * cells, and an HTML table for a word processor; both with the title and
 * the description above the numbers, which are written as lang writes
 * them. */
char          *evk_table_to_tsv       (EvkTable    *table,
                                       const char  *lang);
char          *evk_table_to_html      (EvkTable    *table,
                                       const char  *lang);

/* RFC 4180 quoting and JSON string escaping, for every table output. */
void           evk_csv_append_field   (GString     *out,
                                       const char  *text);
void           evk_json_append_string (GString     *out,
                                       const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkTable, evk_table_free)

G_END_DECLS
