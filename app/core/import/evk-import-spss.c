/* evk-import-spss.c: reads SPSS (.sav, .zsav, .por) and Stata (.dta) files through ReadStat
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ReadStat streams a file through callbacks: value labels (before the
 * variables in SPSS files, after the data in Stata files), variables, then
 * one call per cell. Cells go straight into each variable's packed column,
 * so a survey never exists as rows; labels wait in their named sets until
 * the parse is over and are then copied to the variables that use them.
 */
#define G_LOG_DOMAIN "evk-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <readstat.h>
#include <string.h>

#include "evk-column-private.h"
#include "evk-import-spss.h"
#include "evk-localized.h"
#include "evk-mrsets.h"

/* Rows between two looks at the cancellable and two progress reports. */
#define CHECK_EVERY_ROWS 4096

typedef enum {
  FORMAT_SAV,
  FORMAT_ZSAV,
  FORMAT_POR,
  FORMAT_DTA,
} SpssFormat;

static const char * const format_names[] = { "sav", "zsav", "por", "dta" };

/* A value label as ReadStat reports it, before we know its variables. */
typedef struct {
  double  value;
  char   *str_value;   /* string label sets */
  char    tag;         /* Stata tagged missing value (.a–.z), or 0 */
  char   *label;
} PendingLabel;

/* A numeric variable's values as they arrive, packed as EvkColumn packs
 * them (the narrowest of i8, i16, i32 and f64 that holds every value, the
 * smallest integer of the kind standing for system-missing) and handed to
 * the variable's EvkColumn once the file is read. Appending through
 * evk_column_append costs more per cell than ReadStat's whole parse, and a
 * million-row import must stay within 1.5 times that parse. Rows are
 * written at their index: every row has a value for every variable. */
typedef struct {
  EvkColumnKind  kind;
  guint          capacity;
  guint8        *data;
} Packed;

typedef struct _Slot Slot;

/* What we know of the variable at one ReadStat index. */
struct _Slot {
  const readstat_variable_t *rs_variable;  /* as the value handler last saw it */
  /* Rows the value handler's fast path may write: the capacity while the
   * variable is numeric, packed at i8 and not the first of a row (which
   * starts the row); 0 otherwise. */
  guint                      fast_rows;
  Packed                     packed;       /* numeric variables */
  Slot                      *next;         /* the variable after this one in a row */
  EvkVariable               *variable;     /* owned by the survey */
  char                      *label_set;    /* the name ReadStat gives its value labels */
};

typedef struct {
  const char    *lang;
  SpssFormat     format;
  int            format_version;  /* as the file declares it (Stata: 102–119) */
  EvkSurvey     *survey;
  GArray        *slots;           /* Slot per ReadStat index */
  Slot          *slot_data;       /* slots->data once the variables are known */
  guint          n_slots;
  Slot          *expect;          /* the slot the next value belongs to */
  Slot           nowhere;         /* expect before the first value */
  GHashTable    *label_sets;      /* name → GPtrArray of PendingLabel */
  gint64         file_size;
  gint64         row_count;       /* as the file declares it; -1 if it does not */
  guint          reserve_rows;    /* first capacity of a packed column */
  char          *encoding;        /* as ReadStat reports it; NULL if unknown */
  guint          n_rows;          /* rows begun */
  guint          row;             /* the row being read: n_rows - 1 */
  GCancellable  *cancellable;
  void         (*progress) (double, gpointer);
  gpointer       progress_data;
  GError        *error;           /* why a handler stopped the parse */
  char          *detail;          /* ReadStat's last message */
} Import;

static void
pending_label_free (PendingLabel *pending)
{
  g_free (pending->str_value);
  g_free (pending->label);
  g_free (pending);
}

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->label_set, g_free);
  g_clear_pointer (&slot->packed.data, g_free);
  slot->packed.capacity = 0;
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_pointer (&self->label_sets, g_hash_table_unref);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->detail, g_free);
}

/* Records why a handler stops the parse; returns what the handler returns. */
G_GNUC_PRINTF (3, 4)
static int
stop (Import         *self,
      EvkImportError  code,
      const char     *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (self->error == NULL)
    g_set_error_literal (&self->error, EVK_IMPORT_ERROR, code, message);
  return READSTAT_HANDLER_ABORT;
}

static inline double
value_to_double (readstat_value_t value)
{
  if (value.is_system_missing || value.is_tagged_missing)
    return NAN;
  switch (value.type)
    {
    case READSTAT_TYPE_INT8:
      return value.v.i8_value;
    case READSTAT_TYPE_INT16:
      return value.v.i16_value;
    case READSTAT_TYPE_INT32:
      return value.v.i32_value;
    case READSTAT_TYPE_FLOAT:
      return value.v.float_value;
    case READSTAT_TYPE_DOUBLE:
      return value.v.double_value;
    case READSTAT_TYPE_STRING:
    case READSTAT_TYPE_STRING_REF:
    default:
      return NAN;
    }
}

static inline gboolean
value_is_string (readstat_value_t value)
{
  return value.type == READSTAT_TYPE_STRING || value.type == READSTAT_TYPE_STRING_REF;
}

/* ---- Packed columns ------------------------------------------------ */

/* The first allocation takes the rows the file declares, so a column is
 * allocated once at its final size; a header that declares more rows than
 * the file could hold only gets a small start, and doubling. */
static void
packed_grow (Packed *packed,
             guint   reserve_rows)
{
  gsize width = evk_column_widths[packed->kind];

  if (packed->capacity == 0)
    {
      packed->data = g_try_malloc ((gsize) MAX (reserve_rows, 1) * width);
      packed->capacity = MAX (reserve_rows, 1);
      if (packed->data != NULL)
        return;
      packed->capacity = 1024;
    }
  else
    packed->capacity = packed->capacity > G_MAXUINT / 2 ? G_MAXUINT : packed->capacity * 2;
  packed->data = g_realloc (packed->data, (gsize) packed->capacity * width);
}

/* Rewrites rows 0 to n_rows - 1 at the wider kind. */
static void
packed_widen (Packed        *packed,
              EvkColumnKind  kind,
              guint          n_rows)
{
  guint8 *data = g_malloc ((gsize) MAX (packed->capacity, 1) * evk_column_widths[kind]);

  for (guint row = 0; row < n_rows; row++)
    evk_column_write_at (kind, data, row, evk_column_read_at (packed->kind, packed->data, row));
  g_free (packed->data);
  packed->data = data;
  packed->kind = kind;
}

/* Sets row, the one after the last set. */
static void
packed_set (Packed *packed,
            guint   row,
            double  value,
            guint   reserve_rows)
{
  EvkColumnKind needed = evk_column_kind_for (value);

  while (row >= packed->capacity)
    packed_grow (packed, reserve_rows);
  if (needed > packed->kind)
    packed_widen (packed, needed, row);
  evk_column_write_at (packed->kind, packed->data, row, value);
}

/* ---- Detection ----------------------------------------------------- */

/* A portable file starts with 200 bytes of vanity, a 256-byte table that
 * maps the portable character set to the file's, and "SPSSPORT" in the
 * file's characters; lines are 80 columns and may end early. As in PSPP,
 * the tag is read through the table, so files not written in ASCII work. */
static gboolean
looks_like_por (const guint8 *data,
                gsize         length)
{
  /* Portable characters 64–127; the rest never spell "SPSSPORT". */
  static const char portable[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .";
  guint8 header[464];
  char translate[256] = { 0 };
  gsize cooked = 0;
  gsize column = 0;

  for (gsize raw = 0; cooked < sizeof header; raw++)
    {
      if (raw >= length || raw > 512)
        return FALSE;
      if (data[raw] == '\n')
        {
          while (column < 80 && cooked < sizeof header)
            {
              header[cooked++] = ' ';
              column++;
            }
          column = 0;
        }
      else if (data[raw] != '\r')
        {
          header[cooked++] = data[raw];
          column++;
        }
    }

  for (guint i = 0; i < sizeof portable - 1; i++)
    {
      guint8 c = header[200 + 64 + i];
      if (translate[c] == 0)
        translate[c] = portable[i];
    }
  for (guint i = 0; i < 8; i++)
    if (translate[header[456 + i]] != "SPSSPORT"[i])
      return FALSE;
  return TRUE;
}

/* Stata 8–13 (formats 104–115) start with the format, the byte order (1 or
 * 2) and a file type of 1; Stata 13 and later (117–119) with a tag. */
static gboolean
looks_like_dta (const guint8 *data,
                gsize         length)
{
  if (length >= 11 && memcmp (data, "<stata_dta>", 11) == 0)
    return TRUE;
  return length >= 4 && data[0] >= 104 && data[0] <= 115 &&
         (data[1] == 1 || data[1] == 2) && data[2] == 1;
}

/* Stata 13 and later end their files with a tag: ReadStat reads a file cut
 * in its value labels without complaint, and the labels would be lost. */
static gboolean
dta_is_complete (GSeekable  *stream,
                 GError    **error)
{
  static const char tag[] = "</stata_dta>";
  g_autoptr(GError) local_error = NULL;
  char tail[64];
  gsize length = 0;

  if (!g_seekable_seek (stream, 0, G_SEEK_END, NULL, &local_error))
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }
  if (!g_seekable_seek (stream, -MIN (g_seekable_tell (stream), (goffset) sizeof tail),
                        G_SEEK_END, NULL, &local_error) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), tail, sizeof tail, &length,
                                NULL, &local_error))
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }
  /* Tolerate a line end or padding that a transfer may have added. */
  while (length > 0 && (tail[length - 1] == '\n' || tail[length - 1] == '\r' ||
                        tail[length - 1] == '\0' || tail[length - 1] == ' '))
    length--;
  if (length < sizeof tag - 1 ||
      memcmp (tail + length - (sizeof tag - 1), tag, sizeof tag - 1) != 0)
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("the file ends early (it is truncated or damaged)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
detect (const char  *path,
        SpssFormat  *format,
        gint64      *size,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 head[1024];
  gsize length = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO,
                             _("this is a folder, not a file"));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO,
                             _("the file does not exist"));
      else
        g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &length,
                                NULL, &local_error))
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }

  if (length == 0)
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("the file is empty"));
      return FALSE;
    }
  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_END, NULL, &local_error))
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }
  *size = g_seekable_tell (G_SEEKABLE (stream));
  if (length >= 11 && memcmp (head, "<stata_dta>", 11) == 0 &&
      !dta_is_complete (G_SEEKABLE (stream), error))
    return FALSE;

  if (length >= 4 && memcmp (head, "$FL2", 4) == 0)
    *format = FORMAT_SAV;
  else if (length >= 4 && memcmp (head, "$FL3", 4) == 0)
    *format = FORMAT_ZSAV;
  else if (looks_like_dta (head, length))
    *format = FORMAT_DTA;
  else if (looks_like_por (head, length))
    *format = FORMAT_POR;
  else
    {
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_NOT_SUPPORTED,
                           _("not an SPSS, Stata or SPSS portable file"));
      return FALSE;
    }
  return TRUE;
}

/* ---- Missing-value kinds ------------------------------------------- */

static char *
fold_label (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  /* Typographic apostrophes: "Don’t know" */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        c = '\'';
      g_string_append_unichar (plain, c);
    }
  return g_utf8_casefold (plain->str, -1);
}

/* Whether phrase (folded) occurs in text (folded) as whole words. */
static gboolean
has_phrase (const char *text,
            const char *phrase)
{
  gsize length = strlen (phrase);

  for (const char *p = strstr (text, phrase); p != NULL; p = strstr (p + 1, phrase))
    {
      const char *end = p + length;
      const char *before = p == text ? NULL : g_utf8_find_prev_char (text, p);
      gboolean starts = before == NULL || !g_unichar_isalnum (g_utf8_get_char (before));
      gboolean ends = *end == '\0' || !g_unichar_isalnum (g_utf8_get_char (end));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_any_phrase (const char         *folded,
                const char * const *phrases)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      g_autofree char *phrase = g_utf8_casefold (phrases[i], -1);

      if (has_phrase (folded, phrase))
        return TRUE;
    }
  return FALSE;
}

/* The questionnaires we import label their missing codes in Norwegian,
 * English or German. */
static EvkMissingKind
classify_label (const char *label)
{
  static const char * const dont_know[] = {
    "vet ikke", "don't know", "dont know", "do not know", "weiß nicht", NULL,
  };
  static const char * const not_relevant[] = {
    "ikke relevant", "not relevant", "not applicable", "n/a", NULL,
  };
  g_autofree char *folded = NULL;
  gboolean is_dont_know, is_not_relevant;

  if (label == NULL)
    return EVK_MISSING_OTHER;
  folded = fold_label (label);
  is_dont_know = has_any_phrase (folded, dont_know);
  is_not_relevant = has_any_phrase (folded, not_relevant);
  if (is_dont_know && !is_not_relevant)
    return EVK_MISSING_DONT_KNOW;
  if (is_not_relevant && !is_dont_know)
    return EVK_MISSING_NOT_RELEVANT;
  return EVK_MISSING_OTHER;
}

/* A range takes a kind only when every labelled code in it has that kind:
 * "-9..-1" with "Vet ikke" and "Nektet å svare" stays OTHER. */
static void
classify_missing (Import      *self,
                  EvkVariable *variable)
{
  for (guint i = 0; i < variable->missing->len; i++)
    {
      EvkMissing *missing = g_ptr_array_index (variable->missing, i);
      EvkMissingKind kind = EVK_MISSING_OTHER;
      gboolean seen = FALSE;

      for (guint j = 0; j < variable->value_labels->len; j++)
        {
          EvkValueLabel *label = g_ptr_array_index (variable->value_labels, j);
          EvkMissingKind label_kind;
          gboolean covered;

          if (missing->str_value != NULL)
            covered = label->str_value != NULL &&
                      g_str_equal (label->str_value, missing->str_value);
          else
            covered = label->str_value == NULL &&
                      label->value >= missing->lo && label->value <= missing->hi;
          if (!covered)
            continue;

          label_kind = classify_label (evk_localized_get (label->label, self->lang));
          if (!seen)
            kind = label_kind;
          else if (label_kind != kind)
            kind = EVK_MISSING_OTHER;
          seen = TRUE;
        }
      missing->kind = kind;
    }
}

/* ---- ReadStat handlers --------------------------------------------- */

static int
handle_metadata (readstat_metadata_t *metadata,
                 void                *data)
{
  Import *self = data;
  const char *encoding = readstat_get_file_encoding (metadata);

  self->format_version = readstat_get_file_format_version (metadata);
  self->row_count = readstat_get_row_count (metadata);
  /* Every row of a .sav or .dta takes at least a byte per value; a .zsav
   * that compresses better just grows its columns by doubling. */
  if (self->row_count > 0 && self->row_count <= self->file_size && self->row_count <= G_MAXUINT)
    self->reserve_rows = (guint) self->row_count;
  g_free (self->encoding);
  self->encoding = encoding != NULL && *encoding != '\0' ? g_strdup (encoding) : NULL;
  return READSTAT_HANDLER_OK;
}

/* ReadStat hands on a Stata file's label-set names as they lie in their
 * fixed-width fields, which need not end in a NUL: a name that fills its
 * field runs into the next bytes (past the end of ReadStat's buffer, for
 * the last variable). So they are copied with the field's width, as
 * Stata's formats define it (in_table: the name heading a value-label
 * table; else the name a variable refers to). Other formats' names are
 * ReadStat's own ("labels3"), and the widest Stata field bounds them too. */
static char *
copy_label_set_name (Import     *self,
                     const char *name,
                     gboolean    in_table)
{
  gsize width = 129;

  if (self->format == FORMAT_DTA)
    {
      if (in_table)
        width = self->format_version < 105 ? 12 : self->format_version < 118 ? 33 : 129;
      else
        width = self->format_version < 110 ? 9 : self->format_version < 118 ? 33 : 129;
    }
  return g_strndup (name, width);
}

static EvkMeasureLevel
measure_from_readstat (readstat_measure_t measure)
{
  switch (measure)
    {
    case READSTAT_MEASURE_NOMINAL:
      return EVK_MEASURE_NOMINAL;
    case READSTAT_MEASURE_ORDINAL:
      return EVK_MEASURE_ORDINAL;
    case READSTAT_MEASURE_SCALE:
      return EVK_MEASURE_SCALE;
    case READSTAT_MEASURE_UNKNOWN:
    default:
      return EVK_MEASURE_UNKNOWN;
    }
}

static int
add_missing_values (Import              *self,
                    EvkVariable         *variable,
                    readstat_variable_t *rs_variable)
{
  int n = readstat_variable_get_missing_ranges_count (rs_variable);

  for (int i = 0; i < n; i++)
    {
      readstat_value_t lo = readstat_variable_get_missing_range_lo (rs_variable, i);
      readstat_value_t hi = readstat_variable_get_missing_range_hi (rs_variable, i);

      if (variable->type == EVK_VARIABLE_STRING)
        {
          const char *lo_text = value_is_string (lo) ? lo.v.string_value : NULL;
          const char *hi_text = value_is_string (hi) ? hi.v.string_value : NULL;
          EvkMissing *missing;

          if (lo_text == NULL)
            continue;
          /* SPSS allows only single missing values for text. */
          if (hi_text != NULL && !g_str_equal (lo_text, hi_text))
            return stop (self, EVK_IMPORT_ERROR_MALFORMED,
                         _("variable %s: a text variable cannot have a range of missing values"),
                         variable->name);
          if (!g_utf8_validate (lo_text, -1, NULL))
            return stop (self, EVK_IMPORT_ERROR_ENCODING,
                         _("variable %s: a missing value is not valid text in the file’s encoding"),
                         variable->name);
          missing = g_new0 (EvkMissing, 1);
          missing->lo = missing->hi = NAN;
          missing->str_value = g_strdup (lo_text);
          missing->kind = EVK_MISSING_OTHER;
          g_ptr_array_add (variable->missing, missing);
        }
      else
        {
          double lo_value = value_to_double (lo);
          double hi_value = value_to_double (hi);

          /* A code equal to system-missing adds nothing. */
          if (isnan (lo_value) || isnan (hi_value))
            continue;
          evk_variable_add_missing (variable, MIN (lo_value, hi_value), MAX (lo_value, hi_value),
                                    EVK_MISSING_OTHER);
        }
    }
  return READSTAT_HANDLER_OK;
}

static int
handle_variable (int                  index,
                 readstat_variable_t *rs_variable,
                 const char          *val_labels,
                 void                *data)
{
  Import *self = data;
  const char *name = readstat_variable_get_name (rs_variable);
  const char *label = readstat_variable_get_label (rs_variable);
  const char *format = readstat_variable_get_format (rs_variable);
  gboolean is_string = readstat_variable_get_type_class (rs_variable) == READSTAT_TYPE_CLASS_STRING;
  EvkVariable *variable;
  Slot *slot;

  /* ReadStat numbers the variables in order, from 0. */
  if (index < 0 || (guint) index != self->slots->len)
    return stop (self, EVK_IMPORT_ERROR_MALFORMED, _("variable %d: out of order"), index + 1);
  if (name == NULL || *name == '\0')
    return stop (self, EVK_IMPORT_ERROR_MALFORMED,
                 _("variable %d: the variable has no name"), index + 1);
  if (!g_utf8_validate (name, -1, NULL))
    return stop (self, EVK_IMPORT_ERROR_ENCODING,
                 _("variable %d: the name is not valid text in the file’s encoding"), index + 1);

  variable = evk_survey_add_variable (self->survey, name,
                                      is_string ? EVK_VARIABLE_STRING : EVK_VARIABLE_NUMERIC);
  if (variable == NULL)
    return stop (self, EVK_IMPORT_ERROR_MALFORMED, _("variable %s: the name occurs twice"), name);

  if (label != NULL && *label != '\0')
    {
      if (!g_utf8_validate (label, -1, NULL))
        return stop (self, EVK_IMPORT_ERROR_ENCODING,
                     _("variable %s: the label is not valid text in the file’s encoding"), name);
      evk_localized_set (variable->label, self->lang, label);
    }
  if (format != NULL && *format != '\0')
    {
      if (!g_utf8_validate (format, -1, NULL))
        return stop (self, EVK_IMPORT_ERROR_ENCODING,
                     _("variable %s: the format is not valid text"), name);
      variable->format = g_strdup (format);
    }
  /* Stata writes left-aligned formats as negative widths ("%-12s"); a
   * damaged file may give any int, and negating G_MININT is undefined. No
   * format is wider than SPSS's 32767 bytes. */
  variable->width = (int) MIN (ABS ((gint64) readstat_variable_get_display_width (rs_variable)),
                               G_MAXINT16);
  variable->measure = measure_from_readstat (readstat_variable_get_measure (rs_variable));

  if (add_missing_values (self, variable, rs_variable) != READSTAT_HANDLER_OK)
    return READSTAT_HANDLER_ABORT;

  g_array_set_size (self->slots, index + 1);
  slot = &g_array_index (self->slots, Slot, index);
  slot->variable = variable;
  slot->label_set = val_labels != NULL ? copy_label_set_name (self, val_labels, FALSE) : NULL;
  return READSTAT_HANDLER_OK;
}

static int
handle_fweight (readstat_variable_t *rs_variable,
                void                *data)
{
  Import *self = data;
  const char *name = readstat_variable_get_name (rs_variable);

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    {
      g_free (self->survey->weight_variable);
      self->survey->weight_variable = g_strdup (name);
    }
  return READSTAT_HANDLER_OK;
}

static int
handle_value_label (const char       *val_labels,
                    readstat_value_t  value,
                    const char       *label,
                    void             *data)
{
  Import *self = data;
  g_autofree char *set_name = NULL;
  PendingLabel *pending;
  GPtrArray *set;

  if (val_labels == NULL || label == NULL)
    return READSTAT_HANDLER_OK;

  set_name = copy_label_set_name (self, val_labels, TRUE);
  set = g_hash_table_lookup (self->label_sets, set_name);
  if (set == NULL)
    {
      set = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_label_free);
      g_hash_table_insert (self->label_sets, g_steal_pointer (&set_name), set);
    }

  pending = g_new0 (PendingLabel, 1);
  pending->label = g_strdup (label);
  if (value_is_string (value))
    pending->str_value = g_strdup (value.v.string_value != NULL ? value.v.string_value : "");
  else if (value.is_tagged_missing)
    pending->tag = value.tag;
  else
    pending->value = value_to_double (value);
  g_ptr_array_add (set, pending);
  return READSTAT_HANDLER_OK;
}

static gboolean
start_row (Import *self,
           int     obs_index)
{
  if (obs_index < 0)
    {
      stop (self, EVK_IMPORT_ERROR_MALFORMED, _("impossible row number %d"), obs_index);
      return FALSE;
    }
  self->n_rows = (guint) obs_index + 1;
  self->row = (guint) obs_index;
  if (obs_index % CHECK_EVERY_ROWS == 0)
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        {
          stop (self, EVK_IMPORT_ERROR_CANCELLED, _("the import was cancelled"));
          return FALSE;
        }
      if (self->progress != NULL && self->row_count > 0)
        self->progress ((double) obs_index / self->row_count, self->progress_data);
    }
  return TRUE;
}

/* Called with the first value: the variables are all known by then. */
static void
link_slots (Import *self)
{
  self->slot_data = (Slot *) (gpointer) self->slots->data;
  self->n_slots = self->slots->len;
  for (guint i = 0; i < self->n_slots; i++)
    self->slot_data[i].next = &self->slot_data[i + 1 < self->n_slots ? i + 1 : 0];
  self->expect = self->n_slots > 0 ? &self->slot_data[0] : &self->nowhere;
}

/* Everything but a code stored into an i8 column: the first variable of
 * each row, text, wider numbers, and anything out of order. */
G_GNUC_NO_INLINE static int
handle_value_slow (Import                    *self,
                   int                        obs_index,
                   const readstat_variable_t *rs_variable,
                   readstat_value_t           value)
{
  guint index = (guint) readstat_variable_get_index (rs_variable);
  EvkVariable *variable;
  Slot *slot;

  if (self->slot_data == NULL)
    link_slots (self);
  if (index >= self->n_slots || (variable = (slot = &self->slot_data[index])->variable) == NULL)
    return stop (self, EVK_IMPORT_ERROR_MALFORMED,
                 _("row %d: a value for variable %d, which the file does not declare"),
                 obs_index + 1, (int) index + 1);

  /* ReadStat gives each row's values in the variables' order, and the
   * columns are written at the row's index: anything else would let a
   * column slip against the others. */
  if (slot != self->expect ||
      (index == 0 ? obs_index != (int) self->n_rows : obs_index + 1 != (int) self->n_rows))
    return stop (self, EVK_IMPORT_ERROR_MALFORMED,
                 _("variable %s: row %d: the value is out of place"),
                 variable->name, obs_index + 1);
  if (index == 0 && !start_row (self, obs_index))
    return READSTAT_HANDLER_ABORT;
  slot->rs_variable = rs_variable;
  self->expect = slot->next;

  if (variable->type == EVK_VARIABLE_NUMERIC)
    {
      Packed *packed = &slot->packed;

      if (value_is_string (value))
        return stop (self, EVK_IMPORT_ERROR_MALFORMED,
                     _("variable %s: row %d: text in a numeric variable"),
                     variable->name, obs_index + 1);
      packed_set (packed, (guint) obs_index, value_to_double (value), self->reserve_rows);
      slot->fast_rows = packed->kind == EVK_COLUMN_I8 && index != 0 ? packed->capacity : 0;
    }
  else
    {
      const char *text = value_is_string (value) ? value.v.string_value : NULL;

      if (!value_is_string (value))
        return stop (self, EVK_IMPORT_ERROR_MALFORMED,
                     _("variable %s: row %d: a number in a text variable"),
                     variable->name, obs_index + 1);
      if (text == NULL || *text == '\0')
        evk_text_column_append (variable->texts, NULL);
      else if (!g_utf8_validate (text, -1, NULL))
        return stop (self, EVK_IMPORT_ERROR_ENCODING,
                     _("variable %s: row %d: the text is not valid in the file’s encoding"),
                     variable->name, obs_index + 1);
      else
        evk_text_column_append (variable->texts, text);
    }
  return READSTAT_HANDLER_OK;
}

/* Called for each of the file's cells, a hundred million times for a large
 * survey, so the common case (a small code or a missing value, into an i8
 * column) takes a few instructions and calls nothing. ReadStat passes its
 * variables in order, so the expected slot is known; the variable is
 * compared by address but not read: a readstat_variable_t fills two
 * kilobytes, and reading a hundred of them per row evicts the columns
 * being written, which slows the import by half. */
static int
handle_value (int                  obs_index,
              readstat_variable_t *rs_variable,
              readstat_value_t     value,
              void                *data)
{
  Import *self = data;
  Slot *slot = self->expect;

  if (G_LIKELY (slot->rs_variable == rs_variable && (guint) obs_index == self->row &&
                (guint) obs_index < slot->fast_rows))
    {
      gint8 *cells = (gint8 *) slot->packed.data;
      double number = value.v.double_value;

      if (value.is_system_missing || value.is_tagged_missing)
        {
          cells[obs_index] = G_MININT8;
          self->expect = slot->next;
          return READSTAT_HANDLER_OK;
        }
      /* NaN fails both comparisons. */
      if (value.type == READSTAT_TYPE_DOUBLE && number >= -127.0 && number <= 127.0 &&
          (gint8) number == number)
        {
          cells[obs_index] = (gint8) number;
          self->expect = slot->next;
          return READSTAT_HANDLER_OK;
        }
      if (value.type == READSTAT_TYPE_INT8 && value.v.i8_value != G_MININT8)
        {
          cells[obs_index] = value.v.i8_value;
          self->expect = slot->next;
          return READSTAT_HANDLER_OK;
        }
    }
  return handle_value_slow (self, obs_index, rs_variable, value);
}

/* Portable files do not say how many rows they hold: progress follows the
 * bytes read instead. Only they get this handler, since ReadStat asks the
 * file for its position each time it calls it. */
static int
handle_progress (double  fraction,
                 void   *data)
{
  Import *self = data;

  if (g_cancellable_is_cancelled (self->cancellable))
    return stop (self, EVK_IMPORT_ERROR_CANCELLED, _("the import was cancelled"));
  if (self->progress != NULL)
    self->progress (CLAMP (fraction, 0.0, 1.0), self->progress_data);
  return READSTAT_HANDLER_OK;
}

static void
handle_error (const char *message,
              void       *data)
{
  Import *self = data;

  if (message == NULL || !g_utf8_validate (message, -1, NULL))
    return;
  g_free (self->detail);
  self->detail = g_strstrip (g_strdup (message));
}

/* ---- After the parse ----------------------------------------------- */

static gboolean
attach_value_labels (Import  *self,
                     GError **error)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      EvkVariable *variable = g_array_index (self->slots, Slot, i).variable;
      const char *set_name = g_array_index (self->slots, Slot, i).label_set;
      GPtrArray *set;

      if (variable == NULL || set_name == NULL ||
          (set = g_hash_table_lookup (self->label_sets, set_name)) == NULL)
        continue;

      for (guint j = 0; j < set->len; j++)
        {
          PendingLabel *pending = g_ptr_array_index (set, j);
          EvkValueLabel *label;

          if (!g_utf8_validate (pending->label, -1, NULL) ||
              (pending->str_value != NULL && !g_utf8_validate (pending->str_value, -1, NULL)))
            {
              g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
                           _("variable %s: a value label is not valid text in the file’s encoding"),
                           variable->name);
              return FALSE;
            }

          if (variable->type == EVK_VARIABLE_STRING)
            {
              /* A numeric label set on a text variable labels nothing. */
              if (pending->str_value == NULL)
                continue;
              label = evk_variable_add_value_label (variable, NAN, pending->str_value);
            }
          else if (pending->tag != 0)
            {
              g_autofree char *tag = NULL;

              if (!g_ascii_isalpha (pending->tag))
                continue;
              /* Tagged values are system-missing once read: the label stays
               * as a note on the tag, in Stata's notation. */
              tag = g_strdup_printf (".%c", pending->tag);
              label = evk_variable_add_value_label (variable, NAN, tag);
            }
          else if (pending->str_value != NULL || isnan (pending->value))
            continue;
          else
            label = evk_variable_add_value_label (variable, pending->value, NULL);

          evk_localized_set (label->label, self->lang, pending->label);
        }
    }
  return TRUE;
}

/* Hands each packed column to its variable, one at a time, so that the
 * copy costs one column's memory at most. */
static void
finish_columns (Import *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);
      Packed *packed = &slot->packed;
      EvkColumn *column;

      if (slot->variable == NULL || slot->variable->type != EVK_VARIABLE_NUMERIC)
        continue;
      /* The column adopts the buffer: no second copy of 100 MB. */
      column = evk_column_new_take (packed->kind, self->n_rows, g_steal_pointer (&packed->data),
                                    (gsize) self->n_rows * evk_column_widths[packed->kind]);
      g_assert (column != NULL);
      packed->capacity = 0;
      evk_column_free (slot->variable->column);
      slot->variable->column = column;
    }
}

static void
set_parse_error (Import            *self,
                 readstat_error_t   code,
                 GError           **error)
{
  const char *detail = self->detail != NULL ? self->detail : readstat_error_message (code);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return;
    }

  switch (code)
    {
    case READSTAT_ERROR_OPEN:
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO,
                           _("the file cannot be opened"));
      break;

    case READSTAT_ERROR_READ:
    case READSTAT_ERROR_SEEK:
      if (self->n_rows > 0)
        g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                     _("the data end early, in row %u (the file is truncated or damaged)"),
                     self->n_rows);
      else
        g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                             _("the file ends early (it is truncated or damaged)"));
      break;

    case READSTAT_ERROR_ROW_COUNT_MISMATCH:
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("the data end early: %u of the %d rows the file declares could be read "
                     "(it is truncated or damaged)"),
                   self->n_rows, (int) self->row_count);
      break;

    case READSTAT_ERROR_UNSUPPORTED_CHARSET:
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
                   _("the file’s character encoding is not supported (%s)"), detail);
      break;

    case READSTAT_ERROR_CONVERT:
    case READSTAT_ERROR_CONVERT_BAD_STRING:
    case READSTAT_ERROR_CONVERT_SHORT_STRING:
    case READSTAT_ERROR_CONVERT_LONG_STRING:
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING,
                   _("some text is not valid in the file’s encoding %s"),
                   self->encoding != NULL ? self->encoding : "UTF-8");
      break;

    case READSTAT_ERROR_UNSUPPORTED_COMPRESSION:
    case READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION:
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_NOT_SUPPORTED,
                   _("this version of the format is not supported (%s)"), detail);
      break;

    case READSTAT_ERROR_MALLOC:
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("the file declares sizes that do not fit in memory "
                             "(it is probably damaged)"));
      break;

    case READSTAT_ERROR_USER_ABORT:
      g_set_error_literal (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_CANCELLED,
                           _("the import was cancelled"));
      break;

    default:
      if (self->n_rows > 0)
        g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                     _("row %u: the data are damaged (%s)"), self->n_rows, detail);
      else
        g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                     _("the file is damaged (%s)"), detail);
      break;
    }
}

static readstat_error_t
parse (Import      *self,
       const char  *path,
       SpssFormat   format)
{
  readstat_parser_t *parser = readstat_parser_init ();
  readstat_error_t result;

  readstat_set_metadata_handler (parser, handle_metadata);
  readstat_set_variable_handler (parser, handle_variable);
  readstat_set_fweight_handler (parser, handle_fweight);
  readstat_set_value_handler (parser, handle_value);
  readstat_set_value_label_handler (parser, handle_value_label);
  readstat_set_error_handler (parser, handle_error);
  if (format == FORMAT_POR)
    readstat_set_progress_handler (parser, handle_progress);

  switch (format)
    {
    case FORMAT_SAV:
    case FORMAT_ZSAV:
      result = readstat_parse_sav (parser, path, self);
      break;
    case FORMAT_POR:
      result = readstat_parse_por (parser, path, self);
      break;
    case FORMAT_DTA:
    default:
      result = readstat_parse_dta (parser, path, self);
      break;
    }
  readstat_parser_free (parser);
  return result;
}

EvkSurvey *
evk_import_spss (const char    *path,
                 const char    *name,
                 const char    *lang,
                 GCancellable  *cancellable,
                 void         (*progress) (double   fraction,
                                           gpointer data),
                 gpointer       progress_data,
                 GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(GError) local_error = NULL;
  readstat_error_t result;
  SpssFormat format;
  gint64 file_size = 0;
  Import self = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);

  if (!detect (path, &format, &file_size, &local_error))
    goto fail;
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (&local_error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_CANCELLED,
                           _("the import was cancelled"));
      goto fail;
    }
  if (progress != NULL)
    progress (0.0, progress_data);

  survey = evk_survey_new (name);
  survey->source_file = g_strdup (display_name);
  survey->source_format = g_strdup (format_names[format]);

  self.lang = lang;
  self.format = format;
  self.survey = survey;
  self.slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_array_set_clear_func (self.slots, (GDestroyNotify) slot_clear);
  self.file_size = file_size;
  self.reserve_rows = 1024;
  self.label_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  self.row_count = -1;
  self.expect = &self.nowhere;
  self.cancellable = cancellable;
  self.progress = progress;
  self.progress_data = progress_data;

  result = parse (&self, path, format);
  if (result != READSTAT_OK)
    {
      /* ReadStat's messages name no place ("the file ends early"): when it
       * refuses a system file's dictionary, our own walk of the dictionary
       * says which variable or record is damaged. Our handlers' errors
       * name theirs already. */
      gboolean in_dictionary = self.error == NULL && self.n_rows == 0 &&
                               (format == FORMAT_SAV || format == FORMAT_ZSAV);
      g_autoptr(GError) where = NULL;

      set_parse_error (&self, result, &local_error);
      if (in_dictionary && local_error->code == EVK_IMPORT_ERROR_MALFORMED &&
          !evk_mrsets_check_dictionary (path, &where))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("the dictionary is damaged: %s"), where->message);
        }
      goto fail;
    }

  /* A file that ends inside a row would leave columns without its values. */
  if (self.slot_data != NULL && self.expect != &self.slot_data[0])
    {
      g_set_error (&local_error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("the data end in the middle of row %u (the file is truncated or damaged)"),
                   self.n_rows);
      goto fail;
    }
  survey->n_rows = self.n_rows;
  finish_columns (&self);
  if (!attach_value_labels (&self, &local_error))
    goto fail;
  for (guint i = 0; i < survey->variables->len; i++)
    classify_missing (&self, g_ptr_array_index (survey->variables, i));

  if ((format == FORMAT_SAV || format == FORMAT_ZSAV) &&
      !evk_mrsets_read (path, self.encoding, lang, survey, &local_error))
    goto fail;

  /* Pads variables that a short last row left without a value, and checks
   * what the file named (weight variable, set members). */
  if (!evk_survey_validate (survey, &local_error))
    {
      g_autoptr(GError) invalid = g_steal_pointer (&local_error);

      g_set_error_literal (&local_error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           invalid->message);
      goto fail;
    }

  /* A file has no personal marks: a text variable stays personal, the safe
   * default, unless its answers look like categories (a region, a
   * treatment group), which are tabulated like codes. */
  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);

      if (variable->type == EVK_VARIABLE_STRING && g_strcmp0 (variable->name, survey->id_variable) != 0)
        variable->personal = !evk_variable_looks_categorical (variable);
    }

  if (progress != NULL)
    progress (1.0, progress_data);
  import_clear (&self);
  return g_steal_pointer (&survey);

fail:
  import_clear (&self);
  g_prefix_error (&local_error, "%s: ", display_name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
