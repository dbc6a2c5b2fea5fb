/* evk-disclosure.c: small cells suppressed so that no one can be singled out
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <math.h>

#include "evk-disclosure.h"

static void
suppress_cell (EvkCell *cell)
{
  cell->n = 0;
  cell->count = NAN;
  cell->share = NAN;
  cell->suppressed = TRUE;
}

static int
find_total (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    if (((EvkTableEntry *) g_ptr_array_index (entries, i))->role == EVK_ENTRY_TOTAL)
      return i;
  return -1;
}

/* One row (is_row) or column of the table as a line of cells that may add
 * up to its total. */
typedef struct {
  EvkTable     *table;
  const guint  *n;       /* the counts as computed, before suppression */
  gboolean      is_row;
  guint         index;
  int           total;   /* the total entry across the line, or -1 */
} Line;

static guint
line_length (Line *line)
{
  return line->is_row ? line->table->columns->len : line->table->rows->len;
}

static gsize
line_cell (Line  *line,
           guint  i)
{
  guint m = line->table->columns->len;

  return line->is_row ? (gsize) line->index * m + i : (gsize) i * m + line->index;
}

/* The total the table shows for the line: its cell in the total row or
 * column, else its own base, else the table's. */
static guint
line_total (Line *line)
{
  EvkTableEntry *entry = line->is_row ? evk_table_row (line->table, line->index)
                                      : evk_table_column (line->table, line->index);

  if (line->total >= 0)
    {
      gsize k = line_cell (line, line->total);

      /* A suppressed total is no total to subtract from. */
      return line->table->cells[k].suppressed ? 0 : line->n[k];
    }
  return entry->n_base > 0 ? entry->n_base : line->table->n_base;
}

/* Whether the counts of the line's cells add up to its total: only then
 * does one suppressed count follow from the others. Register shares (no
 * count) add up to nothing. */
static gboolean
line_is_additive (Line *line)
{
  guint64 sum = 0;
  guint total = line_total (line);

  if (total == 0)
    return FALSE;
  for (guint i = 0; i < line_length (line); i++)
    {
      gsize k = line_cell (line, i);

      if ((int) i == line->total)
        continue;
      if (isnan (line->table->cells[k].count) && !line->table->cells[k].suppressed)
        return FALSE;
      sum += line->n[k];
    }
  return sum == total;
}

/* One pass of secondary suppression over a line; TRUE when it suppressed
 * a cell. */
static gboolean
protect_line (Line *line)
{
  guint n_suppressed = 0;
  gssize pick = -1;

  for (guint i = 0; i < line_length (line); i++)
    {
      gsize k = line_cell (line, i);
      EvkCell *cell = &line->table->cells[k];

      if ((int) i == line->total)
        continue;
      if (cell->suppressed)
        {
          n_suppressed++;
          continue;
        }
      /* The next-smallest count; an empty cell only when no other is
       * left, since a zero tells less. */
      if (pick < 0 || (line->n[pick] == 0 && line->n[k] > 0) ||
          (line->n[k] > 0 && line->n[k] < line->n[pick]))
        pick = k;
    }
  if (n_suppressed != 1 || pick < 0 || !line_is_additive (line))
    return FALSE;
  suppress_cell (&line->table->cells[pick]);
  return TRUE;
}

guint
evk_table_suppress (EvkTable *table)
{
  guint n_rows = table->rows->len, n_columns = table->columns->len;
  gsize n_cells = (gsize) n_rows * n_columns;
  g_autofree guint *n = g_new0 (guint, MAX (n_cells, 1));
  int total_row = find_total (table->rows), total_column = find_total (table->columns);
  guint n_suppressed = 0;
  gboolean changed;

  g_return_val_if_fail (table != NULL, 0);

  for (gsize k = 0; k < n_cells; k++)
    {
      n[k] = table->cells[k].n;
      if (!table->cells[k].suppressed && evk_table_is_small (table, &table->cells[k]))
        suppress_cell (&table->cells[k]);
    }

  /* Each pass suppresses at least one more cell, so this ends. */
  do
    {
      changed = FALSE;
      for (guint r = 0; r < n_rows; r++)
        {
          Line line = { table, n, TRUE, r, total_column };

          if ((int) r != total_row)
            changed |= protect_line (&line);
        }
      for (guint c = 0; c < n_columns; c++)
        {
          Line line = { table, n, FALSE, c, total_row };

          if ((int) c != total_column)
            changed |= protect_line (&line);
        }
    }
  while (changed);

  for (gsize k = 0; k < n_cells; k++)
    n_suppressed += table->cells[k].suppressed;
  return n_suppressed;
}

void
evk_table_apply_disclosure (EvkTable          *table,
                            EvkDisclosureMode  mode)
{
  g_return_if_fail (table != NULL);

  if (mode == EVK_DISCLOSURE_SUPPRESS)
    evk_table_suppress (table);
}
