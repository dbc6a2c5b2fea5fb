/* evk-trace.c: timed marks of the start-up, on request
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "evk-trace.h"

void
evk_trace_mark (const char *what)
{
  static gint64 start = -1;
  static int enabled = -1;
  struct timespec cpu = { 0, 0 };
  gint64 now;

  if (enabled < 0)
    enabled = g_getenv ("EVALKIT_TRACE_STARTUP") != NULL;
  if (!enabled)
    return;
  now = g_get_monotonic_time ();
  if (start < 0)
    start = now;
  /* The calling thread's CPU time beside the wall clock: on a loaded
   * machine it says what the work cost, the wall clock what it took. */
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  g_printerr ("evalkit: %.3f s (cpu %.3f s)  %s\n", (now - start) / 1e6, cpu.tv_sec + cpu.tv_nsec / 1e9, what);
}
