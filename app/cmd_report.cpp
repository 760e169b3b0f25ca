// `stosim report`: an HTML page of a run that a person can read.
#include <cstdio>
#include <memory>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "output/report.hpp"

namespace stosim::app {

namespace {

struct ReportArgs {
  std::string run, against, output;
};

int report(const ReportArgs& a) {
  prepare_output(a.output, false);
  write_report(a.run, a.against, a.output);
  std::fprintf(stderr, "stosim: wrote %s\n", a.output.c_str());
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* cmd =
      app.add_subcommand("report", R"TEXT(Write an HTML report of a run that a person can read.

Charts of key national indicators over the years (mean over replicates and the range of the
replicates), the STO triangle of every region in the last year, and the resolved scenario.
With --against, each chart shows the counterfactual run too.

Example:
  stosim report results/baseline.h5 --against results/no_sto.h5 -o results/baseline.html)TEXT");
  cmd->add_option("RUN", a->run, "Run file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--against", a->against, "Run file of a counterfactual (e.g. no_sto)")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", a->output, "HTML file to write")->required();

  return {cmd, [a] { return report(*a); }};
}

}  // namespace stosim::app
