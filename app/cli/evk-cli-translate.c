/* evk-cli-translate.c: `evalkit export-po`, `import-po` and `add-language`
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-cli-private.h"
#include "evk-localized.h"
#include "evk-po.h"
#include "evk-translatable.h"

int
evk_cli_export_po (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("export-po");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EvkTranslationCounts counts;
  int status;

  g_option_context_set_description (context,
    _("One entry per translatable string of the report, its msgctxt the string’s "
      "place; outdated translations are fuzzy with the previous source. The "
      "project file is only read."));
  if (!evk_cli_parse (context, &argc, &argv, 3, &status))
    return status;

  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL)
    return evk_cli_fail (error);
  if (!evk_translatables_count (project, argv[2], &counts, &error) ||
      !evk_po_export (project, argv[2], argv[3], &error))
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  /* Translators: "Wrote 812 strings in en to en.po (700 done, 12 outdated, 100 missing)" */
  g_print (_("Wrote %u strings in %s to %s (%u done, %u outdated, %u missing)\n"),
           counts.done + counts.outdated + counts.missing, argv[2], argv[3], counts.done,
           counts.outdated, counts.missing);
  return EXIT_SUCCESS;
}

int
evk_cli_import_po (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("import-po");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *lang = NULL;
  EvkTranslationResult result;
  int status;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &expected,
      N_("Refuse the file unless its header names this language"), N_("LANG") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Takes only the translations (never the source texts) of a PO file exported "
      "from this project, in the language its header names; a language the project "
      "lacks becomes a report language. Fuzzy entries are kept as outdated. All or "
      "nothing."));
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  project = evk_project_open (argv[1], &error);
  if (project == NULL)
    return evk_cli_fail (error);
  if (!evk_po_import (project, argv[2], expected, &lang, &result, &error))
    return evk_cli_fail (error);
  /* Translators: "212 updated, 3 unknown contexts ignored (en)" */
  g_print (_("%u updated, %u unknown contexts ignored (%s)\n"), result.updated, result.unknown,
           lang);
  return EXIT_SUCCESS;
}

int
evk_cli_add_language (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("add-language");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) langs = NULL;
  int status;

  g_option_context_set_description (context,
    _("The report can then be rendered in LANG: its words and texts come from the "
      "project (import-po), its numbers and dates from the language’s locale."));
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (!evk_language_code_is_valid (argv[2]))
    {
      g_printerr (_("evalkit: “%s” is not a language code\n"), argv[2]);
      return EXIT_FAILURE;
    }

  project = evk_project_open (argv[1], &error);
  if (project == NULL || (langs = evk_project_get_languages (project, &error)) == NULL)
    return evk_cli_fail (error);
  if (g_strv_contains ((const char * const *) langs, argv[2]))
    {
      g_print (_("The project already has %s\n"), argv[2]);
      return EXIT_SUCCESS;
    }
  if (!evk_project_add_report_language (project, argv[2], &error))
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  g_print (_("Added %s to the project’s languages\n"), argv[2]);
  return EXIT_SUCCESS;
}
