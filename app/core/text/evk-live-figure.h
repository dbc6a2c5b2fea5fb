/* evk-live-figure.h: figures in the narrative, computed when the report is built
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "evk-project.h"
#include "evk-table-spec.h"
#include "evk-table.h"

G_BEGIN_DECLS

#define EVK_LIVE_FIGURE_ERROR (evk_live_figure_error_quark ())

typedef enum {
  EVK_LIVE_FIGURE_ERROR_SYNTAX,     /* not FIELD: SPEC | ROW | COLUMN */
  EVK_LIVE_FIGURE_ERROR_FIELD,      /* an unknown field */
  EVK_LIVE_FIGURE_ERROR_TABLE,      /* the spec does not compute */
  EVK_LIVE_FIGURE_ERROR_CELL,       /* no such row or column */
} EvkLiveFigureError;

/* Resolves references such as "share.1: awareness 7 | - | known-used"
 * (the text between {{ and }}, see data/narrative-format.md). Tables are
 * computed once per spec and shared with the report's charts, so the text
 * and the figures print the same numbers. Not thread-safe: one per
 * rendering thread. */
typedef struct _EvkLiveFigures EvkLiveFigures;

GQuark          evk_live_figure_error_quark (void);

EvkLiveFigures *evk_live_figures_new        (EvkProject      *project);
void            evk_live_figures_free       (EvkLiveFigures  *self);
/* Where the tables come from, shared with whoever draws on the same
 * render (the report's own survey and strategy lookups); borrowed. */
EvkTableSource *evk_live_figures_get_source (EvkLiveFigures  *self);
/* The table of spec, computed on first use; borrowed. */
EvkTable       *evk_live_figures_get_table  (EvkLiveFigures  *self,
                                             const char      *spec,
                                             GError         **error);
/* The specs of every table computed so far (that computed), in no order. */
GStrv           evk_live_figures_get_specs  (EvkLiveFigures  *self);
/* The figure formatted for lang ("8,4 %", "5 103"); errors quote the
 * reference and say what is wrong with it. */
char           *evk_live_figures_resolve    (EvkLiveFigures  *self,
                                             const char      *reference,
                                             const char      *lang,
                                             GError         **error);
/* The number itself (a share in percent, or a count), unformatted. */
gboolean        evk_live_figures_value      (EvkLiveFigures  *self,
                                             const char      *reference,
                                             double          *value,
                                             int             *decimals,
                                             gboolean        *is_share,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkLiveFigures, evk_live_figures_free)

G_END_DECLS
