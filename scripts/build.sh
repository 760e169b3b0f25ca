#!/usr/bin/env bash
# Installs what is missing, configures build/ (Release, tests on, warnings as errors: the one
# configuration that scripts/run-baseline.sh and scripts/test.sh share, so neither rebuilds what
# the other built) and builds. Arguments: cmake targets to build (default: all).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DSTOSIM_BUILD_TESTS=ON \
      -DSTOSIM_WARNINGS_AS_ERRORS=ON >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$root/build" --parallel "$(nproc)" "${targets[@]}"
