/* evk-cli-pdf-comments.c: import-pdf-comments: the notes reviewers added to a draft PDF
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "evk-cli-private.h"
#include "evk-pdf-comments.h"
#include "evk-project.h"

/* "3 comments imported, 1 without a place: attached to page 12". */
static char *
summary (const char   *path,
         EvkPdfImport *result)
{
  GString *out;

  if (result->n_annotations == 0)
    return g_strdup_printf (_("%s has no comments to import\n"), path);

  out = g_string_new (NULL);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u comment imported", "%u comments imported",
                                            result->n_imported),
                          result->n_imported);
  if (result->n_without_place > 0)
    {
      g_autoptr(GString) pages = g_string_new (NULL);
      guint n_pages = result->pages_without_place->len;

      for (guint i = 0; i < n_pages; i++)
        g_string_append_printf (pages, "%s%u", i > 0 ? ", " : "",
                                g_array_index (result->pages_without_place, guint, i));
      g_string_append (out, ", ");
      /* Translators: "…, 1 without a place: attached to page 12" (to pages 3, 12 for several) */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u without a place", "%u without a place",
                                                result->n_without_place),
                              result->n_without_place);
      g_string_append (out, ": ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "attached to page %s", "attached to pages %s",
                                                n_pages),
                              pages->str);
    }
  if (result->n_known > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "(%u was in the project already)",
                                                "(%u were in the project already)", result->n_known),
                              result->n_known);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

int
evk_cli_import_pdf_comments (int    argc,
                             char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("import-pdf-comments");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EvkPdfImport result = { 0 };
  int status;

  g_option_context_set_description (context,
    _("DRAFT.pdf is a draft of the project (evalkit report --draft) that reviewers annotated in "
      "any PDF viewer: each sticky note, highlight, text box and reply becomes a comment on the "
      "chart, table or section under it. Importing the same file again adds nothing."));
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  project = evk_project_open (argv[1], &error);
  if (project == NULL)
    return evk_cli_fail (error);
  if (!evk_pdf_comments_import (project, argv[2], &result, &error))
    {
      evk_pdf_import_clear (&result);
      return evk_cli_fail (error);
    }
  text = summary (argv[2], &result);
  g_print ("%s", text);
  evk_pdf_import_clear (&result);
  return EXIT_SUCCESS;
}
