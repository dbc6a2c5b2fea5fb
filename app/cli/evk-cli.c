/* evk-cli.c: the headless command line (`evalkit COMMAND …`)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "evk-cli.h"
#include "evk-cli-private.h"
#include "evk-comment.h"
#include "evk-demo.h"
#include "evk-json.h"
#include "evk-localized.h"
#include "evk-project.h"
#include "evk-pdf-comments.h"
#include "evk-report.h"
#include "evk-report-outline.h"

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static int run_demo (int argc, char **argv);
static int run_import_strategy (int argc, char **argv);
static int run_export_strategy (int argc, char **argv);
static int run_export_report (int argc, char **argv);
static int run_import_report (int argc, char **argv);
static int run_info (int argc, char **argv);
static int run_set_disclosure (int argc, char **argv);
static int run_report (int argc, char **argv);

static const Command commands[] = {
  { "demo", N_("OUT.evalkit"), N_("Write the bundled demo evaluation to a new project file"), run_demo },
  { "info", N_("PROJECT"), N_("Summarise a project: goals, measures, statuses, data"), run_info },
  { "set-disclosure", N_("PROJECT"),
    N_("Set the small-cell threshold and whether small cells are flagged or suppressed"), run_set_disclosure },
  { "import-strategy", N_("PROJECT FILE"), N_("Import a strategy definition file into a project (a new one if PROJECT does not exist)"),
    run_import_strategy },
  { "export-strategy", N_("PROJECT FILE"), N_("Export the project’s strategy as a definition file"),
    run_export_strategy },
  { "group", N_("PROJECT KEY FILTER"),
    N_("Define (or with --remove delete) a respondent group, e.g. “q6_alt_1 in 1..4”"), evk_cli_group },
  { "link", N_("PROJECT OFFER ROLE VARIABLE"),
    N_("Link a survey item to an offer and its measures with a role"), evk_cli_link },
  { "import-survey", N_("PROJECT FILE"),
    N_("Import a survey: SPSS .sav/.zsav/.por, Stata .dta, or CSV with --codebook"),
    evk_cli_import_survey },
  { "import-documents", N_("PROJECT FILE"),
    N_("Import the coding sheet of the policy documents (CSV, long or wide form)"), evk_cli_import_documents },
  { "variables", N_("PROJECT"), N_("List a survey’s variables with their labels and value labels"),
    evk_cli_variables },
  { "variable-role", N_("PROJECT VARIABLE ROLE"),
    N_("Say what a variable is: personal, categories, free-text, auto (text) or codes (numbers)"),
    evk_cli_variable_role },
  { "table", N_("PROJECT SPEC…"), N_("Print a statistic as a table (CSV or JSON) in a language"),
    evk_cli_table },
  { "charts", N_("PROJECT"), N_("List the project’s charts: id, kind, where, caption"), evk_cli_charts },
  { "chart", N_("PROJECT ID --out FILE"), N_("Draw a chart to PNG, SVG or PDF, or its table to CSV or XLSX"),
    evk_cli_chart },
  { "chart-add", N_("PROJECT ID KIND SPEC…"), N_("Add a chart of a table (the grammar of “table”)"),
    evk_cli_chart_add },
  { "chart-edit", N_("PROJECT ID"), N_("Change a chart’s caption, alt text, place, report inclusion or weighting"),
    evk_cli_chart_edit },
  { "chart-remove", N_("PROJECT ID"), N_("Remove a chart"), evk_cli_chart_remove },
  { "comments", N_("PROJECT"), N_("List the reviewers’ comments and replies (text, CSV or JSON)"),
    evk_cli_comments },
  { "comment", N_("PROJECT PLACE TEXT"), N_("Comment on a place (a chart, measure, section …) or reply to a comment"),
    evk_cli_comment },
  { "review-copy", N_("PROJECT OUT.evalkit"),
    N_("Write a copy for the reference group: charts and report, no survey answers"), evk_cli_review_copy },
  { "merge-review", N_("PROJECT COPY…"),
    N_("Bring the comments of review copies into the project"), evk_cli_merge_review },
  { "resolve", N_("PROJECT ID"), N_("Mark a comment resolved (or with --reopen open again)"), evk_cli_resolve },
  { "import-pdf-comments", N_("PROJECT DRAFT.pdf"),
    N_("Import the comments reviewers added to a draft PDF in any viewer"), evk_cli_import_pdf_comments },
  { "check", N_("PROJECT"),
    N_("List what to fix before sending the report: translations, live figures, alt texts, empty sections, damage"),
    evk_cli_check },
  { "report", N_("PROJECT --out FILE.pdf"), N_("Render the report as PDF"), run_report },
  { "export-po", N_("PROJECT LANG OUT.po"),
    N_("Write every translatable string in a language to a PO file for a translator"),
    evk_cli_export_po },
  { "import-po", N_("PROJECT FILE.po"),
    N_("Take the translations of a PO file into the project (all or nothing)"), evk_cli_import_po },
  { "add-language", N_("PROJECT LANG"), N_("Add a report language to the project"),
    evk_cli_add_language },
  { "export-report", N_("PROJECT DIR"),
    N_("Write the report’s outline, title page and narrative to a folder"), run_export_report },
  { "import-report", N_("PROJECT DIR"),
    N_("Read the report’s outline, title page and narrative from a folder (all or nothing)"),
    run_import_report },
};

int
evk_cli_fail (GError *error)
{
  g_printerr ("evalkit: %s\n", error->message);
  return EXIT_FAILURE;
}

void
evk_cli_prefix_path (GError     **error,
                     const char  *path)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", path);

  if (*error != NULL && !g_str_has_prefix ((*error)->message, prefix))
    g_prefix_error (error, "%s", prefix);
}

void
evk_cli_json_field (GString    *out,
                    const char *name,
                    const char *value,
                    gboolean    last)
{
  g_string_append (out, "    ");
  evk_json_append_string (out, name);
  g_string_append (out, ": ");
  if (value == NULL)
    g_string_append (out, "null");
  else
    evk_json_append_string (out, value);
  g_string_append (out, last ? "\n" : ",\n");
}

int
evk_cli_usage_error (GOptionContext *context,
                     const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("evalkit: %s\n\n%s", message, help);
  return EVK_EXIT_USAGE;
}

/* Parses options; on --help prints and returns FALSE with *status 0. */
gboolean
evk_cli_parse (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int              n_args,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = evk_cli_usage_error (context, error->message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      *status = evk_cli_usage_error (context, *argc - 1 < n_args ? _("too few arguments")
                                                       : _("too many arguments"));
      return FALSE;
    }
  return TRUE;
}

GOptionContext *
evk_cli_command_context (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      {
        g_autofree char *param = g_strdup_printf ("%s %s", name, _(commands[i].args));
        GOptionContext *context = g_option_context_new (param);

        g_option_context_set_summary (context, _(commands[i].summary));
        g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
        return context;
      }
  g_assert_not_reached ();
}

static int
run_demo (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("demo");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  project = evk_demo_create (argv[1], &error);
  if (project == NULL)
    return evk_cli_fail (error);
  g_print (_("Wrote the demo evaluation to %s\n"), argv[1]);
  return EXIT_SUCCESS;
}

static int
run_import_strategy (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("import-strategy");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  /* A strategy is where a new evaluation starts: a missing project is
   * made with it, and appears only once its strategy has imported. */
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      project = evk_project_open (argv[1], &error);
      if (project != NULL)
        evk_project_import_strategy (project, argv[2], &error);
    }
  else
    project = evk_project_create_from_strategy (argv[1], argv[2], &error);
  if (project == NULL || error != NULL)
    return evk_cli_fail (error);
  return EXIT_SUCCESS;
}

typedef gboolean (*ProjectFileFunc) (EvkProject  *project,
                                     const char  *path,
                                     GError     **error);

/* "evalkit COMMAND PROJECT PATH": one file or folder handed to the project
 * (read-only for the exports, so a look never writes). */
static int
run_with_path (const char       *command,
               gboolean          read_only,
               ProjectFileFunc   func,
               int               argc,
               char            **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context (command);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  project = read_only ? evk_project_open_read_only (argv[1], &error) : evk_project_open (argv[1], &error);
  if (project == NULL || !func (project, argv[2], &error))
    return evk_cli_fail (error);
  return EXIT_SUCCESS;
}

static int
run_export_strategy (int    argc,
                     char **argv)
{
  return run_with_path ("export-strategy", TRUE, evk_project_export_strategy, argc, argv);
}

static int
run_export_report (int    argc,
                   char **argv)
{
  return run_with_path ("export-report", TRUE, evk_report_export_dir, argc, argv);
}

static int
run_import_report (int    argc,
                   char **argv)
{
  return run_with_path ("import-report", FALSE, evk_report_import_dir, argc, argv);
}

static const char *
pick (GHashTable  *localized,
      const char  *lang,
      const char  *source_lang)
{
  const char *text = evk_localized_get_fallback (localized, lang, source_lang);

  return text != NULL ? text : "";
}

static int
run_info (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("info");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *reviewer = NULL;
  EvkProjectCounts counts = { 0 };
  EvkDisclosureMode mode;
  const char *source;
  guint threshold;
  guint n_goals = 0, n_implementation = 0;
  int status;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the project texts to show (default: the source language)"), N_("LANG") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL ||
      (strategy = evk_project_load_strategy (project, &error)) == NULL ||
      !evk_project_get_counts (project, &counts, &error) ||
      !evk_project_get_small_cell (project, &threshold, &error) ||
      !evk_project_get_disclosure (project, &mode, &error))
    return evk_cli_fail (error);

  source = strategy->languages[0] != NULL ? strategy->languages[0] : "";
  if (lang == NULL)
    lang = g_strdup (source);
  else if (!g_strv_contains ((const char * const *) strategy->languages, lang))
    {
      g_printerr (_("evalkit: %s: the project has no texts in “%s”\n"), argv[1], lang);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, i);
      if (g_str_equal (goal->kind, "implementation"))
        n_implementation++;
      else
        n_goals++;
    }

  languages = g_strjoinv (", ", strategy->languages);
  g_print ("%s\n", pick (strategy->title, lang, source));
  if (strategy->period != NULL)
    g_print (_("Period: %s\n"), strategy->period);
  g_print (_("Languages: %s (source: %s)\n"), languages, source);
  g_print (_("Areas: %u (%u goals, %u implementation)\n"), strategy->goals->len, n_goals,
           n_implementation);
  g_print (_("Measures: %u\n"), strategy->measures->len);

  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, i);
      GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
      g_autofree guint *per_status = g_new0 (guint, statuses->len + 1);
      g_autoptr(GString) line = g_string_new (NULL);
      guint n = 0;

      for (guint j = 0; j < strategy->measures->len; j++)
        {
          EvkMeasure *measure = g_ptr_array_index (strategy->measures, j);
          guint s = statuses->len; /* no status */

          if (!g_str_equal (measure->goal, goal->key))
            continue;
          n++;
          for (guint k = 0; k < statuses->len; k++)
            if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, k))->key, measure->status) == 0)
              s = k;
          per_status[s]++;
        }

      for (guint k = 0; k <= statuses->len; k++)
        {
          const char *name;

          if (per_status[k] == 0)
            continue;
          name = k < statuses->len
                   ? pick (((EvkTerm *) g_ptr_array_index (statuses, k))->name, lang, source)
                   : _("no status");
          g_string_append_printf (line, "%s%s %u", line->len > 0 ? ", " : "", name, per_status[k]);
        }

      g_print (g_dngettext (GETTEXT_PACKAGE, "  %s %s: %u measure (%s)\n",
                            "  %s %s: %u measures (%s)\n", n),
               goal->key, pick (goal->title, lang, source), n, line->str);
    }

  g_print (_("Offers linked to survey items: %u\n"), strategy->offers->len);
  g_print (_("Respondent groups: %u\n"), strategy->groups->len);
  g_print (_("Surveys: %u (%u respondents, %u variables)\n"), counts.n_surveys,
           counts.n_respondents, counts.n_variables);
  g_print (_("Documents: %u (%u codings)\n"), counts.n_documents, counts.n_codings);
  g_print (_("Charts: %u\n"), counts.n_charts);
  g_print (_("Comments: %u\n"), counts.n_comments);
  /* A review copy's tables were suppressed when it was made, whatever
   * its project's mode. */
  if (mode == EVK_DISCLOSURE_SUPPRESS || evk_project_is_review_copy (project, NULL))
    g_print (_("Disclosure control: cells with fewer than %u respondents suppressed, "
               "with the cells they could be derived from\n"), threshold);
  else
    g_print (_("Disclosure control: cells with fewer than %u respondents flagged\n"), threshold);
  if (evk_project_is_review_copy (project, &reviewer) && *reviewer != '\0')
    g_print (_("A review copy for %s: the survey’s answers stay with the evaluator\n"), reviewer);
  else if (reviewer != NULL)
    g_print ("%s", _("A review copy: the survey’s answers stay with the evaluator\n"));
  return EXIT_SUCCESS;
}

static int
run_set_disclosure (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("set-disclosure");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode_text = NULL;
  EvkDisclosureMode mode;
  guint threshold;
  int threshold_arg = -1;
  int status;
  const GOptionEntry entries[] = {
    { "threshold", 't', 0, G_OPTION_ARG_INT, &threshold_arg,
      N_("Cells with fewer respondents than this (0 to 1000) are flagged or suppressed"), N_("N") },
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode_text,
      N_("“flag”: small cells keep their numbers, marked; “suppress”: they print as “:”"), N_("MODE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (mode_text != NULL && !evk_disclosure_mode_from_string (mode_text, &mode))
    return evk_cli_usage_error (context, _("--mode must be “flag” or “suppress”"));
  if (threshold_arg != -1 && (threshold_arg < 0 || threshold_arg > EVK_SMALL_CELL_MAX))
    return evk_cli_usage_error (context, _("--threshold must be a whole number from 0 to 1000"));
  if (mode_text == NULL && threshold_arg == -1)
    return evk_cli_usage_error (context, _("give --threshold, --mode or both"));

  project = evk_project_open (argv[1], &error);
  if (project == NULL)
    return evk_cli_fail (error);
  if (evk_project_is_review_copy (project, NULL))
    {
      g_printerr (_("evalkit: %s: a review copy keeps the evaluator’s disclosure control\n"), argv[1]);
      return EXIT_FAILURE;
    }
  /* What is not given stays as it was. */
  if ((mode_text == NULL && !evk_project_get_disclosure (project, &mode, &error)) ||
      (threshold_arg == -1 && !evk_project_get_small_cell (project, &threshold, &error)))
    return evk_cli_fail (error);
  if (threshold_arg != -1)
    threshold = (guint) threshold_arg;
  if (!evk_project_set_disclosure (project, threshold, mode, &error))
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  return EXIT_SUCCESS;
}

/* "report.pdf" in language "en" with several languages → "report.en.pdf";
 * the source language keeps the name the user gave. */
static char *
output_for_language (const char *out,
                     const char *lang,
                     gboolean    is_source)
{
  if (is_source)
    return g_strdup (out);
  if (g_str_has_suffix (out, ".pdf"))
    return g_strdup_printf ("%.*s.%s.pdf", (int) strlen (out) - 4, out, lang);
  return g_strdup_printf ("%s.%s.pdf", out, lang);
}

static int
run_report (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("report");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *out = NULL;
  gboolean draft = FALSE;
  g_autoptr(GPtrArray) notes = NULL;
  EvkReportOptions options;
  int status;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Report language, or “all” for one PDF per language (default: all)"), N_("LANG") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), N_("FILE") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      N_("Mark unresolved figures and missing translations in the PDF instead of failing"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("With --lang all, the source language is written to FILE and every other "
      "language to FILE with the language code before “.pdf” (report.en.pdf)."));
  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (out == NULL)
    return evk_cli_usage_error (context, _("--out FILE is required"));

  /* A draft records in the project where its places are, so that the
   * comments made in it can come back. */
  project = draft ? evk_project_open (argv[1], &error) : evk_project_open_read_only (argv[1], &error);
  if (project == NULL || (strategy = evk_project_load_strategy (project, &error)) == NULL)
    return evk_cli_fail (error);
  if (lang != NULL && !g_str_equal (lang, "all") &&
      !g_strv_contains ((const char * const *) strategy->languages, lang))
    {
      g_printerr (_("evalkit: %s: the project has no texts in “%s”\n"), argv[1], lang);
      return EXIT_FAILURE;
    }

  evk_report_options_init (&options);
  options.draft = draft;
  /* The open comments show on the draft, so reviewers see each other's
   * points. */
  if (draft && (notes = evk_pdf_comments_notes (project, &error)) == NULL)
    return evk_cli_fail (error);
  options.notes = notes;

  if (lang == NULL || g_str_equal (lang, "all"))
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; strategy->languages[i] != NULL; i++)
        g_ptr_array_add (paths, output_for_language (out, strategy->languages[i], i == 0));
      g_ptr_array_add (paths, NULL);
      if (!evk_report_render_pdfs (project, (const char * const *) strategy->languages,
                                   (const char * const *) paths->pdata, &options, &error))
        return evk_cli_fail (error);
      for (guint i = 0; strategy->languages[i] != NULL; i++)
        g_print (_("Wrote the %s report to %s\n"), strategy->languages[i],
                 (const char *) g_ptr_array_index (paths, i));
    }
  else
    {
      if (!evk_report_render_pdf_full (project, lang, out, &options, &error))
        return evk_cli_fail (error);
      g_print (_("Wrote the %s report to %s\n"), lang, out);
    }

  if (draft && (options.n_unresolved > 0 || options.n_missing > 0))
    g_printerr (_("evalkit: the draft marks %u unresolved figure references and %u missing texts\n"),
                options.n_unresolved, options.n_missing);
  return EXIT_SUCCESS;
}

gboolean
evk_cli_is_command (const char *arg)
{
  if (arg == NULL)
    return FALSE;
  if (g_str_equal (arg, "help") || g_str_equal (arg, "--help") || g_str_equal (arg, "-h") ||
      g_str_equal (arg, "--version"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, arg))
      return TRUE;
  /* A bare word that is not a file is a mistyped command, not a project to
   * open in the window. */
  return arg[0] != '-' && strchr (arg, '/') == NULL && strchr (arg, '.') == NULL &&
         !g_file_test (arg, G_FILE_TEST_EXISTS);
}

static void
print_help (void)
{
  g_print (_("Usage:\n  evalkit [FILE.evalkit]\n  evalkit COMMAND [OPTION…]\n\n"));
  g_print (_("Without a command, Evalkit opens its window (on FILE if given).\n\n"));
  g_print (_("Commands (they need no display):\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-17s %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\nRun “evalkit COMMAND --help” for the options of a command.\n"));
}

int
evk_cli_run (int    argc,
             char **argv)
{
  const char *name = argv[1];

  if (g_str_equal (name, "--version"))
    {
      g_print ("evalkit %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      print_help ();
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("evalkit: unknown command “%s”\n"), name);
  return EVK_EXIT_USAGE;
}
