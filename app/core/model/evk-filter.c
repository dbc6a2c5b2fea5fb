/* evk-filter.c: respondent group filters ("q6_alt_1 in 1..4")
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grammar:
 *   expr    := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | cond
 *   cond    := target ("=" | "!=") NUM
 *            | target "in" NUM ".." NUM
 *            | target "in" "{" NUM ("," NUM)* "}"
 *   target  := VAR | "any" "(" varlist ")"
 *   varlist := VAR ("," VAR)* | VAR ".." VAR    (same prefix, numbered suffix)
 *   NUM     := [+-]? DIGITS ("." DIGITS)? ([eE] [+-]? DIGITS)?   (finite)
 *
 * Limits: a filter is typed by a person but also read from strategy files
 * and projects that anyone may have written, and the parser, the printer,
 * evk_filter_free and the evaluation in evk-rows.c all recurse on the
 * tree. So nesting ("(" and "not") is at most EVK_FILTER_MAX_NESTING deep,
 * a filter has at most EVK_FILTER_MAX_CONDITIONS conditions (a chain of
 * "and" is a tree as deep as it is long), a variable range at most
 * EVK_FILTER_MAX_RANGE names and a whole filter EVK_FILTER_MAX_NAMES.
 * Beyond them the filter is refused with one error.
 */
#define G_LOG_DOMAIN "evk-filter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evk-filter.h"

G_DEFINE_QUARK (evk-filter-error-quark, evk_filter_error)

typedef enum {
  TOK_END,
  TOK_WORD,
  TOK_NUMBER,
  TOK_TEXT,
  TOK_EQ,
  TOK_NE,
  TOK_DOTDOT,
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_LBRACE,
  TOK_RBRACE,
  TOK_COMMA,
} TokenKind;

typedef struct {
  const char *text;
  const char *pos;
  TokenKind   kind;
  char       *word;
  double      number;
  const char *start;
  guint       nesting;       /* "(" and "not" around the current token */
  guint       n_conditions;
  guint       n_names;
} Parser;

static gboolean
syntax_error (Parser      *p,
              GError     **error,
              const char  *what)
{
  /* A filter read from a project need not be valid UTF-8. */
  g_autofree char *quoted = g_utf8_make_valid (p->text, -1);

  /* One readable line, even for a filter of 100 kB. */
  if (g_utf8_strlen (quoted, -1) > 80)
    {
      g_autofree char *start = g_utf8_substring (quoted, 0, 60);

      g_free (quoted);
      quoted = g_strconcat (start, "…", NULL);
    }
  g_set_error (error, EVK_FILTER_ERROR, EVK_FILTER_ERROR_SYNTAX,
               _("filter “%s”: %s at column %d"), quoted, what,
               (int) (p->start - p->text) + 1);
  return FALSE;
}

static gboolean
next_token (Parser  *p,
            GError **error)
{
  const char *s = p->pos;

  g_clear_pointer (&p->word, g_free);
  while (g_ascii_isspace (*s))
    s++;
  p->start = s;

  if (*s == '\0')
    p->kind = TOK_END;
  else if (g_ascii_isalpha (*s) || *s == '_')
    {
      const char *e = s;
      while (g_ascii_isalnum (*e) || *e == '_' || *e == '.' ||
             (*e == '$' && e == s))
        {
          /* A ".." ends a word: "q16_1..q16_12". */
          if (*e == '.' && (e[1] == '.' || !g_ascii_isalnum (e[1])))
            break;
          e++;
        }
      p->word = g_strndup (s, e - s);
      p->kind = TOK_WORD;
      s = e;
    }
  else if (g_ascii_isdigit (*s) || ((*s == '-' || *s == '+') && g_ascii_isdigit (s[1])))
    {
      const char *e = s + 1;
      g_autofree char *num = NULL;

      while (g_ascii_isdigit (*e) || (*e == '.' && g_ascii_isdigit (e[1])))
        e++;
      /* An exponent, as the canonical text prints large and small
       * numbers ("1e+20"): what we print must read back. */
      if ((*e == 'e' || *e == 'E') &&
          (g_ascii_isdigit (e[1]) || ((e[1] == '+' || e[1] == '-') && g_ascii_isdigit (e[2]))))
        {
          e += 2;
          while (g_ascii_isdigit (*e))
            e++;
        }
      num = g_strndup (s, e - s);
      p->number = g_ascii_strtod (num, NULL);
      p->kind = TOK_NUMBER;
      /* Infinity has no text that reads back, and no survey holds it. */
      if (!isfinite (p->number))
        return syntax_error (p, error, _("the number is too large"));
      s = e;
    }
  else if (*s == '"' || *s == '\'')
    {
      /* A text, in double or single quotes; a backslash escapes the
       * quote and itself. */
      char quote = *s++;
      g_autoptr(GString) text = g_string_new (NULL);

      while (*s != quote)
        {
          if (*s == '\0')
            return syntax_error (p, error, _("the text has no closing quote"));
          if (*s == '\\' && (s[1] == quote || s[1] == '\\'))
            s++;
          g_string_append_c (text, *s++);
        }
      s++;
      if (!g_utf8_validate (text->str, text->len, NULL))
        return syntax_error (p, error, _("the text is not valid UTF-8"));
      p->word = g_string_free (g_steal_pointer (&text), FALSE);
      p->kind = TOK_TEXT;
    }
  else if (s[0] == '.' && s[1] == '.')
    p->kind = TOK_DOTDOT, s += 2;
  else if (s[0] == '!' && s[1] == '=')
    p->kind = TOK_NE, s += 2;
  else if (s[0] == '=' && s[1] == '=')
    p->kind = TOK_EQ, s += 2;
  else if (*s == '=')
    p->kind = TOK_EQ, s++;
  else if (*s == '(')
    p->kind = TOK_LPAREN, s++;
  else if (*s == ')')
    p->kind = TOK_RPAREN, s++;
  else if (*s == '{')
    p->kind = TOK_LBRACE, s++;
  else if (*s == '}')
    p->kind = TOK_RBRACE, s++;
  else if (*s == ',')
    p->kind = TOK_COMMA, s++;
  else
    return syntax_error (p, error, _("unexpected character"));

  p->pos = s;
  return TRUE;
}

static gboolean
is_keyword (Parser     *p,
            const char *keyword)
{
  return p->kind == TOK_WORD && g_ascii_strcasecmp (p->word, keyword) == 0;
}

static EvkFilter *parse_or (Parser *p, GError **error);

static gboolean
count_names (Parser  *p,
             guint    n,
             GError **error)
{
  p->n_names += n;
  if (p->n_names > EVK_FILTER_MAX_NAMES)
    return syntax_error (p, error, _("the filter names too many variables"));
  return TRUE;
}

/* "q16_1".."q16_12" → q16_1, q16_2, …, q16_12 */
static gboolean
expand_range (Parser       *p,
              const char   *first,
              const char   *last,
              GStrvBuilder *builder,
              GError      **error)
{
  gsize fl = strlen (first), ll = strlen (last);
  gsize fp = fl, lp = ll;
  g_autofree char *prefix = NULL;
  gint64 a, b;

  while (fp > 0 && g_ascii_isdigit (first[fp - 1]))
    fp--;
  while (lp > 0 && g_ascii_isdigit (last[lp - 1]))
    lp--;
  if (fp == fl || lp == ll || fp != lp || strncmp (first, last, fp) != 0)
    return syntax_error (p, error, _("a variable range needs the same name with numbers, like q16_1..q16_12"));

  /* Numbers beyond nine digits would saturate (and a loop up to
   * G_MAXINT64 never ends); no survey numbers its items so. */
  if (fl - fp > 9 || ll - lp > 9)
    return syntax_error (p, error, _("the variable range is empty or too long"));
  a = g_ascii_strtoll (first + fp, NULL, 10);
  b = g_ascii_strtoll (last + lp, NULL, 10);
  if (b < a || b - a >= EVK_FILTER_MAX_RANGE)
    return syntax_error (p, error, _("the variable range is empty or too long"));
  if (!count_names (p, (guint) (b - a + 1), error))
    return FALSE;

  prefix = g_strndup (first, fp);
  for (gint64 i = a; i <= b; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%" G_GINT64_FORMAT, prefix, i);
      g_strv_builder_add (builder, name);
    }
  return TRUE;
}

static gboolean
parse_target (Parser     *p,
              EvkFilter  *node,
              GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (p->kind != TOK_WORD)
    return syntax_error (p, error, _("expected a variable name"));

  if (is_keyword (p, "any"))
    {
      if (!next_token (p, error))
        return FALSE;
      if (p->kind != TOK_LPAREN)
        return syntax_error (p, error, _("expected “(” after “any”"));
      node->any = TRUE;
      do
        {
          g_autofree char *first = NULL;

          if (!next_token (p, error))
            return FALSE;
          if (p->kind != TOK_WORD)
            return syntax_error (p, error, _("expected a variable name"));
          first = g_steal_pointer (&p->word);
          if (!next_token (p, error))
            return FALSE;
          if (p->kind == TOK_DOTDOT)
            {
              if (!next_token (p, error))
                return FALSE;
              if (p->kind != TOK_WORD)
                return syntax_error (p, error, _("expected a variable name"));
              if (!expand_range (p, first, p->word, builder, error) ||
                  !next_token (p, error))
                return FALSE;
            }
          else
            {
              if (!count_names (p, 1, error))
                return FALSE;
              g_strv_builder_add (builder, first);
            }
        }
      while (p->kind == TOK_COMMA);
      if (p->kind != TOK_RPAREN)
        return syntax_error (p, error, _("expected “)”"));
    }
  else
    g_strv_builder_add (builder, p->word);

  node->variables = g_strv_builder_end (builder);
  return next_token (p, error);
}

static void
add_range (EvkFilter *node,
           double     lo,
           double     hi)
{
  g_array_append_val (node->ranges, lo);
  g_array_append_val (node->ranges, hi);
}

static EvkFilter *
parse_cond (Parser  *p,
            GError **error)
{
  g_autoptr(EvkFilter) node = g_new0 (EvkFilter, 1);

  node->op = EVK_FILTER_COMPARE;
  node->ranges = g_array_new (FALSE, FALSE, sizeof (double));

  if (++p->n_conditions > EVK_FILTER_MAX_CONDITIONS)
    return syntax_error (p, error, _("the filter has too many conditions")), NULL;

  if (!parse_target (p, node, error))
    return NULL;

  if (p->kind == TOK_EQ || p->kind == TOK_NE)
    {
      node->negate = p->kind == TOK_NE;
      if (!next_token (p, error))
        return NULL;
      if (p->kind == TOK_TEXT)
        {
          node->texts = g_new0 (char *, 2);
          node->texts[0] = g_steal_pointer (&p->word);
        }
      else if (p->kind != TOK_NUMBER)
        return syntax_error (p, error, _("expected a number")), NULL;
      else
        add_range (node, p->number, p->number);
      if (!next_token (p, error))
        return NULL;
    }
  else if (is_keyword (p, "in"))
    {
      if (!next_token (p, error))
        return NULL;
      if (p->kind == TOK_LBRACE && p->pos[strspn (p->pos, " \t\r\n")] != '\0' &&
          strchr ("\"'", p->pos[strspn (p->pos, " \t\r\n")]) != NULL)
        {
          /* A set of texts: in {"Nord", "Sør"}. */
          g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();

          do
            {
              if (!next_token (p, error))
                return NULL;
              if (p->kind != TOK_TEXT)
                return syntax_error (p, error, _("expected a text in quotes")), NULL;
              g_strv_builder_add (texts, p->word);
              if (!next_token (p, error))
                return NULL;
            }
          while (p->kind == TOK_COMMA);
          if (p->kind != TOK_RBRACE)
            return syntax_error (p, error, _("expected “}”")), NULL;
          if (!next_token (p, error))
            return NULL;
          node->texts = g_strv_builder_end (texts);
        }
      else if (p->kind == TOK_NUMBER)
        {
          double lo = p->number;
          if (!next_token (p, error))
            return NULL;
          if (p->kind != TOK_DOTDOT)
            return syntax_error (p, error, _("expected “..” in a range")), NULL;
          if (!next_token (p, error))
            return NULL;
          if (p->kind != TOK_NUMBER)
            return syntax_error (p, error, _("expected a number")), NULL;
          if (p->number < lo)
            return syntax_error (p, error, _("the range is empty")), NULL;
          add_range (node, lo, p->number);
          if (!next_token (p, error))
            return NULL;
        }
      else if (p->kind == TOK_LBRACE)
        {
          do
            {
              if (!next_token (p, error))
                return NULL;
              if (p->kind != TOK_NUMBER)
                return syntax_error (p, error, _("expected a number")), NULL;
              add_range (node, p->number, p->number);
              if (!next_token (p, error))
                return NULL;
            }
          while (p->kind == TOK_COMMA);
          if (p->kind != TOK_RBRACE)
            return syntax_error (p, error, _("expected “}”")), NULL;
          if (!next_token (p, error))
            return NULL;
        }
      else
        return syntax_error (p, error, _("expected a range or a set after “in”")), NULL;
    }
  else
    return syntax_error (p, error, _("expected “=”, “!=” or “in”")), NULL;

  return g_steal_pointer (&node);
}

static EvkFilter *parse_unary (Parser *p, GError **error);

/* A "(" or a "not" one level deeper; refused past the limit before the
 * recursion goes on, so the stack never holds more than the limit. */
static EvkFilter *
parse_nested (Parser     *p,
              EvkFilter *(*inner) (Parser *, GError **),
              GError    **error)
{
  EvkFilter *node;

  if (p->nesting >= EVK_FILTER_MAX_NESTING)
    return syntax_error (p, error, _("the filter is nested too deeply")), NULL;
  p->nesting++;
  node = inner (p, error);
  p->nesting--;
  return node;
}

static EvkFilter *
parse_unary (Parser  *p,
             GError **error)
{
  if (is_keyword (p, "not"))
    {
      g_autoptr(EvkFilter) node = g_new0 (EvkFilter, 1);

      node->op = EVK_FILTER_NOT;
      if (!next_token (p, error))
        return NULL;
      node->left = parse_nested (p, parse_unary, error);
      return node->left != NULL ? g_steal_pointer (&node) : NULL;
    }

  if (p->kind == TOK_LPAREN)
    {
      g_autoptr(EvkFilter) inner = NULL;

      if (!next_token (p, error))
        return NULL;
      inner = parse_nested (p, parse_or, error);
      if (inner == NULL)
        return NULL;
      if (p->kind != TOK_RPAREN)
        return syntax_error (p, error, _("expected “)”")), NULL;
      if (!next_token (p, error))
        return NULL;
      return g_steal_pointer (&inner);
    }

  return parse_cond (p, error);
}

static EvkFilter *
parse_binary (Parser      *p,
              const char  *keyword,
              EvkFilterOp  op,
              EvkFilter *(*operand) (Parser *, GError **),
              GError     **error)
{
  g_autoptr(EvkFilter) left = operand (p, error);

  if (left == NULL)
    return NULL;
  while (is_keyword (p, keyword))
    {
      g_autoptr(EvkFilter) node = g_new0 (EvkFilter, 1);

      if (!next_token (p, error))
        return NULL;
      node->op = op;
      node->left = g_steal_pointer (&left);
      node->right = operand (p, error);
      if (node->right == NULL)
        return NULL;
      left = g_steal_pointer (&node);
    }
  return g_steal_pointer (&left);
}

static EvkFilter *
parse_and (Parser  *p,
           GError **error)
{
  return parse_binary (p, "and", EVK_FILTER_AND, parse_unary, error);
}

static EvkFilter *
parse_or (Parser  *p,
          GError **error)
{
  return parse_binary (p, "or", EVK_FILTER_OR, parse_and, error);
}

EvkFilter *
evk_filter_parse (const char  *text,
                  GError     **error)
{
  Parser p = { text, text, TOK_END, NULL, 0, text, 0, 0, 0 };
  g_autoptr(EvkFilter) filter = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (next_token (&p, error))
    {
      if (p.kind == TOK_END)
        syntax_error (&p, error, _("the filter is empty"));
      else
        {
          filter = parse_or (&p, error);
          if (filter != NULL && p.kind != TOK_END)
            {
              syntax_error (&p, error, _("unexpected text"));
              g_clear_pointer (&filter, evk_filter_free);
            }
        }
    }
  g_free (p.word);
  return g_steal_pointer (&filter);
}

void
evk_filter_free (EvkFilter *filter)
{
  if (filter == NULL)
    return;
  evk_filter_free (filter->left);
  evk_filter_free (filter->right);
  g_strfreev (filter->variables);
  if (filter->ranges != NULL)
    g_array_unref (filter->ranges);
  g_strfreev (filter->texts);
  g_free (filter);
}

/* SEEN keeps the lookup linear: a filter may name 20,000 variables, and a
 * search of the list for each name was 200 million comparisons. */
static void
collect_variables (EvkFilter  *filter,
                   GPtrArray  *names,
                   GHashTable *seen)
{
  if (filter == NULL)
    return;
  collect_variables (filter->left, names, seen);
  collect_variables (filter->right, names, seen);
  for (guint i = 0; filter->variables != NULL && filter->variables[i] != NULL; i++)
    if (g_hash_table_add (seen, filter->variables[i]))
      g_ptr_array_add (names, g_strdup (filter->variables[i]));
}

GStrv
evk_filter_get_variables (EvkFilter *filter)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  collect_variables (filter, names, seen);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
append_number (GString *s,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
to_string (EvkFilter *filter,
           GString   *s,
           int        parent_prec)
{
  int prec = filter->op == EVK_FILTER_OR ? 1 : filter->op == EVK_FILTER_AND ? 2 : 3;
  guint n;

  if (prec < parent_prec)
    g_string_append_c (s, '(');

  switch (filter->op)
    {
    case EVK_FILTER_AND:
    case EVK_FILTER_OR:
      to_string (filter->left, s, prec);
      g_string_append (s, filter->op == EVK_FILTER_AND ? " and " : " or ");
      to_string (filter->right, s, prec + 1);
      break;

    case EVK_FILTER_NOT:
      g_string_append (s, "not ");
      to_string (filter->left, s, 3);
      break;

    case EVK_FILTER_COMPARE:
    default:
      if (filter->any)
        {
          g_autofree char *list = g_strjoinv (", ", filter->variables);
          g_string_append_printf (s, "any(%s)", list);
        }
      else
        g_string_append (s, filter->variables[0]);

      if (filter->texts != NULL)
        {
          guint n_texts = g_strv_length (filter->texts);

          g_string_append (s, n_texts == 1 ? (filter->negate ? " != " : " = ") : " in {");
          for (guint i = 0; i < n_texts; i++)
            {
              if (i > 0)
                g_string_append (s, ", ");
              g_string_append_c (s, '"');
              for (const char *c = filter->texts[i]; *c != '\0'; c++)
                {
                  if (*c == '"' || *c == '\\')
                    g_string_append_c (s, '\\');
                  g_string_append_c (s, *c);
                }
              g_string_append_c (s, '"');
            }
          if (n_texts != 1)
            g_string_append_c (s, '}');
          break;
        }
      n = filter->ranges->len / 2;
      if (n == 1 && g_array_index (filter->ranges, double, 0) == g_array_index (filter->ranges, double, 1))
        {
          g_string_append (s, filter->negate ? " != " : " = ");
          append_number (s, g_array_index (filter->ranges, double, 0));
        }
      else if (n == 1)
        {
          g_string_append (s, " in ");
          append_number (s, g_array_index (filter->ranges, double, 0));
          g_string_append (s, "..");
          append_number (s, g_array_index (filter->ranges, double, 1));
        }
      else
        {
          g_string_append (s, " in {");
          for (guint i = 0; i < n; i++)
            {
              if (i > 0)
                g_string_append (s, ", ");
              append_number (s, g_array_index (filter->ranges, double, 2 * i));
            }
          g_string_append_c (s, '}');
        }
      break;
    }

  if (prec < parent_prec)
    g_string_append_c (s, ')');
}

char *
evk_filter_to_string (EvkFilter *filter)
{
  GString *s = g_string_new (NULL);

  to_string (filter, s, 0);
  return g_string_free (s, FALSE);
}

gboolean
evk_filter_compare_value (EvkFilter *filter,
                          double     value)
{
  gboolean match = FALSE;

  if (isnan (value))
    return FALSE;
  for (guint i = 0; i + 1 < filter->ranges->len && !match; i += 2)
    match = value >= g_array_index (filter->ranges, double, i) &&
            value <= g_array_index (filter->ranges, double, i + 1);
  return filter->negate ? !match : match;
}
