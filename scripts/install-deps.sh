#!/usr/bin/env bash
# Installs what stosim needs and does nothing when all is present: Debian's packages (compiler,
# libraries, Chromium for the report's browser test, Node.js and npm), then the report's chart
# library from npm (`npm ci` in report/, pinned by report/package-lock.json).
#   scripts/install-deps.sh            everything to build, test and write reports
#   scripts/install-deps.sh --python   also python3-h5py and python3-pandas, for the examples
#                                      in README.md and docs/OUTPUT.md
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(cmake make g++ git libboost-dev libeigen3-dev libnlopt-cxx-dev libtbb-dev libyaml-cpp-dev libhdf5-dev
          hdf5-tools catch2 librandom123-dev libfmt-dev libcli11-dev ccache
          libopenmpi-dev openmpi-bin  # sweeps over MPI ranks (experiments/mpi_sweep.cpp)
          clang libclang-rt-14-dev  # clang + compiler-rt: the libFuzzer targets (tests/fuzz)
          nlohmann-json3-dev chromium)  # the report's JSON, and its test in a headless browser
for argument in "$@"; do
  case "$argument" in
    --python) packages+=(python3 python3-h5py python3-pandas) ;;
    *) echo "usage: scripts/install-deps.sh [--python]" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js from any source will do (Debian's nodejs and npm, or another repository's).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "stosim: installing missing packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# The report's assets: again only when package-lock.json changed since the last install.
report="$root/report"
if [ ! -f "$report/dist/vega.min.js" ] || [ "$report/package-lock.json" -nt "$report/node_modules/.package-lock.json" ]; then
  echo "stosim: installing the report's chart library (npm ci in report/)" >&2
  (cd "$report" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
