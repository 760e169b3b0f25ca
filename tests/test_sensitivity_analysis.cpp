// Sobol' indices and Morris elementary effects against functions with known sensitivities.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "experiments/sensitivity_analysis.hpp"

using namespace stosim;

namespace {

constexpr double pi = std::numbers::pi;

// Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi].
double ishigami(const double* u) {
  const double a = 7.0, b = 0.1;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

struct Analytic {
  double first[3], total[3];
};
Analytic ishigami_indices() {
  const double a = 7.0, b = 0.1;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = std::pow(b, 2) * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

std::vector<double> evaluate(const std::vector<double>& points, int k, double (*f)(const double*)) {
  std::vector<double> y;
  for (std::size_t r = 0; r * static_cast<std::size_t>(k) < points.size(); ++r)
    y.push_back(f(&points[r * static_cast<std::size_t>(k)]));
  return y;
}

}  // namespace

TEST_CASE("Sobol' indices of the Ishigami function match the analytic ones", "[sensitivity]") {
  const Analytic truth = ishigami_indices();
  const SaltelliDesign design = saltelli_design(3, 16384);
  REQUIRE(design.rows() == 16384u * 5u);
  const SobolIndices s = sobol_indices(design, evaluate(design.points, 3, ishigami), 200, 0.99, 7);
  for (int i = 0; i < 3; ++i) {
    const auto k = static_cast<std::size_t>(i);
    INFO("factor " << i);
    // The analytic value lies inside the 99 % bootstrap interval, widened by a small allowance
    // for the bias of the percentile interval, and the intervals are narrow enough to mean it.
    const double slack = 0.01;
    CHECK(truth.first[i] >= s.first[k].low - slack);
    CHECK(truth.first[i] <= s.first[k].high + slack);
    CHECK(truth.total[i] >= s.total[k].low - slack);
    CHECK(truth.total[i] <= s.total[k].high + slack);
    CHECK(s.first[k].high - s.first[k].low < 0.1);
    CHECK(s.total[k].high - s.total[k].low < 0.1);
  }
  const double variance = 0.5 * std::pow(1 + 0.1 * std::pow(pi, 4) / 5, 2) + 49.0 / 8 +
                          0.01 * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  CHECK(s.variance == Approx(variance).epsilon(0.05));
}

TEST_CASE("The Saltelli design uses Sobol' points: A and B are stratified", "[sensitivity]") {
  const SaltelliDesign d = saltelli_design(2, 64);
  // A Sobol' sequence puts exactly N/2 of the first N points (N a power of two, first skipped
  // only shifts by one) in each half of every coordinate, give or take the skipped origin.
  int lower = 0;
  for (int j = 0; j < 64; ++j) lower += d.points[static_cast<std::size_t>(j) * 2] < 0.5;
  CHECK(std::abs(lower - 32) <= 1);
  // AB_0 takes column 0 from B and column 1 from A.
  CHECK(d.points[(2 * 64 + 5) * 2 + 0] == d.points[(64 + 5) * 2 + 0]);
  CHECK(d.points[(2 * 64 + 5) * 2 + 1] == d.points[5 * 2 + 1]);
}

TEST_CASE("Morris elementary effects of a linear function are its slopes", "[sensitivity]") {
  const MorrisDesign d = morris_design(3, 10, 4, 3);
  REQUIRE(d.rows() == 10u * 4u);
  const auto linear = [](const double* u) { return 2.0 * u[0] - 3.0 * u[1] + 0.0 * u[2]; };
  std::vector<double> y;
  for (std::size_t r = 0; r < d.rows(); ++r) y.push_back(linear(&d.points[r * 3]));
  const MorrisIndices m = morris_indices(d, y, 100, 0.95, 1);
  CHECK(m.mu[0] == Approx(2.0));
  CHECK(m.mu[1] == Approx(-3.0));
  CHECK(m.mu_star[1].estimate == Approx(3.0));
  CHECK(m.mu_star[2].estimate == Approx(0.0).margin(1e-12));
  CHECK(m.sigma[0] == Approx(0.0).margin(1e-9));
  // Every point stays inside the unit cube.
  for (double x : d.points) CHECK((x >= 0.0 && x <= 1.0));
}

TEST_CASE("Morris on Ishigami: x3 acts only through its interaction, x2 is nonlinear", "[sensitivity]") {
  const MorrisDesign d = morris_design(3, 200, 4, 5);
  std::vector<double> y;
  for (std::size_t r = 0; r < d.rows(); ++r) y.push_back(ishigami(&d.points[r * 3]));
  const MorrisIndices m = morris_indices(d, y, 200, 0.95, 2);
  // x3's mean effect is zero (sin x1 is symmetric) but its mu* and sigma are not.
  CHECK(std::abs(m.mu[2]) < 2 * m.sigma[2] / std::sqrt(200.0) * 2);
  CHECK(m.mu_star[2].estimate > 1.0);
  CHECK(m.sigma[2] > 1.0);
  CHECK(m.mu_star[2].low <= m.mu_star[2].estimate);
  CHECK(m.mu_star[2].high >= m.mu_star[2].estimate);
}
