/* evk-filter.h: respondent group filters ("q6_alt_1 in 1..4")
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EVK_FILTER_ERROR (evk_filter_error_quark ())

typedef enum {
  EVK_FILTER_ERROR_SYNTAX,
} EvkFilterError;

/* Limits on what a filter may hold (see evk-filter.c): deeper or larger
 * filters are refused with EVK_FILTER_ERROR_SYNTAX. */
#define EVK_FILTER_MAX_NESTING    64     /* "(" and "not" inside each other */
#define EVK_FILTER_MAX_CONDITIONS 1000
#define EVK_FILTER_MAX_RANGE      10000  /* names in one VAR..VAR */
#define EVK_FILTER_MAX_NAMES      20000  /* names in the whole filter */

typedef enum {
  EVK_FILTER_AND,
  EVK_FILTER_OR,
  EVK_FILTER_NOT,
  EVK_FILTER_COMPARE,   /* a condition on one variable, or on any of several */
} EvkFilterOp;

typedef struct _EvkFilter EvkFilter;

struct _EvkFilter
{
  EvkFilterOp  op;
  EvkFilter   *left;       /* and, or, not */
  EvkFilter   *right;      /* and, or */
  GStrv        variables;  /* compare: one name, or several for any(...) */
  gboolean     any;        /* compare: true when written as any(...) */
  gboolean     negate;     /* compare: "!=" */
  GArray      *ranges;     /* compare: double pairs lo, hi; the value matches any */
  GStrv        texts;      /* compare: the texts of a text variable ("region = 'Nord'"),
                            * matched whole; NULL when it compares numbers */
};

GQuark      evk_filter_error_quark    (void);
EvkFilter  *evk_filter_parse          (const char  *text,
                                       GError     **error);
void        evk_filter_free           (EvkFilter   *filter);
/* Every variable the filter reads, in order of first use. */
GStrv       evk_filter_get_variables  (EvkFilter   *filter);
/* Canonical text; parsing it gives the same filter. */
char       *evk_filter_to_string      (EvkFilter   *filter);
/* Does a value match the condition of a compare node? */
gboolean    evk_filter_compare_value  (EvkFilter   *filter,
                                       double       value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkFilter, evk_filter_free)

G_END_DECLS
