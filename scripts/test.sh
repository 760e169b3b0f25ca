#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh" -DSTOSIM_BUILD_TESTS=ON -DSTOSIM_WARNINGS_AS_ERRORS=ON
cd "$root/build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 1500
