/* test-import-csv.c: tests of the survey import from CSV and codebook
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-import-csv.h"
#include "evk-localized.h"
#include "evk-project.h"
#include "evk-test-util.h"

static char *
example (const char *name)
{
  const char *datadir = g_getenv ("EVALKIT_DATADIR");

  g_assert_nonnull (datadir);
  return g_build_filename (datadir, "examples", name, NULL);
}

static EvkSurvey *
import_examples (const char *codebook)
{
  g_autofree char *data_path = example ("survey.csv");
  g_autofree char *codebook_path = codebook != NULL ? example (codebook) : NULL;
  g_autoptr(GError) error = NULL;
  EvkSurvey *survey;

  survey = evk_import_csv (data_path, codebook_path, NULL, "nb", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (survey);
  return survey;
}

static EvkVariable *
variable (EvkSurvey  *survey,
          const char *name)
{
  EvkVariable *v = evk_survey_get_variable (survey, name);

  if (v == NULL)
    g_error ("no variable %s", name);
  return v;
}

static double
value_at (EvkSurvey  *survey,
          const char *name,
          guint       row)
{
  EvkVariable *v = variable (survey, name);

  g_assert_cmpint (v->type, ==, EVK_VARIABLE_NUMERIC);
  return evk_column_get (v->column, row);
}

static const char *
label_of (EvkSurvey  *survey,
          const char *name,
          double      value,
          const char *lang)
{
  const EvkValueLabel *label = evk_variable_find_value_label (variable (survey, name), value);

  g_assert_nonnull (label);
  return evk_localized_get (label->label, lang);
}

static void
test_examples (void)
{
  g_autoptr(EvkSurvey) survey = import_examples ("codebook.csv");
  static const char * const names[] = {
    "id", "org_type", "employees", "q15_1", "q15_2", "q15_3", "q17_1", "members",
    "immigrant_share", "comment",
  };
  static const double ids[] = { 101, 102, 103, 104, 105, 106 };
  static const double members[] = { 120, 35, 8, 1250, NAN, 64 };
  static const double shares[] = { 12.5, 0, 50, 3.25, NAN, 25 };
  static const double q17_1[] = { 4, NAN, 6, 2, 9, 5 };
  EvkVariable *v;
  EvkMrSet *set;
  const EvkMissing *missing;

  g_assert_cmpstr (survey->name, ==, "survey");
  g_assert_cmpstr (survey->source_file, ==, "survey.csv");
  g_assert_cmpstr (survey->source_format, ==, "csv");
  g_assert_cmpstr (survey->id_variable, ==, "id");
  g_assert_cmpuint (survey->n_rows, ==, 6);
  g_assert_cmpuint (survey->variables->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (((EvkVariable *) g_ptr_array_index (survey->variables, i))->name, ==, names[i]);

  for (guint row = 0; row < 6; row++)
    {
      g_assert_cmpfloat (value_at (survey, "id", row), ==, ids[row]);
      if (isnan (members[row]))
        g_assert_true (isnan (value_at (survey, "members", row)));
      else
        g_assert_cmpfloat (value_at (survey, "members", row), ==, members[row]);
      if (isnan (shares[row]))
        g_assert_true (isnan (value_at (survey, "immigrant_share", row)));
      else
        g_assert_cmpfloat (value_at (survey, "immigrant_share", row), ==, shares[row]);
      if (isnan (q17_1[row]))
        g_assert_true (isnan (value_at (survey, "q17_1", row)));
      else
        g_assert_cmpfloat (value_at (survey, "q17_1", row), ==, q17_1[row]);
    }
  g_assert_true (isnan (value_at (survey, "employees", 4)));
  g_assert_cmpfloat (value_at (survey, "q15_3", 5), ==, 1);

  v = variable (survey, "org_type");
  g_assert_cmpstr (evk_localized_get (v->label, "nb"), ==, "Type organisasjon");
  g_assert_cmpstr (evk_localized_get (v->label, "en"), ==, "Type of organisation");
  g_assert_cmpint (v->measure, ==, EVK_MEASURE_NOMINAL);
  g_assert_false (v->personal);
  g_assert_cmpuint (v->value_labels->len, ==, 3);
  g_assert_cmpstr (label_of (survey, "org_type", 3, "nb"), ==, "Frittstående organisasjon");
  g_assert_cmpstr (label_of (survey, "org_type", 3, "en"), ==, "Independent organisation");

  v = variable (survey, "q17_1");
  g_assert_cmpint (v->measure, ==, EVK_MEASURE_ORDINAL);
  g_assert_cmpstr (evk_localized_get (v->label, "en"), ==,
                   "Has the guide led to more people with an immigrant background joining?");
  g_assert_cmpuint (v->value_labels->len, ==, 7);
  g_assert_cmpstr (label_of (survey, "q17_1", 1, "nb"), ==, "I svært liten grad");
  g_assert_cmpstr (label_of (survey, "q17_1", 6, "en"), ==, "Don't know");
  g_assert_cmpuint (v->missing->len, ==, 2);
  missing = evk_variable_find_missing (v, 6);
  g_assert_nonnull (missing);
  g_assert_cmpint (missing->kind, ==, EVK_MISSING_DONT_KNOW);
  missing = evk_variable_find_missing (v, 9);
  g_assert_nonnull (missing);
  g_assert_cmpint (missing->kind, ==, EVK_MISSING_NOT_RELEVANT);
  g_assert_null (evk_variable_find_missing (v, 5));

  v = variable (survey, "members");
  g_assert_cmpint (v->measure, ==, EVK_MEASURE_SCALE);
  g_assert_cmpuint (v->value_labels->len, ==, 0);

  v = variable (survey, "comment");
  g_assert_cmpint (v->type, ==, EVK_VARIABLE_STRING);
  g_assert_true (v->personal);
  g_assert_cmpstr (evk_localized_get (v->label, "nb"), ==, "Kommentar");
  g_assert_cmpstr (evk_variable_get_string (v, 0), ==, "Nyttig kurs; vi lærte mye");
  g_assert_cmpstr (evk_variable_get_string (v, 1), ==, "");
  g_assert_cmpstr (evk_variable_get_string (v, 2), ==, "Første linje\nandre linje");
  g_assert_cmpstr (evk_variable_get_string (v, 5), ==, "Fint med \"konferanse\" i år");
  g_assert_cmpint (v->width, ==, (int) strlen ("Fint med \"konferanse\" i år"));

  g_assert_cmpuint (survey->mrsets->len, ==, 1);
  set = evk_survey_get_mrset (survey, "q15");
  g_assert_nonnull (set);
  g_assert_cmpint (set->type, ==, EVK_MRSET_DICHOTOMY);
  g_assert_cmpstr (set->counted_value, ==, "1");
  g_assert_cmpstr (evk_localized_get (set->label, "en"), ==,
                   "Measures the organisation is aware of (several answers allowed)");
  g_assert_cmpuint (g_strv_length (set->variables), ==, 3);
  g_assert_cmpstr (set->variables[0], ==, "q15_1");
  g_assert_cmpstr (set->variables[2], ==, "q15_3");
}

static void
test_no_codebook (void)
{
  g_autoptr(EvkSurvey) survey = import_examples (NULL);
  EvkVariable *v;

  /* The first column is called id: it is the respondent id. */
  g_assert_cmpstr (survey->id_variable, ==, "id");
  g_assert_cmpuint (survey->variables->len, ==, 10);
  for (guint i = 0; i < survey->variables->len; i++)
    {
      v = g_ptr_array_index (survey->variables, i);
      g_assert_cmpuint (g_hash_table_size (v->label), ==, 0);
      g_assert_cmpuint (v->value_labels->len, ==, 0);
      g_assert_cmpint (v->type, ==, g_str_equal (v->name, "comment") ? EVK_VARIABLE_STRING
                                                                      : EVK_VARIABLE_NUMERIC);
      g_assert_cmpint (v->personal, ==, g_str_equal (v->name, "comment"));
    }
  g_assert_cmpfloat (value_at (survey, "immigrant_share", 3), ==, 3.25);
  g_assert_cmpfloat (value_at (survey, "members", 3), ==, 1250);
}

static void
test_label_language (void)
{
  g_autofree char *data_path = example ("survey.csv");
  g_autofree char *codebook_path = example ("codebook.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  EvkVariable *v;

  /* Unbracketed columns are in the language the caller names; the
   * bracketed ones keep theirs. */
  survey = evk_import_csv (data_path, codebook_path, "Organisasjoner", "sv", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (survey->name, ==, "Organisasjoner");
  v = variable (survey, "employees");
  g_assert_cmpstr (evk_localized_get (v->label, "sv"), ==, "Har organisasjonen ansatte?");
  g_assert_cmpstr (evk_localized_get (v->label, "en"), ==, "Does the organisation have employees?");
  g_assert_null (evk_localized_get (v->label, "nb"));
}

/* ---- Errors -------------------------------------------------------- */

typedef struct {
  char *dir;
  char *data;
  char *codebook;
} Files;

static void
files_clear (Files *files)
{
  if (files->dir != NULL)
    evk_test_rm_rf (files->dir);
  g_free (files->dir);
  g_free (files->data);
  g_free (files->codebook);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Files, files_clear)

static void
write_files (Files      *files,
             const char *data,
             gssize      data_length,
             const char *codebook,
             gssize      codebook_length)
{
  g_autoptr(GError) error = NULL;

  files->dir = evk_test_tmpdir ();
  files->data = g_build_filename (files->dir, "data.csv", NULL);
  g_file_set_contents (files->data, data, data_length, &error);
  g_assert_no_error (error);
  if (codebook != NULL)
    {
      files->codebook = g_build_filename (files->dir, "codebook.csv", NULL);
      g_file_set_contents (files->codebook, codebook, codebook_length, &error);
      g_assert_no_error (error);
    }
}

/* Imports data (and codebook, if not NULL) and expects exactly message. */
static void
assert_fails (const char   *data,
              const char   *codebook,
              int           code,
              const char   *message)
{
  g_auto(Files) files = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  write_files (&files, data, -1, codebook, -1);
  survey = evk_import_csv (files.data, files.codebook, "s", "nb", NULL, NULL, NULL, &error);
  g_assert_null (survey);
  g_assert_error (error, EVK_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_error_encoding (void)
{
  assert_fails ("id,navn\n1,\x81x\n", NULL, EVK_IMPORT_ERROR_ENCODING,
                "data.csv: line 2: the text is neither UTF-8 nor Windows-1252 (byte 0x81)");
  assert_fails ("id,navn\n1,Kåre Bø\n2,P\xE5l\n", NULL, EVK_IMPORT_ERROR_ENCODING,
                "data.csv: line 3: the text is not valid UTF-8, although the rest of the file is");
  assert_fails ("id,navn\n1,Kåre\n", "variable,label\nid,Id\nnavn,\xE6\x81\n",
                EVK_IMPORT_ERROR_ENCODING,
                "codebook.csv: line 3: the text is neither UTF-8 nor Windows-1252 (byte 0x81)");
}

static void
test_error_ragged (void)
{
  /* The quoted field spans lines 3 and 4: the short row is on line 5. */
  assert_fails ("id;a;b\n1;2;3\n2;\"x\ny\";3\n3;4\n4;5;6\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 5: 2 fields, expected 3");
  assert_fails ("id,a\n1,2\n2,3,\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 3: 3 fields, expected 2");
  assert_fails ("id,a\n1,2\n", "variable,label,value\nid,Id\n", EVK_IMPORT_ERROR_MALFORMED,
                "codebook.csv: line 2: 2 fields, expected 3");
}

static void
test_error_header (void)
{
  assert_fails ("id,q1,q2,q1\n1,2,3,4\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 1: variable q1 appears twice (columns 2 and 4)");
  assert_fails ("id,1q\n1,2\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 1: column 2: “1q” is not a valid variable name "
                "(letters, digits, _ and ., starting with a letter)");
  assert_fails ("id,,q2\n1,2,3\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 1: column 2 has no variable name");
  assert_fails ("id,alder år\n1,2\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 1: column 2: “alder år” is not a valid variable name "
                "(letters, digits, _ and ., starting with a letter)");
}

static void
test_error_duplicate_id (void)
{
  /* The first column is named id. */
  assert_fails ("id,q1\n7,1\n8,1\n7,2\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 4: respondent id 7 appears twice (first on line 2)");
  /* Numbers compare as numbers: 7 and 7,0 are one id. */
  assert_fails ("respondent;q1\n7;1\n\"7,0\";2\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 3: respondent id 7,0 appears twice (first on line 2)");
  /* The codebook names the id. */
  assert_fails ("q1,resp_no\n1,A1\n2,A2\n3,A1\n", "variable,label,type\nresp_no,Respondent,id\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 4: respondent id A1 appears twice (first on line 2)");
  assert_fails ("id,q1\n1,1\n,2\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 3: the respondent id (id) is empty");
  assert_fails ("a,b\n1,2\n", "variable,type\na,id\nb,id\n", EVK_IMPORT_ERROR_MALFORMED,
                "codebook.csv: line 3: variable b: only one variable can have type id (a has it on line 2)");
}

static void
test_error_not_in_codebook (void)
{
  g_autoptr(GString) data = g_string_new ("id,q10\n");

  /* Line 40 is the 39th respondent. */
  for (guint i = 1; i <= 39; i++)
    g_string_append_printf (data, "%u,%u\n", i, i == 39 ? 7 : 1 + i % 5);
  assert_fails (data->str,
                "variable,label,value,value_label,missing,complete\n"
                "q10,Fornøyd,,,,yes\n"
                "q10,,1,Svært misfornøyd,,\n"
                "q10,,2,,,\n"
                "q10,,3,,,\n"
                "q10,,4,,,\n"
                "q10,,5,Svært fornøyd,,\n"
                "q10,,9,Vet ikke,dont-know,\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 40: variable q10: value 7 is not in the codebook");

  /* Missing codes and values listed without a label count as known; an
   * incomplete variable takes any value. */
  {
    g_auto(Files) files = { 0, };
    g_autoptr(GError) error = NULL;
    g_autoptr(EvkSurvey) survey = NULL;

    write_files (&files, "id,q10,q11\n1,2,7\n2,9,8\n3,,1\n", -1,
                 "variable,value,value_label,missing,complete\n"
                 "q10,,,,yes\nq10,1,Lav,,\nq10,2,,,\nq10,9,,dont-know,\n"
                 "q11,1,En,,\n", -1);
    survey = evk_import_csv (files.data, files.codebook, "s", "nb", NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (variable (survey, "q10")->value_labels->len, ==, 1);
    g_assert_cmpuint (variable (survey, "q10")->missing->len, ==, 1);
    g_assert_cmpfloat (value_at (survey, "q11", 1), ==, 8);
  }

  /* String variables too. */
  assert_fails ("id,kommune\n1,Bodø\n2,Tromsø\n",
                "variable,value,value_label,complete\nkommune,,,yes\nkommune,Bodø,Bodø kommune,\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 3: variable kommune: value Tromsø is not in the codebook");
}

static void
test_error_codebook_variable_missing (void)
{
  assert_fails ("id,q1\n1,2\n",
                "variable,label,value,value_label\nq1,Spørsmål 1,,\nq99,Spørsmål 99,,\nq99,,1,Ja\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "codebook.csv: line 3: variable q99 is not in data.csv");
  /* A value row can name the variable first. */
  assert_fails ("id,q1\n1,2\n",
                "variable,value,value_label\nq1,1,Ja\nq98,1,Ja\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "codebook.csv: line 3: variable q98 is not in data.csv");
}

static void
test_error_not_numeric (void)
{
  assert_fails ("id;q1\n1;2\n2;x\n", "variable,type\nq1,numeric\n", EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 3: variable q1: “x” is not a number");
  /* Numeric value labels make the variable numeric. */
  assert_fails ("id;q1\n1;2\n2;1 2\n", "variable,value,value_label\nq1,1,Ja\nq1,2,Nei\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 3: variable q1: “1 2” is not a number");
  /* A decimal comma in a comma-separated file. */
  assert_fails ("id,weight\n1,1\n2,\"0,8\"\n", "variable,type\nweight,numeric\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 3: variable weight: “0,8” is not a number "
                "(a decimal comma needs ; or tab as the separator)");
  assert_fails ("id,q1\n1,2\n", "variable,value,value_label,type\nq1,,,numeric\nq1,en,One,\n",
                EVK_IMPORT_ERROR_MALFORMED,
                "codebook.csv: line 3: variable q1: value “en” is not a number");
}

static void
test_error_codebook (void)
{
  static const struct { const char *codebook; const char *message; } cases[] = {
    { "variable,lable\nq1,x\n", "codebook.csv: line 1: unknown column “lable” (see the codebook format)" },
    { "variable,label,label[nb]\nq1,x,y\n", "codebook.csv: line 1: column “label[nb]” appears twice (columns 2 and 3)" },
    { "variable,label[1]\nq1,x\n", "codebook.csv: line 1: column “label[1]”: “1” is not a language code" },
    { "label,value\nx,1\n", "codebook.csv: line 1: there is no “variable” column" },
    { "variable,value,missing\nq1,9,unknown\n",
      "codebook.csv: line 2: variable q1: missing is “unknown”, not empty, dont-know, not-relevant or missing" },
    { "variable,type\nq1,date\n", "codebook.csv: line 2: variable q1: type is “date”, not empty, numeric, string or id" },
    { "variable,measure\nq1,interval\n",
      "codebook.csv: line 2: variable q1: measure is “interval”, not empty, nominal, ordinal or scale" },
    { "variable,complete\nq1,ja\n", "codebook.csv: line 2: variable q1: complete is “ja”, not empty, yes or no" },
    { "variable,value,value_label,type\nq1,1,Ja,numeric\n",
      "codebook.csv: line 2: variable q1: type, measure, personal and complete belong on "
      "the variable's row (the one without a value)" },
    { "variable,label\nq1,A\nq1,B\n", "codebook.csv: line 3: variable q1 is described twice (first on line 2)" },
    { "variable,value,value_label\nq1,1,A\nq1,1.0,B\n",
      "codebook.csv: line 3: variable q1: value 1.0 appears twice (first on line 2)" },
    { "variable,value,missing\nq1,,dont-know\n", "codebook.csv: line 2: variable q1: a missing code needs a value" },
    { "variable,label\n,x\n", "codebook.csv: line 2: the row names no variable" },
    { "variable,label\nq 1,x\n", "codebook.csv: line 2: “q 1” is not a valid variable name" },
    { "variable,label,value\n$s,Set,X:q1 q2\n",
      "codebook.csv: line 2: set $s: the value “X:q1 q2” is not D:VALUE:VARIABLES or C:VARIABLES" },
    { "variable,label,value\n$s,Set,D::q1 q2\n",
      "codebook.csv: line 2: set $s: the value “D::q1 q2” is not D:VALUE:VARIABLES or C:VARIABLES" },
    { "variable,label,value\n$s,Set,D:1:q1 q3\n", "codebook.csv: line 2: set $s: variable q3 is not in data.csv" },
    { "variable,label,value\n$s,Set,C:q1\n",
      "codebook.csv: line 2: set $s: a multiple-response set needs at least two variables" },
    { "variable,label,value\n$s,A,C:q1 q2\n$s,B,C:q1 q2\n", "codebook.csv: line 3: set $s is described twice (first on line 2)" },
    { "variable,label\n$1s,x\n", "codebook.csv: line 2: “$1s” is not a valid set name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fails ("id,q1,q2\n1,2,3\n", cases[i].codebook, EVK_IMPORT_ERROR_MALFORMED, cases[i].message);
}

static void
test_error_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  assert_fails ("", NULL, EVK_IMPORT_ERROR_MALFORMED, "data.csv: the file is empty");
  assert_fails ("id,q1\n1,\"2\n", NULL, EVK_IMPORT_ERROR_MALFORMED,
                "data.csv: line 2: unterminated quoted field");
  survey = evk_import_csv ("/nonexistent/data.csv", NULL, NULL, "nb", NULL, NULL, NULL, &error);
  g_assert_null (survey);
  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "data.csv: cannot open the file: "));
}

static void
cancel_midway (double   fraction,
               gpointer user_data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (user_data);
}

static void
test_cancelled (void)
{
  g_auto(Files) files = { 0, };
  g_autoptr(GString) data = g_string_new ("id;a;b\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) midway = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  for (guint i = 1; i <= 20000; i++)
    g_string_append_printf (data, "%u;%u;%u,5\n", i, i % 7, i % 3);
  write_files (&files, data->str, data->len, NULL, 0);

  g_cancellable_cancel (cancellable);
  survey = evk_import_csv (files.data, NULL, NULL, "nb", cancellable, NULL, NULL, &error);
  g_assert_null (survey);
  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "data.csv: the import was cancelled");

  g_cancellable_reset (cancellable);
  survey = evk_import_csv (files.data, NULL, NULL, "nb", cancellable, cancel_midway, cancellable, &midway);
  g_assert_null (survey);
  g_assert_error (midway, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_CANCELLED);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_progress (void)
{
  g_auto(Files) files = { 0, };
  g_autoptr(GString) data = g_string_new ("id,a\n");
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  for (guint i = 1; i <= 5000; i++)
    g_string_append_printf (data, "%u,%u\n", i, i % 5);
  write_files (&files, data->str, data->len, NULL, 0);
  survey = evk_import_csv (files.data, NULL, NULL, "nb", NULL, record_progress, seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (survey->n_rows, ==, 5000);
  g_assert_cmpuint (seen->len, >, 10);
  g_assert_cmpfloat (g_array_index (seen, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >, g_array_index (seen, double, i - 1));
}

static void
test_rows_and_cells (void)
{
  g_auto(Files) files = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = NULL;

  /* Rows of bare separators are skipped; cells are trimmed; a blank
   * cell is system-missing in a numeric variable and empty in a string
   * one; a string variable the codebook calls not personal is not. */
  write_files (&files,
               "id;score;kommune;note\n"
               "1; 4 ;Bodø; x \n"
               ";;;\n"
               "2;  ;Tromsø;\n"
               "\n"
               "3;5;\xC2\xA0;\n"
               ";;;\n", -1,
               "variable;type;personal\nkommune;string;no\n", -1);
  survey = evk_import_csv (files.data, files.codebook, "s", "nb", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (survey->n_rows, ==, 3);
  g_assert_cmpfloat (value_at (survey, "score", 0), ==, 4);
  g_assert_true (isnan (value_at (survey, "score", 1)));
  g_assert_cmpfloat (value_at (survey, "score", 2), ==, 5);
  g_assert_false (variable (survey, "kommune")->personal);
  g_assert_cmpstr (evk_variable_get_string (variable (survey, "kommune"), 1), ==, "Tromsø");
  g_assert_cmpstr (evk_variable_get_string (variable (survey, "kommune"), 2), ==, "");
  g_assert_cmpuint (evk_text_column_get_n_answers (variable (survey, "kommune")->texts), ==, 2);
  g_assert_true (variable (survey, "note")->personal);
  g_assert_cmpstr (evk_variable_get_string (variable (survey, "note"), 0), ==, "x");
  g_assert_cmpint (variable (survey, "note")->width, ==, 1);
}

/* A survey as a Norwegian spreadsheet saves it: semicolons, decimal
 * commas, Windows-1252, CR LF, labels in nb and en. */
static void
test_round_trip_windows_1252 (void)
{
  static const char data_utf8[] =
    "respondent;kjønn;vekt;fylke;merknad\r\n"
    "1;1;0,85;Troms og Finnmark;Særlig bra\r\n"
    "2;2;1,2;Møre og Romsdal;\"Bra; men «dyrt»\r\nfor oss\"\r\n"
    "3;9;1;Østfold;\r\n";
  static const char codebook_utf8[] =
    "variable;label;label[en];value;value_label;value_label[en];missing;type;measure;personal;complete\r\n"
    "kjønn;Kjønn på leder;Gender of the leader;;;;;;nominal;;yes\r\n"
    "kjønn;;;1;Kvinne;Woman;;;;;\r\n"
    "kjønn;;;2;Mann;Man;;;;;\r\n"
    "kjønn;;;9;Ønsker ikke å svare;Prefers not to answer;missing;;;;\r\n"
    "vekt;Vekt;Weight;;;;;numeric;scale;;\r\n"
    "fylke;Fylke;County;;;;;string;nominal;no;\r\n";
  g_autofree char *data = NULL;
  g_autofree char *codebook = NULL;
  gsize data_length, codebook_length;
  g_auto(Files) files = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  EvkVariable *v;

  data = g_convert (data_utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &data_length, &error);
  g_assert_no_error (error);
  codebook = g_convert (codebook_utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &codebook_length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (data, data_length, NULL));
  write_files (&files, data, data_length, codebook, codebook_length);

  survey = evk_import_csv (files.data, files.codebook, "Ledere", "nb", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (survey->n_rows, ==, 3);
  g_assert_cmpstr (survey->id_variable, ==, "respondent");

  v = variable (survey, "kjønn");
  g_assert_cmpstr (evk_localized_get (v->label, "nb"), ==, "Kjønn på leder");
  g_assert_cmpstr (evk_localized_get (v->label, "en"), ==, "Gender of the leader");
  g_assert_cmpstr (label_of (survey, "kjønn", 9, "nb"), ==, "Ønsker ikke å svare");
  g_assert_cmpint (evk_variable_find_missing (v, 9)->kind, ==, EVK_MISSING_OTHER);
  g_assert_cmpfloat (value_at (survey, "kjønn", 2), ==, 9);

  g_assert_cmpfloat (value_at (survey, "vekt", 0), ==, 0.85);
  g_assert_cmpfloat (value_at (survey, "vekt", 1), ==, 1.2);
  g_assert_cmpfloat (value_at (survey, "vekt", 2), ==, 1);

  v = variable (survey, "fylke");
  g_assert_false (v->personal);
  g_assert_cmpstr (evk_variable_get_string (v, 1), ==, "Møre og Romsdal");
  g_assert_cmpstr (evk_variable_get_string (v, 2), ==, "Østfold");
  g_assert_cmpstr (evk_variable_get_string (variable (survey, "merknad"), 1), ==,
                   "Bra; men «dyrt»\nfor oss");
}

/* What the importer builds survives the store: labels in both languages,
 * string missing codes, the set. */
static void
test_save_and_load (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "t.evalkit", NULL);
  g_autofree char *strategy = evk_test_demo_strategy ();
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = import_examples ("codebook.csv");
  g_autoptr(EvkSurvey) loaded = NULL;
  g_autoptr(GError) error = NULL;

  project = evk_project_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_import_strategy (project, strategy, &error));
  g_assert_no_error (error);
  g_assert_true (evk_project_save_survey (project, survey, &error));
  g_assert_no_error (error);

  loaded = evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->n_rows, ==, 6);
  g_assert_cmpstr (loaded->id_variable, ==, "id");
  g_assert_cmpstr (label_of (loaded, "q17_1", 9, "en"), ==, "Not relevant");
  g_assert_cmpint (evk_variable_find_missing (variable (loaded, "q17_1"), 6)->kind, ==,
                   EVK_MISSING_DONT_KNOW);
  g_assert_cmpfloat (value_at (loaded, "immigrant_share", 3), ==, 3.25);
  g_assert_cmpstr (evk_variable_get_string (variable (loaded, "comment"), 2), ==,
                   "Første linje\nandre linje");
  g_assert_nonnull (evk_survey_get_mrset (loaded, "q15"));

  g_clear_object (&project);
  evk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/import-csv/examples", test_examples);
  g_test_add_func ("/evk/import-csv/no-codebook", test_no_codebook);
  g_test_add_func ("/evk/import-csv/label-language", test_label_language);
  g_test_add_func ("/evk/import-csv/rows-and-cells", test_rows_and_cells);
  g_test_add_func ("/evk/import-csv/round-trip-windows-1252", test_round_trip_windows_1252);
  g_test_add_func ("/evk/import-csv/save-and-load", test_save_and_load);
  g_test_add_func ("/evk/import-csv/progress", test_progress);
  g_test_add_func ("/evk/import-csv/error/encoding", test_error_encoding);
  g_test_add_func ("/evk/import-csv/error/ragged", test_error_ragged);
  g_test_add_func ("/evk/import-csv/error/header", test_error_header);
  g_test_add_func ("/evk/import-csv/error/duplicate-id", test_error_duplicate_id);
  g_test_add_func ("/evk/import-csv/error/not-in-codebook", test_error_not_in_codebook);
  g_test_add_func ("/evk/import-csv/error/codebook-variable-missing", test_error_codebook_variable_missing);
  g_test_add_func ("/evk/import-csv/error/not-numeric", test_error_not_numeric);
  g_test_add_func ("/evk/import-csv/error/codebook", test_error_codebook);
  g_test_add_func ("/evk/import-csv/error/files", test_error_files);
  g_test_add_func ("/evk/import-csv/error/cancelled", test_cancelled);

  return g_test_run ();
}
