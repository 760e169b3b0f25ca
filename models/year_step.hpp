#pragma once
#include "models/context.hpp"
#include "models/model_parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

// One school year, mechanisms in the order of MODEL.md section 4.
void step_year(World& world, const ModelParameters& params, const StepContext& ctx);

}  // namespace stosim
