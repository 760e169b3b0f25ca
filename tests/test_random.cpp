#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <vector>

#include "sim/random.hpp"

using stosim::Purpose;
using stosim::RandomStream;
using stosim::StreamKey;

namespace {
std::vector<double> draws(StreamKey key, int year, Purpose purpose, std::uint64_t agent, int n) {
  RandomStream rng(key, year, purpose, agent);
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(rng.uniform());
  return out;
}
}  // namespace

TEST_CASE("Random.SameKeySameNumbers", "[random]") {
  const StreamKey key{42, 3};
  CHECK(draws(key, 2020, Purpose::dropout, 17, 9) == draws(key, 2020, Purpose::dropout, 17, 9));
}

TEST_CASE("Random.EveryKeyPartChangesTheNumbers", "[random]") {
  const auto base = draws({42, 3}, 2020, Purpose::dropout, 17, 8);
  CHECK(draws({43, 3}, 2020, Purpose::dropout, 17, 8) != base);  // seed
  CHECK(draws({42, 4}, 2020, Purpose::dropout, 17, 8) != base);  // replicate
  CHECK(draws({42, 3}, 2021, Purpose::dropout, 17, 8) != base);  // year
  CHECK(draws({42, 3}, 2020, Purpose::exam, 17, 8) != base);     // purpose
  CHECK(draws({42, 3}, 2020, Purpose::dropout, 18, 8) != base);  // agent
}

TEST_CASE("Random.UniformMomentsWithinFourSigma", "[random][statistical]") {
  // Mean of U(0,1) is 1/2 with sd sqrt(1/12)/sqrt(n); variance 1/12 with sd sqrt(1/180)/sqrt(n).
  const int n = 200000;
  double sum = 0.0, sum_sq = 0.0;
  for (int agent = 0; agent < n; ++agent) {
    const double u = RandomStream({7, 0}, 2019, Purpose::test, static_cast<std::uint64_t>(agent)).uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum_sq += u * u;
  }
  const double mean = sum / n;
  const double variance = sum_sq / n - mean * mean;
  CHECK(std::abs(mean - 0.5) < 4.0 * std::sqrt(1.0 / 12.0 / n));
  CHECK(std::abs(variance - 1.0 / 12.0) < 4.0 * std::sqrt(1.0 / 180.0 / n));
}

TEST_CASE("Random.NeighbouringStreamsAreUncorrelated", "[random][statistical]") {
  // Pearson correlation of agent a's and agent a+1's first draw; under independence its sd is
  // 1/sqrt(n).
  const int n = 100000;
  double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
  for (int a = 0; a < n; ++a) {
    const double x = RandomStream({7, 0}, 2019, Purpose::test, static_cast<std::uint64_t>(a)).uniform();
    const double y = RandomStream({7, 0}, 2019, Purpose::test, static_cast<std::uint64_t>(a) + 1).uniform();
    sxy += x * y, sx += x, sy += y, sxx += x * x, syy += y * y;
  }
  const double cov = sxy / n - (sx / n) * (sy / n);
  const double r = cov / std::sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
  CHECK(std::abs(r) < 4.0 / std::sqrt(n));
}

TEST_CASE("Random.NormalMomentsWithinFourSigma", "[random][statistical]") {
  const int n = 100000;
  double sum = 0, sum_sq = 0;
  for (int a = 0; a < n; ++a) {
    const double z = RandomStream({11, 1}, 2018, Purpose::test, static_cast<std::uint64_t>(a)).normal();
    sum += z, sum_sq += z * z;
  }
  const double mean = sum / n;
  CHECK(std::abs(mean) < 4.0 / std::sqrt(n));
  // Var(z^2) = 2 for a standard normal.
  CHECK(std::abs(sum_sq / n - 1.0) < 4.0 * std::sqrt(2.0 / n));
}

TEST_CASE("Random.LongStreamCrossesCounterBlocks", "[random]") {
  // More than four draws use further counter blocks; none of them repeats the first block.
  const auto v = draws({1, 0}, 2018, Purpose::test, 0, 12);
  for (int i = 0; i < 4; ++i) {
    CHECK(v[static_cast<std::size_t>(i)] != v[static_cast<std::size_t>(i) + 4]);
    CHECK(v[static_cast<std::size_t>(i)] != v[static_cast<std::size_t>(i) + 8]);
  }
}

TEST_CASE("Random.PartsBeyondTheCounterAreRefused", "[random]") {
  // The counter holds an agent in 32 bits, a year in 20 and a purpose in 12: a larger value
  // would silently share a stream with a smaller one.
  CHECK_NOTHROW(RandomStream({1, 0}, (1 << 20) - 1, Purpose::test, (std::uint64_t{1} << 32) - 1));
  CHECK_THROWS_AS(RandomStream({1, 0}, 2020, Purpose::test, std::uint64_t{1} << 32), std::out_of_range);
  CHECK_THROWS_AS(RandomStream({1, 0}, 1 << 20, Purpose::test, 0), std::out_of_range);
  CHECK_THROWS_AS(RandomStream({1, 0}, -1, Purpose::test, 0), std::out_of_range);
  CHECK_THROWS_AS(RandomStream({1, 0}, 2020, static_cast<Purpose>(1u << 12), 0), std::out_of_range);
}

TEST_CASE("Random.HighSeedBitsChangeTheNumbers", "[random]") {
  // The seed fills the 64-bit key: its upper half counts too.
  const auto base = draws({42, 3}, 2020, Purpose::dropout, 17, 4);
  CHECK(draws({42 + (std::uint64_t{1} << 40), 3}, 2020, Purpose::dropout, 17, 4) != base);
}

namespace {
std::vector<double> stream_draws(RandomStream rng, int n) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(rng.uniform());
  return out;
}
}  // namespace

TEST_CASE("Random.BatchedStreamsAreTheStreams", "[random]") {
  // A stream whose first block was computed in a batch draws what the stream computing its own
  // draws, past the first block too, for every part of the key and any batch size.
  const std::vector<stosim::StreamFamily> families = {
      {{42, 3}, 2020, Purpose::dropout},
      {{42 + (std::uint64_t{1} << 40), 0}, 2031, Purpose::exam},
      {{0xFFFFFFFFFFFFFFFFull, 0xFFFFFFFEull}, (1 << 20) - 1, Purpose::test}};
  for (const stosim::StreamFamily& family : families) {
    for (int count = 1; count <= stosim::StreamBatch::width; ++count) {
      std::vector<std::uint64_t> agents;
      for (int j = 0; j < count; ++j)
        agents.push_back(j == 0 ? 0xFFFFFFFFull : 1000003ull * j + count);
      const stosim::StreamBatch batch(family, agents.data(), count);
      for (int j = 0; j < count; ++j)
        CHECK(stream_draws(batch.stream(j), 9) == stream_draws(family.of(agents[j]), 9));
    }
  }
  std::uint64_t too_large = std::uint64_t{1} << 32;
  CHECK_THROWS_AS(stosim::StreamBatch(families[0], &too_large, 1), std::out_of_range);
}

TEST_CASE("Random.BatchKernelsAgree", "[random]") {
  // Both ways of computing a batch give the same words (the test above checks whichever one this
  // machine uses against the plain streams).
  if (!stosim::StreamBatch::has_avx2()) {
    std::cout << "STOSIM_SKIPPED: this machine has no AVX2, only the scalar kernel runs\n";
    WARN("skipped: no AVX2");
    return;
  }
  const stosim::StreamFamily family{{987654321987ull, 5}, 2024, Purpose::profile_choice};
  std::uint32_t agents[stosim::StreamBatch::width];
  for (std::uint32_t j = 0; j < stosim::StreamBatch::width; ++j) agents[j] = 2654435761u * (j + 1);
  std::uint32_t scalar[4][stosim::StreamBatch::width], avx2[4][stosim::StreamBatch::width];
  stosim::StreamBatch::compute_scalar(family, agents, scalar);
  stosim::StreamBatch::compute_avx2(family, agents, avx2);
  for (int w = 0; w < 4; ++w)
    for (int j = 0; j < stosim::StreamBatch::width; ++j) CHECK(scalar[w][j] == avx2[w][j]);
}
