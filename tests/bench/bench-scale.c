/* bench-scale.c: the evalkit commands on a realistic survey of 10k to 5M respondents
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo survey (data/demo/survey.sav: 90 numeric and 16 text
 * variables, free-text answers, ids and contact fields, with all their
 * labels and missing codes) is resampled with a fixed seed to 10,000,
 * 100,000 and 1,000,000 respondents (and 5,000,000 with EVK_BENCH_5M) and
 * written as .sav with ReadStat's writer; each size becomes a project
 * (`evalkit demo`, then `evalkit import-survey` of the resampled file in
 * place of the demo's survey). Then the built `evalkit` binary is run, so
 * that process start, opening the file and everything else a user waits
 * for is counted, and each run is measured by the wall clock and by the
 * peak RSS that getrusage reports for the child:
 *
 *   --help            the reference: a bare process start
 *   info, variables   the dictionary only
 *   table frequency q72, table awareness 7   one and two columns
 *   report --lang all  the whole report, both languages
 *   import-survey     against its reference, ReadStat's bare parse of the
 *                     same file (empty callbacks, in a child)
 *
 * Every command is also run on the demo project itself (5,103), so that a
 * size is compared with the demo measured in the same run. The best wall
 * time of up to N_ROUNDS runs counts (fewer when a command is slow), and
 * the best CPU time (user + system) is printed beside it, as it varies
 * less on a shared machine; the largest peak RSS is printed. A scaling
 * table closes the output.
 *
 *   EVK_BENCH=1 meson test -C _build --benchmark scale -v
 *   EVK_BENCH=1 EVK_BENCH_5M=1 meson test -C _build --benchmark scale -v
 *
 * EVK_BENCH_SIZES=10000,100000 replaces the list of sizes; EVK_BENCH_KEEP
 * keeps the projects and the files imported (and says where). Targets (issue
 * 21), each printed as a TAP line, exit 1 when one is missed:
 *   - info, variables and both tables at 1M and above: under 0.2 s, and
 *     peak RSS within 32 MB of the bare start plus twice the columns read;
 *   - the report at 1M: at most twice the demo's, measured in this run;
 *   - the import at 1M and above: within 1.5 × ReadStat's bare parse of
 *     the same file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-survey.h"

#define N_ROUNDS      5
#define ROUND_SECONDS 20.0   /* no further round once the rounds so far took this long */

/* ---- Measuring ------------------------------------------------------ */

typedef struct {
  double seconds;      /* best wall time */
  double cpu_seconds;  /* best user + system time: steadier on a shared machine */
  double peak_rss_mb;  /* largest peak RSS */
  guint  rounds;
  gboolean ok;
} Measure;

static const char *evalkit_path;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
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
ignore_variable (int                  index,
                 readstat_variable_t *variable,
                 const char          *val_labels,
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

/* ReadStat's bare parse: what any reader of the file must at least do. */
static int
readstat_parse_only (const char *path)
{
  readstat_parser_t *parser = readstat_parser_init ();
  readstat_error_t rc;

  readstat_set_variable_handler (parser, ignore_variable);
  readstat_set_value_handler (parser, ignore_value);
  readstat_set_value_label_handler (parser, ignore_value_label);
  rc = readstat_parse_sav (parser, path, NULL);
  readstat_parser_free (parser);
  return rc == READSTAT_OK ? 0 : 1;
}

/* One run in a child: the evalkit binary with args, or (args NULL) the
 * bare ReadStat parse of parse_path. Output goes to /dev/null; the
 * child's last error lines are kept for a failure message. */
static gboolean
run_once (const char * const *args,
          const char         *parse_path,
          const char         *log_path,
          double             *seconds,
          double             *cpu_seconds,
          double             *peak_rss_mb)
{
  struct rusage usage;
  double start;
  int status;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  start = now ();
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY);
      int log_fd = open (log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      dup2 (null_fd, STDOUT_FILENO);
      dup2 (log_fd, STDERR_FILENO);
      if (args == NULL)
        _exit (readstat_parse_only (parse_path));
      execv (evalkit_path, (char * const *) args);
      _exit (127);
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return FALSE;
  *seconds = now () - start;
  *cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                 usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  *peak_rss_mb = usage.ru_maxrss / 1024.0;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* before runs ahead of each round and is not timed (an import needs a
 * fresh project each time). */
static Measure
measure (const char * const *args,
         const char         *parse_path,
         const char         *log_path,
         const char * const *before,
         guint               max_rounds)
{
  Measure m = { G_MAXDOUBLE, G_MAXDOUBLE, 0, 0, TRUE };
  double spent = 0;

  for (guint round = 0; round < max_rounds && (round == 0 || spent < ROUND_SECONDS); round++)
    {
      double seconds, cpu, rss, ignored_s, ignored_cpu, ignored_rss;

      if (before != NULL && !run_once (before, NULL, log_path, &ignored_s, &ignored_cpu, &ignored_rss))
        {
          m.ok = FALSE;
          break;
        }
      if (!run_once (args, parse_path, log_path, &seconds, &cpu, &rss))
        {
          m.ok = FALSE;
          break;
        }
      m.seconds = MIN (m.seconds, seconds);
      m.cpu_seconds = MIN (m.cpu_seconds, cpu);
      m.peak_rss_mb = MAX (m.peak_rss_mb, rss);
      m.rounds++;
      spent += seconds;
    }
  if (!m.ok)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      printf ("# %s %s failed: %s\n", args != NULL ? args[1] : "parse",
              args != NULL && args[2] != NULL ? args[2] : "", log != NULL ? log : "");
    }
  return m;
}

/* ---- The runs ------------------------------------------------------- */

enum {
  ROW_HELP,
  ROW_INFO,
  ROW_VARIABLES,
  ROW_TABLE1,
  ROW_TABLE2,
  ROW_REPORT,
  ROW_PARSE,
  ROW_IMPORT,
  N_ROWS_TABLE
};

static const char * const row_names[] = {
  "--help (process start)",
  "info",
  "variables",
  "table frequency q72",
  "table awareness 7",
  "report --lang all",
  "ReadStat bare parse",
  "import-survey",
};

typedef struct {
  guint   n_rows;      /* 0: the demo project as `evalkit demo` makes it */
  Measure m[N_ROWS_TABLE];
  double  sav_mb;
  double  project_mb;
} Size;

static gboolean
run_size (Size       *size,
          const char *dir,
          const char *demo_dir,
          BenchSurvey     *source)
{
  g_autofree char *label = size->n_rows == 0 ? g_strdup ("demo") : g_strdup_printf ("%u", size->n_rows);
  g_autofree char *project = g_strdup_printf ("%s/p-%s.evalkit", dir, label);
  g_autofree char *sav = g_strdup_printf ("%s/s-%s.sav", dir, label);
  g_autofree char *pdf = g_strdup_printf ("%s/r-%s.pdf", dir, label);
  g_autofree char *log = g_strdup_printf ("%s/log", dir);
  g_autofree char *demo_meta = g_build_filename (demo_dir, "survey-meta.ini", NULL);
  g_autofree char *meta = g_strdup_printf ("%s/meta-%s.ini", dir, label);
  g_autofree char *codebook = g_build_filename (demo_dir, "codebook.csv", NULL);
  g_autofree char *rm_project = g_strdup_printf ("rm -f '%s'", project);
  const char *help[] = { "evalkit", "--help", NULL };
  const char *demo[] = { "evalkit", "demo", project, NULL };
  const char *import[] = { "evalkit", "import-survey", project, sav, "--name", "survey",
                           "--meta", meta, "--codebook", codebook, NULL };
  const char *info[] = { "evalkit", "info", project, NULL };
  const char *variables[] = { "evalkit", "variables", project, NULL };
  const char *table1[] = { "evalkit", "table", project, "frequency", "q72", NULL };
  const char *table2[] = { "evalkit", "table", project, "awareness", "7", NULL };
  const char *report[] = { "evalkit", "report", project, "--lang", "all", "--out", pdf, NULL };
  gboolean big = size->n_rows >= 1000000;
  GStatBuf st;
  double t0 = now ();

  g_unlink (project);
  size->m[ROW_HELP] = measure (help, NULL, log, NULL, N_ROUNDS);
  if (size->n_rows == 0)
    {
      size->m[ROW_PARSE].ok = size->m[ROW_IMPORT].ok = FALSE;
      if (!run_once (demo, NULL, log, &(double) { 0 }, &(double) { 0 }, &(double) { 0 }))
        return FALSE;
    }
  else
    {
      if (!bench_survey_write_sav (source, sav, size->n_rows) ||
          !bench_survey_write_meta (demo_meta, meta, size->n_rows, source->n_rows))
        return FALSE;
      size->sav_mb = g_stat (sav, &st) == 0 ? st.st_size / 1e6 : 0;
      printf ("# %s: resampled .sav %.1f MB written in %.1f s\n", label, size->sav_mb, now () - t0);
      /* Import against ReadStat's parse, alternating, each import into a
       * fresh demo project (made before the round, not timed). */
      size->m[ROW_PARSE] = measure (NULL, sav, log, NULL, big ? 2 : N_ROUNDS);
      {
        Measure best = { G_MAXDOUBLE, G_MAXDOUBLE, 0, 0, TRUE };

        for (guint round = 0; round < (big ? 2u : (guint) N_ROUNDS) && best.ok; round++)
          {
            Measure one;

            g_unlink (project);
            if (!run_once (demo, NULL, log, &(double) { 0 }, &(double) { 0 }, &(double) { 0 }))
              return FALSE;
            one = measure (import, NULL, log, NULL, 1);
            best.ok = one.ok;
            best.seconds = MIN (best.seconds, one.seconds);
            best.cpu_seconds = MIN (best.cpu_seconds, one.cpu_seconds);
            best.peak_rss_mb = MAX (best.peak_rss_mb, one.peak_rss_mb);
            best.rounds++;
          }
        size->m[ROW_IMPORT] = best;
      }
      if (g_getenv ("EVK_BENCH_KEEP") == NULL)
        g_unlink (sav);
      if (!size->m[ROW_IMPORT].ok)
        return FALSE;
    }
  size->project_mb = g_stat (project, &st) == 0 ? st.st_size / 1e6 : 0;

  size->m[ROW_INFO] = measure (info, NULL, log, NULL, N_ROUNDS);
  size->m[ROW_VARIABLES] = measure (variables, NULL, log, NULL, N_ROUNDS);
  size->m[ROW_TABLE1] = measure (table1, NULL, log, NULL, N_ROUNDS);
  size->m[ROW_TABLE2] = measure (table2, NULL, log, NULL, N_ROUNDS);
  if (g_getenv ("EVK_BENCH_NO_REPORT") == NULL)
    size->m[ROW_REPORT] = measure (report, NULL, log, NULL, big ? 1 : N_ROUNDS);
  else
    size->m[ROW_REPORT].ok = FALSE;
  printf ("# %s: project %.1f MB, measured in %.1f s\n", label, size->project_mb, now () - t0);
  g_unlink (pdf);
  {
    g_autofree char *en = g_strdup_printf ("%s/r-%s.en.pdf", dir, label);

    g_unlink (en);
  }
  /* EVK_BENCH_KEEP keeps the projects, to profile a command on them. */
  if (g_getenv ("EVK_BENCH_KEEP") == NULL)
    g_unlink (project);
  else
    printf ("# kept %s\n", project);
  g_unlink (log);
  if (g_getenv ("EVK_BENCH_KEEP") == NULL)
    g_unlink (meta);
  return TRUE;
}

static void
print_table (Size  *sizes,
             guint  n_sizes)
{
  printf ("#\n# %-24s", "respondents");
  for (guint s = 0; s < n_sizes; s++)
    {
      g_autofree char *label = sizes[s].n_rows == 0 ? g_strdup ("5,103 (demo)")
                                                    : g_strdup_printf ("%u", sizes[s].n_rows);
      printf (" | %23s", label);
    }
  printf ("\n# %-24s", "");
  for (guint s = 0; s < n_sizes; s++)
    printf (" | %7s %7s %7s", "wall s", "cpu s", "peak MB");
  printf ("\n");
  for (guint r = 0; r < N_ROWS_TABLE; r++)
    {
      printf ("# %-24s", row_names[r]);
      for (guint s = 0; s < n_sizes; s++)
        {
          Measure *m = &sizes[s].m[r];

          if (m->rounds == 0)
            printf (" | %23s", "–");
          else
            printf (" | %7.3f %7.3f %7.1f", m->seconds, m->cpu_seconds, m->peak_rss_mb);
        }
      printf ("\n");
    }
  printf ("# %-24s", "project file MB");
  for (guint s = 0; s < n_sizes; s++)
    printf (" | %23.1f", sizes[s].project_mb);
  printf ("\n#\n");
}

static guint n_tests, n_failed;

static void
check (gboolean    met,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static void
check (gboolean    met,
       const char *format,
       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("%s %u %s\n", met ? "ok" : "not ok", ++n_tests, text);
  n_failed += !met;
}

/* The columns a command reads, as they are packed (numeric answers of
 * the demo are small codes: one byte per respondent). */
static double
columns_mb (guint n_rows,
            guint n_columns)
{
  return n_rows * (double) n_columns / (1024.0 * 1024.0);
}

static void
check_targets (Size  *sizes,
               guint  n_sizes)
{
  Size *demo = &sizes[0];

  for (guint s = 1; s < n_sizes; s++)
    {
      Size *size = &sizes[s];
      double start = size->m[ROW_HELP].seconds, start_mb = size->m[ROW_HELP].peak_rss_mb;
      static const guint commands[] = { ROW_INFO, ROW_VARIABLES, ROW_TABLE1, ROW_TABLE2 };
      static const guint n_columns[] = { 0, 0, 1, 2 };

      /* Below a million respondents an import is mostly what every
       * import costs whatever its size (the project's open and commit,
       * the codebook, the metadata), which a parse of the file alone does
       * not: the ratio is measured where the data decide it. */
      if (size->n_rows >= 1000000 && size->m[ROW_IMPORT].ok && size->m[ROW_PARSE].ok)
        check (size->m[ROW_IMPORT].seconds <= 1.5 * size->m[ROW_PARSE].seconds,
               "import %u: %.3f s = %.2f × ReadStat's parse (%.3f s; target ≤ 1.5)",
               size->n_rows, size->m[ROW_IMPORT].seconds,
               size->m[ROW_IMPORT].seconds / size->m[ROW_PARSE].seconds, size->m[ROW_PARSE].seconds);
      if (size->n_rows < 1000000)
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          Measure *m = &size->m[commands[c]];
          double limit_mb = start_mb + 32 + 2 * columns_mb (size->n_rows, n_columns[c]);

          check (m->ok && m->seconds < 0.2,
                 "%s %u: %.3f s (process start %.3f s; target < 0.2 s)",
                 row_names[commands[c]], size->n_rows, m->seconds, start);
          check (m->ok && m->peak_rss_mb <= limit_mb,
                 "%s %u: peak RSS %.1f MB (process start %.1f MB; target ≤ %.1f MB)",
                 row_names[commands[c]], size->n_rows, m->peak_rss_mb, start_mb, limit_mb);
        }
      if (size->n_rows == 1000000 && size->m[ROW_REPORT].ok && demo->m[ROW_REPORT].ok)
        check (size->m[ROW_REPORT].seconds <= 2 * demo->m[ROW_REPORT].seconds,
               "report %u: %.3f s = %.1f × the demo's %.3f s (target ≤ 2; CPU %.1f ×)",
               size->n_rows, size->m[ROW_REPORT].seconds,
               size->m[ROW_REPORT].seconds / demo->m[ROW_REPORT].seconds, demo->m[ROW_REPORT].seconds,
               size->m[ROW_REPORT].cpu_seconds / demo->m[ROW_REPORT].cpu_seconds);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *datadir = g_getenv ("EVALKIT_DATADIR");
  const char *sizes_text = g_getenv ("EVK_BENCH_SIZES");
  g_autofree char *demo_dir = g_build_filename (datadir != NULL ? datadir : SOURCE_DATADIR, "demo", NULL);
  g_autofree char *sav = g_build_filename (demo_dir, "survey.sav", NULL);
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, TRUE, sizeof (Size));
  g_autoptr(BenchSurvey) source = NULL;

  if (g_getenv ("EVK_BENCH") == NULL)
    {
      printf ("1..0 # SKIP set EVK_BENCH=1 to run the scaling benchmark\n");
      return 77;
    }
  if (argc < 2 || !g_file_test (argv[1], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("usage: bench-scale PATH-TO-EVALKIT\n");
      return 1;
    }
  evalkit_path = argv[1];
  if ((source = bench_survey_read (sav)) == NULL)
    return 1;
  if ((dir = g_dir_make_tmp ("evk-bench-scale-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_array_set_size (sizes, 1);
  if (sizes_text != NULL)
    {
      g_auto(GStrv) words = g_strsplit (sizes_text, ",", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          Size size = { (guint) g_ascii_strtoull (words[i], NULL, 10) };

          if (size.n_rows > 0)
            g_array_append_val (sizes, size);
        }
    }
  else
    {
      static const guint defaults[] = { 10000, 100000, 1000000, 5000000 };

      for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
        if (defaults[i] < 5000000 || g_getenv ("EVK_BENCH_5M") != NULL)
          {
            Size size = { defaults[i] };

            g_array_append_val (sizes, size);
          }
    }

  printf ("# demo survey: %u respondents × %u variables\n", source->n_rows, source->variables->len);
  for (guint s = 0; s < sizes->len; s++)
    if (!run_size (&g_array_index (sizes, Size, s), dir, demo_dir, source))
      {
        printf ("not ok 1 size %u could not be measured\n", g_array_index (sizes, Size, s).n_rows);
        g_rmdir (dir);
        return 1;
      }
  if (g_getenv ("EVK_BENCH_KEEP") == NULL)
    g_rmdir (dir);

  print_table ((Size *) sizes->data, sizes->len);
  check_targets ((Size *) sizes->data, sizes->len);
  printf ("1..%u\n", n_tests);
  return n_failed == 0 ? 0 : 1;
}
