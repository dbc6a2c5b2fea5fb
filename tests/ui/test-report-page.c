/* test-report-page.c: the Report page: title page, outline, figures, a chapter's text, undo, the PDF
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <string.h>

#include "evk-chart-add-dialog.h"
#include "evk-narrative-editor.h"
#include "evk-report.h"
#include "evk-report-outline.h"
#include "evk-report-page.h"
#include "evk-report-texts.h"
#include "evk-test-example.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

typedef EvkUiFixture Fixture;

typedef PopplerDocument TestDocument;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

static EvkReportPage *
show (Fixture    *f,
      const char *page)
{
  GtkWidget *widget;

  evk_window_show_page (f->window, page);
  evk_ui_iterate ();
  g_assert_cmpstr (evk_window_get_page (f->window), ==, page);
  widget = _evk_window_get_page_widget (f->window);
  g_assert_true (EVK_IS_REPORT_PAGE (widget));
  return EVK_REPORT_PAGE (widget);
}

static EvkOutline *
load_outline (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  EvkOutline *outline = evk_report_outline_load (evk_window_get_project (f->window), &error);

  g_assert_no_error (error);
  return outline;
}

static EvkOutlineFigure *
find_figure (EvkOutline *outline,
             const char *key)
{
  for (guint i = 0; i < outline->figures->len; i++)
    if (g_str_equal (((EvkOutlineFigure *) g_ptr_array_index (outline->figures, i))->key, key))
      return g_ptr_array_index (outline->figures, i);
  return NULL;
}

static void
type_and_apply (AdwEntryRow *row,
                const char  *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  evk_ui_iterate ();
}

/* The entry of the part row's title in lang. */
static AdwEntryRow *
part_title_row (EvkReportPage *page,
                const char    *part,
                const char    *lang)
{
  GtkWidget *row = GTK_WIDGET (evk_report_page_get_part_row (page, part));
  g_autofree char *title = g_strdup_printf ("Title (%s)", lang);

  g_assert_nonnull (row);
  /* Depth first through the expander's rows. */
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL;)
    {
      if (ADW_IS_ENTRY_ROW (w) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (w), "section"), NULL) == 0)
        return ADW_ENTRY_ROW (w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

/* The PDF's text, whitespace (and the thin spaces of numbers) as one
 * space, words hyphenated at a line end joined again. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(TestDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      gboolean space = FALSE, joined = FALSE;

      for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar u = g_utf8_get_char (c);

          if (u == 0xad)
            joined = TRUE;
          else if (g_unichar_isspace (u) || u == 0x202f || u == 0xa0)
            space = !joined;
          else
            {
              joined = FALSE;
              if (space)
                g_string_append_c (all, ' ');
              space = FALSE;
              g_string_append_unichar (all, u);
            }
        }
      g_string_append_c (all, ' ');
    }
  return g_string_free (all, FALSE);
}

static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_error ("“%s” not found after the earlier needles", needles[i]);
      at = found + strlen (needles[i]);
    }
}

static void
render (Fixture    *f,
        const char *path)
{
  gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  _evk_window_render_report (f->window, path);
  g_assert_nonnull (f->window->render_cancellable);
  while (f->window->render_cancellable != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (f->window->render_cancellable);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The test: a chapter added, a sentence with a live figure in
 * both languages, a figure moved into it, the report rendered. */
static void
test_chapter_to_pdf (Fixture       *f,
                     gconstpointer  data)
{
  EvkReportPage *page = show (f, "report");
  g_autoptr(EvkOutline) outline = NULL;
  EvkOutlinePart *chapter = NULL;
  EvkNarrativeEditor *editor;
  AdwComboRow *place;
  GStrv places;
  g_autofree char *markup = NULL, *nb_pdf = NULL, *en_pdf = NULL, *nb = NULL, *en = NULL;
  guint index = G_MAXUINT;

  /* A chapter, named in both languages. */
  type_and_apply (evk_report_page_get_new_chapter_row (page), "Dugnad i praksis");
  outline = load_outline (f);
  for (guint i = 0; i < outline->parts->len; i++)
    {
      EvkOutlinePart *part = g_ptr_array_index (outline->parts, i);

      if (g_strcmp0 (g_hash_table_lookup (part->title, "nb"), "Dugnad i praksis") == 0)
        chapter = part;
    }
  g_assert_nonnull (chapter);
  g_assert_cmpint (chapter->kind, ==, EVK_PART_CHAPTER);
  g_assert_true (evk_outline_find_part (outline, "references") != NULL);
  /* Before the appendices. */
  g_assert_cmpuint (g_ptr_array_find (outline->parts, chapter, &index), ==, TRUE);
  g_assert_cmpuint (index, <, outline->parts->len - 3);
  page = EVK_REPORT_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_nonnull (evk_report_page_get_part_row (page, chapter->key));
  type_and_apply (part_title_row (page, chapter->key, "en"), "Voluntary work in practice");

  /* Its text, with a live figure, in nb and en. */
  {
    g_autofree char *name = g_strdup_printf ("report:%s", chapter->key);

    page = show (f, name);
  }
  editor = evk_report_page_get_editor (page);
  g_assert_nonnull (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (evk_narrative_editor_get_text_view (editor, "text", "nb")),
                            "I alt har {{n: frequency q10 | 1}} organisasjoner hørt om strategien.", -1);
  evk_ui_run_for (800);
  g_assert_cmpstr (gtk_label_get_text (evk_narrative_editor_get_state_label (editor, "text", "en")), ==, "Missing");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (evk_narrative_editor_get_text_view (editor, "text", "en")),
                            "In all, {{n: frequency q10 | 1}} organisations have heard of the strategy.", -1);
  evk_ui_run_for (800);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (evk_narrative_editor_get_state_label (editor, "text", "en"))));
  evk_narrative_editor_set_preview (editor, TRUE);
  markup = evk_narrative_editor_get_preview_markup (editor, "text", "en");
  g_assert_nonnull (strstr (markup, "1,029 organisations"));

  /* A figure moved into it, from the drop-down of places. */
  page = show (f, "report");
  place = evk_report_page_get_figure_row (page, "needs");
  g_assert_nonnull (place);
  places = g_object_get_data (G_OBJECT (place), "places");
  {
    g_autofree char *target = g_strdup_printf ("%s:text", chapter->key);

    for (guint i = 0; places[i] != NULL; i++)
      if (g_str_equal (places[i], target))
        index = i;
    g_assert_cmpuint (index, !=, G_MAXUINT);
    adw_combo_row_set_selected (place, index);
    evk_ui_iterate ();
    g_clear_pointer (&outline, evk_outline_free);
    outline = load_outline (f);
    g_assert_cmpstr (find_figure (outline, "needs")->place, ==, target);
  }

  /* Rendered through the window, in both languages. */
  nb_pdf = g_build_filename (f->dir, "report.pdf", NULL);
  en_pdf = g_build_filename (f->dir, "report.en.pdf", NULL);
  render (f, nb_pdf);
  nb = pdf_text (nb_pdf);
  en = pdf_text (en_pdf);
  {
    const char *nb_needles[] = {
      "Dugnad i praksis",
      "I alt har 1 029 organisasjoner hørt om strategien.",
      "Hva organisasjonen trenger for å styrke innsatsen for integrering",
      NULL
    };
    const char *en_needles[] = {
      "Voluntary work in practice",
      "In all, 1,029 organisations have heard of the strategy.",
      "What the organisation needs to strengthen its integration work",
      NULL
    };

    assert_in_order (nb, nb_needles);
    assert_in_order (en, en_needles);
  }
}

/* Title-page fields are saved as typed; undo takes back a stay in the
 * entry, then an outline edit, and redo puts them back. */
static void
test_title_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  EvkReportPage *page = show (f, "report");
  EvkProject *project = evk_window_get_project (f->window);
  AdwEntryRow *subtitle = evk_report_page_get_title_row (page, "Subtitle", "en");
  AdwEntryRow *number = evk_report_page_get_title_row (page, "Number", NULL);
  g_autoptr(EvkOutline) before = load_outline (f);
  g_autoptr(EvkOutline) after = NULL;
  g_autofree char *original = NULL, *saved = NULL;

  g_assert_nonnull (subtitle);
  g_assert_nonnull (number);
  original = evk_report_get_title_field (project, "Subtitle", "en", NULL);
  gtk_editable_set_text (GTK_EDITABLE (subtitle), "Final report, with æøå");
  evk_ui_run_for (800);
  saved = evk_report_get_title_field (project, "Subtitle", "en", NULL);
  g_assert_cmpstr (saved, ==, "Final report, with æøå");
  gtk_editable_set_text (GTK_EDITABLE (number), "2026-9");
  evk_ui_run_for (800);
  g_clear_pointer (&saved, g_free);
  saved = evk_report_get_title_field (project, "Number", NULL, NULL);
  g_assert_cmpstr (saved, ==, "2026-9");

  /* An outline edit: the foreword moves down one place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.move-part", "(si)", "foreword", 1));
  evk_ui_iterate ();
  after = load_outline (f);
  g_assert_cmpstr (((EvkOutlinePart *) g_ptr_array_index (after->parts, 1))->key, ==, "foreword");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&after, evk_outline_free);
  after = load_outline (f);
  g_assert_cmpstr (((EvkOutlinePart *) g_ptr_array_index (after->parts, 0))->key, ==,
                   ((EvkOutlinePart *) g_ptr_array_index (before->parts, 0))->key);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&saved, g_free);
  saved = evk_report_get_title_field (project, "Number", NULL, NULL);
  g_assert_cmpstr (saved, !=, "2026-9");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.undo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&saved, g_free);
  saved = evk_report_get_title_field (project, "Subtitle", "en", NULL);
  g_assert_cmpstr (saved, ==, original);
  /* The page follows the store. */
  page = EVK_REPORT_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (evk_report_page_get_title_row (page, "Subtitle", "en"))), ==,
                   original != NULL ? original : "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "project.redo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&saved, g_free);
  saved = evk_report_get_title_field (project, "Subtitle", "en", NULL);
  g_assert_cmpstr (saved, ==, "Final report, with æøå");
}

/* The first switch of the page's own (the expander row has one of its
 * own, hidden). */
static GtkWidget *
find_part_switch (GtkWidget *root)
{
  if (GTK_IS_SWITCH (root) && g_object_get_data (G_OBJECT (root), "part") != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_part_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Generated parts, their options, sections, and a part that holds a
 * figure cannot be removed before the figure moves. */
static void
test_parts_and_sections (Fixture       *f,
                         gconstpointer  data)
{
  EvkReportPage *page = show (f, "report");
  g_autoptr(EvkOutline) outline = NULL;
  EvkOutlinePart *part;
  guint n_before;

  outline = load_outline (f);
  n_before = outline->parts->len;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.add-part", "s", "status"));
  evk_ui_iterate ();
  g_clear_pointer (&outline, evk_outline_free);
  outline = load_outline (f);
  g_assert_cmpuint (outline->parts->len, ==, n_before + 1);
  part = g_ptr_array_index (outline->parts, outline->parts->len - 1);
  g_assert_cmpint (part->kind, ==, EVK_PART_STATUS);
  g_assert_true (part->numbered);

  /* Its Chart option, through its switch. */
  page = EVK_REPORT_PAGE (_evk_window_get_page_widget (f->window));
  {
    GtkWidget *row = GTK_WIDGET (evk_report_page_get_part_row (page, part->key));
    /* The part's first switch is Numbered; the options follow. */
    GtkWidget *toggle = find_part_switch (row);

    g_assert_nonnull (toggle);
    gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
    evk_ui_iterate ();
  }
  {
    g_autofree char *key = g_strdup (part->key);

    g_clear_pointer (&outline, evk_outline_free);
    outline = load_outline (f);
    g_assert_false (evk_outline_find_part (outline, key)->numbered);

    /* And the part removed again. */
    page = EVK_REPORT_PAGE (_evk_window_get_page_widget (f->window));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.remove-part", "s", key));
    evk_ui_iterate ();
    g_clear_pointer (&outline, evk_outline_free);
    outline = load_outline (f);
    g_assert_null (evk_outline_find_part (outline, key));
  }

  /* Sections move within their chapter. */
  page = EVK_REPORT_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.move-section", "(ssi)",
                                             "introduction", "questions", -1));
  evk_ui_iterate ();
  g_clear_pointer (&outline, evk_outline_free);
  outline = load_outline (f);
  part = evk_outline_find_part (outline, "introduction");
  g_assert_cmpstr (((EvkOutlineSection *) g_ptr_array_index (part->sections, 0))->key, ==, "questions");

  /* The demo's results chapter holds figures: it stays. */
  page = EVK_REPORT_PAGE (_evk_window_get_page_widget (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.remove-part", "s", "results"));
  evk_ui_iterate ();
  g_clear_pointer (&outline, evk_outline_free);
  outline = load_outline (f);
  g_assert_nonnull (evk_outline_find_part (outline, "results"));
}

/* The widget under root whose action is action with target part. */
static GtkWidget *
find_action_widget (GtkWidget  *root,
                    const char *action,
                    const char *part)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), part) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_widget (child, action, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static EvkChartAddDialog *
open_chart_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (EVK_IS_CHART_ADD_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static guint
count_in (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

static char *
render_text (EvkProject *project,
             const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (evk_report_render_pdf (project, "nb", path, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

/* Add Chart on a narrative chapter's row: the figure is stored in the
 * outline after the chapter's last section, the rendered report prints
 * its caption once more than before, and Undo and Redo take it away and
 * bring it back. */
static void
add_figure_to_chapter (EvkWindow  *window,
                       const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkOutline) before = NULL;
  g_autoptr(EvkOutline) after = NULL;
  g_autofree char *key = NULL, *caption = NULL, *place = NULL, *old_text = NULL, *new_text = NULL;
  EvkProject *project = evk_window_get_project (window);
  EvkOutlinePart *chapter = NULL;
  EvkOutlineFigure *figure;
  EvkChartAddDialog *dialog;
  EvkReportPage *page;
  GtkWidget *row, *button;

  evk_window_show_page (window, "report");
  evk_ui_iterate ();
  page = EVK_REPORT_PAGE (_evk_window_get_page_widget (window));
  before = evk_report_outline_load (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->parts->len && chapter == NULL; i++)
    {
      EvkOutlinePart *part = g_ptr_array_index (before->parts, i);

      if (part->kind == EVK_PART_CHAPTER && part->sections->len > 0)
        chapter = part;
    }
  g_assert_nonnull (chapter);
  place = g_strdup_printf ("%s:%s", chapter->key,
                           ((EvkOutlineSection *) g_ptr_array_index (chapter->sections,
                                                                     chapter->sections->len - 1))->key);

  /* The chapter row's own button, opened as a user would. */
  row = GTK_WIDGET (evk_report_page_get_part_row (page, chapter->key));
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  evk_ui_run_for (600);
  button = find_action_widget (row, "report.add-figure", chapter->key);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_grab_focus (button));
  if (g_getenv ("EVK_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("EVK_TEST_SCREENSHOTS"), "report-add-figure.png", NULL);

      evk_ui_run_for (500);
      evk_ui_save_png (GTK_WIDGET (window), GTK_WIDGET (window), shot, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gtk_widget_activate (button));
  /* A button clicks when its pressed look has shown a moment. */
  evk_ui_run_for (400);
  dialog = open_chart_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* The first kind and data the survey has (answers to a question). */
  g_assert_nonnull (evk_chart_add_dialog_get_table (dialog));
  g_assert_nonnull (evk_chart_add_dialog_get_spec (dialog));
  caption = g_strdup (g_hash_table_lookup (evk_chart_add_dialog_get_table (dialog)->title, "nb"));
  g_assert_nonnull (caption);
  g_assert_cmpstr (caption, !=, "");
  old_text = render_text (project, dir, "before.pdf");

  key = evk_chart_add_dialog_add (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  evk_ui_iterate ();
  g_assert_null (dialog);

  after = evk_report_outline_load (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->figures->len, ==, before->figures->len + 1);
  figure = find_figure (after, key);
  g_assert_nonnull (figure);
  g_assert_cmpstr (figure->place, ==, place);
  g_assert_cmpuint (g_strv_length (figure->tables), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (figure->caption, "nb"), ==, caption);
  /* The page lists it among the figures. */
  page = EVK_REPORT_PAGE (_evk_window_get_page_widget (window));
  g_assert_nonnull (evk_report_page_get_figure_row (page, key));

  new_text = render_text (project, dir, "after.pdf");
  if (g_getenv ("EVK_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *from = g_build_filename (dir, "after.pdf", NULL);
      g_autofree char *to = g_build_filename (g_getenv ("EVK_TEST_SCREENSHOTS"), "report-add-figure.pdf", NULL);
      g_autoptr(GFile) source = g_file_new_for_path (from);
      g_autoptr(GFile) target = g_file_new_for_path (to);

      g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    }
  /* A caption line is "Figur 2 CAPTION (N: …)"; the chart itself may
   * print the caption's words too (as a series), never with the N. */
  {
    g_autofree char *line = g_strdup_printf ("%s (N:", caption);

    g_assert_cmpuint (count_in (new_text, line), ==, count_in (old_text, line) + 1);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.undo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&after, evk_outline_free);
  after = evk_report_outline_load (project, &error);
  g_assert_no_error (error);
  g_assert_null (find_figure (after, key));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.redo", NULL));
  evk_ui_iterate ();
  g_clear_pointer (&after, evk_outline_free);
  after = evk_report_outline_load (project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_figure (after, key));
}

static void
test_add_figure_demo (Fixture       *f,
                      gconstpointer  data)
{
  add_figure_to_chapter (f->window, f->dir);
}

static void
test_add_figure_example (void)
{
  g_autofree char *dir = evk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "digital.evalkit", NULL);
  g_autoptr(EvkProject) made = evk_test_make_example (path, FALSE, TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EvkWindow *window;

  g_clear_object (&made);
  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  g_assert_nonnull (evk_window_get_project (window));
  add_figure_to_chapter (window, dir);
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!evk_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/evk/report-page/chapter-to-pdf", Fixture, NULL, evk_ui_fixture_set_up, test_chapter_to_pdf,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/report-page/title-and-undo", Fixture, NULL, evk_ui_fixture_set_up, test_title_and_undo,
              evk_ui_fixture_tear_down);
  g_test_add ("/evk/report-page/parts-and-sections", Fixture, NULL, evk_ui_fixture_set_up,
              test_parts_and_sections, evk_ui_fixture_tear_down);
  g_test_add ("/evk/report-page/add-figure-demo", Fixture, NULL, evk_ui_fixture_set_up, test_add_figure_demo,
              evk_ui_fixture_tear_down);
  g_test_add_func ("/evk/report-page/add-figure-example", test_add_figure_example);
  return g_test_run ();
}
