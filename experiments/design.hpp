#pragma once
// Space-filling designs on the unit cube, for sweeps: Latin hypercube samples (randomised, from
// the counter-based streams, so a design seed reproduces the same points) and Sobol sequences
// (Boost.Random's `sobol`, deterministic). Points are rows; coordinates lie in [0, 1).
#include <cstdint>
#include <vector>

namespace stosim {

using UnitPoints = std::vector<std::vector<double>>;

// n points in d dimensions: each dimension's n strata [k/n, (k+1)/n) hold exactly one point.
UnitPoints latin_hypercube(int points, int dimensions, std::uint64_t seed);
// The first n points of the d-dimensional Sobol sequence (Boost starts after the origin).
UnitPoints sobol_sequence(int points, int dimensions);

// Full factorial: every combination of `levels[k]` values per factor, the last factor varying
// fastest. Returns the level index of each factor for each point.
std::vector<std::vector<std::size_t>> full_factorial(const std::vector<std::size_t>& levels);

}  // namespace stosim
