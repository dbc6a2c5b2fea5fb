/* test-import.c: the import dialog: errors as the command line gives them, no change
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "evk-data-dir.h"
#include "evk-import-dialog.h"
#include "evk-resources.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

typedef struct {
  gboolean done;
  gboolean ok;
  char    *summary;
} Result;

static void
finished (EvkImportDialog *dialog,
          gboolean         ok,
          const char      *summary,
          Result          *result)
{
  result->done = TRUE;
  result->ok = ok;
  result->summary = g_strdup (summary);
}

static char *
fingerprint (EvkProject *project)
{
  g_autoptr(GError) error = NULL;
  EvkProjectCounts counts;
  g_auto(GStrv) surveys = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  g_assert_true (evk_project_get_counts (project, &counts, &error));
  surveys = evk_survey_list (evk_project_get_store (project), &error);
  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), surveys[0], FALSE, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("%u surveys, %u respondents, %u variables, %u documents, %u codings, %s %s",
                          counts.n_surveys, counts.n_respondents, counts.n_variables, counts.n_documents,
                          counts.n_codings, survey->name, survey->source_format);
}

static EvkImportDialog *
run_import (EvkWindow     *window,
            EvkImportKind  kind,
            const char    *path,
            Result        *result)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EvkImportDialog *dialog = evk_import_dialog_new (GTK_WINDOW (window), evk_window_get_project (window), kind);

  g_signal_connect (dialog, "finished", G_CALLBACK (finished), result);
  gtk_window_present (GTK_WINDOW (dialog));
  evk_import_dialog_set_file (dialog, file);
  /* What the Import button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  g_assert_true (evk_import_dialog_is_running (dialog));
  g_assert_true (evk_ui_wait_for (&result->done, 30000));
  return dialog;
}

static void
test_malformed_csv (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autofree char *csv = g_build_filename (dir, "survey.csv", NULL);
  g_autofree char *before = fingerprint (evk_window_get_project (window));
  g_autofree char *after = NULL;
  Result result = { 0 };
  EvkImportDialog *dialog;

  /* Line 3 has two fields where the header has three. */
  g_assert_true (g_file_set_contents (csv, "id,q1,q2\n1,2,3\n2,3\n3,1,1\n", -1, NULL));
  dialog = run_import (window, EVK_IMPORT_SURVEY, csv, &result);

  g_assert_false (result.ok);
  g_assert_nonnull (evk_import_dialog_get_error (dialog));
  /* As `evalkit import-survey` says it: the file, the line, the problem. */
  g_assert_true (g_str_has_prefix (evk_import_dialog_get_error (dialog), "survey.csv: line 3: "));
  g_assert_nonnull (strstr (evk_import_dialog_get_error (dialog), "2 fields"));
  g_assert_false (evk_import_dialog_is_running (dialog));
  /* The dialog stays open with the error; the project is as it was. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  after = fingerprint (evk_window_get_project (window));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (evk_window_get_page (window), ==, "overview");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_free (result.summary);
  evk_ui_close_demo (window, dir);
}

static void
test_malformed_coding_sheet (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autofree char *csv = g_build_filename (dir, "documents.csv", NULL);
  g_autofree char *before = fingerprint (evk_window_get_project (window));
  g_autofree char *after = NULL;
  Result result = { 0 };
  EvkImportDialog *dialog;

  g_assert_true (g_file_set_contents (csv, "this is,not\na coding,sheet\n", -1, NULL));
  dialog = run_import (window, EVK_IMPORT_DOCUMENTS, csv, &result);
  g_assert_false (result.ok);
  g_assert_true (g_str_has_prefix (evk_import_dialog_get_error (dialog), "documents.csv"));
  after = fingerprint (evk_window_get_project (window));
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_free (result.summary);
  evk_ui_close_demo (window, dir);
}

/* A good import commits and the window shows it: the demo's strategy file
 * re-imported changes nothing visible but goes through the same path. */
static void
test_strategy_import (void)
{
  char *dir = NULL;
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *ini = g_build_filename (demo, "strategy.ini", NULL);
  EvkWindow *window = evk_ui_open_demo (&dir);
  Result result = { 0 };
  EvkImportDialog *dialog;

  dialog = run_import (window, EVK_IMPORT_STRATEGY, ini, &result);
  g_assert_true (result.ok);
  g_assert_cmpstr (result.summary, ==, "Imported the strategy from “strategy.ini”");
  evk_ui_iterate ();
  (void) dialog; /* destroyed by itself on success */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");

  g_free (result.summary);
  evk_ui_close_demo (window, dir);
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/evk/import/malformed-csv", test_malformed_csv);
  g_test_add_func ("/evk/import/malformed-coding-sheet", test_malformed_coding_sheet);
  g_test_add_func ("/evk/import/strategy", test_strategy_import);
  return g_test_run ();
}
