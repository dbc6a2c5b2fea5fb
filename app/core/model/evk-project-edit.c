/* evk-project-edit.c: building a project's strategy edit by edit
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "evk-localized.h"
#include "evk-model-error.h"
#include "evk-project-edit.h"

/* The arguments of one edit; each public function fills what it needs. */
typedef struct {
  const char         *what;
  const char         *key;
  const char         *field;
  const char         *lang;
  const char         *text;
  const char * const *keys;
  const guint        *numbers;
  guint               n_numbers;
  guint               number;
  int                 delta;
  gboolean            flag;
  EvkVocab            vocab;
  char               *new_key;    /* out */
  guint               new_number; /* out */
} Args;

static guint
count (EvkStore    *store,
       const char  *sql,
       gint64       id,
       const char  *text,
       GError     **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (store, sql, error);
  gboolean has_row = FALSE;
  guint n;

  if (stmt == NULL)
    return G_MAXUINT;
  evk_stmt_bind_int (stmt, 1, id);
  if (text != NULL)
    evk_stmt_bind_text (stmt, 2, text);
  if (!evk_store_step (store, stmt, &has_row, error))
    return G_MAXUINT;
  n = has_row ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return n;
}

static gboolean
run (EvkProject           *self,
     EvkStrategyEditFunc   func,
     Args                 *args,
     GError              **error)
{
  return evk_project_edit_strategy (self, func, args, error);
}

/* ---- The strategy as a whole ----------------------------------------- */

static gboolean
begin_func (EvkProject   *project,
            EvkStrategy  *strategy,
            gpointer      user_data,
            GError      **error)
{
  Args *args = user_data;
  g_autofree char *title = g_strstrip (g_strdup (args->text ? args->text : ""));

  if (strategy->languages[0] != NULL)
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the evaluation has its strategy already"));
      return FALSE;
    }
  if (args->keys == NULL || args->keys[0] == NULL)
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the strategy needs at least one language"));
      return FALSE;
    }
  if (title[0] == '\0')
    {
      g_set_error_literal (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                           _("the strategy needs a title"));
      return FALSE;
    }
  g_strfreev (strategy->languages);
  strategy->languages = g_strdupv ((GStrv) args->keys);
  evk_localized_set (strategy->title, args->keys[0], title);
  return TRUE;
}

gboolean
evk_project_begin_strategy (EvkProject          *self,
                            const char * const  *languages,
                            const char          *title,
                            GError             **error)
{
  Args args = { .keys = languages, .text = title };

  return run (self, begin_func, &args, error);
}

static gboolean
text_func (EvkProject   *project,
           EvkStrategy  *strategy,
           gpointer      user_data,
           GError      **error)
{
  Args *args = user_data;

  return evk_strategy_set_text (strategy, args->what, args->key, args->field, args->lang, args->text, error);
}

gboolean
evk_project_set_strategy_text (EvkProject  *self,
                               const char  *what,
                               const char  *key,
                               const char  *field,
                               const char  *lang,
                               const char  *text,
                               GError     **error)
{
  Args args = { .what = what, .key = key, .field = field, .lang = lang, .text = text };

  return run (self, text_func, &args, error);
}

static gboolean
period_func (EvkProject   *project,
             EvkStrategy  *strategy,
             gpointer      user_data,
             GError      **error)
{
  Args *args = user_data;
  g_autofree char *period = g_strstrip (g_strdup (args->text ? args->text : ""));

  g_free (strategy->period);
  strategy->period = period[0] != '\0' ? g_steal_pointer (&period) : NULL;
  return TRUE;
}

gboolean
evk_project_set_period (EvkProject  *self,
                        const char  *period,
                        GError     **error)
{
  Args args = { .text = period };

  return run (self, period_func, &args, error);
}

/* ---- Goals ------------------------------------------------------------ */

static gboolean
add_goal_func (EvkProject   *project,
               EvkStrategy  *strategy,
               gpointer      user_data,
               GError      **error)
{
  Args *args = user_data;
  EvkGoal *goal = evk_strategy_insert_goal (strategy, args->field, args->text, error);

  if (goal == NULL)
    return FALSE;
  args->new_key = g_strdup (goal->key);
  return TRUE;
}

char *
evk_project_add_goal (EvkProject  *self,
                      const char  *kind,
                      const char  *title,
                      GError     **error)
{
  Args args = { .field = kind, .text = title };

  if (!run (self, add_goal_func, &args, error))
    {
      g_free (args.new_key);
      return NULL;
    }
  return args.new_key;
}

static gboolean
goal_kind_func (EvkProject   *project,
                EvkStrategy  *strategy,
                gpointer      user_data,
                GError      **error)
{
  Args *args = user_data;
  EvkGoal *goal = evk_strategy_find_goal (strategy, args->key);

  if (goal == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("there is no goal “%s”"), args->key);
      return FALSE;
    }
  g_free (goal->kind);
  goal->kind = g_strdup (args->field);
  return TRUE;
}

gboolean
evk_project_set_goal_kind (EvkProject  *self,
                           const char  *key,
                           const char  *kind,
                           GError     **error)
{
  Args args = { .key = key, .field = kind };

  return run (self, goal_kind_func, &args, error);
}

static gboolean
move_goal_func (EvkProject   *project,
                EvkStrategy  *strategy,
                gpointer      user_data,
                GError      **error)
{
  Args *args = user_data;

  return evk_strategy_move_goal (strategy, args->key, args->delta, error);
}

gboolean
evk_project_move_goal (EvkProject  *self,
                       const char  *key,
                       int          delta,
                       GError     **error)
{
  Args args = { .key = key, .delta = delta };

  return run (self, move_goal_func, &args, error);
}

static gboolean
remove_goal_func (EvkProject   *project,
                  EvkStrategy  *strategy,
                  gpointer      user_data,
                  GError      **error)
{
  Args *args = user_data;
  EvkStore *store = evk_project_get_store (project);
  guint n;

  n = count (store, "SELECT count(*) FROM chart c JOIN goal g ON g.id = c.goal_id WHERE g.key = ?2",
             0, args->key, error);
  if (n == G_MAXUINT)
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the goal has %u saved chart: remove it first",
                                "the goal has %u saved charts: remove them first", n),
                   n);
      return FALSE;
    }
  return evk_strategy_remove_goal (strategy, args->key, error);
}

gboolean
evk_project_remove_goal (EvkProject  *self,
                         const char  *key,
                         GError     **error)
{
  Args args = { .key = key };

  return run (self, remove_goal_func, &args, error);
}

/* ---- Measures --------------------------------------------------------- */

static gboolean
add_measure_func (EvkProject   *project,
                  EvkStrategy  *strategy,
                  gpointer      user_data,
                  GError      **error)
{
  Args *args = user_data;
  EvkMeasure *measure = evk_strategy_insert_measure (strategy, args->key, args->text, error);

  if (measure == NULL)
    return FALSE;
  args->new_number = measure->number;
  return TRUE;
}

guint
evk_project_add_measure (EvkProject  *self,
                         const char  *goal,
                         const char  *title,
                         GError     **error)
{
  Args args = { .key = goal, .text = title };

  return run (self, add_measure_func, &args, error) ? args.new_number : 0;
}

static gboolean
move_measure_func (EvkProject   *project,
                   EvkStrategy  *strategy,
                   gpointer      user_data,
                   GError      **error)
{
  Args *args = user_data;

  if (args->key != NULL)
    return evk_strategy_set_measure_goal (strategy, args->number, args->key, &args->new_number, error);
  return evk_strategy_move_measure (strategy, args->number, args->delta, &args->new_number, error);
}

guint
evk_project_move_measure (EvkProject  *self,
                          guint        number,
                          int          delta,
                          GError     **error)
{
  Args args = { .number = number, .delta = delta };

  return run (self, move_measure_func, &args, error) ? args.new_number : 0;
}

guint
evk_project_set_measure_goal (EvkProject  *self,
                              guint        number,
                              const char  *goal,
                              GError     **error)
{
  Args args = { .number = number, .key = goal };

  g_return_val_if_fail (goal != NULL, 0);
  return run (self, move_measure_func, &args, error) ? args.new_number : 0;
}

static gboolean
remove_measure_func (EvkProject   *project,
                     EvkStrategy  *strategy,
                     gpointer      user_data,
                     GError      **error)
{
  Args *args = user_data;
  EvkStore *store = evk_project_get_store (project);
  EvkMeasure *measure = evk_strategy_find_measure (strategy, args->number);
  guint n_codings, n_charts, n_texts;

  if (measure == NULL)
    return evk_strategy_remove_measure (strategy, args->number, error);
  n_codings = count (store, "SELECT count(*) FROM coding WHERE measure_id = ?1", measure->id, NULL, error);
  n_charts = count (store, "SELECT count(*) FROM chart WHERE measure_id = ?1", measure->id, NULL, error);
  n_texts = count (store,
                   "SELECT count(*) FROM text WHERE entity = 'measure' AND entity_id = ?1 "
                   "AND field LIKE 'section:%'",
                   measure->id, NULL, error);
  if (n_codings == G_MAXUINT || n_charts == G_MAXUINT || n_texts == G_MAXUINT)
    return FALSE;
  if (n_codings > 0 || n_charts > 0 || n_texts > 0)
    {
      g_autoptr(GString) what = g_string_new (NULL);

      if (n_codings > 0)
        g_string_append_printf (what, g_dngettext (GETTEXT_PACKAGE, "%u document coding",
                                                   "%u document codings", n_codings), n_codings);
      if (n_charts > 0)
        {
          if (what->len > 0)
            g_string_append (what, ", ");
          g_string_append_printf (what, g_dngettext (GETTEXT_PACKAGE, "%u saved chart",
                                                     "%u saved charts", n_charts), n_charts);
        }
      if (n_texts > 0)
        {
          if (what->len > 0)
            g_string_append (what, ", ");
          g_string_append (what, _("report text"));
        }
      /* Translators: "measure 4 has 2 saved charts, report text: …" */
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE,
                   _("measure %u has %s: remove them first, or move the measure to another goal instead"),
                   args->number, what->str);
      return FALSE;
    }
  return evk_strategy_remove_measure (strategy, args->number, error);
}

gboolean
evk_project_remove_measure (EvkProject  *self,
                            guint        number,
                            GError     **error)
{
  Args args = { .number = number };

  return run (self, remove_measure_func, &args, error);
}

static gboolean
measure_keys_func (EvkProject   *project,
                   EvkStrategy  *strategy,
                   gpointer      user_data,
                   GError      **error)
{
  Args *args = user_data;

  return evk_strategy_set_measure_keys (strategy, args->number, args->field, args->keys, error);
}

gboolean
evk_project_set_measure_keys (EvkProject          *self,
                              guint                number,
                              const char          *field,
                              const char * const  *keys,
                              GError             **error)
{
  Args args = { .number = number, .field = field, .keys = keys };

  return run (self, measure_keys_func, &args, error);
}

/* ---- Lists ------------------------------------------------------------ */

static gboolean
add_term_func (EvkProject   *project,
               EvkStrategy  *strategy,
               gpointer      user_data,
               GError      **error)
{
  Args *args = user_data;
  EvkTerm *term = evk_strategy_insert_term (strategy, args->vocab, args->text, error);

  if (term == NULL)
    return FALSE;
  args->new_key = g_strdup (term->key);
  return TRUE;
}

char *
evk_project_add_term (EvkProject  *self,
                      EvkVocab     vocab,
                      const char  *name,
                      GError     **error)
{
  Args args = { .vocab = vocab, .text = name };

  if (!run (self, add_term_func, &args, error))
    {
      g_free (args.new_key);
      return NULL;
    }
  return args.new_key;
}

static gboolean
move_term_func (EvkProject   *project,
                EvkStrategy  *strategy,
                gpointer      user_data,
                GError      **error)
{
  Args *args = user_data;

  if (args->what != NULL)
    return evk_strategy_move_body (strategy, args->key, args->delta, error);
  return evk_strategy_move_term (strategy, args->vocab, args->key, args->delta, error);
}

gboolean
evk_project_move_term (EvkProject  *self,
                       EvkVocab     vocab,
                       const char  *key,
                       int          delta,
                       GError     **error)
{
  Args args = { .vocab = vocab, .key = key, .delta = delta };

  return run (self, move_term_func, &args, error);
}

static gboolean
remove_term_func (EvkProject   *project,
                  EvkStrategy  *strategy,
                  gpointer      user_data,
                  GError      **error)
{
  Args *args = user_data;

  if (args->what != NULL)
    return evk_strategy_remove_body (strategy, args->key, error);
  if (args->vocab == EVK_VOCAB_SECTION)
    {
      g_autofree char *field = g_strdup_printf ("section:%s", args->key);
      guint n = count (evk_project_get_store (project),
                       "SELECT count(*) FROM text WHERE entity = 'measure' AND ?1 = ?1 AND field = ?2",
                       0, field, error);

      if (n == G_MAXUINT)
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_IN_USE,
                       _("measures have text in the section “%s”: remove it first"), args->key);
          return FALSE;
        }
    }
  return evk_strategy_remove_term (strategy, args->vocab, args->key, error);
}

gboolean
evk_project_remove_term (EvkProject  *self,
                         EvkVocab     vocab,
                         const char  *key,
                         GError     **error)
{
  Args args = { .vocab = vocab, .key = key };

  return run (self, remove_term_func, &args, error);
}

static gboolean
status_style_func (EvkProject   *project,
                   EvkStrategy  *strategy,
                   gpointer      user_data,
                   GError      **error)
{
  Args *args = user_data;
  EvkTerm *status = evk_strategy_find_term (strategy, EVK_VOCAB_STATUS, args->key);

  if (status == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID, _("there is no status “%s”"), args->key);
      return FALSE;
    }
  if (args->text != NULL && !evk_colour_is_valid (args->text))
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("“%s” is not a colour like #2e7d32"), args->text);
      return FALSE;
    }
  g_free (status->colour);
  status->colour = args->text != NULL ? g_ascii_strdown (args->text, -1) : NULL;
  status->completed = args->flag;
  return TRUE;
}

gboolean
evk_project_set_status_style (EvkProject  *self,
                              const char  *key,
                              const char  *colour,
                              gboolean     completed,
                              GError     **error)
{
  Args args = { .key = key, .text = colour, .flag = completed };

  return run (self, status_style_func, &args, error);
}

static gboolean
add_body_func (EvkProject   *project,
               EvkStrategy  *strategy,
               gpointer      user_data,
               GError      **error)
{
  Args *args = user_data;
  EvkBody *body = evk_strategy_insert_body (strategy, args->text, args->field, error);

  if (body == NULL)
    return FALSE;
  args->new_key = g_strdup (body->key);
  return TRUE;
}

char *
evk_project_add_body (EvkProject  *self,
                      const char  *name,
                      const char  *abbreviation,
                      GError     **error)
{
  Args args = { .text = name, .field = abbreviation };

  if (!run (self, add_body_func, &args, error))
    {
      g_free (args.new_key);
      return NULL;
    }
  return args.new_key;
}

static gboolean
body_kind_func (EvkProject   *project,
                EvkStrategy  *strategy,
                gpointer      user_data,
                GError      **error)
{
  Args *args = user_data;
  EvkBody *body = evk_strategy_find_body (strategy, args->key);

  if (body == NULL)
    {
      g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                   _("there is no responsible body “%s”"), args->key);
      return FALSE;
    }
  g_free (body->kind);
  body->kind = g_strdup (args->field);
  return TRUE;
}

gboolean
evk_project_set_body_kind (EvkProject  *self,
                           const char  *key,
                           const char  *kind,
                           GError     **error)
{
  Args args = { .key = key, .field = kind };

  return run (self, body_kind_func, &args, error);
}

gboolean
evk_project_move_body (EvkProject  *self,
                       const char  *key,
                       int          delta,
                       GError     **error)
{
  Args args = { .what = "body", .key = key, .delta = delta };

  return run (self, move_term_func, &args, error);
}

gboolean
evk_project_remove_body (EvkProject  *self,
                         const char  *key,
                         GError     **error)
{
  Args args = { .what = "body", .key = key };

  return run (self, remove_term_func, &args, error);
}

/* ---- Offers ----------------------------------------------------------- */

static gboolean
add_offer_func (EvkProject   *project,
                EvkStrategy  *strategy,
                gpointer      user_data,
                GError      **error)
{
  Args *args = user_data;
  EvkOffer *offer = evk_strategy_insert_offer (strategy, args->text, error);

  if (offer == NULL)
    return FALSE;
  args->new_key = g_strdup (offer->key);
  return TRUE;
}

char *
evk_project_add_offer (EvkProject  *self,
                       const char  *label,
                       GError     **error)
{
  Args args = { .text = label };

  if (!run (self, add_offer_func, &args, error))
    {
      g_free (args.new_key);
      return NULL;
    }
  return args.new_key;
}

static gboolean
remove_offer_func (EvkProject   *project,
                   EvkStrategy  *strategy,
                   gpointer      user_data,
                   GError      **error)
{
  Args *args = user_data;

  return evk_strategy_remove_offer (strategy, args->key, error);
}

gboolean
evk_project_remove_offer (EvkProject  *self,
                          const char  *key,
                          GError     **error)
{
  Args args = { .key = key };

  return run (self, remove_offer_func, &args, error);
}

static gboolean
offer_measures_func (EvkProject   *project,
                     EvkStrategy  *strategy,
                     gpointer      user_data,
                     GError      **error)
{
  Args *args = user_data;

  return evk_strategy_set_offer_measures (strategy, args->key, args->numbers, args->n_numbers, error);
}

gboolean
evk_project_set_offer_measures (EvkProject   *self,
                                const char   *key,
                                const guint  *numbers,
                                guint         n_numbers,
                                GError      **error)
{
  Args args = { .key = key, .numbers = numbers, .n_numbers = n_numbers };

  return run (self, offer_measures_func, &args, error);
}

/* A link is checked against the survey it will be drawn from, so that a
 * misspelt name or a personal variable is refused when it is made, not
 * when a chart is drawn. */
static gboolean
link_offer_func (EvkProject   *project,
                 EvkStrategy  *strategy,
                 gpointer      user_data,
                 GError      **error)
{
  Args *args = user_data;
  EvkStore *store = evk_project_get_store (project);

  if (args->text != NULL && args->text[0] != '\0')
    {
      sqlite3_stmt *stmt;
      gboolean has_row = FALSE;
      guint n_surveys;

      n_surveys = count (store, "SELECT count(*) + 0 * ?1 FROM survey", 0, NULL, error);
      if (n_surveys == G_MAXUINT)
        return FALSE;
      stmt = evk_store_prepare (store,
                                "SELECT v.personal, v.type FROM variable v WHERE v.name = ?1 "
                                "AND v.survey_id = (SELECT min (id) FROM survey)",
                                error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, args->text);
      if (!evk_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (has_row && (sqlite3_column_int (stmt, 0) != 0 ||
                      g_strcmp0 (evk_stmt_column_text (stmt, 1), "string") == 0))
        {
          sqlite3_reset (stmt);
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PRIVATE,
                       _("variable %s is personal or free text and cannot be charted"), args->text);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (!has_row && n_surveys > 0)
        {
          g_set_error (error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_INVALID,
                       _("the survey has no variable %s"), args->text);
          return FALSE;
        }
    }
  return evk_strategy_link_offer (strategy, args->key, args->field, args->text, error);
}

gboolean
evk_project_link_offer (EvkProject  *self,
                        const char  *key,
                        const char  *role,
                        const char  *variable,
                        GError     **error)
{
  Args args = { .key = key, .field = role, .text = variable };

  return run (self, link_offer_func, &args, error);
}
