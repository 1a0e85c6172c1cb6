#!/usr/bin/env bash
# A database write that fails part-way through a run stops further writes, exits 1, and
# keeps every record written before it (they share the failing write's batch); the last
# stderr line says how many records were stored. The failure is injected with a trigger
# that refuses one document id.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mapfile -t inputs < <(find "$SRC/examples" -maxdepth 1 -type f -name '*.txt' | LC_ALL=C sort)
(( ${#inputs[@]} >= 3 )) || fail "need at least three example dispatches"
"$ATTACHE" code "${inputs[0]}" --db "$WORK/a.sqlite" >/dev/null 2>&1
third=$(basename "${inputs[2]}" .txt)
"$PYTHON" - "$WORK/a.sqlite" "$third" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DELETE FROM events")
db.execute("DELETE FROM documents")
db.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN new.id = ?1"
           " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END".replace("?1", repr(sys.argv[2])))
db.commit()
PY
expect_status 1 "$ATTACHE" code "${inputs[@]}" --db "$WORK/a.sqlite"  # 1: a write failed
grep -q "refused by the test" "$WORK/err" || { cat "$WORK/err" >&2; fail "the write error is not reported"; }
"$PYTHON" - "$WORK/a.sqlite" "${inputs[0]}" "${inputs[1]}" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ids = sorted(r[0] for r in db.execute("SELECT id FROM documents"))
want = sorted(os.path.basename(p)[:-4] for p in sys.argv[2:])
assert ids == want, (ids, want)
PY
tail -n 1 "$WORK/err" | grep -q ', 2 stored$' || { cat "$WORK/err" >&2; fail "the last line does not say 2 stored"; }
echo "db_write_failure: ok"
