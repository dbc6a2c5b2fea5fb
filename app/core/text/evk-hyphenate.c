/* evk-hyphenate.c: soft hyphens for justified text, from libhyphen patterns
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-hyphenate"

#include "config.h"

#include <hyphen.h>
#include <string.h>

#include "evk-data-dir.h"
#include "evk-hyphenate.h"

#define SOFT_HYPHEN "\u00ad"
#define MIN_WORD    5    /* shorter words are never divided */
#define LEFT_MIN    2
#define RIGHT_MIN   3    /* "integrerin-g" reads worse than a loose line */

struct _EvkHyphenator
{
  HyphenDict *dict;
  gboolean    utf8;      /* the pattern file's charset; else ISO-8859-1 */
  GMutex      lock;      /* libhyphen keeps no state, but be safe */
};

static GMutex cache_lock;
static GHashTable *cache; /* lang → EvkHyphenator, or a NULL marker */

static char *
find_in_dir (const char *dir,
             const char *lang)
{
  g_autofree char *tag = g_strdelimit (g_strdup (lang), "-", '_');
  g_auto(GStrv) parts = g_strsplit (tag, "_", 2);
  g_autoptr(GDir) d = NULL;
  const char *name;
  g_autofree char *exact = g_strdup_printf ("hyph_%s.dic", tag);
  g_autofree char *path = g_build_filename (dir, exact, NULL);
  g_autofree char *prefix = g_strdup_printf ("hyph_%s_", parts[0]);
  g_autofree char *best = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  /* "nb" finds hyph_nb_NO.dic; "en" prefers en_US over other regions so
   * the choice does not depend on the order of the directory. */
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".dic") &&
        (best == NULL || strcmp (name, best) > 0 || strstr (name, "_US") != NULL))
      {
        if (best != NULL && strstr (best, "_US") != NULL)
          continue;
        g_free (best);
        best = g_strdup (name);
      }
  return best != NULL ? g_build_filename (dir, best, NULL) : NULL;
}

char *
evk_hyphen_find_patterns (const char *lang)
{
  g_autofree char *data_dir = evk_get_data_dir ();
  g_autofree char *bundled = g_build_filename (data_dir, "hyphen", NULL);
  const char *dirs[] = { g_getenv ("EVALKIT_HYPHEN_DIR"), bundled, "/app/share/hyphen",
                         "/usr/share/hyphen" };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      char *path;

      if (dirs[i] == NULL || !g_file_test (dirs[i], G_FILE_TEST_IS_DIR))
        continue;
      path = find_in_dir (dirs[i], lang);
      if (path != NULL)
        return path;
    }
  return NULL;
}

static EvkHyphenator *
hyphenator_load (const char *lang)
{
  g_autofree char *path = evk_hyphen_find_patterns (lang);
  EvkHyphenator *self;
  HyphenDict *dict;

  if (path == NULL)
    return NULL;
  dict = hnj_hyphen_load (path);
  if (dict == NULL)
    return NULL;
  self = g_new0 (EvkHyphenator, 1);
  self->dict = dict;
  self->utf8 = dict->utf8 != 0;
  g_mutex_init (&self->lock);
  return self;
}

EvkHyphenator *
evk_hyphenator_get (const char *lang)
{
  EvkHyphenator *self;
  gpointer found;

  g_return_val_if_fail (lang != NULL, NULL);

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (cache, lang, NULL, &found))
    self = found;
  else
    {
      self = hyphenator_load (lang);
      g_hash_table_insert (cache, g_strdup (lang), self);
    }
  g_mutex_unlock (&cache_lock);
  return self;
}

static gboolean
word_is_hyphenable (const char *word,
                    gsize       length,
                    glong      *n_chars)
{
  guint capitals = 0;
  glong n = 0;

  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        return FALSE;
      if (g_unichar_isupper (c))
        capitals++;
      n++;
    }
  *n_chars = n;
  return n >= MIN_WORD && capitals < 2;
}

/* Appends word with soft hyphens where the patterns allow a break. */
static void
hyphenate_word (EvkHyphenator *self,
                GString       *out,
                const char    *word,
                gsize          length)
{
  g_autofree char *lower = NULL, *encoded = NULL, *hyphens = NULL;
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  gsize encoded_length = 0;
  glong n_chars = 0;
  const char *p;

  if (!word_is_hyphenable (word, length, &n_chars))
    {
      g_string_append_len (out, word, length);
      return;
    }

  lower = g_utf8_strdown (word, length);
  if (self->utf8)
    {
      /* Byte positions of a UTF-8 pattern file match characters only for
       * ASCII words; others stay whole rather than break wrongly. */
      for (p = lower; *p != '\0'; p++)
        if ((guchar) *p >= 0x80)
          {
            g_string_append_len (out, word, length);
            return;
          }
      encoded = g_strdup (lower);
      encoded_length = strlen (encoded);
    }
  else
    {
      /* ISO-8859-1 is the first 256 code points: no iconv per word. */
      char *q;

      encoded = g_malloc (n_chars + 1);
      q = encoded;
      for (p = lower; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c > 0xff)
            {
              g_string_append_len (out, word, length);
              return;
            }
          *q++ = (char) c;
        }
      *q = '\0';
      encoded_length = q - encoded;
      if ((glong) encoded_length != n_chars)
        {
          g_string_append_len (out, word, length);
          return;
        }
    }

  hyphens = g_malloc0 (encoded_length + 5);
  g_mutex_lock (&self->lock);
  if (hnj_hyphen_hyphenate3 (self->dict, encoded, (int) encoded_length, hyphens, NULL,
                             &rep, &pos, &cut, LEFT_MIN, RIGHT_MIN, LEFT_MIN, RIGHT_MIN) != 0)
    memset (hyphens, '0', encoded_length);
  g_mutex_unlock (&self->lock);

  p = word;
  for (glong i = 0; i < n_chars; i++)
    {
      const char *next = g_utf8_next_char (p);

      g_string_append_len (out, p, next - p);
      /* Non-standard breaks ("buss-stopp" from "busstopp") change the
       * spelling, which a soft hyphen cannot; they are skipped. */
      if (i < n_chars - 1 && (hyphens[i] & 1) && (rep == NULL || rep[i] == NULL))
        g_string_append (out, SOFT_HYPHEN);
      p = next;
    }

  if (rep != NULL)
    {
      for (gsize i = 0; i < encoded_length; i++)
        free (rep[i]);
      free (rep);
    }
  free (pos);
  free (cut);
}

char *
evk_hyphenator_hyphenate_full (EvkHyphenator *self,
                               const char    *text,
                               GHashTable    *words,
                               gboolean       starts_sentence)
{
  g_autoptr(GString) out = NULL;
  const char *p = text, *start = NULL;
  gboolean sentence_start = starts_sentence;

  g_return_val_if_fail (text != NULL, NULL);

  if (self == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + strlen (text) / 8);
  /* A word is a run of letters; digits or an apostrophe inside make it a
   * token that is left whole. A capitalised word inside a sentence is a
   * name ("Espegren", "Hverdagsintegrering") and is left whole too. */
  while (TRUE)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean in_word = c != 0 && (g_unichar_isalnum (c) || c == '\'' || c == 0x2019);

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          EvkHyphenator *other = self;

          if (!sentence_start && g_unichar_isupper (g_utf8_get_char (start)))
            other = NULL;
          sentence_start = FALSE;

          if (words != NULL && other != NULL)
            {
              g_autofree char *word = g_strndup (start, p - start);
              gpointer value;

              if (g_hash_table_lookup_extended (words, word, NULL, &value))
                other = value;
            }
          if (other != NULL)
            hyphenate_word (other, out, start, p - start);
          else
            g_string_append_len (out, start, p - start);
          start = NULL;
        }
      if (c == 0)
        break;
      if (!in_word)
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          if (c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2028)
            sentence_start = TRUE;
        }
      p = g_utf8_next_char (p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
evk_hyphenator_hyphenate (EvkHyphenator *self,
                          const char    *text)
{
  return evk_hyphenator_hyphenate_full (self, text, NULL, TRUE);
}
