# Shared helpers for the CLI tests (sourced). Usage in a test: source "$(dirname "$0")/lib.sh"
# after `set -euo pipefail`; $1 is the attache binary, $2 the source tree.
ATTACHE="${1:?usage: $0 ATTACHE_BINARY SOURCE_DIR}"
SRC="${2:?usage: $0 ATTACHE_BINARY SOURCE_DIR}"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/attache-cli-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The dispatches under examples/ (text files and JSON Lines), sorted for a stable order.
examples() {
  find "$SRC/examples" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.jsonl' \) | LC_ALL=C sort
}

# expect_status WANT COMMAND...: runs COMMAND with its output in $WORK/out and $WORK/err and
# fails the test, showing both, unless it exits with status WANT.
expect_status() {
  local want=$1
  shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  [[ $got == "$want" ]] || { cat "$WORK/out" "$WORK/err" >&2; fail "exit $got, expected $want: $*"; }
}
