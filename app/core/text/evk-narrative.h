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
 * for the files): a measure's section KEY is entity "measure" (the
 * measure's row id), field "section:KEY"; a chapter file NAME.md's section
 * KEY is entity "project", id 0, field "chapter:NAME:KEY". */

#define EVK_NARRATIVE_ENTITY_PROJECT "project"
#define EVK_NARRATIVE_ENTITY_MEASURE "measure"

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

/* The row id of measure number (the entity id of its texts), or -1 with
 * an error when the project has no such measure. */
gint64     evk_narrative_measure_id    (EvkStore    *store,
                                        guint        number,
                                        GError     **error);

/* The field a chapter section is stored under: "chapter:NAME:KEY". */
char      *evk_narrative_chapter_field (const char  *name,
                                        const char  *key);

G_END_DECLS
