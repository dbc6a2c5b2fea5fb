/* evk-cli-survey.c: survey commands: import-survey, variables, table
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "evk-cli-private.h"
#include "evk-documents-stats.h"
#include "evk-documents.h"
#include "evk-import-csv.h"
#include "evk-import-spss.h"
#include "evk-localized.h"
#include "evk-project-mrset.h"
#include "evk-project.h"
#include "evk-survey.h"
#include "evk-table-spec.h"
#include "evk-table.h"

static char *
default_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

int
evk_cli_import_survey (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("import-survey");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codebook = NULL, *name = NULL, *meta = NULL;
  g_auto(GStrv) langs = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "codebook", 'c', 0, G_OPTION_ARG_FILENAME, &codebook,
      N_("The codebook of a CSV survey (labels, value labels, missing codes)"), N_("FILE") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("The survey’s name in the project (default: the file name); re-importing a name replaces that survey"),
      N_("NAME") },
    { "meta", 'm', 0, G_OPTION_ARG_FILENAME, &meta,
      N_("Survey metadata: frame, population shares, multiple-response sets"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (name == NULL)
    name = default_name (argv[2]);

  project = evk_project_open (argv[1], &error);
  if (project == NULL ||
      (langs = evk_project_get_languages (project, &error)) == NULL)
    return evk_cli_fail (error);
  if (langs[0] == NULL)
    {
      g_printerr (_("evalkit: %s: the project has no language yet: import the strategy first\n"), argv[1]);
      return EXIT_FAILURE;
    }

  /* A .csv name means CSV (with its codebook); anything else is sniffed by
   * the SPSS/Stata importer, which refuses what it does not know. A
   * codebook beside an SPSS file brings the other languages' labels. */
  if (g_str_has_suffix (argv[2], ".csv") || g_str_has_suffix (argv[2], ".tsv") ||
      g_str_has_suffix (argv[2], ".txt"))
    survey = evk_import_csv (argv[2], codebook, name, langs[0], NULL, NULL, NULL, &error);
  else
    {
      survey = evk_import_spss (argv[2], name, langs[0], NULL, NULL, NULL, &error);
      if (survey != NULL && codebook != NULL &&
          !evk_import_codebook_translations (survey, codebook, langs[0], &error))
        g_clear_pointer (&survey, evk_survey_free);
    }

  if (survey == NULL ||
      (meta != NULL && !evk_survey_apply_meta (survey, meta, langs[0], &error)) ||
      !evk_project_prepare_survey (project, survey, NULL, &changes, &error) ||
      !evk_project_save_survey (project, survey, &error))
    return evk_cli_fail (error);

  /* A re-import says what it changed and what the project kept. */
  if (changes != NULL)
    {
      g_autofree char *described = evk_survey_changes_describe (changes);
      g_print ("%s\n", described);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported survey “%s”: %u respondent, %u variables\n",
                        "Imported survey “%s”: %u respondents, %u variables\n", survey->n_rows),
           survey->name, survey->n_rows, survey->variables->len);
  return EXIT_SUCCESS;
}

int
evk_cli_variables (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("variables");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *lang = NULL;
  g_auto(GStrv) surveys = NULL, langs = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "survey", 's', 0, G_OPTION_ARG_STRING, &name, N_("The survey (default: the first)"), N_("NAME") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the labels"), N_("LANG") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL ||
      (surveys = evk_survey_list (evk_project_get_store (project), &error)) == NULL ||
      (langs = evk_project_get_languages (project, &error)) == NULL)
    return evk_cli_fail (error);
  if (name == NULL && surveys[0] == NULL)
    {
      g_printerr (_("evalkit: %s: the project has no survey yet\n"), argv[1]);
      return EXIT_FAILURE;
    }
  survey = evk_survey_load (evk_project_get_store (project), name != NULL ? name : surveys[0], FALSE, &error);
  if (survey == NULL)
    return evk_cli_fail (error);
  if (lang == NULL)
    lang = g_strdup (langs[0]);

  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *v = g_ptr_array_index (survey->variables, i);
      const char *label = evk_localized_get_fallback (v->label, lang, langs[0]);

      EvkVariableRole role = evk_survey_get_role (survey, v);

      /* A text says what it is: categories are tabulated, free text not. */
      g_print ("%s\t%s%s\t%s\n", v->name, v->type == EVK_VARIABLE_STRING ? "string" : "numeric",
               role == EVK_ROLE_PERSONAL ? _(" (personal)")
               : role == EVK_ROLE_TEXT_CATEGORIES ? _(" (categories)")
               : role == EVK_ROLE_FREE_TEXT ? _(" (free text)") : "",
               label != NULL ? label : "");
      for (guint j = 0; j < v->value_labels->len; j++)
        {
          EvkValueLabel *vl = g_ptr_array_index (v->value_labels, j);
          const char *text = evk_localized_get_fallback (vl->label, lang, langs[0]);
          const EvkMissing *missing = isnan (vl->value) ? NULL : evk_variable_find_missing (v, vl->value);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_print ("\t%s\t%s%s%s\n",
                   vl->str_value != NULL ? vl->str_value : g_ascii_dtostr (buf, sizeof buf, vl->value),
                   text != NULL ? text : "",
                   missing != NULL ? "\t" : "",
                   missing != NULL ? evk_missing_kind_to_string (missing->kind) : "");
        }
    }
  return EXIT_SUCCESS;
}

/* The document review's findings are tables of text: counts and lists of
 * documents side by side. */
static int
print_documents_table (EvkProject *project,
                       const char *path,
                       const char *name,
                       const char *lang,
                       gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkDocumentsStats) stats = evk_documents_stats_load (project, &error);
  g_autoptr(EvkDocumentsTable) table = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (stats == NULL || (table = evk_documents_stats_get_table (stats, name, lang, &error)) == NULL)
    {
      evk_cli_prefix_path (&error, path);
      return evk_cli_fail (error);
    }

  if (json)
    {
      g_string_append (out, "{\"kind\": ");
      evk_json_append_string (out, name);
      g_string_append (out, ", \"language\": ");
      evk_json_append_string (out, lang);
      g_string_append (out, ",\n \"columns\": [");
      for (guint c = 0; table->columns[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append (out, ", ");
          evk_json_append_string (out, table->columns[c]);
        }
      g_string_append (out, "],\n \"rows\": [");
      for (guint r = 0; r < table->rows->len; r++)
        {
          GStrv row = g_ptr_array_index (table->rows, r);

          g_string_append (out, r > 0 ? ",\n  [" : "\n  [");
          for (guint c = 0; row[c] != NULL; c++)
            {
              if (c > 0)
                g_string_append (out, ", ");
              evk_json_append_string (out, row[c]);
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "]}\n");
    }
  else
    {
      for (guint c = 0; table->columns[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          evk_csv_append_field (out, table->columns[c]);
        }
      g_string_append (out, "\r\n");
      for (guint r = 0; r < table->rows->len; r++)
        {
          GStrv row = g_ptr_array_index (table->rows, r);

          for (guint c = 0; row[c] != NULL; c++)
            {
              if (c > 0)
                g_string_append_c (out, ',');
              evk_csv_append_field (out, row[c]);
            }
          g_string_append (out, "\r\n");
        }
    }
  fputs (out->str, stdout);
  return EXIT_SUCCESS;
}

int
evk_cli_import_documents (int    argc,
                          char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("import-documents");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  project = evk_project_open (argv[1], &error);
  if (project == NULL || !evk_documents_import (project, argv[2], &error))
    return evk_cli_fail (error);
  return EXIT_SUCCESS;
}

int
evk_cli_table (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("table");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL, *format = NULL, *text = NULL, *spec = NULL;
  g_auto(GStrv) langs = NULL;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the labels (default: the source language)"),
      N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("csv (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, evk_table_spec_grammar ());
  /* The spec may come as one quoted word or as several. */
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return evk_cli_usage_error (context, error->message);
  if (argc < 3)
    return evk_cli_usage_error (context, _("too few arguments"));
  spec = g_strjoinv (" ", argv + 2);

  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return evk_cli_usage_error (context, _("--format must be csv or json"));

  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL || (langs = evk_project_get_languages (project, &error)) == NULL)
    return evk_cli_fail (error);
  if (lang == NULL)
    lang = g_strdup (langs[0] != NULL ? langs[0] : "en");
  else if (!g_strv_contains ((const char * const *) langs, lang))
    {
      g_printerr (_("evalkit: %s: the project has no texts in “%s”\n"), argv[1], lang);
      return EXIT_FAILURE;
    }

  if (g_str_has_prefix (spec, "review-"))
    return print_documents_table (project, argv[1], g_strstrip (spec), lang,
                               format != NULL && g_str_equal (format, "json"));

  table = evk_table_compute (project, spec, &error);
  if (table == NULL)
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  text = format != NULL && g_str_equal (format, "json") ? evk_table_to_json (table, lang)
                                                          : evk_table_to_csv (table, lang);
  fputs (text, stdout);
  return EXIT_SUCCESS;
}

int
evk_cli_variable_role (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("variable-role");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_description (context,
    _("A text variable with few distinct, short answers is counted as categories unless it is "
      "marked personal; any other text is free text. Neither personal data nor free text is ever "
      "tabulated. ROLE overrides the rule for VARIABLE of the first survey: personal, categories "
      "or free-text, or auto to let the rule decide again; codes unmarks a personal numeric variable."));
  if (!evk_cli_parse (context, &argc, &argv, 3, &status))
    return status;
  project = evk_project_open (argv[1], &error);
  if (project == NULL || !evk_project_set_variable_role (project, argv[2], argv[3], &error))
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  return EXIT_SUCCESS;
}
