/* evk-mrsets.c: SPSS multiple-response sets, read from a system file's dictionary
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record format is the one PSPP documents ("System File Format",
 * "Multiple Response Sets Records"): one line per set,
 *
 *   $name=C <label> <var> <var>…
 *   $name=D<value> <label> <var> <var>…
 *   $name=E <1|11> <value> <label> <var> <var>…
 *
 * where <value> and <label> are counted strings ("24 My multiple response
 * set") and the variables are short names in lowercase.
 */
#define G_LOG_DOMAIN "evk-import"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-mrsets.h"

#define SAV_HEADER_SIZE 176

enum {
  RECORD_VARIABLE = 2,
  RECORD_VALUE_LABELS = 3,
  RECORD_VALUE_LABEL_VARIABLES = 4,
  RECORD_DOCUMENT = 6,
  RECORD_EXTENSION = 7,
  RECORD_END = 999,
};

enum {
  SUBTYPE_MRSETS = 7,
  SUBTYPE_LONG_NAMES = 13,
  SUBTYPE_EXTENDED_MRSETS = 19,
  SUBTYPE_ENCODING = 20,
};

static gboolean
is_utf8_name (const char *encoding)
{
  return encoding == NULL ||
         g_ascii_strcasecmp (encoding, "UTF-8") == 0 ||
         g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

/* Counts in the record are bytes of the file's encoding, so each piece is
 * converted on its own once it has been cut out. */
static char *
to_utf8 (const char  *bytes,
         gsize        length,
         const char  *encoding,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize written = 0;

  if (is_utf8_name (encoding))
    {
      /* With a length, g_utf8_validate also refuses NUL bytes. */
      if (length > 0 && !g_utf8_validate (bytes, length, NULL))
        {
          g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
                               _("the text is not valid UTF-8"));
          return NULL;
        }
      return g_strndup (bytes, length);
    }

  text = g_convert (bytes, length, "UTF-8", encoding, NULL, &written, &local_error);
  if (text == NULL || memchr (text, '\0', written) != NULL)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
                   _("the text is not valid %s"), encoding);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* ---- The record's text --------------------------------------------- */

typedef struct {
  const char *data;
  gsize       length;
  gsize       pos;
  const char *encoding;
  char       *set_name;   /* for messages, once known */
} Cursor;

static gboolean
syntax_error (Cursor      *c,
              GError     **error,
              const char  *problem)
{
  if (c->set_name != NULL)
    g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                 _("multiple-response set $%s: byte %u: %s"),
                 c->set_name, (guint) c->pos, problem);
  else
    g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                 _("multiple-response sets: byte %u: %s"), (guint) c->pos, problem);
  return FALSE;
}

static gboolean
at (Cursor *c,
    char    ch)
{
  return c->pos < c->length && c->data[c->pos] == ch;
}

/* "<n> <n bytes>", then the space that ends it. A set without variables may
 * end its line right after its label, so a newline ends it too (unread). */
static gboolean
read_counted (Cursor      *c,
              char       **text,
              GError     **error)
{
  gsize start = c->pos;
  gsize n = 0;
  const char *bytes;

  while (c->pos < c->length && g_ascii_isdigit (c->data[c->pos]))
    {
      /* Anything longer than the record is an error below; stop growing. */
      if (n <= c->length)
        n = n * 10 + (c->data[c->pos] - '0');
      c->pos++;
    }
  if (c->pos == start)
    return syntax_error (c, error, _("expected the length of a counted string"));
  if (!at (c, ' '))
    return syntax_error (c, error, _("expected a space after a length"));
  c->pos++;
  if (n > c->length - c->pos)
    return syntax_error (c, error, _("a counted string runs past the end of the record"));

  bytes = c->data + c->pos;
  c->pos += n;
  if (at (c, ' '))
    c->pos++;
  else if (c->pos < c->length && !at (c, '\n'))
    return syntax_error (c, error, _("expected a space after a counted string"));

  if ((*text = to_utf8 (bytes, n, c->encoding, error)) == NULL)
    {
      g_prefix_error (error, _("multiple-response set $%s: "), c->set_name);
      return FALSE;
    }
  return TRUE;
}

/* casefolded name → the survey's name, for the names the record gives. */
static GHashTable *
fold_variable_names (EvkSurvey *survey)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);
      char *folded = g_utf8_casefold (variable->name, -1);

      if (g_hash_table_contains (names, folded))
        g_free (folded);
      else
        g_hash_table_insert (names, folded, variable->name);
    }
  return names;
}

static const char *
resolve_variable (EvkSurvey   *survey,
                  GHashTable  *long_names,
                  GHashTable  *folded_names,
                  const char  *short_name)
{
  g_autofree char *folded = g_utf8_casefold (short_name, -1);
  const char *name = NULL;

  if (long_names != NULL)
    name = g_hash_table_lookup (long_names, folded);
  if (name != NULL && evk_survey_get_variable (survey, name) != NULL)
    return name;
  return g_hash_table_lookup (folded_names, folded);
}

gboolean
evk_mrsets_parse (const char  *data,
                  gsize        length,
                  const char  *encoding,
                  GHashTable  *long_names,
                  const char  *lang,
                  EvkSurvey   *survey,
                  GError     **error)
{
  g_autoptr(GHashTable) folded_names = NULL;
  Cursor c = { data, length, 0, encoding, NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (survey != NULL, FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);

  folded_names = fold_variable_names (survey);

  for (;;)
    {
      g_autofree char *counted_value = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      EvkMrSetType type;
      gboolean label_from_variable = FALSE;
      gsize name_start;
      EvkMrSet *set;

      g_clear_pointer (&c.set_name, g_free);

      /* Records end with a newline and are sometimes padded. */
      while (c.pos < length && (at (&c, '\n') || at (&c, ' ') || at (&c, '\0')))
        c.pos++;
      if (c.pos >= length)
        break;

      if (!at (&c, '$'))
        {
          syntax_error (&c, error, _("expected a set name starting with “$”"));
          goto out;
        }
      name_start = ++c.pos;
      while (c.pos < length && !at (&c, '=') && !at (&c, '\n'))
        c.pos++;
      if (!at (&c, '=') || c.pos == name_start)
        {
          syntax_error (&c, error, _("expected “=” after a set name"));
          goto out;
        }
      if ((c.set_name = to_utf8 (data + name_start, c.pos - name_start, encoding, error)) == NULL)
        {
          g_prefix_error (error, _("multiple-response sets: "));
          goto out;
        }
      c.pos++;

      if (at (&c, 'C'))
        {
          type = EVK_MRSET_CATEGORY;
          c.pos++;
          if (!at (&c, ' '))
            {
              syntax_error (&c, error, _("expected a space after “C”"));
              goto out;
            }
          c.pos++;
        }
      else if (at (&c, 'D'))
        {
          type = EVK_MRSET_DICHOTOMY;
          c.pos++;
        }
      else if (at (&c, 'E'))
        {
          gsize flag_start;

          /* A dichotomy set labelled by its counted values; "11" means the
           * set's label is its first variable's. */
          type = EVK_MRSET_DICHOTOMY;
          c.pos++;
          if (!at (&c, ' '))
            {
              syntax_error (&c, error, _("expected a space after “E”"));
              goto out;
            }
          flag_start = ++c.pos;
          while (c.pos < length && g_ascii_isdigit (data[c.pos]))
            c.pos++;
          if (c.pos == flag_start || !at (&c, ' '))
            {
              syntax_error (&c, error, _("expected 1 or 11 after “E”"));
              goto out;
            }
          label_from_variable = c.pos - flag_start == 2 && memcmp (data + flag_start, "11", 2) == 0;
          c.pos++;
        }
      else
        {
          syntax_error (&c, error, _("expected C, D or E after “=”"));
          goto out;
        }

      if (type == EVK_MRSET_DICHOTOMY)
        {
          if (!read_counted (&c, &counted_value, error))
            goto out;
          /* Older SPSS pads the counted value to eight bytes. */
          g_strstrip (counted_value);
        }
      if (!read_counted (&c, &label, error))
        goto out;

      for (;;)
        {
          gsize start;
          char *name;

          while (at (&c, ' '))
            c.pos++;
          if (c.pos >= length || at (&c, '\n'))
            break;
          start = c.pos;
          while (c.pos < length && !at (&c, ' ') && !at (&c, '\n'))
            c.pos++;
          if ((name = to_utf8 (data + start, c.pos - start, encoding, error)) == NULL)
            {
              g_prefix_error (error, _("multiple-response set $%s: "), c.set_name);
              goto out;
            }
          g_ptr_array_add (names, name);
        }

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = resolve_variable (survey, long_names, folded_names,
                                               g_ptr_array_index (names, i));
          if (name == NULL)
            {
              g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("multiple-response set $%s: no variable %s"),
                           c.set_name, (const char *) g_ptr_array_index (names, i));
              goto out;
            }
          g_free (names->pdata[i]);
          names->pdata[i] = g_strdup (name);
        }

      /* A set of one variable counts nothing SPSS would show (Stata writes
       * such sets), and SPSS keeps the first of two sets of one name. */
      if (names->len < 2 || evk_survey_get_mrset (survey, c.set_name) != NULL)
        {
          g_debug ("multiple-response set $%s skipped: %u variables or a duplicate name",
                   c.set_name, names->len);
          continue;
        }

      set = evk_survey_add_mrset (survey, c.set_name, type);
      set->counted_value = g_steal_pointer (&counted_value);
      if (label != NULL && *label != '\0')
        evk_localized_set (set->label, lang, label);
      else if (label_from_variable)
        {
          EvkVariable *first = evk_survey_get_variable (survey, g_ptr_array_index (names, 0));
          const char *text = evk_localized_get (first->label, lang);

          if (text != NULL)
            evk_localized_set (set->label, lang, text);
        }
      g_ptr_array_add (names, NULL);
      g_strfreev (set->variables);
      set->variables = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
    }

  ok = TRUE;
out:
  g_free (c.set_name);
  return ok;
}

/* ---- The dictionary ------------------------------------------------ */

typedef struct {
  GInputStream *stream;
  goffset       size;
  goffset       remaining;  /* bytes of the file not yet read */
  gboolean      big_endian;
  /* Where we are, for messages: the variable record being read (its
   * number among the variables, 1-based, and its short name), or 0. */
  guint         n_variables;
  guint         in_variable;
  char          variable_name[9];
  goffset       record_start;
} DictReader;

static gboolean
dict_truncated (GError **error)
{
  g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("the dictionary ends early"));
  return FALSE;
}

static gboolean
dict_read (DictReader  *r,
           void        *buffer,
           gsize        count,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n = 0;

  if ((goffset) count > r->remaining)
    return dict_truncated (error);
  if (!g_input_stream_read_all (r->stream, buffer, count, &n, NULL, &local_error))
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }
  if (n < count)
    return dict_truncated (error);
  r->remaining -= count;
  return TRUE;
}

static gboolean
dict_skip (DictReader  *r,
           gint64       count,
           GError     **error)
{
  if (count < 0 || count > r->remaining)
    return dict_truncated (error);
  while (count > 0)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_skip (r->stream, MIN (count, G_MAXSSIZE), NULL, &local_error);

      if (n < 0)
        {
          g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
          return FALSE;
        }
      if (n == 0)
        return dict_truncated (error);
      count -= n;
      r->remaining -= n;
    }
  return TRUE;
}

static gboolean
dict_read_i32 (DictReader  *r,
               gint32      *value,
               GError     **error)
{
  guint32 raw;

  if (!dict_read (r, &raw, sizeof raw, error))
    return FALSE;
  *value = (gint32) (r->big_endian ? GUINT32_FROM_BE (raw) : GUINT32_FROM_LE (raw));
  return TRUE;
}

static gboolean
dict_malformed (GError     **error,
                const char  *problem)
{
  g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED, problem);
  return FALSE;
}

static gboolean
skip_variable_record (DictReader  *r,
                      GError     **error)
{
  /* type, has_label, n_missing, print, write, name[8] */
  gint32 fields[5];
  gint32 label_length;
  char name[8];

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!dict_read_i32 (r, &fields[i], error))
      return FALSE;
  if (!dict_read (r, name, sizeof name, error))
    return FALSE;
  /* A long string continues in records of type -1, which are not
   * variables of their own. */
  if (fields[0] != -1)
    {
      r->n_variables++;
      r->in_variable = r->n_variables;
      memcpy (r->variable_name, name, sizeof name);
      r->variable_name[sizeof name] = '\0';
      g_strchomp (r->variable_name);
    }
  if (fields[1] != 0)
    {
      if (!dict_read_i32 (r, &label_length, error))
        return FALSE;
      if (label_length < 0)
        return dict_malformed (error, _("the variable label has a negative length"));
      if ((gint64) label_length > r->remaining)
        return dict_malformed (error, _("the variable label is longer than the rest of the file"));
      if (!dict_skip (r, ((gint64) label_length + 3) / 4 * 4, error))
        return FALSE;
    }
  if (fields[2] < -3 || fields[2] > 3)
    return dict_malformed (error, _("the variable has more than three missing values"));
  if (!dict_skip (r, (gint64) ABS (fields[2]) * 8, error))
    return FALSE;
  r->in_variable = 0;
  return TRUE;
}

/* "variable 3 (Q17_3): …" inside a variable record, else the byte where
 * the record began: a damaged dictionary is found by where it is. */
static void
prefix_location (DictReader  *r,
                 GError     **error)
{
  g_autofree char *name = g_utf8_make_valid (r->variable_name, -1);
  g_autofree char *byte = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) r->record_start);

  if (r->in_variable > 0)
    g_prefix_error (error, _("variable %u (%s): "), r->in_variable, name);
  else if (r->n_variables > 0)
    g_prefix_error (error, _("the dictionary record at byte %s, after variable %u (%s): "),
                    byte, r->n_variables, name);
  else
    g_prefix_error (error, _("the dictionary record at byte %s: "), byte);
}

static gboolean
skip_value_label_record (DictReader  *r,
                         GError     **error)
{
  gint32 count, record_type, n_variables;

  if (!dict_read_i32 (r, &count, error))
    return FALSE;
  if (count < 0)
    return dict_malformed (error, _("a value-label record has a negative count"));
  for (gint32 i = 0; i < count; i++)
    {
      guint8 length;

      /* value[8], length, label padded so that length and label fill a
       * multiple of eight bytes */
      if (!dict_skip (r, 8, error) || !dict_read (r, &length, 1, error) ||
          !dict_skip (r, (length + 8) / 8 * 8 - 1, error))
        return FALSE;
    }
  if (!dict_read_i32 (r, &record_type, error))
    return FALSE;
  if (record_type != RECORD_VALUE_LABEL_VARIABLES)
    return dict_malformed (error, _("value labels are not followed by their variables"));
  if (!dict_read_i32 (r, &n_variables, error))
    return FALSE;
  if (n_variables < 0)
    return dict_malformed (error, _("a value-label record has a negative count"));
  return dict_skip (r, (gint64) n_variables * 4, error);
}

static GHashTable *
parse_long_names (const char  *data,
                  gsize        length,
                  const char  *encoding,
                  GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = to_utf8 (data, length, encoding, error);
  g_auto(GStrv) pairs = NULL;

  if (text == NULL)
    {
      g_prefix_error (error, _("long variable names: "));
      return NULL;
    }
  pairs = g_strsplit (text, "\t", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');

      /* ReadStat has accepted the same record; an odd pair only means the
       * set that names it will not resolve, which is reported then. */
      if (equals == NULL)
        continue;
      *equals = '\0';
      g_hash_table_insert (names, g_utf8_casefold (pairs[i], -1), g_strdup (equals + 1));
    }
  return g_steal_pointer (&names);
}

typedef struct {
  GByteArray *mrsets;
  GByteArray *extended_mrsets;
  GByteArray *long_names;       /* NULL when the file has none */
  char       *encoding;         /* the file's encoding record, or NULL */
} Dictionary;

static void
dictionary_clear (Dictionary *dict)
{
  g_clear_pointer (&dict->mrsets, g_byte_array_unref);
  g_clear_pointer (&dict->extended_mrsets, g_byte_array_unref);
  g_clear_pointer (&dict->long_names, g_byte_array_unref);
  g_clear_pointer (&dict->encoding, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dictionary, dictionary_clear)

static gboolean
read_records (DictReader  *r,
              Dictionary  *dict,
              GError     **error)
{
  for (gboolean done = FALSE; !done;)
    {
      gint32 record_type;

      r->record_start = r->size - r->remaining;
      if (!dict_read_i32 (r, &record_type, error))
        return FALSE;

      switch (record_type)
        {
        case RECORD_VARIABLE:
          if (!skip_variable_record (r, error))
            return FALSE;
          break;

        case RECORD_VALUE_LABELS:
          if (!skip_value_label_record (r, error))
            return FALSE;
          break;

        case RECORD_DOCUMENT:
          {
            gint32 n_lines;

            if (!dict_read_i32 (r, &n_lines, error) ||
                !dict_skip (r, (gint64) n_lines * 80, error))
              return FALSE;
          }
          break;

        case RECORD_EXTENSION:
          {
            gint32 subtype, size, count;
            gint64 length;
            GByteArray *target = NULL;

            if (!dict_read_i32 (r, &subtype, error) ||
                !dict_read_i32 (r, &size, error) ||
                !dict_read_i32 (r, &count, error))
              return FALSE;
            if (size < 0 || count < 0)
              return dict_malformed (error, _("an extension record has a negative size"));
            length = (gint64) size * count;
            if (length > r->remaining)
              return dict_truncated (error);
            if (length > G_MAXINT)
              return dict_malformed (error, _("an extension record is too large"));

            switch (subtype)
              {
              case SUBTYPE_MRSETS:
                target = dict->mrsets;
                break;
              case SUBTYPE_EXTENDED_MRSETS:
                target = dict->extended_mrsets;
                break;
              case SUBTYPE_LONG_NAMES:
                if (dict->long_names == NULL)
                  dict->long_names = g_byte_array_new ();
                target = dict->long_names;
                break;
              case SUBTYPE_ENCODING:
                if (length > 64)
                  {
                    /* No encoding has such a name: ReadStat's own reading
                     * of the file decides, as for every other text. */
                    if (!dict_skip (r, length, error))
                      return FALSE;
                    break;
                  }
                {
                  g_autofree char *name = g_malloc0 (length + 1);

                  if (!dict_read (r, name, length, error))
                    return FALSE;
                  g_free (dict->encoding);
                  dict->encoding = g_strstrip (g_steal_pointer (&name));
                }
                break;
              default:
                if (!dict_skip (r, length, error))
                  return FALSE;
                break;
              }

            /* An empty record is allowed, and an empty GByteArray has no
             * buffer to read into. */
            if (target != NULL && length > 0)
              {
                guint old = target->len;

                g_byte_array_set_size (target, old + length);
                if (!dict_read (r, target->data + old, length, error))
                  return FALSE;
              }
          }
          break;

        case RECORD_END:
          done = TRUE;
          break;

        default:
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("unknown dictionary record type %d"), (int) record_type);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the records of the dictionary that we need; errors say where in
 * the dictionary the file is damaged. */
static gboolean
read_dictionary (const char  *path,
                 Dictionary  *dict,
                 gboolean    *in_records,
                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[SAV_HEADER_SIZE];
  DictReader r = { NULL, 0, 0, FALSE, 0, 0, "", 0 };
  guint32 layout;

  if ((file_stream = g_file_read (file, NULL, &local_error)) == NULL ||
      (info = g_file_input_stream_query_info (file_stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                              NULL, &local_error)) == NULL)
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }
  stream = g_buffered_input_stream_new_sized (G_INPUT_STREAM (file_stream), 64 * 1024);
  r.stream = stream;
  r.size = r.remaining = g_file_info_get_size (info);

  if (!dict_read (&r, header, sizeof header, error))
    return FALSE;
  if (memcmp (header, "$FL2", 4) != 0 && memcmp (header, "$FL3", 4) != 0)
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_NOT_SUPPORTED,
                           _("not an SPSS system file"));
      return FALSE;
    }
  /* The layout code is 2 or 3 in the writer's byte order. */
  memcpy (&layout, header + 64, sizeof layout);
  if (GUINT32_FROM_LE (layout) == 2 || GUINT32_FROM_LE (layout) == 3)
    r.big_endian = FALSE;
  else if (GUINT32_FROM_BE (layout) == 2 || GUINT32_FROM_BE (layout) == 3)
    r.big_endian = TRUE;
  else
    return dict_malformed (error, _("the header's layout code is unknown"));

  dict->mrsets = g_byte_array_new ();
  dict->extended_mrsets = g_byte_array_new ();
  if (in_records != NULL)
    *in_records = TRUE;
  if (!read_records (&r, dict, &local_error))
    {
      prefix_location (&r, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
evk_mrsets_check_dictionary (const char  *path,
                             GError     **error)
{
  g_auto(Dictionary) dict = { NULL, NULL, NULL, NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean in_records = FALSE;

  if (read_dictionary (path, &dict, &in_records, &local_error))
    return TRUE;
  /* A header that does not read is ReadStat's to describe. */
  if (!in_records)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
evk_mrsets_read (const char  *path,
                 const char  *encoding,
                 const char  *lang,
                 EvkSurvey   *survey,
                 GError     **error)
{
  g_auto(Dictionary) dict = { NULL, NULL, NULL, NULL };
  g_autoptr(GHashTable) long_names = NULL;

  if (!read_dictionary (path, &dict, NULL, error))
    return FALSE;

  if (dict.mrsets->len == 0 && dict.extended_mrsets->len == 0)
    return TRUE;

  if (encoding == NULL && dict.encoding != NULL && *dict.encoding != '\0')
    encoding = dict.encoding;

  if (dict.long_names != NULL &&
      (long_names = parse_long_names ((const char *) dict.long_names->data,
                                      dict.long_names->len, encoding, error)) == NULL)
    return FALSE;

  return evk_mrsets_parse ((const char *) dict.mrsets->data, dict.mrsets->len, encoding,
                           long_names, lang, survey, error) &&
         evk_mrsets_parse ((const char *) dict.extended_mrsets->data, dict.extended_mrsets->len,
                           encoding, long_names, lang, survey, error);
}
