/* evk-report.h: the PDF report, typeset with Cairo and Pango
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <glib.h>

#include "evk-live-figure.h"
#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_REPORT_ERROR (evk_report_error_quark ())

typedef enum {
  EVK_REPORT_ERROR_LANGUAGE,      /* the project has no such language */
  EVK_REPORT_ERROR_MISSING_TEXT,  /* a text or a word is missing in the language */
  EVK_REPORT_ERROR_REFERENCE,     /* a live figure does not resolve */
  EVK_REPORT_ERROR_NARRATIVE,     /* the Markdown of a section is wrong */
  EVK_REPORT_ERROR_FIGURE,        /* a chart's table does not compute */
  EVK_REPORT_ERROR_OUTPUT,        /* the PDF could not be written */
  EVK_REPORT_ERROR_CANCELLED,
} EvkReportError;

/* fraction is 0–1 over the whole build; stage is a word for a progress
 * bar ("Figures", "Pages"), in the UI's language. Called in the rendering
 * thread. */
typedef void (*EvkReportProgressFunc) (double      fraction,
                                       const char *stage,
                                       gpointer    user_data);

/* A reviewer's comment shown on a draft PDF as a note at its place. */
typedef struct {
  char *uuid;
  char *parent_uuid;   /* the comment it answers, or NULL */
  char *place;         /* a review place: "chart:KEY", "measure:20", "page:3"… */
  char *author;
  char *created_at;    /* ISO 8601 */
  char *body;
  char *quote;         /* the text it is about, or NULL */
} EvkReportNote;

void     evk_report_note_free        (EvkReportNote     *note);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkReportNote, evk_report_note_free)

typedef struct {
  /* A draft build marks what is wrong (a reference that does not resolve,
   * in red; a missing translation, as a marked gap) instead of failing. */
  gboolean               draft;
  GCancellable          *cancellable;
  EvkReportProgressFunc  progress;
  gpointer               progress_data;
  /* Optional: computed tables shared between builds (both languages of one
   * project in one thread). NULL: the build computes its own. */
  EvkLiveFigures        *figures;
  /* A draft PDF carries a new document id, and the project records where
   * each chart, table and section sits on its pages (evk-draft-map.h), so
   * that the comments reviewers add in any viewer can come back. notes
   * (EvkReportNote, or NULL) are shown on it at their places. */
  GPtrArray             *notes;
  /* Typeset every language in this process, in threads that take turns,
   * even where a process per language would be possible (see
   * evk_report_render_pdfs). */
  gboolean               one_process;

  /* Out. */
  guint                  n_pages;
  guint                  n_figures;
  guint                  n_tables;
  guint                  n_unresolved;  /* draft: references marked red */
  guint                  n_missing;     /* draft: missing texts marked */
  guint                  n_notes;       /* draft PDF: notes shown */
  guint                  n_processes;   /* languages typeset in a process of their own */
} EvkReportOptions;

GQuark   evk_report_error_quark      (void);

void     evk_report_options_init     (EvkReportOptions  *options);

/* Renders the report of project in lang to a PDF at path: the file is
 * replaced only by a complete, valid report. */
gboolean evk_report_render_pdf       (EvkProject        *project,
                                      const char        *lang,
                                      const char        *path,
                                      GError           **error);
gboolean evk_report_render_pdf_full  (EvkProject        *project,
                                      const char        *lang,
                                      const char        *path,
                                      EvkReportOptions  *options,
                                      GError           **error);

/* The report in every language of langs, to the path at the same index
 * (NULL-terminated arrays of the same length), as `evalkit report --lang
 * all` writes it: the documents are built one after the other, sharing
 * the computed tables, then typeset in parallel: the first language in
 * this process, every other one in a child process forked for it when
 * this process runs a single thread (the command line), else in a thread
 * of its own, taking turns with the others (a window). options' counts
 * are the sums over the languages; progress is reported for the first
 * language. Stops at the first error. */
gboolean evk_report_render_pdfs      (EvkProject         *project,
                                      const char * const *langs,
                                      const char * const *paths,
                                      EvkReportOptions   *options,
                                      GError            **error);

/* The spec of every survey table the report computes in any of langs
 * (its figures, its tables, the figures in its text), built as a draft
 * and not typeset. */
GStrv    evk_report_table_specs      (EvkProject         *project,
                                      const char * const *langs,
                                      GError            **error);

/* The same pages for printing (GtkPrintOperation): laid out once, each page
 * drawn on demand onto a cairo_t whose user unit is the point. */
typedef struct _EvkReportPages EvkReportPages;

EvkReportPages *evk_report_paginate        (EvkProject        *project,
                                            const char        *lang,
                                            EvkReportOptions  *options,
                                            GError           **error);
guint           evk_report_pages_get_n_pages (EvkReportPages  *pages);
/* A4 in points. */
void            evk_report_pages_get_size  (EvkReportPages    *pages,
                                            double            *width,
                                            double            *height);
void            evk_report_pages_draw      (EvkReportPages    *pages,
                                            guint              page,
                                            cairo_t           *cr);
void            evk_report_pages_free      (EvkReportPages    *pages);

/* The demo's outline, title page and narrative: DEMO_DIR/report, read as
 * evk_report_import_dir reads any (evk-report-outline.h). */
gboolean evk_report_import_demo      (EvkProject        *project,
                                      const char        *demo_dir,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkReportPages, evk_report_pages_free)

/* Registers the bundled report fonts with fontconfig, once per process.
 * It changes fontconfig's current configuration, which is not safe while
 * another thread lays text out: a program that renders in a thread calls
 * it on the main thread first. */
void     evk_report_use_bundled_fonts (void);

G_END_DECLS
