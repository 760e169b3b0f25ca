#pragma once
// Spatial clustering of points into k groups: k-means with a k-means++ start. Deterministic:
// the random choices of the start come from `uniform(c)`, a number in (0, 1) for centre c, so
// the caller decides the random stream (the synthetic world and the importer use their seeds).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "sim/projection.hpp"

namespace stosim {

struct Clustering {
  std::vector<std::int32_t> group;  // per point, 0..k-1
  std::vector<PointKm> centre;      // per group
};

// Lloyd's iterations (a fixed number, so results never depend on a convergence test).
Clustering cluster_kmeans(const std::vector<float>& x_km, const std::vector<float>& y_km,
                          std::size_t k, const std::function<double(std::size_t)>& uniform,
                          int iterations = 30);

}  // namespace stosim
