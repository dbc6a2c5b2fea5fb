/* evk-json.c: a small, strict JSON reader for the tables a review copy carries
 *
 * Copyright 2026 The Evalkit developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "evk-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "evk-json.h"
#include "evk-model-error.h"

#define MAX_DEPTH  64
#define MAX_VALUES 1000000

struct _EvkJson
{
  EvkJsonType  type;
  gboolean     boolean;
  double       number;
  char        *string;
  GPtrArray   *elements;  /* EvkJson, of an array */
  GHashTable  *members;   /* name → EvkJson, of an object */
};

typedef struct {
  const char *p;
  const char *end;
  guint       n_values;
  GError    **error;
} Reader;

void
evk_json_free (EvkJson *node)
{
  if (node == NULL)
    return;
  g_free (node->string);
  g_clear_pointer (&node->elements, g_ptr_array_unref);
  g_clear_pointer (&node->members, g_hash_table_unref);
  g_free (node);
}

static gboolean
fail (Reader     *r,
      const char *what)
{
  if (r->error != NULL && *r->error == NULL)
    g_set_error (r->error, EVK_MODEL_ERROR, EVK_MODEL_ERROR_PARSE,
                 _("not valid JSON: %s"), what);
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
literal (Reader     *r,
         const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return fail (r, _("an unknown word"));
  r->p += n;
  return TRUE;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  gunichar value = 0;

  if (r->end - r->p < 4)
    return fail (r, _("a cut \\u escape"));
  for (int i = 0; i < 4; i++)
    {
      int d = hex_digit (r->p[i]);

      if (d < 0)
        return fail (r, _("a bad \\u escape"));
      value = value * 16 + d;
    }
  r->p += 4;
  *out = value;
  return TRUE;
}

static char *
read_string (Reader *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  r->p++; /* the opening quote */
  while (TRUE)
    {
      const char *start = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (out, start, r->p - start);
      if (r->p >= r->end)
        return fail (r, _("a string without its end")), NULL;
      if (*r->p == '"')
        {
          r->p++;
          break;
        }
      if ((guchar) *r->p < 0x20)
        return fail (r, _("a control character in a string")), NULL;

      /* A backslash. */
      r->p++;
      if (r->p >= r->end)
        return fail (r, _("a string without its end")), NULL;
      switch (*r->p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!read_hex4 (r, &c))
              return NULL;
            if (c >= 0xd800 && c < 0xdc00)
              {
                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  return fail (r, _("half a surrogate pair")), NULL;
                r->p += 2;
                if (!read_hex4 (r, &low))
                  return NULL;
                if (low < 0xdc00 || low >= 0xe000)
                  return fail (r, _("half a surrogate pair")), NULL;
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (c >= 0xdc00 && c < 0xe000)
              return fail (r, _("half a surrogate pair")), NULL;
            if (c == 0)
              return fail (r, _("a NUL character in a string")), NULL;
            g_string_append_unichar (out, c);
          }
          break;
        default:
          return fail (r, _("an unknown escape in a string")), NULL;
        }
    }
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    return fail (r, _("a string that is not UTF-8")), NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
read_number (Reader *r,
             double *out)
{
  const char *start = r->p;
  g_autofree char *text = NULL;
  char *end = NULL;

  /* The grammar of RFC 8259, checked before strtod sees it. */
  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (r->p < r->end && *r->p >= '1' && *r->p <= '9')
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  else
    return fail (r, _("a bad number"));
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("a bad number"));
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("a bad number"));
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p - start > 64)
    return fail (r, _("a number too long"));
  text = g_strndup (start, r->p - start);
  *out = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (*out))
    return fail (r, _("a bad number"));
  return TRUE;
}

static EvkJson *read_value (Reader *r, guint depth);

static EvkJson *
new_node (Reader      *r,
          EvkJsonType  type)
{
  EvkJson *node;

  if (++r->n_values > MAX_VALUES)
    return fail (r, _("too many values")), NULL;
  node = g_new0 (EvkJson, 1);
  node->type = type;
  node->number = NAN;
  return node;
}

static EvkJson *
read_array (Reader *r,
            guint   depth)
{
  g_autoptr(EvkJson) node = new_node (r, EVK_JSON_ARRAY);

  if (node == NULL)
    return NULL;
  node->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) evk_json_free);
  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return g_steal_pointer (&node);
    }
  while (TRUE)
    {
      EvkJson *element = read_value (r, depth + 1);

      if (element == NULL)
        return NULL;
      g_ptr_array_add (node->elements, element);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == ']')
        {
          r->p++;
          return g_steal_pointer (&node);
        }
      return fail (r, _("an array without its end")), NULL;
    }
}

static EvkJson *
read_object (Reader *r,
             guint   depth)
{
  g_autoptr(EvkJson) node = new_node (r, EVK_JSON_OBJECT);

  if (node == NULL)
    return NULL;
  node->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) evk_json_free);
  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return g_steal_pointer (&node);
    }
  while (TRUE)
    {
      g_autofree char *name = NULL;
      EvkJson *value;

      skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        return fail (r, _("an object member without a name")), NULL;
      if ((name = read_string (r)) == NULL)
        return NULL;
      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        return fail (r, _("an object member without a value")), NULL;
      r->p++;
      if ((value = read_value (r, depth + 1)) == NULL)
        return NULL;
      g_hash_table_replace (node->members, g_steal_pointer (&name), value);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          return g_steal_pointer (&node);
        }
      return fail (r, _("an object without its end")), NULL;
    }
}

static EvkJson *
read_value (Reader *r,
            guint   depth)
{
  EvkJson *node;

  if (depth > MAX_DEPTH)
    return fail (r, _("nested too deep")), NULL;
  skip_space (r);
  if (r->p >= r->end)
    return fail (r, _("a value is missing")), NULL;
  switch (*r->p)
    {
    case '{':
      return read_object (r, depth);
    case '[':
      return read_array (r, depth);
    case '"':
      {
        char *text = read_string (r);

        if (text == NULL || (node = new_node (r, EVK_JSON_STRING)) == NULL)
          {
            g_free (text);
            return NULL;
          }
        node->string = text;
        return node;
      }
    case 't':
    case 'f':
      {
        gboolean value = *r->p == 't';

        if (!literal (r, value ? "true" : "false") || (node = new_node (r, EVK_JSON_BOOLEAN)) == NULL)
          return NULL;
        node->boolean = value;
        return node;
      }
    case 'n':
      if (!literal (r, "null"))
        return NULL;
      return new_node (r, EVK_JSON_NULL);
    default:
      {
        double value;

        if (!read_number (r, &value) || (node = new_node (r, EVK_JSON_NUMBER)) == NULL)
          return NULL;
        node->number = value;
        return node;
      }
    }
}

EvkJson *
evk_json_parse (const char  *text,
                gssize       length,
                GError     **error)
{
  Reader r = { text, NULL, 0, error };
  g_autoptr(EvkJson) root = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  r.end = text + (length < 0 ? strlen (text) : (gsize) length);
  if (memchr (text, '\0', r.end - text) != NULL)
    return fail (&r, _("a NUL byte")), NULL;
  if ((root = read_value (&r, 0)) == NULL)
    return NULL;
  skip_space (&r);
  if (r.p != r.end)
    return fail (&r, _("something after the value")), NULL;
  return g_steal_pointer (&root);
}

EvkJsonType
evk_json_get_type (const EvkJson *node)
{
  return node != NULL ? node->type : EVK_JSON_NULL;
}

const EvkJson *
evk_json_member (const EvkJson *node,
                 const char    *name)
{
  if (node == NULL || node->type != EVK_JSON_OBJECT)
    return NULL;
  return g_hash_table_lookup (node->members, name);
}

guint
evk_json_length (const EvkJson *node)
{
  return node != NULL && node->type == EVK_JSON_ARRAY ? node->elements->len : 0;
}

const EvkJson *
evk_json_element (const EvkJson *node,
                  guint          index)
{
  if (index >= evk_json_length (node))
    return NULL;
  return g_ptr_array_index (node->elements, index);
}

const char *
evk_json_string (const EvkJson *node)
{
  return node != NULL && node->type == EVK_JSON_STRING ? node->string : NULL;
}

double
evk_json_number (const EvkJson *node)
{
  return node != NULL && node->type == EVK_JSON_NUMBER ? node->number : NAN;
}

gboolean
evk_json_boolean (const EvkJson *node)
{
  return node != NULL && node->type == EVK_JSON_BOOLEAN && node->boolean;
}
