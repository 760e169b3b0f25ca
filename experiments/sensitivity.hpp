#pragma once
// `stosim sensitivity`: Sobol' or Morris indices of model outputs (indicator x year targets) with
// respect to scenario parameters varied over ranges (by default their declared ranges).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiments/moments.hpp"
#include "experiments/parameter_space.hpp"

namespace stosim {

struct SensitivityOptions {
  std::string method = "sobol";  // sobol or morris
  std::vector<ParameterRange> parameters;
  std::vector<OutputTarget> targets;
  int samples = 64;      // sobol: base samples N (N (k + 2) runs); morris: trajectories (r (k + 1) runs)
  int levels = 4;        // morris grid levels
  int replicates = 1;    // per point, averaged (common random numbers across points)
  int resamples = 500;   // bootstrap
  double confidence = 0.95;
  std::uint64_t seed = 1;  // design (Morris) and bootstrap
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct SensitivityRow {
  std::string target, parameter, measure;  // measure: S1, ST (sobol); mu, mu_star, sigma (morris)
  double estimate = 0.0, low = 0.0, high = 0.0;
};

// Runs the design on `base` (threads: the caller's arena) and returns one row per target,
// parameter and measure.
std::vector<SensitivityRow> run_sensitivity(const Scenario& base, const SensitivityOptions& options);
std::string sensitivity_csv(const std::vector<SensitivityRow>& rows);

}  // namespace stosim
