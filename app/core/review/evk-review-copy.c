/* evk-review-copy.c: a project file for the reference group, without the survey's answers
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evk-charts.h"
#include "evk-disclosure.h"
#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-report.h"
#include "evk-review-copy.h"
#include "evk-store-review.h"
#include "evk-store-texts.h"
#include "evk-table-review.h"
#include "evk-table-spec.h"

typedef struct {
  EvkProject     *project;     /* the home project, read-only */
  EvkTableSource *source;
  GStrv           langs;
  GHashTable     *tables;      /* canonical spec → EvkTable, suppressed */
} Collect;

/* A spec whose table comes from the survey: the others (the status
 * summary, the document review) are computed from what a copy keeps. */
static gboolean
from_survey (const char *spec)
{
  return !g_str_has_prefix (spec, "status-summary") && !g_str_has_prefix (spec, "review-") &&
         spec[0] != '@';
}

static void
add_spec (Collect    *c,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = evk_table_spec_canonical (text, &error);
  EvkTable *table;

  if (canonical == NULL || g_hash_table_contains (c->tables, canonical))
    return;
  /* A table the project cannot compute (a group below the threshold, a
   * variable since removed) is not in the copy either: asking the copy
   * for it says so. */
  table = evk_table_source_compute (c->source, canonical, &error);
  if (table == NULL)
    {
      g_debug ("review copy: no table for %s: %s", canonical, error->message);
      g_hash_table_insert (c->tables, g_steal_pointer (&canonical), NULL);
      return;
    }
  /* Whatever the project's mode, a copy suppresses, the same way the
   * project's suppress mode does. */
  evk_table_suppress (table);
  g_hash_table_insert (c->tables, g_steal_pointer (&canonical), table);
}

/* A chart view the window offers: for everyone and for each group, with
 * and without the "don't know" answers. */
static void
add_views (Collect     *c,
           EvkStrategy *strategy,
           const char  *spec)
{
  static const char * const bases[] = { "with-dont-know", "valid" };

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      for (guint g = 0; g <= strategy->groups->len; g++)
        {
          const char *group = g == 0 ? "all" : ((EvkGroup *) g_ptr_array_index (strategy->groups, g - 1))->key;
          g_autofree char *quoted = g_shell_quote (group);
          /* The last word of an option is the one that counts. */
          g_autofree char *text = g_strdup_printf ("%s group=%s base=%s", spec, quoted, bases[b]);

          add_spec (c, text);
        }
    }
}

static gboolean
goal_has_offer (EvkStrategy *strategy,
                EvkOffer    *offer,
                const char  *goal)
{
  for (guint k = 0; k < offer->measures->len; k++)
    {
      EvkMeasure *measure = evk_strategy_find_measure (strategy, g_array_index (offer->measures, guint, k));

      if (measure != NULL && g_strcmp0 (measure->goal, goal) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
collect_tables (Collect  *c,
                GError  **error)
{
  EvkStrategy *strategy = evk_table_source_get_strategy (c->source, error);
  g_autoptr(GPtrArray) charts = NULL;
  g_auto(GStrv) report_specs = NULL;
  g_autoptr(GError) local_error = NULL;
  EvkSurvey *survey;

  if (strategy == NULL)
    return FALSE;
  survey = evk_table_source_get_survey (c->source, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (survey == NULL)
    return TRUE;

  /* The saved charts, in every view the window offers of them. */
  if ((charts = evk_project_list_charts (c->project, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (charts, i);

      if (from_survey (chart->spec))
        {
          add_spec (c, chart->spec);
          add_views (c, strategy, chart->spec);
        }
    }

  /* The cards the window makes of the strategy's offers and goals (and
   * the default charts a copy would make of them). */
  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);
      g_autofree char *quoted = g_shell_quote (offer->key);
      g_autofree char *awareness = g_strdup_printf ("awareness %s", quoted);
      g_autofree char *outcome = g_strdup_printf ("outcome %s", quoted);

      add_views (c, strategy, awareness);
      add_views (c, strategy, outcome);
    }
  if (strategy->offers->len > 0)
    add_views (c, strategy, "awareness-all");
  for (guint g = 0; g < strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, g);
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(GString) linked = g_string_new (NULL);

      for (guint i = 0; i < strategy->offers->len; i++)
        {
          EvkOffer *offer = g_ptr_array_index (strategy->offers, i);

          if (!goal_has_offer (strategy, offer, goal->key))
            continue;
          g_string_append_printf (all, "%s%s", all->len > 0 ? "," : "", offer->key);
          if (evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF) != NULL &&
              evk_offer_get_variable (offer, EVK_ROLE_USED) != NULL)
            g_string_append_printf (linked, "%s%s", linked->len > 0 ? "," : "", offer->key);
        }
      for (GString **offers = (GString *[]) { all, linked, NULL }; *offers != NULL; offers++)
        if ((*offers)->len > 0)
          {
            g_autofree char *quoted = g_shell_quote ((*offers)->str);
            g_autofree char *spec = g_strdup_printf ("awareness-all offers=%s", quoted);

            add_views (c, strategy, spec);
          }
    }

  /* Everything the report computes, in each of its languages. */
  if ((report_specs = evk_report_table_specs (c->project, (const char * const *) c->langs, error)) == NULL)
    return FALSE;
  for (guint i = 0; report_specs[i] != NULL; i++)
    add_spec (c, report_specs[i]);
  add_spec (c, "response-rate");
  return TRUE;
}

/* ---- The scrubbed file --------------------------------------------- */

static gboolean
sqlite_error (sqlite3     *db,
              const char  *what,
              GError     **error)
{
  g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sqlite_error (db, sql, error);
  return TRUE;
}

typedef struct {
  const char *reviewer;
  const char *project_id;
  Collect    *collect;
} Scrub;

/* Everything respondent-level goes; what the copy keeps of the survey is
 * its questions, its counts and the register's shares. */
static const char * const scrub_sql =
  "DELETE FROM column_data;"
  "DELETE FROM string_data;"
  "DELETE FROM text_data;"
  /* A personal or free-text variable's value labels may name people
   * (an organisation number labelled with its name). */
  "DELETE FROM value_label WHERE variable_id IN "
  "  (SELECT id FROM variable WHERE personal = 1 OR type = 'string');"
  "DELETE FROM missing_value WHERE variable_id IN "
  "  (SELECT id FROM variable WHERE personal = 1 OR type = 'string');"
  "UPDATE survey SET source_file = NULL;"
  "DELETE FROM review_table;"
  "DELETE FROM review_copy;";

static gboolean
fill (sqlite3     *db,
      Scrub       *scrub,
      GError     **error)
{
  g_autofree char *copy_id = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *made_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer spec, table;

  if (sqlite3_prepare_v2 (db, "INSERT INTO review_table (spec, lang, table_json) VALUES (?1, ?2, ?3)", -1,
                          &stmt, NULL) != SQLITE_OK)
    return sqlite_error (db, "review_table", error);
  g_hash_table_iter_init (&iter, scrub->collect->tables);
  while (g_hash_table_iter_next (&iter, &spec, &table))
    {
      if (table == NULL)
        continue;
      for (guint l = 0; scrub->collect->langs[l] != NULL; l++)
        {
          g_autofree char *json = evk_table_to_review_json (table, scrub->collect->langs[l]);

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, spec, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, scrub->collect->langs[l], -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              sqlite_error (db, "review_table", error);
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "INSERT INTO review_copy (id, copy_id, project_id, reviewer, made_at) "
                              "VALUES (1, ?1, ?2, ?3, ?4)", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_error (db, "review_copy", error);
  sqlite3_bind_text (stmt, 1, copy_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, scrub->project_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, scrub->reviewer != NULL ? scrub->reviewer : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, made_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite_error (db, "review_copy", error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The home project's file, copied with the backup API into a private
 * temporary folder, scrubbed with secure_delete on (deleted rows are
 * overwritten, not just unlinked from the b-tree), and written compact to
 * tmp_out with VACUUM INTO: a fresh file of the live rows only, with no
 * journal and no free page. */
static gboolean
write_scrubbed (sqlite3     *home,
                const char  *tmp_out,
                Scrub       *scrub,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evalkit-review-XXXXXX", &local_error);
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  if (dir == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  path = g_build_filename (dir, "scrub.evalkit", NULL);
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (db, path, error);
      goto out;
    }
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  /* The journal of the scrub would hold the deleted pages: keep it in
   * memory. */
  if (!exec (db, "PRAGMA secure_delete = ON; PRAGMA journal_mode = MEMORY; PRAGMA foreign_keys = ON", error))
    goto out;
  backup = sqlite3_backup_init (db, "main", home, "main");
  if (backup == NULL)
    {
      sqlite_error (db, "backup", error);
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      sqlite_error (db, "backup", error);
      goto out;
    }
  /* The backup brings the home file's settings along. */
  if (!exec (db, "PRAGMA secure_delete = ON; PRAGMA journal_mode = MEMORY", error) ||
      !exec (db, "BEGIN IMMEDIATE", error))
    goto out;
  if (!exec (db, scrub_sql, error) || !fill (db, scrub, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }
  if (!exec (db, "COMMIT", error))
    goto out;

  if (sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_error (db, "VACUUM INTO", error);
      goto out;
    }
  sqlite3_bind_text (stmt, 1, tmp_out, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_error (db, "VACUUM INTO", error);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close (db);
  evk_store_remove_partial (path);
  g_rmdir (dir);
  return ok;
}

static void
table_free (gpointer table)
{
  evk_table_free (table);
}

gboolean
evk_review_copy_write (EvkStore    *store,
                       const char  *out_path,
                       const char  *reviewer,
                       GError     **error)
{
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkTableSource) source = NULL;
  g_autoptr(GHashTable) tables = NULL;
  g_autofree char *project_id = NULL;
  g_autofree char *tmp_out = NULL;
  g_auto(GStrv) langs = NULL;
  g_autoptr(GError) local_error = NULL;
  EvkStore *home;
  Collect collect = { 0 };
  Scrub scrub = { reviewer, NULL, &collect };
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);

  if (g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_EXISTS, _("%s: the file already exists"), out_path);
      return FALSE;
    }
  if (reviewer != NULL && (strlen (reviewer) > 1024 || !g_utf8_validate (reviewer, -1, NULL)))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("the reviewer’s name is not valid text"));
      return FALSE;
    }
  if (evk_store_is_review_copy (store, NULL))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s is a review copy: review copies are made from the evaluator’s project"),
                   evk_store_get_path (store));
      return FALSE;
    }
  if ((project_id = evk_project_id (store, error)) == NULL)
    return FALSE;

  /* A connection of its own that cannot write, in one read transaction:
   * the tables and the copied file are of the same moment, and nothing
   * done here (no default chart made on listing) reaches the project. */
  project = evk_project_open_read_only (evk_store_get_path (store), error);
  if (project == NULL)
    return FALSE;
  home = evk_project_get_store (project);
  if ((langs = evk_store_get_languages (home, error)) == NULL || !evk_store_exec (home, "BEGIN", error))
    return FALSE;

  source = evk_table_source_new (project);
  tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, table_free);
  collect.project = project;
  collect.source = source;
  collect.langs = langs;
  collect.tables = tables;
  scrub.project_id = project_id;

  tmp_out = evk_store_partial_path (out_path);
  ok = collect_tables (&collect, &local_error) &&
       write_scrubbed (evk_store_get_db (home), tmp_out, &scrub, &local_error);
  evk_store_exec (home, "COMMIT", NULL);

  /* What was written is opened as any project is before it gets its name. */
  if (ok)
    {
      g_autoptr(EvkStore) check = evk_store_open (tmp_out, EVK_STORE_OPEN_READ_ONLY, &local_error);

      ok = check != NULL;
    }
  ok = ok && evk_store_publish (tmp_out, out_path, &local_error);
  evk_store_remove_partial (tmp_out);
  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", out_path);
      return FALSE;
    }
  return TRUE;
}
