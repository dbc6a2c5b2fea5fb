/* evk-translations-page.c: every string of the report in one language, side by side with its source
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-translations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-localized.h"
#include "evk-po.h"
#include "evk-translations-page.h"
#include "evk-word-diff.h"

/* ---- An item of the list ------------------------------------------------- */

struct _EvkTranslationItem
{
  GObject          parent_instance;
  EvkTranslatable *unit;
};

G_DEFINE_FINAL_TYPE (EvkTranslationItem, evk_translation_item, G_TYPE_OBJECT)

static void
evk_translation_item_finalize (GObject *object)
{
  g_clear_pointer (&EVK_TRANSLATION_ITEM (object)->unit, evk_translatable_free);
  G_OBJECT_CLASS (evk_translation_item_parent_class)->finalize (object);
}

static void
evk_translation_item_class_init (EvkTranslationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = evk_translation_item_finalize;
}

static void
evk_translation_item_init (EvkTranslationItem *self)
{
}

const EvkTranslatable *
evk_translation_item_get (EvkTranslationItem *self)
{
  g_return_val_if_fail (EVK_IS_TRANSLATION_ITEM (self), NULL);
  return self->unit;
}

/* ---- The page ------------------------------------------------------------ */

struct _EvkTranslationsPage
{
  GtkWidget           parent_instance;

  EvkWorkspace       *workspace;
  char               *lang;
  EvkTranslationCounts counts;
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *editing_key;   /* the string the editor shows */
  gboolean            loading;       /* filling the editor or the list */
  gulong              changed_id;
  guint               scroll_id;     /* the scroll waiting for a frame */
  guint               scroll_to;
  guint               scroll_frames;
  EvkTranslationsShow show;
  int                 kind;          /* EvkTranslatableKind, or -1 for all */

  GtkWidget          *box;
  GtkWidget          *language_dropdown;
  GtkStringList      *languages;
  GtkWidget          *counts_label;
  GtkWidget          *level_bar;
  GtkWidget          *search_entry;
  GtkWidget          *state_dropdown;
  GtkWidget          *kind_dropdown;
  GtkWidget          *list_view;
  GtkWidget          *stack;
  GtkWidget          *place_label;
  GtkWidget          *source_label;
  GtkWidget          *diff_box;
  GtkWidget          *diff_label;
  GtkWidget          *text_view;
  GtkWidget          *state_label;
  GtkWidget          *still_valid_button;
  GtkWidget          *save_button;
};

G_DEFINE_FINAL_TYPE (EvkTranslationsPage, evk_translations_page, GTK_TYPE_WIDGET)

static void
toast (EvkTranslationsPage *self,
       const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static const char *
state_text (EvkTextState state)
{
  switch (state)
    {
    case EVK_TEXT_MISSING:
      /* Translators: a translation that has not been written yet */
      return _("Missing");
    case EVK_TEXT_OUTDATED:
      /* Translators: a translation whose source text has changed since */
      return _("Outdated");
    case EVK_TEXT_CURRENT:
    default:
      /* Translators: a translation that is current */
      return C_("translation", "Done");
    }
}

static const char *
state_class (EvkTextState state)
{
  return state == EVK_TEXT_MISSING ? "status-last" : state == EVK_TEXT_OUTDATED ? "status-middle" : "status-first";
}

static void
set_badge (GtkWidget    *label,
           EvkTextState  state)
{
  gtk_widget_remove_css_class (label, "status-first");
  gtk_widget_remove_css_class (label, "status-middle");
  gtk_widget_remove_css_class (label, "status-last");
  gtk_widget_add_css_class (label, state_class (state));
  gtk_label_set_text (GTK_LABEL (label), state_text (state));
}

/* The first line of a text, for a list row. */
static char *
first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  while (*text == '\n' || *text == ' ')
    text++;
  end = strchr (text, '\n');
  return end != NULL ? g_strdup_printf ("%.*s…", (int) (end - text), text) : g_strdup (text);
}

char *
evk_word_diff_markup (const char *old_text,
                      const char *new_text)
{
  g_autoptr(GPtrArray) pieces = evk_word_diff (old_text, new_text);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      EvkDiffPiece *piece = g_ptr_array_index (pieces, i);
      g_autofree char *escaped = g_markup_escape_text (piece->text, -1);

      /* Struck through and underlined: the change shows without colour. */
      if (piece->op == EVK_DIFF_DELETED)
        g_string_append_printf (markup, "<span strikethrough=\"true\" foreground=\"#c01c28\" background=\"#c01c2826\">%s</span>", escaped);
      else if (piece->op == EVK_DIFF_INSERTED)
        g_string_append_printf (markup, "<span underline=\"single\" foreground=\"#26a269\" background=\"#26a26926\">%s</span>", escaped);
      else
        g_string_append (markup, escaped);
    }
  return g_string_free (markup, FALSE);
}

/* ---- The filter ---------------------------------------------------------- */

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  EvkTranslationsPage *self = user_data;
  const EvkTranslatable *unit = EVK_TRANSLATION_ITEM (item)->unit;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  switch (self->show)
    {
    case EVK_TRANSLATIONS_SHOW_MISSING:
      if (unit->state != EVK_TEXT_MISSING)
        return FALSE;
      break;
    case EVK_TRANSLATIONS_SHOW_OUTDATED:
      if (unit->state != EVK_TEXT_OUTDATED)
        return FALSE;
      break;
    case EVK_TRANSLATIONS_SHOW_DONE:
      if (unit->state != EVK_TEXT_CURRENT)
        return FALSE;
      break;
    case EVK_TRANSLATIONS_SHOW_ALL:
    default:
      break;
    }
  if (self->kind >= 0 && (int) unit->kind != self->kind)
    return FALSE;
  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);

      if (!contains_folded (unit->source, needle) && !contains_folded (unit->translation, needle) &&
          !contains_folded (unit->place, needle))
        return FALSE;
    }
  return TRUE;
}

/* ---- The editor ---------------------------------------------------------- */

static const EvkTranslatable *
selected_unit (EvkTranslationsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? EVK_TRANSLATION_ITEM (item)->unit : NULL;
}

static const EvkTranslatable *
find_unit (EvkTranslationsPage *self,
           const char          *key,
           guint               *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; key != NULL && i < n; i++)
    {
      g_autoptr(EvkTranslationItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_str_equal (item->unit->key, key))
        {
          if (position != NULL)
            *position = i;
          return item->unit;
        }
    }
  return NULL;
}

static void
show_unit (EvkTranslationsPage   *self,
           const EvkTranslatable *unit)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  self->loading = TRUE;
  g_free (self->editing_key);
  self->editing_key = unit != NULL ? g_strdup (unit->key) : NULL;
  if (unit == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
      gtk_text_buffer_set_text (buffer, "", -1);
      gtk_text_buffer_set_modified (buffer, FALSE);
      self->loading = FALSE;
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "editor");
  gtk_label_set_text (GTK_LABEL (self->place_label), unit->place);
  gtk_label_set_text (GTK_LABEL (self->source_label), unit->source != NULL ? unit->source : "");
  set_badge (self->state_label, unit->state);
  gtk_widget_set_visible (self->still_valid_button, unit->state == EVK_TEXT_OUTDATED);
  if (unit->state == EVK_TEXT_OUTDATED && unit->previous_source != NULL)
    {
      g_autofree char *markup = evk_word_diff_markup (unit->previous_source, unit->source);

      gtk_label_set_markup (GTK_LABEL (self->diff_label), markup);
      gtk_widget_set_visible (self->diff_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->diff_box, FALSE);
  gtk_text_buffer_set_text (buffer, unit->translation != NULL ? unit->translation : "", -1);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->loading = FALSE;
}

static void reload (EvkTranslationsPage *self);

void
evk_translations_page_save (EvkTranslationsPage *self)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  g_return_if_fail (EVK_IS_TRANSLATIONS_PAGE (self));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  if (self->editing_key == NULL || self->lang == NULL || !gtk_text_buffer_get_modified (buffer))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  key = g_strdup (self->editing_key);
  gtk_text_buffer_set_modified (buffer, FALSE);
  /* The project says "texts" changed: the list is read again. */
  if (!evk_translatable_set (evk_workspace_get_project (self->workspace), self->lang, key, text, &error))
    toast (self, error->message);
}

static void
still_valid_clicked (EvkTranslationsPage *self)
{
  g_autofree char *key = g_strdup (self->editing_key);
  g_autoptr(GError) error = NULL;

  if (key == NULL)
    return;
  evk_translations_page_save (self);
  if (!evk_translatable_confirm (evk_workspace_get_project (self->workspace), self->lang, key, &error))
    toast (self, error->message);
}

static void
selection_changed (EvkTranslationsPage *self)
{
  const EvkTranslatable *unit;

  if (self->loading)
    return;
  unit = selected_unit (self);
  if (unit != NULL && g_strcmp0 (unit->key, self->editing_key) == 0)
    return;
  /* What was typed in the string left is kept. */
  evk_translations_page_save (self);
  show_unit (self, selected_unit (self));
}

static void
focus_left (EvkTranslationsPage *self)
{
  evk_translations_page_save (self);
}

/* ---- The list ------------------------------------------------------------ */

static void
update_counts (EvkTranslationsPage *self)
{
  guint total = self->counts.done + self->counts.outdated + self->counts.missing;
  g_autofree char *text = NULL;

  /* Translators: the coverage of a language, e.g. "812 done · 40 outdated · 600 missing" */
  text = g_strdup_printf (_("%u done · %u outdated · %u missing"),
                          self->counts.done, self->counts.outdated, self->counts.missing);
  gtk_label_set_text (GTK_LABEL (self->counts_label), text);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->level_bar),
                           total > 0 ? (double) self->counts.done / total : 0);
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  EvkTranslationsPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  double row, value;

  /* After a layout of the list as it is now (a tick comes before the
   * frame's layout), and of a new page over its first frames. */
  if (self->scroll_frames++ < 1 || gtk_adjustment_get_page_size (adjustment) <= 0)
    return self->scroll_frames < 60 ? G_SOURCE_CONTINUE : (self->scroll_id = 0, G_SOURCE_REMOVE);
  self->scroll_id = 0;
  if (self->scroll_to >= n)
    return G_SOURCE_REMOVE;
  /* The rows are of one height: the row a third down the view. */
  row = gtk_adjustment_get_upper (adjustment) / n;
  value = self->scroll_to * row - gtk_adjustment_get_page_size (adjustment) / 3;
  if (self->scroll_to * row < gtk_adjustment_get_value (adjustment) ||
      (self->scroll_to + 1) * row > gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment))
    gtk_adjustment_set_value (adjustment, value);
  return G_SOURCE_REMOVE;
}

/* Scrolls the list to show position at its next frame: GTK 4.8's
 * "list.scroll-to-item" left the list one row and blank below. */
static void
scroll_to (EvkTranslationsPage *self,
           guint                position)
{
  self->scroll_to = position;
  self->scroll_frames = 0;
  if (self->scroll_id == 0)
    self->scroll_id = gtk_widget_add_tick_callback (self->list_view, scroll_tick, self, NULL);
}

/* Selects the string at key when the list shows it. */
static gboolean
select_shown (EvkTranslationsPage *self,
              const char          *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; key != NULL && i < n; i++)
    {
      g_autoptr(EvkTranslationItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_str_equal (item->unit->key, key))
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
reload (EvkTranslationsPage *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = g_strdup (self->editing_key);
  guint position = gtk_single_selection_get_selected (self->selection);

  memset (&self->counts, 0, sizeof self->counts);
  if (self->lang != NULL)
    {
      units = evk_translatables_list (evk_workspace_get_project (self->workspace), self->lang,
                                      &self->counts, &error);
      if (units == NULL)
        toast (self, error->message);
    }
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      EvkTranslationItem *item = g_object_new (EVK_TYPE_TRANSLATION_ITEM, NULL);

      item->unit = g_steal_pointer (&g_ptr_array_index (units, i));
      g_ptr_array_add (items, item);
    }
  if (units != NULL)
    g_ptr_array_set_free_func (units, NULL);
  self->loading = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  self->loading = FALSE;
  update_counts (self);
  /* The string edited stays selected while the filter shows it; else the
   * one now at its place. */
  if (!select_shown (self, key))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

      if (n > 0)
        gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
      else
        gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  g_clear_pointer (&self->editing_key, g_free);
  show_unit (self, selected_unit (self));
}

static void
workspace_changed (EvkWorkspace        *workspace,
                   const char          *what,
                   EvkTranslationsPage *self)
{
  if (g_strcmp0 (what, "texts") == 0 || g_strcmp0 (what, "strategy") == 0 || g_strcmp0 (what, "survey") == 0)
    reload (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_ellipsize (GTK_LABEL (place), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_add_css_class (place, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (source), TRUE);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (text_box), place);
  gtk_box_append (GTK_BOX (text_box), source);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  EvkTranslationItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *text_box = gtk_widget_get_first_child (box);
  GtkWidget *place = gtk_widget_get_first_child (text_box);
  GtkWidget *source = gtk_widget_get_next_sibling (place);
  GtkWidget *badge = gtk_widget_get_last_child (box);
  g_autofree char *line = first_line (item->unit->source);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (place), item->unit->place);
  gtk_label_set_text (GTK_LABEL (source), line);
  set_badge (badge, item->unit->state);
  /* Translators: a string on the Translations page: its place, its text and its state */
  accessible = g_strdup_printf (_("%s: %s, %s"), item->unit->place, line, state_text (item->unit->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ---- Filters and the language ------------------------------------------- */

static void
filters_changed (EvkTranslationsPage *self)
{
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown));

  self->show = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->state_dropdown));
  self->kind = kind == 0 || kind == GTK_INVALID_LIST_POSITION ? -1 : (int) kind - 1;
  evk_translations_page_save (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (!select_shown (self, self->editing_key))
    show_unit (self, selected_unit (self));
}

static void
language_selected (EvkTranslationsPage *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->language_dropdown));
  const char *lang;

  if (self->loading || position == GTK_INVALID_LIST_POSITION)
    return;
  lang = gtk_string_list_get_string (self->languages, position);
  if (g_strcmp0 (lang, self->lang) != 0)
    evk_translations_page_set_language (self, lang);
}

/* The project's languages but the source into the selector. */
static void
fill_languages (EvkTranslationsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) langs = evk_project_get_languages (evk_workspace_get_project (self->workspace), &error);
  guint selected = GTK_INVALID_LIST_POSITION;

  self->loading = TRUE;
  gtk_string_list_splice (self->languages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->languages)), NULL);
  for (guint i = 1; langs != NULL && langs[i] != NULL; i++)
    {
      gtk_string_list_append (self->languages, langs[i]);
      if (g_strcmp0 (langs[i], self->lang) == 0)
        selected = i - 1;
    }
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->language_dropdown), selected);
  self->loading = FALSE;
}

const char *
evk_translations_page_get_language (EvkTranslationsPage *self)
{
  g_return_val_if_fail (EVK_IS_TRANSLATIONS_PAGE (self), NULL);
  return self->lang;
}

void
evk_translations_page_set_language (EvkTranslationsPage *self,
                                    const char          *lang)
{
  g_return_if_fail (EVK_IS_TRANSLATIONS_PAGE (self));
  evk_translations_page_save (self);
  g_free (self->lang);
  self->lang = g_strdup (lang);
  g_clear_pointer (&self->editing_key, g_free);
  fill_languages (self);
  gtk_single_selection_set_selected (self->selection, 0);
  reload (self);
}

/* ---- Adding a language --------------------------------------------------- */

static void
add_language_response (AdwMessageDialog    *dialog,
                       const char          *response,
                       EvkTranslationsPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *lang = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || !evk_language_code_is_valid (lang))
    ;
  else if (!evk_project_add_report_language (evk_workspace_get_project (self->workspace), lang, &error))
    toast (self, error->message);
  else
    evk_translations_page_set_language (self, lang);
  g_object_unref (self);
}

static void
language_entry_changed (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *lang = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gboolean valid = evk_language_code_is_valid (lang);

  adw_message_dialog_set_response_enabled (dialog, "add", valid);
  if (valid || *lang == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
add_language_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvkTranslationsPage *self = EVK_TRANSLATIONS_PAGE (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Add Language"),
                                   _("The report can then be translated into it. Give the "
                                     "language’s tag, such as nn for Nynorsk, se for Northern "
                                     "Sami or ar for Arabic."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language tag"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (language_entry_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (add_language_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- PO files ------------------------------------------------------------ */

static void
add_po_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PO Files"));
  gtk_file_filter_add_pattern (filter, "*.po");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_response (GtkNativeDialog     *dialog,
                 int                  response,
                 EvkTranslationsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      evk_translations_page_save (self);
      if (path == NULL)
        toast (self, _("Only local files can be written"));
      else if (!evk_po_export (evk_workspace_get_project (self->workspace), self->lang, path, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *basename = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);
          toast (self, message);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_po_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkTranslationsPage *self = EVK_TRANSLATIONS_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->lang == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export PO"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  add_po_filter (GTK_FILE_CHOOSER (dialog));
  name = g_strdup_printf ("%s.po", self->lang);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

char *
evk_translations_page_import_po (EvkTranslationsPage *self,
                                 const char          *path,
                                 GError             **error)
{
  EvkTranslationResult result = { 0 };
  g_autofree char *lang = NULL;
  g_autofree char *updated = NULL;

  g_return_val_if_fail (EVK_IS_TRANSLATIONS_PAGE (self), NULL);
  evk_translations_page_save (self);
  if (!evk_po_import (evk_workspace_get_project (self->workspace), path, NULL, &lang, &result, error))
    return NULL;
  if (g_strcmp0 (lang, self->lang) != 0)
    evk_translations_page_set_language (self, lang);
  else
    fill_languages (self);
  /* Translators: what importing a PO file changed, e.g. "212 updated" */
  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", result.updated),
                             result.updated);
  if (result.unknown == 0)
    return g_steal_pointer (&updated);
  /* Translators: e.g. "212 updated, 3 unknown contexts ignored" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u unknown context ignored",
                                       "%s, %u unknown contexts ignored", result.unknown),
                          updated, result.unknown);
}

static void
import_response (GtkNativeDialog     *dialog,
                 int                  response,
                 EvkTranslationsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (path == NULL)
        toast (self, _("Only local files can be read"));
      else if ((message = evk_translations_page_import_po (self, path, &error)) == NULL)
        toast (self, error->message);
      else
        toast (self, message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_po_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkTranslationsPage *self = EVK_TRANSLATIONS_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import PO"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  add_po_filter (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Keyboard ------------------------------------------------------------ */

gboolean
evk_translations_page_next_untranslated (EvkTranslationsPage *self)
{
  guint n, start;

  g_return_val_if_fail (EVK_IS_TRANSLATIONS_PAGE (self), FALSE);
  evk_translations_page_save (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  start = gtk_single_selection_get_selected (self->selection);
  start = start == GTK_INVALID_LIST_POSITION ? 0 : start + 1;
  for (guint k = 0; k < n; k++)
    {
      guint i = (start + k) % n;
      g_autoptr(EvkTranslationItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item->unit->state != EVK_TEXT_CURRENT)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          gtk_widget_grab_focus (self->text_view);
          return TRUE;
        }
    }
  toast (self, _("Every string shown is translated"));
  return FALSE;
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  evk_translations_page_next_untranslated (EVK_TRANSLATIONS_PAGE (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (EVK_TRANSLATIONS_PAGE (widget)->search_entry);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  evk_translations_page_save (EVK_TRANSLATIONS_PAGE (widget));
}

/* ---- Building ------------------------------------------------------------ */

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
build_editor (EvkTranslationsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scrolled, *buttons, *outer, *diff_note;
  GtkWidget *empty;

  self->place_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->place_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->place_label), TRUE);
  gtk_widget_set_hexpand (self->place_label, TRUE);
  gtk_widget_add_css_class (self->place_label, "title-4");
  self->state_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->state_label, "status-badge");
  gtk_widget_set_valign (self->state_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), self->place_label);
  gtk_box_append (GTK_BOX (header), self->state_label);
  gtk_box_append (GTK_BOX (box), header);

  self->source_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->source_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->source_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->source_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (self->source_label), TRUE);
  gtk_widget_add_css_class (self->source_label, "card");
  gtk_widget_add_css_class (self->source_label, "translation-source");
  gtk_box_append (GTK_BOX (box), labelled (_("Source"), self->source_label));

  self->diff_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->diff_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->diff_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->diff_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (self->diff_label), TRUE);
  gtk_widget_add_css_class (self->diff_label, "card");
  gtk_widget_add_css_class (self->diff_label, "translation-source");
  self->diff_box = labelled (_("Changed Since Translated"), self->diff_label);
  diff_note = gtk_label_new (_("Struck through: removed from the source. Underlined: added."));
  gtk_label_set_xalign (GTK_LABEL (diff_note), 0);
  gtk_label_set_wrap (GTK_LABEL (diff_note), TRUE);
  gtk_widget_add_css_class (diff_note, "caption");
  gtk_widget_add_css_class (diff_note, "dim-label");
  gtk_box_append (GTK_BOX (self->diff_box), diff_note);
  gtk_box_append (GTK_BOX (box), self->diff_box);

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_widget_add_css_class (self->text_view, "narrative-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Translation"), -1);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_left), self);
    gtk_widget_add_controller (self->text_view, focus);
  }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->text_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, -1, 160);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), labelled (_("Translation"), scrolled));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->still_valid_button = gtk_button_new_with_mnemonic (_("Still _Valid"));
  gtk_widget_set_tooltip_text (self->still_valid_button,
                               _("Keep the translation as it is: it still says what the source says"));
  g_signal_connect_swapped (self->still_valid_button, "clicked", G_CALLBACK (still_valid_clicked), self);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (self->save_button, _("Save the translation (Ctrl+Return)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "translations.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->still_valid_button);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  self->stack = gtk_stack_new ();
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No String Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Choose a string from the list, or change the filters"));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "none");
  outer = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (outer), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (outer), box);
  gtk_stack_add_named (GTK_STACK (self->stack), outer, "editor");
  return self->stack;
}

static GtkWidget *
build_toolbar (EvkTranslationsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Language…"));
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *coverage = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autoptr(GMenu) menu = g_menu_new ();

  self->languages = gtk_string_list_new (NULL);
  self->language_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->languages)), NULL);
  gtk_widget_set_tooltip_text (self->language_dropdown, _("The language translated into"));
  g_signal_connect_swapped (self->language_dropdown, "notify::selected", G_CALLBACK (language_selected), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "translations.add-language");
  gtk_widget_set_tooltip_text (add, _("Translate the report into another language"));

  self->counts_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->counts_label), 0);
  self->level_bar = gtk_level_bar_new ();
  gtk_level_bar_set_min_value (GTK_LEVEL_BAR (self->level_bar), 0);
  gtk_level_bar_set_max_value (GTK_LEVEL_BAR (self->level_bar), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Translated"), -1);
  gtk_box_append (GTK_BOX (coverage), self->counts_label);
  gtk_box_append (GTK_BOX (coverage), self->level_bar);
  gtk_widget_set_hexpand (coverage, TRUE);
  gtk_widget_set_valign (coverage, GTK_ALIGN_CENTER);

  g_menu_append (menu, _("_Export PO…"), "translations.export-po");
  g_menu_append (menu, _("_Import PO…"), "translations.import-po");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Translation Files"));

  gtk_box_append (GTK_BOX (bar), self->language_dropdown);
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (bar), coverage);
  gtk_box_append (GTK_BOX (bar), menu_button);
  return bar;
}

static GtkWidget *
build_list (EvkTranslationsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  const char *states[] = { _("All"), _("Missing"), _("Outdated"), C_("translation", "Done"), NULL };
  const char *kinds[] = { _("All Kinds"), _("Strategy"), _("Narrative"), _("Survey"), _("Charts"),
                          _("Report"), _("Report Words"), NULL };

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Search strings"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filters_changed), self);
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  self->state_dropdown = gtk_drop_down_new_from_strings (states);
  gtk_widget_set_tooltip_text (self->state_dropdown, _("Show strings in this state"));
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (filters_changed), self);
  self->kind_dropdown = gtk_drop_down_new_from_strings (kinds);
  gtk_widget_set_tooltip_text (self->kind_dropdown, _("Show strings of this kind"));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (filters_changed), self);
  gtk_box_append (GTK_BOX (filters), self->search_entry);
  gtk_box_append (GTK_BOX (filters), self->state_dropdown);
  gtk_box_append (GTK_BOX (filters), self->kind_dropdown);

  self->store = g_list_store_new (EVK_TYPE_TRANSLATION_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Strings"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), filters);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_size_request (box, 320, -1);
  return box;
}

static void
evk_translations_page_dispose (GObject *object)
{
  EvkTranslationsPage *self = EVK_TRANSLATIONS_PAGE (object);

  if (self->scroll_id != 0)
    gtk_widget_remove_tick_callback (self->list_view, self->scroll_id);
  self->scroll_id = 0;
  if (self->workspace != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->languages);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (evk_translations_page_parent_class)->dispose (object);
}

static void
evk_translations_page_finalize (GObject *object)
{
  EvkTranslationsPage *self = EVK_TRANSLATIONS_PAGE (object);

  g_free (self->lang);
  g_free (self->editing_key);
  G_OBJECT_CLASS (evk_translations_page_parent_class)->finalize (object);
}

static void
evk_translations_page_class_init (EvkTranslationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_translations_page_dispose;
  object_class->finalize = evk_translations_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "translations.add-language", NULL, add_language_activated);
  gtk_widget_class_install_action (widget_class, "translations.export-po", NULL, export_po_activated);
  gtk_widget_class_install_action (widget_class, "translations.import-po", NULL, import_po_activated);
  gtk_widget_class_install_action (widget_class, "translations.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "translations.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "translations.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "translations.search", NULL);
}

static void
evk_translations_page_init (EvkTranslationsPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *toolbar;

  self->kind = -1;
  /* Before the text view, which would take Return for a new line. */
  {
    static const struct {
      guint       key;
      const char *action;
    } keys[] = {
      { GDK_KEY_j, "translations.next" },
      { GDK_KEY_Return, "translations.save" },
      { GDK_KEY_KP_Enter, "translations.save" },
    };
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_CONTROL_MASK),
                                                              gtk_named_action_new (keys[i].action)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  toolbar = build_toolbar (self);
  gtk_widget_set_margin_top (toolbar, 12);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_box_append (GTK_BOX (self->box), toolbar);
  gtk_paned_set_start_child (GTK_PANED (paned), build_list (self));
  gtk_paned_set_end_child (GTK_PANED (paned), build_editor (self));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 420);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->box), paned);
}

GtkWidget *
evk_translations_page_new (EvkWorkspace *workspace,
                           const char   *lang)
{
  EvkTranslationsPage *self;
  EvkStrategy *strategy;

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);
  self = g_object_new (EVK_TYPE_TRANSLATIONS_PAGE, NULL);
  self->workspace = g_object_ref (workspace);
  strategy = evk_workspace_get_strategy (workspace);
  if (lang == NULL && strategy->languages[0] != NULL)
    lang = strategy->languages[1];
  self->lang = g_strdup (lang);
  self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  fill_languages (self);
  reload (self);
  return GTK_WIDGET (self);
}

void
evk_translations_page_get_counts (EvkTranslationsPage  *self,
                                  EvkTranslationCounts *counts)
{
  g_return_if_fail (EVK_IS_TRANSLATIONS_PAGE (self));
  *counts = self->counts;
}

void
evk_translations_page_set_show (EvkTranslationsPage *self,
                                EvkTranslationsShow  show)
{
  g_return_if_fail (EVK_IS_TRANSLATIONS_PAGE (self));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->state_dropdown), show);
}

GListModel *
evk_translations_page_get_model (EvkTranslationsPage *self)
{
  g_return_val_if_fail (EVK_IS_TRANSLATIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

const EvkTranslatable *
evk_translations_page_get_selected (EvkTranslationsPage *self)
{
  g_return_val_if_fail (EVK_IS_TRANSLATIONS_PAGE (self), NULL);
  return selected_unit (self);
}

gboolean
evk_translations_page_select_key (EvkTranslationsPage *self,
                                  const char          *key)
{
  g_return_val_if_fail (EVK_IS_TRANSLATIONS_PAGE (self), FALSE);
  if (find_unit (self, key, NULL) == NULL)
    return FALSE;
  if (select_shown (self, key))
    return TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->state_dropdown), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), 0);
  filters_changed (self);
  return select_shown (self, key);
}

GtkTextView *
evk_translations_page_get_text_view (EvkTranslationsPage *self)
{
  return GTK_TEXT_VIEW (self->text_view);
}

GtkWidget *
evk_translations_page_get_still_valid_button (EvkTranslationsPage *self)
{
  return self->still_valid_button;
}

GtkLabel *
evk_translations_page_get_diff_label (EvkTranslationsPage *self)
{
  return GTK_LABEL (self->diff_label);
}

GtkEditable *
evk_translations_page_get_search_entry (EvkTranslationsPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

gboolean
evk_translations_page_select_place (EvkTranslationsPage *self,
                                    const char          *place_name)
{
  guint n;
  const char *key = NULL;
  g_autofree char *found = NULL;

  g_return_val_if_fail (EVK_IS_TRANSLATIONS_PAGE (self), FALSE);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint pass = 0; pass < 2 && key == NULL; pass++)
    for (guint i = 0; i < n && key == NULL; i++)
      {
        g_autoptr(EvkTranslationItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

        if (g_strcmp0 (item->unit->place, place_name) == 0 &&
            (pass == 1 || item->unit->state != EVK_TEXT_CURRENT))
          key = found = g_strdup (item->unit->key);
      }
  return key != NULL && evk_translations_page_select_key (self, key);
}
