// `stosim attribute`: a scenario's effect split over the pathways by Shapley values.
#include <memory>

#include "app/cli_checks.hpp"
#include "app/commands.hpp"
#include "experiments/commands.hpp"

namespace stosim::app {

Command add_attribute_command(CLI::App& app) {
  struct Args {
    AttributeArgs args;
    std::vector<std::string> sets;
  };
  auto a = std::make_shared<Args>();
  AttributeArgs& s = a->args;
  CLI::App* cmd = app.add_subcommand("attribute", R"TEXT(Split a scenario's effect over the nine pathways (Shapley values).

Runs every combination of the players (default h1.enabled ... h9.enabled: 512 scenarios) with
the same replicates; a player outside the combination takes the counterfactual's value, and the
other differences (STO money) come with any pathway, so the empty combination is the
counterfactual and the nine values add up to the whole effect. Reports per target the total
effect, each player's Shapley value, its effect alone, and the pairwise interaction indices,
each with a confidence interval over replicates. --orderings N samples N orderings instead.

Examples:
  stosim attribute baseline no_sto --set population.scale=0.1 --replicates 4 \
      --target technical_share_year3,national,,BB,2030 -o shapley.csv
  stosim attribute --player h1.enabled --player h9.enabled --player policy.enabled \
      --target programmes_offered,national,,PIE,2030)TEXT");
  cmd->add_option("SCENARIO", s.scenario, "Scenario (default baseline)")->capture_default_str();
  cmd->add_option("COUNTERFACTUAL", s.counterfactual, "Counterfactual (default no_sto)")->capture_default_str();
  cmd->add_option("--player", s.players, "A switch or number that differs between the two, repeatable");
  cmd->add_option("--target", s.targets, target_help)->required();
  cmd->add_option("--replicates", s.replicates, "Replicates per combination")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--orderings", s.orderings, "Sample this many orderings instead of all combinations");
  cmd->add_option("--confidence", s.confidence, "Interval level")->check(CLI::Range(0.5, 0.999))->capture_default_str();
  cmd->add_option("--seed", s.seed, "Seed of the sampled orderings")->capture_default_str();
  cmd->add_option("--set", a->sets, "Override a key of both scenarios: --set KEY=VALUE, repeatable");
  cmd->add_option("--threads", s.threads, "Worker threads (default: all cores)")->check(threads_validator());
  cmd->add_option("-o,--output", s.output, "CSV file (default: stdout)");
  cmd->add_flag("-q,--quiet", s.quiet, "No progress on stderr");
  return {cmd, [a] {
            a->args.overrides = parse_overrides(a->sets);
            return attribute_command(a->args);
          }};
}

}  // namespace stosim::app
