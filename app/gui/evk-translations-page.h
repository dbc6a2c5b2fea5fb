/* evk-translations-page.h: every string of the report in one language, side by side with its source
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-translatable.h"
#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_TRANSLATIONS_PAGE (evk_translations_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkTranslationsPage, evk_translations_page, EVK, TRANSLATIONS_PAGE, GtkWidget)

/* Which strings the list shows. */
typedef enum {
  EVK_TRANSLATIONS_SHOW_ALL,
  EVK_TRANSLATIONS_SHOW_MISSING,
  EVK_TRANSLATIONS_SHOW_OUTDATED,
  EVK_TRANSLATIONS_SHOW_DONE,
} EvkTranslationsShow;

/* The page for the project's first language other than the source (or
 * lang, when not NULL); a project with one language shows how to add one.
 * Ctrl+J goes to the next missing or outdated string, Ctrl+F to the
 * search, Ctrl+Return saves the translation being edited. */
GtkWidget   *evk_translations_page_new          (EvkWorkspace        *workspace,
                                                 const char          *lang);
const char  *evk_translations_page_get_language (EvkTranslationsPage *self);
void         evk_translations_page_set_language (EvkTranslationsPage *self,
                                                 const char          *lang);
/* The counts shown (done, outdated, missing). */
void         evk_translations_page_get_counts   (EvkTranslationsPage *self,
                                                 EvkTranslationCounts *counts);
void         evk_translations_page_set_show     (EvkTranslationsPage *self,
                                                 EvkTranslationsShow  show);
/* The strings the list shows (a GListModel of items whose
 * evk_translation_item_get() is the EvkTranslatable). */
GListModel  *evk_translations_page_get_model    (EvkTranslationsPage *self);
/* The selected string, or NULL. */
const EvkTranslatable *evk_translations_page_get_selected (EvkTranslationsPage *self);
/* Selects the string at key (clearing the filters if they hide it);
 * FALSE when there is none. */
gboolean     evk_translations_page_select_key   (EvkTranslationsPage *self,
                                                 const char          *key);
/* Selects the first string of the place named place_name ("Measure 20 ·
 * Results"), missing or outdated ones first, as select_key does. */
gboolean     evk_translations_page_select_place (EvkTranslationsPage *self,
                                                 const char          *place_name);
/* Selects the next missing or outdated string after the selected one
 * (from the top at the end); FALSE when there is none. */
gboolean     evk_translations_page_next_untranslated (EvkTranslationsPage *self);
/* The editor's widgets, for tests and screenshots. */
GtkTextView *evk_translations_page_get_text_view (EvkTranslationsPage *self);
GtkWidget   *evk_translations_page_get_still_valid_button (EvkTranslationsPage *self);
GtkLabel    *evk_translations_page_get_diff_label (EvkTranslationsPage *self);
GtkEditable *evk_translations_page_get_search_entry (EvkTranslationsPage *self);
/* Saves the translation being edited now (what focus-out and
 * Ctrl+Return do). */
void         evk_translations_page_save         (EvkTranslationsPage *self);
/* Imports a PO file (what Import PO… does after its dialog); the toast's
 * text, or NULL with error set. */
char        *evk_translations_page_import_po    (EvkTranslationsPage *self,
                                                 const char          *path,
                                                 GError             **error);

/* The word diff of an outdated string as Pango markup: deletions struck
 * through, insertions underlined (and coloured). */
char        *evk_word_diff_markup               (const char          *old_text,
                                                 const char          *new_text);

#define EVK_TYPE_TRANSLATION_ITEM (evk_translation_item_get_type ())
G_DECLARE_FINAL_TYPE (EvkTranslationItem, evk_translation_item, EVK, TRANSLATION_ITEM, GObject)
const EvkTranslatable *evk_translation_item_get (EvkTranslationItem *self);

G_END_DECLS
