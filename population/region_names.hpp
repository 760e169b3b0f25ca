#pragma once
// Unique, readable names for regions made by clustering: each region is named after a town in it.
#include <string>
#include <vector>

namespace stosim {

struct TownCandidate {
  std::string town;
  double weight;  // how strongly the town stands for the region (population, students)
};

// "Regio TOWN" per region, no name twice: the strongest claims on a town win it (greedily, over
// all regions); a region whose towns were all taken gets its strongest town with a number
// ("Regio Rotterdam 2"); a region without candidates gets "Regio CODE".
std::vector<std::string> name_regions(const std::vector<std::vector<TownCandidate>>& candidates,
                                      const std::vector<std::string>& codes);

}  // namespace stosim
