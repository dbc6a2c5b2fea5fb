/* evk-cli-strategy.c: editing the strategy's survey links and groups
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evk-cli-private.h"
#include "evk-filter.h"
#include "evk-localized.h"
#include "evk-project.h"

/* Both commands edit the strategy as one unit and save it in one
 * transaction, through the same validation the key file import uses. */

int
evk_cli_group (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("group");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  gboolean remove = FALSE;
  EvkGroup *group = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &names,
      N_("The group’s name in a language, as LANG=TEXT (repeat for each language)"), N_("LANG=TEXT") },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Remove the group"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, remove ? 2 : 3, &status))
    return status;

  project = evk_project_open (argv[1], &error);
  if (project == NULL || (strategy = evk_project_load_strategy (project, &error)) == NULL)
    return evk_cli_fail (error);

  for (guint i = 0; i < strategy->groups->len; i++)
    if (g_str_equal (((EvkGroup *) g_ptr_array_index (strategy->groups, i))->key, argv[2]))
      {
        if (remove)
          g_ptr_array_remove_index (strategy->groups, i);
        else
          group = g_ptr_array_index (strategy->groups, i);
        break;
      }

  if (!remove)
    {
      g_autoptr(EvkFilter) filter = evk_filter_parse (argv[3], &error);

      if (filter == NULL)
        return evk_cli_fail (error);
      if (group == NULL)
        group = evk_strategy_add_group (strategy, argv[2]);
      g_free (group->filter);
      group->filter = evk_filter_to_string (filter);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          const char *eq = strchr (names[i], '=');
          g_autofree char *lang = eq != NULL ? g_strndup (names[i], eq - names[i]) : NULL;

          if (lang == NULL)
            return evk_cli_usage_error (context, _("--name takes LANG=TEXT"));
          evk_localized_set (group->name, lang, eq + 1);
        }
    }

  if (!evk_project_save_strategy (project, strategy, &error))
    return evk_cli_fail (error);
  return EXIT_SUCCESS;
}

int
evk_cli_link (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("link");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) measures = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *role = NULL;
  EvkOffer *offer = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "measure", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &measures,
      N_("A measure the offer belongs to (repeat for several)"), N_("NUMBER") },
    { "label", 'L', 0, G_OPTION_ARG_STRING_ARRAY, &labels,
      N_("The offer’s label in a language, as LANG=TEXT"), N_("LANG=TEXT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("ROLE is heard-of, used, outcome-members, outcome-activities, or a role of your own; "
      "VARIABLE is the survey variable that measures it."));
  if (!evk_cli_parse (context, &argc, &argv, 4, &status))
    return status;
  role = g_strdup (argv[3]);

  project = evk_project_open (argv[1], &error);
  if (project == NULL || (strategy = evk_project_load_strategy (project, &error)) == NULL)
    return evk_cli_fail (error);

  for (guint i = 0; i < strategy->offers->len && offer == NULL; i++)
    if (g_str_equal (((EvkOffer *) g_ptr_array_index (strategy->offers, i))->key, argv[2]))
      offer = g_ptr_array_index (strategy->offers, i);
  if (offer == NULL)
    offer = evk_strategy_add_offer (strategy, argv[2]);

  evk_offer_set_variable (offer, role, argv[4]);
  for (guint i = 0; measures != NULL && measures[i] != NULL; i++)
    {
      guint64 number;
      guint n;

      if (!g_ascii_string_to_unsigned (measures[i], 10, 1, G_MAXINT, &number, NULL))
        return evk_cli_usage_error (context, _("--measure takes a measure number"));
      n = number;
      g_array_append_val (offer->measures, n);
    }
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      const char *eq = strchr (labels[i], '=');
      g_autofree char *lang = eq != NULL ? g_strndup (labels[i], eq - labels[i]) : NULL;

      if (lang == NULL)
        return evk_cli_usage_error (context, _("--label takes LANG=TEXT"));
      evk_localized_set (offer->label, lang, eq + 1);
    }

  if (!evk_project_save_strategy (project, strategy, &error))
    return evk_cli_fail (error);
  return EXIT_SUCCESS;
}
