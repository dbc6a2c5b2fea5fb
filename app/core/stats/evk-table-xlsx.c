/* evk-table-xlsx.c: a computed table as an Excel workbook, through libxlsxwriter
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <xlsxwriter.h>

#include "evk-localized.h"
#include "evk-table.h"
#include "evk-words.h"

static const char *
label_or_key (EvkTableEntry *entry,
              const char    *lang)
{
  const char *label = evk_localized_get (entry->label, lang);

  return label != NULL ? label : (entry->key != NULL ? entry->key : "");
}

static lxw_error
write_sheet (lxw_workbook *workbook,
             EvkTable     *table,
             const char   *lang)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_format *share = workbook_add_format (workbook);
  const char *n_word = evk_word ("Stats", "N", lang);
  const char *share_word = evk_word ("Stats", "Share", lang);
  const char *base_word = evk_word ("Stats", "Base", lang);
  const char *title = evk_localized_get (table->title, lang);
  lxw_error status = LXW_NO_ERROR;
  guint m = table->columns->len;
  const char *sign = evk_word ("Chart", "Suppressed", lang) ?: ":";
  gboolean flagged = evk_table_has_flagged_cells (table);
  g_autofree char *note = evk_table_disclosure_note (table, lang);
  g_autofree char *description = evk_table_describe (table, lang);
  /* Title, what the numbers are of (as the chart says it), header. */
  const guint head = 2, top = head + 1;

  format_set_bold (bold);
  format_set_num_format (share, "0.0");
  worksheet_set_column (sheet, 0, 0, 48, NULL);

  if (title != NULL)
    worksheet_write_string (sheet, 0, 0, title, bold);
  worksheet_write_string (sheet, 1, 0, description, NULL);
  for (guint c = 0; c < m; c++)
    {
      const char *label = label_or_key (evk_table_column (table, c), lang);
      g_autofree char *n_header = g_strdup_printf ("%s (%s)", label, n_word != NULL ? n_word : "n");
      g_autofree char *share_header = g_strdup_printf ("%s (%s)", label, share_word != NULL ? share_word : "%");

      worksheet_write_string (sheet, head, 1 + 2 * c, n_header, bold);
      worksheet_write_string (sheet, head, 2 + 2 * c, share_header, bold);
    }
  worksheet_write_string (sheet, head, 1 + 2 * m, base_word != NULL ? base_word : "base", bold);
  if (flagged)
    worksheet_write_string (sheet, head, 2 + 2 * m, "†", bold);

  for (guint r = 0; r < table->rows->len; r++)
    {
      EvkTableEntry *row = evk_table_row (table, r);

      worksheet_write_string (sheet, top + r, 0, label_or_key (row, lang), NULL);
      for (guint c = 0; c < m; c++)
        {
          EvkCell *cell = evk_table_cell (table, r, c);

          if (cell->suppressed)
            {
              worksheet_write_string (sheet, top + r, 1 + 2 * c, sign, NULL);
              worksheet_write_string (sheet, top + r, 2 + 2 * c, sign, NULL);
              continue;
            }
          worksheet_write_number (sheet, top + r, 1 + 2 * c, table->weighted ? cell->count : cell->n, NULL);
          if (!isnan (cell->share))
            worksheet_write_number (sheet, top + r, 2 + 2 * c, cell->share, share);
        }
      if (!isnan (evk_table_row_base (table, r)))
        status = worksheet_write_number (sheet, top + r, 1 + 2 * m, evk_table_row_base (table, r), NULL);
      if (status == LXW_NO_ERROR && flagged)
        {
          g_autofree char *flags = evk_table_flags_of_row (table, r, lang);

          if (flags != NULL)
            status = worksheet_write_string (sheet, top + r, 2 + 2 * m, flags, NULL);
        }
    }
  if (evk_table_columns_have_bases (table) && status == LXW_NO_ERROR)
    {
      /* Groups side by side (a crosstab) each have their own base. */
      guint r = top + table->rows->len;

      status = worksheet_write_string (sheet, r, 0, base_word != NULL ? base_word : "base", bold);
      for (guint c = 0; c < m && status == LXW_NO_ERROR; c++)
        status = worksheet_write_number (sheet, r, 1 + 2 * c, evk_table_column (table, c)->n_base, NULL);
    }
  /* The note under the table, as under a chart. */
  if (note != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (note, "\n", -1);
      guint below = top + table->rows->len + (evk_table_columns_have_bases (table) ? 2 : 1);

      for (guint i = 0; lines[i] != NULL && status == LXW_NO_ERROR; i++)
        status = worksheet_write_string (sheet, below + i, 0, lines[i], NULL);
    }
  return status;
}

/* Writes beside the target and renames, so a failed export never leaves
 * half a workbook under the user's name. */
gboolean
evk_table_to_xlsx (EvkTable    *table,
                   const char  *lang,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".partial.xlsx", NULL);
  locale_t c_locale = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t previous = uselocale (c_locale);
  lxw_workbook *workbook;
  lxw_error status;

  /* libxlsxwriter formats numbers with the C library: under a Norwegian
   * LC_NUMERIC it would write decimal commas into the XML. */
  workbook = workbook_new (tmp_path);
  if (workbook == NULL)
    status = LXW_ERROR_CREATING_TMPFILE;
  else
    {
      status = write_sheet (workbook, table, lang);
      if (status == LXW_NO_ERROR)
        status = workbook_close (workbook);
      else
        workbook_close (workbook);
    }
  uselocale (previous);
  freelocale (c_locale);

  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot write the workbook: %s"), path,
                   lxw_strerror (status));
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
