// Suggestions for mistyped options: `stosim run baseline --replicate 3` says "did you mean
// '--replicates'?" after CLI11's own message.
#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

#include "app/commands.hpp"
#include "run/scenario.hpp"

namespace stosim::app {


std::string nearest_option(const CLI::App& command, const std::string& unknown) {
  std::string_view name = unknown;
  while (name.starts_with('-')) name.remove_prefix(1);
  name = name.substr(0, name.find('='));
  std::string best;
  std::size_t best_distance = 3;  // at most two edits away
  for (const CLI::Option* option : command.get_options())
    for (const std::string& long_name : option->get_lnames()) {
      const std::size_t d = edit_distance(name, long_name);
      if (d < best_distance && d < long_name.size()) best_distance = d, best = "--" + long_name;
    }
  return best;
}

// After a parse error: one suggestion per unknown long option of the subcommand given.
void suggest_options(const CLI::App& app, int argc, char** argv) {
  const std::vector<CLI::App*> given = app.get_subcommands();
  const CLI::App& command = given.empty() ? app : *given.front();
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (!argument.starts_with("--")) continue;
    const std::string name = argument.substr(0, argument.find('='));
    if (command.get_option_no_throw(name) != nullptr || app.get_option_no_throw(name) != nullptr) continue;
    const std::string suggestion = nearest_option(command, name);
    if (!suggestion.empty()) std::fprintf(stderr, "stosim: %s: did you mean '%s'?\n", name.c_str(), suggestion.c_str());
  }
}

}  // namespace stosim::app
