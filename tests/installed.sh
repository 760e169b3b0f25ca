#!/usr/bin/env bash
# `cmake --install` (ctest installed): installs into a fresh prefix and checks that the installed
# stosim finds its scenarios in PREFIX/share/stosim/scenarios (first, before the source tree's)
# and, when the report's assets were built, writes a report with the installed copy.
#   usage: installed.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
stosim="$prefix/bin/stosim"
test -x "$stosim"
test -f "$prefix/share/stosim/scenarios/baseline.yaml"
cd "$prefix"
# The directories searched for a scenario name, in order: the installed one before the source's.
message="$("$stosim" run no_such_scenario -o x.h5 2>&1 || true)"
echo "$message"
dirs="$(echo "$message" | sed -n 's/^  //p')"
installed_line="$(echo "$dirs" | grep -n -x "$prefix/share/stosim/scenarios" | cut -d: -f1)"
test -n "$installed_line"
test "$installed_line" -lt "$(echo "$dirs" | wc -l)"
"$stosim" run baseline -o b.h5 --scale 0.02 --replicates 2 --end-year 2020 --quiet
if [ -f "$prefix/share/stosim/report/dist/vega.min.js" ]; then
  STOSIM_REPORT_ASSETS= "$stosim" report b.h5 -o b.html
  grep -q vegaEmbed b.html
fi
echo "installed stosim in $prefix runs from there"
