#pragma once
// Simulated method of moments: minimises the distance between observed and simulated moments,
//   Q(theta) = sum_m ((simulated_m(theta) - observed_m) / se_m)^2,
// with a derivative-free NLopt optimiser inside the parameters' bounds (scaled to the unit
// cube). The simulated moments use the same replicates at every theta (common random numbers),
// so Q is a deterministic function. Standard errors by the sandwich formula
//   V = (G'WG)^-1 G'W (S_data + S_sim) W G (G'WG)^-1,  W = diag(1/se^2),
// G the Jacobian of the simulated moments by central differences at the estimate, S_data =
// diag(se^2) and S_sim the covariance of the simulated means over the replicates.
#include <functional>
#include <string>
#include <vector>

#include "experiments/parameter_space.hpp"

namespace stosim {

// Simulated moments at theta, per replicate: values[moment * replicates + replicate].
struct SimulatedMoments {
  std::vector<double> values;
  int replicates = 1;
};

struct SmmProblem {
  std::vector<ParameterRange> parameters;  // bounds
  std::vector<double> start;               // inside the bounds
  std::vector<double> observed, standard_error;
  std::function<SimulatedMoments(const std::vector<double>& theta)> simulate;
};

struct SmmOptions {
  std::string algorithm = "LN_BOBYQA";  // any derivative-free NLopt algorithm, e.g. LN_NELDERMEAD
  int max_evaluations = 200;
  double xtol_rel = 1e-4;      // on the unit-cube scale
  double initial_step = 0.1;   // fraction of each range
  double jacobian_step = 0.02; // fraction of each range, for the standard errors
  // After each evaluation: number, objective, theta.
  std::function<void(int, double, const std::vector<double>&)> progress;
};

struct SmmResult {
  std::vector<double> estimate, standard_error;  // whole-number parameters rounded; se infinite when
                                                 // no moment moves with the parameter
  std::vector<double> covariance;  // k x k, row-major
  std::vector<double> simulated;   // moments at the estimate (replicate means)
  double objective = 0.0;
  int evaluations = 0;
  std::string status;  // NLopt's result
};

SmmResult estimate_smm(const SmmProblem& problem, const SmmOptions& options);

}  // namespace stosim
