// SMM and ABC-SMC on problems whose answers are known in closed form.
#include <catch2/catch.hpp>

#include <Eigen/Dense>

#include <cmath>
#include <filesystem>
#include <unistd.h>

#include "experiments/abc_smc.hpp"
#include "experiments/smm.hpp"
#include "sim/random.hpp"

using namespace stosim;

namespace {

// A linear model of four moments in two parameters: m(theta) = A theta + noise_r, where the
// noise of replicate r is fixed (common random numbers).
const double A[4][2] = {{1.0, 0.5}, {0.2, 2.0}, {1.5, -1.0}, {0.0, 1.0}};

SimulatedMoments linear_moments(const std::vector<double>& theta, int replicates) {
  SimulatedMoments s{std::vector<double>(4 * static_cast<std::size_t>(replicates)), replicates};
  for (std::size_t m = 0; m < 4; ++m)
    for (int r = 0; r < replicates; ++r) {
      RandomStream noise(StreamKey{5, static_cast<std::uint64_t>(r)}, 0, Purpose::test, m);
      s.values[m * static_cast<std::size_t>(replicates) + static_cast<std::size_t>(r)] =
          A[m][0] * theta[0] + A[m][1] * theta[1] + 0.05 * noise.normal();
    }
  return s;
}

}  // namespace

TEST_CASE("SMM recovers a linear model's least-squares solution and its sandwich standard errors", "[smm]") {
  const int R = 8;
  SmmProblem p;
  p.parameters = {{"a", -5, 5, false}, {"b", -5, 5, false}};
  p.start = {0.0, 0.0};
  p.observed = {1.3, 3.9, 0.1, 1.95};
  p.standard_error = {0.1, 0.2, 0.1, 0.05};
  p.simulate = [&](const std::vector<double>& theta) { return linear_moments(theta, R); };
  const SmmResult r = estimate_smm(p, SmmOptions{});

  // Closed form: weighted least squares on the observed moments minus the mean noise.
  Eigen::MatrixXd a(4, 2);
  Eigen::VectorXd y(4), w(4), noise(4);
  const SimulatedMoments at_zero = linear_moments({0.0, 0.0}, R);
  for (int m = 0; m < 4; ++m) {
    a(m, 0) = A[m][0], a(m, 1) = A[m][1];
    noise(m) = 0;
    for (int k = 0; k < R; ++k) noise(m) += at_zero.values[static_cast<std::size_t>(m * R + k)] / R;
    y(m) = p.observed[static_cast<std::size_t>(m)] - noise(m);
    w(m) = 1.0 / (p.standard_error[static_cast<std::size_t>(m)] * p.standard_error[static_cast<std::size_t>(m)]);
  }
  const Eigen::MatrixXd bread = (a.transpose() * w.asDiagonal() * a).inverse();
  const Eigen::VectorXd theta = bread * a.transpose() * w.asDiagonal() * y;
  CHECK(r.estimate[0] == Approx(theta(0)).margin(1e-3));
  CHECK(r.estimate[1] == Approx(theta(1)).margin(1e-3));
  // With the simulation noise small beside the data's, V is close to (A'WA)^-1.
  CHECK(r.standard_error[0] == Approx(std::sqrt(bread(0, 0))).epsilon(0.1));
  CHECK(r.standard_error[1] == Approx(std::sqrt(bread(1, 1))).epsilon(0.1));
  CHECK(r.standard_error[0] >= std::sqrt(bread(0, 0)) - 1e-9);  // simulation noise adds, never removes
  CHECK(r.evaluations > 5);
}

TEST_CASE("SMM refuses too few moments and unknown algorithms", "[smm]") {
  SmmProblem p;
  p.parameters = {{"a", 0, 1, false}, {"b", 0, 1, false}};
  p.start = {0.5, 0.5};
  p.observed = {1.0};
  p.standard_error = {1.0};
  p.simulate = [](const std::vector<double>&) { return SimulatedMoments{{0.0}, 1}; };
  CHECK_THROWS(estimate_smm(p, SmmOptions{}));
  p.observed = {1.0, 2.0}, p.standard_error = {1.0, 1.0};
  SmmOptions o;
  o.algorithm = "NO_SUCH_ALGORITHM";
  CHECK_THROWS(estimate_smm(p, o));
}

namespace {

// Normal mean with known sd 1, 25 observations: the summary is the sample mean, so the posterior
// under a flat prior is about N(ybar, 1/25) (ABC widens it slightly at a positive tolerance).
AbcProblem normal_mean_problem(double observed_mean) {
  AbcProblem p;
  p.parameters = {{"mu", -5, 5, false}};
  p.distances = [observed_mean](const std::vector<std::vector<double>>& thetas, const std::vector<std::uint64_t>& draws) {
    std::vector<double> d;
    for (std::size_t i = 0; i < thetas.size(); ++i) {
      RandomStream noise(StreamKey{77, draws[i]}, 0, Purpose::test, 0);
      double mean = 0.0;
      for (int j = 0; j < 25; ++j) mean += (thetas[i][0] + noise.normal()) / 25;
      d.push_back(std::abs(mean - observed_mean));
    }
    return d;
  };
  return p;
}

std::string temporary_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + std::to_string(::getpid()) + ".h5")).string();
}

}  // namespace

TEST_CASE("ABC-SMC finds the posterior of a normal mean", "[abc]") {
  AbcOptions o;
  o.particles = 300;
  o.generations = 6;
  o.seed = 3;
  const AbcResult r = run_abc_smc(normal_mean_problem(1.2), o);
  REQUIRE(r.generations.size() == 6u);
  const PosteriorSummary s = summarise(r.generations.back(), 0, 1);
  // Posterior N(1.2, 0.2^2): mean within a few Monte Carlo errors, sd near 0.2.
  CHECK(s.mean == Approx(1.2).margin(0.08));
  CHECK(s.sd > 0.15);
  CHECK(s.sd < 0.35);
  CHECK(s.q05 < 1.2);
  CHECK(s.q95 > 1.2);
  // The tolerance falls from generation to generation.
  for (std::size_t t = 2; t < r.generations.size(); ++t)
    CHECK(r.generations[t].tolerance <= r.generations[t - 1].tolerance);
  double total = 0;
  for (double w : r.generations.back().weights) total += w;
  CHECK(total == Approx(1.0));
}

TEST_CASE("ABC-SMC resumed from its checkpoint equals an uninterrupted run", "[abc]") {
  const std::string path = temporary_path("stosim-abc-resume-");
  std::filesystem::remove(path);
  AbcOptions o;
  o.particles = 60;
  o.seed = 9;
  o.generations = 4;
  const AbcResult whole = run_abc_smc(normal_mean_problem(0.5), o);
  o.checkpoint = path;
  o.generations = 2;
  run_abc_smc(normal_mean_problem(0.5), o);
  CHECK(read_abc_file(path).generations.size() == 2u);
  o.generations = 4;
  int simulated_generations = 0;
  o.progress = [&](int, double, int, double) { ++simulated_generations; };
  const AbcResult resumed = run_abc_smc(normal_mean_problem(0.5), o);
  CHECK(simulated_generations == 2);  // the two saved generations are not run again
  REQUIRE(resumed.generations.size() == 4u);
  CHECK(resumed.generations[3].particles == whole.generations[3].particles);
  CHECK(resumed.generations[3].weights == whole.generations[3].weights);
  CHECK(read_abc_file(path).generations[3].particles == whole.generations[3].particles);
  // Another problem's checkpoint is refused.
  AbcProblem other = normal_mean_problem(0.5);
  other.parameters[0].key = "sigma";
  CHECK_THROWS(run_abc_smc(other, o));
  std::filesystem::remove(path);
}
