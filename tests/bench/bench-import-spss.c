/* bench-import-spss.c: SPSS import speed and memory against ReadStat's own parse
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes 1,000,000 respondents × 100 labelled numeric variables as .sav
 * with ReadStat's writer (fixed seed), then times in the same run
 *   (a) ReadStat parsing it with empty callbacks, and
 *   (b) evk_import_spss reading it into packed columns,
 * each in a child process so that its peak RSS is its own. Targets (issue
 * 3): (b) ≤ 1.5 × (a) wall time; peak RSS of (b) ≤ 2 × the data packed at
 * its natural width. Also times the demo survey (target < 0.1 s).
 *
 *   EVK_BENCH=1 meson test -C _build --benchmark import-spss -v
 *
 * Without EVK_BENCH the benchmark skips. EVK_BENCH_ROWS changes the row
 * count; EVK_BENCH_COMPRESSION is "rows" (SPSS's default), "none" or
 * "both" (default). Exits 1 when a target is missed.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "evk-import-spss.h"

#define N_VARIABLES 100
#define N_ROUNDS    5

typedef struct {
  gboolean ok;
  double   seconds;
  guint64  packed_bytes;
  guint    n_rows;
} Result;

typedef struct {
  double  seconds;     /* best wall time of the rounds */
  double  cpu_seconds; /* best user + system time of the rounds */
  glong   peak_rss_kb; /* largest of the rounds */
  guint64 packed_bytes;
  guint   n_rows;
} Measure;

/* ---- Writing the file ---------------------------------------------- */

static ssize_t
write_bytes (const void *data,
             size_t      length,
             void       *user_data)
{
  return fwrite (data, 1, length, user_data) == length ? (ssize_t) length : -1;
}

static gboolean
write_survey (const char          *path,
              guint                n_rows,
              readstat_compress_t  compression)
{
  static const char *scale[] = {
    "Helt uenig", "Litt uenig", "Verken eller", "Litt enig", "Helt enig",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  readstat_variable_t *variables[N_VARIABLES];
  readstat_writer_t *writer = readstat_writer_init ();
  readstat_label_set_t *labels;
  readstat_error_t result = READSTAT_OK;
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  readstat_set_data_writer (writer, write_bytes);
  readstat_writer_set_compression (writer, compression);
  readstat_writer_set_file_label (writer, "Evalkit benchmark");

  labels = readstat_add_label_set (writer, READSTAT_TYPE_DOUBLE, "scale");
  for (guint i = 0; i < G_N_ELEMENTS (scale); i++)
    readstat_label_double_value (labels, i + 1, scale[i]);
  readstat_label_double_value (labels, 9, "Vet ikke");

  for (guint v = 0; v < N_VARIABLES; v++)
    {
      g_autofree char *name = g_strdup_printf ("q%03u", v + 1);
      g_autofree char *label = g_strdup_printf ("Spørsmål %u", v + 1);

      variables[v] = readstat_add_variable (writer, name, READSTAT_TYPE_DOUBLE, 0);
      readstat_variable_set_label (variables[v], label);
      readstat_variable_set_format (variables[v], "F1.0");
      readstat_variable_set_measure (variables[v], READSTAT_MEASURE_ORDINAL);
      readstat_variable_set_label_set (variables[v], labels);
      readstat_variable_add_missing_double_value (variables[v], 9);
    }

  result = readstat_begin_writing_sav (writer, file, n_rows);
  for (guint row = 0; row < n_rows && result == READSTAT_OK; row++)
    {
      result = readstat_begin_row (writer);
      for (guint v = 0; v < N_VARIABLES && result == READSTAT_OK; v++)
        {
          /* Mostly answers 1–5; 5 % don't know (9), 3 % not asked. */
          guint32 draw = g_rand_int_range (rand, 0, 100);

          if (draw < 3)
            result = readstat_insert_missing_value (writer, variables[v]);
          else if (draw < 8)
            result = readstat_insert_double_value (writer, variables[v], 9);
          else
            result = readstat_insert_double_value (writer, variables[v], 1 + draw % 5);
        }
      if (result == READSTAT_OK)
        result = readstat_end_row (writer);
    }
  if (result == READSTAT_OK)
    result = readstat_end_writing (writer);
  readstat_writer_free (writer);
  if (fclose (file) != 0 && result == READSTAT_OK)
    result = READSTAT_ERROR_WRITE;
  if (result != READSTAT_OK)
    g_printerr ("writing %s: %s\n", path, readstat_error_message (result));
  return result == READSTAT_OK;
}

/* ---- The two readers ----------------------------------------------- */

static int
ignore_metadata (readstat_metadata_t *metadata,
                 void                *data)
{
  return READSTAT_HANDLER_OK;
}

static int
ignore_variable (int                  index,
                 readstat_variable_t *variable,
                 const char          *val_labels,
                 void                *data)
{
  return READSTAT_HANDLER_OK;
}

static int
ignore_value (int                  obs_index,
              readstat_variable_t *variable,
              readstat_value_t     value,
              void                *data)
{
  return READSTAT_HANDLER_OK;
}

static int
ignore_value_label (const char       *val_labels,
                    readstat_value_t  value,
                    const char       *label,
                    void             *data)
{
  return READSTAT_HANDLER_OK;
}

static Result
parse_with_readstat (const char *path)
{
  readstat_parser_t *parser = readstat_parser_init ();
  Result result = { 0 };
  gint64 start;

  readstat_set_metadata_handler (parser, ignore_metadata);
  readstat_set_variable_handler (parser, ignore_variable);
  readstat_set_value_handler (parser, ignore_value);
  readstat_set_value_label_handler (parser, ignore_value_label);
  start = g_get_monotonic_time ();
  result.ok = readstat_parse_sav (parser, path, NULL) == READSTAT_OK;
  result.seconds = (g_get_monotonic_time () - start) / 1e6;
  readstat_parser_free (parser);
  return result;
}

static Result
import_with_evalkit (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  Result result = { 0 };
  gint64 start;

  start = g_get_monotonic_time ();
  survey = evk_import_spss (path, "bench", "nb", NULL, NULL, NULL, &error);
  result.seconds = (g_get_monotonic_time () - start) / 1e6;
  if (survey == NULL)
    {
      g_printerr ("%s\n", error->message);
      return result;
    }

  result.ok = TRUE;
  result.n_rows = survey->n_rows;
  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);
      gsize size = 0;

      if (variable->column != NULL)
        evk_column_get_data (variable->column, &size);
      result.packed_bytes += size;
    }
  return result;
}

/* Runs reader in a child so that ru_maxrss measures it alone. */
static gboolean
run_in_child (Result    (*reader) (const char *path),
              const char *path,
              Result     *result,
              double     *cpu_seconds,
              glong      *peak_rss_kb)
{
  struct rusage usage;
  int fds[2];
  int status;
  pid_t pid;

  if (pipe (fds) != 0)
    return FALSE;
  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      Result child_result = reader (path);

      close (fds[0]);
      if (write (fds[1], &child_result, sizeof child_result) != sizeof child_result)
        _exit (2);
      _exit (0);
    }

  close (fds[1]);
  memset (result, 0, sizeof *result);
  if (read (fds[0], result, sizeof *result) != sizeof *result)
    result->ok = FALSE;
  close (fds[0]);
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return FALSE;
  *peak_rss_kb = usage.ru_maxrss;
  *cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                 usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 && result->ok;
}

static gboolean
measure (Result    (*reader) (const char *path),
         const char *path,
         Measure    *best,
         guint       round)
{
  Result result;
  double cpu;
  glong rss;

  if (!run_in_child (reader, path, &result, &cpu, &rss))
    return FALSE;
  if (round == 0 || result.seconds < best->seconds)
    best->seconds = result.seconds;
  if (round == 0 || cpu < best->cpu_seconds)
    best->cpu_seconds = cpu;
  if (round == 0 || rss > best->peak_rss_kb)
    best->peak_rss_kb = rss;
  best->packed_bytes = result.packed_bytes;
  best->n_rows = result.n_rows;
  return TRUE;
}

static gboolean
bench_file (const char          *dir,
            guint                n_rows,
            readstat_compress_t  compression)
{
  const char *kind = compression == READSTAT_COMPRESS_ROWS ? "row-compressed" : "uncompressed";
  g_autofree char *path = g_build_filename (dir, compression == READSTAT_COMPRESS_ROWS ?
                                                 "bench-rows.sav" : "bench-none.sav", NULL);
  Measure readstat = { 0 }, evalkit = { 0 };
  GStatBuf st;
  gint64 start = g_get_monotonic_time ();
  double time_ratio, cpu_ratio, memory_ratio;
  gboolean met;

  if (!write_survey (path, n_rows, compression) || g_stat (path, &st) != 0)
    {
      g_unlink (path);
      return FALSE;
    }
  printf ("# %u × %u labelled numeric, %s .sav: %.1f MB, written in %.1f s\n",
          n_rows, N_VARIABLES, kind, st.st_size / 1e6, (g_get_monotonic_time () - start) / 1e6);

  /* Alternate the two so that neither gets a warmer cache or machine. */
  for (guint round = 0; round < N_ROUNDS; round++)
    if (!measure (parse_with_readstat, path, &readstat, round) ||
        !measure (import_with_evalkit, path, &evalkit, round))
      {
        printf ("not ok import-spss %s: a reader failed\n", kind);
        g_unlink (path);
        return FALSE;
      }

  time_ratio = evalkit.seconds / readstat.seconds;
  cpu_ratio = evalkit.cpu_seconds / readstat.cpu_seconds;
  memory_ratio = evalkit.peak_rss_kb * 1024.0 / evalkit.packed_bytes;
  met = evalkit.n_rows == n_rows && time_ratio <= 1.5 && memory_ratio <= 2.0;
  /* CPU time is printed too: on a shared machine it varies less. */
  printf ("#   (a) ReadStat, empty callbacks: %.3f s wall, %.3f s CPU, peak RSS %.1f MB\n",
          readstat.seconds, readstat.cpu_seconds, readstat.peak_rss_kb / 1024.0);
  printf ("#   (b) evk_import_spss:           %.3f s wall, %.3f s CPU, peak RSS %.1f MB\n",
          evalkit.seconds, evalkit.cpu_seconds, evalkit.peak_rss_kb / 1024.0);
  printf ("#   wall (b)/(a) = %.2f (target ≤ 1.5), CPU %.2f; "
          "peak RSS / packed %.1f MB = %.2f (target ≤ 2)\n",
          time_ratio, cpu_ratio, evalkit.packed_bytes / 1e6, memory_ratio);
  printf ("%s import-spss %s: %.2f× ReadStat, %.2f× packed\n",
          met ? "ok" : "not ok", kind, time_ratio, memory_ratio);
  g_unlink (path);
  return met;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
bench_demo (void)
{
  const char *datadir = g_getenv ("EVALKIT_DATADIR");
  g_autofree char *path = g_build_filename (datadir != NULL ? datadir : SOURCE_DATADIR,
                                            "demo", "survey.sav", NULL);
  double times[7];
  guint n_rows = 0, n_variables = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      printf ("ok demo survey # SKIP %s does not exist\n", path);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkSurvey) survey = NULL;
      gint64 start = g_get_monotonic_time ();

      survey = evk_import_spss (path, "demo", "nb", NULL, NULL, NULL, &error);
      times[i] = (g_get_monotonic_time () - start) / 1e6;
      if (survey == NULL)
        {
          printf ("not ok demo survey: %s\n", error->message);
          return FALSE;
        }
      n_rows = survey->n_rows;
      n_variables = survey->variables->len;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  printf ("#   demo survey.sav (%u × %u): median %.4f s, best %.4f s, worst %.4f s "
          "(target < 0.1 s)\n",
          n_rows, n_variables, times[G_N_ELEMENTS (times) / 2], times[0],
          times[G_N_ELEMENTS (times) - 1]);
  printf ("%s import-spss demo: %.4f s\n", times[G_N_ELEMENTS (times) / 2] < 0.1 ? "ok" : "not ok",
          times[G_N_ELEMENTS (times) / 2]);
  return times[G_N_ELEMENTS (times) / 2] < 0.1;
}

int
main (int   argc,
      char *argv[])
{
  const char *rows_text = g_getenv ("EVK_BENCH_ROWS");
  const char *compression = g_getenv ("EVK_BENCH_COMPRESSION");
  guint n_rows = rows_text != NULL ? (guint) g_ascii_strtoull (rows_text, NULL, 10) : 1000000;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  gboolean met = TRUE;

  if (g_getenv ("EVK_BENCH") == NULL)
    {
      printf ("1..0 # SKIP set EVK_BENCH=1 to run the import benchmark\n");
      return 77;
    }
  if (compression == NULL)
    compression = "both";
  if ((dir = g_dir_make_tmp ("evk-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (compression, "rows") || g_str_equal (compression, "both"))
    met &= bench_file (dir, n_rows, READSTAT_COMPRESS_ROWS);
  if (g_str_equal (compression, "none") || g_str_equal (compression, "both"))
    met &= bench_file (dir, n_rows, READSTAT_COMPRESS_NONE);
  /* Last, in this process: the children must fork from a process in
   * which GIO has started no threads. */
  met &= bench_demo ();

  g_rmdir (dir);
  return met ? 0 : 1;
}
