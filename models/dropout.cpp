#include "models/dropout.hpp"

#include <tbb/parallel_for.h>

#include <atomic>

namespace stosim {

void apply_dropout(World& world, const DropoutParams& params, const StepContext& ctx) {
  Students& s = world.students;
  std::atomic<std::int64_t> dropped{0}, left{0};
  tbb::parallel_for(std::size_t{0}, s.size(), [&](std::size_t i) {
    if (s.status[i] != StudentStatus::enrolled) return;
    const double u = ctx.stream(Purpose::dropout, s.id[i]).uniform();
    if (u < params.dropout_rate) {
      s.status[i] = StudentStatus::dropped_out;
      dropped.fetch_add(1, std::memory_order_relaxed);
    } else if (u < params.dropout_rate + params.leaving_rate) {
      s.status[i] = StudentStatus::left;
      left.fetch_add(1, std::memory_order_relaxed);
    }
  });
  world.flows.dropped_out += dropped.load();
  world.flows.left += left.load();
}

}  // namespace stosim
