/* test-word-diff.c: what changed in a source text, word by word
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "evk-word-diff.h"

/* The pieces as "=same", "-deleted", "+inserted", joined with '|'. */
static char *
spell (GPtrArray *pieces)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      EvkDiffPiece *piece = g_ptr_array_index (pieces, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_c (out, piece->op == EVK_DIFF_SAME ? '=' : piece->op == EVK_DIFF_DELETED ? '-' : '+');
      g_string_append (out, piece->text);
    }
  return g_string_free (out, FALSE);
}

/* The old text from SAME and DELETED, the new one from SAME and INSERTED. */
static void
assert_spells (GPtrArray  *pieces,
               const char *old_text,
               const char *new_text)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      EvkDiffPiece *piece = g_ptr_array_index (pieces, i);

      g_assert_cmpuint (strlen (piece->text), >, 0);
      if (i > 0)
        g_assert_cmpint (piece->op, !=, ((EvkDiffPiece *) g_ptr_array_index (pieces, i - 1))->op);
      if (piece->op != EVK_DIFF_INSERTED)
        g_string_append (a, piece->text);
      if (piece->op != EVK_DIFF_DELETED)
        g_string_append (b, piece->text);
    }
  g_assert_cmpstr (a->str, ==, old_text);
  g_assert_cmpstr (b->str, ==, new_text);
}

static void
check (const char *old_text,
       const char *new_text,
       const char *expected)
{
  g_autoptr(GPtrArray) pieces = evk_word_diff (old_text, new_text);
  g_autofree char *spelled = spell (pieces);

  g_assert_cmpstr (spelled, ==, expected);
  assert_spells (pieces, old_text != NULL ? old_text : "", new_text != NULL ? new_text : "");
}

static void
test_word_diff_basic (void)
{
  check ("The offer reached 40 schools.", "The offer reached 40 schools.",
         "=The offer reached 40 schools.");
  check ("The offer reached 40 schools.", "The offer reached 52 schools.",
         "=The offer reached |-40|+52|= schools.");
  check ("Many pupils took part.", "Many pupils and teachers took part.",
         "=Many pupils |+and teachers |=took part.");
  check ("Many pupils and teachers took part.", "Many pupils took part.",
         "=Many pupils |-and teachers |=took part.");
  check (NULL, "New text", "+New text");
  check ("Old text", "", "-Old text");
  check ("", NULL, "");
}

static void
test_word_diff_markdown (void)
{
  /* Markdown and line breaks are words and space like any other. */
  check ("## Results\n\nThe **share** rose.", "## Results\n\nThe **share** fell.\n\n- one",
         "=## Results\n\nThe **share** |-rose.|+fell.\n\n- one");
  /* Non-ASCII letters stay whole; a changed space is a change. */
  check ("Målet er nådd", "Målet  er nådd", "=Målet|- |+  |=er nådd");
}

static guint
count_op (GPtrArray *pieces,
          EvkDiffOp  op)
{
  guint n = 0;

  for (guint i = 0; i < pieces->len; i++)
    if (((EvkDiffPiece *) g_ptr_array_index (pieces, i))->op == op)
      n++;
  return n;
}

/* A long text with every hundredth word changed, compared word by word;
 * one too long for that comes out whole, still spelling both texts. */
static void
check_long (guint n_words,
            guint n_insertions)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GPtrArray) pieces = NULL;

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append_printf (a, "w%u ", i);
      g_string_append_printf (b, i % 100 == 50 ? "x%u " : "w%u ", i);
    }
  pieces = evk_word_diff (a->str, b->str);
  assert_spells (pieces, a->str, b->str);
  g_assert_cmpuint (count_op (pieces, EVK_DIFF_INSERTED), ==, n_insertions);
  g_assert_cmpuint (count_op (pieces, EVK_DIFF_DELETED), ==, n_insertions);
}

static void
test_word_diff_long (void)
{
  check_long (900, 9);
  check_long (20000, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evk/word-diff/basic", test_word_diff_basic);
  g_test_add_func ("/evk/word-diff/markdown", test_word_diff_markdown);
  g_test_add_func ("/evk/word-diff/long", test_word_diff_long);
  return g_test_run ();
}
