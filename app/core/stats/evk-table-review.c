/* evk-table-review.c: a table as a review copy keeps it, small cells suppressed
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-json.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-table-review.h"

/* More rows or columns than any chart draws: a crafted copy cannot make a
 * table allocate more than its JSON holds anyway, this only keeps the
 * product of the two in reach. */
#define MAX_ENTRIES 100000
#define MAX_CELLS   10000000

static const char * const roles[] = { "value", "dont-know", "not-relevant", "total" };

static void
number (GString *out,
        double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
string_or_null (GString    *out,
                const char *text)
{
  if (text == NULL)
    g_string_append (out, "null");
  else
    evk_json_append_string (out, text);
}

static void
entries_to_json (GString    *out,
                 GPtrArray  *entries,
                 const char *lang)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < entries->len; i++)
    {
      EvkTableEntry *e = g_ptr_array_index (entries, i);

      g_string_append (out, i > 0 ? ",\n  {\"key\": " : "\n  {\"key\": ");
      string_or_null (out, e->key);
      g_string_append (out, ", \"label\": ");
      string_or_null (out, evk_localized_get (e->label, lang));
      g_string_append (out, ", \"role\": ");
      evk_json_append_string (out, roles[e->role]);
      g_string_append (out, ", \"value\": ");
      number (out, e->value);
      g_string_append (out, ", \"base\": ");
      number (out, e->base);
      g_string_append_printf (out, ", \"n_base\": %u, \"colour\": ", e->n_base);
      string_or_null (out, e->colour);
      g_string_append_printf (out, ", \"completed\": %s}", e->completed ? "true" : "false");
    }
  g_string_append_c (out, ']');
}

char *
evk_table_to_review_json (EvkTable   *table,
                          const char *lang)
{
  g_autoptr(GString) out = g_string_new ("{\"kind\": ");

  g_return_val_if_fail (table != NULL && lang != NULL, NULL);

  evk_json_append_string (out, table->kind);
  g_string_append (out, ", \"language\": ");
  evk_json_append_string (out, lang);
  g_string_append (out, ", \"title\": ");
  string_or_null (out, evk_localized_get (table->title, lang));
  g_string_append (out, ", \"base_label\": ");
  string_or_null (out, evk_localized_get (table->base_label, lang));
  g_string_append (out, ", \"group_label\": ");
  string_or_null (out, evk_localized_get (table->group_label, lang));
  g_string_append (out, ", \"weighting_label\": ");
  string_or_null (out, evk_localized_get (table->weighting_label, lang));
  g_string_append (out, ", \"base\": ");
  number (out, table->base);
  g_string_append_printf (out, ", \"n_base\": %u, \"small_cell\": %u, \"weighted\": %s,\n \"rows\": ",
                          table->n_base, table->small_cell, table->weighted ? "true" : "false");
  entries_to_json (out, table->rows, lang);
  g_string_append (out, ",\n \"columns\": ");
  entries_to_json (out, table->columns, lang);
  g_string_append (out, ",\n \"cells\": [");
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_string_append (out, r > 0 ? ",\n  [" : "\n  [");
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);

          if (c > 0)
            g_string_append (out, ", ");
          if (cell->suppressed)
            {
              g_string_append (out, "{\"suppressed\": true}");
              continue;
            }
          g_string_append_printf (out, "{\"n\": %u, \"count\": ", cell->n);
          number (out, cell->count);
          g_string_append (out, ", \"share\": ");
          number (out, cell->share);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
shape_error (GError     **error,
             const char  *what)
{
  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
               _("a stored table is damaged (%s)"), what);
  return FALSE;
}

/* A count as the tables keep it: a whole number from 0 to G_MAXUINT. */
static gboolean
get_count (const EvkJson *node,
           guint         *out)
{
  double value = evk_json_number (node);

  if (!(value >= 0 && value <= G_MAXUINT) || value != floor (value))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* A number, or null for NaN; FALSE for anything else. */
static gboolean
get_number (const EvkJson *node,
            double        *out)
{
  if (evk_json_get_type (node) == EVK_JSON_NULL)
    {
      *out = NAN;
      return TRUE;
    }
  if (evk_json_get_type (node) != EVK_JSON_NUMBER)
    return FALSE;
  *out = evk_json_number (node);
  return TRUE;
}

static gboolean
set_text (GHashTable    *localized,
          const char    *lang,
          const EvkJson *node)
{
  if (evk_json_get_type (node) == EVK_JSON_NULL)
    return TRUE;
  if (evk_json_get_type (node) != EVK_JSON_STRING)
    return FALSE;
  evk_localized_set (localized, lang, evk_json_string (node));
  return TRUE;
}

static gboolean
read_entries (GPtrArray      *entries,
              const EvkJson  *array,
              const char     *lang,
              GError        **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      EvkTableEntry *e = g_ptr_array_index (entries, i);
      const EvkJson *node = evk_json_element (array, i);
      const EvkJson *key = evk_json_member (node, "key");
      const EvkJson *colour = evk_json_member (node, "colour");
      const char *role = evk_json_string (evk_json_member (node, "role"));
      gboolean known_role = FALSE;

      if (evk_json_get_type (node) != EVK_JSON_OBJECT)
        return shape_error (error, "an entry is not an object");
      for (guint k = 0; role != NULL && k < G_N_ELEMENTS (roles); k++)
        if (g_str_equal (role, roles[k]))
          {
            e->role = k;
            known_role = TRUE;
          }
      if (!known_role ||
          (evk_json_get_type (key) != EVK_JSON_NULL && evk_json_get_type (key) != EVK_JSON_STRING) ||
          (evk_json_get_type (colour) != EVK_JSON_NULL && evk_json_get_type (colour) != EVK_JSON_STRING) ||
          !set_text (e->label, lang, evk_json_member (node, "label")) ||
          !get_number (evk_json_member (node, "value"), &e->value) ||
          !get_number (evk_json_member (node, "base"), &e->base) ||
          !get_count (evk_json_member (node, "n_base"), &e->n_base))
        return shape_error (error, "an entry's fields");
      e->key = g_strdup (evk_json_string (key));
      e->colour = g_strdup (evk_json_string (colour));
      e->completed = evk_json_boolean (evk_json_member (node, "completed"));
    }
  return TRUE;
}

EvkTable *
evk_table_from_review_json (const char  *json,
                            const char  *lang,
                            GError     **error)
{
  g_autoptr(EvkJson) root = NULL;
  g_autoptr(EvkTable) table = NULL;
  const EvkJson *rows, *columns, *cells;
  const char *kind;
  guint n_rows, n_columns;

  g_return_val_if_fail (json != NULL && lang != NULL, NULL);

  if ((root = evk_json_parse (json, -1, error)) == NULL)
    return NULL;
  rows = evk_json_member (root, "rows");
  columns = evk_json_member (root, "columns");
  cells = evk_json_member (root, "cells");
  kind = evk_json_string (evk_json_member (root, "kind"));
  n_rows = evk_json_length (rows);
  n_columns = evk_json_length (columns);
  if (kind == NULL || evk_json_get_type (rows) != EVK_JSON_ARRAY || evk_json_get_type (columns) != EVK_JSON_ARRAY ||
      n_rows > MAX_ENTRIES || n_columns > MAX_ENTRIES || (guint64) n_rows * n_columns > MAX_CELLS ||
      evk_json_get_type (cells) != EVK_JSON_ARRAY || evk_json_length (cells) != n_rows)
    return shape_error (error, "no kind, rows, columns or cells"), NULL;

  table = evk_table_new (kind, n_rows, n_columns);
  if (!set_text (table->title, lang, evk_json_member (root, "title")) ||
      !set_text (table->base_label, lang, evk_json_member (root, "base_label")) ||
      !set_text (table->group_label, lang, evk_json_member (root, "group_label")) ||
      !set_text (table->weighting_label, lang, evk_json_member (root, "weighting_label")) ||
      !get_number (evk_json_member (root, "base"), &table->base) ||
      !get_count (evk_json_member (root, "n_base"), &table->n_base) ||
      !get_count (evk_json_member (root, "small_cell"), &table->small_cell))
    return shape_error (error, "the table's fields"), NULL;
  table->weighted = evk_json_boolean (evk_json_member (root, "weighted"));
  if (!read_entries (table->rows, rows, lang, error) || !read_entries (table->columns, columns, lang, error))
    return NULL;

  for (guint r = 0; r < n_rows; r++)
    {
      const EvkJson *row = evk_json_element (cells, r);

      if (evk_json_length (row) != n_columns || evk_json_get_type (row) != EVK_JSON_ARRAY)
        return shape_error (error, "a row of cells"), NULL;
      for (guint c = 0; c < n_columns; c++)
        {
          const EvkJson *node = evk_json_element (row, c);
          EvkCell *cell = evk_table_cell (table, r, c);

          if (evk_json_get_type (node) != EVK_JSON_OBJECT)
            return shape_error (error, "a cell"), NULL;
          if (evk_json_boolean (evk_json_member (node, "suppressed")))
            {
              cell->n = 0;
              cell->count = NAN;
              cell->share = NAN;
              cell->suppressed = TRUE;
              continue;
            }
          if (!get_count (evk_json_member (node, "n"), &cell->n) ||
              !get_number (evk_json_member (node, "count"), &cell->count) ||
              !get_number (evk_json_member (node, "share"), &cell->share))
            return shape_error (error, "a cell"), NULL;
          /* A count below the threshold never leaves the evaluator's
           * file: a copy that has one was not made by Evalkit. */
          if (evk_table_is_small (table, cell))
            return shape_error (error, "a small cell that is not suppressed"), NULL;
        }
    }
  return g_steal_pointer (&table);
}

static gboolean
same_entries (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (((EvkTableEntry *) g_ptr_array_index (a, i))->key,
                   ((EvkTableEntry *) g_ptr_array_index (b, i))->key) != 0)
      return FALSE;
  return TRUE;
}

static void
copy_label (GHashTable *into,
            GHashTable *from,
            const char *lang)
{
  const char *text = evk_localized_get (from, lang);

  if (text != NULL)
    evk_localized_set (into, lang, text);
}

gboolean
evk_table_add_review_texts (EvkTable   *table,
                            EvkTable   *other,
                            const char *lang)
{
  if (g_strcmp0 (table->kind, other->kind) != 0 || !same_entries (table->rows, other->rows) ||
      !same_entries (table->columns, other->columns))
    return FALSE;
  copy_label (table->title, other->title, lang);
  copy_label (table->base_label, other->base_label, lang);
  copy_label (table->group_label, other->group_label, lang);
  copy_label (table->weighting_label, other->weighting_label, lang);
  for (guint i = 0; i < table->rows->len; i++)
    copy_label (evk_table_row (table, i)->label, evk_table_row (other, i)->label, lang);
  for (guint i = 0; i < table->columns->len; i++)
    copy_label (evk_table_column (table, i)->label, evk_table_column (other, i)->label, lang);
  return TRUE;
}
