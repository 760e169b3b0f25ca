// `stosim export`: a run or sweep file's results as tidy CSV, filtered.
#include <cstdio>
#include <memory>

#include "app/commands.hpp"
#include "output/csv_export.hpp"

namespace stosim::app {

namespace {

struct ExportArgs {
  std::string input, dir;
  ExportOptions options;
};

int export_run(const ExportArgs& a) {
  const ExportSummary summary = export_csv(a.input, a.dir, a.options);
  for (const auto& f : summary.files) std::fprintf(stderr, "stosim: wrote %s\n", f.c_str());
  std::fprintf(stderr, "stosim: %zu rows\n", summary.rows);
  return 0;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", R"TEXT(Export a run or sweep file's results as tidy CSV.

A run file gives DIR/national.csv, DIR/region.csv and DIR/location.csv with the columns
scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value (docs/OUTPUT.md); a
sweep file adds a leading run column, DIR/design.csv and DIR/summaries.csv
(docs/EXPERIMENTS.md). The filters keep only the rows asked for; --per-indicator writes one
LEVEL_INDICATOR.csv per indicator with only the columns it has.

Examples:
  stosim export results/baseline.h5 --csv results/baseline_csv
  stosim export b.h5 --csv out --level national --indicator students --year 2030 --per-indicator
  python3 -c "import pandas as pd; print(pd.read_csv('results/baseline_csv/national.csv').head())")TEXT");
  cmd->add_option("FILE", a->input, "HDF5 file written by `stosim run` or `stosim sweep`")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--csv", a->dir, "Directory for the CSV files (created if missing)")->required();
  cmd->add_option("--level", a->options.levels, "Only this level (repeatable)")
      ->check(CLI::IsMember({"national", "region", "location"}));
  cmd->add_option("--indicator", a->options.indicators, "Only this indicator (repeatable)");
  cmd->add_option("--year", a->options.years, "Only this school year, e.g. 2030 (repeatable)");
  cmd->add_option("--replicate", a->options.replicates, "Only this replicate, from 0 (repeatable)");
  cmd->add_option("--run", a->options.runs, "Sweep files: only this run, from 0 (repeatable)");
  cmd->add_flag("--per-indicator", a->options.per_indicator, "One file per level and indicator");

  return {cmd, [a] { return export_run(*a); }};
}

}  // namespace stosim::app
