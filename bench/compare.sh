#!/usr/bin/env bash
# Speed of two commits side by side (bench/README.md): builds `stosim_bench` of each in its own
# worktree under build-compare/, then runs them in alternating order (A B, B A, ...) for ROUNDS
# rounds, so that a machine whose speed drifts during the measurement (a shared virtual machine
# does, by 30 % within minutes) slows both alike. Prints each round and, per column, the medians,
# the median of the per-round ratios B / A and in how many rounds B was faster.
#   bench/compare.sh REV_A REV_B [ROUNDS] [SCALE] [THREADS] [REPLICATES]
# (defaults 10 rounds of one national replicate, scale 1, at one thread). Comparing a change
# that leaves the results bit-identical? Check that with the CSV of `stosim run` as well.
# The worktrees stay for the next comparison: `rm -rf build-compare && git worktree prune`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 2 ]; then
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
rounds="${3:-10}"
scale="${4:-1}"
threads="${5:-1}"
replicates="${6:-1}"
for value in "$rounds" "$threads" "$replicates"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "compare: ROUNDS, THREADS and REPLICATES are whole numbers of at least 1, not '$value'" >&2; exit 2; }
done
[[ "$scale" =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "compare: SCALE is a positive number, not '$scale'" >&2; exit 2; }
"$root/scripts/install-deps.sh" >/dev/null

# The bench of one commit, built once and kept (build-compare/ is ignored by git).
bench_of() {
  local sha
  sha="$(git -C "$root" rev-parse --verify --quiet "$1^{commit}")" || { echo "compare: no commit '$1'" >&2; exit 2; }
  local src="$root/build-compare/src-$sha" build="$root/build-compare/build-$sha"
  if [ ! -x "$build/bench/stosim_bench" ]; then
    [ -d "$src" ] || git -C "$root" worktree add --detach "$src" "$sha" >/dev/null 2>&1
    cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSTOSIM_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" --parallel "$(nproc)" --target stosim_bench >/dev/null
  fi
  echo "$build/bench/stosim_bench"
}
echo "compare: building $1 and $2 (once; kept in build-compare/)" >&2
bench_a="$(bench_of "$1")"
bench_b="$(bench_of "$2")"

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
echo "| round | commit | world build (s) | per replicate (s) |"
echo "|---|---|---|---|"
for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then order="A B"; else order="B A"; fi
  for which in $order; do
    if [ "$which" = A ]; then bench="$bench_a"; else bench="$bench_b"; fi
    # The bench prints | scale | threads | replicates | world build | per replicate | ...
    line="$("$bench" "$scale" "$threads" "$replicates")"
    build_s="$(echo "$line" | awk -F'|' '{gsub(/ /, "", $5); print $5}')"
    replicate_s="$(echo "$line" | awk -F'|' '{gsub(/ /, "", $6); print $6}')"
    echo "| $round | $which | $build_s | $replicate_s |"
    echo "$round $which $build_s $replicate_s" >>"$results"
  done
done

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo
echo "A = $1, B = $2; scale $scale, $threads thread(s), $replicates replicate(s) per round"
echo
echo "| | A median (s) | B median (s) | B / A per round, median | B faster in |"
echo "|---|---|---|---|---|"
for column in 3 4; do
  if [ "$column" = 3 ]; then name="world build"; else name="per replicate"; fi
  a="$(awk -v c="$column" '$2 == "A" {print $c}' "$results" | median)"
  b="$(awk -v c="$column" '$2 == "B" {print $c}' "$results" | median)"
  ratios="$(awk -v c="$column" '{t[$1, $2] = $c} END {for (r = 1; r <= '"$rounds"'; ++r) print t[r, "B"] / t[r, "A"]}' "$results")"
  ratio="$(echo "$ratios" | median)"
  faster="$(echo "$ratios" | awk '$1 < 1 {n++} END {print n + 0}')"
  printf '| %s | %.3f | %.3f | %.3f | %s of %s rounds |\n' "$name" "$a" "$b" "$ratio" "$faster" "$rounds"
done
