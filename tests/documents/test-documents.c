/* test-documents.c: the document review: coding sheet import and findings
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "evk-csv-reader.h"
#include "evk-demo.h"
#include "evk-documents-stats.h"
#include "evk-documents.h"
#include "evk-import-error.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-store.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  EvkProject *project;          /* the demo project, with or without its documents */
  guint       n_changed;
  char       *last_changed;
} Fixture;

static char *
demo_sheet (const char *name)
{
  const char *datadir = g_getenv ("EVALKIT_DATADIR");

  g_assert_nonnull (datadir);
  return g_build_filename (datadir, "demo", name, NULL);
}

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "documents", name, NULL);
}

static void
on_changed (EvkProject *project,
            const char *what,
            Fixture    *f)
{
  f->n_changed++;
  g_free (f->last_changed);
  f->last_changed = g_strdup (what);
}

static EvkProject *
create_demo (const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  EvkProject *project = evk_demo_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static void
import_ok (EvkProject *project,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (evk_documents_import (project, path, &error));
  g_assert_no_error (error);
}

/* The demo project as `evalkit demo` builds it, with its coding sheet
 * imported (again); or, with data, a project with only the demo strategy:
 * no documents and no code list yet. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = evk_test_tmpdir ();
  if (data == NULL)
    {
      g_autofree char *sheet = demo_sheet ("documents.csv");

      f->project = create_demo (f->dir, "demo.evalkit");
      g_signal_connect (f->project, "changed", G_CALLBACK (on_changed), f);
      import_ok (f->project, sheet);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, "new.evalkit", NULL);
      g_autofree char *strategy = evk_test_demo_strategy ();

      f->project = evk_project_create (path, &error);
      g_assert_no_error (error);
      g_assert_true (evk_project_import_strategy (f->project, strategy, &error));
      g_assert_no_error (error);
      g_signal_connect (f->project, "changed", G_CALLBACK (on_changed), f);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->last_changed);
}

static EvkDocumentsStats *
load_stats (EvkProject *project)
{
  g_autoptr(GError) error = NULL;
  EvkDocumentsStats *stats = evk_documents_stats_load (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Every row of the documents tables and the code list, as text: two equal
 * dumps mean the import changed nothing (sqlite_sequence included, so even
 * the next ids are the same). */
static char *
dump_documents_tables (EvkProject *project)
{
  static const char * const queries[] = {
    "SELECT * FROM document ORDER BY id",
    "SELECT * FROM coding ORDER BY id",
    "SELECT * FROM term WHERE vocab = 'code' ORDER BY id",
    "SELECT * FROM text WHERE entity = 'term' ORDER BY entity_id, field, lang",
    "SELECT * FROM sqlite_sequence ORDER BY name",
  };
  sqlite3 *db = evk_store_get_db (evk_project_get_store (project));
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "-- %s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s%s", c > 0 ? "\x1f" : "",
                                      text != NULL ? text : "<NULL>");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static guint
count_rows (EvkProject *project,
            const char *sql)
{
  sqlite3 *db = evk_store_get_db (evk_project_get_store (project));
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
numbers_to_string (GArray *numbers)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (out, i > 0 ? " %u" : "%u", g_array_index (numbers, guint, i));
  return g_string_free (out, FALSE);
}

static char *
measures_where (EvkDocumentsStats *stats,
                gboolean (*predicate) (EvkDocumentsMeasure *measure))
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 1; i <= stats->measures->len; i++)
    {
      EvkDocumentsMeasure *measure = evk_documents_stats_find_measure (stats, i);
      if (predicate (measure))
        g_array_append_val (numbers, measure->number);
    }
  return numbers_to_string (numbers);
}

static gboolean is_assigned (EvkDocumentsMeasure *m) { return m->assigned; }
static gboolean is_not_assigned (EvkDocumentsMeasure *m) { return !m->assigned; }
static gboolean is_reported_annual (EvkDocumentsMeasure *m) { return m->reported_annual; }
static gboolean is_never_found (EvkDocumentsMeasure *m) { return m->never_found; }

static char *
documents_to_string (GPtrArray *documents)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      EvkDocument *document = g_ptr_array_index (documents, i);
      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", document->key);
    }
  return g_string_free (out, FALSE);
}

static char *
table_to_string (EvkDocumentsTable *table)
{
  GString *out = g_string_new (NULL);
  g_autofree char *header = g_strjoinv (",", table->columns);

  g_string_append_printf (out, "%s\n", header);
  for (guint i = 0; i < table->rows->len; i++)
    {
      g_autofree char *row = g_strjoinv (",", g_ptr_array_index (table->rows, i));
      g_string_append_printf (out, "%s\n", row);
    }
  return g_string_free (out, FALSE);
}

static char *
get_table (EvkDocumentsStats *stats,
           const char        *name,
           const char        *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkDocumentsTable) table = evk_documents_stats_get_table (stats, name, lang, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table_to_string (table);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
codings_as_set (EvkDocumentsStats *stats)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < stats->documents->codings->len; i++)
    {
      EvkCoding *coding = g_ptr_array_index (stats->documents->codings, i);
      g_ptr_array_add (lines, g_strdup_printf ("%02u %s %s", coding->measure,
                                               coding->document->key, coding->code));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static char *
documents_as_set (EvkDocumentsStats *stats)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < stats->documents->documents->len; i++)
    {
      EvkDocument *d = g_ptr_array_index (stats->documents->documents, i);
      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s|%s|%d", d->key, d->title,
                                               evk_document_type_to_string (d->type),
                                               d->issuer, d->recipient, d->year));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* Two projects' findings are the same: every table but the per-coding list
 * (whose order and page/excerpt columns depend on the form) is equal, and
 * the documents and codings are the same sets. */
static void
assert_same_findings (EvkDocumentsStats *a,
                      EvkDocumentsStats *b)
{
  static const char * const tables[] = {
    "review-measures", "review-goals", "review-agencies", "review-years",
    "review-agency-years",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    for (guint l = 0; l < 2; l++)
      {
        const char *lang = l == 0 ? "nb" : "en";
        g_autofree char *ta = get_table (a, tables[i], lang);
        g_autofree char *tb = get_table (b, tables[i], lang);

        g_assert_cmpstr (ta, ==, tb);
      }

  {
    g_autofree char *da = documents_as_set (a);
    g_autofree char *db = documents_as_set (b);
    g_autofree char *ca = codings_as_set (a);
    g_autofree char *cb = codings_as_set (b);

    g_assert_cmpstr (da, ==, db);
    g_assert_cmpstr (ca, ==, cb);
  }
  g_assert_cmpuint (a->n_documents, ==, b->n_documents);
  g_assert_cmpuint (a->n_codings, ==, b->n_codings);
}

/* Seed ch. 1.2.3 and 2.4; data/document-review-format.md, "The demo
 * figures". */
static void
test_demo_figures (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(EvkDocumentsStats) stats = load_stats (f->project);
  static const struct {
    const char *goal;
    guint measures, assigned, not_assigned, reported_annual, never_found;
  } goals[] = {
    { "1", 5, 4, 1, 5, 0 },
    { "2", 7, 2, 5, 1, 2 },
    { "3", 12, 9, 3, 7, 0 },
    { "4", 2, 2, 0, 1, 0 },
  };
  static const struct { int year; guint documents; } years[] = {
    { 2021, 29 }, { 2022, 59 }, { 2023, 50 }, { 2024, 44 },
  };
  EvkDocumentsCounts sum = { 0, };
  g_autofree char *assigned = measures_where (stats, is_assigned);
  g_autofree char *not_assigned = measures_where (stats, is_not_assigned);
  g_autofree char *reported_annual = measures_where (stats, is_reported_annual);
  g_autofree char *never_found = measures_where (stats, is_never_found);
  EvkDocumentsAgency *imdi, *bufdir;
  EvkDocumentsMeasure *m5, *m20;
  g_autofree char *imdi_measures = NULL, *bufdir_measures = NULL;
  g_autofree char *m5_documents = NULL, *m20_reported = NULL;
  guint n_years = 0;

  /* 182 documents: 22 allocation letters, 126 supplements, 23 annual
   * reports, 3 memos, 8 research reports. */
  g_assert_cmpuint (stats->n_documents, ==, 182);
  g_assert_cmpuint (stats->n_by_type[EVK_DOCUMENT_ALLOCATION_LETTER], ==, 22);
  g_assert_cmpuint (stats->n_by_type[EVK_DOCUMENT_SUPPLEMENTARY_LETTER], ==, 126);
  g_assert_cmpuint (stats->n_by_type[EVK_DOCUMENT_ANNUAL_REPORT], ==, 23);
  g_assert_cmpuint (stats->n_by_type[EVK_DOCUMENT_MEMO], ==, 3);
  g_assert_cmpuint (stats->n_by_type[EVK_DOCUMENT_RESEARCH_REPORT], ==, 8);
  g_assert_cmpuint (stats->n_codings, ==, 82);
  g_assert_cmpuint (stats->documents->codes->len, ==, 3);
  g_assert_cmpuint (stats->n_codings_by_code[0], ==, 22);   /* assignment */
  g_assert_cmpuint (stats->n_codings_by_code[1], ==, 39);   /* reported */
  g_assert_cmpuint (stats->n_codings_by_code[2], ==, 21);   /* mentioned */

  /* 17 of 26 given as assignments, 9 never; 14 in annual reports. */
  g_assert_cmpuint (stats->counts.n_measures, ==, 26);
  g_assert_cmpuint (stats->counts.n_assigned, ==, 17);
  g_assert_cmpuint (stats->counts.n_not_assigned, ==, 9);
  g_assert_cmpuint (stats->counts.n_reported_annual, ==, 14);
  g_assert_cmpuint (stats->counts.n_never_found, ==, 2);
  g_assert_cmpstr (assigned, ==, "1 2 3 5 8 9 13 14 15 16 17 18 19 21 22 25 26");
  g_assert_cmpstr (not_assigned, ==, "4 6 7 10 11 12 20 23 24");
  g_assert_cmpstr (reported_annual, ==, "1 2 3 4 5 9 14 15 16 17 18 20 22 25");
  g_assert_cmpstr (never_found, ==, "11 12");

  /* 16 of the 17 to IMDi only, measure 5 to Bufdir only. */
  imdi = evk_documents_stats_find_agency (stats, "IMDi");
  bufdir = evk_documents_stats_find_agency (stats, "Bufdir");
  g_assert_nonnull (imdi);
  g_assert_nonnull (bufdir);
  imdi_measures = numbers_to_string (imdi->assigned_measures);
  bufdir_measures = numbers_to_string (bufdir->assigned_measures);
  g_assert_cmpuint (imdi->assigned_measures->len, ==, 16);
  g_assert_cmpuint (imdi->n_assigned_only, ==, 16);
  g_assert_cmpstr (imdi_measures, ==, "1 2 3 8 9 13 14 15 16 17 18 19 21 22 25 26");
  g_assert_cmpuint (bufdir->assigned_measures->len, ==, 1);
  g_assert_cmpuint (bufdir->n_assigned_only, ==, 1);
  g_assert_cmpstr (bufdir_measures, ==, "5");
  for (guint i = 0; i < stats->agencies->len; i++)
    {
      EvkDocumentsAgency *agency = g_ptr_array_index (stats->agencies, i);
      if (agency != imdi && agency != bufdir)
        g_assert_cmpuint (agency->assigned_measures->len, ==, 0);
    }

  m5 = evk_documents_stats_find_measure (stats, 5);
  m5_documents = documents_to_string (m5->assigned_in);
  g_assert_cmpstr (m5_documents, ==, "TB-Bufdir-2022");
  g_assert_cmpuint (g_strv_length (m5->agencies), ==, 1);
  g_assert_cmpstr (m5->agencies[0], ==, "Bufdir");
  g_assert_cmpuint (m5->years->len, ==, 1);
  g_assert_cmpint (g_array_index (m5->years, int, 0), ==, 2022);

  /* Never assigned, still reported on: the report's point about 20. */
  m20 = evk_documents_stats_find_measure (stats, 20);
  m20_reported = documents_to_string (m20->reported_in);
  g_assert_false (m20->assigned);
  g_assert_true (m20->reported_annual);
  g_assert_nonnull (strstr (m20_reported, "AR-IMDi-2024"));

  /* Per goal, and the goals add up to the strategy. */
  g_assert_cmpuint (stats->goals->len, ==, G_N_ELEMENTS (goals));
  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      EvkDocumentsGoal *goal = evk_documents_stats_find_goal (stats, goals[i].goal);

      g_assert_nonnull (goal);
      g_assert_cmpuint (goal->counts.n_measures, ==, goals[i].measures);
      g_assert_cmpuint (goal->measures->len, ==, goals[i].measures);
      g_assert_cmpuint (goal->counts.n_assigned, ==, goals[i].assigned);
      g_assert_cmpuint (goal->counts.n_not_assigned, ==, goals[i].not_assigned);
      g_assert_cmpuint (goal->counts.n_reported_annual, ==, goals[i].reported_annual);
      g_assert_cmpuint (goal->counts.n_never_found, ==, goals[i].never_found);
      sum.n_measures += goal->counts.n_measures;
      sum.n_assigned += goal->counts.n_assigned;
      sum.n_not_assigned += goal->counts.n_not_assigned;
      sum.n_reported += goal->counts.n_reported;
      sum.n_reported_annual += goal->counts.n_reported_annual;
      sum.n_mentioned += goal->counts.n_mentioned;
      sum.n_never_found += goal->counts.n_never_found;
    }
  g_assert_cmpmem (&sum, sizeof sum, &stats->counts, sizeof stats->counts);

  /* Measures come grouped by goal, by number within a goal. */
  for (guint i = 1; i < stats->measures->len; i++)
    {
      EvkDocumentsMeasure *prev = g_ptr_array_index (stats->measures, i - 1);
      EvkDocumentsMeasure *cur = g_ptr_array_index (stats->measures, i);
      g_assert_true (prev->goal < cur->goal ||
                     (prev->goal == cur->goal && prev->number < cur->number));
    }

  /* 2021–2024, and every document is in one of them. */
  g_assert_cmpuint (stats->years->len, ==, G_N_ELEMENTS (years));
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      EvkDocumentsYear *year = g_ptr_array_index (stats->years, i);
      g_assert_cmpint (year->year, ==, years[i].year);
      g_assert_cmpuint (year->n_documents, ==, years[i].documents);
      n_years += year->n_documents;
    }
  g_assert_cmpuint (n_years, ==, 182);
}

/* The default codes and their names, created by the first import. */
static void
test_default_codes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EvkDocumentsStats) stats = load_stats (f->project);
  static const struct { const char *key, *nb, *en; } expected[] = {
    { "assignment", "Oppdrag", "Assignment" },
    { "reported", "Rapportert", "Reported" },
    { "mentioned", "Omtalt", "Mentioned" },
  };

  g_assert_cmpuint (stats->documents->codes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EvkDocumentsCode *code = g_ptr_array_index (stats->documents->codes, i);
      g_assert_cmpstr (code->key, ==, expected[i].key);
      g_assert_cmpstr (evk_localized_get (code->name, "nb"), ==, expected[i].nb);
      g_assert_cmpstr (evk_localized_get (code->name, "en"), ==, expected[i].en);
    }
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpstr (f->last_changed, ==, "documents");
}

/* Both demo sheets, long and wide, give the same findings. */
static void
test_demo_wide_equals_long (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *wide_sheet = demo_sheet ("documents-wide.csv");
  g_autoptr(EvkProject) wide = create_demo (f->dir, "wide.evalkit");
  g_autoptr(EvkDocumentsStats) long_stats = NULL;
  g_autoptr(EvkDocumentsStats) wide_stats = NULL;

  import_ok (wide, wide_sheet);
  long_stats = load_stats (f->project);
  wide_stats = load_stats (wide);
  g_assert_cmpuint (wide_stats->n_documents, ==, 182);
  g_assert_cmpuint (wide_stats->counts.n_assigned, ==, 17);
  assert_same_findings (long_stats, wide_stats);
}

/* A small sheet whose findings are worked out by hand, in both forms. */
static void
test_small_sheet (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *long_sheet = fixture_file ("small-long.csv");
  g_autofree char *wide_sheet = fixture_file ("small-wide.csv");
  g_autoptr(EvkProject) wide = create_demo (f->dir, "wide.evalkit");
  g_autoptr(EvkDocumentsStats) stats = NULL;
  g_autoptr(EvkDocumentsStats) wide_stats = NULL;
  g_autofree char *goals = NULL, *agencies = NULL, *years = NULL, *agency_years = NULL;
  g_autofree char *m1_row = NULL;
  EvkDocumentsMeasure *m1, *m2, *m3;
  EvkCoding *coding;

  import_ok (f->project, long_sheet);
  import_ok (wide, wide_sheet);
  stats = load_stats (f->project);
  wide_stats = load_stats (wide);
  assert_same_findings (stats, wide_stats);

  /* Re-import replaced the demo's 182 documents. */
  g_assert_cmpuint (stats->n_documents, ==, 5);
  g_assert_cmpuint (stats->n_codings, ==, 6);
  g_assert_cmpuint (count_rows (f->project, "SELECT count(*) FROM document"), ==, 5);
  g_assert_cmpuint (count_rows (f->project, "SELECT count(*) FROM coding"), ==, 6);
  g_assert_cmpuint (count_rows (f->project, "SELECT count(*) FROM term WHERE vocab = 'code'"), ==, 3);
  g_assert_cmpuint (f->n_changed, ==, 2);

  m1 = evk_documents_stats_find_measure (stats, 1);
  m2 = evk_documents_stats_find_measure (stats, 2);
  m3 = evk_documents_stats_find_measure (stats, 3);
  g_assert_true (m1->assigned && !m1->reported && !m1->mentioned);
  g_assert_cmpuint (g_strv_length (m1->agencies), ==, 2);
  g_assert_cmpstr (m1->agencies[0], ==, "A");
  g_assert_cmpstr (m1->agencies[1], ==, "B");
  g_assert_cmpuint (m1->years->len, ==, 2);
  g_assert_true (m2->assigned && m2->reported && m2->reported_annual);
  g_assert_true (!m3->assigned && m3->reported && !m3->reported_annual && m3->mentioned);
  g_assert_true (evk_documents_stats_find_measure (stats, 4)->never_found);

  /* The measure page's list: code, page and excerpt as written. */
  g_assert_cmpuint (m2->codings->len, ==, 2);
  coding = g_ptr_array_index (m2->codings, 0);
  g_assert_cmpstr (coding->document->key, ==, "TB-B-2023");
  g_assert_cmpstr (coding->code, ==, "assignment");
  g_assert_cmpint (coding->page, ==, 2);
  g_assert_cmpstr (coding->excerpt, ==, "To linjer:\nandre linje");
  coding = g_ptr_array_index (m1->codings, 0);
  g_assert_cmpstr (coding->excerpt, ==, "Oppdrag 1: \"første\" del");
  g_assert_cmpstr (coding->document->title, ==, "Tildelingsbrev til A for 2022, med vedlegg");

  goals = get_table (stats, "review-goals", "en");
  g_assert_cmpstr (goals, ==,
                   "goal,title,measures,assigned,not_assigned,reported,reported_annual,mentioned,never_found\n"
                   "1,More people with an immigrant background take part in civil society,5,2,3,2,1,1,2\n"
                   "2,Boost and support civil society's contribution to integration,7,0,7,0,0,0,7\n"
                   "3,Better cooperation and framework conditions,12,0,12,0,0,0,12\n"
                   "4,Implementation of the strategy,2,0,2,0,0,0,2\n"
                   ",Everyday integration,26,2,24,2,1,1,23\n");

  agencies = get_table (stats, "review-agencies", NULL);
  g_assert_cmpstr (agencies, ==,
                   "agency,documents_received,documents_issued,assignment_codings,"
                   "measures_assigned,measures_assigned_only,assigned,reported\n"
                   "A,2,2,1,1,0,1,2 3\n"
                   "B,1,0,2,2,1,1 2,\n"
                   "KD,2,3,0,0,0,,\n");

  years = get_table (stats, "review-years", NULL);
  g_assert_cmpstr (years, ==,
                   "year,documents,allocation-letter,supplementary-letter,annual-report,memo,"
                   "research-report,assignment_codings,first_assigned\n"
                   "2022,1,1,0,0,0,0,1,1\n"
                   "2023,4,1,1,1,1,0,2,2\n");

  agency_years = get_table (stats, "review-agency-years", NULL);
  g_assert_cmpstr (agency_years, ==,
                   "agency,year,documents_received,assignment_codings\n"
                   "A,2022,1,1\n"
                   "A,2023,1,0\n"
                   "B,2022,0,0\n"
                   "B,2023,1,2\n"
                   "KD,2022,0,0\n"
                   "KD,2023,2,0\n");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EvkDocumentsTable) table = evk_documents_stats_get_table (stats, "review-measures", "nb",
                                                                  &error);
    g_autofree char *header = NULL;

    g_assert_no_error (error);
    header = g_strjoinv (",", table->columns);
    g_assert_cmpstr (header, ==,
                     "goal,measure,title,documents_assignment,documents_reported,documents_mentioned,"
                     "assigned,agencies,years,"
                     "reported,reported_annual,mentioned,never_found");
    g_assert_cmpuint (table->rows->len, ==, 26);
    m1_row = g_strjoinv ("|", g_ptr_array_index (table->rows, 0));
    g_assert_true (g_str_has_prefix (m1_row, "1|1|"));
    g_assert_true (g_str_has_suffix (m1_row, "|2|0|0|1|A B|2022 2023|0|0|0|0"));
  }
}

/* Export writes the long form exactly as the demo sheet is written. */
static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = demo_sheet ("documents.csv");
  g_autofree char *exported = g_build_filename (f->dir, "exported.csv", NULL);
  g_autoptr(GBytes) original = evk_test_read (sheet);
  g_autoptr(GBytes) written = NULL;

  g_assert_true (evk_documents_export (f->project, exported, &error));
  g_assert_no_error (error);
  written = evk_test_read (exported);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
}

static void
append_spreadsheet_field (GString    *out,
                          const char *field,
                          gboolean    first)
{
  if (!first)
    g_string_append_c (out, ';');
  if (strpbrk (field, ";\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Tried as a new user would: export the demo coding, change one row the
 * way a spreadsheet program saves CSV on Norwegian Windows (semicolons,
 * CR LF, Windows-1252), and import it back. Measure 5's only assignment
 * becomes a mention: 17 assigned measures become 16, Bufdir has none. */
static void
test_spreadsheet_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = g_build_filename (f->dir, "exported.csv", NULL);
  g_autoptr(EvkCsvReader) reader = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *cp1252 = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(EvkDocumentsStats) before = load_stats (f->project);
  g_autoptr(EvkDocumentsStats) after = NULL;
  GPtrArray *fields;
  gsize cp1252_length = 0;
  guint n_changed_rows = 0;
  EvkDocumentsAgency *bufdir;
  EvkDocumentsMeasure *m5;

  g_assert_true (evk_documents_export (f->project, exported, &error));
  g_assert_no_error (error);

  reader = evk_csv_reader_open (exported, &error);
  g_assert_no_error (error);
  while (evk_csv_reader_next (reader, &fields, &error))
    {
      gboolean change = fields->len == 10 &&
                        g_str_equal (g_ptr_array_index (fields, 0), "TB-Bufdir-2022") &&
                        g_str_equal (g_ptr_array_index (fields, 6), "5") &&
                        g_str_equal (g_ptr_array_index (fields, 7), "assignment");

      for (guint i = 0; i < fields->len; i++)
        append_spreadsheet_field (out, change && i == 7 ? "mentioned"
                                                        : g_ptr_array_index (fields, i),
                                  i == 0);
      g_string_append (out, "\r\n");
      n_changed_rows += change;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed_rows, ==, 1);

  cp1252 = g_convert (out->str, out->len, "WINDOWS-1252", "UTF-8", NULL, &cp1252_length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (cp1252, cp1252_length, NULL));
  edited = write_file (f->dir, "edited.csv", cp1252, cp1252_length);

  import_ok (f->project, edited);
  after = load_stats (f->project);

  g_assert_cmpuint (before->counts.n_assigned, ==, 17);
  g_assert_cmpuint (after->counts.n_assigned, ==, 16);
  g_assert_cmpuint (after->counts.n_not_assigned, ==, 10);
  g_assert_cmpuint (after->n_documents, ==, 182);
  g_assert_cmpuint (after->n_codings, ==, 82);
  m5 = evk_documents_stats_find_measure (after, 5);
  g_assert_false (m5->assigned);
  g_assert_true (m5->mentioned);
  g_assert_cmpuint (evk_documents_stats_find_goal (after, "1")->counts.n_assigned, ==, 3);
  bufdir = evk_documents_stats_find_agency (after, "Bufdir");
  g_assert_cmpuint (bufdir->assigned_measures->len, ==, 0);
  g_assert_cmpuint (evk_documents_stats_find_agency (after, "IMDi")->n_assigned_only, ==, 16);
  /* Everything else came through the round trip unchanged, å and – and
   * « » included. */
  g_assert_cmpuint (after->counts.n_reported_annual, ==, 14);
  {
    g_autofree char *docs_before = documents_as_set (before);
    g_autofree char *docs_after = documents_as_set (after);
    g_assert_cmpstr (docs_before, ==, docs_after);
  }
}

typedef struct {
  const char *name;
  const char *sheet;
  const char *message;
} ErrorCase;

#define LONG_HEADER "document,title,type,issuer,recipient,year,measure,code,page,excerpt\n"
#define D1 "D1,Letter 2021,allocation-letter,KD,IMDi,2021,"
#define D2 "D2,Report 2021,annual-report,IMDi,KD,2021,"
#define GOOD LONG_HEADER D1 "1,assignment,3,\n" D2 "1,reported,12,\"Done, as asked\"\n"
#define WIDE_HEADER "document,title,type,issuer,recipient,year,m1,m2\n"
#define CODES "(the project’s codes are assignment, reported, mentioned)"

static const ErrorCase error_cases[] = {
  { "unknown measure", GOOD D2 "27,reported,,\n",
    "documents.csv: line 4: the project has no measure 27" },
  { "not a measure number", GOOD D2 "tiltak 3,reported,,\n",
    "documents.csv: line 4: “tiltak 3” is not a measure number" },
  { "unknown code", GOOD D2 "2,oppdrag,,\n",
    "documents.csv: line 4: unknown code “oppdrag” " CODES },
  { "code without measure", GOOD D2 ",reported,,\n",
    "documents.csv: line 4: the code “reported” has no measure" },
  { "measure without code", GOOD D2 "2,,,\n",
    "documents.csv: line 4: measure 2 has no code" },
  { "conflicting title", GOOD "D1,Letter 2022,allocation-letter,KD,IMDi,2021,2,assignment,,\n",
    "documents.csv: line 4: document “D1”: the title “Letter 2022” differs from “Letter 2021” on line 2" },
  { "conflicting year", GOOD "D1,Letter 2021,allocation-letter,KD,IMDi,2022,2,assignment,,\n",
    "documents.csv: line 4: document “D1”: the year 2022 differs from 2021 on line 2" },
  { "conflicting type", GOOD "D1,Letter 2021,supplementary-letter,KD,IMDi,2021,2,assignment,,\n",
    "documents.csv: line 4: document “D1”: the type “supplementary-letter” differs from “allocation-letter” on line 2" },
  { "conflicting issuer", GOOD "D1,Letter 2021,allocation-letter,AID,IMDi,2021,2,assignment,,\n",
    "documents.csv: line 4: document “D1”: the issuer “AID” differs from “KD” on line 2" },
  { "conflicting recipient", GOOD "D1,Letter 2021,allocation-letter,KD,UDI,2021,2,assignment,,\n",
    "documents.csv: line 4: document “D1”: the recipient “UDI” differs from “IMDi” on line 2" },
  { "two-digit year", GOOD "D3,Memo,memo,IMDi,KD,21,,,,\n",
    "documents.csv: line 4: document “D3”: “21” is not a year (four digits expected)" },
  { "letter in year", GOOD "D3,Memo,memo,IMDi,KD,2O21,,,,\n",
    "documents.csv: line 4: document “D3”: “2O21” is not a year (four digits expected)" },
  { "empty year", GOOD "D3,Memo,memo,IMDi,KD,,,,,\n",
    "documents.csv: line 4: document “D3”: the year is empty" },
  { "unknown type", GOOD "D3,Memo,notat,IMDi,KD,2021,,,,\n",
    "documents.csv: line 4: document “D3”: unknown type “notat” (the types are allocation-letter, "
    "supplementary-letter, annual-report, memo and research-report)" },
  { "empty document id", GOOD ",Memo,memo,IMDi,KD,2021,,,,\n",
    "documents.csv: line 4: the document id is empty" },
  { "bad page", GOOD D2 "2,reported,iv,\n",
    "documents.csv: line 4: “iv” is not a page number" },
  { "excerpt without coding", GOOD D2 ",,,Nothing\n",
    "documents.csv: line 4: a page or excerpt is given without a measure and a code" },
  { "ragged row, short", GOOD "D3,Memo,memo,IMDi,KD,2021,1,mentioned\n",
    "documents.csv: line 4: 8 fields, expected 10" },
  { "ragged row, long", GOOD "D3,Memo,memo,IMDi,KD,2021,1,mentioned,,,\n",
    "documents.csv: line 4: 11 fields, expected 10" },
  /* Line numbers count physical lines: the excerpt spans lines 4 and 5. */
  { "line after a multi-line field", GOOD D2 "2,reported,5,\"two\nlines\"\n" D2 "99,reported,,\n",
    "documents.csv: line 6: the project has no measure 99" },
  { "empty file", "",
    "documents.csv: the file is empty" },
  { "blank file", "\n\n",
    "documents.csv: the file is empty" },
  { "header only", LONG_HEADER,
    "documents.csv: line 1: the file has a header but no documents" },
  { "header and empty rows", LONG_HEADER ",,,,,,,,,\n,,,,,,,,,\n",
    "documents.csv: line 1: the file has a header but no documents" },
  { "wide header only", WIDE_HEADER,
    "documents.csv: line 1: the file has a header but no documents" },
  { "missing column", "document,title,type,issuer,recipient,measure,code\n" D1 "1,assignment\n",
    "documents.csv: line 1: the column “year” is missing (a coding sheet starts with the columns "
    "document, title, type, issuer, recipient and year)" },
  { "unknown column", "document,title,type,issuer,recipient,year,measure,code,comment\n",
    "documents.csv: line 1: unknown column “comment”" },
  { "long without code", "document,title,type,issuer,recipient,year,measure\n",
    "documents.csv: line 1: the column “code” is missing" },
  { "wide unknown measure", "document,title,type,issuer,recipient,year,m1,m27\n",
    "documents.csv: line 1: column “m27”: the project has no measure 27" },
  { "wide repeated measure", "document,title,type,issuer,recipient,year,m1,1\n",
    "documents.csv: line 1: the column “1” repeats measure 1" },
  { "wide unknown code", WIDE_HEADER D1 "assignment,\n" D2 ",Oppdrag\n",
    "documents.csv: line 3: column “m2”: unknown code “Oppdrag” " CODES },
  { "wide conflicting year", WIDE_HEADER D1 "assignment,\n" "D1,Letter 2021,allocation-letter,KD,IMDi,2020,,reported\n",
    "documents.csv: line 3: document “D1”: the year 2020 differs from 2021 on line 2" },
  { "wide ragged row", WIDE_HEADER D1 "assignment\n",
    "documents.csv: line 2: 7 fields, expected 8" },
  { "semicolons and CR LF", "document;title;type;issuer;recipient;year;measure;code;page;excerpt\r\n"
                           "D1;Brev;allocation-letter;KD;IMDi;2021;1;assignment;;\r\n"
                           "D1;Brev;allocation-letter;KD;IMDi;2021;28;assignment;;\r\n",
    "documents.csv: line 3: the project has no measure 28" },
};

/* Every bad sheet fails with one message naming the file, the line and the
 * problem, and leaves the project exactly as it was: on a project that
 * has documents (nothing replaced) and on one that has none yet (no codes
 * created). */
static void
test_errors_leave_project_unchanged (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "documents.csv", NULL);
  guint n_changed = f->n_changed;

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *before = dump_documents_tables (f->project);
      g_autofree char *after = NULL;

      g_test_message ("case: %s", c->name);
      g_free (write_file (f->dir, "documents.csv", c->sheet, -1));
      g_assert_false (evk_documents_import (f->project, path, &error));
      g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, c->message);

      after = dump_documents_tables (f->project);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (evk_store_in_transaction (evk_project_get_store (f->project)));
    }
  g_assert_cmpuint (f->n_changed, ==, n_changed);

  if (data == NULL)
    g_assert_cmpuint (count_rows (f->project, "SELECT count(*) FROM document"), ==, 182);
  else
    g_assert_cmpuint (count_rows (f->project, "SELECT count(*) FROM term WHERE vocab = 'code'"), ==, 0);

  /* The good part alone imports: the failures were the rows above. */
  g_free (write_file (f->dir, "documents.csv", GOOD, -1));
  import_ok (f->project, path);
  g_assert_cmpuint (count_rows (f->project, "SELECT count(*) FROM document"), ==, 2);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nonexistent.csv", NULL);
  g_autofree char *before = dump_documents_tables (f->project);
  g_autofree char *after = NULL;

  g_assert_false (evk_documents_import (f->project, path, &error));
  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "nonexistent.csv: cannot open the file: "));
  after = dump_documents_tables (f->project);
  g_assert_cmpstr (before, ==, after);
}

/* A project's own code joins the matrix; a sheet is checked against the
 * project's list, not the defaults. */
static void
test_project_codes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EvkDocumentsStats) stats = NULL;
  g_autoptr(EvkDocumentsTable) table = NULL;
  g_autofree char *header = NULL;

  g_assert_true (evk_store_exec (evk_project_get_store (f->project),
                                 "INSERT INTO term (vocab, key, position) VALUES ('code', 'budget', 3)",
                                 &error));
  g_assert_no_error (error);

  path = write_file (f->dir, "documents.csv",
                     LONG_HEADER D1 "1,budget,3,\n" D1 "1,assignment,3,\n" D2 "1,reported,,\n", -1);
  import_ok (f->project, path);
  stats = load_stats (f->project);
  g_assert_cmpuint (stats->documents->codes->len, ==, 4);
  g_assert_cmpuint (evk_documents_stats_find_measure (stats, 1)->n_documents[3], ==, 1);
  g_assert_cmpuint (stats->n_codings_by_code[3], ==, 1);
  table = evk_documents_stats_get_table (stats, "review-measures", "nb", &error);
  g_assert_no_error (error);
  header = g_strjoinv (",", table->columns);
  g_assert_true (g_str_has_prefix (header, "goal,measure,title,documents_assignment,documents_reported,"
                                             "documents_mentioned,documents_budget,assigned,"));

  g_free (write_file (f->dir, "documents.csv", LONG_HEADER D1 "1,follow-up,,\n", -1));
  g_assert_false (evk_documents_import (f->project, path, &error));
  g_assert_error (error, EVK_IMPORT_ERROR, EVK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "documents.csv: line 2: unknown code “follow-up” (the project’s codes are "
                   "assignment, reported, mentioned, budget)");
}

static void
test_tables (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkDocumentsStats) stats = load_stats (f->project);
  const char * const *names = evk_documents_table_names ();
  g_autoptr(EvkDocumentsTable) missing = NULL;
  g_autofree char *goals = get_table (stats, "review-goals", "nb");
  g_autofree char *documents = NULL;
  g_autoptr(EvkDocumentsTable) measures = NULL;

  g_assert_cmpuint (g_strv_length ((GStrv) names), ==, 6);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(EvkDocumentsTable) table = evk_documents_stats_get_table (stats, names[i], "en", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (table->rows->len, >, 0);
    }

  g_assert_cmpstr (goals, ==,
                   "goal,title,measures,assigned,not_assigned,reported,reported_annual,mentioned,never_found\n"
                   "1,Flere med innvandrerbakgrunn deltar i sivilsamfunnet,5,4,1,5,5,3,0\n"
                   "2,Løfte og støtte sivilsamfunnets innsats for integrering,7,2,5,2,1,5,2\n"
                   "3,Bedre samarbeid og rammebetingelser,12,9,3,8,7,6,0\n"
                   "4,Gjennomføring av strategien,2,2,0,1,1,1,0\n"
                   ",Hverdagsintegrering,26,17,9,16,14,15,2\n");

  /* The measure page of measure 5: its documents with code, page and
   * excerpt, by year. */
  documents = get_table (stats, "review-documents", "en");
  g_assert_nonnull (strstr (documents,
                            "\n5,TB-Bufdir-2022,Tildelingsbrev til Barne-, ungdoms- og familiedirektoratet "
                            "(Bufdir) for 2022,allocation-letter,BFD,Bufdir,2022,assignment,Assignment,18,"
                            "Oppdrag O27: fornye og spre veilederen om barnefattigdom.\n"));

  measures = evk_documents_stats_get_table (stats, "review-measures", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures->rows->len, ==, 26);

  missing = evk_documents_stats_get_table (stats, "review-nothing", "en", &error);
  g_assert_null (missing);
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "unknown table “review-nothing” (the document review tables are review-measures, "
                   "review-goals, review-agencies, review-years, review-agency-years, review-documents)");
}

/* A coding that names a document the project lacks (the file changed
 * with foreign keys off) was loaded with a NULL document, and the review's
 * statistics dereferenced it (found by tests/fuzz/fuzz-project; its input
 * is tests/data/malformed/project/coding-without-document.bin). */
static void
test_coding_without_document (Fixture       *f,
                              gconstpointer  data)
{
  sqlite3 *db = evk_store_get_db (evk_project_get_store (f->project));
  g_autoptr(EvkDocuments) review = NULL;
  g_autoptr(EvkDocumentsStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; "
                                     "DELETE FROM document WHERE id = (SELECT min (document_id) FROM coding)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  review = evk_documents_load (evk_project_get_store (f->project), &error);
  g_assert_null (review);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  stats = evk_documents_stats_load (f->project, &error);
  g_assert_null (stats);
  g_assert_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/documents/demo-figures", NULL, test_demo_figures);
  ADD ("/evk/documents/default-codes", NULL, test_default_codes);
  ADD ("/evk/documents/demo-wide-equals-long", NULL, test_demo_wide_equals_long);
  ADD ("/evk/documents/small-sheet", NULL, test_small_sheet);
  ADD ("/evk/documents/export-round-trip", NULL, test_export_round_trip);
  ADD ("/evk/documents/spreadsheet-round-trip", NULL, test_spreadsheet_round_trip);
  ADD ("/evk/documents/errors-leave-project-unchanged", NULL, test_errors_leave_project_unchanged);
  ADD ("/evk/documents/errors-leave-new-project-unchanged", "no documents", test_errors_leave_project_unchanged);
  ADD ("/evk/documents/missing-file", NULL, test_missing_file);
  ADD ("/evk/documents/project-codes", NULL, test_project_codes);
  ADD ("/evk/documents/tables", NULL, test_tables);
  ADD ("/evk/documents/coding-without-document", NULL, test_coding_without_document);
#undef ADD

  return g_test_run ();
}
