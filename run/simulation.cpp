#include "run/simulation.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <memory>
#include <stdexcept>

#include "models/system_setup.hpp"
#include "models/year_step.hpp"
#include "output/monitor.hpp"
#include "population/population_file.hpp"
#include "population/synthetic_netherlands.hpp"
#include "run/run_memory.hpp"
#include "sim/data_error.hpp"
#include "sim/geography.hpp"
#include "sim/phase_times.hpp"
#include "sim/random.hpp"

namespace stosim {

namespace {

World make_synthetic_world(const Scenario& scenario) {
  SyntheticOptions options;
  options.seed = scenario.seed;
  options.scale = scenario.population.scale;
  options.start_year = scenario.start_year;
  options.male_share = scenario.model.demography.male_share;
  options.propensity_male_mean = scenario.model.demography.propensity_male_mean;
  options.propensity_female_mean = scenario.model.demography.propensity_female_mean;
  options.technical = scenario.technical_profiles();
  options.geography = scenario.geography;
  return make_synthetic_netherlands(options);
}

// The initial world of a scenario with population.source = file: the file's state, students'
// technical propensity drawn from the scenario's parameters, reachable locations built.
World load_population_world(const Scenario& scenario) {
  const std::string& path = scenario.population.path;
  if (path.empty())
    throw DataError(
        "population.path: empty, but population.source is file: name a population file "
        "made by `stosim import`");
  PopulationFile p = read_population_file(path);
  if (p.start_year != scenario.start_year)
    throw DataError(
        fmt::format("{}: the population is the state of school year {}/{:02d} (start_year {}), but "
                    "the scenario has start_year {}",
                    path, p.start_year - 1, p.start_year % 100, p.start_year, scenario.start_year));
  World world = std::move(p.world);
  // Technical propensity as in the synthetic world: by sex; the system set-up draws it again for
  // years 3-4 given their profile (models/initial_propensity.hpp).
  const DemographyParams& d = scenario.model.demography;
  Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    RandomStream rng(StreamKey{scenario.seed, ~std::uint64_t{0}}, 0, Purpose::propensity, s.id[i]);
    s.propensity[i] = static_cast<float>(d.propensity_mean(s.is_male[i] != 0) + rng.normal());
  }
  build_reachable_locations(world, scenario.geography);
  return world;
}

}  // namespace

World build_population_world(const Scenario& scenario) {
  return scenario.population.source == "file" ? load_population_world(scenario) : make_synthetic_world(scenario);
}

std::string population_key(const Scenario& scenario) {
  // Everything make_synthetic_world and load_population_world read, and nothing else.
  Scenario inputs;
  inputs.seed = scenario.seed;
  inputs.start_year = scenario.start_year;
  inputs.population = scenario.population;
  inputs.profiles = scenario.profiles;
  inputs.geography = scenario.geography;
  inputs.model.demography = scenario.model.demography;
  return flat_text(inputs);
}

World build_initial_world(const Scenario& scenario) {
  return build_initial_world(scenario, build_population_world(scenario));
}

namespace {

// Room for every cohort to come behind `students` initial students, so the yearly loop never
// reallocates student arrays.
void reserve_room_for_cohorts(Students& s, std::size_t students) {
  const std::size_t room = students + students / 2;
  for_each_column(s, [&](auto& column) { column.reserve(room); });
}

}  // namespace

World build_initial_world(const Scenario& scenario, World world) {
  // The world's own draws use a replicate slot no replicate has: every replicate starts alike.
  initialise_system(world, scenario.model, scenario.technical_profiles(),
                    StreamKey{scenario.seed, ~std::uint64_t{0} - 1});
  reserve_room_for_cohorts(world.students, world.students.size());  // counted by run_memory
  return world;
}

IndicatorFrame run_replicate(const World& initial, const Scenario& scenario, int replicate,
                             const ProgressCallback& progress, PhaseTimes* phase_times) {
  PhaseClock set_up_clock(phase_times);
  // Copying a world keeps its students but not the room behind them; assigning into room reserved
  // first copies them once, where a copy and then a reserve would copy them twice.
  World world;
  reserve_room_for_cohorts(world.students, initial.students.size());
  world = initial;
  set_up_clock.lap("replicate set-up: world copy");
  IndicatorFrame frame(scenario.years(), world.regions.size(), world.locations.size());
  set_up_clock.lap("replicate set-up: indicator frame");
  const MonitorSetup monitor = make_monitor_setup(
      world, scenario.monitor, scenario.model, scenario.start_year, scenario.technical_profiles());
  set_up_clock.lap("replicate set-up: monitor");
  StepContext ctx;
  ctx.streams = StreamKey{scenario.seed, static_cast<std::uint64_t>(replicate)};
  ctx.start_year = scenario.start_year;
  ctx.scale = scenario.population.scale;
  ctx.technical = scenario.technical_profiles();
  ctx.phase_times = phase_times;
  for (int year = scenario.start_year; year <= scenario.end_year; ++year) {
    ctx.year = year;
    step_year(world, scenario.model, ctx);  // times its own phases
    PhaseClock monitor_clock(phase_times);
    record_year(frame, static_cast<std::size_t>(year - scenario.start_year), world, monitor);
    monitor_clock.lap("monitor");
    if (progress) progress(replicate, year);
  }
  return frame;
}

RunResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  // The global limit lets a run use more threads than cores (for tests of 1 vs N threads).
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  tbb::task_arena arena(threads);
  RunResult result{scenario, World{}, {}, threads, 0.0};
  std::vector<std::unique_ptr<IndicatorFrame>> frames(
      static_cast<std::size_t>(scenario.replicates));
  arena.execute([&] {
    result.initial = build_initial_world(scenario);
    check_run_fits_in_memory(result.initial, scenario, threads);
    tbb::parallel_for(0, scenario.replicates, [&](int r) {
      frames[static_cast<std::size_t>(r)] = std::make_unique<IndicatorFrame>(
          run_replicate(result.initial, scenario, r, options.progress));
    });
  });
  for (auto& frame : frames) result.replicates.push_back(std::move(*frame));
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace stosim
