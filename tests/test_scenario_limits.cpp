// Scenario files that are hostile or merely wrong in ways the corpus in tests/data/bad_scenarios
// cannot hold in one file: each is refused at once with a clear message, never a hang, a crash or
// a silently different scenario.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_helpers.hpp"
#include "run/scenario.hpp"
#include "run/scenario_limits.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

std::vector<std::string> errors_of(const std::string& path, const std::vector<Override>& overrides = {}) {
  try {
    load_scenario(path, overrides);
  } catch (const ScenarioError& e) {
    return e.messages();
  }
  return {};
}

std::vector<std::string> override_errors(const std::vector<Override>& overrides) {
  try {
    default_scenario(overrides);
  } catch (const ScenarioError& e) {
    return e.messages();
  }
  return {};
}

fs::path write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("ScenarioLimits.NestedAliasesFailAtOnce", "[scenario][limits]") {
  // "Billion laughs": nine levels of ten aliases would be 10^9 values when expanded.
  std::string text = "m0: &m0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 9; ++level) {
    text += "m" + std::to_string(level) + ": &m" + std::to_string(level) + " {";
    for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + ("k" + std::to_string(k)) + ": *m" + std::to_string(level - 1);
    text += "}\n";
  }
  const fs::path dir = fresh_folder("laughs");
  const auto errors = errors_of(write_file(dir / "laughs.yaml", text).string());
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Contains("laughs.yaml:"));
  CHECK_THAT(errors[0], Catch::Contains("alias"));
}

TEST_CASE("ScenarioLimits.SizeListsAndErrorLines", "[scenario][limits]") {
  const fs::path dir = fresh_folder("scenario_limits");
  SECTION("a file over 1 MiB") {
    const auto errors = errors_of(write_file(dir / "big.yaml", std::string(max_scenario_bytes + 1, '#')).string());
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::Contains("at most 1048576 bytes"));
  }
  SECTION("a list of 100,000 items") {
    std::string text = "profiles:\n  technical: [";
    for (int i = 0; i < 100000; ++i) text += i ? ",PIE" : "PIE";
    const auto errors = errors_of(write_file(dir / "list.yaml", text + "]\n").string());
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::Contains("list.yaml:2: (limits): a list of more than 1000 items"));
  }
  SECTION("thousands of unknown keys: the first 20 messages, then a count") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "unknown_" + std::to_string(i) + ": 1\n";
    const auto errors = errors_of(write_file(dir / "unknown.yaml", text).string());
    REQUIRE(errors.size() == max_error_messages + 1);
    CHECK(errors.back() == "... and 4980 more problems");
  }
  SECTION("an empty file") {
    const auto errors = errors_of(write_file(dir / "empty.yaml", "").string());
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::Contains("empty.yaml:1: (top level): the scenario is empty"));
  }
}

TEST_CASE("ScenarioLimits.PathsThatAreNotFiles", "[scenario][limits]") {
  const fs::path dir = fresh_folder("scenario_paths");
  fs::create_directories(dir / "parent.yaml");
  const auto errors = errors_of(write_file(dir / "child.yaml", "extends: parent.yaml\n").string());
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Contains("parent.yaml: is a directory, not a scenario file"));

  const std::string long_name(5000, 's');
  const auto long_errors = errors_of(long_name);
  REQUIRE(long_errors.size() == 1);
  CHECK_THAT(long_errors[0], Catch::Contains("5000 characters"));
  CHECK(long_errors[0].size() < 300);
}

TEST_CASE("ScenarioLimits.AKeyGivenTwiceOnTheCommandLine", "[scenario][limits]") {
  // `--set population.scale=-1 --scale 0.1`: the flag must not hide the invalid --set.
  const auto errors = override_errors({{"population.scale", "-1"}, {"population.scale", "0.1"}});
  bool found = false;
  for (const std::string& e : errors) found = found || e.find("population.scale: given twice ('-1' and '0.1')") != std::string::npos;
  CHECK(found);
}

TEST_CASE("ScenarioLimits.SeedsAreExact", "[scenario][limits]") {
  for (const std::string text : {"0", "9007199254740993", "9223372036854775808", "18446744073709551615"})
    CHECK(default_scenario({{"seed", text}}).seed == std::stoull(text));
  for (const std::string text : {"18446744073709551616", "-1", "1.5", "1e3", "0x10", "seed"}) {
    const auto errors = override_errors({{"seed", text}});
    INFO(text);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::Contains("seed: expected a whole number from 0 to 18446744073709551615"));
  }
}

TEST_CASE("ScenarioLimits.TextMustBeUtf8", "[scenario][limits]") {
  CHECK_FALSE(invalid_utf8("name: Sch\xC3\xB6n\n").has_value());
  const auto latin1 = invalid_utf8("name: a\nname: Sch\xF6n\n");
  REQUIRE(latin1.has_value());
  CHECK(latin1->line == 2);
  CHECK(latin1->byte == 0xF6);
  CHECK(invalid_utf8("\xC3").has_value());          // cut short
  CHECK(invalid_utf8("\xC0\xAF").has_value());      // overlong
}
