#include "population/region_names.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace stosim {

std::vector<std::string> name_regions(const std::vector<std::vector<TownCandidate>>& candidates,
                                      const std::vector<std::string>& codes) {
  struct Claim {
    double weight;
    std::size_t region, rank;
  };
  std::vector<Claim> claims;
  for (std::size_t r = 0; r < candidates.size(); ++r)
    for (std::size_t k = 0; k < candidates[r].size(); ++k) claims.push_back({candidates[r][k].weight, r, k});
  // Strongest first; ties by region and rank, so the names never depend on the sort.
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    return std::tie(b.weight, a.region, a.rank) < std::tie(a.weight, b.region, b.rank);
  });
  std::vector<std::string> names(candidates.size());
  std::set<std::string> taken;
  for (const Claim& c : claims) {
    const std::string& town = candidates[c.region][c.rank].town;
    if (!names[c.region].empty() || taken.count(town)) continue;
    names[c.region] = "Regio " + town;
    taken.insert(town);
  }
  std::map<std::string, int> repeats;
  for (std::size_t r = 0; r < names.size(); ++r) {
    if (!names[r].empty()) continue;
    if (candidates[r].empty()) {
      names[r] = "Regio " + codes[r];
      continue;
    }
    const auto best = std::max_element(candidates[r].begin(), candidates[r].end(),
                                       [](const TownCandidate& a, const TownCandidate& b) { return a.weight < b.weight; });
    names[r] = "Regio " + best->town + " " + std::to_string(++repeats[best->town] + 1);
  }
  return names;
}

}  // namespace stosim
