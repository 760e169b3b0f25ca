// `stosim export` of run and sweep files: filters, one file per indicator, tidy columns
// (output/csv_export.hpp).
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "experiments/sweep_runner.hpp"
#include "output/csv_export.hpp"
#include "sim/data_error.hpp"
#include "sweep_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) fields.emplace_back();
      else fields.back() += c;
    }
    rows.push_back(fields);
  }
  return rows;
}

struct Files {
  std::filesystem::path dir = scratch_dir("export");
  std::string run = (dir / "run.h5").string();
  std::string sweep = (dir / "sweep.h5").string();
  Files() {
    REQUIRE(shell(stosim_command("run baseline -q --scale 0.02 --end-year 2020 --replicates 3 --threads 2 -o '" + run +
                                 "'")) == 0);
    const std::string file = write_text(dir / "s.yaml", R"(scenario: baseline
set: {population.scale: 0.02, end_year: 2019}
replicates: 2
design: {type: grid, parameters: {programme_viability.min_students: [10, 30], scenario: [baseline, no_sto]}}
summaries: [{indicator: technical_share_bovenbouw, statistic: last}]
indicators: {levels: [national], names: [students]}
)");
    SweepOptions o;
    o.output = sweep, o.threads = 2, o.progress = false;
    run_sweep(load_sweep(file), o);
  }
};

Files& files() {
  static Files f;
  return f;
}

}  // namespace

TEST_CASE("Export filters by level, indicator, year and replicate", "[export]") {
  const auto out = files().dir / "filtered";
  ExportOptions o;
  o.levels = {"region"}, o.indicators = {"students"}, o.years = {2019}, o.replicates = {1};
  const ExportSummary summary = export_csv(files().run, out.string(), o);
  REQUIRE(summary.files.size() == 1);
  const auto rows = read_csv(summary.files[0]);
  REQUIRE(rows.size() > 1);
  CHECK(rows[0] == std::vector<std::string>{"scenario", "replicate", "year", "level", "unit", "profile", "leerweg",
                                            "group", "indicator", "value"});
  std::set<std::string> units;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i][1] == "1");
    CHECK(rows[i][2] == "2019");
    CHECK(rows[i][3] == "region");
    CHECK(rows[i][7] == "all");  // students have no group breakdown
    CHECK(rows[i][8] == "students");
    units.insert(rows[i][4]);
  }
  CHECK(rows.size() - 1 == units.size() * 10 * 4);  // regions x profiles x leerwegen
  CHECK(summary.rows == rows.size() - 1);
}

TEST_CASE("Export writes one file per indicator with only its own columns", "[export]") {
  ExportOptions o;
  o.levels = {"national"}, o.per_indicator = true;
  const ExportSummary summary = export_csv(files().run, (files().dir / "per").string(), o);
  const auto students = read_csv((files().dir / "per" / "national_students.csv").string());
  CHECK(students[0] == std::vector<std::string>{"replicate", "year", "unit", "profile", "leerweg", "value"});
  CHECK(students.size() - 1 == 3 * 3 * 10 * 4);  // replicates x years x profiles x leerwegen
  const auto entered = read_csv((files().dir / "per" / "national_entered.csv").string());
  CHECK(entered[0] == std::vector<std::string>{"replicate", "year", "unit", "value"});
  for (const auto& f : summary.files) CHECK(f.find("national_") != std::string::npos);
}

TEST_CASE("Export of a sweep: the design, the summaries and the indicators by run", "[export]") {
  ExportOptions o;
  o.runs = {1, 2};
  const ExportSummary summary = export_csv(files().sweep, (files().dir / "sweep").string(), o);
  const auto design = read_csv((files().dir / "sweep" / "design.csv").string());
  REQUIRE(design.size() == 5);
  CHECK(design[0] == std::vector<std::string>{"run", "scenario", "complete", "programme_viability.min_students",
                                              "overrides"});
  CHECK(design[2][1] == "no_sto");
  CHECK(design[3][3] == "30");
  const auto summaries = read_csv((files().dir / "sweep" / "summaries.csv").string());
  CHECK(summaries.size() - 1 == 2 * 2);  // runs 1 and 2 x 2 replicates
  CHECK(summaries[1][0] == "1");
  const auto national = read_csv((files().dir / "sweep" / "national.csv").string());
  CHECK(national[0][0] == "run");
  CHECK(national.size() - 1 == 2 * 2 * 2 * 10 * 4);  // runs x replicates x years x profiles x leerwegen
}

TEST_CASE("Export refuses filters that match nothing in the file", "[export]") {
  ExportOptions o;
  o.years = {2031};
  CHECK_THROWS_AS(export_csv(files().run, (files().dir / "none").string(), o), DataError);
  o.years = {};
  o.indicators = {"studnets"};
  CHECK_THROWS_AS(export_csv(files().run, (files().dir / "none").string(), o), DataError);
  o.indicators = {};
  o.runs = {0};
  CHECK_THROWS_AS(export_csv(files().run, (files().dir / "none").string(), o), DataError);
}
