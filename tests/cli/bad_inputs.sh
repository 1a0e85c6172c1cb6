#!/usr/bin/env bash
# Hostile inputs, made at test time: invalid UTF-8, a binary file, random bytes, an empty
# file, 50 MB without a newline, a 100,000-character sentence and a missing file, plus one
# good dispatch, in one run. Each yields exactly one record, in order; the bad ones give
# error or diagnostic records, the good one events; exit status 1; bounded time and memory.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

good="$SRC/examples/reuters-fr-expulsions-2025-04-15.txt"
"$PYTHON" - "$WORK" <<'PY'
import os, sys
w = sys.argv[1]
# Valid French UTF-8 with ill-formed bytes in it: repaired, not refused.
with open(f"{w}/invalid.txt", "wb") as f:
    f.write("Le ministre français a rencontré mardi à Genève son homologue. ".encode()
            + b"Des \xff\xfe octets \xc3 invalides \xe2\x82 ici. "
            + "Fin de la dépêche.".encode())
with open(f"{w}/random.bin", "wb") as f:
    f.write(os.urandom(100_000))
open(f"{w}/empty.txt", "wb").close()
# 50 MiB of sentences and no newline at all.
chunk = ("La délégation européenne a rencontré les représentants de l'Union africaine "
         "à Addis-Abeba pour discuter de la sécurité régionale. ").encode() * 512
with open(f"{w}/huge.txt", "wb") as f:
    left = 50 << 20
    while left > 0:
        f.write(chunk[:left])
        left -= min(left, len(chunk))
# One sentence of exactly 100,000 characters.
head = "Le porte-parole du gouvernement a déclaré que "
words = ["la délégation", "le ministre", "les représentants", "l'ambassadeur", "le Parlement"]
body, i = [head], 0
n = len(head)
while n < 99_990:
    piece = words[i % len(words)] + ", "
    body.append(piece)
    n += len(piece)
    i += 1
text = "".join(body)[:99_999] + "."
assert len(text) == 100_000
with open(f"{w}/long.txt", "w", encoding="utf-8") as f:
    f.write(text)
PY
binary=/bin/ls
[[ -f $binary ]] || binary="$ATTACHE"
head -c 200000 "$binary" >"$WORK/binary.bin"

inputs=("$good" "$WORK/invalid.txt" "$WORK/binary.bin" "$WORK/random.bin" "$WORK/empty.txt"
        "$WORK/huge.txt" "$WORK/long.txt" "$WORK/missing.txt")
measure=()
if [[ -x /usr/bin/time ]]; then
  measure=(/usr/bin/time -v)
else
  echo "note: /usr/bin/time missing (Debian package 'time'); memory bounded by ulimit -v" >&2
  ulimit -v $((3 << 20))
fi
rc=0
start=$(date +%s)
timeout 120 "${measure[@]}" "$ATTACHE" code --threads 2 "${inputs[@]}" \
  >"$WORK/out.jsonl" 2>"$WORK/err" || rc=$?
elapsed=$(($(date +%s) - start))
cat "$WORK/err" >&2
((rc != 124)) || fail "timed out after 120 s"
[[ $rc == 1 ]] || fail "exit status $rc, expected 1"
echo "elapsed: ${elapsed}s" >&2

"$PYTHON" - "$WORK/out.jsonl" "$WORK/err" <<'PY'
import json, re, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
err = open(sys.argv[2], encoding="utf-8").read()
ids = [r["id"] for r in recs]
want = ["reuters-fr-expulsions-2025-04-15", "invalid", "binary", "random", "empty", "huge",
        "long", "missing"]
assert ids == want, ids
by = dict(zip(ids, recs))
codes = lambda r: [d["code"] for d in r.get("diagnostics") or []]

good = by["reuters-fr-expulsions-2025-04-15"]
assert good.get("error") is None and good["events"], "the good dispatch gave no events"
assert by["invalid"].get("error") is None, by["invalid"].get("error")
assert "invalid_utf8_repaired" in codes(by["invalid"]), codes(by["invalid"])
assert by["binary"]["error"]["code"] == "binary_input", by["binary"]["error"]
assert by["random"]["error"]["code"] in ("binary_input", "invalid_utf8"), by["random"]["error"]
assert by["empty"].get("error") is None and by["empty"]["events"] == [], by["empty"]
assert "empty" in codes(by["empty"]), codes(by["empty"])
assert by["huge"].get("error") is None, by["huge"].get("error")
assert "input_truncated" in codes(by["huge"]), codes(by["huge"])
assert by["long"].get("error") is None, by["long"].get("error")
assert codes(by["long"]), "the 100,000-character sentence went past the limits silently"
assert by["missing"]["error"]["code"] == "missing_file", by["missing"]["error"]

events = sum(len(r.get("events") or []) for r in recs)
line = f"attache: 8 inputs, 5 coded, 3 errors, {events} events"
assert line in err.splitlines(), f"no reconciliation line {line!r}"
m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
if m:
    rss_mb = int(m.group(1)) / 1024
    print(f"max RSS: {rss_mb:.0f} MB")
    assert rss_mb < 1536, f"max RSS {rss_mb:.0f} MB is over 1.5 GB"
print("bad_inputs: ok")
PY
