#pragma once
// Students of an import: years 3-4 exactly as DUO counts them, years 1-2 from the "Brugjaar 1-2"
// rows split over leerwegen, and every student's home drawn over nearby postcodes.
#include <optional>
#include <vector>

#include "population/duo_students.hpp"
#include "population/population_import.hpp"
#include "sim/projection.hpp"

namespace stosim {

// `world_of` maps each DUO location to its world location (-1: none with years 3-4);
// `point_of` gives the DUO location's coordinates where known. Fills population.world.students
// and the student counts of population.report.
void add_imported_students(ImportedPopulation& population, const DuoStudents& duo,
                           const std::vector<std::int32_t>& world_of,
                           const std::vector<std::optional<PointKm>>& point_of);

}  // namespace stosim
