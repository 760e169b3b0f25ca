// `stosim calibrate` as a user runs it: refusal of bad files, and an ABC-SMC run killed with
// SIGKILL that resumes from its posterior file and ends as if it had never been stopped.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "experiments/abc_smc.hpp"

namespace fs = std::filesystem;

namespace {

const std::string stosim_binary = STOSIM_EXECUTABLE;

struct Result {
  int code;
  std::string output;
};

Result shell(const std::string& command, const fs::path& dir) {
  const fs::path log = dir / "log.txt";
  const int status = std::system(("cd " + dir.string() + " && " + command + " > " + log.string() + " 2>&1").c_str());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

struct Workspace {
  fs::path dir = fs::temp_directory_path() / ("stosim-cal-cli-" + std::to_string(::getpid()));
  Workspace() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "observed.csv") << "indicator,level,unit,category,year,value,standard_error\n"
                                           "dropped_out,national,,,2019,60,5\n"
                                           "mbo_technical_share,national,,tl,2019,0.14,0.02\n";
  }
  ~Workspace() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name) << text; }
};

const std::string valid = "scenario: baseline\n"
                          "set: {population.scale: 0.01, end_year: 2019}\n"
                          "observed: observed.csv\n"
                          "method: abc\n"
                          "parameters:\n"
                          "  - {key: dropout.dropout_rate, low: 0.002, high: 0.03}\n"
                          "  - key: mbo_transition.technical_from_tl\n"
                          "replicates: 1\n"
                          "abc: {particles: 40, generations: 5}\n";

}  // namespace

TEST_CASE("stosim calibrate refuses bad files with file, line and key", "[calibration][e2e]") {
  const Workspace w;
  w.write("typo.yaml", valid + "output: p.h5\nreplicate: 3\n");
  Result r = shell(stosim_binary + " calibrate typo.yaml", w.dir);
  CHECK(r.code == 2);
  CHECK(r.output.find("typo.yaml:11: replicate: unknown key") != std::string::npos);

  w.write("range.yaml", valid + "output: p.h5\nsmm: {max_evaluations: -4}\n");
  r = shell(stosim_binary + " calibrate range.yaml", w.dir);
  CHECK(r.code == 2);
  CHECK(r.output.find("range.yaml:11: smm.max_evaluations: value -4 is out of range") != std::string::npos);

  w.write("key.yaml", "observed: observed.csv\noutput: p.h5\nparameters:\n  - key: dropout.no_such_rate\n");
  r = shell(stosim_binary + " calibrate key.yaml", w.dir);
  CHECK(r.code == 2);
  CHECK(r.output.find("key.yaml:4: parameters[0].key: dropout.no_such_rate: unknown key") != std::string::npos);

  w.write("bad.csv", "indicator,level,unit,category,year,value,standard_error\nsatisfactions,national,,,2019,1,1\n");
  w.write("moment.yaml", "observed: bad.csv\noutput: p.h5\nparameters:\n  - key: dropout.dropout_rate\n");
  r = shell(stosim_binary + " calibrate moment.yaml", w.dir);
  CHECK(r.code == 2);
  CHECK(r.output.find("bad.csv:2: indicator: 'satisfactions' has no model counterpart") != std::string::npos);
  CHECK(!fs::exists(w.dir / "p.h5"));
}

TEST_CASE("ABC-SMC killed with SIGKILL resumes from its file and loses nothing", "[calibration][e2e]") {
  const Workspace w;
  w.write("whole.yaml", valid + "output: whole.h5\n");
  w.write("killed.yaml", valid + "output: killed.h5\n");
  Result r = shell(stosim_binary + " calibrate whole.yaml --threads 2", w.dir);
  REQUIRE(r.code == 0);
  INFO(r.output);
  CHECK(r.output.find("abc: generation 4 done") != std::string::npos);

  // Kill the second run as soon as its first generation is on disk.
  r = shell("(" + stosim_binary + " calibrate killed.yaml --threads 2 -q & pid=$!; "
            "while [ ! -f killed.h5 ]; do sleep 0.01; done; kill -9 $pid; wait $pid; exit 0)", w.dir);
  const stosim::AbcResult saved = stosim::read_abc_file((w.dir / "killed.h5").string());
  CHECK(saved.generations.size() >= 1u);
  if (saved.generations.size() == 5u) WARN("the run finished before it could be killed; resume not exercised");
  r = shell(stosim_binary + " calibrate killed.yaml --threads 1", w.dir);
  REQUIRE(r.code == 0);
  const stosim::AbcResult whole = stosim::read_abc_file((w.dir / "whole.h5").string());
  const stosim::AbcResult resumed = stosim::read_abc_file((w.dir / "killed.h5").string());
  REQUIRE(resumed.generations.size() == 5u);
  for (std::size_t t = 0; t < 5; ++t) {
    CHECK(resumed.generations[t].particles == whole.generations[t].particles);
    CHECK(resumed.generations[t].weights == whole.generations[t].weights);
  }
}
