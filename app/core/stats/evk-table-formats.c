/* evk-table-formats.c: what a table shows in words, and the table for the clipboard
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-format.h"
#include "evk-localized.h"
#include "evk-table.h"
#include "evk-words.h"

const char *
evk_table_group_name (EvkTable   *table,
                      const char *lang)
{
  const char *name = evk_localized_get (table->group_label, lang);

  if (name == NULL)
    name = evk_localized_get (table->group_label, "und");
  return name != NULL && *name != '\0' ? name : NULL;
}

const char *
evk_table_weighting_text (EvkTable   *table,
                          const char *lang)
{
  const char *text;

  if (!table->weighted)
    return NULL;
  text = evk_localized_get (table->weighting_label, lang);
  if (text == NULL || *text == '\0')
    text = evk_word ("Chart", "Weighted", lang) ?: "Weighted";
  return text;
}

/* The N of every part that has its own base (the groups of a crosstab, the
 * items of a grid), else the table's: "35", "206/35", "197–206". */
static char *
describe_n (EvkTable   *table,
            const char *lang)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *parts[2] = { table->columns, table->rows };
  guint lo = G_MAXUINT, hi = 0;
  gboolean same = TRUE;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (parts) && values->len == 0; k++)
    for (guint i = 0; i < parts[k]->len; i++)
      {
        EvkTableEntry *entry = g_ptr_array_index (parts[k], i);

        if (entry->n_base > 0 && entry->role != EVK_ENTRY_TOTAL)
          g_array_append_val (values, entry->n_base);
      }
  if (values->len == 0)
    g_array_append_val (values, table->n_base);

  for (guint i = 0; i < values->len; i++)
    {
      guint v = g_array_index (values, guint, i);

      lo = MIN (lo, v);
      hi = MAX (hi, v);
      same = same && v == g_array_index (values, guint, 0);
    }
  if (same || values->len > 3)
    {
      g_autofree char *from = evk_format_number (lang, lo, 0);
      g_autofree char *to = evk_format_number (lang, hi, 0);

      return same ? g_steal_pointer (&from) : g_strdup_printf ("%s–%s", from, to);
    }
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *n = evk_format_number (lang, g_array_index (values, guint, i), 0);

      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, n);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
evk_table_describe (EvkTable   *table,
                    const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *group = evk_table_group_name (table, lang);
  const char *base = evk_localized_get (table->base_label, lang);
  g_autofree char *n = describe_n (table, lang);
  const char *separator = " · ";

  /* "N: 35" and "Gruppe: X" never part at a line end. */
  if (group != NULL)
    g_string_append_printf (out, "%s:\u00a0%s%s", evk_word ("Chart", "Group", lang) ?: "Group", group, separator);
  /* N counts respondents, never weights: a weighted table says so. */
  if (table->weighted)
    g_string_append_printf (out, "%s:\u00a0%s", evk_word ("Chart", "UnweightedN", lang) ?: "N (unweighted)", n);
  else
    g_string_append_printf (out, "%s:\u00a0%s", evk_word ("Chart", "N", lang) ?: "N", n);
  if (base != NULL && *base != '\0')
    g_string_append_printf (out, "%s%s: %s", separator, evk_word ("Chart", "Base", lang) ?: "Base", base);
  if (table->weighted)
    g_string_append_printf (out, "%s%s", separator, evk_table_weighting_text (table, lang));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
label_of (EvkTableEntry *entry,
          const char    *lang)
{
  const char *label = evk_localized_get (entry->label, lang);

  return label != NULL ? label : (entry->key != NULL ? entry->key : "");
}

/* A number a spreadsheet in lang reads as one: the language's decimal
 * mark, no grouping. */
static void
tsv_number (GString    *out,
            double      value,
            int         decimals,
            const char *lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *mark = evk_word ("Format", "DecimalMark", lang);
  g_autoptr(GString) text = NULL;

  if (isnan (value))
    return;
  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : "%.1f", value);
  text = g_string_new (buf);
  if (mark != NULL)
    g_string_replace (text, ".", mark, 1);
  g_string_append (out, text->str);
}

/* A field has no tab or line break of its own: they would move the cells. */
static void
tsv_field (GString    *out,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* The header cells: label, then per column its n and share, then the base. */
static GPtrArray *
header_cells (EvkTable   *table,
              const char *lang)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *n_word = evk_word ("Stats", "N", lang);
  const char *share_word = evk_word ("Stats", "Share", lang);
  const char *base_word = evk_word ("Stats", "Base", lang);

  g_ptr_array_add (cells, g_strdup (""));
  for (guint c = 0; c < table->columns->len; c++)
    {
      const char *label = label_of (evk_table_column (table, c), lang);

      g_ptr_array_add (cells, g_strdup_printf ("%s (%s)", label, n_word != NULL ? n_word : "n"));
      g_ptr_array_add (cells, g_strdup_printf ("%s (%s)", label, share_word != NULL ? share_word : "%"));
    }
  g_ptr_array_add (cells, g_strdup (base_word != NULL ? base_word : "base"));
  return cells;
}

static const char *
suppressed_sign (const char *lang)
{
  return evk_word ("Chart", "Suppressed", lang) ?: ":";
}

static double
cell_count (EvkTable *table,
            EvkCell  *cell)
{
  if (isnan (cell->count))
    return NAN;
  return table->weighted ? cell->count : cell->n;
}

char *
evk_table_to_tsv (EvkTable   *table,
                  const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) header = header_cells (table, lang);
  g_autofree char *description = evk_table_describe (table, lang);
  const char *title = evk_localized_get (table->title, lang);
  const char *base_word = evk_word ("Stats", "Base", lang);

  if (title != NULL && *title != '\0')
    {
      tsv_field (out, title);
      g_string_append_c (out, '\n');
    }
  tsv_field (out, description);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < header->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      tsv_field (out, g_ptr_array_index (header, i));
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < table->rows->len; r++)
    {
      tsv_field (out, label_of (evk_table_row (table, r), lang));
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);

          g_string_append_c (out, '\t');
          if (cell->suppressed)
            {
              /* A suppressed cell has no number here either. */
              g_string_append_printf (out, "%s\t%s", suppressed_sign (lang), suppressed_sign (lang));
              continue;
            }
          tsv_number (out, cell_count (table, cell), table->weighted ? 1 : 0, lang);
          g_string_append_c (out, '\t');
          tsv_number (out, cell->share, 1, lang);
        }
      g_string_append_c (out, '\t');
      tsv_number (out, evk_table_row_base (table, r), 0, lang);
      g_string_append_c (out, '\n');
    }
  if (evk_table_columns_have_bases (table))
    {
      tsv_field (out, base_word != NULL ? base_word : "base");
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_string_append_c (out, '\t');
          tsv_number (out, evk_table_column (table, c)->n_base, 0, lang);
          g_string_append_c (out, '\t');
        }
      g_string_append (out, "\t\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
html_text (GString    *out,
           const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
html_cell (GString    *out,
           const char *tag,
           const char *text,
           gboolean    numeric)
{
  g_string_append_printf (out, "<%s%s>", tag, numeric ? " style=\"text-align: right\"" : "");
  html_text (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

static char *
html_number (double      value,
             int         decimals,
             const char *lang)
{
  return isnan (value) ? g_strdup ("") : evk_format_number (lang, value, decimals);
}

char *
evk_table_to_html (EvkTable   *table,
                   const char *lang)
{
  g_autoptr(GString) out = g_string_new ("<meta charset=\"utf-8\"><table>");
  g_autoptr(GPtrArray) header = header_cells (table, lang);
  g_autofree char *description = evk_table_describe (table, lang);
  const char *title = evk_localized_get (table->title, lang);
  const char *base_word = evk_word ("Stats", "Base", lang);

  /* The caption carries the title and what the table shows, so a word
   * processor keeps them with the table. */
  g_string_append (out, "<caption>");
  if (title != NULL && *title != '\0')
    {
      g_string_append (out, "<b>");
      html_text (out, title);
      g_string_append (out, "</b><br>");
    }
  html_text (out, description);
  g_string_append (out, "</caption>\n<thead><tr>");
  for (guint i = 0; i < header->len; i++)
    html_cell (out, "th", g_ptr_array_index (header, i), i > 0);
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      g_autofree char *base = html_number (evk_table_row_base (table, r), 0, lang);

      g_string_append (out, "<tr>");
      html_cell (out, "th", label_of (evk_table_row (table, r), lang), FALSE);
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);
          g_autofree char *count = cell->suppressed ? g_strdup (suppressed_sign (lang))
                                                    : html_number (cell_count (table, cell), table->weighted ? 1 : 0, lang);
          g_autofree char *share = cell->suppressed ? g_strdup (suppressed_sign (lang))
                                                    : html_number (cell->share, 1, lang);

          html_cell (out, "td", count, TRUE);
          html_cell (out, "td", share, TRUE);
        }
      html_cell (out, "td", base, TRUE);
      g_string_append (out, "</tr>\n");
    }
  if (evk_table_columns_have_bases (table))
    {
      g_string_append (out, "<tr>");
      html_cell (out, "th", base_word != NULL ? base_word : "base", FALSE);
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *base = html_number (evk_table_column (table, c)->n_base, 0, lang);

          html_cell (out, "td", base, TRUE);
          html_cell (out, "td", "", TRUE);
        }
      html_cell (out, "td", "", TRUE);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
