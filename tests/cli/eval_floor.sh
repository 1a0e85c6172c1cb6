#!/usr/bin/env bash
# An evaluation set's figures (README "Measured") may not fall below its floor.txt, every
# gold file of the set must be scored, and the floors themselves may only rise from one
# committed version to the next. $3 is the set's folder relative to the source tree
# (tests/eval, the development set; tests/heldout, the held-out set).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
set_dir="${3:?usage: $0 ATTACHE_BINARY SOURCE_DIR SET_DIR}"

floor_file="$SRC/$set_dir/floor.txt"
mapfile -t floors < <(grep -v '^#' "$floor_file" | grep '=')
[[ ${#floors[@]} -gt 0 ]] || fail "no floors in $floor_file"

args=()
for f in "${floors[@]}"; do args+=(--floor "$f"); done
"$ATTACHE" eval "$SRC/$set_dir" "${args[@]}" >"$WORK/report.txt" 2>&1 || {
  tail -n 30 "$WORK/report.txt" >&2
  fail "$set_dir fell below a floor of $set_dir/floor.txt"
}
tail -n 1 "$WORK/report.txt"

# Every dispatch must have been scored: a gold file that no longer loads would drop out.
docs=$(tail -n 1 "$WORK/report.txt" | sed -n 's/.*docs=\([0-9]*\) missing_docs=\([0-9]*\).*/\1 \2/p')
want=$(find "$SRC/$set_dir" -maxdepth 1 -name '*.gold.json' | wc -l)
[[ "$docs" == "$want 0" ]] || fail "scored '$docs' (docs missing_docs), want $want gold files and none missing"

# Floors only rise: compare with the version of floor.txt before the last change to it.
if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
  prev=$(git -C "$SRC" log -n 2 --format=%H -- "$set_dir/floor.txt" | sed -n 2p)
  if [[ -n "$prev" ]]; then
    git -C "$SRC" show "$prev:$set_dir/floor.txt" >"$WORK/prev.txt"
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
