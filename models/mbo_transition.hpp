#pragma once
// Transition to mbo: this year's graduates enter mbo (or, mostly from TL, go on to havo), choose a
// technical or non-technical field, then a programme of that field at their level in their home
// region (a logit on its job chance, "baankans"), and may drop out in the first mbo year, the
// less likely the better their vmbo programme prepared them.
// The odds of a technical field depend on origin (technical profile, other profile, TL), a
// technical keuzevak, programme quality (H9) and, under regional alignment (H4), regional
// technician demand; H4 also weighs job chance more in the choice of programme, and H9's quality
// gain lowers first-year dropout (all through world.channels).
#include <span>

#include "models/context.hpp"
#include "models/keuzevakken.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct MboTransitionParams {
  double mbo_share = 0.93;
  double technical_from_technical_profile = 0.78;
  double technical_from_other_profile = 0.05;
  double technical_from_tl = 0.12;
  int programmes_per_field_level = 3;
  double job_chance_technical = 0.85;
  double job_chance_other = 0.70;
  double job_chance_sd = 0.08;
  double job_chance_per_level = 0.03;
  double job_chance_weight = 1.0;
  double first_year_dropout = 0.12;

  template <class V>
  void visit(V& v) {
    v(mbo_share, "mbo_share",
      {.min = 0, .max = 1, .description = "Share of graduates who enter mbo",
       .source = "assumption: most vmbo graduates continue in mbo; some TL graduates go to havo"});
    v(technical_from_technical_profile, "technical_from_technical_profile",
      {.min = 0, .max = 1,
       .description = "Probability of a technical mbo field after a technical profile (before keuzevak, quality and alignment effects)",
       .source = "Techniekpact monitor 2022: 74 % (BWI), 79 % (M&T), 82 % (PIE)"});
    v(technical_from_other_profile, "technical_from_other_profile",
      {.min = 0, .max = 1,
       .description = "Probability of a technical mbo field after a non-technical profile",
       .source = "assumption"});
    v(technical_from_tl, "technical_from_tl",
      {.min = 0, .max = 1, .description = "Probability of a technical mbo field after TL",
       .source = "assumption, below the 26 % share of TL among technical mbo entrants "
                 "(Techniekpact monitor)"});
    v(programmes_per_field_level, "programmes_per_field_level", {.min = 1, .max = 50, .description = "mbo programmes per region, field (technical or not) and level", .source = "assumption: about 60 institutions, each with many programmes"});
    v(job_chance_technical, "job_chance_technical", {.min = 0, .max = 1, .description = "Mean job chance of technical mbo programmes", .source = "assumption: technical programmes have good job chances (SBB kansen op werk)"});
    v(job_chance_other, "job_chance_other", {.min = 0, .max = 1, .description = "Mean job chance of other mbo programmes", .source = "assumption"});
    v(job_chance_sd, "job_chance_sd", {.min = 0, .max = 1, .description = "Spread of job chance between programmes", .source = "assumption"});
    v(job_chance_per_level, "job_chance_per_level",
      {.min = -0.3,
       .max = 0.3,
       .description = "Mean job chance of a programme one mbo level above level 3, minus that at "
                      "level 3 (level 2 lies as far below)",
       .source = "assumption: higher levels lead to slightly better job chances; range 0-0.06"});
    v(job_chance_weight, "job_chance_weight", {.min = 0, .max = 50, .description = "Logit weight of job chance in the choice of programme without alignment", .source = "assumption"});
    v(first_year_dropout, "first_year_dropout", {.min = 0, .max = 1, .description = "First-year mbo dropout when the vmbo programme's quality is that of the start year", .source = "assumption: about one in eight mbo starters leaves in the first year"});
  }
};

// 0: technical profile, 1: other profile, 2: TL (no profile). Without a branch (is_technical):
// the monitor's census calls it for every student in years 3-4.
inline int mbo_origin(std::int8_t profile, const std::array<bool, n_profiles>& technical) {
  return 2 - static_cast<int>(profile != no_profile) -
         static_cast<int>(is_technical(profile, technical));
}
// The mbo level a leerweg leads to: BB 2, KB 3, GL and TL 4.
int mbo_level(Leerweg leerweg);

void initialise_mbo(World& world, const MboTransitionParams& params, StreamKey world_streams);

// Quality of each programme (models/quality.hpp) now and in the start year: effects work on
// the change since the zero situation (2017/18), as the STO monitor does.
struct QualityView {
  std::span<const float> quality;
  std::span<const float> start;
  double change(std::size_t programme) const { return quality[programme] - start[programme]; }
};

void enter_mbo(World& world, const MboTransitionParams& params, const KeuzevakParams& keuzevak,
               QualityView quality, const StepContext& ctx);

}  // namespace stosim
