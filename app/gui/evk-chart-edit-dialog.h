/* evk-chart-edit-dialog.h: a saved chart's weighting, and its caption and alt text in every language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-project.h"

G_BEGIN_DECLS

#define EVK_TYPE_CHART_EDIT_DIALOG (evk_chart_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvkChartEditDialog, evk_chart_edit_dialog, EVK, CHART_EDIT_DIALOG, AdwWindow)

/* A modal dialog over parent, prefilled from the project; NULL with error
 * when the chart or the project's languages cannot be read. */
EvkChartEditDialog *evk_chart_edit_dialog_new          (GtkWindow          *parent,
                                                        EvkProject         *project,
                                                        const char         *key,
                                                        GError            **error);
const char         *evk_chart_edit_dialog_get_key      (EvkChartEditDialog *self);
/* The "Weighting" AdwComboRow, or NULL where the chart cannot be weighted
 * (it does not count survey answers, or its survey has no weight variable
 * and no population shares); and the weighting it shows, in the table
 * grammar's words ("variable", "population:VAR"), NULL for none. */
GtkWidget          *evk_chart_edit_dialog_get_weighting_row (EvkChartEditDialog *self);
const char         *evk_chart_edit_dialog_get_weighting (EvkChartEditDialog *self);

/* What the fields hold (for tests; NULL for a language the project lacks). */
char               *evk_chart_edit_dialog_get_caption  (EvkChartEditDialog *self,
                                                        const char         *lang);
char               *evk_chart_edit_dialog_get_alt_text (EvkChartEditDialog *self,
                                                        const char         *lang);
void                evk_chart_edit_dialog_set_caption  (EvkChartEditDialog *self,
                                                        const char         *lang,
                                                        const char         *text);
void                evk_chart_edit_dialog_set_alt_text (EvkChartEditDialog *self,
                                                        const char         *lang,
                                                        const char         *text);

/* What Save does: the weighting, if changed, then every language in one
 * edit (one transaction); on
 * success the dialog closes, on failure it stays open and shows error. */
gboolean            evk_chart_edit_dialog_save         (EvkChartEditDialog *self,
                                                        GError            **error);
/* What Cancel and Escape do: closes without writing. */
void                evk_chart_edit_dialog_cancel       (EvkChartEditDialog *self);

G_END_DECLS
