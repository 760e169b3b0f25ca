#!/usr/bin/env bash
# A first look: installs what is missing, builds stosim, runs the baseline and its
# counterfactual (no_sto) with the same seed and 10 replicates on the synthetic Netherlands, and
# writes results/baseline.h5, results/no_sto.h5, tidy national and regional CSV in
# results/baseline_csv/ and a report of baseline against no_sto in results/baseline.html. Extra arguments go to both runs (e.g.
# --replicates 20 --threads 2, or --scale 0.2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh" stosim
stosim="$root/build/stosim"
results="$root/results"
mkdir -p "$results"
options=(--replicates 10)
for argument in "$@"; do case "$argument" in --replicates|--replicates=*) options=() ;; esac; done
"$stosim" run baseline -o "$results/baseline.h5" "${options[@]}" "$@"
"$stosim" run no_sto -o "$results/no_sto.h5" "${options[@]}" "$@"
# National and regional rows only: the locations of 10 national replicates are 1.4 GB of CSV.
"$stosim" export "$results/baseline.h5" --csv "$results/baseline_csv" --level national --level region
"$stosim" report "$results/baseline.h5" --against "$results/no_sto.h5" -o "$results/baseline.html"
echo "stosim: open results/baseline.html in a browser (it works offline)" >&2
