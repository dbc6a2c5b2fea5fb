/* evk-model-error.c: errors in the content of a project or a file
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-model-error.h"

G_DEFINE_QUARK (evk-model-error-quark, evk_model_error)
