/* evk-translatable.h: every string of a project a translator translates
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"

G_BEGIN_DECLS

/* What a string is, for filtering. */
typedef enum {
  EVK_TRANSLATABLE_STRATEGY,    /* goals, measures, statuses, types, bodies */
  EVK_TRANSLATABLE_NARRATIVE,   /* measure sections, chapter sections */
  EVK_TRANSLATABLE_SURVEY,      /* surveys, variables, value labels, sets, offers, groups */
  EVK_TRANSLATABLE_CHART,       /* captions and alt texts */
  EVK_TRANSLATABLE_REPORT,      /* title page fields, outline titles, figures */
  EVK_TRANSLATABLE_REPORT_WORD, /* the report's own words ("Figure", month names) */
  EVK_N_TRANSLATABLE_KINDS
} EvkTranslatableKind;

/* One translatable string in one language. */
typedef struct {
  /* The stable place key, the PO msgctxt: "measure/20/section:results",
   * "goal/1/title", "variable/SURVEY/q17_3/label",
   * "value/SURVEY/q17_3/4/label", "chart/KEY/caption",
   * "project/chapter:results:text", "report-word/Report/Figure". Parts
   * are escaped with %XX for '/' and '%'. */
  char                *key;
  char                *place;        /* "Measure 20 · Results", in the UI's language */
  EvkTranslatableKind  kind;
  char                *source;       /* the source language's text */
  char                *translation;  /* NULL when missing */
  EvkTextState         state;
  /* For an outdated translation, the source text it was made from when
   * that is known (NULL otherwise). */
  char                *previous_source;
} EvkTranslatable;

typedef struct {
  guint done;
  guint outdated;
  guint missing;
} EvkTranslationCounts;

void         evk_translatable_free        (EvkTranslatable      *unit);
/* "strategy", "narrative", "survey", "chart", "report", "report-word". */
const char  *evk_translatable_kind_to_string (EvkTranslatableKind kind);

/* Every translatable string of the project in lang (EvkTranslatable), in
 * a stable order (report words last). lang must be a language of the
 * project other than the source language. counts may be NULL. */
GPtrArray   *evk_translatables_list       (EvkProject           *project,
                                           const char           *lang,
                                           EvkTranslationCounts *counts,
                                           GError              **error);
/* Only the counts. */
gboolean     evk_translatables_count      (EvkProject           *project,
                                           const char           *lang,
                                           EvkTranslationCounts *counts,
                                           GError              **error);

/* Sets the translation of the string at key in lang (current against its
 * source); an empty or NULL translation removes it. One transaction;
 * emits "changed" with "texts". */
gboolean     evk_translatable_set         (EvkProject           *project,
                                           const char           *lang,
                                           const char           *key,
                                           const char           *translation,
                                           GError              **error);
/* Marks an outdated translation as still valid: its fingerprint follows
 * the source, its text stays. */
gboolean     evk_translatable_confirm     (EvkProject           *project,
                                           const char           *lang,
                                           const char           *key,
                                           GError              **error);

/* Several translations at once, as a PO file brings them. */
typedef struct {
  const char *key;
  const char *translation;       /* empty: left as it is */
  gboolean    fuzzy;             /* stored as outdated */
  const char *previous_source;   /* a fuzzy entry's previous source, or NULL */
} EvkTranslationUpdate;

typedef struct {
  guint updated;                 /* rows written */
  guint unchanged;
  guint unknown;                 /* keys the project does not have */
} EvkTranslationResult;

/* Applies updates (EvkTranslationUpdate, in order) to lang in one
 * transaction; adds lang to the project first if it lacks it. Nothing is
 * written when nothing changes (newlines around a text do not count). Emits "changed" with "texts". */
gboolean     evk_translatables_apply      (EvkProject           *project,
                                           const char           *lang,
                                           GArray               *updates,
                                           EvkTranslationResult *result,
                                           GError              **error);

/* Adds a report language to the project (no error if it has it). */
gboolean     evk_project_add_report_language (EvkProject        *project,
                                           const char           *lang,
                                           GError              **error);

/* Installs the project's own report words (see evk_words_set_overrides):
 * a word the project sets is printed instead of the words file's. Done
 * by every call above that changes them; call it after opening. */
gboolean     evk_translatables_use_project_words (EvkProject    *project,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkTranslatable, evk_translatable_free)

G_END_DECLS
