/* evk-check.c: what to fix before a report is sent, with its place
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-charts.h"
#include "evk-check.h"
#include "evk-disclosure.h"
#include "evk-live-figure.h"
#include "evk-localized.h"
#include "evk-markdown.h"
#include "evk-narrative.h"
#include "evk-report-outline.h"
#include "evk-store-review.h"
#include "evk-store-texts.h"
#include "evk-table-spec.h"
#include "evk-translatable.h"
#include "evk-words.h"

/* How many lines of SQLite's integrity check a damaged file reports: the
 * first few say where, the rest only how much. */
#define INTEGRITY_LINES 10

typedef struct {
  EvkProject     *project;
  EvkStore       *store;
  EvkStrategy    *strategy;
  EvkOutline     *outline;
  GPtrArray      *charts;        /* EvkSavedChart */
  GStrv           langs;         /* the languages checked */
  const char     *source;
  EvkLiveFigures *figures;
  GHashTable     *problems;      /* place → GPtrArray of EvkProblem */
  GPtrArray      *seen;          /* places in the order problems came */
  GHashTable     *names;         /* "entity\x1fid" → what the row is called */
  /* While one narrative text is parsed. */
  const char     *text_place;
  const char     *text_name;
  const char     *text_lang;
  /* Cross-references: the keys the report can have, and every reference
   * written, checked once all texts (and their headings' keys) are read. */
  GHashTable     *xref_keys;
  GPtrArray      *xrefs;         /* Xref */
} Check;

typedef struct {
  char *place;
  char *name;
  char *lang;
  char *reference;
} Xref;

static void
xref_free (Xref *xref)
{
  g_free (xref->place);
  g_free (xref->name);
  g_free (xref->lang);
  g_free (xref->reference);
  g_free (xref);
}

void
evk_problem_free (EvkProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->place);
  g_free (problem->place_name);
  g_free (problem->lang);
  g_free (problem->message);
  g_free (problem);
}

const char *
evk_problem_kind_to_string (EvkProblemKind kind)
{
  static const char * const names[] = {
    "damaged", "translation-missing", "translation-outdated", "live-figure", "no-alt-text",
    "empty-section", "narrative", "small-cells", "cross-reference",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == EVK_N_PROBLEM_KINDS);
  g_return_val_if_fail (kind < EVK_N_PROBLEM_KINDS, NULL);
  return names[kind];
}

static void
add_problem (Check          *c,
             EvkProblemKind  kind,
             const char     *place,
             const char     *place_name,
             const char     *lang,
             char           *message)
{
  EvkProblem *problem = g_new0 (EvkProblem, 1);
  GPtrArray *list = g_hash_table_lookup (c->problems, place);

  problem->kind = kind;
  problem->place = g_strdup (place);
  problem->place_name = g_strdup (place_name);
  problem->lang = g_strdup (lang);
  problem->message = message;
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_problem_free);
      g_hash_table_insert (c->problems, g_strdup (place), list);
      g_ptr_array_add (c->seen, g_strdup (place));
    }
  g_ptr_array_add (list, problem);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static const char *
source_text (Check      *c,
             GHashTable *localized)
{
  return localized != NULL ? evk_localized_get (localized, c->source) : NULL;
}

/* Names of the rows texts belong to. */

static gboolean
load_names (Check       *c,
            const char  *entity,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = evk_store_prepare (c->store, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      if (!evk_store_step (c->store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;
      g_hash_table_insert (c->names,
                           g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, entity,
                                            (gint64) sqlite3_column_int64 (stmt, 0)),
                           g_strdup (evk_stmt_column_text (stmt, 1)));
    }
}

static const char *
row_name (Check      *c,
          const char *entity,
          gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, entity, id);

  return g_hash_table_lookup (c->names, key);
}

static EvkOutlinePart *
find_part (Check      *c,
           const char *key)
{
  return evk_outline_find_part (c->outline, key);
}

static char *
part_name (Check      *c,
           const char *part_key)
{
  EvkOutlinePart *part = find_part (c, part_key);
  const char *title = part != NULL ? source_text (c, part->title) : NULL;
  const char *word = part != NULL ? evk_outline_part_default_word (part) : NULL;

  /* A generated part's heading is the report's word for it. */
  if ((title == NULL || *title == '\0') && word != NULL)
    title = evk_word ("Report", word, c->source);
  return g_strdup (title != NULL && *title != '\0' ? title : part_key);
}

static char *
section_name (Check      *c,
              const char *part_key,
              const char *section_key)
{
  EvkOutlinePart *part = find_part (c, part_key);
  EvkOutlineSection *section = part != NULL ? evk_outline_find_section (part, section_key) : NULL;
  const char *title = section != NULL ? source_text (c, section->title) : NULL;
  g_autofree char *in = part_name (c, part_key);

  return g_strdup_printf ("%s · %s", in, title != NULL && *title != '\0' ? title : section_key);
}

static char *
measure_section_name (Check      *c,
                      guint       number,
                      const char *section_key)
{
  EvkTerm *term = evk_strategy_find_term (c->strategy, EVK_VOCAB_SECTION, section_key);
  const char *name = term != NULL ? source_text (c, term->name) : NULL;

  /* Translators: a place in the report, e.g. "Measure 20 · Results" */
  return g_strdup_printf (_("Measure %u · %s"), number, name != NULL ? name : section_key);
}

/* A text of the project ("chapter:PART:SEC", "outline:PART:title",
 * "report:figure:KEY:caption", "report:Title" …) and its place. */
static void
project_field_place (Check       *c,
                     const char  *field,
                     char       **place,
                     char       **name)
{
  g_auto(GStrv) parts = g_strsplit (field, ":", 0);
  guint n = g_strv_length (parts);

  if (n == 3 && g_str_equal (parts[0], "chapter") && g_str_has_prefix (parts[1], "goal-"))
    {
      *place = g_strdup_printf ("goal:%s", parts[1] + 5);
      /* Translators: a place in the report, e.g. "Goal 2 · introduction" */
      *name = g_strdup_printf (_("Goal %s · introduction"), parts[1] + 5);
    }
  else if (n == 3 && g_str_equal (parts[0], "chapter"))
    {
      *place = g_strdup_printf ("section:%s/%s", parts[1], parts[2]);
      *name = section_name (c, parts[1], parts[2]);
    }
  else if (n == 3 && g_str_equal (parts[0], "outline") && g_str_equal (parts[2], "title"))
    {
      g_autofree char *in = part_name (c, parts[1]);

      *place = g_strdup_printf ("part:%s", parts[1]);
      /* Translators: a place in the report: "Results · title" */
      *name = g_strdup_printf (_("%s · title"), in);
    }
  else if (n == 4 && g_str_equal (parts[0], "outline") && g_str_equal (parts[3], "title"))
    {
      g_autofree char *in = section_name (c, parts[1], parts[2]);

      *place = g_strdup_printf ("section:%s/%s", parts[1], parts[2]);
      *name = g_strdup_printf (_("%s · title"), in);
    }
  else if (n >= 4 && g_str_equal (parts[0], "report") && g_str_equal (parts[1], "figure"))
    {
      g_autofree char *rest = g_strjoinv (" ", parts + 3);

      *place = g_strdup_printf ("figure:%s", parts[2]);
      /* Translators: a place in the report: "Figure status · caption" */
      *name = g_strdup_printf (_("Figure %s · %s"), parts[2], rest);
    }
  else
    {
      *place = g_strdup ("project");
      /* Translators: a text of the project as a whole: "Project · report:Title" */
      *name = g_strdup_printf (_("Project · %s"), field);
    }
}

/* A chart as the evaluator knows it: by its caption in the source
 * language, its key when it has none. */
static const char *
chart_title (Check      *c,
             const char *key)
{
  for (guint i = 0; i < c->charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (c->charts, i);
      const char *caption;

      if (!g_str_equal (chart->key, key))
        continue;
      caption = chart->caption != NULL ? evk_localized_get (chart->caption, c->source) : NULL;
      return caption != NULL && caption[0] != '\0' ? caption : key;
    }
  return key;
}

/* Where a missing or outdated translation is, and what to call it. */
static void
gap_place (Check       *c,
           EvkTextGap  *gap,
           char       **place,
           char       **name)
{
  const char *row = row_name (c, gap->entity, gap->entity_id);
  static const struct {
    const char *entity;
    const char *what;
  } others[] = {
    /* Translators: kinds of rows whose texts a report prints, in
     * "Variable q17 · label" */
    { "term", N_("Term") },
    { "body", N_("Responsible body") },
    { "offer", N_("Offer") },
    { "respondent_group", N_("Respondent group") },
    { "survey", N_("Survey") },
    { "mrset", N_("Question set") },
    { "variable", N_("Variable") },
    { "value_label", N_("Value label") },
  };

  if (g_str_equal (gap->entity, EVK_NARRATIVE_ENTITY_PROJECT))
    {
      project_field_place (c, gap->field, place, name);
      return;
    }
  if (row == NULL)
    row = "?";
  if (g_str_equal (gap->entity, "goal"))
    {
      *place = g_strdup_printf ("goal:%s", row);
      /* Translators: a place in the report, e.g. "Goal 2 · title" */
      *name = g_strdup_printf (_("Goal %s · %s"), row, gap->field);
    }
  else if (g_str_equal (gap->entity, EVK_NARRATIVE_ENTITY_MEASURE) &&
           g_str_has_prefix (gap->field, "section:"))
    {
      *place = g_strdup_printf ("measure-section:%s/%s", row, gap->field + 8);
      *name = measure_section_name (c, (guint) g_ascii_strtoull (row, NULL, 10), gap->field + 8);
    }
  else if (g_str_equal (gap->entity, EVK_NARRATIVE_ENTITY_MEASURE))
    {
      *place = g_strdup_printf ("measure:%s", row);
      *name = g_strdup_printf (_("Measure %s · %s"), row, gap->field);
    }
  else if (g_str_equal (gap->entity, "chart"))
    {
      *place = g_strdup_printf ("chart:%s", row);
      /* Translators: a place in the report, e.g. "Chart m1-awareness · caption" */
      *name = g_strdup_printf (_("Chart %s · %s"), chart_title (c, row), gap->field);
    }
  else
    {
      *place = g_strdup ("project");
      *name = NULL;
      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        if (g_str_equal (gap->entity, others[i].entity))
          *name = g_strdup_printf ("%s %s · %s", _(others[i].what), row, gap->field);
      if (*name == NULL)
        *name = g_strdup_printf ("%s %s · %s", gap->entity, row, gap->field);
    }
}

static gboolean
check_translations (Check       *c,
                    const char  *lang,
                    GError     **error)
{
  g_autoptr(GPtrArray) gaps = NULL;
  static const struct {
    const char *entity;
    const char *sql;
  } names[] = {
    { "goal", "SELECT id, key FROM goal" },
    { "measure", "SELECT id, number FROM measure" },
    { "chart", "SELECT id, key FROM chart" },
    { "term", "SELECT id, vocab || ' ' || key FROM term" },
    { "body", "SELECT id, key FROM body" },
    { "offer", "SELECT id, key FROM offer" },
    { "respondent_group", "SELECT id, key FROM respondent_group" },
    { "survey", "SELECT id, name FROM survey" },
    { "mrset", "SELECT id, name FROM mrset" },
    { "variable", "SELECT id, name FROM variable" },
    { "value_label", "SELECT l.id, v.name || ' = ' || coalesce (l.str_value, printf ('%!.15g', l.num_value)) "
                     "FROM value_label AS l JOIN variable AS v ON v.id = l.variable_id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!load_names (c, names[i].entity, names[i].sql, error))
      return FALSE;

  gaps = evk_store_list_text_gaps (c->store, lang, error);
  if (gaps == NULL)
    return FALSE;
  for (guint i = 0; i < gaps->len; i++)
    {
      EvkTextGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *place = NULL, *name = NULL;

      /* The report's words are checked below, the words file with them. */
      if (g_str_equal (gap->entity, EVK_NARRATIVE_ENTITY_PROJECT) && g_str_has_prefix (gap->field, "word:"))
        continue;
      gap_place (c, gap, &place, &name);
      if (gap->state == EVK_TEXT_MISSING)
        add_problem (c, EVK_PROBLEM_TRANSLATION_MISSING, place, name, gap->lang,
                     g_strdup (_("translation missing")));
      else
        add_problem (c, EVK_PROBLEM_TRANSLATION_OUTDATED, place, name, gap->lang,
                     g_strdup (_("translation outdated (the source changed since)")));
    }

  /* A report language without the words file's words (one a project
   * added) needs each of them from the project. */
  for (guint l = 0; c->langs[l] != NULL; l++)
    {
      g_autoptr(GPtrArray) words = NULL;

      if (g_str_equal (c->langs[l], c->source))
        continue;
      words = evk_translatables_list_report_words (c->project, c->langs[l], NULL, error);
      if (words == NULL)
        return FALSE;
      for (guint i = 0; i < words->len; i++)
        {
          EvkTranslatable *word = g_ptr_array_index (words, i);

          if (word->state == EVK_TEXT_MISSING)
            add_problem (c, EVK_PROBLEM_TRANSLATION_MISSING, "project", word->place, c->langs[l],
                         g_strdup (_("translation missing")));
          else if (word->state == EVK_TEXT_OUTDATED)
            add_problem (c, EVK_PROBLEM_TRANSLATION_OUTDATED, "project", word->place, c->langs[l],
                         g_strdup (_("translation outdated (the source changed since)")));
        }
    }
  return TRUE;
}

/* Live figures: the report's own resolver, on every narrative text in
 * every language checked; a figure that does not resolve stops a final
 * report. */

static char *
resolve_figure (const char  *reference,
                gpointer     user_data,
                GError     **error)
{
  Check *c = user_data;
  g_autoptr(GError) local_error = NULL;
  char *value = evk_live_figures_resolve (c->figures, reference, c->text_lang, &local_error);

  if (value != NULL)
    return value;
  add_problem (c, EVK_PROBLEM_LIVE_FIGURE, c->text_place, c->text_name, c->text_lang,
               /* Translators: a live figure in the narrative that does not resolve */
               g_strdup_printf (_("live figure {{%s}} does not resolve: %s"), reference,
                                local_error->message));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
note_text_xrefs (Check       *c,
                 EvkRichText *text,
                 const char  *place,
                 const char  *name,
                 const char  *lang)
{
  for (guint s = 0; text != NULL && s < text->spans->len; s++)
    {
      EvkSpan *span = &g_array_index (text->spans, EvkSpan, s);
      Xref *xref;

      if (span->kind != EVK_SPAN_XREF)
        continue;
      xref = g_new0 (Xref, 1);
      xref->place = g_strdup (place);
      xref->name = g_strdup (name);
      xref->lang = g_strdup (lang);
      xref->reference = g_strdup (span->target);
      g_ptr_array_add (c->xrefs, xref);
    }
}

/* The references a text makes, and the keys its headings and captioned
 * tables give (chapter: "PART/SECTION" of a chapter section, else NULL). */
static void
note_xrefs (Check         *c,
            EvkMdDocument *md,
            const char    *chapter,
            const char    *place,
            const char    *name,
            const char    *lang)
{
  guint n_headings = 0;

  for (guint i = 0; i < md->blocks->len; i++)
    {
      EvkMdBlock *block = g_ptr_array_index (md->blocks, i);

      note_text_xrefs (c, block->text, place, name, lang);
      note_text_xrefs (c, block->caption, place, name, lang);
      if (block->kind == EVK_MD_HEADING)
        {
          n_headings++;
          g_hash_table_add (c->xref_keys, block->key != NULL
                              ? g_strdup_printf ("sec:%s", g_str_has_prefix (block->key, "sec:") ? block->key + 4 : block->key)
                              : g_strdup_printf ("sec:%s/%u", chapter, n_headings));
        }
      if (block->kind == EVK_MD_TABLE && block->key != NULL)
        g_hash_table_add (c->xref_keys, g_strdup_printf ("tab:%s", g_str_has_prefix (block->key, "tab:") ? block->key + 4
                                                                                                       : block->key));
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (block->rows, r);

          for (guint k = 0; k < row->len; k++)
            note_text_xrefs (c, g_ptr_array_index (row, k), place, name, lang);
        }
    }
  for (guint f = 0; f < md->footnotes->len; f++)
    {
      EvkMdFootnote *note = g_ptr_array_index (md->footnotes, f);

      for (guint i = 0; i < note->blocks->len; i++)
        note_text_xrefs (c, ((EvkMdBlock *) g_ptr_array_index (note->blocks, i))->text, place, name, lang);
    }
}

/* The keys of what the report prints from the outline, the strategy and
 * the charts (see data/narrative-format.md, "Cross-references"). */
static void
add_report_keys (Check *c)
{
  static const char * const tables[] = {
    "tab:data-sources", "tab:measures-overview", "tab:measures-by-type", "tab:measures-by-target",
    "tab:status-table", "tab:documents", "tab:abbreviations",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_hash_table_add (c->xref_keys, g_strdup (tables[i]));
  for (guint p = 0; p < c->outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (c->outline->parts, p);

      g_hash_table_add (c->xref_keys, g_strdup_printf ("chap:%s", part->key));
      for (guint s = 0; s < part->sections->len; s++)
        g_hash_table_add (c->xref_keys, g_strdup_printf ("sec:%s/%s", part->key,
                                                         ((EvkOutlineSection *) g_ptr_array_index (part->sections, s))->key));
    }
  for (guint f = 0; f < c->outline->figures->len; f++)
    g_hash_table_add (c->xref_keys, g_strdup_printf ("fig:%s",
                                                     ((EvkOutlineFigure *) g_ptr_array_index (c->outline->figures, f))->key));
  for (guint i = 0; i < c->charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (c->charts, i);

      if (chart->in_report)
        g_hash_table_add (c->xref_keys, g_strdup_printf ("fig:%s", chart->key));
    }
  for (guint g = 0; g < c->strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (c->strategy->goals, g);

      g_hash_table_add (c->xref_keys, g_strdup_printf ("chap:goal-%s", goal->key));
      g_hash_table_add (c->xref_keys, g_strdup_printf ("tab:goal-%s", goal->key));
    }
  for (guint m = 0; m < c->strategy->measures->len; m++)
    g_hash_table_add (c->xref_keys, g_strdup_printf ("sec:measure-%u",
                                                     ((EvkMeasure *) g_ptr_array_index (c->strategy->measures, m))->number));
}

/* A reference to a key the report has not stops a final report. */
static void
check_xrefs (Check *c)
{
  add_report_keys (c);
  for (guint i = 0; i < c->xrefs->len; i++)
    {
      Xref *xref = g_ptr_array_index (c->xrefs, i);
      EvkXref parsed;
      const char *colon;
      g_autofree char *kind = NULL, *key = NULL;

      if (!evk_xref_parse (xref->reference, &parsed))
        continue;
      colon = strchr (parsed.key, ':');
      kind = g_ascii_strdown (parsed.key, colon - parsed.key);
      key = g_strconcat (kind, colon, NULL);
      if (g_hash_table_contains (c->xref_keys, key) || g_str_has_prefix (key, "tab:representativity-"))
        continue;
      add_problem (c, EVK_PROBLEM_CROSS_REFERENCE, xref->place, xref->name, xref->lang,
                   /* Translators: a cross-reference in the narrative, e.g. [@fig:status] */
                   g_strdup_printf (_("cross-reference [@%s]: the report has no figure, table, chapter or section with this key"),
                                    xref->reference));
    }
}

static void
check_narrative (Check      *c,
                 const char *place,
                 const char *name,
                 const char *chapter,
                 GHashTable *localized)
{
  for (guint l = 0; c->langs[l] != NULL; l++)
    {
      const char *text = evk_localized_get (localized, c->langs[l]);
      g_autoptr(EvkMdDocument) md = NULL;
      g_autoptr(GError) local_error = NULL;
      EvkMdOptions options = { 0 };

      if (is_blank (text))
        continue;
      c->text_place = place;
      c->text_name = name;
      c->text_lang = c->langs[l];
      options.resolve = resolve_figure;
      options.user_data = c;
      options.draft = TRUE;
      options.headings = chapter != NULL;
      md = evk_markdown_parse (text, &options, &local_error);
      if (md == NULL)
        {
          add_problem (c, g_error_matches (local_error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_REFERENCE)
                            ? EVK_PROBLEM_LIVE_FIGURE : EVK_PROBLEM_NARRATIVE,
                       place, name, c->langs[l], g_strdup (local_error->message));
          continue;
        }
      note_xrefs (c, md, chapter, place, name, c->langs[l]);
    }
}

static gboolean
figure_placed_at (Check      *c,
                  const char *part,
                  const char *section)
{
  g_autofree char *at = g_strdup_printf ("%s:%s", part, section);

  for (guint f = 0; f < c->outline->figures->len; f++)
    if (g_strcmp0 (((EvkOutlineFigure *) g_ptr_array_index (c->outline->figures, f))->place, at) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_texts (Check   *c,
             GError **error)
{
  g_autoptr(EvkTextIndex) project_texts = NULL;
  g_autoptr(EvkTextIndex) measure_texts = NULL;
  g_autoptr(GHashTable) measure_ids = NULL;
  GPtrArray *sections = c->strategy->vocabs[EVK_VOCAB_SECTION];

  project_texts = evk_text_index_load (c->store, EVK_NARRATIVE_ENTITY_PROJECT, error);
  if (project_texts == NULL)
    return FALSE;
  measure_texts = evk_text_index_load (c->store, EVK_NARRATIVE_ENTITY_MEASURE, error);
  if (measure_texts == NULL)
    return FALSE;
  measure_ids = evk_strategy_measure_ids (c->store, error);
  if (measure_ids == NULL)
    return FALSE;

  for (guint p = 0; p < c->outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (c->outline->parts, p);

      if (part->kind != EVK_PART_CHAPTER && part->kind != EVK_PART_REFERENCES)
        continue;
      for (guint s = 0; s < part->sections->len; s++)
        {
          EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
          g_autofree char *field = evk_narrative_chapter_field (part->key, section->key);
          g_autofree char *place = g_strdup_printf ("section:%s/%s", part->key, section->key);
          g_autofree char *name = section_name (c, part->key, section->key);
          g_autoptr(GHashTable) text = evk_text_index_get (project_texts, 0, field);
          g_autofree char *chapter = g_strdup_printf ("%s/%s", part->key, section->key);

          /* A section with nothing to print leaves a gap in the report;
           * one with text only in another language is a missing
           * translation, said above. */
          if (is_blank (source_text (c, text)) && section->include[0] == NULL &&
              !figure_placed_at (c, part->key, section->key))
            add_problem (c, EVK_PROBLEM_EMPTY_SECTION, place, name, NULL,
                         g_strdup (_("empty section: no text, table or figure")));
          check_narrative (c, place, name, part->kind == EVK_PART_CHAPTER ? chapter : NULL, text);
        }
    }

  for (guint g = 0; g < c->strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (c->strategy->goals, g);
      g_autofree char *field = g_strdup_printf ("chapter:goal-%s:intro", goal->key);
      g_autofree char *place = g_strdup_printf ("goal:%s", goal->key);
      g_autofree char *name = g_strdup_printf (_("Goal %s · introduction"), goal->key);
      g_autoptr(GHashTable) text = evk_text_index_get (project_texts, 0, field);

      check_narrative (c, place, name, NULL, text);
    }

  for (guint m = 0; m < c->strategy->measures->len; m++)
    {
      EvkMeasure *measure = g_ptr_array_index (c->strategy->measures, m);
      gint64 id = GPOINTER_TO_SIZE (g_hash_table_lookup (measure_ids, GUINT_TO_POINTER (measure->number)));

      for (guint s = 0; s < sections->len; s++)
        {
          EvkTerm *section = g_ptr_array_index (sections, s);
          g_autofree char *field = g_strdup_printf ("section:%s", section->key);
          g_autofree char *place = g_strdup_printf ("measure-section:%u/%s", measure->number, section->key);
          g_autofree char *name = measure_section_name (c, measure->number, section->key);
          g_autoptr(GHashTable) text = evk_text_index_get (measure_texts, id, field);
          const char *source = source_text (c, text);

          /* A measure without a section's text leaves the section out of
           * the report by design; a stored blank one is an empty section. */
          if (source != NULL && is_blank (source))
            add_problem (c, EVK_PROBLEM_EMPTY_SECTION, place, name, NULL,
                         g_strdup (_("empty section: no text, table or figure")));
          check_narrative (c, place, name, NULL, text);
        }
    }
  check_xrefs (c);
  return TRUE;
}

/* The report prints a chart's alt text into the PDF for screen readers;
 * a figure of the outline has its caption there. A translation missing
 * is said once, as a translation. */
static void
check_alt_texts (Check *c)
{
  for (guint i = 0; i < c->charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (c->charts, i);
      g_autofree char *place = g_strdup_printf ("chart:%s", chart->key);
      g_autofree char *name = g_strdup_printf (_("Chart %s"), chart_title (c, chart->key));
      gboolean has_source = !is_blank (source_text (c, chart->alt_text));

      if (!chart->in_report)
        continue;
      for (guint l = 0; c->langs[l] != NULL; l++)
        {
          const char *alt = chart->alt_text != NULL ? evk_localized_get (chart->alt_text, c->langs[l]) : NULL;

          if (!is_blank (alt) || (has_source && !g_str_equal (c->langs[l], c->source)))
            continue;
          add_problem (c, EVK_PROBLEM_NO_ALT_TEXT, place, name, c->langs[l],
                       g_strdup (_("no alt text for screen readers")));
        }
    }

  for (guint f = 0; f < c->outline->figures->len; f++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (c->outline->figures, f);
      g_autofree char *place = g_strdup_printf ("figure:%s", figure->key);
      g_autofree char *name = g_strdup_printf (_("Figure %s"), figure->key);

      if (!is_blank (source_text (c, figure->caption)))
        continue;
      for (guint l = 0; c->langs[l] != NULL; l++)
        add_problem (c, EVK_PROBLEM_NO_ALT_TEXT, place, name, c->langs[l],
                     g_strdup (_("no caption, which is its alt text")));
    }
}

/* The survey's tables of a chart or figure; the status summary and the
 * document review count measures and documents, not respondents. */
static gboolean
counts_respondents (const char *spec)
{
  return spec[0] != '@' && !g_str_has_prefix (spec, "status-summary") && !g_str_has_prefix (spec, "review-");
}

static guint
count_flagged (EvkTable *table)
{
  gsize n_cells = (gsize) table->rows->len * table->columns->len;
  guint n = 0;

  for (gsize k = 0; k < n_cells; k++)
    n += !table->cells[k].suppressed && evk_table_is_small (table, &table->cells[k]);
  return n;
}

static void
add_small_cells (Check      *c,
                 const char *place,
                 const char *name,
                 guint       n_cells,
                 guint       threshold)
{
  if (n_cells == 0)
    return;
  add_problem (c, EVK_PROBLEM_SMALL_CELLS, place, name, NULL,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u cell with fewer than %u respondents is shown with its number "
                                             "(the project flags small cells; it can suppress them)",
                                             "%u cells with fewer than %u respondents are shown with their numbers "
                                             "(the project flags small cells; it can suppress them)",
                                             n_cells),
                                n_cells, threshold));
}

/* In flag mode a small cell keeps its number in every chart, export and
 * the report: each chart and figure that shows one is a place to look at
 * before the report is sent. A table that cannot be computed is left to
 * the window and the report, which say why. */
static gboolean
check_small_cells (Check   *c,
                   GError **error)
{
  g_autoptr(EvkTableSource) source = NULL;
  EvkDisclosureMode mode;
  guint threshold;

  if (!evk_project_get_disclosure (c->project, &mode, error) ||
      !evk_project_get_small_cell (c->project, &threshold, error))
    return FALSE;
  /* A review copy's tables are suppressed already. */
  if (mode != EVK_DISCLOSURE_FLAG || evk_store_is_review_copy (c->store, NULL))
    return TRUE;
  source = evk_table_source_new (c->project);

  for (guint i = 0; i < c->charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (c->charts, i);
      g_autoptr(EvkTable) table = NULL;

      if (counts_respondents (chart->spec) &&
          (table = evk_project_compute_chart_from (c->project, source, chart, NULL)) != NULL)
        {
          g_autofree char *place = g_strdup_printf ("chart:%s", chart->key);
          g_autofree char *name = g_strdup_printf (_("Chart %s"), chart_title (c, chart->key));

          add_small_cells (c, place, name, count_flagged (table), table->small_cell);
        }
    }
  for (guint f = 0; f < c->outline->figures->len; f++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (c->outline->figures, f);
      g_autofree char *place = g_strdup_printf ("figure:%s", figure->key);
      g_autofree char *name = g_strdup_printf (_("Figure %s"), figure->key);
      guint n_flagged = 0;

      for (guint t = 0; figure->tables != NULL && figure->tables[t] != NULL; t++)
        {
          g_autoptr(EvkTable) table = NULL;

          if (counts_respondents (figure->tables[t]) &&
              (table = evk_table_source_compute (source, figure->tables[t], NULL)) != NULL)
            n_flagged += count_flagged (table);
        }
      add_small_cells (c, place, name, n_flagged, threshold);
    }
  return TRUE;
}

/* The report's order of places: the project, then each part with its
 * sections and the figures placed in them; in the goals' part each goal
 * with its charts, and each of its measures with its sections and charts.
 * What no part holds (the strategy's charts) follows. */
static GPtrArray *
report_places (Check *c)
{
  GPtrArray *places = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *sections = c->strategy->vocabs[EVK_VOCAB_SECTION];

  g_ptr_array_add (places, g_strdup ("project"));
  for (guint p = 0; p < c->outline->parts->len; p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (c->outline->parts, p);

      g_ptr_array_add (places, g_strdup_printf ("part:%s", part->key));
      for (guint s = 0; s < part->sections->len; s++)
        {
          EvkOutlineSection *section = g_ptr_array_index (part->sections, s);
          g_autofree char *at = g_strdup_printf ("%s:%s", part->key, section->key);

          g_ptr_array_add (places, g_strdup_printf ("section:%s/%s", part->key, section->key));
          for (guint f = 0; f < c->outline->figures->len; f++)
            {
              EvkOutlineFigure *figure = g_ptr_array_index (c->outline->figures, f);

              if (g_strcmp0 (figure->place, at) == 0)
                g_ptr_array_add (places, g_strdup_printf ("figure:%s", figure->key));
            }
        }
      if (part->kind != EVK_PART_GOALS)
        continue;
      for (guint g = 0; g < c->strategy->goals->len; g++)
        {
          EvkGoal *goal = g_ptr_array_index (c->strategy->goals, g);

          g_ptr_array_add (places, g_strdup_printf ("goal:%s", goal->key));
          for (guint i = 0; i < c->charts->len; i++)
            {
              EvkSavedChart *chart = g_ptr_array_index (c->charts, i);

              if (g_strcmp0 (chart->goal, goal->key) == 0)
                g_ptr_array_add (places, g_strdup_printf ("chart:%s", chart->key));
            }
          for (guint m = 0; m < c->strategy->measures->len; m++)
            {
              EvkMeasure *measure = g_ptr_array_index (c->strategy->measures, m);

              if (g_strcmp0 (measure->goal, goal->key) != 0)
                continue;
              g_ptr_array_add (places, g_strdup_printf ("measure:%u", measure->number));
              for (guint s = 0; s < sections->len; s++)
                g_ptr_array_add (places, g_strdup_printf ("measure-section:%u/%s", measure->number,
                                                          ((EvkTerm *) g_ptr_array_index (sections, s))->key));
              for (guint i = 0; i < c->charts->len; i++)
                {
                  EvkSavedChart *chart = g_ptr_array_index (c->charts, i);

                  if (chart->measure == measure->number && chart->goal == NULL)
                    g_ptr_array_add (places, g_strdup_printf ("chart:%s", chart->key));
                }
            }
        }
    }
  for (guint i = 0; i < c->charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (c->charts, i);

      if (chart->measure == 0 && chart->goal == NULL)
        g_ptr_array_add (places, g_strdup_printf ("chart:%s", chart->key));
    }
  return places;
}

static GPtrArray *
in_report_order (Check *c)
{
  g_autoptr(GPtrArray) places = report_places (c);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_problem_free);

  /* A place the walk does not know (a text of a part since removed) keeps
   * the order its problems came in, after the rest. */
  for (guint i = 0; i < c->seen->len; i++)
    g_ptr_array_add (places, g_strdup (g_ptr_array_index (c->seen, i)));
  for (guint i = 0; i < places->len; i++)
    {
      GPtrArray *list = NULL;
      g_autofree char *key = NULL;

      if (!g_hash_table_steal_extended (c->problems, g_ptr_array_index (places, i), (gpointer *) &key,
                                        (gpointer *) &list))
        continue;
      for (guint k = 0; k < list->len; k++)
        g_ptr_array_add (problems, g_steal_pointer (&list->pdata[k]));
      g_ptr_array_set_free_func (list, NULL);
      g_ptr_array_unref (list);
    }
  return problems;
}

static void
check_clear (Check *c)
{
  g_clear_pointer (&c->strategy, evk_strategy_free);
  g_clear_pointer (&c->outline, evk_outline_free);
  g_clear_pointer (&c->charts, g_ptr_array_unref);
  g_clear_pointer (&c->langs, g_strfreev);
  g_clear_pointer (&c->figures, evk_live_figures_free);
  g_clear_pointer (&c->problems, g_hash_table_unref);
  g_clear_pointer (&c->seen, g_ptr_array_unref);
  g_clear_pointer (&c->names, g_hash_table_unref);
  g_clear_pointer (&c->xref_keys, g_hash_table_unref);
  g_clear_pointer (&c->xrefs, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

GPtrArray *
evk_check_project (EvkProject  *project,
                   const char  *lang,
                   GError     **error)
{
  g_auto(Check) c = { 0 };
  g_auto(GStrv) languages = NULL;

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  c.project = project;
  c.store = evk_project_get_store (project);
  c.problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  c.seen = g_ptr_array_new_with_free_func (g_free);
  c.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.xref_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.xrefs = g_ptr_array_new_with_free_func ((GDestroyNotify) xref_free);

  if ((c.strategy = evk_project_load_strategy (project, error)) == NULL ||
      (c.outline = evk_report_outline_load (project, error)) == NULL ||
      (c.charts = evk_project_list_charts (project, error)) == NULL)
    return NULL;
  languages = g_strdupv (c.strategy->languages);
  c.source = evk_strategy_source_language (c.strategy);
  if (c.source == NULL)
    {
      g_set_error_literal (error, EVK_STORE_ERROR, EVK_STORE_ERROR_FAILED,
                           _("the project has no source language"));
      return NULL;
    }
  if (lang != NULL && !g_strv_contains ((const char * const *) languages, lang))
    {
      g_set_error (error, EVK_STORE_ERROR, EVK_STORE_ERROR_NOT_FOUND,
                   _("the project has no texts in “%s”"), lang);
      return NULL;
    }
  if (lang != NULL)
    {
      c.langs = g_new0 (char *, 2);
      c.langs[0] = g_strdup (lang);
    }
  else
    c.langs = g_steal_pointer (&languages);
  c.figures = evk_live_figures_new (project);

  /* The source language has no translation to miss. */
  if ((lang == NULL || !g_str_equal (lang, c.source)) &&
      !check_translations (&c, lang, error))
    return NULL;
  if (!check_texts (&c, error))
    return NULL;
  check_alt_texts (&c);
  if (!check_small_cells (&c, error))
    return NULL;
  return in_report_order (&c);
}

GPtrArray *
evk_check_file (const char  *path,
                const char  *lang,
                GError     **error)
{
  g_autoptr(EvkProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) damage = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_problem_free);
  g_auto(GStrv) found = NULL;

  project = evk_project_open_read_only (path, &local_error);
  if (project != NULL)
    found = evk_store_check_integrity (evk_project_get_store (project), INTEGRITY_LINES, &local_error);
  if (found == NULL && !g_error_matches (local_error, EVK_STORE_ERROR, EVK_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Nothing else in a damaged file can be trusted: the damage is the one
   * problem, with what SQLite says about it. */
  if (found == NULL || found[0] != NULL)
    {
      EvkProblem *problem = g_new0 (EvkProblem, 1);

      problem->kind = EVK_PROBLEM_DAMAGED;
      problem->place = g_strdup ("project");
      problem->place_name = g_strdup (_("Project file"));
      if (found == NULL)
        problem->message = g_strdup (local_error->message);
      else
        {
          g_autofree char *lines = g_strjoinv ("; ", found);

          problem->message = g_strdup_printf (_("the project file is damaged (SQLite integrity check: %s)"),
                                              lines);
        }
      g_ptr_array_add (damage, problem);
      return g_steal_pointer (&damage);
    }
  return evk_check_project (project, lang, error);
}
