// `stosim compare`: effects of a scenario against a counterfactual, paired by replicate.
#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "output/compare.hpp"
#include "sim/atomic_write.hpp"

namespace stosim::app {

namespace {

struct CompareArgs {
  std::string scenario, counterfactual, output;
  CompareOptions options;
};

int compare(const CompareArgs& a) {
  if (a.output.empty()) {
    compare_runs(a.scenario, a.counterfactual, a.options, std::cout);
    return 0;
  }
  prepare_output(a.output, false);
  write_atomically({text_output(a.output, [&](std::ostream& out) {
    compare_runs(a.scenario, a.counterfactual, a.options, out);
  })});
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

Example:
  stosim run baseline -o b.h5 --replicates 20 && stosim run no_sto -o n.h5 --replicates 20
  stosim compare b.h5 n.h5 -o effects.csv)TEXT");
  cmd->add_option("SCENARIO", a->scenario, "Run file of the scenario")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("COUNTERFACTUAL", a->counterfactual,
                  "Run file of the counterfactual (e.g. no_sto)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", a->output, "CSV file to write (default: stdout)");
  cmd->add_flag("--all-years", a->options.all_years, "Every year, not only the last");
  cmd->add_option("--level", a->options.level, "national (default) or region")
      ->check(CLI::IsMember({"national", "region"}));

  return {cmd, [a] { return compare(*a); }};
}

}  // namespace stosim::app
