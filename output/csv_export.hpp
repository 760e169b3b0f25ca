#pragma once
// `stosim export RUN.h5 --csv DIR`: the indicators of a run file as tidy long CSV, one file per
// level (national.csv, region.csv, location.csv) with the columns
//   scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value
// where unit is the spatial unit (NL, a region code or a location code), profile/leerweg/group
// are empty when an indicator has no such breakdown (group holds a DUO sector or an mbo origin),
// and undefined values (a ratio over zero students) are NA.
#include <string>
#include <vector>

namespace stosim {

struct ExportSummary {
  std::vector<std::string> files;
  std::size_t rows = 0;
};

ExportSummary export_csv(const std::string& run_path, const std::string& directory);

}  // namespace stosim
