#pragma once
// Programme viability: a programme with fewer students in years 3-4 than the viability threshold
// (for a number of consecutive years) is at risk of closing; it closes with a yearly probability
// that falls with its size, closure_hazard * exp(-students / closure_size_scale), as DUO's exam
// files show (small offers disappear more often). A hazard instead of a fixed clock: the observed
// state holds many small programmes that survive for years, and a clock would close them all at
// once a few years after the start. Its year-3 students move to the nearest location
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
  int years_below_to_close = 1;
  double closure_hazard = 0.15;
  double closure_size_scale = 18.0;
  int new_programme_grace_years = 2;
  double funded_threshold_relief = 0.5;
  double relief_full_dose = 50.0;
  bool phase_out_without_intake = true;

  template <class V>
  void visit(V& v) {
    v(min_students, "min_students",
      {.unit = "students", .min = 0, .max = 1000,
       .description = "Viability threshold: students in years 3-4 of a programme, all leerwegen "
                      "together (0 disables closures)",
       .source = "DUO exam files 2014/15-2018/19: above about 25 students in years 3-4 (12 "
                 "candidates) a location's techniek offer disappears in 2 % of years or less "
                 "(validation/README.md)"});
    v(years_below_to_close, "years_below_to_close",
      {.unit = "years", .min = 1, .max = 20,
       .description = "Consecutive years below the threshold after which a programme is at risk of closing",
       .source = "assumption: 1, the hazard alone; the files do not say how long a programme has been small"});
    v(closure_hazard, "closure_hazard",
      {.unit = "1/year", .min = 0, .max = 1,
       .description = "Yearly probability that a programme at risk closes, at zero students (it falls with size)",
       .source = "estimated at the programme level: DUO exam files 2017/18 and 2018/19 (both by "
                 "profile), technical programmes whose candidates disappear the next year: 1-4 "
                 "candidates 4 of 33, 5-9 3 of 48 (at risk: below min_students); maximum "
                 "likelihood with closure_size_scale 18 gives 0.15, Poisson 95 % range 0.06-0.32. "
                 "The location-level exam series 2014/15-2018/19 (sector techniek, through the "
                 "switch to profiles) implies 0.7, which the back-test from 2017/18 rejects "
                 "(validation/README.md)"});
    v(closure_size_scale, "closure_size_scale",
      {.unit = "students", .min = 0.1, .max = 1e6,
       .description = "Students in years 3-4 over which the closure hazard falls by a factor e",
       .source = "estimated with closure_hazard (years 3-4 about twice the candidates); range 12-25"});
    v(new_programme_grace_years, "new_programme_grace_years",
      {.unit = "years", .min = 0, .max = 10,
       .description = "Years after opening in which a new programme cannot close (its first "
                    "cohorts are still filling years 3-4)",
       .source = "assumption: a first cohort reaches year 4 two years after the programme opens"});
    v(funded_threshold_relief, "funded_threshold_relief",
      {.min = 0, .max = 1,
       .description = "Share by which the threshold falls in a region whose schools spend STO money on their own programmes at the full dose",
       .source = "seed report §2.2: schools with more money may keep small profiles alive"});
    v(relief_full_dose, "relief_full_dose",
      {.unit = "euro/student/year", .min = 0, .max = 1e6,
       .description = "Own-programmes money per year-1 student of the region at which the relief is full (less money, proportionally less; 0: any money gives the full relief)",
       .source = "assumption: about the own-programmes envelope of an average region at the transition budget"});
    v(phase_out_without_intake, "phase_out_without_intake",
      {.description = "A programme of the initial state without students in year 3 (only year 4) "
                      "is being phased out: it is not offered from the start and its year-4 "
                      "students finish where they are (the closure happened before the run, so "
                      "it is not counted as one)",
       .source = "DUO 1 Oct 2019: 90 programmes with students in year 4 and none in year 3; "
                 "without the rule they close one by one in the first years (issue 7, start-up)"});
  }
};

// Before the first year: programmes of the initial state with students in year 4 but none in
// year 3 are no longer offered (phase_out_without_intake). Returns their number.
std::int64_t phase_out_programmes_without_intake(World& world, const ProgrammeViabilityParams& params);

// `programme_students`: count_programme_students of the world as it is (before the closures).
void apply_programme_viability(World& world, const ProgrammeViabilityParams& params,
                               const H1Params& h1, const ProfileChoiceParams& choice,
                               const std::vector<std::int32_t>& programme_students,
                               const StepContext& ctx);

}  // namespace stosim
