#!/usr/bin/env bash
# The real model calibrated on data up to 2019/20, and its forecast to 2030 with the parameters'
# uncertainty (validation/README.md, "Calibration of the real model"), from the publishers' files
# in one command (about 10-15 minutes on two cores):
#   validation/calibrate_nl.sh [STOSIM] [DATA_DIR]
# Writes results/nl_2017_abc.h5 (the posterior), results/nl_2017_calibrated.yaml (its medians),
# results/nl_2019_forecast.h5 (nl_2019 and nl_2019_no_sto under posterior draws) and prints the
# forecast. An ABC file that exists is continued, not restarted: delete it to start afresh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stosim="$(realpath "${1:-$root/build/stosim}")"
data="$(realpath "${2:-$root/../shared/data}")"
cd "$root"
mkdir -p results
"$stosim" import --data "$data" -o results/nl_2017_population.h5 --school-year 2017/18 -q
"$stosim" import --data "$data" -o results/nl_2019_population.h5 -q
"$stosim" calibrate validation/calibrations/nl_2017_abc.yaml
"$stosim" sweep sweeps/nl_2019_forecast.yaml -o results/nl_2019_forecast.h5 -q
"$stosim" compare results/nl_2019_forecast.h5 --scenarios nl_2019,nl_2019_no_sto
