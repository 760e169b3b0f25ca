// `stosim report`: one offline HTML page of one or more runs that an analyst can read.
#include <cstdio>
#include <memory>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "output/report.hpp"

namespace stosim::app {

namespace {

int report(ReportRequest request, const std::string& output) {
  prepare_output(output, false);
  request.assets = find_report_assets();  // empty when not installed: write_report says what to do
  write_report(request, output);
  std::fprintf(stderr, "stosim: wrote %s (open it in a browser; it needs no network)\n", output.c_str());
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto request = std::make_shared<ReportRequest>();
  auto output = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("report", R"TEXT(Write an HTML report of one or more runs that a person can read.

One self-contained page (charts drawn with Vega-Lite, inlined: it opens offline): the runs'
metadata and sources; national indicators over the years (mean over replicates and the range of
the replicates); the STO triangle nationally and per region; maps of the locations (technical
offer, closures) and the regions (technical share, techniekarm); a table of the regions; the
resolved scenarios. With --against, also each scenario's effects against the counterfactual,
paired by replicate with 95 % intervals: a scorecard of what each pathway H1-H9 should move, and
effects over the years. Several runs are shown side by side. A sweep file (stosim sweep) gets a
page of its own: each national per-run summary against each parameter the design varied, and,
when it runs two scenarios at the same design points, the effects of its first scenario against
its second (as `stosim compare SWEEP.h5 --scenarios A,B`).

Examples:
  stosim report results/baseline.h5 --against results/no_sto.h5 -o results/baseline.html
  stosim report c0.h5 c10.h5 c20.h5 --against no_sto.h5 -o cofinancing.html
  stosim report results/grid.h5 -o grid.html            # a sweep)TEXT");
  cmd->add_option("RUN", request->runs, "Run files of the scenarios, shown side by side, or one sweep file")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--against", request->counterfactual,
                  "Run file of the counterfactual (e.g. no_sto; same seed and replicates)")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", *output, "HTML file to write (replaced when complete)")->required();

  return {cmd, [request, output] { return report(*request, *output); }};
}

}  // namespace stosim::app
