#pragma once
// School choice at entry: each new student picks a location offering their leerweg among those
// within reach of home, by a multinomial logit on distance, the breadth of the offer and image.
#include <span>

#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct SchoolChoiceParams {
  double beta_distance = -0.20;
  double beta_profiles_offered = 0.10;
  double image_weight = 1.0;
  bool calibrate_constants = true;

  template <class V>
  void visit(V& v) {
    v(beta_distance, "beta_distance",
      {.unit = "1/km", .min = -10, .max = 0,
       .description = "Utility of each km between home and school",
       .source = "assumption: most vmbo students attend a school within 5-10 km (CBS PC4 "
                 "distances to the nearest vmbo are 1-5 km)"});
    v(beta_profiles_offered, "beta_profiles_offered",
      {.unit = "1/profile", .min = -5, .max = 5,
       .description = "Utility of each open profile at the location (breadth of the offer)",
       .source = "assumption"});
    v(image_weight, "image_weight",
      {.min = 0, .max = 10, .description = "Weight of the location's image in the utility",
       .source = "assumption"});
    v(calibrate_constants, "calibrate_constants",
      {.description = "Calibrate one constant per location and leerweg so that the expected "
                      "entrants of the start year's cohort reproduce each location's initial "
                      "year-1 students in that leerweg (keeps the initial mix of schools: "
                      "TL-only schools, schools with technical programmes)",
       .source = "the initial state (DUO 1 Oct 2019 or the synthetic Netherlands); standard "
                 "alternative-specific constants"});
  }
};

// Utility of location l for a student living in zone z (without the random part).
double school_utility(const World& world, const SchoolChoiceParams& params, std::size_t location,
                      float distance_km, std::span<const std::int32_t> open_profiles);

// Nearest location offering the leerweg, searched over all locations.
std::int32_t nearest_offering(const World& world, std::size_t zone, Leerweg lw);

// Sets world.start.school_constant (location x leerweg; empty when not calibrated).
void calibrate_school_constants(World& world, const SchoolChoiceParams& params);

// Gives every student without a location (new entrants) one.
void choose_schools(World& world, const SchoolChoiceParams& params, const StepContext& ctx);

}  // namespace stosim
