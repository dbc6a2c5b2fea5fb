/* evk-report-texts.c: the report's texts and outline as the window edits them
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "evk-report-texts.h"
#include "evk-store-texts.h"

gboolean
evk_report_text_is_narrative (const char *field)
{
  return g_str_has_prefix (field, "chapter:");
}

gboolean
evk_report_text_get (EvkProject  *project,
                     const char  *field,
                     const char  *lang,
                     char       **body,
                     char       **source_fp,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *body = NULL;
  *source_fp = NULL;
  if (evk_report_text_is_narrative (field))
    return evk_store_get_text_version (evk_project_get_store (project), EVK_NARRATIVE_ENTITY_PROJECT, 0,
                                       field, lang, body, source_fp, error);
  *body = evk_report_get_title_field (project, field, lang, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char *field;
  const char *lang;
  const char *body;
  const char *source_fp;
} Put;

static gboolean
put_func (EvkStore  *store,
          gpointer   user_data,
          GError   **error)
{
  Put *put = user_data;
  const char *body = put->body != NULL && put->body[0] != '\0' ? put->body : NULL;

  if (put->source_fp != NULL)
    return evk_store_put_text_version (store, EVK_NARRATIVE_ENTITY_PROJECT, 0, put->field, put->lang,
                                       body, put->source_fp, error);
  return evk_store_set_text (store, EVK_NARRATIVE_ENTITY_PROJECT, 0, put->field, put->lang, body, error);
}

gboolean
evk_report_text_put (EvkProject  *project,
                     const char  *field,
                     const char  *lang,
                     const char  *body,
                     const char  *source_fp,
                     GError     **error)
{
  Put put = { field, lang, body, source_fp };

  if (evk_report_text_is_narrative (field))
    {
      if (!evk_store_transaction (evk_project_get_store (project), put_func, &put, error))
        return FALSE;
    }
  else if (!evk_report_set_title_field (project, field, lang, body, error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "texts");
  return TRUE;
}

EvkTextState
evk_report_text_state (EvkProject  *project,
                       const char  *field,
                       const char  *lang,
                       GError     **error)
{
  return evk_store_get_text_state (evk_project_get_store (project), EVK_NARRATIVE_ENTITY_PROJECT, 0,
                                   field, lang, error);
}

GHashTable *
evk_report_text_get_all (EvkProject  *project,
                         const char  *field,
                         GError     **error)
{
  g_autoptr(EvkTextIndex) index = evk_text_index_load (evk_project_get_store (project),
                                                       EVK_NARRATIVE_ENTITY_PROJECT, error);

  if (index == NULL)
    return NULL;
  return evk_text_index_get (index, 0, field);
}

gboolean
evk_report_outline_update (EvkProject  *project,
                           EvkOutline  *outline,
                           GError     **error)
{
  if (!evk_report_outline_save (project, outline, error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "report");
  return TRUE;
}
