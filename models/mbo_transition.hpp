#pragma once
// Transition to mbo: this year's graduates enter mbo (or, mostly from TL, go on to havo) and
// choose a technical or non-technical field, depending on where they come from.
#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct MboTransitionParams {
  double mbo_share = 0.93;
  double technical_from_technical_profile = 0.78;
  double technical_from_other_profile = 0.05;
  double technical_from_tl = 0.12;

  template <class V>
  void visit(V& v) {
    v(mbo_share, "mbo_share",
      {.min = 0, .max = 1, .description = "Share of graduates who enter mbo",
       .source = "assumption: most vmbo graduates continue in mbo; some TL graduates go to havo"});
    v(technical_from_technical_profile, "technical_from_technical_profile",
      {.min = 0, .max = 1,
       .description = "Probability of a technical mbo field after a technical profile",
       .source = "Techniekpact monitor 2022: 74 % (BWI), 79 % (M&T), 82 % (PIE)"});
    v(technical_from_other_profile, "technical_from_other_profile",
      {.min = 0, .max = 1,
       .description = "Probability of a technical mbo field after a non-technical profile",
       .source = "assumption"});
    v(technical_from_tl, "technical_from_tl",
      {.min = 0, .max = 1, .description = "Probability of a technical mbo field after TL",
       .source = "assumption, below the 26 % share of TL among technical mbo entrants "
                 "(Techniekpact monitor)"});
  }
};

// 0: technical profile, 1: other profile, 2: TL (no profile).
int mbo_origin(std::int8_t profile, const std::array<bool, n_profiles>& technical);

void enter_mbo(World& world, const MboTransitionParams& params, const StepContext& ctx);

}  // namespace stosim
