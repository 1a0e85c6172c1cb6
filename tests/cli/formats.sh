#!/usr/bin/env bash
# Projection formats: gdelt has the 61 columns of the GDELT 2.0 event table, cameo the 4
# TABARI-style columns, and both give one line per event of the document records; plover
# one line per event that has a PLOVER type (at least).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mapfile -t inputs < <(examples)
"$ATTACHE" code "${inputs[@]}" >"$WORK/doc.jsonl" 2>/dev/null
"$ATTACHE" code --format gdelt "${inputs[@]}" >"$WORK/out.gdelt" 2>/dev/null
"$ATTACHE" code --format cameo "${inputs[@]}" >"$WORK/out.cameo" 2>/dev/null
"$ATTACHE" code --format plover "${inputs[@]}" >"$WORK/out.plover" 2>/dev/null

"$PYTHON" - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
events = sum(len(json.loads(l).get("events") or []) for l in open(f"{w}/doc.jsonl", encoding="utf-8"))
assert events > 0, "the examples gave no events"
gdelt = open(f"{w}/out.gdelt", encoding="utf-8").read().splitlines()
assert len(gdelt) == events, (len(gdelt), events)
for i, line in enumerate(gdelt):
    cols = line.split("\t")
    assert len(cols) == 61, f"gdelt line {i + 1}: {len(cols)} columns"
cameo = open(f"{w}/out.cameo", encoding="utf-8").read().splitlines()
assert len(cameo) == events, (len(cameo), events)
for i, line in enumerate(cameo):
    cols = line.split("\t")
    assert len(cols) == 4, f"cameo line {i + 1}: {len(cols)} columns"
    assert cols[3].isdigit() and 2 <= len(cols[3]) <= 4, f"cameo line {i + 1}: code {cols[3]!r}"
plover = open(f"{w}/out.plover", encoding="utf-8").read().splitlines()
# Events with no PLOVER type (CAMEO only) may be left out of the PLOVER projection.
with_plover = sum(1 for l in open(f"{w}/doc.jsonl", encoding="utf-8")
                  for e in json.loads(l).get("events") or [] if e.get("plover"))
assert with_plover <= len(plover) <= events, (len(plover), with_plover, events)
print(f"formats: ok ({events} events)")
PY
