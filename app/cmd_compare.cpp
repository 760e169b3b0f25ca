// `stosim compare`: effects of a scenario against a counterfactual, paired by replicate.
#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "output/compare.hpp"
#include "output/compare_sweep.hpp"
#include "output/sweep_reader.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"

namespace stosim::app {

namespace {

struct CompareArgs {
  std::string scenario, counterfactual, output;
  std::vector<std::string> scenarios;  // a sweep file: the two scenarios to compare
  CompareOptions options;
};

int compare(const CompareArgs& a) {
  const bool sweep = result_file_format(a.scenario) == "stosim-sweep";
  if (sweep && (a.scenarios.size() != 2 || !a.counterfactual.empty()))
    throw DataError(a.scenario + " is a sweep file: give it alone, with --scenarios SCENARIO,COUNTERFACTUAL");
  if (!sweep && (a.counterfactual.empty() || !a.scenarios.empty()))
    throw DataError("give two run files, SCENARIO and COUNTERFACTUAL (--scenarios is for a sweep file)");
  auto write = [&](std::ostream& out) {
    if (sweep) compare_sweep(a.scenario, a.scenarios[0], a.scenarios[1], out);
    else compare_runs(a.scenario, a.counterfactual, a.options, out);
  };
  if (a.output.empty()) {
    write(std::cout);
    return 0;
  }
  prepare_output(a.output, false);
  write_atomically({text_output(a.output, write)});
  std::fprintf(stderr, "stosim: wrote %s\n", a.output.c_str());
  return 0;
}

}  // namespace

Command add_compare_command(CLI::App& app) {
  auto a = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", R"TEXT(Effects of a scenario against a counterfactual, paired by replicate.

Both run files must come from the same seed, replicates and years, so that replicate r of each
drew the same random numbers (common random numbers): the paired differences then measure the
scenario's effect, not noise. Writes tidy CSV (to stdout, or --output): for each national
indicator and category in the last year (--all-years: every year; --level region: every
region), the two means, the mean effect and its 95 % confidence interval (docs/OUTPUT.md).

A sweep file instead, with --scenarios A,B: the runs of A and B at the same design point (the
same posterior draw, the same grid values) are paired, replicate by replicate; for each national
summary it writes both means, the mean effect, the interval holding 95 % of the paired
differences over points and replicates (with a posterior design: parameter plus replicate
uncertainty) and that of the points' mean effects (parameters alone) (docs/EXPERIMENTS.md).

Examples:
  stosim run baseline -o b.h5 --replicates 20 && stosim run no_sto -o n.h5 --replicates 20
  stosim compare b.h5 n.h5 -o effects.csv
  stosim sweep posterior_effects.yaml -o p.h5 && stosim compare p.h5 --scenarios baseline,no_sto)TEXT");
  cmd->add_option("SCENARIO", a->scenario, "Run file of the scenario, or a sweep file")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("COUNTERFACTUAL", a->counterfactual,
                  "Run file of the counterfactual (e.g. no_sto); none with a sweep file")
      ->check(CLI::ExistingFile);
  cmd->add_option("--scenarios", a->scenarios, "A sweep file's scenario and counterfactual, e.g. baseline,no_sto")
      ->delimiter(',')
      ->expected(2);
  cmd->add_option("-o,--output", a->output, "CSV file to write (default: stdout)");
  cmd->add_flag("--all-years", a->options.all_years, "Every year, not only the last");
  cmd->add_option("--level", a->options.level, "national (default) or region")
      ->check(CLI::IsMember({"national", "region"}));

  return {cmd, [a] { return compare(*a); }};
}

}  // namespace stosim::app
