/* evk-column-private.h: the packed column format, for the column and the importers
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An importer that packs values as it reads (a million rows at a time) uses
 * these instead of a function call per cell; the format is the column's.
 */
#pragma once

#include <math.h>

#include "evk-column.h"

G_BEGIN_DECLS

static const gsize evk_column_widths[] = { 1, 2, 4, 8 };

/* The narrowest kind that holds value exactly; the smallest value of each
 * integer kind is reserved for system-missing. */
static inline EvkColumnKind
evk_column_kind_for (double value)
{
  if (isnan (value))
    return EVK_COLUMN_I8;
  if (value != floor (value) || isinf (value))
    return EVK_COLUMN_F64;
  if (value > G_MININT8 && value <= G_MAXINT8)
    return EVK_COLUMN_I8;
  if (value > G_MININT16 && value <= G_MAXINT16)
    return EVK_COLUMN_I16;
  if (value > G_MININT32 && value <= G_MAXINT32)
    return EVK_COLUMN_I32;
  return EVK_COLUMN_F64;
}

/* Every branch converts to double explicitly: NAN is a float constant, so
 * "missing ? NAN : v" has type float and rounds any code above 2^24 (two
 * 32-bit codes one apart would read as one). */
static inline double
evk_column_read_at (EvkColumnKind  kind,
                    const guint8  *data,
                    guint          row)
{
  switch (kind)
    {
    case EVK_COLUMN_I8:
      {
        gint8 v = ((const gint8 *) data)[row];
        return v == G_MININT8 ? (double) NAN : (double) v;
      }
    case EVK_COLUMN_I16:
      {
        gint16 v = ((const gint16 *) data)[row];
        return v == G_MININT16 ? (double) NAN : (double) v;
      }
    case EVK_COLUMN_I32:
      {
        gint32 v = ((const gint32 *) data)[row];
        return v == G_MININT32 ? (double) NAN : (double) v;
      }
    case EVK_COLUMN_F64:
    default:
      return ((const double *) data)[row];
    }
}

static inline void
evk_column_write_at (EvkColumnKind  kind,
                     guint8        *data,
                     guint          row,
                     double         value)
{
  gboolean missing = isnan (value);

  switch (kind)
    {
    case EVK_COLUMN_I8:
      ((gint8 *) data)[row] = missing ? G_MININT8 : (gint8) value;
      break;
    case EVK_COLUMN_I16:
      ((gint16 *) data)[row] = missing ? G_MININT16 : (gint16) value;
      break;
    case EVK_COLUMN_I32:
      ((gint32 *) data)[row] = missing ? G_MININT32 : (gint32) value;
      break;
    case EVK_COLUMN_F64:
    default:
      ((double *) data)[row] = value;
      break;
    }
}

G_END_DECLS
