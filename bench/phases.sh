#!/usr/bin/env bash
# Where one national replicate's time goes, phase by phase, at one thread and at THREADS threads
# (bench/README.md): alternating rounds of `stosim_bench SCALE 1 1 --phases` and
# `stosim_bench SCALE THREADS 1 --phases`, then per phase the median seconds at each and the
# speed-up. A phase that does not speed up is serial (or bound by memory); their share at one
# thread is the serial part of a replicate.
#   bench/phases.sh [ROUNDS] [THREADS] [SCALE]      (defaults 6 rounds, 2 threads, scale 1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-6}"
threads="${2:-2}"
scale="${3:-1}"
for value in "$rounds" "$threads"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "phases: ROUNDS and THREADS are whole numbers of at least 1, not '$value'" >&2; exit 2; }
done
[[ "$scale" =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "phases: SCALE is a positive number, not '$scale'" >&2; exit 2; }
"$root/scripts/build.sh" stosim_bench >/dev/null
bench="$root/build/bench/stosim_bench"

# One line per phase and run: "T<TAB>phase<TAB>seconds".
for ((r = 1; r <= rounds; ++r)); do
  echo "phases: round $r of $rounds" >&2
  for t in 1 "$threads"; do
    "$bench" "$scale" "$t" 1 --phases |
      awk -F' \\| ' -v t="$t" '/^\| / && NF == 3 && $2 ~ /^[0-9.]+$/ && $1 != "| all phases" { sub(/^\| /, "", $1); print t "\t" $1 "\t" $2 }'
  done
done | sort -t$'\t' -k1,1n -k2,2 -k3,3g |
  awk -F'\t' -v threads="$threads" '
    { key = $1 SUBSEP $2; n[key]++; v[key, n[key]] = $3; names[$2] = 1 }
    function median(key,   m) { m = n[key]; return m % 2 ? v[key, (m + 1) / 2] : (v[key, m / 2] + v[key, m / 2 + 1]) / 2 }
    END {
      for (p in names) { one[p] = median(1 SUBSEP p); many[p] = median(threads SUBSEP p); total += one[p] }
      for (p in names)
        printf "| %s | %.4f | %.4f | %.2f | %.1f %% |\n", p, one[p], many[p], (many[p] > 0 ? one[p] / many[p] : 0), 100 * one[p] / total
    }' |
  { # Largest first (by the one-thread median, the third field between the bars).
    printf '| phase | 1 thread (s) | %d threads (s) | speed-up | share at 1 thread |\n|---|---|---|---|---|\n' "$threads"
    sort -t'|' -k3,3gr
  }
