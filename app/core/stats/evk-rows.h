/* evk-rows.h: a set of respondents (rows) of a survey
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-filter.h"
#include "evk-survey.h"

G_BEGIN_DECLS

/* One byte per respondent: a million-row survey's group is a megabyte and
 * a switch of group is one pass over the columns it names. */
typedef struct {
  guint   n_rows;
  guint   n_selected;
  guint8 *selected;
} EvkRows;

EvkRows  *evk_rows_new_all      (guint         n_rows);
EvkRows  *evk_rows_copy         (const EvkRows *rows);
void      evk_rows_free         (EvkRows      *rows);
void      evk_rows_intersect    (EvkRows      *rows,
                                 const EvkRows *other);
void      evk_rows_unite        (EvkRows      *rows,
                                 const EvkRows *other);
void      evk_rows_recount      (EvkRows      *rows);
/* The respondents the filter selects. A system-missing value never
 * matches, not even "!=". */
EvkRows  *evk_rows_new_filtered (EvkSurvey    *survey,
                                 EvkFilter    *filter,
                                 GError      **error);
/* Parses and evaluates a filter text. */
EvkRows  *evk_rows_new_from_text (EvkSurvey   *survey,
                                 const char   *filter_text,
                                 GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkRows, evk_rows_free)

G_END_DECLS
