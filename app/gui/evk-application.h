/* evk-application.h: the GTK application
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EVK_TYPE_APPLICATION (evk_application_get_type ())

G_DECLARE_FINAL_TYPE (EvkApplication, evk_application, EVK, APPLICATION, AdwApplication)

EvkApplication *evk_application_new (void);

G_END_DECLS
