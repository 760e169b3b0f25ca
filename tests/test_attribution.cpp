// stosim attribute: Shapley values of the nine pathways on the model.
#include <catch2/catch.hpp>

#include <numeric>

#include "experiments/attribution.hpp"
#include "experiments/model_runs.hpp"
#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

TEST_CASE("The nine pathways' Shapley values add up to the effect of baseline against no_sto", "[attribution]") {
  const std::vector<Override> small = {{"population.scale", "0.02"}, {"end_year", "2020"}};
  const Scenario baseline = load_scenario("baseline", small);
  const Scenario no_sto = load_scenario("no_sto", small);
  AttributionOptions o;
  o.players = default_players();
  o.targets = {parse_target("technical_share_year3,national,,BB,2020", "test"),
               parse_target("programmes_offered,national,,PIE,2020", "test")};
  o.replicates = 2;
  std::vector<AttributionRow> rows;
  with_threads(2, [&] { rows = run_attribution(baseline, no_sto, o); });

  // The total is the paired effect of the two scenarios run directly.
  std::vector<double> direct(2, 0.0);
  for (int r = 0; r < 2; ++r) {
    const IndicatorFrame b = run_replicate(build_initial_world(baseline), baseline, r);
    const IndicatorFrame n = run_replicate(build_initial_world(no_sto), no_sto, r);
    direct[0] += (national(b, "technical_share_year3", 2, 0) - national(n, "technical_share_year3", 2, 0)) / 2;
    direct[1] += (national(b, "programmes_offered", 2, 1) - national(n, "programmes_offered", 2, 1)) / 2;
  }
  for (std::size_t t = 0; t < 2; ++t) {
    const std::string label = o.targets[t].label();
    double total = std::nan(""), sum = 0.0;
    int players = 0, interactions = 0;
    for (const AttributionRow& row : rows) {
      if (row.target != label) continue;
      if (row.kind == "total") total = row.estimate;
      if (row.kind == "shapley") sum += row.estimate, ++players;
      if (row.kind == "interaction") ++interactions;
    }
    INFO(label);
    CHECK(players == 9);
    CHECK(interactions == 36);
    CHECK(total == Approx(direct[t]).margin(1e-12));
    CHECK(sum == Approx(total).margin(1e-9));
  }
  // The effect is not trivially zero, so the sum means something (in 2019, STO's first year,
  // it can come out exactly zero at this scale).
  CHECK(direct[0] != 0.0);
}

TEST_CASE("A player that is the same in both scenarios gets nothing", "[attribution]") {
  const std::vector<Override> small = {{"population.scale", "0.02"}, {"end_year", "2019"}};
  const Scenario baseline = load_scenario("baseline", small);
  const Scenario no_sto = load_scenario("no_sto", small);
  AttributionOptions o;
  o.players = {"h5.enabled", "h5.keuzevak_shift"};  // the strength is equal in both
  o.targets = {parse_target("technical_keuzevak,national,,tl,2019", "test")};
  o.replicates = 1;
  std::vector<AttributionRow> rows;
  with_threads(2, [&] { rows = run_attribution(baseline, no_sto, o); });
  for (const AttributionRow& row : rows)
    if (row.kind == "shapley" && row.player == "h5.keuzevak_shift") CHECK(row.estimate == 0.0);
  Scenario other = no_sto;
  other.seed += 1;
  CHECK_THROWS_AS(run_attribution(baseline, other, o), ScenarioError);
}
