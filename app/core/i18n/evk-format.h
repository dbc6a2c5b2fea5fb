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

G_END_DECLS
