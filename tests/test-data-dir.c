/* test-data-dir.c: where the installed data files are found
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-data-dir.h"

/* The tests run with EVALKIT_DATADIR set to the source tree's data/. */
static void
test_from_environment (void)
{
  const char *env = g_getenv ("EVALKIT_DATADIR");
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *expected = g_build_filename (env, "demo", NULL);
  g_autofree char *strategy = g_build_filename (demo, "strategy.ini", NULL);

  g_assert_cmpstr (demo, ==, expected);
  g_assert_true (g_file_test (strategy, G_FILE_TEST_EXISTS));
}

/* The words, the hyphenation patterns and the fonts are found beside the
 * demo, in the data directory itself. */
static void
test_data_beside_demo (void)
{
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *data = evk_get_data_dir ();
  g_autofree char *parent = g_path_get_dirname (demo);
  g_autofree char *words = g_build_filename (data, "report-strings.ini", NULL);

  g_assert_cmpstr (data, ==, parent);
  g_assert_true (g_file_test (words, G_FILE_TEST_EXISTS));
}

/* Without the variable, an uninstalled build finds the source tree (the
 * test build is never installed into its own prefix with the demo). */
static void
test_uninstalled (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("EVALKIT_DATADIR"));
  g_autofree char *demo = NULL;
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", "strategy.ini", NULL);
  g_autofree char *source = g_build_filename (SOURCE_DATADIR, "demo", NULL);

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("an installed demo exists in " PKGDATADIR);
      return;
    }
  g_unsetenv ("EVALKIT_DATADIR");
  demo = evk_get_demo_dir ();
  g_setenv ("EVALKIT_DATADIR", saved, TRUE);
  g_assert_cmpstr (demo, ==, source);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/data-dir/from-environment", test_from_environment);
  g_test_add_func ("/evk/data-dir/data-beside-demo", test_data_beside_demo);
  g_test_add_func ("/evk/data-dir/uninstalled", test_uninstalled);
  return g_test_run ();
}
