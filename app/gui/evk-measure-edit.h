/* evk-measure-edit.h: edits of a measure's types, target groups and bodies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "evk-project.h"

G_BEGIN_DECLS

/* Sets one list field of a measure ("types", "targets" or "responsible")
 * in one transaction and emits the project's "changed" with "measure".
 * Until the core has a function of its own for this, it goes through the
 * public strategy API: load, change, validate, save. */
gboolean evk_measure_edit_set_keys (EvkProject   *project,
                                    guint         number,
                                    const char   *field,
                                    const char * const *keys,
                                    GError      **error);
/* The field's keys now (a new vector), or NULL with an error. */
GStrv    evk_measure_edit_get_keys (EvkProject   *project,
                                    guint         number,
                                    const char   *field,
                                    GError      **error);

G_END_DECLS
