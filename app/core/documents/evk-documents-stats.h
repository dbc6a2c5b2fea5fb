/* evk-documents-stats.h: the findings of the document review, as plain data
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-documents.h"
#include "evk-project.h"
#include "evk-strategy.h"

G_BEGIN_DECLS

/* What the findings say about a set of measures (a goal, the strategy).
 * A measure can be assigned, reported on and mentioned at once; only
 * "never found" excludes the others. */
typedef struct {
  guint  n_measures;
  guint  n_assigned;            /* at least one assignment coding */
  guint  n_not_assigned;
  guint  n_reported;            /* reported on in any document */
  guint  n_reported_annual;     /* reported on in an annual report */
  guint  n_mentioned;
  guint  n_never_found;         /* no coding in any document */
} EvkDocumentsCounts;

/* One measure: a row of the measures × code matrix and the list for the
 * measure page. Documents and codings are borrowed from stats->documents. */
typedef struct {
  guint        number;
  guint        goal;            /* index into stats->goals */
  GHashTable  *title;           /* localized */
  GPtrArray   *codings;         /* EvkCoding, by year then sheet order */
  guint       *n_documents;     /* per code (stats->documents->codes order): documents
                                 * with that code for the measure, the matrix cells */
  GPtrArray   *assigned_in;     /* EvkDocument with an assignment coding */
  GPtrArray   *reported_in;     /* EvkDocument with a reported coding */
  GPtrArray   *mentioned_in;    /* EvkDocument with a mentioned coding */
  GStrv        agencies;        /* recipients of assigned_in, in order of first year */
  GArray      *years;           /* int: years of assigned_in, ascending */
  gboolean     assigned;
  gboolean     reported;
  gboolean     reported_annual; /* reported on in an annual report */
  gboolean     mentioned;
  gboolean     never_found;
} EvkDocumentsMeasure;

typedef struct {
  char            *key;
  char            *kind;        /* goal, implementation */
  GHashTable      *title;       /* localized */
  GPtrArray       *measures;    /* EvkDocumentsMeasure, borrowed, by number */
  EvkDocumentsCounts  counts;
} EvkDocumentsGoal;

typedef struct {
  char   *name;                 /* as written in the sheet */
  guint   n_received;           /* documents addressed to it */
  guint   n_issued;             /* documents it issued */
  guint   n_assignment_codings; /* in the documents it received */
  guint  *n_received_by_year;   /* per stats->years index */
  guint  *n_assignment_codings_by_year;
  GArray *assigned_measures;    /* guint: measures given to it as assignments */
  guint   n_assigned_only;      /* of those, given to no other agency */
  GArray *reported_measures;    /* guint: measures reported on in documents it issued */
} EvkDocumentsAgency;

typedef struct {
  int     year;
  guint   n_documents;
  guint   n_by_type[EVK_N_DOCUMENT_TYPES];
  guint   n_assignment_codings;
  GArray *first_assigned;       /* guint: measures first given as an assignment this year */
} EvkDocumentsYear;

typedef struct {
  EvkDocuments       *documents;         /* owned: the data the findings point into */
  GStrv               languages;         /* the project's, source language first */
  GHashTable         *title;             /* the strategy's short title, localized */
  GPtrArray          *goals;             /* EvkDocumentsGoal, in strategy order */
  GPtrArray          *measures;          /* EvkDocumentsMeasure, grouped by goal, then by number */
  GPtrArray          *agencies;          /* EvkDocumentsAgency, every issuer and recipient, by name */
  GPtrArray          *years;             /* EvkDocumentsYear, ascending */
  EvkDocumentsCounts  counts;            /* the whole strategy */
  guint               n_documents;
  guint               n_by_type[EVK_N_DOCUMENT_TYPES];
  guint               n_codings;
  guint              *n_codings_by_code; /* per code */
} EvkDocumentsStats;

/* A finding as a table of text cells, for `evalkit table` and CSV export.
 * Column names are stable identifiers; titles are in the requested
 * language. */
typedef struct {
  GStrv      columns;
  GPtrArray *rows;              /* GStrv, one cell per column */
} EvkDocumentsTable;

/* Takes ownership of documents; strategy is only read. Codings of measures the
 * strategy does not have are ignored. */
EvkDocumentsStats   *evk_documents_stats_new          (EvkDocuments       *documents,
                                                       EvkStrategy        *strategy);
EvkDocumentsStats   *evk_documents_stats_load         (EvkProject         *project,
                                                       GError            **error);
void                 evk_documents_stats_free         (EvkDocumentsStats  *stats);

EvkDocumentsMeasure *evk_documents_stats_find_measure (EvkDocumentsStats  *stats,
                                                       guint               number);
EvkDocumentsGoal    *evk_documents_stats_find_goal    (EvkDocumentsStats  *stats,
                                                       const char         *key);
EvkDocumentsAgency  *evk_documents_stats_find_agency  (EvkDocumentsStats  *stats,
                                                       const char         *name);
EvkDocumentsYear    *evk_documents_stats_find_year    (EvkDocumentsStats  *stats,
                                                       int                 year);

/* review-measures, review-goals, review-agencies, review-years,
 * review-agency-years, review-documents. */
const char * const *evk_documents_table_names      (void);
EvkDocumentsTable   *evk_documents_stats_get_table    (EvkDocumentsStats  *stats,
                                                       const char         *name,
                                                       const char         *lang,
                                                       GError            **error);
void                 evk_documents_table_free         (EvkDocumentsTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkDocumentsStats, evk_documents_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkDocumentsTable, evk_documents_table_free)

G_END_DECLS
