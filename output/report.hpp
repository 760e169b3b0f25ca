#pragma once
// `stosim report RUN.h5 [RUN.h5 ...] [--against COUNTERFACTUAL.h5] -o REPORT.html`: one
// self-contained HTML page an analyst can read offline. It embeds the charting library (Vega,
// Vega-Lite and vega-embed, from npm: report/package.json) and the data as JSON, and draws: the
// runs' metadata and sources; with a counterfactual, a scorecard of the effects on what each
// hypothesis pathway should move and effects over the years, with 95 % intervals; national
// indicators over the years; the STO triangle nationally and per region; a map of locations and
// regions; a table of the regions; the resolved scenarios. A sweep file (`stosim sweep`) gets a
// page of its own: each national per-run summary against each parameter the design varied.
#include <string>
#include <vector>

namespace stosim {

struct ReportRequest {
  std::vector<std::string> runs;  // scenario run files, shown side by side
  std::string counterfactual;     // optional: run file to compare each scenario with
  std::string assets;             // directory with report.js, report.css and dist/ (find_report_assets)
};

// The page's data and chart specifications as JSON (what the HTML embeds), without the assets'
// map outline.
std::string report_json(const ReportRequest& request);

// Writes the page atomically. Throws when a run file is unreadable, the runs cover different
// years, a scenario is not paired with the counterfactual (seed, replicates, years), or an asset
// is missing.
void write_report(const ReportRequest& request, const std::string& html_path);

// The directory of the report assets: $STOSIM_REPORT_ASSETS, else `share/stosim/report` beside
// the installed binary, else the source tree's report/ (whose dist/ `npm ci` makes). Empty when
// none holds dist/vega.min.js.
std::string find_report_assets();

}  // namespace stosim
