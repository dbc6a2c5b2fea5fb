/* evk-demo.h: the bundled demo evaluation, made through the importers
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"

G_BEGIN_DECLS

/* Builds the demo evaluation from the data directory (see
 * evk_get_demo_dir) and moves it into place only when complete. */
EvkProject *evk_demo_create (const char  *path,
                             GError     **error);

G_END_DECLS
