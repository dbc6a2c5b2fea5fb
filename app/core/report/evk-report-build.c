/* evk-report-build.c: the report's structure, generated from the project in one language
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-charts.h"
#include "evk-documents-stats.h"
#include "evk-format.h"
#include "evk-hyphenate.h"
#include "evk-localized.h"
#include "evk-narrative.h"
#include "evk-report-outline.h"
#include "evk-report-private.h"
#include "evk-report-settings.h"
#include "evk-store-texts.h"
#include "evk-survey.h"
#include "evk-words.h"

typedef struct {
  EvkProject      *project;
  EvkStore        *store;
  const char      *lang;
  const char      *source_lang;
  EvkReportOptions *options;
  EvkLiveFigures  *figures;
  EvkHyphenator   *hyphenator;
  GHashTable      *hyphen_words; /* word → its hyphenator, or NULL: never divided */
  EvkStrategy     *strategy;
  EvkTextIndex    *project_texts;
  EvkTextIndex    *measure_texts;
  GHashTable      *measure_ids;  /* number → row id */
  EvkOutline      *outline;
  GHashTable      *mentioned;    /* bodies already spelled out in a measure section */
  GPtrArray       *owned_tables;
  GPtrArray       *charts;       /* EvkSavedChart, all of the project's */
  gboolean         any_measure_chart; /* else the measures' charts are the defaults */
  gboolean         any_goal_chart;    /* else the goal chapters have none */
  EvkReportDoc    *doc;
  gboolean         has_survey;

  guint            chapter;     /* 0 outside numbered chapters */
  guint            section;
  guint            figure;
  guint            table;
  guint            subsection;
  /* The narrative chapter section being built, for its own ## headings. */
  const char      *md_part;
  const char      *md_section;
  gboolean         md_section_heading;
  guint            md_headings;
  GArray          *xref_uses;   /* XrefUse: texts with cross-references */
  guint            next_footnote;
  /* The review places open at each heading level (1 chapter, 2 section,
   * 3 subsection): a table or an unplaced figure belongs to the innermost. */
  char            *places[4];
  const char      *context_file;    /* for errors: the narrative file and section */
  const char      *context_section;
  GError          *error;       /* the first error; the build stops at the next check */
} Builder;

/* A text with cross-references and where it was written, for errors. */
typedef struct {
  EvkRichText *text;            /* borrowed from a block or footnote */
  char        *file;
  char        *section;
} XrefUse;

static void
xref_use_clear (XrefUse *use)
{
  g_free (use->file);
  g_free (use->section);
}

static void
block_free (EvkBlock *block)
{
  if (block->cache_free != NULL && block->cache != NULL)
    block->cache_free (block->cache);
  g_free (block->number);
  g_free (block->title);
  g_free (block->anchor);
  g_free (block->key);
  g_clear_pointer (&block->text, evk_rich_text_free);
  g_free (block->marker);
  g_free (block->label);
  g_clear_pointer (&block->caption, evk_rich_text_free);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->widths);
  g_free (block->align);
  g_clear_pointer (&block->row_links, g_ptr_array_unref);
  g_clear_pointer (&block->note, evk_rich_text_free);
  for (guint i = 0; i < G_N_ELEMENTS (block->group_names); i++)
    g_free (block->group_names[i]);
  g_free (block->alt);
  g_free (block->place);
  g_free (block->place_name);
  if (block->title_page != NULL)
    {
      EvkTitlePage *t = block->title_page;

      g_free (t->kicker);
      g_free (t->title);
      g_free (t->subtitle);
      g_free (t->client);
      g_free (t->strategy);
      g_free (t->authors);
      g_free (t->number);
      g_free (t->issn);
      g_free (t->place_date);
      g_free (t->draft);
      g_free (t);
    }
  g_free (block);
}

static void
footnote_free (EvkFootnote *footnote)
{
  g_ptr_array_unref (footnote->texts);
  g_free (footnote);
}

void
evk_report_doc_free (EvkReportDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->lang);
  g_ptr_array_unref (doc->blocks);
  g_hash_table_unref (doc->footnotes);
  g_free (doc->running_title);
  g_free (doc->draft_word);
  g_free (doc->toc_title);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->subject);
  g_free (doc->keywords);
  g_free (doc->date);
  g_clear_pointer (&doc->owned_tables, g_ptr_array_unref);
  g_free (doc);
}

static gboolean
failed (Builder *b)
{
  if (b->error == NULL && g_cancellable_is_cancelled (b->options->cancellable))
    g_set_error_literal (&b->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_CANCELLED,
                         _("The report was cancelled"));
  return b->error != NULL;
}

/* In a draft, what is missing is printed where it would stand, between
 * brackets no text uses, with the language it is missing in. */
static const char *
draft_gap (Builder    *b,
           const char *what)
{
  g_autofree char *gap = g_strdup_printf ("⟦%s: %s⟧", b->lang, what);

  b->doc->n_missing++;
  return g_intern_string (gap);
}

/* A word of the report in its language. There is no fallback to another
 * language: an English report must not print Norwegian. */
static const char *
word (Builder    *b,
      const char *key)
{
  const char *value = evk_word ("Report", key, b->lang);

  if (value != NULL)
    return value;
  if (b->options->draft)
    return draft_gap (b, key);
  if (b->error == NULL)
    g_set_error (&b->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT,
                 _("report-strings.ini: the report has no word “%s” in “%s”"), key, b->lang);
  return "";
}

/* A word with {name} replaced by value. */
static char *
word_with (Builder    *b,
           const char *key,
           const char *name,
           const char *value)
{
  GString *s = g_string_new (word (b, key));
  g_autofree char *placeholder = g_strdup_printf ("{%s}", name);

  g_string_replace (s, placeholder, value, 0);
  return g_string_free (s, FALSE);
}

/* A text of the model in the report's language. A text that exists in the
 * source language but not in this one is a missing translation; one that
 * exists in no language is absent (NULL) and the report leaves it out. */
static const char *
localized_text (Builder    *b,
                GHashTable *localized,
                const char *what)
{
  const char *value = localized != NULL ? evk_localized_get (localized, b->lang) : NULL;

  if (value != NULL && *value != '\0')
    return value;
  if (localized == NULL || g_hash_table_size (localized) == 0)
    return NULL;
  if (b->options->draft)
    return draft_gap (b, what);
  if (b->error == NULL)
    g_set_error (&b->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT,
                 _("%s has no translation in “%s”"), what, b->lang);
  return NULL;
}

/* The same for a required text: absent in every language is missing too. */
static const char *
required_text (Builder    *b,
               GHashTable *localized,
               const char *what)
{
  const char *value = localized_text (b, localized, what);

  if (value != NULL || failed (b))
    return value;
  if (b->options->draft)
    return draft_gap (b, what);
  g_set_error (&b->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_MISSING_TEXT,
               _("%s has no text in “%s”"), what, b->lang);
  return NULL;
}

static EvkBlock *
add_block (Builder      *b,
           EvkBlockKind  kind)
{
  EvkBlock *block = g_new0 (EvkBlock, 1);

  block->kind = kind;
  g_ptr_array_add (b->doc->blocks, block);
  return block;
}

/* Review places (see EvkBlock). */

static void
close_places (Builder *b,
              guint    level)
{
  for (guint i = level; i < G_N_ELEMENTS (b->places); i++)
    g_clear_pointer (&b->places[i], g_free);
}

/* block opens place (owned) at level. */
static void
open_place (Builder  *b,
            EvkBlock *block,
            guint     level,
            char     *place)
{
  close_places (b, level);
  b->places[level] = g_strdup (place);
  g_free (block->place);
  block->place = place;
  block->place_level = level;
}

static const char *
current_place (Builder *b)
{
  for (guint i = G_N_ELEMENTS (b->places) - 1; i > 0; i--)
    if (b->places[i] != NULL)
      return b->places[i];
  return NULL;
}

/* The heading of the chapter that block index is in. */
static const char *
chapter_name (Builder *b,
              guint    index)
{
  for (guint i = MIN (index, b->doc->blocks->len); i > 0; i--)
    {
      EvkBlock *block = g_ptr_array_index (b->doc->blocks, i - 1);

      if (block->kind == EVK_BLOCK_HEADING && block->level <= 1)
        return block->title;
    }
  return NULL;
}

/* A figure or table: its own place, or the one it sits in. */
static void
place_leaf (Builder    *b,
            EvkBlock   *block,
            const char *place)
{
  g_free (block->place);
  block->place = g_strdup (place != NULL ? place : current_place (b));
  block->place_level = 0;
}

static EvkRichText *
plain (Builder    *b,
       const char *text)
{
  return evk_rich_text_new_hyphenated (text, b->hyphenator, b->hyphen_words);
}

static EvkBlock *
add_paragraph_text (Builder      *b,
                    EvkRichText  *text,
                    EvkParaStyle  style)
{
  EvkBlock *block = add_block (b, EVK_BLOCK_PARAGRAPH);

  block->text = text;
  block->style = style;
  return block;
}

static EvkBlock *
add_paragraph (Builder      *b,
               const char   *text,
               EvkParaStyle  style)
{
  return add_paragraph_text (b, plain (b, text), style);
}

/* "Status: Completed." with the label in bold. */
static void
add_fact (Builder    *b,
          const char *label,
          const char *value)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", label, value);
  EvkRichText *text = evk_rich_text_new_plain (line, NULL);
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = strlen (label) + 1;
  pango_attr_list_insert (text->attrs, bold);
  /* The facts stay with the heading above and the text below. */
  add_paragraph_text (b, text, EVK_PARA_FACT)->keep_with_next = TRUE;
}

static EvkBlock *
last_block (Builder *b)
{
  return g_ptr_array_index (b->doc->blocks, b->doc->blocks->len - 1);
}

static EvkBlock *
add_heading (Builder    *b,
             guint       level,
             const char *number,
             const char *title,
             const char *anchor)
{
  EvkBlock *block = add_block (b, EVK_BLOCK_HEADING);

  block->level = level;
  block->number = g_strdup (number);
  block->title = g_strdup (title);
  block->anchor = g_strdup (anchor);
  block->in_toc = level <= 2;
  block->in_outline = level <= 2;
  close_places (b, CLAMP (level, 1, 3));
  return block;
}

static void
open_chapter (Builder    *b,
              const char *title,
              const char *anchor)
{
  g_autofree char *number = g_strdup_printf ("%u", ++b->chapter);
  g_autofree char *default_anchor = g_strdup_printf ("chapter-%u", b->chapter);

  b->section = 0;
  b->figure = 0;
  b->table = 0;
  add_heading (b, 1, number, title, anchor != NULL ? anchor : default_anchor);
}

static void
open_unnumbered (Builder    *b,
                 const char *title,
                 const char *anchor)
{
  b->chapter = 0;
  b->section = 0;
  add_heading (b, 1, NULL, title, anchor);
}

static void
open_section (Builder    *b,
              const char *title,
              const char *anchor)
{
  g_autofree char *number = g_strdup_printf ("%u.%u", b->chapter, ++b->section);
  g_autofree char *default_anchor = g_strdup_printf ("section-%u-%u", b->chapter, b->section);

  add_heading (b, 2, b->chapter > 0 ? number : NULL, title,
               anchor != NULL ? anchor : default_anchor);
}

/* Live figures and footnotes while parsing a section. */
static char *
resolve_reference (const char  *reference,
                   gpointer     user_data,
                   GError     **error)
{
  Builder *b = user_data;

  return evk_live_figures_resolve (b->figures, reference, b->lang, error);
}

static guint
next_footnote (const char *label,
               gpointer    user_data)
{
  Builder *b = user_data;

  return ++b->next_footnote;
}

static EvkParaStyle
md_style (EvkMdBlock *md)
{
  if (md->kind == EVK_MD_CODE)
    return EVK_PARA_CODE;
  if (md->quote > 0)
    return EVK_PARA_QUOTE;
  if (md->kind == EVK_MD_LIST_ITEM || md->depth > 0)
    return EVK_PARA_LIST;
  return EVK_PARA_BODY;
}

static EvkRichText *
steal_text (EvkRichText **text)
{
  return g_steal_pointer (text);
}

static char *number_label (Builder *b, const char *word_key, guint n);

static void
add_md_table (Builder    *b,
              EvkMdBlock *md)
{
  EvkBlock *block = add_block (b, EVK_BLOCK_TABLE);

  block->rows = g_steal_pointer (&md->rows);
  block->n_header_rows = md->n_header_rows;
  block->n_columns = md->n_columns;
  block->align = g_steal_pointer (&md->align);
  /* A table with a caption is numbered like the generated ones. */
  if (md->caption != NULL)
    {
      g_autofree char *label = number_label (b, "Table", ++b->table);
      g_autofree char *prefix = g_strdup_printf ("%s ", label);
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      block->caption = g_steal_pointer (&md->caption);
      evk_rich_text_replace (block->caption, 0, 0, prefix);
      bold->start_index = 0;
      bold->end_index = strlen (label);
      pango_attr_list_insert (block->caption->attrs, bold);
      block->label = g_strdup (label);
      block->anchor = g_strdup_printf ("table-%u-%u", b->chapter, b->table);
      if (md->key != NULL)
        block->key = g_strdup_printf ("tab:%s", g_str_has_prefix (md->key, "tab:") ? md->key + 4 : md->key);
      b->doc->n_tables++;
    }
  place_leaf (b, block, NULL);
}

/* A ## or ### heading in a narrative chapter: a numbered section (9.1)
 * or subsection (9.1.1) of its chapter, one level below the outline
 * section's own heading when it has one. */
static void
add_md_heading (Builder    *b,
                EvkMdBlock *md)
{
  g_autofree char *title = evk_rich_text_get_plain (md->text);
  g_autofree char *anchor = g_strdup_printf ("part-%s-%s-%u", b->md_part, b->md_section, ++b->md_headings);
  g_autofree char *number = NULL;
  guint level = MIN (md->depth + (b->md_section_heading ? 1 : 0), 3);
  EvkBlock *heading;

  g_strstrip (title);
  /* A ### before any section of its chapter would skip a level (H1, then
   * H3): it is a section. */
  if (level == 3 && b->section == 0)
    level = 2;
  if (level <= 2)
    {
      b->section++;
      b->subsection = 0;
      if (b->chapter > 0)
        number = g_strdup_printf ("%u.%u", b->chapter, b->section);
    }
  else
    {
      b->subsection++;
      if (b->chapter > 0 && b->section > 0)
        number = g_strdup_printf ("%u.%u.%u", b->chapter, b->section, b->subsection);
    }
  heading = add_heading (b, level, number, title, anchor);
  heading->key = md->key != NULL
    ? g_strdup_printf ("sec:%s", g_str_has_prefix (md->key, "sec:") ? md->key + 4 : md->key)
    : g_strdup_printf ("sec:%s/%s/%u", b->md_part, b->md_section, b->md_headings);
  /* It stays in its outline section's review place. */
  heading->place = g_strdup_printf ("section:%s/%s", b->md_part, b->md_section);
  heading->place_level = level;
  heading->place_name = g_strdup (title);
  b->places[level] = g_strdup (heading->place);
}

static void
add_md_blocks (Builder   *b,
               GPtrArray *blocks)
{
  guint first = b->doc->blocks->len;

  for (guint i = 0; i < blocks->len; i++)
    {
      EvkMdBlock *md = g_ptr_array_index (blocks, i);
      EvkBlock *block;

      switch (md->kind)
        {
        case EVK_MD_TABLE:
          add_md_table (b, md);
          break;
        case EVK_MD_RULE:
          add_block (b, EVK_BLOCK_RULE);
          break;
        case EVK_MD_HEADING:
          add_md_heading (b, md);
          break;
        default:
          block = add_paragraph_text (b, steal_text (&md->text), md_style (md));
          block->depth = md->depth;
          block->marker = g_steal_pointer (&md->marker);
          block->tight = md->tight;
          break;
        }
    }
  /* A list ends with the space of a paragraph, tight or not. */
  for (guint i = first; i < b->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (b->doc->blocks, i);
      EvkBlock *next = i + 1 < b->doc->blocks->len ? g_ptr_array_index (b->doc->blocks, i + 1) : NULL;

      if (block->kind == EVK_BLOCK_PARAGRAPH && block->style == EVK_PARA_LIST &&
          (next == NULL || next->kind != EVK_BLOCK_PARAGRAPH || next->style != EVK_PARA_LIST))
        block->list_end = TRUE;
    }
}

/* Remembers a text whose cross-references resolve when the whole report
 * is built (they may point forward). */
static void
note_xrefs (Builder     *b,
            EvkRichText *text,
            const char  *file,
            const char  *section)
{
  for (guint s = 0; text != NULL && s < text->spans->len; s++)
    if (g_array_index (text->spans, EvkSpan, s).kind == EVK_SPAN_XREF)
      {
        XrefUse use = { text, g_strdup (file), g_strdup (section) };

        g_array_append_val (b->xref_uses, use);
        return;
      }
}

/* A section of narrative: Markdown with live figures and footnotes. */
static void
add_markdown (Builder    *b,
              const char *markdown,
              const char *file,
              const char *section)
{
  g_autoptr(EvkMdDocument) md = NULL;
  g_autoptr(GError) local_error = NULL;
  EvkMdOptions options = { 0 };
  guint first;

  if (failed (b) || markdown == NULL)
    return;
  options.hyphenator = b->hyphenator;
  options.hyphen_words = b->hyphen_words;
  options.resolve = resolve_reference;
  options.footnote = next_footnote;
  options.user_data = b;
  options.draft = b->options->draft;
  options.headings = b->md_part != NULL;

  md = evk_markdown_parse (markdown, &options, &local_error);
  b->doc->n_unresolved += options.n_unresolved;
  if (md == NULL)
    {
      /* The message names what the user edits: the file and its section. */
      g_set_error (&b->error, EVK_REPORT_ERROR,
                   g_error_matches (local_error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_REFERENCE)
                     ? EVK_REPORT_ERROR_REFERENCE : EVK_REPORT_ERROR_NARRATIVE,
                   _("%s/%s.md, section “%s”: %s"), b->lang, file, section, local_error->message);
      return;
    }
  first = b->doc->blocks->len;
  add_md_blocks (b, md->blocks);
  for (guint i = first; i < b->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (b->doc->blocks, i);

      note_xrefs (b, block->text, file, section);
      note_xrefs (b, block->caption, file, section);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (block->rows, r);

          for (guint c = 0; c < row->len; c++)
            note_xrefs (b, g_ptr_array_index (row, c), file, section);
        }
    }

  for (guint i = 0; i < md->footnotes->len; i++)
    {
      EvkMdFootnote *note = g_ptr_array_index (md->footnotes, i);
      EvkFootnote *footnote = g_new0 (EvkFootnote, 1);

      footnote->number = note->number;
      footnote->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_rich_text_free);
      for (guint k = 0; k < note->blocks->len; k++)
        {
          EvkMdBlock *md_block = g_ptr_array_index (note->blocks, k);

          if (md_block->text != NULL)
            {
              note_xrefs (b, md_block->text, file, section);
              g_ptr_array_add (footnote->texts, steal_text (&md_block->text));
            }
        }
      g_hash_table_insert (b->doc->footnotes, GUINT_TO_POINTER (footnote->number), footnote);
    }
}

static GHashTable *
project_text (Builder    *b,
              const char *field)
{
  return evk_text_index_get (b->project_texts, 0, field);
}

static const char *
chapter_text (Builder    *b,
              const char *part,
              const char *section,
              GHashTable **keep)
{
  g_autofree char *field = evk_narrative_chapter_field (part, section);
  g_autofree char *what = g_strdup_printf ("%s.md, section “%s”", part, section);

  *keep = project_text (b, field);
  return localized_text (b, *keep, what);
}

static gboolean
part_has_text (Builder        *b,
               EvkOutlinePart *part)
{
  for (guint i = 0; i < part->sections->len; i++)
    {
      EvkOutlineSection *section = g_ptr_array_index (part->sections, i);
      g_autofree char *field = evk_narrative_chapter_field (part->key, section->key);
      g_autoptr(GHashTable) text = project_text (b, field);

      if (g_hash_table_size (text) > 0 || section->include[0] != NULL)
        return TRUE;
    }
  /* A figure placed in the part is content too. */
  for (guint f = 0; f < b->outline->figures->len; f++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (b->outline->figures, f);
      g_autofree char *prefix = g_strdup_printf ("%s:", part->key);

      if (g_str_has_prefix (figure->place, prefix))
        return TRUE;
    }
  return FALSE;
}

/* Figures and tables. */

static char *
number_label (Builder    *b,
              const char *word_key,
              guint       n)
{
  if (b->chapter == 0)
    return g_strdup_printf ("%s %u", word (b, word_key), n);
  return g_strdup_printf ("%s %u-%u", word (b, word_key), b->chapter, n);
}

static char *
format_count (Builder *b,
              double   n)
{
  return evk_format_number (b->lang, n, 0);
}

/* "N: 206/197": the N of each table, or of each row that has its own base. */
static char *
figure_n (Builder  *b,
          EvkTable **tables,
          guint      n_tables)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint t = 0; t < n_tables; t++)
    {
      GPtrArray *parts[2] = { tables[t]->columns, tables[t]->rows };
      gboolean own = FALSE;

      /* Groups in columns (a crosstab) or items in rows (outcomes) may each
       * have their own base; else the table's. */
      for (guint k = 0; k < G_N_ELEMENTS (parts) && !own; k++)
        for (guint i = 0; i < parts[k]->len; i++)
          {
            EvkTableEntry *entry = g_ptr_array_index (parts[k], i);

            if (entry->n_base > 0 && entry->role != EVK_ENTRY_TOTAL)
              {
                g_array_append_val (values, entry->n_base);
                own = TRUE;
              }
          }
      if (!own)
        g_array_append_val (values, tables[t]->n_base);
    }
  /* One N when every part has the same, a range when there are many. */
  {
    guint lo = G_MAXUINT, hi = 0;
    gboolean same = TRUE;

    for (guint i = 0; i < values->len; i++)
      {
        guint v = g_array_index (values, guint, i);

        lo = MIN (lo, v);
        hi = MAX (hi, v);
        same = same && v == g_array_index (values, guint, 0);
      }
    if (same)
      g_array_set_size (values, MIN (values->len, 1));
    else if (values->len > 3)
      {
        g_autofree char *from = format_count (b, lo);
        g_autofree char *to = format_count (b, hi);

        g_string_append_printf (s, "%s–%s", from, to);
        return g_string_free (g_steal_pointer (&s), FALSE);
      }
  }
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *n = format_count (b, g_array_index (values, guint, i));

      if (i > 0)
        g_string_append_c (s, '/');
      g_string_append (s, n);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static EvkRichText *
caption_text (Builder    *b,
              const char *label,
              const char *caption)
{
  g_autofree char *full = g_strdup_printf ("%s %s", label, caption);
  EvkRichText *text = evk_rich_text_new_plain (full, NULL);
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = strlen (label);
  pango_attr_list_insert (text->attrs, bold);
  return text;
}

/* place: the figure's review place, or NULL for the one it sits in. */
static void
add_figure (Builder      *b,
            EvkChartKind  kind,
            EvkTable    **tables,
            guint         n_tables,
            const char   *caption,
            const char  **group_names,
            const char   *place)
{
  g_autofree char *label = number_label (b, "Figure", ++b->figure);
  g_autofree char *n = figure_n (b, tables, n_tables);
  g_autofree char *full = NULL;
  EvkBlock *block = add_block (b, EVK_BLOCK_FIGURE);

  /* A figure of one group (or filter), or weighted, says so in the words
   * its chart and exports use; else "N:" and its number, which never part
   * at a line end. */
  if (n_tables == 1 && group_names == NULL &&
      (evk_table_group_name (tables[0], b->lang) != NULL || tables[0]->weighted))
    {
      g_autofree char *said = evk_table_describe (tables[0], b->lang);
      full = g_strdup_printf ("%s (%s)", caption, said);
    }
  else
    full = g_strdup_printf ("%s (%s:\u00a0%s)", caption, evk_word ("Chart", "N", b->lang) ?: "N", n);
  block->label = g_strdup (label);
  block->caption = caption_text (b, label, full);
  block->anchor = b->chapter > 0 ? g_strdup_printf ("figure-%u-%u", b->chapter, b->figure)
                                 : g_strdup_printf ("figure-0-%u", b->figure);
  block->chart_kind = kind;
  block->n_tables = MIN (n_tables, G_N_ELEMENTS (block->tables));
  for (guint t = 0; t < block->n_tables; t++)
    {
      block->tables[t] = tables[t];
      block->group_names[t] = group_names != NULL ? g_strdup (group_names[t]) : NULL;
    }
  block->alt = g_strdup (full);
  place_leaf (b, block, place);
  b->doc->n_figures++;
}

static EvkTable *
compute (Builder    *b,
         const char *spec,
         const char *what)
{
  g_autoptr(GError) local_error = NULL;
  EvkTable *table;

  if (failed (b))
    return NULL;
  table = evk_live_figures_get_table (b->figures, spec, &local_error);
  if (table == NULL)
    g_set_error (&b->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_FIGURE,
                 _("%s: “%s”: %s"), what, spec, local_error->message);
  return table;
}

/* A survey's dictionary, as the render's tables read it: loaded once for
 * the render (every language), not once per use. Borrowed; NULL if it
 * cannot be read (the tables of it then say why). */
static EvkSurvey *
render_survey (Builder    *b,
               const char *name)
{
  return evk_table_source_get_survey (evk_live_figures_get_source (b->figures), name, NULL);
}

static EvkBlock *
new_table (Builder    *b,
           const char *caption,
           guint       n_columns,
           const char *const *header,
           const double *widths,
           const char *align)
{
  g_autofree char *label = number_label (b, "Table", ++b->table);
  EvkBlock *block = add_block (b, EVK_BLOCK_TABLE);
  GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_rich_text_free);

  block->label = g_strdup (label);
  block->caption = caption_text (b, label, caption);
  block->anchor = g_strdup_printf ("table-%u-%u", b->chapter, b->table);
  block->n_columns = n_columns;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  block->row_links = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (row, evk_rich_text_new_plain (header[c], NULL));
  g_ptr_array_add (block->rows, row);
  g_ptr_array_add (block->row_links, NULL);
  block->n_header_rows = 1;
  if (widths != NULL)
    block->widths = g_memdup2 (widths, n_columns * sizeof (double));
  block->align = g_strdup (align);
  place_leaf (b, block, NULL);
  b->doc->n_tables++;
  return block;
}

static void
table_add_row (Builder     *b,
               EvkBlock    *table,
               const char **cells,
               const char  *link)
{
  GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_rich_text_free);

  for (guint c = 0; c < table->n_columns; c++)
    g_ptr_array_add (row, plain (b, cells[c] != NULL ? cells[c] : ""));
  g_ptr_array_add (table->rows, row);
  g_ptr_array_add (table->row_links, g_strdup (link));
}

static void
table_note (Builder    *b,
            EvkBlock   *table,
            const char *note)
{
  table->note = plain (b, note);
}

/* Generated content. */

static const char *
goal_title (Builder *b,
            EvkGoal *goal)
{
  g_autofree char *what = g_strdup_printf (_("goal %s: title"), goal->key);

  return required_text (b, goal->title, what) ?: "";
}

static const char *
measure_title (Builder    *b,
               EvkMeasure *measure)
{
  g_autofree char *what = g_strdup_printf (_("measure %u: title"), measure->number);

  return required_text (b, measure->title, what) ?: "";
}

/* The responsible bodies by abbreviation; with first_mention, a body the
 * measure sections have not named yet is spelled out once, "Full name
 * (ABBR)", as a reader who skips to one measure needs it. */
static char *
bodies_text (Builder    *b,
             EvkMeasure *measure,
             gboolean    first_mention)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; measure->responsible != NULL && measure->responsible[i] != NULL; i++)
    {
      EvkBody *body = evk_strategy_find_body (b->strategy, measure->responsible[i]);
      const char *abbreviation = NULL, *name = NULL;

      if (body != NULL)
        {
          abbreviation = evk_localized_get (body->abbreviation, b->lang);
          name = localized_text (b, body->name, body->key);
        }
      if (i > 0)
        g_string_append (s, ", ");
      if (first_mention && abbreviation != NULL && name != NULL && g_strcmp0 (abbreviation, name) != 0 &&
          !g_hash_table_contains (b->mentioned, body->key))
        {
          g_hash_table_add (b->mentioned, body->key);
          g_string_append_printf (s, "%s (%s)", name, abbreviation);
        }
      else
        g_string_append (s, abbreviation != NULL ? abbreviation
                            : name != NULL ? name : measure->responsible[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
terms_text (Builder  *b,
            EvkVocab  vocab,
            GStrv     keys)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      EvkTerm *term = evk_strategy_find_term (b->strategy, vocab, keys[i]);
      const char *name = term != NULL ? localized_text (b, term->name, keys[i]) : keys[i];

      if (i > 0)
        g_string_append (s, ", ");
      /* A list in running text: only the first word keeps its capital. */
      if (i > 0 && name != NULL && g_unichar_isupper (g_utf8_get_char (name)) &&
          !g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (name))))
        {
          g_autofree char *lower = g_utf8_strdown (name, g_utf8_next_char (name) - name);

          g_string_append (s, lower);
          g_string_append (s, g_utf8_next_char (name));
        }
      else
        g_string_append (s, name != NULL ? name : keys[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
status_name (Builder    *b,
             EvkMeasure *measure)
{
  EvkTerm *status = evk_strategy_find_term (b->strategy, EVK_VOCAB_STATUS, measure->status);

  if (status == NULL)
    return "–";
  return localized_text (b, status->name, status->key) ?: "–";
}

static char *
goal_label (Builder *b,
            EvkGoal *goal)
{
  if (g_strcmp0 (goal->kind, "implementation") == 0)
    return g_strdup (goal_title (b, goal));
  return g_strdup_printf ("%s %s", word (b, "Goal"), goal->key);
}

/* Statuses per goal, as the status-summary chart draws them. */
static EvkTable *
status_table (Builder *b)
{
  GPtrArray *statuses = b->strategy->vocabs[EVK_VOCAB_STATUS];
  GPtrArray *goals = b->strategy->goals;
  EvkTable *table = evk_table_new ("status", goals->len + 1, statuses->len);
  guint total = goals->len;

  for (guint c = 0; c < statuses->len; c++)
    {
      EvkTerm *status = g_ptr_array_index (statuses, c);

      evk_table_column (table, c)->key = g_strdup (status->key);
      evk_table_column (table, c)->colour = g_strdup (status->colour);
      evk_table_column (table, c)->completed = status->completed;
      evk_localized_set (evk_table_column (table, c)->label, b->lang,
                         localized_text (b, status->name, status->key) ?: status->key);
    }
  for (guint g = 0; g < goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (goals, g);
      g_autofree char *label = goal_label (b, goal);

      evk_table_row (table, g)->key = g_strdup (goal->key);
      evk_localized_set (evk_table_row (table, g)->label, b->lang, label);
    }
  evk_table_row (table, total)->key = g_strdup ("total");
  evk_table_row (table, total)->role = EVK_ENTRY_TOTAL;
  evk_localized_set (evk_table_row (table, total)->label, b->lang, word (b, "AllGoals"));

  for (guint m = 0; m < b->strategy->measures->len; m++)
    {
      EvkMeasure *measure = g_ptr_array_index (b->strategy->measures, m);

      for (guint c = 0; c < statuses->len; c++)
        if (g_strcmp0 (((EvkTerm *) g_ptr_array_index (statuses, c))->key, measure->status) == 0)
          {
            for (guint g = 0; g < goals->len; g++)
              if (g_strcmp0 (((EvkGoal *) g_ptr_array_index (goals, g))->key, measure->goal) == 0)
                {
                  evk_table_cell (table, g, c)->n++;
                  evk_table_cell (table, g, c)->count++;
                }
            evk_table_cell (table, total, c)->n++;
            evk_table_cell (table, total, c)->count++;
          }
      table->n_base++;
    }
  table->base = table->n_base;
  table->small_cell = 0;
  evk_localized_set (table->base_label, b->lang, word (b, "BaseMeasures"));
  g_ptr_array_add (b->owned_tables, table);
  return table;
}

/* Measures × document-review codes, a heading row per goal. */
static EvkTable *
documents_table (Builder *b)
{
  g_autoptr(EvkDocumentsStats) stats = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *codes;
  EvkTable *table;
  guint r = 0;

  stats = evk_documents_stats_load (b->project, &local_error);
  if (stats == NULL || stats->n_documents == 0)
    return NULL;
  codes = stats->documents->codes;
  table = evk_table_new ("review", stats->goals->len + stats->measures->len, codes->len);
  for (guint c = 0; c < codes->len; c++)
    {
      EvkDocumentsCode *code = g_ptr_array_index (codes, c);

      evk_table_column (table, c)->key = g_strdup (code->key);
      evk_localized_set (evk_table_column (table, c)->label, b->lang,
                         localized_text (b, code->name, code->key) ?: code->key);
    }
  for (guint g = 0; g < stats->goals->len; g++)
    {
      EvkDocumentsGoal *goal = g_ptr_array_index (stats->goals, g);
      EvkGoal *model_goal = evk_strategy_find_goal (b->strategy, goal->key);
      EvkTableEntry *heading = evk_table_row (table, r);
      guint heading_row = r++;
      g_autofree char *label = model_goal != NULL ? goal_label (b, model_goal) : g_strdup (goal->key);
      g_autofree char *full = model_goal != NULL && g_strcmp0 (model_goal->kind, "implementation") != 0
        ? g_strdup_printf ("%s: %s", label, goal_title (b, model_goal)) : g_strdup (label);

      heading->key = g_strdup (goal->key);
      heading->role = EVK_ENTRY_TOTAL;
      evk_localized_set (heading->label, b->lang, full);
      for (guint m = 0; m < goal->measures->len; m++)
        {
          EvkDocumentsMeasure *measure = g_ptr_array_index (goal->measures, m);
          EvkTableEntry *row = evk_table_row (table, r);
          g_autofree char *what = g_strdup_printf (_("measure %u: title"), measure->number);
          g_autofree char *row_label = g_strdup_printf ("%u %s", measure->number,
                                                        required_text (b, measure->title, what) ?: "");

          row->key = g_strdup_printf ("%u", measure->number);
          evk_localized_set (row->label, b->lang, row_label);
          for (guint c = 0; c < codes->len; c++)
            {
              evk_table_cell (table, r, c)->n = measure->n_documents[c];
              evk_table_cell (table, r, c)->count = measure->n_documents[c];
              if (measure->n_documents[c] > 0)
                evk_table_cell (table, heading_row, c)->n++;
            }
          r++;
          table->n_base++;
        }
    }
  while (table->rows->len > r)
    evk_table_remove_row (table, table->rows->len - 1);
  table->small_cell = 0;
  evk_localized_set (table->base_label, b->lang, word (b, "BaseMeasures"));
  g_ptr_array_add (b->owned_tables, table);
  return table;
}

static EvkTable *
figure_table (Builder          *b,
              EvkOutlineFigure *figure,
              const char       *spec)
{
  g_autofree char *what = g_strdup_printf ("report.ini [Figure %s]", figure->key);

  if (g_str_equal (spec, "@status"))
    return status_table (b);
  if (g_str_equal (spec, "@review"))
    return documents_table (b);
  if (!b->has_survey)
    return NULL;
  return compute (b, spec, what);
}

/* The report's own figures placed after a narrative section. */
static void
add_placed_figures (Builder    *b,
                    const char *part,
                    const char *section)
{
  g_autofree char *place = g_strdup_printf ("%s:%s", part, section);

  for (guint i = 0; i < b->outline->figures->len && !failed (b); i++)
    {
      EvkOutlineFigure *figure = g_ptr_array_index (b->outline->figures, i);
      g_autofree char *what = NULL;
      EvkTable *tables[4];
      const char *names[4] = { NULL };
      guint n = 0;
      const char *text;

      if (g_strcmp0 (figure->place, place) != 0)
        continue;
      for (guint t = 0; figure->tables[t] != NULL && n < G_N_ELEMENTS (tables); t++)
        {
          GHashTable *group = t < figure->groups->len ? g_ptr_array_index (figure->groups, t) : NULL;
          g_autofree char *group_what = g_strdup_printf (_("figure %s: name of group %u"), figure->key, t + 1);

          tables[n] = figure_table (b, figure, figure->tables[t]);
          if (tables[n] == NULL)
            break;
          names[n] = localized_text (b, group, group_what);
          n++;
        }
      if (n == 0 || failed (b))
        continue;
      what = g_strdup_printf (_("figure %s: caption"), figure->key);
      text = required_text (b, figure->caption, what);
      if (text != NULL)
        {
          g_autofree char *figure_place = g_strdup_printf ("figure:%s", figure->key);

          add_figure (b, figure->kind, tables, n, text, names[0] != NULL ? names : NULL, figure_place);
        }
    }
}

static void
add_data_sources (Builder *b)
{
  static const double widths[] = { 0.7, 0.3 };
  const char *header[] = { word (b, "DataSource"), word (b, "Count") };
  g_auto(GStrv) surveys = evk_survey_list (b->store, NULL);
  EvkProjectCounts counts = { 0 };
  EvkBlock *table;

  if (!evk_project_get_counts (b->project, &counts, NULL) || failed (b))
    return;
  if ((surveys == NULL || surveys[0] == NULL) && counts.n_documents == 0)
    return;
  table = new_table (b, word (b, "DataSources"), 2, header, widths, "lr");
  table->key = g_strdup ("tab:data-sources");
  for (guint s = 0; surveys != NULL && surveys[s] != NULL; s++)
    {
      EvkSurvey *survey = render_survey (b, surveys[s]);
      g_autofree char *n = NULL, *invited = NULL, *net = NULL, *rate = NULL, *title = NULL;
      const char *cells[2];
      const char *name;

      if (survey == NULL)
        continue;
      name = localized_text (b, survey->label, survey->name) ?: survey->name;
      n = format_count (b, survey->n_rows);
      title = g_strdup_printf ("%s: %s", name, word (b, "Responses"));
      cells[0] = title;
      cells[1] = n;
      table_add_row (b, table, cells, NULL);
      if (survey->invited > 0)
        {
          invited = format_count (b, survey->invited);
          cells[0] = word (b, "Invited");
          cells[1] = invited;
          table_add_row (b, table, cells, NULL);
        }
      if (survey->net_population > 0)
        {
          net = format_count (b, survey->net_population);
          rate = evk_format_percent (b->lang, 100.0 * survey->n_rows / survey->net_population, 0);
          cells[0] = word (b, "NetPopulation");
          cells[1] = net;
          table_add_row (b, table, cells, NULL);
          cells[0] = word (b, "ResponseRate");
          cells[1] = rate;
          table_add_row (b, table, cells, NULL);
        }
    }
  if (counts.n_documents > 0)
    {
      g_autofree char *documents = format_count (b, counts.n_documents);
      g_autofree char *codings = format_count (b, counts.n_codings);
      const char *cells[2] = { word (b, "Documents"), documents };

      table_add_row (b, table, cells, NULL);
      cells[0] = word (b, "Codings");
      cells[1] = codings;
      table_add_row (b, table, cells, NULL);
    }
}

/* Sample against population for every variable with register shares. */
static void
add_representativity (Builder *b)
{
  static const double widths[] = { 0.52, 0.16, 0.16, 0.16 };
  g_auto(GStrv) surveys = evk_survey_list (b->store, NULL);
  EvkSurvey *survey = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (surveys == NULL || surveys[0] == NULL || failed (b))
    return;
  survey = render_survey (b, surveys[0]);
  if (survey == NULL)
    return;

  for (guint p = 0; p < survey->population->len && !failed (b); p++)
    {
      EvkPopulationShare *share = g_ptr_array_index (survey->population, p);
      EvkVariable *variable = evk_survey_get_variable (survey, share->variable);
      g_autofree char *spec = NULL, *caption = NULL;
      const char *header[] = { word (b, "Category"), word (b, "ShareSample"),
                               word (b, "SharePopulation"), word (b, "Difference") };
      const char *label;
      EvkTable *table;
      EvkBlock *block;

      if (g_hash_table_contains (seen, share->variable) || variable == NULL)
        continue;
      g_hash_table_add (seen, share->variable);
      spec = g_strdup_printf ("representativity %s", share->variable);
      table = compute (b, spec, word (b, "DataSources"));
      if (table == NULL)
        return;
      label = localized_text (b, variable->label, variable->name) ?: variable->name;
      caption = word_with (b, "RepresentativityOf", "variable", label);
      block = new_table (b, caption, 4, header, widths, "lrrr");
      block->key = g_strdup_printf ("tab:representativity-%s", share->variable);
      for (guint r = 0; r < table->rows->len; r++)
        {
          EvkTableEntry *row = evk_table_row (table, r);
          double sample = evk_table_cell (table, r, 0)->share;
          double population = evk_table_cell (table, r, 1)->share;
          g_autofree char *a = NULL, *bb = NULL, *d = NULL;
          const char *cells[4];

          if (isnan (population) || row->role != EVK_ENTRY_VALUE)
            continue;
          a = evk_format_number (b->lang, sample, 1);
          bb = evk_format_number (b->lang, population, 1);
          d = evk_format_number (b->lang, sample - population, 1);
          cells[0] = localized_text (b, row->label, row->key) ?: row->key;
          cells[1] = a;
          cells[2] = bb;
          cells[3] = d;
          table_add_row (b, block, cells, NULL);
        }
      {
        g_autofree char *n = format_count (b, table->n_base);
        g_autofree char *note = g_strdup_printf ("%s: %s. %s: %s", word (b, "Source"),
                                                 share->source != NULL ? share->source : "–",
                                                 evk_word ("Chart", "N", b->lang) ?: "N", n);
        table_note (b, block, note);
      }
    }
}

/* All measures by goal, with types. */
static void
add_measures_overview (Builder *b)
{
  static const double widths[] = { 0.07, 0.63, 0.30 };
  const char *header[] = { word (b, "Number"), word (b, "Measure"), word (b, "Type") };
  EvkBlock *table = new_table (b, word (b, "AllMeasures"), 3, header, widths, "rll");

  table->key = g_strdup ("tab:measures-overview");

  for (guint g = 0; g < b->strategy->goals->len; g++)
    {
      EvkGoal *goal = g_ptr_array_index (b->strategy->goals, g);

      for (guint m = 0; m < b->strategy->measures->len; m++)
        {
          EvkMeasure *measure = g_ptr_array_index (b->strategy->measures, m);
          g_autofree char *number = NULL, *types = NULL, *anchor = NULL;
          const char *cells[3];

          if (g_strcmp0 (measure->goal, goal->key) != 0)
            continue;
          number = g_strdup_printf ("%u", measure->number);
          types = terms_text (b, EVK_VOCAB_TYPE, measure->types);
          anchor = g_strdup_printf ("measure-%u", measure->number);
          cells[0] = number;
          cells[1] = measure_title (b, measure);
          cells[2] = types;
          table_add_row (b, table, cells, anchor);
        }
    }
}

/* How many measures have each type and target group. */
static void
add_type_counts (Builder *b)
{
  static const double widths[] = { 0.75, 0.25 };
  static const EvkVocab vocabs[] = { EVK_VOCAB_TYPE, EVK_VOCAB_TARGET };
  static const char * const words[] = { "Type", "TargetGroup" };
  EvkBlock *table;

  for (guint v = 0; v < G_N_ELEMENTS (vocabs); v++)
    {
      GPtrArray *terms = b->strategy->vocabs[vocabs[v]];
      const char *header[] = { word (b, words[v]), word (b, "MeasuresCount") };

      if (terms->len == 0)
        continue;
      table = new_table (b, word (b, v == 0 ? "MeasuresByType" : "MeasuresByTarget"), 2, header,
                         widths, "lr");
      table->key = g_strdup (v == 0 ? "tab:measures-by-type" : "tab:measures-by-target");
      for (guint t = 0; t < terms->len; t++)
        {
          EvkTerm *term = g_ptr_array_index (terms, t);
          g_autofree char *count = NULL;
          const char *cells[2];
          guint n = 0;

          for (guint m = 0; m < b->strategy->measures->len; m++)
            {
              EvkMeasure *measure = g_ptr_array_index (b->strategy->measures, m);
              GStrv keys = vocabs[v] == EVK_VOCAB_TYPE ? measure->types : measure->targets;

              if (keys != NULL && g_strv_contains ((const char * const *) keys, term->key))
                n++;
            }
          count = format_count (b, n);
          cells[0] = localized_text (b, term->name, term->key) ?: term->key;
          cells[1] = count;
          table_add_row (b, table, cells, NULL);
        }
      table_note (b, table, word (b, "SeveralPerMeasure"));
    }
}

static void
add_status_table (Builder *b)
{
  GPtrArray *statuses = b->strategy->vocabs[EVK_VOCAB_STATUS];
  guint n_columns = statuses->len + 2;
  g_autofree const char **header = g_new0 (const char *, n_columns);
  g_autofree double *widths = g_new0 (double, n_columns);
  g_autofree char *align = g_malloc0 (n_columns + 1);
  EvkBlock *table;
  guint totals[32] = { 0 };

  header[0] = word (b, "Goal");
  widths[0] = 0.4;
  align[0] = 'l';
  for (guint c = 0; c < statuses->len; c++)
    {
      EvkTerm *status = g_ptr_array_index (statuses, c);

      header[c + 1] = localized_text (b, status->name, status->key) ?: status->key;
      widths[c + 1] = 0.48 / statuses->len;
      align[c + 1] = 'r';
    }
  header[n_columns - 1] = word (b, "Total");
  widths[n_columns - 1] = 0.12;
  align[n_columns - 1] = 'r';
  table = new_table (b, word (b, "StatusByGoal"), n_columns, header, widths, align);
  table->key = g_strdup ("tab:status-table");

  for (guint g = 0; g <= b->strategy->goals->len; g++)
    {
      EvkGoal *goal = g < b->strategy->goals->len ? g_ptr_array_index (b->strategy->goals, g) : NULL;
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      g_autofree const char **cells = g_new0 (const char *, n_columns);
      g_autofree char *label = goal != NULL ? goal_label (b, goal) : g_strdup (word (b, "AllGoals"));
      g_autofree char *link = NULL;
      guint row_total = 0;

      cells[0] = label;
      for (guint c = 0; c < statuses->len && c < G_N_ELEMENTS (totals); c++)
        {
          EvkTerm *status = g_ptr_array_index (statuses, c);
          guint n = 0;
          char *text;

          for (guint m = 0; m < b->strategy->measures->len; m++)
            {
              EvkMeasure *measure = g_ptr_array_index (b->strategy->measures, m);

              if (g_strcmp0 (measure->status, status->key) == 0 &&
                  (goal == NULL || g_strcmp0 (measure->goal, goal->key) == 0))
                n++;
            }
          row_total += n;
          text = format_count (b, n);
          g_ptr_array_add (owned, text);
          cells[c + 1] = text;
        }
      {
        char *text = format_count (b, row_total);

        g_ptr_array_add (owned, text);
        cells[n_columns - 1] = text;
      }
      link = goal != NULL ? g_strdup_printf ("chapter-goal-%s", goal->key) : NULL;
      table_add_row (b, table, cells, link);
    }
}

static void add_includes (Builder *b, GStrv include);

/* The heading of a part: its own title, else the word of its kind. */
static const char *
part_title (Builder        *b,
            EvkOutlinePart *part)
{
  const char *fallback = evk_outline_part_default_word (part);
  g_autofree char *what = g_strdup_printf ("report.ini [Part %s] Title", part->key);

  if (g_hash_table_size (part->title) > 0 || fallback == NULL)
    return required_text (b, part->title, what) ?: "";
  return word (b, fallback);
}

static void
open_part (Builder        *b,
           EvkOutlinePart *part,
           const char     *title)
{
  if (part->numbered)
    open_chapter (b, title, NULL);
  else
    open_unnumbered (b, title, part->key);
  open_place (b, last_block (b), 1, g_strdup_printf ("part:%s", part->key));
}

/* A narrative chapter: a heading per section, the section's text, the
 * generated tables it includes and the figures placed after it. */
static void
add_chapter (Builder        *b,
             EvkOutlinePart *part)
{
  if (failed (b) || !part_has_text (b, part))
    return;
  open_part (b, part, part_title (b, part));
  for (guint i = 0; i < part->sections->len && !failed (b); i++)
    {
      EvkOutlineSection *section = g_ptr_array_index (part->sections, i);
      g_autoptr(GHashTable) keep = NULL;
      const char *text = chapter_text (b, part->key, section->key, &keep);
      g_autofree char *place = g_strdup_printf ("section:%s/%s", part->key, section->key);
      guint first = b->doc->blocks->len;

      if (section->heading)
        {
          g_autofree char *what = g_strdup_printf ("report.ini [Section %s:%s] Title", part->key, section->key);
          g_autofree char *prefix = g_strdup_printf ("%s:%s", part->key, section->key);
          gboolean placed = FALSE;

          for (guint f = 0; f < b->outline->figures->len; f++)
            placed = placed || g_strcmp0 (((EvkOutlineFigure *) g_ptr_array_index (b->outline->figures, f))->place,
                                          prefix) == 0;
          if (text == NULL && g_hash_table_size (keep) == 0 && section->include[0] == NULL && !placed)
            continue;
          open_section (b, required_text (b, section->title, what) ?: "", NULL);
          open_place (b, last_block (b), 2, g_steal_pointer (&place));
        }
      else
        {
          close_places (b, 2);
          b->places[2] = g_strdup (place);
        }
      b->md_part = part->key;
      b->md_section = section->key;
      b->md_section_heading = section->heading;
      b->md_headings = 0;
      add_markdown (b, text, part->key, section->key);
      b->md_part = b->md_section = NULL;
      add_includes (b, section->include);
      add_placed_figures (b, part->key, section->key);
      /* A section without a heading starts where its text does; its
       * figures keep places of their own. */
      for (guint k = first; place != NULL && k < b->doc->blocks->len; k++)
        {
          EvkBlock *block = g_ptr_array_index (b->doc->blocks, k);

          if (block->kind != EVK_BLOCK_FIGURE)
            {
              g_free (block->place);
              block->place = g_steal_pointer (&place);
              block->place_level = 2;
              g_free (block->place_name);
              /* Named without a second lookup that would count a
               * missing text twice: its title if it has one, else its
               * chapter's heading. */
              block->place_name = g_strdup ((section->title != NULL ? evk_localized_get (section->title, b->lang) : NULL)
                                            ?: chapter_name (b, first) ?: section->key);
              break;
            }
        }
    }
}

/* An outcome nobody was asked about (no users) has nothing to draw. */
static gboolean
table_is_empty (EvkTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    if (evk_table_row (table, r)->n_base > 0)
      return FALSE;
  return table->rows->len == 0 || table->n_base == 0;
}

/* The table of a saved chart. The live figures (compute(), the grammar of
 * `evalkit table`) do not know the tables made from the model, "status-summary
 * [goal=KEY]" and "review-…": those are computed as the app's cards compute
 * them, by evk_project_compute_chart (evk_table_status_summary for a goal's
 * status, not the report's own status_table, which is the strategy-wide
 * table of the results chapter), and live as long as the document. */
static gboolean
is_model_spec (const char *spec)
{
  return g_str_has_prefix (spec, "status-summary") || g_str_has_prefix (spec, "review-");
}

static EvkTable *
saved_chart_table (Builder       *b,
                   EvkSavedChart *chart,
                   const char    *what)
{
  g_autoptr(GError) local_error = NULL;
  EvkTable *table;

  if (!is_model_spec (chart->spec))
    return compute (b, chart->spec, what);
  if (failed (b))
    return NULL;
  table = evk_project_compute_chart_from (b->project, evk_live_figures_get_source (b->figures), chart,
                                          &local_error);
  if (table == NULL)
    {
      g_set_error (&b->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_FIGURE,
                   _("%s: “%s”: %s"), what, chart->spec, local_error->message);
      return NULL;
    }
  g_ptr_array_add (b->owned_tables, table);
  return table;
}

/* The saved charts of a measure (measure > 0) or of a goal (goal not NULL)
 * that go in the report, in the project's order, with the captions and alt
 * texts the evaluators wrote. Survey charts need a survey. */
static void
add_saved_charts (Builder    *b,
                  guint       measure,
                  const char *goal)
{
  for (guint i = 0; i < b->charts->len && !failed (b); i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (b->charts, i);
      /* Translators: names a chart in a report error, e.g. "chart m1-awareness-4: caption" */
      g_autofree char *what = g_strdup_printf (_("chart %s: caption"), chart->key);
      const char *caption, *alt;
      EvkTable *table;

      if (!(goal != NULL ? g_strcmp0 (chart->goal, goal) == 0 : chart->measure == measure) || !chart->in_report)
        continue;
      if (!is_model_spec (chart->spec) && !b->has_survey)
        continue;
      table = saved_chart_table (b, chart, what);
      if (table == NULL)
        return;
      if (chart->kind == EVK_CHART_OUTCOME && table_is_empty (table))
        continue;
      caption = required_text (b, chart->caption, what);
      alt = chart->alt_text != NULL ? evk_localized_get (chart->alt_text, b->lang) : NULL;
      if (caption == NULL)
        return;
      {
        g_autofree char *place = g_strdup_printf ("chart:%s", chart->key);

        add_figure (b, chart->kind, &table, 1, caption, NULL, place);
      }
      if (alt != NULL && alt[0] != '\0')
        {
          EvkBlock *block = g_ptr_array_index (b->doc->blocks, b->doc->blocks->len - 1);

          g_free (block->alt);
          block->alt = g_strdup (alt);
        }
    }
}

/* The charts of a measure: the saved ones where the project has them, else
 * the defaults (a project opened read-only before its charts were ever
 * listed): awareness and use of each offer that serves it, and the offer's
 * outcomes. */
static void
add_measure_charts (Builder    *b,
                    EvkMeasure *measure)
{
  if (!b->has_survey)
    return;
  if (b->any_measure_chart)
    {
      add_saved_charts (b, measure->number, NULL);
      return;
    }
  for (guint o = 0; o < b->strategy->offers->len && !failed (b); o++)
    {
      EvkOffer *offer = g_ptr_array_index (b->strategy->offers, o);
      g_autofree char *what = g_strdup_printf (_("offer %s: label"), offer->key);
      g_autofree char *spec = NULL, *caption = NULL;
      gboolean serves = FALSE;
      const char *label;
      EvkTable *table;

      for (guint i = 0; i < offer->measures->len; i++)
        serves = serves || g_array_index (offer->measures, guint, i) == measure->number;
      if (!serves || evk_offer_get_variable (offer, EVK_ROLE_HEARD_OF) == NULL)
        continue;
      label = required_text (b, offer->label, what);
      if (label == NULL)
        return;

      spec = g_strdup_printf ("awareness %s", offer->key);
      table = compute (b, spec, what);
      if (table == NULL)
        return;
      caption = word_with (b, "FigureAwareness", "offer", label);
      add_figure (b, EVK_CHART_AWARENESS, &table, 1, caption, NULL, NULL);

      if (evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_MEMBERS) == NULL &&
          evk_offer_get_variable (offer, EVK_ROLE_OUTCOME_ACTIVITIES) == NULL)
        continue;
      g_free (spec);
      g_free (caption);
      spec = g_strdup_printf ("outcome %s", offer->key);
      table = compute (b, spec, what);
      if (table == NULL)
        return;
      if (table_is_empty (table))
        continue;
      caption = word_with (b, "FigureOutcome", "offer", label);
      add_figure (b, EVK_CHART_OUTCOME, &table, 1, caption, NULL, NULL);
    }
}

static void
add_measure (Builder        *b,
             EvkOutlinePart *part,
             EvkMeasure     *measure)
{
  GPtrArray *sections = b->strategy->vocabs[EVK_VOCAB_SECTION];
  gint64 id = GPOINTER_TO_INT (g_hash_table_lookup (b->measure_ids, GINT_TO_POINTER (measure->number)));
  g_autofree char *anchor = g_strdup_printf ("measure-%u", measure->number);
  g_autofree char *file = g_strdup_printf ("measure-%02u", measure->number);
  g_autofree char *number = g_strdup_printf ("%u", measure->number);
  g_autofree char *types = terms_text (b, EVK_VOCAB_TYPE, measure->types);
  g_autofree char *targets = terms_text (b, EVK_VOCAB_TARGET, measure->targets);
  g_autofree char *bodies = bodies_text (b, measure, TRUE);
  g_autofree char *status_line = NULL;
  const char *note = localized_text (b, measure->status_note, "status note");
  gboolean charts_done = !evk_outline_part_flag (part, "Charts");

  open_section (b, measure_title (b, measure), anchor);
  open_place (b, last_block (b), 2, g_strdup_printf ("measure:%u", measure->number));
  add_fact (b, word (b, "MeasureNumber"), number);
  status_line = note != NULL ? g_strdup_printf ("%s. %s", status_name (b, measure), note)
                             : g_strdup_printf ("%s.", status_name (b, measure));
  add_fact (b, word (b, "Status"), status_line);
  if (*types != '\0')
    {
      g_autofree char *line = g_strdup_printf ("%s.", types);
      add_fact (b, word (b, "Type"), line);
    }
  if (*targets != '\0')
    {
      g_autofree char *line = g_strdup_printf ("%s.", targets);
      add_fact (b, word (b, "TargetGroups"), line);
    }
  if (*bodies != '\0')
    {
      g_autofree char *line = g_strdup_printf ("%s.", bodies);
      add_fact (b, word (b, "Responsible"), line);
    }

  for (guint s = 0; s < sections->len && !failed (b); s++)
    {
      EvkTerm *section = g_ptr_array_index (sections, s);
      g_autofree char *field = g_strdup_printf ("section:%s", section->key);
      g_autofree char *what = g_strdup_printf ("%s.md, section “%s”", file, section->key);
      g_autoptr(GHashTable) localized = evk_text_index_get (b->measure_texts, id, field);
      const char *text = localized_text (b, localized, what);

      if (text == NULL)
        continue;
      add_heading (b, 3, NULL, localized_text (b, section->name, section->key) ?: section->key, NULL);
      open_place (b, last_block (b), 3, g_strdup_printf ("measure-section:%u/%s", measure->number, section->key));
      add_markdown (b, text, file, section->key);
      /* The survey's view of the measure goes with its results. */
      if (g_str_equal (section->key, "results") && !charts_done)
        {
          add_measure_charts (b, measure);
          charts_done = TRUE;
        }
    }
  if (!charts_done)
    add_measure_charts (b, measure);
}

static void
add_goal (Builder        *b,
          EvkOutlinePart *part,
          EvkGoal        *goal)
{
  static const double widths[] = { 0.07, 0.53, 0.2, 0.2 };
  g_autofree char *anchor = g_strdup_printf ("chapter-goal-%s", goal->key);
  g_autofree char *file = g_strdup_printf ("goal-%s", goal->key);
  g_autofree char *caption = NULL;
  g_autoptr(GHashTable) keep = NULL;
  const char *header[] = { word (b, "Number"), word (b, "Measure"), word (b, "Responsible"),
                           word (b, "Status") };
  const char *intro;
  EvkBlock *table;

  open_chapter (b, goal_title (b, goal), anchor);
  open_place (b, last_block (b), 1, g_strdup_printf ("goal:%s", goal->key));
  intro = chapter_text (b, file, "intro", &keep);
  if (intro == NULL && g_hash_table_size (keep) == 0)
    {
      const char *description = localized_text (b, goal->description, "goal description");

      if (description != NULL)
        add_paragraph (b, description, EVK_PARA_BODY);
    }
  add_markdown (b, intro, file, "intro");

  if (g_strcmp0 (goal->kind, "implementation") == 0)
    caption = word_with (b, "MeasuresOfArea", "title", goal_title (b, goal));
  else
    caption = word_with (b, "MeasuresOfGoalNumber", "n", goal->key);
  table = evk_outline_part_flag (part, "MeasureTable") ? new_table (b, caption, 4, header, widths, "rlll")
                                                       : NULL;
  if (table != NULL)
    table->key = g_strdup_printf ("tab:goal-%s", goal->key);
  for (guint m = 0; m < b->strategy->measures->len && table != NULL; m++)
    {
      EvkMeasure *measure = g_ptr_array_index (b->strategy->measures, m);
      g_autofree char *number = NULL, *bodies = NULL, *link = NULL;
      const char *cells[4];

      if (g_strcmp0 (measure->goal, goal->key) != 0)
        continue;
      number = g_strdup_printf ("%u", measure->number);
      bodies = bodies_text (b, measure, FALSE);
      link = g_strdup_printf ("measure-%u", measure->number);
      cells[0] = number;
      cells[1] = measure_title (b, measure);
      cells[2] = bodies;
      cells[3] = status_name (b, measure);
      table_add_row (b, table, cells, link);
    }
  /* The goal's charts (its status, the awareness of its offers) as the
   * project saved them; a project without any goal's charts has none. */
  if (b->any_goal_chart && evk_outline_part_flag (part, "Charts"))
    add_saved_charts (b, 0, goal->key);

  for (guint m = 0; m < b->strategy->measures->len && !failed (b) &&
                    evk_outline_part_flag (part, "MeasureSections"); m++)
    {
      EvkMeasure *measure = g_ptr_array_index (b->strategy->measures, m);

      if (g_strcmp0 (measure->goal, goal->key) == 0)
        add_measure (b, part, measure);
    }
}

/* Questionnaire. */

static gboolean
excluded (GStrv        patterns,
          EvkVariable *variable)
{
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    if (g_pattern_match_simple (patterns[i], variable->name))
      return TRUE;
  return FALSE;
}

/* "q15" for "q15_3": the variables of a grid share it. */
static char *
grid_stem (const char *name)
{
  const char *underscore = strrchr (name, '_');

  if (underscore == NULL || underscore[1] == '\0')
    return NULL;
  for (const char *p = underscore + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  return g_strndup (name, underscore - name);
}

/* "Stem: item" → the stem's length, or 0. */
static gsize
label_stem_length (const char *label)
{
  const char *colon = label != NULL ? strstr (label, ": ") : NULL;

  return colon != NULL ? (gsize) (colon - label) : 0;
}

static char *
option_text (Builder       *b,
             EvkVariable   *variable,
             EvkValueLabel *value)
{
  g_autofree char *code = NULL;
  const char *label;

  if (value->str_value != NULL)
    code = g_strdup (value->str_value);
  else
    {
      /* Codes are whole numbers nearly always; keep the decimals of those
       * that are not. */
      int decimals = 0;

      while (decimals < 6 && fabs (value->value * pow (10, decimals) - round (value->value * pow (10, decimals))) > 1e-9)
        decimals++;
      code = evk_format_number (b->lang, value->value, decimals);
    }
  label = localized_text (b, value->label, variable->name) ?: "";

  return g_strdup_printf ("%s (%s)", label, code);
}

static void
add_options (Builder     *b,
             EvkVariable *variable)
{
  if (variable->type == EVK_VARIABLE_STRING)
    {
      g_autofree char *line = g_strdup_printf ("(%s)", word (b, "OpenAnswer"));
      add_paragraph (b, line, EVK_PARA_OPTION);
      return;
    }
  if (variable->value_labels->len == 0)
    {
      g_autofree char *line = g_strdup_printf ("(%s)", word (b, "NumericAnswer"));
      add_paragraph (b, line, EVK_PARA_OPTION);
      return;
    }
  for (guint v = 0; v < variable->value_labels->len; v++)
    {
      g_autofree char *text = option_text (b, variable, g_ptr_array_index (variable->value_labels, v));
      EvkBlock *block = add_paragraph (b, text, EVK_PARA_OPTION);

      block->marker = g_strdup ("–");
      block->tight = TRUE;
      /* Answer options sit under the question's items. */
      block->depth = 2;
    }
}

static void
add_question_heading (Builder    *b,
                      const char *name,
                      const char *text)
{
  g_autofree char *line = g_strdup_printf ("%s  %s", name, text);
  EvkRichText *rich = evk_rich_text_new_plain (line, NULL);
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  EvkBlock *block;

  bold->start_index = 0;
  bold->end_index = strlen (name);
  pango_attr_list_insert (rich->attrs, bold);
  block = add_paragraph_text (b, rich, EVK_PARA_QUESTION);
  block->keep_with_next = TRUE;
}

static void
add_questionnaire (Builder        *b,
                   EvkOutlinePart *part)
{
  g_auto(GStrv) surveys = evk_survey_list (b->store, NULL);
  EvkSurvey *survey = NULL;
  const char *exclude_text = evk_outline_part_option (part, "Exclude");
  g_auto(GStrv) exclude = NULL;
  g_autofree char *intro = NULL;
  const char *name;
  guint i = 0;

  if (surveys == NULL || surveys[0] == NULL || failed (b))
    return;
  survey = render_survey (b, surveys[0]);
  if (survey == NULL)
    return;
  exclude = g_strsplit (exclude_text != NULL ? exclude_text : "", ";", -1);

  open_part (b, part, part_title (b, part));
  name = localized_text (b, survey->label, survey->name) ?: survey->name;
  intro = word_with (b, "QuestionnaireIntro", "survey", name);
  add_paragraph (b, intro, EVK_PARA_BODY);

  while (i < survey->variables->len && !failed (b))
    {
      EvkVariable *variable = g_ptr_array_index (survey->variables, i);
      g_autofree char *stem = NULL;
      const char *label;
      gsize stem_length;
      guint end = i + 1;

      if (g_strcmp0 (variable->name, survey->id_variable) == 0 || excluded (exclude, variable))
        {
          i++;
          continue;
        }
      label = localized_text (b, variable->label, variable->name) ?: variable->name;
      stem = grid_stem (variable->name);
      stem_length = label_stem_length (label);

      /* A grid: the following variables of the same stem whose labels
       * share "Question: " and whose answers are the same. */
      while (stem != NULL && stem_length > 0 && end < survey->variables->len)
        {
          EvkVariable *next = g_ptr_array_index (survey->variables, end);
          g_autofree char *next_stem = grid_stem (next->name);
          const char *next_label = localized_text (b, next->label, next->name);

          if (next_stem == NULL || !g_str_equal (next_stem, stem) || next_label == NULL ||
              strncmp (next_label, label, stem_length + 2) != 0 ||
              next->value_labels->len != variable->value_labels->len || next->type != variable->type)
            break;
          end++;
        }

      if (end - i >= 2)
        {
          g_autofree char *question = g_strndup (label, stem_length);
          g_autofree char *range = g_strdup_printf ("%s–%s", variable->name,
                                                    ((EvkVariable *) g_ptr_array_index (survey->variables, end - 1))->name);

          add_question_heading (b, range, question);
          for (guint k = i; k < end; k++)
            {
              EvkVariable *item = g_ptr_array_index (survey->variables, k);
              const char *item_label = localized_text (b, item->label, item->name) ?: item->name;
              g_autofree char *line = g_strdup_printf ("%s  %s", item->name, item_label + stem_length + 2);
              EvkBlock *block = add_paragraph (b, line, EVK_PARA_OPTION);

              block->tight = TRUE;
              block->depth = 0;
            }
          {
            g_autofree char *options_label = g_strdup_printf ("%s:", word (b, "AnswerOptions"));
            EvkBlock *block = add_paragraph (b, options_label, EVK_PARA_OPTION);

            block->keep_with_next = TRUE;
            block->tight = TRUE;
          }
          add_options (b, variable);
        }
      else
        {
          add_question_heading (b, variable->name, label);
          add_options (b, variable);
        }
      i = end;
    }
}

/* Title page, front matter. */

static char *
get_meta (Builder    *b,
          const char *key)
{
  g_autofree char *meta_key = evk_report_meta_key (key);

  return evk_project_get_meta (b->project, meta_key, NULL);
}

/* Names the project knows are not divided: the strategy's titles and
 * owner, the responsible bodies and the report's authors. Their
 * capitalised words are never hyphenated (a reader must recognise
 * "Espegren" or "Hverdagsintegrering" at a glance); their other words,
 * in a report in another language than the strategy's, are hyphenated
 * with the patterns of the strategy's language ("samfunns-analyse", not
 * English "samfunnsanal-yse"). */
static void
add_hyphen_words (GHashTable    *words,
                  const char    *name,
                  EvkHyphenator *own)
{
  const char *p = name, *start = NULL;

  if (name == NULL)
    return;
  while (TRUE)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean letter = c != 0 && g_unichar_isalpha (c);

      if (letter && start == NULL)
        start = p;
      else if (!letter && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);

          if (g_unichar_isupper (g_utf8_get_char (word)))
            {
              /* The genitive too: "IMDis", "Espegrens". */
              g_hash_table_insert (words, g_strconcat (word, "s", NULL), NULL);
              g_hash_table_insert (words, g_steal_pointer (&word), NULL);
            }
          else if (own != NULL && !g_hash_table_contains (words, word))
            g_hash_table_insert (words, g_steal_pointer (&word), own);
          start = NULL;
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }
}

static GHashTable *
hyphen_words_new (Builder *b)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *langs[] = { b->source_lang, b->lang };
  g_autofree char *authors = get_meta (b, "Authors");

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      /* Lower-case words of the report's own language keep its patterns. */
      EvkHyphenator *own = langs[i] != NULL && g_strcmp0 (langs[i], b->lang) != 0
                             ? evk_hyphenator_get (langs[i]) : NULL;

      if (langs[i] == NULL)
        continue;
      add_hyphen_words (words, evk_localized_get (b->strategy->title, langs[i]), own);
      add_hyphen_words (words, evk_localized_get (b->strategy->short_title, langs[i]), own);
      add_hyphen_words (words, evk_localized_get (b->strategy->owner, langs[i]), own);
      for (guint k = 0; k < b->strategy->bodies->len; k++)
        {
          EvkBody *body = g_ptr_array_index (b->strategy->bodies, k);

          add_hyphen_words (words, evk_localized_get (body->name, langs[i]), own);
          add_hyphen_words (words, evk_localized_get (body->abbreviation, langs[i]), own);
        }
    }
  /* The authors' organisations are named in the source language. */
  add_hyphen_words (words, authors,
                    b->source_lang != NULL && g_strcmp0 (b->source_lang, b->lang) != 0
                      ? evk_hyphenator_get (b->source_lang) : NULL);
  return words;
}

/* "Today" for a report without a date of its own: SOURCE_DATE_EPOCH when
 * set (reproducible builds), so that the same project renders the same
 * file on any day. */
static GDateTime *
report_today (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_local ();
}

static char *
format_date (Builder    *b,
             const char *iso)
{
  g_autoptr(GDateTime) now = report_today ();
  g_auto(GStrv) months = NULL;
  g_autoptr(GString) s = g_string_new (word (b, "DateFormat"));
  const char *month_list = word (b, "Months");
  int year = g_date_time_get_year (now), month = g_date_time_get_month (now);
  int day = g_date_time_get_day_of_month (now);
  g_autofree char *day_text = NULL, *year_text = NULL;

  if (iso != NULL && sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    {
      year = g_date_time_get_year (now);
      month = g_date_time_get_month (now);
      day = g_date_time_get_day_of_month (now);
    }
  months = g_strsplit (month_list, ";", -1);
  day_text = g_strdup_printf ("%d", day);
  year_text = g_strdup_printf ("%d", year);
  g_string_replace (s, "{day}", day_text, 0);
  if (month >= 1 && month <= 12 && g_strv_length (months) >= 12)
    g_string_replace (s, "{month}", months[month - 1], 0);
  g_string_replace (s, "{year}", year_text, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
setting_text (Builder    *b,
              const char *key,
              GPtrArray  *keep)
{
  g_autofree char *field = evk_report_text_field (key);
  g_autofree char *what = g_strdup_printf ("report.ini [Report] %s", key);
  GHashTable *localized = project_text (b, field);

  g_ptr_array_add (keep, localized);
  return localized_text (b, localized, what);
}

static void
add_title_page (Builder *b)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autofree char *number = get_meta (b, "Number");
  g_autofree char *issn = get_meta (b, "ISSN");
  g_autofree char *date = get_meta (b, "Date");
  g_autofree char *authors = get_meta (b, "Authors");
  g_autofree char *date_text = NULL;
  EvkBlock *block = add_block (b, EVK_BLOCK_TITLE_PAGE);
  EvkTitlePage *t = g_new0 (EvkTitlePage, 1);
  const char *title = setting_text (b, "Title", keep);
  const char *subtitle = setting_text (b, "Subtitle", keep);
  const char *client = setting_text (b, "Client", keep);
  const char *place = setting_text (b, "Place", keep);
  const char *keywords = setting_text (b, "Keywords", keep);
  const char *strategy_title = required_text (b, b->strategy->title, _("the strategy’s title"));

  block->title_page = t;
  t->kicker = g_strdup (word (b, "EvaluationReport"));
  if (title != NULL)
    {
      t->title = g_strdup (title);
      t->subtitle = g_strdup (subtitle);
    }
  else
    t->title = word_with (b, "EvaluationOf", "title", strategy_title ?: "");
  if (client != NULL)
    t->client = word_with (b, "PreparedFor", "client", client);
  if (b->strategy->period != NULL)
    t->strategy = g_strdup_printf ("%s: %s", word (b, "Period"), b->strategy->period);
  t->authors = g_strdup (authors);
  if (number != NULL)
    t->number = word_with (b, "ReportNumber", "number", number);
  if (issn != NULL)
    t->issn = g_strdup_printf ("ISSN %s", issn);
  date_text = format_date (b, date);
  t->place_date = place != NULL ? g_strdup_printf ("%s, %s", place, date_text) : g_strdup (date_text);
  if (b->options->draft)
    t->draft = g_strdup (word (b, "Draft"));

  b->doc->title = g_strdup (t->title);
  /* The header is short: the report's own short title, else "Evaluation
   * of" the strategy's short title, and the full title only when there is
   * neither. */
  {
    const char *short_title = setting_text (b, "ShortTitle", keep);
    const char *strategy_short = evk_localized_get (b->strategy->short_title, b->lang);

    if (short_title != NULL)
      b->doc->running_title = g_strdup (short_title);
    else if (strategy_short != NULL && *strategy_short != '\0')
      b->doc->running_title = word_with (b, "EvaluationOf", "title", strategy_short);
    else
      b->doc->running_title = g_strdup (t->title);
  }
  b->doc->author = g_strdup (authors);
  b->doc->subject = g_strdup (strategy_title);
  if (keywords != NULL)
    {
      g_auto(GStrv) list = g_strsplit (keywords, ";", -1);

      b->doc->keywords = g_strjoinv (", ", list);
      g_strchomp (b->doc->keywords);
      if (g_str_has_suffix (b->doc->keywords, ","))
        b->doc->keywords[strlen (b->doc->keywords) - 1] = '\0';
    }
  if (date != NULL)
    b->doc->date = g_strdup (date);
  else
    {
      g_autoptr(GDateTime) today = report_today ();

      b->doc->date = g_date_time_format (today, "%Y-%m-%d");
    }
}

static void
add_contents (Builder        *b,
              EvkOutlinePart *part)
{
  EvkBlock *toc;

  b->doc->toc_title = g_strdup (part_title (b, part));
  open_unnumbered (b, b->doc->toc_title, "contents");
  /* The table of contents does not list itself. */
  last_block (b)->in_toc = FALSE;
  open_place (b, last_block (b), 1, g_strdup_printf ("part:%s", part->key));
  toc = add_block (b, EVK_BLOCK_TOC);
  toc->title = g_strdup (word (b, "Page"));
}

static void
add_references (Builder        *b,
                EvkOutlinePart *part)
{
  guint first = b->doc->blocks->len;

  add_chapter (b, part);
  for (guint i = first; i < b->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (b->doc->blocks, i);

      /* A reference list is set with hanging indents, not bullets. */
      if (block->kind == EVK_BLOCK_PARAGRAPH &&
          (block->style == EVK_PARA_BODY || block->style == EVK_PARA_LIST))
        {
          block->style = EVK_PARA_REFERENCE;
          g_clear_pointer (&block->marker, g_free);
          block->depth = 0;
          block->tight = FALSE;
        }
    }
}

/* The generated tables a narrative section asks for. */
static void
add_includes (Builder *b,
              GStrv    include)
{
  for (guint i = 0; include != NULL && include[i] != NULL && !failed (b); i++)
    {
      if (g_str_equal (include[i], "data-sources"))
        add_data_sources (b);
      else if (g_str_equal (include[i], "representativity"))
        add_representativity (b);
      else if (g_str_equal (include[i], "measures-overview"))
        add_measures_overview (b);
      else if (g_str_equal (include[i], "type-counts"))
        add_type_counts (b);
      else if (g_str_equal (include[i], "status-table"))
        add_status_table (b);
    }
}

static gboolean
project_has_documents (Builder *b)
{
  EvkProjectCounts counts = { 0 };

  return evk_project_get_counts (b->project, &counts, NULL) && counts.n_documents > 0;
}

/* Data sources with N and response rate, and the sample against the
 * population: what a reader needs to weigh every figure after it. */
static void
add_method (Builder        *b,
            EvkOutlinePart *part)
{
  if (failed (b) || (!b->has_survey && !project_has_documents (b)))
    return;
  open_part (b, part, part_title (b, part));
  if (evk_outline_part_flag (part, "DataSources"))
    add_data_sources (b);
  if (evk_outline_part_flag (part, "Representativity"))
    add_representativity (b);
}

static void
add_status (Builder        *b,
            EvkOutlinePart *part)
{
  EvkTable *table;

  if (failed (b) || b->strategy->measures->len == 0)
    return;
  open_part (b, part, part_title (b, part));
  if (evk_outline_part_flag (part, "Table"))
    add_status_table (b);
  if (evk_outline_part_flag (part, "Chart") && !failed (b))
    {
      table = status_table (b);
      add_figure (b, EVK_CHART_STATUS_SUMMARY, &table, 1, word (b, "StatusByGoal"), NULL, NULL);
    }
}

/* The document review: how many measures each code reached, and the
 * measures × codes matrix. */
static void
add_documents (Builder        *b,
               EvkOutlinePart *part)
{
  EvkTable *table;

  if (failed (b) || !project_has_documents (b))
    return;
  table = documents_table (b);
  if (table == NULL)
    return;
  open_part (b, part, part_title (b, part));
  if (evk_outline_part_flag (part, "Table"))
    {
      static const double widths[] = { 0.7, 0.3 };
      const char *header[] = { word (b, "DocumentCode"), word (b, "MeasuresCount") };
      EvkBlock *block = new_table (b, word (b, "MeasuresByCode"), 2, header, widths, "lr");
      g_autofree char *total = format_count (b, b->strategy->measures->len);

      block->key = g_strdup ("tab:documents");

      for (guint c = 0; c < table->columns->len; c++)
        {
          guint n = 0;

          for (guint r = 0; r < table->rows->len; r++)
            if (evk_table_row (table, r)->role != EVK_ENTRY_TOTAL && evk_table_cell (table, r, c)->n > 0)
              n++;
          {
            g_autofree char *count = format_count (b, n);
            g_autofree char *of = g_strdup_printf ("%s / %s", count, total);
            const char *cells[2] = { evk_localized_get (evk_table_column (table, c)->label, b->lang), of };

            table_add_row (b, block, cells, NULL);
          }
        }
    }
  if (evk_outline_part_flag (part, "Figure") && !failed (b))
    add_figure (b, EVK_CHART_DOCUMENTS_MATRIX, &table, 1, word (b, "DocumentReviewFigure"), NULL, NULL);
}

static int
compare_abbreviations (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const char *lang = user_data;
  g_autofree char *ka = g_utf8_collate_key (evk_localized_get ((*(EvkBody **) a)->abbreviation, lang), -1);
  g_autofree char *kb = g_utf8_collate_key (evk_localized_get ((*(EvkBody **) b)->abbreviation, lang), -1);

  return strcmp (ka, kb);
}

/* The responsible bodies' abbreviations, in the report's language. */
static void
add_abbreviations (Builder        *b,
                   EvkOutlinePart *part)
{
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();

  if (failed (b))
    return;
  for (guint i = 0; i < b->strategy->bodies->len; i++)
    {
      EvkBody *body = g_ptr_array_index (b->strategy->bodies, i);
      const char *abbreviation = evk_localized_get (body->abbreviation, b->lang);
      const char *name = evk_localized_get (body->name, b->lang);

      if (abbreviation != NULL && name != NULL && g_strcmp0 (abbreviation, name) != 0)
        g_ptr_array_add (bodies, body);
    }
  if (bodies->len == 0)
    return;
  g_ptr_array_sort_with_data (bodies, compare_abbreviations, (gpointer) b->lang);
  open_part (b, part, part_title (b, part));
  {
    static const double widths[] = { 0.22, 0.78 };
    const char *header[] = { word (b, "Abbreviation"), word (b, "FullName") };
    EvkBlock *block = new_table (b, word (b, "Abbreviations"), 2, header, widths, "ll");

    block->key = g_strdup ("tab:abbreviations");

    for (guint i = 0; i < bodies->len; i++)
      {
        EvkBody *body = g_ptr_array_index (bodies, i);
        const char *cells[2] = { evk_localized_get (body->abbreviation, b->lang),
                                 evk_localized_get (body->name, b->lang) };

        table_add_row (b, block, cells, NULL);
      }
  }
}

/* Cross-references. */

/* The key a figure or heading is referred to by, from the review place it
 * opens: places are named by keys that survive a re-import. */
static void
assign_keys (Builder *b)
{
  static const struct {
    EvkBlockKind kind;
    const char  *place;
    const char  *key;
  } prefixes[] = {
    { EVK_BLOCK_FIGURE, "chart:", "fig:" },
    { EVK_BLOCK_FIGURE, "figure:", "fig:" },
    { EVK_BLOCK_HEADING, "part:", "chap:" },
    { EVK_BLOCK_HEADING, "goal:", "chap:goal-" },
    { EVK_BLOCK_HEADING, "section:", "sec:" },
    { EVK_BLOCK_HEADING, "measure:", "sec:measure-" },
  };

  for (guint i = 0; i < b->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (b->doc->blocks, i);

      if (block->key != NULL || block->place == NULL || block->anchor == NULL)
        continue;
      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        if (block->kind == prefixes[p].kind && g_str_has_prefix (block->place, prefixes[p].place))
          {
            block->key = g_strconcat (prefixes[p].key, block->place + strlen (prefixes[p].place), NULL);
            break;
          }
    }
}

/* "figur 4-2", "kapittel 5", "side 0" (the page is set when the pages
 * are known, see EVK_SPAN_PAGE); *page_at is where its number starts. */
static char *
xref_text (Builder  *b,
           EvkXref  *xref,
           EvkBlock *block,
           gsize    *page_at)
{
  static const char * const words[] = { "RefFigure", "RefTable", "RefChapter", "RefSection" };
  GString *s = g_string_new (NULL);

  if (xref->page)
    {
      g_string_append_printf (s, "%s\u00a0", word (b, "RefPage"));
      *page_at = s->len;
      g_string_append_c (s, '0');
    }
  else if (block->label != NULL && strrchr (block->label, ' ') != NULL)
    g_string_append_printf (s, "%s\u00a0%s", word (b, words[xref->kind]), strrchr (block->label, ' ') + 1);
  else if (block->number != NULL)
    g_string_append_printf (s, "%s\u00a0%s", word (b, words[xref->kind]), block->number);
  else
    /* An unnumbered chapter is named by its title. */
    g_string_append (s, block->title != NULL ? block->title : "");
  if (xref->capital && s->len > 0)
    {
      g_autofree char *first = g_utf8_strup (s->str, g_utf8_next_char (s->str) - s->str);
      gsize n = g_utf8_next_char (s->str) - s->str;

      g_string_erase (s, 0, n);
      g_string_prepend (s, first);
      if (xref->page)
        *page_at += strlen (first) - n;
    }
  return g_string_free (s, FALSE);
}

static void
add_attr (EvkRichText    *text,
          PangoAttribute *attr,
          guint           start,
          guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (text->attrs, attr);
}

/* Every [@kind:key] of the narrative becomes the name and number of what
 * it names, linked to it; an unknown key stops a final report and is
 * printed marked in a draft. */
static void
resolve_xrefs (Builder *b)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  assign_keys (b);
  for (guint i = 0; i < b->doc->blocks->len; i++)
    {
      EvkBlock *block = g_ptr_array_index (b->doc->blocks, i);

      if (block->key != NULL && !g_hash_table_contains (keys, block->key))
        g_hash_table_insert (keys, block->key, block);
    }

  for (guint u = 0; u < b->xref_uses->len && !failed (b); u++)
    {
      XrefUse *use = &g_array_index (b->xref_uses, XrefUse, u);
      EvkRichText *text = use->text;

      for (guint s = 0; s < text->spans->len; s++)
        {
          EvkSpan *span = &g_array_index (text->spans, EvkSpan, s);
          g_autofree char *reference = NULL, *lookup = NULL, *replacement = NULL;
          guint start = span->start, end = span->end;
          gsize page_at = 0;
          EvkBlock *block;
          EvkXref xref;

          if (span->kind != EVK_SPAN_XREF)
            continue;
          reference = g_strdup (span->target);
          if (!evk_xref_parse (reference, &xref))
            continue;
          {
            const char *colon = strchr (xref.key, ':');
            g_autofree char *kind = g_ascii_strdown (xref.key, colon - xref.key);

            lookup = g_strconcat (kind, colon, NULL);
          }
          block = g_hash_table_lookup (keys, lookup);
          if (block == NULL)
            {
              if (!b->options->draft)
                {
                  g_set_error (&b->error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_REFERENCE,
                               _("%s/%s.md, section “%s”: [@%s]: the report has no figure, table, chapter or section with this key"),
                               b->lang, use->file, use->section, reference);
                  return;
                }
              /* A draft shows it where it stands, marked as missing text is. */
              replacement = g_strdup_printf ("⟦[@%s]⟧", reference);
              g_free (span->target);
              g_array_remove_index (text->spans, s);
              s--;
              evk_rich_text_replace (text, start, end, replacement);
              add_attr (text, pango_attr_foreground_new (0xc8 * 257, 0x10 * 257, 0x2e * 257), start,
                        start + strlen (replacement));
              add_attr (text, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, start + strlen (replacement));
              b->doc->n_unresolved++;
              continue;
            }
          replacement = xref_text (b, &xref, block, &page_at);
          evk_rich_text_replace (text, start, end, replacement);
          span = &g_array_index (text->spans, EvkSpan, s);
          span->kind = EVK_SPAN_LINK;
          g_free (span->target);
          span->target = g_strdup_printf ("#%s", block->anchor);
          /* "figur 4-2" never parts at a line end. */
          add_attr (text, pango_attr_allow_breaks_new (FALSE), start, start + strlen (replacement));
          if (xref.page)
            {
              EvkSpan page = { EVK_SPAN_PAGE, start + page_at, start + strlen (replacement),
                               g_strdup (block->anchor), 0 };

              g_array_append_val (text->spans, page);
            }
        }
    }
}

static void
add_goals (Builder        *b,
           EvkOutlinePart *part)
{
  for (guint g = 0; g < b->strategy->goals->len && !failed (b); g++)
    add_goal (b, part, g_ptr_array_index (b->strategy->goals, g));
}

static void
add_outline (Builder *b)
{
  for (guint p = 0; p < b->outline->parts->len && !failed (b); p++)
    {
      EvkOutlinePart *part = g_ptr_array_index (b->outline->parts, p);

      switch (part->kind)
        {
        case EVK_PART_CHAPTER:
          add_chapter (b, part);
          break;
        case EVK_PART_CONTENTS:
          add_contents (b, part);
          break;
        case EVK_PART_GOALS:
          add_goals (b, part);
          break;
        case EVK_PART_METHOD:
          add_method (b, part);
          break;
        case EVK_PART_STATUS:
          add_status (b, part);
          break;
        case EVK_PART_DOCUMENTS:
          add_documents (b, part);
          break;
        case EVK_PART_REFERENCES:
          add_references (b, part);
          break;
        case EVK_PART_ABBREVIATIONS:
          add_abbreviations (b, part);
          break;
        case EVK_PART_QUESTIONNAIRE:
          add_questionnaire (b, part);
          break;
        case EVK_N_PART_KINDS:
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
load_context (Builder  *b,
              GError  **error)
{
  g_auto(GStrv) surveys = NULL;

  b->project_texts = evk_text_index_load (b->store, EVK_NARRATIVE_ENTITY_PROJECT, error);
  if (b->project_texts == NULL)
    return FALSE;
  b->measure_texts = evk_text_index_load (b->store, EVK_NARRATIVE_ENTITY_MEASURE, error);
  if (b->measure_texts == NULL)
    return FALSE;

  b->measure_ids = evk_strategy_measure_ids (b->store, error);
  if (b->measure_ids == NULL)
    return FALSE;

  b->outline = evk_report_outline_load (b->project, error);
  if (b->outline == NULL)
    return FALSE;

  surveys = evk_survey_list (b->store, error);
  if (surveys == NULL)
    return FALSE;
  b->has_survey = surveys[0] != NULL;
  return TRUE;
}

EvkReportDoc *
evk_report_doc_build (EvkProject        *project,
                      const char        *lang,
                      EvkReportOptions  *options,
                      EvkLiveFigures    *figures,
                      GError           **error)
{
  g_autoptr(EvkReportDoc) doc = g_new0 (EvkReportDoc, 1);
  EvkStrategy *strategy;
  Builder b = { 0 };

  /* The strategy the tables are computed with, read once per render. */
  strategy = evk_table_source_get_strategy (evk_live_figures_get_source (figures), error);
  if (strategy == NULL)
    return NULL;
  if (!g_strv_contains ((const char * const *) strategy->languages, lang))
    {
      g_autofree char *have = g_strjoinv (", ", strategy->languages);

      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_LANGUAGE,
                   _("the project has no texts in “%s” (it has: %s)"), lang, have);
      return NULL;
    }

  doc->lang = g_strdup (lang);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->footnotes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) footnote_free);

  b.project = project;
  b.store = evk_project_get_store (project);
  b.lang = lang;
  b.source_lang = evk_strategy_source_language (strategy);
  b.options = options;
  b.figures = figures;
  b.hyphenator = evk_hyphenator_get (lang);
  b.strategy = strategy;
  b.mentioned = g_hash_table_new (g_str_hash, g_str_equal);
  b.owned_tables = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_table_free);
  b.doc = doc;

  if (!load_context (&b, error))
    goto out;
  b.charts = evk_project_list_charts (project, error);
  if (b.charts == NULL)
    goto out;
  for (guint i = 0; i < b.charts->len; i++)
    {
      EvkSavedChart *chart = g_ptr_array_index (b.charts, i);

      b.any_measure_chart |= chart->measure != 0;
      b.any_goal_chart |= chart->goal != NULL;
    }

  if (options->draft)
    doc->draft_word = g_strdup (word (&b, "Draft"));
  if (failed (&b))
    goto out;
  b.hyphen_words = hyphen_words_new (&b);
  b.xref_uses = g_array_new (FALSE, TRUE, sizeof (XrefUse));
  g_array_set_clear_func (b.xref_uses, (GDestroyNotify) xref_use_clear);
  add_title_page (&b);
  add_outline (&b);
  if (!failed (&b))
    resolve_xrefs (&b);

out:
  g_clear_pointer (&b.charts, g_ptr_array_unref);
  g_clear_pointer (&b.project_texts, evk_text_index_free);
  g_clear_pointer (&b.measure_texts, evk_text_index_free);
  g_clear_pointer (&b.measure_ids, g_hash_table_unref);
  g_clear_pointer (&b.outline, evk_outline_free);
  g_clear_pointer (&b.mentioned, g_hash_table_unref);
  g_clear_pointer (&b.hyphen_words, g_hash_table_unref);
  g_clear_pointer (&b.xref_uses, g_array_unref);
  close_places (&b, 0);
  if (error != NULL && *error != NULL)
    {
      g_clear_error (&b.error);
      g_ptr_array_unref (b.owned_tables);
      return NULL;
    }
  if (b.error != NULL)
    {
      g_propagate_error (error, b.error);
      g_ptr_array_unref (b.owned_tables);
      return NULL;
    }
  /* Generated tables live as long as the document's figures. */
  doc->owned_tables = b.owned_tables;
  return g_steal_pointer (&doc);
}
