/* evk-words.c: the words Evalkit itself prints, per content language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-words"

#include "config.h"

#include <string.h>

#include "evk-data-dir.h"
#include "evk-localized.h"
#include "evk-words.h"

static GMutex lock;
static GKeyFile *words;
static char *words_path;
/* "Group/Key[lang]" → the project's own word, consulted first. */
static GHashTable *overrides;

static GKeyFile *
get_words (void)
{
  if (words == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      if (words_path != NULL)
        path = g_strdup (words_path);
      else
        {
          g_autofree char *data_dir = evk_get_data_dir ();
          path = g_build_filename (data_dir, "report-strings.ini", NULL);
        }
      words = g_key_file_new ();
      if (!g_key_file_load_from_file (words, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
        g_warning ("Cannot read the report's words from %s: %s", path, error->message);
    }
  return words;
}

void
evk_words_set_path (const char *path)
{
  g_mutex_lock (&lock);
  g_clear_pointer (&words, g_key_file_unref);
  g_free (words_path);
  words_path = g_strdup (path);
  g_mutex_unlock (&lock);
}

/* The returned string lives as long as the words file (the process). */
const char *
evk_word (const char *group,
          const char *key,
          const char *lang)
{
  g_autofree char *full = g_strdup_printf ("%s[%s]", key, lang);
  g_autofree char *value = NULL;
  const char *interned;

  g_mutex_lock (&lock);
  if (overrides != NULL)
    {
      g_autofree char *override_key = g_strdup_printf ("%s/%s", group, full);
      value = g_strdup (g_hash_table_lookup (overrides, override_key));
    }
  if (value == NULL)
    value = g_key_file_get_string (get_words (), group, full, NULL);
  g_mutex_unlock (&lock);
  if (value == NULL)
    return NULL;
  interned = g_intern_string (value);
  return interned;
}

GStrv
evk_word_languages (const char *group,
                    const char *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  gsize prefix_len = strlen (key);

  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *group_prefix = g_strdup_printf ("%s/", group);

  g_mutex_lock (&lock);
  keys = g_key_file_get_keys (get_words (), group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    g_ptr_array_add (seen, g_strdup (keys[i]));
  if (overrides != NULL)
    {
      GHashTableIter iter;
      gpointer k;

      g_hash_table_iter_init (&iter, overrides);
      while (g_hash_table_iter_next (&iter, &k, NULL))
        if (g_str_has_prefix (k, group_prefix))
          g_ptr_array_add (seen, g_strdup ((const char *) k + strlen (group_prefix)));
    }
  g_mutex_unlock (&lock);

  for (guint i = 0; i < seen->len; i++)
    {
      const char *k = g_ptr_array_index (seen, i);
      gsize len = strlen (k);

      if (len > prefix_len + 2 && strncmp (k, key, prefix_len) == 0 && k[prefix_len] == '[' &&
          k[len - 1] == ']')
        {
          g_autofree char *lang = g_strndup (k + prefix_len + 1, len - prefix_len - 2);
          gboolean dup = FALSE;

          for (guint j = 0; j < i && !dup; j++)
            {
              const char *other = g_ptr_array_index (seen, j);
              dup = g_str_equal (other, k);
            }
          if (!dup)
            g_strv_builder_add (builder, lang);
        }
    }
  return g_strv_builder_end (builder);
}

void
evk_words_set_overrides (GHashTable *project_words)
{
  g_mutex_lock (&lock);
  g_clear_pointer (&overrides, g_hash_table_unref);
  if (project_words != NULL && g_hash_table_size (project_words) > 0)
    overrides = g_hash_table_ref (project_words);
  g_mutex_unlock (&lock);
}

GStrv
evk_words_get_keys (const char *group)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) keys = NULL;

  g_mutex_lock (&lock);
  keys = g_key_file_get_keys (get_words (), group, NULL, NULL);
  g_mutex_unlock (&lock);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *bracket = strchr (keys[i], '[');
      g_autofree char *key = bracket != NULL ? g_strndup (keys[i], bracket - keys[i]) : g_strdup (keys[i]);

      if (!g_hash_table_contains (seen, key))
        {
          g_strv_builder_add (builder, key);
          g_hash_table_add (seen, g_steal_pointer (&key));
        }
    }
  return g_strv_builder_end (builder);
}

const char *
evk_word_default (const char *group,
                  const char *key,
                  const char *lang)
{
  g_autofree char *full = g_strdup_printf ("%s[%s]", key, lang);
  g_autofree char *value = NULL;

  g_mutex_lock (&lock);
  value = g_key_file_get_string (get_words (), group, full, NULL);
  g_mutex_unlock (&lock);
  return value != NULL ? g_intern_string (value) : NULL;
}

GHashTable *
evk_word_localized (const char *group,
                    const char *key)
{
  GHashTable *localized = evk_localized_new ();
  g_auto(GStrv) langs = evk_word_languages (group, key);

  for (guint i = 0; langs[i] != NULL; i++)
    evk_localized_set (localized, langs[i], evk_word (group, key, langs[i]));
  return localized;
}
