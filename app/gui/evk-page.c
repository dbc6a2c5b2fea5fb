/* evk-page.c: pieces every page of the window is built from
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-page.h"

GtkWidget *
evk_page_scrolled_new (GtkWidget **content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 900);
  gtk_widget_add_css_class (box, "page-content");
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  *content = box;
  return scrolled;
}

GtkWidget *
evk_page_label_new (const char *text,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
evk_page_section_new (const char *text)
{
  GtkWidget *label = evk_page_label_new (text, "title-4");

  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

GtkWidget *
evk_page_flow_new (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_widget_add_css_class (flow, "chart-flow");
  return flow;
}

void
evk_page_flow_append (GtkWidget *flow,
                      GtkWidget *child)
{
  GtkWidget *item;

  gtk_widget_set_size_request (child, 380, -1);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
  /* Cards are not selectable items: keep the focus on their controls. */
  item = gtk_widget_get_parent (child);
  gtk_widget_set_focusable (item, FALSE);
  gtk_widget_set_valign (item, GTK_ALIGN_START);
}

const char *
evk_status_css_class (EvkWorkspace *workspace,
                      const char   *status)
{
  GPtrArray *statuses = evk_workspace_get_strategy (workspace)->vocabs[EVK_VOCAB_STATUS];
  guint index = G_MAXUINT;

  for (guint i = 0; i < statuses->len; i++)
    if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, i))->key, status) == 0)
      index = i;
  if (index == G_MAXUINT)
    return "status-none";
  if (index == 0)
    return "status-first";
  if (index + 1 == statuses->len)
    return "status-last";
  return "status-middle";
}

GtkWidget *
evk_status_badge_new (EvkWorkspace *workspace,
                      const char   *status)
{
  EvkTerm *term = status != NULL ? evk_strategy_find_term (evk_workspace_get_strategy (workspace),
                                                           EVK_VOCAB_STATUS, status) : NULL;
  GtkWidget *badge = gtk_label_new (term != NULL ? evk_workspace_tr (workspace, term->name) : _("No status"));

  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, evk_status_css_class (workspace, status));
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_END);
  return badge;
}

char *
evk_page_join_terms (EvkWorkspace *workspace,
                     EvkVocab      vocab,
                     GStrv         keys)
{
  g_autoptr(GString) s = g_string_new (NULL);
  EvkStrategy *strategy = evk_workspace_get_strategy (workspace);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      EvkTerm *term = evk_strategy_find_term (strategy, vocab, keys[i]);
      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                              term != NULL ? evk_workspace_tr (workspace, term->name) : keys[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
evk_page_join_bodies (EvkWorkspace *workspace,
                      GStrv         keys)
{
  g_autoptr(GString) s = g_string_new (NULL);
  EvkStrategy *strategy = evk_workspace_get_strategy (workspace);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      EvkBody *body = evk_strategy_find_body (strategy, keys[i]);
      const char *abbreviation = body != NULL ? evk_workspace_tr (workspace, body->abbreviation) : "";

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                              body == NULL ? keys[i]
                              : abbreviation[0] != '\0' ? abbreviation
                              : evk_workspace_tr (workspace, body->name));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

GtkWidget *
evk_page_figure_new (const char *value,
                     const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *label = evk_page_label_new (caption, "dim-label");
  g_autofree char *accessible = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return box;
}

void
evk_page_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

GHashTable *
evk_page_heading_new (EvkWorkspace *workspace,
                      const char   *text)
{
  GHashTable *title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GStrv languages = evk_workspace_get_strategy (workspace)->languages;

  for (guint l = 0; languages[l] != NULL; l++)
    g_hash_table_insert (title, g_strdup (languages[l]), g_strdup (text));
  return title;
}

static EvkTable *
compute_saved (EvkWorkspace  *workspace,
               gpointer       data,
               GError       **error)
{
  EvkSavedChart probe = { 0, NULL, EVK_CHART_TABLE, data, 0, NULL, TRUE, NULL, NULL };

  return evk_workspace_compute_chart (workspace, &probe, error);
}

/* Whether a table of these words is of survey respondents that a group
 * and a base can narrow: not a status summary or the document review's
 * tables, not a crosstab that already compares groups, not the survey's
 * own response and representativity figures. */
static gboolean
spec_takes_group (const char *spec)
{
  static const char * const survey_kinds[] = {
    "frequency", "awareness", "awareness-all", "outcome", "items", "multiple", "count", NULL
  };
  g_auto(GStrv) words = NULL;

  if (!g_shell_parse_argv (spec, NULL, &words, NULL) || !g_strv_contains (survey_kinds, words[0]))
    return FALSE;
  for (guint i = 1; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "groups="))
      return FALSE;
  return TRUE;
}

EvkChartCard *
evk_page_saved_card_new (EvkWorkspace        *workspace,
                         const EvkSavedChart *chart)
{
  if (evk_workspace_get_survey (workspace) != NULL && spec_takes_group (chart->spec))
    return evk_chart_card_new_spec (workspace, chart->kind, chart->spec);
  return evk_chart_card_new_built (workspace, chart->kind, compute_saved, g_strdup (chart->spec), g_free);
}

static EvkChartCard *
find_bound_card (GPtrArray  *cards,
                 const char *key)
{
  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (evk_chart_card_get_chart_key (g_ptr_array_index (cards, i)), key) == 0)
      return g_ptr_array_index (cards, i);
  return NULL;
}

static void
remove_cards (GtkWidget *flow,
              GPtrArray *cards)
{
  for (guint i = 0; i < cards->len; i++)
    gtk_flow_box_remove (GTK_FLOW_BOX (flow), g_ptr_array_index (cards, i));
  g_ptr_array_set_size (cards, 0);
  /* Cards made anew go in the order they are appended. */
  gtk_flow_box_set_sort_func (GTK_FLOW_BOX (flow), NULL, NULL, NULL);
}

/* The order of the page's list of cards. */
static int
sort_by_cards (GtkFlowBoxChild *a,
               GtkFlowBoxChild *b,
               gpointer         user_data)
{
  GPtrArray *cards = user_data;
  guint ia = G_MAXUINT, ib = G_MAXUINT;

  g_ptr_array_find (cards, gtk_flow_box_child_get_child (a), &ia);
  g_ptr_array_find (cards, gtk_flow_box_child_get_child (b), &ib);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

void
evk_page_sync_saved_cards (EvkWorkspace        *workspace,
                           GtkWidget           *flow,
                           GPtrArray           *cards,
                           guint                measure,
                           const char          *goal,
                           EvkPageCardFunc      card_new,
                           EvkPageDefaultsFunc  defaults,
                           gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = evk_project_list_charts (evk_workspace_get_project (workspace), &error);
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_saved_chart_free);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any = FALSE, same = TRUE;

  if (all == NULL)
    g_warning ("Could not read the project’s charts: %s", error->message);
  for (guint i = 0; all != NULL && i < all->len;)
    {
      EvkSavedChart *chart = g_ptr_array_index (all, i);

      any |= goal != NULL ? chart->goal != NULL : chart->measure > 0;
      if (goal != NULL ? g_strcmp0 (chart->goal, goal) == 0 : chart->measure == measure)
        g_ptr_array_add (mine, g_ptr_array_steal_index (all, i));
      else
        i++;
    }

  if (!any && defaults != NULL)
    {
      /* Saved cards give way to the defaults, which stay as they are. */
      for (guint i = 0; i < cards->len; i++)
        if (evk_chart_card_get_chart_key (g_ptr_array_index (cards, i)) != NULL)
          {
            remove_cards (flow, cards);
            break;
          }
      if (cards->len == 0)
        defaults (user_data);
      return;
    }

  for (guint i = 0; i < mine->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (mine, i);
      EvkChartCard *card = find_bound_card (cards, chart->key);

      /* A chart whose words changed (weighted, say) draws another table:
       * a new card computes it; the old one leaves. */
      if (card != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (card), "saved-spec"), chart->spec) != 0)
        card = NULL;
      if (card != NULL)
        g_object_ref (card);
      else
        {
          card = g_object_ref_sink (card_new (chart, user_data));
          g_object_set_data_full (G_OBJECT (card), "saved-spec", g_strdup (chart->spec), g_free);
        }
      evk_chart_card_set_saved_chart (card, chart, i > 0, i + 1 < mine->len);
      g_ptr_array_add (next, card);
      same &= i < cards->len && g_ptr_array_index (cards, i) == (gpointer) card;
    }
  if (!same || next->len != cards->len)
    {
      /* The cards that stay keep their place in the widget tree: taking a
       * card out and putting it back would reparent it, which leaves its
       * menu's items greyed out (its actions seem to vanish with the old
       * parent) and, while its own menu's click still holds its old flow
       * box child, cannot put it back at all. Only the cards that went
       * leave; the new ones join; the flow box sorts them all. */
      for (guint i = 0; i < cards->len; i++)
        if (!g_ptr_array_find (next, g_ptr_array_index (cards, i), NULL))
          gtk_flow_box_remove (GTK_FLOW_BOX (flow), g_ptr_array_index (cards, i));
      for (guint i = 0; i < next->len; i++)
        if (!g_ptr_array_find (cards, g_ptr_array_index (next, i), NULL))
          evk_page_flow_append (flow, g_ptr_array_index (next, i));
      g_ptr_array_set_size (cards, 0);
      for (guint i = 0; i < next->len; i++)
        g_ptr_array_add (cards, g_ptr_array_index (next, i));
      gtk_flow_box_set_sort_func (GTK_FLOW_BOX (flow), sort_by_cards, cards, NULL);
    }
}
