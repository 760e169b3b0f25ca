#pragma once
// Internals of `stosim report` (output/report*.cpp): the runs it reads, what it shows, and the
// datasets and Vega-Lite specifications it writes as JSON into the page.
#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "output/report_run.hpp"

namespace stosim::report {

using nlohmann::json;

struct Context {
  std::vector<ReportRun> runs;             // the scenarios, in the order given
  std::optional<ReportRun> counterfactual;  // --against
  std::vector<std::string> labels;        // a unique name per run; the counterfactual's last
  json outline;                           // GeoJSON feature of the Netherlands (report assets)

  const std::string& counterfactual_label() const { return labels.back(); }
  // The scenarios and then the counterfactual.
  std::vector<const ReportRun*> all_runs() const;
};

// A national series: an indicator at one category cell ("" when it has no breakdown, "*" for
// the sum over all cells of an additive indicator).
struct Measure {
  std::string_view id, indicator, cell, title;
};
std::span<const Measure> series_measures();  // charts of indicators over the years
std::span<const Measure> effect_measures();  // charts of effects over the years

// What a hypothesis pathway should move (docs/ODD.md, MODEL §5), for the scorecard.
struct Expectation {
  std::string_view hypothesis, pathway;
  Measure measure;
  int direction;  // +1 up, -1 down, 0 kept
};
std::span<const Expectation> scorecard_expectations();

// How a unit is shown: shares in %, euros in € M; effects of shares in percentage points.
struct Display {
  double factor;
  std::string unit, effect_unit, format;  // format: d3-format for axes and tooltips
};
Display display_of(std::string_view unit);
std::string unit_of(const Context& c, const Measure& m);

// Datasets (arrays of rows) the charts draw.
json series_rows(const Context& c);
json effect_rows(const Context& c);
json scorecard_rows(const Context& c);
json triangle_rows(const Context& c);
json location_rows(const Context& c);
json region_rows(const Context& c);

// Tables, rows already formatted.
json metadata_table(const Context& c);
json scorecard_table(const Context& c, const json& scorecard);
json region_table(const Context& c);

// The page's sections with their charts, tables and text (read by report/report.js).
json sections(const Context& c, const json& datasets);

// The page of a sweep file (report_sweep.cpp): its per-run summaries against its parameters.
struct SweepPage {
  std::string title, subtitle, source;
  json data;  // sections and datasets, as page_data gives for runs
};
SweepPage sweep_page(const std::string& path);

}  // namespace stosim::report
