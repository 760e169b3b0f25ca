#pragma once
// Largest-remainder apportionment of a whole number over weights: the parts are whole numbers
// that add up to exactly `total` (no rounding drift), ties broken by position.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

namespace stosim {

inline std::vector<int> apportion(int total, const std::vector<double>& weights) {
  std::vector<int> out(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (sum <= 0.0 || total <= 0) return out;
  std::vector<std::pair<double, std::size_t>> remainder;
  int given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = total * weights[i] / sum;
    out[i] = static_cast<int>(std::floor(exact));
    given += out[i];
    remainder.emplace_back(exact - out[i], i);
  }
  std::sort(remainder.begin(), remainder.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (int k = 0; k < total - given; ++k) ++out[remainder[static_cast<std::size_t>(k) % remainder.size()].second];
  return out;
}

}  // namespace stosim
