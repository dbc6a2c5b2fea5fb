/* evk-report-page.c: the report: title page, outline, figures, and each chapter's text
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-chart-add-dialog.h"
#include "evk-comment-button.h"
#include "evk-localized.h"
#include "evk-narrative.h"
#include "evk-report-outline.h"
#include "evk-report-page.h"
#include "evk-report-texts.h"
#include "evk-window-private.h"
#include "evk-words.h"

/* A title-page field is saved this long after the last keystroke (and at
 * once when its entry loses the focus), as the narrative is. */
#define SAVE_DELAY_MS 500

typedef struct _TitleField TitleField;

struct _EvkReportPage
{
  GtkWidget            parent_instance;

  /* Template children */
  GtkWidget           *scrolled;
  GtkStack            *stack;
  AdwPreferencesGroup *title_group;
  AdwPreferencesGroup *outline_group;
  AdwPreferencesGroup *figures_group;
  AdwBin              *editor_bin;
  GtkWidget           *add_part_button;

  EvkWorkspace        *workspace;
  char                *part;          /* the chapter shown, or NULL: the outline */
  EvkOutline          *outline;       /* as the project has it */
  GPtrArray           *title_fields;  /* TitleField */
  GPtrArray           *outline_rows;  /* rows this page put into outline_group */
  GPtrArray           *figure_rows;   /* … and into figures_group */
  GHashTable          *expanded;      /* keys of the parts whose rows are open */
  GtkWidget           *new_chapter_row;
  GtkWidget           *editor;
  guint                reload_id;
  gboolean             building;      /* rows report their first state */
};

G_DEFINE_FINAL_TYPE (EvkReportPage, evk_report_page, GTK_TYPE_WIDGET)

/* One entry of the title page: a key, in one language for a text. */
struct _TitleField
{
  EvkReportPage      *self;
  char               *key;
  char               *lang;          /* NULL for a value ("Number", "Date") */
  GtkWidget          *row;
  GtkWidget          *expander;      /* the key's row over its languages, or NULL */
  GtkEventController *focus;
  char               *saved;         /* the value as the store has it */
  guint               save_id;
  gboolean            in_stay;       /* saved since the entry got the focus */
};

static void
title_field_free (TitleField *field)
{
  g_signal_handlers_disconnect_by_data (field->row, field);
  g_signal_handlers_disconnect_by_data (field->focus, field);
  g_clear_handle_id (&field->save_id, g_source_remove);
  g_free (field->key);
  g_free (field->lang);
  g_free (field->saved);
  g_free (field);
}

/* A review copy's report is the evaluator's: read and commented on. */
static gboolean
read_only (EvkReportPage *self)
{
  return evk_workspace_is_read_only (self->workspace);
}

static EvkProject *
get_project (EvkReportPage *self)
{
  return evk_workspace_get_project (self->workspace);
}

static GStrv
get_languages (EvkReportPage *self)
{
  return evk_workspace_get_strategy (self->workspace)->languages;
}

static void
toast (EvkReportPage *self,
       const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && EVK_IS_WINDOW (root))
    _evk_window_toast (EVK_WINDOW (root), message);
  else
    g_message ("%s", message);
}

/* ---- Names -------------------------------------------------------------- */

static const char *
kind_label (EvkPartKind kind)
{
  switch (kind)
    {
    case EVK_PART_CHAPTER:
      return _("Chapter");
    case EVK_PART_CONTENTS:
      return _("Table of contents");
    case EVK_PART_GOALS:
      return _("A chapter per goal, generated");
    case EVK_PART_METHOD:
      return _("Method tables, generated");
    case EVK_PART_STATUS:
      return _("Status summary, generated");
    case EVK_PART_DOCUMENTS:
      return _("Document review, generated");
    case EVK_PART_REFERENCES:
      return _("Reference list");
    case EVK_PART_ABBREVIATIONS:
      return _("Abbreviations, generated");
    case EVK_PART_QUESTIONNAIRE:
      return _("Questionnaire appendix, generated");
    case EVK_N_PART_KINDS:
    default:
      return "";
    }
}

static const char *
option_label (const char *option)
{
  static const struct { const char *option; const char *label; } labels[] = {
    { "MeasureTable", N_("Table of the goal’s measures") },
    { "MeasureSections", N_("A section per measure") },
    { "Charts", N_("The goal’s charts") },
    { "DataSources", N_("Data sources with N and response rate") },
    { "Representativity", N_("Sample against population") },
    { "Table", N_("Table") },
    { "Chart", N_("Chart") },
    { "Figure", N_("Figure") },
    { "Exclude", N_("Variables left out (patterns, separated by ;)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].option, option))
      return _(labels[i].label);
  return option;
}

static const char *
title_key_label (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "Title", N_("Title") },
    { "Subtitle", N_("Subtitle") },
    { "ShortTitle", N_("Short title for the running header") },
    { "Client", N_("Client") },
    { "Place", N_("Place") },
    { "Keywords", N_("Keywords, separated by ;") },
    { "Subject", N_("Subject") },
    { "Number", N_("Report number") },
    { "ISSN", N_("ISSN") },
    { "Date", N_("Date (YYYY-MM-DD)") },
    { "Authors", N_("Authors") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);
  return key;
}

static char *
part_title (EvkWorkspace   *workspace,
            EvkOutlinePart *part)
{
  const char *title = evk_workspace_tr (workspace, part->title);
  const char *word;

  if (title[0] != '\0')
    return g_strdup (title);
  /* A part without a title of its own prints the report's word for its
   * kind, in the report's language. */
  word = evk_outline_part_default_word (part);
  if (word != NULL && (title = evk_word ("Report", word, evk_workspace_get_language (workspace))) != NULL)
    return g_strdup (title);
  return g_strdup (kind_label (part->kind));
}

static char *
section_name (EvkWorkspace      *workspace,
              EvkOutlineSection *section)
{
  const char *title;

  if (!section->heading)
    return g_strdup (_("Opening text"));
  title = evk_workspace_tr (workspace, section->title);
  return g_strdup (title[0] != '\0' ? title : section->key);
}

char *
evk_report_page_part_title (EvkWorkspace *workspace,
                            const char   *key)
{
  g_autoptr(EvkOutline) outline = evk_report_outline_load (evk_workspace_get_project (workspace), NULL);
  EvkOutlinePart *part = outline != NULL ? evk_outline_find_part (outline, key) : NULL;

  return part != NULL ? part_title (workspace, part) : NULL;
}

static gboolean
has_sections (EvkOutlinePart *part)
{
  return part->kind == EVK_PART_CHAPTER || part->kind == EVK_PART_REFERENCES;
}

/* ---- The title page ------------------------------------------------------ */

static char *
title_field_get_text (TitleField *field)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row)));
}

/* A text key's row shows its value in the content language while closed. */
static void
update_expander (TitleField *field)
{
  if (field->expander == NULL ||
      g_strcmp0 (field->lang, evk_workspace_get_language (field->self->workspace)) != 0)
    return;
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (field->expander), field->saved);
}

/* One edit, one transaction; in a window on its undo stack, one edit per
 * stay in the entry. */
static void
title_field_save (TitleField *field)
{
  EvkReportPage *self = field->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean saved;

  g_clear_handle_id (&field->save_id, g_source_remove);
  text = title_field_get_text (field);
  if (g_strcmp0 (text, field->saved) == 0)
    return;
  if (root != NULL && EVK_IS_WINDOW (root))
    saved = _evk_window_set_report_text (EVK_WINDOW (root), field->key, field->lang, text, field->in_stay, &error);
  else
    saved = evk_report_text_put (get_project (self), field->key, field->lang, text, NULL, &error);
  if (!saved)
    {
      /* The text stays in the entry; the next edit tries again. */
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      gtk_widget_add_css_class (field->row, "error");
      toast (self, message);
      return;
    }
  gtk_widget_remove_css_class (field->row, "error");
  g_free (field->saved);
  field->saved = g_steal_pointer (&text);
  field->in_stay = TRUE;
  update_expander (field);
}

static gboolean
title_save_timeout (gpointer user_data)
{
  TitleField *field = user_data;

  field->save_id = 0;
  title_field_save (field);
  return G_SOURCE_REMOVE;
}

static void
title_changed (GtkEditable *editable,
               TitleField  *field)
{
  if (field->self->building)
    return;
  g_clear_handle_id (&field->save_id, g_source_remove);
  field->save_id = g_timeout_add (SAVE_DELAY_MS, title_save_timeout, field);
}

static void
title_focus_left (GtkEventControllerFocus *controller,
                  TitleField              *field)
{
  if (field->save_id != 0)
    title_field_save (field);
  field->in_stay = FALSE;
}

static GtkWidget *
title_row_new (EvkReportPage *self,
               const char    *key,
               const char    *lang,
               GtkWidget     *expander)
{
  TitleField *field = g_new0 (TitleField, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL, *title = NULL;

  field->self = self;
  field->key = g_strdup (key);
  field->lang = g_strdup (lang);
  field->expander = expander;
  value = evk_report_get_title_field (get_project (self), key, lang, &error);
  if (error != NULL)
    g_warning ("Could not read the title page's %s: %s", key, error->message);
  field->saved = value != NULL ? g_steal_pointer (&value) : g_strdup ("");

  field->row = adw_entry_row_new ();
  /* Translators: an entry's title, e.g. "Title (nb)" */
  title = lang != NULL ? g_strdup_printf (_("%s (%s)"), title_key_label (key), lang) : g_strdup (title_key_label (key));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field->row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (field->row), field->saved);
  gtk_editable_set_editable (GTK_EDITABLE (field->row), !read_only (self));
  g_signal_connect (field->row, "changed", G_CALLBACK (title_changed), field);
  field->focus = gtk_event_controller_focus_new ();
  g_signal_connect (field->focus, "leave", G_CALLBACK (title_focus_left), field);
  gtk_widget_add_controller (field->row, field->focus);
  g_ptr_array_add (self->title_fields, field);
  update_expander (field);
  return field->row;
}

static void
build_title_page (EvkReportPage *self)
{
  static const char * const main_texts[] = { "Title", "Subtitle", "ShortTitle", "Client", "Place", NULL };
  static const char * const pdf_texts[] = { "Keywords", "Subject", NULL };
  const char * const *values = evk_report_title_value_keys ();
  GStrv languages = get_languages (self);
  GtkWidget *details;

  /* A text is a row per key that opens on its languages, so that the
   * title page stays short enough to leave the outline in view. */
  self->building = TRUE;
  for (guint k = 0; main_texts[k] != NULL; k++)
    {
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title_key_label (main_texts[k]));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      for (guint l = 0; languages[l] != NULL; l++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  title_row_new (self, main_texts[k], languages[l], expander));
      adw_preferences_group_add (self->title_group, expander);
    }
  for (guint k = 0; values[k] != NULL; k++)
    adw_preferences_group_add (self->title_group, title_row_new (self, values[k], NULL, NULL));

  details = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (details), _("The PDF’s keywords and subject"));
  for (guint k = 0; pdf_texts[k] != NULL; k++)
    for (guint l = 0; languages[l] != NULL; l++)
      adw_expander_row_add_row (ADW_EXPANDER_ROW (details), title_row_new (self, pdf_texts[k], languages[l], NULL));
  adw_preferences_group_add (self->title_group, details);
  self->building = FALSE;
}

/* A title-page text changed in the store (undo, redo): an entry shows
 * what the store has unless the user is typing in it. */
static void
reload_title_page (EvkReportPage *self)
{
  for (guint i = 0; i < self->title_fields->len; i++)
    {
      TitleField *field = g_ptr_array_index (self->title_fields, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = evk_report_get_title_field (get_project (self), field->key, field->lang, &error);

      if (error != NULL || field->save_id != 0)
        continue;
      if (stored == NULL)
        stored = g_strdup ("");
      if (g_strcmp0 (stored, field->saved) == 0)
        continue;
      g_free (field->saved);
      field->saved = g_strdup (stored);
      self->building = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (field->row), stored);
      self->building = FALSE;
      field->in_stay = FALSE;
      update_expander (field);
    }
}

/* ---- Outline edits --------------------------------------------------------- */

/* Saves after (taken over) as the new outline, in one transaction and
 * on the window's undo stack; the project's "changed" rebuilds the page. */
static gboolean
commit (EvkReportPage *self,
        EvkOutline    *after,
        const char    *message)
{
  g_autoptr(EvkOutline) owned = after;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (root != NULL && EVK_IS_WINDOW (root))
    ok = _evk_window_update_outline (EVK_WINDOW (root), evk_outline_copy (self->outline), after, message, &error);
  else
    ok = evk_report_outline_update (get_project (self), after, &error);
  if (!ok)
    toast (self, error->message);
  return ok;
}

static gboolean
figures_placed_in (EvkReportPage *self,
                   const char    *part,
                   const char    *section)
{
  g_autofree char *prefix = g_strdup_printf ("%s:", part);
  g_autofree char *place = section != NULL ? g_strdup_printf ("%s:%s", part, section) : NULL;

  for (guint i = 0; i < self->outline->figures->len; i++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (self->outline->figures, i);

      if (place != NULL ? g_strcmp0 (figure->place, place) == 0 : g_str_has_prefix (figure->place, prefix))
        return TRUE;
    }
  return FALSE;
}

static guint
part_index (EvkOutline *outline,
            const char *key)
{
  for (guint i = 0; i < outline->parts->len; i++)
    if (g_str_equal (((EvkOutlinePart *) g_ptr_array_index (outline->parts, i))->key, key))
      return i;
  return G_MAXUINT;
}

static void
move_in_array (GPtrArray *array,
               guint      index,
               int        delta)
{
  guint to = index + delta;
  gpointer item;

  if (index >= array->len || to >= array->len)
    return;
  item = g_ptr_array_steal_index (array, index);
  g_ptr_array_insert (array, to, item);
}

static void
set_all_languages (EvkReportPage *self,
                   GHashTable    *localized,
                   const char    *text)
{
  GStrv languages = get_languages (self);

  /* A localized key has a value in every language or in none: the
   * translations start as the text typed, to be translated in place. */
  for (guint l = 0; languages[l] != NULL; l++)
    g_hash_table_insert (localized, g_strdup (languages[l]), g_strdup (text));
}

static void
add_part_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EvkReportPage *self = EVK_REPORT_PAGE (widget);
  EvkOutline *after;
  EvkOutlinePart *part;
  EvkPartKind kind;
  g_autofree char *key = NULL;

  if (!evk_part_kind_from_string (g_variant_get_string (parameter, NULL), &kind) || self->outline == NULL)
    return;
  after = evk_outline_copy (self->outline);
  key = evk_outline_new_part_key (after, evk_part_kind_to_string (kind));
  part = evk_outline_part_new (key, kind);
  part->numbered = kind == EVK_PART_GOALS || kind == EVK_PART_METHOD || kind == EVK_PART_STATUS ||
                   kind == EVK_PART_DOCUMENTS;
  if (kind == EVK_PART_REFERENCES)
    g_ptr_array_add (part->sections, evk_outline_section_new ("text"));
  for (guint i = 0; i < part->sections->len; i++)
    ((EvkOutlineSection *) g_ptr_array_index (part->sections, i))->heading = FALSE;
  g_ptr_array_add (after->parts, part);
  g_hash_table_add (self->expanded, g_strdup (key));
  commit (self, after, _("Part added"));
}

/* A chapter goes before the appendices (references, abbreviations, the
 * questionnaire), where new text usually belongs. */
static void
new_chapter_applied (AdwEntryRow   *row,
                     EvkReportPage *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  EvkOutline *after;
  EvkOutlinePart *part;
  EvkOutlineSection *section;
  g_autofree char *key = NULL;
  guint at;

  if (title[0] == '\0' || self->outline == NULL)
    return;
  after = evk_outline_copy (self->outline);
  key = evk_outline_new_part_key (after, "chapter");
  part = evk_outline_part_new (key, EVK_PART_CHAPTER);
  part->numbered = TRUE;
  set_all_languages (self, part->title, title);
  section = evk_outline_section_new ("text");
  section->heading = FALSE;
  g_ptr_array_add (part->sections, section);
  for (at = 0; at < after->parts->len; at++)
    {
      EvkPartKind kind = ((EvkOutlinePart *) g_ptr_array_index (after->parts, at))->kind;

      if (kind == EVK_PART_REFERENCES || kind == EVK_PART_ABBREVIATIONS || kind == EVK_PART_QUESTIONNAIRE)
        break;
    }
  g_ptr_array_insert (after->parts, at, part);
  g_hash_table_add (self->expanded, g_strdup (key));
  commit (self, after, _("Chapter added"));
}

static void
move_part_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvkReportPage *self = EVK_REPORT_PAGE (widget);
  EvkOutline *after;
  const char *key;
  gint32 delta;

  g_variant_get (parameter, "(&si)", &key, &delta);
  after = evk_outline_copy (self->outline);
  move_in_array (after->parts, part_index (after, key), delta);
  commit (self, after, _("Part moved"));
}

static void
remove_part_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EvkReportPage *self = EVK_REPORT_PAGE (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  EvkOutline *after;
  guint index;

  /* A figure must have a place: it is moved first, not lost. */
  if (figures_placed_in (self, key, NULL))
    {
      toast (self, _("Figures are placed in this part: give them another place first"));
      return;
    }
  after = evk_outline_copy (self->outline);
  index = part_index (after, key);
  if (index == G_MAXUINT)
    {
      evk_outline_free (after);
      return;
    }
  g_ptr_array_remove_index (after->parts, index);
  commit (self, after, _("Part removed"));
}

static void
move_section_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvkReportPage *self = EVK_REPORT_PAGE (widget);
  EvkOutline *after = evk_outline_copy (self->outline);
  EvkOutlinePart *part;
  const char *key, *section;
  gint32 delta;

  g_variant_get (parameter, "(&s&si)", &key, &section, &delta);
  part = evk_outline_find_part (after, key);
  if (part == NULL)
    {
      evk_outline_free (after);
      return;
    }
  for (guint i = 0; i < part->sections->len; i++)
    if (g_str_equal (((EvkOutlineSection *) g_ptr_array_index (part->sections, i))->key, section))
      {
        move_in_array (part->sections, i, delta);
        break;
      }
  commit (self, after, _("Section moved"));
}

static void
remove_section_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EvkReportPage *self = EVK_REPORT_PAGE (widget);
  EvkOutline *after;
  EvkOutlinePart *part;
  const char *key, *section;

  g_variant_get (parameter, "(&s&s)", &key, &section);
  if (figures_placed_in (self, key, section))
    {
      toast (self, _("Figures are placed in this section: give them another place first"));
      return;
    }
  after = evk_outline_copy (self->outline);
  part = evk_outline_find_part (after, key);
  for (guint i = 0; part != NULL && i < part->sections->len; i++)
    if (g_str_equal (((EvkOutlineSection *) g_ptr_array_index (part->sections, i))->key, section))
      {
        g_ptr_array_remove_index (part->sections, i);
        break;
      }
  commit (self, after, _("Section removed"));
}

static void
new_section_applied (AdwEntryRow   *row,
                     EvkReportPage *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  EvkOutline *after;
  EvkOutlinePart *part;
  EvkOutlineSection *section;
  g_autofree char *key = NULL;

  if (title[0] == '\0')
    return;
  after = evk_outline_copy (self->outline);
  part = evk_outline_find_part (after, g_object_get_data (G_OBJECT (row), "part"));
  if (part == NULL)
    {
      evk_outline_free (after);
      return;
    }
  key = evk_outline_new_section_key (part, "section");
  section = evk_outline_section_new (key);
  section->heading = TRUE;
  set_all_languages (self, section->title, title);
  g_ptr_array_add (part->sections, section);
  commit (self, after, _("Section added"));
}

/* A part's or a section's title in one language. */
static void
title_applied (AdwEntryRow   *row,
               EvkReportPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  const char *lang = g_object_get_data (G_OBJECT (row), "lang");
  const char *section_key = g_object_get_data (G_OBJECT (row), "section");
  EvkOutline *after = evk_outline_copy (self->outline);
  EvkOutlinePart *part = evk_outline_find_part (after, g_object_get_data (G_OBJECT (row), "part"));
  EvkOutlineSection *section = part != NULL && section_key != NULL ? evk_outline_find_section (part, section_key) : NULL;
  GHashTable *title = section != NULL ? section->title : part != NULL ? part->title : NULL;

  if (title == NULL)
    {
      evk_outline_free (after);
      return;
    }
  if (text[0] == '\0')
    g_hash_table_remove (title, lang);
  else
    g_hash_table_insert (title, g_strdup (lang), g_steal_pointer (&text));
  commit (self, after, _("Title saved"));
}

static void
switch_toggled (GtkSwitch     *toggle,
                GParamSpec    *pspec,
                EvkReportPage *self)
{
  const char *option = g_object_get_data (G_OBJECT (toggle), "option");
  gboolean active = gtk_switch_get_active (toggle);
  EvkOutline *after;
  EvkOutlinePart *part;

  if (self->building)
    return;
  after = evk_outline_copy (self->outline);
  part = evk_outline_find_part (after, g_object_get_data (G_OBJECT (toggle), "part"));
  if (part == NULL)
    {
      evk_outline_free (after);
      return;
    }
  if (option == NULL)
    part->numbered = active;
  else
    g_hash_table_insert (part->options, g_strdup (option), g_strdup (active ? "true" : "false"));
  commit (self, after, _("Part changed"));
}

static void
option_applied (AdwEntryRow   *row,
                EvkReportPage *self)
{
  EvkOutline *after = evk_outline_copy (self->outline);
  EvkOutlinePart *part = evk_outline_find_part (after, g_object_get_data (G_OBJECT (row), "part"));

  if (part == NULL)
    {
      evk_outline_free (after);
      return;
    }
  g_hash_table_insert (part->options, g_strdup (g_object_get_data (G_OBJECT (row), "option")),
                       g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)))));
  commit (self, after, _("Part changed"));
}

static void
place_selected (AdwComboRow   *row,
                GParamSpec    *pspec,
                EvkReportPage *self)
{
  GStrv places = g_object_get_data (G_OBJECT (row), "places");
  guint selected = adw_combo_row_get_selected (row);
  EvkOutline *after;

  if (self->building || read_only (self) || selected >= g_strv_length (places))
    return;
  after = evk_outline_copy (self->outline);
  for (guint i = 0; i < after->figures->len; i++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (after->figures, i);

      if (g_str_equal (figure->key, g_object_get_data (G_OBJECT (row), "figure")))
        {
          g_free (figure->place);
          figure->place = g_strdup (places[selected]);
        }
    }
  commit (self, after, _("Figure moved"));
}

/* ---- A chart added as a figure of a chapter ------------------------------ */

typedef struct {
  EvkReportPage *self;
  char          *part;
} FigureTarget;

static void
figure_target_free (FigureTarget *target)
{
  g_object_unref (target->self);
  g_free (target->part);
  g_free (target);
}

/* A figure key no figure or part has yet ("figure-3"): figures, parts
 * and sections are cross-referenced by key alike. */
static char *
new_figure_key (EvkOutline *outline)
{
  for (guint n = outline->figures->len + 1;; n++)
    {
      g_autofree char *key = g_strdup_printf ("figure-%u", n);
      gboolean used = evk_outline_find_part (outline, key) != NULL;

      for (guint f = 0; f < outline->figures->len && !used; f++)
        used = g_str_equal (((EvkOutlineFigure *) g_ptr_array_index (outline->figures, f))->key, key);
      for (guint p = 0; p < outline->parts->len && !used; p++)
        used = evk_outline_find_section (g_ptr_array_index (outline->parts, p), key) != NULL;
      if (!used)
        return g_steal_pointer (&key);
    }
}

/* The dialog's Add for a chapter: the chart becomes one of the report's
 * figures (stored as every figure is, in the outline), placed after the
 * chapter's last section; Undo takes the outline back. */
static char *
add_figure_from_dialog (gpointer       user_data,
                        EvkChartKind   kind,
                        const char    *spec,
                        guint          measure,
                        const char    *goal,
                        GHashTable    *caption,
                        GError       **error)
{
  FigureTarget *target = user_data;
  EvkReportPage *self = target->self;
  g_autoptr(EvkOutline) after = NULL;
  EvkOutlinePart *part;
  EvkOutlineFigure *figure;
  EvkOutlineSection *last;
  GHashTableIter iter;
  gpointer lang, text;
  const char *tables[] = { spec, NULL };
  char *key;

  if (self->outline == NULL || read_only (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("The report cannot be changed here"));
      return NULL;
    }
  after = evk_outline_copy (self->outline);
  part = evk_outline_find_part (after, target->part);
  if (part == NULL || part->sections->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The chapter “%s” has no section a figure could follow"), target->part);
      return NULL;
    }
  last = g_ptr_array_index (part->sections, part->sections->len - 1);
  key = new_figure_key (after);
  figure = g_new0 (EvkOutlineFigure, 1);
  figure->key = g_strdup (key);
  figure->kind = kind;
  figure->tables = g_strdupv ((char **) tables);
  figure->place = g_strdup_printf ("%s:%s", part->key, last->key);
  figure->caption = evk_localized_new ();
  g_hash_table_iter_init (&iter, caption);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    g_hash_table_insert (figure->caption, g_strdup (lang), g_strdup (text));
  /* One table, drawn for the group its words name: no series names. */
  figure->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_ptr_array_add (figure->groups, evk_localized_new ());
  g_ptr_array_add (after->figures, figure);
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    gboolean ok;

    if (root != NULL && EVK_IS_WINDOW (root))
      ok = _evk_window_update_outline (EVK_WINDOW (root), evk_outline_copy (self->outline), after,
                                       _("Figure added"), error);
    else
      ok = evk_report_outline_update (get_project (self), after, error);
    if (!ok)
      {
        g_free (key);
        return NULL;
      }
  }
  return key;
}

static GtkWidget *
open_add_figure (EvkReportPage *self,
                 const char    *part)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  FigureTarget *target;
  EvkChartAddDialog *dialog;

  if (self->outline == NULL || read_only (self))
    return NULL;
  target = g_new0 (FigureTarget, 1);
  target->self = g_object_ref (self);
  target->part = g_strdup (part);
  /* No measure or goal: the dialog offers all the survey can draw. */
  dialog = evk_chart_add_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->workspace, 0, NULL,
                                     add_figure_from_dialog, target);
  g_object_set_data_full (G_OBJECT (dialog), "figure-target", target, (GDestroyNotify) figure_target_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
add_figure_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_add_figure (EVK_REPORT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* ---- Building the outline ------------------------------------------------ */

static GtkWidget *
action_button (const char *icon,
               const char *tooltip,
               const char *action,
               GVariant   *target,
               gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* An action would make the button sensitive again: a move past either
   * end gets none. */
  if (sensitive)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
    }
  else
    {
      g_variant_unref (g_variant_ref_sink (target));
      gtk_widget_set_sensitive (button, FALSE);
    }
  return button;
}

static void
add_title_rows (EvkReportPage *self,
                GtkWidget     *expander,
                const char    *label,
                const char    *part,
                const char    *section,
                GHashTable    *localized)
{
  GStrv languages = get_languages (self);

  for (guint l = 0; languages[l] != NULL; l++)
    {
      GtkWidget *row = adw_entry_row_new ();
      const char *text = evk_localized_get (localized, languages[l]);
      /* Translators: an entry's title, e.g. "Title (nb)" */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), label, languages[l]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      gtk_editable_set_editable (GTK_EDITABLE (row), !read_only (self));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "part", g_strdup (part), g_free);
      g_object_set_data_full (G_OBJECT (row), "section", g_strdup (section), g_free);
      g_object_set_data_full (G_OBJECT (row), "lang", g_strdup (languages[l]), g_free);
      g_signal_connect (row, "apply", G_CALLBACK (title_applied), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

static GtkWidget *
switch_row (EvkReportPage *self,
            const char    *title,
            const char    *part,
            const char    *option,
            gboolean       active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_sensitive (toggle, !read_only (self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data_full (G_OBJECT (toggle), "part", g_strdup (part), g_free);
  g_object_set_data_full (G_OBJECT (toggle), "option", g_strdup (option), g_free);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (switch_toggled), self);
  return row;
}

static GtkWidget *
section_row (EvkReportPage     *self,
             EvkOutlinePart    *part,
             EvkOutlineSection *section,
             guint              index)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *name = section_name (self->workspace, section);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 section->heading ? _("Section") : _("Printed without a heading, before the sections"));
  /* Each action goes before those added earlier. */
  if (!read_only (self))
    {
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   action_button ("user-trash-symbolic", _("Remove Section"), "report.remove-section",
                                                  g_variant_new ("(ss)", part->key, section->key), TRUE));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   action_button ("go-down-symbolic", _("Move Down"), "report.move-section",
                                                  g_variant_new ("(ssi)", part->key, section->key, 1),
                                                  index + 1 < part->sections->len));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   action_button ("go-up-symbolic", _("Move Up"), "report.move-section",
                                                  g_variant_new ("(ssi)", part->key, section->key, -1), index > 0));
    }
  if (section->heading)
    add_title_rows (self, row, _("Heading"), part->key, section->key, section->title);
  else
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
  return row;
}

static GtkWidget *
part_row (EvkReportPage  *self,
          EvkOutlinePart *part,
          guint           index,
          guint           number)
{
  GtkWidget *row = adw_expander_row_new ();
  const char * const *options = evk_part_kind_options (part->kind);
  g_autofree char *title = part_title (self->workspace, part);
  g_autofree char *shown = NULL, *subtitle = NULL;

  /* The number the part will have, as the reader sees it. */
  shown = number > 0 ? g_strdup_printf ("%u. %s", number, title) : g_strdup (title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  subtitle = has_sections (part)
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u section", "%s, %u sections",
                                             part->sections->len),
                                kind_label (part->kind), part->sections->len)
             : g_strdup (kind_label (part->kind));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "part", g_strdup (part->key), g_free);

  /* Each action goes before those added earlier. */
  if (!read_only (self))
    {
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   action_button ("user-trash-symbolic", _("Remove Part"), "report.remove-part",
                                                  g_variant_new_string (part->key), TRUE));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   action_button ("go-down-symbolic", _("Move Down"), "report.move-part",
                                                  g_variant_new ("(si)", part->key, 1),
                                                  index + 1 < self->outline->parts->len));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   action_button ("go-up-symbolic", _("Move Up"), "report.move-part",
                                                  g_variant_new ("(si)", part->key, -1), index > 0));
    }
  {
    g_autofree char *place = g_strdup_printf ("part:%s", part->key);

    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), evk_comment_button_new (self->workspace, place));
  }

  if (has_sections (part))
    {
      GtkWidget *write = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (read_only (self) ? _("_Read") : _("_Write"));
      g_autofree char *page = g_strdup_printf ("report:%s", part->key);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (write), _("Text"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (write),
                                   _("Every section side by side in each language, with a preview"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", page);
      adw_action_row_add_suffix (ADW_ACTION_ROW (write), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (write), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), write);
    }
  /* A chart of the survey as a figure after the chapter's text. */
  if (part->kind == EVK_PART_CHAPTER && part->sections->len > 0 && !read_only (self))
    {
      GtkWidget *chart = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Chart…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (chart), _("Figure"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (chart),
                                   _("A chart with its caption, after the chapter’s last section"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "report.add-figure");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", part->key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (chart), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (chart), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), chart);
    }
  add_title_rows (self, row, _("Title"), part->key, NULL, part->title);
  if (part->kind != EVK_PART_CONTENTS)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              switch_row (self, _("Numbered"), part->key, NULL, part->numbered));
  for (guint o = 0; options[o] != NULL; o++)
    {
      if (part->kind == EVK_PART_QUESTIONNAIRE)
        {
          GtkWidget *entry = adw_entry_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), option_label (options[o]));
          gtk_editable_set_text (GTK_EDITABLE (entry), evk_outline_part_option (part, options[o]));
          gtk_editable_set_editable (GTK_EDITABLE (entry), !read_only (self));
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
          g_object_set_data_full (G_OBJECT (entry), "part", g_strdup (part->key), g_free);
          g_object_set_data_full (G_OBJECT (entry), "option", g_strdup (options[o]), g_free);
          g_signal_connect (entry, "apply", G_CALLBACK (option_applied), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
        }
      else
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  switch_row (self, option_label (options[o]), part->key, options[o],
                                              evk_outline_part_flag (part, options[o])));
    }
  if (has_sections (part))
    {
      GtkWidget *add = adw_entry_row_new ();

      for (guint s = 0; s < part->sections->len; s++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  section_row (self, part, g_ptr_array_index (part->sections, s), s));
      gtk_widget_set_visible (add, !read_only (self));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("New section: its heading"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
      g_object_set_data_full (G_OBJECT (add), "part", g_strdup (part->key), g_free);
      g_signal_connect (add, "apply", G_CALLBACK (new_section_applied), self);
      g_signal_connect (add, "entry-activated", G_CALLBACK (new_section_applied), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add);
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, part->key));
  return row;
}

static GtkWidget *
figure_row (EvkReportPage    *self,
            EvkOutlineFigure *figure)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) places = g_strv_builder_new ();
  const char *caption = evk_workspace_tr (self->workspace, figure->caption);
  guint selected = GTK_INVALID_LIST_POSITION, n = 0;

  /* Every section of every part that has sections is a place. */
  for (guint p = 0; p < self->outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (self->outline->parts, p);
      g_autofree char *title = part_title (self->workspace, part);

      for (guint s = 0; s < part->sections->len; s++)
        {
          EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
          g_autofree char *place = g_strdup_printf ("%s:%s", part->key, section->key);
          g_autofree char *name = section_name (self->workspace, section);
          g_autofree char *label = g_strdup_printf ("%s › %s", title, name);

          if (g_strcmp0 (place, figure->place) == 0)
            selected = n;
          gtk_string_list_append (labels, label);
          g_strv_builder_add (places, place);
          n++;
        }
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      /* A place the outline no longer has stays visible until moved. */
      gtk_string_list_append (labels, figure->place);
      g_strv_builder_add (places, figure->place);
      selected = n;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), caption[0] != '\0' ? caption : figure->key);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Follows the text of"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  {
    g_autofree char *comment_place = g_strdup_printf ("figure:%s", figure->key);

    adw_action_row_add_suffix (ADW_ACTION_ROW (row), evk_comment_button_new (self->workspace, comment_place));
  }
  /* After the model, which makes the row activatable again; the row
   * stays sensitive for its comment button. */
  if (read_only (self))
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "places", g_strv_builder_end (places), (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (row), "figure", g_strdup (figure->key), g_free);
  g_signal_connect (row, "notify::selected", G_CALLBACK (place_selected), self);
  return row;
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
update_actions (EvkReportPage *self)
{
  gboolean has_outline = self->outline != NULL && !read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.add-part", has_outline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.move-part", has_outline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.remove-part", has_outline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.move-section", has_outline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.remove-section", has_outline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.add-figure", has_outline);
}

static void
build_outline (EvkReportPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  double scroll = gtk_adjustment_get_value (adjustment);
  guint number = 0;

  /* Rows the user opened stay open across a rebuild. */
  for (guint i = 0; i < self->outline_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->outline_rows, i);
      const char *key = g_object_get_data (G_OBJECT (row), "part");

      if (key != NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (self->expanded, g_strdup (key));
      else if (key != NULL)
        g_hash_table_remove (self->expanded, key);
    }
  remove_rows (self->outline_group, self->outline_rows);
  remove_rows (self->figures_group, self->figure_rows);
  self->new_chapter_row = NULL;
  update_actions (self);
  if (self->outline == NULL)
    return;

  self->building = TRUE;
  for (guint p = 0; p < self->outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (self->outline->parts, p);
      GtkWidget *row;

      /* Goal chapters may take a number each; the page cannot know how
       * many print, so numbers stop at the first such part. */
      if (part->kind == EVK_PART_GOALS)
        number = G_MAXUINT;
      else if (number != G_MAXUINT && part->numbered && part->kind != EVK_PART_CONTENTS)
        number++;
      row = part_row (self, part, p, number != G_MAXUINT && part->numbered ? number : 0);
      adw_preferences_group_add (self->outline_group, row);
      g_ptr_array_add (self->outline_rows, row);
    }
  gtk_widget_set_visible (self->add_part_button, !read_only (self));
  self->new_chapter_row = adw_entry_row_new ();
  gtk_widget_set_visible (self->new_chapter_row, !read_only (self));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_chapter_row), _("New chapter: its title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->new_chapter_row), TRUE);
  g_signal_connect (self->new_chapter_row, "apply", G_CALLBACK (new_chapter_applied), self);
  g_signal_connect (self->new_chapter_row, "entry-activated", G_CALLBACK (new_chapter_applied), self);
  adw_preferences_group_add (self->outline_group, self->new_chapter_row);
  g_ptr_array_add (self->outline_rows, self->new_chapter_row);

  for (guint f = 0; f < self->outline->figures->len; f++)
    {
      GtkWidget *row = figure_row (self, g_ptr_array_index (self->outline->figures, f));

      adw_preferences_group_add (self->figures_group, row);
      g_ptr_array_add (self->figure_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->figures_group), self->outline->figures->len > 0);
  self->building = FALSE;
  gtk_adjustment_set_value (adjustment, scroll);
}

/* ---- A chapter's text ---------------------------------------------------- */

static void
build_chapter (EvkReportPage *self)
{
  EvkOutlinePart *part = self->outline != NULL ? evk_outline_find_part (self->outline, self->part) : NULL;
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) key_list = NULL, name_list = NULL;

  if (self->editor != NULL)
    evk_narrative_editor_flush (EVK_NARRATIVE_EDITOR (self->editor));
  self->editor = NULL;
  if (part == NULL || part->sections->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status),
                                 part == NULL ? _("This part is no longer in the outline")
                                              : _("This part has no sections yet"));
      adw_bin_set_child (self->editor_bin, status);
      return;
    }
  for (guint s = 0; s < part->sections->len; s++)
    {
      EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
      g_autofree char *name = section_name (self->workspace, section);

      g_strv_builder_add (keys, section->key);
      g_strv_builder_add (names, name);
    }
  key_list = g_strv_builder_end (keys);
  name_list = g_strv_builder_end (names);
  self->editor = evk_narrative_editor_new_for_chapter (self->workspace, part->key,
                                                       (const char * const *) key_list,
                                                       (const char * const *) name_list);
  adw_bin_set_child (self->editor_bin, self->editor);
}

/* ---- Following the project ----------------------------------------------- */

static void
reload (EvkReportPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->outline, evk_outline_free);
  self->outline = evk_report_outline_load (get_project (self), &error);
  if (self->outline == NULL)
    toast (self, error->message);
  if (self->part != NULL)
    build_chapter (self);
  else
    build_outline (self);
}

static gboolean
reload_idle (gpointer user_data)
{
  EvkReportPage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
workspace_changed (EvkWorkspace  *workspace,
                   const char    *what,
                   EvkReportPage *self)
{
  if (g_strcmp0 (what, "texts") == 0)
    {
      if (self->part == NULL)
        reload_title_page (self);
      return;
    }
  /* The outline, and the goals and charts its titles may come from. */
  /* Rebuilt from the main loop: the change may come from a row of this
   * page (a switch, a drop-down) still in its signal handler. */
  if ((g_strcmp0 (what, "report") == 0 || g_strcmp0 (what, "strategy") == 0 ||
       g_strcmp0 (what, "external") == 0) && self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

static void
language_changed (EvkWorkspace  *workspace,
                  GParamSpec    *pspec,
                  EvkReportPage *self)
{
  /* Titles and captions follow the content language; the chapter's
   * editor shows every language already. */
  if (self->part != NULL)
    return;
  for (guint i = 0; i < self->title_fields->len; i++)
    update_expander (g_ptr_array_index (self->title_fields, i));
  build_outline (self);
}

void
evk_report_page_flush (EvkReportPage *self)
{
  g_return_if_fail (EVK_IS_REPORT_PAGE (self));

  for (guint i = 0; self->title_fields != NULL && i < self->title_fields->len; i++)
    {
      TitleField *field = g_ptr_array_index (self->title_fields, i);

      if (field->save_id != 0)
        title_field_save (field);
    }
  if (self->editor != NULL)
    evk_narrative_editor_flush (EVK_NARRATIVE_EDITOR (self->editor));
}

/* Saved while the page is still in its window, so that the save goes on
 * the window's undo stack. */
static void
evk_report_page_unroot (GtkWidget *widget)
{
  evk_report_page_flush (EVK_REPORT_PAGE (widget));
  GTK_WIDGET_CLASS (evk_report_page_parent_class)->unroot (widget);
}

static void
evk_report_page_dispose (GObject *object)
{
  EvkReportPage *self = EVK_REPORT_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->workspace != NULL)
    {
      evk_report_page_flush (self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_clear_pointer (&self->title_fields, g_ptr_array_unref);
  g_clear_pointer (&self->outline_rows, g_ptr_array_unref);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);
  self->editor = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_REPORT_PAGE);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->outline, evk_outline_free);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->part, g_free);
  G_OBJECT_CLASS (evk_report_page_parent_class)->dispose (object);
}

static void
evk_report_page_class_init (EvkReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_report_page_dispose;
  widget_class->unroot = evk_report_page_unroot;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkReportPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkReportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EvkReportPage, title_group);
  gtk_widget_class_bind_template_child (widget_class, EvkReportPage, outline_group);
  gtk_widget_class_bind_template_child (widget_class, EvkReportPage, figures_group);
  gtk_widget_class_bind_template_child (widget_class, EvkReportPage, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, EvkReportPage, add_part_button);
  gtk_widget_class_install_action (widget_class, "report.add-part", "s", add_part_activated);
  gtk_widget_class_install_action (widget_class, "report.move-part", "(si)", move_part_activated);
  gtk_widget_class_install_action (widget_class, "report.remove-part", "s", remove_part_activated);
  gtk_widget_class_install_action (widget_class, "report.move-section", "(ssi)", move_section_activated);
  gtk_widget_class_install_action (widget_class, "report.remove-section", "(ss)", remove_section_activated);
  gtk_widget_class_install_action (widget_class, "report.add-figure", "s", add_figure_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
evk_report_page_init (EvkReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->title_fields = g_ptr_array_new_with_free_func ((GDestroyNotify) title_field_free);
  self->outline_rows = g_ptr_array_new ();
  self->figure_rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
evk_report_page_new (EvkWorkspace *workspace,
                     const char   *part)
{
  EvkReportPage *self;

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (EVK_TYPE_REPORT_PAGE, NULL);
  self->workspace = g_object_ref (workspace);
  self->part = g_strdup (part);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  gtk_stack_set_visible_child_name (self->stack, part != NULL ? "chapter" : "outline");
  if (part == NULL)
    build_title_page (self);
  reload (self);
  return GTK_WIDGET (self);
}

EvkNarrativeEditor *
evk_report_page_get_editor (EvkReportPage *self)
{
  g_return_val_if_fail (EVK_IS_REPORT_PAGE (self), NULL);

  return self->editor != NULL ? EVK_NARRATIVE_EDITOR (self->editor) : NULL;
}

AdwEntryRow *
evk_report_page_get_title_row (EvkReportPage *self,
                               const char    *key,
                               const char    *lang)
{
  g_return_val_if_fail (EVK_IS_REPORT_PAGE (self), NULL);

  for (guint i = 0; i < self->title_fields->len; i++)
    {
      TitleField *field = g_ptr_array_index (self->title_fields, i);

      if (g_str_equal (field->key, key) && (field->lang == NULL || g_strcmp0 (field->lang, lang) == 0))
        return ADW_ENTRY_ROW (field->row);
    }
  return NULL;
}

AdwExpanderRow *
evk_report_page_get_part_row (EvkReportPage *self,
                              const char    *part)
{
  g_return_val_if_fail (EVK_IS_REPORT_PAGE (self), NULL);

  for (guint i = 0; i < self->outline_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->outline_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "part"), part) == 0 && ADW_IS_EXPANDER_ROW (row))
        return ADW_EXPANDER_ROW (row);
    }
  return NULL;
}

AdwEntryRow *
evk_report_page_get_new_chapter_row (EvkReportPage *self)
{
  g_return_val_if_fail (EVK_IS_REPORT_PAGE (self), NULL);

  return self->new_chapter_row != NULL ? ADW_ENTRY_ROW (self->new_chapter_row) : NULL;
}

AdwComboRow *
evk_report_page_get_figure_row (EvkReportPage *self,
                                const char    *figure)
{
  g_return_val_if_fail (EVK_IS_REPORT_PAGE (self), NULL);

  for (guint i = 0; i < self->figure_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->figure_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "figure"), figure) == 0)
        return ADW_COMBO_ROW (row);
    }
  return NULL;
}
