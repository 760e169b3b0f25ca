// The report of a sweep file (`stosim report SWEEP.h5`): every national per-run summary against
// every parameter the design varied, one chart each (mean over the replicates of a run, and the
// range of its replicates), the design as a table and the sweep file as written.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "output/compare_sweep.hpp"
#include "output/report_internal.hpp"
#include "output/sweep_reader.hpp"
#include "sim/data_error.hpp"
#include "sim/hdf5_file.hpp"

namespace stosim::report {

namespace {

constexpr std::string_view schema = "https://vega.github.io/schema/vega-lite/v6.json";
constexpr std::size_t max_charts = 48;      // beyond this, a page is no longer read: export instead
constexpr std::size_t max_table_rows = 200;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

using Parameter = DesignColumn;

// One national summary: mean, lowest and highest replicate of every run.
struct Summary {
  std::string name, description;
  Display display;
  std::vector<double> mean, low, high;
};

struct Sweep {
  std::string name, design, yaml, version, commit;
  std::int64_t replicates = 0, start_year = 0, end_year = 0;
  std::vector<std::string> scenario;
  std::vector<std::int32_t> complete;
  std::vector<Parameter> parameters;
  std::vector<Summary> summaries;
  std::size_t skipped_summaries = 0;  // region or location summaries: too many to chart
};

Summary read_summary(hid_t group, const std::string& name, std::size_t runs) {
  Summary s;
  s.name = name;
  const h5::Handle set(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
  s.description = h5::read_string_attribute(set.id(), "description");
  s.display = display_of(h5::read_string_attribute(set.id(), "unit"));
  std::vector<hsize_t> shape;
  const std::vector<double> values = h5::read_doubles(group, name, shape);  // [run, replicate, 1]
  const std::size_t replicates = shape.size() > 1 ? shape[1] : 0;
  for (std::size_t r = 0; r < runs; ++r) {
    double sum = 0, low = INFINITY, high = -INFINITY;
    std::size_t n = 0;
    for (std::size_t k = 0; k < replicates; ++k) {
      const double v = values[r * replicates + k] * s.display.factor;
      if (!std::isfinite(v)) continue;
      sum += v, ++n, low = std::min(low, v), high = std::max(high, v);
    }
    s.mean.push_back(n ? sum / static_cast<double>(n) : NAN);
    s.low.push_back(n ? low : NAN);
    s.high.push_back(n ? high : NAN);
  }
  return s;
}

Sweep read_sweep(const std::string& path) {
  check_result_file(path);  // shapes and checksums of every dataset
  const h5::Handle file = h5::open_file(path);
  Sweep s;
  const h5::Handle meta = h5::open_group(file.id(), "metadata");
  s.name = h5::read_string_attribute(meta.id(), "sweep_name");
  s.design = h5::read_string_attribute(meta.id(), "design");
  s.yaml = h5::read_string_attribute(meta.id(), "sweep_yaml");
  s.version = h5::read_string_attribute(meta.id(), "stosim_version");
  s.commit = h5::read_string_attribute(meta.id(), "git_commit");
  s.replicates = h5::read_int_attribute(meta.id(), "replicates");
  s.start_year = h5::read_int_attribute(meta.id(), "start_year");
  s.end_year = h5::read_int_attribute(meta.id(), "end_year");
  s.scenario = h5::read_strings(file.id(), "design/scenario");
  s.complete = h5::read_ints(file.id(), "design/complete");
  s.parameters = read_design_columns(file.id(), s.scenario.size());
  if (h5::exists(file.id(), "summaries")) {
    const h5::Handle group = h5::open_group(file.id(), "summaries");
    for (const std::string& name : h5::members(group.id())) {
      const std::vector<hsize_t> shape = h5::shape_of(group.id(), name);
      if (shape.size() == 3 && shape[2] == 1) s.summaries.push_back(read_summary(group.id(), name, s.scenario.size()));
      else ++s.skipped_summaries;
    }
  }
  return s;
}

std::string chart_id(const Summary& s, const Parameter& p) { return s.name + " | " + p.key; }

// Rows of the charts: one per (summary, parameter, complete run).
json points(const Sweep& s) {
  json rows = json::array();
  for (const Summary& summary : s.summaries)
    for (const Parameter& p : s.parameters)
      for (std::size_t r = 0; r < s.scenario.size(); ++r) {
        if (!s.complete[r]) continue;
        rows.push_back({{"chart", chart_id(summary, p)}, {"run", r}, {"scenario", s.scenario[r]},
                        {"x", p.numeric ? number(p.numbers[r]) : json(p.text[r])}, {"mean", number(summary.mean[r])},
                        {"low", number(summary.low[r])}, {"high", number(summary.high[r])}});
      }
  return rows;
}

json summary_chart(const Summary& summary, const Parameter& p) {
  json x_axis = {{"field", "x"}, {"type", p.numeric ? "quantitative" : "nominal"}, {"title", p.key}};
  if (p.numeric) x_axis["scale"] = {{"zero", false}, {"padding", 12}};
  else x_axis["axis"] = {{"labelAngle", 0}};
  const json tooltip = json::array({{{"field", "run"}}, {{"field", "scenario"}}, {{"field", "x"}, {"title", p.key}},
                                    {{"field", "mean"}, {"title", "mean over replicates"}, {"format", summary.display.format}},
                                    {{"field", "low"}, {"title", "lowest replicate"}, {"format", summary.display.format}},
                                    {{"field", "high"}, {"title", "highest replicate"}, {"format", summary.display.format}}});
  json spec = {
      {"$schema", schema}, {"width", 300}, {"height", 180}, {"data", {{"name", "sweep"}}},
      {"transform", json::array({{{"filter", fmt::format("datum.chart === {}", json(chart_id(summary, p)).dump())}}})},
      {"encoding", {{"x", x_axis}}},
      {"layer", json::array({
          {{"mark", {{"type", "rule"}, {"opacity", 0.4}}},
           {"encoding", {{"y", {{"field", "low"}, {"type", "quantitative"}}}, {"y2", {{"field", "high"}}}}}},
          {{"mark", {{"type", "point"}, {"filled", true}, {"size", 40}}},
           {"encoding", {{"y", {{"field", "mean"}, {"type", "quantitative"},
                                {"title", fmt::format("{} ({})", summary.name, summary.display.unit)},
                                {"scale", {{"zero", false}}}}},
                         {"tooltip", tooltip}}}}})}};
  return {{"kind", "chart"}, {"id", "sweep_" + std::to_string(std::hash<std::string>{}(chart_id(summary, p)) % 1000000)},
          {"title", fmt::format("{} against {}", summary.name, p.key)}, {"datasets", json::array({"sweep"})},
          {"spec", std::move(spec)}, {"note", summary.description}, {"wide", false}};
}

json design_table(const Sweep& s) {
  json columns = json::array({"run", "scenario"}), numeric = json::array({true, false});
  for (const Parameter& p : s.parameters)
    if (p.key != "scenario") columns.push_back(p.key), numeric.push_back(p.numeric);  // a column already
  for (const Summary& summary : s.summaries)
    columns.push_back(fmt::format("{} ({})", summary.name, summary.display.unit)), numeric.push_back(true);
  json rows = json::array();
  for (std::size_t r = 0; r < std::min(s.scenario.size(), max_table_rows); ++r) {
    json row = json::array({std::to_string(r), s.scenario[r]});
    for (const Parameter& p : s.parameters)
      if (p.key != "scenario") row.push_back(p.numeric ? fmt::format("{:.4g}", p.numbers[r]) : p.text[r]);
    for (const Summary& summary : s.summaries)
      row.push_back(!s.complete[r] ? "not run" : std::isfinite(summary.mean[r]) ? fmt::format("{:.4g}", summary.mean[r]) : "—");
    rows.push_back(std::move(row));
  }
  const std::string note = s.scenario.size() > max_table_rows
                               ? fmt::format("The first {} of {} runs; `stosim export` writes them all.", max_table_rows,
                                             s.scenario.size())
                               : "Summaries are means over the run's replicates; — where undefined.";
  return {{"kind", "table"}, {"id", "design"}, {"title", "The runs"}, {"columns", columns}, {"numeric", numeric},
          {"rows", rows}, {"note", note}};
}

// Effects of the sweep's first scenario against its second, paired by design point and replicate
// (output/compare_sweep.hpp); an empty table when the sweep has one scenario or nothing pairs.
json effects_table(const std::string& path, const Sweep& s) {
  std::vector<std::string> scenarios;
  for (const std::string& name : s.scenario)
    if (std::find(scenarios.begin(), scenarios.end(), name) == scenarios.end()) scenarios.push_back(name);
  if (scenarios.size() < 2) return nullptr;
  std::vector<SweepEffect> effects;
  try {
    effects = sweep_effects(path, scenarios[0], scenarios[1]);
  } catch (const DataError&) {
    return nullptr;  // no design point under both scenarios
  }
  json rows = json::array();
  for (const SweepEffect& e : effects) {
    // In the units the charts use (a share as %).
    const auto shown = std::find_if(s.summaries.begin(), s.summaries.end(), [&](const Summary& m) { return m.name == e.summary; });
    const double factor = shown == s.summaries.end() ? 1.0 : shown->display.factor;
    const std::string name = shown == s.summaries.end() ? e.summary : fmt::format("{} ({})", e.summary, shown->display.unit);
    const auto f = [factor](double v) { return std::isfinite(v) ? fmt::format("{:.4g}", v * factor) : std::string("—"); };
    rows.push_back(json::array({name, std::to_string(e.points), f(e.scenario_mean), f(e.counterfactual_mean),
                                f(e.effect), f(e.interval_low) + " … " + f(e.interval_high),
                                f(e.point_interval_low) + " … " + f(e.point_interval_high)}));
  }
  return {{"kind", "table"}, {"id", "effects"},
          {"title", fmt::format("{} against {}", scenarios[0], scenarios[1])},
          {"columns", json::array({"summary", "points", scenarios[0], scenarios[1], "effect",
                                   "95 % of points × replicates", "95 % of the points' means"})},
          {"numeric", json::array({false, true, true, true, true, false, false})},
          {"rows", rows},
          {"note", "Runs paired by design point (every other design value equal: with a posterior design, the "
                   "same draw) and by replicate. The first interval is parameter plus replicate uncertainty, the "
                   "second the parameters' alone (`stosim compare FILE --scenarios A,B` writes it as CSV)."}};
}

}  // namespace

SweepPage sweep_page(const std::string& path) {
  const Sweep s = read_sweep(path);
  json charts = json::array();
  for (const Summary& summary : s.summaries)
    for (const Parameter& p : s.parameters)
      if (charts.size() < max_charts) charts.push_back(summary_chart(summary, p));
  std::string intro = fmt::format(
      "Each point is one run of the sweep: the mean of its {} replicate(s), with a line from the lowest to the highest "
      "replicate. The summaries are those the sweep file asked for.",
      s.replicates);
  if (s.skipped_summaries > 0)
    intro += fmt::format(" {} region or location summaries are not charted (`stosim export` writes them).",
                         s.skipped_summaries);
  if (charts.empty())
    intro += " Nothing to chart: the sweep varies no key or keeps no national summary.";
  if (charts.size() == max_charts) intro += fmt::format(" Only the first {} charts are shown.", max_charts);
  json sections = json::array(
      {{{"id", "summaries"}, {"title", "Summaries against parameters"}, {"intro", intro}, {"items", charts}},
       {{"id", "design"}, {"title", "Design"}, {"intro", fmt::format("A {} design of {} runs.", s.design, s.scenario.size())},
        {"wide", true}, {"items", json::array({design_table(s)})}},
       {{"id", "sweep_file"}, {"title", "The sweep file"}, {"intro", ""},
        {"items", json::array({{{"kind", "text"}, {"id", "sweep_yaml"}, {"title", "as run"}, {"text", s.yaml}}})}}});
  if (json effects = effects_table(path, s); !effects.is_null()) {
    const json section = {{"id", "effects"}, {"title", "Effects"}, {"intro", ""}, {"wide", true},
                          {"items", json::array({std::move(effects)})}};
    sections.insert(sections.begin() + 1, section);
  }
  SweepPage page;
  page.title = "sweep " + s.name;
  page.subtitle = fmt::format("{}–{}, {} runs × {} replicate{}.", s.start_year, s.end_year, s.scenario.size(),
                              s.replicates, s.replicates == 1 ? "" : "s");
  page.source = fmt::format("Simulated with stosim {} (commit {}): model results, not observations. Charts: Vega-Lite.",
                            s.version, s.commit);
  page.data = {{"sections", sections}, {"datasets", {{"sweep", points(s)}}}};
  return page;
}

}  // namespace stosim::report
