// The stosim command line. Each subcommand lives in its own file (app/cmd_*.cpp).
#include <fmt/format.h>

#include <cstdio>
#include <stdexcept>

#include "app/commands.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"
#include "sim/version.hpp"

namespace stosim::app {

std::vector<Override> parse_overrides(const std::vector<std::string>& sets) {
  std::vector<Override> out;
  for (const std::string& s : sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0)
      throw ScenarioError({fmt::format("command line: --set {}: expected KEY=VALUE", s)});
    out.push_back({s.substr(0, eq), s.substr(eq + 1)});
  }
  return out;
}

}  // namespace stosim::app

int main(int argc, char** argv) {
  using namespace stosim;
  using namespace stosim::app;
  clean_up_temporaries_on_signals();
  CLI::App app{R"TEXT(stosim — agent-based simulation of technical vmbo in the Netherlands and the
Sterk Techniekonderwijs programme (STO), school years 2017/18 to 2030.

Students choose schools and profiles, programmes open and close, and the monitor records the
indicators of the STO research design, per year, replicate, location, region and nation.

Examples:
  stosim run baseline -o results/baseline.h5
  stosim run baseline -o small.h5 --scale 0.1 --replicates 10 --threads 2
  stosim run baseline -o test.h5 --set profile_choice.beta_distance=-0.3
  stosim describe baseline                  # the resolved scenario, every key
  stosim export results/baseline.h5 --csv results/baseline_csv
  stosim sweep sweeps/example_grid.yaml -o grid.h5   # many runs (docs/EXPERIMENTS.md)
  stosim compare results/baseline.h5 results/no_sto.h5 -o effects.csv
  stosim report results/baseline.h5 --against results/no_sto.h5 -o report.html
  stosim indicators                         # what a run records
  stosim attribute baseline no_sto --target technical_share_year3,national,,BB,2030
  stosim calibrate validation/calibrations/synthetic_profile_choice.yaml

Exit codes: 0 success, 1 run-time failure, 2 invalid input (scenario, option or file),
3 validation outside tolerance.)TEXT"};
  app.name("stosim");
  app.set_version_flag("--version",
                       std::string(stosim::version()) + " (" + stosim::git_commit() + ")");
  app.require_subcommand(1);
  const std::vector<Command> commands = {add_run_command(app),    add_describe_command(app),
                                         add_export_command(app), add_compare_command(app),
                                         add_report_command(app), add_docs_command(app),
                                         add_import_command(app), add_validate_command(app),
                                         add_observed_command(app), add_sensitivity_command(app),
                                         add_attribute_command(app), add_calibrate_command(app),
                                         add_indicators_command(app), add_sweep_command(app),
                                         add_merge_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    if (code != 0) suggest_options(app, argc, argv);
    return code == 0 ? 0 : exit_invalid_input;
  }

  try {
    for (const Command& command : commands)
      if (*command.subcommand) return command.action();
  } catch (const ScenarioError& e) {
    for (const std::string& m : e.messages()) std::fprintf(stderr, "%s\n", m.c_str());
    std::fprintf(stderr, "stosim: invalid scenario, nothing was run or written\n");
    return exit_invalid_input;
  } catch (const DataError& e) {
    for (const std::string& m : e.messages()) std::fprintf(stderr, "%s\n", m.c_str());
    std::fprintf(stderr, "stosim: invalid input data, nothing was written\n");
    return exit_invalid_input;
  } catch (const OutputPathError& e) {
    std::fprintf(stderr, "stosim: %s\nstosim: invalid output path, nothing was run or written\n", e.what());
    return exit_invalid_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stosim: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
