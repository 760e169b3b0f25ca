// STO policy: degenerate budgets, the cofinancing rule, and money accounting.
#include <catch2/catch.hpp>

#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

double sum_national(const IndicatorFrame& f, std::string_view name) {
  double total = 0.0;
  const std::size_t i = indicator_id(name);
  for (std::size_t y = 0; y < f.years(); ++y)
    for (std::size_t c = 0; c < f.cells(i); ++c) total += national(f, name, y, c);
  return total;
}

IndicatorFrame run(std::vector<Override> overrides) {
  const Scenario s = small_scenario(0.1, 1, std::move(overrides));
  return run_replicate(build_initial_world(s), s, 0);
}

}  // namespace

TEST_CASE("Policy.ZeroBudgetMeansNoSpending", "[policy][degenerate]") {
  const IndicatorFrame f = run({{"policy.aanloop_budget", "0"}, {"policy.planning_grant", "0"},
                                {"policy.transitie_budget", "0"},
                                {"policy.structural_budget", "0"}, {"policy.region_budget_min", "0"}});
  CHECK(sum_national(f, "budget_received") == 0.0);
  CHECK(sum_national(f, "budget_spent") == 0.0);
  CHECK(sum_national(f, "budget_by_envelope") == 0.0);
}

TEST_CASE("Policy.DisabledPolicyMeansNoMoney", "[policy][degenerate]") {
  const IndicatorFrame f = run({{"policy.enabled", "false"}});
  CHECK(sum_national(f, "budget_received") == 0.0);
  CHECK(sum_national(f, "plan_approved") == 0.0);
}

TEST_CASE("Policy.CofinancingAboveWhatFirmsGiveBlocksTheBudget", "[policy][degenerate]") {
  // Firms never join, so no region meets a 10 % minimum under the blocking rule: only the
  // aanloop impulse (paid before plans) is received.
  const IndicatorFrame f = run({{"firms.join_constant", "-50"}, {"policy.cofinancing_rule", "block"}});
  CHECK(sum_national(f, "cofinancing_cash") + sum_national(f, "cofinancing_in_kind") == 0.0);
  const Scenario s = small_scenario(0.1);
  for (std::size_t y = 0; y < f.years(); ++y) {
    const int year = s.start_year + static_cast<int>(y);
    if (year >= s.model.policy.transitie_start) CHECK(national(f, "budget_received", y) == 0.0);
  }
  CHECK(sum_national(f, "budget_received") > 0.0);  // the aanloop impulse
}

TEST_CASE("Policy.ScalingRuleCutsBudgetsToWhatCofinancingSupports", "[policy]") {
  const IndicatorFrame blocked = run({{"policy.cofinancing_min", "0.9"}, {"policy.cofinancing_rule", "block"}});
  const IndicatorFrame scaled = run({{"policy.cofinancing_min", "0.9"}, {"policy.cofinancing_rule", "scale"}});
  const IndicatorFrame free = run({{"policy.cofinancing_min", "0"}});
  CHECK(sum_national(blocked, "budget_received") < sum_national(scaled, "budget_received"));
  CHECK(sum_national(scaled, "budget_received") < sum_national(free, "budget_received"));
}

TEST_CASE("Policy.MoneySpentNeverExceedsMoneyReceived", "[policy][accounting]") {
  const Scenario s = small_scenario(0.1);
  const IndicatorFrame f = run_replicate(build_initial_world(s), s, 0);
  const std::size_t received = indicator_id("budget_received"), spent = indicator_id("budget_spent");
  const auto& r = f.values(received, Level::region);
  const auto& p = f.values(spent, Level::region);
  REQUIRE(r.size() == p.size());
  double total = 0.0;
  for (std::size_t k = 0; k < r.size(); ++k) {
    CHECK(p[k] <= r[k] * (1 + 1e-12) + 1e-6);
    total += r[k];
  }
  CHECK(total > 0.0);
}

TEST_CASE("Policy.CeilingHoldsBeforeTheStructuralPhase", "[policy]") {
  const Scenario s = small_scenario(0.1);
  const IndicatorFrame f = run_replicate(build_initial_world(s), s, 0);
  double before = 0.0;
  for (std::size_t y = 0; y < f.years(); ++y)
    if (s.start_year + static_cast<int>(y) < s.model.policy.structureel_start) before += national(f, "budget_received", y);
  CHECK(before <= s.model.policy.ceiling_2018_2023 * 0.1 * (1 + 1e-9));
}

TEST_CASE("Policy.Calibration.ApprovalThresholdReproducesTheFirstAssessment", "[policy][calibration]") {
  // A calibration check, not a test of the mechanism: approval_threshold was fitted to 71 of 78
  // plans approved at the first assessment (FACTS.md); this guards the fit against drift. At
  // national scale the simulated share lies within 4 binomial standard errors of 71/78.
  const Scenario s = default_scenario({{"end_year", "2019"}});
  const RunResult run = run_scenario(s);
  const double approved = national(run.replicates[0], "plan_approved", 1);
  const double p = 71.0 / 78.0;
  CHECK(std::abs(approved / 78.0 - p) <= 4.0 * std::sqrt(p * (1 - p) / 78.0));
}

TEST_CASE("Policy.ApprovalRisesWithPlanQualityAndResubmission", "[policy]") {
  // The mechanism: a committee that asks more approves fewer plans at the first assessment, and
  // resubmission (improved plans) approves more of the rest a year later.
  auto approved = [](const char* threshold, int year_index) {
    const IndicatorFrame f = run({{"policy.approval_threshold", threshold}, {"end_year", "2021"}});
    return national(f, "plan_approved", static_cast<std::size_t>(year_index));
  };
  const double lenient = approved("0.1", 1), strict = approved("0.4", 1);
  CHECK(strict < lenient);
  CHECK(approved("0.4", 2) > strict);
}

TEST_CASE("Policy.AllHypothesesEqualsBaseline", "[policy][scenario]") {
  Scenario a = load_scenario("baseline"), b = load_scenario("all_hypotheses");
  a.name = b.name = "", a.description = b.description = "";
  CHECK(to_yaml(a) == to_yaml(b));
}
