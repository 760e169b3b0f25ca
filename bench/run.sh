#!/usr/bin/env bash
# Benchmarks of the national default (bench/README.md). Builds Release, then one process per row.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh" >/dev/null
cmake --build "$root/build" --target stosim_bench >/dev/null
bench="$root/build/bench/stosim_bench"
echo "| scale | threads | replicates | world build (s) | per replicate (s) | M student-years/s | peak RSS (MB) |"
echo "|---|---|---|---|---|---|---|"
for config in "1 1 1" "1 1 4" "1 2 4" "0.25 1 4" "4 1 1" "4 2 2"; do
  # shellcheck disable=SC2086
  "$bench" $config
done
