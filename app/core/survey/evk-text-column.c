/* evk-text-column.c: one text variable's answers, held sparsely
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-survey"

#include "config.h"

#include <string.h>

#include "evk-text-column.h"

#if G_BYTE_ORDER != G_LITTLE_ENDIAN
#error "Evalkit stores text columns little-endian and does not yet swap on big-endian hosts"
#endif

struct _EvkTextColumn
{
  guint       length;    /* respondents */
  GArray     *rows;      /* guint32 per answer, increasing */
  GArray     *offsets;   /* guint64 per answer: where it starts in texts */
  GByteArray *texts;     /* the answers, each ended by a NUL */
};

EvkTextColumn *
evk_text_column_new (void)
{
  EvkTextColumn *column = g_new0 (EvkTextColumn, 1);

  column->rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  column->offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  column->texts = g_byte_array_new ();
  return column;
}

void
evk_text_column_free (EvkTextColumn *column)
{
  if (column == NULL)
    return;
  g_array_unref (column->rows);
  g_array_unref (column->offsets);
  g_byte_array_unref (column->texts);
  g_free (column);
}

static void
add_answer (EvkTextColumn *column,
            guint          row,
            const char    *text)
{
  guint32 row32 = row;
  guint64 offset = column->texts->len;

  g_array_append_val (column->rows, row32);
  g_array_append_val (column->offsets, offset);
  g_byte_array_append (column->texts, (const guint8 *) text, strlen (text) + 1);
}

void
evk_text_column_append (EvkTextColumn *column,
                        const char    *text)
{
  g_return_if_fail (column->length < G_MAXUINT32);

  if (text != NULL && *text != '\0')
    add_answer (column, column->length, text);
  column->length++;
}

gboolean
evk_text_column_append_at (EvkTextColumn *column,
                           guint          row,
                           const char    *text)
{
  if (row < column->length || row == G_MAXUINT32)
    return FALSE;
  column->length = row;
  evk_text_column_append (column, text);
  return TRUE;
}

void
evk_text_column_pad (EvkTextColumn *column,
                     guint          n_rows)
{
  column->length = MAX (column->length, n_rows);
}

guint
evk_text_column_get_length (EvkTextColumn *column)
{
  return column->length;
}

const char *
evk_text_column_get (EvkTextColumn *column,
                     guint          row)
{
  const guint32 *rows = (const guint32 *) column->rows->data;
  guint lo = 0, hi = column->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rows[mid] < row)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < column->rows->len && rows[lo] == row)
    return (const char *) column->texts->data + g_array_index (column->offsets, guint64, lo);
  return "";
}

guint
evk_text_column_get_n_answers (EvkTextColumn *column)
{
  return column->rows->len;
}

const char *
evk_text_column_get_answer (EvkTextColumn *column,
                            guint          i,
                            guint         *row)
{
  g_return_val_if_fail (i < column->rows->len, NULL);

  if (row != NULL)
    *row = g_array_index (column->rows, guint32, i);
  return (const char *) column->texts->data + g_array_index (column->offsets, guint64, i);
}

gconstpointer
evk_text_column_get_rows (EvkTextColumn *column,
                          gsize         *size)
{
  *size = (gsize) column->rows->len * sizeof (guint32);
  return column->rows->data;
}

gconstpointer
evk_text_column_get_texts (EvkTextColumn *column,
                           gsize         *size)
{
  *size = column->texts->len;
  return column->texts->data;
}

/* The stored form is untrusted (a project file is): every row and every
 * byte is checked before the column is handed out, in one pass each. */
EvkTextColumn *
evk_text_column_new_from_data (guint          n_rows,
                               gconstpointer  rows,
                               gsize          rows_size,
                               gconstpointer  texts,
                               gsize          texts_size)
{
  g_autoptr(EvkTextColumn) column = NULL;
  const guint8 *bytes = texts;
  gsize n_answers = rows_size / sizeof (guint32), start = 0;

  if (rows_size % sizeof (guint32) != 0 || n_answers > n_rows ||
      (texts_size > 0 && bytes[texts_size - 1] != '\0'))
    return NULL;

  column = evk_text_column_new ();
  g_array_set_size (column->rows, n_answers);
  if (n_answers > 0)
    memcpy (column->rows->data, rows, rows_size);
  for (gsize i = 0; i < n_answers; i++)
    {
      guint32 row = g_array_index (column->rows, guint32, i);

      if (row >= n_rows || (i > 0 && row <= g_array_index (column->rows, guint32, i - 1)))
        return NULL;
    }

  g_byte_array_append (column->texts, bytes, texts_size);
  g_array_set_size (column->offsets, n_answers);
  for (gsize i = 0; i < n_answers; i++)
    {
      const guint8 *end = start < texts_size ? memchr (bytes + start, '\0', texts_size - start) : NULL;

      /* No text, an empty one, or one that is not UTF-8. */
      if (end == NULL || end == bytes + start ||
          !g_utf8_validate ((const char *) bytes + start, end - (bytes + start), NULL))
        return NULL;
      g_array_index (column->offsets, guint64, i) = start;
      start = end - bytes + 1;
    }
  /* Nothing after the last answer. */
  if (start != texts_size)
    return NULL;
  column->length = n_rows;
  return g_steal_pointer (&column);
}
