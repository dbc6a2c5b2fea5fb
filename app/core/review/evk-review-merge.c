/* evk-review-merge.c: bringing a review copy's comments home
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "evk-comment-private.h"
#include "evk-model-error.h"
#include "evk-review-merge.h"
#include "evk-store-review.h"

typedef struct {
  char      *path;
  char      *copy_id;
  GPtrArray *comments;
} Copy;

static void
copy_free (Copy *copy)
{
  g_free (copy->path);
  g_free (copy->copy_id);
  g_clear_pointer (&copy->comments, g_ptr_array_unref);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Copy, copy_free)

static gboolean
refuse (GError     **error,
        const char  *path,
        const char  *message)
{
  g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

static gboolean
side_file (const char *path,
           const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

/* The copy's comments, read through a read-only connection after the
 * checks every project file gets. */
static Copy *
read_copy (const char  *path,
           const char  *project_id,
           GError     **error)
{
  g_autoptr(Copy) copy = g_new0 (Copy, 1);
  g_autoptr(EvkStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy_project = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;

  copy->path = g_strdup (path);
  /* A journal or WAL beside it would be played back into it on opening:
   * a file still being written (or cut short) is not merged, and the copy
   * is never changed. */
  if (side_file (path, "-journal") || side_file (path, "-wal"))
    return refuse (error, path, _("the review copy is still being written, or its writing was cut short")), NULL;

  store = evk_store_open (path, EVK_STORE_OPEN_READ_ONLY, &local_error);
  if (store == NULL)
    {
      if (g_error_matches (local_error, EVK_STORE_ERROR, EVK_STORE_ERROR_READ_ONLY))
        refuse (error, path, _("the review copy was made by an older Evalkit; open it once to bring it up to date"));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  if (!evk_store_is_review_copy (store, NULL))
    return refuse (error, path, _("not a review copy (a review copy is made with “Make Review Copy…” or "
                                  "evalkit review-copy)")), NULL;

  stmt = evk_store_prepare (store, "SELECT copy_id, project_id FROM review_copy", &local_error);
  if (stmt == NULL || !evk_store_step (store, stmt, &has_row, &local_error) || !has_row)
    {
      refuse (error, path, local_error != NULL ? local_error->message : _("not a review copy"));
      return NULL;
    }
  copy->copy_id = g_strdup (evk_stmt_column_text (stmt, 0));
  copy_project = g_strdup (evk_stmt_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (g_strcmp0 (copy_project, project_id) != 0)
    return refuse (error, path, _("a review copy of another project")), NULL;

  copy->comments = evk_comments_list (store, FALSE, &local_error);
  if (copy->comments == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

typedef struct {
  GPtrArray *copies;   /* Copy */
  guint     *n_added;
} Merge;

static gboolean
merge_in_transaction (EvkStore  *store,
                      gpointer   user_data,
                      GError   **error)
{
  Merge *merge = user_data;

  for (guint i = 0; i < merge->copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (merge->copies, i);
      g_autofree char *origin = g_strdup_printf ("copy:%s", copy->copy_id);
      guint added = 0;

      /* Oldest first, a reply after its comment: a parent is home before
       * its replies are. */
      for (guint k = 0; k < copy->comments->len; k++)
        {
          EvkComment *comment = g_ptr_array_index (copy->comments, k);
          EvkComment merged = *comment;

          if (evk_comment_exists (store, comment->uuid))
            continue;
          /* Typed in the copy: from the copy. Imported into it from a PDF:
           * from that PDF. */
          if (comment->origin == NULL || *comment->origin == '\0')
            merged.origin = origin;
          if (!_evk_comment_insert (store, &merged, error))
            {
              g_prefix_error (error, "%s: ", copy->path);
              return FALSE;
            }
          added++;
        }
      if (merge->n_added != NULL)
        merge->n_added[i] = added;
    }
  return TRUE;
}

gboolean
evk_review_merge_all (EvkStore            *home,
                      const char * const  *copy_paths,
                      guint               *n_added,
                      GError             **error)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) copy_free);
  g_autofree char *project_id = NULL;
  Merge merge = { copies, n_added };

  g_return_val_if_fail (home != NULL, FALSE);
  g_return_val_if_fail (copy_paths != NULL, FALSE);

  if (evk_store_is_review_copy (home, NULL))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("%s is a review copy: review copies are merged into the evaluator’s project"),
                   evk_store_get_path (home));
      return FALSE;
    }
  if ((project_id = evk_project_id (home, error)) == NULL)
    return FALSE;
  /* Every copy is read and checked before home is touched. */
  for (guint i = 0; copy_paths[i] != NULL; i++)
    {
      Copy *copy = read_copy (copy_paths[i], project_id, error);

      if (copy == NULL)
        return FALSE;
      g_ptr_array_add (copies, copy);
    }
  return evk_store_transaction (home, merge_in_transaction, &merge, error);
}

gboolean
evk_review_merge (EvkStore    *home,
                  const char  *copy_path,
                  guint       *n_added,
                  GError     **error)
{
  const char *paths[] = { copy_path, NULL };

  g_return_val_if_fail (copy_path != NULL, FALSE);

  return evk_review_merge_all (home, paths, n_added, error);
}
