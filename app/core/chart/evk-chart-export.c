/* evk-chart-export.c: a chart to PNG, SVG or PDF, its table to CSV
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-chart-export.h"

G_DEFINE_QUARK (evk-chart-error-quark, evk_chart_error)

/* Largest PNG side: 20 000 pixels is a poster at 300 dpi. */
#define MAX_PIXELS 20000

gboolean
evk_chart_format_from_path (const char      *path,
                            EvkChartFormat  *format,
                            GError         **error)
{
  static const struct {
    const char     *extension;
    EvkChartFormat  format;
  } formats[] = {
    { ".png", EVK_CHART_FORMAT_PNG },
    { ".svg", EVK_CHART_FORMAT_SVG },
    { ".pdf", EVK_CHART_FORMAT_PDF },
    { ".csv", EVK_CHART_FORMAT_CSV },
    { ".xlsx", EVK_CHART_FORMAT_XLSX },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT,
               _("%s: unknown format; the name must end in .png, .svg, .pdf, .csv or .xlsx"), path);
  return FALSE;
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check (cairo_status_t   status,
       const char      *path,
       GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_DRAW, _("%s: cannot draw the chart: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

static gboolean
draw_to (cairo_surface_t     *surface,
         EvkChartKind         kind,
         EvkTable           **tables,
         guint                n_tables,
         const EvkChartSpec  *spec,
         const EvkChartStyle *style,
         double               width,
         double               height,
         const char          *path,
         GError             **error)
{
  cairo_t *cr = cairo_create (surface);
  EvkChartHits *hits = evk_chart_draw_groups (kind, tables, n_tables, spec, style, cr, width, height);
  cairo_status_t status;

  evk_chart_hits_free (hits);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* A PNG is written from the image before finishing; a vector surface
   * writes its stream when it is finished. */
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  return check (status, path, error);
}

/* What the chart shows, as its file says it to a reader that cannot see
 * it: each table's group, N, base and weighting, in the chart's words. */
static char *
description_of (EvkTable           **tables,
                guint                n_tables,
                const EvkChartSpec  *spec)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *text = evk_table_describe (tables[t], spec->language);

      if (t > 0)
        g_string_append (out, "\n");
      if (spec->group_names != NULL && spec->group_names[t] != NULL)
        g_string_append_printf (out, "%s: ", spec->group_names[t]);
      g_string_append (out, text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint32
png_crc (const guint8 *data,
         gsize         length,
         guint32       crc)
{
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return crc;
}

/* An iTXt chunk (UTF-8, uncompressed) right after IHDR, so viewers and
 * search tools read the chart's title and description. */
static void
png_add_text (GByteArray *png,
              const char *keyword,
              const char *lang,
              const char *text)
{
  g_autoptr(GByteArray) chunk = g_byte_array_new ();
  const guint ihdr_end = 8 + 4 + 4 + 13 + 4;
  guint8 zero = 0, length[4];
  guint32 crc, n;

  if (png->len < ihdr_end || text == NULL || *text == '\0')
    return;
  g_byte_array_append (chunk, (const guint8 *) "iTXt", 4);
  g_byte_array_append (chunk, (const guint8 *) keyword, strlen (keyword) + 1);
  g_byte_array_append (chunk, &zero, 1);                      /* not compressed */
  g_byte_array_append (chunk, &zero, 1);
  g_byte_array_append (chunk, (const guint8 *) lang, strlen (lang) + 1);
  g_byte_array_append (chunk, &zero, 1);                      /* no translated keyword */
  g_byte_array_append (chunk, (const guint8 *) text, strlen (text));
  crc = png_crc (chunk->data, chunk->len, 0xffffffffu) ^ 0xffffffffu;
  n = chunk->len - 4;
  length[0] = n >> 24; length[1] = n >> 16; length[2] = n >> 8; length[3] = n;
  {
    guint8 tail[4] = { crc >> 24, crc >> 16, crc >> 8, crc };

    g_byte_array_append (chunk, tail, 4);
  }
  g_byte_array_prepend (chunk, length, 4);
  /* Insert after IHDR: move the rest along. */
  {
    guint old_len = png->len;

    g_byte_array_set_size (png, old_len + chunk->len);
    memmove (png->data + ihdr_end + chunk->len, png->data + ihdr_end, old_len - ihdr_end);
    memcpy (png->data + ihdr_end, chunk->data, chunk->len);
  }
}

/* <title> and <desc> as the first children of <svg>. */
static void
svg_add_text (GByteArray *svg,
              const char *title,
              const char *description)
{
  g_autoptr(GString) text = g_string_new ("\n");
  const guint8 *start = svg->data;
  const guint8 *open = NULL;
  const guint8 *end;

  for (guint i = 0; i + 4 < svg->len && open == NULL; i++)
    if (memcmp (start + i, "<svg", 4) == 0)
      open = start + i;
  if (open == NULL || (end = memchr (open, '>', svg->len - (open - start))) == NULL)
    return;
  if (title != NULL && *title != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_string_append_printf (text, "<title>%s</title>\n", escaped);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (description, -1);
    g_string_append_printf (text, "<desc>%s</desc>", escaped);
  }
  {
    guint at = end + 1 - start, old_len = svg->len;

    g_byte_array_set_size (svg, old_len + text->len);
    memmove (svg->data + at + text->len, svg->data + at, old_len - at);
    memcpy (svg->data + at, text->str, text->len);
  }
}

GBytes *
evk_chart_render (EvkChartKind         kind,
                  EvkTable           **tables,
                  guint                n_tables,
                  const EvkChartSpec  *spec,
                  EvkChartFormat       format,
                  const char          *name,
                  double               width,
                  double               height,
                  double               dpi,
                  GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(EvkChartStyle) style = NULL;
  g_autofree char *description = description_of (tables, n_tables, spec);
  cairo_surface_t *surface = NULL;
  gboolean ok;

  if (!(width >= 1 && height >= 1 && width <= 14400 && height <= 14400))
    {
      g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT,
                   _("%s: a chart of %g × %g points cannot be drawn"), name, width, height);
      return NULL;
    }

  switch (format)
    {
    case EVK_CHART_FORMAT_PNG:
      {
        int pw, ph;

        if (!(dpi >= 10 && dpi <= 2400))
          {
            g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT,
                         _("%s: %g dpi is outside 10–2400"), name, dpi);
            return NULL;
          }
        pw = (int) ceil (width * dpi / 72.0);
        ph = (int) ceil (height * dpi / 72.0);
        if (pw > MAX_PIXELS || ph > MAX_PIXELS)
          {
            g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT,
                         _("%s: %d × %d pixels is larger than %d on a side"), name, pw, ph, MAX_PIXELS);
            return NULL;
          }
        style = evk_chart_style_new_print (dpi);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
        ok = draw_to (surface, kind, tables, n_tables, spec, style, pw, ph, name, error) &&
             check (cairo_surface_write_to_png_stream (surface, append, bytes), name, error);
        cairo_surface_destroy (surface);
        if (ok)
          {
            /* Inserted in reverse: each goes right after IHDR. */
            png_add_text (bytes, "Description", spec->language, description);
            png_add_text (bytes, "Title", spec->language, spec->caption);
          }
        break;
      }

    case EVK_CHART_FORMAT_SVG:
      style = evk_chart_style_new_print (72);
      surface = cairo_svg_surface_create_for_stream (append, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      ok = draw_to (surface, kind, tables, n_tables, spec, style, width, height, name, error);
      cairo_surface_destroy (surface);
      if (ok)
        svg_add_text (bytes, spec->caption, description);
      break;

    case EVK_CHART_FORMAT_PDF:
      style = evk_chart_style_new_print (72);
      surface = cairo_pdf_surface_create_for_stream (append, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Evalkit");
      if (spec->caption != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, spec->caption);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, description);
      ok = draw_to (surface, kind, tables, n_tables, spec, style, width, height, name, error);
      cairo_surface_destroy (surface);
      break;

    default:
      g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT, _("%s: not an image format"), name);
      return NULL;
    }

  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
evk_chart_export_groups (EvkChartKind         kind,
                         EvkTable           **tables,
                         guint                n_tables,
                         const EvkChartSpec  *spec,
                         EvkChartFormat       format,
                         const char          *path,
                         double               width,
                         double               height,
                         double               dpi,
                         GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  switch (format)
    {
    case EVK_CHART_FORMAT_CSV:
      {
        /* A comparison: each group's table under its own header rows
         * (which name the group), a blank line between them. */
        g_autoptr(GString) csv = g_string_new (NULL);

        for (guint t = 0; t < n_tables; t++)
          {
            g_autofree char *one = evk_table_to_csv (tables[t], spec->language);

            if (t > 0)
              g_string_append (csv, "\r\n");
            g_string_append (csv, one);
          }
        return g_file_set_contents (path, csv->str, csv->len, error);
      }

    case EVK_CHART_FORMAT_XLSX:
      if (n_tables == 0)
        {
          g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT, _("%s: the chart has no table"), path);
          return FALSE;
        }
      return evk_table_to_xlsx (tables[0], spec->language, path, error);

    default:
      bytes = evk_chart_render (kind, tables, n_tables, spec, format, path, width, height, dpi, error);
      if (bytes == NULL)
        return FALSE;
      return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
    }
}

gboolean
evk_chart_export (EvkChartKind         kind,
                  EvkTable            *table,
                  const EvkChartSpec  *spec,
                  EvkChartFormat       format,
                  const char          *path,
                  double               width,
                  double               height,
                  double               dpi,
                  GError             **error)
{
  return evk_chart_export_groups (kind, &table, 1, spec, format, path, width, height, dpi, error);
}
