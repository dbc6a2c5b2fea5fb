/* evk-ui-util.h: helpers for the UI tests, the screenshots and the benchmark
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-window.h"

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
/* Renders window (and dialog over it, dimmed behind, when given; or a
 * popover open in it, where it shows) to a PNG the size of window. */
gboolean    evk_ui_save_png         (GtkWidget  *window,
                                     GtkWidget  *dialog,
                                     const char *path,
                                     GError    **error);

/* Scrolls widget's scrolled window so that widget shows near its top,
 * and waits until its window is on a monitor, as a popover from it needs
 * (the X server tells a moment after the window maps). */
void        evk_ui_show_on_screen   (GtkWidget  *widget);

/* What AdwApplication does for the app at startup: the resources and the
 * app's stylesheet, so tests, screenshots and benchmarks see its widgets
 * styled as users do. */
void        evk_ui_load_app         (void);

/* The UI tests' start: g_test_init, then GTK and libadwaita. FALSE (after
 * printing a TAP skip) where there is no display. */
gboolean    evk_ui_test_init        (int        *argc,
                                     char     ***argv);

/* A window on a fresh demo project in a temporary folder, at 1366×768. */
EvkWindow  *evk_ui_open_demo        (char      **dir);
void        evk_ui_close_demo       (EvkWindow  *window,
                                     char       *dir);

typedef struct {
  char      *dir;
  EvkWindow *window;
} EvkUiFixture;

void        evk_ui_fixture_set_up   (EvkUiFixture  *f,
                                     gconstpointer  data);
void        evk_ui_fixture_tear_down (EvkUiFixture *f,
                                      gconstpointer data);

/* The n-th (from 0) preferences row titled title on the window's page,
 * depth first; fails the test when there is none. */
GtkWidget  *evk_ui_row_titled       (EvkWindow  *window,
                                     const char *title,
                                     guint       n);
/* The first widget of type under root whose tooltip is tooltip (any when
 * NULL), or NULL. */
GtkWidget  *evk_ui_find_widget_with_tooltip (GtkWidget  *root,
                                     GType       type,
                                     const char *tooltip);
/* Types into the n-th entry row titled title and presses its apply
 * button, as a user does. */
void        evk_ui_type_and_apply   (EvkWindow  *window,
                                     const char *title,
                                     guint       n,
                                     const char *text);
/* The project's strategy as stored now (a new one, for the caller). */
EvkStrategy *evk_ui_strategy_of     (EvkWindow  *window);
/* What the clipboard gives a program that asks for mime_type (the
 * bytes, NUL-terminated for text). */
GBytes     *evk_ui_read_clipboard   (GdkClipboard *clipboard,
                                     const char   *mime_type);

G_END_DECLS
