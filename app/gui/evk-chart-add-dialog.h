/* evk-chart-add-dialog.h: a new chart for a measure, a goal or a report chapter, chosen with a live preview
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-table.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_CHART_ADD_DIALOG (evk_chart_add_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvkChartAddDialog, evk_chart_add_dialog, EVK, CHART_ADD_DIALOG, AdwWindow)

/* What Add does with the chosen chart: saves it (undoably, in the window)
 * and returns its key, or NULL with error. */
typedef char *(*EvkChartAddFunc) (gpointer      user_data,
                                  EvkChartKind  kind,
                                  const char   *spec,
                                  guint         measure,
                                  const char   *goal,
                                  GHashTable   *caption,
                                  GError      **error);

/* A modal dialog over parent for a chart of measure (> 0) or goal, or,
 * with neither, of the whole survey (a report chapter's figure). Its
 * rows are the kind, the data (an offer, a question, a question set:
 * whatever the kind draws) and the group; the preview draws the chart as
 * it would be added. */
EvkChartAddDialog *evk_chart_add_dialog_new       (GtkWindow         *parent,
                                                   EvkWorkspace      *workspace,
                                                   guint              measure,
                                                   const char        *goal,
                                                   EvkChartAddFunc    add,
                                                   gpointer           user_data);
/* The words of the chart chosen now ("frequency q72 group=small"), its
 * kind, and the table its preview draws (NULL when it does not compute). */
const char        *evk_chart_add_dialog_get_spec  (EvkChartAddDialog *self);
EvkChartKind       evk_chart_add_dialog_get_kind  (EvkChartAddDialog *self);
EvkTable          *evk_chart_add_dialog_get_table (EvkChartAddDialog *self);
/* The preview's drawing area (for tests and screenshots). */
GtkWidget         *evk_chart_add_dialog_get_preview (EvkChartAddDialog *self);
/* What Add does: on success the dialog closes and the key is returned. */
char              *evk_chart_add_dialog_add       (EvkChartAddDialog *self,
                                                   GError           **error);

G_END_DECLS
