/* chart-cases.h: the demo project's charts, for the chart tests and benchmark
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "evk-chart.h"
#include "evk-project.h"

G_BEGIN_DECLS

/* One chart of the demo evaluation: the seed figure it stands for, its
 * kind and its tables, computed from the demo project as the window and
 * the report compute them. */
typedef struct {
  char         *name;          /* file name stem of its golden image */
  const char   *figure;        /* the seed's figure, for messages */
  EvkChartKind  kind;
  EvkTable     *tables[2];
  guint         n_tables;
  GHashTable   *group_names[2];/* localized, or NULL */
  gboolean      golden;        /* has golden images */
} ChartCase;

/* Every demo chart; NULL and error when the demo cannot be computed. */
GPtrArray  *chart_cases_new        (EvkProject  *project,
                                    GError     **error);
void        chart_case_free        (ChartCase   *chart);
/* The document review's measures × codes table of any project. */
EvkTable   *chart_cases_review_table (EvkProject  *project,
                                      GError     **error);
/* A spec for the case in lang; names points at storage for group names. */
void        chart_case_spec        (ChartCase    *chart,
                                    const char   *lang,
                                    EvkChartSpec *spec,
                                    const char  **names);

/* Builds the demo project in a fresh directory (removed by the caller with
 * chart_cases_remove_dir). Sets up DejaVu Sans as the only font first, so
 * call it before any text is drawn. */
EvkProject *chart_cases_open_demo  (char       **dir,
                                    GError     **error);
/* Fonts: only DejaVu (fonts-dejavu-core) through a private fontconfig
 * configuration, so text renders alike on every machine. FALSE when the
 * fonts are not installed. */
gboolean    chart_cases_use_test_fonts (const char *dir);
void        chart_cases_remove_dir (const char  *dir);

G_END_DECLS
