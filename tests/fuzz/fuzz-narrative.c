/* fuzz-narrative.c: the narrative's Markdown with live figures
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a narrative file: split at its section markers, each
 * section parsed as the report parses it (hyphenated, with its {{live
 * figures}} resolved against the demo project cut small, as a draft or
 * not), and every paragraph turned into label markup. Errors are fine;
 * crashes, hangs and leaks are not.
 */
#include "config.h"

#include "evk-hyphenate.h"
#include "evk-live-figure.h"
#include "evk-markdown.h"
#include "evk-narrative.h"
#include "evk-project.h"
#include "fuzz-common.h"

static EvkProject *project;
static EvkLiveFigures *figures;
static guint n_inputs;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  evk_fuzz_init ();
  project = evk_project_open_read_only (evk_fuzz_project_path (), &error);
  g_assert_no_error (error);
  return 0;
}

static char *
resolve (const char  *reference,
         gpointer     user_data,
         GError     **error)
{
  return evk_live_figures_resolve (figures, reference, user_data, error);
}

static void
check_text (EvkRichText *text)
{
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  if (text == NULL)
    return;
  g_assert_true (g_utf8_validate (text->text, -1, NULL));
  markup = evk_rich_text_to_markup (text);
  g_assert_true (g_utf8_validate (markup, -1, NULL));
  plain = evk_rich_text_get_plain (text);
}

static void
check_blocks (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      EvkMdBlock *block = g_ptr_array_index (blocks, i);

      check_text (block->text);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          GPtrArray *cells = g_ptr_array_index (block->rows, r);

          g_assert_cmpuint (cells->len, >=, block->n_columns);
          for (guint c = 0; c < cells->len; c++)
            check_text (g_ptr_array_index (cells, c));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = evk_fuzz_string (data, size);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  /* The tables of the figures are kept between inputs, as in a report
   * build, but not without end. */
  if (figures == NULL || ++n_inputs % 256 == 0)
    {
      g_clear_pointer (&figures, evk_live_figures_free);
      figures = evk_live_figures_new (project);
    }

  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  sections = evk_narrative_split (text, "fuzz.md", &error);
  if (sections == NULL)
    {
      g_assert_nonnull (error);
      g_clear_error (&error);
      sections = g_ptr_array_new ();
    }

  for (guint i = 0; i <= sections->len; i++)
    {
      /* Each section, and the whole text once as if it had no markers. */
      const char *markdown = i < sections->len
        ? ((EvkNarrativeSection *) g_ptr_array_index (sections, i))->text : text;
      EvkMdOptions options = { 0 };
      g_autoptr(EvkMdDocument) document = NULL;

      options.hyphenator = evk_hyphenator_get (i % 2 == 0 ? "nb" : "en");
      options.resolve = resolve;
      options.user_data = i % 2 == 0 ? "nb" : "en";
      options.draft = size > 0 && (data[0] & 1);
      document = evk_markdown_parse (markdown, &options, &error);
      if (document == NULL)
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
          continue;
        }
      check_blocks (document->blocks);
      for (guint f = 0; f < document->footnotes->len; f++)
        check_blocks (((EvkMdFootnote *) g_ptr_array_index (document->footnotes, f))->blocks);
    }
  return 0;
}
