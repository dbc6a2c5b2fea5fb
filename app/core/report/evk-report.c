/* evk-report.c: the PDF report, typeset with Cairo and Pango
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evk-pdf-lang.h"
#include "evk-report.h"
#include "evk-report-layout.h"
#include "evk-report-private.h"

G_DEFINE_QUARK (evk-report-error-quark, evk_report_error)

void
evk_report_options_init (EvkReportOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
}

static void
progress (EvkReportOptions *options,
          double            fraction,
          const char       *stage)
{
  if (options->progress != NULL)
    options->progress (fraction, stage, options->progress_data);
}

/* own receives the table cache when the options bring none: the
 * document's figures borrow their tables from it. */
static EvkReportDoc *
build (EvkProject        *project,
       const char        *lang,
       EvkReportOptions  *options,
       EvkLiveFigures   **own,
       GError           **error)
{
  EvkLiveFigures *figures = options->figures;
  EvkReportDoc *doc;

  if (figures == NULL)
    figures = *own = evk_live_figures_new (project);
  progress (options, 0.0, _("Text and figures"));
  doc = evk_report_doc_build (project, lang, options, figures, error);
  if (doc == NULL)
    return NULL;
  options->n_figures = doc->n_figures;
  options->n_tables = doc->n_tables;
  options->n_unresolved = doc->n_unresolved;
  options->n_missing = doc->n_missing;
  return doc;
}

typedef struct {
  cairo_t *cr;
} PdfSink;

static cairo_t *
pdf_begin_page (gpointer data,
                guint    page)
{
  return ((PdfSink *) data)->cr;
}

static void
pdf_end_page (gpointer  data,
              cairo_t  *cr)
{
  cairo_show_page (cr);
}

static char *
pdf_date (const char *iso_date)
{
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02dT12:00:00", year, month, day);
}

/* Typesets doc to path. Touches neither the project nor the table cache:
 * several of these may run at once, one per language. */
static gboolean
write_pdf (EvkReportDoc      *doc,
           const char        *path,
           EvkReportOptions  *options,
           GError           **error)
{
  g_autofree char *tmp_path = NULL, *date = NULL;
  g_autoptr(GError) local_error = NULL;
  EvkLayoutResult result = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfSink sink_data = { NULL };
  EvkPageSink sink = { pdf_begin_page, pdf_end_page, &sink_data };
  gboolean ok;

  /* Render beside the target and rename: a failed build never replaces a
   * good PDF with half of one. */
  tmp_path = g_strconcat (path, ".partial", NULL);
  surface = cairo_pdf_surface_create (tmp_path, EVK_REPORT_PAGE_WIDTH, EVK_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title != NULL ? doc->title : "");
  if (doc->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
  if (doc->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
  if (doc->keywords != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, doc->keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Evalkit " PACKAGE_VERSION);
  /* The report's own date, so that the same project gives the same file. */
  date = pdf_date (doc->date);
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
  sink_data.cr = cairo_create (surface);

  ok = evk_report_typeset (doc, &sink, surface, options, &result, &local_error);
  options->n_pages = result.n_pages;
  evk_layout_result_clear (&result);

  cairo_destroy (sink_data.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&local_error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_OUTPUT,
                   "%s", cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && !evk_pdf_set_language (tmp_path, doc->lang, &local_error))
    ok = FALSE;
  if (ok && g_rename (tmp_path, path) != 0)
    {
      g_set_error (&local_error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_OUTPUT,
                   "%s", g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp_path);
      /* A cancel is no failure of the file: say so plainly. */
      if (g_error_matches (local_error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
    }
  return ok;
}

gboolean
evk_report_render_pdf_full (EvkProject        *project,
                            const char        *lang,
                            const char        *path,
                            EvkReportOptions  *options,
                            GError           **error)
{
  g_autoptr(EvkLiveFigures) own = NULL;
  g_autoptr(EvkReportDoc) doc = NULL;
  EvkReportOptions defaults;
  gboolean ok;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (lang != NULL && path != NULL, FALSE);

  if (options == NULL)
    {
      evk_report_options_init (&defaults);
      options = &defaults;
    }
  doc = build (project, lang, options, &own, error);
  if (doc == NULL)
    return FALSE;
  ok = write_pdf (doc, path, options, error);
  progress (options, 1.0, _("Pages"));
  return ok;
}

typedef struct {
  EvkReportDoc     *doc;
  const char       *path;
  EvkReportOptions  options;
  GError           *error;
  gboolean          ok;
} Job;

static gpointer
run_job (gpointer data)
{
  Job *job = data;

  job->ok = write_pdf (job->doc, job->path, &job->options, &job->error);
  return NULL;
}

gboolean
evk_report_render_pdfs (EvkProject         *project,
                        const char * const *langs,
                        const char * const *paths,
                        EvkReportOptions   *options,
                        GError            **error)
{
  g_autoptr(EvkLiveFigures) own = NULL;
  guint n = g_strv_length ((GStrv) langs);
  g_autofree Job *jobs = g_new0 (Job, n);
  g_autofree GThread **threads = g_new0 (GThread *, n);
  EvkReportOptions defaults;
  EvkLiveFigures *figures;
  gboolean ok = TRUE;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (g_strv_length ((GStrv) paths) == n, FALSE);

  if (options == NULL)
    {
      evk_report_options_init (&defaults);
      options = &defaults;
    }
  figures = options->figures;
  if (figures == NULL)
    figures = own = evk_live_figures_new (project);

  /* Building reads the project and computes the tables (once for all the
   * languages): one after the other. Typesetting touches neither and runs
   * one thread per language. */
  for (guint i = 0; i < n && ok; i++)
    {
      jobs[i].options = *options;
      jobs[i].options.figures = figures;
      /* Progress comes from the first language's thread only. */
      if (i > 0)
        jobs[i].options.progress = NULL;
      jobs[i].path = paths[i];
      jobs[i].doc = evk_report_doc_build (project, langs[i], &jobs[i].options, figures, error);
      ok = jobs[i].doc != NULL;
      if (ok)
        {
          jobs[i].options.n_figures = jobs[i].doc->n_figures;
          jobs[i].options.n_tables = jobs[i].doc->n_tables;
          jobs[i].options.n_unresolved = jobs[i].doc->n_unresolved;
          jobs[i].options.n_missing = jobs[i].doc->n_missing;
        }
    }
  if (ok)
    {
      for (guint i = 1; i < n; i++)
        threads[i] = g_thread_new ("evk-report", run_job, &jobs[i]);
      if (n > 0)
        run_job (&jobs[0]);
      for (guint i = 1; i < n; i++)
        g_thread_join (threads[i]);
    }

  options->n_pages = options->n_figures = options->n_tables = 0;
  options->n_unresolved = options->n_missing = 0;
  for (guint i = 0; i < n; i++)
    {
      if (ok && !jobs[i].ok && jobs[i].error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&jobs[i].error));
          ok = FALSE;
        }
      g_clear_error (&jobs[i].error);
      options->n_pages += jobs[i].options.n_pages;
      options->n_figures += jobs[i].options.n_figures;
      options->n_tables += jobs[i].options.n_tables;
      options->n_unresolved += jobs[i].options.n_unresolved;
      options->n_missing += jobs[i].options.n_missing;
      g_clear_pointer (&jobs[i].doc, evk_report_doc_free);
    }
  progress (options, 1.0, _("Pages"));
  return ok;
}

gboolean
evk_report_render_pdf (EvkProject  *project,
                       const char  *lang,
                       const char  *path,
                       GError     **error)
{
  return evk_report_render_pdf_full (project, lang, path, NULL, error);
}

/* Printing: one recording surface per page. */

struct _EvkReportPages
{
  GPtrArray *pages;   /* cairo_surface_t */
};

typedef struct {
  GPtrArray       *pages;
  cairo_surface_t *current;
} RecordingSink;

static cairo_t *
recording_begin_page (gpointer data,
                      guint    page)
{
  RecordingSink *sink = data;
  cairo_rectangle_t extents = { 0, 0, EVK_REPORT_PAGE_WIDTH, EVK_REPORT_PAGE_HEIGHT };

  sink->current = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  g_ptr_array_add (sink->pages, sink->current);
  return cairo_create (sink->current);
}

static void
recording_end_page (gpointer  data,
                    cairo_t  *cr)
{
  cairo_destroy (cr);
}

EvkReportPages *
evk_report_paginate (EvkProject        *project,
                     const char        *lang,
                     EvkReportOptions  *options,
                     GError           **error)
{
  g_autoptr(EvkLiveFigures) own = NULL;
  g_autoptr(EvkReportDoc) doc = NULL;
  EvkReportOptions defaults;
  EvkReportPages *pages;
  RecordingSink data = { NULL, NULL };
  EvkPageSink sink = { recording_begin_page, recording_end_page, &data };
  EvkLayoutResult result = { 0 };

  if (options == NULL)
    {
      evk_report_options_init (&defaults);
      options = &defaults;
    }
  doc = build (project, lang, options, &own, error);
  if (doc == NULL)
    return NULL;
  data.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  if (!evk_report_typeset (doc, &sink, NULL, options, &result, error))
    {
      g_ptr_array_unref (data.pages);
      return NULL;
    }
  options->n_pages = result.n_pages;
  evk_layout_result_clear (&result);
  pages = g_new0 (EvkReportPages, 1);
  pages->pages = data.pages;
  return pages;
}

guint
evk_report_pages_get_n_pages (EvkReportPages *pages)
{
  return pages->pages->len;
}

void
evk_report_pages_get_size (EvkReportPages *pages,
                           double         *width,
                           double         *height)
{
  *width = EVK_REPORT_PAGE_WIDTH;
  *height = EVK_REPORT_PAGE_HEIGHT;
}

void
evk_report_pages_draw (EvkReportPages *pages,
                       guint           page,
                       cairo_t        *cr)
{
  g_return_if_fail (page < pages->pages->len);

  cairo_save (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (pages->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
evk_report_pages_free (EvkReportPages *pages)
{
  if (pages == NULL)
    return;
  g_ptr_array_unref (pages->pages);
  g_free (pages);
}

GStrv
evk_report_table_specs (EvkProject          *project,
                        const char * const  *langs,
                        GError             **error)
{
  g_autoptr(EvkLiveFigures) figures = NULL;

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  figures = evk_live_figures_new (project);
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autoptr(EvkReportDoc) doc = NULL;
      EvkReportOptions options;

      /* As a draft: a figure that does not resolve is no reason to stop. */
      evk_report_options_init (&options);
      options.draft = TRUE;
      doc = evk_report_doc_build (project, langs[i], &options, figures, error);
      if (doc == NULL)
        return NULL;
    }
  return evk_live_figures_get_specs (figures);
}
