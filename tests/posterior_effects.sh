#!/bin/sh
# ctest: the worked example of docs/CALIBRATION.md, run as written: an ABC calibration, the sweep
# that draws from its posterior, and the paired comparison, each with a non-empty result.
set -e
stosim="$1"; dir="$2"; source="$3"
rm -rf "$dir"; mkdir -p "$dir/results"; cd "$dir"
"$stosim" calibrate "$source/validation/calibrations/synthetic_profile_choice_abc.yaml" >/dev/null 2>&1
test -s results/synthetic_profile_choice_abc.h5
"$stosim" sweep "$source/sweeps/posterior_effects.yaml" -q --threads 2 -o results/posterior_effects.h5
"$stosim" compare results/posterior_effects.h5 --scenarios baseline,no_sto -o effects.csv 2>/dev/null
# A header and one row per summary, each paired over all 20 draws.
test "$(grep -c ',baseline,no_sto,20,2,' effects.csv)" -eq 2
