// Shapley values on games whose values are known in closed form.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "experiments/shapley.hpp"

using namespace stosim;

namespace {

// Additive weights plus a synergy c shared by players 0 and 1 and a three-way term d of 2, 3, 4.
double synergy_game(std::uint32_t s) {
  const double w[5] = {1.0, -2.0, 0.5, 3.0, 0.25};
  double v = 0.0;
  for (int i = 0; i < 5; ++i)
    if (s >> i & 1u) v += w[i];
  if ((s & 0b11u) == 0b11u) v += 1.2;        // c
  if ((s & 0b11100u) == 0b11100u) v -= 0.9;  // d
  return v;
}

CoalitionValues tabulate(int n, double (*game)(std::uint32_t)) {
  CoalitionValues v(std::size_t{1} << n);
  for (std::uint32_t s = 0; s < v.size(); ++s) v[s] = game(s);
  return v;
}

}  // namespace

TEST_CASE("Shapley values of a game with pair and triple synergies", "[shapley]") {
  const ShapleyResult r = exact_shapley(tabulate(5, synergy_game), 5);
  // A synergy is split equally among the players that create it.
  CHECK(r.value[0] == Approx(1.0 + 0.6));
  CHECK(r.value[1] == Approx(-2.0 + 0.6));
  CHECK(r.value[2] == Approx(0.5 - 0.3));
  CHECK(r.value[3] == Approx(3.0 - 0.3));
  CHECK(r.value[4] == Approx(0.25 - 0.3));
  // Efficiency: the values add up to v(N) - v(empty).
  CHECK(std::accumulate(r.value.begin(), r.value.end(), 0.0) == Approx(synergy_game(31) - synergy_game(0)));
  CHECK(r.alone[0] == Approx(1.0));
  // The pair interaction index is the pair's synergy; for a three-way term it is d/2 per pair.
  CHECK(r.interaction[0 * 5 + 1] == Approx(1.2));
  CHECK(r.interaction[1 * 5 + 0] == Approx(1.2));
  CHECK(r.interaction[2 * 5 + 3] == Approx(-0.45));
  CHECK(r.interaction[0 * 5 + 2] == Approx(0.0).margin(1e-12));
}

TEST_CASE("Shapley values of the glove game", "[shapley]") {
  // Player 0 holds a left glove, players 1 and 2 right gloves; a pair is worth 1.
  CoalitionValues v(8);
  for (std::uint32_t s = 0; s < 8; ++s) v[s] = (s & 1u) && (s & 6u) ? 1.0 : 0.0;
  const ShapleyResult r = exact_shapley(v, 3);
  CHECK(r.value[0] == Approx(2.0 / 3.0));
  CHECK(r.value[1] == Approx(1.0 / 6.0));
  CHECK(r.value[2] == Approx(1.0 / 6.0));
}

TEST_CASE("Sampled Shapley values agree with the exact ones within their standard errors", "[shapley]") {
  const ShapleyResult exact = exact_shapley(tabulate(5, synergy_game), 5);
  const SampledShapley sampled = sampled_shapley(synergy_game, 5, 400, 11);
  for (int i = 0; i < 5; ++i) {
    const auto k = static_cast<std::size_t>(i);
    CHECK(std::abs(sampled.value[k] - exact.value[k]) <= 4 * sampled.standard_error[k] + 1e-12);
  }
  // An ordering and its reverse cancel a pair synergy exactly, but not the three-way term: the
  // errors of players 2-4 are not zero.
  CHECK(sampled.standard_error[0] == Approx(0.0).margin(1e-12));
  CHECK(sampled.standard_error[2] > 0.0);
  CHECK_THROWS(exact_shapley(CoalitionValues(7), 3));
}
