#pragma once
// `stosim calibrate CAL.yaml`: estimates scenario parameters from observed moments by simulated
// method of moments (NLopt) or ABC-SMC (docs/CALIBRATION.md). The file is validated strictly:
// unknown keys, wrong types and out-of-range values are ScenarioErrors naming file, line and key.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiments/abc_smc.hpp"
#include "experiments/moments.hpp"
#include "experiments/parameter_space.hpp"
#include "experiments/smm.hpp"

namespace stosim {

struct CalibrationParameter {
  ParameterRange range;  // bounds: the declared range unless narrowed in the file
  double start = 0.0;    // SMM start; the scenario's value unless given
};

struct CalibrationSpec {
  std::string file;  // for messages
  std::string scenario = "baseline";
  std::vector<Override> overrides;
  std::vector<std::string> observed;  // CSV files (relative to the spec's directory)
  int year_shift = 0;                 // model year = observed year + year_shift
  // Which rows of the files to use (empty: all): indicator names, observed years [first, last].
  std::vector<std::string> indicators;
  int first_year = 0, last_year = 9999;
  std::vector<CalibrationParameter> parameters;
  std::string method = "smm";  // smm or abc
  int replicates = 4;
  int first_replicate = 0;  // SMM's common replicates start here
  int threads = 0;
  std::uint64_t seed = 1;
  SmmOptions smm;
  AbcOptions abc;
  std::string output;               // results: ABC's posterior (HDF5, also the checkpoint); SMM's CSV
  std::string calibrated_scenario;  // optional: a scenario YAML with the estimates
};

CalibrationSpec load_calibration_spec(const std::string& path);

// The observed moments resolved against the scenario (targets moved by year_shift).
struct CalibrationProblem {
  Scenario base;
  std::vector<ObservedMoment> moments;  // targets in model years
  std::vector<std::string> keys;
  std::vector<ParameterRange> ranges;
};
CalibrationProblem prepare_calibration(const CalibrationSpec& spec);

// The model's moments at theta for replicates first .. first + replicates - 1.
SimulatedMoments simulate_moments(const CalibrationProblem& problem, const std::vector<double>& theta, int replicates,
                                  int first_replicate);

struct CalibrationOutcome {
  std::string report;  // printed on stdout: estimates and the fit of every moment
  std::vector<double> estimate;        // SMM: the estimate; ABC: posterior medians
  std::vector<double> standard_error;  // SMM only
  std::vector<double> q05, q95;        // ABC only: the 90 % posterior interval
};
// Runs the spec (threads: spec.threads); progress lines go to `progress` when set.
CalibrationOutcome run_calibration(const CalibrationSpec& spec, const std::function<void(const std::string&)>& progress);

}  // namespace stosim
