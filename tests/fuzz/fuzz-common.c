/* fuzz-common.c: what the libFuzzer targets share
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "evk-demo.h"
#include "evk-project.h"
#include "evk-survey.h"
#include "fuzz-common.h"

static char *fuzz_dir;
static char *project_path;

static void
remove_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fuzz_dir == NULL || (dir = g_dir_open (fuzz_dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_dir);
}

/* GLib's own fatal handling stops at a breakpoint (SIGTRAP), which
 * libFuzzer does not catch: abort, so that the input is kept. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  /* The default writer, which drops debug messages unless asked: printing
   * them for every input would be most of a fast target's time. */
  GLogWriterOutput result = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

void
evk_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("EVALKIT_DATADIR", SOURCE_DATADIR, FALSE);
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
  /* SQLite's own log would only repeat the errors we get back. */
  sqlite3_config (SQLITE_CONFIG_LOG, NULL, NULL);
}

const char *
evk_fuzz_dir (void)
{
  if (fuzz_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      fuzz_dir = g_dir_make_tmp ("evalkit-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_dir);
    }
  return fuzz_dir;
}

char *
evk_fuzz_write (const char   *name,
                const guint8 *data,
                gsize         size)
{
  char *path = g_build_filename (evk_fuzz_dir (), name, NULL);
  /* Not g_file_set_contents: its fsync and rename cost more than most
   * inputs take to parse. */
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpuint (size == 0 ? 0 : fwrite (data, 1, size, file), ==, size);
  g_assert_cmpint (fclose (file), ==, 0);
  return path;
}

char *
evk_fuzz_string (const guint8 *data,
                 gsize         size)
{
  return g_strndup ((const char *) data, size);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("fuzz project: %s: %s", sql, message);
}

const char *
evk_fuzz_project_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EvkProject) project = NULL;
  sqlite3 *db = NULL;

  if (project_path != NULL)
    return project_path;

  project_path = g_build_filename (evk_fuzz_dir (), "template.evalkit", NULL);
  project = evk_demo_create (project_path, &error);
  g_assert_no_error (error);

  /* 200 respondents: every column and every text variable cut alike, so
   * the project stays valid. */
  {
    g_autoptr(EvkSurvey) survey = evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error);

    g_assert_no_error (error);
    for (guint v = 0; v < survey->variables->len; v++)
      {
        EvkVariable *variable = g_ptr_array_index (survey->variables, v);

        if (variable->column != NULL)
          {
            EvkColumn *cut = evk_column_new ();

            for (guint row = 0; row < 200; row++)
              evk_column_append (cut, evk_column_get (variable->column, row));
            evk_column_free (variable->column);
            variable->column = cut;
          }
        if (variable->texts != NULL)
          {
            EvkTextColumn *cut = evk_text_column_new ();

            for (guint i = 0; i < evk_text_column_get_n_answers (variable->texts); i++)
              {
                guint row;
                const char *text = evk_text_column_get_answer (variable->texts, i, &row);

                if (row < 200)
                  evk_text_column_append_at (cut, row, text);
              }
            evk_text_column_pad (cut, 200);
            evk_text_column_free (variable->texts);
            variable->texts = cut;
          }
      }
    survey->n_rows = 200;
    g_assert_true (evk_project_save_survey (project, survey, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (project_path, &db), ==, SQLITE_OK);
  exec_sql (db,
            "PRAGMA journal_mode = DELETE;"
            "VACUUM;");
  sqlite3_close (db);

  /* Every input starts from a project that opens and reads whole. */
  {
    g_autoptr(EvkSurvey) survey = NULL;

    project = evk_project_open_read_only (project_path, &error);
    g_assert_no_error (error);
    survey = evk_survey_load (evk_project_get_store (project), "survey", TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (survey->n_rows, ==, 200);
    g_clear_pointer (&survey, evk_survey_free);
    g_clear_object (&project);
  }
  return project_path;
}

char *
evk_fuzz_copy_project (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (evk_fuzz_project_path (), &contents, &length, &error));
  return evk_fuzz_write (name, (const guint8 *) contents, length);
}
