/* evk-measure-page.c: one measure: its facts and narrative (editable), charts and codings
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-measure-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-charts.h"
#include "evk-comment-button.h"
#include "evk-format.h"
#include "evk-measure-page.h"
#include "evk-narrative-editor.h"
#include "evk-page.h"
#include "evk-table-spec.h"

struct _EvkMeasurePage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  guint         number;
  gboolean      updating;

  GtkWidget    *narrative;
  GPtrArray    *cards;
  guint         n_codings;

  GtkWidget    *scrolled;
  GtkWidget    *content;
  GtkWidget    *number_label;
  GtkWidget    *comment_bin;
  GtkWidget    *title_label;
  GtkWidget    *goal_label;
  GtkWidget    *status_row;
  GtkWidget    *note_row;
  GtkWidget    *term_rows[3];       /* types, targets, responsible */
  GtkWidget    *term_checks[3];     /* boxes of check buttons */
  GtkWidget    *flow;
  GtkWidget    *empty_label;
  GtkWidget    *codings_group;
  GtkWidget    *codings_box;
};

G_DEFINE_FINAL_TYPE (EvkMeasurePage, evk_measure_page, GTK_TYPE_WIDGET)

static const char * const term_fields[3] = { "types", "targets", "responsible" };

static EvkMeasure *
get_measure (EvkMeasurePage *self)
{
  return evk_strategy_find_measure (evk_workspace_get_strategy (self->workspace), self->number);
}

static GStrv
measure_keys (EvkMeasure *measure,
              guint       field)
{
  switch (field)
    {
    case 0: return measure->types;
    case 1: return measure->targets;
    default: return measure->responsible;
    }
}

static void
status_selected (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 EvkMeasurePage *self)
{
  GPtrArray *statuses = evk_workspace_get_strategy (self->workspace)->vocabs[EVK_VOCAB_STATUS];
  guint index = adw_combo_row_get_selected (row);
  EvkMeasure *measure = get_measure (self);
  EvkTerm *status;

  if (self->updating || measure == NULL || index >= statuses->len)
    return;
  status = g_ptr_array_index (statuses, index);
  if (g_strcmp0 (status->key, measure->status) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "project.set-status", "(us)", self->number, status->key);
}

static void
term_toggled (GtkCheckButton *check,
              EvkMeasurePage *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "field"));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  if (self->updating)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (self->term_checks[field]); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "key"));
  keys = g_strv_builder_end (builder);
  gtk_widget_activate_action (GTK_WIDGET (self), "project.set-terms", "(us^as)",
                              self->number, term_fields[field], keys);
}

/* Puts the measure's current facts into the rows without rebuilding them,
 * so an edit keeps the focus and the scroll position. */
static void
update_facts (EvkMeasurePage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
  EvkMeasure *measure = get_measure (self);
  EvkGoal *goal;
  guint selected = GTK_INVALID_LIST_POSITION;
  const char *note;

  if (measure == NULL)
    return;
  self->updating = TRUE;
  goal = evk_strategy_find_goal (strategy, measure->goal);
  gtk_label_set_text (GTK_LABEL (self->title_label), evk_workspace_tr (self->workspace, measure->title));
  gtk_label_set_text (GTK_LABEL (self->goal_label), goal != NULL ? evk_workspace_tr (self->workspace, goal->title) : "");

  for (guint i = 0; i < statuses->len; i++)
    if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, i))->key, measure->status) == 0)
      selected = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), selected);
  note = evk_workspace_tr (self->workspace, measure->status_note);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->note_row), note);
  gtk_widget_set_visible (self->note_row, note[0] != '\0');

  for (guint f = 0; f < 3; f++)
    {
      GStrv keys = measure_keys (measure, f);
      g_autofree char *text = f == 2 ? evk_page_join_bodies (self->workspace, keys)
                                     : evk_page_join_terms (self->workspace, f == 0 ? EVK_VOCAB_TYPE : EVK_VOCAB_TARGET, keys);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->term_rows[f]), text[0] != '\0' ? text : _("None"));
      for (GtkWidget *child = gtk_widget_get_first_child (self->term_checks[f]); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                     keys != NULL && g_strv_contains ((const char * const *) keys,
                                                                      g_object_get_data (G_OBJECT (child), "key")));
    }
  self->updating = FALSE;
}

/* The row and its menu are in the template; the check buttons are the
 * project's terms (or bodies) in the content language. */
static void
fill_term_checks (EvkMeasurePage *self,
                  guint           field)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *box = self->term_checks[field];
  guint n = field == 2 ? strategy->bodies->len : strategy->vocabs[field == 0 ? EVK_VOCAB_TYPE : EVK_VOCAB_TARGET]->len;

  evk_page_clear_box (box);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check;
      const char *key;

      if (field == 2)
        {
          EvkBody *body = g_ptr_array_index (strategy->bodies, i);
          check = gtk_check_button_new_with_label (evk_workspace_tr (self->workspace, body->name));
          key = body->key;
        }
      else
        {
          EvkTerm *term = g_ptr_array_index (strategy->vocabs[field == 0 ? EVK_VOCAB_TYPE : EVK_VOCAB_TARGET], i);
          check = gtk_check_button_new_with_label (evk_workspace_tr (self->workspace, term->name));
          key = term->key;
        }
      g_object_set_data_full (G_OBJECT (check), "key", g_strdup (key), g_free);
      g_object_set_data (G_OBJECT (check), "field", GUINT_TO_POINTER (field));
      g_signal_connect (check, "toggled", G_CALLBACK (term_toggled), self);
      gtk_box_append (GTK_BOX (box), check);
    }
}

static void
rebuild_codings (EvkMeasurePage *self)
{
  EvkDocumentsStats *documents = evk_workspace_get_documents (self->workspace);
  EvkDocumentsMeasure *found = documents != NULL ? evk_documents_stats_find_measure (documents, self->number) : NULL;
  const char *lang = evk_workspace_get_language (self->workspace);

  evk_page_clear_box (self->codings_box);
  self->n_codings = 0;
  if (found == NULL || found->codings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     documents == NULL ? _("The project has no document review yet")
                                                    : _("No document mentions this measure"));
      gtk_box_append (GTK_BOX (self->codings_box), row);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->codings_group), NULL);
      return;
    }

  {
    g_autofree char *n_assigned = evk_format_number (lang, found->assigned_in->len, 0);
    g_autofree char *n_reported = evk_format_number (lang, found->reported_in->len, 0);
    g_autofree char *n_mentioned = evk_format_number (lang, found->mentioned_in->len, 0);
    /* Translators: counts of documents, e.g. "Given as an assignment in 3 documents, reported on in 2, mentioned in 0" */
    g_autofree char *summary = g_strdup_printf (_("Given as an assignment in %s documents, reported on in %s, mentioned in %s"),
                                                n_assigned, n_reported, n_mentioned);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->codings_group), summary);
  }

  for (guint i = 0; i < found->codings->len; i++)
    {
      EvkCoding *coding = g_ptr_array_index (found->codings, i);
      EvkDocumentsCode *code = evk_documents_find_code (documents->documents, coding->code);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *badge = gtk_label_new (code != NULL ? evk_workspace_tr (self->workspace, code->name) : coding->code);
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf ("%d · %s → %s", coding->document->year,
                                  coding->document->issuer != NULL ? coding->document->issuer : "",
                                  coding->document->recipient != NULL ? coding->document->recipient : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), coding->document->title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_widget_add_css_class (badge, "status-badge");
      gtk_widget_add_css_class (badge, "code-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);

      if (coding->excerpt != NULL && coding->excerpt[0] != '\0')
        {
          g_autofree char *quoted = coding->page > 0
            ? g_strdup_printf (_("“%s” (page %d)"), coding->excerpt, coding->page)
            : g_strdup_printf ("“%s”", coding->excerpt);
          GtkWidget *excerpt = evk_page_label_new (quoted, "excerpt");

          gtk_label_set_selectable (GTK_LABEL (excerpt), TRUE);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), excerpt);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), i < 3);
        }
      else
        adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
      gtk_box_append (GTK_BOX (self->codings_box), row);
      self->n_codings++;
    }
}

/* A saved chart of an offer ("awareness 7", "outcome 7"), weighted or not
 * ("awareness 7 weight=population:fylke"), gets the card with the group
 * and base selectors; any other the plain table its words make. */
static EvkChartCard *
card_for_chart (const EvkSavedChart *chart,
                gpointer             user_data)
{
  EvkMeasurePage *self = user_data;
  /* The weighting apart, the words must be an offer's and nothing else:
   * a chart with a group or a base of its own is a plain card, which
   * reads and offers them itself. */
  g_autofree char *weight = evk_saved_chart_get_weighting (chart);
  g_autofree char *unweighted = evk_table_spec_set_option (chart->spec, "weight", NULL, NULL);
  g_auto(GStrv) words = unweighted != NULL ? g_strsplit (unweighted, " ", 0) : NULL;
  gboolean awareness = words != NULL && g_strcmp0 (words[0], "awareness") == 0;
  gboolean offer = words != NULL && (awareness || g_strcmp0 (words[0], "outcome") == 0) &&
                   words[1] != NULL && words[2] == NULL;
  EvkChartCard *card;

  if (offer)
    {
      /* The heading is the UI's word for what the chart shows; the chart
       * itself names the offer in the content language. */
      g_autoptr(GHashTable) title = evk_page_heading_new (self->workspace,
                                                          awareness ? _("Awareness and use") : _("Outcomes"));
      EvkQuery query = { words[0], words[1], "all", TRUE, weight };

      card = evk_chart_card_new (self->workspace, awareness ? EVK_CHART_AWARENESS : EVK_CHART_OUTCOME, &query);
      evk_chart_card_set_title (card, title);
      g_object_set_data_full (G_OBJECT (card), "chart-id", g_strdup_printf ("%s:%s", words[0], words[1]), g_free);
    }
  else
    card = evk_page_saved_card_new (self->workspace, chart);
  return card;
}

/* The cards of the offers linked to the measure, for a project whose saved
 * charts have none of any measure's (made before it had a survey). */
static void
add_offer_cards (gpointer user_data)
{
  EvkMeasurePage *self = user_data;
  g_autoptr(GPtrArray) offers = evk_workspace_offers_of (self->workspace, self->number);

  for (guint i = 0; i < offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (offers, i);
      g_autofree char *awareness = g_strdup_printf ("awareness %s", offer->key);
      g_autofree char *outcome = g_strdup_printf ("outcome %s", offer->key);
      EvkSavedChart chart = { 0, NULL, EVK_CHART_AWARENESS, awareness, self->number, NULL, TRUE, NULL, NULL };
      EvkChartCard *card = card_for_chart (&chart, self);

      evk_page_flow_append (self->flow, GTK_WIDGET (card));
      g_ptr_array_add (self->cards, card);
      if (evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_MEMBERS) != NULL ||
          evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_ACTIVITIES) != NULL)
        {
          chart.spec = outcome;
          card = card_for_chart (&chart, self);
          evk_page_flow_append (self->flow, GTK_WIDGET (card));
          g_ptr_array_add (self->cards, card);
        }
    }
}

/* The measure's saved charts, or the offers' cards for a project whose
 * saved charts have none of any measure's (made before it had a survey). */
static void
sync_cards (EvkMeasurePage *self)
{
  evk_page_sync_saved_cards (self->workspace, self->flow, self->cards, self->number, NULL, card_for_chart,
                             evk_workspace_get_survey (self->workspace) != NULL ? add_offer_cards : NULL, self);
  gtk_widget_set_visible (self->empty_label, self->cards->len == 0);
  gtk_widget_set_visible (self->flow, self->cards->len > 0);
}

/* The flow owns the cards; the page's list only borrows them. */
static void
clear_cards (EvkMeasurePage *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), g_ptr_array_index (self->cards, i));
  g_ptr_array_set_size (self->cards, 0);
}

/* The page's sections are in its template; the project's words fill
 * them, and the narrative editor is made anew in the content language.
 * The cards are made anew for a new strategy; a new language they follow
 * by themselves, keeping what the user chose on them (group, base,
 * comparison, hidden series). */
static void
rebuild_page (EvkMeasurePage *self,
              gboolean        keep_cards)
{
  GPtrArray *statuses = evk_workspace_get_strategy (self->workspace)->vocabs[EVK_VOCAB_STATUS];
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *number = g_strdup_printf (_("Measure %u"), self->number);

  /* First, so that what was typed is saved before anything is read. */
  if (self->narrative != NULL)
    gtk_box_remove (GTK_BOX (self->content), g_steal_pointer (&self->narrative));
  if (!keep_cards)
    clear_cards (self);

  gtk_label_set_text (GTK_LABEL (self->number_label), number);
  if (adw_bin_get_child (ADW_BIN (self->comment_bin)) == NULL)
    {
      g_autofree char *place = g_strdup_printf ("measure:%u", self->number);

      adw_bin_set_child (ADW_BIN (self->comment_bin), evk_comment_button_new (self->workspace, place));
    }

  for (guint i = 0; i < statuses->len; i++)
    gtk_string_list_append (names, evk_workspace_tr (self->workspace, ((EvkTerm *) g_ptr_array_index (statuses, i))->name));
  /* A new list selects its first status: that is no choice of the user. */
  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), G_LIST_MODEL (names));
  self->updating = FALSE;
  /* A review copy's facts are the evaluator's (after the model, which
   * makes the row sensitive again). */
  {
    gboolean editable = !evk_workspace_is_read_only (self->workspace);

    gtk_widget_set_sensitive (self->status_row, editable);
    for (guint f = 0; f < 3; f++)
      gtk_widget_set_visible (gtk_widget_get_ancestor (self->term_checks[f], GTK_TYPE_MENU_BUTTON), editable);
  }
  for (guint f = 0; f < 3; f++)
    fill_term_checks (self, f);

  gtk_label_set_text (GTK_LABEL (self->empty_label),
                      evk_workspace_get_survey (self->workspace) == NULL
                      ? _("Import a survey to see this measure’s charts.")
                      : _("No survey item is linked to this measure."));
  sync_cards (self);

  self->narrative = evk_narrative_editor_new (self->workspace, self->number);
  gtk_box_append (GTK_BOX (self->content), self->narrative);

  update_facts (self);
  rebuild_codings (self);
}

static void
rebuild (EvkMeasurePage *self)
{
  rebuild_page (self, FALSE);
}

static void
workspace_changed (EvkWorkspace   *workspace,
                   const char     *what,
                   EvkMeasurePage *self)
{
  if (get_measure (self) == NULL)
    return;
  if (g_strcmp0 (what, "measure") == 0)
    update_facts (self);
  else if (g_strcmp0 (what, "documents") == 0)
    rebuild_codings (self);
  else if (g_strcmp0 (what, "strategy") == 0)
    rebuild (self);
  else if (g_strcmp0 (what, "charts") == 0)
    sync_cards (self);
}

static void
language_changed (EvkWorkspace   *workspace,
                  GParamSpec     *pspec,
                  EvkMeasurePage *self)
{
  rebuild_page (self, TRUE);
}

static void
evk_measure_page_dispose (GObject *object)
{
  EvkMeasurePage *self = EVK_MEASURE_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_MEASURE_PAGE);
  self->narrative = NULL;       /* went with the template's content box */
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  G_OBJECT_CLASS (evk_measure_page_parent_class)->dispose (object);
}

static void
evk_measure_page_class_init (EvkMeasurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_measure_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-measure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, content);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, number_label);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, comment_bin);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, goal_label);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, status_row);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, note_row);
  /* The three term rows are alike: the code goes through them by field. */
  for (guint f = 0; f < 3; f++)
    {
      g_autofree char *row = g_strdup_printf ("%s_row", term_fields[f]);
      g_autofree char *checks = g_strdup_printf ("%s_checks", term_fields[f]);

      gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                                 G_STRUCT_OFFSET (EvkMeasurePage, term_rows) + f * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, checks, FALSE,
                                                 G_STRUCT_OFFSET (EvkMeasurePage, term_checks) + f * sizeof (GtkWidget *));
    }
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, flow);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, codings_group);
  gtk_widget_class_bind_template_child (widget_class, EvkMeasurePage, codings_box);
  gtk_widget_class_bind_template_callback (widget_class, status_selected);
}

static void
evk_measure_page_init (EvkMeasurePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards = g_ptr_array_new ();
}

GtkWidget *
evk_measure_page_new (EvkWorkspace *workspace,
                      guint         number)
{
  EvkMeasurePage *self = g_object_new (EVK_TYPE_MEASURE_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  self->number = number;
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}

guint
evk_measure_page_get_number (EvkMeasurePage *self)
{
  return self->number;
}

AdwComboRow *
evk_measure_page_get_status_row (EvkMeasurePage *self)
{
  return ADW_COMBO_ROW (self->status_row);
}

GPtrArray *
evk_measure_page_get_cards (EvkMeasurePage *self)
{
  return g_ptr_array_copy (self->cards, NULL, NULL);
}

EvkChartCard *
evk_measure_page_find_card (EvkMeasurePage *self,
                            const char     *kind,
                            const char     *offer)
{
  g_autofree char *id = g_strdup_printf ("%s:%s", kind, offer);

  for (guint i = 0; i < self->cards->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->cards, i), "chart-id"), id) == 0)
      return g_ptr_array_index (self->cards, i);
  return NULL;
}

guint
evk_measure_page_get_n_codings (EvkMeasurePage *self)
{
  return self->n_codings;
}

EvkNarrativeEditor *
evk_measure_page_get_narrative (EvkMeasurePage *self)
{
  return EVK_NARRATIVE_EDITOR (self->narrative);
}
