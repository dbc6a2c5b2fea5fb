/* evk-survey.c: a survey: respondents × variables, with labels and metadata
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-column-private.h"
#include "evk-format.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-store-review.h"
#include "evk-store-texts.h"
#include "evk-survey.h"

static void
value_label_free (EvkValueLabel *label)
{
  g_free (label->str_value);
  g_clear_pointer (&label->label, g_hash_table_unref);
  g_free (label);
}

static void
missing_free (EvkMissing *missing)
{
  g_free (missing->str_value);
  g_free (missing);
}

static void
variable_free (EvkVariable *variable)
{
  g_free (variable->name);
  g_free (variable->format);
  g_clear_pointer (&variable->label, g_hash_table_unref);
  g_clear_pointer (&variable->value_labels, g_ptr_array_unref);
  g_clear_pointer (&variable->missing, g_ptr_array_unref);
  g_clear_pointer (&variable->column, evk_column_free);
  g_clear_pointer (&variable->texts, evk_text_column_free);
  g_clear_pointer (&variable->text_categories, g_ptr_array_unref);
  g_free (variable);
}

static void
mrset_free (EvkMrSet *set)
{
  g_free (set->name);
  g_free (set->counted_value);
  g_clear_pointer (&set->label, g_hash_table_unref);
  g_strfreev (set->variables);
  g_free (set);
}

static void
population_share_free (EvkPopulationShare *share)
{
  g_free (share->variable);
  g_free (share->source);
  g_free (share);
}

EvkSurvey *
evk_survey_new (const char *name)
{
  EvkSurvey *survey = g_new0 (EvkSurvey, 1);

  survey->name = g_strdup (name);
  survey->label = evk_localized_new ();
  survey->variables = g_ptr_array_new_with_free_func ((GDestroyNotify) variable_free);
  survey->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  survey->mrsets = g_ptr_array_new_with_free_func ((GDestroyNotify) mrset_free);
  survey->population = g_ptr_array_new_with_free_func ((GDestroyNotify) population_share_free);
  survey->invited = -1;
  survey->net_population = -1;
  return survey;
}

void
evk_survey_free (EvkSurvey *survey)
{
  if (survey == NULL)
    return;
  g_free (survey->name);
  g_clear_pointer (&survey->label, g_hash_table_unref);
  g_free (survey->source_file);
  g_free (survey->source_format);
  g_clear_pointer (&survey->by_name, g_hash_table_unref);
  g_clear_pointer (&survey->variables, g_ptr_array_unref);
  g_clear_pointer (&survey->mrsets, g_ptr_array_unref);
  g_free (survey->id_variable);
  g_free (survey->weight_variable);
  g_clear_pointer (&survey->population, g_ptr_array_unref);
  g_free (survey);
}

EvkVariable *
evk_survey_add_variable (EvkSurvey       *survey,
                         const char      *name,
                         EvkVariableType  type)
{
  EvkVariable *variable;

  if (g_hash_table_contains (survey->by_name, name))
    return NULL;

  variable = g_new0 (EvkVariable, 1);
  variable->name = g_strdup (name);
  variable->type = type;
  variable->label = evk_localized_new ();
  variable->value_labels = g_ptr_array_new_with_free_func ((GDestroyNotify) value_label_free);
  variable->missing = g_ptr_array_new_with_free_func ((GDestroyNotify) missing_free);
  if (type == EVK_VARIABLE_NUMERIC)
    variable->column = evk_column_new ();
  else
    {
      variable->texts = evk_text_column_new ();
      /* Free text may name people: kept out of every export by default. */
      variable->personal = TRUE;
    }
  g_ptr_array_add (survey->variables, variable);
  g_hash_table_insert (survey->by_name, variable->name, variable);
  return variable;
}

EvkVariable *
evk_survey_get_variable (EvkSurvey  *survey,
                         const char *name)
{
  return g_hash_table_lookup (survey->by_name, name);
}

EvkMrSet *
evk_survey_add_mrset (EvkSurvey    *survey,
                      const char   *name,
                      EvkMrSetType  type)
{
  EvkMrSet *set;

  if (evk_survey_get_mrset (survey, name) != NULL)
    return NULL;
  set = g_new0 (EvkMrSet, 1);
  set->name = g_strdup (name);
  set->type = type;
  set->label = evk_localized_new ();
  set->variables = g_new0 (char *, 1);
  g_ptr_array_add (survey->mrsets, set);
  return set;
}

EvkMrSet *
evk_survey_get_mrset (EvkSurvey  *survey,
                      const char *name)
{
  for (guint i = 0; i < survey->mrsets->len; i++)
    {
      EvkMrSet *set = g_ptr_array_index (survey->mrsets, i);
      if (g_str_equal (set->name, name))
        return set;
    }
  return NULL;
}

void
evk_survey_add_population_share (EvkSurvey  *survey,
                                 const char *variable,
                                 double      value,
                                 double      share,
                                 const char *source)
{
  EvkPopulationShare *p = g_new0 (EvkPopulationShare, 1);

  p->variable = g_strdup (variable);
  p->value = value;
  p->share = share;
  p->source = g_strdup (source);
  g_ptr_array_add (survey->population, p);
}

EvkValueLabel *
evk_variable_add_value_label (EvkVariable *variable,
                              double       value,
                              const char  *str_value)
{
  EvkValueLabel *label = g_new0 (EvkValueLabel, 1);

  label->value = str_value != NULL ? NAN : value;
  label->str_value = g_strdup (str_value);
  label->label = evk_localized_new ();
  g_ptr_array_add (variable->value_labels, label);
  return label;
}

/* The category a code of a coded text variable stands for. */
static const EvkValueLabel *
find_text_category (EvkVariable *variable,
                    double       value)
{
  guint k;

  if (variable->text_categories == NULL || !(value >= 1) || value != floor (value) ||
      value > variable->text_categories->len)
    return NULL;
  k = (guint) value - 1;
  return g_ptr_array_index (variable->text_categories, k);
}

const EvkValueLabel *
evk_variable_find_value_label (EvkVariable *variable,
                               double       value)
{
  if (variable->text_categories != NULL)
    return find_text_category (variable, value);
  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->value_labels, i);
      if (label->str_value == NULL && label->value == value)
        return label;
    }
  return NULL;
}

void
evk_variable_add_missing (EvkVariable    *variable,
                          double          lo,
                          double          hi,
                          EvkMissingKind  kind)
{
  EvkMissing *missing = g_new0 (EvkMissing, 1);

  missing->lo = lo;
  missing->hi = hi;
  missing->kind = kind;
  g_ptr_array_add (variable->missing, missing);
}

const EvkMissing *
evk_variable_find_missing (EvkVariable *variable,
                           double       value)
{
  /* A coded text variable's code is missing when its text is. */
  if (variable->text_categories != NULL)
    {
      const EvkValueLabel *category = find_text_category (variable, value);

      for (guint i = 0; category != NULL && i < variable->missing->len; i++)
        {
          EvkMissing *missing = g_ptr_array_index (variable->missing, i);
          if (g_strcmp0 (missing->str_value, category->str_value) == 0)
            return missing;
        }
      return NULL;
    }
  for (guint i = 0; i < variable->missing->len; i++)
    {
      EvkMissing *missing = g_ptr_array_index (variable->missing, i);
      if (missing->str_value == NULL && value >= missing->lo && value <= missing->hi)
        return missing;
    }
  return NULL;
}

const char *
evk_variable_get_string (EvkVariable *variable,
                         guint        row)
{
  if (variable->texts == NULL)
    return "";
  return evk_text_column_get (variable->texts, row);
}

gboolean
evk_variable_looks_categorical (EvkVariable *variable)
{
  g_autoptr(GHashTable) distinct = NULL;
  g_autoptr(GHashTable) labelled = NULL;
  gboolean all_labelled = TRUE;
  guint n_answers;

  if (variable->type != EVK_VARIABLE_STRING || variable->texts == NULL)
    return FALSE;
  n_answers = evk_text_column_get_n_answers (variable->texts);
  if (n_answers == 0)
    return FALSE;
  distinct = g_hash_table_new (g_str_hash, g_str_equal);
  labelled = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->value_labels, i);
      if (label->str_value != NULL)
        g_hash_table_add (labelled, label->str_value);
    }
  for (guint i = 0; i < n_answers; i++)
    {
      const char *text = evk_text_column_get_answer (variable->texts, i, NULL);

      if (g_utf8_strlen (text, -1) > EVK_TEXT_CATEGORY_MAX_CHARS)
        return FALSE;
      all_labelled &= g_hash_table_contains (labelled, text);
      g_hash_table_add (distinct, (gpointer) text);
      if (g_hash_table_size (distinct) > EVK_TEXT_CATEGORIES_MAX)
        return FALSE;
    }
  /* Answers that are all labelled texts ("M" Male, "F" Female) are the
   * categories the file declares, however few the respondents. */
  if (all_labelled)
    return TRUE;
  return (guint64) g_hash_table_size (distinct) * EVK_TEXT_CATEGORY_MIN_REPEATS <= n_answers;
}

static gboolean load_later (EvkSurvey    *survey,
                            EvkVariable  *variable,
                            GError      **error);

EvkVariableRole
evk_survey_get_role (EvkSurvey   *survey,
                     EvkVariable *variable)
{
  if (variable->personal)
    return EVK_ROLE_PERSONAL;
  if (variable->type == EVK_VARIABLE_NUMERIC)
    return EVK_ROLE_CODES;
  switch (variable->text_role)
    {
    case EVK_TEXT_ROLE_CATEGORIES:
      return EVK_ROLE_TEXT_CATEGORIES;
    case EVK_TEXT_ROLE_FREE_TEXT:
      return EVK_ROLE_FREE_TEXT;
    case EVK_TEXT_ROLE_AUTO:
    default:
      break;
    }
  /* The rule needs the answers; without them (a review copy, a damaged
   * file) the text is free text, the safe side. */
  if (variable->texts == NULL &&
      (survey->store == NULL || variable->id <= 0 || !load_later (survey, variable, NULL)))
    return EVK_ROLE_FREE_TEXT;
  return evk_variable_looks_categorical (variable) ? EVK_ROLE_TEXT_CATEGORIES : EVK_ROLE_FREE_TEXT;
}

typedef enum {
  DATE_NONE,
  DATE_DAY,
  DATE_DATETIME,
  DATE_TIME,
} DateKind;

/* What a print format says of its values: SPSS counts seconds from
 * 1582-10-14 (dates) or from midnight (times), Stata days (%td) or
 * milliseconds (%tc) from 1960-01-01. epoch_days is the epoch's day
 * number (GDate's Julian), scale the seconds of one unit. */
static DateKind
date_kind (const char *format,
           guint32    *epoch_days,
           double     *scale)
{
  static const char * const spss_days[] = { "DATE", "ADATE", "EDATE", "SDATE", "JDATE", "QYR", "MOYR", "WKYR" };
  static const char * const spss_datetimes[] = { "DATETIME", "YMDHMS" };
  static const char * const spss_times[] = { "TIME", "DTIME", "MTIME" };
  g_autoptr(GDate) epoch = NULL;
  gsize len = 0;

  if (format == NULL)
    return DATE_NONE;
  if (format[0] == '%')
    {
      /* Stata: %td, %d (old), %tc, %tC. */
      const char *f = format + 1;

      epoch = g_date_new_dmy (1, G_DATE_JANUARY, 1960);
      *epoch_days = g_date_get_julian (epoch);
      if (g_str_has_prefix (f, "td") || (f[0] == 'd' && !g_ascii_isalpha (f[1])))
        {
          *scale = 86400;
          return DATE_DAY;
        }
      if (g_str_has_prefix (f, "tc") || g_str_has_prefix (f, "tC"))
        {
          *scale = 0.001;
          return DATE_DATETIME;
        }
      return DATE_NONE;
    }
  while (g_ascii_isalpha (format[len]))
    len++;
  epoch = g_date_new_dmy (14, G_DATE_OCTOBER, 1582);
  *epoch_days = g_date_get_julian (epoch);
  *scale = 1;
  for (guint i = 0; i < G_N_ELEMENTS (spss_days); i++)
    if (strlen (spss_days[i]) == len && g_ascii_strncasecmp (format, spss_days[i], len) == 0)
      return DATE_DAY;
  for (guint i = 0; i < G_N_ELEMENTS (spss_datetimes); i++)
    if (strlen (spss_datetimes[i]) == len && g_ascii_strncasecmp (format, spss_datetimes[i], len) == 0)
      return DATE_DATETIME;
  for (guint i = 0; i < G_N_ELEMENTS (spss_times); i++)
    if (strlen (spss_times[i]) == len && g_ascii_strncasecmp (format, spss_times[i], len) == 0)
      return DATE_TIME;
  return DATE_NONE;
}

char *
evk_variable_format_date (EvkVariable *variable,
                          const char  *lang,
                          double       value)
{
  guint32 epoch_days = 0;
  double scale = 1, seconds, days;
  g_autoptr(GDate) date = NULL;
  g_autofree char *day_text = NULL, *time_text = NULL;
  DateKind kind;

  if (variable->type != EVK_VARIABLE_NUMERIC || !isfinite (value) ||
      (kind = date_kind (variable->format, &epoch_days, &scale)) == DATE_NONE)
    return NULL;
  seconds = value * scale;
  if (kind == DATE_TIME)
    {
      if (lang != NULL)
        return evk_format_time (lang, seconds);
      return g_strdup_printf ("%s%02d:%02d:%02d", seconds < 0 ? "-" : "", (int) (fabs (seconds) / 3600),
                              (int) fmod (fabs (seconds) / 60, 60), (int) fmod (fabs (seconds), 60));
    }
  days = floor (seconds / 86400);
  /* GDate holds years 1 to 65535. */
  if (days + epoch_days < 1 || days + epoch_days > G_MAXUINT32 / 2 ||
      !g_date_valid_julian ((guint32) (days + epoch_days)))
    return NULL;
  date = g_date_new_julian ((guint32) (days + epoch_days));
  if (!g_date_valid (date) || g_date_get_year (date) > 9999)
    return NULL;
  if (lang != NULL)
    day_text = evk_format_date (lang, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  else
    day_text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date));
  if (kind == DATE_DAY)
    return g_steal_pointer (&day_text);
  seconds -= days * 86400;
  if (lang != NULL)
    {
      time_text = evk_format_time (lang, seconds);
      return g_strconcat (day_text, " ", time_text, NULL);
    }
  return g_strdup_printf ("%sT%02d:%02d:%02d", day_text, (int) (seconds / 3600), (int) fmod (seconds / 60, 60),
                          (int) fmod (seconds, 60));
}

const char *
evk_text_role_to_string (EvkTextRole role)
{
  static const char * const names[] = { NULL, "categories", "free-text" };

  return names[role];
}

gboolean
evk_text_role_from_string (const char  *text,
                           EvkTextRole *role)
{
  if (text == NULL)
    *role = EVK_TEXT_ROLE_AUTO;
  else if (g_str_equal (text, "categories"))
    *role = EVK_TEXT_ROLE_CATEGORIES;
  else if (g_str_equal (text, "free-text"))
    *role = EVK_TEXT_ROLE_FREE_TEXT;
  else
    return FALSE;
  return TRUE;
}

const char *
evk_measure_level_to_string (EvkMeasureLevel level)
{
  static const char * const names[] = { "unknown", "nominal", "ordinal", "scale" };

  return names[level];
}

const char *
evk_missing_kind_to_string (EvkMissingKind kind)
{
  static const char * const names[] = { "missing", "dont-know", "not-relevant" };

  return names[kind];
}

gboolean
evk_survey_validate (EvkSurvey  *survey,
                     GError    **error)
{
  if (survey->name == NULL || *survey->name == '\0')
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the survey has no name"));
      return FALSE;
    }
  /* The limits a project file is held to when it is opened again. */
  if (survey->n_rows > EVK_SURVEY_MAX_RESPONDENTS || survey->variables->len > EVK_SURVEY_MAX_VARIABLES)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("a survey may have at most %u respondents and %u variables"),
                   (guint) EVK_SURVEY_MAX_RESPONDENTS, (guint) EVK_SURVEY_MAX_VARIABLES);
      return FALSE;
    }

  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);

      if (variable->column != NULL)
        while (evk_column_get_length (variable->column) < survey->n_rows)
          evk_column_append (variable->column, NAN);
      if (variable->texts != NULL)
        evk_text_column_pad (variable->texts, survey->n_rows);

      if ((variable->column != NULL && evk_column_get_length (variable->column) != survey->n_rows) ||
          (variable->texts != NULL && evk_text_column_get_length (variable->texts) != survey->n_rows))
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("variable %s: has more values than the survey has respondents"),
                       variable->name);
          return FALSE;
        }
    }

  for (guint i = 0; i < survey->mrsets->len; i++)
    {
      EvkMrSet *set = g_ptr_array_index (survey->mrsets, i);

      for (guint j = 0; set->variables[j] != NULL; j++)
        if (evk_survey_get_variable (survey, set->variables[j]) == NULL)
          {
            g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                         _("multiple-response set %s: no variable %s"), set->name, set->variables[j]);
            return FALSE;
          }
    }

  for (const char *names[] = { survey->id_variable, survey->weight_variable }, **n = names;
       n < names + 2; n++)
    if (*n != NULL && evk_survey_get_variable (survey, *n) == NULL)
      {
        g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                     _("the survey names variable %s, which it does not have"), *n);
        return FALSE;
      }

  return TRUE;
}

/* ---- Store --------------------------------------------------------- */

typedef struct {
  EvkSurvey *survey;
  GStrv      langs;
} SaveContext;

static gboolean
step_done (EvkStore      *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (!evk_store_step (store, stmt, NULL, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
save_variable (EvkStore     *store,
               SaveContext  *ctx,
               gint64        survey_id,
               guint         position,
               EvkVariable  *variable,
               GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = evk_store_prepare (store,
                            "INSERT INTO variable (survey_id, position, name, type, measure, format, "
                            "width, personal, text_role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, survey_id);
  evk_stmt_bind_int (stmt, 2, position);
  evk_stmt_bind_text (stmt, 3, variable->name);
  evk_stmt_bind_text (stmt, 4, variable->type == EVK_VARIABLE_STRING ? "string" : "numeric");
  evk_stmt_bind_text (stmt, 5, evk_measure_level_to_string (variable->measure));
  evk_stmt_bind_text (stmt, 6, variable->format);
  evk_stmt_bind_int (stmt, 7, variable->width);
  evk_stmt_bind_int (stmt, 8, variable->personal);
  evk_stmt_bind_text (stmt, 9, evk_text_role_to_string (variable->text_role));
  if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
    return FALSE;

  if (!evk_store_replace_texts (store, "variable", id, "label", variable->label,
                                (const char * const *) ctx->langs, error))
    return FALSE;

  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->value_labels, i);
      gint64 label_id;

      stmt = evk_store_prepare (store,
                                "INSERT INTO value_label (variable_id, position, num_value, str_value) "
                                "VALUES (?1, ?2, ?3, ?4) RETURNING id",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      evk_stmt_bind_int (stmt, 2, i);
      if (label->str_value == NULL)
        sqlite3_bind_double (stmt, 3, label->value);
      evk_stmt_bind_text (stmt, 4, label->str_value);
      if ((label_id = evk_store_step_returning_id (store, stmt, error)) < 0 ||
          !evk_store_replace_texts (store, "value_label", label_id, "label", label->label,
                                    (const char * const *) ctx->langs, error))
        return FALSE;
    }

  for (guint i = 0; i < variable->missing->len; i++)
    {
      EvkMissing *missing = g_ptr_array_index (variable->missing, i);

      stmt = evk_store_prepare (store,
                                "INSERT INTO missing_value (variable_id, lo, hi, str_value, kind) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      if (missing->str_value == NULL)
        {
          sqlite3_bind_double (stmt, 2, missing->lo);
          sqlite3_bind_double (stmt, 3, missing->hi);
        }
      evk_stmt_bind_text (stmt, 4, missing->str_value);
      evk_stmt_bind_text (stmt, 5, evk_missing_kind_to_string (missing->kind));
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  /* A text variable's codes are made from its answers, not stored. */
  if (variable->type == EVK_VARIABLE_NUMERIC && variable->column != NULL)
    {
      gsize size;
      gconstpointer data = evk_column_get_data (variable->column, &size);

      stmt = evk_store_prepare (store,
                                "INSERT INTO column_data (variable_id, kind, n_rows, data) "
                                "VALUES (?1, ?2, ?3, ?4)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      evk_stmt_bind_text (stmt, 2, evk_column_kind_to_string (evk_column_get_kind (variable->column)));
      evk_stmt_bind_int (stmt, 3, evk_column_get_length (variable->column));
      /* Static: the column outlives the statement's step. */
      sqlite3_bind_blob64 (stmt, 4, data != NULL ? data : "", size, SQLITE_STATIC);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  /* A text variable's answers are one row too, as they are held. */
  if (variable->texts != NULL)
    {
      gsize rows_size, texts_size;
      gconstpointer rows = evk_text_column_get_rows (variable->texts, &rows_size);
      gconstpointer texts = evk_text_column_get_texts (variable->texts, &texts_size);

      stmt = evk_store_prepare (store,
                                "INSERT INTO text_data (variable_id, n_rows, n_answers, rows, texts) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      evk_stmt_bind_int (stmt, 2, evk_text_column_get_length (variable->texts));
      evk_stmt_bind_int (stmt, 3, evk_text_column_get_n_answers (variable->texts));
      sqlite3_bind_blob64 (stmt, 4, rows != NULL ? rows : "", rows_size, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 5, texts != NULL ? texts : "", texts_size, SQLITE_STATIC);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_in_transaction (EvkStore  *store,
                     gpointer   user_data,
                     GError   **error)
{
  SaveContext *ctx = user_data;
  EvkSurvey *survey = ctx->survey;
  g_autoptr(GHashTable) variable_ids = NULL;
  sqlite3_stmt *stmt;
  gint64 survey_id;

  /* Re-import under the same name replaces the old survey whole. */
  stmt = evk_store_prepare (store, "DELETE FROM survey WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, survey->name);
  if (!step_done (store, stmt, error))
    return FALSE;

  stmt = evk_store_prepare (store,
                            "INSERT INTO survey (name, source_file, source_format, n_respondents, "
                            "invited, net_population, id_variable, weight_variable) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, survey->name);
  evk_stmt_bind_text (stmt, 2, survey->source_file);
  evk_stmt_bind_text (stmt, 3, survey->source_format);
  evk_stmt_bind_int (stmt, 4, survey->n_rows);
  if (survey->invited >= 0)
    evk_stmt_bind_int (stmt, 5, survey->invited);
  if (survey->net_population >= 0)
    evk_stmt_bind_int (stmt, 6, survey->net_population);
  evk_stmt_bind_text (stmt, 7, survey->id_variable);
  evk_stmt_bind_text (stmt, 8, survey->weight_variable);
  if ((survey_id = evk_store_step_returning_id (store, stmt, error)) < 0 ||
      !evk_store_replace_texts (store, "survey", survey_id, "label", survey->label,
                                (const char * const *) ctx->langs, error))
    return FALSE;

  for (guint i = 0; i < survey->variables->len; i++)
    if (!save_variable (store, ctx, survey_id, i, g_ptr_array_index (survey->variables, i), error))
      {
        g_prefix_error (error, "variable %s: ",
                        ((EvkVariable *) g_ptr_array_index (survey->variables, i))->name);
        return FALSE;
      }

  for (guint i = 0; i < survey->mrsets->len; i++)
    {
      EvkMrSet *set = g_ptr_array_index (survey->mrsets, i);
      gint64 set_id;

      stmt = evk_store_prepare (store,
                                "INSERT INTO mrset (survey_id, name, type, counted_value) "
                                "VALUES (?1, ?2, ?3, ?4) RETURNING id",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, survey_id);
      evk_stmt_bind_text (stmt, 2, set->name);
      evk_stmt_bind_text (stmt, 3, set->type == EVK_MRSET_DICHOTOMY ? "dichotomy" : "category");
      evk_stmt_bind_text (stmt, 4, set->counted_value);
      if ((set_id = evk_store_step_returning_id (store, stmt, error)) < 0 ||
          !evk_store_replace_texts (store, "mrset", set_id, "label", set->label,
                                    (const char * const *) ctx->langs, error))
        return FALSE;

      for (guint j = 0; set->variables[j] != NULL; j++)
        {
          stmt = evk_store_prepare (store,
                                    "INSERT INTO mrset_variable (mrset_id, variable_id, position) "
                                    "SELECT ?1, id, ?3 FROM variable WHERE survey_id = ?2 AND name = ?4",
                                    error);
          if (stmt == NULL)
            return FALSE;
          evk_stmt_bind_int (stmt, 1, set_id);
          evk_stmt_bind_int (stmt, 2, survey_id);
          evk_stmt_bind_int (stmt, 3, j);
          evk_stmt_bind_text (stmt, 4, set->variables[j]);
          if (!step_done (store, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < survey->population->len; i++)
    {
      EvkPopulationShare *p = g_ptr_array_index (survey->population, i);

      stmt = evk_store_prepare (store,
                                "INSERT INTO population_share (survey_id, variable, num_value, share, source) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, survey_id);
      evk_stmt_bind_text (stmt, 2, p->variable);
      sqlite3_bind_double (stmt, 3, p->value);
      sqlite3_bind_double (stmt, 4, p->share);
      evk_stmt_bind_text (stmt, 5, p->source);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* How a survey is written, and why so: a survey of a million respondents
 * must be in the file in little more time than reading the .sav takes.
 *
 * - In bulk: each variable is one row, its numeric values one packed blob
 *   (column_data) or its text answers two (text_data: the rows that have
 *   an answer, and the answers). 106 variables are some 500 rows in
 *   all, the same as for the demo's 5,103 respondents: no row per
 *   respondent, no b-tree grown an entry at a time, and SQLite copies
 *   each blob into its overflow pages as it is.
 * - In one transaction (evk_store_transaction): the old survey of the
 *   name and the new one change places at COMMIT, or not at all.
 * - Written once. The file keeps a rollback journal (see
 *   configure_connection in evk-store.c), which holds the old content of
 *   the pages a transaction overwrites, and only of the pages that the
 *   file had when it began: pages added at its end have no old content
 *   to keep. A fresh import adds nearly all its pages at the end, so
 *   they go to the file once, at COMMIT, and the journal holds a few
 *   pages of the tables' roots and the free list. (Through a WAL, as
 *   before, every page went to the WAL and again to the file at the
 *   checkpoint.) A survey imported again over itself reuses the old
 *   one's pages, and those must be journaled: until COMMIT the old survey
 *   is the one a crash has to leave behind.
 * - cache_spill is off, so the pages wait in memory until COMMIT (the
 *   size of the survey in the file) and other windows and commands go on
 *   reading the file meanwhile. */
gboolean
evk_survey_save (EvkSurvey  *survey,
                 EvkStore   *store,
                 GError    **error)
{
  g_auto(GStrv) langs = NULL;
  SaveContext ctx;

  /* Saving replaces the stored survey: what it has not read yet must be
   * read first. */
  if (!evk_survey_load_data (survey, error) || !evk_survey_validate (survey, error))
    return FALSE;
  langs = evk_store_get_languages (store, error);
  if (langs == NULL)
    return FALSE;
  if (langs[0] == NULL)
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the project has no language yet: import the strategy first"));
      return FALSE;
    }
  ctx.survey = survey;
  ctx.langs = langs;
  return evk_store_transaction (store, save_in_transaction, &ctx, error);
}

/* ---- Loading ------------------------------------------------------- */

/* The project file is untrusted input: a file from someone else, or one
 * edited with another SQLite tool, may break any invariant the schema's
 * constraints stand for (they can be dropped with the table). Everything
 * the code after loading relies on is checked here, before anything is
 * allocated by a count the file gives, and a breach is one error naming
 * the survey, the variable and the problem. */

static gboolean
damaged (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
damaged (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
measure_level_from_string (const char      *text,
                           EvkMeasureLevel *level)
{
  for (EvkMeasureLevel l = EVK_MEASURE_UNKNOWN; l <= EVK_MEASURE_SCALE; l++)
    if (g_strcmp0 (text, evk_measure_level_to_string (l)) == 0)
      {
        *level = l;
        return TRUE;
      }
  return FALSE;
}

static gboolean
missing_kind_from_string (const char     *text,
                          EvkMissingKind *kind)
{
  for (EvkMissingKind k = EVK_MISSING_OTHER; k <= EVK_MISSING_NOT_RELEVANT; k++)
    if (g_strcmp0 (text, evk_missing_kind_to_string (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/* The stored columns of a survey against its respondent count, before a
 * single row is read: every numeric column must hold exactly n_rows values
 * in a blob of exactly that size, so n_rows never exceeds what the file
 * holds. A survey with no numeric column has nothing to measure n_rows
 * against but the file itself: no more respondents than it has bytes. */
static gboolean
check_row_count (EvkStore   *store,
                 gint64      survey_id,
                 gint64      n_rows,
                 GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  guint n_numeric = 0;

  if (n_rows < 0 || n_rows > EVK_SURVEY_MAX_RESPONDENTS)
    return damaged (error, _("%lld respondents is outside 0 to %u"),
                    (long long) n_rows, (guint) EVK_SURVEY_MAX_RESPONDENTS);
  /* A review copy keeps the survey's questions and counts but none of its
   * answers: there is nothing to measure the count against, and nothing
   * is read by it (load_survey refuses the data). */
  if (evk_store_is_review_copy (store, NULL))
    return TRUE;

  stmt = evk_store_prepare (store,
                            "SELECT v.name, v.type, cd.kind, cd.n_rows, length (cd.data), "
                            "cd.variable_id IS NOT NULL FROM variable v "
                            "LEFT JOIN column_data cd ON cd.variable_id = v.id "
                            "WHERE v.survey_id = ?1 ORDER BY v.position",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, survey_id);
  while (TRUE)
    {
      const char *name, *type;
      EvkColumnKind kind;
      gint64 stored_rows, size;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      name = evk_stmt_column_text (stmt, 0);
      type = evk_stmt_column_text (stmt, 1);
      if (name == NULL)
        name = "?";
      if (g_strcmp0 (type, "string") != 0 && g_strcmp0 (type, "numeric") != 0)
        {
          damaged (error, _("variable %s: unknown type “%s”"), name, type ?: "");
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (g_strcmp0 (type, "string") == 0)
        {
          if (sqlite3_column_int (stmt, 5))
            {
              damaged (error, _("variable %s holds text but has a column of numbers"), name);
              sqlite3_reset (stmt);
              return FALSE;
            }
          continue;
        }
      if (!sqlite3_column_int (stmt, 5))
        {
          damaged (error, _("variable %s has no stored values"), name);
          sqlite3_reset (stmt);
          return FALSE;
        }
      n_numeric++;
      stored_rows = sqlite3_column_int64 (stmt, 3);
      size = sqlite3_column_int64 (stmt, 4);
      if (!evk_column_kind_from_string (evk_stmt_column_text (stmt, 2), &kind) ||
          size != stored_rows * (gint64) evk_column_widths[kind])
        {
          damaged (error, _("variable %s: its stored values are damaged"), name);
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (stored_rows != n_rows)
        {
          damaged (error, _("variable %s: %lld values stored for %lld respondents"),
                          name, (long long) stored_rows, (long long) n_rows);
          sqlite3_reset (stmt);
          return FALSE;
        }
    }

  /* Text answers are read only when a whole survey is (to be saved again
   * or kept for an undo), but that they belong to respondents the survey
   * has is checked on every load, from the first and last row of each
   * variable's answers: two look-ups in the key, whatever their number. */
  stmt = evk_store_prepare (store,
                            "SELECT v.name, "
                            "(SELECT min (row) FROM string_data WHERE variable_id = v.id), "
                            "(SELECT max (row) FROM string_data WHERE variable_id = v.id), "
                            "td.variable_id IS NOT NULL, td.n_rows, td.n_answers, length (td.rows) "
                            "FROM variable v LEFT JOIN text_data td ON td.variable_id = v.id "
                            "WHERE v.survey_id = ?1 AND v.type = 'string'",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, survey_id);
  while (TRUE)
    {
      gboolean outside = FALSE;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      for (int c = 1; c <= 2; c++)
        if (sqlite3_column_type (stmt, c) != SQLITE_NULL &&
            (sqlite3_column_type (stmt, c) != SQLITE_INTEGER ||
             sqlite3_column_int64 (stmt, c) < 0 || sqlite3_column_int64 (stmt, c) >= n_rows))
          outside = TRUE;
      if (outside)
        {
          damaged (error, _("variable %s: a text answer for a respondent row outside the survey’s %lld"),
                   evk_stmt_column_text (stmt, 0) ?: "?", (long long) n_rows);
          sqlite3_reset (stmt);
          return FALSE;
        }
      /* The answers in one row: for as many respondents as the survey
       * has, a row number for each (their bytes are checked when read). */
      if (sqlite3_column_int (stmt, 3) &&
          (sqlite3_column_int64 (stmt, 4) != n_rows || sqlite3_column_int64 (stmt, 5) < 0 ||
           sqlite3_column_int64 (stmt, 5) > n_rows ||
           sqlite3_column_int64 (stmt, 6) != 4 * sqlite3_column_int64 (stmt, 5)))
        {
          damaged (error, _("variable %s: its stored text answers are damaged"),
                   evk_stmt_column_text (stmt, 0) ?: "?");
          sqlite3_reset (stmt);
          return FALSE;
        }
    }

  if (n_numeric == 0 && n_rows > 0)
    {
      gint64 n_bytes;

      stmt = evk_store_prepare (store,
                                "SELECT page_count * page_size FROM pragma_page_count (), pragma_page_size ()",
                                error);
      if (stmt == NULL || !evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      n_bytes = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (n_rows > n_bytes)
        return damaged (error, _("%lld respondents is more than the file holds"),
                        (long long) n_rows);
    }
  return TRUE;
}

static gboolean
load_value_labels (EvkStore      *store,
                   EvkVariable   *variable,
                   gint64         id,
                   EvkTextIndex  *label_texts,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT id, num_value, str_value FROM value_label "
                            "WHERE variable_id = ?1 ORDER BY position",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, id);
  while (TRUE)
    {
      EvkValueLabel *label;
      gboolean is_number;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      is_number = sqlite3_column_type (stmt, 1) == SQLITE_INTEGER ||
                  sqlite3_column_type (stmt, 1) == SQLITE_FLOAT;
      if (is_number == (sqlite3_column_type (stmt, 2) != SQLITE_NULL))
        {
          damaged (error, _("a value label needs either a number or a text"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      label = evk_variable_add_value_label (variable, sqlite3_column_double (stmt, 1),
                                            evk_stmt_column_text (stmt, 2));
      g_hash_table_unref (label->label);
      label->label = evk_text_index_get (label_texts, sqlite3_column_int64 (stmt, 0), "label");
    }
  return TRUE;
}

static gboolean
load_missing (EvkStore     *store,
              EvkVariable  *variable,
              gint64        id,
              GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT lo, hi, str_value, kind FROM missing_value WHERE variable_id = ?1 "
                            "ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, id);
  while (TRUE)
    {
      EvkMissingKind kind;
      double lo, hi;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      if (!missing_kind_from_string (evk_stmt_column_text (stmt, 3), &kind))
        {
          damaged (error, _("unknown kind of missing value “%s”"),
                          evk_stmt_column_text (stmt, 3) ?: "");
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          EvkMissing *missing = g_new0 (EvkMissing, 1);

          missing->lo = missing->hi = NAN;
          missing->str_value = g_strdup (evk_stmt_column_text (stmt, 2));
          missing->kind = kind;
          g_ptr_array_add (variable->missing, missing);
          continue;
        }
      lo = sqlite3_column_double (stmt, 0);
      hi = sqlite3_column_double (stmt, 1);
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL || sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
          !(lo <= hi))
        {
          damaged (error, _("a missing-value range has no valid bounds"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      evk_variable_add_missing (variable, lo, hi, kind);
    }
  return TRUE;
}

static gboolean
load_data (EvkStore     *store,
           EvkSurvey    *survey,
           EvkVariable  *variable,
           gint64        id,
           GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;

  if (variable->type == EVK_VARIABLE_NUMERIC)
    {
      EvkColumn *column;
      EvkColumnKind kind;

      /* check_row_count has seen the kind, the count and the size. */
      stmt = evk_store_prepare (store,
                                "SELECT kind, n_rows, data FROM column_data WHERE variable_id = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row ||
          !evk_column_kind_from_string (evk_stmt_column_text (stmt, 0), &kind) ||
          sqlite3_column_int64 (stmt, 1) != survey->n_rows ||
          (column = evk_column_new_from_data (kind, survey->n_rows,
                                              sqlite3_column_blob (stmt, 2),
                                              sqlite3_column_bytes (stmt, 2))) == NULL)
        {
          damaged (error, _("its stored values are damaged"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      evk_column_free (variable->column);
      variable->column = column;
      return TRUE;
    }

  /* A text variable: one row of text_data, or, saved before there was
   * one, a row of string_data per answer. */
  stmt = evk_store_prepare (store,
                            "SELECT n_rows, rows, texts FROM text_data WHERE variable_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, id);
  if (!evk_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      EvkTextColumn *texts = NULL;

      if (sqlite3_column_int64 (stmt, 0) != survey->n_rows ||
          (texts = evk_text_column_new_from_data (survey->n_rows,
                                                  sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1),
                                                  sqlite3_column_blob (stmt, 2),
                                                  sqlite3_column_bytes (stmt, 2))) == NULL)
        {
          damaged (error, _("its stored text answers are damaged"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      g_clear_pointer (&variable->texts, evk_text_column_free);
      variable->texts = texts;
      return TRUE;
    }

  stmt = evk_store_prepare (store,
                            "SELECT row, value FROM string_data WHERE variable_id = ?1 ORDER BY row",
                            error);
  if (stmt == NULL)
    return FALSE;
  g_clear_pointer (&variable->texts, evk_text_column_free);
  variable->texts = evk_text_column_new ();
  evk_stmt_bind_int (stmt, 1, id);
  while (TRUE)
    {
      gint64 row;
      const char *value;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      row = sqlite3_column_int64 (stmt, 0);
      value = evk_stmt_column_text (stmt, 1);
      if (sqlite3_column_type (stmt, 0) != SQLITE_INTEGER || row < 0 || row >= survey->n_rows ||
          value == NULL)
        {
          damaged (error, _("a text answer for respondent row %lld, outside the survey’s %u"),
                   (long long) row, survey->n_rows);
          sqlite3_reset (stmt);
          return FALSE;
        }
      /* Rows come in order, each once (the key): one that does not is
       * damage. */
      if (!g_utf8_validate (value, -1, NULL) || !evk_text_column_append_at (variable->texts, row, value))
        {
          damaged (error, _("its stored text answers are damaged"));
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  evk_text_column_pad (variable->texts, survey->n_rows);
  return TRUE;
}

static gboolean
load_variables (EvkStore   *store,
                EvkSurvey  *survey,
                gint64      survey_id,
                gboolean    with_data,
                GError    **error)
{
  g_autoptr(EvkTextIndex) variable_texts = evk_text_index_load (store, "variable", error);
  g_autoptr(EvkTextIndex) label_texts = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean has_row;

  if (variable_texts == NULL || (label_texts = evk_text_index_load (store, "value_label", error)) == NULL)
    return FALSE;

  stmt = evk_store_prepare (store, "SELECT count (*) FROM variable WHERE survey_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, survey_id);
  if (!evk_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row && sqlite3_column_int64 (stmt, 0) > EVK_SURVEY_MAX_VARIABLES)
    {
      gint64 n = sqlite3_column_int64 (stmt, 0);

      damaged (error, _("%lld variables, more than the %u a survey may have"),
               (long long) n, (guint) EVK_SURVEY_MAX_VARIABLES);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = evk_store_prepare (store,
                            "SELECT id, name, type, measure, format, width, personal, text_role FROM variable "
                            "WHERE survey_id = ?1 ORDER BY position",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, survey_id);
  while (TRUE)
    {
      EvkVariable *variable;
      const char *name, *type;
      EvkMeasureLevel measure = EVK_MEASURE_UNKNOWN;
      EvkTextRole text_role = EVK_TEXT_ROLE_AUTO;
      gint64 id, personal;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      name = evk_stmt_column_text (stmt, 1);
      type = evk_stmt_column_text (stmt, 2);
      personal = sqlite3_column_int64 (stmt, 6);
      if (name == NULL || *name == '\0')
        variable = NULL;
      else if (g_strcmp0 (type, "string") != 0 && g_strcmp0 (type, "numeric") != 0)
        {
          damaged (error, _("variable %s: unknown type “%s”"), name, type ?: "");
          sqlite3_reset (stmt);
          return FALSE;
        }
      else if (!measure_level_from_string (evk_stmt_column_text (stmt, 3), &measure))
        {
          damaged (error, _("variable %s: unknown measurement level “%s”"),
                          name, evk_stmt_column_text (stmt, 3) ?: "");
          sqlite3_reset (stmt);
          return FALSE;
        }
      else if (personal != 0 && personal != 1)
        {
          damaged (error, _("variable %s: the personal-data mark is neither 0 nor 1"), name);
          sqlite3_reset (stmt);
          return FALSE;
        }
      else if (!evk_text_role_from_string (evk_stmt_column_text (stmt, 7), &text_role))
        {
          damaged (error, _("variable %s: unknown text role “%s”"), name, evk_stmt_column_text (stmt, 7));
          sqlite3_reset (stmt);
          return FALSE;
        }
      else if ((variable = evk_survey_add_variable (survey, name,
                                                    g_str_equal (type, "string")
                                                      ? EVK_VARIABLE_STRING
                                                      : EVK_VARIABLE_NUMERIC)) == NULL)
        {
          damaged (error, _("two variables are named %s"), name);
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (variable == NULL)
        {
          damaged (error, _("a variable has no name"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      variable->measure = measure;
      variable->format = g_strdup (evk_stmt_column_text (stmt, 4));
      variable->width = sqlite3_column_int (stmt, 5);
      variable->personal = personal;
      variable->text_role = text_role;
      variable->id = id;
      g_hash_table_unref (variable->label);
      variable->label = evk_text_index_get (variable_texts, id, "label");
      g_array_append_val (ids, id);
      /* Without the data, a column is read when first asked for. */
      if (!with_data)
        {
          g_clear_pointer (&variable->column, evk_column_free);
          g_clear_pointer (&variable->texts, evk_text_column_free);
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);
      gint64 id = g_array_index (ids, gint64, i);

      if (!load_value_labels (store, variable, id, label_texts, error) ||
          !load_missing (store, variable, id, error) ||
          (with_data && !load_data (store, survey, variable, id, error)))
        {
          g_prefix_error (error, _("variable %s: "), variable->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* What refers to variables by name refers to this survey's. */
static gboolean
check_references (EvkSurvey  *survey,
                  GError    **error)
{
  for (guint i = 0; i < survey->mrsets->len; i++)
    {
      EvkMrSet *set = g_ptr_array_index (survey->mrsets, i);

      for (guint j = 0; set->variables[j] != NULL; j++)
        if (evk_survey_get_variable (survey, set->variables[j]) == NULL)
          return damaged (error, _("multiple-response set %s: no variable %s"),
                          set->name, set->variables[j]);
    }

  for (guint i = 0; i < survey->population->len; i++)
    {
      EvkPopulationShare *share = g_ptr_array_index (survey->population, i);

      if (evk_survey_get_variable (survey, share->variable) == NULL)
        return damaged (error, _("population shares of %s, which the survey does not have"),
                        share->variable);
    }

  for (const char *names[] = { survey->id_variable, survey->weight_variable }, **n = names;
       n < names + 2; n++)
    if (*n != NULL && evk_survey_get_variable (survey, *n) == NULL)
      return damaged (error, _("the survey names variable %s, which it does not have"), *n);
  return TRUE;
}

static gboolean
load_mrsets (EvkStore   *store,
             EvkSurvey  *survey,
             gint64      survey_id,
             GError    **error)
{
  g_autoptr(EvkTextIndex) mrset_texts = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean has_row;

  if ((mrset_texts = evk_text_index_load (store, "mrset", error)) == NULL)
    return FALSE;

  stmt = evk_store_prepare (store,
                            "SELECT id, name, type, counted_value FROM mrset WHERE survey_id = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, survey_id);
  while (TRUE)
    {
      const char *name, *type;
      EvkMrSet *set;
      gint64 id;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      name = evk_stmt_column_text (stmt, 1);
      type = evk_stmt_column_text (stmt, 2);
      if (name == NULL || *name == '\0' ||
          (g_strcmp0 (type, "category") != 0 && g_strcmp0 (type, "dichotomy") != 0))
        {
          damaged (error, _("multiple-response set %s: no name or an unknown type “%s”"),
                          name ?: "", type ?: "");
          sqlite3_reset (stmt);
          return FALSE;
        }
      set = evk_survey_add_mrset (survey, name,
                                  g_str_equal (type, "category") ? EVK_MRSET_CATEGORY : EVK_MRSET_DICHOTOMY);
      if (set == NULL)
        {
          damaged (error, _("two multiple-response sets are named %s"), name);
          sqlite3_reset (stmt);
          return FALSE;
        }
      id = sqlite3_column_int64 (stmt, 0);
      set->counted_value = g_strdup (evk_stmt_column_text (stmt, 3));
      g_hash_table_unref (set->label);
      set->label = evk_text_index_get (mrset_texts, id, "label");
      g_array_append_val (ids, id);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      EvkMrSet *set = g_ptr_array_index (survey->mrsets, i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      /* Names, not ids: a variable of another survey is caught by
       * check_references. */
      stmt = evk_store_prepare (store,
                                "SELECT v.name, v.survey_id = ?2 FROM mrset_variable mv "
                                "LEFT JOIN variable v ON v.id = mv.variable_id "
                                "WHERE mv.mrset_id = ?1 ORDER BY mv.position",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, g_array_index (ids, gint64, i));
      evk_stmt_bind_int (stmt, 2, survey_id);
      while (TRUE)
        {
          if (!evk_store_step (store, stmt, &has_row, error))
            return FALSE;
          if (!has_row)
            break;
          if (sqlite3_column_type (stmt, 0) == SQLITE_NULL || !sqlite3_column_int (stmt, 1))
            {
              damaged (error, _("multiple-response set %s: a variable the survey does not have"),
                              set->name);
              sqlite3_reset (stmt);
              return FALSE;
            }
          g_strv_builder_add (builder, evk_stmt_column_text (stmt, 0));
        }
      g_strfreev (set->variables);
      set->variables = g_strv_builder_end (builder);
    }
  return TRUE;
}

static EvkSurvey *
load_survey (EvkStore    *store,
             const char  *name,
             gboolean     with_data,
             GError     **error)
{
  g_autoptr(EvkSurvey) survey = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gint64 survey_id, n_rows;

  stmt = evk_store_prepare (store,
                            "SELECT id, source_file, source_format, n_respondents, invited, "
                            "net_population, id_variable, weight_variable FROM survey WHERE name = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, name);
  if (!evk_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("the project has no survey “%s”"), name);
      return NULL;
    }

  survey = evk_survey_new (name);
  survey_id = sqlite3_column_int64 (stmt, 0);
  survey->id = survey_id;
  survey->source_file = g_strdup (evk_stmt_column_text (stmt, 1));
  survey->source_format = g_strdup (evk_stmt_column_text (stmt, 2));
  n_rows = sqlite3_column_type (stmt, 3) == SQLITE_INTEGER ? sqlite3_column_int64 (stmt, 3) : -1;
  survey->invited = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 4);
  survey->net_population = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 5);
  survey->id_variable = g_strdup (evk_stmt_column_text (stmt, 6));
  survey->weight_variable = g_strdup (evk_stmt_column_text (stmt, 7));
  sqlite3_reset (stmt);

  if (with_data && evk_store_is_review_copy (store, NULL))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                   _("%s is a review copy: the survey’s answers are not in it, they stay with the evaluator"),
                   evk_store_get_path (store));
      return NULL;
    }
  if (!check_row_count (store, survey_id, n_rows, error))
    return NULL;
  survey->n_rows = (guint) n_rows;

  {
    g_autoptr(EvkTextIndex) survey_texts = evk_text_index_load (store, "survey", error);

    if (survey_texts == NULL)
      return NULL;
    g_hash_table_unref (survey->label);
    survey->label = evk_text_index_get (survey_texts, survey_id, "label");
  }

  if (!load_variables (store, survey, survey_id, with_data, error) ||
      !load_mrsets (store, survey, survey_id, error))
    return NULL;

  stmt = evk_store_prepare (store,
                            "SELECT variable, num_value, share, source FROM population_share "
                            "WHERE survey_id = ?1 ORDER BY variable, num_value",
                            error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_int (stmt, 1, survey_id);
  while (TRUE)
    {
      double share;

      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      share = sqlite3_column_double (stmt, 2);
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL || !(share >= 0 && share <= 100))
        {
          damaged (error, _("a population share without a variable or outside 0 to 100 %%"));
          sqlite3_reset (stmt);
          return NULL;
        }
      evk_survey_add_population_share (survey, evk_stmt_column_text (stmt, 0),
                                       sqlite3_column_double (stmt, 1), share,
                                       evk_stmt_column_text (stmt, 3));
    }

  if (!check_references (survey, error))
    return NULL;
  if (!with_data)
    survey->store = store;
  return g_steal_pointer (&survey);
}

/* A damaged file is named, with the survey: the message is all a user of
 * the command line or the window gets. */
static void
prefix_damaged (EvkStore    *store,
                const char  *name,
                GError     **error)
{
  if (error != NULL && g_error_matches (*error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT))
    g_prefix_error (error, _("%s: survey “%s”: "), evk_store_get_path (store), name);
}

/* A survey read without its data reads a column by the variable's id,
 * which no other variable ever takes (the ids are AUTOINCREMENT). If the
 * row is gone, another window or command replaced the survey since: that
 * is said as such, not as damage. */
static gboolean
load_later (EvkSurvey    *survey,
            EvkVariable  *variable,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;

  /* A review copy's survey is its questions: there are no answers to
   * read later either. */
  if (evk_store_is_review_copy (survey->store, NULL))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                   _("%s is a review copy: the survey’s answers are not in it, they stay with the evaluator"),
                   evk_store_get_path (survey->store));
      return FALSE;
    }
  if (load_data (survey->store, survey, variable, variable->id, &local_error))
    return TRUE;

  stmt = evk_store_prepare (survey->store,
                            "SELECT 1 FROM variable WHERE id = ?1 AND survey_id = ?2",
                            NULL);
  if (stmt != NULL)
    {
      evk_stmt_bind_int (stmt, 1, variable->id);
      evk_stmt_bind_int (stmt, 2, survey->id);
      if (!evk_store_step (survey->store, stmt, &has_row, NULL))
        has_row = TRUE;
      sqlite3_reset (stmt);
    }
  if (!has_row)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s: survey “%s” was replaced in the project while it was open: open it again"),
                   evk_store_get_path (survey->store), survey->name);
      return FALSE;
    }
  g_prefix_error (&local_error, _("variable %s: "), variable->name);
  prefix_damaged (survey->store, survey->name, &local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gint
compare_natural (gconstpointer a,
                 gconstpointer b,
                 gpointer      keys)
{
  return strcmp (g_hash_table_lookup (keys, *(const char * const *) a),
                 g_hash_table_lookup (keys, *(const char * const *) b));
}

/* Codes a text variable's answers as categories, when its column is first
 * asked for. Coding on load rather than at import keeps the answers the
 * one stored truth: the evaluator can call a variable free text or
 * categories at any time without the file being rewritten, a re-import
 * compares texts with texts, and nothing stored can disagree with the
 * answers. The cost is one pass over the answers per opened survey, only
 * for the text variables a table uses.
 *
 * The order is the value labels' (the questionnaire's) for labelled texts,
 * then the other texts in natural order ("Group 2" before "Group 10",
 * letters by the collation of the locale); each category prints as its
 * value label, else as its text, in every language. */
static gboolean
code_texts (EvkSurvey    *survey,
            EvkVariable  *variable,
            GError      **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) unlabelled = g_ptr_array_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func ((GDestroyNotify) value_label_free);
  g_autoptr(EvkColumn) column = evk_column_new ();
  guint n_answers, row = 0;

  if (variable->texts == NULL && !load_later (survey, variable, error))
    return FALSE;
  n_answers = evk_text_column_get_n_answers (variable->texts);

  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->value_labels, i);
      EvkValueLabel *category;

      if (label->str_value == NULL || g_hash_table_contains (codes, label->str_value))
        continue;
      category = g_new0 (EvkValueLabel, 1);
      category->value = categories->len + 1;
      category->str_value = g_strdup (label->str_value);
      category->label = g_hash_table_ref (label->label);
      g_ptr_array_add (categories, category);
      g_hash_table_insert (codes, category->str_value, category);
    }
  for (guint i = 0; i < n_answers; i++)
    {
      const char *text = evk_text_column_get_answer (variable->texts, i, NULL);

      if (!g_hash_table_contains (codes, text) && !g_hash_table_contains (keys, text))
        {
          g_hash_table_insert (keys, (gpointer) text, g_utf8_collate_key_for_filename (text, -1));
          g_ptr_array_add (unlabelled, (gpointer) text);
        }
    }
  g_ptr_array_sort_with_data (unlabelled, compare_natural, keys);
  for (guint i = 0; i < unlabelled->len; i++)
    {
      EvkValueLabel *category = g_new0 (EvkValueLabel, 1);

      category->value = categories->len + 1;
      category->str_value = g_strdup (g_ptr_array_index (unlabelled, i));
      category->label = evk_localized_new ();
      /* A text is the same in every language. */
      evk_localized_set (category->label, "und", category->str_value);
      g_ptr_array_add (categories, category);
      g_hash_table_insert (codes, category->str_value, category);
    }

  for (guint i = 0; i < n_answers; i++)
    {
      guint answer_row;
      const char *text = evk_text_column_get_answer (variable->texts, i, &answer_row);
      EvkValueLabel *category = g_hash_table_lookup (codes, text);

      for (; row < answer_row; row++)
        evk_column_append (column, NAN);
      evk_column_append (column, category->value);
      row++;
    }
  for (; row < survey->n_rows; row++)
    evk_column_append (column, NAN);

  g_clear_pointer (&variable->text_categories, g_ptr_array_unref);
  variable->text_categories = g_steal_pointer (&categories);
  g_clear_pointer (&variable->column, evk_column_free);
  variable->column = g_steal_pointer (&column);
  return TRUE;
}

EvkColumn *
evk_survey_get_column (EvkSurvey    *survey,
                       EvkVariable  *variable,
                       GError      **error)
{
  g_return_val_if_fail (survey != NULL && variable != NULL, NULL);

  if (variable->type == EVK_VARIABLE_STRING)
    {
      if (evk_survey_get_role (survey, variable) != EVK_ROLE_TEXT_CATEGORIES)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("variable %s holds text, not codes"), variable->name);
          return NULL;
        }
      if (variable->column == NULL && !code_texts (survey, variable, error))
        return NULL;
      return variable->column;
    }
  /* A review copy's survey has its questions and none of its answers. */
  if (variable->column == NULL && survey->store != NULL && evk_store_is_review_copy (survey->store, NULL))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                   _("the answers to %s are not here (a review copy holds none)"), variable->name);
      return NULL;
    }
  if (variable->column == NULL &&
      (survey->store == NULL || variable->id <= 0 || !load_later (survey, variable, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                     _("variable %s has no values"), variable->name);
      return NULL;
    }
  return variable->column;
}

gboolean
evk_survey_load_data (EvkSurvey  *survey,
                      GError    **error)
{
  g_return_val_if_fail (survey != NULL, FALSE);

  if (survey->store == NULL)
    return TRUE;
  for (guint i = 0; i < survey->variables->len; i++)
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);

      if ((variable->type == EVK_VARIABLE_STRING ? (gpointer) variable->texts : (gpointer) variable->column) == NULL &&
          !load_later (survey, variable, error))
        return FALSE;
    }
  survey->store = NULL;
  return TRUE;
}

EvkSurvey *
evk_survey_load (EvkStore    *store,
                 const char  *name,
                 gboolean     with_data,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  EvkSurvey *survey = load_survey (store, name, with_data, &local_error);

  if (survey == NULL)
    {
      prefix_damaged (store, name, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return survey;
}

GStrv
evk_survey_list (EvkStore  *store,
                 GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT name FROM survey ORDER BY id", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, &local_error) && has_row)
    g_strv_builder_add (builder, evk_stmt_column_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strv_builder_end (builder);
}
