#!/usr/bin/env bash
# Speed of calibration (bench/README.md): model evaluations per minute of `stosim calibrate`
# with SMM and with ABC-SMC at 1 and 2 threads, on the synthetic world at scale 0.25 from 2017/18
# to 2019/20, against the technical shares of validation/observed/.
# Needs bc and GNU time (/usr/bin/time). Usage: bench/calibration.sh [STOSIM_BINARY]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stosim="${1:-$root/build/stosim}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
common="scenario: baseline
set: {population.scale: 0.25, end_year: 2020}
observed: [$root/validation/observed/leerweg.csv, $root/validation/observed/national.csv]
indicators: [technical_share_year3, technical_share_bovenbouw]
years: [2018, 2020]
parameters:
  - {key: demography.propensity_male_mean, low: -0.5, high: 0.5}
  - {key: dropout.dropout_rate, low: 0.002, high: 0.03}"
printf '%s\nmethod: smm\nreplicates: 4\nsmm: {max_evaluations: 40}\noutput: %s/smm.csv\n' "$common" "$work" > "$work/smm.yaml"
printf '%s\nmethod: abc\nreplicates: 4\nabc: {particles: 40, generations: 2}\noutput: %s/abc.h5\n' "$common" "$work" > "$work/abc.yaml"
echo "| method | threads | model evaluations | replicates each | wall (s) | CPU (s) | evaluations per minute | per CPU-minute |"
echo "|---|---|---|---|---|---|---|---|"
for method in smm abc; do
  for threads in 1 2; do
    rm -f "$work/abc.h5"
    report=$(/usr/bin/time -f "%e %U %S" -o "$work/time" "$stosim" calibrate "$work/$method.yaml" --threads "$threads" -q)
    read -r seconds user system < "$work/time"
    cpu=$(echo "$user + $system" | bc)
    if [ "$method" = smm ]; then
      evaluations=$(sed -n 's/.*, \([0-9]*\) evaluations,.*/\1/p' <<<"$report" | head -1)
    else
      evaluations=$(sed -n 's/.* \([0-9]*\) simulations of .*/\1/p' <<<"$report" | head -1)
      evaluations=$((evaluations + 1))  # and the fit at the medians
    fi
    printf "| %s | %s | %s | 4 | %.1f | %.1f | %.0f | %.0f |\n" "$method" "$threads" "$evaluations" "$seconds" "$cpu" \
      "$(echo "$evaluations * 60 / $seconds" | bc -l)" "$(echo "$evaluations * 60 / $cpu" | bc -l)"
  done
done
