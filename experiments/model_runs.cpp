#include "experiments/model_runs.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <mutex>

#include "experiments/parameter_space.hpp"
#include "run/simulation.hpp"

namespace stosim {

namespace {

PointValues run_point(const Scenario& base, const std::vector<std::string>& keys, const std::vector<double>& point,
                      const std::vector<OutputTarget>& targets, const EvaluationOptions& o, int first_replicate) {
  const Scenario s = with_parameters(base, keys, point);
  const World initial = build_initial_world(s);
  std::vector<std::size_t> units;
  for (const OutputTarget& t : targets) units.push_back(resolve_unit(t, initial, "--target " + t.label()));
  const auto R = static_cast<std::size_t>(o.replicates);
  PointValues values(targets.size() * R);
  tbb::parallel_for(0, o.replicates, [&](int r) {
    const IndicatorFrame frame = run_replicate(initial, s, first_replicate + r);
    for (std::size_t t = 0; t < targets.size(); ++t)
      values[t * R + static_cast<std::size_t>(r)] = model_value(targets[t], units[t], frame, s.start_year);
  });
  return values;
}

}  // namespace

std::vector<PointValues> evaluate_points(const Scenario& base, const std::vector<std::string>& keys,
                                         const std::vector<std::vector<double>>& points,
                                         const std::vector<OutputTarget>& targets, const EvaluationOptions& o) {
  std::vector<PointValues> out(points.size());
  std::mutex progress_mutex;
  std::size_t done = 0;
  tbb::parallel_for(std::size_t{0}, points.size(), [&](std::size_t p) {
    out[p] = run_point(base, keys, points[p], targets, o,
                       o.first_replicates.empty() ? o.first_replicate : o.first_replicates[p]);
    if (o.progress) {
      const std::lock_guard lock(progress_mutex);
      o.progress(++done, points.size());
    }
  });
  return out;
}

std::vector<double> replicate_means(const PointValues& values, std::size_t targets, int replicates) {
  std::vector<double> means(targets, 0.0);
  const auto R = static_cast<std::size_t>(replicates);
  for (std::size_t t = 0; t < targets; ++t) {
    for (std::size_t r = 0; r < R; ++r) means[t] += values[t * R + r];
    means[t] /= static_cast<double>(R);
  }
  return means;
}

void with_threads(int threads, const std::function<void()>& work) {
  const int n = threads > 0 ? threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(n));
  tbb::task_arena arena(n);
  arena.execute(work);
}

}  // namespace stosim
