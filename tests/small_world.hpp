#pragma once
// Hand-built tiny worlds for unit and statistical tests.
#include "models/context.hpp"
#include "sim/geography.hpp"
#include "sim/world.hpp"

namespace stosim::testing {

struct SmallWorld {
  World world;

  std::size_t add_region() {
    world.regions.code.push_back("R" + std::to_string(world.regions.size()));
    world.regions.name.push_back("region");
    return world.regions.size() - 1;
  }
  std::size_t add_location(float x, float y, std::uint8_t leerweg_mask, std::int32_t region = 0,
                           float image = 0.0f) {
    Locations& l = world.locations;
    l.code.push_back("L" + std::to_string(l.size()));
    l.name.push_back("location");
    l.region.push_back(region);
    l.x_km.push_back(x);
    l.y_km.push_back(y);
    l.image.push_back(image);
    l.leerweg_mask.push_back(leerweg_mask);
    world.programmes.offered.resize(l.size() * n_profiles, 0);
    world.programmes.years_below_viability.resize(l.size() * n_profiles, 0);
    return l.size() - 1;
  }
  void offer(std::size_t location, int profile, bool on = true) {
    world.programmes.offered[programme_index(location, profile)] = on ? 1 : 0;
  }
  std::size_t add_zone(float x, float y, std::int32_t region = 0, float youth = 1.0f) {
    Zones& z = world.zones;
    z.x_km.push_back(x);
    z.y_km.push_back(y);
    z.region.push_back(region);
    z.youth_weight.push_back(youth);
    return z.size() - 1;
  }
  std::size_t add_student(std::size_t zone, std::size_t location, int grade, Leerweg lw,
                          std::int8_t profile = no_profile, float propensity = 0.0f) {
    stosim::add_student(world.students, {.id = world.next_student_id++,
                                 .home_zone = static_cast<std::int32_t>(zone),
                                 .location = static_cast<std::int32_t>(location),
                                 .cohort = 2018 - grade + 1,
                                 .grade = grade,
                                 .leerweg = lw,
                                 .profile = profile,
                                 .male = true,
                                 .propensity = propensity});
    return world.students.size() - 1;
  }
  // Reachable lists, starting point and empty flows: call after adding everything.
  World& finish(double max_travel_km = 100.0, int max_alternatives = 50) {
    GeographyParams geography;
    geography.max_travel_km = max_travel_km;
    geography.max_alternatives = max_alternatives;
    build_reachable_locations(world, geography);
    record_starting_point(world);
    reset_flows(world);
    world.year = 2018;
    return world;
  }
};

inline constexpr std::uint8_t all_leerwegen = 0b1111;

// The context of one mechanism step in tests: the default five technical profiles.
inline StepContext test_context(int year, std::uint64_t seed) {
  StepContext ctx;
  ctx.streams = {seed, 0};
  ctx.year = year;
  ctx.start_year = 2018;
  ctx.technical = {true, true, true, true, true};
  return ctx;
}

}  // namespace stosim::testing
