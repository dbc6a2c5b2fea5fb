/* test-filter.c: respondent group filters
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-filter.h"
#include "evk-rows.h"
#include "evk-survey.h"

static void
test_canonical (void)
{
  static const struct {
    const char *input;
    const char *canonical;
  } cases[] = {
    { "q6_alt_1 in 1..4", "q6_alt_1 in 1..4" },
    { "reg_ansatte = 1", "reg_ansatte = 1" },
    { "reg_ansatte == 1", "reg_ansatte = 1" },
    { "q10 != 2", "q10 != 2" },
    { "q5 in {1, 2,4}", "q5 in {1, 2, 4}" },
    { "any(q16_1..q16_3) = 1", "any(q16_1, q16_2, q16_3) = 1" },
    { "any(q16_1, q16_7) = 1", "any(q16_1, q16_7) = 1" },
    { "a = 1 and b = 2 or c = 3", "a = 1 and b = 2 or c = 3" },
    { "a = 1 and (b = 2 or c = 3)", "a = 1 and (b = 2 or c = 3)" },
    { "not (a = 1)", "not a = 1" },
    { "NOT a = 1 AND b in 0.5..1.5", "not a = 1 and b in 0.5..1.5" },
    { "x = -1", "x = -1" },
    { "region = 'Nord'", "region = \"Nord\"" },
    { "region != \"Sør\"", "region != \"Sør\"" },
    { "arm in { 'A','B' }", "arm in {\"A\", \"B\"}" },
    { "note = 'it''s'", NULL },
    { "note = 'say \\'hi\\' \\\\ \"x\"'", "note = \"say 'hi' \\\\ \\\"x\\\"\"" },
    { "any(a, b) = 'x' and q = 1", "any(a, b) = \"x\" and q = 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkFilter) filter = evk_filter_parse (cases[i].input, &error);
      g_autoptr(EvkFilter) again = NULL;
      g_autofree char *text = NULL, *text_again = NULL;

      if (cases[i].canonical == NULL)
        {
          /* Two texts in a row are no text with a quote in it. */
          g_assert_null (filter);
          continue;
        }
      g_assert_no_error (error);
      text = evk_filter_to_string (filter);
      g_assert_cmpstr (text, ==, cases[i].canonical);
      again = evk_filter_parse (text, &error);
      g_assert_no_error (error);
      text_again = evk_filter_to_string (again);
      g_assert_cmpstr (text_again, ==, text);
    }
}

static void
test_errors (void)
{
  static const struct {
    const char *input;
    const char *message_part;
  } cases[] = {
    { "", "empty" },
    { "q6 in", "expected a range or a set" },
    { "q6 in 4..1", "the range is empty" },
    { "q6 = x", "expected a number" },
    { "q6", "expected “=”, “!=” or “in”" },
    { "any(q16_1..q15_3) = 1", "same name with numbers" },
    { "(a = 1", "expected “)”" },
    { "a = 1 b = 2", "unexpected text" },
    { "a = 1 & b = 2", "unexpected character" },
    { "region = 'Nord", "the text has no closing quote" },
    { "region in {'Nord', 3}", "expected a text in quotes" },
    { "region = '\xff'", "not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkFilter) filter = evk_filter_parse (cases[i].input, &error);

      g_assert_null (filter);
      g_assert_error (error, EVK_FILTER_ERROR, EVK_FILTER_ERROR_SYNTAX);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_variables_and_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkFilter) filter = evk_filter_parse ("q6_alt_1 in 1..4 and any(q16_1..q16_2) = 1",
                                                  &error);
  g_auto(GStrv) variables = NULL;
  const char *expected[] = { "q6_alt_1", "q16_1", "q16_2", NULL };

  g_assert_no_error (error);
  variables = evk_filter_get_variables (filter);
  g_assert_cmpstrv (variables, expected);

  g_assert_true (evk_filter_compare_value (filter->left, 1));
  g_assert_true (evk_filter_compare_value (filter->left, 4));
  g_assert_false (evk_filter_compare_value (filter->left, 5));
  g_assert_false (evk_filter_compare_value (filter->left, NAN));
}

static char *
read_malformed (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "malformed", "filter",
                                                 name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return g_strchomp (text);
}

static void
assert_refused (const char *text,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkFilter) filter = evk_filter_parse (text, &error);

  g_assert_null (filter);
  g_assert_error (error, EVK_FILTER_ERROR, EVK_FILTER_ERROR_SYNTAX);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  /* The message quotes the start of the filter, not all of it. */
  g_assert_cmpuint (strlen (error->message), <, 300);
}

static char *
repeat (const char *first,
        const char *middle,
        const char *last,
        guint       n)
{
  GString *s = g_string_new (first);

  for (guint i = 0; i < n; i++)
    g_string_append (s, middle);
  g_string_append (s, last);
  return g_string_free (s, FALSE);
}

/* Deep or huge filters are refused before they reach the stack's end or
 * run for ever (tests/data/malformed/filter). */
/* Variables are listed once each, in the order first named, also when a
 * filter names thousands (tests/data/malformed/filter/many-distinct-names.txt
 * once took a search of the whole list per name). */
static void
test_many_names (void)
{
  g_autofree char *many = read_malformed ("many-distinct-names.txt");
  g_autoptr(EvkFilter) filter = NULL;
  g_autoptr(EvkFilter) overlap = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) some = NULL;

  filter = evk_filter_parse (many, &error);
  g_assert_no_error (error);
  names = evk_filter_get_variables (filter);
  g_assert_cmpuint (g_strv_length (names), ==, 19990);
  g_assert_cmpstr (names[0], ==, "v0");
  g_assert_cmpstr (names[19989], ==, "v19989");

  overlap = evk_filter_parse ("any(q1..q5, q3..q7) = 1 or q2 = 1 or x = 2", &error);
  g_assert_no_error (error);
  some = evk_filter_get_variables (overlap);
  g_assert_cmpstrv (some, ((const char *[]) { "q1", "q2", "q3", "q4", "q5", "q6", "q7", "x", NULL }));
}

static void
test_limits (void)
{
  g_autofree char *nested = read_malformed ("nested-parens-60000.txt");
  g_autofree char *overflow = read_malformed ("any-range-overflow.txt");
  g_autofree char *nots = repeat ("", "not ", "a = 1", 100000);
  g_autofree char *chain = repeat ("a = 1", " and a = 1", "", 100000);
  g_autofree char *names = repeat ("any(q1..q10000", ", q1..q10000", ") = 1", 3);
  g_autofree char *deepest = NULL;
  g_autoptr(EvkFilter) ok = NULL;
  g_autoptr(GError) error = NULL;
  GString *s;

  assert_refused (nested, "nested too deeply");
  assert_refused (nots, "nested too deeply");
  assert_refused (chain, "too many conditions");
  assert_refused (overflow, "the variable range is empty or too long");
  assert_refused ("any(q0..q10000) = 1", "the variable range is empty or too long");
  assert_refused (names, "too many variables");
  assert_refused ("a = 1e999", "the number is too large");

  /* Up to the limit is fine. */
  s = g_string_new (NULL);
  for (guint i = 0; i < EVK_FILTER_MAX_NESTING; i++)
    g_string_append_c (s, '(');
  g_string_append (s, "a = 1");
  for (guint i = 0; i < EVK_FILTER_MAX_NESTING; i++)
    g_string_append_c (s, ')');
  deepest = g_string_free (s, FALSE);
  ok = evk_filter_parse (deepest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);
  g_clear_pointer (&ok, evk_filter_free);
  ok = evk_filter_parse ("any(q1..q10000) = 1", &error);
  g_assert_no_error (error);
  g_clear_pointer (&ok, evk_filter_free);
}

/* Printing and parsing again gives the same text, numbers included. */
static void
test_fixpoint (void)
{
  g_autofree char *large = read_malformed ("large-number.txt");
  const char *inputs[] = {
    large,
    "x = 1e20",
    "x = -1.5E-300 or y in 1e+15..2e300",
    "x in {0.1, 0.2, 1e-7}",
    "x = 123456789012345678",
    "x = 4.9e-324",
    "x = -0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkFilter) filter = evk_filter_parse (inputs[i], &error);
      g_autoptr(EvkFilter) again = NULL;
      g_autofree char *text = NULL, *text_again = NULL;

      g_assert_no_error (error);
      text = evk_filter_to_string (filter);
      again = evk_filter_parse (text, &error);
      g_assert_no_error (error);
      text_again = evk_filter_to_string (again);
      g_assert_cmpstr (text_again, ==, text);
      for (guint r = 0; filter->ranges != NULL && r < filter->ranges->len; r++)
        g_assert_true (g_array_index (filter->ranges, double, r) ==
                       g_array_index (again->ranges, double, r));
    }
}

/* Numbers beyond any column's range match nothing (or, with !=, every
 * answer) instead of reaching an undefined conversion to an integer
 * (found by tests/fuzz/fuzz-filter on large-number.txt). */
static void
test_huge_numbers (void)
{
  static const struct {
    const char *filter;
    guint       n_selected;
  } cases[] = {
    { "q = 100000000000000000000", 0 },
    { "q != 1e20", 3 },
    { "q in -1e20..1e20", 3 },
    { "q in 1e20..1e30", 0 },
    { "q in {1e20, -1e20, 2}", 1 },
    { "q in -1e300..1.5", 2 },
  };
  g_autoptr(EvkSurvey) survey = evk_survey_new ("s");
  EvkVariable *q = evk_survey_add_variable (survey, "q", EVK_VARIABLE_NUMERIC);

  evk_column_append (q->column, 1);
  evk_column_append (q->column, 2);
  evk_column_append (q->column, NAN);
  evk_column_append (q->column, -5);
  survey->n_rows = 4;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkRows) rows = evk_rows_new_from_text (survey, cases[i].filter, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->n_selected, ==, cases[i].n_selected);
    }
}

/* The longest chain a filter may hold evaluates (on its left spine
 * without a buffer per level: a survey of a million rows would need a
 * gigabyte for it otherwise). */
static void
test_longest_chain (void)
{
  g_autofree char *chain = repeat ("q != 9", " and q != 9", "", EVK_FILTER_MAX_CONDITIONS - 1);
  g_autofree char *any = repeat ("q = 9", " or q = 9", " or q = 2", EVK_FILTER_MAX_CONDITIONS - 2);
  g_autoptr(EvkSurvey) survey = evk_survey_new ("s");
  EvkVariable *q = evk_survey_add_variable (survey, "q", EVK_VARIABLE_NUMERIC);
  g_autoptr(EvkRows) all = NULL, some = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    evk_column_append (q->column, i % 4);
  survey->n_rows = 1000;

  all = evk_rows_new_from_text (survey, chain, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->n_selected, ==, 1000);
  some = evk_rows_new_from_text (survey, any, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->n_selected, ==, 250);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/filter/canonical", test_canonical);
  g_test_add_func ("/evk/filter/errors", test_errors);
  g_test_add_func ("/evk/filter/variables-and-values", test_variables_and_values);
  g_test_add_func ("/evk/filter/limits", test_limits);
  g_test_add_func ("/evk/filter/many-names", test_many_names);
  g_test_add_func ("/evk/filter/fixpoint", test_fixpoint);
  g_test_add_func ("/evk/filter/huge-numbers", test_huge_numbers);
  g_test_add_func ("/evk/filter/longest-chain", test_longest_chain);
  return g_test_run ();
}
