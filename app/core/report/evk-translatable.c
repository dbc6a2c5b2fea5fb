/* evk-translatable.c: every string of a project a translator translates
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-translatable"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-store-texts.h"
#include "evk-translatable.h"
#include "evk-words.h"

/* The report's own words are project texts (entity "project", id 0) with
 * the field "word:GROUP:KEY"; [Format] is locale data, not words. */
#define WORD_FIELD_PREFIX "word:"
static const char * const word_groups[] = { "Report", "Stats", "Chart" };

typedef struct {
  char *entity;
  gint64 entity_id;
  char *field;
} TextAddress;

/* A unit with where its text is stored. */
typedef struct {
  EvkTranslatable  unit;
  char            *entity;
  gint64           entity_id;
  char            *field;
} Unit;

typedef struct {
  char *prefix;      /* the place key up to the field: "variable/org/q17_3" */
  char *name;        /* "Variable q17_3" */
  char *detail;      /* for value labels: the value */
} RowName;

typedef struct {
  EvkProject  *project;
  EvkStore    *store;
  char        *source;
  const char  *lang;
  GHashTable  *rows;         /* "entity\x1fid" → RowName */
  GHashTable  *sources;      /* "entity\x1fid\x1ffield" → source text, for names */
  GHashTable  *section_names;/* measure section key → its name */
  GPtrArray   *units;        /* Unit */
} Collect;

void
evk_translatable_free (EvkTranslatable *unit)
{
  Unit *full = (Unit *) unit;

  if (unit == NULL)
    return;
  g_free (unit->key);
  g_free (unit->place);
  g_free (unit->source);
  g_free (unit->translation);
  g_free (unit->previous_source);
  g_free (full->entity);
  g_free (full->field);
  g_free (full);
}

const char *
evk_translatable_kind_to_string (EvkTranslatableKind kind)
{
  static const char * const names[] = {
    "strategy", "narrative", "survey", "chart", "report", "report-word",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == EVK_N_TRANSLATABLE_KINDS);
  g_return_val_if_fail (kind < EVK_N_TRANSLATABLE_KINDS, NULL);
  return names[kind];
}

static void
row_name_free (RowName *row)
{
  g_free (row->prefix);
  g_free (row->name);
  g_free (row->detail);
  g_free (row);
}

static void
collect_clear (Collect *c)
{
  g_clear_pointer (&c->source, g_free);
  g_clear_pointer (&c->rows, g_hash_table_unref);
  g_clear_pointer (&c->sources, g_hash_table_unref);
  g_clear_pointer (&c->section_names, g_hash_table_unref);
  g_clear_pointer (&c->units, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Collect, collect_clear)

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A part of a place key: '/' separates parts, so it and '%' are escaped. */
static void
append_part (GString    *out,
             const char *part)
{
  if (out->len > 0)
    g_string_append_c (out, '/');
  for (const char *p = part; *p != '\0'; p++)
    {
      if (*p == '/' || *p == '%' || (guchar) *p < 0x20)
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

static char *
join_parts (const char *first,
            ...) G_GNUC_NULL_TERMINATED;

static char *
join_parts (const char *first,
            ...)
{
  GString *out = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    append_part (out, part);
  va_end (args);
  return g_string_free (out, FALSE);
}

static char *
address_key (const char *entity,
             gint64      entity_id,
             const char *field)
{
  if (field == NULL)
    return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, entity, entity_id);
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", entity, entity_id, field);
}

/* The stable names of the rows that own texts: keys, numbers and names,
 * never row ids, so a place key survives a re-import. */
static gboolean
load_rows (Collect  *c,
           GError  **error)
{
  static const struct {
    const char *entity;
    const char *prefix;
    const char *what;
    const char *sql;  /* id, then up to three parts of the key */
  } kinds[] = {
    /* Translators: kinds of rows whose texts a report prints, as in
     * "Variable q17_3 · Label" */
    { "goal", "goal", N_("Goal"), "SELECT id, key, NULL, NULL FROM goal" },
    { "measure", "measure", N_("Measure"), "SELECT id, number, NULL, NULL FROM measure" },
    { "chart", "chart", N_("Chart"), "SELECT id, key, NULL, NULL FROM chart" },
    { "term", "term", N_("Term"), "SELECT id, vocab, key, NULL FROM term" },
    { "body", "body", N_("Responsible body"), "SELECT id, key, NULL, NULL FROM body" },
    { "offer", "offer", N_("Offer"), "SELECT id, key, NULL, NULL FROM offer" },
    { "respondent_group", "group", N_("Respondent group"),
      "SELECT id, key, NULL, NULL FROM respondent_group" },
    { "survey", "survey", N_("Survey"), "SELECT id, name, NULL, NULL FROM survey" },
    { "mrset", "mrset", N_("Question set"),
      "SELECT m.id, s.name, m.name, NULL FROM mrset AS m JOIN survey AS s ON s.id = m.survey_id" },
    { "variable", "variable", N_("Variable"),
      "SELECT v.id, s.name, v.name, NULL FROM variable AS v JOIN survey AS s ON s.id = v.survey_id" },
    { "value_label", "value", N_("Variable"),
      "SELECT l.id, s.name, v.name, coalesce (l.str_value, printf ('%.15g', l.num_value)) "
      "FROM value_label AS l JOIN variable AS v ON v.id = l.variable_id "
      "JOIN survey AS s ON s.id = v.survey_id" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      sqlite3_stmt *stmt = evk_store_prepare (c->store, kinds[k].sql, error);
      gboolean has_row;

      if (stmt == NULL)
        return FALSE;
      while (TRUE)
        {
          const char *a, *b, *d;
          RowName *row;

          if (!evk_store_step (c->store, stmt, &has_row, error))
            return FALSE;
          if (!has_row)
            break;
          a = evk_stmt_column_text (stmt, 1);
          b = (const char *) sqlite3_column_text (stmt, 2);
          d = (const char *) sqlite3_column_text (stmt, 3);
          row = g_new0 (RowName, 1);
          row->prefix = join_parts (kinds[k].prefix, a, b, d, NULL);
          /* The name a person knows: the survey is left out of a
           * variable's (the key keeps it), the vocabulary of a term's. */
          row->name = g_strdup_printf ("%s %s", _(kinds[k].what),
                                       (g_str_equal (kinds[k].entity, "term") ||
                                        g_str_equal (kinds[k].entity, "mrset") ||
                                        g_str_equal (kinds[k].entity, "variable") ||
                                        g_str_equal (kinds[k].entity, "value_label"))
                                         ? b : a);
          row->detail = g_strdup (d);
          g_hash_table_insert (c->rows,
                               address_key (kinds[k].entity, sqlite3_column_int64 (stmt, 0), NULL),
                               row);
        }
    }
  return TRUE;
}

static const char *
field_label (const char *field)
{
  static const struct {
    const char *field;
    const char *label;
  } labels[] = {
    /* Translators: the text of a row, as in "Goal 1 · Title" */
    { "title", N_("Title") },
    { "description", N_("Description") },
    { "name", N_("Name") },
    { "label", N_("Label") },
    { "caption", N_("Caption") },
    { "alt-text", N_("Alt text") },
    { "abbreviation", N_("Abbreviation") },
    { "status-note", N_("Status note") },
    { "short-title", N_("Short title") },
    { "owner", N_("Owner") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (field, labels[i].field))
      return _(labels[i].label);
  return field;
}

static const char *
source_of (Collect    *c,
           const char *entity,
           gint64      id,
           const char *field)
{
  g_autofree char *key = address_key (entity, id, field);

  return g_hash_table_lookup (c->sources, key);
}

static const char *
project_source (Collect    *c,
                const char *field,
                const char *fallback)
{
  const char *text = source_of (c, EVK_NARRATIVE_ENTITY_PROJECT, 0, field);

  return !is_blank (text) ? text : fallback;
}

/* Where a project text (entity "project") appears, and its kind. */
static char *
project_place (Collect              *c,
               const char           *field,
               EvkTranslatableKind  *kind)
{
  g_auto(GStrv) parts = g_strsplit (field, ":", 0);
  guint n = g_strv_length (parts);

  *kind = EVK_TRANSLATABLE_REPORT;
  if (n == 3 && g_str_equal (parts[0], "chapter") && g_str_has_prefix (parts[1], "goal-"))
    {
      *kind = EVK_TRANSLATABLE_NARRATIVE;
      /* Translators: a place in the report, e.g. "Goal 2 · introduction" */
      return g_strdup_printf (_("Goal %s · introduction"), parts[1] + 5);
    }
  if (n == 3 && g_str_equal (parts[0], "chapter"))
    {
      g_autofree char *part_field = g_strdup_printf ("outline:%s:title", parts[1]);
      g_autofree char *section_field = g_strdup_printf ("outline:%s:%s:title", parts[1], parts[2]);

      *kind = EVK_TRANSLATABLE_NARRATIVE;
      if (g_str_equal (parts[2], "text"))
        return g_strdup (project_source (c, part_field, parts[1]));
      return g_strdup_printf ("%s · %s", project_source (c, part_field, parts[1]),
                              project_source (c, section_field, parts[2]));
    }
  if (n == 3 && g_str_equal (parts[0], "outline") && g_str_equal (parts[2], "title"))
    /* Translators: a heading of the report's outline, e.g. "Outline · introduction" */
    return g_strdup_printf (_("Outline · %s"), parts[1]);
  if (n == 4 && g_str_equal (parts[0], "outline") && g_str_equal (parts[3], "title"))
    {
      g_autofree char *part_field = g_strdup_printf ("outline:%s:title", parts[1]);

      return g_strdup_printf (_("Outline · %s · %s"), project_source (c, part_field, parts[1]),
                              parts[2]);
    }
  if (n >= 4 && g_str_equal (parts[0], "report") && g_str_equal (parts[1], "figure"))
    {
      g_autofree char *rest = g_strjoinv (" ", parts + 3);

      *kind = EVK_TRANSLATABLE_CHART;
      /* Translators: a place in the report: "Figure status · caption" */
      return g_strdup_printf (_("Figure %s · %s"), parts[2], rest);
    }
  if (n == 2 && g_str_equal (parts[0], "report"))
    /* Translators: a field of the report's title page: "Title page · Client" */
    return g_strdup_printf (_("Title page · %s"), parts[1]);
  /* Translators: a text of the project as a whole: "Project · Title" */
  return g_strdup_printf (_("Project · %s"), field_label (field));
}

static void
add_unit (Collect             *c,
          char                *key,
          char                *place,
          EvkTranslatableKind  kind,
          const char          *entity,
          gint64               entity_id,
          const char          *field,
          const char          *source,
          const char          *translation,
          EvkTextState         state,
          const char          *previous_source)
{
  Unit *unit = g_new0 (Unit, 1);

  unit->unit.key = key;
  unit->unit.place = place;
  unit->unit.kind = kind;
  unit->unit.source = g_strdup (source);
  unit->unit.translation = is_blank (translation) ? NULL : g_strdup (translation);
  unit->unit.state = unit->unit.translation == NULL ? EVK_TEXT_MISSING : state;
  if (unit->unit.state == EVK_TEXT_OUTDATED && g_strcmp0 (previous_source, source) != 0)
    unit->unit.previous_source = g_strdup (previous_source);
  unit->entity = g_strdup (entity);
  unit->entity_id = entity_id;
  unit->field = g_strdup (field);
  g_ptr_array_add (c->units, unit);
}

static EvkTextState
state_of (const char *source,
          const char *body,
          const char *source_fp)
{
  g_autofree char *current = NULL;

  if (is_blank (body))
    return EVK_TEXT_MISSING;
  current = evk_text_fingerprint (source);
  return g_strcmp0 (current, source_fp) == 0 ? EVK_TEXT_CURRENT : EVK_TEXT_OUTDATED;
}

static void
add_text_unit (Collect     *c,
               EvkTextPair *pair)
{
  g_autofree char *row_key = address_key (pair->entity, pair->entity_id, NULL);
  RowName *row = g_hash_table_lookup (c->rows, row_key);
  EvkTranslatableKind kind = EVK_TRANSLATABLE_STRATEGY;
  char *key, *place;

  if (g_str_equal (pair->entity, EVK_NARRATIVE_ENTITY_PROJECT))
    {
      key = join_parts ("project", pair->field, NULL);
      place = project_place (c, pair->field, &kind);
    }
  else if (row == NULL)
    {
      /* A text whose owner is gone (a file edited by another tool): it
       * keeps a key, by row id, so it can still be translated. */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, pair->entity_id);

      key = join_parts (pair->entity, id, pair->field, NULL);
      place = g_strdup_printf ("%s %s · %s", pair->entity, id, field_label (pair->field));
    }
  else
    {
      g_autoptr(GString) k = g_string_new (row->prefix);

      append_part (k, pair->field);
      key = g_string_free (g_steal_pointer (&k), FALSE);
      if (g_str_equal (pair->entity, "measure") && g_str_has_prefix (pair->field, "section:"))
        {
          const char *name = g_hash_table_lookup (c->section_names, pair->field + 8);

          kind = EVK_TRANSLATABLE_NARRATIVE;
          place = g_strdup_printf ("%s · %s", row->name, name != NULL ? name : pair->field + 8);
        }
      else if (g_str_equal (pair->entity, "value_label"))
        {
          kind = EVK_TRANSLATABLE_SURVEY;
          /* Translators: a value label's place: "Variable q17_3 · value 4" */
          place = g_strdup_printf (_("%s · value %s"), row->name, row->detail);
        }
      else if (g_str_equal (pair->entity, "chart"))
        {
          const char *caption = source_of (c, "chart", pair->entity_id, "caption");
          /* The chart as the evaluator knows it: by its caption. */
          kind = EVK_TRANSLATABLE_CHART;
          place = g_strdup_printf ("%s · %s", !is_blank (caption) && !g_str_equal (pair->field, "caption")
                                                ? caption : row->name,
                                   field_label (pair->field));
        }
      else
        {
          if (g_str_equal (pair->entity, "offer") || g_str_equal (pair->entity, "respondent_group") ||
              g_str_equal (pair->entity, "survey") || g_str_equal (pair->entity, "mrset") ||
              g_str_equal (pair->entity, "variable"))
            kind = EVK_TRANSLATABLE_SURVEY;
          place = g_strdup_printf ("%s · %s", row->name, field_label (pair->field));
        }
    }
  add_unit (c, key, place, kind, pair->entity, pair->entity_id, pair->field, pair->source,
            pair->body, state_of (pair->source, pair->body, pair->source_fp), pair->source_body);
}

/* A report word: the project's own text when it has one, else the words
 * file's, in the source language and in lang alike. A translation from
 * the words file is current as long as the project keeps the file's
 * source word; one the project stored follows its fingerprint. */
static gboolean
add_word_unit (Collect     *c,
               const char  *group,
               const char  *word,
               GError     **error)
{
  g_autofree char *field = g_strdup_printf (WORD_FIELD_PREFIX "%s:%s", group, word);
  g_autofree char *own_source = NULL, *body = NULL, *fp = NULL, *source_body = NULL;
  const char *file_source = evk_word_default (group, word, c->source);
  const char *file_translation = evk_word_default (group, word, c->lang);
  const char *source;
  EvkTextState state;
  const char *translation, *previous;

  if (!evk_store_get_text_version (c->store, EVK_NARRATIVE_ENTITY_PROJECT, 0, field, c->source,
                                   &own_source, NULL, error) ||
      !evk_store_get_text_version (c->store, EVK_NARRATIVE_ENTITY_PROJECT, 0, field, c->lang,
                                   &body, &fp, error) ||
      !evk_store_get_text_source (c->store, EVK_NARRATIVE_ENTITY_PROJECT, 0, field, c->lang,
                                  &source_body, error))
    return FALSE;
  source = !is_blank (own_source) ? own_source : file_source;
  if (is_blank (source))
    return TRUE;
  if (body != NULL)
    {
      translation = body;
      state = state_of (source, body, fp);
      previous = source_body;
    }
  else
    {
      translation = file_translation;
      state = own_source == NULL || g_strcmp0 (own_source, file_source) == 0
                ? EVK_TEXT_CURRENT : EVK_TEXT_OUTDATED;
      previous = file_source;
    }
  add_unit (c, join_parts ("report-word", group, word, NULL),
            /* Translators: a word the report prints: "Report word · Figure" */
            g_strdup_printf (_("Report word · %s"), word), EVK_TRANSLATABLE_REPORT_WORD,
            EVK_NARRATIVE_ENTITY_PROJECT, 0, field, source, translation, state, previous);
  return TRUE;
}

static gboolean
collect (Collect     *c,
         EvkProject  *project,
         const char  *lang,
         GError     **error)
{
  g_auto(GStrv) langs = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) word_order = g_ptr_array_new ();

  c->project = project;
  c->store = evk_project_get_store (project);
  c->lang = lang;
  c->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) row_name_free);
  c->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->section_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->units = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_translatable_free);

  langs = evk_project_get_languages (project, error);
  if (langs == NULL)
    return FALSE;
  if (langs[0] == NULL)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                           _("the project has no source language"));
      return FALSE;
    }
  c->source = g_strdup (langs[0]);
  if (g_str_equal (lang, c->source))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                   _("“%s” is the project’s source language: it has nothing to translate"), lang);
      return FALSE;
    }
  if (!g_strv_contains ((const char * const *) langs, lang))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                   _("the project has no language “%s”"), lang);
      return FALSE;
    }

  if (!load_rows (c, error))
    return FALSE;
  pairs = evk_store_list_translations (c->store, lang, error);
  if (pairs == NULL)
    return FALSE;
  for (guint i = 0; i < pairs->len; i++)
    {
      EvkTextPair *pair = g_ptr_array_index (pairs, i);

      g_hash_table_insert (c->sources, address_key (pair->entity, pair->entity_id, pair->field),
                           pair->source);
      if (g_str_equal (pair->entity, "term") && g_str_equal (pair->field, "name"))
        {
          g_autofree char *row_key = address_key ("term", pair->entity_id, NULL);
          RowName *row = g_hash_table_lookup (c->rows, row_key);

          /* A section as the translator reads the report: in the
           * language translated into, once it is. */
          if (row != NULL && g_str_has_prefix (row->prefix, "term/section/"))
            g_hash_table_insert (c->section_names,
                                 g_strdup (row->prefix + strlen ("term/section/")),
                                 g_strdup (!is_blank (pair->body) ? pair->body : pair->source));
        }
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      EvkTextPair *pair = g_ptr_array_index (pairs, i);

      if (g_str_equal (pair->entity, EVK_NARRATIVE_ENTITY_PROJECT) &&
          g_str_has_prefix (pair->field, WORD_FIELD_PREFIX))
        {
          if (!g_hash_table_contains (words, pair->field))
            {
              char *field = g_strdup (pair->field);

              g_hash_table_add (words, field);
              g_ptr_array_add (word_order, field);
            }
          continue;
        }
      if (is_blank (pair->source))
        continue;
      add_text_unit (c, pair);
    }

  /* The words file's words in its order, then words only the project has. */
  for (guint g = 0; g < G_N_ELEMENTS (word_groups); g++)
    {
      g_auto(GStrv) keys = evk_words_get_keys (word_groups[g]);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *field = g_strdup_printf (WORD_FIELD_PREFIX "%s:%s", word_groups[g], keys[k]);

          g_hash_table_remove (words, field);
          if (!add_word_unit (c, word_groups[g], keys[k], error))
            return FALSE;
        }
    }
  for (guint i = 0; i < word_order->len; i++)
    {
      const char *field = g_ptr_array_index (word_order, i);
      g_auto(GStrv) parts = NULL;

      if (!g_hash_table_contains (words, field))
        continue;
      parts = g_strsplit (field + strlen (WORD_FIELD_PREFIX), ":", 2);
      if (g_strv_length (parts) == 2 && !add_word_unit (c, parts[0], parts[1], error))
        return FALSE;
    }
  return TRUE;
}

static void
count_units (GPtrArray            *units,
             EvkTranslationCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);

      switch (unit->state)
        {
        case EVK_TEXT_CURRENT:
          counts->done++;
          break;
        case EVK_TEXT_OUTDATED:
          counts->outdated++;
          break;
        case EVK_TEXT_MISSING:
        default:
          counts->missing++;
          break;
        }
    }
}

GPtrArray *
evk_translatables_list (EvkProject            *project,
                        const char            *lang,
                        EvkTranslationCounts  *counts,
                        GError               **error)
{
  g_auto(Collect) c = { 0 };

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  if (!collect (&c, project, lang, error))
    return NULL;
  if (counts != NULL)
    count_units (c.units, counts);
  return g_steal_pointer (&c.units);
}

gboolean
evk_translatables_count (EvkProject            *project,
                         const char            *lang,
                         EvkTranslationCounts  *counts,
                         GError               **error)
{
  g_autoptr(GPtrArray) units = evk_translatables_list (project, lang, counts, error);

  return units != NULL;
}

/* Writing. */

typedef struct {
  EvkProject           *project;
  const char           *lang;
  GArray               *updates;
  EvkTranslationResult *result;
  gboolean              words_changed;
} Apply;

static gboolean
write_unit (EvkStore    *store,
            Unit        *unit,
            const char  *lang,
            const char  *translation,
            const char  *source_fp,
            const char  *source_body,
            GError     **error)
{
  return evk_store_put_translation (store, unit->entity, unit->entity_id, unit->field, lang,
                                    translation, source_fp, source_body, error);
}

/* Newlines around a text do not change what it says (a PO file cannot
 * keep them where msgid and msgstr differ). */
static gboolean
same_text (const char *a,
           const char *b)
{
  gsize a_len, b_len;

  if (a == NULL || b == NULL)
    return a == b;
  while (*a == '\n' || *a == '\r')
    a++;
  while (*b == '\n' || *b == '\r')
    b++;
  a_len = strlen (a);
  b_len = strlen (b);
  while (a_len > 0 && (a[a_len - 1] == '\n' || a[a_len - 1] == '\r'))
    a_len--;
  while (b_len > 0 && (b[b_len - 1] == '\n' || b[b_len - 1] == '\r'))
    b_len--;
  return a_len == b_len && strncmp (a, b, a_len) == 0;
}

static gboolean
apply_one (EvkStore                   *store,
           Unit                       *unit,
           const char                 *lang,
           const EvkTranslationUpdate *update,
           gboolean                   *changed,
           GError                    **error)
{
  EvkTranslatable *u = &unit->unit;
  g_autofree char *stale_fp = NULL;

  *changed = FALSE;
  if (update->fuzzy)
    {
      const char *previous = update->previous_source;

      if (same_text (u->translation, update->translation) && u->state == EVK_TEXT_OUTDATED)
        return TRUE;
      /* Outdated against the source the translator saw, when it is not
       * the current one; otherwise against no source at all. */
      if (previous == NULL || same_text (previous, u->source))
        previous = NULL;
      stale_fp = evk_text_fingerprint (previous != NULL ? previous : "");
      *changed = TRUE;
      return write_unit (store, unit, lang, update->translation, stale_fp, previous, error);
    }
  if (same_text (u->translation, update->translation) && u->state == EVK_TEXT_CURRENT)
    return TRUE;
  *changed = TRUE;
  return write_unit (store, unit, lang, update->translation, NULL, u->source, error);
}

static gboolean
apply_in_transaction (EvkStore  *store,
                      gpointer   user_data,
                      GError   **error)
{
  Apply *a = user_data;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  if (!evk_store_add_language (store, a->lang, FALSE, error))
    return FALSE;
  units = evk_translatables_list (a->project, a->lang, NULL, error);
  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (by_key, unit->key, unit);
    }

  for (guint i = 0; i < a->updates->len; i++)
    {
      const EvkTranslationUpdate *update = &g_array_index (a->updates, EvkTranslationUpdate, i);
      Unit *unit = g_hash_table_lookup (by_key, update->key);
      gboolean changed;

      if (unit == NULL)
        {
          a->result->unknown++;
          continue;
        }
      if (is_blank (update->translation))
        {
          a->result->unchanged++;
          continue;
        }
      if (!apply_one (store, unit, a->lang, update, &changed, error))
        {
          g_prefix_error (error, "%s: ", update->key);
          return FALSE;
        }
      if (changed)
        {
          a->result->updated++;
          if (unit->unit.kind == EVK_TRANSLATABLE_REPORT_WORD)
            a->words_changed = TRUE;
        }
      else
        a->result->unchanged++;
    }
  return TRUE;
}

gboolean
evk_translatables_apply (EvkProject            *project,
                         const char            *lang,
                         GArray                *updates,
                         EvkTranslationResult  *result,
                         GError               **error)
{
  EvkTranslationResult local_result = { 0 };
  Apply a = { project, lang, updates, result != NULL ? result : &local_result, FALSE };

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  memset (a.result, 0, sizeof *a.result);
  if (!evk_language_code_is_valid (lang))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                   _("“%s” is not a language code"), lang);
      return FALSE;
    }
  if (!evk_store_transaction (evk_project_get_store (project), apply_in_transaction, &a, error))
    {
      memset (a.result, 0, sizeof *a.result);
      return FALSE;
    }
  if (a.words_changed && !evk_translatables_use_project_words (project, error))
    return FALSE;
  if (a.result->updated > 0)
    g_signal_emit_by_name (project, "changed", "texts");
  return TRUE;
}

typedef struct {
  EvkProject *project;
  const char *lang;
  const char *key;
  const char *translation;
  gboolean    confirm;
  gboolean    is_word;
} SetOne;

static gboolean
set_in_transaction (EvkStore  *store,
                    gpointer   user_data,
                    GError   **error)
{
  SetOne *s = user_data;
  g_autoptr(GPtrArray) units = evk_translatables_list (s->project, s->lang, NULL, error);
  Unit *unit = NULL;

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len && unit == NULL; i++)
    if (g_str_equal (((EvkTranslatable *) g_ptr_array_index (units, i))->key, s->key))
      unit = g_ptr_array_index (units, i);
  if (unit == NULL)
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_FOUND,
                   _("the project has no translatable text “%s”"), s->key);
      return FALSE;
    }
  s->is_word = unit->unit.kind == EVK_TRANSLATABLE_REPORT_WORD;
  if (s->confirm)
    {
      if (unit->unit.translation == NULL)
        {
          g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_FOUND,
                       _("“%s” has no translation in %s to keep"), s->key, s->lang);
          return FALSE;
        }
      return write_unit (store, unit, s->lang, unit->unit.translation, NULL, unit->unit.source, error);
    }
  return write_unit (store, unit, s->lang, s->translation, NULL, unit->unit.source, error);
}

static gboolean
set_one (SetOne  *s,
         GError **error)
{
  if (!evk_store_transaction (evk_project_get_store (s->project), set_in_transaction, s, error))
    return FALSE;
  if (s->is_word && !evk_translatables_use_project_words (s->project, error))
    return FALSE;
  g_signal_emit_by_name (s->project, "changed", "texts");
  return TRUE;
}

gboolean
evk_translatable_set (EvkProject  *project,
                      const char  *lang,
                      const char  *key,
                      const char  *translation,
                      GError     **error)
{
  SetOne s = { project, lang, key, translation, FALSE, FALSE };

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  return set_one (&s, error);
}

gboolean
evk_translatable_confirm (EvkProject  *project,
                          const char  *lang,
                          const char  *key,
                          GError     **error)
{
  SetOne s = { project, lang, key, NULL, TRUE, FALSE };

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  return set_one (&s, error);
}

static gboolean
add_language_in_transaction (EvkStore  *store,
                             gpointer   user_data,
                             GError   **error)
{
  return evk_store_add_language (store, user_data, FALSE, error);
}

gboolean
evk_project_add_report_language (EvkProject  *project,
                                 const char  *lang,
                                 GError     **error)
{
  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);

  if (!evk_store_transaction (evk_project_get_store (project), add_language_in_transaction,
                              (gpointer) lang, error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "texts");
  return TRUE;
}

gboolean
evk_translatables_use_project_words (EvkProject  *project,
                                     GError     **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT field, lang, body FROM text WHERE entity = 'project' "
                            "AND entity_id = 0 AND field LIKE 'word:%:%'",
                            error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      g_auto(GStrv) parts = NULL;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      parts = g_strsplit (evk_stmt_column_text (stmt, 0) + strlen (WORD_FIELD_PREFIX), ":", 2);
      if (g_strv_length (parts) != 2)
        continue;
      g_hash_table_insert (words,
                           g_strdup_printf ("%s/%s[%s]", parts[0], parts[1],
                                            evk_stmt_column_text (stmt, 1)),
                           g_strdup (evk_stmt_column_text (stmt, 2)));
    }
  evk_words_set_overrides (words);
  return TRUE;
}
