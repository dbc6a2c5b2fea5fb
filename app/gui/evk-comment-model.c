/* evk-comment-model.c: the project's review comments as the window shows them
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-comment-model"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "evk-comment-model.h"

struct _EvkCommentModel
{
  GObject     parent_instance;

  EvkProject *project;
  GPtrArray  *comments;     /* EvkComment, oldest first */
  GHashTable *by_uuid;      /* uuid → borrowed EvkComment */
  GHashTable *place_names;  /* "lang place" → name, "" for a place that is gone */
  gboolean    review_copy;
  char       *reviewer;
  char       *preferred;
  char       *author;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EvkCommentModel, evk_comment_model, G_TYPE_OBJECT)

static EvkStore *
get_store (EvkCommentModel *self)
{
  return evk_project_get_store (self->project);
}

static void
update_author (EvkCommentModel *self)
{
  const char *env = g_getenv ("EVALKIT_AUTHOR");
  const char *real = g_get_real_name ();

  g_free (self->author);
  if (self->review_copy && self->reviewer != NULL && self->reviewer[0] != '\0')
    self->author = g_strdup (self->reviewer);
  else if (self->preferred != NULL && self->preferred[0] != '\0')
    self->author = g_strdup (self->preferred);
  else if (env != NULL && env[0] != '\0')
    self->author = g_strdup (env);
  /* GLib answers "Unknown" when the account has no real name. */
  else if (real != NULL && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0)
    self->author = g_strdup (real);
  else
    self->author = g_strdup (g_get_user_name ());
}

static void
reload (EvkCommentModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;

  g_clear_pointer (&self->reviewer, g_free);
  self->review_copy = evk_project_is_review_copy (self->project, &self->reviewer);
  update_author (self);

  comments = evk_comments_list (get_store (self), FALSE, &error);
  if (comments == NULL)
    {
      /* The views show no comments rather than stale ones. */
      g_warning ("Could not read the project’s comments: %s", error->message);
      comments = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_comment_free);
    }
  g_hash_table_remove_all (self->by_uuid);
  g_hash_table_remove_all (self->place_names);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  self->comments = g_steal_pointer (&comments);
  for (guint i = 0; i < self->comments->len; i++)
    {
      EvkComment *comment = g_ptr_array_index (self->comments, i);

      g_hash_table_insert (self->by_uuid, comment->uuid, comment);
    }
}

static void
project_changed (EvkProject      *project,
                 const char      *what,
                 EvkCommentModel *self)
{
  /* A chart, a measure or a chapter may have been renamed or removed:
   * the names of the places are read again. */
  if (g_strcmp0 (what, "comments") == 0 || g_strcmp0 (what, "external") == 0)
    reload (self);
  else if (g_strcmp0 (what, "strategy") == 0 || g_strcmp0 (what, "charts") == 0 ||
           g_strcmp0 (what, "report") == 0)
    g_hash_table_remove_all (self->place_names);
  else
    return;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
evk_comment_model_dispose (GObject *object)
{
  EvkCommentModel *self = EVK_COMMENT_MODEL (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (evk_comment_model_parent_class)->dispose (object);
}

static void
evk_comment_model_finalize (GObject *object)
{
  EvkCommentModel *self = EVK_COMMENT_MODEL (object);

  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->place_names, g_hash_table_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_free (self->reviewer);
  g_free (self->preferred);
  g_free (self->author);
  G_OBJECT_CLASS (evk_comment_model_parent_class)->finalize (object);
}

static void
evk_comment_model_class_init (EvkCommentModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evk_comment_model_dispose;
  object_class->finalize = evk_comment_model_finalize;

  /**
   * EvkCommentModel::changed:
   *
   * Emitted after the comments were read again, or when the places they
   * are on may have changed their names.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evk_comment_model_init (EvkCommentModel *self)
{
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->place_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

EvkCommentModel *
evk_comment_model_new (EvkProject *project)
{
  EvkCommentModel *self;

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  self = g_object_new (EVK_TYPE_COMMENT_MODEL, NULL);
  self->project = g_object_ref (project);
  reload (self);
  g_signal_connect (project, "changed", G_CALLBACK (project_changed), self);
  return self;
}

GPtrArray *
evk_comment_model_get_all (EvkCommentModel *self)
{
  return self->comments;
}

EvkComment *
evk_comment_model_find (EvkCommentModel *self,
                        const char      *uuid)
{
  return uuid != NULL ? g_hash_table_lookup (self->by_uuid, uuid) : NULL;
}

guint
evk_comment_model_count_open (EvkCommentModel *self,
                              const char      *place)
{
  guint n = 0;

  for (guint i = 0; i < self->comments->len; i++)
    {
      EvkComment *comment = g_ptr_array_index (self->comments, i);

      if (comment->parent_uuid == NULL && g_strcmp0 (comment->status, "open") == 0 &&
          (place == NULL || g_strcmp0 (comment->place, place) == 0))
        n++;
    }
  return n;
}

GPtrArray *
evk_comment_model_get_threads (EvkCommentModel *self,
                               const char      *place)
{
  GPtrArray *threads = g_ptr_array_new ();

  for (guint i = 0; i < self->comments->len; i++)
    {
      EvkComment *comment = g_ptr_array_index (self->comments, i);

      if (comment->parent_uuid == NULL && g_strcmp0 (comment->place, place) == 0)
        g_ptr_array_add (threads, comment);
    }
  return threads;
}

GPtrArray *
evk_comment_model_get_replies (EvkCommentModel *self,
                               const char      *uuid)
{
  GPtrArray *replies = g_ptr_array_new ();

  for (guint i = 0; i < self->comments->len; i++)
    {
      EvkComment *comment = g_ptr_array_index (self->comments, i);

      if (g_strcmp0 (comment->parent_uuid, uuid) == 0)
        g_ptr_array_add (replies, comment);
    }
  return replies;
}

gboolean
evk_comment_model_is_review_copy (EvkCommentModel *self)
{
  return self->review_copy;
}

const char *
evk_comment_model_get_reviewer (EvkCommentModel *self)
{
  return self->reviewer;
}

void
evk_comment_model_set_preferred_author (EvkCommentModel *self,
                                        const char      *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_free (self->preferred);
  self->preferred = g_steal_pointer (&stripped);
  update_author (self);
}

const char *
evk_comment_model_get_author (EvkCommentModel *self)
{
  return self->author;
}

char *
evk_comment_model_add (EvkCommentModel  *self,
                       const char       *place,
                       const char       *parent_uuid,
                       const char       *body,
                       const char       *quote,
                       GError          **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (body));
  g_autofree char *uuid = NULL;

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A comment needs a text"));
      return NULL;
    }
  uuid = evk_comment_add (get_store (self), place, parent_uuid, self->author, stripped, quote,
                          NULL, NULL, NULL, error);
  if (uuid == NULL)
    return NULL;
  g_signal_emit_by_name (self->project, "changed", "comments");
  return g_steal_pointer (&uuid);
}

gboolean
evk_comment_model_set_resolved (EvkCommentModel  *self,
                                const char       *uuid,
                                gboolean          resolved,
                                GError          **error)
{
  if (!evk_comment_set_status (get_store (self), uuid, resolved, error))
    return FALSE;
  g_signal_emit_by_name (self->project, "changed", "comments");
  return TRUE;
}

const char *
evk_comment_model_place_name (EvkCommentModel *self,
                              const char      *place,
                              const char      *lang)
{
  g_autofree char *key = g_strdup_printf ("%s %s", lang, place);
  const char *name = g_hash_table_lookup (self->place_names, key);

  if (name == NULL)
    {
      char *now = evk_place_name (get_store (self), place, lang);

      name = now != NULL ? now : g_strdup ("");
      g_hash_table_insert (self->place_names, g_steal_pointer (&key), (char *) name);
    }
  return name[0] != '\0' ? name : NULL;
}

char *
evk_comment_model_place_label (EvkCommentModel *self,
                               EvkComment      *comment,
                               const char      *lang,
                               gboolean        *removed)
{
  const char *name = evk_comment_model_place_name (self, comment->place, lang);

  if (removed != NULL)
    *removed = name == NULL;
  if (name != NULL)
    return g_strdup (name);
  /* Translators: a comment's place that was deleted since; %s is the
   * name it had when the comment was written */
  return g_strdup_printf (_("%s (removed)"), comment->place_name[0] != '\0' ? comment->place_name : comment->place);
}

char *
evk_comment_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "");
  local = g_date_time_to_local (utc);
  /* Translators: the date and time of a comment, in the format
   * g_date_time_format () takes; numbers only, so that the month's name
   * does not come out in another language */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}
