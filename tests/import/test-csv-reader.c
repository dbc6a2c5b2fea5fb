/* test-csv-reader.c: tests of the CSV reader and number parsing
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-csv-reader.h"
#include "evk-test-util.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

/* Writes bytes to a file named name in a fresh directory; *dir is removed
 * by the caller with evk_test_rm_rf. */
static char *
write_tmp (char      **dir,
           const char *name,
           const char *bytes,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path;

  *dir = evk_test_tmpdir ();
  path = g_build_filename (*dir, name, NULL);
  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Reads every record of path; each record is joined with '|' and prefixed
 * with its line ("2:a|b"); records are joined with '\n'. */
static char *
read_all (const char *path,
          char       *separator,
          const char **encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkCsvReader) reader = evk_csv_reader_open (path, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *fields;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  while (evk_csv_reader_next (reader, &fields, &error))
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%u:", evk_csv_reader_get_line (reader));
      for (guint i = 0; i < fields->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, g_ptr_array_index (fields, i));
        }
    }
  g_assert_no_error (error);
  g_assert_null (fields);
  if (separator != NULL)
    *separator = evk_csv_reader_get_separator (reader);
  if (encoding != NULL)
    *encoding = g_intern_string (evk_csv_reader_get_encoding (reader));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
read_bytes (const char  *bytes,
            gssize       length,
            char        *separator)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = write_tmp (&dir, "t.csv", bytes, length);
  char *result = read_all (path, separator, NULL);

  evk_test_rm_rf (dir);
  return result;
}

/* Opens (and reads to the end) bytes that must fail; returns the error. */
static GError *
fail_bytes (const char *name,
            const char *bytes,
            gssize      length)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = write_tmp (&dir, name, bytes, length);
  g_autoptr(EvkCsvReader) reader = NULL;
  GError *error = NULL;
  GPtrArray *fields;

  reader = evk_csv_reader_open (path, &error);
  if (reader != NULL)
    {
      g_assert_no_error (error);
      while (evk_csv_reader_next (reader, &fields, &error))
        ;
      g_assert_null (fields);
    }
  else
    g_assert_nonnull (error);
  evk_test_rm_rf (dir);
  g_assert_nonnull (error);
  return error;
}

static void
test_bom (void)
{
  g_autofree char *path = fixture ("utf8-bom-semicolon.csv");
  g_autofree char *all = NULL;
  const char *encoding;
  char separator;

  all = read_all (path, &separator, &encoding);
  g_assert_cmpint (separator, ==, ';');
  g_assert_cmpstr (encoding, ==, "UTF-8");
  /* The BOM does not stick to the first name. */
  g_assert_cmpstr (all, ==,
                   "1:navn|beløp|merknad\n"
                   "2:Kari|8,4|Sa \"hei\"; gikk\n"
                   "3:Ola|5\xC2\xA0" "103|");
}

static void
test_no_bom (void)
{
  g_autofree char *all = NULL;
  char separator;

  all = read_bytes ("name,label\nq1,Kjønn\nq2,\"Alder, år\"\n", -1, &separator);
  g_assert_cmpint (separator, ==, ',');
  g_assert_cmpstr (all, ==, "1:name|label\n2:q1|Kjønn\n3:q2|Alder, år");
}

static void
test_windows_1252 (void)
{
  g_autofree char *path = fixture ("windows-1252-tab.csv");
  g_autofree char *all = NULL;
  const char *encoding;
  char separator;

  all = read_all (path, &separator, &encoding);
  g_assert_cmpint (separator, ==, '\t');
  g_assert_cmpstr (encoding, ==, "Windows-1252");
  g_assert_cmpstr (all, ==,
                   "1:id|navn|by\n"
                   "2:1|Ærlig øl|Tromsø\n"
                   "3:2|åpen € – pris|Ålesund");
}

static void
test_separators (void)
{
  char separator;
  g_autofree char *comma = read_bytes ("a,b,c\n1,2,3\n", -1, &separator);
  g_autofree char *semicolon = NULL;
  g_autofree char *tab = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *single = NULL;

  g_assert_cmpint (separator, ==, ',');
  g_assert_cmpstr (comma, ==, "1:a|b|c\n2:1|2|3");

  semicolon = read_bytes ("a;b;c\n1,5;2;3\n", -1, &separator);
  g_assert_cmpint (separator, ==, ';');
  g_assert_cmpstr (semicolon, ==, "1:a|b|c\n2:1,5|2|3");

  tab = read_bytes ("a\tb\tc\n1\t2,5\t3\n", -1, &separator);
  g_assert_cmpint (separator, ==, '\t');
  g_assert_cmpstr (tab, ==, "1:a|b|c\n2:1|2,5|3");

  /* Separators inside quotes in the header do not count. */
  quoted = read_bytes ("\"a,b,c\";\"d,e\";f\n1;2;3\n", -1, &separator);
  g_assert_cmpint (separator, ==, ';');
  g_assert_cmpstr (quoted, ==, "1:a,b,c|d,e|f\n2:1|2|3");

  /* One column: no separator in the header, any will do. */
  single = read_bytes ("id\n1\n2\n", -1, &separator);
  g_assert_cmpint (separator, ==, ',');
  g_assert_cmpstr (single, ==, "1:id\n2:1\n3:2");
}

static void
test_quoted (void)
{
  g_autofree char *all = NULL;

  all = read_bytes ("id,text,n\n"
                    "1,\"a, b\",2\n"
                    "2,\"she said \"\"yes\"\"\",3\n"
                    "3,\"one\n"
                    "two\n"
                    "\n"
                    "four\",4\n"
                    "4,\"\",\n"
                    "5,\"x\",\"\n\"\n"
                    "6,last,6\n",
                    -1, NULL);
  g_assert_cmpstr (all, ==,
                   "1:id|text|n\n"
                   "2:1|a, b|2\n"
                   "3:2|she said \"yes\"|3\n"
                   "4:3|one\ntwo\n\nfour|4\n"
                   "8:4||\n"
                   "9:5|x|\n\n"
                   "11:6|last|6");
}

static void
test_crlf (void)
{
  g_autofree char *path = fixture ("quoted-crlf.csv");
  g_autofree char *all = read_all (path, NULL, NULL);
  g_autofree char *lone_cr = NULL;

  /* A CR LF inside a quoted field becomes LF; the blank line 6 is
   * skipped. */
  g_assert_cmpstr (all, ==,
                   "1:id|comment|score\n"
                   "2:1|first line\nsecond line, with comma\nthird \"quoted\"|4\n"
                   "5:2|plain|5\n"
                   "7:3||");

  /* Old Mac line ends. */
  lone_cr = read_bytes ("a;b\r1;2\r\r3;4", -1, NULL);
  g_assert_cmpstr (lone_cr, ==, "1:a|b\n2:1|2\n4:3|4");
}

static void
test_not_trimmed (void)
{
  g_autofree char *all = read_bytes ("a,b\n a , b \n\t,x\n", -1, NULL);

  g_assert_cmpstr (all, ==, "1:a|b\n2: a | b \n3:\t|x");
}

static void
test_no_final_newline (void)
{
  g_autofree char *all = read_bytes ("a,b\n1,2", -1, NULL);
  g_autofree char *quoted = read_bytes ("a,b\n1,\"x\ny\"", -1, NULL);

  g_assert_cmpstr (all, ==, "1:a|b\n2:1|2");
  g_assert_cmpstr (quoted, ==, "1:a|b\n2:1|x\ny");
}

static void
test_empty (void)
{
  static const struct { const char *bytes; gssize length; } cases[] = {
    { "", 0 },
    { "\xEF\xBB\xBF", 3 },
    { "\n\r\n  \n", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = fail_bytes ("empty.csv", cases[i].bytes, cases[i].length);

      g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, "empty.csv: the file is empty");
    }
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GError) error = fail_bytes ("picture.csv", png, sizeof png - 1);
  g_autoptr(GError) utf16 = fail_bytes ("wide.csv", "\xFF\xFE" "a\0,\0b\0", 8);

  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "picture.csv: not a text file");

  g_assert_error (utf16, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING);
  g_assert_cmpstr (utf16->message, ==, "wide.csv: the file is UTF-16 text; save it as UTF-8 CSV");
}

static void
test_unterminated (void)
{
  g_autoptr(GError) error = fail_bytes ("data.csv", "a,b\n1,2\n3,\"abc\n4,5\n", -1);
  /* The record starts on line 2; the open quote is on line 4. */
  g_autoptr(GError) later = fail_bytes ("data.csv", "a,b,c\n\"x\ny\",\"z\nw\",\"open\n5,6,7\n", -1);

  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, "data.csv: line 3: unterminated quoted field");
  g_assert_cmpstr (later->message, ==, "data.csv: line 4: unterminated quoted field");
}

static void
test_stray_quote (void)
{
  g_autoptr(GError) inside = fail_bytes ("data.csv", "a,b\n1,2\n3,x\"y\n", -1);
  g_autoptr(GError) after = fail_bytes ("data.csv", "a,b\n\"1\"2,3\n", -1);

  g_assert_error (inside, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (inside->message, ==,
                   "data.csv: line 3: a quote inside a field that is not quoted, or text after a closing quote");
  g_assert_error (after, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (after->message, "data.csv: line 2: a quote inside"));
}

static void
test_error_repeats (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = write_tmp (&dir, "data.csv", "a,b\n1,\"2\n", -1);
  g_autoptr(EvkCsvReader) reader = evk_csv_reader_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  GPtrArray *fields;

  g_assert_true (evk_csv_reader_next (reader, &fields, &error));
  g_assert_cmpuint (fields->len, ==, 2);
  g_assert_false (evk_csv_reader_next (reader, &fields, &error));
  g_assert_null (fields);
  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
  g_assert_false (evk_csv_reader_next (reader, &fields, &again));
  g_assert_error (again, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (again->message, ==, error->message);
  evk_test_rm_rf (dir);
}

static void
test_encoding_errors (void)
{
  /* UTF-8 throughout but one Windows-1252 byte on line 3: not guessed as
   * Windows-1252, which would garble every other letter. */
  g_autoptr(GError) mixed = fail_bytes ("data.csv", "navn,by\nKåre,Tromsø\nP\xE5l,Bodø\n", -1);
  /* 0x81 is not a Windows-1252 character. */
  g_autoptr(GError) undefined = fail_bytes ("data.csv", "navn,by\n\xC5se,\x81x\n", -1);
  /* A BOM says UTF-8: a bad byte is an error even with no other
   * multi-byte text. */
  g_autoptr(GError) bom = fail_bytes ("data.csv", "\xEF\xBB\xBFnavn\nx\n\xE6\n", -1);

  g_assert_error (mixed, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING);
  g_assert_cmpstr (mixed->message, ==,
                   "data.csv: line 3: the text is not valid UTF-8, although the rest of the file is");
  g_assert_error (undefined, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING);
  g_assert_cmpstr (undefined->message, ==,
                   "data.csv: line 2: the text is neither UTF-8 nor Windows-1252 (byte 0x81)");
  g_assert_error (bom, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (bom->message, "data.csv: line 3: the text is not valid UTF-8"));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkCsvReader) reader = evk_csv_reader_open ("/nonexistent/dir/nope.csv", &error);

  g_assert_null (reader);
  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "nope.csv: cannot open the file: "));
}

static void
test_accessors (void)
{
  g_autofree char *path = fixture ("quoted-crlf.csv");
  g_autoptr(EvkCsvReader) reader = evk_csv_reader_open (path, NULL);
  GPtrArray *fields;

  g_assert_cmpstr (evk_csv_reader_get_path (reader), ==, path);
  g_assert_cmpstr (evk_csv_reader_get_display_name (reader), ==, "quoted-crlf.csv");
  g_assert_cmpfloat (evk_csv_reader_get_fraction (reader), ==, 0.0);
  while (evk_csv_reader_next (reader, &fields, NULL))
    ;
  g_assert_cmpfloat (evk_csv_reader_get_fraction (reader), ==, 1.0);
}

static void
test_number (void)
{
  static const struct {
    const char *text;
    gboolean    decimal_comma;
    gboolean    ok;
    double      value;
  } cases[] = {
    { "8,4", TRUE, TRUE, 8.4 },
    { "8,4", FALSE, FALSE, 0 },
    { "8.4", TRUE, TRUE, 8.4 },
    { "8.4", FALSE, TRUE, 8.4 },
    { "-3", FALSE, TRUE, -3 },
    { "+3", FALSE, TRUE, 3 },
    { "\xE2\x88\x92" "3,5", TRUE, TRUE, -3.5 },        /* U+2212 */
    { " 5 103 ", FALSE, TRUE, 5103 },
    { "5\xC2\xA0" "103", TRUE, TRUE, 5103 },          /* NBSP */
    { "1\xE2\x80\xAF" "234\xE2\x80\xAF" "567,25", TRUE, TRUE, 1234567.25 }, /* U+202F */
    { "1e3", FALSE, TRUE, 1000 },
    { "2,5E-1", TRUE, TRUE, 0.25 },
    { ".5", FALSE, TRUE, 0.5 },
    { "007", FALSE, TRUE, 7 },
    { "\t42\t", FALSE, TRUE, 42 },
    { "5,103", FALSE, FALSE, 0 },                     /* never a thousands comma */
    { "1 2", FALSE, FALSE, 0 },                       /* two answers */
    { "1 2 5", TRUE, FALSE, 0 },
    { "1234 567", FALSE, FALSE, 0 },
    { "12 34", FALSE, FALSE, 0 },
    { "8,4,1", TRUE, FALSE, 0 },
    { "8.4.1", FALSE, FALSE, 0 },
    { "", FALSE, FALSE, 0 },
    { "   ", FALSE, FALSE, 0 },
    { "-", FALSE, FALSE, 0 },
    { ",", TRUE, FALSE, 0 },
    { "1e", FALSE, FALSE, 0 },
    { "1e+", FALSE, FALSE, 0 },
    { "- 3", FALSE, FALSE, 0 },
    { "abc", FALSE, FALSE, 0 },
    { "3 kr", FALSE, FALSE, 0 },
    { "nan", FALSE, FALSE, 0 },
    { "inf", FALSE, FALSE, 0 },
    { "0x10", FALSE, FALSE, 0 },
    { "1e999", FALSE, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -12345;
      gboolean ok = evk_csv_parse_number (cases[i].text, cases[i].decimal_comma, &value);

      if (ok != cases[i].ok)
        g_error ("\"%s\" (decimal comma %d): expected %s", cases[i].text,
                 cases[i].decimal_comma, cases[i].ok ? "a number" : "no number");
      if (ok)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
      else
        g_assert_cmpfloat (value, ==, -12345);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evk/csv-reader/bom", test_bom);
  g_test_add_func ("/evk/csv-reader/no-bom", test_no_bom);
  g_test_add_func ("/evk/csv-reader/windows-1252", test_windows_1252);
  g_test_add_func ("/evk/csv-reader/separators", test_separators);
  g_test_add_func ("/evk/csv-reader/quoted", test_quoted);
  g_test_add_func ("/evk/csv-reader/crlf", test_crlf);
  g_test_add_func ("/evk/csv-reader/not-trimmed", test_not_trimmed);
  g_test_add_func ("/evk/csv-reader/no-final-newline", test_no_final_newline);
  g_test_add_func ("/evk/csv-reader/empty", test_empty);
  g_test_add_func ("/evk/csv-reader/binary", test_binary);
  g_test_add_func ("/evk/csv-reader/unterminated", test_unterminated);
  g_test_add_func ("/evk/csv-reader/stray-quote", test_stray_quote);
  g_test_add_func ("/evk/csv-reader/error-repeats", test_error_repeats);
  g_test_add_func ("/evk/csv-reader/encoding-errors", test_encoding_errors);
  g_test_add_func ("/evk/csv-reader/missing-file", test_missing_file);
  g_test_add_func ("/evk/csv-reader/accessors", test_accessors);
  g_test_add_func ("/evk/csv-reader/parse-number", test_number);

  return g_test_run ();
}
