#!/usr/bin/env bash
# Installs what is missing, builds, and runs the baseline scenario on the synthetic Netherlands.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
mkdir -p "$root/results"
"$root/build/stosim" run baseline -o "$root/results/baseline.h5" "$@"
"$root/build/stosim" export "$root/results/baseline.h5" --csv "$root/results/baseline_csv"
"$root/build/stosim" report "$root/results/baseline.h5" -o "$root/results/baseline.html"
echo "stosim: wrote results/baseline.h5, results/baseline_csv/ and results/baseline.html" >&2
