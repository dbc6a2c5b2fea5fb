/* bench-survey.c: the demo survey resampled to any size, for the benchmarks
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-survey.h"

#define SEED 20260521

/* ---- The demo survey in memory -------------------------------------- */

typedef struct {
  double  value;
  char   *str_value;
  char   *label;
} Label;

typedef struct {
  char              *name;
  char              *label;
  char              *format;
  readstat_type_t    type;
  readstat_measure_t measure;
  readstat_alignment_t alignment;
  int                display_width;
  size_t             width;
  char              *label_set;    /* may be NULL */
  GArray            *missing_lo;   /* double ranges, numeric */
  GArray            *missing_hi;
  GPtrArray         *missing_str;  /* string codes */
  double            *numbers;      /* per row */
  char             **strings;      /* per row, NULL = empty */
} SourceVariable;

static void
label_free (Label *label)
{
  g_free (label->str_value);
  g_free (label->label);
  g_free (label);
}

static void
source_variable_free (SourceVariable *v)
{
  g_free (v->name);
  g_free (v->label);
  g_free (v->format);
  g_free (v->label_set);
  g_array_unref (v->missing_lo);
  g_array_unref (v->missing_hi);
  g_ptr_array_unref (v->missing_str);
  g_free (v->numbers);
  if (v->strings != NULL)
    g_strfreev (v->strings);
  g_free (v);
}

static int
on_metadata (readstat_metadata_t *metadata,
             void                *data)
{
  BenchSurvey *source = data;
  int n = readstat_get_row_count (metadata);

  source->n_rows = n > 0 ? (guint) n : 0;
  source->file_label = g_strdup (readstat_get_file_label (metadata));
  return READSTAT_HANDLER_OK;
}

static int
on_variable (int                  index,
             readstat_variable_t *variable,
             const char          *val_labels,
             void                *data)
{
  BenchSurvey *source = data;
  SourceVariable *v = g_new0 (SourceVariable, 1);

  v->name = g_strdup (readstat_variable_get_name (variable));
  v->label = g_strdup (readstat_variable_get_label (variable));
  v->format = g_strdup (readstat_variable_get_format (variable));
  v->type = readstat_variable_get_type (variable);
  v->measure = readstat_variable_get_measure (variable);
  v->alignment = readstat_variable_get_alignment (variable);
  v->display_width = readstat_variable_get_display_width (variable);
  v->width = readstat_variable_get_storage_width (variable);
  v->label_set = g_strdup (val_labels);
  v->missing_lo = g_array_new (FALSE, FALSE, sizeof (double));
  v->missing_hi = g_array_new (FALSE, FALSE, sizeof (double));
  v->missing_str = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < readstat_variable_get_missing_ranges_count (variable); i++)
    {
      readstat_value_t lo = readstat_variable_get_missing_range_lo (variable, i);
      readstat_value_t hi = readstat_variable_get_missing_range_hi (variable, i);

      if (readstat_value_type_class (lo) == READSTAT_TYPE_CLASS_STRING)
        g_ptr_array_add (v->missing_str, g_strdup (readstat_string_value (lo)));
      else
        {
          double l = readstat_double_value (lo), h = readstat_double_value (hi);

          g_array_append_val (v->missing_lo, l);
          g_array_append_val (v->missing_hi, h);
        }
    }
  if (v->type == READSTAT_TYPE_STRING)
    v->strings = g_new0 (char *, source->n_rows + 1);
  else
    v->numbers = g_new0 (double, MAX (source->n_rows, 1));
  g_ptr_array_add (source->variables, v);
  return READSTAT_HANDLER_OK;
}

static int
on_value (int                  obs_index,
          readstat_variable_t *variable,
          readstat_value_t     value,
          void                *data)
{
  BenchSurvey *source = data;
  SourceVariable *v = g_ptr_array_index (source->variables, readstat_variable_get_index (variable));

  if (obs_index < 0 || (guint) obs_index >= source->n_rows)
    return READSTAT_HANDLER_ABORT;
  if (v->type == READSTAT_TYPE_STRING)
    {
      const char *text = readstat_string_value (value);

      v->strings[obs_index] = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
    }
  else
    v->numbers[obs_index] = readstat_value_is_system_missing (value) ? NAN : readstat_double_value (value);
  return READSTAT_HANDLER_OK;
}

static int
on_value_label (const char       *val_labels,
                readstat_value_t  value,
                const char       *label,
                void             *data)
{
  BenchSurvey *source = data;
  GPtrArray *set = g_hash_table_lookup (source->label_sets, val_labels);
  Label *l = g_new0 (Label, 1);

  if (set == NULL)
    {
      set = g_ptr_array_new_with_free_func ((GDestroyNotify) label_free);
      g_hash_table_insert (source->label_sets, g_strdup (val_labels), set);
      g_hash_table_insert (source->set_types, g_strdup (val_labels),
                           GINT_TO_POINTER (readstat_value_type (value)));
    }
  if (readstat_value_type_class (value) == READSTAT_TYPE_CLASS_STRING)
    l->str_value = g_strdup (readstat_string_value (value));
  else
    l->value = readstat_double_value (value);
  l->label = g_strdup (label);
  g_ptr_array_add (set, l);
  return READSTAT_HANDLER_OK;
}

void
bench_survey_free (BenchSurvey *source)
{
  g_free (source->file_label);
  g_ptr_array_unref (source->variables);
  g_hash_table_unref (source->label_sets);
  g_hash_table_unref (source->set_types);
  g_free (source);
}

BenchSurvey *
bench_survey_read (const char *path)
{
  readstat_parser_t *parser = readstat_parser_init ();
  BenchSurvey *source = g_new0 (BenchSurvey, 1);
  readstat_error_t rc;

  source->variables = g_ptr_array_new_with_free_func ((GDestroyNotify) source_variable_free);
  source->label_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  source->set_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  readstat_set_metadata_handler (parser, on_metadata);
  readstat_set_variable_handler (parser, on_variable);
  readstat_set_value_handler (parser, on_value);
  readstat_set_value_label_handler (parser, on_value_label);
  rc = readstat_parse_sav (parser, path, source);
  readstat_parser_free (parser);
  if (rc != READSTAT_OK)
    {
      g_printerr ("%s: %s\n", path, readstat_error_message (rc));
      bench_survey_free (source);
      return NULL;
    }
  return source;
}

/* ---- Writing a resampled survey ------------------------------------- */

static ssize_t
write_bytes (const void *data,
             size_t      length,
             void       *user_data)
{
  return fwrite (data, 1, length, user_data) == length ? (ssize_t) length : -1;
}

/* Each row is a row of the demo drawn at random, so that every column keeps
 * the demo's distribution (text answers as sparse as the demo's), except
 * the respondent id, which stays unique. */
gboolean
bench_survey_write_sav (BenchSurvey     *source,
                 const char *path,
                 guint       n_rows)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GHashTable) sets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree readstat_variable_t **variables = g_new0 (readstat_variable_t *, source->variables->len);
  readstat_writer_t *writer = readstat_writer_init ();
  readstat_error_t rc = READSTAT_OK;
  GHashTableIter iter;
  gpointer name, labels;
  FILE *file = g_fopen (path, "wb");

  if (file == NULL)
    return FALSE;
  readstat_set_data_writer (writer, write_bytes);
  readstat_writer_set_compression (writer, READSTAT_COMPRESS_ROWS);
  readstat_writer_set_file_label (writer, source->file_label != NULL ? source->file_label : "");

  g_hash_table_iter_init (&iter, source->label_sets);
  while (g_hash_table_iter_next (&iter, &name, &labels))
    {
      readstat_type_t type = GPOINTER_TO_INT (g_hash_table_lookup (source->set_types, name));
      readstat_label_set_t *set = readstat_add_label_set (writer, type, name);

      for (guint i = 0; i < ((GPtrArray *) labels)->len; i++)
        {
          Label *l = g_ptr_array_index ((GPtrArray *) labels, i);

          if (l->str_value != NULL)
            readstat_label_string_value (set, l->str_value, l->label);
          else
            readstat_label_double_value (set, l->value, l->label);
        }
      g_hash_table_insert (sets, name, set);
    }

  for (guint i = 0; i < source->variables->len; i++)
    {
      SourceVariable *v = g_ptr_array_index (source->variables, i);
      size_t width = v->width;

      if (v->type == READSTAT_TYPE_STRING && g_str_equal (v->name, "id"))
        width = MAX (width, 12);
      variables[i] = readstat_add_variable (writer, v->name, v->type, width);
      if (v->label != NULL)
        readstat_variable_set_label (variables[i], v->label);
      if (v->format != NULL && *v->format != '\0')
        readstat_variable_set_format (variables[i], v->format);
      readstat_variable_set_measure (variables[i], v->measure);
      readstat_variable_set_alignment (variables[i], v->alignment);
      readstat_variable_set_display_width (variables[i], v->display_width);
      if (v->label_set != NULL && g_hash_table_contains (sets, v->label_set))
        readstat_variable_set_label_set (variables[i], g_hash_table_lookup (sets, v->label_set));
      for (guint m = 0; m < v->missing_lo->len; m++)
        readstat_variable_add_missing_double_range (variables[i], g_array_index (v->missing_lo, double, m),
                                                    g_array_index (v->missing_hi, double, m));
      for (guint m = 0; m < v->missing_str->len; m++)
        readstat_variable_add_missing_string_value (variables[i], g_ptr_array_index (v->missing_str, m));
    }

  rc = readstat_begin_writing_sav (writer, file, n_rows);
  for (guint row = 0; row < n_rows && rc == READSTAT_OK; row++)
    {
      guint from = g_rand_int_range (rand, 0, source->n_rows);

      rc = readstat_begin_row (writer);
      for (guint i = 0; i < source->variables->len && rc == READSTAT_OK; i++)
        {
          SourceVariable *v = g_ptr_array_index (source->variables, i);

          if (v->type == READSTAT_TYPE_STRING)
            {
              char id[16];
              const char *text = v->strings[from];

              if (g_str_equal (v->name, "id"))
                {
                  g_snprintf (id, sizeof id, "R%08u", row + 1);
                  text = id;
                }
              rc = readstat_insert_string_value (writer, variables[i], text != NULL ? text : "");
            }
          else if (isnan (v->numbers[from]))
            rc = readstat_insert_missing_value (writer, variables[i]);
          else
            rc = readstat_insert_double_value (writer, variables[i], v->numbers[from]);
        }
      if (rc == READSTAT_OK)
        rc = readstat_end_row (writer);
    }
  if (rc == READSTAT_OK)
    rc = readstat_end_writing (writer);
  readstat_writer_free (writer);
  if (fclose (file) != 0 && rc == READSTAT_OK)
    rc = READSTAT_ERROR_WRITE;
  if (rc != READSTAT_OK)
    g_printerr ("writing %s: %s\n", path, readstat_error_message (rc));
  return rc == READSTAT_OK;
}

/* The demo's metadata with the frame grown as the survey: a net
 * population smaller than the respondents is refused. */
gboolean
bench_survey_write_meta (const char *from,
            const char *to,
            guint       n_rows,
            guint       n_demo_rows)
{
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  double factor = (double) n_rows / n_demo_rows;

  if (!g_key_file_load_from_file (meta, from, G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &error))
    {
      g_printerr ("%s: %s\n", from, error->message);
      return FALSE;
    }
  for (const char * const *key = (const char * const[]) { "Invited", "NetPopulation", NULL }; *key; key++)
    {
      gint64 value = g_key_file_get_int64 (meta, "Survey", *key, NULL);

      g_key_file_set_int64 (meta, "Survey", *key, (gint64) ceil (value * factor));
    }
  if (!g_key_file_save_to_file (meta, to, &error))
    {
      g_printerr ("%s: %s\n", to, error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- A project on the resampled survey ------------------------------ */

static gboolean
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n%s", argv[0], argv[1], error->message, err != NULL ? err : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
bench_survey_make_project (BenchSurvey *survey,
                           const char  *evalkit,
                           const char  *dir,
                           guint        n_rows,
                           const char  *project)
{
  const char *datadir = g_getenv ("EVALKIT_DATADIR");
  g_autofree char *demo_dir = g_build_filename (datadir != NULL ? datadir : SOURCE_DATADIR, "demo", NULL);
  g_autofree char *demo_meta = g_build_filename (demo_dir, "survey-meta.ini", NULL);
  g_autofree char *codebook = g_build_filename (demo_dir, "codebook.csv", NULL);
  g_autofree char *sav = g_strdup_printf ("%s/survey-%u.sav", dir, n_rows);
  g_autofree char *meta = g_strdup_printf ("%s/meta-%u.ini", dir, n_rows);
  const char *demo[] = { evalkit, "demo", project, NULL };
  const char *import[] = { evalkit, "import-survey", project, sav, "--name", "survey",
                           "--meta", meta, "--codebook", codebook, NULL };
  gboolean ok;

  g_unlink (project);
  ok = bench_survey_write_sav (survey, sav, n_rows) &&
       bench_survey_write_meta (demo_meta, meta, n_rows, survey->n_rows) &&
       run (demo) && run (import);
  g_unlink (sav);
  g_unlink (meta);
  return ok;
}
