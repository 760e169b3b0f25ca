// `stosim calibrate CAL.yaml`: SMM or ABC-SMC estimates of parameters (docs/CALIBRATION.md).
#include <memory>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "experiments/commands.hpp"

namespace stosim::app {

Command add_calibrate_command(CLI::App& app) {
  struct Args {
    std::string spec;
    int threads = 0;
    bool quiet = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("calibrate", R"TEXT(Estimate parameters from observed moments (SMM or ABC-SMC).

CAL.yaml names the scenario, the observed moments (CSV, docs/CALIBRATION.md), the parameters
and their bounds, and the method: smm (NLopt, common random numbers, sandwich standard errors)
or abc (ABC-SMC; the posterior is written to `output` after every generation, and a run that
is stopped resumes from it). Progress goes to stderr, the estimates and the fit to stdout.
Invalid files are refused with file, line and key (exit 2).

Example:
  stosim calibrate validation/calibrations/synthetic_profile_choice.yaml --threads 2)TEXT");
  cmd->add_option("CAL", a->spec, "Calibration file (YAML)")->required();
  cmd->add_option("--threads", a->threads, "Worker threads (overrides the file's)")->check(threads_validator());
  cmd->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
  return {cmd, [a] { return calibrate_command(a->spec, a->threads, a->quiet); }};
}

}  // namespace stosim::app
