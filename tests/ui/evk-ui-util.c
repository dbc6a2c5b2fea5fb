/* evk-ui-util.c: helpers for the UI tests, the screenshots and the benchmark
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evk-demo.h"
#include "evk-resources.h"
#include "evk-test-util.h"
#include "evk-ui-util.h"
#include "evk-window-private.h"

void
evk_ui_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
evk_ui_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
evk_ui_wait_for (gboolean *flag,
                 guint     ms)
{
  gboolean timeout = FALSE;
  guint id = g_timeout_add (ms, set_flag, &timeout);

  while (!*flag && !timeout)
    g_main_context_iteration (NULL, TRUE);
  if (!timeout)
    g_source_remove (id);
  return *flag;
}

GtkWidget *
evk_ui_find_widget (GtkWidget *root,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = evk_ui_find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
evk_ui_save_png (GtkWidget   *window,
                 GtkWidget   *dialog,
                 const char  *path,
                 GError     **error)
{
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  if (dialog != NULL && GTK_IS_POPOVER (dialog))
    {
      g_autoptr(GdkPaintable) popover_paintable = gtk_widget_paintable_new (dialog);
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (dialog));
      double x = 0, y = 0, window_x = 0, window_y = 0;

      /* Where the popup is on its window's surface; both surfaces have a
       * margin for their shadows, which the widgets' origins leave out. */
      gtk_native_get_surface_transform (GTK_NATIVE (dialog), &x, &y);
      gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + x - window_x,
                                                    gdk_popup_get_position_y (GDK_POPUP (surface)) + y - window_y));
      gdk_paintable_snapshot (popover_paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
      gtk_snapshot_restore (snapshot);
    }
  else if (dialog != NULL)
    {
      g_autoptr(GdkPaintable) dialog_paintable = gtk_widget_paintable_new (dialog);
      int dw = gtk_widget_get_width (dialog), dh = gtk_widget_get_height (dialog);

      /* As GNOME Shell shows a modal dialog: the parent dimmed behind it. */
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.4 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - dw) / 2, (height - dh) / 3));
      gdk_paintable_snapshot (dialog_paintable, GDK_SNAPSHOT (snapshot), dw, dh);
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: nothing to render", path);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write the PNG", path);
      return FALSE;
    }
  return TRUE;
}

void
evk_ui_show_on_screen (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GdkSurface *surface;

  for (guint i = 0; i < 250 && gtk_widget_get_height (widget) == 0; i++)
    evk_ui_run_for (20);
  if (scrolled != NULL)
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (widget, child, &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adjustment, point.y - 100);
      evk_ui_run_for (100);
    }
  for (guint i = 0; i < 250; i++)
    {
      surface = gtk_widget_get_mapped (widget) ? gtk_native_get_surface (native) : NULL;
      if (surface != NULL && gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL)
        return;
      evk_ui_run_for (20);
    }
  g_assert_not_reached ();
}

void
evk_ui_load_app (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  evk_register_resource ();
  /* AdwApplication loads it from its resource base path. */
  gtk_css_provider_load_from_resource (css, "/io/github/evalkit/Evalkit/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

gboolean
evk_ui_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      /* A TAP skip: meson reads exit status 77 as an error under TAP. */
      g_print ("1..0 # SKIP no display (run under xvfb-run, as build-aux/test does)\n");
      return FALSE;
    }
  adw_init ();
  evk_ui_load_app ();
  return TRUE;
}

EvkWindow *
evk_ui_open_demo (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  EvkWindow *window;

  *dir = evk_test_tmpdir ();
  path = g_build_filename (*dir, "demo.evalkit", NULL);
  project = evk_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  file = g_file_new_for_path (path);

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  return window;
}

void
evk_ui_close_demo (EvkWindow *window,
                   char      *dir)
{
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  evk_test_rm_rf (dir);
  g_free (dir);
}

void
evk_ui_fixture_set_up (EvkUiFixture  *f,
                       gconstpointer  data)
{
  f->window = evk_ui_open_demo (&f->dir);
}

void
evk_ui_fixture_tear_down (EvkUiFixture  *f,
                          gconstpointer  data)
{
  evk_ui_close_demo (f->window, f->dir);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title,
          guint      *n)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    {
      if (*n == 0)
        return root;
      (*n)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title, n);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
evk_ui_row_titled (EvkWindow  *window,
                   const char *title,
                   guint       n)
{
  GtkWidget *row = find_row (_evk_window_get_page_widget (window), title, &n);

  g_assert_nonnull (row);
  return row;
}

GtkWidget *
evk_ui_find_widget_with_tooltip (GtkWidget  *root,
                                 GType       type,
                                 const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = evk_ui_find_widget_with_tooltip (child, type, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
evk_ui_type_and_apply (EvkWindow  *window,
                       const char *title,
                       guint       n,
                       const char *text)
{
  GtkWidget *row = evk_ui_row_titled (window, title, n);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  evk_ui_iterate ();
}

EvkStrategy *
evk_ui_strategy_of (EvkWindow *window)
{
  g_autoptr(GError) error = NULL;
  EvkStrategy *strategy = evk_project_load_strategy (evk_window_get_project (window), &error);

  g_assert_no_error (error);
  return strategy;
}

typedef struct {
  gboolean  done;
  GBytes   *bytes;
} ClipboardRead;

static void
clipboard_spliced (GObject      *stream,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (stream), result, &error);
  g_assert_no_error (error);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  read->done = TRUE;
}

static void
clipboard_read (GObject      *clipboard,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = gdk_clipboard_read_finish (GDK_CLIPBOARD (clipboard), result, NULL, &error);
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_output_stream_splice_async (output, input, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, clipboard_spliced, user_data);
}

/* What the clipboard gives a program that asks for mime_type, as text
 * (NUL-terminated; a PNG keeps its bytes up to its length). */
GBytes *
evk_ui_read_clipboard (GdkClipboard *clipboard,
                       const char   *mime_type)
{
  const char *types[] = { mime_type, NULL };
  ClipboardRead read = { FALSE, NULL };

  gdk_clipboard_read_async (clipboard, types, G_PRIORITY_DEFAULT, NULL, clipboard_read, &read);
  g_assert_true (evk_ui_wait_for (&read.done, 5000));
  return read.bytes;
}
