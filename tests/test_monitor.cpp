// The monitor's counts of students (one census pass, output/monitor.cpp) against the same counts
// taken student by student in the test.
#include <catch2/catch.hpp>

#include "models/keuzevakken.hpp"
#include "models/year_step.hpp"
#include "output/monitor.hpp"
#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

// A national indicator summed over its cells.
double national_total(const IndicatorFrame& frame, std::string_view name) {
  double total = 0.0;
  for (std::size_t cell = 0; cell < frame.cells(indicator_id(name)); ++cell)
    total += national(frame, name, 0, cell);
  return total;
}

}  // namespace

TEST_CASE("Monitor.CountsEveryStudentAsTheStudentsAre", "[monitor]") {
  // One year of the whole system (dropouts, graduates and leavers still in the arrays, closures,
  // keuzevakken), then the monitor.
  const Scenario s = small_scenario(0.1, 1);
  World world = build_initial_world(s);
  StepContext ctx;
  ctx.streams = StreamKey{s.seed, 0};
  ctx.start_year = ctx.year = s.start_year;
  ctx.scale = s.population.scale;
  ctx.technical = s.technical_profiles();
  step_year(world, s.model, ctx);
  IndicatorFrame frame(1, world.regions.size(), world.locations.size());
  const MonitorSetup setup =
      make_monitor_setup(world, s.monitor, s.model, s.start_year, ctx.technical);
  record_year(frame, 0, world, setup);

  const std::vector<std::uint8_t> offer = keuzevak_offer(world, ctx.technical);
  const Students& st = world.students;
  double with_school = 0, enrolled = 0, year3 = 0, year3_technical = 0, bkg = 0, bkg_technical = 0;
  std::array<double, n_mbo_origins> keuzevak{}, technical_keuzevak{}, offered{},
      technical_offered{};
  for (std::size_t i = 0; i < st.size(); ++i) {
    enrolled += st.status[i] == StudentStatus::enrolled;
    if (st.location[i] < 0) continue;
    ++with_school;
    if (st.grade[i] < 3) continue;
    const bool profiled = st.profile[i] != no_profile;
    const bool technical = profiled && ctx.technical[static_cast<std::size_t>(st.profile[i])];
    if (st.grade[i] == 3) year3 += 1, year3_technical += technical;
    bkg += profiled, bkg_technical += technical;
    const int origin = !profiled ? 2 : technical ? 0 : 1;
    keuzevak[origin] += 1;
    technical_keuzevak[origin] += st.technical_keuzevak[i];
    if (offer[static_cast<std::size_t>(st.location[i])]) {
      offered[origin] += 1;
      technical_offered[origin] += st.technical_keuzevak[i];
    }
  }
  // Every kind of student is there, so that no count passes by being zero on both sides.
  REQUIRE(enrolled < static_cast<double>(st.size()));
  REQUIRE(year3_technical > 0);
  REQUIRE(bkg_technical < bkg);
  for (int o = 0; o < n_mbo_origins; ++o) REQUIRE(keuzevak[o] > 0);

  CHECK(national(frame, "enrolled", 0) == enrolled);
  CHECK(national_total(frame, "students_all_years") == with_school);
  CHECK(national(frame, "access_students", 0) == static_cast<double>(st.size()));
  CHECK(national_total(frame, "year3_students") == year3);
  CHECK(national_total(frame, "year3_technical") == year3_technical);
  CHECK(national(frame, "bovenbouw_bkg_students", 0) == bkg);
  CHECK(national(frame, "bovenbouw_bkg_technical", 0) == bkg_technical);
  CHECK(national(frame, "satisfaction_students", 0) == bkg);
  for (std::size_t o = 0; o < n_mbo_origins; ++o) {
    INFO("origin " << o);
    CHECK(national(frame, "keuzevak_students", 0, o) == keuzevak[o]);
    CHECK(national(frame, "technical_keuzevak", 0, o) == technical_keuzevak[o]);
    CHECK(national(frame, "keuzevak_students_offered", 0, o) == offered[o]);
    CHECK(national(frame, "technical_keuzevak_offered", 0, o) == technical_offered[o]);
  }
}
