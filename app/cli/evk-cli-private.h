/* evk-cli-private.h: helpers shared by the command files
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EVK_EXIT_USAGE 2

GOptionContext *evk_cli_command_context (const char      *name);
gboolean        evk_cli_parse           (GOptionContext  *context,
                                         int             *argc,
                                         char          ***argv,
                                         int              n_args,
                                         int             *status);
int             evk_cli_fail            (GError          *error);
/* Prefixes "PATH: " unless the core already named the file (it does for
 * a damaged project). */
void            evk_cli_prefix_path     (GError         **error,
                                         const char      *path);
/* One "name": value line of an object in the commands' JSON output; NULL
 * prints null. */
void            evk_cli_json_field      (GString         *out,
                                         const char      *name,
                                         const char      *value,
                                         gboolean         last);
int             evk_cli_usage_error     (GOptionContext  *context,
                                         const char      *message);

int evk_cli_import_survey    (int argc, char **argv);
int evk_cli_variables        (int argc, char **argv);
int evk_cli_variable_role    (int argc, char **argv);
int evk_cli_table            (int argc, char **argv);
int evk_cli_import_documents (int argc, char **argv);
int evk_cli_group            (int argc, char **argv);
int evk_cli_link             (int argc, char **argv);
int evk_cli_charts           (int argc, char **argv);
int evk_cli_chart            (int argc, char **argv);
int evk_cli_chart_add        (int argc, char **argv);
int evk_cli_chart_edit       (int argc, char **argv);
int evk_cli_chart_remove     (int argc, char **argv);
int evk_cli_comments         (int argc, char **argv);
int evk_cli_comment          (int argc, char **argv);
int evk_cli_resolve          (int argc, char **argv);
int evk_cli_review_copy      (int argc, char **argv);
int evk_cli_merge_review     (int argc, char **argv);
int evk_cli_import_pdf_comments (int argc, char **argv);
int evk_cli_check            (int argc, char **argv);
int evk_cli_export_po        (int argc, char **argv);
int evk_cli_import_po        (int argc, char **argv);
int evk_cli_add_language     (int argc, char **argv);

G_END_DECLS
