/* main.c: evalkit — the window without a command, the command line with one
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "evk-application.h"
#include "evk-cli.h"
#include "evk-trace.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GApplication) app = NULL;

  evk_trace_mark ("main");
  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/run) points this at its own catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("EVALKIT_LOCALEDIR") != NULL ? g_getenv ("EVALKIT_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands run headless: GTK is never initialised for them. */
  if (argc > 1 && evk_cli_is_command (argv[1]))
    return evk_cli_run (argc, argv);

  if (!gtk_init_check ())
    {
      g_printerr (_("evalkit: cannot open a display; the commands work without one "
                    "(see “evalkit --help”)\n"));
      return EXIT_FAILURE;
    }

  evk_trace_mark ("GTK initialised");
  app = G_APPLICATION (evk_application_new ());
  return g_application_run (app, argc, argv);
}
