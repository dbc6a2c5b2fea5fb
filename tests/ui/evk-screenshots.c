/* evk-screenshots.c: renders the window's main views to PNG for data/screenshots/
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 * The pages that write the strategy, its lists and offers and the guided
 * start of a new project are drawn at 1366×768 only.
 *
 * Run under a display (xvfb-run) through `ninja screenshots`, once per
 * language; LANGUAGE picks the UI's language and --lang the content's. Each
 * view is drawn light and dark at 1920×1080 ("overview-en-light.png", the
 * names the AppStream metadata uses) and at 1366×768
 * ("overview-en-light-1366x768.png").
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "evk-chart-card.h"
#include "evk-comment-button.h"
#include "evk-comment.h"
#include "evk-demo.h"
#include "evk-import-dialog.h"
#include "evk-measure-page.h"
#include "evk-review-copy.h"
#include "evk-translations-page.h"
#include "evk-resources.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

typedef struct {
  const char *name;
  const char *page;
  gboolean    small_only;  /* 1366×768 only: not in the AppStream metadata */
  gboolean    new_project; /* an empty new project, not the demo */
  gboolean    review_copy; /* a review copy of the demo */
} View;

static const View views[] = {
  { "overview", "overview" },
  { "goal", "goal:2" },
  { "measure", "measure:20" },
  { "import", "overview" },
  { "report", "report" },
  { "report-chapter", "report:awareness" },
  { "strategy", "strategy", TRUE },
  { "lists", "lists", TRUE },
  { "offers", "offers", TRUE },
  { "next-steps", "start", TRUE },
  /* The review: the comments' list, and a chart's thread in its popover. */
  { "comments", "comments", TRUE },
  { "chart-comment", "measure:20", TRUE },
  { "review-copy", "measure:20", TRUE, FALSE, TRUE },
  /* The guided start: what a new evaluator sees first. */
  { "new-strategy", "strategy", TRUE, TRUE },
  { "new-next-steps", "start", TRUE, TRUE },
  /* A translator's view, at a string whose source changed since. */
  { "translations", "translations" },
};

/* A ragged CSV, so the import dialog shows how an error reads. */
static GFile *
write_bad_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "survey.csv", NULL);

  g_file_set_contents (path, "id,q1,q2\n1,2,3\n2,3\n", -1, NULL);
  return g_file_new_for_path (path);
}

/* What a reference group writes, in the content language: a thread with
 * a reply, a note from a PDF, a quote from a section, one resolved. */
static gboolean
add_comments (EvkProject  *project,
              const char  *lang,
              GError     **error)
{
  EvkStore *store = evk_project_get_store (project);
  gboolean nb = g_str_equal (lang, "nb");
  g_autofree char *first = NULL, *resolved = NULL, *reply = NULL, *other = NULL, *section = NULL;
  g_autoptr(EvkStrategy) strategy = evk_project_load_strategy (project, error);
  g_autofree char *section_place = NULL;

  if (strategy == NULL)
    return FALSE;
  section_place = g_strdup_printf ("measure-section:20/%s",
                                   ((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_SECTION], 0))->key);
  first = evk_comment_add (store, "chart:m20-awareness-7", NULL, "Åse Ødegård",
                           nb ? "Figuren bør si at basen er alle som svarte, også de som ikke kjenner ordningen."
                              : "The chart should say that the base is everyone who answered, including those who "
                                "do not know the scheme.",
                           NULL, "copy:screenshots", "2026-03-02T09:14:00Z", NULL, error);
  if (first == NULL)
    return FALSE;
  reply = evk_comment_add (store, NULL, first, "Kari Nordmann",
                           nb ? "Enig – vi skriver basen inn i figurteksten." : "Agreed – we will put the base in the caption.",
                           NULL, NULL, "2026-03-03T13:40:00Z", NULL, error);
  other = evk_comment_add (store, "chart:m20-awareness-7", NULL, "Jørn Sæther",
                           nb ? "Kan vi få samme figur for små kommuner?" : "Could we have the same chart for small municipalities?",
                           NULL, "pdf:screenshots", "2026-03-04T08:05:00Z", NULL, error);
  section = reply != NULL && other != NULL
    ? evk_comment_add (store, section_place, NULL, "Åse Ødegård",
                       nb ? "Avsnittet gjentar tallene fra figuren; kan det heller tolke dem?"
                          : "The section repeats the chart’s numbers; could it interpret them instead?",
                       nb ? "Ordningen er godt kjent" : "The scheme is well known",
                       "copy:screenshots", "2026-03-02T09:30:00Z", NULL, error)
    : NULL;
  resolved = section != NULL
    ? evk_comment_add (store, "goal:2", NULL, "Kari Nordmann",
                       nb ? "Oppsummeringen av delmålet er tydelig." : "The goal’s summary reads well.",
                       NULL, NULL, "2026-03-01T15:22:00Z", NULL, error)
    : NULL;
  return resolved != NULL && evk_comment_set_status (store, resolved, TRUE, error);
}

/* How long no new frame must come before a view counts as drawn, and how
 * long to wait at most: a window that never stops drawing (the import
 * dialog showing an error in Norwegian often does not) is taken as its
 * last frame shows it. */
#define SETTLE_MS 300
#define MAX_WAIT_MS 5000

static void
frame_painted (GdkFrameClock *clock,
               gint64        *last_paint)
{
  *last_paint = g_get_monotonic_time ();
}

/* Waits until the window (and the dialog over it) has painted a frame of
 * what is now set up, and then until the frames stop: the charts size
 * themselves over a few frames, and a page of many rows can take longer
 * than any fixed wait to lay out when the machine is busy. Until then the
 * window would be captured as its last frame showed it, or as nothing. */
static void
wait_for_frames (GtkWidget *window,
                 GtkWidget *dialog)
{
  GtkWidget *widgets[] = { window, dialog };
  GdkFrameClock *clocks[G_N_ELEMENTS (widgets)] = { NULL };
  gulong handlers[G_N_ELEMENTS (widgets)] = { 0 };
  gint64 start = g_get_monotonic_time (), last_paint = 0;

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL && (clocks[i] = gtk_widget_get_frame_clock (widgets[i])) != NULL)
      {
        handlers[i] = g_signal_connect (clocks[i], "after-paint", G_CALLBACK (frame_painted), &last_paint);
        /* A view that changed nothing would never paint again. */
        gtk_widget_queue_draw (widgets[i]);
      }

  while (last_paint == 0 || g_get_monotonic_time () - last_paint < SETTLE_MS * 1000)
    {
      if (g_get_monotonic_time () - start > MAX_WAIT_MS * 1000)
        {
          g_printerr ("evk-screenshots: still drawing after %d s; taking the last frame\n", MAX_WAIT_MS / 1000);
          break;
        }
      evk_ui_run_for (20);
    }

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (handlers[i] != 0)
      g_signal_handler_disconnect (clocks[i], handlers[i]);
}

static gboolean
shoot (EvkWindow   *window,
       const View  *view,
       const char  *lang,
       gboolean     dark,
       int          width,
       int          height,
       const char  *dir,
       const char  *tmpdir,
       GError     **error)
{
  g_autofree char *name = NULL, *path = NULL;
  GtkWidget *dialog = NULL;
  g_autofree char *source = NULL;
  gboolean ok;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  evk_window_set_language (window, lang);
  evk_window_show_page (window, view->page);

  if (g_str_equal (view->name, "import"))
    {
      g_autoptr(GFile) bad = write_bad_csv (tmpdir);

      dialog = GTK_WIDGET (evk_import_dialog_new (GTK_WINDOW (window), evk_window_get_project (window),
                                                  EVK_IMPORT_SURVEY));
      evk_import_dialog_set_file (EVK_IMPORT_DIALOG (dialog), bad);
      gtk_window_present (GTK_WINDOW (dialog));
      evk_import_dialog_start (EVK_IMPORT_DIALOG (dialog));
      while (evk_import_dialog_is_running (EVK_IMPORT_DIALOG (dialog)))
        g_main_context_iteration (NULL, TRUE);
    }
  if (g_str_equal (view->name, "translations"))
    {
      EvkProject *project = evk_window_get_project (window);
      g_autofree char *fingerprint = NULL;
      g_autoptr(GString) edited = NULL;
      const char *number;

      /* A figure of the source updated: the translation is outdated and
       * the page shows the change; the source is put back after. */
      if (!evk_project_get_measure_text (project, 20, "section:results", "nb", &source, &fingerprint, error))
        return FALSE;
      edited = g_string_new (source);
      number = strpbrk (edited->str, "0123456789");
      if (number != NULL)
        g_string_insert_c (edited, number - edited->str, '1');
      g_string_prepend (edited, "Etter den andre runden: ");
      if (!evk_project_set_measure_text (project, 20, "section:results", "nb", edited->str, NULL, error))
        return FALSE;
      evk_translations_page_select_key (EVK_TRANSLATIONS_PAGE (_evk_window_get_page_widget (window)),
                                        "measure/20/section:results");
    }
  if (g_str_equal (view->name, "chart-comment"))
    {
      EvkMeasurePage *page = EVK_MEASURE_PAGE (_evk_window_get_page_widget (window));
      g_autoptr(GPtrArray) cards = evk_measure_page_get_cards (page);
      EvkCommentButton *button = NULL;

      for (guint i = 0; i < cards->len; i++)
        if (g_strcmp0 (evk_chart_card_get_chart_key (g_ptr_array_index (cards, i)), "m20-awareness-7") == 0)
          button = EVK_COMMENT_BUTTON (evk_chart_card_get_comment_button (g_ptr_array_index (cards, i)));
      evk_ui_show_on_screen (GTK_WIDGET (button));
      evk_comment_button_popup (button);
      dialog = GTK_WIDGET (evk_comment_button_get_popover (button));
    }
  wait_for_frames (GTK_WIDGET (window), dialog);

  name = width == 1920 ? g_strdup_printf ("%s-%s-%s.png", view->name, lang, dark ? "dark" : "light")
                       : g_strdup_printf ("%s-%s-%s-%dx%d.png", view->name, lang, dark ? "dark" : "light", width, height);
  path = g_build_filename (dir, name, NULL);
  ok = evk_ui_save_png (GTK_WIDGET (window), dialog, path, error);
  if (source != NULL &&
      !evk_project_set_measure_text (evk_window_get_project (window), 20, "section:results", "nb", source, NULL,
                                     ok ? error : NULL))
    ok = FALSE;
  if (dialog != NULL && GTK_IS_POPOVER (dialog))
    gtk_popover_popdown (GTK_POPOVER (dialog));
  else if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (ok)
    g_print ("%s\n", path);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL, *project_path = NULL, *new_path = NULL, *copy_path = NULL;
  g_autofree char *lang = NULL, *localedir = NULL, *only = NULL, *page = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTDIR");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "Content language (nb, en)", "LANG" },
    { "localedir", 0, 0, G_OPTION_ARG_FILENAME, &localedir, "Where the UI translations are", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only this view (overview, goal, measure, …, new-strategy, new-next-steps)", "VIEW" },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, "Only this page (e.g. groups, measure:7), for a look while working", "PAGE" },
    { NULL }
  };
  static const int sizes[][2] = { { 1920, 1080 }, { 1366, 768 } };
  EvkWindow *window, *new_window, *copy_window;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("evk-screenshots: %s\n", error != NULL ? error->message : "give the output directory");
      return EXIT_FAILURE;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (lang == NULL)
    lang = g_strdup ("en");

  if (!gtk_init_check ())
    {
      g_printerr ("evk-screenshots: no display (run it under xvfb-run)\n");
      return EXIT_FAILURE;
    }
  adw_init ();
  evk_ui_load_app ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  tmpdir = g_dir_make_tmp ("evk-screenshots-XXXXXX", &error);
  project_path = tmpdir != NULL ? g_build_filename (tmpdir, "demo.evalkit", NULL) : NULL;
  if (tmpdir == NULL || (project = evk_demo_create (project_path, &error)) == NULL ||
      !add_comments (project, lang, &error))
    {
      g_printerr ("evk-screenshots: %s\n", error->message);
      return EXIT_FAILURE;
    }
  /* What a reviewer opens: a copy of the same, for a reviewer. */
  copy_path = g_build_filename (tmpdir, g_str_equal (lang, "nb") ? "Gjennomlesing.evalkit" : "Review.evalkit", NULL);
  if (!evk_review_copy_write (evk_project_get_store (project), copy_path, "Åse Ødegård", &error))
    {
      g_printerr ("evk-screenshots: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_clear_object (&project);
  file = g_file_new_for_path (project_path);
  g_mkdir_with_parents (argv[1], 0755);

  window = evk_window_new (NULL);
  if (window->settings != NULL)
    g_settings_set_string (window->settings, "author-name", "Kari Nordmann");
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();

  /* What New Evaluation gives: a project with nothing in it yet, named
   * as an evaluator would name it (the window's title shows the name). */
  new_path = g_build_filename (tmpdir, g_str_equal (lang, "nb") ? "Ny evaluering.evalkit" : "New evaluation.evalkit",
                               NULL);
  new_window = evk_window_new (NULL);
  gtk_window_present (GTK_WINDOW (new_window));
  if (!_evk_window_create_project (new_window, new_path, &error))
    {
      g_printerr ("evk-screenshots: %s\n", error->message);
      return EXIT_FAILURE;
    }
  evk_ui_iterate ();

  copy_window = evk_window_new (NULL);
  gtk_window_present (GTK_WINDOW (copy_window));
  {
    g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);

    evk_window_open_file (copy_window, copy_file);
  }
  evk_ui_iterate ();

  if (page != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strdup (page), ":", '-');
      View view = { name, page };

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        if (!shoot (window, &view, lang, FALSE, sizes[s][0], sizes[s][1], argv[1], tmpdir, &error))
          {
            g_printerr ("evk-screenshots: %s\n", error->message);
            return EXIT_FAILURE;
          }
    }
  else
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dark = 0; dark < 2; dark++)
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          if ((only != NULL && !g_str_equal (only, views[v].name)) ||
              (views[v].small_only && sizes[s][0] == 1920))
            continue;
          if (!shoot (views[v].new_project ? new_window : views[v].review_copy ? copy_window : window, &views[v],
                      lang, dark, sizes[s][0], sizes[s][1],
                      argv[1], tmpdir, &error))
            {
              g_printerr ("evk-screenshots: %s\n", error->message);
              return EXIT_FAILURE;
            }
        }

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (new_window));
  gtk_window_destroy (GTK_WINDOW (copy_window));
  evk_ui_iterate ();
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }
  return EXIT_SUCCESS;
}
