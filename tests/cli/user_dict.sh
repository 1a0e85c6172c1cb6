#!/usr/bin/env bash
# --dict end to end: a user dictionary in attache's own format is loaded at run time, its
# actors and patterns code a sentence the built-in lexicon cannot, the event carries the
# rule id of the dictionary line, and an odd line is a warning, not a failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cat >"$WORK/freedonia.dict" <<'DICT'
# A dictionary of invented states, so nothing in the built-in lexicon can code them.
actor | Freedonia; Freedonian | code=FRD
actor | Sylvania | code=SYL
this line is not understood
[verb.condemn]
verbs = condemn, denounce
cameo = 111
DICT
printf 'FREEDONIA CITY, May 2 (Reuters) - Freedonia condemned Sylvania on Friday.\n' >"$WORK/doc.txt"
"$ATTACHE" code --lang en --dict "$WORK/freedonia.dict" "$WORK/doc.txt" >"$WORK/out.jsonl" 2>"$WORK/err.txt"

"$PYTHON" - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
doc = json.loads(open(f"{w}/out.jsonl", encoding="utf-8").readline())
ev = [e for e in doc["events"] if e["rule"].startswith("dict:")]
assert ev, f"no dictionary event: {doc['events']}"
e = ev[0]
assert e["cameo"] == "111" and e["plover"] == "ACCUSE", e
assert e["source"]["code"] == "FRD" and e["target"]["code"] == "SYL", e
assert e["rule"].startswith("dict:freedonia.dict:"), e["rule"]
err = open(f"{w}/err.txt", encoding="utf-8").read()
assert "warning" in err and "freedonia.dict:4" in err, err
print("user dictionary coded", e["source"]["code"], e["cameo"], e["target"]["code"])
PY
