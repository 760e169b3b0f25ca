#include "experiments/commands.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "experiments/attribution.hpp"
#include "experiments/calibrate.hpp"
#include "experiments/model_runs.hpp"
#include "experiments/sensitivity.hpp"
#include "sim/atomic_write.hpp"

namespace stosim {

namespace {

// "done/total" on stderr at every tenth of the work.
std::function<void(std::size_t, std::size_t)> progress_printer(const std::string& what, bool quiet) {
  if (quiet) return {};
  return [what, last = std::size_t{0}](std::size_t done, std::size_t total) mutable {
    const std::size_t tenth = done * 10 / total;
    if (tenth == last && done != total) return;
    last = tenth;
    std::fprintf(stderr, "stosim %s: %zu of %zu scenario runs (%zu%%)\n", what.c_str(), done, total, done * 100 / total);
  };
}

void write_text(const std::string& path, const std::string& text, bool quiet) {
  if (path.empty()) {
    std::cout << text;
    return;
  }
  write_text_atomically(path, text);
  if (!quiet) std::fprintf(stderr, "stosim: wrote %s\n", path.c_str());
}

std::vector<OutputTarget> parse_targets(const std::vector<std::string>& texts) {
  if (texts.empty())
    throw ScenarioError({"command line: --target: at least one (indicator,level,unit,category,year)"});
  std::vector<OutputTarget> out;
  for (const std::string& t : texts) out.push_back(parse_target(t, "command line: --target"));
  return out;
}

void check_years(const std::vector<OutputTarget>& targets, const Scenario& s) {
  for (const OutputTarget& t : targets)
    if (t.year < s.start_year || t.year > s.end_year)
      throw ScenarioError({fmt::format("command line: --target {}: year {} is outside the scenario's years {}-{}",
                                       t.label(), t.year, s.start_year, s.end_year)});
}

double parse_bound(const std::string& text, const std::string& what) {
  double v = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size())
    throw ScenarioError({fmt::format("command line: --param {}: expected KEY or KEY=LOW:HIGH", what)});
  return v;
}

ParameterRange parse_parameter(const std::string& text) {
  const auto eq = text.find('=');
  ParameterRange range = declared_range(text.substr(0, eq));
  if (eq == std::string::npos) return range;
  const std::string bounds = text.substr(eq + 1);
  const auto colon = bounds.find(':');
  if (colon == std::string::npos) throw ScenarioError({fmt::format("command line: --param {}: expected KEY=LOW:HIGH", text)});
  const double low = parse_bound(bounds.substr(0, colon), text), high = parse_bound(bounds.substr(colon + 1), text);
  if (low >= high || low < range.low || high > range.high)
    throw ScenarioError({fmt::format("command line: --param {}: need {} <= LOW < HIGH <= {} (the declared range)", text,
                                     range.low, range.high)});
  range.low = low, range.high = high;
  return range;
}

}  // namespace

int sensitivity_command(const SensitivityArgs& a) {
  const Scenario base = load_scenario(a.scenario, a.overrides);
  SensitivityOptions o;
  o.method = a.method;
  for (const std::string& p : a.parameters) o.parameters.push_back(parse_parameter(p));
  if (o.parameters.empty()) throw ScenarioError({"command line: --param: at least one parameter"});
  o.targets = parse_targets(a.targets);
  check_years(o.targets, base);
  o.samples = a.samples > 0 ? a.samples : (a.method == "sobol" ? 64 : 20);
  o.levels = a.levels, o.replicates = a.replicates, o.resamples = a.resamples;
  o.confidence = a.confidence, o.seed = a.seed;
  o.progress = progress_printer("sensitivity", a.quiet);
  std::vector<SensitivityRow> rows;
  with_threads(a.threads, [&] { rows = run_sensitivity(base, o); });
  write_text(a.output, sensitivity_csv(rows), a.quiet);
  return 0;
}

int attribute_command(const AttributeArgs& a) {
  const Scenario to = load_scenario(a.scenario, a.overrides);
  const Scenario from = load_scenario(a.counterfactual, a.overrides);
  AttributionOptions o;
  o.players = a.players.empty() ? default_players() : a.players;
  for (const std::string& p : o.players) declared_range(p);  // refuses unknown keys before running
  o.targets = parse_targets(a.targets);
  check_years(o.targets, to);
  o.replicates = a.replicates, o.orderings = a.orderings, o.confidence = a.confidence, o.seed = a.seed;
  o.progress = progress_printer("attribute", a.quiet);
  std::vector<AttributionRow> rows;
  with_threads(a.threads, [&] { rows = run_attribution(to, from, o); });
  write_text(a.output, attribution_csv(rows), a.quiet);
  return 0;
}

int calibrate_command(const std::string& path, int threads, bool quiet) {
  CalibrationSpec spec = load_calibration_spec(path);
  if (threads > 0) spec.threads = threads;
  const auto progress = [quiet](const std::string& line) {
    if (!quiet) std::fprintf(stderr, "stosim %s\n", line.c_str());
  };
  const CalibrationOutcome out = run_calibration(spec, progress);
  std::cout << out.report;
  if (!quiet) std::fprintf(stderr, "stosim: wrote %s\n", spec.output.c_str());
  return 0;
}

}  // namespace stosim
