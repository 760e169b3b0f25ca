#pragma once
// A scenario: every input of a run, resolved from YAML files (with `extends`) and command-line
// overrides, validated against the parameter declarations.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "models/model_parameters.hpp"
#include "output/monitor_params.hpp"
#include "sim/geography.hpp"
#include "sim/parameters.hpp"

namespace stosim {

struct PopulationParams {
  std::string source = "synthetic";
  std::string path;
  double scale = 1.0;

  template <class V>
  void visit(V& v) {
    v(source, "source",
      {.description = "Initial state: the embedded synthetic Netherlands, or a population file "
                      "made by `stosim import`",
       .choices = "synthetic|file"});
    v(path, "path", {.description = "Population file (HDF5) when source is file"});
    v(scale, "scale",
      {.unit = "x NL", .min = 0.005, .max = 8,
       .description = "Size of the synthetic country relative to the Netherlands: locations, "
                      "regions, students and area all scale with it",
       .source = "design choice: 0.01 for tests, 1 national, 4 for scaling benchmarks"});
  }
};

struct ProfilesParams {
  std::vector<std::string> technical = default_technical_profiles;

  template <class V>
  void visit(V& v) {
    v(technical, "technical",
      {.description = "Profiles that count as technical in choices and indicators",
       .source = "MODEL.md section 2; DUO counts 11,509 year-3 students in these five",
       .choices = "BWI|PIE|M&T|MaT|MVI|Groen|D&P|E&O|Z&W|HBR"});
  }
};

struct Scenario {
  std::string name = "unnamed";
  std::string description;
  std::uint64_t seed = 2018;
  int replicates = 1;
  int start_year = 2018;
  int end_year = 2030;
  PopulationParams population;
  ProfilesParams profiles;
  GeographyParams geography;
  ModelParameters model;
  MonitorParams monitor;

  template <class V>
  void visit(V& v) {
    v(name, "name", {.description = "Short name, stored in outputs"});
    v(description, "description", {.description = "What question the scenario answers"});
    v(seed, "seed", {.min = 0, .description = "Master seed of all random streams"});
    v(replicates, "replicates",
      {.min = 1, .max = 100000, .description = "Number of replicates (common random numbers)"});
    v(start_year, "start_year",
      {.min = 2018, .max = 2100, .description = "First simulated school year (2018 = 2017/18)"});
    v(end_year, "end_year",
      {.min = 2018, .max = 2100, .description = "Last simulated school year (inclusive)"});
    v.section("population", population);
    v.section("profiles", profiles);
    v.section("geography", geography);
    model.visit(v);
    v.section("monitor", monitor);
  }

  int years() const { return end_year - start_year + 1; }
  std::array<bool, n_profiles> technical_profiles() const;
};

// Raised for invalid input; each message reads "FILE:LINE: KEY: message".
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<std::string> messages);
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

struct Override {
  std::string key;
  std::string value;                   // YAML text
  std::string where = "command line";  // where it was given, for messages ("FILE:LINE")
};

// Finds a scenario by path, or by name in $STOSIM_SCENARIO_PATH, ./scenarios and the source tree.
std::string find_scenario_file(const std::string& name_or_path);
std::vector<std::string> scenario_search_dirs();

// A scenario file (with its `extends` chain) read once and resolved many times with different
// overrides: the runs of a sweep. resolve() is thread-safe.
class ScenarioTemplate {
 public:
  explicit ScenarioTemplate(const std::string& name_or_path);  // throws ScenarioError
  Scenario resolve(const std::vector<Override>& overrides) const;

 private:
  struct Parsed;
  std::shared_ptr<const Parsed> settings_;
};

// Loads, merges and validates; throws ScenarioError listing every problem found.
Scenario load_scenario(const std::string& name_or_path, const std::vector<Override>& overrides = {});

// Levenshtein distance, for "did you mean" suggestions (scenario keys, command-line options).
std::size_t edit_distance(std::string_view a, std::string_view b);
// A scenario from defaults plus overrides only (tests, benchmarks).
Scenario default_scenario(const std::vector<Override>& overrides = {});

// The fully resolved scenario (every key, defaults included) as YAML.
std::string to_yaml(const Scenario& scenario);

enum class ParameterKind { number, integer, boolean, text, list };
// The type of a parameter key (as `stosim describe --keys` lists them); nullopt if unknown.
std::optional<ParameterKind> parameter_kind(const std::string& key);

// Every key as "key=value" lines: cheap to make, for fingerprints and equality (sweeps).
std::string flat_text(const Scenario& scenario);

// Every parameter key in declaration order, e.g. "model.profile_choice.beta_distance".
std::vector<std::string> parameter_keys();

}  // namespace stosim
