// What the money does: none when the national budget is 0, a dose-response (less money, weaker
// pathways), the cofinancing trade-off, regions that fail to agree, and a run that starts after
// the plan year receiving money as the rules give it.
#include "paired_effects.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

double national_in(const IndicatorFrame& f, const Scenario& s, std::string_view name, int year) {
  return national(f, name, static_cast<std::size_t>(year - s.start_year));
}

const Arm baseline{"baseline", {}};
const Arm half_money{"baseline", {{"policy.transitie_budget", "50e6"}, {"policy.structural_budget", "50e6"}}};

}  // namespace

TEST_CASE("Money.NoStructuralMoneyMeansNoneFrom2024", "[money][scenario]") {
  const Scenario s = load_scenario("no_structural_money", {{"population.scale", "0.05"}});
  const IndicatorFrame f = run_replicate(build_initial_world(s), s, 0);
  for (int year = s.start_year; year <= s.end_year; ++year) {
    INFO(year);
    if (year >= s.model.policy.structureel_start)
      CHECK(national_in(f, s, "budget_received", year) == 0.0);
    else
      CHECK(national_in(f, s, "budget_received", year) > 0.0);
  }
}

TEST_CASE("Money.HalfTheBudgetWeakensThePathways", "[money][statistical]") {
  // Paired replicates: the same world and draws, half the transition and structural budget.
  check_falls(half_money, baseline, "budget_received");
  check_falls(half_money, baseline, "technical_facility_quality");      // H6, H2
  check_falls(half_money, baseline, "teachers_qualified_share_total");  // H8
  check_falls(half_money, baseline, "teachers_from_industry");          // H8
  check_falls(half_money, baseline, "technical_keuzevak_share", {2});   // H5
  check_falls(half_money, baseline, "development_hours_per_fte");       // H8
  check_falls(half_money, baseline, "collaboration");                   // coordination money
}

TEST_CASE("Money.CofinancingMinimumTradesMoneyForCommitment", "[money][scenario][statistical]") {
  // A higher minimum blocks or scales more budgets: less money flows, and with it less
  // modernisation; what flows carries a larger share of business money.
  const Arm c0{"cofinancing_0", {}}, c10{"cofinancing_10", {}}, c20{"cofinancing_20", {}};
  check_falls(c10, c0, "budget_received");
  check_falls(c20, c10, "budget_received");
  check_falls(c20, c0, "technical_facility_quality");
  // The cofinancing share of the total cost rises with the minimum.
  const PairedDesign design;
  auto cofinancing_share = [&](const Arm& a, int r) {
    const IndicatorFrame& f = cached_run(a.scenario, a.overrides, design).replicates[r];
    const double firms = outcome(f, "cofinancing_cash", {}, 5) + outcome(f, "cofinancing_in_kind", {}, 5);
    return firms / (firms + outcome(f, "budget_received", {}, 5));
  };
  for (int r = 0; r < design.replicates; ++r) {
    CHECK(cofinancing_share(c20, r) > cofinancing_share(c10, r));
    CHECK(cofinancing_share(c10, r) > cofinancing_share(c0, r));
  }
}

TEST_CASE("Money.RegionsThatFailToAgreeGetNoTransitionMoney", "[money][policy]") {
  // One assessment only and a demanding committee: rejected regions stay without a plan and
  // money for good, approved ones are paid.
  const Scenario s = load_scenario("baseline", {{"population.scale", "0.1"},
                                                {"policy.max_submissions", "1"},
                                                {"policy.approval_threshold", "0.45"}});
  const IndicatorFrame f = run_replicate(build_initial_world(s), s, 0);
  const double first = national_in(f, s, "plan_approved", s.model.policy.transitie_start - 1);
  CHECK(first > 0.0);
  CHECK(first < static_cast<double>(f.units(Level::region)));
  for (int year = s.model.policy.transitie_start; year <= s.end_year; ++year)
    CHECK(national_in(f, s, "plan_approved", year) == first);  // no resubmission
  // Only approved regions receive transition money.
  const std::size_t received = indicator_id("budget_received"), approved = indicator_id("plan_approved");
  const std::size_t y = static_cast<std::size_t>(s.model.policy.transitie_start + 1 - s.start_year);
  for (std::size_t r = 0; r < f.units(Level::region); ++r) {
    const double money = f.values(received, Level::region)[f.at(received, Level::region, y, r, 0)];
    const double ok = f.values(approved, Level::region)[f.at(approved, Level::region, y, r, 0)];
    if (ok == 0.0) CHECK(money == 0.0);
  }
}

TEST_CASE("Money.ARunStartingAfterThePlanYearGetsMoneyFromItsFirstYear", "[money][policy]") {
  // nl_2019 starts in 2020, after the plans of 2019: the policy's past is replayed, so plans are
  // approved and money flows from the first year, about as in a run that lived through 2018-2019.
  const std::vector<Override> small = {{"population.scale", "0.1"}, {"end_year", "2023"}};
  std::vector<Override> late = small;
  late.push_back({"start_year", "2020"});
  const Scenario early_s = load_scenario("baseline", small), late_s = load_scenario("baseline", late);
  const IndicatorFrame early = run_replicate(build_initial_world(early_s), early_s, 0);
  const IndicatorFrame later = run_replicate(build_initial_world(late_s), late_s, 0);
  const double approved_early = national_in(early, early_s, "plan_approved", 2020);
  const double approved_late = national_in(later, late_s, "plan_approved", 2020);
  const auto regions = static_cast<double>(later.units(Level::region));
  CHECK(approved_late >= 0.8 * regions);
  CHECK(std::abs(approved_late - approved_early) <= 0.2 * regions);
  for (int year = 2020; year <= 2023; ++year) {
    INFO(year);
    const double late_money = national_in(later, late_s, "budget_received", year);
    const double early_money = national_in(early, early_s, "budget_received", year);
    CHECK(late_money > 0.5 * early_money);
    CHECK(late_money < 1.5 * early_money);
  }
  CHECK(national_in(later, late_s, "agreements", 2020) > 0.0);
}
