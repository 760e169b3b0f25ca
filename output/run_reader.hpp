#pragma once
// Reading a run file (docs/OUTPUT.md) for export, compare and report. Every dataset is checked
// against the file's own tables (replicates, years, regions, locations, categories) and its
// checksum before it is used, so that a damaged or inconsistent file is refused with a
// DataError naming the file and the dataset, never misread or read out of bounds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/hdf5_file.hpp"

namespace stosim {

struct RunInfo {
  std::string path, scenario, scenario_yaml;
  std::int64_t format_version = 0;
  std::uint64_t seed = 0;
  std::int64_t replicates = 0;
  std::string population;  // "synthetic, scale 0.1" or "file PATH"; empty in format version 1
  std::vector<std::int32_t> years;
  std::vector<std::string> location_codes, region_codes, region_names;
  const std::vector<std::string>& units(const std::string& level) const;  // location/region/national
};

// One indicator at one level: values[replicate][year][unit][cells...], row-major.
struct IndicatorTable {
  std::string name;
  std::vector<std::string> dimensions;  // "replicate,year,UNIT,..." as stored
  std::vector<hsize_t> shape;
  std::vector<double> values;
  std::vector<std::vector<std::string>> labels;  // of dimensions 3.. (the categories)
  std::size_t cells() const;
  double at(std::size_t replicate, std::size_t year, std::size_t unit, std::size_t cell) const {
    return values[((replicate * shape[1] + year) * shape[2] + unit) * cells() + cell];
  }
};

inline constexpr const char* run_levels[] = {"location", "region", "national"};

class RunFile {
 public:
  // Opens the file and checks its metadata, years and entity tables.
  explicit RunFile(const std::string& path);
  const RunInfo& info() const { return info_; }
  std::vector<std::string> indicators(const std::string& level) const;
  // Reads one indicator, checked: shape against the tables, labels, checksum.
  IndicatorTable indicator(const std::string& level, const std::string& name) const;
  // Reads and checks every indicator of every level.
  void check_all() const;

 private:
  [[noreturn]] void fail(const std::string& what) const;
  IndicatorTable read_indicator(const std::string& level, const std::string& name) const;
  h5::Handle file_;
  RunInfo info_;
};

// Throws DataError naming every difference that keeps `a` and `b` from being paired replicate
// by replicate (common random numbers): seed, replicates, years, population, regions, locations.
void check_paired(const RunInfo& a, const RunInfo& b, const std::string& command);

// The checksum stored with each indicator dataset (FNV-1a over the little-endian doubles in
// file order), built block by block where a dataset is too large to hold at once.
class Checksum {
 public:
  void add(const double* values, std::size_t n);
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ull;
};
std::uint64_t indicator_checksum(const std::vector<double>& values);

}  // namespace stosim
