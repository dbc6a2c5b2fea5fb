/* evk-measure-item.c: a measure as a list item, for sortable tables
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-measure-item"

#include "config.h"

#include "evk-measure-item.h"

struct _EvkMeasureItem
{
  GObject  parent_instance;

  guint    number;
  char    *title;
  char    *responsible;
  char    *status_key;
  char    *status;
  guint    status_rank;
};

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_RESPONSIBLE,
  PROP_STATUS,
  PROP_STATUS_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EvkMeasureItem, evk_measure_item, G_TYPE_OBJECT)

static void
evk_measure_item_finalize (GObject *object)
{
  EvkMeasureItem *self = EVK_MEASURE_ITEM (object);

  g_free (self->title);
  g_free (self->responsible);
  g_free (self->status_key);
  g_free (self->status);
  G_OBJECT_CLASS (evk_measure_item_parent_class)->finalize (object);
}

static void
evk_measure_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EvkMeasureItem *self = EVK_MEASURE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RESPONSIBLE:
      g_value_set_string (value, self->responsible);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_RANK:
      g_value_set_uint (value, self->status_rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evk_measure_item_class_init (EvkMeasureItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evk_measure_item_finalize;
  object_class->get_property = evk_measure_item_get_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSIBLE] = g_param_spec_string ("responsible", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_RANK] = g_param_spec_uint ("status-rank", NULL, NULL, 0, G_MAXUINT, 0,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evk_measure_item_init (EvkMeasureItem *self)
{
}

EvkMeasureItem *
evk_measure_item_new (guint       number,
                      const char *title,
                      const char *responsible,
                      const char *status_key,
                      const char *status,
                      guint       status_rank)
{
  EvkMeasureItem *self = g_object_new (EVK_TYPE_MEASURE_ITEM, NULL);

  self->number = number;
  self->title = g_strdup (title);
  self->responsible = g_strdup (responsible);
  self->status_key = g_strdup (status_key);
  self->status = g_strdup (status);
  self->status_rank = status_rank;
  return self;
}

guint
evk_measure_item_get_number (EvkMeasureItem *self)
{
  return self->number;
}

const char *
evk_measure_item_get_title (EvkMeasureItem *self)
{
  return self->title;
}

const char *
evk_measure_item_get_responsible (EvkMeasureItem *self)
{
  return self->responsible;
}

const char *
evk_measure_item_get_status_key (EvkMeasureItem *self)
{
  return self->status_key;
}

const char *
evk_measure_item_get_status (EvkMeasureItem *self)
{
  return self->status;
}
