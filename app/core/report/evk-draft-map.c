/* evk-draft-map.c: where a draft report put each chart and section, by document id
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-draft-map.h"
#include "evk-store-review.h"
#include "evk-store.h"

void
evk_draft_anchor_clear (EvkDraftAnchor *anchor)
{
  g_clear_pointer (&anchor->place, g_free);
  g_clear_pointer (&anchor->name, g_free);
}

GArray *
evk_draft_anchors_new (void)
{
  GArray *anchors = g_array_new (FALSE, TRUE, sizeof (EvkDraftAnchor));

  g_array_set_clear_func (anchors, (GDestroyNotify) evk_draft_anchor_clear);
  return anchors;
}

EvkDraftMap *
evk_draft_map_new (const char *doc_id,
                   const char *project_id,
                   const char *lang,
                   guint       n_pages,
                   GArray     *anchors)
{
  EvkDraftMap *map = g_new0 (EvkDraftMap, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  map->doc_id = g_strdup (doc_id);
  map->project_id = g_strdup (project_id);
  map->lang = g_strdup (lang);
  map->rendered_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  map->n_pages = n_pages;
  map->anchors = anchors != NULL ? g_array_ref (anchors) : evk_draft_anchors_new ();
  return map;
}

void
evk_draft_map_free (EvkDraftMap *map)
{
  if (map == NULL)
    return;
  g_free (map->doc_id);
  g_free (map->project_id);
  g_free (map->lang);
  g_free (map->rendered_at);
  g_array_unref (map->anchors);
  g_free (map);
}

char *
evk_draft_doc_id_new (void)
{
  return g_uuid_string_random ();
}

char *
evk_draft_doc_id_to_hex (const char *doc_id)
{
  GString *hex;

  if (doc_id == NULL || !g_uuid_string_is_valid (doc_id))
    return NULL;
  hex = g_string_sized_new (32);
  for (const char *p = doc_id; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (hex, g_ascii_tolower (*p));
  return g_string_free (hex, FALSE);
}

char *
evk_draft_doc_id_from_hex (const char *hex,
                           gsize       length)
{
  char uuid[37];
  guint k = 0;

  if (hex == NULL || length != 32)
    return NULL;
  for (gsize i = 0; i < 32; i++)
    {
      if (!g_ascii_isxdigit (hex[i]))
        return NULL;
      if (i == 8 || i == 12 || i == 16 || i == 20)
        uuid[k++] = '-';
      uuid[k++] = g_ascii_tolower (hex[i]);
    }
  uuid[k] = '\0';
  return g_uuid_string_is_valid (uuid) ? g_strdup (uuid) : NULL;
}

typedef struct {
  EvkDraftMap *map;
} StoreData;

static gboolean
store_func (EvkStore  *store,
            gpointer   user_data,
            GError   **error)
{
  EvkDraftMap *map = ((StoreData *) user_data)->map;
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store, "INSERT INTO draft (doc_id, rendered_at, lang, n_pages) VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, map->doc_id);
  evk_stmt_bind_text (stmt, 2, map->rendered_at);
  evk_stmt_bind_text (stmt, 3, map->lang);
  evk_stmt_bind_int (stmt, 4, map->n_pages);
  if (!evk_store_step (store, stmt, &has_row, error))
    return FALSE;
  sqlite3_reset (stmt);

  stmt = evk_store_prepare (store, "INSERT INTO draft_anchor (doc_id, page, x0, y0, x1, y1, place, name) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < map->anchors->len; i++)
    {
      EvkDraftAnchor *anchor = &g_array_index (map->anchors, EvkDraftAnchor, i);

      evk_stmt_bind_text (stmt, 1, map->doc_id);
      evk_stmt_bind_int (stmt, 2, anchor->page);
      sqlite3_bind_double (stmt, 3, anchor->x0);
      sqlite3_bind_double (stmt, 4, anchor->y0);
      sqlite3_bind_double (stmt, 5, anchor->x1);
      sqlite3_bind_double (stmt, 6, anchor->y1);
      evk_stmt_bind_text (stmt, 7, anchor->place);
      evk_stmt_bind_text (stmt, 8, anchor->name != NULL ? anchor->name : "");
      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
evk_draft_map_store (EvkStore     *store,
                     EvkDraftMap  *map,
                     GError      **error)
{
  StoreData data = { map };

  g_return_val_if_fail (map != NULL && map->doc_id != NULL, FALSE);
  return evk_store_transaction (store, store_func, &data, error);
}

EvkDraftMap *
evk_draft_map_load (EvkStore    *store,
                    const char  *doc_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(EvkDraftMap) map = NULL;
  gboolean has_row = FALSE;

  stmt = evk_store_prepare (store, "SELECT rendered_at, lang, n_pages FROM draft WHERE doc_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, doc_id);
  if (!evk_store_step (store, stmt, &has_row, error) || !has_row)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  map = g_new0 (EvkDraftMap, 1);
  map->doc_id = g_strdup (doc_id);
  map->rendered_at = g_strdup (evk_stmt_column_text (stmt, 0));
  map->lang = g_strdup (evk_stmt_column_text (stmt, 1));
  map->n_pages = (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT);
  map->anchors = evk_draft_anchors_new ();
  sqlite3_reset (stmt);

  map->project_id = evk_project_id (store, error);
  if (map->project_id == NULL)
    return NULL;

  stmt = evk_store_prepare (store, "SELECT page, x0, y0, x1, y1, place, name FROM draft_anchor "
                                   "WHERE doc_id = ?1 ORDER BY page, y0, rowid", error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, doc_id);
  for (;;)
    {
      EvkDraftAnchor anchor = { 0 };
      gint64 page;

      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      page = sqlite3_column_int64 (stmt, 0);
      /* A crafted file's rows must not make the lookups misbehave. */
      if (page < 1 || page > G_MAXUINT)
        continue;
      anchor.page = (guint) page;
      anchor.x0 = sqlite3_column_double (stmt, 1);
      anchor.y0 = sqlite3_column_double (stmt, 2);
      anchor.x1 = sqlite3_column_double (stmt, 3);
      anchor.y1 = sqlite3_column_double (stmt, 4);
      if (!isfinite (anchor.x0) || !isfinite (anchor.y0) || !isfinite (anchor.x1) || !isfinite (anchor.y1))
        continue;
      anchor.place = g_strdup (evk_stmt_column_text (stmt, 5));
      anchor.name = g_strdup (evk_stmt_column_text (stmt, 6) ?: "");
      if (anchor.place == NULL)
        continue;
      g_array_append_val (map->anchors, anchor);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&map);
}

static double
area (const EvkDraftAnchor *anchor)
{
  return fabs (anchor->x1 - anchor->x0) * fabs (anchor->y1 - anchor->y0);
}

const EvkDraftAnchor *
evk_draft_map_find (EvkDraftMap *map,
                    guint        page,
                    double       x,
                    double       y)
{
  const EvkDraftAnchor *best = NULL, *nearest = NULL;
  gboolean best_holds_x = FALSE;
  double nearest_distance = G_MAXDOUBLE;

  g_return_val_if_fail (map != NULL, NULL);

  for (guint i = 0; i < map->anchors->len; i++)
    {
      const EvkDraftAnchor *anchor = &g_array_index (map->anchors, EvkDraftAnchor, i);
      double top = MIN (anchor->y0, anchor->y1), bottom = MAX (anchor->y0, anchor->y1);
      gboolean holds_x = x >= MIN (anchor->x0, anchor->x1) && x <= MAX (anchor->x0, anchor->x1);

      if (anchor->page != page)
        continue;
      /* A note in the margin beside a paragraph is about that paragraph:
       * the height decides, the width only breaks ties. */
      if (y >= top && y <= bottom)
        {
          if (best == NULL || (holds_x && !best_holds_x) ||
              (holds_x == best_holds_x && area (anchor) < area (best)))
            {
              best = anchor;
              best_holds_x = holds_x;
            }
        }
      else
        {
          double distance = y < top ? top - y : y - bottom;

          if (distance < nearest_distance ||
              (distance == nearest_distance && nearest != NULL && area (anchor) < area (nearest)))
            {
              nearest = anchor;
              nearest_distance = distance;
            }
        }
    }
  return best != NULL ? best : nearest;
}

const EvkDraftAnchor *
evk_draft_map_first (EvkDraftMap *map,
                     const char  *place)
{
  const EvkDraftAnchor *first = NULL;

  for (guint i = 0; i < map->anchors->len; i++)
    {
      const EvkDraftAnchor *anchor = &g_array_index (map->anchors, EvkDraftAnchor, i);

      if (g_strcmp0 (anchor->place, place) != 0)
        continue;
      if (first == NULL || anchor->page < first->page ||
          (anchor->page == first->page && anchor->y0 < first->y0))
        first = anchor;
    }
  return first;
}
