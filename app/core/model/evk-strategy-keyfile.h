/* evk-strategy-keyfile.h: the strategy definition file (a GLib key file)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-strategy.h"

G_BEGIN_DECLS

/* The format is documented in data/strategy-format.md. Errors name the
 * group and key: "[Measure 12] Status: unknown status “done”". */
EvkStrategy *evk_strategy_from_key_file (GKeyFile     *key_file,
                                         GError      **error);
GKeyFile    *evk_strategy_to_key_file   (EvkStrategy  *strategy);

/* Errors are prefixed with the file name. */
EvkStrategy *evk_strategy_read_file     (const char   *path,
                                         GError      **error);
/* Writes atomically: the old file stays whole until the new one is. */
gboolean     evk_strategy_write_file    (EvkStrategy  *strategy,
                                         const char   *path,
                                         GError      **error);

G_END_DECLS
