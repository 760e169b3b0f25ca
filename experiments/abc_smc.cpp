#include "experiments/abc_smc.hpp"

#include <Eigen/Dense>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "sim/atomic_write.hpp"
#include "sim/hdf5_file.hpp"
#include "sim/random.hpp"

namespace stosim {

namespace {

using Eigen::Index;

std::uint64_t draw_id(int generation, std::size_t proposal) {
  return (static_cast<std::uint64_t>(generation) << 32) | static_cast<std::uint64_t>(proposal);
}

AbcGeneration prior_generation(const AbcProblem& p, const AbcOptions& o) {
  const std::size_t k = p.parameters.size(), n = static_cast<std::size_t>(o.particles);
  std::vector<std::vector<double>> thetas;
  std::vector<std::uint64_t> draws;
  for (std::size_t i = 0; i < n; ++i) {
    RandomStream stream(StreamKey{o.seed, 0}, 0, Purpose::abc_prior, i);
    std::vector<double> u(k);
    for (double& x : u) x = stream.uniform();
    thetas.push_back(from_unit(p.parameters, u.data()));
    draws.push_back(draw_id(0, i));
  }
  AbcGeneration g;
  g.tolerance = std::numeric_limits<double>::infinity();
  g.simulations = static_cast<int>(n);
  g.distances = p.distances(thetas, draws);
  for (const auto& theta : thetas) g.particles.insert(g.particles.end(), theta.begin(), theta.end());
  g.weights.assign(n, 1.0 / static_cast<double>(n));
  return g;
}

// The perturbation kernel: Gaussian with twice the weighted covariance of the particles.
struct Kernel {
  Eigen::MatrixXd cholesky;  // lower
  Eigen::MatrixXd precision;
};

Kernel make_kernel(const AbcGeneration& g, const std::vector<ParameterRange>& ranges) {
  const auto k = static_cast<Index>(ranges.size());
  const auto n = static_cast<Index>(g.weights.size());
  const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> x(g.particles.data(), n, k);
  const Eigen::Map<const Eigen::VectorXd> w(g.weights.data(), n);
  const Eigen::RowVectorXd mean = w.transpose() * x;
  const Eigen::MatrixXd centred = x.rowwise() - mean;
  Eigen::MatrixXd cov = 2.0 * centred.transpose() * w.asDiagonal() * centred;
  // A small floor keeps the kernel proper when the particles have collapsed in a direction.
  for (Index j = 0; j < k; ++j) {
    const double range = ranges[static_cast<std::size_t>(j)].high - ranges[static_cast<std::size_t>(j)].low;
    cov(j, j) += 1e-10 * range * range;
  }
  const Eigen::LLT<Eigen::MatrixXd> llt(cov);
  return {llt.matrixL(), llt.solve(Eigen::MatrixXd::Identity(k, k))};
}

bool inside(const std::vector<double>& theta, const std::vector<ParameterRange>& ranges) {
  for (std::size_t j = 0; j < theta.size(); ++j)
    if (theta[j] < ranges[j].low || theta[j] > ranges[j].high) return false;
  return true;
}

std::vector<double> propose(const AbcGeneration& prev, const Kernel& kernel, const std::vector<ParameterRange>& ranges,
                            RandomStream& stream) {
  const std::size_t k = ranges.size(), n = prev.weights.size();
  for (int attempt = 0; attempt < 10000; ++attempt) {
    double u = stream.uniform(), cumulative = 0.0;
    std::size_t j = 0;
    for (; j + 1 < n; ++j) {
      cumulative += prev.weights[j];
      if (u <= cumulative) break;
    }
    Eigen::VectorXd z(static_cast<Index>(k));
    for (Index a = 0; a < z.size(); ++a) z(a) = stream.normal();
    const Eigen::VectorXd step = kernel.cholesky * z;
    std::vector<double> theta(k);
    for (std::size_t a = 0; a < k; ++a) theta[a] = prev.particles[j * k + a] + step(static_cast<Index>(a));
    if (inside(theta, ranges)) return theta;
  }
  throw std::runtime_error("abc-smc: the perturbation kernel keeps leaving the prior's support");
}

std::vector<double> importance_weights(const AbcGeneration& prev, const AbcGeneration& next, const Kernel& kernel,
                                       std::size_t k) {
  const std::size_t n_prev = prev.weights.size(), n = next.distances.size();
  std::vector<double> w(n);
  for (std::size_t i = 0; i < n; ++i) {
    double mixture = 0.0;
    for (std::size_t j = 0; j < n_prev; ++j) {
      Eigen::VectorXd d(static_cast<Index>(k));
      for (std::size_t a = 0; a < k; ++a) d(static_cast<Index>(a)) = next.particles[i * k + a] - prev.particles[j * k + a];
      mixture += prev.weights[j] * std::exp(-0.5 * d.dot(kernel.precision * d));
    }
    w[i] = 1.0 / mixture;  // uniform prior: constant numerator
  }
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  for (double& x : w) x /= total;
  return w;
}

// Generation t, or an empty generation when too few proposals are accepted.
AbcGeneration next_generation(const AbcProblem& p, const AbcOptions& o, const AbcGeneration& prev, int t) {
  const std::size_t k = p.parameters.size(), n = static_cast<std::size_t>(o.particles);
  AbcGeneration g;
  g.tolerance = weighted_quantile(prev.distances, prev.weights, o.quantile);
  const Kernel kernel = make_kernel(prev, p.parameters);
  const double max_simulations = static_cast<double>(n) / o.min_acceptance;
  std::size_t next_proposal = 0;
  while (g.distances.size() < n) {
    if (g.simulations >= max_simulations) return AbcGeneration{g.tolerance, g.simulations, {}, {}, {}};
    // A batch as large as the particles still missing, never smaller than a quarter of them:
    // its size depends on the acceptances so far only, so the result does not depend on threads.
    const std::size_t batch = std::max(n - g.distances.size(), n / 4 + 1);
    std::vector<std::vector<double>> thetas;
    std::vector<std::uint64_t> draws;
    for (std::size_t b = 0; b < batch; ++b, ++next_proposal) {
      RandomStream stream(StreamKey{o.seed, 0}, t, Purpose::abc_proposal, next_proposal);
      thetas.push_back(propose(prev, kernel, p.parameters, stream));
      draws.push_back(draw_id(t, next_proposal));
    }
    const std::vector<double> d = p.distances(thetas, draws);
    g.simulations += static_cast<int>(batch);
    for (std::size_t b = 0; b < batch; ++b) {
      if (d[b] <= g.tolerance) {
        g.particles.insert(g.particles.end(), thetas[b].begin(), thetas[b].end());
        g.distances.push_back(d[b]);
        if (g.distances.size() == n) break;
      }
    }
  }
  g.weights = importance_weights(prev, g, kernel, k);
  return g;
}

void check_same_problem(const AbcResult& saved, const AbcProblem& p, const std::string& path) {
  std::vector<std::string> keys;
  for (const auto& r : p.parameters) keys.push_back(r.key);
  if (saved.keys != keys)
    throw std::runtime_error(fmt::format("{}: the checkpoint holds other parameters; remove it or choose another "
                                         "output to start afresh", path));
}

}  // namespace

double weighted_quantile(std::vector<double> values, std::vector<double> weights, double q) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double cumulative = 0.0;
  for (std::size_t i : order) {
    cumulative += weights[i] / total;
    if (cumulative >= q - 1e-12) return values[i];
  }
  return values[order.back()];
}

PosteriorSummary summarise(const AbcGeneration& g, std::size_t a, std::size_t k) {
  std::vector<double> x;
  for (std::size_t i = 0; i < g.weights.size(); ++i) x.push_back(g.particles[i * k + a]);
  PosteriorSummary s;
  for (std::size_t i = 0; i < x.size(); ++i) s.mean += g.weights[i] * x[i];
  double var = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) var += g.weights[i] * (x[i] - s.mean) * (x[i] - s.mean);
  s.sd = std::sqrt(var);
  s.q05 = weighted_quantile(x, g.weights, 0.05);
  s.q50 = weighted_quantile(x, g.weights, 0.5);
  s.q95 = weighted_quantile(x, g.weights, 0.95);
  return s;
}

AbcResult run_abc_smc(const AbcProblem& p, const AbcOptions& o) {
  if (p.parameters.empty()) throw std::invalid_argument("abc-smc: no parameters");
  if (o.particles < 2) throw std::invalid_argument("abc-smc: at least two particles");
  AbcResult r;
  for (const auto& range : p.parameters) r.keys.push_back(range.key);
  if (!o.checkpoint.empty() && std::filesystem::exists(o.checkpoint)) {
    r = read_abc_file(o.checkpoint);
    check_same_problem(r, p, o.checkpoint);
    if (!r.generations.empty() && r.generations.front().weights.size() != static_cast<std::size_t>(o.particles))
      throw std::runtime_error(fmt::format("{}: the checkpoint has {} particles, not {}", o.checkpoint,
                                           r.generations.front().weights.size(), o.particles));
  }
  while (static_cast<int>(r.generations.size()) < o.generations) {
    const int t = static_cast<int>(r.generations.size());
    AbcGeneration g = t == 0 ? prior_generation(p, o) : next_generation(p, o, r.generations.back(), t);
    if (g.weights.empty()) {
      r.stopped = fmt::format("generation {} accepted fewer than {} of its proposals (tolerance {:.4g})", t,
                              o.min_acceptance, g.tolerance);
      break;
    }
    r.generations.push_back(std::move(g));
    if (!o.checkpoint.empty()) write_abc_file(o.checkpoint, r, o);
    const AbcGeneration& done = r.generations.back();
    if (o.progress)
      o.progress(t, done.tolerance, done.simulations, static_cast<double>(done.weights.size()) / done.simulations);
  }
  return r;
}

void write_abc_file(const std::string& path, const AbcResult& r, const AbcOptions& o) {
  write_atomically(path, [&](const std::string& tmp) {
    h5::write_file(tmp, [&](hid_t file) {
      h5::write_attribute(file, "format", std::string("stosim ABC-SMC posterior"));
      h5::write_attribute(file, "seed", static_cast<std::int64_t>(o.seed));
      h5::write_attribute(file, "particles", static_cast<std::int64_t>(o.particles));
      h5::write_attribute(file, "quantile", o.quantile);
      h5::write_attribute(file, "generations", static_cast<std::int64_t>(r.generations.size()));
      h5::write_strings(file, "parameters", r.keys);
      const auto k = static_cast<hsize_t>(r.keys.size());
      for (std::size_t t = 0; t < r.generations.size(); ++t) {
        const AbcGeneration& g = r.generations[t];
        const h5::Handle group = h5::create_group(file, fmt::format("generation_{:03d}", t));
        const auto n = static_cast<hsize_t>(g.weights.size());
        h5::write_attribute(group.id(), "tolerance", g.tolerance);
        h5::write_attribute(group.id(), "simulations", static_cast<std::int64_t>(g.simulations));
        h5::write_doubles(group.id(), "particles", {n, k}, g.particles.data());
        h5::write_doubles(group.id(), "weights", {n}, g.weights.data());
        h5::write_doubles(group.id(), "distances", {n}, g.distances.data());
      }
    });
  });
}

AbcResult read_abc_file(const std::string& path) {
  const h5::Handle file = h5::open_file(path);
  AbcResult r;
  r.keys = h5::read_strings(file.id(), "parameters");
  const std::int64_t generations = h5::read_int_attribute(file.id(), "generations");
  for (std::int64_t t = 0; t < generations; ++t) {
    const h5::Handle group = h5::open_group(file.id(), fmt::format("generation_{:03d}", t));
    AbcGeneration g;
    std::vector<hsize_t> shape;
    g.particles = h5::read_doubles(group.id(), "particles", shape);
    g.weights = h5::read_doubles(group.id(), "weights", shape);
    g.distances = h5::read_doubles(group.id(), "distances", shape);
    g.simulations = static_cast<int>(h5::read_int_attribute(group.id(), "simulations"));
    const h5::Handle attribute(H5Aopen(group.id(), "tolerance", H5P_DEFAULT), H5Aclose, "open tolerance");
    H5Aread(attribute.id(), H5T_NATIVE_DOUBLE, &g.tolerance);
    r.generations.push_back(std::move(g));
  }
  return r;
}

}  // namespace stosim
