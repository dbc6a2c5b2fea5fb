/* chart-cases.c: the demo project's charts, for the chart tests and benchmark
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "chart-cases.h"
#include "evk-demo.h"
#include "evk-documents-stats.h"
#include "evk-localized.h"
#include "evk-table-spec.h"
#include "evk-words.h"

#define DEJAVU_DIR "/usr/share/fonts/truetype/dejavu"

gboolean
chart_cases_use_test_fonts (const char *dir)
{
  g_autofree char *conf = NULL, *path = NULL, *cache = NULL;
  g_autofree char *sans = g_build_filename (DEJAVU_DIR, "DejaVuSans.ttf", NULL);

  if (!g_file_test (sans, G_FILE_TEST_EXISTS))
    return FALSE;
  cache = g_build_filename (dir, "fontconfig-cache", NULL);
  path = g_build_filename (dir, "fonts.conf", NULL);
  /* Only the Book and Bold faces of DejaVu Sans: the condensed and light
   * faces of fonts-dejavu-extra would otherwise compete for matches. */
  conf = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                          "<fontconfig>\n"
                          "  <dir>%s</dir>\n"
                          "  <cachedir>%s</cachedir>\n"
                          "  <selectfont><rejectfont>\n"
                          "    <glob>*Condensed*</glob><glob>*ExtraLight*</glob>\n"
                          "    <glob>*Oblique*</glob>\n"
                          "  </rejectfont></selectfont>\n"
                          "</fontconfig>\n", DEJAVU_DIR, cache);
  if (!g_file_set_contents (path, conf, -1, NULL))
    return FALSE;
  g_setenv ("FONTCONFIG_FILE", path, TRUE);
  return TRUE;
}

void
chart_cases_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        chart_cases_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

EvkProject *
chart_cases_open_demo (char    **dir,
                       GError  **error)
{
  g_autofree char *path = NULL;

  *dir = g_dir_make_tmp ("evk-chart-XXXXXX", error);
  if (*dir == NULL)
    return NULL;
  chart_cases_use_test_fonts (*dir);
  path = g_build_filename (*dir, "demo.evalkit", NULL);
  return evk_demo_create (path, error);
}

void
chart_case_free (ChartCase *chart)
{
  g_free (chart->name);
  for (guint t = 0; t < G_N_ELEMENTS (chart->tables); t++)
    {
      g_clear_pointer (&chart->tables[t], evk_table_free);
      g_clear_pointer (&chart->group_names[t], g_hash_table_unref);
    }
  g_free (chart);
}

void
chart_case_spec (ChartCase    *chart,
                 const char   *lang,
                 EvkChartSpec *spec,
                 const char  **names)
{
  evk_chart_spec_init (spec, chart->kind, lang);
  if (chart->group_names[0] != NULL)
    {
      for (guint t = 0; t < chart->n_tables; t++)
        names[t] = evk_localized_get (chart->group_names[t], lang);
      spec->group_names = names;
    }
}

static GHashTable *
localized (const char *nb,
           const char *en)
{
  GHashTable *text = evk_localized_new ();

  evk_localized_set (text, "nb", nb);
  evk_localized_set (text, "en", en);
  return text;
}

static ChartCase *
add (GPtrArray    *cases,
     const char   *name,
     const char   *figure,
     EvkChartKind  kind,
     gboolean      golden)
{
  ChartCase *chart = g_new0 (ChartCase, 1);

  chart->name = g_strdup (name);
  chart->figure = figure;
  chart->kind = kind;
  chart->golden = golden;
  g_ptr_array_add (cases, chart);
  return chart;
}

static gboolean
compute (EvkProject  *project,
         ChartCase   *chart,
         const char  *spec,
         GError     **error)
{
  EvkTable *table = evk_table_compute (project, spec, error);

  if (table == NULL)
    {
      g_prefix_error (error, "%s: ", spec);
      return FALSE;
    }
  chart->tables[chart->n_tables++] = table;
  return TRUE;
}

/* Per goal: how many of its measures are completed, partly or not. */
static EvkTable *
status_table (EvkStrategy *strategy)
{
  GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
  EvkTable *table = evk_table_new ("status", strategy->goals->len + 1, statuses->len);
  guint total_row = strategy->goals->len;

  for (guint c = 0; c < statuses->len; c++)
    {
      EvkTerm *status = g_ptr_array_index (statuses, c);
      EvkTableEntry *column = evk_table_column (table, c);
      GHashTableIter iter;
      gpointer lang, text;

      column->key = g_strdup (status->key);
      g_hash_table_iter_init (&iter, status->name);
      while (g_hash_table_iter_next (&iter, &lang, &text))
        evk_localized_set (column->label, lang, text);
    }
  for (guint g = 0; g < strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, g);
      EvkTableEntry *row = evk_table_row (table, g);
      const char * const langs[] = { "nb", "en" };

      row->key = g_strdup (goal->key);
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autofree char *label = g_strdup_printf ("%s %s: %s", evk_word ("Report", "Goal", langs[l]), goal->key,
                                                    evk_localized_get (goal->title, langs[l]));
          evk_localized_set (row->label, langs[l], label);
        }
    }
  evk_table_row (table, total_row)->key = g_strdup ("total");
  evk_table_row (table, total_row)->role = EVK_ENTRY_TOTAL;
  evk_localized_set (evk_table_row (table, total_row)->label, "nb", "Alle delmål");
  evk_localized_set (evk_table_row (table, total_row)->label, "en", "All goals");

  for (guint m = 0; m < strategy->measures->len; m++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, m);
      int c = -1;

      for (guint k = 0; k < statuses->len; k++)
        if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, k))->key, measure->status) == 0)
          c = k;
      if (c < 0)
        continue;
      for (guint g = 0; g < strategy->goals->len; g++)
        if (g_strcmp0 (((EvkGoal *) g_ptr_array_index (strategy->goals, g))->key, measure->goal) == 0)
          {
            evk_table_cell (table, g, c)->n++;
            evk_table_cell (table, g, c)->count++;
          }
      evk_table_cell (table, total_row, c)->n++;
      evk_table_cell (table, total_row, c)->count++;
      table->n_base++;
    }
  table->small_cell = 0;
  g_hash_table_unref (table->base_label);
  table->base_label = localized ("tiltakene i strategien", "the strategy's measures");
  return table;
}

/* Measures × codes, a heading row per goal carrying the goal's counts. */
static EvkTable *
documents_table (EvkDocumentsStats *stats)
{
  GPtrArray *codes = stats->documents->codes;
  EvkTable *table = evk_table_new ("review", stats->goals->len + stats->measures->len, codes->len);
  guint r = 0;

  for (guint c = 0; c < codes->len; c++)
    {
      EvkDocumentsCode *code = g_ptr_array_index (codes, c);
      GHashTableIter iter;
      gpointer lang, text;

      evk_table_column (table, c)->key = g_strdup (code->key);
      g_hash_table_iter_init (&iter, code->name);
      while (g_hash_table_iter_next (&iter, &lang, &text))
        evk_localized_set (evk_table_column (table, c)->label, lang, text);
    }

  for (guint g = 0; g < stats->goals->len; g++)
    {
      EvkDocumentsGoal *goal = g_ptr_array_index (stats->goals, g);
      EvkTableEntry *heading = evk_table_row (table, r);
      guint heading_row = r++;
      const char * const langs[] = { "nb", "en" };

      heading->key = g_strdup (goal->key);
      heading->role = EVK_ENTRY_TOTAL;
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autofree char *label = g_strdup_printf ("%s %s: %s", evk_word ("Report", "Goal", langs[l]), goal->key,
                                                    evk_localized_get (goal->title, langs[l]));
          evk_localized_set (heading->label, langs[l], label);
        }
      for (guint m = 0; m < goal->measures->len; m++)
        {
          EvkDocumentsMeasure *measure = g_ptr_array_index (goal->measures, m);
          EvkTableEntry *row = evk_table_row (table, r);

          row->key = g_strdup_printf ("%u", measure->number);
          for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
            {
              g_autofree char *label = g_strdup_printf ("%u %s", measure->number,
                                                        evk_localized_get (measure->title, langs[l]));
              evk_localized_set (row->label, langs[l], label);
            }
          for (guint c = 0; c < codes->len; c++)
            {
              evk_table_cell (table, r, c)->n = measure->n_documents[c];
              evk_table_cell (table, r, c)->count = measure->n_documents[c];
              if (measure->n_documents[c] > 0)
                evk_table_cell (table, heading_row, c)->n++;
            }
          r++;
          table->n_base++;
        }
    }
  while (table->rows->len > r)
    evk_table_remove_row (table, table->rows->len - 1);
  table->small_cell = 0;
  g_hash_table_unref (table->base_label);
  table->base_label = localized ("tiltakene i strategien", "the strategy's measures");
  return table;
}

EvkTable *
chart_cases_review_table (EvkProject  *project,
                          GError     **error)
{
  g_autoptr(EvkDocumentsStats) documents = evk_documents_stats_load (project, error);

  return documents != NULL ? documents_table (documents) : NULL;
}

GPtrArray *
chart_cases_new (EvkProject  *project,
                 GError     **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_case_free);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(EvkDocumentsStats) documents = NULL;
  ChartCase *c;

  c = add (cases, "awareness", "fig 4-1", EVK_CHART_AWARENESS, TRUE);
  if (!compute (project, c, "awareness 7", error))
    return NULL;
  c = add (cases, "awareness-offer-1", "fig 5-1", EVK_CHART_AWARENESS, FALSE);
  if (!compute (project, c, "awareness 1", error))
    return NULL;
  c = add (cases, "awareness-managing", "ch. 6.8", EVK_CHART_AWARENESS, TRUE);
  if (!compute (project, c, "awareness 7 filter=\"reg_forvalter = 1\"", error) ||
      !compute (project, c, "awareness 7 filter=\"reg_forvalter = 2\"", error))
    return NULL;
  c->group_names[0] = localized ("De 20 opprinnelige forvalterkommunene", "The 20 original managing municipalities");
  c->group_names[1] = localized ("De 20 nye forvalterkommunene", "The 20 new managing municipalities");

  c = add (cases, "awareness-ranked", "fig 3-1", EVK_CHART_AWARENESS_RANKED, TRUE);
  if (!compute (project, c, "awareness-all", error))
    return NULL;
  c = add (cases, "awareness-ranked-groups", "fig 3-2", EVK_CHART_AWARENESS_RANKED, TRUE);
  if (!compute (project, c, "awareness-all", error) ||
      !compute (project, c, "awareness-all group=immigrant-organisations", error))
    return NULL;
  c->group_names[0] = localized ("Alle organisasjoner", "All organisations");
  c->group_names[1] = localized ("Innvandrerorganisasjoner", "Immigrant organisations");

  c = add (cases, "outcome", "fig 4-2", EVK_CHART_OUTCOME, TRUE);
  if (!compute (project, c, "outcome 1", error))
    return NULL;
  c = add (cases, "outcome-offer-4", "fig 4-4", EVK_CHART_OUTCOME, FALSE);
  if (!compute (project, c, "outcome 4", error))
    return NULL;
  c = add (cases, "outcome-small", "fig 7-2 (N=12)", EVK_CHART_OUTCOME, TRUE);
  if (!compute (project, c, "outcome 12", error))
    return NULL;

  c = add (cases, "distribution", "fig 8-1", EVK_CHART_DISTRIBUTION, TRUE);
  if (!compute (project, c, "crosstab q72 groups=all,used-any-offer", error))
    return NULL;
  c = add (cases, "distribution-one-group", "fig 8-2", EVK_CHART_DISTRIBUTION, FALSE);
  if (!compute (project, c, "frequency q73", error))
    return NULL;

  c = add (cases, "ranked-shares", "fig 8-3", EVK_CHART_RANKED_SHARES, TRUE);
  if (!compute (project, c, "multiple q35_1..q35_18", error))
    return NULL;

  c = add (cases, "diverging", "q34", EVK_CHART_DIVERGING, TRUE);
  if (!compute (project, c, "items q34_1..q34_7", error))
    return NULL;

  strategy = evk_project_load_strategy (project, error);
  if (strategy == NULL)
    return NULL;
  c = add (cases, "status-summary", "ch. 8.1", EVK_CHART_STATUS_SUMMARY, TRUE);
  c->tables[c->n_tables++] = status_table (strategy);

  documents = evk_documents_stats_load (project, error);
  if (documents == NULL)
    return NULL;
  c = add (cases, "review-matrix", "ch. 2.4", EVK_CHART_DOCUMENTS_MATRIX, TRUE);
  c->tables[c->n_tables++] = documents_table (documents);

  c = add (cases, "table", "table 1-2", EVK_CHART_TABLE, TRUE);
  if (!compute (project, c, "representativity reg_icnpo", error))
    return NULL;
  c = add (cases, "table-counts", "table 8-1", EVK_CHART_TABLE, FALSE);
  if (!compute (project, c, "count q16_1..q16_12 filter=\"q72 in 4..5\"", error))
    return NULL;
  c = add (cases, "table-frequency", "table 3-1", EVK_CHART_TABLE, FALSE);
  if (!compute (project, c, "frequency q72", error))
    return NULL;

  return g_steal_pointer (&cases);
}
