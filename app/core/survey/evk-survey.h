/* evk-survey.h: a survey: respondents × variables, with labels and metadata
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-column.h"
#include "evk-store.h"
#include "evk-text-column.h"

G_BEGIN_DECLS

/* Limits of a survey, enforced on import and when a project file is read
 * (a file is untrusted input; see README "Limits"): ten million
 * respondents (a packed i8 column of them is 10 MB, the benchmarks' largest
 * survey is one million) and a hundred thousand variables (SPSS allows
 * about 32,000 in practice). Reading also holds n_respondents to what the
 * stored columns hold, so a file never makes Evalkit allocate more than it
 * contains. */
#define EVK_SURVEY_MAX_RESPONDENTS 10000000
#define EVK_SURVEY_MAX_VARIABLES   100000

typedef enum {
  EVK_VARIABLE_NUMERIC,
  EVK_VARIABLE_STRING,
} EvkVariableType;

typedef enum {
  EVK_MEASURE_UNKNOWN,
  EVK_MEASURE_NOMINAL,
  EVK_MEASURE_ORDINAL,
  EVK_MEASURE_SCALE,
} EvkMeasureLevel;

/* What a user-defined missing code means: the choice to include or exclude
 * "don't know" in a base is explicit, so the kind is kept. */
typedef enum {
  EVK_MISSING_OTHER,
  EVK_MISSING_DONT_KNOW,
  EVK_MISSING_NOT_RELEVANT,
} EvkMissingKind;

/* What the evaluator says a text variable is; AUTO lets the rule decide
 * (evk_variable_looks_categorical). Stored with the variable. */
typedef enum {
  EVK_TEXT_ROLE_AUTO,
  EVK_TEXT_ROLE_CATEGORIES,
  EVK_TEXT_ROLE_FREE_TEXT,
} EvkTextRole;

/* What a variable is for tabulation, all marks and rules applied. */
typedef enum {
  EVK_ROLE_CODES,              /* numeric: its values are counted */
  EVK_ROLE_TEXT_CATEGORIES,    /* text with few distinct, short answers */
  EVK_ROLE_FREE_TEXT,          /* text: never tabulated */
  EVK_ROLE_PERSONAL,           /* marked personal: never tabulated */
} EvkVariableRole;

/* The rule for text variables the evaluator has not classified: at most
 * this many distinct answers, none longer than EVK_TEXT_CATEGORY_MAX_CHARS
 * characters, and either every answer a text the file gives a value label
 * or on average EVK_TEXT_CATEGORY_MIN_REPEATS answers per distinct text
 * (an answer given by one respondent alone is what free text and contact
 * fields are made of). Documented in data/survey-csv-format.md. */
#define EVK_TEXT_CATEGORIES_MAX     30
#define EVK_TEXT_CATEGORY_MAX_CHARS 40
#define EVK_TEXT_CATEGORY_MIN_REPEATS 3

typedef struct {
  double          value;       /* numeric variables */
  char           *str_value;   /* string variables (value is NaN) */
  GHashTable     *label;       /* localized */
} EvkValueLabel;

typedef struct {
  double          lo;          /* a single code has lo == hi */
  double          hi;
  char           *str_value;   /* string variables */
  EvkMissingKind  kind;
} EvkMissing;

typedef struct {
  char            *name;
  EvkVariableType  type;
  EvkMeasureLevel  measure;
  char            *format;     /* e.g. "F8.2", may be NULL */
  int              width;
  /* Contact fields and free text: never leave the project file. */
  gboolean         personal;
  GHashTable      *label;      /* localized */
  GPtrArray       *value_labels; /* EvkValueLabel, in order */
  GPtrArray       *missing;    /* EvkMissing */
  /* Numeric values, NULL for strings. In a survey loaded without its
   * data, NULL until evk_survey_get_column() reads it. */
  EvkColumn       *column;
  /* Text answers, NULL for numerics; in a survey loaded without its data,
   * NULL until evk_survey_load_data(). */
  EvkTextColumn   *texts;
  EvkTextRole      text_role;  /* text variables: the evaluator's choice */
  /* A text variable tabulated as categories is coded when its column is
   * first asked for (evk_survey_get_column): code k + 1 is the k-th entry
   * here (value = code, str_value = the text, label = what prints: the
   * text's value label, else the text), and column holds the codes. Not
   * saved: the answers stay the stored truth. */
  GPtrArray       *text_categories;
  gint64           id;         /* its row in the project file; 0 when made in memory */
} EvkVariable;

typedef enum {
  EVK_MRSET_DICHOTOMY,         /* SPSS type D: counts a value */
  EVK_MRSET_CATEGORY,          /* SPSS type C: each variable holds a category */
} EvkMrSetType;

typedef struct {
  char         *name;
  EvkMrSetType  type;
  char         *counted_value; /* dichotomy sets */
  GHashTable   *label;         /* localized */
  GStrv         variables;
} EvkMrSet;

typedef struct {
  char   *variable;
  double  value;
  double  share;               /* percent of the population */
  char   *source;
} EvkPopulationShare;

typedef struct {
  char        *name;         /* the key users and charts refer to */
  GHashTable  *label;        /* localized title */
  char        *source_file;    /* basename, for the record */
  char        *source_format;  /* "sav", "zsav", "por", "dta", "csv" */
  guint        n_rows;
  GPtrArray   *variables;      /* EvkVariable, in file order */
  GHashTable  *by_name;        /* name → EvkVariable */
  GPtrArray   *mrsets;         /* EvkMrSet */
  gint64       invited;        /* survey frame, -1 when unknown */
  gint64       net_population;
  char        *id_variable;
  char        *weight_variable;
  GPtrArray   *population;     /* EvkPopulationShare */
  /* A survey loaded without its data reads each column from here the
   * first time it is asked for; NULL once everything is in memory. Not
   * owned: the store must outlive the survey. */
  EvkStore    *store;
  gint64       id;             /* its row in the project file; 0 when made in memory */
} EvkSurvey;

EvkSurvey    *evk_survey_new               (const char      *name);
void          evk_survey_free              (EvkSurvey       *survey);
/* Adds a variable (the survey owns it); NULL if the name is taken. */
EvkVariable  *evk_survey_add_variable      (EvkSurvey       *survey,
                                            const char      *name,
                                            EvkVariableType  type);
EvkVariable  *evk_survey_get_variable      (EvkSurvey       *survey,
                                            const char      *name);
EvkMrSet     *evk_survey_add_mrset         (EvkSurvey       *survey,
                                            const char      *name,
                                            EvkMrSetType     type);
EvkMrSet     *evk_survey_get_mrset         (EvkSurvey       *survey,
                                            const char      *name);
void          evk_survey_add_population_share (EvkSurvey    *survey,
                                            const char      *variable,
                                            double           value,
                                            double           share,
                                            const char      *source);

EvkValueLabel *evk_variable_add_value_label (EvkVariable    *variable,
                                            double           value,
                                            const char      *str_value);
const EvkValueLabel *evk_variable_find_value_label (EvkVariable *variable,
                                            double           value);
void          evk_variable_add_missing     (EvkVariable     *variable,
                                            double           lo,
                                            double           hi,
                                            EvkMissingKind   kind);
/* The missing code that covers value, or NULL. */
const EvkMissing *evk_variable_find_missing (EvkVariable    *variable,
                                            double           value);
/* The string value of row for string variables ("" when empty). */
const char   *evk_variable_get_string      (EvkVariable     *variable,
                                            guint            row);
/* Whether a text variable's answers look like categories by the rule
 * above (its answers must be in memory). */
gboolean      evk_variable_looks_categorical (EvkVariable   *variable);
/* The variable's role: personal marks first, then the evaluator's choice,
 * then the rule, which reads a lazily loaded text variable's answers.
 * Without its answers (a review copy) an unclassified text is free text. */
EvkVariableRole evk_survey_get_role        (EvkSurvey       *survey,
                                            EvkVariable     *variable);
/* A date, date-time or time variable's value (SPSS DATE, ADATE, EDATE,
 * SDATE, JDATE, QYR, MOYR, WKYR, DATETIME, YMDHMS, TIME, DTIME, MTIME;
 * Stata %td, %tc) as lang writes it (evk_format_date), or with lang NULL
 * as ISO 8601 ("1949-03-24", "2014-09-23T15:59:20", "12:11:10"); NULL
 * for any other variable or for system-missing. */
char         *evk_variable_format_date     (EvkVariable     *variable,
                                            const char      *lang,
                                            double           value);
const char   *evk_text_role_to_string      (EvkTextRole      role);
gboolean      evk_text_role_from_string    (const char      *text,
                                            EvkTextRole     *role);
const char   *evk_measure_level_to_string  (EvkMeasureLevel  level);
const char   *evk_missing_kind_to_string   (EvkMissingKind   kind);

/* Every row of every variable filled (texts pad with no answer, numerics
 * with system-missing) up to n_rows; checks names and sets. */
gboolean      evk_survey_validate          (EvkSurvey       *survey,
                                            GError         **error);

/* Applies a survey metadata key file (frame, population shares, multiple-
 * response sets, id and weight variables; see data/demo/survey-meta.ini).
 * Errors name the file, group and key. */
gboolean      evk_survey_apply_meta        (EvkSurvey       *survey,
                                            const char      *path,
                                            const char      *lang,
                                            GError         **error);

/* Store I/O. Saving replaces a survey of the same name in one transaction;
 * texts are stored in lang (the project's source language unless the
 * labels carry others). */
gboolean      evk_survey_save              (EvkSurvey       *survey,
                                            EvkStore        *store,
                                            GError         **error);
/* NULL with EVK_MODEL_ERROR_INVALID when there is no such survey. With
 * with_data FALSE only the dictionary is read (names, labels, value
 * labels, missing codes, sets: what `evalkit variables` prints), and each
 * numeric column is read and checked the first time
 * evk_survey_get_column() asks for it, so that a table on a survey of
 * millions reads the columns it uses and no others; the store must then
 * outlive the survey. With with_data TRUE, every column and every text
 * answer is read at once (a survey about to be saved again, or kept to
 * undo its replacement). */
EvkSurvey    *evk_survey_load              (EvkStore        *store,
                                            const char      *name,
                                            gboolean         with_data,
                                            GError         **error);
/* A numeric variable's values, read from the project file if they are not
 * in memory yet; a text variable tabulated as categories gets its codes
 * (see text_categories). NULL with an error for any other text variable, or when the
 * stored values are damaged or the survey was replaced in the file since
 * it was loaded. */
EvkColumn    *evk_survey_get_column        (EvkSurvey       *survey,
                                            EvkVariable     *variable,
                                            GError         **error);
/* Reads whatever a survey loaded without its data has not read yet,
 * columns and text answers alike; afterwards it needs its store no more. */
gboolean      evk_survey_load_data         (EvkSurvey       *survey,
                                            GError         **error);
/* Names of the project's surveys, in import order. */
GStrv         evk_survey_list              (EvkStore        *store,
                                            GError         **error);

/* What replacing a survey by a new version of it changes. */
typedef struct {
  guint      n_before;
  guint      n_after;
  GPtrArray *added;        /* variable names */
  GPtrArray *removed;
  GPtrArray *relabelled;   /* label or value labels changed in the source language */
  GPtrArray *kept;         /* descriptions of what the project keeps */
  GPtrArray *dropped;      /* what could not be kept: its variables are gone */
} EvkSurveyChanges;

/* Gives survey, a new version of old read from a file, what the project
 * knew of old and the file does not say (frame, multiple-response sets,
 * population shares, id and weight variables, personal marks, labels in
 * languages other than lang), and says what changes. */
EvkSurveyChanges *evk_survey_carry_over    (EvkSurvey       *survey,
                                            EvkSurvey       *old,
                                            const char      *lang);
gboolean      evk_survey_changes_is_empty  (const EvkSurveyChanges *changes);
/* A few lines for a person, in the UI language. */
char         *evk_survey_changes_describe  (const EvkSurveyChanges *changes);
void          evk_survey_changes_free      (EvkSurveyChanges *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkSurvey, evk_survey_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkSurveyChanges, evk_survey_changes_free)

G_END_DECLS
