/* evk-page.h: pieces every page of the window is built from
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

/* A scrolled, clamped column; *content receives the vertical box to fill. */
GtkWidget  *evk_page_scrolled_new    (GtkWidget     **content);
GtkWidget  *evk_page_label_new       (const char     *text,
                                      const char     *css_class);
/* A heading over a part of a page, with an accessible heading role. */
GtkWidget  *evk_page_section_new     (const char     *text);
/* Cards side by side when there is room, one per line when not. */
GtkWidget  *evk_page_flow_new        (void);
void        evk_page_flow_append     (GtkWidget      *flow,
                                      GtkWidget      *child);
/* A status as a tinted pill; the tint follows the status's place in the
 * project's list (first = best), not its name. */
GtkWidget  *evk_status_badge_new     (EvkWorkspace   *workspace,
                                      const char     *status);
const char *evk_status_css_class     (EvkWorkspace   *workspace,
                                      const char     *status);
/* The measure's types, targets or responsible bodies in the content
 * language, comma-separated. */
char       *evk_page_join_terms      (EvkWorkspace   *workspace,
                                      EvkVocab        vocab,
                                      GStrv           keys);
char       *evk_page_join_bodies     (EvkWorkspace   *workspace,
                                      GStrv           keys);
/* A big number with a caption under it, as on the overview. */
GtkWidget  *evk_page_figure_new      (const char     *value,
                                      const char     *caption);
void        evk_page_clear_box       (GtkWidget      *box);

G_END_DECLS
