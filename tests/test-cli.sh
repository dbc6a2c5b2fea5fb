#!/bin/sh
# test-cli.sh: the headless command line, as a user types it, with no display.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
evalkit=$1
unset DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANGUAGE=
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# expect_fail DESCRIPTION PATTERN COMMAND...: non-zero exit, one line on
# stderr matching PATTERN, nothing on stdout.
expect_fail () {
  desc=$1 pattern=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  lines=$(wc -l <"$tmp/err")
  if [ "$status" -ne 0 ] && [ "$lines" -eq 1 ] && grep -q -- "$pattern" "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok 0 "$desc"
  else
    echo "# status $status, stderr: $(cat "$tmp/err")"
    ok 1 "$desc"
  fi
}

echo "1..144"

"$evalkit" --help >"$tmp/out" 2>&1
ok $? "--help exits 0"
grep -q "import-strategy" "$tmp/out"; ok $? "--help lists the commands"

"$evalkit" demo "$tmp/d.evalkit" >/dev/null 2>"$tmp/err"
ok $? "demo writes a project without a display"

"$evalkit" info "$tmp/d.evalkit" >"$tmp/info" 2>&1
ok $? "info exits 0"
grep -q "^Areas: 4 (3 goals, 1 implementation)" "$tmp/info" && grep -q "^Measures: 26" "$tmp/info"
ok $? "info shows 4 areas and 26 measures"
grep -q "^  2 .*: 7 measures (Gjennomført 1, Delvis gjennomført 3, Ikke gjennomført 3)" "$tmp/info" &&
  grep -q "^  3 .*: 12 measures (Gjennomført 9, Delvis gjennomført 2, Ikke gjennomført 1)" "$tmp/info" &&
  grep -q "^  1 .*: 5 measures (Gjennomført 5)" "$tmp/info"
ok $? "info shows the status counts per goal"
"$evalkit" info --lang en "$tmp/d.evalkit" | grep -q "^  2 .*(Completed 1, Partly completed 3, Not completed 3)"
ok $? "info --lang en shows the English texts"

"$evalkit" export-strategy "$tmp/d.evalkit" "$tmp/s.ini" && "$evalkit" import-strategy "$tmp/d.evalkit" "$tmp/s.ini"
ok $? "export-strategy and import-strategy round-trip"

printf 'Tiltak;Status\n1;Gjennomført\n' >"$tmp/text.evalkit"
cp "$tmp/text.evalkit" "$tmp/text.orig"
expect_fail "a text file is refused" "text.evalkit: not an Evalkit project" "$evalkit" info "$tmp/text.evalkit"
cmp -s "$tmp/text.evalkit" "$tmp/text.orig"; ok $? "the refused text file is unchanged"

head -c 20000 "$tmp/d.evalkit" >"$tmp/cut.evalkit"
cp "$tmp/cut.evalkit" "$tmp/cut.orig"
expect_fail "a truncated project is refused" "cut.evalkit: the project file is damaged" \
  "$evalkit" import-strategy "$tmp/cut.evalkit" "$tmp/s.ini"
cmp -s "$tmp/cut.evalkit" "$tmp/cut.orig" && [ ! -e "$tmp/cut.evalkit-wal" ]
ok $? "the truncated project is unchanged"

cp "$tmp/d.evalkit" "$tmp/new.evalkit"
sqlite3 "$tmp/new.evalkit" "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;" >/dev/null
cp "$tmp/new.evalkit" "$tmp/new.orig"
expect_fail "a project from a newer Evalkit is refused" "newer version of Evalkit" \
  "$evalkit" info "$tmp/new.evalkit"
cmp -s "$tmp/new.evalkit" "$tmp/new.orig"; ok $? "the newer project is unchanged"

expect_fail "an unknown command is refused" "unknown command" "$evalkit" frobnicate

# A project on a read-only share (or a read-only file) is read, not called
# damaged. Root ignores permissions, so there the look is made as nobody.
ro=$(mktemp -d /tmp/evk-ro.XXXXXX)
cp "$tmp/d.evalkit" "$ro/shared.evalkit"
chmod 0444 "$ro/shared.evalkit"; chmod 0555 "$ro"
if [ "$(id -u)" -eq 0 ]; then
  setpriv --reuid=65534 --regid=65534 --clear-groups "$evalkit" info "$ro/shared.evalkit" >"$tmp/out" 2>"$tmp/err"
else
  "$evalkit" info "$ro/shared.evalkit" >"$tmp/out" 2>"$tmp/err"
fi
status=$?
grep -q "^Measures: 26" "$tmp/out" && [ "$status" -eq 0 ] && [ "$(ls -A "$ro")" = "shared.evalkit" ]
ok $? "a project on a read-only share opens for reading and is left alone"
chmod 0755 "$ro"; rm -rf "$ro"

# After a command that writes returns, the .evalkit file alone holds it:
# no journal or WAL is left beside it to be forgotten when it is copied.
"$evalkit" demo "$tmp/c.evalkit" >/dev/null &&
  "$evalkit" group "$tmp/c.evalkit" tiny 'reg_kommunestr = 1' --name nb=Små --name en=Small >/dev/null &&
  [ ! -e "$tmp/c.evalkit-wal" ] && [ ! -e "$tmp/c.evalkit-journal" ] &&
  mkdir "$tmp/elsewhere" && cp "$tmp/c.evalkit" "$tmp/elsewhere/" &&
  "$evalkit" table "$tmp/elsewhere/c.evalkit" frequency reg_kommunestr group=tiny >/dev/null
ok $? "a copy of the .evalkit file alone has the last edit"

# A survey file imported again without its metadata file keeps the frame,
# the multiple-response sets and the population shares, says so, and the
# report still builds.
datadir=${EVALKIT_DATADIR:-$(dirname "$0")/../data}
"$evalkit" import-survey "$tmp/c.evalkit" "$datadir/demo/survey.sav" --name survey >"$tmp/out" 2>"$tmp/err" &&
  grep -q "^Kept from the project: the survey frame" "$tmp/out" &&
  grep -q "multiple-response set q35" "$tmp/out" &&
  "$evalkit" report "$tmp/c.evalkit" --lang nb --out "$tmp/c.pdf" >/dev/null 2>&1
ok $? "a survey imported again keeps its metadata and the report builds"

# A new project appears only with its strategy in it.
printf '[strategy]\nnonsense\n' >"$tmp/bad-strategy.ini"
"$evalkit" import-strategy "$tmp/fresh.evalkit" "$tmp/bad-strategy.ini" >/dev/null 2>&1
[ $? -ne 0 ] && [ -z "$(ls -A "$tmp" | grep -e '^fresh' -e '\.partial$')" ]
ok $? "a new project whose strategy is refused leaves no file"
"$evalkit" import-strategy "$tmp/fresh.evalkit" "$tmp/s.ini" && "$evalkit" info "$tmp/fresh.evalkit" | grep -q "^Measures: 26"
ok $? "a new project made from a strategy opens"


"$evalkit" report "$tmp/d.evalkit" --out "$tmp/r.pdf" >/dev/null 2>&1 &&
  head -c 5 "$tmp/r.pdf" | grep -q "%PDF-" && head -c 5 "$tmp/r.en.pdf" | grep -q "%PDF-"
ok $? "report --lang all writes a PDF per language"

expect_fail "report in a language the project lacks is refused" "no texts in “de”" \
  "$evalkit" report "$tmp/d.evalkit" --lang de --out "$tmp/x.pdf"

# The survey part of the demo, through the SPSS importer.
grep -q "^Surveys: 1 (5103 respondents" "$tmp/info" && grep -q "^Documents: 182 " "$tmp/info"
ok $? "info counts the demo survey and documents"

"$evalkit" variables "$tmp/d.evalkit" >"$tmp/vars" 2>&1 &&
  grep -q "^q10	numeric	Har du hørt om strategien" "$tmp/vars" && grep -q "^q75	string (personal)" "$tmp/vars"
ok $? "variables lists labels and marks contact fields personal"

"$evalkit" table "$tmp/d.evalkit" awareness 7 >"$tmp/t.csv" 2>&1 &&
  grep -q "Kjenner til og har brukt (n)" "$tmp/t.csv" && grep -q ",431,8.4" "$tmp/t.csv"
ok $? "table prints CSV in the source language with n and share"

"$evalkit" table --lang en --format json "$tmp/d.evalkit" 'frequency q72 group=used-any-offer' >"$tmp/t.json" 2>&1 &&
  grep -q '"n_base": 838' "$tmp/t.json" && grep -q '"base": "those who answered"' "$tmp/t.json"
ok $? "table --format json --lang en with a group"

expect_fail "an unknown table kind is refused" "unknown table kind “frobnicate”" \
  "$evalkit" table "$tmp/d.evalkit" frobnicate

cp "$tmp/d.evalkit" "$tmp/before.evalkit"
head -c 30000 "$EVALKIT_DATADIR/demo/survey.sav" >"$tmp/cut.sav"
expect_fail "a truncated .sav is refused" "cut.sav: " "$evalkit" import-survey "$tmp/d.evalkit" "$tmp/cut.sav"
cmp -s "$tmp/d.evalkit" "$tmp/before.evalkit"; ok $? "the project is unchanged after a refused import"

"$evalkit" import-survey --name survey --meta "$EVALKIT_DATADIR/demo/survey-meta.ini" \
  "$tmp/d.evalkit" "$EVALKIT_DATADIR/demo/survey.sav" >/dev/null 2>&1 &&
  "$evalkit" info "$tmp/d.evalkit" | grep -q "^Surveys: 1 (5103 respondents"
ok $? "re-importing a survey under its name replaces it"

"$evalkit" group "$tmp/d.evalkit" small 'reg_kommunestr = 1' --name nb=Små --name en=Small &&
  "$evalkit" table "$tmp/d.evalkit" frequency q10 group=small | tr -d '\r' | grep -q ",639$"
ok $? "group defines a respondent group that tables can use"

expect_fail "a group with a bad filter is refused" "expected a range or a set" \
  "$evalkit" group "$tmp/d.evalkit" bad 'q6 in'

"$evalkit" link "$tmp/d.evalkit" 13 heard-of q15_1 --measure 21 --label nb=Nytt --label en=New &&
  "$evalkit" link "$tmp/d.evalkit" 13 used q16_1 &&
  "$evalkit" table "$tmp/d.evalkit" awareness 13 | grep -q ",207,"
ok $? "link adds an offer's survey items and measures"

"$evalkit" charts "$tmp/d.evalkit" >"$tmp/charts" 2>&1 &&
  grep -q "^m20-awareness-7	awareness	measure 20	Kjennskap til og bruk av Kommunens tilskuddsordning$" "$tmp/charts" &&
  grep -q "^review-matrix	review-matrix	strategy	" "$tmp/charts"
ok $? "charts lists the default charts made from the links"

"$evalkit" chart "$tmp/d.evalkit" m20-awareness-7 --out "$tmp/c.png" --dpi 96 &&
  head -c 8 "$tmp/c.png" | od -c | grep -q "P   N   G" &&
  "$evalkit" chart "$tmp/d.evalkit" status --lang en --out "$tmp/c.svg" && grep -q "<svg" "$tmp/c.svg"
ok $? "chart draws to PNG and SVG"

"$evalkit" chart "$tmp/d.evalkit" m20-awareness-7 --lang en --out "$tmp/c.csv" && grep -q ",431,8.4" "$tmp/c.csv"
ok $? "chart writes its table to CSV"

"$evalkit" chart "$tmp/d.evalkit" review-documents --out "$tmp/docs.csv" &&
  tr -d '\r' <"$tmp/docs.csv" | grep -q "^IMDi,7,,12,,9,,8,,36$"
ok $? "the document review's documents per agency and year"

"$evalkit" chart "$tmp/d.evalkit" m20-awareness-7 --lang en --out "$tmp/c.xlsx" &&
  python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); s = z.read('xl/sharedStrings.xml').decode(); sys.exit(0 if 'Known and used (n)' in s and '<v>431</v>' in z.read('xl/worksheets/sheet1.xml').decode() else 1)" "$tmp/c.xlsx"
ok $? "chart writes its table to XLSX"

"$evalkit" chart-add "$tmp/d.evalkit" needs ranked-shares multiple q35_1..q35_18 --caption nb=Behov --caption en=Needs &&
  "$evalkit" chart-edit "$tmp/d.evalkit" needs --position 0 --in-report no &&
  "$evalkit" charts --lang en "$tmp/d.evalkit" | head -1 | grep -q "^needs	ranked-shares	strategy	Needs$"
ok $? "chart-add and chart-edit add a chart and move it first"

expect_fail "a chart whose table does not compute is refused" "has no variable nosuch" \
  "$evalkit" chart-add "$tmp/d.evalkit" bad distribution frequency nosuch

"$evalkit" chart-remove "$tmp/d.evalkit" needs && ! "$evalkit" charts "$tmp/d.evalkit" | grep -q "^needs"
ok $? "chart-remove removes it"

expect_fail "an unknown chart is refused" "no chart “nope”" "$evalkit" chart "$tmp/d.evalkit" nope --out "$tmp/x.png"

# A chart weighted to the population shares draws the shares `table`
# computes with the same weighting, and says how and by which N.
"$evalkit" chart-edit "$tmp/d.evalkit" m20-awareness-7 --weight population:reg_icnpo &&
  "$evalkit" chart "$tmp/d.evalkit" m20-awareness-7 --lang en --out "$tmp/w.csv" &&
  "$evalkit" table "$tmp/d.evalkit" awareness 7 weight=population:reg_icnpo --lang en --format csv >"$tmp/wt.csv" &&
  cmp -s "$tmp/w.csv" "$tmp/wt.csv" &&
  grep -q "^\"N (unweighted):.5,103 · Base: all respondents · Weighted to the population’s distribution by " "$tmp/w.csv" &&
  ! cmp -s "$tmp/w.csv" "$tmp/c.csv"
ok $? "chart-edit --weight: the chart's CSV is the weighted table's, and says so"
"$evalkit" chart "$tmp/d.evalkit" m20-awareness-7 --out "$tmp/w.png" &&
  grep -aq "N (uvektet)" "$tmp/w.png" && grep -aq "Vektet til populasjonens fordeling på " "$tmp/w.png"
ok $? "the weighted chart's PNG names the weighting and the unweighted N"
expect_fail "a weighting the survey has no data for is refused" "d.evalkit: chart “m20-awareness-7”: weight=variable: survey “survey” has no weight variable" \
  "$evalkit" chart-edit "$tmp/d.evalkit" m20-awareness-7 --weight variable
"$evalkit" chart-edit "$tmp/d.evalkit" m20-awareness-7 --weight bogus >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- "--weight takes variable, population:VAR or none" "$tmp/err"
ok $? "a malformed weighting is a usage error"
"$evalkit" chart-edit "$tmp/d.evalkit" m20-awareness-7 --weight none &&
  "$evalkit" chart "$tmp/d.evalkit" m20-awareness-7 --lang en --out "$tmp/u.csv" &&
  ! grep -q "Weighted" "$tmp/u.csv"
ok $? "chart-edit --weight none draws it unweighted again"

# A project begins with its strategy; its default charts follow the data
# as it comes, and a default the user removed stays removed.
demo=${EVALKIT_DATADIR:-$(dirname "$0")/../data}/demo
"$evalkit" import-strategy "$tmp/fresh.evalkit" "$demo/strategy.ini" &&
  ! "$evalkit" charts "$tmp/fresh.evalkit" | grep -q "^m20-" &&
  "$evalkit" import-survey "$tmp/fresh.evalkit" "$demo/survey.sav" --meta "$demo/survey-meta.ini" >/dev/null &&
  "$evalkit" charts "$tmp/fresh.evalkit" | grep -q "^m20-awareness-7	"
ok $? "import-strategy makes a new project; importing a survey adds its default charts"
"$evalkit" chart-remove "$tmp/fresh.evalkit" m20-awareness-7 &&
  "$evalkit" import-survey "$tmp/fresh.evalkit" "$demo/survey.sav" --meta "$demo/survey-meta.ini" >/dev/null &&
  ! "$evalkit" charts "$tmp/fresh.evalkit" | grep -q "^m20-awareness-7	" &&
  "$evalkit" charts "$tmp/fresh.evalkit" | grep -q "^m20-outcome-7	"
ok $? "a removed default chart does not come back with the next import"
printf 'junk\n' >"$tmp/bad.ini"
"$evalkit" import-strategy "$tmp/bad.evalkit" "$tmp/bad.ini" 2>/dev/null
[ $? -ne 0 ] && [ ! -e "$tmp/bad.evalkit" ]
ok $? "a strategy that does not import leaves no new project behind"

# Privacy: personal variables and free text are never tabulated, charted
# or exported, and a filter or group below the project's threshold (5)
# gives no table.
expect_fail "a free-text variable is never tabulated" "variable q75 is free text" \
  "$evalkit" table "$tmp/d.evalkit" frequency q75
cp "$tmp/d.evalkit" "$tmp/personal.evalkit"
sqlite3 "$tmp/personal.evalkit" "UPDATE variable SET personal = 1 WHERE name = 'reg_icnpo'"
expect_fail "a personal numeric variable is never tabulated" "variable reg_icnpo is personal data" \
  "$evalkit" table "$tmp/personal.evalkit" frequency reg_icnpo
expect_fail "nor exported as a chart" "variable reg_icnpo is personal data" \
  "$evalkit" chart-add "$tmp/personal.evalkit" orgs distribution frequency reg_icnpo
cp "$tmp/d.evalkit" "$tmp/ex.evalkit"
"$evalkit" import-survey "$tmp/ex.evalkit" "$top/data/examples/survey.csv" \
  --codebook "$top/data/examples/codebook.csv" --name ex >/dev/null
expect_fail "a filter that isolates one respondent gives no table" \
  'filter="id = 102": it selects 1 respondent, fewer than the project’s threshold of 5' \
  "$evalkit" table "$tmp/ex.evalkit" frequency org_type survey=ex 'filter="id = 102"'
expect_fail "a table cannot lower the project's threshold" "small=1: below the project’s threshold of 5" \
  "$evalkit" table "$tmp/d.evalkit" frequency q10 small=1

# A second evaluation of another shape than the demo (data/examples/
# digitalt-for-alle: 2 goals and no implementation area, 5 measures, its
# own statuses, a Windows-1252 CSV survey of 312 municipalities with other
# scales) goes through the same commands; nothing may work only for the demo.
ex=${EVALKIT_DATADIR:-$top/data}/examples/digitalt-for-alle
! iconv -f UTF-8 -t UTF-8 "$ex/survey.csv" >/dev/null 2>&1 &&
  "$evalkit" import-strategy "$tmp/dig.evalkit" "$ex/strategy.ini" &&
  "$evalkit" import-survey "$tmp/dig.evalkit" "$ex/survey.csv" --codebook "$ex/codebook.csv" \
    --meta "$ex/survey-meta.ini" --name kartlegging >"$tmp/out" &&
  grep -q "312 respondents, 28 variables" "$tmp/out" &&
  "$evalkit" import-documents "$tmp/dig.evalkit" "$ex/documents.csv"
ok $? "example: a project builds from its strategy, Windows-1252 survey, codebook, metadata and documents"

"$evalkit" info "$tmp/dig.evalkit" >"$tmp/info" 2>&1 &&
  grep -q "^Areas: 2 (2 goals, 0 implementation)" "$tmp/info" && grep -q "^Measures: 5$" "$tmp/info" &&
  grep -q "^  1 .*: 2 measures (Fullført 1, Ikke startet 1)$" "$tmp/info" &&
  grep -q "^  2 .*: 3 measures (Fullført 1, Pågår 1, Avviklet 1)$" "$tmp/info" &&
  grep -q "^Surveys: 1 (312 respondents, 28 variables)" "$tmp/info" && grep -q "^Documents: 15 (20 codings)" "$tmp/info"
ok $? "example: info shows 2 goals, 5 measures and its own statuses"
"$evalkit" info --lang en "$tmp/dig.evalkit" | grep -q "^  2 .*: 3 measures (Completed 1, In progress 1, Discontinued 1)$"
ok $? "example: info --lang en shows its own statuses in English"

# Heard of is 1 = yes, 2 = no; used has 9 = don't know and is asked only
# of those who know the offer.
"$evalkit" table "$tmp/dig.evalkit" awareness 2 | tr -d '\r' |
  grep -q "^Digihjelp-tilskuddet,115,36.8590,99,31.7308,98,31.4103,312$" &&
  "$evalkit" table --lang en "$tmp/dig.evalkit" awareness 2 group=med-digihjelp | tr -d '\r' |
  grep -q "^The digital help grant,26,26.5306,15,15.3061,57,58.1633,98$"
ok $? "example: table of an offer, for all and for one of its groups"
"$evalkit" table "$tmp/dig.evalkit" outcome 2 | tr -d '\r' |
  grep -q "^\"Etter at vi tok i bruk digihjelp-tilskuddet, får flere innbyggere digital hjelp\",2,2.0408,20,20.4082,39,39.7959,28,28.5714,9,9.1837,98,† Helt uenig$" &&
  "$evalkit" table "$tmp/dig.evalkit" frequency tilfreds group=nord-og-midt | tr -d '\r' | grep -q "^Vet ikke,5,6.0241,83$"
ok $? "example: a 4-point scale with 9 = don't know, and a group filtered on a set of codes"
"$evalkit" table "$tmp/dig.evalkit" outcome 2 | tr -d '\r' | tail -n 1 | grep -qx "† Færre enn 5 svar: tolk med forsiktighet"
ok $? "example: a flagged cell keeps its number, with a flag column and a note"

# Disclosure control is the project's: kept in its file, shown by info,
# applied to every table.
"$evalkit" set-disclosure "$tmp/dig.evalkit" --threshold 3 --mode suppress &&
  "$evalkit" info "$tmp/dig.evalkit" | grep -qx "Disclosure control: cells with fewer than 3 respondents suppressed, with the cells they could be derived from"
ok $? "example: set-disclosure is kept in the file and shown by info"
"$evalkit" table "$tmp/dig.evalkit" outcome 2 | tr -d '\r' >"$tmp/out" &&
  grep -q "^\"Etter at vi tok i bruk digihjelp-tilskuddet, får flere innbyggere digital hjelp\",:,:,20,20.4082,39,39.7959,28,28.5714,:,:,98$" "$tmp/out" &&
  tail -n 1 "$tmp/out" | grep -qx ": Færre enn 3 svar: vises ikke" && ! grep -q "2.0408\|9.1837" "$tmp/out"
ok $? "example: a suppressed cell and its complement print as “:”, with a note"
"$evalkit" set-disclosure "$tmp/dig.evalkit" --mode flag &&
  "$evalkit" info "$tmp/dig.evalkit" | grep -qx "Disclosure control: cells with fewer than 3 respondents flagged"
ok $? "example: set-disclosure --mode alone keeps the threshold"
"$evalkit" set-disclosure "$tmp/dig.evalkit" --threshold 4 --mode hide >/dev/null 2>"$tmp/err"
[ $? = 2 ] && head -n 1 "$tmp/err" | grep -qx "evalkit: --mode must be “flag” or “suppress”" &&
  "$evalkit" info "$tmp/dig.evalkit" | grep -q "fewer than 3 respondents flagged"
ok $? "set-disclosure refuses a mode it does not know and changes nothing"
"$evalkit" set-disclosure "$tmp/dig.evalkit" --threshold 5 >/dev/null 2>&1
"$evalkit" table --format json "$tmp/dig.evalkit" response-rate >"$tmp/t.json" &&
  grep -q '"n_base": 356' "$tmp/t.json" && grep -q '"count": 312, "share": 87.64' "$tmp/t.json" &&
  "$evalkit" table "$tmp/dig.evalkit" review-goals | tr -d '\r' | grep -q "^,Digitalt for alle,5,3,2,3,3,2,1$"
ok $? "example: response rate from its metadata, and its document review"
expect_fail "example: its free-text e-mail is never tabulated" "variable kontakt_epost is free text" \
  "$evalkit" table "$tmp/dig.evalkit" frequency kontakt_epost

# A .sav that PSPP wrote (tests/data/spss/evalkit): text with few distinct
# answers is categories, counted as PSPP's FREQUENCIES counts them; long,
# unique comments stay free text; dates print as each language writes them.
sav="$top/tests/data/spss/evalkit/text-categories.sav"
"$evalkit" import-strategy "$tmp/tc.evalkit" "$top/data/examples/digitalt-for-alle/strategy.ini" >/dev/null &&
  "$evalkit" import-survey "$tmp/tc.evalkit" "$sav" >/dev/null &&
  "$evalkit" variables "$tmp/tc.evalkit" >"$tmp/vars" &&
  grep -q "^region	string (categories)	Region$" "$tmp/vars" && grep -q "^comment	string (personal)	Comment$" "$tmp/vars" &&
  [ "$("$evalkit" table "$tmp/tc.evalkit" frequency region --lang en | tr -d '\r' | sed -n '/^,/,$p' | cut -d, -f1,2 | tr '\n' ' ')" = \
    ",Respondents (n) Midt,6 Nord,7 Sør,7 Vest,6 Øst,6 " ] &&
  "$evalkit" table "$tmp/tc.evalkit" frequency arm | tr -d '\r' | grep -q "^Placebo,14,38.8889,36$" &&
  "$evalkit" group "$tmp/tc.evalkit" placebo "arm = 'A'" --name nb=Placebo --name en=Placebo &&
  "$evalkit" table "$tmp/tc.evalkit" frequency region group=placebo | tr -d '\r' | grep -q "^Vest,4,33.3333,12,"
ok $? "a text variable with few distinct answers is counted like PSPP counts it, and a group is made on it"
"$evalkit" table "$tmp/tc.evalkit" frequency born --lang nb | tr -d '\r' | grep -q "^24.03.1949,16,48.4848,33$" &&
  "$evalkit" table "$tmp/tc.evalkit" frequency born --lang en | tr -d '\r' | grep -q "^1949-03-24,16,48.4848,33$" &&
  "$evalkit" table "$tmp/tc.evalkit" frequency born --lang en --format json | grep -q '"key": "1961-11-02", "label": "1961-11-02"'
ok $? "date categories print as dates in nb and en, keyed by the ISO date"
expect_fail "a text variable of long, unique answers is still free text" "variable comment is free text" \
  "$evalkit" table "$tmp/tc.evalkit" frequency comment
"$evalkit" variable-role "$tmp/tc.evalkit" region free-text &&
  "$evalkit" variables "$tmp/tc.evalkit" | grep -q "^region	string (free text)	Region$" &&
  ! "$evalkit" table "$tmp/tc.evalkit" frequency region >/dev/null 2>&1 &&
  "$evalkit" variable-role "$tmp/tc.evalkit" comment categories &&
  "$evalkit" table "$tmp/tc.evalkit" frequency comment | tr -d '\r' | grep -c ",1," | grep -qx 9 &&
  "$evalkit" variable-role "$tmp/tc.evalkit" region auto &&
  "$evalkit" table "$tmp/tc.evalkit" frequency region >/dev/null
ok $? "variable-role overrides the rule, and the override is kept in the project"

# What the demo has neither of: a category set is counted by the categories
# its variables hold (one row per category, each respondent once), and a
# value without a label is named as written, not by its binary expansion.
"$evalkit" table "$tmp/dig.evalkit" multiple prioritet | tr -d '\r' | grep -q "^Eldre,195,62.5000,195,"
ok $? "example: a category set is tabulated by category"
"$evalkit" table "$tmp/dig.evalkit" frequency arsverk --lang en | tr -d '\r' | grep -q "^0.06,3,"
ok $? "example: a decimal value without a label is named as written"

# The response rate prints the frame it is a share of, and the register's
# shares no count they do not have; a crosstab's base counts each
# respondent once.
"$evalkit" table "$tmp/dig.evalkit" response-rate | tr -d '\r' | grep -q ",312,87.6404,356,,357,,356$"
ok $? "example: the response rate table prints its net population and invited"
"$evalkit" table "$tmp/dig.evalkit" representativity reg_landsdel | tr -d '\r' | grep -q "^Østlandet,108,34.6154,,33.9000,312$"
ok $? "example: representativity prints no population count it does not have"
"$evalkit" table "$tmp/dig.evalkit" crosstab s1 groups=all,nord-og-midt --format json | grep -q '"n_base": 312,'
ok $? "example: a crosstab's base counts each respondent once"
"$evalkit" table "$tmp/dig.evalkit" frequency arsverk --lang nb | tr -d '\r' | grep -q '^"0,06",3,'
ok $? "example: a decimal label is written with the language's decimal mark"
"$evalkit" table "$tmp/dig.evalkit" frequency arsverk --format json >"$tmp/out" &&
  grep -q '"key": "0.1", "label": "0,1", "role": "value", "value": 0.1}' "$tmp/out" &&
  ! grep -q '0000000' "$tmp/out"
ok $? "example: JSON values are the shortest text that reads back"

# Read-only commands leave the project as it was: its bytes, its time and
# SQLite's change counter (bytes 24-27 of the file), with no journal left.
# The example has default charts not made yet: a listing shows them
# without writing them.
readonly_unchanged () {
  p=$1 chart=$2 changed=""
  before=$(stat -c %y "$p"); cp "$p" "$tmp/ro.orig"
  for c in "info" "variables" "charts" "chart:$chart" "table" "comments" "check" \
           "export-strategy" "export-report" "report" "review-copy"; do
    case $c in
      chart:*) "$evalkit" chart "$p" "${c#chart:}" --out "$tmp/ro.svg" ;;
      table) "$evalkit" table "$p" response-rate ;;
      export-strategy) "$evalkit" export-strategy "$p" "$tmp/ro.ini" ;;
      export-report) rm -rf "$tmp/ro-report"; "$evalkit" export-report "$p" "$tmp/ro-report" ;;
      report) "$evalkit" report "$p" --lang en --out "$tmp/ro.pdf" ;;
      review-copy) rm -f "$tmp/ro-copy.evalkit"; "$evalkit" review-copy "$p" "$tmp/ro-copy.evalkit" ;;
      *) "$evalkit" "$c" "$p" ;;
    esac >/dev/null 2>&1
    if ! cmp -s "$p" "$tmp/ro.orig" || [ "$(stat -c %y "$p")" != "$before" ] || [ -e "$p-journal" ]; then
      changed="$changed $c"
      before=$(stat -c %y "$p"); cp "$p" "$tmp/ro.orig"
    fi
  done
  [ -z "$changed" ] || echo "# changed by:$changed"
  [ -z "$changed" ]
}
readonly_unchanged "$tmp/dig.evalkit" awareness-all
ok $? "example: no read-only command writes the project, not even its default charts"
"$evalkit" charts "$tmp/dig.evalkit" >"$tmp/listed" && grep -q "^awareness-all	" "$tmp/listed"
ok $? "example: charts lists the defaults"
readonly_unchanged "$tmp/d.evalkit" m20-awareness-7
ok $? "demo: no read-only command writes the project"

# A crosstab of groups that share no one has a base per group, not their
# sum on every row.
cp "$tmp/d.evalkit" "$tmp/x.evalkit"
"$evalkit" group "$tmp/x.evalkit" other-organisations 'not q6_alt_1 in 1..4' --name nb=Andre --name en=Others &&
  "$evalkit" table "$tmp/x.evalkit" crosstab q17_1 groups=immigrant-organisations,other-organisations \
    | tr -d '\r' >"$tmp/out" &&
  grep -q "^grunnlag,35,,171,,,$" "$tmp/out" && grep -q "^Vet ikke,7,20.0000,25,14.6199,,$" "$tmp/out" &&
  ! grep -q "206" "$tmp/out"
ok $? "a crosstab prints each group's base, not their sum"

# A chart of one group says so in every export, in the same words.
said="Gruppe: Innvandrerorganisasjoner · N: 367 · Grunnlag: alle respondenter"
"$evalkit" chart-add "$tmp/x.evalkit" imm-aware awareness awareness 7 group=immigrant-organisations &&
  for f in png svg csv xlsx; do "$evalkit" chart "$tmp/x.evalkit" imm-aware --out "$tmp/imm.$f" || exit 1; done &&
  sed 's/\xc2\xa0/ /g' "$tmp/imm.svg" | grep -q "<desc>$said</desc>" &&
  python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); sys.exit(0 if b"iTXtDescription" in d and sys.argv[2].encode() in d.replace("\u00a0".encode(), b" ") else 1)' "$tmp/imm.png" "$said" &&
  tr -d '\r' <"$tmp/imm.csv" | sed -n 2p | sed 's/\xc2\xa0/ /g' | grep -qx "$said" &&
  python3 -c 'import sys, zipfile; x = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode().replace("\u00a0", " "); sys.exit(0 if "<t>" + sys.argv[2] + "</t>" in x else 1)' "$tmp/imm.xlsx" "$said"
ok $? "a group's chart names the group, N and base in its PNG, SVG, CSV and XLSX"
"$evalkit" review-copy "$tmp/x.evalkit" "$tmp/x-review.evalkit" >/dev/null &&
  "$evalkit" chart "$tmp/x-review.evalkit" imm-aware --out "$tmp/imm-review.svg" &&
  sed 's/\xc2\xa0/ /g' "$tmp/imm-review.svg" | grep -q "<desc>$said</desc>"
ok $? "a review copy's chart of one group names the group too"
"$evalkit" chart "$tmp/x.evalkit" m20-awareness-7 --out "$tmp/all.svg" && ! grep -q "Gruppe" "$tmp/all.svg" &&
  "$evalkit" table "$tmp/x.evalkit" frequency q17_1 'filter="q6_alt_1 = 1"' --lang en | tr -d '\r' | sed -n 2p |
    sed 's/\xc2\xa0/ /g' | grep -q "^Group: filter q6_alt_1 = 1 · N: "
ok $? "a chart of everyone names no group; a filtered table names its filter"
if command -v pdftotext >/dev/null 2>&1; then
  "$evalkit" chart-add "$tmp/x.evalkit" imm-aware-20 awareness awareness 7 group=immigrant-organisations --measure 20 \
    --caption "nb=Kjennskap i innvandrerorganisasjoner" --caption "en=Awareness among immigrant organisations" &&
    "$evalkit" report "$tmp/x.evalkit" --lang all --out "$tmp/x.pdf" >/dev/null &&
    pdftotext "$tmp/x.pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g' |
      grep -q "Kjennskap i innvandrerorganisasjoner (Gruppe: Innvandrerorganisasjoner · N: 367 · Grunnlag: alle respondenter)" &&
    pdftotext "$tmp/x.en.pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g' |
      grep -q "Awareness among immigrant organisations (Group: Immigrant organisations · N: 367 · Base: all respondents)"
  ok $? "a report figure of one group names it in its caption"
else
  echo "ok $((n = n + 1)) # SKIP pdftotext not installed"
fi

"$evalkit" report "$tmp/dig.evalkit" --lang all --out "$tmp/dig.pdf" >/dev/null 2>&1 &&
  head -c 5 "$tmp/dig.pdf" | grep -q "%PDF-" && head -c 5 "$tmp/dig.en.pdf" | grep -q "%PDF-"
ok $? "example: report --lang all writes a PDF per language"
if command -v pdftotext >/dev/null 2>&1; then
  pdftotext "$tmp/dig.pdf" "$tmp/dig.txt" && pdftotext "$tmp/dig.en.pdf" "$tmp/dig.en.txt" &&
    grep -q "Digitalt for alle" "$tmp/dig.txt" && grep -q "Avviklet" "$tmp/dig.txt" &&
    grep -q "Kjennskap til og bruk av Digihjelp-tilskuddet (N: 312)" "$tmp/dig.txt" &&
    grep -q "Digital for everyone" "$tmp/dig.en.txt" && grep -q "Discontinued" "$tmp/dig.en.txt" &&
    grep -q "MDPG, Digdir" "$tmp/dig.en.txt" &&
    ! grep -q -i -e "Hverdagsintegrering" -e "IMDi" -e "integrering" -e "innvandrerorganisasjon" -e "Bufdir" \
      -e "frivillige organisasjoner" -e "5 103" "$tmp/dig.txt" &&
    ! grep -q -i -e "Everyday integration" -e "IMDi" -e "immigrant organisation" -e "Bufdir" -e "voluntary" -e "5,103" "$tmp/dig.en.txt" &&
    ! grep -q -e "Fullført" -e "Pågår" -e "Avviklet" "$tmp/dig.en.txt"
  ok $? "example: its reports have its own texts and no word of the demo"
else
  n=$((n + 1)); echo "ok $n - example: its reports have no word of the demo # SKIP pdftotext not found (Debian: poppler-utils)"
fi

# Comments: typed on the command line, listed as text, CSV and JSON that
# their parsers read back exactly, with quotes, commas, line breaks,
# backslashes and a tab in the text; replies, resolving, and bad input.
cp "$tmp/d.evalkit" "$tmp/rev.evalkit"
tricky=$(printf 'Hvorfor "så" lavt, i %s?\nSe C:\\\\tall\tog 50%%' "2023")
"$evalkit" comment "$tmp/rev.evalkit" chart:m20-awareness-7 "$tricky" --author 'Kari "K", N.' >"$tmp/out" 2>&1 &&
  grep -q "^Comment [0-9a-f]\{8\} added$" "$tmp/out"
ok $? "comment adds a comment on a chart"
first=$(sed -n 's/^Comment \([0-9a-f]*\) added$/\1/p' "$tmp/out")
EVALKIT_AUTHOR=Ola "$evalkit" comment "$tmp/rev.evalkit" - "Enig." --reply-to "$first" >"$tmp/out" 2>&1 &&
  grep -q "^Reply [0-9a-f]\{8\} added$" "$tmp/out" &&
  "$evalkit" comment "$tmp/rev.evalkit" measure-section:20/results "Kilde?" --author Per >/dev/null
ok $? "comment --reply-to replies on its comment's place"
"$evalkit" comments "$tmp/rev.evalkit" --format json >"$tmp/c.json" &&
  TRICKY="$tricky" FIRST="$first" python3 -c '
import json, os, sys
c = json.load(open(sys.argv[1]))
assert len(c) == 3, c
fields = {"uuid", "parent_uuid", "place", "place_name", "author", "created_at", "body", "quote",
          "status", "resolved_at", "origin"}
assert all(set(x) == fields for x in c), c
assert c[0]["body"] == os.environ["TRICKY"] and c[0]["author"] == "Kari \"K\", N.", c[0]
assert c[0]["uuid"].startswith(os.environ["FIRST"]) and c[0]["place"] == "chart:m20-awareness-7"
assert c[0]["place_name"].startswith("Chart: Kjennskap til og bruk av"), c[0]
assert c[1]["parent_uuid"] == c[0]["uuid"] and c[1]["place"] == c[0]["place"] and c[1]["author"] == "Ola"
assert c[2]["place_name"] == "Measure 20 · Resultater og erfaringer" and c[2]["parent_uuid"] is None
assert all(x["status"] == "open" and x["resolved_at"] is None and x["origin"] == "" for x in c)
' "$tmp/c.json"
ok $? "comments --format json: every field, the text exactly as typed"
"$evalkit" comments "$tmp/rev.evalkit" --format csv >"$tmp/c.csv" &&
  TRICKY="$tricky" python3 -c '
import csv, os, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0] == ["uuid", "parent_uuid", "place", "place_name", "author", "created_at", "status",
                   "resolved_at", "origin", "quote", "body"], rows[0]
assert len(rows) == 4 and rows[1][10] == os.environ["TRICKY"] and rows[1][4] == "Kari \"K\", N.", rows
' "$tmp/c.csv"
ok $? "comments --format csv: a header row and the text exactly as typed"
"$evalkit" resolve "$tmp/rev.evalkit" "$first" && "$evalkit" comments "$tmp/rev.evalkit" --open >"$tmp/out" &&
  ! grep -q "^open $first" "$tmp/out" && grep -q "Kilde?" "$tmp/out" &&
  "$evalkit" comments "$tmp/rev.evalkit" | grep -q "^resolved $first  Chart: " &&
  "$evalkit" resolve --reopen "$tmp/rev.evalkit" "$first" &&
  "$evalkit" comments "$tmp/rev.evalkit" --open | grep -q "^open $first"
ok $? "resolve and resolve --reopen; comments --open lists the open ones"
cp "$tmp/rev.evalkit" "$tmp/rev.orig"
expect_fail "a comment on a place that is not one is refused" "rev.evalkit: “chart” is not a place" \
  "$evalkit" comment "$tmp/rev.evalkit" chart "x"
expect_fail "a comment on a chart the project lacks is refused" "rev.evalkit: the project has no “chart:nope”" \
  "$evalkit" comment "$tmp/rev.evalkit" chart:nope "x"
expect_fail "a reply to no comment is refused" "rev.evalkit: no comment “ffffffff”" \
  "$evalkit" comment "$tmp/rev.evalkit" - "x" --reply-to ffffffff
expect_fail "resolving no comment is refused" "rev.evalkit: no comment “12345678”" \
  "$evalkit" resolve "$tmp/rev.evalkit" 12345678
cmp -s "$tmp/rev.evalkit" "$tmp/rev.orig"; ok $? "the refused comments left the project unchanged"

# The reference group's review: two review copies of the demo, comments
# and a reply typed in each, merged home, anchored to their places; a
# second merge adds nothing and undoes no resolution; the copies are
# never changed, and a file that is not a copy of this project is refused
# with the project left as it was.
"$evalkit" demo "$tmp/home.evalkit" >/dev/null 2>&1 &&
  "$evalkit" review-copy "$tmp/home.evalkit" "$tmp/kari.evalkit" --reviewer Kari >"$tmp/out" 2>&1 &&
  grep -q "^Wrote a review copy of .*home.evalkit to .*kari.evalkit$" "$tmp/out" &&
  "$evalkit" review-copy "$tmp/home.evalkit" "$tmp/ola.evalkit" --reviewer Ola >/dev/null 2>&1 &&
  [ -z "$(ls -A "$tmp" | grep -e '\.partial' -e '-journal$' -e '-wal$')" ] &&
  [ "$(sqlite3 "$tmp/kari.evalkit" 'SELECT (SELECT count(*) FROM column_data) + (SELECT count(*) FROM string_data)')" = 0 ] &&
  ! grep -q -a -e R00001 -e R05103 "$tmp/kari.evalkit"
ok $? "review-copy writes two copies without the survey's answers"
"$evalkit" info "$tmp/kari.evalkit" | grep -q "^Disclosure control: cells with fewer than 5 respondents suppressed" &&
  "$evalkit" set-disclosure "$tmp/kari.evalkit" --mode flag 2>"$tmp/err"
[ $? = 1 ] && grep -q "kari.evalkit: a review copy keeps the evaluator’s disclosure control" "$tmp/err"
ok $? "a review copy says its small cells are suppressed and keeps the evaluator's setting"
"$evalkit" info "$tmp/kari.evalkit" | grep -q "^A review copy for Kari: the survey’s answers stay with the evaluator$" &&
  ! "$evalkit" info "$tmp/home.evalkit" | grep -q "review copy"
ok $? "info says a review copy is one, and whose"
"$evalkit" charts "$tmp/kari.evalkit" >/dev/null &&
  "$evalkit" chart "$tmp/kari.evalkit" m20-awareness-7 --out "$tmp/k.png" >/dev/null 2>&1 &&
  head -c 8 "$tmp/k.png" | grep -q PNG &&
  "$evalkit" report "$tmp/kari.evalkit" --draft --lang nb --out "$tmp/k.pdf" >/dev/null 2>&1 &&
  head -c 5 "$tmp/k.pdf" | grep -q "%PDF-" &&
  [ "$("$evalkit" table "$tmp/kari.evalkit" awareness 7 | tr -d '\r' | tail -1)" = \
    "$("$evalkit" table "$tmp/home.evalkit" awareness 7 | tr -d '\r' | tail -1)" ]
ok $? "a review copy lists and draws its charts, renders its draft report, and prints the home's numbers"
expect_fail "a review copy has no table it was not given" "this review copy has no table for “frequency q72 small=9”" \
  "$evalkit" table "$tmp/kari.evalkit" frequency q72 small=9
"$evalkit" comment "$tmp/kari.evalkit" chart:m20-awareness-7 "Lav kjennskap – hvorfor?" >"$tmp/out" 2>&1 &&
  kari=$(sed -n 's/^Comment \([0-9a-f]*\) added$/\1/p' "$tmp/out") && [ -n "$kari" ] &&
  "$evalkit" comment "$tmp/kari.evalkit" - "Se også tiltak 21." --reply-to "$kari" >/dev/null &&
  "$evalkit" comment "$tmp/ola.evalkit" measure-section:20/results "Hvor kommer tallene fra?" >/dev/null &&
  "$evalkit" comment "$tmp/ola.evalkit" - "Fra undersøkelsen." --reply-to \
    "$("$evalkit" comments "$tmp/ola.evalkit" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["uuid"])')" >/dev/null
ok $? "reviewers comment and reply in their copies, signed by the copy"
sha256sum "$tmp/kari.evalkit" "$tmp/ola.evalkit" >"$tmp/copies.sum"
"$evalkit" merge-review "$tmp/home.evalkit" "$tmp/kari.evalkit" "$tmp/ola.evalkit" >"$tmp/out" 2>&1 &&
  grep -q "^2 comments merged from .*kari.evalkit$" "$tmp/out" && grep -q "^2 comments merged from .*ola.evalkit$" "$tmp/out" &&
  sha256sum -c --quiet "$tmp/copies.sum"
ok $? "merge-review brings both copies' comments home and leaves the copies as they were"
"$evalkit" comments "$tmp/home.evalkit" --format json >"$tmp/home.json" && KARI="$kari" python3 -c '
import json, os, sys
c = json.load(open(sys.argv[1]))
assert len(c) == 4, c
top = [x for x in c if x["uuid"].startswith(os.environ["KARI"])][0]
assert top["place"] == "chart:m20-awareness-7" and top["place_name"].startswith("Chart: Kjennskap"), top
assert top["author"] == "Kari" and top["origin"].startswith("copy:"), top
replies = [x for x in c if x["parent_uuid"] == top["uuid"]]
assert len(replies) == 1 and replies[0]["place"] == top["place"], replies
ola = [x for x in c if x["place"] == "measure-section:20/results"]
assert len(ola) == 2 and all(x["author"] == "Ola" for x in ola), ola
assert ola[0]["place_name"] == "Measure 20 · Resultater og erfaringer", ola
assert ola[0]["origin"] != top["origin"], c
' "$tmp/home.json"
ok $? "comments --format json shows the merged comments and replies anchored to their places"
"$evalkit" merge-review "$tmp/home.evalkit" "$tmp/kari.evalkit" "$tmp/ola.evalkit" >"$tmp/out" 2>&1 &&
  grep -q "^0 comments merged from .*kari.evalkit$" "$tmp/out" && grep -q "^0 comments merged from .*ola.evalkit$" "$tmp/out"
ok $? "a second merge adds nothing"
"$evalkit" resolve "$tmp/home.evalkit" "$kari" && "$evalkit" merge-review "$tmp/home.evalkit" "$tmp/kari.evalkit" >/dev/null &&
  "$evalkit" comments "$tmp/home.evalkit" | grep -q "^resolved $kari " &&
  ! "$evalkit" comments "$tmp/home.evalkit" --open | grep -q "^open $kari "
ok $? "a comment resolved at home stays resolved after another merge"
cp "$tmp/home.evalkit" "$tmp/home.orig"
"$evalkit" demo "$tmp/other.evalkit" >/dev/null 2>&1 && "$evalkit" review-copy "$tmp/other.evalkit" "$tmp/stranger.evalkit" >/dev/null 2>&1
expect_fail "merging a project that is not a review copy is refused" "other.evalkit: not a review copy" \
  "$evalkit" merge-review "$tmp/home.evalkit" "$tmp/other.evalkit"
expect_fail "merging a review copy of another project is refused" "stranger.evalkit: a review copy of another project" \
  "$evalkit" merge-review "$tmp/home.evalkit" "$tmp/kari.evalkit" "$tmp/stranger.evalkit"
cp "$tmp/kari.evalkit" "$tmp/newer.evalkit"
sqlite3 "$tmp/newer.evalkit" "PRAGMA user_version = 99;" >/dev/null
expect_fail "merging a review copy from a newer Evalkit is refused" "newer.evalkit: .*newer version of Evalkit" \
  "$evalkit" merge-review "$tmp/home.evalkit" "$tmp/newer.evalkit"
head -c 30000 "$tmp/kari.evalkit" >"$tmp/cut-copy.evalkit"
expect_fail "merging a damaged review copy is refused" "cut-copy.evalkit: the project file is damaged" \
  "$evalkit" merge-review "$tmp/home.evalkit" "$tmp/cut-copy.evalkit"
cmp -s "$tmp/home.evalkit" "$tmp/home.orig" && sha256sum -c --quiet "$tmp/copies.sum"
ok $? "the refused merges left the project and the copies unchanged"

# Comments from a draft PDF annotated in a viewer: the draft maps its
# places and shows the open comments; a reply to one and a note of the
# reviewer's own (written with qpdf, as a viewer would) come back.
cp "$tmp/d.evalkit" "$tmp/pdf.evalkit"
"$evalkit" report "$tmp/pdf.evalkit" --lang nb --out "$tmp/final.pdf" >/dev/null 2>&1 &&
  cmp -s "$tmp/d.evalkit" "$tmp/pdf.evalkit"
ok $? "a finished report leaves the project as it was"
"$evalkit" comment "$tmp/pdf.evalkit" chart:m20-awareness-7 "Hvorfor 2023?" --author Kari >/dev/null &&
  "$evalkit" report "$tmp/pdf.evalkit" --lang nb --out "$tmp/draft.pdf" --draft >/dev/null 2>&1 &&
  [ "$(sqlite3 "$tmp/pdf.evalkit" "SELECT count(*) FROM draft")" = 1 ] &&
  [ "$(sqlite3 "$tmp/pdf.evalkit" "SELECT count(*) FROM draft_anchor WHERE place = 'chart:m20-awareness-7'")" -ge 1 ] &&
  uuid=$("$evalkit" comments "$tmp/pdf.evalkit" --format csv | sed -n '2s/,.*//p') &&
  grep -a -q "/NM ($uuid)" "$tmp/draft.pdf"
ok $? "report --draft records where its places are and shows the open comments"
if command -v qpdf >/dev/null; then
  python3 "$top/tests/review/add-reply.py" "$tmp/draft.pdf" "$tmp/annotated.pdf" \
    "$uuid" "Fordi tallene kom da." Eva page:1 "Tittelen er lang." Per >/dev/null 2>&1 &&
    "$evalkit" import-pdf-comments "$tmp/pdf.evalkit" "$tmp/annotated.pdf" >"$tmp/out" 2>&1 &&
    grep -qx "2 comments imported, 1 without a place: attached to page 1 (1 was in the project already)" "$tmp/out" &&
    "$evalkit" comments "$tmp/pdf.evalkit" --format json >"$tmp/c.json" &&
    UUID="$uuid" python3 -c '
import json, os, sys
c = {x["body"]: x for x in json.load(open(sys.argv[1]))}
assert len(c) == 3, c
reply, note = c["Fordi tallene kom da."], c["Tittelen er lang."]
assert reply["parent_uuid"] == os.environ["UUID"] and reply["place"] == "chart:m20-awareness-7", reply
assert reply["author"] == "Eva" and reply["created_at"] == "2026-03-01T10:15:00Z", reply
assert note["place"] == "page:1" and note["author"] == "Per" and note["origin"].startswith("pdf:"), note
' "$tmp/c.json"
  ok $? "import-pdf-comments anchors a reply and a note on a page without an element"
  "$evalkit" import-pdf-comments "$tmp/pdf.evalkit" "$tmp/annotated.pdf" >"$tmp/out" 2>&1 &&
    grep -qx "0 comments imported (3 were in the project already)" "$tmp/out" &&
    [ "$("$evalkit" comments "$tmp/pdf.evalkit" --format csv | wc -l)" = 4 ]
  ok $? "importing the same PDF again adds nothing"
else
  echo "ok $((n + 1)) # SKIP qpdf not installed (Debian: qpdf)"; n=$((n + 1))
  echo "ok $((n + 1)) # SKIP qpdf not installed (Debian: qpdf)"; n=$((n + 1))
fi
cp "$tmp/pdf.evalkit" "$tmp/pdf.orig"
expect_fail "a finished report is no draft to import from" "final.pdf is a finished report, not a draft" \
  "$evalkit" import-pdf-comments "$tmp/pdf.evalkit" "$tmp/final.pdf"
expect_fail "a file that is no PDF is refused" "README.md: not a PDF that can be read" \
  "$evalkit" import-pdf-comments "$tmp/pdf.evalkit" "$top/README.md"
"$evalkit" report "$tmp/other.evalkit" --lang nb --out "$tmp/other-draft.pdf" --draft >/dev/null 2>&1
expect_fail "another project's draft is refused" "other-draft.pdf is a draft of another project" \
  "$evalkit" import-pdf-comments "$tmp/pdf.evalkit" "$tmp/other-draft.pdf"
cmp -s "$tmp/pdf.evalkit" "$tmp/pdf.orig"; ok $? "the refused imports left the project unchanged"

# A crafted project file is refused with one message naming the file, the
# survey and the variable, and left as it was.
cp "$tmp/d.evalkit" "$tmp/long.evalkit"
sqlite3 "$tmp/long.evalkit" <"$top/tests/data/malformed/column-longer.sql"
cp "$tmp/long.evalkit" "$tmp/long.orig"
expect_fail "a column longer than its survey is refused" \
  "long.evalkit: survey “survey”: variable reg_icnpo: 5104 values stored for 5103 respondents" \
  "$evalkit" table "$tmp/long.evalkit" awareness 7
cmp -s "$tmp/long.evalkit" "$tmp/long.orig"; ok $? "the crafted project is unchanged"

# check: nothing on a complete project; a missing translation is one line
# with its place, exit 1; the file is only read.
"$evalkit" demo "$tmp/chk.evalkit" >/dev/null 2>&1
"$evalkit" check "$tmp/chk.evalkit" >"$tmp/out" 2>&1
[ $? = 1 ] && grep -qx "Chart Resultater av Erasmus+: 8 cells with fewer than 5 respondents are shown with their numbers (the project flags small cells; it can suppress them)" "$tmp/out"
ok $? "check on the demo lists the charts that show small cells with their numbers"
"$evalkit" set-disclosure "$tmp/chk.evalkit" --mode suppress &&
  "$evalkit" check "$tmp/chk.evalkit" >"$tmp/out" 2>&1 && grep -qx "No problems" "$tmp/out"
ok $? "check on the demo with small cells suppressed finds no problems and exits 0"
sqlite3 "$tmp/chk.evalkit" "DELETE FROM text WHERE entity = 'measure' AND field = 'section:results' AND lang = 'en' AND entity_id = (SELECT id FROM measure WHERE number = 20)"
cp "$tmp/chk.evalkit" "$tmp/chk.orig"
"$evalkit" check "$tmp/chk.evalkit" >"$tmp/out" 2>&1
[ $? = 1 ] && [ "$(cat "$tmp/out")" = "Measure 20 · Resultater og erfaringer (en): translation missing" ]
ok $? "check lists a removed translation with its place and exits 1"
"$evalkit" check "$tmp/chk.evalkit" --lang en --format json | grep -q '"place": "measure-section:20/results"' &&
  "$evalkit" check "$tmp/chk.evalkit" --lang nb >/dev/null
ok $? "check --format json names the place; --lang nb has nothing to translate"
cmp -s "$tmp/chk.evalkit" "$tmp/chk.orig"; ok $? "check leaves the project file as it was"
expect_fail "check refuses a language the project does not have" "chk.evalkit: the project has no texts in “fr”" \
  "$evalkit" check "$tmp/chk.evalkit" --lang fr

# PO round trip: a file msgfmt accepts; importing it unedited changes no
# text; an edited source makes its translation fuzzy with the old source.
"$evalkit" demo "$tmp/po.evalkit" >/dev/null 2>&1
"$evalkit" export-po "$tmp/po.evalkit" en "$tmp/en.po" >/dev/null && msgfmt --check -o /dev/null "$tmp/en.po"
ok $? "export-po writes a PO file that passes msgfmt --check"
sqlite3 "$tmp/po.evalkit" "SELECT * FROM text ORDER BY 1, 2, 3, 4" >"$tmp/texts.before"
"$evalkit" import-po "$tmp/po.evalkit" "$tmp/en.po" >"$tmp/out" 2>&1 &&
  grep -qx "0 updated, 0 unknown contexts ignored (en)" "$tmp/out" &&
  sqlite3 "$tmp/po.evalkit" "SELECT * FROM text ORDER BY 1, 2, 3, 4" | cmp -s - "$tmp/texts.before"
ok $? "import-po of an unedited export changes no text or fingerprint"
old_title=$(sqlite3 "$tmp/po.evalkit" "SELECT body FROM text WHERE entity = 'measure' AND field = 'title' AND lang = 'nb' AND entity_id = (SELECT id FROM measure WHERE number = 20)")
sqlite3 "$tmp/po.evalkit" "UPDATE text SET body = 'Ny tittel' WHERE entity = 'measure' AND field = 'title' AND lang = 'nb' AND entity_id = (SELECT id FROM measure WHERE number = 20)"
"$evalkit" export-po "$tmp/po.evalkit" en "$tmp/en2.po" >/dev/null &&
  grep -B5 -A3 '^msgctxt "measure/20/title"' "$tmp/en2.po" | sed -n '/^#,/,$p' >"$tmp/entry" &&
  grep -qx '#, fuzzy' "$tmp/entry" && grep '^#|' "$tmp/entry" | grep -qF "\"$old_title\"" &&
  grep -qx 'msgid "Ny tittel"' "$tmp/entry"
ok $? "an edited nb source makes its en entry fuzzy with the old source in #|"
cp "$tmp/po.evalkit" "$tmp/po.orig"
sed 's/^"X-Evalkit-Project: /"X-Evalkit-Project: 0/' "$tmp/en.po" >"$tmp/other.po"
expect_fail "import-po refuses another project's file" "other.po: the file is for another project" \
  "$evalkit" import-po "$tmp/po.evalkit" "$tmp/other.po"
expect_fail "import-po refuses a file for another language than asked" "en.po: the file is for language en, not nn" \
  "$evalkit" import-po "$tmp/po.evalkit" "$tmp/en.po" --lang nn
cmp -s "$tmp/po.evalkit" "$tmp/po.orig"; ok $? "the refused PO imports left the project unchanged"

# A new language without code: the Nynorsk PO brings nn's report words; a
# text still missing stops the report; filled, the report is in Nynorsk.
"$evalkit" demo "$tmp/nn.evalkit" >/dev/null 2>&1
demo_id=$(sqlite3 "$tmp/nn.evalkit" "SELECT value FROM project_meta WHERE key = 'project_id'")
sed "s/DEMO-PROJECT-ID/$demo_id/" "$top/tests/data/po/demo-nn.po" >"$tmp/nn.po"
n_entries=$(grep -c '^msgctxt' "$tmp/nn.po")
"$evalkit" import-po "$tmp/nn.evalkit" "$tmp/nn.po" >"$tmp/out" 2>&1 &&
  grep -qx "$n_entries updated, 0 unknown contexts ignored (nn)" "$tmp/out" &&
  "$evalkit" info "$tmp/nn.evalkit" | grep -q "Languages: nb, en, nn"
ok $? "import-po of a Nynorsk PO adds nn as a report language"
expect_fail "report --lang nn names a text still missing in nn" "has no translation in “nn”" \
  "$evalkit" report "$tmp/nn.evalkit" --lang nn --out "$tmp/nn.pdf"
"$evalkit" export-po "$tmp/nn.evalkit" nn "$tmp/nn-all.po" >/dev/null &&
  msgattrib --untranslated "$tmp/nn-all.po" | msgen -o "$tmp/nn-fill.po" - &&
  "$evalkit" import-po "$tmp/nn.evalkit" "$tmp/nn-fill.po" >/dev/null &&
  "$evalkit" report "$tmp/nn.evalkit" --lang nn --out "$tmp/nn.pdf" >/dev/null
ok $? "report --lang nn renders once every text is in nn"
if command -v pdftotext >/dev/null 2>&1; then
  pdftotext "$tmp/nn.pdf" "$tmp/nn.txt" && grep -q "Innhald" "$tmp/nn.txt" && grep -q "Kjelde" "$tmp/nn.txt" &&
    ! grep -q "Innhold" "$tmp/nn.txt"
  ok $? "the nn report prints Nynorsk report words"
else
  n=$((n + 1)); echo "ok $n - the nn report prints Nynorsk report words # SKIP pdftotext not found (Debian: poppler-utils)"
fi
"$evalkit" add-language "$tmp/nn.evalkit" se >"$tmp/out" 2>&1 && grep -qx "Added se to the project’s languages" "$tmp/out" &&
  "$evalkit" info "$tmp/nn.evalkit" | grep -q "Languages: nb, en, nn, se"
ok $? "add-language adds a report language"
expect_fail "add-language refuses what is not a language code" "“n n” is not a language code" \
  "$evalkit" add-language "$tmp/nn.evalkit" "n n"

# A survey imported without English labels: the English report names the
# first missing label; export-po, the labels filled, import-po, and it renders.
ex="$top/data/examples/digitalt-for-alle"
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
keep = [i for i, c in enumerate(rows[0]) if "[en]" not in c]
out = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""))
for row in rows:
    out.writerow([row[i] if i < len(row) else "" for i in keep])' "$ex/codebook.csv" "$tmp/codebook-nb.csv"
"$evalkit" import-strategy "$tmp/nolab.evalkit" "$ex/strategy.ini" >/dev/null 2>&1 &&
  "$evalkit" import-survey "$tmp/nolab.evalkit" "$ex/survey.csv" --codebook "$tmp/codebook-nb.csv" --meta "$ex/survey-meta.ini" >/dev/null 2>&1 &&
  "$evalkit" import-report "$tmp/nolab.evalkit" "$ex/report" >/dev/null 2>&1
ok $? "the example imports with a codebook without English labels"
expect_fail "the English report names a label missing in en" "reg_landsdel has no translation in “en”" \
  "$evalkit" report "$tmp/nolab.evalkit" --lang en --out "$tmp/nolab.pdf"
"$evalkit" export-po "$tmp/nolab.evalkit" en "$tmp/nolab.po" >/dev/null &&
  python3 -c '
import csv, subprocess, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
labels, values, var = {}, {}, None
for r in rows:
    var = r["variable"] or var
    if r["label[en]"]:
        labels["variable/survey/%s/label" % var] = r["label[en]"]
    if r["value"] and r["value_label[en]"]:
        values["value/survey/%s/%s/label" % (var, r["value"])] = r["value_label[en]"]
labels.update(values)
def q(s):
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
out, ctx, filled = [], None, 0
for line in open(sys.argv[2], encoding="utf-8").read().split("\n"):
    if line.startswith("msgctxt "):
        ctx = line[9:-1]
    if line == "msgstr \"\"" and ctx in labels:
        line = "msgstr " + q(labels[ctx]); filled += 1
    out.append(line)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
sys.exit(0 if filled > 50 else 1)' "$ex/codebook.csv" "$tmp/nolab.po" &&
  msgfmt --check -o /dev/null "$tmp/nolab.po" &&
  "$evalkit" import-po "$tmp/nolab.evalkit" "$tmp/nolab.po" >"$tmp/out" 2>&1 &&
  grep -q "^[1-9][0-9]* updated, 0 unknown contexts ignored (en)" "$tmp/out" &&
  "$evalkit" report "$tmp/nolab.evalkit" --lang en --out "$tmp/nolab.pdf" >/dev/null
ok $? "export-po, the English labels filled, import-po: the English report renders"

exit $failed
