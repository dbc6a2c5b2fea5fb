/* fuzz-strategy.c: the strategy definition file (a key file)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file either is refused with an error or gives a strategy that writes
 * out, reads back and writes out the same text again; such a strategy is
 * then imported into a project (the path of `evalkit import-strategy`),
 * which may refuse it (a strategy is checked against the project) but
 * never crashes.
 */
#include "config.h"

#include "evk-project.h"
#include "evk-strategy-keyfile.h"
#include "fuzz-common.h"

static EvkProject *project;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  evk_fuzz_init ();
  path = g_build_filename (evk_fuzz_dir (), "strategy.evalkit", NULL);
  project = evk_project_create (path, &error);
  g_assert_no_error (error);
  return 0;
}

static char *
write_text (EvkStrategy *strategy)
{
  g_autoptr(GKeyFile) key_file = evk_strategy_to_key_file (strategy);

  return g_key_file_to_data (key_file, NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GKeyFile) again = g_key_file_new ();
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(EvkStrategy) strategy_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *text_again = NULL, *path = NULL;

  if (!g_key_file_load_from_data (key_file, (const char *) data, size,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
    return 0;
  strategy = evk_strategy_from_key_file (key_file, &error);
  if (strategy == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  text = write_text (strategy);
  if (!g_key_file_load_from_data (again, text, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error) ||
      (strategy_again = evk_strategy_from_key_file (again, &error)) == NULL)
    g_error ("a strategy that was read does not read back once written: %s\n%s",
             error->message, text);
  text_again = write_text (strategy_again);
  if (g_strcmp0 (text, text_again) != 0)
    g_error ("a strategy written twice differs:\n%s\n----\n%s", text, text_again);

  path = evk_fuzz_write ("strategy.ini", (const guint8 *) text, strlen (text));
  if (!evk_project_import_strategy (project, path, &error))
    g_assert_nonnull (error);
  return 0;
}
