#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <tbb/parallel_for.h>

#include "run/scenario.hpp"

namespace fs = std::filesystem;
using namespace stosim;

namespace {

const fs::path data_dir = STOSIM_TEST_DATA_DIR;

std::vector<std::string> errors_of(const std::string& path, const std::vector<Override>& overrides = {}) {
  try {
    load_scenario(path, overrides);
  } catch (const ScenarioError& e) {
    return e.messages();
  }
  return {};
}

// "# expect: [@FILE ]LINE: KEY: TEXT" on the first line of each malformed scenario.
struct Expectation {
  std::string prefix;  // "PATH:LINE: KEY:"
  std::string text;
};

Expectation expectation_of(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  const std::string tag = "# expect: ";
  REQUIRE(line.rfind(tag, 0) == 0);
  std::string rest = line.substr(tag.size());
  fs::path file = path;
  if (rest[0] == '@') {
    const auto space = rest.find(' ');
    file = path.parent_path() / rest.substr(1, space - 1);
    rest = rest.substr(space + 1);
  }
  const auto first = rest.find(": ");
  const auto second = rest.find(": ", first + 2);
  const std::string line_number = rest.substr(0, first);
  const std::string key = rest.substr(first + 2, second - first - 2);
  return {file.string() + ":" + line_number + ": " + key + ":", rest.substr(second + 2)};
}

}  // namespace

TEST_CASE("Scenario.DefaultsAreValid", "[scenario]") {
  const Scenario s = default_scenario();
  CHECK(s.start_year == 2018);
  CHECK(s.end_year == 2030);
  CHECK(s.population.scale == 1.0);
  CHECK(s.technical_profiles()[1]);   // PIE
  CHECK(!s.technical_profiles()[8]);  // Z&W
}

TEST_CASE("Scenario.ExtendsChainsOverrideInOrder", "[scenario]") {
  const Scenario s = load_scenario((data_dir / "scenarios/grandchild.yaml").string());
  CHECK(s.name == "grandchild");
  CHECK(s.end_year == 2022);                     // grandchild
  CHECK(s.model.dropout.dropout_rate == 0.03);   // child
  CHECK(s.model.dropout.leaving_rate == 0.01);   // parent, beside the child's override
  CHECK(s.seed == 11);                           // parent
  CHECK(s.population.scale == 0.02);             // parent
}

TEST_CASE("Scenario.CommandLineOverridesWin", "[scenario]") {
  const Scenario s = load_scenario((data_dir / "scenarios/child.yaml").string(),
                                   {{"dropout.dropout_rate", "0.5"}, {"seed", "99"}});
  CHECK(s.model.dropout.dropout_rate == 0.5);
  CHECK(s.seed == 99);
}

TEST_CASE("Scenario.ResolvedYamlRoundTrips", "[scenario]") {
  const Scenario s = load_scenario((data_dir / "scenarios/grandchild.yaml").string(),
                                   {{"profile_choice.beta_distance", "-0.123456789"}});
  const fs::path copy = fs::temp_directory_path() / "stosim_roundtrip.yaml";
  std::ofstream(copy) << to_yaml(s);
  const Scenario again = load_scenario(copy.string());
  CHECK(to_yaml(again) == to_yaml(s));
  CHECK(again.model.profile_choice.beta_distance == -0.123456789);
  fs::remove(copy);
}

TEST_CASE("Scenario.EveryKeyIsListedOnce", "[scenario]") {
  const auto keys = parameter_keys();
  CHECK(std::set<std::string>(keys.begin(), keys.end()).size() == keys.size());
  CHECK(std::find(keys.begin(), keys.end(), "population.scale") != keys.end());
}

TEST_CASE("Scenario.MalformedFilesNameFileLineAndKey", "[scenario][errors]") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(data_dir / "bad_scenarios")) {
    const fs::path path = entry.path();
    ++files;
    const Expectation expected = expectation_of(path);
    const std::vector<std::string> errors = errors_of(path.string());
    INFO(path.filename().string() << " expects " << expected.prefix << " ... " << expected.text);
    REQUIRE_FALSE(errors.empty());
    bool found = false;
    for (const std::string& e : errors) {
      INFO("got: " << e);
      found = found || (e.rfind(expected.prefix, 0) == 0 && e.find(expected.text) != std::string::npos);
    }
    if (!found)
      for (const std::string& e : errors) UNSCOPED_INFO("message: " << e);
    CHECK(found);
  }
  CHECK(files >= 15);
}

TEST_CASE("Scenario.BadOverridesAreReported", "[scenario][errors]") {
  const auto errors =
      errors_of((data_dir / "scenarios/parent.yaml").string(), {{"dropout.dropout_rat", "0.1"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "command line: dropout.dropout_rat: unknown key; did you mean 'dropout.dropout_rate'?");
}

TEST_CASE("Scenario.MissingFileIsAnError", "[scenario][errors]") {
  const auto errors = errors_of("no/such/scenario.yaml");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("no/such/scenario.yaml: no such scenario file") == 0);
}

TEST_CASE("Scenario.AllProblemsAreReportedTogether", "[scenario][errors]") {
  const auto errors = errors_of((data_dir / "scenarios/parent.yaml").string(),
                                {{"seed", "x"}, {"replicates", "-1"}, {"nonsense", "1"}});
  CHECK(errors.size() == 3);
}

TEST_CASE("Scenario.TemplateResolvesEveryRunFromTheFile", "[scenario]") {
  // An override replaces the file's value in that run's settings only: a later run without it
  // gets the file's value again, not the last run's (the sweep resolves one template many times).
  const ScenarioTemplate baseline(fs::path(STOSIM_SOURCE_DIR) / "scenarios" / "baseline.yaml");
  CHECK(baseline.resolve({{"end_year", "2025"}}).end_year == 2025);
  CHECK(baseline.resolve({}).end_year == 2030);
}

TEST_CASE("Scenario.TemplateResolvesInParallel", "[scenario]") {
  // The runs of a sweep resolve the template on every thread at once, each with its own
  // overrides; no run may see another's (and, under the sanitizers, no data race).
  const ScenarioTemplate baseline(fs::path(STOSIM_SOURCE_DIR) / "scenarios" / "baseline.yaml");
  std::vector<int> end_year(400, 0);
  tbb::parallel_for(std::size_t{0}, end_year.size(), [&](std::size_t i) {
    end_year[i] = baseline.resolve({{"end_year", std::to_string(2020 + i % 10)}}).end_year;
  });
  for (std::size_t i = 0; i < end_year.size(); ++i) REQUIRE(end_year[i] == static_cast<int>(2020 + i % 10));
}
