/* evk-localized.h: a text in several languages, and source fingerprints
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A localized text is a GHashTable from language code to text. */
GHashTable *evk_localized_new          (void);
void        evk_localized_set          (GHashTable  *localized,
                                        const char  *lang,
                                        const char  *text);
const char *evk_localized_get          (GHashTable  *localized,
                                        const char  *lang);
const char *evk_localized_get_fallback (GHashTable  *localized,
                                        const char  *lang,
                                        const char  *fallback_lang);
gboolean    evk_localized_equal        (GHashTable  *a,
                                        GHashTable  *b);
char       *evk_text_fingerprint       (const char  *text);
gboolean    evk_language_code_is_valid (const char  *code);

G_END_DECLS
