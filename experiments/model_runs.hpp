#pragma once
// Runs the model at many parameter points for an experiment (sensitivity, attribution,
// calibration): every point with the same replicates (common random numbers), points and
// replicates in parallel on TBB, results independent of the thread count.
#include <functional>
#include <string>
#include <vector>

#include "experiments/moments.hpp"
#include "run/scenario.hpp"

namespace stosim {

struct EvaluationOptions {
  int replicates = 1;       // replicates first_replicate .. first_replicate + replicates - 1
  int first_replicate = 0;
  std::vector<int> first_replicates;  // per point, when not empty (fresh noise for each point)
  // Called after each point (from any thread, one call at a time) with points done and total.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// Values of `targets` in each replicate of a point: [target * replicates + replicate].
using PointValues = std::vector<double>;

// Runs base with keys[i] = point[i] for each point; the caller sets the thread count (a
// tbb::global_control or an arena around the call).
std::vector<PointValues> evaluate_points(const Scenario& base, const std::vector<std::string>& keys,
                                         const std::vector<std::vector<double>>& points,
                                         const std::vector<OutputTarget>& targets, const EvaluationOptions& options);

// Mean over replicates of each target.
std::vector<double> replicate_means(const PointValues& values, std::size_t targets, int replicates);

// Whole-run arena: at most `threads` threads (0: all cores) for everything called inside.
void with_threads(int threads, const std::function<void()>& work);

}  // namespace stosim
