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
#ifdef G_OS_UNIX
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "evk-draft-map.h"
#include "evk-pdf-lang.h"
#include "evk-report.h"
#include "evk-report-layout.h"
#include "evk-report-private.h"
#include "evk-store-review.h"
#include "evk-store.h"
#include "evk-translatable.h"

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

void
evk_report_note_free (EvkReportNote *note)
{
  if (note == NULL)
    return;
  g_free (note->uuid);
  g_free (note->parent_uuid);
  g_free (note->place);
  g_free (note->author);
  g_free (note->created_at);
  g_free (note->body);
  g_free (note->quote);
  g_free (note);
}

/* A draft in the making: its ids, and what the typesetter found. */
typedef struct {
  char   *doc_id;
  char   *project_id;
  GArray *places;       /* EvkDraftAnchor */
  guint   n_notes;
} Draft;

static void
draft_clear (Draft *draft)
{
  g_clear_pointer (&draft->doc_id, g_free);
  g_clear_pointer (&draft->project_id, g_free);
  g_clear_pointer (&draft->places, g_array_unref);
}

#define NOTE_SIZE 20.0
#define NOTE_STEP 22.0

/* The notes of a draft at their places: in the right margin beside the
 * top of the first page of their place, one under the other; a reply
 * where its comment is, as viewers thread them; a comment whose place is
 * not in this report on the first page, saying what it is about. */
static GArray *
draft_notes (GPtrArray *notes,
             GArray    *places,
             guint      n_pages,
             GPtrArray *texts)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EvkDraftMap) map = evk_draft_map_new (NULL, NULL, NULL, n_pages, places);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (EvkPdfNote));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; notes != NULL && i < notes->len; i++)
      {
        EvkReportNote *note = g_ptr_array_index (notes, i);
        EvkPdfNote pdf = { 0 };
        EvkPdfNote *parent = NULL;
        const EvkDraftAnchor *anchor;
        guint page_number = 0;
        GString *text;

        /* Comments first, so that their replies find them. */
        if ((note->parent_uuid != NULL) != (pass == 1) || note->uuid == NULL)
          continue;
        if (note->parent_uuid != NULL)
          {
            gpointer index;

            if (g_hash_table_lookup_extended (by_uuid, note->parent_uuid, NULL, &index))
              parent = &g_array_index (out, EvkPdfNote, GPOINTER_TO_UINT (index));
          }
        anchor = evk_draft_map_first (map, note->place);
        text = g_string_new (note->body);
        if (note->quote != NULL && note->quote[0] != '\0')
          g_string_append_printf (text, "\n\n“%s”", note->quote);
        if (parent != NULL)
          {
            pdf.page = parent->page;
            pdf.x = parent->x;
            pdf.y = parent->y;
            pdf.subject = parent->subject;
          }
        else
          {
            g_autofree char *key = NULL;
            guint n;

            if (anchor != NULL)
              {
                pdf.page = anchor->page;
                pdf.y = anchor->y0;
                pdf.subject = anchor->name;
              }
            else if (g_str_has_prefix (note->place, "page:") &&
                     sscanf (note->place, "page:%u", &page_number) == 1 && page_number >= 1 &&
                     page_number <= n_pages)
              {
                pdf.page = page_number;
                pdf.y = EVK_REPORT_PAGE_MARGIN_TOP;
              }
            else
              {
                pdf.page = 1;
                pdf.y = EVK_REPORT_PAGE_MARGIN_TOP;
                pdf.subject = note->place;
              }
            pdf.x = EVK_REPORT_PAGE_WIDTH - EVK_REPORT_PAGE_MARGIN_RIGHT + 12;
            key = g_strdup_printf ("%u:%.0f", pdf.page, pdf.y);
            n = GPOINTER_TO_UINT (g_hash_table_lookup (taken, key));
            g_hash_table_insert (taken, g_steal_pointer (&key), GUINT_TO_POINTER (n + 1));
            pdf.y = MIN (pdf.y + n * NOTE_STEP, EVK_REPORT_PAGE_HEIGHT - NOTE_SIZE);
          }
        pdf.uuid = note->uuid;
        pdf.parent_uuid = parent != NULL ? note->parent_uuid : NULL;
        pdf.author = note->author;
        pdf.date = note->created_at;
        pdf.text = text->str;
        g_ptr_array_add (texts, g_string_free (text, FALSE));
        g_hash_table_insert (by_uuid, note->uuid, GUINT_TO_POINTER (out->len));
        g_array_append_val (out, pdf);
      }
  return out;
}

/* Typesets doc to path.partial (the caller publishes it) and, for a draft,
 * gives it its id and notes. Touches neither the project nor the table
 * cache: several of these may run at once, one per language. */
static gboolean
write_pdf (EvkReportDoc      *doc,
           const char        *tmp_path,
           EvkReportOptions  *options,
           Draft             *draft,
           GError           **error)
{
  g_autofree char *date = NULL;
  EvkLayoutResult result = { 0 };
  g_autoptr(GPtrArray) figure_alts = NULL;
  g_autoptr(GPtrArray) link_texts = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfSink sink_data = { NULL };
  EvkPageSink sink = { pdf_begin_page, pdf_end_page, &sink_data };
  gboolean ok;

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

  ok = evk_report_typeset (doc, &sink, surface, options, &result, error);
  options->n_pages = result.n_pages;
  if (ok && draft != NULL)
    draft->places = g_steal_pointer (&result.places);
  if (ok)
    {
      figure_alts = g_steal_pointer (&result.figure_alts);
      link_texts = g_steal_pointer (&result.link_texts);
    }
  evk_layout_result_clear (&result);

  cairo_destroy (sink_data.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_OUTPUT,
                   "%s", cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && draft == NULL)
    ok = evk_pdf_set_language (tmp_path, doc->lang, error);
  else if (ok)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) notes = draft_notes (options->notes, draft->places, options->n_pages, texts);

      draft->n_notes = notes->len;
      ok = evk_pdf_finish_draft (tmp_path, doc->lang, draft->doc_id, draft->project_id,
                                 (EvkPdfNote *) notes->data, notes->len, error);
    }
  if (ok)
    ok = evk_pdf_make_accessible (tmp_path, doc->title, doc->lang,
                                  (const char * const *) figure_alts->pdata, figure_alts->len,
                                  (const char * const *) link_texts->pdata, link_texts->len, error);
  return ok;
}

/* Renames path.partial to path when ok, else removes it. */
static gboolean
publish (const char  *path,
         gboolean     ok,
         GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".partial", NULL);

  if (ok && g_rename (tmp_path, path) != 0)
    {
      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_OUTPUT, "%s: %s", path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

/* A cancel is no failure of the file: say so plainly. */
static void
prefix_path (GError     **error,
             const char  *path)
{
  if (!g_error_matches (*error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_CANCELLED))
    g_prefix_error (error, "%s: ", path);
}

/* Render beside the target and rename: a failed build never replaces a
 * good PDF with half of one. */
static gboolean
write_and_publish (EvkReportDoc      *doc,
                   const char        *path,
                   EvkReportOptions  *options,
                   GError           **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".partial", NULL);
  gboolean ok = write_pdf (doc, tmp_path, options, NULL, error);

  if (!ok)
    prefix_path (error, path);
  return publish (path, ok, error != NULL && *error == NULL ? error : NULL);
}

typedef struct {
  const char * const *langs;
  Draft              *drafts;
  guint              *n_pages;
  guint               n;
} StoreDrafts;

static gboolean
store_drafts (EvkStore  *store,
              gpointer   user_data,
              GError   **error)
{
  StoreDrafts *data = user_data;

  for (guint i = 0; i < data->n; i++)
    {
      Draft *draft = &data->drafts[i];
      g_autoptr(EvkDraftMap) map = evk_draft_map_new (draft->doc_id, draft->project_id, data->langs[i],
                                                      data->n_pages[i], draft->places);

      if (!evk_draft_map_store (store, map, error))
        return FALSE;
    }
  return TRUE;
}

/* The drafts' maps in one transaction, then the files: a draft the project
 * does not know is never published. */
static gboolean
publish_drafts (EvkProject         *project,
                const char * const *langs,
                const char * const *paths,
                Draft              *drafts,
                guint              *n_pages,
                guint               n,
                gboolean            ok,
                GError            **error)
{
  EvkStore *store = evk_project_get_store (project);
  StoreDrafts data = { langs, drafts, n_pages, n };

  if (ok && !evk_store_transaction (store, store_drafts, &data, error))
    {
      g_prefix_error (error, _("%s: the draft’s map of places could not be stored: "), evk_store_get_path (store));
      ok = FALSE;
    }
  for (guint i = 0; i < n; i++)
    ok = publish (paths[i], ok, ok ? error : NULL) && ok;
  return ok;
}

gboolean
evk_report_render_pdf_full (EvkProject        *project,
                            const char        *lang,
                            const char        *path,
                            EvkReportOptions  *options,
                            GError           **error)
{
  const char *langs[] = { lang, NULL };
  const char *paths[] = { path, NULL };

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (lang != NULL && path != NULL, FALSE);

  if (options != NULL)
    progress (options, 0.0, _("Text and figures"));
  return evk_report_render_pdfs (project, langs, paths, options, error);
}

typedef struct {
  EvkReportDoc     *doc;
  const char       *path;
  EvkReportOptions  options;
  Draft            *draft;
  GError           *error;
  gboolean          ok;
#ifdef G_OS_UNIX
  pid_t             pid;       /* the process typesetting it, or 0 */
  int               result_fd; /* where that process writes its result */
#endif
} Job;

static gpointer
run_job (gpointer data)
{
  Job *job = data;

  if (job->draft == NULL)
    job->ok = write_and_publish (job->doc, job->path, &job->options, &job->error);
  else
    {
      g_autofree char *tmp_path = g_strconcat (job->path, ".partial", NULL);

      job->ok = write_pdf (job->doc, tmp_path, &job->options, job->draft, &job->error);
      if (!job->ok)
        prefix_path (&job->error, job->path);
    }
  return NULL;
}

#ifdef G_OS_UNIX

/* Typesetting in a process of its own per language. Pango 1.50 lays the
 * same paragraph out differently when another thread shapes text at the
 * same time (see evk_report_typeset), so threads in one process must
 * take turns and the languages cost their sum. Processes share nothing:
 * the languages run side by side on as many cores, each one as alone as
 * a single-language render, with the same bytes. The documents are built
 * (and the tables computed, once) before the fork; the child only
 * typesets and writes its file, and sends back what the caller counts. */

#define JOB_RESULT_TYPE "(buusisa(uddddmsms))"

/* Whether this process runs one thread only: a child forked now holds no
 * lock that a thread it does not have would have released. A window (or
 * any program with threads) renders in threads instead. */
static gboolean
single_threaded (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return FALSE;
  line = strstr (status, "\nThreads:");
  if (line == NULL)
    return FALSE;
  line += strlen ("\nThreads:");
  while (*line == ' ' || *line == '\t')
    line++;
  return line[0] == '1' && line[1] == '\n';
}

static GVariant *
job_result (Job *job)
{
  GVariantBuilder places;
  GArray *anchors = job->draft != NULL ? job->draft->places : NULL;

  g_variant_builder_init (&places, G_VARIANT_TYPE ("a(uddddmsms)"));
  for (guint i = 0; anchors != NULL && i < anchors->len; i++)
    {
      EvkDraftAnchor *a = &g_array_index (anchors, EvkDraftAnchor, i);

      g_variant_builder_add (&places, "(uddddmsms)", a->page, a->x0, a->y0, a->x1, a->y1, a->place, a->name);
    }
  return g_variant_ref_sink (g_variant_new (JOB_RESULT_TYPE, job->ok, job->options.n_pages,
                                            job->draft != NULL ? job->draft->n_notes : 0,
                                            job->error != NULL ? g_quark_to_string (job->error->domain) : "",
                                            job->error != NULL ? job->error->code : 0,
                                            job->error != NULL ? job->error->message : "",
                                            &places));
}

/* In the child: typeset, send the result, and leave without running the
 * parent's exit handlers or flushing its buffers (they are the parent's). */
G_GNUC_NORETURN static void
run_job_in_child (Job *job,
                  int  fd)
{
  g_autoptr(GVariant) result = NULL;
  const guint8 *data;
  gsize size, done = 0;

  run_job (job);
  result = job_result (job);
  data = g_variant_get_data (result);
  size = g_variant_get_size (result);
  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (1);
      done += n;
    }
  _exit (0);
}

/* Forks a process that typesets job; FALSE (and nothing started) when
 * the system cannot. */
static gboolean
start_job_process (Job *job)
{
  int fds[2];
  pid_t pid;

  if (pipe (fds) != 0)
    return FALSE;
  pid = fork ();
  if (pid < 0)
    {
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }
  if (pid == 0)
    {
      close (fds[0]);
      run_job_in_child (job, fds[1]);
    }
  close (fds[1]);
  job->pid = pid;
  job->result_fd = fds[0];
  return TRUE;
}

/* Reads the child's result into job and reaps it. A child that died
 * without one fails the job. */
static void
finish_job_process (Job        *job,
                    const char *lang)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GVariant) result = NULL;
  g_autoptr(GVariantIter) places = NULL;
  guint8 buffer[4096];
  const char *domain, *message;
  int code, status = 0;

  for (;;)
    {
      ssize_t n = read (job->result_fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_byte_array_append (bytes, buffer, n);
    }
  close (job->result_fd);
  while (waitpid (job->pid, &status, 0) < 0 && errno == EINTR)
    ;
  job->pid = 0;

  if (bytes->len > 0 && WIFEXITED (status) && WEXITSTATUS (status) == 0)
    {
      g_autoptr(GBytes) data = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

      result = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (JOB_RESULT_TYPE), data, FALSE));
    }
  if (result == NULL)
    {
      job->ok = FALSE;
      g_set_error (&job->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_OUTPUT,
                   _("%s: the process typesetting the “%s” report ended without finishing it"),
                   job->path, lang);
      return;
    }
  g_variant_get (result, "(buu&si&sa(uddddmsms))", &job->ok, &job->options.n_pages,
                 job->draft != NULL ? &job->draft->n_notes : &(guint) { 0 },
                 &domain, &code, &message, &places);
  if (!job->ok)
    g_set_error_literal (&job->error, domain[0] != '\0' ? g_quark_from_string (domain) : EVK_REPORT_ERROR,
                         code, message);
  if (job->draft != NULL)
    {
      EvkDraftAnchor anchor;
      char *place, *name;

      job->draft->places = evk_draft_anchors_new ();
      while (g_variant_iter_next (places, "(uddddmsms)", &anchor.page, &anchor.x0, &anchor.y0,
                                  &anchor.x1, &anchor.y1, &place, &name))
        {
          anchor.place = place;
          anchor.name = name;
          g_array_append_val (job->draft->places, anchor);
        }
    }
}

#endif

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
  g_autofree Draft *drafts = g_new0 (Draft, n);
  g_autofree guint *n_pages = g_new0 (guint, n);
  EvkReportOptions defaults;
  EvkLiveFigures *figures;
  gboolean ok = TRUE;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  /* The project's own report words before the words file's. */
  if (!evk_translatables_use_project_words (project, error))
    return FALSE;
  g_return_val_if_fail (g_strv_length ((GStrv) paths) == n, FALSE);

  if (options == NULL)
    {
      evk_report_options_init (&defaults);
      options = &defaults;
    }
  figures = options->figures;
  if (figures == NULL)
    figures = own = evk_live_figures_new (project);

  if (options->draft)
    {
      g_autofree char *project_id = evk_project_id (evk_project_get_store (project), error);

      if (project_id == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          drafts[i].doc_id = evk_draft_doc_id_new ();
          drafts[i].project_id = g_strdup (project_id);
        }
    }

  /* Building reads the project and computes the tables (once for all the
   * languages): one after the other, in this process, the only one that
   * touches the project. Then the first language here and every other one
   * in a process of its own, all at once; or, where this process cannot
   * fork safely, one thread per language: their typesetting takes turns
   * (see evk_report_typeset), writing the PDF (font subsets, compression,
   * the language tag) overlaps. */
  for (guint i = 0; i < n && ok; i++)
    {
      jobs[i].options = *options;
      jobs[i].options.figures = figures;
      /* Progress comes from the first language's thread only. */
      if (i > 0)
        jobs[i].options.progress = NULL;
      jobs[i].path = paths[i];
      jobs[i].draft = options->draft ? &drafts[i] : NULL;
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
  options->n_processes = 0;
  if (ok)
    {
#ifdef G_OS_UNIX
      /* Decided before any thread of ours exists. */
      gboolean fork_ok = n > 1 && !options->one_process && single_threaded ();

      for (guint i = 1; i < n; i++)
        if (fork_ok && start_job_process (&jobs[i]))
          options->n_processes++;
        else
          {
            fork_ok = FALSE;
            threads[i] = g_thread_new ("evk-report", run_job, &jobs[i]);
          }
#else
      for (guint i = 1; i < n; i++)
        threads[i] = g_thread_new ("evk-report", run_job, &jobs[i]);
#endif
      if (n > 0)
        run_job (&jobs[0]);
      for (guint i = 1; i < n; i++)
        {
#ifdef G_OS_UNIX
          if (jobs[i].pid != 0)
            {
              finish_job_process (&jobs[i], langs[i]);
              continue;
            }
#endif
          g_thread_join (threads[i]);
        }
    }

  options->n_pages = options->n_figures = options->n_tables = 0;
  options->n_unresolved = options->n_missing = options->n_notes = 0;
  for (guint i = 0; i < n; i++)
    {
      if (ok && !jobs[i].ok && jobs[i].error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&jobs[i].error));
          ok = FALSE;
        }
      g_clear_error (&jobs[i].error);
      n_pages[i] = jobs[i].options.n_pages;
      options->n_pages += jobs[i].options.n_pages;
      options->n_figures += jobs[i].options.n_figures;
      options->n_tables += jobs[i].options.n_tables;
      options->n_unresolved += jobs[i].options.n_unresolved;
      options->n_missing += jobs[i].options.n_missing;
      options->n_notes += drafts[i].n_notes;
      g_clear_pointer (&jobs[i].doc, evk_report_doc_free);
    }
  if (options->draft)
    ok = publish_drafts (project, langs, paths, drafts, n_pages, n, ok, error);
  for (guint i = 0; i < n; i++)
    draft_clear (&drafts[i]);
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

  if (!evk_translatables_use_project_words (project, error))
    return NULL;
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

  if (!evk_translatables_use_project_words (project, error))
    return NULL;
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
