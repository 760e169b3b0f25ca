#include "models/system_setup.hpp"

#include <cmath>

#include "models/channels.hpp"

namespace stosim {

namespace {

// Students already in years 3-4 follow a technical keuzevak as the no-STO odds say.
void initial_keuzevakken(World& world, const KeuzevakParams& params,
                         const std::array<bool, n_profiles>& technical, StreamKey world_streams) {
  Students& s = world.students;
  s.technical_keuzevak.assign(s.size(), 0);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.grade[i] < 3) continue;
    if (s.profile[i] != no_profile && technical[s.profile[i]]) {
      s.technical_keuzevak[i] = 1;
      continue;
    }
    const double logit = (s.profile[i] == no_profile ? params.constant_tl : params.constant_other_profile) +
                         params.beta_propensity * s.propensity[i];
    s.technical_keuzevak[i] =
        RandomStream(world_streams, 0, Purpose::keuzevak, s.id[i]).bernoulli(1.0 / (1.0 + std::exp(-logit)));
  }
}

}  // namespace

void initialise_system(World& world, const ModelParameters& params,
                       const std::array<bool, n_profiles>& technical, double scale,
                       StreamKey world_streams) {
  record_starting_point(world);
  reset_flows(world);
  initialise_regions(world, params.regional_coordination, world_streams);
  initialise_facilities(world, params.facilities, world_streams);
  initialise_teachers(world, params.teachers, technical, world_streams);
  initialise_firms(world, params.firms, scale, world_streams);
  initialise_mbo(world, params.mbo_transition, world_streams);
  initial_keuzevakken(world, params.keuzevakken, technical, world_streams);
  // Quality effects (H9, preparation for mbo) work on the change since this zero situation, so
  // the start has no appeal and the constants are calibrated without it.
  world.start.programme_quality = programme_quality(world, params.quality, params.pathways.h2);
  world.start.keuzevak_uptake = keuzevak_uptake(world, technical);
  calibrate_profile_constants(world, params.profile_choice, technical);
  // The channels before any money (the first year's step resolves them again after policy).
  resolve_channels(world, params, world.channels);
}

}  // namespace stosim
