/* evk-test-util.h: helpers shared by the tests
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A fresh directory under the test's temporary dir, removed at exit by the
 * harness (meson runs each test with its own cwd in the build dir). */
static inline char *
evk_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("evk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline GBytes *
evk_test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline char *
evk_test_demo_strategy (void)
{
  const char *datadir = g_getenv ("EVALKIT_DATADIR");

  g_assert_nonnull (datadir);
  return g_build_filename (datadir, "demo", "strategy.ini", NULL);
}

static inline void
evk_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}
