/* test-import.c: the import dialog: errors as the command line gives them, no change
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

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

static EvkSurvey *
first_survey (EvkWindow *window)
{
  g_autoptr(GError) error = NULL;
  EvkProject *project = evk_window_get_project (window);
  g_auto(GStrv) names = evk_survey_list (evk_project_get_store (project), &error);
  EvkSurvey *survey;

  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), names[0], FALSE, &error);
  g_assert_no_error (error);
  return survey;
}

static EvkImportDialog *
find_import_dialog (void)
{
  EvkImportDialog *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (EVK_IS_IMPORT_DIALOG (l->data))
      dialog = l->data;
  return dialog;
}

/* A survey that would replace the project's is shown first, with what
 * changes; only Replace writes it, the project keeps its metadata, and
 * Undo in the window brings the old survey back. */
static void
test_reimport_survey (void)
{
  char *dir = NULL;
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *csv = g_build_filename (demo, "..", "examples", "survey.csv", NULL);
  g_autofree char *codebook_path = g_build_filename (demo, "..", "examples", "codebook.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) codebook = g_file_new_for_path (codebook_path);
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autoptr(EvkSurvey) before = first_survey (window);
  g_autoptr(EvkSurvey) waiting = NULL;
  g_autoptr(EvkSurvey) replaced = NULL;
  g_autoptr(EvkSurvey) restored = NULL;
  g_autoptr(EvkSurvey) redone = NULL;
  EvkImportDialog *dialog;
  Result result = { 0 };

  /* As the Import menu or a drop opens it: the window records the undo. */
  _evk_window_present_import (window, EVK_IMPORT_SURVEY, file);
  evk_ui_iterate ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished), &result);
  evk_import_dialog_set_codebook (dialog, codebook);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  for (int i = 0; i < 3000 && !evk_import_dialog_is_pending (dialog); i++)
    evk_ui_run_for (10);
  g_assert_true (evk_import_dialog_is_pending (dialog));
  g_assert_false (result.done);
  g_test_message ("%s", evk_import_dialog_get_changes (dialog));
  g_assert_nonnull (strstr (evk_import_dialog_get_changes (dialog), "Respondents: 5103 before"));
  g_assert_nonnull (strstr (evk_import_dialog_get_changes (dialog), "Variables removed:"));
  g_assert_nonnull (strstr (evk_import_dialog_get_changes (dialog), "population shares of reg_icnpo"));

  /* Nothing is written before Replace. */
  waiting = first_survey (window);
  g_assert_cmpuint (waiting->n_rows, ==, 5103);

  /* What the Replace Survey button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  g_assert_true (evk_ui_wait_for (&result.done, 30000));
  g_assert_true (result.ok);
  g_free (result.summary);
  evk_ui_iterate ();

  replaced = first_survey (window);
  g_assert_cmpuint (replaced->n_rows, <, 5103);
  g_assert_cmpint (replaced->invited, ==, before->invited);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  restored = first_survey (window);
  g_assert_cmpuint (restored->n_rows, ==, 5103);
  g_assert_cmpuint (restored->variables->len, ==, before->variables->len);
  g_assert_cmpuint (restored->mrsets->len, ==, before->mrsets->len);
  g_assert_cmpuint (restored->population->len, ==, before->population->len);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.redo", NULL));
  evk_ui_iterate ();
  redone = first_survey (window);
  g_assert_cmpuint (redone->n_rows, ==, replaced->n_rows);

  evk_ui_close_demo (window, dir);
}

/* New Evaluation, then Quit: the file reopens, in the window and on the
 * command line's path (a read-only open). Then New again and Import
 * Strategy at once, and the strategy is there after the window is gone. */
static void
test_new_quit_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Ny evaluering.evalkit", NULL);
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *ini = g_build_filename (demo, "strategy.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;
  EvkWindow *window;
  Result result = { 0 };

  window = evk_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  /* What New Evaluation's file dialog does with the chosen name. */
  g_assert_true (_evk_window_create_project (window, path, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();

  project = evk_project_open_read_only (path, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  window = evk_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  run_import (window, EVK_IMPORT_STRATEGY, ini, &result);
  g_assert_true (result.ok);
  g_free (result.summary);
  evk_ui_iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();

  project = evk_project_open_read_only (path, &error);
  g_assert_no_error (error);
  strategy = evk_project_load_strategy (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strategy->measures->len, ==, 26);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* Save a Copy while the window goes on: the copy alone has the edit. */
static void
test_save_copy (void)
{
  char *dir = NULL;
  EvkWindow *window = evk_ui_open_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "kopi.evalkit", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkStrategy) strategy = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.set-status",
                                             "(us)", 1, "not-completed"));
  evk_ui_iterate ();
  g_assert_true (evk_window_save_copy (window, copy, &error));
  g_assert_no_error (error);

  project = evk_project_open_read_only (copy_path, &error);
  g_assert_no_error (error);
  strategy = evk_project_load_strategy (project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evk_strategy_find_measure (strategy, 1)->status, ==, "not-completed");
  g_clear_object (&project);
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
  g_test_add_func ("/evk/import/new-quit-reopen", test_new_quit_reopen);
  g_test_add_func ("/evk/import/save-copy", test_save_copy);
  g_test_add_func ("/evk/import/reimport-survey", test_reimport_survey);
  return g_test_run ();
}
