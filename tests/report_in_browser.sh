#!/usr/bin/env bash
# The report in a real browser (ctest report_in_browser): runs two small scenarios and their
# counterfactual, writes a report of them side by side, and loads it in headless Chromium with
# the network cut off (report/check-report.mjs): no console error, every chart with data marks,
# a screenshot kept in the build directory. Then it breaks one chart's spec and checks that the
# check fails; then the same for the page of a small sweep. Skips (77) when Chromium or the report's node modules are absent.
#   usage: report_in_browser.sh STOSIM SOURCE_DIR BUILD_DIR
set -euo pipefail
stosim="$1" source="$2" build="$3"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] || ! command -v node >/dev/null; then
  echo "skipped: no Chromium at $chromium or no node (scripts/install-deps.sh installs them)"; exit 77
fi
if [ ! -d "$source/report/node_modules/playwright-core" ] || [ ! -f "$source/report/dist/vega.min.js" ]; then
  echo "skipped: no report/node_modules (scripts/install-deps.sh runs npm ci in report/)"; exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for scenario in cofinancing_0 cofinancing_20 no_sto; do
  "$stosim" run "$scenario" -o "$work/$scenario.h5" --scale 0.1 --replicates 3 --end-year 2024 --threads 2 -q
done
"$stosim" report "$work/cofinancing_0.h5" "$work/cofinancing_20.h5" --against "$work/no_sto.h5" -o "$build/report-test.html"
node "$source/report/check-report.mjs" "$build/report-test.html" "$build/report-screenshot.png"
node "$source/report/check-report.mjs" --expect-empty "$build/report-test.html" "$work/empty.png"
# A sweep's page: summaries against parameters.
"$stosim" sweep "$source/sweeps/example_grid.yaml" -o "$work/grid.h5" --threads 2 -q
"$stosim" report "$work/grid.h5" -o "$build/report-sweep-test.html"
node "$source/report/check-report.mjs" "$build/report-sweep-test.html" "$build/report-sweep-screenshot.png"
