/* evk-chart-card.c: one interactive chart on a card, with its own group and menu
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "evk-chart-area.h"
#include "evk-chart-card.h"
#include "evk-chart-edit-dialog.h"
#include "evk-chart-export.h"
#include "evk-format.h"
#include "evk-localized.h"

/* Exports are sized for a report page: 16 cm wide. */
#define EXPORT_WIDTH_PT (16.0 / 2.54 * 72.0)

struct _EvkChartCard
{
  GtkWidget          parent_instance;

  EvkWorkspace      *workspace;
  EvkChartKind       kind;
  gboolean           has_query;
  char              *query_kind;
  char              *query_argument;
  char              *group;
  gboolean           dont_know;
  gboolean           show_table;
  EvkChartCardBuild  build;
  gpointer           build_data;
  GDestroyNotify     build_destroy;
  GHashTable        *title;
  GHashTable        *hidden;        /* column key the user hid → its label */
  GPtrArray         *group_keys;    /* parallel to the drop-down's items */

  /* The saved chart the card shows, when it shows one (NULL key: none). */
  char              *chart_key;
  guint              chart_measure;
  char              *chart_goal;
  gboolean           in_report;
  gboolean           can_move_up;
  gboolean           can_move_down;
  GHashTable        *caption;

  EvkTable          *table;
  EvkChartHits      *hits;
  int                measured_width;   /* preferred_height's last answer, */
  double             measured_height;  /* until the table or style changes */

  GtkWidget         *box;
  GtkWidget         *title_label;
  GtkWidget         *group_dropdown;
  GtkWidget         *menu_button;
  GtkWidget         *hidden_box;
  GtkWidget         *stack;
  GtkWidget         *area;
  GtkWidget         *grid;
  GtkWidget         *error_label;
  GtkWidget         *report_label;
  GtkWidget         *caption_label;
};

enum {
  PROP_0,
  PROP_GROUP,
  PROP_DONT_KNOW,
  PROP_SHOW_TABLE,
  PROP_IN_REPORT,
  N_PROPS
};

enum {
  DRAWN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EvkChartCard, evk_chart_card, GTK_TYPE_WIDGET)

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
init_spec (EvkChartCard *self,
           EvkChartSpec *spec)
{
  evk_chart_spec_init (spec, self->kind, evk_workspace_get_language (self->workspace));
  /* On screen the exact share matters more than a tidy page. */
  spec->decimals = 1;
}

EvkChartHits *
evk_chart_card_draw (EvkChartCard *self,
                     cairo_t      *cr,
                     double        width,
                     double        height)
{
  g_autoptr(EvkChartStyle) style = NULL;
  EvkChartSpec spec;

  if (self->table == NULL)
    return NULL;
  style = evk_chart_style_new_screen (style_is_dark ());
  style->paint_background = FALSE;
  init_spec (self, &spec);
  return evk_chart_draw (self->kind, self->table, &spec, style, cr, width, height);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  EvkChartCard *self = EVK_CHART_CARD (user_data);

  g_clear_pointer (&self->hits, evk_chart_hits_free);
  self->hits = evk_chart_card_draw (self, cr, width, height);
  g_signal_emit (self, signals[DRAWN], 0);
}

static double
preferred_height (int      width,
                  gpointer user_data)
{
  EvkChartCard *self = EVK_CHART_CARD (user_data);
  g_autoptr(EvkChartStyle) style = NULL;
  EvkChartSpec spec;

  /* GTK asks several times per layout; each answer lays the chart out. */
  if (self->table == NULL || width <= 0)
    return 0;
  if (width == self->measured_width)
    return self->measured_height;
  style = evk_chart_style_new_screen (style_is_dark ());
  init_spec (self, &spec);
  self->measured_width = width;
  self->measured_height = evk_chart_preferred_height (self->kind, &self->table, 1, &spec, style, width);
  return self->measured_height;
}

const char *
evk_chart_card_tooltip_at (EvkChartCard *self,
                           double        x,
                           double        y)
{
  const EvkChartHit *hit;

  if (self->hits == NULL)
    return NULL;
  hit = evk_chart_hits_find (self->hits, x, y);
  return hit != NULL ? hit->text : NULL;
}

static gboolean
query_tooltip (GtkWidget    *widget,
               int           x,
               int           y,
               gboolean      keyboard,
               GtkTooltip   *tooltip,
               EvkChartCard *self)
{
  const EvkChartHit *hit;

  if (self->hits == NULL || (hit = evk_chart_hits_find (self->hits, x, y)) == NULL || hit->text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, hit->text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { floor (hit->x), floor (hit->y),
                                                       ceil (hit->width), ceil (hit->height) });
  return TRUE;
}

gboolean
evk_chart_card_is_hidden (EvkChartCard *self,
                          const char   *column_key)
{
  return column_key != NULL && g_hash_table_contains (self->hidden, column_key);
}

void
evk_chart_card_click_at (EvkChartCard *self,
                         double        x,
                         double        y)
{
  const EvkChartHit *hit;
  EvkTableEntry *column;

  if (self->hits == NULL || self->table == NULL)
    return;
  hit = evk_chart_hits_find (self->hits, x, y);
  if (hit == NULL || hit->kind != EVK_CHART_HIT_LEGEND || hit->column < 0 ||
      (guint) hit->column >= self->table->columns->len)
    return;
  column = evk_table_column (self->table, hit->column);
  if (column->key == NULL)
    return;
  g_hash_table_insert (self->hidden, g_strdup (column->key),
                       g_strdup (evk_workspace_tr (self->workspace, column->label)));
  evk_chart_card_refresh (self);
}

static void
area_released (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               EvkChartCard    *self)
{
  evk_chart_card_click_at (self, x, y);
}

static void
show_series_clicked (GtkButton    *button,
                     EvkChartCard *self)
{
  g_hash_table_remove (self->hidden, g_object_get_data (G_OBJECT (button), "column-key"));
  evk_chart_card_refresh (self);
}

static EvkTable *
compute (EvkChartCard  *self,
         GError       **error)
{
  if (self->has_query)
    {
      EvkQuery query = { self->query_kind, self->query_argument, self->group, self->dont_know };
      return evk_workspace_compute (self->workspace, &query, error);
    }
  return self->build (self->workspace, self->build_data, error);
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), heading ? 18 : 40);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* The data-table alternative to the chart: every number the chart shows,
 * in reading order, for screen readers and for checking. */
static void
rebuild_grid (EvkChartCard *self)
{
  const char *lang = evk_workspace_get_language (self->workspace);
  EvkTable *table = self->table;
  g_autofree char *base = NULL;

  clear_children (self->grid);
  if (table == NULL)
    return;

  for (guint c = 0; c < table->columns->len; c++)
    gtk_grid_attach (GTK_GRID (self->grid),
                     grid_label (evk_workspace_tr (self->workspace, evk_table_column (table, c)->label), 1, TRUE),
                     c + 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), grid_label (_("Base (n)"), 1, TRUE), table->columns->len + 1, 0, 1, 1);

  for (guint r = 0; r < table->rows->len; r++)
    {
      EvkTableEntry *row = evk_table_row (table, r);
      guint n_row = row->n_base > 0 ? row->n_base : table->n_base;
      g_autofree char *n_text = evk_format_number (lang, n_row, 0);
      GtkWidget *label = grid_label (evk_workspace_tr (self->workspace, row->label), 0, FALSE);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, r + 1, 1, 1);
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);
          g_autofree char *count = evk_format_number (lang, cell->n, 0);
          g_autofree char *text = NULL;

          if (isnan (cell->share))
            text = g_strdup (count);
          else
            {
              g_autofree char *share = evk_format_percent (lang, cell->share, 1);
              text = g_strdup_printf ("%s (%s)", share, count);
            }
          gtk_grid_attach (GTK_GRID (self->grid), grid_label (text, 1, FALSE), c + 1, r + 1, 1, 1);
        }
      gtk_grid_attach (GTK_GRID (self->grid), grid_label (n_text, 1, FALSE), table->columns->len + 1, r + 1, 1, 1);
    }

  base = g_strdup (evk_workspace_tr (self->workspace, table->base_label));
  if (base[0] != '\0')
    {
      GtkWidget *note = gtk_label_new (base);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_grid_attach (GTK_GRID (self->grid), note, 0, table->rows->len + 1, table->columns->len + 2, 1);
    }
}

static void
rebuild_hidden_chips (EvkChartCard *self)
{
  GHashTableIter iter;
  gpointer key, name;

  clear_children (self->hidden_box);
  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, &key, &name))
    {
      GtkWidget *button;
      g_autofree char *label = NULL;

      label = g_strdup_printf (_("Show “%s”"), (const char *) name);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      g_object_set_data_full (G_OBJECT (button), "column-key", g_strdup (key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (show_series_clicked), self);
      gtk_box_append (GTK_BOX (self->hidden_box), button);
    }
  gtk_widget_set_visible (self->hidden_box, g_hash_table_size (self->hidden) > 0);
}

static char *
summary_text (EvkChartCard *self)
{
  const char *lang = evk_workspace_get_language (self->workspace);
  g_autoptr(GString) out = g_string_new (NULL);
  EvkTable *table = self->table;

  for (guint r = 0; table != NULL && r < table->rows->len; r++)
    {
      g_string_append_printf (out, "%s: ", evk_workspace_tr (self->workspace, evk_table_row (table, r)->label));
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);
          g_autofree char *value = isnan (cell->share) ? evk_format_number (lang, cell->n, 0)
                                                       : evk_format_percent (lang, cell->share, 1);
          g_string_append_printf (out, "%s%s %s", c > 0 ? ", " : "",
                                  evk_workspace_tr (self->workspace, evk_table_column (table, c)->label), value);
        }
      g_string_append (out, ". ");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
rebuild_groups (EvkChartCard *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->group_keys, 0);
  gtk_string_list_append (names, _("All respondents"));
  g_ptr_array_add (self->group_keys, g_strdup ("all"));
  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (strategy->groups, i);

      gtk_string_list_append (names, evk_workspace_tr (self->workspace, group->name));
      g_ptr_array_add (self->group_keys, g_strdup (group->key));
      if (g_strcmp0 (group->key, self->group) == 0)
        selected = i + 1;
    }
  g_object_freeze_notify (G_OBJECT (self->group_dropdown));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->group_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->group_dropdown), selected);
  g_object_thaw_notify (G_OBJECT (self->group_dropdown));
}

void
evk_chart_card_refresh (EvkChartCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  EvkTable *table;

  g_return_if_fail (EVK_IS_CHART_CARD (self));

  g_clear_pointer (&self->table, evk_table_free);
  self->measured_width = 0;
  table = compute (self, &error);
  if (table == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      gtk_label_set_text (GTK_LABEL (self->title_label),
                          self->title != NULL ? evk_workspace_tr (self->workspace, self->title) : "");
      return;
    }

  /* A hidden series leaves the table (and so the legend); a chip above
   * the chart brings it back. */
  for (int c = (int) table->columns->len - 1; c >= 0; c--)
    {
      EvkTableEntry *column = evk_table_column (table, c);

      if (evk_chart_card_is_hidden (self, column->key))
        {
          g_hash_table_replace (self->hidden, g_strdup (column->key),
                                g_strdup (evk_workspace_tr (self->workspace, column->label)));
          evk_table_remove_column (table, c);
        }
    }
  self->table = table;

  gtk_label_set_text (GTK_LABEL (self->title_label),
                      evk_workspace_tr (self->workspace, self->title != NULL ? self->title : table->title));
  rebuild_hidden_chips (self);
  if (self->show_table)
    rebuild_grid (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->show_table ? "table" : "chart");

  summary = summary_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (self->title_label)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_widget_queue_resize (self->area);
  gtk_widget_queue_draw (self->area);
}

static void
group_selected (GtkDropDown  *dropdown,
                GParamSpec   *pspec,
                EvkChartCard *self)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  if (index < self->group_keys->len)
    evk_chart_card_set_group (self, g_ptr_array_index (self->group_keys, index));
}

static void
workspace_changed (EvkWorkspace *workspace,
                   const char   *what,
                   EvkChartCard *self)
{
  /* The page that holds the card rebinds it to its saved chart; texts
   * are not drawn in charts. */
  if (g_strcmp0 (what, "charts") == 0 || g_strcmp0 (what, "texts") == 0)
    return;
  if (self->has_query)
    rebuild_groups (self);
  evk_chart_card_refresh (self);
}

static void update_saved (EvkChartCard *self);
static GMenuModel *build_menu (gboolean survey,
                               gboolean saved);

static void
language_changed (EvkWorkspace *workspace,
                  GParamSpec   *pspec,
                  EvkChartCard *self)
{
  workspace_changed (workspace, "language", self);
  update_saved (self);
}

static void
dark_changed (AdwStyleManager *manager,
              GParamSpec      *pspec,
              EvkChartCard    *self)
{
  self->measured_width = 0;
  gtk_widget_queue_resize (self->area);
}

/* ---- Menu: export and copy ------------------------------------------- */

static void
toast (EvkChartCard *self,
       const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static double
export_height (EvkChartCard *self,
               double        width)
{
  g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (72);
  EvkChartSpec spec;

  init_spec (self, &spec);
  return evk_chart_preferred_height (self->kind, &self->table, 1, &spec, style, width);
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
      EvkChartFormat format;
      EvkChartSpec spec;

      init_spec (self, &spec);
      if (path == NULL)
        toast (self, _("Only local files can be written"));
      else if (!evk_chart_format_from_path (path, &format, &error) ||
               !evk_chart_export (self->kind, self->table, &spec, format, path, EXPORT_WIDTH_PT,
                                  export_height (self, EXPORT_WIDTH_PT), export_dpi (), &error))
        toast (self, error->message);
      else
        {
          g_autofree char *basename = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);
          toast (self, message);
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

static void
copy_image_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  g_autoptr(EvkChartStyle) style = NULL;
  g_autoptr(EvkChartHits) hits = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  EvkChartSpec spec;
  double scale = 2, width = 640, height;

  if (self->table == NULL)
    return;
  /* The clipboard gets what a document would: the light print colours. */
  style = evk_chart_style_new_print (96 * scale);
  init_spec (self, &spec);
  height = evk_chart_preferred_height (self->kind, &self->table, 1, &spec, style, width);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  hits = evk_chart_draw (self->kind, self->table, &spec, style, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  toast (self, _("Chart copied"));
}

static void
copy_table_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  g_autofree char *csv = NULL;

  if (self->table == NULL)
    return;
  csv = evk_table_to_csv (self->table, evk_workspace_get_language (self->workspace));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
  toast (self, _("Table copied"));
}

/* ---- The saved chart: caption, report, order -------------------------- */

static void
update_actions (EvkChartCard *self)
{
  gboolean saved = self->chart_key != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.in-report", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.edit-text", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.move-up", saved && self->can_move_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.move-down", saved && self->can_move_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.remove", saved);
}

/* The caption and the report state, in the content language. */
static void
update_saved (EvkChartCard *self)
{
  const char *caption = self->caption != NULL ? evk_workspace_tr (self->workspace, self->caption) : "";
  gboolean excluded = self->chart_key != NULL && !self->in_report;

  gtk_label_set_text (GTK_LABEL (self->caption_label), caption);
  gtk_widget_set_visible (self->caption_label, self->chart_key != NULL && caption[0] != '\0');
  gtk_widget_set_visible (self->report_label, excluded);
  if (excluded)
    gtk_widget_add_css_class (self->caption_label, "dim-label");
  else
    gtk_widget_remove_css_class (self->caption_label, "dim-label");
}

void
evk_chart_card_set_saved_chart (EvkChartCard        *self,
                                const EvkSavedChart *chart,
                                gboolean             can_move_up,
                                gboolean             can_move_down)
{
  gboolean was_saved;

  g_return_if_fail (EVK_IS_CHART_CARD (self));

  was_saved = self->chart_key != NULL;
  g_clear_pointer (&self->chart_key, g_free);
  g_clear_pointer (&self->chart_goal, g_free);
  g_clear_pointer (&self->caption, g_hash_table_unref);
  if (chart != NULL)
    {
      self->chart_key = g_strdup (chart->key);
      self->chart_measure = chart->measure;
      self->chart_goal = g_strdup (chart->goal);
      if (chart->caption != NULL)
        self->caption = g_hash_table_ref (chart->caption);
    }
  self->can_move_up = chart != NULL && can_move_up;
  self->can_move_down = chart != NULL && can_move_down;
  if (was_saved != (chart != NULL))
    {
      g_autoptr(GMenuModel) menu = build_menu (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "survey")),
                                               chart != NULL);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
    }
  if (self->in_report != (chart == NULL || chart->in_report))
    {
      self->in_report = chart == NULL || chart->in_report;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_REPORT]);
    }
  update_saved (self);
  update_actions (self);
}

const char *
evk_chart_card_get_chart_key (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), NULL);
  return self->chart_key;
}

gboolean
evk_chart_card_get_in_report (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), TRUE);
  return self->in_report;
}

gboolean
evk_chart_card_shows_not_in_report (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), FALSE);
  return gtk_widget_get_visible (self->report_label);
}

const char *
evk_chart_card_get_caption (EvkChartCard *self)
{
  g_return_val_if_fail (EVK_IS_CHART_CARD (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->caption_label));
}

static EvkProject *
project_of (EvkChartCard *self)
{
  return evk_workspace_get_project (self->workspace);
}

void
evk_chart_card_set_in_report (EvkChartCard *self,
                              gboolean      in_report)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EVK_IS_CHART_CARD (self));

  in_report = !!in_report;
  if (self->chart_key == NULL || self->in_report == in_report)
    return;
  /* The page rebinds every card when the project says its charts changed;
   * the card may be moved meanwhile, so it stays alive through the edit. */
  g_object_ref (self);
  if (!evk_project_edit_chart (project_of (self), self->chart_key, NULL, NULL, in_report, -1, &error))
    toast (self, error->message);
  else if (self->in_report != in_report)
    {
      self->in_report = in_report;
      update_saved (self);
    }
  /* On failure this puts the menu's check mark back. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_REPORT]);
  g_object_unref (self);
}

EvkChartEditDialog *
evk_chart_card_edit_text (EvkChartCard *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  EvkChartEditDialog *dialog;

  g_return_val_if_fail (EVK_IS_CHART_CARD (self), NULL);

  if (self->chart_key == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = evk_chart_edit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, project_of (self),
                                      self->chart_key, &error);
  if (dialog == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
edit_text_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  evk_chart_card_edit_text (EVK_CHART_CARD (widget));
}

/* Charts keep one order across the project; a card moves among the charts
 * of its own page (same measure, same goal) by taking its neighbour's
 * place there. */
gboolean
evk_chart_card_move (EvkChartCard  *self,
                     int            direction,
                     GError       **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  gboolean ok;
  int own = -1, target = -1;

  g_return_val_if_fail (EVK_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (self->chart_key != NULL, FALSE);

  if ((charts = evk_project_list_charts (project_of (self), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (((EvkSavedChart *) g_ptr_array_index (charts, i))->key, self->chart_key))
      own = i;
  if (own < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The chart “%s” no longer exists"), self->chart_key);
      return FALSE;
    }
  for (int i = own + (direction < 0 ? -1 : 1); i >= 0 && i < (int) charts->len && target < 0; i += direction < 0 ? -1 : 1)
    {
      EvkSavedChart *other = g_ptr_array_index (charts, i);

      if (other->measure == self->chart_measure && g_strcmp0 (other->goal, self->chart_goal) == 0)
        target = i;
    }
  if (target < 0)
    return TRUE;
  /* The position counts the charts without this one: the neighbour's index
   * puts this one before it (up), and after it (down). */
  g_object_ref (self);
  ok = evk_project_edit_chart (project_of (self), self->chart_key, NULL, NULL, -1, target, error);
  g_object_unref (self);
  return ok;
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  g_autoptr(GError) error = NULL;

  if (!evk_chart_card_move (self, g_str_equal (action_name, "chart.move-up") ? -1 : 1, &error))
    toast (self, error->message);
}

static void
remove_response (AdwMessageDialog *dialog,
                 const char       *response,
                 EvkChartCard     *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup (self->chart_key);

  if (g_str_equal (response, "remove") && key != NULL)
    {
      /* The page drops the card while the project changes. */
      if (overlay != NULL)
        g_object_ref (overlay);
      if (!evk_project_remove_chart (project_of (self), key, &error))
        toast (self, error->message);
      else if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Chart removed")));
      g_clear_object (&overlay);
    }
  g_object_unref (self);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name = gtk_label_get_text (GTK_LABEL (self->caption_label));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->chart_key == NULL)
    return;
  if (name[0] == '\0')
    name = self->chart_key;
  body = g_strdup_printf (_("“%s” leaves this page and the report, with its caption and alt text."), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Remove Chart?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ----------------------------------------------------------- */

/* GTK 4.8 asks a widget that is not stretched vertically (flow box items
 * are top-aligned) for its width at the height it was given. A box of
 * height-for-width children answers that by laying them out at one width
 * after another until their heights fit: a dozen chart layouts per card,
 * most of the first frame. A card needs the same width at any height, so
 * it answers that question as the plain width question it is. */
static void
evk_chart_card_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  EvkChartCard *self = EVK_CHART_CARD (widget);

  gtk_widget_measure (self->box, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
evk_chart_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
evk_chart_card_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  gtk_widget_allocate (EVK_CHART_CARD (widget)->box, width, height, baseline, NULL);
}

static void
evk_chart_card_dispose (GObject *object)
{
  EvkChartCard *self = EVK_CHART_CARD (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->build_destroy != NULL)
    g_clear_pointer (&self->build_data, self->build_destroy);
  G_OBJECT_CLASS (evk_chart_card_parent_class)->dispose (object);
}

static void
evk_chart_card_finalize (GObject *object)
{
  EvkChartCard *self = EVK_CHART_CARD (object);

  g_clear_pointer (&self->table, evk_table_free);
  g_clear_pointer (&self->hits, evk_chart_hits_free);
  g_clear_pointer (&self->title, g_hash_table_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_free (self->query_kind);
  g_free (self->query_argument);
  g_free (self->group);
  g_free (self->chart_key);
  g_free (self->chart_goal);
  g_clear_pointer (&self->caption, g_hash_table_unref);
  G_OBJECT_CLASS (evk_chart_card_parent_class)->finalize (object);
}

static void
evk_chart_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EvkChartCard *self = EVK_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_DONT_KNOW:
      g_value_set_boolean (value, self->dont_know);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    case PROP_IN_REPORT:
      g_value_set_boolean (value, self->in_report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evk_chart_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EvkChartCard *self = EVK_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      evk_chart_card_set_group (self, g_value_get_string (value));
      break;
    case PROP_DONT_KNOW:
      evk_chart_card_set_dont_know (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_TABLE:
      evk_chart_card_set_show_table (self, g_value_get_boolean (value));
      break;
    case PROP_IN_REPORT:
      evk_chart_card_set_in_report (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evk_chart_card_class_init (EvkChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_chart_card_dispose;
  object_class->finalize = evk_chart_card_finalize;
  object_class->get_property = evk_chart_card_get_property;
  object_class->set_property = evk_chart_card_set_property;

  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONT_KNOW] =
    g_param_spec_boolean ("dont-know", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IN_REPORT] =
    g_param_spec_boolean ("in-report", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvkChartCard::drawn:
   *
   * Emitted after each frame of the chart is drawn (tests and benchmarks
   * wait for it).
   */
  signals[DRAWN] = g_signal_new ("drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_property_action (widget_class, "chart.dont-know", "dont-know");
  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "chart.copy-image", NULL, copy_image_activated);
  gtk_widget_class_install_action (widget_class, "chart.copy-table", NULL, copy_table_activated);
  gtk_widget_class_install_property_action (widget_class, "chart.in-report", "in-report");
  gtk_widget_class_install_action (widget_class, "chart.edit-text", NULL, edit_text_activated);
  gtk_widget_class_install_action (widget_class, "chart.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "chart.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "chart.remove", NULL, remove_activated);

  widget_class->measure = evk_chart_card_measure;
  widget_class->get_request_mode = evk_chart_card_get_request_mode;
  widget_class->size_allocate = evk_chart_card_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "chartcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GMenuModel *
build_menu (gboolean survey,
            gboolean saved)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) view = g_menu_new ();
  g_autoptr(GMenu) report = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();

  if (survey)
    g_menu_append (view, _("Include “Don’t Know”"), "chart.dont-know");
  g_menu_append (view, _("Show as _Table"), "chart.show-table");
  g_menu_append (export, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (export, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (export, _("Export as P_DF…"), "chart.export::pdf");
  g_menu_append (export, _("Export Table as _CSV…"), "chart.export::csv");
  g_menu_append (export, _("Export Table as _XLSX…"), "chart.export::xlsx");
  g_menu_append (copy, _("_Copy Image"), "chart.copy-image");
  g_menu_append (copy, _("Copy T_able"), "chart.copy-table");
  g_menu_append (report, _("_Edit Caption and Alt Text…"), "chart.edit-text");
  g_menu_append (report, _("_Include in Report"), "chart.in-report");
  g_menu_append (report, _("Move _Up"), "chart.move-up");
  g_menu_append (report, _("Move Do_wn"), "chart.move-down");
  g_menu_append (report, _("_Remove Chart…"), "chart.remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  if (saved)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (report));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  return G_MENU_MODEL (menu);
}

/* The selected group's name in the button takes the same room whatever
 * the group: were the card as wide as the name, a long one would push the
 * page from two columns of cards to one and back as the user switches.
 * The list shows the names whole. */
#define GROUP_BUTTON_CHARS 16

static void
setup_group_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  in_button)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (in_button))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), GROUP_BUTTON_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GROUP_BUTTON_CHARS);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_group_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  in_button)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (label, name);
  if (GPOINTER_TO_INT (in_button))
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), name);
}

static void
group_dropdown_set_factories (GtkDropDown *dropdown)
{
  for (int in_button = 0; in_button < 2; in_button++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_group_item), GINT_TO_POINTER (in_button));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_group_item), GINT_TO_POINTER (in_button));
      if (in_button)
        gtk_drop_down_set_factory (dropdown, factory);
      else
        gtk_drop_down_set_list_factory (dropdown, factory);
    }
}

static void
evk_chart_card_init (EvkChartCard *self)
{
  GtkWidget *header, *scrolled;
  GtkGesture *click;

  self->group = g_strdup ("all");
  self->dont_know = TRUE;
  self->in_report = TRUE;
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group_keys = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "chart-card-header");
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_box_append (GTK_BOX (header), self->title_label);

  self->group_dropdown = gtk_drop_down_new (NULL, NULL);
  group_dropdown_set_factories (GTK_DROP_DOWN (self->group_dropdown));
  gtk_widget_set_valign (self->group_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->group_dropdown, FALSE);
  gtk_widget_set_tooltip_text (self->group_dropdown, _("Respondent group"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->group_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Respondent group"), -1);
  gtk_box_append (GTK_BOX (header), self->group_dropdown);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Chart Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart menu"), -1);
  gtk_box_append (GTK_BOX (header), self->menu_button);
  gtk_box_append (GTK_BOX (self->box), header);

  /* Under the heading, so that it does not widen the card. */
  self->report_label = gtk_label_new (_("Not in report"));
  gtk_widget_set_halign (self->report_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->report_label, "status-badge");
  gtk_widget_add_css_class (self->report_label, "dim-label");
  gtk_widget_add_css_class (self->report_label, "not-in-report");
  gtk_widget_set_tooltip_text (self->report_label, _("The report leaves this chart out"));
  gtk_widget_set_visible (self->report_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->report_label);

  self->hidden_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (self->hidden_box, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->hidden_box);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  self->area = evk_chart_area_new (preferred_height, self);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_has_tooltip (self->area, TRUE);
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_chart, self, NULL);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (query_tooltip), self);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (area_released), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
  gtk_stack_add_named (GTK_STACK (self->stack), self->area, "chart");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_widget_add_css_class (self->grid, "chart-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart data"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "table");

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "dim-label");
  gtk_stack_add_named (GTK_STACK (self->stack), self->error_label, "error");
  gtk_box_append (GTK_BOX (self->box), self->stack);

  /* The saved chart's caption, as the report prints it under the chart. */
  self->caption_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->caption_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->caption_label), 0);
  gtk_widget_add_css_class (self->caption_label, "caption");
  gtk_widget_add_css_class (self->caption_label, "chart-caption");
  gtk_widget_set_visible (self->caption_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->caption_label);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), self, 0);
  update_actions (self);
}

static EvkChartCard *
card_new (EvkWorkspace *workspace,
          EvkChartKind  kind,
          gboolean      survey)
{
  EvkChartCard *self = g_object_new (EVK_TYPE_CHART_CARD, NULL);
  g_autoptr(GMenuModel) menu = build_menu (survey, FALSE);

  self->workspace = g_object_ref (workspace);
  self->kind = kind;
  g_object_set_data (G_OBJECT (self), "survey", GINT_TO_POINTER (survey));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  return self;
}

EvkChartCard *
evk_chart_card_new (EvkWorkspace   *workspace,
                    EvkChartKind    kind,
                    const EvkQuery *query)
{
  EvkChartCard *self = card_new (workspace, kind, TRUE);

  self->has_query = TRUE;
  self->query_kind = g_strdup (query->kind);
  self->query_argument = g_strdup (query->argument);
  g_free (self->group);
  self->group = g_strdup (query->group != NULL ? query->group : "all");
  self->dont_know = query->dont_know;
  gtk_widget_set_visible (self->group_dropdown, TRUE);
  rebuild_groups (self);
  g_signal_connect (self->group_dropdown, "notify::selected", G_CALLBACK (group_selected), self);
  evk_chart_card_refresh (self);
  return self;
}

EvkChartCard *
evk_chart_card_new_built (EvkWorkspace      *workspace,
                          EvkChartKind       kind,
                          EvkChartCardBuild  build,
                          gpointer           data,
                          GDestroyNotify     destroy)
{
  EvkChartCard *self = card_new (workspace, kind, FALSE);

  self->build = build;
  self->build_data = data;
  self->build_destroy = destroy;
  evk_chart_card_refresh (self);
  return self;
}

void
evk_chart_card_set_title (EvkChartCard *self,
                          GHashTable   *title)
{
  g_clear_pointer (&self->title, g_hash_table_unref);
  if (title != NULL)
    self->title = g_hash_table_ref (title);
  gtk_label_set_text (GTK_LABEL (self->title_label),
                      evk_workspace_tr (self->workspace, self->title != NULL ? self->title
                                        : self->table != NULL ? self->table->title : NULL));
}

void
evk_chart_card_set_group (EvkChartCard *self,
                          const char   *group)
{
  g_return_if_fail (EVK_IS_CHART_CARD (self));

  if (group == NULL)
    group = "all";
  if (g_strcmp0 (group, self->group) == 0)
    return;
  g_free (self->group);
  self->group = g_strdup (group);
  for (guint i = 0; i < self->group_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->group_keys, i), group) &&
        gtk_drop_down_get_selected (GTK_DROP_DOWN (self->group_dropdown)) != i)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->group_dropdown), i);
  evk_chart_card_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

const char *
evk_chart_card_get_group (EvkChartCard *self)
{
  return self->group;
}

void
evk_chart_card_set_dont_know (EvkChartCard *self,
                              gboolean      dont_know)
{
  dont_know = !!dont_know;
  if (self->dont_know == dont_know)
    return;
  self->dont_know = dont_know;
  evk_chart_card_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONT_KNOW]);
}

void
evk_chart_card_set_show_table (EvkChartCard *self,
                               gboolean      show_table)
{
  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  if (show_table)
    rebuild_grid (self);
  if (self->table != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), show_table ? "table" : "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

EvkTable *
evk_chart_card_get_table (EvkChartCard *self)
{
  return self->table;
}

EvkChartKind
evk_chart_card_get_kind (EvkChartCard *self)
{
  return self->kind;
}

EvkChartHits *
evk_chart_card_get_hits (EvkChartCard *self)
{
  return self->hits;
}

GtkWidget *
evk_chart_card_get_chart_area (EvkChartCard *self)
{
  return self->area;
}

const char *
evk_chart_card_get_view (EvkChartCard *self)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}
