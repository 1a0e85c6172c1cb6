#!/usr/bin/env bash
# `attache summary` only reads: it never creates, migrates or otherwise writes the file it
# is given. A missing file, a file that is not an attache database, or one with another
# schema version gives a message naming the problem and exit status 2.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

digest() { "$PYTHON" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }

good="$SRC/examples/reuters-fr-expulsions-2025-04-15.txt"
"$ATTACHE" code --lang fr "$good" --db "$WORK/a.sqlite" >/dev/null 2>&1
before=$(digest "$WORK/a.sqlite")
expect_status 0 "$ATTACHE" summary --db "$WORK/a.sqlite"
grep -q '1 documents' "$WORK/out" || fail "summary does not count the stored document"
[[ $(digest "$WORK/a.sqlite") == "$before" ]] || fail "summary changed the database file"
# --limit 0 shows the counts and an empty table, not "(no events)"; a negative limit is a
# usage error.
expect_status 0 "$ATTACHE" summary --db "$WORK/a.sqlite" --limit 0
! grep -q 'no events' "$WORK/out" || fail "--limit 0 claims the database has no events"
expect_status 2 "$ATTACHE" summary --db "$WORK/a.sqlite" --limit -1

# A missing database is not created.
expect_status 2 "$ATTACHE" summary --db "$WORK/none.sqlite"
[[ ! -e "$WORK/none.sqlite" ]] || fail "summary created the missing database"

# An empty file (SQLite reads it as an empty database) is not given a schema.
: >"$WORK/empty.sqlite"
expect_status 2 "$ATTACHE" db summary --db "$WORK/empty.sqlite"
grep -q 'not an attache database' "$WORK/err" || { cat "$WORK/err" >&2; fail "no clear message for an empty file"; }
[[ ! -s "$WORK/empty.sqlite" ]] || fail "summary wrote a schema into an empty file"

# Another program's database (schema version 0) is neither migrated nor written.
"$PYTHON" -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute("CREATE TABLE t(x)"); db.commit()' \
  "$WORK/other.sqlite"
before=$(digest "$WORK/other.sqlite")
expect_status 2 "$ATTACHE" summary --db "$WORK/other.sqlite"
grep -q 'not an attache database' "$WORK/err" || { cat "$WORK/err" >&2; fail "no clear message for a foreign database"; }
[[ $(digest "$WORK/other.sqlite") == "$before" ]] || fail "summary migrated a foreign database"

# A database from a newer attache is refused, not read with the wrong columns.
cp "$WORK/a.sqlite" "$WORK/newer.sqlite"
"$PYTHON" -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute("PRAGMA user_version = 999"); db.commit()' \
  "$WORK/newer.sqlite"
expect_status 2 "$ATTACHE" summary --db "$WORK/newer.sqlite"
grep -q 'schema version 999' "$WORK/err" || { cat "$WORK/err" >&2; fail "no clear message for a newer schema"; }
echo "db_summary: ok"
