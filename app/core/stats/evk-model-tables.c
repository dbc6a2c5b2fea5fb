/* evk-model-tables.c: tables computed from the strategy and the document review
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <math.h>

#include "evk-localized.h"
#include "evk-model-tables.h"
#include "evk-words.h"

static void
copy_into (GHashTable *into,
           GHashTable *from)
{
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    evk_localized_set (into, lang, text);
}

/* "Delmål 2: Løfte og støtte …" in every language the goal has a title in;
 * an implementation area is named by its title alone. */
static void
label_goal (GHashTable *label,
            const char *key,
            const char *kind,
            GHashTable *title)
{
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, title);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    {
      const char *word = evk_word ("Report", "Goal", lang);
      g_autofree char *full = NULL;

      if (g_strcmp0 (kind, "implementation") == 0 || word == NULL)
        full = g_strdup (text);
      else
        full = g_strdup_printf ("%s %s: %s", word, key, (const char *) text);
      evk_localized_set (label, lang, full);
    }
}

static gboolean
goal_wanted (const char *goal_key,
             const char *key)
{
  return goal_key == NULL || g_strcmp0 (goal_key, key) == 0;
}

EvkTable *
evk_table_status_summary (EvkStrategy *strategy,
                          const char  *goal_key)
{
  GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
  g_autoptr(GPtrArray) goals = g_ptr_array_new ();
  EvkTable *table;
  guint total_row;

  for (guint g = 0; g < strategy->goals->len; g++)
    if (goal_wanted (goal_key, ((EvkGoal *) g_ptr_array_index (strategy->goals, g))->key))
      g_ptr_array_add (goals, g_ptr_array_index (strategy->goals, g));

  table = evk_table_new ("status-summary", goals->len + (goal_key == NULL), statuses->len);
  total_row = goals->len;
  table->small_cell = 0;
  g_hash_table_unref (table->base_label);
  table->base_label = evk_word_localized ("Report", "BaseMeasures");

  for (guint c = 0; c < statuses->len; c++)
    {
      EvkTerm *status = g_ptr_array_index (statuses, c);

      evk_table_column (table, c)->key = g_strdup (status->key);
      evk_table_column (table, c)->colour = g_strdup (status->colour);
      evk_table_column (table, c)->completed = status->completed;
      copy_into (evk_table_column (table, c)->label, status->name);
    }
  for (guint g = 0; g < goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (goals, g);

      evk_table_row (table, g)->key = g_strdup (goal->key);
      label_goal (evk_table_row (table, g)->label, goal->key, goal->kind, goal->title);
    }
  if (goal_key == NULL)
    {
      EvkTableEntry *total = evk_table_row (table, total_row);

      total->key = g_strdup ("total");
      total->role = EVK_ENTRY_TOTAL;
      g_hash_table_unref (total->label);
      total->label = evk_word_localized ("Report", "AllGoals");
    }

  for (guint m = 0; m < strategy->measures->len; m++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, m);
      int c = -1, g = -1;

      for (guint k = 0; k < statuses->len; k++)
        if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, k))->key, measure->status) == 0)
          c = k;
      for (guint k = 0; k < goals->len; k++)
        if (g_strcmp0 (((EvkGoal *) g_ptr_array_index (goals, k))->key, measure->goal) == 0)
          g = k;
      if (c < 0 || g < 0)
        continue;
      evk_table_cell (table, g, c)->n++;
      evk_table_cell (table, g, c)->count++;
      if (goal_key == NULL)
        {
          evk_table_cell (table, total_row, c)->n++;
          evk_table_cell (table, total_row, c)->count++;
        }
      table->n_base++;
      table->base++;
    }

  /* Shares of each goal's own measures. */
  for (guint r = 0; r < table->rows->len; r++)
    {
      double row_total = 0;

      for (guint c = 0; c < statuses->len; c++)
        row_total += evk_table_cell (table, r, c)->count;
      evk_table_row (table, r)->base = row_total;
      evk_table_row (table, r)->n_base = row_total;
      for (guint c = 0; c < statuses->len; c++)
        evk_table_cell (table, r, c)->share = row_total > 0
                                                ? 100.0 * evk_table_cell (table, r, c)->count / row_total
                                                : NAN;
    }
  return table;
}

EvkTable *
evk_table_documents_matrix (EvkDocumentsStats *stats,
                            const char        *goal_key)
{
  GPtrArray *codes = stats->documents->codes;
  EvkTable *table = evk_table_new ("review-matrix", stats->goals->len + stats->measures->len, codes->len);
  guint r = 0;

  table->small_cell = 0;
  g_hash_table_unref (table->base_label);
  table->base_label = evk_word_localized ("Report", "BaseMeasures");

  for (guint c = 0; c < codes->len; c++)
    {
      EvkDocumentsCode *code = g_ptr_array_index (codes, c);

      evk_table_column (table, c)->key = g_strdup (code->key);
      copy_into (evk_table_column (table, c)->label, code->name);
    }

  for (guint g = 0; g < stats->goals->len; g++)
    {
      EvkDocumentsGoal *goal = g_ptr_array_index (stats->goals, g);
      EvkTableEntry *heading;
      guint heading_row;

      if (!goal_wanted (goal_key, goal->key))
        continue;
      heading = evk_table_row (table, r);
      heading_row = r++;
      heading->key = g_strdup (goal->key);
      heading->role = EVK_ENTRY_TOTAL;
      label_goal (heading->label, goal->key, goal->kind, goal->title);

      for (guint m = 0; m < goal->measures->len; m++)
        {
          EvkDocumentsMeasure *measure = g_ptr_array_index (goal->measures, m);
          EvkTableEntry *row = evk_table_row (table, r);
          GHashTableIter iter;
          gpointer lang, text;

          row->key = g_strdup_printf ("%u", measure->number);
          g_hash_table_iter_init (&iter, measure->title);
          while (g_hash_table_iter_next (&iter, &lang, &text))
            {
              g_autofree char *label = g_strdup_printf ("%u %s", measure->number, (const char *) text);
              evk_localized_set (row->label, lang, label);
            }
          for (guint c = 0; c < codes->len; c++)
            {
              evk_table_cell (table, r, c)->n = measure->n_documents[c];
              evk_table_cell (table, r, c)->count = measure->n_documents[c];
              if (measure->n_documents[c] > 0)
                {
                  evk_table_cell (table, heading_row, c)->n++;
                  evk_table_cell (table, heading_row, c)->count++;
                }
            }
          r++;
          table->n_base++;
        }
    }
  while (table->rows->len > r)
    evk_table_remove_row (table, table->rows->len - 1);
  return table;
}

EvkTable *
evk_table_documents_per_agency (EvkDocumentsStats *stats)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();
  EvkTable *table;

  /* Only agencies that received documents: issuers alone (the ministries)
   * are the other side of the same letters. */
  for (guint a = 0; a < stats->agencies->len; a++)
    if (((EvkDocumentsAgency *) g_ptr_array_index (stats->agencies, a))->n_received > 0)
      g_ptr_array_add (agencies, g_ptr_array_index (stats->agencies, a));

  table = evk_table_new ("review-documents", agencies->len, stats->years->len);
  table->small_cell = 0;
  g_hash_table_unref (table->base_label);
  table->base_label = evk_word_localized ("Report", "ReviewDocumentsBase");

  for (guint y = 0; y < stats->years->len; y++)
    {
      EvkDocumentsYear *year = g_ptr_array_index (stats->years, y);
      EvkTableEntry *column = evk_table_column (table, y);

      column->key = g_strdup_printf ("%d", year->year);
      column->value = year->year;
      /* A year reads the same in every language. */
      for (guint l = 0; stats->languages[l] != NULL; l++)
        evk_localized_set (column->label, stats->languages[l], column->key);
    }
  for (guint a = 0; a < agencies->len; a++)
    {
      EvkDocumentsAgency *agency = g_ptr_array_index (agencies, a);
      EvkTableEntry *row = evk_table_row (table, a);

      row->key = g_strdup (agency->name);
      for (guint l = 0; stats->languages[l] != NULL; l++)
        evk_localized_set (row->label, stats->languages[l], agency->name);
      row->base = row->n_base = agency->n_received;
      for (guint y = 0; y < stats->years->len; y++)
        {
          EvkCell *cell = evk_table_cell (table, a, y);

          cell->n = agency->n_received_by_year[y];
          cell->count = cell->n;
          /* Counts of documents: a share of one agency's letters per year
           * says nothing a reader needs, so the table has none. */
          cell->share = NAN;
        }
      table->n_base += agency->n_received;
      table->base += agency->n_received;
    }
  return table;
}
