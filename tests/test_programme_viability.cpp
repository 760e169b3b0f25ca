#include <catch2/catch.hpp>

#include "models/programme_viability.hpp"
#include "channel_helpers.hpp"
#include "small_world.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {
constexpr int pie = 1, zw = 8;

// These tests are about the size rule alone: no agreements (H1) in play.
H1Params no_agreements() {
  H1Params h1;
  h1.enabled = false;
  return h1;
}

void apply(World& w, const ProgrammeViabilityParams& params, int year) {
  PathwayParams pathways;
  pathways.h1 = no_agreements();
  ModelParameters model;
  model.programme_viability = params;
  resolve_for_test(w, pathways, model);
  apply_programme_viability(w, params, no_agreements(), ProfileChoiceParams{}, count_programme_students(w),
                            StepContext{{3, 0}, year, 2018, 1.0, {true, true, true, true, true}});
}

}  // namespace

TEST_CASE("ProgrammeViability.SmallProgrammeClosesAfterConsecutiveYears", "[viability]") {
  SmallWorld sw;
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  const std::size_t small = sw.add_location(0, 0, 0b0001), other = sw.add_location(4, 0, 0b0001);
  sw.offer(small, pie), sw.offer(small, zw), sw.offer(other, pie);
  for (int i = 0; i < 3; ++i) sw.add_student(z, small, 3, Leerweg::bb, pie);
  for (int i = 0; i < 20; ++i) sw.add_student(z, small, 3, Leerweg::bb, zw);
  for (int i = 0; i < 20; ++i) sw.add_student(z, other, 3, Leerweg::bb, pie);
  World& w = sw.finish();
  ProgrammeViabilityParams params;
  params.min_students = 10;
  params.years_below_to_close = 2;
  params.closure_hazard = 1.0;  // at risk means closing: the clock alone decides
  params.closure_size_scale = 1e6;
  apply(w, params, 2018);
  CHECK(w.programmes.offered[programme_index(small, pie)] == 1);  // first year below: still open
  reset_flows(w);
  apply(w, params, 2019);
  CHECK(w.programmes.offered[programme_index(small, pie)] == 0);  // second year: closed
  CHECK(w.programmes.offered[programme_index(small, zw)] == 1);
  CHECK(w.programmes.offered[programme_index(other, pie)] == 1);
  CHECK(w.flows.closed_programmes == 1);
  CHECK(w.flows.moved_by_closure == 3);
  for (std::size_t i = 0; i < 3; ++i) {  // the PIE students moved to the nearest alternative
    CHECK(w.students.location[i] == static_cast<std::int32_t>(other));
    CHECK(w.students.profile[i] == pie);
  }
}

TEST_CASE("ProgrammeViability.WithoutAlternativeStudentsSwitchProfile", "[viability]") {
  SmallWorld sw;
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  const std::size_t only = sw.add_location(0, 0, 0b0001);
  sw.offer(only, pie), sw.offer(only, zw);
  for (int i = 0; i < 2; ++i) sw.add_student(z, only, 3, Leerweg::bb, pie);
  sw.add_student(z, only, 4, Leerweg::bb, pie);  // year 4 finishes where it is
  for (int i = 0; i < 20; ++i) sw.add_student(z, only, 3, Leerweg::bb, zw);
  World& w = sw.finish();
  ProgrammeViabilityParams params;
  params.min_students = 10;
  params.years_below_to_close = 1;
  params.closure_hazard = 1.0;
  params.closure_size_scale = 1e6;
  apply(w, params, 2018);
  CHECK(w.programmes.offered[programme_index(only, pie)] == 0);
  CHECK(w.students.profile[0] == zw);
  CHECK(w.students.profile[1] == zw);
  CHECK(w.students.profile[2] == pie);
  CHECK(w.students.location[0] == static_cast<std::int32_t>(only));
}

TEST_CASE("ProgrammeViability.BigEnoughProgrammeResetsItsCounter", "[viability]") {
  SmallWorld sw;
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  const std::size_t l = sw.add_location(0, 0, 0b0001);
  sw.offer(l, pie);
  for (int i = 0; i < 12; ++i) sw.add_student(z, l, 3, Leerweg::bb, pie);
  World& w = sw.finish();
  w.programmes.years_below_viability[programme_index(l, pie)] = 5;
  ProgrammeViabilityParams params;
  params.min_students = 10;
  apply(w, params, 2018);
  CHECK(w.programmes.years_below_viability[programme_index(l, pie)] == 0);
  CHECK(w.programmes.offered[programme_index(l, pie)] == 1);
}

// A programme of the initial state with year-4 students but no year-3 intake is being phased out:
// off the offer from the start, not counted as a closure, its year-4 students where they are.
TEST_CASE("ProgrammeViability.ProgrammesWithoutYear3IntakeArePhasedOutAtTheStart", "[viability]") {
  SmallWorld sw;
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  const std::size_t l = sw.add_location(0, 0, 0b0001);
  sw.offer(l, pie), sw.offer(l, zw);
  const std::size_t finishing = sw.add_student(z, l, 4, Leerweg::bb, pie);  // PIE: year 4 only
  sw.add_student(z, l, 3, Leerweg::bb, zw);                                 // ZW: year 3 and 4
  sw.add_student(z, l, 4, Leerweg::bb, zw);
  World& w = sw.finish();

  ProgrammeViabilityParams off;
  off.phase_out_without_intake = false;
  CHECK(phase_out_programmes_without_intake(w, off) == 0);
  CHECK(w.programmes.offered[programme_index(l, pie)] == 1);

  CHECK(phase_out_programmes_without_intake(w, ProgrammeViabilityParams{}) == 1);
  CHECK(w.programmes.offered[programme_index(l, pie)] == 0);
  CHECK(w.programmes.offered[programme_index(l, zw)] == 1);
  CHECK(w.flows.closed_programmes == 0);
  CHECK(w.students.location[finishing] == static_cast<std::int32_t>(l));
  CHECK(w.students.profile[finishing] == pie);
  CHECK(w.students.status[finishing] == StudentStatus::enrolled);
}
