/* bench-gui.c: the window's speed targets (issues 6 and 21)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Launch: from the spawn of a fresh process to the first painted frame
 * that shows the overview's chart, with the demo project and with a
 * project on the demo survey resampled to 1,000,000 respondents (as
 * bench-scale makes it; EVK_BENCH_GUI_SIZES=100000,... replaces the
 * list), under GTK's GL renderer and its Cairo renderer. Each is measured
 * against a reference in the same run: a bare libadwaita window with one
 * drawing area, same size, same renderer, launched the same way: the
 * floor GTK itself costs (under Xvfb most of it is Mesa's software GL).
 * Launches alternate floor, demo, large, LAUNCHES rounds, so that the
 * load of a shared machine falls on all alike.
 *
 * What is judged is Evalkit's own share: the median over rounds of the
 * CPU time (user + system, all threads, so a thread started before the
 * frame counts) a launch took more than the floor's launch of its round.
 * The wall clock is printed beside it but not judged: on a machine
 * shared with other builds it stretches with the load (the floor's own
 * wall time went from 0.2 to 0.6 s between two runs of an afternoon),
 * and a difference of wall times stretches with it, where CPU times
 * moved by a few per cent. The targets (first frame under 0.3 s with the
 * demo, under 0.5 s with 1M) are for a desktop, where GTK's own start to
 * a first frame is about OWN_FLOOR_S; Evalkit's own share must fit in
 * what the target leaves: 0.3 − OWN_FLOOR_S with the demo, 0.5 −
 * OWN_FLOOR_S with the large project. That is judged under the Cairo
 * renderer; under GL it is printed, not judged: there Mesa's software
 * renderer compiles shaders for every kind of node the window draws
 * (shadows, rounded clips, text, textures) and rasterises them in its
 * own threads, a share that is the driver's and that moved from 0.16 to
 * 0.19 s of CPU with the load of the machine, too close to a limit to
 * hold a verdict.
 *
 * Group switch: a chart card's table recomputed for another group and
 * drawn at its on-screen size, under one frame (16 ms) of the main
 * thread's CPU time at worst (the wall clock, printed beside it, had the
 * worst of 40 switches over 16 ms whenever the machine was loaded); and
 * the time until that frame is on screen. Needs a display (xvfb-run):
 *
 *   EVK_BENCH=1 xvfb-run -a meson test -C _build --benchmark gui -v
 *
 * Without EVK_BENCH only the demo is launched (no large project is made);
 * EVK_BENCH_GUI_PROJECT=PATH launches an existing large project instead
 * of making one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-survey.h"
#include "evk-chart-card.h"
#include "evk-demo.h"
#include "evk-measure-page.h"
#include "evk-overview-page.h"
#include "evk-resources.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

#define DEMO_TARGET_S   0.3
#define LARGE_TARGET_S  0.5
#define OWN_FLOOR_S     0.1    /* GTK's own start to a first frame on a desktop */
#define LAUNCHES        7
#define CHILD_ENV       "EVK_BENCH_GUI_CHILD"      /* "floor", or the project to open */
#define SPAWNED_ENV     "EVK_BENCH_GUI_SPAWNED"    /* the parent's monotonic clock at the spawn */
#define SWITCH_LIMIT_MS 16.0
#define WIDTH           1366
#define HEIGHT          768

static guint n_tests;

/* ---- A launch, in the child ------------------------------------------- */

typedef struct {
  gboolean target_drawn;  /* what the frame must show was drawn */
  gboolean painted;       /* and a frame with it was painted */
  gint64   painted_at;
} Launch;

static void
target_drawn (gpointer  widget,
              Launch   *launch)
{
  launch->target_drawn = TRUE;
}

/* The frame is on screen once the frame clock has painted it, which is
 * after the widgets drew into it. */
static void
after_paint (GdkFrameClock *clock,
             Launch        *launch)
{
  if (launch->target_drawn && !launch->painted)
    {
      launch->painted = TRUE;
      launch->painted_at = g_get_monotonic_time ();
    }
}

static void
draw_floor (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        launch)
{
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_rectangle (cr, 10, 10, width / 2.0, height / 2.0);
  cairo_fill (cr);
  target_drawn (area, launch);
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Prints "frame: SECONDS cpu: SECONDS", from the parent's spawn. */
static int
run_child (const char *what)
{
  gint64 spawned = g_ascii_strtoll (g_getenv (SPAWNED_ENV), NULL, 10);
  Launch launch = { FALSE, FALSE, 0 };
  GtkWidget *window;

  if (!gtk_init_check ())
    return 77;
  adw_init ();
  if (g_str_equal (what, "floor"))
    {
      GtkWidget *area = gtk_drawing_area_new ();

      window = adw_application_window_new (NULL);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_floor, &launch, NULL);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), area);
      gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (what);
      EvkChartCard *card;

      evk_ui_load_app ();
      window = GTK_WIDGET (evk_window_new (NULL));
      gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
      evk_window_open_file (EVK_WINDOW (window), file);
      gtk_window_present (GTK_WINDOW (window));
      card = evk_overview_page_get_status_card (EVK_OVERVIEW_PAGE (_evk_window_get_page_widget (EVK_WINDOW (window))));
      g_signal_connect (card, "drawn", G_CALLBACK (target_drawn), &launch);
    }
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), &launch);
  if (!evk_ui_wait_for (&launch.painted, 20000))
    {
      g_printerr ("bench-gui: %s was never drawn\n", what);
      return EXIT_FAILURE;
    }
  g_print ("frame: %.4f cpu: %.4f\n", (launch.painted_at - spawned) / 1e6, cpu_seconds ());
  /* What comes after the first frame (the problems count of a large
   * project, say) is not waited for. */
  _exit (EXIT_SUCCESS);
}

/* ---- Launches, in the parent ------------------------------------------ */

typedef struct {
  const char *renderer;
  const char *label;      /* "floor", "demo", "1000000" */
  const char *project;    /* NULL for the floor */
  double      target;     /* 0 for the floor */
  double      wall[LAUNCHES];
  double      cpu[LAUNCHES];
  double      own_wall[LAUNCHES];
  double      own_cpu[LAUNCHES];
} Case;

static gboolean
launch_once (const char *self,
             const char *renderer,
             const char *what,
             double     *wall,
             double     *cpu)
{
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { self, NULL };
  g_autofree char *out = NULL, *spawned = NULL;
  g_autoptr(GError) error = NULL;
  const char *frame, *cpu_text;
  int wait_status;

  env = g_environ_setenv (env, CHILD_ENV, what, TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
  spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  env = g_environ_setenv (env, SPAWNED_ENV, spawned, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status, &error) ||
      (frame = strstr (out, "frame: ")) == NULL || (cpu_text = strstr (out, "cpu: ")) == NULL)
    {
      g_printerr ("bench-gui: %s launch of %s: %s\n", renderer, what, error != NULL ? error->message : out);
      return FALSE;
    }
  *wall = g_ascii_strtod (frame + strlen ("frame: "), NULL);
  *cpu = g_ascii_strtod (cpu_text + strlen ("cpu: "), NULL);
  return TRUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const double *values)
{
  double sorted[LAUNCHES];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, LAUNCHES, sizeof sorted[0], compare_double);
  return sorted[LAUNCHES / 2];
}

static double
minimum (const double *values)
{
  double min = values[0];

  for (guint i = 1; i < LAUNCHES; i++)
    min = MIN (min, values[i]);
  return min;
}

/* Launches every case LAUNCHES times, round by round, and judges each
 * project's own time against its target. */
static gboolean
measure_launches (const char *self,
                  GPtrArray  *projects,    /* label, path, label, path, … */
                  gboolean   *met)
{
  const char *renderers[] = { "gl", "cairo" };
  g_autoptr(GArray) cases = g_array_new (FALSE, TRUE, sizeof (Case));

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      Case floor_case = { renderers[r], "floor", NULL, 0 };

      g_array_append_val (cases, floor_case);
      for (guint p = 0; p < projects->len; p += 2)
        {
          const char *label = g_ptr_array_index (projects, p);
          Case c = { renderers[r], label, g_ptr_array_index (projects, p + 1),
                     g_str_equal (label, "demo") ? DEMO_TARGET_S : LARGE_TARGET_S };

          g_array_append_val (cases, c);
        }
    }

  for (guint round = 0; round < LAUNCHES; round++)
    for (guint i = 0; i < cases->len; i++)
      {
        Case *c = &g_array_index (cases, Case, i);

        if (!launch_once (self, c->renderer, c->project != NULL ? c->project : "floor",
                          &c->wall[round], &c->cpu[round]))
          return FALSE;
      }

  printf ("# launch to the first painted frame with the overview's chart, median of %u launches;\n"
          "# own: more than the floor's launch of the same round\n", LAUNCHES);
  printf ("# %-8s %-9s %8s %8s %8s %9s %9s %8s %9s\n", "renderer", "project", "wall s", "best s", "cpu s",
          "own wall", "own cpu", "target", "own limit");
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = &g_array_index (cases, Case, i);
      Case *floor_case = c;

      /* The floor of a case's renderer is the first case of its renderer. */
      while (floor_case->project != NULL)
        floor_case--;
      for (guint round = 0; round < LAUNCHES; round++)
        {
          c->own_wall[round] = c->wall[round] - floor_case->wall[round];
          c->own_cpu[round] = c->cpu[round] - floor_case->cpu[round];
        }
      if (c->project == NULL)
        printf ("# %-8s %-9s %8.3f %8.3f %8.3f %9s %9s %8s %9s\n", c->renderer, c->label, median (c->wall),
                minimum (c->wall), median (c->cpu), "(floor)", "", "", "");
      else
        printf ("# %-8s %-9s %8.3f %8.3f %8.3f %9.3f %9.3f %8.1f %9.2f\n", c->renderer, c->label,
                median (c->wall), minimum (c->wall), median (c->cpu), median (c->own_wall), median (c->own_cpu),
                c->target, c->target - OWN_FLOOR_S);
    }
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = &g_array_index (cases, Case, i);
      double own;
      gboolean ok;

      if (c->project == NULL)
        continue;
      own = median (c->own_cpu);
      ok = own <= c->target - OWN_FLOOR_S;
      if (!g_str_equal (c->renderer, "cairo"))
        {
          printf ("# %s first frame, %s: Evalkit's own %.3f s of CPU over GTK's floor (%s the limit of %.2f s; "
                  "printed, not judged)\n", c->renderer, c->label, own, ok ? "within" : "over",
                  c->target - OWN_FLOOR_S);
          continue;
        }
      printf ("%s %u %s first frame, %s: Evalkit's own %.3f s of CPU over GTK's floor (limit %.2f s; "
              "%.3f s wall in all)\n", ok ? "ok" : "not ok", ++n_tests, c->renderer, c->label, own,
              c->target - OWN_FLOOR_S, median (c->wall));
      if (!ok)
        *met = FALSE;
    }
  return TRUE;
}

/* ---- The group switch, in the parent ---------------------------------- */

static void
drawn (EvkChartCard *card,
       gboolean     *flag)
{
  *flag = TRUE;
}

static gboolean
wait_drawn (EvkChartCard *card)
{
  gboolean done = FALSE;
  gulong id = g_signal_connect (card, "drawn", G_CALLBACK (drawn), &done);
  gboolean ok = evk_ui_wait_for (&done, 5000);

  g_signal_handler_disconnect (card, id);
  return ok;
}

static gboolean
measure_group_switch (GFile *file)
{
  const char *groups[] = { "immigrant-organisations", "all", "used-any-offer", "managing-municipality" };
  const guint rounds = 40;
  double work_ms = 0, frame_ms = 0, worst_ms = 0, cpu_ms = 0, worst_cpu_ms = 0;
  EvkWindow *window;
  EvkChartCard *card;

  adw_init ();
  evk_ui_load_app ();
  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  evk_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_show_page (window, "measure:20");
  card = evk_measure_page_find_card (EVK_MEASURE_PAGE (_evk_window_get_page_widget (window)), "awareness", "7");
  wait_drawn (card);
  for (guint i = 0; i < rounds; i++)
    {
      GtkWidget *area = evk_chart_card_get_chart_area (card);
      int width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      double c0 = thread_cpu_ms (), c1;
      EvkChartHits *hits;
      double ms;

      /* The work of a switch: recompute, then draw at the on-screen size. */
      evk_chart_card_set_group (card, groups[i % G_N_ELEMENTS (groups)]);
      hits = evk_chart_card_draw (card, cr, width, height);
      t1 = g_get_monotonic_time ();
      c1 = thread_cpu_ms ();
      cpu_ms += c1 - c0;
      worst_cpu_ms = MAX (worst_cpu_ms, c1 - c0);
      evk_chart_hits_free (hits);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      /* And the frame that puts it on screen. */
      wait_drawn (card);
      t2 = g_get_monotonic_time ();
      ms = (t1 - t0) / 1e3;
      work_ms += ms;
      worst_ms = MAX (worst_ms, ms);
      frame_ms += (t2 - t0) / 1e3;
    }
  printf ("# group switch until the frame is on screen: %.2f ms mean\n", frame_ms / rounds);
  printf ("# group switch, recompute and draw, wall clock: %.2f ms mean, %.2f ms worst\n", work_ms / rounds,
          worst_ms);
  printf ("%s %u group switch, recompute and draw: %.2f ms of CPU mean, %.2f ms worst (limit %.0f ms)\n",
          worst_cpu_ms <= SWITCH_LIMIT_MS ? "ok" : "not ok", ++n_tests, cpu_ms / rounds, worst_cpu_ms,
          SWITCH_LIMIT_MS);
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  return worst_cpu_ms <= SWITCH_LIMIT_MS;
}

static void
remove_project (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *demo_path = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_free);
  const char *child = g_getenv (CHILD_ENV);
  const char *evalkit = argc > 1 ? argv[1] : NULL;
  gboolean met = TRUE;

  if (child != NULL)
    return run_child (child);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 77;
    }

  /* The projects are made beforehand, as a user has them on disk; making
   * them is not part of a launch. */
  dir = g_dir_make_tmp ("evk-bench-gui-XXXXXX", &error);
  demo_path = g_build_filename (dir, "demo.evalkit", NULL);
  project = evk_demo_create (demo_path, &error);
  if (project == NULL)
    {
      g_printerr ("bench-gui: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_clear_object (&project);
  g_ptr_array_add (projects, g_strdup ("demo"));
  g_ptr_array_add (projects, g_strdup (demo_path));
  if (g_getenv ("EVK_BENCH_GUI_PROJECT") != NULL)
    {
      /* An existing large project (EVK_BENCH_KEEP of bench-scale keeps
       * one), to compare builds without making it again. */
      g_ptr_array_add (projects, g_strdup ("large"));
      g_ptr_array_add (projects, g_strdup (g_getenv ("EVK_BENCH_GUI_PROJECT")));
    }
  else if (g_getenv ("EVK_BENCH") != NULL && evalkit != NULL)
    {
      const char *datadir = g_getenv ("EVALKIT_DATADIR");
      const char *sizes = g_getenv ("EVK_BENCH_GUI_SIZES");
      g_autofree char *sav = g_build_filename (datadir != NULL ? datadir : SOURCE_DATADIR, "demo", "survey.sav", NULL);
      g_autoptr(BenchSurvey) survey = bench_survey_read (sav);
      g_auto(GStrv) words = g_strsplit (sizes != NULL ? sizes : "1000000", ",", -1);

      for (guint i = 0; survey != NULL && words[i] != NULL; i++)
        {
          guint n_rows = (guint) g_ascii_strtoull (words[i], NULL, 10);
          char *path = g_strdup_printf ("%s/p-%u.evalkit", dir, n_rows);
          gint64 t0 = g_get_monotonic_time ();

          if (n_rows == 0 || !bench_survey_make_project (survey, evalkit, dir, n_rows, path))
            {
              printf ("not ok 1 a project of %s respondents could not be made\n", words[i]);
              return EXIT_FAILURE;
            }
          printf ("# %u respondents: project made in %.1f s\n", n_rows, (g_get_monotonic_time () - t0) / 1e6);
          g_ptr_array_add (projects, g_strdup_printf ("%u", n_rows));
          g_ptr_array_add (projects, path);
        }
    }

  if (!measure_launches (argv[0], projects, &met))
    met = FALSE;

  file = g_file_new_for_path (demo_path);
  if (!measure_group_switch (file))
    met = FALSE;

  /* Not a large project that was given: it is the caller's. */
  for (guint p = 1; p < projects->len; p += 2)
    if (g_strcmp0 (g_ptr_array_index (projects, p), g_getenv ("EVK_BENCH_GUI_PROJECT")) != 0)
      remove_project (g_ptr_array_index (projects, p));
  g_rmdir (dir);
  printf ("1..%u\n", n_tests);
  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}
