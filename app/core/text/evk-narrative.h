/* evk-narrative.h: the report's narrative: Markdown files per part and language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"

G_BEGIN_DECLS

/* The narrative lives in the project as texts (see data/narrative-format.md
 * for the files, and EVK_NARRATIVE_ENTITY_* in evk-project.h). */

typedef struct {
  char  *key;
  char  *text;    /* Markdown, without its marker line */
  guint  line;    /* of the marker, 1-based */
} EvkNarrativeSection;

/* Splits a file's contents at its <!-- section: KEY --> markers. Errors
 * name file and line. */
GPtrArray *evk_narrative_split        (const char   *contents,
                                       const char   *file,
                                       GError      **error);
void       evk_narrative_section_free (EvkNarrativeSection *section);

/* Imports DIR/LANG/NAME.md for every project language, the source language
 * as the source of each text and the others as its translations, in one
 * transaction. A translated file or section that is missing is left as a
 * missing translation; one without a source is an error. */
gboolean   evk_narrative_import_dir   (EvkProject   *project,
                                       const char   *dir,
                                       GError      **error);

/* The same in two steps, so that a caller can check every chapter
 * section against its outline first (check may be NULL; file is
 * "LANG/NAME.md", name "NAME") and store the texts inside its own
 * transaction. */
typedef struct _EvkNarrativeImport EvkNarrativeImport;
typedef gboolean (*EvkNarrativeCheckFunc) (const char  *file,
                                           const char  *name,
                                           const char  *section,
                                           guint        line,
                                           gpointer     user_data,
                                           GError     **error);

EvkNarrativeImport *evk_narrative_read_dir    (EvkProject             *project,
                                               const char             *dir,
                                               EvkNarrativeCheckFunc   check,
                                               gpointer                check_data,
                                               GError                **error);
gboolean   evk_narrative_import_store (EvkNarrativeImport  *import,
                                       EvkStore            *store,
                                       GError             **error);
void       evk_narrative_import_free  (EvkNarrativeImport  *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkNarrativeImport, evk_narrative_import_free)

/* The field a chapter section is stored under: "chapter:NAME:KEY". */
char      *evk_narrative_chapter_field (const char  *name,
                                        const char  *key);

G_END_DECLS
