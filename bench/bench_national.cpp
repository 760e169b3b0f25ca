// Times one scenario configuration: world build, replicates, student-years per second and peak
// memory. One configuration per process, so peak memory (ru_maxrss) belongs to it alone.
//   stosim_bench SCALE THREADS REPLICATES [--phases]
// --phases adds a table of seconds per replicate in each phase of the yearly step, the monitor
// and the replicate's set-up, largest first (summed over threads: at one thread they add up to
// the replicate).
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "run/simulation.hpp"
#include "sim/phase_times.hpp"

using namespace stosim;

int main(int argc, char** argv) {
  const bool phases = argc == 5 && std::string(argv[4]) == "--phases";
  if (argc != 4 && !phases) {
    std::fprintf(stderr, "usage: stosim_bench SCALE THREADS REPLICATES [--phases]\n");
    return 2;
  }
  const double scale = std::atof(argv[1]);
  const int threads = std::atoi(argv[2]);
  const int replicates = std::atoi(argv[3]);
  const Scenario scenario = load_scenario(
      "baseline", {{"population.scale", argv[1]}, {"replicates", std::to_string(replicates)}});

  // One arena for the world build and the replicates, as run_scenario has; the replicates are
  // timed on their own, on the world built once (a second build to subtract would add its own
  // noise to the figure).
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  double build_s = 0.0, replicates_s = 0.0;
  PhaseTimes phase_times;
  // Each replicate's indicators are dropped when it ends, as `stosim run` and sweeps drop them once
  // written (memory stays flat, and the allocator hands the next replicate the same memory);
  // replicate 0's student-years (students present each year, the monitor's own count) are kept.
  double student_years = 0.0;
  const std::size_t students_all_years = indicator_id("students_all_years");
  tbb::task_arena(threads).execute([&] {
    const auto start = std::chrono::steady_clock::now();
    const World world = build_initial_world(scenario);
    const auto built = std::chrono::steady_clock::now();
    tbb::parallel_for(0, replicates, [&](int r) {
      const IndicatorFrame frame =
          run_replicate(world, scenario, r, {}, phases ? &phase_times : nullptr);
      if (r == 0)
        for (const double v : frame.values(students_all_years, Level::national)) student_years += v;
    });
    build_s = std::chrono::duration<double>(built - start).count();
    replicates_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - built).count();
  });
  const double per_replicate_s = replicates_s / replicates;

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("| %.2f | %d | %d | %.3f | %.3f | %.2f | %.0f |\n", scale, threads, replicates, build_s,
              per_replicate_s, student_years / per_replicate_s / 1e6,
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  if (phases) {
    std::printf("\n| phase | s per replicate | share |\n|---|---|---|\n");
    auto totals = phase_times.totals();
    std::sort(totals.begin(), totals.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
    double total = 0.0;
    for (const auto& [phase, seconds] : totals) total += seconds;
    for (const auto& [phase, seconds] : totals)
      std::printf("| %s | %.4f | %.1f %% |\n", phase.c_str(), seconds / replicates,
                  100.0 * seconds / total);
    std::printf("| all phases | %.4f | |\n", total / replicates);
  }
  return 0;
}
