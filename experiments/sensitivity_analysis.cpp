#include "experiments/sensitivity_analysis.hpp"

#include <boost/random/sobol.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "sim/random.hpp"

namespace stosim {

namespace {

double unit_coordinate(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (position - static_cast<double>(below)) * (values[above] - values[below]);
}

Interval percentile_interval(double estimate, const std::vector<double>& replicates, double confidence) {
  const double tail = (1.0 - confidence) / 2.0;
  return {estimate, quantile(replicates, tail), quantile(replicates, 1.0 - tail)};
}

// Indices of one bootstrap resample of n items (the identity for resample -1).
std::vector<std::size_t> resample(std::size_t n, int which, std::uint64_t seed) {
  std::vector<std::size_t> rows(n);
  if (which < 0) {
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    return rows;
  }
  RandomStream stream(StreamKey{seed, 0}, which, Purpose::bootstrap, 0);
  for (auto& r : rows) r = stream.below(n);
  return rows;
}

struct Jansen {
  std::vector<double> first, total;
};

// Jansen's estimators over the base rows `rows`; y holds the outputs in design order.
Jansen jansen(const std::vector<double>& y, std::size_t n, int k, const std::vector<std::size_t>& rows) {
  double mean = 0.0;
  for (std::size_t j : rows) mean += y[j] + y[n + j];
  mean /= 2.0 * static_cast<double>(rows.size());
  double variance = 0.0;
  for (std::size_t j : rows) variance += (y[j] - mean) * (y[j] - mean) + (y[n + j] - mean) * (y[n + j] - mean);
  variance /= 2.0 * static_cast<double>(rows.size()) - 1.0;
  Jansen out{std::vector<double>(static_cast<std::size_t>(k)), std::vector<double>(static_cast<std::size_t>(k))};
  for (int i = 0; i < k; ++i) {
    const std::size_t ab = (2 + static_cast<std::size_t>(i)) * n;
    double first = 0.0, total = 0.0;
    for (std::size_t j : rows) {
      const double b_minus_ab = y[n + j] - y[ab + j];
      const double a_minus_ab = y[j] - y[ab + j];
      first += b_minus_ab * b_minus_ab;
      total += a_minus_ab * a_minus_ab;
    }
    const double m = 2.0 * static_cast<double>(rows.size());
    out.first[static_cast<std::size_t>(i)] = (variance - first / m) / variance;
    out.total[static_cast<std::size_t>(i)] = (total / m) / variance;
  }
  return out;
}

}  // namespace

SaltelliDesign saltelli_design(int k, int n) {
  if (k < 1 || k > 500) throw std::invalid_argument("saltelli_design: between 1 and 500 factors");
  if (n < 2) throw std::invalid_argument("saltelli_design: at least 2 base samples");
  const auto K = static_cast<std::size_t>(k), N = static_cast<std::size_t>(n);
  boost::random::sobol sequence(2 * K);
  sequence.discard(2 * K);  // the first point is the origin
  std::vector<double> a(N * K), b(N * K);
  for (std::size_t j = 0; j < N; ++j) {
    for (std::size_t i = 0; i < K; ++i) a[j * K + i] = unit_coordinate(sequence());
    for (std::size_t i = 0; i < K; ++i) b[j * K + i] = unit_coordinate(sequence());
  }
  SaltelliDesign d{k, n, {}};
  d.points.reserve(N * K * (K + 2));
  d.points.insert(d.points.end(), a.begin(), a.end());
  d.points.insert(d.points.end(), b.begin(), b.end());
  for (std::size_t i = 0; i < K; ++i)
    for (std::size_t j = 0; j < N; ++j)
      for (std::size_t c = 0; c < K; ++c) d.points.push_back(c == i ? b[j * K + c] : a[j * K + c]);
  return d;
}

SobolIndices sobol_indices(const SaltelliDesign& d, const std::vector<double>& y, int resamples, double confidence,
                           std::uint64_t seed) {
  const auto N = static_cast<std::size_t>(d.base_samples);
  if (y.size() != d.rows()) throw std::invalid_argument("sobol_indices: one output per design row expected");
  const Jansen estimate = jansen(y, N, d.factors, resample(N, -1, seed));
  const auto K = static_cast<std::size_t>(d.factors);
  std::vector<std::vector<double>> first(K), total(K);
  for (int b = 0; b < resamples; ++b) {
    const Jansen boot = jansen(y, N, d.factors, resample(N, b, seed));
    for (std::size_t i = 0; i < K; ++i) first[i].push_back(boot.first[i]), total[i].push_back(boot.total[i]);
  }
  SobolIndices out;
  for (std::size_t i = 0; i < K; ++i) {
    out.first.push_back(percentile_interval(estimate.first[i], first[i], confidence));
    out.total.push_back(percentile_interval(estimate.total[i], total[i], confidence));
  }
  double mean = 0.0, sq = 0.0;
  for (std::size_t j = 0; j < 2 * N; ++j) mean += y[j];
  mean /= 2.0 * static_cast<double>(N);
  for (std::size_t j = 0; j < 2 * N; ++j) sq += (y[j] - mean) * (y[j] - mean);
  out.variance = sq / (2.0 * static_cast<double>(N) - 1.0);
  return out;
}

MorrisDesign morris_design(int k, int r, int p, std::uint64_t seed) {
  if (k < 1) throw std::invalid_argument("morris_design: at least one factor");
  if (r < 2) throw std::invalid_argument("morris_design: at least two trajectories");
  if (p < 2 || p % 2 != 0) throw std::invalid_argument("morris_design: an even number of levels >= 2");
  const auto K = static_cast<std::size_t>(k);
  MorrisDesign d{k, r, p, p / (2.0 * (p - 1)), {}, {}, {}};
  const double grid = 1.0 / (p - 1);
  for (int t = 0; t < r; ++t) {
    RandomStream stream(StreamKey{seed, 0}, t, Purpose::morris_design, 0);
    // Base point on the grid {0, 1/(p-1), ...}, chosen so that a step of +delta or -delta stays
    // inside [0, 1]: a level in the lower half steps up, one in the upper half steps down.
    std::vector<double> x(K);
    std::vector<int> direction(K);
    for (std::size_t i = 0; i < K; ++i) {
      x[i] = static_cast<double>(stream.below(static_cast<std::uint64_t>(p))) * grid;
      direction[i] = x[i] + d.delta <= 1.0 + 1e-12 ? 1 : -1;
    }
    std::vector<int> order(K);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = K - 1; i > 0; --i) std::swap(order[i], order[stream.below(i + 1)]);
    d.points.insert(d.points.end(), x.begin(), x.end());
    for (std::size_t s = 0; s < K; ++s) {
      const auto i = static_cast<std::size_t>(order[s]);
      x[i] += direction[i] * d.delta;
      d.points.insert(d.points.end(), x.begin(), x.end());
      d.moved.push_back(order[s]);
      d.sign.push_back(direction[i]);
    }
  }
  return d;
}

namespace {

// Elementary effects [trajectory][factor].
std::vector<std::vector<double>> elementary_effects(const MorrisDesign& d, const std::vector<double>& y) {
  const auto K = static_cast<std::size_t>(d.factors);
  std::vector<std::vector<double>> ee(static_cast<std::size_t>(d.trajectories), std::vector<double>(K));
  for (std::size_t t = 0; t < ee.size(); ++t)
    for (std::size_t s = 0; s < K; ++s) {
      const std::size_t row = t * (K + 1) + s;
      const std::size_t step = t * K + s;
      ee[t][static_cast<std::size_t>(d.moved[step])] = (y[row + 1] - y[row]) / (d.sign[step] * d.delta);
    }
  return ee;
}

double mean_abs(const std::vector<std::vector<double>>& ee, std::size_t i, const std::vector<std::size_t>& rows) {
  double sum = 0.0;
  for (std::size_t t : rows) sum += std::abs(ee[t][i]);
  return sum / static_cast<double>(rows.size());
}

}  // namespace

MorrisIndices morris_indices(const MorrisDesign& d, const std::vector<double>& y, int resamples, double confidence,
                             std::uint64_t seed) {
  if (y.size() != d.rows()) throw std::invalid_argument("morris_indices: one output per design row expected");
  const auto ee = elementary_effects(d, y);
  const auto K = static_cast<std::size_t>(d.factors);
  const auto R = static_cast<std::size_t>(d.trajectories);
  MorrisIndices out{std::vector<double>(K), std::vector<double>(K), {}};
  const std::vector<std::size_t> all = resample(R, -1, seed);
  for (std::size_t i = 0; i < K; ++i) {
    double sum = 0.0, sq = 0.0;
    for (std::size_t t = 0; t < R; ++t) sum += ee[t][i];
    out.mu[i] = sum / static_cast<double>(R);
    for (std::size_t t = 0; t < R; ++t) sq += (ee[t][i] - out.mu[i]) * (ee[t][i] - out.mu[i]);
    out.sigma[i] = std::sqrt(sq / static_cast<double>(R - 1));
    std::vector<double> boot;
    for (int b = 0; b < resamples; ++b) boot.push_back(mean_abs(ee, i, resample(R, b, seed)));
    out.mu_star.push_back(percentile_interval(mean_abs(ee, i, all), boot, confidence));
  }
  return out;
}

}  // namespace stosim
