/* evk-strategy-page.c: write the strategy: title, goals and measures with their facts
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-strategy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-localized.h"
#include "evk-project-edit.h"
#include "evk-strategy-page.h"
#include "evk-window-private.h"

struct _EvkStrategyPage
{
  GtkWidget     parent_instance;

  /* Template children */
  GtkStack     *stack;
  AdwEntryRow  *start_title;
  GtkWidget    *scrolled;
  GtkBox       *content;

  EvkWorkspace *workspace;
  guint         expanded;    /* the measure whose row is open, 0 for none */
  gboolean      building;    /* combo rows report their first selection */
};

G_DEFINE_FINAL_TYPE (EvkStrategyPage, evk_strategy_page, GTK_TYPE_WIDGET)

/* ---- Edits shared with the other strategy pages ------------------------ */

EvkStrategy *
evk_strategy_page_edit_begin (GtkWidget    *page,
                              EvkWorkspace *workspace)
{
  return evk_project_load_strategy (evk_workspace_get_project (workspace), NULL);
}

gboolean
evk_strategy_page_edit_end (GtkWidget   *page,
                            EvkStrategy *before,
                            gboolean     ok,
                            GError      *error,
                            const char  *message)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (!ok || before == NULL)
    {
      if (before != NULL)
        evk_strategy_free (before);
      if (root != NULL && EVK_IS_WINDOW (root))
        _evk_window_toast (EVK_WINDOW (root), error != NULL ? error->message : _("The change could not be saved"));
      else if (error != NULL)
        g_message ("%s", error->message);
      return FALSE;
    }
  if (root != NULL && EVK_IS_WINDOW (root))
    _evk_window_push_strategy_edit (EVK_WINDOW (root), before, message);
  else
    evk_strategy_free (before);
  return TRUE;
}

GtkWidget *
evk_strategy_page_icon_button (const char *icon,
                               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
text_applied (AdwEntryRow *row,
              GtkWidget   *page)
{
  EvkWorkspace *workspace = g_object_get_data (G_OBJECT (row), "workspace");
  g_autoptr(GError) error = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (page, workspace);
  gboolean ok;

  ok = evk_project_set_strategy_text (evk_workspace_get_project (workspace),
                                      g_object_get_data (G_OBJECT (row), "what"),
                                      g_object_get_data (G_OBJECT (row), "key"),
                                      g_object_get_data (G_OBJECT (row), "field"),
                                      g_object_get_data (G_OBJECT (row), "lang"),
                                      gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  evk_strategy_page_edit_end (page, before, ok, error, _("Text saved"));
}

static void
add_row (GtkWidget *parent,
         GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else if (ADW_IS_PREFERENCES_GROUP (parent))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  else
    gtk_list_box_append (GTK_LIST_BOX (parent), row);
}

void
evk_strategy_page_add_text_rows (GtkWidget    *page,
                                 EvkWorkspace *workspace,
                                 GtkWidget    *parent,
                                 const char   *label,
                                 const char   *what,
                                 const char   *key,
                                 const char   *field,
                                 GHashTable   *localized)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (workspace);

  for (guint i = 0; strategy->languages[i] != NULL; i++)
    {
      const char *lang = strategy->languages[i];
      GtkWidget *row = adw_entry_row_new ();
      /* Translators: an entry's title, e.g. "Title (nb)" */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), label, lang);
      const char *text = localized != NULL ? evk_localized_get (localized, lang) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "workspace", workspace);
      g_object_set_data_full (G_OBJECT (row), "what", g_strdup (what), g_free);
      g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
      g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
      g_object_set_data_full (G_OBJECT (row), "lang", g_strdup (lang), g_free);
      g_signal_connect_object (row, "apply", G_CALLBACK (text_applied), page, 0);
      add_row (parent, row);
    }
}

/* ---- The guided start -------------------------------------------------- */

static void
start_clicked (EvkStrategyPage *self)
{
  g_autoptr(GError) error = NULL;
  /* Bokmål is the source language of the reports Evalkit writes, English
   * their translation; a project may add others later from a key file. */
  const char *langs[] = { "nb", "en", NULL };
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  gboolean ok;

  ok = evk_project_begin_strategy (evk_workspace_get_project (self->workspace), langs,
                                   gtk_editable_get_text (GTK_EDITABLE (self->start_title)), &error);
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error, _("The strategy is started: add its goals"));
}

/* ---- Goals and measures ------------------------------------------------ */

typedef enum {
  MOVE_UP,
  MOVE_DOWN,
  REMOVE,
} Command;

static void
goal_command (GtkButton       *button,
              EvkStrategyPage *self)
{
  EvkProject *project = evk_workspace_get_project (self->workspace);
  const char *key = g_object_get_data (G_OBJECT (button), "key");
  Command command = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "command"));
  g_autoptr(GError) error = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  gboolean ok;

  if (command == REMOVE)
    ok = evk_project_remove_goal (project, key, &error);
  else
    ok = evk_project_move_goal (project, key, command == MOVE_UP ? -1 : 1, &error);
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error,
                              command == REMOVE ? _("Goal removed") : _("Goal moved; measures renumbered"));
}

static void
measure_command (GtkButton       *button,
                 EvkStrategyPage *self)
{
  EvkProject *project = evk_workspace_get_project (self->workspace);
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "number"));
  Command command = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "command"));
  g_autoptr(GError) error = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  gboolean ok;
  guint now = 0;

  if (command == REMOVE)
    ok = evk_project_remove_measure (project, number, &error);
  else
    ok = (now = evk_project_move_measure (project, number, command == MOVE_UP ? -1 : 1, &error)) > 0;
  if (ok)
    self->expanded = now;
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error,
                              command == REMOVE ? _("Measure removed; later measures renumbered")
                                                : _("Measure moved"));
}

static GtkWidget *
command_button (EvkStrategyPage *self,
                Command          command,
                const char      *key,
                guint            number)
{
  static const char * const icons[] = { "go-up-symbolic", "go-down-symbolic", "user-trash-symbolic" };
  const char *tooltips[] = { _("Move Up"), _("Move Down"), _("Remove") };
  GtkWidget *button = evk_strategy_page_icon_button (icons[command], tooltips[command]);

  g_object_set_data (G_OBJECT (button), "command", GINT_TO_POINTER (command));
  if (key != NULL)
    {
      g_object_set_data_full (G_OBJECT (button), "key", g_strdup (key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (goal_command), self);
    }
  else
    {
      g_object_set_data (G_OBJECT (button), "number", GUINT_TO_POINTER (number));
      g_signal_connect (button, "clicked", G_CALLBACK (measure_command), self);
    }
  return button;
}

/* An edit a combo row or a check button asks for. */
typedef enum {
  EDIT_KIND,
  EDIT_KEYS,
  EDIT_GOAL,
} EditKind;

typedef struct {
  EvkStrategyPage *self;
  EditKind         kind;
  char            *key;      /* the goal (EDIT_KIND, EDIT_GOAL) or the field (EDIT_KEYS) */
  const char      *value;    /* the goal's kind (EDIT_KIND) */
  guint            number;   /* the measure (EDIT_KEYS, EDIT_GOAL) */
  GStrv            keys;     /* the field's keys (EDIT_KEYS) */
} Edit;

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->self);
  g_free (edit->key);
  g_strfreev (edit->keys);
  g_free (edit);
}

static gboolean
run_edit (gpointer data)
{
  Edit *edit = data;
  EvkStrategyPage *self = edit->self;
  g_autoptr(GError) error = NULL;
  EvkProject *project;
  EvkStrategy *before;
  gboolean ok;
  guint number;

  /* The page went away (its window closed) before the loop came round. */
  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;
  project = evk_workspace_get_project (self->workspace);
  before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  switch (edit->kind)
    {
    case EDIT_KIND:
      ok = evk_project_set_goal_kind (project, edit->key, edit->value, &error);
      evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error, _("Goal changed"));
      break;
    case EDIT_KEYS:
      self->expanded = edit->number;
      ok = evk_project_set_measure_keys (project, edit->number, edit->key, (const char * const *) edit->keys,
                                         &error);
      evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error, _("Measure changed"));
      break;
    case EDIT_GOAL:
    default:
      number = evk_project_set_measure_goal (project, edit->number, edit->key, &error);
      self->expanded = number;
      evk_strategy_page_edit_end (GTK_WIDGET (self), before, number > 0, error,
                                  _("Measure moved to another goal; measures renumbered"));
      break;
    }
  return G_SOURCE_REMOVE;
}

static Edit *
edit_new (EvkStrategyPage *self,
          EditKind         kind,
          const char      *key,
          guint            number)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->self = g_object_ref (self);
  edit->kind = kind;
  edit->key = g_strdup (key);
  edit->number = number;
  return edit;
}

/* The combo rows and check buttons are still inside their own signal when
 * they report: the edit rebuilds the page and destroys them, so it waits
 * for the main loop to come round rather than free them under their feet
 * (the crash the Lists and Offers pages had). */
static void
edit_post (Edit *edit)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, run_edit, edit, (GDestroyNotify) edit_free);
}

static void
kind_selected (AdwComboRow     *row,
               GParamSpec      *pspec,
               EvkStrategyPage *self)
{
  Edit *edit;

  if (self->building)
    return;
  edit = edit_new (self, EDIT_KIND, g_object_get_data (G_OBJECT (row), "key"), 0);
  edit->value = adw_combo_row_get_selected (row) == 1 ? "implementation" : "goal";
  edit_post (edit);
}

static void
add_measure_applied (AdwEntryRow     *row,
                     EvkStrategyPage *self)
{
  g_autoptr(GError) error = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  guint number;

  number = evk_project_add_measure (evk_workspace_get_project (self->workspace),
                                    g_object_get_data (G_OBJECT (row), "key"),
                                    gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (number > 0)
    self->expanded = number;
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, number > 0, error, _("Measure added"));
}

static void
add_goal_applied (AdwEntryRow     *row,
                  EvkStrategyPage *self)
{
  g_autoptr(GError) error = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  g_autofree char *key = NULL;

  key = evk_project_add_goal (evk_workspace_get_project (self->workspace),
                              g_object_get_data (G_OBJECT (row), "kind"),
                              gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, key != NULL, error, _("Goal added"));
}

/* The keys the check buttons of one field of a measure say, in list order. */
static void
check_toggled (GtkCheckButton  *check,
               EvkStrategyPage *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (check), "checks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  Edit *edit;

  if (self->building)
    return;
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i), "key"));
  edit = edit_new (self, EDIT_KEYS, g_object_get_data (G_OBJECT (check), "field"),
                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "number")));
  edit->keys = g_strv_builder_end (builder);
  edit_post (edit);
}

static void
status_selected (AdwComboRow     *row,
                 GParamSpec      *pspec,
                 EvkStrategyPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  guint selected = adw_combo_row_get_selected (row);
  Edit *edit;

  if (self->building || selected >= strategy->vocabs[EVK_VOCAB_STATUS]->len)
    return;
  edit = edit_new (self, EDIT_KEYS, "status", GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "number")));
  edit->keys = g_new0 (char *, 2);
  edit->keys[0] = g_strdup (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], selected))->key);
  edit_post (edit);
}

static void
goal_selected (AdwComboRow     *row,
               GParamSpec      *pspec,
               EvkStrategyPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  guint selected = adw_combo_row_get_selected (row);

  if (self->building || selected >= strategy->goals->len)
    return;
  edit_post (edit_new (self, EDIT_GOAL, ((EvkGoal *) g_ptr_array_index (strategy->goals, selected))->key,
                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "number"))));
}

static GtkStringList *
names_of (EvkStrategyPage *self,
          GPtrArray       *array,
          gsize            name_offset)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < array->len; i++)
    gtk_string_list_append (list, evk_workspace_tr (self->workspace,
                                                    G_STRUCT_MEMBER (GHashTable *, g_ptr_array_index (array, i),
                                                                     name_offset)));
  return list;
}

static void
add_checks (EvkStrategyPage *self,
            GtkWidget       *expander,
            EvkMeasure      *measure,
            const char      *field,
            const char      *heading,
            GPtrArray       *array,
            gsize            key_offset,
            gsize            name_offset,
            GStrv            chosen)
{
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *row = adw_expander_row_new ();
  guint n_chosen = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
  for (guint i = 0; i < array->len; i++)
    {
      const char *key = G_STRUCT_MEMBER (const char *, g_ptr_array_index (array, i), key_offset);
      GtkWidget *check_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (check_row),
                                     evk_workspace_tr (self->workspace,
                                                       G_STRUCT_MEMBER (GHashTable *, g_ptr_array_index (array, i),
                                                                        name_offset)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains ((const char * const *) chosen, key));
      n_chosen += gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
      adw_action_row_add_prefix (ADW_ACTION_ROW (check_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (check_row), check);
      g_object_set_data_full (G_OBJECT (check), "key", g_strdup (key), g_free);
      g_object_set_data_full (G_OBJECT (check), "field", g_strdup (field), g_free);
      g_object_set_data (G_OBJECT (check), "number", GUINT_TO_POINTER (measure->number));
      g_object_set_data (G_OBJECT (check), "checks", checks);
      g_ptr_array_add (checks, check);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), check_row);
    }
  if (array->len == 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("The list has no entries yet"));
  else
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n_chosen),
                                                   n_chosen);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }
  g_object_set_data_full (G_OBJECT (row), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static GtkWidget *
measure_row (EvkStrategyPage *self,
             EvkMeasure      *measure)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *combo;
  g_autofree char *title = g_strdup_printf ("%u. %s", measure->number, evk_workspace_tr (self->workspace, measure->title));
  g_autofree char *number_key = g_strdup_printf ("%u", measure->number);
  EvkTerm *status = evk_strategy_find_term (strategy, EVK_VOCAB_STATUS, measure->status);
  g_autoptr(GtkStringList) statuses = names_of (self, strategy->vocabs[EVK_VOCAB_STATUS], G_STRUCT_OFFSET (EvkTerm, name));
  g_autoptr(GtkStringList) goals = names_of (self, strategy->goals, G_STRUCT_OFFSET (EvkGoal, title));
  guint index = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 status != NULL ? evk_workspace_tr (self->workspace, status->name) : _("No status"));
  /* Each action goes before the ones already there: added last to first,
   * they read up, down, remove, as in the goal's header above. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), command_button (self, REMOVE, NULL, measure->number));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), command_button (self, MOVE_DOWN, NULL, measure->number));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), command_button (self, MOVE_UP, NULL, measure->number));
  g_object_set_data (G_OBJECT (row), "number", GUINT_TO_POINTER (measure->number));

  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, row, _("Title"), "measure", number_key,
                                   "title", measure->title);

  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (statuses));
  for (guint i = 0; i < strategy->vocabs[EVK_VOCAB_STATUS]->len; i++)
    if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], i))->key, measure->status) == 0)
      index = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), index);
  g_object_set_data (G_OBJECT (combo), "number", GUINT_TO_POINTER (measure->number));
  g_signal_connect (combo, "notify::selected", G_CALLBACK (status_selected), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);

  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, row, _("Status note"), "measure",
                                   number_key, "status-note", measure->status_note);

  add_checks (self, row, measure, "types", _("Measure types"), strategy->vocabs[EVK_VOCAB_TYPE],
              G_STRUCT_OFFSET (EvkTerm, key), G_STRUCT_OFFSET (EvkTerm, name), measure->types);
  add_checks (self, row, measure, "targets", _("Target groups"), strategy->vocabs[EVK_VOCAB_TARGET],
              G_STRUCT_OFFSET (EvkTerm, key), G_STRUCT_OFFSET (EvkTerm, name), measure->targets);
  add_checks (self, row, measure, "responsible", _("Responsible bodies"), strategy->bodies,
              G_STRUCT_OFFSET (EvkBody, key), G_STRUCT_OFFSET (EvkBody, name), measure->responsible);

  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Goal"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (goals));
  for (guint i = 0; i < strategy->goals->len; i++)
    if (g_strcmp0 (((EvkGoal *) g_ptr_array_index (strategy->goals, i))->key, measure->goal) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
  g_object_set_data (G_OBJECT (combo), "number", GUINT_TO_POINTER (measure->number));
  g_signal_connect (combo, "notify::selected", G_CALLBACK (goal_selected), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), measure->number == self->expanded);
  return row;
}

static GtkWidget *
goal_group (EvkStrategyPage *self,
            EvkGoal         *goal,
            guint            position)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *details = adw_expander_row_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *add = adw_entry_row_new ();
  const char *kinds[] = { _("Goal"), _("Implementation of the strategy"), NULL };
  g_autoptr(GtkStringList) kind_list = gtk_string_list_new (kinds);
  g_autofree char *title = g_strcmp0 (goal->kind, "implementation") == 0
                           ? g_strdup_printf (_("Implementation: %s"), evk_workspace_tr (self->workspace, goal->title))
                           : g_strdup_printf (_("Goal %u: %s"), position + 1, evk_workspace_tr (self->workspace, goal->title));
  guint n = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (buttons), command_button (self, MOVE_UP, goal->key, 0));
  gtk_box_append (GTK_BOX (buttons), command_button (self, MOVE_DOWN, goal->key, 0));
  gtk_box_append (GTK_BOX (buttons), command_button (self, REMOVE, goal->key, 0));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (details), _("Title, description and kind"));
  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, details, _("Title"), "goal", goal->key,
                                   "title", goal->title);
  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, details, _("Description"), "goal",
                                   goal->key, "description", goal->description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kind_list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), g_strcmp0 (goal->kind, "implementation") == 0);
  g_object_set_data_full (G_OBJECT (kind), "key", g_strdup (goal->key), g_free);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (kind_selected), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (details), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), details);

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);

      if (g_strcmp0 (measure->goal, goal->key) != 0)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), measure_row (self, measure));
      n++;
    }
  if (n == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No measures yet: add the first one below."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("New measure: its title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_object_set_data_full (G_OBJECT (add), "key", g_strdup (goal->key), g_free);
  g_signal_connect (add, "apply", G_CALLBACK (add_measure_applied), self);
  g_signal_connect (add, "entry-activated", G_CALLBACK (add_measure_applied), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
  return group;
}

static void
rebuild (EvkStrategyPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  double scroll = gtk_adjustment_get_value (adjustment);
  GtkWidget *child, *group, *row;
  guint n_goals = 0;

  if (strategy->languages[0] == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "edit");
  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Strategy"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each change is saved at once; undo takes it back."));
  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, group, _("Title"), "strategy", NULL, "title",
                                   strategy->title);
  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, group, _("Short title"), "strategy", NULL,
                                   "short-title", strategy->short_title);
  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, group, _("Owner"), "strategy", NULL,
                                   "owner", strategy->owner);
  gtk_box_append (self->content, group);

  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, i);

      gtk_box_append (self->content, goal_group (self, goal, n_goals));
      if (g_strcmp0 (goal->kind, "implementation") != 0)
        n_goals++;
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Add a Goal"));
  if (strategy->goals->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Write the strategy’s first goal as the strategy words it."));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New goal: its title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "kind", (gpointer) "goal");
  g_signal_connect (row, "apply", G_CALLBACK (add_goal_applied), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (add_goal_applied), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New implementation area: its title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "kind", (gpointer) "implementation");
  g_signal_connect (row, "apply", G_CALLBACK (add_goal_applied), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (add_goal_applied), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (self->content, group);

  self->building = FALSE;
  gtk_adjustment_set_value (adjustment, scroll);
}

static void
workspace_changed (EvkWorkspace    *workspace,
                   const char      *what,
                   EvkStrategyPage *self)
{
  if (g_strcmp0 (what, "strategy") == 0 || g_strcmp0 (what, "external") == 0)
    rebuild (self);
}

static void
evk_strategy_page_dispose (GObject *object)
{
  EvkStrategyPage *self = EVK_STRATEGY_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_STRATEGY_PAGE);
  G_OBJECT_CLASS (evk_strategy_page_parent_class)->dispose (object);
}

static void
evk_strategy_page_class_init (EvkStrategyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_strategy_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-strategy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkStrategyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EvkStrategyPage, start_title);
  gtk_widget_class_bind_template_child (widget_class, EvkStrategyPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkStrategyPage, content);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
evk_strategy_page_init (EvkStrategyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
evk_strategy_page_new (EvkWorkspace *workspace)
{
  EvkStrategyPage *self = g_object_new (EVK_TYPE_STRATEGY_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
