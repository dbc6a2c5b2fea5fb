/* evk-csv-reader.h: reads CSV files of any common dialect as UTF-8 records
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-import-error.h"

G_BEGIN_DECLS

typedef struct _EvkCsvReader EvkCsvReader;

/* Reads the whole file; detects and strips a UTF-8 byte order mark; decodes
 * UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (a file that is
 * mostly UTF-8 with a few bad bytes is an error, not Windows-1252); refuses
 * binary files (NUL bytes), UTF-16 and empty files; detects the separator
 * (',' ';' or tab) from the header line, counting outside quotes. Errors
 * (EVK_IMPORT_ERROR) name the file. */
EvkCsvReader *evk_csv_reader_open         (const char    *path,
                                           GError       **error);
/* The next record as a GPtrArray of UTF-8 strings (transfer none, valid
 * until the next call; the caller may change them in place, e.g. trim
 * them); FALSE at the end (*fields NULL, no error) or on error, and the
 * same error on every later call. Quoted fields may hold separators,
 * doubled quotes and newlines (a CR LF inside a quoted field becomes LF).
 * Lines end at LF, CR LF or CR. Fields are not trimmed. Blank lines are
 * skipped. Quoting follows RFC 4180 strictly: a quote inside an unquoted
 * field, or text after a closing quote, is an error naming the line. */
gboolean      evk_csv_reader_next         (EvkCsvReader  *reader,
                                           GPtrArray    **fields,
                                           GError       **error);
/* The 1-based line on which the last record began. */
guint         evk_csv_reader_get_line     (EvkCsvReader  *reader);
char          evk_csv_reader_get_separator (EvkCsvReader *reader);
/* "UTF-8" or "Windows-1252". */
const char   *evk_csv_reader_get_encoding (EvkCsvReader  *reader);
const char   *evk_csv_reader_get_path     (EvkCsvReader  *reader);
/* The file's name for messages ("survey.csv"). */
const char   *evk_csv_reader_get_display_name (EvkCsvReader *reader);
/* How much of the file has been read, 0 to 1, for progress reports. */
double        evk_csv_reader_get_fraction (EvkCsvReader  *reader);
void          evk_csv_reader_free         (EvkCsvReader  *reader);

/* Parses "8,4", "8.4", "-3", " 5 103 " (space, no-break space or narrow
 * no-break space between groups of three digits), "1e3"; with decimal_comma
 * both ',' and '.' are decimal marks, without it only '.'. A comma is never
 * a thousands separator. FALSE if text is not a finite number. */
gboolean      evk_csv_parse_number        (const char    *text,
                                           gboolean       decimal_comma,
                                           double        *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkCsvReader, evk_csv_reader_free)

G_END_DECLS
