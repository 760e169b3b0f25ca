// The report's statistics and data (output/statistics.cpp, output/report*.cpp), the names of
// regions, and the map coordinates of a run file. The page in a browser: report_in_browser.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "cli_helpers.hpp"
#include "output/report.hpp"
#include "output/statistics.hpp"
#include "population/region_names.hpp"
#include "run/run_file.hpp"
#include "run/scenario.hpp"
#include "run/simulation.hpp"
#include "sim/data_error.hpp"
#include "sim/hdf5_file.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace stosim;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Small runs (scale 0.05, 3 replicates, 2018-2022) written once per test process and removed
// at its end.
class RunFiles {
 public:
  std::string get(const std::string& scenario, std::vector<Override> extra = {}) {
    const fs::path path = fs::temp_directory_path() /
                          fmt::format("stosim_report_{}_{}_{}.h5", ::getpid(), scenario, extra.size());
    if (!fs::exists(path)) {
      extra.insert(extra.end(), {{"population.scale", "0.05"}, {"replicates", "3"}, {"end_year", "2022"}});
      RunOptions options;
      options.threads = 2;
      write_run_file(path.string(), run_scenario(load_scenario(scenario, extra), options));
      made_.push_back(path);
    }
    return path.string();
  }
  ~RunFiles() {
    for (const fs::path& p : made_) fs::remove(p);
  }

 private:
  std::vector<fs::path> made_;
};

std::string run_file(const std::string& scenario, std::vector<Override> extra = {}) {
  static RunFiles files;
  return files.get(scenario, std::move(extra));
}

const json& items_of(const json& data, const std::string& section) {
  for (const json& s : data["sections"])
    if (s["id"] == section) return s["items"];
  throw std::runtime_error("no section " + section);
}

}  // namespace

TEST_CASE("Statistics.PairedEffectIsTheMeanDifferenceWithStudentsInterval", "[report]") {
  const std::vector<double> a = {3, 5, 4, 6}, b = {1, 2, 2, 3};  // differences 2, 3, 2, 3
  const PairedEffect e = paired_effect(a, b);
  CHECK(e.n == 4);
  CHECK(e.mean_a == Approx(4.5));
  CHECK(e.mean_b == Approx(2.0));
  CHECK(e.effect == Approx(2.5));
  // sd of the differences = sqrt(1/3); t(0.975, 3) = 3.182446.
  const double half = 3.182446 * std::sqrt(1.0 / 3.0) / 2.0;
  CHECK(e.low == Approx(2.5 - half).epsilon(1e-6));
  CHECK(e.high == Approx(2.5 + half).epsilon(1e-6));
}

TEST_CASE("Statistics.UndefinedValuesAreLeftOutNotAveraged", "[report]") {
  const PairedEffect e = paired_effect(std::vector<double>{1, missing, 3}, std::vector<double>{0, 0, 1});
  CHECK(e.n == 2);
  CHECK(e.effect == Approx(1.5));
  const PairedEffect none = paired_effect(std::vector<double>{missing, missing}, std::vector<double>{0, 0});
  CHECK(none.n == 0);
  CHECK(std::isnan(none.effect));
  const PairedEffect one = paired_effect(std::vector<double>{2}, std::vector<double>{1});
  CHECK(one.effect == Approx(1.0));
  CHECK(std::isnan(one.low));  // no interval from one pair
  const ReplicateSummary s = summarise_replicates(std::vector<double>{missing, 2, 4});
  CHECK(s.n == 2);
  CHECK(s.mean == Approx(3.0));
  CHECK(s.low == 2.0);
  CHECK(s.high == 4.0);
}

TEST_CASE("RegionNames.AreUniqueAndTheStrongestClaimWinsTheTown", "[report]") {
  const std::vector<std::vector<TownCandidate>> candidates = {
      {{"Schiedam", 2}, {"Rotterdam", 50}},  // Rotterdam's outskirts
      {{"Rotterdam", 600}},                  // Rotterdam itself
      {{"Rotterdam", 10}},                   // nothing else near
      {}};
  const std::vector<std::string> names = name_regions(candidates, {"R01", "R02", "R03", "R04"});
  CHECK(names == std::vector<std::string>{"Regio Schiedam", "Regio Rotterdam", "Regio Rotterdam 2", "Regio R04"});
}

TEST_CASE("RegionNames.OfTheSyntheticNetherlandsAreUnique", "[report]") {
  h5::Handle file = h5::open_file(run_file("no_sto"));
  const std::vector<std::string> names = h5::read_strings(file.id(), "entities/regions/name");
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
}

TEST_CASE("RunFile.PlacesASmallSyntheticCountryOnTheWholeNetherlands", "[report]") {
  // At scale 0.05 the model's country is sqrt(0.05) ~ 0.22 times as wide; on the map its
  // locations must still span the Netherlands (about 3.2 degrees of latitude, 50.75-53.5 N).
  h5::Handle file = h5::open_file(run_file("no_sto"));
  std::vector<hsize_t> shape;
  const std::vector<double> lat = h5::read_doubles(file.id(), "entities/locations/lat", shape);
  const std::vector<double> lon = h5::read_doubles(file.id(), "entities/locations/lon", shape);
  const auto [south, north] = std::minmax_element(lat.begin(), lat.end());
  const auto [west, east] = std::minmax_element(lon.begin(), lon.end());
  CHECK(*south > 50.5);
  CHECK(*north < 53.7);
  CHECK(*west > 3.2);
  CHECK(*east < 7.3);
  CHECK(*north - *south > 1.5);
}

TEST_CASE("Report.DataHasEveryChartsDatasetsAndNoNaN", "[report]") {
  const json data = json::parse(report_json({{run_file("baseline"), run_file("cofinancing_0")}, run_file("no_sto"), {}}));
  const std::string text = data.dump();
  CHECK(text.find("NaN") == std::string::npos);
  for (const json& section : data["sections"])
    for (const json& item : section["items"])
      if (item["kind"] == "chart")
        for (const json& name : item["datasets"]) {
          INFO(item["id"] << " draws " << name);
          CHECK(data["datasets"].contains(name.get<std::string>()));
          if (name != "outline") CHECK_FALSE(data["datasets"][name.get<std::string>()].empty());
        }
  // The scorecard: every expectation for both scenarios, each with a verdict.
  const json& scorecard = data["datasets"]["scorecard"];
  CHECK(scorecard.size() % 2 == 0);
  std::set<std::string> hypotheses;
  for (const json& row : scorecard) {
    hypotheses.insert(row["hypothesis"].get<std::string>());
    CHECK(row["verdict"] != "");
  }
  CHECK(hypotheses.size() == 9);
  CHECK(items_of(data, "effects").size() > 2);
}

TEST_CASE("Report.ScorecardMatchesThePairedDifferencesInTheFiles", "[report]") {
  const std::string b = run_file("baseline"), n = run_file("no_sto");
  const json data = json::parse(report_json({{b}, n, {}}));
  // Innovation (H7), national, last year, by hand from the two files.
  std::vector<hsize_t> shape;
  const std::vector<double> x = h5::read_doubles(h5::open_file(b).id(), "indicators/national/innovation", shape);
  const std::vector<double> y = h5::read_doubles(h5::open_file(n).id(), "indicators/national/innovation", shape);
  const std::size_t years = shape[1];
  double sum = 0;
  for (std::size_t r = 0; r < shape[0]; ++r) sum += x[r * years + years - 1] - y[r * years + years - 1];
  bool found = false;
  for (const json& row : data["datasets"]["scorecard"])
    if (row["indicator"] == "innovation") {
      found = true;
      CHECK(row["effect"].get<double>() == Approx(sum / static_cast<double>(shape[0])));
      CHECK(row["low"].get<double>() <= row["effect"].get<double>());
      CHECK(row["high"].get<double>() >= row["effect"].get<double>());
    }
  CHECK(found);
}

TEST_CASE("Report.AScenarioAgainstItselfHasNoEffect", "[report]") {
  const std::string n = run_file("no_sto");
  const json data = json::parse(report_json({{n}, n, {}}));
  for (const json& row : data["datasets"]["scorecard"]) {
    INFO(row["indicator"]);
    if (row["effect"].is_null()) continue;  // undefined in every replicate
    CHECK(row["effect"].get<double>() == 0.0);
    CHECK(row["verdict"] == (row["expected"] == "≈" ? "kept" : "no clear effect"));
  }
}

TEST_CASE("Report.RefusesUnpairedRunsAndMissingAssets", "[report]") {
  const std::string other = run_file("no_sto", {{"seed", "7"}});
  CHECK_THROWS_WITH(report_json({{run_file("baseline")}, other, {}}), Catch::Contains("cannot be paired"));
  const fs::path html = fs::temp_directory_path() / "stosim_report_no_assets.html";
  CHECK_THROWS_WITH(write_report({{run_file("baseline")}, run_file("no_sto"), "/nonexistent"}, html.string()),
                    Catch::Contains("chart library is missing"));
  CHECK_FALSE(fs::exists(html));
}

TEST_CASE("Report.SweepPageChartsEverySummaryAgainstEveryParameter", "[report][sweep]") {
  const std::filesystem::path grid = testing::fresh_folder("report_sweep") / "grid.h5";
  REQUIRE(testing::stosim_run("sweep " + (testing::test_data.parent_path().parent_path() / "sweeps" / "example_grid.yaml").string() + " -q --threads 2 -o " +
                     grid.string())
              .code == 0);
  ReportRequest request;
  request.runs = {grid.string()};
  const auto data = nlohmann::json::parse(report_json(request));
  // One national summary (the region one is not charted) x two varied keys.
  std::vector<std::string> titles;
  for (const auto& section : data["sections"])
    for (const auto& item : section["items"])
      if (item["kind"] == "chart") titles.push_back(item["title"]);
  CHECK(titles == std::vector<std::string>{"technical_share_bovenbouw_national_last against profile_choice.beta_distance",
                                           "technical_share_bovenbouw_national_last against scenario"});
  // Each point is its run's mean over the replicates, in % (the file holds shares).
  const h5::Handle file = h5::open_file(grid.string());
  std::vector<hsize_t> shape;
  const std::vector<double> stored = h5::read_doubles(file.id(), "summaries/technical_share_bovenbouw_national_last", shape);
  REQUIRE(shape == std::vector<hsize_t>{4, 2, 1});
  std::size_t checked = 0;
  for (const auto& row : data["datasets"]["sweep"]) {
    const std::size_t run = row["run"];
    CHECK(row["mean"].get<double>() == Approx(100.0 * (stored[2 * run] + stored[2 * run + 1]) / 2));
    ++checked;
  }
  CHECK(checked == 2 * 4);
  // The grid crosses two distance weights with baseline and no_sto: an effects table pairs them
  // (runs 0/1 and 2/3), in % like the charts.
  const nlohmann::json* effects = nullptr;
  for (const auto& section : data["sections"])
    for (const auto& item : section["items"])
      if (item["id"] == "effects") effects = &item;
  REQUIRE(effects != nullptr);
  CHECK((*effects)["title"] == "baseline against no_sto");
  REQUIRE((*effects)["rows"].size() == 1);
  double effect = 0.0;
  for (std::size_t pair : {0u, 2u})
    for (std::size_t r = 0; r < 2; ++r) effect += 100.0 * (stored[2 * pair + r] - stored[2 * (pair + 1) + r]) / 4;
  CHECK(std::stod((*effects)["rows"][0][4].get<std::string>()) == Approx(effect).epsilon(1e-3).margin(1e-3));
  // A sweep is shown alone.
  request.counterfactual = grid.string();
  CHECK_THROWS_AS(report_json(request), DataError);
}
