/* evk-window-private.h: the window's parts, for sibling files and the UI tests
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "evk-charts.h"
#include "evk-import-task.h"
#include "evk-report-outline.h"
#include "evk-window.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

/* One undoable edit of a measure: a field and its keys before and after
 * (the status has one key), or a narrative text in one language (one
 * string before and after); or a survey replaced by a new version of it
 * (survey_before and survey_after set, the other fields empty). */
typedef struct {
  guint      number;
  char      *field;      /* "status", "types", "targets", "responsible", "section:KEY" */
  char      *lang;       /* a narrative text's language; NULL for the other fields */
  GStrv      before;
  GStrv      after;
  EvkSurvey *survey_before;
  EvkSurvey *survey_after;
  /* An edit of the strategy (evk-project-edit.h): the whole strategy
   * before and after, saved back as it was; measures keep their rows. */
  EvkStrategy *strategy_before;
  EvkStrategy *strategy_after;
  /* An edit of the report (evk-window-report-edit.c): the outline before
   * and after; or, with report_text set, one of its texts (field and lang
   * as evk_report_text_get names them; before and after hold the body and
   * the source fingerprint, "" for none). */
  EvkOutline  *outline_before;
  EvkOutline  *outline_after;
  gboolean     report_text;
  /* A saved chart removed (chart_removed) or added (a duplicate): the
   * chart with its texts, and its place among all charts, so that undo
   * and redo put it back there or take it away again. */
  EvkSavedChart *chart;
  int            chart_position;
  gboolean       chart_removed;
} EvkEdit;

struct _EvkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwPreferencesGroup *recent_group;
  GtkListBox          *recent_list;
  AdwLeaflet          *leaflet;
  GtkListBox          *sidebar;
  AdwWindowTitle      *sidebar_title;
  AdwWindowTitle      *content_title;
  GtkBox              *language_box;
  GtkMenuButton       *import_button;
  AdwBin              *content_bin;
  GtkButton           *back_button;
  GtkRevealer         *review_banner;
  GtkLabel            *review_banner_label;

  EvkProject          *project;
  GCancellable        *render_cancellable; /* while a report renders */
  EvkWorkspace        *workspace;
  GSettings           *settings;      /* NULL when the schema is not installed */
  char                *page;          /* "overview", "goal:KEY", "measure:N", "variables", … */
  GtkWidget           *page_widget;
  GPtrArray           *undo;          /* EvkEdit */
  GPtrArray           *redo;          /* EvkEdit */
  gboolean             rebuilding;
  GtkWidget           *comments_count;  /* the sidebar's, in the Comments row */
  gboolean             review_busy;     /* while a review copy is made or merged */
  guint                reveal_id;       /* scrolls a place's comment button into view */
};

/* evk-window.c */
void       _evk_window_class_add_report_actions (GtkWidgetClass *widget_class);
void       _evk_window_render_report     (EvkWindow   *self,
                                          const char  *path);
void       _evk_window_toast             (EvkWindow   *self,
                                          const char  *message);
void       _evk_window_show_page         (EvkWindow   *self,
                                          const char  *page);
void       _evk_window_update_actions    (EvkWindow   *self);
/* Reads the project again if another window or process wrote to it. */
void       _evk_window_check_external    (EvkWindow   *self);
gboolean   _evk_window_create_project    (EvkWindow   *self,
                                          const char  *path,
                                          GError     **error);
/* evk-window-sidebar.c */
void       _evk_window_rebuild_sidebar   (EvkWindow   *self);
void       _evk_window_select_page_row   (EvkWindow   *self);
GtkListBoxRow *_evk_window_find_row      (EvkWindow   *self,
                                          const char  *page);
/* evk-window-actions.c */
void       _evk_window_class_add_actions (GtkWidgetClass *widget_class);
/* The import dialog for kind, over the window, with file chosen when not
 * NULL; its outcome is toasted, and a replaced survey can be undone. */
void       _evk_window_present_import    (EvkWindow     *self,
                                          EvkImportKind  kind,
                                          GFile         *file);
gboolean   _evk_window_apply_edit        (EvkWindow   *self,
                                          guint        number,
                                          const char  *field,
                                          GStrv        after,
                                          GError     **error);
gboolean   _evk_window_set_text          (EvkWindow   *self,
                                          guint        number,
                                          const char  *field,
                                          const char  *lang,
                                          const char  *text,
                                          gboolean     continues,
                                          GError     **error);
/* Puts edit (taken over) on the undo stack, with a toast offering Undo. */
void       _evk_window_push_edit         (EvkWindow   *self,
                                          EvkEdit     *edit,
                                          const char  *message);
void       _evk_edit_free                (EvkEdit     *edit);
/* The strategy page and the lists page made an edit; before is the
 * strategy as it was (taken over). Puts it on the undo stack. */
void       _evk_window_push_strategy_edit (EvkWindow   *self,
                                          EvkStrategy *before,
                                          const char  *message);
/* The offers page changed the survey's multiple-response sets; before is
 * the survey as it was, with its data (taken over). */
void       _evk_window_push_survey_edit  (EvkWindow   *self,
                                          EvkSurvey   *before,
                                          const char  *message);
/* evk-window-report-edit.c: the report page's edits, saved at once and
 * undoable like the others. */
gboolean   _evk_window_set_report_text   (EvkWindow   *self,
                                          const char  *field,
                                          const char  *lang,
                                          const char  *text,
                                          gboolean     continues,
                                          GError     **error);
/* Saves after; before is the outline as it was (taken over). */
gboolean   _evk_window_update_outline    (EvkWindow   *self,
                                          EvkOutline  *before,
                                          EvkOutline  *after,
                                          const char  *message,
                                          GError     **error);
/* Puts back the report as edit had it before (undo) or after. */
gboolean   _evk_window_move_report_edit  (EvkWindow   *self,
                                          EvkEdit     *edit,
                                          gboolean     undo,
                                          GError     **error);
/* evk-window-chart-edit.c: a saved chart removed or duplicated, undoable
 * like the other edits. */
gboolean   _evk_window_remove_chart      (EvkWindow   *self,
                                          const char  *key,
                                          GError     **error);
/* The copy goes right after the original; its key is returned. */
char      *_evk_window_duplicate_chart   (EvkWindow   *self,
                                          const char  *key,
                                          GError     **error);
/* A new chart of a measure (> 0) or goal, at the end of the charts, on
 * the undo stack; its key (made from its words) is returned. */
char      *_evk_window_add_chart         (EvkWindow   *self,
                                          EvkChartKind kind,
                                          const char  *spec,
                                          guint        measure,
                                          const char  *goal,
                                          GHashTable  *caption,
                                          GError     **error);
/* Opens the Add Chart dialog for the measure or goal page shown now;
 * NULL (and a toast) on any other page. */
GtkWidget *_evk_window_open_add_chart    (EvkWindow   *self);
void       _evk_window_class_add_chart_actions (GtkWidgetClass *widget_class);
/* Takes back (undo) or does again a chart's removal or duplicate. */
gboolean   _evk_window_move_chart_edit   (EvkWindow   *self,
                                          EvkEdit     *edit,
                                          gboolean     undo,
                                          GError     **error);
/* evk-window-review.c: review copies, merges and comments */
void       _evk_window_class_add_review_actions (GtkWidgetClass *widget_class);
/* Follows the project's comments and whether it is a review copy: the
 * banner, the sidebar's count. Called when a project is set. */
void       _evk_window_setup_review      (EvkWindow   *self);
void       _evk_window_update_review     (EvkWindow   *self);
/* Shows the page that holds place (a place of evk-comment.h) and brings
 * its comment button into view; toasts when the place is gone. */
void       _evk_window_show_place        (EvkWindow   *self,
                                          const char  *place);
/* Writes a review copy of the project to path in a thread; a toast or a
 * dialog tells how it went. */
void       _evk_window_start_review_copy (EvkWindow   *self,
                                          const char  *path,
                                          const char  *reviewer);
/* Merges the comments of the review copies at paths in a thread. */
void       _evk_window_start_merge       (EvkWindow          *self,
                                          const char * const *paths);
/* Imports the notes of the annotated draft PDF at path in a thread. */
void       _evk_window_start_pdf_import  (EvkWindow   *self,
                                          const char  *path);
/* What a review copy shows instead of an editing or a data page. */
GtkWidget *_evk_window_review_page_new   (EvkWindow   *self,
                                          const char  *page);
/* Whether the open project is a review copy, whose facts and texts are
 * not edited here. */
gboolean   _evk_window_is_read_only      (EvkWindow   *self);
/* evk-window-dnd.c */
void       _evk_window_setup_drop        (EvkWindow   *self);

/* The measure, goal and data pages: for the UI tests. */
GtkWidget *_evk_window_get_page_widget   (EvkWindow   *self);

G_END_DECLS
