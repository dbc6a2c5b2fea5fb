/* evk-pdf-comments.c: comments from a draft PDF that a reviewer annotated in any viewer, and back onto drafts
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "evk-comment.h"
#include "evk-draft-map.h"
#include "evk-pdf-comments.h"
#include "evk-pdf-scan.h"
#include "evk-report.h"
#include "evk-store-review.h"

G_DEFINE_QUARK (evk-pdf-comments-error-quark, evk_pdf_comments_error)

/* poppler-glib 22 declares no cleanup functions of its own. */
typedef PopplerDocument EvkPopplerDocument;
typedef PopplerPage EvkPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvkPopplerPage, g_object_unref)

/* The largest PDF read: poppler holds it in memory, and so does the
 * reader of replies. */
#define MAX_PDF_SIZE    (512 * 1024 * 1024)
/* The comment table's limits (evk-comment.c): longer texts are cut. */
#define MAX_BODY        (256 * 1024)
#define MAX_AUTHOR      1000

/* One markup annotation of the file. */
typedef struct {
  guint   page;           /* 1-based */
  double  x, y;           /* where it points: points from the page's top-left, y down */
  double  rect[4];        /* PDF user space, for matching the reader of replies */
  char   *nm;
  char   *contents;
  char   *author;
  char   *created_at;     /* ISO 8601 UTC, or NULL */
  char   *quote;
  int     parent;         /* index of the annotation it answers, or -1 */
  char   *uuid;           /* the comment it is or will be */
  gboolean empty;         /* nothing to say: left out */
  gboolean done;
} Item;

static void
item_clear (Item *item)
{
  g_free (item->nm);
  g_free (item->contents);
  g_free (item->author);
  g_free (item->created_at);
  g_free (item->quote);
  g_free (item->uuid);
}

void
evk_pdf_import_clear (EvkPdfImport *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->pages_without_place, g_array_unref);
  g_clear_pointer (&result->doc_id, g_free);
  memset (result, 0, sizeof *result);
}

/* At most max bytes, cut at a character boundary. */
static char *
cut (const char *text,
     gsize       max)
{
  const char *end;

  if (text == NULL)
    return NULL;
  if (strlen (text) <= max)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + max + 1);
  return g_strndup (text, end != NULL ? (gsize) (end - text) : 0);
}

/* The text of page whose characters lie in one of areas (points, y
 * down). Character boxes rather than poppler_page_get_text_for_area,
 * which reads a selection from one corner to the other in reading order
 * and returns nothing for some rectangles over plain lines of text. */
static char *
text_in_areas (PopplerPage      *page,
               PopplerRectangle *areas,
               guint             n_areas)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  guint n_boxes = 0, i = 0;

  if (text == NULL || !poppler_page_get_text_layout (page, &boxes, &n_boxes))
    return g_string_free (out, FALSE);
  for (const char *p = text; *p != '\0' && i < n_boxes; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      double x = (boxes[i].x1 + boxes[i].x2) / 2, y = (boxes[i].y1 + boxes[i].y2) / 2;
      gboolean inside = FALSE;

      for (guint k = 0; k < n_areas && !inside; k++)
        inside = x >= areas[k].x1 && x <= areas[k].x2 && y >= areas[k].y1 && y <= areas[k].y2;
      if (!inside || g_unichar_isspace (c) || c == 0x00AD)
        {
          space = space || (out->len > 0 && c != 0x00AD);
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The text under a highlight, underline or strike-out: its
 * quadrilaterals' characters. */
static char *
markup_quote (PopplerPage      *page,
              PopplerAnnot     *annot,
              double            height,
              double           *x,
              double           *y)
{
  g_autoptr(GArray) quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (annot));
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));

  for (guint i = 0; quads != NULL && i < quads->len && i < 10000; i++)
    {
      PopplerQuadrilateral *q = &g_array_index (quads, PopplerQuadrilateral, i);
      PopplerRectangle area;
      double x0 = MIN (MIN (q->p1.x, q->p2.x), MIN (q->p3.x, q->p4.x));
      double x1 = MAX (MAX (q->p1.x, q->p2.x), MAX (q->p3.x, q->p4.x));
      double y0 = MIN (MIN (q->p1.y, q->p2.y), MIN (q->p3.y, q->p4.y));
      double y1 = MAX (MAX (q->p1.y, q->p2.y), MAX (q->p3.y, q->p4.y));

      if (!isfinite (x0) || !isfinite (x1) || !isfinite (y0) || !isfinite (y1))
        continue;
      /* Quadrilaterals are in PDF space (y up); the text's boxes have y
       * down. */
      area.x1 = x0;
      area.x2 = x1;
      area.y1 = height - y1;
      area.y2 = height - y0;
      if (areas->len == 0)
        {
          *x = (area.x1 + area.x2) / 2;
          *y = (area.y1 + area.y2) / 2;
        }
      g_array_append_val (areas, area);
    }
  if (areas->len == 0)
    return g_strdup ("");
  return text_in_areas (page, (PopplerRectangle *) areas->data, areas->len);
}

/* The viewer's date: /M (modified, to the second), else the creation
 * date poppler gives as a day. */
static char *
annot_date (PopplerAnnot *annot)
{
  g_autofree char *modified = poppler_annot_get_modified (annot);
  time_t t;

  if (modified != NULL && poppler_date_parse (modified, &t))
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc ((gint64) t);

      if (date != NULL && g_date_time_get_year (date) >= 1970 && g_date_time_get_year (date) <= 9999)
        return g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
    }
  if (POPPLER_IS_ANNOT_MARKUP (annot))
    {
      GDate *day = poppler_annot_markup_get_date (POPPLER_ANNOT_MARKUP (annot));
      char *iso = NULL;

      if (day != NULL && g_date_valid (day))
        iso = g_strdup_printf ("%04u-%02u-%02uT00:00:00Z", g_date_get_year (day), g_date_get_month (day),
                               g_date_get_day (day));
      if (day != NULL)
        g_date_free (day);
      return iso;
    }
  return NULL;
}

/* A uuid of the draft and the annotation: the same file gives the same
 * one, so an import repeated adds nothing. Rounded to the point, so that a
 * viewer that writes the rectangle back with other decimals keeps it. */
static char *
derived_uuid (const char *doc_id,
              Item       *item)
{
  g_autofree char *identity = NULL, *hex = NULL;
  GString *uuid;

  if (item->nm != NULL && item->nm[0] != '\0')
    identity = g_strdup_printf ("%s\nnm\n%s", doc_id, item->nm);
  else
    identity = g_strdup_printf ("%s\n%u\n%.0f %.0f %.0f %.0f\n%s", doc_id, item->page, item->rect[0],
                                item->rect[1], item->rect[2], item->rect[3],
                                item->contents != NULL ? item->contents : "");
  hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, identity, -1);
  /* A name-based (version 5) UUID. */
  hex[12] = '5';
  hex[16] = "89ab"[g_ascii_xdigit_value (hex[16]) & 3];
  uuid = g_string_new_len (hex, 32);
  g_string_insert_c (uuid, 20, '-');
  g_string_insert_c (uuid, 16, '-');
  g_string_insert_c (uuid, 12, '-');
  g_string_insert_c (uuid, 8, '-');
  return g_string_free (uuid, FALSE);
}

static gboolean
is_text_markup (PopplerAnnotType type)
{
  return type == POPPLER_ANNOT_HIGHLIGHT || type == POPPLER_ANNOT_UNDERLINE ||
         type == POPPLER_ANNOT_SQUIGGLY || type == POPPLER_ANNOT_STRIKE_OUT;
}

/* Every markup annotation of the file, in page order. */
static GArray *
read_items (PopplerDocument *doc)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  int n_pages = poppler_document_get_n_pages (doc);

  g_array_set_clear_func (items, (GDestroyNotify) item_clear);
  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(EvkPopplerPage) page = poppler_document_get_page (doc, p);
      GList *mapping;
      double width, height;

      if (page == NULL)
        continue;
      poppler_page_get_size (page, &width, &height);
      mapping = poppler_page_get_annot_mapping (page);
      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerAnnot *annot = ((PopplerAnnotMapping *) l->data)->annot;
          PopplerAnnotType type;
          PopplerRectangle rect;
          g_autofree char *contents = NULL, *label = NULL;
          Item item = { 0 };

          /* First: poppler warns of the type of annotations it does not
           * know, and those are never markup. */
          if (!POPPLER_IS_ANNOT_MARKUP (annot))
            continue;
          type = poppler_annot_get_annot_type (annot);
          /* A review state ("Accepted", "Rejected" set in Acrobat) is a
           * reply that says no more than that: not a comment. */
          if (type == POPPLER_ANNOT_TEXT &&
              poppler_annot_text_get_state (POPPLER_ANNOT_TEXT (annot)) != POPPLER_ANNOT_TEXT_STATE_UNKNOWN &&
              poppler_annot_text_get_state (POPPLER_ANNOT_TEXT (annot)) != POPPLER_ANNOT_TEXT_STATE_NONE)
            continue;
          item.page = (guint) p + 1;
          item.parent = -1;
          /* poppler 22 gives the rectangle in PDF space, y up from the
           * page's foot (the mapping's area too); the draft map has y down
           * from its top. */
          poppler_annot_get_rectangle (annot, &rect);
          item.x = (rect.x1 + rect.x2) / 2;
          item.y = height - (rect.y1 + rect.y2) / 2;
          item.rect[0] = rect.x1;
          item.rect[1] = rect.y1;
          item.rect[2] = rect.x2;
          item.rect[3] = rect.y2;
          item.nm = poppler_annot_get_name (annot);
          contents = poppler_annot_get_contents (annot);
          item.contents = contents != NULL ? g_strdup (g_strstrip (contents)) : NULL;
          label = poppler_annot_markup_get_label (POPPLER_ANNOT_MARKUP (annot));
          if (label != NULL)
            g_strstrip (label);
          item.author = cut (label != NULL && label[0] != '\0' ? label : _("Unknown reviewer"), MAX_AUTHOR);
          item.created_at = annot_date (annot);
          if (is_text_markup (type))
            {
              g_autofree char *quote = markup_quote (page, annot, height, &item.x, &item.y);

              item.quote = cut (quote, MAX_BODY);
            }
          item.empty = (item.contents == NULL || item.contents[0] == '\0') &&
                       (item.quote == NULL || item.quote[0] == '\0');
          g_array_append_val (items, item);
        }
      poppler_page_free_annot_mapping (mapping);
    }
  return items;
}

/* The index of the item the key names, or -1: by /NM, else by rectangle,
 * the text deciding between annotations on the same rectangle (a reply
 * on its comment's, as Acrobat places them). */
static int
find_item (GArray               *items,
           const EvkPdfAnnotKey *key)
{
  int found = -1, n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (evk_pdf_annot_key_matches (key, item->nm, item->rect, item->contents, FALSE))
        {
          found = (int) i;
          n++;
        }
    }
  if (n <= 1)
    return found;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (evk_pdf_annot_key_matches (key, item->nm, item->rect, item->contents, TRUE))
        return (int) i;
    }
  return -1;
}

static void
link_replies (GArray     *items,
              EvkPdfScan *scan)
{
  for (guint r = 0; r < scan->replies->len; r++)
    {
      EvkPdfReply *reply = &g_array_index (scan->replies, EvkPdfReply, r);
      int child = find_item (items, &reply->reply);
      int parent = find_item (items, &reply->parent);

      if (child >= 0 && parent >= 0 && child != parent)
        g_array_index (items, Item, child).parent = parent;
    }
}

/* The draft the file is, or an error that says what it is instead. */
static EvkDraftMap *
find_draft (EvkStore         *store,
            const char       *path,
            PopplerDocument  *doc,
            EvkPdfScan       *scan,
            GError          **error)
{
  g_autofree char *permanent = NULL, *from_id = NULL, *project_id = NULL, *creator = NULL;
  const char *candidates[2];
  g_autoptr(GError) local_error = NULL;

  /* poppler gives the /ID's 16 bytes as 32 hex digits, unterminated. */
  if (poppler_document_get_id (doc, &permanent, NULL) && permanent != NULL)
    from_id = evk_draft_doc_id_from_hex (permanent, 32);
  candidates[0] = from_id;
  candidates[1] = scan->doc_id != NULL && g_uuid_string_is_valid (scan->doc_id) ? scan->doc_id : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      EvkDraftMap *map;

      if (candidates[i] == NULL)
        continue;
      map = evk_draft_map_load (store, candidates[i], &local_error);
      if (map != NULL)
        return map;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  project_id = evk_project_id (store, error);
  if (project_id == NULL)
    return NULL;
  creator = poppler_document_get_creator (doc);
  if (scan->project_id != NULL && g_strcmp0 (scan->project_id, project_id) != 0)
    g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_OTHER_PROJECT,
                 _("%s is a draft of another project: its comments belong there"), path);
  else if (scan->project_id != NULL)
    g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_UNKNOWN_DRAFT,
                 _("%s is a draft of this project that this file has no record of (was it rendered from "
                   "another copy of the project?)"), path);
  else if (creator != NULL && g_str_has_prefix (creator, "Evalkit"))
    g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_NOT_A_DRAFT,
                 _("%s is a finished report, not a draft: comments come from a PDF made with "
                   "“evalkit report --draft”"), path);
  else
    g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_NOT_A_DRAFT,
                 _("%s is not an Evalkit draft report: comments come from a PDF made with "
                   "“evalkit report --draft”"), path);
  return NULL;
}

typedef struct {
  GArray       *items;
  EvkDraftMap  *map;
  EvkPdfImport *result;
  const char   *origin;
} Import;

static void
add_page_without_place (EvkPdfImport *result,
                        guint         page)
{
  for (guint i = 0; i < result->pages_without_place->len; i++)
    if (g_array_index (result->pages_without_place, guint, i) == page)
      return;
  g_array_append_val (result->pages_without_place, page);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* One item as a comment; its comment (if it answers one) first. */
static gboolean
import_item (EvkStore  *store,
             Import    *import,
             guint      index,
             guint      depth,
             GError   **error)
{
  Item *item = &g_array_index (import->items, Item, index);
  Item *parent = NULL;
  g_autofree char *place = NULL, *body = NULL, *added = NULL;

  if (item->done)
    return TRUE;
  item->done = TRUE;
  /* A thread cannot be deeper than the file has annotations; a loop of
   * replies (a crafted file) is cut there. */
  if (item->parent >= 0 && depth < import->items->len)
    {
      parent = &g_array_index (import->items, Item, item->parent);
      if (!import_item (store, import, (guint) item->parent, depth + 1, error))
        return FALSE;
      if (parent->uuid == NULL || !evk_comment_exists (store, parent->uuid))
        parent = NULL;
    }
  if (item->empty)
    return TRUE;
  import->result->n_annotations++;

  /* Evalkit's own note on the draft: the comment is in the project. */
  if (item->nm != NULL && g_uuid_string_is_valid (item->nm) && evk_comment_exists (store, item->nm))
    {
      item->uuid = g_strdup (item->nm);
      import->result->n_known++;
      return TRUE;
    }
  item->uuid = derived_uuid (import->map->doc_id, item);
  if (evk_comment_exists (store, item->uuid))
    {
      import->result->n_known++;
      return TRUE;
    }

  if (parent == NULL)
    {
      const EvkDraftAnchor *anchor = evk_draft_map_find (import->map, item->page, item->x, item->y);

      if (anchor != NULL)
        place = g_strdup (anchor->place);
      else
        {
          place = g_strdup_printf ("page:%u", item->page);
          import->result->n_without_place++;
          add_page_without_place (import->result, item->page);
        }
    }
  body = cut (item->contents != NULL ? item->contents : "", MAX_BODY);
  added = evk_comment_add (store, place, parent != NULL ? parent->uuid : NULL, item->author, body, item->quote,
                           import->origin, item->created_at, item->uuid, error);
  if (added == NULL)
    {
      g_prefix_error (error, _("page %u: "), item->page);
      return FALSE;
    }
  import->result->n_imported++;
  return TRUE;
}

static gboolean
import_func (EvkStore  *store,
             gpointer   user_data,
             GError   **error)
{
  Import *import = user_data;

  for (guint i = 0; i < import->items->len; i++)
    if (!import_item (store, import, i, 0, error))
      return FALSE;
  return TRUE;
}

gboolean
evk_pdf_comments_import (EvkProject    *project,
                         const char    *path,
                         EvkPdfImport  *result,
                         GError       **error)
{
  EvkStore *store;
  g_autofree char *contents = NULL, *origin = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EvkPopplerDocument) doc = NULL;
  g_autoptr(EvkPdfScan) scan = NULL;
  g_autoptr(EvkDraftMap) map = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  EvkPdfImport local = { 0 };
  Import import;
  gsize length;

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (result == NULL)
    result = &local;
  memset (result, 0, sizeof *result);
  result->pages_without_place = g_array_new (FALSE, FALSE, sizeof (guint));
  store = evk_project_get_store (project);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > MAX_PDF_SIZE)
    {
      g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_UNREADABLE,
                   _("%s: larger than any draft report (%d MB at most)"), path, MAX_PDF_SIZE / (1024 * 1024));
      evk_pdf_import_clear (&local);
      return FALSE;
    }
  if (info == NULL || !g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_UNREADABLE,
                   "%s: %s", path, local_error->message);
      evk_pdf_import_clear (&local);
      return FALSE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (doc == NULL)
    {
      g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_UNREADABLE,
                   _("%s: not a PDF that can be read (%s)"), path, local_error->message);
      evk_pdf_import_clear (&local);
      return FALSE;
    }

  scan = evk_pdf_scan (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  map = find_draft (store, path, doc, scan, error);
  if (map == NULL)
    {
      evk_pdf_import_clear (&local);
      return FALSE;
    }
  if ((guint) poppler_document_get_n_pages (doc) != map->n_pages)
    {
      g_set_error (error, EVK_PDF_COMMENTS_ERROR, EVK_PDF_COMMENTS_ERROR_PAGES,
                   _("%s: the draft had %u pages and this file has %d: with pages added or removed, "
                     "its comments cannot be placed"),
                   path, map->n_pages, poppler_document_get_n_pages (doc));
      evk_pdf_import_clear (&local);
      return FALSE;
    }
  result->doc_id = g_strdup (map->doc_id);

  items = read_items (doc);
  link_replies (items, scan);
  origin = g_strdup_printf ("pdf:%s", map->doc_id);
  import.items = items;
  import.map = map;
  import.result = result;
  import.origin = origin;
  if (!evk_store_transaction (store, import_func, &import, error))
    {
      g_prefix_error (error, "%s: ", path);
      /* Nothing was added: the counts say so. */
      result->n_imported = result->n_without_place = 0;
      g_array_set_size (result->pages_without_place, 0);
      evk_pdf_import_clear (&local);
      return FALSE;
    }
  g_array_sort (result->pages_without_place, compare_pages);
  evk_pdf_import_clear (&local);
  return TRUE;
}

GPtrArray *
evk_pdf_comments_notes (EvkProject  *project,
                        GError     **error)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *notes;

  g_return_val_if_fail (EVK_IS_PROJECT (project), NULL);

  comments = evk_comments_list (evk_project_get_store (project), TRUE, error);
  if (comments == NULL)
    return NULL;
  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_report_note_free);
  /* Oldest first, a reply after its comment: one pass finds the parents. */
  for (guint i = 0; i < comments->len; i++)
    {
      EvkComment *comment = g_ptr_array_index (comments, i);
      EvkReportNote *note;

      if (comment->parent_uuid != NULL && !g_hash_table_contains (shown, comment->parent_uuid))
        continue;
      note = g_new0 (EvkReportNote, 1);
      note->uuid = g_strdup (comment->uuid);
      note->parent_uuid = g_strdup (comment->parent_uuid);
      note->place = g_strdup (comment->place);
      note->author = g_strdup (comment->author);
      note->created_at = g_strdup (comment->created_at);
      note->body = g_strdup (comment->body);
      note->quote = comment->quote != NULL && comment->quote[0] != '\0' ? g_strdup (comment->quote) : NULL;
      g_hash_table_add (shown, comment->uuid);
      g_ptr_array_add (notes, note);
    }
  return notes;
}
