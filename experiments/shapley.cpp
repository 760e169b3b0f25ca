#include "experiments/shapley.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "sim/random.hpp"

namespace stosim {

namespace {

// w[k] = k!(m-k-1)!/m!, the weight of a coalition of size k among m players.
std::vector<double> shapley_weights(int m) {
  std::vector<double> w(static_cast<std::size_t>(std::max(m, 1)));
  for (int k = 0; k < m; ++k)
    w[static_cast<std::size_t>(k)] =
        std::exp(std::lgamma(k + 1.0) + std::lgamma(m - k + 0.0) - std::lgamma(m + 1.0));
  return w;
}

}  // namespace

ShapleyResult exact_shapley(const CoalitionValues& v, int n) {
  if (n < 1 || n > 20) throw std::invalid_argument("exact_shapley: between 1 and 20 players");
  const std::uint32_t all = (std::uint32_t{1} << n);
  if (v.size() != all)
    throw std::invalid_argument("exact_shapley: expected " + std::to_string(all) + " coalition values");
  const auto N = static_cast<std::size_t>(n);
  ShapleyResult r{std::vector<double>(N, 0.0), std::vector<double>(N, 0.0), std::vector<double>(N * N, 0.0)};
  const std::vector<double> w = shapley_weights(n);
  const std::vector<double> w2 = shapley_weights(n - 1);  // for pairs: |S|!(n-|S|-2)!/(n-1)!
  for (std::uint32_t s = 0; s < all; ++s) {
    const int size = std::popcount(s);
    for (int i = 0; i < n; ++i) {
      const std::uint32_t bi = std::uint32_t{1} << i;
      if (s & bi) continue;
      r.value[static_cast<std::size_t>(i)] += w[static_cast<std::size_t>(size)] * (v[s | bi] - v[s]);
      for (int j = i + 1; j < n; ++j) {
        const std::uint32_t bj = std::uint32_t{1} << j;
        if (s & bj) continue;
        const double d = v[s | bi | bj] - v[s | bi] - v[s | bj] + v[s];
        const double term = w2[static_cast<std::size_t>(size)] * d;
        r.interaction[static_cast<std::size_t>(i) * N + static_cast<std::size_t>(j)] += term;
        r.interaction[static_cast<std::size_t>(j) * N + static_cast<std::size_t>(i)] += term;
      }
    }
  }
  for (int i = 0; i < n; ++i) r.alone[static_cast<std::size_t>(i)] = v[std::uint32_t{1} << i] - v[0];
  return r;
}

SampledShapley sampled_shapley(const std::function<double(std::uint32_t)>& worth, int n, int orderings,
                               std::uint64_t seed) {
  if (n < 1 || n > 31) throw std::invalid_argument("sampled_shapley: between 1 and 31 players");
  if (orderings < 2) throw std::invalid_argument("sampled_shapley: at least two orderings");
  const auto N = static_cast<std::size_t>(n);
  std::vector<double> sum(N, 0.0), sum_sq(N, 0.0);
  std::vector<int> order(N);
  const int pairs = (orderings + 1) / 2;
  for (int k = 0; k < pairs; ++k) {
    // A uniformly random ordering (Fisher-Yates); its reverse is the antithetic partner.
    RandomStream stream(StreamKey{seed, 0}, k, Purpose::shapley_ordering, 0);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = N - 1; i > 0; --i) std::swap(order[i], order[stream.below(i + 1)]);
    std::vector<double> pair_mean(N, 0.0);
    for (int pass = 0; pass < 2; ++pass) {
      std::uint32_t s = 0;
      double before = worth(s);
      for (std::size_t step = 0; step < N; ++step) {
        const int player = order[pass == 0 ? step : N - 1 - step];
        s |= std::uint32_t{1} << player;
        const double after = worth(s);
        pair_mean[static_cast<std::size_t>(player)] += 0.5 * (after - before);
        before = after;
      }
    }
    for (std::size_t i = 0; i < N; ++i) sum[i] += pair_mean[i], sum_sq[i] += pair_mean[i] * pair_mean[i];
  }
  SampledShapley r{std::vector<double>(N), std::vector<double>(N)};
  for (std::size_t i = 0; i < N; ++i) {
    r.value[i] = sum[i] / pairs;
    const double var = pairs > 1 ? (sum_sq[i] - pairs * r.value[i] * r.value[i]) / (pairs - 1) : 0.0;
    r.standard_error[i] = std::sqrt(std::max(var, 0.0) / pairs);
  }
  return r;
}

}  // namespace stosim
