/* evk-word-diff.h: what changed between two texts, word by word
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  EVK_DIFF_SAME,
  EVK_DIFF_DELETED,    /* in the old text only */
  EVK_DIFF_INSERTED,   /* in the new text only */
} EvkDiffOp;

typedef struct {
  EvkDiffOp  op;
  char      *text;
} EvkDiffPiece;

void       evk_diff_piece_free (EvkDiffPiece *piece);

/* The pieces (EvkDiffPiece) that turn old_text into new_text: words and
 * the white space between them compared as they are, a longest common
 * subsequence of them kept, neighbouring pieces of one kind merged. The
 * SAME and DELETED pieces in order spell old_text, the SAME and INSERTED
 * ones new_text. NULL texts are empty. Texts too long to compare word by
 * word come out as one deletion and one insertion. */
GPtrArray *evk_word_diff       (const char *old_text,
                                const char *new_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkDiffPiece, evk_diff_piece_free)

G_END_DECLS
