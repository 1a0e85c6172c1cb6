#!/usr/bin/env bash
# lexc refuses a frame the coder would refuse, naming the file and line in the source tree:
# a copy of data/ with one frame broken must fail to compile, and the intact copy must not.
# $1 is the lexc binary, $2 the source tree. Skipped (77) without the system word lists.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LEXC="$ATTACHE"  # this test is given the lexc binary where the others get attache
[[ -r /usr/share/hunspell/fr_FR.dic && -r /usr/share/iso-codes/json/iso_3166-1.json ]] || exit 77

cp -r "$SRC/data" "$WORK/data"
: >"$WORK/cities.txt"
run_lexc() {
  "$LEXC" --data "$WORK/data" --cities "$WORK/cities.txt" --out "$WORK/test.lex" --no-forms
}

expect_status 0 run_lexc  # the intact data compiles

frames="$WORK/data/lang/fr/frames/consult.txt"
line=$(grep -n '^plover = CONSULT' "$frames" | head -1 | cut -d: -f1)
sed -i "${line}s/CONSULT/CONSUL/" "$frames"
rm -f "$WORK/test.lex"
expect_status 1 run_lexc  # lexc refuses a frame with plover CONSUL
[[ ! -e "$WORK/test.lex" ]] || fail "lexc wrote a lexicon despite the bad frame"
grep -q "data/lang/fr/frames/consult.txt:${line}: plover: \`CONSUL\` is not one of the 16 PLOVER types" "$WORK/err" ||
  { cat "$WORK/err" >&2; fail "the error does not name the file, line and problem"; }

echo "lexc_bad_frame: ok"
