// `stosim import`: a population file from DUO and CBS open data.
#include <cstdio>
#include <iostream>
#include <memory>
#include <utility>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "population/population_file.hpp"
#include "population/population_import.hpp"

namespace stosim::app {

namespace {

struct ImportArgs {
  std::string data_dir, output, school_year = "2019/20";
  ImportOptions files;
  bool quiet = false;
};

int import(ImportArgs a) {
  prepare_output(a.output, a.quiet);
  ImportOptions o = default_import_files(a.data_dir);
  for (auto [given, field] : {std::pair{&a.files.students, &o.students},
                              {&a.files.addresses, &o.addresses},
                              {&a.files.geocoded, &o.geocoded},
                              {&a.files.cbs_youth, &o.cbs_youth},
                              {&a.files.centroids, &o.centroids}})
    if (!given->empty()) *field = *given;
  o.region_table = a.files.region_table;
  o.coordinates = a.files.coordinates;
  o.regions = a.files.regions;
  o.seed = a.files.seed;
  o.start_year = import_start_year(a.school_year);
  const ImportedPopulation population = import_population(o);
  if (!a.quiet) std::cout << import_summary(population);
  write_population_file(a.output, population);
  if (!a.quiet) std::fprintf(stderr, "stosim: wrote %s\n", a.output.c_str());
  return 0;
}

}  // namespace

Command add_import_command(CLI::App& app) {
  auto a = std::make_shared<ImportArgs>();
  CLI::App* cmd =
      app.add_subcommand("import", R"TEXT(Build a population file from DUO and CBS open data.

Reads the publishers' own files (';' or ',' separated, UTF-8 or Windows-1252, '<5' for small
counts): DUO students per location (1 October 2019), DUO addresses, geocoded locations, CBS
youth per postcode and postcode centroids. Prints what it imported beside the files' own
totals, with every warning counted, and writes an HDF5 population file (docs/POPULATION.md)
for scenarios with population.source: file. Bad input: a message naming file, line and
column, exit code 2, nothing written.

--school-year 2017/18 builds the STO zero situation instead: years 3-4 from the exam files
(candidates of 2018/19 and 2017/18 per location, leerweg and profile), scaled to the published
year-3 count of 2017/18, for back-tests against the 2019/20 count (scenario nl_2017).

Examples:
  stosim import --data ../shared/data -o results/nl_2019_population.h5
  stosim import --data ../shared/data -o p.h5 --regions-csv my_regions.csv
  stosim import --data ../shared/data -o results/nl_2017_population.h5 --school-year 2017/18
  stosim run nl_2019 -o results/nl_2019.h5)TEXT");
  cmd->add_option("--data", a->data_dir, "Directory with the files under their published names")
      ->required();
  cmd->add_option("-o,--output", a->output, "Population file to write (HDF5)")->required();
  cmd->add_option("--school-year", a->school_year, "Initial state: 2019/20 (default, DUO's count) or 2017/18")
      ->check(CLI::IsMember({"2019/20", "2017/18"}));
  cmd->add_option("--students", a->files.students, "DUO students per location (instead of DIR's)");
  cmd->add_option("--addresses", a->files.addresses,
                  "DUO addresses of locations (instead of DIR's)");
  cmd->add_option("--geocoded", a->files.geocoded, "Geocoded locations (instead of DIR's)");
  cmd->add_option("--cbs", a->files.cbs_youth, "CBS inhabitants per postcode (instead of DIR's)");
  cmd->add_option("--centroids", a->files.centroids, "Postcode centroids (instead of DIR's)");
  cmd->add_option("--regions-csv", a->files.region_table,
                  "CSV with columns location,region[,region_name] instead of clustering");
  cmd->add_option("--coordinates", a->files.coordinates,
                  "CSV with columns location,lat,lon that overrides the files' coordinates");
  cmd->add_option("--regions", a->files.regions, "Number of regions to cluster (default 78)")
      ->check(whole_number(1, 10000));
  cmd->add_option("--seed", a->files.seed,
                  "Seed of the clustering start and home draws, 0 to 2^64-1 (default 2019)")
      ->check(seed_validator());
  cmd->add_flag("-q,--quiet", a->quiet, "Print nothing");

  return {cmd, [a] { return import(*a); }};
}

}  // namespace stosim::app
