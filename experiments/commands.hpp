#pragma once
// The experiment subcommands of the command line (sensitivity, attribute, calibrate),
// independent of the option parser: app code fills these structs and returns the exit code.
#include <cstdint>
#include <string>
#include <vector>

#include "run/scenario.hpp"

namespace stosim {

struct SensitivityArgs {
  std::string scenario = "baseline";
  std::vector<Override> overrides;
  std::vector<std::string> parameters;  // KEY (declared range) or KEY=LOW:HIGH
  std::vector<std::string> targets;     // indicator,level,unit,category,year
  std::string method = "sobol";
  int samples = 0;  // 0: 64 base samples (sobol) or 20 trajectories (morris)
  int levels = 4, replicates = 1, resamples = 500, threads = 0;
  double confidence = 0.95;
  std::uint64_t seed = 1;
  std::string output;  // CSV; empty: stdout
  bool quiet = false;
};
int sensitivity_command(const SensitivityArgs& args);

struct AttributeArgs {
  std::string scenario = "baseline", counterfactual = "no_sto";
  std::vector<Override> overrides;  // applied to both
  std::vector<std::string> players;  // default h1.enabled .. h9.enabled
  std::vector<std::string> targets;
  int replicates = 2, orderings = 0, threads = 0;
  double confidence = 0.95;
  std::uint64_t seed = 1;
  std::string output;
  bool quiet = false;
};
int attribute_command(const AttributeArgs& args);

int calibrate_command(const std::string& spec_path, int threads, bool quiet);

}  // namespace stosim
