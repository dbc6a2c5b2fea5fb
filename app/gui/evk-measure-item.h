/* evk-measure-item.h: a measure as a list item, for sortable tables
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EVK_TYPE_MEASURE_ITEM (evk_measure_item_get_type ())

G_DECLARE_FINAL_TYPE (EvkMeasureItem, evk_measure_item, EVK, MEASURE_ITEM, GObject)

/* status_rank is the status's place in the project's list, so a sort by
 * status follows the project's order, not the alphabet. */
EvkMeasureItem *evk_measure_item_new             (guint           number,
                                                  const char     *title,
                                                  const char     *responsible,
                                                  const char     *status_key,
                                                  const char     *status,
                                                  guint           status_rank);
guint           evk_measure_item_get_number      (EvkMeasureItem *self);
const char     *evk_measure_item_get_title       (EvkMeasureItem *self);
const char     *evk_measure_item_get_responsible (EvkMeasureItem *self);
const char     *evk_measure_item_get_status_key  (EvkMeasureItem *self);
const char     *evk_measure_item_get_status      (EvkMeasureItem *self);

G_END_DECLS
