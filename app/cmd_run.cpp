// `stosim run`: one scenario, every replicate, one HDF5 file. A run is a sweep of one point, so
// replicates stream through a journal to the file: memory stays flat however many replicates,
// and a killed run continues with --resume.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "experiments/sweep_runner.hpp"

namespace stosim::app {

namespace {

struct RunArgs {
  std::string scenario, output;
  std::vector<std::string> sets;
  std::optional<int> replicates, threads, start_year, end_year;
  std::optional<std::string> seed;  // checked by seed_validator(), passed on exactly
  std::optional<double> scale;
  bool quiet = false, resume = false;
};

int run(const RunArgs& a) {
  std::vector<Override> overrides = parse_overrides(a.sets);
  if (a.replicates) overrides.push_back({"replicates", std::to_string(*a.replicates)});
  if (a.seed) overrides.push_back({"seed", *a.seed});
  if (a.start_year) overrides.push_back({"start_year", std::to_string(*a.start_year)});
  if (a.end_year) overrides.push_back({"end_year", std::to_string(*a.end_year)});
  if (a.scale) overrides.push_back({"population.scale", fmt::format("{}", *a.scale)});
  const SweepSpec spec = single_run_sweep(a.scenario, overrides);
  const Scenario scenario = spec.scenario(0);
  prepare_output(a.output, a.quiet);  // before hours of simulation, not after
  SweepOptions options;
  options.output = a.output;
  options.threads = a.threads.value_or(0);
  options.resume = a.resume;
  options.run_file = true;
  options.progress = !a.quiet;
  const std::string population = scenario.population.source == "file"
                                     ? "population " + scenario.population.path
                                     : fmt::format("scale {}", scenario.population.scale);
  if (!a.quiet)
    std::fprintf(stderr, "stosim: scenario %s, %d replicate(s), %d-%d, %s\n", scenario.name.c_str(),
                 scenario.replicates, scenario.start_year, scenario.end_year, population.c_str());
  const SweepReport report = run_sweep(spec, options);
  if (!a.quiet)
    std::fprintf(stderr, "stosim: wrote %s (%.2f s on %d threads%s)\n", a.output.c_str(), report.seconds,
                 report.threads,
                 report.resumed > 0 ? fmt::format("; {} replicate(s) from the journal", report.resumed).c_str() : "");
  return 0;
}

}  // namespace

Command add_run_command(CLI::App& app) {
  auto a = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", R"TEXT(Run a scenario and write one HDF5 file.

SCENARIO is a YAML file or the name of one in $STOSIM_SCENARIO_PATH, ./scenarios or the
scenarios/ of the source tree. Flags override the scenario's keys; --set overrides any key.
Progress (replicates done, replicates/min, ETA) goes to stderr. Finished replicates are kept in
OUTPUT.journal until the file is written: a killed run continues with --resume.

Examples:
  stosim run baseline -o baseline.h5
  stosim run scenarios/baseline.yaml -o b.h5 --replicates 20 --seed 7 --threads 2
  stosim run baseline -o b.h5 --set programme_viability.min_students=20 --set end_year=2025
  stosim run baseline -o b.h5 --replicates 1000 --resume     # after a kill)TEXT");
  cmd->add_option("SCENARIO", a->scenario, "Scenario name or YAML file")->required();
  cmd->add_option("-o,--output", a->output, "HDF5 file to write (replaced when complete)")
      ->required();
  cmd->add_option("--replicates", a->replicates, "Number of replicates (overrides `replicates`)");
  cmd->add_option("--threads", a->threads,
                  "Worker threads, 1 to 1024 (default: all cores); results do not depend on it")
      ->check(threads_validator());
  cmd->add_option("--seed", a->seed, "Master seed, 0 to 2^64-1 (overrides `seed`)")
      ->check(seed_validator());
  cmd->add_option("--start-year", a->start_year, "First school year (overrides `start_year`)");
  cmd->add_option("--end-year", a->end_year, "Last school year (overrides `end_year`)");
  cmd->add_option("--scale", a->scale,
                  "Size of the synthetic country (overrides `population.scale`)");
  cmd->add_option("--set", a->sets,
                  "Override any key: --set KEY=VALUE (VALUE in YAML), repeatable");
  cmd->add_flag("-q,--quiet", a->quiet, "No messages on stderr");
  cmd->add_flag("--resume", a->resume, "Continue a killed run from OUTPUT.journal");

  return {cmd, [a] { return run(*a); }};
}

}  // namespace stosim::app
