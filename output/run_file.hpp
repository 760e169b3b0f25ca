#pragma once
// The HDF5 file of a run (layout in docs/OUTPUT.md). Written to a temporary file beside the
// target and renamed when complete, so a crash never leaves a half-written result.
#include <string>

#include "output/atomic_write.hpp"
#include "sim/simulation.hpp"

namespace stosim {

inline constexpr int run_file_format_version = 1;

void write_run_file(const std::string& path, const RunResult& run);

}  // namespace stosim
