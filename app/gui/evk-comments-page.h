/* evk-comments-page.h: every review comment, filtered and searched, leading to its place
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_COMMENTS_PAGE (evk_comments_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkCommentsPage, evk_comments_page, EVK, COMMENTS_PAGE, GtkWidget)

typedef enum {
  EVK_COMMENTS_OPEN,
  EVK_COMMENTS_RESOLVED,
  EVK_COMMENTS_ALL,
} EvkCommentsStatus;

/* A row per comment with its replies; activating one runs "win.show-place"
 * with its place. */
GtkWidget     *evk_comments_page_new          (EvkWorkspace      *workspace);
void           evk_comments_page_set_status   (EvkCommentsPage   *self,
                                               EvkCommentsStatus  status);
/* Only the comments of author (or with a reply by them); NULL: everyone's. */
void           evk_comments_page_set_author   (EvkCommentsPage   *self,
                                               const char        *author);
/* Only the comments on places of kind ("chart", "measure-section", …);
 * NULL: every place. */
void           evk_comments_page_set_kind     (EvkCommentsPage   *self,
                                               const char        *kind);
void           evk_comments_page_set_search   (EvkCommentsPage   *self,
                                               const char        *text);
/* The rows shown, in order (a new array of borrowed rows); each has the
 * comment's "uuid" and "place" as object data. */
GPtrArray     *evk_comments_page_get_rows     (EvkCommentsPage   *self);
/* The row's text as shown: place, author, time, quote and comment. */
char          *evk_comments_page_row_text     (GtkWidget         *row);
/* The row's Resolve (or Reopen) button. */
GtkButton     *evk_comments_page_row_resolve_button (GtkWidget   *row);
/* Whether the page shows its empty state. */
gboolean       evk_comments_page_is_empty     (EvkCommentsPage   *self);

G_END_DECLS
