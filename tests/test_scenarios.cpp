// Every scenario in scenarios/ does what its description says, on the indicators its question is
// about. Statistical ones compare paired replicates (common random numbers) and ask for an effect
// beyond three standard errors. Covered elsewhere: h1-h9 (test_hypotheses.cpp), all_hypotheses
// (Policy.AllHypothesesEqualsBaseline), no_structural_money and cofinancing_0/10/20
// (test_money.cpp), nl_2017 and nl_2017_no_sto (test_zero_situation.cpp).
#include <unistd.h>

#include <filesystem>
#include <set>

#include "import_helpers.hpp"
#include "paired_effects.hpp"
#include "population/population_file.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {


const Arm baseline{"baseline", {}};
const Arm no_sto{"no_sto", {}};

double year_value(const IndicatorFrame& f, const Scenario& s, std::string_view name, int year) {
  return national(f, name, static_cast<std::size_t>(year - s.start_year));
}

}  // namespace

TEST_CASE("Scenarios.EveryScenarioHasATest", "[scenario]") {
  // A new scenario needs a test of its question here (or in the files named above).
  const std::set<std::string> tested = {
      "baseline", "no_sto", "money_only", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9",
      "all_hypotheses", "no_structural_money", "cofinancing_0", "cofinancing_10", "cofinancing_20",
      "strong_shrinkage", "mild_shrinkage", "tight_labour_market", "slack_labour_market",
      "teacher_shortage", "nl_2019", "nl_2019_no_sto", "nl_2017", "nl_2017_no_sto"};
  for (const auto& entry : std::filesystem::directory_iterator(std::string(STOSIM_SOURCE_DIR) + "/scenarios")) {
    const std::string name = entry.path().stem().string();
    INFO(name);
    CHECK(tested.count(name) == 1);
  }
}

TEST_CASE("Scenarios.BaselinePaysEveryYearAndNoStoNever", "[scenario]") {
  for (const char* name : {"baseline", "no_sto", "money_only"}) {
    const Scenario s = load_scenario(name, {{"population.scale", "0.05"}});
    const IndicatorFrame f = run_replicate(build_initial_world(s), s, 0);
    const bool money = std::string(name) != "no_sto";
    for (int year = s.start_year; year <= s.end_year; ++year) {
      INFO(name << " " << year);
      CHECK((year_value(f, s, "budget_received", year) > 0.0) == money);
      if (!money) CHECK(year_value(f, s, "plan_approved", year) == 0.0);
    }
  }
}

TEST_CASE("Scenarios.MoneyOnlyHasNoPathwayEffects", "[scenario][channels]") {
  // STO money with every switch off: the pathways' own indicators stay as without them.
  const Scenario s = load_scenario("money_only", {{"population.scale", "0.05"}});
  const IndicatorFrame f = run_replicate(build_initial_world(s), s, 0);
  for (int year = s.start_year; year <= s.end_year; ++year) {
    INFO(year);
    CHECK(year_value(f, s, "innovation", year) == Approx(s.model.regional_coordination.initial_innovation));
    CHECK(year_value(f, s, "hub_students", year) == 0.0);
    CHECK(year_value(f, s, "programmes_concentrated", year) == 0.0);
    CHECK(year_value(f, s, "budget_spent", year) <= year_value(f, s, "budget_received", year) * (1 + 1e-12));
  }
}

TEST_CASE("Scenarios.BaselineRaisesQualityAgainstNoSto", "[scenario][statistical]") {
  check_rises(baseline, no_sto, "technical_facility_quality");
  check_rises(baseline, no_sto, "innovation");
  check_rises(baseline, no_sto, "teachers_qualified_share_total");
}

TEST_CASE("Scenarios.StrongShrinkageLosesStudentsAndProgrammes", "[scenario][statistical]") {
  const Arm strong{"strong_shrinkage", {}}, mild{"mild_shrinkage", {}};
  check_falls(strong, mild, "students_all_years");
  check_falls(strong, mild, "technical_programmes");
}

TEST_CASE("Scenarios.TightLabourMarketPullsTeachersAndStudents", "[scenario][statistical]") {
  const Arm tight{"tight_labour_market", {}}, slack{"slack_labour_market", {}};
  check_rises(tight, baseline, "teachers_left");
  // Teachers are at the observed scale (about 1,500 persons nationally, some 230 at scale 0.15):
  // slack demand lowers the labour pull only in regions with demand above 1, about one exit a
  // year at 0.15, under three standard errors of 10 paired replicates; a larger world has the power.
  check_falls(slack, baseline, "teachers_left", {}, 5, PairedDesign{.replicates = 10, .scale = 0.4});
  check_rises(tight, slack, "mbo_technical");  // H4 aligns transitions with demand
}

TEST_CASE("Scenarios.TeacherShortageOpensVacanciesThatH3AndH8Narrow", "[scenario][statistical]") {
  const Arm shortage{"teacher_shortage", {}};
  const Arm without_help{"teacher_shortage", {{"h3.enabled", "false"}, {"h8.enabled", "false"}}};
  check_rises(shortage, baseline, "vacancy_fte", technical_profiles);
  check_falls(shortage, baseline, "teachers_qualified_share_total");
  check_rises(without_help, shortage, "vacancy_fte", technical_profiles);
}

TEST_CASE("Scenarios.Nl2019ReceivesStoMoneyFrom2020", "[scenario][import][data]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const TempFile file("stosim_scenarios_nl_2019.h5");
  write_population_file(file.path.string(), import_population(default_import_files(shared_data.string())));
  const std::vector<Override> o = {{"population.path", file.path.string()}, {"end_year", "2024"}};
  const Scenario sto = load_scenario("nl_2019", o), none = load_scenario("nl_2019_no_sto", o);
  const World initial = build_initial_world(sto);
  const IndicatorFrame with = run_replicate(initial, sto, 0);
  const IndicatorFrame without = run_replicate(build_initial_world(none), none, 0);
  const auto regions = static_cast<double>(with.units(Level::region));
  for (int year = 2020; year <= 2024; ++year) {
    INFO(year);
    CHECK(year_value(with, sto, "budget_received", year) > 0.5 * sto.model.policy.transitie_budget);
    CHECK(year_value(with, sto, "plan_approved", year) >= 0.8 * regions);
    CHECK(year_value(without, none, "budget_received", year) == 0.0);
  }
  CHECK(year_value(with, sto, "agreements", 2021) > 0.0);
}
