#pragma once
// The embedded default initial state: a synthetic Netherlands generated from a seed and a scale.
// At scale 1 it has 78 regions, 925 vmbo locations with years 3-4, about 4,000 home zones and
// about 400,000 students, with DUO's 2019/20 national counts (sim/observed_2019.hpp). Other
// scales shrink or grow the country: counts scale with it, and so does the area, so densities
// and travel distances stay Dutch.
#include <cmath>
#include <cstdint>

#include "sim/geography.hpp"
#include "sim/world.hpp"

namespace stosim {

struct SyntheticOptions {
  std::uint64_t seed = 2018;
  double scale = 1.0;
  int start_year = 2018;
  double male_share = 0.52;  // boys among students without a profile outside TL: years 1-2
  double propensity_male_mean = 0.6;
  double propensity_female_mean = -0.6;
  std::array<bool, n_profiles> technical{};
  GeographyParams geography;
};

World make_synthetic_netherlands(const SyntheticOptions& options);

// How much the synthetic country's distances are stretched at a scale (its area scales with the
// scale): a map divides kilometres by it to place the world on the Netherlands.
inline double synthetic_stretch(double scale) { return std::sqrt(scale); }

}  // namespace stosim
