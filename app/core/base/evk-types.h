/* evk-types.h: forward declarations of Evalkit's core types, and the words
 * every layer shares
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

/* The state of a translated text against its source: the store keeps the
 * fingerprints, the model and the window speak of the state. */
typedef enum {
  EVK_TEXT_MISSING,
  EVK_TEXT_OUTDATED,
  EVK_TEXT_CURRENT,
} EvkTextState;

G_END_DECLS
