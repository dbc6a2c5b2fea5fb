/* evk-comment-button.h: the comments on one place: a count, and a popover with the thread
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_COMMENT_BUTTON (evk_comment_button_get_type ())

G_DECLARE_FINAL_TYPE (EvkCommentButton, evk_comment_button, EVK, COMMENT_BUTTON, GtkWidget)

/* A button on place (a place string of evk-comment.h) that shows how many
 * comments there are open and opens their threads, with replies, Resolve
 * and Reopen, and an entry for a new comment. */
GtkWidget   *evk_comment_button_new           (EvkWorkspace     *workspace,
                                               const char       *place);
const char  *evk_comment_button_get_place     (EvkCommentButton *self);
void         evk_comment_button_set_place     (EvkCommentButton *self,
                                               const char       *place);
/* The number the button shows: the open comments on its place. */
guint        evk_comment_button_get_count     (EvkCommentButton *self);
/* Opens the popover, as a click does. */
void         evk_comment_button_popup         (EvkCommentButton *self);
void         evk_comment_button_popdown       (EvkCommentButton *self);
GtkPopover  *evk_comment_button_get_popover   (EvkCommentButton *self);
/* For tests: where a new comment is typed, and the button that adds it. */
GtkTextView *evk_comment_button_get_text_view (EvkCommentButton *self);
GtkButton   *evk_comment_button_get_send_button (EvkCommentButton *self);
/* The first comment button on place under root (depth first), or NULL. */
EvkCommentButton *evk_comment_button_find     (GtkWidget        *root,
                                               const char       *place);

G_END_DECLS
