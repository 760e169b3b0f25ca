#pragma once
// What a scenario file may be, checked before its YAML is turned into nodes, so that no file
// can make stosim hang, exhaust memory or misread it (docs/RELIABILITY.md):
//   - a regular file of at most 1 MiB, in UTF-8;
//   - one YAML document;
//   - at most 100,000 nodes with every alias expanded (a "billion laughs" fails at once);
//   - lists of at most 1,000 items.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stosim {

inline constexpr std::size_t max_scenario_bytes = std::size_t{1} << 20;
inline constexpr std::size_t max_scenario_nodes = 100000;
inline constexpr std::size_t max_list_items = 1000;
// Messages printed for one invalid scenario; the rest are counted.
inline constexpr std::size_t max_error_messages = 20;

// The text of a scenario file, or nullopt with a message "FILE[:LINE]: ..." added to `errors`.
std::optional<std::string> read_scenario_text(const std::string& file, std::vector<std::string>& errors);

// The first byte that is not part of valid UTF-8, and its line.
struct InvalidByte {
  int line;
  unsigned char byte;
};
std::optional<InvalidByte> invalid_utf8(std::string_view text);

}  // namespace stosim
