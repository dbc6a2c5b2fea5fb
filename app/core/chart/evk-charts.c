/* evk-charts.c: the project's saved charts, and the defaults made from its links
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-charts.h"
#include "evk-documents-stats.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-model-tables.h"
#include "evk-store-review.h"
#include "evk-store-texts.h"
#include "evk-table-spec.h"
#include "evk-words.h"

void
evk_saved_chart_free (EvkSavedChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->key);
  g_free (chart->spec);
  g_free (chart->goal);
  g_clear_pointer (&chart->caption, g_hash_table_unref);
  g_clear_pointer (&chart->alt_text, g_hash_table_unref);
  g_free (chart);
}

/* ---- Defaults ------------------------------------------------------ */

/* The defaults are made again whenever the project may have gained some
 * (a survey, a document review, a new link), but only the ones never made
 * before: a default the user removed stays removed. The keys made so far
 * are kept in project_meta "charts.defaults", one per line. */
typedef struct {
  EvkStrategy *strategy;
  GStrv        langs;
  GHashTable  *made;      /* keys made before, or in this run */
  guint        n_new;
  /* Non-NULL for a project only read: the new defaults are listed here
   * (EvkSavedChart, id 0) instead of being written. */
  GPtrArray   *listed;
} Defaults;

/* "Kjennskap til og bruk av {offer}" in every language the words have. */
static GHashTable *
caption_from_word (const char *key,
                   GHashTable *offer_label,
                   GStrv       langs)
{
  GHashTable *caption = evk_localized_new ();

  for (guint i = 0; langs[i] != NULL; i++)
    {
      const char *word = evk_word ("Report", key, langs[i]);
      g_autoptr(GString) text = NULL;

      if (word == NULL)
        word = evk_word ("Stats", key, langs[i]);
      if (word == NULL)
        continue;
      text = g_string_new (word);
      if (offer_label != NULL)
        {
          /* An offer whose label a crafted file took away in every
           * language is named by nothing rather than refused here: the
           * strategy's own check is where labels are required. */
          const char *label = evk_localized_get_fallback (offer_label, langs[i], langs[0]);

          g_string_replace (text, "{offer}", label != NULL ? label : "", 0);
        }
      evk_localized_set (caption, langs[i], text->str);
    }
  return caption;
}

static gboolean
insert_chart (EvkStore    *store,
              Defaults    *d,
              const char  *key,
              EvkChartKind kind,
              const char  *spec,
              guint        measure,
              const char  *goal,
              gboolean     in_report,
              GHashTable  *caption,
              GError     **error)
{
  g_autoptr(GHashTable) owned_caption = caption;
  g_autoptr(GHashTable) alt = evk_localized_new ();
  sqlite3_stmt *stmt;
  gint64 id;

  if (!g_hash_table_add (d->made, g_strdup (key)))
    return TRUE;
  d->n_new++;

  /* The alt text starts as the caption; the numbers themselves are in the
   * table every chart offers as its alternative. */
  for (guint i = 0; d->langs[i] != NULL; i++)
    evk_localized_set (alt, d->langs[i], evk_localized_get (caption, d->langs[i]));

  if (d->listed != NULL)
    {
      EvkSavedChart *chart = g_new0 (EvkSavedChart, 1);

      chart->key = g_strdup (key);
      chart->kind = kind;
      chart->spec = g_strdup (spec);
      chart->measure = measure;
      chart->goal = g_strdup (goal);
      chart->in_report = in_report;
      chart->caption = g_steal_pointer (&owned_caption);
      chart->alt_text = g_steal_pointer (&alt);
      g_ptr_array_add (d->listed, chart);
      return TRUE;
    }

  stmt = evk_store_prepare (store,
                            "INSERT INTO chart (key, kind, spec, measure_id, goal_id, position, in_report) "
                            "VALUES (?1, ?2, ?3, (SELECT id FROM measure WHERE number = ?4), "
                            "(SELECT id FROM goal WHERE key = ?5), "
                            "(SELECT coalesce(max(position), -1) + 1 FROM chart), ?6) RETURNING id",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, key);
  evk_stmt_bind_text (stmt, 2, evk_chart_kind_to_string (kind));
  evk_stmt_bind_text (stmt, 3, spec);
  if (measure > 0)
    evk_stmt_bind_int (stmt, 4, measure);
  evk_stmt_bind_text (stmt, 5, goal);
  evk_stmt_bind_int (stmt, 6, in_report ? 1 : 0);
  if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
    return FALSE;
  return evk_store_replace_texts (store, "chart", id, "caption", caption,
                                  (const char * const *) d->langs, error) &&
         evk_store_replace_texts (store, "chart", id, "alt-text", alt,
                                  (const char * const *) d->langs, error);
}

static gboolean
offer_has (EvkOffer   *offer,
           const char *role)
{
  return evk_offer_get_variable (offer, role) != NULL;
}

static gboolean
offer_in_measure (EvkOffer *offer,
                  guint     number)
{
  for (guint i = 0; i < offer->measures->len; i++)
    if (g_array_index (offer->measures, guint, i) == number)
      return TRUE;
  return FALSE;
}

static gboolean
make_defaults (EvkStore  *store,
               gpointer   user_data,
               GError   **error)
{
  Defaults *d = user_data;
  EvkStrategy *s = d->strategy;
  gboolean has_survey = FALSE;
  gboolean has_documents = FALSE;
  sqlite3_stmt *stmt;

  stmt = evk_store_prepare (store, "SELECT (SELECT count(*) FROM survey), (SELECT count(*) FROM document)",
                            error);
  if (stmt == NULL || !evk_store_step (store, stmt, NULL, error))
    return FALSE;
  has_survey = sqlite3_column_int (stmt, 0) > 0;
  has_documents = sqlite3_column_int (stmt, 1) > 0;
  sqlite3_reset (stmt);

  for (guint m = 0; has_survey && m < s->measures->len; m++)
    {
      EvkMeasure *measure = g_ptr_array_index (s->measures, m);

      for (guint o = 0; o < s->offers->len; o++)
        {
          EvkOffer *offer = g_ptr_array_index (s->offers, o);
          g_autofree char *key = NULL, *spec = NULL;

          if (!offer_in_measure (offer, measure->number))
            continue;
          if (offer_has (offer, EVK_ROLE_HEARD_OF) && offer_has (offer, EVK_ROLE_USED))
            {
              key = g_strdup_printf ("m%u-awareness-%s", measure->number, offer->key);
              spec = g_strdup_printf ("awareness %s", offer->key);
              if (!insert_chart (store, d, key, EVK_CHART_AWARENESS, spec, measure->number, NULL, TRUE,
                                 caption_from_word ("FigureAwareness", offer->label, d->langs), error))
                return FALSE;
            }
          if (offer_has (offer, EVK_ROLE_OUTCOME_MEMBERS) || offer_has (offer, EVK_ROLE_OUTCOME_ACTIVITIES))
            {
              g_free (key);
              g_free (spec);
              key = g_strdup_printf ("m%u-outcome-%s", measure->number, offer->key);
              spec = g_strdup_printf ("outcome %s", offer->key);
              if (!insert_chart (store, d, key, EVK_CHART_OUTCOME, spec, measure->number, NULL, TRUE,
                                 caption_from_word ("FigureOutcome", offer->label, d->langs), error))
                return FALSE;
            }
        }
    }

  for (guint g = 0; g < s->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (s->goals, g);
      g_autofree char *key = g_strdup_printf ("g%s-status", goal->key);
      g_autofree char *spec = g_strdup_printf ("status-summary goal=%s", goal->key);
      g_autoptr(GString) offers = g_string_new (NULL);

      /* A goal's charts are for the window; the report's goal chapters
       * follow the seed (the measures table, then the measures) unless the
       * evaluators include them. */
      if (!insert_chart (store, d, key, EVK_CHART_STATUS_SUMMARY, spec, 0, goal->key, FALSE,
                         caption_from_word ("GoalStatus", NULL, d->langs), error))
        return FALSE;

      for (guint o = 0; o < s->offers->len; o++)
        {
          EvkOffer *offer = g_ptr_array_index (s->offers, o);
          gboolean in_goal = FALSE;

          for (guint i = 0; i < offer->measures->len && !in_goal; i++)
            {
              EvkMeasure *m = evk_strategy_find_measure (s, g_array_index (offer->measures, guint, i));
              in_goal = m != NULL && g_strcmp0 (m->goal, goal->key) == 0;
            }
          if (in_goal && offer_has (offer, EVK_ROLE_HEARD_OF) && offer_has (offer, EVK_ROLE_USED))
            g_string_append_printf (offers, "%s%s", offers->len > 0 ? "," : "", offer->key);
        }
      /* A goal with one offer has that offer's chart on its measure page. */
      if (has_survey && strchr (offers->str, ',') != NULL)
        {
          g_autofree char *ranked_key = g_strdup_printf ("g%s-awareness", goal->key);
          g_autofree char *ranked_spec = g_strdup_printf ("awareness-all offers=%s", offers->str);

          if (!insert_chart (store, d, ranked_key, EVK_CHART_AWARENESS_RANKED, ranked_spec, 0, goal->key, FALSE,
                             caption_from_word ("GoalAwareness", NULL, d->langs), error))
            return FALSE;
        }
    }

  if (!insert_chart (store, d, "status", EVK_CHART_STATUS_SUMMARY, "status-summary", 0, NULL, TRUE,
                     caption_from_word ("StatusByGoal", NULL, d->langs), error))
    return FALSE;
  if (has_survey && s->offers->len > 0 &&
      !insert_chart (store, d, "awareness-all", EVK_CHART_AWARENESS_RANKED, "awareness-all", 0, NULL, TRUE,
                     caption_from_word ("AwarenessTitle", NULL, d->langs), error))
    return FALSE;
  if (has_documents &&
      (!insert_chart (store, d, "review-matrix", EVK_CHART_DOCUMENTS_MATRIX, "review-matrix", 0, NULL, TRUE,
                      caption_from_word ("ReviewMatrix", NULL, d->langs), error) ||
       !insert_chart (store, d, "review-documents", EVK_CHART_TABLE, "review-documents", 0, NULL, TRUE,
                      caption_from_word ("ReviewDocuments", NULL, d->langs), error)))
    return FALSE;
  return TRUE;
}

/* The keys made before: those recorded, and those in the table (a project
 * of an earlier version recorded only that the defaults were made). */
static GHashTable *
load_made (EvkStore  *store,
           GError   **error)
{
  g_autoptr(GHashTable) made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = evk_store_prepare (store,
                                          "SELECT value FROM project_meta WHERE key = 'charts.defaults' "
                                          "UNION ALL SELECT key FROM chart",
                                          error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    {
      const char *value = evk_stmt_column_text (stmt, 0);
      g_auto(GStrv) keys = NULL;

      /* A crafted file may record nothing where the list belongs. */
      if (value == NULL)
        continue;
      keys = g_strsplit (value, "\n", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        if (keys[i][0] != '\0')
          g_hash_table_add (made, g_strdup (keys[i]));
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&made);
}

static gboolean
make_new_defaults (EvkStore  *store,
                   gpointer   user_data,
                   GError   **error)
{
  Defaults *d = user_data;
  g_autoptr(GString) joined = g_string_new (NULL);
  GList *keys;
  sqlite3_stmt *stmt;

  if (!make_defaults (store, d, error))
    return FALSE;
  if (d->n_new == 0)
    return TRUE;
  keys = g_list_sort (g_hash_table_get_keys (d->made), (GCompareFunc) strcmp);
  for (GList *k = keys; k != NULL; k = k->next)
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? "\n" : "", (const char *) k->data);
  g_list_free (keys);
  stmt = evk_store_prepare (store, "INSERT OR REPLACE INTO project_meta (key, value) VALUES ('charts.defaults', ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, joined->str);
  return evk_store_step (store, stmt, NULL, error);
}

static gboolean
ensure_defaults (EvkProject  *project,
                 gboolean     replace,
                 guint       *n_new,
                 GError     **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GHashTable) made = NULL;
  g_auto(GStrv) langs = NULL;
  Defaults d = { 0 };

  /* One at a time: the second must not set an error over the first's (a
   * damaged project can fail both). */
  strategy = evk_project_load_strategy (project, error);
  if (strategy == NULL)
    return FALSE;
  langs = evk_store_get_languages (store, error);
  if (langs == NULL)
    return FALSE;
  d.strategy = strategy;
  d.langs = langs;

  if (replace && !evk_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (replace && !evk_store_exec (store, "DELETE FROM chart; DELETE FROM project_meta WHERE key = 'charts.defaults'",
                                  error))
    {
      evk_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  if ((made = load_made (store, error)) == NULL)
    {
      if (replace)
        evk_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  d.made = made;
  if (!evk_store_transaction (store, make_new_defaults, &d, error))
    {
      if (replace)
        evk_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  if (n_new != NULL)
    *n_new = d.n_new;
  return !replace || evk_store_exec (store, "COMMIT", error);
}

gboolean
evk_project_reset_charts (EvkProject  *project,
                          GError     **error)
{
  return ensure_defaults (project, TRUE, NULL, error);
}

static GPtrArray *
read_charts (EvkStore  *store,
             GError   **error)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_saved_chart_free);
  g_autoptr(EvkTextIndex) texts = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  if ((texts = evk_text_index_load (store, "chart", error)) == NULL)
    return NULL;
  stmt = evk_store_prepare (store,
                            "SELECT c.id, c.key, c.kind, c.spec, m.number, g.key, c.in_report, "
                            "(c.measure_id IS NOT NULL AND m.id IS NULL) OR (c.goal_id IS NOT NULL AND g.id IS NULL) "
                            "FROM chart c "
                            "LEFT JOIN measure m ON m.id = c.measure_id LEFT JOIN goal g ON g.id = c.goal_id "
                            "ORDER BY c.position, c.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      EvkSavedChart *chart;
      EvkChartKind kind;
      const char *key = evk_stmt_column_text (stmt, 1);

      /* The file is untrusted: a chart must have a key, a kind this
       * version draws, and a measure or goal that exists. */
      if (key == NULL || *key == '\0' ||
          !evk_chart_kind_from_string (evk_stmt_column_text (stmt, 2), &kind) ||
          sqlite3_column_int (stmt, 7))
        {
          g_set_error (&local_error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                       _("%s: chart “%s”: no key, an unknown kind “%s”, or a measure or goal that does not exist"),
                       evk_store_get_path (store), key ?: "", evk_stmt_column_text (stmt, 2) ?: "");
          sqlite3_reset (stmt);
          break;
        }
      chart = g_new0 (EvkSavedChart, 1);
      chart->id = sqlite3_column_int64 (stmt, 0);
      chart->key = g_strdup (key);
      chart->kind = kind;
      chart->spec = g_strdup (evk_stmt_column_text (stmt, 3));
      chart->measure = sqlite3_column_int (stmt, 4);
      chart->goal = g_strdup (evk_stmt_column_text (stmt, 5));
      chart->in_report = sqlite3_column_int (stmt, 6);
      chart->caption = evk_text_index_get (texts, chart->id, "caption");
      chart->alt_text = evk_text_index_get (texts, chart->id, "alt-text");
      g_ptr_array_add (charts, chart);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&charts);
}

/* A project only read (a listing, an export, a reviewer's copy) shows the
 * defaults it would get, after its stored charts, and writes nothing. */
static gboolean
list_new_defaults (EvkProject  *project,
                   GPtrArray   *charts,
                   GError     **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(EvkStrategy) strategy = NULL;
  g_autoptr(GHashTable) made = NULL;
  g_auto(GStrv) langs = NULL;
  Defaults d = { 0 };

  /* A reviewer's copy shows the charts it was made with, and only those. */
  if (evk_store_is_review_copy (store, NULL))
    return TRUE;
  if ((strategy = evk_project_load_strategy (project, error)) == NULL ||
      (langs = evk_store_get_languages (store, error)) == NULL ||
      (made = load_made (store, error)) == NULL)
    return FALSE;
  d.strategy = strategy;
  d.langs = langs;
  d.made = made;
  d.listed = charts;
  return make_defaults (store, &d, error);
}

GPtrArray *
evk_project_list_charts (EvkProject  *project,
                         GError     **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(GPtrArray) charts = NULL;
  guint n_new = 0;

  /* The stored charts are read, and so checked, before any default is
   * added: a file refused for a bad chart is left as it was. A read-only
   * project (a reviewer's, or `evalkit charts`) lists them unwritten. */
  if ((charts = read_charts (store, error)) == NULL)
    return NULL;
  if (sqlite3_db_readonly (evk_store_get_db (store), "main"))
    return list_new_defaults (project, charts, error) ? g_steal_pointer (&charts) : NULL;
  if (!ensure_defaults (project, FALSE, &n_new, error))
    return NULL;
  if (n_new == 0)
    return g_steal_pointer (&charts);
  g_clear_pointer (&charts, g_ptr_array_unref);
  return read_charts (store, error);
}

EvkSavedChart *
evk_project_chart_for_group (GPtrArray  *charts,
                             const char *key)
{
  for (guint i = 0; i < charts->len; i++)
    if (evk_table_spec_names_group (((EvkSavedChart *) g_ptr_array_index (charts, i))->spec, key))
      return g_ptr_array_index (charts, i);
  return NULL;
}

EvkSavedChart *
evk_project_find_chart (GPtrArray  *charts,
                        const char *key)
{
  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (((EvkSavedChart *) g_ptr_array_index (charts, i))->key, key))
      return g_ptr_array_index (charts, i);
  return NULL;
}

/* "status-summary goal=2" → "2"; NULL when not given. */
static char *
goal_option (const char *spec)
{
  const char *goal = strstr (spec, "goal=");
  const char *end;

  if (goal == NULL)
    return NULL;
  goal += strlen ("goal=");
  end = goal;
  while (*end != '\0' && !g_ascii_isspace (*end))
    end++;
  return g_strndup (goal, end - goal);
}

EvkTable *
evk_project_compute_chart (EvkProject     *project,
                           EvkSavedChart  *chart,
                           GError        **error)
{
  return evk_project_compute_chart_from (project, NULL, chart, error);
}

EvkTable *
evk_project_compute_chart_from (EvkProject      *project,
                                EvkTableSource  *source,
                                EvkSavedChart   *chart,
                                GError         **error)
{
  g_autofree char *goal = goal_option (chart->spec);

  if (g_str_has_prefix (chart->spec, "status-summary"))
    {
      g_autoptr(EvkStrategy) own = NULL;
      EvkStrategy *strategy = source != NULL ? evk_table_source_get_strategy (source, error)
                                             : (own = evk_project_load_strategy (project, error));

      return strategy != NULL ? evk_table_status_summary (strategy, goal) : NULL;
    }
  if (g_str_has_prefix (chart->spec, "review-"))
    {
      g_autoptr(EvkDocumentsStats) stats = evk_documents_stats_load (project, error);

      if (stats == NULL)
        return NULL;
      return g_str_has_prefix (chart->spec, "review-matrix") ? evk_table_documents_matrix (stats, goal)
                                                             : evk_table_documents_per_agency (stats);
    }
  if (source != NULL)
    return evk_table_source_compute (source, chart->spec, error);
  return evk_table_compute (project, chart->spec, error);
}

/* ---- Editing ------------------------------------------------------- */

static gint64
chart_id (EvkStore    *store,
          const char  *key,
          GError     **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT id FROM chart WHERE key = ?1", error);
  gboolean has_row;
  gint64 id;

  if (stmt == NULL)
    return -1;
  evk_stmt_bind_text (stmt, 1, key);
  if (!evk_store_step (store, stmt, &has_row, error))
    return -1;
  if (!has_row)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("no chart “%s”"), key);
      return -1;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

typedef struct {
  const char   *key;
  EvkChartKind  kind;
  const char   *spec;
  guint         measure;
  const char   *goal;
  GHashTable   *caption;
  GHashTable   *alt_text;
  int           in_report;
  int           position;
  GStrv         langs;
} ChartEdit;

static gboolean
add_in_transaction (EvkStore  *store,
                    gpointer   user_data,
                    GError   **error)
{
  ChartEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = evk_store_prepare (store,
                            "INSERT INTO chart (key, kind, spec, measure_id, goal_id, position, in_report) "
                            "VALUES (?1, ?2, ?3, (SELECT id FROM measure WHERE number = ?4), "
                            "(SELECT id FROM goal WHERE key = ?5), (SELECT coalesce(max(position), -1) + 1 "
                            "FROM chart), 1) RETURNING id",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, edit->key);
  evk_stmt_bind_text (stmt, 2, evk_chart_kind_to_string (edit->kind));
  evk_stmt_bind_text (stmt, 3, edit->spec);
  if (edit->measure > 0)
    evk_stmt_bind_int (stmt, 4, edit->measure);
  evk_stmt_bind_text (stmt, 5, edit->goal);
  if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
    return FALSE;
  return evk_store_replace_texts (store, "chart", id, "caption", edit->caption,
                                  (const char * const *) edit->langs, error) &&
         evk_store_replace_texts (store, "chart", id, "alt-text", edit->caption,
                                  (const char * const *) edit->langs, error);
}

gboolean
evk_project_add_chart (EvkProject    *project,
                       const char    *key,
                       EvkChartKind   kind,
                       const char    *spec,
                       guint          measure,
                       const char    *goal,
                       GHashTable    *caption,
                       GError       **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, error);
  g_autoptr(EvkTable) table = NULL;
  g_auto(GStrv) langs = NULL;
  EvkSavedChart probe = { 0, (char *) key, kind, (char *) spec, measure, (char *) goal, TRUE };
  ChartEdit edit = { key, kind, spec, measure, goal, caption, NULL, 1, -1, NULL };

  if (charts == NULL)
    return FALSE;
  if (evk_project_find_chart (charts, key) != NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("a chart “%s” exists already"), key);
      return FALSE;
    }
  /* A spec that does not compute is refused now, not when the report is
   * built. */
  table = evk_project_compute_chart (project, &probe, error);
  if (table == NULL)
    return FALSE;
  if ((langs = evk_store_get_languages (store, error)) == NULL)
    return FALSE;
  edit.langs = langs;
  if (!evk_store_transaction (store, add_in_transaction, &edit, error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "charts");
  return TRUE;
}

static gboolean
set_texts_in_languages (EvkStore    *store,
                        gint64       id,
                        const char  *field,
                        GHashTable  *localized,
                        GError     **error)
{
  GHashTableIter iter;
  gpointer lang, text;

  g_hash_table_iter_init (&iter, localized);
  while (g_hash_table_iter_next (&iter, &lang, &text))
    if (!evk_store_set_text (store, "chart", id, field, lang, text, error))
      return FALSE;
  return TRUE;
}

static gboolean
edit_in_transaction (EvkStore  *store,
                     gpointer   user_data,
                     GError   **error)
{
  ChartEdit *edit = user_data;
  gint64 id = chart_id (store, edit->key, error);
  sqlite3_stmt *stmt;

  if (id < 0)
    return FALSE;
  if (edit->caption != NULL && !set_texts_in_languages (store, id, "caption", edit->caption, error))
    return FALSE;
  if (edit->alt_text != NULL && !set_texts_in_languages (store, id, "alt-text", edit->alt_text, error))
    return FALSE;
  if (edit->in_report >= 0)
    {
      stmt = evk_store_prepare (store, "UPDATE chart SET in_report = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      evk_stmt_bind_int (stmt, 2, edit->in_report != 0);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
    }
  if (edit->position >= 0)
    {
      /* Renumber everything around the moved chart: positions stay 0..n-1. */
      stmt = evk_store_prepare (store,
                                "UPDATE chart SET position = (SELECT count(*) FROM chart c2 "
                                "WHERE c2.id != ?1 AND (c2.position < chart.position OR "
                                "(c2.position = chart.position AND c2.id < chart.id))) WHERE id != ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      stmt = evk_store_prepare (store, "UPDATE chart SET position = position + 1 WHERE id != ?1 AND position >= ?2",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      evk_stmt_bind_int (stmt, 2, edit->position);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      stmt = evk_store_prepare (store,
                                "UPDATE chart SET position = min(?2, (SELECT count(*) - 1 FROM chart)) WHERE id = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      evk_stmt_bind_int (stmt, 2, edit->position);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
evk_project_edit_chart (EvkProject  *project,
                        const char  *key,
                        GHashTable  *caption,
                        GHashTable  *alt_text,
                        int          in_report,
                        int          position,
                        GError     **error)
{
  ChartEdit edit = { key, 0, NULL, 0, NULL, caption, alt_text, in_report, position, NULL };
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, error);

  if (charts == NULL || !evk_store_transaction (evk_project_get_store (project), edit_in_transaction, &edit, error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "charts");
  return TRUE;
}

static gboolean
remove_in_transaction (EvkStore  *store,
                       gpointer   user_data,
                       GError   **error)
{
  gint64 id = chart_id (store, user_data, error);
  sqlite3_stmt *stmt;

  if (id < 0)
    return FALSE;
  stmt = evk_store_prepare (store, "DELETE FROM chart WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, id);
  return evk_store_step (store, stmt, NULL, error);
}

gboolean
evk_project_remove_chart (EvkProject  *project,
                          const char  *key,
                          GError     **error)
{
  g_autoptr(GPtrArray) charts = evk_project_list_charts (project, error);

  if (charts == NULL ||
      !evk_store_transaction (evk_project_get_store (project), remove_in_transaction, (gpointer) key, error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "charts");
  return TRUE;
}

/* ---- Weighting ----------------------------------------------------- */

/* Whether the chart's table is of survey answers, which weights apply to
 * (not the strategy's statuses or the document review). */
static gboolean
is_survey_chart (const EvkSavedChart *chart)
{
  return !g_str_has_prefix (chart->spec, "status-summary") && !g_str_has_prefix (chart->spec, "review-");
}

char *
evk_saved_chart_get_weighting (const EvkSavedChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return is_survey_chart (chart) ? evk_table_spec_get_option (chart->spec, "weight") : NULL;
}

GPtrArray *
evk_project_chart_weightings (EvkProject           *project,
                              const EvkSavedChart  *chart,
                              GError              **error)
{
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(GPtrArray) weightings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EvkSurvey) survey = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  if (!is_survey_chart (chart))
    return g_steal_pointer (&weightings);
  /* The chart's survey: the one it names, else the first. */
  name = evk_table_spec_get_option (chart->spec, "survey");
  if (name == NULL)
    {
      if ((names = evk_survey_list (store, error)) == NULL)
        return NULL;
      if (names[0] == NULL)
        return g_steal_pointer (&weightings);
      name = g_strdup (names[0]);
    }
  /* A review copy has the survey's dictionary but no answers to weight:
   * it offers no weighting, and draws the tables it was made with. */
  if (evk_store_is_review_copy (store, NULL))
    return g_steal_pointer (&weightings);
  if ((survey = evk_survey_load (store, name, FALSE, error)) == NULL)
    return NULL;
  if (survey->weight_variable != NULL && *survey->weight_variable != '\0')
    g_ptr_array_add (weightings, g_strdup ("variable"));
  for (guint i = 0; survey->population != NULL && i < survey->population->len; i++)
    {
      EvkPopulationShare *share = g_ptr_array_index (survey->population, i);
      g_autofree char *value = g_strdup_printf ("population:%s", share->variable);

      if (!g_ptr_array_find_with_equal_func (weightings, value, g_str_equal, NULL))
        g_ptr_array_add (weightings, g_steal_pointer (&value));
    }
  return g_steal_pointer (&weightings);
}

typedef struct {
  const char *key;
  const char *spec;
} SpecEdit;

static gboolean
set_spec_in_transaction (EvkStore  *store,
                         gpointer   user_data,
                         GError   **error)
{
  SpecEdit *edit = user_data;
  gint64 id = chart_id (store, edit->key, error);
  sqlite3_stmt *stmt;

  if (id < 0)
    return FALSE;
  stmt = evk_store_prepare (store, "UPDATE chart SET spec = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, id);
  evk_stmt_bind_text (stmt, 2, edit->spec);
  return evk_store_step (store, stmt, NULL, error);
}

gboolean
evk_project_set_chart_weighting (EvkProject  *project,
                                 const char  *key,
                                 const char  *weighting,
                                 GError     **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(EvkTable) table = NULL;
  g_autofree char *current = NULL, *spec = NULL;
  EvkSavedChart *chart, probe;
  SpecEdit edit;

  g_return_val_if_fail (key != NULL, FALSE);

  if (weighting != NULL && (*weighting == '\0' || g_str_equal (weighting, "none")))
    weighting = NULL;
  if ((charts = evk_project_list_charts (project, error)) == NULL)
    return FALSE;
  if ((chart = evk_project_find_chart (charts, key)) == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("no chart “%s”"), key);
      return FALSE;
    }
  if (!is_survey_chart (chart))
    {
      if (weighting == NULL)
        return TRUE;
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("chart “%s” does not count survey answers: it cannot be weighted"), key);
      return FALSE;
    }
  current = evk_table_spec_get_option (chart->spec, "weight");
  if (g_strcmp0 (current, weighting) == 0)
    return TRUE;
  if ((spec = evk_table_spec_set_option (chart->spec, "weight", weighting, error)) == NULL)
    {
      g_prefix_error (error, _("chart “%s”: "), key);
      return FALSE;
    }
  /* Weights that do not apply (no weight variable, no shares for that
   * variable) are refused now, not when the report is built. */
  probe = *chart;
  probe.spec = spec;
  if ((table = evk_project_compute_chart (project, &probe, error)) == NULL)
    {
      g_prefix_error (error, _("chart “%s”: "), key);
      return FALSE;
    }
  edit.key = key;
  edit.spec = spec;
  if (!evk_store_transaction (evk_project_get_store (project), set_spec_in_transaction, &edit, error))
    return FALSE;
  g_signal_emit_by_name (project, "changed", "charts");
  return TRUE;
}
