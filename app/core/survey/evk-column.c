/* evk-column.c: one survey variable's values, packed at their natural width
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-survey"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-column-private.h"

#if G_BYTE_ORDER != G_LITTLE_ENDIAN
#error "Evalkit stores columns little-endian and does not yet swap on big-endian hosts"
#endif

struct _EvkColumn
{
  EvkColumnKind kind;
  guint         length;
  guint         capacity;
  guint8       *data;
};


EvkColumn *
evk_column_new (void)
{
  return g_new0 (EvkColumn, 1);
}

void
evk_column_free (EvkColumn *column)
{
  if (column == NULL)
    return;
  g_free (column->data);
  g_free (column);
}




static void
widen (EvkColumn     *column,
       EvkColumnKind  kind)
{
  guint8 *data = g_malloc (MAX (column->capacity, 1) * evk_column_widths[kind]);

  for (guint i = 0; i < column->length; i++)
    evk_column_write_at (kind, data, i, evk_column_read_at (column->kind, column->data, i));
  g_free (column->data);
  column->data = data;
  column->kind = kind;
}

static void
ensure_kind (EvkColumn *column,
             double     value)
{
  EvkColumnKind needed = evk_column_kind_for (value);

  if (needed > column->kind)
    widen (column, needed);
}

void
evk_column_append (EvkColumn *column,
                   double     value)
{
  ensure_kind (column, value);
  if (column->length == column->capacity)
    {
      column->capacity = MAX (64, column->capacity * 2);
      column->data = g_realloc (column->data, column->capacity * evk_column_widths[column->kind]);
    }
  evk_column_write_at (column->kind, column->data, column->length++, value);
}

void
evk_column_set (EvkColumn *column,
                guint      row,
                double     value)
{
  g_return_if_fail (row < column->length);
  ensure_kind (column, value);
  evk_column_write_at (column->kind, column->data, row, value);
}

guint
evk_column_get_length (EvkColumn *column)
{
  return column->length;
}

EvkColumnKind
evk_column_get_kind (EvkColumn *column)
{
  return column->kind;
}

double
evk_column_get (EvkColumn *column,
                guint      row)
{
  g_return_val_if_fail (row < column->length, NAN);
  return evk_column_read_at (column->kind, column->data, row);
}

/* Integer kinds compare in their own type: the ranges are rounded inwards
 * to whole numbers, so "in 0.5..2.5" matches 1 and 2. Bounds are clamped
 * first to what an i32 column can hold (and one beyond): converting 1e20
 * (a filter's number, a table's counted=) to gint64 is undefined, and a
 * NaN bound makes the range empty. */
static inline gint64
int_bound (double   bound,
           gboolean upper)
{
  if (isnan (bound))
    return upper ? G_MININT32 - G_GINT64_CONSTANT (1) : G_MAXINT32 + G_GINT64_CONSTANT (1);
  bound = CLAMP (bound, -4294967296.0, 4294967296.0);
  return (gint64) (upper ? floor (bound) : ceil (bound));
}

#define MATCH_INT(type, missing_value)                                        \
  do {                                                                        \
    const type *restrict values = (const type *) column->data;                \
    gint64 lo[8], hi[8];                                                      \
    guint n = MIN (n_ranges, 8);                                              \
    for (guint r = 0; r < n; r++)                                             \
      {                                                                       \
        lo[r] = int_bound (ranges[2 * r], FALSE);                             \
        hi[r] = int_bound (ranges[2 * r + 1], TRUE);                          \
      }                                                                       \
    if (n == 1)                                                               \
      {                                                                       \
        /* The common case, branch-free so the compiler vectorizes it. */     \
        int l = (int) CLAMP (lo[0], G_MININT32, G_MAXINT32);                 \
        int h = (int) CLAMP (hi[0], G_MININT32, G_MAXINT32);                 \
        guint8 flip = negate ? 1 : 0;                                         \
        guint len = column->length;                                           \
        guint8 *restrict o = out;                                             \
        for (guint i = 0; i < len; i++)                                       \
          {                                                                   \
            int v = values[i];                                                \
            o[i] = (guint8) ((v != (missing_value)) & (((v >= l) & (v <= h)) ^ flip)); \
          }                                                                   \
        break;                                                                \
      }                                                                       \
    for (guint i = 0; i < column->length; i++)                                \
      {                                                                       \
        gint64 v = values[i];                                                 \
        gboolean match = FALSE;                                               \
        for (guint r = 0; r < n; r++)                                         \
          match |= v >= lo[r] && v <= hi[r];                                  \
        out[i] = values[i] != (missing_value) && (match != negate);           \
      }                                                                       \
  } while (0)

void
evk_column_match (EvkColumn    *column,
                  const double *ranges,
                  guint         n_ranges,
                  gboolean      negate,
                  guint8       *out)
{
  /* Long value sets (rare) take the general path. */
  if (n_ranges > 8 || column->kind == EVK_COLUMN_F64)
    {
      for (guint i = 0; i < column->length; i++)
        {
          double v = evk_column_read_at (column->kind, column->data, i);
          gboolean match = FALSE;

          for (guint r = 0; r < n_ranges && !match; r++)
            match = v >= ranges[2 * r] && v <= ranges[2 * r + 1];
          out[i] = !isnan (v) && (match != negate);
        }
      return;
    }

  switch (column->kind)
    {
    case EVK_COLUMN_I8:
      MATCH_INT (gint8, G_MININT8);
      break;
    case EVK_COLUMN_I16:
      MATCH_INT (gint16, G_MININT16);
      break;
    case EVK_COLUMN_I32:
    default:
      MATCH_INT (gint32, G_MININT32);
      break;
    }
}

gconstpointer
evk_column_get_data (EvkColumn *column,
                     gsize     *size)
{
  *size = (gsize) column->length * evk_column_widths[column->kind];
  return column->data;
}

const char *
evk_column_kind_to_string (EvkColumnKind kind)
{
  static const char * const names[] = { "i8", "i16", "i32", "f64" };

  return names[kind];
}

gboolean
evk_column_kind_from_string (const char    *text,
                             EvkColumnKind *kind)
{
  for (EvkColumnKind k = EVK_COLUMN_I8; k <= EVK_COLUMN_F64; k++)
    if (g_strcmp0 (text, evk_column_kind_to_string (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

EvkColumn *
evk_column_new_from_data (EvkColumnKind  kind,
                          guint          n_rows,
                          gconstpointer  data,
                          gsize          size)
{
  EvkColumn *column;

  if (size != (gsize) n_rows * evk_column_widths[kind])
    return NULL;
  column = evk_column_new ();
  column->kind = kind;
  column->length = column->capacity = n_rows;
  column->data = g_memdup2 (data, size);
  return column;
}

EvkColumn *
evk_column_new_take (EvkColumnKind kind,
                     guint         n_rows,
                     gpointer      data,
                     gsize         size)
{
  EvkColumn *column;

  if (size != (gsize) n_rows * evk_column_widths[kind])
    return NULL;
  column = evk_column_new ();
  column->kind = kind;
  column->length = column->capacity = n_rows;
  column->data = data;
  return column;
}
