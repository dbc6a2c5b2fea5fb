/* evk-report-outline.h: the report's outline, title page and figures as project data
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-chart-kind.h"
#include "evk-project.h"

G_BEGIN_DECLS

/* What a part of the report is. Narrative chapters are the evaluator's
 * text; the others are generated from the project and print only what its
 * data allows (no survey: no method tables, no questionnaire). */
typedef enum {
  EVK_PART_CHAPTER,        /* narrative: sections of Markdown */
  EVK_PART_CONTENTS,       /* the table of contents */
  EVK_PART_GOALS,          /* one chapter per goal: measures table, measure sections */
  EVK_PART_METHOD,         /* data sources with N and response rate, representativity */
  EVK_PART_STATUS,         /* the measures' status per goal: table and chart */
  EVK_PART_DOCUMENTS,      /* the document review's findings */
  EVK_PART_REFERENCES,     /* narrative, set as a reference list */
  EVK_PART_ABBREVIATIONS,  /* the responsible bodies' abbreviations */
  EVK_PART_QUESTIONNAIRE,  /* the appendix generated from the codebook */
  EVK_N_PART_KINDS
} EvkPartKind;

typedef struct {
  char       *key;
  gboolean    heading;     /* FALSE: the part's introduction, no heading */
  GStrv       include;     /* generated tables after the text (evk_outline_includes) */
  GHashTable *title;       /* localized */
} EvkOutlineSection;

typedef struct {
  char        *key;
  EvkPartKind  kind;
  gboolean     numbered;
  GHashTable  *title;      /* localized; empty: the kind's own heading */
  GHashTable  *options;    /* option name → value, see evk_part_kind_options */
  GPtrArray   *sections;   /* EvkOutlineSection */
} EvkOutlinePart;

typedef struct {
  char         *key;
  EvkChartKind  kind;
  GStrv         tables;    /* table specs; "@status", "@review" are the model's */
  char         *place;     /* "PART:SECTION" */
  GHashTable   *caption;   /* localized */
  GPtrArray    *groups;    /* per table: localized group name */
} EvkOutlineFigure;

typedef struct {
  GPtrArray  *parts;       /* EvkOutlinePart */
  GPtrArray  *figures;     /* EvkOutlineFigure */
  gboolean    is_default;  /* made for a project that has no outline yet */
} EvkOutline;

const char        *evk_part_kind_to_string   (EvkPartKind    kind);
gboolean           evk_part_kind_from_string (const char    *name,
                                              EvkPartKind   *kind);
/* The options a kind takes, NULL-terminated, and their defaults. */
const char * const *evk_part_kind_options     (EvkPartKind    kind);
const char        *evk_part_kind_option_default (EvkPartKind  kind,
                                                 const char  *option);
/* The key of data/report-strings.ini [Report] that heads part when it
 * has no title of its own, or NULL (a chapter the evaluator added). */
const char        *evk_outline_part_default_word (EvkOutlinePart *part);
/* The generated tables a narrative section may include. */
const char * const *evk_outline_includes      (void);

EvkOutline        *evk_outline_new            (void);
void               evk_outline_free           (EvkOutline    *outline);
EvkOutline        *evk_outline_copy           (EvkOutline    *outline);

EvkOutlinePart    *evk_outline_part_new       (const char    *key,
                                               EvkPartKind    kind);
void               evk_outline_part_free      (EvkOutlinePart *part);
EvkOutlineSection *evk_outline_section_new    (const char    *key);
void               evk_outline_section_free   (EvkOutlineSection *section);
void               evk_outline_figure_free    (EvkOutlineFigure *figure);

EvkOutlinePart    *evk_outline_find_part      (EvkOutline    *outline,
                                               const char    *key);
EvkOutlineSection *evk_outline_find_section   (EvkOutlinePart *part,
                                               const char    *key);
/* An option's value, or the kind's default. */
const char        *evk_outline_part_option    (EvkOutlinePart *part,
                                               const char    *option);
gboolean           evk_outline_part_flag      (EvkOutlinePart *part,
                                               const char    *option);
/* A key not yet used by a part ("chapter-2"), or a section of part. */
char              *evk_outline_new_part_key   (EvkOutline    *outline,
                                               const char    *stem);
char              *evk_outline_new_section_key (EvkOutlinePart *part,
                                                const char    *stem);
/* Keys are what the narrative files and places are named by: lowercase
 * letters, digits and '-', not "goal-…" or "measure-…". */
gboolean           evk_outline_key_is_valid   (const char    *key);

/* The outline a project has no outline of its own starts from: title
 * page, contents, foreword and summary, introduction, the method tables,
 * one chapter per goal, results with the status summary, the document
 * review, recommendations, references, abbreviations, the questionnaire. */
EvkOutline        *evk_outline_new_default    (void);

/* The project's outline; the default when it has none yet. */
EvkOutline        *evk_report_outline_load    (EvkProject    *project,
                                               GError       **error);
/* The same from the store alone (the review's places have no project). */
EvkOutline        *evk_report_outline_load_from_store (EvkStore *store,
                                               GError       **error);
/* Replaces the project's outline (parts, sections, figures, their titles
 * and captions) in one transaction. */
gboolean           evk_report_outline_save    (EvkProject    *project,
                                               EvkOutline    *outline,
                                               GError       **error);

/* The title page's fields. Text fields ("Title", "Subtitle", "Client",
 * "Place", "ShortTitle", "Keywords", "Subject") are per language; the
 * others ("Number", "ISSN", "Date", "Authors") are one value. */
const char * const *evk_report_title_text_keys  (void);
const char * const *evk_report_title_value_keys (void);
char              *evk_report_get_title_field (EvkProject    *project,
                                               const char    *key,
                                               const char    *lang,
                                               GError       **error);
/* lang is ignored for a value field; value NULL or "" removes it. */
gboolean           evk_report_set_title_field (EvkProject    *project,
                                               const char    *key,
                                               const char    *lang,
                                               const char    *value,
                                               GError       **error);

/* The narrative of a chapter section as stored ("chapter:PART:SECTION"). */
char              *evk_report_section_text    (EvkProject    *project,
                                               const char    *part,
                                               const char    *section,
                                               const char    *lang,
                                               GError       **error);

/* DIR/report.ini (the outline and the title page, see
 * data/report-format.md) and DIR/LANG/NAME.md (the narrative, see
 * data/narrative-format.md). Export overwrites those files. Import checks
 * everything before it changes anything: the first problem is one error
 * naming the file, the line and the problem, and the project is left as
 * it was. */
gboolean           evk_report_export_dir      (EvkProject    *project,
                                               const char    *dir,
                                               GError       **error);
gboolean           evk_report_import_dir      (EvkProject    *project,
                                               const char    *dir,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkOutline, evk_outline_free)

G_END_DECLS
