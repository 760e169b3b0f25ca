#include "experiments/smm.hpp"

#include <Eigen/Dense>
#include <fmt/format.h>
#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace stosim {

namespace {

std::vector<double> means(const SimulatedMoments& s, std::size_t moments) {
  std::vector<double> m(moments, 0.0);
  const auto R = static_cast<std::size_t>(s.replicates);
  for (std::size_t i = 0; i < moments; ++i) {
    for (std::size_t r = 0; r < R; ++r) m[i] += s.values[i * R + r];
    m[i] /= static_cast<double>(R);
  }
  return m;
}

double distance(const std::vector<double>& simulated, const SmmProblem& p) {
  double q = 0.0;
  for (std::size_t i = 0; i < simulated.size(); ++i) {
    const double z = (simulated[i] - p.observed[i]) / p.standard_error[i];
    q += z * z;
  }
  return std::isfinite(q) ? q : 1e300;  // an undefined moment (e.g. 0/0) is as far as can be
}

std::vector<double> to_theta(const SmmProblem& p, const double* u) { return from_unit(p.parameters, u); }

struct Objective {
  const SmmProblem& problem;
  const SmmOptions& options;
  int evaluations = 0;
};

double objective(unsigned n, const double* u, double* gradient, void* data) {
  if (gradient) throw std::logic_error("smm: derivative-free algorithms only");
  auto& o = *static_cast<Objective*>(data);
  (void)n;
  const std::vector<double> theta = to_theta(o.problem, u);
  const double q = distance(means(o.problem.simulate(theta), o.problem.observed.size()), o.problem);
  ++o.evaluations;
  if (o.options.progress) o.options.progress(o.evaluations, q, theta);
  return q;
}

// Jacobian of the simulated means by central differences (one-sided at a bound).
Eigen::MatrixXd jacobian(const SmmProblem& p, const std::vector<double>& theta, double step) {
  const std::size_t k = theta.size(), m = p.observed.size();
  Eigen::MatrixXd g(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(k));
  for (std::size_t j = 0; j < k; ++j) {
    const ParameterRange& r = p.parameters[j];
    // A whole-number parameter moves by at least one unit, or both sides would round alike.
    const double h = r.integer ? std::max(1.0, step * (r.high - r.low)) : step * (r.high - r.low);
    std::vector<double> up = theta, down = theta;
    up[j] = std::min(r.high, theta[j] + h);
    down[j] = std::max(r.low, theta[j] - h);
    const std::vector<double> a = means(p.simulate(up), m), b = means(p.simulate(down), m);
    for (std::size_t i = 0; i < m; ++i)
      g(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = (a[i] - b[i]) / (up[j] - down[j]);
  }
  return g;
}

// Covariance of the replicate means of the simulated moments.
Eigen::MatrixXd simulation_covariance(const SimulatedMoments& s, std::size_t m) {
  const auto R = static_cast<std::size_t>(s.replicates);
  const std::vector<double> mean = means(s, m);
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m));
  if (R < 2) return c;
  for (std::size_t r = 0; r < R; ++r)
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        c(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) +=
            (s.values[a * R + r] - mean[a]) * (s.values[b * R + r] - mean[b]);
  return c / static_cast<double>((R - 1) * R);
}

}  // namespace

SmmResult estimate_smm(const SmmProblem& p, const SmmOptions& o) {
  const std::size_t k = p.parameters.size(), m = p.observed.size();
  if (k == 0) throw std::invalid_argument("smm: no parameters");
  if (m < k) throw std::invalid_argument(fmt::format("smm: {} moments cannot identify {} parameters", m, k));
  if (p.standard_error.size() != m) throw std::invalid_argument("smm: one standard error per moment");
  const nlopt::algorithm algorithm = static_cast<nlopt::algorithm>(nlopt_algorithm_from_string(o.algorithm.c_str()));
  if (static_cast<int>(algorithm) < 0) throw std::invalid_argument("smm: unknown NLopt algorithm " + o.algorithm);
  nlopt::opt opt(algorithm, static_cast<unsigned>(k));
  opt.set_lower_bounds(std::vector<double>(k, 0.0));
  opt.set_upper_bounds(std::vector<double>(k, 1.0));
  Objective data{p, o};
  opt.set_min_objective(objective, &data);
  opt.set_xtol_rel(o.xtol_rel);
  opt.set_maxeval(o.max_evaluations);
  opt.set_initial_step(o.initial_step);
  std::vector<double> u(k);
  for (std::size_t j = 0; j < k; ++j)
    u[j] = (p.start[j] - p.parameters[j].low) / (p.parameters[j].high - p.parameters[j].low);
  double best = 0.0;
  SmmResult r;
  try {
    r.status = nlopt_result_to_string(static_cast<nlopt_result>(opt.optimize(u, best)));
  } catch (const nlopt::roundoff_limited&) {
    r.status = "ROUNDOFF_LIMITED";
  }
  r.estimate = to_theta(p, u.data());
  for (std::size_t j = 0; j < k; ++j)
    if (p.parameters[j].integer) r.estimate[j] = std::round(r.estimate[j]);
  r.objective = best;
  r.evaluations = data.evaluations;
  const SimulatedMoments at = p.simulate(r.estimate);
  r.simulated = means(at, m);

  const Eigen::MatrixXd g = jacobian(p, r.estimate, o.jacobian_step);
  Eigen::VectorXd w(static_cast<Eigen::Index>(m));
  Eigen::MatrixXd sigma = simulation_covariance(at, m);
  for (std::size_t i = 0; i < m; ++i) {
    const double se = p.standard_error[i];
    w(static_cast<Eigen::Index>(i)) = 1.0 / (se * se);
    sigma(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) += se * se;
  }
  const Eigen::MatrixXd gw = g.transpose() * w.asDiagonal();
  const Eigen::MatrixXd bread = (gw * g).completeOrthogonalDecomposition().pseudoInverse();
  const Eigen::MatrixXd v = bread * gw * sigma * gw.transpose() * bread;
  for (std::size_t a = 0; a < k; ++a) {
    // A parameter that moves no moment is not identified: its standard error is infinite (the
    // pseudo-inverse would report 0).
    const bool moves = g.col(static_cast<Eigen::Index>(a)).norm() > 0.0;
    r.standard_error.push_back(moves ? std::sqrt(std::max(0.0, v(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(a))))
                                     : std::numeric_limits<double>::infinity());
    for (std::size_t b = 0; b < k; ++b) r.covariance.push_back(v(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)));
  }
  r.evaluations += static_cast<int>(2 * k + 1);
  return r;
}

}  // namespace stosim
