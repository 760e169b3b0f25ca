// The stosim command line: run, describe, export, docs, import, validate.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>
#include <mutex>

#include "output/compare.hpp"
#include "output/csv_export.hpp"
#include "output/report.hpp"
#include "output/reference_docs.hpp"
#include "output/run_file.hpp"
#include "sim/data_error.hpp"
#include "sim/population_file.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/validation.hpp"
#include "sim/version.hpp"

namespace {

using namespace stosim;

constexpr int exit_invalid_input = 2;
constexpr int exit_validation_failed = 3;

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
  const std::string population = scenario.population.source == "file"
                                     ? "population " + scenario.population.path
                                     : fmt::format("scale {}", scenario.population.scale);
  if (!a.quiet)
    std::fprintf(stderr, "stosim: scenario %s, %d replicate(s), %d-%d, %s\n", scenario.name.c_str(),
                 scenario.replicates, scenario.start_year, scenario.end_year, population.c_str());
  const RunResult result = run_scenario(scenario, options);
  write_run_file(a.output, result);
  if (!a.quiet)
    std::fprintf(stderr, "stosim: wrote %s (%.2f s on %d threads)\n", a.output.c_str(), result.seconds,
                 result.threads);
  return 0;
}

struct ImportArgs {
  std::string data_dir, output;
  ImportOptions files;
  bool quiet = false;
};

int import_command(ImportArgs a) {
  ImportOptions o = default_import_files(a.data_dir);
  for (auto [given, field] : {std::pair{&a.files.students, &o.students}, {&a.files.addresses, &o.addresses},
                              {&a.files.geocoded, &o.geocoded}, {&a.files.cbs_youth, &o.cbs_youth},
                              {&a.files.centroids, &o.centroids}})
    if (!given->empty()) *field = *given;
  o.region_table = a.files.region_table;
  o.coordinates = a.files.coordinates;
  o.regions = a.files.regions;
  o.seed = a.files.seed;
  const ImportedPopulation population = import_population(o);
  if (!a.quiet) std::cout << import_summary(population);
  write_population_file(a.output, population);
  if (!a.quiet) std::fprintf(stderr, "stosim: wrote %s\n", a.output.c_str());
  return 0;
}

int validate_command(ValidationOptions o, const std::vector<std::string>& sets) {
  o.overrides = parse_overrides(sets);
  const ValidationResult result = run_validation(o);
  std::cout << validation_report(result);
  if (result.failures() == 0) return 0;
  std::fprintf(stderr, "stosim: validation failed: %d line(s) outside tolerance\n", result.failures());
  return exit_validation_failed;
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
  stosim compare results/baseline.h5 results/no_sto.h5 -o effects.csv

Exit codes: 0 success, 1 run-time failure, 2 invalid input (scenario, option or file),
3 validation outside tolerance.)TEXT"};
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

  std::string compare_a, compare_b, compare_out;
  CompareOptions compare_options;
  CLI::App* compare_cmd = app.add_subcommand("compare", R"TEXT(Effects of a scenario against a counterfactual, paired by replicate.

Both run files must come from the same seed, replicates and years, so that replicate r of each
drew the same random numbers (common random numbers): the paired differences then measure the
scenario's effect, not noise. Writes tidy CSV (to stdout, or --output): for each indicator,
category and year, the two means, the mean effect and its 95 % confidence interval.

Example:
  stosim run baseline -o b.h5 --replicates 20 && stosim run no_sto -o n.h5 --replicates 20
  stosim compare b.h5 n.h5 -o effects.csv)TEXT");
  compare_cmd->add_option("SCENARIO", compare_a, "Run file of the scenario")->required()->check(CLI::ExistingFile);
  compare_cmd->add_option("COUNTERFACTUAL", compare_b, "Run file of the counterfactual (e.g. no_sto)")
      ->required()->check(CLI::ExistingFile);
  compare_cmd->add_option("-o,--output", compare_out, "CSV file to write (default: stdout)");
  compare_cmd->add_flag("--all-years", compare_options.all_years, "Every year, not only the last");
  compare_cmd->add_option("--level", compare_options.level, "national (default) or region")
      ->check(CLI::IsMember({"national", "region"}));

  std::string report_run, report_against, report_out;
  CLI::App* report_cmd = app.add_subcommand("report", R"TEXT(Write an HTML report of a run that a person can read.

Charts of key national indicators over the years (mean over replicates and the range of the
replicates), the STO triangle of every region in the last year, and the resolved scenario.
With --against, each chart shows the counterfactual run too.

Example:
  stosim report results/baseline.h5 --against results/no_sto.h5 -o results/baseline.html)TEXT");
  report_cmd->add_option("RUN", report_run, "Run file")->required()->check(CLI::ExistingFile);
  report_cmd->add_option("--against", report_against, "Run file of a counterfactual (e.g. no_sto)")
      ->check(CLI::ExistingFile);
  report_cmd->add_option("-o,--output", report_out, "HTML file to write")->required();

  std::string docs_dir;
  CLI::App* docs_cmd = app.add_subcommand("docs", "Regenerate docs/PARAMETERS.md, docs/OUTPUT.md and the channel table of docs/ODD.md from the code");
  docs_cmd->add_option("DIR", docs_dir, "Directory to write into (the repository's docs/)")->required();

  ImportArgs import_args;
  CLI::App* import_cmd = app.add_subcommand("import", R"TEXT(Build a population file from DUO and CBS open data.

Reads the publishers' own files (';' or ',' separated, UTF-8 or Windows-1252, '<5' for small
counts): DUO students per location (1 October 2019), DUO addresses, geocoded locations, CBS
youth per postcode and postcode centroids. Prints what it imported beside the files' own
totals, with every warning counted, and writes an HDF5 population file (docs/POPULATION.md)
for scenarios with population.source: file. Bad input: a message naming file, line and
column, exit code 2, nothing written.

Examples:
  stosim import --data ../shared/data -o results/nl_2019_population.h5
  stosim import --data ../shared/data -o p.h5 --regions-csv my_regions.csv
  stosim run nl_2019 -o results/nl_2019.h5)TEXT");
  import_cmd->add_option("--data", import_args.data_dir, "Directory with the files under their published names")
      ->required();
  import_cmd->add_option("-o,--output", import_args.output, "Population file to write (HDF5)")->required();
  import_cmd->add_option("--students", import_args.files.students, "DUO students per location (instead of DIR's)");
  import_cmd->add_option("--addresses", import_args.files.addresses, "DUO addresses of locations (instead of DIR's)");
  import_cmd->add_option("--geocoded", import_args.files.geocoded, "Geocoded locations (instead of DIR's)");
  import_cmd->add_option("--cbs", import_args.files.cbs_youth, "CBS inhabitants per postcode (instead of DIR's)");
  import_cmd->add_option("--centroids", import_args.files.centroids, "Postcode centroids (instead of DIR's)");
  import_cmd->add_option("--regions-csv", import_args.files.region_table,
                         "CSV with columns location,region[,region_name] instead of clustering");
  import_cmd->add_option("--coordinates", import_args.files.coordinates,
                         "CSV with columns location,lat,lon that overrides the files' coordinates");
  import_cmd->add_option("--regions", import_args.files.regions, "Number of regions to cluster (default 78)")
      ->check(CLI::PositiveNumber);
  import_cmd->add_option("--seed", import_args.files.seed, "Seed of the clustering start and home draws (default 2019)");
  import_cmd->add_flag("-q,--quiet", import_args.quiet, "Print nothing");

  ValidationOptions validate_args;
  std::vector<std::string> validate_sets;
  bool initial_only = false;
  CLI::App* validate_cmd = app.add_subcommand("validate", R"TEXT(Compare the model with DUO's observed data.

Imports the data in DIR (as `stosim import` does) into a temporary population file, starts
SCENARIO from it, and prints observed beside simulated with each line's tolerance
(validation/README.md): the imported 2019/20 state against the published figures, the exam
sector of each profile against DUO's 2018/19 files, and the no-STO dynamics (techniek share
of exam candidates, locations with techniek candidates) against 2014/15-2018/19.
Exits with 3 when a line is outside its tolerance.

Examples:
  stosim validate --data ../shared/data
  stosim validate --data ../shared/data --replicates 16 --set programme_viability.min_students=20
  stosim validate --data ../shared/data --initial-only)TEXT");
  validate_cmd->add_option("--data", validate_args.data_dir, "Directory with the DUO and CBS files")
      ->capture_default_str();
  validate_cmd->add_option("--scenario", validate_args.scenario, "Scenario to validate")->capture_default_str();
  validate_cmd->add_option("--replicates", validate_args.replicates, "Replicates averaged in the dynamics lines")
      ->check(CLI::PositiveNumber)->capture_default_str();
  validate_cmd->add_option("--threads", validate_args.threads, "Worker threads (default: all cores)")
      ->check(CLI::PositiveNumber);
  validate_cmd->add_option("--set", validate_sets, "Override any key: --set KEY=VALUE, repeatable");
  validate_cmd->add_flag("--initial-only", initial_only, "Check the initial state and exam sectors only (no run)");

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
    if (*import_cmd) return import_command(import_args);
    if (*validate_cmd) {
      validate_args.dynamics = !initial_only;
      return validate_command(validate_args, validate_sets);
    }
    if (*compare_cmd) {
      if (compare_out.empty()) {
        compare_runs(compare_a, compare_b, compare_options, std::cout);
      } else {
        write_atomically(compare_out, [&](const std::string& tmp) {
          std::ofstream out(tmp);
          compare_runs(compare_a, compare_b, compare_options, out);
          if (!out) throw std::runtime_error(tmp + ": write failed");
        });
      }
      return 0;
    }
    if (*report_cmd) {
      write_report(report_run, report_against, report_out);
      std::fprintf(stderr, "stosim: wrote %s\n", report_out.c_str());
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
      const std::filesystem::path odd = std::filesystem::path(docs_dir) / "ODD.md";
      if (std::filesystem::exists(odd)) {
        std::ifstream in(odd);
        std::stringstream text;
        text << in.rdbuf();
        write("ODD.md", odd_with_channel_table(text.str()));
      }
      return 0;
    }
  } catch (const ScenarioError& e) {
    for (const std::string& m : e.messages()) std::fprintf(stderr, "%s\n", m.c_str());
    std::fprintf(stderr, "stosim: invalid scenario, nothing was run or written\n");
    return exit_invalid_input;
  } catch (const DataError& e) {
    for (const std::string& m : e.messages()) std::fprintf(stderr, "%s\n", m.c_str());
    std::fprintf(stderr, "stosim: invalid input data, nothing was written\n");
    return exit_invalid_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stosim: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
