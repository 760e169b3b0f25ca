#include "population/clustering.hpp"

#include <algorithm>

namespace stosim {

namespace {

std::size_t draw_weighted(const std::vector<double>& cumulative, double u) {
  const double target = u * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

// k-means++: each next centre is a point drawn with probability proportional to its squared
// distance from the nearest centre so far; the first is point 0.
std::vector<PointKm> kmeans_plus_plus(const std::vector<float>& x, const std::vector<float>& y,
                                      std::size_t k,
                                      const std::function<double(std::size_t)>& uniform) {
  const std::size_t n = x.size();
  std::vector<PointKm> centre;
  std::vector<double> nearest(n, 1e300);
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t pick = 0;
    if (c > 0) {
      std::vector<double> cumulative(n);
      double total = 0.0;
      for (std::size_t l = 0; l < n; ++l) cumulative[l] = total += nearest[l];
      pick = draw_weighted(cumulative, uniform(c));
    }
    centre.push_back({x[pick], y[pick]});
    for (std::size_t l = 0; l < n; ++l) {
      const double dx = x[l] - centre.back().x, dy = y[l] - centre.back().y;
      nearest[l] = std::min(nearest[l], dx * dx + dy * dy);
    }
  }
  return centre;
}

}  // namespace

Clustering cluster_kmeans(const std::vector<float>& x, const std::vector<float>& y, std::size_t k,
                          const std::function<double(std::size_t)>& uniform, int iterations) {
  const std::size_t n = x.size();
  k = std::min(k, n);
  Clustering out{std::vector<std::int32_t>(n, 0), kmeans_plus_plus(x, y, k, uniform)};
  for (int iteration = 0; iteration < iterations; ++iteration) {
    for (std::size_t l = 0; l < n; ++l) {
      double best = 1e300;
      for (std::size_t c = 0; c < k; ++c) {
        const double dx = x[l] - out.centre[c].x, dy = y[l] - out.centre[c].y;
        if (dx * dx + dy * dy < best) best = dx * dx + dy * dy, out.group[l] = static_cast<std::int32_t>(c);
      }
    }
    std::vector<PointKm> sum(k, {0, 0});
    std::vector<int> count(k, 0);
    for (std::size_t l = 0; l < n; ++l) {
      const auto c = static_cast<std::size_t>(out.group[l]);
      sum[c].x += x[l], sum[c].y += y[l], ++count[c];
    }
    for (std::size_t c = 0; c < k; ++c)
      if (count[c] > 0) out.centre[c] = {sum[c].x / count[c], sum[c].y / count[c]};
  }
  return out;
}

}  // namespace stosim
