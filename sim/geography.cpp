#include "sim/geography.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <numeric>

namespace stosim {

void build_reachable_locations(World& world, const GeographyParams& params) {
  const std::size_t zones = world.zones.size();
  const std::size_t locations = world.locations.size();
  const auto cap = static_cast<std::size_t>(params.max_alternatives);
  std::vector<std::vector<std::pair<float, std::int32_t>>> nearest(zones);
  tbb::parallel_for(std::size_t{0}, zones, [&](std::size_t z) {
    auto& list = nearest[z];
    for (std::size_t l = 0; l < locations; ++l) {
      const float d = distance_km(world, z, l);
      if (d <= params.max_travel_km) list.emplace_back(d, static_cast<std::int32_t>(l));
    }
    const std::size_t keep = std::min(cap, list.size());
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(keep), list.end());
    list.resize(keep);
  });
  ReachableLocations& reach = world.zones.reachable;
  reach.offset.assign(zones + 1, 0);
  for (std::size_t z = 0; z < zones; ++z)
    reach.offset[z + 1] = reach.offset[z] + static_cast<std::uint32_t>(nearest[z].size());
  reach.location.resize(reach.offset[zones]);
  reach.distance_km.resize(reach.offset[zones]);
  for (std::size_t z = 0; z < zones; ++z)
    for (std::size_t k = 0; k < nearest[z].size(); ++k) {
      reach.distance_km[reach.offset[z] + k] = nearest[z][k].first;
      reach.location[reach.offset[z] + k] = nearest[z][k].second;
    }
}

}  // namespace stosim
