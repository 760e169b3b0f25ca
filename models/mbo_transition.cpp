#include "models/mbo_transition.hpp"

#include <tbb/parallel_for.h>

#include <atomic>

namespace stosim {

int mbo_origin(std::int8_t profile, const std::array<bool, n_profiles>& technical) {
  if (profile == no_profile) return 2;
  return technical[profile] ? 0 : 1;
}

void enter_mbo(World& world, const MboTransitionParams& params, const StepContext& ctx) {
  const std::array<double, n_mbo_origins> p_technical = {params.technical_from_technical_profile,
                                                         params.technical_from_other_profile,
                                                         params.technical_from_tl};
  Students& s = world.students;
  YearFlows& flows = world.flows;
  tbb::parallel_for(std::size_t{0}, s.size(), [&](std::size_t i) {
    if (s.status[i] != StudentStatus::graduated) return;
    RandomStream rng = ctx.stream(Purpose::mbo_transition, s.id[i]);
    if (!rng.bernoulli(params.mbo_share)) return;
    const int origin = mbo_origin(s.profile[i], ctx.technical);
    const auto region = static_cast<std::size_t>(world.zones.region[s.home_zone[i]]);
    const std::size_t cell = region * n_mbo_origins + static_cast<std::size_t>(origin);
    std::atomic_ref<std::int32_t>(flows.mbo_entrants[cell]).fetch_add(1, std::memory_order_relaxed);
    if (rng.bernoulli(p_technical[origin]))
      std::atomic_ref<std::int32_t>(flows.mbo_technical[cell]).fetch_add(1, std::memory_order_relaxed);
  });
}

}  // namespace stosim
