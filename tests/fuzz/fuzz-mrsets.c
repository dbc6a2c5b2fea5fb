/* fuzz-mrsets.c: the text of SPSS multiple-response set records
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * evk_mrsets_parse on the input as one record, in UTF-8 or (first byte
 * odd) Windows-1252, against a survey with the variables the seeds name.
 * Whole .sav files reach the same parser through fuzz-import-spss; this
 * target gets to the record's grammar without the file around it.
 */
#include "config.h"

#include "evk-mrsets.h"
#include "evk-survey.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  evk_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const names[] = { "q1", "q2", "q3", "Q4", "long_name_5", "s" };
  g_autoptr(EvkSurvey) survey = evk_survey_new ("fuzz");
  g_autoptr(GHashTable) long_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  const char *encoding = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    evk_survey_add_variable (survey, names[i], i == 5 ? EVK_VARIABLE_STRING : EVK_VARIABLE_NUMERIC);
  g_hash_table_insert (long_names, g_strdup ("long_n"), g_strdup ("long_name_5"));

  if (size > 0 && (data[0] & 1))
    encoding = "WINDOWS-1252";
  if (!evk_mrsets_parse ((const char *) data, size, encoding, size > 1 && (data[1] & 1) ? long_names : NULL,
                         "nb", survey, &error))
    g_assert_nonnull (error);
  return 0;
}
