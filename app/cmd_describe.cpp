// `stosim describe`: the resolved scenario as YAML, or every valid key.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "run/reference_docs.hpp"

namespace stosim::app {

namespace {

struct DescribeArgs {
  std::string scenario;
  std::vector<std::string> sets;
  bool list_keys = false;
};

int describe(const DescribeArgs& a) {
  if (a.list_keys) {
    std::cout << parameters_text();
    return 0;
  }
  const std::vector<Override> overrides = parse_overrides(a.sets);
  const Scenario s =
      a.scenario.empty() ? default_scenario(overrides) : load_scenario(a.scenario, overrides);
  std::cout << to_yaml(s);
  return 0;
}

}  // namespace

Command add_describe_command(CLI::App& app) {
  auto a = std::make_shared<DescribeArgs>();
  CLI::App* cmd = app.add_subcommand("describe", R"TEXT(Print the resolved scenario as YAML.

Shows every key after `extends` and overrides are applied, with defaults filled in: exactly
what `run` would use and what its output file stores. Without SCENARIO, prints the defaults.

Examples:
  stosim describe baseline
  stosim describe no_sto --set seed=3
  stosim describe --keys)TEXT");
  cmd->add_option("SCENARIO", a->scenario, "Scenario name or YAML file");
  cmd->add_option("--set", a->sets, "Override any key: --set KEY=VALUE, repeatable");
  cmd->add_flag("--keys", a->list_keys,
                "List every valid key: type, default, allowed values, unit, meaning and source");

  return {cmd, [a] { return describe(*a); }};
}

}  // namespace stosim::app
