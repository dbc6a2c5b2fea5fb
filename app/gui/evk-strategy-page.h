/* evk-strategy-page.h: write the strategy: title, goals and measures with their facts
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_STRATEGY_PAGE (evk_strategy_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkStrategyPage, evk_strategy_page, EVK, STRATEGY_PAGE, GtkWidget)

GtkWidget *evk_strategy_page_new (EvkWorkspace *workspace);

/* Shared with the lists and offers pages: an edit of the strategy starts
 * with the strategy as it was, and ends on the window's undo stack, or as
 * a toast saying why it was refused. */
EvkStrategy *evk_strategy_page_edit_begin (GtkWidget    *page,
                                           EvkWorkspace *workspace);
gboolean     evk_strategy_page_edit_end   (GtkWidget    *page,
                                           EvkStrategy  *before,
                                           gboolean      ok,
                                           GError       *error,
                                           const char   *message);
/* An entry row per project language for a text of the strategy (see
 * evk_strategy_set_text), applied as one edit each. */
void         evk_strategy_page_add_text_rows (GtkWidget    *page,
                                           EvkWorkspace *workspace,
                                           GtkWidget    *parent,
                                           const char   *label,
                                           const char   *what,
                                           const char   *key,
                                           const char   *field,
                                           GHashTable   *localized);
/* A flat icon button with a tooltip. */
GtkWidget   *evk_strategy_page_icon_button (const char  *icon,
                                            const char  *tooltip);

G_END_DECLS
