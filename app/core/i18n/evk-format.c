/* evk-format.c: numbers and percentages in a content language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-format"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evk-format.h"
#include "evk-words.h"

static const char *
rule (const char *lang,
      const char *key,
      const char *fallback)
{
  const char *value = evk_word ("Format", key, lang);

  return value != NULL ? value : fallback;
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
