/* evk-report-texts.h: the report's texts and outline as the window edits them
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-report-outline.h"

G_BEGIN_DECLS

/* A text of the report is named by FIELD: a title-page key ("Title",
 * "Number", see evk_report_title_text_keys) or a chapter section's
 * narrative ("chapter:PART:SECTION", evk_narrative_chapter_field). A
 * value key ignores lang. */
gboolean      evk_report_text_is_narrative (const char  *field);

/* The text as stored, for putting it back later: body and source
 * fingerprint (a title-page field has none), NULL when there is none. */
gboolean      evk_report_text_get       (EvkProject  *project,
                                         const char  *field,
                                         const char  *lang,
                                         char       **body,
                                         char       **source_fp,
                                         GError     **error);
/* One edit, in one transaction; an empty text removes it. With a source
 * fingerprint the text is put back exactly as it was (undo). Emits the
 * project's "changed" with "texts". */
gboolean      evk_report_text_put       (EvkProject  *project,
                                         const char  *field,
                                         const char  *lang,
                                         const char  *body,
                                         const char  *source_fp,
                                         GError     **error);
/* A chapter section's text in LANG against its source. */
EvkTextState  evk_report_text_state     (EvkProject  *project,
                                         const char  *field,
                                         const char  *lang,
                                         GError     **error);
/* The text in every language that has it: a new localized table. */
GHashTable   *evk_report_text_get_all   (EvkProject  *project,
                                         const char  *field,
                                         GError     **error);

/* Saves the outline (evk_report_outline_save) and emits the project's
 * "changed" with "report", so that every view of it follows. */
gboolean      evk_report_outline_update (EvkProject  *project,
                                         EvkOutline  *outline,
                                         GError     **error);

G_END_DECLS
