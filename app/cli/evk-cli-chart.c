/* evk-cli-chart.c: chart commands: charts, chart
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evk-chart-export.h"
#include "evk-charts.h"
#include "evk-cli-private.h"
#include "evk-localized.h"
#include "evk-table-spec.h"

static char *
pick_language (EvkProject  *project,
               const char  *lang,
               const char  *path,
               GError     **error)
{
  g_auto(GStrv) langs = evk_project_get_languages (project, error);

  if (langs == NULL)
    return NULL;
  if (lang == NULL)
    return g_strdup (langs[0] != NULL ? langs[0] : "en");
  if (!g_strv_contains ((const char * const *) langs, lang))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: the project has no texts in “%s”"), path, lang);
      return NULL;
    }
  return g_strdup (lang);
}

int
evk_cli_charts (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("charts");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL, *chosen = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the captions"), N_("LANG") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  /* A listing only reads: defaults not made yet are listed, not written. */
  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL || (chosen = pick_language (project, lang, argv[1], &error)) == NULL ||
      (charts = evk_project_list_charts (project, &error)) == NULL)
    return evk_cli_fail (error);

  for (guint i = 0; i < charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (charts, i);
      g_autofree char *where = NULL;
      const char *caption = evk_localized_get (chart->caption, chosen);

      if (chart->measure > 0)
        where = g_strdup_printf (_("measure %u"), chart->measure);
      else if (chart->goal != NULL)
        where = g_strdup_printf (_("goal %s"), chart->goal);
      else
        where = g_strdup (_("strategy"));
      g_print ("%s\t%s\t%s\t%s\n", chart->key, evk_chart_kind_to_string (chart->kind), where,
               caption != NULL ? caption : "");
    }
  return EXIT_SUCCESS;
}

int
evk_cli_chart (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("chart");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(EvkTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL, *chosen = NULL, *out = NULL;
  double width = 453.5, height = 0, dpi = 150; /* 16 cm: the report's text width */
  EvkChartFormat format;
  EvkSavedChart *chart;
  EvkChartSpec spec;
  int status;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write: .png, .svg, .pdf, .csv or .xlsx"),
      N_("FILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the chart"), N_("LANG") },
    { "width", 'w', 0, G_OPTION_ARG_DOUBLE, &width, N_("Width in points (default 453.5, 16 cm)"), N_("PT") },
    { "height", 'h', 0, G_OPTION_ARG_DOUBLE, &height,
      N_("Height in points (default: what the chart needs at that width)"), N_("PT") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of a PNG (default 150)"), N_("DPI") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (out == NULL)
    return evk_cli_usage_error (context, _("--out FILE is required"));
  if (!evk_chart_format_from_path (out, &format, &error))
    return evk_cli_fail (error);

  /* Drawing a chart writes the picture, never the project. */
  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL || (chosen = pick_language (project, lang, argv[1], &error)) == NULL ||
      (charts = evk_project_list_charts (project, &error)) == NULL)
    return evk_cli_fail (error);

  chart = evk_project_find_chart (charts, argv[2]);
  if (chart == NULL)
    {
      g_printerr (_("evalkit: %s: no chart “%s” (see “evalkit charts”)\n"), argv[1], argv[2]);
      return EXIT_FAILURE;
    }
  table = evk_project_compute_chart (project, chart, &error);
  if (table == NULL)
    {
      /* A damaged file is the file's fault, not the chart's. */
      if (!g_error_matches (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT))
        g_prefix_error (&error, "%s: ", chart->key);
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }

  evk_chart_spec_init (&spec, chart->kind, chosen);
  spec.caption = evk_localized_get (chart->caption, chosen);
  if (height <= 0)
    {
      g_autoptr(EvkChartStyle) style = evk_chart_style_new_print (72);
      height = evk_chart_preferred_height (chart->kind, &table, 1, &spec, style, width);
    }
  if (!evk_chart_export (chart->kind, table, &spec, format, out, width, height, dpi, &error))
    return evk_cli_fail (error);
  return EXIT_SUCCESS;
}

/* LANG=TEXT options into a localized table; FALSE on a malformed one. */
static gboolean
parse_localized (GStrv        items,
                 GHashTable **out)
{
  if (items == NULL)
    return TRUE;
  *out = evk_localized_new ();
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *eq = strchr (items[i], '=');
      g_autofree char *lang = eq != NULL ? g_strndup (items[i], eq - items[i]) : NULL;

      if (lang == NULL || !evk_language_code_is_valid (lang))
        return FALSE;
      evk_localized_set (*out, lang, eq + 1);
    }
  return TRUE;
}

int
evk_cli_chart_add (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("chart-add");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) caption = NULL;
  g_auto(GStrv) captions = NULL;
  g_autofree char *goal = NULL, *spec = NULL;
  int measure = 0;
  EvkChartKind kind;
  const GOptionEntry entries[] = {
    { "measure", 'm', 0, G_OPTION_ARG_INT, &measure, N_("The measure the chart belongs to"), N_("NUMBER") },
    { "goal", 'g', 0, G_OPTION_ARG_STRING, &goal, N_("The goal the chart belongs to"), N_("KEY") },
    { "caption", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &captions,
      N_("The caption in a language, as LANG=TEXT (repeat for each language)"), N_("LANG=TEXT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, evk_table_spec_grammar ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return evk_cli_usage_error (context, error->message);
  if (argc < 5)
    return evk_cli_usage_error (context, _("too few arguments"));
  if (!evk_chart_kind_from_string (argv[3], &kind))
    return evk_cli_usage_error (context, _("unknown chart kind"));
  if (!parse_localized (captions, &caption))
    return evk_cli_usage_error (context, _("--caption takes LANG=TEXT"));
  spec = g_strjoinv (" ", argv + 4);

  project = evk_project_open (argv[1], &error);
  if (project == NULL ||
      !evk_project_add_chart (project, argv[2], kind, spec, measure > 0 ? measure : 0, goal, caption, &error))
    {
      if (project != NULL)
        evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  return EXIT_SUCCESS;
}

int
evk_cli_chart_edit (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("chart-edit");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) caption = NULL, alt = NULL;
  g_auto(GStrv) captions = NULL, alts = NULL;
  g_autofree char *in_report = NULL, *weight = NULL;
  int position = -1, report = -1, status;
  const GOptionEntry entries[] = {
    { "caption", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &captions, N_("A caption, as LANG=TEXT"), N_("LANG=TEXT") },
    { "alt", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &alts, N_("An alt text, as LANG=TEXT"), N_("LANG=TEXT") },
    { "in-report", 0, 0, G_OPTION_ARG_STRING, &in_report, N_("Whether the report prints it: yes or no"),
      N_("yes|no") },
    { "position", 'p', 0, G_OPTION_ARG_INT, &position, N_("Its place among the charts, 0 = first"), N_("N") },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &weight,
      N_("Weight its shares: by the survey’s weight variable, post-stratified to the population shares of "
         "VAR, or not at all"), N_("variable|population:VAR|none") },
    { NULL }
  };
  gboolean other = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (weight != NULL && !g_str_equal (weight, "variable") && !g_str_equal (weight, "none") &&
      !(g_str_has_prefix (weight, "population:") && weight[strlen ("population:")] != '\0'))
    return evk_cli_usage_error (context, _("--weight takes variable, population:VAR or none"));
  if (!parse_localized (captions, &caption) || !parse_localized (alts, &alt))
    return evk_cli_usage_error (context, _("--caption and --alt take LANG=TEXT"));
  if (in_report != NULL)
    {
      if (g_str_equal (in_report, "yes"))
        report = 1;
      else if (g_str_equal (in_report, "no"))
        report = 0;
      else
        return evk_cli_usage_error (context, _("--in-report takes yes or no"));
    }

  other = caption != NULL || alt != NULL || report >= 0 || position >= 0;
  project = evk_project_open (argv[1], &error);
  /* The weighting goes first: it is what may be refused (a survey without
   * the weights asked for), and then nothing is changed. */
  if (project == NULL ||
      (weight != NULL && !evk_project_set_chart_weighting (project, argv[2], weight, &error)) ||
      ((other || weight == NULL) &&
       !evk_project_edit_chart (project, argv[2], caption, alt, report, position, &error)))
    {
      if (project != NULL)
        evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  return EXIT_SUCCESS;
}

int
evk_cli_chart_remove (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("chart-remove");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  project = evk_project_open (argv[1], &error);
  if (project == NULL || !evk_project_remove_chart (project, argv[2], &error))
    {
      if (project != NULL)
        evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  return EXIT_SUCCESS;
}
