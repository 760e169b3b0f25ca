#pragma once
// Programme openings: a location that teaches a leerweg with profiles (BB, KB, GL) but no
// technical profile starts one where demand, teachers, facilities and money allow. DUO's exam
// files show locations gaining techniek candidates as well as losing them (2014/15-2018/19:
// about 12 a year gained among roughly 290 locations with B/K/G candidates but none in techniek).
//
// Each year, for each such location with at least `min_year2_students` BB/KB/GL students in
// year 2 (demand), the probability of opening is
//   rate * staffed share of the region's technical teaching last year (teachers)
//        * (1 + funded_effect * dose of the region's own-programmes money; the money's channel
//           `openings_funded`, read as world.channels.opening_factor)
// The new programme teaches the technical profile with most students in years 3-4 in the region
// (nationally, in a region without any: reintroducing technology in a techniekarm region), is
// equipped by the school to the usual facility quality (booked as facility investment), and is
// exempt from closure for programme_viability.new_programme_grace_years. It starts small: its
// own appeal is that of a small programme of its profile (start_appeal_quantile).
#include <span>

#include "models/context.hpp"
#include "models/facilities.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct ProgrammeOpeningParams {
  double rate = 0.044;
  int min_year2_students = 40;
  double funded_effect = 1.0;
  double full_dose = 50.0;
  double start_appeal_quantile = 0.15;

  template <class V>
  void visit(V& v) {
    v(rate, "rate",
      {.unit = "1/year", .min = 0, .max = 1,
       .description = "Yearly probability that a location with BB/KB/GL but no technical profile "
                      "opens one, where demand and teachers allow (0 disables openings)",
       .source = "estimated: DUO exam files 2014/15-2018/19, 47 of 1,063 location-years with "
                 "B/K/G candidates and none in techniek gained techniek candidates the next "
                 "year (4.4 %; part is the 2016-2018 switch to profiles); range 0.01-0.08"});
    v(min_year2_students, "min_year2_students",
      {.unit = "students", .min = 0, .max = 10000,
       .description = "BB/KB/GL students in year 2 a location needs before it opens a technical profile",
       .source = "no data; assumption: enough for a class of 6-8 technical students at the "
                 "national technical share; range 20-80"});
    v(funded_effect, "funded_effect",
      {.min = 0, .max = 10,
       .description = "Relative increase of the opening probability where the region's schools "
                      "spend STO money on their own programmes at the full dose",
       .source = "no data; assumption (money channel, seed report section 2.2); range 0-3"});
    v(full_dose, "full_dose",
      {.unit = "euro/student/year", .min = 0, .max = 1e6,
       .description = "Own-programmes money per year-1 student of the region at which the money's "
                      "effect on openings is full (less money, proportionally less; 0: any money "
                      "gives the full effect)",
       .source = "assumption: as programme_viability.relief_full_dose"});
    v(start_appeal_quantile, "start_appeal_quantile",
      {.min = 0, .max = 1,
       .description = "A new programme's own appeal (profile_choice's programme constant): that of "
                      "the programme at this quantile among the profile's open programmes",
       .source = "estimated: DUO exam files 2014/15-2018/19, the 47 locations that gained techniek "
                 "candidates had a median of 13 in that year, at the 14th percentile (mean 19th) "
                 "of the locations that already had them; range 0.05-0.3"});
  }
};

// Phase 5, after closures. Returns the number of programmes opened.
std::int64_t open_programmes(World& world, const ProgrammeOpeningParams& params,
                             const FacilityParams& facilities, const StepContext& ctx);

// Quality effects work on the change since the zero situation: a programme opened this year is
// measured against the quality it opens with (call once its first quality is assessed).
void record_opening_quality(World& world, std::span<const float> quality, int year);

}  // namespace stosim
