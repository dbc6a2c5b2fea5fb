/* test-project-mrset.c: multiple-response sets defined in the project, kept across re-imports
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-data-dir.h"
#include "evk-import-csv.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-project-mrset.h"
#include "evk-stats.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  char       *csv;
  char       *codebook;
  EvkProject *project;
} Fixture;

static EvkSurvey *
import (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  EvkSurvey *survey = evk_import_csv (f->csv, f->codebook, "survey", "nb", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return survey;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = evk_get_demo_dir ();
  g_autofree char *examples = g_build_filename (demo_dir, "..", "examples", "digitalt-for-alle", NULL);
  g_autofree char *path = NULL;
  g_autofree char *ini = g_build_filename (examples, "strategy.ini", NULL);
  g_autoptr(EvkSurvey) survey = NULL;

  f->dir = evk_test_tmpdir ();
  f->csv = g_build_filename (examples, "survey.csv", NULL);
  f->codebook = g_build_filename (examples, "codebook.csv", NULL);
  path = g_build_filename (f->dir, "p.evalkit", NULL);
  f->project = evk_project_create_from_strategy (path, ini, &error);
  g_assert_no_error (error);
  survey = import (f);
  g_assert_true (evk_project_save_survey (f->project, survey, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->csv);
  g_free (f->codebook);
}

static EvkSurvey *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  EvkSurvey *survey = evk_survey_load (evk_project_get_store (f->project), "survey", FALSE, &error);

  g_assert_no_error (error);
  return survey;
}

static const char * const knows[] = { "kjenner_1", "kjenner_2", "kjenner_3", NULL };

static void
test_define (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) label = evk_localized_new ();
  g_autoptr(EvkSurvey) old = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  EvkMrSet *set;

  evk_localized_set (label, "nb", "Kjenner til tilbudene");
  evk_localized_set (label, "en", "Knows the offers");
  g_assert_true (evk_project_define_mrset (f->project, "$kjenner", EVK_MRSET_DICHOTOMY, "1", label, knows, &old,
                                           &error));
  g_assert_no_error (error);
  /* What the undo saves back: the survey without the set. */
  g_assert_nonnull (old);
  g_assert_null (evk_survey_get_mrset (old, "$kjenner"));

  survey = load (f);
  set = evk_survey_get_mrset (survey, "$kjenner");
  g_assert_nonnull (set);
  g_assert_cmpint (set->type, ==, EVK_MRSET_DICHOTOMY);
  g_assert_cmpstr (set->counted_value, ==, "1");
  g_assert_cmpstrv (set->variables, knows);
  g_assert_cmpstr (evk_localized_get (set->label, "en"), ==, "Knows the offers");
  /* The file's own set is still there. */
  g_assert_nonnull (evk_survey_get_mrset (survey, "prioritet"));
  g_clear_pointer (&survey, evk_survey_free);

  /* Defining it again replaces it. */
  g_assert_true (evk_project_define_mrset (f->project, "$kjenner", EVK_MRSET_CATEGORY, NULL, NULL, knows + 1, NULL,
                                           &error));
  g_assert_no_error (error);
  survey = load (f);
  set = evk_survey_get_mrset (survey, "$kjenner");
  g_assert_cmpint (set->type, ==, EVK_MRSET_CATEGORY);
  g_assert_null (set->counted_value);
  g_assert_cmpuint (g_strv_length (set->variables), ==, 2);

  /* Undo: the old survey saved back. */
  g_assert_true (evk_project_save_survey (f->project, old, &error));
  g_clear_pointer (&survey, evk_survey_free);
  survey = load (f);
  g_assert_null (evk_survey_get_mrset (survey, "$kjenner"));
}

/* A set made in the window is the evaluator's work: importing the survey
 * file again, which does not declare it, keeps it. */
static void
test_kept_on_reimport (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = import (f);
  g_autoptr(EvkSurvey) loaded = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;

  g_assert_true (evk_project_define_mrset (f->project, "$kjenner", EVK_MRSET_DICHOTOMY, "1", NULL, knows, NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (evk_project_prepare_survey (f->project, survey, NULL, &changes, &error));
  g_assert_no_error (error);
  g_assert_true (evk_project_save_survey (f->project, survey, &error));
  g_assert_no_error (error);
  loaded = load (f);
  g_assert_nonnull (evk_survey_get_mrset (loaded, "$kjenner"));

  g_assert_true (evk_project_remove_mrset (f->project, "$kjenner", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, evk_survey_free);
  loaded = load (f);
  g_assert_null (evk_survey_get_mrset (loaded, "$kjenner"));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const one[] = { "kjenner_1", NULL };
  const char * const missing[] = { "kjenner_1", "q99", NULL };
  const char * const personal[] = { "kjenner_1", "kontakt_epost", NULL };
  const char * const twice[] = { "kjenner_1", "kjenner_1", NULL };
  g_autoptr(EvkSurvey) survey = NULL;

  g_assert_false (evk_project_define_mrset (f->project, "$k", EVK_MRSET_DICHOTOMY, "1", NULL, one, NULL, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (evk_project_define_mrset (f->project, "$k", EVK_MRSET_DICHOTOMY, "1", NULL, missing, NULL, &error));
  g_assert_nonnull (strstr (error->message, "q99"));
  g_clear_error (&error);
  g_assert_false (evk_project_define_mrset (f->project, "$k", EVK_MRSET_DICHOTOMY, "1", NULL, personal, NULL,
                                            &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_clear_error (&error);
  g_assert_false (evk_project_define_mrset (f->project, "$k", EVK_MRSET_DICHOTOMY, "1", NULL, twice, NULL, &error));
  g_clear_error (&error);
  g_assert_false (evk_project_define_mrset (f->project, "$k", EVK_MRSET_DICHOTOMY, NULL, NULL, knows, NULL, &error));
  g_clear_error (&error);
  g_assert_false (evk_project_define_mrset (f->project, "kjenner_1", EVK_MRSET_CATEGORY, NULL, NULL, knows, NULL,
                                            &error));
  g_clear_error (&error);
  g_assert_false (evk_project_define_mrset (f->project, "a set", EVK_MRSET_CATEGORY, NULL, NULL, knows, NULL,
                                            &error));
  g_clear_error (&error);
  g_assert_false (evk_project_remove_mrset (f->project, "$nothing", NULL, &error));
  g_clear_error (&error);
  survey = load (f);
  g_assert_cmpuint (survey->mrsets->len, ==, 1);
}

/* The evaluator's word on a text variable is saved with the survey and
 * holds when the project is opened again. */
static void
test_variable_role (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (evk_project_get_path (f->project));
  g_autoptr(EvkSurvey) before = load (f);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkProject) reopened = NULL;
  g_autoptr(EvkStats) stats = NULL;
  g_autoptr(EvkTable) table = NULL;
  EvkVariable *email;

  /* Imported: unique e-mail addresses are personal, never categories. */
  email = evk_survey_get_variable (before, "kontakt_epost");
  g_assert_cmpint (evk_survey_get_role (before, email), ==, EVK_ROLE_PERSONAL);

  g_assert_true (evk_project_set_variable_role (f->project, "kontakt_epost", "free-text", &error));
  g_assert_no_error (error);
  g_assert_true (evk_project_set_variable_role (f->project, "kontakt_epost", "categories", &error));
  g_assert_no_error (error);
  g_assert_false (evk_project_set_variable_role (f->project, "kontakt_epost", "codes", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (evk_project_set_variable_role (f->project, "kjenner_1", "categories", &error));
  g_clear_error (&error);

  reopened = evk_project_open (path, &error);
  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (reopened), "survey", FALSE, &error);
  g_assert_no_error (error);
  email = evk_survey_get_variable (survey, "kontakt_epost");
  g_assert_false (email->personal);
  g_assert_cmpint (email->text_role, ==, EVK_TEXT_ROLE_CATEGORIES);
  g_assert_cmpint (evk_survey_get_role (survey, email), ==, EVK_ROLE_TEXT_CATEGORIES);
  stats = evk_stats_new (survey);
  evk_stats_set_small_cell (stats, 0);
  table = evk_stats_frequency (stats, "kontakt_epost", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, evk_text_column_get_n_answers (email->texts));
  g_clear_pointer (&stats, evk_stats_free);
  g_clear_pointer (&survey, evk_survey_free);

  /* Back to the rule: unique answers are free text, and refused. */
  g_assert_true (evk_project_set_variable_role (reopened, "kontakt_epost", "auto", &error));
  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (reopened), "survey", FALSE, &error);
  g_assert_no_error (error);
  email = evk_survey_get_variable (survey, "kontakt_epost");
  g_assert_cmpint (evk_survey_get_role (survey, email), ==, EVK_ROLE_FREE_TEXT);
  stats = evk_stats_new (survey);
  g_assert_null (evk_stats_frequency (stats, "kontakt_epost", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/project-mrset/define", test_define);
  ADD ("/evk/project-mrset/kept-on-reimport", test_kept_on_reimport);
  ADD ("/evk/project-mrset/refused", test_refused);
  ADD ("/evk/project-mrset/variable-role", test_variable_role);

  return g_test_run ();
}
