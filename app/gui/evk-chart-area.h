/* evk-chart-area.h: a drawing area whose height follows its width
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVK_TYPE_CHART_AREA (evk_chart_area_get_type ())

G_DECLARE_FINAL_TYPE (EvkChartArea, evk_chart_area, EVK, CHART_AREA, GtkDrawingArea)

/* The height the chart wants at width (the chart code knows: more rows,
 * wrapped labels); 0 means "no chart yet". */
typedef double (*EvkChartAreaHeightFunc) (int      width,
                                          gpointer user_data);

GtkWidget *evk_chart_area_new             (EvkChartAreaHeightFunc height_func,
                                           gpointer               user_data);
/* For an area built from a template, where the constructor cannot be
 * given the function. */
void       evk_chart_area_set_height_func (EvkChartArea          *self,
                                           EvkChartAreaHeightFunc height_func,
                                           gpointer               user_data);

G_END_DECLS
