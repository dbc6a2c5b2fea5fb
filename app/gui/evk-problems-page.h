/* evk-problems-page.h: what to fix before the report is sent, each leading to its place
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_PROBLEMS_PAGE (evk_problems_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkProblemsPage, evk_problems_page, EVK, PROBLEMS_PAGE, GtkWidget)

/* The problems `evalkit check` lists, in every language, grouped by kind;
 * activating a row runs "win.show-place" with its place. The check runs in
 * a thread on its own connection to the file. */
GtkWidget  *evk_problems_page_new         (EvkWorkspace    *workspace);
/* Checks the file again (what Refresh does). */
void        evk_problems_page_refresh     (EvkProblemsPage *self);
/* Whether a check is running. */
gboolean    evk_problems_page_is_checking (EvkProblemsPage *self);
/* Whether the page shows "No Problems". */
gboolean    evk_problems_page_is_empty    (EvkProblemsPage *self);
/* The rows shown, in order (a new array of borrowed rows); each has the
 * problem's "place" and "kind" (its stable name) as object data. */
GPtrArray  *evk_problems_page_get_rows    (EvkProblemsPage *self);
GtkButton  *evk_problems_page_get_refresh_button (EvkProblemsPage *self);

/* The check of the workspace's project file in a thread; finish gives
 * the EvkProblem array. Shared with the overview's count. */
void        evk_problems_check_async      (EvkWorkspace        *workspace,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray  *evk_problems_check_finish     (GAsyncResult        *result,
                                           GError             **error);
/* "3 problems before sending", "No problems before sending". */
char       *evk_problems_count_text       (guint                n_problems);

G_END_DECLS
