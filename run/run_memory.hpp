#pragma once
// Whether a run fits in memory, known before its first replicate: a run of 100,000 replicates
// at scale 8 must be refused at once, not after hours or by the kernel's OOM killer.
#include <cstddef>
#include <optional>

#include "run/scenario.hpp"
#include "sim/world.hpp"

namespace stosim {

struct MemoryEstimate {
  std::size_t world_bytes = 0;      // one copy of the world
  std::size_t replicate_bytes = 0;  // one replicate's indicators (all years, units, cells)
  std::size_t concurrent = 0;       // replicates in memory at once as worlds
  std::size_t total_bytes = 0;      // initial world, a world per thread, every replicate's indicators
};

MemoryEstimate estimate_run_memory(const World& initial, const Scenario& scenario, int threads);
// MemAvailable from /proc/meminfo; nullopt where it cannot be read.
std::optional<std::size_t> available_memory();
// Throws ScenarioError when the estimate exceeds 90 % of the available memory.
void check_run_fits_in_memory(const World& initial, const Scenario& scenario, int threads);

}  // namespace stosim
