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
#include "evk-chart-card-private.h"
#include "evk-format.h"
#include "evk-localized.h"

enum {
  PROP_0,
  PROP_GROUP,
  PROP_DONT_KNOW,
  PROP_COMPARING,
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

void
_evk_chart_card_init_spec (EvkChartCard *self,
                           EvkChartSpec *spec)
{
  evk_chart_spec_init (spec, self->kind, evk_workspace_get_language (self->workspace));
  /* On screen the exact share matters more than a tidy page. */
  spec->decimals = 1;
}

/* The kinds that draw several groups' tables in one chart (as series,
 * rows or panels of their own); the card stacks any other kind's tables
 * as panels, one under the other, each headed by its group. */
static gboolean
kind_draws_groups (EvkChartKind kind)
{
  return kind == EVK_CHART_AWARENESS || kind == EVK_CHART_OUTCOME || kind == EVK_CHART_AWARENESS_RANKED ||
         kind == EVK_CHART_DISTRIBUTION || kind == EVK_CHART_RANKED_SHARES;
}

static const char *
group_title (EvkChartCard *self,
             EvkTable     *table)
{
  const char *name = evk_table_group_name (table, evk_workspace_get_language (self->workspace));

  return name != NULL && name[0] != '\0' ? name : _("All respondents");
}

/* The tables the card draws and their groups' names: its group's, then
 * the compared group's. */
static guint
card_tables (EvkChartCard  *self,
             EvkTable     **tables,
             const char   **names)
{
  guint n = 0;

  tables[n] = self->table;
  names[n++] = group_title (self, self->table);
  if (self->compare_table != NULL)
    {
      tables[n] = self->compare_table;
      names[n++] = group_title (self, self->compare_table);
    }
  return n;
}

guint
_evk_chart_card_shown_tables (EvkChartCard  *self,
                              EvkTable     **tables,
                              const char   **names)
{
  return card_tables (self, tables, names);
}

guint
_evk_chart_card_export_tables (EvkChartCard  *self,
                               EvkTable     **tables,
                               const char   **names)
{
  guint n = card_tables (self, tables, names);

  return kind_draws_groups (self->kind) ? n : 1;
}

static double
panel_height (EvkChartCard        *self,
              EvkTable            *table,
              const char          *name,
              EvkChartSpec        *spec,
              const EvkChartStyle *style,
              double               width)
{
  spec->caption = name;
  return evk_chart_preferred_height (self->kind, &table, 1, spec, style, width);
}

static EvkChartHits *
draw_panels (EvkChartCard        *self,
             EvkTable           **tables,
             const char         **names,
             guint                n,
             EvkChartSpec        *spec,
             const EvkChartStyle *style,
             cairo_t             *cr,
             double               width,
             double               height)
{
  EvkChartHits *all = g_new0 (EvkChartHits, 1);
  double wanted[2], total = 0, y = 0;

  all->hits = g_array_new (FALSE, FALSE, sizeof (EvkChartHit));
  for (guint t = 0; t < n; t++)
    total += wanted[t] = MAX (panel_height (self, tables[t], names[t], spec, style, width), 1);
  for (guint t = 0; t < n; t++)
    {
      double h = height * wanted[t] / total;
      EvkChartHits *hits;

      spec->caption = names[t];
      cairo_save (cr);
      cairo_translate (cr, 0, y);
      hits = evk_chart_draw (self->kind, tables[t], spec, style, cr, width, h);
      cairo_restore (cr);
      /* The hits move into the card's list, their texts with them. */
      for (guint i = 0; i < hits->hits->len; i++)
        {
          EvkChartHit *hit = &g_array_index (hits->hits, EvkChartHit, i);

          hit->y += y;
          hit->table = t;
          g_array_append_val (all->hits, *hit);
          hit->text = NULL;
        }
      evk_chart_hits_free (hits);
      y += h;
    }
  return all;
}

EvkChartHits *
evk_chart_card_draw (EvkChartCard *self,
                     cairo_t      *cr,
                     double        width,
                     double        height)
{
  g_autoptr(EvkChartStyle) style = NULL;
  EvkTable *tables[2];
  const char *names[3] = { NULL };
  EvkChartSpec spec;
  guint n;

  if (self->table == NULL)
    return NULL;
  style = evk_chart_style_new_screen (style_is_dark ());
  style->paint_background = FALSE;
  _evk_chart_card_pin_colours (self, style);
  _evk_chart_card_init_spec (self, &spec);
  /* The card's subtitle states N and the base: the chart need not. */
  spec.show_n = FALSE;
  n = card_tables (self, tables, names);
  if (n == 1)
    return evk_chart_draw (self->kind, self->table, &spec, style, cr, width, height);
  spec.group_names = names;
  if (kind_draws_groups (self->kind))
    return evk_chart_draw_groups (self->kind, tables, n, &spec, style, cr, width, height);
  return draw_panels (self, tables, names, n, &spec, style, cr, width, height);
}

/* The n-th cell hit of the last frame (the bars and points, in drawing
 * order), or NULL. */
static const EvkChartHit *
nth_point (EvkChartCard *self,
           int           n,
           int          *n_points)
{
  const EvkChartHit *found = NULL;
  int k = 0;

  for (guint i = 0; self->hits != NULL && i < self->hits->hits->len; i++)
    {
      const EvkChartHit *hit = &g_array_index (self->hits->hits, EvkChartHit, i);

      if (hit->kind != EVK_CHART_HIT_CELL)
        continue;
      if (k == n)
        found = hit;
      k++;
    }
  if (n_points != NULL)
    *n_points = k;
  return found;
}

/* The keyboard's data point, ringed as the focus is: the tooltip a
 * pointer would show is what screen readers hear for it. */
static void
draw_focus_point (EvkChartCard *self,
                  cairo_t      *cr)
{
  g_autoptr(EvkChartStyle) style = NULL;
  const EvkChartHit *hit;

  if (!gtk_widget_has_focus (self->area) || (hit = nth_point (self, self->focus_point, NULL)) == NULL)
    return;
  style = evk_chart_style_new_screen (style_is_dark ());
  cairo_save (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, style->text.r, style->text.g, style->text.b, 1);
  cairo_rectangle (cr, hit->x - 2, hit->y - 2, hit->width + 4, hit->height + 4);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  EvkChartCard *self = EVK_CHART_CARD (user_data);
  int n_points;

  g_clear_pointer (&self->hits, evk_chart_hits_free);
  self->hits = evk_chart_card_draw (self, cr, width, height);
  /* A new table may have fewer points than the keyboard's index. */
  nth_point (self, -1, &n_points);
  if (self->focus_point >= n_points)
    self->focus_point = n_points - 1;
  draw_focus_point (self, cr);
  g_signal_emit (self, signals[DRAWN], 0);
}

static void
announce_point (EvkChartCard *self)
{
  const EvkChartHit *hit = nth_point (self, self->focus_point, NULL);

  if (hit == NULL || hit->text == NULL)
    return;
  g_free (self->point_description);
  self->point_description = g_strdup (hit->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->point_description,
                                  -1);
}

gboolean
evk_chart_card_move_focus_point (EvkChartCard *self,
                                 int           step)
{
  int n_points, next;

  g_return_val_if_fail (EVK_IS_CHART_CARD (self), FALSE);

  nth_point (self, -1, &n_points);
  if (n_points == 0)
    return FALSE;
  next = self->focus_point < 0 ? 0 : CLAMP (self->focus_point + step, 0, n_points - 1);
  self->focus_point = next;
  announce_point (self);
  gtk_widget_queue_draw (self->area);
  return TRUE;
}

int
evk_chart_card_get_focus_point (EvkChartCard *self)
{
  return self->focus_point;
}

const EvkChartHit *
evk_chart_card_get_focus_hit (EvkChartCard *self)
{
  return nth_point (self, self->focus_point, NULL);
}

const char *
evk_chart_card_get_point_description (EvkChartCard *self)
{
  return self->point_description;
}

static gboolean
area_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  EvkChartCard          *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return evk_chart_card_move_focus_point (self, 1);
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return evk_chart_card_move_focus_point (self, -1);
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return evk_chart_card_move_focus_point (self, -G_MAXINT / 2);
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return evk_chart_card_move_focus_point (self, G_MAXINT / 2);
    default:
      return FALSE;
    }
}

/* Tabbing into the chart puts the keyboard on its first data point. */
static void
area_focus_enter (GtkEventControllerFocus *controller,
                  EvkChartCard            *self)
{
  if (self->area == NULL)
    return;
  if (self->focus_point < 0)
    evk_chart_card_move_focus_point (self, 0);
  else
    announce_point (self);
  gtk_widget_queue_draw (self->area);
}

static void
area_focus_leave (GtkEventControllerFocus *controller,
                  EvkChartCard            *self)
{
  if (self->area != NULL)
    gtk_widget_queue_draw (self->area);
}

static double
preferred_height (int      width,
                  gpointer user_data)
{
  EvkChartCard *self = EVK_CHART_CARD (user_data);
  g_autoptr(EvkChartStyle) style = NULL;
  EvkTable *tables[2];
  const char *names[3] = { NULL };
  EvkChartSpec spec;
  guint n;

  /* GTK asks several times per layout; each answer lays the chart out. */
  if (self->table == NULL || width <= 0)
    return 0;
  if (width == self->measured_width)
    return self->measured_height;
  style = evk_chart_style_new_screen (style_is_dark ());
  _evk_chart_card_init_spec (self, &spec);
  spec.show_n = FALSE;
  self->measured_width = width;
  n = card_tables (self, tables, names);
  spec.group_names = n > 1 ? names : NULL;
  if (n == 1 || kind_draws_groups (self->kind))
    self->measured_height = evk_chart_preferred_height (self->kind, tables, n, &spec, style, width);
  else
    {
      self->measured_height = 0;
      for (guint t = 0; t < n; t++)
        self->measured_height += panel_height (self, tables[t], names[t], &spec, style, width);
    }
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

  /* Asked from the keyboard, the tooltip is the keyboard's point's. */
  if (keyboard)
    hit = nth_point (self, self->focus_point, NULL);
  else
    hit = self->hits != NULL ? evk_chart_hits_find (self->hits, x, y) : NULL;
  if (hit == NULL || hit->text == NULL)
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

/* A saved chart's words with the card's group and base after them: the
 * grammar takes an option's last value, so these win over the saved ones. */
static char *
spec_for_group (EvkChartCard *self,
                const char   *group)
{
  g_autofree char *quoted = g_shell_quote (group != NULL ? group : "all");
  GString *spec = g_string_new (self->spec);

  g_string_append_printf (spec, " group=%s", quoted);
  if (self->dont_know != self->spec_dont_know)
    g_string_append (spec, self->dont_know ? " base=with-dont-know" : " base=valid");
  return g_string_free (spec, FALSE);
}

static EvkTable *
compute_for_group (EvkChartCard  *self,
                   const char    *group,
                   GError       **error)
{
  if (self->has_query)
    {
      EvkQuery query = { self->query_kind, self->query_argument, group, self->dont_know, self->query_weight };
      return evk_workspace_compute (self->workspace, &query, error);
    }
  if (self->spec != NULL)
    {
      g_autofree char *spec = spec_for_group (self, group);
      return evk_workspace_compute_spec (self->workspace, spec, error);
    }
  return self->build (self->workspace, self->build_data, error);
}

static EvkTable *
compute (EvkChartCard  *self,
         GError       **error)
{
  return compute_for_group (self, self->group, error);
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
char *
_evk_chart_card_describe (EvkChartCard *self)
{
  const char *lang = evk_workspace_get_language (self->workspace);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (self->table == NULL)
    return NULL;
  first = evk_table_describe (self->table, lang);
  if (self->compare_table == NULL)
    return g_steal_pointer (&first);
  /* A comparison says what each of its two tables is of. */
  second = evk_table_describe (self->compare_table, lang);
  return g_strdup_printf ("%s\n%s", first, second);
}

/* One table's rows in the grid from row top on; the next free row. With
 * a heading (a comparison's group), it comes first, over the columns. */
static int
attach_table (EvkChartCard *self,
              EvkTable     *table,
              const char   *heading,
              int           top)
{
  const char *lang = evk_workspace_get_language (self->workspace);

  if (heading != NULL)
    {
      GtkWidget *label = grid_label (heading, 0, TRUE);

      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_widget_set_margin_top (label, top > 0 ? 12 : 0);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, top++, table->columns->len + 2, 1);
    }
  for (guint c = 0; c < table->columns->len; c++)
    gtk_grid_attach (GTK_GRID (self->grid),
                     grid_label (evk_workspace_tr (self->workspace, evk_table_column (table, c)->label), 1, TRUE),
                     c + 1, top, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), grid_label (_("Base (n)"), 1, TRUE), table->columns->len + 1, top, 1, 1);
  top++;

  for (guint r = 0; r < table->rows->len; r++, top++)
    {
      EvkTableEntry *row = evk_table_row (table, r);
      guint n_row = row->n_base > 0 ? row->n_base : table->n_base;
      g_autofree char *n_text = evk_format_number (lang, n_row, 0);
      GtkWidget *label = grid_label (evk_workspace_tr (self->workspace, row->label), 0, FALSE);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, top, 1, 1);
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
          gtk_grid_attach (GTK_GRID (self->grid), grid_label (text, 1, FALSE), c + 1, top, 1, 1);
        }
      gtk_grid_attach (GTK_GRID (self->grid), grid_label (n_text, 1, FALSE), table->columns->len + 1, top, 1, 1);
    }
  return top;
}

/* The numbers of the chart: with a comparison, each group's table under
 * its name, as the chart draws both. */
static void
rebuild_grid (EvkChartCard *self)
{
  g_autofree char *base = NULL;
  int top;

  clear_children (self->grid);
  if (self->table == NULL)
    return;

  top = attach_table (self, self->table, self->compare_table != NULL ? group_title (self, self->table) : NULL, 0);
  if (self->compare_table != NULL)
    top = attach_table (self, self->compare_table, group_title (self, self->compare_table), top);

  /* Under the numbers, what they are of, as the chart and exports say it. */
  base = _evk_chart_card_describe (self);
  if (base != NULL)
    {
      GtkWidget *note = gtk_label_new (base);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_grid_attach (GTK_GRID (self->grid), note, 0, top, self->table->columns->len + 2, 1);
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

static void
append_summary (EvkChartCard *self,
                EvkTable     *table,
                GString      *out)
{
  const char *lang = evk_workspace_get_language (self->workspace);

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
}

/* Every number the chart shows, for screen readers: per group when it
 * compares two. */
static char *
summary_text (EvkChartCard *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (self->compare_table != NULL)
    g_string_append_printf (out, "%s: ", group_title (self, self->table));
  append_summary (self, self->table, out);
  if (self->compare_table != NULL)
    {
      g_string_append_printf (out, "%s: ", group_title (self, self->compare_table));
      append_summary (self, self->compare_table, out);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void compare_selected (GtkDropDown  *dropdown,
                              GParamSpec   *pspec,
                              EvkChartCard *self);

static void
select_compare (EvkChartCard *self)
{
  for (guint i = 0; i < self->group_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->group_keys, i), self->compare) == 0)
      {
        if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->compare_dropdown)) != i)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->compare_dropdown), i);
        return;
      }
}

static void
rebuild_groups (EvkChartCard *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  /* A review copy has the tables of some groups only (not those too
   * small to show): it offers exactly those. */
  gboolean stored_only = evk_workspace_is_read_only (self->workspace);

  g_ptr_array_set_size (self->group_keys, 0);
  gtk_string_list_append (names, _("All respondents"));
  g_ptr_array_add (self->group_keys, g_strdup ("all"));
  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (strategy->groups, i);

      if (stored_only)
        {
          g_autoptr(EvkTable) table = compute_for_group (self, group->key, NULL);

          if (table == NULL)
            continue;
        }

      gtk_string_list_append (names, evk_workspace_tr (self->workspace, group->name));
      g_ptr_array_add (self->group_keys, g_strdup (group->key));
      if (g_strcmp0 (group->key, self->group) == 0)
        selected = self->group_keys->len - 1;
    }
  g_object_freeze_notify (G_OBJECT (self->group_dropdown));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->group_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->group_dropdown), selected);
  g_object_thaw_notify (G_OBJECT (self->group_dropdown));

  /* The same groups to compare with. */
  g_signal_handlers_block_by_func (self->compare_dropdown, compare_selected, self);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->compare_dropdown), G_LIST_MODEL (names));
  select_compare (self);
  g_signal_handlers_unblock_by_func (self->compare_dropdown, compare_selected, self);
}

static void
pin_colours (EvkChartKind         kind,
             EvkTable            *visible,
             EvkTable            *full,
             const EvkChartStyle *style)
{
  g_autofree EvkRgba *colours = NULL;

  if (visible == NULL || full == NULL)
    return;
  colours = g_new0 (EvkRgba, MAX (full->columns->len, 1));
  if (!evk_chart_series_colours (kind, full, style, colours))
    return;
  for (guint c = 0; c < visible->columns->len; c++)
    {
      EvkTableEntry *column = evk_table_column (visible, c);
      int k = column->key != NULL ? evk_table_find_column (full, column->key) : -1;

      if (k < 0)
        continue;
      g_free (column->colour);
      column->colour = g_strdup_printf ("#%02x%02x%02x", (int) round (CLAMP (colours[k].r, 0, 1) * 255),
                                        (int) round (CLAMP (colours[k].g, 0, 1) * 255),
                                        (int) round (CLAMP (colours[k].b, 0, 1) * 255));
    }
}

/* Colour is bound to the series, not to its place among those shown: a
 * palette that spreads over the columns would otherwise recolour every
 * other series when one is hidden. */
void
_evk_chart_card_pin_colours (EvkChartCard        *self,
                             const EvkChartStyle *style)
{
  pin_colours (self->kind, self->table, self->full_table, style);
  pin_colours (self->kind, self->compare_table, self->full_compare, style);
}

/* A hidden series leaves the table (and so the legend); a chip above the
 * chart brings it back. */
static void
remove_hidden (EvkChartCard *self,
               EvkTable     *table)
{
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
}

void
evk_chart_card_refresh (EvkChartCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  EvkTable *table;

  g_return_if_fail (EVK_IS_CHART_CARD (self));

  g_clear_pointer (&self->table, evk_table_free);
  g_clear_pointer (&self->compare_table, evk_table_free);
  g_clear_pointer (&self->full_table, evk_table_free);
  g_clear_pointer (&self->full_compare, evk_table_free);
  self->measured_width = 0;
  table = compute (self, &error);
  if (table == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      gtk_label_set_text (GTK_LABEL (self->title_label),
                          self->title != NULL ? evk_workspace_tr (self->workspace, self->title) : "");
      gtk_widget_set_visible (self->subtitle_label, FALSE);
      return;
    }

  /* The tables come from the window's cache: a second one whole costs
   * little. */
  if (g_hash_table_size (self->hidden) > 0)
    self->full_table = compute (self, NULL);
  remove_hidden (self, table);
  self->table = table;
  g_clear_pointer (&self->compare_table, evk_table_free);
  if (self->compare != NULL)
    {
      g_autoptr(GError) compare_error = NULL;

      /* A group too small to show leaves the comparison, and says why. */
      self->compare_table = compute_for_group (self, self->compare, &compare_error);
      if (self->compare_table != NULL && g_hash_table_size (self->hidden) > 0)
        {
          self->full_compare = compute_for_group (self, self->compare, NULL);
          remove_hidden (self, self->compare_table);
        }
      gtk_widget_set_tooltip_text (self->compare_dropdown,
                                   compare_error != NULL ? compare_error->message : _("Group to compare with"));
    }

  gtk_label_set_text (GTK_LABEL (self->title_label),
                      evk_workspace_tr (self->workspace, self->title != NULL ? self->title : table->title));
  {
    g_autofree char *described = _evk_chart_card_describe (self);

    gtk_label_set_text (GTK_LABEL (self->subtitle_label), described);
    gtk_widget_set_visible (self->subtitle_label, TRUE);
  }
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
compare_selected (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  EvkChartCard *self)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  if (self->compare != NULL && index < self->group_keys->len)
    evk_chart_card_set_compare (self, g_ptr_array_index (self->group_keys, index));
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
  if (self->has_query || self->spec != NULL)
    rebuild_groups (self);
  evk_chart_card_refresh (self);
}

static void
language_changed (EvkWorkspace *workspace,
                  GParamSpec   *pspec,
                  EvkChartCard *self)
{
  workspace_changed (workspace, "language", self);
  _evk_chart_card_update_saved (self);
}

static void
dark_changed (AdwStyleManager *manager,
              GParamSpec      *pspec,
              EvkChartCard    *self)
{
  self->measured_width = 0;
  gtk_widget_queue_resize (self->area);
}

void
_evk_chart_card_toast (EvkChartCard *self,
                       const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

void
_evk_chart_card_notify_in_report (EvkChartCard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_REPORT]);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_CHART_CARD);
  if (self->build_destroy != NULL)
    g_clear_pointer (&self->build_data, self->build_destroy);
  G_OBJECT_CLASS (evk_chart_card_parent_class)->dispose (object);
}

static void
evk_chart_card_finalize (GObject *object)
{
  EvkChartCard *self = EVK_CHART_CARD (object);

  g_clear_pointer (&self->table, evk_table_free);
  g_clear_pointer (&self->compare_table, evk_table_free);
  g_clear_pointer (&self->full_table, evk_table_free);
  g_clear_pointer (&self->full_compare, evk_table_free);
  g_clear_pointer (&self->hits, evk_chart_hits_free);
  g_clear_pointer (&self->title, g_hash_table_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_free (self->query_kind);
  g_free (self->query_argument);
  g_free (self->query_weight);
  g_free (self->spec);
  g_free (self->group);
  g_free (self->compare);
  g_free (self->point_description);
  g_free (self->chart_key);
  g_free (self->chart_goal);
  g_free (self->comment_place);
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
    case PROP_COMPARING:
      g_value_set_boolean (value, self->compare != NULL);
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

static void set_comparing (EvkChartCard *self,
                           gboolean      comparing);

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
    case PROP_COMPARING:
      set_comparing (self, g_value_get_boolean (value));
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
  /* Whether the card shows a second group beside its own ("compare"
   * names it): what the menu's "Compare" turns on. */
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE,
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

  _evk_chart_card_class_init_actions (widget_class);
  _evk_chart_card_class_init_export (widget_class);

  g_type_ensure (EVK_TYPE_CHART_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, box);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, report_label);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, hidden_box);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, area);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, grid);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, error_label);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, caption_label);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, compare_box);
  gtk_widget_class_bind_template_child (widget_class, EvkChartCard, compare_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, group_selected);
  gtk_widget_class_bind_template_callback (widget_class, compare_selected);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, area_released);

  widget_class->measure = evk_chart_card_measure;
  widget_class->get_request_mode = evk_chart_card_get_request_mode;
  widget_class->size_allocate = evk_chart_card_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "chartcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
evk_chart_card_init (EvkChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The compared group's name takes the room the group's does. */
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->compare_dropdown),
                             gtk_drop_down_get_factory (GTK_DROP_DOWN (self->group_dropdown)));
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->compare_dropdown),
                                  gtk_drop_down_get_list_factory (GTK_DROP_DOWN (self->group_dropdown)));

  self->group = g_strdup ("all");
  self->dont_know = TRUE;
  self->in_report = TRUE;
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group_keys = g_ptr_array_new_with_free_func (g_free);

  self->focus_point = -1;
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkEventController *focus = gtk_event_controller_focus_new ();

    /* The area may be unparented, and lose the focus, after the card is
     * gone: the handlers go with the card. */
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (area_key_pressed), self, 0);
    gtk_widget_add_controller (self->area, keys);
    g_signal_connect_object (focus, "enter", G_CALLBACK (area_focus_enter), self, 0);
    g_signal_connect_object (focus, "leave", G_CALLBACK (area_focus_leave), self, 0);
    gtk_widget_add_controller (self->area, focus);
  }
  _evk_chart_card_setup_drag (self);
  evk_chart_area_set_height_func (EVK_CHART_AREA (self->area), preferred_height, self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_chart, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), self, 0);
  _evk_chart_card_update_actions (self);
}

static EvkChartCard *
card_new (EvkWorkspace *workspace,
          EvkChartKind  kind,
          gboolean      has_base,
          gboolean      has_groups)
{
  EvkChartCard *self = g_object_new (EVK_TYPE_CHART_CARD, NULL);
  g_autoptr(GMenuModel) menu = _evk_chart_card_build_menu (has_base, has_groups, FALSE);

  self->workspace = g_object_ref (workspace);
  self->kind = kind;
  g_object_set_data (G_OBJECT (self), "has-base", GINT_TO_POINTER (has_base));
  g_object_set_data (G_OBJECT (self), "has-groups", GINT_TO_POINTER (has_groups));
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
  EvkChartCard *self = card_new (workspace, kind, TRUE, TRUE);

  self->has_query = TRUE;
  self->query_kind = g_strdup (query->kind);
  self->query_argument = g_strdup (query->argument);
  self->query_weight = g_strdup (query->weight);
  g_free (self->group);
  self->group = g_strdup (query->group != NULL ? query->group : "all");
  self->dont_know = query->dont_know;
  gtk_widget_set_visible (self->group_dropdown, TRUE);
  /* The query's group stands even when the strategy has no such group:
   * filling the drop-down must not choose one for it. */
  g_signal_handlers_block_by_func (self->group_dropdown, group_selected, self);
  rebuild_groups (self);
  g_signal_handlers_unblock_by_func (self->group_dropdown, group_selected, self);
  evk_chart_card_refresh (self);
  return self;
}

/* The group and the base a saved chart's words name, as the card's first
 * choice. */
static void
read_spec_options (EvkChartCard *self)
{
  g_autofree char *group = evk_table_spec_get_option (self->spec, "group");
  g_autofree char *base = evk_table_spec_get_option (self->spec, "base");

  if (group != NULL)
    {
      g_free (self->group);
      self->group = g_steal_pointer (&group);
    }
  self->spec_dont_know = g_strcmp0 (base, "valid") != 0;
  self->dont_know = self->spec_dont_know;
}

EvkChartCard *
evk_chart_card_new_spec (EvkWorkspace *workspace,
                         EvkChartKind  kind,
                         const char   *spec)
{
  /* Every answer to a multiple-response set counts: there is no
   * "don't know" for the base to include or leave out. */
  gboolean has_base = !g_str_has_prefix (spec, "multiple ");
  EvkChartCard *self = card_new (workspace, kind, has_base, TRUE);

  self->spec = g_strdup (spec);
  read_spec_options (self);
  gtk_widget_set_visible (self->group_dropdown, TRUE);
  g_signal_handlers_block_by_func (self->group_dropdown, group_selected, self);
  rebuild_groups (self);
  g_signal_handlers_unblock_by_func (self->group_dropdown, group_selected, self);
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
  EvkChartCard *self = card_new (workspace, kind, FALSE, FALSE);

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
evk_chart_card_set_compare (EvkChartCard *self,
                            const char   *group)
{
  gboolean was_comparing;

  g_return_if_fail (EVK_IS_CHART_CARD (self));

  if (g_strcmp0 (group, self->compare) == 0)
    return;
  was_comparing = self->compare != NULL;
  g_free (self->compare);
  self->compare = g_strdup (group);
  gtk_widget_set_visible (self->compare_box, group != NULL);
  if (group != NULL)
    select_compare (self);
  evk_chart_card_refresh (self);
  if (was_comparing != (group != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
}

const char *
evk_chart_card_get_compare (EvkChartCard *self)
{
  return self->compare;
}

/* Turned on, a comparison starts with the first group that is not the
 * card's own. */
static void
set_comparing (EvkChartCard *self,
               gboolean      comparing)
{
  const char *other = NULL;

  if (!comparing)
    {
      evk_chart_card_set_compare (self, NULL);
      return;
    }
  if (self->compare != NULL)
    return;
  for (guint i = 0; i < self->group_keys->len && other == NULL; i++)
    if (g_strcmp0 (g_ptr_array_index (self->group_keys, i), self->group) != 0)
      other = g_ptr_array_index (self->group_keys, i);
  if (other != NULL)
    evk_chart_card_set_compare (self, other);
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
