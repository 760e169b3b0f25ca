#include "models/keuzevakken.hpp"

#include <cmath>

#include "sim/parallel.hpp"

namespace stosim {

namespace {
bool funds_exposure(const World& world, std::size_t region, const PathwayParams& pathways) {
  return pathways.h5.enabled &&
         world.flows.envelope[region * n_envelopes + static_cast<int>(Envelope::exposure)] > 0.0;
}
}  // namespace

std::vector<std::uint8_t> keuzevak_offer(const World& world, const PathwayParams& pathways,
                                         const std::array<bool, n_profiles>& technical) {
  std::vector<std::uint8_t> offer(world.locations.size(), 0);
  for (std::size_t l = 0; l < offer.size(); ++l) {
    for (int p = 0; p < n_profiles; ++p)
      if (technical[p] && world.programmes.offered[programme_index(l, p)]) offer[l] = 1;
    if (funds_exposure(world, static_cast<std::size_t>(world.locations.region[l]), pathways)) offer[l] = 1;
  }
  return offer;
}

void choose_keuzevakken(World& world, const KeuzevakParams& params, const PathwayParams& pathways,
                        const StepContext& ctx) {
  const std::vector<std::uint8_t> offer = keuzevak_offer(world, pathways, ctx.technical);
  Students& s = world.students;
  for_each_index(s.size(), [&](std::size_t i) {
    if (s.status[i] != StudentStatus::enrolled || s.grade[i] != 2 || s.location[i] < 0) return;
    const auto l = static_cast<std::size_t>(s.location[i]);
    if (s.profile[i] != no_profile && ctx.technical[s.profile[i]]) {
      s.technical_keuzevak[i] = 1;  // part of a technical profile
      return;
    }
    if (!offer[l]) {
      s.technical_keuzevak[i] = 0;
      return;
    }
    const auto region = static_cast<std::size_t>(world.locations.region[l]);
    double logit = (s.profile[i] == no_profile ? params.constant_tl : params.constant_other_profile) +
                   params.beta_propensity * s.propensity[i];
    if (funds_exposure(world, region, pathways)) logit += pathways.h5.keuzevak_shift;
    s.technical_keuzevak[i] =
        ctx.stream(Purpose::keuzevak, s.id[i]).bernoulli(1.0 / (1.0 + std::exp(-logit))) ? 1 : 0;
  });
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    const double exposure = world.flows.envelope[r * n_envelopes + static_cast<int>(Envelope::exposure)];
    world.flows.budget_spent[r] += exposure;
  }
}

}  // namespace stosim
