/* evk-model-error.h: errors in the content of a project or a file
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At the bottom of the core: the survey, the model and everything above
 * them report content errors in this one domain. */
#define EVK_MODEL_ERROR (evk_model_error_quark ())

typedef enum {
  EVK_MODEL_ERROR_INVALID,   /* the content contradicts itself */
  EVK_MODEL_ERROR_IN_USE,    /* a removal would orphan data the user made */
  EVK_MODEL_ERROR_PARSE,     /* a file could not be read as the format says */
  EVK_MODEL_ERROR_PRIVATE,   /* the privacy rules refuse it (personal data, a small group) */
} EvkModelError;

GQuark evk_model_error_quark (void);

G_END_DECLS
