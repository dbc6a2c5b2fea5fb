/* test-survey-reimport.c: a new version of a survey keeps what the project knew
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "evk-data-dir.h"
#include "evk-demo.h"
#include "evk-import-csv.h"
#include "evk-import-spss.h"
#include "evk-project.h"
#include "evk-survey.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  char       *demo_dir;
  EvkProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = evk_test_tmpdir ();
  f->demo_dir = evk_get_demo_dir ();
  path = g_build_filename (f->dir, "demo.evalkit", NULL);
  f->project = evk_demo_create (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->demo_dir);
}

static EvkSurvey *
load_first (EvkProject *project,
            gboolean    with_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = evk_survey_list (evk_project_get_store (project), &error);
  EvkSurvey *survey;

  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), names[0], with_data, &error);
  g_assert_no_error (error);
  return survey;
}

static gboolean
contains (GPtrArray  *items,
          const char *prefix)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (items, i), prefix))
      return TRUE;
  return FALSE;
}

/* The demo's survey file again, without its metadata file: the frame, the
 * multiple-response sets, the population shares, the English labels and
 * the personal marks stay, and the report still has what it needs. */
static void
test_same_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sav = g_build_filename (f->demo_dir, "survey.sav", NULL);
  g_autoptr(EvkSurvey) before = load_first (f->project, FALSE);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurvey) after = NULL;
  g_autoptr(EvkSurvey) old = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;
  g_autofree char *described = NULL;
  EvkVariable *variable;

  survey = evk_import_spss (sav, before->name, "nb", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (survey->invited, <, 0);
  g_assert_cmpuint (survey->mrsets->len, ==, 0);

  g_assert_true (evk_project_prepare_survey (f->project, survey, &old, &changes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  g_assert_nonnull (old);
  g_assert_cmpuint (old->n_rows, ==, before->n_rows);
  /* With its data, to be written back by Undo. */
  g_assert_nonnull (evk_survey_get_variable (old, "reg_icnpo")->column);
  g_assert_cmpuint (changes->n_before, ==, changes->n_after);
  g_assert_cmpuint (changes->added->len, ==, 0);
  g_assert_cmpuint (changes->removed->len, ==, 0);
  g_assert_cmpuint (changes->dropped->len, ==, 0);
  g_assert_true (contains (changes->kept, "the survey frame"));
  g_assert_true (contains (changes->kept, "multiple-response set"));
  g_assert_true (contains (changes->kept, "population shares of reg_icnpo"));
  g_assert_true (contains (changes->kept, "labels in further languages"));

  described = evk_survey_changes_describe (changes);
  g_test_message ("%s", described);
  g_assert_nonnull (strstr (described, "Respondents: 5103 before, 5103 after"));

  g_assert_true (evk_project_save_survey (f->project, survey, &error));
  g_assert_no_error (error);
  after = load_first (f->project, FALSE);
  g_assert_cmpint (after->invited, ==, before->invited);
  g_assert_cmpint (after->net_population, ==, before->net_population);
  g_assert_cmpstr (after->id_variable, ==, before->id_variable);
  g_assert_cmpuint (after->mrsets->len, ==, before->mrsets->len);
  g_assert_cmpuint (after->population->len, ==, before->population->len);
  for (guint i = 0; i < before->variables->len; i++)
    {
      EvkVariable *was = g_ptr_array_index (before->variables, i);

      variable = evk_survey_get_variable (after, was->name);
      g_assert_nonnull (variable);
      g_assert_cmpint (variable->personal, ==, was->personal);
      g_assert_cmpstr (g_hash_table_lookup (variable->label, "en"), ==, g_hash_table_lookup (was->label, "en"));
    }
}

/* Another file under the same name: what it lacks is said, and metadata
 * about variables it does not have is reported lost, not kept wrongly. */
static void
test_other_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *examples = g_build_filename (f->demo_dir, "..", "examples", NULL);
  g_autofree char *csv = g_build_filename (examples, "survey.csv", NULL);
  g_autofree char *codebook = g_build_filename (examples, "codebook.csv", NULL);
  g_autoptr(EvkSurvey) before = load_first (f->project, FALSE);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;

  survey = evk_import_csv (csv, codebook, before->name, "nb", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_prepare_survey (f->project, survey, NULL, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->n_before, ==, 5103);
  g_assert_cmpuint (changes->n_after, ==, survey->n_rows);
  g_assert_cmpuint (changes->added->len, >, 0);
  g_assert_cmpuint (changes->removed->len, >, 0);
  g_assert_true (contains (changes->dropped, "population shares of reg_icnpo"));
  g_assert_false (contains (changes->kept, "population shares of reg_icnpo"));
  g_assert_false (evk_survey_changes_is_empty (changes));
  /* The frame is about the survey, not about a variable: it stays. */
  g_assert_cmpint (survey->invited, ==, before->invited);
}

/* A first import changes nothing to carry. */
static void
test_first_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.evalkit", NULL);
  g_autofree char *demo_dir = evk_get_demo_dir ();
  g_autofree char *ini = g_build_filename (demo_dir, "strategy.ini", NULL);
  g_autofree char *sav = g_build_filename (demo_dir, "survey.sav", NULL);
  g_autoptr(EvkProject) project = evk_project_create_from_strategy (path, ini, &error);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;

  g_assert_no_error (error);
  survey = evk_import_spss (sav, "survey", "nb", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_prepare_survey (project, survey, NULL, &changes, &error));
  g_assert_null (changes);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* What the evaluator said a text is holds for a corrected file, whatever
 * the rule says of the new answers; a personal mark is never given up. */
static void
test_text_roles_kept (void)
{
  g_autoptr(EvkSurvey) old = evk_survey_new ("s");
  g_autoptr(EvkSurvey) survey = evk_survey_new ("s");
  g_autoptr(EvkSurveyChanges) changes = NULL;
  g_autofree char *described = NULL;
  EvkVariable *v;

  old->n_rows = survey->n_rows = 2;
  v = evk_survey_add_variable (old, "occupation", EVK_VARIABLE_STRING);
  v->personal = FALSE;
  v->text_role = EVK_TEXT_ROLE_CATEGORIES;
  v = evk_survey_add_variable (old, "note", EVK_VARIABLE_STRING);
  v->personal = FALSE;
  v->text_role = EVK_TEXT_ROLE_FREE_TEXT;
  v = evk_survey_add_variable (old, "name", EVK_VARIABLE_STRING);
  v->personal = TRUE;

  /* The new file's texts are personal by the rule (two unique answers). */
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "occupation", "note", "name" };

      v = evk_survey_add_variable (survey, names[i], EVK_VARIABLE_STRING);
      evk_text_column_append (v->texts, "one answer");
      evk_text_column_append (v->texts, "another answer");
      v->personal = !evk_variable_looks_categorical (v);
      g_assert_true (v->personal);
    }
  evk_survey_get_variable (survey, "name")->personal = FALSE;

  changes = evk_survey_carry_over (survey, old, "nb");
  v = evk_survey_get_variable (survey, "occupation");
  g_assert_false (v->personal);
  g_assert_cmpint (v->text_role, ==, EVK_TEXT_ROLE_CATEGORIES);
  g_assert_cmpint (evk_survey_get_role (survey, v), ==, EVK_ROLE_TEXT_CATEGORIES);
  v = evk_survey_get_variable (survey, "note");
  g_assert_cmpint (evk_survey_get_role (survey, v), ==, EVK_ROLE_FREE_TEXT);
  g_assert_cmpint (evk_survey_get_role (survey, evk_survey_get_variable (survey, "name")), ==, EVK_ROLE_PERSONAL);
  described = evk_survey_changes_describe (changes);
  g_assert_nonnull (strstr (described, "what 2 text variables are (categories or free text)"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/evk/survey-reimport/same-file", Fixture, NULL, fixture_set_up, test_same_file, fixture_tear_down);
  g_test_add ("/evk/survey-reimport/other-file", Fixture, NULL, fixture_set_up, test_other_file, fixture_tear_down);
  g_test_add_func ("/evk/survey-reimport/first-import", test_first_import);
  g_test_add_func ("/evk/survey-reimport/text-roles-kept", test_text_roles_kept);

  return g_test_run ();
}
