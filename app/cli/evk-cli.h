/* evk-cli.h: the headless command line (`evalkit COMMAND …`)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Is argv[1] a command of the command line (rather than a file or a
 * GApplication option)? */
gboolean evk_cli_is_command (const char *arg);
/* Runs a command; never needs a display. Returns the exit status. */
int      evk_cli_run        (int          argc,
                             char       **argv);

G_END_DECLS
