/* evk-offers-page.c: the survey's offers, their questions and multiple-response sets
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-offers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-chart-card.h"
#include "evk-localized.h"
#include "evk-offers-page.h"
#include "evk-project-edit.h"
#include "evk-project-mrset.h"
#include "evk-strategy-page.h"
#include "evk-window-private.h"

struct _EvkOffersPage
{
  GtkWidget     parent_instance;

  /* Template children */
  GtkStack     *stack;
  GtkWidget    *scrolled;
  GtkBox       *content;

  EvkWorkspace *workspace;
  char         *current;     /* the offer whose row is open and previewed */
  gboolean      building;
  /* The set being put together in "New set", kept across rebuilds. */
  GPtrArray    *new_set;     /* variable names */
  GtkEditable  *set_name;
  GtkEditable  *set_value;
  AdwComboRow  *set_type;
  GPtrArray    *set_labels;  /* AdwEntryRow per language */
};

G_DEFINE_FINAL_TYPE (EvkOffersPage, evk_offers_page, GTK_TYPE_WIDGET)

/* The roles the strategy format knows, in the order a questionnaire asks. */
static const char * const roles[] = {
  EVK_ROLE_HEARD_OF, EVK_ROLE_USED, EVK_ROLE_OUTCOME_MEMBERS, EVK_ROLE_OUTCOME_ACTIVITIES,
};

static const char *
role_title (const char *role)
{
  if (g_strcmp0 (role, EVK_ROLE_HEARD_OF) == 0)
    return _("Heard of the offer");
  if (g_strcmp0 (role, EVK_ROLE_USED) == 0)
    return _("Used the offer");
  if (g_strcmp0 (role, EVK_ROLE_OUTCOME_MEMBERS) == 0)
    return _("Outcome: more members");
  if (g_strcmp0 (role, EVK_ROLE_OUTCOME_ACTIVITIES) == 0)
    return _("Outcome: more activities");
  return role;
}

/* ---- Edits, once the widget that asked is out of its signal ------------ */

typedef enum {
  OP_LINK,
  OP_MEASURES,
  OP_REMOVE,
  OP_REMOVE_SET,
  OP_PREVIEW,     /* only the preview moves to another offer */
} OpKind;

typedef struct {
  EvkOffersPage *self;
  OpKind         kind;
  char          *key;
  char          *role;
  char          *variable;
  GArray        *numbers;
} Op;

static void
op_free (Op *op)
{
  g_object_unref (op->self);
  g_free (op->key);
  g_free (op->role);
  g_free (op->variable);
  g_clear_pointer (&op->numbers, g_array_unref);
  g_free (op);
}

static void rebuild (EvkOffersPage *self);

static void
survey_edit_end (EvkOffersPage *self,
                 gboolean       ok,
                 EvkSurvey     *old,
                 GError        *error,
                 const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || !EVK_IS_WINDOW (root))
    {
      g_clear_pointer (&old, evk_survey_free);
      return;
    }
  if (!ok)
    _evk_window_toast (EVK_WINDOW (root), error->message);
  else
    _evk_window_push_survey_edit (EVK_WINDOW (root), old, message);
}

static gboolean
run_op (gpointer data)
{
  Op *op = data;
  EvkOffersPage *self = op->self;
  EvkProject *project;
  g_autoptr(GError) error = NULL;
  EvkStrategy *before;
  EvkSurvey *old = NULL;
  gboolean ok;

  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;
  project = evk_workspace_get_project (self->workspace);
  if (op->kind == OP_PREVIEW)
    {
      rebuild (self);
      return G_SOURCE_REMOVE;
    }
  if (op->kind == OP_REMOVE_SET)
    {
      ok = evk_project_remove_mrset (project, op->key, &old, &error);
      survey_edit_end (self, ok, old, error, _("Multiple-response set removed"));
      return G_SOURCE_REMOVE;
    }
  before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);
  switch (op->kind)
    {
    case OP_LINK:
      ok = evk_project_link_offer (project, op->key, op->role, op->variable, &error);
      evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error,
                                  op->variable != NULL ? _("Question linked") : _("Link removed"));
      break;
    case OP_MEASURES:
      ok = evk_project_set_offer_measures (project, op->key, (const guint *) op->numbers->data, op->numbers->len,
                                           &error);
      evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error, _("Offer saved"));
      break;
    case OP_REMOVE:
    case OP_REMOVE_SET:
    case OP_PREVIEW:
    default:
      ok = evk_project_remove_offer (project, op->key, &error);
      evk_strategy_page_edit_end (GTK_WIDGET (self), before, ok, error, _("Offer removed"));
      break;
    }
  return G_SOURCE_REMOVE;
}

static Op *
op_new (EvkOffersPage *self,
        OpKind         kind,
        const char    *key)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->kind = kind;
  op->key = g_strdup (key);
  return op;
}

/* The rows, check buttons and list views that ask for an edit are still
 * inside their own signal; the edit rebuilds the page, so it waits for the
 * main loop to come round. */
static void
op_post (Op *op)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, run_op, op, (GDestroyNotify) op_free);
}

static void
add_offer_applied (AdwEntryRow   *row,
                   EvkOffersPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  EvkStrategy *before = evk_strategy_page_edit_begin (GTK_WIDGET (self), self->workspace);

  key = evk_project_add_offer (evk_workspace_get_project (self->workspace),
                               gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (key != NULL)
    {
      g_free (self->current);
      self->current = g_strdup (key);
    }
  evk_strategy_page_edit_end (GTK_WIDGET (self), before, key != NULL, error, _("Offer added"));
}

static void
remove_clicked (GtkButton     *button,
                EvkOffersPage *self)
{
  op_post (op_new (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "op")),
                   g_object_get_data (G_OBJECT (button), "key")));
}

static void
unlink_clicked (GtkButton     *button,
                EvkOffersPage *self)
{
  Op *op = op_new (self, OP_LINK, g_object_get_data (G_OBJECT (button), "key"));

  op->role = g_strdup (g_object_get_data (G_OBJECT (button), "role"));
  op_post (op);
}

static void
measure_toggled (GtkCheckButton *check,
                 EvkOffersPage  *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (check), "checks");
  Op *op;

  if (self->building)
    return;
  op = op_new (self, OP_MEASURES, g_object_get_data (G_OBJECT (check), "key"));
  op->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      {
        guint number = GPOINTER_TO_UINT (g_object_get_data (g_ptr_array_index (checks, i), "number"));
        g_array_append_val (op->numbers, number);
      }
  op_post (op);
}

static void
expanded_changed (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  EvkOffersPage  *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  if (self->building || !adw_expander_row_get_expanded (row) || g_strcmp0 (self->current, key) == 0)
    return;
  /* The preview follows the offer being worked on. */
  g_free (self->current);
  self->current = g_strdup (key);
  op_post (op_new (self, OP_PREVIEW, NULL));
}

/* ---- The variable picker ---------------------------------------------- */

/* A search entry over the survey's variables that may be charted (not
 * personal, not free text), each shown with its label. */
typedef void (*PickFunc) (EvkOffersPage *self,
                          GtkWidget     *picker,
                          const char    *name);

/* The picker keeps each variable's label as it was when it was made
 * (name → label): the list filters and binds rows in idles, which may run
 * after the page has reloaded or dropped the survey it was made from. */
static const char *
picker_label (GtkWidget  *picker,
              const char *name)
{
  GHashTable *labels = g_object_get_data (G_OBJECT (picker), "labels");
  const char *label = labels != NULL ? g_hash_table_lookup (labels, name) : NULL;

  return label != NULL ? label : "";
}

static gboolean
variable_matches (gpointer item,
                  gpointer data)
{
  GtkWidget *picker = data;
  GtkEditable *search = g_object_get_data (G_OBJECT (picker), "search");
  const char *name = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  const char *text = search != NULL ? gtk_editable_get_text (search) : "";
  g_autofree char *needle = NULL, *hay = NULL, *folded_name = NULL;

  if (text[0] == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  folded_name = g_utf8_casefold (name, -1);
  hay = g_utf8_casefold (picker_label (picker, name), -1);
  return strstr (folded_name, needle) != NULL || strstr (hay, needle) != NULL;
}

static void
search_changed (GtkSearchEntry *entry,
                GtkFilter      *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_variable (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_variable (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GtkWidget                *picker)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *name = gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_list_item_get_item (item)));
  const char *label = picker_label (picker, name);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), name);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), label);
  gtk_widget_set_tooltip_text (box, label);
}

static void
variable_activated (GtkListView *view,
                    guint        position,
                    GtkWidget   *picker)
{
  EvkOffersPage *self = g_object_get_data (G_OBJECT (picker), "page");
  PickFunc func = g_object_get_data (G_OBJECT (picker), "func");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  if (item != NULL)
    func (self, picker, gtk_string_object_get_string (item));
}

static GtkWidget *
variable_picker_new (EvkOffersPage *self,
                     PickFunc       func)
{
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  GtkWidget *picker = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkStringList *names = gtk_string_list_new (NULL);
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view;

  for (guint i = 0; survey != NULL && i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);

      /* The core refuses these anyway; the list does not offer them. */
      if (!variable->personal && variable->type != EVK_VARIABLE_STRING)
        {
          gtk_string_list_append (names, variable->name);
          g_hash_table_insert (labels, g_strdup (variable->name),
                               g_strdup (evk_workspace_tr (self->workspace, variable->label)));
        }
    }
  g_object_set_data_full (G_OBJECT (picker), "labels", labels, (GDestroyNotify) g_hash_table_unref);
  g_object_set_data (G_OBJECT (picker), "page", self);
  g_object_set_data (G_OBJECT (picker), "func", func);
  g_object_set_data (G_OBJECT (picker), "search", search);
  filter = gtk_custom_filter_new (variable_matches, picker, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (names), GTK_FILTER (filter));
  g_signal_connect_object (search, "search-changed", G_CALLBACK (search_changed), filter, 0);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_variable), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_variable), picker);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  g_signal_connect (view, "activate", G_CALLBACK (variable_activated), picker);
  g_object_set_data (G_OBJECT (picker), "list", view);

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), picker);
  g_object_set (search, "placeholder-text", _("Search by name or label"), NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 380);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (picker), search);
  gtk_box_append (GTK_BOX (picker), scrolled);
  return picker;
}

static void
role_picked (EvkOffersPage *self,
             GtkWidget     *picker,
             const char    *name)
{
  GtkWidget *popover = gtk_widget_get_ancestor (picker, GTK_TYPE_POPOVER);
  Op *op = op_new (self, OP_LINK, g_object_get_data (G_OBJECT (picker), "key"));

  op->role = g_strdup (g_object_get_data (G_OBJECT (picker), "role"));
  op->variable = g_strdup (name);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  op_post (op);
}

static void
create_role_popup (GtkMenuButton *button,
                   EvkOffersPage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *picker = variable_picker_new (self, role_picked);

  g_object_set_data_full (G_OBJECT (picker), "key", g_strdup (g_object_get_data (G_OBJECT (button), "key")), g_free);
  g_object_set_data_full (G_OBJECT (picker), "role", g_strdup (g_object_get_data (G_OBJECT (button), "role")),
                          g_free);
  gtk_popover_set_child (GTK_POPOVER (popover), picker);
  gtk_menu_button_set_popover (button, popover);
}

/* ---- Offers ------------------------------------------------------------ */

static void
add_role_row (EvkOffersPage *self,
              GtkWidget     *expander,
              EvkOffer      *offer,
              const char    *role)
{
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  const char *variable = evk_offer_get_variable (offer, role);
  EvkVariable *found = variable != NULL && survey != NULL ? evk_survey_get_variable (survey, variable) : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_menu_button_new ();
  g_autofree char *subtitle = NULL;

  if (variable == NULL)
    subtitle = g_strdup (_("Not linked"));
  else if (found != NULL)
    /* Translators: a variable's name and its label, e.g. "q15_2 – Heard of the guide" */
    subtitle = g_strdup_printf (_("%s – %s"), variable, evk_workspace_tr (self->workspace, found->label));
  else
    subtitle = g_strdup (variable);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), role_title (role));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (variable != NULL)
    {
      GtkWidget *unlink = evk_strategy_page_icon_button ("edit-clear-symbolic", _("Remove the Link"));

      g_object_set_data_full (G_OBJECT (unlink), "key", g_strdup (offer->key), g_free);
      g_object_set_data_full (G_OBJECT (unlink), "role", g_strdup (role), g_free);
      g_signal_connect (unlink, "clicked", G_CALLBACK (unlink_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (choose), variable != NULL ? _("Change…") : _("Choose…"));
  gtk_widget_set_tooltip_text (choose, _("Choose the Survey Question"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (choose, survey != NULL);
  g_object_set_data_full (G_OBJECT (choose), "key", g_strdup (offer->key), g_free);
  g_object_set_data_full (G_OBJECT (choose), "role", g_strdup (role), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (choose), (GtkMenuButtonCreatePopupFunc) create_role_popup,
                                         self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
add_measure_checks (EvkOffersPage *self,
                    GtkWidget     *expander,
                    EvkOffer      *offer)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *row = adw_expander_row_new ();
  GString *chosen = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Measures it belongs to"));
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      GtkWidget *check_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", measure->number,
                                                evk_workspace_tr (self->workspace, measure->title));
      gboolean active = FALSE;

      for (guint k = 0; k < offer->measures->len; k++)
        active |= g_array_index (offer->measures, guint, k) == measure->number;
      if (active)
        g_string_append_printf (chosen, "%s%u", chosen->len > 0 ? ", " : "", measure->number);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (check_row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (check_row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      adw_action_row_add_prefix (ADW_ACTION_ROW (check_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (check_row), check);
      g_object_set_data_full (G_OBJECT (check), "key", g_strdup (offer->key), g_free);
      g_object_set_data (G_OBJECT (check), "number", GUINT_TO_POINTER (measure->number));
      g_object_set_data (G_OBJECT (check), "checks", checks);
      g_ptr_array_add (checks, check);
      g_signal_connect (check, "toggled", G_CALLBACK (measure_toggled), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), check_row);
    }
  if (strategy->measures->len == 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("The strategy has no measures yet"));
  else if (chosen->len == 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("None chosen"));
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), chosen->str);
  g_string_free (chosen, TRUE);
  g_object_set_data_full (G_OBJECT (row), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static GtkWidget *
offer_row (EvkOffersPage *self,
           EvkOffer      *offer)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = evk_strategy_page_icon_button ("user-trash-symbolic", _("Remove"));
  g_autofree char *subtitle = NULL;
  guint n_links = offer->items->len;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evk_workspace_tr (self->workspace, offer->label));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  subtitle = n_links == 0 ? g_strdup (_("No questions linked yet"))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question linked",
                                                          "%u questions linked", n_links),
                                             n_links);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (remove), "op", GINT_TO_POINTER (OP_REMOVE));
  g_object_set_data_full (G_OBJECT (remove), "key", g_strdup (offer->key), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (offer->key), g_free);

  evk_strategy_page_add_text_rows (GTK_WIDGET (self), self->workspace, row, _("Label"), "offer", offer->key,
                                   "label", offer->label);
  add_measure_checks (self, row, offer);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    add_role_row (self, row, offer, roles[i]);
  /* Roles of the evaluator's own from a key file are shown too. */
  for (guint i = 0; i < offer->items->len; i++)
    {
      EvkOfferItem *item = g_ptr_array_index (offer->items, i);

      if (!g_strv_contains (roles, item->role))
        add_role_row (self, row, offer, item->role);
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_strcmp0 (self->current, offer->key) == 0);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_changed), self);
  return row;
}

/* The charts the links of the current offer make, as the measure pages
 * will show them: computed through the table grammar by the card. */
static GtkWidget *
preview_group (EvkOffersPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *group = adw_preferences_group_new ();
  EvkOffer *offer = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < strategy->offers->len; i++)
    if (g_strcmp0 (((EvkOffer *) g_ptr_array_index (strategy->offers, i))->key, self->current) == 0)
      offer = g_ptr_array_index (strategy->offers, i);
  if (offer == NULL && strategy->offers->len > 0)
    offer = g_ptr_array_index (strategy->offers, 0);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Preview"));
  if (offer != NULL)
    {
      g_autofree char *description = g_strdup_printf (_("The charts “%s” gets from its links."),
                                                      evk_workspace_tr (self->workspace, offer->label));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
    }
  if (offer != NULL && evk_workspace_get_survey (self->workspace) != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      if (evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF) != NULL ||
          evk_offer_get_variable (offer, EVK_ROLE_USED) != NULL)
        {
          EvkQuery query = { .kind = "awareness", .argument = offer->key };
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (evk_chart_card_new (self->workspace, EVK_CHART_AWARENESS,
                                                                         &query)));
          any = TRUE;
        }
      if (evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_MEMBERS) != NULL ||
          evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_ACTIVITIES) != NULL)
        {
          EvkQuery query = { .kind = "outcome", .argument = offer->key };
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (evk_chart_card_new (self->workspace, EVK_CHART_OUTCOME,
                                                                         &query)));
          any = TRUE;
        }
      if (any)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
      else
        g_object_unref (g_object_ref_sink (box));
    }
  if (!any)
    {
      GtkWidget *label = gtk_label_new (evk_workspace_get_survey (self->workspace) == NULL
                                        ? _("Import the survey, then link a question to see its chart here.")
                                        : _("Link a question about the offer to see its chart here."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  return group;
}

static GtkWidget *
offers_group (EvkOffersPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Offers"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The concrete things the survey asked about – a guide, a grant, a network – "
                                           "with the measures they belong to and the questions about them."));
  if (evk_workspace_get_survey (self->workspace) == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Import Survey…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "project.import");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "survey");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  for (guint i = 0; i < strategy->offers->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), offer_row (self, g_ptr_array_index (strategy->offers, i)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("New offer: its label"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_signal_connect (add, "apply", G_CALLBACK (add_offer_applied), self);
  g_signal_connect (add, "entry-activated", G_CALLBACK (add_offer_applied), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
  return group;
}

/* ---- Multiple-response sets ------------------------------------------- */

static void update_new_set (EvkOffersPage *self);

static void
set_variable_picked (EvkOffersPage *self,
                     GtkWidget     *picker,
                     const char    *name)
{
  /* Picking a variable again takes it out. */
  for (guint i = 0; i < self->new_set->len; i++)
    if (g_str_equal (g_ptr_array_index (self->new_set, i), name))
      {
        g_ptr_array_remove_index (self->new_set, i);
        update_new_set (self);
        return;
      }
  g_ptr_array_add (self->new_set, g_strdup (name));
  update_new_set (self);
}

static void
define_set_clicked (GtkButton     *button,
                    EvkOffersPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  g_autoptr(GHashTable) label = evk_localized_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) variables = g_ptr_array_new ();
  EvkMrSetType type = adw_combo_row_get_selected (self->set_type) == 0 ? EVK_MRSET_DICHOTOMY : EVK_MRSET_CATEGORY;
  EvkSurvey *old = NULL;
  gboolean ok;

  for (guint i = 0; i < self->set_labels->len && strategy->languages[i] != NULL; i++)
    evk_localized_set (label, strategy->languages[i],
                       gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->set_labels, i))));
  for (guint i = 0; i < self->new_set->len; i++)
    g_ptr_array_add (variables, g_ptr_array_index (self->new_set, i));
  g_ptr_array_add (variables, NULL);
  ok = evk_project_define_mrset (evk_workspace_get_project (self->workspace),
                                 gtk_editable_get_text (self->set_name), type,
                                 gtk_editable_get_text (self->set_value), label,
                                 (const char * const *) variables->pdata, &old, &error);
  if (ok)
    g_ptr_array_set_size (self->new_set, 0);
  survey_edit_end (self, ok, old, error, _("Multiple-response set saved"));
}

static GtkWidget *
chosen_label_of (EvkOffersPage *self)
{
  return g_object_get_data (G_OBJECT (self), "chosen-label");
}

static void
update_new_set (EvkOffersPage *self)
{
  GtkWidget *label = chosen_label_of (self);
  g_autoptr(GString) text = g_string_new (NULL);

  if (label == NULL)
    return;
  for (guint i = 0; i < self->new_set->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (self->new_set, i));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (label), text->len > 0 ? text->str
                                                                     : _("Pick them in the list below; "
                                                                         "picking one again takes it out"));
}

static GtkWidget *
sets_group (EvkOffersPage *self)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (self->workspace);
  EvkSurvey *survey = evk_workspace_get_survey (self->workspace);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander, *row, *button, *picker, *box;
  const char *types[] = { _("Dichotomy: each variable is one answer, ticked or not"),
                          _("Category: each variable holds one of the answers"), NULL };
  g_autoptr(GtkStringList) type_list = gtk_string_list_new (types);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Multiple-Response Sets"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Questions where respondents could give several answers, one variable "
                                           "per answer, that the survey file did not declare as a set."));
  for (guint i = 0; i < survey->mrsets->len; i++)
    {
      EvkMrSet *set = g_ptr_array_index (survey->mrsets, i);
      g_autofree char *joined = g_strjoinv (", ", set->variables);
      g_autofree char *subtitle = set->type == EVK_MRSET_DICHOTOMY
                                  /* Translators: %s: the set's name, the value it counts, its variables */
                                  ? g_strdup_printf (_("%s · counts %s · %s"), set->name,
                                                     set->counted_value != NULL ? set->counted_value : "", joined)
                                  : g_strdup_printf ("%s · %s", set->name, joined);
      const char *title = evk_workspace_tr (self->workspace, set->label);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title[0] != '\0' ? title : set->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      button = evk_strategy_page_icon_button ("user-trash-symbolic", _("Remove"));
      g_object_set_data (G_OBJECT (button), "op", GINT_TO_POINTER (OP_REMOVE_SET));
      g_object_set_data_full (G_OBJECT (button), "key", g_strdup (set->name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("New set"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Its name, label, kind and variables"));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name, e.g. $heard"));
  self->set_name = GTK_EDITABLE (row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_ptr_array_set_size (self->set_labels, 0);
  for (guint i = 0; strategy->languages[i] != NULL; i++)
    {
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), _("Label"), strategy->languages[i]);

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_ptr_array_add (self->set_labels, row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (type_list));
  self->set_type = ADW_COMBO_ROW (row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Counted value (dichotomy)"));
  gtk_editable_set_text (GTK_EDITABLE (row), "1");
  self->set_value = GTK_EDITABLE (row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Variables"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  g_object_set_data (G_OBJECT (self), "chosen-label", row);
  button = gtk_button_new_with_mnemonic (_("_Define Set"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (define_set_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  box = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (box), FALSE);
  picker = variable_picker_new (self, set_variable_picked);
  gtk_widget_set_margin_top (picker, 6);
  gtk_widget_set_margin_bottom (picker, 6);
  gtk_widget_set_margin_start (picker, 6);
  gtk_widget_set_margin_end (picker, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (box), picker);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  update_new_set (self);
  return group;
}

/* ---- The page ---------------------------------------------------------- */

static void
rebuild (EvkOffersPage *self)
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
  g_object_set_data (G_OBJECT (self), "chosen-label", NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  gtk_box_append (self->content, offers_group (self));
  gtk_box_append (self->content, preview_group (self));
  if (evk_workspace_get_survey (self->workspace) != NULL)
    gtk_box_append (self->content, sets_group (self));

  self->building = FALSE;
  gtk_adjustment_set_value (adjustment, scroll);
}

static void
workspace_changed (EvkWorkspace  *workspace,
                   const char    *what,
                   EvkOffersPage *self)
{
  if (g_strcmp0 (what, "strategy") == 0 || g_strcmp0 (what, "survey") == 0 || g_strcmp0 (what, "external") == 0)
    rebuild (self);
}

static void
evk_offers_page_dispose (GObject *object)
{
  EvkOffersPage *self = EVK_OFFERS_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->new_set, g_ptr_array_unref);
  g_clear_pointer (&self->set_labels, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_OFFERS_PAGE);
  G_OBJECT_CLASS (evk_offers_page_parent_class)->dispose (object);
}

static void
evk_offers_page_class_init (EvkOffersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_offers_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-offers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkOffersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EvkOffersPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkOffersPage, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
evk_offers_page_init (EvkOffersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->new_set = g_ptr_array_new_with_free_func (g_free);
  self->set_labels = g_ptr_array_new ();
}

GtkWidget *
evk_offers_page_new (EvkWorkspace *workspace)
{
  EvkOffersPage *self = g_object_new (EVK_TYPE_OFFERS_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
