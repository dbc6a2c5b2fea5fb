/* evk-start-page.c: what the evaluation still lacks for a finished report, and the way to it
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-start-page.h"

struct _EvkStartPage
{
  GtkWidget     parent_instance;

  /* Template children */
  AdwStatusPage *status;
  GtkListBox    *steps;

  EvkWorkspace  *workspace;
  const char    *next;
};

G_DEFINE_FINAL_TYPE (EvkStartPage, evk_start_page, GTK_TYPE_WIDGET)

gboolean
evk_start_page_is_needed (EvkWorkspace *workspace)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (workspace);

  return strategy->goals->len == 0 || strategy->measures->len == 0;
}

static gboolean
has_links (EvkStrategy *strategy)
{
  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);
      if (offer->items->len > 0 && offer->measures->len > 0)
        return TRUE;
    }
  return FALSE;
}

/* Text in the source language for at least one section of every measure:
 * a report whose measures say nothing is not finished. */
static guint
measures_without_text (EvkWorkspace *workspace)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (workspace);
  EvkProject *project = evk_workspace_get_project (workspace);
  const char *source = strategy->languages[0];
  guint missing = 0;

  for (guint i = 0; source != NULL && i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      gboolean has = FALSE;

      for (guint s = 0; !has && s < strategy->vocabs[EVK_VOCAB_SECTION]->len; s++)
        {
          EvkTerm *section = g_ptr_array_index (strategy->vocabs[EVK_VOCAB_SECTION], s);
          g_autofree char *field = g_strdup_printf ("section:%s", section->key);
          g_autoptr(GHashTable) texts = evk_project_get_measure_texts (project, measure->number, field, NULL);

          has = texts != NULL && g_hash_table_contains (texts, source);
        }
      missing += !has;
    }
  return missing;
}

static void
add_step (EvkStartPage *self,
          const char   *key,
          gboolean      done,
          const char   *title,
          const char   *subtitle,
          const char   *button_label,
          const char   *action,
          const char   *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (done ? "emblem-ok-symbolic" : "radio-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, done ? "success" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done ? _("Done") : _("Not done yet"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      if (target != NULL)
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
      if (!done && self->next == NULL)
        gtk_widget_add_css_class (button, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  if (!done && self->next == NULL)
    self->next = key;
  gtk_list_box_append (self->steps, row);
}

static void
rebuild (EvkStartPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  EvkProjectCounts counts = { 0 };
  GtkWidget *child;
  guint missing_text;
  g_autofree char *text_subtitle = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps))) != NULL)
    gtk_list_box_remove (self->steps, child);
  self->next = NULL;
  evk_project_get_counts (evk_workspace_get_project (self->workspace), &counts, NULL);
  missing_text = measures_without_text (self->workspace);

  add_step (self, "strategy", strategy->goals->len > 0 && strategy->measures->len > 0,
            _("Write or import the strategy"),
            _("Its goals and measures, with status, types, target groups and responsible bodies."),
            _("_Write"), "win.show-page", "strategy");
  add_step (self, "survey", counts.n_surveys > 0, _("Import the survey"),
            _("An SPSS file, or a CSV file with its codebook."), _("_Import…"), "project.import", "survey");
  add_step (self, "links", has_links (strategy), _("Link survey items to measures"),
            _("Which questions ask about which offer, so each measure gets its charts."),
            _("_Link…"), "win.show-page", "offers");
  add_step (self, "documents", counts.n_documents > 0, _("Import the document coding"),
            _("The coding sheet of the document review."), _("I_mport…"), "project.import", "documents");
  if (strategy->measures->len == 0)
    text_subtitle = g_strdup (_("Each measure’s sections: purpose, results and assessment."));
  else if (missing_text > 0)
    text_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure has no text yet.",
                                                  "%u measures have no text yet.", missing_text),
                                     missing_text);
  else
    text_subtitle = g_strdup (_("Every measure has text."));
  add_step (self, "text", strategy->measures->len > 0 && missing_text == 0, _("Write the report text"),
            text_subtitle, NULL, NULL, NULL);
  add_step (self, "report", FALSE, _("Render the report"),
            _("A PDF in Norwegian Bokmål and one in English."), _("_Render…"), "project.render-report", NULL);

  if (g_strcmp0 (self->next, "strategy") == 0)
    {
      adw_status_page_set_title (self->status, _("A New Evaluation"));
      adw_status_page_set_description (self->status,
                                       _("Start with the strategy you are evaluating: everything else hangs on its goals and measures."));
      adw_status_page_set_icon_name (self->status, "document-edit-symbolic");
    }
  else
    {
      adw_status_page_set_title (self->status, _("Next Steps"));
      adw_status_page_set_description (self->status,
                                       _("What the evaluation still lacks for a finished report."));
      adw_status_page_set_icon_name (self->status, "object-select-symbolic");
    }
}

static void
workspace_changed (EvkWorkspace *workspace,
                   const char   *what,
                   EvkStartPage *self)
{
  if (g_strcmp0 (what, "settings") != 0)
    rebuild (self);
}

static void
evk_start_page_dispose (GObject *object)
{
  EvkStartPage *self = EVK_START_PAGE (object);
  GtkWidget *child;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_START_PAGE);
  /* The scrolled window at the root has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (evk_start_page_parent_class)->dispose (object);
}

static void
evk_start_page_class_init (EvkStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_start_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkStartPage, status);
  gtk_widget_class_bind_template_child (widget_class, EvkStartPage, steps);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
evk_start_page_init (EvkStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
evk_start_page_new (EvkWorkspace *workspace)
{
  EvkStartPage *self = g_object_new (EVK_TYPE_START_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}

const char *
evk_start_page_get_next (EvkStartPage *self)
{
  g_return_val_if_fail (EVK_IS_START_PAGE (self), NULL);
  return self->next;
}
