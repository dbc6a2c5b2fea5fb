/* fuzz-import-spss.c: a survey's import from SPSS (.sav, .zsav, .por) and Stata (.dta)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole input is the file; the importer sniffs its format. A .sav
 * also goes through our own dictionary reader for multiple-response sets.
 * The import either gives a valid survey or an error.
 */
#include "config.h"

#include "evk-import-spss.h"
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
  g_autofree char *path = evk_fuzz_write ("survey.sav", data, size);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;

  survey = evk_import_spss (path, "survey", "nb", NULL, NULL, NULL, &error);
  if (survey == NULL)
    {
      g_assert_nonnull (error);
      g_clear_error (&error);
      /* The walk that names the damaged place must not crash either. */
      evk_mrsets_check_dictionary (path, &error);
      return 0;
    }
  g_assert_true (evk_survey_validate (survey, &error));
  g_assert_no_error (error);
  return 0;
}
