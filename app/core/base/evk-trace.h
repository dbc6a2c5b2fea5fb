/* evk-trace.h: timed marks of the start-up, on request
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* With EVALKIT_TRACE_STARTUP set, prints "evalkit: 0.123 s (cpu 0.100 s)
 * WHAT" on standard error: the time since the first mark (main() makes
 * it) and the calling thread's CPU time since it started, so that where
 * the time to the window's first frame goes can be read off a real
 * launch. Costs one getenv otherwise. */
void evk_trace_mark (const char *what);

G_END_DECLS
