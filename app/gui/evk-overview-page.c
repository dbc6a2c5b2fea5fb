/* evk-overview-page.c: the whole strategy at a glance
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evk-format.h"
#include "evk-overview-page.h"
#include "evk-page.h"
#include "evk-problems-page.h"

struct _EvkOverviewPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  EvkChartCard *status_card;
  EvkChartCard *awareness_card;     /* NULL until made, or without offers */
  GHashTable   *figures;     /* name → text */
  GPtrArray    *rows;        /* the goal and source rows, to remove on rebuild */
  GCancellable *check_cancellable;  /* while the problems are counted */
  gboolean      count_pending;      /* until the page's first frame is drawn */
  gboolean      below_pending;      /* the sections under the first screen, until then */
  GdkFrameClock *first_paint_clock;
  guint         first_frame_idle;

  GtkWidget    *scrolled;
  GtkWidget    *title_label;
  GtkWidget    *period_label;
  GtkWidget    *figures_box;
  GtkWidget    *flow;
  GtkWidget    *goals;
  GtkWidget    *sources;
  GtkWidget    *problems_group;
  GtkWidget    *problems_row;
};

G_DEFINE_FINAL_TYPE (EvkOverviewPage, evk_overview_page, GTK_TYPE_WIDGET)

static EvkTable *
build_status_table (EvkWorkspace  *workspace,
                    gpointer       data,
                    GError       **error)
{
  return evk_workspace_status_table (workspace, NULL);
}

static void
add_figure (EvkOverviewPage *self,
            const char      *name,
            char            *value,
            const char      *caption)
{
  gtk_flow_box_append (GTK_FLOW_BOX (self->figures_box), evk_page_figure_new (value, caption));
  g_hash_table_insert (self->figures, g_strdup (name), value);
}

static char *
goal_summary (EvkOverviewPage *self,
              EvkGoal         *goal)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
  g_autofree guint *counts = g_new0 (guint, statuses->len);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);

      if (g_strcmp0 (measure->goal, goal->key) != 0)
        continue;
      n++;
      for (guint k = 0; k < statuses->len; k++)
        if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, k))->key, measure->status) == 0)
          counts[k]++;
    }
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", n), n);
  for (guint k = 0, first = TRUE; k < statuses->len; k++)
    if (counts[k] > 0)
      {
        g_string_append_printf (out, "%s%u %s", first ? ": " : ", ", counts[k],
                                evk_workspace_tr (self->workspace, ((EvkTerm *) g_ptr_array_index (statuses, k))->name));
        first = FALSE;
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
goal_activated (AdwActionRow    *row,
                EvkOverviewPage *self)
{
  g_autofree char *page = g_strdup_printf ("goal:%s", (const char *) g_object_get_data (G_OBJECT (row), "goal"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", page);
}

static void
add_row (EvkOverviewPage *self,
         GtkWidget       *group,
         GtkWidget       *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->rows, row);
}

static void
add_source_row (EvkOverviewPage *self,
                const char      *title,
                const char      *subtitle,
                const char      *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  add_row (self, self->sources, row);
}

/* A preferences group of libadwaita 1.2 cannot list its rows, so the page
 * keeps the ones it added. */
static void
clear_rows (EvkOverviewPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
clear_flow (GtkWidget *flow)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (flow), child);
}

/* The overview's cards show what the strategy's saved charts of their
 * kind show: comments on them are on those charts. */
static void
set_comment_place (EvkOverviewPage *self,
                   EvkChartCard    *card,
                   EvkChartKind     kind)
{
  g_autoptr(GPtrArray) charts = evk_project_list_charts (evk_workspace_get_project (self->workspace), NULL);

  for (guint i = 0; charts != NULL && i < charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (charts, i);

      if (chart->measure == 0 && chart->goal == NULL && chart->kind == kind)
        {
          g_autofree char *place = g_strdup_printf ("chart:%s", chart->key);

          evk_chart_card_set_comment_place (card, place);
          return;
        }
    }
}

static void rebuild_below (EvkOverviewPage *self);

/* The page's sections are in its template; what they hold follows the
 * project, and is made anew on every change. The cards are made anew
 * unless keep_cards: a new language they follow by themselves, keeping
 * what the user chose on them (group, base, comparison, hidden series),
 * as the measure page's do. */
static void
rebuild_page (EvkOverviewPage *self,
              gboolean         keep_cards)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  EvkDocumentsStats *documents = evk_workspace_get_documents (self->workspace);
  const char *lang = evk_workspace_get_language (self->workspace);
  const char *owner;

  clear_flow (self->figures_box);
  if (!keep_cards)
    {
      clear_flow (self->flow);
      self->status_card = NULL;
      self->awareness_card = NULL;
    }
  clear_rows (self);
  g_hash_table_remove_all (self->figures);

  gtk_label_set_text (GTK_LABEL (self->title_label), evk_workspace_tr (self->workspace, strategy->title));
  owner = evk_workspace_tr (self->workspace, strategy->owner);
  if (strategy->period != NULL || owner[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf ("%s%s%s", strategy->period != NULL ? strategy->period : "",
                                               strategy->period != NULL && owner[0] != '\0' ? " · " : "", owner);
      gtk_label_set_text (GTK_LABEL (self->period_label), line);
    }
  gtk_widget_set_visible (self->period_label, strategy->period != NULL || owner[0] != '\0');

  add_figure (self, "measures", evk_format_number (lang, strategy->measures->len, 0), _("Measures"));
  if (survey != NULL)
    {
      double rate = evk_stats_response_rate (survey);

      add_figure (self, "respondents", evk_format_number (lang, survey->n_rows, 0), _("Respondents"));
      if (!isnan (rate))
        {
          g_autofree char *net = evk_format_number (lang, survey->net_population, 0);
          /* Translators: %s is the net population, e.g. "36 812" */
          g_autofree char *caption = g_strdup_printf (_("Response rate (of %s)"), net);
          add_figure (self, "response-rate", evk_format_percent (lang, rate, 1), caption);
        }
    }
  if (documents != NULL)
    add_figure (self, "documents", evk_format_number (lang, documents->n_documents, 0), _("Documents reviewed"));

  if (self->status_card == NULL)
    {
      g_autoptr(GHashTable) title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      self->status_card = evk_chart_card_new_built (self->workspace, EVK_CHART_STATUS_SUMMARY, build_status_table, NULL, NULL);
      for (guint l = 0; strategy->languages[l] != NULL; l++)
        g_hash_table_insert (title, g_strdup (strategy->languages[l]), g_strdup (_("Status of the measures per goal")));
      evk_chart_card_set_title (self->status_card, title);
      evk_page_flow_append (self->flow, GTK_WIDGET (self->status_card));
    }
  /* Comments on the cards are on the saved charts of their kind, which
   * may have changed. */
  set_comment_place (self, self->status_card, EVK_CHART_STATUS_SUMMARY);
  if (self->awareness_card != NULL)
    set_comment_place (self, self->awareness_card, EVK_CHART_AWARENESS_RANKED);
  if (!self->below_pending)
    rebuild_below (self);
}

static void
rebuild (EvkOverviewPage *self)
{
  rebuild_page (self, FALSE);
}

/* What is under the first screen of a window of 1366×768: the awareness
 * card below the status card, the goals and the sources. (At 1920×1080
 * the awareness card stands beside the status card: in a window's first
 * frame it comes a moment after it.) */
static void
rebuild_below (EvkOverviewPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  EvkDocumentsStats *documents = evk_workspace_get_documents (self->workspace);
  const char *lang = evk_workspace_get_language (self->workspace);

  /* Kept through a language switch (made here the first time, which may
   * be after the window's first frame). */
  if (self->awareness_card == NULL && survey != NULL && strategy->offers->len > 0)
    {
      EvkQuery query = { "awareness-all", NULL, "all", TRUE };

      self->awareness_card = evk_chart_card_new (self->workspace, EVK_CHART_AWARENESS_RANKED, &query);
      evk_page_flow_append (self->flow, GTK_WIDGET (self->awareness_card));
      set_comment_place (self, self->awareness_card, EVK_CHART_AWARENESS_RANKED);
    }

  for (guint g = 0; g < strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, g);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *summary = goal_summary (self, goal);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evk_workspace_tr (self->workspace, goal->title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "goal", g_strdup (goal->key), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (goal_activated), self);
      add_row (self, self->goals, row);
    }

  if (survey != NULL)
    {
      g_autofree char *n = evk_format_number (lang, survey->n_rows, 0);
      g_autofree char *vars = evk_format_number (lang, survey->variables->len, 0);
      /* Translators: "survey.sav (sav): 5 103 respondents, 106 variables" */
      g_autofree char *text = g_strdup_printf (_("%s (%s): %s respondents, %s variables"),
                                               survey->source_file != NULL ? survey->source_file : survey->name,
                                               survey->source_format != NULL ? survey->source_format : "",
                                               n, vars);
      add_source_row (self, _("Survey"), text, "x-office-spreadsheet-symbolic");
    }
  else
    add_source_row (self, _("Survey"), _("Not imported yet"), "x-office-spreadsheet-symbolic");
  if (documents != NULL)
    {
      g_autofree char *docs = evk_format_number (lang, documents->n_documents, 0);
      g_autofree char *codings = evk_format_number (lang, documents->n_codings, 0);
      g_autofree char *text = g_strdup_printf (_("%s documents, %s codings"), docs, codings);
      add_source_row (self, _("Document review"), text, "emblem-documents-symbolic");
    }
  else
    add_source_row (self, _("Document review"), _("Not imported yet"), "emblem-documents-symbolic");
  {
    g_autofree char *languages = g_strjoinv (", ", strategy->languages);
    g_autofree char *text = g_strdup_printf (_("%u goals, %u measures, %u offers linked to survey items; languages: %s"),
                                             strategy->goals->len, strategy->measures->len,
                                             strategy->offers->len, languages);
    add_source_row (self, _("Strategy"), text, "view-list-bullet-symbolic");
  }
}

static void
problems_counted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = evk_problems_check_finish (result, &error);
  EvkOverviewPage *self;
  g_autofree char *text = NULL;

  /* Cancelled: the page is gone or counts again; it is not touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = EVK_OVERVIEW_PAGE (user_data);
  g_clear_object (&self->check_cancellable);
  text = problems != NULL ? evk_problems_count_text (problems->len) : g_strdup (_("The evaluation could not be checked"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problems_row), text);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (self->problems_row),
                                problems != NULL && problems->len == 0 ? "emblem-ok-symbolic"
                                                                       : "dialog-warning-symbolic");
}

static void
count_problems (EvkOverviewPage *self)
{
  /* A change before the first frame is counted at once. */
  self->count_pending = FALSE;
  /* A review copy's texts are the evaluator's to fix. */
  gtk_widget_set_visible (self->problems_group, !evk_workspace_is_read_only (self->workspace));
  if (evk_workspace_is_read_only (self->workspace))
    return;
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  evk_problems_check_async (self->workspace, self->check_cancellable, problems_counted, self);
}

/* ---- After the first frame ------------------------------------------- */

/* Counting the problems computes every chart of the report in a thread;
 * on a large survey that is seconds of CPU, which before the page's first
 * frame competes with the frame itself on a machine of few cores. It
 * starts after that frame (the row says "Checking the evaluation…" until
 * then, as it does while it counts), and so, in a window's first frame,
 * do the sections under the first screen (rebuild_below). */
static void
stop_waiting_for_paint (EvkOverviewPage *self)
{
  if (self->first_paint_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->first_paint_clock, self);
  g_clear_object (&self->first_paint_clock);
}

static void page_mapped (EvkOverviewPage *self);

static void
stop_waiting_for_first_frame (EvkOverviewPage *self)
{
  stop_waiting_for_paint (self);
  g_signal_handlers_disconnect_by_func (self, page_mapped, self);
  g_signal_handlers_disconnect_by_func (self, stop_waiting_for_paint, self);
  g_clear_handle_id (&self->first_frame_idle, g_source_remove);
}

static gboolean
after_first_frame (gpointer user_data)
{
  EvkOverviewPage *self = user_data;

  self->first_frame_idle = 0;
  stop_waiting_for_first_frame (self);
  if (self->below_pending)
    {
      self->below_pending = FALSE;
      rebuild_below (self);
    }
  if (self->count_pending)
    count_problems (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted (GdkFrameClock   *clock,
                     EvkOverviewPage *self)
{
  stop_waiting_for_paint (self);
  /* After what the main loop has queued (the rest of the window's first
   * moments), not in the middle of it. */
  if (self->first_frame_idle == 0)
    self->first_frame_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, after_first_frame, self, NULL);
}

static void
page_mapped (EvkOverviewPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->first_paint_clock != NULL || self->first_frame_idle != 0 || clock == NULL)
    return;
  self->first_paint_clock = g_object_ref (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted), self);
}

static void
wait_for_first_frame (EvkOverviewPage *self)
{
  g_signal_connect_swapped (self, "map", G_CALLBACK (page_mapped), self);
  g_signal_connect_swapped (self, "unmap", G_CALLBACK (stop_waiting_for_paint), self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    page_mapped (self);
}

const char *
evk_overview_page_get_problems_text (EvkOverviewPage *self)
{
  return self->check_cancellable != NULL || self->count_pending ? NULL
         : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->problems_row));
}

GtkWidget *
evk_overview_page_get_problems_row (EvkOverviewPage *self)
{
  return self->problems_row;
}

static void
workspace_changed (EvkWorkspace    *workspace,
                   const char      *what,
                   EvkOverviewPage *self)
{
  /* The cards follow by themselves; the rest is cheap to rebuild. The
   * narrative is not shown here. A new strategy or survey makes the
   * cards anew (its offers, groups and languages may have changed);
   * smaller changes (a measure's status, the documents, the saved
   * charts) keep them and what was chosen on them. */
  if (g_strcmp0 (what, "strategy") == 0 || g_strcmp0 (what, "survey") == 0)
    rebuild (self);
  else if (g_strcmp0 (what, "settings") != 0 && g_strcmp0 (what, "texts") != 0)
    rebuild_page (self, TRUE);
  if (g_strcmp0 (what, "settings") != 0)
    count_problems (self);
}

static void
language_changed (EvkWorkspace    *workspace,
                  GParamSpec      *pspec,
                  EvkOverviewPage *self)
{
  rebuild_page (self, TRUE);
}

static void
evk_overview_page_dispose (GObject *object)
{
  EvkOverviewPage *self = EVK_OVERVIEW_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  stop_waiting_for_first_frame (self);
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->figures, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (evk_overview_page_parent_class)->dispose (object);
}

static void
evk_overview_page_class_init (EvkOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_overview_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-overview-page.ui");
  /* Bound so that disposing the template unparents it. */
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, flow);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, goals);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, sources);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, EvkOverviewPage, problems_row);
}

static void
evk_overview_page_init (EvkOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_ptr_array_new ();
}

GtkWidget *
evk_overview_page_new (EvkWorkspace *workspace,
                       gboolean      first_frame)
{
  EvkOverviewPage *self = g_object_new (EVK_TYPE_OVERVIEW_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  self->below_pending = first_frame;
  rebuild (self);
  /* A review copy's texts are the evaluator's to fix. */
  gtk_widget_set_visible (self->problems_group, !evk_workspace_is_read_only (self->workspace));
  self->count_pending = !evk_workspace_is_read_only (self->workspace);
  wait_for_first_frame (self);
  return GTK_WIDGET (self);
}

EvkChartCard *
evk_overview_page_get_status_card (EvkOverviewPage *self)
{
  return self->status_card;
}

EvkChartCard *
evk_overview_page_get_awareness_card (EvkOverviewPage *self)
{
  return self->awareness_card;
}

const char *
evk_overview_page_get_figure (EvkOverviewPage *self,
                              const char      *name)
{
  return g_hash_table_lookup (self->figures, name);
}
