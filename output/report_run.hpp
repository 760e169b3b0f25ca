#pragma once
// A run file as `stosim report` reads it: the checked reader of output/run_reader.hpp for the
// indicators (every dataset checked before the page is made, as export and compare do), plus
// the metadata and entities a page shows. Internal to the report (output/report*.cpp).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "output/run_reader.hpp"

namespace stosim::report {

// One indicator at one level: values[replicate, year, unit, cell].
struct Array {
  IndicatorTable table;
  std::string unit;

  std::size_t replicates() const { return table.shape[0]; }
  // The replicates' values at (year, unit, cell).
  std::vector<double> at(std::size_t year, std::size_t u, std::size_t cell) const;
  // The replicates' values summed over every cell (additive indicators only).
  std::vector<double> summed(std::size_t year, std::size_t u) const;
  // Index of the cell with this label in a one-dimensional breakdown.
  std::size_t cell_of(std::string_view label) const;
};

class ReportRun {
 public:
  // Opens the file and checks every dataset; throws DataError naming what is wrong.
  explicit ReportRun(const std::string& path);

  const RunInfo& info() const { return file_.info(); }
  const Array& read(std::string_view level, std::string_view indicator) const;

  std::string description, version, commit, created;
  std::int64_t threads = 0;
  std::vector<std::string> location_name;
  std::vector<std::int32_t> location_region;
  std::vector<double> location_lat, location_lon, region_lat, region_lon;
  std::vector<int> technical_profiles;  // indices of the technical profiles

 private:
  void read_entities(const std::string& path);
  RunFile file_;
  mutable std::map<std::string, Array> cache_;
};

}  // namespace stosim::report
