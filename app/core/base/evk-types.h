/* evk-types.h: forward declarations of Evalkit's core types
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EvkStore    EvkStore;
typedef struct _EvkStrategy EvkStrategy;
typedef struct _EvkProject  EvkProject;


G_END_DECLS
