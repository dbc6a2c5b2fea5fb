/* evk-report.c: the PDF report, typeset with Cairo and Pango
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is the first stage of the report: a title page and one chapter per
 * goal with its measures table, honestly marked as a draft. Narrative,
 * figures, the table of contents and the appendix come with the report
 * engine proper.
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "evk-localized.h"
#include "evk-report.h"

G_DEFINE_QUARK (evk-report-error-quark, evk_report_error)

/* A4 in points; margins as a public report would set them. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN_LEFT   70.0
#define MARGIN_RIGHT  70.0
#define MARGIN_TOP    72.0
#define MARGIN_BOTTOM 72.0
#define TEXT_WIDTH    (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

#define FONT_FAMILY "DejaVu Serif"
#define SANS_FAMILY "DejaVu Sans"

typedef struct {
  cairo_t     *cr;
  cairo_surface_t *surface;
  const char  *lang;
  const char  *source_lang;
  GKeyFile    *strings;
  EvkStrategy *strategy;
  double       y;
  guint        page;
  guint        chapter;
  guint        table;
  gboolean     page_open;
  const char  *running_title;
} Report;

static char *
get_data_file (const char *name)
{
  g_autofree char *demo_dir = evk_get_demo_dir ();
  g_autofree char *data_dir = g_path_get_dirname (demo_dir);

  return g_build_filename (data_dir, name, NULL);
}

/* Looks up a word of the report in the report language. There is no
 * fallback to another language: an English report must not print
 * Norwegian, so a missing word is an error. */
static gboolean
word (Report      *r,
      const char  *key,
      char       **out,
      GError     **error)
{
  g_autofree char *full = g_strdup_printf ("%s[%s]", key, r->lang);

  *out = g_key_file_get_string (r->strings, "Report", full, NULL);
  if (*out == NULL)
    {
      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT,
                   _("the report has no word “%s” in the language “%s”"), key, r->lang);
      return FALSE;
    }
  return TRUE;
}

static const char *
text (Report     *r,
      GHashTable *localized)
{
  return evk_localized_get (localized, r->lang);
}

static PangoLayout *
make_layout (Report     *r,
             const char *family,
             double      size,
             PangoWeight weight,
             double      width,
             const char *str)
{
  PangoLayout *layout = pango_cairo_create_layout (r->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_context_set_language (pango_layout_get_context (layout),
                              pango_language_from_string (r->lang));
  pango_layout_context_changed (layout);
  pango_layout_set_text (layout, str, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
finish_page (Report *r)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  int w, h;

  if (!r->page_open)
    return;

  if (r->page > 1)
    {
      number = g_strdup_printf ("%u", r->page);
      footer = make_layout (r, SANS_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, TEXT_WIDTH, number);
      pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
      pango_layout_get_size (footer, &w, &h);
      cairo_move_to (r->cr, MARGIN_LEFT, PAGE_HEIGHT - MARGIN_BOTTOM / 2 - (double) h / PANGO_SCALE);
      cairo_set_source_rgb (r->cr, 0.3, 0.3, 0.3);
      pango_cairo_show_layout (r->cr, footer);

      if (r->running_title != NULL)
        {
          g_autoptr(PangoLayout) header = make_layout (r, SANS_FAMILY, 8.5, PANGO_WEIGHT_NORMAL,
                                                       TEXT_WIDTH, r->running_title);
          pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
          cairo_move_to (r->cr, MARGIN_LEFT, MARGIN_TOP / 2);
          pango_cairo_show_layout (r->cr, header);
          cairo_set_line_width (r->cr, 0.5);
          cairo_move_to (r->cr, MARGIN_LEFT, MARGIN_TOP / 2 + 14);
          cairo_line_to (r->cr, PAGE_WIDTH - MARGIN_RIGHT, MARGIN_TOP / 2 + 14);
          cairo_stroke (r->cr);
        }
    }
  cairo_show_page (r->cr);
  r->page_open = FALSE;
}

static void
new_page (Report *r)
{
  finish_page (r);
  r->page++;
  r->page_open = TRUE;
  r->y = MARGIN_TOP;
}

static void
ensure_room (Report *r,
             double  height)
{
  if (!r->page_open || r->y + height > PAGE_HEIGHT - MARGIN_BOTTOM)
    new_page (r);
}

static void
show (Report      *r,
      PangoLayout *layout,
      double       x)
{
  cairo_set_source_rgb (r->cr, 0.1, 0.1, 0.1);
  cairo_move_to (r->cr, x, r->y);
  pango_cairo_show_layout (r->cr, layout);
}

static void
paragraph (Report     *r,
           const char *str,
           double      size,
           PangoWeight weight,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (r, FONT_FAMILY, size, weight, TEXT_WIDTH, str);
  double h = layout_height (layout);

  ensure_room (r, h);
  show (r, layout, MARGIN_LEFT);
  r->y += h + space_after;
}

static void
title_page (Report *r)
{
  g_autofree char *report_word = NULL, *draft = NULL, *period_word = NULL;
  g_autofree char *generated_word = NULL, *date_format = NULL, *notice = NULL;
  g_autofree char *subtitle = NULL, *when = NULL, *day = NULL, *year = NULL;
  g_auto(GStrv) months = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) ignored = NULL;
  g_autoptr(GString) date = NULL;
  const char *title = text (r, r->strategy->title);

  word (r, "EvaluationReport", &report_word, &ignored);
  word (r, "Draft", &draft, &ignored);
  word (r, "Period", &period_word, &ignored);
  word (r, "Generated", &generated_word, &ignored);
  word (r, "DateFormat", &date_format, &ignored);
  word (r, "DraftNotice", &notice, &ignored);
  months = g_key_file_get_locale_string_list (r->strings, "Report", "Months", r->lang, NULL, NULL);

  new_page (r);
  r->y = 200;
  subtitle = g_strdup_printf ("%s — %s", report_word, draft);
  paragraph (r, subtitle, 13, PANGO_WEIGHT_NORMAL, 14);
  paragraph (r, title != NULL ? title : "", 24, PANGO_WEIGHT_BOLD, 24);

  if (r->strategy->period != NULL)
    {
      g_autofree char *period = g_strdup_printf ("%s: %s", period_word, r->strategy->period);
      paragraph (r, period, 11, PANGO_WEIGHT_NORMAL, 6);
    }

  day = g_strdup_printf ("%d", g_date_time_get_day_of_month (now));
  year = g_strdup_printf ("%d", g_date_time_get_year (now));
  date = g_string_new (date_format);
  g_string_replace (date, "{day}", day, 0);
  if (months != NULL && g_strv_length (months) == 12)
    g_string_replace (date, "{month}", months[g_date_time_get_month (now) - 1], 0);
  g_string_replace (date, "{year}", year, 0);
  when = g_strdup_printf ("%s %s", generated_word, date->str);
  paragraph (r, when, 11, PANGO_WEIGHT_NORMAL, 40);
  paragraph (r, notice, 10, PANGO_WEIGHT_NORMAL, 0);
}

static char *
join_bodies (Report     *r,
             EvkMeasure *measure)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; measure->responsible[i] != NULL; i++)
    {
      EvkBody *body = evk_strategy_find_body (r->strategy, measure->responsible[i]);
      const char *name = body != NULL ? text (r, body->abbreviation) : NULL;

      if (name == NULL && body != NULL)
        name = text (r, body->name);
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, name != NULL ? name : measure->responsible[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
table_row (Report      *r,
           const char  *cells[4],
           gboolean     header)
{
  static const double widths[4] = { 0.08, 0.52, 0.20, 0.20 };
  PangoLayout *layouts[4];
  double row_height = 0, x = MARGIN_LEFT;

  for (guint c = 0; c < 4; c++)
    {
      layouts[c] = make_layout (r, SANS_FAMILY, 8.5,
                                header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                widths[c] * TEXT_WIDTH - 6, cells[c] != NULL ? cells[c] : "");
      row_height = MAX (row_height, layout_height (layouts[c]));
    }
  row_height += 6;

  ensure_room (r, row_height);
  if (header)
    {
      cairo_set_source_rgb (r->cr, 0.90, 0.92, 0.95);
      cairo_rectangle (r->cr, MARGIN_LEFT, r->y, TEXT_WIDTH, row_height);
      cairo_fill (r->cr);
    }
  for (guint c = 0; c < 4; c++)
    {
      cairo_set_source_rgb (r->cr, 0.1, 0.1, 0.1);
      cairo_move_to (r->cr, x + 3, r->y + 3);
      pango_cairo_show_layout (r->cr, layouts[c]);
      x += widths[c] * TEXT_WIDTH;
      g_object_unref (layouts[c]);
    }
  r->y += row_height;
  cairo_set_source_rgb (r->cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (r->cr, 0.5);
  cairo_move_to (r->cr, MARGIN_LEFT, r->y);
  cairo_line_to (r->cr, PAGE_WIDTH - MARGIN_RIGHT, r->y);
  cairo_stroke (r->cr);
}

static gboolean
goal_chapter (Report   *r,
              EvkGoal  *goal,
              GError  **error)
{
  g_autofree char *goal_word = NULL, *number_word = NULL, *measure_word = NULL;
  g_autofree char *responsible_word = NULL, *status_word = NULL, *table_word = NULL;
  g_autofree char *measures_of = NULL, *heading = NULL, *caption = NULL, *name = NULL;
  const char *title = text (r, goal->title);
  const char *description = text (r, goal->description);
  const char *header_cells[4];
  g_autofree char *link = NULL;

  if (title == NULL)
    {
      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT,
                   _("goal %s has no title in “%s”"), goal->key, r->lang);
      return FALSE;
    }

  if (!word (r, g_str_equal (goal->kind, "implementation") ? "Implementation" : "Goal",
             &goal_word, error) ||
      !word (r, "Number", &number_word, error) ||
      !word (r, "Measure", &measure_word, error) ||
      !word (r, "Responsible", &responsible_word, error) ||
      !word (r, "Status", &status_word, error) ||
      !word (r, "Table", &table_word, error) ||
      !word (r, "MeasuresOfGoal", &measures_of, error))
    return FALSE;

  r->chapter++;
  r->table = 0;
  new_page (r);
  heading = g_strdup_printf ("%u  %s", r->chapter, title);
  link = g_strdup_printf ("page=%u", r->page);
  cairo_pdf_surface_add_outline (r->surface, CAIRO_PDF_OUTLINE_ROOT, heading, link, 0);
  paragraph (r, heading, 18, PANGO_WEIGHT_BOLD, 12);
  if (description != NULL)
    paragraph (r, description, 10.5, PANGO_WEIGHT_NORMAL, 14);

  r->table++;
  name = g_strdup_printf ("%s %u", goal_word, r->chapter);
  {
    g_autofree char *caption_text = NULL;
    g_autoptr(GString) s = g_string_new (measures_of);

    g_string_replace (s, "%s", g_str_equal (goal->kind, "implementation") ? title : name, 1);
    caption_text = g_string_free (g_steal_pointer (&s), FALSE);
    caption = g_strdup_printf ("%s %u-%u  %s", table_word, r->chapter, r->table, caption_text);
  }
  paragraph (r, caption, 9.5, PANGO_WEIGHT_BOLD, 4);

  header_cells[0] = number_word;
  header_cells[1] = measure_word;
  header_cells[2] = responsible_word;
  header_cells[3] = status_word;
  table_row (r, header_cells, TRUE);

  for (guint i = 0; i < r->strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (r->strategy->measures, i);
      g_autofree char *number = NULL, *bodies = NULL;
      EvkTerm *status;
      const char *cells[4];

      if (!g_str_equal (measure->goal, goal->key))
        continue;
      if (text (r, measure->title) == NULL)
        {
          g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT,
                       _("measure %u has no title in “%s”"), measure->number, r->lang);
          return FALSE;
        }
      status = evk_strategy_find_term (r->strategy, EVK_VOCAB_STATUS, measure->status);
      number = g_strdup_printf ("%u", measure->number);
      bodies = join_bodies (r, measure);
      cells[0] = number;
      cells[1] = text (r, measure->title);
      cells[2] = bodies;
      cells[3] = status != NULL ? text (r, status->name) : "–";
      /* A table that breaks repeats its header on the new page. */
      if (r->y + 30 > PAGE_HEIGHT - MARGIN_BOTTOM)
        {
          new_page (r);
          table_row (r, header_cells, TRUE);
        }
      table_row (r, cells, FALSE);
    }
  return TRUE;
}

gboolean
evk_report_render_pdf (EvkProject  *project,
                       const char  *lang,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GKeyFile) strings = g_key_file_new ();
  g_autofree char *strings_path = get_data_file ("report-strings.ini");
  g_autofree char *tmp_path = g_strconcat (path, ".partial", NULL);
  g_autoptr(GError) local_error = NULL;
  Report r = { 0 };
  cairo_status_t status;
  gboolean ok = TRUE;

  strategy = evk_project_load_strategy (project, error);
  if (strategy == NULL)
    return FALSE;
  if (!g_strv_contains ((const char * const *) strategy->languages, lang))
    {
      g_autofree char *have = g_strjoinv (", ", strategy->languages);

      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_LANGUAGE,
                   _("the project has no texts in “%s” (it has: %s)"), lang, have);
      return FALSE;
    }
  if (!g_key_file_load_from_file (strings, strings_path, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", strings_path);
      return FALSE;
    }

  r.lang = lang;
  r.source_lang = evk_strategy_source_language (strategy);
  r.strings = strings;
  r.strategy = strategy;
  r.running_title = evk_localized_get (strategy->short_title, lang);

  /* Render to a side file and rename: a failed build never replaces a
   * good PDF with half of one. */
  r.surface = cairo_pdf_surface_create (tmp_path, PAGE_WIDTH, PAGE_HEIGHT);
  r.cr = cairo_create (r.surface);
  cairo_pdf_surface_set_metadata (r.surface, CAIRO_PDF_METADATA_TITLE,
                                  evk_localized_get (strategy->title, lang) ?: "");
  cairo_pdf_surface_set_metadata (r.surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Evalkit " PACKAGE_VERSION);

  title_page (&r);
  for (guint i = 0; ok && i < strategy->goals->len; i++)
    ok = goal_chapter (&r, g_ptr_array_index (strategy->goals, i), &local_error);
  finish_page (&r);

  cairo_destroy (r.cr);
  cairo_surface_finish (r.surface);
  status = cairo_surface_status (r.surface);
  cairo_surface_destroy (r.surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&local_error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_OUTPUT,
                   "%s", cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && g_rename (tmp_path, path) != 0)
    {
      g_set_error (&local_error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_OUTPUT,
                   "%s", g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp_path);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
    }
  return ok;
}
