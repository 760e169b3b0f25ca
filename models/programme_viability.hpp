#pragma once
// Programme viability: a programme with fewer students in years 3-4 than the viability threshold
// for a number of consecutive years closes. Its year-3 students move to the nearest location
// within reach offering the same profile and leerweg, or else choose another profile at their own
// school; year-4 students finish where they are.
#include "models/context.hpp"
#include "models/profile_choice.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct ProgrammeViabilityParams {
  int min_students = 12;
  int years_below_to_close = 3;

  template <class V>
  void visit(V& v) {
    v(min_students, "min_students",
      {.unit = "students", .min = 0, .max = 1000,
       .description = "Viability threshold: students in years 3-4 of a programme, all leerwegen "
                      "together (0 disables closures)",
       .source = "assumption; to be calibrated on the loss of locations with technical exam "
                 "candidates 2014/15-2018/19 (DUO)"});
    v(years_below_to_close, "years_below_to_close",
      {.unit = "years", .min = 1, .max = 20,
       .description = "Consecutive years below the threshold after which a programme closes",
       .source = "assumption"});
  }
};

void apply_programme_viability(World& world, const ProgrammeViabilityParams& params,
                               const ProfileChoiceParams& choice, const StepContext& ctx);

}  // namespace stosim
