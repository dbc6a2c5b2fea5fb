/* evk-disclosure.h: small cells suppressed so that no one can be singled out
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-table.h"

G_BEGIN_DECLS

/* Suppresses every cell with fewer respondents than table->small_cell
 * (but some), the primary suppression, and then, as statistics offices
 * do, the secondary: wherever the cells of a row or column add up to a
 * total the table shows (a total row or column, the line's base or the
 * table's) and only one of them is suppressed, the next-smallest cell of
 * that line as well, until no suppressed count can be had by subtraction.
 * A suppressed cell keeps no number: n 0, count and share NaN. Returns
 * the number of cells suppressed. */
guint     evk_table_suppress          (EvkTable          *table);

/* What the project's setting asks of a computed table: in suppress mode
 * evk_table_suppress, in flag mode nothing (small cells keep their
 * numbers and every output flags them, see evk_table_is_small). */
void      evk_table_apply_disclosure  (EvkTable          *table,
                                       EvkDisclosureMode  mode);

G_END_DECLS
