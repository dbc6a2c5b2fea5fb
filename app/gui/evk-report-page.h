/* evk-report-page.h: the report: title page, outline, figures, and each chapter's text
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-narrative-editor.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_REPORT_PAGE (evk_report_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkReportPage, evk_report_page, EVK, REPORT_PAGE, GtkWidget)

/* With part NULL, the title page, the outline and where the figures go;
 * with the key of a part that has sections, the narrative of that part. */
GtkWidget          *evk_report_page_new           (EvkWorkspace  *workspace,
                                                   const char    *part);
/* The part's title as the page shows it, in the content language. */
char               *evk_report_page_part_title    (EvkWorkspace  *workspace,
                                                   const char    *part);
/* Saves what is still waiting for its timer. */
void                evk_report_page_flush         (EvkReportPage *self);

/* For tests: the chapter page's editor, or NULL. */
EvkNarrativeEditor *evk_report_page_get_editor    (EvkReportPage *self);
/* The title page's entry for key (and lang, for a text field), or NULL. */
AdwEntryRow        *evk_report_page_get_title_row (EvkReportPage *self,
                                                   const char    *key,
                                                   const char    *lang);
/* The outline's row of part, the entry that adds a chapter, the combo
 * row that places figure. */
AdwExpanderRow     *evk_report_page_get_part_row  (EvkReportPage *self,
                                                   const char    *part);
AdwEntryRow        *evk_report_page_get_new_chapter_row (EvkReportPage *self);
AdwComboRow        *evk_report_page_get_figure_row (EvkReportPage *self,
                                                    const char    *figure);

G_END_DECLS
