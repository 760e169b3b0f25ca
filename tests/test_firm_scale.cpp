// Firms are linear in the population scale: the synthetic country scales its number of regions,
// and every region keeps firms_per_region firms.
#include <catch2/catch.hpp>

#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

TEST_CASE("Firms.LinearInScale", "[firms][scale]") {
  std::vector<std::size_t> firms, regions;
  for (const char* scale : {"0.05", "0.2"}) {
    const Scenario s = load_scenario("baseline", {{"population.scale", scale}});
    const World w = build_initial_world(s);
    std::vector<std::size_t> per_region(w.regions.size(), 0);
    for (std::int32_t r : w.firms.region) ++per_region[static_cast<std::size_t>(r)];
    for (std::size_t count : per_region)
      CHECK(count == static_cast<std::size_t>(s.model.firms.firms_per_region));
    firms.push_back(w.firms.size());
    regions.push_back(w.regions.size());
  }
  REQUIRE(regions[1] > regions[0]);
  CHECK(firms[1] * regions[0] == firms[0] * regions[1]);
}
