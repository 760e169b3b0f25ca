#!/usr/bin/env bash
# Installs the Debian packages stosim needs; does nothing when all are present.
set -euo pipefail
packages=(cmake make g++ git libboost-dev libeigen3-dev libnlopt-cxx-dev libtbb-dev libyaml-cpp-dev libhdf5-dev
          hdf5-tools catch2 librandom123-dev libfmt-dev libcli11-dev ccache
          libopenmpi-dev openmpi-bin  # sweeps over MPI ranks (experiments/mpi_sweep.cpp)
          clang libclang-rt-14-dev)  # clang + compiler-rt: the libFuzzer targets (tests/fuzz)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "stosim: installing missing packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
