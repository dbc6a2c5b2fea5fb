/* test-import-spss.c: SPSS and Stata import against real-world files
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures under tests/data/spss come from pyreadstat and haven, with
 * the results those projects expect (tests/data/spss/README.md). Malformed
 * variants are made here from the good files.
 */
#include "config.h"

#include <float.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <readstat.h>
#include <stdio.h>

#include "evk-import-spss.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-mrsets.h"
#include "evk-rows.h"
#include "evk-stats.h"
#include "evk-test-util.h"

/* Seconds from SPSS's epoch (1582-10-14) to the Unix epoch. */
#define SPSS_UNIX_OFFSET 12219379200.0

static char *
fixture (const char *first,
         ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (char *) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, "data");
  g_ptr_array_add (parts, "spss");
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static EvkSurvey *
import_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  EvkSurvey *survey = evk_import_spss (path, "survey", "en", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (survey);
  return survey;
}

static EvkVariable *
get_variable (EvkSurvey  *survey,
              const char *name)
{
  EvkVariable *variable = evk_survey_get_variable (survey, name);

  if (variable == NULL)
    g_error ("no variable %s", name);
  return variable;
}

static const char *
label_of (GHashTable *localized)
{
  return evk_localized_get (localized, "en");
}

static const char *
value_label (EvkVariable *variable,
             double       value)
{
  const EvkValueLabel *label = evk_variable_find_value_label (variable, value);

  return label != NULL ? label_of (label->label) : NULL;
}

static const char *
string_value_label (EvkVariable *variable,
                    const char  *value)
{
  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->value_labels, i);

      if (g_strcmp0 (label->str_value, value) == 0)
        return label_of (label->label);
    }
  return NULL;
}

static const EvkMissing *
string_missing (EvkVariable *variable,
                const char  *value)
{
  for (guint i = 0; i < variable->missing->len; i++)
    {
      EvkMissing *missing = g_ptr_array_index (variable->missing, i);

      if (g_strcmp0 (missing->str_value, value) == 0)
        return missing;
    }
  return NULL;
}

static double
cell (EvkVariable *variable,
      guint        row)
{
  g_assert_nonnull (variable->column);
  return evk_column_get (variable->column, row);
}

static void
assert_missing (EvkVariable    *variable,
                guint           index,
                double          lo,
                double          hi,
                EvkMissingKind  kind)
{
  EvkMissing *missing;

  g_assert_cmpuint (index, <, variable->missing->len);
  missing = g_ptr_array_index (variable->missing, index);
  g_assert_null (missing->str_value);
  g_assert_cmpfloat (missing->lo, ==, lo);
  g_assert_cmpfloat (missing->hi, ==, hi);
  g_assert_cmpstr (evk_missing_kind_to_string (missing->kind), ==,
                   evk_missing_kind_to_string (kind));
}

/* The fixtures' CSV files: comma-separated, no quoting, maybe a BOM. */
static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GBytes) bytes = evk_test_read (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *start = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;
  g_auto(GStrv) lines = g_strsplit (start, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
    }
  return rows;
}

#define CSV_CELL(rows, row, column) (((char **) g_ptr_array_index ((rows), (row)))[(column)])

/* ---- Every fixture ------------------------------------------------- */

static void
collect_files (const char *dir,
               GPtrArray  *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, files);
      else if (g_str_has_suffix (name, ".sav") || g_str_has_suffix (name, ".zsav") ||
               g_str_has_suffix (name, ".por") || g_str_has_suffix (name, ".dta"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static void
test_every_fixture (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *haven = fixture ("haven", NULL);
  g_autofree char *pyreadstat = fixture ("pyreadstat", NULL);

  collect_files (haven, files);
  collect_files (pyreadstat, files);
  /* 10 from haven, 13 from pyreadstat: a fixture lost is a failure. */
  g_assert_cmpuint (files->len, ==, 23);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(EvkSurvey) survey = import_ok (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_path_get_basename (path);

      g_test_message ("%s: %u rows, %u variables", base, survey->n_rows, survey->variables->len);
      g_assert_cmpuint (survey->n_rows, >, 0);
      g_assert_cmpuint (survey->variables->len, >, 0);
      g_assert_cmpstr (survey->source_file, ==, base);
      g_assert_true (g_str_has_suffix (base, survey->source_format));
      g_assert_true (evk_survey_validate (survey, &error));
      g_assert_no_error (error);

      for (guint j = 0; j < survey->variables->len; j++)
        {
          EvkVariable *variable = g_ptr_array_index (survey->variables, j);

          g_assert_true (g_utf8_validate (variable->name, -1, NULL));
          if (variable->column != NULL)
            g_assert_cmpuint (evk_column_get_length (variable->column), ==, survey->n_rows);
          else
            g_assert_cmpuint (evk_text_column_get_length (variable->texts), ==, survey->n_rows);
        }
    }
}

/* ---- haven --------------------------------------------------------- */

static void
test_haven_labels (void)
{
  g_autofree char *path = fixture ("haven", "spss", "variable-label.sav", NULL);
  g_autoptr(EvkSurvey) survey = import_ok (path);
  EvkVariable *sex = get_variable (survey, "sex");

  g_assert_cmpstr (label_of (sex->label), ==, "Gender");
  g_assert_cmpstr (value_label (sex, 1), ==, "female");
  g_assert_cmpint (sex->measure, ==, EVK_MEASURE_NOMINAL);
  g_assert_cmpstr (sex->format, ==, "F8.0");
  g_assert_cmpint (sex->type, ==, EVK_VARIABLE_NUMERIC);
  g_assert_cmpfloat (cell (sex, 0), ==, 1);

  g_clear_pointer (&path, g_free);
  g_clear_pointer (&survey, evk_survey_free);
  path = fixture ("haven", "spss", "labelled-num.sav", NULL);
  survey = import_ok (path);
  g_assert_cmpstr (value_label (g_ptr_array_index (survey->variables, 0), 1), ==, "This is one");

  g_clear_pointer (&path, g_free);
  g_clear_pointer (&survey, evk_survey_free);
  path = fixture ("haven", "spss", "labelled-num-na.sav", NULL);
  survey = import_ok (path);
  {
    EvkVariable *variable = get_variable (survey, "VAR00002");

    g_assert_cmpstr (label_of (variable->label), ==, "Only one value");
    g_assert_cmpstr (value_label (variable, 1), ==, "This is one");
    g_assert_cmpuint (variable->missing->len, ==, 1);
    assert_missing (variable, 0, 9, 9, EVK_MISSING_OTHER);
    /* The code is kept; the missing list says what it means. */
    g_assert_cmpfloat (cell (variable, 0), ==, 1);
    g_assert_cmpfloat (cell (variable, 1), ==, 9);
    g_assert_nonnull (evk_variable_find_missing (variable, cell (variable, 1)));
    g_assert_null (evk_variable_find_missing (variable, cell (variable, 0)));
  }

  g_clear_pointer (&path, g_free);
  g_clear_pointer (&survey, evk_survey_free);
  path = fixture ("haven", "spss", "labelled-str.sav", NULL);
  survey = import_ok (path);
  {
    EvkVariable *gender = get_variable (survey, "gender");

    g_assert_cmpint (gender->type, ==, EVK_VARIABLE_STRING);
    g_assert_null (gender->column);
    g_assert_cmpstr (gender->format, ==, "A1");
    g_assert_cmpstr (string_value_label (gender, "M"), ==, "Male");
    g_assert_cmpstr (string_value_label (gender, "F"), ==, "Female");
    g_assert_cmpuint (gender->value_labels->len, ==, 2);
    g_assert_cmpstr (evk_variable_get_string (gender, 0), ==, "M");
    g_assert_cmpstr (evk_variable_get_string (gender, 1), ==, "F");
  }
}

static void
test_haven_umlauts (void)
{
  g_autofree char *path = fixture ("haven", "spss", "umlauts.sav", NULL);
  g_autoptr(EvkSurvey) survey = import_ok (path);
  EvkVariable *variable = get_variable (survey, "var1");
  EvkValueLabel *first;

  g_assert_cmpstr (label_of (variable->label), ==, "This is an ä-umlaut");
  first = g_ptr_array_index (variable->value_labels, 0);
  g_assert_cmpstr (label_of (first->label), ==, "the ä umlaut");
  g_assert_cmpstr (value_label (variable, 2), ==, "the ü umlaut");
  g_assert_cmpstr (value_label (variable, 3), ==, "the ö umlaut");
  g_assert_cmpuint (survey->n_rows, ==, 4);
  g_assert_cmpfloat (cell (variable, 0), ==, 1);
  g_assert_cmpfloat (cell (variable, 1), ==, 2);
}

static double
spss_time (int year,
           int month,
           int day,
           int hour,
           int minute,
           int second)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (time) + SPSS_UNIX_OFFSET;
}

static void
test_haven_datetime (void)
{
  g_autofree char *path = fixture ("haven", "spss", "datetime.sav", NULL);
  g_autoptr(EvkSurvey) survey = import_ok (path);
  EvkVariable *date = get_variable (survey, "date");
  EvkVariable *posix = get_variable (survey, "date.posix");
  EvkVariable *time = get_variable (survey, "time");

  /* Dates stay numbers with their format, for a formatter to show. */
  g_assert_cmpint (date->type, ==, EVK_VARIABLE_NUMERIC);
  g_assert_cmpstr (date->format, ==, "ADATE10");
  g_assert_cmpstr (posix->format, ==, "DATETIME20");
  g_assert_cmpstr (time->format, ==, "TIME11.2");
  g_assert_cmpfloat (cell (date, 0), ==, spss_time (2014, 9, 22, 0, 0, 0));
  g_assert_cmpfloat (cell (posix, 1), ==, spss_time (2014, 9, 23, 15, 59, 20));
  g_assert_cmpfloat (floor (cell (time, 0)), ==, 43870);
  g_assert_cmpint (evk_column_get_kind (date->column), ==, EVK_COLUMN_F64);
}

static void
test_haven_stata (void)
{
  const char *tagged[] = { "tagged-na-double.dta", "tagged-na-int.dta" };
  g_autofree char *types_path = fixture ("haven", "stata", "types.dta", NULL);
  g_autoptr(EvkSurvey) types = import_ok (types_path);

  for (guint i = 0; i < G_N_ELEMENTS (tagged); i++)
    {
      g_autofree char *path = fixture ("haven", "stata", tagged[i], NULL);
      g_autoptr(EvkSurvey) survey = import_ok (path);
      EvkVariable *x = get_variable (survey, "x");

      g_assert_cmpuint (survey->n_rows, ==, 8);
      for (guint row = 0; row < 5; row++)
        g_assert_cmpfloat (cell (x, row), ==, row + 1);
      /* .a, .b … are system-missing once read; their labels stay as notes. */
      for (guint row = 5; row < 8; row++)
        g_assert_true (isnan (cell (x, row)));
      g_assert_cmpuint (x->value_labels->len, ==, 2);
      g_assert_cmpstr (string_value_label (x, ".a"), ==, "apple");
      g_assert_cmpstr (string_value_label (x, ".z"), ==, ".zebra");
      g_assert_null (value_label (x, NAN));
      g_assert_cmpstr (x->format, ==, "%9.0g");
    }

  g_assert_cmpuint (types->n_rows, ==, 2);
  g_assert_cmpfloat (cell (get_variable (types, "vfloat"), 0), ==, (double) 3.14f);
  g_assert_cmpfloat (cell (get_variable (types, "vdouble"), 0), ==, 3.14);
  g_assert_cmpfloat (cell (get_variable (types, "vbyte"), 1), ==, 7);
  g_assert_cmpstr (evk_variable_get_string (get_variable (types, "vstr"), 1), ==, "Hello, World!");
  g_assert_cmpstr (get_variable (types, "vdate")->format, ==, "%td");
  g_assert_cmpfloat (cell (get_variable (types, "vdate"), 1), ==, 20423);
  g_assert_cmpstr (get_variable (types, "vdatetime")->format, ==, "%tc");
}

/* ---- pyreadstat: the same table in four formats -------------------- */

static double
days_from (int year,
           int month,
           int day,
           int epoch_year,
           int epoch_month,
           int epoch_day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autoptr(GDate) epoch = g_date_new_dmy (epoch_day, epoch_month, epoch_year);

  return g_date_days_between (epoch, date);
}

/* "2018-05-06", "2018-05-06T10:10:10.000000", "10:10:10.000000" in the
 * representation SPSS (seconds since 1582-10-14) or Stata (%td days, %tc
 * milliseconds since 1960-01-01) stores. */
static double
expected_temporal (const char *text,
                   gboolean    stata)
{
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  double second = 0, days = 0, seconds;

  if (*text == '\0')
    return NAN;
  if (strchr (text, '-') != NULL)
    {
      g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
      days = stata ? days_from (year, month, day, 1960, 1, 1)
                   : days_from (year, month, day, 1582, 10, 14);
      if (strchr (text, 'T') == NULL)
        return stata ? days : days * 86400;
      g_assert_cmpint (sscanf (strchr (text, 'T') + 1, "%d:%d:%lf", &hour, &minute, &second),
                       ==, 3);
    }
  else
    g_assert_cmpint (sscanf (text, "%d:%d:%lf", &hour, &minute, &second), ==, 3);

  seconds = days * 86400 + hour * 3600 + minute * 60 + second;
  return stata ? seconds * 1000 : seconds;
}

static void
assert_number (double actual,
               double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, 1e-9 * MAX (1.0, fabs (expected)));
}

static void
test_sample_formats (void)
{
  const char *files[] = { "sample.sav", "sample.zsav", "sample.por", "sample.dta" };
  g_autofree char *csv_path = fixture ("pyreadstat", "basic", "sample.csv", NULL);
  g_autoptr(GPtrArray) csv = read_csv (csv_path);
  const char *labels[] = {
    "character", "numeric", "date", "datetime", "labeled", "ordinal", "time",
  };

  g_assert_cmpuint (csv->len, ==, 6);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = fixture ("pyreadstat", "basic", files[f], NULL);
      g_autoptr(EvkSurvey) survey = import_ok (path);
      gboolean stata = g_str_has_suffix (files[f], ".dta");
      guint n_cells = 0;

      g_test_message ("%s", files[f]);
      g_assert_cmpuint (survey->n_rows, ==, csv->len - 1);
      g_assert_cmpuint (survey->variables->len, ==, 7);

      for (guint column = 0; column < 7; column++)
        {
          EvkVariable *variable = g_ptr_array_index (survey->variables, column);
          const char *header = CSV_CELL (csv, 0, column);

          /* The portable format keeps only upper-case short names. */
          g_assert_cmpint (g_ascii_strcasecmp (variable->name, header), ==, 0);
          g_assert_cmpstr (label_of (variable->label), ==, labels[column]);

          for (guint row = 0; row + 1 < csv->len; row++)
            {
              const char *text = CSV_CELL (csv, row + 1, column);

              if (column == 0)
                g_assert_cmpstr (evk_variable_get_string (variable, row), ==, text);
              else if (column == 2 || column == 3 || column == 6)
                assert_number (cell (variable, row), expected_temporal (text, stata));
              else
                assert_number (cell (variable, row),
                               *text == '\0' ? NAN : g_ascii_strtod (text, NULL));
              n_cells++;
            }
        }
      g_assert_cmpuint (n_cells, ==, 35);

      g_assert_cmpstr (value_label (g_ptr_array_index (survey->variables, 4), 1), ==, "Male");
      g_assert_cmpstr (value_label (g_ptr_array_index (survey->variables, 4), 2), ==, "Female");
      g_assert_cmpstr (value_label (g_ptr_array_index (survey->variables, 5), 1), ==, "low");
      g_assert_cmpstr (value_label (g_ptr_array_index (survey->variables, 5), 2), ==, "medium");
      g_assert_cmpstr (value_label (g_ptr_array_index (survey->variables, 5), 3), ==, "high");
      if (g_str_has_suffix (files[f], "sav"))
        {
          g_assert_cmpint (get_variable (survey, "myord")->measure, ==, EVK_MEASURE_ORDINAL);
          g_assert_cmpint (get_variable (survey, "mynum")->measure, ==, EVK_MEASURE_SCALE);
          g_assert_cmpstr (get_variable (survey, "mydate")->format, ==, "EDATE10");
          g_assert_cmpstr (get_variable (survey, "dtime")->format, ==, "DATETIME20");
          g_assert_cmpstr (get_variable (survey, "mytime")->format, ==, "TIME8");
        }
      if (stata)
        {
          g_assert_cmpstr (get_variable (survey, "mydate")->format, ==, "%td");
          g_assert_cmpstr (get_variable (survey, "dtime")->format, ==, "%tc");
          /* Stata's byte type holds the codes: they pack at one byte. */
          g_assert_cmpint (evk_column_get_kind (get_variable (survey, "mylabl")->column), ==,
                           EVK_COLUMN_I8);
        }
    }
}

/* sample_missing.sav keeps user-missing codes (sample_missing_user.csv);
 * those codes are exactly what sample_missing.csv shows as missing. */
static void
test_sample_missing (void)
{
  g_autofree char *path = fixture ("pyreadstat", "basic", "sample_missing.sav", NULL);
  g_autofree char *user_path = fixture ("pyreadstat", "basic", "sample_missing_user.csv", NULL);
  g_autofree char *system_path = fixture ("pyreadstat", "basic", "sample_missing.csv", NULL);
  g_autoptr(EvkSurvey) survey = import_ok (path);
  g_autoptr(GPtrArray) user = read_csv (user_path);
  g_autoptr(GPtrArray) system = read_csv (system_path);
  guint n_user_missing = 0;

  g_assert_cmpuint (survey->n_rows, ==, 7);
  g_assert_cmpuint (user->len, ==, 8);
  g_assert_cmpuint (system->len, ==, 8);

  for (guint column = 0; column < 7; column++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, column);

      g_assert_cmpstr (variable->name, ==, CSV_CELL (user, 0, column));
      for (guint row = 0; row < 7; row++)
        {
          const char *kept = CSV_CELL (user, row + 1, column);
          const char *shown = CSV_CELL (system, row + 1, column);
          double value;

          if (column == 0)
            {
              g_assert_cmpstr (evk_variable_get_string (variable, row), ==, kept);
              continue;
            }
          value = cell (variable, row);
          if (g_str_equal (kept, "#NULL!"))
            {
              g_assert_true (isnan (value));
              continue;
            }
          if (column == 2 || column == 3 || column == 6)
            assert_number (value, expected_temporal (kept, FALSE));
          else
            assert_number (value, g_ascii_strtod (kept, NULL));

          if (g_str_equal (shown, "#NULL!"))
            {
              g_assert_nonnull (evk_variable_find_missing (variable, value));
              n_user_missing++;
            }
          else
            g_assert_null (evk_variable_find_missing (variable, value));
        }
    }
  g_assert_cmpuint (n_user_missing, ==, 5);

  assert_missing (get_variable (survey, "mynum"), 0, 2000, 3000, EVK_MISSING_OTHER);
  assert_missing (get_variable (survey, "mynum"), 1, -1, -1, EVK_MISSING_OTHER);
  assert_missing (get_variable (survey, "myord"), 2, -3, -3, EVK_MISSING_OTHER);
  g_assert_cmpstr (value_label (get_variable (survey, "mylabl"), -1), ==, "undetermined");
}

static void
test_missing_data (void)
{
  g_autofree char *sav_path = fixture ("pyreadstat", "missing_data", "missing_test.sav", NULL);
  g_autofree char *char_path = fixture ("pyreadstat", "missing_data", "missing_char.sav", NULL);
  g_autofree char *dta_path = fixture ("pyreadstat", "missing_data", "missing_test.dta", NULL);
  g_autoptr(EvkSurvey) sav = import_ok (sav_path);
  g_autoptr(EvkSurvey) chars = import_ok (char_path);
  g_autoptr(EvkSurvey) dta = import_ok (dta_path);
  const char *kinds[] = { "formatted", "unformatted", "labeled" };
  EvkVariable *var1 = get_variable (sav, "var1");
  EvkVariable *mychar = get_variable (chars, "mychar");

  /* formatted: the codes; unformatted: NaN where user-missing; labeled:
   * the value label where there is one. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("missing_sav_%s.csv", kinds[k]);
      g_autofree char *path = fixture ("pyreadstat", "missing_data", name, NULL);
      g_autoptr(GPtrArray) csv = read_csv (path);

      g_assert_cmpuint (csv->len, ==, sav->n_rows + 1);
      for (guint row = 0; row < sav->n_rows; row++)
        {
          const char *text = CSV_CELL (csv, row + 1, 0);
          double value = cell (var1, row);

          if (k == 0)
            g_assert_cmpfloat (value, ==, g_ascii_strtod (text, NULL));
          else if (k == 1)
            g_assert_cmpint (g_str_equal (text, "NaN"), ==,
                             evk_variable_find_missing (var1, value) != NULL);
          else if (value_label (var1, value) != NULL)
            g_assert_cmpstr (value_label (var1, value), ==, text);
          else
            g_assert_cmpfloat (value, ==, g_ascii_strtod (text, NULL));
        }
    }
  assert_missing (var1, 0, 1, 1, EVK_MISSING_OTHER);
  g_assert_cmpstr (value_label (var1, 1), ==, "missing");

  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *name = g_strdup_printf ("missing_char_%s.csv", kinds[k]);
      g_autofree char *path = fixture ("pyreadstat", "missing_data", name, NULL);
      g_autoptr(GPtrArray) csv = read_csv (path);

      for (guint row = 0; row < chars->n_rows; row++)
        {
          const char *text = CSV_CELL (csv, row + 1, 0);
          const char *value = evk_variable_get_string (mychar, row);

          if (k == 0)
            g_assert_cmpstr (value, ==, text);
          else
            g_assert_cmpint (g_str_equal (text, "NaN"), ==, string_missing (mychar, value) != NULL);
        }
    }
  g_assert_cmpuint (mychar->missing->len, ==, 1);
  g_assert_true (isnan (((EvkMissing *) g_ptr_array_index (mychar->missing, 0))->lo));
  g_assert_cmpstr (string_value_label (mychar, "a"), ==, "labeled");

  /* Stata: .a–.z and . are all system-missing; var9 holds 1. */
  {
    g_autofree char *path = fixture ("pyreadstat", "missing_data", "missing_dta_formatted.csv",
                                     NULL);
    g_autoptr(GPtrArray) csv = read_csv (path);

    g_assert_cmpuint (dta->variables->len, ==, 9);
    for (guint column = 0; column < 9; column++)
      {
        const char *text = CSV_CELL (csv, 1, column);
        EvkVariable *variable = g_ptr_array_index (dta->variables, column);

        g_assert_cmpstr (variable->name, ==, CSV_CELL (csv, 0, column));
        if (g_ascii_isdigit (*text))
          g_assert_cmpfloat (cell (variable, 0), ==, g_ascii_strtod (text, NULL));
        else
          g_assert_true (isnan (cell (variable, 0)));
      }
    g_assert_cmpstr (string_value_label (get_variable (dta, "var1"), ".a"), ==, "missing");
  }
}

static void
test_scripts_and_levels (void)
{
  g_autofree char *hebrews_path = fixture ("pyreadstat", "basic", "hebrews.sav", NULL);
  g_autofree char *tegulu_path = fixture ("pyreadstat", "basic", "tegulu.sav", NULL);
  g_autofree char *ordered_path = fixture ("pyreadstat", "basic", "ordered_category.sav", NULL);
  g_autofree char *width_path = fixture ("pyreadstat", "basic", "test_width.sav", NULL);
  g_autoptr(EvkSurvey) hebrews = import_ok (hebrews_path);
  g_autoptr(EvkSurvey) tegulu = import_ok (tegulu_path);
  g_autoptr(EvkSurvey) ordered = import_ok (ordered_path);
  g_autoptr(EvkSurvey) width = import_ok (width_path);
  EvkVariable *hebrew = g_ptr_array_index (hebrews->variables, 0);
  EvkVariable *text = get_variable (tegulu, "Q16br9oe_Q24br9oe");
  EvkVariable *col1 = get_variable (ordered, "Col1");

  g_assert_cmpstr (hebrew->name, ==, "ותק_ב");
  g_assert_cmpstr (hebrew->format, ==, "F8.0");
  g_assert_cmpuint (hebrews->n_rows, ==, 99);
  g_assert_cmpfloat (cell (hebrew, 0), ==, 33);

  g_assert_true (g_utf8_validate (evk_variable_get_string (text, 0), -1, NULL));
  g_assert_cmpstr (evk_variable_get_string (text, 0), ==, "నేను గతంలో వాడిన బ");
  g_assert_cmpstr (text->format, ==, "A512");
  g_assert_cmpstr (label_of (get_variable (tegulu, "record")->label), ==, "record : Record number");

  g_assert_cmpint (col1->measure, ==, EVK_MEASURE_ORDINAL);
  g_assert_cmpstr (value_label (col1, 1), ==, "high");
  g_assert_cmpstr (value_label (col1, 2), ==, "low");
  g_assert_cmpstr (value_label (col1, 3), ==, "medium");

  /* Strings over 255 bytes come in segments that ReadStat joins. */
  g_assert_cmpstr (get_variable (width, "StartDate")->format, ==, "A1024");
  g_assert_cmpstr (get_variable (width, "ResponseId")->format, ==, "A18");
  g_assert_cmpstr (get_variable (width, "Duration__in_seconds_")->format, ==, "F40.2");
  g_assert_cmpstr (evk_variable_get_string (get_variable (width, "StartDate"), 0), ==,
                   "2020-07-13 23:19:55");
  g_assert_cmpint (get_variable (width, "ResponseId")->width, ==, 17);
}

/* ---- Multiple-response sets ---------------------------------------- */

static void
assert_set (EvkMrSet     *set,
            const char   *name,
            EvkMrSetType  type,
            const char   *counted_value,
            const char   *label,
            const char   *variables)
{
  g_autofree char *joined = g_strjoinv (" ", set->variables);

  g_assert_cmpstr (set->name, ==, name);
  g_assert_cmpint (set->type, ==, type);
  g_assert_cmpstr (set->counted_value, ==, counted_value);
  g_assert_cmpstr (label_of (set->label), ==, label);
  g_assert_cmpstr (joined, ==, variables);
}

static void
test_mrsets_fixtures (void)
{
  g_autofree char *path = fixture ("pyreadstat", "multiple_response", "simple_alltypes.sav", NULL);
  g_autofree char *none_path = fixture ("pyreadstat", "missing_data", "missing_char.sav", NULL);
  g_autoptr(EvkSurvey) survey = import_ok (path);
  g_autoptr(EvkSurvey) none = import_ok (none_path);

  g_assert_cmpuint (survey->mrsets->len, ==, 2);
  assert_set (evk_survey_get_mrset (survey, "mymrset"), "mymrset", EVK_MRSET_DICHOTOMY, "1",
              "My multiple response set", "bool1 bool2 bool3");
  assert_set (evk_survey_get_mrset (survey, "categorical_array"), "categorical_array",
              EVK_MRSET_CATEGORY, NULL, NULL, "ca_subvar_1 ca_subvar_2 ca_subvar_3");
  g_assert_cmpuint (none->mrsets->len, ==, 0);

  /* The same file's missing values: discrete codes and a range. */
  assert_missing (get_variable (survey, "x"), 2, 99, 99, EVK_MISSING_OTHER);
  assert_missing (get_variable (survey, "z"), 0, -999, 0, EVK_MISSING_OTHER);
  assert_missing (get_variable (survey, "z"), 1, 999, 999, EVK_MISSING_OTHER);
  g_assert_cmpstr (get_variable (survey, "quarter")->format, ==, "QYR8");
}

static EvkSurvey *
survey_with (const char *names)
{
  g_auto(GStrv) list = g_strsplit (names, " ", -1);
  EvkSurvey *survey = evk_survey_new ("s");

  for (guint i = 0; list[i] != NULL; i++)
    {
      EvkVariable *variable = evk_survey_add_variable (survey, list[i], EVK_VARIABLE_NUMERIC);
      g_autofree char *label = g_strdup_printf ("Label of %s", list[i]);

      evk_localized_set (variable->label, "en", label);
    }
  return survey;
}

static void
assert_parse_fails (const char *record,
                    const char *message)
{
  g_autoptr(EvkSurvey) survey = survey_with ("a b c");
  g_autoptr(GError) error = NULL;

  g_assert_false (evk_mrsets_parse (record, strlen (record), NULL, NULL, "en", survey, &error));
  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, message);
}

/* The records of PSPP's documentation, plus what files in the wild do. */
static void
test_mrsets_parse (void)
{
  const char *record =
    "$a=D2 55 0  g e f d\n"
    "$b=C 10 my mcgroup a b c\n"
    "$c=D3 Yes 10 mdgroup #2 h i j\n"
    "$d=E 1 2 34 13 third mdgroup k l m\n"
    "$e=E 11 6 choice 0  n o p\n"
    "$one=C 0  a\n"            /* one variable: skipped */
    "$b=C 5 again d e\n"       /* a taken name: the first stays */
    "$pad=D8 1        0  A B\n"; /* old SPSS pads counted values */
  g_autoptr(EvkSurvey) survey = survey_with ("a b c d e f g h i j k l m n o p");
  g_autoptr(GHashTable) long_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (long_names, "h", "j");   /* a long name that exists */
  g_hash_table_insert (long_names, "i", "zz");  /* one that does not: the short name stays */

  g_assert_true (evk_mrsets_parse (record, strlen (record), "UTF-8", long_names, "en", survey,
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (survey->mrsets->len, ==, 6);
  assert_set (evk_survey_get_mrset (survey, "a"), "a", EVK_MRSET_DICHOTOMY, "55", NULL,
              "g e f d");
  assert_set (evk_survey_get_mrset (survey, "b"), "b", EVK_MRSET_CATEGORY, NULL, "my mcgroup",
              "a b c");
  assert_set (evk_survey_get_mrset (survey, "c"), "c", EVK_MRSET_DICHOTOMY, "Yes", "mdgroup #2",
              "j i j");
  assert_set (evk_survey_get_mrset (survey, "d"), "d", EVK_MRSET_DICHOTOMY, "34", "third mdgroup",
              "k l m");
  /* LABELSOURCE=VARLABEL: the set is labelled by its first variable. */
  assert_set (evk_survey_get_mrset (survey, "e"), "e", EVK_MRSET_DICHOTOMY, "choice", "Label of n",
              "n o p");
  assert_set (evk_survey_get_mrset (survey, "pad"), "pad", EVK_MRSET_DICHOTOMY, "1", NULL, "a b");
  g_assert_null (evk_survey_get_mrset (survey, "one"));

  assert_parse_fails ("$x=Q 0  a b\n",
                      "multiple-response set $x: byte 3: expected C, D or E after “=”");
  assert_parse_fails ("$x=C 40 short a b\n",
                      "multiple-response set $x: byte 8: "
                      "a counted string runs past the end of the record");
  assert_parse_fails ("$x=Dx 1 0  a b\n",
                      "multiple-response set $x: byte 4: "
                      "expected the length of a counted string");
  assert_parse_fails ("$x=C 0  a zz\n", "multiple-response set $x: no variable zz");
  assert_parse_fails ("x=C 0  a b\n",
                      "multiple-response sets: byte 0: expected a set name starting with “$”");
  assert_parse_fails ("$x C 0  a b\n",
                      "multiple-response sets: byte 11: expected “=” after a set name");
  assert_parse_fails ("$x=C 3 abcd a b\n",
                      "multiple-response set $x: byte 10: "
                      "expected a space after a counted string");
  assert_parse_fails ("$x=E 7\n", "multiple-response set $x: byte 6: expected 1 or 11 after “E”");
}

/* ---- A Windows-1252 file, written byte by byte --------------------- */

static void
put_i32 (GByteArray *bytes,
         gint32      value)
{
  guint32 le = GUINT32_TO_LE ((guint32) value);

  g_byte_array_append (bytes, (const guint8 *) &le, 4);
}

static void
put_f64 (GByteArray *bytes,
         double      value)
{
  guint64 raw;

  memcpy (&raw, &value, 8);
  raw = GUINT64_TO_LE (raw);
  g_byte_array_append (bytes, (const guint8 *) &raw, 8);
}

/* text in UTF-8, written in Windows-1252, padded with pad to width (or to
 * a multiple of align when width is 0). */
static gsize
put_text (GByteArray *bytes,
          const char *text,
          gsize       width,
          gsize       align,
          char        pad)
{
  g_autofree char *cp1252 = g_convert (text, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
  gsize length = strlen (cp1252);
  gsize padded = width != 0 ? width : (length + align - 1) / align * align;

  g_assert_cmpuint (length, <=, padded);
  g_byte_array_append (bytes, (const guint8 *) cp1252, length);
  for (gsize i = length; i < padded; i++)
    g_byte_array_append (bytes, (const guint8 *) &pad, 1);
  return length;
}

static gsize
cp1252_length (const char *text)
{
  g_autofree char *cp1252 = g_convert (text, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);

  return strlen (cp1252);
}

static void
put_variable (GByteArray   *bytes,
              const char   *short_name,
              int           width,
              const char   *label,
              int           n_missing,
              const double *missing,
              const char  **missing_text)
{
  /* print and write formats: F8.0 for numbers, A<width> for text */
  gint32 format = width == 0 ? (5 << 16) | (8 << 8) : (1 << 16) | (width << 8);

  put_i32 (bytes, 2);
  put_i32 (bytes, width);
  put_i32 (bytes, label != NULL);
  put_i32 (bytes, n_missing);
  put_i32 (bytes, format);
  put_i32 (bytes, format);
  put_text (bytes, short_name, 8, 0, ' ');
  if (label != NULL)
    {
      put_i32 (bytes, cp1252_length (label));
      put_text (bytes, label, 0, 4, ' ');
    }
  for (int i = 0; i < ABS (n_missing); i++)
    if (missing_text != NULL)
      put_text (bytes, missing_text[i], 8, 0, ' ');
    else
      put_f64 (bytes, missing[i]);
}

static void
put_value_labels (GByteArray   *bytes,
                  int           variable_index,
                  guint         n,
                  const double *values,
                  const char  **texts,
                  const char  **labels)
{
  put_i32 (bytes, 3);
  put_i32 (bytes, n);
  for (guint i = 0; i < n; i++)
    {
      guint8 length = cp1252_length (labels[i]);

      if (texts != NULL)
        put_text (bytes, texts[i], 8, 0, ' ');
      else
        put_f64 (bytes, values[i]);
      g_byte_array_append (bytes, &length, 1);
      put_text (bytes, labels[i], (length + 8) / 8 * 8 - 1, 0, ' ');
    }
  put_i32 (bytes, 4);
  put_i32 (bytes, 1);
  put_i32 (bytes, variable_index);
}

static void
put_extension (GByteArray *bytes,
               int         subtype,
               int         size,
               int         count,
               const void *data)
{
  put_i32 (bytes, 7);
  put_i32 (bytes, subtype);
  put_i32 (bytes, size);
  put_i32 (bytes, count);
  g_byte_array_append (bytes, data, size * count);
}

static void
put_text_extension (GByteArray *bytes,
                    int         subtype,
                    const char *text)
{
  g_autofree char *cp1252 = g_convert (text, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);

  put_extension (bytes, subtype, 1, strlen (cp1252), cp1252);
}

/* Five variables, three rows, every text in Windows-1252 as SPSS 15 would
 * write it, with long names, multiple-response sets and a weight. */
static GBytes *
make_cp1252_sav (void)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();
  const double q1_missing[] = { 7, 8, 9 };
  const double q1_values[] = { 1, 2, 7, 8, 9 };
  const char *q1_labels[] = {
    "Svært fornøyd", "Lite fornøyd", "Vet ikke", "Ikke relevant", "Nektet å svare",
  };
  const double q2_missing[] = { -9, -5, 99 };
  const double q2_values[] = { -9, -5, 99 };
  const char *q2_labels[] = { "Weiß nicht", "WEISS NICHT", "N/A" };
  const char *q3_missing[] = { "DK", "NR" };
  const char *q3_values[] = { "DK", "NR" };
  const char *q3_labels[] = { "Don’t know", "Not applicable" };
  const gint32 integer_info[] = { 15, 0, 0, -1, 1, 1, 2, 1252 };
  const gint32 display[] = { 2, 8, 1, 3, 8, 1, 1, 8, 0, 1, 8, 1, 1, 8, 1 };
  g_autofree char *sets = NULL;
  const char *set_label = "Brukt åpent tilbud";
  const double rows[3][5] = {
    { 1, -9, 0, 1, 0 },
    { 7, 5, 0, 0, 1 },
    { -DBL_MAX, 99, 0, 1, 1 },
  };
  const char *row_texts[] = { "DK", "æøå", "" };

  /* header */
  g_byte_array_append (b, (const guint8 *) "$FL2", 4);
  put_text (b, "@(#) SPSS DATA FILE evalkit test", 60, 0, ' ');
  put_i32 (b, 2);          /* layout */
  put_i32 (b, 5);          /* case size */
  put_i32 (b, 0);          /* not compressed */
  put_i32 (b, 5);          /* weight: the fifth variable */
  put_i32 (b, 3);          /* rows */
  put_f64 (b, 100);        /* bias */
  put_text (b, "01 Jan 26", 9, 0, ' ');
  put_text (b, "12:00:00", 8, 0, ' ');
  put_text (b, "", 64, 0, ' ');
  put_text (b, "", 3, 0, '\0');
  g_assert_cmpuint (b->len, ==, 176);

  put_variable (b, "Q1", 0, "Fornøyd med tilbudet", 3, q1_missing, NULL);
  put_variable (b, "Q2", 0, "Würde Sie es empfehlen?", -3, q2_missing, NULL);
  put_variable (b, "Q3", 8, NULL, 2, NULL, q3_missing);
  put_variable (b, "Q4", 0, "Brukt tilbud A", 0, NULL, NULL);
  put_variable (b, "Q5", 0, "Brukt tilbud B", 0, NULL, NULL);
  put_value_labels (b, 1, G_N_ELEMENTS (q1_values), q1_values, NULL, q1_labels);
  put_value_labels (b, 2, G_N_ELEMENTS (q2_values), q2_values, NULL, q2_labels);
  put_value_labels (b, 3, G_N_ELEMENTS (q3_values), NULL, q3_values, q3_labels);

  put_extension (b, 3, 4, G_N_ELEMENTS (integer_info), integer_info);
  put_extension (b, 11, 4, G_N_ELEMENTS (display), display);
  put_text_extension (b, 13, "Q1=q1_fornøyd\tQ2=Q2\tQ3=Q3\tQ4=brukt_a\tQ5=brukt_b");
  /* Counts are bytes of the file's encoding, not of UTF-8. */
  sets = g_strdup_printf ("$brukt=D1 1 %u %s q4 q5\n$solo=C 0  q4\n",
                          (guint) cp1252_length (set_label), set_label);
  put_text_extension (b, 7, sets);
  put_text_extension (b, 19, "$e=E 11 1 1 0  q4 q5\n");
  put_text_extension (b, 20, "windows-1252");
  put_i32 (b, 999);
  put_i32 (b, 0);

  for (guint row = 0; row < 3; row++)
    for (guint column = 0; column < 5; column++)
      if (column == 2)
        put_text (b, row_texts[row], 8, 0, ' ');
      else
        put_f64 (b, rows[row][column]);

  return g_byte_array_free_to_bytes (g_steal_pointer (&b));
}

static void
test_cp1252 (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cp1252.sav", NULL);
  g_autoptr(GBytes) bytes = make_cp1252_sav ();
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  EvkVariable *q1, *q2, *q3;
  EvkMissing *missing;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  survey = import_ok (path);

  g_assert_cmpuint (survey->n_rows, ==, 3);
  q1 = get_variable (survey, "q1_fornøyd");
  q2 = get_variable (survey, "Q2");
  q3 = get_variable (survey, "Q3");
  g_assert_cmpstr (label_of (q1->label), ==, "Fornøyd med tilbudet");
  g_assert_cmpstr (label_of (q2->label), ==, "Würde Sie es empfehlen?");
  g_assert_cmpstr (value_label (q1, 1), ==, "Svært fornøyd");
  g_assert_cmpstr (value_label (q1, 9), ==, "Nektet å svare");
  g_assert_cmpint (q1->measure, ==, EVK_MEASURE_ORDINAL);
  g_assert_cmpint (q2->measure, ==, EVK_MEASURE_SCALE);
  g_assert_cmpint (q3->measure, ==, EVK_MEASURE_NOMINAL);
  g_assert_cmpstr (q3->format, ==, "A8");

  /* Missing codes take their kind from their labels. */
  g_assert_cmpuint (q1->missing->len, ==, 3);
  assert_missing (q1, 0, 7, 7, EVK_MISSING_DONT_KNOW);
  assert_missing (q1, 1, 8, 8, EVK_MISSING_NOT_RELEVANT);
  assert_missing (q1, 2, 9, 9, EVK_MISSING_OTHER);
  g_assert_cmpuint (q2->missing->len, ==, 2);
  assert_missing (q2, 0, -9, -5, EVK_MISSING_DONT_KNOW);
  assert_missing (q2, 1, 99, 99, EVK_MISSING_NOT_RELEVANT);
  g_assert_cmpuint (q3->missing->len, ==, 2);
  missing = (EvkMissing *) string_missing (q3, "DK");
  g_assert_nonnull (missing);
  g_assert_cmpint (missing->kind, ==, EVK_MISSING_DONT_KNOW);
  missing = (EvkMissing *) string_missing (q3, "NR");
  g_assert_nonnull (missing);
  g_assert_cmpint (missing->kind, ==, EVK_MISSING_NOT_RELEVANT);
  g_assert_cmpstr (string_value_label (q3, "DK"), ==, "Don’t know");

  g_assert_cmpfloat (cell (q1, 0), ==, 1);
  g_assert_cmpfloat (cell (q1, 1), ==, 7);
  g_assert_true (isnan (cell (q1, 2)));
  g_assert_cmpfloat (cell (q2, 0), ==, -9);
  g_assert_cmpstr (evk_variable_get_string (q3, 0), ==, "DK");
  g_assert_cmpstr (evk_variable_get_string (q3, 1), ==, "æøå");
  g_assert_cmpstr (evk_variable_get_string (q3, 2), ==, "");
  g_assert_cmpint (evk_column_get_kind (q1->column), ==, EVK_COLUMN_I8);

  g_assert_cmpstr (survey->weight_variable, ==, "brukt_b");
  g_assert_cmpuint (survey->mrsets->len, ==, 2);
  assert_set (evk_survey_get_mrset (survey, "brukt"), "brukt", EVK_MRSET_DICHOTOMY, "1",
              "Brukt åpent tilbud", "brukt_a brukt_b");
  assert_set (evk_survey_get_mrset (survey, "e"), "e", EVK_MRSET_DICHOTOMY, "1",
              "Brukt tilbud A", "brukt_a brukt_b");
  evk_test_rm_rf (dir);
}

/* ---- Columns that widen, written by ReadStat ----------------------- */

static ssize_t
write_to_file (const void *data,
               size_t      length,
               void       *file)
{
  return fwrite (data, 1, length, file) == length ? (ssize_t) length : -1;
}

#define WIDE_ROWS 10000

/* The value of the "wide" variable in row: small codes, then a value that
 * needs 32 bits at row 5000 and a fraction at row 9000. */
static double
wide_value (guint row)
{
  if (row == 5000)
    return 100000;
  if (row == 9000)
    return 2.5;
  return row % 7 == 0 ? NAN : (double) (row % 5);
}

static void
write_wide_survey (const char          *path,
                   readstat_compress_t  compression)
{
  readstat_writer_t *writer = readstat_writer_init ();
  readstat_variable_t *id, *code, *wide, *text;
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  readstat_set_data_writer (writer, write_to_file);
  readstat_writer_set_compression (writer, compression);
  text = readstat_add_variable (writer, "text", READSTAT_TYPE_STRING, 12);
  id = readstat_add_variable (writer, "id", READSTAT_TYPE_DOUBLE, 0);
  code = readstat_add_variable (writer, "code", READSTAT_TYPE_DOUBLE, 0);
  wide = readstat_add_variable (writer, "wide", READSTAT_TYPE_DOUBLE, 0);
  g_assert_cmpint (readstat_begin_writing_sav (writer, file, WIDE_ROWS), ==, READSTAT_OK);
  for (guint row = 0; row < WIDE_ROWS; row++)
    {
      g_autofree char *label = g_strdup_printf ("rad %u", row);

      g_assert_cmpint (readstat_begin_row (writer), ==, READSTAT_OK);
      readstat_insert_string_value (writer, text, row % 3 == 0 ? "" : label);
      readstat_insert_double_value (writer, id, row + 1);
      if (row % 11 == 0)
        readstat_insert_missing_value (writer, code);
      else
        readstat_insert_double_value (writer, code, row % 6);
      if (isnan (wide_value (row)))
        readstat_insert_missing_value (writer, wide);
      else
        readstat_insert_double_value (writer, wide, wide_value (row));
      g_assert_cmpint (readstat_end_row (writer), ==, READSTAT_OK);
    }
  g_assert_cmpint (readstat_end_writing (writer), ==, READSTAT_OK);
  readstat_writer_free (writer);
  fclose (file);
}

static void
log_fraction (double   fraction,
              gpointer data)
{
  g_array_append_val ((GArray *) data, fraction);
}

/* Columns start at one byte and widen when a value needs it, at any row;
 * text is the first variable, so the numbers start in the second. */
static void
test_widening (void)
{
  const readstat_compress_t compressions[] = { READSTAT_COMPRESS_NONE, READSTAT_COMPRESS_ROWS,
                                               READSTAT_COMPRESS_BINARY };
  g_autofree char *dir = evk_test_tmpdir ();

  for (guint c = 0; c < G_N_ELEMENTS (compressions); c++)
    {
      g_autofree char *name = g_strdup_printf ("wide-%u.sav", c);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkSurvey) survey = NULL;
      EvkVariable *id, *code, *wide, *text;

      write_wide_survey (path, compressions[c]);
      survey = evk_import_spss (path, "wide", "en", NULL, log_fraction, fractions, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (survey->source_format, ==, c == 2 ? "zsav" : "sav");
      g_assert_cmpuint (survey->n_rows, ==, WIDE_ROWS);
      text = get_variable (survey, "text");
      id = get_variable (survey, "id");
      code = get_variable (survey, "code");
      wide = get_variable (survey, "wide");
      g_assert_cmpint (evk_column_get_kind (id->column), ==, EVK_COLUMN_I16);
      g_assert_cmpint (evk_column_get_kind (code->column), ==, EVK_COLUMN_I8);
      g_assert_cmpint (evk_column_get_kind (wide->column), ==, EVK_COLUMN_F64);

      for (guint row = 0; row < WIDE_ROWS; row++)
        {
          g_autofree char *label = g_strdup_printf ("rad %u", row);

          g_assert_cmpstr (evk_variable_get_string (text, row), ==, row % 3 == 0 ? "" : label);
          g_assert_cmpfloat (cell (id, row), ==, row + 1);
          if (row % 11 == 0)
            g_assert_true (isnan (cell (code, row)));
          else
            g_assert_cmpfloat (cell (code, row), ==, row % 6);
          assert_number (cell (wide, row), wide_value (row));
        }

      /* 0, every 4096 rows, 1 */
      g_assert_cmpuint (fractions->len, ==, 5);
      g_assert_cmpfloat (g_array_index (fractions, double, 1), ==, 0.0);
      g_assert_cmpfloat (g_array_index (fractions, double, 2), ==, 4096.0 / WIDE_ROWS);
      g_assert_cmpfloat (g_array_index (fractions, double, 3), ==, 8192.0 / WIDE_ROWS);
      g_assert_cmpfloat (g_array_index (fractions, double, 4), ==, 1.0);
    }
  evk_test_rm_rf (dir);
}

/* ---- Progress and cancelling --------------------------------------- */

typedef struct {
  GArray       *fractions;
  GCancellable *cancel_on_first;
} ProgressLog;

static void
log_progress (double   fraction,
              gpointer data)
{
  ProgressLog *log = data;

  g_array_append_val (log->fractions, fraction);
  if (log->cancel_on_first != NULL)
    g_cancellable_cancel (log->cancel_on_first);
}

static void
test_progress_and_cancel (void)
{
  const char *files[] = { "sample.sav", "sample.por", "sample.dta" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = fixture ("pyreadstat", "basic", files[f], NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      ProgressLog log = { g_array_new (FALSE, FALSE, sizeof (double)), NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkSurvey) survey = NULL;
      g_autofree char *expected = NULL;

      survey = evk_import_spss (path, "s", "en", cancellable, log_progress, &log, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (log.fractions->len, >=, 2);
      g_assert_cmpfloat (g_array_index (log.fractions, double, 0), ==, 0.0);
      g_assert_cmpfloat (g_array_index (log.fractions, double, log.fractions->len - 1), ==, 1.0);
      for (guint i = 1; i < log.fractions->len; i++)
        g_assert_cmpfloat (g_array_index (log.fractions, double, i), >=,
                           g_array_index (log.fractions, double, i - 1));
      g_clear_pointer (&survey, evk_survey_free);

      /* Cancelled once the import has begun: stops at the next check. */
      g_array_set_size (log.fractions, 0);
      log.cancel_on_first = cancellable;
      survey = evk_import_spss (path, "s", "en", cancellable, log_progress, &log, &error);
      g_assert_null (survey);
      g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_CANCELLED);
      expected = g_strdup_printf ("%s: the import was cancelled", files[f]);
      g_assert_cmpstr (error->message, ==, expected);
      g_array_unref (log.fractions);
    }
}

/* ---- Malformed input ----------------------------------------------- */

/* Where the dictionary ends: the data follow the end record of a system
 * file and the <data> tag of a Stata file; a portable file is split in two. */
static gsize
find_bytes (const guint8 *data,
            gsize         length,
            gsize         from,
            const void   *needle,
            gsize         needle_length)
{
  for (gsize i = from; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return i;
  return 0;
}

static gsize
data_offset (const guint8 *data,
             gsize         length,
             const char   *name)
{
  static const guint8 end_record[] = { 0xe7, 0x03, 0, 0, 0, 0, 0, 0 };
  gsize at = 0;

  if (g_str_has_suffix (name, "sav"))
    at = find_bytes (data, length, 176, end_record, sizeof end_record);
  else if (g_str_has_suffix (name, ".dta"))
    at = find_bytes (data, length, 0, "<data>", 6);
  return at != 0 ? at + 8 : length / 2;
}

static void
assert_fails (const char *path,
              const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = evk_import_spss (path, "s", "en", NULL, NULL, NULL, &error);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ": ", NULL);

  g_test_message ("%s", error != NULL ? error->message : "(imported)");
  g_assert_null (survey);
  g_assert_nonnull (error);
  g_assert_true (error->domain == EVK_IMPORT_ERROR);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
}

/* Neither format has checksums: bytes flipped in the data section can
 * leave a well-formed file whose values differ, which no reader can tell
 * from the truth. Such a file must import with the dictionary intact. */
static void
assert_fails_or_same_dictionary (const char *path,
                                 const char *original_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = evk_import_spss (path, "s", "en", NULL, NULL, NULL, &error);
  g_autoptr(EvkSurvey) original = NULL;

  if (survey == NULL)
    {
      assert_fails (path, NULL);
      return;
    }

  g_test_message ("%s: imported, with other values", survey->source_file);
  g_assert_no_error (error);
  original = import_ok (original_path);
  g_assert_cmpuint (survey->n_rows, ==, original->n_rows);
  g_assert_cmpuint (survey->variables->len, ==, original->variables->len);
  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *a = g_ptr_array_index (original->variables, i);
      EvkVariable *b = g_ptr_array_index (survey->variables, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->format, ==, b->format);
      g_assert_true (evk_localized_equal (a->label, b->label));
      g_assert_cmpuint (a->value_labels->len, ==, b->value_labels->len);
      g_assert_cmpuint (a->missing->len, ==, b->missing->len);
      if (b->column != NULL)
        g_assert_cmpuint (evk_column_get_length (b->column), ==, survey->n_rows);
      else
        g_assert_cmpuint (evk_text_column_get_length (b->texts), ==, survey->n_rows);
    }
}

static char *
write_variant (const char   *dir,
               const char   *name,
               const guint8 *data,
               gsize         length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_malformed (void)
{
  const char *sources[][2] = {
    { "basic", "sample.sav" },
    { "basic", "sample.zsav" },
    { "basic", "sample.por" },
    { "basic", "sample.dta" },
    { "multiple_response", "simple_alltypes.sav" },
  };
  const guint percents[] = { 10, 50, 99 };
  g_autofree char *dir = evk_test_tmpdir ();

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autofree char *path = fixture ("pyreadstat", sources[s][0], sources[s][1], NULL);
      g_autoptr(GBytes) bytes = evk_test_read (path);
      gsize length = g_bytes_get_size (bytes);
      const guint8 *data = g_bytes_get_data (bytes, NULL);
      gsize split = data_offset (data, length, sources[s][1]);
      g_autofree char *stem = g_strdup (sources[s][1]);

      *strrchr (stem, '.') = '-';
      g_assert_cmpuint (split, >, 0);
      g_assert_cmpuint (split, <, length);

      for (guint p = 0; p < G_N_ELEMENTS (percents); p++)
        {
          g_autofree char *name = g_strdup_printf ("%s-cut%u%s", stem, percents[p],
                                                   strrchr (sources[s][1], '.'));
          g_autofree char *variant = write_variant (dir, name, data, length * percents[p] / 100);

          /* The last 1 % of a portable file is padding after the end mark:
           * nothing is lost, and the data must come out whole. */
          if (percents[p] == 99 && g_str_has_suffix (name, ".por"))
            {
              g_autoptr(EvkSurvey) whole = import_ok (path);
              g_autoptr(EvkSurvey) cut = import_ok (variant);

              g_assert_cmpuint (length - length * 99 / 100, <=, 64);
              g_assert_cmpuint (cut->n_rows, ==, whole->n_rows);
              for (guint v = 0; v < whole->variables->len; v++)
                {
                  EvkVariable *a = g_ptr_array_index (whole->variables, v);
                  EvkVariable *b = g_ptr_array_index (cut->variables, v);

                  for (guint row = 0; row < whole->n_rows; row++)
                    if (a->column != NULL)
                      assert_number (cell (b, row), cell (a, row));
                    else
                      g_assert_cmpstr (evk_variable_get_string (b, row), ==,
                                       evk_variable_get_string (a, row));
                }
              continue;
            }
          assert_fails (variant, NULL);
        }

      /* One damaged dictionary, and several damaged data sections. */
      for (guint seed = 0; seed < 5; seed++)
        {
          gboolean in_header = seed == 0;
          g_autoptr(GRand) rand = g_rand_new_with_seed (20260 + 10 * s + seed);
          g_autofree guint8 *flipped = g_memdup2 (data, length);
          g_autofree char *name = g_strdup_printf ("%s-flip-%s%u%s", stem,
                                                   in_header ? "head" : "data", seed,
                                                   strrchr (sources[s][1], '.'));
          g_autofree char *variant = NULL;
          gsize lo = in_header ? 0 : split;
          gsize hi = in_header ? split : length;

          for (guint i = 0; i < 64; i++)
            flipped[g_rand_int_range (rand, lo, hi)] ^= 1 << g_rand_int_range (rand, 0, 8);
          variant = write_variant (dir, name, flipped, length);
          if (in_header)
            assert_fails (variant, NULL);
          else
            assert_fails_or_same_dictionary (variant, path);
        }
    }

  {
    g_autofree char *empty = write_variant (dir, "empty.sav", (const guint8 *) "", 0);
    g_autofree char *csv_path = fixture ("pyreadstat", "basic", "sample.csv", NULL);
    g_autoptr(GBytes) csv = evk_test_read (csv_path);
    g_autofree char *renamed = write_variant (dir, "survey.sav", g_bytes_get_data (csv, NULL),
                                              g_bytes_get_size (csv));
    g_autofree char *folder = g_build_filename (dir, "folder.sav", NULL);
    g_autofree char *absent = g_build_filename (dir, "absent.sav", NULL);
    g_autofree char *header_only = NULL;
    g_autofree char *sav_path = fixture ("pyreadstat", "basic", "sample.sav", NULL);
    g_autoptr(GBytes) sav = evk_test_read (sav_path);

    header_only = write_variant (dir, "header.sav", g_bytes_get_data (sav, NULL), 100);
    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

    assert_fails (empty, "empty.sav: the file is empty");
    assert_fails (renamed, "survey.sav: not an SPSS, Stata or SPSS portable file");
    assert_fails (folder, "folder.sav: this is a folder, not a file");
    assert_fails (absent, "absent.sav: the file does not exist");
    assert_fails (header_only, "header.sav: the file ends early (it is truncated or damaged)");
    g_rmdir (folder);
  }

  evk_test_rm_rf (dir);
}

static char *
malformed (const char *kind,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "malformed", kind, name, NULL);
}

/* A Stata label-set name that fills its field has no NUL; ReadStat passes
 * it on as it lies, and the copy read past the end of ReadStat's buffer.
 * Copied with the field's width, the variable's and the table's names
 * (129 bytes each, format 118) match and the labels attach. */
static void
test_stata_unterminated_label_name (void)
{
  g_autofree char *path = malformed ("stata", "unterminated-label-name.dta");
  g_autoptr(EvkSurvey) survey = import_ok (path);
  EvkVariable *x = get_variable (survey, "x");

  g_assert_cmpuint (survey->n_rows, ==, 8);
  g_assert_cmpuint (x->value_labels->len, ==, 2);
  g_assert_cmpstr (string_value_label (x, ".a"), ==, "apple");
}

/* A damaged dictionary used to say "the file ends early" and name nothing;
 * now the message names the variable or the record that is damaged. */
static void
test_damaged_dictionary_located (void)
{
  g_autofree char *label = malformed ("spss", "damaged-label-length.sav");
  g_autofree char *record = malformed ("spss", "damaged-record-type.sav");

  assert_fails (label, "damaged-label-length.sav: the dictionary is damaged: variable 3 (MYDATE): "
                       "the variable label is longer than the rest of the file");
  assert_fails (record, "damaged-record-type.sav: the dictionary is damaged: the dictionary "
                        "record at byte 480, after variable 7 (MYTIME): unknown dictionary "
                        "record type 42");
}

/* An extension record for multiple-response sets that holds nothing:
 * ReadStat refuses the file, and our walk of the dictionary, which looks
 * for the damaged place, read zero bytes into no buffer and crashed. */
static void
test_empty_mrsets_record (void)
{
  g_autofree char *path = malformed ("spss", "empty-mrsets-record.sav");

  assert_fails (path, NULL);
}

/* A display width of G_MININT (a damaged display record) was negated to
 * make Stata's left-aligned widths positive: undefined behaviour, caught
 * by UBSan in the SPSS fuzz target. Widths are now clamped to SPSS's
 * widest. */
static void
test_display_width_int_min (void)
{
  g_autofree char *path = malformed ("spss", "display-width-int-min.sav");
  g_autoptr(EvkSurvey) survey = import_ok (path);
  EvkVariable *first = g_ptr_array_index (survey->variables, 0);

  g_assert_cmpint (first->width, ==, G_MAXINT16);
  g_assert_cmpint (((EvkVariable *) g_ptr_array_index (survey->variables, 1))->width, ==, 15);
}

/* A file whose header declares more rows than it holds. */
static void
test_row_count (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rows.sav", NULL);
  g_autoptr(GBytes) bytes = make_cp1252_sav ();
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;
  guint32 rows = GUINT32_TO_LE (4);

  memcpy (data + 80, &rows, 4);
  g_file_set_contents (path, (const char *) data, g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  assert_fails (path, "rows.sav: the data end early: 3 of the 4 rows the file declares "
                      "could be read (it is truncated or damaged)");
  evk_test_rm_rf (dir);
}

static guint
count_of (EvkTable   *table,
          const char *key)
{
  int row = evk_table_find_row (table, key);

  g_assert_cmpint (row, >=, 0);
  return evk_table_cell (table, row, 0)->n;
}

/* tests/data/spss/evalkit/text-categories.sav, written by PSPP from
 * make.sps: the counts are PSPP's own FREQUENCIES (README.md there). */
static void
test_text_categories (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "spss", "evalkit", "text-categories.sav", NULL);
  g_autoptr(EvkSurvey) survey = evk_import_spss (path, "s", "en", NULL, NULL, NULL, &error);
  g_autoptr(EvkStats) stats = NULL;
  g_autoptr(EvkTable) arm = NULL, region = NULL, site = NULL, born = NULL, nord = NULL;
  g_autoptr(EvkRows) rows = NULL;
  static const char * const regions[] = { "Midt", "Nord", "Sør", "Vest", "Øst" };
  static const guint region_counts[] = { 6, 7, 7, 6, 6 };

  g_assert_no_error (error);
  g_assert_cmpuint (survey->n_rows, ==, 36);
  g_assert_false (evk_survey_get_variable (survey, "arm")->personal);
  g_assert_false (evk_survey_get_variable (survey, "region")->personal);
  /* Nine long, unique comments: free text, kept personal. */
  g_assert_true (evk_survey_get_variable (survey, "comment")->personal);

  stats = evk_stats_new (survey);
  arm = evk_stats_frequency (stats, "arm", &error);
  g_assert_no_error (error);
  /* Ordered and labelled by the value labels: Placebo 14, Low dose 11,
   * High dose 11. */
  g_assert_cmpuint (arm->rows->len, ==, 3);
  g_assert_cmpstr (evk_table_row (arm, 0)->key, ==, "A");
  g_assert_cmpstr (evk_localized_get (evk_table_row (arm, 0)->label, "en"), ==, "Placebo");
  g_assert_cmpuint (count_of (arm, "A"), ==, 14);
  g_assert_cmpuint (count_of (arm, "B"), ==, 11);
  g_assert_cmpuint (count_of (arm, "C"), ==, 11);
  g_assert_cmpuint (arm->n_base, ==, 36);

  region = evk_stats_frequency (stats, "region", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (region->rows->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpstr (evk_table_row (region, i)->key, ==, regions[i]);
      g_assert_cmpstr (evk_localized_get (evk_table_row (region, i)->label, "und"), ==, regions[i]);
      g_assert_cmpuint (evk_table_cell (region, i, 0)->n, ==, region_counts[i]);
    }
  /* PSPP's 4 blank answers are no answer. */
  g_assert_cmpuint (region->n_base, ==, 32);

  /* Natural order: Site 2 before Site 10. */
  site = evk_stats_frequency (stats, "site", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evk_table_row (site, 1)->key, ==, "Site 2");
  g_assert_cmpstr (evk_table_row (site, 2)->key, ==, "Site 10");
  g_assert_cmpuint (evk_table_cell (site, 2, 0)->n, ==, 12);

  g_assert_null (evk_stats_frequency (stats, "comment", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_assert_nonnull (strstr (error->message, "variable comment is free text"));
  g_clear_error (&error);

  /* ADATE10: PSPP prints 03/24/1949; the tables print each language's
   * date, keyed by the ISO date. */
  born = evk_stats_frequency (stats, "born", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (born->rows->len, ==, 3);
  g_assert_cmpstr (evk_table_row (born, 0)->key, ==, "1949-03-24");
  g_assert_cmpstr (evk_localized_get (evk_table_row (born, 0)->label, "nb"), ==, "24.03.1949");
  g_assert_cmpstr (evk_localized_get (evk_table_row (born, 0)->label, "en"), ==, "1949-03-24");
  g_assert_cmpstr (evk_localized_get (evk_table_row (born, 1)->label, "nb"), ==, "02.11.1961");
  g_assert_cmpuint (count_of (born, "1949-03-24"), ==, 16);
  g_assert_cmpuint (count_of (born, "1961-11-02"), ==, 9);
  g_assert_cmpuint (count_of (born, "1975-07-15"), ==, 8);

  /* A group on a text: arm by region Nord (2 + 2 + 3 in data.txt). */
  rows = evk_rows_new_from_text (survey, "region = 'Nord'", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->n_selected, ==, 7);
  evk_stats_set_group (stats, rows, NULL);
  nord = evk_stats_frequency (stats, "arm", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (nord, "A"), ==, 2);
  g_assert_cmpuint (count_of (nord, "B"), ==, 2);
  g_assert_cmpuint (count_of (nord, "C"), ==, 3);
  g_clear_pointer (&rows, evk_rows_free);
  rows = evk_rows_new_from_text (survey, "region in {\"Nord\", 'Sør'} and site != \"Site 10\"", &error);
  g_assert_no_error (error);
  g_assert_null (evk_rows_new_from_text (survey, "comment = 'x'", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE);
  g_clear_error (&error);
  g_assert_null (evk_rows_new_from_text (survey, "arm = 1", &error));
  g_clear_error (&error);
  g_assert_null (evk_rows_new_from_text (survey, "id = 'A'", &error));
  g_clear_error (&error);
}

/* haven's datetime.sav: a date, a date-time and a time. */
static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("haven", "spss", "datetime.sav", NULL);
  g_autoptr(EvkSurvey) survey = evk_import_spss (path, "s", "en", NULL, NULL, NULL, &error);
  g_autofree char *nb = NULL, *en = NULL, *iso = NULL, *when = NULL, *time = NULL;
  EvkVariable *date = NULL, *datetime = NULL, *clock = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *v = g_ptr_array_index (survey->variables, i);
      g_autofree char *probe = evk_variable_format_date (v, NULL, 0);

      if (probe == NULL)
        continue;
      if (g_str_has_prefix (v->format, "DATETIME"))
        datetime = v;
      else if (g_str_has_prefix (v->format, "TIME"))
        clock = v;
      else
        date = v;
    }
  g_assert_nonnull (date);
  g_assert_nonnull (datetime);
  g_assert_nonnull (clock);
  nb = evk_variable_format_date (date, "nb", evk_column_get (date->column, 0));
  en = evk_variable_format_date (date, "en", evk_column_get (date->column, 0));
  g_assert_cmpstr (nb, ==, "22.09.2014");
  g_assert_cmpstr (en, ==, "2014-09-22");
  iso = evk_variable_format_date (datetime, NULL, evk_column_get (datetime->column, 1));
  g_assert_cmpstr (iso, ==, "2014-09-23T15:59:20");
  when = evk_variable_format_date (datetime, "nb", evk_column_get (datetime->column, 1));
  g_assert_cmpstr (when, ==, "23.09.2014 15:59:20");
  time = evk_variable_format_date (clock, "en", evk_column_get (clock->column, 0));
  g_assert_cmpstr (time, ==, "12:11:10");
  g_assert_null (evk_variable_format_date (date, "en", NAN));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/import-spss/every-fixture", test_every_fixture);
  g_test_add_func ("/evk/import-spss/haven-labels", test_haven_labels);
  g_test_add_func ("/evk/import-spss/haven-umlauts", test_haven_umlauts);
  g_test_add_func ("/evk/import-spss/haven-datetime", test_haven_datetime);
  g_test_add_func ("/evk/import-spss/haven-stata", test_haven_stata);
  g_test_add_func ("/evk/import-spss/sample-formats", test_sample_formats);
  g_test_add_func ("/evk/import-spss/sample-missing", test_sample_missing);
  g_test_add_func ("/evk/import-spss/missing-data", test_missing_data);
  g_test_add_func ("/evk/import-spss/scripts-and-levels", test_scripts_and_levels);
  g_test_add_func ("/evk/import-spss/mrsets-fixtures", test_mrsets_fixtures);
  g_test_add_func ("/evk/import-spss/mrsets-parse", test_mrsets_parse);
  g_test_add_func ("/evk/import-spss/cp1252", test_cp1252);
  g_test_add_func ("/evk/import-spss/widening", test_widening);
  g_test_add_func ("/evk/import-spss/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/evk/import-spss/malformed", test_malformed);
  g_test_add_func ("/evk/import-spss/row-count", test_row_count);
  g_test_add_func ("/evk/import-spss/stata-unterminated-label-name", test_stata_unterminated_label_name);
  g_test_add_func ("/evk/import-spss/damaged-dictionary-located", test_damaged_dictionary_located);
  g_test_add_func ("/evk/import-spss/empty-mrsets-record", test_empty_mrsets_record);
  g_test_add_func ("/evk/import-spss/display-width-int-min", test_display_width_int_min);
  g_test_add_func ("/evk/import-spss/text-categories", test_text_categories);
  g_test_add_func ("/evk/import-spss/dates", test_dates);

  return g_test_run ();
}
