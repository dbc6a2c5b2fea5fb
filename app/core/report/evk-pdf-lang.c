/* evk-pdf-lang.c: the document language (and a draft's id and notes) of a finished PDF, by incremental update
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "evk-draft-map.h"
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

/* Where each object's latest revision starts: number → the offset just
 * past its "N 0 obj" header at a line start. One pass over the file, so
 * that finding an object does not mean searching the whole file again
 * (a report's structure tree has thousands of elements). */
static GHashTable *
object_index (const char *contents,
              gsize       length)
{
  GHashTable *objects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *end = contents + length;

  for (const char *p = contents; p < end && (p = memchr (p, ' ', end - p)) != NULL; p++)
    {
      const char *digits = p;
      gint64 *number;

      if (end - p < 6 || memcmp (p, " 0 obj", 6) != 0)
        continue;
      while (digits > contents && g_ascii_isdigit (digits[-1]))
        digits--;
      if (digits == p || (digits > contents && digits[-1] != '\n' && digits[-1] != '\r'))
        continue;
      number = g_new (gint64, 1);
      *number = g_ascii_strtoll (digits, NULL, 10);
      /* Later revisions replace earlier ones, as in the file. */
      g_hash_table_replace (objects, number, GSIZE_TO_POINTER (p + 6 - contents));
    }
  return objects;
}

/* Where the dictionary of object number starts ("<<") and ends, in its
 * latest revision. Only for the files cairo writes (and our own updates):
 * the object header at a line start, the dictionary right after it. */
static const char *
object_dictionary (const char  *contents,
                   gsize        length,
                   GHashTable  *objects,
                   guint64      number,
                   const char **dict_end)
{
  const char *end = contents + length;
  gint64 key = (gint64) number;
  gpointer offset;
  const char *p;

  if (!g_hash_table_lookup_extended (objects, &key, NULL, &offset))
    return NULL;
  p = contents + GPOINTER_TO_SIZE (offset);
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p < 2 || p[0] != '<' || p[1] != '<')
    return NULL;
  *dict_end = dictionary_end (p, end);
  return *dict_end != NULL ? p : NULL;
}

/* The value after key in a dictionary's text, past white space. */
static const char *
dictionary_value (const char *dict,
                  const char *key)
{
  gsize n = strlen (key);

  for (const char *p = strstr (dict, key); p != NULL; p = strstr (p + 1, key))
    {
      /* "/Type" must not match "/TypeX". */
      if (g_ascii_isalnum (p[n]))
        continue;
      p += n;
      while (g_ascii_isspace (*p))
        p++;
      return p;
    }
  return NULL;
}

typedef struct {
  guint64 number;
  double  height;
} PdfPage;

/* The pages in order, walking the page tree from node. */
static gboolean
collect_pages (const char *contents,
               gsize       length,
               GHashTable *objects,
               guint64     node,
               double      height,
               guint       depth,
               GArray     *pages)
{
  const char *dict, *dict_end, *type, *kids, *box;
  g_autofree char *text = NULL;

  if (depth > 16)
    return FALSE;
  dict = object_dictionary (contents, length, objects, node, &dict_end);
  if (dict == NULL)
    return FALSE;
  text = g_strndup (dict + 2, dict_end - 2 - (dict + 2));
  box = dictionary_value (text, "/MediaBox");
  if (box != NULL && *box == '[')
    {
      char *after;
      double v[4];

      box++;
      for (int i = 0; i < 4; i++)
        {
          v[i] = g_ascii_strtod (box, &after);
          if (after == box)
            return FALSE;
          box = after;
        }
      height = v[3] - v[1];
    }
  type = dictionary_value (text, "/Type");
  if (type != NULL && g_str_has_prefix (type, "/Page") && !g_str_has_prefix (type, "/Pages"))
    {
      PdfPage page = { node, height };

      if (height <= 0)
        return FALSE;
      g_array_append_val (pages, page);
      return TRUE;
    }
  kids = dictionary_value (text, "/Kids");
  if (kids == NULL || *kids != '[')
    return FALSE;
  for (const char *p = kids + 1; *p != ']';)
    {
      char *after;
      guint64 kid;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == ']')
        break;
      kid = g_ascii_strtoull (p, &after, 10);
      if (after == p)
        return FALSE;
      p = after;
      g_ascii_strtoull (p, &after, 10);
      if (after == p)
        return FALSE;
      p = after;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != 'R')
        return FALSE;
      p++;
      if (!collect_pages (contents, length, objects, kid, height, depth + 1, pages))
        return FALSE;
    }
  return TRUE;
}

/* A text string as PDF wants one that may hold any character: UTF-16BE
 * with its byte order mark, in hex. */
static void
append_text_string (GString    *out,
                    const char *text)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text != NULL ? text : "", -1, NULL, NULL, NULL);

  g_string_append (out, "<FEFF");
  for (const gunichar2 *u = utf16; u != NULL && *u != 0; u++)
    g_string_append_printf (out, "%04X", (unsigned) *u);
  g_string_append_c (out, '>');
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-free: a decimal comma would break the file. */
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
append_date (GString    *out,
             const char *key,
             const char *iso_date)
{
  g_autoptr(GDateTime) date = iso_date != NULL ? g_date_time_new_from_iso8601 (iso_date, NULL) : NULL;
  g_autoptr(GDateTime) utc = date != NULL ? g_date_time_to_utc (date) : NULL;
  g_autofree char *text = utc != NULL ? g_date_time_format (utc, "D:%Y%m%d%H%M%SZ") : NULL;

  if (text != NULL)
    g_string_append_printf (out, " %s (%s)", key, text);
}

typedef struct {
  guint64 number;
  gsize   offset;
} XrefEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = ((const XrefEntry *) a)->number, y = ((const XrefEntry *) b)->number;

  return x < y ? -1 : x > y;
}

/* The notes' annotations and the pages that list them, appended to update
 * (whose first byte will be at base in the file). */
static gboolean
append_notes (const char       *path,
              const char       *contents,
              gsize             length,
              GHashTable       *objects,
              const char       *catalog,
              GString          *update,
              gsize             base,
              guint64          *size,
              GArray           *xref,
              const EvkPdfNote *notes,
              guint             n_notes,
              GError          **error)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (PdfPage));
  g_autofree guint64 *numbers = g_new0 (guint64, n_notes);
  guint64 root_pages;

  if (!dictionary_ref (catalog, strlen (catalog), "/Pages", &root_pages) ||
      !collect_pages (contents, length, objects, root_pages, 0, 0, pages))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the page tree could not be read"), path);
      return FALSE;
    }
  for (guint i = 0; i < n_notes; i++)
    {
      if (notes[i].page < 1 || notes[i].page > pages->len || notes[i].uuid == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s: a note for page %u of %u"), path, notes[i].page, pages->len);
          return FALSE;
        }
      numbers[i] = (*size)++;
    }

  /* Each page with notes in a new revision that lists them too. */
  for (guint p = 0; p < pages->len; p++)
    {
      PdfPage *page = &g_array_index (pages, PdfPage, p);
      g_autoptr(GString) refs = g_string_new (NULL);
      g_autoptr(GString) dict = NULL;
      const char *start, *end, *annots;
      XrefEntry entry;

      for (guint i = 0; i < n_notes; i++)
        if (notes[i].page == p + 1)
          g_string_append_printf (refs, " %" G_GUINT64_FORMAT " 0 R", numbers[i]);
      if (refs->len == 0)
        continue;
      start = object_dictionary (contents, length, objects, page->number, &end);
      dict = g_string_new_len (start + 2, end - 2 - (start + 2));
      annots = dictionary_value (dict->str, "/Annots");
      if (annots == NULL)
        g_string_append_printf (dict, " /Annots [%s ]", refs->str);
      else if (*annots == '[' && strchr (annots, ']') != NULL)
        g_string_insert (dict, strchr (annots, ']') - dict->str, refs->str);
      else
        {
          /* cairo writes the array in the page; a reference to one is
           * not what this code was written for. */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: page %u has its annotations in an object of their own"), path, p + 1);
          return FALSE;
        }
      entry.number = page->number;
      entry.offset = base + update->len;
      g_array_append_val (xref, entry);
      g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n<<%s>>\nendobj\n", page->number, dict->str);
    }

  for (guint i = 0; i < n_notes; i++)
    {
      const EvkPdfNote *note = &notes[i];
      PdfPage *page = &g_array_index (pages, PdfPage, note->page - 1);
      XrefEntry entry = { numbers[i], base + update->len };

      g_array_append_val (xref, entry);
      g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n<< /Type /Annot /Subtype /Text /Rect [",
                              numbers[i]);
      append_number (update, note->x);
      g_string_append_c (update, ' ');
      append_number (update, page->height - note->y - 20);
      g_string_append_c (update, ' ');
      append_number (update, note->x + 20);
      g_string_append_c (update, ' ');
      append_number (update, page->height - note->y);
      g_string_append_printf (update, "] /P %" G_GUINT64_FORMAT " 0 R /F 28 /Name /Comment /C [1 0.82 0.2] /Open false",
                              page->number);
      /* A UUID has only letters, digits and hyphens: a literal string. */
      g_string_append_printf (update, " /NM (%s)", note->uuid);
      g_string_append (update, " /T ");
      append_text_string (update, note->author);
      g_string_append (update, " /Contents ");
      append_text_string (update, note->text);
      if (note->subject != NULL)
        {
          g_string_append (update, " /Subj ");
          append_text_string (update, note->subject);
        }
      append_date (update, "/M", note->date);
      append_date (update, "/CreationDate", note->date);
      /* A reply points at its note, as viewers thread them. */
      for (guint k = 0; note->parent_uuid != NULL && k < n_notes; k++)
        if (k != i && g_strcmp0 (notes[k].uuid, note->parent_uuid) == 0)
          {
            g_string_append_printf (update, " /IRT %" G_GUINT64_FORMAT " 0 R /RT /R", numbers[k]);
            break;
          }
      g_string_append (update, " >>\nendobj\n");
    }
  return TRUE;
}

/* Removes "key value" from a dictionary's text, value a number, an array
 * or a string without parentheses in it (the ones we write). */
static void
remove_key (GString    *keys,
            const char *key)
{
  const char *value = dictionary_value (keys->str, key);
  const char *at, *p;

  if (value == NULL)
    return;
  /* The key itself: the last occurrence before its value. */
  for (at = value - strlen (key); at > keys->str && strncmp (at, key, strlen (key)) != 0; at--)
    ;
  p = value;
  if (*p == '[' || *p == '(')
    {
      const char *close = strchr (p, *p == '[' ? ']' : ')');

      p = close != NULL ? close + 1 : p + 1;
    }
  else
    while (*p == ' ' || g_ascii_isdigit (*p))
      p++;
  g_string_erase (keys, at - keys->str, p - at);
}

/* The Info dictionary again, with the draft's ids. */
static gboolean
append_info (const char *path,
             const char *contents,
             gsize       length,
             GHashTable *objects,
             const char *trailer_text,
             const char *doc_id,
             const char *project_id,
             GString    *update,
             gsize       base,
             GArray     *xref,
             GError    **error)
{
  g_autoptr(GString) keys = NULL;
  const char *dict, *dict_end;
  guint64 info;
  XrefEntry entry;

  if (!dictionary_ref (trailer_text, strlen (trailer_text), "/Info", &info) ||
      (dict = object_dictionary (contents, length, objects, info, &dict_end)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the document information was not found"), path);
      return FALSE;
    }
  keys = g_string_new_len (dict + 2, dict_end - 2 - (dict + 2));
  remove_key (keys, "/EvalkitDocId");
  remove_key (keys, "/EvalkitProjectId");
  /* UUIDs: letters, digits and hyphens make a plain literal string. */
  g_string_append_printf (keys, " /EvalkitDocId (%s)", doc_id);
  if (project_id != NULL && g_uuid_string_is_valid (project_id))
    g_string_append_printf (keys, " /EvalkitProjectId (%s)", project_id);
  entry.number = info;
  entry.offset = base + update->len;
  g_array_append_val (xref, entry);
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n<<%s >>\nendobj\n", info, keys->str);
  return TRUE;
}

static gboolean
append_revision (const char        *path,
                 const char        *lang,
                 const char        *doc_id,
                 const char        *project_id,
                 const EvkPdfNote  *notes,
                 guint              n_notes,
                 GError           **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) update = NULL;
  g_autoptr(GArray) xref = g_array_new (FALSE, FALSE, sizeof (XrefEntry));
  g_autofree char *object_head = NULL;
  g_autoptr(GHashTable) objects = NULL;
  const char *end, *startxref, *trailer, *trailer_dict, *trailer_end, *object, *dict, *dict_end;
  const char *lang_key;
  gsize length;
  guint64 prev, root, size = 0;
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
  objects = object_index (contents, length);

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
  if (n_notes > 0 && !dictionary_ref (trailer_dict, trailer_end - trailer_dict, "/Size", &size))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the trailer has no /Size"), path);
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
    XrefEntry entry = { root, length + update->len };
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
    g_array_append_val (xref, entry);

    if (doc_id != NULL &&
        !append_info (path, contents, length, objects, trailer_text, doc_id, project_id, update, length, xref,
                      error))
      return FALSE;
    if (n_notes > 0 &&
        !append_notes (path, contents, length, objects, catalog, update, length, &size, xref, notes, n_notes,
                       error))
      return FALSE;

    {
      gsize xref_offset = length + update->len;
      GString *trailer_keys = g_string_new (trailer_text);

      remove_key (trailer_keys, "/Prev");
      g_string_append (update, "xref\n");
      g_array_sort (xref, compare_entries);
      for (guint i = 0; i < xref->len; i++)
        {
          XrefEntry *e = &g_array_index (xref, XrefEntry, i);

          g_string_append_printf (update, "%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                                  e->number, e->offset);
        }
      if (n_notes > 0)
        {
          remove_key (trailer_keys, "/Size");
          g_string_append_printf (trailer_keys, " /Size %" G_GUINT64_FORMAT, size);
        }
      if (doc_id != NULL)
        {
          g_autofree char *hex = evk_draft_doc_id_to_hex (doc_id);

          remove_key (trailer_keys, "/ID");
          g_string_append_printf (trailer_keys, " /ID [<%s> <%s>]", hex, hex);
        }
      g_string_append_printf (update, "trailer\n<<%s /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%"
                              G_GSIZE_FORMAT "\n%%%%EOF\n", trailer_keys->str, prev, xref_offset);
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

gboolean
evk_pdf_set_language (const char  *path,
                      const char  *lang,
                      GError     **error)
{
  return append_revision (path, lang, NULL, NULL, NULL, 0, error);
}

gboolean
evk_pdf_finish_draft (const char        *path,
                      const char        *lang,
                      const char        *doc_id,
                      const char        *project_id,
                      const EvkPdfNote  *notes,
                      guint              n_notes,
                      GError           **error)
{
  g_return_val_if_fail (doc_id != NULL && g_uuid_string_is_valid (doc_id), FALSE);

  return append_revision (path, lang, doc_id, project_id, notes, n_notes, error);
}

/* Accessibility: what cairo 1.16 cannot write. */

/* The references "N G R" in a value (an array or a single reference), in
 * order; integers alone (marked-content ids) and dictionaries (marked
 * content references) are skipped. */
static GArray *
value_refs (const char *value)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *p = value;
  int depth = 0;

  if (*p != '[')
    {
      char *after;
      guint64 n = g_ascii_strtoull (p, &after, 10);

      if (after != p)
        {
          p = after;
          g_ascii_strtoull (p, &after, 10);
          while (g_ascii_isspace (*after))
            after++;
          if (*after == 'R')
            g_array_append_val (refs, n);
        }
      return refs;
    }
  for (p++; *p != '\0' && !(*p == ']' && depth == 0); p++)
    {
      char *after, *after2;
      guint64 n;

      if (p[0] == '<' && p[1] == '<')
        {
          depth++;
          p++;
          continue;
        }
      if (p[0] == '>' && p[1] == '>')
        {
          depth--;
          p++;
          continue;
        }
      if (depth > 0 || !g_ascii_isdigit (*p) || g_ascii_isdigit (p[-1]))
        continue;
      n = g_ascii_strtoull (p, &after, 10);
      while (g_ascii_isspace (*after))
        after++;
      if (!g_ascii_isdigit (*after))
        continue;
      g_ascii_strtoull (after, &after2, 10);
      while (g_ascii_isspace (*after2))
        after2++;
      if (*after2 == 'R')
        {
          g_array_append_val (refs, n);
          p = after2;
        }
    }
  return refs;
}

typedef struct {
  const char *contents;
  gsize       length;
  GHashTable *objects;     /* object_index () */
  GString    *update;
  gsize       base;
  GArray     *xref;
} Revision;

/* A dictionary object's text (between "<<" and ">>"), latest revision. */
static char *
object_text (Revision *r,
             guint64   number)
{
  const char *dict, *dict_end;

  dict = object_dictionary (r->contents, r->length, r->objects, number, &dict_end);
  return dict != NULL ? g_strndup (dict + 2, dict_end - 2 - (dict + 2)) : NULL;
}

static void
write_object (Revision   *r,
              guint64     number,
              const char *keys)
{
  XrefEntry entry = { number, r->base + r->update->len };

  g_array_append_val (r->xref, entry);
  g_string_append_printf (r->update, "%" G_GUINT64_FORMAT " 0 obj\n<<%s >>\nendobj\n", number, keys);
}

/* Artifacts on cairo 1.16.
 *
 * cairo 1.16 writes tagged content as "/Tag << /MCID n >> BDC … EMC" and
 * has no API to mark anything else, so running heads, page numbers and
 * rules are left outside every marked-content sequence. In a PDF/UA file
 * all real content is tagged; what is left at marked-content depth 0 is
 * decoration by construction, and this rewrites each page's content
 * stream to wrap it in "/Artifact BMC … EMC" (Matterhorn 01-005). cairo
 * 1.18 marks artifacts itself (the layout's tag_begin "Artifact"), and
 * the pass is built only where the layout cannot, so the two never meet.
 *
 * The stream is inflated and deflated with GIO's zlib converters (GIO
 * links zlib already; no dependency of our own), tokenized as ISO 32000
 * 7.8.2 and 7.3 describe: literal strings with escapes and nesting, hex
 * strings, dictionaries, arrays, names, comments and inline images. An
 * artifact sequence never crosses a text object's bounds (14.6: marked
 * content inside a text object stays inside it; 9.4: a text object may
 * hold marked-content operators): a depth-0 run that starts inside BT …
 * ET is closed before its ET, and one that ends inside a text object is
 * opened after its BT. Sizes are bounded: the file is ours, but a stream
 * that inflates past ARTIFACT_MAX_STREAM or has more operations than
 * ARTIFACT_MAX_OPS is an error, not a memory spike. */

#define ARTIFACT_MAX_STREAM (64 * 1024 * 1024)
#define ARTIFACT_MAX_OPS    (4 * 1024 * 1024)

typedef enum {
  OP_OTHER,
  OP_PAINT,     /* paints or shows something: the content an artifact holds */
  OP_BEGIN_MC,  /* BMC, BDC: marked content that is not tagged (/Span /ActualText) */
  OP_BEGIN_TAG, /* BDC with an /MCID (content of a structure element), or an artifact */
  OP_END_MC,    /* EMC */
  OP_BT,
  OP_ET,
} OpKind;

typedef struct {
  guint32 start;  /* the first operand (or the operator) */
  guint32 end;    /* just past the operator (past EI for an inline image) */
  guint8  kind;
} ContentOp;

static gboolean
is_pdf_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_pdf_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL && c != '\0';
}

static OpKind
operator_kind (const char *op,
               gsize       n)
{
  static const char * const paint[] = {
    "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "Tj", "TJ", "'", "\"", NULL
  };

#define IS(word) (n == strlen (word) && memcmp (op, word, n) == 0)
  if (IS ("BMC") || IS ("BDC"))
    return OP_BEGIN_MC;
  if (IS ("EMC"))
    return OP_END_MC;
  if (IS ("BT"))
    return OP_BT;
  if (IS ("ET"))
    return OP_ET;
  for (guint i = 0; paint[i] != NULL; i++)
    if (IS (paint[i]))
      return OP_PAINT;
#undef IS
  return OP_OTHER;
}

/* Past an inline image's data: p is just after the "ID" keyword. The
 * data ends at "EI" between white space; its length is not in the
 * dictionary for filtered images, so this is the usual search. */
static const char *
inline_image_end (const char *p,
                  const char *end)
{
  if (p < end)
    p++;  /* the one white-space byte after ID */
  for (; p + 2 <= end; p++)
    if (p[0] == 'E' && p[1] == 'I' && is_pdf_space (p[-1]) && (p + 2 == end || is_pdf_space (p[2]) ||
                                                               is_pdf_delimiter (p[2])))
      return p + 2;
  return NULL;
}

/* The operations of a content stream, in order. */
static GArray *
content_operations (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (ContentOp));
  const char *p = data, *end = data + length, *op_start = NULL, *token = data;

  if (length > G_MAXUINT32)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("a content stream of %lu bytes"),
                   (unsigned long) length);
      return NULL;
    }
  while (p < end)
    {
      token = p;
      if (is_pdf_space (*p))
        {
          p++;
          continue;
        }
      if (*p == '%')
        {
          while (p < end && *p != '\n' && *p != '\r')
            p++;
          continue;
        }
      if (op_start == NULL)
        op_start = token;
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
          if (parens > 0)
            goto unterminated;
          continue;
        }
      if (*p == '<' && p + 1 < end && p[1] == '<')
        {
          p += 2;
          continue;
        }
      if (*p == '>' && p + 1 < end && p[1] == '>')
        {
          p += 2;
          continue;
        }
      if (*p == '<')
        {
          p = memchr (p, '>', end - p);
          if (p == NULL)
            goto unterminated;
          p++;
          continue;
        }
      if (strchr ("[]{}", *p) != NULL)
        {
          p++;
          continue;
        }
      if (*p == '/')
        {
          for (p++; p < end && !is_pdf_space (*p) && !is_pdf_delimiter (*p); p++)
            ;
          continue;
        }
      if (*p == ')' || *p == '>')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("a stray “%c” at byte %lu of a content stream"), *p,
                       (unsigned long) (p - data));
          return NULL;
        }

      /* A regular token: a number, true/false/null, or an operator. */
      while (p < end && !is_pdf_space (*p) && !is_pdf_delimiter (*p))
        p++;
      if (g_ascii_isdigit (*token) || *token == '+' || *token == '-' || *token == '.' ||
          (p - token == 4 && (memcmp (token, "true", 4) == 0 || memcmp (token, "null", 4) == 0)) ||
          (p - token == 5 && memcmp (token, "false", 5) == 0))
        continue;
      {
        ContentOp op = { op_start - data, 0, operator_kind (token, p - token) };

        if (p - token == 2 && memcmp (token, "BI", 2) == 0)
          {
            /* The image's dictionary is key-value tokens up to ID; none
             * of them is a keyword, so scan for the word itself. */
            const char *id = NULL;

            for (const char *q = p; q + 2 <= end; q++)
              if (q[0] == 'I' && q[1] == 'D' && is_pdf_space (q[-1]) && (q + 2 == end || is_pdf_space (q[2])))
                {
                  id = q + 2;
                  break;
                }
            p = id != NULL ? inline_image_end (id, end) : NULL;
            if (p == NULL)
              goto unterminated;
            op.kind = OP_PAINT;
          }
        /* An artifact already marked counts as marked, like a tag. */
        if (op.kind == OP_BEGIN_MC && token - op_start > 9 && memcmp (op_start, "/Artifact", 9) == 0 &&
            (is_pdf_space (op_start[9]) || is_pdf_delimiter (op_start[9])))
          op.kind = OP_BEGIN_TAG;
        if (op.kind == OP_BEGIN_MC)
          for (const char *q = op_start; q + 5 <= token; q++)
            if (memcmp (q, "/MCID", 5) == 0)
              {
                op.kind = OP_BEGIN_TAG;
                break;
              }
        op.end = p - data;
        if (ops->len >= ARTIFACT_MAX_OPS)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("a content stream of more than %u operations"), ARTIFACT_MAX_OPS);
            return NULL;
          }
        g_array_append_val (ops, op);
        op_start = NULL;
      }
    }
  if (op_start != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("operands without an operator at the end of a content stream"));
      return NULL;
    }
  return g_steal_pointer (&ops);

unterminated:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("an unterminated string or inline image at byte %lu of a content stream"),
               (unsigned long) (token - data));
  return NULL;
}

static gboolean
ops_paint (const ContentOp *ops,
           guint            from,
           guint            to)
{
  for (guint i = from; i < to; i++)
    if (ops[i].kind == OP_PAINT)
      return TRUE;
  return FALSE;
}

/* Copies ops [from, to) to out, with the white space before them, and
 * wraps them as an artifact if they paint anything. */
static void
emit_ops (GString         *out,
          const char      *data,
          const ContentOp *ops,
          guint            from,
          guint            to,
          gsize           *copied)
{
  if (from >= to)
    return;
  if (!ops_paint (ops, from, to))
    {
      g_string_append_len (out, data + *copied, ops[to - 1].end - *copied);
      *copied = ops[to - 1].end;
      return;
    }
  g_string_append_len (out, data + *copied, ops[from].start - *copied);
  g_string_append (out, "/Artifact BMC\n");
  g_string_append_len (out, data + ops[from].start, ops[to - 1].end - ops[from].start);
  g_string_append (out, "\nEMC");
  *copied = ops[to - 1].end;
}

/* Marked content and text objects as the operators open and close them. */
typedef struct {
  guint    depth;       /* open marked-content sequences */
  guint    text_depth;  /* depth at the open BT */
  gboolean in_text;
} Nesting;

/* Follows one operator; FALSE where marked content and text objects stop
 * nesting (ISO 32000-1, 14.6: a sequence begun outside a text object
 * ends outside it, and one begun inside ends inside). */
static gboolean
nesting_step (Nesting *nesting,
              OpKind   kind)
{
  switch (kind)
    {
    case OP_BEGIN_MC:
    case OP_BEGIN_TAG:
      nesting->depth++;
      return TRUE;
    case OP_END_MC:
      if (nesting->depth == 0 || (nesting->in_text && nesting->depth <= nesting->text_depth))
        return FALSE;
      nesting->depth--;
      return TRUE;
    case OP_BT:
      if (nesting->in_text)
        return FALSE;
      nesting->in_text = TRUE;
      nesting->text_depth = nesting->depth;
      return TRUE;
    case OP_ET:
      if (!nesting->in_text || nesting->depth != nesting->text_depth)
        return FALSE;
      nesting->in_text = FALSE;
      return TRUE;
    default:
      return TRUE;
    }
}

/* Whether untagged marked content in ops [from, to) nests, and nests
 * with the text objects (the run's BT/ET that have no partner in it
 * outside all of it). */
static gboolean
run_nests (const ContentOp *ops,
           guint            from,
           guint            to,
           gboolean         in_text)
{
  Nesting nesting = { .in_text = in_text };

  for (guint k = from; k < to; k++)
    if (!nesting_step (&nesting, ops[k].kind))
      return FALSE;
  return nesting.depth == 0 && (!nesting.in_text || nesting.text_depth == 0);
}

/* One run of operations at marked-content depth 0, [from, to): no tagged
 * content, untagged marked content (which cairo writes for /ActualText)
 * whole; in_text: whether it starts inside a text object. */
static gboolean
emit_run (GString         *out,
          const char      *data,
          const ContentOp *ops,
          guint            from,
          guint            to,
          gboolean        *in_text,
          gsize           *copied)
{
  guint k = from;

  if (!run_nests (ops, from, to, *in_text))
    return FALSE;

  while (k < to)
    {
      guint start = k;

      if (*in_text)
        {
          /* Inside a text object: up to its ET, which stays outside. */
          while (k < to && ops[k].kind != OP_ET)
            {
              if (ops[k].kind == OP_BT)
                return FALSE;
              k++;
            }
          emit_ops (out, data, ops, start, k, copied);
          if (k < to)
            {
              emit_ops (out, data, ops, k, k + 1, copied);
              *in_text = FALSE;
              k++;
            }
          continue;
        }
      /* Outside: whole text objects join the run; a BT whose ET lies
       * beyond the run (in tagged content) ends it. */
      while (k < to)
        {
          if (ops[k].kind == OP_ET)
            return FALSE;
          if (ops[k].kind == OP_BT)
            {
              guint e = k + 1;

              while (e < to && ops[e].kind != OP_ET && ops[e].kind != OP_BT)
                e++;
              if (e < to && ops[e].kind == OP_BT)
                return FALSE;
              if (e == to)
                break;
              k = e;
            }
          k++;
        }
      emit_ops (out, data, ops, start, k, copied);
      if (k < to)
        {
          emit_ops (out, data, ops, k, k + 1, copied);
          *in_text = TRUE;
          k++;
        }
    }
  return TRUE;
}

char *
evk_pdf_mark_artifacts (const char  *data,
                        gsize        length,
                        gsize       *out_length,
                        GError     **error)
{
  g_autoptr(GArray) array = content_operations (data, length, error);
  g_autoptr(GString) out = NULL;
  const ContentOp *ops;
  Nesting nesting = { 0 };
  gsize copied = 0;

  if (array == NULL)
    return NULL;
  ops = (const ContentOp *) array->data;
  out = g_string_sized_new (length + length / 8 + 64);
  for (guint i = 0; i < array->len;)
    {
      if (nesting.depth == 0 && ops[i].kind != OP_BEGIN_TAG)
        {
          guint j = i, plain = 0;

          /* Up to the next tagged content, untagged sequences whole. */
          for (; j < array->len; j++)
            {
              if (ops[j].kind == OP_BEGIN_TAG && plain == 0)
                break;
              if (ops[j].kind == OP_BEGIN_TAG)
                goto nesting;
              if (ops[j].kind == OP_BEGIN_MC)
                plain++;
              else if (ops[j].kind == OP_END_MC && plain-- == 0)
                goto nesting;
            }
          if (plain != 0 || (nesting.in_text && nesting.text_depth != 0) ||
              !emit_run (out, data, ops, i, j, &nesting.in_text, &copied))
            goto nesting;
          nesting.text_depth = 0;
          i = j;
          continue;
        }
      if (!nesting_step (&nesting, ops[i].kind))
        goto nesting;
      g_string_append_len (out, data + copied, ops[i].end - copied);
      copied = ops[i].end;
      i++;
    }
  if (nesting.depth != 0 || nesting.in_text)
    goto nesting;
  g_string_append_len (out, data + copied, length - copied);
  *out_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);

nesting:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("a content stream whose marked content or text objects do not nest"));
  return NULL;
}

#if CAIRO_VERSION < CAIRO_VERSION_ENCODE(1, 18, 0)
/* Runs data through a zlib converter; NULL past limit bytes of output. */
static GBytes *
convert_zlib (GConverter  *converter,
              const char  *data,
              gsize        length,
              gsize        limit,
              GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (MIN (limit, length * 4 + 1024));
  gsize read_total = 0;

  for (;;)
    {
      guint8 buffer[65536];
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (converter, data + read_total, length - read_total, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      read_total += bytes_read;
      if (out->len + bytes_written > limit)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("a content stream larger than %lu bytes"), (unsigned long) limit);
          return NULL;
        }
      g_byte_array_append (out, buffer, bytes_written);
      if (result == G_CONVERTER_FINISHED)
        break;
      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("a truncated compressed stream"));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The content stream object number, rewritten as a new revision of the
 * same object with its artifacts marked: the pages that list it stay as
 * they are. */
static gboolean
mark_stream_artifacts (Revision  *r,
                       guint64    number,
                       GError   **error)
{
  const char *dict, *dict_end, *p, *end = r->contents + r->length;
  g_autofree char *keys = NULL;
  g_autoptr(GBytes) plain = NULL, packed = NULL;
  g_autoptr(GConverter) inflate = NULL, deflate = NULL;
  g_autofree char *marked = NULL;
  const char *length_value, *filter;
  gsize marked_length;
  guint64 stream_length;
  char *after;

  dict = object_dictionary (r->contents, r->length, r->objects, number, &dict_end);
  if (dict == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("content stream %llu was not found"),
                   (unsigned long long) number);
      return FALSE;
    }
  keys = g_strndup (dict + 2, dict_end - 2 - (dict + 2));
  length_value = dictionary_value (keys, "/Length");
  filter = dictionary_value (keys, "/Filter");
  if (length_value == NULL)
    goto unreadable;
  stream_length = g_ascii_strtoull (length_value, &after, 10);
  if (after == length_value)
    goto unreadable;
  {
    /* cairo writes the length as an object of its own, after the stream. */
    const char *q = after;
    guint64 generation;

    while (g_ascii_isspace (*q))
      q++;
    generation = g_ascii_strtoull (q, &after, 10);
    (void) generation;
    if (after != q)
      {
        q = after;
        while (g_ascii_isspace (*q))
          q++;
        if (*q == 'R')
          {
            gint64 key = (gint64) stream_length;
            gpointer offset;
            const char *obj;

            if (!g_hash_table_lookup_extended (r->objects, &key, NULL, &offset))
              goto unreadable;
            obj = r->contents + GPOINTER_TO_SIZE (offset);
            stream_length = g_ascii_strtoull (obj, &after, 10);
            if (after == obj)
              goto unreadable;
          }
      }
  }
  p = dict_end;
  while (p < end && (*p == ' ' || *p == '\r' || *p == '\n'))
    p++;
  if (end - p < 6 || memcmp (p, "stream", 6) != 0)
    goto unreadable;
  p += 6;
  if (p < end && *p == '\r')
    p++;
  if (p < end && *p == '\n')
    p++;
  if (stream_length > (guint64) (end - p) || stream_length > ARTIFACT_MAX_STREAM)
    goto unreadable;

  if (filter == NULL || *filter != '/')
    plain = g_bytes_new_static (p, stream_length);
  else if (g_str_has_prefix (filter, "/FlateDecode") && !g_ascii_isalnum (filter[strlen ("/FlateDecode")]) &&
           dictionary_value (keys, "/DecodeParms") == NULL)
    {
      inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      plain = convert_zlib (inflate, p, stream_length, ARTIFACT_MAX_STREAM, error);
      if (plain == NULL)
        goto failed;
    }
  else
    goto unreadable;

  marked = evk_pdf_mark_artifacts (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), &marked_length,
                                   error);
  if (marked == NULL)
    goto failed;
  /* Nothing left outside the tags: the stream stays as cairo wrote it. */
  if (marked_length == g_bytes_get_size (plain))
    return TRUE;
  /* The default level: zlib gives the same bytes for the same input, so
   * the file stays byte-identical from run to run. */
  deflate = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1));
  packed = convert_zlib (deflate, marked, marked_length, marked_length + marked_length / 2 + 1024, error);
  if (packed == NULL)
    goto failed;

  {
    XrefEntry entry = { number, r->base + r->update->len };

    g_array_append_val (r->xref, entry);
    g_string_append_printf (r->update, "%" G_GUINT64_FORMAT " 0 obj\n<< /Length %" G_GSIZE_FORMAT
                            " /Filter /FlateDecode >>\nstream\n", number, g_bytes_get_size (packed));
    g_string_append_len (r->update, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
    g_string_append (r->update, "\nendstream\nendobj\n");
  }
  return TRUE;

unreadable:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("content stream %llu: a length or filter this code does not read"),
               (unsigned long long) number);
  return FALSE;

failed:
  g_prefix_error (error, _("content stream %llu: "), (unsigned long long) number);
  return FALSE;
}
#endif

/* The structure type of an element's dictionary text: "/S /Figure" → "Figure". */
static char *
structure_type (const char *keys)
{
  const char *s = dictionary_value (keys, "/S");
  gsize n = 0;

  if (s == NULL || *s != '/')
    return NULL;
  s++;
  while (s[n] != '\0' && !g_ascii_isspace (s[n]) && strchr ("/<>[]()", s[n]) == NULL)
    n++;
  return g_strndup (s, n);
}

typedef struct {
  const char * const *figure_alts;
  guint               n_figure_alts;
  guint               figures;
  guint               headers;
} StructWalk;

/* Gives each Figure its /Alt (the next alt text) and each TH its scope,
 * depth first: the order cairo created them in, which is the order the
 * report drew them. */
static gboolean
walk_structure (Revision   *r,
                guint64     number,
                guint       depth,
                StructWalk *walk)
{
  g_autofree char *keys = object_text (r, number);
  g_autofree char *type = NULL;
  g_autoptr(GArray) kids = NULL;
  const char *k;

  if (keys == NULL || depth > 64)
    return FALSE;
  type = structure_type (keys);
  if (g_strcmp0 (type, "Figure") == 0 && dictionary_value (keys, "/Alt") == NULL)
    {
      g_autoptr(GString) text = g_string_new (keys);

      /* Counted on, so that the error says how many there are. */
      if (walk->figures >= walk->n_figure_alts)
        {
          walk->figures++;
          return TRUE;
        }
      g_string_append (text, " /Alt ");
      append_text_string (text, walk->figure_alts[walk->figures++]);
      write_object (r, number, text->str);
    }
  else if (g_strcmp0 (type, "TH") == 0 && dictionary_value (keys, "/A") == NULL)
    {
      /* The report's header rows head the columns under them. */
      g_autoptr(GString) text = g_string_new (keys);

      g_string_append (text, " /A << /O /Table /Scope /Column >>");
      write_object (r, number, text->str);
      walk->headers++;
    }
  k = dictionary_value (keys, "/K");
  if (k == NULL)
    return TRUE;
  kids = value_refs (k);
  for (guint i = 0; i < kids->len; i++)
    if (!walk_structure (r, g_array_index (kids, guint64, i), depth + 1, walk))
      return FALSE;
  return TRUE;
}

/* XML's five escapes, for the metadata. */
static void
append_xml (GString    *out,
            const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static char *
xmp_packet (const char *title,
            const char *lang)
{
  GString *xmp = g_string_new ("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                               "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                               "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                               "<rdf:Description rdf:about=\"\"\n"
                               "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                               "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                               "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                               "<dc:format>application/pdf</dc:format>\n"
                               "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");

  append_xml (xmp, title);
  g_string_append (xmp, "</rdf:li></rdf:Alt></dc:title>\n<dc:language><rdf:Bag><rdf:li>");
  append_xml (xmp, lang);
  g_string_append (xmp, "</rdf:li></rdf:Bag></dc:language>\n"
                        "<pdf:Producer>Evalkit " PACKAGE_VERSION "</pdf:Producer>\n"
                        "<pdfuaid:part>1</pdfuaid:part>\n"
                        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
                        "<?xpacket end=\"w\"?>\n");
  return g_string_free (xmp, FALSE);
}

gboolean
evk_pdf_make_accessible (const char          *path,
                         const char          *title,
                         const char          *lang,
                         const char * const  *figure_alts,
                         guint                n_figure_alts,
                         const char * const  *link_texts,
                         guint                n_link_texts,
                         GError             **error)
{
  guint links = 0;
  g_autofree char *contents = NULL;
  g_autofree char *catalog = NULL, *trailer_text = NULL, *xmp = NULL;
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GArray) xref = g_array_new (FALSE, FALSE, sizeof (XrefEntry));
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (PdfPage));
  g_autoptr(GString) keys = NULL;
  g_autoptr(GHashTable) objects = NULL;
  const char *startxref, *trailer, *trailer_dict, *trailer_end;
  StructWalk walk = { figure_alts, n_figure_alts, 0, 0 };
  Revision r;
  gsize length;
  guint64 prev, root, size, tree, root_pages, metadata;
  gboolean tagged;
  char *after;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  startxref = find_last (contents, length, "startxref");
  trailer = find_last (contents, length, "trailer");
  trailer_dict = trailer != NULL ? strstr (trailer, "<<") : NULL;
  trailer_end = trailer_dict != NULL ? dictionary_end (trailer_dict, contents + length) : NULL;
  if (startxref == NULL || trailer_end == NULL || trailer > startxref ||
      !dictionary_ref (trailer_dict, trailer_end - trailer_dict, "/Root", &root) ||
      !dictionary_ref (trailer_dict, trailer_end - trailer_dict, "/Size", &size))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: no trailer with /Root and /Size: not a PDF with a classic cross-reference table"),
                   path);
      return FALSE;
    }
  prev = g_ascii_strtoull (startxref + strlen ("startxref"), &after, 10);
  trailer_text = g_strndup (trailer_dict + 2, trailer_end - 2 - (trailer_dict + 2));

  if (contents[length - 1] != '\n')
    g_string_append_c (update, '\n');
  objects = object_index (contents, length);
  r = (Revision) { contents, length, objects, update, length, xref };
  catalog = object_text (&r, root);
  if (catalog == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the catalog (object %llu) was not found"), path, (unsigned long long) root);
      return FALSE;
    }

  /* Figures and table headers, if the file is tagged. */
  tagged = dictionary_ref (catalog, strlen (catalog), "/StructTreeRoot", &tree);
  if (tagged)
    {
      if (!walk_structure (&r, tree, 0, &walk) || walk.figures != n_figure_alts)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: the structure tree has %u figures where the report drew %u"), path,
                       walk.figures, n_figure_alts);
          return FALSE;
        }
    }

  /* Every page's annotations (links, notes) in the order of its structure. */
  if (!dictionary_ref (catalog, strlen (catalog), "/Pages", &root_pages) ||
      !collect_pages (contents, length, objects, root_pages, 0, 0, pages))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the page tree could not be read"), path);
      return FALSE;
    }
  for (guint p = 0; p < pages->len; p++)
    {
      guint64 number = g_array_index (pages, PdfPage, p).number;
      g_autofree char *page = object_text (&r, number);
      g_autoptr(GString) text = NULL;

      const char *annots;

      if (page == NULL)
        continue;
      /* Each link says where it goes: its text, in the order drawn. */
      annots = dictionary_value (page, "/Annots");
      if (annots != NULL && *annots == '[')
        {
          g_autoptr(GArray) refs = value_refs (annots);

          for (guint i = 0; i < refs->len; i++)
            {
              guint64 annot = g_array_index (refs, guint64, i);
              g_autofree char *annot_keys = object_text (&r, annot);
              const char *subtype = annot_keys != NULL ? dictionary_value (annot_keys, "/Subtype") : NULL;
              g_autoptr(GString) with_contents = NULL;

              if (subtype == NULL || !g_str_has_prefix (subtype, "/Link") ||
                  dictionary_value (annot_keys, "/Contents") != NULL)
                continue;
              if (links >= n_link_texts)
                {
                  links++;
                  continue;
                }
              with_contents = g_string_new (annot_keys);
              g_string_append (with_contents, " /Contents ");
              append_text_string (with_contents, link_texts[links++]);
              write_object (&r, annot, with_contents->str);
            }
        }
#if CAIRO_VERSION < CAIRO_VERSION_ENCODE(1, 18, 0)
      /* What is drawn outside the tags is decoration: artifacts. */
      if (tagged)
        {
          const char *contents_value = dictionary_value (page, "/Contents");
          g_autoptr(GArray) streams = contents_value != NULL ? value_refs (contents_value) : NULL;

          for (guint i = 0; streams != NULL && i < streams->len; i++)
            if (!mark_stream_artifacts (&r, g_array_index (streams, guint64, i), error))
              {
                g_prefix_error (error, _("%s: page %u: "), path, p + 1);
                return FALSE;
              }
        }
#endif
      if (dictionary_value (page, "/Tabs") != NULL)
        continue;
      text = g_string_new (page);
      g_string_append (text, " /Tabs /S");
      write_object (&r, number, text->str);
    }
  if (links != n_link_texts)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the pages have %u links where the report drew %u"), path, links, n_link_texts);
      return FALSE;
    }

  /* The XMP metadata PDF/UA asks for, with the part it claims. */
  metadata = size++;
  xmp = xmp_packet (title, lang);
  {
    XrefEntry entry = { metadata, r.base + update->len };

    g_array_append_val (xref, entry);
    g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n<< /Type /Metadata /Subtype /XML /Length %"
                            G_GSIZE_FORMAT " >>\nstream\n%s\nendstream\nendobj\n",
                            metadata, strlen (xmp), xmp);
  }

  keys = g_string_new (catalog);
  remove_key (keys, "/Metadata");
  g_string_append_printf (keys, " /Metadata %" G_GUINT64_FORMAT " 0 R", metadata);
  if (dictionary_value (keys->str, "/ViewerPreferences") == NULL)
    g_string_append (keys, " /ViewerPreferences << /DisplayDocTitle true >>");
  if (dictionary_value (keys->str, "/MarkInfo") == NULL)
    g_string_append (keys, " /MarkInfo << /Marked true >>");
  write_object (&r, root, keys->str);

  {
    gsize xref_offset = length + update->len;
    g_autoptr(GString) trailer_keys = g_string_new (trailer_text);

    remove_key (trailer_keys, "/Prev");
    remove_key (trailer_keys, "/Size");
    g_string_append (update, "xref\n");
    g_array_sort (xref, compare_entries);
    for (guint i = 0; i < xref->len; i++)
      {
        XrefEntry *e = &g_array_index (xref, XrefEntry, i);

        g_string_append_printf (update, "%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                                e->number, e->offset);
      }
    g_string_append_printf (update, "trailer\n<<%s /Size %" G_GUINT64_FORMAT " /Prev %" G_GUINT64_FORMAT
                            " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                            trailer_keys->str, size, prev, xref_offset);
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
