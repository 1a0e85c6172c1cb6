#!/usr/bin/env bash
# JSON Lines input (ids from the article, else <stem>:<line>; a bad line is an error record
# and the others go on) and stdin (id from a content hash).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cp "$SRC/examples/articles.jsonl" "$WORK/feed.jsonl"
printf '{"id": "broken", "text": \n{"title": "no text"}\n' >>"$WORK/feed.jsonl"
rc=0
"$ATTACHE" code "$WORK/feed.jsonl" - <"$SRC/examples/reuters-en-eu-sanctions-2025-02-24.txt" \
  >"$WORK/out.jsonl" 2>"$WORK/err" || rc=$?
cat "$WORK/err" >&2
[[ $rc == 1 ]] || fail "exit $rc, expected 1 (two bad lines)"

"$PYTHON" - "$WORK/out.jsonl" "$WORK/err" <<'PY'
import json, re, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ids = [r["id"] for r in recs]
want = ["afp-fr-ambassadeur-iran-2025-01-28", "reuters-en-ceasefire-talks-2025-01-15",
        "feed:3", "feed:4", "feed:5"]
assert ids[:5] == want, ids
assert len(recs) == 6, len(recs)
assert re.fullmatch(r"doc-[0-9a-f]{16}", ids[5]), ids[5]
for r in recs[:3] + recs[5:]:
    assert r.get("error") is None, r.get("error")
assert sum(len(r["events"]) for r in recs[:3] + recs[5:]) > 0, "no events at all"
assert recs[0]["lang"] == "fr" and recs[1]["lang"] == "en", (recs[0]["lang"], recs[1]["lang"])
assert recs[0]["title"].startswith("Le Quai d'Orsay"), recs[0]["title"]
assert recs[3]["error"]["code"] == "bad_json", recs[3]["error"]
assert recs[4]["error"]["code"] == "missing_text", recs[4]["error"]
last = open(sys.argv[2], encoding="utf-8").read().strip().splitlines()[-1]
events = sum(len(r.get("events") or []) for r in recs)
assert last == f"attache: 6 inputs, 4 coded, 2 errors, {events} events", last
print("jsonl_and_stdin: ok")
PY
