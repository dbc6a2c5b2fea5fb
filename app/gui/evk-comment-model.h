/* evk-comment-model.h: the project's review comments as the window shows them
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "evk-comment.h"
#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_TYPE_COMMENT_MODEL (evk_comment_model_get_type ())

G_DECLARE_FINAL_TYPE (EvkCommentModel, evk_comment_model, EVK, COMMENT_MODEL, GObject)

/* Reads the project's comments, and again whenever the project says they
 * (or the whole file) changed; then emits "changed". */
EvkCommentModel *evk_comment_model_new              (EvkProject      *project);
/* Every comment and reply, oldest first (EvkComment, borrowed). */
GPtrArray       *evk_comment_model_get_all          (EvkCommentModel *self);
EvkComment      *evk_comment_model_find             (EvkCommentModel *self,
                                                     const char      *uuid);
/* The open comments (not replies) on place; with place NULL, on any place. */
guint            evk_comment_model_count_open       (EvkCommentModel *self,
                                                     const char      *place);
/* The comments on place (not replies), oldest first: a new array of
 * borrowed comments. */
GPtrArray       *evk_comment_model_get_threads      (EvkCommentModel *self,
                                                     const char      *place);
/* The replies to the comment uuid, oldest first (new array, borrowed). */
GPtrArray       *evk_comment_model_get_replies      (EvkCommentModel *self,
                                                     const char      *uuid);

/* Whether the project is a review copy, and its reviewer. */
gboolean         evk_comment_model_is_review_copy   (EvkCommentModel *self);
const char      *evk_comment_model_get_reviewer     (EvkCommentModel *self);
/* The name the user chose in the preferences ("" or NULL: none). */
void             evk_comment_model_set_preferred_author (EvkCommentModel *self,
                                                     const char      *name);
/* Who writes the comments made here: a review copy's reviewer, else the
 * preferred name, else EVALKIT_AUTHOR, else the user's real name. */
const char      *evk_comment_model_get_author       (EvkCommentModel *self);

/* Adds a comment (parent NULL) or a reply by the author, saved at once;
 * returns its uuid. */
char            *evk_comment_model_add              (EvkCommentModel *self,
                                                     const char      *place,
                                                     const char      *parent_uuid,
                                                     const char      *body,
                                                     const char      *quote,
                                                     GError         **error);
gboolean         evk_comment_model_set_resolved     (EvkCommentModel *self,
                                                     const char      *uuid,
                                                     gboolean         resolved,
                                                     GError         **error);

/* The place's name now, in lang; NULL when it is gone. */
const char      *evk_comment_model_place_name       (EvkCommentModel *self,
                                                     const char      *place,
                                                     const char      *lang);
/* The comment's place's name now, in lang; for a place that is gone, the name it
 * had when the comment was written and "(removed)". A new string. */
char            *evk_comment_model_place_label      (EvkCommentModel *self,
                                                     EvkComment      *comment,
                                                     const char      *lang,
                                                     gboolean        *removed);
/* The comment's time in the UI language's format, in local time. */
char            *evk_comment_format_time            (const char      *iso8601);

G_END_DECLS
