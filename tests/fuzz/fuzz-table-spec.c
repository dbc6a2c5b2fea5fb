/* fuzz-table-spec.c: the table grammar (`evalkit table`, saved charts)
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a table description computed against the demo project cut
 * to 200 respondents, through the path the charts take (kinds of their
 * own, "status-summary", "review-…", fall through to the grammar). A
 * description is refused with an error or gives a table whose cells are
 * all there.
 */
#include "config.h"

#include "evk-charts.h"
#include "evk-project.h"
#include "evk-table-spec.h"
#include "fuzz-common.h"

static EvkProject *project;
static EvkTableSource *source;
static guint n_inputs;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  evk_fuzz_init ();
  project = evk_project_open_read_only (evk_fuzz_project_path (), &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = evk_fuzz_string (data, size);
  g_autoptr(EvkTable) table = NULL;
  g_autoptr(GError) error = NULL;
  EvkSavedChart chart = { 0 };

  /* One source kept between inputs, as the window and a report build
   * keep theirs (loading the survey again for every input was nearly all
   * of the time), but renewed now and then so that no input's state lives
   * on for long. */
  if (source == NULL || ++n_inputs % 256 == 0)
    {
      g_clear_pointer (&source, evk_table_source_free);
      source = evk_table_source_new (project);
    }

  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  chart.key = (char *) "fuzz";
  chart.spec = text;
  table = evk_project_compute_chart_from (project, source, &chart, &error);
  if (table == NULL)
    g_assert_nonnull (error);
  else
    {
      for (guint r = 0; r < table->rows->len; r++)
        for (guint c = 0; c < table->columns->len; c++)
          g_assert_nonnull (evk_table_cell (table, r, c));
    }
  g_clear_pointer (&table, evk_table_free);
  g_clear_error (&error);
  return 0;
}
