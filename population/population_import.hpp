#pragma once
// `stosim import`: builds the initial state of school year 2019/20 from the publishers' files
// (DUO students per location, DUO addresses, geocoded locations, CBS youth per postcode,
// postcode centroids). docs/POPULATION.md describes every step and choice.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/catalog.hpp"
#include "population/duo_locations.hpp"
#include "population/import_summary.hpp"
#include "population/zero_situation.hpp"
#include "sim/world.hpp"

namespace stosim {

struct ImportOptions {
  std::string students, addresses, geocoded, cbs_youth, centroids;
  std::string region_table;  // optional CSV location,region[,region_name]; empty: k-means
  std::string coordinates;   // optional CSV location,lat,lon; overrides every other source
  int regions = 78;
  std::uint64_t seed = 2019;
  // 2020: school year 2019/20, DUO's count of 1 October 2019. 2018: the STO zero situation
  // 2017/18, years 3-4 rebuilt from the exam files (population/zero_situation.hpp).
  int start_year = 2020;
  ZeroSituationFiles zero_situation;
};

// The standard file names of ../shared/data (as downloaded from DUO and CBS) inside `dir`.
ImportOptions default_import_files(const std::string& dir);
// The school years an import can start from ("2019/20", "2017/18") as start years; 0 otherwise.
int import_start_year(std::string_view school_year);

// Per imported location: what the model does not use but users want in outputs.
struct LocationDetails {
  std::vector<std::string> brin, postcode, town, gemeente, coordinate_source;
  std::array<std::vector<std::string>, 4> division_code;  // as regional_divisions
};

// Counts for the summary; `file_*` straight from the files' rows, `imported_*` from the world.
struct ImportReport {
  std::vector<FileRead> files;
  std::size_t locations_in_file = 0;
  std::map<std::string, std::int64_t> coordinate_sources;  // source -> locations
  std::string region_method;
  std::size_t smallest_region = 0, largest_region = 0;  // locations
  double youth_in_file = 0.0, youth_in_zones = 0.0;
  // Years 3-4: [grade 3, 4][leerweg][profile, or n_profiles for none]
  std::array<std::array<std::array<std::int64_t, n_profiles + 1>, n_leerwegen>, 2> file_upper{}, imported_upper{};
  // Years 1-2 in rows that may hold vmbo students ("Brugjaar 1-2").
  std::int64_t bridge_in_file = 0, bridge_havo_vwo = 0, bridge_moved = 0, bridge_not_placed = 0;
  std::array<std::int64_t, n_leerwegen> imported_bridge{};
  std::int64_t other_type_rows = 0, other_type_students = 0;
  // Students of the DUO file summed over the rows read and, independently, line by line.
  std::int64_t students_in_rows = 0, students_in_lines = 0;
  ImportWarnings warnings;
  ZeroSituationScaling zero_situation;  // for start year 2018
};

struct ImportedPopulation {
  World world;  // regions, zones, locations, programmes and students (propensity not drawn)
  std::vector<std::string> zone_code;  // PC4
  LocationDetails details;
  ImportReport report;
  ImportOptions options;
};

// Reads every file; throws DataError on a problem that stops the import.
ImportedPopulation import_population(const ImportOptions& options);
// The summary printed by `stosim import`.
std::string import_summary(const ImportedPopulation& population);

}  // namespace stosim
