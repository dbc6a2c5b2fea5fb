/* evk-narrative.c: the report's narrative: Markdown files per part and language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-narrative"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-narrative.h"
#include "evk-store-texts.h"

void
evk_narrative_section_free (EvkNarrativeSection *section)
{
  g_free (section->key);
  g_free (section->text);
  g_free (section);
}

char *
evk_narrative_chapter_field (const char *name,
                             const char *key)
{
  return g_strdup_printf ("chapter:%s:%s", name, key);
}

/* "<!-- section: KEY -->" → KEY, or NULL when the line is no marker. */
static char *
marker_key (const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  const char *p;
  gsize n;

  if (!g_str_has_prefix (stripped, "<!--") || !g_str_has_suffix (stripped, "-->"))
    return NULL;
  n = strlen (stripped);
  stripped[n - 3] = '\0';
  p = stripped + 4;
  while (g_ascii_isspace (*p))
    p++;
  if (!g_str_has_prefix (p, "section:"))
    return NULL;
  p += strlen ("section:");
  return g_strstrip (g_strdup (p));
}

static gboolean
key_is_valid (const char *key)
{
  if (*key == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static void
finish_section (EvkNarrativeSection *section,
                GString             *text)
{
  /* Blank lines around a section are not part of it. */
  g_strchomp (text->str);
  text->len = strlen (text->str);
  while (text->len > 0 && text->str[0] == '\n')
    g_string_erase (text, 0, 1);
  section->text = g_strdup (text->str);
  g_string_truncate (text, 0);
}

GPtrArray *
evk_narrative_split (const char  *contents,
                     const char  *file,
                     GError     **error)
{
  g_autoptr(GPtrArray) sections =
    g_ptr_array_new_with_free_func ((GDestroyNotify) evk_narrative_section_free);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  EvkNarrativeSection *current = NULL;
  gboolean in_fence = FALSE;

  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                   _("%s: the file is not UTF-8 text"), file);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      char *line = lines[i];
      gsize n = strlen (line);

      if (n > 0 && line[n - 1] == '\r')
        line[n - 1] = '\0';
      {
        const char *s = line;

        while (*s == ' ')
          s++;
        if (g_str_has_prefix (s, "```") || g_str_has_prefix (s, "~~~"))
          in_fence = !in_fence;
      }
      key = in_fence ? NULL : marker_key (line);

      if (key == NULL)
        {
          if (current == NULL)
            {
              g_autofree char *blank = g_strstrip (g_strdup (line));

              if (*blank != '\0')
                {
                  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                               _("%s: line %u: text before the first <!-- section: KEY --> marker"),
                               file, i + 1);
                  return NULL;
                }
              continue;
            }
          g_string_append (text, line);
          g_string_append_c (text, '\n');
          continue;
        }

      if (!key_is_valid (key))
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                       _("%s: line %u: “%s” is not a section key (letters, digits and -)"),
                       file, i + 1, key);
          return NULL;
        }
      if (g_hash_table_contains (seen, key))
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                       _("%s: line %u: the section “%s” appears twice"), file, i + 1, key);
          return NULL;
        }
      if (current != NULL)
        finish_section (current, text);
      current = g_new0 (EvkNarrativeSection, 1);
      current->key = g_steal_pointer (&key);
      current->line = i + 1;
      g_hash_table_add (seen, current->key);
      g_ptr_array_add (sections, current);
    }
  if (current != NULL)
    finish_section (current, text);
  return g_steal_pointer (&sections);
}

typedef struct {
  char       *entity;
  gint64      entity_id;
  char       *field;
  GHashTable *localized;
} Text;

static void
text_free (Text *t)
{
  g_free (t->entity);
  g_free (t->field);
  g_hash_table_unref (t->localized);
  g_free (t);
}

struct _EvkNarrativeImport {
  EvkProject  *project;
  char        *dir;
  GStrv        languages;
  GPtrArray   *texts;      /* Text, in source order */
  GHashTable  *by_field;   /* "entity\x1fid\x1ffield" → Text */
  GHashTable  *measures;   /* number → row id */
  GStrv        section_keys;
  EvkNarrativeCheckFunc check;
  gpointer     check_data;
};
typedef EvkNarrativeImport Import;

void
evk_narrative_import_free (EvkNarrativeImport *import)
{
  if (import == NULL)
    return;
  g_free (import->dir);
  g_strfreev (import->languages);
  g_ptr_array_unref (import->texts);
  g_hash_table_unref (import->by_field);
  g_hash_table_unref (import->measures);
  g_strfreev (import->section_keys);
  g_free (import);
}

static gboolean
load_measure_ids (Import  *import,
                  GError **error)
{
  EvkStore *store = evk_project_get_store (import->project);
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT number, id FROM measure", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    g_hash_table_insert (import->measures, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  return error == NULL || *error == NULL;
}

/* Where a file's sections go: a measure's row or the project. */
static gboolean
file_target (Import      *import,
             const char  *name,
             const char  *path,
             char       **entity,
             gint64      *entity_id,
             gboolean    *is_measure,
             GError     **error)
{
  if (g_str_has_prefix (name, "measure-"))
    {
      const char *digits = name + strlen ("measure-");
      char *end = NULL;
      guint64 number = g_ascii_strtoull (digits, &end, 10);
      gpointer id;

      if (end == digits || g_strcmp0 (end, ".md") != 0)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                       _("%s: a measure file is named measure-NN.md"), path);
          return FALSE;
        }
      id = g_hash_table_lookup (import->measures, GINT_TO_POINTER ((int) number));
      if (id == NULL)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("%s: the strategy has no measure %u"), path, (guint) number);
          return FALSE;
        }
      *entity = g_strdup (EVK_NARRATIVE_ENTITY_MEASURE);
      *entity_id = GPOINTER_TO_INT (id);
      *is_measure = TRUE;
      return TRUE;
    }
  *entity = g_strdup (EVK_NARRATIVE_ENTITY_PROJECT);
  *entity_id = 0;
  *is_measure = FALSE;
  return TRUE;
}

static gboolean
import_file (Import      *import,
             const char  *lang,
             gboolean     is_source,
             const char  *name,
             GError     **error)
{
  g_autofree char *path = g_build_filename (import->dir, lang, name, NULL);
  g_autofree char *shown = g_build_filename (lang, name, NULL);
  g_autofree char *contents = NULL, *entity = NULL;
  g_autofree char *part = g_strndup (name, strlen (name) - 3);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 entity_id;
  gboolean is_measure;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      /* A translation that is not there yet is a missing translation. */
      if (!is_source && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sections = evk_narrative_split (contents, shown, error);
  if (sections == NULL ||
      !file_target (import, name, shown, &entity, &entity_id, &is_measure, error))
    return FALSE;

  for (guint i = 0; i < sections->len; i++)
    {
      EvkNarrativeSection *section = g_ptr_array_index (sections, i);
      g_autofree char *field = is_measure ? g_strdup_printf ("section:%s", section->key)
                                          : evk_narrative_chapter_field (part, section->key);
      g_autofree char *id = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", entity, entity_id, field);
      Text *text = g_hash_table_lookup (import->by_field, id);

      if (!is_measure && import->check != NULL &&
          !import->check (shown, part, section->key, section->line, import->check_data, error))
        return FALSE;
      if (is_measure && !g_strv_contains ((const char * const *) import->section_keys, section->key))
        {
          g_autofree char *known = g_strjoinv (", ", import->section_keys);

          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("%s: line %u: unknown section “%s” (the strategy’s sections are: %s)"),
                       shown, section->line, section->key, known);
          return FALSE;
        }
      if (text == NULL)
        {
          if (!is_source)
            {
              g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("%s: line %u: the section “%s” is not in the %s text"),
                           shown, section->line, section->key, import->languages[0]);
              return FALSE;
            }
          text = g_new0 (Text, 1);
          text->entity = g_strdup (entity);
          text->entity_id = entity_id;
          text->field = g_strdup (field);
          text->localized = evk_localized_new ();
          g_ptr_array_add (import->texts, text);
          g_hash_table_insert (import->by_field, g_strdup (id), text);
        }
      if (*section->text != '\0')
        evk_localized_set (text->localized, lang, section->text);
    }
  return TRUE;
}

gboolean
evk_narrative_import_store (EvkNarrativeImport  *import,
                            EvkStore            *store,
                            GError             **error)
{

  for (guint i = 0; i < import->texts->len; i++)
    {
      Text *text = g_ptr_array_index (import->texts, i);

      if (!evk_store_replace_texts (store, text->entity, text->entity_id, text->field,
                                    text->localized, (const char * const *) import->languages,
                                    error))
        {
          g_prefix_error (error, "%s %s: ", text->entity, text->field);
          return FALSE;
        }
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
store_texts (EvkStore  *store,
             gpointer   user_data,
             GError   **error)
{
  return evk_narrative_import_store (user_data, store, error);
}

EvkNarrativeImport *
evk_narrative_read_dir (EvkProject             *project,
                        const char             *dir,
                        EvkNarrativeCheckFunc   check,
                        gpointer                check_data,
                        GError                **error)
{
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autofree char *source_dir = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(EvkNarrativeImport) import = NULL;
  const char *name;

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  strategy = evk_project_load_strategy (project, error);
  if (strategy == NULL)
    return NULL;
  if (strategy->languages == NULL || strategy->languages[0] == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s: the project has no languages"), dir);
      return NULL;
    }
  for (guint i = 0; i < strategy->vocabs[EVK_VOCAB_SECTION]->len; i++)
    g_strv_builder_add (keys, ((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_SECTION], i))->key);

  import = g_new0 (EvkNarrativeImport, 1);
  import->project = project;
  import->dir = g_strdup (dir);
  import->languages = g_strdupv (strategy->languages);
  import->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  import->by_field = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->measures = g_hash_table_new (NULL, NULL);
  import->section_keys = g_strv_builder_end (keys);
  import->check = check;
  import->check_data = check_data;
  if (!load_measure_ids (import, error))
    return NULL;

  /* The source language's folder says which files there are. */
  source_dir = g_build_filename (dir, import->languages[0], NULL);
  d = g_dir_open (source_dir, 0, error);
  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint l = 0; import->languages[l] != NULL; l++)
    for (guint i = 0; i < names->len; i++)
      if (!import_file (import, import->languages[l], l == 0, g_ptr_array_index (names, i), error))
        return NULL;
  return g_steal_pointer (&import);
}

gboolean
evk_narrative_import_dir (EvkProject  *project,
                          const char  *dir,
                          GError     **error)
{
  g_autoptr(EvkNarrativeImport) import = evk_narrative_read_dir (project, dir, NULL, NULL, error);

  return import != NULL &&
         evk_store_transaction (evk_project_get_store (project), store_texts, import, error);
}
