#pragma once
// `stosim export FILE.h5 --csv DIR`: a run file's or a sweep file's results as tidy CSV.
//
// Run files: one file per level (national.csv, region.csv, location.csv) with the columns
//   scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value
// where unit is the spatial unit (NL, a region code or a location code), profile, leerweg and
// group are "all" when an indicator has no such breakdown (group holds a DUO sector, an mbo
// origin or level, ...) and undefined values (a ratio over zero students) are NA. Sweep files add
// a leading `run` column, and write design.csv (one row per run: its scenario and the value of
// every varied key) and summaries.csv (run,replicate,summary,level,unit,value).
//
// With per_indicator, each indicator goes to its own LEVEL_INDICATOR.csv with only the columns
// it has: [run,]replicate,year,unit,<its breakdown dimensions>,value. Every column has one type
// in every row, so pandas and R read them without warnings.
#include <string>
#include <vector>

namespace stosim {

struct ExportOptions {
  std::vector<std::string> levels;      // empty: all
  std::vector<std::string> indicators;  // empty: all
  std::vector<int> years;               // empty: all
  std::vector<int> replicates;          // empty: all
  std::vector<int> runs;                // sweep files; empty: all
  bool per_indicator = false;
};

struct ExportSummary {
  std::vector<std::string> files;
  std::size_t rows = 0;
};

ExportSummary export_csv(const std::string& path, const std::string& directory, const ExportOptions& options = {});

}  // namespace stosim
