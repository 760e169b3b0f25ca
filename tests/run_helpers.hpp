#pragma once
#include <cstring>

#include "output/indicators.hpp"
#include "run/simulation.hpp"

namespace stosim::testing {

inline Scenario small_scenario(double scale = 0.05, int replicates = 1,
                               std::vector<Override> extra = {}) {
  extra.push_back({"population.scale", std::to_string(scale)});
  extra.push_back({"replicates", std::to_string(replicates)});
  return default_scenario(extra);
}

// Value of a national indicator without breakdown for a replicate and year index.
inline double national(const IndicatorFrame& frame, std::string_view name, std::size_t year,
                       std::size_t cell = 0) {
  const std::size_t i = indicator_id(name);
  return frame.values(i, Level::national)[frame.at(i, Level::national, year, 0, cell)];
}

// Bit-for-bit equality of every indicator (NaN equals NaN with the same bits).
inline bool identical(const IndicatorFrame& a, const IndicatorFrame& b) {
  for (std::size_t i = 0; i < indicator_specs().size(); ++i)
    for (int lv = 0; lv < n_levels; ++lv) {
      const auto& x = a.values(i, static_cast<Level>(lv));
      const auto& y = b.values(i, static_cast<Level>(lv));
      if (x.size() != y.size()) return false;
      if (!x.empty() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) != 0) return false;
    }
  return true;
}

}  // namespace stosim::testing
