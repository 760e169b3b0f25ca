// `stosim validate`: the model beside DUO's observed data (validation/README.md).
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "validation/validation.hpp"

namespace stosim::app {

namespace {

struct ValidateArgs {
  ValidationOptions options;
  std::vector<std::string> sets;
  bool initial_only = false;
};

int validate(ValidateArgs a) {
  a.options.dynamics = !a.initial_only;
  a.options.overrides = parse_overrides(a.sets);
  const ValidationResult result = run_validation(a.options);
  std::cout << validation_report(result);
  if (result.failures() == 0) return 0;
  std::fprintf(stderr, "stosim: validation failed: %d line(s) outside tolerance\n",
               result.failures());
  return exit_validation_failed;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto a = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", R"TEXT(Compare the model with DUO's observed data.

Imports the data in DIR (as `stosim import` does) into a temporary population file, starts
SCENARIO from it, and prints observed beside simulated with each line's tolerance
(validation/README.md): the imported 2019/20 state against the published figures, the exam
sector of each profile against DUO's 2018/19 files, the no-STO dynamics (techniek share
of exam candidates, locations with techniek candidates) against 2014/15-2018/19, and a
back-test: scenario nl_2017 from the zero situation 2017/18 (rebuilt from the exam files, as
`stosim import --school-year 2017/18` does) forecasts the 2019/20 count. Each line says whether
its observed figure went into the initial state or a fit (fitted) or not (held out), and which
data it uses. --set applies to both runs. Exits with 3 when a line is outside its tolerance.

Examples:
  stosim validate --data ../shared/data
  stosim validate --data ../shared/data --replicates 16 --set programme_viability.min_students=20
  stosim validate --data ../shared/data --initial-only)TEXT");
  cmd->add_option("--data", a->options.data_dir, "Directory with the DUO and CBS files")
      ->capture_default_str();
  cmd->add_option("--scenario", a->options.scenario, "Scenario to validate")->capture_default_str();
  cmd->add_option("--replicates", a->options.replicates,
                  "Replicates averaged in the dynamics lines")
      ->check(whole_number(1, 100000))
      ->capture_default_str();
  cmd->add_option("--threads", a->options.threads, "Worker threads (default: all cores)")
      ->check(threads_validator());
  cmd->add_option("--set", a->sets, "Override any key: --set KEY=VALUE, repeatable");
  cmd->add_flag("--initial-only", a->initial_only,
                "Check the initial state and exam sectors only (no run)");

  return {cmd, [a] { return validate(*a); }};
}

}  // namespace stosim::app
