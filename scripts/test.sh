#!/usr/bin/env bash
# Installs what is missing, builds (the configuration of scripts/build.sh), and runs the whole
# test suite, the report's headless-browser test included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# --python: h5py and pandas, so that the README's and OUTPUT.md's Python examples are run too.
"$root/scripts/install-deps.sh" --python
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 1500
if [ -f report-screenshot.png ]; then
  echo "stosim: the report's screenshot from the browser test is build/report-screenshot.png (build/report-test.html)"
fi
