/* test-project-edit.c: a strategy built and changed edit by edit
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-charts.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-project-edit.h"
#include "evk-strategy-keyfile.h"
#include "evk-test-util.h"

typedef struct {
  char       *dir;
  EvkProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = evk_test_tmpdir ();
  path = g_build_filename (f->dir, "p.evalkit", NULL);
  f->project = evk_project_create (path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    {
      g_autofree char *strategy = evk_test_demo_strategy ();

      g_assert_true (evk_project_import_strategy (f->project, strategy, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->project);
  evk_test_rm_rf (f->dir);
  g_free (f->dir);
}

static EvkStrategy *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  EvkStrategy *strategy = evk_project_load_strategy (f->project, &error);

  g_assert_no_error (error);
  return strategy;
}

static const char *
nb (GHashTable *localized)
{
  return evk_localized_get (localized, "nb");
}

#define OK(expr) G_STMT_START { g_autoptr(GError) e_ = NULL; gboolean ok_ = (expr); \
    g_assert_no_error (e_); g_assert_true (ok_); } G_STMT_END

/* The whole strategy from nothing, as the window builds it: every edit a
 * transaction, and the result a key file that reads back the same. */
static void
test_build (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *langs[] = { "nb", "en", NULL };
  g_autofree char *g1 = NULL, *g2 = NULL, *impl = NULL, *done = NULL, *ongoing = NULL;
  g_autofree char *type = NULL, *target = NULL, *body = NULL, *offer = NULL;
  g_autofree char *export1 = g_build_filename (f->dir, "one.ini", NULL);
  g_autofree char *export2 = g_build_filename (f->dir, "two.ini", NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.evalkit", NULL);
  g_autoptr(EvkProject) copy = NULL;
  g_autoptr(EvkStrategy) s = NULL;
  g_autoptr(GBytes) one = NULL, two = NULL;
  const char *types[2] = { NULL, NULL }, *targets[2] = { NULL, NULL };
  const char *bodies[2] = { NULL, NULL }, *status[2] = { NULL, NULL };
  guint m1, m2, m3, numbers[2];

  /* No strategy yet: an edit says to give it a title first. */
  g_assert_null (evk_project_add_goal (f->project, "goal", "Mål", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  OK (evk_project_begin_strategy (f->project, langs, "Digitalt for alle", &e_));
  g_assert_false (evk_project_begin_strategy (f->project, langs, "Igjen", &error));
  g_clear_error (&error);
  OK (evk_project_set_strategy_text (f->project, "strategy", NULL, "title", "en", "Digital for all", &e_));
  OK (evk_project_set_period (f->project, "2023–2026", &e_));

  g1 = evk_project_add_goal (f->project, "goal", "Alle skal kunne bruke digitale tjenester", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g1, ==, "1");
  g2 = evk_project_add_goal (f->project, "goal", "Flere skal lære", &error);
  impl = evk_project_add_goal (f->project, "implementation", "Gjennomføring", &error);
  g_assert_cmpstr (impl, ==, "3");
  OK (evk_project_set_strategy_text (f->project, "goal", g1, "title", "en", "Everyone can use digital services", &e_));
  OK (evk_project_set_strategy_text (f->project, "goal", g2, "description", "nb", "Kurs og veiledning.", &e_));
  /* The source title may not go. */
  g_assert_false (evk_project_set_strategy_text (f->project, "goal", g1, "title", "nb", " ", &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  done = evk_project_add_term (f->project, EVK_VOCAB_STATUS, "Fullført", &error);
  g_assert_cmpstr (done, ==, "fullfort");
  ongoing = evk_project_add_term (f->project, EVK_VOCAB_STATUS, "Pågår", &error);
  g_assert_cmpstr (ongoing, ==, "pagar");
  OK (evk_project_set_strategy_text (f->project, "status", done, "name", "en", "Completed", &e_));
  OK (evk_project_set_status_style (f->project, done, "#2E7D32", TRUE, &e_));
  g_assert_false (evk_project_set_status_style (f->project, ongoing, "green", FALSE, &error));
  g_clear_error (&error);
  OK (evk_project_move_term (f->project, EVK_VOCAB_STATUS, ongoing, -1, &e_));
  type = evk_project_add_term (f->project, EVK_VOCAB_TYPE, "Kompetanse", &error);
  target = evk_project_add_term (f->project, EVK_VOCAB_TARGET, "Eldre", &error);
  body = evk_project_add_body (f->project, "Digitaliseringsdirektoratet", "Digdir", &error);
  g_assert_cmpstr (body, ==, "digdir");
  OK (evk_project_set_body_kind (f->project, body, "directorate", &e_));
  OK (evk_project_set_strategy_text (f->project, "body", body, "abbreviation", "en", "Digdir", &e_));
  OK (evk_project_set_strategy_text (f->project, "body", body, "name", "en", "Norwegian Digitalisation Agency", &e_));

  m1 = evk_project_add_measure (f->project, g2, "Kurs i biblioteket", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m1, ==, 1);
  /* A measure of the first goal goes before the second goal's. */
  m2 = evk_project_add_measure (f->project, g1, "Enklere skjema", &error);
  g_assert_cmpuint (m2, ==, 1);
  m3 = evk_project_add_measure (f->project, impl, "Følge med", &error);
  g_assert_cmpuint (m3, ==, 3);
  s = load (f);
  g_assert_cmpstr (nb (evk_strategy_find_measure (s, 2)->title), ==, "Kurs i biblioteket");
  g_assert_cmpstr (evk_strategy_find_measure (s, 2)->status, ==, ongoing); /* the first status */
  g_clear_pointer (&s, evk_strategy_free);

  types[0] = type;
  targets[0] = target;
  bodies[0] = body;
  status[0] = done;
  OK (evk_project_set_measure_keys (f->project, 1, "types", types, &e_));
  OK (evk_project_set_measure_keys (f->project, 1, "targets", targets, &e_));
  OK (evk_project_set_measure_keys (f->project, 1, "responsible", bodies, &e_));
  OK (evk_project_set_measure_keys (f->project, 1, "status", status, &e_));
  OK (evk_project_set_strategy_text (f->project, "measure", "1", "status-note", "nb", "I endret form", &e_));
  OK (evk_project_set_strategy_text (f->project, "measure", "1", "title", "en", "Simpler forms", &e_));
  types[0] = "no-such-type";
  g_assert_false (evk_project_set_measure_keys (f->project, 1, "types", types, &error));
  g_clear_error (&error);

  /* A status in use stays, and the message names the measure. */
  g_assert_false (evk_project_remove_term (f->project, EVK_VOCAB_STATUS, done, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);
  g_assert_false (evk_project_remove_goal (f->project, g2, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE);
  g_clear_error (&error);

  offer = evk_project_add_offer (f->project, "Seniorkurs", &error);
  g_assert_cmpstr (offer, ==, "1");
  numbers[0] = 2;
  numbers[1] = 3;
  OK (evk_project_set_offer_measures (f->project, offer, numbers, 2, &e_));
  OK (evk_project_link_offer (f->project, offer, EVK_ROLE_HEARD_OF, "q5_1", &e_));
  OK (evk_project_link_offer (f->project, offer, EVK_ROLE_USED, "q6_1", &e_));

  OK (evk_project_export_strategy (f->project, export1, &e_));
  copy = evk_project_create_from_strategy (copy_path, export1, &error);
  g_assert_no_error (error);
  OK (evk_project_export_strategy (copy, export2, &e_));
  one = evk_test_read (export1);
  two = evk_test_read (export2);
  g_assert_cmpmem (g_bytes_get_data (one, NULL), g_bytes_get_size (one),
                   g_bytes_get_data (two, NULL), g_bytes_get_size (two));
  g_assert_nonnull (strstr (g_bytes_get_data (one, NULL), "Colour=#2e7d32"));
  g_assert_nonnull (strstr (g_bytes_get_data (one, NULL), "Completed=true"));

  s = evk_project_load_strategy (copy, &error);
  g_assert_cmpuint (s->measures->len, ==, 3);
  g_assert_cmpstr (((EvkTerm *) g_ptr_array_index (s->vocabs[EVK_VOCAB_STATUS], 0))->key, ==, ongoing);
  g_assert_true (((EvkTerm *) g_ptr_array_index (s->vocabs[EVK_VOCAB_STATUS], 1))->completed);
  g_assert_cmpstr (((EvkGoal *) g_ptr_array_index (s->goals, 2))->kind, ==, "implementation");
}

static guint
number_of (EvkStrategy *s,
           const char  *title)
{
  for (guint i = 0; i < s->measures->len; i++)
    {
      EvkMeasure *m = g_ptr_array_index (s->measures, i);
      if (g_strcmp0 (nb (m->title), title) == 0)
        return m->number;
    }
  return 0;
}

/* Measures are numbered in reading order, and what belongs to a measure
 * follows it to its new number. */
static void
test_renumber (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) before = load (f);
  g_autoptr(EvkStrategy) s = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title6 = g_strdup (nb (evk_strategy_find_measure (before, 6)->title));
  g_autofree char *title5 = g_strdup (nb (evk_strategy_find_measure (before, 5)->title));
  guint n_measures = before->measures->len;
  guint number;

  OK (evk_project_set_measure_text (f->project, 6, "section:purpose", "nb", "Formålet med 6.", NULL, &e_));

  /* At the end of goal 1 (measures 1–5): it becomes 6, old 6 becomes 7. */
  number = evk_project_add_measure (f->project, "1", "Nytt tiltak", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 6);
  s = load (f);
  g_assert_cmpuint (s->measures->len, ==, n_measures + 1);
  g_assert_cmpuint (number_of (s, title6), ==, 7);
  g_clear_pointer (&s, evk_strategy_free);
  OK (evk_project_get_measure_text (f->project, 7, "section:purpose", "nb", &text, NULL, &e_));
  g_assert_cmpstr (text, ==, "Formålet med 6.");
  g_clear_pointer (&text, g_free);

  /* Up one in its goal: swaps with 5. */
  number = evk_project_move_measure (f->project, 6, -1, &error);
  g_assert_cmpuint (number, ==, 5);
  s = load (f);
  g_assert_cmpuint (number_of (s, "Nytt tiltak"), ==, 5);
  g_assert_cmpuint (number_of (s, title5), ==, 6);
  g_clear_pointer (&s, evk_strategy_free);

  /* Measure 7 (old 6) has text: it is not removed, it could not come back. */
  g_assert_false (evk_project_remove_measure (f->project, 7, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE);
  g_clear_error (&error);

  /* Moving goal 2 first takes its measures with it. */
  OK (evk_project_move_goal (f->project, "2", -1, &e_));
  s = load (f);
  g_assert_cmpuint (number_of (s, title6), ==, 1);
  g_clear_pointer (&s, evk_strategy_free);
  OK (evk_project_get_measure_text (f->project, 1, "section:purpose", "nb", &text, NULL, &e_));
  g_assert_cmpstr (text, ==, "Formålet med 6.");
  g_clear_pointer (&text, g_free);

  /* The new measure can go; later ones close up. */
  s = load (f);
  number = number_of (s, "Nytt tiltak");
  g_clear_pointer (&s, evk_strategy_free);
  OK (evk_project_remove_measure (f->project, number, &e_));
  s = load (f);
  g_assert_cmpuint (s->measures->len, ==, n_measures);
  for (guint i = 0; i < s->measures->len; i++)
    g_assert_cmpuint (((EvkMeasure *) g_ptr_array_index (s->measures, i))->number, ==, i + 1);
  g_clear_pointer (&s, evk_strategy_free);

  /* Saving the snapshot from before (the window's undo) puts every
   * measure back at its number, with its text. */
  OK (evk_project_save_strategy (f->project, before, &e_));
  s = load (f);
  g_assert_cmpuint (number_of (s, title6), ==, 6);
  OK (evk_project_get_measure_text (f->project, 6, "section:purpose", "nb", &text, NULL, &e_));
  g_assert_cmpstr (text, ==, "Formålet med 6.");
}

/* A measure with saved charts or document codings is not removed. */
static void
test_remove_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkStrategy) s = NULL;

  OK (evk_project_add_chart (f->project, "mine", EVK_CHART_STATUS_SUMMARY, "status-summary", 3, NULL, NULL, &e_));
  g_assert_false (evk_project_remove_measure (f->project, 3, &error));
  g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "chart"));
  g_clear_error (&error);
  s = load (f);
  g_assert_nonnull (evk_strategy_find_measure (s, 3));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, demo, func) g_test_add (path, Fixture, demo, fixture_set_up, func, fixture_tear_down)
  ADD ("/evk/project-edit/build", NULL, test_build);
  ADD ("/evk/project-edit/renumber", "demo", test_renumber);
  ADD ("/evk/project-edit/remove-refused", "demo", test_remove_refused);

  return g_test_run ();
}
