#!/usr/bin/env bash
# The founding dispatch, scored by the project's independent scorer: every required event,
# no extra event, every quote and its speaker. Skipped (77) when ../shared is absent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SHARED="${ATTACHE_SHARED:-$SRC/../shared}"
if [[ ! -d "$SHARED/golden/seed" || ! -f "$SHARED/tools/score.py" ]]; then
  echo "seed_golden: skipped, no shared/ beside the source tree"
  exit 77
fi
"$ATTACHE" code "$SHARED"/golden/seed/*.txt >"$WORK/out.jsonl"
"$PYTHON" "$SHARED/tools/score.py" "$SHARED/golden/seed" "$WORK/out.jsonl" --verbose >&2 || true
"$PYTHON" "$SHARED/tools/score.py" "$SHARED/golden/seed" "$WORK/out.jsonl" --json \
  >"$WORK/score.json"
cat "$WORK/score.json"
"$PYTHON" - "$WORK/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
want = {"recall": 1.0, "precision": 1.0, "quote_recall": 1.0, "quote_speaker": 1.0}
bad = {k: s.get(k) for k, v in want.items() if s.get(k) != v}
assert not bad, f"below target: {bad}"
print("seed_golden: ok")
PY
