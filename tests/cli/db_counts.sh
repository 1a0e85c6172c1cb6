#!/usr/bin/env bash
# --db stores what --format doc prints: as many documents and events in the database as in
# the JSON, each stored record byte for byte the printed line, and the error records in the
# errors table. Two inputs of one run with the same id (same file name in two directories)
# leave one record, and the run says so.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mapfile -t inputs < <(examples)
rc=0
"$ATTACHE" code "${inputs[@]}" "$WORK/missing.txt" --db "$WORK/a.sqlite" >"$WORK/out.jsonl" \
  2>"$WORK/err" || rc=$?
[[ $rc == 1 ]] || { cat "$WORK/err" >&2; fail "exit $rc, expected 1 (one missing file)"; }

"$PYTHON" - "$WORK/out.jsonl" "$WORK/a.sqlite" "$WORK/err" <<'PY'
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
last = open(sys.argv[3], encoding="utf-8").read().splitlines()[-1]
assert last.endswith(f", {n_docs + n_errors} stored"), last
print(f"db_counts: ok ({n_docs} documents, {n_events} events, {n_errors} errors)")
PY

mkdir -p "$WORK/one" "$WORK/two"
cp "$SRC/examples/reuters-fr-expulsions-2025-04-15.txt" "$WORK/one/same.txt"
cp "$SRC/examples/ap-en-yemen-strike-2025-01-09.txt" "$WORK/two/same.txt"
"$ATTACHE" code "$WORK/one/same.txt" "$WORK/two/same.txt" --db "$WORK/b.sqlite" >/dev/null \
  2>"$WORK/err2"
grep -q 'same.*has the id of an earlier input' "$WORK/err2" ||
  { cat "$WORK/err2" >&2; fail "a repeated id is not reported"; }
tail -n 1 "$WORK/err2" | grep -q '2 coded, 0 errors, .* events, 1 stored$' ||
  { cat "$WORK/err2" >&2; fail "the stored count does not match the database"; }
echo "db_counts: repeated id ok"
