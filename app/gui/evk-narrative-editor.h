/* evk-narrative-editor.h: a measure's or a report chapter's narrative sections, every language side by side
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_NARRATIVE_EDITOR (evk_narrative_editor_get_type ())

G_DECLARE_FINAL_TYPE (EvkNarrativeEditor, evk_narrative_editor, EVK, NARRATIVE_EDITOR, GtkWidget)

/* Edits the narrative of measure number: one block per section of the
 * strategy, a column per project language (source first). Every edit is
 * saved by itself, shortly after the typing stops. */
GtkWidget       *evk_narrative_editor_new                (EvkWorkspace       *workspace,
                                                          guint               number);
/* Edits the narrative of the report outline's chapter part: one block
 * per section (keys, with their names as the page shows them), saved and
 * undone like a measure's. */
GtkWidget       *evk_narrative_editor_new_for_chapter    (EvkWorkspace       *workspace,
                                                          const char         *part,
                                                          const char * const *keys,
                                                          const char * const *names);
/* Shows every text rendered from its Markdown instead of its editor. */
void             evk_narrative_editor_set_preview        (EvkNarrativeEditor *self,
                                                          gboolean            preview);
gboolean         evk_narrative_editor_get_preview        (EvkNarrativeEditor *self);
/* Saves the edits still waiting for their timer. */
void             evk_narrative_editor_flush              (EvkNarrativeEditor *self);

/* For tests: the pieces of one column, or NULL. */
GtkTextView     *evk_narrative_editor_get_text_view      (EvkNarrativeEditor *self,
                                                          const char         *key,
                                                          const char         *lang);
/* The column's "Outdated" / "Missing" label; hidden when the text is current. */
GtkLabel        *evk_narrative_editor_get_state_label    (EvkNarrativeEditor *self,
                                                          const char         *key,
                                                          const char         *lang);
GtkToggleButton *evk_narrative_editor_get_preview_button (EvkNarrativeEditor *self);
/* The markup of the column's preview labels, one per line (a new string). */
char            *evk_narrative_editor_get_preview_markup (EvkNarrativeEditor *self,
                                                          const char         *key,
                                                          const char         *lang);

G_END_DECLS
