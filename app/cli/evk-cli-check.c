/* evk-cli-check.c: `evalkit check`, what to fix before the report is sent
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "evk-check.h"
#include "evk-cli-private.h"
#include "evk-table.h"

static char *
problems_to_json (GPtrArray *problems)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < problems->len; i++)
    {
      EvkProblem *p = g_ptr_array_index (problems, i);

      g_string_append (out, i > 0 ? ",\n  {\n" : "\n  {\n");
      evk_cli_json_field (out, "kind", evk_problem_kind_to_string (p->kind), FALSE);
      evk_cli_json_field (out, "place", p->place, FALSE);
      evk_cli_json_field (out, "place_name", p->place_name, FALSE);
      evk_cli_json_field (out, "lang", p->lang, FALSE);
      evk_cli_json_field (out, "message", p->message, TRUE);
      g_string_append (out, "  }");
    }
  g_string_append (out, problems->len > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}

static char *
problems_to_text (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  if (problems->len == 0)
    g_string_append_printf (out, "%s\n", _("No problems"));
  for (guint i = 0; i < problems->len; i++)
    {
      EvkProblem *p = g_ptr_array_index (problems, i);

      if (p->lang != NULL)
        /* Translators: one problem: "Measure 20 · Results (en): translation missing" */
        g_string_append_printf (out, _("%s (%s): %s\n"), p->place_name, p->lang, p->message);
      else
        g_string_append_printf (out, _("%s: %s\n"), p->place_name, p->message);
    }
  return g_string_free (out, FALSE);
}

int
evk_cli_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("check");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Check the report in this language only (default: every language)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exits with status 1 when there is a problem, 0 when there is none. "
      "The project file is only read."));
  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return evk_cli_usage_error (context, _("--format takes text or json"));

  problems = evk_check_file (argv[1], lang, &error);
  if (problems == NULL)
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  out = format != NULL && g_str_equal (format, "json") ? problems_to_json (problems)
                                                       : problems_to_text (problems);
  fputs (out, stdout);
  return problems->len > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
