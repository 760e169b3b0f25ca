#include "sim/catalog.hpp"

namespace stosim {

std::optional<int> profile_index(std::string_view code) {
  for (int p = 0; p < n_profiles; ++p)
    if (profile_codes[p] == code) return p;
  return std::nullopt;
}

std::array<bool, n_profiles> technical_mask(const std::vector<std::string>& codes) {
  std::array<bool, n_profiles> mask{};
  for (const std::string& code : codes)
    if (const auto p = profile_index(code)) mask[*p] = true;
  return mask;
}

}  // namespace stosim
