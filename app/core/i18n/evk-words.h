/* evk-words.h: the words Evalkit itself prints, per content language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Charts, tables and the report print words of their own ("Not known",
 * "Table", month names) in the *report's* language, which is not the UI's:
 * they come from data/report-strings.ini, where a new language needs only
 * its keys, not code. The UI itself is translated through gettext. */

/* The word in lang, or NULL. group is the key file group ("Report",
 * "Stats", "Format"). */
const char *evk_word             (const char *group,
                                  const char *key,
                                  const char *lang);
/* The word in every language the file has, as a localized table. */
GHashTable *evk_word_localized   (const char *group,
                                  const char *key);
/* Every language the words file covers for group/key. */
GStrv       evk_word_languages   (const char *group,
                                  const char *key);
/* The words file's own word, ignoring the project's (see below). */
const char *evk_word_default     (const char *group,
                                  const char *key,
                                  const char *lang);
/* Every key of group in the words file, in file order, without [lang]. */
GStrv       evk_words_get_keys   (const char *group);
/* A project's own words ("Group/Key[lang]" → word), consulted before the
 * words file by every call above; NULL or empty clears them. The open
 * project installs its words (evk-translatable.h). */
void        evk_words_set_overrides (GHashTable *words);
/* Replaces the words file (tests); NULL goes back to the default. */
void        evk_words_set_path   (const char *path);

G_END_DECLS
