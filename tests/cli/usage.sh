#!/usr/bin/env bash
# Exit statuses of the CLI: 2 for usage, lexicon and I/O errors, 0 for `version`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

good="$SRC/examples/reuters-fr-expulsions-2025-04-15.txt"
expect_status 0 "$ATTACHE" version
grep -q '^attache [0-9]' "$WORK/out" || fail "version prints no version"
expect_status 0 "$ATTACHE" --help
expect_status 2 "$ATTACHE"
expect_status 2 "$ATTACHE" frobnicate
expect_status 2 "$ATTACHE" code
expect_status 2 "$ATTACHE" code --lang de "$good"
expect_status 2 "$ATTACHE" code --format xml "$good"
expect_status 2 "$ATTACHE" code --published 27/02/2025 "$good"
# Well formed but not on the calendar or the clock: refused rather than silently unused.
expect_status 2 "$ATTACHE" code --published 2025-02-30 "$good"
expect_status 2 "$ATTACHE" code --published 2025-02-27T24:00 "$good"
expect_status 0 "$ATTACHE" code --published "2024-02-29 23:59:59.5+05:30" "$good"
expect_status 2 "$ATTACHE" code --lexicon "$WORK/no-such.lex" "$good"
grep -q 'lexicon' "$WORK/err" || fail "a missing lexicon is not named on stderr"
[[ ! -s "$WORK/out" ]] || fail "output written although the lexicon is missing"
expect_status 0 "$ATTACHE" code --lang fr --published 2025-04-15 --threads 2 "$good"
expect_status 2 "$ATTACHE" db summary --db "$WORK/none.sqlite"
expect_status 2 "$ATTACHE" eval "$SRC/tests/eval" --floor f1=0.5x
expect_status 2 "$ATTACHE" eval "$SRC/tests/eval" --floor f1=nan
expect_status 2 "$ATTACHE" eval "$SRC/tests/eval" --floor bogus=0.5
# A predictions file that cannot be written in full is an I/O error, not a silent success.
if [[ -w /dev/full ]]; then
  expect_status 2 "$ATTACHE" eval "$SRC/tests/eval" --save-pred /dev/full
  grep -q 'writing /dev/full failed' "$WORK/err" || fail "the failed --save-pred write is not named"
fi
echo "usage: ok"
