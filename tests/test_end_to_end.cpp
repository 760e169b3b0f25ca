// The command line as a user runs it: run, describe, export, and refusal of bad input.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/hdf5_file.hpp"
#include "output/indicators.hpp"

namespace fs = std::filesystem;

namespace {

const std::string stosim = STOSIM_EXECUTABLE;
const fs::path data_dir = STOSIM_TEST_DATA_DIR;

struct Result {
  int code;
  std::string output;  // stdout and stderr together
};

Result run(const std::string& arguments) {
  // One log per call, so that tests running side by side (ctest -j) never share one.
  static int calls = 0;
  const fs::path log = fs::temp_directory_path() /
                       ("stosim_e2e_" + std::to_string(::getpid()) + "_" + std::to_string(++calls) + ".txt");
  const int status = std::system((stosim + " " + arguments + " > " + log.string() + " 2>&1").c_str());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(log);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

bool has_temporaries(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().find(".tmp-") != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("EndToEnd.BaselineRunsAndExports", "[e2e]") {
  const fs::path dir = fresh_dir("stosim_e2e_run");
  const fs::path h5 = dir / "baseline.h5";
  const Result r = run("run baseline -o " + h5.string() + " --scale 0.02 --replicates 2 --threads 2 --quiet");
  INFO(r.output);
  REQUIRE(r.code == 0);
  REQUIRE(fs::exists(h5));
  CHECK_FALSE(has_temporaries(dir));

  // The file stores the resolved scenario exactly as `describe` prints it.
  const Result described = run("describe baseline --set population.scale=0.02 --set replicates=2");
  REQUIRE(described.code == 0);
  {
    const auto file = stosim::h5::open_file(h5.string());
    const auto meta = stosim::h5::open_group(file.id(), "metadata");
    CHECK(stosim::h5::read_string_attribute(meta.id(), "scenario_yaml") == described.output);
    CHECK(stosim::h5::read_int_attribute(meta.id(), "replicates") == 2);
    CHECK(stosim::h5::read_string_attribute(meta.id(), "format") == "stosim-run");
  }

  const Result exported = run("export " + h5.string() + " --csv " + (dir / "csv").string());
  INFO(exported.output);
  REQUIRE(exported.code == 0);
  std::ifstream national(dir / "csv" / "national.csv");
  std::string header, line;
  std::getline(national, header);
  CHECK(header == "scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value");
  std::size_t rows = 0;
  bool saw_share = false;
  while (std::getline(national, line)) {
    ++rows;
    CHECK(std::count(line.begin(), line.end(), ',') == 9);
    saw_share = saw_share || line.find(",BB,all,technical_share_year3,") != std::string::npos;
  }
  // Rows: replicates x years x every national cell.
  std::size_t cells = 0;
  for (const auto& spec : stosim::indicator_specs()) cells += stosim::breakdown_shape(spec.breakdown).cells();
  CHECK(rows == 2 * 13 * cells);
  CHECK(saw_share);
  CHECK(fs::exists(dir / "csv" / "region.csv"));
  CHECK(fs::exists(dir / "csv" / "location.csv"));
}

TEST_CASE("EndToEnd.BadInputExitsWithTwoAndWritesNothing", "[e2e][errors]") {
  const fs::path dir = fresh_dir("stosim_e2e_bad");
  const fs::path h5 = dir / "out.h5";
  const Result bad_file = run("run " + (data_dir / "bad_scenarios/rate_above_one.yaml").string() + " -o " + h5.string());
  CHECK(bad_file.code == 2);
  CHECK(bad_file.output.find("rate_above_one.yaml:3: dropout.dropout_rate: value 1.5 is out of range") !=
        std::string::npos);
  const Result bad_set = run("run baseline -o " + h5.string() + " --set profile_choice.beta=1");
  CHECK(bad_set.code == 2);
  CHECK(bad_set.output.find("command line: profile_choice.beta: unknown key") != std::string::npos);
  const Result bad_flag = run("run baseline -o " + h5.string() + " --replicates 0");
  CHECK(bad_flag.code == 2);
  const Result missing = run("run no_such_scenario -o " + h5.string());
  CHECK(missing.code == 2);
  const Result no_output = run("run baseline");
  CHECK(no_output.code == 2);
  CHECK(fs::is_empty(dir));
}

TEST_CASE("EndToEnd.ExportRefusesWhatIsNotARunFile", "[e2e][errors]") {
  const fs::path dir = fresh_dir("stosim_e2e_export");
  std::ofstream(dir / "not.h5") << "plain text";
  const Result r = run("export " + (dir / "not.h5").string() + " --csv " + (dir / "csv").string());
  CHECK(r.code == 2);  // invalid input, as --help promises
  CHECK(r.output.find("not.h5: not an HDF5 file") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "csv" / "national.csv"));
}

TEST_CASE("EndToEnd.HelpTeaches", "[e2e]") {
  const Result help = run("--help");
  CHECK(help.code == 0);
  CHECK(help.output.find("Examples:") != std::string::npos);
  const Result run_help = run("run --help");
  CHECK(run_help.code == 0);
  CHECK(run_help.output.find("--set") != std::string::npos);
}

TEST_CASE("EndToEnd.CompareGivesPairedEffects", "[e2e]") {
  const fs::path dir = fresh_dir("stosim_e2e_compare");
  const std::string common = " --scale 0.02 --replicates 3 --quiet";
  REQUIRE(run("run baseline -o " + (dir / "b.h5").string() + common).code == 0);
  REQUIRE(run("run no_sto -o " + (dir / "n.h5").string() + common).code == 0);
  REQUIRE(run("run no_sto -o " + (dir / "other.h5").string() + common + " --seed 5").code == 0);

  const Result r = run("compare " + (dir / "b.h5").string() + " " + (dir / "n.h5").string() + " -o " +
                       (dir / "effects.csv").string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("wrote " + (dir / "effects.csv").string()) != std::string::npos);
  std::ifstream in(dir / "effects.csv");
  std::string header, line;
  std::getline(in, header);
  CHECK(header ==
        "scenario,counterfactual,level,unit,indicator,category,year,scenario_mean,counterfactual_mean,"
        "effect,ci_low,ci_high,replicates");
  bool found = false, tl = false;
  while (std::getline(in, line)) {
    if (line.rfind("baseline,no_sto,national,NL,budget_received,,2030,", 0) == 0) {
      found = true;
      CHECK(line.find(",0,0,") == std::string::npos);  // STO money differs from none
    }
    // TL has no profiles: its technical share is undefined, not a zero effect of 0 [0, 0].
    if (line.rfind("baseline,no_sto,national,NL,technical_share_year3,TL,2030,", 0) == 0) {
      tl = true;
      CHECK(line.ends_with(",NA,NA,NA,NA,NA,0"));
    }
  }
  CHECK(found);
  CHECK(tl);

  const Result unpaired = run("compare " + (dir / "b.h5").string() + " " + (dir / "other.h5").string());
  CHECK(unpaired.code == 2);
  CHECK(unpaired.output.find("cannot be paired replicate by replicate: they differ in seed 2018 / 5") !=
        std::string::npos);
}

TEST_CASE("EndToEnd.ReportIsAnOfflinePageOfSeveralRuns", "[e2e]") {
  // Catch2 v2 has no SKIP: warn and leave when `npm ci` has not been run in report/.
  if (!fs::exists(fs::path(STOSIM_SOURCE_DIR) / "report/dist/vega.min.js")) {
    WARN("skipped: no report/dist (scripts/install-deps.sh runs npm ci in report/)");
    return;
  }
  const fs::path dir = fresh_dir("stosim_e2e_report");
  const std::string common = " --scale 0.02 --replicates 2 --quiet";
  REQUIRE(run("run baseline -o " + (dir / "b.h5").string() + common).code == 0);
  REQUIRE(run("run cofinancing_20 -o " + (dir / "c.h5").string() + common).code == 0);
  REQUIRE(run("run no_sto -o " + (dir / "n.h5").string() + common).code == 0);
  const Result r = run("report " + (dir / "b.h5").string() + " " + (dir / "c.h5").string() + " --against " +
                       (dir / "n.h5").string() + " -o " + (dir / "report.html").string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("wrote " + (dir / "report.html").string()) != std::string::npos);
  std::ifstream in(dir / "report.html");
  std::stringstream text;
  text << in.rdbuf();
  const std::string html = text.str();
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("vegaEmbed") != std::string::npos);                      // the library is inlined
  CHECK(html.find("<script src") == std::string::npos);                    // and nothing is fetched
  CHECK(html.find("baseline, cofinancing_20 against no_sto") != std::string::npos);
  CHECK(html.find("DUO Open Onderwijsdata") != std::string::npos);        // the source line
  CHECK(html.find(R"(name: \"baseline\")") != std::string::npos);          // the resolved scenario, in JSON
  CHECK_FALSE(has_temporaries(dir));

  REQUIRE(run("run no_sto -o " + (dir / "other.h5").string() + common + " --seed 5").code == 0);
  const Result unpaired = run("report " + (dir / "b.h5").string() + " --against " + (dir / "other.h5").string() +
                              " -o " + (dir / "x.html").string());
  CHECK(unpaired.code == 2);
  CHECK(unpaired.output.find("cannot be paired") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.html"));
}

TEST_CASE("EndToEnd.TheCommandLineTeaches", "[e2e]") {
  const fs::path dir = fresh_dir("stosim_e2e_teach");
  const std::string out = " -o " + (dir / "x.h5").string();
  // A file name is a file, not a scenario name to add ".yaml" to.
  const Result missing = run("run nosuch.yaml" + out);
  CHECK(missing.code == 2);
  CHECK(missing.output.find("nosuch.yaml: no such scenario file") != std::string::npos);
  CHECK(missing.output.find("nosuch.yaml.yaml") == std::string::npos);
  const Result named = run("run baseline.yaml" + out);
  CHECK(named.output.find("did you mean the scenario 'baseline'") != std::string::npos);
  // A start year after the file's end year blames the command line.
  const Result late = run("run baseline --start-year 2035" + out);
  CHECK(late.code == 2);
  CHECK(late.output.rfind("command line: start_year: 2035 is after end_year 2030", 0) == 0);
  // A mistyped option gets the nearest one.
  const Result typo = run("run baseline --replicate 3" + out);
  CHECK(typo.code == 2);
  CHECK(typo.output.find("--replicate: did you mean '--replicates'?") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.h5"));
  // Every key with its type, default, range and unit; every indicator with its unit.
  const Result keys = run("describe --keys");
  CHECK(keys.code == 0);
  CHECK(keys.output.find("KEY") != std::string::npos);
  bool replicates = false;
  std::istringstream lines(keys.output);
  for (std::string line; std::getline(lines, line);)
    replicates = replicates || (line.rfind("replicates ", 0) == 0 && line.find("integer") != std::string::npos &&
                                line.find("1 … 1e+05") != std::string::npos);
  CHECK(replicates);
  const Result indicators = run("indicators");
  CHECK(indicators.code == 0);
  CHECK(indicators.output.find("technical_share_bovenbouw") != std::string::npos);
  CHECK(indicators.output.find("profile × leerweg") != std::string::npos);
}
