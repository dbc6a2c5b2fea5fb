/* evk-report-settings.c: the report's title page, figures and questionnaire settings
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "evk-chart.h"
#include "evk-localized.h"
#include "evk-narrative.h"
#include "evk-report.h"
#include "evk-report-settings.h"
#include "evk-store-texts.h"

/* Language-neutral settings are project_meta rows ("report.KEY"); texts
 * are project texts (entity "project", id 0, field "report:KEY") so that
 * translators see them with everything else. The report's own figures
 * (those outside the measures) are a key file in project_meta
 * "report.Figures", their captions and group names project texts
 * "report:figure:KEY:caption" and "report:figure:KEY:group:N". */

static const char * const meta_keys[] = { "Number", "ISSN", "Date", "Authors", "QuestionnaireExclude" };
static const char * const text_keys[] = { "Title", "Subtitle", "Client", "Place", "Keywords", "Subject" };

char *
evk_report_meta_key (const char *key)
{
  return g_strdup_printf ("report.%s", key);
}

char *
evk_report_text_field (const char *key)
{
  return g_strdup_printf ("report:%s", key);
}

char *
evk_report_figure_field (const char *figure,
                         const char *what)
{
  return g_strdup_printf ("report:figure:%s:%s", figure, what);
}

static GHashTable *
read_localized (GKeyFile    *keyfile,
                const char  *group,
                const char  *key,
                GStrv        languages)
{
  GHashTable *localized = evk_localized_new ();

  for (guint l = 0; languages[l] != NULL; l++)
    {
      g_autofree char *full = g_strdup_printf ("%s[%s]", key, languages[l]);
      g_autofree char *value = g_key_file_get_string (keyfile, group, full, NULL);

      if (value == NULL && l == 0)
        value = g_key_file_get_string (keyfile, group, key, NULL);
      if (value != NULL)
        evk_localized_set (localized, languages[l], value);
    }
  return localized;
}

typedef struct {
  GKeyFile   *keyfile;
  GStrv       languages;
  const char *path;
} Settings;

static gboolean
set_meta (EvkStore    *store,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autofree char *meta_key = evk_report_meta_key (key);
  sqlite3_stmt *stmt;

  if (value == NULL)
    {
      stmt = evk_store_prepare (store, "DELETE FROM project_meta WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      evk_stmt_bind_text (stmt, 1, meta_key);
      return evk_store_step (store, stmt, NULL, error);
    }
  stmt = evk_store_prepare (store, "INSERT OR REPLACE INTO project_meta (key, value) VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  evk_stmt_bind_text (stmt, 1, meta_key);
  evk_stmt_bind_text (stmt, 2, value);
  return evk_store_step (store, stmt, NULL, error);
}

/* Checks a [Figure KEY] group, adds it to figures and stores its texts. */
static gboolean
save_figure (EvkStore    *store,
             Settings    *s,
             const char  *key,
             GKeyFile    *figures,
             GError     **error)
{
  g_autofree char *group = g_strdup_printf ("Figure %s", key);
  g_autofree char *kind_name = NULL, *place = NULL, *caption_field = NULL;
  g_auto(GStrv) tables = NULL;
  g_autoptr(GHashTable) caption = NULL;
  EvkChartKind kind;

  if (!g_key_file_has_group (s->keyfile, group))
    {
      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_FIGURE,
                   _("%s: [Report] Figures names “%s”, but there is no group [%s]"),
                   s->path, key, group);
      return FALSE;
    }
  kind_name = g_key_file_get_string (s->keyfile, group, "Kind", NULL);
  tables = g_key_file_get_string_list (s->keyfile, group, "Tables", NULL, NULL);
  place = g_key_file_get_string (s->keyfile, group, "Place", NULL);
  if (kind_name == NULL || !evk_chart_kind_from_string (kind_name, &kind))
    {
      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_FIGURE,
                   _("%s: [%s] Kind: “%s” is not a chart kind"), s->path, group,
                   kind_name != NULL ? kind_name : "");
      return FALSE;
    }
  if (tables == NULL || tables[0] == NULL || place == NULL || strchr (place, ':') == NULL)
    {
      g_set_error (error, EVK_REPORT_ERROR, EVK_REPORT_ERROR_FIGURE,
                   _("%s: [%s] needs Tables and Place (FILE:SECTION)"), s->path, group);
      return FALSE;
    }

  g_key_file_set_string (figures, group, "Kind", evk_chart_kind_to_string (kind));
  g_key_file_set_string_list (figures, group, "Tables", (const char * const *) tables,
                              g_strv_length (tables));
  g_key_file_set_string (figures, group, "Place", place);

  caption_field = evk_report_figure_field (key, "caption");
  caption = read_localized (s->keyfile, group, "Caption", s->languages);
  if (!evk_store_replace_texts (store, "project", 0, caption_field, caption,
                                (const char * const *) s->languages, error))
    return FALSE;
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autoptr(GHashTable) names = evk_localized_new ();
      g_autofree char *what = g_strdup_printf ("group:%u", t);
      g_autofree char *field = evk_report_figure_field (key, what);

      for (guint l = 0; s->languages[l] != NULL; l++)
        {
          g_autofree char *full = g_strdup_printf ("Groups[%s]", s->languages[l]);
          g_auto(GStrv) list = g_key_file_get_string_list (s->keyfile, group, full, NULL, NULL);

          if (list == NULL && l == 0)
            list = g_key_file_get_string_list (s->keyfile, group, "Groups", NULL, NULL);
          if (list != NULL && g_strv_length (list) > t)
            evk_localized_set (names, s->languages[l], list[t]);
        }
      if (!evk_store_replace_texts (store, "project", 0, field, names,
                                    (const char * const *) s->languages, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_settings (EvkStore  *store,
               gpointer   user_data,
               GError   **error)
{
  Settings *s = user_data;
  g_autoptr(GKeyFile) figures = g_key_file_new ();
  g_autofree char *figures_text = NULL;
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    {
      g_autofree char *value = g_key_file_get_string (s->keyfile, "Report", meta_keys[i], NULL);

      if (!set_meta (store, meta_keys[i], value, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    {
      g_autoptr(GHashTable) localized = read_localized (s->keyfile, "Report", text_keys[i], s->languages);
      g_autofree char *field = evk_report_text_field (text_keys[i]);

      if (!evk_store_replace_texts (store, "project", 0, field, localized,
                                    (const char * const *) s->languages, error))
        return FALSE;
    }

  /* The report's own figures replace the previous import's. They are not
   * saved charts (the chart table is the window's), but part of the
   * report's layout: a key file in project_meta. */
  keys = g_key_file_get_string_list (s->keyfile, "Report", "Figures", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!save_figure (store, s, keys[i], figures, error))
      return FALSE;
  if (keys != NULL)
    g_key_file_set_string_list (figures, "Report", "Figures", (const char * const *) keys, g_strv_length (keys));
  figures_text = g_key_file_to_data (figures, NULL, NULL);
  return set_meta (store, "Figures", keys != NULL ? figures_text : NULL, error);
}

gboolean
evk_report_import_settings (EvkProject  *project,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) languages = NULL;
  Settings s = { 0 };

  g_return_val_if_fail (EVK_IS_PROJECT (project), FALSE);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (!g_key_file_has_group (keyfile, "Report"))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s: there is no [Report] group"), path);
      return FALSE;
    }
  languages = evk_store_get_languages (evk_project_get_store (project), error);
  if (languages == NULL)
    return FALSE;
  s.keyfile = keyfile;
  s.languages = languages;
  s.path = path;
  return evk_store_transaction (evk_project_get_store (project), save_settings, &s, error);
}

gboolean
evk_report_import_demo (EvkProject  *project,
                        const char  *demo_dir,
                        GError     **error)
{
  g_autofree char *narrative = g_build_filename (demo_dir, "narrative", NULL);
  g_autofree char *settings = g_build_filename (demo_dir, "report.ini", NULL);

  return evk_narrative_import_dir (project, narrative, error) &&
         evk_report_import_settings (project, settings, error);
}
