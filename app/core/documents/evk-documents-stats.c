/* evk-documents-stats.c: the findings of the document review, as plain data
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-documents-stats.h"
#include "evk-localized.h"
#include "evk-model-error.h"

static void
measure_free (EvkDocumentsMeasure *measure)
{
  g_clear_pointer (&measure->title, g_hash_table_unref);
  g_clear_pointer (&measure->codings, g_ptr_array_unref);
  g_clear_pointer (&measure->n_documents, g_free);
  g_clear_pointer (&measure->assigned_in, g_ptr_array_unref);
  g_clear_pointer (&measure->reported_in, g_ptr_array_unref);
  g_clear_pointer (&measure->mentioned_in, g_ptr_array_unref);
  g_clear_pointer (&measure->agencies, g_strfreev);
  g_clear_pointer (&measure->years, g_array_unref);
  g_free (measure);
}

static void
goal_free (EvkDocumentsGoal *goal)
{
  g_free (goal->key);
  g_free (goal->kind);
  g_clear_pointer (&goal->title, g_hash_table_unref);
  g_clear_pointer (&goal->measures, g_ptr_array_unref);
  g_free (goal);
}

static void
agency_free (EvkDocumentsAgency *agency)
{
  g_free (agency->name);
  g_free (agency->n_received_by_year);
  g_free (agency->n_assignment_codings_by_year);
  g_clear_pointer (&agency->assigned_measures, g_array_unref);
  g_clear_pointer (&agency->reported_measures, g_array_unref);
  g_free (agency);
}

static void
year_free (EvkDocumentsYear *year)
{
  g_clear_pointer (&year->first_assigned, g_array_unref);
  g_free (year);
}

void
evk_documents_stats_free (EvkDocumentsStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->measures, g_ptr_array_unref);
  g_clear_pointer (&stats->goals, g_ptr_array_unref);
  g_clear_pointer (&stats->agencies, g_ptr_array_unref);
  g_clear_pointer (&stats->years, g_ptr_array_unref);
  g_clear_pointer (&stats->n_codings_by_code, g_free);
  g_clear_pointer (&stats->languages, g_strfreev);
  g_clear_pointer (&stats->title, g_hash_table_unref);
  g_clear_pointer (&stats->documents, evk_documents_free);
  g_free (stats);
}

static GHashTable *
localized_ref_or_new (GHashTable *localized)
{
  return localized != NULL ? g_hash_table_ref (localized) : evk_localized_new ();
}

static void
add_distinct (GPtrArray   *documents,
              EvkDocument *document)
{
  if (!g_ptr_array_find (documents, document, NULL))
    g_ptr_array_add (documents, document);
}

static void
add_distinct_number (GArray *numbers,
                     guint   number)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, guint, i) == number)
      return;
  g_array_append_val (numbers, number);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return x < y ? -1 : x > y;
}

static int
compare_codings_by_year (gconstpointer a,
                         gconstpointer b)
{
  const EvkCoding *x = *(EvkCoding * const *) a, *y = *(EvkCoding * const *) b;

  return compare_int (&x->document->year, &y->document->year);
}

static int
compare_measures (gconstpointer a,
                  gconstpointer b)
{
  const EvkDocumentsMeasure *x = *(EvkDocumentsMeasure * const *) a;
  const EvkDocumentsMeasure *y = *(EvkDocumentsMeasure * const *) b;

  if (x->goal != y->goal)
    return x->goal < y->goal ? -1 : 1;
  return compare_uint (&x->number, &y->number);
}

static int
compare_agencies (gconstpointer a,
                  gconstpointer b)
{
  const EvkDocumentsAgency *x = *(EvkDocumentsAgency * const *) a;
  const EvkDocumentsAgency *y = *(EvkDocumentsAgency * const *) b;

  return strcmp (x->name, y->name);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  const EvkDocumentsYear *x = *(EvkDocumentsYear * const *) a;
  const EvkDocumentsYear *y = *(EvkDocumentsYear * const *) b;

  return compare_int (&x->year, &y->year);
}

static void
count_measure (EvkDocumentsCounts  *counts,
               EvkDocumentsMeasure *measure)
{
  counts->n_measures++;
  if (measure->assigned)
    counts->n_assigned++;
  else
    counts->n_not_assigned++;
  if (measure->reported)
    counts->n_reported++;
  if (measure->reported_annual)
    counts->n_reported_annual++;
  if (measure->mentioned)
    counts->n_mentioned++;
  if (measure->never_found)
    counts->n_never_found++;
}

static void
build_goals_and_measures (EvkDocumentsStats *stats,
                          EvkStrategy       *strategy)
{
  guint n_codes = stats->documents->codes->len;

  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *source = g_ptr_array_index (strategy->goals, i);
      EvkDocumentsGoal *goal = g_new0 (EvkDocumentsGoal, 1);

      goal->key = g_strdup (source->key);
      goal->kind = g_strdup (source->kind);
      goal->title = localized_ref_or_new (source->title);
      goal->measures = g_ptr_array_new ();
      g_ptr_array_add (stats->goals, goal);
    }

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *source = g_ptr_array_index (strategy->measures, i);
      EvkDocumentsMeasure *measure = g_new0 (EvkDocumentsMeasure, 1);
      guint goal_index = 0;

      for (guint g = 0; g < strategy->goals->len; g++)
        {
          EvkGoal *goal = g_ptr_array_index (strategy->goals, g);
          if (g_strcmp0 (goal->key, source->goal) == 0)
            goal_index = g;
        }

      measure->number = source->number;
      measure->goal = goal_index;
      measure->title = localized_ref_or_new (source->title);
      measure->codings = g_ptr_array_new ();
      measure->n_documents = g_new0 (guint, MAX (n_codes, 1));
      measure->assigned_in = g_ptr_array_new ();
      measure->reported_in = g_ptr_array_new ();
      measure->mentioned_in = g_ptr_array_new ();
      measure->years = g_array_new (FALSE, FALSE, sizeof (int));
      g_ptr_array_add (stats->measures, measure);
    }
  g_ptr_array_sort (stats->measures, compare_measures);
}

/* Per measure: its codings, the documents behind each code, and the
 * categories they put it in. */
static void
collect_codings (EvkDocumentsStats *stats)
{
  EvkDocuments *documents = stats->documents;
  guint n_codes = documents->codes->len;

  for (guint i = 0; i < documents->codings->len; i++)
    {
      EvkCoding *coding = g_ptr_array_index (documents->codings, i);
      EvkDocumentsMeasure *measure = evk_documents_stats_find_measure (stats, coding->measure);
      int code = evk_documents_code_index (documents, coding->code);

      if (measure == NULL)
        continue;
      stats->n_codings++;
      if (code >= 0)
        stats->n_codings_by_code[code]++;
      g_ptr_array_add (measure->codings, coding);
    }

  for (guint m = 0; m < stats->measures->len; m++)
    {
      EvkDocumentsMeasure *measure = g_ptr_array_index (stats->measures, m);
      g_autoptr(GPtrArray) by_code = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_autoptr(GStrvBuilder) agencies = g_strv_builder_new ();
      g_autoptr(GHashTable) seen_agencies = g_hash_table_new (g_str_hash, g_str_equal);

      /* Stable: codings of one year keep the sheet's order. */
      g_ptr_array_sort (measure->codings, compare_codings_by_year);

      for (guint c = 0; c < n_codes; c++)
        g_ptr_array_add (by_code, g_ptr_array_new ());

      for (guint i = 0; i < measure->codings->len; i++)
        {
          EvkCoding *coding = g_ptr_array_index (measure->codings, i);
          EvkDocument *document = coding->document;
          int code = evk_documents_code_index (documents, coding->code);

          if (code >= 0)
            add_distinct (g_ptr_array_index (by_code, code), document);

          if (g_str_equal (coding->code, EVK_DOCUMENTS_CODE_ASSIGNMENT))
            {
              add_distinct (measure->assigned_in, document);
              if (document->recipient != NULL &&
                  !g_hash_table_contains (seen_agencies, document->recipient))
                {
                  g_hash_table_add (seen_agencies, document->recipient);
                  g_strv_builder_add (agencies, document->recipient);
                }
              if (document->year > 0)
                {
                  gboolean seen = FALSE;
                  for (guint y = 0; y < measure->years->len; y++)
                    seen |= g_array_index (measure->years, int, y) == document->year;
                  if (!seen)
                    g_array_append_val (measure->years, document->year);
                }
            }
          else if (g_str_equal (coding->code, EVK_DOCUMENTS_CODE_REPORTED))
            {
              add_distinct (measure->reported_in, document);
              if (document->type == EVK_DOCUMENT_ANNUAL_REPORT)
                measure->reported_annual = TRUE;
            }
          else if (g_str_equal (coding->code, EVK_DOCUMENTS_CODE_MENTIONED))
            add_distinct (measure->mentioned_in, document);
        }

      for (guint c = 0; c < n_codes; c++)
        measure->n_documents[c] = ((GPtrArray *) g_ptr_array_index (by_code, c))->len;
      measure->agencies = g_strv_builder_end (agencies);
      g_array_sort (measure->years, compare_int);
      measure->assigned = measure->assigned_in->len > 0;
      measure->reported = measure->reported_in->len > 0;
      measure->mentioned = measure->mentioned_in->len > 0;
      measure->never_found = measure->codings->len == 0;

      count_measure (&stats->counts, measure);
      count_measure (&((EvkDocumentsGoal *) g_ptr_array_index (stats->goals, measure->goal))->counts,
                     measure);
      g_ptr_array_add (((EvkDocumentsGoal *) g_ptr_array_index (stats->goals, measure->goal))->measures,
                       measure);
    }
}

static EvkDocumentsYear *
ensure_year (EvkDocumentsStats *stats,
             int                year)
{
  EvkDocumentsYear *entry = evk_documents_stats_find_year (stats, year);

  if (entry == NULL)
    {
      entry = g_new0 (EvkDocumentsYear, 1);
      entry->year = year;
      entry->first_assigned = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (stats->years, entry);
    }
  return entry;
}

static EvkDocumentsAgency *
ensure_agency (EvkDocumentsStats *stats,
               GHashTable        *by_name,
               const char        *name)
{
  EvkDocumentsAgency *agency = g_hash_table_lookup (by_name, name);

  if (agency == NULL)
    {
      agency = g_new0 (EvkDocumentsAgency, 1);
      agency->name = g_strdup (name);
      agency->assigned_measures = g_array_new (FALSE, FALSE, sizeof (guint));
      agency->reported_measures = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (stats->agencies, agency);
      g_hash_table_insert (by_name, agency->name, agency);
    }
  return agency;
}

static guint
year_index (EvkDocumentsStats *stats,
            int                year)
{
  for (guint i = 0; i < stats->years->len; i++)
    if (((EvkDocumentsYear *) g_ptr_array_index (stats->years, i))->year == year)
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
collect_documents (EvkDocumentsStats *stats)
{
  EvkDocuments *documents = stats->documents;
  g_autoptr(GHashTable) agencies = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < documents->documents->len; i++)
    {
      EvkDocument *document = g_ptr_array_index (documents->documents, i);
      EvkDocumentsYear *year = ensure_year (stats, document->year);

      stats->n_documents++;
      stats->n_by_type[document->type]++;
      year->n_documents++;
      year->n_by_type[document->type]++;
      if (document->issuer != NULL)
        ensure_agency (stats, agencies, document->issuer)->n_issued++;
      if (document->recipient != NULL)
        ensure_agency (stats, agencies, document->recipient)->n_received++;
    }
  g_ptr_array_sort (stats->years, compare_years);
  g_ptr_array_sort (stats->agencies, compare_agencies);

  for (guint a = 0; a < stats->agencies->len; a++)
    {
      EvkDocumentsAgency *agency = g_ptr_array_index (stats->agencies, a);

      agency->n_received_by_year = g_new0 (guint, MAX (stats->years->len, 1));
      agency->n_assignment_codings_by_year = g_new0 (guint, MAX (stats->years->len, 1));
    }
  for (guint i = 0; i < documents->documents->len; i++)
    {
      EvkDocument *document = g_ptr_array_index (documents->documents, i);

      if (document->recipient != NULL)
        {
          EvkDocumentsAgency *agency = g_hash_table_lookup (agencies, document->recipient);
          agency->n_received_by_year[year_index (stats, document->year)]++;
        }
    }

  for (guint m = 0; m < stats->measures->len; m++)
    {
      EvkDocumentsMeasure *measure = g_ptr_array_index (stats->measures, m);

      for (guint i = 0; i < measure->codings->len; i++)
        {
          EvkCoding *coding = g_ptr_array_index (measure->codings, i);
          EvkDocument *document = coding->document;

          if (g_str_equal (coding->code, EVK_DOCUMENTS_CODE_ASSIGNMENT))
            {
              ensure_year (stats, document->year)->n_assignment_codings++;
              if (document->recipient != NULL)
                {
                  EvkDocumentsAgency *agency = g_hash_table_lookup (agencies, document->recipient);

                  agency->n_assignment_codings++;
                  agency->n_assignment_codings_by_year[year_index (stats, document->year)]++;
                  add_distinct_number (agency->assigned_measures, measure->number);
                }
            }
          else if (g_str_equal (coding->code, EVK_DOCUMENTS_CODE_REPORTED) &&
                   document->issuer != NULL)
            {
              EvkDocumentsAgency *agency = g_hash_table_lookup (agencies, document->issuer);
              add_distinct_number (agency->reported_measures, measure->number);
            }
        }

      if (measure->years->len > 0)
        {
          EvkDocumentsYear *first = ensure_year (stats, g_array_index (measure->years, int, 0));
          g_array_append_val (first->first_assigned, measure->number);
        }
    }

  for (guint a = 0; a < stats->agencies->len; a++)
    {
      EvkDocumentsAgency *agency = g_ptr_array_index (stats->agencies, a);

      g_array_sort (agency->assigned_measures, compare_uint);
      g_array_sort (agency->reported_measures, compare_uint);
      for (guint i = 0; i < agency->assigned_measures->len; i++)
        {
          EvkDocumentsMeasure *measure =
            evk_documents_stats_find_measure (stats, g_array_index (agency->assigned_measures, guint, i));
          if (g_strv_length (measure->agencies) == 1)
            agency->n_assigned_only++;
        }
    }
  for (guint y = 0; y < stats->years->len; y++)
    g_array_sort (((EvkDocumentsYear *) g_ptr_array_index (stats->years, y))->first_assigned,
                  compare_uint);
}

EvkDocumentsStats *
evk_documents_stats_new (EvkDocuments *documents,
                         EvkStrategy  *strategy)
{
  EvkDocumentsStats *stats;

  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (strategy != NULL, NULL);

  stats = g_new0 (EvkDocumentsStats, 1);
  stats->documents = documents;
  stats->languages = g_strdupv (strategy->languages);
  stats->title = localized_ref_or_new (strategy->short_title);
  stats->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_free);
  stats->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  stats->agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) agency_free);
  stats->years = g_ptr_array_new_with_free_func ((GDestroyNotify) year_free);
  stats->n_codings_by_code = g_new0 (guint, MAX (documents->codes->len, 1));

  build_goals_and_measures (stats, strategy);
  collect_codings (stats);
  collect_documents (stats);
  return stats;
}

EvkDocumentsStats *
evk_documents_stats_load (EvkProject  *project,
                          GError     **error)
{
  g_autoptr(EvkStrategy) strategy = NULL;
  EvkDocuments *documents;

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  strategy = evk_project_load_strategy (project, error);
  if (strategy == NULL)
    return NULL;
  documents = evk_documents_load (evk_project_get_store (project), error);
  if (documents == NULL)
    return NULL;
  return evk_documents_stats_new (documents, strategy);
}

EvkDocumentsMeasure *
evk_documents_stats_find_measure (EvkDocumentsStats *stats,
                                  guint              number)
{
  for (guint i = 0; i < stats->measures->len; i++)
    {
      EvkDocumentsMeasure *measure = g_ptr_array_index (stats->measures, i);
      if (measure->number == number)
        return measure;
    }
  return NULL;
}

EvkDocumentsGoal *
evk_documents_stats_find_goal (EvkDocumentsStats *stats,
                               const char        *key)
{
  for (guint i = 0; i < stats->goals->len; i++)
    {
      EvkDocumentsGoal *goal = g_ptr_array_index (stats->goals, i);
      if (g_strcmp0 (goal->key, key) == 0)
        return goal;
    }
  return NULL;
}

EvkDocumentsAgency *
evk_documents_stats_find_agency (EvkDocumentsStats *stats,
                                 const char        *name)
{
  for (guint i = 0; i < stats->agencies->len; i++)
    {
      EvkDocumentsAgency *agency = g_ptr_array_index (stats->agencies, i);
      if (g_strcmp0 (agency->name, name) == 0)
        return agency;
    }
  return NULL;
}

EvkDocumentsYear *
evk_documents_stats_find_year (EvkDocumentsStats *stats,
                               int                year)
{
  for (guint i = 0; i < stats->years->len; i++)
    {
      EvkDocumentsYear *entry = g_ptr_array_index (stats->years, i);
      if (entry->year == year)
        return entry;
    }
  return NULL;
}

/* Tables */

static const char * const table_names[] = {
  "review-measures",
  "review-goals",
  "review-agencies",
  "review-years",
  "review-agency-years",
  "review-documents",
  NULL,
};

const char * const *
evk_documents_table_names (void)
{
  return table_names;
}

void
evk_documents_table_free (EvkDocumentsTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->columns);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

static EvkDocumentsTable *
table_new (GStrvBuilder *columns)
{
  EvkDocumentsTable *table = g_new0 (EvkDocumentsTable, 1);

  table->columns = g_strv_builder_end (columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

static void
table_add_row (EvkDocumentsTable *table,
               GStrvBuilder      *row)
{
  GStrv cells = g_strv_builder_end (row);

  g_assert (g_strv_length (cells) == g_strv_length (table->columns));
  g_ptr_array_add (table->rows, cells);
}

static void
add_uint (GStrvBuilder *row,
          guint         value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  g_strv_builder_add (row, text);
}

static void
add_bool (GStrvBuilder *row,
          gboolean      value)
{
  g_strv_builder_add (row, value ? "1" : "0");
}

static void
add_numbers (GStrvBuilder *row,
             GArray       *numbers)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (text, i > 0 ? " %u" : "%u", g_array_index (numbers, guint, i));
  g_strv_builder_add (row, text->str);
}

static void
add_years (GStrvBuilder *row,
           GArray       *years)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (text, i > 0 ? " %d" : "%d", g_array_index (years, int, i));
  g_strv_builder_add (row, text->str);
}

static const char *
localized (EvkDocumentsStats *stats,
           GHashTable        *text,
           const char        *lang)
{
  const char *value = evk_localized_get_fallback (text, lang,
                                                  stats->languages != NULL ? stats->languages[0] : NULL);

  return value != NULL ? value : "";
}

static void
add_count_columns (GStrvBuilder *columns)
{
  const char *names[] = { "measures", "assigned", "not_assigned", "reported",
                          "reported_annual", "mentioned", "never_found", NULL };

  g_strv_builder_addv (columns, names);
}

static void
add_counts (GStrvBuilder       *row,
            EvkDocumentsCounts *counts)
{
  add_uint (row, counts->n_measures);
  add_uint (row, counts->n_assigned);
  add_uint (row, counts->n_not_assigned);
  add_uint (row, counts->n_reported);
  add_uint (row, counts->n_reported_annual);
  add_uint (row, counts->n_mentioned);
  add_uint (row, counts->n_never_found);
}

/* The measures × code matrix: one row per measure, grouped by goal. */
static EvkDocumentsTable *
measures_table (EvkDocumentsStats *stats,
                const char        *lang)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  EvkDocumentsTable *table;
  EvkDocuments *documents = stats->documents;

  g_strv_builder_add_many (columns, "goal", "measure", "title", NULL);
  /* Prefixed, so a code key can never collide with the flag columns. */
  for (guint c = 0; c < documents->codes->len; c++)
    {
      EvkDocumentsCode *code = g_ptr_array_index (documents->codes, c);
      g_autofree char *column = g_strconcat ("documents_", code->key, NULL);

      g_strv_builder_add (columns, column);
    }
  g_strv_builder_add_many (columns, "assigned", "agencies", "years", "reported",
                           "reported_annual", "mentioned", "never_found", NULL);
  table = table_new (columns);

  for (guint m = 0; m < stats->measures->len; m++)
    {
      EvkDocumentsMeasure *measure = g_ptr_array_index (stats->measures, m);
      EvkDocumentsGoal *goal = g_ptr_array_index (stats->goals, measure->goal);
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
      g_autofree char *agencies = g_strjoinv (" ", measure->agencies);

      g_strv_builder_add (row, goal->key);
      add_uint (row, measure->number);
      g_strv_builder_add (row, localized (stats, measure->title, lang));
      for (guint c = 0; c < documents->codes->len; c++)
        add_uint (row, measure->n_documents[c]);
      add_bool (row, measure->assigned);
      g_strv_builder_add (row, agencies);
      add_years (row, measure->years);
      add_bool (row, measure->reported);
      add_bool (row, measure->reported_annual);
      add_bool (row, measure->mentioned);
      add_bool (row, measure->never_found);
      table_add_row (table, row);
    }
  return table;
}

/* One row per goal and a last one, with an empty goal key, for the whole
 * strategy. */
static EvkDocumentsTable *
goals_table (EvkDocumentsStats *stats,
             const char        *lang)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) total = g_strv_builder_new ();
  EvkDocumentsTable *table;

  g_strv_builder_add_many (columns, "goal", "title", NULL);
  add_count_columns (columns);
  table = table_new (columns);

  for (guint g = 0; g < stats->goals->len; g++)
    {
      EvkDocumentsGoal *goal = g_ptr_array_index (stats->goals, g);
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      g_strv_builder_add (row, goal->key);
      g_strv_builder_add (row, localized (stats, goal->title, lang));
      add_counts (row, &goal->counts);
      table_add_row (table, row);
    }
  g_strv_builder_add (total, "");
  g_strv_builder_add (total, localized (stats, stats->title, lang));
  add_counts (total, &stats->counts);
  table_add_row (table, total);
  return table;
}

static EvkDocumentsTable *
agencies_table (EvkDocumentsStats *stats)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  EvkDocumentsTable *table;

  g_strv_builder_add_many (columns, "agency", "documents_received", "documents_issued",
                           "assignment_codings", "measures_assigned", "measures_assigned_only",
                           "assigned", "reported", NULL);
  table = table_new (columns);

  for (guint a = 0; a < stats->agencies->len; a++)
    {
      EvkDocumentsAgency *agency = g_ptr_array_index (stats->agencies, a);
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      g_strv_builder_add (row, agency->name);
      add_uint (row, agency->n_received);
      add_uint (row, agency->n_issued);
      add_uint (row, agency->n_assignment_codings);
      add_uint (row, agency->assigned_measures->len);
      add_uint (row, agency->n_assigned_only);
      add_numbers (row, agency->assigned_measures);
      add_numbers (row, agency->reported_measures);
      table_add_row (table, row);
    }
  return table;
}

static EvkDocumentsTable *
years_table (EvkDocumentsStats *stats)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  EvkDocumentsTable *table;

  g_strv_builder_add_many (columns, "year", "documents", NULL);
  for (guint t = 0; t < EVK_N_DOCUMENT_TYPES; t++)
    g_strv_builder_add (columns, evk_document_type_to_string (t));
  g_strv_builder_add_many (columns, "assignment_codings", "first_assigned", NULL);
  table = table_new (columns);

  for (guint y = 0; y < stats->years->len; y++)
    {
      EvkDocumentsYear *year = g_ptr_array_index (stats->years, y);
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
      g_autofree char *year_text = g_strdup_printf ("%d", year->year);

      g_strv_builder_add (row, year_text);
      add_uint (row, year->n_documents);
      for (guint t = 0; t < EVK_N_DOCUMENT_TYPES; t++)
        add_uint (row, year->n_by_type[t]);
      add_uint (row, year->n_assignment_codings);
      add_numbers (row, year->first_assigned);
      table_add_row (table, row);
    }
  return table;
}

/* Documents received per agency and year, every combination, for the
 * agency × year chart. */
static EvkDocumentsTable *
agency_years_table (EvkDocumentsStats *stats)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  EvkDocumentsTable *table;

  g_strv_builder_add_many (columns, "agency", "year", "documents_received",
                           "assignment_codings", NULL);
  table = table_new (columns);

  for (guint a = 0; a < stats->agencies->len; a++)
    {
      EvkDocumentsAgency *agency = g_ptr_array_index (stats->agencies, a);

      if (agency->n_received == 0)
        continue;
      for (guint y = 0; y < stats->years->len; y++)
        {
          EvkDocumentsYear *year = g_ptr_array_index (stats->years, y);
          g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
          g_autofree char *year_text = g_strdup_printf ("%d", year->year);

          g_strv_builder_add (row, agency->name);
          g_strv_builder_add (row, year_text);
          add_uint (row, agency->n_received_by_year[y]);
          add_uint (row, agency->n_assignment_codings_by_year[y]);
          table_add_row (table, row);
        }
    }
  return table;
}

/* The measure pages' lists: every coding, by measure, then year. */
static EvkDocumentsTable *
documents_table (EvkDocumentsStats *stats,
                 const char        *lang)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  EvkDocumentsTable *table;

  g_strv_builder_add_many (columns, "measure", "document", "title", "type", "issuer",
                           "recipient", "year", "code", "code_name", "page", "excerpt", NULL);
  table = table_new (columns);

  for (guint m = 0; m < stats->measures->len; m++)
    {
      EvkDocumentsMeasure *measure = g_ptr_array_index (stats->measures, m);

      for (guint i = 0; i < measure->codings->len; i++)
        {
          EvkCoding *coding = g_ptr_array_index (measure->codings, i);
          EvkDocument *document = coding->document;
          EvkDocumentsCode *code = evk_documents_find_code (stats->documents, coding->code);
          g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
          g_autofree char *year = g_strdup_printf ("%d", document->year);
          g_autofree char *page = coding->page > 0 ? g_strdup_printf ("%d", coding->page) : NULL;

          add_uint (row, measure->number);
          g_strv_builder_add (row, document->key);
          g_strv_builder_add (row, document->title);
          g_strv_builder_add (row, evk_document_type_to_string (document->type));
          g_strv_builder_add (row, document->issuer != NULL ? document->issuer : "");
          g_strv_builder_add (row, document->recipient != NULL ? document->recipient : "");
          g_strv_builder_add (row, year);
          g_strv_builder_add (row, coding->code);
          g_strv_builder_add (row, code != NULL ? localized (stats, code->name, lang) : "");
          g_strv_builder_add (row, page != NULL ? page : "");
          g_strv_builder_add (row, coding->excerpt != NULL ? coding->excerpt : "");
          table_add_row (table, row);
        }
    }
  return table;
}

EvkDocumentsTable *
evk_documents_stats_get_table (EvkDocumentsStats  *stats,
                               const char         *name,
                               const char         *lang,
                               GError            **error)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (lang == NULL && stats->languages != NULL)
    lang = stats->languages[0];

  if (g_str_equal (name, "review-measures"))
    return measures_table (stats, lang);
  if (g_str_equal (name, "review-goals"))
    return goals_table (stats, lang);
  if (g_str_equal (name, "review-agencies"))
    return agencies_table (stats);
  if (g_str_equal (name, "review-years"))
    return years_table (stats);
  if (g_str_equal (name, "review-agency-years"))
    return agency_years_table (stats);
  if (g_str_equal (name, "review-documents"))
    return documents_table (stats, lang);

  {
    g_autofree char *names = g_strjoinv (", ", (GStrv) table_names);

    g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                 _("unknown table “%s” (the document review tables are %s)"), name, names);
  }
  return NULL;
}
