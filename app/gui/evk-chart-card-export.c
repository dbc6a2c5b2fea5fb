/* evk-chart-card-export.c: a chart card's exports to files and copies to the clipboard
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "evk-chart-card-private.h"
#include "evk-chart-export.h"

/* Exports are sized for a report page: 16 cm wide. */
#define EXPORT_WIDTH_PT (16.0 / 2.54 * 72.0)

/* What an export draws: the card's tables (with a comparison, both where
 * the kind draws them together) and the spec naming their groups. */
typedef struct {
  EvkTable     *tables[2];
  const char   *names[3];
  guint         n_tables;
  EvkChartSpec  spec;
} Export;

static void
export_init (EvkChartCard *self,
             Export       *export)
{
  memset (export, 0, sizeof *export);
  export->n_tables = _evk_chart_card_export_tables (self, export->tables, export->names);
  _evk_chart_card_init_spec (self, &export->spec);
  if (export->n_tables > 1)
    export->spec.group_names = export->names;
}

static double
export_height (EvkChartCard *self,
               Export       *export,
               double        width)
{
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (72);

  /* Every export asks for its height first: the series it draws take
   * the print palette's colours here, as on screen the screen's. */
  _evk_chart_card_pin_colours (self, style);
  return evk_chart_preferred_height (self->kind, export->tables, export->n_tables, &export->spec, style, width);
}

static guint
export_dpi (void)
{
  GSettingsSchema *schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                            APP_ID, TRUE);
  guint dpi = 300;

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      dpi = g_settings_get_uint (settings, "export-dpi");
      g_settings_schema_unref (schema);
    }
  return dpi;
}

/* Writes the card's chart to path, in the format its extension names. A
 * CSV carries every table the card shows, the compared group's too, even
 * where the chart draws the groups as panels of their own (the images
 * draw the tables the kind draws together). */
gboolean
_evk_chart_card_export_file (EvkChartCard  *self,
                             const char    *path,
                             GError       **error)
{
  EvkChartFormat format;
  Export export;

  if (self->table == NULL)
    {
      g_set_error (error, EVK_CHART_ERROR, EVK_CHART_ERROR_FORMAT, _("%s: the chart has no table"), path);
      return FALSE;
    }
  if (!evk_chart_format_from_path (path, &format, error))
    return FALSE;
  export_init (self, &export);
  if (format == EVK_CHART_FORMAT_CSV)
    export.n_tables = _evk_chart_card_shown_tables (self, export.tables, export.names);
  return evk_chart_export_groups (self->kind, export.tables, export.n_tables, &export.spec, format, path,
                                  EXPORT_WIDTH_PT, export_height (self, &export, EXPORT_WIDTH_PT),
                                  export_dpi (), error);
}

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 EvkChartCard    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        _evk_chart_card_toast (self, _("Only local files can be written"));
      else if (!_evk_chart_card_export_file (self, path, &error))
        _evk_chart_card_toast (self, error->message);
      else
        {
          g_autofree char *basename = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);
          _evk_chart_card_toast (self, message);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  g_autofree char *safe = NULL;

  if (self->table == NULL)
    return;
  safe = g_strdup (gtk_label_get_text (GTK_LABEL (self->title_label)));
  g_strdelimit (safe, "/\\:", '-');
  name = g_strdup_printf ("%s.%s", safe[0] != '\0' ? safe : "chart", extension);
  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The chart as a document would have it (the light print colours, 16 cm
 * wide) in both of the forms a document takes: PNG for any program, SVG
 * for those that keep it sharp. Each says what it shows in its text. */
static void
copy_image_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *forms[2];
  Export export;
  double height;

  if (self->table == NULL)
    return;
  export_init (self, &export);
  height = export_height (self, &export, EXPORT_WIDTH_PT);
  png = evk_chart_render (self->kind, export.tables, export.n_tables, &export.spec, EVK_CHART_FORMAT_PNG,
                          "image/png", EXPORT_WIDTH_PT, height, 192, &error);
  if (png != NULL)
    svg = evk_chart_render (self->kind, export.tables, export.n_tables, &export.spec, EVK_CHART_FORMAT_SVG,
                            "image/svg+xml", EXPORT_WIDTH_PT, height, 72, &error);
  if (svg == NULL)
    {
      _evk_chart_card_toast (self, error->message);
      return;
    }
  forms[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  forms[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  provider = gdk_content_provider_new_union (forms, G_N_ELEMENTS (forms));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
  _evk_chart_card_toast (self, _("Chart copied"));
}

/* Tab-separated text pastes into a spreadsheet's cells, HTML into a word
 * processor's table; both carry the title and what the numbers are of. */
static void
copy_table_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  const char *lang = evk_workspace_get_language (self->workspace);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  g_autofree char *tsv = NULL;
  char *html;
  GdkContentProvider *forms[2];

  if (self->table == NULL)
    return;
  tsv = evk_table_to_tsv (self->table, lang);
  html = evk_table_to_html (self->table, lang);
  html_bytes = g_bytes_new_take (html, strlen (html));
  forms[0] = gdk_content_provider_new_typed (G_TYPE_STRING, tsv);
  forms[1] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  provider = gdk_content_provider_new_union (forms, G_N_ELEMENTS (forms));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
  _evk_chart_card_toast (self, _("Table copied"));
}

void
_evk_chart_card_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "chart.copy-image", NULL, copy_image_activated);
  gtk_widget_class_install_action (widget_class, "chart.copy-table", NULL, copy_table_activated);
}
