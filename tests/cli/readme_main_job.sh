#!/usr/bin/env bash
# The main job that scripts/setup.sh runs after the build and that the README shows: code
# every bundled example into a database, then print the summary table.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cd "$SRC"
"$ATTACHE" code examples/* --db "$WORK/attache.sqlite" >/dev/null
"$ATTACHE" db summary --db "$WORK/attache.sqlite" | tee "$WORK/summary"
"$ATTACHE" summary --db "$WORK/attache.sqlite" | cmp - "$WORK/summary" \
  || fail "'attache summary' and 'attache db summary' differ"
grep -Eq '^date +source +cameo +plover +target +location' "$WORK/summary" \
  || fail "no table header in the summary"
rows=$(sed -n '/^-\{4,\}/,$p' "$WORK/summary" | tail -n +2 | grep -c . || true)
((rows > 0)) || fail "no event rows in the summary"
echo "readme_main_job: ok ($rows rows)"
