/* evk-strategy-edit.c: edits of a strategy snapshot that keep it whole
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-strategy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-strategy-edit.h"

static gboolean
fail (GError     **error,
      gint         code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      gint         code,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (EVK_MODEL_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
has_languages (EvkStrategy  *strategy,
               GError      **error)
{
  if (strategy->languages[0] == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID,
                 _("the strategy has no title and languages yet: give it a title first"));
  return TRUE;
}

static char *
clean_text (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : g_strdup ("");
}

char *
evk_strategy_make_key (const char *name,
                       GPtrArray  *taken,
                       gsize       key_offset,
                       const char *fallback)
{
  g_autofree char *folded = g_utf8_strdown (name != NULL ? name : "", -1);
  g_autoptr(GString) key = g_string_new (NULL);
  char *candidate;

  for (const char *p = folded; *p != '\0' && key->len < 40; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && g_ascii_isalnum (c))
        g_string_append_c (key, c);
      else if (c == 0xE6) /* æ */
        g_string_append (key, "ae");
      else if (c == 0xF8) /* ø */
        g_string_append (key, "o");
      else if (c == 0xE5) /* å */
        g_string_append (key, "a");
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }
  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);
  if (key->len == 0)
    g_string_append (key, fallback);

  candidate = g_strdup (key->str);
  for (guint n = 2;; n++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < taken->len && !used; i++)
        used = g_str_equal (G_STRUCT_MEMBER (const char *, g_ptr_array_index (taken, i), key_offset),
                            candidate);
      if (!used)
        return candidate;
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", key->str, n);
    }
}

static gboolean
find_index (GPtrArray  *array,
            gsize       key_offset,
            const char *key,
            guint      *index)
{
  for (guint i = 0; key != NULL && i < array->len; i++)
    if (g_str_equal (G_STRUCT_MEMBER (const char *, g_ptr_array_index (array, i), key_offset), key))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

static void
move_in_array (GPtrArray *array,
               guint      from,
               int        delta)
{
  int to = CLAMP ((int) from + delta, 0, (int) array->len - 1);
  gpointer item;

  if (to == (int) from)
    return;
  item = g_ptr_array_steal_index (array, from);
  g_ptr_array_insert (array, to, item);
}

static const char *
vocab_label (EvkVocab vocab)
{
  switch (vocab)
    {
    case EVK_VOCAB_STATUS:
      return _("status");
    case EVK_VOCAB_TYPE:
      return _("measure type");
    case EVK_VOCAB_TARGET:
      return _("target group");
    case EVK_VOCAB_SECTION:
    case EVK_N_VOCABS:
    default:
      return _("section");
    }
}

/* "3, 5 and 12": the measures a refusal names. */
static char *
number_list (GArray *numbers)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == numbers->len ? _(" and ") : ", ");
      g_string_append_printf (text, "%u", g_array_index (numbers, guint, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
strv_has (GStrv       keys,
          const char *key)
{
  return keys != NULL && g_strv_contains ((const char * const *) keys, key);
}

static gboolean
refuse_if_used (EvkStrategy  *strategy,
                const char   *what,
                const char   *name,
                GArray       *users,
                GError      **error)
{
  g_autofree char *list = NULL;

  if (users->len == 0)
    return TRUE;
  list = number_list (users);
  /* Translators: "the status “Ongoing” is used by measure 3, 5 and 12:
   * give them another one first" */
  return fail (error, EVK_MODEL_ERROR_IN_USE,
               g_dngettext (GETTEXT_PACKAGE,
                            "the %s “%s” is used by measure %s: change that first",
                            "the %s “%s” is used by measures %s: change them first", users->len),
               what, name, list);
}

static const char *
source_name (EvkStrategy *strategy,
             GHashTable  *localized,
             const char  *key)
{
  const char *name = localized != NULL ? evk_localized_get (localized, evk_strategy_source_language (strategy)) : NULL;

  return name != NULL ? name : key;
}

/* ---- Lists ---------------------------------------------------------- */

EvkTerm *
evk_strategy_insert_term (EvkStrategy  *strategy,
                          EvkVocab      vocab,
                          const char   *name,
                          GError      **error)
{
  g_autofree char *text = clean_text (name);
  g_autofree char *key = NULL;
  EvkTerm *term;

  g_return_val_if_fail (vocab < EVK_N_VOCABS, NULL);

  if (!has_languages (strategy, error))
    return NULL;
  if (text[0] == '\0')
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a new %s needs a name"), vocab_label (vocab)), NULL;
  key = evk_strategy_make_key (text, strategy->vocabs[vocab], G_STRUCT_OFFSET (EvkTerm, key),
                               evk_vocab_to_string (vocab));
  term = evk_strategy_add_term (strategy, vocab, key);
  evk_localized_set (term->name, evk_strategy_source_language (strategy), text);
  return term;
}

gboolean
evk_strategy_remove_term (EvkStrategy  *strategy,
                          EvkVocab      vocab,
                          const char   *key,
                          GError      **error)
{
  g_autoptr(GArray) users = g_array_new (FALSE, FALSE, sizeof (guint));
  EvkTerm *term = evk_strategy_find_term (strategy, vocab, key);
  guint index = 0;

  if (term == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no %s “%s”"), vocab_label (vocab), key);
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      gboolean uses = (vocab == EVK_VOCAB_STATUS && g_strcmp0 (measure->status, key) == 0) ||
                      (vocab == EVK_VOCAB_TYPE && strv_has (measure->types, key)) ||
                      (vocab == EVK_VOCAB_TARGET && strv_has (measure->targets, key));

      if (uses)
        g_array_append_val (users, measure->number);
    }
  if (!refuse_if_used (strategy, vocab_label (vocab), source_name (strategy, term->name, key), users, error))
    return FALSE;
  find_index (strategy->vocabs[vocab], G_STRUCT_OFFSET (EvkTerm, key), key, &index);
  g_ptr_array_remove_index (strategy->vocabs[vocab], index);
  return TRUE;
}

gboolean
evk_strategy_move_term (EvkStrategy  *strategy,
                        EvkVocab      vocab,
                        const char   *key,
                        int           delta,
                        GError      **error)
{
  guint index;

  if (!find_index (strategy->vocabs[vocab], G_STRUCT_OFFSET (EvkTerm, key), key, &index))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no %s “%s”"), vocab_label (vocab), key);
  move_in_array (strategy->vocabs[vocab], index, delta);
  return TRUE;
}

EvkBody *
evk_strategy_insert_body (EvkStrategy  *strategy,
                          const char   *name,
                          const char   *abbreviation,
                          GError      **error)
{
  g_autofree char *text = clean_text (name);
  g_autofree char *abbr = clean_text (abbreviation);
  g_autofree char *key = NULL;
  const char *source;
  EvkBody *body;

  if (!has_languages (strategy, error))
    return NULL;
  if (text[0] == '\0')
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a new responsible body needs a name")), NULL;
  /* The abbreviation makes the shorter key, as in the demo's "imdi". */
  key = evk_strategy_make_key (abbr[0] != '\0' ? abbr : text, strategy->bodies,
                               G_STRUCT_OFFSET (EvkBody, key), "body");
  body = evk_strategy_add_body (strategy, key);
  source = evk_strategy_source_language (strategy);
  evk_localized_set (body->name, source, text);
  if (abbr[0] != '\0')
    evk_localized_set (body->abbreviation, source, abbr);
  return body;
}

gboolean
evk_strategy_remove_body (EvkStrategy  *strategy,
                          const char   *key,
                          GError      **error)
{
  g_autoptr(GArray) users = g_array_new (FALSE, FALSE, sizeof (guint));
  EvkBody *body = evk_strategy_find_body (strategy, key);
  guint index = 0;

  if (body == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no responsible body “%s”"), key);
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      if (strv_has (measure->responsible, key))
        g_array_append_val (users, measure->number);
    }
  if (!refuse_if_used (strategy, _("responsible body"), source_name (strategy, body->name, key), users, error))
    return FALSE;
  find_index (strategy->bodies, G_STRUCT_OFFSET (EvkBody, key), key, &index);
  g_ptr_array_remove_index (strategy->bodies, index);
  return TRUE;
}

gboolean
evk_strategy_move_body (EvkStrategy  *strategy,
                        const char   *key,
                        int           delta,
                        GError      **error)
{
  guint index;

  if (!find_index (strategy->bodies, G_STRUCT_OFFSET (EvkBody, key), key, &index))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no responsible body “%s”"), key);
  move_in_array (strategy->bodies, index, delta);
  return TRUE;
}

/* ---- Goals and measures -------------------------------------------- */

static int
goal_position (EvkStrategy *strategy,
               const char  *key)
{
  guint index;

  return find_index (strategy->goals, G_STRUCT_OFFSET (EvkGoal, key), key, &index) ? (int) index : G_MAXINT;
}

typedef struct {
  EvkMeasure *measure;
  int         goal;
  guint       order;
} Placed;

static gint
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->goal != pb->goal)
    return pa->goal < pb->goal ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

static gint
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  const EvkMeasure *ma = *(EvkMeasure * const *) a;
  const EvkMeasure *mb = *(EvkMeasure * const *) b;

  return ma->number < mb->number ? -1 : ma->number > mb->number;
}

/* Measures are kept sorted by number; ORDER overrides a measure's place
 * within its goal (the moved one), as a sort key in halves. */
static void
renumber_with (EvkStrategy *strategy,
               GHashTable  *order)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GHashTable) renamed = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      gpointer value;
      Placed p = { measure, goal_position (strategy, measure->goal), measure->number * 2 };

      if (order != NULL && g_hash_table_lookup_extended (order, measure, NULL, &value))
        p.order = GPOINTER_TO_UINT (value);
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      if (p->measure->number != i + 1)
        g_hash_table_insert (renamed, GUINT_TO_POINTER (p->measure->number), GUINT_TO_POINTER (i + 1));
      p->measure->number = i + 1;
    }
  g_ptr_array_sort (strategy->measures, compare_numbers);

  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);

      for (guint j = 0; j < offer->measures->len; j++)
        {
          guint *number = &g_array_index (offer->measures, guint, j);
          gpointer value;

          if (g_hash_table_lookup_extended (renamed, GUINT_TO_POINTER (*number), NULL, &value))
            *number = GPOINTER_TO_UINT (value);
        }
    }
}

void
evk_strategy_renumber (EvkStrategy *strategy)
{
  renumber_with (strategy, NULL);
}

EvkGoal *
evk_strategy_insert_goal (EvkStrategy  *strategy,
                          const char   *kind,
                          const char   *title,
                          GError      **error)
{
  g_autofree char *text = clean_text (title);
  g_autofree char *key = NULL;
  guint next = 1;
  EvkGoal *goal;

  if (!has_languages (strategy, error))
    return NULL;
  if (g_strcmp0 (kind, "goal") != 0 && g_strcmp0 (kind, "implementation") != 0)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a goal is of kind goal or implementation")), NULL;
  if (text[0] == '\0')
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a new goal needs a title")), NULL;
  /* Goals are keyed by number, as the strategy file has them. */
  for (guint i = 0; i < strategy->goals->len; i++)
    {
      EvkGoal *g = g_ptr_array_index (strategy->goals, i);
      guint64 n;

      if (g_ascii_string_to_unsigned (g->key, 10, 1, G_MAXUINT - 1, &n, NULL) && n >= next)
        next = n + 1;
    }
  key = g_strdup_printf ("%u", next);
  goal = evk_strategy_add_goal (strategy, key);
  g_free (goal->kind);
  goal->kind = g_strdup (kind);
  evk_localized_set (goal->title, evk_strategy_source_language (strategy), text);
  return goal;
}

gboolean
evk_strategy_remove_goal (EvkStrategy  *strategy,
                          const char   *key,
                          GError      **error)
{
  g_autoptr(GArray) users = g_array_new (FALSE, FALSE, sizeof (guint));
  guint index;

  if (!find_index (strategy->goals, G_STRUCT_OFFSET (EvkGoal, key), key, &index))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no goal “%s”"), key);
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *measure = g_ptr_array_index (strategy->measures, i);
      if (g_strcmp0 (measure->goal, key) == 0)
        g_array_append_val (users, measure->number);
    }
  if (users->len > 0)
    {
      g_autofree char *list = number_list (users);

      return fail (error, EVK_MODEL_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the goal still has measure %s: move or remove it first",
                                "the goal still has measures %s: move or remove them first", users->len),
                   list);
    }
  g_ptr_array_remove_index (strategy->goals, index);
  return TRUE;
}

gboolean
evk_strategy_move_goal (EvkStrategy  *strategy,
                        const char   *key,
                        int           delta,
                        GError      **error)
{
  guint index;

  if (!find_index (strategy->goals, G_STRUCT_OFFSET (EvkGoal, key), key, &index))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no goal “%s”"), key);
  move_in_array (strategy->goals, index, delta);
  evk_strategy_renumber (strategy);
  return TRUE;
}

EvkMeasure *
evk_strategy_insert_measure (EvkStrategy  *strategy,
                             const char   *goal,
                             const char   *title,
                             GError      **error)
{
  g_autofree char *text = clean_text (title);
  g_autoptr(GHashTable) order = g_hash_table_new (NULL, NULL);
  EvkMeasure *measure;

  if (evk_strategy_find_goal (strategy, goal) == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no goal “%s”"), goal ? goal : ""), NULL;
  if (text[0] == '\0')
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a new measure needs a title")), NULL;
  measure = evk_strategy_add_measure (strategy, G_MAXUINT / 4);
  measure->goal = g_strdup (goal);
  evk_localized_set (measure->title, evk_strategy_source_language (strategy), text);
  /* The first status of the list, so the measure counts in the summary
   * from the start; the evaluator changes it with the facts. */
  if (strategy->vocabs[EVK_VOCAB_STATUS]->len > 0)
    measure->status = g_strdup (((EvkTerm *) g_ptr_array_index (strategy->vocabs[EVK_VOCAB_STATUS], 0))->key);
  g_hash_table_insert (order, measure, GUINT_TO_POINTER (G_MAXUINT));
  renumber_with (strategy, order);
  return measure;
}

gboolean
evk_strategy_remove_measure (EvkStrategy  *strategy,
                             guint         number,
                             GError      **error)
{
  EvkMeasure *measure = evk_strategy_find_measure (strategy, number);

  if (measure == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no measure %u"), number);
  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *offer = g_ptr_array_index (strategy->offers, i);

      for (guint j = offer->measures->len; j > 0; j--)
        if (g_array_index (offer->measures, guint, j - 1) == number)
          g_array_remove_index (offer->measures, j - 1);
    }
  g_ptr_array_remove (strategy->measures, measure);
  evk_strategy_renumber (strategy);
  return TRUE;
}

gboolean
evk_strategy_move_measure (EvkStrategy  *strategy,
                           guint         number,
                           int           delta,
                           guint        *new_number,
                           GError      **error)
{
  g_autoptr(GPtrArray) siblings = g_ptr_array_new ();
  g_autoptr(GHashTable) order = g_hash_table_new (NULL, NULL);
  EvkMeasure *measure = evk_strategy_find_measure (strategy, number);
  guint index = 0;
  int to;

  if (measure == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no measure %u"), number);
  for (guint i = 0; i < strategy->measures->len; i++)
    {
      EvkMeasure *m = g_ptr_array_index (strategy->measures, i);

      if (g_strcmp0 (m->goal, measure->goal) != 0)
        continue;
      if (m == measure)
        index = siblings->len;
      g_ptr_array_add (siblings, m);
    }
  to = CLAMP ((int) index + delta, 0, (int) siblings->len - 1);
  move_in_array (siblings, index, to - (int) index);
  for (guint i = 0; i < siblings->len; i++)
    g_hash_table_insert (order, g_ptr_array_index (siblings, i), GUINT_TO_POINTER (i));
  renumber_with (strategy, order);
  if (new_number != NULL)
    *new_number = measure->number;
  return TRUE;
}

gboolean
evk_strategy_set_measure_goal (EvkStrategy  *strategy,
                               guint         number,
                               const char   *goal,
                               guint        *new_number,
                               GError      **error)
{
  g_autoptr(GHashTable) order = g_hash_table_new (NULL, NULL);
  EvkMeasure *measure = evk_strategy_find_measure (strategy, number);

  if (measure == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no measure %u"), number);
  if (evk_strategy_find_goal (strategy, goal) == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no goal “%s”"), goal ? goal : "");
  if (g_strcmp0 (measure->goal, goal) != 0)
    {
      g_free (measure->goal);
      measure->goal = g_strdup (goal);
      g_hash_table_insert (order, measure, GUINT_TO_POINTER (G_MAXUINT));
      renumber_with (strategy, order);
    }
  if (new_number != NULL)
    *new_number = measure->number;
  return TRUE;
}

gboolean
evk_strategy_set_measure_keys (EvkStrategy         *strategy,
                               guint                number,
                               const char          *field,
                               const char * const  *keys,
                               GError             **error)
{
  EvkMeasure *measure = evk_strategy_find_measure (strategy, number);
  GStrv *target = NULL;
  EvkVocab vocab = EVK_VOCAB_TYPE;

  if (measure == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no measure %u"), number);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gboolean known;

      if (g_str_equal (field, "responsible"))
        known = evk_strategy_find_body (strategy, keys[i]) != NULL;
      else
        {
          vocab = g_str_equal (field, "status") ? EVK_VOCAB_STATUS
                  : g_str_equal (field, "types") ? EVK_VOCAB_TYPE : EVK_VOCAB_TARGET;
          known = evk_strategy_find_term (strategy, vocab, keys[i]) != NULL;
        }
      if (!known)
        return fail (error, EVK_MODEL_ERROR_INVALID, _("measure %u: unknown %s “%s”"), number,
                     g_str_equal (field, "responsible") ? _("responsible body") : vocab_label (vocab),
                     keys[i]);
    }

  if (g_str_equal (field, "status"))
    {
      if (keys != NULL && keys[0] != NULL && keys[1] != NULL)
        return fail (error, EVK_MODEL_ERROR_INVALID, _("a measure has one status"));
      g_free (measure->status);
      measure->status = g_strdup (keys != NULL ? keys[0] : NULL);
      return TRUE;
    }
  if (g_str_equal (field, "types"))
    target = &measure->types;
  else if (g_str_equal (field, "targets"))
    target = &measure->targets;
  else if (g_str_equal (field, "responsible"))
    target = &measure->responsible;
  else
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a measure has no field “%s”"), field);
  g_strfreev (*target);
  *target = keys != NULL ? g_strdupv ((GStrv) keys) : g_new0 (char *, 1);
  return TRUE;
}

/* ---- Texts ---------------------------------------------------------- */

static GHashTable **
text_field (EvkStrategy  *strategy,
            const char   *what,
            const char   *key,
            const char   *field,
            gboolean     *required,
            GError      **error)
{
  *required = FALSE;
  if (g_str_equal (what, "strategy"))
    {
      *required = g_str_equal (field, "title");
      return g_str_equal (field, "title") ? &strategy->title
             : g_str_equal (field, "short-title") ? &strategy->short_title
             : g_str_equal (field, "owner") ? &strategy->owner : NULL;
    }
  if (g_str_equal (what, "goal"))
    {
      EvkGoal *goal = evk_strategy_find_goal (strategy, key);

      if (goal == NULL)
        return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no goal “%s”"), key ? key : ""), NULL;
      *required = g_str_equal (field, "title");
      return g_str_equal (field, "title") ? &goal->title
             : g_str_equal (field, "description") ? &goal->description : NULL;
    }
  if (g_str_equal (what, "measure"))
    {
      guint64 number = 0;
      EvkMeasure *measure = NULL;

      if (key != NULL && g_ascii_string_to_unsigned (key, 10, 1, G_MAXUINT, &number, NULL))
        measure = evk_strategy_find_measure (strategy, number);
      if (measure == NULL)
        return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no measure %s"), key ? key : ""), NULL;
      *required = g_str_equal (field, "title");
      return g_str_equal (field, "title") ? &measure->title
             : g_str_equal (field, "status-note") ? &measure->status_note : NULL;
    }
  if (g_str_equal (what, "body"))
    {
      EvkBody *body = evk_strategy_find_body (strategy, key);

      if (body == NULL)
        return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no responsible body “%s”"), key ? key : ""), NULL;
      *required = g_str_equal (field, "name");
      return g_str_equal (field, "name") ? &body->name
             : g_str_equal (field, "abbreviation") ? &body->abbreviation : NULL;
    }
  if (g_str_equal (what, "offer"))
    {
      guint index;

      if (!find_index (strategy->offers, G_STRUCT_OFFSET (EvkOffer, key), key, &index))
        return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no offer “%s”"), key ? key : ""), NULL;
      return g_str_equal (field, "label") ? &((EvkOffer *) g_ptr_array_index (strategy->offers, index))->label : NULL;
    }
  if (g_str_equal (what, "group"))
    {
      EvkGroup *group = evk_strategy_find_group (strategy, key);

      if (group == NULL)
        return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no group “%s”"), key ? key : ""), NULL;
      return g_str_equal (field, "name") ? &group->name : NULL;
    }
  for (guint v = 0; v < EVK_N_VOCABS; v++)
    if (g_str_equal (what, evk_vocab_to_string (v)))
      {
        EvkTerm *term = evk_strategy_find_term (strategy, v, key);

        if (term == NULL)
          return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no %s “%s”"), vocab_label (v), key ? key : ""), NULL;
        *required = g_str_equal (field, "name");
        return g_str_equal (field, "name") ? &term->name
               : g_str_equal (field, "description") ? &term->description : NULL;
      }
  return NULL;
}

gboolean
evk_strategy_set_text (EvkStrategy  *strategy,
                       const char   *what,
                       const char   *key,
                       const char   *field,
                       const char   *lang,
                       const char   *text,
                       GError      **error)
{
  g_autofree char *value = clean_text (text);
  g_autoptr(GError) local_error = NULL;
  GHashTable **localized;
  gboolean required;

  g_return_val_if_fail (what != NULL && field != NULL && lang != NULL, FALSE);

  if (!has_languages (strategy, error))
    return FALSE;
  if (!g_strv_contains ((const char * const *) strategy->languages, lang))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("the strategy is not written in “%s”"), lang);
  localized = text_field (strategy, what, key, field, &required, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (localized == NULL)
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a %s has no text “%s”"), what, field);
  if (value[0] == '\0' && required && g_str_equal (lang, evk_strategy_source_language (strategy)))
    return fail (error, EVK_MODEL_ERROR_INVALID,
                 _("the %s cannot be empty in the source language"), field);
  if (value[0] == '\0')
    g_hash_table_remove (*localized, lang);
  else
    evk_localized_set (*localized, lang, value);
  return TRUE;
}

/* ---- Offers --------------------------------------------------------- */

EvkOffer *
evk_strategy_insert_offer (EvkStrategy  *strategy,
                           const char   *label,
                           GError      **error)
{
  g_autofree char *text = clean_text (label);
  g_autofree char *key = NULL;
  guint next = 1;
  EvkOffer *offer;

  if (!has_languages (strategy, error))
    return NULL;
  if (text[0] == '\0')
    return fail (error, EVK_MODEL_ERROR_INVALID, _("a new offer needs a short name")), NULL;
  /* Offers are keyed by number too; charts say "awareness 7". */
  for (guint i = 0; i < strategy->offers->len; i++)
    {
      EvkOffer *o = g_ptr_array_index (strategy->offers, i);
      guint64 n;

      if (g_ascii_string_to_unsigned (o->key, 10, 1, G_MAXUINT - 1, &n, NULL) && n >= next)
        next = n + 1;
    }
  key = g_strdup_printf ("%u", next);
  offer = evk_strategy_add_offer (strategy, key);
  evk_localized_set (offer->label, evk_strategy_source_language (strategy), text);
  return offer;
}

gboolean
evk_strategy_remove_offer (EvkStrategy  *strategy,
                           const char   *key,
                           GError      **error)
{
  guint index;

  if (!find_index (strategy->offers, G_STRUCT_OFFSET (EvkOffer, key), key, &index))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no offer “%s”"), key ? key : "");
  g_ptr_array_remove_index (strategy->offers, index);
  return TRUE;
}

gboolean
evk_strategy_set_offer_measures (EvkStrategy  *strategy,
                                 const char   *key,
                                 const guint  *numbers,
                                 guint         n_numbers,
                                 GError      **error)
{
  guint index;
  EvkOffer *offer;

  if (!find_index (strategy->offers, G_STRUCT_OFFSET (EvkOffer, key), key, &index))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no offer “%s”"), key ? key : "");
  for (guint i = 0; i < n_numbers; i++)
    if (evk_strategy_find_measure (strategy, numbers[i]) == NULL)
      return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no measure %u"), numbers[i]);
  offer = g_ptr_array_index (strategy->offers, index);
  g_array_set_size (offer->measures, 0);
  for (guint i = 0; i < n_numbers; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < offer->measures->len && !seen; j++)
        seen = g_array_index (offer->measures, guint, j) == numbers[i];
      if (!seen)
        g_array_append_val (offer->measures, numbers[i]);
    }
  return TRUE;
}

gboolean
evk_strategy_link_offer (EvkStrategy  *strategy,
                         const char   *key,
                         const char   *role,
                         const char   *variable,
                         GError      **error)
{
  guint index;
  EvkOffer *offer;

  if (!find_index (strategy->offers, G_STRUCT_OFFSET (EvkOffer, key), key, &index))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("there is no offer “%s”"), key ? key : "");
  if (role == NULL || role[0] == '\0' || strchr (role, '[') != NULL || strchr (role, '=') != NULL ||
      g_str_equal (role, "Label") || g_str_equal (role, "Measures"))
    return fail (error, EVK_MODEL_ERROR_INVALID, _("“%s” cannot name a role"), role ? role : "");
  offer = g_ptr_array_index (strategy->offers, index);
  if (variable == NULL || variable[0] == '\0')
    {
      for (guint i = 0; i < offer->items->len; i++)
        if (g_str_equal (((EvkOfferItem *) g_ptr_array_index (offer->items, i))->role, role))
          g_ptr_array_remove_index (offer->items, i);
      return TRUE;
    }
  evk_offer_set_variable (offer, role, variable);
  return TRUE;
}
