#pragma once
// Population files: the initial state made by `stosim import`, as HDF5 (docs/POPULATION.md).
// They hold the world's arrays (regions, zones, locations, programmes, students) and the
// import's summary; a scenario with population.source = file starts from one.
#include <string>

#include "population/population_import.hpp"
#include "sim/world.hpp"

namespace stosim {

inline constexpr int population_file_format_version = 1;

// Written atomically: the file appears complete or not at all.
void write_population_file(const std::string& path, const ImportedPopulation& population);

struct PopulationFile {
  World world;  // propensity not drawn, reachable locations not built
  int start_year = 0;
  std::vector<std::string> zone_code;
  std::string summary;  // what `stosim import` printed
};
// Throws DataError naming the file and the dataset when it is not a valid population file.
PopulationFile read_population_file(const std::string& path);

}  // namespace stosim
