#!/usr/bin/env bash
# The held-out set's figures (README "Measured") may not fall below tests/heldout/floor.txt,
# and the floors themselves may only rise from one committed version to the next. Run by the
# ctest cli.eval_heldout_floor (tests/CMakeLists.txt) with the attache binary and the source tree.
set -euo pipefail
source "$(dirname "$0")/../cli/lib.sh"

floor_file="$SRC/tests/heldout/floor.txt"
mapfile -t floors < <(grep -v '^#' "$floor_file" | grep '=')
[[ ${#floors[@]} -gt 0 ]] || fail "no floors in $floor_file"

args=()
for f in "${floors[@]}"; do args+=(--floor "$f"); done
"$ATTACHE" eval "$SRC/tests/heldout" "${args[@]}" >"$WORK/report.txt" 2>&1 || {
  tail -n 30 "$WORK/report.txt" >&2
  fail "the held-out set fell below a floor of tests/heldout/floor.txt"
}
tail -n 1 "$WORK/report.txt"

# Every dispatch must have been scored: a gold file that no longer loads would drop out.
docs=$(tail -n 1 "$WORK/report.txt" | sed -n 's/.*docs=\([0-9]*\) missing_docs=\([0-9]*\).*/\1 \2/p')
want=$(find "$SRC/tests/heldout" -maxdepth 1 -name '*.gold.json' | wc -l)
[[ "$docs" == "$want 0" ]] || fail "scored '$docs' (docs missing_docs), want $want gold files and none missing"

# Floors only rise: compare with the version of floor.txt before the last change to it.
if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
  prev=$(git -C "$SRC" log -n 2 --format=%H -- tests/heldout/floor.txt | sed -n 2p)
  if [[ -n "$prev" ]]; then
    git -C "$SRC" show "$prev:tests/heldout/floor.txt" >"$WORK/prev.txt"
    "$PYTHON" - "$WORK/prev.txt" "$floor_file" <<'PY'
import sys
def read(p):
    out = {}
    for line in open(p, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            out[k.strip()] = float(v)
    return out
prev, cur = read(sys.argv[1]), read(sys.argv[2])
lowered = [f"{k}: {prev[k]} -> {cur.get(k)}" for k in prev if k not in cur or cur[k] < prev[k]]
if lowered:
    sys.exit("floors may only rise: " + ", ".join(lowered))
PY
  fi
fi
