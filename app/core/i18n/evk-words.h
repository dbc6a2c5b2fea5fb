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
/* Replaces the words file (tests); NULL goes back to the default. */
void        evk_words_set_path   (const char *path);

G_END_DECLS
