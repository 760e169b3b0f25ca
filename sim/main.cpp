// The stosim command line: run, describe, export, docs.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>

#include "output/csv_export.hpp"
#include "output/reference_docs.hpp"
#include "output/run_file.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/version.hpp"

namespace {

using namespace stosim;

constexpr int exit_invalid_input = 2;

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

// Progress on stderr, only when a person is watching (stderr is a terminal).
class Progress {
 public:
  Progress(int replicates, int years, bool enabled)
      : total_(replicates * years), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void operator()(int replicate, int year) {
    const int done = ++done_;
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double eta = done > 0 ? elapsed * (total_ - done) / done : 0.0;
    std::fprintf(stderr, "\rstosim: replicate %d, year %d — %d/%d replicate-years (%3.0f%%), ETA %.0f s   ",
                 replicate + 1, year, done, total_, 100.0 * done / total_, eta);
    if (done == total_) std::fputc('\n', stderr);
  }

 private:
  int total_;
  bool enabled_;
  std::atomic<int> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_{};
};

struct RunArgs {
  std::string scenario, output;
  std::vector<std::string> sets;
  std::optional<int> replicates, threads, start_year, end_year;
  std::optional<std::uint64_t> seed;
  std::optional<double> scale;
  bool quiet = false;
};

Scenario resolve(const std::string& scenario, std::vector<Override> overrides) {
  return load_scenario(scenario, overrides);
}

int run_command(const RunArgs& a) {
  std::vector<Override> overrides = parse_overrides(a.sets);
  if (a.replicates) overrides.push_back({"replicates", std::to_string(*a.replicates)});
  if (a.seed) overrides.push_back({"seed", std::to_string(*a.seed)});
  if (a.start_year) overrides.push_back({"start_year", std::to_string(*a.start_year)});
  if (a.end_year) overrides.push_back({"end_year", std::to_string(*a.end_year)});
  if (a.scale) overrides.push_back({"population.scale", fmt::format("{}", *a.scale)});
  const Scenario scenario = resolve(a.scenario, overrides);
  const auto parent = std::filesystem::absolute(a.output).parent_path();
  if (!std::filesystem::is_directory(parent))
    throw std::runtime_error(fmt::format("{}: the output directory {} does not exist", a.output, parent.string()));

  Progress progress(scenario.replicates, scenario.years(), !a.quiet && isatty(STDERR_FILENO));
  RunOptions options;
  options.threads = a.threads.value_or(0);
  options.progress = [&](int replicate, int year) { progress(replicate, year); };
  if (!a.quiet)
    std::fprintf(stderr, "stosim: scenario %s, %d replicate(s), %d-%d, scale %g\n", scenario.name.c_str(),
                 scenario.replicates, scenario.start_year, scenario.end_year, scenario.population.scale);
  const RunResult result = run_scenario(scenario, options);
  write_run_file(a.output, result);
  if (!a.quiet)
    std::fprintf(stderr, "stosim: wrote %s (%.2f s on %d threads)\n", a.output.c_str(), result.seconds,
                 result.threads);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
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

Exit codes: 0 success, 1 run-time failure, 2 invalid input (scenario, option or file).)TEXT"};
  app.name("stosim");
  app.set_version_flag("--version", std::string(stosim::version()) + " (" + stosim::git_commit() + ")");
  app.require_subcommand(1);

  RunArgs run;
  CLI::App* run_cmd = app.add_subcommand("run", R"TEXT(Run a scenario and write one HDF5 file.

SCENARIO is a YAML file or the name of one in $STOSIM_SCENARIO_PATH, ./scenarios or the
scenarios/ of the source tree. Flags override the scenario's keys; --set overrides any key.
Progress (replicate, year, ETA) goes to stderr when it is a terminal.

Examples:
  stosim run baseline -o baseline.h5
  stosim run scenarios/baseline.yaml -o b.h5 --replicates 20 --seed 7 --threads 2
  stosim run baseline -o b.h5 --set programme_viability.min_students=20 --set end_year=2025)TEXT");
  run_cmd->add_option("SCENARIO", run.scenario, "Scenario name or YAML file")->required();
  run_cmd->add_option("-o,--output", run.output, "HDF5 file to write (replaced when complete)")->required();
  run_cmd->add_option("--replicates", run.replicates, "Number of replicates (overrides `replicates`)");
  run_cmd->add_option("--threads", run.threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::PositiveNumber);
  run_cmd->add_option("--seed", run.seed, "Master seed (overrides `seed`)");
  run_cmd->add_option("--start-year", run.start_year, "First school year (overrides `start_year`)");
  run_cmd->add_option("--end-year", run.end_year, "Last school year (overrides `end_year`)");
  run_cmd->add_option("--scale", run.scale, "Size of the synthetic country (overrides `population.scale`)");
  run_cmd->add_option("--set", run.sets, "Override any key: --set KEY=VALUE (VALUE in YAML), repeatable");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No messages on stderr");

  std::string describe_scenario;
  std::vector<std::string> describe_sets;
  bool list_keys = false;
  CLI::App* describe_cmd = app.add_subcommand("describe", R"TEXT(Print the resolved scenario as YAML.

Shows every key after `extends` and overrides are applied, with defaults filled in: exactly
what `run` would use and what its output file stores. Without SCENARIO, prints the defaults.

Examples:
  stosim describe baseline
  stosim describe no_sto --set seed=3
  stosim describe --keys)TEXT");
  describe_cmd->add_option("SCENARIO", describe_scenario, "Scenario name or YAML file");
  describe_cmd->add_option("--set", describe_sets, "Override any key: --set KEY=VALUE, repeatable");
  describe_cmd->add_flag("--keys", list_keys, "List every valid key, one per line");

  std::string export_input, export_dir;
  CLI::App* export_cmd = app.add_subcommand("export", R"TEXT(Export a run file's indicators as tidy CSV.

Writes DIR/national.csv, DIR/region.csv and DIR/location.csv with the columns
scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value (docs/OUTPUT.md).

Example:
  stosim export results/baseline.h5 --csv results/baseline_csv
  python3 -c "import pandas as pd; print(pd.read_csv('results/baseline_csv/national.csv').head())")TEXT");
  export_cmd->add_option("RUN", export_input, "HDF5 file written by `stosim run`")->required()->check(CLI::ExistingFile);
  export_cmd->add_option("--csv", export_dir, "Directory for the CSV files (created if missing)")->required();

  std::string docs_dir;
  CLI::App* docs_cmd = app.add_subcommand("docs", "Regenerate docs/PARAMETERS.md and docs/OUTPUT.md from the code");
  docs_cmd->add_option("DIR", docs_dir, "Directory to write into (the repository's docs/)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : exit_invalid_input;
  }

  try {
    if (*run_cmd) return run_command(run);
    if (*describe_cmd) {
      if (list_keys) {
        for (const std::string& key : parameter_keys()) std::cout << key << '\n';
        return 0;
      }
      const std::vector<Override> overrides = parse_overrides(describe_sets);
      const Scenario s = describe_scenario.empty() ? default_scenario(overrides)
                                                   : load_scenario(describe_scenario, overrides);
      std::cout << to_yaml(s);
      return 0;
    }
    if (*export_cmd) {
      const ExportSummary summary = export_csv(export_input, export_dir);
      for (const auto& f : summary.files) std::fprintf(stderr, "stosim: wrote %s\n", f.c_str());
      std::fprintf(stderr, "stosim: %zu rows\n", summary.rows);
      return 0;
    }
    if (*docs_cmd) {
      const auto write = [&](const std::string& name, const std::string& text) {
        const std::string path = (std::filesystem::path(docs_dir) / name).string();
        write_atomically(path, [&](const std::string& tmp) { std::ofstream(tmp) << text; });
        std::fprintf(stderr, "stosim: wrote %s\n", path.c_str());
      };
      write("PARAMETERS.md", parameters_markdown());
      write("OUTPUT.md", output_markdown());
      return 0;
    }
  } catch (const ScenarioError& e) {
    for (const std::string& m : e.messages()) std::fprintf(stderr, "%s\n", m.c_str());
    std::fprintf(stderr, "stosim: invalid scenario, nothing was run or written\n");
    return exit_invalid_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stosim: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
