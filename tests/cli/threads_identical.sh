#!/usr/bin/env bash
# The worker pool reorders results to input order: --threads 4 gives the same bytes as
# --threads 1, in every format, also when the examples are given several times over.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mapfile -t inputs < <(examples)
inputs+=("${inputs[@]}" "${inputs[@]}")
for format in doc gdelt; do
  "$ATTACHE" code --threads 1 --format "$format" "${inputs[@]}" >"$WORK/t1.$format" 2>/dev/null
  "$ATTACHE" code --threads 4 --format "$format" "${inputs[@]}" >"$WORK/t4.$format" 2>/dev/null
  [[ -s "$WORK/t1.$format" ]] || fail "no $format output"
  cmp "$WORK/t1.$format" "$WORK/t4.$format" || fail "--threads 4 differs from --threads 1 ($format)"
done
echo "threads_identical: ok ($(wc -l <"$WORK/t1.doc") records)"
