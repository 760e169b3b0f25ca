// Times one scenario configuration: world build, replicates, student-years per second and peak
// memory. One configuration per process, so peak memory (ru_maxrss) belongs to it alone.
//   stosim_bench SCALE THREADS REPLICATES
#include <sys/resource.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "run/simulation.hpp"

using namespace stosim;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: stosim_bench SCALE THREADS REPLICATES\n");
    return 2;
  }
  const double scale = std::atof(argv[1]);
  const int threads = std::atoi(argv[2]);
  const int replicates = std::atoi(argv[3]);
  const Scenario scenario = load_scenario(
      "baseline", {{"population.scale", argv[1]}, {"replicates", std::to_string(replicates)}});

  RunOptions options;
  options.threads = threads;
  double build_s = 0.0;
  tbb::task_arena(threads).execute([&] {
    const auto start = std::chrono::steady_clock::now();
    const World world = build_initial_world(scenario);
    build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  });
  const RunResult run = run_scenario(scenario, options);
  const double per_replicate_s = (run.seconds - build_s) / replicates;

  // Student-years: students present each year, from the monitor's own count.
  double student_years = 0.0;
  const std::size_t i = indicator_id("students_all_years");
  for (const double v : run.replicates.front().values(i, Level::national)) student_years += v;

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("| %.2f | %d | %d | %.3f | %.3f | %.2f | %.0f |\n", scale, threads, replicates, build_s,
              per_replicate_s, student_years / per_replicate_s / 1e6,
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
