/* fuzz-review-table.c: the tables a review copy carries, as JSON
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review copy travels to people outside the evaluation and comes back:
 * its review_table rows are untrusted. evk_table_from_review_json either
 * refuses the input or gives a table that holds together (every cell
 * there, no small cell with a number), and writing that table and reading
 * it again gives the same JSON (a fixpoint). The JSON reader itself is
 * reached with everything the table reader does not look at.
 */
#include "config.h"

#include <math.h>

#include "evk-json.h"
#include "evk-table-review.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  evk_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkJson) json = evk_json_parse ((const char *) data, size, &error);
  g_autofree char *text = NULL;
  g_autoptr(EvkTable) table = NULL;

  if (json == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  /* A NUL ends a string the table reader is given: the reader saw all of
   * the input only when there is none. */
  text = evk_fuzz_string (data, size);
  table = evk_table_from_review_json (text, "nb", &error);
  if (table == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  for (gsize i = 0; i < (gsize) table->rows->len * table->columns->len; i++)
    {
      EvkCell *cell = &table->cells[i];

      g_assert_true (!cell->suppressed || (cell->n == 0 && isnan (cell->share) && isnan (cell->count)));
      g_assert_true (cell->suppressed || !evk_table_is_small (table, cell));
    }
  {
    g_autofree char *once = evk_table_to_review_json (table, "nb");
    g_autoptr(EvkTable) again = evk_table_from_review_json (once, "nb", &error);
    g_autofree char *twice = NULL;

    g_assert_no_error (error);
    twice = evk_table_to_review_json (again, "nb");
    g_assert_cmpstr (once, ==, twice);
  }
  return 0;
}
