/* evk-import-csv.c: imports a survey from a CSV of respondents and a codebook CSV
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-import-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-csv-reader.h"
#include "evk-import-csv.h"
#include "evk-localized.h"

/* ---- Codebook ------------------------------------------------------ */

typedef enum {
  TYPE_UNSET,
  TYPE_NUMERIC,
  TYPE_STRING,
  TYPE_ID,
} CodebookType;

typedef struct {
  char           *text;        /* as written, trimmed */
  guint           line;
  GHashTable     *label;       /* localized; empty when the row only flags missing */
  gboolean        is_missing;
  EvkMissingKind  missing_kind;
} CodebookValue;

typedef struct {
  char            *name;
  guint            line;       /* the first row that names it */
  guint            variable_line; /* its variable row, 0 if none */
  GHashTable      *label;
  CodebookType     type;
  EvkMeasureLevel  measure;
  int              personal;   /* -1 when not given */
  gboolean         complete;
  GPtrArray       *values;     /* CodebookValue */
} CodebookVariable;

typedef struct {
  char       *name;            /* without the '$' */
  guint       line;
  GHashTable *label;
  char       *definition;
} CodebookSet;

typedef struct {
  char       *display_name;
  gboolean    decimal_comma;
  GPtrArray  *variables;       /* CodebookVariable, in order of first mention */
  GHashTable *by_name;
  GPtrArray  *sets;            /* CodebookSet */
} Codebook;

typedef enum {
  COLUMN_VARIABLE,
  COLUMN_LABEL,
  COLUMN_VALUE,
  COLUMN_VALUE_LABEL,
  COLUMN_MISSING,
  COLUMN_TYPE,
  COLUMN_MEASURE,
  COLUMN_PERSONAL,
  COLUMN_COMPLETE,
  N_COLUMNS,
} ColumnKind;

/* NULL-terminated for keyword (). */
static const char * const column_names[N_COLUMNS + 1] = {
  "variable", "label", "value", "value_label", "missing", "type", "measure", "personal", "complete",
  NULL,
};

typedef struct {
  ColumnKind  kind;
  char       *lang;            /* label columns */
} Column;

static void
codebook_value_free (CodebookValue *value)
{
  g_free (value->text);
  g_clear_pointer (&value->label, g_hash_table_unref);
  g_free (value);
}

static void
codebook_variable_free (CodebookVariable *variable)
{
  g_free (variable->name);
  g_clear_pointer (&variable->label, g_hash_table_unref);
  g_clear_pointer (&variable->values, g_ptr_array_unref);
  g_free (variable);
}

static void
codebook_set_free (CodebookSet *set)
{
  g_free (set->name);
  g_free (set->definition);
  g_clear_pointer (&set->label, g_hash_table_unref);
  g_free (set);
}

static void
codebook_free (Codebook *codebook)
{
  g_free (codebook->display_name);
  g_clear_pointer (&codebook->by_name, g_hash_table_unref);
  g_clear_pointer (&codebook->variables, g_ptr_array_unref);
  g_clear_pointer (&codebook->sets, g_ptr_array_unref);
  g_free (codebook);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Codebook, codebook_free)

static void
column_clear (Column *column)
{
  g_free (column->lang);
}

/* Survey tools and SPSS agree on names that start with a letter and go on
 * with letters, digits, '_' and '.'; a name must not end with '.'. */
static gboolean
name_is_valid (const char *name)
{
  const char *p;

  if (name == NULL || *name == '\0' || strlen (name) > 64)
    return FALSE;
  if (!g_unichar_isalpha (g_utf8_get_char (name)))
    return FALSE;
  for (p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '_' && c != '.')
        return FALSE;
    }
  return name[strlen (name) - 1] != '.';
}

/* The reader's strings are ours until the next record: trimming in place
 * saves a copy per cell. */
static gboolean
strip_fields (GPtrArray *fields)
{
  gboolean empty = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      char *field = g_ptr_array_index (fields, i);

      /* g_strstrip knows ASCII spaces; a no-break space left by a
       * spreadsheet is as invisible to the user. */
      while (g_str_has_prefix (field, "\xC2\xA0"))
        memmove (field, field + 2, strlen (field + 2) + 1);
      while (g_str_has_suffix (field, "\xC2\xA0"))
        field[strlen (field) - 2] = '\0';
      g_strstrip (field);
      if (*field != '\0')
        empty = FALSE;
    }
  return empty;
}

static int
keyword (const char         *text,
         const char * const *keywords)
{
  for (int i = 0; keywords[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, keywords[i]) == 0)
      return i;
  return -1;
}

static gboolean
check_ragged (EvkCsvReader  *reader,
              GPtrArray     *fields,
              guint          expected,
              GError       **error)
{
  if (fields->len == expected)
    return TRUE;
  g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
               _("%s: line %u: %u fields, expected %u"),
               evk_csv_reader_get_display_name (reader), evk_csv_reader_get_line (reader),
               fields->len, expected);
  return FALSE;
}

static gboolean
read_codebook_header (EvkCsvReader  *reader,
                      GPtrArray     *fields,
                      const char    *lang,
                      GArray        *columns,
                      GError       **error)
{
  const char *file = evk_csv_reader_get_display_name (reader);
  guint line = evk_csv_reader_get_line (reader);
  gboolean has_variable = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *text = g_ptr_array_index (fields, i);
      g_autofree char *base = NULL;
      g_autofree char *column_lang = NULL;
      const char *bracket = strchr (text, '[');
      Column column = { 0, };
      int kind;

      if (bracket != NULL && g_str_has_suffix (text, "]"))
        {
          base = g_strndup (text, bracket - text);
          column_lang = g_strndup (bracket + 1, strlen (bracket + 1) - 1);
        }
      else
        base = g_strdup (text);

      kind = keyword (base, column_names);
      if (kind < 0 || (column_lang != NULL && kind != COLUMN_LABEL && kind != COLUMN_VALUE_LABEL))
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: unknown column “%s” (see the codebook format)"),
                       file, line, text);
          return FALSE;
        }
      if (column_lang != NULL && !evk_language_code_is_valid (column_lang))
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: column “%s”: “%s” is not a language code"),
                       file, line, text, column_lang);
          return FALSE;
        }

      column.kind = kind;
      if (kind == COLUMN_LABEL || kind == COLUMN_VALUE_LABEL)
        column.lang = column_lang != NULL ? g_steal_pointer (&column_lang) : g_strdup (lang);

      for (guint j = 0; j < columns->len; j++)
        {
          Column *other = &g_array_index (columns, Column, j);

          if (other->kind == column.kind && g_strcmp0 (other->lang, column.lang) == 0)
            {
              g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("%s: line %u: column “%s” appears twice (columns %u and %u)"),
                           file, line, text, j + 1, i + 1);
              column_clear (&column);
              return FALSE;
            }
        }
      has_variable |= kind == COLUMN_VARIABLE;
      g_array_append_val (columns, column);
    }

  if (!has_variable)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   /* Translators: variable is a codebook column: keep it */
                   _("%s: line %u: there is no “variable” column"), file, line);
      return FALSE;
    }
  return TRUE;
}

static CodebookVariable *
codebook_get_variable (Codebook   *codebook,
                       const char *name,
                       guint       line)
{
  CodebookVariable *variable = g_hash_table_lookup (codebook->by_name, name);

  if (variable == NULL)
    {
      variable = g_new0 (CodebookVariable, 1);
      variable->name = g_strdup (name);
      variable->line = line;
      variable->label = evk_localized_new ();
      variable->personal = -1;
      variable->values = g_ptr_array_new_with_free_func ((GDestroyNotify) codebook_value_free);
      g_ptr_array_add (codebook->variables, variable);
      g_hash_table_insert (codebook->by_name, variable->name, variable);
    }
  return variable;
}

/* One codebook row, cell by column kind; labels by language. */
typedef struct {
  const char *cells[N_COLUMNS];
  GHashTable *label;
  GHashTable *value_label;
} CodebookRow;

static gboolean
read_codebook_row (Codebook      *codebook,
                   CodebookRow   *row,
                   guint          line,
                   GError       **error)
{
  static const char * const missing_words[] = { "", "missing", "dont-know", "not-relevant", NULL };
  static const EvkMissingKind missing_kinds[] = { 0, EVK_MISSING_OTHER, EVK_MISSING_DONT_KNOW,
                                                  EVK_MISSING_NOT_RELEVANT };
  static const char * const type_words[] = { "", "numeric", "string", "id", NULL };
  static const char * const measure_words[] = { "", "nominal", "ordinal", "scale", NULL };
  static const char * const yes_no[] = { "", "yes", "no", NULL };
  const char *file = codebook->display_name;
  const char *name = row->cells[COLUMN_VARIABLE];
  const char *value = row->cells[COLUMN_VALUE];
  CodebookVariable *variable;
  int missing, type, measure, personal, complete;

  if (*name == '\0')
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("%s: line %u: the row names no variable"), file, line);
      return FALSE;
    }

  if (name[0] == '$')
    {
      CodebookSet *set;

      if (!name_is_valid (name + 1))
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: “%s” is not a valid set name"), file, line, name);
          return FALSE;
        }
      for (guint i = 0; i < codebook->sets->len; i++)
        {
          CodebookSet *other = g_ptr_array_index (codebook->sets, i);

          if (g_str_equal (other->name, name + 1))
            {
              g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("%s: line %u: set %s is described twice (first on line %u)"),
                           file, line, name, other->line);
              return FALSE;
            }
        }
      set = g_new0 (CodebookSet, 1);
      set->name = g_strdup (name + 1);
      set->line = line;
      set->label = g_hash_table_ref (row->label);
      set->definition = g_strdup (value);
      g_ptr_array_add (codebook->sets, set);
      return TRUE;
    }

  if (!name_is_valid (name))
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("%s: line %u: “%s” is not a valid variable name"), file, line, name);
      return FALSE;
    }

  missing = keyword (row->cells[COLUMN_MISSING], missing_words);
  type = keyword (row->cells[COLUMN_TYPE], type_words);
  measure = keyword (row->cells[COLUMN_MEASURE], measure_words);
  personal = keyword (row->cells[COLUMN_PERSONAL], yes_no);
  complete = keyword (row->cells[COLUMN_COMPLETE], yes_no);
  if (missing < 0)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   /* Translators: missing, dont-know and not-relevant are codebook keywords: keep them */
                   _("%s: line %u: variable %s: missing is “%s”, not empty, dont-know, not-relevant or missing"),
                   file, line, name, row->cells[COLUMN_MISSING]);
      return FALSE;
    }
  if (type < 0)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   /* Translators: type, numeric, string and id are codebook keywords: keep them */
                   _("%s: line %u: variable %s: type is “%s”, not empty, numeric, string or id"),
                   file, line, name, row->cells[COLUMN_TYPE]);
      return FALSE;
    }
  if (measure < 0)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   /* Translators: measure, nominal, ordinal and scale are codebook keywords: keep them */
                   _("%s: line %u: variable %s: measure is “%s”, not empty, nominal, ordinal or scale"),
                   file, line, name, row->cells[COLUMN_MEASURE]);
      return FALSE;
    }
  if (personal < 0 || complete < 0)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   /* Translators: the second %s is a codebook column (personal or complete);
                    * yes and no are codebook keywords: keep them */
                   _("%s: line %u: variable %s: %s is “%s”, not empty, yes or no"),
                   file, line, name, personal < 0 ? "personal" : "complete",
                   row->cells[personal < 0 ? COLUMN_PERSONAL : COLUMN_COMPLETE]);
      return FALSE;
    }

  variable = codebook_get_variable (codebook, name, line);

  if (*value == '\0')
    {
      GHashTableIter iter;
      gpointer lang, text;

      if (variable->variable_line != 0)
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s is described twice (first on line %u)"),
                       file, line, name, variable->variable_line);
          return FALSE;
        }
      if (missing > 0)
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s: a missing code needs a value"),
                       file, line, name);
          return FALSE;
        }
      variable->variable_line = line;
      g_hash_table_iter_init (&iter, row->label);
      while (g_hash_table_iter_next (&iter, &lang, &text))
        evk_localized_set (variable->label, lang, text);
      variable->type = (CodebookType) type;
      variable->measure = (EvkMeasureLevel) measure;
      variable->personal = personal == 0 ? -1 : personal == 1;
      variable->complete = complete == 1;
    }
  else if (type > 0 || measure > 0 || personal > 0 || complete > 0)
    {
      /* Said on a value row, it could be meant for the value alone. */
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   /* Translators: type, measure, personal and complete are codebook columns: keep them */
                   _("%s: line %u: variable %s: type, measure, personal and complete belong on "
                     "the variable's row (the one without a value)"),
                   file, line, name);
      return FALSE;
    }
  else
    {
      CodebookValue *entry = g_new0 (CodebookValue, 1);

      entry->text = g_strdup (value);
      entry->line = line;
      entry->label = g_hash_table_ref (row->value_label);
      entry->is_missing = missing > 0;
      entry->missing_kind = missing_kinds[missing];
      g_ptr_array_add (variable->values, entry);
    }
  return TRUE;
}

static Codebook *
codebook_read (const char    *path,
               const char    *lang,
               GError       **error)
{
  g_autoptr(EvkCsvReader) reader = evk_csv_reader_open (path, error);
  g_autoptr(Codebook) codebook = NULL;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields;

  if (reader == NULL)
    return NULL;

  codebook = g_new0 (Codebook, 1);
  codebook->display_name = g_strdup (evk_csv_reader_get_display_name (reader));
  codebook->decimal_comma = evk_csv_reader_get_separator (reader) != ',';
  codebook->variables = g_ptr_array_new_with_free_func ((GDestroyNotify) codebook_variable_free);
  codebook->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  codebook->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) codebook_set_free);
  columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (columns, (GDestroyNotify) column_clear);

  if (!evk_csv_reader_next (reader, &fields, error))
    return NULL;
  strip_fields (fields);
  if (!read_codebook_header (reader, fields, lang, columns, error))
    return NULL;

  while (evk_csv_reader_next (reader, &fields, &local_error))
    {
      CodebookRow row = { { NULL, }, NULL, NULL };
      guint line = evk_csv_reader_get_line (reader);
      gboolean ok;

      if (strip_fields (fields))
        continue;
      if (!check_ragged (reader, fields, columns->len, error))
        return NULL;

      for (guint k = 0; k < N_COLUMNS; k++)
        row.cells[k] = "";
      row.label = evk_localized_new ();
      row.value_label = evk_localized_new ();
      for (guint i = 0; i < columns->len; i++)
        {
          Column *column = &g_array_index (columns, Column, i);
          const char *text = g_ptr_array_index (fields, i);

          if (column->kind == COLUMN_LABEL && *text != '\0')
            evk_localized_set (row.label, column->lang, text);
          else if (column->kind == COLUMN_VALUE_LABEL && *text != '\0')
            evk_localized_set (row.value_label, column->lang, text);
          else
            row.cells[column->kind] = text;
        }
      ok = read_codebook_row (codebook, &row, line, error);
      g_hash_table_unref (row.label);
      g_hash_table_unref (row.value_label);
      if (!ok)
        return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&codebook);
}

/* ---- Data ---------------------------------------------------------- */

typedef struct {
  GCancellable  *cancellable;
  void         (*progress) (double, gpointer);
  gpointer       progress_data;
  double         reported;

  char          *data_name;
  gboolean       decimal_comma;
  GPtrArray     *names;        /* the header */
  GStringChunk  *chunk;        /* every distinct cell once: survey codes repeat */
  GPtrArray     *cells;        /* per column a GPtrArray of const char * (NULL = empty) */
  GArray        *lines;        /* guint per row */
  Codebook      *codebook;
  EvkSurvey     *survey;
} Import;

static void
import_clear (Import *import)
{
  g_free (import->data_name);
  g_clear_pointer (&import->names, g_ptr_array_unref);
  g_clear_pointer (&import->cells, g_ptr_array_unref);
  g_clear_pointer (&import->lines, g_array_unref);
  g_clear_pointer (&import->chunk, g_string_chunk_free);
  g_clear_pointer (&import->codebook, codebook_free);
  g_clear_pointer (&import->survey, evk_survey_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static void
report_progress (Import *import,
                 double  fraction)
{
  /* Often enough for a smooth bar, seldom enough not to flood a main loop. */
  if (import->progress == NULL || fraction <= import->reported ||
      (fraction - import->reported < 0.01 && fraction < 1.0))
    return;
  import->reported = fraction;
  import->progress (fraction, import->progress_data);
}

static gboolean
check_cancelled (Import  *import,
                 GError **error)
{
  if (!g_cancellable_is_cancelled (import->cancellable))
    return TRUE;
  g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_CANCELLED,
               _("%s: the import was cancelled"), import->data_name);
  return FALSE;
}

static gboolean
read_header (Import        *import,
             EvkCsvReader  *reader,
             GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *fields;
  guint line;

  if (!evk_csv_reader_next (reader, &fields, error))
    return FALSE;
  strip_fields (fields);
  line = evk_csv_reader_get_line (reader);

  import->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_ptr_array_index (fields, i);
      gpointer first;

      if (*name == '\0')
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: column %u has no variable name"), import->data_name, line, i + 1);
          return FALSE;
        }
      if (!name_is_valid (name))
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: column %u: “%s” is not a valid variable name "
                         "(letters, digits, _ and ., starting with a letter)"),
                       import->data_name, line, i + 1, name);
          return FALSE;
        }
      if (g_hash_table_lookup_extended (seen, name, NULL, &first))
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s appears twice (columns %u and %u)"),
                       import->data_name, line, name, GPOINTER_TO_UINT (first) + 1, i + 1);
          return FALSE;
        }
      g_hash_table_insert (seen, (gpointer) name, GUINT_TO_POINTER (i));
      g_ptr_array_add (import->names, g_strdup (name));
    }
  return TRUE;
}

static gboolean
read_rows (Import        *import,
           EvkCsvReader  *reader,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n_columns = import->names->len;
  GPtrArray *fields;

  import->chunk = g_string_chunk_new (64 * 1024);
  import->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (import->cells, g_ptr_array_new ());
  import->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  while (evk_csv_reader_next (reader, &fields, &local_error))
    {
      guint line = evk_csv_reader_get_line (reader);

      /* Spreadsheets leave rows of bare separators below the data. */
      if (strip_fields (fields))
        continue;
      if (!check_ragged (reader, fields, n_columns, error))
        return FALSE;

      for (guint i = 0; i < n_columns; i++)
        {
          const char *text = g_ptr_array_index (fields, i);

          g_ptr_array_add (g_ptr_array_index (import->cells, i),
                           *text != '\0' ? g_string_chunk_insert_const (import->chunk, text) : NULL);
        }
      g_array_append_val (import->lines, line);

      if (import->lines->len % 256 == 0)
        {
          if (!check_cancelled (import, error))
            return FALSE;
          report_progress (import, 0.8 * evk_csv_reader_get_fraction (reader));
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return check_cancelled (import, error);
}

static guint
row_line (Import *import,
          guint   row)
{
  return g_array_index (import->lines, guint, row);
}

static gboolean
column_is_numeric (Import    *import,
                   GPtrArray *cells)
{
  double value;

  for (guint row = 0; row < cells->len; row++)
    {
      const char *text = g_ptr_array_index (cells, row);

      if (text != NULL && !evk_csv_parse_number (text, import->decimal_comma, &value))
        return FALSE;
    }
  return TRUE;
}

static void
not_a_number (const char  *file,
              guint        line,
              const char  *variable,
              const char  *text,
              gboolean     decimal_comma,
              GError     **error)
{
  double value;

  /* "8,4" in a comma-separated file: say how to make it readable. */
  if (!decimal_comma && evk_csv_parse_number (text, TRUE, &value))
    g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                 _("%s: line %u: variable %s: “%s” is not a number (a decimal comma needs ; or tab as the separator)"),
                 file, line, variable, text);
  else
    g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                 _("%s: line %u: variable %s: “%s” is not a number"), file, line, variable, text);
}

static void
copy_localized (GHashTable *to,
                GHashTable *from)
{
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    evk_localized_set (to, lang, text);
}

/* Adds the codebook's value labels and missing codes to variable; fills
 * known (value text or number → TRUE) for the completeness check. */
static gboolean
apply_codebook_values (Import            *import,
                       CodebookVariable  *entry,
                       EvkVariable       *variable,
                       GHashTable        *known_numbers,
                       GHashTable        *known_strings,
                       GError           **error)
{
  const char *file = import->codebook->display_name;
  g_autoptr(GHashTable) lines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) number_lines = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);

  for (guint i = 0; i < entry->values->len; i++)
    {
      CodebookValue *cv = g_ptr_array_index (entry->values, i);
      guint first = 0;

      if (variable->type == EVK_VARIABLE_NUMERIC)
        {
          double value;

          if (!evk_csv_parse_number (cv->text, import->codebook->decimal_comma, &value))
            {
              g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("%s: line %u: variable %s: value “%s” is not a number"),
                           file, cv->line, entry->name, cv->text);
              return FALSE;
            }
          first = GPOINTER_TO_UINT (g_hash_table_lookup (number_lines, &value));
          if (first == 0)
            {
              g_hash_table_insert (number_lines, g_memdup2 (&value, sizeof value), GUINT_TO_POINTER (cv->line));
              g_hash_table_add (known_numbers, g_memdup2 (&value, sizeof value));
              if (g_hash_table_size (cv->label) > 0)
                copy_localized (evk_variable_add_value_label (variable, value, NULL)->label, cv->label);
              if (cv->is_missing)
                evk_variable_add_missing (variable, value, value, cv->missing_kind);
            }
        }
      else
        {
          first = GPOINTER_TO_UINT (g_hash_table_lookup (lines, cv->text));
          if (first == 0)
            {
              g_hash_table_insert (lines, cv->text, GUINT_TO_POINTER (cv->line));
              g_hash_table_add (known_strings, cv->text);
              if (g_hash_table_size (cv->label) > 0)
                copy_localized (evk_variable_add_value_label (variable, NAN, cv->text)->label, cv->label);
              if (cv->is_missing)
                {
                  EvkMissing *missing = g_new0 (EvkMissing, 1);

                  missing->lo = missing->hi = NAN;
                  missing->str_value = g_strdup (cv->text);
                  missing->kind = cv->missing_kind;
                  g_ptr_array_add (variable->missing, missing);
                }
            }
        }

      if (first != 0)
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s: value %s appears twice (first on line %u)"),
                       file, cv->line, entry->name, cv->text, first);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
codebook_values_are_numbers (Import           *import,
                             CodebookVariable *entry)
{
  double value;

  for (guint i = 0; i < entry->values->len; i++)
    {
      CodebookValue *cv = g_ptr_array_index (entry->values, i);

      if (!evk_csv_parse_number (cv->text, import->codebook->decimal_comma, &value))
        return FALSE;
    }
  return TRUE;
}

static gboolean
build_variable (Import        *import,
                guint          column,
                gboolean       is_id,
                GError       **error)
{
  const char *name = g_ptr_array_index (import->names, column);
  GPtrArray *cells = g_ptr_array_index (import->cells, column);
  CodebookVariable *entry = NULL;
  g_autoptr(GHashTable) known_numbers = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  g_autoptr(GHashTable) known_strings = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = NULL;
  gboolean numeric, strict;
  EvkVariable *variable;

  if (import->codebook != NULL)
    entry = g_hash_table_lookup (import->codebook->by_name, name);

  /* A declared type or numeric codes in the codebook make the type a
   * promise the data must keep; otherwise the data decide. */
  if (entry != NULL && entry->type == TYPE_NUMERIC)
    numeric = strict = TRUE;
  else if (entry != NULL && entry->type == TYPE_STRING)
    numeric = strict = FALSE;
  else if (entry != NULL && entry->type == TYPE_UNSET && entry->values->len > 0)
    {
      numeric = codebook_values_are_numbers (import, entry);
      strict = numeric;
    }
  else
    {
      numeric = column_is_numeric (import, cells);
      strict = FALSE;
    }

  variable = evk_survey_add_variable (import->survey, name,
                                      numeric ? EVK_VARIABLE_NUMERIC : EVK_VARIABLE_STRING);
  g_assert (variable != NULL);

  if (entry != NULL)
    {
      copy_localized (variable->label, entry->label);
      variable->measure = entry->measure;
      if (entry->personal >= 0)
        variable->personal = entry->personal;
      if (!apply_codebook_values (import, entry, variable, known_numbers, known_strings, error))
        return FALSE;
    }

  if (is_id)
    ids = numeric ? g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL)
                  : g_hash_table_new (g_str_hash, g_str_equal);

  for (guint row = 0; row < cells->len; row++)
    {
      const char *text = g_ptr_array_index (cells, row);
      double value = NAN;
      guint first;

      if (text == NULL)
        {
          if (is_id)
            {
              g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("%s: line %u: the respondent id (%s) is empty"),
                           import->data_name, row_line (import, row), name);
              return FALSE;
            }
          if (numeric)
            evk_column_append (variable->column, NAN);
          else
            evk_text_column_append (variable->texts, NULL);
          continue;
        }

      if (numeric && !evk_csv_parse_number (text, import->decimal_comma, &value))
        {
          g_assert (strict);
          not_a_number (import->data_name, row_line (import, row), name, text,
                        import->decimal_comma, error);
          return FALSE;
        }

      if (entry != NULL && entry->complete &&
          !(numeric ? g_hash_table_contains (known_numbers, &value)
                    : g_hash_table_contains (known_strings, text)))
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s: value %s is not in the codebook"),
                       import->data_name, row_line (import, row), name, text);
          return FALSE;
        }

      if (ids != NULL)
        {
          gpointer key = numeric ? (gpointer) &value : (gpointer) text;

          if ((first = GPOINTER_TO_UINT (g_hash_table_lookup (ids, key))) != 0)
            {
              g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                           _("%s: line %u: respondent id %s appears twice (first on line %u)"),
                           import->data_name, row_line (import, row), text, first);
              return FALSE;
            }
          g_hash_table_insert (ids, numeric ? g_memdup2 (&value, sizeof value) : (gpointer) text,
                               GUINT_TO_POINTER (row_line (import, row)));
        }

      if (numeric)
        evk_column_append (variable->column, value);
      else
        {
          evk_text_column_append (variable->texts, text);
          variable->width = MAX (variable->width, (int) strlen (text));
        }
    }

  if (!numeric && variable->width == 0)
    variable->width = 1;
  /* A text the codebook does not mark stays personal, the safe default,
   * unless its answers look like categories (a region, a treatment group):
   * those are tabulated like codes. */
  if (!numeric && !is_id && (entry == NULL || entry->personal < 0))
    variable->personal = !evk_variable_looks_categorical (variable);
  return TRUE;
}

/* "D:1:q15_1 q15_2 …" (a dichotomy set counting the value 1) or
 * "C:q20_1 q20_2 …" (a category set). */
static gboolean
build_set (Import       *import,
           CodebookSet  *entry,
           GError      **error)
{
  const char *file = import->codebook->display_name;
  const char *definition = entry->definition;
  g_autofree char *counted = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) variables = g_strv_builder_new ();
  const char *list;
  EvkMrSetType type;
  EvkMrSet *set;
  guint n = 0;

  if ((definition[0] == 'D' || definition[0] == 'd') && definition[1] == ':' &&
      strchr (definition + 2, ':') != NULL)
    {
      const char *colon = strchr (definition + 2, ':');

      type = EVK_MRSET_DICHOTOMY;
      counted = g_strstrip (g_strndup (definition + 2, colon - definition - 2));
      list = colon + 1;
    }
  else if ((definition[0] == 'C' || definition[0] == 'c') && definition[1] == ':')
    {
      type = EVK_MRSET_CATEGORY;
      list = definition + 2;
    }
  else
    list = NULL;

  if (list == NULL || (counted != NULL && *counted == '\0'))
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   /* Translators: D:VALUE:VARIABLES and C:VARIABLES are the syntax of a set: keep them */
                   _("%s: line %u: set $%s: the value “%s” is not D:VALUE:VARIABLES or C:VARIABLES"),
                   file, entry->line, entry->name, definition);
      return FALSE;
    }

  words = g_strsplit_set (list, " \t,;", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (evk_survey_get_variable (import->survey, words[i]) == NULL)
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: set $%s: variable %s is not in %s"),
                       file, entry->line, entry->name, words[i], import->data_name);
          return FALSE;
        }
      g_strv_builder_add (variables, words[i]);
      n++;
    }
  if (n < 2)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("%s: line %u: set $%s: a multiple-response set needs at least two variables"),
                   file, entry->line, entry->name);
      return FALSE;
    }

  set = evk_survey_add_mrset (import->survey, entry->name, type);
  g_assert (set != NULL);
  set->counted_value = g_steal_pointer (&counted);
  copy_localized (set->label, entry->label);
  g_strfreev (set->variables);
  set->variables = g_strv_builder_end (variables);
  return TRUE;
}

/* The codebook's type=id variable, else a first column named id or
 * respondent; NULL if neither. */
static const char *
find_id_variable (Import  *import,
                  GError **error)
{
  const char *id = NULL;
  guint id_line = 0;

  for (guint i = 0; import->codebook != NULL && i < import->codebook->variables->len; i++)
    {
      CodebookVariable *entry = g_ptr_array_index (import->codebook->variables, i);

      if (entry->type != TYPE_ID)
        continue;
      if (id != NULL)
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s: only one variable can have type id (%s has it on line %u)"),
                       import->codebook->display_name, entry->variable_line, entry->name, id, id_line);
          return NULL;
        }
      id = entry->name;
      id_line = entry->variable_line;
    }
  if (id == NULL && import->names->len > 0)
    {
      const char *first = g_ptr_array_index (import->names, 0);

      if (g_ascii_strcasecmp (first, "id") == 0 || g_ascii_strcasecmp (first, "respondent") == 0)
        id = first;
    }
  return id;
}

static gboolean
check_codebook_against_header (Import  *import,
                               GError **error)
{
  g_autoptr(GHashTable) header = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < import->names->len; i++)
    g_hash_table_add (header, g_ptr_array_index (import->names, i));

  for (guint i = 0; i < import->codebook->variables->len; i++)
    {
      CodebookVariable *entry = g_ptr_array_index (import->codebook->variables, i);

      if (!g_hash_table_contains (header, entry->name))
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s is not in %s"),
                       import->codebook->display_name, entry->line, entry->name, import->data_name);
          return FALSE;
        }
    }
  return TRUE;
}

EvkSurvey *
evk_import_csv (const char    *data_path,
                const char    *codebook_path,
                const char    *name,
                const char    *lang,
                GCancellable  *cancellable,
                void         (*progress) (double   fraction,
                                          gpointer user_data),
                gpointer       progress_data,
                GError       **error)
{
  g_auto(Import) import = { 0, };
  g_autoptr(EvkCsvReader) reader = NULL;
  g_autofree char *base = NULL;
  const char *id;
  GError *id_error = NULL;

  g_return_val_if_fail (data_path != NULL, NULL);
  g_return_val_if_fail (evk_language_code_is_valid (lang), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import.cancellable = cancellable;
  import.progress = progress;
  import.progress_data = progress_data;
  import.reported = -1.0;

  report_progress (&import, 0.0);
  reader = evk_csv_reader_open (data_path, error);
  if (reader == NULL)
    return NULL;
  import.data_name = g_strdup (evk_csv_reader_get_display_name (reader));
  /* A comma cannot be both the separator and the decimal mark; with ; or
   * tab, the comma is the decimal mark (as spreadsheets in most of Europe
   * write it) and a point is read as one too. */
  import.decimal_comma = evk_csv_reader_get_separator (reader) != ',';

  if (!read_header (&import, reader, error))
    return NULL;

  if (codebook_path != NULL)
    {
      import.codebook = codebook_read (codebook_path, lang, error);
      if (import.codebook == NULL || !check_codebook_against_header (&import, error))
        return NULL;
    }

  if (!read_rows (&import, reader, error))
    return NULL;

  id = find_id_variable (&import, &id_error);
  if (id_error != NULL)
    {
      g_propagate_error (error, id_error);
      return NULL;
    }

  if (name != NULL)
    base = g_strdup (name);
  else
    {
      char *dot;

      base = g_path_get_basename (data_path);
      if ((dot = strrchr (base, '.')) != NULL && dot != base)
        *dot = '\0';
    }
  import.survey = evk_survey_new (base);
  import.survey->source_file = g_path_get_basename (data_path);
  import.survey->source_format = g_strdup ("csv");
  import.survey->n_rows = import.lines->len;
  import.survey->id_variable = g_strdup (id);

  for (guint i = 0; i < import.names->len; i++)
    {
      if (!check_cancelled (&import, error))
        return NULL;
      if (!build_variable (&import, i, g_strcmp0 (id, g_ptr_array_index (import.names, i)) == 0, error))
        return NULL;
      /* Columns are only needed until their variable is built. */
      g_ptr_array_set_size (g_ptr_array_index (import.cells, i), 0);
      report_progress (&import, 0.8 + 0.2 * (i + 1) / import.names->len);
    }

  for (guint i = 0; import.codebook != NULL && i < import.codebook->sets->len; i++)
    if (!build_set (&import, g_ptr_array_index (import.codebook->sets, i), error))
      return NULL;

  if (!evk_survey_validate (import.survey, error))
    {
      g_prefix_error (error, "%s: ", import.data_name);
      return NULL;
    }

  report_progress (&import, 1.0);
  return g_steal_pointer (&import.survey);
}

/* ---- Translations for a survey from another source ------------------- */

static void
merge_localized (GHashTable *into,
                 GHashTable *from)
{
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    if (evk_localized_get (into, lang) == NULL)
      evk_localized_set (into, lang, text);
}

/* An SPSS file carries its labels in one language; a codebook with
 * label[en] / value_label[en] columns brings the others. Labels the file
 * already has win; the codebook only fills in languages it lacks. */
gboolean
evk_import_codebook_translations (EvkSurvey   *survey,
                                  const char  *codebook_path,
                                  const char  *lang,
                                  GError     **error)
{
  g_autoptr(Codebook) codebook = codebook_read (codebook_path, lang, error);

  if (codebook == NULL)
    return FALSE;

  for (guint i = 0; i < codebook->variables->len; i++)
    {
      CodebookVariable *entry = g_ptr_array_index (codebook->variables, i);
      EvkVariable *variable = evk_survey_get_variable (survey, entry->name);

      if (variable == NULL)
        {
          g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                       _("%s: line %u: variable %s is not in the survey"),
                       codebook->display_name, entry->line, entry->name);
          return FALSE;
        }
      merge_localized (variable->label, entry->label);

      for (guint j = 0; j < entry->values->len; j++)
        {
          CodebookValue *cv = g_ptr_array_index (entry->values, j);

          for (guint k = 0; k < variable->value_labels->len; k++)
            {
              EvkValueLabel *label = g_ptr_array_index (variable->value_labels, k);
              double value;
              gboolean same = label->str_value != NULL
                                ? g_str_equal (label->str_value, cv->text)
                                : evk_csv_parse_number (cv->text, codebook->decimal_comma, &value) &&
                                  value == label->value;

              if (same)
                merge_localized (label->label, cv->label);
            }
        }
    }

  for (guint i = 0; i < codebook->sets->len; i++)
    {
      CodebookSet *entry = g_ptr_array_index (codebook->sets, i);
      EvkMrSet *set = evk_survey_get_mrset (survey, entry->name);

      if (set != NULL)
        merge_localized (set->label, entry->label);
    }
  return TRUE;
}
