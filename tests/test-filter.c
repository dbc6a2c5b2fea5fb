/* test-filter.c: respondent group filters
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-filter.h"

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
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkFilter) filter = evk_filter_parse (cases[i].input, &error);
      g_autoptr(EvkFilter) again = NULL;
      g_autofree char *text = NULL, *text_again = NULL;

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/filter/canonical", test_canonical);
  g_test_add_func ("/evk/filter/errors", test_errors);
  g_test_add_func ("/evk/filter/variables-and-values", test_variables_and_values);
  return g_test_run ();
}
