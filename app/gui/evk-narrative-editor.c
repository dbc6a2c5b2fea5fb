/* evk-narrative-editor.c: a measure's narrative sections, every language side by side
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-narrative-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-comment-button.h"
#include "evk-live-figure.h"
#include "evk-markdown.h"
#include "evk-narrative-editor.h"
#include "evk-narrative.h"
#include "evk-page.h"
#include "evk-report-texts.h"
#include "evk-window-private.h"

/* Typing is saved this long after the last keystroke (and at once when
 * the editor loses the focus or goes away). */
#define SAVE_DELAY_MS 500

typedef struct _Column Column;

struct _EvkNarrativeEditor
{
  GtkWidget       parent_instance;

  EvkWorkspace   *workspace;
  guint           number;
  char           *part;             /* a report chapter's texts instead of a measure's */
  GStrv           keys;             /* the chapter's sections */
  GStrv           names;
  gboolean        loading;
  GPtrArray      *columns;          /* Column, section by section */
  EvkLiveFigures *figures;          /* made on the first preview */

  GtkWidget      *group;
  GtkWidget      *preview_button;
};

G_DEFINE_FINAL_TYPE (EvkNarrativeEditor, evk_narrative_editor, GTK_TYPE_WIDGET)

/* One text: a section in one language. */
struct _Column
{
  EvkNarrativeEditor *self;
  char               *key;
  char               *lang;
  char               *field;
  gboolean            is_source;
  GtkTextBuffer      *buffer;
  GtkEventController *focus;
  GtkWidget          *view;
  GtkWidget          *stack;
  GtkWidget          *preview;
  GtkWidget          *state_label;
  char               *saved;        /* the text as the store has it */
  guint               save_id;
  gboolean            in_stay;      /* saved since the view got the focus */
};

/* Freed before the text views go: the views' signals must not reach it. */
static void
column_free (Column *column)
{
  g_signal_handlers_disconnect_by_data (column->buffer, column);
  g_signal_handlers_disconnect_by_data (column->focus, column);
  g_clear_handle_id (&column->save_id, g_source_remove);
  g_free (column->key);
  g_free (column->lang);
  g_free (column->field);
  g_free (column->saved);
  g_free (column);
}

static EvkProject *
get_project (EvkNarrativeEditor *self)
{
  return evk_workspace_get_project (self->workspace);
}

/* A measure's texts and a report chapter's are stored apart: these
 * choose. */
static GHashTable *
get_texts (EvkNarrativeEditor  *self,
           const char          *field,
           GError             **error)
{
  if (self->part != NULL)
    return evk_report_text_get_all (get_project (self), field, error);
  return evk_project_get_measure_texts (get_project (self), self->number, field, error);
}

static EvkTextState
get_text_state (EvkNarrativeEditor  *self,
                const char          *field,
                const char          *lang,
                GError             **error)
{
  if (self->part != NULL)
    return evk_report_text_state (get_project (self), field, lang, error);
  return evk_project_get_measure_text_state (get_project (self), self->number, field, lang, error);
}

/* The language's name in the UI language; a language added to a project
 * later is named by its tag until the UI knows it. */
static const char *
language_name (const char *lang)
{
  if (g_strcmp0 (lang, "nb") == 0)
    return _("Norwegian Bokmål");
  if (g_strcmp0 (lang, "nn") == 0)
    return _("Norwegian Nynorsk");
  if (g_strcmp0 (lang, "en") == 0)
    return _("English");
  return lang;
}

static char *
column_get_text (Column *column)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (column->buffer, &start, &end);
  return gtk_text_buffer_get_text (column->buffer, &start, &end, FALSE);
}

static Column *
find_column (EvkNarrativeEditor *self,
             const char         *key,
             const char         *lang)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (g_strcmp0 (column->key, key) == 0 && g_strcmp0 (column->lang, lang) == 0)
        return column;
    }
  return NULL;
}

/* ---- State of the translations ----------------------------------------- */

static void
column_update_state (Column *column)
{
  EvkNarrativeEditor *self = column->self;
  GtkWidget *label = column->state_label;
  g_autoptr(GError) error = NULL;
  EvkTextState state;

  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "error");
  if (column->is_source)
    {
      gtk_widget_set_visible (label, FALSE);
      return;
    }
  state = get_text_state (self, column->field, column->lang, &error);
  if (error != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), error->message);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_visible (label, TRUE);
      return;
    }
  switch (state)
    {
    case EVK_TEXT_MISSING:
      /* Translators: a translation that has not been written yet */
      gtk_label_set_text (GTK_LABEL (label), _("Missing"));
      gtk_widget_add_css_class (label, "dim-label");
      break;
    case EVK_TEXT_OUTDATED:
      /* Translators: a translation whose source text has changed since */
      gtk_label_set_text (GTK_LABEL (label), _("Outdated"));
      gtk_widget_add_css_class (label, "warning");
      break;
    case EVK_TEXT_CURRENT:
    default:
      gtk_label_set_text (GTK_LABEL (label), "");
      break;
    }
  gtk_widget_set_visible (label, state != EVK_TEXT_CURRENT);
}

static void
update_section_states (EvkNarrativeEditor *self,
                       const char         *key)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (g_strcmp0 (column->key, key) == 0)
        column_update_state (column);
    }
}

/* ---- Saving ------------------------------------------------------------ */

/* One edit, one transaction. In a window the save goes on its undo
 * stack, one edit per stay in the text view. */
static void
column_save (Column *column)
{
  EvkNarrativeEditor *self = column->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean saved;

  g_clear_handle_id (&column->save_id, g_source_remove);
  text = column_get_text (column);
  if (g_strcmp0 (text, column->saved) == 0)
    return;
  if (root != NULL && EVK_IS_WINDOW (root) && self->part != NULL)
    saved = _evk_window_set_report_text (EVK_WINDOW (root), column->field, column->lang, text,
                                         column->in_stay, &error);
  else if (root != NULL && EVK_IS_WINDOW (root))
    saved = _evk_window_set_text (EVK_WINDOW (root), self->number, column->field, column->lang, text,
                                  column->in_stay, &error);
  else if (self->part != NULL)
    saved = evk_report_text_put (get_project (self), column->field, column->lang, text, NULL, &error);
  else
    saved = evk_project_set_measure_text (evk_workspace_get_project (self->workspace), self->number,
                                          column->field, column->lang, text, NULL, &error);
  if (!saved)
    {
      /* The text stays in the editor; the next edit tries again. */
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      gtk_label_set_text (GTK_LABEL (column->state_label), message);
      gtk_widget_add_css_class (column->state_label, "error");
      gtk_widget_set_visible (column->state_label, TRUE);
      return;
    }
  g_free (column->saved);
  column->saved = g_steal_pointer (&text);
  column->in_stay = TRUE;
  update_section_states (self, column->key);
}

static gboolean
save_timeout (gpointer user_data)
{
  Column *column = user_data;

  column->save_id = 0;
  column_save (column);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed (GtkTextBuffer *buffer,
                Column        *column)
{
  if (column->self->loading)
    return;
  g_clear_handle_id (&column->save_id, g_source_remove);
  column->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout, column);
}

static void
focus_left (GtkEventControllerFocus *controller,
            Column                  *column)
{
  if (column->save_id != 0)
    column_save (column);
  column->in_stay = FALSE;
}

void
evk_narrative_editor_flush (EvkNarrativeEditor *self)
{
  g_return_if_fail (EVK_IS_NARRATIVE_EDITOR (self));

  if (self->columns == NULL)
    return;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (column->save_id != 0)
        column_save (column);
    }
}

/* ---- Preview ----------------------------------------------------------- */

static char *
resolve_figure (const char  *reference,
                gpointer     user_data,
                GError     **error)
{
  Column *column = user_data;
  EvkNarrativeEditor *self = column->self;

  if (self->figures == NULL)
    self->figures = evk_live_figures_new (evk_workspace_get_project (self->workspace));
  return evk_live_figures_resolve (self->figures, reference, column->lang, error);
}

static gboolean
link_activated (GtkLabel   *label,
                const char *uri,
                gpointer    user_data)
{
  /* Anchors inside the report lead nowhere on this page. */
  return uri[0] == '#';
}

static GtkWidget *
preview_label_new (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  g_signal_connect (label, "activate-link", G_CALLBACK (link_activated), NULL);
  return label;
}

static GtkWidget *
table_new (EvkMdBlock *block)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (block->rows, r);

      for (guint c = 0; c < cells->len; c++)
        {
          g_autofree char *markup = evk_rich_text_to_markup (g_ptr_array_index (cells, c));
          GtkWidget *label = preview_label_new (markup);

          if (r < block->n_header_rows)
            gtk_widget_add_css_class (label, "heading");
          if (block->align != NULL && block->align[c] == 'r')
            gtk_label_set_xalign (GTK_LABEL (label), 1);
          else if (block->align != NULL && block->align[c] == 'c')
            gtk_label_set_xalign (GTK_LABEL (label), 0.5);
          gtk_grid_attach (GTK_GRID (grid), label, c, r, 1, 1);
        }
    }
  return grid;
}

static GtkWidget *
block_new (EvkMdBlock *block,
           const char *prefix)
{
  GtkWidget *widget;
  guint indent = 12 * block->quote + 18 * (block->depth > 0 ? block->depth - 1 : 0);

  switch (block->kind)
    {
    case EVK_MD_RULE:
      widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      break;
    case EVK_MD_TABLE:
      widget = table_new (block);
      break;
    case EVK_MD_PARAGRAPH:
    case EVK_MD_LIST_ITEM:
    case EVK_MD_CODE:
    default:
      {
        g_autoptr(GString) markup = g_string_new (prefix);
        g_autofree char *text = block->text != NULL ? evk_rich_text_to_markup (block->text) : g_strdup ("");

        if (block->kind == EVK_MD_LIST_ITEM && block->marker != NULL)
          {
            g_autofree char *marker = g_markup_escape_text (block->marker, -1);
            g_string_append_printf (markup, "%s\u2002", marker);
          }
        g_string_append (markup, text);
        widget = preview_label_new (markup->str);
        if (block->kind == EVK_MD_CODE)
          gtk_widget_add_css_class (widget, "monospace");
        break;
      }
    }
  if (block->quote > 0)
    gtk_widget_add_css_class (widget, "narrative-quote");
  gtk_widget_set_margin_start (widget, indent);
  return widget;
}

static void
column_render (Column *column)
{
  g_autoptr(EvkMdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = column_get_text (column);
  EvkMdOptions options = { 0 };

  evk_page_clear_box (column->preview);
  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (stripped[0] == '\0')
      {
        gtk_box_append (GTK_BOX (column->preview), evk_page_label_new (_("No text yet"), "dim-label"));
        return;
      }
  }

  /* A draft: a figure that does not resolve shows in red with its
   * reference, as in a draft report, and the rest still renders. */
  options.resolve = resolve_figure;
  options.user_data = column;
  options.draft = TRUE;
  document = evk_markdown_parse (text, &options, &error);
  if (document == NULL)
    {
      GtkWidget *label = evk_page_label_new (error->message, "error");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (column->preview), label);
      return;
    }
  for (guint b = 0; b < document->blocks->len; b++)
    gtk_box_append (GTK_BOX (column->preview), block_new (g_ptr_array_index (document->blocks, b), ""));
  if (document->footnotes->len > 0)
    gtk_box_append (GTK_BOX (column->preview), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  for (guint f = 0; f < document->footnotes->len; f++)
    {
      EvkMdFootnote *footnote = g_ptr_array_index (document->footnotes, f);

      for (guint b = 0; b < footnote->blocks->len; b++)
        {
          g_autofree char *prefix = b == 0 ? g_strdup_printf ("%u\u2002", footnote->number) : g_strdup ("");
          GtkWidget *widget = block_new (g_ptr_array_index (footnote->blocks, b), prefix);

          gtk_widget_add_css_class (widget, "caption");
          gtk_box_append (GTK_BOX (column->preview), widget);
        }
    }
}

static void
update_preview (EvkNarrativeEditor *self)
{
  gboolean preview = evk_narrative_editor_get_preview (self);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (preview)
        column_render (column);
      gtk_stack_set_visible_child_name (GTK_STACK (column->stack), preview ? "preview" : "edit");
    }
}

static void
preview_toggled (GtkToggleButton    *button,
                 EvkNarrativeEditor *self)
{
  evk_narrative_editor_flush (self);
  update_preview (self);
}

/* ---- Building ---------------------------------------------------------- */

static GtkWidget *
column_new (EvkNarrativeEditor *self,
            const char         *key,
            const char         *section_name,
            const char         *lang,
            gboolean            is_source,
            const char         *text)
{
  Column *column = g_new0 (Column, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = evk_page_label_new (language_name (lang), "caption-heading");
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  /* Translators: the accessible name of a narrative text: section, language */
  g_autofree char *accessible = g_strdup_printf (_("%s, %s"), section_name, language_name (lang));

  column->self = self;
  column->key = g_strdup (key);
  column->lang = g_strdup (lang);
  column->field = self->part != NULL ? evk_narrative_chapter_field (self->part, key)
                                     : g_strdup_printf ("section:%s", key);
  column->is_source = is_source;
  column->saved = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->columns, column);

  gtk_widget_set_hexpand (name, FALSE);
  gtk_box_append (GTK_BOX (header), name);
  column->state_label = evk_page_label_new (NULL, "caption");
  gtk_label_set_wrap (GTK_LABEL (column->state_label), TRUE);
  gtk_box_append (GTK_BOX (header), column->state_label);
  gtk_box_append (GTK_BOX (box), header);

  column->view = gtk_text_view_new ();
  column->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (column->view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (column->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (column->view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (column->view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (column->view), 10);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (column->view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (column->view), 8);
  gtk_widget_set_size_request (column->view, -1, 96);
  gtk_widget_add_css_class (column->view, "narrative-text");
  /* A review copy's texts are the evaluator's: read, and commented on. */
  if (evk_workspace_is_read_only (self->workspace))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (column->view), FALSE);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (column->view), FALSE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Markdown text"),
                                  -1);
  /* The text as loaded is where undo starts. */
  gtk_text_buffer_begin_irreversible_action (column->buffer);
  gtk_text_buffer_set_text (column->buffer, column->saved, -1);
  gtk_text_buffer_end_irreversible_action (column->buffer);
  g_signal_connect (column->buffer, "changed", G_CALLBACK (buffer_changed), column);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left), column);
  column->focus = focus;
  gtk_widget_add_controller (column->view, focus);

  column->preview = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (column->preview, "narrative-preview");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->preview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  column->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (column->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (column->stack), column->view, "edit");
  gtk_stack_add_named (GTK_STACK (column->stack), column->preview, "preview");
  gtk_frame_set_child (GTK_FRAME (frame), column->stack);
  gtk_widget_set_vexpand (frame, TRUE);
  gtk_box_append (GTK_BOX (box), frame);

  gtk_widget_set_hexpand (box, TRUE);
  column_update_state (column);
  return box;
}

static void
build (EvkNarrativeEditor *self)
{
  EvkProject *project = get_project (self);
  GPtrArray *sections = evk_workspace_get_strategy (self->workspace)->vocabs[EVK_VOCAB_SECTION];
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_auto(GStrv) languages = NULL;

  /* A measure has the strategy's sections, a chapter its own. */
  for (guint s = 0; self->part == NULL && s < sections->len; s++)
    {
      EvkTerm *section = g_ptr_array_index (sections, s);
      const char *name = evk_workspace_tr (self->workspace, section->name);

      g_ptr_array_add (keys, section->key);
      g_ptr_array_add (names, (gpointer) (name[0] != '\0' ? name : section->key));
    }
  for (guint s = 0; self->part != NULL && self->keys[s] != NULL; s++)
    {
      g_ptr_array_add (keys, self->keys[s]);
      g_ptr_array_add (names, self->names[s]);
    }

  languages = evk_project_get_languages (project, &error);
  for (guint s = 0; languages != NULL && s < keys->len; s++)
    {
      g_autofree char *field = self->part != NULL
                               ? evk_narrative_chapter_field (self->part, g_ptr_array_index (keys, s))
                               : g_strdup_printf ("section:%s", (char *) g_ptr_array_index (keys, s));
      GHashTable *localized = get_texts (self, field, &error);

      if (localized == NULL)
        break;
      g_ptr_array_add (texts, localized);
    }
  if (error != NULL)
    {
      GtkWidget *label = evk_page_label_new (error->message, "error");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), label);
      gtk_widget_set_sensitive (self->preview_button, FALSE);
      return;
    }

  self->loading = TRUE;
  for (guint s = 0; s < keys->len; s++)
    {
      const char *key = g_ptr_array_index (keys, s);
      GHashTable *localized = g_ptr_array_index (texts, s);
      const char *name = g_ptr_array_index (names, s);
      GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading, *columns;

      heading = evk_page_label_new (name, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
      {
        GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        g_autofree char *place = self->part != NULL ? g_strdup_printf ("section:%s/%s", self->part, key)
                                                    : g_strdup_printf ("measure-section:%u/%s", self->number, key);

        gtk_widget_set_hexpand (heading, TRUE);
        gtk_box_append (GTK_BOX (header), heading);
        gtk_box_append (GTK_BOX (header), evk_comment_button_new (self->workspace, place));
        gtk_box_append (GTK_BOX (block), header);
      }

      columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
      for (guint l = 0; languages[l] != NULL; l++)
        gtk_box_append (GTK_BOX (columns),
                        column_new (self, key, name, languages[l], l == 0,
                                    g_hash_table_lookup (localized, languages[l])));
      gtk_box_append (GTK_BOX (block), columns);
      gtk_widget_add_css_class (block, "narrative-section");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), block);
    }
  self->loading = FALSE;
}

/* A text changed in the store, by this editor's own save or by undo and
 * redo: a column shows what the store has unless the user is typing in
 * it (that text is saved within moments and wins). */
static void
reload_texts (EvkNarrativeEditor *self)
{
  /* One lookup per field, all before any column changes. */
  g_autoptr(GHashTable) by_field = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      g_autoptr(GError) error = NULL;
      GHashTable *localized;

      if (g_hash_table_contains (by_field, column->field))
        continue;
      localized = get_texts (self, column->field, &error);
      if (localized == NULL)
        {
          g_warning ("Could not read the narrative of %s: %s", column->field, error->message);
          return;
        }
      g_hash_table_insert (by_field, column->field, localized);
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      GHashTable *localized = g_hash_table_lookup (by_field, column->field);
      const char *stored = g_hash_table_lookup (localized, column->lang);
      g_autofree char *shown = NULL;

      if (stored == NULL)
        stored = "";
      if (column->save_id != 0 || g_strcmp0 (stored, column->saved) == 0)
        continue;
      g_free (column->saved);
      column->saved = g_strdup (stored);
      shown = column_get_text (column);
      if (g_strcmp0 (shown, stored) != 0)
        {
          self->loading = TRUE;
          gtk_text_buffer_begin_irreversible_action (column->buffer);
          gtk_text_buffer_set_text (column->buffer, stored, -1);
          gtk_text_buffer_end_irreversible_action (column->buffer);
          self->loading = FALSE;
          column->in_stay = FALSE;
          if (evk_narrative_editor_get_preview (self))
            column_render (column);
        }
      update_section_states (self, column->key);
    }
}

/* Figures follow the data: a new survey or group computes them again. */
static void
workspace_changed (EvkWorkspace       *workspace,
                   const char         *what,
                   EvkNarrativeEditor *self)
{
  if (g_strcmp0 (what, "texts") == 0)
    {
      reload_texts (self);
      return;
    }
  /* Neither a measure's facts nor the outline change a figure. */
  if (g_strcmp0 (what, "measure") == 0 || g_strcmp0 (what, "report") == 0)
    return;
  g_clear_pointer (&self->figures, evk_live_figures_free);
  if (evk_narrative_editor_get_preview (self))
    update_preview (self);
}

/* Saved while the editor is still in its window, so that the save goes on
 * the window's undo stack. */
static void
evk_narrative_editor_unroot (GtkWidget *widget)
{
  evk_narrative_editor_flush (EVK_NARRATIVE_EDITOR (widget));
  GTK_WIDGET_CLASS (evk_narrative_editor_parent_class)->unroot (widget);
}

static void
evk_narrative_editor_dispose (GObject *object)
{
  EvkNarrativeEditor *self = EVK_NARRATIVE_EDITOR (object);

  /* What was typed last is saved, however the page goes away. */
  if (self->workspace != NULL)
    {
      evk_narrative_editor_flush (self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->figures, evk_live_figures_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_NARRATIVE_EDITOR);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->part, g_free);
  g_clear_pointer (&self->keys, g_strfreev);
  g_clear_pointer (&self->names, g_strfreev);
  G_OBJECT_CLASS (evk_narrative_editor_parent_class)->dispose (object);
}

static void
evk_narrative_editor_class_init (EvkNarrativeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_narrative_editor_dispose;
  widget_class->unroot = evk_narrative_editor_unroot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-narrative-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkNarrativeEditor, group);
  gtk_widget_class_bind_template_child (widget_class, EvkNarrativeEditor, preview_button);
  gtk_widget_class_bind_template_callback (widget_class, preview_toggled);
}

static void
evk_narrative_editor_init (EvkNarrativeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
}

GtkWidget *
evk_narrative_editor_new (EvkWorkspace *workspace,
                          guint         number)
{
  EvkNarrativeEditor *self;

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (EVK_TYPE_NARRATIVE_EDITOR, NULL);
  self->workspace = g_object_ref (workspace);
  self->number = number;
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  build (self);
  return GTK_WIDGET (self);
}

GtkWidget *
evk_narrative_editor_new_for_chapter (EvkWorkspace       *workspace,
                                      const char         *part,
                                      const char * const *keys,
                                      const char * const *names)
{
  EvkNarrativeEditor *self;

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (part != NULL && keys != NULL && names != NULL, NULL);
  g_return_val_if_fail (g_strv_length ((GStrv) keys) == g_strv_length ((GStrv) names), NULL);

  self = g_object_new (EVK_TYPE_NARRATIVE_EDITOR, NULL);
  self->workspace = g_object_ref (workspace);
  self->part = g_strdup (part);
  self->keys = g_strdupv ((GStrv) keys);
  self->names = g_strdupv ((GStrv) names);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  build (self);
  return GTK_WIDGET (self);
}

void
evk_narrative_editor_set_preview (EvkNarrativeEditor *self,
                                  gboolean            preview)
{
  g_return_if_fail (EVK_IS_NARRATIVE_EDITOR (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->preview_button), preview);
}

gboolean
evk_narrative_editor_get_preview (EvkNarrativeEditor *self)
{
  g_return_val_if_fail (EVK_IS_NARRATIVE_EDITOR (self), FALSE);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->preview_button));
}

GtkTextView *
evk_narrative_editor_get_text_view (EvkNarrativeEditor *self,
                                    const char         *key,
                                    const char         *lang)
{
  Column *column = find_column (self, key, lang);

  return column != NULL ? GTK_TEXT_VIEW (column->view) : NULL;
}

GtkLabel *
evk_narrative_editor_get_state_label (EvkNarrativeEditor *self,
                                      const char         *key,
                                      const char         *lang)
{
  Column *column = find_column (self, key, lang);

  return column != NULL ? GTK_LABEL (column->state_label) : NULL;
}

GtkToggleButton *
evk_narrative_editor_get_preview_button (EvkNarrativeEditor *self)
{
  return GTK_TOGGLE_BUTTON (self->preview_button);
}

char *
evk_narrative_editor_get_preview_markup (EvkNarrativeEditor *self,
                                         const char         *key,
                                         const char         *lang)
{
  Column *column = find_column (self, key, lang);
  GString *out;

  if (column == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (column->preview); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (child)));
  return g_string_free (out, FALSE);
}
