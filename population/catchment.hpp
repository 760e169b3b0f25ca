#pragma once
// Where the students of a school live: per location, its nearest home zones, weighted by their
// young inhabitants times e^(-distance / 4 km), so most students live close by. Shared by the
// synthetic Netherlands and the importer.
#include <cstdint>
#include <vector>

#include "sim/world.hpp"

namespace stosim {

struct Catchments {
  std::vector<std::uint32_t> offset;  // per location, into zone and cumulative
  std::vector<std::int32_t> zone;
  std::vector<double> cumulative;  // cumulative weights within a location's row
  // The home zone for a uniform draw u in (0, 1).
  std::int32_t draw_home(std::size_t location, double u) const;
};

Catchments make_catchments(const World& world);

}  // namespace stosim
