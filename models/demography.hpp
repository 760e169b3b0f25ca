#pragma once
// Demography: students move up a year, and a new cohort enters year 1 in every region.
#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct DemographyParams {
  double cohort_trend = -0.010;
  double regional_trend_sd = 0.008;
  double upward_pressure = -0.003;
  double male_share = 0.52;
  double propensity_male_mean = 0.6;
  double propensity_female_mean = -0.6;

  template <class V>
  void visit(V& v) {
    v(cohort_trend, "cohort_trend",
      {.unit = "1/year", .min = -0.2, .max = 0.2,
       .description = "Yearly relative change of the number of 12-year-olds (ontgroening)",
       .source = "assumption: CBS projections give about -1 %/year for 12-year-olds to 2030"});
    v(regional_trend_sd, "regional_trend_sd",
      {.unit = "1/year", .min = 0, .max = 0.1,
       .description = "Spread of the regional deviation from the national cohort trend "
                      "(krimpregio's shrink faster)",
       .source = "assumption"});
    v(upward_pressure, "upward_pressure",
      {.unit = "1/year", .min = -0.2, .max = 0.2,
       .description = "Yearly change of the share of a cohort entering vmbo (opwaartse druk)",
       .source = "assumption: the vmbo share fell slowly in the 2010s"});
    v(male_share, "male_share",
      {.min = 0, .max = 1, .description = "Share of boys among entrants",
       .source = "DUO 2019: 52 % of vmbo year-1 and year-2 students are boys"});
    v(propensity_male_mean, "propensity_male_mean",
      {.min = -5, .max = 5, .description = "Mean latent technical propensity of boys",
       .source = "assumption; with the calibrated profile constants it reproduces the gender gap"});
    v(propensity_female_mean, "propensity_female_mean",
      {.min = -5, .max = 5, .description = "Mean latent technical propensity of girls",
       .source = "assumption"});
  }
};

// Every enrolled student below year 4 moves up a year (year-4 students still enrolled repeat).
void promote_students(World& world);
// Adds the year's entrants (without a school yet: see school_choice) and returns their number.
// H5: entrants from regions that paid for exposure in primary school last year get the region's
// resolved primary_exposure_shift (world.channels) added to their propensity.
std::int64_t enter_cohort(World& world, const DemographyParams& params,
                          const StepContext& ctx);
// Expected entrants of a region in a year, from its base cohort and the trends.
double expected_cohort(const World& world, const DemographyParams& params, const StepContext& ctx,
                       std::size_t region);

}  // namespace stosim
