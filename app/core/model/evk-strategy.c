/* evk-strategy.c: the strategy model: goals, measures and their vocabularies
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-strategy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-filter.h"
#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-store-texts.h"
#include "evk-strategy.h"

static const char * const vocab_names[EVK_N_VOCABS] = {
  "status", "type", "target", "section",
};

const char *
evk_vocab_to_string (EvkVocab vocab)
{
  g_return_val_if_fail (vocab < EVK_N_VOCABS, NULL);
  return vocab_names[vocab];
}

gboolean
evk_colour_is_valid (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

static void
term_free (EvkTerm *term)
{
  g_free (term->key);
  g_free (term->colour);
  g_clear_pointer (&term->name, g_hash_table_unref);
  g_clear_pointer (&term->description, g_hash_table_unref);
  g_free (term);
}

static void
body_free (EvkBody *body)
{
  g_free (body->key);
  g_free (body->kind);
  g_clear_pointer (&body->name, g_hash_table_unref);
  g_clear_pointer (&body->abbreviation, g_hash_table_unref);
  g_free (body);
}

static void
goal_free (EvkGoal *goal)
{
  g_free (goal->key);
  g_free (goal->kind);
  g_clear_pointer (&goal->title, g_hash_table_unref);
  g_clear_pointer (&goal->description, g_hash_table_unref);
  g_free (goal);
}

static void
measure_free (EvkMeasure *measure)
{
  g_free (measure->goal);
  g_clear_pointer (&measure->title, g_hash_table_unref);
  g_strfreev (measure->types);
  g_strfreev (measure->targets);
  g_strfreev (measure->responsible);
  g_free (measure->status);
  g_clear_pointer (&measure->status_note, g_hash_table_unref);
  g_free (measure);
}

static void
offer_item_free (EvkOfferItem *item)
{
  g_free (item->role);
  g_free (item->variable);
  g_free (item);
}

static void
offer_free (EvkOffer *offer)
{
  g_free (offer->key);
  g_clear_pointer (&offer->label, g_hash_table_unref);
  g_clear_pointer (&offer->measures, g_array_unref);
  g_clear_pointer (&offer->items, g_ptr_array_unref);
  g_free (offer);
}

static void
group_free (EvkGroup *group)
{
  g_free (group->key);
  g_clear_pointer (&group->name, g_hash_table_unref);
  g_free (group->filter);
  g_free (group);
}

EvkStrategy *
evk_strategy_new (void)
{
  EvkStrategy *strategy = g_new0 (EvkStrategy, 1);

  strategy->languages = g_new0 (char *, 1);
  strategy->title = evk_localized_new ();
  strategy->short_title = evk_localized_new ();
  strategy->owner = evk_localized_new ();
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    strategy->vocabs[v] = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  strategy->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) body_free);
  strategy->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_free);
  strategy->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  strategy->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) offer_free);
  strategy->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  return strategy;
}

void
evk_strategy_free (EvkStrategy *strategy)
{
  if (strategy == NULL)
    return;
  g_strfreev (strategy->languages);
  g_clear_pointer (&strategy->title, g_hash_table_unref);
  g_clear_pointer (&strategy->short_title, g_hash_table_unref);
  g_clear_pointer (&strategy->owner, g_hash_table_unref);
  g_free (strategy->period);
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    g_clear_pointer (&strategy->vocabs[v], g_ptr_array_unref);
  g_clear_pointer (&strategy->bodies, g_ptr_array_unref);
  g_clear_pointer (&strategy->goals, g_ptr_array_unref);
  g_clear_pointer (&strategy->measures, g_ptr_array_unref);
  g_clear_pointer (&strategy->offers, g_ptr_array_unref);
  g_clear_pointer (&strategy->groups, g_ptr_array_unref);
  g_free (strategy);
}

const char *
evk_strategy_source_language (EvkStrategy *strategy)
{
  return strategy->languages[0];
}

EvkTerm *
evk_strategy_add_term (EvkStrategy *strategy,
                       EvkVocab     vocab,
                       const char  *key)
{
  EvkTerm *term = g_new0 (EvkTerm, 1);

  term->key = g_strdup (key);
  term->name = evk_localized_new ();
  term->description = evk_localized_new ();
  g_ptr_array_add (strategy->vocabs[vocab], term);
  return term;
}

EvkBody *
evk_strategy_add_body (EvkStrategy *strategy,
                       const char  *key)
{
  EvkBody *body = g_new0 (EvkBody, 1);

  body->key = g_strdup (key);
  body->kind = g_strdup ("other");
  body->name = evk_localized_new ();
  body->abbreviation = evk_localized_new ();
  g_ptr_array_add (strategy->bodies, body);
  return body;
}

EvkGoal *
evk_strategy_add_goal (EvkStrategy *strategy,
                       const char  *key)
{
  EvkGoal *goal = g_new0 (EvkGoal, 1);

  goal->key = g_strdup (key);
  goal->kind = g_strdup ("goal");
  goal->title = evk_localized_new ();
  goal->description = evk_localized_new ();
  g_ptr_array_add (strategy->goals, goal);
  return goal;
}

EvkMeasure *
evk_strategy_add_measure (EvkStrategy *strategy,
                          guint        number)
{
  EvkMeasure *measure = g_new0 (EvkMeasure, 1);

  measure->number = number;
  measure->title = evk_localized_new ();
  measure->types = g_new0 (char *, 1);
  measure->targets = g_new0 (char *, 1);
  measure->responsible = g_new0 (char *, 1);
  measure->status_note = evk_localized_new ();
  g_ptr_array_add (strategy->measures, measure);
  return measure;
}

EvkOffer *
evk_strategy_add_offer (EvkStrategy *strategy,
                        const char  *key)
{
  EvkOffer *offer = g_new0 (EvkOffer, 1);

  offer->key = g_strdup (key);
  offer->label = evk_localized_new ();
  offer->measures = g_array_new (FALSE, FALSE, sizeof (guint));
  offer->items = g_ptr_array_new_with_free_func ((GDestroyNotify) offer_item_free);
  g_ptr_array_add (strategy->offers, offer);
  return offer;
}

EvkGroup *
evk_strategy_add_group (EvkStrategy *strategy,
                        const char  *key)
{
  EvkGroup *group = g_new0 (EvkGroup, 1);

  group->key = g_strdup (key);
  group->name = evk_localized_new ();
  g_ptr_array_add (strategy->groups, group);
  return group;
}

#define DEFINE_FIND(Type, func, array_expr, key_field)              \
  Type *                                                            \
  func (EvkStrategy *strategy, const char *key)                     \
  {                                                                 \
    GPtrArray *array = (array_expr);                                \
    for (guint i = 0; key != NULL && i < array->len; i++)           \
      {                                                             \
        Type *item = g_ptr_array_index (array, i);                  \
        if (g_strcmp0 (item->key_field, key) == 0)                  \
          return item;                                              \
      }                                                             \
    return NULL;                                                    \
  }

DEFINE_FIND (EvkBody, evk_strategy_find_body, strategy->bodies, key)
DEFINE_FIND (EvkGoal, evk_strategy_find_goal, strategy->goals, key)
DEFINE_FIND (EvkGroup, evk_strategy_find_group, strategy->groups, key)

EvkTerm *
evk_strategy_find_term (EvkStrategy *strategy,
                        EvkVocab     vocab,
                        const char  *key)
{
  GPtrArray *array = strategy->vocabs[vocab];

  for (guint i = 0; key != NULL && i < array->len; i++)
    {
      EvkTerm *term = g_ptr_array_index (array, i);
      if (g_strcmp0 (term->key, key) == 0)
        return term;
    }
  return NULL;
}

EvkMeasure *
evk_strategy_find_measure (EvkStrategy *strategy,
                           guint        number)
{
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      if (measure->number == number)
        return measure;
    }
  return NULL;
}

const char *
evk_offer_get_variable (EvkOffer   *offer,
                        const char *role)
{
  for (guint i = 0; i < offer->items->len; i++)
    {
      EvkOfferItem *item = g_ptr_array_index (offer->items, i);
      if (g_strcmp0 (item->role, role) == 0)
        return item->variable;
    }
  return NULL;
}

void
evk_offer_set_variable (EvkOffer   *offer,
                        const char *role,
                        const char *variable)
{
  EvkOfferItem *item;

  for (guint i = 0; i < offer->items->len; i++)
    {
      item = g_ptr_array_index (offer->items, i);
      if (g_strcmp0 (item->role, role) == 0)
        {
          g_free (item->variable);
          item->variable = g_strdup (variable);
          return;
        }
    }
  item = g_new0 (EvkOfferItem, 1);
  item->role = g_strdup (role);
  item->variable = g_strdup (variable);
  g_ptr_array_add (offer->items, item);
}

static gint
compare_measures (gconstpointer a,
                  gconstpointer b)
{
  const EvkMeasure *ma = *(EvkMeasure * const *) a;
  const EvkMeasure *mb = *(EvkMeasure * const *) b;

  return ma->number < mb->number ? -1 : ma->number > mb->number;
}

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
check_unique_keys (GPtrArray   *array,
                   gsize        key_offset,
                   const char  *what,
                   GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < array->len; i++)
    {
      const char *key = G_STRUCT_MEMBER (const char *, g_ptr_array_index (array, i), key_offset);

      if (key == NULL || *key == '\0')
        return fail (error, _("%s: an entry has an empty key"), what);
      if (!g_hash_table_add (seen, (gpointer) key))
        return fail (error, _("%s “%s” is defined twice"), what, key);
    }
  return TRUE;
}

static gboolean
check_terms (EvkStrategy  *strategy,
             EvkVocab      vocab,
             GStrv         keys,
             guint         number,
             const char   *what,
             GError      **error)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (evk_strategy_find_term (strategy, vocab, keys[i]) == NULL)
      return fail (error, _("measure %u: unknown %s “%s”"), number, what, keys[i]);
  return TRUE;
}

gboolean
evk_strategy_validate (EvkStrategy  *strategy,
                       GError      **error)
{
  const char *source;

  if (strategy->languages[0] == NULL)
    return fail (error, _("the strategy names no language"));
  for (guint i = 0; strategy->languages[i] != NULL; i++)
    if (!evk_language_code_is_valid (strategy->languages[i]))
      return fail (error, _("“%s” is not a language code"), strategy->languages[i]);
  source = evk_strategy_source_language (strategy);
  if (evk_localized_get (strategy->title, source) == NULL)
    return fail (error, _("the strategy has no title in its source language “%s”"), source);

  for (guint v = 0; v < EVK_N_VOCABS; v++)
    if (!check_unique_keys (strategy->vocabs[v], G_STRUCT_OFFSET (EvkTerm, key),
                            vocab_names[v], error))
      return FALSE;
  if (!check_unique_keys (strategy->bodies, G_STRUCT_OFFSET (EvkBody, key), "body", error) ||
      !check_unique_keys (strategy->goals, G_STRUCT_OFFSET (EvkGoal, key), "goal", error) ||
      !check_unique_keys (strategy->offers, G_STRUCT_OFFSET (EvkOffer, key), "offer", error) ||
      !check_unique_keys (strategy->groups, G_STRUCT_OFFSET (EvkGroup, key), "group", error))
    return FALSE;

  for (guint i = 0; i < strategy->vocabs[EVK_VOCAB_STATUS]->len; i++)
    {
      EvkTerm *status = g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], i);

      /* Stored lower-case, as the file's CHECK wants it. */
      if (status->colour != NULL && !evk_colour_is_valid (status->colour))
        return fail (error, _("status %s: “%s” is not a colour like #2e7d32"), status->key, status->colour);
      if (status->colour != NULL)
        {
          g_autofree char *lower = g_ascii_strdown (status->colour, -1);
          g_free (status->colour);
          status->colour = g_steal_pointer (&lower);
        }
    }

  for (guint i = 0; i < strategy->bodies->len; i++)
    {
      EvkBody *body = g_ptr_array_index (strategy->bodies, i);
      if (!g_str_equal (body->kind, "ministry") && !g_str_equal (body->kind, "directorate") &&
          !g_str_equal (body->kind, "other"))
        return fail (error, _("body %s: unknown kind “%s” (ministry, directorate or other)"),
                     body->key, body->kind);
    }

  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, i);
      if (!g_str_equal (goal->kind, "goal") && !g_str_equal (goal->kind, "implementation"))
        return fail (error, _("goal %s: unknown kind “%s” (goal or implementation)"),
                     goal->key, goal->kind);
      if (evk_localized_get (goal->title, source) == NULL)
        return fail (error, _("goal %s has no title in “%s”"), goal->key, source);
    }

  g_ptr_array_sort (strategy->measures, compare_measures);
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);

      if (measure->number == 0)
        return fail (error, _("measure numbers start at 1"));
      if (i > 0 && ((EvkMeasure *) g_ptr_array_index (strategy->measures, i - 1))->number == measure->number)
        return fail (error, _("measure %u is defined twice"), measure->number);
      if (evk_strategy_find_goal (strategy, measure->goal) == NULL)
        return fail (error, _("measure %u: unknown goal “%s”"), measure->number,
                     measure->goal != NULL ? measure->goal : "");
      if (evk_localized_get (measure->title, source) == NULL)
        return fail (error, _("measure %u has no title in “%s”"), measure->number, source);
      if (measure->status != NULL &&
          evk_strategy_find_term (strategy, EVK_VOCAB_STATUS, measure->status) == NULL)
        return fail (error, _("measure %u: unknown status “%s”"), measure->number, measure->status);
      if (!check_terms (strategy, EVK_VOCAB_TYPE, measure->types, measure->number, "type", error) ||
          !check_terms (strategy, EVK_VOCAB_TARGET, measure->targets, measure->number,
                        "target group", error))
        return FALSE;
      for (guint j = 0; measure->responsible[j] != NULL; j++)
        if (evk_strategy_find_body (strategy, measure->responsible[j]) == NULL)
          return fail (error, _("measure %u: unknown responsible body “%s”"),
                       measure->number, measure->responsible[j]);
    }

  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);

      for (guint j = 0; j < offer->measures->len; j++)
        if (evk_strategy_find_measure (strategy, g_array_index (offer->measures, guint, j)) == NULL)
          return fail (error, _("offer %s: unknown measure %u"), offer->key,
                       g_array_index (offer->measures, guint, j));
      for (guint j = 0; j < offer->items->len; j++)
        {
          EvkOfferItem *item = g_ptr_array_index (offer->items, j);
          if (item->variable == NULL || *item->variable == '\0')
            return fail (error, _("offer %s: role %s names no variable"), offer->key, item->role);
        }
    }

  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (strategy->groups, i);
      g_autoptr(EvkFilter) filter = NULL;
      g_autoptr(GError) local_error = NULL;

      filter = evk_filter_parse (group->filter != NULL ? group->filter : "", &local_error);
      if (filter == NULL)
        return fail (error, _("group %s: %s"), group->key, local_error->message);
    }

  return TRUE;
}

/* ---- Loading from the store ---------------------------------------- */

static gboolean
load_strv (EvkStore     *store,
           const char   *sql,
           gint64        id,
           GStrv        *out,
           GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = evk_store_prepare (store, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_int (stmt, 1, id);
  while (TRUE)
    {
      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_strv_builder_add (builder, evk_stmt_column_text (stmt, 0));
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
load_terms (EvkStrategy  *strategy,
            EvkStore     *store,
            EvkTextIndex *texts,
            GError      **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (store,
                                          "SELECT id, vocab, key, colour, completed FROM term "
                                          "WHERE vocab != 'code' ORDER BY position, id",
                                          error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      gint64 id;
      const char *vocab;
      EvkTerm *term = NULL;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      vocab = evk_stmt_column_text (stmt, 1);
      for (guint v = 0; v < EVK_N_VOCABS; v++)
        if (g_str_equal (vocab, vocab_names[v]))
          term = evk_strategy_add_term (strategy, v, evk_stmt_column_text (stmt, 2));
      if (term == NULL)
        continue;
      g_hash_table_unref (term->name);
      g_hash_table_unref (term->description);
      term->name = evk_text_index_get (texts, id, "name");
      term->description = evk_text_index_get (texts, id, "description");
      term->colour = g_strdup (evk_stmt_column_text (stmt, 3));
      term->completed = sqlite3_column_int (stmt, 4) != 0;
    }
  return TRUE;
}

static EvkStrategy *
load_strategy (EvkStore  *store,
               GError   **error)
{
  g_autoptr(EvkStrategy) strategy = evk_strategy_new ();
  g_autoptr(EvkTextIndex) term_texts = NULL, body_texts = NULL, goal_texts = NULL;
  g_autoptr(EvkTextIndex) measure_texts = NULL, offer_texts = NULL, group_texts = NULL;
  g_autoptr(EvkTextIndex) project_texts = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_strfreev (strategy->languages);
  strategy->languages = evk_store_get_languages (store, error);
  if (strategy->languages == NULL)
    return NULL;

  if ((term_texts = evk_text_index_load (store, "term", error)) == NULL ||
      (body_texts = evk_text_index_load (store, "body", error)) == NULL ||
      (goal_texts = evk_text_index_load (store, "goal", error)) == NULL ||
      (measure_texts = evk_text_index_load (store, "measure", error)) == NULL ||
      (offer_texts = evk_text_index_load (store, "offer", error)) == NULL ||
      (group_texts = evk_text_index_load (store, "respondent_group", error)) == NULL ||
      (project_texts = evk_text_index_load (store, "project", error)) == NULL)
    return NULL;

  g_hash_table_unref (strategy->title);
  g_hash_table_unref (strategy->short_title);
  g_hash_table_unref (strategy->owner);
  strategy->title = evk_text_index_get (project_texts, 0, "title");
  strategy->short_title = evk_text_index_get (project_texts, 0, "short-title");
  strategy->owner = evk_text_index_get (project_texts, 0, "owner");

  stmt = evk_store_prepare (store, "SELECT value FROM project_meta WHERE key = 'period'", error);
  if (stmt == NULL || !evk_store_step (store, stmt, &has_row, error))
    return NULL;
  if (has_row)
    strategy->period = g_strdup (evk_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (!load_terms (strategy, store, term_texts, error))
    return NULL;

  stmt = evk_store_prepare (store, "SELECT id, key, kind FROM body ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    {
      EvkBody *body = evk_strategy_add_body (strategy, evk_stmt_column_text (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_free (body->kind);
      body->kind = g_strdup (evk_stmt_column_text (stmt, 2));
      g_hash_table_unref (body->name);
      g_hash_table_unref (body->abbreviation);
      body->name = evk_text_index_get (body_texts, id, "name");
      body->abbreviation = evk_text_index_get (body_texts, id, "abbreviation");
    }

  stmt = evk_store_prepare (store, "SELECT id, key, kind FROM goal ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    {
      EvkGoal *goal = evk_strategy_add_goal (strategy, evk_stmt_column_text (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_free (goal->kind);
      goal->kind = g_strdup (evk_stmt_column_text (stmt, 2));
      g_hash_table_unref (goal->title);
      g_hash_table_unref (goal->description);
      goal->title = evk_text_index_get (goal_texts, id, "title");
      goal->description = evk_text_index_get (goal_texts, id, "description");
    }

  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    stmt = evk_store_prepare (store,
                              "SELECT m.id, m.number, g.key, s.key, "
                              "m.status_id IS NOT NULL AND (s.id IS NULL OR s.vocab <> 'status') "
                              "FROM measure m LEFT JOIN goal g ON g.id = m.goal_id "
                              "LEFT JOIN term s ON s.id = m.status_id ORDER BY m.number",
                              error);
    if (stmt == NULL)
      return NULL;
    while (evk_store_step (store, stmt, &has_row, error) && has_row)
      {
        EvkMeasure *measure;
        gint64 id = sqlite3_column_int64 (stmt, 0);

        /* The file is untrusted: a measure whose goal or status is gone
         * would vanish from the report, or show a type as its status. */
        if (sqlite3_column_type (stmt, 2) == SQLITE_NULL || sqlite3_column_int (stmt, 4))
          {
            g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT,
                         _("%s: measure %d: its goal or its status does not exist"),
                         evk_store_get_path (store), sqlite3_column_int (stmt, 1));
            sqlite3_reset (stmt);
            return NULL;
          }
        measure = evk_strategy_add_measure (strategy, sqlite3_column_int (stmt, 1));
        measure->id = id;

        measure->goal = g_strdup (evk_stmt_column_text (stmt, 2));
        measure->status = g_strdup (evk_stmt_column_text (stmt, 3));
        g_hash_table_unref (measure->title);
        g_hash_table_unref (measure->status_note);
        measure->title = evk_text_index_get (measure_texts, id, "title");
        measure->status_note = evk_text_index_get (measure_texts, id, "status-note");
        g_array_append_val (ids, id);
      }

    for (guint i = 0; i < ids->len; i++)
      {
        EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
        gint64 id = g_array_index (ids, gint64, i);

        if (!load_strv (store, "SELECT t.key FROM measure_term mt JOIN term t ON t.id = mt.term_id "
                               "WHERE mt.measure_id = ?1 AND t.vocab = 'type' ORDER BY mt.position",
                        id, &measure->types, error) ||
            !load_strv (store, "SELECT t.key FROM measure_term mt JOIN term t ON t.id = mt.term_id "
                               "WHERE mt.measure_id = ?1 AND t.vocab = 'target' ORDER BY mt.position",
                        id, &measure->targets, error) ||
            !load_strv (store, "SELECT b.key FROM measure_body mb JOIN body b ON b.id = mb.body_id "
                               "WHERE mb.measure_id = ?1 ORDER BY mb.position",
                        id, &measure->responsible, error))
          return NULL;
      }
  }

  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    stmt = evk_store_prepare (store, "SELECT id, key FROM offer ORDER BY position, id", error);
    if (stmt == NULL)
      return NULL;
    while (evk_store_step (store, stmt, &has_row, error) && has_row)
      {
        EvkOffer *offer = evk_strategy_add_offer (strategy, evk_stmt_column_text (stmt, 1));
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_hash_table_unref (offer->label);
        offer->label = evk_text_index_get (offer_texts, id, "label");
        g_array_append_val (ids, id);
      }

    for (guint i = 0; i < ids->len; i++)
      {
        EvkOffer *offer = g_ptr_array_index (strategy->offers, i);
        gint64 id = g_array_index (ids, gint64, i);

        stmt = evk_store_prepare (store,
                                  "SELECT m.number FROM offer_measure om "
                                  "JOIN measure m ON m.id = om.measure_id "
                                  "WHERE om.offer_id = ?1 ORDER BY om.position",
                                  error);
        if (stmt == NULL)
          return NULL;
        evk_stmt_bind_int (stmt, 1, id);
        while (evk_store_step (store, stmt, &has_row, error) && has_row)
          {
            guint number = sqlite3_column_int (stmt, 0);
            g_array_append_val (offer->measures, number);
          }

        /* Known roles first, in their canonical order, then free roles. */
        stmt = evk_store_prepare (store,
                                  "SELECT role, variable FROM offer_variable WHERE offer_id = ?1 "
                                  "ORDER BY CASE role WHEN 'heard-of' THEN 0 WHEN 'used' THEN 1 "
                                  "WHEN 'outcome-members' THEN 2 WHEN 'outcome-activities' THEN 3 "
                                  "ELSE 4 END, role",
                                  error);
        if (stmt == NULL)
          return NULL;
        evk_stmt_bind_int (stmt, 1, id);
        while (evk_store_step (store, stmt, &has_row, error) && has_row)
          evk_offer_set_variable (offer, evk_stmt_column_text (stmt, 0),
                                  evk_stmt_column_text (stmt, 1));
      }
  }

  stmt = evk_store_prepare (store,
                            "SELECT id, key, filter FROM respondent_group ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    {
      EvkGroup *group = evk_strategy_add_group (strategy, evk_stmt_column_text (stmt, 1));

      group->filter = g_strdup (evk_stmt_column_text (stmt, 2));
      g_hash_table_unref (group->name);
      group->name = evk_text_index_get (group_texts, sqlite3_column_int64 (stmt, 0), "name");
    }

  /* The row loops above stop at an error; error is never NULL here. */
  if (*error != NULL)
    return NULL;
  return g_steal_pointer (&strategy);
}

gint64
evk_strategy_measure_id (EvkStore    *store,
                         guint        number,
                         GError     **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT id FROM measure WHERE number = ?1", error);
  gboolean has_row = FALSE;
  gint64 id;

  if (stmt == NULL)
    return -1;
  evk_stmt_bind_int (stmt, 1, number);
  if (!evk_store_step (store, stmt, &has_row, error))
    return -1;
  if (!has_row)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("The project has no measure %u"), number);
      return -1;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

GHashTable *
evk_strategy_measure_ids (EvkStore  *store,
                          GError   **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = evk_store_prepare (store, "SELECT number, id FROM measure", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  while (evk_store_step (store, stmt, &has_row, error) && has_row)
    g_hash_table_insert (ids, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&ids);
}

EvkStrategy *
evk_strategy_load (EvkStore  *store,
                   GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  EvkStrategy *strategy = load_strategy (store, &local_error);

  if (strategy == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return strategy;
}

/* ---- Saving to the store ------------------------------------------- */

typedef struct {
  EvkStrategy  *strategy;
  GStrv         langs;     /* the languages the strategy speaks for */
  GHashTable   *term_ids[EVK_N_VOCABS]; /* key → id */
  GHashTable   *body_ids;
  GHashTable   *goal_ids;
  GHashTable   *measure_ids; /* GUINT_TO_POINTER (number) → id */
} SaveContext;

static gboolean
set_texts (EvkStore     *store,
           SaveContext  *ctx,
           const char   *entity,
           gint64        id,
           const char   *field,
           GHashTable   *localized,
           GError      **error)
{
  return evk_store_replace_texts (store, entity, id, field, localized,
                                  (const char * const *) ctx->langs, error);
}

/* Deletes the rows of a table (optionally of one vocabulary) whose id was
 * not kept. Foreign keys refuse to drop a measure that codings still use. */
static gboolean
delete_unkept (EvkStore     *store,
               const char   *select_sql,
               const char   *delete_sql,
               const char   *vocab,
               GHashTable   *kept_ids,
               GError      **error)
{
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = evk_store_prepare (store, select_sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  if (vocab != NULL)
    evk_stmt_bind_text (stmt, 1, vocab);
  while (TRUE)
    {
      gint64 id;

      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      if (!g_hash_table_contains (kept_ids, &id))
        g_array_append_val (doomed, id);
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      stmt = evk_store_prepare (store, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, g_array_index (doomed, gint64, i));
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gint64
lookup_id (GHashTable *ids,
           const char *key)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (ids, key, NULL, &value))
    return -1;
  return GPOINTER_TO_SIZE (value);
}

static gboolean
save_languages (EvkStore     *store,
                SaveContext  *ctx,
                GError      **error)
{
  g_auto(GStrv) existing = evk_store_get_languages (store, error);
  const char *source = evk_strategy_source_language (ctx->strategy);

  if (existing == NULL)
    return FALSE;
  if (existing[0] != NULL && g_strcmp0 (existing[0], source) != 0)
    return fail (error, _("the strategy’s source language is “%s”, but the project’s is “%s”"),
                 source, existing[0]);

  for (guint i = 0; ctx->langs[i] != NULL; i++)
    if (!evk_store_add_language (store, ctx->langs[i], i == 0 && existing[0] == NULL, error))
      return FALSE;
  return TRUE;
}

static gboolean
save_project_texts (EvkStore     *store,
                    SaveContext  *ctx,
                    GError      **error)
{
  EvkStrategy *strategy = ctx->strategy;
  sqlite3_stmt *stmt;

  if (!set_texts (store, ctx, "project", 0, "title", strategy->title, error) ||
      !set_texts (store, ctx, "project", 0, "short-title", strategy->short_title, error) ||
      !set_texts (store, ctx, "project", 0, "owner", strategy->owner, error))
    return FALSE;

  if (strategy->period != NULL)
    {
      stmt = evk_store_prepare (store,
                                "INSERT OR REPLACE INTO project_meta (key, value) VALUES ('period', ?1)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, strategy->period);
    }
  else
    {
      stmt = evk_store_prepare (store, "DELETE FROM project_meta WHERE key = 'period'", error);
      if (stmt == NULL)
        return FALSE;
    }
  return evk_store_step (store, stmt, NULL, error);
}

static gboolean
save_terms (EvkStore     *store,
            SaveContext  *ctx,
            GError      **error)
{
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    {
      GPtrArray *terms = ctx->strategy->vocabs[v];
      g_autoptr(GHashTable) kept = new_id_set ();

      for (guint i = 0; i < terms->len; i++)
        {
          EvkTerm *term = g_ptr_array_index (terms, i);
          sqlite3_stmt *stmt;
          gint64 id;

          stmt = evk_store_prepare (store,
                                    "INSERT INTO term (vocab, key, position, colour, completed) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5) "
                                    "ON CONFLICT (vocab, key) DO UPDATE SET position = excluded.position, "
                                    "colour = excluded.colour, completed = excluded.completed "
                                    "RETURNING id",
                                    error);
          if (stmt == NULL)
            return FALSE;
          evk_stmt_bind_text (stmt, 1, vocab_names[v]);
          evk_stmt_bind_text (stmt, 2, term->key);
          evk_stmt_bind_int (stmt, 3, i);
          evk_stmt_bind_text (stmt, 4, term->colour);
          evk_stmt_bind_int (stmt, 5, term->completed ? 1 : 0);
          if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
            return FALSE;
          id_set_add (kept, id);
          g_hash_table_insert (ctx->term_ids[v], term->key, GSIZE_TO_POINTER (id));
          if (!set_texts (store, ctx, "term", id, "name", term->name, error) ||
              !set_texts (store, ctx, "term", id, "description", term->description, error))
            return FALSE;
        }
      if (!delete_unkept (store, "SELECT id FROM term WHERE vocab = ?1",
                          "DELETE FROM term WHERE id = ?1", vocab_names[v], kept, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_bodies_and_goals (EvkStore     *store,
                       SaveContext  *ctx,
                       GError      **error)
{
  g_autoptr(GHashTable) kept_bodies = new_id_set ();
  g_autoptr(GHashTable) kept_goals = new_id_set ();
  EvkStrategy *strategy = ctx->strategy;

  for (guint i = 0; i < strategy->bodies->len; i++)
    {
      EvkBody *body = g_ptr_array_index (strategy->bodies, i);
      sqlite3_stmt *stmt;
      gint64 id;

      stmt = evk_store_prepare (store,
                                "INSERT INTO body (key, kind, position) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, "
                                "position = excluded.position RETURNING id",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, body->key);
      evk_stmt_bind_text (stmt, 2, body->kind);
      evk_stmt_bind_int (stmt, 3, i);
      if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
        return FALSE;
      id_set_add (kept_bodies, id);
      g_hash_table_insert (ctx->body_ids, body->key, GSIZE_TO_POINTER (id));
      if (!set_texts (store, ctx, "body", id, "name", body->name, error) ||
          !set_texts (store, ctx, "body", id, "abbreviation", body->abbreviation, error))
        return FALSE;
    }

  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *goal = g_ptr_array_index (strategy->goals, i);
      sqlite3_stmt *stmt;
      gint64 id;

      stmt = evk_store_prepare (store,
                                "INSERT INTO goal (key, kind, position) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, "
                                "position = excluded.position RETURNING id",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, goal->key);
      evk_stmt_bind_text (stmt, 2, goal->kind);
      evk_stmt_bind_int (stmt, 3, i);
      if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
        return FALSE;
      id_set_add (kept_goals, id);
      g_hash_table_insert (ctx->goal_ids, goal->key, GSIZE_TO_POINTER (id));
      if (!set_texts (store, ctx, "goal", id, "title", goal->title, error) ||
          !set_texts (store, ctx, "goal", id, "description", goal->description, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_links (EvkStore     *store,
              const char   *sql,
              gint64        owner_id,
              GStrv         keys,
              GHashTable   *ids,
              GError      **error)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = evk_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, owner_id);
      evk_stmt_bind_int (stmt, 2, lookup_id (ids, keys[i]));
      evk_stmt_bind_int (stmt, 3, i);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Measures are first moved to numbers above every real one, then brought
 * down: a renumbering that swaps or shifts measures never meets the
 * UNIQUE number of a row that has not moved yet. */
#define RENUMBER_OFFSET 1000000000

static gboolean
place_measures (EvkStore     *store,
                SaveContext  *ctx,
                GHashTable   *kept,
                GError      **error)
{
  EvkStrategy *strategy = ctx->strategy;
  g_autofree gboolean *placed = g_new0 (gboolean, strategy->measures->len + 1);
  sqlite3_stmt *stmt;

  /* A measure loaded from this project keeps its row, whatever its number
   * has become. A row that is gone (the measure was removed and is being
   * put back) is matched by number like a measure from a key file. */
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);

      if (measure->id <= 0)
        continue;
      stmt = evk_store_prepare (store, "UPDATE measure SET number = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, measure->id);
      evk_stmt_bind_int (stmt, 2, (gint64) measure->number + RENUMBER_OFFSET);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      if (sqlite3_changes (evk_store_get_db (store)) == 1)
        {
          placed[i] = TRUE;
          id_set_add (kept, measure->id);
        }
    }

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);

      if (placed[i])
        continue;
      stmt = evk_store_prepare (store,
                                "INSERT INTO measure (number, goal_id) VALUES (?1, ?2) "
                                "ON CONFLICT (number) DO UPDATE SET goal_id = excluded.goal_id "
                                "RETURNING id",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, measure->number);
      evk_stmt_bind_int (stmt, 2, lookup_id (ctx->goal_ids, measure->goal));
      if ((measure->id = evk_store_step_returning_id (store, stmt, error)) < 0)
        return FALSE;
      id_set_add (kept, measure->id);
    }

  return delete_unkept (store, "SELECT id FROM measure", "DELETE FROM measure WHERE id = ?1",
                        NULL, kept, error) &&
         evk_store_exec (store,
                         "UPDATE measure SET number = number - " G_STRINGIFY (RENUMBER_OFFSET)
                         " WHERE number > " G_STRINGIFY (RENUMBER_OFFSET),
                         error);
}

static gboolean
save_measures (EvkStore     *store,
               SaveContext  *ctx,
               GError      **error)
{
  g_autoptr(GHashTable) kept = new_id_set ();
  EvkStrategy *strategy = ctx->strategy;

  if (!place_measures (store, ctx, kept, error))
    return FALSE;

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      sqlite3_stmt *stmt;
      gint64 id = measure->id;

      stmt = evk_store_prepare (store, "UPDATE measure SET goal_id = ?2, status_id = ?3 WHERE id = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      evk_stmt_bind_int (stmt, 2, lookup_id (ctx->goal_ids, measure->goal));
      if (measure->status != NULL)
        evk_stmt_bind_int (stmt, 3, lookup_id (ctx->term_ids[EVK_VOCAB_STATUS], measure->status));
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      g_hash_table_insert (ctx->measure_ids, GUINT_TO_POINTER (measure->number), GSIZE_TO_POINTER (id));

      if (!set_texts (store, ctx, "measure", id, "title", measure->title, error) ||
          !set_texts (store, ctx, "measure", id, "status-note", measure->status_note, error))
        return FALSE;

      stmt = evk_store_prepare (store,
                                "DELETE FROM measure_term WHERE measure_id = ?1 AND term_id IN "
                                "(SELECT id FROM term WHERE vocab IN ('type', 'target'))",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      stmt = evk_store_prepare (store, "DELETE FROM measure_body WHERE measure_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;

      if (!insert_links (store, "INSERT INTO measure_term (measure_id, term_id, position) "
                                "VALUES (?1, ?2, ?3)",
                         id, measure->types, ctx->term_ids[EVK_VOCAB_TYPE], error) ||
          !insert_links (store, "INSERT INTO measure_term (measure_id, term_id, position) "
                                "VALUES (?1, ?2, ?3)",
                         id, measure->targets, ctx->term_ids[EVK_VOCAB_TARGET], error) ||
          !insert_links (store, "INSERT INTO measure_body (measure_id, body_id, position) "
                                "VALUES (?1, ?2, ?3)",
                         id, measure->responsible, ctx->body_ids, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_offers_and_groups (EvkStore     *store,
                        SaveContext  *ctx,
                        GError      **error)
{
  g_autoptr(GHashTable) kept_offers = new_id_set ();
  g_autoptr(GHashTable) kept_groups = new_id_set ();
  EvkStrategy *strategy = ctx->strategy;

  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);
      sqlite3_stmt *stmt;
      gint64 id;

      stmt = evk_store_prepare (store,
                                "INSERT INTO offer (key, position) VALUES (?1, ?2) "
                                "ON CONFLICT (key) DO UPDATE SET position = excluded.position "
                                "RETURNING id",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, offer->key);
      evk_stmt_bind_int (stmt, 2, i);
      if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
        return FALSE;
      id_set_add (kept_offers, id);
      if (!set_texts (store, ctx, "offer", id, "label", offer->label, error))
        return FALSE;

      stmt = evk_store_prepare (store, "DELETE FROM offer_measure WHERE offer_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      for (guint j = 0; j < offer->measures->len; j++)
        {
          guint number = g_array_index (offer->measures, guint, j);

          stmt = evk_store_prepare (store,
                                    "INSERT OR IGNORE INTO offer_measure (offer_id, measure_id, position) "
                                    "VALUES (?1, ?2, ?3)",
                                    error);
          if (stmt == NULL)
            return FALSE;
          evk_stmt_bind_int (stmt, 1, id);
          evk_stmt_bind_int (stmt, 2, GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->measure_ids,
                                                                             GUINT_TO_POINTER (number))));
          evk_stmt_bind_int (stmt, 3, j);
          if (!evk_store_step (store, stmt, NULL, error))
            return FALSE;
        }

      stmt = evk_store_prepare (store, "DELETE FROM offer_variable WHERE offer_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_int (stmt, 1, id);
      if (!evk_store_step (store, stmt, NULL, error))
        return FALSE;
      for (guint j = 0; j < offer->items->len; j++)
        {
          EvkOfferItem *item = g_ptr_array_index (offer->items, j);

          stmt = evk_store_prepare (store,
                                    "INSERT INTO offer_variable (offer_id, role, variable) "
                                    "VALUES (?1, ?2, ?3)",
                                    error);
          if (stmt == NULL)
            return FALSE;
          evk_stmt_bind_int (stmt, 1, id);
          evk_stmt_bind_text (stmt, 2, item->role);
          evk_stmt_bind_text (stmt, 3, item->variable);
          if (!evk_store_step (store, stmt, NULL, error))
            return FALSE;
        }
    }
  if (!delete_unkept (store, "SELECT id FROM offer", "DELETE FROM offer WHERE id = ?1",
                      NULL, kept_offers, error))
    return FALSE;

  for (guint i = 0; i < strategy->groups->len; i++)
    {
      EvkGroup *group = g_ptr_array_index (strategy->groups, i);
      sqlite3_stmt *stmt;
      gint64 id;

      stmt = evk_store_prepare (store,
                                "INSERT INTO respondent_group (key, filter, position) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT (key) DO UPDATE SET filter = excluded.filter, "
                                "position = excluded.position RETURNING id",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, group->key);
      evk_stmt_bind_text (stmt, 2, group->filter);
      evk_stmt_bind_int (stmt, 3, i);
      if ((id = evk_store_step_returning_id (store, stmt, error)) < 0)
        return FALSE;
      id_set_add (kept_groups, id);
      if (!set_texts (store, ctx, "respondent_group", id, "name", group->name, error))
        return FALSE;
    }
  return delete_unkept (store, "SELECT id FROM respondent_group",
                        "DELETE FROM respondent_group WHERE id = ?1", NULL, kept_groups, error);
}

/* Entities the strategy drops are deleted last, after everything that
 * referred to them has been rewritten. */
static gboolean
delete_unused (EvkStore     *store,
               SaveContext  *ctx,
               GError      **error)
{
  g_autoptr(GHashTable) kept_bodies = new_id_set ();
  g_autoptr(GHashTable) kept_goals = new_id_set ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, ctx->body_ids);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    id_set_add (kept_bodies, GPOINTER_TO_SIZE (value));
  g_hash_table_iter_init (&iter, ctx->goal_ids);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    id_set_add (kept_goals, GPOINTER_TO_SIZE (value));

  return delete_unkept (store, "SELECT id FROM body", "DELETE FROM body WHERE id = ?1",
                        NULL, kept_bodies, error) &&
         delete_unkept (store, "SELECT id FROM goal", "DELETE FROM goal WHERE id = ?1",
                        NULL, kept_goals, error);
}

static gboolean
save_in_transaction (EvkStore  *store,
                     gpointer   user_data,
                     GError   **error)
{
  SaveContext *ctx = user_data;

  /* Terms are rewritten before the measures that use them: check foreign
   * keys once, at commit. */
  return evk_store_exec (store, "PRAGMA defer_foreign_keys = ON", error) &&
         save_languages (store, ctx, error) &&
         save_project_texts (store, ctx, error) &&
         save_bodies_and_goals (store, ctx, error) &&
         save_terms (store, ctx, error) &&
         save_measures (store, ctx, error) &&
         save_offers_and_groups (store, ctx, error) &&
         delete_unused (store, ctx, error);
}

gboolean
evk_strategy_save (EvkStrategy  *strategy,
                   EvkStore     *store,
                   GError      **error)
{
  SaveContext ctx = { strategy, NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (!evk_strategy_validate (strategy, error))
    return FALSE;

  ctx.langs = g_strdupv (strategy->languages);
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    ctx.term_ids[v] = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.body_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.goal_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.measure_ids = g_hash_table_new (NULL, NULL);

  ok = evk_store_transaction (store, save_in_transaction, &ctx, &local_error);

  g_strfreev (ctx.langs);
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    g_hash_table_unref (ctx.term_ids[v]);
  g_hash_table_unref (ctx.body_ids);
  g_hash_table_unref (ctx.goal_ids);
  g_hash_table_unref (ctx.measure_ids);

  if (!ok)
    {
      /* A removed row still referenced fails at once (RESTRICT) or, for
       * deferred keys, at COMMIT; either way nothing was written. */
      if (g_error_matches (local_error, EVK_STORE_ERROR, EVK_STORE_ERROR_CONSTRAINT))
        g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE,
                             _("the strategy leaves out a goal, body, status or measure "
                               "that the project still uses (in document codings or charts)"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}
