/* evk-report-outline.c: the report's outline, title page and figures as project data
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-narrative.h"
#include "evk-report.h"
#include "evk-report-outline.h"
#include "evk-report-settings.h"
#include "evk-store-texts.h"

/* The outline is three tables (002-report-outline.sql); every word of it
 * the reader sees is a project text, so a translator finds the chapter
 * titles and captions with every other string:
 *   outline:PART:title, outline:PART:SECTION:title,
 *   report:figure:KEY:caption, report:figure:KEY:group:N,
 *   report:TITLEFIELD (title page texts), and project_meta report.KEY
 *   for the title page's values. */

static const char * const kind_names[EVK_N_PART_KINDS] = {
  [EVK_PART_CHAPTER] = "chapter",
  [EVK_PART_CONTENTS] = "contents",
  [EVK_PART_GOALS] = "goals",
  [EVK_PART_METHOD] = "method",
  [EVK_PART_STATUS] = "status",
  [EVK_PART_DOCUMENTS] = "documents",
  [EVK_PART_REFERENCES] = "references",
  [EVK_PART_ABBREVIATIONS] = "abbreviations",
  [EVK_PART_QUESTIONNAIRE] = "questionnaire",
};

/* Options and their defaults, "Name=default". */
static const char * const goals_options[] = { "MeasureTable", "MeasureSections", "Charts", NULL };
static const char * const method_options[] = { "DataSources", "Representativity", NULL };
static const char * const status_options[] = { "Table", "Chart", NULL };
static const char * const documents_options[] = { "Figure", "Table", NULL };
static const char * const questionnaire_options[] = { "Exclude", NULL };
static const char * const no_options[] = { NULL };

static const char * const includes[] = {
  "data-sources", "representativity", "measures-overview", "type-counts", "status-table", NULL
};

static const char * const title_text_keys[] = {
  "Title", "Subtitle", "ShortTitle", "Client", "Place", "Keywords", "Subject", NULL
};
static const char * const title_value_keys[] = { "Number", "ISSN", "Date", "Authors", NULL };

const char *
evk_part_kind_to_string (EvkPartKind kind)
{
  g_return_val_if_fail (kind < EVK_N_PART_KINDS, NULL);
  return kind_names[kind];
}

gboolean
evk_part_kind_from_string (const char  *name,
                           EvkPartKind *kind)
{
  for (guint k = 0; k < EVK_N_PART_KINDS; k++)
    if (g_strcmp0 (name, kind_names[k]) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

const char * const *
evk_part_kind_options (EvkPartKind kind)
{
  switch (kind)
    {
    case EVK_PART_GOALS:
      return goals_options;
    case EVK_PART_METHOD:
      return method_options;
    case EVK_PART_STATUS:
      return status_options;
    case EVK_PART_DOCUMENTS:
      return documents_options;
    case EVK_PART_QUESTIONNAIRE:
      return questionnaire_options;
    default:
      return no_options;
    }
}

const char *
evk_part_kind_option_default (EvkPartKind  kind,
                              const char  *option)
{
  /* Every option is a switch that is on, but the questionnaire's list of
   * variables it leaves out. */
  if (kind == EVK_PART_QUESTIONNAIRE)
    return "";
  return "true";
}

const char * const *
evk_outline_includes (void)
{
  return includes;
}

const char * const *
evk_report_title_text_keys (void)
{
  return title_text_keys;
}

const char * const *
evk_report_title_value_keys (void)
{
  return title_value_keys;
}

const char *
evk_outline_part_default_word (EvkOutlinePart *part)
{
  /* The parts a new project starts with are named by the report's own
   * words; a chapter the evaluator adds has a title of its own. */
  static const struct { const char *key; const char *word; } chapters[] = {
    { "foreword", "Foreword" },
    { "summary", "Summary" },
    { "introduction", "ChapterIntroduction" },
    { "recommendations", "ChapterRecommendations" },
  };

  switch (part->kind)
    {
    case EVK_PART_CHAPTER:
      for (guint i = 0; i < G_N_ELEMENTS (chapters); i++)
        if (g_str_equal (part->key, chapters[i].key))
          return chapters[i].word;
      return NULL;
    case EVK_PART_CONTENTS:
      return "Contents";
    case EVK_PART_GOALS:
      return "Goals";
    case EVK_PART_METHOD:
      return "ChapterMethod";
    case EVK_PART_STATUS:
      return "ChapterResults";
    case EVK_PART_DOCUMENTS:
      return "ChapterDocuments";
    case EVK_PART_REFERENCES:
      return "References";
    case EVK_PART_ABBREVIATIONS:
      return "Abbreviations";
    case EVK_PART_QUESTIONNAIRE:
      return "AppendixQuestionnaire";
    case EVK_N_PART_KINDS:
    default:
      return NULL;
    }
}

/* The structs. */

EvkOutline *
evk_outline_new (void)
{
  EvkOutline *outline = g_new0 (EvkOutline, 1);

  outline->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_outline_part_free);
  outline->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_outline_figure_free);
  return outline;
}

void
evk_outline_free (EvkOutline *outline)
{
  if (outline == NULL)
    return;
  g_ptr_array_unref (outline->parts);
  g_ptr_array_unref (outline->figures);
  g_free (outline);
}

EvkOutlinePart *
evk_outline_part_new (const char  *key,
                      EvkPartKind  kind)
{
  EvkOutlinePart *part = g_new0 (EvkOutlinePart, 1);

  part->key = g_strdup (key);
  part->kind = kind;
  part->numbered = kind == EVK_PART_CHAPTER || kind == EVK_PART_METHOD ||
                   kind == EVK_PART_STATUS || kind == EVK_PART_DOCUMENTS;
  part->title = evk_localized_new ();
  part->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  part->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_outline_section_free);
  return part;
}

void
evk_outline_part_free (EvkOutlinePart *part)
{
  g_free (part->key);
  g_hash_table_unref (part->title);
  g_hash_table_unref (part->options);
  g_ptr_array_unref (part->sections);
  g_free (part);
}

EvkOutlineSection *
evk_outline_section_new (const char *key)
{
  EvkOutlineSection *section = g_new0 (EvkOutlineSection, 1);

  section->key = g_strdup (key);
  section->heading = TRUE;
  section->include = g_new0 (char *, 1);
  section->title = evk_localized_new ();
  return section;
}

void
evk_outline_section_free (EvkOutlineSection *section)
{
  g_free (section->key);
  g_strfreev (section->include);
  g_hash_table_unref (section->title);
  g_free (section);
}

static EvkOutlineFigure *
figure_new (const char *key)
{
  EvkOutlineFigure *figure = g_new0 (EvkOutlineFigure, 1);

  figure->key = g_strdup (key);
  figure->caption = evk_localized_new ();
  figure->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  return figure;
}

void
evk_outline_figure_free (EvkOutlineFigure *figure)
{
  g_free (figure->key);
  g_strfreev (figure->tables);
  g_free (figure->place);
  g_hash_table_unref (figure->caption);
  g_ptr_array_unref (figure->groups);
  g_free (figure);
}

static GHashTable *
localized_copy (GHashTable *localized)
{
  GHashTable *copy = evk_localized_new ();
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, localized);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    evk_localized_set (copy, lang, text);
  return copy;
}

EvkOutline *
evk_outline_copy (EvkOutline *outline)
{
  EvkOutline *copy = evk_outline_new ();

  copy->is_default = outline->is_default;
  for (guint p = 0; p < outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (outline->parts, p);
      EvkOutlinePart *to = evk_outline_part_new (part->key, part->kind);
      GHashTableIter iter;
      gpointer name, value;

      to->numbered = part->numbered;
      g_hash_table_unref (to->title);
      to->title = localized_copy (part->title);
      g_hash_table_iter_init (&iter, part->options);
      while (g_hash_table_iter_next (&iter, &name, &value))
        g_hash_table_insert (to->options, g_strdup (name), g_strdup (value));
      for (guint s = 0; s < part->sections->len; s++)
        {
          EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
          EvkOutlineSection *sto = evk_outline_section_new (section->key);

          sto->heading = section->heading;
          g_strfreev (sto->include);
          sto->include = g_strdupv (section->include);
          g_hash_table_unref (sto->title);
          sto->title = localized_copy (section->title);
          g_ptr_array_add (to->sections, sto);
        }
      g_ptr_array_add (copy->parts, to);
    }
  for (guint f = 0; f < outline->figures->len; f++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (outline->figures, f);
      EvkOutlineFigure *to = figure_new (figure->key);

      to->kind = figure->kind;
      to->tables = g_strdupv (figure->tables);
      to->place = g_strdup (figure->place);
      g_hash_table_unref (to->caption);
      to->caption = localized_copy (figure->caption);
      for (guint g = 0; g < figure->groups->len; g++)
        g_ptr_array_add (to->groups, localized_copy (g_ptr_array_index (figure->groups, g)));
      g_ptr_array_add (copy->figures, to);
    }
  return copy;
}

EvkOutlinePart *
evk_outline_find_part (EvkOutline *outline,
                       const char *key)
{
  for (guint p = 0; p < outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (outline->parts, p);

      if (g_strcmp0 (part->key, key) == 0)
        return part;
    }
  return NULL;
}

EvkOutlineSection *
evk_outline_find_section (EvkOutlinePart *part,
                          const char     *key)
{
  for (guint s = 0; s < part->sections->len; s++)
    {
      EvkOutlineSection *section = g_ptr_array_index (part->sections, s);

      if (g_strcmp0 (section->key, key) == 0)
        return section;
    }
  return NULL;
}

const char *
evk_outline_part_option (EvkOutlinePart *part,
                         const char     *option)
{
  const char *value = g_hash_table_lookup (part->options, option);

  return value != NULL ? value : evk_part_kind_option_default (part->kind, option);
}

gboolean
evk_outline_part_flag (EvkOutlinePart *part,
                       const char     *option)
{
  const char *value = evk_outline_part_option (part, option);

  return g_strcmp0 (value, "true") == 0;
}

gboolean
evk_outline_key_is_valid (const char *key)
{
  if (key == NULL || *key == '\0' || strlen (key) > 64)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  /* Those name the goals' and measures' own narrative files. */
  return !g_str_has_prefix (key, "goal-") && !g_str_has_prefix (key, "measure-");
}

char *
evk_outline_new_part_key (EvkOutline *outline,
                          const char *stem)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *key = g_strdup_printf ("%s-%u", stem, n);

      if (evk_outline_find_part (outline, key) == NULL)
        return g_steal_pointer (&key);
    }
}

char *
evk_outline_new_section_key (EvkOutlinePart *part,
                             const char     *stem)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *key = g_strdup_printf ("%s-%u", stem, n);

      if (evk_outline_find_section (part, key) == NULL)
        return g_steal_pointer (&key);
    }
}

static EvkOutlinePart *
add_part (EvkOutline  *outline,
          const char  *key,
          EvkPartKind  kind,
          gboolean     numbered)
{
  EvkOutlinePart *part = evk_outline_part_new (key, kind);

  part->numbered = numbered;
  g_ptr_array_add (outline->parts, part);
  return part;
}

static void
add_intro_section (EvkOutlinePart *part,
                   const char     *key)
{
  EvkOutlineSection *section = evk_outline_section_new (key);

  section->heading = FALSE;
  g_ptr_array_add (part->sections, section);
}

EvkOutline *
evk_outline_new_default (void)
{
  EvkOutline *outline = evk_outline_new ();

  /* Narrative chapters without text are left out of the report, and a
   * generated part without data prints nothing: a project with only a
   * strategy and a survey still gets every part its data allows. */
  add_intro_section (add_part (outline, "foreword", EVK_PART_CHAPTER, FALSE), "text");
  add_part (outline, "contents", EVK_PART_CONTENTS, FALSE);
  add_intro_section (add_part (outline, "summary", EVK_PART_CHAPTER, FALSE), "text");
  add_intro_section (add_part (outline, "introduction", EVK_PART_CHAPTER, TRUE), "text");
  add_part (outline, "method", EVK_PART_METHOD, TRUE);
  add_part (outline, "goals", EVK_PART_GOALS, TRUE);
  add_part (outline, "results", EVK_PART_STATUS, TRUE);
  add_part (outline, "document-review", EVK_PART_DOCUMENTS, TRUE);
  add_intro_section (add_part (outline, "recommendations", EVK_PART_CHAPTER, TRUE), "text");
  add_intro_section (add_part (outline, "references", EVK_PART_REFERENCES, FALSE), "text");
  add_part (outline, "abbreviations", EVK_PART_ABBREVIATIONS, FALSE);
  g_hash_table_insert (add_part (outline, "questionnaire", EVK_PART_QUESTIONNAIRE, FALSE)->options,
                       g_strdup ("Exclude"), g_strdup (""));
  outline->is_default = TRUE;
  return outline;
}

/* The store. */

static char *
part_title_field (const char *part)
{
  return g_strdup_printf ("outline:%s:title", part);
}

static char *
section_title_field (const char *part,
                     const char *section)
{
  return g_strdup_printf ("outline:%s:%s:title", part, section);
}

static char *
options_to_text (EvkOutlinePart *part)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char * const *names = evk_part_kind_options (part->kind);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (part->options, names[i]);

      if (value != NULL)
        g_string_append_printf (s, "%s=%s\n", names[i], value);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
options_from_text (EvkOutlinePart *part,
                   const char     *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *eq = strchr (lines[i], '=');

      if (eq != NULL)
        g_hash_table_insert (part->options, g_strndup (lines[i], eq - lines[i]), g_strdup (eq + 1));
    }
}

EvkOutline *
evk_report_outline_load (EvkProject  *project,
                         GError     **error)
{
  return evk_report_outline_load_from_store (evk_project_get_store (project), error);
}

EvkOutline *
evk_report_outline_load_from_store (EvkStore  *store,
                                    GError   **error)
{
  g_autoptr(EvkOutline) outline = evk_outline_new ();
  g_autoptr(EvkTextIndex) texts = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;
  gboolean has_row;

  texts = evk_text_index_load (store, EVK_NARRATIVE_ENTITY_PROJECT, error);
  if (texts == NULL)
    return NULL;

  stmt = evk_store_prepare (store, "SELECT id, key, kind, numbered, options FROM report_part "
                                   "ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    {
      EvkPartKind kind = EVK_PART_CHAPTER;
      EvkOutlinePart *part;
      g_autofree char *field = NULL;

      evk_part_kind_from_string (evk_stmt_column_text (stmt, 2), &kind);
      part = evk_outline_part_new (evk_stmt_column_text (stmt, 1), kind);
      part->numbered = sqlite3_column_int (stmt, 3) != 0;
      options_from_text (part, evk_stmt_column_text (stmt, 4));
      field = part_title_field (part->key);
      g_hash_table_unref (part->title);
      part->title = evk_text_index_get (texts, 0, field);
      g_hash_table_insert (by_id, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)), part);
      g_ptr_array_add (outline->parts, part);
    }
  if (error != NULL && *error != NULL)
    return NULL;

  stmt = evk_store_prepare (store, "SELECT part, key, heading, include FROM report_section "
                                   "ORDER BY part, position", error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    {
      EvkOutlinePart *part = g_hash_table_lookup (by_id, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
      EvkOutlineSection *section;
      g_autofree char *field = NULL;
      const char *include = evk_stmt_column_text (stmt, 3);

      if (part == NULL)
        continue;
      section = evk_outline_section_new (evk_stmt_column_text (stmt, 1));
      section->heading = sqlite3_column_int (stmt, 2) != 0;
      g_strfreev (section->include);
      section->include = include != NULL && *include != '\0' ? g_strsplit (include, ";", -1)
                                                              : g_new0 (char *, 1);
      field = section_title_field (part->key, section->key);
      g_hash_table_unref (section->title);
      section->title = evk_text_index_get (texts, 0, field);
      g_ptr_array_add (part->sections, section);
    }
  if (error != NULL && *error != NULL)
    return NULL;

  stmt = evk_store_prepare (store, "SELECT key, kind, tables, place FROM report_figure "
                                   "ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    {
      EvkOutlineFigure *figure = figure_new (evk_stmt_column_text (stmt, 0));
      g_autofree char *caption = evk_report_figure_field (figure->key, "caption");

      if (!evk_chart_kind_from_string (evk_stmt_column_text (stmt, 1), &figure->kind))
        {
          evk_outline_figure_free (figure);
          continue;
        }
      figure->tables = g_strsplit (evk_stmt_column_text (stmt, 2), ";", -1);
      figure->place = g_strdup (evk_stmt_column_text (stmt, 3));
      g_hash_table_unref (figure->caption);
      figure->caption = evk_text_index_get (texts, 0, caption);
      for (guint t = 0; figure->tables[t] != NULL; t++)
        {
          g_autofree char *what = g_strdup_printf ("group:%u", t);
          g_autofree char *field = evk_report_figure_field (figure->key, what);

          g_ptr_array_add (figure->groups, evk_text_index_get (texts, 0, field));
        }
      g_ptr_array_add (outline->figures, figure);
    }
  if (error != NULL && *error != NULL)
    return NULL;

  if (outline->parts->len == 0)
    {
      EvkOutline *fallback = evk_outline_new_default ();

      /* Figures may be placed before any part was saved: keep them. */
      g_ptr_array_extend_and_steal (fallback->figures, g_steal_pointer (&outline->figures));
      outline->figures = g_ptr_array_new ();
      return fallback;
    }
  return g_steal_pointer (&outline);
}

typedef struct {
  EvkOutline *outline;
  GStrv       languages;
} Save;

static gboolean
replace_text (EvkStore    *store,
              const char  *field,
              GHashTable  *localized,
              GStrv        languages,
              GError     **error)
{
  return evk_store_replace_texts (store, EVK_NARRATIVE_ENTITY_PROJECT, 0, field, localized,
                                  (const char * const *) languages, error);
}

static gboolean
save_outline (EvkStore    *store,
              EvkOutline  *outline,
              GStrv        languages,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!evk_store_exec (store, "DELETE FROM report_section", error) ||
      !evk_store_exec (store, "DELETE FROM report_part", error) ||
      !evk_store_exec (store, "DELETE FROM report_figure", error) ||
      !evk_store_exec (store, "DELETE FROM project_meta WHERE key = 'report.Figures'", error))
    return FALSE;

  for (guint p = 0; p < outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (outline->parts, p);
      g_autofree char *options = options_to_text (part);
      g_autofree char *field = part_title_field (part->key);
      gint64 id;

      stmt = evk_store_prepare (store, "INSERT INTO report_part (position, key, kind, numbered, options) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, p);
      evk_stmt_bind_text (stmt, 2, part->key);
      evk_stmt_bind_text (stmt, 3, evk_part_kind_to_string (part->kind));
      evk_stmt_bind_int (stmt, 4, part->numbered);
      evk_stmt_bind_text (stmt, 5, options);
      id = evk_store_step_returning_id (store, stmt, error);
      if (id <= 0 || !replace_text (store, field, part->title, languages, error))
        return FALSE;

      for (guint s = 0; s < part->sections->len; s++)
        {
          EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
          g_autofree char *include = g_strjoinv (";", section->include);
          g_autofree char *section_field = section_title_field (part->key, section->key);

          stmt = evk_store_prepare (store, "INSERT INTO report_section (part, position, key, heading, include) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);
          if (stmt == NULL)
            return FALSE;
          evk_stmt_bind_int (stmt, 1, id);
          evk_stmt_bind_int (stmt, 2, s);
          evk_stmt_bind_text (stmt, 3, section->key);
          evk_stmt_bind_int (stmt, 4, section->heading);
          evk_stmt_bind_text (stmt, 5, include);
          if (!evk_store_step (store, stmt, NULL, error) ||
              !replace_text (store, section_field, section->title, languages, error))
            return FALSE;
        }
    }

  for (guint f = 0; f < outline->figures->len; f++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (outline->figures, f);
      g_autofree char *tables = g_strjoinv (";", figure->tables);
      g_autofree char *caption = evk_report_figure_field (figure->key, "caption");

      stmt = evk_store_prepare (store, "INSERT INTO report_figure (position, key, kind, tables, place) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, f);
      evk_stmt_bind_text (stmt, 2, figure->key);
      evk_stmt_bind_text (stmt, 3, evk_chart_kind_to_string (figure->kind));
      evk_stmt_bind_text (stmt, 4, tables);
      evk_stmt_bind_text (stmt, 5, figure->place);
      if (!evk_store_step (store, stmt, NULL, error) ||
          !replace_text (store, caption, figure->caption, languages, error))
        return FALSE;
      for (guint g = 0; g < figure->groups->len; g++)
        {
          g_autofree char *what = g_strdup_printf ("group:%u", g);
          g_autofree char *field = evk_report_figure_field (figure->key, what);

          if (!replace_text (store, field, g_ptr_array_index (figure->groups, g), languages, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_func (EvkStore  *store,
           gpointer   user_data,
           GError   **error)
{
  Save *save = user_data;

  return save_outline (store, save->outline, save->languages, error);
}

gboolean
evk_report_outline_save (EvkProject  *project,
                         EvkOutline  *outline,
                         GError     **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_auto(GStrv) languages = evk_store_get_languages (store, error);
  Save save = { outline, languages };

  if (languages == NULL)
    return FALSE;
  return evk_store_transaction (store, save_func, &save, error);
}

/* The title page. */

static gboolean
is_text_key (const char *key)
{
  return g_strv_contains (title_text_keys, key);
}

static gboolean
set_meta (EvkStore    *store,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autofree char *meta_key = evk_report_meta_key (key);
  sqlite3_stmt *stmt;

  if (value == NULL || *value == '\0')
    {
      stmt = evk_store_prepare (store, "DELETE FROM project_meta WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, meta_key);
      return evk_store_step (store, stmt, NULL, error);
    }
  stmt = evk_store_prepare (store, "INSERT OR REPLACE INTO project_meta (key, value) VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, meta_key);
  evk_stmt_bind_text (stmt, 2, value);
  return evk_store_step (store, stmt, NULL, error);
}

char *
evk_report_get_title_field (EvkProject  *project,
                            const char  *key,
                            const char  *lang,
                            GError     **error)
{
  EvkStore *store = evk_project_get_store (project);

  if (is_text_key (key))
    {
      g_autofree char *field = evk_report_text_field (key);
      g_autofree char *body = NULL, *fp = NULL;

      if (!evk_store_get_text_version (store, EVK_NARRATIVE_ENTITY_PROJECT, 0, field, lang,
                                       &body, &fp, error))
        return NULL;
      return g_steal_pointer (&body);
    }
  {
    g_autofree char *meta_key = evk_report_meta_key (key);

    return evk_project_get_meta (project, meta_key, error);
  }
}

typedef struct {
  const char *key;
  const char *lang;
  const char *value;
} SetField;

static gboolean
set_field_func (EvkStore  *store,
                gpointer   user_data,
                GError   **error)
{
  SetField *set = user_data;
  g_autofree char *field = NULL;

  if (!is_text_key (set->key))
    return set_meta (store, set->key, set->value, error);
  field = evk_report_text_field (set->key);
  return evk_store_set_text (store, EVK_NARRATIVE_ENTITY_PROJECT, 0, field, set->lang,
                             set->value != NULL && *set->value != '\0' ? set->value : NULL, error);
}

gboolean
evk_report_set_title_field (EvkProject  *project,
                            const char  *key,
                            const char  *lang,
                            const char  *value,
                            GError     **error)
{
  SetField set = { key, lang, value };

  g_return_val_if_fail (is_text_key (key) || g_strv_contains (title_value_keys, key), FALSE);
  return evk_store_transaction (evk_project_get_store (project), set_field_func, &set, error);
}

char *
evk_report_section_text (EvkProject  *project,
                         const char  *part,
                         const char  *section,
                         const char  *lang,
                         GError     **error)
{
  g_autofree char *field = evk_narrative_chapter_field (part, section);
  g_autofree char *body = NULL, *fp = NULL;

  if (!evk_store_get_text_version (evk_project_get_store (project), EVK_NARRATIVE_ENTITY_PROJECT, 0,
                                   field, lang, &body, &fp, error))
    return NULL;
  return g_steal_pointer (&body);
}

/* The files. report.ini is a GLib key file; GKeyFile knows no line
 * numbers and keeps the last of two equal keys, so a first pass over the
 * raw lines finds duplicates and remembers where each group and key is,
 * for errors that name the line the evaluator has to fix. */

typedef struct {
  const char *path;          /* as shown in errors */
  GKeyFile   *keyfile;
  GHashTable *lines;         /* "GROUP" and "GROUP\x1fKEY" → line */
  GStrv       languages;
} Reader;

static gboolean
scan_lines (Reader      *r,
            const char  *contents,
            GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autofree char *group = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      guint number = i + 1;

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[' && line[strlen (line) - 1] == ']')
        {
          g_free (group);
          group = g_strndup (line + 1, strlen (line) - 2);
          if (g_hash_table_contains (r->lines, group))
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                           _("%s: line %u: the group [%s] comes twice (first on line %u)"), r->path,
                           number, group, GPOINTER_TO_UINT (g_hash_table_lookup (r->lines, group)));
              return FALSE;
            }
          g_hash_table_insert (r->lines, g_strdup (group), GUINT_TO_POINTER (number));
          continue;
        }
      if (group != NULL && strchr (line, '=') != NULL)
        {
          g_autofree char *key = g_strstrip (g_strndup (line, strchr (line, '=') - line));
          g_autofree char *id = g_strdup_printf ("%s\x1f%s", group, key);

          if (g_hash_table_contains (r->lines, id))
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                           _("%s: line %u: the key “%s” comes twice in [%s] (first on line %u)"), r->path,
                           number, key, group, GPOINTER_TO_UINT (g_hash_table_lookup (r->lines, id)));
              return FALSE;
            }
          g_hash_table_insert (r->lines, g_steal_pointer (&id), GUINT_TO_POINTER (number));
        }
    }
  return TRUE;
}

static guint
line_of (Reader     *r,
         const char *group,
         const char *key)
{
  g_autofree char *id = key != NULL ? g_strdup_printf ("%s\x1f%s", group, key) : g_strdup (group);
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (r->lines, id));

  if (line == 0 && key != NULL)
    {
      /* A localized key is found by its first language. */
      g_autofree char *first = g_strdup_printf ("%s\x1f%s[%s]", group, key, r->languages[0]);

      line = GPOINTER_TO_UINT (g_hash_table_lookup (r->lines, first));
    }
  if (line == 0 && key != NULL)
    return line_of (r, group, NULL);
  return line;
}

G_GNUC_PRINTF (5, 6)
static gboolean
fail (Reader      *r,
      GError     **error,
      const char  *group,
      const char  *key,
      const char  *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("%s: line %u: [%s] %s"),
               r->path, line_of (r, group, key), group, problem);
  return FALSE;
}

/* A localized key: every project language or none (required: every one). */
static gboolean
read_localized (Reader      *r,
                const char  *group,
                const char  *key,
                gboolean     required,
                GHashTable  *localized,
                GError     **error)
{
  guint n = 0;

  for (guint l = 0; r->languages[l] != NULL; l++)
    {
      g_autofree char *full = g_strdup_printf ("%s[%s]", key, r->languages[l]);
      g_autofree char *value = g_key_file_get_string (r->keyfile, group, full, NULL);

      if (value != NULL && *value != '\0')
        {
          evk_localized_set (localized, r->languages[l], value);
          n++;
        }
    }
  if (n == 0 && !required)
    return TRUE;
  for (guint l = 0; r->languages[l] != NULL; l++)
    if (evk_localized_get (localized, r->languages[l]) == NULL)
      return fail (r, error, group, key, _("%s has no text in “%s” (%s[%s])"), key,
                   r->languages[l], key, r->languages[l]);
  return TRUE;
}

/* Every key of group is one the format knows. */
static gboolean
check_keys (Reader             *r,
            const char         *group,
            const char * const *known,
            const char * const *more,
            GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (r->keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *base = g_strdup (keys[i]);
      char *bracket = strchr (base, '[');

      if (bracket != NULL)
        {
          g_autofree char *lang = g_strndup (bracket + 1, strlen (bracket + 1) - 1);

          *bracket = '\0';
          if (!g_strv_contains ((const char * const *) r->languages, lang))
            return fail (r, error, group, keys[i], _("“%s”: the project has no language “%s”"),
                         keys[i], lang);
        }
      if (!g_strv_contains (known, base) && (more == NULL || !g_strv_contains (more, base)))
        return fail (r, error, group, keys[i], _("unknown key “%s”"), base);
    }
  return TRUE;
}

static gboolean
read_bool (Reader      *r,
           const char  *group,
           const char  *key,
           gboolean     fallback,
           gboolean    *value,
           GError     **error)
{
  g_autofree char *text = g_key_file_get_string (r->keyfile, group, key, NULL);

  if (text == NULL)
    *value = fallback;
  else if (g_str_equal (text, "true"))
    *value = TRUE;
  else if (g_str_equal (text, "false"))
    *value = FALSE;
  else
    return fail (r, error, group, key, _("%s is “%s”, not true or false"), key, text);
  return TRUE;
}

static GStrv
read_list (Reader     *r,
           const char *group,
           const char *key)
{
  GStrv list = g_key_file_get_string_list (r->keyfile, group, key, NULL, NULL);

  return list != NULL ? list : g_new0 (char *, 1);
}

static gboolean
read_section (Reader          *r,
              EvkOutlinePart  *part,
              const char      *key,
              GError         **error)
{
  static const char * const known[] = { "Heading", "Title", "Include", NULL };
  g_autofree char *group = g_strdup_printf ("Section %s:%s", part->key, key);
  g_autofree char *part_group = g_strdup_printf ("Part %s", part->key);
  EvkOutlineSection *section;

  if (!evk_outline_key_is_valid (key))
    return fail (r, error, part_group, "Sections",
                 _("“%s” is not a section key (lowercase letters, digits and “-”)"), key);
  if (evk_outline_find_section (part, key) != NULL)
    return fail (r, error, part_group, "Sections", _("the section “%s” is listed twice"), key);
  section = evk_outline_section_new (key);
  g_ptr_array_add (part->sections, section);
  if (!g_key_file_has_group (r->keyfile, group))
    {
      /* A section without a group is the part's untitled text. */
      section->heading = FALSE;
      return TRUE;
    }
  if (!check_keys (r, group, known, NULL, error) ||
      !read_bool (r, group, "Heading", TRUE, &section->heading, error) ||
      !read_localized (r, group, "Title", section->heading, section->title, error))
    return FALSE;
  g_strfreev (section->include);
  section->include = read_list (r, group, "Include");
  for (guint i = 0; section->include[i] != NULL; i++)
    if (!g_strv_contains (includes, section->include[i]))
      {
        g_autofree char *known_list = g_strjoinv (", ", (GStrv) includes);

        return fail (r, error, group, "Include", _("unknown generated table “%s” (known: %s)"),
                     section->include[i], known_list);
      }
  return TRUE;
}

static gboolean
read_part (Reader      *r,
           EvkOutline  *outline,
           const char  *key,
           GError     **error)
{
  static const char * const known[] = { "Kind", "Numbered", "Title", "Sections", NULL };
  g_autofree char *group = g_strdup_printf ("Part %s", key);
  g_autofree char *kind_name = NULL;
  g_auto(GStrv) sections = NULL;
  const char * const *options;
  EvkOutlinePart *part;
  EvkPartKind kind;

  if (!evk_outline_key_is_valid (key))
    return fail (r, error, "Report", "Parts",
                 _("“%s” is not a part key (lowercase letters, digits and “-”)"), key);
  if (evk_outline_find_part (outline, key) != NULL)
    return fail (r, error, "Report", "Parts", _("the part “%s” is listed twice"), key);
  if (!g_key_file_has_group (r->keyfile, group))
    return fail (r, error, "Report", "Parts", _("Parts names “%s”, but there is no group [%s]"),
                 key, group);
  kind_name = g_key_file_get_string (r->keyfile, group, "Kind", NULL);
  if (kind_name == NULL || !evk_part_kind_from_string (kind_name, &kind))
    {
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;
      g_autofree char *known_kinds = NULL;

      for (guint k = 0; k < EVK_N_PART_KINDS; k++)
        g_strv_builder_add (names, kind_names[k]);
      list = g_strv_builder_end (names);
      known_kinds = g_strjoinv (", ", list);
      return fail (r, error, group, "Kind", _("unknown part kind “%s” (known: %s)"),
                   kind_name != NULL ? kind_name : "", known_kinds);
    }
  part = evk_outline_part_new (key, kind);
  g_ptr_array_add (outline->parts, part);
  options = evk_part_kind_options (kind);
  if (!check_keys (r, group, known, options, error) ||
      !read_bool (r, group, "Numbered", part->numbered, &part->numbered, error) ||
      !read_localized (r, group, "Title", evk_outline_part_default_word (part) == NULL, part->title, error))
    return FALSE;
  for (guint i = 0; options[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_string (r->keyfile, group, options[i], NULL);

      if (value == NULL)
        continue;
      if (kind != EVK_PART_QUESTIONNAIRE && !g_str_equal (value, "true") && !g_str_equal (value, "false"))
        return fail (r, error, group, options[i], _("%s is “%s”, not true or false"), options[i], value);
      g_hash_table_insert (part->options, g_strdup (options[i]), g_steal_pointer (&value));
    }
  sections = read_list (r, group, "Sections");
  if (sections[0] != NULL && kind != EVK_PART_CHAPTER && kind != EVK_PART_REFERENCES)
    return fail (r, error, group, "Sections", _("a part of kind “%s” has no sections of its own"),
                 kind_name);
  for (guint i = 0; sections[i] != NULL; i++)
    if (!read_section (r, part, sections[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
read_figure (Reader      *r,
             EvkOutline  *outline,
             const char  *key,
             GError     **error)
{
  static const char * const known[] = { "Kind", "Tables", "Place", "Caption", "Groups", NULL };
  g_autofree char *group = g_strdup_printf ("Figure %s", key);
  g_autofree char *kind_name = NULL, *place = NULL;
  g_auto(GStrv) place_parts = NULL;
  EvkOutlineFigure *figure;
  EvkOutlinePart *part;

  for (guint f = 0; f < outline->figures->len; f++)
    if (g_str_equal (((EvkOutlineFigure *) g_ptr_array_index (outline->figures, f))->key, key))
      return fail (r, error, "Report", "Figures", _("the figure “%s” is listed twice"), key);
  if (!g_key_file_has_group (r->keyfile, group))
    return fail (r, error, "Report", "Figures", _("Figures names “%s”, but there is no group [%s]"),
                 key, group);
  if (!check_keys (r, group, known, NULL, error))
    return FALSE;
  figure = figure_new (key);
  g_ptr_array_add (outline->figures, figure);
  kind_name = g_key_file_get_string (r->keyfile, group, "Kind", NULL);
  if (kind_name == NULL || !evk_chart_kind_from_string (kind_name, &figure->kind))
    return fail (r, error, group, "Kind", _("“%s” is not a chart kind"), kind_name != NULL ? kind_name : "");
  figure->tables = read_list (r, group, "Tables");
  if (figure->tables[0] == NULL)
    return fail (r, error, group, "Tables", _("a figure needs Tables"));
  place = g_key_file_get_string (r->keyfile, group, "Place", NULL);
  place_parts = place != NULL ? g_strsplit (place, ":", 2) : NULL;
  if (place_parts == NULL || place_parts[0] == NULL || place_parts[1] == NULL)
    return fail (r, error, group, "Place", _("a figure needs Place=PART:SECTION"));
  part = evk_outline_find_part (outline, place_parts[0]);
  if (part == NULL)
    return fail (r, error, group, "Place", _("the outline has no part “%s”"), place_parts[0]);
  if (evk_outline_find_section (part, place_parts[1]) == NULL)
    return fail (r, error, group, "Place", _("the part “%s” has no section “%s”"),
                 place_parts[0], place_parts[1]);
  figure->place = g_steal_pointer (&place);
  if (!read_localized (r, group, "Caption", TRUE, figure->caption, error))
    return FALSE;
  for (guint t = 0; figure->tables[t] != NULL; t++)
    g_ptr_array_add (figure->groups, evk_localized_new ());
  for (guint l = 0; r->languages[l] != NULL; l++)
    {
      g_autofree char *full = g_strdup_printf ("Groups[%s]", r->languages[l]);
      g_auto(GStrv) names = read_list (r, group, full);

      if (names[0] == NULL)
        continue;
      if (g_strv_length (names) != figure->groups->len)
        return fail (r, error, group, full, _("%s names %u groups for %u tables"), full,
                     g_strv_length (names), figure->groups->len);
      for (guint t = 0; names[t] != NULL; t++)
        evk_localized_set (g_ptr_array_index (figure->groups, t), r->languages[l], names[t]);
    }
  return TRUE;
}

typedef struct {
  EvkOutline *outline;
  GHashTable *title_texts;   /* key → localized */
  GHashTable *title_values;  /* key → value or NULL */
  GStrv       languages;
  EvkNarrativeImport *narrative;
} ReportImport;

static void
report_import_clear (ReportImport *import)
{
  g_clear_pointer (&import->outline, evk_outline_free);
  g_clear_pointer (&import->title_texts, g_hash_table_unref);
  g_clear_pointer (&import->title_values, g_hash_table_unref);
  g_clear_pointer (&import->languages, g_strfreev);
  g_clear_pointer (&import->narrative, evk_narrative_import_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportImport, report_import_clear)

static gboolean
read_report_ini (Reader        *r,
                 ReportImport  *import,
                 GError       **error)
{
  static const char * const lists[] = { "Parts", "Figures", NULL };
  g_auto(GStrv) groups = g_key_file_get_groups (r->keyfile, NULL);
  g_auto(GStrv) parts = NULL, figures = NULL;

  if (!g_key_file_has_group (r->keyfile, "Report"))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s: line 1: there is no [Report] group"), r->path);
      return FALSE;
    }
  {
    g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
    g_auto(GStrv) more = NULL;

    g_strv_builder_addv (b, (const char **) title_value_keys);
    g_strv_builder_addv (b, (const char **) lists);
    more = g_strv_builder_end (b);
    if (!check_keys (r, "Report", title_text_keys, (const char * const *) more, error))
      return FALSE;
  }
  for (guint i = 0; title_text_keys[i] != NULL; i++)
    {
      GHashTable *localized = evk_localized_new ();

      g_hash_table_insert (import->title_texts, (gpointer) title_text_keys[i], localized);
      if (!read_localized (r, "Report", title_text_keys[i], FALSE, localized, error))
        return FALSE;
    }
  for (guint i = 0; title_value_keys[i] != NULL; i++)
    g_hash_table_insert (import->title_values, (gpointer) title_value_keys[i],
                         g_key_file_get_string (r->keyfile, "Report", title_value_keys[i], NULL));

  parts = read_list (r, "Report", "Parts");
  if (parts[0] == NULL)
    return fail (r, error, "Report", "Parts", _("the report needs Parts, the outline in order"));
  for (guint i = 0; parts[i] != NULL; i++)
    if (!read_part (r, import->outline, parts[i], error))
      return FALSE;
  figures = read_list (r, "Report", "Figures");
  for (guint i = 0; figures[i] != NULL; i++)
    if (!read_figure (r, import->outline, figures[i], error))
      return FALSE;

  /* A group nothing names is most likely a typo in a list. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *g = groups[i];
      gboolean used = g_str_equal (g, "Report");

      if (g_str_has_prefix (g, "Part "))
        used = evk_outline_find_part (import->outline, g + 5) != NULL;
      else if (g_str_has_prefix (g, "Section "))
        {
          g_auto(GStrv) ps = g_strsplit (g + 8, ":", 2);
          EvkOutlinePart *part = evk_outline_find_part (import->outline, ps[0]);

          used = part != NULL && ps[1] != NULL && evk_outline_find_section (part, ps[1]) != NULL;
        }
      else if (g_str_has_prefix (g, "Figure "))
        used = g_strv_contains ((const char * const *) figures, g + 7);
      if (!used)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("%s: line %u: [%s] is not part of the outline (no list names it)"),
                       r->path, line_of (r, g, NULL), g);
          return FALSE;
        }
    }
  return TRUE;
}

/* Every chapter file of the narrative belongs to a part of the outline
 * and every section to one of its sections. */
static gboolean
check_narrative (const char  *file,
                 const char  *name,
                 const char  *section,
                 guint        line,
                 gpointer     user_data,
                 GError     **error)
{
  ReportImport *import = user_data;
  EvkOutlinePart *part;

  if (g_str_has_prefix (name, "goal-"))
    {
      if (g_str_equal (section, "intro"))
        return TRUE;
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s: line %u: a goal file has one section, “intro”, not “%s”"), file, line, section);
      return FALSE;
    }
  part = evk_outline_find_part (import->outline, name);
  if (part == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s: line %u: the outline (report.ini Parts) has no part “%s”"), file, line, name);
      return FALSE;
    }
  if (evk_outline_find_section (part, section) == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s: line %u: the part “%s” has no section “%s” in report.ini"), file, line, name,
                   section);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_report (EvkStore  *store,
              gpointer   user_data,
              GError   **error)
{
  ReportImport *import = user_data;
  sqlite3_stmt *stmt;

  /* The narrative of chapters is replaced as a whole: a chapter the new
   * outline no longer has leaves no text behind. */
  stmt = evk_store_prepare (store, "DELETE FROM text WHERE entity = 'project' AND entity_id = 0 AND "
                                   "(field LIKE 'chapter:%' OR field LIKE 'outline:%' OR "
                                   "field LIKE 'report:figure:%')", error);
  if (stmt == NULL || !evk_store_step (store, stmt, NULL, error))
    return FALSE;
  if (!evk_narrative_import_store (import->narrative, store, error) ||
      !save_outline (store, import->outline, import->languages, error))
    return FALSE;
  for (guint i = 0; title_text_keys[i] != NULL; i++)
    {
      g_autofree char *field = evk_report_text_field (title_text_keys[i]);

      if (!replace_text (store, field, g_hash_table_lookup (import->title_texts, title_text_keys[i]),
                         import->languages, error))
        return FALSE;
    }
  for (guint i = 0; title_value_keys[i] != NULL; i++)
    if (!set_meta (store, title_value_keys[i],
                   g_hash_table_lookup (import->title_values, title_value_keys[i]), error))
      return FALSE;
  /* The questionnaire's exclusions are the part's option now. */
  return set_meta (store, "QuestionnaireExclude", NULL, error);
}

gboolean
evk_report_import_dir (EvkProject  *project,
                       const char  *dir,
                       GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "report.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_auto(ReportImport) import = { 0 };
  Reader r = { 0 };

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);

  import.languages = evk_project_get_languages (project, error);
  if (import.languages == NULL)
    return FALSE;
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "%s: %s", path, local_error->message);
      return FALSE;
    }
  r.path = path;
  r.keyfile = keyfile;
  r.lines = lines;
  r.languages = import.languages;
  if (!scan_lines (&r, contents, error))
    return FALSE;
  if (!g_key_file_load_from_data (keyfile, contents, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE, "%s: %s", path, local_error->message);
      return FALSE;
    }
  import.outline = evk_outline_new ();
  import.title_texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_hash_table_unref);
  import.title_values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (!read_report_ini (&r, &import, error))
    return FALSE;
  import.narrative = evk_narrative_read_dir (project, dir, check_narrative, &import, error);
  if (import.narrative == NULL)
    return FALSE;
  return evk_store_transaction (evk_project_get_store (project), store_report, &import, error);
}

/* Export. */

static void
write_localized (GKeyFile   *keyfile,
                 const char *group,
                 const char *key,
                 GHashTable *localized,
                 GStrv       languages)
{
  for (guint l = 0; languages[l] != NULL; l++)
    {
      const char *value = evk_localized_get (localized, languages[l]);

      if (value != NULL)
        g_key_file_set_locale_string (keyfile, group, key, languages[l], value);
    }
}

static char *
outline_to_data (EvkProject  *project,
                 EvkOutline  *outline,
                 GStrv        languages,
                 GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) figures = g_strv_builder_new ();
  g_auto(GStrv) part_list = NULL, figure_list = NULL;
  g_autoptr(EvkTextIndex) texts = evk_text_index_load (evk_project_get_store (project),
                                                       EVK_NARRATIVE_ENTITY_PROJECT, error);

  if (texts == NULL)
    return NULL;
  g_key_file_set_comment (keyfile, NULL, NULL,
                          " The report's outline and title page (data/report-format.md);\n"
                          " the narrative is in one folder per language beside this file.",
                          NULL);
  for (guint i = 0; title_text_keys[i] != NULL; i++)
    {
      g_autofree char *field = evk_report_text_field (title_text_keys[i]);
      g_autoptr(GHashTable) localized = evk_text_index_get (texts, 0, field);

      write_localized (keyfile, "Report", title_text_keys[i], localized, languages);
    }
  for (guint i = 0; title_value_keys[i] != NULL; i++)
    {
      g_autofree char *value = evk_report_get_title_field (project, title_value_keys[i], NULL, NULL);

      if (value != NULL)
        g_key_file_set_string (keyfile, "Report", title_value_keys[i], value);
    }
  for (guint p = 0; p < outline->parts->len; p++)
    g_strv_builder_add (parts, ((EvkOutlinePart *) g_ptr_array_index (outline->parts, p))->key);
  for (guint f = 0; f < outline->figures->len; f++)
    g_strv_builder_add (figures, ((EvkOutlineFigure *) g_ptr_array_index (outline->figures, f))->key);
  part_list = g_strv_builder_end (parts);
  figure_list = g_strv_builder_end (figures);
  g_key_file_set_string_list (keyfile, "Report", "Parts", (const char * const *) part_list,
                              g_strv_length (part_list));
  if (figure_list[0] != NULL)
    g_key_file_set_string_list (keyfile, "Report", "Figures", (const char * const *) figure_list,
                                g_strv_length (figure_list));

  for (guint p = 0; p < outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (outline->parts, p);
      g_autofree char *group = g_strdup_printf ("Part %s", part->key);
      g_autoptr(GStrvBuilder) sections = g_strv_builder_new ();
      g_auto(GStrv) section_list = NULL;
      const char * const *options = evk_part_kind_options (part->kind);

      g_key_file_set_string (keyfile, group, "Kind", evk_part_kind_to_string (part->kind));
      /* Numbered is written when it differs from the kind's default. */
      {
        EvkOutlinePart *fresh = evk_outline_part_new (part->key, part->kind);

        if (fresh->numbered != part->numbered)
          g_key_file_set_boolean (keyfile, group, "Numbered", part->numbered);
        evk_outline_part_free (fresh);
      }
      write_localized (keyfile, group, "Title", part->title, languages);
      for (guint i = 0; options[i] != NULL; i++)
        {
          const char *value = g_hash_table_lookup (part->options, options[i]);

          if (value != NULL)
            g_key_file_set_string (keyfile, group, options[i], value);
        }
      for (guint s = 0; s < part->sections->len; s++)
        g_strv_builder_add (sections, ((EvkOutlineSection *) g_ptr_array_index (part->sections, s))->key);
      section_list = g_strv_builder_end (sections);
      if (section_list[0] != NULL)
        g_key_file_set_string_list (keyfile, group, "Sections", (const char * const *) section_list,
                                    g_strv_length (section_list));
      for (guint s = 0; s < part->sections->len; s++)
        {
          EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
          g_autofree char *section_group = g_strdup_printf ("Section %s:%s", part->key, section->key);

          /* An untitled section without tables needs no group. */
          if (!section->heading && section->include[0] == NULL)
            continue;
          if (!section->heading)
            g_key_file_set_boolean (keyfile, section_group, "Heading", FALSE);
          write_localized (keyfile, section_group, "Title", section->title, languages);
          if (section->include[0] != NULL)
            g_key_file_set_string_list (keyfile, section_group, "Include",
                                        (const char * const *) section->include,
                                        g_strv_length (section->include));
        }
    }
  for (guint f = 0; f < outline->figures->len; f++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (outline->figures, f);
      g_autofree char *group = g_strdup_printf ("Figure %s", figure->key);

      g_key_file_set_string (keyfile, group, "Kind", evk_chart_kind_to_string (figure->kind));
      g_key_file_set_string_list (keyfile, group, "Tables", (const char * const *) figure->tables,
                                  g_strv_length (figure->tables));
      g_key_file_set_string (keyfile, group, "Place", figure->place);
      write_localized (keyfile, group, "Caption", figure->caption, languages);
      for (guint l = 0; languages[l] != NULL; l++)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          gboolean any = FALSE;

          for (guint g = 0; g < figure->groups->len; g++)
            {
              const char *name = evk_localized_get (g_ptr_array_index (figure->groups, g), languages[l]);

              any = any || name != NULL;
              g_ptr_array_add (names, (gpointer) (name != NULL ? name : ""));
            }
          if (any)
            {
              g_autofree char *key = g_strdup_printf ("Groups[%s]", languages[l]);

              g_key_file_set_string_list (keyfile, group, key, (const char * const *) names->pdata,
                                          names->len);
            }
        }
    }
  return g_key_file_to_data (keyfile, NULL, error);
}

/* One narrative file: a marker per section, the text in lang (empty when
 * it has none there: a missing translation). Nothing when no section has
 * text in any language. */
static gboolean
write_narrative (const char          *dir,
                 const char          *lang,
                 const char          *name,
                 const char * const  *sections,
                 GPtrArray           *localized,
                 GError             **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *folder = g_build_filename (dir, lang, NULL);
  g_autofree char *file = g_strdup_printf ("%s.md", name);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  gboolean any = FALSE;

  for (guint i = 0; sections[i] != NULL; i++)
    any = any || g_hash_table_size (g_ptr_array_index (localized, i)) > 0;
  if (!any)
    return TRUE;
  for (guint i = 0; sections[i] != NULL; i++)
    {
      const char *text = evk_localized_get (g_ptr_array_index (localized, i), lang);

      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append_printf (s, "<!-- section: %s -->\n\n", sections[i]);
      if (text != NULL && *text != '\0')
        {
          g_string_append (s, text);
          if (!g_str_has_suffix (text, "\n"))
            g_string_append_c (s, '\n');
        }
    }
  if (g_mkdir_with_parents (folder, 0755) != 0 ||
      !g_file_set_contents (path, s->str, s->len, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("%s: could not write"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
evk_report_export_dir (EvkProject  *project,
                       const char  *dir,
                       GError     **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(EvkOutline) outline = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(EvkTextIndex) project_texts = NULL, measure_texts = NULL;
  g_autoptr(GHashTable) measure_ids = NULL;
  g_auto(GStrv) languages = NULL;
  g_autofree char *data = NULL;
  g_autofree char *ini = g_build_filename (dir, "report.ini", NULL);

  outline = evk_report_outline_load (project, error);
  strategy = outline != NULL ? evk_project_load_strategy (project, error) : NULL;
  if (strategy == NULL)
    return FALSE;
  languages = g_strdupv (strategy->languages);
  project_texts = evk_text_index_load (store, EVK_NARRATIVE_ENTITY_PROJECT, error);
  measure_texts = project_texts != NULL ? evk_text_index_load (store, EVK_NARRATIVE_ENTITY_MEASURE, error) : NULL;
  measure_ids = measure_texts != NULL ? evk_strategy_measure_ids (store, error) : NULL;
  if (measure_ids == NULL)
    return FALSE;
  data = outline_to_data (project, outline, languages, error);
  if (data == NULL)
    return FALSE;
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("%s: could not make the folder"), dir);
      return FALSE;
    }
  if (!g_file_set_contents (ini, data, -1, error))
    return FALSE;

  for (guint l = 0; languages[l] != NULL; l++)
    {
      for (guint p = 0; p < outline->parts->len; p++)
        {
          EvkOutlinePart *part = g_ptr_array_index (outline->parts, p);
          g_autoptr(GPtrArray) localized = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
          g_autoptr(GPtrArray) keys = g_ptr_array_new ();

          for (guint s = 0; s < part->sections->len; s++)
            {
              EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
              g_autofree char *field = evk_narrative_chapter_field (part->key, section->key);

              g_ptr_array_add (keys, section->key);
              g_ptr_array_add (localized, evk_text_index_get (project_texts, 0, field));
            }
          g_ptr_array_add (keys, NULL);
          if (!write_narrative (dir, languages[l], part->key, (const char * const *) keys->pdata,
                                localized, error))
            return FALSE;
        }
      for (guint g = 0; g < strategy->goals->len; g++)
        {
          EvkGoal *goal = g_ptr_array_index (strategy->goals, g);
          g_autofree char *name = g_strdup_printf ("goal-%s", goal->key);
          g_autofree char *field = evk_narrative_chapter_field (name, "intro");
          g_autoptr(GPtrArray) localized = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
          const char *keys[] = { "intro", NULL };

          g_ptr_array_add (localized, evk_text_index_get (project_texts, 0, field));
          if (!write_narrative (dir, languages[l], name, keys, localized, error))
            return FALSE;
        }
      for (guint m = 0; m < strategy->measures->len; m++)
        {
          EvkMeasure *measure = g_ptr_array_index (strategy->measures, m);
          GPtrArray *vocab = strategy->vocabs[EVK_VOCAB_SECTION];
          gint64 id = GPOINTER_TO_INT (g_hash_table_lookup (measure_ids, GINT_TO_POINTER (measure->number)));
          g_autofree char *name = g_strdup_printf ("measure-%02u", measure->number);
          g_autoptr(GPtrArray) localized = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
          g_autoptr(GPtrArray) keys = g_ptr_array_new ();

          for (guint s = 0; s < vocab->len; s++)
            {
              EvkTerm *term = g_ptr_array_index (vocab, s);
              g_autofree char *field = g_strdup_printf ("section:%s", term->key);

              g_ptr_array_add (keys, term->key);
              g_ptr_array_add (localized, evk_text_index_get (measure_texts, id, field));
            }
          g_ptr_array_add (keys, NULL);
          if (!write_narrative (dir, languages[l], name, (const char * const *) keys->pdata,
                                localized, error))
            return FALSE;
        }
    }
  return TRUE;
}
