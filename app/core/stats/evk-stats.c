/* evk-stats.c: the statistics behind every chart, independent of drawing
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-stats.h"
#include "evk-words.h"

struct _EvkStats
{
  EvkSurvey  *survey;
  EvkRows    *all;
  EvkRows    *group;        /* NULL = all */
  GHashTable *group_name;
  EvkBase     base;
  guint       small_cell;
  double     *weights;      /* NULL = unweighted */
  GHashTable *weighting_label; /* localized; NULL = unweighted */
};

/* A value as it was written: 0.06, not 0.059999999999999998. The shortest
 * of 15 and 17 significant digits that reads back to the same double. */
char *
evk_value_to_string (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  return g_strdup (buf);
}

EvkStats *
evk_stats_new (EvkSurvey *survey)
{
  EvkStats *stats = g_new0 (EvkStats, 1);

  stats->survey = survey;
  stats->all = evk_rows_new_all (survey->n_rows);
  stats->base = EVK_BASE_WITH_DONT_KNOW;
  stats->small_cell = 5;
  return stats;
}

void
evk_stats_free (EvkStats *stats)
{
  if (stats == NULL)
    return;
  evk_rows_free (stats->all);
  evk_rows_free (stats->group);
  g_clear_pointer (&stats->group_name, g_hash_table_unref);
  g_free (stats->weights);
  g_clear_pointer (&stats->weighting_label, g_hash_table_unref);
  g_free (stats);
}

void
evk_stats_set_group (EvkStats      *stats,
                     const EvkRows *rows,
                     GHashTable    *name)
{
  g_clear_pointer (&stats->group, evk_rows_free);
  g_clear_pointer (&stats->group_name, g_hash_table_unref);
  if (rows != NULL)
    stats->group = evk_rows_copy (rows);
  if (name != NULL)
    stats->group_name = g_hash_table_ref (name);
}

void
evk_stats_set_base (EvkStats *stats,
                    EvkBase   base)
{
  stats->base = base;
}

void
evk_stats_set_small_cell (EvkStats *stats,
                          guint     threshold)
{
  stats->small_cell = threshold;
}

guint
evk_stats_get_small_cell (EvkStats *stats)
{
  return stats->small_cell;
}

static const EvkRows *
rows_of (EvkStats *stats)
{
  return stats->group != NULL ? stats->group : stats->all;
}

guint
evk_stats_get_n (EvkStats *stats)
{
  return rows_of (stats)->n_selected;
}

static inline double
weight (EvkStats *stats,
        guint     row)
{
  return stats->weights != NULL ? stats->weights[row] : 1.0;
}

static EvkVariable *
get_numeric (EvkStats    *stats,
             const char  *name,
             GError     **error)
{
  EvkVariable *variable = evk_survey_get_variable (stats->survey, name);

  if (variable == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("survey “%s” has no variable %s"), stats->survey->name, name);
      return NULL;
    }
  /* A survey loaded without its data reads the column now, once. */
  if (evk_survey_get_column (stats->survey, variable, error) == NULL)
    return NULL;
  return variable;
}

/* The privacy rules live here, where every table, chart, export and live
 * figure is computed (the command line, the report and the window alike),
 * so no caller can forget them:
 *
 * - a variable marked personal (contact fields, organisation numbers) and
 *   free text are never tabulated: one row per phone number would print
 *   them;
 * - a group or filter that selects fewer respondents than the project's
 *   threshold gives no table, or "id = 102" would print one respondent's
 *   answers. An empty selection is refused too: otherwise "id = 102 and
 *   q5 = 3" answering with N = 0 or a refusal would tell q5 of 102. A
 *   selection of every respondent singles no one out. */
gboolean
evk_stats_check_rows (EvkStats       *stats,
                      const EvkRows  *rows,
                      GError        **error)
{
  if (rows == NULL || rows->n_selected >= stats->survey->n_rows ||
      rows->n_selected >= stats->small_cell)
    return TRUE;
  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
               g_dngettext (GETTEXT_PACKAGE,
                            "it selects %u respondent, fewer than the project’s threshold of %u: "
                            "no table, so that no respondent can be singled out",
                            "it selects %u respondents, fewer than the project’s threshold of %u: "
                            "no table, so that no respondent can be singled out",
                            rows->n_selected),
               rows->n_selected, stats->small_cell);
  return FALSE;
}

static EvkVariable *
get_tabulable (EvkStats    *stats,
               const char  *name,
               GError     **error)
{
  EvkVariable *variable = evk_survey_get_variable (stats->survey, name);
  EvkVariableRole role = variable != NULL ? evk_survey_get_role (stats->survey, variable) : EVK_ROLE_CODES;

  /* A text with few distinct answers (a region, a treatment group) is
   * counted as categories; any other text is free text. */
  if (role == EVK_ROLE_PERSONAL || role == EVK_ROLE_FREE_TEXT)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                   variable->type == EVK_VARIABLE_STRING
                     ? _("variable %s is free text: it is never tabulated, charted or exported")
                     : _("variable %s is personal data: it is never tabulated, charted or exported"),
                   name);
      return NULL;
    }
  if (!evk_stats_check_rows (stats, stats->group, error))
    return NULL;
  return get_numeric (stats, name, error);
}

/* A text's codes are its own: code 1 of one text variable is another text
 * than code 1 of the next, and no code is a "counted value". Tables that
 * compare codes across variables, or count one code, take numbers only. */
static EvkVariable *
get_tabulable_codes (EvkStats    *stats,
                     const char  *name,
                     gboolean     alone,
                     GError     **error)
{
  EvkVariable *variable = get_tabulable (stats, name, error);

  if (variable != NULL && variable->type == EVK_VARIABLE_STRING && !alone)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("variable %s holds text categories, which only a frequency or crosstab of it counts"),
                   name);
      return NULL;
    }
  return variable;
}

/* "Vektet etter {variable}" in every language of the words file, with the
 * variable's label in that language (its name where it has none). */
static GHashTable *
weighting_label (const char  *key,
                 EvkVariable *variable)
{
  g_autoptr(GHashTable) words = evk_word_localized ("Chart", key);
  GHashTable *label = evk_localized_new ();
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    {
      g_autoptr(GString) full = g_string_new (text);
      const char *name = variable->label != NULL ? evk_localized_get (variable->label, lang) : NULL;

      g_string_replace (full, "{variable}", name != NULL && *name != '\0' ? name : variable->name, 0);
      evk_localized_set (label, lang, full->str);
    }
  return label;
}

gboolean
evk_stats_set_weighting (EvkStats      *stats,
                         EvkWeighting   weighting,
                         const char    *variable_name,
                         GError       **error)
{
  EvkSurvey *survey = stats->survey;
  EvkVariable *variable;

  g_clear_pointer (&stats->weights, g_free);
  g_clear_pointer (&stats->weighting_label, g_hash_table_unref);
  if (weighting == EVK_WEIGHT_NONE)
    return TRUE;

  if ((variable = get_numeric (stats, variable_name, error)) == NULL)
    return FALSE;
  stats->weights = g_new0 (double, MAX (survey->n_rows, 1));

  if (weighting == EVK_WEIGHT_VARIABLE)
    {
      for (guint i = 0; i < survey->n_rows; i++)
        {
          double w = evk_column_get (variable->column, i);
          stats->weights[i] = isnan (w) || w < 0 ? 0 : w;
        }
      stats->weighting_label = weighting_label ("WeightedByVariable", variable);
      return TRUE;
    }

  /* Post-stratification: each category weighs its population share over
   * its sample share, so weighted shares equal the register's. */
  {
    g_autoptr(GHashTable) sample = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, g_free);
    guint n_valid = 0;
    gboolean any = FALSE;

    for (guint i = 0; i < survey->n_rows; i++)
      {
        double v = evk_column_get (variable->column, i);
        double *count;

        if (isnan (v))
          continue;
        count = g_hash_table_lookup (sample, &v);
        if (count == NULL)
          {
            count = g_new0 (double, 1);
            g_hash_table_insert (sample, g_memdup2 (&v, sizeof v), count);
          }
        (*count)++;
        n_valid++;
      }

    for (guint i = 0; i < survey->n_rows; i++)
      {
        double v = evk_column_get (variable->column, i);
        double *count = isnan (v) ? NULL : g_hash_table_lookup (sample, &v);

        stats->weights[i] = 0;
        if (count == NULL)
          continue;
        for (guint p = 0; p < survey->population->len; p++)
          {
            EvkPopulationShare *share = g_ptr_array_index (survey->population, p);
            if (g_str_equal (share->variable, variable_name) && share->value == v)
              {
                stats->weights[i] = (share->share / 100.0) / (*count / n_valid);
                any = TRUE;
              }
          }
      }
    if (!any)
      {
        g_clear_pointer (&stats->weights, g_free);
        g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                     _("survey “%s” has no population shares for %s"), survey->name, variable_name);
        return FALSE;
      }
  }
  stats->weighting_label = weighting_label ("WeightedToPopulation", variable);
  return TRUE;
}

/* ---- Categories ---------------------------------------------------- */

typedef struct {
  double         value;
  EvkEntryRole   role;
  GHashTable    *label;   /* borrowed or NULL */
} Category;

static gint
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const Category *ca = a, *cb = b;

  if (ca->role != cb->role)
    return ca->role < cb->role ? -1 : 1;
  return ca->value < cb->value ? -1 : ca->value > cb->value;
}

/* The label of a code that has no numeric value label: a coded text's
 * text (or its value label), else none. */
static GHashTable *
code_label (EvkVariable *variable,
            double       value)
{
  const EvkValueLabel *label;

  if (variable->text_categories == NULL)
    return NULL;
  label = evk_variable_find_value_label (variable, value);
  return label != NULL ? label->label : NULL;
}

static EvkEntryRole
role_of (EvkVariable *variable,
         double       value)
{
  const EvkMissing *missing = evk_variable_find_missing (variable, value);

  if (missing == NULL)
    return EVK_ENTRY_VALUE;
  return missing->kind == EVK_MISSING_DONT_KNOW ? EVK_ENTRY_DONT_KNOW : EVK_ENTRY_NOT_RELEVANT;
}

/* Does value count under the base? Sysmis only under "all". */
static gboolean
in_base (EvkStats    *stats,
         EvkVariable *variable,
         double       value)
{
  EvkEntryRole role;

  if (isnan (value))
    return stats->base == EVK_BASE_ALL;
  role = role_of (variable, value);
  switch (stats->base)
    {
    case EVK_BASE_VALID:
      return role == EVK_ENTRY_VALUE;
    case EVK_BASE_WITH_DONT_KNOW:
      return role != EVK_ENTRY_NOT_RELEVANT;
    case EVK_BASE_ALL:
    default:
      return TRUE;
    }
}

/* How often each code occurs among the selected rows of an i8 or i16
 * column, in one typed pass (a million answers in about a millisecond,
 * where a lookup per answer takes fifty): counts[code - CODES_LOW (kind)],
 * system-missing under the kind's smallest value. NULL for the wider
 * kinds, whose values are counted row by row. Counts are whole numbers,
 * so a table made from them is the one the row-by-row count makes. */
#define CODES_LOW(kind) ((kind) == EVK_COLUMN_I8 ? G_MININT8 : G_MININT16)

static guint *
count_codes (EvkColumn     *column,
             const EvkRows *rows)
{
  EvkColumnKind kind = evk_column_get_kind (column);
  gsize size;
  gconstpointer data = evk_column_get_data (column, &size);
  guint *counts;

  if (kind == EVK_COLUMN_I8)
    {
      const gint8 *codes = data;

      counts = g_new0 (guint, 1 << 8);
      for (guint i = 0; i < rows->n_rows; i++)
        counts[codes[i] - G_MININT8] += rows->selected[i] != 0;
      return counts;
    }
  if (kind == EVK_COLUMN_I16)
    {
      const gint16 *codes = data;

      counts = g_new0 (guint, 1 << 16);
      for (guint i = 0; i < rows->n_rows; i++)
        counts[codes[i] - G_MININT16] += rows->selected[i] != 0;
      return counts;
    }
  return NULL;
}

/* The count of value in counts (see count_codes), 0 for a value the kind
 * cannot hold. */
static guint
code_count (const guint   *counts,
            EvkColumnKind  kind,
            double         value)
{
  double low = CODES_LOW (kind), high = kind == EVK_COLUMN_I8 ? G_MAXINT8 : G_MAXINT16;

  if (!(value > low && value <= high) || value != floor (value))
    return 0;
  return counts[(gint) value - (gint) low];
}

/* The categories a variable can show: its labelled values and any other
 * value that occurs, ordered by value with missing codes last. counts,
 * when there are any, tell which values occur. */
static GArray *
collect_categories (EvkStats    *stats,
                    EvkVariable *variable,
                    const guint *counts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  GArray *categories = g_array_new (FALSE, FALSE, sizeof (Category));
  const EvkRows *rows = rows_of (stats);

  for (guint i = 0; i < variable->value_labels->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->value_labels, i);
      Category c = { label->value, role_of (variable, label->value), label->label };

      if (label->str_value != NULL || g_hash_table_contains (seen, &label->value))
        continue;
      g_hash_table_add (seen, g_memdup2 (&label->value, sizeof (double)));
      g_array_append_val (categories, c);
    }
  /* A coded text's categories are all its texts, as a numeric variable's
   * are its labelled values: every group's table has the same rows. */
  for (guint i = 0; variable->text_categories != NULL && i < variable->text_categories->len; i++)
    {
      EvkValueLabel *label = g_ptr_array_index (variable->text_categories, i);
      Category c = { label->value, role_of (variable, label->value), label->label };

      g_hash_table_add (seen, g_memdup2 (&label->value, sizeof (double)));
      g_array_append_val (categories, c);
    }

  if (counts != NULL)
    {
      EvkColumnKind kind = evk_column_get_kind (variable->column);
      guint n_codes = kind == EVK_COLUMN_I8 ? 1 << 8 : 1 << 16;

      /* Code 0 of the counts is system-missing. */
      for (guint code = 1; code < n_codes; code++)
        {
          double v = (double) ((gint) code + CODES_LOW (kind));

          if (counts[code] == 0 || g_hash_table_contains (seen, &v))
            continue;
          {
            Category c = { v, role_of (variable, v), code_label (variable, v) };
            g_hash_table_add (seen, g_memdup2 (&v, sizeof v));
            g_array_append_val (categories, c);
          }
        }
    }
  else
    for (guint i = 0; i < rows->n_rows; i++)
      {
        double v;

        if (!rows->selected[i])
          continue;
        v = evk_column_get (variable->column, i);
        if (isnan (v) || g_hash_table_contains (seen, &v))
          continue;
        {
          Category c = { v, role_of (variable, v), code_label (variable, v) };
          g_hash_table_add (seen, g_memdup2 (&v, sizeof v));
          g_array_append_val (categories, c);
        }
      }

  /* Distinct values: the order does not depend on the order found. */
  g_array_sort (categories, compare_categories);
  return categories;
}

/* The key of a category: a coded text's text, a date's ISO 8601 date
 * (both read in a CSV or JSON export), else the code. */
static char *
category_key (EvkVariable *variable,
              double       value)
{
  const EvkValueLabel *label = variable->text_categories != NULL ? evk_variable_find_value_label (variable, value)
                                                                 : NULL;
  char *date;

  if (label != NULL && label->str_value != NULL)
    return g_strdup (label->str_value);
  if ((date = evk_variable_format_date (variable, NULL, value)) != NULL)
    return date;
  return evk_value_to_string (value);
}

/* An unlabelled date prints in each language's date format, as PSPP
 * prints it in its own (1949/03/24), not as SPSS's seconds. */
static void
set_date_label (EvkTableEntry *entry,
                EvkVariable   *variable,
                double         value)
{
  g_auto(GStrv) langs = NULL;

  if (g_hash_table_size (entry->label) > 0 || isnan (value))
    return;
  langs = evk_word_languages ("Format", "Date");
  for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
    {
      g_autofree char *text = evk_variable_format_date (variable, langs[i], value);

      if (text != NULL)
        evk_localized_set (entry->label, langs[i], text);
    }
  if (g_hash_table_size (entry->label) > 0)
    {
      g_autofree char *iso = evk_variable_format_date (variable, NULL, value);
      evk_localized_set (entry->label, "und", iso);
    }
}

static void
set_label_from_value (EvkTableEntry *entry,
                      GHashTable    *label,
                      double         value)
{
  if (label != NULL)
    {
      GHashTableIter iter;
      gpointer lang, text;

      g_hash_table_iter_init (&iter, label);
      while (g_hash_table_iter_next (&iter, &lang, &text))
        evk_localized_set (entry->label, lang, text);
    }
  if (g_hash_table_size (entry->label) == 0)
    {
      g_autofree char *text = evk_value_to_string (value);
      g_auto(GStrv) langs = evk_word_languages ("Format", "DecimalMark");

      /* An unlabelled code shows as itself in every language, written as
       * that language writes a decimal ("0,06" in Norwegian). */
      evk_localized_set (entry->label, "und", text);
      for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
        {
          const char *mark = evk_word ("Format", "DecimalMark", langs[i]);
          g_autoptr(GString) written = g_string_new (text);

          if (mark != NULL)
            g_string_replace (written, ".", mark, 1);
          if (value < 0)
            g_string_replace (written, "-", evk_word ("Format", "Minus", langs[i]) ?: "-", 1);
          evk_localized_set (entry->label, langs[i], written->str);
        }
    }
}

static void
set_word (GHashTable *into,
          const char *group,
          const char *key)
{
  g_autoptr(GHashTable) word = evk_word_localized (group, key);
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, word);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    evk_localized_set (into, lang, text);
}

static void
copy_localized (GHashTable *into,
                GHashTable *from)
{
  GHashTableIter iter;
  gpointer lang, text;

  if (from == NULL)
    return;
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    evk_localized_set (into, lang, text);
}

static const char *
base_word (EvkBase base)
{
  static const char * const keys[] = { "BaseValid", "BaseWithDontKnow", "BaseAll" };

  return keys[base];
}

static void
finish_shares (EvkTable *table,
               gboolean  per_row_base)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      EvkTableEntry *row = evk_table_row (table, r);
      double base = per_row_base ? row->base : table->base;

      for (guint c = 0; c < table->columns->len; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);
          cell->share = base > 0 ? 100.0 * cell->count / base : NAN;
        }
    }
}

static EvkTable *
new_table (EvkStats   *stats,
           const char *kind,
           guint       n_rows,
           guint       n_columns)
{
  EvkTable *table = evk_table_new (kind, n_rows, n_columns);

  table->small_cell = stats->small_cell;
  table->weighted = stats->weights != NULL;
  set_word (table->base_label, "Stats", base_word (stats->base));
  copy_localized (table->group_label, stats->group_name);
  copy_localized (table->weighting_label, stats->weighting_label);
  return table;
}

EvkTable *
evk_stats_frequency (EvkStats    *stats,
                     const char  *name,
                     GError     **error)
{
  EvkVariable *variable = get_tabulable (stats, name, error);
  g_autoptr(GArray) categories = NULL;
  g_autoptr(EvkTable) table = NULL;
  g_autofree guint *counts = NULL;
  const EvkRows *rows = rows_of (stats);
  guint no_answer = G_MAXUINT;

  if (variable == NULL)
    return NULL;

  /* Weighted counts are summed row by row, in row order, as always. */
  if (stats->weights == NULL)
    counts = count_codes (variable->column, rows);
  categories = collect_categories (stats, variable, counts);
  table = new_table (stats, "frequency", categories->len + (stats->base == EVK_BASE_ALL), 1);
  copy_localized (table->title, variable->label);
  set_word (evk_table_column (table, 0)->label, "Stats", "Respondents");
  evk_table_column (table, 0)->key = g_strdup ("n");

  for (guint k = 0; k < categories->len; k++)
    {
      Category *c = &g_array_index (categories, Category, k);
      EvkTableEntry *row = evk_table_row (table, k);

      row->key = category_key (variable, c->value);
      row->value = c->value;
      row->role = c->role;
      set_date_label (row, variable, c->value);
      set_label_from_value (row, c->label, c->value);
    }
  if (stats->base == EVK_BASE_ALL)
    {
      EvkTableEntry *row = evk_table_row (table, categories->len);

      no_answer = categories->len;
      row->key = g_strdup ("no-answer");
      row->role = EVK_ENTRY_NOT_RELEVANT;
      set_word (row->label, "Stats", "NoAnswer");
    }

  if (counts != NULL)
    {
      EvkColumnKind kind = evk_column_get_kind (variable->column);

      /* Every value that occurs has its category (collect_categories). */
      for (guint k = 0; k < categories->len; k++)
        {
          double v = g_array_index (categories, Category, k).value;
          EvkCell *cell = evk_table_cell (table, k, 0);

          if (!in_base (stats, variable, v))
            continue;
          cell->n = code_count (counts, kind, v);
          cell->count = cell->n;
          table->n_base += cell->n;
        }
      if (in_base (stats, variable, NAN))
        {
          table->n_base += counts[0];
          if (no_answer != G_MAXUINT)
            {
              evk_table_cell (table, no_answer, 0)->n = counts[0];
              evk_table_cell (table, no_answer, 0)->count = counts[0];
            }
        }
      table->base = table->n_base;
    }
  else
    for (guint i = 0; i < rows->n_rows; i++)
      {
        double v, w;

        if (!rows->selected[i])
          continue;
        v = evk_column_get (variable->column, i);
        if (!in_base (stats, variable, v))
          continue;
        w = weight (stats, i);
        table->base += w;
        table->n_base++;
        if (isnan (v))
          {
            EvkCell *cell = evk_table_cell (table, no_answer, 0);
            cell->count += w;
            cell->n++;
            continue;
          }
        for (guint k = 0; k < categories->len; k++)
          if (g_array_index (categories, Category, k).value == v)
            {
              EvkCell *cell = evk_table_cell (table, k, 0);
              cell->count += w;
              cell->n++;
              break;
            }
      }

  /* Categories outside the base (e.g. "not relevant" under the valid
   * base) are dropped rather than shown as zero. */
  for (guint k = table->rows->len; k-- > 0;)
    {
      EvkTableEntry *row = evk_table_row (table, k);

      if (!isnan (row->value) && !in_base (stats, variable, row->value))
        evk_table_remove_row (table, k);
    }

  finish_shares (table, FALSE);
  return g_steal_pointer (&table);
}

EvkTable *
evk_stats_awareness (EvkStats    *stats,
                     const char  *heard_name,
                     const char  *used_name,
                     double       counted,
                     GError     **error)
{
  static const char * const keys[] = { "not-known", "known-not-used", "known-used" };
  static const char * const words[] = { "NotKnown", "KnownNotUsed", "KnownUsed" };
  EvkVariable *heard = get_tabulable_codes (stats, heard_name, FALSE, error);
  EvkVariable *used = heard != NULL ? get_tabulable_codes (stats, used_name, FALSE, error) : NULL;
  const EvkRows *rows = rows_of (stats);
  g_autoptr(EvkTable) table = NULL;

  if (used == NULL)
    return NULL;

  table = new_table (stats, "awareness", 1, 3);
  set_word (table->base_label, "Stats", "BaseAll");
  copy_localized (table->title, heard->label);
  evk_table_row (table, 0)->key = g_strdup (heard_name);
  copy_localized (evk_table_row (table, 0)->label, heard->label);
  for (guint c = 0; c < 3; c++)
    {
      evk_table_column (table, c)->key = g_strdup (keys[c]);
      set_word (evk_table_column (table, c)->label, "Stats", words[c]);
    }

  {
    /* Two typed passes make the masks; the count is one pass over bytes.
     * This is the table that follows the mouse on a million rows. */
    double range[2] = { counted, counted };
    g_autofree guint8 *is_heard = g_malloc (MAX (rows->n_rows, 1));
    g_autofree guint8 *is_used = g_malloc (MAX (rows->n_rows, 1));
    guint n[3] = { 0, 0, 0 };
    double w_sum[3] = { 0, 0, 0 };

    evk_column_match (heard->column, range, 1, FALSE, is_heard);
    evk_column_match (used->column, range, 1, FALSE, is_used);

    /* Routing asked "used" only of those who knew the offer; a "used"
     * without "heard" still counts as used, it cannot be unknown. */
    if (stats->weights == NULL)
      {
        guint total = 0, used_n = 0, heard_n = 0, len = rows->n_rows;
        const guint8 *restrict selected = rows->selected;

        for (guint i = 0; i < len; i++)
          {
            guint8 s = selected[i];
            total += s;
            used_n += s & is_used[i];
            heard_n += s & is_heard[i] & !is_used[i];
          }
        n[0] = total - used_n - heard_n;
        n[1] = heard_n;
        n[2] = used_n;
      }
    else
      for (guint i = 0; i < rows->n_rows; i++)
        if (rows->selected[i])
          {
            guint c = is_used[i] ? 2 : is_heard[i];
            n[c]++;
            w_sum[c] += stats->weights[i];
          }

    for (guint c = 0; c < 3; c++)
      {
        EvkCell *cell = evk_table_cell (table, 0, c);

        cell->n = n[c];
        cell->count = stats->weights == NULL ? n[c] : w_sum[c];
        table->base += cell->count;
        table->n_base += n[c];
      }
  }
  finish_shares (table, FALSE);
  return g_steal_pointer (&table);
}

EvkTable *
evk_stats_awareness_ranked (EvkStats            *stats,
                            const char * const  *heard,
                            const char * const  *used,
                            GPtrArray           *labels,
                            double               counted,
                            GError             **error)
{
  guint n = g_strv_length ((GStrv) heard);
  g_autoptr(EvkTable) table = NULL;
  g_autofree guint *order = NULL;

  table = new_table (stats, "awareness-ranked", n, 2);
  set_word (table->base_label, "Stats", "BaseAll");
  set_word (table->title, "Stats", "AwarenessTitle");
  evk_table_column (table, 0)->key = g_strdup ("heard");
  set_word (evk_table_column (table, 0)->label, "Stats", "Heard");
  evk_table_column (table, 1)->key = g_strdup ("used");
  set_word (evk_table_column (table, 1)->label, "Stats", "Used");

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(EvkTable) one = evk_stats_awareness (stats, heard[k], used[k], counted, error);
      EvkTableEntry *row = evk_table_row (table, k);
      EvkCell *heard_cell, *used_cell;

      if (one == NULL)
        return NULL;
      row->key = g_strdup (heard[k]);
      copy_localized (row->label, labels != NULL && k < labels->len ? g_ptr_array_index (labels, k)
                                                                  : evk_table_row (one, 0)->label);
      heard_cell = evk_table_cell (table, k, 0);
      used_cell = evk_table_cell (table, k, 1);
      /* Heard of = known, used or not. */
      heard_cell->count = evk_table_cell (one, 0, 1)->count + evk_table_cell (one, 0, 2)->count;
      heard_cell->n = evk_table_cell (one, 0, 1)->n + evk_table_cell (one, 0, 2)->n;
      *used_cell = *evk_table_cell (one, 0, 2);
      table->base = one->base;
      table->n_base = one->n_base;
    }
  finish_shares (table, FALSE);

  /* Ranked by awareness, most known first, as the seed's figure 3-1. */
  order = g_new (guint, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    order[k] = k;
  for (guint a = 1; a < n; a++)
    for (guint b = a; b > 0 && evk_table_cell (table, order[b], 0)->share >
                               evk_table_cell (table, order[b - 1], 0)->share; b--)
      {
        guint t = order[b];
        order[b] = order[b - 1];
        order[b - 1] = t;
      }
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    g_autofree EvkCell *cells = g_memdup2 (table->cells, sizeof (EvkCell) * n * 2);

    for (guint k = 0; k < n; k++)
      {
        g_ptr_array_add (rows, g_ptr_array_index (table->rows, order[k]));
        table->cells[k * 2] = cells[order[k] * 2];
        table->cells[k * 2 + 1] = cells[order[k] * 2 + 1];
      }
    for (guint k = 0; k < n; k++)
      table->rows->pdata[k] = g_ptr_array_index (rows, k);
  }
  return g_steal_pointer (&table);
}

EvkTable *
evk_stats_items (EvkStats            *stats,
                 const char * const  *names,
                 GError             **error)
{
  guint n = g_strv_length ((GStrv) names);
  g_autoptr(GPtrArray) variables = g_ptr_array_new ();
  g_autoptr(GArray) categories = NULL;
  g_autoptr(EvkTable) table = NULL;
  const EvkRows *rows = rows_of (stats);

  if (n == 0)
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("no items given"));
      return NULL;
    }
  for (guint k = 0; k < n; k++)
    {
      EvkVariable *variable = get_tabulable_codes (stats, names[k], n == 1, error);
      if (variable == NULL)
        return NULL;
      g_ptr_array_add (variables, variable);
    }

  /* The scale is the first item's; the items of a grid share it. */
  categories = collect_categories (stats, g_ptr_array_index (variables, 0), NULL);
  table = new_table (stats, "items", n, categories->len);
  for (guint c = 0; c < categories->len; c++)
    {
      Category *cat = &g_array_index (categories, Category, c);
      EvkTableEntry *column = evk_table_column (table, c);

      column->key = category_key (g_ptr_array_index (variables, 0), cat->value);
      column->value = cat->value;
      column->role = cat->role;
      set_date_label (column, g_ptr_array_index (variables, 0), cat->value);
      set_label_from_value (column, cat->label, cat->value);
    }

  for (guint k = 0; k < n; k++)
    {
      EvkVariable *variable = g_ptr_array_index (variables, k);
      EvkTableEntry *row = evk_table_row (table, k);
      g_autofree guint *counts = NULL;

      row->key = g_strdup (names[k]);
      copy_localized (row->label, variable->label);
      /* Unweighted, small codes are counted in one pass (see count_codes). */
      if (stats->weights == NULL && (counts = count_codes (variable->column, rows)) != NULL)
        {
          EvkColumnKind kind = evk_column_get_kind (variable->column);
          guint n_codes = kind == EVK_COLUMN_I8 ? 1 << 8 : 1 << 16;

          for (guint code = 1; code < n_codes; code++)
            if (counts[code] > 0 && in_base (stats, variable, (double) ((gint) code + CODES_LOW (kind))))
              row->n_base += counts[code];
          row->base = row->n_base;
          for (guint c = 0; c < categories->len; c++)
            {
              double v = g_array_index (categories, Category, c).value;
              EvkCell *cell = evk_table_cell (table, k, c);

              if (!in_base (stats, variable, v))
                continue;
              cell->n = code_count (counts, kind, v);
              cell->count = cell->n;
            }
          table->n_base = MAX (table->n_base, row->n_base);
          continue;
        }
      for (guint i = 0; i < rows->n_rows; i++)
        {
          double v, w;

          if (!rows->selected[i])
            continue;
          v = evk_column_get (variable->column, i);
          /* Each item's base is those who answered it. */
          if (isnan (v) || !in_base (stats, variable, v))
            continue;
          w = weight (stats, i);
          row->base += w;
          row->n_base++;
          for (guint c = 0; c < categories->len; c++)
            if (g_array_index (categories, Category, c).value == v)
              {
                EvkCell *cell = evk_table_cell (table, k, c);
                cell->count += w;
                cell->n++;
                break;
              }
        }
      table->n_base = MAX (table->n_base, row->n_base);
    }

  /* Drop scale points outside the base (e.g. don't know under "valid"). */
  for (guint c = table->columns->len; c-- > 0;)
    if (!in_base (stats, g_ptr_array_index (variables, 0), evk_table_column (table, c)->value))
      evk_table_remove_column (table, c);

  finish_shares (table, TRUE);
  return g_steal_pointer (&table);
}

static EvkTable *
count_items (EvkStats            *stats,
             const char          *kind,
             const char * const  *names,
             double               counted,
             gboolean             base_answered,
             GError             **error)
{
  guint n = g_strv_length ((GStrv) names);
  g_autoptr(GPtrArray) variables = g_ptr_array_new ();
  g_autoptr(EvkTable) table = NULL;
  const EvkRows *rows = rows_of (stats);
  double answers = 0;

  for (guint k = 0; k < n; k++)
    {
      EvkVariable *variable = get_tabulable_codes (stats, names[k], FALSE, error);
      if (variable == NULL)
        return NULL;
      g_ptr_array_add (variables, variable);
    }

  table = new_table (stats, kind, n, base_answered ? 2 : 1);
  evk_table_column (table, 0)->key = g_strdup ("respondents");
  set_word (evk_table_column (table, 0)->label, "Stats", "ShareOfRespondents");
  if (base_answered)
    {
      evk_table_column (table, 1)->key = g_strdup ("answers");
      set_word (evk_table_column (table, 1)->label, "Stats", "ShareOfAnswers");
      set_word (table->base_label, "Stats", "BaseAnsweredAny");
    }
  else
    set_word (table->base_label, "Stats", "BaseAll");

  for (guint k = 0; k < n; k++)
    {
      EvkVariable *variable = g_ptr_array_index (variables, k);
      EvkTableEntry *row = evk_table_row (table, k);

      row->key = g_strdup (names[k]);
      copy_localized (row->label, variable->label);
    }

  /* Unweighted, each item is one typed pass over its column, as a filter
   * is (evk_column_match): "v == counted" is the range [counted,
   * counted], and "answered" any value at all. */
  if (stats->weights == NULL)
    {
      g_autofree guint8 *hit = g_malloc (MAX (rows->n_rows, 1));
      g_autofree guint8 *any = base_answered ? g_malloc0 (MAX (rows->n_rows, 1)) : NULL;
      const double range[2] = { counted, counted };

      for (guint k = 0; k < n; k++)
        {
          EvkColumn *column = ((EvkVariable *) g_ptr_array_index (variables, k))->column;
          EvkCell *cell = evk_table_cell (table, k, 0);
          guint hits = 0;

          evk_column_match (column, range, 1, FALSE, hit);
          for (guint i = 0; i < rows->n_rows; i++)
            hits += hit[i] & rows->selected[i];
          cell->n = hits;
          cell->count = hits;
          answers += hits;
          if (any != NULL)
            {
              evk_column_match (column, NULL, 0, TRUE, hit);
              for (guint i = 0; i < rows->n_rows; i++)
                any[i] |= hit[i];
            }
        }
      if (any != NULL)
        for (guint i = 0; i < rows->n_rows; i++)
          table->n_base += any[i] & rows->selected[i];
      else
        table->n_base = rows->n_selected;
      table->base = table->n_base;
    }
  else
    for (guint i = 0; i < rows->n_rows; i++)
      {
        gboolean answered = FALSE;
        double w;

        if (!rows->selected[i])
          continue;
        w = weight (stats, i);
        for (guint k = 0; k < n; k++)
          {
            double v = evk_column_get (((EvkVariable *) g_ptr_array_index (variables, k))->column, i);

            if (!isnan (v))
              answered = TRUE;
            if (v == counted)
              {
                EvkCell *cell = evk_table_cell (table, k, 0);
                cell->count += w;
                cell->n++;
                answers += w;
              }
          }
        if (answered || !base_answered)
          {
            table->base += w;
            table->n_base++;
          }
      }

  finish_shares (table, FALSE);
  if (base_answered)
    for (guint k = 0; k < n; k++)
      {
        EvkCell *of_answers = evk_table_cell (table, k, 1);

        *of_answers = *evk_table_cell (table, k, 0);
        of_answers->share = answers > 0 ? 100.0 * of_answers->count / answers : NAN;
      }
  return g_steal_pointer (&table);
}

static void
sort_rows_by_first_column (EvkTable *table)
{
  guint n = table->rows->len, m = table->columns->len;

  /* Insertion sort: tables are short, and a stable order keeps ties in
   * questionnaire order. */
  for (guint a = 1; a < n; a++)
    for (guint b = a; b > 0 && evk_table_cell (table, b, 0)->count > evk_table_cell (table, b - 1, 0)->count; b--)
      {
        g_autofree EvkCell *tmp = g_memdup2 (&table->cells[b * m], m * sizeof (EvkCell));
        gpointer row = table->rows->pdata[b];

        memcpy (&table->cells[b * m], &table->cells[(b - 1) * m], m * sizeof (EvkCell));
        memcpy (&table->cells[(b - 1) * m], tmp, m * sizeof (EvkCell));
        table->rows->pdata[b] = table->rows->pdata[b - 1];
        table->rows->pdata[b - 1] = row;
      }
}

EvkTable *
evk_stats_multiple_response (EvkStats            *stats,
                             const char * const  *names,
                             double               counted,
                             GError             **error)
{
  EvkTable *table = count_items (stats, "multiple-response", names, counted, TRUE, error);

  if (table != NULL)
    sort_rows_by_first_column (table);
  return table;
}

/* A category set (SPSS type C: "most important", "second most important",
 * each variable holding a category): a row per category, counting each
 * respondent once however many of the variables name it. */
EvkTable *
evk_stats_category_set (EvkStats            *stats,
                        const char * const  *names,
                        GError             **error)
{
  guint n = g_strv_length ((GStrv) names);
  g_autoptr(GPtrArray) variables = g_ptr_array_new ();
  g_autoptr(GArray) categories = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  g_autoptr(EvkTable) table = NULL;
  g_autofree guint8 *chosen = NULL;
  const EvkRows *rows = rows_of (stats);
  double answers = 0;

  for (guint k = 0; k < n; k++)
    {
      EvkVariable *variable = get_tabulable_codes (stats, names[k], n == 1, error);
      if (variable == NULL)
        return NULL;
      g_ptr_array_add (variables, variable);
    }
  if (n == 0)
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("the set has no variables"));
      return NULL;
    }

  /* The categories of every variable of the set, but only real answers:
   * "don't know" and "not relevant" are no category anyone chose. */
  categories = g_array_new (FALSE, FALSE, sizeof (Category));
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GArray) of_one = collect_categories (stats, g_ptr_array_index (variables, k), NULL);

      for (guint c = 0; c < of_one->len; c++)
        {
          Category *cat = &g_array_index (of_one, Category, c);

          if (cat->role != EVK_ENTRY_VALUE || g_hash_table_contains (index, &cat->value))
            continue;
          g_hash_table_insert (index, g_memdup2 (&cat->value, sizeof (double)), GUINT_TO_POINTER (categories->len));
          g_array_append_val (categories, *cat);
        }
    }
  g_array_sort (categories, compare_categories);
  g_hash_table_remove_all (index);
  for (guint c = 0; c < categories->len; c++)
    g_hash_table_insert (index, g_memdup2 (&g_array_index (categories, Category, c).value, sizeof (double)),
                         GUINT_TO_POINTER (c));

  table = new_table (stats, "multiple-response", categories->len, 2);
  evk_table_column (table, 0)->key = g_strdup ("respondents");
  set_word (evk_table_column (table, 0)->label, "Stats", "ShareOfRespondents");
  evk_table_column (table, 1)->key = g_strdup ("answers");
  set_word (evk_table_column (table, 1)->label, "Stats", "ShareOfAnswers");
  set_word (table->base_label, "Stats", "BaseAnsweredAny");
  for (guint c = 0; c < categories->len; c++)
    {
      Category *cat = &g_array_index (categories, Category, c);
      EvkTableEntry *row = evk_table_row (table, c);

      row->key = evk_value_to_string (cat->value);
      row->value = cat->value;
      set_label_from_value (row, cat->label, cat->value);
    }

  chosen = g_malloc0 (MAX (categories->len, 1));
  for (guint i = 0; i < rows->n_rows; i++)
    {
      gboolean answered = FALSE;
      double w;

      if (!rows->selected[i])
        continue;
      w = weight (stats, i);
      memset (chosen, 0, MAX (categories->len, 1));
      for (guint k = 0; k < n; k++)
        {
          double v = evk_column_get (((EvkVariable *) g_ptr_array_index (variables, k))->column, i);
          gpointer c;

          if (isnan (v) || !g_hash_table_lookup_extended (index, &v, NULL, &c))
            continue;
          answered = TRUE;
          if (!chosen[GPOINTER_TO_UINT (c)])
            {
              EvkCell *cell = evk_table_cell (table, GPOINTER_TO_UINT (c), 0);

              chosen[GPOINTER_TO_UINT (c)] = 1;
              cell->count += w;
              cell->n++;
              answers += w;
            }
        }
      if (answered)
        {
          table->base += w;
          table->n_base++;
        }
    }

  finish_shares (table, FALSE);
  for (guint c = 0; c < categories->len; c++)
    {
      EvkCell *of_answers = evk_table_cell (table, c, 1);

      *of_answers = *evk_table_cell (table, c, 0);
      of_answers->share = answers > 0 ? 100.0 * of_answers->count / answers : NAN;
    }
  sort_rows_by_first_column (table);
  return g_steal_pointer (&table);
}

EvkTable *
evk_stats_count_items (EvkStats            *stats,
                       const char * const  *names,
                       double               counted,
                       GError             **error)
{
  EvkTable *table = count_items (stats, "count", names, counted, FALSE, error);

  if (table != NULL)
    sort_rows_by_first_column (table);
  return table;
}

EvkTable *
evk_stats_crosstab (EvkStats    *stats,
                    const char  *name,
                    GPtrArray   *groups,
                    GPtrArray   *names,
                    GError     **error)
{
  g_autoptr(EvkTable) table = NULL;
  g_autoptr(EvkRows) saved = stats->group != NULL ? evk_rows_copy (stats->group) : NULL;
  g_autoptr(GError) local_error = NULL;

  for (guint g = 0; g < groups->len; g++)
    {
      g_autoptr(EvkTable) one = NULL;

      evk_stats_set_group (stats, g_ptr_array_index (groups, g), NULL);
      one = evk_stats_frequency (stats, name, &local_error);
      if (one == NULL)
        break;
      if (table == NULL)
        {
          table = new_table (stats, "crosstab", one->rows->len, groups->len);
          copy_localized (table->title, one->title);
          for (guint r = 0; r < one->rows->len; r++)
            {
              EvkTableEntry *src = evk_table_row (one, r), *dst = evk_table_row (table, r);
              dst->key = g_strdup (src->key);
              dst->value = src->value;
              dst->role = src->role;
              copy_localized (dst->label, src->label);
            }
        }
      {
        EvkTableEntry *column = evk_table_column (table, g);
        char key[16];

        g_snprintf (key, sizeof key, "group%u", g);
        column->key = g_strdup (key);
        copy_localized (column->label, names != NULL && g < names->len ? g_ptr_array_index (names, g) : NULL);
        column->base = one->base;
        column->n_base = one->n_base;
      }
      for (guint r = 0; r < table->rows->len; r++)
        {
          int src = evk_table_find_row (one, evk_table_row (table, r)->key);
          if (src >= 0)
            *evk_table_cell (table, r, g) = *evk_table_cell (one, src, 0);
        }
    }

  /* The table's base counts each respondent once: groups overlap ("all"
   * holds every other), so adding their bases would count some twice. */
  if (table != NULL && local_error == NULL)
    {
      g_autoptr(EvkRows) anyone = evk_rows_copy (g_ptr_array_index (groups, 0));
      g_autoptr(EvkTable) whole = NULL;

      for (guint g = 1; g < groups->len; g++)
        evk_rows_unite (anyone, g_ptr_array_index (groups, g));
      evk_stats_set_group (stats, anyone, NULL);
      whole = evk_stats_frequency (stats, name, &local_error);
      if (whole != NULL)
        {
          table->n_base = whole->n_base;
          table->base = whole->base;
        }
    }

  evk_stats_set_group (stats, saved, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&table);
}

EvkTable *
evk_stats_representativity (EvkStats    *stats,
                            const char  *name,
                            GError     **error)
{
  EvkBase saved = stats->base;
  g_autoptr(EvkTable) sample = NULL;
  g_autoptr(EvkTable) table = NULL;

  stats->base = EVK_BASE_VALID;
  sample = evk_stats_frequency (stats, name, error);
  stats->base = saved;
  if (sample == NULL)
    return NULL;

  table = new_table (stats, "representativity", sample->rows->len, 2);
  copy_localized (table->title, sample->title);
  table->base = sample->base;
  table->n_base = sample->n_base;
  evk_table_column (table, 0)->key = g_strdup ("sample");
  set_word (evk_table_column (table, 0)->label, "Stats", "Sample");
  evk_table_column (table, 1)->key = g_strdup ("population");
  set_word (evk_table_column (table, 1)->label, "Stats", "Population");

  for (guint r = 0; r < sample->rows->len; r++)
    {
      EvkTableEntry *src = evk_table_row (sample, r), *dst = evk_table_row (table, r);

      dst->key = g_strdup (src->key);
      dst->value = src->value;
      copy_localized (dst->label, src->label);
      *evk_table_cell (table, r, 0) = *evk_table_cell (sample, r, 0);
      for (guint p = 0; p < stats->survey->population->len; p++)
        {
          EvkPopulationShare *share = g_ptr_array_index (stats->survey->population, p);
          if (g_str_equal (share->variable, name) && share->value == src->value)
            evk_table_cell (table, r, 1)->share = share->share;
        }
      /* The register gives shares only: there is no count to print. */
      evk_table_cell (table, r, 1)->count = NAN;
    }
  return g_steal_pointer (&table);
}

double
evk_stats_response_rate (EvkSurvey *survey)
{
  if (survey->net_population <= 0)
    return NAN;
  return 100.0 * survey->n_rows / survey->net_population;
}
