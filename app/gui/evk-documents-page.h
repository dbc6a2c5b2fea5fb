/* evk-documents-page.h: the reviewed documents, searchable
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "evk-workspace.h"

G_BEGIN_DECLS

#define EVK_TYPE_DOCUMENTS_PAGE (evk_documents_page_get_type ())

G_DECLARE_FINAL_TYPE (EvkDocumentsPage, evk_documents_page, EVK, DOCUMENTS_PAGE, GtkWidget)

GtkWidget *evk_documents_page_new    (EvkWorkspace     *workspace);
guint      evk_documents_page_search (EvkDocumentsPage *self,
                                      const char       *text);

G_END_DECLS
