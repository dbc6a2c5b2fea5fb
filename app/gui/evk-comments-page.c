/* evk-comments-page.c: every review comment, filtered and searched, leading to its place
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-comments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-comments-page.h"

struct _EvkCommentsPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  GPtrArray    *authors;       /* parallel to the author drop-down after "All" */
  GPtrArray    *rows;          /* the list's rows, borrowed */
  gboolean      updating;

  /* Template children */
  GtkWidget    *box;
  GtkWidget    *search_entry;
  GtkWidget    *status_dropdown;
  GtkWidget    *author_dropdown;
  GtkWidget    *kind_dropdown;
  GtkWidget    *stack;
  GtkWidget    *scrolled;
  GtkWidget    *list;
  GtkWidget    *empty_page;
};

G_DEFINE_FINAL_TYPE (EvkCommentsPage, evk_comments_page, GTK_TYPE_WIDGET)

/* The kinds of place, in the order the filter offers them. */
static const struct {
  const char *kind;
  const char *label;
} kinds[] = {
  { "chart", N_("Charts") },
  { "figure", N_("Report figures") },
  { "measure", N_("Measures") },
  { "measure-section", N_("Measure texts") },
  { "goal", N_("Goals") },
  { "part", N_("Report chapters") },
  { "section", N_("Report sections") },
  { "page", N_("Draft PDF pages") },
  { "project", N_("The whole evaluation") },
};

static EvkCommentModel *
get_model (EvkCommentsPage *self)
{
  return evk_workspace_get_comments (self->workspace);
}

static const char *
selected_author (EvkCommentsPage *self)
{
  guint index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->author_dropdown));

  return index > 0 && index <= self->authors->len ? g_ptr_array_index (self->authors, index - 1) : NULL;
}

static const char *
selected_kind (EvkCommentsPage *self)
{
  guint index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown));

  return index > 0 && index <= G_N_ELEMENTS (kinds) ? kinds[index - 1].kind : NULL;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = haystack != NULL ? g_utf8_casefold (haystack, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
thread_matches (EvkCommentsPage *self,
                EvkComment      *comment,
                GPtrArray       *replies,
                const char      *place_label,
                const char      *needle)
{
  EvkCommentsStatus status = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_dropdown));
  const char *author = selected_author (self);
  const char *kind = selected_kind (self);
  gboolean resolved = g_strcmp0 (comment->status, "resolved") == 0;
  gboolean found;

  if ((status == EVK_COMMENTS_OPEN && resolved) || (status == EVK_COMMENTS_RESOLVED && !resolved))
    return FALSE;
  if (kind != NULL)
    {
      g_autofree char *place_kind = NULL;

      if (!evk_place_parse (comment->place, &place_kind, NULL, NULL) || g_strcmp0 (place_kind, kind) != 0)
        return FALSE;
    }
  if (author != NULL)
    {
      found = g_strcmp0 (comment->author, author) == 0;
      for (guint i = 0; !found && i < replies->len; i++)
        found = g_strcmp0 (((EvkComment *) g_ptr_array_index (replies, i))->author, author) == 0;
      if (!found)
        return FALSE;
    }
  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  found = contains_folded (comment->body, needle) || contains_folded (comment->quote, needle) ||
          contains_folded (comment->author, needle) || contains_folded (place_label, needle);
  for (guint i = 0; !found && i < replies->len; i++)
    {
      EvkComment *reply = g_ptr_array_index (replies, i);

      found = contains_folded (reply->body, needle) || contains_folded (reply->author, needle);
    }
  return found;
}

static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
resolve_clicked (GtkButton       *button,
                 EvkCommentsPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (button), "uuid");
  gboolean resolve = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "resolve"));

  if (!evk_comment_model_set_resolved (get_model (self), uuid, resolve, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_message ("%s", error->message);
    }
}

static char *
origin_text (EvkComment *comment)
{
  if (g_str_has_prefix (comment->origin, "copy:"))
    return g_strdup (_("from a review copy"));
  if (g_str_has_prefix (comment->origin, "pdf:"))
    return g_strdup (_("from a draft PDF"));
  return NULL;
}

/* Place and status; who and when; the quote, the comment, and the
 * replies' authors and texts under it. */
static GtkWidget *
thread_row (EvkCommentsPage *self,
            EvkComment      *comment,
            GPtrArray       *replies,
            const char      *place_label,
            gboolean         removed)
{
  gboolean resolved = g_strcmp0 (comment->status, "resolved") == 0;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *place = row_label (place_label, "heading");
  GtkWidget *badge = gtk_label_new (resolved ? _("Resolved") : _("Open"));
  GtkWidget *resolve = gtk_button_new_with_mnemonic (resolved ? _("Re_open") : _("_Resolve"));
  g_autofree char *time = evk_comment_format_time (comment->created_at);
  g_autofree char *origin = origin_text (comment);
  g_autofree char *byline = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (removed)
    gtk_widget_add_css_class (place, "dim-label");
  gtk_widget_set_hexpand (place, TRUE);
  gtk_box_append (GTK_BOX (header), place);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, resolved ? "status-first" : "status-middle");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), badge);
  gtk_widget_set_valign (resolve, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (resolve, resolved ? _("Open the comment again") : _("Mark the comment as dealt with"));
  g_object_set_data_full (G_OBJECT (resolve), "uuid", g_strdup (comment->uuid), g_free);
  g_object_set_data (G_OBJECT (resolve), "resolve", GINT_TO_POINTER (!resolved));
  g_signal_connect (resolve, "clicked", G_CALLBACK (resolve_clicked), self);
  g_object_set_data (G_OBJECT (row), "resolve-button", resolve);
  gtk_box_append (GTK_BOX (header), resolve);
  gtk_box_append (GTK_BOX (box), header);

  /* Translators: who wrote a comment, when, and where it came from, e.g.
   * "Kari Nordmann · 2026-03-02 14:05 · from a review copy" */
  byline = origin != NULL ? g_strdup_printf (_("%s · %s · %s"), comment->author, time, origin)
                          : g_strdup_printf (_("%s · %s"), comment->author, time);
  gtk_box_append (GTK_BOX (box), row_label (byline, "dim-label"));
  g_string_append_printf (text, "%s\n%s\n", place_label, byline);
  if (comment->quote[0] != '\0')
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), comment->quote);

      gtk_box_append (GTK_BOX (box), row_label (quoted, "comment-quote"));
      g_string_append_printf (text, "%s\n", quoted);
    }
  gtk_box_append (GTK_BOX (box), row_label (comment->body, NULL));
  g_string_append_printf (text, "%s\n", comment->body);
  for (guint i = 0; i < replies->len; i++)
    {
      EvkComment *reply = g_ptr_array_index (replies, i);
      g_autofree char *reply_time = evk_comment_format_time (reply->created_at);
      g_autofree char *reply_byline = g_strdup_printf (_("%s · %s"), reply->author, reply_time);
      GtkWidget *reply_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_add_css_class (reply_box, "comment-reply");
      gtk_box_append (GTK_BOX (reply_box), row_label (reply_byline, "dim-label"));
      gtk_box_append (GTK_BOX (reply_box), row_label (reply->body, NULL));
      gtk_box_append (GTK_BOX (box), reply_box);
      g_string_append_printf (text, "%s\n%s\n", reply_byline, reply->body);
    }

  gtk_widget_add_css_class (box, "comment-row");
  if (resolved)
    gtk_widget_add_css_class (box, "resolved");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, place_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, comment->body, -1);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (comment->uuid), g_free);
  g_object_set_data_full (G_OBJECT (row), "place", g_strdup (comment->place), g_free);
  g_object_set_data_full (G_OBJECT (row), "text", g_string_free (g_steal_pointer (&text), FALSE), g_free);
  return row;
}

static void
rebuild_list (EvkCommentsPage *self)
{
  EvkCommentModel *model = get_model (self);
  GPtrArray *all = evk_comment_model_get_all (model);
  const char *lang = evk_workspace_get_language (self->workspace);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (search, -1);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  double scroll = gtk_adjustment_get_value (adjustment);
  guint n_threads = 0;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  /* Newest first: the comments that came in last are the ones to read. */
  for (guint i = all->len; i-- > 0;)
    {
      EvkComment *comment = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) replies = NULL;
      g_autofree char *place_label = NULL;
      gboolean removed;
      GtkWidget *row;

      if (comment->parent_uuid != NULL)
        continue;
      n_threads++;
      replies = evk_comment_model_get_replies (model, comment->uuid);
      place_label = evk_comment_model_place_label (model, comment, lang, &removed);
      if (!thread_matches (self, comment, replies, place_label, needle))
        continue;
      row = thread_row (self, comment, replies, place_label, removed);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->rows->len > 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
      gtk_adjustment_set_value (adjustment, scroll);
      return;
    }
  if (n_threads == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Comments Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                       evk_workspace_is_read_only (self->workspace)
                                       ? _("Comment on a chart, a measure or a text with its comment button. The evaluator merges this copy’s comments into the evaluation.")
                                       : _("Comments made on charts, measures and texts appear here, and so do those merged from review copies or imported from annotated draft PDFs."));
    }
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Matching Comments"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                       _("No comment matches the search and the filters."));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

/* The reviewers, in the order they first wrote; the one chosen stays
 * chosen while they have comments. */
static void
rebuild_authors (EvkCommentsPage *self)
{
  GPtrArray *all = evk_comment_model_get_all (get_model (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected = g_strdup (selected_author (self));
  guint position = 0;

  g_ptr_array_set_size (self->authors, 0);
  gtk_string_list_append (names, _("All reviewers"));
  for (guint i = 0; i < all->len; i++)
    {
      EvkComment *comment = g_ptr_array_index (all, i);

      if (g_ptr_array_find_with_equal_func (self->authors, comment->author, g_str_equal, NULL))
        continue;
      g_ptr_array_add (self->authors, g_strdup (comment->author));
      gtk_string_list_append (names, comment->author);
      if (g_strcmp0 (comment->author, selected) == 0)
        position = self->authors->len;
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->author_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->author_dropdown), position);
}

static void
filters_changed (EvkCommentsPage *self)
{
  if (!self->updating)
    rebuild_list (self);
}

static void
row_activated (GtkListBox      *list,
               GtkListBoxRow   *row,
               EvkCommentsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-place", "s",
                              g_object_get_data (G_OBJECT (row), "place"));
}

static void
model_changed (EvkCommentModel *model,
               EvkCommentsPage *self)
{
  self->updating = TRUE;
  rebuild_authors (self);
  self->updating = FALSE;
  rebuild_list (self);
}

static void
language_changed (EvkWorkspace    *workspace,
                  GParamSpec      *pspec,
                  EvkCommentsPage *self)
{
  rebuild_list (self);
}

static void
evk_comments_page_dispose (GObject *object)
{
  EvkCommentsPage *self = EVK_COMMENTS_PAGE (object);

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (get_model (self), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_COMMENTS_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  G_OBJECT_CLASS (evk_comments_page_parent_class)->dispose (object);
}

static void
evk_comments_page_class_init (EvkCommentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_comments_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-comments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, box);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, list);
  gtk_widget_class_bind_template_child (widget_class, EvkCommentsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
evk_comments_page_init (EvkCommentsPage *self)
{
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->authors = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new ();
  gtk_string_list_append (kind_names, _("All places"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_names, _(kinds[i].label));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->kind_dropdown), G_LIST_MODEL (kind_names));
  self->updating = FALSE;
}

GtkWidget *
evk_comments_page_new (EvkWorkspace *workspace)
{
  EvkCommentsPage *self;

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (EVK_TYPE_COMMENTS_PAGE, NULL);
  self->workspace = g_object_ref (workspace);
  g_signal_connect (get_model (self), "changed", G_CALLBACK (model_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  model_changed (get_model (self), self);
  return GTK_WIDGET (self);
}

void
evk_comments_page_set_status (EvkCommentsPage   *self,
                              EvkCommentsStatus  status)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_dropdown), status);
}

void
evk_comments_page_set_author (EvkCommentsPage *self,
                              const char      *author)
{
  guint position = 0;

  for (guint i = 0; author != NULL && i < self->authors->len; i++)
    if (g_str_equal (g_ptr_array_index (self->authors, i), author))
      position = i + 1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->author_dropdown), position);
}

void
evk_comments_page_set_kind (EvkCommentsPage *self,
                            const char      *kind)
{
  guint position = 0;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      position = i + 1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), position);
}

void
evk_comments_page_set_search (EvkCommentsPage *self,
                              const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* The entry waits a moment before it says the search changed. */
  rebuild_list (self);
}

GPtrArray *
evk_comments_page_get_rows (EvkCommentsPage *self)
{
  return g_ptr_array_copy (self->rows, NULL, NULL);
}

char *
evk_comments_page_row_text (GtkWidget *row)
{
  return g_strdup (g_object_get_data (G_OBJECT (row), "text"));
}

GtkButton *
evk_comments_page_row_resolve_button (GtkWidget *row)
{
  return GTK_BUTTON (g_object_get_data (G_OBJECT (row), "resolve-button"));
}

gboolean
evk_comments_page_is_empty (EvkCommentsPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "empty") == 0;
}
