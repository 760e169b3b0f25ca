#pragma once
// Programme viability: a programme with fewer students in years 3-4 than the viability threshold
// for a number of consecutive years closes. Its year-3 students move to the nearest location
// within reach offering the same profile and leerweg, or else choose another profile at their own
// school; year-4 students finish where they are.
//
// Money and agreements change the rule (the trade-offs of seed report §2.2), through the resolved
// channels (world.channels): a region's STO money spent by schools on their own programmes lowers
// the threshold (small programmes are kept alive: the money's own channel); under H1 a
// small programme with a larger neighbour offering the same profile is concentrated there, and a
// region's sole provider of a profile is protected.
#include "models/context.hpp"
#include "models/pathways.hpp"
#include "models/profile_choice.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct ProgrammeViabilityParams {
  int min_students = 25;
  int years_below_to_close = 3;
  double funded_threshold_relief = 0.5;
  double relief_full_dose = 50.0;

  template <class V>
  void visit(V& v) {
    v(min_students, "min_students",
      {.unit = "students", .min = 0, .max = 1000,
       .description = "Viability threshold: students in years 3-4 of a programme, all leerwegen "
                      "together (0 disables closures)",
       .source = "calibrated (validation/README.md): with years_below_to_close 3 it reproduces "
                 "the techniek share trend of B/K/G exam candidates (-0.29 pp/year) and the net "
                 "loss of locations with techniek candidates (8/year) of DUO 2014/15-2018/19"});
    v(years_below_to_close, "years_below_to_close",
      {.unit = "years", .min = 1, .max = 20,
       .description = "Consecutive years below the threshold after which a programme closes",
       .source = "assumption, kept in the calibration of min_students (validation/README.md)"});
    v(funded_threshold_relief, "funded_threshold_relief",
      {.min = 0, .max = 1,
       .description = "Share by which the threshold falls in a region whose schools spend STO money on their own programmes at the full dose",
       .source = "seed report §2.2: schools with more money may keep small profiles alive"});
    v(relief_full_dose, "relief_full_dose",
      {.unit = "euro/student/year", .min = 0, .max = 1e6,
       .description = "Own-programmes money per year-1 student of the region at which the relief is full (less money, proportionally less; 0: any money gives the full relief)",
       .source = "assumption: about the own-programmes envelope of an average region at the transition budget"});
  }
};

void apply_programme_viability(World& world, const ProgrammeViabilityParams& params,
                               const H1Params& h1, const ProfileChoiceParams& choice,
                               const StepContext& ctx);

}  // namespace stosim
