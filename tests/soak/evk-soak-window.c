/* evk-soak-window.c: the window at work, for the soak harness to kill
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   evk-soak-window edit PROJECT LOG SEED   status edits and narrative typing
 *                                           on an open project, until killed
 *   evk-soak-window new PROJECT             New Evaluation, as its dialog does
 *
 * In edit mode each action is announced in LOG before it starts ("B …")
 * and confirmed once the window says it is saved ("D"), each line on disk
 * before the next step, so that the harness knows which actions the user
 * saw saved and which one was under way when the process died.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "evk-ui-util.h"
#include "evk-window-private.h"

static int log_fd = -1;

static void
log_line (const char *format,
          ...) G_GNUC_PRINTF (1, 2);

static void
log_line (const char *format,
          ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize written = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  while (written < strlen (line))
    {
      gssize n = write (log_fd, line + written, strlen (line) - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("log: %s", g_strerror (errno));
      written += n;
    }
  fsync (log_fd);
}

static const char * const statuses[] = { "completed", "partly-completed", "not-completed" };
static const char * const sections[] = { "section:purpose", "section:results", "section:relevance" };
static const char * const keystrokes[] = { "a", "e", "n", "r", "s", "t", "æ", "ø", "å", " " };

static int
run_edits (const char *path,
           const char *log_path,
           guint32     seed)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  EvkWindow *window;
  guint n_measures;

  log_fd = g_open (log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (log_fd < 0)
    g_error ("%s: %s", log_path, g_strerror (errno));

  window = evk_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  evk_window_open_file (window, file);
  evk_ui_iterate ();
  if (evk_window_get_project (window) == NULL)
    g_error ("%s did not open", path);
  n_measures = evk_workspace_get_strategy (window->workspace)->measures->len;

  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;
      guint number = g_rand_int_range (rand, 1, n_measures + 1);
      g_autofree char *page = g_strdup_printf ("measure:%u", number);

      /* The page the user edits is on screen, as it would be. */
      evk_window_show_page (window, page);
      evk_ui_iterate ();
      if (g_rand_boolean (rand))
        {
          const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
          char *keys[] = { (char *) status, NULL };

          log_line ("B %u status %s\n", number, status);
          if (!_evk_window_apply_edit (window, number, "status", keys, &error))
            g_error ("status: %s", error->message);
        }
      else
        {
          /* Typing: each keystroke's text saved, as the editor saves. */
          const char *field = sections[g_rand_int_range (rand, 0, G_N_ELEMENTS (sections))];
          const char *lang = g_rand_boolean (rand) ? "nb" : "en";
          g_autoptr(GString) text = g_string_new (NULL);
          guint n_keys = g_rand_int_range (rand, 3, 12);

          g_string_printf (text, "Soak %u: ", i);
          for (guint k = 0; k < n_keys; k++)
            {
              g_string_append (text, keystrokes[g_rand_int_range (rand, 0, G_N_ELEMENTS (keystrokes))]);
              log_line ("B %u text %s %s %s\n", number, field, lang, text->str);
              if (!_evk_window_set_text (window, number, field, lang, text->str, k > 0, &error))
                g_error ("text: %s", error->message);
              log_line ("D\n");
              evk_ui_iterate ();
            }
          continue;
        }
      log_line ("D\n");
      evk_ui_iterate ();
    }
  return 0;
}

static int
run_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  EvkWindow *window = evk_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  if (!_evk_window_create_project (window, path, &error))
    g_error ("%s", error->message);
  evk_ui_iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
  evk_ui_iterate ();
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (!gtk_init_check ())
    {
      g_printerr ("evk-soak-window: no display\n");
      return 77;
    }
  adw_init ();
  evk_ui_load_app ();

  if (argc == 5 && g_str_equal (argv[1], "edit"))
    return run_edits (argv[2], argv[3], (guint32) g_ascii_strtoull (argv[4], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "new"))
    return run_new (argv[2]);
  g_printerr ("usage: evk-soak-window edit PROJECT LOG SEED | new PROJECT\n");
  return 2;
}
