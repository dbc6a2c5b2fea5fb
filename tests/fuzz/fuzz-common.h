/* fuzz-common.h: what the libFuzzer targets share
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* The two entry points of every target (libFuzzer's, or fuzz-replay.c's
 * main when the targets only replay their corpora). */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Once per process: warnings and criticals abort (a g_return_if_fail that
 * fires is a bug the fuzzer should report), messages in C, the demo data
 * found from the source tree. */
void        evk_fuzz_init          (void);
/* A directory of our own under $TMPDIR (tmpfs is best: targets write files
 * for each input), removed at exit. */
const char *evk_fuzz_dir           (void);
/* Writes data to NAME in evk_fuzz_dir () and returns the path (owned by
 * the caller). */
char       *evk_fuzz_write         (const char    *name,
                                    const guint8  *data,
                                    gsize          size);
/* The input as a NUL-terminated string (NULs inside end it early). */
char       *evk_fuzz_string        (const guint8  *data,
                                    gsize          size);
/* A small valid project, built once per process: the demo evaluation
 * (strategy, survey with its metadata, document review, narrative,
 * charts) with its survey cut to 200 respondents, so that a table takes
 * microseconds. Returns its path; callers that change it copy it first
 * (evk_fuzz_copy_project). */
const char *evk_fuzz_project_path  (void);
/* A fresh copy of that project at NAME in evk_fuzz_dir (). */
char       *evk_fuzz_copy_project  (const char    *name);

G_END_DECLS
