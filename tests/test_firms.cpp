// Firms: initial population, joining and leaving the partnership, cofinancing.
#include <catch2/catch.hpp>
#include <cmath>

#include "models/firms.hpp"
#include "models/regional_coordination.hpp"
#include "small_world.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

constexpr StreamKey world_key{5, ~std::uint64_t{0}};

StepContext context(int year, std::uint64_t seed = 9) { return test_context(year, seed); }

double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// Regions with one zone each, regional state and firms initialised, no students.
World& firms_world(SmallWorld& sw, int regions, const FirmParams& params) {
  for (int r = 0; r < regions; ++r) {
    sw.add_region();
    sw.add_zone(static_cast<float>(10 * r), 0, r);
  }
  World& w = sw.finish();
  initialise_regions(w, CoordinationParams{}, world_key);
  initialise_firms(w, params, world_key);
  return w;
}

struct Counts {
  int none = 0, supporter = 0, core = 0;
  int partners() const { return supporter + core; }
};
Counts count(const World& w) {
  Counts c;
  for (Partnership p : w.firms.partnership) {
    c.none += p == Partnership::none;
    c.supporter += p == Partnership::supporter;
    c.core += p == Partnership::core;
  }
  return c;
}

// |k - n p| within 4 binomial standard deviations.
void check_binomial(int k, int n, double p) {
  INFO("k = " << k << ", n = " << n << ", p = " << p);
  CHECK(std::abs(k - n * p) <= 4.0 * std::sqrt(n * p * (1 - p)) + 1e-9);
}

}  // namespace

TEST_CASE("Firms.InitialPopulation", "[firms]") {
  FirmParams params;
  SmallWorld sw;
  params.firms_per_region = 32;
  World& w = firms_world(sw, 3, params);
  REQUIRE(w.firms.size() == 3 * 32);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    CHECK(w.firms.id[i] == i);
    CHECK(w.firms.region[i] == static_cast<std::int32_t>(i / 32));
    CHECK(w.firms.sector[i] < n_firm_sectors);
    CHECK(w.firms.employees[i] > 0.0f);
    CHECK(w.firms.partnership[i] == Partnership::none);
    CHECK(w.firms.years_as_partner[i] == 0);
  }
  FirmParams few;
  few.firms_per_region = 0.2;
  SmallWorld tiny;
  CHECK(firms_world(tiny, 2, few).firms.size() == 2);  // at least one per region
  FirmParams none;
  none.firms_per_region = 0;
  SmallWorld empty;
  CHECK(firms_world(empty, 2, none).firms.size() == 0);
}

TEST_CASE("Firms.NobodyJoinsWithAVeryNegativeConstant", "[firms][degenerate]") {
  FirmParams params;
  params.join_constant = -100;
  SmallWorld sw;
  World& w = firms_world(sw, 2, params);
  for (int year = 2018; year <= 2025; ++year) {
    reset_flows(w);
    w.flows.budget_received.assign(2, 1e6);
    update_firms(w, params, context(year));
    CHECK(count(w).partners() == 0);
    for (std::size_t r = 0; r < 2; ++r) {
      CHECK(w.flows.cofinancing_cash[r] == 0.0);
      CHECK(w.flows.cofinancing_in_kind[r] == 0.0);
      CHECK(w.region_state.cofinancing_committed[r] == 0.0);
    }
  }
}

TEST_CASE("Firms.SubsidyRaisesJoining", "[firms][statistical]") {
  FirmParams params;
  params.firms_per_region = 5000;
  SmallWorld sw_off, sw_on;
  World& off = firms_world(sw_off, 1, params);
  World& on = firms_world(sw_on, 1, params);
  on.flows.budget_received[0] = 1e6;
  const double c = off.region_state.collaboration[0];
  update_firms(off, params, context(2020));
  update_firms(on, params, context(2020));
  const int n = static_cast<int>(off.firms.size());
  const double p_off = logistic(params.join_constant + params.join_network * c);
  const double p_on =
      logistic(params.join_constant + params.join_network * c + params.join_subsidy);
  check_binomial(count(off).partners(), n, p_off);
  check_binomial(count(on).partners(), n, p_on);
  CHECK(count(on).partners() > count(off).partners());
  // Among those who joined, the core partners make up core_share.
  check_binomial(count(on).core, count(on).partners(), params.core_share);
}

TEST_CASE("Firms.GraduatesRaiseJoining", "[firms]") {
  FirmParams params;
  params.firms_per_region = 200;
  SmallWorld sw;
  sw.add_region(), sw.add_region();
  const std::size_t z0 = sw.add_zone(0, 0, 0);
  sw.add_zone(50, 0, 1);
  const std::size_t l0 = sw.add_location(0, 0, all_leerwegen, 0);
  for (int i = 0; i < 400; ++i) sw.add_student(z0, l0, 4, Leerweg::bb, 1);  // technical final year
  World& w = sw.finish();
  initialise_regions(w, CoordinationParams{}, world_key);
  for (std::size_t r = 0; r < 2; ++r) w.region_state.collaboration[r] = 0.2f;
  initialise_firms(w, params, world_key);
  update_firms(w, params, context(2020));
  int partners[2] = {0, 0};
  for (std::size_t i = 0; i < w.firms.size(); ++i)
    partners[w.firms.region[i]] += w.firms.partnership[i] != Partnership::none;
  // Two graduates per firm in region 0, none in region 1.
  check_binomial(
      partners[0], 200,
      logistic(params.join_constant + 2 * params.join_graduates + 0.2 * params.join_network));
  check_binomial(partners[1], 200, logistic(params.join_constant + 0.2 * params.join_network));
}

TEST_CASE("Firms.NetworksStallAfterApproval", "[firms][statistical]") {
  FirmParams params;
  params.firms_per_region = 5000;
  SmallWorld sw;
  World& w = firms_world(sw, 2, params);
  const std::size_t n = 5000;
  for (std::size_t r = 0; r < 2; ++r) {  // one partner of five years in each region
    w.firms.partnership[r * n] = Partnership::core;
    w.firms.years_as_partner[r * n] = 5;
    w.region_state.collaboration[r] = 0.2f;
  }
  w.region_state.plan_status[0] = PlanStatus::approved;  // approved five years before 2022
  w.region_state.plan_approved_year[0] = 2017;            // region 1 has no approved plan yet
  w.flows.budget_received.assign(2, 1e6);
  update_firms(w, params, context(2022));
  int joined[2] = {0, 0};
  for (std::size_t i = 0; i < w.firms.size(); ++i)
    if (i % n != 0) joined[w.firms.region[i]] += w.firms.partnership[i] != Partnership::none;
  const double base = params.join_constant + 0.2 * params.join_network + params.join_subsidy;
  check_binomial(joined[0], static_cast<int>(n - 1), logistic(base - 5 * params.join_stall));
  check_binomial(joined[1], static_cast<int>(n - 1), logistic(base));
  CHECK(joined[0] < joined[1]);
}

TEST_CASE("Firms.PartnersDriftAwayAfterTheSubsidy", "[firms][statistical]") {
  FirmParams params;
  params.firms_per_region = 5000;
  params.join_constant = -100;  // isolate leaving
  SmallWorld sw;
  World& w = firms_world(sw, 1, params);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    w.firms.partnership[i] = i % 4 == 0 ? Partnership::core : Partnership::supporter;
    w.firms.years_as_partner[i] = 3;
  }
  const int n = static_cast<int>(w.firms.size());
  // While subsidised, partners stay with logistic(stay_constant).
  w.flows.budget_received[0] = 1e6;
  update_firms(w, params, context(2023));
  const int subsidised = count(w).partners();
  check_binomial(subsidised, n, logistic(params.stay_constant));
  // The subsidy stops: partners leave faster.
  reset_flows(w);
  update_firms(w, params, context(2024));
  const int after = count(w).partners();
  check_binomial(after, subsidised, logistic(params.stay_constant - params.drift_after_subsidy));
  CHECK(after < subsidised);
  CHECK(subsidised - after > n - subsidised);  // more leave in one year without than with money
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.partnership[i] == Partnership::none)
      CHECK(w.firms.years_as_partner[i] == 0);
    else
      CHECK(w.firms.years_as_partner[i] == 5);
  }
}

TEST_CASE("Firms.CofinancingIsTheSumOfContributions", "[firms]") {
  FirmParams params;
  params.join_constant = 1.0;  // many join
  SmallWorld sw;
  World& w = firms_world(sw, 3, params);
  w.flows.budget_received.assign(3, 1e6);
  update_firms(w, params, context(2020));
  for (std::size_t r = 0; r < 3; ++r) {
    double core = 0, supporters = 0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (w.firms.region[i] != static_cast<std::int32_t>(r)) continue;
      core += w.firms.partnership[i] == Partnership::core;
      supporters += w.firms.partnership[i] == Partnership::supporter;
    }
    CHECK(core + supporters > 0);
    CHECK(w.flows.cofinancing_cash[r] == core * params.cash_core);
    CHECK(w.flows.cofinancing_in_kind[r] ==
          core * params.in_kind_core + supporters * params.in_kind_supporter);
    CHECK(w.region_state.cofinancing_committed[r] ==
          w.flows.cofinancing_cash[r] + w.flows.cofinancing_in_kind[r]);
  }
}

TEST_CASE("Firms.SameSeedSameDecisions", "[firms]") {
  FirmParams params;
  SmallWorld a, b;
  World& wa = firms_world(a, 2, params);
  World& wb = firms_world(b, 2, params);
  for (int year = 2018; year <= 2022; ++year) {
    reset_flows(wa), reset_flows(wb);
    wa.flows.budget_received.assign(2, 1e6), wb.flows.budget_received.assign(2, 1e6);
    update_firms(wa, params, context(year));
    update_firms(wb, params, context(year));
  }
  CHECK(wa.firms.partnership == wb.firms.partnership);
  CHECK(wa.firms.years_as_partner == wb.firms.years_as_partner);
  CHECK(wa.firms.employees == wb.firms.employees);
}

TEST_CASE("Firms.RegionsShortOfCofinancingCanvass", "[firms][statistical]") {
  // Three regions alike but for what their partners committed last year against the
  // cofinancing their budget requires: more than enough, half, nothing.
  FirmParams params;
  params.firms_per_region = 5000;
  SmallWorld sw;
  World& w = firms_world(sw, 3, params);
  const std::size_t n = 5000;
  for (std::size_t r = 0; r < 3; ++r) w.region_state.collaboration[r] = 0.2f;
  w.region_state.cofinancing_required = {1e5, 1e5, 1e5};
  w.region_state.cofinancing_committed = {2e5, 5e4, 0.0};
  // A fifth of each region's firms are supporters already.
  for (std::size_t i = 0; i < w.firms.size(); ++i)
    if (i % 5 == 0) w.firms.partnership[i] = Partnership::supporter, w.firms.years_as_partner[i] = 1;
  w.flows.budget_received.assign(3, 1e6);
  update_firms(w, params, context(2020));
  const double base = params.join_constant + 0.2 * params.join_network + params.join_subsidy;
  const double stay = logistic(params.stay_constant);
  const double shortfall[3] = {0.0, 0.5, 1.0};  // missing share of the requirement
  int joined[3] = {0, 0, 0}, committed[3] = {0, 0, 0};
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    const auto r = static_cast<std::size_t>(w.firms.region[i]);
    if (i % 5 != 0)
      joined[r] += w.firms.partnership[i] != Partnership::none;
    else
      committed[r] += w.firms.partnership[i] == Partnership::core;
  }
  for (std::size_t r = 0; r < 3; ++r) {
    INFO("region " << r);
    check_binomial(joined[r], static_cast<int>(n - n / 5),
                   logistic(base + params.join_shortfall * shortfall[r]));
    check_binomial(committed[r], static_cast<int>(n / 5),
                   stay * params.commit_shortfall * shortfall[r]);
  }
  CHECK(joined[0] < joined[1]);
  CHECK(joined[1] < joined[2]);
  CHECK(committed[0] == 0);
  CHECK(committed[1] < committed[2]);
}
