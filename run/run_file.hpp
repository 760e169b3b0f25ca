#pragma once
// The HDF5 file of a run (layout in docs/OUTPUT.md). Built in memory, written to a temporary
// file beside the target with checked writes, read back and verified in full, and only then
// renamed (sim/atomic_write.hpp): a crash or a full disk never leaves a half-written result.
#include <cstdint>
#include <string>

#include "sim/atomic_write.hpp"
#include "run/simulation.hpp"

namespace stosim {

// 2: /metadata/seed unsigned, /metadata/population, a checksum with every indicator.
inline constexpr int run_file_format_version = 2;

void write_run_file(const std::string& path, const RunResult& run);

// Parts of the run file, shared with the streamed writer of experiments/ (file: an HDF5 file id).
void write_run_metadata(std::int64_t file, const Scenario& scenario, int threads, double seconds);
void write_run_entities(std::int64_t file, const World& initial, const Scenario& scenario);

}  // namespace stosim
