/* evk-lists-page.c: the strategy's lists: statuses, measure types, target groups, sections, bodies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-lists-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-lists-page.h"
#include "evk-localized.h"
#include "evk-project-edit.h"
#include "evk-strategy-page.h"

struct _EvkListsPage
{
  GtkWidget     parent_instance;

  /* Template children */
  GtkStack     *stack;
  GtkWidget    *scrolled;
  GtkBox       *content;

  EvkWorkspace *workspace;
  char         *expanded;    /* "vocab:key" of the row left open, or NULL */
  gboolean      building;    /* widgets report their first state */
};

G_DEFINE_FINAL_TYPE (EvkListsPage, evk_lists_page, GTK_TYPE_WIDGET)

typedef enum {
  MOVE_UP,
  MOVE_DOWN,
  REMOVE,
} Command;

/* Bodies are not a vocabulary of the core; the page numbers them after
 * the last one so one set of handlers serves every list. */
#define VOCAB_BODY EVK_N_VOCABS

static const char *
what_of (guint vocab)
{
  /* The WHAT of evk_strategy_set_text. */
  static const char * const whats[] = { "status", "type", "target", "section", "body" };

  return whats[vocab];
}

static void
remember_expanded (EvkListsPage *self,
                   guint         vocab,
                   const char   *key)
{
  g_free (self->expanded);
  self->expanded = key != NULL ? g_strdup_printf ("%u:%s", vocab, key) : NULL;
}

static gboolean
is_expanded (EvkListsPage *self,
             guint         vocab,
             const char   *key)
{
  g_autofree char *id = g_strdup_printf ("%u:%s", vocab, key);

  return g_strcmp0 (self->expanded, id) == 0;
}

/* ---- Edits ------------------------------------------------------------- */

static void
command_clicked (GtkButton    *button,
                 EvkListsPage *self)
{
  EvkProject *project = evk_workspace_get_project (self->workspace);
  guint vocab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "vocab"));
  const char *key = g_object_get_data (G_OBJECT (button), "key");
  Command command = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "command"));
  g_autoptr(GError) error = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  int delta = command == MOVE_UP ? -1 : 1;
  gboolean ok;

  if (vocab == VOCAB_BODY)
    ok = command == REMOVE ? evk_project_remove_body (project, key, &error)
                           : evk_project_move_body (project, key, delta, &error);
  else
    ok = command == REMOVE ? evk_project_remove_term (project, vocab, key, &error)
                           : evk_project_move_term (project, vocab, key, delta, &error);
  /* A refusal (the entry is in use) comes back as the core words it,
   * naming the measures that use it. */
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error,
                              command == REMOVE ? _("Removed from the list") : _("Moved in the list"));
}

static GtkWidget *
command_button (EvkListsPage *self,
                Command       command,
                guint         vocab,
                const char   *key)
{
  static const char * const icons[] = { "go-up-symbolic", "go-down-symbolic", "user-trash-symbolic" };
  const char *tooltips[] = { _("Move Up"), _("Move Down"), _("Remove") };
  GtkWidget *button = evk_strategy_page_icon_button (icons[command], tooltips[command]);

  g_object_set_data (G_OBJECT (button), "command", GINT_TO_POINTER (command));
  g_object_set_data (G_OBJECT (button), "vocab", GUINT_TO_POINTER (vocab));
  g_object_set_data_full (G_OBJECT (button), "key", g_strdup (key), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (command_clicked), self);
  return button;
}

static void
add_applied (AdwEntryRow  *row,
             EvkListsPage *self)
{
  EvkProject *project = evk_workspace_get_project (self->workspace);
  guint vocab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "vocab"));
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);

  if (vocab == VOCAB_BODY)
    key = evk_project_add_body (project, name, NULL, &error);
  else
    key = evk_project_add_term (project, vocab, name, &error);
  /* The new entry opens, so its other language and details are at hand. */
  if (key != NULL)
    remember_expanded (self, vocab, key);
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, key != NULL, error, _("Added to the list"));
}

/* A status's style, or a body's kind when kind is set. */
typedef struct {
  EvkListsPage *self;
  char         *key;
  char         *colour;
  gboolean      completed;
  const char   *kind;
} StyleEdit;

static void
style_edit_free (StyleEdit *edit)
{
  g_object_unref (edit->self);
  g_free (edit->key);
  g_free (edit->colour);
  g_free (edit);
}

static gboolean
apply_style (gpointer data)
{
  StyleEdit *edit = data;
  EvkListsPage *self = edit->self;
  g_autoptr(GError) error = NULL;
  EvkStrategy *before;
  gboolean ok;

  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;
  before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  if (edit->kind != NULL)
    {
      remember_expanded (self, VOCAB_BODY, edit->key);
      ok = evk_project_set_body_kind (evk_workspace_get_project (self->workspace), edit->key, edit->kind, &error);
      evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error, _("Responsible body saved"));
      return G_SOURCE_REMOVE;
    }
  remember_expanded (self, EVK_VOCAB_STATUS, edit->key);
  ok = evk_project_set_status_style (evk_workspace_get_project (self->workspace), edit->key, edit->colour,
                                     edit->completed, &error);
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error, _("Status saved"));
  return G_SOURCE_REMOVE;
}

/* The switch, the colour button and the combo row are still inside their
 * own signal when they report: the edit rebuilds the page, so it waits for
 * the main loop to come round rather than destroy them under their feet. */
static void
set_style_full (EvkListsPage *self,
                const char   *key,
                const char   *colour,
                gboolean      completed,
                const char   *kind)
{
  StyleEdit *edit = g_new0 (StyleEdit, 1);

  edit->self = g_object_ref (self);
  edit->key = g_strdup (key);
  edit->colour = g_strdup (colour);
  edit->completed = completed;
  edit->kind = kind;
  g_idle_add_full (G_PRIORITY_DEFAULT, apply_style, edit, (GDestroyNotify) style_edit_free);
}

static void
set_style (EvkListsPage *self,
           const char   *key,
           const char   *colour,
           gboolean      completed)
{
  set_style_full (self, key, colour, completed, NULL);
}

static EvkTerm *
status_of (EvkListsPage *self,
           GObject      *widget)
{
  return evk_strategy_find_term (evk_workspace_get_strategy (self->workspace), EVK_VOCAB_STATUS,
                                 g_object_get_data (widget, "key"));
}

static void
colour_set (GtkColorButton *button,
            EvkListsPage   *self)
{
  EvkTerm *status = status_of (self, G_OBJECT (button));
  GdkRGBA rgba;
  g_autofree char *colour = NULL;

  if (self->building || status == NULL)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  colour = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5), (guint) (rgba.green * 255 + 0.5),
                            (guint) (rgba.blue * 255 + 0.5));
  set_style (self, status->key, colour, status->completed);
}

static void
colour_cleared (GtkButton    *button,
                EvkListsPage *self)
{
  EvkTerm *status = status_of (self, G_OBJECT (button));

  if (status != NULL)
    set_style (self, status->key, NULL, status->completed);
}

static void
completed_toggled (GtkSwitch    *toggle,
                   GParamSpec   *pspec,
                   EvkListsPage *self)
{
  EvkTerm *status = status_of (self, G_OBJECT (toggle));

  if (self->building || status == NULL || gtk_switch_get_active (toggle) == status->completed)
    return;
  set_style (self, status->key, status->colour, gtk_switch_get_active (toggle));
}

static void
body_kind_selected (AdwComboRow  *combo,
                    GParamSpec   *pspec,
                    EvkListsPage *self)
{
  static const char * const kinds[] = { "ministry", "directorate", "other" };
  const char *key = g_object_get_data (G_OBJECT (combo), "key");
  guint selected = adw_combo_row_get_selected (combo);

  if (self->building || selected >= G_N_ELEMENTS (kinds))
    return;
  set_style_full (self, key, NULL, FALSE, kinds[selected]);
}

static void
expanded_changed (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  EvkListsPage   *self)
{
  guint vocab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "vocab"));
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  if (self->building)
    return;
  if (adw_expander_row_get_expanded (row))
    remember_expanded (self, vocab, key);
  else if (is_expanded (self, vocab, key))
    remember_expanded (self, vocab, NULL);
}

/* ---- Rows --------------------------------------------------------------- */

static GtkWidget *
entry_row (EvkListsPage *self,
           guint         vocab,
           const char   *key,
           const char   *title,
           const char   *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* Each action goes before the ones already there: added last to first,
   * they read up, down, remove, as on the Strategy page. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), command_button (self, REMOVE, vocab, key));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), command_button (self, MOVE_DOWN, vocab, key));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), command_button (self, MOVE_UP, vocab, key));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), is_expanded (self, vocab, key));
  g_object_set_data (G_OBJECT (row), "vocab", GUINT_TO_POINTER (vocab));
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_changed), self);
  return row;
}

static void
add_status_style_rows (EvkListsPage *self,
                       GtkWidget    *expander,
                       EvkTerm      *status)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_color_button_new ();
  GtkWidget *clear;
  GtkWidget *toggle;
  GdkRGBA rgba;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colour in charts"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status->colour != NULL
                                                     ? status->colour
                                                     : _("The chart palette chooses"));
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), _("Colour of the Status"));
  if (status->colour == NULL || !gdk_rgba_parse (&rgba, status->colour))
    gdk_rgba_parse (&rgba, "#777777");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a Colour"));
  g_object_set_data_full (G_OBJECT (button), "key", g_strdup (status->key), g_free);
  g_signal_connect (button, "color-set", G_CALLBACK (colour_set), self);
  if (status->colour != NULL)
    {
      clear = evk_strategy_page_icon_button ("edit-clear-symbolic", _("Use the Palette’s Colour"));
      g_object_set_data_full (G_OBJECT (clear), "key", g_strdup (status->key), g_free);
      g_signal_connect (clear, "clicked", G_CALLBACK (colour_cleared), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  row = adw_action_row_new ();
  toggle = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Counts as completed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Measures with this status count as carried out in the status summary"));
  gtk_switch_set_active (GTK_SWITCH (toggle), status->completed);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (toggle), "key", g_strdup (status->key), g_free);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (completed_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static GtkWidget *
add_row (EvkListsPage *self,
         guint         vocab,
         const char   *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "vocab", GUINT_TO_POINTER (vocab));
  g_signal_connect (row, "apply", G_CALLBACK (add_applied), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (add_applied), self);
  return row;
}

static GtkWidget *
term_group (EvkListsPage *self,
            EvkVocab      vocab)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GPtrArray *terms = strategy->vocabs[vocab];
  GtkWidget *group = adw_preferences_group_new ();
  const char *titles[] = { _("Statuses"), _("Measure Types"), _("Target Groups"), _("Report Sections") };
  const char *descriptions[] = {
    _("How far each measure got, in the order legends and summaries show them."),
    _("What kind of measure each one is; a measure may have several."),
    _("Who the measures are for; a measure may have several."),
    _("The sections of text each measure gets in the report, in their order."),
  };
  const char *new_titles[] = { _("New status: its name"), _("New measure type: its name"),
                               _("New target group: its name"), _("New section: its name") };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), titles[vocab]);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), descriptions[vocab]);
  for (guint i = 0; i < terms->len; i++)
    {
      EvkTerm *term = g_ptr_array_index (terms, i);
      const char *subtitle = NULL;
      GtkWidget *row;

      if (vocab == EVK_VOCAB_STATUS && term->completed)
        subtitle = _("Counts as completed");
      row = entry_row (self, vocab, term->key, evk_workspace_tr (self->workspace, term->name), subtitle);
      evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, row, _("Name"), what_of (vocab),
                                       term->key, "name", term->name);
      if (vocab == EVK_VOCAB_STATUS)
        {
          evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, row, _("Description"),
                                           what_of (vocab), term->key, "description", term->description);
          add_status_style_rows (self, row, term);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_row (self, vocab, new_titles[vocab]));
  return group;
}

static const char *
body_kind_name (const char *kind)
{
  if (g_strcmp0 (kind, "ministry") == 0)
    return _("Ministry");
  if (g_strcmp0 (kind, "directorate") == 0)
    return _("Directorate");
  return _("Other body");
}

static GtkWidget *
body_group (EvkListsPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Responsible Bodies"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Ministries, directorates and others responsible for measures; tables show the abbreviation."));
  for (guint i = 0; i < strategy->bodies->len; i++)
    {
      EvkBody *body = g_ptr_array_index (strategy->bodies, i);
      const char *name = evk_workspace_tr (self->workspace, body->name);
      const char *abbreviation = evk_workspace_tr (self->workspace, body->abbreviation);
      g_autofree char *title = abbreviation != NULL && abbreviation[0] != '\0' && g_strcmp0 (abbreviation, name) != 0
                               ? g_strdup_printf ("%s (%s)", name, abbreviation)
                               : g_strdup (name);
      const char *kinds[] = { _("Ministry"), _("Directorate"), _("Other body"), NULL };
      g_autoptr(GtkStringList) kind_list = gtk_string_list_new (kinds);
      GtkWidget *row = entry_row (self, VOCAB_BODY, body->key, title, body_kind_name (body->kind));
      GtkWidget *combo = adw_combo_row_new ();

      evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, row, _("Full name"), "body", body->key,
                                       "name", body->name);
      evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, row, _("Abbreviation"), "body",
                                       body->key, "abbreviation", body->abbreviation);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Kind"));
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (kind_list));
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), g_strcmp0 (body->kind, "ministry") == 0      ? 0
                                                         : g_strcmp0 (body->kind, "directorate") == 0 ? 1
                                                                                                      : 2);
      g_object_set_data_full (G_OBJECT (combo), "key", g_strdup (body->key), g_free);
      g_signal_connect (combo, "notify::selected", G_CALLBACK (body_kind_selected), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             add_row (self, VOCAB_BODY, _("New responsible body: its full name")));
  return group;
}

static void
rebuild (EvkListsPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  double scroll = gtk_adjustment_get_value (adjustment);
  GtkWidget *child;

  if (strategy->languages[0] == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "edit");
  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  gtk_box_append (self->content, term_group (self, EVK_VOCAB_STATUS));
  gtk_box_append (self->content, term_group (self, EVK_VOCAB_TYPE));
  gtk_box_append (self->content, term_group (self, EVK_VOCAB_TARGET));
  gtk_box_append (self->content, body_group (self));
  gtk_box_append (self->content, term_group (self, EVK_VOCAB_SECTION));

  self->building = FALSE;
  gtk_adjustment_set_value (adjustment, scroll);
}

static void
workspace_changed (EvkWorkspace *workspace,
                   const char   *what,
                   EvkListsPage *self)
{
  if (g_strcmp0 (what, "strategy") == 0 || g_strcmp0 (what, "external") == 0)
    rebuild (self);
}

static void
evk_lists_page_dispose (GObject *object)
{
  EvkListsPage *self = EVK_LISTS_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->expanded, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_LISTS_PAGE);
  G_OBJECT_CLASS (evk_lists_page_parent_class)->dispose (object);
}

static void
evk_lists_page_class_init (EvkListsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_lists_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-lists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkListsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EvkListsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkListsPage, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
evk_lists_page_init (EvkListsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
evk_lists_page_new (EvkWorkspace *workspace)
{
  EvkListsPage *self = g_object_new (EVK_TYPE_LISTS_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
