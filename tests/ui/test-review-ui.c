/* test-review-ui.c: comments in the window: the buttons, the Comments page, review copies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <poppler.h>

#include "evk-chart-card-private.h"
#include "evk-charts.h"
#include "evk-comment-button.h"
#include "evk-comment.h"
#include "evk-comments-page.h"
#include "evk-data-dir.h"
#include "evk-documents.h"
#include "evk-draft-map.h"
#include "evk-goal-page.h"
#include "evk-import-csv.h"
#include "evk-measure-page.h"
#include "evk-narrative-editor.h"
#include "evk-report-page.h"
#include "evk-report.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

typedef EvkUiFixture Fixture;

#define REVIEWER "Åse Ødegård"

static EvkMeasurePage *
show_measure (EvkWindow *window,
              guint      number)
{
  g_autofree char *page = g_strdup_printf ("measure:%u", number);

  evk_window_show_page (window, page);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, page);
  return EVK_MEASURE_PAGE (_evk_window_get_page_widget (window));
}

static EvkChartCard *
find_card (EvkMeasurePage *page,
           const char     *key)
{
  g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (evk_chart_card_get_chart_key (g_ptr_array_index (cards, i)), key) == 0)
      return g_ptr_array_index (cards, i);
  g_assert_not_reached ();
}

/* Every comment and reply the project file has now, read afresh. */
static GPtrArray *
stored_comments (const char *path)
{
  g_autoptr(GError) error = NULL;
  EvkStore *store = evk_store_open (path, EVK_STORE_OPEN_READ_ONLY, &error);
  GPtrArray *comments;

  g_assert_no_error (error);
  comments = evk_comments_list (store, FALSE, &error);
  g_assert_no_error (error);
  evk_store_free (store);
  return comments;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types text into the button's popover and adds it, as a user does. */
static void
comment_through_popover (EvkCommentButton *button,
                         const char       *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (evk_comment_button_get_text_view (button));
  GtkWidget *send = GTK_WIDGET (evk_comment_button_get_send_button (button));

  evk_ui_show_on_screen (GTK_WIDGET (button));
  evk_comment_button_popup (button);
  evk_ui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (evk_comment_button_get_popover (button))));
  g_assert_false (gtk_widget_get_sensitive (send));
  gtk_text_buffer_set_text (buffer, text, -1);
  g_assert_true (gtk_widget_get_sensitive (send));
  g_signal_emit_by_name (send, "clicked");
  evk_ui_iterate ();
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
}

static guint
sidebar_count (EvkWindow *window)
{
  GtkListBoxRow *row = _evk_window_find_row (window, "comments");
  GtkWidget *box;
  GtkWidget *count;

  g_assert_nonnull (row);
  box = gtk_list_box_row_get_child (row);
  count = gtk_widget_get_last_child (box);
  if (!gtk_widget_get_visible (count))
    return 0;
  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (count)), NULL, 10);
}

static EvkCommentsPage *
show_comments (EvkWindow *window)
{
  evk_window_show_page (window, "comments");
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, "comments");
  return EVK_COMMENTS_PAGE (_evk_window_get_page_widget (window));
}

/* A comment on a chart through its card's button: saved with the author
 * of the preferences, counted on the button and in the sidebar; a reply
 * and Resolve in the same popover. */
static void
test_chart_comment (Fixture       *f,
                    gconstpointer  data)
{
  const char *path = evk_project_get_path (evk_window_get_project (f->window));
  EvkMeasurePage *page;
  EvkChartCard *card;
  EvkCommentButton *button;
  g_autoptr(GPtrArray) comments = NULL;
  EvkComment *comment;
  g_autofree char *uuid = NULL;
  GtkWidget *resolve;

  g_settings_set_string (f->window->settings, "author-name", REVIEWER);
  page = show_measure (f->window, 20);
  card = find_card (page, "m20-awareness-7");
  button = EVK_COMMENT_BUTTON (evk_chart_card_get_comment_button (card));
  g_assert_nonnull (button);
  g_assert_cmpstr (evk_comment_button_get_place (button), ==, "chart:m20-awareness-7");
  g_assert_cmpuint (evk_comment_button_get_count (button), ==, 0);
  g_assert_cmpuint (sidebar_count (f->window), ==, 0);

  comment_through_popover (button, "Basen bør stå i figurteksten.");
  g_assert_cmpuint (evk_comment_button_get_count (button), ==, 1);
  g_assert_cmpuint (sidebar_count (f->window), ==, 1);
  comments = stored_comments (path);
  g_assert_cmpuint (comments->len, ==, 1);
  comment = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (comment->place, ==, "chart:m20-awareness-7");
  g_assert_cmpstr (comment->author, ==, REVIEWER);
  g_assert_cmpstr (comment->body, ==, "Basen bør stå i figurteksten.");
  g_assert_cmpstr (comment->status, ==, "open");
  uuid = g_strdup (comment->uuid);
  /* Other places count nothing. */
  g_assert_cmpuint (evk_comment_button_get_count (EVK_COMMENT_BUTTON (
                      evk_chart_card_get_comment_button (find_card (page, "m20-outcome-7")))), ==, 0);

  /* The thread shows in the popover, with a reply entry and Resolve. */
  {
    GtkWidget *popover = GTK_WIDGET (evk_comment_button_get_popover (button));
    GtkWidget *reply = evk_ui_find_widget (popover, GTK_TYPE_ENTRY);

    g_assert_nonnull (reply);
    gtk_editable_set_text (GTK_EDITABLE (reply), "Enig, og N for gruppen.");
    g_signal_emit_by_name (reply, "activate");
    evk_ui_iterate ();
    resolve = find_button_labelled (popover, "_Resolve");
    g_assert_nonnull (resolve);
  }
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = stored_comments (path);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 1))->parent_uuid, ==, uuid);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 1))->body, ==, "Enig, og N for gruppen.");
  /* A reply is no new comment to count. */
  g_assert_cmpuint (evk_comment_button_get_count (button), ==, 1);

  g_signal_emit_by_name (resolve, "clicked");
  evk_ui_iterate ();
  g_assert_cmpuint (evk_comment_button_get_count (button), ==, 0);
  g_assert_cmpuint (sidebar_count (f->window), ==, 0);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = stored_comments (path);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 0))->status, ==, "resolved");
  /* … and the popover offers to open it again. */
  g_assert_nonnull (find_button_labelled (GTK_WIDGET (evk_comment_button_get_popover (button)), "Re_open"));
  evk_comment_button_popdown (button);
}

/* Measures, goals and each narrative section have their buttons, on the
 * places the command line names. */
static void
test_buttons_on_places (Fixture       *f,
                        gconstpointer  data)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (f->window->workspace);
  EvkTerm *section = g_ptr_array_index (strategy->vocabs[EVK_VOCAB_SECTION], 0);
  g_autofree char *section_place = g_strdup_printf ("measure-section:20/%s", section->key);
  EvkMeasurePage *page = show_measure (f->window, 20);
  EvkCommentButton *button;

  g_assert_nonnull (evk_comment_button_find (GTK_WIDGET (page), "measure:20"));
  button = evk_comment_button_find (GTK_WIDGET (page), section_place);
  g_assert_nonnull (button);
  comment_through_popover (button, "Resultatene bør vise til figuren.");
  g_assert_cmpuint (evk_comment_button_get_count (button), ==, 1);

  evk_window_show_page (f->window, "goal:2");
  evk_ui_iterate ();
  button = evk_comment_button_find (_evk_window_get_page_widget (f->window), "goal:2");
  g_assert_nonnull (button);
  comment_through_popover (button, "Delmål 2 mangler en oppsummering.");
  g_assert_cmpuint (sidebar_count (f->window), ==, 2);

  /* The overview's cards show the strategy's saved charts. */
  evk_window_show_page (f->window, "overview");
  evk_ui_iterate ();
  g_assert_nonnull (evk_comment_button_find (_evk_window_get_page_widget (f->window), "chart:status"));
  button = evk_comment_button_find (_evk_window_get_page_widget (f->window), "chart:awareness-all");
  g_assert_nonnull (button);
  comment_through_popover (button, "Rangeringen er nyttig.");
  g_assert_cmpuint (sidebar_count (f->window), ==, 3);
}

/* The Comments page lists each comment with its place, filters and
 * searches them, leads to the place, and resolves. */
static void
test_comments_page (Fixture       *f,
                    gconstpointer  data)
{
  EvkProject *project = evk_window_get_project (f->window);
  EvkStore *store = evk_project_get_store (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *on_chart = NULL, *on_goal = NULL, *reply = NULL;
  EvkCommentsPage *page;
  g_autoptr(GPtrArray) rows = NULL;

  page = show_comments (f->window);
  g_assert_true (evk_comments_page_is_empty (page));

  /* Written elsewhere (as a merge does): the window reads them again. */
  on_chart = evk_comment_add (store, "chart:m20-awareness-7", NULL, "Kari Nordmann", "Hvorfor er N så lav?",
                              "N = 206", "copy:abc", NULL, NULL, &error);
  g_assert_no_error (error);
  on_goal = evk_comment_add (store, "goal:1", NULL, REVIEWER, "Bra oppsummert.", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = evk_comment_add (store, NULL, on_chart, REVIEWER, "Fordi bare de som kjenner ordningen svarte.",
                           NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (project, "changed", "comments");
  evk_ui_iterate ();

  g_assert_false (evk_comments_page_is_empty (page));
  g_assert_cmpuint (sidebar_count (f->window), ==, 2);
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  {
    /* Newest first; a reply goes with its comment. */
    g_autofree char *first = evk_comments_page_row_text (g_ptr_array_index (rows, 0));
    g_autofree char *second = evk_comments_page_row_text (g_ptr_array_index (rows, 1));

    g_assert_nonnull (strstr (first, "Bra oppsummert."));
    g_assert_nonnull (strstr (second, "Hvorfor er N så lav?"));
    g_assert_nonnull (strstr (second, "“N = 206”"));
    g_assert_nonnull (strstr (second, "Kari Nordmann"));
    g_assert_nonnull (strstr (second, "Fordi bare de som kjenner ordningen svarte."));
    g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, 1), "place"), ==, "chart:m20-awareness-7");
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Filters: a reviewer's own comments and replies, a kind of place, a
   * search in the replies too. */
  evk_comments_page_set_author (page, "Kari Nordmann");
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  evk_comments_page_set_author (page, REVIEWER);
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  evk_comments_page_set_author (page, NULL);
  evk_comments_page_set_kind (page, "goal");
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, 0), "place"), ==, "goal:1");
  g_clear_pointer (&rows, g_ptr_array_unref);
  evk_comments_page_set_kind (page, NULL);
  evk_comments_page_set_search (page, "ORDNINGEN");
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  evk_comments_page_set_search (page, "ingen slik tekst");
  g_assert_true (evk_comments_page_is_empty (page));
  evk_comments_page_set_search (page, "");

  /* Resolve from the list: gone from the open ones, saved, counted. */
  rows = evk_comments_page_get_rows (page);
  g_signal_emit_by_name (evk_comments_page_row_resolve_button (g_ptr_array_index (rows, 1)), "clicked");
  evk_ui_iterate ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpuint (sidebar_count (f->window), ==, 1);
  {
    g_autoptr(GPtrArray) comments = evk_comments_list (store, TRUE, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < comments->len; i++)
      {
        EvkComment *comment = g_ptr_array_index (comments, i);

        g_assert_true (comment->parent_uuid != NULL || g_str_equal (comment->uuid, on_goal));
      }
  }
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  evk_comments_page_set_status (page, EVK_COMMENTS_RESOLVED);
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, 0), "uuid"), ==, on_chart);

  /* Activating the row leads to the chart's card, its button in view. */
  g_signal_emit_by_name (gtk_widget_get_parent (g_ptr_array_index (rows, 0)), "row-activated",
                         g_ptr_array_index (rows, 0));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (f->window), ==, "measure:20");
  {
    EvkCommentButton *button = evk_comment_button_find (_evk_window_get_page_widget (f->window),
                                                        "chart:m20-awareness-7");
    gboolean never = FALSE;
    GtkWidget *focus;

    g_assert_nonnull (button);
    evk_ui_wait_for (&never, 500);
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (button)));
  }
}

/* A comment whose chart was removed stays, under the chart's last name
 * and "(removed)"; its place cannot be shown. */
static void
test_removed_place (Fixture       *f,
                    gconstpointer  data)
{
  EvkProject *project = evk_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  EvkCommentsPage *page;

  uuid = evk_comment_add (evk_project_get_store (project), "chart:m20-outcome-7", NULL, REVIEWER,
                          "Skalaen mangler.", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evk_project_remove_chart (project, "m20-outcome-7", &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (project, "changed", "comments");
  page = show_comments (f->window);
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  text = evk_comments_page_row_text (g_ptr_array_index (rows, 0));
  g_assert_nonnull (strstr (text, "(removed)"));
  g_assert_nonnull (strstr (text, "Resultater av Kommunens tilskuddsordning"));
  g_signal_emit_by_name (gtk_widget_get_parent (g_ptr_array_index (rows, 0)), "row-activated",
                         g_ptr_array_index (rows, 0));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (f->window), ==, "comments");
}

/* Makes a review copy of the window's project from the window, as "Make
 * Review Copy…" does after its dialogs; returns its path. */
static char *
make_review_copy (EvkWindow  *window,
                  const char *dir,
                  const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  gboolean never = FALSE;

  _evk_window_start_review_copy (window, path, REVIEWER);
  g_assert_true (window->review_busy);
  for (guint i = 0; i < 3000 && window->review_busy; i++)
    evk_ui_wait_for (&never, 20);
  g_assert_false (window->review_busy);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static EvkWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EvkWindow *window = evk_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  return window;
}

static void
close_window (EvkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
}

static void
drop_group_tables (const char *path,
                   const char *group)
{
  g_autoptr(GError) error = NULL;
  EvkStore *store = evk_store_open (path, EVK_STORE_OPEN_DEFAULT, &error);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM review_table WHERE spec LIKE '%% group=%s%%'", group);

  g_assert_no_error (error);
  g_assert_true (evk_store_exec (store, sql, &error));
  g_assert_no_error (error);
  evk_store_free (store);
}

/* Merges the copies into the window's project, as "Merge Review
 * Copies…" does after its file chooser. */
static void
merge_copies (EvkWindow          *window,
              const char * const *paths)
{
  gboolean never = FALSE;

  _evk_window_start_merge (window, paths);
  g_assert_true (window->review_busy);
  for (guint i = 0; i < 3000 && window->review_busy; i++)
    evk_ui_wait_for (&never, 20);
  g_assert_false (window->review_busy);
  evk_ui_iterate ();
}

/* The example evaluation built from its files as its README does, in a
 * folder of its own. */
static char *
create_example (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = evk_get_demo_dir ();
  g_autofree char *example = g_build_filename (demo, "..", "examples", "digitalt-for-alle", NULL);
  g_autofree char *strategy = g_build_filename (example, "strategy.ini", NULL);
  g_autofree char *csv = g_build_filename (example, "survey.csv", NULL);
  g_autofree char *codebook = g_build_filename (example, "codebook.csv", NULL);
  g_autofree char *meta = g_build_filename (example, "survey-meta.ini", NULL);
  g_autofree char *documents = g_build_filename (example, "documents.csv", NULL);
  char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(EvkSurvey) survey = NULL;
  g_autoptr(EvkSurveyChanges) changes = NULL;
  g_auto(GStrv) langs = NULL;

  project = evk_project_create_from_strategy (path, strategy, &error);
  g_assert_no_error (error);
  langs = evk_project_get_languages (project, &error);
  g_assert_no_error (error);
  survey = evk_import_csv (csv, codebook, "survey", langs[0], NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evk_survey_apply_meta (survey, meta, langs[0], &error));
  g_assert_true (evk_project_prepare_survey (project, survey, NULL, &changes, &error));
  g_assert_true (evk_project_save_survey (project, survey, &error));
  g_assert_true (evk_documents_import (project, documents, &error));
  g_assert_no_error (error);
  return path;
}

/* The windows open besides the main windows: dialogs. */
static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static guint
n_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      n += !EVK_IS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window));
    }
  return n;
}

/* A review copy in the window: the banner, nothing to edit but comments,
 * data pages that say where the data is, and group switches with the
 * groups the copy has tables of. */
static void
check_review_copy_window (EvkWindow  *copy,
                          guint       measure,
                          const char *chart_key,
                          const char *dropped_group)
{
  EvkStrategy *strategy = evk_workspace_get_strategy (copy->workspace);
  EvkTerm *section = g_ptr_array_index (strategy->vocabs[EVK_VOCAB_SECTION], 0);
  EvkMeasurePage *page;
  EvkChartCard *card;
  GtkTextView *view;
  EvkMeasure *before;
  GPtrArray *statuses = strategy->vocabs[EVK_VOCAB_STATUS];
  const char *other_status = NULL;

  g_assert_true (gtk_revealer_get_reveal_child (copy->review_banner));
  g_assert_nonnull (strstr (gtk_label_get_text (copy->review_banner_label), REVIEWER));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (copy->import_button)));
  /* The actions that edit do nothing: a status stays, no dialog opens. */
  before = evk_strategy_find_measure (strategy, measure);
  for (guint i = 0; i < statuses->len; i++)
    if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, i))->key, before->status) != 0)
      other_status = ((EvkTerm *) g_ptr_array_index (statuses, i))->key;
  g_assert_nonnull (other_status);
  gtk_widget_activate_action (GTK_WIDGET (copy), "project.set-status", "(us)", measure, other_status);
  gtk_widget_activate_action (GTK_WIDGET (copy), "project.make-review-copy", NULL);
  gtk_widget_activate_action (GTK_WIDGET (copy), "project.import", "s", "survey");
  evk_ui_iterate ();
  {
    g_autoptr(EvkStrategy) stored = evk_ui_strategy_of (copy);

    g_assert_cmpstr (evk_strategy_find_measure (stored, measure)->status, ==, before->status);
  }
  g_assert_cmpuint (n_dialogs (), ==, 0);
  g_assert_null (_evk_window_find_row (copy, "strategy"));
  g_assert_nonnull (_evk_window_find_row (copy, "comments"));

  page = show_measure (copy, measure);
  view = evk_narrative_editor_get_text_view (evk_measure_page_get_narrative (page), section->key,
                                             strategy->languages[0]);
  g_assert_nonnull (view);
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (evk_measure_page_get_status_row (page))));

  card = find_card (page, chart_key);
  g_assert_cmpstr (evk_chart_card_get_view (card), ==, "chart");
  gtk_widget_activate_action (GTK_WIDGET (card), "chart.edit-text", NULL);
  gtk_widget_activate_action (GTK_WIDGET (card), "chart.in-report", NULL);
  evk_ui_iterate ();
  g_assert_cmpuint (n_dialogs (), ==, 0);
  g_assert_true (evk_chart_card_get_in_report (card));
  /* "All" and every group but the one whose tables the copy lost. */
  g_assert_cmpuint (card->group_keys->len, ==, strategy->groups->len);
  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (strategy->groups, i);
      gboolean offered = g_ptr_array_find_with_equal_func (card->group_keys, group->key, g_str_equal, NULL);

      g_assert_true (offered == !g_str_equal (group->key, dropped_group));
    }

  /* The report's outline is read and commented on: on a part, on a
   * figure; its titles are not edited, no chapter is added. */
  evk_window_show_page (copy, "report");
  evk_ui_iterate ();
  {
    EvkReportPage *report = EVK_REPORT_PAGE (_evk_window_get_page_widget (copy));
    g_autoptr(EvkOutline) outline = evk_report_outline_load (evk_window_get_project (copy), NULL);
    EvkOutlinePart *part = g_ptr_array_index (outline->parts, 0);
    g_autofree char *part_place = g_strdup_printf ("part:%s", part->key);

    g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (evk_report_page_get_title_row (report, "Title",
                                                                                           strategy->languages[0]))));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (evk_report_page_get_new_chapter_row (report))));
    g_assert_nonnull (evk_comment_button_find (GTK_WIDGET (evk_report_page_get_part_row (report, part->key)),
                                               part_place));
    if (outline->figures->len > 0)
      {
        EvkOutlineFigure *figure = g_ptr_array_index (outline->figures, 0);
        g_autofree char *figure_place = g_strdup_printf ("figure:%s", figure->key);
        AdwComboRow *row = evk_report_page_get_figure_row (report, figure->key);
        EvkCommentButton *button = evk_comment_button_find (GTK_WIDGET (row), figure_place);

        g_assert_nonnull (button);
        g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
        g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      }
  }

  evk_window_show_page (copy, "variables");
  evk_ui_iterate ();
  g_assert_true (ADW_IS_STATUS_PAGE (_evk_window_get_page_widget (copy)));
  evk_window_show_page (copy, "strategy");
  evk_ui_iterate ();
  g_assert_true (ADW_IS_STATUS_PAGE (_evk_window_get_page_widget (copy)));
}

/* Home again: the copy merged in the window, its comment on the
 * Comments page, resolved there and so in the file; a second merge adds
 * nothing and undoes no resolution; a file that is no review copy is
 * refused in a dialog that names it, the project unchanged. */
static void
merge_and_resolve (EvkWindow  *home,
                   const char *copy_path,
                   const char *place,
                   const char *body)
{
  const char *home_path = evk_project_get_path (evk_window_get_project (home));
  const char *paths[] = { copy_path, NULL };
  const char *wrong[] = { home_path, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *text = NULL;
  EvkCommentsPage *page;
  GtkWidget *dialog;

  page = show_comments (home);
  g_assert_true (evk_comments_page_is_empty (page));
  merge_copies (home, paths);
  g_assert_cmpuint (sidebar_count (home), ==, 1);
  rows = evk_comments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  text = evk_comments_page_row_text (g_ptr_array_index (rows, 0));
  g_assert_nonnull (strstr (text, body));
  g_assert_nonnull (strstr (text, REVIEWER));
  g_assert_nonnull (strstr (text, "from a review copy"));
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, 0), "place"), ==, place);

  g_signal_emit_by_name (evk_comments_page_row_resolve_button (g_ptr_array_index (rows, 0)), "clicked");
  evk_ui_iterate ();
  g_assert_cmpuint (sidebar_count (home), ==, 0);
  comments = stored_comments (home_path);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 0))->status, ==, "resolved");
  g_assert_true (g_str_has_prefix (((EvkComment *) g_ptr_array_index (comments, 0))->origin, "copy:"));
  g_clear_pointer (&comments, g_ptr_array_unref);

  merge_copies (home, paths);
  comments = stored_comments (home_path);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 0))->status, ==, "resolved");
  g_clear_pointer (&comments, g_ptr_array_unref);
  g_assert_cmpuint (sidebar_count (home), ==, 0);

  g_assert_null (find_dialog ());
  merge_copies (home, wrong);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  {
    g_autofree char *name = g_path_get_basename (home_path);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), name));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  evk_ui_iterate ();
  comments = stored_comments (home_path);
  g_assert_cmpuint (comments->len, ==, 1);
}

/* The reference group's loop on the demo: a review copy made in the
 * window, opened, commented on through a chart's button. */
static void
test_review_copy (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *copy_path = make_review_copy (f->window, f->dir, "review.evalkit");
  g_autoptr(GPtrArray) comments = NULL;
  EvkWindow *copy;
  EvkCommentButton *button;
  EvkGroup *last = g_ptr_array_index (evk_workspace_get_strategy (f->window->workspace)->groups,
                                      evk_workspace_get_strategy (f->window->workspace)->groups->len - 1);
  g_autofree char *dropped = g_strdup (last->key);

  drop_group_tables (copy_path, dropped);
  copy = open_window (copy_path);
  check_review_copy_window (copy, 20, "m20-awareness-7", dropped);

  button = EVK_COMMENT_BUTTON (evk_chart_card_get_comment_button (find_card (show_measure (copy, 20),
                                                                             "m20-awareness-7")));
  comment_through_popover (button, "Hvorfor står «vet ikke» med i basen?");
  g_assert_cmpuint (evk_comment_button_get_count (button), ==, 1);
  close_window (copy);

  comments = stored_comments (copy_path);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 0))->author, ==, REVIEWER);
  g_assert_cmpstr (((EvkComment *) g_ptr_array_index (comments, 0))->place, ==, "chart:m20-awareness-7");

  merge_and_resolve (f->window, copy_path, "chart:m20-awareness-7", "Hvorfor står «vet ikke» med i basen?");
}

/* The same loop on the example evaluation, whose measures, charts and
 * groups are others. */
static void
test_review_copy_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = create_example (dir);
  g_autofree char *copy_path = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  EvkSavedChart *chart = NULL;
  EvkWindow *home = open_window (path);
  EvkWindow *copy;
  EvkCommentButton *button;
  g_autofree char *place = NULL;
  EvkStrategy *strategy = evk_workspace_get_strategy (home->workspace);
  EvkGroup *last = g_ptr_array_index (strategy->groups, strategy->groups->len - 1);
  g_autofree char *dropped = g_strdup (last->key);

  charts = evk_project_list_charts (evk_window_get_project (home), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < charts->len && chart == NULL; i++)
    if (((EvkSavedChart *) g_ptr_array_index (charts, i))->measure > 0 &&
        ((EvkSavedChart *) g_ptr_array_index (charts, i))->kind == EVK_CHART_AWARENESS)
      chart = g_ptr_array_index (charts, i);
  g_assert_nonnull (chart);
  place = g_strdup_printf ("chart:%s", chart->key);

  copy_path = make_review_copy (home, dir, "gjennomlesing.evalkit");
  drop_group_tables (copy_path, dropped);
  copy = open_window (copy_path);
  check_review_copy_window (copy, chart->measure, chart->key, dropped);
  button = EVK_COMMENT_BUTTON (evk_chart_card_get_comment_button (find_card (show_measure (copy, chart->measure),
                                                                             chart->key)));
  comment_through_popover (button, "Tallene for små kommuner mangler – er de skjult?");
  close_window (copy);

  merge_and_resolve (home, copy_path, place, "Tallene for små kommuner mangler – er de skjult?");
  close_window (home);
  evk_test_rm_rf (dir);
}

/* The count on measure 20's first chart, as its card shows it now (the
 * page is built again when the project changed elsewhere). */
static guint
chart_count (EvkWindow *window)
{
  EvkChartCard *card = find_card (show_measure (window, 20), "m20-awareness-7");

  return evk_comment_button_get_count (EVK_COMMENT_BUTTON (evk_chart_card_get_comment_button (card)));
}

/* A draft of the demo, annotated in a PDF viewer: a sticky note on a
 * chart comes in through "Import Comments from PDF…" on that chart, once;
 * a PDF that is no draft is refused in a dialog that names it. */
static void
test_pdf_comments (Fixture       *f,
                   gconstpointer  data)
{
  EvkProject *project = evk_window_get_project (f->window);
  g_autofree char *draft = g_build_filename (f->dir, "draft.pdf", NULL);
  g_autofree char *annotated = g_build_filename (f->dir, "annotated.pdf", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.pdf", NULL);
  g_autofree char *draft_uri = g_filename_to_uri (draft, NULL, NULL);
  g_autofree char *annotated_uri = g_filename_to_uri (annotated, NULL, NULL);
  g_autofree char *permanent = NULL, *doc_id = NULL, *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkDraftMap) map = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PopplerDocument *doc;
  PopplerPage *page;
  PopplerAnnot *annot;
  PopplerRectangle rect;
  const EvkDraftAnchor *anchor;
  EvkReportOptions options;
  double width, height;

  evk_report_options_init (&options);
  options.draft = TRUE;
  g_assert_true (evk_report_render_pdf_full (project, "nb", draft, &options, &error));
  g_assert_no_error (error);

  doc = poppler_document_new_from_file (draft_uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (poppler_document_get_id (doc, &permanent, NULL));
  doc_id = evk_draft_doc_id_from_hex (permanent, 32);
  map = evk_draft_map_load (evk_project_get_store (project), doc_id, &error);
  g_assert_no_error (error);
  anchor = evk_draft_map_first (map, "chart:m20-awareness-7");
  g_assert_nonnull (anchor);
  page = poppler_document_get_page (doc, (int) anchor->page - 1);
  poppler_page_get_size (page, &width, &height);
  rect.x1 = anchor->x0 + 10;
  rect.x2 = rect.x1 + 20;
  rect.y2 = height - (anchor->y0 + 10);
  rect.y1 = rect.y2 - 20;
  annot = poppler_annot_text_new (doc, &rect);
  poppler_annot_set_contents (annot, "Fargene er vanskelige å skille på gråtoneutskrift.");
  poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (annot), "Øystein Ås");
  poppler_page_add_annot (page, annot);
  g_assert_true (poppler_document_save (doc, annotated_uri, &error));
  g_assert_no_error (error);
  g_object_unref (annot);
  g_object_unref (page);
  g_object_unref (doc);

  g_assert_cmpuint (chart_count (f->window), ==, 0);
  for (guint round = 0; round < 2; round++)
    {
      gboolean never = FALSE;

      _evk_window_start_pdf_import (f->window, annotated);
      for (guint i = 0; i < 3000 && f->window->review_busy; i++)
        evk_ui_wait_for (&never, 20);
      g_assert_false (f->window->review_busy);
      evk_ui_iterate ();
      g_assert_null (find_dialog ());
      /* Once, however often the file comes in. */
      g_assert_cmpuint (chart_count (f->window), ==, 1);
    }
  rows = evk_comments_page_get_rows (show_comments (f->window));
  g_assert_cmpuint (rows->len, ==, 1);
  text = evk_comments_page_row_text (g_ptr_array_index (rows, 0));
  g_assert_nonnull (strstr (text, "Fargene er vanskelige å skille på gråtoneutskrift."));
  g_assert_nonnull (strstr (text, "Øystein Ås"));
  g_assert_nonnull (strstr (text, "from a draft PDF"));

  /* A PDF of something else. */
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (other, 595, 842);
    cairo_t *cr = cairo_create (surface);
    gboolean never = FALSE;
    GtkWidget *dialog;

    cairo_show_page (cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    _evk_window_start_pdf_import (f->window, other);
    for (guint i = 0; i < 3000 && f->window->review_busy; i++)
      evk_ui_wait_for (&never, 20);
    evk_ui_iterate ();
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "other.pdf"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    evk_ui_iterate ();
  }
  g_assert_cmpuint (chart_count (f->window), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/review-ui/chart-comment", Fixture, NULL, evk_ui_fixture_set_up, test_chart_comment,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/review-ui/buttons-on-places", Fixture, NULL, evk_ui_fixture_set_up, test_buttons_on_places,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/review-ui/comments-page", Fixture, NULL, evk_ui_fixture_set_up, test_comments_page,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/review-ui/removed-place", Fixture, NULL, evk_ui_fixture_set_up, test_removed_place,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/review-ui/review-copy", Fixture, NULL, evk_ui_fixture_set_up, test_review_copy,
              evk_ui_fixture_tear_down);
  g_test_add_func ("/evk/review-ui/review-copy-example", test_review_copy_example);
  g_test_add ("/evk/review-ui/pdf-comments", Fixture, NULL, evk_ui_fixture_set_up, test_pdf_comments,
              evk_ui_fixture_tear_down);
  return g_test_run ();
}
