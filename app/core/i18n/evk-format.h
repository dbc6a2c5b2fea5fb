/* evk-format.h: numbers and percentages in a content language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* nb: "5 103", "8,4 %" (narrow no-break spaces); en: "5,103", "8.4%". The
 * rules are words of the language ([Format] in report-strings.ini), so a
 * new language brings its own. */
char *evk_format_number  (const char *lang,
                          double      value,
                          int         decimals);
char *evk_format_percent (const char *lang,
                          double      percent,
                          int         decimals);

/* A calendar date as the language writes it in tables ([Format] Date:
 * nb "24.03.1949", en "1949-03-24"). */
char *evk_format_date    (const char *lang,
                          int         year,
                          int         month,
                          int         day);
/* A time of day or a duration in seconds ([Format] Time, seconds added
 * when there are any): "15:59", "12:11:10". */
char *evk_format_time    (const char *lang,
                          double      seconds);
/* One rule ("DecimalMark", "GroupSeparator", "Minus", "Percent",
 * "GroupFrom") for lang: the words' [Format] of the language; else, for
 * the decimal mark and group separator, the locale data its tag selects
 * (glibc's compiled locale "nn_NO.UTF-8" if installed, else its locale
 * source in /usr/share/i18n/locales, "copy" followed); else the words of
 * its nearest relative (nn, se and the other Nordic languages: nb); else
 * C/English. NULL for an unknown key. */
const char *evk_format_rule (const char *lang,
                             const char *key);
/* Reads locale sources from dir instead, and no compiled locale (tests);
 * NULL goes back to the default. */
void        evk_format_set_locale_sources (const char *dir);

G_END_DECLS
