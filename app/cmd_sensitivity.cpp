// `stosim sensitivity`: Sobol' and Morris indices of outputs with respect to parameters.
#include <memory>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "experiments/commands.hpp"

namespace stosim::app {

Command add_sensitivity_command(CLI::App& app) {
  struct Args {
    SensitivityArgs args;
    std::vector<std::string> sets;
  };
  auto a = std::make_shared<Args>();
  SensitivityArgs& s = a->args;
  CLI::App* cmd = app.add_subcommand("sensitivity", R"TEXT(Global sensitivity of outputs to parameters (Sobol' or Morris).

Sobol': first-order (S1) and total (ST) indices from a Saltelli design of N (k + 2) runs
(quasi-random Sobol' points, Jansen estimators); Morris: mu, mu* and sigma of elementary effects
on r trajectories of k + 1 runs (per unit of each parameter's range). Intervals by bootstrap.
Parameters vary over their declared ranges, or LOW:HIGH. Every run uses the same replicates
(common random numbers). Writes CSV (docs/CALIBRATION.md).

Examples:
  stosim sensitivity baseline --set population.scale=0.1 --param h9.choice_effect \
      --param h1.concentration_rate=0:1 --target technical_share_year3,national,,BB,2030 \
      --samples 128 -o sobol.csv
  stosim sensitivity baseline --method morris --samples 20 --param dropout.dropout_rate \
      --param h9.dropout_effect --target dropped_out,national,,,2025)TEXT");
  cmd->add_option("SCENARIO", s.scenario, "Scenario name or YAML file")->capture_default_str();
  cmd->add_option("--param", s.parameters, "KEY or KEY=LOW:HIGH, repeatable")->required();
  cmd->add_option("--target", s.targets, target_help)->required();
  cmd->add_option("--method", s.method, "sobol or morris")->check(CLI::IsMember({"sobol", "morris"}))->capture_default_str();
  cmd->add_option("--samples", s.samples, "Sobol': base samples N (default 64); Morris: trajectories (default 20)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--levels", s.levels, "Morris grid levels (even)")->capture_default_str();
  cmd->add_option("--replicates", s.replicates, "Replicates per run, averaged")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--resamples", s.resamples, "Bootstrap resamples")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--confidence", s.confidence, "Interval level")->check(CLI::Range(0.5, 0.999))->capture_default_str();
  cmd->add_option("--seed", s.seed, "Seed of the Morris design and the bootstrap")->capture_default_str();
  cmd->add_option("--set", a->sets, "Override any scenario key: --set KEY=VALUE, repeatable");
  cmd->add_option("--threads", s.threads, "Worker threads (default: all cores)")->check(threads_validator());
  cmd->add_option("-o,--output", s.output, "CSV file (default: stdout)");
  cmd->add_flag("-q,--quiet", s.quiet, "No progress on stderr");
  return {cmd, [a] {
            a->args.overrides = parse_overrides(a->sets);
            return sensitivity_command(a->args);
          }};
}

}  // namespace stosim::app
