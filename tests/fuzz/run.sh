#!/usr/bin/env bash
# tests/fuzz/run.sh: build the libFuzzer targets with clang and run each for
# a bounded time.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET…]
#
# SECONDS per target (default 10); TARGETs as in tests/fuzz/meson.build
# (default: all). Builds in _build-fuzz/ (EVK_FUZZ_BUILDDIR) with clang,
# AddressSanitizer and UBSan; fuzzes a copy of each seed corpus, so the
# repository's corpora stay as committed; writes crashes, leaks and
# timeouts to _build-fuzz/fuzz-artifacts/ and exits non-zero if there are
# any. Extra libFuzzer options go in EVK_FUZZ_ARGS (e.g. "-jobs=1
# -workers=1"). See tests/fuzz/README.md.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-10}
[ $# -gt 0 ] && shift
builddir=${EVK_FUZZ_BUILDDIR:-$top/_build-fuzz}
all_targets=(filter csv import-spss mrsets strategy document-review narrative table-spec project review-table pdf-comments)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

case "$seconds" in
  ''|*[!0-9]*) echo "tests/fuzz/run.sh: SECONDS must be a whole number" >&2; exit 2 ;;
esac

if ! command -v clang >/dev/null 2>&1; then
  echo "tests/fuzz/run.sh: needs clang and libFuzzer; on Debian 12:" >&2
  echo "  apt-get install clang libclang-rt-14-dev" >&2
  exit 1
fi

# The inputs besides the corpus: the malformed files of the matching kind.
extra_inputs () {
  case "$1" in
    filter) echo "$top/tests/data/malformed/filter" ;;
    csv) echo "$top/tests/data/csv" ;;
    import-spss) echo "$top/tests/data/malformed/spss $top/tests/data/malformed/stata" ;;
    document-review) echo "$top/tests/data/documents" ;;
    narrative) echo "$top/tests/data/malformed/markdown" ;;
    table-spec) echo "$top/tests/data/malformed/table-spec" ;;
    project) echo "$top/tests/data/malformed/project" ;;
    review-table) echo "$top/tests/data/malformed/review-table" ;;
  esac
}

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang nice meson setup "$builddir" "$top" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debugoptimized >/dev/null
fi
nice meson compile -C "$builddir" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") >/dev/null

artifacts="$builddir/fuzz-artifacts"
work=$(mktemp -d)
# Targets write files for every input: tmpfs when there is one. A target
# that crashes leaves its files, so they go in a directory of this run's.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch=$(mktemp -d /dev/shm/evalkit-fuzz-run-XXXXXX)
else
  scratch=$(mktemp -d)
fi
trap 'rm -rf "$work" "$scratch"' EXIT
export TMPDIR=$scratch
mkdir -p "$artifacts"
export G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory
export EVALKIT_DATADIR="$top/data"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"

failed=0
printf '%-16s %10s %8s %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  cp -r "$top/tests/fuzz/corpus/$t" "$work/$t"
  log="$builddir/fuzz-$t.log"
  # shellcheck disable=SC2046,SC2086
  if nice "$builddir/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$t-" \
       ${EVK_FUZZ_ARGS:-} "$work/$t" $(extra_inputs "$t") >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    failed=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  printf '%-16s %10s %8s %s\n' "$t" "${runs:-?}" "${rate:-?}" "$result"
  [ "$result" = ok ] || grep -E '^(==[0-9]+==ERROR|SUMMARY|.*ERROR:|\*\*)' "$log" | head -5 >&2 || true
done
exit $failed
