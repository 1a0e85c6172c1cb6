#!/usr/bin/env bash
# The earlier coders' input formats: a PETRARCH XML file and a TABARI story file, written
# here, each record one document (id and date from the record), malformed records alone in
# error records, the counts reconciled; --petrarch-text parse codes the parse's words. When
# the peer suites are at ../shared/peer, their own record files are read too.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cat >"$WORK/batch.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Sentences>
<Sentence date="20250128" id="px-1" source="wire" sentence="true">
<Text>
France recalled its ambassador to Iran on Tuesday.
</Text>
<Parse>
(ROOT (S (NP (NNP France)) (VP (VBD recalled) (NP (PRP$ its) (NN ambassador))
  (PP (TO to) (NP (NNP Iran))) (PP (IN on) (NP (NNP Tuesday)))) (. .)))
</Parse>
</Sentence>
<Sentence date="20250231" id="px-2"><Text>Germany condemned the attack.</Text></Sentence>
<Sentence date="20250130" id="px-3">
<Text>Japan and South Korea held talks in Tokyo.</Text>
<Parse>(ROOT (S (NP (NNP Japan)) (VP (VBD held) (NP (NNS talks))) (. .))</Parse>
</Sentence>
</Sentences>
XML

printf '%s\n' \
  '# stories in TABARI layout' \
  '' \
  '250128 tx-1' \
  'France recalled its ambassador to Iran' \
  'on Tuesday. /* a note that is not coded */' \
  '' \
  '2501299 tx-2' \
  'A header with a seven-digit date.' \
  '' \
  '250130 tx-3' \
  '/* nothing but a comment */' >"$WORK/stories.text"

expect_status 1 "$ATTACHE" code "$WORK/batch.xml" "$WORK/stories.text"
cp "$WORK/out" "$WORK/text.jsonl"
cp "$WORK/err" "$WORK/text.err"
expect_status 1 "$ATTACHE" code --petrarch-text parse "$WORK/batch.xml"
cp "$WORK/out" "$WORK/parse.jsonl"
cp "$WORK/err" "$WORK/parse.err"
# Forced format: the same TABARI records from stdin.
expect_status 1 "$ATTACHE" code --input-format tabari - <"$WORK/stories.text"
cp "$WORK/out" "$WORK/stdin.jsonl"

"$PYTHON" - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
def load(name):
    return [json.loads(l) for l in open(f"{w}/{name}", encoding="utf-8")]
def reconciled(recs, err_file):
    errors = sum(1 for r in recs if r.get("error"))
    events = sum(len(r.get("events") or []) for r in recs)
    line = f"attache: {len(recs)} inputs, {len(recs) - errors} coded, {errors} errors, {events} events"
    assert line in open(f"{w}/{err_file}", encoding="utf-8").read().splitlines(), line
    return events

recs = load("text.jsonl")
ids = [r["id"] for r in recs]
assert ids == ["px-1", "px-2", "px-3", "tx-1", "tx-2", "tx-3"], ids
by = dict(zip(ids, recs))
for i in ("px-1", "px-3", "tx-1"):
    assert by[i].get("error") is None, (i, by[i].get("error"))
assert by["px-1"]["published"].startswith("2025-01-28"), by["px-1"]["published"]
assert by["tx-1"]["published"].startswith("2025-01-28"), by["tx-1"]["published"]
assert by["px-2"]["error"]["code"] == "bad_date", by["px-2"]["error"]
assert by["tx-2"]["error"]["code"] == "bad_date", by["tx-2"]["error"]
assert by["tx-3"]["error"]["code"] == "missing_text", by["tx-3"]["error"]
# The same dispatch in both layouts codes the same events.
key = lambda r: sorted((e["cameo"], (e.get("source") or {}).get("code"),
                        (e.get("target") or {}).get("code")) for e in r["events"])
assert by["px-1"]["events"], "the recall gave no event"
assert key(by["px-1"]) == key(by["tx-1"]), (key(by["px-1"]), key(by["tx-1"]))
assert all("Iran" in e["sentence"]["text"] for e in by["px-1"]["events"])
reconciled(recs, "text.err")

parse = load("parse.jsonl")
assert [r["id"] for r in parse] == ["px-1", "px-2", "px-3"], [r["id"] for r in parse]
assert parse[0].get("error") is None and parse[0]["events"], parse[0]
assert parse[2]["error"]["code"] == "bad_parse", parse[2].get("error")
reconciled(parse, "parse.err")

stdin = load("stdin.jsonl")
assert [r["id"] for r in stdin] == ["tx-1", "tx-2", "tx-3"], [r["id"] for r in stdin]
assert key(stdin[0]) == key(by["tx-1"])
print("peer_formats: own files ok")
PY

# The peers' own record files, when present: every record gives a record.
peer="${ATTACHE_SHARED:-$SRC/../shared}/peer"
if [[ -f $peer/petrarch2/PETR.UnitTest.records.xml && -f $peer/tabari/Validate.text ]]; then
  "$ATTACHE" code --petrarch-text parse "$peer/petrarch2/PETR.UnitTest.records.xml" \
    >"$WORK/petr.jsonl" 2>"$WORK/petr.err" || true
  "$ATTACHE" code "$peer/tabari/Validate.text" >"$WORK/tab.jsonl" 2>"$WORK/tab.err" || true
  "$PYTHON" - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
petr = [json.loads(l) for l in open(f"{w}/petr.jsonl", encoding="utf-8")]
assert len(petr) == 284, len(petr)
bad = sorted(r["id"] for r in petr if r.get("error"))
assert bad == ["ERROR-02", "ERROR-03"], bad
assert all(r["error"]["code"] == "bad_parse" for r in petr if r.get("error"))
tab = [json.loads(l) for l in open(f"{w}/tab.jsonl", encoding="utf-8")]
# Records with a 7- or 9-digit date are refused alone; all others are read.
tab_bad = sorted((r["id"], r["error"]["code"]) for r in tab if r.get("error"))
assert ("ACTORSYN-01", "bad_date") in tab_bad and ("YYYY-03", "bad_date") in tab_bad, tab_bad
assert len(tab) > 470, len(tab)
for name, recs in (("petr", petr), ("tab", tab)):
    errors = sum(1 for r in recs if r.get("error"))
    events = sum(len(r.get("events") or []) for r in recs)
    line = f"attache: {len(recs)} inputs, {len(recs) - errors} coded, {errors} errors, {events} events"
    assert line in open(f"{w}/{name}.err", encoding="utf-8").read().splitlines(), (name, line)
print(f"peer_formats: peer files ok ({len(petr)} PETRARCH records, {len(tab)} TABARI records, "
      f"{len(tab_bad)} refused)")
PY
else
  echo "peer_formats: no peer suites at $peer; their files not read"
fi
