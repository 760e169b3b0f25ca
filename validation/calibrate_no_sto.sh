#!/usr/bin/env bash
# Calibrates the no-STO programme closure (programme_viability.min_students and
# years_below_to_close) on DUO's 2014/15-2018/19 exam series: a grid search that runs
# `stosim validate` for every pair and scores it by
#   ((simulated - observed share trend) / 0.10)^2 + ((simulated - observed location loss) / 3.8)^2,
# the observed values divided by their standard errors (validation/README.md).
# Usage: validation/calibrate_no_sto.sh STOSIM_BINARY DATA_DIR [REPLICATES]
set -euo pipefail
stosim="${1:?usage: $0 STOSIM_BINARY DATA_DIR [REPLICATES]}"
data="${2:?usage: $0 STOSIM_BINARY DATA_DIR [REPLICATES]}"
replicates="${3:-16}"
printf "%-14s %-13s %12s %12s %8s\n" min_students years_below trend_pp loss_per_yr score
for years in 1 2 3 4; do
  for students in 12 14 16 18 20 22 24 26 28 30 32 34 36; do
    lines=$("$stosim" validate --data "$data" --replicates "$replicates" \
      --set programme_viability.min_students="$students" \
      --set programme_viability.years_below_to_close="$years" 2>/dev/null || true)
    # Columns from the end: observed simulated tolerance result.
    read -r trend_obs trend_sim < <(grep "trend of the techniek share" <<<"$lines" | awk '{print $(NF-3), $(NF-2)}')
    read -r loss_obs loss_sim < <(grep "net loss of locations" <<<"$lines" | awk '{print $(NF-3), $(NF-2)}')
    score=$(awk -v a="$trend_sim" -v b="$trend_obs" -v c="$loss_sim" -v d="$loss_obs" \
      'BEGIN { printf "%.2f", ((a - b) / 0.10) ^ 2 + ((c - d) / 3.8) ^ 2 }')
    printf "%-14s %-13s %12s %12s %8s\n" "$students" "$years" "$trend_sim" "$loss_sim" "$score"
  done
done | sort -k5 -g
