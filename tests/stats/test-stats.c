/* test-stats.c: statistics on a small survey whose answers we know
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-model-error.h"

#include "evk-format.h"
#include "evk-localized.h"
#include "evk-stats.h"
#include "evk-table-spec.h"

/* Ten respondents:
 *   heard: 1 1 1 1 0 0 0 0 0 .      used: 1 1 0 0 . . . . . .
 *   q (1–5 scale, 6 = don't know, 7 = not relevant):
 *          1 2 5 5 6 6 7 . 3 4
 *   m1, m2 (multiple response): m1 = 1 1 0 0 0 . . . . .; m2 = 1 0 1 0 0 . . . . .
 *   cat (register category 1/2): 1 1 1 1 1 1 2 2 2 2 */
static EvkSurvey *
make_survey (void)
{
  EvkSurvey *survey = evk_survey_new ("test");
  static const double heard[] = { 1, 1, 1, 1, 0, 0, 0, 0, 0, NAN };
  static const double used[] = { 1, 1, 0, 0, NAN, NAN, NAN, NAN, NAN, NAN };
  static const double q[] = { 1, 2, 5, 5, 6, 6, 7, NAN, 3, 4 };
  static const double m1[] = { 1, 1, 0, 0, 0, NAN, NAN, NAN, NAN, NAN };
  static const double m2[] = { 1, 0, 1, 0, 0, NAN, NAN, NAN, NAN, NAN };
  static const double cat[] = { 1, 1, 1, 1, 1, 1, 2, 2, 2, 2 };
  struct { const char *name; const double *values; } columns[] = {
    { "heard", heard }, { "used", used }, { "q", q }, { "m1", m1 }, { "m2", m2 }, { "cat", cat },
  };
  EvkVariable *v;

  survey->n_rows = 10;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      v = evk_survey_add_variable (survey, columns[c].name, EVK_VARIABLE_NUMERIC);
      for (guint i = 0; i < 10; i++)
        evk_column_append (v->column, columns[c].values[i]);
    }
  v = evk_survey_get_variable (survey, "q");
  evk_localized_set (v->label, "en", "How much?");
  for (guint k = 1; k <= 7; k++)
    {
      EvkValueLabel *label = evk_variable_add_value_label (v, k, NULL);
      static const char * const names[] = { "", "Very little", "Little", "Neither", "Much", "Very much",
                                             "Don't know", "Not relevant" };
      evk_localized_set (label->label, "en", names[k]);
    }
  evk_variable_add_missing (v, 6, 6, EVK_MISSING_DONT_KNOW);
  evk_variable_add_missing (v, 7, 7, EVK_MISSING_NOT_RELEVANT);
  evk_survey_add_population_share (survey, "cat", 1, 50, "register");
  evk_survey_add_population_share (survey, "cat", 2, 50, "register");
  survey->net_population = 40;
  return survey;
}

static double
share (EvkTable   *table,
       const char *row,
       const char *column)
{
  int r = evk_table_find_row (table, row);
  int c = column != NULL ? evk_table_find_column (table, column) : 0;

  g_assert_cmpint (r, >=, 0);
  g_assert_cmpint (c, >=, 0);
  return evk_table_cell (table, r, c)->share;
}

static void
test_frequency_bases (void)
{
  g_autoptr(EvkSurvey) survey = make_survey ();
  g_autoptr(EvkStats) stats = evk_stats_new (survey);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) with_dk = NULL, valid = NULL, all = NULL;

  /* Answered, don't know kept: 9 answered, minus 1 not relevant = 8. */
  with_dk = evk_stats_frequency (stats, "q", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_dk->n_base, ==, 8);
  g_assert_cmpfloat_with_epsilon (share (with_dk, "5", NULL), 25.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (share (with_dk, "6", NULL), 25.0, 1e-9);
  g_assert_cmpint (evk_table_find_row (with_dk, "7"), ==, -1);
  g_assert_cmpint (evk_table_row (with_dk, evk_table_find_row (with_dk, "6"))->role, ==, EVK_ENTRY_DONT_KNOW);
  /* Missing codes come last. */
  g_assert_cmpstr (evk_table_row (with_dk, with_dk->rows->len - 1)->key, ==, "6");

  evk_stats_set_base (stats, EVK_BASE_VALID);
  valid = evk_stats_frequency (stats, "q", &error);
  g_assert_cmpuint (valid->n_base, ==, 6);
  g_assert_cmpfloat_with_epsilon (share (valid, "5", NULL), 100.0 * 2 / 6, 1e-9);
  g_assert_cmpint (evk_table_find_row (valid, "6"), ==, -1);

  evk_stats_set_base (stats, EVK_BASE_ALL);
  all = evk_stats_frequency (stats, "q", &error);
  g_assert_cmpuint (all->n_base, ==, 10);
  g_assert_cmpfloat_with_epsilon (share (all, "no-answer", NULL), 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (share (all, "7", NULL), 10.0, 1e-9);
}

static void
test_awareness_and_groups (void)
{
  g_autoptr(EvkSurvey) survey = make_survey ();
  g_autoptr(EvkStats) stats = evk_stats_new (survey);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) table = NULL, in_group = NULL;
  g_autoptr(EvkRows) rows = NULL;

  table = evk_stats_awareness (stats, "heard", "used", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_base, ==, 10);
  g_assert_cmpfloat_with_epsilon (share (table, "heard", "not-known"), 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (share (table, "heard", "known-not-used"), 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (share (table, "heard", "known-used"), 20.0, 1e-9);
  /* Two used is a small cell under the default threshold of 5. */
  g_assert_true (evk_table_is_small (table, evk_table_cell (table, 0, 2)));

  rows = evk_rows_new_from_text (survey, "cat = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->n_selected, ==, 6);
  evk_stats_set_group (stats, rows, NULL);
  in_group = evk_stats_awareness (stats, "heard", "used", 1, &error);
  g_assert_cmpuint (in_group->n_base, ==, 6);
  g_assert_cmpfloat_with_epsilon (share (in_group, "heard", "known-used"), 100.0 * 2 / 6, 1e-9);

  /* An unknown variable in a filter is an error naming it. */
  g_assert_null (evk_rows_new_from_text (survey, "nosuch = 1", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nosuch"));
}

static void
test_items_have_their_own_n (void)
{
  g_autoptr(EvkSurvey) survey = make_survey ();
  g_autoptr(EvkStats) stats = evk_stats_new (survey);
  g_autoptr(GError) error = NULL;
  const char *items[] = { "q", "heard", NULL };
  g_autoptr(EvkTable) table = NULL;

  table = evk_stats_items (stats, items, &error);
  g_assert_no_error (error);
  /* q: 8 answered (not relevant out); heard: 9 answered. */
  g_assert_cmpuint (evk_table_row (table, 0)->n_base, ==, 8);
  g_assert_cmpuint (evk_table_row (table, 1)->n_base, ==, 9);
  g_assert_cmpfloat_with_epsilon (share (table, "q", "5"), 25.0, 1e-9);
  g_assert_cmpint (evk_table_find_column (table, "7"), ==, -1);
  g_assert_cmpint (evk_table_find_column (table, "6"), >=, 0);
}

static void
test_multiple_response (void)
{
  g_autoptr(EvkSurvey) survey = make_survey ();
  g_autoptr(EvkStats) stats = evk_stats_new (survey);
  g_autoptr(GError) error = NULL;
  const char *items[] = { "m1", "m2", NULL };
  g_autoptr(EvkTable) table = NULL, counts = NULL;

  /* 5 answered the question; m1 chosen by 2, m2 by 2; 4 answers in all. */
  table = evk_stats_multiple_response (stats, items, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_base, ==, 5);
  g_assert_cmpfloat_with_epsilon (share (table, "m1", "respondents"), 40.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (share (table, "m2", "answers"), 50.0, 1e-9);

  counts = evk_stats_count_items (stats, items, 1, &error);
  g_assert_cmpuint (evk_table_cell (counts, 0, 0)->n, ==, 2);
}

static void
test_weights_and_representativity (void)
{
  g_autoptr(EvkSurvey) survey = make_survey ();
  g_autoptr(EvkStats) stats = evk_stats_new (survey);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) unweighted = NULL, weighted = NULL, repr = NULL;

  repr = evk_stats_representativity (stats, "cat", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (share (repr, "1", "sample"), 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (share (repr, "1", "population"), 50.0, 1e-9);

  unweighted = evk_stats_frequency (stats, "cat", &error);
  g_assert_cmpfloat_with_epsilon (share (unweighted, "1", NULL), 60.0, 1e-9);
  g_assert_true (evk_stats_set_weighting (stats, EVK_WEIGHT_POPULATION, "cat", &error));
  weighted = evk_stats_frequency (stats, "cat", &error);
  g_assert_true (weighted->weighted);
  g_assert_cmpfloat_with_epsilon (share (weighted, "1", NULL), 50.0, 1e-9);
  /* The unweighted n stays available beside the weighted count. */
  g_assert_cmpuint (evk_table_cell (weighted, 0, 0)->n, ==, 6);
  g_assert_cmpfloat_with_epsilon (evk_stats_response_rate (survey), 25.0, 1e-9);
}

static void
test_format (void)
{
  static const struct {
    const char *lang;
    double      value;
    int         decimals;
    gboolean    percent;
    const char *expected;
  } cases[] = {
    { "nb", 5103, 0, FALSE, "5\u202f103" },
    { "en", 5103, 0, FALSE, "5,103" },
    { "nb", 8.45, 1, TRUE, "8,5\u202f%" },
    { "en", 8.4, 1, TRUE, "8.4%" },
    { "nb", 1234567.5, 1, FALSE, "1\u202f234\u202f567,5" },
    { "en", -3.2, 1, FALSE, "\u22123.2" },
    { "en", 999, 0, FALSE, "999" },
    { "nb", 20, 0, TRUE, "20\u202f%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].percent
                                ? evk_format_percent (cases[i].lang, cases[i].value, cases[i].decimals)
                                : evk_format_number (cases[i].lang, cases[i].value, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A table's words name a group in group= or groups=, not inside a quoted
 * filter that happens to contain the same letters. */
static void
test_spec_names_group (void)
{
  g_assert_true (evk_table_spec_names_group ("awareness 7 group=small", "small"));
  g_assert_true (evk_table_spec_names_group ("crosstab q72 groups=all,small,large", "small"));
  g_assert_false (evk_table_spec_names_group ("crosstab q72 groups=all,smaller", "small"));
  g_assert_false (evk_table_spec_names_group ("awareness 7 filter=\"group=small\"", "small"));
  g_assert_false (evk_table_spec_names_group ("awareness 7 group=\"", "small"));
}

/* One text per table: options sorted, words quoted only where they must
 * be; and the canonical text is a spec of the same table. */
static void
test_spec_canonical (void)
{
  static const struct {
    const char *spec;
    const char *canonical;
  } cases[] = {
    { "frequency q72", "frequency q72" },
    { "  frequency   q72  group=small ", "frequency q72 group=small" },
    { "awareness 7 group=small base=valid", "awareness 7 base=valid group=small" },
    { "awareness 7 base=valid 'group=small'", "awareness 7 base=valid group=small" },
    { "count q16_1..q16_12 filter=\"q72 in 4..5\"", "count q16_1..q16_12 'filter=q72 in 4..5'" },
    { "count q16_1..q16_12 'filter=q72 in 4..5'", "count q16_1..q16_12 'filter=q72 in 4..5'" },
    { "crosstab q72 groups=all,small small=8", "crosstab q72 groups=all,small small=8" },
    { "frequency \"it's\"", "frequency 'it'\\''s'" },
    { "frequency Q=1", "frequency Q=1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = evk_table_spec_canonical (cases[i].spec, NULL);
      g_autofree char *again = evk_table_spec_canonical (canonical, NULL);

      g_assert_cmpstr (canonical, ==, cases[i].canonical);
      g_assert_cmpstr (again, ==, canonical);
    }
  g_assert_null (evk_table_spec_canonical ("awareness 7 group=\"", NULL));
  g_assert_null (evk_table_spec_canonical ("", NULL));
}

/* Personal variables and free text are never tabulated; a group smaller
 * than the threshold (even an empty one) gives no table; every
 * respondent is not a group that singles anyone out. */
static void
test_privacy (void)
{
  g_autoptr(EvkSurvey) survey = make_survey ();
  g_autoptr(EvkStats) stats = evk_stats_new (survey);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkRows) one = NULL, none = NULL, six = NULL, all = NULL;
  g_autoptr(EvkTable) table = NULL;
  EvkVariable *text;

  evk_survey_get_variable (survey, "cat")->personal = TRUE;
  g_assert_null (evk_stats_frequency (stats, "cat", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_assert_nonnull (strstr (error->message, "variable cat is personal data"));
  g_clear_error (&error);
  g_assert_null (evk_stats_items (stats, (const char *[]) { "q", "cat", NULL }, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_clear_error (&error);

  text = evk_survey_add_variable (survey, "remark", EVK_VARIABLE_STRING);
  text->personal = FALSE;
  g_assert_null (evk_stats_frequency (stats, "remark", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_assert_nonnull (strstr (error->message, "variable remark is free text"));
  g_clear_error (&error);

  one = evk_rows_new_from_text (survey, "q = 1", &error);
  none = evk_rows_new_from_text (survey, "q = 1 and heard = 0", &error);
  six = evk_rows_new_from_text (survey, "cat = 1", &error);
  all = evk_rows_new_all (survey->n_rows);
  g_assert_no_error (error);
  g_assert_cmpuint (one->n_selected, ==, 1);
  g_assert_cmpuint (none->n_selected, ==, 0);

  evk_stats_set_group (stats, one, NULL);
  g_assert_null (evk_stats_frequency (stats, "q", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_assert_nonnull (strstr (error->message, "selects 1 respondent, fewer than the project’s threshold of 5"));
  g_clear_error (&error);
  g_assert_null (evk_stats_awareness (stats, "heard", "used", 1, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_clear_error (&error);

  evk_stats_set_group (stats, none, NULL);
  g_assert_null (evk_stats_frequency (stats, "q", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_clear_error (&error);

  evk_stats_set_group (stats, six, NULL);
  table = evk_stats_frequency (stats, "q", &error);
  g_assert_no_error (error);
  g_clear_pointer (&table, evk_table_free);
  evk_stats_set_small_cell (stats, 7);
  g_assert_null (evk_stats_frequency (stats, "q", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_clear_error (&error);

  /* Ten respondents with a threshold of 20: everyone is still a table. */
  evk_stats_set_small_cell (stats, 20);
  evk_stats_set_group (stats, all, NULL);
  table = evk_stats_frequency (stats, "q", &error);
  g_assert_no_error (error);
}

/* A frequency table counts an i8 or i16 column by its codes in one pass,
 * and any other kind row by row: the same values at every width give the
 * same table, under every base, in a group, with codes beyond the
 * labels, and with a label that no answer has. */
static void
test_frequency_at_every_width (void)
{
  static const double values[] = { 1, 2, 5, 5, 6, 6, 7, NAN, 3, 4, 120, 0, -3, 2, 2, NAN, 7, 1 };
  static const EvkBase bases[] = { EVK_BASE_VALID, EVK_BASE_WITH_DONT_KNOW, EVK_BASE_ALL };
  static const double widen[] = { 0, 1000, 100000, 0.5 };   /* i8, i16, i32, f64 */
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EvkRows) group = evk_rows_new_all (G_N_ELEMENTS (values));

  for (guint i = 0; i < G_N_ELEMENTS (values); i += 3)
    group->selected[i] = 0;
  evk_rows_recount (group);

  for (guint w = 0; w < G_N_ELEMENTS (widen); w++)
    {
      g_autoptr(EvkSurvey) survey = evk_survey_new ("widths");
      g_autoptr(EvkStats) stats = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      EvkVariable *v = evk_survey_add_variable (survey, "q", EVK_VARIABLE_NUMERIC);

      /* The first value makes the column as wide as the case asks for,
       * and is then set to the first answer. */
      survey->n_rows = G_N_ELEMENTS (values);
      evk_column_append (v->column, widen[w]);
      for (guint i = 1; i < G_N_ELEMENTS (values); i++)
        evk_column_append (v->column, values[i]);
      evk_column_set (v->column, 0, values[0]);
      g_assert_cmpint (evk_column_get_kind (v->column), ==, (EvkColumnKind) w);
      evk_variable_add_missing (v, 6, 6, EVK_MISSING_DONT_KNOW);
      evk_variable_add_missing (v, 7, 7, EVK_MISSING_NOT_RELEVANT);
      for (guint k = 1; k <= 9; k++)
        {
          EvkValueLabel *label = evk_variable_add_value_label (v, k, NULL);
          g_autofree char *name = g_strdup_printf ("code %u", k);

          evk_localized_set (label->label, "en", name);
        }

      stats = evk_stats_new (survey);
      for (guint g = 0; g < 2; g++)
        for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(EvkTable) table = NULL;
            g_autofree char *csv = NULL;

            evk_stats_set_small_cell (stats, 0);
            evk_stats_set_group (stats, g == 0 ? NULL : group, NULL);
            evk_stats_set_base (stats, bases[b]);
            table = evk_stats_frequency (stats, "q", &error);
            g_assert_no_error (error);
            csv = evk_table_to_csv (table, "en");
            g_string_append_printf (text, "%s\nbase %g n %u\n", csv, table->base, table->n_base);
          }
      g_ptr_array_add (texts, g_string_free (g_steal_pointer (&text), FALSE));
    }
  g_test_message ("%s", (const char *) g_ptr_array_index (texts, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (texts, 0), "120"));
  for (guint w = 1; w < texts->len; w++)
    g_assert_cmpstr (g_ptr_array_index (texts, w), ==, g_ptr_array_index (texts, 0));
}

/* Everything a table says, in a form two tables can be compared by:
 * keys, values, bases and every cell's n, count and share, exactly. */
static char *
dump_table (EvkTable *table)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s base %.17g n %u\n", table->kind, table->base, table->n_base);
  for (guint c = 0; c < table->columns->len; c++)
    g_string_append_printf (out, "column %s %.17g\n", evk_table_column (table, c)->key,
                            evk_table_column (table, c)->value);
  for (guint r = 0; r < table->rows->len; r++)
    {
      EvkTableEntry *row = evk_table_row (table, r);

      g_string_append_printf (out, "row %s %.17g base %.17g n %u:", row->key, row->value, row->base, row->n_base);
      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);

          g_string_append_printf (out, " %u/%.17g/%.17g", cell->n, cell->count, cell->share);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Unweighted tables count small codes by code and items by typed passes;
 * weighted ones go row by row. Weights of exactly 1 make the row-by-row
 * count of the same table: every number must be the same, at every
 * column width, under every base, in a group and out of it. */
static void
test_counts_as_row_by_row (void)
{
  /* Codes 1–5, 8 = don't know, 9 = not relevant, system-missing. */
  static const double pattern[] = { 1, 2, 5, 5, 8, 8, 9, NAN, 3, 4, 1, 1, 0, 2, NAN, 9, 3, 5, 120 };
  static const EvkBase bases[] = { EVK_BASE_VALID, EVK_BASE_WITH_DONT_KNOW, EVK_BASE_ALL };
  static const double widen[] = { 0, 1000, 100000, 0.5 };   /* i8, i16, i32, f64 */
  const guint n_rows = 300;
  g_autoptr(EvkSurvey) survey = evk_survey_new ("rows");
  g_autoptr(EvkStats) stats = NULL;
  g_autoptr(EvkRows) group = evk_rows_new_all (n_rows);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  EvkVariable *one = evk_survey_add_variable (survey, "one", EVK_VARIABLE_NUMERIC);

  survey->n_rows = n_rows;
  for (guint i = 0; i < n_rows; i++)
    {
      evk_column_append (one->column, 1);
      group->selected[i] = i % 7 != 3 && i % 5 != 1;
    }
  evk_rows_recount (group);
  for (guint w = 0; w < G_N_ELEMENTS (widen); w++)
    for (guint k = 0; k < 3; k++)
      {
        g_autofree char *name = g_strdup_printf ("q%u_%u", w, k);
        EvkVariable *v = evk_survey_add_variable (survey, name, EVK_VARIABLE_NUMERIC);

        /* The first value sets the width; it is then set to the answer. */
        evk_column_append (v->column, widen[w]);
        for (guint i = 1; i < n_rows; i++)
          evk_column_append (v->column, pattern[(i * (k + 1) + w) % G_N_ELEMENTS (pattern)]);
        evk_column_set (v->column, 0, pattern[w]);
        g_assert_cmpint (evk_column_get_kind (v->column), ==, (EvkColumnKind) w);
        evk_variable_add_missing (v, 8, 8, EVK_MISSING_DONT_KNOW);
        evk_variable_add_missing (v, 9, 9, EVK_MISSING_NOT_RELEVANT);
        for (guint code = 1; code <= 7; code++)
          evk_variable_add_value_label (v, code, NULL);
        g_strv_builder_add (builder, name);
      }
  items = g_strv_builder_end (builder);

  stats = evk_stats_new (survey);
  evk_stats_set_small_cell (stats, 0);
  for (guint g = 0; g < 2; g++)
    for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
      for (guint t = 0; t < 4 * G_N_ELEMENTS (widen); t++)
        {
          const char * const *three = (const char * const *) items + 3 * (t / 4);
          const char *first = three[0];
          const char *set[] = { three[0], three[1], three[2], NULL };
          g_autofree char *by_code = NULL, *by_row = NULL;
          g_autoptr(GError) error = NULL;

          for (guint pass = 0; pass < 2; pass++)
            {
              g_autoptr(EvkTable) table = NULL;

              evk_stats_set_group (stats, g == 0 ? NULL : group, NULL);
              evk_stats_set_base (stats, bases[b]);
              g_assert_true (evk_stats_set_weighting (stats, pass == 0 ? EVK_WEIGHT_NONE : EVK_WEIGHT_VARIABLE,
                                                      "one", &error));
              switch (t % 4)
                {
                case 0:
                  table = evk_stats_frequency (stats, first, &error);
                  break;
                case 1:
                  table = evk_stats_items (stats, (const char * const *) set, &error);
                  break;
                case 2:
                  table = evk_stats_multiple_response (stats, (const char * const *) set, 1, &error);
                  break;
                default:
                  table = evk_stats_count_items (stats, (const char * const *) set, 5, &error);
                  break;
                }
              g_assert_no_error (error);
              g_assert_cmpint (table->weighted, ==, pass == 1);
              if (pass == 0)
                by_code = dump_table (table);
              else
                by_row = dump_table (table);
            }
          g_assert_cmpstr (by_code, ==, by_row);
        }
}

/* A crosstab of two groups that share no one has a base per group (6 and
 * 2), never their sum; the clipboard's text puts each number in a cell of
 * its own, written as the language writes it, under a line that says what
 * the numbers are of. */
static void
test_crosstab_bases_and_clipboard (void)
{
  g_autoptr(EvkSurvey) survey = make_survey ();
  g_autoptr(EvkStats) stats = evk_stats_new (survey);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_rows_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTable) table = NULL;
  g_autoptr(EvkTable) one = NULL;
  g_autoptr(GHashTable) name = evk_localized_new ();
  g_autofree char *csv = NULL, *tsv = NULL, *html = NULL, *said = NULL;

  evk_stats_set_small_cell (stats, 0);
  g_ptr_array_add (groups, evk_rows_new_from_text (survey, "cat = 1", &error));
  g_assert_no_error (error);
  g_ptr_array_add (groups, evk_rows_new_from_text (survey, "cat = 2", &error));
  g_assert_no_error (error);
  table = evk_stats_crosstab (stats, "q", groups, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evk_table_column (table, 0)->n_base, ==, 6);
  g_assert_cmpuint (evk_table_column (table, 1)->n_base, ==, 2);
  g_assert_true (evk_table_columns_have_bases (table));
  g_assert_true (isnan (evk_table_row_base (table, 0)));

  csv = evk_table_to_csv (table, "en");
  g_assert_nonnull (strstr (csv, "\r\nbase,6,,2,,\r\n"));
  g_assert_null (strstr (csv, ",8\r\n"));
  tsv = evk_table_to_tsv (table, "en");
  g_assert_nonnull (strstr (tsv, "\nbase\t6\t\t2\t\t\n"));
  html = evk_table_to_html (table, "en");
  g_assert_nonnull (strstr (html, "<th>base</th><td style=\"text-align: right\">6</td>"));

  /* One group, named: the line above the numbers says so; shares use the
   * language's decimal mark in the clipboard's text. */
  evk_localized_set (name, "en", "Small & new");
  evk_localized_set (name, "nb", "Små og nye");
  evk_stats_set_group (stats, g_ptr_array_index (groups, 0), name);
  one = evk_stats_frequency (stats, "q", &error);
  g_assert_no_error (error);
  said = evk_table_describe (one, "en");
  g_assert_cmpstr (said, ==, "Group:\u00a0Small & new · N:\u00a06 · Base: those who answered");
  g_clear_pointer (&tsv, g_free);
  tsv = evk_table_to_tsv (one, "nb");
  g_assert_nonnull (strstr (tsv, "Gruppe:\u00a0Små og nye · N:\u00a06 · Grunnlag: de som svarte\n"));
  g_assert_nonnull (strstr (tsv, "\t2\t33,3\t6\n"));
  g_clear_pointer (&html, g_free);
  html = evk_table_to_html (one, "en");
  g_assert_nonnull (strstr (html, "Small &amp; new"));

  /* A suppressed cell has no number on the clipboard either. */
  {
    EvkCell *cell = evk_table_cell (one, 0, 0);
    g_autofree char *row = NULL;

    cell->suppressed = TRUE;
    cell->count = cell->share = NAN;
    cell->n = 0;
    g_clear_pointer (&tsv, g_free);
    g_clear_pointer (&html, g_free);
    tsv = evk_table_to_tsv (one, "en");
    html = evk_table_to_html (one, "en");
    row = g_strdup_printf ("\n%s\t:\t:\t", evk_localized_get (evk_table_row (one, 0)->label, "en") ?:
                                               evk_table_row (one, 0)->key);
    g_assert_nonnull (strstr (tsv, row));
    g_assert_nonnull (strstr (html, "<td style=\"text-align: right\">:</td><td style=\"text-align: right\">:</td>"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/stats/frequency-bases", test_frequency_bases);
  g_test_add_func ("/evk/stats/frequency-at-every-width", test_frequency_at_every_width);
  g_test_add_func ("/evk/stats/counts-as-row-by-row", test_counts_as_row_by_row);
  g_test_add_func ("/evk/stats/awareness-and-groups", test_awareness_and_groups);
  g_test_add_func ("/evk/stats/items-have-their-own-n", test_items_have_their_own_n);
  g_test_add_func ("/evk/stats/multiple-response", test_multiple_response);
  g_test_add_func ("/evk/stats/weights-and-representativity", test_weights_and_representativity);
  g_test_add_func ("/evk/stats/format", test_format);
  g_test_add_func ("/evk/stats/spec-names-group", test_spec_names_group);
  g_test_add_func ("/evk/stats/spec-canonical", test_spec_canonical);
  g_test_add_func ("/evk/stats/privacy", test_privacy);
  g_test_add_func ("/evk/stats/crosstab-bases-and-clipboard", test_crosstab_bases_and_clipboard);
  return g_test_run ();
}
