#!/usr/bin/env bash
# --db stores what --format doc prints: as many documents and events in the database as in
# the JSON, each stored record byte for byte the printed line, and the error records in the
# errors table.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mapfile -t inputs < <(examples)
rc=0
"$ATTACHE" code "${inputs[@]}" "$WORK/missing.txt" --db "$WORK/a.sqlite" >"$WORK/out.jsonl" \
  2>"$WORK/err" || rc=$?
[[ $rc == 1 ]] || { cat "$WORK/err" >&2; fail "exit $rc, expected 1 (one missing file)"; }

"$PYTHON" - "$WORK/out.jsonl" "$WORK/a.sqlite" <<'PY'
import json, sqlite3, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
docs = [r for r in recs if r.get("error") is None]
errs = [r for r in recs if r.get("error") is not None]
events = sum(len(r["events"]) for r in docs)
db = sqlite3.connect(sys.argv[2])
n_docs, = db.execute("SELECT count(*) FROM documents").fetchone()
n_events, = db.execute("SELECT count(*) FROM events").fetchone()
n_errors, = db.execute("SELECT count(*) FROM errors").fetchone()
assert events > 0, "no events coded"
assert n_docs == len(docs), (n_docs, len(docs))
assert n_events == events, (n_events, events)
assert n_errors == len(errs) == 1, (n_errors, len(errs))
# The stored record is the very line printed (the CLI hands it over, not a second rendering).
lines = {json.loads(l)["id"]: l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")}
for doc_id, record in db.execute("SELECT id, record FROM documents"):
    assert record == lines[doc_id], doc_id
print(f"db_counts: ok ({n_docs} documents, {n_events} events, {n_errors} errors)")
PY
