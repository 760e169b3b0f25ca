#include <catch2/catch.hpp>

#include "models/programme_openings.hpp"
#include "small_world.hpp"

using namespace stosim;
using namespace stosim::testing;

TEST_CASE("ProgrammeOpenings.NewProgrammeStartsAsASmallProgrammeOfItsProfile", "[openings]") {
  // Five locations teach PIE with programme constants -2 .. 2; a sixth has BB students but no
  // technical profile and opens PIE for sure (rate 1). Its constant is the profile's constant at
  // start_appeal_quantile: a new programme starts small, not with an arbitrary appeal.
  SmallWorld sw;
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  std::vector<std::size_t> teaching;
  for (int i = 0; i < 5; ++i) {
    teaching.push_back(sw.add_location(float(i), 0, 0b0001));
    sw.offer(teaching.back(), 1);
    sw.add_student(z, teaching.back(), 3, Leerweg::bb, 1);
  }
  const std::size_t newcomer = sw.add_location(10, 0, 0b0001);
  sw.offer(newcomer, 8);
  for (int i = 0; i < 50; ++i) sw.add_student(z, newcomer, 2, Leerweg::bb);
  World& world = sw.finish();
  world.start.programme_constant.assign(world.programmes.size(), 0.0f);
  for (int i = 0; i < 5; ++i) world.start.programme_constant[programme_index(teaching[i], 1)] = float(i - 2);
  world.start.programme_constant[programme_index(newcomer, 1)] = 7.0f;  // left over: must not count
  world.programmes.opened_year.assign(world.programmes.size(), 0);
  world.programmes.facility_quality.assign(world.programmes.size(), 0.5f);
  world.region_state.teacher_staffed_share.assign(1, 1.0f);
  world.channels.opening_factor.assign(1, 1.0f);

  ProgrammeOpeningParams params;
  params.rate = 1.0;
  params.min_year2_students = 10;
  params.start_appeal_quantile = 0.25;  // the second lowest of five
  const StepContext ctx{{5, 0}, 2020, 2018, 1.0, {true, true, true, true, true}};
  REQUIRE(open_programmes(world, params, FacilityParams{}, ctx) == 1);
  REQUIRE(world.programmes.offered[programme_index(newcomer, 1)]);
  CHECK(world.start.programme_constant[programme_index(newcomer, 1)] == -1.0f);

  params.start_appeal_quantile = 1.0;  // the largest
  world.programmes.offered[programme_index(newcomer, 1)] = 0;
  REQUIRE(open_programmes(world, params, FacilityParams{}, ctx) == 1);
  CHECK(world.start.programme_constant[programme_index(newcomer, 1)] == 2.0f);
}
