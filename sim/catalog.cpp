#include "sim/catalog.hpp"

namespace stosim {

std::optional<int> profile_index(std::string_view code) {
  for (int p = 0; p < n_profiles; ++p)
    if (profile_codes[p] == code) return p;
  return std::nullopt;
}

}  // namespace stosim
