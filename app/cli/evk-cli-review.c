/* evk-cli-review.c: review commands: comments, comment, resolve, review-copy, merge-review
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "evk-cli-private.h"
#include "evk-comment.h"
#include "evk-project.h"
#include "evk-review-copy.h"
#include "evk-review-merge.h"
#include "evk-table.h"

/* The shortest unambiguous way to name a comment on the command line:
 * `resolve` and `--reply-to` take this prefix (or more of the id). */
#define SHORT_ID 8

static char *
comments_to_json (GPtrArray *comments)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < comments->len; i++)
    {
      EvkComment *c = g_ptr_array_index (comments, i);

      g_string_append (out, i > 0 ? ",\n  {\n" : "\n  {\n");
      evk_cli_json_field (out, "uuid", c->uuid, FALSE);
      evk_cli_json_field (out, "parent_uuid", c->parent_uuid, FALSE);
      evk_cli_json_field (out, "place", c->place, FALSE);
      evk_cli_json_field (out, "place_name", c->place_name, FALSE);
      evk_cli_json_field (out, "author", c->author, FALSE);
      evk_cli_json_field (out, "created_at", c->created_at, FALSE);
      evk_cli_json_field (out, "body", c->body, FALSE);
      evk_cli_json_field (out, "quote", c->quote, FALSE);
      evk_cli_json_field (out, "status", c->status, FALSE);
      evk_cli_json_field (out, "resolved_at", c->resolved_at, FALSE);
      evk_cli_json_field (out, "origin", c->origin, TRUE);
      g_string_append (out, "  }");
    }
  g_string_append (out, comments->len > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}

static char *
comments_to_csv (GPtrArray *comments)
{
  static const char * const header[] = {
    "uuid", "parent_uuid", "place", "place_name", "author", "created_at", "status", "resolved_at", "origin",
    "quote", "body",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      evk_csv_append_field (out, header[i]);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < comments->len; i++)
    {
      EvkComment *c = g_ptr_array_index (comments, i);
      const char *fields[] = {
        c->uuid, c->parent_uuid, c->place, c->place_name, c->author, c->created_at, c->status,
        c->resolved_at, c->origin, c->quote, c->body,
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          evk_csv_append_field (out, fields[f] != NULL ? fields[f] : "");
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* Every line of text after the first indented like the first. */
static void
append_indented (GString    *out,
                 const char *text,
                 const char *indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "%s%s\n", indent, lines[i]);
}

static void
append_comment_text (GString    *out,
                     EvkComment *c,
                     GPtrArray  *comments,
                     guint       depth)
{
  g_autofree char *indent = g_strnfill (2 * depth, ' ');
  g_autofree char *body_indent = g_strnfill (2 * depth + 4, ' ');
  g_autofree char *short_id = g_strndup (c->uuid, SHORT_ID);

  if (depth == 0)
    /* TRANSLATORS: "open 1a2b3c4d  Chart: Awareness … (chart:m20-awareness-7)" */
    g_string_append_printf (out, _("%s%s %s  %s (%s)\n"), indent,
                            g_str_equal (c->status, "resolved") ? _("resolved") : _("open"),
                            short_id, c->place_name, c->place);
  else
    /* TRANSLATORS: a reply: "reply 1a2b3c4d" */
    g_string_append_printf (out, _("%sreply %s\n"), indent, short_id);
  g_string_append_printf (out, "%s  %s, %s\n", indent, c->author, c->created_at);
  if (c->quote != NULL && *c->quote != '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", c->quote);
      append_indented (out, quoted, body_indent);
    }
  if (*c->body != '\0')
    append_indented (out, c->body, body_indent);
  for (guint i = 0; i < comments->len; i++)
    {
      EvkComment *reply = g_ptr_array_index (comments, i);

      if (g_strcmp0 (reply->parent_uuid, c->uuid) == 0)
        append_comment_text (out, reply, comments, depth + 1);
    }
}

static char *
comments_to_text (GPtrArray *comments)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < comments->len; i++)
    g_hash_table_add (uuids, ((EvkComment *) g_ptr_array_index (comments, i))->uuid);
  /* Threads: each comment with its replies under it; a reply whose
   * comment is not listed (resolved, with --open) stands on its own. */
  for (guint i = 0; i < comments->len; i++)
    {
      EvkComment *c = g_ptr_array_index (comments, i);

      if (c->parent_uuid != NULL && g_hash_table_contains (uuids, c->parent_uuid))
        continue;
      append_comment_text (out, c, comments, 0);
    }
  return g_string_free (out, FALSE);
}

int
evk_cli_comments (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("comments");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  gboolean open_only = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only the comments not yet resolved"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default), csv or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    return evk_cli_usage_error (context, _("--format takes text, csv or json"));

  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL ||
      (comments = evk_comments_list (evk_project_get_store (project), open_only, &error)) == NULL)
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }

  if (format != NULL && g_str_equal (format, "json"))
    out = comments_to_json (comments);
  else if (format != NULL && g_str_equal (format, "csv"))
    out = comments_to_csv (comments);
  else
    out = comments_to_text (comments);
  fputs (out, stdout);
  return EXIT_SUCCESS;
}

int
evk_cli_comment (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("comment");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reply_to = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *short_id = NULL;
  EvkStore *store;
  const char *place;
  int status;
  const GOptionEntry entries[] = {
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_("Who writes (default: the review copy’s reviewer, $EVALKIT_AUTHOR, or your name)"), N_("NAME") },
    { "reply-to", 'r', 0, G_OPTION_ARG_STRING, &reply_to,
      N_("Reply to the comment with this id (as “comments” prints it)"), N_("ID") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("PLACE is project, goal:KEY, measure:NUMBER, chart:KEY, figure:KEY, part:KEY, "
      "section:PART/SECTION, measure-section:NUMBER/SECTION or page:NUMBER; a reply is on "
      "its comment’s place, and PLACE may then be “-”."));
  if (!evk_cli_parse (context, &argc, &argv, 3, &status))
    return status;
  place = g_str_equal (argv[2], "-") && reply_to != NULL ? NULL : argv[2];

  project = evk_project_open (argv[1], &error);
  if (project == NULL)
    return evk_cli_fail (error);
  store = evk_project_get_store (project);
  if ((reply_to != NULL && (parent = evk_comment_find (store, reply_to, &error)) == NULL) ||
      (uuid = evk_comment_add (store, place, parent, author, argv[3], NULL, NULL, NULL, NULL, &error)) == NULL)
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  short_id = g_strndup (uuid, SHORT_ID);
  g_print (parent != NULL ? _("Reply %s added\n") : _("Comment %s added\n"), short_id);
  return EXIT_SUCCESS;
}

int
evk_cli_resolve (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("resolve");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reopen = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "reopen", 0, 0, G_OPTION_ARG_NONE, &reopen, N_("Open the comment again"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  project = evk_project_open (argv[1], &error);
  if (project == NULL ||
      !evk_comment_set_status (evk_project_get_store (project), argv[2], !reopen, &error))
    {
      evk_cli_prefix_path (&error, argv[1]);
      return evk_cli_fail (error);
    }
  return EXIT_SUCCESS;
}

int
evk_cli_review_copy (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("review-copy");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "reviewer", 'r', 0, G_OPTION_ARG_STRING, &reviewer,
      N_("Who the copy is for: their comments are signed with this name"), N_("NAME") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("The copy holds the strategy, the texts, the charts and the report, and the aggregate "
      "tables they draw with small cells suppressed; none of the survey’s answers, free text, "
      "contact fields or file names. The project is not changed."));
  if (!evk_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  project = evk_project_open_read_only (argv[1], &error);
  if (project == NULL ||
      !evk_review_copy_write (evk_project_get_store (project), argv[2], reviewer, &error))
    return evk_cli_fail (error);
  g_print (_("Wrote a review copy of %s to %s\n"), argv[1], argv[2]);
  return EXIT_SUCCESS;
}

int
evk_cli_merge_review (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = evk_cli_command_context ("merge-review");
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *added = NULL;
  g_autofree const char **copies = NULL;
  int status;

  g_option_context_set_description (context,
    _("Every comment and reply not yet in the project is added, with its place and author; "
      "merging a copy again adds nothing, and a comment resolved in the project stays resolved. "
      "The copies are not changed; if one of them is refused, nothing is merged."));
  if (!evk_cli_parse (context, &argc, &argv, MAX (argc - 1, 2), &status))
    return status;

  added = g_new0 (guint, argc - 2);
  copies = g_new0 (const char *, argc - 1);
  for (int i = 2; i < argc; i++)
    copies[i - 2] = argv[i];
  project = evk_project_open (argv[1], &error);
  if (project == NULL || !evk_review_merge_all (evk_project_get_store (project), copies, added, &error))
    return evk_cli_fail (error);
  for (int i = 2; i < argc; i++)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u comment merged from %s\n", "%u comments merged from %s\n",
                          added[i - 2]),
             added[i - 2], argv[i]);
  return EXIT_SUCCESS;
}
