#pragma once
// Hand-built tiny worlds for unit and statistical tests.
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
    Students& s = world.students;
    s.id.push_back(world.next_student_id++);
    s.home_zone.push_back(static_cast<std::int32_t>(zone));
    s.location.push_back(static_cast<std::int32_t>(location));
    s.cohort.push_back(static_cast<std::int16_t>(2018 - grade + 1));
    s.grade.push_back(static_cast<std::uint8_t>(grade));
    s.leerweg.push_back(lw);
    s.profile.push_back(profile);
    s.is_male.push_back(1);
    s.propensity.push_back(propensity);
    s.status.push_back(StudentStatus::enrolled);
    s.technical_keuzevak.push_back(0);
    return s.size() - 1;
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

}  // namespace stosim::testing
