/* evk-measure-edit.c: edits of a measure's types, target groups and bodies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-measure-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-measure-edit.h"
#include "evk-model-error.h"

static GStrv *
field_of (EvkMeasure  *measure,
          const char  *field,
          GError     **error)
{
  if (g_strcmp0 (field, "types") == 0)
    return &measure->types;
  if (g_strcmp0 (field, "targets") == 0)
    return &measure->targets;
  if (g_strcmp0 (field, "responsible") == 0)
    return &measure->responsible;
  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("A measure has no field “%s”"), field);
  return NULL;
}

static EvkMeasure *
find_measure (EvkStrategy  *strategy,
              guint         number,
              GError      **error)
{
  EvkMeasure *measure = evk_strategy_find_measure (strategy, number);

  if (measure == NULL)
    g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("The strategy has no measure %u"), number);
  return measure;
}

GStrv
evk_measure_edit_get_keys (EvkProject  *project,
                           guint        number,
                           const char  *field,
                           GError     **error)
{
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (project, error);
  EvkMeasure *measure;
  GStrv *keys;

  if (strategy == NULL || (measure = find_measure (strategy, number, error)) == NULL ||
      (keys = field_of (measure, field, error)) == NULL)
    return NULL;
  return *keys != NULL ? g_strdupv (*keys) : g_new0 (char *, 1);
}

gboolean
evk_measure_edit_set_keys (EvkProject          *project,
                           guint                number,
                           const char          *field,
                           const char * const  *keys,
                           GError             **error)
{
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (project, error);
  EvkMeasure *measure;
  GStrv *old;

  if (strategy == NULL || (measure = find_measure (strategy, number, error)) == NULL ||
      (old = field_of (measure, field, error)) == NULL)
    return FALSE;
  g_strfreev (*old);
  *old = g_strdupv ((char **) keys);
  if (!evk_strategy_validate (strategy, error) ||
      !evk_strategy_save (strategy, evk_project_get_store (project), error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "measure");
  return TRUE;
}
