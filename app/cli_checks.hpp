#pragma once
// Checks of the command line shared by the subcommands: numbers that must be taken exactly or
// refused with a short message (CLI11's own would accept 2^64 as 0, or print a 309-digit range),
// and outputs (docs/RELIABILITY.md).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace stosim::app {

// A fixed bound, so that a command valid on one machine is valid on all (docs/RELIABILITY.md).
inline constexpr int max_threads = 1024;

// A whole number 0..2^64-1 in decimal digits only, or nullopt.
std::optional<std::uint64_t> parse_seed(const std::string& text);

// "--seed: expected a whole number from 0 to 18446744073709551615, got '...'"
CLI::Validator seed_validator();
// "--threads: expected a whole number from 1 to 1024, got '...'"
CLI::Validator threads_validator();
// "OPTION: expected a whole number from LOWEST to HIGHEST, got '...'"
CLI::Validator whole_number(int lowest, int highest);

// Checks that `path` can be written (sim/atomic_write.hpp: check_output_path) and, unless
// quiet, says on stderr when it will replace an existing file.
void prepare_output(const std::string& path, bool quiet);

}  // namespace stosim::app
