/* evk-chart-area.c: a drawing area whose height follows its width
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-chart-area"

#include "config.h"

#include <math.h>

#include "evk-chart-area.h"

/* Charts are laid out height-for-width: setting a content height from the
 * "resize" signal would come a frame late, as a queued resize during
 * allocation is not honoured until the next one. */
struct _EvkChartArea
{
  GtkDrawingArea          parent_instance;

  EvkChartAreaHeightFunc  height_func;
  gpointer                user_data;
};

G_DEFINE_FINAL_TYPE (EvkChartArea, evk_chart_area, GTK_TYPE_DRAWING_AREA)

#define MIN_WIDTH 240
#define NATURAL_WIDTH 360
#define EMPTY_HEIGHT 120

static GtkSizeRequestMode
evk_chart_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
evk_chart_area_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  EvkChartArea *self = EVK_CHART_AREA (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      int width = for_size >= 0 ? for_size : NATURAL_WIDTH;
      double height = self->height_func != NULL ? self->height_func (width, self->user_data) : 0;

      *minimum = *natural = height > 0 ? (int) ceil (height) : EMPTY_HEIGHT;
    }
}

static void
evk_chart_area_class_init (EvkChartAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = evk_chart_area_get_request_mode;
  widget_class->measure = evk_chart_area_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
evk_chart_area_init (EvkChartArea *self)
{
}

GtkWidget *
evk_chart_area_new (EvkChartAreaHeightFunc height_func,
                    gpointer               user_data)
{
  EvkChartArea *self = g_object_new (EVK_TYPE_CHART_AREA, NULL);

  evk_chart_area_set_height_func (self, height_func, user_data);
  return GTK_WIDGET (self);
}

void
evk_chart_area_set_height_func (EvkChartArea          *self,
                                EvkChartAreaHeightFunc height_func,
                                gpointer               user_data)
{
  g_return_if_fail (EVK_IS_CHART_AREA (self));

  self->height_func = height_func;
  self->user_data = user_data;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
