/* evk-table.c: a computed table: what a chart draws and `evalkit table` prints
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-stats.h"
#include "evk-table.h"
#include "evk-words.h"

static void
entry_free (EvkTableEntry *entry)
{
  g_free (entry->key);
  g_free (entry->colour);
  g_clear_pointer (&entry->label, g_hash_table_unref);
  g_free (entry);
}

static GPtrArray *
new_entries (guint n)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  for (guint i = 0; i < n; i++)
    {
      EvkTableEntry *entry = g_new0 (EvkTableEntry, 1);
      entry->label = evk_localized_new ();
      entry->value = NAN;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

EvkTable *
evk_table_new (const char *kind,
               guint       n_rows,
               guint       n_columns)
{
  EvkTable *table = g_new0 (EvkTable, 1);

  table->kind = g_strdup (kind);
  table->title = evk_localized_new ();
  table->base_label = evk_localized_new ();
  table->group_label = evk_localized_new ();
  table->weighting_label = evk_localized_new ();
  table->rows = new_entries (n_rows);
  table->columns = new_entries (n_columns);
  table->cells = g_new0 (EvkCell, MAX ((gsize) n_rows * n_columns, 1));
  for (gsize i = 0; i < (gsize) n_rows * n_columns; i++)
    table->cells[i].share = NAN;
  table->small_cell = 5;
  return table;
}

void
evk_table_free (EvkTable *table)
{
  if (table == NULL)
    return;
  g_free (table->kind);
  g_clear_pointer (&table->title, g_hash_table_unref);
  g_clear_pointer (&table->base_label, g_hash_table_unref);
  g_clear_pointer (&table->group_label, g_hash_table_unref);
  g_clear_pointer (&table->weighting_label, g_hash_table_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_free (table->cells);
  g_free (table);
}

EvkTableEntry *
evk_table_row (EvkTable *table,
               guint     row)
{
  g_return_val_if_fail (row < table->rows->len, NULL);
  return g_ptr_array_index (table->rows, row);
}

EvkTableEntry *
evk_table_column (EvkTable *table,
                  guint     column)
{
  g_return_val_if_fail (column < table->columns->len, NULL);
  return g_ptr_array_index (table->columns, column);
}

EvkCell *
evk_table_cell (EvkTable *table,
                guint     row,
                guint     column)
{
  g_return_val_if_fail (row < table->rows->len && column < table->columns->len, NULL);
  return &table->cells[(gsize) row * table->columns->len + column];
}

static int
find_entry (GPtrArray  *entries,
            const char *key)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((EvkTableEntry *) g_ptr_array_index (entries, i))->key, key) == 0)
      return i;
  return -1;
}

int
evk_table_find_row (EvkTable   *table,
                    const char *key)
{
  return find_entry (table->rows, key);
}

int
evk_table_find_column (EvkTable   *table,
                       const char *key)
{
  return find_entry (table->columns, key);
}

gboolean
evk_table_is_small (EvkTable      *table,
                    const EvkCell *cell)
{
  return cell->suppressed || (cell->n > 0 && cell->n < table->small_cell);
}

gboolean
evk_table_columns_have_bases (EvkTable *table)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      EvkTableEntry *column = evk_table_column (table, c);

      if (column->n_base > 0 && column->role != EVK_ENTRY_TOTAL)
        return TRUE;
    }
  return FALSE;
}

double
evk_table_row_base (EvkTable *table,
                    guint     row)
{
  EvkTableEntry *entry = evk_table_row (table, row);

  if (entry->n_base > 0)
    return entry->n_base;
  return evk_table_columns_have_bases (table) ? NAN : table->n_base;
}

gboolean
evk_table_has_flagged_cells (EvkTable *table)
{
  gsize n_cells = (gsize) table->rows->len * table->columns->len;

  for (gsize k = 0; k < n_cells; k++)
    if (!table->cells[k].suppressed && evk_table_is_small (table, &table->cells[k]))
      return TRUE;
  return FALSE;
}

void
evk_table_remove_row (EvkTable *table,
                      guint     row)
{
  guint m = table->columns->len;

  g_return_if_fail (row < table->rows->len);
  memmove (&table->cells[(gsize) row * m], &table->cells[(gsize) (row + 1) * m],
           (gsize) (table->rows->len - row - 1) * m * sizeof (EvkCell));
  g_ptr_array_remove_index (table->rows, row);
}

void
evk_table_remove_column (EvkTable *table,
                         guint     column)
{
  guint n = table->rows->len, m = table->columns->len;
  guint k = 0;

  g_return_if_fail (column < m);
  for (guint r = 0; r < n; r++)
    for (guint c = 0; c < m; c++)
      if (c != column)
        table->cells[k++] = table->cells[(gsize) r * m + c];
  g_ptr_array_remove_index (table->columns, column);
}

static const char *
label_of (EvkTableEntry *entry,
          const char    *lang)
{
  const char *label = evk_localized_get (entry->label, lang);

  return label != NULL ? label : (entry->key != NULL ? entry->key : "");
}

void
evk_csv_append_field (GString    *out,
                      const char *text)
{
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_number (GString *out,
            double   value,
            int      decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : "%.4f", value));
}

/* The sign a suppressed cell prints as, and the note under a table with
 * small cells (flagged or suppressed), in the report's words. */
static const char *
suppressed_sign (const char *lang)
{
  const char *sign = evk_word ("Chart", "Suppressed", lang);

  return sign != NULL ? sign : ":";
}

char *
evk_table_disclosure_note (EvkTable   *table,
                           const char *lang)
{
  gsize n_cells = (gsize) table->rows->len * table->columns->len;
  gboolean suppressed = FALSE, flagged = FALSE;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *threshold = g_strdup_printf ("%u", table->small_cell);

  for (gsize k = 0; k < n_cells; k++)
    {
      suppressed |= table->cells[k].suppressed;
      flagged |= !table->cells[k].suppressed && evk_table_is_small (table, &table->cells[k]);
    }
  if (suppressed)
    g_string_append (note, evk_word ("Chart", "SuppressedCells", lang)
                             ?: ": Fewer than {n} responses: not shown");
  if (flagged)
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append (note, evk_word ("Chart", "SmallCells", lang)
                               ?: "† Fewer than {n} responses: interpret with care");
    }
  if (note->len == 0)
    return NULL;
  g_string_replace (note, "{n}", threshold, 0);
  return g_string_free (g_steal_pointer (&note), FALSE);
}

char *
evk_table_flags_of_row (EvkTable   *table,
                        guint       row,
                        const char *lang)
{
  g_autoptr(GString) flags = g_string_new (NULL);

  for (guint c = 0; c < table->columns->len; c++)
    {
      EvkCell *cell = evk_table_cell (table, row, c);

      if (!cell->suppressed && evk_table_is_small (table, cell))
        g_string_append_printf (flags, "%s† %s", flags->len > 0 ? "; " : "",
                                label_of (evk_table_column (table, c), lang));
    }
  return flags->len > 0 ? g_string_free (g_steal_pointer (&flags), FALSE) : NULL;
}

char *
evk_table_to_csv (EvkTable   *table,
                  const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *n_word = evk_word ("Stats", "N", lang);
  const char *share_word = evk_word ("Stats", "Share", lang);
  const char *base_word = evk_word ("Stats", "Base", lang);
  const char *title = evk_localized_get (table->title, lang);
  g_autofree char *description = evk_table_describe (table, lang);
  gboolean flagged = evk_table_has_flagged_cells (table);
  g_autofree char *note = evk_table_disclosure_note (table, lang);

  /* Above the numbers: what they are of, in the words the chart prints. */
  if (title != NULL && *title != '\0')
    {
      evk_csv_append_field (out, title);
      g_string_append (out, "\r\n");
    }
  evk_csv_append_field (out, description);
  g_string_append (out, "\r\n");
  evk_csv_append_field (out, "");
  for (guint c = 0; c < table->columns->len; c++)
    {
      g_autofree char *n_header = g_strdup_printf ("%s (%s)", label_of (evk_table_column (table, c), lang),
                                                   n_word != NULL ? n_word : "n");
      g_autofree char *share_header = g_strdup_printf ("%s (%s)", label_of (evk_table_column (table, c), lang),
                                                       share_word != NULL ? share_word : "%");
      g_string_append_c (out, ',');
      evk_csv_append_field (out, n_header);
      g_string_append_c (out, ',');
      evk_csv_append_field (out, share_header);
    }
  g_string_append_c (out, ',');
  evk_csv_append_field (out, base_word != NULL ? base_word : "base");
  /* Flagged cells keep their numbers: a last column says which. */
  if (flagged)
    g_string_append (out, ",†");
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      EvkTableEntry *row = evk_table_row (table, r);

      evk_csv_append_field (out, label_of (row, lang));
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);

          g_string_append_c (out, ',');
          if (cell->suppressed)
            {
              evk_csv_append_field (out, suppressed_sign (lang));
              g_string_append_c (out, ',');
              evk_csv_append_field (out, suppressed_sign (lang));
              continue;
            }
          /* A cell with no count (a register share) prints none. */
          csv_number (out, isnan (cell->count) ? NAN : table->weighted ? cell->count : cell->n,
                      table->weighted ? 4 : 0);
          g_string_append_c (out, ',');
          csv_number (out, cell->share, 4);
        }
      g_string_append_c (out, ',');
      csv_number (out, evk_table_row_base (table, r), 0);
      if (flagged)
        {
          g_autofree char *flags = evk_table_flags_of_row (table, r, lang);

          g_string_append_c (out, ',');
          evk_csv_append_field (out, flags != NULL ? flags : "");
        }
      g_string_append (out, "\r\n");
    }
  if (evk_table_columns_have_bases (table))
    {
      /* Groups side by side (a crosstab) each have their own base. */
      evk_csv_append_field (out, base_word != NULL ? base_word : "base");
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_string_append_c (out, ',');
          csv_number (out, evk_table_column (table, c)->n_base, 0);
          g_string_append_c (out, ',');
        }
      g_string_append (out, flagged ? ",,\r\n" : ",\r\n");
    }
  if (note != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          evk_csv_append_field (out, lines[i]);
          g_string_append (out, "\r\n");
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
evk_json_append_string (GString    *out,
                        const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_number (GString *out,
             double   value)
{
  g_autofree char *text = NULL;

  if (isnan (value) || isinf (value))
    {
      g_string_append (out, "null");
      return;
    }
  /* The shortest text that reads back: 0.1, not 0.10000000000000001. */
  text = evk_value_to_string (value);
  g_string_append (out, text);
}

static void
json_entries (GString    *out,
              GPtrArray  *entries,
              const char *lang)
{
  static const char * const roles[] = { "value", "dont-know", "not-relevant", "total" };

  g_string_append_c (out, '[');
  for (guint i = 0; i < entries->len; i++)
    {
      EvkTableEntry *entry = g_ptr_array_index (entries, i);

      g_string_append (out, i > 0 ? ", {" : "{");
      g_string_append (out, "\"key\": ");
      evk_json_append_string (out, entry->key != NULL ? entry->key : "");
      g_string_append (out, ", \"label\": ");
      evk_json_append_string (out, label_of (entry, lang));
      g_string_append (out, ", \"role\": ");
      evk_json_append_string (out, roles[entry->role]);
      if (!isnan (entry->value))
        {
          g_string_append (out, ", \"value\": ");
          json_number (out, entry->value);
        }
      if (entry->n_base > 0)
        {
          g_string_append (out, ", \"n_base\": ");
          json_number (out, entry->n_base);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

char *
evk_table_to_json (EvkTable   *table,
                   const char *lang)
{
  g_autoptr(GString) out = g_string_new ("{\"kind\": ");
  const char *title = evk_localized_get (table->title, lang);
  const char *base = evk_localized_get (table->base_label, lang);

  evk_json_append_string (out, table->kind);
  g_string_append (out, ", \"language\": ");
  evk_json_append_string (out, lang);
  g_string_append (out, ", \"title\": ");
  evk_json_append_string (out, title != NULL ? title : "");
  g_string_append (out, ", \"base\": ");
  evk_json_append_string (out, base != NULL ? base : "");
  g_string_append (out, ", \"group\": ");
  evk_json_append_string (out, evk_table_group_name (table, lang) ?: "");
  g_string_append (out, ", \"n_base\": ");
  json_number (out, table->n_base);
  g_string_append (out, ", \"weighted\": ");
  g_string_append (out, table->weighted ? "true" : "false");
  g_string_append (out, ",\n \"rows\": ");
  json_entries (out, table->rows, lang);
  g_string_append (out, ",\n \"columns\": ");
  json_entries (out, table->columns, lang);
  g_string_append (out, ",\n \"cells\": [");
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_string_append (out, r > 0 ? ",\n  [" : "\n  [");
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);

          g_string_append (out, c > 0 ? ", {\"n\": " : "{\"n\": ");
          json_number (out, isnan (cell->count) ? NAN : cell->n);
          g_string_append (out, ", \"count\": ");
          json_number (out, cell->count);
          g_string_append (out, ", \"share\": ");
          json_number (out, cell->share);
          if (evk_table_is_small (table, cell))
            g_string_append (out, ", \"small\": true");
          if (cell->suppressed)
            g_string_append (out, ", \"suppressed\": true");
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
