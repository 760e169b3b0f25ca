#pragma once
// `stosim validate`: the imported 2019/20 state and the model's no-STO dynamics against DUO's
// published data, one line per check with its tolerance (validation/README.md explains each).
#include <string>
#include <vector>

#include "run/scenario.hpp"

namespace stosim {

// Whether a line's observed figure went into the initial state or a fit (fitted), or into
// neither (held out: a test of the model).
enum class LineKind { fitted, held_out };

struct ValidationLine {
  std::string group;  // initial state, exam sectors, dynamics
  std::string name;
  double observed = 0.0, simulated = 0.0, tolerance = 0.0;
  int decimals = 0;  // for printing
  LineKind kind = LineKind::fitted;
  std::string data;  // the data the line uses
  bool pass() const;
};

struct ValidationOptions {
  std::string data_dir = "../shared/data";
  std::string scenario = "nl_2019_no_sto";
  std::vector<Override> overrides;
  int replicates = 8;
  int threads = 0;          // 0: all cores
  bool dynamics = true;     // false: the initial state and exam sectors only (no model run)
};

struct ValidationResult {
  std::string scenario;
  std::vector<ValidationLine> lines;
  std::string details;  // what the table does not show: sector coverage, yearly series
  int failures() const;
};

// Imports the data (to a temporary population file), loads the scenario on it and compares.
ValidationResult run_validation(const ValidationOptions& options);
std::string validation_report(const ValidationResult& result);

// The series of the dynamics lines for one scenario (averaged over replicates), for calibration.
struct SimulatedExamSeries {
  std::vector<int> years;
  std::vector<double> share_pct, locations;
  std::vector<double> net_loss_continuing;  // from each year to the next (as TechniekSeries)
};

}  // namespace stosim
