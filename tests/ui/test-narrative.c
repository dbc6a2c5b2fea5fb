/* test-narrative.c: a measure's narrative on its page: editing, saving, outdated, preview, undo
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "evk-measure-page.h"
#include "evk-narrative-editor.h"
#include "evk-narrative.h"
#include "evk-resources.h"
#include "evk-store-texts.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

typedef EvkUiFixture Fixture;

static EvkNarrativeEditor *
show_measure (Fixture *f,
              guint    number)
{
  g_autofree char *name = g_strdup_printf ("measure:%u", number);
  EvkMeasurePage *page;

  evk_window_show_page (f->window, name);
  evk_ui_iterate ();
  page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_cmpuint (evk_measure_page_get_number (page), ==, number);
  return evk_measure_page_get_narrative (page);
}

/* The text in the store, as the report reads it. */
static char *
stored_text (Fixture    *f,
             const char *field,
             const char *lang)
{
  EvkStore *store = evk_project_get_store (evk_window_get_project (f->window));
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkTextIndex) index = NULL;
  g_autoptr(GHashTable) localized = NULL;
  gint64 id = evk_strategy_measure_id (store, 20, &error);

  g_assert_no_error (error);
  index = evk_text_index_load (store, EVK_NARRATIVE_ENTITY_MEASURE, &error);
  g_assert_no_error (error);
  localized = evk_text_index_get (index, id, field);
  return g_strdup (g_hash_table_lookup (localized, lang));
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_edit_and_save (Fixture       *f,
                    gconstpointer  data)
{
  EvkNarrativeEditor *editor = show_measure (f, 20);
  GtkTextView *en, *nb;
  GtkLabel *state;
  g_autofree char *nb_before = NULL, *en_text = NULL, *nb_text = NULL, *saved = NULL;
  const char *edited = "The grant is *meant* to reach more organisations.";

  g_assert_nonnull (editor);
  /* Six sections, each in nb and en; the source text is loaded. */
  nb = evk_narrative_editor_get_text_view (editor, "purpose", "nb");
  en = evk_narrative_editor_get_text_view (editor, "purpose", "en");
  g_assert_nonnull (nb);
  g_assert_nonnull (en);
  g_assert_nonnull (evk_narrative_editor_get_text_view (editor, "relevance", "en"));
  nb_before = buffer_text (nb);
  g_assert_true (g_str_has_prefix (nb_before, "Tilskuddet til integreringsarbeid"));
  state = evk_narrative_editor_get_state_label (editor, "purpose", "en");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));

  /* Typing in English is saved shortly after the typing stops. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (en), edited, -1);
  saved = stored_text (f, "section:purpose", "en");
  g_assert_cmpstr (saved, !=, edited);
  evk_ui_run_for (800);
  g_clear_pointer (&saved, g_free);
  en_text = stored_text (f, "section:purpose", "en");
  g_assert_cmpstr (en_text, ==, edited);
  nb_text = stored_text (f, "section:purpose", "nb");
  g_assert_cmpstr (nb_text, ==, nb_before);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));

  /* A change to the Norwegian source leaves the translation outdated. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (nb), "Tilskuddet skal nå *flere* organisasjoner.", -1);
  evk_ui_run_for (800);
  g_clear_pointer (&nb_text, g_free);
  nb_text = stored_text (f, "section:purpose", "nb");
  g_assert_cmpstr (nb_text, ==, "Tilskuddet skal nå *flere* organisasjoner.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state)));
  g_assert_cmpstr (gtk_label_get_text (state), ==, "Outdated");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state), "warning"));
  g_assert_cmpint (evk_store_get_text_state (evk_project_get_store (evk_window_get_project (f->window)),
                                             EVK_NARRATIVE_ENTITY_MEASURE,
                                             evk_strategy_measure_id (evk_project_get_store (evk_window_get_project (f->window)), 20, NULL),
                                             "section:purpose", "en", NULL), ==, EVK_TEXT_OUTDATED);
  /* The source column has no state of its own. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (evk_narrative_editor_get_state_label (editor, "purpose", "nb"))));
}

static void
test_save_on_leave (Fixture       *f,
                    gconstpointer  data)
{
  EvkNarrativeEditor *editor = show_measure (f, 20);
  GtkTextView *en = evk_narrative_editor_get_text_view (editor, "results", "en");
  g_autofree char *saved = NULL;

  /* Going to another page before the timer fires still saves. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (en), "Written just before leaving.", -1);
  evk_window_show_page (f->window, "overview");
  evk_ui_iterate ();
  saved = stored_text (f, "section:results", "en");
  g_assert_cmpstr (saved, ==, "Written just before leaving.");
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  EvkNarrativeEditor *editor = show_measure (f, 20);
  GtkTextView *en = evk_narrative_editor_get_text_view (editor, "purpose", "en");
  GtkTextView *nb = evk_narrative_editor_get_text_view (editor, "purpose", "nb");
  g_autofree char *en_markup = NULL, *nb_markup = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (en),
                            "Some *word* and **more**: {{share.1: awareness 7 | - | known-used}} used it.\n\n"
                            "- first\n- second\n\n"
                            "> A quote. (municipal employee)\n\n"
                            "Broken {{share: awareness 99 | - | known-used}} here, <&> escaped.", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (nb),
                            "Et *ord*: {{share.1: awareness 7 | - | known-used}} brukte det.", -1);

  evk_narrative_editor_set_preview (editor, TRUE);
  evk_ui_iterate ();
  g_assert_true (gtk_toggle_button_get_active (evk_narrative_editor_get_preview_button (editor)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (en)));

  en_markup = evk_narrative_editor_get_preview_markup (editor, "purpose", "en");
  g_test_message ("%s", en_markup);
  /* Emphasis as markup, the figure in English, the list, the escaping. */
  g_assert_nonnull (strstr (en_markup, "<span style=\"italic\">word</span>"));
  g_assert_nonnull (strstr (en_markup, "<span weight=\"700\">more</span>"));
  g_assert_nonnull (strstr (en_markup, "8.4%"));
  g_assert_nonnull (strstr (en_markup, "•\u2002first"));
  g_assert_nonnull (strstr (en_markup, "A quote."));
  g_assert_nonnull (strstr (en_markup, "&lt;&amp;&gt; escaped"));
  /* A reference that does not resolve is shown in red, not as an error. */
  g_assert_nonnull (strstr (en_markup, "foreground=\"#c8102e\">{{share: awareness 99 | - | known-used}}</span>"));

  /* The same figure in the Norwegian column, formatted for nb. */
  nb_markup = evk_narrative_editor_get_preview_markup (editor, "purpose", "nb");
  g_assert_nonnull (strstr (nb_markup, "<span style=\"italic\">ord</span>"));
  g_assert_nonnull (strstr (nb_markup, "8,4\u202f%"));

  /* And back to the editors. */
  evk_narrative_editor_set_preview (editor, FALSE);
  evk_ui_iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (en)));
}

static EvkTextState
text_state (Fixture    *f,
            const char *field,
            const char *lang)
{
  EvkStore *store = evk_project_get_store (evk_window_get_project (f->window));

  return evk_store_get_text_state (store, EVK_NARRATIVE_ENTITY_MEASURE, evk_strategy_measure_id (store, 20, NULL),
                                   field, lang, NULL);
}

static void
assert_shown_and_stored (Fixture    *f,
                         const char *text)
{
  EvkMeasurePage *page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (f->window));
  GtkTextView *nb = evk_narrative_editor_get_text_view (evk_measure_page_get_narrative (page), "relevance", "nb");
  g_autofree char *shown = buffer_text (nb);
  g_autofree char *stored = stored_text (f, "section:relevance", "nb");

  g_assert_cmpstr (stored, ==, text);
  g_assert_cmpstr (shown, ==, text);
}

/* Narrative edits are on the project's undo stack: one edit per stay in a
 * text view, undone after the page was rebuilt, and shown at once in an
 * open editor, with the translation's state as it was. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  EvkNarrativeEditor *editor = show_measure (f, 20);
  GtkTextBuffer *nb = gtk_text_view_get_buffer (evk_narrative_editor_get_text_view (editor, "relevance", "nb"));
  GtkTextBuffer *en = gtk_text_view_get_buffer (evk_narrative_editor_get_text_view (editor, "relevance", "en"));
  g_autofree char *nb_before = stored_text (f, "section:relevance", "nb");

  g_assert_nonnull (nb_before);
  /* An English text written from the current source. */
  gtk_text_buffer_set_text (en, "Relevant to the goal.", -1);
  evk_ui_run_for (800);
  g_assert_cmpint (text_state (f, "section:relevance", "en"), ==, EVK_TEXT_CURRENT);

  /* Two pauses in one stay in the Norwegian text: two saves, one edit. */
  gtk_widget_grab_focus (GTK_WIDGET (evk_narrative_editor_get_text_view (editor, "relevance", "nb")));
  gtk_text_buffer_set_text (nb, "Første utkast.", -1);
  evk_ui_run_for (800);
  gtk_text_buffer_set_text (nb, "Andre utkast.", -1);
  evk_ui_run_for (800);
  assert_shown_and_stored (f, "Andre utkast.");
  g_assert_cmpint (text_state (f, "section:relevance", "en"), ==, EVK_TEXT_OUTDATED);

  /* The page is built anew: the text view's own history is gone, the
   * project's is not. */
  evk_window_show_page (f->window, "overview");
  evk_ui_iterate ();
  editor = show_measure (f, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  assert_shown_and_stored (f, nb_before);
  g_assert_cmpint (text_state (f, "section:relevance", "en"), ==, EVK_TEXT_CURRENT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.redo", NULL));
  evk_ui_iterate ();
  assert_shown_and_stored (f, "Andre utkast.");
  g_assert_cmpint (text_state (f, "section:relevance", "en"), ==, EVK_TEXT_OUTDATED);

  /* Undo right after typing takes back the typing, saved first. */
  nb = gtk_text_view_get_buffer (evk_narrative_editor_get_text_view (editor, "relevance", "nb"));
  gtk_text_buffer_set_text (nb, "Tredje utkast.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  assert_shown_and_stored (f, "Andre utkast.");

  /* Undoing a translation made from the new source leaves it outdated
   * again, as it was, not current. */
  en = gtk_text_view_get_buffer (evk_narrative_editor_get_text_view (editor, "relevance", "en"));
  gtk_text_buffer_set_text (en, "Second draft.", -1);
  evk_ui_run_for (800);
  g_assert_cmpint (text_state (f, "section:relevance", "en"), ==, EVK_TEXT_CURRENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  g_assert_cmpstr (gtk_label_get_text (evk_narrative_editor_get_state_label (editor, "relevance", "en")), ==, "Outdated");
  g_assert_cmpint (text_state (f, "section:relevance", "en"), ==, EVK_TEXT_OUTDATED);
  {
    g_autofree char *shown = buffer_text (evk_narrative_editor_get_text_view (editor, "relevance", "en"));

    g_assert_cmpstr (shown, ==, "Relevant to the goal.");
  }

  /* With the focus in a text that has its own history, undo (Ctrl+Z) is
   * the text's: the last step of typing, not the whole stay. */
  gtk_widget_grab_focus (GTK_WIDGET (evk_narrative_editor_get_text_view (editor, "relevance", "nb")));
  gtk_text_buffer_insert_at_cursor (nb, " Og mer.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_run_for (800);
  assert_shown_and_stored (f, "Andre utkast.");
  g_assert_cmpint (text_state (f, "section:relevance", "en"), ==, EVK_TEXT_OUTDATED);
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/narrative/edit-and-save", Fixture, NULL, evk_ui_fixture_set_up, test_edit_and_save, evk_ui_fixture_tear_down);
  g_test_add ("/evk/narrative/save-on-leave", Fixture, NULL, evk_ui_fixture_set_up, test_save_on_leave, evk_ui_fixture_tear_down);
  g_test_add ("/evk/narrative/preview", Fixture, NULL, evk_ui_fixture_set_up, test_preview, evk_ui_fixture_tear_down);
  g_test_add ("/evk/narrative/undo", Fixture, NULL, evk_ui_fixture_set_up, test_undo, evk_ui_fixture_tear_down);
  return g_test_run ();
}
