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
