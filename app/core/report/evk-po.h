/* evk-po.h: a project's translations as a gettext PO file, and back
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-translatable.h"

G_BEGIN_DECLS

#define EVK_PO_ERROR (evk_po_error_quark ())

typedef enum {
  EVK_PO_ERROR_SYNTAX,          /* not a PO file libgettextpo reads */
  EVK_PO_ERROR_OTHER_PROJECT,   /* X-Evalkit-Project names another project */
  EVK_PO_ERROR_LANGUAGE,        /* no, another or the source language */
} EvkPoError;

GQuark   evk_po_error_quark (void);

/* Writes every translatable string of the project in lang to a PO file at
 * path (replaced only when complete): one entry per string, msgctxt its
 * place key, a "#." comment with its place, the source as msgid and the
 * translation as msgstr; an outdated translation is fuzzy with the source
 * it was made from as "#| msgid". The header names the language and the
 * project (X-Evalkit-Project: its project_id). */
gboolean evk_po_export      (EvkProject            *project,
                             const char            *lang,
                             const char            *path,
                             GError               **error);

/* Reads a PO file written by evk_po_export (or a translator's tool from
 * it) and stores its translations, never its sources, in one transaction:
 * a fuzzy entry is stored as outdated, an empty one changes nothing, an
 * entry whose msgctxt the project lacks is counted in result->unknown. A
 * file for another project, without a language, for the source language
 * or (when expected_lang is not NULL) for another language is refused and
 * the project left as it was. A language the project lacks is added.
 * lang, when not NULL, receives the file's language. */
gboolean evk_po_import      (EvkProject            *project,
                             const char            *path,
                             const char            *expected_lang,
                             char                 **lang,
                             EvkTranslationResult  *result,
                             GError               **error);

G_END_DECLS
