#pragma once
// A sweep file: a design over scenario keys (and over scenarios themselves), the replicates of
// every point, the per-run summaries to keep and the full indicators to keep (docs/EXPERIMENTS.md).
// Loading resolves and validates every run's scenario, so a bad sweep fails before anything runs.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "experiments/summaries.hpp"
#include "run/scenario.hpp"

namespace stosim {

struct SweepRunSpec {
  std::string scenario;              // base scenario: a name or a YAML file
  std::vector<Override> overrides;   // the sweep's `set`, then the point's own values
  std::vector<std::string> values;   // the value of each varied key ("" where a list point omits it)
};

// Full indicators to store (none unless asked).
struct IndicatorRequest {
  std::vector<Level> levels;
  std::vector<std::size_t> indicators;
  bool wanted(std::size_t indicator, Level level) const;
};

struct SweepSpec {
  std::string path, text;  // the sweep file and its contents (stored in the output)
  std::string name, description;
  std::string design;      // list, grid, latin_hypercube or sobol
  int replicates = 1;
  int start_year = 0, end_year = 0;
  std::vector<std::string> varied_keys;  // the design table's columns
  std::vector<SweepRunSpec> runs;
  std::vector<SummarySpec> summaries;
  IndicatorRequest indicators;
  std::vector<int> population_of_run;  // runs with the same number start from the same population
  int populations = 0;

  int years() const { return end_year - start_year + 1; }
  std::size_t tasks() const { return runs.size() * static_cast<std::size_t>(replicates); }
  // The resolved scenario of a run (thread-safe).
  Scenario scenario(std::size_t run) const;
  // A fingerprint of everything that determines the results (a resumed sweep must match it).
  std::string fingerprint() const;

  std::map<std::string, std::shared_ptr<const ScenarioTemplate>> templates;

 private:
  mutable std::string fingerprint_;  // computed on first use (before any thread starts)
};

// Reads and validates a sweep file; throws ScenarioError listing "FILE:LINE: KEY: message"s.
SweepSpec load_sweep(const std::string& path);

// A one-run "sweep" of a scenario (the streamed `stosim run`): every indicator at every level.
SweepSpec single_run_sweep(const std::string& scenario, const std::vector<Override>& overrides);

}  // namespace stosim
