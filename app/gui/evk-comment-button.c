/* evk-comment-button.c: the comments on one place: a count, and a popover with the thread
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-comment-button"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "evk-comment-button.h"

struct _EvkCommentButton
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  char         *place;
  guint         count;

  GtkWidget    *menu_button;
  GtkWidget    *count_label;
  GtkWidget    *popover;
  GtkWidget    *heading;
  GtkWidget    *threads;
  GtkWidget    *empty_label;
  GtkWidget    *text_view;
  GtkWidget    *author_label;
  GtkWidget    *send_button;
};

G_DEFINE_FINAL_TYPE (EvkCommentButton, evk_comment_button, GTK_TYPE_WIDGET)

static EvkCommentModel *
get_model (EvkCommentButton *self)
{
  return evk_workspace_get_comments (self->workspace);
}

static void
toast (EvkCommentButton *self,
       const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Author and time over the quote and the text. */
static GtkWidget *
comment_view (EvkComment *comment,
              gboolean    show_status)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *author = wrapped_label (comment->author, "heading");
  g_autofree char *time = evk_comment_format_time (comment->created_at);
  GtkWidget *time_label = gtk_label_new (time);
  GtkWidget *body = wrapped_label (comment->body, NULL);

  gtk_widget_set_hexpand (author, TRUE);
  gtk_box_append (GTK_BOX (header), author);
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_add_css_class (time_label, "caption");
  gtk_widget_set_valign (time_label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (header), time_label);
  if (show_status && g_strcmp0 (comment->status, "resolved") == 0)
    {
      /* Translators: a comment the evaluator has dealt with */
      GtkWidget *badge = gtk_label_new (_("Resolved"));

      gtk_widget_add_css_class (badge, "status-badge");
      gtk_widget_add_css_class (badge, "status-first");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), badge);
    }
  gtk_box_append (GTK_BOX (box), header);
  if (comment->quote != NULL && comment->quote[0] != '\0')
    {
      /* Translators: the text a reviewer highlighted, quoted */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), comment->quote);

      gtk_box_append (GTK_BOX (box), wrapped_label (quoted, "comment-quote"));
    }
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

static void
resolve_clicked (GtkButton        *button,
                 EvkCommentButton *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (button), "uuid");
  gboolean resolve = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "resolve"));

  if (!evk_comment_model_set_resolved (get_model (self), uuid, resolve, &error))
    toast (self, error->message);
}

static void
reply_activated (GtkEntry         *entry,
                 EvkCommentButton *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (g_strstrip (text)[0] == '\0')
    return;
  uuid = evk_comment_model_add (get_model (self), self->place, g_object_get_data (G_OBJECT (entry), "uuid"),
                                text, NULL, &error);
  if (uuid == NULL)
    toast (self, error->message);
}

static GtkWidget *
thread_view (EvkCommentButton *self,
             EvkComment       *comment)
{
  EvkCommentModel *model = get_model (self);
  g_autoptr(GPtrArray) replies = evk_comment_model_get_replies (model, comment->uuid);
  gboolean resolved = g_strcmp0 (comment->status, "resolved") == 0;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reply = gtk_entry_new ();
  GtkWidget *resolve = gtk_button_new_with_mnemonic (resolved ? _("Re_open") : _("_Resolve"));

  gtk_widget_add_css_class (box, "comment-thread");
  if (resolved)
    gtk_widget_add_css_class (box, "resolved");
  gtk_box_append (GTK_BOX (box), comment_view (comment, TRUE));
  for (guint i = 0; i < replies->len; i++)
    {
      GtkWidget *view = comment_view (g_ptr_array_index (replies, i), FALSE);

      gtk_widget_add_css_class (view, "comment-reply");
      gtk_box_append (GTK_BOX (box), view);
    }

  gtk_entry_set_placeholder_text (GTK_ENTRY (reply), _("Reply…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reply), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reply"), -1);
  gtk_widget_set_hexpand (reply, TRUE);
  g_object_set_data_full (G_OBJECT (reply), "uuid", g_strdup (comment->uuid), g_free);
  g_signal_connect (reply, "activate", G_CALLBACK (reply_activated), self);
  gtk_box_append (GTK_BOX (actions), reply);

  gtk_widget_set_tooltip_text (resolve, resolved ? _("Open the comment again") : _("Mark the comment as dealt with"));
  g_object_set_data_full (G_OBJECT (resolve), "uuid", g_strdup (comment->uuid), g_free);
  g_object_set_data (G_OBJECT (resolve), "resolve", GINT_TO_POINTER (!resolved));
  g_signal_connect (resolve, "clicked", G_CALLBACK (resolve_clicked), self);
  gtk_box_append (GTK_BOX (actions), resolve);
  gtk_box_append (GTK_BOX (box), actions);
  return box;
}

static void
rebuild_threads (EvkCommentButton *self)
{
  EvkCommentModel *model = get_model (self);
  g_autoptr(GPtrArray) threads = evk_comment_model_get_threads (model, self->place);
  const char *name = evk_comment_model_place_name (model, self->place, evk_workspace_get_language (self->workspace));
  g_autofree char *author = NULL;
  GtkWidget *child;

  gtk_label_set_text (GTK_LABEL (self->heading), name != NULL ? name : _("Comments"));
  while ((child = gtk_widget_get_first_child (self->threads)) != NULL)
    gtk_box_remove (GTK_BOX (self->threads), child);
  for (guint i = 0; i < threads->len; i++)
    gtk_box_append (GTK_BOX (self->threads), thread_view (self, g_ptr_array_index (threads, i)));
  gtk_widget_set_visible (self->threads, threads->len > 0);
  gtk_widget_set_visible (self->empty_label, threads->len == 0);
  /* Translators: under the entry of a new comment; %s is the author's name */
  author = g_strdup_printf (_("As %s"), evk_comment_model_get_author (model));
  gtk_label_set_text (GTK_LABEL (self->author_label), author);
}

static void
update_count (EvkCommentButton *self)
{
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  self->count = self->place != NULL ? evk_comment_model_count_open (get_model (self), self->place) : 0;
  count = g_strdup_printf ("%u", self->count);
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_widget_set_visible (self->count_label, self->count > 0);
  if (self->count == 0)
    tooltip = g_strdup (_("Comments"));
  else
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open comment", "%u open comments", self->count),
                               self->count);
  gtk_widget_set_tooltip_text (self->menu_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  if (self->count > 0)
    gtk_widget_add_css_class (self->menu_button, "has-comments");
  else
    gtk_widget_remove_css_class (self->menu_button, "has-comments");
}

static void
model_changed (EvkCommentModel  *model,
               EvkCommentButton *self)
{
  update_count (self);
  if (gtk_widget_get_visible (self->popover))
    rebuild_threads (self);
}

static void
popover_shown (GtkWidget        *popover,
               EvkCommentButton *self)
{
  rebuild_threads (self);
}

static void
send_clicked (GtkButton        *button,
              EvkCommentButton *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  uuid = evk_comment_model_add (get_model (self), self->place, NULL, text, NULL, &error);
  if (uuid == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_text_buffer_set_text (buffer, "", -1);
}

static void
text_changed (GtkTextBuffer    *buffer,
              EvkCommentButton *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_widget_set_sensitive (self->send_button, g_strstrip (text)[0] != '\0');
}

static gboolean
send_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  EvkCommentButton *self = user_data;

  if (gtk_widget_get_sensitive (self->send_button))
    gtk_widget_activate (self->send_button);
  return TRUE;
}

static void
build_popover (EvkCommentButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->heading = wrapped_label (NULL, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), self->heading);

  self->threads = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->threads);
  gtk_box_append (GTK_BOX (box), scrolled);
  self->empty_label = wrapped_label (_("No comments here yet."), "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty_label);

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_widget_set_size_request (self->text_view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New comment"), -1);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "changed",
                    G_CALLBACK (text_changed), self);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                          gtk_callback_action_new (send_shortcut, self, NULL)));
  gtk_widget_add_controller (self->text_view, shortcuts);
  gtk_frame_set_child (GTK_FRAME (frame), self->text_view);
  gtk_box_append (GTK_BOX (box), frame);

  self->author_label = wrapped_label (NULL, "dim-label");
  gtk_widget_add_css_class (self->author_label, "caption");
  gtk_widget_set_hexpand (self->author_label, TRUE);
  gtk_widget_set_valign (self->author_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (footer), self->author_label);
  /* Translators: the button that adds a new comment */
  self->send_button = gtk_button_new_with_mnemonic (_("_Comment"));
  gtk_widget_set_tooltip_text (self->send_button, _("Add the comment (Ctrl+Enter)"));
  gtk_widget_add_css_class (self->send_button, "suggested-action");
  gtk_widget_set_sensitive (self->send_button, FALSE);
  g_signal_connect (self->send_button, "clicked", G_CALLBACK (send_clicked), self);
  gtk_box_append (GTK_BOX (footer), self->send_button);
  gtk_box_append (GTK_BOX (box), footer);

  gtk_widget_set_size_request (box, 340, -1);
  gtk_widget_add_css_class (box, "comment-popover");
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect (self->popover, "show", G_CALLBACK (popover_shown), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
}

static void
evk_comment_button_dispose (GObject *object)
{
  EvkCommentButton *self = EVK_COMMENT_BUTTON (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (get_model (self), self);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (evk_comment_button_parent_class)->dispose (object);
}

static void
evk_comment_button_finalize (GObject *object)
{
  EvkCommentButton *self = EVK_COMMENT_BUTTON (object);

  g_free (self->place);
  G_OBJECT_CLASS (evk_comment_button_parent_class)->finalize (object);
}

static void
evk_comment_button_class_init (EvkCommentButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_comment_button_dispose;
  object_class->finalize = evk_comment_button_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "commentbutton");
}

static void
evk_comment_button_init (EvkCommentButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  self->menu_button = gtk_menu_button_new ();
  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "comment-count");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("chat-message-new-symbolic"));
  gtk_box_append (GTK_BOX (box), self->count_label);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), box);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  build_popover (self);
}

GtkWidget *
evk_comment_button_new (EvkWorkspace *workspace,
                        const char   *place)
{
  EvkCommentButton *self;

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (EVK_TYPE_COMMENT_BUTTON, NULL);
  self->workspace = g_object_ref (workspace);
  self->place = g_strdup (place);
  g_signal_connect (get_model (self), "changed", G_CALLBACK (model_changed), self);
  update_count (self);
  return GTK_WIDGET (self);
}

const char *
evk_comment_button_get_place (EvkCommentButton *self)
{
  g_return_val_if_fail (EVK_IS_COMMENT_BUTTON (self), NULL);
  return self->place;
}

void
evk_comment_button_set_place (EvkCommentButton *self,
                              const char       *place)
{
  g_return_if_fail (EVK_IS_COMMENT_BUTTON (self));

  if (g_strcmp0 (place, self->place) == 0)
    return;
  g_free (self->place);
  self->place = g_strdup (place);
  update_count (self);
  if (gtk_widget_get_visible (self->popover))
    rebuild_threads (self);
}

guint
evk_comment_button_get_count (EvkCommentButton *self)
{
  g_return_val_if_fail (EVK_IS_COMMENT_BUTTON (self), 0);
  return self->count;
}

void
evk_comment_button_popup (EvkCommentButton *self)
{
  g_return_if_fail (EVK_IS_COMMENT_BUTTON (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

void
evk_comment_button_popdown (EvkCommentButton *self)
{
  g_return_if_fail (EVK_IS_COMMENT_BUTTON (self));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

GtkPopover *
evk_comment_button_get_popover (EvkCommentButton *self)
{
  return GTK_POPOVER (self->popover);
}

GtkTextView *
evk_comment_button_get_text_view (EvkCommentButton *self)
{
  return GTK_TEXT_VIEW (self->text_view);
}

GtkButton *
evk_comment_button_get_send_button (EvkCommentButton *self)
{
  return GTK_BUTTON (self->send_button);
}

EvkCommentButton *
evk_comment_button_find (GtkWidget  *root,
                         const char *place)
{
  if (EVK_IS_COMMENT_BUTTON (root) && g_strcmp0 (EVK_COMMENT_BUTTON (root)->place, place) == 0)
    return EVK_COMMENT_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EvkCommentButton *found = evk_comment_button_find (child, place);

      if (found != NULL)
        return found;
    }
  return NULL;
}
