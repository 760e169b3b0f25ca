#pragma once
// Global sensitivity analysis on the unit hypercube, independent of the model:
// - Sobol' first-order and total indices from a Saltelli design, Jansen estimators, bootstrap
//   percentile intervals (Saltelli et al. 2010, "Variance based sensitivity analysis of model
//   output", table 2, estimators (f) and (b)); quasi-random points from Boost.Random's sobol.
// - Morris elementary effects on trajectories (Morris 1991; mu* of Campolongo et al. 2007), with
//   bootstrap intervals of mu*.
// The caller maps unit-cube points to parameter ranges and evaluates the model.
#include <cstdint>
#include <vector>

namespace stosim {

struct SaltelliDesign {
  int factors = 0;
  int base_samples = 0;  // N
  // Points to evaluate, row-major (factors per row), in this order: A (N rows), B (N rows),
  // then A with column i taken from B, for i = 0 .. factors-1 (N rows each).
  std::vector<double> points;
  std::size_t rows() const { return points.size() / static_cast<std::size_t>(factors); }
};
// N base samples from a 2k-dimensional Sobol' sequence (its first point, the origin, skipped).
SaltelliDesign saltelli_design(int factors, int base_samples);

struct Interval {
  double estimate = 0.0, low = 0.0, high = 0.0;
};
struct SobolIndices {
  std::vector<Interval> first, total;
  double variance = 0.0;  // of the output over A and B
};
// `outputs[r]` is the model output at design row r. Percentile intervals over `resamples`
// bootstrap resamples of the N base rows, at `confidence` (e.g. 0.95).
SobolIndices sobol_indices(const SaltelliDesign& design, const std::vector<double>& outputs, int resamples,
                           double confidence, std::uint64_t seed);

struct MorrisDesign {
  int factors = 0, trajectories = 0, levels = 0;
  double delta = 0.0;  // levels / (2 (levels - 1))
  // trajectories * (factors + 1) rows of `factors` unit-cube coordinates; within a trajectory,
  // row s+1 differs from row s in factor moved[t * factors + s] by sign[...] * delta.
  std::vector<double> points;
  std::vector<int> moved;
  std::vector<int> sign;
  std::size_t rows() const { return points.size() / static_cast<std::size_t>(factors); }
};
MorrisDesign morris_design(int factors, int trajectories, int levels, std::uint64_t seed);

struct MorrisIndices {
  // Per factor, elementary effects per unit of the factor's range (the unit cube's scale).
  std::vector<double> mu, sigma;
  std::vector<Interval> mu_star;
};
MorrisIndices morris_indices(const MorrisDesign& design, const std::vector<double>& outputs, int resamples,
                             double confidence, std::uint64_t seed);

}  // namespace stosim
