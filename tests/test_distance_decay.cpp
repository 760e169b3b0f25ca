// The distance terms kept with the world (sim/world.hpp DistanceDecay): used only for the beta
// they were computed for.
#include <catch2/catch.hpp>
#include <cmath>

#include "sim/world.hpp"

using namespace stosim;

TEST_CASE("DistanceDecay.StoredOnlyForItsOwnBeta", "[choice]") {
  ReachableLocations reach;
  reach.offset = {0, 3};
  reach.location = {0, 1, 2};
  reach.distance_km = {0.5f, 4.0f, 12.0f};
  const DistanceDecay stored = distance_decay(reach, -0.2);
  REQUIRE(stored.weight.size() == 3u);
  CHECK(stored.weight[1] == std::exp(-0.2 * 4.0f));

  std::vector<double> scratch;
  CHECK(&decay_for(stored, reach, -0.2, scratch) ==
        &stored.weight);  // its own beta: the stored table
  CHECK(scratch.empty());
  const std::vector<double>& other =
      decay_for(stored, reach, -0.1, scratch);  // another beta: computed
  CHECK(&other == &scratch);
  CHECK(other[2] == std::exp(-0.1 * 12.0f));
  DistanceDecay stale = stored;
  stale.weight.pop_back();  // not for these entries: computed again
  CHECK(&decay_for(stale, reach, -0.2, scratch) == &scratch);
}
