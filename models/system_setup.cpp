#include "models/system_setup.hpp"

#include "models/channels.hpp"
#include "models/initial_propensity.hpp"
#include "sim/logistic.hpp"

namespace stosim {

namespace {

// Students already in years 3-4 follow a technical keuzevak as the no-STO odds say, where their
// location offers them (as every later cohort: otherwise the share falls in the first step).
void initial_keuzevakken(World& world, const ModelParameters& params,
                         const std::array<bool, n_profiles>& technical, StreamKey world_streams) {
  Students& s = world.students;
  s.technical_keuzevak.assign(s.size(), 0);
  const std::vector<std::uint8_t> offer = keuzevak_offer(world, technical);
  const KeuzevakParams& k = params.keuzevakken;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.grade[i] < 3 || s.location[i] < 0) continue;
    if (s.profile[i] != no_profile && technical[s.profile[i]]) {
      s.technical_keuzevak[i] = 1;
      continue;
    }
    if (!offer[static_cast<std::size_t>(s.location[i])]) continue;
    const double p = logistic(keuzevak_log_odds(k, s.profile[i], s.propensity[i]));
    s.technical_keuzevak[i] =
        RandomStream(world_streams, 0, Purpose::keuzevak, s.id[i]).bernoulli(p);
  }
}

}  // namespace

void initialise_system(World& world, const ModelParameters& params,
                       const std::array<bool, n_profiles>& technical, StreamKey world_streams) {
  phase_out_programmes_without_intake(world, params.programme_viability);
  world.locations.keuzevak_adopted.assign(world.locations.size(), 0);  // no funded offer yet (H5)
  record_starting_point(world);
  world.start.school_distance_decay = distance_decay(world.zones.reachable, params.school_choice.beta_distance);
  world.start.profile_distance_decay = distance_decay(world.zones.reachable, params.profile_choice.beta_distance);
  reset_flows(world);
  initialise_regions(world, params.regional_coordination, world_streams);
  initialise_facilities(world, params.facilities, world_streams);
  initialise_teachers(world, params.teachers, technical, world_streams);
  initialise_firms(world, params.firms, world_streams);
  initialise_mbo(world, params.mbo_transition, world_streams);
  // Quality effects (H9, preparation for mbo) work on the change since this zero situation, so
  // the start has no appeal and the constants are calibrated without it.
  world.start.programme_quality = programme_quality(world, params.quality, params.pathways.h2,
                                                      count_programme_students(world));
  calibrate_profile_constants(world, params.profile_choice, technical);
  calibrate_school_constants(world, params.school_choice);
  draw_initial_propensity(world, params.profile_choice, params.demography, technical, world_streams);
  initial_keuzevakken(world, params, technical, world_streams);
  world.start.keuzevak_uptake = keuzevak_uptake(world, technical);
  // The channels before any money (the first year's step resolves them again after policy).
  resolve_channels(world, params, world.channels);
}

}  // namespace stosim
