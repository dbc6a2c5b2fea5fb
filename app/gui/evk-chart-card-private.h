/* evk-chart-card-private.h: the chart card's parts, for its sibling files
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "evk-chart-card.h"

G_BEGIN_DECLS

struct _EvkChartCard
{
  GtkWidget          parent_instance;

  EvkWorkspace      *workspace;
  EvkChartKind       kind;
  gboolean           has_query;
  char              *query_kind;
  char              *query_argument;
  char              *query_weight;      /* NULL, or the words after weight= */
  /* A saved survey chart's words: the card adds its group and base. */
  char              *spec;
  gboolean           spec_dont_know;   /* what the words' base includes */
  char              *group;
  char              *compare;          /* a second group shown beside it, or NULL */
  gboolean           dont_know;
  gboolean           show_table;
  EvkChartCardBuild  build;
  gpointer           build_data;
  GDestroyNotify     build_destroy;
  GHashTable        *title;
  GHashTable        *hidden;        /* column key the user hid → its label */
  GPtrArray         *group_keys;    /* parallel to the drop-down's items */

  /* The saved chart the card shows, when it shows one (NULL key: none). */
  char              *chart_key;
  guint              chart_measure;
  char              *chart_goal;
  gboolean           in_report;
  gboolean           can_move_up;
  gboolean           can_move_down;
  GHashTable        *caption;

  EvkTable          *table;
  EvkTable          *compare_table;    /* the second group's, when it computes */
  /* With a series hidden, the tables whole: the colours the visible
   * series keep are theirs there. */
  EvkTable          *full_table;
  EvkTable          *full_compare;
  EvkChartHits      *hits;
  /* The data point the keyboard is on: an index among the last frame's
   * cell hits (-1: none), and what screen readers were told of it. */
  int                focus_point;
  char              *point_description;
  int                measured_width;   /* preferred_height's last answer, */
  double             measured_height;  /* until the table or style changes */

  GtkWidget         *box;
  GtkWidget         *title_label;
  GtkWidget         *subtitle_label;
  GtkWidget         *group_dropdown;
  GtkWidget         *compare_box;
  GtkWidget         *compare_dropdown;
  GtkWidget         *menu_button;
  GtkWidget         *comment_button;   /* a saved chart's, in the header */
  char              *comment_place;    /* the card's place when it is bound to no saved chart */
  GtkWidget         *hidden_box;
  GtkWidget         *stack;
  GtkWidget         *area;
  GtkWidget         *grid;
  GtkWidget         *error_label;
  GtkWidget         *report_label;
  GtkWidget         *caption_label;
};

/* evk-chart-card.c */
void        _evk_chart_card_init_spec          (EvkChartCard   *self,
                                                EvkChartSpec   *spec);
/* A message on the window's toast overlay (the log when there is none). */
void        _evk_chart_card_toast              (EvkChartCard   *self,
                                                const char     *message);
void        _evk_chart_card_notify_in_report   (EvkChartCard   *self);

/* evk-chart-card-actions.c: the view, caption, report and order actions */
void        _evk_chart_card_class_init_actions (GtkWidgetClass *widget_class);
GMenuModel *_evk_chart_card_build_menu         (gboolean        has_base,
                                                gboolean        has_groups,
                                                gboolean        saved);
void        _evk_chart_card_update_actions     (EvkChartCard   *self);
void        _evk_chart_card_update_saved       (EvkChartCard   *self);
/* A saved chart's card drags by its header and takes drops of the others. */
void        _evk_chart_card_setup_drag         (EvkChartCard   *self);

/* Gives the series left in the card's tables the colours they have with
 * every series shown, in style (the screen's or an export's). */
void        _evk_chart_card_pin_colours        (EvkChartCard        *self,
                                                const EvkChartStyle *style);

/* The tables an export of the card draws, and their groups' names (names
 * holds three, NULL after the last): with a comparison both, where the
 * kind draws several groups in one chart; else the card's own. */
guint       _evk_chart_card_export_tables      (EvkChartCard        *self,
                                                EvkTable           **tables,
                                                const char         **names);
/* Every table the card shows (its group's, then the compared group's). */
guint       _evk_chart_card_shown_tables       (EvkChartCard        *self,
                                                EvkTable           **tables,
                                                const char         **names);
/* The card's chart written to path, in the format its extension names:
 * what "Export" does after its file dialog. */
gboolean    _evk_chart_card_export_file        (EvkChartCard        *self,
                                                const char          *path,
                                                GError             **error);

/* What the card's table is of, in the content language: its group, N,
 * base and weighting (evk_table_describe); NULL without a table. */
char       *_evk_chart_card_describe           (EvkChartCard   *self);

/* evk-chart-card-export.c: export to files and copy to the clipboard */
void        _evk_chart_card_class_init_export  (GtkWidgetClass *widget_class);

G_END_DECLS
