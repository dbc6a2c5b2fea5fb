/* evk-pdf-lang.h: the document language of a finished PDF, by incremental update
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* cairo 1.16 has no API for the catalog's /Lang, which screen readers and
 * hyphenating viewers need. This appends a new revision of the catalog
 * with /Lang (lang), a cross-reference section for it and a trailer that
 * points back to the previous one (/Prev): the bytes cairo wrote stay as
 * they are, as PDF's incremental updates intend. Errors name the path and
 * what could not be found. */
gboolean evk_pdf_set_language (const char  *path,
                               const char  *lang,
                               GError     **error);

G_END_DECLS
