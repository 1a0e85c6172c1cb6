#!/usr/bin/env bash
# Builds attache if needed (into build/) and runs the whole test suite with ctest; the last
# lines are ctest's summary. Run scripts/setup.sh once first on a fresh machine.
#
# Environment: JOBS (parallel build and test jobs, default 2), ATTACHE_CMAKE_ARGS.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
JOBS="${JOBS:-2}"

if [[ ! -f build/build.ninja ]]; then
  # shellcheck disable=SC2086
  cmake -S . -B build -G Ninja ${ATTACHE_CMAKE_ARGS:-}
fi
ninja -C build -j"$JOBS"

cd build
exec ctest --output-on-failure -j"$JOBS"
