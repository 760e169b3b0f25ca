// Degenerate parameters give exact, known outcomes.
#include <catch2/catch.hpp>

#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {
double total(const IndicatorFrame& frame, std::string_view name, int years) {
  double sum = 0.0;
  const std::size_t i = indicator_id(name);
  for (std::size_t y = 0; y < static_cast<std::size_t>(years); ++y)
    for (std::size_t c = 0; c < frame.cells(i); ++c) sum += national(frame, name, y, c);
  return sum;
}
IndicatorFrame run(const Scenario& s) { return run_replicate(build_initial_world(s), s, 0); }
}  // namespace

TEST_CASE("Degenerate.ZeroDropoutRateGivesNoDropouts", "[degenerate]") {
  const Scenario s = small_scenario(0.05, 1, {{"dropout.dropout_rate", "0"}});
  const IndicatorFrame f = run(s);
  CHECK(total(f, "dropped_out", s.years()) == 0.0);
  CHECK(total(f, "left", s.years()) > 0.0);  // the other exit still happens
}

TEST_CASE("Degenerate.NoExitsAndCertainPassesLeaveOnlyGraduates", "[degenerate]") {
  const Scenario s = small_scenario(0.05, 1,
                                    {{"dropout.dropout_rate", "0"}, {"dropout.leaving_rate", "0"},
                                     {"exams.pass_rate_bb", "1"}, {"exams.pass_rate_kb", "1"},
                                     {"exams.pass_rate_gl", "1"}, {"exams.pass_rate_tl", "1"},
                                     {"programme_viability.min_students", "0"},
                                     {"demography.derive_year3_intake", "false"}});
  const IndicatorFrame f = run(s);
  CHECK(total(f, "dropped_out", s.years()) == 0.0);
  CHECK(total(f, "left", s.years()) == 0.0);
  CHECK(total(f, "exam_passed", s.years()) == total(f, "exam_candidates", s.years()));
}

TEST_CASE("Degenerate.ViabilityThresholdZeroClosesNothing", "[degenerate]") {
  const Scenario s = small_scenario(0.05, 1, {{"programme_viability.min_students", "0"}, {"programme_openings.rate", "0"}});
  const IndicatorFrame f = run(s);
  CHECK(total(f, "programmes_closed", s.years()) == 0.0);
  const std::size_t y_last = static_cast<std::size_t>(s.years() - 1);
  for (int p = 0; p < n_profiles; ++p)
    CHECK(national(f, "programmes_offered", y_last, static_cast<std::size_t>(p)) ==
          national(f, "programmes_offered", 0, static_cast<std::size_t>(p)));
}

TEST_CASE("Degenerate.UnreachableThresholdClosesEveryProgramme", "[degenerate]") {
  // H1 would protect each region's sole provider of a profile: switched off here.
  const Scenario s = small_scenario(0.05, 1, {{"programme_viability.min_students", "1000"},
                                              {"programme_viability.years_below_to_close", "1"},
                                              {"programme_viability.closure_hazard", "1"},
                                              {"programme_viability.closure_size_scale", "1e6"},
                                              {"programme_openings.rate", "0"},
                                              {"h1.enabled", "false"}});
  const IndicatorFrame f = run(s);
  for (int p = 0; p < n_profiles; ++p) CHECK(national(f, "programmes_offered", 0, static_cast<std::size_t>(p)) == 0.0);
  // Closed at once, the programmes still teach their year-4 students that year (DUO would count
  // those locations as offering the profile), and no one two years later.
  const std::size_t y_last = static_cast<std::size_t>(s.years() - 1);
  double taught_first = 0.0, taught_last = 0.0;
  for (std::size_t p = 0; p < n_profiles; ++p)
    taught_first += national(f, "programmes_taught", 0, p), taught_last += national(f, "programmes_taught", y_last, p);
  CHECK(taught_first > 0.0);
  CHECK(taught_last == 0.0);
}

TEST_CASE("Degenerate.NoTechnicalMboChoiceGivesNoTechnicalEntrants", "[degenerate]") {
  const Scenario s = small_scenario(0.05, 1, {{"mbo_transition.technical_from_technical_profile", "0"},
                                              {"mbo_transition.technical_from_other_profile", "0"},
                                              {"mbo_transition.technical_from_tl", "0"}});
  const IndicatorFrame f = run(s);
  CHECK(total(f, "mbo_technical", s.years()) == 0.0);
  CHECK(total(f, "mbo_entrants", s.years()) > 0.0);
}

TEST_CASE("Degenerate.FlatCohortTrendKeepsEntrantsAtTheInitialCohort", "[degenerate]") {
  const Scenario s = small_scenario(0.1, 1, {{"demography.cohort_trend", "0"}, {"demography.upward_pressure", "0"},
                                             {"demography.regional_trend_sd", "0"}});
  const World initial = build_initial_world(s);
  double year1 = 0;
  for (std::uint8_t g : initial.students.grade) year1 += g == 1;
  const IndicatorFrame f = run_replicate(initial, s, 0);
  // Stochastic rounding per zone: the sum has sd at most sqrt(zones)/2.
  const double sd = std::sqrt(double(initial.zones.size())) / 2.0;
  for (std::size_t y = 1; y < static_cast<std::size_t>(s.years()); ++y)
    CHECK(std::abs(national(f, "entered", y) - year1) <= 4.0 * sd);
}
