#include "models/dropout.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "sim/parallel.hpp"

namespace stosim {

void apply_dropout(World& world, const DropoutParams& params, const StepContext& ctx,
                   DropoutQuality quality) {
  Students& s = world.students;
  std::atomic<std::int64_t> dropped{0}, left{0};
  for_each_index(s.size(), [&](std::size_t i) {
    if (s.status[i] != StudentStatus::enrolled) return;
    const double u = ctx.stream(Purpose::dropout, s.id[i]).uniform();
    double dropout_rate = params.dropout_rate;
    if (!quality.quality.empty() && s.profile[i] != no_profile && s.location[i] >= 0) {
      const auto l = static_cast<std::size_t>(s.location[i]);
      const std::size_t k = programme_index(l, s.profile[i]);
      const double effect = quality.effect[static_cast<std::size_t>(world.locations.region[l])];
      dropout_rate =
          std::min(1.0, dropout_rate * std::exp(-effect * (quality.quality[k] - quality.start[k])));
    }
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
