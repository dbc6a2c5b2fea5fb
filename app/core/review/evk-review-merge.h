/* evk-review-merge.h: bringing a review copy's comments home
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-store.h"

G_BEGIN_DECLS

/* Adds every comment and reply of the review copy at copy_path that home
 * does not have yet (by uuid), in one transaction, with origin
 * "copy:COPY-ID" and the place name they were written with; a comment
 * home has keeps home's status, so a second merge adds nothing and undoes
 * no resolution. The copy is opened read-only and never changed. A file
 * that is not a review copy, is one of another project, comes from a newer
 * Evalkit or is damaged is refused with one error naming it, and home is
 * left as it was. n_added may be NULL. */
gboolean  evk_review_merge       (EvkStore            *home,
                                  const char          *copy_path,
                                  guint               *n_added,
                                  GError             **error);

/* The same for several copies in one transaction: all merge, or none
 * does. n_added, when given, gets one count per copy. */
gboolean  evk_review_merge_all   (EvkStore            *home,
                                  const char * const  *copy_paths,
                                  guint               *n_added,
                                  GError             **error);

G_END_DECLS
