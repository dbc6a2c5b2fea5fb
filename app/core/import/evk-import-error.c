/* evk-import-error.c: errors shared by every importer
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-import"

#include "config.h"

#include "evk-import-error.h"

G_DEFINE_QUARK (evk-import-error-quark, evk_import_error)
