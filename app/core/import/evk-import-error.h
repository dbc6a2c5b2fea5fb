/* evk-import-error.h: errors shared by every importer
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EVK_IMPORT_ERROR (evk_import_error_quark ())

typedef enum {
  EVK_IMPORT_ERROR_NOT_SUPPORTED, /* not a file of the format, or a feature we do not read */
  EVK_IMPORT_ERROR_MALFORMED,     /* the file contradicts its format or the codebook */
  EVK_IMPORT_ERROR_ENCODING,      /* the text cannot be decoded */
  EVK_IMPORT_ERROR_IO,            /* the file cannot be read */
  EVK_IMPORT_ERROR_CANCELLED,     /* the user cancelled */
} EvkImportError;

GQuark evk_import_error_quark (void);

G_END_DECLS
