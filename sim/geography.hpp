#pragma once
// Which school locations a student can reach from home: the nearest ones within a maximum
// travel distance, kept per home zone as a compressed neighbour list.
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct GeographyParams {
  double max_travel_km = 30.0;
  int max_alternatives = 24;

  template <class V>
  void visit(V& v) {
    v(max_travel_km, "max_travel_km",
      {.unit = "km", .min = 1, .max = 500,
       .description = "Largest straight-line distance from home to a school a student considers",
       .source = "assumption: daily travel by bike and bus"});
    v(max_alternatives, "max_alternatives",
      {.unit = "locations", .min = 1, .max = 120,
       .description = "Largest number of nearest locations a student considers",
       .source = "assumption; bounds the cost of a choice"});
  }
};

void build_reachable_locations(World& world, const GeographyParams& params);

}  // namespace stosim
