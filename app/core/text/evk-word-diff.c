/* evk-word-diff.c: what changed between two texts, word by word
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-word-diff"

#include "config.h"

#include <string.h>

#include "evk-word-diff.h"

/* The comparison table's cells at most (16 MB of guint16s doubled): a
 * translator's text is a few hundred words. */
#define MAX_CELLS (4u * 1024u * 1024u)

void
evk_diff_piece_free (EvkDiffPiece *piece)
{
  if (piece == NULL)
    return;
  g_free (piece->text);
  g_free (piece);
}

/* Runs of white space and runs of anything else, as offsets into text. */
static GArray *
tokenize (const char *text)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;

  while (*p != '\0')
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));
      guint start = p - text;

      g_array_append_val (starts, start);
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)) == space)
        p = g_utf8_next_char (p);
    }
  {
    guint end = p - text;
    g_array_append_val (starts, end);   /* the end, as a last start */
  }
  return starts;
}

static gboolean
token_equal (const char *a, GArray *as, guint i,
             const char *b, GArray *bs, guint j)
{
  guint a_start = g_array_index (as, guint, i), a_len = g_array_index (as, guint, i + 1) - a_start;
  guint b_start = g_array_index (bs, guint, j), b_len = g_array_index (bs, guint, j + 1) - b_start;

  return a_len == b_len && memcmp (a + a_start, b + b_start, a_len) == 0;
}

static void
add_piece (GPtrArray  *pieces,
           EvkDiffOp   op,
           const char *text,
           gsize       len)
{
  EvkDiffPiece *last = pieces->len > 0 ? g_ptr_array_index (pieces, pieces->len - 1) : NULL;

  if (len == 0)
    return;
  if (last != NULL && last->op == op)
    {
      char *joined = g_strdup_printf ("%s%.*s", last->text, (int) len, text);
      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (EvkDiffPiece, 1);
  last->op = op;
  last->text = g_strndup (text, len);
  g_ptr_array_add (pieces, last);
}

static void
add_token (GPtrArray  *pieces,
           EvkDiffOp   op,
           const char *text,
           GArray     *starts,
           guint       i)
{
  guint start = g_array_index (starts, guint, i);

  add_piece (pieces, op, text + start, g_array_index (starts, guint, i + 1) - start);
}

GPtrArray *
evk_word_diff (const char *old_text,
               const char *new_text)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_diff_piece_free);
  const char *a = old_text != NULL ? old_text : "";
  const char *b = new_text != NULL ? new_text : "";
  g_autoptr(GArray) as = tokenize (a);
  g_autoptr(GArray) bs = tokenize (b);
  guint n = as->len - 1, m = bs->len - 1;
  guint prefix = 0, suffix = 0;
  g_autofree guint *table = NULL;
  guint rows, cols, i, j;

  /* What both begin and end with needs no table. */
  while (prefix < n && prefix < m && token_equal (a, as, prefix, b, bs, prefix))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         token_equal (a, as, n - 1 - suffix, b, bs, m - 1 - suffix))
    suffix++;
  for (i = 0; i < prefix; i++)
    add_token (pieces, EVK_DIFF_SAME, a, as, i);

  rows = n - prefix - suffix;
  cols = m - prefix - suffix;
  if ((guint64) (rows + 1) * (cols + 1) > MAX_CELLS)
    {
      for (i = prefix; i < n - suffix; i++)
        add_token (pieces, EVK_DIFF_DELETED, a, as, i);
      for (j = prefix; j < m - suffix; j++)
        add_token (pieces, EVK_DIFF_INSERTED, b, bs, j);
    }
  else
    {
      /* table[i][j]: the longest common subsequence of the old tokens
       * from i and the new ones from j (both after the prefix). */
      table = g_new0 (guint, (gsize) (rows + 1) * (cols + 1));
#define CELL(r, c) table[(gsize) (r) * (cols + 1) + (c)]
      for (i = rows; i-- > 0;)
        for (j = cols; j-- > 0;)
          CELL (i, j) = token_equal (a, as, prefix + i, b, bs, prefix + j)
                          ? CELL (i + 1, j + 1) + 1
                          : MAX (CELL (i + 1, j), CELL (i, j + 1));
      i = j = 0;
      while (i < rows || j < cols)
        {
          if (i < rows && j < cols && token_equal (a, as, prefix + i, b, bs, prefix + j))
            {
              add_token (pieces, EVK_DIFF_SAME, a, as, prefix + i);
              i++, j++;
            }
          /* Deletions before insertions where both keep the longest. */
          else if (i < rows && (j == cols || CELL (i + 1, j) >= CELL (i, j + 1)))
            add_token (pieces, EVK_DIFF_DELETED, a, as, prefix + i++);
          else
            add_token (pieces, EVK_DIFF_INSERTED, b, bs, prefix + j++);
        }
#undef CELL
    }
  for (i = n - suffix; i < n; i++)
    add_token (pieces, EVK_DIFF_SAME, a, as, i);
  return pieces;
}
