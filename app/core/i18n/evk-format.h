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

G_END_DECLS
