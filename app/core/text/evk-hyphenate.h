/* evk-hyphenate.h: soft hyphens for justified text, from libhyphen patterns
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pango breaks lines only between words and at soft hyphens (U+00AD), and
 * justified text without word division leaves wide gaps. A hyphenator
 * places soft hyphens with the TeX patterns LibreOffice uses (Debian's
 * hyphen-no and hyphen-en-us), so Pango can break "integrerings­arbeid"
 * where a Norwegian typesetter would. */
typedef struct _EvkHyphenator EvkHyphenator;

/* The hyphenator for a language tag ("nb", "en", "en-GB"), or NULL when no
 * pattern file is installed for it (the text is then set unhyphenated).
 * Hyphenators are cached for the life of the process and thread-safe. */
EvkHyphenator *evk_hyphenator_get       (const char    *lang);

/* Returns text with soft hyphens at the permitted breaks of each word of
 * at least min_length letters. Words with digits, two or more capitals
 * (IMDi, UDI), a capital inside a sentence (names: "Espegren") or
 * characters the patterns do not cover are left whole. */
char          *evk_hyphenator_hyphenate (EvkHyphenator *self,
                                         const char    *text);
/* The same, but a word that is a key of words (as written: "Espegren")
 * is hyphenated with the hyphenator it maps to (the language of a
 * Norwegian title in an English text), or left whole when it maps to
 * NULL (proper names). words may be NULL. starts_sentence: whether text
 * begins a sentence (else a capital on its first word marks a name). */
char          *evk_hyphenator_hyphenate_full (EvkHyphenator *self,
                                              const char    *text,
                                              GHashTable    *words,
                                              gboolean       starts_sentence);

/* Where pattern files are looked for: $EVALKIT_HYPHEN_DIR, the data
 * directory's hyphen/, /app/share/hyphen, /usr/share/hyphen. The file for a
 * language, or NULL. */
char          *evk_hyphen_find_patterns (const char    *lang);

G_END_DECLS
