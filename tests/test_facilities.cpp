#include <catch2/catch.hpp>
#include <cmath>

#include "models/facilities.hpp"
#include "models/quality.hpp"
#include "models/teachers.hpp"
#include "channel_helpers.hpp"
#include "small_world.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {
constexpr int bwi = 0, pie = 1, zw = 8;

StepContext context(int year) { return test_context(year, 13); }

// One region with locations at the given x (km), each offering BWI and Z&W; the first location
// has the most BWI students.
World& facility_world(SmallWorld& sw, std::initializer_list<float> xs) {
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  int students = 30;
  for (float x : xs) {
    const std::size_t l = sw.add_location(x, 0, all_leerwegen);
    sw.offer(l, bwi), sw.offer(l, zw);
    for (int i = 0; i < students; ++i) sw.add_student(z, l, 3, Leerweg::bb, bwi);
    students = 10;
  }
  World& w = sw.finish();
  initialise_facilities(w, FacilityParams{}, {5, ~0ull});
  return w;
}

double& envelope(World& w, std::size_t region, Envelope e) {
  return w.flows.envelope[region * n_envelopes + static_cast<std::size_t>(e)];
}

FacilityParams no_school_money() {
  FacilityParams params;
  params.school_investment = 0.0;
  return params;
}
}  // namespace

TEST_CASE("Facilities.InitialQualityInTheUnitInterval", "[facilities]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 5, 10, 15});
  REQUIRE(w.programmes.facility_quality.size() == w.programmes.size());
  double sum = 0.0;
  for (float q : w.programmes.facility_quality) {
    CHECK(q >= 0.0f);
    CHECK(q <= 1.0f);
    sum += q;
  }
  CHECK(sum > 0.0);
  CHECK(w.region_state.hub_quality == std::vector<float>{0.0f});
  CHECK(w.region_state.hub_location == std::vector<std::int32_t>{-1});
}

TEST_CASE("Facilities.WithoutInvestmentQualityDecaysGeometrically", "[facilities][degenerate]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 5});
  const std::vector<float> start = w.programmes.facility_quality;
  const FacilityParams params = no_school_money();
  for (int t = 1; t <= 10; ++t) {
    reset_flows(w);
    resolve_for_test(w, PathwayParams{});
    update_facilities(w, params, (PathwayParams{}).h2, count_programme_students(w), context(2017 + t));
    CHECK(w.flows.facility_investment[0] == 0.0);
    CHECK(w.flows.budget_spent[0] == 0.0);
    for (std::size_t k = 0; k < start.size(); ++k) {
      const double expected = w.programmes.offered[k]
                                  ? start[k] * std::pow(1.0 - params.obsolescence, t)
                                  : start[k];  // a programme not offered keeps its state
      CHECK(w.programmes.facility_quality[k] == Approx(expected).epsilon(1e-5));
    }
  }
}

TEST_CASE("Facilities.InvestmentRaisesQualityByInvestmentOverCost", "[facilities]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 5});
  FacilityParams params;
  params.obsolescence = 0.0;
  params.substitution = 0.0;  // Facilities.StoMoneyReplacesPartOfTheSchoolsOwnInvestment
  params.school_investment = 30000;
  params.cost_per_quality = 300000;
  std::vector<float>& q = w.programmes.facility_quality;
  q[programme_index(0, bwi)] = 0.2f, q[programme_index(1, bwi)] = 0.6f;
  q[programme_index(0, zw)] = q[programme_index(1, zw)] = 0.5f;
  reset_flows(w);
  w.flows.programme_impulse[programme_index(0, bwi)] = 15000;
  envelope(w, 0, Envelope::facilities) = 60000;   // by need: 0.8 and 0.4 parts of 1.2
  envelope(w, 0, Envelope::untargeted) = 120000;  // 30000 to each of the four programmes
  resolve_for_test(w, PathwayParams{});
  update_facilities(w, params, (PathwayParams{}).h2, count_programme_students(w), context(2018));
  // school + impulse + facilities + untargeted, over the cost of one unit of quality
  CHECK(q[programme_index(0, bwi)] == Approx(0.2 + (30000 + 15000 + 40000 + 30000) / 3e5));
  CHECK(q[programme_index(1, bwi)] == Approx(0.6 + (30000 + 20000 + 30000) / 3e5));
  CHECK(q[programme_index(0, zw)] == Approx(0.5 + (30000 + 30000) / 3e5));  // school + untargeted
  CHECK(w.flows.facility_investment[0] == Approx(4 * 30000 + 15000 + 60000 + 120000));
  CHECK(w.flows.budget_spent[0] == Approx(15000 + 60000 + 120000));  // the school's own is not STO
}

TEST_CASE("Facilities.QualityIsCappedAtOne", "[facilities]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0});
  FacilityParams params;
  params.school_investment = 10 * params.cost_per_quality;
  reset_flows(w);
  resolve_for_test(w, PathwayParams{});
  update_facilities(w, params, (PathwayParams{}).h2, count_programme_students(w), context(2018));
  CHECK(w.programmes.facility_quality[programme_index(0, bwi)] == 1.0f);
}

TEST_CASE("Facilities.FacilitiesEnvelopeNeedsTheSwitch", "[facilities][channels]") {
  // With H6 off the facilities envelope is spent as the plan says but modernises nothing.
  SmallWorld sw;
  World& w = facility_world(sw, {0, 5});
  const std::vector<float> start = w.programmes.facility_quality;
  PathwayParams pathways;
  pathways.h6.enabled = false;
  reset_flows(w);
  envelope(w, 0, Envelope::facilities) = 1e5;
  resolve_for_test(w, pathways);
  update_facilities(w, no_school_money(), (pathways).h2, count_programme_students(w), context(2018));
  CHECK(w.flows.budget_spent[0] == 1e5);
  for (std::size_t k = 0; k < start.size(); ++k)
    if (w.programmes.offered[k])
      CHECK(w.programmes.facility_quality[k] ==
            static_cast<float>(start[k] * static_cast<float>(1.0 - FacilityParams{}.obsolescence)));
}

TEST_CASE("Facilities.StoMoneyReplacesPartOfTheSchoolsOwnInvestment", "[facilities][channels]") {
  // Money channel `substitution`: a programme receiving STO money m gets school_investment -
  // substitution * m from its school (not below 0) plus m.
  SmallWorld sw;
  World& w = facility_world(sw, {0});
  FacilityParams params;
  params.obsolescence = 0.0;
  params.substitution = 0.5;
  params.school_investment = 40000;
  params.cost_per_quality = 1e6;
  std::vector<float>& q = w.programmes.facility_quality;
  for (float& x : q) x = 0.0f;
  reset_flows(w);
  envelope(w, 0, Envelope::untargeted) = 60000;  // 30000 for each of BWI and Z&W
  resolve_for_test(w);
  update_facilities(w, params, H2Params{}, count_programme_students(w), context(2018));
  CHECK(q[programme_index(0, bwi)] == Approx((40000 - 0.5 * 30000 + 30000) / 1e6));
  CHECK(w.flows.facility_investment[0] == Approx(2 * (40000 - 0.5 * 30000 + 30000)));
}

TEST_CASE("Facilities.HubServesProgrammesWithinReachOnly", "[facilities]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 10, 40});  // the hub goes to the first (most students)
  const FacilityParams params = no_school_money();
  PathwayParams pathways;
  pathways.h2.access_km = 25;
  std::vector<float>& q = w.programmes.facility_quality;
  for (float& x : q) x = 0.0f;  // the hub is better than any programme's own facilities
  for (int t = 2018; t < 2020; ++t) {
    reset_flows(w);
    envelope(w, 0, Envelope::hub) = 3e4;
    resolve_for_test(w, pathways);
    update_facilities(w, params, (pathways).h2, count_programme_students(w), context(t));
  }
  // Two years of hub money; the first year's quality has aged once.
  const float hub = w.region_state.hub_quality[0];
  const double yearly = pathways.h2.efficiency * 3e4 / params.cost_per_quality;
  CHECK(w.region_state.hub_location[0] == 0);
  CHECK(hub == Approx(yearly * (1.0 - params.obsolescence) + yearly));
  CHECK(w.flows.budget_spent[0] == 3e4);
  CHECK(w.flows.facility_investment[0] == 3e4);
  CHECK(effective_facility_quality(w, programme_index(0, bwi), pathways.h2) == hub);
  CHECK(effective_facility_quality(w, programme_index(1, bwi), pathways.h2) == hub);
  CHECK(effective_facility_quality(w, programme_index(2, bwi), pathways.h2) ==
        q[programme_index(2, bwi)]);
}

TEST_CASE("Facilities.WithH2OffHubMoneyBuildsNoHub", "[facilities][channels]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 10});
  PathwayParams pathways;
  pathways.h2.enabled = false;
  std::vector<float>& q = w.programmes.facility_quality;
  for (float& x : q) x = 0.0f;
  reset_flows(w);
  envelope(w, 0, Envelope::hub) = 3e4;
  resolve_for_test(w, pathways);
  update_facilities(w, no_school_money(), pathways.h2, count_programme_students(w), context(2018));
  CHECK(w.region_state.hub_location[0] == -1);
  CHECK(w.region_state.hub_quality[0] == 0.0f);
  CHECK(effective_facility_quality(w, programme_index(1, bwi), pathways.h2) == 0.0f);
  CHECK(w.flows.budget_spent[0] == 3e4);  // spent as the plan says, on nothing the model follows
}

TEST_CASE("Facilities.HubStaysWhereItWasPlaced", "[facilities]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 10});
  PathwayParams pathways;
  reset_flows(w);
  envelope(w, 0, Envelope::hub) = 1e5;
  resolve_for_test(w, pathways);
  update_facilities(w, FacilityParams{}, (pathways).h2, count_programme_students(w), context(2018));
  REQUIRE(w.region_state.hub_location[0] == 0);
  for (std::size_t i = 0; i < w.students.size(); ++i) w.students.location[i] = 1;
  reset_flows(w);
  envelope(w, 0, Envelope::hub) = 1e5;
  resolve_for_test(w, pathways);
  update_facilities(w, FacilityParams{}, (pathways).h2, count_programme_students(w), context(2019));
  CHECK(w.region_state.hub_location[0] == 0);
}

TEST_CASE("Facilities.SpentNeverExceedsReceived", "[facilities][teachers][accounting]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 5, 30});
  w.programmes.offered[programme_index(2, bwi)] = 0;  // its impulse cannot be spent
  TeacherParams teachers;
  initialise_teachers(w, teachers, context(2018).technical, {5, ~0ull});
  for (int t = 2018; t < 2024; ++t) {
    reset_flows(w);
    double received = 0.0;
    for (int e = 0; e < n_envelopes; ++e) {
      w.flows.envelope[static_cast<std::size_t>(e)] = 10000.0 * (e + 1);
      received += 10000.0 * (e + 1);
    }
    for (int p : {bwi, pie}) {
      for (std::size_t l = 0; l < 3; ++l) w.flows.programme_impulse[programme_index(l, p)] = 5000;
      received += 3 * 5000;
    }
    w.flows.budget_received[0] = received;
    resolve_for_test(w, PathwayParams{});
    update_facilities(w, FacilityParams{}, (PathwayParams{}).h2, count_programme_students(w), context(t));
    update_teachers(w, teachers, count_programme_students(w), context(t));
    CHECK(w.flows.budget_spent[0] <= w.flows.budget_received[0]);
    CHECK(w.flows.budget_spent[0] > 0.0);
  }
}

TEST_CASE("Quality.WeightedAndZeroWhereNotOffered", "[facilities][quality]") {
  SmallWorld sw;
  World& w = facility_world(sw, {0, 5});
  w.programmes.offered[programme_index(1, zw)] = 0;
  TeacherParams teachers;
  teachers.initial_unqualified_share = 0.0;
  initialise_teachers(w, teachers, context(2018).technical, {5, ~0ull});
  w.region_state.innovation = {0.5f};
  for (float& q : w.programmes.facility_quality) q = 0.4f;
  QualityParams params;
  const PathwayParams pathways;
  const std::vector<float> quality = programme_quality(w, params, pathways.h2, count_programme_students(w));
  const double weights =
      params.weight_facilities + params.weight_teachers + params.weight_innovation + params.weight_size;
  const std::vector<std::int32_t> students = count_programme_students(w);
  // The size term: students in years 3-4 against the critical mass.
  const auto expected = [&](std::size_t k, double teacher_term) {
    const double size = std::min(1.0, students[k] / params.critical_mass);
    return (0.4 * params.weight_facilities + teacher_term * params.weight_teachers + 0.5 * params.weight_innovation +
            size * params.weight_size) /
           weights;
  };
  // Fully qualified staff and no vacancies: the teacher term is 1.
  CHECK(quality[programme_index(0, bwi)] == Approx(expected(programme_index(0, bwi), 1.0)));
  // Without technical teachers the teacher term is neutral (0.6).
  CHECK(quality[programme_index(0, zw)] == Approx(expected(programme_index(0, zw), 0.6)));
  CHECK(quality[programme_index(1, zw)] == 0.0f);
  CHECK(quality[programme_index(0, pie)] == 0.0f);  // not offered
  // A vacancy as large as the staff halves the teacher term.
  double staff = 0.0;
  for (std::size_t i = 0; i < w.teachers.size(); ++i)
    if (w.teachers.location[i] == 0 && w.teachers.profile[i] == bwi) staff += w.teachers.fte[i];
  w.flows.vacancy_fte[programme_index(0, bwi)] = static_cast<float>(staff);
  CHECK(programme_quality(w, params, pathways.h2, count_programme_students(w))[programme_index(0, bwi)] ==
        Approx(expected(programme_index(0, bwi), 0.5)));
}
