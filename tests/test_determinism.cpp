#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "run_helpers.hpp"
#include "sim/phase_times.hpp"

using namespace stosim;
using namespace stosim::testing;

TEST_CASE("Determinism.OneThreadEqualsManyThreads", "[determinism]") {
  const Scenario s = small_scenario(0.05, 3);
  RunOptions one, many;
  one.threads = 1;
  many.threads = 4;
  const RunResult a = run_scenario(s, one);
  const RunResult b = run_scenario(s, many);
  REQUIRE(a.replicates.size() == 3);
  for (std::size_t r = 0; r < a.replicates.size(); ++r) CHECK(identical(a.replicates[r], b.replicates[r]));
}

TEST_CASE("Determinism.SameSeedSameBitsOtherSeedOtherResults", "[determinism]") {
  const Scenario s = small_scenario(0.05, 1);
  const RunResult a = run_scenario(s);
  const RunResult b = run_scenario(s);
  CHECK(identical(a.replicates[0], b.replicates[0]));
  Scenario other = s;
  other.seed = s.seed + 1;
  CHECK_FALSE(identical(a.replicates[0], run_scenario(other).replicates[0]));
}

TEST_CASE("Determinism.ReplicatesDiffer", "[determinism]") {
  const RunResult run = run_scenario(small_scenario(0.05, 2));
  CHECK_FALSE(identical(run.replicates[0], run.replicates[1]));
}

TEST_CASE("Determinism.ReplicateDoesNotDependOnHowManyRunBeside", "[determinism]") {
  // Replicate 1 of a 2-replicate run equals replicate 1 run alone: streams are keyed by index.
  const Scenario s = small_scenario(0.05, 2);
  const RunResult both = run_scenario(s);
  const World initial = build_initial_world(s);
  CHECK(identical(both.replicates[1], run_replicate(initial, s, 1)));
}

TEST_CASE("Determinism.TimingThePhasesChangesNothing", "[determinism]") {
  // stosim_bench --phases times each phase of a replicate: the results must be the very same.
  const Scenario s = small_scenario(0.05, 1);
  const World initial = build_initial_world(s);
  PhaseTimes times;
  const IndicatorFrame timed = run_replicate(initial, s, 0, {}, &times);
  CHECK(identical(timed, run_replicate(initial, s, 0)));
  // Every phase of the yearly step reports, each under one name.
  std::vector<std::string> names;
  for (const auto& [name, seconds] : times.totals()) {
    names.push_back(name);
    CHECK(seconds >= 0.0);
  }
  for (const char* phase :
       {"cohort entry", "profile choice", "mbo entry", "monitor", "programme counts"})
    CHECK(std::count(names.begin(), names.end(), phase) == 1);
}

TEST_CASE("PhaseTimes.SumsEachPhaseInTheOrderFirstReported", "[determinism]") {
  PhaseTimes times;
  times.add("b", 1.0);
  times.add("a", 2.0);
  times.add("b", 0.5);
  const auto totals = times.totals();
  REQUIRE(totals.size() == 2);
  CHECK(totals[0].first == "b");
  CHECK(totals[0].second == 1.5);
  CHECK(totals[1].first == "a");
  CHECK(totals[1].second == 2.0);
  PhaseClock off(nullptr);
  off.lap("c");  // no PhaseTimes: nothing to report to, and nothing breaks
  PhaseClock on(&times);
  on.lap("c");
  CHECK(times.totals().size() == 3);
}
