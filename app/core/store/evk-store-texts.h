/* evk-store-texts.h: localized texts with source fingerprints in the store
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-store.h"

G_BEGIN_DECLS

typedef struct _EvkTextIndex EvkTextIndex;

/* Project languages, source language first. */
GStrv         evk_store_get_languages     (EvkStore      *store,
                                           GError       **error);
gboolean      evk_store_add_language      (EvkStore      *store,
                                           const char    *lang,
                                           gboolean       is_source,
                                           GError       **error);

/* Writes one field in the given languages: a language missing from
 * localized loses its text; an unchanged translation keeps its fingerprint
 * (so it stays outdated if it was); a new one is current. */
gboolean      evk_store_replace_texts     (EvkStore      *store,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *field,
                                           GHashTable    *localized,
                                           const char   * const *langs,
                                           GError       **error);
/* One edit of one text. */
gboolean      evk_store_set_text          (EvkStore      *store,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *field,
                                           const char    *lang,
                                           const char    *body,
                                           GError       **error);
/* A text as stored: its body and the fingerprint of the source text it
 * was written from, both NULL when there is none. Putting a version back
 * restores the text exactly, its translation state with it (for undo). */
gboolean      evk_store_get_text_version  (EvkStore      *store,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *field,
                                           const char    *lang,
                                           char         **body,
                                           char         **source_fp,
                                           GError       **error);
gboolean      evk_store_put_text_version  (EvkStore      *store,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *field,
                                           const char    *lang,
                                           const char    *body,
                                           const char    *source_fp,
                                           GError       **error);
/* A translation written from the source text source_body: with
 * source_fp NULL it is current against that source; with a fingerprint it
 * keeps that one (a fuzzy translation stays outdated). source_body is kept
 * so that an outdated translation can show what its source was. */
gboolean      evk_store_put_translation   (EvkStore      *store,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *field,
                                           const char    *lang,
                                           const char    *body,
                                           const char    *source_fp,
                                           const char    *source_body,
                                           GError       **error);
/* The source text a translation was written from, NULL when unknown
 * (written before Evalkit kept it, or the source language's own row). */
gboolean      evk_store_get_text_source   (EvkStore      *store,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *field,
                                           const char    *lang,
                                           char         **source_body,
                                           GError       **error);
EvkTextState  evk_store_get_text_state    (EvkStore      *store,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *field,
                                           const char    *lang,
                                           GError       **error);

/* A translation that is missing or outdated: a text of the source
 * language with no text in lang, or one written from an earlier source. */
typedef struct {
  char         *entity;
  gint64        entity_id;
  char         *field;
  char         *lang;
  EvkTextState  state;
} EvkTextGap;

void          evk_text_gap_free           (EvkTextGap    *gap);
/* Every gap of the project in lang, or in every language but the source
 * when lang is NULL, ordered by entity, id, field and language. Blank
 * source texts need no translation. */
GPtrArray    *evk_store_list_text_gaps    (EvkStore      *store,
                                           const char    *lang,
                                           GError       **error);

/* A source text and its translation in one language as stored. */
typedef struct {
  char   *entity;
  gint64  entity_id;
  char   *field;
  char   *source;       /* the source language's text */
  char   *body;         /* the translation, NULL when there is none */
  char   *source_fp;    /* the translation's fingerprint */
  char   *source_body;  /* the source it was written from, when known */
} EvkTextPair;

void          evk_text_pair_free          (EvkTextPair   *pair);
/* Every text of the source language with its translation in lang (which
 * may be the source language itself), ordered by entity, id and field. */
GPtrArray    *evk_store_list_translations (EvkStore      *store,
                                           const char    *lang,
                                           GError       **error);

/* All texts of one entity kind, loaded at once. */
EvkTextIndex *evk_text_index_load         (EvkStore      *store,
                                           const char    *entity,
                                           GError       **error);
/* Returns a new localized table (possibly empty). */
GHashTable   *evk_text_index_get          (EvkTextIndex  *index,
                                           gint64         entity_id,
                                           const char    *field);
void          evk_text_index_free         (EvkTextIndex  *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkTextIndex, evk_text_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkTextGap, evk_text_gap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkTextPair, evk_text_pair_free)

G_END_DECLS
