#!/usr/bin/env bash
# Parallel scaling of a sweep (bench/README.md): the same 64-run sweep at 1, 2, 4, 8 and 16
# threads in one process, then at 1-4 MPI ranks of THREADS/RANKS threads each. Prints a Markdown
# table of wall time, runs per minute, speed-up and efficiency against one thread, and checks that
# every configuration wrote the same results. Meant for a 16-core machine:
#   bench/scaling.sh [SCALE] [MAX_THREADS]        (defaults 0.25 and 16)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-0.25}"
max_threads="${2:-16}"
"$root/scripts/build.sh" >/dev/null
stosim="$root/build/stosim"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/sweep.yaml" <<YAML
name: scaling
scenario: baseline
set: {population.scale: $scale}
replicates: 4
design:
  type: latin_hypercube
  points: 16
  parameters:
    profile_choice.beta_distance: {min: -0.4, max: -0.05}
    programme_viability.min_students: {min: 10, max: 40}
summaries:
  - {indicator: technical_share_bovenbouw, statistic: last}
YAML
runs=16; replicates=64
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
echo "scale $scale, $runs runs x 4 replicates ($replicates replicates), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| configuration | wall (s) | replicates/min | speed-up | efficiency |"
echo "|---|---|---|---|---|"
base=""
row() {  # label seconds workers
  local rate speedup efficiency
  rate=$(echo "$replicates * 60 / $2" | bc -l)
  [ -z "$base" ] && base="$2"
  speedup=$(echo "$base / $2" | bc -l)
  efficiency=$(echo "100 * $speedup / $3" | bc -l)
  printf "| %s | %.1f | %.1f | %.2f | %.0f %% |\n" "$1" "$2" "$rate" "$speedup" "$efficiency"
}
for threads in 1 2 4 8 16; do
  [ "$threads" -gt "$max_threads" ] && break
  s=$(seconds "$stosim" sweep "$work/sweep.yaml" -q --threads "$threads" -o "$work/t$threads.h5")
  row "$threads thread(s)" "$s" "$threads"
done
if command -v mpirun >/dev/null; then
  for ranks in 1 2 3 4; do
    [ "$ranks" -gt "$max_threads" ] && break
    per_rank=$((max_threads / ranks))
    s=$(seconds mpirun -np "$ranks" --oversubscribe --bind-to none "$stosim" sweep "$work/sweep.yaml" -q \
        --threads "$per_rank" -o "$work/r$ranks.h5")
    row "$ranks MPI rank(s) x $per_rank threads" "$s" "$((ranks * per_rank))"
  done
fi
# Same results everywhere (the summaries, bit for bit).
for f in "$work"/t*.h5 "$work"/r*.h5; do
  [ -f "$f" ] || continue
  if ! cmp -s <(h5dump -d /summaries/technical_share_bovenbouw_national_last "$work/t1.h5" | tail -n +3) \
              <(h5dump -d /summaries/technical_share_bovenbouw_national_last "$f" | tail -n +3); then
    echo "DIFFERENT RESULTS: $f" >&2; exit 1
  fi
done
echo
echo "(all configurations wrote the same results)"
