#pragma once
// Runs a scenario: builds the initial world once, then every replicate from a copy of it, in
// parallel. A replicate's results depend only on (seed, replicate), never on the thread count.
#include <chrono>
#include <functional>
#include <vector>

#include "output/indicators.hpp"
#include "run/scenario.hpp"
#include "sim/world.hpp"

namespace stosim {

class PhaseTimes;  // sim/phase_times.hpp

// Called after each simulated year of a replicate (from any thread, serialised by the caller).
using ProgressCallback = std::function<void(int replicate, int year)>;

struct RunOptions {
  int threads = 0;  // 0: all cores
  ProgressCallback progress;
};

struct RunResult {
  Scenario scenario;
  World initial;  // entity tables (regions, locations) for the output file
  std::vector<IndicatorFrame> replicates;
  int threads = 0;
  double seconds = 0.0;
};

// The initial state of the scenario, with profile constants calibrated.
World build_initial_world(const Scenario& scenario);
// The same in two steps, so that runs which differ only in model parameters share the first:
// the population (synthetic or from a file) and then the system set up on a copy of it.
World build_population_world(const Scenario& scenario);
World build_initial_world(const Scenario& scenario, World population);
// Equal for two scenarios exactly when build_population_world gives them the same world.
std::string population_key(const Scenario& scenario);
// `phase_times`, when given, gets the seconds of each phase of the yearly step, of the monitor
// and of the replicate's set-up (sim/phase_times.hpp; stosim_bench --phases).
IndicatorFrame run_replicate(const World& initial, const Scenario& scenario, int replicate,
                             const ProgressCallback& progress = {},
                             PhaseTimes* phase_times = nullptr);
RunResult run_scenario(const Scenario& scenario, const RunOptions& options = {});

}  // namespace stosim
