/* evk-comment.h: reviewers' comments, anchored to a place in the project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-store-review.h"
#include "evk-store.h"

G_BEGIN_DECLS

/* Places, one string each:
 *   project                  the whole project or report
 *   goal:KEY                 a goal (its key)
 *   measure:ID               a measure (its number)
 *   chart:KEY                a saved chart
 *   figure:KEY               a figure of the report's outline
 *   part:KEY                 a part (chapter) of the report
 *   section:PART/SEC         section SEC of part PART
 *   measure-section:ID/SEC   a measure's narrative section ("results")
 *   page:N                   a page of a draft PDF with no element under
 *                            the note */

typedef struct {
  char *uuid;
  char *parent_uuid;   /* NULL: not a reply */
  char *place;
  char *place_name;    /* the place's name when the comment was written */
  char *author;
  char *created_at;    /* ISO 8601, UTC */
  char *body;
  char *quote;         /* highlighted text, "" when none */
  char *status;        /* "open" or "resolved" */
  char *resolved_at;   /* NULL while open */
  char *origin;        /* "", "copy:COPY-ID" or "pdf:DOC-ID" */
} EvkComment;

void        evk_comment_free        (EvkComment  *comment);

/* Every comment and reply, oldest first (a reply after its comment);
 * open_only leaves out the resolved ones. */
GPtrArray  *evk_comments_list       (EvkStore    *store,
                                     gboolean     open_only,
                                     GError     **error);

/* Adds a comment, or a reply to parent_uuid, in one transaction, and
 * returns its uuid. The place must be well formed; a reply is on its
 * comment's place (place may then be NULL). A comment typed here (origin
 * NULL or "") must be on a place that exists; one merged or imported may be
 * on a place deleted since, and keeps the place itself as its name.
 * created_at (NULL: now) must be ISO 8601; uuid (NULL: a new one) must not
 * be taken. place_name is filled in from the project (evk_place_name, in
 * the project's source language). */
char       *evk_comment_add         (EvkStore    *store,
                                     const char  *place,
                                     const char  *parent_uuid,
                                     const char  *author,
                                     const char  *body,
                                     const char  *quote,
                                     const char  *origin,
                                     const char  *created_at,
                                     const char  *uuid,
                                     GError     **error);

/* Resolves (or reopens) the comment with this uuid, row id, or unique
 * uuid prefix of 4 or more characters. */
gboolean    evk_comment_set_status  (EvkStore    *store,
                                     const char  *uuid_or_id,
                                     gboolean     resolved,
                                     GError     **error);

/* The uuid of the comment a user named by uuid, row id or unique uuid
 * prefix; an error naming what was typed when there is no such comment or
 * the prefix is ambiguous. */
char       *evk_comment_find        (EvkStore    *store,
                                     const char  *uuid_or_id,
                                     GError     **error);

gboolean    evk_comment_exists      (EvkStore    *store,
                                     const char  *uuid);

/* Splits a well-formed place into its kind ("chart") and key ("m20-…",
 * "PART/SEC" for a section, NULL for "project"). */
gboolean    evk_place_parse         (const char  *place,
                                     char       **kind,
                                     char       **key,
                                     GError     **error);

/* The place's name for a reader, with the project's texts in lang (the
 * source language's when lang has none): "Chart: …", "Measure 20 · Results".
 * NULL when the place no longer exists. */
char       *evk_place_name          (EvkStore    *store,
                                     const char  *place,
                                     const char  *lang);

/* The author a new comment gets when none is given: the review copy's
 * reviewer, else $EVALKIT_AUTHOR, else the user's real name (or login). */
char       *evk_comment_default_author (EvkStore *store);

/* evk_store_is_review_copy for the window and the command line, which
 * reach the store only through the project. */
gboolean    evk_project_is_review_copy (EvkProject *project,
                                        char      **reviewer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkComment, evk_comment_free)

G_END_DECLS
