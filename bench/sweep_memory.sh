#!/usr/bin/env bash
# Memory of a long sweep over time (bench/README.md): resident memory (VmRSS) of `stosim sweep`
# sampled every SECONDS while it runs a Latin hypercube at scale 0.25 with REPLICATES per run.
#   bench/sweep_memory.sh [RUNS] [THREADS] [SECONDS] [REPLICATES]      (defaults 200, 2, 5, 2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-200}"; threads="${2:-2}"; every="${3:-5}"; replicates="${4:-2}"
"$root/scripts/build.sh" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/sweep.yaml" <<YAML
name: memory
scenario: baseline
set: {population.scale: 0.25}
replicates: $replicates
design:
  type: latin_hypercube
  points: $runs
  parameters:
    profile_choice.beta_distance: {min: -0.4, max: -0.05}
    programme_viability.min_students: {min: 10, max: 40}
summaries:
  - {indicator: technical_share_bovenbouw, statistic: last}
  - {indicator: students, level: region, category: {profile: BWI}, statistic: last}
indicators: {levels: [national]}
YAML
"$root/build/stosim" sweep "$work/sweep.yaml" --threads "$threads" -o "$work/out.h5" 2>"$work/progress.log" &
pid=$!
echo "| elapsed (s) | replicates done | RSS (MB) |"
echo "|---|---|---|"
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  # `|| true`: under pipefail, a progress log with no line yet must not end the script.
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  done_=$(tr '\r' '\n' < "$work/progress.log" | grep -o '([0-9]*/[0-9]* replicates' | tail -1 | tr -d '(' | cut -d/ -f1 || true)
  echo "| $(( $(date +%s) - start )) | ${done_:-0} | $(( ${rss:-0} / 1024 )) |"
  sleep "$every"
done
wait "$pid"
echo
tail -1 "$work/progress.log"
ls -l "$work/out.h5" | awk '{printf "output: %.1f MB\n", $5 / 1e6}'
