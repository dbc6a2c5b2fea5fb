/* evk-window-private.h: the window's parts, for sibling files and the UI tests
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "evk-window.h"

G_BEGIN_DECLS

struct _EvkWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwLeaflet          *leaflet;
  GtkListBox          *sidebar;
  AdwWindowTitle      *sidebar_title;
  AdwWindowTitle      *content_title;
  AdwPreferencesPage  *content_page;
  GtkButton           *back_button;

  EvkProject          *project;
  EvkStrategy         *strategy;
  char                *lang;
  guint                selected_measure;
  GList               *content_groups;
};

G_END_DECLS
