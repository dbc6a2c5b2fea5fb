/* evk-live-figure.c: figures in the narrative, computed when the report is built
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-live-figure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evk-format.h"
#include "evk-live-figure.h"
#include "evk-table-spec.h"

G_DEFINE_QUARK (evk-live-figure-error-quark, evk_live_figure_error)

/* One table source for every table of a render: the survey's dictionary
 * and strategy are read once, each column the first time a table needs
 * it, each group's respondents once; and each table once, under its
 * canonical spec, so that "awareness 7 group=g" in the text and
 * "awareness  7  group=g" in a chart are one computation. */
struct _EvkLiveFigures
{
  EvkProject     *project;
  EvkTableSource *source;
  GHashTable     *tables;   /* canonical spec → EvkTable */
};

typedef enum {
  FIELD_N,
  FIELD_SHARE,
  FIELD_BASE,
} Field;

EvkLiveFigures *
evk_live_figures_new (EvkProject *project)
{
  EvkLiveFigures *self = g_new0 (EvkLiveFigures, 1);

  self->project = g_object_ref (project);
  self->source = evk_table_source_new (project);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) evk_table_free);
  return self;
}

void
evk_live_figures_free (EvkLiveFigures *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->tables);
  g_clear_pointer (&self->source, evk_table_source_free);
  g_clear_object (&self->project);
  g_free (self);
}

EvkTableSource *
evk_live_figures_get_source (EvkLiveFigures *self)
{
  return self->source;
}

EvkTable *
evk_live_figures_get_table (EvkLiveFigures  *self,
                            const char      *spec,
                            GError         **error)
{
  g_autofree char *key = evk_table_spec_canonical (spec, NULL);
  EvkTable *table;

  /* A spec that does not parse is computed, to say why. */
  if (key == NULL)
    return evk_table_source_compute (self->source, spec, error);
  table = g_hash_table_lookup (self->tables, key);
  if (table != NULL)
    return table;
  table = evk_table_source_compute (self->source, spec, error);
  if (table == NULL)
    return NULL;
  g_hash_table_insert (self->tables, g_steal_pointer (&key), table);
  return table;
}

GStrv
evk_live_figures_get_specs (EvkLiveFigures *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer spec;

  g_return_val_if_fail (self != NULL, NULL);

  g_hash_table_iter_init (&iter, self->tables);
  while (g_hash_table_iter_next (&iter, &spec, NULL))
    g_strv_builder_add (builder, spec);
  return g_strv_builder_end (builder);
}

static char *
list_keys (GPtrArray *entries)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      EvkTableEntry *entry = g_ptr_array_index (entries, i);

      if (i > 0)
        g_string_append (keys, ", ");
      if (i == 12)
        {
          g_string_append (keys, "…");
          break;
        }
      g_string_append (keys, entry->key != NULL ? entry->key : "?");
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static gboolean
parse_field (const char  *word,
             Field       *field,
             int         *decimals,
             GError     **error)
{
  *decimals = 0;
  if (g_str_equal (word, "n"))
    *field = FIELD_N;
  else if (g_str_equal (word, "base"))
    *field = FIELD_BASE;
  else if (g_str_equal (word, "share"))
    *field = FIELD_SHARE;
  else if (g_str_has_prefix (word, "share.") && g_ascii_isdigit (word[6]) && word[7] == '\0')
    {
      *field = FIELD_SHARE;
      *decimals = word[6] - '0';
    }
  else
    {
      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_FIELD,
                   _("unknown field “%s” (use n, share, share.1 or base)"), word);
      return FALSE;
    }
  return TRUE;
}

gboolean
evk_live_figures_value (EvkLiveFigures  *self,
                        const char      *reference,
                        double          *value,
                        int             *decimals,
                        gboolean        *is_share,
                        GError         **error)
{
  g_autofree char *field_word = NULL;
  g_auto(GStrv) parts = NULL;
  const char *colon = strchr (reference, ':');
  const char *spec, *row_key = NULL, *column_key = NULL;
  EvkTable *table;
  Field field;
  int row = 0, column = 0;
  guint n_parts;

  if (colon == NULL)
    {
      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_SYNTAX,
                   _("a reference is written FIELD: SPEC | ROW | COLUMN"));
      return FALSE;
    }
  field_word = g_strstrip (g_strndup (reference, colon - reference));
  if (!parse_field (field_word, &field, decimals, error))
    return FALSE;

  parts = g_strsplit (colon + 1, "|", -1);
  n_parts = g_strv_length (parts);
  for (guint i = 0; i < n_parts; i++)
    g_strstrip (parts[i]);
  spec = parts[0];
  if (n_parts > 3 || *spec == '\0')
    {
      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_SYNTAX,
                   _("a reference is written FIELD: SPEC | ROW | COLUMN"));
      return FALSE;
    }
  if (n_parts > 1)
    row_key = parts[1];
  if (n_parts > 2)
    column_key = parts[2];

  table = evk_live_figures_get_table (self, spec, error);
  if (table == NULL)
    return FALSE;

  if (row_key == NULL || g_str_equal (row_key, "-"))
    {
      /* "-" stands for the only row; a table of several rows needs one. */
      if (table->rows->len != 1 && !(field == FIELD_BASE && row_key == NULL))
        {
          g_autofree char *keys = list_keys (table->rows);

          g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL,
                       _("the table has %u rows: name one (%s)"), table->rows->len, keys);
          return FALSE;
        }
      row = row_key == NULL && field == FIELD_BASE ? -1 : 0;
    }
  else if ((row = evk_table_find_row (table, row_key)) < 0)
    {
      g_autofree char *keys = list_keys (table->rows);

      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL,
                   _("the table has no row “%s” (it has: %s)"), row_key, keys);
      return FALSE;
    }

  if (column_key != NULL && !g_str_equal (column_key, "-") &&
      (column = evk_table_find_column (table, column_key)) < 0)
    {
      g_autofree char *keys = list_keys (table->columns);

      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL,
                   _("the table has no column “%s” (it has: %s)"), column_key, keys);
      return FALSE;
    }
  if (field == FIELD_BASE && column_key != NULL)
    {
      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_SYNTAX,
                   _("base takes no COLUMN"));
      return FALSE;
    }
  if (table->rows->len == 0 || table->columns->len == 0)
    {
      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL,
                   _("the table is empty"));
      return FALSE;
    }

  if (field != FIELD_BASE && evk_table_cell (table, row, column)->suppressed)
    {
      g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL,
                   _("the cell is suppressed: it has fewer respondents than the project shows (%u), "
                     "or such a cell could be derived from it"),
                   table->small_cell);
      return FALSE;
    }
  *is_share = field == FIELD_SHARE;
  switch (field)
    {
    case FIELD_BASE:
      {
        EvkTableEntry *entry = row >= 0 ? evk_table_row (table, row) : NULL;

        *value = entry != NULL && entry->n_base > 0 ? entry->n_base : table->n_base;
      }
      break;
    case FIELD_N:
      *value = evk_table_cell (table, row, column)->n;
      break;
    case FIELD_SHARE:
      *value = evk_table_cell (table, row, column)->share;
      if (isnan (*value))
        {
          g_set_error (error, EVK_LIVE_FIGURE_ERROR, EVK_LIVE_FIGURE_ERROR_CELL,
                       _("the share has no base (no respondents in the cell’s base)"));
          return FALSE;
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

char *
evk_live_figures_resolve (EvkLiveFigures  *self,
                          const char      *reference,
                          const char      *lang,
                          GError         **error)
{
  double value;
  int decimals;
  gboolean is_share;

  if (!evk_live_figures_value (self, reference, &value, &decimals, &is_share, error))
    return NULL;
  return is_share ? evk_format_percent (lang, value, decimals)
                  : evk_format_number (lang, value, 0);
}
