/* evk-json.h: a small, strict JSON reader for the tables a review copy carries
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 8259 JSON, read whole into a tree. The text is untrusted (a review
 * copy is a file that travels): nesting deeper than 64, more than a
 * million values, invalid UTF-8 and trailing data are refused. Duplicate
 * keys of an object keep the last value. */
typedef enum {
  EVK_JSON_NULL,
  EVK_JSON_BOOLEAN,
  EVK_JSON_NUMBER,
  EVK_JSON_STRING,
  EVK_JSON_ARRAY,
  EVK_JSON_OBJECT,
} EvkJsonType;

typedef struct _EvkJson EvkJson;

EvkJson     *evk_json_parse         (const char  *text,
                                     gssize       length,
                                     GError     **error);
void         evk_json_free          (EvkJson     *node);

EvkJsonType  evk_json_get_type      (const EvkJson *node);
/* The member of an object, or NULL (also when node is no object). */
const EvkJson *evk_json_member      (const EvkJson *node,
                                     const char    *name);
/* The elements of an array; 0 / NULL when node is no array. */
guint        evk_json_length        (const EvkJson *node);
const EvkJson *evk_json_element     (const EvkJson *node,
                                     guint          index);
/* The value, or NULL / NaN / FALSE when the node is NULL or of another
 * type. */
const char  *evk_json_string        (const EvkJson *node);
double       evk_json_number        (const EvkJson *node);
gboolean     evk_json_boolean       (const EvkJson *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkJson, evk_json_free)

G_END_DECLS
