#include <catch2/catch.hpp>

#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

TEST_CASE("Accounting.NoStudentIsLostOrCreated", "[accounting]") {
  // initial + entered (year 1 and year 3) so far = enrolled now + graduated + dropped out + left
  // so far, every year.
  const Scenario s = small_scenario(0.1, 1);
  const World initial = build_initial_world(s);
  const IndicatorFrame frame = run_replicate(initial, s, 0);
  double in = static_cast<double>(initial.students.size()), out = 0.0;
  for (std::size_t y = 0; y < static_cast<std::size_t>(s.years()); ++y) {
    in += national(frame, "entered", y) + national(frame, "entered_year3", y);
    out += national(frame, "graduated", y) + national(frame, "dropped_out", y) + national(frame, "left", y);
    INFO("year " << s.start_year + static_cast<int>(y));
    CHECK(in == national(frame, "enrolled", y) + out);
    CHECK(national(frame, "graduated", y) > 0);
  }
  CHECK(national(frame, "entered", 1) > 0);
}

TEST_CASE("Accounting.ExamPassesNeverExceedCandidates", "[accounting]") {
  const Scenario s = small_scenario(0.1, 1);
  const IndicatorFrame frame = run_replicate(build_initial_world(s), s, 0);
  const std::size_t cand = indicator_id("exam_candidates"), pass = indicator_id("exam_passed");
  const auto& c = frame.values(cand, Level::location);
  const auto& p = frame.values(pass, Level::location);
  for (std::size_t k = 0; k < c.size(); ++k) REQUIRE(p[k] <= c[k]);
  // Graduates are exactly the candidates who passed.
  for (std::size_t y = 0; y < static_cast<std::size_t>(s.years()); ++y) {
    double passed = 0.0;
    for (std::size_t cell = 0; cell < frame.cells(pass); ++cell) passed += national(frame, "exam_passed", y, cell);
    CHECK(passed == national(frame, "graduated", y));
  }
}
