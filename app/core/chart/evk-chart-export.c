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
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(EvkChartStyle) style = NULL;
  cairo_surface_t *surface = NULL;
  gboolean ok;

  if (!(width >= 1 && height >= 1 && width <= 14400 && height <= 14400))
    {
      g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT,
                   _("%s: a chart of %g × %g points cannot be drawn"), path, width, height);
      return FALSE;
    }

  switch (format)
    {
    case EVK_CHART_FORMAT_CSV:
      {
        g_autofree char *csv = n_tables > 0 ? evk_table_to_csv (tables[0], spec->language) : g_strdup ("");
        return g_file_set_contents (path, csv, -1, error);
      }

    case EVK_CHART_FORMAT_XLSX:
      if (n_tables == 0)
        {
          g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT, _("%s: the chart has no table"), path);
          return FALSE;
        }
      return evk_table_to_xlsx (tables[0], spec->language, path, error);

    case EVK_CHART_FORMAT_PNG:
      {
        int pw, ph;

        if (!(dpi >= 10 && dpi <= 2400))
          {
            g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT,
                         _("%s: %g dpi is outside 10–2400"), path, dpi);
            return FALSE;
          }
        pw = (int) ceil (width * dpi / 72.0);
        ph = (int) ceil (height * dpi / 72.0);
        if (pw > MAX_PIXELS || ph > MAX_PIXELS)
          {
            g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT,
                         _("%s: %d × %d pixels is larger than %d on a side"), path, pw, ph, MAX_PIXELS);
            return FALSE;
          }
        style = evk_chart_style_new_print (dpi);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
        ok = draw_to (surface, kind, tables, n_tables, spec, style, pw, ph, path, error) &&
             check (cairo_surface_write_to_png_stream (surface, append, bytes), path, error);
        cairo_surface_destroy (surface);
        break;
      }

    case EVK_CHART_FORMAT_SVG:
      style = evk_chart_style_new_print (72);
      surface = cairo_svg_surface_create_for_stream (append, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      ok = draw_to (surface, kind, tables, n_tables, spec, style, width, height, path, error);
      cairo_surface_destroy (surface);
      break;

    case EVK_CHART_FORMAT_PDF:
      style = evk_chart_style_new_print (72);
      surface = cairo_pdf_surface_create_for_stream (append, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Evalkit");
      if (spec->caption != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, spec->caption);
      ok = draw_to (surface, kind, tables, n_tables, spec, style, width, height, path, error);
      cairo_surface_destroy (surface);
      break;

    default:
      g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT, _("%s: unknown format"), path);
      return FALSE;
    }

  if (!ok)
    return FALSE;
  return g_file_set_contents (path, (const char *) bytes->data, bytes->len, error);
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
