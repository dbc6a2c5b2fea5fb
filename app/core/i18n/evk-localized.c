/* evk-localized.c: a text in several languages, and source fingerprints
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-localized"

#include "config.h"

#include <string.h>

#include "evk-localized.h"

GHashTable *
evk_localized_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Setting NULL or "" removes the language: an empty translation is a
 * missing one. */
void
evk_localized_set (GHashTable *localized,
                   const char *lang,
                   const char *text)
{
  if (text == NULL || *text == '\0')
    g_hash_table_remove (localized, lang);
  else
    g_hash_table_replace (localized, g_strdup (lang), g_strdup (text));
}

const char *
evk_localized_get (GHashTable *localized,
                   const char *lang)
{
  if (localized == NULL || lang == NULL)
    return NULL;
  return g_hash_table_lookup (localized, lang);
}

const char *
evk_localized_get_fallback (GHashTable *localized,
                            const char *lang,
                            const char *fallback_lang)
{
  const char *text = evk_localized_get (localized, lang);

  return text != NULL ? text : evk_localized_get (localized, fallback_lang);
}

gboolean
evk_localized_equal (GHashTable *a,
                     GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;
  guint na = a != NULL ? g_hash_table_size (a) : 0;
  guint nb = b != NULL ? g_hash_table_size (b) : 0;

  if (na != nb)
    return FALSE;
  if (na == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

/* A translation remembers the fingerprint of the source text it was made
 * from; when the source changes the fingerprints differ and the translation
 * is outdated. 64 bits of SHA-256 are plenty to tell edits apart. */
char *
evk_text_fingerprint (const char *text)
{
  g_autofree char *full = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         text != NULL ? text : "", -1);

  return g_strndup (full, 16);
}

/* BCP 47-ish: "nb", "en", "se", "en-GB", "ar". */
gboolean
evk_language_code_is_valid (const char *code)
{
  gsize len;

  if (code == NULL)
    return FALSE;
  len = strlen (code);
  if (len < 2 || len > 35)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = code[i];
      if (!(g_ascii_isalnum (c) || c == '-' || c == '_'))
        return FALSE;
    }
  return g_ascii_isalpha (code[0]) && g_ascii_isalpha (code[1]);
}
