/* fuzz-csv.c: the CSV reader, and a survey's import from CSV with a codebook
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a data file, then (after a line "----codebook----") the
 * codebook; without that line the input is read once as plain CSV and
 * imported without a codebook. Every record the reader hands out must be
 * valid UTF-8, and the import either gives a valid survey or an error.
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-csv-reader.h"
#include "evk-import-csv.h"
#include "evk-survey.h"
#include "fuzz-common.h"

#define SEPARATOR "\n----codebook----\n"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  evk_fuzz_init ();
  return 0;
}

static void
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkCsvReader) reader = evk_csv_reader_open (path, &error);
  GPtrArray *fields = NULL;

  if (reader == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  while (evk_csv_reader_next (reader, &fields, &error))
    {
      for (guint i = 0; i < fields->len; i++)
        {
          const char *field = g_ptr_array_index (fields, i);
          double value;

          g_assert_true (g_utf8_validate (field, -1, NULL));
          if (evk_csv_parse_number (field, i % 2 == 0, &value))
            g_assert_true (isfinite (value));
        }
      g_assert_cmpfloat (evk_csv_reader_get_fraction (reader), <=, 1.0);
    }
  g_assert_null (fields);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const guint8 *split = memmem (data, size, SEPARATOR, strlen (SEPARATOR));
  gsize data_size = split != NULL ? (gsize) (split - data) : size;
  g_autofree char *data_path = evk_fuzz_write ("survey.csv", data, data_size);
  g_autofree char *codebook_path = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;

  read_all (data_path);
  if (split != NULL)
    {
      const guint8 *codebook = split + strlen (SEPARATOR);

      codebook_path = evk_fuzz_write ("codebook.csv", codebook, data + size - codebook);
      read_all (codebook_path);
    }

  survey = evk_import_csv (data_path, codebook_path, NULL, "nb", NULL, NULL, NULL, &error);
  if (survey == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_true (evk_survey_validate (survey, &error));
  g_assert_no_error (error);
  return 0;
}
