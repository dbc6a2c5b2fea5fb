/* fuzz-filter.c: respondent group filters: parse, print, parse again
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any text either is refused with an error or parses to a filter whose
 * canonical text parses to a filter with the same canonical text (one
 * fixpoint), and evaluating it on a survey never crashes.
 */
#include "config.h"

#include <math.h>

#include "evk-filter.h"
#include "evk-rows.h"
#include "evk-survey.h"
#include "fuzz-common.h"

static EvkSurvey *survey;

/* A survey with the names a fuzzer finds quickly (q1, q2, a, b) and a
 * range of values, missing ones among them. */
static EvkSurvey *
make_survey (void)
{
  static const char * const names[] = { "q1", "q2", "q3", "a", "b", "x" };
  g_autoptr(EvkSurvey) s = evk_survey_new ("fuzz");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EvkVariable *variable = evk_survey_add_variable (s, names[i], EVK_VARIABLE_NUMERIC);

      for (guint row = 0; row < 16; row++)
        evk_column_append (variable->column, row % 5 == 4 ? NAN : (double) (row * (i + 1) % 7) - 1);
    }
  s->n_rows = 16;
  return g_steal_pointer (&s);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  evk_fuzz_init ();
  survey = make_survey ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = evk_fuzz_string (data, size);
  g_autoptr(EvkFilter) filter = NULL;
  g_autoptr(EvkFilter) again = NULL;
  g_autoptr(EvkRows) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL, *canonical_again = NULL;
  g_auto(GStrv) variables = NULL;

  filter = evk_filter_parse (text, &error);
  if (filter == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  variables = evk_filter_get_variables (filter);
  canonical = evk_filter_to_string (filter);
  again = evk_filter_parse (canonical, &error);
  if (again == NULL)
    g_error ("“%s” prints as “%s”, which does not parse: %s", text, canonical, error->message);
  canonical_again = evk_filter_to_string (again);
  if (g_strcmp0 (canonical, canonical_again) != 0)
    g_error ("“%s” prints as “%s”, then as “%s”", text, canonical, canonical_again);

  rows = evk_rows_new_from_text (survey, text, &error);
  g_assert_true ((rows == NULL) == (error != NULL));
  return 0;
}
