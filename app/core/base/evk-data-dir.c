/* evk-data-dir.c: where the installed data files are
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-data-dir.h"

char *
evk_get_demo_dir (void)
{
  const char *env = g_getenv ("EVALKIT_DATADIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", NULL);
  g_autofree char *installed_probe = g_build_filename (installed, "strategy.ini", NULL);

  if (env != NULL && *env != '\0')
    return g_build_filename (env, "demo", NULL);
  if (g_file_test (installed_probe, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DATADIR, "demo", NULL);
}

char *
evk_get_data_dir (void)
{
  g_autofree char *demo_dir = evk_get_demo_dir ();

  /* The parent of the demo, not $EVALKIT_DATADIR as given: the installed
   * tree counts only when it holds the demo, as it always has. */
  return g_path_get_dirname (demo_dir);
}
