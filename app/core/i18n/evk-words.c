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

  g_mutex_lock (&lock);
  keys = g_key_file_get_keys (get_words (), group, NULL, NULL);
  g_mutex_unlock (&lock);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *k = keys[i];
      gsize len = strlen (k);

      if (len > prefix_len + 2 && strncmp (k, key, prefix_len) == 0 && k[prefix_len] == '[' &&
          k[len - 1] == ']')
        {
          g_autofree char *lang = g_strndup (k + prefix_len + 1, len - prefix_len - 2);
          g_strv_builder_add (builder, lang);
        }
    }
  return g_strv_builder_end (builder);
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
