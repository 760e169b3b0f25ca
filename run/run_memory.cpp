#include "run/run_memory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "output/indicators.hpp"

namespace stosim {

namespace {

// Bytes a student costs in a world: its columns, reserve room, and its share of the zone and
// location tables. Measured: a scale 1 world (~300,000 students with room) takes about 40 MB.
constexpr std::size_t bytes_per_student = 128;

std::string gib(std::size_t bytes) {
  return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
}

std::string mib(std::size_t bytes) {
  return fmt::format("{:.0f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

MemoryEstimate estimate_run_memory(const World& initial, const Scenario& scenario, int threads) {
  MemoryEstimate e;
  e.world_bytes = initial.students.id.capacity() * bytes_per_student;
  const IndicatorFrame frame(scenario.years(), initial.regions.size(), initial.locations.size());
  for (std::size_t i = 0; i < indicator_specs().size(); ++i)
    for (int level = 0; level < n_levels; ++level)
      e.replicate_bytes += frame.values(i, static_cast<Level>(level)).size() * sizeof(double);
  const auto replicates = static_cast<std::size_t>(scenario.replicates);
  e.concurrent = std::min(replicates, static_cast<std::size_t>(std::max(threads, 1)));
  // Every replicate's indicators stay until the file is written, which copies one more.
  e.total_bytes = e.world_bytes * (1 + e.concurrent) + e.replicate_bytes * (replicates + e.concurrent + 1);
  return e;
}

std::optional<std::size_t> available_memory() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::size_t kib = 0;
  std::string unit;
  while (meminfo >> key >> kib >> unit)
    if (key == "MemAvailable:") return kib * 1024;
  return std::nullopt;
}

void check_run_fits_in_memory(const World& initial, const Scenario& scenario, int threads) {
  const auto available = available_memory();
  if (!available) return;
  const MemoryEstimate e = estimate_run_memory(initial, scenario, threads);
  if (static_cast<double>(e.total_bytes) <= 0.9 * static_cast<double>(*available)) return;
  throw ScenarioError({fmt::format(
      "replicates x population.scale: this run needs about {} of memory ({} replicates of {} of indicators, "
      "{} world(s) of {} at once), but {} are available; use fewer replicates (several runs with other "
      "seeds), a smaller scale or fewer threads",
      gib(e.total_bytes), scenario.replicates, mib(e.replicate_bytes), e.concurrent + 1, mib(e.world_bytes),
      gib(*available))});
}

}  // namespace stosim
