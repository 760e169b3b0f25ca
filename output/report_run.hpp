#pragma once
// A run file as `stosim report` reads it: metadata, entities and indicator arrays. Internal to
// the report (output/report*.cpp).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sim/hdf5_file.hpp"

namespace stosim::report {

// One indicator at one level: values[replicate, year, unit, cell].
struct Array {
  std::vector<double> values;
  std::size_t replicates = 0, years = 0, units = 0, cells = 1;
  std::vector<std::vector<std::string>> labels;  // per category dimension
  std::string unit;

  // The replicates' values at (year, unit, cell).
  std::vector<double> at(std::size_t year, std::size_t u, std::size_t cell) const;
  // The replicates' values summed over every cell (additive indicators only).
  std::vector<double> summed(std::size_t year, std::size_t u) const;
  // Index of the cell with this label in a one-dimensional breakdown.
  std::size_t cell_of(std::string_view label) const;
};

struct RunFile {
  std::string path, scenario, description, version, commit, created, population, yaml;
  std::int64_t seed = 0, replicates = 0, threads = 0;
  double wall_seconds = 0;
  std::vector<std::int32_t> years;
  std::vector<std::string> region_code, region_name, location_code, location_name;
  std::vector<std::int32_t> location_region;
  std::vector<double> location_lat, location_lon, region_lat, region_lon;
  std::vector<int> technical_profiles;  // indices of the technical profiles
  h5::Handle file;

  const Array& read(std::string_view level, std::string_view indicator) const;

 private:
  mutable std::map<std::string, Array> cache_;
};

RunFile open_run(const std::string& path);

}  // namespace stosim::report
