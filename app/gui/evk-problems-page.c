/* evk-problems-page.c: what to fix before the report is sent, each leading to its place
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-problems-page"

#include "config.h"

#include <glib/gi18n.h>

#include "evk-check.h"
#include "evk-problems-page.h"

struct _EvkProblemsPage
{
  GtkWidget     parent_instance;

  EvkWorkspace *workspace;
  GCancellable *cancellable;   /* the running check's */
  GPtrArray    *groups;        /* the kinds' groups shown, to remove */
  GPtrArray    *rows;          /* the rows, borrowed */

  /* Template children */
  GtkWidget    *box;
  GtkWidget    *summary_label;
  GtkWidget    *refresh_button;
  GtkWidget    *stack;
  GtkWidget    *list_box;
  GtkWidget    *empty_page;
  GtkWidget    *error_page;
};

G_DEFINE_FINAL_TYPE (EvkProblemsPage, evk_problems_page, GTK_TYPE_WIDGET)

/* ---- The check, in a thread --------------------------------------------- */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *problems = evk_check_file (task_data, NULL, &error);

  if (problems == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_ptr_array_unref);
}

void
evk_problems_check_async (EvkWorkspace        *workspace,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (workspace, cancellable, callback, user_data);

  g_return_if_fail (EVK_IS_WORKSPACE (workspace));
  g_task_set_source_tag (task, evk_problems_check_async);
  /* The thread opens the file itself: the window's connection stays the
   * window's, and a long integrity check never holds up the UI. */
  g_task_set_task_data (task, g_strdup (evk_project_get_path (evk_workspace_get_project (workspace))), g_free);
  g_task_run_in_thread (task, check_thread);
}

GPtrArray *
evk_problems_check_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
evk_problems_count_text (guint n_problems)
{
  if (n_problems == 0)
    return g_strdup (_("No problems before sending"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem before sending",
                                       "%u problems before sending", n_problems), n_problems);
}

/* ---- The page ------------------------------------------------------------ */

/* The groups' titles, in the order of EvkProblemKind. */
static const char *
kind_title (EvkProblemKind kind)
{
  switch (kind)
    {
    case EVK_PROBLEM_DAMAGED:
      return _("Damaged File");
    case EVK_PROBLEM_TRANSLATION_MISSING:
      return _("Missing Translations");
    case EVK_PROBLEM_TRANSLATION_OUTDATED:
      return _("Outdated Translations");
    case EVK_PROBLEM_LIVE_FIGURE:
      return _("Live Figures That Do Not Resolve");
    case EVK_PROBLEM_NO_ALT_TEXT:
      return _("Charts Without Alt Text");
    case EVK_PROBLEM_EMPTY_SECTION:
      return _("Empty Sections");
    case EVK_PROBLEM_NARRATIVE:
      return _("Texts the Report Cannot Read");
    case EVK_PROBLEM_SMALL_CELLS:
      return _("Small Cells Shown");
    case EVK_PROBLEM_CROSS_REFERENCE:
      return _("Cross-References to Nothing");
    case EVK_N_PROBLEM_KINDS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

static void
clear_list (EvkProblemsPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->list_box), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
problem_row (EvkProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: a problem's message and the language it is in, e.g.
   * "translation missing · en" */
  subtitle = problem->lang != NULL ? g_strdup_printf (_("%s · %s"), problem->message, problem->lang)
                                   : g_strdup (problem->message);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->place_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* A translation is fixed on the Translations page, at its string. */
  if ((problem->kind == EVK_PROBLEM_TRANSLATION_MISSING || problem->kind == EVK_PROBLEM_TRANSLATION_OUTDATED) &&
      problem->lang != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-translation");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", problem->lang, problem->place_name);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-place");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", problem->place);
    }
  gtk_widget_set_tooltip_text (row, _("Go to the place"));
  accessible = g_strdup_printf ("%s: %s", problem->place_name, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "place", g_strdup (problem->place), g_free);
  g_object_set_data (G_OBJECT (row), "kind", (gpointer) evk_problem_kind_to_string (problem->kind));
  return row;
}

static void
show_problems (EvkProblemsPage *self,
               GPtrArray       *problems)
{
  g_autofree char *summary = evk_problems_count_text (problems->len);

  clear_list (self);
  /* "No Problems" says it already. */
  gtk_label_set_text (GTK_LABEL (self->summary_label), problems->len > 0 ? summary : "");
  if (problems->len == 0)
    {
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty_page);
      return;
    }
  /* A group per kind, in the order of the kinds; the report's order
   * within each. */
  for (EvkProblemKind kind = 0; kind < EVK_N_PROBLEM_KINDS; kind++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < problems->len; i++)
        {
          EvkProblem *problem = g_ptr_array_index (problems, i);
          GtkWidget *row;

          if (problem->kind != kind)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), kind_title (kind));
              gtk_box_append (GTK_BOX (self->list_box), group);
              g_ptr_array_add (self->groups, group);
            }
          row = problem_row (problem);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (self->rows, row);
        }
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = evk_problems_check_finish (result, &error);
  EvkProblemsPage *self;

  /* Cancelled: the page is gone or checks again; it is not touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = EVK_PROBLEMS_PAGE (user_data);
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->refresh_button, TRUE);
  if (problems == NULL)
    {
      clear_list (self);
      gtk_label_set_text (GTK_LABEL (self->summary_label), "");
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->error_page);
      return;
    }
  show_problems (self, problems);
}

void
evk_problems_page_refresh (EvkProblemsPage *self)
{
  g_return_if_fail (EVK_IS_PROBLEMS_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->refresh_button, FALSE);
  gtk_label_set_text (GTK_LABEL (self->summary_label), _("Checking the evaluation…"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "checking");
  evk_problems_check_async (self->workspace, self->cancellable, check_done, self);
}

static void
refresh_clicked (EvkProblemsPage *self)
{
  evk_problems_page_refresh (self);
}

gboolean
evk_problems_page_is_checking (EvkProblemsPage *self)
{
  g_return_val_if_fail (EVK_IS_PROBLEMS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

gboolean
evk_problems_page_is_empty (EvkProblemsPage *self)
{
  g_return_val_if_fail (EVK_IS_PROBLEMS_PAGE (self), FALSE);
  return gtk_stack_get_visible_child (GTK_STACK (self->stack)) == self->empty_page;
}

GPtrArray *
evk_problems_page_get_rows (EvkProblemsPage *self)
{
  GPtrArray *rows;

  g_return_val_if_fail (EVK_IS_PROBLEMS_PAGE (self), NULL);
  rows = g_ptr_array_new ();
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (self->rows, i));
  return rows;
}

GtkButton *
evk_problems_page_get_refresh_button (EvkProblemsPage *self)
{
  g_return_val_if_fail (EVK_IS_PROBLEMS_PAGE (self), NULL);
  return GTK_BUTTON (self->refresh_button);
}

static void
evk_problems_page_dispose (GObject *object)
{
  EvkProblemsPage *self = EVK_PROBLEMS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVK_TYPE_PROBLEMS_PAGE);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (evk_problems_page_parent_class)->dispose (object);
}

static void
evk_problems_page_class_init (EvkProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evk_problems_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/evalkit/Evalkit/evk-problems-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvkProblemsPage, box);
  gtk_widget_class_bind_template_child (widget_class, EvkProblemsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EvkProblemsPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, EvkProblemsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EvkProblemsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, EvkProblemsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EvkProblemsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked);
}

static void
evk_problems_page_init (EvkProblemsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
}

GtkWidget *
evk_problems_page_new (EvkWorkspace *workspace)
{
  EvkProblemsPage *self;

  g_return_val_if_fail (EVK_IS_WORKSPACE (workspace), NULL);
  self = g_object_new (EVK_TYPE_PROBLEMS_PAGE, NULL);
  self->workspace = g_object_ref (workspace);
  evk_problems_page_refresh (self);
  return GTK_WIDGET (self);
}
