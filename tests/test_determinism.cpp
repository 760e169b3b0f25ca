#include <catch2/catch.hpp>

#include "run_helpers.hpp"

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
