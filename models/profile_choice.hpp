#pragma once
// Profile choice at the end of year 2: a multinomial logit over every open programme
// (location x profile) offering the student's leerweg, at the own location and at the others
// within reach of home. Utility: a calibrated constant per leerweg and profile, the student's
// technical propensity for technical profiles, distance from home, and a cost of changing school.
#include <span>

#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct ProfileChoiceParams {
  double beta_distance = -0.15;
  double switch_school_cost = 1.5;
  double beta_propensity = 1.5;
  bool calibrate_constants = true;
  bool programme_constants = true;
  double programme_drift_sd = 0.12;

  template <class V>
  void visit(V& v) {
    v(beta_distance, "beta_distance",
      {.unit = "1/km", .min = -10, .max = 0,
       .description = "Utility of each km between home and the programme's location",
       .source = "assumption"});
    v(switch_school_cost, "switch_school_cost",
      {.min = 0, .max = 20,
       .description = "Utility lost by following the profile at another location than the "
                      "own school",
       .source = "assumption: few students change school after year 2"});
    v(beta_propensity, "beta_propensity",
      {.unit = "1/sd", .min = 0, .max = 10,
       .description = "Utility of a technical profile per standard deviation of propensity",
       .source = "assumption: with the gender gap in propensity, gives about 30 % technical "
                 "choices among boys and 5 % among girls (DUO 2019 year 3)"});
    v(calibrate_constants, "calibrate_constants",
      {.description = "Calibrate one constant per leerweg and profile so that the expected "
                      "choices of the initial year-2 students reproduce the initial year-3 "
                      "profile shares; when false, all constants are zero",
       .source = "standard practice in discrete-choice models (alternative-specific constants)"});
    v(programme_constants, "programme_constants",
      {.description = "With calibrate_constants: also one constant per programme, so that the "
                      "expected choices reproduce each programme's own year-3 intake in the "
                      "initial state (small programmes stay small rather than regressing to the "
                      "profile's average share at their school)",
       .source = "the initial state (DUO 1 Oct 2019 or the synthetic Netherlands); standard "
                 "alternative-specific constants at programme level"});
    v(programme_drift_sd, "programme_drift_sd",
      {.unit = "1/year^0.5", .min = 0, .max = 2,
       .description = "Yearly random-walk step of each programme's constant (a programme's "
                      "appeal changes: staff, reputation, a neighbour's offer)",
       .source = "estimated: DUO exam files 2014/15-2018/19, locations with 20 or more techniek "
                 "candidates: the variance of the change in the log techniek share of their "
                 "B/K/G candidates grows by 0.0135 a year of lag (0.054, 0.073, 0.086, 0.095 at "
                 "lags 1-4), sd 0.12; range 0.05-0.2"});
  }
};

// Extra utility of each programme (H9: its quality); empty means none.
using Appeal = std::span<const float>;

// H9: appeal of each technical programme, the region's resolved quality_choice effect times
// (quality - start quality); empty when the channel is neutral everywhere (H9 off).
std::vector<float> quality_appeal(const World& world, std::span<const float> quality,
                                  std::span<const float> start,
                                  const std::array<bool, n_profiles>& technical);

// Sets world.start.profile_constant (zero when params.calibrate_constants is false).
void calibrate_profile_constants(World& world, const ProfileChoiceParams& params,
                                 const std::array<bool, n_profiles>& technical, Appeal appeal = {});

// For each enrolled student in years 3-4 of a leerweg with profiles (0 for the others): the
// weight of all the technical programmes they could have chosen in year 2 over that of the other
// programmes, before the propensity factor, their home zone's alternatives as in choose_profiles
// with their current location as the year-2 one (infinite when no other programme is within
// reach). Such a chooser picks a technical profile with probability f * odds / (1 + f * odds),
// f = e^(beta_propensity * propensity).
std::vector<double> technical_choice_odds(const World& world, const ProfileChoiceParams& params,
                                          const std::array<bool, n_profiles>& technical);

// Expected share of each (leerweg, profile) among the choices of the current year-2 students.
std::vector<double> expected_profile_shares(const World& world, const ProfileChoiceParams& params,
                                            const std::array<bool, n_profiles>& technical,
                                            Appeal appeal = {});

// Expected choices of the current year-2 students per programme (location x profile).
std::vector<double> expected_programme_intake(const World& world, const ProfileChoiceParams& params,
                                              const std::array<bool, n_profiles>& technical,
                                              Appeal appeal = {});

// Each programme's constant takes a random-walk step (programme_drift_sd); before the choices.
void drift_programme_constants(World& world, const ProfileChoiceParams& params, const StepContext& ctx);

// Year-2 students in a leerweg with profiles choose their year-3 programme (and move there).
void choose_profiles(World& world, const ProfileChoiceParams& params, const StepContext& ctx,
                     Appeal appeal = {});

// Choice of a profile at one given location, for students whose programme closed.
std::int8_t choose_profile_at(const World& world, std::size_t location, std::size_t student,
                              const ProfileChoiceParams& params, const StepContext& ctx,
                              int excluded_profile);

}  // namespace stosim
