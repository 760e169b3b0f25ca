#include "models/dropout.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <vector>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

// Dropout rate of each programme's students: the base rate, lowered by the quality channel (H9)
// as the programme's quality rises above its start. Once per year, not once per student.
std::vector<double> programme_dropout_rates(const World& world, const DropoutParams& params,
                                            DropoutQuality quality) {
  if (quality.quality.empty()) return {};
  std::vector<double> rate(quality.quality.size());
  for_each_index(
      rate.size(),
      [&](std::size_t k) {
        const double effect =
            quality.effect[static_cast<std::size_t>(world.locations.region[k / n_profiles])];
        rate[k] = std::min(
            1.0, params.dropout_rate * std::exp(-effect * (quality.quality[k] - quality.start[k])));
      },
      place_grain);
  return rate;
}

}  // namespace

void apply_dropout(World& world, const DropoutParams& params, const StepContext& ctx,
                   DropoutQuality quality) {
  const std::vector<double> programme_rate = programme_dropout_rates(world, params, quality);
  Students& s = world.students;
  std::atomic<std::int64_t> dropped{0}, left{0};
  auto enrolled = [&](std::size_t i) { return s.status[i] == StudentStatus::enrolled; };
  for_each_drawing(
      s.size(), ctx.family(Purpose::dropout), s.id, enrolled,
      [&](std::size_t i, RandomStream& rng) {
        const double u = rng.uniform();
        double dropout_rate = params.dropout_rate;
        if (!programme_rate.empty() && s.profile[i] != no_profile && s.location[i] >= 0)
          dropout_rate = programme_rate[programme_index(static_cast<std::size_t>(s.location[i]),
                                                        s.profile[i])];
        if (u < dropout_rate) {
          s.status[i] = StudentStatus::dropped_out;
          dropped.fetch_add(1, std::memory_order_relaxed);
        } else if (u < dropout_rate + params.leaving_rate) {
          s.status[i] = StudentStatus::left;
          left.fetch_add(1, std::memory_order_relaxed);
        }
      });
  world.flows.dropped_out += dropped.load();
  world.flows.left += left.load();
}

}  // namespace stosim
