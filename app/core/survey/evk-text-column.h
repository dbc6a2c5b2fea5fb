/* evk-text-column.h: one text variable's answers, held sparsely
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Free-text answers, ids and contact fields are mostly empty: the demo's
 * 16 text variables have 1.6 answers per respondent between them. Only
 * the answers are kept, in row order: the rows that have one, and the
 * texts one after the other, each ended by a NUL. A row with no answer
 * costs nothing, an answer its bytes and twelve more; reading the answer
 * of a row is a binary search. The stored form is the same two arrays
 * (evk_text_column_get_rows, evk_text_column_get_texts), little-endian. */
typedef struct _EvkTextColumn EvkTextColumn;

EvkTextColumn *evk_text_column_new         (void);
void           evk_text_column_free        (EvkTextColumn  *column);
/* Appends one respondent's answer; NULL or "" is no answer. */
void           evk_text_column_append      (EvkTextColumn  *column,
                                            const char     *text);
/* The answer of row, after every row before it (those without an answer
 * are padded); FALSE, and nothing changed, if row is not past the end. */
gboolean       evk_text_column_append_at   (EvkTextColumn  *column,
                                            guint           row,
                                            const char     *text);
/* Pads with rows without an answer up to n_rows. */
void           evk_text_column_pad         (EvkTextColumn  *column,
                                            guint           n_rows);
guint          evk_text_column_get_length  (EvkTextColumn  *column);
/* The answer of row, "" when it has none. */
const char    *evk_text_column_get         (EvkTextColumn  *column,
                                            guint           row);
guint          evk_text_column_get_n_answers (EvkTextColumn *column);
/* The i-th answer (i < n_answers) and its row. */
const char    *evk_text_column_get_answer  (EvkTextColumn  *column,
                                            guint           i,
                                            guint          *row);
/* The stored form: one guint32 row per answer, increasing ... */
gconstpointer  evk_text_column_get_rows    (EvkTextColumn  *column,
                                            gsize          *size);
/* ... and the answers in the same order, each ended by a NUL. */
gconstpointer  evk_text_column_get_texts   (EvkTextColumn  *column,
                                            gsize          *size);
/* A copy of a stored form, checked: rows increasing and below n_rows, as
 * many answers as rows, each non-empty UTF-8. NULL if any of it is not. */
EvkTextColumn *evk_text_column_new_from_data (guint          n_rows,
                                            gconstpointer  rows,
                                            gsize          rows_size,
                                            gconstpointer  texts,
                                            gsize          texts_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkTextColumn, evk_text_column_free)

G_END_DECLS
