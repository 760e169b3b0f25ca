#pragma once
// Technical keuzevakken (elective modules) in years 3-4: students of a technical profile follow
// them as part of their profile; students of other profiles and of TL may choose one where their
// location offers it. H5 (broader exposure) funds an offer that the region's locations take up
// one by one (h5.offer_adoption_rate) and raises the odds of following one, and a location's uptake feeds back into the choice of
// technical profiles; a technical keuzevak raises the odds of technical mbo.
#include <span>

#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct KeuzevakParams {
  double constant_other_profile = -2.2;
  double constant_tl = -1.8;
  double beta_propensity = 0.8;
  double mbo_effect = 0.8;

  template <class V>
  void visit(V& v) {
    v(constant_other_profile, "constant_other_profile", {.description = "Log-odds of a technical keuzevak for a student of a non-technical profile at average propensity", .source = "assumption: about one in ten"});
    v(constant_tl, "constant_tl", {.description = "Log-odds of a technical keuzevak for a TL student at average propensity", .source = "assumption: DUO counts 216 TL students in a 'beroepsroute techniek' and many more take technical electives"});
    v(beta_propensity, "beta_propensity", {.min = 0, .max = 10, .description = "Log-odds per standard deviation of technical propensity", .source = "assumption"});
    v(mbo_effect, "mbo_effect", {.min = 0, .max = 10, .description = "Log-odds of a technical mbo field added by a technical keuzevak (outside technical profiles)", .source = "assumption"});
  }
};

// Whether each location offers technical keuzevakken this year: it has an open technical
// programme, or it has started a funded offer and its region still funds broad exposure (H5).
std::vector<std::uint8_t> keuzevak_offer(const World& world,
                                         const std::array<bool, n_profiles>& technical);

// H5: each location of a region with exposure money that has not started a funded offer starts
// one with the region's yearly probability (world.channels.keuzevak_adoption). Part of
// choose_keuzevakken; exposed for tests.
void adopt_funded_keuzevakken(World& world, const StepContext& ctx);

// Share of each location's years 3-4 students outside technical profiles (TL included) who
// follow a technical keuzevak.
std::vector<float> keuzevak_uptake(const World& world, const std::array<bool, n_profiles>& technical);

// H5 feedback: adds to each technical programme's appeal (sized to the programmes when empty) the
// region's keuzevak_choice_effect times the change of its location's uptake since the start year.
// Leaves `appeal` untouched where the channel is neutral.
void add_keuzevak_appeal(const World& world, const std::array<bool, n_profiles>& technical,
                         std::vector<float>& appeal);

// Log-odds of following a technical keuzevak outside a technical profile, before H5's shift.
inline double keuzevak_log_odds(const KeuzevakParams& params, std::int8_t profile,
                                float propensity) {
  // The constant by index: a choice would be a branch, and TL comes at random.
  const double constant[2] = {params.constant_other_profile, params.constant_tl};
  return constant[profile == no_profile] + params.beta_propensity * propensity;
}

// Year-2 students who just chose their year-3 programme (and TL year-2 students) decide whether
// they follow a technical keuzevak in years 3-4. Spends the exposure envelope.
void choose_keuzevakken(World& world, const KeuzevakParams& params, const StepContext& ctx);

}  // namespace stosim
