#pragma once
// Sets up the STO system beyond the population, for any initial population (the synthetic
// Netherlands or an imported one): regional state, teachers, firms, facilities, mbo programmes
// and the keuzevakken of students already in years 3-4; then calibrates the profile constants.
#include "models/model_parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

void initialise_system(World& world, const ModelParameters& params,
                       const std::array<bool, n_profiles>& technical, StreamKey world_streams);

}  // namespace stosim
