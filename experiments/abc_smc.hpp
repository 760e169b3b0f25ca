#pragma once
// Approximate Bayesian computation by sequential Monte Carlo (Beaumont et al. 2009, "Adaptive
// approximate Bayesian computation"; the adaptive tolerance of Del Moral et al. 2012 as in
// pyabc): a population of particles moves from the prior towards the posterior through
// generations of decreasing tolerance. Generation 0 samples the prior; generation t proposes by
// perturbing a particle of t-1 (drawn by weight) with a Gaussian kernel of twice the weighted
// covariance, keeps proposals whose distance is at most the tolerance (the `quantile` of the
// distances of t-1), and weights them by prior / kernel mixture. Priors are uniform on the
// parameters' ranges.
//
// Deterministic whatever the thread count: proposal i of generation t draws from the stream
// (seed, t, abc_proposal, i), proposals are simulated in batches of a size that does not depend
// on the threads, and accepted in proposal order. A checkpoint file (HDF5) is replaced
// atomically after each generation; a run that resumes from it continues exactly where the
// interrupted one would have gone.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiments/parameter_space.hpp"

namespace stosim {

struct AbcProblem {
  std::vector<ParameterRange> parameters;  // uniform priors
  // Distances of a batch of proposals. `draws[i]` identifies proposal i uniquely within the run:
  // use it to choose the simulation's replicates (fresh noise for every proposal).
  std::function<std::vector<double>(const std::vector<std::vector<double>>& thetas,
                                    const std::vector<std::uint64_t>& draws)>
      distances;
};

struct AbcOptions {
  int particles = 100;
  int generations = 6;       // total, generation 0 (the prior) included
  double quantile = 0.5;     // next tolerance: this weighted quantile of the current distances
  double min_acceptance = 0.005;  // stop when a generation accepts fewer proposals than this
  std::uint64_t seed = 1;
  std::string checkpoint;    // HDF5 file written after each generation ("" for none)
  std::function<void(int generation, double tolerance, int simulations, double acceptance)> progress;
};

struct AbcGeneration {
  double tolerance = 0.0;  // infinite for generation 0
  int simulations = 0;
  std::vector<double> particles;  // particles x parameters, row-major
  std::vector<double> weights;    // normalised
  std::vector<double> distances;
};

struct AbcResult {
  std::vector<std::string> keys;
  std::vector<AbcGeneration> generations;
  std::string stopped;  // why it stopped early, or empty
};

// Runs (or, when options.checkpoint names an existing file of the same problem, resumes) until
// options.generations generations exist. Throws std::runtime_error when the checkpoint belongs
// to another problem (other parameters, particles or seed).
AbcResult run_abc_smc(const AbcProblem& problem, const AbcOptions& options);

// Weighted quantile and the posterior summary of one parameter in a generation.
double weighted_quantile(std::vector<double> values, std::vector<double> weights, double q);
struct PosteriorSummary {
  double mean = 0.0, sd = 0.0, q05 = 0.0, q50 = 0.0, q95 = 0.0;
};
PosteriorSummary summarise(const AbcGeneration& generation, std::size_t parameter, std::size_t parameters);

void write_abc_file(const std::string& path, const AbcResult& result, const AbcOptions& options);
AbcResult read_abc_file(const std::string& path);

}  // namespace stosim
