/* evk-store-texts.c: localized texts with source fingerprints in the store
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "evk-localized.h"
#include "evk-store-texts.h"

struct _EvkTextIndex
{
  GHashTable *fields; /* "id\x1ffield" → localized */
};

GStrv
evk_store_get_languages (EvkStore  *store,
                         GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT code FROM language ORDER BY is_source DESC, position, code",
                            error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    g_strv_builder_add (builder, evk_stmt_column_text (stmt, 0));
  if (error != NULL && *error != NULL)
    return NULL;
  return g_strv_builder_end (builder);
}

gboolean
evk_store_add_language (EvkStore    *store,
                        const char  *lang,
                        gboolean     is_source,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  if (!evk_language_code_is_valid (lang))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                   _("“%s” is not a language code"), lang);
      return FALSE;
    }

  stmt = evk_store_prepare (store,
                            "INSERT INTO language (code, position, is_source) "
                            "VALUES (?1, (SELECT count(*) FROM language), ?2) "
                            "ON CONFLICT (code) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, lang);
  evk_stmt_bind_int (stmt, 2, is_source ? 1 : 0);
  return evk_store_step (store, stmt, NULL, error);
}

static char *
get_source_language (EvkStore  *store,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;
  char *code;

  stmt = evk_store_prepare (store, "SELECT code FROM language WHERE is_source = 1", error);
  if (stmt == NULL || !evk_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                           _("the project has no source language"));
      return NULL;
    }
  code = g_strdup (evk_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return code;
}

static gboolean
lookup_text (EvkStore    *store,
             const char  *entity,
             gint64       entity_id,
             const char  *field,
             const char  *lang,
             char       **body,
             char       **source_fp,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT body, source_fp FROM text "
                            "WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 AND lang = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, entity);
  evk_stmt_bind_int (stmt, 2, entity_id);
  evk_stmt_bind_text (stmt, 3, field);
  evk_stmt_bind_text (stmt, 4, lang);
  if (!evk_store_step (store, stmt, &has_row, error))
    return FALSE;
  *body = has_row ? g_strdup (evk_stmt_column_text (stmt, 0)) : NULL;
  if (source_fp != NULL)
    *source_fp = has_row ? g_strdup (evk_stmt_column_text (stmt, 1)) : NULL;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_text (EvkStore    *store,
            const char  *entity,
            gint64       entity_id,
            const char  *field,
            const char  *lang,
            const char  *body,
            const char  *source_fp,
            const char  *source_body,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (body == NULL || *body == '\0')
    {
      stmt = evk_store_prepare (store,
                                "DELETE FROM text WHERE entity = ?1 AND entity_id = ?2 "
                                "AND field = ?3 AND lang = ?4",
                                error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = evk_store_prepare (store,
                                "INSERT INTO text (entity, entity_id, field, lang, body, source_fp, source_body) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                "ON CONFLICT (entity, entity_id, field, lang) DO UPDATE "
                                "SET body = excluded.body, source_fp = excluded.source_fp, "
                                /* Putting a version back (undo) knows only the
                                 * fingerprint: the source it names stays. */
                                "source_body = CASE WHEN excluded.source_body IS NULL "
                                "  AND excluded.source_fp = text.source_fp THEN text.source_body "
                                "  ELSE excluded.source_body END, "
                                "updated_at = excluded.updated_at",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 5, body);
      evk_stmt_bind_text (stmt, 6, source_fp);
      evk_stmt_bind_text (stmt, 7, source_body);
    }
  evk_stmt_bind_text (stmt, 1, entity);
  evk_stmt_bind_int (stmt, 2, entity_id);
  evk_stmt_bind_text (stmt, 3, field);
  evk_stmt_bind_text (stmt, 4, lang);
  return evk_store_step (store, stmt, NULL, error);
}

/* The one rule for fingerprints, shared by bulk replacement and single
 * edits: the source row carries its own fingerprint; a translation carries
 * the source's fingerprint at the time the translation last changed. */
static gboolean
update_text (EvkStore    *store,
             const char  *entity,
             gint64       entity_id,
             const char  *field,
             const char  *lang,
             const char  *body,
             const char  *source_lang,
             const char  *source_body,
             GError     **error)
{
  g_autofree char *old_body = NULL;
  g_autofree char *old_fp = NULL;
  g_autofree char *fp = NULL;

  if (g_strcmp0 (lang, source_lang) == 0)
    {
      fp = evk_text_fingerprint (body);
      return write_text (store, entity, entity_id, field, lang, body, fp, NULL, error);
    }

  if (!lookup_text (store, entity, entity_id, field, lang, &old_body, &old_fp, error))
    return FALSE;
  if (old_body != NULL && g_strcmp0 (old_body, body) == 0)
    return TRUE;

  fp = evk_text_fingerprint (source_body);
  return write_text (store, entity, entity_id, field, lang, body, fp, source_body, error);
}

gboolean
evk_store_replace_texts (EvkStore            *store,
                         const char          *entity,
                         gint64               entity_id,
                         const char          *field,
                         GHashTable          *localized,
                         const char * const  *langs,
                         GError             **error)
{
  g_autofree char *source_lang = get_source_language (store, error);
  const char *source_body;

  if (source_lang == NULL)
    return FALSE;

  source_body = localized != NULL ? g_hash_table_lookup (localized, source_lang) : NULL;

  for (guint i = 0; langs[i] != NULL; i++)
    {
      const char *body = localized != NULL ? g_hash_table_lookup (localized, langs[i]) : NULL;

      if (!update_text (store, entity, entity_id, field, langs[i], body,
                        source_lang, source_body, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
evk_store_set_text (EvkStore    *store,
                    const char  *entity,
                    gint64       entity_id,
                    const char  *field,
                    const char  *lang,
                    const char  *body,
                    GError     **error)
{
  g_autofree char *source_lang = get_source_language (store, error);
  g_autofree char *source_body = NULL;

  if (source_lang == NULL)
    return FALSE;
  if (g_strcmp0 (lang, source_lang) == 0)
    source_body = g_strdup (body);
  else if (!lookup_text (store, entity, entity_id, field, source_lang, &source_body, NULL, error))
    return FALSE;

  return update_text (store, entity, entity_id, field, lang, body,
                      source_lang, source_body, error);
}

gboolean
evk_store_get_text_version (EvkStore    *store,
                            const char  *entity,
                            gint64       entity_id,
                            const char  *field,
                            const char  *lang,
                            char       **body,
                            char       **source_fp,
                            GError     **error)
{
  return lookup_text (store, entity, entity_id, field, lang, body, source_fp, error);
}

gboolean
evk_store_put_text_version (EvkStore    *store,
                            const char  *entity,
                            gint64       entity_id,
                            const char  *field,
                            const char  *lang,
                            const char  *body,
                            const char  *source_fp,
                            GError     **error)
{
  if (body != NULL && body[0] != '\0' && source_fp == NULL)
    return evk_store_set_text (store, entity, entity_id, field, lang, body, error);
  return write_text (store, entity, entity_id, field, lang, body, source_fp, NULL, error);
}

gboolean
evk_store_put_translation (EvkStore    *store,
                           const char  *entity,
                           gint64       entity_id,
                           const char  *field,
                           const char  *lang,
                           const char  *body,
                           const char  *source_fp,
                           const char  *source_body,
                           GError     **error)
{
  g_autofree char *fp = NULL;

  if (source_fp == NULL)
    source_fp = fp = evk_text_fingerprint (source_body);
  return write_text (store, entity, entity_id, field, lang, body, source_fp, source_body, error);
}

gboolean
evk_store_get_text_source (EvkStore    *store,
                           const char  *entity,
                           gint64       entity_id,
                           const char  *field,
                           const char  *lang,
                           char       **source_body,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT source_body FROM text "
                            "WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 AND lang = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, entity);
  evk_stmt_bind_int (stmt, 2, entity_id);
  evk_stmt_bind_text (stmt, 3, field);
  evk_stmt_bind_text (stmt, 4, lang);
  if (!evk_store_step (store, stmt, &has_row, error))
    return FALSE;
  *source_body = has_row ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  return TRUE;
}

EvkTextState
evk_store_get_text_state (EvkStore    *store,
                          const char  *entity,
                          gint64       entity_id,
                          const char  *field,
                          const char  *lang,
                          GError     **error)
{
  g_autofree char *source_lang = get_source_language (store, error);
  g_autofree char *body = NULL, *fp = NULL, *source_body = NULL;
  g_autofree char *current = NULL;

  if (source_lang == NULL ||
      !lookup_text (store, entity, entity_id, field, lang, &body, &fp, error))
    return EVK_TEXT_MISSING;
  if (body == NULL)
    return EVK_TEXT_MISSING;
  if (g_strcmp0 (lang, source_lang) == 0)
    return EVK_TEXT_CURRENT;
  if (!lookup_text (store, entity, entity_id, field, source_lang, &source_body, NULL, error))
    return EVK_TEXT_MISSING;

  current = evk_text_fingerprint (source_body);
  return g_strcmp0 (current, fp) == 0 ? EVK_TEXT_CURRENT : EVK_TEXT_OUTDATED;
}

EvkTextIndex *
evk_text_index_load (EvkStore    *store,
                     const char  *entity,
                     GError     **error)
{
  g_autoptr(EvkTextIndex) index = g_new0 (EvkTextIndex, 1);
  sqlite3_stmt *stmt;
  gboolean has_row;

  index->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_hash_table_unref);
  stmt = evk_store_prepare (store,
                            "SELECT entity_id, field, lang, body FROM text WHERE entity = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, entity);

  while (TRUE)
    {
      g_autofree char *key = NULL;
      GHashTable *localized;

      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s",
                             (gint64) sqlite3_column_int64 (stmt, 0),
                             evk_stmt_column_text (stmt, 1));
      localized = g_hash_table_lookup (index->fields, key);
      if (localized == NULL)
        {
          localized = evk_localized_new ();
          g_hash_table_insert (index->fields, g_steal_pointer (&key), localized);
        }
      evk_localized_set (localized, evk_stmt_column_text (stmt, 2),
                         evk_stmt_column_text (stmt, 3));
    }

  return g_steal_pointer (&index);
}

GHashTable *
evk_text_index_get (EvkTextIndex *index,
                    gint64        entity_id,
                    const char   *field)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", entity_id, field);
  GHashTable *localized = g_hash_table_lookup (index->fields, key);
  GHashTable *copy = evk_localized_new ();

  if (localized != NULL)
    {
      GHashTableIter iter;
      gpointer lang, body;

      g_hash_table_iter_init (&iter, localized);
      while (g_hash_table_iter_next (&iter, &lang, &body))
        evk_localized_set (copy, lang, body);
    }
  return copy;
}

void
evk_text_index_free (EvkTextIndex *index)
{
  if (index == NULL)
    return;
  g_clear_pointer (&index->fields, g_hash_table_unref);
  g_free (index);
}

void
evk_text_gap_free (EvkTextGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->entity);
  g_free (gap->field);
  g_free (gap->lang);
  g_free (gap);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The same rule as evk_store_get_text_state, for every text at once: one
 * pass over the source texts joined to each translation language, so a
 * check of a whole project costs one query, not one per text. */
GPtrArray *
evk_store_list_text_gaps (EvkStore    *store,
                          const char  *lang,
                          GError     **error)
{
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_text_gap_free);
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT s.entity, s.entity_id, s.field, l.code, s.body, t.body, t.source_fp "
                            "FROM text AS s "
                            "JOIN language AS src ON src.code = s.lang AND src.is_source = 1 "
                            "JOIN language AS l ON l.is_source = 0 AND (?1 IS NULL OR l.code = ?1) "
                            "LEFT JOIN text AS t ON t.entity = s.entity AND t.entity_id = s.entity_id "
                            "  AND t.field = s.field AND t.lang = l.code "
                            "ORDER BY s.entity, s.entity_id, s.field, l.position, l.code",
                            error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, lang);
  while (TRUE)
    {
      const char *source, *body, *fp;
      g_autofree char *current = NULL;
      EvkTextGap *gap;
      EvkTextState state;

      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      source = evk_stmt_column_text (stmt, 4);
      body = evk_stmt_column_text (stmt, 5);
      fp = evk_stmt_column_text (stmt, 6);
      if (is_blank (source))
        continue;
      if (is_blank (body))
        state = EVK_TEXT_MISSING;
      else
        {
          current = evk_text_fingerprint (source);
          if (g_strcmp0 (current, fp) == 0)
            continue;
          state = EVK_TEXT_OUTDATED;
        }
      gap = g_new0 (EvkTextGap, 1);
      gap->entity = g_strdup (evk_stmt_column_text (stmt, 0));
      gap->entity_id = sqlite3_column_int64 (stmt, 1);
      gap->field = g_strdup (evk_stmt_column_text (stmt, 2));
      gap->lang = g_strdup (evk_stmt_column_text (stmt, 3));
      gap->state = state;
      g_ptr_array_add (gaps, gap);
    }
  return g_steal_pointer (&gaps);
}

void
evk_text_pair_free (EvkTextPair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->entity);
  g_free (pair->field);
  g_free (pair->source);
  g_free (pair->body);
  g_free (pair->source_fp);
  g_free (pair->source_body);
  g_free (pair);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
evk_store_list_translations (EvkStore    *store,
                             const char  *lang,
                             GError     **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_text_pair_free);
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = evk_store_prepare (store,
                            "SELECT s.entity, s.entity_id, s.field, s.body, t.body, t.source_fp, t.source_body "
                            "FROM text AS s "
                            "JOIN language AS src ON src.code = s.lang AND src.is_source = 1 "
                            "LEFT JOIN text AS t ON t.entity = s.entity AND t.entity_id = s.entity_id "
                            "  AND t.field = s.field AND t.lang = ?1 "
                            "ORDER BY s.entity, s.entity_id, s.field",
                            error);
  if (stmt == NULL)
    return NULL;
  evk_stmt_bind_text (stmt, 1, lang);
  while (TRUE)
    {
      EvkTextPair *pair;

      if (!evk_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      pair = g_new0 (EvkTextPair, 1);
      pair->entity = column_dup (stmt, 0);
      pair->entity_id = sqlite3_column_int64 (stmt, 1);
      pair->field = column_dup (stmt, 2);
      pair->source = column_dup (stmt, 3);
      pair->body = column_dup (stmt, 4);
      pair->source_fp = column_dup (stmt, 5);
      pair->source_body = column_dup (stmt, 6);
      g_ptr_array_add (pairs, pair);
    }
  return g_steal_pointer (&pairs);
}
