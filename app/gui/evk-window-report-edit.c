/* evk-window-report-edit.c: the report page's edits on the window's undo stack
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-report-texts.h"
#include "evk-window-private.h"

static GStrv
text_version (EvkWindow   *self,
              const char  *field,
              const char  *lang,
              GError     **error)
{
  g_autofree char *body = NULL, *fp = NULL;
  char *keys[3] = { NULL, NULL, NULL };

  if (!evk_report_text_get (self->project, field, lang, &body, &fp, error))
    return NULL;
  keys[0] = body != NULL ? body : "";
  keys[1] = fp != NULL ? fp : "";
  return g_strdupv (keys);
}

/* As _evk_window_set_text for a measure: the saves of one stay in a field
 * (continues) make one edit, so that undo takes back the stay. */
gboolean
_evk_window_set_report_text (EvkWindow   *self,
                             const char  *field,
                             const char  *lang,
                             const char  *text,
                             gboolean     continues,
                             GError     **error)
{
  EvkEdit *top = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  g_auto(GStrv) before = NULL;
  GStrv after;

  g_return_val_if_fail (self->project != NULL, FALSE);

  before = text_version (self, field, lang, error);
  if (before == NULL ||
      !evk_report_text_put (self->project, field, lang, text, NULL, error) ||
      (after = text_version (self, field, lang, error)) == NULL)
    return FALSE;
  g_ptr_array_set_size (self->redo, 0);
  if (continues && top != NULL && top->report_text && g_str_equal (top->field, field) &&
      g_strcmp0 (top->lang, lang) == 0)
    {
      g_strfreev (top->after);
      top->after = after;
    }
  else
    {
      EvkEdit *edit = g_new0 (EvkEdit, 1);

      edit->report_text = TRUE;
      edit->field = g_strdup (field);
      edit->lang = g_strdup (lang);
      edit->before = g_steal_pointer (&before);
      edit->after = after;
      g_ptr_array_add (self->undo, edit);
    }
  _evk_window_update_actions (self);
  return TRUE;
}

gboolean
_evk_window_update_outline (EvkWindow   *self,
                            EvkOutline  *before,
                            EvkOutline  *after,
                            const char  *message,
                            GError     **error)
{
  g_autoptr(EvkOutline) owned = before;
  EvkEdit *edit;

  g_return_val_if_fail (self->project != NULL, FALSE);

  if (!evk_report_outline_update (self->project, after, error))
    return FALSE;
  edit = g_new0 (EvkEdit, 1);
  edit->outline_before = g_steal_pointer (&owned);
  edit->outline_after = evk_outline_copy (after);
  _evk_window_push_edit (self, edit, message);
  return TRUE;
}

gboolean
_evk_window_move_report_edit (EvkWindow   *self,
                              EvkEdit     *edit,
                              gboolean     undo,
                              GError     **error)
{
  GStrv keys;

  if (edit->outline_before != NULL)
    return evk_report_outline_update (self->project, undo ? edit->outline_before : edit->outline_after, error);
  /* Put back with its fingerprint, so a translation is as outdated as it
   * was; a title-page field has no fingerprint and is simply written. */
  keys = undo ? edit->before : edit->after;
  return evk_report_text_put (self->project, edit->field, edit->lang, keys[0],
                              keys[1][0] != '\0' ? keys[1] : NULL, error);
}
