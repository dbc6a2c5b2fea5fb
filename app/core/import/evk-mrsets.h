/* evk-mrsets.h: SPSS multiple-response sets, read from a system file's dictionary
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-import-error.h"
#include "evk-survey.h"

G_BEGIN_DECLS

/* ReadStat 1.1.8 does not report multiple-response sets, so the records that
 * hold them (type 7, subtype 7 for C and D sets, subtype 19 for E sets) are
 * read here. */

/* Parses the bytes of one multiple-response record, in the file's encoding
 * (an iconv name; NULL means UTF-8), and adds its sets to survey, whose
 * variables must already be there. The record names variables by their short
 * names in lowercase: long_names maps casefolded short names to the survey's
 * names (record 7 subtype 13; NULL when the file has none), and names it
 * lacks match the survey's case-insensitively. Sets naming fewer than two
 * variables are skipped, and a set whose name is taken keeps the first, as in
 * SPSS and PSPP. Errors are EVK_IMPORT_ERROR and name the set. */
gboolean evk_mrsets_parse (const char  *data,
                           gsize        length,
                           const char  *encoding,
                           GHashTable  *long_names,
                           const char  *lang,
                           EvkSurvey   *survey,
                           GError     **error);

/* Reads the dictionary of the SPSS system file (.sav or .zsav) at path and
 * adds its multiple-response sets to survey. encoding is the file's, as
 * ReadStat reports it; NULL to take the file's encoding record, else UTF-8.
 * Errors do not name the file: the caller prefixes it. */
gboolean evk_mrsets_read  (const char  *path,
                           const char  *encoding,
                           const char  *lang,
                           EvkSurvey   *survey,
                           GError     **error);

/* Walks the dictionary of the SPSS system file at path, as evk_mrsets_read
 * does, only to find where it is damaged: when ReadStat refuses a file
 * before its data, its own message names no place, and this error names
 * the variable ("variable 3 (Q17_3): …") or the byte where the damaged
 * record begins. TRUE when the dictionary reads to its end, or when even
 * its header does not read (ReadStat's message says so). */
gboolean evk_mrsets_check_dictionary (const char  *path,
                                      GError     **error);

G_END_DECLS
