/* test-translations-page.c: the Translations page shows, filters and edits every string
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evk-po.h"
#include "evk-problems-page.h"
#include "evk-report-texts.h"
#include "evk-test-util.h"
#include "evk-translations-page.h"
#include "evk-test-example.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

/* The second evaluation, complete as shipped, in a folder of its own. */
static char *
create_example (const char *dir)
{
  char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) project = evk_test_make_example (path, TRUE, TRUE);

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

/* Through the sidebar's row, as a user clicks it. */
static EvkTranslationsPage *
open_page (EvkWindow *window)
{
  GtkListBoxRow *row = _evk_window_find_row (window, "translations");

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, "translations");
  return EVK_TRANSLATIONS_PAGE (_evk_window_get_page_widget (window));
}

static void
assert_counts (EvkTranslationsPage *page,
               EvkProject          *project)
{
  g_autoptr(GError) error = NULL;
  EvkTranslationCounts core, shown;

  g_assert_true (evk_translatables_count (project, evk_translations_page_get_language (page), &core, &error));
  g_assert_no_error (error);
  evk_translations_page_get_counts (page, &shown);
  g_assert_cmpuint (shown.done, ==, core.done);
  g_assert_cmpuint (shown.outdated, ==, core.outdated);
  g_assert_cmpuint (shown.missing, ==, core.missing);
}

/* The stored string at key. */
static EvkTranslatable *
stored (EvkProject *project,
        const char *lang,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = evk_translatables_list (project, lang, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);

      if (g_str_equal (unit->key, key))
        return g_steal_pointer (&g_ptr_array_index (units, i));
    }
  g_assert_not_reached ();
}

/* The first string shown in state but the one at skip. */
static char *
first_key_in (EvkTranslationsPage *page,
              EvkTextState         state,
              const char          *skip)
{
  GListModel *model = evk_translations_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EvkTranslationItem) item = g_list_model_get_item (model, i);

      if (evk_translation_item_get (item)->state == state &&
          g_strcmp0 (evk_translation_item_get (item)->key, skip) != 0)
        return g_strdup (evk_translation_item_get (item)->key);
    }
  return NULL;
}

/* The action a key runs on the page before its children see the key
 * (as the text view would take Return); NULL when none. */
static const char *
key_action (GtkWidget  *widget,
            const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, accelerator) && GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* Types text as the translation of the selected string and saves with
 * Ctrl+Return's action. */
static void
type_translation (EvkTranslationsPage *page,
                  const char          *text)
{
  GtkTextView *view = evk_translations_page_get_text_view (page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_widget_grab_focus (GTK_WIDGET (view));

  /* As a user selects all and types over it. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), key_action (GTK_WIDGET (page), "<Control>Return"), NULL));
  evk_ui_iterate ();
}

static void
check_page (EvkWindow *window)
{
  EvkProject *project = evk_window_get_project (window);
  EvkTranslationsPage *page = open_page (window);
  GListModel *model = evk_translations_page_get_model (page);
  g_autofree char *done_key = NULL, *cleared_key = NULL;
  g_autoptr(EvkTranslatable) unit = NULL;
  EvkTranslationCounts before, after;
  const EvkTranslatable *selected;
  guint n_missing;

  g_assert_cmpstr (evk_translations_page_get_language (page), ==, "en");
  assert_counts (page, project);
  evk_translations_page_get_counts (page, &before);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before.done + before.outdated + before.missing);
  g_assert_cmpuint (before.done, >, 100);

  /* A translation typed in and saved is stored and current. */
  done_key = first_key_in (page, EVK_TEXT_CURRENT, NULL);
  g_assert_nonnull (done_key);
  g_assert_true (evk_translations_page_select_key (page, done_key));
  type_translation (page, "A translation\n\nwith **two** paragraphs");
  unit = stored (project, "en", done_key);
  g_assert_cmpstr (unit->translation, ==, "A translation\n\nwith **two** paragraphs");
  g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);
  g_clear_pointer (&unit, evk_translatable_free);
  assert_counts (page, project);
  g_assert_cmpstr (evk_translations_page_get_selected (page)->key, ==, done_key);

  /* Emptied, it is missing: the counts follow. */
  cleared_key = first_key_in (page, EVK_TEXT_CURRENT, done_key);
  g_assert_true (evk_translations_page_select_key (page, cleared_key));
  type_translation (page, "");
  evk_translations_page_get_counts (page, &after);
  g_assert_cmpuint (after.missing, ==, before.missing + 1);
  g_assert_cmpuint (after.done, ==, before.done - 1);
  assert_counts (page, project);

  /* The missing filter shows only, and every, missing string. */
  evk_translations_page_set_show (page, EVK_TRANSLATIONS_SHOW_MISSING);
  evk_ui_iterate ();
  n_missing = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_missing, ==, after.missing);
  for (guint i = 0; i < n_missing; i++)
    {
      g_autoptr(EvkTranslationItem) item = g_list_model_get_item (model, i);
      g_assert_cmpint (evk_translation_item_get (item)->state, ==, EVK_TEXT_MISSING);
    }
  evk_translations_page_set_show (page, EVK_TRANSLATIONS_SHOW_ALL);
  evk_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, after.done + after.outdated + after.missing);

  /* Ctrl+J's action goes from a done string to the next missing or outdated one. */
  g_assert_true (evk_translations_page_select_key (page, done_key));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), key_action (GTK_WIDGET (page), "<Control>j"), NULL));
  evk_ui_iterate ();
  selected = evk_translations_page_get_selected (page);
  g_assert_nonnull (selected);
  g_assert_cmpint (selected->state, !=, EVK_TEXT_CURRENT);
  g_assert_cmpstr (selected->key, !=, done_key);

  /* Search matches the source, the translation or the place. */
  gtk_editable_set_text (evk_translations_page_get_search_entry (page), "A translation");
  for (guint i = 0; i < 100 && g_list_model_get_n_items (model) != 1; i++)
    evk_ui_run_for (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_editable_set_text (evk_translations_page_get_search_entry (page), "");
  for (guint i = 0; i < 100 && g_list_model_get_n_items (model) == 1; i++)
    evk_ui_run_for (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 1);
}

/* An edited source makes its translation outdated: the page shows what
 * changed, and Still Valid makes it current with its text as it was. */
static void
check_outdated (EvkWindow *window)
{
  EvkProject *project = evk_window_get_project (window);
  EvkTranslationsPage *page = open_page (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTranslatable) unit = NULL;
  g_autofree char *old = NULL, *old_fp = NULL, *edited = NULL, *translation = NULL;
  GtkLabel *diff;

  g_assert_true (evk_project_get_measure_text (project, 2, "title", "nb", &old, &old_fp, &error));
  g_assert_no_error (error);
  unit = stored (project, "en", "measure/2/title");
  g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);
  translation = g_strdup (unit->translation);
  g_clear_pointer (&unit, evk_translatable_free);
  edited = g_strconcat ("Endret ", old, NULL);
  g_assert_true (evk_project_set_measure_text (project, 2, "title", "nb", edited, NULL, &error));
  g_assert_no_error (error);
  evk_ui_iterate ();
  assert_counts (page, project);

  g_assert_true (evk_translations_page_select_key (page, "measure/2/title"));
  evk_ui_iterate ();
  g_assert_cmpint (evk_translations_page_get_selected (page)->state, ==, EVK_TEXT_OUTDATED);
  diff = evk_translations_page_get_diff_label (page);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (diff))));
  g_assert_nonnull (strstr (gtk_label_get_label (diff), "underline=\"single\""));
  g_assert_nonnull (strstr (gtk_label_get_text (diff), "Endret"));
  g_assert_true (gtk_widget_get_visible (evk_translations_page_get_still_valid_button (page)));

  g_signal_emit_by_name (evk_translations_page_get_still_valid_button (page), "clicked");
  evk_ui_iterate ();
  unit = stored (project, "en", "measure/2/title");
  g_assert_cmpint (unit->state, ==, EVK_TEXT_CURRENT);
  g_assert_cmpstr (unit->translation, ==, translation);
  g_assert_cmpint (evk_translations_page_get_selected (page)->state, ==, EVK_TEXT_CURRENT);
  g_assert_false (gtk_widget_get_visible (evk_translations_page_get_still_valid_button (page)));
  assert_counts (page, project);
}

/* A missing translation on the Problems page leads to its string. */
static void
check_problem_jump (EvkWindow *window)
{
  EvkProject *project = evk_window_get_project (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTranslatable) unit = stored (project, "en", "measure/2/title");
  EvkTranslationsPage *page;

  g_assert_true (evk_translatable_set (project, "en", "measure/2/title", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-translation", "(ss)",
                                             "en", unit->place));
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (window), ==, "translations:en");
  page = EVK_TRANSLATIONS_PAGE (_evk_window_get_page_widget (window));
  g_assert_cmpstr (evk_translations_page_get_selected (page)->key, ==, "measure/2/title");
  g_assert_true (gtk_list_box_row_is_selected (_evk_window_find_row (window, "translations")));
}

/* Import PO says what it changed. */
static void
check_import (EvkWindow  *window,
              const char *dir)
{
  EvkProject *project = evk_window_get_project (window);
  EvkTranslationsPage *page = open_page (window);
  g_autofree char *po = g_build_filename (dir, "en.po", NULL);
  g_autofree char *contents = NULL, *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(EvkTranslatable) unit = stored (project, "en", "measure/2/title");
  EvkTranslationCounts before, after;

  evk_translations_page_get_counts (page, &before);
  g_assert_true (evk_po_export (project, "en", po, &error));
  g_assert_no_error (error);
  message = evk_translations_page_import_po (page, po, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (message, ==, "0 updated");
  g_clear_pointer (&message, g_free);

  /* One translation changed and one context unknown. */
  g_assert_true (g_file_get_contents (po, &contents, NULL, &error));
  edited = g_string_new (contents);
  g_string_append (edited, "\nmsgctxt \"measure/999/title\"\nmsgid \"Borte\"\nmsgstr \"Gone\"\n");
  {
    const char *entry = strstr (edited->str, "msgctxt \"measure/2/title\"");
    const char *msgstr = entry != NULL ? strstr (entry, "\nmsgstr \"") : NULL;

    g_assert_nonnull (msgstr);
    g_string_insert (edited, msgstr - edited->str + strlen ("\nmsgstr \""), "Imported ");
  }
  g_assert_true (g_file_set_contents (po, edited->str, -1, &error));
  message = evk_translations_page_import_po (page, po, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (message, ==, "1 updated, 1 unknown context ignored");
  g_clear_pointer (&unit, evk_translatable_free);
  unit = stored (project, "en", "measure/2/title");
  g_assert_true (g_str_has_prefix (unit->translation, "Imported "));
  evk_ui_iterate ();
  evk_translations_page_get_counts (page, &after);
  g_assert_cmpuint (after.done + after.outdated + after.missing, ==, before.done + before.outdated + before.missing);
  assert_counts (page, project);
}

static void
test_demo (EvkUiFixture  *f,
           gconstpointer  data)
{
  check_page (f->window);
  check_outdated (f->window);
  check_import (f->window, f->dir);
  check_problem_jump (f->window);
}

static void
test_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = create_example (dir);
  EvkWindow *window = open_window (path);

  check_page (window);
  check_outdated (window);
  check_import (window, dir);
  check_problem_jump (window);
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
}

/* The dialog's window among the toplevels. */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Add Language… asks a tag, takes only a valid one, and the page then
 * shows the new language with every string missing. */
static void
test_add_language (EvkUiFixture  *f,
                   gconstpointer  data)
{
  EvkProject *project = evk_window_get_project (f->window);
  EvkTranslationsPage *page = open_page (f->window);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) langs = NULL;
  EvkTranslationCounts counts;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "translations.add-language", NULL));
  evk_ui_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (entry, "not a tag!");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  gtk_editable_set_text (entry, "nn");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  adw_message_dialog_response (dialog, "add");
  evk_ui_iterate ();

  langs = evk_project_get_languages (project, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) langs, "nn"));
  g_assert_cmpstr (evk_translations_page_get_language (page), ==, "nn");
  evk_translations_page_get_counts (page, &counts);
  g_assert_cmpuint (counts.missing, >, 100);
  assert_counts (page, project);
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/translations-page/demo", EvkUiFixture, NULL, evk_ui_fixture_set_up, test_demo,
              evk_ui_fixture_tear_down);
  g_test_add_func ("/evk/translations-page/example", test_example);
  g_test_add ("/evk/translations-page/add-language", EvkUiFixture, NULL, evk_ui_fixture_set_up,
              test_add_language, evk_ui_fixture_tear_down);
  return g_test_run ();
}
