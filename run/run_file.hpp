#pragma once
// The HDF5 file of a run (layout in docs/OUTPUT.md). Written to a temporary file beside the
// target and renamed when complete, so a crash never leaves a half-written result.
#include <cstdint>
#include <string>

#include "sim/atomic_write.hpp"
#include "run/simulation.hpp"

namespace stosim {

inline constexpr int run_file_format_version = 1;

void write_run_file(const std::string& path, const RunResult& run);

// Parts of the run file, shared with the streamed writer of experiments/ (file: an HDF5 file id).
void write_run_metadata(std::int64_t file, const Scenario& scenario, int threads, double seconds);
void write_run_entities(std::int64_t file, const World& initial, const Scenario& scenario);

}  // namespace stosim
