// Regional coordination: collaboration capital, organisation forms, innovation (H7), labour demand.
#include <catch2/catch.hpp>
#include <cmath>

#include "models/regional_coordination.hpp"
#include "channel_helpers.hpp"
#include "small_world.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

StepContext context(int year) { return test_context(year, 7); }

// Regions with one zone each, no students and no firms; the regional state initialised.
World& regions_world(SmallWorld& sw, int regions, const CoordinationParams& params) {
  for (int r = 0; r < regions; ++r) {
    sw.add_region();
    sw.add_zone(static_cast<float>(10 * r), 0, r);
  }
  World& w = sw.finish();
  initialise_regions(w, params, StreamKey{11, ~std::uint64_t{0}});
  return w;
}

void set_coordination_money(World& w, std::size_t r, double euro) {
  w.flows.envelope[r * n_envelopes + static_cast<std::size_t>(Envelope::coordination)] = euro;
  w.flows.budget_received[r] = euro;
}

PathwayParams h7(bool enabled) {
  PathwayParams p;
  p.h7.enabled = enabled;
  return p;
}

}  // namespace

TEST_CASE("Coordination.InitialisesEveryRegion", "[coordination]") {
  CoordinationParams params;
  SmallWorld sw;
  World& w = regions_world(sw, 78, params);
  const RegionState& rs = w.region_state;
  REQUIRE(rs.collaboration.size() == 78);
  REQUIRE(rs.received_total.size() == 78);
  REQUIRE(rs.cofinancing_committed.size() == 78);
  int prior = 0, external = 0, shared = 0;
  for (std::size_t r = 0; r < 78; ++r) {
    prior += rs.prior_network[r];
    external += rs.organisation[r] == OrganisationForm::external_coordinator;
    shared += rs.organisation[r] == OrganisationForm::shared_participation;
    CHECK(rs.plan_status[r] == PlanStatus::none);
    CHECK(rs.hub_location[r] == -1);
    CHECK(rs.hub_quality[r] == 0.0f);
    CHECK(rs.plan_quality[r] == 0.0f);
    CHECK(rs.labour_demand[r] == 1.0f);
    CHECK(rs.innovation[r] == Approx(params.initial_innovation));
    // Prior-network (TiB) regions start with more collaboration capital.
    CHECK(rs.collaboration[r] == Approx(rs.prior_network[r]
                                            ? params.initial_collaboration_prior_network
                                            : params.initial_collaboration));
  }
  CHECK(prior == 28);  // round(28/78 * 78)
  CHECK(params.initial_collaboration_prior_network > params.initial_collaboration);
  // Organisation forms drawn with their shares: within 4 binomial standard errors.
  CHECK(std::abs(external - 78 * 0.3) <= 4 * std::sqrt(78 * 0.3 * 0.7));
  CHECK(std::abs(shared - 78 * 0.2) <= 4 * std::sqrt(78 * 0.2 * 0.8));

  SmallWorld again;
  World& w2 = regions_world(again, 78, params);
  CHECK(w2.region_state.prior_network == rs.prior_network);  // deterministic for the seed
  CHECK(w2.region_state.organisation == rs.organisation);
}

TEST_CASE("Coordination.WithoutJointActionCollaborationDecaysGeometrically",
          "[coordination][degenerate]") {
  CoordinationParams params;
  SmallWorld sw;
  World& w = regions_world(sw, 3, params);
  std::vector<double> start(3);
  for (std::size_t r = 0; r < 3; ++r) start[r] = w.region_state.collaboration[r];
  for (int t = 1; t <= 10; ++t) {
    reset_flows(w);
    resolve_for_test(w, h7(false), params);
    coordinate_regions(w, params, context(2017 + t));
    for (std::size_t r = 0; r < 3; ++r) {
      CHECK(w.region_state.collaboration[r] ==
            Approx(start[r] * std::pow(1 - params.decay, t)).epsilon(1e-5));
      CHECK(w.flows.budget_spent[r] == 0.0);
    }
  }
}

TEST_CASE("Coordination.ExternalCoordinatorGrowsFasterThanLeadThanShared", "[coordination]") {
  CoordinationParams params;
  SmallWorld sw;
  World& w = regions_world(sw, 3, params);
  const OrganisationForm forms[] = {OrganisationForm::external_coordinator,
                                    OrganisationForm::lead_organisation,
                                    OrganisationForm::shared_participation};
  for (std::size_t r = 0; r < 3; ++r) {
    w.region_state.organisation[r] = forms[r];
    w.region_state.prior_network[r] = 0;
    w.region_state.collaboration[r] = 0.2f;
    w.region_state.plan_status[r] = PlanStatus::approved;
  }
  resolve_for_test(w, h7(false), params);
  coordinate_regions(w, params, context(2020));
  const auto& c = w.region_state.collaboration;
  CHECK(c[0] > c[1]);
  CHECK(c[1] > c[2]);
  // Joint action 0.5 (approved plan only): c + growth * effect * 0.5 * (1 - c) - decay * c.
  CHECK(c[1] == Approx(0.2 + params.growth * 1.0 * 0.5 * 0.8 - params.decay * 0.2).epsilon(1e-5));
}

TEST_CASE("Coordination.MoneyIsSpentAndRaisesJointAction", "[coordination]") {
  CoordinationParams params;
  SmallWorld sw;
  sw.add_region(), sw.add_region();
  const std::size_t z0 = sw.add_zone(0, 0, 0), z1 = sw.add_zone(50, 0, 1);
  const std::size_t l0 = sw.add_location(0, 0, all_leerwegen, 0),
                    l1 = sw.add_location(50, 0, all_leerwegen, 1);
  for (int i = 0; i < 100; ++i)
    sw.add_student(z0, l0, 1, Leerweg::bb), sw.add_student(z1, l1, 1, Leerweg::bb);
  World& w = sw.finish();
  initialise_regions(w, params, StreamKey{11, ~std::uint64_t{0}});
  for (std::size_t r = 0; r < 2; ++r) {
    w.region_state.organisation[r] = OrganisationForm::lead_organisation;
    w.region_state.collaboration[r] = 0.3f;
  }
  // A quarter of the reference money for region 0's 100 year-1 students: joint action 0.25.
  const double money = 0.25 * params.coordination_reference * 100;
  set_coordination_money(w, 0, money);
  resolve_for_test(w, h7(false), params);
  coordinate_regions(w, params, context(2020));
  CHECK(w.flows.budget_spent[0] == money);
  CHECK(w.flows.budget_spent[0] <= w.flows.budget_received[0]);
  CHECK(w.flows.budget_spent[1] == 0.0);
  CHECK(w.region_state.collaboration[0] ==
        Approx(0.3 + params.growth * 0.25 * 0.7 - params.decay * 0.3).epsilon(1e-5));
  CHECK(w.region_state.collaboration[1] == Approx(0.3 * (1 - params.decay)).epsilon(1e-5));
}

TEST_CASE("Coordination.PartnerFirmsRaiseJointAction", "[coordination]") {
  CoordinationParams params;
  SmallWorld sw;
  World& w = regions_world(sw, 2, params);
  for (std::size_t r = 0; r < 2; ++r) {
    w.region_state.organisation[r] = OrganisationForm::lead_organisation;
    w.region_state.collaboration[r] = 0.3f;
  }
  for (std::uint64_t i = 0; i < 4; ++i) {  // region 0: 2 of 4 firms are partners
    w.firms.id.push_back(i);
    w.firms.region.push_back(0);
    w.firms.sector.push_back(0);
    w.firms.employees.push_back(10);
    w.firms.partnership.push_back(i < 2 ? Partnership::core : Partnership::none);
    w.firms.years_as_partner.push_back(i < 2 ? 1 : 0);
  }
  resolve_for_test(w, h7(false), params);
  coordinate_regions(w, params, context(2020));
  const double a = params.partner_effect * 0.5;
  CHECK(w.region_state.collaboration[0] ==
        Approx(0.3 + params.growth * a * 0.7 - params.decay * 0.3).epsilon(1e-5));
  CHECK(w.region_state.collaboration[1] == Approx(0.3 * (1 - params.decay)).epsilon(1e-5));
}

TEST_CASE("Coordination.AgreementsNeedThePlanAndTheThreshold", "[coordination]") {
  CoordinationParams params;
  SmallWorld sw;
  World& w = regions_world(sw, 3, params);
  w.region_state.collaboration[0] = static_cast<float>(params.agreement_threshold + 0.01);
  w.region_state.collaboration[1] = static_cast<float>(params.agreement_threshold - 0.01);
  w.region_state.collaboration[2] = static_cast<float>(params.agreement_threshold + 0.01);
  w.region_state.plan_status[0] = w.region_state.plan_status[1] = PlanStatus::approved;
  CHECK(agreements_active(w, 0, params));
  CHECK_FALSE(agreements_active(w, 1, params));  // too little collaboration
  CHECK_FALSE(agreements_active(w, 2, params));  // no approved plan
}

TEST_CASE("Coordination.InnovationNeedsStructuralSharing", "[coordination][h7]") {
  CoordinationParams params;
  params.decay = 0.0;  // keep c fixed above the threshold
  PathwayParams on = h7(true), off = h7(false);
  SmallWorld sw_off, sw_on;
  World& w_off = regions_world(sw_off, 1, params);
  World& w_on = regions_world(sw_on, 1, params);
  for (World* w : {&w_off, &w_on}) {
    w->region_state.collaboration[0] = 0.8f;
    w->region_state.plan_status[0] = PlanStatus::approved;
    w->region_state.innovation[0] = 0.3f;
  }
  for (int t = 1; t <= 5; ++t) {
    resolve_for_test(w_off, off, params);
    coordinate_regions(w_off, params, context(2017 + t));
    resolve_for_test(w_on, on, params);
    coordinate_regions(w_on, params, context(2017 + t));
    // The pathway off: innovation capacity stays as in the zero situation.
    CHECK(w_off.region_state.innovation[0] == 0.3f);
  }
  CHECK(w_on.region_state.innovation[0] > 0.3f);  // grows with collaboration above the threshold

  // H7 on but collaboration below the threshold: no agreements, so it decays as well.
  SmallWorld sw_low;
  World& w_low = regions_world(sw_low, 1, params);
  w_low.region_state.collaboration[0] = static_cast<float>(params.agreement_threshold / 2);
  w_low.region_state.innovation[0] = 0.3f;
  resolve_for_test(w_low, on, params);
  coordinate_regions(w_low, params, context(2018));
  CHECK(w_low.region_state.innovation[0] == Approx(0.3 * (1 - on.h7.decay)).epsilon(1e-5));
}

TEST_CASE("Coordination.LabourDemandFollowsTheTrend", "[coordination]") {
  CoordinationParams params;
  params.labour_demand_spread = 0.0;
  params.labour_demand_trend = 0.02;
  SmallWorld sw;
  World& w = regions_world(sw, 2, params);
  resolve_for_test(w, h7(false), params);
  coordinate_regions(w, params, context(2018));  // the start year: index stays 1
  CHECK(w.region_state.labour_demand[0] == 1.0f);
  for (int year = 2019; year <= 2023; ++year) {
    resolve_for_test(w, h7(false), params);
    coordinate_regions(w, params, context(year));
  }
  CHECK(w.region_state.labour_demand[0] == Approx(std::pow(1.02, 5)).epsilon(1e-5));
  CHECK(w.region_state.labour_demand[1] == Approx(std::pow(1.02, 5)).epsilon(1e-5));

  // With a spread, each region has its own fixed growth rate around the trend.
  params.labour_demand_spread = 0.01;
  SmallWorld sw2;
  World& w2 = regions_world(sw2, 2, params);
  resolve_for_test(w2, h7(false), params);
  coordinate_regions(w2, params, context(2019));
  const float first = w2.region_state.labour_demand[0];
  resolve_for_test(w2, h7(false), params);
  coordinate_regions(w2, params, context(2020));
  CHECK(w2.region_state.labour_demand[0] == Approx(double(first) * first).epsilon(1e-5));
  CHECK(w2.region_state.labour_demand[0] != w2.region_state.labour_demand[1]);
}
