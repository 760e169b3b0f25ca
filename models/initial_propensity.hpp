#pragma once
// The latent technical propensity of the students already in years 3-4 when a run starts.
//
// They chose their profile before the run, and the model's own choosers are selected by
// propensity (profile_choice.beta_propensity): a technical profile attracts the higher
// propensities, the other profiles at the same location keep the lower ones. Drawn without that
// selection, the initial cohorts would differ from every later one, and whatever reads propensity
// (keuzevakken, the transition to mbo) would jump when they leave. So each such student's
// propensity is drawn given the profile they are in: N(sex mean, 1) times the probability that
// profile_choice gives their choice (technical or other) from their home zone, by rejection.
#include <array>

#include "models/demography.hpp"
#include "models/profile_choice.hpp"
#include "sim/random.hpp"
#include "sim/world.hpp"

namespace stosim {

// Redraws the propensity of every enrolled student in years 3-4 with a profile (BB, KB, GL).
// Needs the profile constants calibrated (world.start); students without a profile keep theirs.
void draw_initial_propensity(World& world, const ProfileChoiceParams& choice, const DemographyParams& demography,
                             const std::array<bool, n_profiles>& technical, StreamKey world_streams);

}  // namespace stosim
