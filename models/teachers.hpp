#pragma once
// Teachers of technical programmes: ageing, retirement, attrition (its hazard rises with workload
// and labour-market pull), hiring from the regional supply (teacher-training graduates,
// side-entrants, hybrid teachers seconded by firms), vacancies filled by unqualified staff or left
// open, and professional development. H3 lowers attrition and raises side-entrant supply; H8
// funds development, speeds qualification and brings hybrid teachers (through world.channels).
#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct TeacherParams {
  double base_fte_per_programme = 0.6;
  double students_per_fte = 32.0;
  double mean_fte = 0.67;
  double fte_sd = 0.2;
  double min_fte = 0.2;
  double min_hire_fte = 0.3;
  double initial_age_mean = 47.0;
  double initial_age_sd = 11.0;
  double initial_unqualified_share = 0.1;
  int retirement_age = 67;
  int early_retirement_age = 60;
  double early_retirement_rate = 0.08;
  double attrition_base = 0.04;
  double workload_effect = 1.0;
  double labour_pull_effect = 1.0;
  double graduates_per_year = 70.0;
  double side_entrants_per_year = 45.0;
  int training_years = 2;
  double unqualified_hire_share = 0.7;
  double development_hours_base = 20.0;

  template <class V>
  void visit(V& v) {
    v(base_fte_per_programme, "base_fte_per_programme", {.unit = "FTE", .min = 0, .max = 50, .description = "Teaching staff a technical programme needs regardless of size", .source = "assumption; with students_per_fte it gives the about 1,000 fte teaching the technical profiles in 2017/18 (STO vmbo monitor 2020, FACTS.md); range 0.3-1.5"});
    v(students_per_fte, "students_per_fte", {.unit = "students/FTE", .min = 0.1, .max = 100, .description = "Students in years 3-4 per further FTE", .source = "fitted to the about 1,000 fte and 1,500 persons teaching the technical profiles in 2017/18 (STO vmbo monitor 2020, FACTS.md) with the base; range 20-45"});
    v(mean_fte, "mean_fte", {.unit = "FTE", .min = 0.1, .max = 1, .description = "Mean appointment size", .source = "STO vmbo monitor 2020: about 1,000 fte over about 1,500 persons (0.67)"});
    v(fte_sd, "fte_sd",
      {.unit = "FTE",
       .min = 0,
       .max = 1,
       .description =
           "Spread of appointment sizes around the mean (a normal, cut off at min_fte and 1)",
       .source = "assumption: part-time appointments from about 0.4 to full time"});
    v(min_fte, "min_fte",
      {.unit = "FTE",
       .min = 0.05,
       .max = 1,
       .description = "Smallest appointment size",
       .source = "assumption: one day a week"});
    v(min_hire_fte, "min_hire_fte",
      {.unit = "FTE",
       .min = 0.05,
       .max = 1,
       .description = "Smallest vacancy a school hires for; a smaller remainder is absorbed by the "
                      "staff present and stays recorded as vacancy",
       .source = "assumption: without it, appointments cut to ever smaller remainders let the "
                 "headcount creep up while the FTE stays put"});
    v(initial_age_mean, "initial_age_mean", {.unit = "years", .min = 20, .max = 67, .description = "Mean age of technical teachers in the start year", .source = "assumption: technical teachers are older than average"});
    v(initial_age_sd, "initial_age_sd", {.unit = "years", .min = 0, .max = 30, .description = "Spread of teacher ages in the start year", .source = "assumption"});
    v(initial_unqualified_share, "initial_unqualified_share", {.min = 0, .max = 1, .description = "Share of teachers without full qualification in the start year", .source = "assumption"});
    v(retirement_age, "retirement_age", {.unit = "years", .min = 50, .max = 80, .description = "Age at which every teacher retires", .source = "Dutch state pension age, about 67"});
    v(early_retirement_age, "early_retirement_age",
      {.unit = "years",
       .min = 50,
       .max = 80,
       .description = "Age from which a teacher may retire early",
       .source = "assumption"});
    v(early_retirement_rate, "early_retirement_rate",
      {.unit = "1/year",
       .min = 0,
       .max = 1,
       .description =
           "Yearly probability of retiring early, from early_retirement_age until retirement_age",
       .source = "assumption"});
    v(attrition_base, "attrition_base", {.unit = "1/year", .min = 0, .max = 1, .description = "Yearly probability of leaving the profession at normal workload and pull", .source = "assumption"});
    v(workload_effect, "workload_effect", {.min = 0, .max = 10, .description = "Log-hazard of leaving per unit of workload above 1 (needed FTE / present FTE)", .source = "assumption"});
    v(labour_pull_effect, "labour_pull_effect", {.min = 0, .max = 10, .description = "Log-hazard of leaving per unit of regional technician demand above 1", .source = "assumption"});
    v(graduates_per_year, "graduates_per_year", {.unit = "teachers/year", .min = 0, .max = 1e6, .description = "Qualified teacher-training graduates for technical vmbo per year at scale 1", .source = "no data; assumption: with side-entrants about the yearly outflow of a stock of 1,500 (retirement and attrition about 7 %), so shortage can bind; range 30-150"});
    v(side_entrants_per_year, "side_entrants_per_year", {.unit = "teachers/year", .min = 0, .max = 1e6, .description = "Side-entrants from industry available per year at scale 1", .source = "no data; assumption (see graduates_per_year); range 15-100"});
    v(training_years, "training_years", {.unit = "years", .min = 0, .max = 10, .description = "Years a side-entrant trains before qualifying", .source = "assumption: the zij-instroom route takes two years"});
    v(unqualified_hire_share, "unqualified_hire_share", {.min = 0, .max = 1, .description = "Share of the remaining vacancies a school fills with unqualified staff (the rest stay open)", .source = "assumption"});
    v(development_hours_base, "development_hours_base", {.unit = "h/FTE/year", .min = 0, .max = 400, .description = "Professional development per FTE without STO money", .source = "assumption"});
  }
};

// Teaching staff (FTE) a programme needs, from its students in years 3-4.
double needed_fte(const TeacherParams& params, int students_years_3_4);
void initialise_teachers(World& world, const TeacherParams& params,
                         const std::array<bool, n_profiles>& technical, StreamKey world_streams);
// Phase 6. Spends the teachers (H3) and development (H8) envelopes. `programme_students`:
// count_programme_students of the world as it is.
void update_teachers(World& world, const TeacherParams& params,
                     const std::vector<std::int32_t>& programme_students, const StepContext& ctx);

}  // namespace stosim
