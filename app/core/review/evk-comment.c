/* evk-comment.c: reviewers' comments, anchored to a place in the project
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-comment-private.h"
#include "evk-comment.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-report-outline.h"
#include "evk-store-texts.h"
#include "evk-words.h"

/* Long enough for any note a reviewer writes, short enough that a crafted
 * copy cannot make a merge hold gigabytes. */
#define MAX_BODY  (256 * 1024)
#define MAX_FIELD 1024

void
evk_comment_free (EvkComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->uuid);
  g_free (comment->parent_uuid);
  g_free (comment->place);
  g_free (comment->place_name);
  g_free (comment->author);
  g_free (comment->created_at);
  g_free (comment->body);
  g_free (comment->quote);
  g_free (comment->status);
  g_free (comment->resolved_at);
  g_free (comment->origin);
  g_free (comment);
}

/* ---- Places -------------------------------------------------------- */

static const char * const place_kinds[] = {
  "project", "goal", "measure", "chart", "figure", "part", "section", "measure-section", "page", NULL
};

static gboolean
is_number (const char *text)
{
  guint64 n;

  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &n, NULL);
}

static gboolean
is_key (const char *text,
        gboolean    slash_allowed)
{
  if (text == NULL || *text == '\0' || strlen (text) > MAX_FIELD || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || (c == '/' && !slash_allowed))
        return FALSE;
    }
  return TRUE;
}

static gboolean
bad_place (const char  *place,
           GError     **error)
{
  g_autofree char *shown = place != NULL && g_utf8_validate (place, -1, NULL) ? g_strdup (place) : g_strdup ("?");

  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
               _("“%s” is not a place: use project, goal:KEY, measure:NUMBER, chart:KEY, figure:KEY, "
                 "part:KEY, section:PART/SECTION, measure-section:NUMBER/SECTION or page:NUMBER"),
               shown);
  return FALSE;
}

gboolean
evk_place_parse (const char  *place,
                 char       **kind,
                 char       **key,
                 GError     **error)
{
  const char *colon;
  g_autofree char *k = NULL;
  const char *rest;

  if (kind != NULL)
    *kind = NULL;
  if (key != NULL)
    *key = NULL;
  if (place == NULL || strlen (place) > MAX_FIELD)
    return bad_place (place, error);
  if (g_str_equal (place, "project"))
    {
      if (kind != NULL)
        *kind = g_strdup ("project");
      return TRUE;
    }
  colon = strchr (place, ':');
  if (colon == NULL)
    return bad_place (place, error);
  k = g_strndup (place, colon - place);
  rest = colon + 1;
  if (!g_strv_contains (place_kinds, k) || g_str_equal (k, "project"))
    return bad_place (place, error);

  if (g_str_equal (k, "measure") || g_str_equal (k, "page"))
    {
      if (!is_number (rest))
        return bad_place (place, error);
    }
  else if (g_str_equal (k, "section") || g_str_equal (k, "measure-section"))
    {
      const char *slash = strchr (rest, '/');
      g_autofree char *first = slash != NULL ? g_strndup (rest, slash - rest) : NULL;

      if (slash == NULL || !is_key (first, FALSE) || !is_key (slash + 1, FALSE) ||
          (g_str_equal (k, "measure-section") && !is_number (first)))
        return bad_place (place, error);
    }
  else if (!is_key (rest, TRUE))
    return bad_place (place, error);

  if (kind != NULL)
    *kind = g_steal_pointer (&k);
  if (key != NULL)
    *key = g_strdup (rest);
  return TRUE;
}

/* One text of the project in lang, else in the source language, else in
 * any; NULL when it has none. */
static char *
project_text (EvkStore    *store,
              const char  *entity,
              gint64       entity_id,
              const char  *field,
              const char  *lang)
{
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;
  char *text = NULL;

  stmt = evk_store_prepare (store,
                            "SELECT t.body FROM text t LEFT JOIN language l ON l.code = t.lang "
                            "WHERE t.entity = ?1 AND t.entity_id = ?2 AND t.field = ?3 AND t.body != '' "
                            "ORDER BY t.lang = ?4 DESC, coalesce (l.is_source, 0) DESC, t.lang LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, entity);
  evk_stmt_bind_int (stmt, 2, entity_id);
  evk_stmt_bind_text (stmt, 3, field);
  evk_stmt_bind_text (stmt, 4, lang != NULL ? lang : "");
  if (evk_store_step (store, stmt, &has_row, NULL) && has_row)
    text = g_strdup (evk_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* The row id of the entity with this key (or number), -1 when none. */
static gint64
row_id (EvkStore    *store,
        const char  *sql,
        const char  *key)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, sql, NULL);
  gboolean has_row = FALSE;
  gint64 id = -1;

  if (stmt == NULL)
    return -1;
  evk_stmt_bind_text (stmt, 1, key);
  if (evk_store_step (store, stmt, &has_row, NULL) && has_row)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static const char *
localized_or (GHashTable *localized,
              const char *lang,
              const char *source,
              const char *otherwise)
{
  const char *text = localized != NULL ? evk_localized_get_fallback (localized, lang, source) : NULL;

  return text != NULL && *text != '\0' ? text : otherwise;
}

static char *
part_title (EvkOutlinePart *part,
            const char     *lang,
            const char     *source)
{
  const char *title = localized_or (part->title, lang, source, NULL);
  const char *word;

  if (title != NULL)
    return g_strdup (title);
  word = evk_outline_part_default_word (part);
  if (word != NULL)
    title = evk_word ("Report", word, lang);
  if (title == NULL && word != NULL)
    title = evk_word ("Report", word, source);
  return g_strdup (title != NULL ? title : part->key);
}

static char *
outline_place_name (EvkStore    *store,
                    const char  *kind,
                    const char  *key,
                    const char  *lang,
                    const char  *source)
{
  g_autoptr(EvkOutline) outline = evk_report_outline_load_from_store (store, NULL);

  if (outline == NULL)
    return NULL;
  if (g_str_equal (kind, "figure"))
    {
      for (guint i = 0; i < outline->figures->len; i++)
        {
          EvkOutlineFigure *figure = g_ptr_array_index (outline->figures, i);

          if (g_str_equal (figure->key, key))
            return g_strdup_printf (_("Figure: %s"), localized_or (figure->caption, lang, source, key));
        }
      return NULL;
    }
  if (g_str_equal (kind, "part"))
    {
      EvkOutlinePart *part = evk_outline_find_part (outline, key);
      g_autofree char *title = part != NULL ? part_title (part, lang, source) : NULL;

      return title != NULL ? g_strdup_printf (_("Chapter: %s"), title) : NULL;
    }
  else
    {
      const char *slash = strchr (key, '/');
      g_autofree char *part_key = g_strndup (key, slash - key);
      EvkOutlinePart *part = evk_outline_find_part (outline, part_key);
      EvkOutlineSection *section = part != NULL ? evk_outline_find_section (part, slash + 1) : NULL;
      g_autofree char *title = NULL;

      if (section == NULL)
        return NULL;
      title = part_title (part, lang, source);
      /* "Part title · Section title" */
      return g_strdup_printf (_("%s · %s"), title, localized_or (section->title, lang, source, section->key));
    }
}

char *
evk_place_name (EvkStore    *store,
                const char  *place,
                const char  *lang)
{
  g_autofree char *kind = NULL, *key = NULL;
  g_auto(GStrv) langs = NULL;
  const char *source;
  gint64 id;

  g_return_val_if_fail (store != NULL, NULL);

  if (!evk_place_parse (place, &kind, &key, NULL))
    return NULL;
  langs = evk_store_get_languages (store, NULL);
  source = langs != NULL && langs[0] != NULL ? langs[0] : "";
  if (lang == NULL)
    lang = source;

  if (g_str_equal (kind, "project"))
    {
      g_autofree char *title = project_text (store, "project", 0, "title", lang);

      return title != NULL ? g_strdup_printf (_("Project: %s"), title) : g_strdup (_("The whole project"));
    }
  if (g_str_equal (kind, "page"))
    return g_strdup_printf (_("Page %s"), key);
  if (g_str_equal (kind, "goal"))
    {
      g_autofree char *title = NULL;

      if ((id = row_id (store, "SELECT id FROM goal WHERE key = ?1", key)) < 0)
        return NULL;
      title = project_text (store, "goal", id, "title", lang);
      return title != NULL ? g_strdup_printf (_("Goal %s: %s"), key, title) : g_strdup_printf (_("Goal %s"), key);
    }
  if (g_str_equal (kind, "measure"))
    {
      g_autofree char *title = NULL;

      if ((id = row_id (store, "SELECT id FROM measure WHERE number = CAST (?1 AS INTEGER)", key)) < 0)
        return NULL;
      title = project_text (store, "measure", id, "title", lang);
      return title != NULL ? g_strdup_printf (_("Measure %s: %s"), key, title)
                           : g_strdup_printf (_("Measure %s"), key);
    }
  if (g_str_equal (kind, "measure-section"))
    {
      const char *slash = strchr (key, '/');
      g_autofree char *number = g_strndup (key, slash - key);
      g_autofree char *name = NULL;
      gint64 term;

      if (row_id (store, "SELECT id FROM measure WHERE number = CAST (?1 AS INTEGER)", number) < 0 ||
          (term = row_id (store, "SELECT id FROM term WHERE vocab = 'section' AND key = ?1", slash + 1)) < 0)
        return NULL;
      name = project_text (store, "term", term, "name", lang);
      return g_strdup_printf (_("Measure %s · %s"), number, name != NULL ? name : slash + 1);
    }
  if (g_str_equal (kind, "chart"))
    {
      g_autofree char *caption = NULL;

      if ((id = row_id (store, "SELECT id FROM chart WHERE key = ?1", key)) < 0)
        return NULL;
      caption = project_text (store, "chart", id, "caption", lang);
      return g_strdup_printf (_("Chart: %s"), caption != NULL ? caption : key);
    }
  return outline_place_name (store, kind, key, lang, source);
}

/* ---- Comments ------------------------------------------------------ */

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* A time as the file keeps it: ISO 8601 in UTC, to the second. */
static char *
normalize_time (const char  *text,
                GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (text != NULL && strlen (text) <= 64 && g_utf8_validate (text, -1, NULL))
    parsed = g_date_time_new_from_iso8601 (text, utc);
  if (parsed == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("“%s” is not a date and time (ISO 8601)"),
                   text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
      return NULL;
    }
  in_utc = g_date_time_to_utc (parsed);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
check_text (const char  *what,
            const char  *text,
            gsize        max,
            GError     **error)
{
  if (text != NULL && (strlen (text) > max || !g_utf8_validate (text, -1, NULL)))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("the comment’s %s is not text of at most %zu bytes"), what, max);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char *place;
  const char *parent_uuid;
  const char *author;
  const char *body;
  const char *quote;
  const char *origin;
  const char *created_at;
  const char *uuid;
  char       *new_uuid;
} Add;

static gboolean
comment_place (EvkStore    *store,
               const char  *uuid,
               char       **place,
               char       **place_name)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT place, place_name FROM comment WHERE uuid = ?1", NULL);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, uuid);
  if (evk_store_step (store, stmt, &has_row, NULL) && has_row)
    {
      if (place != NULL)
        *place = g_strdup (evk_stmt_column_text (stmt, 0));
      if (place_name != NULL)
        *place_name = g_strdup (evk_stmt_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return has_row;
}

static gboolean
add_in_transaction (EvkStore  *store,
                    gpointer   user_data,
                    GError   **error)
{
  Add *add = user_data;
  g_autofree char *parent_place = NULL;
  g_autofree char *parent_place_name = NULL;
  g_autofree char *place_name = NULL;
  g_autofree char *created = NULL;
  g_autofree char *author = NULL;
  g_autofree char *uuid = NULL;
  const char *place = add->place;
  gboolean typed = add->origin == NULL || *add->origin == '\0';
  sqlite3_stmt *stmt;

  if (add->parent_uuid != NULL)
    {
      if (!comment_place (store, add->parent_uuid, &parent_place, &parent_place_name))
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("there is no comment “%s” to reply to"), add->parent_uuid);
          return FALSE;
        }
      if (place == NULL)
        place = parent_place;
      else if (!g_str_equal (place, parent_place))
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("a reply is on its comment’s place (%s), not on %s"), parent_place, place);
          return FALSE;
        }
    }
  if (!evk_place_parse (place, NULL, NULL, error))
    return FALSE;

  {
    g_auto(GStrv) langs = evk_store_get_languages (store, error);

    if (langs == NULL)
      return FALSE;
    place_name = evk_place_name (store, place, langs[0]);
  }
  if (place_name == NULL)
    {
      if (typed && add->parent_uuid == NULL)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("the project has no “%s” to comment on"), place);
          return FALSE;
        }
      /* The reply to a comment whose place is gone is on that place too. */
      place_name = g_strdup (parent_place_name != NULL && *parent_place_name != '\0' ? parent_place_name : place);
    }

  if (add->created_at != NULL)
    {
      if ((created = normalize_time (add->created_at, error)) == NULL)
        return FALSE;
    }
  else
    created = now_utc ();

  author = add->author != NULL && *add->author != '\0' ? g_strdup (add->author)
                                                       : evk_comment_default_author (store);
  if (add->uuid != NULL)
    {
      if (!is_key (add->uuid, TRUE) || strlen (add->uuid) > 128)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("“%s” is not a comment id"), g_utf8_validate (add->uuid, -1, NULL) ? add->uuid : "?");
          return FALSE;
        }
      if (evk_comment_exists (store, add->uuid))
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("a comment “%s” exists already"), add->uuid);
          return FALSE;
        }
      uuid = g_strdup (add->uuid);
    }
  else
    uuid = g_uuid_string_random ();

  stmt = evk_store_prepare (store,
                            "INSERT INTO comment (uuid, parent_uuid, place, place_name, author, created_at, "
                            "body, quote, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, uuid);
  evk_stmt_bind_text (stmt, 2, add->parent_uuid);
  evk_stmt_bind_text (stmt, 3, place);
  evk_stmt_bind_text (stmt, 4, place_name);
  evk_stmt_bind_text (stmt, 5, author);
  evk_stmt_bind_text (stmt, 6, created);
  evk_stmt_bind_text (stmt, 7, add->body != NULL ? add->body : "");
  evk_stmt_bind_text (stmt, 8, add->quote != NULL ? add->quote : "");
  evk_stmt_bind_text (stmt, 9, add->origin != NULL ? add->origin : "");
  if (!evk_store_step (store, stmt, NULL, error))
    return FALSE;
  add->new_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

char *
evk_comment_add (EvkStore    *store,
                 const char  *place,
                 const char  *parent_uuid,
                 const char  *author,
                 const char  *body,
                 const char  *quote,
                 const char  *origin,
                 const char  *created_at,
                 const char  *uuid,
                 GError     **error)
{
  Add add = { place, parent_uuid, author, body, quote, origin, created_at, uuid, NULL };

  g_return_val_if_fail (store != NULL, NULL);

  if (!check_text (_("text"), body, MAX_BODY, error) ||
      !check_text (_("quoted text"), quote, MAX_BODY, error) ||
      !check_text (_("author"), author, MAX_FIELD, error) ||
      !check_text (_("origin"), origin, MAX_FIELD, error) ||
      !check_text (_("reply"), parent_uuid, MAX_FIELD, error))
    return NULL;
  if ((body == NULL || *body == '\0') && (quote == NULL || *quote == '\0'))
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the comment has no text"));
      return NULL;
    }
  if (place == NULL && parent_uuid == NULL)
    {
      bad_place (place, error);
      return NULL;
    }
  if (!evk_store_transaction (store, add_in_transaction, &add, error))
    return NULL;
  return add.new_uuid;
}

gboolean
evk_comment_exists (EvkStore   *store,
                    const char *uuid)
{
  g_return_val_if_fail (store != NULL, FALSE);

  return uuid != NULL && comment_place (store, uuid, NULL, NULL);
}

char *
evk_comment_find (EvkStore    *store,
                  const char  *uuid_or_id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  g_autofree char *found = NULL;
  gsize length;

  g_return_val_if_fail (store != NULL, NULL);

  length = uuid_or_id != NULL ? strlen (uuid_or_id) : 0;
  if (length == 0 || length > 128 || !g_utf8_validate (uuid_or_id, -1, NULL))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("no comment “%s”"),
                   uuid_or_id != NULL && g_utf8_validate (uuid_or_id, -1, NULL) ? uuid_or_id : "");
      return NULL;
    }

  if (evk_comment_exists (store, uuid_or_id))
    return g_strdup (uuid_or_id);
  if (is_number (uuid_or_id))
    {
      stmt = evk_store_prepare (store, "SELECT uuid FROM comment WHERE id = CAST (?1 AS INTEGER)", error);
      if (stmt == NULL)
        return NULL;
      evk_stmt_bind_text (stmt, 1, uuid_or_id);
      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (has_row)
        found = g_strdup (evk_stmt_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (found != NULL)
        return g_steal_pointer (&found);
    }
  if (length >= 4)
    {
      guint n = 0;

      stmt = evk_store_prepare (store, "SELECT uuid FROM comment WHERE substr (uuid, 1, length (?1)) = ?1 LIMIT 2",
                                error);
      if (stmt == NULL)
        return NULL;
      evk_stmt_bind_text (stmt, 1, uuid_or_id);
      while (evk_store_step (store, stmt, &has_row, error) && has_row)
        {
          if (n++ == 0)
            found = g_strdup (evk_stmt_column_text (stmt, 0));
        }
      if (error != NULL && *error != NULL)
        return NULL;
      if (n > 1)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("“%s” names more than one comment: give more of its id"), uuid_or_id);
          return NULL;
        }
      if (found != NULL)
        return g_steal_pointer (&found);
    }
  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("no comment “%s”"), uuid_or_id);
  return NULL;
}

typedef struct {
  const char *uuid;
  gboolean    resolved;
} SetStatus;

static gboolean
set_status_in_transaction (EvkStore  *store,
                           gpointer   user_data,
                           GError   **error)
{
  SetStatus *set = user_data;
  g_autofree char *now = now_utc ();
  sqlite3_stmt *stmt;

  /* Resolving twice keeps the first time it was resolved. */
  stmt = evk_store_prepare (store,
                            "UPDATE comment SET status = ?2, "
                            "resolved_at = CASE WHEN ?2 = 'open' THEN NULL ELSE coalesce (resolved_at, ?3) END "
                            "WHERE uuid = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, set->uuid);
  evk_stmt_bind_text (stmt, 2, set->resolved ? "resolved" : "open");
  evk_stmt_bind_text (stmt, 3, now);
  return evk_store_step (store, stmt, NULL, error);
}

gboolean
evk_comment_set_status (EvkStore    *store,
                        const char  *uuid_or_id,
                        gboolean     resolved,
                        GError     **error)
{
  g_autofree char *uuid = evk_comment_find (store, uuid_or_id, error);
  SetStatus set = { uuid, resolved };

  if (uuid == NULL)
    return FALSE;
  return evk_store_transaction (store, set_status_in_transaction, &set, error);
}

GPtrArray *
evk_comments_list (EvkStore  *store,
                   gboolean   open_only,
                   GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_comment_free);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gboolean progress = TRUE;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = evk_store_prepare (store,
                            "SELECT uuid, parent_uuid, place, place_name, author, created_at, body, quote, "
                            "status, resolved_at, origin FROM comment "
                            "WHERE ?1 = 0 OR status = 'open' ORDER BY created_at, id",
                            error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_int (stmt, 1, open_only ? 1 : 0);
  while (evk_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      EvkComment *comment = g_new0 (EvkComment, 1);

      comment->uuid = g_strdup (evk_stmt_column_text (stmt, 0));
      comment->parent_uuid = g_strdup (evk_stmt_column_text (stmt, 1));
      comment->place = g_strdup (evk_stmt_column_text (stmt, 2));
      comment->place_name = g_strdup (evk_stmt_column_text (stmt, 3));
      comment->author = g_strdup (evk_stmt_column_text (stmt, 4));
      comment->created_at = g_strdup (evk_stmt_column_text (stmt, 5));
      comment->body = g_strdup (evk_stmt_column_text (stmt, 6));
      comment->quote = g_strdup (evk_stmt_column_text (stmt, 7));
      comment->status = g_strdup (evk_stmt_column_text (stmt, 8));
      comment->resolved_at = g_strdup (evk_stmt_column_text (stmt, 9));
      comment->origin = g_strdup (evk_stmt_column_text (stmt, 10));
      g_hash_table_add (present, comment->uuid);
      g_ptr_array_add (rows, comment);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Reviewers' clocks differ: a reply may say it is older than its
   * comment. It still comes after it. */
  ordered = g_ptr_array_new_full (rows->len, (GDestroyNotify) evk_comment_free);
  while (ordered->len < rows->len && progress)
    {
      progress = FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          EvkComment *comment = g_ptr_array_index (rows, i);

          if (comment == NULL)
            continue;
          if (comment->parent_uuid != NULL && g_hash_table_contains (present, comment->parent_uuid) &&
              !g_hash_table_contains (placed, comment->parent_uuid))
            continue;
          g_hash_table_add (placed, comment->uuid);
          g_ptr_array_add (ordered, comment);
          rows->pdata[i] = NULL;
          progress = TRUE;
        }
    }
  /* A crafted file may make replies a circle: they still show. */
  for (guint i = 0; i < rows->len; i++)
    if (rows->pdata[i] != NULL)
      {
        g_ptr_array_add (ordered, rows->pdata[i]);
        rows->pdata[i] = NULL;
      }
  return g_steal_pointer (&ordered);
}

char *
evk_comment_default_author (EvkStore *store)
{
  g_autofree char *reviewer = NULL;
  const char *env = g_getenv ("EVALKIT_AUTHOR");
  const char *real;

  if (store != NULL && evk_store_is_review_copy (store, &reviewer) && reviewer != NULL && *reviewer != '\0')
    return g_steal_pointer (&reviewer);
  if (env != NULL && *env != '\0' && g_utf8_validate (env, -1, NULL))
    return g_strdup (env);
  real = g_get_real_name ();
  if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

gboolean
evk_project_is_review_copy (EvkProject  *project,
                            char       **reviewer)
{
  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);

  return evk_store_is_review_copy (evk_project_get_store (project), reviewer);
}

static gboolean
is_time (const char *text)
{
  g_autofree char *normal = text != NULL ? normalize_time (text, NULL) : NULL;

  return normal != NULL && g_str_equal (normal, text);
}

gboolean
_evk_comment_insert (EvkStore          *store,
                     const EvkComment  *c,
                     GError           **error)
{
  sqlite3_stmt *stmt;

  if (!check_text (_("text"), c->body, MAX_BODY, error) ||
      !check_text (_("quoted text"), c->quote, MAX_BODY, error) ||
      !check_text (_("author"), c->author, MAX_FIELD, error) ||
      !check_text (_("origin"), c->origin, MAX_FIELD, error) ||
      !check_text (_("place"), c->place_name, MAX_FIELD, error) ||
      !evk_place_parse (c->place, NULL, NULL, error))
    return FALSE;
  if (c->uuid == NULL || !is_key (c->uuid, TRUE) || strlen (c->uuid) > 128 ||
      (c->parent_uuid != NULL && !evk_comment_exists (store, c->parent_uuid)) ||
      c->author == NULL || c->body == NULL || !is_time (c->created_at) ||
      (g_strcmp0 (c->status, "open") != 0 && g_strcmp0 (c->status, "resolved") != 0) ||
      (c->resolved_at != NULL && !is_time (c->resolved_at)))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("comment “%s” is damaged (its id, reply, author, text, time or status)"),
                   c->uuid != NULL && g_utf8_validate (c->uuid, -1, NULL) ? c->uuid : "?");
      return FALSE;
    }

  stmt = evk_store_prepare (store,
                            "INSERT INTO comment (uuid, parent_uuid, place, place_name, author, created_at, "
                            "body, quote, status, resolved_at, origin) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, c->uuid);
  evk_stmt_bind_text (stmt, 2, c->parent_uuid);
  evk_stmt_bind_text (stmt, 3, c->place);
  evk_stmt_bind_text (stmt, 4, c->place_name != NULL ? c->place_name : c->place);
  evk_stmt_bind_text (stmt, 5, c->author);
  evk_stmt_bind_text (stmt, 6, c->created_at);
  evk_stmt_bind_text (stmt, 7, c->body);
  evk_stmt_bind_text (stmt, 8, c->quote != NULL ? c->quote : "");
  evk_stmt_bind_text (stmt, 9, c->status);
  evk_stmt_bind_text (stmt, 10, c->resolved_at);
  evk_stmt_bind_text (stmt, 11, c->origin != NULL ? c->origin : "");
  return evk_store_step (store, stmt, NULL, error);
}
