/* evk-markdown.h: narrative Markdown (cmark-gfm) as rich text blocks for the report
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "evk-hyphenate.h"

G_BEGIN_DECLS

#define EVK_MARKDOWN_ERROR (evk_markdown_error_quark ())

typedef enum {
  EVK_MARKDOWN_ERROR_PARSE,
  EVK_MARKDOWN_ERROR_REFERENCE,   /* a live figure that does not resolve */
  EVK_MARKDOWN_ERROR_NOT_ALLOWED, /* headings, raw HTML, images */
} EvkMarkdownError;

/* A run of text inside a paragraph that the page must know about: a link
 * (to "#anchor" in the report or to a URI) or a footnote reference. Byte
 * offsets are into EvkRichText.text. */
typedef enum {
  EVK_SPAN_LINK,
  EVK_SPAN_FOOTNOTE,
  EVK_SPAN_XREF,          /* a cross-reference not yet resolved */
  EVK_SPAN_PAGE,          /* the number of the page an anchor is on */
} EvkSpanKind;

typedef struct {
  EvkSpanKind  kind;
  guint        start;
  guint        end;
  /* link: "#anchor" or a URI; footnote: its label; cross-reference: what
   * it names as written ("fig:KEY", "Page:tab:KEY"); page: the anchor. */
  char        *target;
  guint        number;    /* footnote: its number in the document */
} EvkSpan;

/* Cross-references in narrative Markdown: [@fig:KEY], [@tab:KEY],
 * [@chap:KEY], [@sec:KEY] print the number of what they name ("figur
 * 4-2"); [@page:KIND:KEY] the page it is on ("side 41"). A capital kind
 * ([@Fig:KEY]) starts its word with a capital. */
typedef enum {
  EVK_XREF_FIGURE,
  EVK_XREF_TABLE,
  EVK_XREF_CHAPTER,
  EVK_XREF_SECTION,
} EvkXrefKind;

typedef struct {
  EvkXrefKind  kind;
  gboolean     page;      /* the page it is on, not its number */
  gboolean     capital;
  const char  *key;       /* "fig:KEY": the block's key (points into the reference) */
} EvkXref;

/* Parses a reference without its "[@" and "]"; FALSE if it is none. */
gboolean evk_xref_parse (const char *reference,
                         EvkXref    *xref);

/* Whether a link target may be a link in the report and the window:
 * "#anchor", http:, https: or mailto: (any case). Links with any other
 * target are kept as their plain text. */
gboolean evk_markdown_link_is_allowed (const char *target);

/* Text with Pango attributes that carry emphasis only (weight, style,
 * strike-through, superscript, colour): the page decides font and size. */
typedef struct {
  char          *text;
  PangoAttrList *attrs;
  GArray        *spans;   /* EvkSpan */
} EvkRichText;

typedef enum {
  EVK_MD_PARAGRAPH,
  EVK_MD_LIST_ITEM,       /* the first paragraph of an item, with its marker */
  EVK_MD_TABLE,
  EVK_MD_RULE,
  EVK_MD_CODE,
  EVK_MD_HEADING,         /* where options allow them: level in depth */
} EvkMdBlockKind;

typedef struct {
  EvkMdBlockKind  kind;
  guint           depth;      /* list nesting: 0 outside lists */
  guint           quote;      /* block-quote nesting */
  char           *marker;     /* list items: "•", "3." */
  gboolean        tight;      /* no space after (tight lists) */
  EvkRichText    *text;       /* paragraphs, items, code */
  /* Tables: rows of cells (EvkRichText), the first n_header_rows are the
   * header; align per column: 'l', 'c' or 'r'. */
  GPtrArray      *rows;
  guint           n_header_rows;
  guint           n_columns;
  char           *align;
  /* Headings: the key written after the title as {#key}, or NULL; a
   * table's caption (": Caption {#key}" in the paragraph after it). */
  char           *key;
  EvkRichText    *caption;
} EvkMdBlock;

typedef struct {
  char      *label;
  guint      number;
  GPtrArray *blocks;          /* EvkMdBlock */
} EvkMdFootnote;

typedef struct {
  GPtrArray *blocks;          /* EvkMdBlock */
  GPtrArray *footnotes;       /* EvkMdFootnote, in order of first reference */
} EvkMdDocument;

/* Resolves the text between {{ and }} to the figure in the document's
 * language; NULL with an error that says what is wrong. */
typedef char *(*EvkMdResolveFunc) (const char  *reference,
                                   gpointer     user_data,
                                   GError     **error);
/* The number of a footnote, given at its first reference in the report. */
typedef guint (*EvkMdFootnoteFunc) (const char *label,
                                    gpointer    user_data);

typedef struct {
  EvkHyphenator     *hyphenator;   /* NULL: no soft hyphens */
  GHashTable        *hyphen_words; /* words hyphenated otherwise, or NULL */
  EvkMdResolveFunc   resolve;      /* NULL: live figures are an error */
  EvkMdFootnoteFunc  footnote;     /* NULL: numbered from 1 in the text */
  gpointer           user_data;
  /* Draft builds print an unresolved reference in red and go on. */
  gboolean           draft;
  guint              n_unresolved; /* counted in draft builds */
  /* Narrative chapters: ## and ### are numbered sections (EVK_MD_HEADING);
   * elsewhere a heading is an error. */
  gboolean           headings;
} EvkMdOptions;

GQuark          evk_markdown_error_quark (void);

/* Parses CommonMark with the GitHub tables, strikethrough and footnotes
 * extensions. Errors name the reference or construct; the caller adds the
 * section. */
EvkMdDocument  *evk_markdown_parse       (const char    *markdown,
                                          EvkMdOptions  *options,
                                          GError       **error);
void            evk_md_document_free     (EvkMdDocument *document);

EvkRichText    *evk_rich_text_new        (void);
/* A plain text, hyphenated when hyphenator is given. */
EvkRichText    *evk_rich_text_new_plain  (const char    *text,
                                          EvkHyphenator *hyphenator);
/* The same, with the words of hyphen_words hyphenated as it says (see
 * evk_hyphenator_hyphenate_full). */
EvkRichText    *evk_rich_text_new_hyphenated (const char    *text,
                                              EvkHyphenator *hyphenator,
                                              GHashTable    *hyphen_words);
void            evk_rich_text_free       (EvkRichText   *text);
/* Removes length bytes at pos (whole characters); attributes and spans
 * after them move back, those around them shrink. */
void            evk_rich_text_delete     (EvkRichText   *text,
                                          guint          pos,
                                          guint          length);
/* Replaces the bytes [start, end) with replacement; attributes and spans
 * after them move, those around them stretch or shrink. */
void            evk_rich_text_replace    (EvkRichText   *text,
                                          guint          start,
                                          guint          end,
                                          const char    *replacement);
/* The text without soft hyphens (for searching and tests). */
char           *evk_rich_text_get_plain  (EvkRichText   *text);
/* The text as Pango markup for a label: its emphasis as <span> attributes,
 * links as <a href> (as GtkLabel reads them), all text escaped. */
char           *evk_rich_text_to_markup  (EvkRichText   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkMdDocument, evk_md_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkRichText, evk_rich_text_free)

G_END_DECLS
