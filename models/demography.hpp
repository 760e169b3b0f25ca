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
  double interest_trend = -0.01;
  bool derive_year3_intake = true;

  // Mean technical propensity of a boy or a girl, before the interest trend. By index: written
  // as a choice, the compiler branches on the sex, which alternates at random.
  double propensity_mean(bool male) const {
    const double mean[2] = {propensity_female_mean, propensity_male_mean};
    return mean[male];
  }

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
    v(interest_trend, "interest_trend",
      {.unit = "sd/year", .min = -1, .max = 1,
       .description = "Yearly change of the mean technical propensity of entrants (interest in "
                      "technology), apart from closures and from STO",
       .source = "fitted (validation/README.md) with the closure hazard on the techniek share "
                 "of B/K/G exam candidates, DUO 2014/15-2018/19; range -0.1..0.05"});
    v(derive_year3_intake, "derive_year3_intake",
      {.description = "Year-3 intake per leerweg follows the initial state's ratio of year-3 to "
                      "year-2 students (net moves from havo/vwo, repeaters, changes of school "
                      "type); when false, year-2 students simply move up",
       .source = "DUO 1 Oct 2019: 'Brugjaar 1-2' counts years 1-2 of all school types as one "
                 "category, so the year-3 intake per leerweg is derived (docs/ODD.md)"});
  }
};

// Every enrolled student below year 4 moves up a year (year-4 students still enrolled repeat).
void promote_students(World& world);
// Net intake into year 3, right after promotion: per leerweg, the students promoted to year 3
// are scaled to world.start.year3_per_year2 times their count in year 2 (the initial year-2
// cohort) or year3_per_year1 times their count in year 1 (every later cohort); those counts
// included the students who then dropped out or left, at the yearly survival given. A surplus joins as newcomers who
// resemble a promoted student of the same leerweg at the same school (programme, sex,
// propensity, keuzevak); a deficit leaves vmbo. Returns newcomers minus leavers.
std::int64_t year3_intake(World& world, const DemographyParams& params, double year2_survival,
                          const StepContext& ctx);
// Adds the year's entrants (without a school yet: see school_choice) and returns their number.
// H5: entrants from regions that paid for exposure in primary school last year get the region's
// resolved primary_exposure_shift (world.channels) added to their propensity.
std::int64_t enter_cohort(World& world, const DemographyParams& params,
                          const StepContext& ctx);
// Expected entrants of a region in a year, from its base cohort and the trends.
double expected_cohort(const World& world, const DemographyParams& params, const StepContext& ctx,
                       std::size_t region);

}  // namespace stosim
