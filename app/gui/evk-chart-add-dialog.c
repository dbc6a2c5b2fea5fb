/* evk-chart-add-dialog.c: a new chart for a measure, a goal or a report chapter, chosen with a live preview
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart-add-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-chart-add-dialog.h"
#include "evk-chart-area.h"
#include "evk-chart.h"
#include "evk-charts.h"
#include "evk-localized.h"

/* What a kind draws, and so what its data row lists. */
typedef enum {
  DATA_AWARENESS,   /* offers with heard-of and used items: "awareness KEY" */
  DATA_OUTCOME,     /* offers with outcome items: "outcome KEY" */
  DATA_QUESTIONS,   /* questions with answer categories: "frequency VAR" */
  DATA_SETS,        /* multiple-response sets: "multiple SET" */
} DataKind;

static const struct {
  EvkChartKind  kind;
  const char   *title;
  DataKind      data;
} kinds[] = {
  { EVK_CHART_AWARENESS, N_("Awareness and use of an offer"), DATA_AWARENESS },
  { EVK_CHART_OUTCOME, N_("Outcomes of an offer"), DATA_OUTCOME },
  { EVK_CHART_DISTRIBUTION, N_("Answers to a question"), DATA_QUESTIONS },
  { EVK_CHART_RANKED_SHARES, N_("A question with several answers, ranked"), DATA_SETS },
  { EVK_CHART_TABLE, N_("Answers to a question, as a table"), DATA_QUESTIONS },
};

struct _EvkChartAddDialog
{
  AdwWindow        parent_instance;

  EvkWorkspace    *workspace;
  guint            measure;
  char            *goal;
  EvkChartAddFunc  add;
  gpointer         add_data;

  AdwComboRow     *kind_row;
  AdwComboRow     *data_row;
  AdwComboRow     *group_row;
  GtkWidget       *preview;
  GtkLabel        *status_label;
  GtkWidget       *add_button;
  AdwToastOverlay *toast_overlay;

  GPtrArray       *data_words;    /* char *: the table words per data row item */
  GPtrArray       *group_keys;    /* char *: NULL (everyone) first */
  char            *spec;          /* NULL when nothing can be chosen */
  EvkTable        *table;         /* the preview's; NULL when it does not compute */
};

G_DEFINE_FINAL_TYPE (EvkChartAddDialog, evk_chart_add_dialog, ADW_TYPE_WINDOW)

static EvkChartKind
chosen_kind (EvkChartAddDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return kinds[MIN (i, G_N_ELEMENTS (kinds) - 1)].kind;
}

static void
init_spec (EvkChartAddDialog *self,
           EvkChartSpec      *spec)
{
  evk_chart_spec_init (spec, chosen_kind (self), evk_workspace_get_language (self->workspace));
  spec->decimals = 1;
  /* The line above the preview says N, base and group, as a card's does. */
  spec->show_n = FALSE;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  EvkChartAddDialog *self = user_data;
  g_autoptr(EvkChartStyle) style = NULL;
  g_autoptr(EvkChartHits) hits = NULL;
  EvkChartSpec spec;

  if (self->table == NULL)
    return;
  style = evk_chart_style_new_screen (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  style->paint_background = FALSE;
  init_spec (self, &spec);
  hits = evk_chart_draw (chosen_kind (self), self->table, &spec, style, cr, width, height);
}

static double
preview_height (int      width,
                gpointer user_data)
{
  EvkChartAddDialog *self = user_data;
  g_autoptr(EvkChartStyle) style = NULL;
  EvkChartSpec spec;

  if (self->table == NULL || width <= 0)
    return 0;
  style = evk_chart_style_new_screen (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  init_spec (self, &spec);
  return evk_chart_preferred_height (chosen_kind (self), &self->table, 1, &spec, style, width);
}

/* The chart as chosen now: its words, its table, the preview. */
static void
update_preview (EvkChartAddDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint data = adw_combo_row_get_selected (self->data_row);
  guint group = adw_combo_row_get_selected (self->group_row);
  const char *key = group < self->group_keys->len ? g_ptr_array_index (self->group_keys, group) : NULL;

  g_clear_pointer (&self->spec, g_free);
  g_clear_pointer (&self->table, evk_table_free);
  if (data < self->data_words->len)
    {
      const char *words = g_ptr_array_index (self->data_words, data);

      self->spec = key != NULL ? g_strdup_printf ("%s group=%s", words, key) : g_strdup (words);
    }
  if (self->spec != NULL)
    {
      EvkSavedChart probe = { 0, NULL, chosen_kind (self), self->spec, self->measure, self->goal, TRUE, NULL, NULL };

      self->table = evk_workspace_compute_chart (self->workspace, &probe, &error);
    }
  if (self->table != NULL)
    {
      g_autofree char *said = evk_table_describe (self->table, evk_workspace_get_language (self->workspace));

      gtk_label_set_text (self->status_label, said);
    }
  else
    gtk_label_set_text (self->status_label, error != NULL ? error->message : _("There is nothing of this kind to chart"));
  gtk_widget_set_sensitive (self->add_button, self->table != NULL);
  gtk_widget_set_visible (self->preview, self->table != NULL);
  gtk_widget_queue_resize (self->preview);
  gtk_widget_queue_draw (self->preview);
}

static void
add_data (EvkChartAddDialog *self,
          GtkStringList     *titles,
          const char        *title,
          char              *words)
{
  gtk_string_list_append (titles, title);
  g_ptr_array_add (self->data_words, words);
}

/* What the chosen kind can draw, from the strategy and the survey. */
static void
fill_data (EvkChartAddDialog *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint i = MIN (adw_combo_row_get_selected (self->kind_row), G_N_ELEMENTS (kinds) - 1);

  g_ptr_array_set_size (self->data_words, 0);
  switch (kinds[i].data)
    {
    case DATA_AWARENESS:
    case DATA_OUTCOME:
      for (guint k = 0; k < strategy->offers->len; k++)
        {
          EvkOffer *offer = g_ptr_array_index (strategy->offers, k);
          gboolean outcome = kinds[i].data == DATA_OUTCOME;
          gboolean has = outcome ? (evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_MEMBERS) != NULL ||
                                    evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_ACTIVITIES) != NULL)
                                 : (evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF) != NULL &&
                                    evk_offer_get_variable (offer, EVK_ROLE_USED) != NULL);

          if (has)
            add_data (self, titles, evk_workspace_tr (self->workspace, offer->label),
                      g_strdup_printf ("%s %s", outcome ? "outcome" : "awareness", offer->key));
        }
      break;
    case DATA_QUESTIONS:
      /* Questions with answer categories; never personal data. */
      for (guint k = 0; survey != NULL && k < survey->variables->len; k++)
        {
          EvkVariable *variable = g_ptr_array_index (survey->variables, k);
          const char *label = evk_workspace_tr (self->workspace, variable->label);
          g_autofree char *title = NULL;

          if (variable->personal || variable->type != EVK_VARIABLE_NUMERIC || variable->value_labels->len < 2)
            continue;
          title = label != NULL && *label != '\0' ? g_strdup_printf ("%s: %s", variable->name, label)
                                                  : g_strdup (variable->name);
          add_data (self, titles, title, g_strdup_printf ("frequency %s", variable->name));
        }
      break;
    case DATA_SETS:
      for (guint k = 0; survey != NULL && k < survey->mrsets->len; k++)
        {
          EvkMrSet *set = g_ptr_array_index (survey->mrsets, k);
          const char *label = evk_workspace_tr (self->workspace, set->label);

          add_data (self, titles, label != NULL && *label != '\0' ? label : set->name,
                    g_strdup_printf ("multiple %s", set->name));
        }
      break;
    default:
      g_assert_not_reached ();
    }
  adw_combo_row_set_model (self->data_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->data_row, 0);
}

static void
kind_selected (EvkChartAddDialog *self)
{
  fill_data (self);
  update_preview (self);
}

EvkChartKind
evk_chart_add_dialog_get_kind (EvkChartAddDialog *self)
{
  g_return_val_if_fail (EVK_IS_CHART_ADD_DIALOG (self), EVK_CHART_TABLE);
  return chosen_kind (self);
}

const char *
evk_chart_add_dialog_get_spec (EvkChartAddDialog *self)
{
  g_return_val_if_fail (EVK_IS_CHART_ADD_DIALOG (self), NULL);
  return self->spec;
}

EvkTable *
evk_chart_add_dialog_get_table (EvkChartAddDialog *self)
{
  g_return_val_if_fail (EVK_IS_CHART_ADD_DIALOG (self), NULL);
  return self->table;
}

GtkWidget *
evk_chart_add_dialog_get_preview (EvkChartAddDialog *self)
{
  g_return_val_if_fail (EVK_IS_CHART_ADD_DIALOG (self), NULL);
  return self->preview;
}

char *
evk_chart_add_dialog_add (EvkChartAddDialog  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  char *key;

  g_return_val_if_fail (EVK_IS_CHART_ADD_DIALOG (self), NULL);

  if (self->table == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is nothing of this kind to chart"));
      return NULL;
    }
  /* The table's title is the caption to begin with, in every language. */
  key = self->add (self->add_data, chosen_kind (self), self->spec, self->measure, self->goal, self->table->title,
                   &local_error);
  if (key == NULL)
    {
      AdwToast *toast = adw_toast_new (local_error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return key;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_free (evk_chart_add_dialog_add (EVK_CHART_ADD_DIALOG (widget), NULL));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
evk_chart_add_dialog_dispose (GObject *object)
{
  EvkChartAddDialog *self = EVK_CHART_ADD_DIALOG (object);

  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (evk_chart_add_dialog_parent_class)->dispose (object);
}

static void
evk_chart_add_dialog_finalize (GObject *object)
{
  EvkChartAddDialog *self = EVK_CHART_ADD_DIALOG (object);

  g_free (self->goal);
  g_free (self->spec);
  g_clear_pointer (&self->table, evk_table_free);
  g_clear_pointer (&self->data_words, g_ptr_array_unref);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  G_OBJECT_CLASS (evk_chart_add_dialog_parent_class)->finalize (object);
}

static void
evk_chart_add_dialog_class_init (EvkChartAddDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_chart_add_dialog_dispose;
  object_class->finalize = evk_chart_add_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "chart-add.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "chart-add.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "chart-add.cancel", NULL);
}

static GtkWidget *
combo_row (const char *title)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Questions have long names: the choice reads in full under the title. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  return row;
}

/* The dialog's widgets, made in code as the edit dialog's rows are: a
 * header bar, the three rows, the description line and the preview. */
static void
evk_chart_add_dialog_init (EvkChartAddDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *preview_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = adw_window_title_new (_("Add Chart"), NULL);

  self->data_words = g_ptr_array_new_with_free_func (g_free);
  self->group_keys = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Chart"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "chart-add.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "chart-add.add");
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  gtk_box_append (GTK_BOX (box), header);

  self->kind_row = ADW_COMBO_ROW (combo_row (_("Kind")));
  self->data_row = ADW_COMBO_ROW (combo_row (_("Data")));
  self->group_row = ADW_COMBO_ROW (combo_row (_("Group")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->data_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->group_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview_group), _("Preview"));
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  self->preview = evk_chart_area_new (preview_height, self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  gtk_widget_set_hexpand (self->preview, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the chart"), -1);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_margin_start (self->preview, 12);
  gtk_widget_set_margin_end (self->preview, 12);
  gtk_widget_set_margin_bottom (self->preview, 12);
  gtk_box_append (GTK_BOX (frame), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (frame), self->preview);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview_group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (preview_group));

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toast_overlay), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toast_overlay));
  adw_window_set_content (ADW_WINDOW (self), box);
}

EvkChartAddDialog *
evk_chart_add_dialog_new (GtkWindow       *parent,
                          EvkWorkspace    *workspace,
                          guint            measure,
                          const char      *goal,
                          EvkChartAddFunc  add,
                          gpointer         user_data)
{
  EvkChartAddDialog *self;
  EvkStrategy *strategy;
  g_autoptr(GtkStringList) kind_titles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) group_titles = gtk_string_list_new (NULL);

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (add != NULL, NULL);

  self = g_object_new (EVK_TYPE_CHART_ADD_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->measure = measure;
  self->goal = g_strdup (goal);
  self->add = add;
  self->add_data = user_data;
  strategy = evk_workspace_get_strategy (workspace);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_titles, _(kinds[i].title));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_titles));

  gtk_string_list_append (group_titles, _("All respondents"));
  g_ptr_array_add (self->group_keys, NULL);
  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (strategy->groups, i);

      gtk_string_list_append (group_titles, evk_workspace_tr (workspace, group->name));
      g_ptr_array_add (self->group_keys, g_strdup (group->key));
    }
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (group_titles));

  fill_data (self);
  update_preview (self);
  /* Connected last: filling the rows above is not a choice. */
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected), self);
  g_signal_connect_swapped (self->data_row, "notify::selected", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->group_row, "notify::selected", G_CALLBACK (update_preview), self);
  return self;
}
