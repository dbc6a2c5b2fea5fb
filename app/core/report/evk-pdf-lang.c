/* evk-pdf-lang.c: the document language of a finished PDF, by incremental update
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "evk-pdf-lang.h"

static const char *
find_last (const char *haystack,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  if (length < n)
    return NULL;
  for (const char *p = haystack + length - n; p >= haystack; p--)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* The end of the dictionary that starts at p ("<<"), nested ones
 * included; strings are skipped so a ">>" inside one does not count. */
static const char *
dictionary_end (const char *p,
                const char *end)
{
  int depth = 0;

  while (p < end - 1)
    {
      if (*p == '(')
        {
          int parens = 1;

          for (p++; p < end && parens > 0; p++)
            {
              if (*p == '\\')
                p++;
              else if (*p == '(')
                parens++;
              else if (*p == ')')
                parens--;
            }
          continue;
        }
      if (p[0] == '<' && p[1] == '<')
        {
          depth++;
          p += 2;
          continue;
        }
      if (p[0] == '>' && p[1] == '>')
        {
          depth--;
          p += 2;
          if (depth == 0)
            return p;
          continue;
        }
      p++;
    }
  return NULL;
}

/* "/Key N G R" in dict → N. */
static gboolean
dictionary_ref (const char *dict,
                gsize       length,
                const char *key,
                guint64    *number)
{
  g_autofree char *copy = g_strndup (dict, length);
  const char *p = strstr (copy, key);
  char *end;

  if (p == NULL)
    return FALSE;
  p += strlen (key);
  *number = g_ascii_strtoull (p, &end, 10);
  return end != p;
}

static gboolean
valid_language (const char *lang)
{
  for (const char *p = lang; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return *lang != '\0';
}

gboolean
evk_pdf_set_language (const char  *path,
                      const char  *lang,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) update = NULL;
  g_autofree char *object_head = NULL;
  const char *end, *startxref, *trailer, *trailer_dict, *trailer_end, *object, *dict, *dict_end;
  const char *lang_key;
  gsize length;
  guint64 prev, root;
  char *after;

  if (!valid_language (lang))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: “%s” is not a language tag"), path, lang);
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  end = contents + length;

  startxref = find_last (contents, length, "startxref");
  trailer = find_last (contents, length, "trailer");
  if (startxref == NULL || trailer == NULL || trailer > startxref)
    {
      /* A cross-reference stream (PDF 1.5) would need a stream of its own;
       * cairo 1.16 writes classic tables. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: no trailer and startxref: not a PDF with a classic cross-reference table"),
                   path);
      return FALSE;
    }
  prev = g_ascii_strtoull (startxref + strlen ("startxref"), &after, 10);
  trailer_dict = strstr (trailer, "<<");
  trailer_end = trailer_dict != NULL ? dictionary_end (trailer_dict, end) : NULL;
  if (after == startxref + strlen ("startxref") || trailer_end == NULL ||
      !dictionary_ref (trailer_dict, trailer_end - trailer_dict, "/Root", &root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the trailer has no /Root"), path);
      return FALSE;
    }

  /* The catalog's latest revision: the last "N 0 obj" in the file. */
  object_head = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj", root);
  object = find_last (contents, length, object_head);
  dict = object != NULL ? strstr (object, "<<") : NULL;
  dict_end = dict != NULL ? dictionary_end (dict, end) : NULL;
  if (dict_end == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the catalog (object %llu) was not found"), path, (unsigned long long) root);
      return FALSE;
    }

  update = g_string_new (NULL);
  if (contents[length - 1] != '\n')
    g_string_append_c (update, '\n');
  {
    gsize offset = length + update->len;
    g_autofree char *catalog = g_strndup (dict + 2, dict_end - 2 - (dict + 2));
    g_autofree char *trailer_text = g_strndup (trailer_dict + 2, trailer_end - 2 - (trailer_dict + 2));
    GString *keys = g_string_new (catalog);

    /* An earlier /Lang (a second run) is replaced, not repeated. */
    lang_key = strstr (keys->str, "/Lang");
    if (lang_key != NULL)
      {
        const char *close = strchr (lang_key, ')');

        if (close != NULL)
          g_string_erase (keys, lang_key - keys->str, close + 1 - lang_key);
      }
    /* cairo 1.16 writes a structure tree but does not say the file is
     * tagged; readers look for /MarkInfo. */
    if (strstr (keys->str, "/StructTreeRoot") != NULL && strstr (keys->str, "/MarkInfo") == NULL)
      g_string_append (keys, " /MarkInfo << /Marked true >>");
    g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n<<%s /Lang (%s) >>\nendobj\n",
                            root, keys->str, lang);
    g_string_free (keys, TRUE);

    {
      gsize xref = length + update->len;
      GString *trailer_keys = g_string_new (trailer_text);
      const char *old_prev = strstr (trailer_keys->str, "/Prev");

      if (old_prev != NULL)
        {
          const char *p = old_prev + 5;

          while (*p == ' ' || g_ascii_isdigit (*p))
            p++;
          g_string_erase (trailer_keys, old_prev - trailer_keys->str, p - old_prev);
        }
      g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                              root, offset);
      g_string_append_printf (update, "trailer\n<<%s /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%"
                              G_GSIZE_FORMAT "\n%%%%EOF\n", trailer_keys->str, prev, xref);
      g_string_free (trailer_keys, TRUE);
    }
  }

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFileOutputStream) stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, error);

    if (stream == NULL ||
        !g_output_stream_write_all (G_OUTPUT_STREAM (stream), update->str, update->len, NULL, NULL, error) ||
        !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
      {
        g_prefix_error (error, "%s: ", path);
        return FALSE;
      }
  }
  return TRUE;
}
