/* evk-column.h: one survey variable's values, packed at their natural width
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Survey codes are mostly small integers: a million answers to a 1–6 scale
 * take 1 MB as i8, not 8 MB as doubles. A builder starts narrow and widens
 * when a value does not fit; system-missing is the smallest value of the
 * integer kinds and NaN in f64. Data is little-endian, as stored. */
typedef enum {
  EVK_COLUMN_I8,
  EVK_COLUMN_I16,
  EVK_COLUMN_I32,
  EVK_COLUMN_F64,
} EvkColumnKind;

typedef struct _EvkColumn EvkColumn;

EvkColumn     *evk_column_new           (void);
void           evk_column_free          (EvkColumn     *column);
/* Appends a value; NaN appends system-missing. */
void           evk_column_append        (EvkColumn     *column,
                                         double         value);
/* Sets row (< length); widens if needed. */
void           evk_column_set           (EvkColumn     *column,
                                         guint          row,
                                         double         value);
guint          evk_column_get_length    (EvkColumn     *column);
EvkColumnKind  evk_column_get_kind      (EvkColumn     *column);
/* The value of row, NaN when system-missing. */
double         evk_column_get           (EvkColumn     *column,
                                         guint          row);
/* Raw packed data for storage and fast loops. */
/* out[row] = 1 where the value lies in one of the n [lo, hi] ranges (or,
 * with negate, in none of them); system-missing never matches. One typed
 * pass: a million i8 answers take well under a millisecond. */
void           evk_column_match         (EvkColumn     *column,
                                         const double  *ranges,
                                         guint          n_ranges,
                                         gboolean       negate,
                                         guint8        *out);
gconstpointer  evk_column_get_data      (EvkColumn     *column,
                                         gsize         *size);
const char    *evk_column_kind_to_string (EvkColumnKind kind);
gboolean       evk_column_kind_from_string (const char *text,
                                         EvkColumnKind *kind);
/* Adopts a copy of stored data; FALSE if size does not match n_rows. */
EvkColumn     *evk_column_new_from_data (EvkColumnKind  kind,
                                         guint          n_rows,
                                         gconstpointer  data,
                                         gsize          size);

/* Adopts a g_malloc'd buffer of n_rows values without copying (importers
 * that pack as they read); NULL and data untouched if the size is wrong. */
EvkColumn     *evk_column_new_take      (EvkColumnKind  kind,
                                         guint          n_rows,
                                         gpointer       data,
                                         gsize          size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkColumn, evk_column_free)

G_END_DECLS
