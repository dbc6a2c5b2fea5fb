/* evk-markdown.c: narrative Markdown (cmark-gfm) as rich text blocks for the report
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-markdown"

#include "config.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-markdown.h"

G_DEFINE_QUARK (evk-markdown-error-quark, evk_markdown_error)

/* A narrative is data that travels (review copies, imported PO files): a
 * link in it must not make a reader's PDF viewer or the window open a
 * local file, run script or reach a share. Only web and mail links, and
 * the report's own "#anchor" cross-references, are links. */
gboolean
evk_markdown_link_is_allowed (const char *target)
{
  static const char * const schemes[] = { "http:", "https:", "mailto:" };

  if (target == NULL || *target == '\0')
    return FALSE;
  if (target[0] == '#')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strncasecmp (target, schemes[i], strlen (schemes[i])) == 0)
      return TRUE;
  return FALSE;
}

gboolean
evk_xref_parse (const char *reference,
                EvkXref    *xref)
{
  static const struct {
    const char  *name;
    EvkXrefKind  kind;
  } kinds[] = {
    { "fig", EVK_XREF_FIGURE },
    { "tab", EVK_XREF_TABLE },
    { "chap", EVK_XREF_CHAPTER },
    { "sec", EVK_XREF_SECTION },
  };
  const char *rest = reference;
  EvkXref x = { 0 };

  if (g_ascii_strncasecmp (rest, "page:", 5) == 0)
    {
      x.page = TRUE;
      x.capital = g_ascii_isupper (rest[0]);
      rest += 5;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize n = strlen (kinds[i].name);

      if (g_ascii_strncasecmp (rest, kinds[i].name, n) != 0 || rest[n] != ':' || rest[n + 1] == '\0')
        continue;
      /* A key is what evk_outline_key_is_valid allows, and '/' between a
       * chapter's key and its section's. */
      for (const char *k = rest + n + 1; *k != '\0'; k++)
        if (!g_ascii_isalnum (*k) && *k != '-' && *k != '/' && *k != '_')
          return FALSE;
      x.kind = kinds[i].kind;
      if (!x.page)
        x.capital = g_ascii_isupper (rest[0]);
      x.key = rest;
      if (xref != NULL)
        *xref = x;
      return TRUE;
    }
  return FALSE;
}

/* Unresolved references in a draft: a red that stays apart in greyscale
 * print too, because it is also bold. */
#define DRAFT_RED_R 0xc8
#define DRAFT_RED_G 0x10
#define DRAFT_RED_B 0x2e

/* Block quotes, lists and emphasis inside each other. cmark-gfm parses any
 * depth without recursing, but we walk its tree recursively, and a text
 * of 100,000 ">" (a pasted or crafted project) would run off the stack;
 * no report needs more than a few levels. */
#define EVK_MARKDOWN_MAX_NESTING 32

typedef struct {
  EvkMdOptions  *options;
  EvkMdDocument *document;
  GHashTable    *footnote_numbers; /* label → number, this text's own */
  GPtrArray     *footnote_order;   /* labels in order of first reference */
  guint          next_definition;
  guint          next_footnote;
  guint          nesting;
  GError        *error;
} Parser;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_parser, cmark_parser_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)

EvkRichText *
evk_rich_text_new (void)
{
  EvkRichText *text = g_new0 (EvkRichText, 1);

  text->text = g_strdup ("");
  text->attrs = pango_attr_list_new ();
  text->spans = g_array_new (FALSE, TRUE, sizeof (EvkSpan));
  return text;
}

void
evk_rich_text_free (EvkRichText *text)
{
  if (text == NULL)
    return;
  for (guint i = 0; i < text->spans->len; i++)
    g_free (g_array_index (text->spans, EvkSpan, i).target);
  g_array_unref (text->spans);
  pango_attr_list_unref (text->attrs);
  g_free (text->text);
  g_free (text);
}

EvkRichText *
evk_rich_text_new_hyphenated (const char    *plain,
                              EvkHyphenator *hyphenator,
                              GHashTable    *hyphen_words)
{
  EvkRichText *text = evk_rich_text_new ();

  g_free (text->text);
  text->text = hyphenator != NULL ? evk_hyphenator_hyphenate_full (hyphenator, plain, hyphen_words, TRUE)
                                  : g_strdup (plain);
  return text;
}

EvkRichText *
evk_rich_text_new_plain (const char    *plain,
                         EvkHyphenator *hyphenator)
{
  return evk_rich_text_new_hyphenated (plain, hyphenator, NULL);
}

/* Spans after a deletion of length bytes at pos move back. */
static void
spans_delete (GArray *spans,
              guint   pos,
              guint   length)
{
  for (guint i = 0; i < spans->len; i++)
    {
      EvkSpan *span = &g_array_index (spans, EvkSpan, i);

      if (span->start > pos)
        span->start = span->start >= pos + length ? span->start - length : pos;
      if (span->end > pos)
        span->end = span->end >= pos + length ? span->end - length : pos;
    }
}

void
evk_rich_text_delete (EvkRichText *text,
                      guint        pos,
                      guint        length)
{
  gsize total;

  g_return_if_fail (text != NULL);
  total = strlen (text->text);
  g_return_if_fail (pos <= total && length <= total - pos);

  memmove (text->text + pos, text->text + pos + length, total - pos - length + 1);
  pango_attr_list_update (text->attrs, (int) pos, (int) length, 0);
  spans_delete (text->spans, pos, length);
}

void
evk_rich_text_replace (EvkRichText *text,
                       guint        start,
                       guint        end,
                       const char  *replacement)
{
  g_autoptr(GString) s = NULL;
  guint length = strlen (replacement);

  g_return_if_fail (text != NULL);
  g_return_if_fail (start <= end && end <= strlen (text->text));

  s = g_string_new (text->text);
  g_string_erase (s, start, end - start);
  g_string_insert (s, start, replacement);
  g_free (text->text);
  text->text = g_string_free (g_steal_pointer (&s), FALSE);
  pango_attr_list_update (text->attrs, (int) start, (int) (end - start), (int) length);
  for (guint i = 0; i < text->spans->len; i++)
    {
      EvkSpan *span = &g_array_index (text->spans, EvkSpan, i);

      /* An insertion goes before the spans that start where it is; a
       * replacement moves the spans after it, and a span that holds it
       * grows or shrinks with it. */
      if (start == end)
        {
          if (span->end > start || (span->end == start && span->start == start))
            span->end += length;
          if (span->start >= start)
            span->start += length;
          continue;
        }
      if (span->start >= end)
        span->start = span->start + length - (end - start);
      if (span->end >= end)
        span->end = span->end + length - (end - start);
      else if (span->end > start)
        span->end = start + length;
    }
}

char *
evk_rich_text_get_plain (EvkRichText *text)
{
  GString *out = g_string_new (text->text);

  g_string_replace (out, "\u00ad", "", 0);
  return g_string_free (out, FALSE);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The span attributes of one run: one value per kind, so an attribute
 * that is set twice (a bold reference inside strong text) is written once. */
enum { MARKUP_STYLE, MARKUP_WEIGHT, MARKUP_STRIKE, MARKUP_COLOR, MARKUP_FAMILY, MARKUP_RISE,
       MARKUP_SIZE, N_MARKUP };

static void
markup_attr (PangoAttribute *attr,
             char          **values)
{
  char *value = NULL;
  guint kind;

  switch ((int) attr->klass->type)
    {
    case PANGO_ATTR_STYLE:
      kind = MARKUP_STYLE;
      value = g_strdup (((PangoAttrInt *) attr)->value == PANGO_STYLE_NORMAL ? "normal" : "italic");
      break;
    case PANGO_ATTR_WEIGHT:
      kind = MARKUP_WEIGHT;
      value = g_strdup_printf ("%d", ((PangoAttrInt *) attr)->value);
      break;
    case PANGO_ATTR_STRIKETHROUGH:
      kind = MARKUP_STRIKE;
      value = g_strdup (((PangoAttrInt *) attr)->value ? "true" : "false");
      break;
    case PANGO_ATTR_FOREGROUND:
      {
        PangoColor *color = &((PangoAttrColor *) attr)->color;

        kind = MARKUP_COLOR;
        value = g_strdup_printf ("#%02x%02x%02x", color->red >> 8, color->green >> 8, color->blue >> 8);
        break;
      }
    case PANGO_ATTR_FAMILY:
      {
        g_autofree char *family = g_markup_escape_text (((PangoAttrString *) attr)->value, -1);

        kind = MARKUP_FAMILY;
        value = g_strdup (family);
        break;
      }
    case PANGO_ATTR_RISE:
      kind = MARKUP_RISE;
      value = g_strdup_printf ("%d", ((PangoAttrInt *) attr)->value);
      break;
    case PANGO_ATTR_SCALE:
      kind = MARKUP_SIZE;
      value = g_strdup (((PangoAttrFloat *) attr)->value < 1.0 ? "smaller" : "larger");
      break;
    default:
      return;
    }
  g_free (values[kind]);
  values[kind] = value;
}

char *
evk_rich_text_to_markup (EvkRichText *text)
{
  static const char *names[N_MARKUP] = { "style", "weight", "strikethrough", "foreground",
                                         "font_family", "rise", "size" };
  guint length = strlen (text->text);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) out = g_string_new (NULL);
  GSList *attrs = pango_attr_list_get_attributes (text->attrs);
  guint zero = 0;

  g_array_append_val (bounds, zero);
  g_array_append_val (bounds, length);
  for (GSList *l = attrs; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;
      guint start = MIN (attr->start_index, length), end = MIN (attr->end_index, length);

      g_array_append_val (bounds, start);
      g_array_append_val (bounds, end);
    }
  for (guint i = 0; i < text->spans->len; i++)
    {
      EvkSpan *span = &g_array_index (text->spans, EvkSpan, i);
      guint start = MIN (span->start, length), end = MIN (span->end, length);

      if (span->kind != EVK_SPAN_LINK)
        continue;
      g_array_append_val (bounds, start);
      g_array_append_val (bounds, end);
    }
  g_array_sort (bounds, compare_guint);

  /* Runs between any two boundaries carry the same attributes; a link
   * starts and ends on boundaries, so its <a> nests around whole runs. */
  for (guint i = 0; i + 1 < bounds->len; i++)
    {
      guint start = g_array_index (bounds, guint, i), end = g_array_index (bounds, guint, i + 1);
      g_autofree char *escaped = NULL;
      char *values[N_MARKUP] = { NULL };
      gboolean any = FALSE;

      if (start >= end)
        continue;
      for (guint k = 0; k < text->spans->len; k++)
        {
          EvkSpan *span = &g_array_index (text->spans, EvkSpan, k);

          if (span->kind == EVK_SPAN_LINK && span->start == start && span->end > span->start)
            {
              g_autofree char *href = g_markup_escape_text (span->target != NULL ? span->target : "", -1);
              g_string_append_printf (out, "<a href=\"%s\">", href);
            }
        }
      for (GSList *l = attrs; l != NULL; l = l->next)
        {
          PangoAttribute *attr = l->data;

          if (attr->start_index <= start && attr->end_index >= end)
            markup_attr (attr, values);
        }
      for (guint v = 0; v < N_MARKUP; v++)
        any = any || values[v] != NULL;
      if (any)
        {
          g_string_append (out, "<span");
          for (guint v = 0; v < N_MARKUP; v++)
            if (values[v] != NULL)
              g_string_append_printf (out, " %s=\"%s\"", names[v], values[v]);
          g_string_append_c (out, '>');
        }
      escaped = g_markup_escape_text (text->text + start, end - start);
      g_string_append (out, escaped);
      if (any)
        g_string_append (out, "</span>");
      for (guint v = 0; v < N_MARKUP; v++)
        g_free (values[v]);
      for (guint k = 0; k < text->spans->len; k++)
        {
          EvkSpan *span = &g_array_index (text->spans, EvkSpan, k);

          if (span->kind == EVK_SPAN_LINK && span->end == end && span->end > span->start)
            g_string_append (out, "</a>");
        }
    }
  g_slist_free_full (attrs, (GDestroyNotify) pango_attribute_destroy);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
md_block_free (EvkMdBlock *block)
{
  g_free (block->marker);
  g_clear_pointer (&block->text, evk_rich_text_free);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->align);
  g_free (block->key);
  g_clear_pointer (&block->caption, evk_rich_text_free);
  g_free (block);
}

static void
md_footnote_free (EvkMdFootnote *footnote)
{
  g_free (footnote->label);
  g_ptr_array_unref (footnote->blocks);
  g_free (footnote);
}

void
evk_md_document_free (EvkMdDocument *document)
{
  if (document == NULL)
    return;
  g_ptr_array_unref (document->blocks);
  g_ptr_array_unref (document->footnotes);
  g_free (document);
}

/* Inline building: a GString and attributes whose start is remembered on
 * entering a node and whose end is set on leaving it. */
typedef struct {
  GString       *text;
  PangoAttrList *attrs;
  GArray        *spans;
} Builder;

static void
builder_add_attr (Builder        *b,
                  PangoAttribute *attr,
                  guint           start)
{
  attr->start_index = start;
  attr->end_index = b->text->len;
  if (attr->end_index > attr->start_index)
    pango_attr_list_insert (b->attrs, attr);
  else
    pango_attribute_destroy (attr);
}

static void
append_text (Parser     *p,
             Builder    *b,
             const char *text,
             gsize       length,
             gboolean    hyphenate)
{
  if (hyphenate && p->options->hyphenator != NULL)
    {
      g_autofree char *plain = g_strndup (text, length);
      const char *end = b->text->str + b->text->len;
      gboolean starts_sentence = TRUE;
      g_autofree char *soft = NULL;

      /* Text after emphasis or a link goes on the sentence before it. */
      while (end > b->text->str)
        {
          const char *prev = g_utf8_find_prev_char (b->text->str, end);
          gunichar c = g_utf8_get_char (prev);

          if (!g_unichar_isspace (c) && c != '(' && c != 0xab && c != 0x201c && c != '"')
            {
              starts_sentence = c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2028;
              break;
            }
          end = prev;
        }
      soft = evk_hyphenator_hyphenate_full (p->options->hyphenator, plain, p->options->hyphen_words,
                                            starts_sentence);

      g_string_append (b->text, soft);
    }
  else
    g_string_append_len (b->text, text, length);
}

/* A cross-reference ([@fig:KEY]): its text as written, in a span the
 * report's builder resolves once every number is known. */
static void
append_xref (Builder    *b,
             const char *reference)
{
  EvkSpan span = { EVK_SPAN_XREF, 0, 0, NULL, 0 };

  /* As written, so that a preview that does not resolve it shows it so. */
  span.start = b->text->len;
  g_string_append_printf (b->text, "[@%s]", reference);
  span.end = b->text->len;
  span.target = g_strdup (reference);
  g_array_append_val (b->spans, span);
}

/* Text with {{live figures}} resolved in place and [@cross-references]
 * marked. */
static gboolean
append_live_text (Parser     *p,
                  Builder    *b,
                  const char *text,
                  gboolean    hyphenate)
{
  const char *rest = text;

  while (TRUE)
    {
      const char *open = strstr (rest, "{{");
      const char *xref = strstr (rest, "[@");
      const char *close;
      g_autofree char *reference = NULL, *value = NULL;
      g_autoptr(GError) local_error = NULL;

      if (xref != NULL && (open == NULL || xref < open))
        {
          const char *end = strchr (xref, ']');

          append_text (p, b, rest, xref - rest, hyphenate);
          if (end != NULL)
            reference = g_strndup (xref + 2, end - xref - 2);
          if (reference != NULL && evk_xref_parse (reference, NULL))
            {
              append_xref (b, reference);
              rest = end + 1;
            }
          else
            {
              /* Not a reference ("[@" in a text about e-mail): as written. */
              append_text (p, b, xref, 2, FALSE);
              rest = xref + 2;
            }
          continue;
        }
      if (open == NULL)
        {
          append_text (p, b, rest, strlen (rest), hyphenate);
          return TRUE;
        }
      append_text (p, b, rest, open - rest, hyphenate);
      close = strstr (open + 2, "}}");
      if (close == NULL)
        {
          g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_REFERENCE,
                       _("“%.40s”: a reference that is opened with {{ is not closed with }}"), open);
          return FALSE;
        }
      reference = g_strstrip (g_strndup (open + 2, close - open - 2));
      if (p->options->resolve != NULL)
        value = p->options->resolve (reference, p->options->user_data, &local_error);
      else
        g_set_error_literal (&local_error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_REFERENCE,
                             _("live figures are not available here"));

      if (value != NULL)
        append_text (p, b, value, strlen (value), FALSE);
      else if (p->options->draft)
        {
          guint start = b->text->len;

          g_string_append_printf (b->text, "{{%s}}", reference);
          builder_add_attr (b, pango_attr_foreground_new (DRAFT_RED_R * 257, DRAFT_RED_G * 257,
                                                          DRAFT_RED_B * 257), start);
          builder_add_attr (b, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
          p->options->n_unresolved++;
        }
      else
        {
          g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_REFERENCE,
                       "{{%s}}: %s", reference, local_error->message);
          return FALSE;
        }
      rest = close + 2;
    }
}

static guint
footnote_number (Parser     *p,
                 const char *label)
{
  gpointer number = g_hash_table_lookup (p->footnote_numbers, label);

  if (number == NULL)
    {
      guint n = p->options->footnote != NULL ? p->options->footnote (label, p->options->user_data)
                                             : ++p->next_footnote;

      number = GUINT_TO_POINTER (n);
      g_hash_table_insert (p->footnote_numbers, g_strdup (label), number);
      g_ptr_array_add (p->footnote_order, g_strdup (label));
    }
  return GPOINTER_TO_UINT (number);
}

static gboolean
is_extension (cmark_node *node,
              const char *type)
{
  const char *name = cmark_node_get_type_string (node);

  return name != NULL && g_str_equal (name, type);
}

static gboolean append_inlines (Parser *p, Builder *b, cmark_node *parent);

/* One level deeper into the tree, refused past EVK_MARKDOWN_MAX_NESTING. */
static gboolean
enter (Parser *p)
{
  if (p->nesting >= EVK_MARKDOWN_MAX_NESTING)
    {
      if (p->error == NULL)
        g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED,
                     _("the text nests quotes, lists or emphasis more than %d levels deep"),
                     EVK_MARKDOWN_MAX_NESTING);
      return FALSE;
    }
  p->nesting++;
  return TRUE;
}

static gboolean
append_inline (Parser     *p,
               Builder    *b,
               cmark_node *node)
{
  guint start = b->text->len;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      return append_live_text (p, b, cmark_node_get_literal (node), TRUE);

    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (b->text, ' ');
      return TRUE;

    case CMARK_NODE_LINEBREAK:
      g_string_append (b->text, "\u2028");
      return TRUE;

    case CMARK_NODE_CODE:
      g_string_append (b->text, cmark_node_get_literal (node));
      builder_add_attr (b, pango_attr_family_new ("monospace"), start);
      return TRUE;

    case CMARK_NODE_EMPH:
      if (!append_inlines (p, b, node))
        return FALSE;
      builder_add_attr (b, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
      return TRUE;

    case CMARK_NODE_STRONG:
      if (!append_inlines (p, b, node))
        return FALSE;
      builder_add_attr (b, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
      return TRUE;

    case CMARK_NODE_LINK:
      {
        EvkSpan span = { EVK_SPAN_LINK, 0, 0, NULL, 0 };

        if (!append_inlines (p, b, node))
          return FALSE;
        /* Any other scheme stays plain text: see evk_markdown_link_is_allowed. */
        if (!evk_markdown_link_is_allowed (cmark_node_get_url (node)))
          return TRUE;
        span.start = start;
        span.end = b->text->len;
        span.target = g_strdup (cmark_node_get_url (node));
        g_array_append_val (b->spans, span);
        return TRUE;
      }

    case CMARK_NODE_FOOTNOTE_REFERENCE:
      {
        EvkSpan span = { EVK_SPAN_FOOTNOTE, 0, 0, NULL, 0 };
        const char *label = cmark_node_get_literal (node);

        span.number = footnote_number (p, label);
        /* A word joiner: the note's number never starts a line. */
        g_string_append (b->text, "\u2060");
        start = b->text->len;
        g_string_append_printf (b->text, "%u", span.number);
        builder_add_attr (b, pango_attr_rise_new (4 * PANGO_SCALE), start);
        builder_add_attr (b, pango_attr_scale_new (0.68), start);
        span.start = start;
        span.end = b->text->len;
        span.target = g_strdup (label);
        g_array_append_val (b->spans, span);
        return TRUE;
      }

    case CMARK_NODE_HTML_INLINE:
      if (g_str_has_prefix (cmark_node_get_literal (node), "<!--"))
        return TRUE;
      g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED,
                   _("“%s”: raw HTML is not allowed in the narrative"), cmark_node_get_literal (node));
      return FALSE;

    case CMARK_NODE_IMAGE:
      g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED,
                   _("“%s”: images are not allowed in the narrative (the report draws the charts)"),
                   cmark_node_get_url (node));
      return FALSE;

    default:
      if (is_extension (node, "strikethrough"))
        {
          if (!append_inlines (p, b, node))
            return FALSE;
          builder_add_attr (b, pango_attr_strikethrough_new (TRUE), start);
          return TRUE;
        }
      /* Anything else inline: its text. */
      return append_inlines (p, b, node);
    }
}

static gboolean
append_inlines (Parser     *p,
                Builder    *b,
                cmark_node *parent)
{
  gboolean ok = TRUE;

  if (!enter (p))
    return FALSE;
  for (cmark_node *child = cmark_node_first_child (parent); child != NULL && ok;
       child = cmark_node_next (child))
    ok = append_inline (p, b, child);
  p->nesting--;
  return ok;
}

/* Removes length bytes at pos from b's text, moving the attributes and
 * spans that lie after it. */
static void
builder_delete (Builder *b,
                guint    pos,
                guint    length)
{
  g_string_erase (b->text, pos, length);
  pango_attr_list_update (b->attrs, (int) pos, (int) length, 0);
  spans_delete (b->spans, pos, length);
}

/* A paragraph should not end on the tail of a divided word ("recruit-|
 * ment."): its last word loses its soft hyphens, so the line breaker is
 * offered no break inside it. (An invisible joiner in their place would
 * be a combining mark after a letter, which fonts answer with the
 * dotless "ı" of "organısasjonene".) */
static void
keep_last_word_whole (Builder *b)
{
  GString *text = b->text;
  char *p = text->str + text->len;

  /* Back over closing punctuation to the last word, then through it. */
  while (p > text->str)
    {
      char *prev = g_utf8_find_prev_char (text->str, p);
      gunichar c = g_utf8_get_char (prev);

      if (g_unichar_isalpha (c) || c == 0x00ad)
        break;
      p = prev;
    }
  while (p > text->str)
    {
      char *prev = g_utf8_find_prev_char (text->str, p);
      gunichar c = g_utf8_get_char (prev);
      guint pos = prev - text->str;

      if (c == 0x00ad)
        {
          builder_delete (b, pos, p - prev);
          p = text->str + pos;
          continue;
        }
      if (!g_unichar_isalpha (c))
        break;
      p = prev;
    }
}

static EvkRichText *
rich_text_from_inlines (Parser     *p,
                        cmark_node *parent)
{
  Builder b = { g_string_new (NULL), pango_attr_list_new (), g_array_new (FALSE, TRUE, sizeof (EvkSpan)) };
  EvkRichText *text = g_new0 (EvkRichText, 1);
  gboolean ok = append_inlines (p, &b, parent);

  /* Trailing hard breaks or spaces would make an empty last line. */
  while (b.text->len > 0 && b.text->str[b.text->len - 1] == ' ')
    g_string_truncate (b.text, b.text->len - 1);
  keep_last_word_whole (&b);
  text->text = g_string_free (b.text, FALSE);
  text->attrs = b.attrs;
  text->spans = b.spans;
  if (!ok)
    g_clear_pointer (&text, evk_rich_text_free);
  return text;
}

typedef struct {
  guint       depth;
  guint       quote;
  GPtrArray  *out;       /* EvkMdBlock */
} Context;

static gboolean add_blocks (Parser *p, cmark_node *parent, Context ctx);

static EvkMdBlock *
block_new (EvkMdBlockKind kind,
           Context        ctx)
{
  EvkMdBlock *block = g_new0 (EvkMdBlock, 1);

  block->kind = kind;
  block->depth = ctx.depth;
  block->quote = ctx.quote;
  return block;
}

static gboolean
add_table (Parser     *p,
           cmark_node *table,
           Context     ctx)
{
  EvkMdBlock *block = block_new (EVK_MD_TABLE, ctx);
  guint8 *align = cmark_gfm_extensions_get_table_alignments (table);

  block->n_columns = cmark_gfm_extensions_get_table_columns (table);
  block->align = g_malloc0 (block->n_columns + 1);
  /* An unaligned column is 'l', not 0: the string must not end before
   * a right-aligned column after it ("| x | ---: |"). */
  for (guint c = 0; c < block->n_columns; c++)
    block->align[c] = align != NULL && align[c] != 0 ? (char) align[c] : 'l';
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_add (ctx.out, block);

  for (cmark_node *row = cmark_node_first_child (table); row != NULL; row = cmark_node_next (row))
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_rich_text_free);

      g_ptr_array_add (block->rows, cells);
      if (cmark_gfm_extensions_get_table_row_is_header (row))
        block->n_header_rows++;
      for (cmark_node *cell = cmark_node_first_child (row); cell != NULL; cell = cmark_node_next (cell))
        {
          EvkRichText *text = rich_text_from_inlines (p, cell);

          if (text == NULL)
            return FALSE;
          g_ptr_array_add (cells, text);
        }
      /* Short rows are padded so every row has every column. */
      while (cells->len < block->n_columns)
        g_ptr_array_add (cells, evk_rich_text_new ());
    }
  return TRUE;
}

static gboolean
add_list (Parser     *p,
          cmark_node *list,
          Context     ctx)
{
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  int number = cmark_node_get_list_start (list);
  gboolean tight = cmark_node_get_list_tight (list);
  Context inner = ctx;

  inner.depth = ctx.depth + 1;
  for (cmark_node *item = cmark_node_first_child (list); item != NULL;
       item = cmark_node_next (item), number++)
    {
      g_autofree char *marker = ordered
        ? g_strdup_printf (cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM ? "%d)" : "%d.", number)
        : g_strdup (ctx.depth % 2 == 0 ? "•" : "–");
      guint first = ctx.out->len;

      if (!add_blocks (p, item, inner))
        return FALSE;
      /* The item's first paragraph carries its marker. */
      if (ctx.out->len > first)
        {
          EvkMdBlock *block = g_ptr_array_index (ctx.out, first);

          if (block->kind == EVK_MD_PARAGRAPH)
            {
              block->kind = EVK_MD_LIST_ITEM;
              block->marker = g_steal_pointer (&marker);
            }
          for (guint i = first; i < ctx.out->len; i++)
            ((EvkMdBlock *) g_ptr_array_index (ctx.out, i))->tight = tight;
        }
    }
  return TRUE;
}

/* The first text of a heading, for errors. */
static const char *
heading_literal (cmark_node *node)
{
  cmark_node *first = cmark_node_first_child (node);

  return first != NULL && cmark_node_get_literal (first) != NULL ? cmark_node_get_literal (first) : "";
}

/* A key written at the end of a heading or caption, "Title {#key}",
 * taken out of its text; NULL if it has none. */
static char *
take_key (cmark_node *node)
{
  cmark_node *last = cmark_node_last_child (node);
  const char *literal, *open;
  g_autofree char *key = NULL, *rest = NULL;
  gsize length;

  if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_TEXT)
    return NULL;
  literal = cmark_node_get_literal (last);
  length = strlen (literal);
  while (length > 0 && g_ascii_isspace (literal[length - 1]))
    length--;
  if (length < 4 || literal[length - 1] != '}')
    return NULL;
  open = g_strrstr_len (literal, length, "{#");
  if (open == NULL)
    return NULL;
  key = g_strndup (open + 2, literal + length - 1 - (open + 2));
  for (const char *k = key; *k != '\0'; k++)
    if (!g_ascii_isalnum (*k) && *k != '-' && *k != '/' && *k != '_' && *k != ':')
      return NULL;
  rest = g_strndup (literal, open - literal);
  g_strchomp (rest);
  cmark_node_set_literal (last, rest);
  return g_steal_pointer (&key);
}

/* A paragraph ": Caption {#key}" right after a table is its caption. */
static gboolean
is_caption (cmark_node *node)
{
  cmark_node *first;

  if (node == NULL || cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  first = cmark_node_first_child (node);
  return first != NULL && cmark_node_get_type (first) == CMARK_NODE_TEXT &&
         g_str_has_prefix (cmark_node_get_literal (first), ": ");
}

static gboolean
add_caption (Parser     *p,
             EvkMdBlock *table,
             cmark_node *node)
{
  cmark_node *first = cmark_node_first_child (node);
  g_autofree char *rest = NULL;

  /* The key first: the caption may be a single text node. */
  table->key = take_key (node);
  rest = g_strdup (cmark_node_get_literal (first) + 2);
  cmark_node_set_literal (first, g_strchug (rest));
  table->caption = rich_text_from_inlines (p, node);
  return table->caption != NULL;
}

static gboolean
add_block (Parser     *p,
           cmark_node *node,
           Context     ctx)
{
  EvkMdBlock *block;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      {
        EvkRichText *text = rich_text_from_inlines (p, node);

        if (text == NULL)
          return FALSE;
        block = block_new (EVK_MD_PARAGRAPH, ctx);
        block->text = text;
        g_ptr_array_add (ctx.out, block);
        return TRUE;
      }

    case CMARK_NODE_HEADING:
      if (p->options->headings)
        {
          int level = cmark_node_get_heading_level (node);
          g_autofree char *key = take_key (node);
          EvkRichText *text;

          if (level < 2)
            {
              g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED,
                           _("“# %s”: the chapter’s heading is the report’s; its sections start with ##"),
                           heading_literal (node));
              return FALSE;
            }
          text = rich_text_from_inlines (p, node);
          if (text == NULL)
            return FALSE;
          block = block_new (EVK_MD_HEADING, ctx);
          block->depth = MIN (level, 3);
          block->text = text;
          block->key = g_steal_pointer (&key);
          g_ptr_array_add (ctx.out, block);
          return TRUE;
        }
      if (!p->options->draft)
        {
          g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED,
                       _("“%s”: a section has no headings of its own (the report prints them)"),
                       heading_literal (node));
          return FALSE;
        }
      else
        {
          EvkRichText *text = rich_text_from_inlines (p, node);

          if (text == NULL)
            return FALSE;
          pango_attr_list_insert (text->attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          block = block_new (EVK_MD_PARAGRAPH, ctx);
          block->text = text;
          g_ptr_array_add (ctx.out, block);
          return TRUE;
        }

    case CMARK_NODE_BLOCK_QUOTE:
      {
        Context inner = ctx;

        inner.quote++;
        return add_blocks (p, node, inner);
      }

    case CMARK_NODE_LIST:
      return add_list (p, node, ctx);

    case CMARK_NODE_CODE_BLOCK:
      block = block_new (EVK_MD_CODE, ctx);
      block->text = evk_rich_text_new_plain (cmark_node_get_literal (node), NULL);
      g_strchomp (block->text->text);
      g_ptr_array_add (ctx.out, block);
      return TRUE;

    case CMARK_NODE_THEMATIC_BREAK:
      g_ptr_array_add (ctx.out, block_new (EVK_MD_RULE, ctx));
      return TRUE;

    case CMARK_NODE_HTML_BLOCK:
      if (g_str_has_prefix (cmark_node_get_literal (node), "<!--"))
        return TRUE;
      g_set_error (&p->error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_NOT_ALLOWED,
                   _("“%.40s”: raw HTML is not allowed in the narrative"), cmark_node_get_literal (node));
      return FALSE;

    case CMARK_NODE_FOOTNOTE_DEFINITION:
      {
        const char *label = cmark_node_get_literal (node);
        EvkMdFootnote *footnote;
        Context inner = { 0, 0, NULL };

        /* cmark-gfm keeps a definition's label to itself, but it moves the
         * definitions to the end in the order of their first reference and
         * drops those nobody refers to: the n-th definition belongs to the
         * n-th label referred to. */
        if (label == NULL && p->next_definition < p->footnote_order->len)
          label = g_ptr_array_index (p->footnote_order, p->next_definition);
        p->next_definition++;
        /* A definition nobody refers to is not printed. */
        if (label == NULL || !g_hash_table_contains (p->footnote_numbers, label))
          return TRUE;
        footnote = g_new0 (EvkMdFootnote, 1);
        footnote->label = g_strdup (label);
        footnote->number = GPOINTER_TO_UINT (g_hash_table_lookup (p->footnote_numbers, label));
        footnote->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) md_block_free);
        g_ptr_array_add (p->document->footnotes, footnote);
        inner.out = footnote->blocks;
        return add_blocks (p, node, inner);
      }

    default:
      if (is_extension (node, "table"))
        return add_table (p, node, ctx);
      return add_blocks (p, node, ctx);
    }
}

static gboolean
add_blocks (Parser     *p,
            cmark_node *parent,
            Context     ctx)
{
  gboolean ok = TRUE;

  if (!enter (p))
    return FALSE;
  for (cmark_node *child = cmark_node_first_child (parent); child != NULL && ok;
       child = cmark_node_next (child))
    {
      ok = add_block (p, child, ctx);
      if (ok && is_extension (child, "table") && is_caption (cmark_node_next (child)) &&
          ctx.out->len > 0)
        {
          child = cmark_node_next (child);
          ok = add_caption (p, g_ptr_array_index (ctx.out, ctx.out->len - 1), child);
        }
    }
  p->nesting--;
  return ok;
}

static int
compare_footnotes (gconstpointer a,
                   gconstpointer b)
{
  const EvkMdFootnote *fa = *(EvkMdFootnote **) a, *fb = *(EvkMdFootnote **) b;

  return (int) fa->number - (int) fb->number;
}

EvkMdDocument *
evk_markdown_parse (const char    *markdown,
                    EvkMdOptions  *options,
                    GError       **error)
{
  static const char * const extensions[] = { "table", "strikethrough" };
  g_autoptr(cmark_parser) parser = NULL;
  g_autoptr(cmark_node) root = NULL;
  g_autoptr(EvkMdDocument) document = g_new0 (EvkMdDocument, 1);
  EvkMdOptions defaults = { 0 };
  Parser p = { 0 };
  Context ctx = { 0, 0, NULL };

  g_return_val_if_fail (markdown != NULL, NULL);

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);

      if (extension != NULL)
        cmark_parser_attach_syntax_extension (parser, extension);
    }
  cmark_parser_feed (parser, markdown, strlen (markdown));
  root = cmark_parser_finish (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, EVK_MARKDOWN_ERROR, EVK_MARKDOWN_ERROR_PARSE,
                           _("the text could not be parsed as Markdown"));
      return NULL;
    }
  /* Text nodes come split at characters the parser looked at ("[", "!"),
   * which would cut a {{reference}} in two. */
  cmark_consolidate_text_nodes (root);

  document->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) md_block_free);
  document->footnotes = g_ptr_array_new_with_free_func ((GDestroyNotify) md_footnote_free);
  p.options = options != NULL ? options : &defaults;
  p.document = document;
  p.footnote_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.footnote_order = g_ptr_array_new_with_free_func (g_free);
  ctx.out = document->blocks;

  if (!add_blocks (&p, root, ctx))
    {
      g_hash_table_unref (p.footnote_numbers);
      g_ptr_array_unref (p.footnote_order);
      g_propagate_error (error, p.error);
      return NULL;
    }
  g_hash_table_unref (p.footnote_numbers);
  g_ptr_array_unref (p.footnote_order);
  g_ptr_array_sort (document->footnotes, compare_footnotes);
  return g_steal_pointer (&document);
}
