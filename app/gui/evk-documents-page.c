/* evk-documents-page.c: the reviewed documents, searchable
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-documents-page.h"
#include "evk-format.h"

struct _EvkDocumentsPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  char         *filter;

  GtkWidget    *box;
  GtkWidget    *search;
  GtkWidget    *summary;
  GtkWidget    *list;
};

G_DEFINE_FINAL_TYPE (EvkDocumentsPage, evk_documents_page, GTK_TYPE_WIDGET)

static const char *
type_name (EvkDocumentType type)
{
  switch (type)
    {
    case EVK_DOCUMENT_ALLOCATION_LETTER: return _("Allocation letter");
    case EVK_DOCUMENT_SUPPLEMENTARY_LETTER: return _("Supplementary letter");
    case EVK_DOCUMENT_ANNUAL_REPORT: return _("Annual report");
    case EVK_DOCUMENT_MEMO: return _("Memo");
    case EVK_DOCUMENT_RESEARCH_REPORT: return _("Research report");
    default: return "";
    }
}

static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       user_data)
{
  EvkDocumentsPage *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "search-text");

  return self->filter == NULL || self->filter[0] == '\0' ||
         (haystack != NULL && strstr (haystack, self->filter) != NULL);
}

static void
rebuild (EvkDocumentsPage *self)
{
  EvkDocumentsStats *documents = evk_workspace_get_documents (self->workspace);
  const char *lang = evk_workspace_get_language (self->workspace);
  g_autoptr(GHashTable) n_codings = g_hash_table_new (NULL, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (documents == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->summary), _("The project has no document review yet. Import a coding sheet from the Import menu."));
      return;
    }
  {
    g_autofree char *docs = evk_format_number (lang, documents->n_documents, 0);
    g_autofree char *codings = evk_format_number (lang, documents->n_codings, 0);
    g_autofree char *text = g_strdup_printf (_("%s documents, %s codings"), docs, codings);
    gtk_label_set_text (GTK_LABEL (self->summary), text);
  }

  for (guint i = 0; i < documents->documents->codings->len; i++)
    {
      EvkCoding *coding = g_ptr_array_index (documents->documents->codings, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (n_codings, coding->document));
      g_hash_table_insert (n_codings, coding->document, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < documents->documents->documents->len; i++)
    {
      EvkDocument *document = g_ptr_array_index (documents->documents->documents, i);
      GtkWidget *row = adw_action_row_new ();
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (n_codings, document));
      g_autofree char *subtitle = g_strdup_printf ("%s · %d · %s → %s", type_name (document->type), document->year,
                                                   document->issuer ? document->issuer : "",
                                                   document->recipient ? document->recipient : "");
      g_autofree char *search = g_strdup_printf ("%s %s", document->title, subtitle);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u coding", "%u codings", n), n);
      GtkWidget *count_label = gtk_label_new (count);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), document->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (count_label, n > 0 ? "accent" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);
      g_object_set_data_full (G_OBJECT (row), "search-text", g_utf8_casefold (search, -1), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

guint
evk_documents_page_search (EvkDocumentsPage *self,
                           const char       *text)
{
  guint n = 0;

  g_free (self->filter);
  self->filter = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list));
  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (row_matches (GTK_LIST_BOX_ROW (child), self))
      n++;
  return n;
}

static void
search_changed (GtkSearchEntry   *entry,
                EvkDocumentsPage *self)
{
  evk_documents_page_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
workspace_changed (EvkWorkspace     *workspace,
                   const char       *what,
                   EvkDocumentsPage *self)
{
  if (g_strcmp0 (what, "documents") == 0 || g_strcmp0 (what, "strategy") == 0)
    rebuild (self);
}

static void
language_changed (EvkWorkspace     *workspace,
                  GParamSpec       *pspec,
                  EvkDocumentsPage *self)
{
  rebuild (self);
}

static void
evk_documents_page_dispose (GObject *object)
{
  EvkDocumentsPage *self = EVK_DOCUMENTS_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_DOCUMENTS_PAGE);
  g_clear_pointer (&self->filter, g_free);
  G_OBJECT_CLASS (evk_documents_page_parent_class)->dispose (object);
}

static void
evk_documents_page_class_init (EvkDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_documents_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkDocumentsPage, box);
  gtk_widget_class_bind_template_child (widget_class, EvkDocumentsPage, search);
  gtk_widget_class_bind_template_child (widget_class, EvkDocumentsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, EvkDocumentsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
}

static void
evk_documents_page_init (EvkDocumentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), row_matches, self, NULL);
}

GtkWidget *
evk_documents_page_new (EvkWorkspace *workspace)
{
  EvkDocumentsPage *self = g_object_new (EVK_TYPE_DOCUMENTS_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect (workspace, "notify::language", G_CALLBACK (language_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
