/* test-reference-figures.c: the demo survey reproduces the seed report
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure of shared/docs/reference-figures.md, computed through the
 * same statistics the charts and `evalkit table` use, on the demo project
 * as `evalkit demo` builds it (survey.sav through the SPSS importer).
 * Counts must match exactly; a printed share must round to the printed
 * precision; "about" figures may be one point off.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "evk-demo.h"
#include "evk-model-error.h"
#include "evk-project.h"
#include "evk-table-spec.h"
#include "evk-test-util.h"

static EvkProject *project;

static EvkTable *
table (const char *spec)
{
  g_autoptr(GError) error = NULL;
  EvkTable *t = evk_table_compute (project, spec, &error);

  if (t == NULL)
    g_error ("%s: %s", spec, error->message);
  return t;
}

static EvkCell *
cell (EvkTable   *t,
      const char *row,
      const char *column)
{
  int r = row != NULL ? evk_table_find_row (t, row) : 0;
  int c = column != NULL ? evk_table_find_column (t, column) : 0;

  if (r < 0 || c < 0)
    g_error ("table %s has no cell %s/%s", t->kind, row, column);
  return evk_table_cell (t, r, c);
}

/* Printed at the given precision: "8,4 prosent" is 8.4 at one decimal. */
static void
assert_share (const char *what,
              double      share,
              double      printed,
              int         decimals)
{
  double scale = pow (10, decimals);
  double rounded = round (share * scale) / scale;

  g_test_message ("%s: %.2f %% (printed %.*f)", what, share, decimals, printed);
  if (fabs (rounded - printed) > 1e-9)
    g_error ("%s: %.3f %% rounds to %.*f, the report prints %.*f", what, share, decimals, rounded,
             decimals, printed);
}

/* "about 20 %", "just under 4 %": within a point of the printed number. */
static void
assert_about (const char *what,
              double      share,
              double      printed)
{
  g_test_message ("%s: %.2f %% (printed about %.0f)", what, share, printed);
  if (fabs (round (share) - printed) > 1)
    g_error ("%s: %.2f %% is not about %.0f %%", what, share, printed);
}

static void
assert_count (const char *what,
              guint       count,
              guint       printed)
{
  g_test_message ("%s: %u (printed %u)", what, count, printed);
  if (count != printed)
    g_error ("%s: %u, the report prints %u", what, count, printed);
}

static void
test_frame (void)
{
  g_autoptr(EvkTable) t = table ("response-rate");

  assert_count ("responses", cell (t, NULL, "respondents")->n, 5103);
  assert_count ("net population", cell (t, NULL, "net-population")->count, 36812);
  assert_count ("invited", cell (t, NULL, "invited")->count, 40937);
  assert_share ("response rate", cell (t, NULL, "respondents")->share, 14, 0);
}

static void
test_representativity (void)
{
  static const struct {
    const char *variable, *code;
    double sample, population;
  } rows[] = {
    { "reg_icnpo", "4", 3.7, 4.3 },    /* Barne- og ungdomsorganisasjoner */
    { "reg_icnpo", "2", 19.3, 25.2 },  /* Idrett */
    { "reg_icnpo", "16", 11.5, 9.0 },  /* Interesseorganisasjoner */
    { "reg_icnpo", "1", 22.0, 17.6 },  /* Kunst og kultur */
    { "reg_icnpo", "18", 1.7, 1.7 },   /* Mangfold og inkludering */
    { "reg_icnpo", "3", 19.1, 17.5 },  /* Rekreasjon og sosiale foreninger */
    { "reg_icnpo", "9", 3.7, 2.4 },    /* Sosiale tjenester */
    { "reg_kommunestr", "1", 12.5, 12.8 },
    { "reg_kommunestr", "2", 22.8, 24.7 },
    { "reg_kommunestr", "3", 50.0, 47.6 },
    { "reg_kommunestr", "4", 14.6, 14.8 },
    { "reg_ansatte", "1", 6.3, 5.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *spec = g_strdup_printf ("representativity %s", rows[i].variable);
      g_autofree char *what = g_strdup_printf ("%s = %s", rows[i].variable, rows[i].code);
      g_autoptr(EvkTable) t = table (spec);

      assert_share (what, cell (t, rows[i].code, "sample")->share, rows[i].sample, 1);
      assert_share (what, cell (t, rows[i].code, "population")->share, rows[i].population, 1);
    }
}

static void
test_heard_of_strategy (void)
{
  g_autoptr(EvkTable) all = table ("frequency q10");
  g_autoptr(EvkTable) mangfold = table ("frequency q10 filter=\"reg_icnpo = 18\"");
  g_autoptr(EvkTable) immigrant = table ("frequency q10 group=immigrant-organisations");

  assert_count ("heard of the strategy", cell (all, "1", NULL)->n, 1029);
  assert_about ("heard of the strategy", cell (all, "1", NULL)->share, 20);
  assert_count ("Mangfold og inkludering: heard", cell (mangfold, "1", NULL)->n, 36);
  assert_count ("Mangfold og inkludering: organisations", mangfold->n_base, 85);
  assert_count ("immigrant organisations", immigrant->n_base, 367);
  assert_about ("immigrant organisations: heard", cell (immigrant, "1", NULL)->share, 32);
}

typedef struct {
  const char *offer;
  double heard, used, not_known, known_not_used;   /* NaN = not printed */
  int decimals;
  int used_n;                                      /* -1 = not printed */
} Awareness;

static void
check_awareness (const Awareness *a,
                 const char      *options,
                 const char      *group_name)
{
  g_autofree char *spec = g_strdup_printf ("awareness %s %s", a->offer, options);
  g_autofree char *what = g_strdup_printf ("offer %s (%s)", a->offer, group_name);
  g_autoptr(EvkTable) t = table (spec);
  EvkCell *not_known = cell (t, NULL, "not-known");
  EvkCell *known = cell (t, NULL, "known-not-used");
  EvkCell *used = cell (t, NULL, "known-used");

  if (g_str_equal (options, ""))
    assert_count (what, t->n_base, 5103);
  if (!isnan (a->heard))
    assert_share (what, known->share + used->share, a->heard, a->decimals);
  if (!isnan (a->used))
    assert_share (what, used->share, a->used, a->decimals);
  if (!isnan (a->not_known))
    assert_share (what, not_known->share, a->not_known, 0);
  if (!isnan (a->known_not_used))
    assert_share (what, known->share, a->known_not_used, 0);
  if (a->used_n >= 0)
    assert_count (what, used->n, a->used_n);
}

static void
test_offers (void)
{
  static const Awareness all[] = {
    { "7", 21.5, 8.4, 79, NAN, 1, 431 },
    { "6", NAN, 4.2, 89, NAN, 1, 213 },
    { "1", NAN, 4.1, 84, NAN, 1, 207 },
    { "11", NAN, 4, 92, NAN, 0, 197 },
    { "9", 8.3, 0.5, NAN, NAN, 1, -1 },
    { "4", NAN, 1, 96, NAN, 0, 59 },
    { "2", NAN, 3, NAN, 6, 0, -1 },
    { "5", NAN, 2, 93, 5, 0, 98 },
    { "10", NAN, NAN, 94, NAN, 0, -1 },
    { "3", NAN, 1, 96, NAN, 0, 61 },
    { "12", NAN, NAN, 98, NAN, 0, -1 },
  };
  static const Awareness immigrant[] = {
    { "7", 39.2, 26.2, NAN, NAN, 1, -1 },
    { "6", NAN, 15, NAN, NAN, 0, -1 },
    { "1", NAN, 9.8, NAN, NAN, 1, -1 },
  };
  g_autoptr(EvkTable) none = table ("frequency q15_13 base=all");
  g_autoptr(EvkTable) none_immigrant = table ("frequency q15_13 base=all group=immigrant-organisations");
  g_autoptr(EvkTable) users = table ("frequency q10 base=all group=used-any-offer");

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    check_awareness (&all[i], "", "all");
  for (guint i = 0; i < G_N_ELEMENTS (immigrant); i++)
    check_awareness (&immigrant[i], "group=immigrant-organisations", "immigrant organisations");

  assert_about ("none known", cell (none, "1", NULL)->share, 59);
  g_assert_cmpuint (cell (none, "1", NULL)->n, >, 3000);
  assert_about ("none known, immigrant organisations", cell (none_immigrant, "1", NULL)->share, 40);
  assert_count ("used at least one offer", users->n_base, 938);
}

/* Sum of the shares of scale points lo..hi of one outcome row. */
static double
scale_share (EvkTable   *t,
             const char *row,
             int         lo,
             int         hi)
{
  double sum = 0;

  for (int v = lo; v <= hi; v++)
    {
      char key[8];
      int c;

      g_snprintf (key, sizeof key, "%d", v);
      c = evk_table_find_column (t, key);
      if (c >= 0)
        sum += evk_table_cell (t, evk_table_find_row (t, row), c)->share;
    }
  return sum;
}

static void
test_outcomes (void)
{
  static const struct {
    const char *offer, *members, *activities;
    guint n_members, n_activities;
  } ns[] = {
    { "4", "q17_4", "q18_4", 59, 59 },
    { "1", "q17_1", "q18_1", 206, 197 },
    { "10", "q22_10", "q23_10", 131, 128 },
    { "3", "q17_3", "q18_3", 61, 61 },
    { "11", "q27_11", "q28_11", 187, 191 },
    { "12", "q27_12", "q28_12", 12, 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
    {
      g_autofree char *spec = g_strdup_printf ("outcome %s", ns[i].offer);
      g_autoptr(EvkTable) t = table (spec);

      assert_count (ns[i].members, evk_table_row (t, evk_table_find_row (t, ns[i].members))->n_base,
                    ns[i].n_members);
      assert_count (ns[i].activities, evk_table_row (t, evk_table_find_row (t, ns[i].activities))->n_base,
                    ns[i].n_activities);
    }

  {
    g_autoptr(EvkTable) t = table ("outcome 4");
    assert_share ("offer 4, activities, large or very large", scale_share (t, "q18_4", 4, 5), 44, 0);
    assert_share ("offer 4, activities, neither", scale_share (t, "q18_4", 3, 3), 27, 0);
  }
  {
    /* The report adds the rounded segments: 16 % + 13 % = 29 %. */
    g_autoptr(EvkTable) t = table ("outcome 3");
    assert_count ("offer 3, members, large + very large (rounded segments)",
                  round (scale_share (t, "q17_3", 4, 4)) + round (scale_share (t, "q17_3", 5, 5)), 29);
  }
  {
    g_autoptr(EvkTable) t = table ("outcome 11");
    assert_share ("offer 11, members, large or very large", scale_share (t, "q27_11", 4, 5), 19, 0);
  }
  {
    g_autoptr(EvkTable) t = table ("items q23_7 group=managing-municipality");
    assert_count ("offer 7 in managing municipalities: N", evk_table_row (t, 0)->n_base, 287);
    assert_share ("very large extent", scale_share (t, "q23_7", 5, 5), 22, 0);
    assert_share ("large extent", scale_share (t, "q23_7", 4, 4), 27, 0);
    assert_share ("together", scale_share (t, "q23_7", 4, 5), 49, 0);
  }
}

static void
test_managing_municipalities (void)
{
  g_autoptr(EvkTable) all = table ("awareness 7 group=managing-municipality");
  g_autoptr(EvkTable) original = table ("awareness 7 filter=\"reg_forvalter = 1\"");
  g_autoptr(EvkTable) newer = table ("awareness 7 filter=\"reg_forvalter = 2\"");

  assert_share ("managing: not known", cell (all, NULL, "not-known")->share, 73, 0);
  assert_share ("original 20: not known", cell (original, NULL, "not-known")->share, 73, 0);
  assert_share ("original 20: known, not used", cell (original, NULL, "known-not-used")->share, 15, 0);
  assert_share ("original 20: used", cell (original, NULL, "known-used")->share, 11, 0);
  assert_share ("new 20: not known", cell (newer, NULL, "not-known")->share, 74, 0);
  assert_share ("new 20: known, not used", cell (newer, NULL, "known-not-used")->share, 14, 0);
  assert_share ("new 20: used", cell (newer, NULL, "known-used")->share, 12, 0);
}

static void
test_change_since_2021 (void)
{
  g_autoptr(EvkTable) all = table ("frequency q72");
  g_autoptr(EvkTable) users = table ("frequency q72 group=used-any-offer");
  g_autoptr(EvkTable) work = table ("frequency q73");

  assert_count ("q72, all: n", all->n_base, 4502);
  assert_about ("q72, all: about the same", cell (all, "3", NULL)->share, 53);
  assert_about ("q72, all: higher", cell (all, "4", NULL)->share + cell (all, "5", NULL)->share, 20);
  assert_about ("q72, all: lower", cell (all, "1", NULL)->share + cell (all, "2", NULL)->share, 5);
  assert_count ("q72, used an offer: n", users->n_base, 838);
  assert_about ("q72, used: about the same", cell (users, "3", NULL)->share, 41);
  assert_about ("q72, used: higher", cell (users, "4", NULL)->share + cell (users, "5", NULL)->share, 43);
  assert_about ("q72, used: lower", cell (users, "1", NULL)->share + cell (users, "2", NULL)->share, 9);

  assert_count ("q73: N", work->n_base, 4446);
  assert_share ("q73: a little more", cell (work, "4", NULL)->share, 11, 0);
  assert_share ("q73: don't know", cell (work, "6", NULL)->share, 19, 0);
  g_assert_cmpfloat (cell (work, "3", NULL)->share, >, 50);
}

static void
test_table_8_1 (void)
{
  static const struct {
    const char *variable;
    guint count;
  } expected[] = {
    { "q16_7", 209 }, { "q16_6", 111 }, { "q16_1", 81 }, { "q16_11", 75 }, { "q16_2", 63 },
    { "q16_5", 51 }, { "q16_10", 51 }, { "q16_4", 33 }, { "q16_3", 32 }, { "q16_8", 28 },
    { "q16_9", 15 }, { "q16_12", 4 },
  };
  g_autoptr(EvkTable) t = table ("count q16_1..q16_12 filter=\"q72 in 4..5\"");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      assert_count (expected[i].variable, cell (t, expected[i].variable, NULL)->n, expected[i].count);
      /* Ranked as the report's table. */
      g_assert_cmpstr (evk_table_row (t, i)->key, ==, expected[i].variable);
    }
}

static void
test_needs (void)
{
  g_autoptr(EvkTable) t = table ("multiple q35_1..q35_18");

  assert_count ("q35: N", t->n_base, 4650);
  assert_share ("more active members", cell (t, "q35_2", "respondents")->share, 39, 0);
  assert_share ("more collaboration with the municipality", cell (t, "q35_12", "respondents")->share, 35, 0);
  g_assert_cmpstr (evk_table_row (t, 0)->key, ==, "q35_2");
  g_assert_cmpstr (evk_table_row (t, 1)->key, ==, "q35_12");
}

/* counted= must be a number: "counted=yes" counted the value 0, and
 * "counted=1e300" or "nan" reached an undefined conversion when the
 * answers were matched (found by tests/fuzz/fuzz-table-spec). */
static void
test_counted_must_be_a_number (void)
{
  static const char * const bad[] = { "counted=yes", "counted=nan", "counted=inf", "counted=1x", "counted=" };
  g_autoptr(EvkTable) huge = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *spec = g_strdup_printf ("awareness 7 %s", bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkTable) t = evk_table_compute (project, spec, &error);

      g_assert_null (t);
      g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "expected a number"));
    }

  /* A number no answer has counts nobody. */
  huge = table ("awareness 7 counted=1e300");
  g_assert_nonnull (huge);
}

/* "groups=" with nothing after it gave no table and no error (found by
 * tests/fuzz/fuzz-table-spec; its input is
 * tests/data/malformed/table-spec/crosstab-empty-groups.txt). */
static void
test_crosstab_needs_groups (void)
{
  static const char * const specs[] = { "crosstab q72 groups=", "crosstab q72 groups= allv", "crosstab q72" };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EvkTable) t = evk_table_compute (project, specs[i], &error);

      g_assert_null (t);
      g_assert_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "groups="));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = evk_test_tmpdir ();
  path = g_build_filename (dir, "demo.evalkit", NULL);
  project = evk_demo_create (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/evk/reference/frame", test_frame);
  g_test_add_func ("/evk/table-spec/counted-must-be-a-number", test_counted_must_be_a_number);
  g_test_add_func ("/evk/table-spec/crosstab-needs-groups", test_crosstab_needs_groups);
  g_test_add_func ("/evk/reference/representativity", test_representativity);
  g_test_add_func ("/evk/reference/heard-of-strategy", test_heard_of_strategy);
  g_test_add_func ("/evk/reference/offers", test_offers);
  g_test_add_func ("/evk/reference/outcomes", test_outcomes);
  g_test_add_func ("/evk/reference/managing-municipalities", test_managing_municipalities);
  g_test_add_func ("/evk/reference/change-since-2021", test_change_since_2021);
  g_test_add_func ("/evk/reference/table-8-1", test_table_8_1);
  g_test_add_func ("/evk/reference/needs", test_needs);
  status = g_test_run ();

  g_clear_object (&project);
  evk_test_rm_rf (dir);
  return status;
}
