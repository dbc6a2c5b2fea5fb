/* fuzz-document-review.c: the document-review coding sheet
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a coding sheet (long or wide form) imported into a copy of
 * the demo project, whose 26 measures and codes it refers to. A sheet is
 * refused with an error or imported; an imported one must load back,
 * export, and give the review's tables.
 *
 * This is the only fuzz file that uses the document-review API, so that a
 * rename of that module touches one file.
 */
#include "config.h"

#include <string.h>

#include "evk-model-tables.h"
#include "evk-project.h"
#include "evk-documents-stats.h"
#include "evk-documents.h"
#include "fuzz-common.h"

static EvkProject *project;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  evk_fuzz_init ();
  path = evk_fuzz_copy_project ("review.evalkit");
  project = evk_project_open (path, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = evk_fuzz_write ("documents.csv", data, size);
  g_autofree char *exported = g_build_filename (evk_fuzz_dir (), "exported.csv", NULL);
  g_autoptr(EvkDocuments) review = NULL;
  g_autoptr(EvkDocumentsStats) stats = NULL;
  g_autoptr(EvkTable) matrix = NULL, documents = NULL;
  g_autoptr(GError) error = NULL;

  if (!evk_documents_import (project, path, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  review = evk_documents_load (evk_project_get_store (project), &error);
  g_assert_no_error (error);
  g_assert_true (evk_documents_export (project, exported, &error));
  g_assert_no_error (error);
  /* What we write we must read. */
  if (!evk_documents_import (project, exported, &error))
    g_error ("an imported sheet does not import again once exported: %s", error->message);
  stats = evk_documents_stats_load (project, &error);
  g_assert_no_error (error);
  for (const char * const *name = evk_documents_table_names (); *name != NULL; name++)
    {
      const char *lang = name[0][strlen (*name) - 1] == 's' ? "nb" : "en";
      g_autoptr(EvkDocumentsTable) table = evk_documents_stats_get_table (stats, *name, lang, &error);

      if (table == NULL)
        g_clear_error (&error);
    }
  matrix = evk_table_documents_matrix (stats, NULL);
  documents = evk_table_documents_per_agency (stats);
  return 0;
}
