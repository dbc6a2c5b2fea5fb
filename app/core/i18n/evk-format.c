/* evk-format.c: numbers and percentages in a content language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-format"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evk-format.h"
#include "evk-words.h"

/* A language without [Format] words (one a project added, "nn", "se")
 * takes its numbers from the locale data its tag selects: glibc's
 * compiled locale when installed, else glibc's locale source files
 * (Debian's "locales" package, /usr/share/i18n/locales); without either,
 * from its nearest relative that has words (below), else C/English. */
#define DEFAULT_LOCALE_SOURCES "/usr/share/i18n/locales"

static GMutex locale_lock;
static GHashTable *locale_cache;  /* "lang\x1fkey" → interned value or NULL */
static char *locale_sources;

/* Languages close enough that a reader accepts the other's number format. */
static const struct {
  const char *lang;
  const char *relative;
} relatives[] = {
  { "nn", "nb" }, { "no", "nb" }, { "se", "nb" }, { "sma", "nb" }, { "smj", "nb" },
  { "da", "nb" }, { "sv", "nb" }, { "fo", "nb" }, { "is", "nb" }, { "fkv", "nb" },
};

void
evk_format_set_locale_sources (const char *dir)
{
  g_mutex_lock (&locale_lock);
  g_clear_pointer (&locale_cache, g_hash_table_unref);
  g_free (locale_sources);
  locale_sources = g_strdup (dir);
  g_mutex_unlock (&locale_lock);
}

/* "nn" → "nn", "en-GB" → "en_GB": the glibc spelling of a tag. */
static char *
glibc_name (const char *lang)
{
  return g_strdelimit (g_strdup (lang), "-", '_');
}

/* The locale names to try for a tag: its own when it names a region,
 * else the language's locales, the one whose region is the language
 * itself first ("de_DE"), then in order. */
static GPtrArray *
candidate_locales (const char *sources,
                   const char *lang)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = glibc_name (lang);
  g_autofree char *prefix = NULL;
  g_autofree char *own = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  if (strchr (name, '_') != NULL)
    {
      g_ptr_array_add (names, g_steal_pointer (&name));
      return g_steal_pointer (&names);
    }
  prefix = g_strconcat (name, "_", NULL);
  own = g_ascii_strup (name, -1);
  own = g_strconcat (prefix, own, NULL);
  dir = g_dir_open (sources, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, prefix) && strchr (entry, '@') == NULL &&
        strlen (entry) == strlen (prefix) + 2)
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, (GCompareFunc) g_ascii_strcasecmp);
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), own))
      {
        g_ptr_array_insert (names, 0, g_ptr_array_steal_index (names, i));
        break;
      }
  return g_steal_pointer (&names);
}

/* One quoted value of a locale source line: "<U202F>", ",", "". */
static char *
decode_locale_string (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = strchr (text, '"');

  if (p == NULL)
    return NULL;
  for (p++; *p != '\0' && *p != '"'; p++)
    {
      if (p[0] == '<' && p[1] == 'U')
        {
          char *end = NULL;
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, &end, 16);

          if (end == NULL || *end != '>')
            return NULL;
          g_string_append_unichar (out, c);
          p = end;
        }
      else if (p[0] == '/' && p[1] != '\0')
        g_string_append_c (out, *++p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* keyword of LC_NUMERIC in the locale source file name, following
 * "copy" (nn_NO copies nb_NO's) a few steps deep. */
static char *
locale_source_numeric (const char *sources,
                       const char *name,
                       const char *keyword,
                       guint       depth)
{
  g_autofree char *path = g_build_filename (sources, name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_numeric = FALSE;

  if (depth > 4 || strchr (name, '/') != NULL ||
      !g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (g_str_equal (line, "LC_NUMERIC"))
        in_numeric = TRUE;
      else if (g_str_has_prefix (line, "END LC_NUMERIC"))
        return NULL;
      else if (in_numeric && g_str_has_prefix (line, "copy"))
        {
          g_autofree char *other = decode_locale_string (line);

          return other != NULL ? locale_source_numeric (sources, other, keyword, depth + 1) : NULL;
        }
      else if (in_numeric && g_str_has_prefix (line, keyword) &&
               g_ascii_isspace (line[strlen (keyword)]))
        return decode_locale_string (line + strlen (keyword));
    }
  return NULL;
}

static char *
compiled_locale_numeric (const char *name,
                         nl_item     item)
{
  g_autofree char *full = g_strconcat (name, ".UTF-8", NULL);
  locale_t loc = newlocale (LC_NUMERIC_MASK, full, (locale_t) 0);
  char *value;

  if (loc == (locale_t) 0)
    return NULL;
  value = g_strdup (nl_langinfo_l (item, loc));
  freelocale (loc);
  return value;
}

static const char *
locale_rule_locked (const char *lang,
                    const char *key)
{
  const char *sources = locale_sources != NULL ? locale_sources : DEFAULT_LOCALE_SOURCES;
  const char *keyword;
  nl_item item;
  g_autoptr(GPtrArray) names = NULL;

  if (g_str_equal (key, "DecimalMark"))
    keyword = "decimal_point", item = RADIXCHAR;
  else if (g_str_equal (key, "GroupSeparator"))
    keyword = "thousands_sep", item = THOUSEP;
  else
    return NULL;

  names = candidate_locales (sources, lang);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *value = locale_sources == NULL ? compiled_locale_numeric (name, item) : NULL;

      if (value == NULL)
        value = locale_source_numeric (sources, name, keyword, 0);
      if (value != NULL && (*value != '\0' || item == THOUSEP))
        return g_intern_string (value);
    }
  return NULL;
}

static const char *
locale_rule (const char *lang,
             const char *key)
{
  g_autofree char *cache_key = g_strdup_printf ("%s\x1f%s", lang, key);
  gpointer value = NULL;
  gboolean found;

  g_mutex_lock (&locale_lock);
  if (locale_cache == NULL)
    locale_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  found = g_hash_table_lookup_extended (locale_cache, cache_key, NULL, &value);
  if (!found)
    {
      value = (gpointer) locale_rule_locked (lang, key);
      g_hash_table_insert (locale_cache, g_steal_pointer (&cache_key), value);
    }
  g_mutex_unlock (&locale_lock);
  return value;
}

static const char *
nearest_relative (const char *lang)
{
  g_autofree char *base = g_strdup (lang);
  char *dash = strchr (base, '-');

  if (dash != NULL)
    *dash = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (relatives); i++)
    if (g_str_equal (relatives[i].lang, base))
      return relatives[i].relative;
  return NULL;
}

static const char *
rule (const char *lang,
      const char *key,
      const char *fallback)
{
  const char *value = evk_word ("Format", key, lang);
  const char *relative;

  if (value != NULL)
    return value;
  if ((value = locale_rule (lang, key)) != NULL)
    return value;
  relative = nearest_relative (lang);
  if (relative != NULL && (value = evk_word ("Format", key, relative)) != NULL)
    return value;
  return fallback;
}

const char *
evk_format_rule (const char *lang,
                 const char *key)
{
  static const struct {
    const char *key;
    const char *fallback;
  } defaults[] = {
    { "DecimalMark", "." }, { "GroupSeparator", "," }, { "Minus", "−" },
    { "Percent", "{n}%" }, { "GroupFrom", "4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].key, key))
      return rule (lang, key, defaults[i].fallback);
  return NULL;
}

/* Rounds half away from zero at the printed precision, as a reader checking
 * the figure by hand would: 8.45 % at one decimal is "8.5 %". */
char *
evk_format_number (const char *lang,
                   double      value,
                   int         decimals)
{
  const char *decimal_mark = rule (lang, "DecimalMark", ".");
  const char *group = rule (lang, "GroupSeparator", ",");
  const char *minus = rule (lang, "Minus", "−");
  g_autoptr(GString) out = g_string_new (NULL);
  char digits[64];
  double scale = pow (10, decimals);
  double rounded;
  const char *point;
  gsize int_len;

  if (isnan (value))
    return g_strdup ("–");

  rounded = round (fabs (value) * scale) / scale;
  g_snprintf (digits, sizeof digits, "%.*f", decimals, rounded);
  point = strchr (digits, '.');
  int_len = point != NULL ? (gsize) (point - digits) : strlen (digits);

  if (value < 0 && rounded != 0)
    g_string_append (out, minus);
  /* Four-digit numbers stay together in Norwegian and English alike
   * ("5103" is fine, but nb writes "5 103" in tables): the words decide
   * from how many digits to group. */
  for (gsize i = 0; i < int_len; i++)
    {
      gsize left = int_len - i;
      g_string_append_c (out, digits[i]);
      if (left > 1 && (left - 1) % 3 == 0 &&
          int_len >= (gsize) atoi (rule (lang, "GroupFrom", "4")))
        g_string_append (out, group);
    }
  if (point != NULL)
    {
      g_string_append (out, decimal_mark);
      g_string_append (out, point + 1);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
evk_format_percent (const char *lang,
                    double      percent,
                    int         decimals)
{
  g_autofree char *number = evk_format_number (lang, percent, decimals);
  g_autoptr(GString) out = g_string_new (rule (lang, "Percent", "{n}%"));

  g_string_replace (out, "{n}", number, 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
fill (const char         *pattern,
      const char * const *keys,
      const int          *values,
      const int          *widths,
      guint               n)
{
  g_autoptr(GString) out = g_string_new (pattern);

  for (guint i = 0; i < n; i++)
    {
      char number[32];

      g_snprintf (number, sizeof number, "%0*d", widths[i], values[i]);
      g_string_replace (out, keys[i], number, 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
evk_format_date (const char *lang,
                 int         year,
                 int         month,
                 int         day)
{
  static const char * const keys[] = { "{yyyy}", "{mm}", "{dd}" };
  const int values[] = { year, month, day };
  const int widths[] = { 4, 2, 2 };

  return fill (rule (lang, "Date", "{yyyy}-{mm}-{dd}"), keys, values, widths, 3);
}

char *
evk_format_time (const char *lang,
                 double      seconds)
{
  static const char * const keys[] = { "{HH}", "{MM}" };
  gint64 total = (gint64) floor (fabs (seconds) + 0.5);
  const int values[] = { (int) (total / 3600), (int) (total / 60 % 60) };
  const int widths[] = { 2, 2 };
  char *text = fill (rule (lang, "Time", "{HH}:{MM}"), keys, values, widths, 2);

  if (total % 60 != 0)
    {
      char *with_seconds = g_strdup_printf ("%s:%02d", text, (int) (total % 60));

      g_free (text);
      text = with_seconds;
    }
  if (seconds < 0)
    {
      char *negative = g_strconcat (rule (lang, "Minus", "−"), text, NULL);

      g_free (text);
      text = negative;
    }
  return text;
}
