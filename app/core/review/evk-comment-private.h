/* evk-comment-private.h: what the review's own files share about comments
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "evk-comment.h"

G_BEGIN_DECLS

/* Inserts a comment exactly as another file has it (uuid, place name,
 * times, status), after checking every field as untrusted input; its
 * parent must be in store already. Joins the caller's transaction. */
gboolean  _evk_comment_insert   (EvkStore          *store,
                                 const EvkComment  *comment,
                                 GError           **error);

G_END_DECLS
