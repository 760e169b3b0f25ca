#pragma once
// `stosim attribute`: a scenario's effect against a counterfactual (baseline against no_sto)
// split over players, by default the nine pathway switches h1.enabled .. h9.enabled, by Shapley
// values over every combination of switches (2^9 scenarios), with pairwise interaction indices.
//
// Coalition S runs the scenario with the players outside S set as in the counterfactual. The
// other differences between the two scenarios (STO money: policy.enabled) come with any pathway:
// the empty coalition is the counterfactual itself, so the values add up to the whole effect. To
// give the money its own share, make policy.enabled a player.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiments/moments.hpp"
#include "run/scenario.hpp"

namespace stosim {

struct AttributionOptions {
  std::vector<std::string> players;  // boolean or numeric keys; default: h1.enabled .. h9.enabled
  std::vector<OutputTarget> targets;
  int replicates = 2;
  int orderings = 0;  // 0: exact over all 2^n coalitions; else sampled orderings (Monte Carlo)
  double confidence = 0.95;
  std::uint64_t seed = 1;  // orderings
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct AttributionRow {
  std::string target;
  std::string kind;  // total, shapley, alone, interaction
  std::string player, other;
  double estimate = 0.0, low = 0.0, high = 0.0;
};

std::vector<std::string> default_players();
// Throws ScenarioError when the two scenarios differ in seed, years or population.
std::vector<AttributionRow> run_attribution(const Scenario& scenario, const Scenario& counterfactual,
                                            const AttributionOptions& options);
std::string attribution_csv(const std::vector<AttributionRow>& rows);

}  // namespace stosim
