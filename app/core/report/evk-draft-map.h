/* evk-draft-map.h: where a draft report put each chart and section, by document id
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-types.h"

G_BEGIN_DECLS

/* A region of a page: the rectangle a chart, table or section covers on
 * it, in PDF points from the page's top-left corner with y growing down
 * (as cairo draws the report and poppler gives the boxes of its text; an
 * annotation's /Rect, and poppler 22's rectangle of it, have y growing up
 * from the page's foot). A section over three pages has three regions. */
typedef struct {
  guint   page;       /* 1-based */
  double  x0, y0, x1, y1;
  char   *place;      /* a review place: "chart:KEY", "measure:20"… */
  char   *name;       /* the heading or caption, in the draft's language */
} EvkDraftAnchor;

typedef struct {
  char   *doc_id;       /* a UUID, in the PDF's /ID and Info */
  char   *project_id;   /* the project's id (evk_project_id), in the PDF's Info */
  char   *lang;
  char   *rendered_at;  /* ISO 8601 UTC */
  guint   n_pages;
  GArray *anchors;      /* EvkDraftAnchor */
} EvkDraftMap;

GArray         *evk_draft_anchors_new     (void);
void            evk_draft_anchor_clear    (EvkDraftAnchor *anchor);

EvkDraftMap    *evk_draft_map_new         (const char     *doc_id,
                                           const char     *project_id,
                                           const char     *lang,
                                           guint           n_pages,
                                           GArray         *anchors);
void            evk_draft_map_free        (EvkDraftMap    *map);

/* A fresh document id: a random UUID. */
char           *evk_draft_doc_id_new      (void);

/* The UUID in 32 hex digits (the 16 bytes of a PDF /ID) and back; NULL if
 * it is not one. */
char           *evk_draft_doc_id_to_hex   (const char     *doc_id);
char           *evk_draft_doc_id_from_hex (const char     *hex,
                                           gsize           length);

/* Records map in the project (in the caller's transaction, or one of its
 * own). */
gboolean        evk_draft_map_store       (EvkStore       *store,
                                           EvkDraftMap    *map,
                                           GError        **error);
/* The draft with doc_id, or NULL: with error set if the project could not
 * be read, unset if it has no such draft. */
EvkDraftMap    *evk_draft_map_load        (EvkStore       *store,
                                           const char     *doc_id,
                                           GError        **error);

/* The region under the point (x, y) of page: the smallest that holds its
 * height (one that holds x too wins), else the nearest above or below it
 * on that page; NULL if nothing of the report is on the page. */
const EvkDraftAnchor *evk_draft_map_find  (EvkDraftMap    *map,
                                           guint           page,
                                           double          x,
                                           double          y);
/* The first region of place (the top of its first page), or NULL. */
const EvkDraftAnchor *evk_draft_map_first (EvkDraftMap    *map,
                                           const char     *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkDraftMap, evk_draft_map_free)

G_END_DECLS
