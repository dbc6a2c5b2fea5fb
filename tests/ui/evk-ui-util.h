/* evk-ui-util.h: helpers for the UI tests, the screenshots and the benchmark
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Runs the main loop until nothing is pending. */
void        evk_ui_iterate          (void);
/* Runs the main loop for at least ms milliseconds. */
void        evk_ui_run_for          (guint       ms);
/* Runs the main loop until *flag is set or ms pass; returns *flag. */
gboolean    evk_ui_wait_for         (gboolean   *flag,
                                     guint       ms);
/* The first widget of type under root (depth first), or NULL. */
GtkWidget  *evk_ui_find_widget      (GtkWidget  *root,
                                     GType       type);
/* Renders window (and dialog over it, dimmed behind, when given) to a
 * PNG the size of window. */
gboolean    evk_ui_save_png         (GtkWidget  *window,
                                     GtkWidget  *dialog,
                                     const char *path,
                                     GError    **error);

G_END_DECLS
