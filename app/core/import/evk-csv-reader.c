/* evk-csv-reader.c: reads CSV files of any common dialect as UTF-8 records
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "evk-csv-reader.h"

typedef struct {
  GPtrArray *fields;
  guint      line;
} Record;

struct _EvkCsvReader {
  char              *path;
  char              *display_name;
  char              *text;          /* the whole file as UTF-8 */
  gsize              length;
  gsize              pos;           /* next byte to feed to the parser */
  guint              line;          /* line of the byte at pos */
  char               separator;
  const char        *encoding;

  struct csv_parser  parser;
  gboolean           finished;
  GError            *failure;       /* repeated to every call after an error */

  GPtrArray         *fields;        /* the record being parsed */
  gboolean           record_open;
  guint              record_line;
  guint              field_line;    /* where the field being parsed began */
  guint              chunk_line;    /* the line being fed */
  GQueue             records;       /* Record, parsed and not yet returned */

  GPtrArray         *current;
  guint              current_line;
};

static void
record_free (Record *record)
{
  g_clear_pointer (&record->fields, g_ptr_array_unref);
  g_free (record);
}

/* ---- Decoding ------------------------------------------------------ */

/* Windows-1252 0x80–0x9F; 0 marks the five undefined bytes. The rest of the
 * code page is Latin-1, which maps byte b to U+00b. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Lines end at LF, CR LF or a lone CR, as the parser sees them. */
static guint
line_of_offset (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
      line++;
  return line;
}

static char *
decode_cp1252 (const char  *bytes,
               gsize        length,
               gsize       *bad_offset)
{
  g_autoptr(GString) out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = bytes[i];

      if (b < 0x80)
        g_string_append_c (out, b);
      else if (b >= 0xA0)
        g_string_append_unichar (out, b);
      else if (cp1252_high[b - 0x80] != 0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        {
          *bad_offset = i;
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Counts the multi-byte characters of the valid stretches and the invalid
 * bytes, so that a UTF-8 file with a damaged byte is not mistaken for
 * Windows-1252 (which would turn every æ into "Ã¦"). */
static void
survey_utf8 (const char *bytes,
             gsize       length,
             gsize      *n_multibyte,
             gsize      *n_invalid,
             gsize      *first_invalid)
{
  const char *p = bytes;
  const char *end = bytes + length;

  *n_multibyte = 0;
  *n_invalid = 0;
  *first_invalid = length;
  while (p < end)
    {
      const char *valid_end;
      gboolean ok = g_utf8_validate_len (p, end - p, &valid_end);

      for (const char *q = p; q < valid_end; q++)
        if ((guchar) *q >= 0xC0)
          (*n_multibyte)++;
      if (ok)
        break;
      if (*n_invalid == 0)
        *first_invalid = valid_end - bytes;
      (*n_invalid)++;
      p = valid_end + 1;
    }
}

/* Takes bytes (NUL-terminated after length) on success. */
static gboolean
decode (EvkCsvReader  *reader,
        char          *bytes,
        gsize          length,
        GError       **error)
{
  gboolean bom = FALSE;
  gsize n_multibyte, n_invalid, first_invalid;
  const char *start = bytes;

  if (length >= 2 && ((guchar) bytes[0] == 0xFF && (guchar) bytes[1] == 0xFE))
    goto utf16;
  if (length >= 2 && ((guchar) bytes[0] == 0xFE && (guchar) bytes[1] == 0xFF))
    goto utf16;

  if (memchr (bytes, '\0', length) != NULL)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_NOT_SUPPORTED,
                   _("%s: not a text file"), reader->display_name);
      return FALSE;
    }

  if (length >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    {
      bom = TRUE;
      start += 3;
      length -= 3;
    }

  survey_utf8 (start, length, &n_multibyte, &n_invalid, &first_invalid);
  if (n_invalid == 0)
    {
      /* Keep the buffer rather than copy it: files can be large. */
      memmove (bytes, start, length);
      bytes[length] = '\0';
      reader->text = bytes;
      reader->length = length;
      reader->encoding = "UTF-8";
      return TRUE;
    }

  if (bom || n_multibyte > n_invalid)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
                   _("%s: line %u: the text is not valid UTF-8, although the rest of the file is"),
                   reader->display_name, line_of_offset (start, first_invalid));
      return FALSE;
    }

  reader->text = decode_cp1252 (start, length, &first_invalid);
  if (reader->text == NULL)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
                   _("%s: line %u: the text is neither UTF-8 nor Windows-1252 (byte 0x%02X)"),
                   reader->display_name, line_of_offset (start, first_invalid),
                   (guchar) start[first_invalid]);
      return FALSE;
    }
  reader->length = strlen (reader->text);
  reader->encoding = "Windows-1252";
  return TRUE;

utf16:
  g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
               _("%s: the file is UTF-16 text; save it as UTF-8 CSV"), reader->display_name);
  return FALSE;
}

static gboolean
read_file (const char  *path,
           const char  *display_name,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GString) buffer = NULL;
  FILE *file;
  char chunk[65536];
  size_t n;
  int saved_errno;

  /* Not g_file_get_contents: its message names the full path, ours the
   * file, and the user needs errno's reason. */
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      saved_errno = errno;
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO,
                   _("%s: cannot open the file: %s"), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  buffer = g_string_new (NULL);
  while ((n = fread (chunk, 1, sizeof chunk, file)) > 0)
    g_string_append_len (buffer, chunk, n);
  saved_errno = errno;
  if (ferror (file))
    {
      fclose (file);
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO,
                   _("%s: cannot read the file: %s"), display_name, g_strerror (saved_errno));
      return FALSE;
    }
  fclose (file);

  *length = buffer->len;
  *contents = g_string_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

/* ---- Dialect ------------------------------------------------------- */

static char
detect_separator (const char *text)
{
  static const char candidates[] = { '\t', ';', ',' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  /* On a tie the rarer character in ordinary text wins: a header with one
   * tab and one comma is more likely tab-separated. */
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }
  return best;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* ---- Parsing ------------------------------------------------------- */

static int
never_space (unsigned char c G_GNUC_UNUSED)
{
  /* libcsv trims spaces and tabs around unquoted fields by default; we
   * keep fields as written, and a tab may be the separator. */
  return 0;
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  EvkCsvReader *reader = user_data;
  char *field = g_malloc (length + 1);
  gsize j = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = ((const char *) data)[i];

      if (c == '\r' && i + 1 < length && ((const char *) data)[i + 1] == '\n')
        continue;
      field[j++] = c;
    }
  field[j] = '\0';

  if (reader->fields == NULL)
    reader->fields = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (reader->fields, field);
  reader->field_line = reader->chunk_line;
}

static void
on_record (int   terminator G_GNUC_UNUSED,
           void *user_data)
{
  EvkCsvReader *reader = user_data;
  Record *record = g_new0 (Record, 1);

  record->fields = g_steal_pointer (&reader->fields);
  if (record->fields == NULL)
    record->fields = g_ptr_array_new_with_free_func (g_free);
  record->line = reader->record_line;
  g_queue_push_tail (&reader->records, record);
  reader->record_open = FALSE;
}

static gboolean
feed_line (EvkCsvReader  *reader,
           GError       **error)
{
  const char *start = reader->text + reader->pos;
  const char *end = start;
  gsize length;
  gboolean terminator_only;

  while (*end != '\0' && *end != '\n' && *end != '\r')
    end++;
  terminator_only = end == start;
  if (*end == '\r' && end[1] == '\n')
    end += 2;
  else if (*end != '\0')
    end++;
  length = end - start;

  reader->chunk_line = reader->line;
  if (!reader->record_open && !terminator_only)
    {
      reader->record_open = TRUE;
      reader->record_line = reader->line;
      reader->field_line = reader->line;
    }

  if (csv_parse (&reader->parser, start, length, on_field, on_record, reader) != length)
    {
      /* In strict mode the only parse error is a quote where RFC 4180
       * allows none. */
      if (csv_error (&reader->parser) == CSV_EPARSE)
        g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                     _("%s: line %u: a quote inside a field that is not quoted, or text after a closing quote"),
                     reader->display_name, reader->line);
      else
        g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                     _("%s: line %u: %s"), reader->display_name, reader->line,
                     csv_strerror (csv_error (&reader->parser)));
      return FALSE;
    }

  reader->pos += length;
  if (length > 0 && (end[-1] == '\n' || end[-1] == '\r'))
    reader->line++;
  return TRUE;
}

static gboolean
finish (EvkCsvReader  *reader,
        GError       **error)
{
  reader->finished = TRUE;
  if (csv_fini (&reader->parser, on_field, on_record, reader) != 0)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("%s: line %u: unterminated quoted field"),
                   reader->display_name, reader->field_line);
      return FALSE;
    }
  return TRUE;
}

/* ---- Public API ---------------------------------------------------- */

EvkCsvReader *
evk_csv_reader_open (const char  *path,
                     GError     **error)
{
  g_autoptr(EvkCsvReader) reader = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = g_new0 (EvkCsvReader, 1);
  reader->path = g_strdup (path);
  reader->display_name = g_filename_display_basename (path);
  reader->line = 1;
  g_queue_init (&reader->records);
  if (csv_init (&reader->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("libcsv could not initialise a parser");
  csv_set_space_func (&reader->parser, never_space);

  if (!read_file (path, reader->display_name, &bytes, &length, error))
    return NULL;
  if (!decode (reader, bytes, length, error))
    return NULL;
  if (reader->text == bytes)
    g_steal_pointer (&bytes);
  if (is_blank (reader->text))
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("%s: the file is empty"), reader->display_name);
      return NULL;
    }

  reader->separator = detect_separator (reader->text);
  csv_set_delim (&reader->parser, reader->separator);
  return g_steal_pointer (&reader);
}

gboolean
evk_csv_reader_next (EvkCsvReader  *reader,
                     GPtrArray    **fields,
                     GError       **error)
{
  Record *record;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  *fields = NULL;
  g_clear_pointer (&reader->current, g_ptr_array_unref);

  if (reader->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (reader->failure));
      return FALSE;
    }

  while (g_queue_is_empty (&reader->records) && !reader->finished)
    {
      g_autoptr(GError) local_error = NULL;

      if (reader->pos < reader->length)
        feed_line (reader, &local_error);
      else
        finish (reader, &local_error);

      if (local_error != NULL)
        {
          reader->failure = g_error_copy (local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  record = g_queue_pop_head (&reader->records);
  if (record == NULL)
    return FALSE;

  reader->current = g_steal_pointer (&record->fields);
  reader->current_line = record->line;
  record_free (record);
  *fields = reader->current;
  return TRUE;
}

guint
evk_csv_reader_get_line (EvkCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->current_line;
}

char
evk_csv_reader_get_separator (EvkCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');
  return reader->separator;
}

const char *
evk_csv_reader_get_encoding (EvkCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->encoding;
}

const char *
evk_csv_reader_get_path (EvkCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->path;
}

const char *
evk_csv_reader_get_display_name (EvkCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->display_name;
}

double
evk_csv_reader_get_fraction (EvkCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);
  return reader->length > 0 ? (double) reader->pos / reader->length : 1.0;
}

void
evk_csv_reader_free (EvkCsvReader *reader)
{
  if (reader == NULL)
    return;
  csv_free (&reader->parser);
  g_queue_clear_full (&reader->records, (GDestroyNotify) record_free);
  g_clear_pointer (&reader->fields, g_ptr_array_unref);
  g_clear_pointer (&reader->current, g_ptr_array_unref);
  g_clear_error (&reader->failure);
  g_free (reader->text);
  g_free (reader->display_name);
  g_free (reader->path);
  g_free (reader);
}

/* ---- Numbers ------------------------------------------------------- */

/* Spaces that people and spreadsheets put between digit groups or around
 * a number: space, tab, no-break space, narrow no-break space. Returns the
 * length of the space at p, or 0. */
static gsize
space_length (const char *p)
{
  if (*p == ' ' || *p == '\t')
    return 1;
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF)
    return 3;
  return 0;
}

gboolean
evk_csv_parse_number (const char *text,
                      gboolean    decimal_comma,
                      double     *value)
{
  char buffer[128];
  gsize n = 0;
  const char *p = text;
  guint group = 0;         /* digits in the current group */
  gboolean grouped = FALSE;
  guint digits = 0;
  gsize skip;
  char *end;
  double result;

#define PUT(c) G_STMT_START { if (n + 1 >= sizeof buffer) return FALSE; buffer[n++] = (c); } G_STMT_END

  g_return_val_if_fail (text != NULL, FALSE);

  while ((skip = space_length (p)) > 0)
    p += skip;

  if (*p == '-' || *p == '+')
    PUT (*p++);
  else if (strncmp (p, "\xE2\x88\x92", 3) == 0)   /* U+2212 MINUS SIGN, as typeset */
    {
      PUT ('-');
      p += 3;
    }

  for (;;)
    {
      if (g_ascii_isdigit (*p))
        {
          PUT (*p++);
          group++;
          digits++;
        }
      else if (digits > 0 && (skip = space_length (p)) > 0 && g_ascii_isdigit (p[skip]))
        {
          /* "1 2" is two answers, not twelve: groups after the first have
           * exactly three digits. */
          if ((grouped && group != 3) || (!grouped && group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
          p += skip;
        }
      else
        break;
    }
  if (grouped && group != 3)
    return FALSE;

  if (*p == '.' || (decimal_comma && *p == ','))
    {
      p++;
      PUT ('.');
      while (g_ascii_isdigit (*p))
        {
          PUT (*p++);
          digits++;
        }
    }
  if (digits == 0)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      guint exponent_digits = 0;

      PUT (*p++);
      if (*p == '-' || *p == '+')
        PUT (*p++);
      while (g_ascii_isdigit (*p))
        {
          PUT (*p++);
          exponent_digits++;
        }
      if (exponent_digits == 0)
        return FALSE;
    }

  while ((skip = space_length (p)) > 0)
    p += skip;
  if (*p != '\0')
    return FALSE;

#undef PUT

  buffer[n] = '\0';
  result = g_ascii_strtod (buffer, &end);
  if (*end != '\0' || !isfinite (result))
    return FALSE;
  *value = result;
  return TRUE;
}
