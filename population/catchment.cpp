#include "population/catchment.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace stosim {

namespace {
constexpr std::size_t catchment_zones = 40;
constexpr double catchment_decay_km = 4.0;
}  // namespace

Catchments make_catchments(const World& w) {
  Catchments c;
  c.offset.push_back(0);
  std::vector<std::pair<float, std::int32_t>> near;
  for (std::size_t l = 0; l < w.locations.size(); ++l) {
    near.clear();
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      near.emplace_back(distance_km(w, z, l), static_cast<std::int32_t>(z));
    const std::size_t keep = std::min(catchment_zones, near.size());
    std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(keep), near.end());
    double total = 0.0;
    for (std::size_t k = 0; k < keep; ++k) total += w.zones.youth_weight[near[k].second];
    const bool by_distance_only = total <= 0.0;  // every nearby youth count is unknown (secret)
    total = 0.0;
    for (std::size_t k = 0; k < keep; ++k) {
      const double youth = by_distance_only ? 1.0 : w.zones.youth_weight[near[k].second];
      c.zone.push_back(near[k].second);
      c.cumulative.push_back(total += youth * std::exp(-near[k].first / catchment_decay_km));
    }
    c.offset.push_back(static_cast<std::uint32_t>(c.zone.size()));
  }
  return c;
}

std::int32_t Catchments::draw_home(std::size_t location, double u) const {
  const std::uint32_t first = offset[location], end = offset[location + 1];
  const double target = u * cumulative[end - 1];
  const auto it = std::upper_bound(cumulative.begin() + first, cumulative.begin() + end, target);
  const auto j = std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), end - 1);
  return zone[j];
}

}  // namespace stosim
