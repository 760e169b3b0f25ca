#include "experiments/design.hpp"

#include <boost/random/sobol.hpp>

#include <algorithm>
#include <numeric>

#include "sim/random.hpp"

namespace stosim {

UnitPoints latin_hypercube(int points, int dimensions, std::uint64_t seed) {
  const auto n = static_cast<std::size_t>(points);
  UnitPoints out(n, std::vector<double>(static_cast<std::size_t>(dimensions)));
  for (int d = 0; d < dimensions; ++d) {
    // One stream per dimension: adding a dimension leaves the others' columns unchanged.
    RandomStream rng(StreamKey{seed, 0}, 0, Purpose::sweep_design, static_cast<std::uint64_t>(d));
    std::vector<std::size_t> strata(n);
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(strata[i - 1], strata[rng.below(i)]);  // Fisher-Yates
    for (std::size_t i = 0; i < n; ++i)
      out[i][static_cast<std::size_t>(d)] = (static_cast<double>(strata[i]) + rng.uniform()) / static_cast<double>(n);
  }
  return out;
}

UnitPoints sobol_sequence(int points, int dimensions) {
  boost::random::sobol generator(static_cast<std::size_t>(dimensions));
  UnitPoints out(static_cast<std::size_t>(points), std::vector<double>(static_cast<std::size_t>(dimensions)));
  for (auto& point : out)
    for (double& x : point) x = static_cast<double>(generator() >> 11) * 0x1.0p-53;
  return out;
}

std::vector<std::vector<std::size_t>> full_factorial(const std::vector<std::size_t>& levels) {
  std::size_t total = 1;
  for (std::size_t l : levels) total *= l;
  std::vector<std::vector<std::size_t>> out(total, std::vector<std::size_t>(levels.size()));
  for (std::size_t p = 0; p < total; ++p) {
    std::size_t rest = p;
    for (std::size_t k = levels.size(); k-- > 0;) {
      out[p][k] = rest % levels[k];
      rest /= levels[k];
    }
  }
  return out;
}

}  // namespace stosim
