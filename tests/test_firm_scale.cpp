// Firms are linear in the population scale: the synthetic country scales its number of regions,
// and the regions have firms_per_region firms on average, in proportion to their students.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

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
    // Rounding per region moves the total by at most half a firm per region.
    const double expected = s.model.firms.firms_per_region * static_cast<double>(w.regions.size());
    CHECK(std::abs(static_cast<double>(w.firms.size()) - expected) <= 0.5 * static_cast<double>(w.regions.size()));
    firms.push_back(w.firms.size());
    regions.push_back(w.regions.size());
  }
  REQUIRE(regions[1] > regions[0]);
  const double per_region_small = static_cast<double>(firms[0]) / static_cast<double>(regions[0]);
  const double per_region_large = static_cast<double>(firms[1]) / static_cast<double>(regions[1]);
  CHECK(std::abs(per_region_large - per_region_small) <= 1.0);
}

TEST_CASE("Firms.LargerRegionsHaveMoreFirms", "[firms]") {
  const Scenario s = load_scenario("baseline", {{"population.scale", "0.2"}});
  const World w = build_initial_world(s);
  std::vector<double> firms(w.regions.size(), 0.0), students(w.regions.size(), 0.0);
  for (std::int32_t r : w.firms.region) firms[static_cast<std::size_t>(r)] += 1.0;
  for (std::size_t i = 0; i < w.students.size(); ++i)
    if (w.students.grade[i] >= 3 && w.students.profile[i] != no_profile)
      students[static_cast<std::size_t>(w.locations.region[static_cast<std::size_t>(w.students.location[i])])] += 1.0;
  const auto largest = static_cast<std::size_t>(std::max_element(students.begin(), students.end()) - students.begin());
  const auto smallest = static_cast<std::size_t>(std::min_element(students.begin(), students.end()) - students.begin());
  REQUIRE(students[largest] > 1.5 * students[smallest]);
  CHECK(firms[largest] > firms[smallest]);
  // Every region has its share of the firms up to rounding (half a firm), at least one.
  double total_students = 0.0;
  for (double n : students) total_students += n;
  const double per_student = s.model.firms.firms_per_region * static_cast<double>(w.regions.size()) / total_students;
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    INFO("region " << r << ": " << firms[r] << " firms, " << students[r] << " students");
    CHECK(std::abs(firms[r] - std::max(1.0, per_student * students[r])) <= 0.5 + 1e-9);
  }
}
