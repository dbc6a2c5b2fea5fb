/* evk-data-dir.h: where the installed data files are
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the bundled demo data lives: $EVALKIT_DATADIR, the installed data
 * directory, or the source tree for an uninstalled build. */
char *evk_get_demo_dir (void);
/* The directory that holds the demo: the report's words, the hyphenation
 * patterns and the fonts are found beside it. */
char *evk_get_data_dir (void);

G_END_DECLS
