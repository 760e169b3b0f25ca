// `stosim export`: a run file's indicators as tidy CSV.
#include <cstdio>
#include <memory>

#include "app/commands.hpp"
#include "output/csv_export.hpp"

namespace stosim::app {

namespace {

struct ExportArgs {
  std::string input, dir;
};

int export_run(const ExportArgs& a) {
  const ExportSummary summary = export_csv(a.input, a.dir);
  for (const auto& f : summary.files) std::fprintf(stderr, "stosim: wrote %s\n", f.c_str());
  std::fprintf(stderr, "stosim: %zu rows\n", summary.rows);
  return 0;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", R"TEXT(Export a run file's indicators as tidy CSV.

Writes DIR/national.csv, DIR/region.csv and DIR/location.csv with the columns
scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value (docs/OUTPUT.md).

Example:
  stosim export results/baseline.h5 --csv results/baseline_csv
  python3 -c "import pandas as pd; print(pd.read_csv('results/baseline_csv/national.csv').head())")TEXT");
  cmd->add_option("RUN", a->input, "HDF5 file written by `stosim run`")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--csv", a->dir, "Directory for the CSV files (created if missing)")->required();

  return {cmd, [a] { return export_run(*a); }};
}

}  // namespace stosim::app
