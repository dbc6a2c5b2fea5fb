/* evk-po.c: a project's translations as a gettext PO file, and back
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-po"

#include "config.h"

#include <errno.h>
#include <gettext-po.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-po.h"

#define PROJECT_HEADER "X-Evalkit-Project"

G_DEFINE_QUARK (evk-po-error-quark, evk_po_error)

/* libgettextpo reports through a handler; the first error is the one the
 * user sees, with its file and line. A fatal error comes after the
 * errors that caused it (libgettextpo reads to the end first), so
 * returning from it is safe: the reader then returns what it read. */
typedef struct {
  GError *error;
} Reporter;

static Reporter *current_reporter;
static GMutex reporter_lock;

static void
report (int             severity,
        const char     *filename,
        size_t          lineno,
        const char     *message)
{
  if (severity == PO_SEVERITY_WARNING || current_reporter == NULL ||
      current_reporter->error != NULL)
    return;
  if (filename != NULL && lineno != (size_t) -1 && lineno > 0)
    g_set_error (&current_reporter->error, EVK_PO_ERROR, EVK_PO_ERROR_SYNTAX, "%s:%zu: %s",
                 filename, lineno, message);
  else
    g_set_error (&current_reporter->error, EVK_PO_ERROR, EVK_PO_ERROR_SYNTAX, "%s%s%s",
                 filename != NULL ? filename : "", filename != NULL ? ": " : "", message);
}

static void
on_xerror (int                severity,
           po_message_t       message,
           const char        *filename,
           size_t             lineno,
           size_t             column,
           int                multiline_p,
           const char        *message_text)
{
  report (severity, filename, lineno, message_text);
}

static void
on_xerror2 (int                severity,
            po_message_t       message1,
            const char        *filename1,
            size_t             lineno1,
            size_t             column1,
            int                multiline_p1,
            const char        *message_text1,
            po_message_t       message2,
            const char        *filename2,
            size_t             lineno2,
            size_t             column2,
            int                multiline_p2,
            const char        *message_text2)
{
  g_autofree char *both = g_strdup_printf ("%s %s", message_text1, message_text2);

  report (severity, filename1, lineno1, both);
}

static const struct po_xerror_handler handler = { on_xerror, on_xerror2 };

/* libgettextpo's handler is global: one read or write at a time. */
static void
reporter_begin (Reporter *reporter)
{
  g_mutex_lock (&reporter_lock);
  reporter->error = NULL;
  current_reporter = reporter;
}

static gboolean
reporter_end (Reporter  *reporter,
              GError   **error)
{
  current_reporter = NULL;
  g_mutex_unlock (&reporter_lock);
  if (reporter->error != NULL)
    {
      g_propagate_error (error, reporter->error);
      return FALSE;
    }
  return TRUE;
}

typedef struct po_file PoFile;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoFile, po_file_free)

/* msgfmt --check wants msgid and msgstr to begin and end alike with a
 * newline; a Markdown text means the same without them, so the file
 * carries neither, and import compares without them. */
static char *
trim_newlines (const char *text)
{
  const char *start = text, *end;

  if (text == NULL)
    return NULL;
  while (*start == '\n' || *start == '\r')
    start++;
  end = start + strlen (start);
  while (end > start && (end[-1] == '\n' || end[-1] == '\r'))
    end--;
  return g_strndup (start, end - start);
}

static char *
make_header (EvkProject  *project,
             const char  *lang,
             const char  *source,
             GError     **error)
{
  g_autofree char *project_id = evk_project_get_meta (project, "project_id", error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M+0000");
  g_autofree char *title = NULL;

  if (project_id == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_OTHER_PROJECT,
                     _("%s: the project has no id to name in a PO file"),
                     evk_project_get_path (project));
      return NULL;
    }
  title = g_path_get_basename (evk_project_get_path (project));
  return g_strdup_printf ("Project-Id-Version: %s\n"
                          "Report-Msgid-Bugs-To: \n"
                          "POT-Creation-Date: %s\n"
                          "PO-Revision-Date: %s\n"
                          "Last-Translator: \n"
                          "Language-Team: \n"
                          "Language: %s\n"
                          "MIME-Version: 1.0\n"
                          "Content-Type: text/plain; charset=UTF-8\n"
                          "Content-Transfer-Encoding: 8bit\n"
                          "X-Generator: Evalkit " PACKAGE_VERSION "\n"
                          PROJECT_HEADER ": %s\n"
                          "X-Evalkit-Source-Language: %s\n",
                          title, date, date, lang, project_id, source);
}

gboolean
evk_po_export (EvkProject   *project,
               const char   *lang,
               const char   *path,
               GError      **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(PoFile) file = NULL;
  g_auto(GStrv) langs = NULL;
  g_autofree char *header = NULL;
  g_autofree char *tmp_path = NULL;
  po_message_iterator_t iter;
  po_message_t message;
  Reporter reporter;
  gboolean ok;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);

  units = evk_translatables_list (project, lang, NULL, error);
  if (units == NULL)
    return FALSE;
  langs = evk_project_get_languages (project, error);
  if (langs == NULL)
    return FALSE;
  header = make_header (project, lang, langs[0], error);
  if (header == NULL)
    return FALSE;

  file = po_file_create ();
  iter = po_message_iterator (file, NULL);
  message = po_message_create ();
  po_message_set_msgid (message, "");
  po_message_set_msgstr (message, header);
  po_message_insert (iter, message);

  for (guint i = 0; i < units->len; i++)
    {
      EvkTranslatable *unit = g_ptr_array_index (units, i);
      g_autofree char *msgid = trim_newlines (unit->source);
      g_autofree char *msgstr = trim_newlines (unit->translation);
      g_autofree char *comment = g_strdup_printf ("%s (%s)", unit->place,
                                                  evk_translatable_kind_to_string (unit->kind));

      if (*msgid == '\0')
        continue;
      message = po_message_create ();
      po_message_set_msgctxt (message, unit->key);
      po_message_set_msgid (message, msgid);
      po_message_set_msgstr (message, msgstr != NULL ? msgstr : "");
      po_message_set_extracted_comments (message, comment);
      if (unit->state == EVK_TEXT_OUTDATED)
        {
          po_message_set_fuzzy (message, 1);
          if (unit->previous_source != NULL)
            {
              g_autofree char *previous = trim_newlines (unit->previous_source);

              po_message_set_prev_msgid (message, previous);
            }
        }
      /* A text with a % is no format string, whatever msgfmt guesses. */
      if (strchr (msgid, '%') != NULL)
        po_message_set_format (message, "c-format", 0);
      po_message_insert (iter, message);
    }
  po_message_iterator_free (iter);

  tmp_path = g_strconcat (path, ".partial", NULL);
  reporter_begin (&reporter);
  po_file_write (file, tmp_path, &handler);
  ok = reporter_end (&reporter, error);
  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

/* "nn", "nn_NO" or "nn-NO" in a file, as the project's language code. */
static char *
file_language (const char  *header_lang,
               GStrv        langs)
{
  g_autofree char *code = g_strdelimit (g_strstrip (g_strdup (header_lang)), "_", '-');
  const char *dash = strchr (code, '-');

  if (g_strv_contains ((const char * const *) langs, code))
    return g_steal_pointer (&code);
  if (dash != NULL)
    {
      g_autofree char *base = g_strndup (code, dash - code);

      if (g_strv_contains ((const char * const *) langs, base))
        return g_steal_pointer (&base);
    }
  return g_steal_pointer (&code);
}

gboolean
evk_po_import (EvkProject            *project,
               const char            *path,
               const char            *expected_lang,
               char                 **lang_out,
               EvkTranslationResult  *result,
               GError               **error)
{
  g_autoptr(PoFile) file = NULL;
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (EvkTranslationUpdate));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *project_id = NULL;
  g_autofree char *file_project = NULL;
  g_autofree char *header_lang = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) langs = NULL;
  const char *header;
  po_message_iterator_t iter;
  po_message_t message;
  Reporter reporter;
  EvkTranslationResult local_result = { 0 };
  guint n_unnamed = 0;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("%s: no such file"), path);
      return FALSE;
    }
  reporter_begin (&reporter);
  file = po_file_read (path, &handler);
  if (!reporter_end (&reporter, error))
    return FALSE;
  if (file == NULL)
    {
      g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_SYNTAX, _("%s: not a PO file"), path);
      return FALSE;
    }

  header = po_file_domain_header (file, NULL);
  if (header != NULL)
    {
      char *value = po_header_field (header, PROJECT_HEADER);

      file_project = g_strdup (value);
      free (value);
      value = po_header_field (header, "Language");
      header_lang = g_strdup (value);
      free (value);
    }
  project_id = evk_project_get_meta (project, "project_id", error);
  if (project_id == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (file_project == NULL || g_strcmp0 (g_strstrip (file_project), project_id) != 0)
    {
      if (file_project == NULL)
        g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_OTHER_PROJECT,
                     _("%s: no %s header: the file was not exported from this project"),
                     path, PROJECT_HEADER);
      else
        g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_OTHER_PROJECT,
                     _("%s: the file is for another project (%s), not this one (%s)"),
                     path, file_project, project_id != NULL ? project_id : "-");
      return FALSE;
    }

  langs = evk_project_get_languages (project, error);
  if (langs == NULL)
    return FALSE;
  if (header_lang == NULL || *g_strstrip (header_lang) == '\0')
    {
      g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_LANGUAGE,
                   _("%s: the header names no Language"), path);
      return FALSE;
    }
  lang = file_language (header_lang, langs);
  if (!evk_language_code_is_valid (lang))
    {
      g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_LANGUAGE,
                   _("%s: “%s” in the header is not a language code"), path, header_lang);
      return FALSE;
    }
  if (expected_lang != NULL && !g_str_equal (expected_lang, lang))
    {
      g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_LANGUAGE,
                   _("%s: the file is for language %s, not %s"), path, lang, expected_lang);
      return FALSE;
    }
  if (langs[0] != NULL && g_str_equal (langs[0], lang))
    {
      g_set_error (error, EVK_PO_ERROR, EVK_PO_ERROR_LANGUAGE,
                   _("%s: the file is for %s, the project’s source language, which is "
                     "written in Evalkit, not translated"), path, lang);
      return FALSE;
    }

  iter = po_message_iterator (file, NULL);
  while ((message = po_next_message (iter)) != NULL)
    {
      const char *context = po_message_msgctxt (message);
      EvkTranslationUpdate update = { 0 };
      char *translation;
      char *previous = NULL;

      if (po_message_is_obsolete (message) || *po_message_msgid (message) == '\0')
        continue;
      if (context == NULL || po_message_msgid_plural (message) != NULL)
        {
          n_unnamed++;
          continue;
        }
      translation = trim_newlines (po_message_msgstr (message));
      g_ptr_array_add (strings, translation);
      if (po_message_prev_msgid (message) != NULL)
        {
          previous = g_strdup (po_message_prev_msgid (message));
          g_ptr_array_add (strings, previous);
        }
      update.key = context;
      update.translation = translation;
      update.fuzzy = po_message_is_fuzzy (message);
      update.previous_source = previous;
      g_array_append_val (updates, update);
    }
  po_message_iterator_free (iter);

  if (result == NULL)
    result = &local_result;
  if (!evk_translatables_apply (project, lang, updates, result, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  result->unknown += n_unnamed;
  if (lang_out != NULL)
    *lang_out = g_steal_pointer (&lang);
  return TRUE;
}
