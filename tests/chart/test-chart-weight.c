/* test-chart-weight.c: a saved chart weighted, in every output and the report
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-chart-export.h"
#include "evk-charts.h"
#include "evk-demo.h"
#include "evk-live-figure.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-report-outline.h"
#include "evk-report-private.h"
#include "evk-report.h"
#include "evk-table-spec.h"
#include "evk-test-example.h"
#include "evk-test-util.h"

typedef struct {
  const char *name;
  const char *variable;   /* a variable the survey has population shares of */
  guint       n_choices;  /* weightings a survey chart is offered */
} Evaluation;

static const Evaluation evaluations[] = {
  { "demo", "reg_icnpo", 4 },
  { "example", "reg_landsdel", 1 },
};

static EvkProject *
make_project (const Evaluation *evaluation,
              const char       *path)
{
  g_autoptr(GError) error = NULL;
  EvkProject *project;

  project = g_str_equal (evaluation->name, "demo") ? evk_demo_create (path, &error)
                                                   : evk_test_make_example (path, FALSE, TRUE);
  g_assert_no_error (error);
  return project;
}

/* The first chart of an offer's awareness: every evaluation has one. */
static char *
awareness_chart (EvkProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (charts, i);

      if (g_str_has_prefix (chart->spec, "awareness ") && chart->measure > 0 && chart->in_report)
        return g_strdup (chart->key);
    }
  g_assert_not_reached ();
}

static EvkSavedChart *
reread (EvkProject *project,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, &error);
  EvkSavedChart *chart;
  guint i = 0;

  g_assert_no_error (error);
  chart = evk_project_find_chart (charts, key);
  g_assert_nonnull (chart);
  g_assert_true (g_ptr_array_find (charts, chart, &i));
  return g_ptr_array_steal_index (charts, i);
}

static gboolean
contains_bytes (GBytes     *bytes,
                const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return memmem (data, size, needle, strlen (needle)) != NULL;
}

/* The worksheet's shared strings of the table as a workbook. */
static char *
xlsx_strings (EvkTable   *table,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "unzip", "-p", path, "xl/sharedStrings.xml", NULL };
  char *out = NULL;
  int status;

  g_assert_true (evk_table_to_xlsx (table, "en", path, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The caption of the report figure of chart key, in lang. */
static char *
report_caption (EvkProject *project,
                const char *key,
                const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkLiveFigures) figures = evk_live_figures_new (project);
  g_autoptr(EvkReportDoc) doc = NULL;
  g_autofree char *place = g_strdup_printf ("chart:%s", key);
  EvkReportOptions options;

  evk_report_options_init (&options);
  doc = evk_report_doc_build (project, lang, &options, figures, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (doc->blocks, i);

      if (block->kind == EVK_BLOCK_FIGURE && g_strcmp0 (block->place, place) == 0)
        return evk_rich_text_get_plain (block->caption);
    }
  g_assert_not_reached ();
}

static void
test_weighted_chart (gconstpointer data)
{
  const Evaluation *evaluation = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "t.xlsx", NULL);
  g_autofree char *weighting = g_strdup_printf ("population:%s", evaluation->variable);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = make_project (evaluation, path);
  g_autofree char *key = awareness_chart (project);
  g_autoptr(EvkSavedChart) before = reread (project, key);
  g_autoptr(EvkSavedChart) after = NULL;
  g_autoptr(EvkSavedChart) undone = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(EvkTable) plain = NULL;
  g_autoptr(EvkTable) weighted = NULL;
  g_autoptr(EvkTable) by_table = NULL;
  g_autofree char *table_spec = NULL, *said = NULL, *said_nb = NULL, *csv = NULL, *strings = NULL;
  g_autofree char *caption = NULL, *caption_nb = NULL, *n = NULL, *how = NULL;
  g_autofree char *weight_of = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  EvkSurvey *survey;
  EvkVariable *variable;
  EvkChartSpec spec;
  gboolean any_differs = FALSE;

  /* What the window offers: every variable with population shares, no
   * weight variable (neither survey has one). */
  choices = evk_project_chart_weightings (project, before, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, evaluation->n_choices);
  g_assert_true (g_ptr_array_find_with_equal_func (choices, weighting, g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (choices, "variable", g_str_equal, NULL));
  g_assert_null (evk_saved_chart_get_weighting (before));

  plain = evk_project_compute_chart (project, before, &error);
  g_assert_no_error (error);
  g_assert_false (plain->weighted);

  g_assert_true (evk_project_set_chart_weighting (project, key, weighting, &error));
  g_assert_no_error (error);
  after = reread (project, key);
  weight_of = evk_saved_chart_get_weighting (after);
  g_assert_cmpstr (weight_of, ==, weighting);

  /* The chart's shares are the table command's with weight=… */
  weighted = evk_project_compute_chart (project, after, &error);
  g_assert_no_error (error);
  table_spec = g_strdup_printf ("%s weight=%s", before->spec, weighting);
  by_table = evk_table_compute (project, table_spec, &error);
  g_assert_no_error (error);
  g_assert_true (weighted->weighted);
  g_assert_cmpuint (weighted->rows->len, ==, by_table->rows->len);
  g_assert_cmpuint (weighted->columns->len, ==, by_table->columns->len);
  for (gsize k = 0; k < (gsize) weighted->rows->len * weighted->columns->len; k++)
    {
      g_assert_cmpfloat_with_epsilon (weighted->cells[k].share, by_table->cells[k].share, 1e-9);
      /* Counts of respondents stay unweighted: small cells are judged on
       * them, so weighting never hides or shows a cell. */
      g_assert_cmpuint (weighted->cells[k].n, ==, plain->cells[k].n);
      g_assert_cmpint (evk_table_is_small (weighted, &weighted->cells[k]), ==,
                       evk_table_is_small (plain, &plain->cells[k]));
      any_differs |= fabs (weighted->cells[k].share - plain->cells[k].share) > 0.01;
    }
  g_assert_true (any_differs);
  g_assert_cmpuint (weighted->n_base, ==, plain->n_base);

  /* Its words say how it is weighted and that N is of respondents. */
  survey = evk_survey_load (evk_project_get_store (project), "survey", FALSE, &error);
  if (survey == NULL)
    {
      g_auto(GStrv) names = NULL;

      g_clear_error (&error);
      names = evk_survey_list (evk_project_get_store (project), &error);
      g_assert_no_error (error);
      survey = evk_survey_load (evk_project_get_store (project), names[0], FALSE, &error);
    }
  g_assert_no_error (error);
  variable = evk_survey_get_variable (survey, evaluation->variable);
  g_assert_nonnull (variable);
  how = g_strdup_printf ("Weighted to the population’s distribution by %s",
                         evk_localized_get (variable->label, "en") ?: variable->name);
  {
    /* The N the unweighted chart prints, now named unweighted. */
    g_autofree char *plain_said = evk_table_describe (plain, "en");
    const char *at = strstr (plain_said, "N:\u00a0");
    const char *end;

    g_assert_nonnull (at);
    at += strlen ("N:\u00a0");
    end = strstr (at, " ·");
    n = g_strdup_printf ("N (unweighted):\u00a0%.*s", end != NULL ? (int) (end - at) : (int) strlen (at), at);
  }
  said = evk_table_describe (weighted, "en");
  g_test_message ("%s: %s", evaluation->name, said);
  g_assert_nonnull (strstr (said, n));
  g_assert_nonnull (strstr (said, how));
  said_nb = evk_table_describe (weighted, "nb");
  g_assert_nonnull (strstr (said_nb, "N (uvektet):"));
  g_assert_nonnull (strstr (said_nb, "Vektet til populasjonens fordeling på "));

  csv = evk_table_to_csv (weighted, "en");
  g_assert_nonnull (strstr (csv, said));
  strings = xlsx_strings (weighted, xlsx);
  g_assert_nonnull (strstr (strings, how));
  g_assert_nonnull (strstr (strings, "N (unweighted)"));

  evk_chart_spec_init (&spec, after->kind, "en");
  png = evk_chart_render (after->kind, &weighted, 1, &spec, EVK_CHART_FORMAT_PNG, NULL, 453.5, 300, 72, &error);
  g_assert_no_error (error);
  g_assert_true (contains_bytes (png, how));
  g_assert_true (contains_bytes (png, "N (unweighted)"));
  svg = evk_chart_render (after->kind, &weighted, 1, &spec, EVK_CHART_FORMAT_SVG, NULL, 453.5, 300, 72, &error);
  g_assert_no_error (error);
  g_assert_true (contains_bytes (svg, how));

  /* The report's caption, in both languages. */
  caption = report_caption (project, key, "en");
  g_test_message ("%s", caption);
  g_assert_nonnull (strstr (caption, how));
  g_assert_nonnull (strstr (caption, "N (unweighted)"));
  caption_nb = report_caption (project, key, "nb");
  g_assert_nonnull (strstr (caption_nb, "Vektet til populasjonens fordeling på "));
  g_assert_nonnull (strstr (caption_nb, "N (uvektet)"));

  /* A weighting that does not apply is refused and changes nothing. */
  g_assert_false (evk_project_set_chart_weighting (project, key, "variable", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, key));
  g_clear_error (&error);
  g_assert_false (evk_project_set_chart_weighting (project, key, "population:no_such_variable", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(EvkSavedChart) unchanged = reread (project, key);
    g_assert_cmpstr (unchanged->spec, ==, after->spec);
  }

  /* None takes it back to its words as they were. */
  g_assert_true (evk_project_set_chart_weighting (project, key, "none", &error));
  g_assert_no_error (error);
  undone = reread (project, key);
  g_assert_cmpstr (undone->spec, ==, before->spec);

  evk_survey_free (survey);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* Post-stratified to a variable's shares, the frequency of that variable
 * is the population's distribution: the weights do what they claim. */
static void
test_poststratified_shares (gconstpointer data)
{
  const Evaluation *evaluation = data;
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autofree char *spec = g_strdup_printf ("frequency %s base=valid", evaluation->variable);
  g_autofree char *weighting = g_strdup_printf ("population:%s", evaluation->variable);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = make_project (evaluation, path);
  g_autoptr(EvkSavedChart) chart = NULL;
  g_autoptr(EvkTable) table = NULL;
  g_auto(GStrv) names = NULL;
  EvkSurvey *survey;
  guint n_checked = 0;

  g_assert_true (evk_project_add_chart (project, "strata", EVK_CHART_DISTRIBUTION, spec, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (evk_project_set_chart_weighting (project, "strata", weighting, &error));
  g_assert_no_error (error);
  chart = reread (project, "strata");
  table = evk_project_compute_chart (project, chart, &error);
  g_assert_no_error (error);

  names = evk_survey_list (evk_project_get_store (project), &error);
  g_assert_no_error (error);
  survey = evk_survey_load (evk_project_get_store (project), names[0], FALSE, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < survey->population->len; p++)
    {
      EvkPopulationShare *share = g_ptr_array_index (survey->population, p);

      if (!g_str_equal (share->variable, evaluation->variable))
        continue;
      for (guint r = 0; r < table->rows->len; r++)
        if (evk_table_row (table, r)->role == EVK_ENTRY_VALUE && evk_table_row (table, r)->value == share->value)
          {
            g_assert_cmpfloat_with_epsilon (evk_table_cell (table, r, 0)->share, share->share, 1e-6);
            n_checked++;
          }
    }
  g_assert_cmpuint (n_checked, >=, 2);
  evk_survey_free (survey);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* A survey with a weight variable: the example's municipalities weighted
 * by their residents (innbyggere, in thousands), as answers per resident
 * would be reported. The chart is weighted by it, named by its label. */
static void
test_weight_variable (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = make_project (&evaluations[1], path);
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSavedChart) chart = NULL;
  g_autoptr(EvkSavedChart) weighted_chart = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(EvkTable) plain = NULL;
  g_autoptr(EvkTable) weighted = NULL;
  g_autoptr(EvkTable) by_table = NULL;
  g_autofree char *key = NULL, *words = NULL, *said = NULL;
  g_auto(GStrv) names = NULL;
  gboolean any_differs = FALSE;

  names = evk_survey_list (store, &error);
  g_assert_no_error (error);
  survey = evk_survey_load (store, names[0], TRUE, &error);
  g_assert_no_error (error);
  g_free (survey->weight_variable);
  survey->weight_variable = g_strdup ("innbyggere");
  g_assert_true (evk_project_save_survey (project, survey, &error));
  g_assert_no_error (error);

  key = awareness_chart (project);
  chart = reread (project, key);
  choices = evk_project_chart_weightings (project, chart, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (choices, 0), ==, "variable");
  plain = evk_project_compute_chart (project, chart, &error);
  g_assert_no_error (error);

  g_assert_true (evk_project_set_chart_weighting (project, key, "variable", &error));
  g_assert_no_error (error);
  weighted_chart = reread (project, key);
  weighted = evk_project_compute_chart (project, weighted_chart, &error);
  g_assert_no_error (error);
  words = g_strdup_printf ("%s weight=variable", chart->spec);
  by_table = evk_table_compute (project, words, &error);
  g_assert_no_error (error);
  for (gsize k = 0; k < (gsize) weighted->rows->len * weighted->columns->len; k++)
    {
      g_assert_cmpfloat_with_epsilon (weighted->cells[k].share, by_table->cells[k].share, 1e-9);
      g_assert_cmpuint (weighted->cells[k].n, ==, plain->cells[k].n);
      any_differs |= fabs (weighted->cells[k].share - plain->cells[k].share) > 0.01;
    }
  g_assert_true (any_differs);
  said = evk_table_describe (weighted, "en");
  g_test_message ("%s", said);
  g_assert_nonnull (strstr (said, "Weighted by Number of residents in the municipality (thousands)"));
  g_assert_nonnull (strstr (said, "N (unweighted):"));
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* A report figure's table words take the same weighting, and its caption
 * says so: the demo's figure of q73, post-stratified. */
static void
test_report_figure (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = make_project (&evaluations[0], path);
  g_autoptr(EvkOutline) outline = NULL;
  g_autoptr(EvkLiveFigures) figures = NULL;
  g_autoptr(EvkReportDoc) doc = NULL;
  EvkReportOptions options;
  EvkOutlineFigure *figure = NULL;
  guint n_found = 0;

  outline = evk_report_outline_load (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < outline->figures->len; i++)
    if (g_str_equal (((EvkOutlineFigure *) g_ptr_array_index (outline->figures, i))->key, "change-activities"))
      figure = g_ptr_array_index (outline->figures, i);
  g_assert_nonnull (figure);
  g_assert_cmpstr (figure->tables[0], ==, "frequency q73");
  g_free (figure->tables[0]);
  figure->tables[0] = g_strdup ("frequency q73 weight=population:reg_icnpo");
  g_assert_true (evk_report_outline_save (project, outline, &error));
  g_assert_no_error (error);

  figures = evk_live_figures_new (project);
  evk_report_options_init (&options);
  doc = evk_report_doc_build (project, "en", &options, figures, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (doc->blocks, i);
      g_autofree char *caption = NULL;

      if (block->kind != EVK_BLOCK_FIGURE)
        continue;
      caption = evk_rich_text_get_plain (block->caption);
      if (strstr (caption, "integration activities compared with 2021") == NULL)
        continue;
      g_test_message ("%s", caption);
      g_assert_nonnull (strstr (caption, "N (unweighted):"));
      g_assert_nonnull (strstr (caption, "Weighted to the population’s distribution by ICNPO category"));
      g_assert_true (block->tables[0]->weighted);
      n_found++;
    }
  g_assert_cmpuint (n_found, ==, 1);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

/* Charts that do not count survey answers have no weighting to offer and
 * refuse one. */
static void
test_not_survey_charts (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.evalkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = make_project (&evaluations[0], path);
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, &error);
  g_autoptr(GPtrArray) choices = NULL;
  EvkSavedChart *status = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < charts->len && status == NULL; i++)
    if (g_str_has_prefix (((EvkSavedChart *) g_ptr_array_index (charts, i))->spec, "status-summary"))
      status = g_ptr_array_index (charts, i);
  g_assert_nonnull (status);
  choices = evk_project_chart_weightings (project, status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 0);
  g_assert_false (evk_project_set_chart_weighting (project, status->key, "population:reg_icnpo", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (evk_project_set_chart_weighting (project, status->key, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    {
      g_autofree char *name = g_strdup_printf ("/evk/chart-weight/%s/chart", evaluations[i].name);
      g_autofree char *strata = g_strdup_printf ("/evk/chart-weight/%s/poststratified", evaluations[i].name);

      g_test_add_data_func (name, &evaluations[i], test_weighted_chart);
      g_test_add_data_func (strata, &evaluations[i], test_poststratified_shares);
    }
  g_test_add_func ("/evk/chart-weight/not-survey-charts", test_not_survey_charts);
  g_test_add_func ("/evk/chart-weight/example/weight-variable", test_weight_variable);
  g_test_add_func ("/evk/chart-weight/demo/report-figure", test_report_figure);
  return g_test_run ();
}
