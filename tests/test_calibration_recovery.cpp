// Parameter recovery: the model is run with known values of four parameters, its output is
// written as observed moments, and `stosim calibrate` (SMM and ABC-SMC) is asked to find them.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "experiments/calibrate.hpp"
#include "experiments/model_runs.hpp"
#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> keys = {"dropout.dropout_rate", "dropout.leaving_rate",
                                       "mbo_transition.technical_from_technical_profile", "mbo_transition.technical_from_tl"};
const std::vector<double> truth = {0.014, 0.02, 0.70, 0.16};
const std::vector<std::string> indicators = {"dropped_out,national,,", "left,national,,",
                                             "mbo_technical_share,national,,technical_profile",
                                             "mbo_technical_share,national,,tl"};
const int observed_replicates = 32;
const std::string small_world = "  population.scale: 0.02\n  end_year: 2021\n";

struct Workspace {
  fs::path dir = fs::temp_directory_path() / ("stosim-recovery-" + std::to_string(::getpid()));
  Workspace() { fs::create_directories(dir); }
  ~Workspace() { fs::remove_all(dir); }
};

// The "observed" data: the mean of 32 replicates (not those the calibration simulates) at the
// true values, with the standard error of that mean (32, so that the standard errors themselves
// are estimated well: they weight the moments).
void write_observed(const fs::path& path) {
  Scenario s = load_scenario("baseline", {{"population.scale", "0.02"}, {"end_year", "2021"}});
  std::vector<OutputTarget> targets;
  for (const std::string& indicator : indicators)
    for (int year = 2019; year <= 2021; ++year) targets.push_back(parse_target(indicator + "," + std::to_string(year), "test"));
  EvaluationOptions eval;
  eval.replicates = observed_replicates;
  eval.first_replicate = 500;
  std::vector<PointValues> values;
  with_threads(2, [&] { values = evaluate_points(s, keys, {truth}, targets, eval); });
  std::ofstream out(path);
  out << "indicator,level,unit,category,year,value,standard_error\n";
  for (std::size_t t = 0; t < targets.size(); ++t) {
    double mean = 0, sq = 0;
    const auto R = static_cast<std::size_t>(observed_replicates);
    for (std::size_t r = 0; r < R; ++r) mean += values[0][t * R + r] / static_cast<double>(R);
    for (std::size_t r = 0; r < R; ++r) sq += std::pow(values[0][t * R + r] - mean, 2);
    out << targets[t].label() << "," << mean << "," << std::sqrt(sq / static_cast<double>((R - 1) * R)) << "\n";
  }
}

void write_spec(const fs::path& path, const std::string& method, const std::string& output) {
  std::ofstream out(path);
  out << "scenario: baseline\nset:\n" << small_world << "observed: observed.csv\nmethod: " << method << "\n"
      << "parameters:\n"
      << "  - {key: dropout.dropout_rate, low: 0.002, high: 0.03}\n"
      << "  - {key: dropout.leaving_rate, low: 0.005, high: 0.04}\n"
      << "  - {key: mbo_transition.technical_from_technical_profile, low: 0.4, high: 0.95}\n"
      << "  - {key: mbo_transition.technical_from_tl, low: 0.02, high: 0.3}\n"
      << "replicates: " << (method == "smm" ? 16 : 2) << "\nthreads: 2\nseed: 4\n"
      << "abc: {particles: 80, generations: 6, quantile: 0.5}\n"
      << "output: " << output << "\n";
}

}  // namespace

// Within four standard errors, not two: over 13 draws of the observed data (first_replicate 100 to
// 1300) with 16 simulated replicates, technical_from_technical_profile's estimate spread with a
// standard deviation of 0.0065 around 0.710 (truth 0.70) where SMM reported 0.006 for all its
// error, |z| up to 3.6 (2026-11-28). The fixed simulated draw shifts every estimate alike, and the
// derivative-free search on a piecewise-constant objective (common random numbers) adds its own
// error; neither is in the sandwich. A broken estimator misses by far more.
TEST_CASE("SMM recovers four known parameters within four standard errors", "[calibration][recovery]") {
  const Workspace w;
  write_observed(w.dir / "observed.csv");
  write_spec(w.dir / "cal.yaml", "smm", (w.dir / "smm.csv").string());
  const CalibrationOutcome out = run_calibration(load_calibration_spec((w.dir / "cal.yaml").string()), {});
  for (std::size_t i = 0; i < keys.size(); ++i) {
    INFO(keys[i] << ": estimate " << out.estimate[i] << " se " << out.standard_error[i] << " truth " << truth[i]);
    CHECK(std::abs(out.estimate[i] - truth[i]) <= 4 * out.standard_error[i]);
    CHECK(out.standard_error[i] > 0.0);
    CHECK(out.standard_error[i] < 0.25 * truth[i]);  // the data pin it down
  }
  CHECK(fs::exists(w.dir / "smm.csv"));
}

TEST_CASE("ABC-SMC recovers four known parameters inside the 90 % posterior intervals", "[calibration][recovery][statistical][heavy]") {
  const Workspace w;
  write_observed(w.dir / "observed.csv");
  write_spec(w.dir / "cal.yaml", "abc", (w.dir / "posterior.h5").string());
  const CalibrationOutcome out = run_calibration(load_calibration_spec((w.dir / "cal.yaml").string()), {});
  const double prior_width[] = {0.028, 0.035, 0.55, 0.28};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    INFO(keys[i] << ": 90 % interval " << out.q05[i] << " - " << out.q95[i] << " truth " << truth[i]);
    CHECK(out.q05[i] <= truth[i]);
    CHECK(truth[i] <= out.q95[i]);
    CHECK(out.q95[i] - out.q05[i] < 0.6 * prior_width[i]);  // narrower than the prior
  }
  CHECK(read_abc_file((w.dir / "posterior.h5").string()).generations.size() == 6u);
}
