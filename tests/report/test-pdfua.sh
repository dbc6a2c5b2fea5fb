#!/bin/sh
# test-pdfua.sh: the PDF/UA-1 conditions (check-pdfua.py) on the demo report
# in both languages and on the example evaluation's report
#
# Copyright 2026 The Evalkit developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-pdfua.sh EVALKIT CHECK-PDFUA.PY

evalkit=$1
check=$2
top=$(dirname "$0")/../..
ex=${EVALKIT_DATADIR:-$top/data}/examples/digitalt-for-alle
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Debian's python3-pikepdf lives with the system's python3, which another
# python3 earlier on PATH may not see.
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import pikepdf' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "1..0 # SKIP python3-pikepdf not installed (Debian: python3-pikepdf)"
  exit 77
fi

fail () {
  echo "Bail out! $*"
  exit 1
}

"$evalkit" demo "$tmp/demo.evalkit" >/dev/null || fail "evalkit demo"
"$evalkit" report "$tmp/demo.evalkit" --lang all --out "$tmp/demo.pdf" >/dev/null ||
  fail "the demo report"
"$evalkit" import-strategy "$tmp/ex.evalkit" "$ex/strategy.ini" >/dev/null &&
  "$evalkit" import-survey "$tmp/ex.evalkit" "$ex/survey.csv" --codebook "$ex/codebook.csv" \
    --meta "$ex/survey-meta.ini" --name kartlegging >/dev/null &&
  "$evalkit" import-documents "$tmp/ex.evalkit" "$ex/documents.csv" >/dev/null &&
  "$evalkit" import-report "$tmp/ex.evalkit" "$ex/report" >/dev/null ||
  fail "the example project"
"$evalkit" report "$tmp/ex.evalkit" --lang nb --out "$tmp/example.pdf" >/dev/null ||
  fail "the example report"

exec "$python" "$check" "$tmp/demo.pdf" "$tmp/demo.en.pdf" "$tmp/example.pdf"
