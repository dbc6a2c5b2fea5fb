/* evk-pdf-scan.c: what poppler-glib does not tell of a PDF: which annotation answers which, and a draft's ids
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-review"
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "evk-pdf-scan.h"

/* poppler-glib 22 reads a reply's /IRT but has no call that returns it,
 * nor the object number of an annotation; the Info dictionary's keys of
 * our own are out of its reach too. Rather than depend on the position of
 * a reply (Acrobat puts it on its comment's rectangle; other viewers do
 * not), this reads the objects themselves: a small reader of PDF's syntax
 * that takes from each dictionary only the few keys it needs, and finds
 * the objects in object streams (which Acrobat and qpdf write) by
 * inflating them. The annotations it finds are matched to poppler's by
 * /NM, else by /Rect and /Contents. */

#define MAX_DEPTH        32
#define MAX_STREAM_OUT   (16 * 1024 * 1024)
#define MAX_TOTAL_OUT    (64 * 1024 * 1024)
#define MAX_OBJECTS      200000
#define MAX_STRING       (1024 * 1024)

typedef struct {
  const guint8 *p;
  const guint8 *end;
} Cursor;

static gboolean
is_white (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (guint8 c)
{
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '/' || c == '%';
}

static gboolean
is_regular (guint8 c)
{
  return !is_white (c) && !is_delimiter (c);
}

static void
skip_white (Cursor *c)
{
  while (c->p < c->end)
    {
      if (is_white (*c->p))
        c->p++;
      else if (*c->p == '%')
        {
          while (c->p < c->end && *c->p != '\n' && *c->p != '\r')
            c->p++;
        }
      else
        break;
    }
}

static gboolean
looking_at (Cursor     *c,
            const char *word)
{
  gsize n = strlen (word);

  return (gsize) (c->end - c->p) >= n && memcmp (c->p, word, n) == 0;
}

/* A literal string "(…)": its bytes with the escapes undone into out (may
 * be NULL), at most MAX_STRING of them. */
static gboolean
parse_literal (Cursor     *c,
               GByteArray *out)
{
  int depth = 1;

  c->p++;
  while (c->p < c->end)
    {
      guint8 ch = *c->p++;

      if (ch == '\\')
        {
          guint8 e;

          if (c->p >= c->end)
            return FALSE;
          e = *c->p++;
          switch (e)
            {
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 't': ch = '\t'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case '\r':
              if (c->p < c->end && *c->p == '\n')
                c->p++;
              continue;
            case '\n':
              continue;
            default:
              if (e >= '0' && e <= '7')
                {
                  guint value = e - '0';

                  for (int k = 0; k < 2 && c->p < c->end && *c->p >= '0' && *c->p <= '7'; k++)
                    value = value * 8 + (*c->p++ - '0');
                  ch = (guint8) value;
                }
              else
                ch = e;
              break;
            }
        }
      else if (ch == '(')
        depth++;
      else if (ch == ')' && --depth == 0)
        return TRUE;
      if (out != NULL && out->len < MAX_STRING)
        g_byte_array_append (out, &ch, 1);
    }
  return FALSE;
}

static int
hex_value (guint8 c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* A hex string "<…>". */
static gboolean
parse_hex (Cursor     *c,
           GByteArray *out)
{
  int high = -1;

  c->p++;
  while (c->p < c->end)
    {
      guint8 ch = *c->p++;
      int v;

      if (ch == '>')
        {
          if (high >= 0 && out != NULL && out->len < MAX_STRING)
            {
              guint8 b = (guint8) (high << 4);

              g_byte_array_append (out, &b, 1);
            }
          return TRUE;
        }
      if (is_white (ch))
        continue;
      v = hex_value (ch);
      if (v < 0)
        return FALSE;
      if (high < 0)
        high = v;
      else
        {
          guint8 b = (guint8) (high << 4 | v);

          if (out != NULL && out->len < MAX_STRING)
            g_byte_array_append (out, &b, 1);
          high = -1;
        }
    }
  return FALSE;
}

static gboolean
parse_string (Cursor     *c,
              GByteArray *out)
{
  if (c->p < c->end && *c->p == '(')
    return parse_literal (c, out);
  if (c->p + 1 < c->end && c->p[0] == '<' && c->p[1] != '<')
    return parse_hex (c, out);
  return FALSE;
}

/* A name "/Abc#20d" without its slash, escapes undone. */
static char *
parse_name (Cursor *c)
{
  GString *name = g_string_new (NULL);

  c->p++;
  while (c->p < c->end && is_regular (*c->p) && name->len < 256)
    {
      guint8 ch = *c->p++;

      if (ch == '#' && c->p + 1 < c->end && hex_value (c->p[0]) >= 0 && hex_value (c->p[1]) >= 0)
        {
          ch = (guint8) (hex_value (c->p[0]) << 4 | hex_value (c->p[1]));
          c->p += 2;
        }
      g_string_append_c (name, (char) ch);
    }
  return g_string_free (name, FALSE);
}

static gboolean
parse_number (Cursor *c,
              double *value)
{
  char buffer[64];
  gsize n = 0;
  char *end;

  while (c->p + n < c->end && n < sizeof buffer - 1 &&
         (g_ascii_isdigit (c->p[n]) || c->p[n] == '.' || c->p[n] == '-' || c->p[n] == '+'))
    {
      buffer[n] = (char) c->p[n];
      n++;
    }
  if (n == 0)
    return FALSE;
  buffer[n] = '\0';
  *value = g_ascii_strtod (buffer, &end);
  if (end == buffer || !isfinite (*value))
    return FALSE;
  c->p += n;
  return TRUE;
}

/* "N G R" at the cursor: N. */
static gboolean
parse_ref (Cursor  *c,
           guint64 *number)
{
  Cursor save = *c;
  double n, g;

  if (parse_number (c, &n) && n >= 0 && n == floor (n))
    {
      skip_white (c);
      if (parse_number (c, &g) && g >= 0)
        {
          skip_white (c);
          if (c->p < c->end && *c->p == 'R')
            {
              c->p++;
              *number = (guint64) n;
              return TRUE;
            }
        }
    }
  *c = save;
  return FALSE;
}

static gboolean skip_value (Cursor *c, guint depth);

static gboolean
skip_container (Cursor     *c,
                const char *close,
                guint       depth)
{
  gsize n = strlen (close);

  for (;;)
    {
      skip_white (c);
      if (c->p >= c->end)
        return FALSE;
      if ((gsize) (c->end - c->p) >= n && memcmp (c->p, close, n) == 0)
        {
          c->p += n;
          return TRUE;
        }
      if (!skip_value (c, depth + 1))
        return FALSE;
    }
}

/* Past any one value (a dictionary key counts as one). */
static gboolean
skip_value (Cursor *c,
            guint   depth)
{
  if (depth > MAX_DEPTH)
    return FALSE;
  skip_white (c);
  if (c->p >= c->end)
    return FALSE;
  if (*c->p == '(')
    return parse_literal (c, NULL);
  if (looking_at (c, "<<"))
    {
      c->p += 2;
      return skip_container (c, ">>", depth);
    }
  if (*c->p == '<')
    return parse_hex (c, NULL);
  if (*c->p == '[')
    {
      c->p++;
      return skip_container (c, "]", depth);
    }
  if (*c->p == '/')
    {
      g_free (parse_name (c));
      return TRUE;
    }
  if (is_regular (*c->p))
    {
      while (c->p < c->end && is_regular (*c->p))
        c->p++;
      return TRUE;
    }
  /* ")", ">", "]", "{", "}" out of place. */
  return FALSE;
}

/* Past a dictionary's value: a reference "N G R" is one. */
static gboolean
skip_entry (Cursor *c)
{
  guint64 ref;

  skip_white (c);
  return parse_ref (c, &ref) || skip_value (c, 0);
}

/* The keys of a dictionary this reader needs. */
typedef struct {
  char       *type;
  char       *subtype;
  char       *filter;
  GByteArray *nm;
  GByteArray *contents;
  GByteArray *doc_id;
  GByteArray *project_id;
  gboolean    has_rect;
  double      rect[4];
  gboolean    has_irt;
  guint64     irt;
  gint64      n;
  gint64      first;
  gint64      length;       /* -1: none or indirect */
  gboolean    has_parms;    /* /DecodeParms: a predictor this reader does not undo */
} Dict;

static void
dict_clear (Dict *d)
{
  g_free (d->type);
  g_free (d->subtype);
  g_free (d->filter);
  if (d->nm != NULL)
    g_byte_array_unref (d->nm);
  if (d->contents != NULL)
    g_byte_array_unref (d->contents);
  if (d->doc_id != NULL)
    g_byte_array_unref (d->doc_id);
  if (d->project_id != NULL)
    g_byte_array_unref (d->project_id);
  memset (d, 0, sizeof *d);
}

static gboolean
parse_string_key (Cursor      *c,
                  GByteArray **out)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  if (!parse_string (c, bytes))
    return skip_entry (c);
  if (*out != NULL)
    g_byte_array_unref (*out);
  *out = g_steal_pointer (&bytes);
  return TRUE;
}

static gboolean
parse_name_key (Cursor  *c,
                char   **out)
{
  if (c->p < c->end && *c->p == '/')
    {
      g_free (*out);
      *out = parse_name (c);
      return TRUE;
    }
  /* /Filter [/FlateDecode]: one filter in an array. */
  if (c->p < c->end && *c->p == '[')
    {
      Cursor look = *c;

      look.p++;
      skip_white (&look);
      if (look.p < look.end && *look.p == '/')
        {
          char *name = parse_name (&look);

          skip_white (&look);
          if (look.p < look.end && *look.p == ']')
            {
              g_free (*out);
              *out = name;
              c->p = look.p + 1;
              return TRUE;
            }
          g_free (name);
          g_free (*out);
          *out = g_strdup ("");
        }
    }
  return skip_entry (c);
}

static gboolean
parse_integer_key (Cursor *c,
                   gint64 *out)
{
  Cursor save = *c;
  guint64 ref;
  double value;

  if (parse_ref (c, &ref))
    {
      *out = -1;
      return TRUE;
    }
  *c = save;
  if (parse_number (c, &value) && value >= 0 && value <= G_MAXINT32 && value == floor (value))
    {
      *out = (gint64) value;
      return TRUE;
    }
  *c = save;
  return skip_entry (c);
}

static gboolean
parse_rect (Cursor *c,
            Dict   *d)
{
  Cursor save = *c;
  double v[4];

  if (c->p < c->end && *c->p == '[')
    {
      c->p++;
      for (int i = 0; i < 4; i++)
        {
          skip_white (c);
          if (!parse_number (c, &v[i]))
            goto other;
        }
      skip_white (c);
      if (c->p < c->end && *c->p == ']')
        {
          c->p++;
          d->has_rect = TRUE;
          d->rect[0] = MIN (v[0], v[2]);
          d->rect[1] = MIN (v[1], v[3]);
          d->rect[2] = MAX (v[0], v[2]);
          d->rect[3] = MAX (v[1], v[3]);
          return TRUE;
        }
    }
other:
  *c = save;
  return skip_entry (c);
}

/* The dictionary at the cursor ("<<"), its keys of interest in d. */
static gboolean
parse_dict (Cursor *c,
            Dict   *d)
{
  d->length = -1;
  d->n = d->first = -1;
  c->p += 2;
  for (;;)
    {
      g_autofree char *key = NULL;
      gboolean ok;

      skip_white (c);
      if (c->p >= c->end)
        return FALSE;
      if (looking_at (c, ">>"))
        {
          c->p += 2;
          return TRUE;
        }
      if (*c->p != '/')
        return FALSE;
      key = parse_name (c);
      skip_white (c);
      if (g_str_equal (key, "Type"))
        ok = parse_name_key (c, &d->type);
      else if (g_str_equal (key, "Subtype"))
        ok = parse_name_key (c, &d->subtype);
      else if (g_str_equal (key, "Filter"))
        ok = parse_name_key (c, &d->filter);
      else if (g_str_equal (key, "NM"))
        ok = parse_string_key (c, &d->nm);
      else if (g_str_equal (key, "Contents"))
        ok = parse_string_key (c, &d->contents);
      else if (g_str_equal (key, "EvalkitDocId"))
        ok = parse_string_key (c, &d->doc_id);
      else if (g_str_equal (key, "EvalkitProjectId"))
        ok = parse_string_key (c, &d->project_id);
      else if (g_str_equal (key, "Rect"))
        ok = parse_rect (c, d);
      else if (g_str_equal (key, "IRT"))
        {
          d->has_irt = parse_ref (c, &d->irt);
          ok = d->has_irt || skip_entry (c);
        }
      else if (g_str_equal (key, "N"))
        ok = parse_integer_key (c, &d->n);
      else if (g_str_equal (key, "First"))
        ok = parse_integer_key (c, &d->first);
      else if (g_str_equal (key, "Length"))
        ok = parse_integer_key (c, &d->length);
      else
        {
          d->has_parms |= g_str_equal (key, "DecodeParms");
          ok = skip_entry (c);
        }
      if (!ok)
        return FALSE;
    }
}

/* PDFDocEncoding's 0x80–0x9F; 0x18–0x1F are accents nobody writes in a
 * comment, read as themselves. */
static const gunichar pdf_doc_high[32] = {
  0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212, 0x2030,
  0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
  0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD,
};

char *
evk_pdf_text_string (const guint8 *bytes,
                     gsize         length)
{
  GString *out;

  if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      g_autofree gunichar2 *units = g_new (gunichar2, (length - 2) / 2 + 1);
      gsize n = 0;

      for (gsize i = 2; i + 1 < length; i += 2)
        units[n++] = (gunichar2) (bytes[i] << 8 | bytes[i + 1]);
      return g_utf16_to_utf8 (units, n, NULL, NULL, NULL);
    }
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      if (!g_utf8_validate_len ((const char *) bytes + 3, length - 3, NULL))
        return NULL;
      return g_strndup ((const char *) bytes + 3, length - 3);
    }
  out = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      guint8 b = bytes[i];

      if (b == 0)
        continue;
      if (b >= 0x80 && b <= 0x9F)
        g_string_append_unichar (out, pdf_doc_high[b - 0x80]);
      else if (b == 0xA0)
        g_string_append_unichar (out, 0x20AC);
      else
        g_string_append_unichar (out, b);
    }
  return g_string_free (out, FALSE);
}

static char *
dict_text (GByteArray *bytes)
{
  return bytes != NULL ? evk_pdf_text_string (bytes->data, bytes->len) : NULL;
}

/* An annotation as this reader saw it. */
typedef struct {
  EvkPdfAnnotKey key;
  gboolean       has_irt;
  guint64        irt;
} Record;

static void
annot_key_clear (EvkPdfAnnotKey *key)
{
  g_clear_pointer (&key->nm, g_free);
  g_clear_pointer (&key->contents, g_free);
}

static void
record_free (Record *record)
{
  annot_key_clear (&record->key);
  g_free (record);
}

static void
annot_key_copy (EvkPdfAnnotKey       *to,
                const EvkPdfAnnotKey *from)
{
  *to = *from;
  to->nm = g_strdup (from->nm);
  to->contents = g_strdup (from->contents);
}

typedef struct {
  EvkPdfScan *scan;
  GHashTable *records;      /* object number → Record */
  gsize       inflated;     /* bytes inflated so far */
  guint       n_objects;
} Scanner;

static void
take_dict (Scanner *s,
           guint64  number,
           Dict    *d)
{
  if (d->doc_id != NULL)
    {
      g_free (s->scan->doc_id);
      s->scan->doc_id = dict_text (d->doc_id);
    }
  if (d->project_id != NULL)
    {
      g_free (s->scan->project_id);
      s->scan->project_id = dict_text (d->project_id);
    }
  if (d->subtype != NULL && d->has_rect)
    {
      Record *record = g_new0 (Record, 1);

      record->key.nm = dict_text (d->nm);
      record->key.contents = dict_text (d->contents);
      record->key.has_rect = TRUE;
      memcpy (record->key.rect, d->rect, sizeof d->rect);
      record->has_irt = d->has_irt;
      record->irt = d->irt;
      g_hash_table_insert (s->records, GUINT_TO_POINTER ((guint) number), record);
    }
  else
    g_hash_table_remove (s->records, GUINT_TO_POINTER ((guint) number));
}

/* zlib data, at most MAX_STREAM_OUT of it and what is left of the total. */
static GBytes *
inflate (Scanner      *s,
         const guint8 *data,
         gsize         length)
{
  g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  gsize cap = MIN (MAX_STREAM_OUT, MAX_TOTAL_OUT - s->inflated);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[16384];
  gsize in_done = 0;

  while (out->len < cap)
    {
      gsize read = 0, written = 0;
      GConverterResult result;
      g_autoptr(GError) error = NULL;

      result = g_converter_convert (zlib, data + in_done, length - in_done, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, &error);
      if (result == G_CONVERTER_ERROR)
        break;
      in_done += read;
      g_byte_array_append (out, buffer, MIN (written, cap - out->len));
      if (result == G_CONVERTER_FINISHED || (read == 0 && written == 0))
        break;
    }
  s->inflated += out->len;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The objects of an object stream: "number offset" pairs, then the
 * objects from first on. */
static void
read_object_stream (Scanner      *s,
                    const guint8 *data,
                    gsize         length,
                    gint64        n,
                    gint64        first)
{
  Cursor header;

  /* An empty stream (inflated to nothing) has no data at all. */
  if (data == NULL || first < 0 || (guint64) first > length)
    return;
  header.p = data;
  header.end = data + first;
  for (gint64 i = 0; i < n && s->n_objects < MAX_OBJECTS; i++)
    {
      double number, offset;
      Cursor c;
      Dict d = { 0 };

      skip_white (&header);
      if (!parse_number (&header, &number))
        return;
      skip_white (&header);
      if (!parse_number (&header, &offset))
        return;
      if (number < 0 || number > G_MAXUINT32 || offset < 0 || offset >= (double) (length - first))
        continue;
      c.p = data + first + (gsize) offset;
      c.end = data + length;
      skip_white (&c);
      s->n_objects++;
      if (looking_at (&c, "<<") && parse_dict (&c, &d))
        take_dict (s, (guint64) number, &d);
      dict_clear (&d);
    }
}

/* The stream after a dictionary ("stream", an end of line, the data);
 * returns where scanning goes on. */
static const guint8 *
read_stream (Scanner      *s,
             Cursor       *c,
             Dict         *d)
{
  const guint8 *data, *stop;
  gsize length;
  static const char endstream[] = "endstream";

  skip_white (c);
  if (!looking_at (c, "stream"))
    return c->p;
  c->p += strlen ("stream");
  if (c->p < c->end && *c->p == '\r')
    c->p++;
  if (c->p < c->end && *c->p == '\n')
    c->p++;
  data = c->p;
  if (d->length >= 0 && (gsize) d->length <= (gsize) (c->end - data))
    {
      length = (gsize) d->length;
      stop = data + length;
    }
  else
    {
      /* An indirect or wrong /Length: the data ends at "endstream". */
      const guint8 *found = memmem (data, c->end - data, endstream, strlen (endstream));

      stop = found != NULL ? found : c->end;
      length = stop - data;
    }
  if (g_strcmp0 (d->type, "ObjStm") == 0 && d->n > 0 && !d->has_parms &&
      (d->filter == NULL || g_str_equal (d->filter, "FlateDecode")) && s->inflated < MAX_TOTAL_OUT)
    {
      if (d->filter == NULL)
        read_object_stream (s, data, length, d->n, d->first);
      else
        {
          g_autoptr(GBytes) plain = inflate (s, data, length);
          gsize size;
          const guint8 *bytes = g_bytes_get_data (plain, &size);

          read_object_stream (s, bytes, size, d->n, d->first);
        }
    }
  return stop;
}

/* "N G obj" ending at p (p points at "obj"): N. */
static gboolean
object_number (const guint8 *start,
               const guint8 *p,
               guint64      *number)
{
  const guint8 *q = p;
  guint64 value = 0, scale = 1;
  int digits = 0;

  if (q == start || !is_white (q[-1]))
    return FALSE;
  while (q > start && is_white (q[-1]))
    q--;
  while (q > start && g_ascii_isdigit (q[-1]))
    q--, digits++;
  if (digits == 0 || q == start || !is_white (q[-1]))
    return FALSE;
  while (q > start && is_white (q[-1]))
    q--;
  digits = 0;
  while (q > start && g_ascii_isdigit (q[-1]) && digits < 10)
    {
      value += (guint64) (q[-1] - '0') * scale;
      scale *= 10;
      q--;
      digits++;
    }
  if (digits == 0 || (q > start && is_regular (q[-1])) || value > G_MAXUINT32)
    return FALSE;
  *number = value;
  return TRUE;
}

EvkPdfScan *
evk_pdf_scan (const guint8 *data,
              gsize         length)
{
  Scanner s = { 0 };
  const guint8 *end, *p = data;
  GHashTableIter iter;
  gpointer value;

  s.scan = g_new0 (EvkPdfScan, 1);
  s.scan->replies = g_array_new (FALSE, TRUE, sizeof (EvkPdfReply));
  if (data == NULL)
    return s.scan;
  end = data + length;
  s.records = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) record_free);

  while (p < end && s.n_objects < MAX_OBJECTS)
    {
      const guint8 *found = memmem (p, end - p, "obj", 3);
      guint64 number;
      Cursor c;
      Dict d = { 0 };

      if (found == NULL)
        break;
      p = found + 3;
      if ((p < end && is_regular (*p)) || !object_number (data, found, &number))
        continue;
      c.p = p;
      c.end = end;
      skip_white (&c);
      if (!looking_at (&c, "<<"))
        continue;
      s.n_objects++;
      if (parse_dict (&c, &d))
        {
          take_dict (&s, number, &d);
          p = read_stream (&s, &c, &d);
        }
      dict_clear (&d);
    }

  /* The replies whose comment is an annotation too. */
  g_hash_table_iter_init (&iter, s.records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Record *record = value;
      Record *parent;
      EvkPdfReply reply = { 0 };

      if (!record->has_irt || record->irt > G_MAXUINT32)
        continue;
      parent = g_hash_table_lookup (s.records, GUINT_TO_POINTER ((guint) record->irt));
      if (parent == NULL || parent == record)
        continue;
      annot_key_copy (&reply.reply, &record->key);
      annot_key_copy (&reply.parent, &parent->key);
      g_array_append_val (s.scan->replies, reply);
    }
  g_hash_table_unref (s.records);
  return s.scan;
}

void
evk_pdf_scan_free (EvkPdfScan *scan)
{
  if (scan == NULL)
    return;
  for (guint i = 0; i < scan->replies->len; i++)
    {
      EvkPdfReply *reply = &g_array_index (scan->replies, EvkPdfReply, i);

      annot_key_clear (&reply->reply);
      annot_key_clear (&reply->parent);
    }
  g_array_unref (scan->replies);
  g_free (scan->doc_id);
  g_free (scan->project_id);
  g_free (scan);
}

gboolean
evk_pdf_annot_key_matches (const EvkPdfAnnotKey *key,
                           const char           *nm,
                           const double          rect[4],
                           const char           *contents,
                           gboolean              with_contents)
{
  double x0 = MIN (rect[0], rect[2]), y0 = MIN (rect[1], rect[3]);
  double x1 = MAX (rect[0], rect[2]), y1 = MAX (rect[1], rect[3]);

  if (key->nm != NULL && key->nm[0] != '\0' && nm != NULL && nm[0] != '\0')
    return g_str_equal (key->nm, nm);
  if (!key->has_rect || fabs (key->rect[0] - x0) > 0.05 || fabs (key->rect[1] - y0) > 0.05 ||
      fabs (key->rect[2] - x1) > 0.05 || fabs (key->rect[3] - y1) > 0.05)
    return FALSE;
  if (with_contents)
    return g_strcmp0 (key->contents != NULL ? key->contents : "", contents != NULL ? contents : "") == 0;
  return TRUE;
}
