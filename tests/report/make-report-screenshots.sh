#!/bin/sh
# make-report-screenshots.sh EVALKIT OUTDIR: four pages of the demo report
# in each language as data/screenshots/report-LANG-{1..4}.png: the title
# page, the contents, a page of figures and the numbered recommendations.
# The pages are found by their text, so a change of pagination does not
# leave a screenshot of some other page.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
evalkit=$1 outdir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767139200}
export SOURCE_DATE_EPOCH
"$evalkit" demo "$tmp/demo.evalkit" >/dev/null
"$evalkit" report "$tmp/demo.evalkit" --lang all --out "$tmp/report.pdf" >/dev/null

# The first page from 5 on whose text has a line matching the pattern.
page_with () {
  pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
  p=5
  while [ "$p" -le "$pages" ]; do
    if pdftotext -f "$p" -l "$p" "$1" - | grep -qE "$2"; then
      echo "$p"
      return
    fi
    p=$((p + 1))
  done
  echo "make-report-screenshots: no page of $1 matches $2" >&2
  exit 1
}

for lang in nb en; do
  pdf="$tmp/report.pdf"
  [ "$lang" = nb ] || pdf="$tmp/report.$lang.pdf"
  # A page of two figures (awareness and results of one measure).
  figures=$(page_with "$pdf" '^(Figur|Figure) 6-10 ')
  recommendations=$(page_with "$pdf" '^9\.1 ')
  n=1
  for page in 1 3 "$figures" "$recommendations"; do
    pdftoppm -png -r 60 -singlefile -f "$page" -l "$page" "$pdf" "$outdir/report-$lang-$n"
    n=$((n + 1))
  done
done
