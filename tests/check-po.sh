#!/bin/sh
# check-po.sh: the nb catalogue is complete and valid, and POTFILES lists
# every source file with translatable strings.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top" || exit 1
failed=0

# Every file with _( ), N_( ) or translatable="yes" must be in POTFILES.
for f in $(grep -rlE '(^|[^a-zA-Z_])N?_ ?\("|translatable="yes"' app ui data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' 2>/dev/null | sort); do
  if ! grep -qx "$f" po/POTFILES; then
    echo "po/POTFILES lacks $f"
    failed=1
  fi
done
for f in $(grep -v '^#' po/POTFILES); do
  [ -e "$f" ] || { echo "po/POTFILES names missing file $f"; failed=1; }
done

xgettext --files-from=po/POTFILES --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --output="$tmp/evalkit.pot" --package-name=evalkit 2>"$tmp/xgettext.err" || {
  cat "$tmp/xgettext.err"; exit 1; }

for lang in $(cat po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/evalkit.pot" -o "$tmp/$lang.po" || exit 1
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || { echo "$stats"; failed=1; }
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "po/$lang.po is incomplete; missing:"
      msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -20
      msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | head -40
      failed=1 ;;
  esac
  msgfmt --check -o /dev/null "po/$lang.po" || failed=1
done
exit $failed
