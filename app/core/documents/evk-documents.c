/* evk-documents.c: the document review: documents, codings and the coding sheet
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-documents.h"
#include "evk-csv-reader.h"
#include "evk-import-error.h"
#include "evk-localized.h"
#include "evk-store-texts.h"

static const char * const document_type_names[] = {
  [EVK_DOCUMENT_ALLOCATION_LETTER]    = "allocation-letter",
  [EVK_DOCUMENT_SUPPLEMENTARY_LETTER] = "supplementary-letter",
  [EVK_DOCUMENT_ANNUAL_REPORT]        = "annual-report",
  [EVK_DOCUMENT_MEMO]                 = "memo",
  [EVK_DOCUMENT_RESEARCH_REPORT]      = "research-report",
};

G_STATIC_ASSERT (G_N_ELEMENTS (document_type_names) == EVK_N_DOCUMENT_TYPES);

/* The columns that describe a document, in the order the long form and the
 * export write them. */
enum {
  COL_DOCUMENT,
  COL_TITLE,
  COL_TYPE,
  COL_ISSUER,
  COL_RECIPIENT,
  COL_YEAR,
  COL_MEASURE,
  COL_CODE,
  COL_PAGE,
  COL_EXCERPT,
  N_COLUMNS,
  N_DOCUMENT_COLUMNS = COL_MEASURE,
};

static const char * const column_names[N_COLUMNS] = {
  "document", "title", "type", "issuer", "recipient", "year",
  "measure", "code", "page", "excerpt",
};

const char *
evk_document_type_to_string (EvkDocumentType type)
{
  g_return_val_if_fail (type < EVK_N_DOCUMENT_TYPES, NULL);
  return document_type_names[type];
}

gboolean
evk_document_type_from_string (const char      *string,
                               EvkDocumentType *type)
{
  for (guint i = 0; i < EVK_N_DOCUMENT_TYPES; i++)
    if (g_strcmp0 (string, document_type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

static void
document_free (EvkDocument *document)
{
  g_free (document->key);
  g_free (document->title);
  g_free (document->issuer);
  g_free (document->recipient);
  g_free (document);
}

static void
coding_free (EvkCoding *coding)
{
  g_free (coding->code);
  g_free (coding->excerpt);
  g_free (coding);
}

static void
code_free (EvkDocumentsCode *code)
{
  g_free (code->key);
  g_clear_pointer (&code->name, g_hash_table_unref);
  g_free (code);
}

EvkDocuments *
evk_documents_new (void)
{
  EvkDocuments *documents = g_new0 (EvkDocuments, 1);

  documents->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  documents->codings = g_ptr_array_new_with_free_func ((GDestroyNotify) coding_free);
  documents->codes = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  return documents;
}

void
evk_documents_free (EvkDocuments *documents)
{
  if (documents == NULL)
    return;
  /* Codings point at documents: drop them first. */
  g_clear_pointer (&documents->codings, g_ptr_array_unref);
  g_clear_pointer (&documents->documents, g_ptr_array_unref);
  g_clear_pointer (&documents->codes, g_ptr_array_unref);
  g_free (documents);
}

int
evk_documents_code_index (EvkDocuments *documents,
                          const char   *key)
{
  for (guint i = 0; i < documents->codes->len; i++)
    {
      EvkDocumentsCode *code = g_ptr_array_index (documents->codes, i);
      if (g_strcmp0 (code->key, key) == 0)
        return i;
    }
  return -1;
}

EvkDocumentsCode *
evk_documents_find_code (EvkDocuments *documents,
                         const char   *key)
{
  int i = evk_documents_code_index (documents, key);

  return i < 0 ? NULL : g_ptr_array_index (documents->codes, i);
}

static EvkDocumentsCode *
add_code (EvkDocuments *documents,
          const char   *key)
{
  EvkDocumentsCode *code = g_new0 (EvkDocumentsCode, 1);

  code->key = g_strdup (key);
  code->name = evk_localized_new ();
  g_ptr_array_add (documents->codes, code);
  return code;
}

/* Loading */

/* The code list with the term ids, in the project's order. */
static gboolean
load_codes (EvkStore      *store,
            EvkDocuments  *documents,
            GHashTable    *ids,
            GError       **error)
{
  g_autoptr(EvkTextIndex) texts = evk_text_index_load (store, "term", error);
  sqlite3_stmt *stmt;
  gboolean has_row;

  if (texts == NULL)
    return FALSE;
  stmt = evk_store_prepare (store,
                            "SELECT id, key FROM term WHERE vocab = 'code' ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      gint64 id;
      EvkDocumentsCode *code;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      code = add_code (documents, evk_stmt_column_text (stmt, 1));
      g_hash_table_unref (code->name);
      code->name = evk_text_index_get (texts, id, "name");
      if (ids != NULL)
        g_hash_table_insert (ids, g_strdup (code->key), GSIZE_TO_POINTER (id));
    }
  return TRUE;
}

static char *
dup_column_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
         ? NULL : g_strdup (evk_stmt_column_text (stmt, column));
}

EvkDocuments *
evk_documents_load (EvkStore  *store,
                    GError   **error)
{
  g_autoptr(EvkDocuments) documents = evk_documents_new ();
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean has_row;

  if (!load_codes (store, documents, NULL, error))
    return NULL;

  stmt = evk_store_prepare (store,
                            "SELECT id, key, title, type, issuer, recipient, year "
                            "FROM document ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      EvkDocument *document;
      gint64 id;

      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      document = g_new0 (EvkDocument, 1);
      id = sqlite3_column_int64 (stmt, 0);
      document->key = g_strdup (evk_stmt_column_text (stmt, 1));
      document->title = g_strdup (evk_stmt_column_text (stmt, 2));
      /* The import only writes known types; another writer's stays visible
       * as a memo rather than vanishing from the counts. */
      if (!evk_document_type_from_string (evk_stmt_column_text (stmt, 3), &document->type))
        document->type = EVK_DOCUMENT_MEMO;
      document->issuer = dup_column_or_null (stmt, 4);
      document->recipient = dup_column_or_null (stmt, 5);
      document->year = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (documents->documents, document);
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i),
                         g_ptr_array_index (documents->documents, i));

  stmt = evk_store_prepare (store,
                            "SELECT c.document_id, m.number, t.key, c.page, c.excerpt "
                            "FROM coding c JOIN measure m ON m.id = c.measure_id "
                            "JOIN term t ON t.id = c.code_id ORDER BY c.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      EvkCoding *coding;
      EvkDocument *document;
      gint64 document_id;

      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      document_id = sqlite3_column_int64 (stmt, 0);
      /* Every use of a coding reads its document; a file whose foreign
       * keys were not enforced (changed by hand) can name one it lacks. */
      document = g_hash_table_lookup (by_id, &document_id);
      if (document == NULL)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);

          g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                       _("the project file is damaged (a coding names document %s, which it "
                         "does not have)"), id_text);
          return NULL;
        }
      coding = g_new0 (EvkCoding, 1);
      coding->document = document;
      coding->measure = sqlite3_column_int (stmt, 1);
      coding->code = g_strdup (evk_stmt_column_text (stmt, 2));
      coding->page = sqlite3_column_int (stmt, 3);
      coding->excerpt = dup_column_or_null (stmt, 4);
      g_ptr_array_add (documents->codings, coding);
    }

  return g_steal_pointer (&documents);
}

/* Reading a sheet */

typedef enum {
  FORM_LONG,
  FORM_WIDE,
} SheetForm;

typedef struct {
  const char  *path;
  char        *display_name;    /* the file's name for messages */
  EvkDocuments *sheet;           /* the sheet as read */
  GHashTable  *code_ids;        /* code key → term id */
  GHashTable  *measure_ids;     /* measure number → measure id */
  GHashTable  *by_key;          /* key → EvkDocument, borrowed from sheet */

  SheetForm    form;
  guint        n_fields;
  int          columns[N_COLUMNS]; /* field index of each named column, or -1 */
  GArray      *measure_columns; /* wide form: guint measure number per field, 0 = not a measure */
  GStrv        header;          /* column names as written, stripped */
} ImportContext;

static void
import_context_clear (ImportContext *ctx)
{
  g_clear_pointer (&ctx->display_name, g_free);
  g_clear_pointer (&ctx->by_key, g_hash_table_unref);
  g_clear_pointer (&ctx->sheet, evk_documents_free);
  g_clear_pointer (&ctx->code_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->measure_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->measure_columns, g_array_unref);
  g_clear_pointer (&ctx->header, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportContext, import_context_clear)

static gboolean G_GNUC_PRINTF (4, 5)
fail_at (ImportContext  *ctx,
         guint           line,
         GError        **error,
         const char     *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: file name, line number, what is wrong there */
  g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
               _("%s: line %u: %s"), ctx->display_name, line, message);
  return FALSE;
}

/* A comma-separated list of the code keys, for messages. */
static char *
code_list (EvkDocuments *documents)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < documents->codes->len; i++)
    {
      EvkDocumentsCode *code = g_ptr_array_index (documents->codes, i);
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, code->key);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* A whole number written with digits only, 1 or more. */
static gboolean
parse_positive (const char *text,
                guint      *value)
{
  guint64 v;

  if (text[0] == '\0' || strspn (text, "0123456789") != strlen (text) ||
      !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &v, NULL))
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

/* Header cells name a column: "m5" and "5" both name measure 5 in the wide
 * form. */
static gboolean
parse_measure_column (const char *name,
                      guint      *number)
{
  if (name[0] == 'm')
    name++;
  return parse_positive (name, number);
}

static gboolean
read_header (ImportContext  *ctx,
             GPtrArray      *fields,
             guint           line,
             GError        **error)
{
  g_autoptr(GHashTable) seen_measures = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean any_measure_column = FALSE;

  for (guint c = 0; c < N_COLUMNS; c++)
    ctx->columns[c] = -1;
  ctx->n_fields = fields->len;
  ctx->header = g_new0 (char *, fields->len + 1);
  ctx->measure_columns = g_array_sized_new (FALSE, TRUE, sizeof (guint), fields->len);
  g_array_set_size (ctx->measure_columns, fields->len);

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
      g_autofree char *name = g_utf8_strdown (stripped, -1);
      gboolean known = FALSE;
      guint number;

      ctx->header[i] = g_strdup (stripped);

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]))
          {
            if (ctx->columns[c] >= 0)
              return fail_at (ctx, line, error, _("the column “%s” appears twice"), name);
            ctx->columns[c] = i;
            known = TRUE;
          }
      if (known)
        continue;

      if (parse_measure_column (name, &number))
        {
          if (g_hash_table_contains (seen_measures, GUINT_TO_POINTER (number)))
            return fail_at (ctx, line, error,
                            _("the column “%s” repeats measure %u"), stripped, number);
          if (!g_hash_table_contains (ctx->measure_ids, GUINT_TO_POINTER (number)))
            return fail_at (ctx, line, error,
                            _("column “%s”: the project has no measure %u"), stripped, number);
          g_hash_table_add (seen_measures, GUINT_TO_POINTER (number));
          g_array_index (ctx->measure_columns, guint, i) = number;
          any_measure_column = TRUE;
          continue;
        }

      if (name[0] == '\0')
        return fail_at (ctx, line, error, _("column %u has no name"), i + 1);
      return fail_at (ctx, line, error, _("unknown column “%s”"), stripped);
    }

  for (guint c = 0; c < N_DOCUMENT_COLUMNS; c++)
    if (ctx->columns[c] < 0)
      return fail_at (ctx, line, error,
                      _("the column “%s” is missing (a coding sheet starts with the "
                        "columns document, title, type, issuer, recipient and year)"),
                      column_names[c]);

  if (ctx->columns[COL_MEASURE] >= 0 || ctx->columns[COL_CODE] >= 0)
    {
      ctx->form = FORM_LONG;
      if (any_measure_column)
        return fail_at (ctx, line, error,
                        _("the header mixes the long form (columns measure and code) "
                          "with the wide form (one column per measure)"));
      if (ctx->columns[COL_MEASURE] < 0)
        return fail_at (ctx, line, error, _("the column “%s” is missing"), "measure");
      if (ctx->columns[COL_CODE] < 0)
        return fail_at (ctx, line, error, _("the column “%s” is missing"), "code");
    }
  else
    {
      ctx->form = FORM_WIDE;
      if (ctx->columns[COL_PAGE] >= 0 || ctx->columns[COL_EXCERPT] >= 0)
        return fail_at (ctx, line, error,
                        _("the columns page and excerpt need the long form "
                          "(columns measure and code)"));
    }
  return TRUE;
}

/* The field of a named column, stripped; "" when the sheet has no such
 * column. */
static char *
get_field (ImportContext *ctx,
           GPtrArray     *fields,
           guint          column)
{
  int index = ctx->columns[column];

  if (index < 0)
    return g_strdup ("");
  return g_strstrip (g_strdup (g_ptr_array_index (fields, index)));
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      for (const char *p = field; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* Returns the row's document: a new one, or the one an earlier row named,
 * which must agree in every field. */
static EvkDocument *
read_document (ImportContext  *ctx,
               GPtrArray      *fields,
               guint           line,
               GError        **error)
{
  g_autofree char *key = get_field (ctx, fields, COL_DOCUMENT);
  g_autofree char *title = get_field (ctx, fields, COL_TITLE);
  g_autofree char *type_name = get_field (ctx, fields, COL_TYPE);
  g_autofree char *issuer = get_field (ctx, fields, COL_ISSUER);
  g_autofree char *recipient = get_field (ctx, fields, COL_RECIPIENT);
  g_autofree char *year_text = get_field (ctx, fields, COL_YEAR);
  const struct { guint column; const char *value; } required[] = {
    { COL_TITLE, title }, { COL_TYPE, type_name }, { COL_ISSUER, issuer },
    { COL_RECIPIENT, recipient }, { COL_YEAR, year_text },
  };
  EvkDocument *document;
  EvkDocumentType type;
  guint year = 0;

  if (*key == '\0')
    {
      fail_at (ctx, line, error, _("the document id is empty"));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (*required[i].value == '\0')
      {
        /* Translators: the second %s is a column name of the sheet
         * (title, type, issuer, recipient, year), which stays in English */
        fail_at (ctx, line, error, _("document “%s”: the %s is empty"),
                 key, column_names[required[i].column]);
        return NULL;
      }

  if (!evk_document_type_from_string (type_name, &type))
    {
      fail_at (ctx, line, error,
               _("document “%s”: unknown type “%s” (the types are allocation-letter, "
                 "supplementary-letter, annual-report, memo and research-report)"),
               key, type_name);
      return NULL;
    }
  if (strlen (year_text) != 4 || !parse_positive (year_text, &year) || year < 1000)
    {
      fail_at (ctx, line, error,
               _("document “%s”: “%s” is not a year (four digits expected)"),
               key, year_text);
      return NULL;
    }

  document = g_hash_table_lookup (ctx->by_key, key);
  if (document != NULL)
    {
      const struct { guint column; const char *old_value, *new_value; } fields_of[] = {
        { COL_TITLE, document->title, title },
        { COL_TYPE, evk_document_type_to_string (document->type), type_name },
        { COL_ISSUER, document->issuer, issuer },
        { COL_RECIPIENT, document->recipient, recipient },
      };

      for (guint i = 0; i < G_N_ELEMENTS (fields_of); i++)
        if (!same_text (fields_of[i].old_value, fields_of[i].new_value))
          {
            /* Translators: the second %s is a column name of the sheet
             * (title, type, issuer, recipient), which stays in English */
            fail_at (ctx, line, error,
                     _("document “%s”: the %s “%s” differs from “%s” on line %u"),
                     key, column_names[fields_of[i].column], fields_of[i].new_value,
                     fields_of[i].old_value, document->line);
            return NULL;
          }
      if ((int) year != document->year)
        {
          fail_at (ctx, line, error,
                   _("document “%s”: the year %u differs from %d on line %u"),
                   key, year, document->year, document->line);
          return NULL;
        }
      return document;
    }

  document = g_new0 (EvkDocument, 1);
  document->key = g_steal_pointer (&key);
  document->title = g_steal_pointer (&title);
  document->type = type;
  document->issuer = g_steal_pointer (&issuer);
  document->recipient = g_steal_pointer (&recipient);
  document->year = year;
  document->line = line;
  g_ptr_array_add (ctx->sheet->documents, document);
  g_hash_table_insert (ctx->by_key, document->key, document);
  return document;
}

static gboolean
check_code (ImportContext  *ctx,
            const char     *code,
            guint           line,
            const char     *column,
            GError        **error)
{
  g_autofree char *codes = NULL;

  if (g_hash_table_contains (ctx->code_ids, code))
    return TRUE;
  codes = code_list (ctx->sheet);
  if (column != NULL)
    return fail_at (ctx, line, error,
                    _("column “%s”: unknown code “%s” (the project’s codes are %s)"),
                    column, code, codes);
  return fail_at (ctx, line, error,
                  _("unknown code “%s” (the project’s codes are %s)"), code, codes);
}

static void
add_coding (ImportContext *ctx,
            EvkDocument   *document,
            guint          measure,
            const char    *code,
            guint          page,
            const char    *excerpt,
            guint          line)
{
  EvkCoding *coding = g_new0 (EvkCoding, 1);

  coding->document = document;
  coding->measure = measure;
  coding->code = g_strdup (code);
  coding->page = page;
  coding->excerpt = excerpt != NULL && *excerpt != '\0' ? g_strdup (excerpt) : NULL;
  coding->line = line;
  g_ptr_array_add (ctx->sheet->codings, coding);
}

static gboolean
read_long_coding (ImportContext  *ctx,
                  EvkDocument    *document,
                  GPtrArray      *fields,
                  guint           line,
                  GError        **error)
{
  g_autofree char *measure_text = get_field (ctx, fields, COL_MEASURE);
  g_autofree char *code = get_field (ctx, fields, COL_CODE);
  g_autofree char *page_text = get_field (ctx, fields, COL_PAGE);
  g_autofree char *excerpt = get_field (ctx, fields, COL_EXCERPT);
  guint measure = 0, page = 0;

  if (*measure_text == '\0' && *code == '\0')
    {
      if (*page_text != '\0' || *excerpt != '\0')
        return fail_at (ctx, line, error,
                        _("a page or excerpt is given without a measure and a code"));
      return TRUE;
    }
  if (*measure_text == '\0')
    return fail_at (ctx, line, error, _("the code “%s” has no measure"), code);
  if (!parse_positive (measure_text, &measure))
    return fail_at (ctx, line, error, _("“%s” is not a measure number"), measure_text);
  if (!g_hash_table_contains (ctx->measure_ids, GUINT_TO_POINTER (measure)))
    return fail_at (ctx, line, error, _("the project has no measure %u"), measure);
  if (*code == '\0')
    return fail_at (ctx, line, error, _("measure %u has no code"), measure);
  if (!check_code (ctx, code, line, NULL, error))
    return FALSE;
  if (*page_text != '\0' && !parse_positive (page_text, &page))
    return fail_at (ctx, line, error, _("“%s” is not a page number"), page_text);

  add_coding (ctx, document, measure, code, page, excerpt, line);
  return TRUE;
}

static gboolean
read_wide_codings (ImportContext  *ctx,
                   EvkDocument    *document,
                   GPtrArray      *fields,
                   guint           line,
                   GError        **error)
{
  for (guint i = 0; i < fields->len; i++)
    {
      guint measure = g_array_index (ctx->measure_columns, guint, i);
      g_autofree char *code = NULL;

      if (measure == 0)
        continue;
      code = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
      if (*code == '\0')
        continue;
      if (!check_code (ctx, code, line, ctx->header[i], error))
        return FALSE;
      add_coding (ctx, document, measure, code, 0, NULL, line);
    }
  return TRUE;
}

static gboolean
read_sheet (ImportContext  *ctx,
            GError        **error)
{
  g_autoptr(EvkCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields = NULL;
  gboolean have_header = FALSE;

  reader = evk_csv_reader_open (ctx->path, error);
  if (reader == NULL)
    return FALSE;

  while (TRUE)
    {
      guint line;

      if (!evk_csv_reader_next (reader, &fields, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      line = evk_csv_reader_get_line (reader);

      if (!have_header)
        {
          if (!read_header (ctx, fields, line, error))
            return FALSE;
          have_header = TRUE;
          continue;
        }

      if (fields->len != ctx->n_fields)
        {
          /* Spreadsheets pad with rows of empty cells; those carry nothing. */
          if (row_is_empty (fields))
            continue;
          return fail_at (ctx, line, error, _("%u fields, expected %u"),
                          fields->len, ctx->n_fields);
        }
      if (row_is_empty (fields))
        continue;

      {
        EvkDocument *document = read_document (ctx, fields, line, error);

        if (document == NULL)
          return FALSE;
        if (ctx->form == FORM_LONG
            ? !read_long_coding (ctx, document, fields, line, error)
            : !read_wide_codings (ctx, document, fields, line, error))
          return FALSE;
      }
    }

  if (!have_header)
    {
      g_set_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED,
                   _("%s: the file is empty"), ctx->display_name);
      return FALSE;
    }
  if (ctx->sheet->documents->len == 0)
    return fail_at (ctx, 1, error, _("the file has a header but no documents"));
  return TRUE;
}

/* Writing */

static gboolean
load_measure_ids (EvkStore    *store,
                  GHashTable  *ids,
                  GError     **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT number, id FROM measure", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_hash_table_insert (ids, GUINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                           GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 1)));
    }
  return TRUE;
}

/* The languages of the project that the default code names exist in. */
static GStrv
default_code_languages (EvkStore  *store,
                        GError   **error)
{
  g_auto(GStrv) languages = evk_store_get_languages (store, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (languages == NULL)
    return NULL;
  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (languages[i], "nb") || g_str_equal (languages[i], "en"))
      g_strv_builder_add (builder, languages[i]);
  return g_strv_builder_end (builder);
}

/* A project's code list starts as the three codes the findings know; the
 * names are report text, so they live in the project's languages. */
static gboolean
create_default_codes (ImportContext  *ctx,
                      EvkStore       *store,
                      GError        **error)
{
  static const struct { const char *key, *nb, *en; } defaults[] = {
    { EVK_DOCUMENTS_CODE_ASSIGNMENT, "Oppdrag", "Assignment" },
    { EVK_DOCUMENTS_CODE_REPORTED, "Rapportert", "Reported" },
    { EVK_DOCUMENTS_CODE_MENTIONED, "Omtalt", "Mentioned" },
  };
  g_auto(GStrv) languages = default_code_languages (store, error);

  if (languages == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      EvkDocumentsCode *code;
      sqlite3_stmt *stmt;
      gint64 id;

      stmt = evk_store_prepare (store,
                                "INSERT INTO term (vocab, key, position) VALUES ('code', ?1, ?2)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, defaults[i].key);
      evk_stmt_bind_int (stmt, 2, i);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (evk_store_get_db (store));

      code = add_code (ctx->sheet, defaults[i].key);
      evk_localized_set (code->name, "nb", defaults[i].nb);
      evk_localized_set (code->name, "en", defaults[i].en);
      g_hash_table_insert (ctx->code_ids, g_strdup (code->key), GSIZE_TO_POINTER (id));

      /* A project without languages has no strategy either: the names wait
       * until it gets one. */
      if (languages[0] != NULL &&
          !evk_store_replace_texts (store, "term", id, "name", code->name,
                                    (const char * const *) languages, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_documents (ImportContext  *ctx,
                EvkStore       *store,
                GError        **error)
{
  g_autoptr(GHashTable) document_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  EvkDocuments *documents = ctx->sheet;
  sqlite3_stmt *stmt;

  /* Replace, not merge: the sheet is all the documents. */
  if (!evk_store_exec (store, "DELETE FROM coding; DELETE FROM document;", error))
    return FALSE;

  for (guint i = 0; i < documents->documents->len; i++)
    {
      EvkDocument *document = g_ptr_array_index (documents->documents, i);

      stmt = evk_store_prepare (store,
                                "INSERT INTO document (key, title, type, issuer, recipient, year) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, document->key);
      evk_stmt_bind_text (stmt, 2, document->title);
      evk_stmt_bind_text (stmt, 3, evk_document_type_to_string (document->type));
      evk_stmt_bind_text (stmt, 4, document->issuer);
      evk_stmt_bind_text (stmt, 5, document->recipient);
      evk_stmt_bind_int (stmt, 6, document->year);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      g_hash_table_insert (document_ids, document,
                           GSIZE_TO_POINTER (sqlite3_last_insert_rowid (evk_store_get_db (store))));
    }

  for (guint i = 0; i < documents->codings->len; i++)
    {
      EvkCoding *coding = g_ptr_array_index (documents->codings, i);

      stmt = evk_store_prepare (store,
                                "INSERT INTO coding (document_id, measure_id, code_id, page, excerpt) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, GPOINTER_TO_SIZE (g_hash_table_lookup (document_ids,
                                                                         coding->document)));
      evk_stmt_bind_int (stmt, 2, GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->measure_ids,
                                                                         GUINT_TO_POINTER (coding->measure))));
      evk_stmt_bind_int (stmt, 3, GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->code_ids,
                                                                         coding->code)));
      if (coding->page > 0)
        evk_stmt_bind_int (stmt, 4, coding->page);
      evk_stmt_bind_text (stmt, 5, coding->excerpt);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The sheet is checked against the project inside the transaction, so the
 * codes and measures it is checked against are the ones it is saved with. */
static gboolean
import_in_transaction (EvkStore  *store,
                       gpointer   user_data,
                       GError   **error)
{
  ImportContext *ctx = user_data;

  if (!load_codes (store, ctx->sheet, ctx->code_ids, error) ||
      !load_measure_ids (store, ctx->measure_ids, error))
    return FALSE;
  if (ctx->sheet->codes->len == 0 && !create_default_codes (ctx, store, error))
    return FALSE;

  return read_sheet (ctx, error) && save_documents (ctx, store, error);
}

gboolean
evk_documents_import (EvkProject  *project,
                      const char  *path,
                      GError     **error)
{
  g_auto(ImportContext) ctx = { 0, };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ctx.path = path;
  ctx.display_name = g_filename_display_basename (path);
  ctx.sheet = evk_documents_new ();
  ctx.code_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.measure_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.by_key = g_hash_table_new (g_str_hash, g_str_equal);

  if (!evk_store_transaction (evk_project_get_store (project), import_in_transaction, &ctx,
                              &local_error))
    {
      /* Sheet errors carry the file name already; store errors do not. */
      if (local_error->domain == EVK_IMPORT_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                    ctx.display_name);
      return FALSE;
    }

  g_signal_emit_by_name (project, "changed", "documents");
  return TRUE;
}

/* Export */

/* RFC 4180 quoting, only where needed, so a sheet that went through
 * import and export unchanged comes out as it went in. */
static void
append_field (GString    *out,
              const char *field,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_document (GString     *out,
                 EvkDocument *document)
{
  g_autofree char *year = g_strdup_printf ("%d", document->year);

  append_field (out, document->key, TRUE);
  append_field (out, document->title, FALSE);
  append_field (out, evk_document_type_to_string (document->type), FALSE);
  append_field (out, document->issuer, FALSE);
  append_field (out, document->recipient, FALSE);
  append_field (out, year, FALSE);
}

gboolean
evk_documents_export (EvkProject  *project,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(EvkDocuments) documents = NULL;
  g_autoptr(GHashTable) codings_of = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);

  documents = evk_documents_load (evk_project_get_store (project), error);
  if (documents == NULL)
    return FALSE;

  codings_of = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < documents->codings->len; i++)
    {
      EvkCoding *coding = g_ptr_array_index (documents->codings, i);
      GPtrArray *list = g_hash_table_lookup (codings_of, coding->document);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (codings_of, coding->document, list);
        }
      g_ptr_array_add (list, coding);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    append_field (out, column_names[c], c == 0);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < documents->documents->len; i++)
    {
      EvkDocument *document = g_ptr_array_index (documents->documents, i);
      GPtrArray *list = g_hash_table_lookup (codings_of, document);

      if (list == NULL)
        {
          append_document (out, document);
          g_string_append (out, ",,,,\n");
          continue;
        }
      for (guint j = 0; j < list->len; j++)
        {
          EvkCoding *coding = g_ptr_array_index (list, j);
          g_autofree char *measure = g_strdup_printf ("%u", coding->measure);
          g_autofree char *page = coding->page > 0 ? g_strdup_printf ("%d", coding->page) : NULL;

          append_document (out, document);
          append_field (out, measure, FALSE);
          append_field (out, coding->code, FALSE);
          append_field (out, page, FALSE);
          append_field (out, coding->excerpt, FALSE);
          g_string_append_c (out, '\n');
        }
    }

  if (!g_file_set_contents (path, out->str, out->len, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
