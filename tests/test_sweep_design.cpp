// Designs on the unit cube and the sweep file's designs (experiments/design.hpp, sweep_spec.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "experiments/abc_smc.hpp"
#include "experiments/design.hpp"
#include "experiments/sweep_spec.hpp"
#include "sweep_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

TEST_CASE("A Latin hypercube puts one point in each stratum of every dimension", "[sweep][design]") {
  const int n = 17, d = 3;
  const UnitPoints points = latin_hypercube(n, d, 5);
  REQUIRE(points.size() == 17);
  for (int k = 0; k < d; ++k) {
    std::set<int> strata;
    for (const auto& p : points) {
      REQUIRE(p[static_cast<std::size_t>(k)] >= 0.0);
      REQUIRE(p[static_cast<std::size_t>(k)] < 1.0);
      strata.insert(static_cast<int>(p[static_cast<std::size_t>(k)] * n));
    }
    CHECK(strata.size() == static_cast<std::size_t>(n));
  }
  CHECK(latin_hypercube(n, d, 5) == points);
  CHECK(latin_hypercube(n, d, 6) != points);
}

TEST_CASE("Sobol points are Boost's sequence after the origin", "[sweep][design]") {
  const UnitPoints points = sobol_sequence(4, 2);
  CHECK(points[0] == std::vector<double>{0.5, 0.5});
  CHECK(points[1] == std::vector<double>{0.75, 0.25});
  CHECK(points[2] == std::vector<double>{0.25, 0.75});
  CHECK(points[3] == std::vector<double>{0.375, 0.375});
}

TEST_CASE("A full factorial lists every combination, the last factor fastest", "[sweep][design]") {
  const auto combinations = full_factorial({2, 3});
  REQUIRE(combinations.size() == 6);
  CHECK(combinations[0] == std::vector<std::size_t>{0, 0});
  CHECK(combinations[1] == std::vector<std::size_t>{0, 1});
  CHECK(combinations[5] == std::vector<std::size_t>{1, 2});
}

namespace {

const std::string base = R"(name: t
scenario: baseline
set:
  population.scale: 0.02
  end_year: 2020
replicates: 2
summaries:
  - indicator: technical_share_bovenbouw
)";

std::string sweep_file(const std::string& name, const std::string& text) {
  static const auto dir = scratch_dir("design");
  return write_text(dir / name, text);
}

// The messages of the ScenarioError that loading `text` raises (empty when it loads).
std::string load_errors(const std::string& text) {
  try {
    load_sweep(sweep_file("bad.yaml", text));
  } catch (const ScenarioError& e) {
    std::string all;
    for (const auto& m : e.messages()) all += m + "\n";
    return all;
  }
  return {};
}

}  // namespace

TEST_CASE("A grid crosses every key's values, scenarios included", "[sweep][design]") {
  const SweepSpec spec = load_sweep(sweep_file("grid.yaml", base + R"(design:
  type: grid
  parameters:
    profile_choice.beta_distance: [-0.3, -0.2, -0.1]
    scenario: [baseline, no_sto]
)"));
  REQUIRE(spec.runs.size() == 6);
  CHECK(spec.varied_keys == std::vector<std::string>{"profile_choice.beta_distance", "scenario"});
  CHECK(spec.runs[1].scenario == "no_sto");
  CHECK(spec.scenario(1).model.profile_choice.beta_distance == -0.3);
  CHECK(spec.scenario(5).model.profile_choice.beta_distance == -0.1);
  CHECK(spec.scenario(5).name == "no_sto");
  CHECK(spec.scenario(5).population.scale == 0.02);
  CHECK(spec.replicates == 2);
  CHECK(spec.populations == 1);  // neither key changes the population
}

TEST_CASE("Sampled designs map the unit cube onto each key's range", "[sweep][design]") {
  for (const std::string type : {"latin_hypercube", "sobol"}) {
    const SweepSpec spec = load_sweep(sweep_file("lhs.yaml", base + "design:\n  type: " + type + R"(
  points: 8
  parameters:
    profile_choice.beta_distance: {min: -0.4, max: -0.1}
    programme_viability.min_students: {min: 5, max: 9}
)"));
    REQUIRE(spec.runs.size() == 8);
    std::set<int> minimum;
    for (std::size_t r = 0; r < spec.runs.size(); ++r) {
      const Scenario s = spec.scenario(r);
      CHECK(s.model.profile_choice.beta_distance >= -0.4);
      CHECK(s.model.profile_choice.beta_distance < -0.1);
      CHECK(s.model.programme_viability.min_students >= 5);
      CHECK(s.model.programme_viability.min_students <= 9);
      minimum.insert(s.model.programme_viability.min_students);
    }
    CHECK(minimum.size() == 5);  // 8 points over 5 whole numbers reach every one of them
  }
}

TEST_CASE("A list design runs the points as written", "[sweep][design]") {
  const SweepSpec spec = load_sweep(sweep_file("list.yaml", base + R"(design:
  type: list
  points:
    - {scenario: baseline}
    - {scenario: no_sto, programme_viability: {min_students: 20}}
)"));
  REQUIRE(spec.runs.size() == 2);
  CHECK(spec.scenario(0).name == "baseline");
  CHECK(spec.scenario(1).model.programme_viability.min_students == 20);
  CHECK(spec.runs[0].values == std::vector<std::string>{"baseline", ""});
}

TEST_CASE("Sweep files are checked like scenarios: file, line and key", "[sweep][design]") {
  CHECK(load_errors(base + "desing: {}\n").find("bad.yaml:9: desing: unknown key") != std::string::npos);
  CHECK(load_errors(base + "design: {type: grd}\n").find("bad.yaml:9: design.type: expected list, grid") !=
        std::string::npos);
  CHECK(load_errors(base + "design:\n  type: grid\n  parameters:\n    profile_choice.beta_distanse: [1]\n")
            .find("bad.yaml:12: design.parameters.profile_choice.beta_distanse: not a scenario key") != std::string::npos);
  // A value the scenario rejects is reported at the line of the sweep file that set it.
  const std::string range = load_errors(base + "design:\n  type: grid\n  parameters:\n    population.scale: [0.02, 99]\n");
  CHECK(range.find("bad.yaml:12: population.scale: value 99 is out of range") != std::string::npos);
  CHECK(load_errors(base + "design:\n  type: sobol\n  points: 4\n  parameters:\n    scenario: {min: 0, max: 1}\n")
            .find("design.parameters.scenario: scenarios cannot be sampled") != std::string::npos);
  CHECK(load_errors(base + "  - indicator: studnets\n").find("bad.yaml:9: summaries[1].indicator") != std::string::npos);
  CHECK(load_errors(base + "  - {indicator: technical_share_year3}\n").find("name its leerweg") != std::string::npos);
  CHECK(load_errors(base + "  - {indicator: students, years: 2031}\n").find("year 2031 is outside") != std::string::npos);
  // Regions differ between populations: region summaries cannot be compared across them.
  CHECK(load_errors(base + "  - {indicator: students, level: region}\ndesign:\n  type: grid\n  parameters:\n"
                           "    population.scale: [0.02, 0.03]\n")
            .find("only national summaries") != std::string::npos);
  CHECK(load_errors(base + "design:\n  type: grid\n  parameters:\n    replicates: [1, 2]\n")
            .find("replicates cannot vary") != std::string::npos);
}

TEST_CASE("A posterior design draws parameter sets by weight, each under every scenario", "[sweep][design]") {
  // A posterior of three particles; the last generation gives particle 2 no weight.
  AbcResult posterior;
  posterior.keys = {"dropout.dropout_rate", "programme_viability.min_students"};
  AbcGeneration first, last;
  first.particles = {0.01, 10, 0.02, 11, 0.03, 12};
  first.weights = {0.0, 0.0, 1.0};
  last.particles = {0.011, 20.4, 0.022, 21.6, 0.033, 22.0};
  last.weights = {0.25, 0.75, 0.0};
  first.distances = last.distances = {1, 1, 1};
  posterior.generations = {first, last};
  // Beside the sweep files (the scratch directory is made on first use).
  const std::string file =
      (std::filesystem::path(sweep_file("posterior_beside.yaml", "")).parent_path() / "posterior.h5").string();
  write_abc_file(file, posterior, AbcOptions{});
  const SweepSpec spec = load_sweep(sweep_file("posterior.yaml", base + "design:\n  type: posterior\n  file: " + file + R"(
  points: 200
  seed: 3
  scenarios: [baseline, no_sto]
)"));
  REQUIRE(spec.runs.size() == 400);
  CHECK(spec.varied_keys ==
        std::vector<std::string>{"scenario", "dropout.dropout_rate", "programme_viability.min_students"});
  int second = 0;
  for (std::size_t r = 0; r < spec.runs.size(); r += 2) {
    const Scenario a = spec.scenario(r), b = spec.scenario(r + 1);
    CHECK(a.name == "baseline");
    CHECK(b.name == "no_sto");
    // The pair shares its draw; only the last generation's weighted particles appear.
    CHECK(a.model.dropout.dropout_rate == b.model.dropout.dropout_rate);
    const double rate = a.model.dropout.dropout_rate;
    REQUIRE((rate == 0.011 || rate == 0.022));
    CHECK(a.model.programme_viability.min_students == (rate == 0.011 ? 20 : 22));  // whole numbers rounded
    second += rate == 0.022;
  }
  // 200 draws at p = 0.75: the count lies within 4 binomial standard deviations (6.1) of 150.
  CHECK(std::abs(second - 150) <= 25);
  CHECK(load_errors(base + "design:\n  type: posterior\n  file: nowhere.h5\n  points: 2\n")
            .find("bad.yaml:11: design.file: cannot read it as an ABC-SMC posterior") != std::string::npos);
  CHECK(load_errors(base + "design:\n  type: posterior\n  file: " + file + "\n  points: 2\n  parameters: {}\n")
            .find("design.parameters: unknown key (type, file, points, seed, scenarios)") != std::string::npos);
}
