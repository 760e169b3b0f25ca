#include "app/cli_checks.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "sim/atomic_write.hpp"

namespace stosim::app {

std::optional<std::uint64_t> parse_seed(const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

CLI::Validator seed_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (parse_seed(text)) return {};
        return fmt::format("expected a whole number from 0 to {}, got '{}'",
                           std::numeric_limits<std::uint64_t>::max(), text);
      },
      "0..2^64-1");
}

CLI::Validator whole_number(int lowest, int highest) {
  return CLI::Validator(
      [lowest, highest](std::string& text) -> std::string {
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (!text.empty() && ec == std::errc() && end == text.data() + text.size() && value >= lowest &&
            value <= highest)
          return {};
        return fmt::format("expected a whole number from {} to {}, got '{}'", lowest, highest, text);
      },
      fmt::format("{}..{}", lowest, highest));
}

CLI::Validator threads_validator() { return whole_number(1, max_threads); }

void prepare_output(const std::string& path, bool quiet) {
  check_output_path(path);
  std::error_code error;
  if (!quiet && std::filesystem::exists(path, error))
    std::fprintf(stderr, "stosim: the new file replaces the existing %s once it is complete\n", path.c_str());
}

}  // namespace stosim::app
