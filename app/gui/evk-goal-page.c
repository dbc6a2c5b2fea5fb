/* evk-goal-page.c: one goal: its saved charts, its measures
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-goal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-comment-button.h"
#include "evk-goal-page.h"
#include "evk-measure-item.h"
#include "evk-page.h"

struct _EvkGoalPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  char         *goal;

  GPtrArray    *cards;
  GListStore   *store;
  GtkSortListModel *sorted;

  GtkWidget    *scrolled;
  GtkWidget    *content;
  GtkWidget    *kind_label;
  GtkWidget    *comment_bin;
  GtkWidget    *title_label;
  GtkWidget    *description_label;
  GtkWidget    *summary_label;
  GtkWidget    *flow;
  GtkWidget    *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *responsible_column;
  GtkColumnViewColumn *status_column;
};

G_DEFINE_FINAL_TYPE (EvkGoalPage, evk_goal_page, GTK_TYPE_WIDGET)

static EvkTable *
build_status_table (EvkWorkspace  *workspace,
                    gpointer       data,
                    GError       **error)
{
  return evk_workspace_status_table (workspace, data);
}

static void
fill_store (EvkGoalPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
  g_autofree guint *counts = g_new0 (guint, statuses->len + 1);
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_measures = 0;

  g_list_store_remove_all (self->store);
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      g_autofree char *bodies = NULL;
      g_autoptr(EvkMeasureItem) item = NULL;
      EvkTerm *status = NULL;
      guint rank = statuses->len;

      if (g_strcmp0 (measure->goal, self->goal) != 0)
        continue;
      for (guint k = 0; k < statuses->len; k++)
        if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, k))->key, measure->status) == 0)
          status = g_ptr_array_index (statuses, k), rank = k;
      counts[rank]++;
      n_measures++;
      bodies = evk_page_join_bodies (self->workspace, measure->responsible);
      item = evk_measure_item_new (measure->number, evk_workspace_tr (self->workspace, measure->title), bodies,
                                   measure->status, status != NULL ? evk_workspace_tr (self->workspace, status->name) : "",
                                   rank);
      g_list_store_append (self->store, item);
    }

  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", n_measures), n_measures);
  for (guint k = 0, first = TRUE; k < statuses->len; k++)
    {
      if (counts[k] == 0)
        continue;
      g_string_append_printf (summary, "%s%u %s", first ? ": " : ", ", counts[k],
                              evk_workspace_tr (self->workspace, ((EvkTerm *) g_ptr_array_index (statuses, k))->name));
      first = FALSE;
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary->str);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) == 0 ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (GPOINTER_TO_INT (user_data) == 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  EvkMeasureItem *measure = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *number = g_strdup_printf ("%u", evk_measure_item_get_number (measure));

  switch (GPOINTER_TO_INT (user_data))
    {
    case 0:
      gtk_label_set_text (GTK_LABEL (label), number);
      break;
    case 1:
      gtk_label_set_text (GTK_LABEL (label), evk_measure_item_get_title (measure));
      break;
    default:
      gtk_label_set_text (GTK_LABEL (label), evk_measure_item_get_responsible (measure));
    }
}

static void
setup_status (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_list_item_set_child (item, badge);
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             EvkGoalPage              *self)
{
  EvkMeasureItem *measure = gtk_list_item_get_item (item);
  GtkWidget *badge = gtk_list_item_get_child (item);
  const char *classes[] = { "status-badge",
                            evk_status_css_class (self->workspace, evk_measure_item_get_status_key (measure)),
                            NULL };

  gtk_label_set_text (GTK_LABEL (badge), evk_measure_item_get_status (measure));
  gtk_widget_set_css_classes (badge, classes);
}

/* The template has the columns; their cells are set up here, as they
 * need to know which column they fill and the page (a status's tint
 * follows the project's list), and so are their sorters, on the measure
 * items' properties. */
static void
set_up_column (EvkGoalPage         *self,
               GtkColumnViewColumn *column,
               int                  which,
               const char          *property,
               gboolean             numeric)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_property_expression_new (EVK_TYPE_MEASURE_ITEM, NULL, property);
  GtkSorter *sorter = numeric ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                              : GTK_SORTER (gtk_string_sorter_new (expression));

  if (which == 3)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_status), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_status), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (which));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (which));
    }
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
}

static void
row_activated (GtkColumnView *view,
               guint          position,
               EvkGoalPage   *self)
{
  g_autoptr(EvkMeasureItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  g_autofree char *page = NULL;

  if (item == NULL)
    return;
  page = g_strdup_printf ("measure:%u", evk_measure_item_get_number (item));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", page);
}

/* The goal's offers with heard-of and used items, "1,4,7", as the default
 * ranked awareness chart of the goal names them. */
static char *
goal_offers (EvkGoalPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);
      gboolean in_goal = FALSE;

      for (guint k = 0; k < offer->measures->len; k++)
        {
          EvkMeasure *measure = evk_strategy_find_measure (strategy, g_array_index (offer->measures, guint, k));
          in_goal = in_goal || (measure != NULL && g_strcmp0 (measure->goal, self->goal) == 0);
        }
      if (in_goal && evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF) != NULL &&
          evk_offer_get_variable (offer, EVK_ROLE_USED) != NULL)
        g_string_append_printf (keys, "%s%s", keys->len > 0 ? "," : "", offer->key);
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static EvkChartCard *
status_card_new (EvkGoalPage *self)
{
  EvkChartCard *card = evk_chart_card_new_built (self->workspace, EVK_CHART_STATUS_SUMMARY, build_status_table,
                                                 g_strdup (self->goal), g_free);
  /* The status names are the project's words; the heading is the UI's. */
  g_autoptr(GHashTable) title = evk_page_heading_new (self->workspace, _("Status of the measures"));

  evk_chart_card_set_title (card, title);
  return card;
}

static EvkChartCard *
awareness_card_new (EvkGoalPage *self)
{
  EvkQuery query = { "awareness-all", self->goal, "all", TRUE };

  return evk_chart_card_new (self->workspace, EVK_CHART_AWARENESS_RANKED, &query);
}

/* The goal's own status summary and the ranked awareness of exactly its
 * offers get the cards the page has always shown (the latter with the
 * group and base selectors); any other chart the plain table its words
 * make. */
static EvkChartCard *
card_for_chart (const EvkSavedChart *chart,
                gpointer             user_data)
{
  EvkGoalPage *self = user_data;
  g_autofree char *status_spec = g_strdup_printf ("status-summary goal=%s", self->goal);
  g_autofree char *offers = goal_offers (self);
  g_autofree char *awareness_spec = g_strdup_printf ("awareness-all offers=%s", offers);

  if (chart->kind == EVK_CHART_STATUS_SUMMARY && g_str_equal (chart->spec, status_spec))
    return status_card_new (self);
  if (chart->kind == EVK_CHART_AWARENESS_RANKED && offers[0] != '\0' && g_str_equal (chart->spec, awareness_spec))
    return awareness_card_new (self);
  return evk_page_saved_card_new (self->workspace, chart);
}

static void
append_card (EvkGoalPage  *self,
             EvkChartCard *card)
{
  evk_page_flow_append (self->flow, GTK_WIDGET (card));
  g_ptr_array_add (self->cards, card);
}

/* What the page showed before projects saved their charts. */
static void
add_default_cards (gpointer user_data)
{
  EvkGoalPage *self = user_data;
  g_autofree char *offers = goal_offers (self);

  append_card (self, status_card_new (self));
  if (evk_workspace_get_survey (self->workspace) != NULL && offers[0] != '\0')
    append_card (self, awareness_card_new (self));
}

static void
sync_cards (EvkGoalPage *self)
{
  evk_page_sync_saved_cards (self->workspace, self->flow, self->cards, 0, self->goal, card_for_chart,
                             add_default_cards, self);
  gtk_widget_set_visible (self->flow, self->cards->len > 0);
}

/* The flow owns the cards; the page's list only borrows them. */
static void
clear_cards (EvkGoalPage *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), g_ptr_array_index (self->cards, i));
  g_ptr_array_set_size (self->cards, 0);
}

/* The table starts unsorted and at its natural widths, as it did when
 * every rebuild made it anew. */
static void
reset_table (EvkGoalPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), NULL, GTK_SORT_ASCENDING);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_fixed_width (column, -1);
    }
}

/* The page's sections are in its template; the goal fills them. Its cards
 * are made anew for a new strategy; a new language they follow by
 * themselves, keeping what the user chose on them. */
static void
rebuild_page (EvkGoalPage *self,
              gboolean     keep_cards)
{
  EvkGoal *goal = evk_strategy_find_goal (evk_workspace_get_strategy (self->workspace), self->goal);
  g_autofree char *heading = NULL;
  const char *description;

  if (!keep_cards || goal == NULL)
    clear_cards (self);
  /* A goal the strategy no longer has leaves the page empty. */
  gtk_widget_set_visible (self->content, goal != NULL);
  if (goal == NULL)
    return;

  heading = g_strcmp0 (goal->kind, "implementation") == 0 ? g_strdup (_("Implementation"))
                                                          : g_strdup_printf (_("Goal %s"), goal->key);
  gtk_label_set_text (GTK_LABEL (self->kind_label), heading);
  if (adw_bin_get_child (ADW_BIN (self->comment_bin)) == NULL)
    {
      g_autofree char *place = g_strdup_printf ("goal:%s", goal->key);

      adw_bin_set_child (ADW_BIN (self->comment_bin), evk_comment_button_new (self->workspace, place));
    }
  gtk_label_set_text (GTK_LABEL (self->title_label), evk_workspace_tr (self->workspace, goal->title));
  description = evk_workspace_tr (self->workspace, goal->description);
  gtk_label_set_text (GTK_LABEL (self->description_label), description);
  gtk_widget_set_visible (self->description_label, description[0] != '\0');

  sync_cards (self);
  reset_table (self);
  fill_store (self);
}

static void
rebuild (EvkGoalPage *self)
{
  rebuild_page (self, FALSE);
}

static void
workspace_changed (EvkWorkspace *workspace,
                   const char   *what,
                   EvkGoalPage  *self)
{
  if (g_strcmp0 (what, "measure") == 0)
    fill_store (self);
  else if (g_strcmp0 (what, "strategy") == 0)
    rebuild (self);
  else if (g_strcmp0 (what, "charts") == 0)
    sync_cards (self);
}

static void
language_changed (EvkWorkspace *workspace,
                  GParamSpec   *pspec,
                  EvkGoalPage  *self)
{
  rebuild_page (self, TRUE);
}

static void
evk_goal_page_dispose (GObject *object)
{
  EvkGoalPage *self = EVK_GOAL_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_GOAL_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_pointer (&self->goal, g_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  G_OBJECT_CLASS (evk_goal_page_parent_class)->dispose (object);
}

static void
evk_goal_page_class_init (EvkGoalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_goal_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-goal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, content);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, comment_bin);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, flow);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, responsible_column);
  gtk_widget_class_bind_template_child (widget_class, EvkGoalPage, status_column);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
evk_goal_page_init (EvkGoalPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (EVK_TYPE_MEASURE_ITEM);
  self->cards = g_ptr_array_new ();
  set_up_column (self, self->number_column, 0, "number", TRUE);
  set_up_column (self, self->title_column, 1, "title", FALSE);
  set_up_column (self, self->responsible_column, 2, "responsible", FALSE);
  set_up_column (self, self->status_column, 3, "status-rank", TRUE);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view))));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (selection));
}

GtkWidget *
evk_goal_page_new (EvkWorkspace *workspace,
                   const char   *goal)
{
  EvkGoalPage *self = g_object_new (EVK_TYPE_GOAL_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  self->goal = g_strdup (goal);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}

const char *
evk_goal_page_get_summary (EvkGoalPage *self)
{
  return gtk_label_get_text (GTK_LABEL (self->summary_label));
}

EvkChartCard *
evk_goal_page_get_summary_card (EvkGoalPage *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    if (evk_chart_card_get_kind (g_ptr_array_index (self->cards, i)) == EVK_CHART_STATUS_SUMMARY)
      return g_ptr_array_index (self->cards, i);
  return NULL;
}

GPtrArray *
evk_goal_page_get_cards (EvkGoalPage *self)
{
  return g_ptr_array_copy (self->cards, NULL, NULL);
}

GListModel *
evk_goal_page_get_measures (EvkGoalPage *self)
{
  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
evk_goal_page_get_column_view (EvkGoalPage *self)
{
  return GTK_COLUMN_VIEW (self->column_view);
}
